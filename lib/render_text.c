/* SPDX-License-Identifier: MIT */
/* Text helpers shared by the renderers: UTF-8 stepping, glyph width
 * estimates, escaping for XML/HTML and Markdown, and numbers that ignore
 * the locale. */
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

void smb__render_put_xml_text(smb_buf *b, const char *s)
{
    smb__render_put_xml_words(b, s, strlen(s));
}

static const uint64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
enum { MAX_DECIMALS = sizeof pow10 / sizeof pow10[0] - 1 };

/* Round v >= 0 to `decimals` places: the whole part as digits into
 * `digits`, the decimals returned as an integer below 10^decimals. Whole
 * part and fraction are taken apart first: v * 10^decimals would lose the
 * fraction of large values, while v - floor(v) is exact. Integer
 * conversions never use the locale's separators. */
static uint64_t split_decimal(double v, unsigned decimals, char digits[40])
{
    if (v >= 9e18) {
        /* No decimal point is printed, so the locale cannot matter. */
        snprintf(digits, 40, "%.0f", v);
        return 0;
    }
    double whole = floor(v);
    uint64_t units = (uint64_t)whole, scale = pow10[decimals];
    uint64_t fraction = (uint64_t)llround((v - whole) * (double)scale);
    if (fraction == scale) {
        units++;
        fraction = 0;
    }
    snprintf(digits, 40, "%" PRIu64, units);
    return fraction;
}

/* Canvas amounts are at most 1e15 each and 1e6 items, so sums stay below
 * 1e21; forces numbers are at most 1e6. Nothing past 1e30 can come from a
 * valid model. */
static bool printable(double value)
{
    return isfinite(value) && fabs(value) < 1e30;
}

char *smb__format_amount(char dst[SMB_AMOUNT_BUF], double value)
{
    if (!printable(value)) {
        snprintf(dst, SMB_AMOUNT_BUF, "%s", "n/a");
        return dst;
    }
    char digits[40];
    uint64_t cents = split_decimal(fabs(value), 2, digits);
    size_t nd = strlen(digits), o = 0;
    if (value < 0 && (cents != 0 || strcmp(digits, "0") != 0))
        dst[o++] = '-';
    for (size_t k = 0; k < nd; k++) {
        if (k > 0 && (nd - k) % 3 == 0)
            dst[o++] = ',';
        dst[o++] = digits[k];
    }
    if (cents)
        snprintf(dst + o, SMB_AMOUNT_BUF - o, ".%02u", (unsigned)cents);
    else
        dst[o] = '\0';
    return dst;
}

char *smb__format_number(char dst[SMB_AMOUNT_BUF], double value, unsigned decimals, bool trim)
{
    if (!printable(value)) {
        snprintf(dst, SMB_AMOUNT_BUF, "%s", "n/a");
        return dst;
    }
    if (decimals > MAX_DECIMALS)
        decimals = MAX_DECIMALS;
    char digits[40], tail[16];
    uint64_t fraction = split_decimal(fabs(value), decimals, digits);
    /* The decimals with their leading zeros, then without trailing ones. */
    snprintf(tail, sizeof tail, "%0*" PRIu64, (int)decimals, fraction);
    size_t nt = decimals;
    while (trim && nt > 0 && tail[nt - 1] == '0')
        nt--;
    tail[nt] = '\0';
    /* Below 1e30 there are at most 30 digits: with a sign, a point and six
     * decimals, 39 bytes fit. */
    size_t o = 0, nd = strlen(digits);
    if (value < 0 && (fraction != 0 || strcmp(digits, "0") != 0))
        dst[o++] = '-';
    memcpy(dst + o, digits, nd);
    o += nd;
    if (nt) {
        dst[o++] = '.';
        memcpy(dst + o, tail, nt);
        o += nt;
    }
    dst[o] = '\0';
    return dst;
}

/* Characters that mean something anywhere in a Markdown line: emphasis,
 * code, links, raw HTML, entities, tables, strike-through, maths, headings'
 * closing sequences, and the escape itself. */
static bool md_always_special(uint32_t cp)
{
    return cp < 0x80 && strchr("\\`*_[]<>&|~$#", (int)cp) != NULL && cp != 0;
}

/* Characters that only mean something where a block may start: list
 * markers and setext underlines. */
static bool md_start_special(uint32_t cp)
{
    return cp == '-' || cp == '+' || cp == '=';
}

void smb__render_put_md(smb_buf *b, const char *s, bool at_start)
{
    size_t n = strlen(s), i = 0;
    bool pending_space = false, started = false, leading_digits = at_start;
    while (i < n) {
        uint32_t cp;
        size_t len = smb__utf8_step(s, n, i, &cp);
        if (smb__cp_is_separator(cp)) {
            pending_space = started;
            leading_digits = false;
            i += len;
            continue;
        }
        if (pending_space)
            smb__buf_append(b, " ", 1);
        pending_space = false;
        bool first = !started;
        started = true;
        /* "1." or "1)" at the start would make an ordered list. */
        bool ends_number = leading_digits && !first && (cp == '.' || cp == ')');
        if (!(cp >= '0' && cp <= '9'))
            leading_digits = false;
        if (md_always_special(cp) || (first && at_start && md_start_special(cp)) || ends_number)
            smb__buf_append(b, "\\", 1);
        if (cp == 0xFFFD && len == 1)
            smb__buf_puts(b, "\xEF\xBF\xBD"); /* never pass on a stray byte */
        else
            smb__buf_append(b, s + i, len);
        i += len;
    }
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
