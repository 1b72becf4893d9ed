/* SPDX-License-Identifier: MIT */
/*
 * The pieces of the saved layout (docs/format.md, "Saved layout") that
 * every section writes with: indentation, strings, numbers, members. The
 * layout is the one Python's json.dumps(indent=2, ensure_ascii=False)
 * gives for the same data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document_internal.h"

void smb__doc_indent(smb_buf *b, int level)
{
    static const char spaces[] = "                ";
    size_t n = (size_t)level * 2;
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        smb__buf_append(b, spaces, k);
        n -= k;
    }
}

/* A JSON string: only '"', '\\' and control characters are escaped; the
 * rest of the (valid, model-checked) UTF-8 is written as it is. */
void smb__doc_put_string(smb_buf *b, const char *s)
{
    smb__buf_append(b, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];
        const char *e = NULL;
        switch (c) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                e = esc;
            }
            break;
        }
        if (e) {
            smb__buf_append(b, run, (size_t)(s - run));
            smb__buf_puts(b, e);
            run = s + 1;
        }
    }
    smb__buf_append(b, run, (size_t)(s - run));
    smb__buf_append(b, "\"", 1);
}

/* Whole numbers as integers; others with the fewest significant digits
 * (15 to 17) that read back to the same double. printf follows the
 * locale's decimal separator, JSON does not: whatever stands between the
 * digits is written as '.'. */
void smb__doc_put_number(smb_buf *b, double v)
{
    const double exact_limit = 9007199254740992.0; /* 2^53 */
    if (v > -exact_limit && v < exact_limit && v == (double)(long long)v) {
        smb__buf_printf(b, "%lld", (long long)v);
        return;
    }
    char s[48];
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(s, sizeof s, "%.*g", precision, v);
        if (strtod(s, NULL) == v)
            break;
    }
    char json[48];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof json;) {
        bool plain = (*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == 'e' || *p == 'E';
        if (plain) {
            json[n++] = *p++;
            continue;
        }
        json[n++] = '.';
        while (*p && !((*p >= '0' && *p <= '9') || *p == 'e' || *p == 'E'))
            p++;
    }
    smb__buf_append(b, json, n);
}

/* Start a member of an object: the separator, indent and "key": . */
void smb__doc_member(smb_buf *b, int level, bool *first, const char *key)
{
    smb__buf_puts(b, *first ? "\n" : ",\n");
    *first = false;
    smb__doc_indent(b, level);
    smb__doc_put_string(b, key);
    smb__buf_puts(b, ": ");
}

void smb__doc_element(smb_buf *b, int level, bool *first)
{
    smb__buf_puts(b, *first ? "\n" : ",\n");
    *first = false;
    smb__doc_indent(b, level);
}

void smb__doc_end(smb_buf *b, int level, bool first, const char *close)
{
    if (!first) {
        smb__buf_puts(b, "\n");
        smb__doc_indent(b, level);
    }
    smb__buf_puts(b, close);
}
