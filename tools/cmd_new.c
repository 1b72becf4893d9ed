/* SPDX-License-Identifier: MIT */
/* smbstrat new: start a document from nothing, or from a template: a
 * complete document for a kind of business (bakery, boutique, ...). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char new_help[] =
    "Usage: smbstrat new canvas|forces [--name NAME] [-o OUT] [--force]\n"
    "       smbstrat new --template NAME [--name NAME] [-o OUT] [--force]\n"
    "       smbstrat new --list [--format text|json]\n"
    "\n"
    "Write a new document, ready to fill in: 'canvas' holds an empty business\n"
    "model canvas; 'forces' an empty five-forces section (every force listed,\n"
    "no driver rated yet: rate the drivers of the catalogue by their keys,\n"
    "see docs/format.md).\n"
    "\n"
    "A template is a complete document for a kind of business, to adapt\n"
    "rather than to start from nothing: a canvas with items in all nine\n"
    "blocks and their links, the five forces rated with a rationale for each\n"
    "driver, a resilience profile, disruption scenarios, candidate responses\n"
    "and a budget. --name replaces the business's name on its canvas; --list\n"
    "shows the templates.\n"
    "\n"
    "The document goes to standard output unless -o names a file; an existing\n"
    "file is never replaced unless --force is given, and the file is written\n"
    "atomically.\n"
    "\n"
    "Options:\n"
    "  -t, --template NAME  start from the template NAME (see --list)\n"
    "  -l, --list           list the templates, one line each\n"
    "  -n, --name NAME      the business's name (canvas, template) or what is\n"
    "                       assessed (forces)\n"
    "  -o, --output OUT     write to OUT instead of standard output ('-' means\n"
    "                       standard output)\n"
    "      --force          replace OUT if it exists\n"
    "  -f, --format FORMAT  with --list: text (the default) or json\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 written, 2 bad command line or unknown template, 3 invalid\n"
    "name, 4 OUT exists or cannot be written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat new --list\n"
    "  smbstrat new --template bakery --name 'Crumb & Co. Bakery' -o bakery.json\n"
    "  smbstrat new -t fitness-studio -o studio.json && smbstrat score studio.json\n"
    "  smbstrat new canvas --name 'Crumb & Co. Bakery' -o bakery.json\n"
    "  smbstrat new canvas | less\n"
    "  smbstrat new forces --name 'Artisan bakeries in Leeds, 2026' -o forces.json\n";

enum { OPT_HELP, OPT_NAME, OPT_OUTPUT, OPT_FORCE, OPT_TEMPLATE, OPT_LIST, OPT_FORMAT };

static const cli_option new_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"name", 'n', 1, OPT_NAME},
    {"output", 'o', 1, OPT_OUTPUT},
    {"force", 0, 0, OPT_FORCE},
    {"template", 't', 1, OPT_TEMPLATE},
    {"list", 'l', 0, OPT_LIST},
    {"format", 'f', 1, OPT_FORMAT},
    {NULL, 0, 0, 0},
};

/* The command line, parsed. */
typedef struct new_args {
    const char *what;     /* canvas or forces */
    const char *template_name;
    const char *name;
    const char *output;
    int force, list, format_given;
    cli_report_format format;
} new_args;

/* The empty model of the document. */
static smb_status add_canvas(smb_document *doc, const char *name)
{
    smb_canvas *canvas = NULL;
    smb_status st = smb_canvas_new(&canvas);

    if (st == SMB_OK)
        st = smb_canvas_set_name(canvas, name);
    if (st == SMB_OK)
        st = smb_document_set_canvas(doc, canvas);
    smb_canvas_free(canvas);
    return st;
}

static smb_status add_forces(smb_document *doc, const char *name)
{
    smb_forces *forces = NULL;
    smb_status st = smb_forces_new(&forces);

    if (st == SMB_OK)
        st = smb_forces_set_name(forces, name);
    if (st == SMB_OK)
        st = smb_document_set_forces(doc, forces);
    smb_forces_free(forces);
    return st;
}

/* A document holding one empty model, built through the library so that it
 * is valid by construction. */
static int build(smb_status (*add)(smb_document *, const char *), const char *name,
                 smb_document **out)
{
    smb_document *doc = NULL;
    smb_status st = smb_document_new(&doc);

    if (st == SMB_OK)
        st = add(doc, name);
    if (st != SMB_OK) {
        smb_document_free(doc);
        return cli_library_error(st);
    }
    *out = doc;
    return CLI_EXIT_OK;
}

/* Save to `path`. Without --force, first claim the name with O_EXCL so that
 * a file appearing meanwhile is not overwritten either; the library's atomic
 * save then renames over the empty placeholder. */
static int save(const smb_document *doc, const char *path, int force)
{
    int claimed = 0;
    smb_status st;

    if (!force) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd < 0) {
            if (errno == EEXIST)
                cli_error("'%s' already exists (use --force to replace it)", path);
            else
                cli_error("cannot write '%s': %s", path, strerror(errno));
            return CLI_EXIT_IO;
        }
        close(fd);
        claimed = 1;
    }
    st = smb_document_save_file(doc, path);
    if (st != SMB_OK) {
        if (claimed)
            unlink(path);
        return cli_library_error(st);
    }
    return CLI_EXIT_OK;
}

static int write_stdout(const smb_document *doc)
{
    char *text = NULL;
    size_t length = 0;
    smb_status st = smb_document_save_string(doc, &text, &length);
    int rc;

    if (st != SMB_OK)
        return cli_library_error(st);
    rc = cli_write_stdout(text, length);
    smb_free(text);
    return rc;
}

