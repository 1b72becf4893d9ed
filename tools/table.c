/* SPDX-License-Identifier: MIT */
/*
 * Tables that fit the terminal. A table is tried in four layouts, from
 * the one that changes nothing to the one that always fits:
 *
 *   1. every column at its natural width;
 *   2. long headings on two lines ("URGENCY-" over "WEIGHTED"), elidable
 *      cells cut with "…", the wrapping column (always the last) narrowed;
 *   3. as 2, with the `below` columns moved to a line under each row;
 *   4. records: each row's cells as "HEADING value" pairs, wrapped.
 *
 * Widths count UTF-8 characters (one column each), so a cut never splits
 * a character.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Below the MIN widths an elided key or a wrapped text stops being useful;
 * below the COMFORT widths it is worth moving the text under the row. */
enum { ELIDE_MIN = 10, ELIDE_COMFORT = 24, WRAP_MIN = 20, WRAP_COMFORT = 32 };
enum { GAP = 2, BELOW_INDENT_MAX = 8, BELOW_INDENT = 4 };

static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026, one column */

/* ---- UTF-8 text --------------------------------------------------------- */

static int is_continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

static size_t text_width(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t i = 0; i < bytes; i++)
        n += !is_continuation((unsigned char)s[i]);
    return n;
}

/* The byte offset after `width` characters of s (or its end). */
static size_t advance(const char *s, size_t bytes, size_t width)
{
    size_t i = 0;
    while (i < bytes && width > 0) {
        i++;
        while (i < bytes && is_continuation((unsigned char)s[i]))
            i++;
        width--;
    }
    return i;
}

static void put_coloured_span(FILE *out, const cli_ctx *ctx, cli_colour colour, const char *s,
                              size_t bytes)
{
    int coloured = ctx->colour && colour != CLI_PLAIN && bytes > 0;
    if (coloured)
        fputs(cli_colour_code(colour), out);
    cli_put_span(out, s, bytes);
    if (coloured)
        fputs(CLI_COLOUR_RESET, out);
}

static void spaces(FILE *out, size_t n)
{
    while (n-- > 0)
        fputc(' ', out);
}

/* ---- flowing text --------------------------------------------------------- */

/* Words placed one after another, a new line (indented) when the next one
 * would pass `limit`. */
typedef struct flow {
    FILE *out;
    const cli_ctx *ctx;
    size_t indent, limit;
    size_t col;      /* the cursor's column on the current line */
    int placed;      /* a word is on the current line after the indent */
} flow;

static void flow_newline(flow *f)
{
    fputc('\n', f->out);
    spaces(f->out, f->indent);
    f->col = f->indent;
    f->placed = 0;
}

/* One unbreakable unit: an optional plain `label`, a `text` and a plain
 * `suffix`, e.g. "SCORE 4.03" or "technology:". It goes on the next line
 * when it does not fit on this one; a unit longer than a whole line is cut
 * across lines. */
static void flow_unit(flow *f, const char *label, const char *text, size_t bytes,
                      cli_colour colour, size_t separation, const char *suffix)
{
    size_t lw = label ? strlen(label) + 1 : 0, sw = suffix ? strlen(suffix) : 0;
    size_t width = lw + text_width(text, bytes) + sw;

    if (f->placed) {
        if (f->col + separation + width > f->limit) {
            flow_newline(f);
        } else {
            spaces(f->out, separation);
            f->col += separation;
        }
    }
    if (label) {
        fputs(label, f->out);
        fputc(' ', f->out);
        f->col += lw;
    }
    while (bytes > 0) {
        size_t avail = f->limit > f->col + sw ? f->limit - f->col - sw : 0;
        size_t take = bytes;
        if (text_width(text, bytes) > avail) {
            if (avail == 0 && f->col > f->indent) {
                flow_newline(f);
                continue;
            }
            take = advance(text, bytes, avail ? avail : 1);
        }
        put_coloured_span(f->out, f->ctx, colour, text, take);
        f->col += text_width(text, take);
        text += take;
        bytes -= take;
        if (bytes > 0)
            flow_newline(f);
    }
    if (suffix) {
        fputs(suffix, f->out);
        f->col += sw;
    }
    f->placed = 1;
}

/* Text broken into words at spaces, the last followed by `suffix`. */
static void flow_text(flow *f, const char *text, cli_colour colour, const char *suffix)
{
    const char *p = text;

    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t bytes = strcspn(p, " ");
        int last = p[bytes + strspn(p + bytes, " ")] == '\0';
        flow_unit(f, NULL, p, bytes, colour, 1, last ? suffix : NULL);
        p += bytes;
    }
}

