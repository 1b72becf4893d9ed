/* SPDX-License-Identifier: MIT */
/* Finding values in JSON text by path, and paths by offset (see
 * json_locate.h). Everything here skips; nothing builds values. */
#include "json_locate.h"

#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_ws(const char *t, size_t n, size_t p)
{
    while (p < n && is_ws(t[p]))
        p++;
    return p;
}

/* p at the opening quote; returns the offset just past the closing one. */
static size_t skip_string(const char *t, size_t n, size_t p)
{
    for (p++; p < n && t[p] != '"'; p++)
        if (t[p] == '\\')
            p++;
    return p < n ? p + 1 : n;
}

/* p at the first character of a value; returns the offset just past it.
 * Containers are skipped by counting brackets outside strings, which is
 * enough because the text is known to be well-formed. */
static size_t skip_value(const char *t, size_t n, size_t p)
{
    if (p >= n)
        return n;
    if (t[p] == '"')
        return skip_string(t, n, p);
    if (t[p] != '{' && t[p] != '[') {
        while (p < n && !is_ws(t[p]) && t[p] != ',' && t[p] != '}' && t[p] != ']')
            p++;
        return p;
    }
    size_t depth = 0;
    while (p < n) {
        char c = t[p];
        if (c == '"') {
            p = skip_string(t, n, p);
            continue;
        }
        if (c == '{' || c == '[')
            depth++;
        else if ((c == '}' || c == ']') && --depth == 0)
            return p + 1;
        p++;
    }
    return n;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The code unit of a \uXXXX escape whose hex digits start at p, or -1. */
static long hex4(const char *t, size_t end, size_t p)
{
    if (end < 4 || p > end - 4)
        return -1;
    long v = 0;
    for (size_t i = 0; i < 4; i++) {
        int h = hex_value(t[p + i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static size_t utf8_encode(unsigned long cp, unsigned char out[4])
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode the next character of a string body t[*p..end) into out and
 * advance *p. Returns the number of bytes produced (0 for a broken escape,
 * which only a malformed text can hold). */
static size_t decode_char(const char *t, size_t end, size_t *p, unsigned char out[4])
{
    char c = t[*p];
    if (c != '\\') {
        out[0] = (unsigned char)c;
        (*p)++;
        return 1;
    }
    if (*p + 1 >= end) {
        *p = end;
        return 0;
    }
    char e = t[*p + 1];
    *p += 2;
    switch (e) {
    case 'b': out[0] = '\b'; return 1;
    case 'f': out[0] = '\f'; return 1;
    case 'n': out[0] = '\n'; return 1;
    case 'r': out[0] = '\r'; return 1;
    case 't': out[0] = '\t'; return 1;
    case 'u': break;
    default: out[0] = (unsigned char)e; return 1; /* '"', '\\', '/' */
    }
    long cp = hex4(t, end, *p);
    if (cp < 0)
        return 0;
    *p += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF && *p + 1 < end && t[*p] == '\\' && t[*p + 1] == 'u') {
        long low = hex4(t, end, *p + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            *p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
    }
    /* A surrogate left unpaired has no UTF-8 form; jansson refuses it,
     * and a path naming the key it broke must stay valid UTF-8. */
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    return utf8_encode((unsigned long)cp, out);
}

/* Whether the JSON string at t[p] (its opening quote) decodes to the key
 * of a decoded step. */
static bool name_matches(const char *t, size_t n, size_t p, const smb__json_step *step)
{
    size_t end = skip_string(t, n, p) - 1; /* the closing quote */
    size_t q = p + 1, k = 0;
    while (q < end) {
        unsigned char buf[4];
        size_t m = decode_char(t, end, &q, buf);
        if (m > step->key_len - k || memcmp(step->key + k, buf, m) != 0)
            return false;
        k += m;
    }
    return k == step->key_len;
}

bool smb__json_locate(const char *text, size_t len, const smb__json_step *steps, size_t n,
                      bool at_name, size_t *offset)
{
    size_t p = skip_ws(text, len, 0);
    for (size_t i = 0; i < n; i++) {
        const smb__json_step *s = &steps[i];
        if (s->key) {
            if (p >= len || text[p] != '{')
                return false;
            p++;
            for (;;) {
                p = skip_ws(text, len, p);
                if (p >= len || text[p] != '"')
                    return false;
                size_t name = p;
                bool match = name_matches(text, len, p, s);
                p = skip_ws(text, len, skip_string(text, len, p));
                if (p >= len || text[p] != ':')
                    return false;
                p = skip_ws(text, len, p + 1);
                if (match) {
                    if (at_name && i + 1 == n) {
                        *offset = name;
                        return true;
                    }
                    break;
                }
                p = skip_ws(text, len, skip_value(text, len, p));
                if (p >= len || text[p] != ',')
                    return false;
                p++;
            }
        } else {
            if (p >= len || text[p] != '[')
                return false;
            p = skip_ws(text, len, p + 1);
            if (p >= len || text[p] == ']')
                return false;
            for (size_t k = 0; k < s->index; k++) {
                p = skip_ws(text, len, skip_value(text, len, p));
                if (p >= len || text[p] != ',')
                    return false;
                p = skip_ws(text, len, p + 1);
            }
        }
    }
    if (p >= len)
        return false;
    *offset = p;
    return true;
}

/* What the path scanner remembers of one open container. */
typedef struct frame {
    bool object;
    bool expect_key; /* object: the next string is a member name */
    bool have_key;   /* object: a member name has been read */
    bool have_value; /* array: the current element has started */
    size_t key_start, key_end;
    size_t index;
} frame;

size_t smb__json_path_at(const char *text, size_t len, size_t offset, smb__json_step *steps,
                         size_t cap)
{
    enum { MAX_FRAMES = 64 };
    frame frames[MAX_FRAMES];
    size_t keep = cap < MAX_FRAMES ? cap : MAX_FRAMES;
    size_t depth = 0; /* open containers, including those past `keep` */
    size_t limit = offset < len ? offset : len;

    for (size_t p = 0; p < limit;) {
        char c = text[p];
        frame *top = depth > 0 && depth <= keep ? &frames[depth - 1] : NULL;
        if (c == '"') {
            size_t start = p + 1, q = start;
            while (q < limit && text[q] != '"')
                q += text[q] == '\\' ? 2 : 1;
            /* A string cut off by the limit has no closing quote. */
            bool closed = q < limit;
            size_t end = closed ? q : limit;
            if (top && top->object && top->expect_key) {
                top->key_start = start;
                top->key_end = end;
                top->have_key = true;
                top->expect_key = false;
            } else if (top && !top->object) {
                top->have_value = true;
            }
            size_t after = closed ? q + 1 : limit;
            p = after;
            continue;
        }
        if (c == '{' || c == '[') {
            if (top && !top->object)
                top->have_value = true;
            depth++;
            if (depth <= keep)
                frames[depth - 1] = (frame){c == '{', c == '{', false, false, 0, 0, 0};
        } else if (c == '}' || c == ']') {
            if (depth > 0)
                depth--;
        } else if (c == ',') {
            if (top && top->object) {
                top->expect_key = true;
                top->have_key = false;
            } else if (top) {
                top->index++;
                top->have_value = false;
            }
        } else if (!is_ws(c) && c != ':' && top && !top->object) {
            top->have_value = true;
        }
        p++;
    }

    size_t n = 0;
    for (size_t i = 0; i < depth && i < keep; i++) {
        const frame *f = &frames[i];
        if (f->object) {
            if (!f->have_key)
                break;
            steps[n++] = (smb__json_step){text + f->key_start, f->key_end - f->key_start, true, 0};
        } else {
            if (!f->have_value && f->index == 0)
                break;
            steps[n++] = (smb__json_step){NULL, 0, false, f->index};
        }
    }
    return n;
}

void smb__json_line_column(const char *text, size_t len, size_t offset, int *line, int *column)
{
    long l = 1, c = 1;
    if (offset > len)
        offset = len;
    /* An offset inside a multi-byte character belongs to that character;
     * a continuation byte that no lead byte claims (what a UTF-8 error
     * points at) is a character of its own. */
    size_t lead = offset;
    while (lead > 0 && lead < len && offset - lead < 3 &&
           ((unsigned char)text[lead] & 0xC0) == 0x80)
        lead--;
    unsigned char b = lead < len ? (unsigned char)text[lead] : 0;
    size_t span = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if (lead < offset && offset - lead <= span)
        offset = lead;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
        if (l > INT_MAX - 1 || c > INT_MAX - 1)
            break;
    }
    *line = (int)l;
    *column = (int)c;
}

/* Appends that stop quietly at the end of the buffer. */
typedef struct out {
    char *buf;
    size_t cap, len;
} out;

static void put(out *o, const char *s, size_t n)
{
    while (n-- > 0 && o->len + 1 < o->cap)
        o->buf[o->len++] = *s++;
    o->buf[o->len] = '\0';
}

static bool is_identifier(const unsigned char *k, size_t n)
{
    if (n == 0 || (k[0] >= '0' && k[0] <= '9'))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = k[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

static void put_key(out *o, const smb__json_step *s)
{
    /* Decode escaped keys first so that a path reads the same whichever
     * way the document spelt the name; long keys are cut. */
    unsigned char decoded[256];
    const unsigned char *k = (const unsigned char *)s->key;
    size_t n = s->key_len;
    if (s->escaped) {
        size_t q = 0, m = 0;
        while (q < s->key_len && m + 4 <= sizeof decoded)
            m += decode_char(s->key, s->key_len, &q, decoded + m);
        k = decoded;
        n = q < s->key_len ? smb__utf8_cut((const char *)decoded, m) : m;
    }
    if (is_identifier(k, n)) {
        put(o, ".", 1);
        put(o, (const char *)k, n);
        return;
    }
    put(o, "[\"", 2);
    for (size_t i = 0; i < n; i++) {
        char esc[8];
        if (k[i] == '"' || k[i] == '\\') {
            esc[0] = '\\';
            esc[1] = (char)k[i];
            put(o, esc, 2);
        } else if (k[i] < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", k[i]);
            put(o, esc, 6);
        } else {
            put(o, (const char *)&k[i], 1);
        }
    }
    put(o, "\"]", 2);
}

void smb__json_path_format(const smb__json_step *steps, size_t n, char *buf, size_t cap)
{
    if (cap == 0)
        return;
    out o = {buf, cap, 0};
    put(&o, "$", 1);
    for (size_t i = 0; i < n; i++) {
        if (steps[i].key) {
            put_key(&o, &steps[i]);
        } else {
            char idx[32];
            int m = snprintf(idx, sizeof idx, "[%zu]", steps[i].index);
            put(&o, idx, (size_t)m);
        }
    }
    /* A path too long for buf ends where it was cut, never inside a
     * character. */
    o.len = smb__utf8_cut(buf, o.len);
    buf[o.len] = '\0';
}
