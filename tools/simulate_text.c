/* SPDX-License-Identifier: MIT */
/* The text report of smbstrat simulate: aligned tables of what the
 * library computed. Nothing here is a statistic of its own; rows are only
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

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static void print_stats(FILE *out, const sim_report *r)
{
    stat_row rows[5 + SMB_SIM_MAX_PERCENTILES + 3];
    size_t n = stat_rows(r, rows), wl = 0, wv = strlen("UPSIDE");

    for (size_t i = 0; i < n; i++) {
        wl = max_size(wl, strlen(rows[i].label));
        wv = max_size(wv, max_size(strlen(rows[i].loss), strlen(rows[i].upside)));
    }
    fprintf(out, "%-*s  %*s  %*s\n", (int)wl, "", (int)wv, "LOSS", (int)wv, "UPSIDE");
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%-*s  %*s", (int)wl, rows[i].label, (int)wv, rows[i].loss);
        if (rows[i].upside[0] != '\0')
            fprintf(out, "  %*s", (int)wv, rows[i].upside);
        fputc('\n', out);
    }
}

static void print_heading(FILE *out, const sim_report *r)
{
    const sim_args *a = r->args;
    const smb_sim_result *res = r->result;
    char trials[CLI_NUMBER_BUF];
    int sources = 0;

    cli_put_text(out, a->path);
    fprintf(out, ": %s trials, seed %llu, measure %s\n",
            cli_amount(trials, (double)smb_sim_result_trials(res)),
            (unsigned long long)smb_sim_result_seed(res),
            smb_sim_measure_key(smb_sim_result_measure(res)));
    fprintf(out, "Correlation of occurrences: rho %g", smb_sim_config_rho(r->config));
    for (int s = 0; s < SMB_SOURCE_COUNT; s++) {
        if (!smb_sim_config_has_source_rho(r->config, (smb_source)s))
            continue;
        fprintf(out, "%s%s %g", sources++ ? ", " : " (", smb_source_key((smb_source)s),
                smb_sim_config_source_rho(r->config, (smb_source)s));
    }
    fputs(sources ? ")\n" : "\n", out);
    if (r->responses_from != SIM_RESPONSES_NONE) {
        fprintf(out, "Responses applied (%s): ",
                r->responses_from == SIM_RESPONSES_PLAN ? "the portfolio of --plan"
                                                        : "--responses");
        if (r->response_count == 0)
            fputs("none", out);
        for (size_t i = 0; i < r->response_count; i++)
            fprintf(out, "%s%s", i ? ", " : "", r->responses[i]);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void print_footnote(FILE *out, const smb_sim_result *res)
{
    char buf[CLI_NUMBER_BUF];

    fprintf(out, "\nExpected loss from the scores (no chance involved): %s.\n",
            in_unit(buf, smb_sim_result_expected(res), smb_sim_result_measure(res)));
    if (smb_sim_result_exact(res))
        fputs("Percentiles, value-at-risk and expected shortfall are exact.\n", out);
    else
        fprintf(out,
                "Percentiles, value-at-risk and expected shortfall come from a quantile\n"
                "sketch: each within %g%% of the exact value (--no-totals).\n",
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

static void more_rows(FILE *out, size_t shown, size_t total)
{
    if (total > shown)
        fprintf(out, "(%zu more in --format json)\n", total - shown);
}

static void print_contributions(FILE *out, const smb_sim_result *res)
{
    size_t n = smb_sim_result_scenario_count(res), threats = 0, w = strlen("THREAT");
    const smb_sim_scenario **list = calloc(n ? n : 1, sizeof *list);
    char level[CLI_NUMBER_BUF];
    smb_sim_measure m = smb_sim_result_measure(res);

    if (!list)
        return;
    for (size_t i = 0; i < n; i++) {
        const smb_sim_scenario *s = smb_sim_result_scenario_at(res, i);
        if (s->direction == SMB_DIRECTION_THREAT)
            list[threats++] = s;
    }
    if (threats == 0) {
        free(list);
        return;
    }
    qsort(list, threats, sizeof *list, by_contribution);
    for (size_t i = 0; i < threats && i < TOP_ROWS; i++)
        w = max_size(w, strlen(list[i]->id));
    fprintf(out, "\nThreats that weigh most in the worst %s%% of trials (expected shortfall):\n",
            percent(level, 1.0 - smb_sim_result_level(res)));
    fprintf(out, "%-*s  %9s  %14s\n", (int)w, "THREAT", "OCCURRED", "CONTRIBUTION");
    for (size_t i = 0; i < threats && i < TOP_ROWS; i++) {
        char c[CLI_NUMBER_BUF];
        fprintf(out, "%-*s  %8.1f%%  %14s\n", (int)w, list[i]->id,
                100.0 * list[i]->occurrence_rate, in_unit(c, list[i]->es_contribution, m));
    }
    more_rows(out, threats < TOP_ROWS ? threats : TOP_ROWS, threats);
    free(list);
}

static void print_sensitivity(FILE *out, const smb_sim_result *res)
{
    size_t n = smb_sim_result_sensitivity_count(res), w = strlen("SCENARIO");
    char trials[CLI_NUMBER_BUF];

    if (n == 0)
        return;
    for (size_t i = 0; i < n && i < TOP_ROWS; i++)
        w = max_size(w, strlen(smb_sim_result_sensitivity_at(res, i)->id));
    fprintf(out, "\nInputs the loss is most sensitive to (Spearman's rho, %s trials):\n",
            cli_amount(trials, (double)smb_sim_result_sensitivity_trials(res)));
    fprintf(out, "%-*s  %-10s  %6s\n", (int)w, "SCENARIO", "INPUT", "RHO");
    for (size_t i = 0; i < n && i < TOP_ROWS; i++) {
        const smb_sim_sensitivity *s = smb_sim_result_sensitivity_at(res, i);
        fprintf(out, "%-*s  %-10s  %6.3f\n", (int)w, s->id, smb_sim_input_kind_key(s->kind),
                s->spearman);
    }
    more_rows(out, n < TOP_ROWS ? n : TOP_ROWS, n);
}

/* An input's value: a money amount, else a plain number. */
static const char *input_value(char buf[CLI_NUMBER_BUF], double value, smb_sim_input_kind kind)
{
    if (kind == SMB_SIM_INPUT_MONEY)
        return cli_amount(buf, value);
    snprintf(buf, CLI_NUMBER_BUF, "%g", value);
    return buf;
}

