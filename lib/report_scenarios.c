/* SPDX-License-Identifier: MIT */
/* The report's scenario section: what the threats and opportunities mean,
 * what the scores rest on, the risk-matrix heat map, and the ranked
 * threats and opportunities with each one's share of its direction's
 * exposure. */
#include "report_internal.h"

static void draw_matrix(const void *view, smb_buf *b)
{
    smb__render_scenarios_svg(view, b, false);
}

static void put_ranked(smb_rw *w, const smb_report_facts *f, smb_direction direction)
{
    static const smb_rw_column columns[] = {
        {"Rank", true},     {"Scenario", false},       {"Source", false},
        {"p", true},        {"Impact", true},          {"Exposure", true},
        {"Share of total", true}, {"Cell (L \xC3\x97 I)", false}, {"Band", false}};
    bool threats = direction == SMB_DIRECTION_THREAT;
    size_t n = smb_scenario_scores_ranked_count(f->scores, direction);
    smb__rw_subheading(w, threats ? "Threats" : "Opportunities");
    if (n == 0) {
        smb__rw_note(w, threats ? "No threats." : "No opportunities.");
        return;
    }
    smb__rw_para(w);
    smb__rw_text(w, threats ? smb__threats_intro : smb__opportunities_intro);
    smb__rw_para_end(w);
    double total = smb_scenario_scores_totals(f->scores, direction)->exposure;
    smb__rw_table(w, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < n; i++) {
        const smb_scenario_score *s = smb_scenario_scores_ranked_at(f->scores, direction, i);
        smb_scenario_cells c;
        char share[SMB_AMOUNT_BUF];
        smb__scenario_cells(s, &c);
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu", s->rank);
        smb__rw_cell_end(w);
        smb__rw_cell(w);
        smb__rw_user(w, s->title);
        smb__rw_text(w, " ");
        smb__rw_code(w, s->id);
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, smb_source_title(s->source));
        smb__rw_cell_text(w, c.likelihood);
        smb__rw_cell_text(w, c.impact);
        smb__rw_cell_text(w, c.exposure);
        smb__rw_cell_text(w, smb__report_percent(share, smb__report_share(s->exposure, total)));
        smb__rw_cell_text(w, c.cell);
        smb__rw_cell_text(w, smb_risk_band_key(s->band));
    }
    smb__rw_table_end(w);
}

void smb__report_scenarios(smb_rw *w, const smb_report_facts *f)
{
    if (!f->scenarios) {
        smb__rw_note(w, "The document has no disruption scenarios: this section is skipped.");
        return;
    }
    smb__report_say(w, f, &smb__fact_threats);
    smb__report_say(w, f, &smb__fact_no_threats);
    smb__report_say(w, f, &smb__fact_opportunities);
    smb__report_say(w, f, &smb__fact_money);
    smb__rw_para(w);
    smb_scenarios_view view = {f->scenarios, f->resilience, f->scores};
    /* Plain sentences without markup or document text (render_internal.h). */
    smb_buf basis;
    smb__buf_init(&basis);
    smb__scenarios_put_basis(&view, &basis);
    smb__buf_puts(&basis, " ");
    smb__risk_put_scale(&basis);
    if (basis.failed)
        w->b->failed = true;
    else
        smb__rw_text(w, basis.data);
    smb__buf_free(&basis);
    smb__rw_para_end(w);
    smb__rw_figure(w, draw_matrix, &view,
                   "The risk matrix: likelihood level across, impact level up, each cell "
                   "coloured by its band; threats are dark tags, opportunities outlined ones.",
                   false);
    put_ranked(w, f, SMB_DIRECTION_THREAT);
    put_ranked(w, f, SMB_DIRECTION_OPPORTUNITY);
}
