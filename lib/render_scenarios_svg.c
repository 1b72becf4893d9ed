/* SPDX-License-Identifier: MIT */
/* A scored scenario set as a risk-matrix heat map: the 5×5 matrix of
 * scenario.h, likelihood level across (columns labelled with their
 * probability ranges) and impact level up, each cell coloured by the band
 * of its rating. Each scenario is a marker with its id in its cell:
 * threats as dark square-cornered tags, opportunities as outlined round
 * ones, so that the two never rest on colour alone. A cell holds a fixed
 * grid of slots; when more scenarios fall in it than fit, the last slot
 * says "+N". Markers list threats first, then opportunities, each by
 * rank, so that what hides behind "+N" is what matters least. Placement
 * needs no allocation: each cell walks the ranked lists. */
#include "render_internal.h"

enum {
    PAGE_W = 1080,
    PAGE_H = 810,
    FONT_SIZE = 12,
    /* The grid: five columns of likelihood, five rows of impact. */
    GRID_X = 130,
    GRID_Y = 120,
    CELL_W = 184,
    CELL_H = 120,
    LEVELS = 5
};

/* Inside a cell: the rating in the top right corner, then the slots. */
enum {
    PAD = 8,
    RATING_DY = 16,
    SLOTS_DY = 24,
    MARK_COLS = 2,
    MARK_ROWS = 4,
    COL_GAP = 6,
    ROW_GAP = 5,
    MARK_W = (CELL_W - 2 * PAD - (MARK_COLS - 1) * COL_GAP) / MARK_COLS, /* 81 */
    MARK_H = 18,
    MARK_FONT = 10,
    MARK_TEXT_PAD = 6,
    SLOTS = MARK_COLS * MARK_ROWS
};

/* Header and legend. */
enum {
    LEFT_X = 24,
    NAME_WIDTH = 180,
    SUMMARY_Y = 96,
    LEGEND_X = 520,
    LEGEND_ROW1 = 30,
    LEGEND_ROW2 = 58
};

/* The slots must fit the cell, or markers would spill into the next. */
_Static_assert(SLOTS_DY + MARK_ROWS * MARK_H + (MARK_ROWS - 1) * ROW_GAP <= CELL_H - 4,
               "marker rows overflow a cell");

/* Colours of the markers: a threat is solid dark, an opportunity white
 * with a blue outline. */
#define THREAT_FILL "#1f2937"
#define OPPORTUNITY_STROKE "#1d4ed8"
#define OPPORTUNITY_TEXT "#1e3a8a"

static int cell_x(int likelihood)
{
    return GRID_X + (likelihood - 1) * CELL_W;
}

/* Impact grows upwards: level 5 is the top row. */
static int cell_y(int impact)
{
    return GRID_Y + (LEVELS - impact) * CELL_H;
}

static bool in_cell(const smb_scenario_score *s, int likelihood, int impact)
{
    return s->likelihood_level == likelihood && s->impact_level == impact;
}

static size_t cell_count(const smb_scenarios_view *v, int likelihood, int impact)
{
    size_t n = 0, count = smb_scenario_scores_count(v->scores);
    for (size_t i = 0; i < count; i++)
        n += in_cell(smb_scenario_scores_at(v->scores, i), likelihood, impact);
    return n;
}

static void put_marker(smb_buf *b, const smb_scenario_score *s, int x, int y)
{
    bool threat = s->direction == SMB_DIRECTION_THREAT;
    smb_scenario_cells c;
    smb__scenario_cells(s, &c);
    smb__buf_printf(b, "<g class=\"marker %s\" id=\"smb-scenario-", smb_direction_key(s->direction));
    smb__buf_put_xml(b, s->id);
    smb__buf_puts(b, "\"><title>");
    smb__buf_put_xml(b, s->id);
    smb__buf_puts(b, ": ");
    smb__render_put_xml_text(b, s->title);
    smb__buf_printf(b, " (%s %zu; p %s, impact %s, exposure %s)</title>",
                    threat ? "threat" : "opportunity", s->rank, c.likelihood, c.impact,
                    c.exposure);
    if (threat)
        smb__buf_printf(b,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" "
                        "fill=\"" THREAT_FILL "\"/>",
                        x, y, MARK_W, MARK_H);
    else
        smb__buf_printf(b,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"9\" "
                        "fill=\"#ffffff\" stroke=\"" OPPORTUNITY_STROKE "\" "
                        "stroke-width=\"1.5\"/>",
                        x, y, MARK_W, MARK_H);
    smb__buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\">",
                    x + MARK_TEXT_PAD, y + 13, MARK_FONT,
                    threat ? "#ffffff" : OPPORTUNITY_TEXT);
    /* At 10 px a tenth of an em is a pixel: the width is the tag's inside. */
    smb_wrap w;
    smb__wrap_init(&w, s->id);
    smb__wrap_put_line(b, &w, (size_t)(MARK_W - 2 * MARK_TEXT_PAD) * 10 / MARK_FONT, true);
    smb__buf_puts(b, "</text></g>\n");
}

