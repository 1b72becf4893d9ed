/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the renderers: one writer per format, and the text
 * helpers they share (UTF-8 stepping, width estimates, line wrapping,
 * escaping, locale-independent numbers). Writers append to a sticky-failure
 * smb_buf, so they never report errors themselves: smb_canvas_render turns a
 * failed buffer into SMB_ENOMEM.
 */
#ifndef SMB_RENDER_INTERNAL_H
#define SMB_RENDER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* ---- writers ----------------------------------------------------------- */
void smb__render_markdown(const smb_canvas *canvas, smb_buf *b);
/* `standalone` adds the XML declaration and a fixed pixel size; without it
 * the <svg> element is meant to sit inside an HTML page. */
void smb__render_svg(const smb_canvas *canvas, smb_buf *b, bool standalone);
void smb__render_html(const smb_canvas *canvas, smb_buf *b);

/* ---- text (render_text.c) ---------------------------------------------- */
/* Decode the code point at s[i] (i < n) into *cp and return its length in
 * bytes. Input is expected to be valid UTF-8 (the canvas guarantees it); a
 * stray byte is returned as U+FFFD of length 1 so that callers always make
 * progress and never stop inside a character. */
size_t smb__utf8_step(const char *s, size_t n, size_t i, uint32_t *cp);
/* Estimated advance of a code point in tenths of an em, by glyph class:
 * 3 for thin ASCII (i, l, '.', space), 4 narrow (f, t, r), 6 ordinary
 * lowercase and digits, 7 capitals and non-ASCII letters, 8 round
 * capitals (C, D, G, H, N, O, Q, U), 9 for m, w, M and operators such as
 * '<' and '&', 10 for W, '@', '%' and East Asian wide characters, 12 for
 * emoji, 0 for combining marks and invisible formatters. Lines are filled
 * by summing these over code points, never bytes. */
unsigned smb__cp_width(uint32_t cp);
/* The width of the single space a separator run becomes, and the width
 * kept free for the ellipsis that ends a cut line. */
enum { SMB_SPACE_WIDTH = 3, SMB_ELLIPSIS_WIDTH = 10 };
/* Whether a code point separates words (and is shown as one space): ASCII
 * space, every C0 and C1 control, DEL, and the Unicode line and paragraph
 * separators. */
bool smb__cp_is_separator(uint32_t cp);

/* Append s[0..n) escaped for XML and HTML text and attributes, flattened
 * to one line: each run of separators (controls included: XML 1.0 forbids
 * most of them, HTML calls them parse errors) becomes one space and the
 * ends are trimmed; & < > " ' become entities; noncharacters become U+FFFD
 * (XML forbids U+FFFE and U+FFFF, which smb__buf_put_xml lets through). */
void smb__render_put_xml_words(smb_buf *b, const char *s, size_t n);

/* Format a money amount without the locale: thousands grouped with ',',
 * '.' before two decimals shown only when the amount has cents, '-' for
 * negatives. Returns dst. */
enum { SMB_AMOUNT_BUF = 48 };
char *smb__format_amount(char dst[SMB_AMOUNT_BUF], double value);
/* Whether any revenue or cost item carries an amount. */
bool smb__canvas_has_amounts(const smb_canvas *canvas);

/* ---- line wrapping (render_wrap.c) ------------------------------------- */
/* Greedy wrapping of one text into lines of at most a given width in
 * tenths of an em (smb__cp_width). Words are separated by smb__cp_is_separator() runs; a word wider
 * than a line is broken between code points. Lines are byte ranges of the
 * original text, to be written with smb__render_put_xml_words(). */
typedef struct smb_wrap {
    const char *s;
    size_t n;
    size_t pos; /* first byte not yet placed on a line */
} smb_wrap;

void smb__wrap_init(smb_wrap *w, const char *s);
/* The next line as [*start, *end); false when the text is exhausted. Every
 * line holds at least one code point, even when max_width is too small. */
bool smb__wrap_next(smb_wrap *w, size_t max_width, size_t *start, size_t *end);
/* Whether no word is left. */
bool smb__wrap_done(const smb_wrap *w);
/* Number of lines the text needs, stopping the count at `limit`. */
size_t smb__wrap_count(const char *s, size_t max_width, size_t limit);

#endif /* SMB_RENDER_INTERNAL_H */
