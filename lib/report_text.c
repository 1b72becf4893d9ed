/* SPDX-License-Identifier: MIT */
/* What the figures mean for the business: every sentence of the report
 * that reads a figure, in one place, with the wording rules of
 * docs/report.md. Each sentence only presents what the library computed
 * (scores, bands, ranks, totals, simulation statistics); the rules decide
 * which figure to name and which words go with it. */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

/* ---- numbers in sentences ------------------------------------------------- */

#define NBSP "\xC2\xA0"

char *smb__report_count(char dst[SMB_REPORT_WORD_BUF], size_t n)
{
    static const char *const words[] = {"No",  "One",   "Two",   "Three", "Four", "Five",
                                        "Six", "Seven", "Eight", "Nine",  "Ten"};
    if (n < sizeof words / sizeof words[0])
        snprintf(dst, SMB_REPORT_WORD_BUF, "%s", words[n]);
    else
        snprintf(dst, SMB_REPORT_WORD_BUF, "%zu", n);
    return dst;
}

/* The same in the middle of a sentence: "two", "12". */
static char *count_lower(char dst[SMB_REPORT_WORD_BUF], size_t n)
{
    smb__report_count(dst, n);
    dst[0] = (char)(dst[0] >= 'A' && dst[0] <= 'Z' ? dst[0] - 'A' + 'a' : dst[0]);
    return dst;
}

double smb__report_share(double part, double whole)
{
    return whole > 0 ? part / whole : 0.0;
}

char *smb__report_percent(char dst[SMB_AMOUNT_BUF], double share)
{
    char number[SMB_AMOUNT_BUF];
    smb__format_number(number, share * 100.0, 0, true);
    if (share > 0 && strcmp(number, "0") == 0)
        snprintf(dst, SMB_AMOUNT_BUF, "under 1" NBSP "%%");
    else
        snprintf(dst, SMB_AMOUNT_BUF, "%.40s" NBSP "%%", number);
    return dst;
}

char *smb__report_level(char dst[SMB_AMOUNT_BUF], double fraction)
{
    char number[SMB_AMOUNT_BUF];
    snprintf(dst, SMB_AMOUNT_BUF, "%.40s" NBSP "%%",
             smb__format_number(number, fraction * 100.0, 2, true));
    return dst;
}

char *smb__report_sim_value(char dst[SMB_AMOUNT_BUF], const smb_sim_result *r, double value)
{
    if (smb_sim_result_measure(r) == SMB_SIM_MONEY)
        return smb__format_amount(dst, value);
    return smb__format_number(dst, value, 2, false);
}

/* "1 error, 2 warnings and 3 notes": the non-zero parts only. */
static void say_parts(smb_rw *w, const size_t *counts, const char *const (*names)[2], size_t n)
{
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < n; i++)
        total += counts[i] != 0;
    for (size_t i = 0; i < n; i++) {
        if (counts[i] == 0)
            continue;
        shown++;
        if (shown > 1)
            smb__rw_text(w, shown == total ? " and " : ", ");
        smb__rw_printf(w, "%zu %s", counts[i], names[i][counts[i] != 1]);
    }
}

/* ---- the canvas ----------------------------------------------------------- */

static bool has_canvas(const smb_report_facts *f)
{
    return f->canvas != NULL;
}

static void say_canvas_findings(smb_rw *w, const smb_report_facts *f)
{
    size_t items = smb_canvas_item_total(f->canvas), filled = 0;
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        filled += smb_canvas_item_count(f->canvas, (smb_block)k) > 0;
    size_t by_severity[3] = {0, 0, 0};
    size_t n = smb_findings_count(f->findings);
    for (size_t i = 0; i < n; i++)
        by_severity[smb_findings_at(f->findings, i)->severity]++;
    if (items == 0)
        smb__rw_text(w, "The canvas is empty");
    else if (filled == SMB_BLOCK_COUNT)
        smb__rw_printf(w, "The canvas holds %zu item%s in all nine blocks", items,
                       items == 1 ? "" : "s");
    else
        smb__rw_printf(w, "The canvas holds %zu item%s in %zu of the nine blocks", items,
                       items == 1 ? "" : "s", filled);
    if (n == 0) {
        smb__rw_text(w, ", and the checks find nothing to fix.");
        return;
    }
    /* Most serious first. */
    static const char *const names[][2] = {{"error", "errors"}, {"warning", "warnings"},
                                           {"note", "notes"}};
    size_t counts[3] = {by_severity[SMB_SEVERITY_ERROR], by_severity[SMB_SEVERITY_WARNING],
                        by_severity[SMB_SEVERITY_INFO]};
    smb__rw_text(w, "; the checks find ");
    say_parts(w, counts, names, 3);
    smb__rw_text(w, ".");
    if (counts[0])
        smb__rw_text(w, " Errors mean the model cannot be right as it stands: fix them first.");
    else if (counts[1])
        smb__rw_text(w, " Warnings mark parts of the model that are incomplete or incoherent.");
}

