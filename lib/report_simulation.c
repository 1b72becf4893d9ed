/* SPDX-License-Identifier: MIT */
/* The report's simulation section: how bad a bad outcome gets, which
 * threat weighs most in it, the histogram of the simulated loss totals
 * with value-at-risk and expected shortfall marked (when every total was
 * kept), the statistics of each side, the percentiles, and the threats'
 * shares of the expected shortfall. Every number is the result's own. */
#include <math.h>
#include <stdio.h>

#include "report_internal.h"

/* Most threats the table of expected-shortfall contributions lists. */
enum { TOP_CONTRIBUTIONS = 5 };

#define NONE "\xE2\x80\x94"

static void draw_histogram(const void *h, smb_buf *b)
{
    smb__render_histogram_svg(h, b);
}

static void put_histogram(smb_rw *w, const smb_sim_result *r)
{
    size_t n = 0;
    const double *totals = smb_sim_result_totals(r, SMB_SIM_LOSS, &n);
    if (!totals || n == 0) {
        smb__rw_note(w, "The simulation kept no per-outcome totals, so there is no histogram.");
        return;
    }
    const smb_sim_stats *loss = smb_sim_result_stats(r, SMB_SIM_LOSS);
    char level[SMB_AMOUNT_BUF], var[SMB_AMOUNT_BUF], es[SMB_AMOUNT_BUF];
    char var_label[2 * SMB_AMOUNT_BUF + 16], es_label[2 * SMB_AMOUNT_BUF + 16];
    smb__report_level(level, smb_sim_result_level(r));
    snprintf(var_label, sizeof var_label, "VaR %s: %s", level,
             smb__report_sim_value(var, r, loss->var));
    snprintf(es_label, sizeof es_label, "ES %s: %s", level,
             smb__report_sim_value(es, r, loss->es));
    smb_histogram h = {"Simulated threat totals",
                       smb_sim_result_measure(r) == SMB_SIM_MONEY ? "threat total (money)"
                                                                  : "threat total (severity)",
                       totals,
                       n,
                       smb_sim_result_measure(r) == SMB_SIM_MONEY,
                       loss->var,
                       loss->es,
                       var_label,
                       es_label};
    smb__rw_figure(w, draw_histogram, &h,
                   "How often each threat total came up: the tail from the value-at-risk "
                   "(VaR, dashed) on in red, the expected shortfall (ES, the tail's mean) "
                   "solid.",
                   true);
}

/* Whether any simulated scenario is an opportunity: the upside column is
 * shown only then. */
static bool has_upside(const smb_sim_result *r)
{
    size_t n = smb_sim_result_scenario_count(r);
    for (size_t i = 0; i < n; i++)
        if (smb_sim_result_scenario_at(r, i)->direction == SMB_DIRECTION_OPPORTUNITY)
            return true;
    return false;
}

static void put_row(smb_rw *w, const smb_sim_result *r, bool upside, const char *label,
                    double loss, double up)
{
    char a[SMB_AMOUNT_BUF], b[SMB_AMOUNT_BUF];
    smb__rw_cell_text(w, label);
    smb__rw_cell_text(w, smb__report_sim_value(a, r, loss));
    if (upside)
        smb__rw_cell_text(w, smb__report_sim_value(b, r, up));
}

static void put_statistics(smb_rw *w, const smb_sim_result *r)
{
    static const smb_rw_column columns[] = {
        {"Statistic", false}, {"Loss (threats)", true}, {"Upside (opportunities)", true}};
    bool upside = has_upside(r);
    const smb_sim_stats *l = smb_sim_result_stats(r, SMB_SIM_LOSS);
    const smb_sim_stats *u = smb_sim_result_stats(r, SMB_SIM_UPSIDE);
    char level[SMB_AMOUNT_BUF], label[64 + SMB_AMOUNT_BUF];
    smb__report_level(level, smb_sim_result_level(r));
    smb__rw_subheading(w, "Statistics");
    smb__rw_table(w, columns, upside ? 3 : 2);
    put_row(w, r, upside, "Mean", l->mean, u->mean);
    put_row(w, r, upside, "Standard deviation", l->std, u->std);
    put_row(w, r, upside, "Smallest", l->min, u->min);
    put_row(w, r, upside, "Largest", l->max, u->max);
    snprintf(label, sizeof label, "Value-at-risk at %s", level);
    put_row(w, r, upside, label, l->var, u->var);
    snprintf(label, sizeof label, "Expected shortfall at %s", level);
    put_row(w, r, upside, label, l->es, u->es);
    if (!isnan(smb_sim_result_threshold(r))) {
        char t[SMB_AMOUNT_BUF], pct[SMB_AMOUNT_BUF];
        snprintf(label, sizeof label, "Share of outcomes above %s",
                 smb__report_sim_value(t, r, smb_sim_result_threshold(r)));
        smb__rw_cell_text(w, label);
        smb__rw_cell_text(w, smb__report_percent(pct, l->exceed_prob));
        if (upside)
            smb__rw_cell_text(w, NONE);
    }
    smb__rw_table_end(w);

    size_t n = smb_sim_result_percentile_count(r);
    if (n == 0)
        return;
    smb__rw_subheading(w, "Percentiles");
    static const smb_rw_column pcolumns[] = {
        {"Percentile", true}, {"Loss (threats)", true}, {"Upside (opportunities)", true}};
    smb__rw_table(w, pcolumns, upside ? 3 : 2);
    for (size_t i = 0; i < n; i++) {
        char p[SMB_AMOUNT_BUF];
        smb__format_number(p, smb_sim_result_percentile_level(r, i), 2, true);
        put_row(w, r, upside, p, smb_sim_result_percentile(r, SMB_SIM_LOSS, i),
                smb_sim_result_percentile(r, SMB_SIM_UPSIDE, i));
    }
    smb__rw_table_end(w);
}

