/* SPDX-License-Identifier: MIT */
/* smbstrat score: the five forces, the resilience profile and the
 * scenarios of a document, scored by the library and shown as tables or as
 * the JSON object of docs/cli-json.md. The resilience and scenario parts
 * are in scenarios*.c. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char score_help[] =
    "Usage: smbstrat score FILE [--format text|json] [-o OUT]\n"
    "\n"
    "Score what FILE holds: the five forces, the resilience profile and the\n"
    "disruption scenarios.\n"
    "\n"
    "Five forces: for each force its score (the weighted mean of its rated\n"
    "drivers, 1 weak to 5 strong), its intensity (0 to 1), its band (low,\n"
    "moderate, high), its weight, how many of its drivers are rated, and the\n"
    "drivers that contribute most; the dominant forces are marked with '*'.\n"
    "Then the industry's competitive pressure and its attractiveness\n"
    "(1 - pressure, both 0 to 1), the drivers to which the attractiveness is\n"
    "most sensitive, and how many drivers are unrated. A force without a\n"
    "rated driver is shown unscored ('-').\n"
    "\n"
    "Resilience: the index (weighted mean maturity / 5) and the weakest link.\n"
    "\n"
    "Scenarios: threats and opportunities apart, each ranked by exposure\n"
    "(likelihood x impact x the capability factor), with the urgency-weighted\n"
    "exposure, the risk-matrix cell (likelihood level x impact level = rating)\n"
    "and band (low, medium, high, critical), and the totals of each\n"
    "direction. With a forces section, each scenario that shifts force\n"
    "drivers is stress-tested: the force scores and the attractiveness before\n"
    "and after its shifts. Last, the heat of the threats on each canvas block.\n"
    "\n"
    "A section the document lacks is left out (null in JSON); a document with\n"
    "none of them has nothing to score: that is said, and the exit status is 0.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  text (aligned tables, the default) or json (the\n"
    "                       object described in docs/cli-json.md)\n"
    "  -o, --output OUT     write the report to OUT instead of standard output\n"
    "                       ('-' means standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 scored (or nothing to score), 2 bad command line, 3 invalid\n"
    "document, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat score bakery.json\n"
    "  smbstrat score --format json bakery.json | jq .attractiveness\n"
    "  smbstrat score -f json bakery.json | jq '.scenarios[] | select(.rank == 1)'\n"
    "  smbstrat score -f json bakery.json | jq '.block_heat[0]'\n";

enum { OPT_HELP, OPT_FORMAT, OPT_OUTPUT };

static const cli_option score_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"format", 'f', 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {NULL, 0, 0, 0},
};

/* How many of a force's top drivers the table names, and how many bars of
 * the tornado the text shows. */
enum { TOP_DRIVERS = 3, TOP_SWINGS = 3 };

/* What the library computed for one assessment. The tornado is NULL when
 * the attractiveness is undefined. */
typedef struct scored {
    const smb_forces *forces;
    smb_forces_result *result;
    smb_forces_tornado *tornado;
    int has_pressure;
    double pressure, attractiveness;
    char undefined[256]; /* the library's reason when !has_pressure */
} scored;

static int score_all(const smb_forces *forces, scored *s)
{
    smb_status st;

    memset(s, 0, sizeof *s);
    s->forces = forces;
    st = smb_forces_score(forces, &s->result);
    if (st != SMB_OK)
        return cli_library_error(st);
    st = smb_forces_result_pressure(s->result, &s->pressure);
    if (st == SMB_OK)
        st = smb_forces_result_attractiveness(s->result, &s->attractiveness);
    if (st == SMB_ENOTFOUND) {
        snprintf(s->undefined, sizeof s->undefined, "%s", smb_last_error());
        return CLI_EXIT_OK;
    }
    if (st == SMB_OK)
        st = smb_forces_sensitivity(forces, &s->tornado);
    if (st != SMB_OK)
        return cli_library_error(st);
    s->has_pressure = 1;
    return CLI_EXIT_OK;
}

static void scored_free(scored *s)
{
    smb_forces_tornado_free(s->tornado);
    smb_forces_result_free(s->result);
}

