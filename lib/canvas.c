/* SPDX-License-Identifier: MIT */
/* The canvas model: items in nine blocks, found by id through a hash map,
 * joined by links that are kept in both directions so that removing an item
 * never leaves a link dangling.
 *
 * Every mutation checks its arguments, then makes every allocation it needs,
 * and only then changes the canvas, by steps that cannot fail. */
#include <stdio.h>
#include <string.h>

#include "canvas_impl.h"

typedef struct smb_item item_t;

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

/* ---- small helpers ------------------------------------------------------ */

static bool block_ok(smb_block block)
{
    return (int)block >= 0 && (int)block < SMB_BLOCK_COUNT;
}

static smb_status null_arg(const char *what)
{
    return smb__fail(SMB_EINVAL, "%s: must not be NULL", what);
}

static smb_status bad_block(smb_block block)
{
    return smb__fail(SMB_EINVAL, "block: %d is not a canvas block (0 to %d)", (int)block,
                     SMB_BLOCK_COUNT - 1);
}

static smb_status find_item(const smb_canvas *canvas, const char *id, item_t **out)
{
    if (!canvas)
        return null_arg("canvas");
    if (!id)
        return null_arg("id");
    item_t *item = smb__idmap_find(&canvas->ids, id);
    if (!item) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "no item with id '%s'",
                         smb__show(shown, sizeof shown, id));
    }
    *out = item;
    return SMB_OK;
}

/* smb__reserve for arrays of item pointers, without type-punning the
 * array pointer. */
static smb_status reserve_ptrs(item_t ***items, size_t *cap, size_t need)
{
    void *p = *items;
    smb_status st = smb__reserve(&p, cap, need, sizeof **items);
    *items = p;
    return st;
}

/* Undo a reservation that allocated an array from nothing, for when a later
 * step of the same mutation fails: a grown array is harmless, a new one
 * would be a leak until the canvas is freed. */
static void unreserve_fresh(item_t ***items, size_t *cap, bool was_empty)
{
    if (was_empty && *items) {
        smb__free(*items);
        *items = NULL;
        *cap = 0;
    }
}

static void reindex(smb__block_items *b, size_t from)
{
    for (size_t i = from; i < b->count; i++)
        b->items[i]->index = i;
}

static void remove_at(smb__block_items *b, size_t index)
{
    memmove(b->items + index, b->items + index + 1,
            (b->count - index - 1) * sizeof *b->items);
    b->count--;
}

/* Room for one more pointer must have been reserved. */
static void insert_at(smb__block_items *b, size_t index, item_t *item)
{
    memmove(b->items + index + 1, b->items + index, (b->count - index) * sizeof *b->items);
    b->items[index] = item;
    b->count++;
}

/* Remove x from an array of item pointers: outgoing links keep their order
 * (it is part of the model), incoming ones need not. */
static void drop_ptr(item_t **items, size_t *count, const item_t *x, bool keep_order)
{
    for (size_t i = 0; i < *count; i++) {
        if (items[i] != x)
            continue;
        if (keep_order)
            memmove(items + i, items + i + 1, (*count - i - 1) * sizeof *items);
        else
            items[i] = items[*count - 1];
        (*count)--;
        return;
    }
}

static bool has_link(const item_t *from, const item_t *to)
{
    for (size_t i = 0; i < from->link_count; i++)
        if (from->links[i] == to)
            return true;
    return false;
}

static void free_strings(char **strings, size_t count)
{
    for (size_t i = 0; i < count; i++)
        smb__free(strings[i]);
    smb__free(strings);
}

static void item_free(item_t *item)
{
    if (!item)
        return;
    smb__free(item->text);
    smb__free(item->notes);
    free_strings(item->tags, item->tag_count);
    smb__free(item->links);
    smb__free(item->backlinks);
    smb__free(item);
}

