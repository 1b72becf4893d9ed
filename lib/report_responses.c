/* SPDX-License-Identifier: MIT */
/* The report's responses section: the portfolio the budget buys (or why
 * there is none), the best-ranked response, the ranking by TOPSIS, the
 * chosen responses with what each adds, and the threat exposure left
 * threat by threat. */
#include "report_internal.h"

static void put_ranking(smb_rw *w, const smb_report_facts *f)
{
    static const smb_rw_column columns[] = {{"Rank", true},
                                            {"Response", false},
                                            {"Score (0\xE2\x80\x93" "1)", true},
                                            {"Exposure removed alone", true},
                                            {"Cost", true},
                                            {"Months", true}};
    size_t n = smb_response_ranking_count(f->ranking);
    smb__rw_subheading(w, "Ranking");
    if (n == 0) {
        smb__rw_note(w, "The responses section lists no response.");
        return;
    }
    smb__rw_para(w);
    smb__rw_printf(w, "Ranked by TOPSIS (closeness to the ideal response) on %zu weighted "
                      "criteria: the exposure each removes on its own, its cost and months, its "
                      "feasibility, viability, desirability and strategic alignment, and any "
                      "criteria of the document's own.",
                   smb_response_ranking_criterion_count(f->ranking));
    smb__rw_para_end(w);
    smb__rw_table(w, columns, 6);
    for (size_t i = 0; i < n; i++) {
        const smb_response_rank *r = smb_response_ranking_ranked_at(f->ranking, i);
        const smb_response *resp = smb_responses_at(f->responses, r->index);
        char score[SMB_AMOUNT_BUF], removed[SMB_AMOUNT_BUF], cost[SMB_AMOUNT_BUF];
        char months[SMB_AMOUNT_BUF];
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu", r->rank);
        smb__rw_cell_end(w);
        smb__rw_cell(w);
        smb__rw_user(w, r->title);
        smb__rw_text(w, " ");
        smb__rw_code(w, r->id);
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, smb__format_number(score, r->score, 2, false));
        smb__rw_cell_text(w, smb__format_number(removed, r->exposure_reduction, 2, false));
        smb__rw_cell_text(w, smb__format_amount(cost, smb_response_cost(resp)));
        smb__rw_cell_text(w, smb__format_number(months, smb_response_months(resp), 2, true));
    }
    smb__rw_table_end(w);
}

static void put_portfolio(smb_rw *w, const smb_portfolio *p)
{
    static const smb_rw_column columns[] = {{"Response", false},
                                            {"Cost", true},
                                            {"Months", true},
                                            {"Adds", true},
                                            {"Lost without it", true}};
    size_t n = smb_portfolio_count(p);
    if (n == 0)
        return;
    smb__rw_subheading(w, "Portfolio within the budget");
    smb__rw_para(w);
    smb__rw_printf(w, "The %s choice among %zu candidate%s: the affordable set that leaves the "
                      "least threat exposure. Adds: the exposure each removes on top of the rows "
                      "above it; lost without it: what the portfolio would lose if it were left "
                      "out.",
                   smb_plan_method_key(smb_portfolio_method(p)), smb_portfolio_candidate_count(p),
                   smb_portfolio_candidate_count(p) == 1 ? "" : "s");
    smb__rw_para_end(w);
    smb__rw_table(w, columns, 5);
    for (size_t i = 0; i < n; i++) {
        const smb_portfolio_item *it = smb_portfolio_at(p, i);
        char cost[SMB_AMOUNT_BUF], months[SMB_AMOUNT_BUF], adds[SMB_AMOUNT_BUF];
        char without[SMB_AMOUNT_BUF];
        smb__rw_cell(w);
        smb__rw_user(w, it->title);
        smb__rw_text(w, " ");
        smb__rw_code(w, it->id);
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, smb__format_amount(cost, it->cost));
        smb__rw_cell_text(w, smb__format_number(months, it->months, 2, true));
        smb__rw_cell_text(w, smb__format_number(adds, it->incremental, 2, false));
        smb__rw_cell_text(w, smb__format_number(without, it->marginal, 2, false));
    }
    smb__rw_table_end(w);
}

static void put_residual(smb_rw *w, const smb_report_facts *f)
{
    static const smb_rw_column columns[] = {
        {"Threat", false}, {"Exposure before", true}, {"After", true}};
    size_t n = smb_residual_scenario_count(f->residual);
    if (n == 0)
        return;
    smb__rw_subheading(w, "Residual exposure");
    smb__rw_table(w, columns, 3);
    for (size_t i = 0; i < n; i++) {
        const smb_residual_scenario *t = smb_residual_scenario_at(f->residual, i);
        char before[SMB_AMOUNT_BUF], after[SMB_AMOUNT_BUF];
        smb__rw_cell(w);
        smb__rw_user(w, smb_scenario_title(smb_scenarios_find(f->scenarios, t->id)));
        smb__rw_text(w, " ");
        smb__rw_code(w, t->id);
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, smb__format_number(before, t->base, 2, false));
        smb__rw_cell_text(w, smb__format_number(after, t->residual, 2, false));
    }
    smb__rw_cell_text(w, "All threats");
    char before[SMB_AMOUNT_BUF], after[SMB_AMOUNT_BUF];
    smb__rw_cell_text(w, smb__format_number(before, smb_residual_base(f->residual), 2, false));
    smb__rw_cell_text(w, smb__format_number(after, smb_residual_total(f->residual), 2, false));
    smb__rw_table_end(w);
}

void smb__report_responses(smb_rw *w, const smb_report_facts *f)
{
    if (!f->responses) {
        smb__rw_note(w, "The document has no responses: this section is skipped.");
        return;
    }
    smb__report_say(w, f, &smb__fact_plan);
    smb__report_say(w, f, &smb__fact_no_budget);
    smb__report_say(w, f, &smb__fact_top_response);
    put_ranking(w, f);
    if (f->portfolio) {
        put_portfolio(w, f->portfolio);
        put_residual(w, f);
    }
}
