/* SPDX-License-Identifier: MIT */
/* smbstrat diff: what changed between two documents: the canvas item by
 * item, the five forces driver by driver (diff_forces.c). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char diff_help[] =
    "Usage: smbstrat diff A B [--format text|json] [--exit-code] [-o OUT]\n"
    "\n"
    "Compare document A (before) with document B (after).\n"
    "\n"
    "The canvases are matched item by id: the items added (+), removed (-)\n"
    "and changed (~, with the names of the fields that differ), then the links\n"
    "added and removed. A document without a canvas compares as an empty one.\n"
    "\n"
    "The five forces are matched driver by force and key: drivers added and\n"
    "removed, drivers changed (rating before -> after with the change, weight,\n"
    "confidence, rationale, text), each force whose score, band or weight\n"
    "moved, and the attractiveness and competitive pressure before and after.\n"
    "When only one document has a forces section, the other compares as a new,\n"
    "unrated assessment; when neither has one, forces are not mentioned.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  text (the default) or json (docs/cli-json.md)\n"
    "      --exit-code      exit with status 1 when the documents differ\n"
    "  -o, --output OUT     write the report to OUT instead of standard output\n"
    "                       ('-' means standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 compared (1 with --exit-code when they differ), 2 bad\n"
    "command line, 3 invalid document, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat diff bakery-2024.json bakery-2025.json\n"
    "  smbstrat diff forces-2025.json forces-2026.json\n"
    "  smbstrat diff --exit-code old.json new.json || echo 'the model changed'\n"
    "  smbstrat diff --format json old.json new.json\n";

enum { OPT_HELP, OPT_FORMAT, OPT_EXIT_CODE, OPT_OUTPUT };

/* parse() result when --help was printed: stop, successfully. */
enum { HELP_SHOWN = -1 };

static const cli_option diff_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"format", 'f', 1, OPT_FORMAT},
    {"exit-code", 0, 0, OPT_EXIT_CODE},
    {"output", 'o', 1, OPT_OUTPUT},
    {NULL, 0, 0, 0},
};

/* Every ::smb_field bit, in the order the header declares them. */
#define FIELD_BITS 8

/* Number of changes of each ::smb_change_kind. */
typedef struct change_counts {
    size_t n[SMB_CHANGE_LINK_REMOVED + 1];
} change_counts;

static change_counts count_changes(const smb_diff *diff)
{
    change_counts c;
    size_t total = smb_diff_count(diff);

    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < total; i++) {
        const smb_change *ch = smb_diff_at(diff, i);
        if (ch->kind >= SMB_CHANGE_ADDED && ch->kind <= SMB_CHANGE_LINK_REMOVED)
            c.n[ch->kind]++;
    }
    return c;
}

static void print_fields(unsigned fields)
{
    const char *sep = "";
    for (unsigned bit = 0; bit < FIELD_BITS; bit++) {
        const char *key = smb_field_key(1u << bit);
        if ((fields & (1u << bit)) && key) {
            printf("%s%s", sep, key);
            sep = ", ";
        }
    }
}

static void print_change(const smb_change *ch, const smb_canvas *before,
                         const smb_canvas *after, const cli_ctx *ctx)
{
    const smb_item *item = NULL;
    const char *block = smb_block_key(ch->block);

    switch (ch->kind) {
    case SMB_CHANGE_ADDED:
        item = smb_canvas_find(after, ch->id);
        cli_put_coloured(stdout, ctx, CLI_GREEN, "+");
        printf(" %s (%s)%s%s\n", ch->id, block ? block : "-", item ? ": " : "",
               item ? smb_item_text(item) : "");
        break;
    case SMB_CHANGE_REMOVED:
        item = smb_canvas_find(before, ch->id);
        cli_put_coloured(stdout, ctx, CLI_RED, "-");
        printf(" %s (%s)%s%s\n", ch->id, block ? block : "-", item ? ": " : "",
               item ? smb_item_text(item) : "");
        break;
    case SMB_CHANGE_CHANGED:
        cli_put_coloured(stdout, ctx, CLI_YELLOW, "~");
        printf(" %s (%s): ", ch->id, block ? block : "-");
        print_fields(ch->fields);
        fputc('\n', stdout);
        break;
    case SMB_CHANGE_LINK_ADDED:
        cli_put_coloured(stdout, ctx, CLI_GREEN, "+");
        printf(" link %s -> %s\n", ch->id, ch->target ? ch->target : "?");
        break;
    case SMB_CHANGE_LINK_REMOVED:
        cli_put_coloured(stdout, ctx, CLI_RED, "-");
        printf(" link %s -> %s\n", ch->id, ch->target ? ch->target : "?");
        break;
    }
}

