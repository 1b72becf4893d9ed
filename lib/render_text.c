/* SPDX-License-Identifier: MIT */
/* Text helpers shared by the renderers: UTF-8 stepping, glyph width
 * estimates, escaping for XML/HTML, and numbers that ignore the locale. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

size_t smb__utf8_step(const char *s, size_t n, size_t i, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;
    unsigned c = p[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (left < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (p[k] & 0x3F);
    }
    *cp = v;
    return len;
}

unsigned smb__cp_width(uint32_t cp)
{
    /* ASCII by glyph class, after the advances of common sans-serif faces
     * (DejaVu Sans, the widest of them, rounded up): thin strokes, narrow
     * letters, the ordinary run, capitals, round capitals, the wide
     * letters and operators, and the widest. */
    if (cp < 0x80) {
        if (cp <= 0x20 || strchr("ijlI.,:;!'|`", (int)cp))
            return 3;
        if (strchr("ftr()[]{}/\\-\"", (int)cp))
            return 4;
        if (strchr("W@%", (int)cp))
            return 10;
        if (strchr("mwM<>=+~^#&", (int)cp))
            return 9;
        if (strchr("CDGHNOQU", (int)cp))
            return 8;
        if (cp >= 'A' && cp <= 'Z')
            return 7;
        return 6;
    }
    /* Invisible: combining diacritics, zero-width and bidi formatters,
     * variation selectors, the byte order mark. */
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
        return 0;
    /* Emoji and pictographs are drawn a little wider than an em. */
    if ((cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return 12;
    /* East Asian wide: a full em. Erring wide only costs some space; erring
     * narrow would overflow a block. */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 10;
    /* Accented Latin, Greek, Cyrillic and the rest: as a capital. */
    return 7;
}

bool smb__cp_is_separator(uint32_t cp)
{
    return cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

static bool is_noncharacter(uint32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* Append the code point s[0..len), decoded as `cp`, escaped. Controls
 * never get here: they are separators. */
static void put_xml_cp(smb_buf *b, const char *s, size_t len, uint32_t cp)
{
    switch (cp) {
    case '&': smb__buf_puts(b, "&amp;"); return;
    case '<': smb__buf_puts(b, "&lt;"); return;
    case '>': smb__buf_puts(b, "&gt;"); return;
    case '"': smb__buf_puts(b, "&quot;"); return;
    case '\'': smb__buf_puts(b, "&#39;"); return;
    default: break;
    }
    /* A stray byte also decodes to U+FFFD with length 1: write the real
     * character so the output stays valid UTF-8. */
    if (is_noncharacter(cp) || (cp == 0xFFFD && len == 1)) {
        smb__buf_puts(b, "\xEF\xBF\xBD");
        return;
    }
    smb__buf_append(b, s, len);
}

void smb__render_put_xml_words(smb_buf *b, const char *s, size_t n)
{
    bool pending_space = false, started = false;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = smb__utf8_step(s, n, i, &cp);
        if (smb__cp_is_separator(cp)) {
            pending_space = started;
        } else {
            if (pending_space)
                smb__buf_append(b, " ", 1);
            pending_space = false;
            started = true;
            put_xml_cp(b, s + i, len, cp);
        }
        i += len;
    }
}

char *smb__format_amount(char dst[SMB_AMOUNT_BUF], double value)
{
    /* Canvas amounts are at most 1e15 each and 1e6 items, so sums stay
     * below 1e21; anything past 1e30 cannot come from a valid canvas. */
    if (!isfinite(value) || fabs(value) >= 1e30) {
        snprintf(dst, SMB_AMOUNT_BUF, "%s", "n/a");
        return dst;
    }
    bool negative = value < 0;
    double v = fabs(value);
    char digits[40];
    unsigned cents = 0;
    if (v < 9e18) {
        /* Whole units and cents apart: v * 100 would lose the cents of large
         * amounts, while v - floor(v) is exact. Integer conversions never
         * use the locale's separators. */
        double whole = floor(v);
        uint64_t units = (uint64_t)whole;
        cents = (unsigned)llround((v - whole) * 100.0);
        if (cents == 100) {
            units++;
            cents = 0;
        }
        snprintf(digits, sizeof digits, "%" PRIu64, units);
    } else {
        /* No decimal point is printed, so the locale cannot matter. */
        snprintf(digits, sizeof digits, "%.0f", v);
    }
    size_t nd = strlen(digits), o = 0;
    if (negative && (cents != 0 || strcmp(digits, "0") != 0))
        dst[o++] = '-';
    for (size_t k = 0; k < nd; k++) {
        if (k > 0 && (nd - k) % 3 == 0)
            dst[o++] = ',';
        dst[o++] = digits[k];
    }
    if (cents)
        snprintf(dst + o, SMB_AMOUNT_BUF - o, ".%02u", cents);
    else
        dst[o] = '\0';
    return dst;
}

bool smb__canvas_has_amounts(const smb_canvas *canvas)
{
    static const smb_block money[] = {SMB_BLOCK_REVENUE_STREAMS, SMB_BLOCK_COST_STRUCTURE};
    for (size_t k = 0; k < 2; k++) {
        size_t n = smb_canvas_item_count(canvas, money[k]);
        for (size_t i = 0; i < n; i++)
            if (smb_item_has_amount(smb_canvas_item_at(canvas, money[k], i)))
                return true;
    }
    return false;
}
