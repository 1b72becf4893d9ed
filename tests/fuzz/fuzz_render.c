/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the renderers. Any document that loads renders its
 * canvas, forces and scenarios in Markdown, SVG and HTML without failing,
 * and the output is well-formed (fuzz_check.h: tags balanced, no raw '<'
 * or '&' from content, valid UTF-8).
 *
 * Most byte strings are no document, and the renderers' hardest input is
 * text (escaping, wrapping, cutting between characters), so an input that
 * does not load is used as text instead: made valid UTF-8, split at new
 * lines, and written into every text field the renderers show (names,
 * descriptions, item texts and notes, driver titles and rationales,
 * scenario titles) of the full document FUZZ_CONTEXT.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static smb_document *base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (smb_document_load_file(FUZZ_CONTEXT, &base) != SMB_OK) {
        fprintf(stderr, "fuzz_render: %s\n", smb_last_error());
        abort();
    }
    return 0;
}

enum { MAX_TEXT = 8192, MAX_PIECES = 24 };

/* data as valid UTF-8 without NUL: each byte that starts no valid sequence
 * becomes '?'. */
static size_t as_text(const uint8_t *data, size_t size, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < size && n < MAX_TEXT;) {
        size_t len = data[i] < 0x80 ? 1 : data[i] >= 0xF0 ? 4 : data[i] >= 0xE0 ? 3 : 2;
        if (data[i] != 0 && i + len <= size && n + len <= MAX_TEXT &&
            fuzz_utf8_ok((const char *)data + i, len)) {
            memcpy(out + n, data + i, len);
            n += len;
            i += len;
        } else {
            out[n++] = '?';
            i++;
        }
    }
    out[n] = '\0';
    return n;
}

/* Split text in place at '\n' into at most MAX_PIECES pieces. */
static size_t split(char *text, char **pieces)
{
    size_t count = 0;
    pieces[count++] = text;
    for (char *p = text; *p && count < MAX_PIECES; p++)
        if (*p == '\n') {
            *p = '\0';
            pieces[count++] = p + 1;
        }
    return count;
}

static void render_as_text(const uint8_t *data, size_t size)
{
    static char text[MAX_TEXT + 1];
    char *pieces[MAX_PIECES];
    as_text(data, size, text);
    size_t count = split(text, pieces);
#define PIECE(k) (pieces[(k) % count])

    /* Failures (an empty text where one is required, a limit) leave the
     * field as it was: any outcome is fine, only the rendering is
     * checked. */
    smb_canvas *canvas = NULL;
    smb_forces *forces = NULL;
    smb_scenarios *scenarios = NULL;
    if (smb_canvas_copy(smb_document_canvas_const(base), &canvas) != SMB_OK ||
        smb_forces_copy(smb_document_forces_const(base), &forces) != SMB_OK ||
        smb_scenarios_copy(smb_document_scenarios_const(base), &scenarios) != SMB_OK)
        goto done;
    size_t k = 0;
    (void)smb_canvas_set_name(canvas, PIECE(k++));
    (void)smb_canvas_set_description(canvas, PIECE(k++));
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        char id[16];
        snprintf(id, sizeof id, "fuzz-%d", b);
        (void)smb_canvas_add_item(canvas, (smb_block)b, id, PIECE(k++));
        (void)smb_canvas_set_item_notes(canvas, id, PIECE(k++));
        const char *tags[] = {PIECE(k), PIECE(k + 1)};
        k += 2;
        (void)smb_canvas_set_item_tags(canvas, id, tags, 2);
    }
    (void)smb_forces_set_name(forces, PIECE(k++));
    (void)smb_forces_set_description(forces, PIECE(k++));
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        (void)smb_forces_add_driver(forces, (smb_force)f, "fuzz", PIECE(k), PIECE(k + 1));
        (void)smb_forces_set_rationale(forces, (smb_force)f, "fuzz", PIECE(k + 2));
        k += 3;
    }
    for (size_t i = 0; i < smb_scenarios_count(scenarios); i++) {
        const char *id = smb_scenario_id(smb_scenarios_at(scenarios, i));
        (void)smb_scenarios_set_title(scenarios, id, PIECE(k++));
        (void)smb_scenarios_set_description(scenarios, id, PIECE(k++));
    }
#undef PIECE

    smb_document *doc = NULL;
    if (smb_document_new(&doc) != SMB_OK)
        goto done;
    if (smb_document_set_canvas(doc, canvas) == SMB_OK &&
        smb_document_set_forces(doc, forces) == SMB_OK &&
        smb_document_set_resilience(doc, smb_document_resilience_const(base)) == SMB_OK &&
        smb_document_set_scenarios(doc, scenarios) == SMB_OK)
        fuzz_render_document(doc);
    smb_document_free(doc);
done:
    smb_scenarios_free(scenarios);
    smb_forces_free(forces);
    smb_canvas_free(canvas);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smb_document *doc = NULL;
    if (smb_document_load_string((const char *)data, size, &doc) == SMB_OK) {
        fuzz_render_document(doc);
        smb_document_free(doc);
        return 0;
    }
    render_as_text(data, size);
    return 0;
}
