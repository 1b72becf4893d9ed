/* SPDX-License-Identifier: MIT */
/* smbstrat plan: the responses of a document ranked on every criterion,
 * and the portfolio that leaves the least threat exposure within a
 * budget, as tables or as the JSON object of docs/cli-json.md. The
 * library ranks, chooses and measures; this file only presents. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* The limit of the exact choice, spelled out in the help. */
#define STRINGIFY(x) #x
#define AS_TEXT(x) STRINGIFY(x)

static const char plan_help[] =
    "Usage: smbstrat plan FILE [--budget N] [--method topsis|weighted_sum]\n"
    "                          [--format text|json] [-o OUT]\n"
    "\n"
    "Rank the candidate responses of FILE and choose the ones to fund.\n"
    "\n"
    "The ranking scores every response on the document's criteria (the\n"
    "threat exposure it removes on its own, its cost, its months, its\n"
    "feasibility, viability, desirability and strategic alignment, and the\n"
    "analyst's own criteria) with their weights, by TOPSIS (closeness to the\n"
    "ideal response) or by a weighted sum of min-max normalised values.\n"
    "\n"
    "The portfolio is the set of responses whose total cost fits the budget\n"
    "and that leaves the least total threat exposure: an exact choice for up\n"
    "to " AS_TEXT(SMB_PLAN_EXACT_MAX) " candidates, a greedy one above. For each chosen response: what it\n"
    "adds on top of those listed before it, and what the portfolio would\n"
    "lose without it; then the total cost and the threat exposure before and\n"
    "after, in all and threat by threat.\n"
    "\n"
    "The budget is --budget N, or else the document's settings.budget; with\n"
    "neither, plan stops with a usage error.\n"
    "\n"
    "Options:\n"
    "  -b, --budget N       the money available (0 or more), in the unit of\n"
    "                       the responses' costs\n"
    "  -m, --method METHOD  topsis (default) or weighted_sum\n"
    "  -f, --format FORMAT  text (aligned tables, the default) or json (the\n"
    "                       object described in docs/cli-json.md)\n"
    "  -o, --output OUT     write the report to OUT instead of standard output\n"
    "                       ('-' means standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 planned, 2 bad command line or no budget, 3 invalid\n"
    "document or no responses in it, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat plan bakery.json\n"
    "  smbstrat plan bakery.json --budget 10000 --method weighted_sum\n"
    "  smbstrat plan -f json bakery.json | jq '.portfolio.responses[].id'\n";

enum { OPT_HELP, OPT_BUDGET, OPT_METHOD, OPT_FORMAT, OPT_OUTPUT };

static const cli_option plan_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"budget", 'b', 1, OPT_BUDGET},
    {"method", 'm', 1, OPT_METHOD},
    {"format", 'f', 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {NULL, 0, 0, 0},
};

/* The command line, parsed. */
typedef struct plan_args {
    const char *path;
    const char *budget_text; /* NULL: the document's */
    const char *output;      /* NULL: standard output */
    double budget;
    smb_rank_method method;
    cli_report_format format;
} plan_args;

/* What the library computed. `scenarios` is the document's, or an empty
 * set in `owned` when it has none (every response then removes nothing). */
typedef struct plan {
    const smb_responses *responses;
    const smb_scenarios *scenarios;
    const smb_resilience *resilience;
    smb_scenarios *owned;
    double budget;
    int budget_from_option;
    smb_response_ranking *ranking;
    smb_portfolio *portfolio;
    smb_residual *residual;
} plan;

static void plan_free(plan *p)
{
    smb_residual_free(p->residual);
    smb_portfolio_free(p->portfolio);
    smb_response_ranking_free(p->ranking);
    smb_scenarios_free(p->owned);
}

/* A budget from the command line: a finite number of 0 or more. The
 * library checks the upper limit. */
static int parse_budget(const char *text, double *out)
{
    char *end = NULL;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(v) || v < 0)
        return cli_usage_error("plan", "invalid budget '%s' (use a number of 0 or more)", text);
    *out = v;
    return CLI_EXIT_OK;
}

