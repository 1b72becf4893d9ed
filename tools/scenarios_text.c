/* SPDX-License-Identifier: MIT */
/* The resilience and scenario sections of smbstrat score's text report:
 * the profile, the ranked threats and opportunities as aligned tables
 * with their totals, the stress tests of the five forces and the heat on
 * the canvas. Colour marks the risk bands on a terminal only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

void cli_resilience_text(const smb_resilience *res)
{
    double index = 0.0, weakest = 0.0;
    smb_capability capability = SMB_CAPABILITY_NONE;
    char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];
    size_t w = strlen("CAPABILITY");

    if (smb_resilience_index(res, &index) != SMB_OK ||
        smb_resilience_weakest_link(res, &weakest, &capability) != SMB_OK)
        return;
    printf("Resilience index %s, weakest link %s at %s (both from 0 to 1).\n",
           cli_fixed(a, index), smb_capability_key(capability), cli_fixed(b, weakest));
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        w = max_size(w, strlen(smb_capability_key((smb_capability)c)));
    printf("%-*s  %8s  %6s\n", (int)w, "CAPABILITY", "MATURITY", "WEIGHT");
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        printf("%-*s  %8s  %6s\n", (int)w, smb_capability_key((smb_capability)c),
               cli_fixed(a, smb_resilience_maturity(res, (smb_capability)c)),
               cli_number(b, smb_resilience_weight(res, (smb_capability)c)));
}

/* ---- ranked scenarios --------------------------------------------------- */

/* Column widths of one direction's table: as wide as the heading or the
 * widest entry. */
typedef struct widths {
    size_t id, source;
} widths;

static widths table_widths(const smb_scenario_scores *scores, smb_direction direction)
{
    widths w = {strlen("ID"), strlen("SOURCE")};
    size_t n = smb_scenario_scores_ranked_count(scores, direction);
    for (size_t i = 0; i < n; i++) {
        const smb_scenario_score *s = smb_scenario_scores_ranked_at(scores, direction, i);
        w.id = max_size(w.id, strlen(s->id));
        w.source = max_size(w.source, strlen(smb_source_key(s->source)));
    }
    return w;
}

static void print_row(const smb_scenario_score *s, widths w, const cli_ctx *ctx)
{
    char p[CLI_NUMBER_BUF], impact[CLI_NUMBER_BUF], e[CLI_NUMBER_BUF], u[CLI_NUMBER_BUF];
    char cell[32];
    snprintf(cell, sizeof cell, "%dx%d=%d", s->likelihood_level, s->impact_level, s->rating);
    printf("%4zu  %-*s  %-*s  %4s  %6s  %8s  %16s  %-6s  ", s->rank, (int)w.id, s->id,
           (int)w.source, smb_source_key(s->source), cli_fixed(p, s->likelihood),
           cli_fixed(impact, s->impact), cli_fixed(e, s->exposure),
           cli_fixed(u, s->urgency_weighted), cell);
    cli_put_padded(stdout, ctx, cli_risk_colour(s->band), smb_risk_band_key(s->band), 8);
    fputs("  ", stdout);
    cli_put_text(stdout, s->title);
    fputc('\n', stdout);
}

/* Whether any scenario of `direction` has a money impact: only then is
 * its money exposure worth a mention. */
static int any_money(const smb_scenario_scores *scores, smb_direction direction)
{
    size_t n = smb_scenario_scores_ranked_count(scores, direction);
    for (size_t i = 0; i < n; i++)
        if (smb_scenario_scores_ranked_at(scores, direction, i)->has_money)
            return 1;
    return 0;
}

static void print_totals(const smb_scenario_scores *scores, smb_direction direction)
{
    const smb_scenario_totals *t = smb_scenario_scores_totals(scores, direction);
    int threats = direction == SMB_DIRECTION_THREAT;
    char e[CLI_NUMBER_BUF], u[CLI_NUMBER_BUF], m[CLI_NUMBER_BUF];
    printf("Total of %zu %s: exposure %s, urgency-weighted %s", t->count,
           t->count == 1 ? (threats ? "threat" : "opportunity")
                         : (threats ? "threats" : "opportunities"),
           cli_fixed(e, t->exposure), cli_fixed(u, t->urgency_weighted));
    if (any_money(scores, direction))
        printf(", money exposure %s", cli_amount(m, t->money_exposure));
    fputs("; bands:", stdout);
    for (int k = 0; k < SMB_RISK_BAND_COUNT; k++)
        printf("%s %zu %s", k ? "," : "", t->band_count[k], smb_risk_band_key((smb_risk_band)k));
    fputs(".\n", stdout);
}

