/* SPDX-License-Identifier: MIT */
/*
 * Loading a document (docs/format.md): jansson parses, this file checks
 * the top level, dispatches each section to its loader (document_forces.c,
 * document_resilience.c, document_scenarios.c, document_responses.c,
 * document_settings.c), then has the cross-references between sections
 * checked, and loads the canvas itself. Loaders check the shape of what
 * jansson built and fill the model through its public API, so that the
 * rules on ids, ranges and links live in the model alone (canvas.c,
 * forces.c, scenario.c, ...). Whatever the model refuses is reported again
 * with the JSON path, line and column of the value that caused it
 * (document_loader.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document_loader.h"
#include "file_io.h"

enum { LIST_CAP = SMB__LD_LIST_CAP, MAX_STEPS = SMB__LD_MAX_STEPS, PATH_CAP = SMB__LD_PATH_CAP };

static const char *const item_keys[] = {"id",       "text",   "notes", "tags", "importance",
                                        "evidence", "amount", "kind",  "links"};

static void evidence_list(char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int e = 0; e < SMB_EVIDENCE_COUNT; e++)
        smb__ld_list_add(buf, cap, smb_evidence_key((smb_evidence)e));
}

static void kind_list(smb_block block, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int k = SMB_KIND_NONE + 1; k < SMB_KIND_COUNT; k++)
        if (smb_amount_kind_allowed(block, (smb_amount_kind)k))
            smb__ld_list_add(buf, cap, smb_amount_kind_key((smb_amount_kind)k));
}

static void link_target_list(smb_block from, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        if (smb_link_allowed(from, (smb_block)b))
            smb__ld_list_add(buf, cap, smb_block_key((smb_block)b));
}

/* ---- parsing ----------------------------------------------------------- */

static bool is_word_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '-' || c == '+' || c == '.';
}

static smb_status parse_failure(smb__loader *ld, const json_error_t *err)
{
    /* jansson stops at once on a byte-order mark, with a puzzling message. */
    if (ld->len >= 3 && memcmp(ld->text, "\xEF\xBB\xBF", 3) == 0)
        return smb__fail_at(SMB_EPARSE, ld->file, "$", 1, 1,
                            "malformed JSON: starts with a byte-order mark; save it as UTF-8 "
                            "without one");

    enum json_error_code code = json_error_code(err);
    /* jansson's position is just past the last character it consumed,
     * which is the offending one; for bad UTF-8 it is the first byte of
     * the sequence it could not decode. */
    size_t offset = err->position;
    if (code != json_error_invalid_utf8 && offset > 0)
        offset--;
    /* Point at the start of a number or bare word rather than its end. */
    while (offset > 0 && offset < ld->len && is_word_char(ld->text[offset]) &&
           is_word_char(ld->text[offset - 1]))
        offset--;
    smb__json_step steps[MAX_STEPS];
    size_t n = smb__json_path_at(ld->text, ld->len, offset, steps, MAX_STEPS);
    /* A repeated key is named by its path; point at its opening quote. */
    if (code == json_error_duplicate_key && n > 0 && steps[n - 1].key)
        offset = (size_t)(steps[n - 1].key - ld->text) - 1;
    char path[PATH_CAP];
    smb__json_path_format(steps, n, path, sizeof path);
    int line, column;
    smb__json_line_column(ld->text, ld->len, offset, &line, &column);

    switch (code) {
    case json_error_numeric_overflow:
        return smb__fail_at(SMB_ERANGE, ld->file, path, line, column,
                            "number too large (%s)", err->text);
    case json_error_stack_overflow:
        return smb__fail_at(SMB_ELIMIT, ld->file, path, line, column,
                            "nested deeper than %d levels", SMB_MAX_DEPTH);
    case json_error_null_character:
        return smb__fail_at(SMB_EPARSE, ld->file, path, line, column,
                            "malformed JSON: strings may not hold the NUL character \\u0000");
    case json_error_invalid_utf8:
        return smb__fail_at(SMB_EPARSE, ld->file, path, line, column,
                            "not valid UTF-8 (%s)", err->text);
    default:
        return smb__fail_at(SMB_EPARSE, ld->file, path, line, column, "malformed JSON: %s",
                            err->text);
    }
}

