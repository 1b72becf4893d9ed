/* SPDX-License-Identifier: MIT */
/* The scenario renderers: the risk matrix's placement of each scenario
 * worked out by hand, the band colour of every cell, the ranked tables
 * and totals with hand-worked exposures, markers of threats and
 * opportunities, cells that overflow, escaping of hostile text, numbers
 * that ignore the locale, bad arguments and allocation failures. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* ---- helpers ------------------------------------------------------------ */

static char *render(const smb_scenarios *s, const smb_resilience *r, smb_format format)
{
    char *out = NULL;
    size_t length = 0;
    TH_OK(smb_scenarios_render(s, r, format, &out, &length));
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(length, strlen(out));
    return out;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
        n++;
    return n;
}

static void assert_contains(const char *hay, const char *needle)
{
    ck_assert_msg(strstr(hay, needle) != NULL, "output lacks \"%s\"", needle);
}

static void assert_lacks(const char *hay, const char *needle)
{
    ck_assert_msg(strstr(hay, needle) == NULL, "output has \"%s\"", needle);
}

static void assert_before(const char *hay, const char *first, const char *second)
{
    const char *a = strstr(hay, first), *b = strstr(hay, second);
    ck_assert_msg(a && b, "output lacks \"%s\" or \"%s\"", first, second);
    ck_assert_msg(a < b, "\"%s\" comes after \"%s\"", first, second);
}

/* A copy of the SVG group of one matrix cell, from its opening tag to the
 * next cell's (or the axes after the last cell). */
static char *cell_group(const char *svg, int likelihood, int impact)
{
    char open[64];
    snprintf(open, sizeof open, "<g id=\"smb-cell-%d-%d\"", likelihood, impact);
    const char *start = strstr(svg, open);
    ck_assert_msg(start != NULL, "no cell %d-%d", likelihood, impact);
    const char *end = strstr(start + 1, "<g id=\"smb-cell-");
    if (!end)
        end = strstr(start, "<g class=\"axes\"");
    ck_assert_ptr_nonnull(end);
    size_t n = (size_t)(end - start);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, start, n);
    copy[n] = '\0';
    return copy;
}

/* The marker's opening for scenario `id`, as the SVG writes it. */
static const char *marker(char buf[128], const char *direction, const char *id)
{
    snprintf(buf, 128, "<g class=\"marker %s\" id=\"smb-scenario-%s\">", direction, id);
    return buf;
}

/* Every maturity at 2.5: R = 2.5 / 5 = 0.5 for every scenario, whatever
 * its mitigators. With m = 0.5 the vulnerability of a threat is
 * 1 - 0.5*0.5 = 0.75 and the readiness of an opportunity
 * 1 - 0.5*(1 - 0.5) = 0.75: every factor is 0.75, exact in binary. */
static smb_resilience *even_profile(void)
{
    smb_resilience *r = NULL;
    TH_OK(smb_resilience_new(&r));
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        TH_OK(smb_resilience_set_maturity(r, (smb_capability)c, 2.5));
    return r;
}

/*
 * The worked example (factor 0.75 from even_profile(); horizon 12 unless
 * said; half-life 24). Likelihood levels: 1 below 0.1, 2 from 0.1, 3 from
 * 0.3, 4 from 0.5, 5 from 0.7; impact level: impact rounded half up.
 *
 *   id  dir   p        impact  cell (L,I)  rating band      exposure
 *   a   T     0.375    4       (3,4)       12     high      0.375*4*0.75    = 1.125    "1.13"
 *   b   T     0.625    2.5     (4,3)       12     high      0.625*2.5*0.75  = 1.171875 "1.17"
 *   c   O     0.0625   1       (1,1)        1     low       0.0625*1*0.75   = 0.046875 "0.05"
 *   d   T     PERT(0.05,0.1,0.15): mean 0.1 (level 2 although 0.0999... in
 *             binary)  2.25    (2,2)        4     low       0.1*2.25*0.75   = 0.16875  "0.17"
 *   e   T     0.75     5       (5,5)       25     critical  0.75*5*0.75     = 2.8125   "2.81"
 *   f   O     0.5      3       (4,3)       12     high      0.5*3*0.75      = 1.125    "1.13"
 *   g   T     0.25     3.5     (2,4)        8     medium    0.25*3.5*0.75   = 0.65625  "0.66"
 *
 * Threats by exposure: e 1, b 2, a 3, g 4, d 5. Opportunities: f 1, c 2.
 * Urgency-weighted: a (horizon 48) 1.125 * 0.5^2 = 0.28125 "0.28";
 * e (horizon 24) 2.8125 * 0.5 = 1.40625 "1.41"; the others (horizon 12)
 * by 0.5^0.5 = 0.7071068: b 0.828641 "0.83", g 0.464040 "0.46",
 * d 0.119324 "0.12", f 0.795495 "0.80", c 0.033145 "0.03".
 * Money: e has 40000, so its money exposure is 0.75*40000*0.75 = 22500.
 * Totals: threats 5, exposure 2.8125+1.171875+1.125+0.65625+0.16875 =
 * 5.934375 "5.93", bands low 1 (d), medium 1 (g), high 2 (a, b),
 * critical 1 (e), money 22,500; opportunities 2, exposure 1.171875
 * "1.17", bands low 1 (c), high 1 (f), money 0.
 * Cell (4,3) holds b and f: the threat first.
 */
