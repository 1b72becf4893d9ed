/* SPDX-License-Identifier: MIT */
/* The five-forces renderers: hand-worked scores in every format, band
 * colours, unrated forces, escaping of hostile text, the diagram's layout
 * limits, numbers that ignore the locale, bad arguments and allocation
 * failures. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* ---- helpers ------------------------------------------------------------ */

static char *render(const smb_forces *f, smb_format format)
{
    char *out = NULL;
    size_t length = 0;
    TH_OK(smb_forces_render(f, format, &out, &length));
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(length, strlen(out));
    return out;
}

static smb_forces *new_forces(void)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    return f;
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

/* Whether `first` appears before `second` (both must appear). */
static void assert_before(const char *hay, const char *first, const char *second)
{
    const char *a = strstr(hay, first), *b = strstr(hay, second);
    ck_assert_msg(a && b, "output lacks \"%s\" or \"%s\"", first, second);
    ck_assert_msg(a < b, "\"%s\" comes after \"%s\"", first, second);
}

/* A copy of the SVG group of one force, from its opening tag to the next
 * force's (or the end of the picture). */
static char *force_group(const char *svg, smb_force force)
{
    char open[64];
    snprintf(open, sizeof open, "<g id=\"smb-force-%s\"", smb_force_key(force));
    const char *start = strstr(svg, open);
    ck_assert_msg(start != NULL, "no group for %s", smb_force_key(force));
    const char *end = strstr(start + 1, "<g id=\"smb-force-");
    if (!end)
        end = strstr(start, "</svg>");
    size_t n = (size_t)(end - start);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, start, n);
    copy[n] = '\0';
    return copy;
}

/* Strict UTF-8 check, independent of the library's. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra;
        uint32_t cp, min;
        if (*p < 0x80) {
            p++;
            continue;
        } else if ((*p & 0xE0) == 0xC0) {
            extra = 1; cp = *p & 0x1F; min = 0x80;
        } else if ((*p & 0xF0) == 0xE0) {
            extra = 2; cp = *p & 0x0F; min = 0x800;
        } else if ((*p & 0xF8) == 0xF0) {
            extra = 3; cp = *p & 0x07; min = 0x10000;
        } else {
            return 0;
        }
        for (int k = 1; k <= extra; k++) {
            if ((p[k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += extra + 1;
    }
    return 1;
}

/* No control character but the newlines between lines (and no tab). */
static void assert_no_controls(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        ck_assert_msg(*p == '\n' || (*p >= 0x20 && *p != 0x7F), "control byte 0x%02x at %ld",
                      *p, (long)(p - (const unsigned char *)s));
    ck_assert_msg(strstr(s, "\xC2\x85") == NULL, "C1 control U+0085 in output");
}

/*
 * The worked example. Weights are 1 unless said.
 *   new_entrants: capital_requirements 2 at weight 3, brand_loyalty 5
 *     score = (3*2 + 1*5) / (3 + 1) = 11/4 = 2.75 -> moderate
 *     intensity = (2.75 - 1) / 4 = 0.4375 -> "0.44"
 *     contributions: capital 3*(2-1)/(4*4) = 0.1875, brand 1*(5-1)/16 = 0.25,
 *     so brand loyalty ranks first.
 *   supplier_power: nothing rated -> no score, band unrated.
 *   buyer_power: price_sensitivity 4, switching_costs 5
 *     score = 9/2 = 4.5 -> high; intensity 3.5/4 = 0.875 -> "0.88"
 *   substitutes: price_performance 1.5
 *     score 1.5 -> low; intensity 0.5/4 = 0.125 -> "0.13"
 *   rivalry (force weight 2): exit_barriers 3, number_and_balance 3
 *     score 3 -> moderate; intensity 0.5
 *   pressure = (1*0.4375 + 1*0.875 + 1*0.125 + 2*0.5) / (1+1+1+2)
 *            = 2.4375 / 5 = 0.4875 -> "0.49"
 *   attractiveness = 1 - 0.4875 = 0.5125 -> "0.51"
 *   dominant: buyer_power (intensity 0.875 is the highest).
 * All these values are exact in binary, so the roundings half up
 * (0.4375 -> 0.44, 0.875 -> 0.88, 0.125 -> 0.13) are deterministic.
 */