static size_t total_unrated(const smb_forces_result *r)
{
    size_t n = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        n += smb_forces_result_unrated_count(r, (smb_force)f);
    return n;
}

static size_t total_drivers(const smb_forces *forces)
{
    size_t n = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        n += smb_forces_driver_count(forces, (smb_force)f);
    return n;
}

/* ---- text ------------------------------------------------------------------ */

/* "channel_access 4.5, network_effects 5, +6 more", or "-". */
static void top_drivers(const smb_forces_result *r, smb_force force, char buf[CLI_CELL_BUF])
{
    size_t n = smb_forces_result_contribution_count(r, force), used = 0;

    snprintf(buf, CLI_CELL_BUF, "-");
    for (size_t i = 0; i < n && i < TOP_DRIVERS && used < CLI_CELL_BUF; i++) {
        const smb_driver_score *d = smb_forces_result_contribution_at(r, force, i);
        char rating[CLI_NUMBER_BUF];
        used += (size_t)snprintf(buf + used, CLI_CELL_BUF - used, "%s%s %s", i ? ", " : "",
                                 d->key, cli_number(rating, d->rating));
    }
    if (n > TOP_DRIVERS && used < CLI_CELL_BUF)
        snprintf(buf + used, CLI_CELL_BUF - used, ", +%zu more", n - TOP_DRIVERS);
}

static void fill_force(const void *data, size_t row, cli_cell *cells,
                       char (*scratch)[CLI_CELL_BUF])
{
    const scored *s = data;
    smb_force force = (smb_force)row;
    const smb_force_score *fs = smb_forces_result_force(s->result, force);

    snprintf(scratch[0], CLI_CELL_BUF, "%s%s", smb_force_key(force), fs->dominant ? " *" : "");
    cells[0].text = scratch[0];
    cells[1].text = fs->has_score ? cli_fixed(scratch[1], fs->score) : "-";
    cells[2].text = fs->has_score ? cli_fixed(scratch[2], fs->intensity) : "-";
    cells[3].text = cli_band_label(fs->band);
    cells[3].colour = cli_band_colour(fs->band);
    cells[4].text = cli_number(scratch[4], fs->weight);
    snprintf(scratch[5], CLI_CELL_BUF, "%zu", fs->rated);
    cells[5].text = scratch[5];
    snprintf(scratch[6], CLI_CELL_BUF, "%zu", fs->unrated);
    cells[6].text = scratch[6];
    top_drivers(s->result, force, scratch[7]);
    cells[7].text = scratch[7];
}

static void print_table(const scored *s, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"FORCE", 0, CLI_FIT_KEEP, 0},       {"SCORE", 1, CLI_FIT_KEEP, 0},
        {"INTENSITY", 1, CLI_FIT_KEEP, 0},   {"BAND", 0, CLI_FIT_KEEP, 0},
        {"WEIGHT", 1, CLI_FIT_KEEP, 0},      {"RATED", 1, CLI_FIT_KEEP, 0},
        {"UNRATED", 1, CLI_FIT_KEEP, 0},     {"TOP DRIVERS", 0, CLI_FIT_WRAP, 1},
    };
    cli_table table = {columns, 8, SMB_FORCE_COUNT, fill_force, s};
    cli_table_print(stdout, &table, ctx);
}

