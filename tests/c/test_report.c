/* SPDX-License-Identifier: MIT */
/* The shareable report: every section of the bakery example in both
 * formats, sentences read off a small document whose figures are worked
 * out by hand, a simulation whose outcome is certain, escaping of hostile
 * text, documents with only some sections (or none), bad arguments and
 * allocation failures. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* The no-break space the report puts before a percent sign. */
#define PCT "\xC2\xA0%"

/* ---- helpers ------------------------------------------------------------ */

static smb_document *load_data(const char *name)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_file(th_data_path(name), &doc));
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static smb_document *load_text(const char *json)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_string(json, strlen(json), &doc));
    return doc;
}

static char *report(const smb_document *doc, const smb_sim_result *sim, smb_format format)
{
    char *out = NULL;
    size_t length = 0;
    TH_OK(smb_report_render(doc, sim, format, &out, &length));
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

/* A copy of the text between `from` and the next `to` after it (or the
 * end). */
static char *between(const char *hay, const char *from, const char *to)
{
    const char *start = strstr(hay, from);
    ck_assert_msg(start != NULL, "output lacks \"%s\"", from);
    const char *end = strstr(start + strlen(from), to);
    size_t n = end ? (size_t)(end - start) : strlen(start);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, start, n);
    copy[n] = '\0';
    return copy;
}

static const char *const anchors[] = {"summary",           "business-model-canvas",
                                      "five-forces",       "resilience-profile",
                                      "disruption-scenarios", "block-heat",
                                      "simulation",        "recommended-responses"};
static const char *const titles[] = {"Summary",           "Business model canvas",
                                     "Five forces",       "Resilience profile",
                                     "Disruption scenarios", "Block heat",
                                     "Simulation",        "Recommended responses"};
enum { SECTIONS = sizeof anchors / sizeof anchors[0] };

/* Two threats that occur in every trial, without a resilience profile
 * (vulnerability 1 - 0.5 * 0 = 1): every trial's loss is 3 + 1 = 4. */
static const char certain_json[] =
    "{\"smbstrat\": 1, \"scenarios\": ["
    "{\"id\": \"sure\", \"title\": \"Certain loss\", \"source\": \"economic\", "
    "\"direction\": \"threat\", \"likelihood\": 1, \"impact\": 3},"
    "{\"id\": \"small\", \"title\": \"Small loss\", \"source\": \"cyber\", "
    "\"direction\": \"threat\", \"likelihood\": 1, \"impact\": 1}]}";

/* Simulate the document's scenarios: 1,000 trials, seed 7, the given
 * threshold (NaN: none) and totals kept or not. */
static smb_sim_result *simulate(const smb_document *doc, double threshold, int keep)
{
    smb_sim_config *config = NULL;
    smb_sim_model *model = NULL;
    smb_sim_result *result = NULL;
    TH_OK(smb_sim_config_new(&config));
    TH_OK(smb_sim_config_set_seed(config, 7));
    TH_OK(smb_sim_config_set_keep_totals(config, keep));
    if (!isnan(threshold))
        TH_OK(smb_sim_config_set_threshold(config, threshold));
    TH_OK(smb_sim_model_new(smb_document_scenarios_const(doc),
                            smb_document_resilience_const(doc), NULL, NULL, 0, config, &model));
    TH_OK(smb_simulate(model, 1000, 1, NULL, NULL, &result));
    smb_sim_model_free(model);
    smb_sim_config_free(config);
    return result;
}

/* ---- every section, both formats ----------------------------------------- */