/* ---- templates ------------------------------------------------------------ */

static const cli_template *find_template(const char *name)
{
    for (size_t i = 0; i < cli_template_count; i++)
        if (strcmp(cli_templates[i].name, name) == 0)
            return &cli_templates[i];
    return NULL;
}

/* "unknown template 'bakry'; did you mean 'bakery'? (templates: ...)" */
static int unknown_template(const char *name)
{
    const char *names[16];
    char list[512];
    size_t used = 0, n = 0;
    const char *closest;

    list[0] = '\0';
    for (size_t i = 0; i < cli_template_count && used < sizeof list; i++) {
        if (n < sizeof names / sizeof names[0])
            names[n++] = cli_templates[i].name;
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                 cli_templates[i].name);
    }
    closest = cli_suggest(name, names, n);
    if (closest)
        return cli_usage_error("new", "unknown template '%s'; did you mean '%s'? (templates: %s)",
                               name, closest, list);
    return cli_usage_error("new", "unknown template '%s' (templates: %s)", name, list);
}

/* The template's document, with the business's name replaced when asked. */
static int from_template(const cli_template *t, const char *name, smb_document **out)
{
    smb_document *doc = NULL;
    smb_status st;

    smb_clear_error();
    st = smb_document_load_string((const char *)t->text, t->length, &doc);
    if (st == SMB_OK && name)
        st = smb_canvas_set_name(smb_document_canvas(doc), name);
    if (st != SMB_OK) {
        smb_document_free(doc);
        return cli_library_error(st);
    }
    *out = doc;
    return CLI_EXIT_OK;
}

static void fill_template_row(const void *data, size_t row, cli_cell *cells,
                              char (*scratch)[CLI_CELL_BUF])
{
    const cli_template *t = (const cli_template *)data + row;
    (void)scratch;
    cells[0].text = t->name;
    cells[0].colour = CLI_BOLD;
    cells[1].text = t->summary;
}

static int list_templates(cli_report_format format, const cli_ctx *ctx)
{
    static const cli_column columns[] = {
        {"TEMPLATE", 0, CLI_FIT_KEEP, 0},
        {"DESCRIPTION", 0, CLI_FIT_WRAP, 1},
    };
    cli_table table = {columns, 2, cli_template_count, fill_template_row, cli_templates};
    json_t *list;

    if (format == CLI_REPORT_TEXT) {
        cli_table_print(stdout, &table, ctx);
        return CLI_EXIT_OK;
    }
    list = json_array();
    for (size_t i = 0; list && i < cli_template_count; i++) {
        if (cli_json_append(list, json_pack("{s:s, s:s}", "name", cli_templates[i].name,
                                            "summary", cli_templates[i].summary)) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return cli_print_json(cli_json_set(json_object(), "templates", list));
}

/* ---- the command ----------------------------------------------------------- */

/* Returns CLI_EXIT_OK, a usage error, or -1 when --help was printed. */
static int parse_args(int argc, char **argv, new_args *a)
{
    cli_parser p;
    int kind, id = 0;
    const char *value;

    memset(a, 0, sizeof *a);
    a->format = CLI_REPORT_TEXT;
    cli_parser_init(&p, argc, argv, "new");
    while ((kind = cli_next(&p, new_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (a->what)
                return cli_usage_error("new", "unexpected argument '%s'", value);
            a->what = value;
            continue;
        }
        switch (id) {
        case OPT_HELP:
            fputs(new_help, stdout);
            return -1;
        case OPT_NAME:
            a->name = value;
            break;
        case OPT_OUTPUT:
            a->output = value;
            break;
        case OPT_FORCE:
            a->force = 1;
            break;
        case OPT_TEMPLATE:
            a->template_name = value;
            break;
        case OPT_LIST:
            a->list = 1;
            break;
        default:
            if (cli_report_format_parse("new", value, &a->format) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            a->format_given = 1;
            break;
        }
    }
    if (a->list && (a->what || a->template_name || a->name || a->output || a->force))
        return cli_usage_error("new", "--list takes no other option but --format");
    if (a->format_given && !a->list)
        return cli_usage_error("new", "--format applies to --list only");
    if (a->what && a->template_name)
        return cli_usage_error("new", "give either '%s' or --template, not both", a->what);
    if (!a->list && !a->what && !a->template_name)
        return cli_usage_error("new", "missing what to create (canvas, forces or --template NAME)");
    return CLI_EXIT_OK;
}

int cmd_new(int argc, char **argv, const cli_ctx *ctx)
{
    new_args a;
    int rc = parse_args(argc, argv, &a);
    smb_document *doc = NULL;

    if (rc < 0)
        return CLI_EXIT_OK; /* --help */
    if (rc != CLI_EXIT_OK)
        return rc;
    if (a.list)
        return list_templates(a.format, ctx);
    if (a.template_name) {
        const cli_template *t = find_template(a.template_name);
        if (!t)
            return unknown_template(a.template_name);
        rc = from_template(t, a.name, &doc);
    } else if (strcmp(a.what, "canvas") == 0) {
        rc = build(add_canvas, a.name, &doc);
    } else if (strcmp(a.what, "forces") == 0) {
        rc = build(add_forces, a.name, &doc);
    } else {
        return cli_usage_error("new", "cannot create '%s' (use canvas, forces or --template NAME)",
                               a.what);
    }
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_is_stdout(a.output) ? write_stdout(doc) : save(doc, a.output, a.force);
    smb_document_free(doc);
    return rc;
}
