/* SPDX-License-Identifier: MIT */
/*
 * Saving a document in the one layout of docs/format.md ("Saved layout"):
 * fixed key order, 2-space indent, arrays one element per line, a final
 * newline. The layout is the one Python's json.dumps(indent=2,
 * ensure_ascii=False) gives for the same data, so that the text is
 * canonical: a saved document saved again is byte-identical. This file
 * writes the top level and the canvas and dispatches the other sections
 * (document_forces.c, document_resilience.c, document_scenarios.c,
 * document_responses.c, document_settings.c); the pieces of the layout are
 * in document_write.c; the atomic replacement of the file is in
 * file_replace.c.
 */
#include "document_internal.h"
#include "file_io.h"

static void string_array(smb_buf *b, int level, const smb_item *item, size_t count,
                         const char *(*get)(const smb_item *, size_t))
{
    smb__buf_puts(b, "[");
    for (size_t i = 0; i < count; i++) {
        smb__buf_puts(b, i ? ",\n" : "\n");
        smb__doc_indent(b, level + 1);
        smb__doc_put_string(b, get(item, i));
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "]");
}

static void put_item(smb_buf *b, int level, const smb_item *item)
{
    bool first = true;
    smb__buf_puts(b, "{");
    smb__doc_member(b, level + 1, &first, "id");
    smb__doc_put_string(b, smb_item_id(item));
    smb__doc_member(b, level + 1, &first, "text");
    smb__doc_put_string(b, smb_item_text(item));
    const char *notes = smb_item_notes(item);
    if (notes && notes[0]) {
        smb__doc_member(b, level + 1, &first, "notes");
        smb__doc_put_string(b, notes);
    }
    if (smb_item_tag_count(item) > 0) {
        smb__doc_member(b, level + 1, &first, "tags");
        string_array(b, level + 1, item, smb_item_tag_count(item), smb_item_tag);
    }
    smb__doc_member(b, level + 1, &first, "importance");
    smb__buf_printf(b, "%d", smb_item_importance(item));
    smb__doc_member(b, level + 1, &first, "evidence");
    smb__doc_put_string(b, smb_evidence_key(smb_item_evidence(item)));
    if (smb_item_has_amount(item)) {
        smb__doc_member(b, level + 1, &first, "amount");
        smb__doc_put_number(b, smb_item_amount(item));
    }
    if (smb_item_kind(item) != SMB_KIND_NONE) {
        smb__doc_member(b, level + 1, &first, "kind");
        smb__doc_put_string(b, smb_amount_kind_key(smb_item_kind(item)));
    }
    if (smb_item_link_count(item) > 0) {
        smb__doc_member(b, level + 1, &first, "links");
        string_array(b, level + 1, item, smb_item_link_count(item), smb_item_link);
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "}");
}

static void put_canvas(smb_buf *b, int level, const smb_canvas *canvas)
{
    bool first = true;
    smb__buf_puts(b, "{");
    const char *name = smb_canvas_name(canvas);
    if (name && name[0]) {
        smb__doc_member(b, level + 1, &first, "name");
        smb__doc_put_string(b, name);
    }
    const char *description = smb_canvas_description(canvas);
    if (description && description[0]) {
        smb__doc_member(b, level + 1, &first, "description");
        smb__doc_put_string(b, description);
    }
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        smb_block block = (smb_block)k;
        size_t count = smb_canvas_item_count(canvas, block);
        smb__doc_member(b, level + 1, &first, smb_block_key(block));
        if (count == 0) {
            smb__buf_puts(b, "[]");
            continue;
        }
        smb__buf_puts(b, "[");
        for (size_t i = 0; i < count; i++) {
            smb__buf_puts(b, i ? ",\n" : "\n");
            smb__doc_indent(b, level + 2);
            put_item(b, level + 2, smb_canvas_item_at(canvas, block, i));
        }
        smb__buf_puts(b, "\n");
        smb__doc_indent(b, level + 1);
        smb__buf_puts(b, "]");
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "}");
}

smb_status smb_document_save_string(const smb_document *doc, char **out, size_t *length)
{
    if (!doc || !out)
        return smb__fail(SMB_EINVAL, "smb_document_save_string: %s must not be NULL",
                         !doc ? "doc" : "out");
    smb_buf b;
    smb__buf_init(&b);
    bool first = true;
    smb__buf_puts(&b, "{");
    smb__doc_member(&b, 1, &first, "smbstrat");
    smb__buf_printf(&b, "%d", SMB_FORMAT_VERSION);
    if (doc->canvas) {
        smb__doc_member(&b, 1, &first, "canvas");
        put_canvas(&b, 1, doc->canvas);
    }
    if (doc->forces) {
        smb__doc_member(&b, 1, &first, "forces");
        smb__doc_save_forces(&b, 1, doc->forces);
    }
    if (doc->resilience) {
        smb__doc_member(&b, 1, &first, "resilience");
        smb__doc_save_resilience(&b, 1, doc->resilience);
    }
    if (doc->scenarios) {
        smb__doc_member(&b, 1, &first, "scenarios");
        smb__doc_save_scenarios(&b, 1, doc->scenarios);
    }
    if (doc->responses) {
        smb__doc_member(&b, 1, &first, "responses");
        smb__doc_save_responses(&b, 1, doc->responses);
    }
    if (smb__doc_has_settings(doc)) {
        smb__doc_member(&b, 1, &first, "settings");
        smb__doc_save_settings(&b, 1, doc);
    }
    smb__buf_puts(&b, "\n}\n");
    return smb__buf_finish(&b, out, length);
}

smb_status smb_document_save_file(const smb_document *doc, const char *path)
{
    if (!doc || !path || !*path)
        return smb__fail(SMB_EINVAL, "smb_document_save_file: %s",
                         !doc ? "doc must not be NULL"
                              : !path ? "path must not be NULL" : "path must not be empty");
    char *text;
    size_t len;
    smb_status st = smb_document_save_string(doc, &text, &len);
    if (st != SMB_OK)
        return st;
    st = smb__replace_file(path, text, len);
    smb__free(text);
    return st;
}
