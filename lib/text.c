/* SPDX-License-Identifier: MIT */
/* Validation of caller-supplied strings and ids. */
#include <math.h>
#include <string.h>

#include "internal.h"

bool smb__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t extra;
        unsigned cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1; cp = c & 0x1F; min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2; cp = c & 0x0F; min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3; cp = c & 0x07; min = 0x10000;
        } else {
            return false; /* continuation byte, overlong lead, or > U+10FFFF */
        }
        if (n - i <= extra)
            return false;
        for (size_t k = 1; k <= extra; k++) {
            unsigned cc = p[i + k];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

size_t smb__utf8_cut(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = n;
    while (i > 0 && n - i < 3 && (p[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0 || p[i - 1] < 0xC0)
        return n; /* ends in ASCII or in a complete sequence */
    size_t need = p[i - 1] >= 0xF0 ? 4 : p[i - 1] >= 0xE0 ? 3 : 2;
    return n - (i - 1) < need ? i - 1 : n;
}

void smb__utf8_scrub(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (c >= 0x80 && (len > n - i || !smb__utf8_valid(s + i, len))) {
            s[i++] = '?';
            continue;
        }
        i += len;
    }
}

smb_status smb__check_text(const char *field, const char *s, bool allow_empty)
{
    if (!s)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", field);
    size_t n = strnlen(s, (size_t)SMB_MAX_TEXT_LENGTH + 1);
    if (n > SMB_MAX_TEXT_LENGTH)
        return smb__fail(SMB_ELIMIT, "%s: longer than %d bytes", field, SMB_MAX_TEXT_LENGTH);
    if (n == 0 && !allow_empty)
        return smb__fail(SMB_EINVAL, "%s: must not be empty", field);
    if (!smb__utf8_valid(s, n))
        return smb__fail(SMB_EINVAL, "%s: not valid UTF-8", field);
    return SMB_OK;
}

smb_status smb__check_id(const char *id)
{
    if (!id)
        return smb__fail(SMB_EINVAL, "id: must not be NULL");
    size_t n = strnlen(id, SMB_MAX_ID_LENGTH + 1);
    if (n == 0)
        return smb__fail(SMB_EINVAL, "id: must not be empty");
    if (n > SMB_MAX_ID_LENGTH)
        return smb__fail(SMB_ELIMIT, "id: longer than %d bytes", SMB_MAX_ID_LENGTH);
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.';
        if (!ok)
            return smb__fail(SMB_EINVAL,
                             "id '%.*s': use only ASCII letters, digits, '_', '-' and '.'",
                             (int)n, id);
    }
    return SMB_OK;
}

bool smb__finite(double x)
{
    return isfinite(x);
}