static smb_forces *worked_example(void)
{
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_name(f, "Artisan bakery, city centre"));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_NEW_ENTRANTS, "capital_requirements", 2));
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_NEW_ENTRANTS, "capital_requirements", 3));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_NEW_ENTRANTS, "brand_loyalty", 5));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_BUYER_POWER, "price_sensitivity", 4));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_BUYER_POWER, "switching_costs", 5));
    TH_OK(smb_forces_set_confidence(f, SMB_FORCE_BUYER_POWER, "switching_costs", 0.8));
    TH_OK(smb_forces_set_rationale(f, SMB_FORCE_BUYER_POWER, "switching_costs",
                                   "The supermarket is next door"));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_SUBSTITUTES, "price_performance", 1.5));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "exit_barriers", 3));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "number_and_balance", 3));
    TH_OK(smb_forces_set_force_weight(f, SMB_FORCE_RIVALRY, 2));
    return f;
}

/* ---- arguments ------------------------------------------------------------ */

START_TEST(render_refuses_bad_arguments)
{
    smb_forces *f = new_forces();
    char sentinel = 0, *out = &sentinel;
    size_t length = 77;
    TH_ASSERT_FAILS(smb_forces_render(NULL, SMB_FORMAT_SVG, &out, &length), SMB_EINVAL,
                    "smb_forces_render: forces must not be NULL");
    TH_ASSERT_FAILS(smb_forces_render(f, SMB_FORMAT_SVG, NULL, &length), SMB_EINVAL,
                    "smb_forces_render: out must not be NULL");
    TH_ASSERT_FAILS(smb_forces_render(f, (smb_format)3, &out, &length), SMB_EINVAL,
                    "format 3 is not one of markdown, svg, html");
    TH_ASSERT_FAILS(smb_forces_render(f, (smb_format)-1, &out, &length), SMB_EINVAL,
                    "format -1");
    ck_assert_ptr_eq(out, &sentinel);
    ck_assert_uint_eq(length, 77);
    /* The length is optional. */
    TH_OK(smb_forces_render(f, SMB_FORMAT_MARKDOWN, &out, NULL));
    ck_assert_ptr_ne(out, &sentinel);
    smb_free(out);
    smb_forces_free(f);
}
END_TEST

START_TEST(rendering_changes_nothing_and_leaves_no_error)
{
    smb_forces *f = worked_example(), *copy = NULL;
    TH_OK(smb_forces_copy(f, &copy));
    /* An unscored assessment takes the path where the pressure is
     * undefined, which must not record a failure on success. */
    smb_forces *blank = new_forces();
    for (int k = 0; k < 3; k++) {
        smb_clear_error();
        smb_free(render(f, (smb_format)k));
        smb_free(render(blank, (smb_format)k));
        ck_assert_str_eq(smb_last_error(), "");
    }
    ck_assert(smb_forces_equal(f, copy));
    smb_forces_free(blank);
    smb_forces_free(copy);
    smb_forces_free(f);
}
END_TEST

/* ---- Markdown ------------------------------------------------------------ */

START_TEST(markdown_shows_the_worked_scores)
{
    smb_forces *f = worked_example();
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    ck_assert_msg(strncmp(md, "# Artisan bakery, city centre\n\n", 31) == 0, "%s", md);
    assert_contains(md, "**Attractiveness:** 0.51 \xC2\xB7 **competitive pressure:** 0.49 "
                        "(both from 0 to 1) \xC2\xB7 **dominant force:** Bargaining Power of "
                        "Buyers\n");
    assert_contains(md, "| Force | Score | Intensity | Band | Weight | Rated | Unrated |\n"
                        "| --- | ---: | ---: | --- | ---: | ---: | ---: |\n"
                        "| Threat of New Entrants | 2.75 | 0.44 | moderate | 1 | 2 | 7 |\n"
                        "| Bargaining Power of Suppliers | \xE2\x80\x94 | \xE2\x80\x94 | unrated "
                        "| 1 | 0 | 6 |\n"
                        "| Bargaining Power of Buyers **(dominant)** | 4.50 | 0.88 | high | 1 "
                        "| 2 | 4 |\n"
                        "| Threat of Substitutes | 1.50 | 0.13 | low | 1 | 1 | 2 |\n"
                        "| Rivalry Among Existing Competitors | 3.00 | 0.50 | moderate | 2 | 2 "
                        "| 5 |\n");
    assert_contains(md, "| Force | Driver | Rating | Weight | Confidence | Rationale |\n");
    assert_contains(md, "| new_entrants | Capital requirements `capital_requirements` | 2 | 3 "
                        "| \xE2\x80\x94 |  |\n");
    assert_contains(md, "| buyer_power | Buyer switching costs `switching_costs` | 5 | 1 | 0.8 "
                        "| The supermarket is next door |\n");
    assert_contains(md, "| supplier_power | Supplier concentration `supplier_concentration` "
                        "| _unrated_ | 1 | \xE2\x80\x94 |  |\n");
    /* Every driver has a row, in force and driver order: 31 in the
     * catalogue, 7 rated, so 24 marked unrated. */
    ck_assert_uint_eq(count(md, "\n| new_entrants |"), 9);
    ck_assert_uint_eq(count(md, "\n| rivalry |"), 7);
    ck_assert_uint_eq(count(md, "| _unrated_ |"), 24);
    assert_before(md, "`economies_of_scale`", "`brand_loyalty`");
    assert_before(md, "| new_entrants |", "| supplier_power |");
    smb_free(md);
    smb_forces_free(f);
}
END_TEST

