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

/* What the five-forces writers show: the assessment and its scoring,
 * computed once by smb_forces_render (render_forces.c) so that every
 * writer presents the same numbers and none recomputes them. */
typedef struct smb_forces_view {
    const smb_forces *forces;
    const smb_forces_result *result;
    bool has_pressure; /* pressure and attractiveness are defined */
    double pressure, attractiveness;
    const char *undefined_reason; /* why they are not, when !has_pressure */
} smb_forces_view;

/* Fill the view from a result (which it borrows); never fails. */
void smb__forces_view_init(smb_forces_view *v, const smb_forces *forces,
                           const smb_forces_result *result);
/* The band's key, or "unrated" for a force without a score. */
const char *smb__band_label(smb_force_band band);
/* Colours of a force's box by band (unrated included): light fill, border,
 * and text on the fill; unrated boxes also get a dashed border so that the
 * difference does not rest on colour alone. */
typedef struct smb_band_style {
    const char *fill, *stroke, *text, *dash;
} smb_band_style;
const smb_band_style *smb__band_style(smb_force_band band);

void smb__render_forces_markdown(const smb_forces_view *v, smb_buf *b);
void smb__render_forces_svg(const smb_forces_view *v, smb_buf *b, bool standalone);
void smb__render_forces_html(const smb_forces_view *v, smb_buf *b);

/* ---- page furniture shared by the pictures and pages (render_page.c) --- */
/* Open an <svg> of w x h px (see smb__render_svg for `standalone`), with an
 * accessible <title> "NAME — KIND" (or KIND alone) and the description, if
 * any, as <desc>. */
void smb__svg_open(smb_buf *b, bool standalone, int width, int height, int font_size,
                   const char *kind, const char *name, const char *description);
/* The header at the top left of a picture: `label` in small capitals over
 * the name when there is one, else `fallback` as the name; then the
 * description. The widths (tenths of an em, see smb__cp_width) bound the
 * single line each may take; longer text ends with an ellipsis. */
void smb__svg_header(smb_buf *b, const char *label, const char *fallback, const char *name,
                     const char *description, size_t name_width, size_t desc_width);
/* Write everything of an HTML page up to and including </header>: the
 * document head with the shared style sheet followed by `style` and what
 * `put_style` (may be NULL) writes, then a header naming KIND and NAME with
 * the description. */
void smb__html_open(smb_buf *b, const char *kind, const char *name, const char *description,
                    const char *style, void (*put_style)(smb_buf *b));

/* Rules for the tables of the HTML pages: borders, header cells and
 * right-aligned numbers (td.num). Pages append them to their own style. */
extern const char smb__html_table_style[];

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

/* smb__render_put_xml_words over a whole NUL-terminated string. */
void smb__render_put_xml_text(smb_buf *b, const char *s);

/* Format a money amount without the locale: thousands grouped with ',',
 * '.' before two decimals shown only when the amount has cents, '-' for
 * negatives. Returns dst. */
enum { SMB_AMOUNT_BUF = 48 };
char *smb__format_amount(char dst[SMB_AMOUNT_BUF], double value);
/* Format a number without the locale, rounded to `decimals` places (at
 * most 6), without grouping; `trim` drops trailing zeros and a bare '.'
 * (3.50 -> "3.5", 4.00 -> "4"). "n/a" for NaN, infinities and magnitudes
 * of 1e30 or more. Returns dst. */
char *smb__format_number(char dst[SMB_AMOUNT_BUF], double value, unsigned decimals, bool trim);
/* Append user text as inline Markdown, on one line: separator runs become
 * one space, the ends are trimmed, and markup characters (table pipes
 * included) are backslash-escaped, so that it reads as plain text wherever
 * it stands. `at_start` says whether the text opens a block (a bullet or a
 * paragraph), where list markers must be escaped too. */
void smb__render_put_md(smb_buf *b, const char *s, bool at_start);
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
/* Write the next line of `w` escaped for XML (as the contents of an open
 * <text>); when `last` is set and text remains after the line, the line is
 * shortened to make room for an ellipsis, which ends it. */
void smb__wrap_put_line(smb_buf *b, smb_wrap *w, size_t width, bool last);

/* ---- scenarios (render_scenarios.c and its writers) -------------------- */
/* What the scenario writers show: the set scored once against the profile
 * by smb_scenarios_render (render.c), so that the matrix and the tables
 * present the same numbers and none recomputes them. */
typedef struct smb_scenarios_view {
    const smb_scenarios *scenarios;
    const smb_resilience *resilience; /* NULL: every maturity counts as 0 */
    const smb_scenario_scores *scores;
} smb_scenarios_view;

/* Colours of a risk-matrix band (render_scenarios.c), in the palette of
 * the forces' bands with orange added between amber and red; NONE gets
 * the neutral style. */
const smb_band_style *smb__risk_band_style(smb_risk_band band);
/* The figures of one scored scenario as the tables print them, formatted
 * once so that Markdown and HTML agree: p and impact to two decimals
 * (trailing zeros dropped), exposures to two decimals, the matrix cell as
 * "L × I = R". */
typedef struct smb_scenario_cells {
    char likelihood[SMB_AMOUNT_BUF], impact[SMB_AMOUNT_BUF];
    char exposure[SMB_AMOUNT_BUF], urgency_weighted[SMB_AMOUNT_BUF];
    char cell[SMB_AMOUNT_BUF];
} smb_scenario_cells;
void smb__scenario_cells(const smb_scenario_score *s, smb_scenario_cells *c);
/* The lowest probability of likelihood level `level` (2..5), or 0 for
 * level 1 and 1 above level 5: the bounds the matrix labels its columns
 * with. */
double smb__risk_level_floor(int level);
/* Whether any scenario of the view carries a money impact. */
bool smb__scenarios_have_money(const smb_scenarios_view *v);

/* What the scores rest on, as one plain sentence without markup (it holds
 * no user text, so Markdown and HTML print it as it is): the resilience
 * profile's index and weakest link, or its absence, then m and the
 * half-life. */
void smb__scenarios_put_basis(const smb_scenarios_view *v, smb_buf *b);
/* How the matrix places a scenario, as one plain sentence (no markup, no
 * character that needs escaping): the likelihood levels by probability,
 * the impact levels, and the band of each range of ratings, all from the
 * constants of scenario.h. */
void smb__risk_put_scale(smb_buf *b);
/* The ratings a band covers, "10\u201315", from the constants of
 * scenario.h; "" for an invalid band. Returns dst. */
char *smb__risk_band_range(char dst[SMB_AMOUNT_BUF], smb_risk_band band);
/* How each direction is ranked, as plain sentences for a table's intro. */
extern const char smb__threats_intro[];
extern const char smb__opportunities_intro[];

void smb__render_scenarios_markdown(const smb_scenarios_view *v, smb_buf *b);
void smb__render_scenarios_svg(const smb_scenarios_view *v, smb_buf *b, bool standalone);
void smb__render_scenarios_html(const smb_scenarios_view *v, smb_buf *b);

#endif /* SMB_RENDER_INTERNAL_H */
