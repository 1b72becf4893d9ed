/* SPDX-License-Identifier: MIT */
/* smbstrat new: start a document from nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char new_help[] =
    "Usage: smbstrat new canvas|forces [--name NAME] [-o OUT] [--force]\n"
    "\n"
    "Write a new document, ready to fill in: 'canvas' holds an empty business\n"
    "model canvas; 'forces' an empty five-forces section (every force listed,\n"
    "no driver rated yet: rate the drivers of the catalogue by their keys,\n"
    "see docs/format.md). It goes to standard output unless -o names a file;\n"
    "an existing file is never replaced unless --force is given, and the file\n"
    "is written atomically.\n"
    "\n"
    "Options:\n"
    "  -n, --name NAME    the business's name (canvas) or what is assessed\n"
    "                     (forces)\n"
    "  -o, --output OUT   write to OUT instead of standard output\n"
    "      --force        replace OUT if it exists\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "Exit status: 0 written, 2 bad command line, 3 invalid name, 4 OUT exists\n"
    "or cannot be written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat new canvas --name 'Crumb & Co. Bakery' -o bakery.json\n"
    "  smbstrat new canvas | less\n"
    "  smbstrat new forces --name 'Artisan bakeries in Leeds, 2026' -o forces.json\n";

enum { OPT_HELP, OPT_NAME, OPT_OUTPUT, OPT_FORCE };

static const cli_option new_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"name", 'n', 1, OPT_NAME},
    {"output", 'o', 1, OPT_OUTPUT},
    {"force", 0, 0, OPT_FORCE},
    {NULL, 0, 0, 0},
};

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
        return cli_usage_error("new", "missing what to create (canvas or forces)");
    if (strcmp(what, "canvas") == 0)
        rc = build(add_canvas, name, &doc);
    else if (strcmp(what, "forces") == 0)
        rc = build(add_forces, name, &doc);
    else
        return cli_usage_error("new", "cannot create '%s' (use canvas or forces)", what);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_is_stdout(output) ? write_stdout(doc) : save(doc, output, force);
    smb_document_free(doc);
    return rc;
}
