/* SPDX-License-Identifier: MIT */
/* smbstrat new: start a document from nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char new_help[] =
    "Usage: smbstrat new canvas [--name NAME] [-o OUT] [--force]\n"
    "\n"
    "Write a new document holding an empty business model canvas, ready to\n"
    "fill in. It goes to standard output unless -o names a file; an existing\n"
    "file is never replaced unless --force is given, and the file is written\n"
    "atomically.\n"
    "\n"
    "Options:\n"
    "  -n, --name NAME    the business's name\n"
    "  -o, --output OUT   write to OUT instead of standard output\n"
    "      --force        replace OUT if it exists\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "Exit status: 0 written, 2 bad command line, 3 invalid name, 4 OUT exists\n"
    "or cannot be written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat new canvas --name 'Crumb & Co. Bakery' -o bakery.json\n"
    "  smbstrat new canvas | less\n";

enum { OPT_HELP, OPT_NAME, OPT_OUTPUT, OPT_FORCE };

static const cli_option new_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"name", 'n', 1, OPT_NAME},
    {"output", 'o', 1, OPT_OUTPUT},
    {"force", 0, 0, OPT_FORCE},
    {NULL, 0, 0, 0},
};

/* A document holding one empty canvas, built through the library so that it
 * is valid by construction. */
static int build(const char *name, smb_document **out)
{
    smb_canvas *canvas = NULL;
    smb_document *doc = NULL;
    smb_status st = smb_canvas_new(&canvas);

    if (st == SMB_OK)
        st = smb_canvas_set_name(canvas, name);
    if (st == SMB_OK)
        st = smb_document_new(&doc);
    if (st == SMB_OK)
        st = smb_document_set_canvas(doc, canvas);
    smb_canvas_free(canvas);
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

int cmd_new(int argc, char **argv, const cli_ctx *ctx)
{
    cli_parser p;
    int kind, id = 0, force = 0, rc;
    const char *value, *what = NULL, *name = NULL, *output = NULL;
    smb_document *doc = NULL;

    (void)ctx;
    cli_parser_init(&p, argc, argv, "new");
    while ((kind = cli_next(&p, new_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (what)
                return cli_usage_error("new", "unexpected argument '%s'", value);
            what = value;
        } else if (id == OPT_HELP) {
            fputs(new_help, stdout);
            return CLI_EXIT_OK;
        } else if (id == OPT_NAME) {
            name = value;
        } else if (id == OPT_OUTPUT) {
            output = value;
        } else {
            force = 1;
        }
    }
    if (!what)
        return cli_usage_error("new", "missing what to create (canvas)");
    if (strcmp(what, "canvas") != 0)
        return cli_usage_error("new", "cannot create '%s' (only 'canvas')", what);

    rc = build(name, &doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_is_stdout(output) ? write_stdout(doc) : save(doc, output, force);
    smb_document_free(doc);
    return rc;
}
