/* SPDX-License-Identifier: MIT */
/* A five-forces assessment as an SVG diagram: rivalry, where the firm
 * meets its competitors, in the centre; new entrants above, substitutes
 * below, suppliers left and buyers right, each pressing on the centre with
 * an arrow. Each box is coloured by its band and shows its score and the
 * drivers that contribute most. Text is wrapped and cut as on the canvas
 * (render_wrap.c), and each box clips its content as a last guard against
 * fonts wider than the estimate. Scores are formatted without the locale. */
#include "render_internal.h"

enum {
    PAGE_W = 1200,
    PAGE_H = 860,
    FONT_SIZE = 12,
    /* The cross: a 360 px column in the middle, 320 px boxes at the sides,
     * 60 px gaps for the arrows (76 px beside the centre). */
    MID_X = 420,
    MID_W = 360,
    SIDE_W = 320,
    LEFT_X = 24,
    RIGHT_X = 856,  /* 420 + 360 + 76 */
    TOP_Y = 128,    /* below the header */
    OUTER_H = 184,  /* boxes above and below the centre */
    MID_Y = 372,    /* 128 + 184 + 60 */
    MID_H = 220,
    BOTTOM_Y = 652  /* 372 + 220 + 60; ends at 836, leaving 24 px */
};

/* Inside a box. */
enum {
    PAD = 12,
    STRIP_DY = 18,   /* baseline of the small label and badge line */
    TITLE_DY = 38,   /* baseline of the title's first line */
    TITLE_SIZE = 14,
    TITLE_LINE_H = 17,
    MAX_TITLE_LINES = 2,
    SCORE_DY = 28,   /* score baseline below the title's last baseline */
    HEAD_DY = 20,    /* "Top drivers" below the score */
    LINE_H = 16,
    FOOTER_DY = 10,  /* footer baseline above the box's bottom */
    RATING_W = 40    /* the right-aligned rating column */
};

/* Header (render_page.c draws the name and description). */
enum {
    LEGEND_X = 744,
    /* The name, of 26 px, may use 704 px left of the legend: 27 em, less
     * about 15 % for the bold face, which common fonts draw wider than the
     * estimate. The description, of 13 px, runs below the legend across
     * the page: 1152 px are 88 em, less a tenth for safety. */
    NAME_WIDTH = 230,
    DESC_WIDTH = 800,
    VERDICT_Y = 104
};

typedef struct frame {
    int x, y, w, h;
} frame;

static const frame frames[SMB_FORCE_COUNT] = {
    [SMB_FORCE_NEW_ENTRANTS] = {MID_X, TOP_Y, MID_W, OUTER_H},
    [SMB_FORCE_SUPPLIER_POWER] = {LEFT_X, MID_Y, SIDE_W, MID_H},
    [SMB_FORCE_BUYER_POWER] = {RIGHT_X, MID_Y, SIDE_W, MID_H},
    [SMB_FORCE_SUBSTITUTES] = {MID_X, BOTTOM_Y, MID_W, OUTER_H},
    [SMB_FORCE_RIVALRY] = {MID_X, MID_Y, MID_W, MID_H},
};

/* Where each force stands relative to the firm, in the box's corner. */
static const char *const roles[SMB_FORCE_COUNT] = {
    [SMB_FORCE_NEW_ENTRANTS] = "WHO MIGHT ENTER",
    [SMB_FORCE_SUPPLIER_POWER] = "UPSTREAM",
    [SMB_FORCE_BUYER_POWER] = "DOWNSTREAM",
    [SMB_FORCE_SUBSTITUTES] = "OTHER WAYS TO MEET THE NEED",
    [SMB_FORCE_RIVALRY] = "THE FIRM AND ITS RIVALS",
};

/* Widths in tenths of an em of the text's own size. */
static size_t text_width(const frame *f, int reserved, int font_size)
{
    return (size_t)(f->w - 2 * PAD - reserved) * 10 / (size_t)font_size;
}

