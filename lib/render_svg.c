/* SPDX-License-Identifier: MIT */
/* The canvas as an SVG picture in Osterwalder's layout. Text is wrapped by
 * an estimate of glyph widths (smb__cp_width) and never leaves its block: items that do not
 * fit are counted on a "+N more" line, and each block clips its content as a
 * last guard against fonts wider than the estimate. Only integers are
 * printed, so the locale's decimal separator can never leak in. */
#include <string.h>

#include "render_internal.h"

/* Page and grid, in px: five columns over two wide bottom blocks. */
enum {
    PAGE_W = 1400,
    PAGE_H = 900,
    MARGIN = 24,
    COL_W = 264,   /* (1400 - 2*24 - 4*8) / 5 */
    HALF_W = 672,  /* (1400 - 2*24 - 8) / 2 */
    TOP_Y = 88,    /* below the header */
    TOP_H = 540,
    STACK_H = 266, /* (540 - 8) / 2: two blocks stacked in one column */
    BOTTOM_Y = 636,
    BOTTOM_H = 240 /* ends at 876, leaving the 24 px margin */
};

/* Inside a block. */
enum {
    PAD = 12,
    TITLE_SIZE = 15,
    TITLE_DY = 26,   /* title baseline below the block's top */
    CONTENT_DY = 40, /* first line's top below the block's top */
    BOTTOM_PAD = 10,
    FONT_SIZE = 12,
    LINE_H = 16,
    BASELINE_DY = 12, /* baseline below a line's top */
    ITEM_GAP = 4,
    TEXT_DX = 26,     /* text starts after the bullet column */
    BULLET_DX = 17,
    MAX_TEXT_LINES = 4
};

/* Header (render_page.c draws it). */
enum {
    /* Widths in tenths of an em. The name, of 26 px, may use 830 px left
     * of the legend: 830 / 26 = 31.9 em, less a tenth for the bold face. */
    NAME_WIDTH = 280,
    DESC_WIDTH = 620, /* 62 em of 13 px = 806 px */
    LEGEND_X = 880
};

typedef struct frame {
    int x, y, w, h;
} frame;

static const frame frames[SMB_BLOCK_COUNT] = {
    [SMB_BLOCK_KEY_PARTNERSHIPS] = {MARGIN, TOP_Y, COL_W, TOP_H},
    [SMB_BLOCK_KEY_ACTIVITIES] = {MARGIN + (COL_W + 8), TOP_Y, COL_W, STACK_H},
    [SMB_BLOCK_KEY_RESOURCES] = {MARGIN + (COL_W + 8), TOP_Y + STACK_H + 8, COL_W, STACK_H},
    [SMB_BLOCK_VALUE_PROPOSITIONS] = {MARGIN + 2 * (COL_W + 8), TOP_Y, COL_W, TOP_H},
    [SMB_BLOCK_CUSTOMER_RELATIONSHIPS] = {MARGIN + 3 * (COL_W + 8), TOP_Y, COL_W, STACK_H},
    [SMB_BLOCK_CHANNELS] = {MARGIN + 3 * (COL_W + 8), TOP_Y + STACK_H + 8, COL_W, STACK_H},
    [SMB_BLOCK_CUSTOMER_SEGMENTS] = {MARGIN + 4 * (COL_W + 8), TOP_Y, COL_W, TOP_H},
    [SMB_BLOCK_COST_STRUCTURE] = {MARGIN, BOTTOM_Y, HALF_W, BOTTOM_H},
    [SMB_BLOCK_REVENUE_STREAMS] = {MARGIN + HALF_W + 8, BOTTOM_Y, HALF_W, BOTTOM_H},
};

/* Evidence as a bullet colour, with a hollow bullet for untested
 * assumptions so that the legend does not rely on colour alone. */
static const struct {
    const char *fill, *stroke;
} evidence_style[SMB_EVIDENCE_COUNT] = {
    [SMB_EVIDENCE_ASSUMPTION] = {"#ffffff", "#6b7280"},
    [SMB_EVIDENCE_TESTING] = {"#f59e0b", "#b45309"},
    [SMB_EVIDENCE_VALIDATED] = {"#16a34a", "#166534"},
    [SMB_EVIDENCE_INVALIDATED] = {"#dc2626", "#991b1b"},
};

/* The width of an item line in tenths of an em of FONT_SIZE. */
static size_t line_width(const frame *f)
{
    return (size_t)(f->w - TEXT_DX - PAD) * 10 / FONT_SIZE;
}