START_TEST(markdown_of_an_unrated_assessment)
{
    smb_forces *f = new_forces();
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    const char *head = "# Five Forces\n\n**Attractiveness:** not scored (no driver is rated).\n";
    ck_assert_msg(strncmp(md, head, strlen(head)) == 0, "%s", md);
    ck_assert_uint_eq(count(md, "| \xE2\x80\x94 | \xE2\x80\x94 | unrated | 1 | 0 |"), 5);
    ck_assert_uint_eq(count(md, "| _unrated_ |"), 31);
    assert_lacks(md, "dominant");
    smb_free(md);
    smb_forces_free(f);
}
END_TEST

START_TEST(pressure_undefined_when_only_a_weightless_force_is_rated)
{
    /* Rivalry is scored (4) but weighs 0 in the pressure, so no force of
     * positive weight has a score: the pressure is undefined. */
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "exit_barriers", 4));
    TH_OK(smb_forces_set_force_weight(f, SMB_FORCE_RIVALRY, 0));
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "**Attractiveness:** not scored (no force of positive weight has a "
                        "rated driver of positive weight).\n");
    /* (4 - 1) / 4 = 0.75; the force keeps its score and band. */
    assert_contains(md, "| Rivalry Among Existing Competitors | 4.00 | 0.75 | high | 0 | 1 | 6 |");
    char *svg = render(f, SMB_FORMAT_SVG);
    assert_contains(svg, "Attractiveness not scored</tspan>: no force of positive weight");
    assert_contains(svg, "force weight 0</text>");
    assert_lacks(svg, "DOMINANT");
    smb_free(svg);
    smb_free(md);
    smb_forces_free(f);
}
END_TEST

START_TEST(markdown_escapes_hostile_text)
{
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_name(f, "# <b>Bold</b> | pipes *and* [links](x)"));
    TH_OK(smb_forces_set_description(f, "- not a list\nsecond line"));
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_RIVALRY, "odd", "A | B\n| C", NULL));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "odd", 2));
    TH_OK(smb_forces_set_rationale(f, SMB_FORCE_RIVALRY, "odd",
                                   "cells | end\nhere\r\n| --- | and `code` & <i>"));
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    const char *head = "# \\# \\<b\\>Bold\\</b\\> \\| pipes \\*and\\* \\[links\\](x)\n\n"
                       "\\- not a list second line\n";
    ck_assert_msg(strncmp(md, head, strlen(head)) == 0, "%s", md);
    assert_contains(md, "| rivalry | A \\| B \\| C `odd` | 2 | 1 | \xE2\x80\x94 | cells \\| end "
                        "here \\| --- \\| and \\`code\\` \\& \\<i\\> |\n");
    /* Every table row keeps its cells: an unescaped pipe count of 7. */
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        if (strncmp(line, "| rivalry |", 11) == 0) {
            size_t pipes = 0;
            for (const char *p = line; p < end; p++)
                pipes += *p == '|' && (p == line || p[-1] != '\\');
            ck_assert_uint_eq(pipes, 7);
        }
        line = end + 1;
    }
    assert_no_controls(md);
    smb_free(md);
    smb_forces_free(f);
}
END_TEST