/* Lines of `text` at `top`, at most `max_lines`, the last cut with an
 * ellipsis; returns the number written. */
static int put_lines(smb_buf *b, const char *text, int x, int top, size_t width, int max_lines,
                     int line_h, const char *attrs)
{
    smb_wrap w;
    smb__wrap_init(&w, text);
    int line = 0;
    while (line < max_lines && !smb__wrap_done(&w)) {
        smb__buf_printf(b, "<text x=\"%d\" y=\"%d\"%s>", x, top + line * line_h, attrs);
        smb__wrap_put_line(b, &w, width, line == max_lines - 1);
        smb__buf_puts(b, "</text>\n");
        line++;
    }
    return line;
}

static void put_score_line(smb_buf *b, const smb_force_score *s, const smb_band_style *st,
                           int x, int y)
{
    /* The gap after the score is a dx, not a space: renderers differ in
     * whether they keep a space that opens a <tspan>. */
    smb__buf_printf(b, "<text class=\"score\" x=\"%d\" y=\"%d\" fill=\"%s\">", x, y, st->text);
    if (s->has_score) {
        char score[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<tspan font-size=\"22\" font-weight=\"bold\">%s</tspan>"
                        "<tspan font-size=\"13\" dx=\"5\">/ 5 \xC2\xB7 %s</tspan>",
                        smb__format_number(score, s->score, 2, false), smb__band_label(s->band));
    } else {
        smb__buf_puts(b, "<tspan font-size=\"18\" font-weight=\"bold\">unrated</tspan>"
                         "<tspan font-size=\"13\" dx=\"5\">\xC2\xB7 no rated driver</tspan>");
    }
    smb__buf_puts(b, "</text>\n");
}

/* The rated drivers, largest contribution first, as many as fit above
 * `bottom` (the last baseline allowed), with a "+N more" line when some
 * do not. */
static void put_drivers(smb_buf *b, const smb_forces_view *v, smb_force force, const frame *f,
                        int top, int bottom)
{
    size_t n = smb_forces_result_contribution_count(v->result, force);
    if (n == 0) {
        smb__buf_printf(b,
                        "<text x=\"%d\" y=\"%d\" font-style=\"italic\" fill=\"#4b5563\">"
                        "Rate its drivers to score this force.</text>\n",
                        f->x + PAD, top);
        return;
    }
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#4b5563\">Top drivers</text>"
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#4b5563\" "
                    "text-anchor=\"end\">rating</text>\n",
                    f->x + PAD, top, f->x + f->w - PAD, top);
    top += LINE_H;
    size_t fit = bottom >= top ? (size_t)((bottom - top) / LINE_H + 1) : 0;
    size_t shown = n <= fit ? n : (fit > 0 ? fit - 1 : 0);
    size_t width = text_width(f, RATING_W, FONT_SIZE);
    for (size_t i = 0; i < shown; i++) {
        const smb_driver_score *d = smb_forces_result_contribution_at(v->result, force, i);
        int y = top + (int)i * LINE_H;
        char rating[SMB_AMOUNT_BUF];
        smb__buf_puts(b, "<g class=\"driver\">");
        put_lines(b, d->title, f->x + PAD, y, width, 1, LINE_H, "");
        smb__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text></g>\n",
                        f->x + f->w - PAD, y, smb__format_number(rating, d->rating, 2, true));
    }
    if (shown < n)
        smb__buf_printf(b,
                        "<text class=\"more\" x=\"%d\" y=\"%d\" font-style=\"italic\" "
                        "fill=\"#6b7280\">+%zu more rated</text>\n",
                        f->x + PAD, top + (int)shown * LINE_H, n - shown);
}