static smb_scenarios *worked_example(void)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "a", "Online giant", SMB_SOURCE_TECHNOLOGY, SMB_DIRECTION_THREAT,
                            0.375, 4));
    TH_OK(smb_scenarios_set_horizon(s, "a", 48));
    TH_OK(smb_scenarios_add(s, "b", "Minimum wage", SMB_SOURCE_ECONOMIC, SMB_DIRECTION_THREAT,
                            0.625, 2.5));
    TH_OK(smb_scenarios_add(s, "c", "Local festival", SMB_SOURCE_BUSINESS_MODEL,
                            SMB_DIRECTION_OPPORTUNITY, 0.0625, 1));
    TH_OK(smb_scenarios_add(s, "d", "Data breach", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.1,
                            2.25));
    smb_estimate pert = {SMB_DIST_PERT, 0.05, 0.1, 0.15};
    TH_OK(smb_scenarios_set_likelihood(s, "d", &pert));
    TH_OK(smb_scenarios_add(s, "e", "Everyone competes", SMB_SOURCE_COMPETITION,
                            SMB_DIRECTION_THREAT, 0.75, 5));
    TH_OK(smb_scenarios_set_horizon(s, "e", 24));
    smb_estimate money = {SMB_DIST_POINT, 40000, 40000, 40000};
    TH_OK(smb_scenarios_set_money(s, "e", &money));
    TH_OK(smb_scenarios_add(s, "f", "Delivery platform", SMB_SOURCE_DIGITAL_PLATFORMS,
                            SMB_DIRECTION_OPPORTUNITY, 0.5, 3));
    TH_OK(smb_scenarios_add(s, "g", "Labelling rules", SMB_SOURCE_REGULATORY,
                            SMB_DIRECTION_THREAT, 0.25, 3.5));
    return s;
}

/* ---- arguments ------------------------------------------------------------ */

