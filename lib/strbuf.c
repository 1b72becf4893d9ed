/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void smb__buf_init(smb_buf *b)
{
    *b = (smb_buf){NULL, 0, 0, false};
}

void smb__buf_append(smb_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (n >= (size_t)-1 - b->len ||
        smb__reserve((void **)&b->data, &b->cap, b->len + n + 1, 1) != SMB_OK) {
        b->failed = true;
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void smb__buf_puts(smb_buf *b, const char *s)
{
    smb__buf_append(b, s, strlen(s));
}

void smb__buf_printf(smb_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        smb__buf_append(b, small, (size_t)n);
        return;
    }
    if (smb__reserve((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1) != SMB_OK) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void smb__buf_put_xml(smb_buf *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *entity = NULL;
        switch (*s) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        case '\xEF':
            /* U+FFFE and U+FFFF are valid UTF-8 but not XML characters. */
            if (s[1] == '\xBF' && (s[2] == '\xBE' || s[2] == '\xBF')) {
                smb__buf_append(b, run, (size_t)(s - run));
                smb__buf_puts(b, "\xEF\xBF\xBD");
                s += 2;
                run = s + 1;
            }
            break;
        default:
            /* XML 1.0 forbids most C0 controls even as references: drop them. */
            if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
                entity = "";
            break;
        }
        if (entity) {
            smb__buf_append(b, run, (size_t)(s - run));
            smb__buf_puts(b, entity);
            run = s + 1;
        }
    }
    smb__buf_append(b, run, (size_t)(s - run));
}

smb_status smb__buf_finish(smb_buf *b, char **out, size_t *length)
{
    if (!b->failed && !b->data)
        smb__buf_append(b, "", 0);
    if (b->failed) {
        smb__buf_free(b);
        return smb__nomem();
    }
    *out = b->data;
    if (length)
        *length = b->len;
    smb__buf_init(b);
    return SMB_OK;
}

void smb__buf_free(smb_buf *b)
{
    smb__free(b->data);
    smb__buf_init(b);
}