static bool same_string(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* NULL and "" both mean "unset" for the optional strings. */
static bool same_optional(const char *a, const char *b)
{
    return same_string(a && *a ? a : NULL, b && *b ? b : NULL);
}

/* Replace *slot with a copy of s; NULL or "" clears it. */
static smb_status set_optional(char **slot, const char *field, const char *s)
{
    char *copy = NULL;
    if (s && *s) {
        smb_status st = smb__check_text(field, s, true);
        if (st != SMB_OK)
            return st;
        copy = smb__strdup(s);
        if (!copy)
            return smb__nomem();
    }
    smb__free(*slot);
    *slot = copy;
    return SMB_OK;
}

/* ---- life cycle ---------------------------------------------------------- */

smb_status smb_canvas_new(smb_canvas **out)
{
    if (!out)
        return null_arg("out");
    smb_canvas *canvas = smb__calloc(1, sizeof *canvas);
    if (!canvas)
        return smb__nomem();
    smb__idmap_init(&canvas->ids);
    *out = canvas;
    return SMB_OK;
}

void smb_canvas_free(smb_canvas *canvas)
{
    if (!canvas)
        return;
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        for (size_t i = 0; i < canvas->blocks[b].count; i++)
            item_free(canvas->blocks[b].items[i]);
        smb__free(canvas->blocks[b].items);
    }
    smb__idmap_free(&canvas->ids);
    smb__free(canvas->name);
    smb__free(canvas->description);
    smb__free(canvas);
}

/* Copy everything but the links; the link arrays are allocated at their
 * final size so that wiring them up afterwards cannot fail. */
static item_t *item_clone(const item_t *src)
{
    item_t *item = smb__calloc(1, sizeof *item);
    if (!item)
        return NULL;
    memcpy(item->id, src->id, sizeof item->id);
    item->importance = src->importance;
    item->evidence = src->evidence;
    item->has_amount = src->has_amount;
    item->amount = src->amount;
    item->kind = src->kind;
    item->block = src->block;
    item->index = src->index;
    item->text = smb__strdup(src->text);
    if (!item->text)
        goto fail;
    if (src->notes && !(item->notes = smb__strdup(src->notes)))
        goto fail;
    if (src->tag_count) {
        item->tags = smb__calloc(src->tag_count, sizeof *item->tags);
        if (!item->tags)
            goto fail;
        for (; item->tag_count < src->tag_count; item->tag_count++) {
            item->tags[item->tag_count] = smb__strdup(src->tags[item->tag_count]);
            if (!item->tags[item->tag_count])
                goto fail;
        }
    }
    if (src->link_count) {
        item->links = smb__calloc(src->link_count, sizeof *item->links);
        if (!item->links)
            goto fail;
        item->link_cap = src->link_count;
    }
    if (src->backlink_count) {
        item->backlinks = smb__calloc(src->backlink_count, sizeof *item->backlinks);
        if (!item->backlinks)
            goto fail;
        item->backlink_cap = src->backlink_count;
    }
    return item;
fail:
    item_free(item);
    return NULL;
}

static smb_status copy_into(const smb_canvas *src, smb_canvas *dst)
{
    if ((src->name && !(dst->name = smb__strdup(src->name))) ||
        (src->description && !(dst->description = smb__strdup(src->description))))
        return smb__nomem();
    smb_status st = smb__idmap_reserve(&dst->ids, src->total);
    if (st != SMB_OK)
        return st;
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        const smb__block_items *from = &src->blocks[b];
        smb__block_items *to = &dst->blocks[b];
        if (from->count == 0)
            continue;
        to->items = smb__calloc(from->count, sizeof *to->items);
        if (!to->items)
            return smb__nomem();
        to->cap = from->count;
        for (size_t i = 0; i < from->count; i++) {
            item_t *item = item_clone(from->items[i]);
            if (!item)
                return smb__nomem();
            to->items[to->count++] = item;
            dst->total++;
            smb__idmap_insert_reserved(&dst->ids, item->id, item);
        }
    }
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        for (size_t i = 0; i < src->blocks[b].count; i++) {
            const item_t *orig = src->blocks[b].items[i];
            item_t *item = dst->blocks[b].items[i];
            for (size_t k = 0; k < orig->link_count; k++) {
                item_t *target = smb__idmap_find(&dst->ids, orig->links[k]->id);
                item->links[item->link_count++] = target;
                target->backlinks[target->backlink_count++] = item;
            }
        }
    }
    return SMB_OK;
}

smb_status smb_canvas_copy(const smb_canvas *canvas, smb_canvas **out)
{
    if (!canvas)
        return null_arg("canvas");
    if (!out)
        return null_arg("out");
    smb_canvas *copy;
    smb_status st = smb_canvas_new(&copy);
    if (st != SMB_OK)
        return st;
    st = copy_into(canvas, copy);
    if (st != SMB_OK) {
        smb_canvas_free(copy);
        return st;
    }
    *out = copy;
    return SMB_OK;
}