START_TEST(render_refuses_bad_arguments)
{
    smb_scenarios *s = worked_example();
    char sentinel = 0, *out = &sentinel;
    size_t length = 77;
    TH_ASSERT_FAILS(smb_scenarios_render(NULL, NULL, SMB_FORMAT_SVG, &out, &length), SMB_EINVAL,
                    "smb_scenarios_render: scenarios must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_render(s, NULL, SMB_FORMAT_SVG, NULL, &length), SMB_EINVAL,
                    "smb_scenarios_render: out must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_render(s, NULL, (smb_format)3, &out, &length), SMB_EINVAL,
                    "format 3 is not one of markdown, svg, html");
    TH_ASSERT_FAILS(smb_scenarios_render(s, NULL, (smb_format)-1, &out, &length), SMB_EINVAL,
                    "format -1");
    ck_assert_ptr_eq(out, &sentinel);
    ck_assert_uint_eq(length, 77);
    /* The length is optional; so is the profile. */
    TH_OK(smb_scenarios_render(s, NULL, SMB_FORMAT_MARKDOWN, &out, NULL));
    ck_assert_ptr_ne(out, &sentinel);
    smb_free(out);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(rendering_changes_nothing_and_leaves_no_error)
{
    smb_scenarios *s = worked_example(), *copy = NULL, *empty = NULL;
    smb_resilience *r = even_profile(), *rcopy = NULL;
    TH_OK(smb_scenarios_copy(s, &copy));
    TH_OK(smb_resilience_copy(r, &rcopy));
    TH_OK(smb_scenarios_new(&empty));
    for (int k = 0; k < 3; k++) {
        smb_clear_error();
        smb_free(render(s, r, (smb_format)k));
        smb_free(render(s, NULL, (smb_format)k));
        smb_free(render(empty, NULL, (smb_format)k));
        ck_assert_str_eq(smb_last_error(), "");
    }
    ck_assert(smb_scenarios_equal(s, copy));
    ck_assert(smb_resilience_equal(r, rcopy));
    smb_scenarios_free(empty);
    smb_scenarios_free(copy);
    smb_resilience_free(rcopy);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

/* ---- SVG: placement, bands, markers -------------------------------------- */

START_TEST(svg_places_each_scenario_in_its_hand_worked_cell)
{
    smb_scenarios *s = worked_example();
    smb_resilience *r = even_profile();
    char *svg = render(s, r, SMB_FORMAT_SVG);
    static const struct {
        const char *id, *direction;
        int likelihood, impact;
    } placed[] = {
        {"a", "threat", 3, 4},      /* 0.375 is from 0.3, below 0.5; impact 4 */
        {"b", "threat", 4, 3},      /* 0.625 is from 0.5, below 0.7; 2.5 rounds up to 3 */
        {"c", "opportunity", 1, 1}, /* 0.0625 is below 0.1; impact 1 */
        {"d", "threat", 2, 2},      /* PERT mean 0.1 reaches level 2; 2.25 rounds to 2 */
        {"e", "threat", 5, 5},      /* 0.75 is from 0.7; impact 5 */
        {"f", "opportunity", 4, 3}, /* 0.5 is from 0.5; impact 3 */
        {"g", "threat", 2, 4},      /* 0.25 is from 0.1, below 0.3; 3.5 rounds up to 4 */
    };
    size_t n = sizeof placed / sizeof placed[0];
    for (size_t i = 0; i < n; i++) {
        char m[128];
        marker(m, placed[i].direction, placed[i].id);
        ck_assert_uint_eq(count(svg, m), 1);
        char *cell = cell_group(svg, placed[i].likelihood, placed[i].impact);
        ck_assert_msg(strstr(cell, m) != NULL, "%s is not in cell %d-%d", placed[i].id,
                      placed[i].likelihood, placed[i].impact);
        free(cell);
    }
    /* Seven markers in all, and the cells without a scenario hold none. */
    ck_assert_uint_eq(count(svg, "<g class=\"marker "), n);
    char *empty = cell_group(svg, 3, 3);
    assert_lacks(empty, "class=\"marker");
    free(empty);
    /* In the shared cell the threat comes first. */
    char *shared = cell_group(svg, 4, 3);
    char mb[128], mf[128];
    assert_before(shared, marker(mb, "threat", "b"), marker(mf, "opportunity", "f"));
    ck_assert_uint_eq(count(shared, "class=\"marker "), 2);
    free(shared);
    smb_free(svg);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(svg_colours_every_cell_by_the_band_of_its_rating)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    char *svg = render(s, NULL, SMB_FORMAT_SVG);
    /* Bands of rating = L x I by hand: low 1-4, medium 5-9, high 10-15,
     * critical 16-25. Rows from impact 5 down to 1, columns L = 1..5. */
    static const char *const band[5][5] = {
        /* I=5 */ {"medium", "high", "high", "critical", "critical"},   /* 5 10 15 20 25 */
        /* I=4 */ {"low", "medium", "high", "critical", "critical"},    /* 4 8 12 16 20 */
        /* I=3 */ {"low", "medium", "medium", "high", "high"},          /* 3 6 9 12 15 */
        /* I=2 */ {"low", "low", "medium", "medium", "high"},           /* 2 4 6 8 10 */
        /* I=1 */ {"low", "low", "low", "low", "medium"},               /* 1 2 3 4 5 */
    };
    static const struct {
        const char *band, *fill;
    } fills[] = {{"low", "#dcfce7"}, {"medium", "#fef3c7"}, {"high", "#fed7aa"},
                 {"critical", "#fecaca"}};
    for (int impact = 5; impact >= 1; impact--) {
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            const char *expected = band[5 - impact][likelihood - 1];
            char *cell = cell_group(svg, likelihood, impact);
            char cls[64], rating[64];
            snprintf(cls, sizeof cls, "class=\"cell band-%s\"", expected);
            assert_contains(cell, cls);
            /* The rating in the corner. */
            snprintf(rating, sizeof rating, ">%d</text>", likelihood * impact);
            assert_contains(cell, rating);
            for (size_t k = 0; k < 4; k++) {
                char fill[64];
                snprintf(fill, sizeof fill, "fill=\"%s\"", fills[k].fill);
                if (strcmp(fills[k].band, expected) == 0)
                    assert_contains(cell, fill);
                else
                    assert_lacks(cell, fill);
            }
            free(cell);
        }
    }
    /* The four bands and the two markers in the legend. */
    assert_contains(svg, "class=\"swatch-low\"");
    assert_contains(svg, ">low 1\xE2\x80\x93" "4</text>");
    assert_contains(svg, ">medium 5\xE2\x80\x93" "9</text>");
    assert_contains(svg, ">high 10\xE2\x80\x93" "15</text>");
    assert_contains(svg, ">critical 16\xE2\x80\x93" "25</text>");
    assert_contains(svg, ">threat</text>");
    assert_contains(svg, ">opportunity</text>");
    smb_free(svg);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(svg_labels_the_axes_with_levels_and_ranges)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    char *svg = render(s, NULL, SMB_FORMAT_SVG);
    assert_contains(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ");
    assert_contains(svg, "<title id=\"smb-title\">Risk matrix</title>");
    /* The probability ranges of the five likelihood levels. */
    assert_before(svg, ">p &lt; 0.10</text>", ">0.10 \xE2\x89\xA4 p &lt; 0.30</text>");
    assert_before(svg, ">0.10 \xE2\x89\xA4 p &lt; 0.30</text>",
                  ">0.30 \xE2\x89\xA4 p &lt; 0.50</text>");
    assert_before(svg, ">0.30 \xE2\x89\xA4 p &lt; 0.50</text>",
                  ">0.50 \xE2\x89\xA4 p &lt; 0.70</text>");
    assert_before(svg, ">0.50 \xE2\x89\xA4 p &lt; 0.70</text>", ">p \xE2\x89\xA5 0.70</text>");
    assert_contains(svg, "Likelihood level");
    assert_contains(svg, "Impact level");
    assert_contains(svg, ">severe</text>");
    assert_contains(svg, ">minor</text>");
    /* No scenario: 25 cells, no marker; the summary counts none. */
    ck_assert_uint_eq(count(svg, "<g id=\"smb-cell-"), 25);
    assert_lacks(svg, "class=\"marker");
    assert_contains(svg, "0 threats \xC2\xB7 0 opportunities");
    assert_contains(svg, "no resilience profile");
    smb_free(svg);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(svg_marks_threats_and_opportunities_apart)
{
    smb_scenarios *s = worked_example();
    smb_resilience *r = even_profile();
    char *svg = render(s, r, SMB_FORMAT_SVG);
    char *cell = cell_group(svg, 4, 3);
    /* b (threat, rank 2) is a dark square-cornered tag with white text;
     * f (opportunity, rank 1) a white round one outlined in blue. */
    const char *b = strstr(cell, "id=\"smb-scenario-b\"");
    const char *f = strstr(cell, "id=\"smb-scenario-f\"");
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(strstr(b, "rx=\"2\" fill=\"#1f2937\""));
    ck_assert(strstr(b, "rx=\"2\" fill=\"#1f2937\"") < f);
    ck_assert_ptr_nonnull(strstr(f, "rx=\"9\" fill=\"#ffffff\" stroke=\"#1d4ed8\""));
    /* Each marker says what it is in its tooltip. */
    assert_contains(cell, "<title>b: Minimum wage (threat 2; p 0.63, impact 2.5, exposure "
                          "1.17)</title>");
    assert_contains(cell, "<title>f: Delivery platform (opportunity 1; p 0.5, impact 3, "
                          "exposure 1.13)</title>");
    free(cell);
    assert_contains(svg, "5 threats \xC2\xB7 2 opportunities \xC2\xB7 resilience index 0.50");
    smb_free(svg);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

/* Ten scenarios in cell (5,5): six threats t1..t6 and four opportunities
 * o1..o4, each by descending p at impact 5, so their ranks follow their
 * numbers. A cell has 2 x 4 = 8 slots: seven markers (t1..t6, then o1)
 * and "+3" for o2, o3, o4 in the eighth. */
static smb_scenarios *crowded(size_t threats, size_t opportunities)
{
    static const double p[] = {0.95, 0.9, 0.85, 0.8, 0.75, 0.71};
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    for (size_t i = 0; i < threats; i++) {
        char id[8];
        snprintf(id, sizeof id, "t%zu", i + 1);
        TH_OK(smb_scenarios_add(s, id, "Threat", SMB_SOURCE_COMPETITION, SMB_DIRECTION_THREAT,
                                p[i], 5));
    }
    for (size_t i = 0; i < opportunities; i++) {
        char id[8];
        snprintf(id, sizeof id, "o%zu", i + 1);
        TH_OK(smb_scenarios_add(s, id, "Opportunity", SMB_SOURCE_COMPETITION,
                                SMB_DIRECTION_OPPORTUNITY, p[i], 5));
    }
    return s;
}

START_TEST(svg_counts_what_overflows_a_cell)
{
    smb_scenarios *s = crowded(6, 4);
    char *svg = render(s, NULL, SMB_FORMAT_SVG);
    char *cell = cell_group(svg, 5, 5);
    ck_assert_uint_eq(count(cell, "class=\"marker "), 7);
    char m[128], next[128];
    for (int i = 1; i < 6; i++) {
        char id[8], id2[8];
        snprintf(id, sizeof id, "t%d", i);
        snprintf(id2, sizeof id2, "t%d", i + 1);
        assert_before(cell, marker(m, "threat", id), marker(next, "threat", id2));
    }
    assert_before(cell, marker(m, "threat", "t6"), marker(next, "opportunity", "o1"));
    assert_lacks(svg, "smb-scenario-o2");
    assert_lacks(svg, "smb-scenario-o3");
    assert_lacks(svg, "smb-scenario-o4");
    /* "+3" in the eighth slot: the second column (x = 130 + 4*184 + 8 +
     * 81 + 6 = 961) of the fourth row (y = 120 + 24 + 3*(18 + 5) = 213). */
    assert_contains(cell, "<g class=\"more\"><title>3 more in this cell");
    assert_contains(cell, "<rect x=\"961\" y=\"213\"");
    assert_contains(cell, ">+3</text>");
    /* The first slot: x = 866 + 8 = 874, y = 144. */
    const char *t1 = strstr(cell, marker(m, "threat", "t1"));
    ck_assert_ptr_nonnull(t1);
    ck_assert_ptr_nonnull(strstr(t1, "<rect x=\"874\" y=\"144\""));
    free(cell);
    /* The tables still list all ten. */
    char *md = render(s, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "| 4 | `o4` |");
    assert_contains(md, "| 6 | `t6` |");
    smb_free(md);
    smb_free(svg);
    smb_scenarios_free(s);

    /* Eight fit exactly: no "+N". */
    s = crowded(6, 2);
    svg = render(s, NULL, SMB_FORMAT_SVG);
    cell = cell_group(svg, 5, 5);
    ck_assert_uint_eq(count(cell, "class=\"marker "), 8);
    assert_lacks(cell, "class=\"more\"");
    assert_contains(cell, marker(m, "opportunity", "o2"));
    free(cell);
    smb_free(svg);
    smb_scenarios_free(s);

    /* Nine: seven shown and "+2". */
    s = crowded(6, 3);
    svg = render(s, NULL, SMB_FORMAT_SVG);
    cell = cell_group(svg, 5, 5);
    ck_assert_uint_eq(count(cell, "class=\"marker "), 7);
    assert_contains(cell, ">+2</text>");
    free(cell);
    smb_free(svg);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(svg_cuts_a_long_id_on_its_marker)
{
    /* 64 x's at an estimated 6 tenths of an em each are 384 px at 10 px;
     * the tag leaves 81 - 2*6 = 69: the id is cut with an ellipsis, and
     * the tooltip keeps it whole. */
    char id[65];
    memset(id, 'x', 64);
    id[64] = '\0';
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, id, "Long", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.05, 1));
    char *svg = render(s, NULL, SMB_FORMAT_SVG);
    char *cell = cell_group(svg, 1, 1);
    /* 69 - 10 for the ellipsis = 59 tenths: nine x's (54), not ten (60). */
    assert_contains(cell, "fill=\"#ffffff\">xxxxxxxxx\xE2\x80\xA6</text>");
    char title[128];
    snprintf(title, sizeof title, "<title>%s: Long (threat 1;", id);
    assert_contains(cell, title);
    free(cell);
    smb_free(svg);
    smb_scenarios_free(s);
}
END_TEST

/* ---- Markdown -------------------------------------------------------------- */

static void assert_row(const char *md, size_t rank, const char *id, const char *title,
                       smb_source source, const char *rest)
{
    char row[512];
    snprintf(row, sizeof row, "| %zu | `%s` | %s | %s | %s |\n", rank, id, title,
             smb_source_title(source), rest);
    assert_contains(md, row);
}

START_TEST(markdown_ranks_each_direction_with_hand_worked_figures)
{
    smb_scenarios *s = worked_example();
    smb_resilience *r = even_profile();
    char *md = render(s, r, SMB_FORMAT_MARKDOWN);
    ck_assert(strncmp(md, "# Disruption scenarios\n\n", 24) == 0);
    /* Index 2.5/5 = 0.5; the weakest link is the first of five equal ones. */
    assert_contains(md, "Scored against the resilience profile: index 0.50, weakest link "
                        "Adaptability at 0.50 (both from 0 to 1). Mitigation strength m = "
                        "0.5; urgency half-life 24 months.");
    assert_contains(md, "| Rank | Id | Title | Source | p | Impact | Exposure | "
                        "Urgency-weighted | Cell (L \xC3\x97 I = rating) | Band |\n"
                        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
    /* The figures of the worked example (see above). */
    assert_row(md, 1, "e", "Everyone competes", SMB_SOURCE_COMPETITION,
               "0.75 | 5 | 2.81 | 1.41 | 5 \xC3\x97 5 = 25 | critical");
    assert_row(md, 2, "b", "Minimum wage", SMB_SOURCE_ECONOMIC,
               "0.63 | 2.5 | 1.17 | 0.83 | 4 \xC3\x97 3 = 12 | high");
    assert_row(md, 3, "a", "Online giant", SMB_SOURCE_TECHNOLOGY,
               "0.38 | 4 | 1.13 | 0.28 | 3 \xC3\x97 4 = 12 | high");
    assert_row(md, 4, "g", "Labelling rules", SMB_SOURCE_REGULATORY,
               "0.25 | 3.5 | 0.66 | 0.46 | 2 \xC3\x97 4 = 8 | medium");
    assert_row(md, 5, "d", "Data breach", SMB_SOURCE_CYBER,
               "0.1 | 2.25 | 0.17 | 0.12 | 2 \xC3\x97 2 = 4 | low");
    assert_row(md, 1, "f", "Delivery platform", SMB_SOURCE_DIGITAL_PLATFORMS,
               "0.5 | 3 | 1.13 | 0.80 | 4 \xC3\x97 3 = 12 | high");
    assert_row(md, 2, "c", "Local festival", SMB_SOURCE_BUSINESS_MODEL,
               "0.06 | 1 | 0.05 | 0.03 | 1 \xC3\x97 1 = 1 | low");
    /* Threats, ranked, then opportunities, ranked. */
    assert_before(md, "## Threats", "| 1 | `e` |");
    assert_before(md, "| 1 | `e` |", "| 2 | `b` |");
    assert_before(md, "| 5 | `d` |", "## Opportunities");
    assert_before(md, "## Opportunities", "| 1 | `f` |");
    assert_before(md, "| 1 | `f` |", "| 2 | `c` |");
    assert_before(md, "| 2 | `c` |", "## Totals");
    /* Totals: with a money column since e has money. */
    assert_contains(md, "| Direction | Scenarios | Exposure | Urgency-weighted | Money exposure "
                        "| Low | Medium | High | Critical |\n");
    assert_contains(md, "| Threats | 5 | 5.93 | ");
    assert_contains(md, " | 22,500 | 1 | 1 | 2 | 1 |\n");
    assert_contains(md, "| Opportunities | 2 | 1.17 | ");
    assert_contains(md, " | 0 | 1 | 0 | 1 | 0 |\n");
    assert_contains(md, "bands by rating: low 1\xE2\x80\x93" "4, medium 5\xE2\x80\x93" "9, "
                        "high 10\xE2\x80\x93" "15, critical 16\xE2\x80\x93" "25.");
    assert_contains(md, "(1: p below 0.1; 2: from 0.1; 3: from 0.3; 4: from 0.5; 5: from 0.7)");
    smb_free(md);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(markdown_without_a_profile_gives_no_credit)
{
    /* Without a profile R = 0: threats keep factor 1, opportunities get
     * 1 - 0.5*(1 - 0) = 0.5.
     *   e: 0.75*5*1 = 3.75, urgency-weighted 3.75*0.5 = 1.875 "1.88";
 *   b: 0.625*2.5 = 1.5625 "1.56"
     *   f: 0.5*3*0.5 = 0.75; c: 0.0625*1*0.5 = 0.03125 "0.03" */
    smb_scenarios *s = worked_example();
    char *md = render(s, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "Scored without a resilience profile: every capability counts as 0, so "
                        "no scenario earns mitigation credit.");
    assert_contains(md, "| 1 | `e` | Everyone competes | ");
    assert_contains(md, " | 0.75 | 5 | 3.75 | 1.88 | ");
    assert_contains(md, " | 0.63 | 2.5 | 1.56 | ");
    assert_contains(md, " | 0.5 | 3 | 0.75 | ");
    assert_contains(md, " | 0.06 | 1 | 0.03 | ");
    smb_free(md);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(markdown_of_an_empty_set)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    char *md = render(s, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "## Threats\n\n_No threats._\n");
    assert_contains(md, "## Opportunities\n\n_No opportunities._\n");
    /* No money anywhere: no money column. */
    assert_lacks(md, "Money exposure");
    assert_contains(md, "| Threats | 0 | 0.00 | 0.00 | 0 | 0 | 0 | 0 |\n");
    smb_free(md);
    smb_scenarios_free(s);
}
END_TEST

/* Text that means something in Markdown, HTML or XML, with a line break
 * and a control character. */
static const char hostile[] = "<b>&\"'|*_\n\x01next";

START_TEST(markdown_escapes_hostile_text)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "x", hostile, SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.5, 3));
    char *md = render(s, NULL, SMB_FORMAT_MARKDOWN);
    /* Markup escaped, the pipe kept inside its cell, the break and the
     * control flattened to one space. */
    assert_contains(md, "| 1 | `x` | \\<b\\>\\&\"'\\|\\*\\_ next | ");
    assert_lacks(md, "<b>");
    assert_lacks(md, "\x01");
    smb_free(md);
    smb_scenarios_free(s);
}
END_TEST

/* ---- SVG and HTML escaping ------------------------------------------------- */

START_TEST(svg_and_html_escape_hostile_text)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "x", hostile, SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.5, 3));
    char *svg = render(s, NULL, SMB_FORMAT_SVG);
    assert_contains(svg, "<title>x: &lt;b&gt;&amp;&quot;&#39;|*_ next (threat 1;");
    assert_lacks(svg, "<b>");
    assert_lacks(svg, "\x01");
    char *html = render(s, NULL, SMB_FORMAT_HTML);
    assert_contains(html, "<span class=\"text\">&lt;b&gt;&amp;&quot;&#39;|*_ next</span>");
    assert_lacks(html, "<b>");
    assert_lacks(html, "\x01");
    smb_free(html);
    smb_free(svg);
    smb_scenarios_free(s);
}
END_TEST

