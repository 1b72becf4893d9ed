/* SPDX-License-Identifier: MIT */
/* Two small inline pictures for the report: a horizontal bar chart (the
 * resilience profile, the heat on the canvas's blocks) and a histogram of
 * simulated totals with value-at-risk and expected shortfall marked. Only
 * integers are printed as coordinates and numbers go through the
 * locale-independent formatters, so the locale's decimal separator never
 * leaks in. Every label is escaped. */
#include <math.h>
#include <string.h>

#include "report_internal.h"

/* ---- bar chart ------------------------------------------------------------ */

enum {
    BARS_W = 760,
    BARS_TOP = 16,
    BARS_LABEL_X = 222, /* labels end here, right-aligned */
    BARS_X = 236,       /* bars start here */
    BARS_PLOT_W = 420,
    BARS_ROW_H = 30,
    BARS_BAR_H = 18,
    BARS_FOOT = 58,     /* the axis, its numbers and its label */
    FONT = 12
};

/* A value's length on a plot `width` px wide whose end is `max`. */
static int scaled(double value, double max, int width)
{
    if (!(max > 0) || !(value > 0))
        return 0;
    double px = value / max * width;
    return px >= width ? width : (int)lround(px);
}

/* An axis from 0 that reaches `max` in at most five equal steps of 1, 2,
 * 2.5 or 5 times a power of ten, so that its numbers read as round ones:
 * 2.84 gives 0, 1, 2, 3. */
static void nice_axis(double max, double *end, unsigned *ticks)
{
    if (!(max > 0) || !isfinite(max)) {
        *end = 1;
        *ticks = 1;
        return;
    }
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double power = pow(10, floor(log10(max / 5)));
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        double step = steps[i] * power;
        double n = ceil(max / step - 1e-9);
        if (n <= 5) {
            *end = n * step;
            *ticks = (unsigned)n;
            return;
        }
    }
    *end = max;
    *ticks = 1;
}

void smb__render_bars_svg(const smb_bar_chart *chart, smb_buf *b)
{
    double max;
    unsigned ticks;
    nice_axis(chart->max, &max, &ticks);
    int rows = (int)chart->count;
    int axis_y = BARS_TOP + rows * BARS_ROW_H + 4;
    int height = axis_y + BARS_FOOT;
    smb__svg_open(b, false, BARS_W, height, FONT, chart->kind, "", "");
    /* Grid lines and numbers of the axis. */
    smb__buf_puts(b, "<g class=\"axis\" fill=\"#6b7280\" stroke=\"#e5e7eb\">\n");
    for (unsigned t = 0; t <= ticks; t++) {
        double v = max * t / ticks;
        int x = BARS_X + scaled(v, max, BARS_PLOT_W);
        char label[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                        "stroke=\"none\">%s</text>\n",
                        x, BARS_TOP - 4, x, axis_y, x, axis_y + 16,
                        smb__format_number(label, v, 2, true));
    }
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\" "
                    "fill=\"#374151\">",
                    BARS_X + BARS_PLOT_W / 2, axis_y + 40);
    smb__render_put_xml_text(b, chart->axis);
    smb__buf_puts(b, "</text>\n</g>\n");
    for (int i = 0; i < rows; i++) {
        const smb_bar *bar = &chart->bars[i];
        int y = BARS_TOP + i * BARS_ROW_H;
        int w = scaled(bar->value, max, BARS_PLOT_W);
        smb__buf_printf(b, "<g class=\"bar\">\n<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
                           "fill=\"#111827\">",
                        BARS_LABEL_X, y + BARS_BAR_H - 4);
        smb__render_put_xml_text(b, bar->label);
        smb__buf_printf(b, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                           "fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\" fill=\"#111827\">",
                        BARS_X, y, w, BARS_BAR_H, bar->fill, BARS_X + w + 6, y + BARS_BAR_H - 4);
        smb__render_put_xml_text(b, bar->value_text);
        smb__buf_puts(b, "</text>\n</g>\n");
    }
    smb__buf_puts(b, "</svg>\n");
}

/* ---- histogram ------------------------------------------------------------ */

enum {
    HIST_W = 760,
    HIST_X = 80,
    HIST_PLOT_W = 640, /* 16 px per bin */
    HIST_Y = 52,       /* room above for the two markers' labels */
    HIST_PLOT_H = 220,
    HIST_H = HIST_Y + HIST_PLOT_H + 56,
    BIN_W = HIST_PLOT_W / SMB_HISTOGRAM_BINS
};
_Static_assert(HIST_PLOT_W % SMB_HISTOGRAM_BINS == 0, "bins of whole pixels");

#define BIN_FILL "#93c5fd"
#define TAIL_FILL "#f87171"
#define VAR_STROKE "#b91c1c"
#define ES_STROKE "#7f1d1d"

static char *axis_value(char dst[SMB_AMOUNT_BUF], const smb_histogram *h, double v)
{
    return h->money ? smb__format_amount(dst, v) : smb__format_number(dst, v, 2, false);
}