/* ---- SVG ------------------------------------------------------------------ */

START_TEST(svg_shows_the_worked_scores)
{
    smb_forces *f = worked_example();
    char *svg = render(f, SMB_FORMAT_SVG);
    ck_assert_msg(strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0,
                  "%.60s", svg);
    assert_contains(svg, "<title id=\"smb-title\">Artisan bakery, city centre \xE2\x80\x94 "
                         "Five Forces</title>");
    assert_contains(svg, "<tspan font-weight=\"bold\">Attractiveness 0.51</tspan> \xC2\xB7 "
                         "competitive pressure 0.49 (both from 0 to 1)");
    ck_assert_uint_eq(count(svg, "<g id=\"smb-force-"), 5);
    ck_assert_uint_eq(count(svg, "<line class=\"arrow-"), 4);
    ck_assert_uint_eq(count(svg, "marker-end=\"url(#smb-arrow)\""), 4);

    char *g = force_group(svg, SMB_FORCE_NEW_ENTRANTS);
    assert_contains(g, "class=\"force band-moderate\"");
    assert_contains(g, ">2.75</tspan><tspan font-size=\"13\" dx=\"5\">/ 5 \xC2\xB7 moderate<");
    /* Brand loyalty contributes 0.25, capital requirements 0.1875. */
    assert_before(g, ">Brand loyalty</text>", ">Capital requirements</text>");
    assert_contains(g, ">Brand loyalty</text>\n<text x=\"768\" y=\"");
    assert_contains(g, "text-anchor=\"end\">5</text>");
    assert_contains(g, ">2 rated \xC2\xB7 7 unrated</text>");
    assert_lacks(g, "DOMINANT");
    free(g);

    g = force_group(svg, SMB_FORCE_SUPPLIER_POWER);
    assert_contains(g, "class=\"force band-unrated\"");
    assert_contains(g, ">unrated</tspan>");
    assert_contains(g, "Rate its drivers to score this force.");
    assert_contains(g, ">0 rated \xC2\xB7 6 unrated</text>");
    free(g);

    g = force_group(svg, SMB_FORCE_BUYER_POWER);
    assert_contains(g, "class=\"force band-high\"");
    assert_contains(g, ">4.50</tspan>");
    assert_contains(g, ">DOMINANT</text>");
    free(g);

    g = force_group(svg, SMB_FORCE_SUBSTITUTES);
    assert_contains(g, "class=\"force band-low\"");
    assert_contains(g, ">1.50</tspan>");
    assert_contains(g, ">Price-performance of substitutes</text>");
    assert_contains(g, "text-anchor=\"end\">1.5</text>");
    free(g);

    g = force_group(svg, SMB_FORCE_RIVALRY);
    assert_contains(g, "THE FIRM AND ITS RIVALS");
    assert_contains(g, ">3.00</tspan>");
    assert_contains(g, ">2 rated \xC2\xB7 5 unrated \xC2\xB7 force weight 2</text>");
    free(g);

    ck_assert_uint_eq(count(svg, "<text"), count(svg, "</text>"));
    ck_assert_uint_eq(count(svg, "<g"), count(svg, "</g>"));
    ck_assert(utf8_ok(svg));
    smb_free(svg);
    smb_forces_free(f);
}
END_TEST

/* The box of a force in each band, and the legend swatch of each band,
 * carry that band's fill and border. */