/* ---- HTML ------------------------------------------------------------------ */

START_TEST(html_is_a_page_with_matrix_and_tables)
{
    smb_scenarios *s = worked_example();
    smb_resilience *r = even_profile();
    char *html = render(s, r, SMB_FORMAT_HTML);
    ck_assert(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
    assert_contains(html, "<title>Disruption scenarios</title>");
    /* The matrix inline, without an XML declaration or a fixed size. */
    assert_lacks(html, "<?xml");
    ck_assert_uint_eq(count(html, "<svg "), 1);
    assert_lacks(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=");
    assert_before(html, "<figure>", "<g id=\"smb-cell-1-5\"");
    /* The tables in order, with the same figures as the Markdown. */
    assert_before(html, "<h2 id=\"h-threats\">Threats</h2>", "<h2 id=\"h-opportunities\">");
    assert_before(html, "<h2 id=\"h-opportunities\">", "<h2 id=\"h-totals\">Totals</h2>");
    assert_contains(html, "<tr id=\"scenario-e\"><td class=\"num\">1</td><td class=\"key\">e</td>"
                          "<td><span class=\"text\">Everyone competes</span></td>");
    assert_contains(html, "<td class=\"num\">0.75</td><td class=\"num\">5</td>"
                          "<td class=\"num\">2.81</td><td class=\"num\">1.41</td>"
                          "<td>5 \xC3\x97 5 = 25</td><td class=\"band band-critical\">critical"
                          "</td></tr>");
    assert_contains(html, "<tr id=\"scenario-c\"><td class=\"num\">2</td>");
    assert_contains(html, "<th scope=\"row\">Threats</th><td class=\"num\">5</td>"
                          "<td class=\"num\">5.93</td>");
    assert_contains(html, "<td class=\"num\">22,500</td>");
    /* Band colours as classes, from the matrix's table. */
    assert_contains(html, "td.band-low{background:#dcfce7;color:#166534}");
    assert_contains(html, "td.band-critical{background:#fecaca;color:#991b1b}");
    assert_contains(html, "td.num{text-align:right");
    assert_contains(html, "<p class=\"basis\">Scored against the resilience profile: index 0.50");
    assert_lacks(html, "<script");
    assert_contains(html, "</main>\n</body>\n</html>\n");
    smb_free(html);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(html_of_an_empty_set)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    char *html = render(s, NULL, SMB_FORMAT_HTML);
    assert_contains(html, "<p><em>No threats.</em></p>");
    assert_contains(html, "<p><em>No opportunities.</em></p>");
    assert_lacks(html, "Money exposure");
    smb_free(html);
    smb_scenarios_free(s);
}
END_TEST

/* ---- numbers ------------------------------------------------------------------ */

START_TEST(output_ignores_the_locale)
{
    smb_scenarios *s = worked_example();
    smb_resilience *r = even_profile();
    char *before[3];
    for (int k = 0; k < 3; k++)
        before[k] = render(s, r, (smb_format)k);
    static const char *const locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                          "fr_FR.utf8", "de_DE", "fr_FR"};
    const char *used = NULL;
    for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !used; i++)
        if (setlocale(LC_ALL, locales[i]))
            used = locales[i];
    for (int k = 0; k < 3; k++) {
        char *after = render(s, r, (smb_format)k);
        ck_assert_msg(strcmp(before[k], after) == 0, "%s output changed under locale %s",
                      smb_format_key((smb_format)k), used ? used : "C");
        assert_lacks(after, "2,81");
        smb_free(after);
        smb_free(before[k]);
    }
    setlocale(LC_ALL, "C");
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

/* ---- allocation failures -------------------------------------------------- */

START_TEST(allocation_failures_leave_everything_as_it_was)
{
    th_alloc_install();
    smb_scenarios *s = worked_example(), *copy = NULL;
    smb_resilience *r = even_profile();
    TH_OK(smb_scenarios_copy(s, &copy));
    for (int k = 0; k < 3; k++) {
        char sentinel = 0, *out = &sentinel;
        size_t length = 5;
        /* Scoring allocates, then the buffer grows: at least two points. */
        TH_EACH_ALLOC_FAILURE(smb_scenarios_render(s, r, (smb_format)k, &out, &length),
                              smb_scenarios_equal(s, copy) && out == &sentinel && length == 5,
                              { ck_assert_uint_eq(length, strlen(out)); smb_free(out); }, 2);
    }
    smb_scenarios_free(copy);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("render_scenarios");
    TCase *args = tcase_create("arguments");
    tcase_add_test(args, render_refuses_bad_arguments);
    tcase_add_test(args, rendering_changes_nothing_and_leaves_no_error);
    suite_add_tcase(s, args);

    TCase *svg = tcase_create("svg");
    tcase_add_test(svg, svg_places_each_scenario_in_its_hand_worked_cell);
    tcase_add_test(svg, svg_colours_every_cell_by_the_band_of_its_rating);
    tcase_add_test(svg, svg_labels_the_axes_with_levels_and_ranges);
    tcase_add_test(svg, svg_marks_threats_and_opportunities_apart);
    tcase_add_test(svg, svg_counts_what_overflows_a_cell);
    tcase_add_test(svg, svg_cuts_a_long_id_on_its_marker);
    tcase_add_test(svg, svg_and_html_escape_hostile_text);
    suite_add_tcase(s, svg);

    TCase *md = tcase_create("markdown");
    tcase_add_test(md, markdown_ranks_each_direction_with_hand_worked_figures);
    tcase_add_test(md, markdown_without_a_profile_gives_no_credit);
    tcase_add_test(md, markdown_of_an_empty_set);
    tcase_add_test(md, markdown_escapes_hostile_text);
    suite_add_tcase(s, md);

    TCase *html = tcase_create("html");
    tcase_add_test(html, html_is_a_page_with_matrix_and_tables);
    tcase_add_test(html, html_of_an_empty_set);
    suite_add_tcase(s, html);

    TCase *num = tcase_create("numbers");
    tcase_add_test(num, output_ignores_the_locale);
    suite_add_tcase(s, num);

    TCase *mem = tcase_create("memory");
    tcase_add_test(mem, allocation_failures_leave_everything_as_it_was);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