static void put_more(smb_buf *b, size_t hidden, int x, int y)
{
    smb__buf_printf(b,
                    "<g class=\"more\"><title>%zu more in this cell: every scenario is "
                    "listed in the tables</title><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                    "height=\"%d\" rx=\"2\" fill=\"#ffffff\" stroke=\"#4b5563\" "
                    "stroke-dasharray=\"3 2\"/><text x=\"%d\" y=\"%d\" font-size=\"%d\" "
                    "font-weight=\"bold\" fill=\"#111827\">+%zu</text></g>\n",
                    hidden, x, y, MARK_W, MARK_H, x + MARK_TEXT_PAD, y + 13, MARK_FONT, hidden);
}

/* The markers of one cell, threats then opportunities, each by rank. */
static void put_markers(smb_buf *b, const smb_scenarios_view *v, int likelihood, int impact)
{
    size_t total = cell_count(v, likelihood, impact);
    size_t shown = total <= SLOTS ? total : SLOTS - 1, slot = 0;
    for (int d = 0; d < SMB_DIRECTION_COUNT && slot < shown; d++) {
        size_t n = smb_scenario_scores_ranked_count(v->scores, (smb_direction)d);
        for (size_t i = 0; i < n && slot < shown; i++) {
            const smb_scenario_score *s =
                smb_scenario_scores_ranked_at(v->scores, (smb_direction)d, i);
            if (!in_cell(s, likelihood, impact))
                continue;
            int x = cell_x(likelihood) + PAD + (int)(slot % MARK_COLS) * (MARK_W + COL_GAP);
            int y = cell_y(impact) + SLOTS_DY + (int)(slot / MARK_COLS) * (MARK_H + ROW_GAP);
            put_marker(b, s, x, y);
            slot++;
        }
    }
    if (shown < total)
        put_more(b, total - shown,
                 cell_x(likelihood) + PAD + ((SLOTS - 1) % MARK_COLS) * (MARK_W + COL_GAP),
                 cell_y(impact) + SLOTS_DY + ((SLOTS - 1) / MARK_COLS) * (MARK_H + ROW_GAP));
}

static void put_cell(smb_buf *b, const smb_scenarios_view *v, int likelihood, int impact)
{
    int rating = likelihood * impact, x = cell_x(likelihood), y = cell_y(impact);
    smb_risk_band band = smb_risk_band_of(rating);
    const smb_band_style *st = smb__risk_band_style(band);
    smb__buf_printf(b,
                    "<g id=\"smb-cell-%d-%d\" class=\"cell band-%s\">\n"
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                    "stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
                    "<text class=\"rating\" x=\"%d\" y=\"%d\" font-size=\"11\" "
                    "font-weight=\"bold\" text-anchor=\"end\" fill=\"%s\">%d</text>\n",
                    likelihood, impact, smb_risk_band_key(band), x, y, CELL_W, CELL_H, st->fill,
                    x + CELL_W - PAD, y + RATING_DY, st->text, rating);
    put_markers(b, v, likelihood, impact);
    smb__buf_puts(b, "</g>\n");
}

/* Column labels: the level, then its probability range. */
static void put_axes(smb_buf *b)
{
    int bottom = GRID_Y + LEVELS * CELL_H;
    smb__buf_puts(b, "<g class=\"axes\" fill=\"#374151\">\n");
    for (int level = 1; level <= LEVELS; level++) {
        char lo[SMB_AMOUNT_BUF], hi[SMB_AMOUNT_BUF];
        int cx = cell_x(level) + CELL_W / 2;
        smb__format_number(lo, smb__risk_level_floor(level), 2, false);
        smb__format_number(hi, smb__risk_level_floor(level + 1), 2, false);
        smb__buf_printf(b,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                        "font-weight=\"bold\">%d</text>\n"
                        "<text class=\"range\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                        "font-size=\"11\">",
                        cx, bottom + 20, level, cx, bottom + 36);
        if (level == 1)
            smb__buf_printf(b, "p &lt; %s", hi);
        else if (level == LEVELS)
            smb__buf_printf(b, "p \xE2\x89\xA5 %s", lo);
        else
            smb__buf_printf(b, "%s \xE2\x89\xA4 p &lt; %s", lo, hi);
        smb__buf_puts(b, "</text>\n");
    }
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\">"
                    "Likelihood level (mean probability p over the horizon) \xE2\x86\x92"
                    "</text>\n",
                    GRID_X + LEVELS * CELL_W / 2, bottom + 64);
    for (int level = 1; level <= LEVELS; level++) {
        int cy = cell_y(level) + CELL_H / 2;
        smb__buf_printf(b,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-weight=\"bold\">"
                        "%d</text>\n",
                        GRID_X - 12, cy + 4, level);
        if (level == 1 || level == LEVELS)
            smb__buf_printf(b,
                            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">"
                            "%s</text>\n",
                            GRID_X - 12, cy + 20, level == 1 ? "minor" : "severe");
    }
    int mid = GRID_Y + LEVELS * CELL_H / 2;
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" "
                    "transform=\"rotate(-90 %d %d)\">Impact level (the impact rounded half "
                    "up) \xE2\x86\x92</text>\n</g>\n",
                    64, mid, 64, mid);
}

