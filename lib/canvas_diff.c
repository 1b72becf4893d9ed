/* SPDX-License-Identifier: MIT */
/* Differences between two canvases, matching items by id. The order of the
 * changes is part of the contract (canvas.h): removed, added and changed
 * items, each group in canvas order, then removed and added links. */
#include <string.h>

#include "canvas_impl.h"

enum { NO_OFFSET = -1 };

typedef struct record {
    smb_change pub;
    ptrdiff_t id_off;     /* offsets into the text buffer until it is final */
    ptrdiff_t target_off;
} record;

struct smb_diff {
    record *records;
    size_t count, cap;
    char *text;           /* every id, NUL-separated, owned by the diff */
};

typedef struct builder {
    smb_diff *out;
    smb_buf text;
    bool failed;
} builder;

static void add(builder *bd, smb_change_kind kind, const struct smb_item *item,
                smb_block block, unsigned fields, const struct smb_item *target)
{
    if (bd->failed)
        return;
    smb_diff *d = bd->out;
    void *records = d->records;
    if (smb__reserve(&records, &d->cap, d->count + 1, sizeof *d->records) != SMB_OK) {
        bd->failed = true;
        return;
    }
    d->records = records;
    record *r = &d->records[d->count++];
    r->pub = (smb_change){kind, NULL, block, fields, NULL};
    r->id_off = (ptrdiff_t)bd->text.len;
    smb__buf_append(&bd->text, item->id, strlen(item->id) + 1);
    r->target_off = NO_OFFSET;
    if (target) {
        r->target_off = (ptrdiff_t)bd->text.len;
        smb__buf_append(&bd->text, target->id, strlen(target->id) + 1);
    }
}

static bool same_string(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

static unsigned changed_fields(const struct smb_item *a, const struct smb_item *b)
{
    unsigned fields = 0;
    if (strcmp(a->text, b->text) != 0)
        fields |= SMB_FIELD_TEXT;
    if (!same_string(a->notes, b->notes))
        fields |= SMB_FIELD_NOTES;
    bool same_tags = a->tag_count == b->tag_count;
    for (size_t i = 0; same_tags && i < a->tag_count; i++)
        same_tags = strcmp(a->tags[i], b->tags[i]) == 0;
    if (!same_tags)
        fields |= SMB_FIELD_TAGS;
    if (a->importance != b->importance)
        fields |= SMB_FIELD_IMPORTANCE;
    if (a->evidence != b->evidence)
        fields |= SMB_FIELD_EVIDENCE;
    if (a->has_amount != b->has_amount || a->amount != b->amount)
        fields |= SMB_FIELD_AMOUNT;
    if (a->kind != b->kind)
        fields |= SMB_FIELD_KIND;
    if (a->block != b->block)
        fields |= SMB_FIELD_BLOCK;
    return fields;
}

/* Whether `canvas` has a link between the items with the ids of `from` and
 * `to` (items of another canvas). */
static bool has_link_by_id(const smb_canvas *canvas, const struct smb_item *from,
                           const struct smb_item *to)
{
    const struct smb_item *source = smb__idmap_find(&canvas->ids, from->id);
    const struct smb_item *target = smb__idmap_find(&canvas->ids, to->id);
    if (!source || !target)
        return false;
    for (size_t i = 0; i < source->link_count; i++)
        if (source->links[i] == target)
            return true;
    return false;
}

/* Items of `mine` whose id `other` lacks, as `kind` changes. */
static void missing_items(builder *bd, const smb_canvas *mine, const smb_canvas *other,
                          smb_change_kind kind)
{
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        for (size_t i = 0; i < mine->blocks[b].count; i++) {
            const struct smb_item *item = mine->blocks[b].items[i];
            if (!smb__idmap_find(&other->ids, item->id))
                add(bd, kind, item, item->block, 0, NULL);
        }
}

/* Links of `mine` that `other` lacks. The block reported is the source's
 * block in `after`, when the source is there. */
static void missing_links(builder *bd, const smb_canvas *mine, const smb_canvas *other,
                          const smb_canvas *after, smb_change_kind kind)
{
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        for (size_t i = 0; i < mine->blocks[b].count; i++) {
            const struct smb_item *item = mine->blocks[b].items[i];
            const struct smb_item *in_after = smb__idmap_find(&after->ids, item->id);
            smb_block block = in_after ? in_after->block : item->block;
            for (size_t k = 0; k < item->link_count; k++)
                if (!has_link_by_id(other, item, item->links[k]))
                    add(bd, kind, item, block, 0, item->links[k]);
        }
}

static void compare(builder *bd, const smb_canvas *before, const smb_canvas *after)
{
    missing_items(bd, before, after, SMB_CHANGE_REMOVED);
    missing_items(bd, after, before, SMB_CHANGE_ADDED);
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        for (size_t i = 0; i < after->blocks[b].count; i++) {
            const struct smb_item *item = after->blocks[b].items[i];
            const struct smb_item *old = smb__idmap_find(&before->ids, item->id);
            unsigned fields = old ? changed_fields(old, item) : 0;
            if (fields)
                add(bd, SMB_CHANGE_CHANGED, item, item->block, fields, NULL);
        }
    missing_links(bd, before, after, after, SMB_CHANGE_LINK_REMOVED);
    missing_links(bd, after, before, after, SMB_CHANGE_LINK_ADDED);
}

smb_status smb_canvas_diff(const smb_canvas *before, const smb_canvas *after, smb_diff **out)
{
    if (!before)
        return smb__fail(SMB_EINVAL, "before: must not be NULL");
    if (!after)
        return smb__fail(SMB_EINVAL, "after: must not be NULL");
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    smb_diff *d = smb__calloc(1, sizeof *d);
    if (!d)
        return smb__nomem();
    builder bd = {d, {NULL, 0, 0, false}, false};
    compare(&bd, before, after);
    smb_status st = bd.failed ? (smb__buf_free(&bd.text), smb__nomem())
                              : smb__buf_finish(&bd.text, &d->text, NULL);
    if (st != SMB_OK) {
        smb_diff_free(d);
        return st;
    }
    for (size_t i = 0; i < d->count; i++) {
        record *r = &d->records[i];
        r->pub.id = d->text + r->id_off;
        r->pub.target = r->target_off == NO_OFFSET ? NULL : d->text + r->target_off;
    }
    *out = d;
    return SMB_OK;
}

size_t smb_diff_count(const smb_diff *diff)
{
    return diff ? diff->count : 0;
}

const smb_change *smb_diff_at(const smb_diff *diff, size_t index)
{
    return diff && index < diff->count ? &diff->records[index].pub : NULL;
}

void smb_diff_free(smb_diff *diff)
{
    if (!diff)
        return;
    smb__free(diff->records);
    smb__free(diff->text);
    smb__free(diff);
}
