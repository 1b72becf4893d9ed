/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: any byte string given to the loader either fails with a
 * status and a message, or yields a document that survives every read-only
 * operation and saves to text that loads back to an equal canvas.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smbstrat/smbstrat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const smb_canvas *canvas)
{
    smb_findings *findings = NULL;
    if (smb_canvas_check(canvas, &findings) == SMB_OK) {
        for (size_t i = 0; i < smb_findings_count(findings); i++)
            if (!smb_findings_at(findings, i)->message)
                abort();
        smb_findings_free(findings);
    }
    smb_diff *diff = NULL;
    if (smb_canvas_diff(canvas, canvas, &diff) == SMB_OK) {
        if (smb_diff_count(diff) != 0)
            abort(); /* a canvas never differs from itself */
        smb_diff_free(diff);
    }
    for (int f = SMB_FORMAT_MARKDOWN; f <= SMB_FORMAT_HTML; f++) {
        char *text = NULL;
        size_t length = 0;
        if (smb_canvas_render(canvas, (smb_format)f, &text, &length) == SMB_OK) {
            if (strlen(text) != length)
                abort();
            smb_free(text);
        }
    }
    (void)smb_canvas_margin(canvas);
    (void)smb_canvas_assumption_share(canvas);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smb_document *doc = NULL;
    if (smb_document_load_string((const char *)data, size, &doc) != SMB_OK) {
        if (doc != NULL || smb_last_error()[0] == '\0')
            abort(); /* failures leave *out alone and always explain */
        return 0;
    }
    const smb_canvas *canvas = smb_document_canvas_const(doc);
    if (canvas)
        exercise(canvas);

    char *saved = NULL;
    size_t length = 0;
    if (smb_document_save_string(doc, &saved, &length) == SMB_OK) {
        smb_document *again = NULL;
        if (smb_document_load_string(saved, length, &again) != SMB_OK)
            abort(); /* what we save, we load */
        const smb_canvas *c2 = smb_document_canvas_const(again);
        if ((canvas == NULL) != (c2 == NULL) || (canvas && !smb_canvas_equal(canvas, c2)))
            abort(); /* round trip is exact */
        smb_document_free(again);
        smb_free(saved);
    }
    smb_document_free(doc);
    return 0;
}
