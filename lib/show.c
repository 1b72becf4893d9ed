/* SPDX-License-Identifier: MIT */
/* Echoing caller-supplied ids and keys in error messages without trusting
 * them: they may be huge or not valid UTF-8, and a message must stay one
 * short line that any consumer (Python, a terminal) can decode. */
#include <string.h>

#include "internal.h"

const char *smb__show(char *buf, size_t cap, const char *s)
{
    size_t keep = cap - 4; /* room for "..." and the NUL */
    size_t n = 0;
    for (; s[n] && n < keep; n++) {
        unsigned char c = (unsigned char)s[n];
        buf[n] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    if (s[n]) {
        memcpy(buf + n, "...", 4);
    } else {
        buf[n] = '\0';
    }
    return buf;
}