static smb_status parse(smb__loader *ld, json_t **root)
{
    json_error_t err;
    memset(&err, 0, sizeof err);
    *root = json_loadb(ld->text, ld->len, JSON_REJECT_DUPLICATES, &err);
    if (*root)
        return SMB_OK;
    /* jansson leaves the message empty for most allocation failures... */
    if (err.text[0] == '\0' || json_error_code(&err) == json_error_out_of_memory)
        return smb__nomem();
    /* ...but reports a failed string allocation as an invalid token. A
     * real error is found again, at the same place; a shortage of memory
     * shows up differently, or not at all, the second time. */
    json_error_t again;
    memset(&again, 0, sizeof again);
    *root = json_loadb(ld->text, ld->len, JSON_REJECT_DUPLICATES, &again);
    if (*root)
        return SMB_OK;
    if (again.position != err.position || strcmp(again.text, err.text) != 0)
        return smb__nomem();
    return parse_failure(ld, &err);
}

/* jansson nests up to 2048 levels; the format allows SMB_MAX_DEPTH, the
 * top-level object being level 1. */
static smb_status check_depth(smb__loader *ld, json_t *v, size_t level)
{
    if (!json_is_object(v) && !json_is_array(v))
        return SMB_OK;
    if (level > SMB_MAX_DEPTH)
        return smb__ld_fail(ld, SMB_ELIMIT, "nested deeper than %d levels", SMB_MAX_DEPTH);
    smb_status st = SMB_OK;
    if (json_is_object(v)) {
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child) {
            smb__ld_push_key(ld, key);
            st = check_depth(ld, child, level + 1);
            smb__ld_pop(ld);
            if (st != SMB_OK)
                return st;
        }
    } else {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child) {
            smb__ld_push_index(ld, i);
            st = check_depth(ld, child, level + 1);
            smb__ld_pop(ld);
            if (st != SMB_OK)
                return st;
        }
    }
    return SMB_OK;
}

/* ---- items -------------------------------------------------------------- */

static smb_status load_tags(smb__loader *ld, const char *id, const json_t *v)
{
    smb_status st = smb__ld_expect_string_array(ld, v);
    if (st != SMB_OK)
        return st;
    size_t n = json_array_size(v);
    const char **tags = smb__calloc(n ? n : 1, sizeof *tags);
    if (!tags)
        return smb__nomem();
    for (size_t i = 0; i < n; i++)
        tags[i] = json_string_value(json_array_get(v, i));
    st = smb_canvas_set_item_tags(ld->canvas, id, tags, n);
    if (st != SMB_OK && st != SMB_ENOMEM) {
        /* The canvas refuses the list as a whole; the first prefix it
         * refuses ends at the offending tag (empty, repeated, one too
         * many). The canvas is thrown away after a failure anyway. */
        size_t bad = n ? n - 1 : 0;
        for (size_t k = 1; k <= n; k++) {
            smb_status again = smb_canvas_set_item_tags(ld->canvas, id, tags, k);
            if (again != SMB_OK) {
                st = again;
                bad = k - 1;
                break;
            }
        }
        if (st != SMB_ENOMEM) {
            smb__ld_push_index(ld, bad);
            st = smb__ld_relay(ld, st);
            smb__ld_pop(ld);
        }
    }
    smb__free(tags);
    return st == SMB_ENOMEM ? smb__nomem() : st;
}

