/* SPDX-License-Identifier: MIT */
/* A scored scenario set as one self-contained HTML5 page: what the scores
 * rest on, the risk matrix inline, then the ranked threats, the ranked
 * opportunities and the totals as tables, so that the page reads fully
 * without the picture. No scripts, no external resources; all user text
 * escaped. */
#include "render_internal.h"

/* After the shared rules of render_page.c; the band colours follow. */
static const char style[] =
    "td.band{font-weight:bold}\n"
    ".key{color:#6b7280;font-size:.85em}\n"
    /* A bidi override in user text must not reorder the cells after it. */
    ".text{unicode-bidi:isolate}\n";

/* The shared table rules, then band colours as classes, from the same
 * table as the matrix's. */
static void put_extra_style(smb_buf *b)
{
    smb__buf_puts(b, smb__html_table_style);
    for (int k = 0; k < SMB_RISK_BAND_COUNT; k++) {
        const smb_band_style *st = smb__risk_band_style((smb_risk_band)k);
        smb__buf_printf(b, "td.band-%s{background:%s;color:%s}\n",
                        smb_risk_band_key((smb_risk_band)k), st->fill, st->text);
    }
}

static void put_row(smb_buf *b, const smb_scenario_score *s)
{
    smb_scenario_cells c;
    smb__scenario_cells(s, &c);
    const char *band = smb_risk_band_key(s->band);
    /* Ids are ASCII letters, digits, '_', '-' and '.'; escaped all the same. */
    smb__buf_printf(b, "<tr id=\"scenario-");
    smb__buf_put_xml(b, s->id);
    smb__buf_printf(b, "\"><td class=\"num\">%zu</td><td class=\"key\">", s->rank);
    smb__buf_put_xml(b, s->id);
    smb__buf_puts(b, "</td><td><span class=\"text\">");
    smb__render_put_xml_text(b, s->title);
    smb__buf_printf(b,
                    "</span></td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                    "<td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td>"
                    "<td class=\"band band-%s\">%s</td></tr>\n",
                    smb_source_title(s->source), c.likelihood, c.impact, c.exposure,
                    c.urgency_weighted, c.cell, band, band);
}

static void put_direction(const smb_scenarios_view *v, smb_buf *b, smb_direction direction)
{
    bool threats = direction == SMB_DIRECTION_THREAT;
    const char *key = threats ? "threats" : "opportunities";
    smb__buf_printf(b, "<section aria-labelledby=\"h-%s\">\n<h2 id=\"h-%s\">%s</h2>\n", key, key,
                    threats ? "Threats" : "Opportunities");
    size_t n = smb_scenario_scores_ranked_count(v->scores, direction);
    if (n == 0) {
        smb__buf_printf(b, "<p><em>No %s.</em></p>\n</section>\n", key);
        return;
    }
    smb__buf_printf(b,
                    "<p>%s</p>\n<table class=\"%s\">\n<thead><tr><th scope=\"col\">Rank</th>"
                    "<th scope=\"col\">Id</th><th scope=\"col\">Title</th>"
                    "<th scope=\"col\">Source</th><th scope=\"col\">p</th>"
                    "<th scope=\"col\">Impact</th><th scope=\"col\">Exposure</th>"
                    "<th scope=\"col\">Urgency-weighted</th>"
                    "<th scope=\"col\">Cell (L \xC3\x97 I = rating)</th>"
                    "<th scope=\"col\">Band</th></tr></thead>\n<tbody>\n",
                    threats ? smb__threats_intro : smb__opportunities_intro, key);
    for (size_t i = 0; i < n; i++)
        put_row(b, smb_scenario_scores_ranked_at(v->scores, direction, i));
    smb__buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void put_totals(const smb_scenarios_view *v, smb_buf *b)
{
    bool money = smb__scenarios_have_money(v);
    smb__buf_printf(b, "<section aria-labelledby=\"h-totals\">\n<h2 id=\"h-totals\">Totals</h2>\n"
                       "<p>Threat and opportunity totals are never added together.</p>\n"
                       "<table class=\"totals\">\n<thead><tr><th scope=\"col\">Direction</th>"
                       "<th scope=\"col\">Scenarios</th><th scope=\"col\">Exposure</th>"
                       "<th scope=\"col\">Urgency-weighted</th>%s",
                    money ? "<th scope=\"col\">Money exposure</th>" : "");
    for (int k = 0; k < SMB_RISK_BAND_COUNT; k++)
        smb__buf_printf(b, "<th scope=\"col\">%s</th>", smb_risk_band_key((smb_risk_band)k));
    smb__buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (int d = 0; d < SMB_DIRECTION_COUNT; d++) {
        const smb_scenario_totals *t = smb_scenario_scores_totals(v->scores, (smb_direction)d);
        char e[SMB_AMOUNT_BUF], u[SMB_AMOUNT_BUF], m[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<tr><th scope=\"row\">%s</th><td class=\"num\">%zu</td>"
                        "<td class=\"num\">%s</td><td class=\"num\">%s</td>",
                        d == SMB_DIRECTION_THREAT ? "Threats" : "Opportunities", t->count,
                        smb__format_number(e, t->exposure, 2, false),
                        smb__format_number(u, t->urgency_weighted, 2, false));
        if (money)
            smb__buf_printf(b, "<td class=\"num\">%s</td>",
                            smb__format_amount(m, t->money_exposure));
        for (int k = 0; k < SMB_RISK_BAND_COUNT; k++)
            smb__buf_printf(b, "<td class=\"num\">%zu</td>", t->band_count[k]);
        smb__buf_puts(b, "</tr>\n");
    }
    smb__buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

void smb__render_scenarios_html(const smb_scenarios_view *v, smb_buf *b)
{
    smb__html_open(b, "Disruption scenarios", NULL, NULL, style, put_extra_style);
    smb__buf_puts(b, "<main>\n<p class=\"basis\">");
    smb__scenarios_put_basis(v, b);
    smb__buf_puts(b, "</p>\n<figure>\n");
    smb__render_scenarios_svg(v, b, false);
    smb__buf_puts(b, "<figcaption>");
    smb__risk_put_scale(b);
    smb__buf_puts(b, " Every scenario is listed in full below.</figcaption>\n</figure>\n");
    put_direction(v, b, SMB_DIRECTION_THREAT);
    put_direction(v, b, SMB_DIRECTION_OPPORTUNITY);
    put_totals(v, b);
    smb__buf_puts(b, "</main>\n</body>\n</html>\n");
}
