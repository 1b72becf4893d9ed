/* SPDX-License-Identifier: MIT */
/* The document object: a container of optional sections. */
#include <stdio.h>
#include <string.h>

#include "document_internal.h"

smb_status smb_document_new(smb_document **out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "smb_document_new: out must not be NULL");
    smb_document *doc = smb__calloc(1, sizeof *doc);
    if (!doc)
        return smb__nomem();
    *out = doc;
    return SMB_OK;
}

void smb_document_free(smb_document *doc)
{
    if (!doc)
        return;
    smb_canvas_free(doc->canvas);
    smb_forces_free(doc->forces);
    smb__free(doc);
}

smb_canvas *smb_document_canvas(smb_document *doc)
{
    return doc ? doc->canvas : NULL;
}

const smb_canvas *smb_document_canvas_const(const smb_document *doc)
{
    return doc ? doc->canvas : NULL;
}

smb_status smb_document_set_canvas(smb_document *doc, const smb_canvas *canvas)
{
    if (!doc)
        return smb__fail(SMB_EINVAL, "smb_document_set_canvas: doc must not be NULL");
    smb_canvas *copy = NULL;
    if (canvas) {
        /* Copy before letting go of the old section: on failure the
         * document keeps what it had (and canvas may be that very one). */
        smb_status st = smb_canvas_copy(canvas, &copy);
        if (st != SMB_OK)
            return st;
    }
    smb_canvas_free(doc->canvas);
    doc->canvas = copy;
    return SMB_OK;
}

smb_forces *smb_document_forces(smb_document *doc)
{
    return doc ? doc->forces : NULL;
}

const smb_forces *smb_document_forces_const(const smb_document *doc)
{
    return doc ? doc->forces : NULL;
}

smb_status smb_document_set_forces(smb_document *doc, const smb_forces *forces)
{
    if (!doc)
        return smb__fail(SMB_EINVAL, "smb_document_set_forces: doc must not be NULL");
    smb_forces *copy = NULL;
    if (forces) {
        /* As for the canvas: copy first, so that a failure keeps the old
         * section, which may also be the one given. */
        smb_status st = smb_forces_copy(forces, &copy);
        if (st != SMB_OK)
            return st;
    }
    smb_forces_free(doc->forces);
    doc->forces = copy;
    return SMB_OK;
}

const char *smb__os_error(int errnum, char *buf, size_t cap)
{
    /* The XSI strerror_r (this library builds with _POSIX_C_SOURCE and
     * without _GNU_SOURCE) fills buf and returns 0. */
    if (strerror_r(errnum, buf, cap) != 0)
        snprintf(buf, cap, "error %d", errnum);
    return buf;
}
