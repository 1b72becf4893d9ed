/* SPDX-License-Identifier: MIT */
/* smbstrat render: draw a document's canvas as Markdown, SVG or HTML. */
#include <stdio.h>

#include "cli.h"

static const char render_help[] =
    "Usage: smbstrat render FILE [--format markdown|svg|html] [-o OUT]\n"
    "\n"
    "Render the canvas of FILE: GitHub-flavoured Markdown (the default), a\n"
    "standalone SVG image in the classic nine-block layout, or a\n"
    "self-contained HTML page. The output goes to standard output unless\n"
    "-o names a file, which is replaced atomically.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  markdown (default), svg or html\n"
    "  -o, --output OUT     write to OUT instead of standard output ('-' means\n"
    "                       standard output)\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 rendered, 2 bad command line, 3 invalid document or no\n"
    "canvas in it, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat render bakery.json\n"
    "  smbstrat render bakery.json --format svg -o bakery.svg\n"
    "  smbstrat render bakery.json --format html -o bakery.html\n";

enum { OPT_HELP, OPT_FORMAT, OPT_OUTPUT };

static const cli_option render_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"format", 'f', 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {NULL, 0, 0, 0},
};

int cmd_render(int argc, char **argv, const cli_ctx *ctx)
{
    cli_parser p;
    smb_format format = SMB_FORMAT_MARKDOWN;
    int kind, id = 0, rc;
    const char *value, *path = NULL, *output = NULL;
    smb_document *doc = NULL;
    const smb_canvas *canvas;
    char *text = NULL;
    size_t length = 0;
    smb_status st;

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
        } else {
            output = value;
        }
    }
    if (!path)
        return cli_usage_error("render", "missing FILE");

    rc = cli_load(path, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    canvas = smb_document_canvas_const(doc);
    if (!canvas) {
        smb_document_free(doc);
        cli_error("%s: the document has no canvas to render", path);
        return CLI_EXIT_INVALID;
    }
    st = smb_canvas_render(canvas, format, &text, &length);
    smb_document_free(doc);
    if (st != SMB_OK)
        return cli_library_error(st);
    if (cli_is_stdout(output))
        rc = cli_write_stdout(text, length);
    else
        rc = cli_write_file(output, text, length);
    smb_free(text);
    return rc;
}