START_TEST(html_of_the_bakery_has_every_section_and_picture)
{
    smb_document *doc = load_data("../../examples/bakery.json");
    smb_sim_result *sim = simulate(doc, NAN, 1);
    char *html = report(doc, sim, SMB_FORMAT_HTML);

    /* A page: language, character set, title with the business's name. */
    ck_assert_msg(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0, "%.60s", html);
    assert_contains(html, "<meta charset=\"utf-8\">");
    assert_contains(html, "<meta name=\"viewport\"");
    assert_contains(html, "<title>Crumb &amp; Co. Bakery \xE2\x80\x94 Strategy report</title>");
    assert_contains(html, "@media print");
    assert_contains(html, "@media screen and (max-width:640px)");
    /* The contents link to every section, which comes in order. */
    const char *previous = html;
    for (size_t i = 0; i < SECTIONS; i++) {
        char link[96], section[96], heading[128];
        snprintf(link, sizeof link, "<li><a href=\"#%s\">%s</a></li>", anchors[i], titles[i]);
        snprintf(section, sizeof section, "<section id=\"%s\"", anchors[i]);
        snprintf(heading, sizeof heading, "<h2 id=\"h-%s\">%s</h2>", anchors[i], titles[i]);
        assert_contains(html, link);
        assert_before(html, link, section);
        const char *at = strstr(html, section);
        ck_assert_msg(at > previous, "section %s out of order", anchors[i]);
        previous = at;
        assert_contains(html, heading);
    }
    ck_assert_uint_eq(count(html, "<section "), SECTIONS);
    ck_assert_uint_eq(count(html, "</section>"), SECTIONS);
    /* Six pictures: canvas, forces, resilience bars, risk matrix, heat
     * bars, histogram; each with its own title id. */
    ck_assert_uint_eq(count(html, "<svg "), 6);
    ck_assert_uint_eq(count(html, "</svg>"), 6);
    for (int i = 1; i <= 6; i++) {
        char id[48];
        snprintf(id, sizeof id, "<title id=\"smb-title-%d\">", i);
        ck_assert_uint_eq(count(html, id), 1);
    }
    assert_lacks(html, "\"smb-title\"");
    ck_assert_uint_eq(count(html, "<figure"), 6);
    /* Self-contained: no script, nothing fetched. */
    assert_lacks(html, "<script");
    assert_lacks(html, "src=");
    assert_lacks(html, "<link");
    assert_lacks(html, "https://");
    ck_assert_uint_eq(count(html, "http://"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    /* The summary: five facts, the first on the threats. */
    char *summary = between(html, "<section id=\"summary\"", "</section>");
    ck_assert_uint_eq(count(summary, "<li>"), 5);
    assert_contains(summary, "<li>Two threats are high; the largest, ");
    free(summary);
    /* The subsections of the scenarios, the simulation and the responses. */
    assert_contains(html, "<h3>Threats</h3>");
    assert_contains(html, "<h3>Opportunities</h3>");
    assert_contains(html, "<h3>Statistics</h3>");
    assert_contains(html, "<h3>Percentiles</h3>");
    assert_contains(html, "<h3>What drives the bad outcomes</h3>");
    assert_contains(html, "<h3>Ranking</h3>");
    assert_contains(html, "<h3>Portfolio within the budget</h3>");
    assert_contains(html, "<h3>Residual exposure</h3>");
    assert_contains(html, "Prepared with libsmbstrat ");
    ck_assert(html[strlen(html) - 1] == '\n');
    assert_contains(html, "</main>\n<footer>");
    smb_free(html);
    smb_sim_result_free(sim);
    smb_document_free(doc);
}
END_TEST

START_TEST(markdown_of_the_bakery_has_every_section_and_no_picture)
{
    smb_document *doc = load_data("../../examples/bakery.json");
    smb_sim_result *sim = simulate(doc, NAN, 1);
    char *md = report(doc, sim, SMB_FORMAT_MARKDOWN);

    ck_assert_msg(strncmp(md, "# Strategy report: Crumb \\& Co. Bakery\n\n", 40) == 0, "%.60s", md);
    const char *previous = md;
    for (size_t i = 0; i < SECTIONS; i++) {
        char link[96], heading[96];
        /* GitHub's anchor of "## Five forces" is "#five-forces". */
        snprintf(link, sizeof link, "%zu. [%s](#%s)\n", i + 1, titles[i], anchors[i]);
        snprintf(heading, sizeof heading, "\n## %s\n\n", titles[i]);
        assert_contains(md, link);
        const char *at = strstr(md, heading);
        ck_assert_msg(at && at > previous, "section %s missing or out of order", titles[i]);
        previous = at;
    }
    assert_lacks(md, "<svg");
    assert_lacks(md, "<section");
    ck_assert_uint_eq(count(md, "_Picture in the HTML report: "), 6);
    /* Tables with their alignment rows. */
    assert_contains(md, "| Rank | Scenario | Source | p | Impact | Exposure | Share of total "
                        "| Cell (L \xC3\x97 I) | Band |\n| ---: | --- | --- | ---: | ---: | ---: "
                        "| ---: | --- | --- |\n");
    assert_contains(md, "### What drives the bad outcomes\n\n| Rank | Threat |");
    smb_free(md);
    smb_sim_result_free(sim);
    smb_document_free(doc);
}
END_TEST

/* ---- sentences from hand-worked figures ---------------------------------- */

/*
 * tests/data/report_small.json, worked by hand.
 *
 * Canvas: two items in two blocks. Checks: cost_exceeds_revenue, seven
 * empty blocks and revenue_without_segment: 9 warnings. Assumption share:
 * Rent (importance 1) is the only assumption: 1 / (1 + 4) = 0.2, "20 %".
 * Revenue 1,000 against costs 1,500: a loss of 500.
 *
 * Forces (weights 1): new entrants 2, suppliers (4 + 3.5) / 2 = 3.75,
 * buyers 3, substitutes 2, rivalry 3. Intensities (s - 1) / 4: 0.25,
 * 0.6875, 0.5, 0.25, 0.5; pressure 2.1875 / 5 = 0.4375 ("0.44"),
 * attractiveness 0.5625 ("0.56"). Supplier power is dominant, "3.8 of 5"
 * (3.75 to one decimal, half up). Pressure on the forces' scale:
 * 1 + 4 * 0.4375 = 2.75, the moderate band (2.5 to 3.5).
 *
 * Resilience: maturities 3, 2, 4, 5, 1; index (3+2+4+5+1) / 5 / 5 = 0.6;
 * weakest link data-driven at 1.
 *
 * Scenarios (m = 0.5; R = the mitigator's maturity / 5):
 *   apps    threat  0.8 x 5 x (1 - 0.5 x 4/5 = 0.6) = 2.4   L5 x I5 = 25 critical
 *   rent    threat  0.5 x 4 x (1 - 0.5 x 3/5 = 0.7) = 1.4   L4 x I4 = 16 critical
 *   breach  threat  0.2 x 2 x (1 - 0.5 x 1/5 = 0.9) = 0.36  L2 x I2 = 4  low
 *   catering opp.   0.5 x 2 x (1 - 0.5 x (1 - 5/5) = 1) = 1
 * Threat total 4.16; apps holds 2.4 / 4.16 = 0.577 ("58 %").
 * Heat: channels 2.4, cost structure 1.4, customer relationships 0.36:
 * channels holds 58 %, from one threat.
 *
 * Responses, budget 2,000: own-delivery (1,000) halves the likelihood of
 * apps: 0.4 x 5 x 0.6 = 1.2, so it removes 1.2; lease (3,000) is beyond
 * the budget. Portfolio: own-delivery alone, exposure 4.16 -> 2.96,
 * 1.2 / 4.16 = 0.288 ("29 %"). TOPSIS: own-delivery is best on every
 * criterion that differs (more removed, cheaper, quicker; the ratings are
 * all 3), so it is the ideal response: score 1.
 */
START_TEST(sentences_read_the_hand_worked_figures)
{
    smb_document *doc = load_data("report_small.json");
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);

    assert_contains(md, "# Strategy report: Corner Deli\n\nA small delicatessen with a lunch "
                        "counter.\n\n");
    assert_contains(md, "\nThe canvas holds 2 items in 2 of the nine blocks; the checks find 9 "
                        "warnings. Warnings mark parts of the model that are incomplete or "
                        "incoherent.\n");
    assert_contains(md, "\n20" PCT " of the canvas, weighted by importance, still rests on "
                        "untested assumptions: test those first.\n");
    assert_contains(md, "\nRevenue of 1,000 against costs of 1,500 leaves a loss of 500: the "
                        "model does not pay for itself yet.\n");
    assert_contains(md, "\nBargaining Power of Suppliers is the strongest force (3.8 of 5): "
                        "input costs are the main squeeze on margin.\n");
    assert_contains(md, "\nTaken together, the five forces put the market's attractiveness at "
                        "0.56 of 1 (competitive pressure 0.44): margins are possible but "
                        "contested.\n");
    assert_contains(md, "\nThe resilience index is 0.60 of 1; the weakest link is Data-driven "
                        "decision making at 1 of 5: decisions rest on instinct more than on "
                        "data.\n");
    assert_contains(md, "\nTwo threats are critical; the largest, \xE2\x80\x98" "Delivery apps "
                        "take the lunch trade\xE2\x80\x99, carries 58" PCT " of the total threat "
                        "exposure.\n");
    assert_contains(md, "\nThe only opportunity is \xE2\x80\x98" "Offices order catering "
                        "online\xE2\x80\x99 (exposure 1.00).\n");
    assert_contains(md, "\nThe threats put Channels most at risk: 58" PCT " of the heat on the "
                        "canvas, from one threat.\n");
    assert_contains(md, "\nWithin the budget of 2,000, one response costing 1,000 cuts the threat "
                        "exposure from 4.16 to 2.96 (29" PCT " less).\n");
    assert_contains(md, "\n\xE2\x80\x98Own delivery round\xE2\x80\x99 ranks first by TOPSIS "
                        "(score 1.00 of 1) and removes 1.20 of the threat exposure on its "
                        "own.\n");
    /* The tables under the sentences. */
    assert_contains(md, "| 1 | Delivery apps take the lunch trade `apps` | Emerging digital "
                        "platforms | 0.8 | 5 | 2.40 | 58" PCT " | 5 \xC3\x97 5 = 25 | "
                        "critical |\n");
    assert_contains(md, "| 3 | The till is breached `breach` | Cyber threats and data breaches | "
                        "0.2 | 2 | 0.36 | 9" PCT " | 2 \xC3\x97 2 = 4 | low |\n");
    assert_contains(md, "| Channels | 2.40 | 58" PCT " | 1 | 0 |\n");
    assert_contains(md, "| Own delivery round `own-delivery` | 1,000 | 1 | 1.20 | 1.20 |\n");
    assert_contains(md, "| All threats | 4.16 | 2.96 |\n");
    assert_contains(md, "| Bargaining Power of Suppliers **(strongest)** | 3.75 | high | 1 | "
                        "2 of 6 |\n");
    assert_contains(md, "| warning | Revenue Streams | `rs-sales` | Revenue stream "
                        "'rs-sales' (Counter sales) is paid by no customer segment. |\n");
    /* The summary: the first five facts that apply, most important first;
     * the opportunity and the canvas do not make it. */
    char *summary = between(md, "## Summary\n", "\n## ");
    ck_assert_uint_eq(count(summary, "\n- "), 5);
    assert_before(summary, "- Two threats are critical", "- Within the budget of 2,000");
    assert_before(summary, "- Within the budget of 2,000", "- Bargaining Power of Suppliers");
    assert_before(summary, "- Bargaining Power of Suppliers", "- The resilience index is 0.60");
    assert_before(summary, "- The resilience index is 0.60", "- The threats put Channels");
    assert_lacks(summary, "opportunity");
    assert_lacks(summary, "canvas holds");
    free(summary);
    assert_contains(md, "\n## Simulation\n\n_No simulation was run for this report, so it does "
                        "not say how bad a bad outcome can get when several disruptions land "
                        "together._\n");
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

START_TEST(html_and_markdown_say_the_same_sentences)
{
    smb_document *doc = load_data("report_small.json");
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    char *html = report(doc, NULL, SMB_FORMAT_HTML);
    /* Document text sits in an isolating span in HTML; the rest is the
     * same words. */
    assert_contains(html, "<p>Two threats are critical; the largest, \xE2\x80\x98<span "
                          "class=\"text\">Delivery apps take the lunch trade</span>\xE2\x80\x99, "
                          "carries 58" PCT " of the total threat exposure.</p>");
    assert_contains(html, "<p>Bargaining Power of Suppliers is the strongest force (3.8 of 5): "
                          "input costs are the main squeeze on margin.</p>");
    assert_contains(html, "<p>Taken together, the five forces put the market&#39;s "
                          "attractiveness at 0.56 of 1 (competitive pressure 0.44): margins are "
                          "possible but contested.</p>");
    assert_contains(html, "<td class=\"num\">2.40</td>");
    ck_assert_uint_eq(count(html, "<table>"), count(md, "\n| --- |") + count(md, "\n| ---: |"));
    smb_free(html);
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

START_TEST(a_budget_less_document_ranks_only)
{
    smb_document *doc = load_data("report_small.json");
    TH_OK(smb_document_clear_budget(doc));
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\nThe document sets no budget (settings.budget), so no portfolio is "
                        "chosen: the responses are ranked only.\n");
    assert_lacks(md, "### Portfolio within the budget");
    assert_lacks(md, "### Residual exposure");
    assert_contains(md, "### Ranking");
    /* The summary's response fact is then the best-ranked response. */
    char *summary = between(md, "## Summary\n", "\n## ");
    assert_contains(summary, "- \xE2\x80\x98Own delivery round\xE2\x80\x99 ranks first");
    free(summary);
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* A budget of 500 buys nothing: each response costs more. */
START_TEST(a_budget_that_buys_nothing_says_so)
{
    smb_document *doc = load_data("report_small.json");
    TH_OK(smb_document_set_budget(doc, 500));
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\nNo response fits the budget of 500 and removes threat exposure, so "
                        "the threat exposure stays at 4.16.\n");
    assert_lacks(md, "### Portfolio within the budget");
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

START_TEST(unrated_forces_are_not_scored)
{
    smb_document *doc = load_text("{\"smbstrat\": 1, \"forces\": {}}");
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\n## Five forces\n\nThe five forces are not scored yet: no driver is "
                        "rated.\n");
    assert_lacks(md, "strongest force");
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* Ties and the words of the other bands: buyers and rivalry both at 5
 * (intensity 1, dominant together); the pressure, both at 1 with the three
 * others unscored, is 1: 1 + 4 x 1 = 5, the high band. One threat, high
 * (0.5 x 3 = 1.5 without a profile, L4 x I3 = 12): the only threat carries
 * all of the exposure. */
START_TEST(ties_and_single_threats_have_their_own_words)
{
    smb_document *doc = load_text(
        "{\"smbstrat\": 1, \"forces\": {"
        "\"buyer_power\": {\"drivers\": {\"price_sensitivity\": {\"rating\": 5}}},"
        "\"rivalry\": {\"drivers\": {\"exit_barriers\": {\"rating\": 5}}}},"
        "\"scenarios\": [{\"id\": \"one\", \"title\": \"One threat\", \"source\": \"economic\", "
        "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3}]}");
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\nBargaining Power of Buyers and Rivalry Among Existing Competitors are "
                        "the strongest forces (5.0 of 5): customers can push prices down; "
                        "competition among existing rivals wears margins down.\n");
    assert_contains(md, "attractiveness at 0.00 of 1 (competitive pressure 1.00): a hard market "
                        "to earn a margin in.\n");
    assert_contains(md, "\nOne threat is high; the only threat, \xE2\x80\x98One "
                        "threat\xE2\x80\x99, carries all of the threat exposure.\n");
    /* No canvas: heat without an items column; no resilience. */
    assert_contains(md, "| Block | Heat | Share | Threats |\n");
    assert_contains(md, "\n## Resilience profile\n\n_The document has no resilience profile: "
                        "this section is skipped, and the scenarios are scored as if every "
                        "capability were absent._\n");
    assert_contains(md, "\nNo threat names a block of the canvas, so no block is marked at "
                        "risk.\n");
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* ---- simulation ----------------------------------------------------------- */

/* certain_json: every trial loses 3 + 1 = 4, so the mean, value-at-risk
 * and expected shortfall are 4 and the spread 0; in the tail 'sure'
 * contributes 3 of the 4 (75 %) and 'small' 1 (25 %); each occurs in
 * every trial. A threshold of 3.5 is exceeded in every trial. */
START_TEST(simulation_section_presents_a_certain_outcome)
{
    smb_document *doc = load_text(certain_json);
    smb_sim_result *sim = simulate(doc, 3.5, 1);
    char *md = report(doc, sim, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\nThe figures below come from 1,000 simulated outcomes (seed 7), each a "
                        "draw of which scenarios occur and how hard they hit, measured in "
                        "severity (impact \xC3\x97 vulnerability).\n");
    assert_contains(md, "\nIn the worst 5" PCT " of 1,000 simulated outcomes, the threats' total "
                        "severity is at least 4.00 (value-at-risk at 95" PCT ") and 4.00 on "
                        "average (expected shortfall).\n");
    assert_contains(md, "\n\xE2\x80\x98" "Certain loss\xE2\x80\x99 weighs most in those bad "
                        "outcomes: 75" PCT " of the expected shortfall.\n");
    assert_contains(md, "\nOn average the threats' total severity is 4.00, with a standard "
                        "deviation of 0.00 from one outcome to the next. It exceeds 3.50 in "
                        "100" PCT " of the outcomes. Percentiles, value-at-risk and expected "
                        "shortfall are exact: every outcome's total was kept.\n");
    /* No opportunity: no upside column. */
    assert_contains(md, "| Statistic | Loss (threats) |\n");
    assert_contains(md, "| Value-at-risk at 95" PCT " | 4.00 |\n");
    assert_contains(md, "| Share of outcomes above 3.50 | 100" PCT " |\n");
    assert_contains(md, "| 1 | Certain loss `sure` | 100" PCT " | 3.00 | 75" PCT " |\n");
    assert_contains(md, "| 2 | Small loss `small` | 100" PCT " | 1.00 | 25" PCT " |\n");
    /* The summary leads with the tail. */
    char *summary = between(md, "## Summary\n", "\n## ");
    assert_contains(summary, "\n- In the worst 5" PCT " of 1,000 simulated outcomes");
    free(summary);
    smb_free(md);

    char *html = report(doc, sim, SMB_FORMAT_HTML);
    char *section = between(html, "<section id=\"simulation\"", "</section>");
    ck_assert_uint_eq(count(section, "<svg "), 1);
    assert_contains(section, ">VaR 95" PCT ": 4.00</text>");
    assert_contains(section, ">ES 95" PCT ": 4.00</text>");
    free(section);
    smb_free(html);
    smb_sim_result_free(sim);
    smb_document_free(doc);
}
END_TEST

START_TEST(a_sketched_simulation_says_so_and_draws_no_histogram)
{
    smb_document *doc = load_text(certain_json);
    smb_sim_result *sim = simulate(doc, NAN, 0);
    char *html = report(doc, sim, SMB_FORMAT_HTML);
    char *section = between(html, "<section id=\"simulation\"", "</section>");
    assert_contains(section, "Percentiles, value-at-risk and expected shortfall come from a "
                             "streaming sketch: each is within 0.5" PCT " of a value between "
                             "neighbouring outcomes.");
    assert_contains(section, "<p class=\"note\">The simulation kept no per-outcome totals, so "
                             "there is no histogram.</p>");
    assert_lacks(section, "<svg");
    assert_lacks(section, "exceeds");
    free(section);
    smb_free(html);
    smb_sim_result_free(sim);
    smb_document_free(doc);
}
END_TEST

START_TEST(a_simulation_of_other_scenarios_is_refused)
{
    smb_document *certain = load_text(certain_json);
    smb_sim_result *sim = simulate(certain, NAN, 0);
    smb_document *small = load_data("report_small.json");
    smb_document *bare = load_text("{\"smbstrat\": 1, \"canvas\": {}}");
    char sentinel = 'x', *out = &sentinel;
    size_t length = 5;
    TH_ASSERT_FAILS(smb_report_render(small, sim, SMB_FORMAT_HTML, &out, &length), SMB_EINVAL,
                    "simulation: scenario 'sure' is not in the document");
    TH_ASSERT_FAILS(smb_report_render(bare, sim, SMB_FORMAT_MARKDOWN, &out, &length), SMB_EINVAL,
                    "simulation: the document has no scenarios section");
    ck_assert_ptr_eq(out, &sentinel);
    ck_assert_uint_eq(length, 5);
    smb_document_free(bare);
    smb_document_free(small);
    smb_sim_result_free(sim);
    smb_document_free(certain);
}
END_TEST

/* ---- escaping ------------------------------------------------------------- */

static const char hostile[] = "<script>alert(\"x\")</script> & 'quotes' | *stars* # [link](x)";

static smb_document *hostile_document(void)
{
    smb_document *doc = load_data("report_small.json");
    TH_OK(smb_canvas_set_name(smb_document_canvas(doc), hostile));
    TH_OK(smb_canvas_set_description(smb_document_canvas(doc), hostile));
    TH_OK(smb_canvas_set_item_text(smb_document_canvas(doc), "rs-sales", hostile));
    TH_OK(smb_scenarios_set_title(smb_document_scenarios(doc), "apps", hostile));
    TH_OK(smb_responses_set_title(smb_document_responses(doc), "own-delivery", hostile));
    TH_OK(smb_resilience_set_rationale(smb_document_resilience(doc), SMB_CAPABILITY_AGILITY,
                                       hostile));
    return doc;
}

START_TEST(html_escapes_hostile_text)
{
    smb_document *doc = hostile_document();
    char *html = report(doc, NULL, SMB_FORMAT_HTML);
    assert_lacks(html, "<script");
    assert_lacks(html, "alert(\"x\")");
    assert_lacks(html, "'quotes'");
    assert_contains(html, "<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                          "&#39;quotes&#39;");
    /* Title, header, description, summary, sentences, tables: every place. */
    ck_assert_uint_ge(count(html, "&lt;script&gt;alert(&quot;x&quot;)"), 8);
    smb_free(html);
    smb_document_free(doc);
}
END_TEST

START_TEST(markdown_escapes_hostile_text)
{
    smb_document *doc = hostile_document();
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    static const char escaped[] = "\\<script\\>alert(\"x\")\\</script\\> \\& 'quotes' \\| "
                                  "\\*stars\\* \\# \\[link\\](x)";
    assert_lacks(md, "<script>");
    assert_lacks(md, " | *stars*");
    ck_assert_uint_ge(count(md, escaped), 7);
    assert_contains(md, "# Strategy report: \\<script\\>");
    /* Inside a table the pipe stays escaped, so the row keeps its cells. */
    assert_contains(md, "| 1 | \\<script\\>alert(\"x\")\\</script\\> \\& 'quotes' \\| \\*stars\\* "
                        "\\# \\[link\\](x) `apps` | Emerging digital platforms |");
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* ---- partial documents ------------------------------------------------------ */

START_TEST(a_canvas_alone_still_gives_a_report)
{
    smb_document *doc = load_data("full.json");
    char *html = report(doc, NULL, SMB_FORMAT_HTML);
    ck_assert_uint_eq(count(html, "<section "), SECTIONS);
    ck_assert_uint_eq(count(html, "<svg "), 1);
    assert_contains(html, "<p class=\"note\">The document has no five-forces assessment: this "
                          "section is skipped.</p>");
    assert_contains(html, "<p class=\"note\">The document has no resilience profile: this "
                          "section is skipped.</p>");
    assert_contains(html, "<p class=\"note\">The document has no disruption scenarios: this "
                          "section is skipped.</p>");
    assert_contains(html, "<p class=\"note\">The document has no disruption scenarios, so no "
                          "block of the canvas is at risk: this section is skipped.</p>");
    assert_contains(html, "<p class=\"note\">No simulation was run for this report");
    assert_contains(html, "<p class=\"note\">The document has no responses: this section is "
                          "skipped.</p>");
    /* The summary speaks of the canvas alone. */
    char *summary = between(html, "<section id=\"summary\"", "</section>");
    assert_contains(summary, "<li>The canvas holds ");
    assert_lacks(summary, "threat");
    free(summary);
    smb_free(html);
    smb_document_free(doc);
}
END_TEST

START_TEST(an_empty_document_says_there_is_nothing_yet)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_new(&doc));
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    ck_assert_msg(strncmp(md, "# Strategy report\n\n## Contents\n", 31) == 0, "%.60s", md);
    assert_contains(md, "\n## Summary\n\n_The document holds no canvas, five forces, resilience "
                        "profile, scenarios or responses yet, so there is nothing to "
                        "summarise._\n");
    assert_contains(md, "\n## Business model canvas\n\n_The document has no canvas: this "
                        "section is skipped._\n");
    char *html = report(doc, NULL, SMB_FORMAT_HTML);
    assert_contains(html, "<title>Strategy report</title>");
    assert_contains(html, "<h1>Strategy report</h1>");
    ck_assert_uint_eq(count(html, "<section "), SECTIONS);
    ck_assert_uint_eq(count(html, "<table>"), 0);
    smb_free(html);
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* The forces name the business when the canvas has no name. */
START_TEST(the_forces_name_a_business_without_a_canvas)
{
    smb_document *doc = load_text("{\"smbstrat\": 1, \"forces\": {\"name\": \"Deli market\", "
                                  "\"description\": \"Lunch in the old town\"}}");
    char *md = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    ck_assert_msg(strncmp(md, "# Strategy report: Deli market\n\nLunch in the old town\n\n", 54) ==
                      0,
                  "%.80s", md);
    smb_free(md);
    smb_document_free(doc);
}
END_TEST

/* ---- arguments and memory ------------------------------------------------- */

START_TEST(bad_arguments_are_refused_and_change_nothing)
{
    smb_document *doc = load_data("report_small.json");
    char sentinel = 'x', *out = &sentinel;
    size_t length = 5;
    TH_ASSERT_FAILS(smb_report_render(NULL, NULL, SMB_FORMAT_HTML, &out, &length), SMB_EINVAL,
                    "smb_report_render: doc must not be NULL");
    TH_ASSERT_FAILS(smb_report_render(doc, NULL, SMB_FORMAT_HTML, NULL, &length), SMB_EINVAL,
                    "smb_report_render: out must not be NULL");
    TH_ASSERT_FAILS(smb_report_render(doc, NULL, SMB_FORMAT_SVG, &out, &length), SMB_EINVAL,
                    "format svg: a report is html or markdown");
    TH_ASSERT_FAILS(smb_report_render(doc, NULL, (smb_format)7, &out, &length), SMB_EINVAL,
                    "format 7 is not html or markdown");
    TH_ASSERT_FAILS(smb_report_render(doc, NULL, (smb_format)-1, &out, &length), SMB_EINVAL,
                    "format -1 is not html or markdown");
    ck_assert_ptr_eq(out, &sentinel);
    ck_assert_uint_eq(length, 5);
    /* The length is optional. */
    TH_OK(smb_report_render(doc, NULL, SMB_FORMAT_MARKDOWN, &out, NULL));
    ck_assert_ptr_ne(out, &sentinel);
    smb_free(out);
    smb_document_free(doc);
}
END_TEST

/* Saving writes exactly what rendering returns, replaces an older file
 * whole, and leaves it intact when the report or the file fails. */
START_TEST(save_writes_the_rendered_report_atomically)
{
    smb_document *doc = load_data("report_small.json");
    char dir[] = "/tmp/smb-report-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64], missing[96];
    snprintf(path, sizeof path, "%s/report.md", dir);
    snprintf(missing, sizeof missing, "%s/no-such-dir/report.md", dir);

    FILE *old = fopen(path, "w");
    ck_assert_ptr_nonnull(old);
    fputs("previous report\n", old);
    fclose(old);

    TH_ASSERT_FAILS(smb_report_save(doc, NULL, SMB_FORMAT_SVG, path), SMB_EINVAL,
                    "format svg: a report is html or markdown");
    TH_ASSERT_FAILS(smb_report_save(doc, NULL, SMB_FORMAT_MARKDOWN, NULL), SMB_EINVAL,
                    "smb_report_save: path must not be NULL");
    FILE *f = fopen(path, "r");
    char kept[64] = {0};
    ck_assert_ptr_nonnull(fgets(kept, sizeof kept, f));
    fclose(f);
    ck_assert_str_eq(kept, "previous report\n");

    ck_assert_int_eq(smb_report_save(doc, NULL, SMB_FORMAT_MARKDOWN, missing), SMB_EIO);
    ck_assert_ptr_nonnull(strstr(smb_last_error(), "no-such-dir/report.md"));

    TH_OK(smb_report_save(doc, NULL, SMB_FORMAT_MARKDOWN, path));
    char *expected = report(doc, NULL, SMB_FORMAT_MARKDOWN);
    f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t want = strlen(expected);
    char *written = malloc(want + 2);
    size_t got = fread(written, 1, want + 1, f);
    fclose(f);
    ck_assert_uint_eq(got, want);
    ck_assert_int_eq(memcmp(written, expected, want), 0);
    free(written);
    smb_free(expected);
    remove(path);
    rmdir(dir);
    smb_document_free(doc);
}
END_TEST

/* A response without a value on a criterion of the document's own cannot
 * be ranked: the report fails as the ranking does. */
START_TEST(a_document_that_cannot_be_ranked_fails_whole)
{
    smb_document *doc = load_data("report_small.json");
    TH_OK(smb_responses_add_criterion(smb_document_responses(doc), "noise", "Noise",
                                      SMB_CRITERION_COST));
    char sentinel = 'x', *out = &sentinel;
    TH_ASSERT_FAILS(smb_report_render(doc, NULL, SMB_FORMAT_HTML, &out, NULL), SMB_ENOTFOUND,
                    "noise");
    ck_assert_ptr_eq(out, &sentinel);
    smb_document_free(doc);
}
END_TEST

static char *saved(const smb_document *doc)
{
    char *text = NULL;
    TH_OK(smb_document_save_string(doc, &text, NULL));
    return text;
}

START_TEST(allocation_failures_leak_nothing_and_change_nothing)
{
    /* Everything made here goes through the counting allocator. */
    th_alloc_install();
    smb_document *doc = load_data("report_small.json");
    smb_document *certain = load_text(certain_json);
    smb_sim_result *sim = simulate(certain, 3.5, 1);
    char *before = saved(doc), *certain_before = saved(certain);
    for (int k = 0; k < 2; k++) {
        smb_format format = k ? SMB_FORMAT_HTML : SMB_FORMAT_MARKDOWN;
        char sentinel = 'x', *out = &sentinel;
        size_t length = 5;
        TH_EACH_ALLOC_FAILURE(smb_report_render(doc, NULL, format, &out, &length),
                              out == &sentinel && length == 5,
                              {
                                  ck_assert_uint_eq(length, strlen(out));
                                  smb_free(out);
                                  out = &sentinel;
                                  length = 5;
                              },
                              10);
        TH_EACH_ALLOC_FAILURE(smb_report_render(certain, sim, format, &out, &length),
                              out == &sentinel && length == 5,
                              {
                                  ck_assert_uint_eq(length, strlen(out));
                                  smb_free(out);
                              },
                              2);
    }
    char *after = saved(doc), *certain_after = saved(certain);
    ck_assert_str_eq(before, after);
    ck_assert_str_eq(certain_before, certain_after);
    smb_free(before);
    smb_free(after);
    smb_free(certain_before);
    smb_free(certain_after);
    smb_sim_result_free(sim);
    smb_document_free(certain);
    smb_document_free(doc);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("report");
    TCase *whole = tcase_create("whole");
    tcase_add_test(whole, html_of_the_bakery_has_every_section_and_picture);
    tcase_add_test(whole, markdown_of_the_bakery_has_every_section_and_no_picture);
    suite_add_tcase(s, whole);

    TCase *words = tcase_create("sentences");
    tcase_add_test(words, sentences_read_the_hand_worked_figures);
    tcase_add_test(words, html_and_markdown_say_the_same_sentences);
    tcase_add_test(words, a_budget_less_document_ranks_only);
    tcase_add_test(words, a_budget_that_buys_nothing_says_so);
    tcase_add_test(words, unrated_forces_are_not_scored);
    tcase_add_test(words, ties_and_single_threats_have_their_own_words);
    suite_add_tcase(s, words);

    TCase *sim = tcase_create("simulation");
    tcase_add_test(sim, simulation_section_presents_a_certain_outcome);
    tcase_add_test(sim, a_sketched_simulation_says_so_and_draws_no_histogram);
    tcase_add_test(sim, a_simulation_of_other_scenarios_is_refused);
    suite_add_tcase(s, sim);

    TCase *esc = tcase_create("escaping");
    tcase_add_test(esc, html_escapes_hostile_text);
    tcase_add_test(esc, markdown_escapes_hostile_text);
    suite_add_tcase(s, esc);

    TCase *partial = tcase_create("partial");
    tcase_add_test(partial, a_canvas_alone_still_gives_a_report);
    tcase_add_test(partial, an_empty_document_says_there_is_nothing_yet);
    tcase_add_test(partial, the_forces_name_a_business_without_a_canvas);
    suite_add_tcase(s, partial);

    TCase *args = tcase_create("arguments");
    tcase_add_test(args, bad_arguments_are_refused_and_change_nothing);
    tcase_add_test(args, save_writes_the_rendered_report_atomically);
    tcase_add_test(args, a_document_that_cannot_be_ranked_fails_whole);
    tcase_add_test(args, allocation_failures_leak_nothing_and_change_nothing);
    tcase_set_timeout(args, 600);
    suite_add_tcase(s, args);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