static int parse_args(int argc, char **argv, plan_args *a)
{
    cli_parser p;
    int kind, id = 0;
    const char *value;

    memset(a, 0, sizeof *a);
    a->method = SMB_RANK_TOPSIS;
    a->format = CLI_REPORT_TEXT;
    cli_parser_init(&p, argc, argv, "plan");
    while ((kind = cli_next(&p, plan_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (a->path)
                return cli_usage_error("plan", "unexpected argument '%s'", value);
            a->path = value;
        } else if (id == OPT_HELP) {
            fputs(plan_help, stdout);
            return -1;
        } else if (id == OPT_BUDGET) {
            if (parse_budget(value, &a->budget) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            a->budget_text = value;
        } else if (id == OPT_METHOD) {
            if (smb_rank_method_from_key(value, &a->method) != SMB_OK)
                return cli_usage_error("plan", "unknown method '%s' (use topsis or weighted_sum)",
                                       value);
        } else if (id == OPT_OUTPUT) {
            a->output = value;
        } else if (cli_report_format_parse("plan", value, &a->format) != CLI_EXIT_OK) {
            return CLI_EXIT_USAGE;
        }
    }
    if (!a->path)
        return cli_usage_error("plan", "missing FILE");
    return CLI_EXIT_OK;
}

/* The ids of the chosen responses, for the residual threat by threat. */
static int residual_of_portfolio(plan *p)
{
    size_t n = smb_portfolio_count(p->portfolio);
    const char **ids = calloc(n ? n : 1, sizeof *ids);
    smb_status st;

    if (!ids) {
        cli_error("out of memory");
        return CLI_EXIT_IO;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = smb_portfolio_at(p->portfolio, i)->id;
    st = smb_responses_residual(p->responses, p->scenarios, p->resilience, ids, n, &p->residual);
    free(ids);
    return st == SMB_OK ? CLI_EXIT_OK : cli_library_error(st);
}

static int compute(plan *p, const smb_document *doc, const plan_args *a)
{
    smb_status st;

    memset(p, 0, sizeof *p);
    p->responses = smb_document_responses_const(doc);
    if (!p->responses) {
        cli_error("%s: the document has no responses section to plan with", a->path);
        return CLI_EXIT_INVALID;
    }
    p->budget_from_option = a->budget_text != NULL;
    p->budget = a->budget;
    if (!a->budget_text && smb_document_budget(doc, &p->budget) != SMB_OK)
        return cli_usage_error("plan",
                               "%s sets no budget (settings.budget): give one with --budget N",
                               a->path);
    p->resilience = smb_document_resilience_const(doc);
    p->scenarios = smb_document_scenarios_const(doc);
    if (!p->scenarios) {
        st = smb_scenarios_new(&p->owned);
        if (st != SMB_OK)
            return cli_library_error(st);
        p->scenarios = p->owned;
    }
    st = smb_responses_rank(p->responses, p->scenarios, p->resilience, a->method, &p->ranking);
    if (st != SMB_OK)
        return cli_library_error(st);
    st = smb_responses_plan(p->responses, p->scenarios, p->resilience, p->budget, &p->portfolio);
    /* A budget out of range is the command line's fault when it came from
     * there (the document's was checked when it was loaded). */
    if (st == SMB_ERANGE && p->budget_from_option)
        return cli_usage_error("plan", "--budget %s: %s", a->budget_text, smb_last_error());
    if (st != SMB_OK)
        return cli_library_error(st);
    return residual_of_portfolio(p);
}

/* ---- text ------------------------------------------------------------------ */

static const char *method_title(smb_rank_method method)
{
    return method == SMB_RANK_TOPSIS ? "TOPSIS" : "weighted sum";
}

static void fill_ranked(const void *data, size_t row, cli_cell *cells,
                        char (*scratch)[CLI_CELL_BUF])
{
    const plan *p = data;
    const smb_response_rank *r = smb_response_ranking_ranked_at(p->ranking, row);
    const smb_response *resp = smb_responses_at(p->responses, r->index);

    snprintf(scratch[0], CLI_CELL_BUF, "%zu", r->rank);
    cells[0].text = scratch[0];
    cells[1].text = r->id;
    cells[2].text = cli_fixed(scratch[2], r->score);
    cells[3].text = cli_fixed(scratch[3], r->exposure_reduction);
    cells[4].text = cli_amount(scratch[4], smb_response_cost(resp));
    cells[5].text = cli_number(scratch[5], smb_response_months(resp));
    cells[6].text = r->title;
}

static void print_ranking(const plan *p, const char *path, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"RANK", 1, CLI_FIT_KEEP, 0},  {"ID", 0, CLI_FIT_ELIDE, 0},
        {"SCORE", 1, CLI_FIT_KEEP, 0}, {"REDUCTION", 1, CLI_FIT_KEEP, 0},
        {"COST", 1, CLI_FIT_KEEP, 0},  {"MONTHS", 1, CLI_FIT_KEEP, 0},
        {"TITLE", 0, CLI_FIT_WRAP, 1},
    };
    cli_table table = {columns, 7, smb_response_ranking_count(p->ranking), fill_ranked, p};

    cli_paragraph(stdout, ctx, "Responses of %s, ranked by %s on %zu criteria:", path,
                  method_title(smb_response_ranking_method(p->ranking)),
                  smb_response_ranking_criterion_count(p->ranking));
    cli_table_print(stdout, &table, ctx);
}

static void fill_threat(const void *data, size_t row, cli_cell *cells,
                        char (*scratch)[CLI_CELL_BUF])
{
    const smb_residual_scenario *t = smb_residual_scenario_at(data, row);

    cells[0].text = t->id;
    cells[1].text = cli_fixed(scratch[1], t->base);
    cells[2].text = cli_fixed(scratch[2], t->residual);
}

static void print_threats(const smb_residual *residual, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"THREAT", 0, CLI_FIT_ELIDE, 0},
        {"BEFORE", 1, CLI_FIT_KEEP, 0},
        {"AFTER", 1, CLI_FIT_KEEP, 0},
    };
    cli_table table = {columns, 3, smb_residual_scenario_count(residual), fill_threat, residual};

    if (table.row_count > 0)
        cli_table_print(stdout, &table, ctx);
}