/* The width of a label of FONT px, from the glyph-width estimate. */
static int label_width(const char *s)
{
    size_t n = strlen(s), i = 0, tenths = 0;
    while (i < n) {
        uint32_t cp;
        i += smb__utf8_step(s, n, i, &cp);
        tenths += smb__cp_width(cp);
    }
    return (int)(tenths * FONT / 10);
}

/* A marker: a vertical line at `value` and its label on row `row` above
 * the plot, on the side `right` asks for when the label fits there, else
 * on the other. */
static void put_marker(smb_buf *b, double value, double lo, double hi, const char *stroke,
                       const char *dash, const char *label, int row, bool right)
{
    int x = HIST_X + scaled(value - lo, hi - lo, HIST_PLOT_W);
    int width = label_width(label);
    if (right && x + 5 + width > HIST_W)
        right = false;
    else if (!right && x - 5 - width < 0)
        right = true;
    smb__buf_printf(b,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    "stroke-width=\"2\"%s%s%s/>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">",
                    x, 8 + row * 16 + 4, x, HIST_Y + HIST_PLOT_H, stroke,
                    dash ? " stroke-dasharray=\"" : "", dash ? dash : "", dash ? "\"" : "",
                    right ? x + 5 : x - 5, 8 + row * 16 + 12, right ? "start" : "end", stroke);
    smb__render_put_xml_text(b, label);
    smb__buf_puts(b, "</text>\n");
}

void smb__render_histogram_svg(const smb_histogram *h, smb_buf *b)
{
    double lo = h->values[0], hi = h->values[0];
    for (size_t i = 1; i < h->count; i++) {
        lo = h->values[i] < lo ? h->values[i] : lo;
        hi = h->values[i] > hi ? h->values[i] : hi;
    }
    if (!(hi > lo)) {
        /* Every total the same: one bar in the middle of a unit range. */
        lo -= 0.5;
        hi += 0.5;
    }
    size_t bins[SMB_HISTOGRAM_BINS] = {0}, top = 0;
    double width = (hi - lo) / SMB_HISTOGRAM_BINS;
    for (size_t i = 0; i < h->count; i++) {
        size_t k = (size_t)((h->values[i] - lo) / width);
        bins[k < SMB_HISTOGRAM_BINS ? k : SMB_HISTOGRAM_BINS - 1]++;
    }
    for (size_t k = 0; k < SMB_HISTOGRAM_BINS; k++)
        top = bins[k] > top ? bins[k] : top;
    /* The tail starts at the bin that holds the value-at-risk. */
    double from = (h->var - lo) / width;
    size_t tail = from <= 0 ? 0 : from >= SMB_HISTOGRAM_BINS ? SMB_HISTOGRAM_BINS : (size_t)from;

    smb__svg_open(b, false, HIST_W, HIST_H, FONT, h->kind, "", "");
    smb__buf_puts(b, "<g class=\"bins\">\n");
    for (size_t k = 0; k < SMB_HISTOGRAM_BINS; k++) {
        int bar = scaled((double)bins[k], (double)top, HIST_PLOT_H);
        if (bar == 0)
            continue;
        smb__buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
                        HIST_X + (int)k * BIN_W, HIST_Y + HIST_PLOT_H - bar, BIN_W - 1, bar,
                        k >= tail ? TAIL_FILL : BIN_FILL);
    }
    smb__buf_puts(b, "</g>\n");
    /* Axes: outcomes counted up the left, totals along the bottom. */
    char a[SMB_AMOUNT_BUF], m[SMB_AMOUNT_BUF], z[SMB_AMOUNT_BUF];
    int base = HIST_Y + HIST_PLOT_H;
    smb__buf_printf(b,
                    "<g class=\"axis\" fill=\"#6b7280\">\n"
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>\n"
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                    "transform=\"rotate(-90 %d %d)\">outcomes per bin</text>\n",
                    HIST_X, HIST_Y, HIST_X, base, HIST_X, base, HIST_X + HIST_PLOT_W, base,
                    HIST_X - 6, HIST_Y + 4, smb__format_amount(a, (double)top), HIST_X - 6, base,
                    24, HIST_Y + HIST_PLOT_H / 2, 24, HIST_Y + HIST_PLOT_H / 2);
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"start\">%s</text>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n"
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    HIST_X, base + 16, axis_value(a, h, lo), HIST_X + HIST_PLOT_W / 2, base + 16,
                    axis_value(m, h, (lo + hi) / 2), HIST_X + HIST_PLOT_W, base + 16,
                    axis_value(z, h, hi));
    smb__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#374151\">",
                    HIST_X + HIST_PLOT_W / 2, base + 40);
    smb__render_put_xml_text(b, h->axis);
    smb__buf_puts(b, "</text>\n</g>\n");
    /* The expected shortfall lies beyond the value-at-risk: their labels
     * face away from each other. */
    put_marker(b, h->var, lo, hi, VAR_STROKE, "6 4", h->var_label, 0, false);
    put_marker(b, h->es, lo, hi, ES_STROKE, NULL, h->es_label, 1, true);
    smb__buf_puts(b, "</svg>\n");
}
