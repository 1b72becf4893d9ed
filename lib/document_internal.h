/* SPDX-License-Identifier: MIT */
/* The document object, shared by document.c, document_load.c and
 * document_save.c. Never installed. */
#ifndef SMB_DOCUMENT_INTERNAL_H
#define SMB_DOCUMENT_INTERNAL_H

#include <stddef.h>

#include "internal.h"

struct smb_document {
    smb_canvas *canvas; /* NULL when the document has no canvas section */
};

/* The text of an OS error number, thread-safe, into buf (never fails). */
const char *smb__os_error(int errnum, char *buf, size_t cap);

#endif /* SMB_DOCUMENT_INTERNAL_H */