START_TEST(svg_colours_each_band)
{
    static const struct {
        const char *band, *fill, *stroke;
    } colours[] = {
        {"low", "#dcfce7", "#16a34a"},
        {"moderate", "#fef3c7", "#d97706"},
        {"high", "#fee2e2", "#dc2626"},
        {"unrated", "#ffffff", "#9ca3af"},
    };
    /* Ratings that put rivalry in each band: 2.49 low, 2.5 moderate, 3.5
     * high (the boundaries belong to the upper band), none unrated. */
    static const double ratings[] = {2.49, 2.5, 3.5, 0};
    static const int band_of[] = {0, 1, 2, 3};
    for (size_t k = 0; k < 4; k++) {
        smb_forces *f = new_forces();
        if (ratings[k] > 0)
            TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "exit_barriers", ratings[k]));
        char *svg = render(f, SMB_FORMAT_SVG);
        char *g = force_group(svg, SMB_FORCE_RIVALRY);
        const char *band = colours[band_of[k]].band;
        char expect[160];
        snprintf(expect, sizeof expect, "class=\"force band-%s\"", band);
        assert_contains(g, expect);
        snprintf(expect, sizeof expect, "fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"",
                 colours[band_of[k]].fill, colours[band_of[k]].stroke);
        assert_contains(g, expect);
        /* Unrated boxes are dashed as well as grey. */
        ck_assert_int_eq(strstr(g, "stroke-dasharray") != NULL, k == 3);
        free(g);
        /* The legend shows every band, whatever the assessment holds. */
        for (size_t c = 0; c < 4; c++) {
            snprintf(expect, sizeof expect, "<rect class=\"swatch-%s\"", colours[c].band);
            const char *swatch = strstr(svg, expect);
            ck_assert_msg(swatch != NULL, "no legend swatch for %s", colours[c].band);
            snprintf(expect, sizeof expect, "fill=\"%s\" stroke=\"%s\"", colours[c].fill,
                     colours[c].stroke);
            const char *colour = strstr(swatch, expect);
            ck_assert_msg(colour && colour < strstr(swatch, "/>"), "swatch of %s: %.120s",
                          colours[c].band, swatch);
        }
        smb_free(svg);
        smb_forces_free(f);
    }
}
END_TEST

START_TEST(svg_of_an_unrated_assessment)
{
    smb_forces *f = new_forces();
    char *svg = render(f, SMB_FORMAT_SVG);
    assert_contains(svg, "<title id=\"smb-title\">Five Forces</title>");
    assert_lacks(svg, "<desc>");
    assert_contains(svg, "Attractiveness not scored</tspan>: no driver is rated</text>");
    ck_assert_uint_eq(count(svg, "class=\"force band-unrated\""), 5);
    ck_assert_uint_eq(count(svg, "Rate its drivers to score this force."), 5);
    assert_lacks(svg, "DOMINANT");
    smb_free(svg);
    smb_forces_free(f);
}
END_TEST

START_TEST(svg_marks_every_dominant_force)
{
    /* Buyers and suppliers both at 4: intensities tie at 0.75, above
     * rivalry's 0.5 (score 3). */
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_BUYER_POWER, "price_sensitivity", 4));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_SUPPLIER_POWER, "supplier_concentration", 4));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "exit_barriers", 3));
    char *svg = render(f, SMB_FORMAT_SVG);
    ck_assert_uint_eq(count(svg, ">DOMINANT</text>"), 2);
    char *g = force_group(svg, SMB_FORCE_RIVALRY);
    assert_lacks(g, "DOMINANT");
    free(g);
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "**dominant forces:** Bargaining Power of Suppliers, Bargaining Power "
                        "of Buyers\n");
    ck_assert_uint_eq(count(md, "**(dominant)**"), 2);
    smb_free(md);
    smb_free(svg);
    smb_forces_free(f);
}
END_TEST

START_TEST(svg_lists_what_fits_and_counts_the_rest)
{
    /* Rivalry's box (220 px) has one title line; its drivers start 102 px
     * below the top and the last may sit at 194 px (16 px above the
     * footer at 210): (194 - 102) / 16 + 1 = 6 lines. Six rated drivers
     * all fit; seven show five and "+2 more rated". */
    static const char *const keys[] = {"number_and_balance", "industry_growth", "fixed_costs",
                                       "differentiation", "exit_barriers",
                                       "capacity_increments", "rival_diversity"};
    smb_forces *f = new_forces();
    for (size_t i = 0; i < 6; i++)
        TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, keys[i], 2 + 0.5 * (double)i));
    char *svg = render(f, SMB_FORMAT_SVG);
    char *g = force_group(svg, SMB_FORCE_RIVALRY);
    ck_assert_uint_eq(count(g, "<g class=\"driver\">"), 6);
    assert_lacks(g, "more rated");
    free(g);
    smb_free(svg);

    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, keys[6], 1));
    svg = render(f, SMB_FORMAT_SVG);
    g = force_group(svg, SMB_FORCE_RIVALRY);
    ck_assert_uint_eq(count(g, "<g class=\"driver\">"), 5);
    assert_contains(g, ">+2 more rated</text>");
    /* Largest contribution first: capacity increments (rated 4.5) leads;
     * the two smallest, number and balance (2) and diversity (1), are the
     * hidden ones. */
    assert_before(g, ">Capacity added in large increments</text>", ">Exit barriers</text>");
    assert_lacks(g, ">Number and balance of competitors<");
    assert_lacks(g, ">Diversity of rivals<");
    free(g);
    smb_free(svg);
    smb_forces_free(f);
}
END_TEST