static smb_status load_importance(smb__loader *ld, const char *id, const json_t *v)
{
    static const char *const expected = "must be an integer from 1 to 5";
    if (!json_is_integer(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "%s, not %s", expected, smb__ld_type_name(v));
    json_int_t x = json_integer_value(v);
    if (x < INT_MIN || x > INT_MAX)
        return smb__ld_fail(ld, SMB_ERANGE, "%s", expected);
    smb_status st = smb_canvas_set_item_importance(ld->canvas, id, (int)x);
    if (st == SMB_ERANGE)
        return smb__ld_fail(ld, SMB_ERANGE, "%s", expected);
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

static smb_status load_evidence(smb__loader *ld, const char *id, const json_t *v)
{
    char list[LIST_CAP];
    evidence_list(list, sizeof list);
    smb_evidence e;
    if (!json_is_string(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s, not %s", list,
                            smb__ld_type_name(v));
    if (smb_evidence_from_key(json_string_value(v), &e) != SMB_OK)
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s", list);
    smb_status st = smb_canvas_set_item_evidence(ld->canvas, id, e);
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

static smb_status load_amount(smb__loader *ld, const char *id, smb_block block, const json_t *v)
{
    if (!json_is_number(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be a number, not %s", smb__ld_type_name(v));
    smb_status st = smb_canvas_set_item_amount(ld->canvas, id, json_number_value(v));
    if (st == SMB_ERANGE)
        return smb__ld_fail(ld, SMB_ERANGE, "must be a number from 0 to %g", SMB_MAX_AMOUNT);
    if (st == SMB_EINVAL && !smb_block_has_amounts(block))
        return smb__ld_fail(ld, SMB_ESCHEMA,
                            "only revenue_streams and cost_structure items have an amount");
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

static smb_status load_kind(smb__loader *ld, const char *id, smb_block block, const json_t *v)
{
    if (!smb_block_has_amounts(block))
        return smb__ld_fail(ld, SMB_ESCHEMA,
                            "only revenue_streams and cost_structure items have a kind");
    char list[LIST_CAP];
    kind_list(block, list, sizeof list);
    smb_amount_kind kind;
    if (!json_is_string(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s, not %s", list,
                            smb__ld_type_name(v));
    if (smb_amount_kind_from_key(json_string_value(v), &kind) != SMB_OK ||
        kind == SMB_KIND_NONE || !smb_amount_kind_allowed(block, kind))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s (the kinds of %s)", list,
                            smb_block_key(block));
    smb_status st = smb_canvas_set_item_kind(ld->canvas, id, kind);
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

/* One field of an item that the canvas already holds. */
static smb_status load_field(smb__loader *ld, const char *id, smb_block block, const char *key,
                             const json_t *v)
{
    if (strcmp(key, "notes") == 0) {
        smb_status st = smb__ld_expect_string(ld, v);
        if (st != SMB_OK)
            return st;
        st = smb_canvas_set_item_notes(ld->canvas, id, json_string_value(v));
        return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
    }
    if (strcmp(key, "tags") == 0)
        return load_tags(ld, id, v);
    if (strcmp(key, "importance") == 0)
        return load_importance(ld, id, v);
    if (strcmp(key, "evidence") == 0)
        return load_evidence(ld, id, v);
    if (strcmp(key, "amount") == 0)
        return load_amount(ld, id, block, v);
    if (strcmp(key, "kind") == 0)
        return load_kind(ld, id, block, v);
    if (strcmp(key, "links") == 0)
        return smb__ld_expect_string_array(ld, v); /* followed in the second pass */
    return SMB_OK; /* id and text: already used to add the item */
}

/* Check an item's id and text and add it to the canvas. */
static smb_status add_item(smb__loader *ld, smb_block block, const json_t *item,
                           const char **id_out)
{
    const json_t *id = json_object_get(item, "id");
    const json_t *text = json_object_get(item, "text");
    if (!id)
        return smb__ld_fail(ld, SMB_ESCHEMA, "missing required key 'id'");
    if (!text)
        return smb__ld_fail(ld, SMB_ESCHEMA, "missing required key 'text'");

    smb__ld_push_key(ld, "id");
    smb_status st = smb__ld_expect_string(ld, id);
    if (st == SMB_OK && (st = smb__check_id(json_string_value(id))) != SMB_OK)
        st = smb__ld_relay(ld, st);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;

    smb__ld_push_key(ld, "text");
    st = smb__ld_expect_string(ld, text);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;

    const char *ids = json_string_value(id);
    st = smb_canvas_add_item(ld->canvas, block, ids, json_string_value(text));
    if (st == SMB_EEXIST) {
        const smb_item *first = smb_canvas_find(ld->canvas, ids);
        smb__ld_push_key(ld, "id");
        if (first)
            st = smb__ld_fail(ld, SMB_EEXIST, "duplicate id '%s' (first used at $.canvas.%s[%zu])",
                              ids, smb_block_key(smb_item_block(first)), smb_item_index(first));
        else
            st = smb__ld_relay(ld, st);
        smb__ld_pop(ld);
    } else if (st == SMB_ELIMIT && smb_canvas_item_total(ld->canvas) >= SMB_MAX_ITEMS) {
        /* The canvas is full: the item itself is one too many. */
        st = smb__ld_relay(ld, st);
    } else if (st != SMB_OK) {
        smb__ld_push_key(ld, "text");
        st = smb__ld_relay(ld, st);
        smb__ld_pop(ld);
    }
    *id_out = ids;
    return st;
}

static smb_status load_item(smb__loader *ld, smb_block block, const json_t *item)
{
    if (!json_is_object(item))
        return smb__ld_fail(ld, SMB_ESCHEMA, "an item must be an object, not %s",
                            smb__ld_type_name(item));

    const char *key;
    json_t *v;
    json_object_foreach((json_t *)item, key, v) {
        if (!smb__ld_in_list(key, item_keys, sizeof item_keys / sizeof item_keys[0])) {
            smb__ld_push_key(ld, key);
            smb_status st = smb__ld_fail_at_name(
                ld, SMB_ESCHEMA,
                "unknown key; an item has id, text, notes, tags, importance, evidence, amount, "
                "kind and links");
            smb__ld_pop(ld);
            return st;
        }
    }

    const char *id = NULL;
    smb_status st = add_item(ld, block, item, &id);
    if (st != SMB_OK)
        return st;

    /* In document order, so that the first problem reported is the first
     * one a reader meets. */
    json_object_foreach((json_t *)item, key, v) {
        smb__ld_push_key(ld, key);
        st = load_field(ld, id, block, key, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* ---- links (second pass: targets may come later in the document) ------- */

static smb_status link_failure(smb__loader *ld, smb_status st, const char *from, smb_block block,
                               const char *to)
{
    if (st == SMB_ENOMEM)
        return smb__nomem();
    const smb_item *target = smb_canvas_find(ld->canvas, to);
    if (!target)
        return smb__ld_fail(ld, SMB_ENOTFOUND, "no item has the id '%s'", to);
    if (strcmp(from, to) == 0)
        return smb__ld_fail(ld, SMB_ESCHEMA, "an item cannot link to itself");
    smb_block tb = smb_item_block(target);
    if (!smb_link_allowed(block, tb)) {
        char list[LIST_CAP];
        link_target_list(block, list, sizeof list);
        if (list[0])
            return smb__ld_fail(ld, SMB_ESCHEMA, "a %s item cannot link to a %s item (only to %s)",
                                smb_block_key(block), smb_block_key(tb), list);
        return smb__ld_fail(ld, SMB_ESCHEMA, "%s items have no links", smb_block_key(block));
    }
    if (st == SMB_EEXIST)
        return smb__ld_fail(ld, SMB_EEXIST, "links to '%s' more than once", to);
    return smb__ld_relay(ld, st);
}

static smb_status link_items(smb__loader *ld, smb_block block, const json_t *items)
{
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item) {
        const json_t *links = json_object_get(item, "links");
        if (!links)
            continue;
        const char *from = json_string_value(json_object_get(item, "id"));
        size_t j;
        json_t *target;
        json_array_foreach(links, j, target) {
            const char *to = json_string_value(target);
            smb_status st = smb_canvas_link(ld->canvas, from, to);
            if (st != SMB_OK) {
                smb__ld_push_index(ld, i);
                smb__ld_push_key(ld, "links");
                smb__ld_push_index(ld, j);
                st = link_failure(ld, st, from, block, to);
                ld->depth -= 3;
                return st;
            }
        }
    }
    return SMB_OK;
}

/* ---- canvas and document ------------------------------------------------ */

static smb_status load_canvas_field(smb__loader *ld, const char *key, const json_t *v)
{
    smb_block block;
    if (strcmp(key, "name") == 0 || strcmp(key, "description") == 0) {
        smb_status st = smb__ld_expect_string(ld, v);
        if (st != SMB_OK)
            return st;
        st = key[0] == 'n' ? smb_canvas_set_name(ld->canvas, json_string_value(v))
                           : smb_canvas_set_description(ld->canvas, json_string_value(v));
        return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
    }
    if (smb_block_from_key(key, &block) != SMB_OK)
        return smb__ld_fail_at_name(
            ld, SMB_ESCHEMA,
            "unknown key; a canvas has name, description and the nine blocks "
            "(key_partnerships ... revenue_streams)");
    if (!json_is_array(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an array of items, not %s",
                            smb__ld_type_name(v));
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
        smb__ld_push_index(ld, i);
        smb_status st = load_item(ld, block, item);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status load_canvas(smb__loader *ld, const json_t *cv)
{
    if (!json_is_object(cv))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object, not %s", smb__ld_type_name(cv));
    smb_status st = smb_canvas_new(&ld->canvas);
    if (st != SMB_OK)
        return st;

    const char *key;
    json_t *v;
    json_object_foreach((json_t *)cv, key, v) {
        smb__ld_push_key(ld, key);
        st = load_canvas_field(ld, key, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    json_object_foreach((json_t *)cv, key, v) {
        smb_block block;
        if (smb_block_from_key(key, &block) != SMB_OK)
            continue;
        smb__ld_push_key(ld, key);
        st = link_items(ld, block, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status check_version(smb__loader *ld, const json_t *root)
{
    const json_t *v = json_object_get(root, "smbstrat");
    if (!v)
        return smb__ld_fail(ld, SMB_ESCHEMA,
                            "missing required key 'smbstrat' (the format version, %d)",
                            SMB_FORMAT_VERSION);
    smb__ld_push_key(ld, "smbstrat");
    smb_status st = SMB_OK;
    if (!json_is_integer(v))
        st = smb__ld_fail(ld, SMB_ESCHEMA, "must be the format version %d, not %s",
                          SMB_FORMAT_VERSION, smb__ld_type_name(v));
    else if (json_integer_value(v) != SMB_FORMAT_VERSION)
        st = smb__ld_fail(ld, SMB_ESCHEMA,
                          "unsupported format version %" JSON_INTEGER_FORMAT
                          "; this library reads version %d",
                          json_integer_value(v), SMB_FORMAT_VERSION);
    smb__ld_pop(ld);
    return st;
}

static smb_status load_root(smb__loader *ld, const json_t *root)
{
    if (!json_is_object(root))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a document must be an object, not %s",
                            smb__ld_type_name(root));
    /* The version first: a later version may well have keys this one
     * does not know, and saying so would hide the real problem. */
    smb_status st = check_version(ld, root);
    if (st != SMB_OK)
        return st;

    /* Every key is checked before any section is loaded, so that a
     * misspelt section name is reported before the problems of the
     * sections that come after it. */
    static const char *const sections[] = {"canvas",    "forces",    "resilience",
                                           "scenarios", "responses", "settings"};
    static smb_status (*const loaders[])(smb__loader *, const json_t *) = {
        load_canvas,        smb__ld_forces,    smb__ld_resilience,
        smb__ld_scenarios,  smb__ld_responses, smb__ld_settings};
    enum { SECTION_COUNT = sizeof sections / sizeof sections[0] };
    _Static_assert(sizeof loaders / sizeof loaders[0] == SECTION_COUNT, "one loader a section");
    const char *key;
    json_t *v;
    size_t which;
    json_object_foreach((json_t *)root, key, v) {
        if (strcmp(key, "smbstrat") == 0 ||
            smb__ld_in_list(key, sections, SECTION_COUNT))
            continue;
        smb__ld_push_key(ld, key);
        st = smb__ld_fail_at_name(ld, SMB_ESCHEMA,
                                  "unknown key; a document has 'smbstrat' and the sections "
                                  "'canvas', 'forces', 'resilience', 'scenarios', 'responses' "
                                  "and 'settings'");
        smb__ld_pop(ld);
        return st;
    }

    /* Sections in document order, so that the first problem reported is
     * the first one a reader meets; then what links one section to
     * another, which may come later in the document. */
    json_object_foreach ((json_t *)root, key, v) {
        if (strcmp(key, "smbstrat") == 0)
            continue;
        for (which = 0; strcmp(key, sections[which]) != 0; which++)
            ;
        smb__ld_push_key(ld, key);
        st = loaders[which](ld, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    if ((st = smb__ld_apply_settings(ld)) != SMB_OK || (st = smb__ld_link_responses(ld)) != SMB_OK)
        return st;
    return smb__ld_link_scenarios(ld);
}

static smb_status load_text(const char *text, size_t len, const char *file, smb_document **out)
{
    if (len > SMB_MAX_DOCUMENT_SIZE)
        return smb__fail_at(SMB_ELIMIT, file, NULL, 0, 0,
                            "document of %zu bytes; the limit is %u bytes", len,
                            SMB_MAX_DOCUMENT_SIZE);
    smb__loader ld = {.text = text, .len = len, .file = file};
    json_t *root;
    smb_status st = parse(&ld, &root);
    if (st != SMB_OK)
        return st;
    st = check_depth(&ld, root, 1);
    if (st == SMB_OK)
        st = load_root(&ld, root);
    smb_document *doc = NULL;
    if (st == SMB_OK)
        st = smb_document_new(&doc);
    if (st == SMB_OK) {
        doc->canvas = ld.canvas;
        doc->forces = ld.forces;
        doc->resilience = ld.resilience;
        doc->scenarios = ld.scenarios;
        doc->responses = ld.responses;
        doc->has_budget = ld.has_budget;
        doc->budget = ld.budget;
        *out = doc;
    } else {
        smb_canvas_free(ld.canvas);
        smb_forces_free(ld.forces);
        smb_resilience_free(ld.resilience);
        smb_scenarios_free(ld.scenarios);
        smb_responses_free(ld.responses);
    }
    json_decref(root);
    return st;
}

smb_status smb_document_load_string(const char *text, size_t length, smb_document **out)
{
    if (!text || !out)
        return smb__fail(SMB_EINVAL, "smb_document_load_string: %s must not be NULL",
                         !text ? "text" : "out");
    return load_text(text, length, NULL, out);
}

/* Read a whole file into memory, refusing files over the size limit. */
static smb_status read_file(const char *path, char **data, size_t *length)
{
    char why[128];
    int fd = smb__io->open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return smb__fail_at(SMB_EIO, path, NULL, 0, 0, "cannot open: %s",
                            smb__os_error(errno, why, sizeof why));
    struct stat sb;
    /* sb is only read once fstat has filled it. */
    bool stat_failed = smb__io->fstat(fd, &sb) != 0;
    if (stat_failed || S_ISDIR(sb.st_mode)) {
        int e = stat_failed ? errno : EISDIR;
        (void)smb__io->close(fd);
        return smb__fail_at(SMB_EIO, path, NULL, 0, 0, "cannot read: %s",
                            smb__os_error(e, why, sizeof why));
    }
    const size_t limit = SMB_MAX_DOCUMENT_SIZE;
    if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > limit) {
        (void)smb__io->close(fd);
        return smb__fail_at(SMB_ELIMIT, path, NULL, 0, 0,
                            "document of %lld bytes; the limit is %zu bytes",
                            (long long)sb.st_size, limit);
    }
    /* Regular files are read in one go; pipes and the like grow the
     * buffer as they come. One byte more than the limit is read, to tell
     * a file at the limit from a longer one. */
    size_t hint = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 65536;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    smb_status st = SMB_OK;
    for (;;) {
        if (n == cap && (st = smb__reserve((void **)&buf, &cap, n < hint ? hint : n + 1, 1)) !=
                            SMB_OK)
            break;
        size_t want = cap - n;
        if (want > limit + 1 - n)
            want = limit + 1 - n;
        ssize_t got = smb__io->read(fd, buf + n, want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            st = smb__fail_at(SMB_EIO, path, NULL, 0, 0, "cannot read: %s",
                              smb__os_error(errno, why, sizeof why));
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > limit) {
            st = smb__fail_at(SMB_ELIMIT, path, NULL, 0, 0,
                              "document larger than the limit of %zu bytes", limit);
            break;
        }
    }
    (void)smb__io->close(fd);
    if (st != SMB_OK) {
        smb__free(buf);
        return st;
    }
    *data = buf;
    *length = n;
    return SMB_OK;
}

smb_status smb_document_load_file(const char *path, smb_document **out)
{
    if (!path || !out)
        return smb__fail(SMB_EINVAL, "smb_document_load_file: %s must not be NULL",
                         !path ? "path" : "out");
    char *text = NULL;
    size_t length = 0;
    smb_status st = read_file(path, &text, &length);
    if (st != SMB_OK)
        return st;
    st = load_text(text ? text : "", length, path, out);
    smb__free(text);
    return st;
}