const smb_report_fact smb__fact_canvas_findings = {has_canvas, say_canvas_findings};

static bool canvas_has_items(const smb_report_facts *f)
{
    return f->canvas && smb_canvas_item_total(f->canvas) > 0;
}

static void say_canvas_evidence(smb_rw *w, const smb_report_facts *f)
{
    double share = smb_canvas_assumption_share(f->canvas);
    char pct[SMB_AMOUNT_BUF];
    if (share <= 0) {
        smb__rw_text(w, "No item of the canvas rests on an untested assumption any more.");
        return;
    }
    smb__rw_printf(w, "%s of the canvas, weighted by importance, still rests on untested "
                      "assumptions: test those first.",
                   smb__report_percent(pct, share));
}

const smb_report_fact smb__fact_canvas_evidence = {canvas_has_items, say_canvas_evidence};

static bool canvas_has_amounts(const smb_report_facts *f)
{
    return f->canvas && smb__canvas_has_amounts(f->canvas);
}

static void say_canvas_margin(smb_rw *w, const smb_report_facts *f)
{
    char revenue[SMB_AMOUNT_BUF], cost[SMB_AMOUNT_BUF], margin[SMB_AMOUNT_BUF];
    double m = smb_canvas_margin(f->canvas);
    smb__rw_printf(w, "Revenue of %s against costs of %s leaves ",
                   smb__format_amount(revenue, smb_canvas_revenue_total(f->canvas)),
                   smb__format_amount(cost, smb_canvas_cost_total(f->canvas)));
    if (m < 0)
        smb__rw_printf(w, "a loss of %s: the model does not pay for itself yet.",
                       smb__format_amount(margin, -m));
    else
        smb__rw_printf(w, "a margin of %s.", smb__format_amount(margin, m));
}

const smb_report_fact smb__fact_canvas_margin = {canvas_has_amounts, say_canvas_margin};

/* ---- the five forces ------------------------------------------------------ */

static bool forces_scored(const smb_report_facts *f)
{
    return f->forces && f->forces_view.has_pressure;
}

/* What a dominant force means for the business. */
static const char *const force_meaning[SMB_FORCE_COUNT] = {
    [SMB_FORCE_NEW_ENTRANTS] = "newcomers can enter easily, which caps prices",
    [SMB_FORCE_SUPPLIER_POWER] = "input costs are the main squeeze on margin",
    [SMB_FORCE_BUYER_POWER] = "customers can push prices down",
    [SMB_FORCE_SUBSTITUTES] = "customers can meet the same need another way",
    [SMB_FORCE_RIVALRY] = "competition among existing rivals wears margins down",
};

static void say_dominant_force(smb_rw *w, const smb_report_facts *f)
{
    const smb_forces_result *r = f->forces_result;
    size_t n = smb_forces_result_dominant_count(r);
    char score[SMB_AMOUNT_BUF];
    /* Dominant forces share the highest intensity, hence one score. */
    smb_force first = smb_forces_result_dominant_at(r, 0);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            smb__rw_text(w, i + 1 == n ? " and " : ", ");
        smb__rw_text(w, smb_force_title(smb_forces_result_dominant_at(r, i)));
    }
    smb__rw_printf(w, " %s the strongest force%s (%s of 5): ", n == 1 ? "is" : "are",
                   n == 1 ? "" : "s",
                   smb__format_number(score, smb_forces_result_force(r, first)->score, 1, false));
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            smb__rw_text(w, "; ");
        smb__rw_text(w, force_meaning[smb_forces_result_dominant_at(r, i)]);
    }
    smb__rw_text(w, ".");
}

const smb_report_fact smb__fact_dominant_force = {forces_scored, say_dominant_force};