START_TEST(svg_cuts_a_long_driver_title)
{
    smb_forces *f = new_forces();
    const char *title = "Home baking with bread machines that everybody seems to own now";
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_SUBSTITUTES, "home_baking", title, NULL));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_SUBSTITUTES, "home_baking", 3));
    char *svg = render(f, SMB_FORMAT_SVG);
    char *g = force_group(svg, SMB_FORCE_SUBSTITUTES);
    /* The driver column is (360 - 2*12 - 40) px = 296 px of 12 px type:
     * 296 * 10 / 12 = 246 tenths of an em, less 10 for the ellipsis on a
     * line that is cut: 236. In tenths (render_internal.h), "Home" is
     * 8+6+9+6 = 29, "baking" 33, "with" 22, "bread" 28, "machines" 48,
     * "that" 20, "everybody" 52, spaces 3: through "that" the line takes
     * 29+3+33+3+22+3+28+3+48+3+20 = 195, and "everybody" would make it
     * 250, past 236. */
    assert_contains(g, "<g class=\"driver\"><text x=\"432\" y=\"");
    assert_contains(g, ">Home baking with bread machines that\xE2\x80\xA6</text>");
    free(g);
    smb_free(svg);
    smb_forces_free(f);
}
END_TEST

START_TEST(svg_escapes_hostile_text)
{
    const char *hostile = "<script>alert(\"x\")</script> & &amp; ' ]]> \x01\x1f\x7f"
                          "\xC2\x85 \xEF\xBF\xBE bread \xF0\x9F\x8D\x9E\r\n\xE2\x80\xAE end";
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_name(f, hostile));
    TH_OK(smb_forces_set_description(f, hostile));
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_BUYER_POWER, "hostile", hostile, hostile));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_BUYER_POWER, "hostile", 4));
    TH_OK(smb_forces_set_rationale(f, SMB_FORCE_BUYER_POWER, "hostile", hostile));
    for (int k = 0; k < 3; k++) {
        char *out = render(f, (smb_format)k);
        /* In Markdown only as "\<script", which reads as text. */
        ck_assert_uint_eq(count(out, "<script"),
                          k == SMB_FORMAT_MARKDOWN ? count(out, "\\<script") : 0);
        assert_no_controls(out);
        ck_assert(utf8_ok(out));
        if (k != SMB_FORMAT_MARKDOWN) {
            /* XML forbids the noncharacter: it becomes U+FFFD. */
            assert_lacks(out, "\xEF\xBF\xBE");
            assert_contains(out, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                                 "&amp;amp; &#39; ]]&gt;");
            assert_lacks(out, "]]>");
            ck_assert_uint_eq(count(out, "<text"), count(out, "</text>"));
        } else {
            assert_contains(out, "\\<script\\>alert(\"x\")\\</script\\> \\& \\&amp; ' \\]\\]\\>");
        }
        smb_free(out);
    }
    smb_forces_free(f);
}
END_TEST

/* ---- HTML ----------------------------------------------------------------- */