static void print_text(const scored *s, const char *path, const cli_ctx *ctx)
{
    const char *name = smb_forces_name(s->forces);
    size_t dominant = smb_forces_result_dominant_count(s->result);

    cli_paragraph(stdout, ctx, "Five forces%s%s (%s)", name[0] ? ": " : "", name, path);
    fputc('\n', stdout);
    print_table(s, ctx);
    if (dominant > 0)
        printf("* dominant force%s\n", dominant == 1 ? "" : "s (tied)");
    fputc('\n', stdout);
    if (s->has_pressure) {
        char pressure[CLI_NUMBER_BUF], attractiveness[CLI_NUMBER_BUF];
        char swings[CLI_CELL_BUF] = "";
        size_t bars = smb_forces_tornado_count(s->tornado), used = 0;
        cli_paragraph(stdout, ctx, "Competitive pressure %s, attractiveness %s (both from 0 to 1).",
                      cli_fixed(pressure, s->pressure),
                      cli_fixed(attractiveness, s->attractiveness));
        for (size_t i = 0; i < bars && i < TOP_SWINGS && used < sizeof swings; i++) {
            const smb_driver_swing *w = smb_forces_tornado_at(s->tornado, i);
            char swing[CLI_NUMBER_BUF];
            used += (size_t)snprintf(swings + used, sizeof swings - used, "%s %s/%s %s",
                                     i ? "," : "", smb_force_key(w->force), w->key,
                                     cli_fixed(swing, w->swing));
        }
        cli_paragraph(stdout, ctx, "Most sensitive drivers (attractiveness swing from rating 1 to 5):%s.",
                      swings);
    } else {
        cli_paragraph(stdout, ctx, "Not scored: %s.", s->undefined);
    }
    printf("%zu of %zu drivers unrated.\n", total_unrated(s->result), total_drivers(s->forces));
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *json_driver(const smb_driver_score *d)
{
    return json_pack("{s:s, s:s, s:f, s:f, s:f}", "key", d->key, "title", d->title, "rating",
                     d->rating, "weight", d->weight, "contribution", d->contribution);
}

static json_t *json_force(const smb_forces_result *r, smb_force force)
{
    const smb_force_score *fs = smb_forces_result_force(r, force);
    size_t n = smb_forces_result_contribution_count(r, force);
    json_t *drivers = json_array();

    for (size_t i = 0; drivers && i < n; i++) {
        if (cli_json_append(drivers,
                            json_driver(smb_forces_result_contribution_at(r, force, i))) != 0) {
            json_decref(drivers);
            drivers = NULL;
        }
    }
    json_t *obj = json_pack("{s:s, s:o, s:o, s:o, s:f, s:b, s:f, s:I, s:I}", "title",
                            smb_force_title(force), "score", cli_json_real(fs->has_score, fs->score),
                            "intensity", cli_json_real(fs->has_score, fs->intensity), "band",
                            cli_json_band(fs->band), "weight", fs->weight, "dominant",
                            fs->dominant, "pressure_share", fs->pressure_share, "rated",
                            (json_int_t)fs->rated, "unrated", (json_int_t)fs->unrated);
    return cli_json_set(obj, "drivers", drivers);
}

static json_t *json_unrated(const smb_forces_result *r)
{
    json_t *list = json_array();
    for (int f = 0; list && f < SMB_FORCE_COUNT; f++) {
        size_t n = smb_forces_result_unrated_count(r, (smb_force)f);
        for (size_t i = 0; i < n; i++) {
            const smb_driver_score *d = smb_forces_result_unrated_at(r, (smb_force)f, i);
            if (cli_json_append(list, json_pack("{s:s, s:s, s:s}", "force",
                                                smb_force_key((smb_force)f), "key", d->key,
                                                "title", d->title)) != 0) {
                json_decref(list);
                return NULL;
            }
        }
    }
    return list;
}

static json_t *json_dominant(const smb_forces_result *r)
{
    json_t *list = json_array();
    size_t n = smb_forces_result_dominant_count(r);
    for (size_t i = 0; list && i < n; i++) {
        if (cli_json_append(list, json_string(smb_force_key(
                                      smb_forces_result_dominant_at(r, i)))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_sensitivity(const smb_forces_tornado *t)
{
    if (!t)
        return json_null();
    json_t *list = json_array();
    size_t n = smb_forces_tornado_count(t);
    for (size_t i = 0; list && i < n; i++) {
        const smb_driver_swing *w = smb_forces_tornado_at(t, i);
        if (cli_json_append(list, json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:f}", "force",
                                            smb_force_key(w->force), "driver", w->key, "title",
                                            w->title, "rating", w->rating, "low", w->at_min,
                                            "high", w->at_max, "swing", w->swing)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_forces(const smb_forces_result *r)
{
    json_t *obj = json_object();
    for (int f = 0; obj && f < SMB_FORCE_COUNT; f++)
        obj = cli_json_set(obj, smb_force_key((smb_force)f), json_force(r, (smb_force)f));
    return obj;
}

/* The forces part of the report; `s` is NULL for a document without a
 * forces section. */
static json_t *json_report(const char *path, const scored *s)
{
    json_t *obj = json_pack("{s:s}", "file", path);
    if (!s) {
        obj = cli_json_set(obj, "name", json_null());
        obj = cli_json_set(obj, "forces", json_null());
        obj = cli_json_set(obj, "pressure", json_null());
        obj = cli_json_set(obj, "attractiveness", json_null());
        obj = cli_json_set(obj, "dominant", json_array());
        obj = cli_json_set(obj, "unrated", json_array());
        return cli_json_set(obj, "sensitivity", json_null());
    }
    obj = cli_json_set(obj, "name", json_string(smb_forces_name(s->forces)));
    obj = cli_json_set(obj, "forces", json_forces(s->result));
    obj = cli_json_set(obj, "pressure", cli_json_real(s->has_pressure, s->pressure));
    obj = cli_json_set(obj, "attractiveness", cli_json_real(s->has_pressure, s->attractiveness));
    obj = cli_json_set(obj, "dominant", json_dominant(s->result));
    obj = cli_json_set(obj, "unrated", json_unrated(s->result));
    return cli_json_set(obj, "sensitivity", json_sensitivity(s->tornado));
}

/* Everything the document holds, as text or JSON. */
static void print_all(const char *path, const scored *s, const cli_scenarios_report *r,
                      const cli_ctx *ctx)
{
    if (!s && !r->resilience && !r->scenarios) {
        printf("%s: no forces, resilience or scenarios section, nothing to score\n", path);
        return;
    }
    if (s)
        print_text(s, path, ctx);
    else
        printf("%s: no forces section.\n", path);
    if (r->resilience) {
        fputc('\n', stdout);
        cli_resilience_text(r->resilience, ctx);
    }
    if (r->scores) {
        fputc('\n', stdout);
        cli_scenarios_text(r, ctx);
    }
}

static int score_document(const smb_document *doc, const char *path, cli_report_format format,
                          const char *output, const cli_ctx *ctx)
{
    const smb_forces *forces = smb_document_forces_const(doc);
    cli_scenarios_report report;
    scored s;
    int rc = CLI_EXIT_OK;

    memset(&s, 0, sizeof s);
    if (forces)
        rc = score_all(forces, &s);
    if (rc == CLI_EXIT_OK)
        rc = cli_scenarios_report_init(&report, doc);
    else
        memset(&report, 0, sizeof report);
    if (rc == CLI_EXIT_OK) {
        cli_redirect redirect;
        rc = cli_redirect_begin(&redirect, output, &ctx);
        if (rc == CLI_EXIT_OK && format == CLI_REPORT_JSON)
            rc = cli_print_json(
                cli_scenarios_json(json_report(path, forces ? &s : NULL), &report));
        else if (rc == CLI_EXIT_OK)
            print_all(path, forces ? &s : NULL, &report, ctx);
        rc = cli_redirect_end(&redirect, rc);
    }
    cli_scenarios_report_free(&report);
    scored_free(&s);
    return rc;
}

/* ---- the command ----------------------------------------------------------- */

int cmd_score(int argc, char **argv, const cli_ctx *ctx)
{
    cli_parser p;
    cli_report_format format = CLI_REPORT_TEXT;
    int kind, id = 0, rc;
    const char *value, *path = NULL, *output = NULL;
    smb_document *doc = NULL;

    cli_parser_init(&p, argc, argv, "score");
    while ((kind = cli_next(&p, score_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (path)
                return cli_usage_error("score", "unexpected argument '%s'", value);
            path = value;
        } else if (id == OPT_HELP) {
            fputs(score_help, stdout);
            return CLI_EXIT_OK;
        } else if (id == OPT_OUTPUT) {
            output = value;
        } else if (cli_report_format_parse("score", value, &format) != CLI_EXIT_OK) {
            return CLI_EXIT_USAGE;
        }
    }
    if (!path)
        return cli_usage_error("score", "missing FILE");

    rc = cli_load(path, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = score_document(doc, path, format, output, ctx);
    smb_document_free(doc);
    return rc;
}
