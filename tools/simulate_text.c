/* SPDX-License-Identifier: MIT */
/* The text report of smbstrat simulate: tables of what the library
 * computed, fitted to the terminal's width (cli_table_print), and prose
 * wrapped to it. Nothing here is a statistic of its own; rows are only
 * chosen and ordered for reading. */
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

/* How many rows of the scenario, sensitivity and tornado tables to show;
 * the JSON report has them all. */
enum { TOP_ROWS = 10 };

/* A value in the measure's unit: money as an amount, severity with two
 * decimals. */
static const char *in_unit(char buf[CLI_NUMBER_BUF], double value, smb_sim_measure measure)
{
    return measure == SMB_SIM_MONEY ? cli_amount(buf, value) : cli_fixed(buf, value);
}

/* A standard error: finer than the values it qualifies. */
static const char *fine(char buf[CLI_NUMBER_BUF], double value, smb_sim_measure measure)
{
    if (measure == SMB_SIM_MONEY)
        return cli_amount(buf, value);
    snprintf(buf, CLI_NUMBER_BUF, "%.4f", value);
    return buf;
}

static const char *probability(char buf[CLI_NUMBER_BUF], double value)
{
    snprintf(buf, CLI_NUMBER_BUF, "%.4f", value);
    return buf;
}

/* "95" for 0.95, "97.5" for 0.975. */
static const char *percent(char buf[CLI_NUMBER_BUF], double fraction)
{
    snprintf(buf, CLI_NUMBER_BUF, "%g", 100.0 * fraction);
    return buf;
}

/* One row of the statistics table: a label, the loss and the upside. */
typedef struct stat_row {
    char label[96];
    char loss[CLI_NUMBER_BUF];
    char upside[CLI_NUMBER_BUF];
} stat_row;

enum { STAT_ROWS = 5 + SMB_SIM_MAX_PERCENTILES + 3 };

static size_t stat_rows(const sim_report *r, stat_row *rows)
{
    const smb_sim_result *res = r->result;
    const smb_sim_stats *loss = smb_sim_result_stats(res, SMB_SIM_LOSS);
    const smb_sim_stats *up = smb_sim_result_stats(res, SMB_SIM_UPSIDE);
    smb_sim_measure m = smb_sim_result_measure(res);
    size_t n = 0, np = smb_sim_result_percentile_count(res);
    char level[CLI_NUMBER_BUF];
    struct {
        const char *label;
        double loss, upside;
        int fine;
    } plain[] = {
        {"mean", loss->mean, up->mean, 0},
        {"standard deviation", loss->std, up->std, 0},
        {"standard error of the mean", loss->sem, up->sem, 1},
        {"minimum", loss->min, up->min, 0},
        {"maximum", loss->max, up->max, 0},
    };

    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++, n++) {
        snprintf(rows[n].label, sizeof rows[n].label, "%s", plain[i].label);
        if (plain[i].fine) {
            fine(rows[n].loss, plain[i].loss, m);
            fine(rows[n].upside, plain[i].upside, m);
        } else {
            in_unit(rows[n].loss, plain[i].loss, m);
            in_unit(rows[n].upside, plain[i].upside, m);
        }
    }
    for (size_t i = 0; i < np; i++, n++) {
        snprintf(rows[n].label, sizeof rows[n].label, "percentile %g",
                 smb_sim_result_percentile_level(res, i));
        in_unit(rows[n].loss, smb_sim_result_percentile(res, SMB_SIM_LOSS, i), m);
        in_unit(rows[n].upside, smb_sim_result_percentile(res, SMB_SIM_UPSIDE, i), m);
    }
    percent(level, smb_sim_result_level(res));
    snprintf(rows[n].label, sizeof rows[n].label, "value-at-risk %s%%", level);
    in_unit(rows[n].loss, loss->var, m);
    in_unit(rows[n].upside, up->var, m);
    n++;
    snprintf(rows[n].label, sizeof rows[n].label, "expected shortfall %s%%", level);
    in_unit(rows[n].loss, loss->es, m);
    in_unit(rows[n].upside, up->es, m);
    n++;
    if (smb_sim_config_has_threshold(r->config)) {
        char x[CLI_NUMBER_BUF];
        snprintf(rows[n].label, sizeof rows[n].label, "P(loss > %s)",
                 in_unit(x, smb_sim_result_threshold(res), m));
        probability(rows[n].loss, loss->exceed_prob);
        rows[n].upside[0] = '\0';
        n++;
    }
    return n;
}

static void fill_stat(const void *data, size_t row, cli_cell *cells,
                      char (*scratch)[CLI_CELL_BUF])
{
    const stat_row *s = (const stat_row *)data + row;

    (void)scratch;
    cells[0].text = s->label;
    cells[1].text = s->loss;
    cells[2].text = s->upside;
}

static void print_stats(FILE *out, const sim_report *r, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"", 0, CLI_FIT_KEEP, 0},
        {"LOSS", 1, CLI_FIT_KEEP, 0},
        {"UPSIDE", 1, CLI_FIT_KEEP, 0},
    };
    stat_row rows[STAT_ROWS];
    cli_table table = {columns, 3, stat_rows(r, rows), fill_stat, rows};

    cli_table_print(out, &table, ctx);
}

