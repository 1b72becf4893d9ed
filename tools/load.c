/* SPDX-License-Identifier: MIT */
/* Loading documents and reporting why one cannot be loaded. */
#include "cli.h"

int cli_load(const char *path, smb_document **out)
{
    smb_status st;

    smb_clear_error();
    st = smb_document_load_file(path, out);
    if (st != SMB_OK)
        return cli_library_error(st);
    return CLI_EXIT_OK;
}

int cli_canvas_or_empty(const smb_document *doc, const smb_canvas **canvas,
                        smb_canvas **owned)
{
    smb_status st;

    *owned = NULL;
    *canvas = smb_document_canvas_const(doc);
    if (*canvas)
        return CLI_EXIT_OK;
    st = smb_canvas_new(owned);
    if (st != SMB_OK)
        return cli_library_error(st);
    *canvas = *owned;
    return CLI_EXIT_OK;
}

int cli_forces_or_empty(const smb_document *doc, const smb_forces **forces,
                        smb_forces **owned)
{
    smb_status st;

    *owned = NULL;
    *forces = smb_document_forces_const(doc);
    if (*forces)
        return CLI_EXIT_OK;
    st = smb_forces_new(owned);
    if (st != SMB_OK)
        return cli_library_error(st);
    *forces = *owned;
    return CLI_EXIT_OK;
}