static void say_attractiveness(smb_rw *w, const smb_report_facts *f)
{
    const smb_forces_view *v = &f->forces_view;
    char a[SMB_AMOUNT_BUF], p[SMB_AMOUNT_BUF];
    /* The pressure read on the forces' own 1-5 scale, so that the market
     * is judged by the bands that judge each force. */
    smb_force_band band = smb_force_band_of(1.0 + 4.0 * v->pressure);
    const char *meaning = band == SMB_FORCE_BAND_HIGH     ? "a hard market to earn a margin in"
                          : band == SMB_FORCE_BAND_MODERATE ? "margins are possible but contested"
                                                            : "the forces leave room for healthy "
                                                              "margins";
    smb__rw_printf(w,
                   "Taken together, the five forces put the market's attractiveness at %s of 1 "
                   "(competitive pressure %s): %s.",
                   smb__format_number(a, v->attractiveness, 2, false),
                   smb__format_number(p, v->pressure, 2, false), meaning);
}

const smb_report_fact smb__fact_attractiveness = {forces_scored, say_attractiveness};

static bool forces_unscored(const smb_report_facts *f)
{
    return f->forces && !f->forces_view.has_pressure;
}

static void say_forces_unscored(smb_rw *w, const smb_report_facts *f)
{
    smb__rw_printf(w, "The five forces are not scored yet: %s.", f->forces_view.undefined_reason);
}

const smb_report_fact smb__fact_forces_unscored = {forces_unscored, say_forces_unscored};

/* ---- resilience ----------------------------------------------------------- */

static bool has_resilience(const smb_report_facts *f)
{
    return f->resilience != NULL;
}

/* What the weakest capability means for the business. */
static const char *const capability_meaning[SMB_CAPABILITY_COUNT] = {
    [SMB_CAPABILITY_ADAPTABILITY] = "the business would find it hard to change its model when "
                                    "a shock calls for it",
    [SMB_CAPABILITY_AGILITY] = "changes reach customers slowly",
    [SMB_CAPABILITY_INNOVATION] = "few new products, services or processes come through to "
                                  "replace what a disruption takes away",
    [SMB_CAPABILITY_CUSTOMER_CENTRICITY] = "shifts in what customers want may go unnoticed",
    [SMB_CAPABILITY_DATA_DRIVEN] = "decisions rest on instinct more than on data",
};

static void say_resilience(smb_rw *w, const smb_report_facts *f)
{
    double index = 0, weakest = 0;
    smb_capability cap = SMB_CAPABILITY_NONE;
    char i[SMB_AMOUNT_BUF], m[SMB_AMOUNT_BUF];
    /* Neither fails for a profile. */
    (void)smb_resilience_index(f->resilience, &index);
    (void)smb_resilience_weakest_link(f->resilience, &weakest, &cap);
    smb__rw_printf(w, "The resilience index is %s of 1; the weakest link is %s at %s of 5: %s.",
                   smb__format_number(i, index, 2, false), smb_capability_title(cap),
                   smb__format_number(m, smb_resilience_maturity(f->resilience, cap), 1, true),
                   capability_meaning[cap]);
}

const smb_report_fact smb__fact_resilience = {has_resilience, say_resilience};

/* ---- scenarios ------------------------------------------------------------ */

static size_t ranked(const smb_report_facts *f, smb_direction d)
{
    return f->scores ? smb_scenario_scores_ranked_count(f->scores, d) : 0;
}

static bool has_threats(const smb_report_facts *f)
{
    return ranked(f, SMB_DIRECTION_THREAT) > 0;
}

static void say_threats(smb_rw *w, const smb_report_facts *f)
{
    const smb_scenario_totals *t = smb_scenario_scores_totals(f->scores, SMB_DIRECTION_THREAT);
    const smb_scenario_score *top = smb_scenario_scores_ranked_at(f->scores,
                                                                  SMB_DIRECTION_THREAT, 0);
    size_t critical = t->band_count[SMB_RISK_BAND_CRITICAL];
    size_t high = t->band_count[SMB_RISK_BAND_HIGH];
    char word[SMB_REPORT_WORD_BUF], pct[SMB_AMOUNT_BUF];
    /* The worst band that holds threats names the count; critical ones
     * bring the high ones along. */
    if (critical > 0) {
        smb__rw_printf(w, "%s threat%s %s critical", smb__report_count(word, critical),
                       critical == 1 ? "" : "s", critical == 1 ? "is" : "are");
        if (high > 0)
            smb__rw_printf(w, " and %s high", count_lower(word, high));
    } else if (high > 0) {
        smb__rw_printf(w, "%s threat%s %s high", smb__report_count(word, high),
                       high == 1 ? "" : "s", high == 1 ? "is" : "are");
    } else {
        smb__rw_text(w, "No threat is high or critical");
    }
    smb__rw_text(w, t->count == 1 ? "; the only threat, " : "; the largest, ");
    smb__rw_quoted(w, top->title);
    if (t->exposure <= 0)
        smb__rw_text(w, ", carries no exposure.");
    else if (t->count == 1)
        smb__rw_text(w, ", carries all of the threat exposure.");
    else
        smb__rw_printf(w, ", carries %s of the total threat exposure.",
                       smb__report_percent(pct, smb__report_share(top->exposure, t->exposure)));
}