/* ---- measuring ------------------------------------------------------------ */

typedef struct measure {
    size_t natural[CLI_TABLE_MAX_COLUMNS]; /* widest cell */
    size_t heading[CLI_TABLE_MAX_COLUMNS]; /* heading on one line */
    size_t split_at[CLI_TABLE_MAX_COLUMNS]; /* bytes of the first heading line; 0: no split */
    size_t split[CLI_TABLE_MAX_COLUMNS];    /* the wider of the two heading lines */
} measure;

typedef struct layout {
    int in_row[CLI_TABLE_MAX_COLUMNS];
    size_t width[CLI_TABLE_MAX_COLUMNS];
    int split[CLI_TABLE_MAX_COLUMNS]; /* the heading is on two lines */
    int records;
} layout;

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static const char *cell_text(const cli_cell *cell)
{
    return cell->text ? cell->text : "";
}

/* A heading breaks after its last '-' or at its last ' ', whichever leaves
 * the narrower two lines. */
static void measure_heading(const char *heading, size_t c, measure *m)
{
    size_t n = strlen(heading);

    m->heading[c] = n;
    m->split_at[c] = 0;
    m->split[c] = n;
    for (size_t i = 1; i + 1 < n; i++) {
        size_t first = heading[i] == '-' ? i + 1 : heading[i] == ' ' ? i : 0;
        size_t second_start = heading[i] == '-' ? i + 1 : i + 1;
        if (first == 0)
            continue;
        size_t wider = max_size(first, n - second_start);
        if (wider < m->split[c]) {
            m->split[c] = wider;
            m->split_at[c] = first;
        }
    }
}

/* Cells start empty and plain; the table's function fills them. */
static void fill_row(const cli_table *t, size_t row, cli_cell *cells,
                     char (*scratch)[CLI_CELL_BUF])
{
    for (size_t c = 0; c < CLI_TABLE_MAX_COLUMNS; c++) {
        cells[c].text = NULL;
        cells[c].colour = CLI_PLAIN;
        scratch[c][0] = '\0';
    }
    t->fill(t->data, row, cells, scratch);
}

static void measure_table(const cli_table *t, measure *m)
{
    cli_cell cells[CLI_TABLE_MAX_COLUMNS];
    char scratch[CLI_TABLE_MAX_COLUMNS][CLI_CELL_BUF];

    memset(m, 0, sizeof *m);
    for (size_t c = 0; c < t->column_count; c++)
        measure_heading(t->columns[c].heading, c, m);
    for (size_t r = 0; r < t->row_count; r++) {
        fill_row(t, r, cells, scratch);
        for (size_t c = 0; c < t->column_count; c++) {
            const char *text = cell_text(&cells[c]);
            m->natural[c] = max_size(m->natural[c], text_width(text, strlen(text)));
        }
    }
}

/* ---- choosing a layout ---------------------------------------------------- */

static size_t narrowest(const cli_column *col, const measure *m, size_t c, int split)
{
    size_t head = split ? m->split[c] : m->heading[c];
    switch (col->fit) {
    case CLI_FIT_ELIDE:
        return max_size(head, min_size(m->natural[c], ELIDE_MIN));
    case CLI_FIT_WRAP:
        return max_size(head, min_size(m->natural[c], WRAP_MIN));
    case CLI_FIT_KEEP:
        break;
    }
    return max_size(head, m->natural[c]);
}

static size_t widest(const measure *m, size_t c)
{
    return max_size(m->natural[c], m->heading[c]);
}

/* Lay out the columns in_row at their narrowest, then hand out what is
 * left: elided cells and wrapped text up to a comfortable width, then
 * one-line headings, then the rest of the elided cells and the text.
 * Returns 0 when even the narrowest does not fit, or, when `comfort`, when
 * the wrapped text is left narrower than is comfortable to read. */
