/* SPDX-License-Identifier: MIT */
/* What the three scenario writers share: the colours of the risk bands,
 * the figures of a scored scenario as the tables print them, and the
 * probability bounds of the matrix's columns. */
#include <stdio.h>

#include "render_internal.h"

/* Green, amber and red as for the forces, with orange for "high" so that
 * four bands stay four steps of one scale. Fills are light enough for dark
 * text and for the matrix's markers to stand out on them. */
static const smb_band_style risk_styles[SMB_RISK_BAND_COUNT + 1] = {
    [SMB_RISK_BAND_LOW] = {"#dcfce7", "#16a34a", "#166534", NULL},
    [SMB_RISK_BAND_MEDIUM] = {"#fef3c7", "#d97706", "#92400e", NULL},
    [SMB_RISK_BAND_HIGH] = {"#fed7aa", "#ea580c", "#9a3412", NULL},
    [SMB_RISK_BAND_CRITICAL] = {"#fecaca", "#dc2626", "#991b1b", NULL},
    [SMB_RISK_BAND_COUNT] = {"#ffffff", "#9ca3af", "#4b5563", "6 4"}, /* no band */
};

const smb_band_style *smb__risk_band_style(smb_risk_band band)
{
    if ((unsigned)band >= SMB_RISK_BAND_COUNT)
        return &risk_styles[SMB_RISK_BAND_COUNT];
    return &risk_styles[band];
}

void smb__scenario_cells(const smb_scenario_score *s, smb_scenario_cells *c)
{
    smb__format_number(c->likelihood, s->likelihood, 2, true);
    smb__format_number(c->impact, s->impact, 2, true);
    smb__format_number(c->exposure, s->exposure, 2, false);
    smb__format_number(c->urgency_weighted, s->urgency_weighted, 2, false);
    /* Levels are 1..5 and the rating 1..25: the text always fits. */
    snprintf(c->cell, sizeof c->cell, "%d \xC3\x97 %d = %d", s->likelihood_level,
             s->impact_level, s->rating);
}

double smb__risk_level_floor(int level)
{
    static const double floors[] = {0.0, SMB_RISK_LIKELIHOOD_2, SMB_RISK_LIKELIHOOD_3,
                                    SMB_RISK_LIKELIHOOD_4, SMB_RISK_LIKELIHOOD_5, 1.0};
    if (level < 1)
        return 0.0;
    if (level > 5)
        return 1.0;
    return floors[level - 1];
}

bool smb__scenarios_have_money(const smb_scenarios_view *v)
{
    size_t n = smb_scenario_scores_count(v->scores);
    for (size_t i = 0; i < n; i++)
        if (smb_scenario_scores_at(v->scores, i)->has_money)
            return true;
    return false;
}

void smb__scenarios_put_basis(const smb_scenarios_view *v, smb_buf *b)
{
    char index[SMB_AMOUNT_BUF], weakest[SMB_AMOUNT_BUF], m[SMB_AMOUNT_BUF], h[SMB_AMOUNT_BUF];
    double r = 0.0, w = 0.0;
    smb_capability cap = SMB_CAPABILITY_NONE;
    /* Both succeed for a non-NULL profile; asking only then keeps a
     * successful render from leaving an error message behind. */
    if (v->resilience && smb_resilience_index(v->resilience, &r) == SMB_OK &&
        smb_resilience_weakest_link(v->resilience, &w, &cap) == SMB_OK)
        smb__buf_printf(b,
                        "Scored against the resilience profile: index %s, weakest link %s "
                        "at %s (both from 0 to 1).",
                        smb__format_number(index, r, 2, false), smb_capability_title(cap),
                        smb__format_number(weakest, w, 2, false));
    else
        smb__buf_puts(b, "Scored without a resilience profile: every capability counts as "
                         "0, so no scenario earns mitigation credit.");
    smb__buf_printf(b, " Mitigation strength m = %s; urgency half-life %s months.",
                    smb__format_number(m, smb_scenario_scores_mitigation(v->scores), 2, true),
                    smb__format_number(h, smb_scenario_scores_half_life(v->scores), 2, true));
}

const char smb__threats_intro[] =
    "Ranked by exposure = likelihood \xC3\x97 impact \xC3\x97 vulnerability (1 \xE2\x88\x92 "
    "m\xC2\xB7R, R the mean maturity of the capabilities that mitigate the threat, "
    "divided by 5); urgency-weighted exposure = exposure \xC3\x97 0.5^(horizon / half-life).";
const char smb__opportunities_intro[] =
    "Ranked by exposure = likelihood \xC3\x97 impact \xC3\x97 readiness (1 \xE2\x88\x92 "
    "m\xC2\xB7(1 \xE2\x88\x92 R)): the better placed the business, the more of the "
    "opportunity it can seize.";

char *smb__risk_band_range(char dst[SMB_AMOUNT_BUF], smb_risk_band band)
{
    static const int top[SMB_RISK_BAND_COUNT] = {SMB_RISK_LOW_MAX, SMB_RISK_MEDIUM_MAX,
                                                 SMB_RISK_HIGH_MAX, 25};
    if ((unsigned)band >= SMB_RISK_BAND_COUNT) {
        dst[0] = '\0';
        return dst;
    }
    int low = band == SMB_RISK_BAND_LOW ? 1 : top[band - 1] + 1;
    snprintf(dst, SMB_AMOUNT_BUF, "%d\xE2\x80\x93%d", low, top[band]);
    return dst;
}

void smb__risk_put_scale(smb_buf *b)
{
    char p[SMB_AMOUNT_BUF];
    smb__buf_printf(b, "Risk-matrix cells: likelihood level L (1: p below %s",
                    smb__format_number(p, smb__risk_level_floor(2), 2, true));
    for (int level = 2; level <= 5; level++)
        smb__buf_printf(b, "; %d: from %s", level,
                        smb__format_number(p, smb__risk_level_floor(level), 2, true));
    smb__buf_puts(b, ") \xC3\x97 impact level I (the impact rounded half up); bands by "
                     "rating:");
    for (int k = 0; k < SMB_RISK_BAND_COUNT; k++) {
        char range[SMB_AMOUNT_BUF];
        smb__buf_printf(b, "%s %s %s", k ? "," : "", smb_risk_band_key((smb_risk_band)k),
                        smb__risk_band_range(range, (smb_risk_band)k));
    }
    smb__buf_puts(b, ".");
}