static void print_direction(const smb_scenario_scores *scores, smb_direction direction,
                            const cli_ctx *ctx)
{
    int threats = direction == SMB_DIRECTION_THREAT;
    const char *what = threats ? "threats" : "opportunities";
    size_t n = smb_scenario_scores_ranked_count(scores, direction);

    printf("\n%s, ranked by exposure (likelihood x impact x %s):\n",
           threats ? "Threats" : "Opportunities", threats ? "vulnerability" : "readiness");
    if (n == 0) {
        printf("No %s.\n", what);
        return;
    }
    widths w = table_widths(scores, direction);
    printf("%4s  %-*s  %-*s  %4s  %6s  %8s  %16s  %-6s  %-8s  TITLE\n", "RANK", (int)w.id, "ID",
           (int)w.source, "SOURCE", "P", "IMPACT", "EXPOSURE", "URGENCY-WEIGHTED", "CELL",
           "BAND");
    for (size_t i = 0; i < n; i++)
        print_row(smb_scenario_scores_ranked_at(scores, direction, i), w, ctx);
    print_totals(scores, direction);
}

/* ---- stress tests and heat ---------------------------------------------- */

static void print_stress(const smb_stress *stress, const smb_forces *before, const cli_ctx *ctx)
{
    size_t n = smb_stress_shift_count(stress), unapplied = smb_stress_unapplied_count(stress);
    printf("%s: %zu shift%s", smb_stress_scenario(stress), n, n == 1 ? "" : "s");
    if (unapplied > 0) {
        const char *sep = ": ";
        printf(", %zu not applied (driver unrated)", unapplied);
        for (size_t i = 0; i < n; i++) {
            const smb_shift_outcome *o = smb_stress_shift_at(stress, i);
            if (o->applied)
                continue;
            printf("%s%s/%s", sep, smb_force_key(o->force), o->driver);
            sep = ", ";
        }
    }
    fputc('\n', stdout);
    cli_forces_scores_text(smb_stress_comparison(stress), before, smb_stress_forces(stress), "  ",
                           ctx);
}

static void print_heat(const smb_canvas_heat *heat, int with_canvas)
{
    size_t w = strlen("BLOCK");
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        w = max_size(w, strlen(smb_block_key((smb_block)k)));
    printf("\nHeat on the canvas (threat exposure x block weight, hottest first):\n");
    printf("%-*s  %6s  %16s  %5s  %7s%s\n", (int)w, "BLOCK", "HEAT", "URGENCY-WEIGHTED", "SHARE",
           "THREATS", with_canvas ? "  ITEMS" : "");
    for (size_t i = 0; i < SMB_BLOCK_COUNT; i++) {
        const smb_block_heat *h = smb_canvas_heat_at(heat, i);
        char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF], c[CLI_NUMBER_BUF];
        printf("%-*s  %6s  %16s  %5s  %7zu", (int)w, smb_block_key(h->block),
               cli_fixed(a, h->heat), cli_fixed(b, h->urgency_weighted), cli_fixed(c, h->share),
               h->scenarios);
        if (with_canvas)
            printf("  %5zu", h->items);
        fputc('\n', stdout);
    }
}

void cli_scenarios_text(const cli_scenarios_report *r, const cli_ctx *ctx)
{
    char m[CLI_NUMBER_BUF], h[CLI_NUMBER_BUF];
    if (!r->scores)
        return;
    printf("Scenarios: %zu, scored %s; mitigation strength m = %s, urgency half-life %s "
           "months.\n",
           smb_scenario_scores_count(r->scores),
           r->resilience ? "against the resilience profile"
                         : "without a resilience profile (no mitigation credit)",
           cli_number(m, smb_scenario_scores_mitigation(r->scores)),
           cli_number(h, smb_scenario_scores_half_life(r->scores)));
    print_direction(r->scores, SMB_DIRECTION_THREAT, ctx);
    print_direction(r->scores, SMB_DIRECTION_OPPORTUNITY, ctx);
    if (r->forces) {
        printf("\nStress tests (each scenario's driver shifts applied to the five forces):\n");
        if (r->stress_count == 0)
            printf("No scenario shifts a driver.\n");
        for (size_t i = 0; i < r->stress_count; i++)
            print_stress(r->stress[i], r->forces, ctx);
    }
    print_heat(r->heat, r->canvas != NULL);
}