static void put_legend(smb_buf *b)
{
    static const int entry_x[SMB_RISK_BAND_COUNT] = {580, 670, 785, 905};
    smb__buf_printf(b,
                    "<g class=\"legend\" font-size=\"12\" fill=\"#374151\">\n"
                    "<text x=\"%d\" y=\"%d\">Bands:</text>\n",
                    LEGEND_X, LEGEND_ROW1);
    for (int k = 0; k < SMB_RISK_BAND_COUNT; k++) {
        const smb_band_style *st = smb__risk_band_style((smb_risk_band)k);
        const char *key = smb_risk_band_key((smb_risk_band)k);
        char range[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<rect class=\"swatch-%s\" x=\"%d\" y=\"%d\" width=\"14\" "
                        "height=\"14\" rx=\"3\" fill=\"%s\" stroke=\"%s\" "
                        "stroke-width=\"1.5\"/><text x=\"%d\" y=\"%d\">%s %s</text>\n",
                        key, entry_x[k], LEGEND_ROW1 - 11, st->fill, st->stroke,
                        entry_x[k] + 19, LEGEND_ROW1, key,
                        smb__risk_band_range(range, (smb_risk_band)k));
    }
    smb__buf_printf(b,
                    "<text x=\"%d\" y=\"%d\">Markers:</text>\n"
                    "<rect x=\"%d\" y=\"%d\" width=\"36\" height=\"14\" rx=\"2\" "
                    "fill=\"" THREAT_FILL "\"/><text x=\"%d\" y=\"%d\">threat</text>\n"
                    "<rect x=\"%d\" y=\"%d\" width=\"36\" height=\"14\" rx=\"7\" "
                    "fill=\"#ffffff\" stroke=\"" OPPORTUNITY_STROKE "\" "
                    "stroke-width=\"1.5\"/><text x=\"%d\" y=\"%d\">opportunity</text>\n"
                    "<text x=\"%d\" y=\"%d\">corner: rating L \xC3\x97 I</text>\n</g>\n",
                    LEGEND_X, LEGEND_ROW2, 590, LEGEND_ROW2 - 11, 632, LEGEND_ROW2, 700,
                    LEGEND_ROW2 - 11, 742, LEGEND_ROW2, 840, LEGEND_ROW2);
}

static void put_summary(smb_buf *b, const smb_scenarios_view *v)
{
    size_t threats = smb_scenario_scores_ranked_count(v->scores, SMB_DIRECTION_THREAT);
    size_t opportunities = smb_scenario_scores_ranked_count(v->scores, SMB_DIRECTION_OPPORTUNITY);
    smb__buf_printf(b,
                    "<text class=\"summary\" x=\"%d\" y=\"%d\" font-size=\"13\" "
                    "fill=\"#374151\">%zu threat%s \xC2\xB7 %zu opportunit%s",
                    LEFT_X, SUMMARY_Y, threats, threats == 1 ? "" : "s", opportunities,
                    opportunities == 1 ? "y" : "ies");
    double index = 0.0;
    char r[SMB_AMOUNT_BUF];
    if (v->resilience && smb_resilience_index(v->resilience, &index) == SMB_OK)
        smb__buf_printf(b, " \xC2\xB7 resilience index %s",
                        smb__format_number(r, index, 2, false));
    else
        smb__buf_puts(b, " \xC2\xB7 no resilience profile (no mitigation credit)");
    smb__buf_puts(b, " \xC2\xB7 in each cell, threats first, then opportunities, each by "
                     "rank</text>\n");
}

void smb__render_scenarios_svg(const smb_scenarios_view *v, smb_buf *b, bool standalone)
{
    smb__svg_open(b, standalone, PAGE_W, PAGE_H, FONT_SIZE, "Risk matrix", "", "");
    smb__buf_printf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#f3f4f6\"/>\n", PAGE_W, PAGE_H);
    smb__svg_header(b, "RISK MATRIX", "Disruption scenarios", "", "", NAME_WIDTH, 0);
    put_legend(b);
    put_summary(b, v);
    for (int impact = LEVELS; impact >= 1; impact--)
        for (int likelihood = 1; likelihood <= LEVELS; likelihood++)
            put_cell(b, v, likelihood, impact);
    put_axes(b);
    smb__buf_puts(b, "</svg>\n");
}