const smb_report_fact smb__fact_threats = {has_threats, say_threats};

static bool no_threats(const smb_report_facts *f)
{
    return f->scores && !has_threats(f);
}

static void say_no_threats(smb_rw *w, const smb_report_facts *f)
{
    (void)f;
    smb__rw_text(w, "The scenarios list no threat, so none puts the business at risk yet.");
}

const smb_report_fact smb__fact_no_threats = {no_threats, say_no_threats};

static bool has_opportunities(const smb_report_facts *f)
{
    return ranked(f, SMB_DIRECTION_OPPORTUNITY) > 0;
}

static void say_opportunities(smb_rw *w, const smb_report_facts *f)
{
    const smb_scenario_totals *t = smb_scenario_scores_totals(f->scores,
                                                              SMB_DIRECTION_OPPORTUNITY);
    const smb_scenario_score *top = smb_scenario_scores_ranked_at(f->scores,
                                                                  SMB_DIRECTION_OPPORTUNITY, 0);
    char e[SMB_AMOUNT_BUF], word[SMB_REPORT_WORD_BUF], pct[SMB_AMOUNT_BUF];
    if (t->count == 1) {
        smb__rw_text(w, "The only opportunity is ");
        smb__rw_quoted(w, top->title);
        smb__rw_printf(w, " (exposure %s).", smb__format_number(e, top->exposure, 2, false));
        return;
    }
    smb__rw_printf(w, "The most promising of the %s opportunities is ",
                   count_lower(word, t->count));
    smb__rw_quoted(w, top->title);
    smb__rw_printf(w, ", with %s of their combined exposure.",
                   smb__report_percent(pct, smb__report_share(top->exposure, t->exposure)));
}

const smb_report_fact smb__fact_opportunities = {has_opportunities, say_opportunities};

static bool threats_have_money(const smb_report_facts *f)
{
    size_t n = ranked(f, SMB_DIRECTION_THREAT);
    for (size_t i = 0; i < n; i++)
        if (smb_scenario_scores_ranked_at(f->scores, SMB_DIRECTION_THREAT, i)->has_money)
            return true;
    return false;
}

static void say_money(smb_rw *w, const smb_report_facts *f)
{
    const smb_scenario_totals *t = smb_scenario_scores_totals(f->scores, SMB_DIRECTION_THREAT);
    char m[SMB_AMOUNT_BUF];
    smb__rw_printf(w,
                   "The threats with a money impact put %s at risk (likelihood \xC3\x97 money "
                   "impact \xC3\x97 vulnerability, summed).",
                   smb__format_amount(m, t->money_exposure));
}

const smb_report_fact smb__fact_money = {threats_have_money, say_money};

static bool has_heat(const smb_report_facts *f)
{
    return f->heat && smb_canvas_heat_total(f->heat) > 0;
}

static void say_heat(smb_rw *w, const smb_report_facts *f)
{
    const smb_block_heat *top = smb_canvas_heat_at(f->heat, 0);
    char pct[SMB_AMOUNT_BUF], word[SMB_REPORT_WORD_BUF];
    smb__rw_printf(w, "The threats put %s most at risk: %s of the heat on the canvas, from %s "
                      "threat%s.",
                   smb_block_title(top->block), smb__report_percent(pct, top->share),
                   count_lower(word, top->scenarios), top->scenarios == 1 ? "" : "s");
}

const smb_report_fact smb__fact_heat = {has_heat, say_heat};

static bool no_heat(const smb_report_facts *f)
{
    return has_threats(f) && !has_heat(f);
}

static void say_no_heat(smb_rw *w, const smb_report_facts *f)
{
    (void)f;
    smb__rw_text(w, "No threat names a block of the canvas, so no block is marked at risk.");
}

const smb_report_fact smb__fact_no_heat = {no_heat, say_no_heat};