/* Whether threat `s` comes before `t` in the contributions table: the
 * larger contribution first, set order on a tie. */
static bool before(const smb_sim_scenario *s, const smb_sim_scenario *t)
{
    int order = smb__rank_desc(s->es_contribution, t->es_contribution);
    return order < 0 || (order == 0 && s->index < t->index);
}

/* The threat ranked `rank` (0-based) by contribution: the one with
 * exactly `rank` threats before it. A quadratic scan over the scenarios,
 * for a handful of rows, keeps the report free of a sorted copy. */
static const smb_sim_scenario *contribution_at(const smb_sim_result *r, size_t rank)
{
    size_t n = smb_sim_result_scenario_count(r);
    for (size_t i = 0; i < n; i++) {
        const smb_sim_scenario *s = smb_sim_result_scenario_at(r, i);
        if (s->direction != SMB_DIRECTION_THREAT)
            continue;
        size_t ahead = 0;
        for (size_t j = 0; j < n; j++) {
            const smb_sim_scenario *t = smb_sim_result_scenario_at(r, j);
            ahead += t->direction == SMB_DIRECTION_THREAT && before(t, s);
        }
        if (ahead == rank)
            return s;
    }
    return NULL;
}

static void put_contributions(smb_rw *w, const smb_report_facts *f)
{
    static const smb_rw_column columns[] = {{"Rank", true},
                                            {"Threat", false},
                                            {"Occurs in", true},
                                            {"Part of the expected shortfall", true},
                                            {"Share", true}};
    const smb_sim_result *r = f->simulation;
    const smb_sim_stats *loss = smb_sim_result_stats(r, SMB_SIM_LOSS);
    const smb_sim_scenario *first = contribution_at(r, 0);
    if (!first)
        return;
    smb__rw_subheading(w, "What drives the bad outcomes");
    smb__rw_table(w, columns, 5);
    for (size_t k = 0; k < TOP_CONTRIBUTIONS; k++) {
        const smb_sim_scenario *s = contribution_at(r, k);
        if (!s)
            break;
        char rate[SMB_AMOUNT_BUF], part[SMB_AMOUNT_BUF], share[SMB_AMOUNT_BUF];
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu", k + 1);
        smb__rw_cell_end(w);
        smb__rw_cell(w);
        smb__rw_user(w, smb_scenario_title(smb_scenarios_find(f->scenarios, s->id)));
        smb__rw_text(w, " ");
        smb__rw_code(w, s->id);
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, smb__report_percent(rate, s->occurrence_rate));
        smb__rw_cell_text(w, smb__report_sim_value(part, r, s->es_contribution));
        smb__rw_cell_text(w, smb__report_percent(share,
                                                 smb__report_share(s->es_contribution, loss->es)));
    }
    smb__rw_table_end(w);
}

void smb__report_simulation(smb_rw *w, const smb_report_facts *f)
{
    const smb_sim_result *r = f->simulation;
    if (!r) {
        smb__rw_note(w, "No simulation was run for this report, so it does not say how bad a "
                        "bad outcome can get when several disruptions land together.");
        return;
    }
    smb__rw_para(w);
    smb__report_say_sim_basis(w, r);
    smb__rw_para_end(w);
    smb__report_say(w, f, &smb__fact_tail);
    smb__report_say(w, f, &smb__fact_tail_driver);
    smb__rw_para(w);
    smb__report_say_sim_mean(w, r);
    if (!isnan(smb_sim_result_threshold(r))) {
        smb__rw_text(w, " ");
        smb__report_say_sim_threshold(w, r);
    }
    smb__rw_text(w, " ");
    smb__report_say_sim_accuracy(w, r);
    smb__rw_para_end(w);
    put_histogram(w, r);
    put_statistics(w, r);
    put_contributions(w, f);
}