static bool has_detail(const smb_item *item)
{
    return smb_item_has_amount(item) || smb_item_kind(item) != SMB_KIND_NONE;
}

static int item_height(const smb_item *item, size_t width)
{
    size_t lines = smb__wrap_count(smb_item_text(item), width, MAX_TEXT_LINES);
    if (lines == 0)
        lines = 1; /* a text of only spaces still gets its bullet */
    return (int)(lines + has_detail(item)) * LINE_H;
}

/* How many of the block's items to draw: all when they fit, otherwise as
 * many as fit above a "+N more" line. */
static size_t items_shown(const smb_canvas *canvas, smb_block block, const frame *f)
{
    size_t n = smb_canvas_item_count(canvas, block), width = line_width(f);
    long avail = f->h - CONTENT_DY - BOTTOM_PAD, used = 0;
    size_t fit_with_more = 0;
    for (size_t i = 0; i < n; i++) {
        used += (i ? ITEM_GAP : 0) + item_height(smb_canvas_item_at(canvas, block, i), width);
        if (used > avail)
            return fit_with_more;
        if (used + ITEM_GAP + LINE_H <= avail)
            fit_with_more = i + 1;
    }
    return n;
}

static void put_item(smb_buf *b, const smb_item *item, const frame *f, int top)
{
    size_t width = line_width(f);
    int importance = smb_item_importance(item);
    smb_evidence ev = smb_item_evidence(item);
    if ((unsigned)ev >= SMB_EVIDENCE_COUNT)
        ev = SMB_EVIDENCE_ASSUMPTION;
    /* Radius 2.0 px for importance 1 up to 4.0 px for 5, printed from
     * tenths so no floating-point formatting is involved. */
    int r10 = 15 + 5 * importance;
    smb__buf_printf(b,
                    "<g class=\"item\"><circle cx=\"%d\" cy=\"%d\" r=\"%d.%d\" fill=\"%s\" "
                    "stroke=\"%s\" stroke-width=\"1.2\"/>",
                    f->x + BULLET_DX, top + BASELINE_DY - 4, r10 / 10, r10 % 10,
                    evidence_style[ev].fill, evidence_style[ev].stroke);
    smb_wrap w;
    smb__wrap_init(&w, smb_item_text(item));
    int line = 0;
    while (line < MAX_TEXT_LINES && !smb__wrap_done(&w)) {
        smb__buf_printf(b, "<text x=\"%d\" y=\"%d\">", f->x + TEXT_DX,
                        top + line * LINE_H + BASELINE_DY);
        smb__wrap_put_line(b, &w, width, line == MAX_TEXT_LINES - 1);
        smb__buf_puts(b, "</text>");
        line++;
    }
    if (line == 0)
        line = 1;
    if (has_detail(item)) {
        smb__buf_printf(b, "<text class=\"detail\" x=\"%d\" y=\"%d\" font-size=\"11\" "
                           "fill=\"#4b5563\">",
                        f->x + TEXT_DX, top + line * LINE_H + BASELINE_DY);
        if (smb_item_has_amount(item)) {
            char amount[SMB_AMOUNT_BUF];
            smb__buf_puts(b, smb__format_amount(amount, smb_item_amount(item)));
        }
        if (smb_item_kind(item) != SMB_KIND_NONE)
            smb__buf_printf(b, "%s%s", smb_item_has_amount(item) ? " \xC2\xB7 " : "",
                            smb_amount_kind_key(smb_item_kind(item)));
        smb__buf_puts(b, "</text>");
    }
    smb__buf_puts(b, "</g>\n");
}

/* Totals sit on the money blocks' title line, right-aligned. */
static void put_block_total(smb_buf *b, const smb_canvas *canvas, smb_block block,
                            const frame *f)
{
    if (!smb__canvas_has_amounts(canvas))
        return;
    char total[SMB_AMOUNT_BUF], margin[SMB_AMOUNT_BUF];
    smb__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#374151\">",
                    f->x + f->w - PAD, f->y + TITLE_DY);
    if (block == SMB_BLOCK_COST_STRUCTURE)
        smb__buf_printf(b, "total %s",
                        smb__format_amount(total, smb_canvas_cost_total(canvas)));
    else
        smb__buf_printf(b, "total %s \xC2\xB7 margin %s",
                        smb__format_amount(total, smb_canvas_revenue_total(canvas)),
                        smb__format_amount(margin, smb_canvas_margin(canvas)));
    smb__buf_puts(b, "</text>\n");
}

