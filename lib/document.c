/* SPDX-License-Identifier: MIT */
/* The document object: a container of optional sections and the settings
 * that belong to no section (the planning budget). */
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
    smb_resilience_free(doc->resilience);
    smb_scenarios_free(doc->scenarios);
    smb_responses_free(doc->responses);
    smb__free(doc);
}

/* The three accessors of each section. The setter copies before letting go
 * of the old section: on failure the document keeps what it had, and the
 * section given may be that very one. */
#define SMB__DOC_SECTION(name, type)                                                        \
    type *smb_document_##name(smb_document *doc)                                            \
    {                                                                                       \
        return doc ? doc->name : NULL;                                                      \
    }                                                                                       \
    const type *smb_document_##name##_const(const smb_document *doc)                        \
    {                                                                                       \
        return doc ? doc->name : NULL;                                                      \
    }                                                                                       \
    smb_status smb_document_set_##name(smb_document *doc, const type *section)              \
    {                                                                                       \
        if (!doc)                                                                           \
            return smb__fail(SMB_EINVAL, "smb_document_set_" #name ": doc must not be NULL"); \
        type *copy = NULL;                                                                  \
        if (section) {                                                                      \
            smb_status st = type##_copy(section, &copy);                                    \
            if (st != SMB_OK)                                                               \
                return st;                                                                  \
        }                                                                                   \
        type##_free(doc->name);                                                             \
        doc->name = copy;                                                                   \
        return SMB_OK;                                                                      \
    }

SMB__DOC_SECTION(canvas, smb_canvas)
SMB__DOC_SECTION(forces, smb_forces)
SMB__DOC_SECTION(resilience, smb_resilience)
SMB__DOC_SECTION(scenarios, smb_scenarios)
SMB__DOC_SECTION(responses, smb_responses)

smb_status smb_document_budget(const smb_document *doc, double *out)
{
    if (!doc || !out)
        return smb__fail(SMB_EINVAL, "smb_document_budget: %s must not be NULL",
                         !doc ? "doc" : "out");
    if (!doc->has_budget)
        return smb__fail(SMB_ENOTFOUND, "the document has no budget (settings.budget)");
    *out = doc->budget;
    return SMB_OK;
}

smb_status smb__doc_check_budget(double budget)
{
    /* The range smb_responses_plan() accepts, so that a stored budget can
     * always be planned with. */
    if (!smb__finite(budget) || budget < 0 || budget > SMB_MAX_AMOUNT)
        return smb__fail(SMB_ERANGE, "budget: must be a number from 0 to %g, not %g",
                         SMB_MAX_AMOUNT, budget);
    return SMB_OK;
}

smb_status smb_document_set_budget(smb_document *doc, double budget)
{
    if (!doc)
        return smb__fail(SMB_EINVAL, "smb_document_set_budget: doc must not be NULL");
    smb_status st = smb__doc_check_budget(budget);
    if (st != SMB_OK)
        return st;
    doc->budget = budget;
    doc->has_budget = true;
    return SMB_OK;
}

smb_status smb_document_clear_budget(smb_document *doc)
{
    if (!doc)
        return smb__fail(SMB_EINVAL, "smb_document_clear_budget: doc must not be NULL");
    doc->has_budget = false;
    doc->budget = 0;
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
