/* SPDX-License-Identifier: MIT */
/* Greedy line wrapping by estimated glyph width. Works on the original
 * bytes (no copy, so no allocation) and only ever cuts between code
 * points, so a line is always valid UTF-8. */
#include <string.h>

#include "render_internal.h"

void smb__wrap_init(smb_wrap *w, const char *s)
{
    w->s = s;
    w->n = strlen(s);
    w->pos = 0;
}

static size_t skip_separators(const smb_wrap *w, size_t i)
{
    while (i < w->n) {
        uint32_t cp;
        size_t len = smb__utf8_step(w->s, w->n, i, &cp);
        if (!smb__cp_is_separator(cp))
            break;
        i += len;
    }
    return i;
}

bool smb__wrap_done(const smb_wrap *w)
{
    return skip_separators(w, w->pos) >= w->n;
}

/* Measure the word at i, giving up once it is wider than `limit` (only
 * whether it fits matters, and giving up keeps a huge word from being
 * rescanned on every line). Sets *end to the word's end when it fits. */
static bool word_fits(const smb_wrap *w, size_t i, size_t limit, size_t *units, size_t *end)
{
    size_t u = 0;
    while (i < w->n) {
        uint32_t cp;
        size_t len = smb__utf8_step(w->s, w->n, i, &cp);
        if (smb__cp_is_separator(cp))
            break;
        u += smb__cp_width(cp);
        if (u > limit)
            return false;
        i += len;
    }
    *units = u;
    *end = i;
    return true;
}

bool smb__wrap_next(smb_wrap *w, size_t max_width, size_t *start, size_t *end)
{
    size_t i = skip_separators(w, w->pos);
    if (i >= w->n) {
        w->pos = w->n;
        return false;
    }
    *start = i;
    size_t used = 0, line_end = i, wu, we;
    if (!word_fits(w, i, max_width, &wu, &we)) {
        /* A word wider than the line: cut it at the last code point that
         * fits, taking at least one so that wrapping always advances. */
        size_t j = i;
        while (j < w->n) {
            uint32_t cp;
            size_t len = smb__utf8_step(w->s, w->n, j, &cp);
            unsigned u = smb__cp_width(cp);
            if (j > i && used + u > max_width)
                break;
            used += u;
            j += len;
        }
        *end = w->pos = j;
        return true;
    }
    used = wu;
    line_end = we;
    for (;;) {
        size_t next = skip_separators(w, line_end);
        if (next >= w->n || used + SMB_SPACE_WIDTH >= max_width)
            break;
        if (!word_fits(w, next, max_width - used - SMB_SPACE_WIDTH, &wu, &we))
            break;
        used += SMB_SPACE_WIDTH + wu;
        line_end = we;
    }
    *end = w->pos = line_end;
    return true;
}

size_t smb__wrap_count(const char *s, size_t max_width, size_t limit)
{
    smb_wrap w;
    smb__wrap_init(&w, s);
    size_t lines = 0, a, e;
    while (lines < limit && smb__wrap_next(&w, max_width, &a, &e))
        lines++;
    return lines;
}

void smb__wrap_put_line(smb_buf *b, smb_wrap *w, size_t width, bool last)
{
    size_t a, e;
    bool cut = false;
    if (last) {
        smb_wrap probe = *w;
        cut = smb__wrap_next(&probe, width, &a, &e) && !smb__wrap_done(&probe);
    }
    if (cut)
        width = width > SMB_ELLIPSIS_WIDTH ? width - SMB_ELLIPSIS_WIDTH : 0;
    if (!smb__wrap_next(w, width, &a, &e))
        return;
    smb__render_put_xml_words(b, w->s + a, e - a);
    if (cut)
        smb__buf_puts(b, "\xE2\x80\xA6");
}