static void put_footer(smb_buf *b, const smb_force_score *s, const frame *f)
{
    smb__buf_printf(b,
                    "<text class=\"counts\" x=\"%d\" y=\"%d\" font-size=\"11\" "
                    "fill=\"#4b5563\">%zu rated \xC2\xB7 %zu unrated",
                    f->x + PAD, f->y + f->h - FOOTER_DY, s->rated, s->unrated);
    if (s->weight != 1.0) {
        char weight[SMB_AMOUNT_BUF];
        smb__buf_printf(b, " \xC2\xB7 force weight %s",
                        smb__format_number(weight, s->weight, 2, true));
    }
    smb__buf_puts(b, "</text>\n");
}

static void put_force(smb_buf *b, const smb_forces_view *v, smb_force force)
{
    const frame *f = &frames[force];
    const smb_force_score *s = smb_forces_result_force(v->result, force);
    const smb_band_style *st = smb__band_style(s->band);
    const char *key = smb_force_key(force);
    smb__buf_printf(b,
                    "<g id=\"smb-force-%s\" class=\"force band-%s\">\n"
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" "
                    "stroke=\"%s\" stroke-width=\"2\"",
                    key, smb__band_label(s->band), f->x, f->y, f->w, f->h, st->fill, st->stroke);
    if (st->dash)
        smb__buf_printf(b, " stroke-dasharray=\"%s\"", st->dash);
    smb__buf_printf(b, "/>\n<g clip-path=\"url(#smb-clip-%s)\">\n", key);
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" letter-spacing=\"1\" "
                    "fill=\"#6b7280\">%s</text>\n",
                    f->x + PAD, f->y + STRIP_DY, roles[force]);
    if (s->dominant)
        smb__buf_printf(b,
                        "<text class=\"dominant\" x=\"%d\" y=\"%d\" font-size=\"10\" "
                        "font-weight=\"bold\" letter-spacing=\"1\" text-anchor=\"end\" "
                        "fill=\"%s\">DOMINANT</text>\n",
                        f->x + f->w - PAD, f->y + STRIP_DY, st->text);
    /* Force titles are the library's own, but go through the same wrapping
     * as any text. The bold face takes about a tenth more room. */
    int lines = put_lines(b, smb_force_title(force), f->x + PAD, f->y + TITLE_DY,
                          text_width(f, 0, TITLE_SIZE) * 9 / 10, MAX_TITLE_LINES, TITLE_LINE_H,
                          " class=\"title\" font-size=\"14\" font-weight=\"bold\" "
                          "fill=\"#111827\"");
    int y = f->y + TITLE_DY + (lines - 1) * TITLE_LINE_H + SCORE_DY;
    put_score_line(b, s, st, f->x + PAD, y);
    int footer_y = f->y + f->h - FOOTER_DY;
    put_drivers(b, v, force, f, y + HEAD_DY, footer_y - LINE_H);
    put_footer(b, s, f);
    smb__buf_puts(b, "</g>\n</g>\n");
}

static void put_defs(smb_buf *b)
{
    smb__buf_puts(b, "<defs>\n<marker id=\"smb-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
                     "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                     "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4b5563\"/></marker>\n");
    for (int k = 0; k < SMB_FORCE_COUNT; k++) {
        const frame *f = &frames[k];
        smb__buf_printf(b,
                        "<clipPath id=\"smb-clip-%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                        "height=\"%d\"/></clipPath>\n",
                        smb_force_key((smb_force)k), f->x, f->y, f->w, f->h);
    }
    smb__buf_puts(b, "</defs>\n");
}

/* Each outer force presses on the centre: an arrow across each gap, its
 * head 4 px short of the centre box. */