START_TEST(html_is_a_page_with_diagram_and_tables)
{
    smb_forces *f = worked_example();
    TH_OK(smb_forces_set_description(f, "Leeds, 2026"));
    char *html = render(f, SMB_FORMAT_HTML);
    ck_assert_msg(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">\n", 33) == 0, "%.40s",
                  html);
    assert_contains(html, "<title>Artisan bakery, city centre \xE2\x80\x94 Five Forces</title>");
    assert_contains(html, "<p class=\"kind\">Five Forces</p>\n<h1>Artisan bakery, city "
                          "centre</h1>\n<p class=\"description\">Leeds, 2026</p>\n");
    assert_contains(html, "<strong>Attractiveness 0.51</strong> \xC2\xB7 competitive pressure "
                          "0.49 (both from 0 to 1) \xC2\xB7 dominant force: Bargaining Power "
                          "of Buyers</p>");
    /* The diagram is inline, without the XML declaration or a fixed size. */
    ck_assert_uint_eq(count(html, "<svg"), 1);
    ck_assert_uint_eq(count(html, "</svg>"), 1);
    assert_lacks(html, "<?xml");
    assert_lacks(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=");
    assert_lacks(html, "<script");
    assert_contains(html, "<tr id=\"force-new_entrants\"><th scope=\"row\">Threat of New "
                          "Entrants</th><td class=\"num\">2.75</td><td class=\"num\">0.44</td>"
                          "<td class=\"band band-moderate\">moderate</td><td class=\"num\">1</td>"
                          "<td class=\"num\">2</td><td class=\"num\">7</td></tr>");
    assert_contains(html, "<tr id=\"force-buyer_power\"><th scope=\"row\">Bargaining Power of "
                          "Buyers <span class=\"dominant\">DOMINANT</span></th>"
                          "<td class=\"num\">4.50</td><td class=\"num\">0.88</td>"
                          "<td class=\"band band-high\">high</td>");
    assert_contains(html, "<td class=\"band band-unrated\">unrated</td>");
    assert_contains(html, "<td class=\"band band-low\">low</td>");
    /* The band colours come from the diagram's table. */
    assert_contains(html, "td.band-low{background:#dcfce7;color:#166534}\n");
    assert_contains(html, "td.band-moderate{background:#fef3c7;color:#92400e}\n");
    assert_contains(html, "td.band-high{background:#fee2e2;color:#991b1b}\n");
    assert_contains(html, "td.band-unrated{background:#ffffff;color:#4b5563}\n");
    ck_assert_uint_eq(count(html, "<tr id=\"driver-"), 31);
    ck_assert_uint_eq(count(html, "class=\"unrated-driver\""), 24);
    assert_contains(html, "<tr id=\"driver-buyer_power-switching_costs\"><td>Bargaining Power "
                          "of Buyers</td><td><span class=\"text\">Buyer switching costs</span> "
                          "<span class=\"key\">switching_costs</span></td><td class=\"num\">5"
                          "</td><td class=\"num\">1</td><td class=\"num\">0.8</td><td>"
                          "<span class=\"text\">The supermarket is next door</span></td></tr>");
    ck_assert_uint_eq(count(html, "<table"), count(html, "</table>"));
    ck_assert_uint_eq(count(html, "<tr"), count(html, "</tr>"));
    ck_assert(strcmp(html + strlen(html) - 8, "</html>\n") == 0);
    smb_free(html);
    smb_forces_free(f);
}
END_TEST

START_TEST(html_of_an_unrated_assessment)
{
    smb_forces *f = new_forces();
    char *html = render(f, SMB_FORMAT_HTML);
    assert_contains(html, "<title>Five Forces</title>");
    assert_contains(html, "<h1>Five Forces</h1>");
    assert_contains(html, "<strong>Attractiveness not scored</strong>: no driver is rated.</p>");
    ck_assert_uint_eq(count(html, "<td class=\"band band-unrated\">"), 5);
    ck_assert_uint_eq(count(html, "<em>unrated</em>"), 31);
    smb_free(html);
    smb_forces_free(f);
}
END_TEST

/* ---- numbers -------------------------------------------------------------- */

START_TEST(numbers_are_rounded_and_trimmed)
{
    /* Rivalry: exit_barriers 3.333 at weight 0.125, fixed_costs 5 at weight
     * 1000000. Score = (0.125*3.333 + 1e6*5) / (1e6 + 0.125)
     * = 5 - (5*0.125 - 0.416625) / 1000000.125 = 5 - 2.08375e-7
     * = 4.9999997916 -> "5.00"; intensity 0.99999995 -> "1.00".
     * Ratings keep up to two decimals ("3.33"), weights too ("0.13",
     * "1000000"). The force weight 0.25 shows as "0.25". */
    smb_forces *f = new_forces();
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "exit_barriers", 3.333));
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_RIVALRY, "exit_barriers", 0.125));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "fixed_costs", 5));
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_RIVALRY, "fixed_costs", 1e6));
    TH_OK(smb_forces_set_force_weight(f, SMB_FORCE_RIVALRY, 0.25));
    char *md = render(f, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "| Rivalry Among Existing Competitors **(dominant)** | 5.00 | 1.00 | high "
                        "| 0.25 |");
    assert_contains(md, "| rivalry | Exit barriers `exit_barriers` | 3.33 | 0.13 |");
    assert_contains(md, "| rivalry | Fixed and storage costs `fixed_costs` | 5 | 1000000 |");
    /* Only rivalry is scored: pressure = its intensity 0.99999995 -> "1.00",
     * attractiveness 5.2e-8 -> "0.00". */
    assert_contains(md, "**Attractiveness:** 0.00 \xC2\xB7 **competitive pressure:** 1.00");
    smb_free(md);
    smb_forces_free(f);
}
END_TEST