static void print_count(size_t n, const char *singular, const char *plural, const char **sep)
{
    if (n == 0)
        return;
    printf("%s%zu %s", *sep, n, n == 1 ? singular : plural);
    *sep = ", ";
}

/* Both documents' models and how they compare; the forces members are NULL
 * when neither document has a forces section. */
typedef struct compared {
    const smb_canvas *canvas_a, *canvas_b;
    smb_diff *diff;
    const smb_forces *forces_a, *forces_b;
    smb_forces_comparison *forces;
} compared;

static void print_text(const compared *cmp, const char *path_a, const char *path_b,
                       const cli_ctx *ctx)
{
    size_t total = smb_diff_count(cmp->diff);
    change_counts c = count_changes(cmp->diff);
    const char *sep = "";

    for (size_t i = 0; i < total; i++)
        print_change(smb_diff_at(cmp->diff, i), cmp->canvas_a, cmp->canvas_b, ctx);
    if (cmp->forces)
        cli_forces_diff_text(cmp->forces, cmp->forces_a, cmp->forces_b, ctx);
    printf("%s -> %s: ", path_a, path_b);
    print_count(c.n[SMB_CHANGE_ADDED], "item added", "items added", &sep);
    print_count(c.n[SMB_CHANGE_REMOVED], "item removed", "items removed", &sep);
    print_count(c.n[SMB_CHANGE_CHANGED], "item changed", "items changed", &sep);
    print_count(c.n[SMB_CHANGE_LINK_ADDED], "link added", "links added", &sep);
    print_count(c.n[SMB_CHANGE_LINK_REMOVED], "link removed", "links removed", &sep);
    if (cmp->forces)
        cli_forces_diff_summary(cmp->forces, &sep);
    if (sep[0] == '\0')
        fputs("no changes", stdout);
    fputc('\n', stdout);
}

static json_t *json_change(const smb_change *ch)
{
    json_t *obj = json_pack("{s:s, s:s, s:s?}", "change", smb_change_kind_key(ch->kind), "id",
                            ch->id, "block", smb_block_key(ch->block));
    json_t *fields;

    if (!obj)
        return NULL;
    if (ch->kind == SMB_CHANGE_LINK_ADDED || ch->kind == SMB_CHANGE_LINK_REMOVED) {
        if (json_object_set_new(obj, "target", json_string(ch->target)) != 0)
            goto fail;
    }
    if (ch->kind == SMB_CHANGE_CHANGED) {
        fields = json_array();
        if (json_object_set_new(obj, "fields", fields) != 0)
            goto fail;
        for (unsigned bit = 0; bit < FIELD_BITS; bit++) {
            const char *key = smb_field_key(1u << bit);
            if ((ch->fields & (1u << bit)) && key &&
                json_array_append_new(fields, json_string(key)) != 0)
                goto fail;
        }
    }
    return obj;

fail:
    json_decref(obj);
    return NULL;
}

