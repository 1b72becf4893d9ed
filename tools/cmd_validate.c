/* SPDX-License-Identifier: MIT */
/* smbstrat validate: load a document strictly and list the canvas findings. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char validate_help[] =
    "Usage: smbstrat validate FILE [--format text|json] [--strict] [-o OUT]\n"
    "\n"
    "Load FILE strictly (any error in the document is reported with its JSON\n"
    "path, line and column) and check its canvas for completeness and\n"
    "coherence: empty blocks, segments no value proposition serves or no\n"
    "channel reaches, propositions that serve nobody, and more. A document\n"
    "without a canvas is valid and has no findings.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  text (an aligned table, the default) or json\n"
    "      --strict         exit with status 1 when there is any warning or error\n"
    "  -o, --output OUT     write the report to OUT instead of standard output\n"
    "                       ('-' means standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 valid, 1 warnings or errors found with --strict, 2 bad\n"
    "command line, 3 invalid document, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat validate bakery.json\n"
    "  smbstrat validate --strict bakery.json && echo 'ready to share'\n"
    "  smbstrat validate --format json bakery.json\n";

enum { OPT_HELP, OPT_FORMAT, OPT_STRICT, OPT_OUTPUT };

static const cli_option validate_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"format", 'f', 1, OPT_FORMAT},
    {"strict", 0, 0, OPT_STRICT},
    {"output", 'o', 1, OPT_OUTPUT},
    {NULL, 0, 0, 0},
};

/* Counts per severity, asked of the library. */
typedef struct totals {
    size_t errors, warnings, infos;
} totals;

static totals count_findings(const smb_findings *findings)
{
    totals t = {0, 0, 0};
    size_t at_least_warning;

    if (!findings)
        return t;
    t.errors = smb_findings_count_at_least(findings, SMB_SEVERITY_ERROR);
    at_least_warning = smb_findings_count_at_least(findings, SMB_SEVERITY_WARNING);
    t.warnings = at_least_warning - t.errors;
    t.infos = smb_findings_count(findings) - at_least_warning;
    return t;
}

static const char *block_or_dash(smb_block block)
{
    const char *key = smb_block_key(block);
    return key ? key : "-";
}

static cli_colour severity_colour(smb_severity severity)
{
    switch (severity) {
    case SMB_SEVERITY_ERROR:
        return CLI_RED;
    case SMB_SEVERITY_WARNING:
        return CLI_YELLOW;
    case SMB_SEVERITY_INFO:
        break;
    }
    return CLI_CYAN;
}

static void fill_finding(const void *data, size_t row, cli_cell *cells,
                         char (*scratch)[CLI_CELL_BUF])
{
    const smb_finding *f = smb_findings_at(data, row);

    (void)scratch;
    cells[0].text = smb_severity_key(f->severity);
    cells[0].colour = severity_colour(f->severity);
    cells[1].text = f->code;
    cells[2].text = block_or_dash(f->block);
    cells[3].text = f->item ? f->item : "-";
    cells[4].text = f->message;
}

static void print_table(const smb_findings *findings, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"SEVERITY", 0, CLI_FIT_KEEP, 0},
        {"CODE", 0, CLI_FIT_KEEP, 0},
        {"BLOCK", 0, CLI_FIT_KEEP, 0},
        {"ITEM", 0, CLI_FIT_ELIDE, 0},
        {"MESSAGE", 0, CLI_FIT_WRAP, 1},
    };
    cli_table table = {columns, 5, smb_findings_count(findings), fill_finding, findings};
    cli_table_print(stdout, &table, ctx);
}

/* Append ", N thing(s)" for each non-zero count. */
static void print_count(size_t n, const char *singular, const char *plural)
{
    if (n > 0)
        printf(", %zu %s", n, n == 1 ? singular : plural);
}

static void print_summary(const char *path, int has_canvas, totals t)
{
    printf("%s: valid", path);
    if (!has_canvas)
        fputs(", no canvas", stdout);
    else if (t.errors + t.warnings + t.infos == 0)
        fputs(", no findings", stdout);
    print_count(t.errors, "error", "errors");
    print_count(t.warnings, "warning", "warnings");
    /* "info" reads as uncountable: "1 info", "3 info". */
    print_count(t.infos, "info", "info");
    fputc('\n', stdout);
}

static json_t *json_report(const char *path, int has_canvas, const smb_findings *findings,
                           totals t)
{
    json_t *list = json_array();
    size_t n = findings ? smb_findings_count(findings) : 0;

    if (!list)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const smb_finding *f = smb_findings_at(findings, i);
        if (json_array_append_new(list, json_pack("{s:s, s:s, s:s?, s:s?, s:s}",
                                                  "severity", smb_severity_key(f->severity),
                                                  "code", f->code,
                                                  "block", smb_block_key(f->block),
                                                  "item", f->item,
                                                  "message", f->message)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return json_pack("{s:s, s:b, s:b, s:o, s:{s:I, s:I, s:I}}",
                     "file", path, "valid", 1, "canvas", has_canvas, "findings", list,
                     "totals", "error", (json_int_t)t.errors, "warning",
                     (json_int_t)t.warnings, "info", (json_int_t)t.infos);
}

int cmd_validate(int argc, char **argv, const cli_ctx *ctx)
{
    cli_parser p;
    cli_report_format format = CLI_REPORT_TEXT;
    int strict = 0, kind, id = 0, rc;
    const char *value, *path = NULL, *output = NULL;
    smb_document *doc = NULL;
    smb_findings *findings = NULL;
    const smb_canvas *canvas;
    totals t;
    cli_redirect redirect;

    cli_parser_init(&p, argc, argv, "validate");
    while ((kind = cli_next(&p, validate_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (path)
                return cli_usage_error("validate", "unexpected argument '%s'", value);
            path = value;
        } else if (id == OPT_HELP) {
            fputs(validate_help, stdout);
            return CLI_EXIT_OK;
        } else if (id == OPT_FORMAT) {
            if (cli_report_format_parse("validate", value, &format) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
        } else if (id == OPT_OUTPUT) {
            output = value;
        } else {
            strict = 1;
        }
    }
    if (!path)
        return cli_usage_error("validate", "missing FILE");

    rc = cli_load(path, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    canvas = smb_document_canvas_const(doc);
    if (canvas) {
        smb_status st = smb_canvas_check(canvas, &findings);
        if (st != SMB_OK) {
            smb_document_free(doc);
            return cli_library_error(st);
        }
    }
    t = count_findings(findings);

    rc = cli_redirect_begin(&redirect, output, &ctx);
    if (rc == CLI_EXIT_OK && format == CLI_REPORT_JSON) {
        rc = cli_print_json(json_report(path, canvas != NULL, findings, t));
    } else if (rc == CLI_EXIT_OK) {
        if (findings && smb_findings_count(findings) > 0)
            print_table(findings, ctx);
        print_summary(path, canvas != NULL, t);
    }
    smb_findings_free(findings);
    smb_document_free(doc);
    if (rc == CLI_EXIT_OK && strict && t.errors + t.warnings > 0)
        rc = CLI_EXIT_FINDINGS;
    return cli_redirect_end(&redirect, rc);
}
