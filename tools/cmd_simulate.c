/* SPDX-License-Identifier: MIT */
/* smbstrat simulate: Monte Carlo simulation of a document's scenarios,
 * with the chosen responses applied, reported as text or as the JSON
 * object of docs/cli-json.md. The library simulates and computes every
 * statistic; this file configures it and presents the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "simulate.h"

/* What the command builds; released by run_free(). */
typedef struct sim_run {
    smb_sim_config *config;
    smb_sim_model *model;
    smb_sim_result *result;
    smb_portfolio *portfolio; /* --plan */
    char *ids_text;           /* --responses, split in place */
    const char **ids;
    size_t id_count;
    sim_responses_from from;
} sim_run;

static void run_free(sim_run *r)
{
    smb_sim_result_free(r->result);
    smb_sim_model_free(r->model);
    smb_sim_config_free(r->config);
    smb_portfolio_free(r->portfolio);
    free(r->ids);
    free(r->ids_text);
}

/* A setting the library refused: the option's fault. */
static int refused(const char *option, const char *value)
{
    return cli_usage_error("simulate", "--%s %s: %s", option, value, smb_last_error());
}

static int configure(sim_run *r, const sim_args *a)
{
    smb_sim_config *c;
    smb_status st = smb_sim_config_new(&r->config);

    if (st != SMB_OK)
        return cli_library_error(st);
    c = r->config;
    if (smb_sim_config_set_seed(c, a->seed) != SMB_OK ||
        smb_sim_config_set_measure(c, a->measure) != SMB_OK ||
        smb_sim_config_set_keep_totals(c, a->keep_totals) != SMB_OK)
        return cli_library_error(SMB_EINVAL);
    if (a->rho_text && smb_sim_config_set_rho(c, a->rho) != SMB_OK)
        return refused("rho", a->rho_text);
    for (size_t i = 0; i < a->source_rho_count; i++)
        if (smb_sim_config_set_source_rho(c, a->source_rho[i].source, a->source_rho[i].rho) !=
            SMB_OK)
            return refused("source-rho", a->source_rho[i].text);
    if (a->level_text && smb_sim_config_set_level(c, a->level) != SMB_OK)
        return refused("level", a->level_text);
    if (a->percentiles_text) {
        st = smb_sim_config_set_percentiles(c, a->percentiles, a->percentile_count);
        if (st == SMB_ENOMEM)
            return cli_library_error(st);
        if (st != SMB_OK)
            return refused("percentiles", a->percentiles_text);
    }
    if (a->threshold_text && smb_sim_config_set_threshold(c, a->threshold) != SMB_OK)
        return refused("threshold", a->threshold_text);
    return CLI_EXIT_OK;
}

/* --responses a,b,c: the ids, split in a copy of the option's text. */
static int ids_of_option(sim_run *r, const char *text)
{
    size_t n = 1;
    char *p;

    for (const char *q = text; *q; q++)
        n += *q == ',';
    r->ids_text = malloc(strlen(text) + 1);
    r->ids = calloc(n, sizeof *r->ids);
    if (!r->ids_text || !r->ids) {
        cli_error("out of memory");
        return CLI_EXIT_IO;
    }
    strcpy(r->ids_text, text);
    p = r->ids_text;
    for (size_t i = 0; i < n; i++) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p == '\0')
            return cli_usage_error("simulate", "invalid --responses '%s' (use response ids "
                                   "separated by commas)", text);
        r->ids[i] = p;
        p = comma ? comma + 1 : p + strlen(p);
    }
    r->id_count = n;
    r->from = SIM_RESPONSES_OPTION;
    return CLI_EXIT_OK;
}

/* --plan: the portfolio smbstrat plan chooses within the document's budget. */
static int ids_of_plan(sim_run *r, const smb_document *doc, const char *path)
{
    const smb_responses *responses = smb_document_responses_const(doc);
    double budget;
    smb_status st;
    size_t n;

    if (!responses) {
        cli_error("%s: the document has no responses section to plan with", path);
        return CLI_EXIT_INVALID;
    }
    if (smb_document_budget(doc, &budget) != SMB_OK)
        return cli_usage_error("simulate", "%s sets no budget (settings.budget), which --plan "
                               "needs", path);
    st = smb_responses_plan(responses, smb_document_scenarios_const(doc),
                            smb_document_resilience_const(doc), budget, &r->portfolio);
    if (st != SMB_OK)
        return cli_library_error(st);
    n = smb_portfolio_count(r->portfolio);
    r->ids = calloc(n ? n : 1, sizeof *r->ids);
    if (!r->ids) {
        cli_error("out of memory");
        return CLI_EXIT_IO;
    }
    for (size_t i = 0; i < n; i++)
        r->ids[i] = smb_portfolio_at(r->portfolio, i)->id;
    r->id_count = n;
    r->from = SIM_RESPONSES_PLAN;
    return CLI_EXIT_OK;
}