static int fit(const cli_table *t, const measure *m, size_t columns, int split, int below_out,
               int comfort, layout *l)
{
    size_t used = 0, shown = 0, extra;

    memset(l, 0, sizeof *l);
    for (size_t c = 0; c < t->column_count; c++) {
        l->in_row[c] = !(below_out && t->columns[c].below);
        if (!l->in_row[c])
            continue;
        l->width[c] = narrowest(&t->columns[c], m, c, split);
        used += l->width[c] + (shown++ ? GAP : 0);
    }
    if (used > columns)
        return 0;
    extra = columns - used;
    for (int pass = 0; pass < 5; pass++) {
        for (size_t c = 0; c < t->column_count; c++) {
            cli_fit how = t->columns[c].fit;
            size_t want = 0;
            if (!l->in_row[c])
                continue;
            if (pass == 0 && how == CLI_FIT_ELIDE)
                want = min_size(m->natural[c], ELIDE_COMFORT);
            else if (pass == 1 && how == CLI_FIT_WRAP)
                want = min_size(widest(m, c), WRAP_COMFORT);
            else if (pass == 2 && m->heading[c] - min_size(m->heading[c], l->width[c]) <= extra)
                want = m->heading[c]; /* a heading is on one line or two, not in between */
            else if (pass == 3 && how == CLI_FIT_ELIDE)
                want = m->natural[c];
            else if (pass == 4 && how == CLI_FIT_WRAP)
                want = widest(m, c);
            if (want > l->width[c]) {
                size_t more = min_size(want - l->width[c], extra);
                l->width[c] += more;
                extra -= more;
            }
        }
    }
    for (size_t c = 0; c < t->column_count; c++) {
        l->split[c] = l->in_row[c] && m->heading[c] > l->width[c];
        if (comfort && l->in_row[c] && t->columns[c].fit == CLI_FIT_WRAP &&
            l->width[c] < min_size(widest(m, c), WRAP_COMFORT))
            return 0;
    }
    return 1;
}

static void choose(const cli_table *t, const measure *m, size_t columns, layout *l)
{
    int any_below = 0;
    size_t natural = 0;

    memset(l, 0, sizeof *l);
    for (size_t c = 0; c < t->column_count; c++) {
        any_below |= t->columns[c].below;
        l->in_row[c] = 1;
        l->width[c] = widest(m, c);
        natural += l->width[c] + (c ? GAP : 0);
    }
    if (natural <= columns)
        return;
    /* Cramped text in the row, then text under the row, then any text in
     * the row at all. */
    if (fit(t, m, columns, 1, 0, 1, l))
        return;
    if (any_below && fit(t, m, columns, 1, 1, 0, l))
        return;
    if (fit(t, m, columns, 1, 0, 0, l))
        return;
    memset(l, 0, sizeof *l);
    l->records = 1;
}

/* ---- printing ------------------------------------------------------------- */

/* One heading line: the first (`line` 0) or second part of split headings,
 * whole headings on the second. Trailing spaces are not printed. */
static void print_heading_line(FILE *out, const cli_table *t, const measure *m, const layout *l,
                               int line)
{
    size_t pending = 0;
    int first = 1;

    for (size_t c = 0; c < t->column_count; c++) {
        const char *h = t->columns[c].heading;
        const char *part;
        size_t bytes;

        if (!l->in_row[c])
            continue;
        if (!first)
            pending += GAP;
        first = 0;
        if (l->split[c]) {
            size_t second = h[m->split_at[c]] == ' ' ? m->split_at[c] + 1 : m->split_at[c];
            part = line == 0 ? h : h + second;
            bytes = line == 0 ? m->split_at[c] : strlen(part);
        } else {
            part = h;
            bytes = line == 0 ? 0 : strlen(h);
        }
        if (t->columns[c].right && l->width[c] > bytes)
            pending += l->width[c] - bytes;
        if (bytes > 0) {
            spaces(out, pending);
            pending = 0;
            fwrite(part, 1, bytes, out);
        }
        if (!t->columns[c].right && l->width[c] > bytes)
            pending += l->width[c] - bytes;
    }
    fputc('\n', out);
}

static void print_headings(FILE *out, const cli_table *t, const measure *m, const layout *l)
{
    int any_split = 0;
    for (size_t c = 0; c < t->column_count; c++)
        any_split |= l->split[c];
    if (any_split)
        print_heading_line(out, t, m, l, 0);
    print_heading_line(out, t, m, l, 1);
}

/* The cells of the `moved` columns, joined by ": ", wrapped under the row. */
static void print_below(FILE *out, const cli_table *t, const cli_cell *cells, const int *moved,
                        size_t indent, const cli_ctx *ctx)
{
    flow f = {out, ctx, indent, ctx->columns, 0, 0};
    const char *texts[CLI_TABLE_MAX_COLUMNS];
    cli_colour colours[CLI_TABLE_MAX_COLUMNS];
    size_t n = 0;

    for (size_t c = 0; c < t->column_count; c++) {
        const char *text = cell_text(&cells[c]);
        if (moved[c] && text[strspn(text, " ")] != '\0') {
            texts[n] = text;
            colours[n++] = cells[c].colour;
        }
    }
    if (n == 0)
        return;
    spaces(out, indent);
    f.col = indent;
    for (size_t i = 0; i < n; i++)
        flow_text(&f, texts[i], colours[i], i + 1 < n ? ":" : NULL);
    fputc('\n', out);
}