static void put_block(smb_buf *b, const smb_canvas *canvas, smb_block block)
{
    const frame *f = &frames[block];
    const char *key = smb_block_key(block);
    smb__buf_printf(b,
                    "<g id=\"smb-%s\" class=\"block\">\n"
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" "
                    "fill=\"#ffffff\" stroke=\"#9ca3af\"/>\n"
                    "<text class=\"block-title\" x=\"%d\" y=\"%d\" font-size=\"%d\" "
                    "font-weight=\"bold\" fill=\"#111827\">",
                    key, f->x, f->y, f->w, f->h, f->x + PAD, f->y + TITLE_DY, TITLE_SIZE);
    smb__buf_put_xml(b, smb_block_title(block));
    smb__buf_puts(b, "</text>\n");
    if (block == SMB_BLOCK_COST_STRUCTURE || block == SMB_BLOCK_REVENUE_STREAMS)
        put_block_total(b, canvas, block, f);

    smb__buf_printf(b, "<g clip-path=\"url(#smb-clip-%s)\">\n", key);
    size_t n = smb_canvas_item_count(canvas, block);
    size_t shown = items_shown(canvas, block, f), width = line_width(f);
    int top = f->y + CONTENT_DY;
    for (size_t i = 0; i < shown; i++) {
        const smb_item *item = smb_canvas_item_at(canvas, block, i);
        put_item(b, item, f, top);
        top += item_height(item, width) + ITEM_GAP;
    }
    if (shown < n)
        smb__buf_printf(b,
                        "<text class=\"more\" x=\"%d\" y=\"%d\" font-style=\"italic\" "
                        "fill=\"#6b7280\">+%zu more</text>\n",
                        f->x + TEXT_DX, top + BASELINE_DY, n - shown);
    smb__buf_puts(b, "</g>\n</g>\n");
}

static void put_clip_paths(smb_buf *b)
{
    smb__buf_puts(b, "<defs>\n");
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        const frame *f = &frames[k];
        smb__buf_printf(b,
                        "<clipPath id=\"smb-clip-%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                        "height=\"%d\"/></clipPath>\n",
                        smb_block_key((smb_block)k), f->x, f->y, f->w, f->h);
    }
    smb__buf_puts(b, "</defs>\n");
}

static void put_legend(smb_buf *b)
{
    static const int entry_x[SMB_EVIDENCE_COUNT] = {950, 1056, 1136, 1232};
    smb__buf_printf(b, "<g class=\"legend\" font-size=\"12\" fill=\"#374151\">\n"
                       "<text x=\"%d\" y=\"34\">Evidence:</text>\n",
                    LEGEND_X);
    for (int e = 0; e < SMB_EVIDENCE_COUNT; e++)
        smb__buf_printf(b,
                        "<circle cx=\"%d\" cy=\"30\" r=\"4\" fill=\"%s\" stroke=\"%s\" "
                        "stroke-width=\"1.2\"/><text x=\"%d\" y=\"34\">%s</text>\n",
                        entry_x[e], evidence_style[e].fill, evidence_style[e].stroke,
                        entry_x[e] + 9, smb_evidence_key((smb_evidence)e));
    /* Growing bullets first, then what they mean. */
    for (int i = 1; i <= 5; i++) {
        int r10 = 15 + 5 * i;
        smb__buf_printf(b,
                        "<circle cx=\"%d\" cy=\"56\" r=\"%d.%d\" fill=\"#ffffff\" "
                        "stroke=\"#6b7280\" stroke-width=\"1.2\"/>\n",
                        LEGEND_X - 8 + 12 * i, r10 / 10, r10 % 10);
    }
    smb__buf_printf(b, "<text x=\"%d\" y=\"60\">bullet size: importance 1 to 5</text>\n",
                    LEGEND_X + 62);
    smb__buf_puts(b, "</g>\n");
}

void smb__render_svg(const smb_canvas *canvas, smb_buf *b, bool standalone)
{
    const char *name = smb_canvas_name(canvas);
    const char *description = smb_canvas_description(canvas);
    if (!name)
        name = "";
    if (!description)
        description = "";
    smb__svg_open(b, standalone, PAGE_W, PAGE_H, FONT_SIZE, "Business Model Canvas", name,
                  description);
    put_clip_paths(b);
    smb__buf_printf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#f3f4f6\"/>\n", PAGE_W, PAGE_H);
    smb__svg_header(b, "BUSINESS MODEL CANVAS", "Business Model Canvas", name, description,
                    NAME_WIDTH, DESC_WIDTH);
    put_legend(b);
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        put_block(b, canvas, (smb_block)k);
    smb__buf_puts(b, "</svg>\n");
}