/* ---- simulation ----------------------------------------------------------- */

static bool has_simulation(const smb_report_facts *f)
{
    return f->simulation != NULL;
}

/* What the loss total is called: a severity score or money. */
static const char *loss_noun(const smb_sim_result *r)
{
    return smb_sim_result_measure(r) == SMB_SIM_MONEY ? "the threats' cost"
                                                       : "the threats' total severity";
}

static void say_tail(smb_rw *w, const smb_report_facts *f)
{
    const smb_sim_result *r = f->simulation;
    const smb_sim_stats *loss = smb_sim_result_stats(r, SMB_SIM_LOSS);
    double level = smb_sim_result_level(r);
    char tail[SMB_AMOUNT_BUF], lv[SMB_AMOUNT_BUF], trials[SMB_AMOUNT_BUF];
    char var[SMB_AMOUNT_BUF], es[SMB_AMOUNT_BUF];
    smb__rw_printf(w,
                   "In the worst %s of %s simulated outcomes, %s is at least %s (value-at-risk "
                   "at %s) and %s on average (expected shortfall).",
                   smb__report_level(tail, 1.0 - level),
                   smb__format_amount(trials, (double)smb_sim_result_trials(r)), loss_noun(r),
                   smb__report_sim_value(var, r, loss->var), smb__report_level(lv, level),
                   smb__report_sim_value(es, r, loss->es));
}

const smb_report_fact smb__fact_tail = {has_simulation, say_tail};

/* The threat with the largest part of the expected shortfall, or NULL
 * when no threat has any. */
static const smb_sim_scenario *tail_driver(const smb_sim_result *r)
{
    const smb_sim_scenario *best = NULL;
    size_t n = smb_sim_result_scenario_count(r);
    for (size_t i = 0; i < n; i++) {
        const smb_sim_scenario *s = smb_sim_result_scenario_at(r, i);
        if (s->direction == SMB_DIRECTION_THREAT && s->es_contribution > 0 &&
            (!best || smb__rank_desc(s->es_contribution, best->es_contribution) < 0))
            best = s;
    }
    return best;
}

static bool has_tail_driver(const smb_report_facts *f)
{
    return f->simulation && f->scenarios && tail_driver(f->simulation) != NULL;
}

static void say_tail_driver(smb_rw *w, const smb_report_facts *f)
{
    const smb_sim_scenario *s = tail_driver(f->simulation);
    const smb_sim_stats *loss = smb_sim_result_stats(f->simulation, SMB_SIM_LOSS);
    char pct[SMB_AMOUNT_BUF];
    smb__rw_quoted(w, smb_scenario_title(smb_scenarios_find(f->scenarios, s->id)));
    smb__rw_printf(w, " weighs most in those bad outcomes: %s of the expected shortfall.",
                   smb__report_percent(pct, smb__report_share(s->es_contribution, loss->es)));
}

const smb_report_fact smb__fact_tail_driver = {has_tail_driver, say_tail_driver};

void smb__report_say_sim_basis(smb_rw *w, const smb_sim_result *r)
{
    char trials[SMB_AMOUNT_BUF];
    smb__rw_printf(w, "The figures below come from %s simulated outcomes (seed %llu), each a "
                      "draw of which scenarios occur and how hard they hit, measured in %s.",
                   smb__format_amount(trials, (double)smb_sim_result_trials(r)),
                   (unsigned long long)smb_sim_result_seed(r),
                   smb_sim_result_measure(r) == SMB_SIM_MONEY
                       ? "money (money impact \xC3\x97 vulnerability)"
                       : "severity (impact \xC3\x97 vulnerability)");
}

void smb__report_say_sim_mean(smb_rw *w, const smb_sim_result *r)
{
    const smb_sim_stats *loss = smb_sim_result_stats(r, SMB_SIM_LOSS);
    char mean[SMB_AMOUNT_BUF], std[SMB_AMOUNT_BUF];
    smb__rw_printf(w, "On average %s is %s, with a standard deviation of %s from one outcome to "
                      "the next.",
                   loss_noun(r), smb__report_sim_value(mean, r, loss->mean),
                   smb__report_sim_value(std, r, loss->std));
}

void smb__report_say_sim_threshold(smb_rw *w, const smb_sim_result *r)
{
    const smb_sim_stats *loss = smb_sim_result_stats(r, SMB_SIM_LOSS);
    char threshold[SMB_AMOUNT_BUF], pct[SMB_AMOUNT_BUF];
    smb__rw_printf(w, "It exceeds %s in %s of the outcomes.",
                   smb__report_sim_value(threshold, r, smb_sim_result_threshold(r)),
                   smb__report_percent(pct, loss->exceed_prob));
}

