/* SPDX-License-Identifier: MIT */
/* The resilience and scenario sections of smbstrat score's text report:
 * the profile, the ranked threats and opportunities as aligned tables
 * with their totals, the stress tests of the five forces and the heat on
 * the canvas. Colour marks the risk bands on a terminal only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void fill_capability(const void *data, size_t row, cli_cell *cells,
                            char (*scratch)[CLI_CELL_BUF])
{
    smb_capability c = (smb_capability)row;

    cells[0].text = smb_capability_key(c);
    cells[1].text = cli_fixed(scratch[1], smb_resilience_maturity(data, c));
    cells[2].text = cli_number(scratch[2], smb_resilience_weight(data, c));
}

void cli_resilience_text(const smb_resilience *res, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"CAPABILITY", 0, CLI_FIT_KEEP, 0},
        {"MATURITY", 1, CLI_FIT_KEEP, 0},
        {"WEIGHT", 1, CLI_FIT_KEEP, 0},
    };
    cli_table table = {columns, 3, SMB_CAPABILITY_COUNT, fill_capability, res};
    double index = 0.0, weakest = 0.0;
    smb_capability capability = SMB_CAPABILITY_NONE;
    char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];

    if (smb_resilience_index(res, &index) != SMB_OK ||
        smb_resilience_weakest_link(res, &weakest, &capability) != SMB_OK)
        return;
    cli_paragraph(stdout, ctx, "Resilience index %s, weakest link %s at %s (both from 0 to 1).",
                  cli_fixed(a, index), smb_capability_key(capability), cli_fixed(b, weakest));
    cli_table_print(stdout, &table, ctx);
}

/* ---- ranked scenarios --------------------------------------------------- */

/* The rows of one direction's table. */
typedef struct ranked {
    const smb_scenario_scores *scores;
    smb_direction direction;
} ranked;