static bool items_equal(const item_t *a, const item_t *b)
{
    if (strcmp(a->id, b->id) != 0 || strcmp(a->text, b->text) != 0 ||
        !same_string(a->notes, b->notes) || a->importance != b->importance ||
        a->evidence != b->evidence || a->has_amount != b->has_amount ||
        a->amount != b->amount || a->kind != b->kind || a->tag_count != b->tag_count ||
        a->link_count != b->link_count)
        return false;
    for (size_t i = 0; i < a->tag_count; i++)
        if (strcmp(a->tags[i], b->tags[i]) != 0)
            return false;
    for (size_t i = 0; i < a->link_count; i++)
        if (strcmp(a->links[i]->id, b->links[i]->id) != 0)
            return false;
    return true;
}

int smb_canvas_equal(const smb_canvas *a, const smb_canvas *b)
{
    if (!a || !b)
        return a == b;
    if (a == b)
        return 1;
    if (!same_optional(a->name, b->name) || !same_optional(a->description, b->description) ||
        a->total != b->total)
        return 0;
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        if (a->blocks[k].count != b->blocks[k].count)
            return 0;
        for (size_t i = 0; i < a->blocks[k].count; i++)
            if (!items_equal(a->blocks[k].items[i], b->blocks[k].items[i]))
                return 0;
    }
    return 1;
}

/* ---- canvas properties --------------------------------------------------- */

const char *smb_canvas_name(const smb_canvas *canvas)
{
    return canvas && canvas->name ? canvas->name : "";
}

smb_status smb_canvas_set_name(smb_canvas *canvas, const char *name)
{
    if (!canvas)
        return null_arg("canvas");
    return set_optional(&canvas->name, "name", name);
}

const char *smb_canvas_description(const smb_canvas *canvas)
{
    return canvas && canvas->description ? canvas->description : "";
}

smb_status smb_canvas_set_description(smb_canvas *canvas, const char *description)
{
    if (!canvas)
        return null_arg("canvas");
    return set_optional(&canvas->description, "description", description);
}

/* ---- items --------------------------------------------------------------- */

smb_status smb_canvas_add_item(smb_canvas *canvas, smb_block block, const char *id,
                               const char *text)
{
    if (!canvas)
        return null_arg("canvas");
    if (!block_ok(block))
        return bad_block(block);
    smb_status st = smb__check_id(id);
    if (st == SMB_OK)
        st = smb__check_text("text", text, false);
    if (st != SMB_OK)
        return st;
    const item_t *taken = smb__idmap_find(&canvas->ids, id);
    if (taken)
        return smb__fail(SMB_EEXIST, "id '%s' is already used in %s", id,
                         smb_block_key(taken->block));
    if (canvas->total >= SMB_MAX_ITEMS)
        return smb__fail(SMB_ELIMIT, "canvas: already holds the most items allowed (%d)",
                         SMB_MAX_ITEMS);

    item_t *item = smb__calloc(1, sizeof *item);
    if (!item)
        return smb__nomem();
    item->text = smb__strdup(text);
    if (!item->text) {
        item_free(item);
        return smb__nomem();
    }
    strcpy(item->id, id);
    item->importance = 3;
    item->evidence = SMB_EVIDENCE_ASSUMPTION;
    item->kind = SMB_KIND_NONE;
    item->block = block;

    smb__block_items *b = &canvas->blocks[block];
    bool was_empty = b->items == NULL;
    st = reserve_ptrs(&b->items, &b->cap, b->count + 1);
    if (st == SMB_OK) {
        st = smb__idmap_reserve(&canvas->ids, canvas->total + 1);
        if (st != SMB_OK)
            unreserve_fresh(&b->items, &b->cap, was_empty);
    }
    if (st != SMB_OK) {
        item_free(item);
        return st;
    }

    item->index = b->count;
    b->items[b->count++] = item;
    smb__idmap_insert_reserved(&canvas->ids, item->id, item);
    canvas->total++;
    return SMB_OK;
}