static void fill_chosen(const void *data, size_t row, cli_cell *cells,
                        char (*scratch)[CLI_CELL_BUF])
{
    const smb_portfolio_item *it = smb_portfolio_at(data, row);

    cells[0].text = it->id;
    cells[1].text = cli_amount(scratch[1], it->cost);
    cells[2].text = cli_number(scratch[2], it->months);
    cells[3].text = cli_fixed(scratch[3], it->incremental);
    cells[4].text = cli_fixed(scratch[4], it->marginal);
    cells[5].text = it->title;
}

static void print_portfolio(const plan *p, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"ID", 0, CLI_FIT_ELIDE, 0},    {"COST", 1, CLI_FIT_KEEP, 0},
        {"MONTHS", 1, CLI_FIT_KEEP, 0}, {"ADDS", 1, CLI_FIT_KEEP, 0},
        {"WITHOUT", 1, CLI_FIT_KEEP, 0}, {"TITLE", 0, CLI_FIT_WRAP, 1},
    };
    const smb_portfolio *pf = p->portfolio;
    size_t n = smb_portfolio_count(pf);
    cli_table table = {columns, 6, n, fill_chosen, pf};
    char budget[CLI_NUMBER_BUF], cost[CLI_NUMBER_BUF], a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];
    char c[CLI_NUMBER_BUF];

    fputc('\n', stdout);
    cli_paragraph(stdout, ctx, "Portfolio within a budget of %s (%s): %s choice among %zu candidate%s.",
                  cli_amount(budget, smb_portfolio_budget(pf)),
                  p->budget_from_option ? "from --budget" : "from the document",
                  smb_plan_method_key(smb_portfolio_method(pf)),
                  smb_portfolio_candidate_count(pf),
                  smb_portfolio_candidate_count(pf) == 1 ? "" : "s");
    if (n == 0) {
        printf("No response fits the budget and removes threat exposure.\n");
    } else {
        cli_table_print(stdout, &table, ctx);
        cli_paragraph(stdout, ctx, "ADDS: exposure removed on top of the rows above; WITHOUT: exposure "
                           "the portfolio would lose without the row.");
    }
    printf("Total cost %s of %s.\n", cli_amount(cost, smb_portfolio_cost(pf)), budget);
    fputs("Threat exposure ", stdout);
    cli_put_coloured(stdout, ctx, CLI_BOLD, cli_fixed(a, smb_portfolio_base(pf)));
    fputs(" before, ", stdout);
    cli_put_coloured(stdout, ctx, CLI_BOLD, cli_fixed(b, smb_portfolio_residual(pf)));
    printf(" after: %s less.\n", cli_fixed(c, smb_portfolio_reduction(pf)));
    print_threats(p->residual, ctx);
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *json_criteria(const smb_response_ranking *ranking)
{
    json_t *list = json_array();
    size_t n = smb_response_ranking_criterion_count(ranking);
    for (size_t i = 0; list && i < n; i++) {
        if (cli_json_append(
                list,
                json_pack("{s:s, s:s, s:f}", "key", smb_response_ranking_criterion_key(ranking, i),
                          "direction",
                          smb_criterion_direction_key(
                              smb_response_ranking_criterion_direction(ranking, i)),
                          "weight", smb_response_ranking_criterion_weight(ranking, i))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_ranking(const plan *p)
{
    json_t *list = json_array();
    size_t n = smb_response_ranking_count(p->ranking);
    for (size_t i = 0; list && i < n; i++) {
        const smb_response_rank *r = smb_response_ranking_ranked_at(p->ranking, i);
        const smb_response *resp = smb_responses_at(p->responses, r->index);
        if (cli_json_append(list, json_pack("{s:I, s:s, s:s, s:f, s:f, s:f, s:f}", "rank",
                                            (json_int_t)r->rank, "id", r->id, "title", r->title,
                                            "score", r->score, "exposure_reduction",
                                            r->exposure_reduction, "cost",
                                            smb_response_cost(resp), "months",
                                            smb_response_months(resp))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_chosen(const smb_portfolio *pf)
{
    json_t *list = json_array();
    size_t n = smb_portfolio_count(pf);
    for (size_t i = 0; list && i < n; i++) {
        const smb_portfolio_item *it = smb_portfolio_at(pf, i);
        if (cli_json_append(list, json_pack("{s:s, s:s, s:f, s:f, s:f, s:f, s:f}", "id", it->id,
                                            "title", it->title, "cost", it->cost, "months",
                                            it->months, "standalone", it->standalone,
                                            "contribution", it->incremental, "marginal",
                                            it->marginal)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_threats(const smb_residual *residual)
{
    json_t *list = json_array();
    size_t n = smb_residual_scenario_count(residual);
    for (size_t i = 0; list && i < n; i++) {
        const smb_residual_scenario *t = smb_residual_scenario_at(residual, i);
        if (cli_json_append(list, json_pack("{s:s, s:f, s:f}", "id", t->id, "before", t->base,
                                            "after", t->residual)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_gains(const smb_residual *residual)
{
    json_t *obj = json_object();
    for (int c = 0; obj && c < SMB_CAPABILITY_COUNT; c++)
        obj = cli_json_set(obj, smb_capability_key((smb_capability)c),
                           json_real(smb_residual_gain(residual, (smb_capability)c)));
    return obj;
}

static json_t *json_portfolio(const plan *p)
{
    const smb_portfolio *pf = p->portfolio;
    json_t *obj = json_pack("{s:f, s:s, s:s, s:I}", "budget", smb_portfolio_budget(pf),
                            "budget_from", p->budget_from_option ? "option" : "document",
                            "method", smb_plan_method_key(smb_portfolio_method(pf)),
                            "candidates", (json_int_t)smb_portfolio_candidate_count(pf));
    obj = cli_json_set(obj, "responses", json_chosen(pf));
    obj = cli_json_set(obj, "cost", json_real(smb_portfolio_cost(pf)));
    obj = cli_json_set(obj, "exposure",
                       json_pack("{s:f, s:f, s:f}", "before", smb_portfolio_base(pf), "after",
                                 smb_portfolio_residual(pf), "reduction",
                                 smb_portfolio_reduction(pf)));
    obj = cli_json_set(obj, "threats", json_threats(p->residual));
    return cli_json_set(obj, "gains", json_gains(p->residual));
}

static json_t *json_report(const plan *p, const char *path)
{
    json_t *obj = json_pack("{s:s, s:s}", "file", path, "method",
                            smb_rank_method_key(smb_response_ranking_method(p->ranking)));
    obj = cli_json_set(obj, "criteria", json_criteria(p->ranking));
    obj = cli_json_set(obj, "ranking", json_ranking(p));
    return cli_json_set(obj, "portfolio", json_portfolio(p));
}

/* ---- the command ----------------------------------------------------------- */

int cmd_plan(int argc, char **argv, const cli_ctx *ctx)
{
    plan_args a;
    plan p;
    smb_document *doc = NULL;
    int rc = parse_args(argc, argv, &a);

    if (rc < 0)
        return CLI_EXIT_OK; /* --help */
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_load(a.path, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = compute(&p, doc, &a);
    if (rc == CLI_EXIT_OK) {
        cli_redirect redirect;
        rc = cli_redirect_begin(&redirect, a.output, &ctx);
        if (rc == CLI_EXIT_OK && a.format == CLI_REPORT_JSON) {
            rc = cli_print_json(json_report(&p, a.path));
        } else if (rc == CLI_EXIT_OK) {
            print_ranking(&p, a.path, ctx);
            print_portfolio(&p, ctx);
        }
        rc = cli_redirect_end(&redirect, rc);
    }
    plan_free(&p);
    smb_document_free(doc);
    return rc;
}