static int compile(sim_run *r, const smb_document *doc, const sim_args *a)
{
    const smb_scenarios *scenarios = smb_document_scenarios_const(doc);
    const smb_responses *responses = smb_document_responses_const(doc);
    smb_status st;
    int rc;

    if (!scenarios || smb_scenarios_count(scenarios) == 0) {
        cli_error("%s: the document has no scenarios to simulate", a->path);
        return CLI_EXIT_INVALID;
    }
    rc = configure(r, a);
    if (rc == CLI_EXIT_OK && a->responses_text)
        rc = ids_of_option(r, a->responses_text);
    if (rc == CLI_EXIT_OK && a->plan)
        rc = ids_of_plan(r, doc, a->path);
    if (rc != CLI_EXIT_OK)
        return rc;
    if (r->id_count > 0 && !responses)
        return cli_usage_error("simulate", "--responses: %s has no responses section", a->path);
    st = smb_sim_model_new(scenarios, smb_document_resilience_const(doc), responses, r->ids,
                           r->id_count, r->config, &r->model);
    /* An unknown or repeated response, or money asked of scenarios that
     * have none, is the command line's fault. */
    if ((st == SMB_ENOTFOUND || st == SMB_EINVAL) && a->responses_text)
        return refused("responses", a->responses_text);
    if (st == SMB_ERANGE && a->measure == SMB_SIM_MONEY)
        return refused("measure", "money");
    if (st != SMB_OK)
        return cli_library_error(st);
    return CLI_EXIT_OK;
}

static int simulate(sim_run *r, const sim_args *a)
{
    sim_progress bar;
    smb_status st;

    sim_progress_init(&bar, a->quiet);
    st = smb_simulate(r->model, a->trials, a->threads, sim_progress_update, &bar, &r->result);
    sim_progress_done(&bar);
    return st == SMB_OK ? CLI_EXIT_OK : cli_library_error(st);
}

/* The report as text, in a new buffer; its tables fit the terminal, or
 * COLUMNS (else 80) in a file. */
static int render(const sim_run *r, const sim_args *a, const cli_ctx *ctx, char **out,
                  size_t *length)
{
    sim_report report = {a, smb_sim_model_config(r->model), r->result, r->ids, r->id_count,
                         r->from};

    if (a->format == CLI_REPORT_JSON) {
        json_t *json = sim_json(&report);
        *out = json ? json_dumps(json, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) : NULL;
        json_decref(json);
        if (!*out) {
            cli_error("cannot build the JSON report: out of memory or text that is not UTF-8");
            return CLI_EXIT_IO;
        }
        *length = strlen(*out);
        /* jansson leaves out the final newline; the other reports end with one. */
        {
            char *grown = realloc(*out, *length + 2);
            if (!grown) {
                free(*out);
                cli_error("out of memory");
                return CLI_EXIT_IO;
            }
            *out = grown;
            memcpy(*out + *length, "\n", 2);
            *length += 1;
        }
        return CLI_EXIT_OK;
    }
    {
        FILE *f = open_memstream(out, length);
        cli_ctx text_ctx = *ctx;
        int failed;
        if (!cli_is_stdout(a->output))
            cli_ctx_for_file(&text_ctx);
        if (!f) {
            cli_error("out of memory");
            return CLI_EXIT_IO;
        }
        sim_text(f, &report, &text_ctx);
        failed = ferror(f);
        if (fclose(f) != 0 || failed) {
            free(*out);
            cli_error("out of memory");
            return CLI_EXIT_IO;
        }
    }
    return CLI_EXIT_OK;
}

static int output(const sim_run *r, const sim_args *a, const cli_ctx *ctx)
{
    char *text = NULL;
    size_t length = 0;
    int rc = render(r, a, ctx, &text, &length);

    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_is_stdout(a->output) ? cli_write_stdout(text, length)
                                  : cli_write_file(a->output, text, length);
    free(text);
    return rc;
}

int cmd_simulate(int argc, char **argv, const cli_ctx *ctx)
{
    sim_args a;
    sim_run r;
    smb_document *doc = NULL;
    int rc = sim_args_parse(argc, argv, &a);

    memset(&r, 0, sizeof r);
    if (rc < 0)
        rc = CLI_EXIT_OK; /* --help */
    else if (rc == CLI_EXIT_OK)
        rc = cli_load(a.path, &doc);
    if (doc) {
        rc = compile(&r, doc, &a);
        if (rc == CLI_EXIT_OK)
            rc = simulate(&r, &a);
        if (rc == CLI_EXIT_OK)
            rc = output(&r, &a, ctx);
        /* "Threshold exceeded when asked": the report is out, then the
         * status says so. */
        if (rc == CLI_EXIT_OK && a.fail_above_text &&
            smb_sim_result_stats(r.result, SMB_SIM_LOSS)->exceed_prob > a.fail_above)
            rc = CLI_EXIT_FINDINGS;
    }
    run_free(&r);
    smb_document_free(doc);
    sim_args_free(&a);
    return rc;
}