START_TEST(output_ignores_the_locale)
{
    smb_forces *f = worked_example();
    char *before[3];
    for (int k = 0; k < 3; k++)
        before[k] = render(f, (smb_format)k);
    static const char *const locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                          "fr_FR.utf8", "de_DE", "fr_FR"};
    const char *used = NULL;
    for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !used; i++)
        if (setlocale(LC_ALL, locales[i]))
            used = locales[i];
    for (int k = 0; k < 3; k++) {
        char *after = render(f, (smb_format)k);
        ck_assert_msg(strcmp(before[k], after) == 0, "%s output changed under locale %s",
                      smb_format_key((smb_format)k), used ? used : "C");
        assert_contains(after, "2.75");
        assert_lacks(after, "2,75");
        smb_free(after);
        smb_free(before[k]);
    }
    setlocale(LC_ALL, "C");
    smb_forces_free(f);
}
END_TEST

/* ---- allocation failures -------------------------------------------------- */

START_TEST(allocation_failures_leave_everything_as_it_was)
{
    th_alloc_install();
    smb_forces *f = worked_example(), *copy = NULL;
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_RIVALRY, "local", "Local planning rules", NULL));
    TH_OK(smb_forces_set_rating(f, SMB_FORCE_RIVALRY, "local", 2.5));
    TH_OK(smb_forces_copy(f, &copy));
    for (int k = 0; k < 3; k++) {
        char sentinel = 0, *out = &sentinel;
        size_t length = 5;
        TH_EACH_ALLOC_FAILURE(smb_forces_render(f, (smb_format)k, &out, &length),
                              smb_forces_equal(f, copy) && out == &sentinel && length == 5,
                              { ck_assert_uint_eq(length, strlen(out)); smb_free(out); }, 2);
    }
    smb_forces_free(copy);
    smb_forces_free(f);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("render_forces");
    TCase *args = tcase_create("arguments");
    tcase_add_test(args, render_refuses_bad_arguments);
    tcase_add_test(args, rendering_changes_nothing_and_leaves_no_error);
    suite_add_tcase(s, args);

    TCase *md = tcase_create("markdown");
    tcase_add_test(md, markdown_shows_the_worked_scores);
    tcase_add_test(md, markdown_of_an_unrated_assessment);
    tcase_add_test(md, pressure_undefined_when_only_a_weightless_force_is_rated);
    tcase_add_test(md, markdown_escapes_hostile_text);
    suite_add_tcase(s, md);

    TCase *svg = tcase_create("svg");
    tcase_add_test(svg, svg_shows_the_worked_scores);
    tcase_add_test(svg, svg_colours_each_band);
    tcase_add_test(svg, svg_of_an_unrated_assessment);
    tcase_add_test(svg, svg_marks_every_dominant_force);
    tcase_add_test(svg, svg_lists_what_fits_and_counts_the_rest);
    tcase_add_test(svg, svg_cuts_a_long_driver_title);
    tcase_add_test(svg, svg_escapes_hostile_text);
    suite_add_tcase(s, svg);

    TCase *html = tcase_create("html");
    tcase_add_test(html, html_is_a_page_with_diagram_and_tables);
    tcase_add_test(html, html_of_an_unrated_assessment);
    suite_add_tcase(s, html);

    TCase *num = tcase_create("numbers");
    tcase_add_test(num, numbers_are_rounded_and_trimmed);
    tcase_add_test(num, output_ignores_the_locale);
    suite_add_tcase(s, num);

    TCase *mem = tcase_create("memory");
    tcase_add_test(mem, allocation_failures_leave_everything_as_it_was);
    tcase_set_timeout(mem, 300);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
