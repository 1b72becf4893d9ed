/* SPDX-License-Identifier: MIT */
/* smbstrat render: draw a document's canvas or five forces as Markdown,
 * SVG or HTML. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char render_help[] =
    "Usage: smbstrat render FILE [--what canvas|forces]\n"
    "                            [--format markdown|svg|html] [-o OUT]\n"
    "\n"
    "Render the canvas or the five forces of FILE: GitHub-flavoured Markdown\n"
    "(the default), a standalone SVG image, or a self-contained HTML page.\n"
    "The canvas is drawn in the classic nine-block layout; the five forces as\n"
    "a diagram with rivalry in the centre and the other forces around it,\n"
    "each coloured by its band, and as tables of forces and drivers. The\n"
    "output goes to standard output unless -o names a file, which is replaced\n"
    "atomically.\n"
    "\n"
    "Options:\n"
    "  -w, --what WHAT      canvas or forces; by default the canvas when the\n"
    "                       document has one, else the forces\n"
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
    "  smbstrat render bakery.json --what forces --format svg -o forces.svg\n";

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
    WHAT_FORCES
} what;

/* Render the part of the document asked for into *text, or say why not. */
static int render_doc(const smb_document *doc, const char *path, what part, smb_format format,
                      char **text, size_t *length)
{
    const smb_canvas *canvas = smb_document_canvas_const(doc);
    const smb_forces *forces = smb_document_forces_const(doc);
    smb_status st;

    if (part == WHAT_DEFAULT) {
        if (!canvas && !forces) {
            cli_error("%s: the document has no canvas and no forces to render", path);
            return CLI_EXIT_INVALID;
        }
        part = canvas ? WHAT_CANVAS : WHAT_FORCES;
    }
    if (part == WHAT_CANVAS && !canvas) {
        cli_error("%s: the document has no canvas to render", path);
        return CLI_EXIT_INVALID;
    }
    if (part == WHAT_FORCES && !forces) {
        cli_error("%s: the document has no forces section to render", path);
        return CLI_EXIT_INVALID;
    }
    if (part == WHAT_CANVAS)
        st = smb_canvas_render(canvas, format, text, length);
    else
        st = smb_forces_render(forces, format, text, length);
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
            if (strcmp(value, "canvas") == 0)
                part = WHAT_CANVAS;
            else if (strcmp(value, "forces") == 0)
                part = WHAT_FORCES;
            else
                return cli_usage_error("render", "cannot render '%s' (use canvas or forces)",
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