smb_status smb_canvas_remove_item(smb_canvas *canvas, const char *id)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    for (size_t i = 0; i < item->backlink_count; i++) {
        item_t *source = item->backlinks[i];
        drop_ptr(source->links, &source->link_count, item, true);
    }
    for (size_t i = 0; i < item->link_count; i++) {
        item_t *target = item->links[i];
        drop_ptr(target->backlinks, &target->backlink_count, item, false);
    }
    smb__block_items *b = &canvas->blocks[item->block];
    remove_at(b, item->index);
    reindex(b, item->index);
    smb__idmap_remove(&canvas->ids, item->id);
    canvas->total--;
    item_free(item);
    return SMB_OK;
}

/* Whether item may live in `block`: its amount, kind and links in both
 * directions must all be allowed there. */
static smb_status check_fits(const item_t *item, smb_block block)
{
    const char *to = smb_block_key(block);
    if (!smb_amount_kind_allowed(block, item->kind))
        return smb__fail(SMB_EINVAL, "item '%s' has kind '%s', which %s does not allow",
                         item->id, smb_amount_kind_key(item->kind), to);
    if (item->has_amount && !smb_block_has_amounts(block))
        return smb__fail(SMB_EINVAL, "item '%s' has an amount, which %s does not allow",
                         item->id, to);
    for (size_t i = 0; i < item->link_count; i++) {
        const item_t *target = item->links[i];
        if (!smb_link_allowed(block, target->block))
            return smb__fail(SMB_EINVAL,
                             "item '%s' links to '%s' in %s, which %s may not link to",
                             item->id, target->id, smb_block_key(target->block), to);
    }
    for (size_t i = 0; i < item->backlink_count; i++) {
        const item_t *source = item->backlinks[i];
        if (!smb_link_allowed(source->block, block))
            return smb__fail(SMB_EINVAL,
                             "item '%s' in %s links to '%s', which it may not do in %s",
                             source->id, smb_block_key(source->block), item->id, to);
    }
    return SMB_OK;
}

smb_status smb_canvas_move_item(smb_canvas *canvas, const char *id, smb_block block,
                                size_t position)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    if (!block_ok(block))
        return bad_block(block);
    smb__block_items *to = &canvas->blocks[block];
    bool same = item->block == block;
    size_t room = to->count - (same ? 1 : 0);
    if (position > room)
        return smb__fail(SMB_ERANGE, "position: %zu is past the end of %s (%zu items)",
                         position, smb_block_key(block), room);
    if (!same) {
        st = check_fits(item, block);
        if (st == SMB_OK)
            st = reserve_ptrs(&to->items, &to->cap, to->count + 1);
        if (st != SMB_OK)
            return st;
    }

    smb__block_items *from = &canvas->blocks[item->block];
    size_t old = item->index;
    remove_at(from, old);
    insert_at(to, position, item);
    item->block = block;
    if (same) {
        reindex(to, old < position ? old : position);
    } else {
        reindex(from, old);
        reindex(to, position);
    }
    return SMB_OK;
}

size_t smb_canvas_item_total(const smb_canvas *canvas)
{
    return canvas ? canvas->total : 0;
}

size_t smb_canvas_item_count(const smb_canvas *canvas, smb_block block)
{
    return canvas && block_ok(block) ? canvas->blocks[block].count : 0;
}

const smb_item *smb_canvas_item_at(const smb_canvas *canvas, smb_block block, size_t index)
{
    if (!canvas || !block_ok(block) || index >= canvas->blocks[block].count)
        return NULL;
    return canvas->blocks[block].items[index];
}

const smb_item *smb_canvas_find(const smb_canvas *canvas, const char *id)
{
    return canvas ? smb__idmap_find(&canvas->ids, id) : NULL;
}

smb_status smb_canvas_get_item(const smb_canvas *canvas, const char *id, const smb_item **out)
{
    if (!canvas)
        return null_arg("canvas");
    if (!out)
        return null_arg("out");
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st == SMB_OK)
        *out = item;
    return st;
}

/* ---- item accessors ------------------------------------------------------ */

const char *smb_item_id(const smb_item *item)
{
    return item ? item->id : NULL;
}

const char *smb_item_text(const smb_item *item)
{
    return item ? item->text : NULL;
}

const char *smb_item_notes(const smb_item *item)
{
    return item ? item->notes : NULL;
}

smb_block smb_item_block(const smb_item *item)
{
    return item ? item->block : SMB_BLOCK_NONE;
}