static json_t *json_report(const compared *cmp, const char *path_a, const char *path_b)
{
    size_t total = smb_diff_count(cmp->diff);
    change_counts c = count_changes(cmp->diff);
    json_t *list = json_array();

    if (!list)
        return NULL;
    for (size_t i = 0; i < total; i++) {
        if (json_array_append_new(list, json_change(smb_diff_at(cmp->diff, i))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    json_t *report = json_pack("{s:s, s:s, s:o, s:{s:I, s:I, s:I, s:I, s:I}}", "before", path_a,
                               "after", path_b, "changes", list, "totals",
                               "added", (json_int_t)c.n[SMB_CHANGE_ADDED],
                               "removed", (json_int_t)c.n[SMB_CHANGE_REMOVED],
                               "changed", (json_int_t)c.n[SMB_CHANGE_CHANGED],
                               "link_added", (json_int_t)c.n[SMB_CHANGE_LINK_ADDED],
                               "link_removed", (json_int_t)c.n[SMB_CHANGE_LINK_REMOVED]);
    return cli_json_set(report, "forces",
                        cmp->forces ? cli_forces_diff_json(cmp->forces, cmp->forces_a,
                                                           cmp->forces_b)
                                    : json_null());
}

/* Compare the forces when either document has them. */
static int compare_forces(const smb_document *doc_a, const smb_document *doc_b, compared *cmp,
                          smb_forces **empty_a, smb_forces **empty_b)
{
    int rc;
    smb_status st;

    if (!smb_document_forces_const(doc_a) && !smb_document_forces_const(doc_b))
        return CLI_EXIT_OK;
    rc = cli_forces_or_empty(doc_a, &cmp->forces_a, empty_a);
    if (rc == CLI_EXIT_OK)
        rc = cli_forces_or_empty(doc_b, &cmp->forces_b, empty_b);
    if (rc != CLI_EXIT_OK)
        return rc;
    st = smb_forces_compare(cmp->forces_a, cmp->forces_b, &cmp->forces);
    return st == SMB_OK ? CLI_EXIT_OK : cli_library_error(st);
}

/* Parse the command line into the two paths and the options. */
static int parse(int argc, char **argv, const char **paths, cli_report_format *format,
                 int *exit_code, const char **output)
{
    cli_parser p;
    int kind, id = 0, npaths = 0;
    const char *value;

    cli_parser_init(&p, argc, argv, "diff");
    while ((kind = cli_next(&p, diff_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (npaths == 2)
                return cli_usage_error("diff", "unexpected argument '%s'", value);
            paths[npaths++] = value;
        } else if (id == OPT_HELP) {
            fputs(diff_help, stdout);
            return HELP_SHOWN;
        } else if (id == OPT_FORMAT) {
            if (cli_report_format_parse("diff", value, format) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
        } else if (id == OPT_OUTPUT) {
            *output = value;
        } else {
            *exit_code = 1;
        }
    }
    if (npaths < 2)
        return cli_usage_error("diff", "expected two files, A and B");
    return CLI_EXIT_OK;
}

int cmd_diff(int argc, char **argv, const cli_ctx *ctx)
{
    const char *paths[2] = {NULL, NULL}, *output = NULL;
    cli_report_format format = CLI_REPORT_TEXT;
    int exit_code = 0, rc;
    smb_document *doc_a = NULL, *doc_b = NULL;
    smb_canvas *empty_a = NULL, *empty_b = NULL;
    smb_forces *no_forces_a = NULL, *no_forces_b = NULL;
    compared cmp;
    smb_status st;

    rc = parse(argc, argv, paths, &format, &exit_code, &output);
    if (rc != CLI_EXIT_OK)
        return rc == HELP_SHOWN ? CLI_EXIT_OK : rc;

    rc = cli_load(paths[0], &doc_a);
    if (rc == CLI_EXIT_OK)
        rc = cli_load(paths[1], &doc_b);
    memset(&cmp, 0, sizeof cmp);
    if (rc == CLI_EXIT_OK)
        rc = cli_canvas_or_empty(doc_a, &cmp.canvas_a, &empty_a);
    if (rc == CLI_EXIT_OK)
        rc = cli_canvas_or_empty(doc_b, &cmp.canvas_b, &empty_b);
    if (rc == CLI_EXIT_OK) {
        st = smb_canvas_diff(cmp.canvas_a, cmp.canvas_b, &cmp.diff);
        if (st != SMB_OK)
            rc = cli_library_error(st);
    }
    if (rc == CLI_EXIT_OK)
        rc = compare_forces(doc_a, doc_b, &cmp, &no_forces_a, &no_forces_b);
    if (rc == CLI_EXIT_OK) {
        cli_redirect redirect;
        rc = cli_redirect_begin(&redirect, output, &ctx);
        if (rc == CLI_EXIT_OK && format == CLI_REPORT_JSON)
            rc = cli_print_json(json_report(&cmp, paths[0], paths[1]));
        else if (rc == CLI_EXIT_OK)
            print_text(&cmp, paths[0], paths[1], ctx);
        if (rc == CLI_EXIT_OK && exit_code &&
            (smb_diff_count(cmp.diff) > 0 || (cmp.forces && cli_forces_differ(cmp.forces))))
            rc = CLI_EXIT_FINDINGS;
        rc = cli_redirect_end(&redirect, rc);
    }
    smb_forces_comparison_free(cmp.forces);
    smb_forces_free(no_forces_a);
    smb_forces_free(no_forces_b);
    smb_diff_free(cmp.diff);
    smb_canvas_free(empty_a);
    smb_canvas_free(empty_b);
    smb_document_free(doc_a);
    smb_document_free(doc_b);
    return rc;
}