/* The ids of the chosen responses after `lead`, separated by commas and
 * wrapped between ids (ASCII, at most SMB_MAX_ID_LENGTH bytes each), since
 * a long list would not fit cli_paragraph()'s buffer. */
static void print_responses(FILE *out, const sim_report *r, const char *lead, size_t columns)
{
    size_t col = strlen(lead);

    fputs(lead, out);
    if (r->response_count == 0)
        fputs(" none", out);
    for (size_t i = 0; i < r->response_count; i++) {
        const char *id = r->responses[i];
        size_t width = strlen(id) + (i + 1 < r->response_count ? 1 : 0); /* its comma */
        if (col + 1 + width > columns && col > 0) {
            fputc('\n', out);
            col = 0;
        } else {
            fputc(' ', out);
            col++;
        }
        fputs(id, out);
        if (i + 1 < r->response_count)
            fputc(',', out);
        col += width;
    }
    fputc('\n', out);
}

static void print_heading(FILE *out, const sim_report *r, const cli_ctx *ctx)
{
    const sim_args *a = r->args;
    const smb_sim_result *res = r->result;
    char trials[CLI_NUMBER_BUF], rho[256];
    size_t used;
    int sources = 0;

    cli_paragraph(out, ctx, "%s: %s trials, seed %llu, measure %s", a->path,
                  cli_amount(trials, (double)smb_sim_result_trials(res)),
                  (unsigned long long)smb_sim_result_seed(res),
                  smb_sim_measure_key(smb_sim_result_measure(res)));
    used = (size_t)snprintf(rho, sizeof rho, "Correlation of occurrences: rho %g",
                            smb_sim_config_rho(r->config));
    for (int s = 0; s < SMB_SOURCE_COUNT && used < sizeof rho; s++) {
        if (!smb_sim_config_has_source_rho(r->config, (smb_source)s))
            continue;
        used += (size_t)snprintf(rho + used, sizeof rho - used, "%s%s %g", sources++ ? ", " : " (",
                                 smb_source_key((smb_source)s),
                                 smb_sim_config_source_rho(r->config, (smb_source)s));
    }
    cli_paragraph(out, ctx, "%s%s", rho, sources ? ")" : "");
    if (r->responses_from != SIM_RESPONSES_NONE)
        print_responses(out, r,
                        r->responses_from == SIM_RESPONSES_PLAN
                            ? "Responses applied (the portfolio of --plan):"
                            : "Responses applied (--responses):",
                        ctx->columns);
    fputc('\n', out);
}

static void print_footnote(FILE *out, const smb_sim_result *res, const cli_ctx *ctx)
{
    char buf[CLI_NUMBER_BUF];

    fputc('\n', out);
    cli_paragraph(out, ctx, "Expected loss from the scores (no chance involved): %s.",
                  in_unit(buf, smb_sim_result_expected(res), smb_sim_result_measure(res)));
    if (smb_sim_result_exact(res))
        cli_paragraph(out, ctx, "Percentiles, value-at-risk and expected shortfall are exact.");
    else
        cli_paragraph(out, ctx,
                      "Percentiles, value-at-risk and expected shortfall come from a quantile "
                      "sketch: each within %g%% of the exact value (--no-totals).",
                      100.0 * smb_sim_result_accuracy(res));
}

/* Threats by contribution to the expected shortfall, largest first; ties
 * keep set order. */
static int by_contribution(const void *pa, const void *pb)
{
    const smb_sim_scenario *a = *(const smb_sim_scenario *const *)pa;
    const smb_sim_scenario *b = *(const smb_sim_scenario *const *)pb;

    if (a->es_contribution != b->es_contribution)
        return a->es_contribution < b->es_contribution ? 1 : -1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static size_t shown(size_t total)
{
    return total < TOP_ROWS ? total : TOP_ROWS;
}

static void more_rows(FILE *out, size_t total)
{
    if (total > TOP_ROWS)
        fprintf(out, "(%zu more in --format json)\n", total - TOP_ROWS);
}

/* The rows of the contributions table: the threats in order, and the
 * result's measure. */
typedef struct contributions {
    const smb_sim_scenario **threats;
    smb_sim_measure measure;
} contributions;

static void fill_contribution(const void *data, size_t row, cli_cell *cells,
                              char (*scratch)[CLI_CELL_BUF])
{
    const contributions *c = data;
    const smb_sim_scenario *s = c->threats[row];

    cells[0].text = s->id;
    snprintf(scratch[1], CLI_CELL_BUF, "%.1f%%", 100.0 * s->occurrence_rate);
    cells[1].text = scratch[1];
    cells[2].text = in_unit(scratch[2], s->es_contribution, c->measure);
}

static void print_contributions(FILE *out, const smb_sim_result *res, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"THREAT", 0, CLI_FIT_ELIDE, 0},
        {"OCCURRED", 1, CLI_FIT_KEEP, 0},
        {"CONTRIBUTION", 1, CLI_FIT_KEEP, 0},
    };
    size_t n = smb_sim_result_scenario_count(res), count = 0;
    const smb_sim_scenario **list = calloc(n ? n : 1, sizeof *list);
    char level[CLI_NUMBER_BUF];

    if (!list)
        return;
    for (size_t i = 0; i < n; i++) {
        const smb_sim_scenario *s = smb_sim_result_scenario_at(res, i);
        if (s->direction == SMB_DIRECTION_THREAT)
            list[count++] = s;
    }
    if (count > 0) {
        contributions rows = {list, smb_sim_result_measure(res)};
        cli_table table = {columns, 3, shown(count), fill_contribution, &rows};
        qsort(list, count, sizeof *list, by_contribution);
        fputc('\n', out);
        cli_paragraph(out, ctx,
                      "Threats that weigh most in the worst %s%% of trials (expected "
                      "shortfall):",
                      percent(level, 1.0 - smb_sim_result_level(res)));
        cli_table_print(out, &table, ctx);
        more_rows(out, count);
    }
    free(list);
}

