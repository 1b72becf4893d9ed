/* SPDX-License-Identifier: MIT */
/* smbstrat render: draw a document's canvas, five forces or scenarios as
 * Markdown, SVG or HTML. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char render_help[] =
    "Usage: smbstrat render FILE [--what canvas|forces|scenarios]\n"
    "                            [--format markdown|svg|html] [-o OUT]\n"
    "\n"
    "Render the canvas, the five forces or the scenarios of FILE: GitHub-\n"
    "flavoured Markdown (the default), a standalone SVG image, or a\n"
    "self-contained HTML page. The canvas is drawn in the classic nine-block\n"
    "layout; the five forces as a diagram with rivalry in the centre and the\n"
    "other forces around it, each coloured by its band, and as tables of\n"
    "forces and drivers; the scenarios as a 5x5 risk matrix (likelihood level\n"
    "across, impact level up, cells coloured by band, each scenario a marker\n"
    "in its cell, threats dark and opportunities outlined) and as tables of\n"
    "the ranked threats and opportunities, scored against the document's\n"
    "resilience profile when it has one. The output goes to standard output\n"
    "unless -o names a file, which is replaced atomically.\n"
    "\n"
    "Options:\n"
    "  -w, --what WHAT      canvas, forces or scenarios; by default the first\n"
    "                       of them, in that order, that the document has\n"
    "  -f, --format FORMAT  markdown (default), svg or html\n"
    "  -o, --output OUT     write to OUT instead of standard output ('-' means\n"
    "                       standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 rendered, 2 bad command line, 3 invalid document or\n"
    "nothing of the kind asked for in it, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat render bakery.json\n"
    "  smbstrat render bakery.json --format svg -o bakery.svg\n"
    "  smbstrat render bakery.json --format html -o bakery.html\n"
    "  smbstrat render bakery.json --what forces --format svg -o forces.svg\n"
    "  smbstrat render bakery.json --what scenarios --format svg -o risks.svg\n"
    "  smbstrat render bakery.json -w scenarios -f html -o risks.html\n";

enum { OPT_HELP, OPT_FORMAT, OPT_OUTPUT, OPT_WHAT };

static const cli_option render_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"format", 'f', 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {"what", 'w', 1, OPT_WHAT},
    {NULL, 0, 0, 0},
};

/* What to render; WHAT_DEFAULT picks from the document. */
typedef enum what {
    WHAT_DEFAULT,
    WHAT_CANVAS,
    WHAT_FORCES,
    WHAT_SCENARIOS
} what;

/* The names of --what, in the order the default tries them, and what the
 * error says when the document lacks one. */
static const struct {
    what part;
    const char *name, *missing;
} parts[] = {
    {WHAT_CANVAS, "canvas", "no canvas"},
    {WHAT_FORCES, "forces", "no forces section"},
    {WHAT_SCENARIOS, "scenarios", "no scenarios section"},
};
enum { PART_COUNT = sizeof parts / sizeof parts[0] };

static int has_part(const smb_document *doc, what part)
{
    switch (part) {
    case WHAT_CANVAS:
        return smb_document_canvas_const(doc) != NULL;
    case WHAT_FORCES:
        return smb_document_forces_const(doc) != NULL;
    case WHAT_SCENARIOS:
        return smb_document_scenarios_const(doc) != NULL;
    case WHAT_DEFAULT:
        break;
    }
    return 0;
}

/* Render the part of the document asked for into *text, or say why not. */
static int render_doc(const smb_document *doc, const char *path, what part, smb_format format,
                      char **text, size_t *length)
{
    smb_status st = SMB_OK;

    if (part == WHAT_DEFAULT) {
        for (size_t i = 0; i < PART_COUNT && part == WHAT_DEFAULT; i++)
            if (has_part(doc, parts[i].part))
                part = parts[i].part;
        if (part == WHAT_DEFAULT) {
            cli_error("%s: the document has no canvas, forces or scenarios to render", path);
            return CLI_EXIT_INVALID;
        }
    }
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (parts[i].part == part && !has_part(doc, part)) {
            cli_error("%s: the document has %s to render", path, parts[i].missing);
            return CLI_EXIT_INVALID;
        }
    }
    switch (part) {
    case WHAT_CANVAS:
        st = smb_canvas_render(smb_document_canvas_const(doc), format, text, length);
        break;
    case WHAT_FORCES:
        st = smb_forces_render(smb_document_forces_const(doc), format, text, length);
        break;
    case WHAT_SCENARIOS:
        st = smb_scenarios_render(smb_document_scenarios_const(doc),
                                  smb_document_resilience_const(doc), format, text, length);
        break;
    case WHAT_DEFAULT:
        break;
    }
    return st == SMB_OK ? CLI_EXIT_OK : cli_library_error(st);
}

int cmd_render(int argc, char **argv, const cli_ctx *ctx)
{
    cli_parser p;
    smb_format format = SMB_FORMAT_MARKDOWN;
    what part = WHAT_DEFAULT;
    int kind, id = 0, rc;
    const char *value, *path = NULL, *output = NULL;
    smb_document *doc = NULL;
    char *text = NULL;
    size_t length = 0;

    (void)ctx;
    cli_parser_init(&p, argc, argv, "render");
    while ((kind = cli_next(&p, render_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (path)
                return cli_usage_error("render", "unexpected argument '%s'", value);
            path = value;
        } else if (id == OPT_HELP) {
            fputs(render_help, stdout);
            return CLI_EXIT_OK;
        } else if (id == OPT_FORMAT) {
            if (smb_format_from_key(value, &format) != SMB_OK)
                return cli_usage_error("render", "unknown format '%s' (use markdown, svg or html)",
                                       value);
        } else if (id == OPT_WHAT) {
            part = WHAT_DEFAULT;
            for (size_t i = 0; i < PART_COUNT; i++)
                if (strcmp(value, parts[i].name) == 0)
                    part = parts[i].part;
            if (part == WHAT_DEFAULT)
                return cli_usage_error("render",
                                       "cannot render '%s' (use canvas, forces or scenarios)",
                                       value);
        } else {
            output = value;
        }
    }
    if (!path)
        return cli_usage_error("render", "missing FILE");

    rc = cli_load(path, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = render_doc(doc, path, part, format, &text, &length);
    smb_document_free(doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    if (cli_is_stdout(output))
        rc = cli_write_stdout(text, length);
    else
        rc = cli_write_file(output, text, length);
    smb_free(text);
    return rc;
}