static void print_tornado(FILE *out, const smb_sim_result *res)
{
    size_t n = smb_sim_result_swing_count(res), w = strlen("SCENARIO");
    smb_sim_measure m = smb_sim_result_measure(res);
    char centre[CLI_NUMBER_BUF];

    if (n == 0)
        return;
    for (size_t i = 0; i < n && i < TOP_ROWS; i++)
        w = max_size(w, strlen(smb_sim_result_swing_at(res, i)->id));
    fprintf(out, "\nTornado: the expected loss (%s) with one input at each end of its range:\n",
            in_unit(centre, smb_sim_result_expected(res), m));
    fprintf(out, "%-*s  %-10s  %21s  %12s  %12s  %12s\n", (int)w, "SCENARIO", "INPUT", "RANGE",
            "LOW", "HIGH", "SWING");
    for (size_t i = 0; i < n && i < TOP_ROWS; i++) {
        const smb_sim_swing *s = smb_sim_result_swing_at(res, i);
        char lo_in[CLI_NUMBER_BUF], hi_in[CLI_NUMBER_BUF], range[2 * CLI_NUMBER_BUF + 4];
        char lo[CLI_NUMBER_BUF], hi[CLI_NUMBER_BUF], sw[CLI_NUMBER_BUF];
        snprintf(range, sizeof range, "%s to %s", input_value(lo_in, s->low_input, s->kind),
                 input_value(hi_in, s->high_input, s->kind));
        fprintf(out, "%-*s  %-10s  %21s  %12s  %12s  %12s\n", (int)w, s->id,
                smb_sim_input_kind_key(s->kind), range, in_unit(lo, s->low, m),
                in_unit(hi, s->high, m), in_unit(sw, s->swing, m));
    }
    more_rows(out, n < TOP_ROWS ? n : TOP_ROWS, n);
}

void sim_text(FILE *out, const sim_report *r)
{
    print_heading(out, r);
    print_stats(out, r);
    print_footnote(out, r->result);
    print_contributions(out, r->result);
    print_sensitivity(out, r->result);
    print_tornado(out, r->result);
}