void smb__report_say_sim_accuracy(smb_rw *w, const smb_sim_result *r)
{
    char a[SMB_AMOUNT_BUF];
    if (smb_sim_result_exact(r)) {
        smb__rw_text(w, "Percentiles, value-at-risk and expected shortfall are exact: every "
                        "outcome's total was kept.");
        return;
    }
    smb__rw_printf(w, "Percentiles, value-at-risk and expected shortfall come from a streaming "
                      "sketch: each is within %s of a value between neighbouring outcomes.",
                   smb__report_level(a, smb_sim_result_accuracy(r)));
}

/* ---- responses ------------------------------------------------------------ */

static bool has_portfolio(const smb_report_facts *f)
{
    return f->portfolio != NULL;
}

static void say_plan(smb_rw *w, const smb_report_facts *f)
{
    const smb_portfolio *p = f->portfolio;
    size_t n = smb_portfolio_count(p);
    char budget[SMB_AMOUNT_BUF], cost[SMB_AMOUNT_BUF], before[SMB_AMOUNT_BUF];
    char after[SMB_AMOUNT_BUF], pct[SMB_AMOUNT_BUF], word[SMB_REPORT_WORD_BUF];
    smb__format_amount(budget, smb_portfolio_budget(p));
    smb__format_number(before, smb_portfolio_base(p), 2, false);
    if (n == 0) {
        smb__rw_printf(w, "No response fits the budget of %s and removes threat exposure, so "
                          "the threat exposure stays at %s.",
                       budget, before);
        return;
    }
    smb__rw_printf(w, "Within the budget of %s, %s response%s costing %s cut%s the threat "
                      "exposure from %s to %s (%s less).",
                   budget, count_lower(word, n), n == 1 ? "" : "s",
                   smb__format_amount(cost, smb_portfolio_cost(p)), n == 1 ? "s" : "", before,
                   smb__format_number(after, smb_portfolio_residual(p), 2, false),
                   smb__report_percent(pct, smb__report_share(smb_portfolio_reduction(p),
                                                              smb_portfolio_base(p))));
}

const smb_report_fact smb__fact_plan = {has_portfolio, say_plan};

static bool no_budget(const smb_report_facts *f)
{
    return f->responses && !f->has_budget;
}

static void say_no_budget(smb_rw *w, const smb_report_facts *f)
{
    (void)f;
    smb__rw_text(w, "The document sets no budget (settings.budget), so no portfolio is "
                    "chosen: the responses are ranked only.");
}

const smb_report_fact smb__fact_no_budget = {no_budget, say_no_budget};

static bool has_ranking(const smb_report_facts *f)
{
    return f->ranking && smb_response_ranking_count(f->ranking) > 0;
}

static void say_top_response(smb_rw *w, const smb_report_facts *f)
{
    const smb_response_rank *top = smb_response_ranking_ranked_at(f->ranking, 0);
    char score[SMB_AMOUNT_BUF], removed[SMB_AMOUNT_BUF];
    smb__rw_quoted(w, top->title);
    smb__rw_printf(w, " ranks first by TOPSIS (score %s of 1) and removes %s of the threat "
                      "exposure on its own.",
                   smb__format_number(score, top->score, 2, false),
                   smb__format_number(removed, top->exposure_reduction, 2, false));
}

const smb_report_fact smb__fact_top_response = {has_ranking, say_top_response};

/* ---- the summary ---------------------------------------------------------- */

const smb_report_fact *const smb__summary_facts[] = {
    &smb__fact_threats,        &smb__fact_tail,           &smb__fact_plan,
    &smb__fact_dominant_force, &smb__fact_resilience,     &smb__fact_heat,
    &smb__fact_top_response,   &smb__fact_opportunities,  &smb__fact_canvas_findings,
    &smb__fact_canvas_evidence, &smb__fact_canvas_margin,
};
const size_t smb__summary_fact_count = sizeof smb__summary_facts / sizeof smb__summary_facts[0];

void smb__report_say(smb_rw *w, const smb_report_facts *f, const smb_report_fact *fact)
{
    if (!fact->applies(f))
        return;
    smb__rw_para(w);
    fact->say(w, f);
    smb__rw_para_end(w);
}
