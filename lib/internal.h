/* SPDX-License-Identifier: MIT */
/*
 * Private helpers shared by every translation unit of the library:
 * allocation through the replaceable allocator, error recording, text
 * validation. Never installed.
 */
#ifndef SMB_INTERNAL_H
#define SMB_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "smbstrat/smbstrat.h"

#if defined(__GNUC__)
#define SMB_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define SMB_NODISCARD __attribute__((warn_unused_result))
#else
#define SMB_PRINTF(fmt, args)
#define SMB_NODISCARD
#endif

/* ---- allocation (alloc.c) ---------------------------------------------- */
void *smb__malloc(size_t size);
void *smb__calloc(size_t count, size_t size); /* overflow-checked, zeroed */
void *smb__realloc(void *ptr, size_t size);
void smb__free(void *ptr);
char *smb__strdup(const char *s);             /* NULL in -> NULL out */
char *smb__strndup(const char *s, size_t n);  /* copies n bytes, adds NUL */
/* Make room for at least `need` elements of `elem` bytes in *items, growing
 * the capacity geometrically. On failure *items and *cap are unchanged. */
SMB_NODISCARD smb_status smb__reserve(void **items, size_t *cap, size_t need, size_t elem);

/* ---- errors (error.c) -------------------------------------------------- */
/* Record a failure on this thread and return `status`, so that callers can
 * write `return smb__fail(SMB_EINVAL, "...")`. */
smb_status smb__fail(smb_status status, const char *fmt, ...) SMB_PRINTF(2, 3);
/* As smb__fail, with the location of the offending input. Any of file and
 * path may be NULL, line and column 0. The message is prefixed with
 * "file:line:column: path: ". */
smb_status smb__fail_at(smb_status status, const char *file, const char *path,
                        int line, int column, const char *fmt, ...) SMB_PRINTF(6, 7);
smb_status smb__vfail_at(smb_status status, const char *file, const char *path,
                         int line, int column, const char *fmt, va_list ap);
/* Shorthand for the out-of-memory failure. */
smb_status smb__nomem(void);

/* ---- text validation (text.c) ------------------------------------------ */
/* Whether s[0..n) is valid UTF-8 (no overlongs, surrogates or values past
 * U+10FFFF). */
bool smb__utf8_valid(const char *s, size_t n);
/* The length of s[0..n) without a multi-byte sequence cut short at its
 * end: where to cut a valid UTF-8 string so that it stays valid. */
size_t smb__utf8_cut(const char *s, size_t n);
/* Make the NUL-terminated s valid UTF-8 in place: each byte that starts no
 * valid sequence becomes '?'. */
void smb__utf8_scrub(char *s);
/* Check a caller-supplied string for `field`: not NULL, valid UTF-8, at most
 * SMB_MAX_TEXT_LENGTH bytes and, unless allow_empty, not empty. Records the
 * failure naming `field`. */
smb_status smb__check_text(const char *field, const char *s, bool allow_empty);
/* Check an item id: 1..SMB_MAX_ID_LENGTH of [A-Za-z0-9_.-]. */
smb_status smb__check_id(const char *id);
/* ---- echoing untrusted keys in messages (show.c) ---------------------- */
/* Copy `s` into buf (of `cap` bytes, at least 8) for a message: bytes
 * outside printable ASCII become '?', and anything past cap - 4 bytes is
 * cut and marked "...". Returns buf. For echoing ids and keys the caller
 * gave, which may be long or not even valid UTF-8. */
const char *smb__show(char *buf, size_t cap, const char *s);

/* Whether a double is finite. */
bool smb__finite(double x);

/* ---- ranking (rank.c) -------------------------------------------------- */
/* Values within SMB__TIE of each other rank together. */
#define SMB__TIE 1e-12
/* Whether two values are equal for ranking and tie purposes. */
bool smb__same_value(double a, double b);
/* Order for sorting by value, largest first; ties are left to the caller. */
int smb__rank_desc(double a, double b);

/* ---- growable text buffer (strbuf.c) ----------------------------------- */
/* Appends never fail loudly: the first allocation failure makes the buffer
 * sticky-failed and smb__buf_finish reports SMB_ENOMEM. This keeps
 * renderers free of error plumbing on every line. */
typedef struct smb_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} smb_buf;

void smb__buf_init(smb_buf *b);
void smb__buf_append(smb_buf *b, const char *s, size_t n);
void smb__buf_puts(smb_buf *b, const char *s);
void smb__buf_printf(smb_buf *b, const char *fmt, ...) SMB_PRINTF(2, 3);
/* Append s with &, <, >, " and ' replaced by XML entities. */
void smb__buf_put_xml(smb_buf *b, const char *s);
/* Hand the NUL-terminated contents to the caller (release with smb_free),
 * or free them and return SMB_ENOMEM if any append failed. */
smb_status smb__buf_finish(smb_buf *b, char **out, size_t *length);
void smb__buf_free(smb_buf *b);

#endif /* SMB_INTERNAL_H */