size_t smb_item_index(const smb_item *item)
{
    return item ? item->index : 0;
}

int smb_item_importance(const smb_item *item)
{
    return item ? item->importance : 0;
}

smb_evidence smb_item_evidence(const smb_item *item)
{
    return item ? item->evidence : SMB_EVIDENCE_ASSUMPTION;
}

size_t smb_item_tag_count(const smb_item *item)
{
    return item ? item->tag_count : 0;
}

const char *smb_item_tag(const smb_item *item, size_t index)
{
    return item && index < item->tag_count ? item->tags[index] : NULL;
}

int smb_item_has_amount(const smb_item *item)
{
    return item ? item->has_amount : 0;
}

double smb_item_amount(const smb_item *item)
{
    return item && item->has_amount ? item->amount : 0.0;
}

smb_amount_kind smb_item_kind(const smb_item *item)
{
    return item ? item->kind : SMB_KIND_NONE;
}

size_t smb_item_link_count(const smb_item *item)
{
    return item ? item->link_count : 0;
}

const char *smb_item_link(const smb_item *item, size_t index)
{
    return item && index < item->link_count ? item->links[index]->id : NULL;
}

/* ---- updating items ------------------------------------------------------ */

smb_status smb_canvas_set_item_text(smb_canvas *canvas, const char *id, const char *text)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st == SMB_OK)
        st = smb__check_text("text", text, false);
    if (st != SMB_OK)
        return st;
    char *copy = smb__strdup(text);
    if (!copy)
        return smb__nomem();
    smb__free(item->text);
    item->text = copy;
    return SMB_OK;
}

smb_status smb_canvas_set_item_notes(smb_canvas *canvas, const char *id, const char *notes)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    return set_optional(&item->notes, "notes", notes);
}

smb_status smb_canvas_set_item_importance(smb_canvas *canvas, const char *id, int importance)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    if (importance < 1 || importance > 5)
        return smb__fail(SMB_ERANGE, "importance: must be from 1 to 5, not %d (item '%s')",
                         importance, item->id);
    item->importance = importance;
    return SMB_OK;
}

smb_status smb_canvas_set_item_evidence(smb_canvas *canvas, const char *id,
                                        smb_evidence evidence)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    if (!smb_evidence_key(evidence))
        return smb__fail(SMB_ERANGE, "evidence: %d is not an evidence level (item '%s')",
                         (int)evidence, item->id);
    item->evidence = evidence;
    return SMB_OK;
}

smb_status smb_canvas_set_item_amount(smb_canvas *canvas, const char *id, double amount)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    if (!smb_block_has_amounts(item->block))
        return smb__fail(SMB_EINVAL,
                         "amount: only revenue_streams and cost_structure items carry one "
                         "(item '%s' is in %s)",
                         item->id, smb_block_key(item->block));
    if (!smb__finite(amount) || amount < 0 || amount > SMB_MAX_AMOUNT)
        return smb__fail(SMB_ERANGE,
                         "amount: must be a finite number from 0 to 1e15, not %g (item '%s')",
                         amount, item->id);
    item->amount = amount + 0.0; /* -0.0 becomes 0, so it is written as 0 */
    item->has_amount = true;
    return SMB_OK;
}

smb_status smb_canvas_clear_item_amount(smb_canvas *canvas, const char *id)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    item->amount = 0.0;
    item->has_amount = false;
    return SMB_OK;
}

smb_status smb_canvas_set_item_kind(smb_canvas *canvas, const char *id, smb_amount_kind kind)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st != SMB_OK)
        return st;
    if (!smb_amount_kind_key(kind))
        return smb__fail(SMB_EINVAL, "kind: %d is not an amount kind (item '%s')", (int)kind,
                         item->id);
    if (!smb_amount_kind_allowed(item->block, kind))
        return smb__fail(SMB_EINVAL, "kind: '%s' is not allowed in %s (item '%s')",
                         smb_amount_kind_key(kind), smb_block_key(item->block), item->id);
    item->kind = kind;
    return SMB_OK;
}