static void put_arrows(smb_buf *b)
{
    const frame *c = &frames[SMB_FORCE_RIVALRY];
    int cx = c->x + c->w / 2, cy = c->y + c->h / 2;
    const struct {
        smb_force from;
        int x1, y1, x2, y2;
    } arrows[] = {
        {SMB_FORCE_NEW_ENTRANTS, cx, TOP_Y + OUTER_H + 4, cx, c->y - 4},
        {SMB_FORCE_SUPPLIER_POWER, LEFT_X + SIDE_W + 4, cy, c->x - 4, cy},
        {SMB_FORCE_BUYER_POWER, RIGHT_X - 4, cy, c->x + c->w + 4, cy},
        {SMB_FORCE_SUBSTITUTES, cx, BOTTOM_Y - 4, cx, c->y + c->h + 4},
    };
    smb__buf_puts(b, "<g class=\"arrows\" stroke=\"#4b5563\" stroke-width=\"3\">\n");
    for (size_t i = 0; i < sizeof arrows / sizeof arrows[0]; i++)
        smb__buf_printf(b,
                        "<line class=\"arrow-%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                        "marker-end=\"url(#smb-arrow)\"/>\n",
                        smb_force_key(arrows[i].from), arrows[i].x1, arrows[i].y1, arrows[i].x2,
                        arrows[i].y2);
    smb__buf_puts(b, "</g>\n");
}

static void put_legend(smb_buf *b)
{
    static const int entry_x[SMB_FORCE_BAND_COUNT + 1] = {790, 850, 950, 1010};
    smb__buf_printf(b, "<g class=\"legend\" font-size=\"12\" fill=\"#374151\">\n"
                       "<text x=\"%d\" y=\"34\">Band:</text>\n",
                    LEGEND_X);
    for (int k = 0; k <= SMB_FORCE_BAND_COUNT; k++) {
        /* The last entry is the unrated style. */
        smb_force_band band = k < SMB_FORCE_BAND_COUNT ? (smb_force_band)k : SMB_FORCE_BAND_NONE;
        const smb_band_style *st = smb__band_style(band);
        smb__buf_printf(b,
                        "<rect class=\"swatch-%s\" x=\"%d\" y=\"23\" width=\"14\" height=\"14\" "
                        "rx=\"3\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"",
                        smb__band_label(band), entry_x[k], st->fill, st->stroke);
        if (st->dash)
            smb__buf_puts(b, " stroke-dasharray=\"3 2\"");
        smb__buf_printf(b, "/><text x=\"%d\" y=\"34\">%s</text>\n", entry_x[k] + 19,
                        smb__band_label(band));
    }
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"58\">Scores 1 (weak) to 5 (strong): low &lt; 2.5 "
                    "\xE2\x89\xA4 moderate &lt; 3.5 \xE2\x89\xA4 high</text>\n</g>\n",
                    LEGEND_X);
}

static void put_verdict(smb_buf *b, const smb_forces_view *v)
{
    smb__buf_printf(b,
                    "<text class=\"verdict\" x=\"%d\" y=\"%d\" font-size=\"15\" "
                    "fill=\"#111827\">",
                    LEFT_X, VERDICT_Y);
    if (v->has_pressure) {
        char a[SMB_AMOUNT_BUF], p[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<tspan font-weight=\"bold\">Attractiveness %s</tspan> \xC2\xB7 "
                        "competitive pressure %s (both from 0 to 1)",
                        smb__format_number(a, v->attractiveness, 2, false),
                        smb__format_number(p, v->pressure, 2, false));
    } else {
        smb__buf_printf(b, "<tspan font-weight=\"bold\">Attractiveness not scored</tspan>: %s",
                        v->undefined_reason);
    }
    smb__buf_puts(b, "</text>\n");
}

void smb__render_forces_svg(const smb_forces_view *v, smb_buf *b, bool standalone)
{
    const char *name = smb_forces_name(v->forces);
    const char *description = smb_forces_description(v->forces);
    smb__svg_open(b, standalone, PAGE_W, PAGE_H, FONT_SIZE, "Five Forces", name, description);
    put_defs(b);
    smb__buf_printf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#f3f4f6\"/>\n", PAGE_W, PAGE_H);
    smb__svg_header(b, "FIVE FORCES", "Five Forces", name, description, NAME_WIDTH, DESC_WIDTH);
    put_legend(b);
    put_verdict(b, v);
    put_arrows(b);
    for (int k = 0; k < SMB_FORCE_COUNT; k++)
        put_force(b, v, (smb_force)k);
    smb__buf_puts(b, "</svg>\n");
}