static void fill_scenario(const void *data, size_t row, cli_cell *cells,
                          char (*scratch)[CLI_CELL_BUF])
{
    const ranked *r = data;
    const smb_scenario_score *s = smb_scenario_scores_ranked_at(r->scores, r->direction, row);

    snprintf(scratch[0], CLI_CELL_BUF, "%zu", s->rank);
    cells[0].text = scratch[0];
    cells[1].text = s->id;
    cells[2].text = smb_source_key(s->source);
    cells[3].text = cli_fixed(scratch[3], s->likelihood);
    cells[4].text = cli_fixed(scratch[4], s->impact);
    cells[5].text = cli_fixed(scratch[5], s->exposure);
    cells[6].text = cli_fixed(scratch[6], s->urgency_weighted);
    snprintf(scratch[7], CLI_CELL_BUF, "%dx%d=%d", s->likelihood_level, s->impact_level,
             s->rating);
    cells[7].text = scratch[7];
    cells[8].text = smb_risk_band_key(s->band);
    cells[8].colour = cli_risk_colour(s->band);
    cells[9].text = s->title;
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

static void print_totals(const smb_scenario_scores *scores, smb_direction direction,
                         const cli_ctx *ctx)
{
    const smb_scenario_totals *t = smb_scenario_scores_totals(scores, direction);
    int threats = direction == SMB_DIRECTION_THREAT;
    char e[CLI_NUMBER_BUF], u[CLI_NUMBER_BUF], m[CLI_NUMBER_BUF] = "";
    char money[2 * CLI_NUMBER_BUF] = "", bands[CLI_CELL_BUF] = "";
    size_t used = 0;

    if (any_money(scores, direction))
        snprintf(money, sizeof money, ", money exposure %s", cli_amount(m, t->money_exposure));
    for (int k = 0; k < SMB_RISK_BAND_COUNT && used < sizeof bands; k++)
        used += (size_t)snprintf(bands + used, sizeof bands - used, "%s %zu %s", k ? "," : "",
                                 t->band_count[k], smb_risk_band_key((smb_risk_band)k));
    cli_paragraph(stdout, ctx, "Total of %zu %s: exposure %s, urgency-weighted %s%s; bands:%s.",
                  t->count,
                  t->count == 1 ? (threats ? "threat" : "opportunity")
                                : (threats ? "threats" : "opportunities"),
                  cli_fixed(e, t->exposure), cli_fixed(u, t->urgency_weighted), money, bands);
}

static void print_direction(const smb_scenario_scores *scores, smb_direction direction,
                            const cli_ctx *ctx)
{
    int threats = direction == SMB_DIRECTION_THREAT;
    const char *what = threats ? "threats" : "opportunities";
    size_t n = smb_scenario_scores_ranked_count(scores, direction);

    fputc('\n', stdout);
    cli_paragraph(stdout, ctx, "%s, ranked by exposure (likelihood x impact x %s):",
                  threats ? "Threats" : "Opportunities", threats ? "vulnerability" : "readiness");
    if (n == 0) {
        printf("No %s.\n", what);
        return;
    }
    static const cli_column columns[] = {
        {"RANK", 1, CLI_FIT_KEEP, 0},
        {"ID", 0, CLI_FIT_ELIDE, 0},
        {"SOURCE", 0, CLI_FIT_KEEP, 1},
        {"P", 1, CLI_FIT_KEEP, 0},
        {"IMPACT", 1, CLI_FIT_KEEP, 0},
        {"EXPOSURE", 1, CLI_FIT_KEEP, 0},
        {"URGENCY-WEIGHTED", 1, CLI_FIT_KEEP, 0},
        {"CELL", 0, CLI_FIT_KEEP, 0},
        {"BAND", 0, CLI_FIT_KEEP, 0},
        {"TITLE", 0, CLI_FIT_WRAP, 1},
    };
    ranked rows = {scores, direction};
    cli_table table = {columns, 10, n, fill_scenario, &rows};
    cli_table_print(stdout, &table, ctx);
    print_totals(scores, direction, ctx);
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

static void fill_heat(const void *data, size_t row, cli_cell *cells,
                      char (*scratch)[CLI_CELL_BUF])
{
    const smb_block_heat *h = smb_canvas_heat_at(data, row);

    cells[0].text = smb_block_key(h->block);
    cells[1].text = cli_fixed(scratch[1], h->heat);
    cells[2].text = cli_fixed(scratch[2], h->urgency_weighted);
    cells[3].text = cli_fixed(scratch[3], h->share);
    snprintf(scratch[4], CLI_CELL_BUF, "%zu", h->scenarios);
    cells[4].text = scratch[4];
    snprintf(scratch[5], CLI_CELL_BUF, "%zu", h->items);
    cells[5].text = scratch[5];
}

static void print_heat(const smb_canvas_heat *heat, int with_canvas, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"BLOCK", 0, CLI_FIT_ELIDE, 0},
        {"HEAT", 1, CLI_FIT_KEEP, 0},
        {"URGENCY-WEIGHTED", 1, CLI_FIT_KEEP, 0},
        {"SHARE", 1, CLI_FIT_KEEP, 0},
        {"THREATS", 1, CLI_FIT_KEEP, 0},
        {"ITEMS", 1, CLI_FIT_KEEP, 0},
    };
    /* The last column, ITEMS, only with a canvas. */
    cli_table table = {columns, with_canvas ? 6 : 5, SMB_BLOCK_COUNT, fill_heat, heat};

    fputc('\n', stdout);
    cli_paragraph(stdout, ctx, "Heat on the canvas (threat exposure x block weight, hottest first):");
    cli_table_print(stdout, &table, ctx);
}

void cli_scenarios_text(const cli_scenarios_report *r, const cli_ctx *ctx)
{
    char m[CLI_NUMBER_BUF], h[CLI_NUMBER_BUF];
    if (!r->scores)
        return;
    cli_paragraph(stdout, ctx,
                  "Scenarios: %zu, scored %s; mitigation strength m = %s, urgency half-life %s "
                  "months.",
                  smb_scenario_scores_count(r->scores),
                  r->resilience ? "against the resilience profile"
                                : "without a resilience profile (no mitigation credit)",
                  cli_number(m, smb_scenario_scores_mitigation(r->scores)),
                  cli_number(h, smb_scenario_scores_half_life(r->scores)));
    print_direction(r->scores, SMB_DIRECTION_THREAT, ctx);
    print_direction(r->scores, SMB_DIRECTION_OPPORTUNITY, ctx);
    if (r->forces) {
        fputc('\n', stdout);
        cli_paragraph(stdout, ctx, "Stress tests (each scenario's driver shifts applied to the five "
                           "forces):");
        if (r->stress_count == 0)
            printf("No scenario shifts a driver.\n");
        for (size_t i = 0; i < r->stress_count; i++)
            print_stress(r->stress[i], r->forces, ctx);
    }
    print_heat(r->heat, r->canvas != NULL, ctx);
}