static void print_row(FILE *out, const cli_table *t, const layout *l, const cli_cell *cells,
                      const cli_ctx *ctx)
{
    size_t pending = 0, start = 0, second_start = 0;
    int first = 1, moved[CLI_TABLE_MAX_COLUMNS];

    for (size_t c = 0; c < t->column_count; c++) {
        const cli_column *col = &t->columns[c];
        const char *text = cell_text(&cells[c]);
        size_t bytes = strlen(text), w = l->width[c], visible;

        if (!l->in_row[c])
            continue;
        if (!first) {
            pending += GAP;
            start += GAP;
            if (second_start == 0)
                second_start = start;
        }
        first = 0;
        if (col->fit == CLI_FIT_WRAP) {
            /* The wrapping column is the last: its text flows from here. */
            flow f = {out, ctx, start, start + w, start, 0};
            if (bytes > 0)
                spaces(out, pending);
            pending = 0;
            flow_text(&f, text, cells[c].colour, NULL);
            start += w;
            continue;
        }
        visible = text_width(text, bytes);
        if (col->fit == CLI_FIT_ELIDE && visible > w && w > 0)
            bytes = advance(text, bytes, w - 1);
        if (col->right && w > visible)
            pending += w - min_size(visible, w);
        if (bytes > 0) {
            spaces(out, pending);
            pending = 0;
            put_coloured_span(out, ctx, cells[c].colour, text, bytes);
            if (bytes < strlen(text)) {
                fputs(ellipsis, out);
                visible = w;
            }
        }
        if (!col->right && w > visible)
            pending += w - visible;
        start += w;
    }
    fputc('\n', out);
    for (size_t c = 0; c < t->column_count; c++)
        moved[c] = !l->in_row[c];
    /* Under the second column when it starts near the left (after a rank),
     * else a little indented. */
    print_below(out, t, cells, moved,
                second_start > 0 && second_start <= BELOW_INDENT_MAX ? second_start
                                                                     : BELOW_INDENT,
                ctx);
}

/* Layout 4: the first cell, then "HEADING value" for the others, then the
 * wrapping and `below` text on lines of their own. */
static void print_record(FILE *out, const cli_table *t, const cli_cell *cells,
                         const cli_ctx *ctx)
{
    flow f = {out, ctx, GAP, ctx->columns, 0, 0};
    int moved[CLI_TABLE_MAX_COLUMNS];

    for (size_t c = 0; c < t->column_count; c++) {
        const cli_column *col = &t->columns[c];
        const char *text = cell_text(&cells[c]);
        moved[c] = c > 0 && (col->below || col->fit == CLI_FIT_WRAP);
        if (moved[c] || text[0] == '\0')
            continue;
        flow_unit(&f, c == 0 ? NULL : col->heading, text, strlen(text), cells[c].colour, GAP,
                  NULL);
    }
    fputc('\n', out);
    print_below(out, t, cells, moved, GAP, ctx);
}

void cli_table_print(FILE *out, const cli_table *t, const cli_ctx *ctx)
{
    measure m;
    layout l;
    cli_cell cells[CLI_TABLE_MAX_COLUMNS];
    char scratch[CLI_TABLE_MAX_COLUMNS][CLI_CELL_BUF];

    measure_table(t, &m);
    choose(t, &m, ctx->columns, &l);
    if (!l.records)
        print_headings(out, t, &m, &l);
    for (size_t r = 0; r < t->row_count; r++) {
        fill_row(t, r, cells, scratch);
        if (l.records)
            print_record(out, t, cells, ctx);
        else
            print_row(out, t, &l, cells, ctx);
    }
}

void cli_paragraph(FILE *out, const cli_ctx *ctx, const char *fmt, ...)
{
    char text[CLI_PARAGRAPH_BUF];
    flow f = {out, ctx, 0, ctx->columns, 0, 0};
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof text) {
        /* Cut at a character, not inside one. */
        size_t end = sizeof text - 1;
        while (end > 0 && is_continuation((unsigned char)text[end]))
            end--;
        text[end] = '\0';
    }
    flow_text(&f, text, CLI_PLAIN, NULL);
    fputc('\n', out);
}
