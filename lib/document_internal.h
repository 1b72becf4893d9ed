/* SPDX-License-Identifier: MIT */
/* The document object and the JSON writing shared by document.c, the
 * loaders (document_load*.c) and the savers (document_save.c and one file
 * per section: document_forces.c, document_resilience.c, ...). Never
 * installed. */
#ifndef SMB_DOCUMENT_INTERNAL_H
#define SMB_DOCUMENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

struct smb_document {
    smb_canvas *canvas;         /* NULL when the document has no canvas section */
    smb_forces *forces;         /* NULL when the document has no forces section */
    smb_resilience *resilience; /* NULL when the document has no resilience section */
    smb_scenarios *scenarios;   /* NULL when the document has no scenarios section */
    smb_responses *responses;   /* NULL when the document has no responses section */
    bool has_budget;            /* settings.budget */
    double budget;
};

/* Check a planning budget (finite, 0 to SMB_MAX_AMOUNT); records the
 * failure as "budget: ..." (document.c). */
smb_status smb__doc_check_budget(double budget);

/* The text of an OS error number, thread-safe, into buf (never fails). */
const char *smb__os_error(int errnum, char *buf, size_t cap);

/* ---- writing the saved layout (document_write.c) ------------------------ */
/* Each object is written as "{", then members, then smb__doc_end; `first`
 * tracks whether a member has been written yet. `level` is the nesting
 * level of the object's members minus one (the top-level object is 0). */
void smb__doc_indent(smb_buf *b, int level);
/* A JSON string of valid UTF-8, escaping only what JSON requires. */
void smb__doc_put_string(smb_buf *b, const char *s);
/* A finite number: whole numbers as integers, others in the fewest
 * significant digits (15 to 17) that read back to the same double. */
void smb__doc_put_number(smb_buf *b, double v);
/* Start a member: the separator, the indent and "key": . */
void smb__doc_member(smb_buf *b, int level, bool *first, const char *key);
/* Start an element of an array: the separator, a new line and the indent. */
void smb__doc_element(smb_buf *b, int level, bool *first);
/* Close an object ("}") or array ("]") opened at `level`: on its own line
 * after members, or at once when there were none ("{}", "[]"). */
void smb__doc_end(smb_buf *b, int level, bool first, const char *close);

/* ---- sections (one file each) ------------------------------------------- */
/* Append the section's value (object or array), opened at `level`. */
void smb__doc_save_forces(smb_buf *b, int level, const smb_forces *forces);
void smb__doc_save_resilience(smb_buf *b, int level, const smb_resilience *resilience);
void smb__doc_save_scenarios(smb_buf *b, int level, const smb_scenarios *scenarios);
void smb__doc_save_responses(smb_buf *b, int level, const smb_responses *responses);
/* Whether the document has settings that differ from the defaults, and
 * so a settings section to write (document_settings.c). */
bool smb__doc_has_settings(const smb_document *doc);
void smb__doc_save_settings(smb_buf *b, int level, const smb_document *doc);

#endif /* SMB_DOCUMENT_INTERNAL_H */
