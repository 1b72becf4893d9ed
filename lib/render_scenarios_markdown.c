/* SPDX-License-Identifier: MIT */
/* A scored scenario set as GitHub-flavoured Markdown: what the scores rest
 * on, the ranked threats and the ranked opportunities as tables, and the
 * totals of each direction. User text goes through smb__render_put_md,
 * which escapes table pipes and flattens line breaks, so that it stays
 * inside its cell. */
#include "render_internal.h"

/* The dash that stands for "no value" in a table cell. */
#define NONE "\xE2\x80\x94"

static void put_row(smb_buf *b, const smb_scenario_score *s)
{
    smb_scenario_cells c;
    smb__scenario_cells(s, &c);
    /* Ids are ASCII letters, digits, '_', '-' and '.': safe in a code span. */
    smb__buf_printf(b, "| %zu | `%s` | ", s->rank, s->id);
    smb__render_put_md(b, s->title, false);
    smb__buf_printf(b, " | %s | %s | %s | %s | %s | %s | %s |\n", smb_source_title(s->source),
                    c.likelihood, c.impact, c.exposure, c.urgency_weighted, c.cell,
                    smb_risk_band_key(s->band));
}

static void put_direction(const smb_scenarios_view *v, smb_buf *b, smb_direction direction)
{
    bool threats = direction == SMB_DIRECTION_THREAT;
    smb__buf_printf(b, "\n## %s\n\n", threats ? "Threats" : "Opportunities");
    size_t n = smb_scenario_scores_ranked_count(v->scores, direction);
    if (n == 0) {
        smb__buf_printf(b, "_No %s._\n", threats ? "threats" : "opportunities");
        return;
    }
    smb__buf_printf(b, "%s\n\n", threats ? smb__threats_intro : smb__opportunities_intro);
    smb__buf_puts(b, "| Rank | Id | Title | Source | p | Impact | Exposure | Urgency-weighted "
                     "| Cell (L \xC3\x97 I = rating) | Band |\n"
                     "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (size_t i = 0; i < n; i++)
        put_row(b, smb_scenario_scores_ranked_at(v->scores, direction, i));
}

static void put_totals(const smb_scenarios_view *v, smb_buf *b)
{
    bool money = smb__scenarios_have_money(v);
    smb__buf_printf(b, "\n## Totals\n\nThreat and opportunity totals are never added "
                       "together.\n\n| Direction | Scenarios | Exposure | Urgency-weighted%s "
                       "| Low | Medium | High | Critical |\n| --- | ---: | ---: | ---:%s "
                       "| ---: | ---: | ---: | ---: |\n",
                    money ? " | Money exposure" : "", money ? " | ---:" : "");
    for (int d = 0; d < SMB_DIRECTION_COUNT; d++) {
        const smb_scenario_totals *t = smb_scenario_scores_totals(v->scores, (smb_direction)d);
        char e[SMB_AMOUNT_BUF], u[SMB_AMOUNT_BUF], m[SMB_AMOUNT_BUF];
        smb__buf_printf(b, "| %s | %zu | %s | %s", d == SMB_DIRECTION_THREAT ? "Threats"
                                                                            : "Opportunities",
                        t->count, smb__format_number(e, t->exposure, 2, false),
                        smb__format_number(u, t->urgency_weighted, 2, false));
        if (money)
            smb__buf_printf(b, " | %s", smb__format_amount(m, t->money_exposure));
        for (int k = 0; k < SMB_RISK_BAND_COUNT; k++)
            smb__buf_printf(b, " | %zu", t->band_count[k]);
        smb__buf_puts(b, " |\n");
    }
}

void smb__render_scenarios_markdown(const smb_scenarios_view *v, smb_buf *b)
{
    smb__buf_puts(b, "# Disruption scenarios\n\n");
    smb__scenarios_put_basis(v, b);
    smb__buf_puts(b, "\n");
    put_direction(v, b, SMB_DIRECTION_THREAT);
    put_direction(v, b, SMB_DIRECTION_OPPORTUNITY);
    put_totals(v, b);
    smb__buf_puts(b, "\n");
    smb__risk_put_scale(b);
    smb__buf_puts(b, "\n");
}
