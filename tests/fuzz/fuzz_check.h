/* SPDX-License-Identifier: MIT */
/*
 * What the fuzz targets check on every document that loads, shared by
 * them: the analyses succeed, the saved text is canonical and loads back
 * equal, and every rendering is well-formed. A broken promise aborts, which
 * libFuzzer reports as a crash with the input that caused it.
 */
#ifndef SMB_FUZZ_CHECK_H
#define SMB_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "smbstrat/smbstrat.h"

/* Abort with a message on stderr (for the fuzzer's log). */
#define FUZZ_REQUIRE(cond, what)                                                   \
    do {                                                                           \
        if (!(cond))                                                               \
            fuzz_fail(__FILE__, __LINE__, (what));                                 \
    } while (0)

void fuzz_fail(const char *file, int line, const char *what);

/* Whether text[0..length) is valid UTF-8 without NUL bytes. */
bool fuzz_utf8_ok(const char *text, size_t length);

/* Whether SVG or HTML text is well-formed as far as a renderer can spoil
 * it: every tag closed or self-closed in order (HTML's void elements need
 * no closing), no raw '<' or '&' from content, attribute values quoted,
 * valid UTF-8. Returns NULL when it is, else what is wrong. */
const char *fuzz_markup_problem(const char *text, size_t length, bool html);

/* Render the canvas, the forces and the scenarios of the document in every
 * format, requiring success and well-formed output. */
void fuzz_render_document(const smb_document *doc);

/* Score, rank and plan with the document as the CLI's score and plan do,
 * requiring success where the document has what each needs; save it and
 * require that the text loads back to an equal document and saves to the
 * same bytes. */
void fuzz_exercise_document(const smb_document *doc);

#endif /* SMB_FUZZ_CHECK_H */