static void fill_sensitivity(const void *data, size_t row, cli_cell *cells,
                             char (*scratch)[CLI_CELL_BUF])
{
    const smb_sim_sensitivity *s = smb_sim_result_sensitivity_at(data, row);

    cells[0].text = s->id;
    cells[1].text = smb_sim_input_kind_key(s->kind);
    snprintf(scratch[2], CLI_CELL_BUF, "%.3f", s->spearman);
    cells[2].text = scratch[2];
}

static void print_sensitivity(FILE *out, const smb_sim_result *res, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"SCENARIO", 0, CLI_FIT_ELIDE, 0},
        {"INPUT", 0, CLI_FIT_KEEP, 0},
        {"RHO", 1, CLI_FIT_KEEP, 0},
    };
    size_t n = smb_sim_result_sensitivity_count(res);
    cli_table table = {columns, 3, shown(n), fill_sensitivity, res};
    char trials[CLI_NUMBER_BUF];

    if (n == 0)
        return;
    fputc('\n', out);
    cli_paragraph(out, ctx, "Inputs the loss is most sensitive to (Spearman's rho, %s trials):",
                  cli_amount(trials, (double)smb_sim_result_sensitivity_trials(res)));
    cli_table_print(out, &table, ctx);
    more_rows(out, n);
}

/* An input's value: a money amount, else a plain number. */
static const char *input_value(char buf[CLI_NUMBER_BUF], double value, smb_sim_input_kind kind)
{
    if (kind == SMB_SIM_INPUT_MONEY)
        return cli_amount(buf, value);
    snprintf(buf, CLI_NUMBER_BUF, "%g", value);
    return buf;
}

static void fill_swing(const void *data, size_t row, cli_cell *cells,
                       char (*scratch)[CLI_CELL_BUF])
{
    const smb_sim_swing *s = smb_sim_result_swing_at(data, row);
    smb_sim_measure m = smb_sim_result_measure(data);
    char lo[CLI_NUMBER_BUF], hi[CLI_NUMBER_BUF];

    cells[0].text = s->id;
    cells[1].text = smb_sim_input_kind_key(s->kind);
    snprintf(scratch[2], CLI_CELL_BUF, "%s to %s", input_value(lo, s->low_input, s->kind),
             input_value(hi, s->high_input, s->kind));
    cells[2].text = scratch[2];
    cells[3].text = in_unit(scratch[3], s->low, m);
    cells[4].text = in_unit(scratch[4], s->high, m);
    cells[5].text = in_unit(scratch[5], s->swing, m);
}

static void print_tornado(FILE *out, const smb_sim_result *res, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"SCENARIO", 0, CLI_FIT_ELIDE, 0},
        {"INPUT", 0, CLI_FIT_KEEP, 0},
        {"RANGE", 1, CLI_FIT_KEEP, 0},
        {"LOW", 1, CLI_FIT_KEEP, 0},
        {"HIGH", 1, CLI_FIT_KEEP, 0},
        {"SWING", 1, CLI_FIT_KEEP, 0},
    };
    size_t n = smb_sim_result_swing_count(res);
    cli_table table = {columns, 6, shown(n), fill_swing, res};
    char centre[CLI_NUMBER_BUF];

    if (n == 0)
        return;
    fputc('\n', out);
    cli_paragraph(out, ctx,
                  "Tornado: the expected loss (%s) with one input at each end of its range:",
                  in_unit(centre, smb_sim_result_expected(res), smb_sim_result_measure(res)));
    cli_table_print(out, &table, ctx);
    more_rows(out, n);
}

void sim_text(FILE *out, const sim_report *r, const cli_ctx *ctx)
{
    print_heading(out, r, ctx);
    print_stats(out, r, ctx);
    print_footnote(out, r->result, ctx);
    print_contributions(out, r->result, ctx);
    print_sensitivity(out, r->result, ctx);
    print_tornado(out, r->result, ctx);
}
