/* SPDX-License-Identifier: MIT */
/* Status names and the thread-local record of the last failure. The record
 * lives in fixed thread-local buffers so that reporting an allocation
 * failure never needs to allocate. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

enum { MESSAGE_MAX = 1024, FILE_MAX = 512, PATH_MAX_LEN = 512 };

typedef struct error_slot {
    smb_error info;
    char message[MESSAGE_MAX];
    char file[FILE_MAX];
    char path[PATH_MAX_LEN];
} error_slot;

static _Thread_local error_slot last = {
    .info = {SMB_OK, "", NULL, NULL, 0, 0},
};

static const struct {
    smb_status status;
    const char *name;
    const char *text;
} statuses[] = {
    {SMB_OK, "SMB_OK", "success"},
    {SMB_EINVAL, "SMB_EINVAL", "invalid argument"},
    {SMB_ENOMEM, "SMB_ENOMEM", "out of memory"},
    {SMB_EPARSE, "SMB_EPARSE", "malformed input"},
    {SMB_ESCHEMA, "SMB_ESCHEMA", "input does not follow the document format"},
    {SMB_ENOTFOUND, "SMB_ENOTFOUND", "not found"},
    {SMB_EEXIST, "SMB_EEXIST", "already exists"},
    {SMB_ERANGE, "SMB_ERANGE", "number out of range"},
    {SMB_EIO, "SMB_EIO", "input/output error"},
    {SMB_ELIMIT, "SMB_ELIMIT", "limit exceeded"},
    {SMB_ECANCELED, "SMB_ECANCELED", "canceled"},
};

const char *smb_strerror(smb_status status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].status == status)
            return statuses[i].text;
    return "unknown status";
}

const char *smb_status_name(smb_status status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].status == status)
            return statuses[i].name;
    return "SMB_UNKNOWN";
}

const char *smb_last_error(void)
{
    return last.info.message ? last.info.message : "";
}

const smb_error *smb_last_error_info(void)
{
    if (!last.info.message)
        last.info.message = "";
    return &last.info;
}

void smb_clear_error(void)
{
    last.info = (smb_error){SMB_OK, "", NULL, NULL, 0, 0};
    last.message[0] = last.file[0] = last.path[0] = '\0';
}

/* Copy with truncation; a truncated string stays a valid C string, and
 * valid UTF-8 when it was. */
static void copy_bounded(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = smb__utf8_cut(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

smb_status smb__vfail_at(smb_status status, const char *file, const char *path,
                         int line, int column, const char *fmt, va_list ap)
{
    /* Callers may pass a path that points into the previous record; build
     * the new one in locals first. */
    error_slot next;
    next.info = (smb_error){status, next.message, NULL, NULL, line, column};
    next.file[0] = next.path[0] = '\0';
    size_t used = 0;
    if (file && *file) {
        copy_bounded(next.file, sizeof next.file, file);
        if (line > 0 && column > 0)
            used = (size_t)snprintf(next.message, sizeof next.message, "%s:%d:%d: ",
                                    next.file, line, column);
        else if (line > 0)
            used = (size_t)snprintf(next.message, sizeof next.message, "%s:%d: ",
                                    next.file, line);
        else
            used = (size_t)snprintf(next.message, sizeof next.message, "%s: ", next.file);
    } else if (line > 0) {
        used = (size_t)snprintf(next.message, sizeof next.message, "line %d, column %d: ",
                                line, column);
    }
    if (used >= sizeof next.message)
        used = sizeof next.message - 1;
    if (path && *path) {
        copy_bounded(next.path, sizeof next.path, path);
        int n = snprintf(next.message + used, sizeof next.message - used, "%s: ", next.path);
        if (n > 0)
            used += (size_t)n;
        if (used >= sizeof next.message)
            used = sizeof next.message - 1;
    }
    int n = vsnprintf(next.message + used, sizeof next.message - used, fmt, ap);
    /* A message too long for the record is cut between characters, so
     * that callers (and the Python bindings) can always decode it. */
    if (n > 0 && used + (size_t)n >= sizeof next.message) {
        size_t keep = smb__utf8_cut(next.message, sizeof next.message - 1);
        next.message[keep] = '\0';
    }
    /* Text echoed from the input (jansson's "near '...'", a file name) may
     * hold bytes that are no UTF-8, or a character cut in two; the message
     * never does. */
    smb__utf8_scrub(next.message);

    memcpy(last.message, next.message, sizeof last.message);
    memcpy(last.file, next.file, sizeof last.file);
    memcpy(last.path, next.path, sizeof last.path);
    last.info = (smb_error){status, last.message, last.file[0] ? last.file : NULL,
                            last.path[0] ? last.path : NULL, line, column};
    return status;
}

smb_status smb__fail_at(smb_status status, const char *file, const char *path,
                        int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    smb__vfail_at(status, file, path, line, column, fmt, ap);
    va_end(ap);
    return status;
}

smb_status smb__fail(smb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    smb__vfail_at(status, NULL, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return status;
}

smb_status smb__nomem(void)
{
    return smb__fail(SMB_ENOMEM, "out of memory");
}