static smb_status check_tags(const char *const *tags, size_t count)
{
    if (count > SMB_MAX_TAGS)
        return smb__fail(SMB_ELIMIT, "tags: at most %d per item, not %zu", SMB_MAX_TAGS,
                         count);
    if (count && !tags)
        return null_arg("tags");
    for (size_t i = 0; i < count; i++) {
        char field[32];
        snprintf(field, sizeof field, "tags[%zu]", i);
        smb_status st = smb__check_text(field, tags[i], false);
        if (st != SMB_OK)
            return st;
        for (size_t j = 0; j < i; j++) {
            if (strcmp(tags[i], tags[j]) == 0) {
                char shown[SHOW_CAP];
                return smb__fail(SMB_EINVAL, "tags[%zu]: repeats tags[%zu] '%s'", i, j,
                                 smb__show(shown, sizeof shown, tags[i]));
            }
        }
    }
    return SMB_OK;
}

smb_status smb_canvas_set_item_tags(smb_canvas *canvas, const char *id,
                                    const char *const *tags, size_t count)
{
    item_t *item = NULL;
    smb_status st = find_item(canvas, id, &item);
    if (st == SMB_OK)
        st = check_tags(tags, count);
    if (st != SMB_OK)
        return st;
    char **copy = NULL;
    if (count) {
        copy = smb__calloc(count, sizeof *copy);
        if (!copy)
            return smb__nomem();
        for (size_t i = 0; i < count; i++) {
            copy[i] = smb__strdup(tags[i]);
            if (!copy[i]) {
                free_strings(copy, i);
                return smb__nomem();
            }
        }
    }
    free_strings(item->tags, item->tag_count);
    item->tags = copy;
    item->tag_count = count;
    return SMB_OK;
}

/* ---- links --------------------------------------------------------------- */

smb_status smb_canvas_link(smb_canvas *canvas, const char *from, const char *to)
{
    item_t *source = NULL, *target = NULL;
    if (!canvas)
        return null_arg("canvas");
    if (!from)
        return null_arg("from");
    if (!to)
        return null_arg("to");
    smb_status st = find_item(canvas, from, &source);
    if (st == SMB_OK)
        st = find_item(canvas, to, &target);
    if (st != SMB_OK)
        return st;
    if (source == target)
        return smb__fail(SMB_EINVAL, "item '%s' cannot link to itself", source->id);
    if (!smb_link_allowed(source->block, target->block))
        return smb__fail(SMB_EINVAL, "link '%s' -> '%s': %s may not link to %s", source->id,
                         target->id, smb_block_key(source->block),
                         smb_block_key(target->block));
    if (has_link(source, target))
        return smb__fail(SMB_EEXIST, "link '%s' -> '%s' already exists", source->id,
                         target->id);
    if (source->link_count >= SMB_MAX_LINKS)
        return smb__fail(SMB_ELIMIT, "links: item '%s' already has the most links allowed (%d)",
                         source->id, SMB_MAX_LINKS);

    bool was_empty = source->links == NULL;
    st = reserve_ptrs(&source->links, &source->link_cap, source->link_count + 1);
    if (st == SMB_OK) {
        st = reserve_ptrs(&target->backlinks, &target->backlink_cap,
                          target->backlink_count + 1);
        if (st != SMB_OK)
            unreserve_fresh(&source->links, &source->link_cap, was_empty);
    }
    if (st != SMB_OK)
        return st;
    source->links[source->link_count++] = target;
    target->backlinks[target->backlink_count++] = source;
    return SMB_OK;
}

smb_status smb_canvas_unlink(smb_canvas *canvas, const char *from, const char *to)
{
    item_t *source = NULL, *target = NULL;
    if (!canvas)
        return null_arg("canvas");
    if (!from)
        return null_arg("from");
    if (!to)
        return null_arg("to");
    smb_status st = find_item(canvas, from, &source);
    if (st == SMB_OK)
        st = find_item(canvas, to, &target);
    if (st != SMB_OK)
        return st;
    if (!has_link(source, target))
        return smb__fail(SMB_ENOTFOUND, "no link '%s' -> '%s'", source->id, target->id);
    drop_ptr(source->links, &source->link_count, target, true);
    drop_ptr(target->backlinks, &target->backlink_count, source, false);
    return SMB_OK;
}

int smb_canvas_linked(const smb_canvas *canvas, const char *from, const char *to)
{
    const item_t *source = smb_canvas_find(canvas, from);
    const item_t *target = smb_canvas_find(canvas, to);
    return source && target && has_link(source, target);
}
