/* SPDX-License-Identifier: MIT */
/* Renderers: format keys, Markdown/SVG/HTML content, escaping of hostile
 * text, wrapping and eliding in the SVG layout, UTF-8 safety, numbers that
 * ignore the locale, and allocation failures. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* ---- helpers ------------------------------------------------------------ */

static char *render(const smb_canvas *c, smb_format format)
{
    char *out = NULL;
    size_t length = 0;
    TH_OK(smb_canvas_render(c, format, &out, &length));
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(length, strlen(out));
    return out;
}

static smb_canvas *new_canvas(void)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    return c;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
        n++;
    return n;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void assert_contains(const char *hay, const char *needle)
{
    ck_assert_msg(strstr(hay, needle) != NULL, "output lacks \"%s\"", needle);
}

/* Strict UTF-8 check written independently of the library's. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra;
        uint32_t cp, min;
        if (*p < 0x80) {
            p++;
            continue;
        } else if ((*p & 0xE0) == 0xC0) {
            extra = 1; cp = *p & 0x1F; min = 0x80;
        } else if ((*p & 0xF0) == 0xE0) {
            extra = 2; cp = *p & 0x0F; min = 0x800;
        } else if ((*p & 0xF8) == 0xF0) {
            extra = 3; cp = *p & 0x07; min = 0x10000;
        } else {
            return 0;
        }
        for (int k = 1; k <= extra; k++) {
            if ((p[k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += extra + 1;
    }
    return 1;
}

/* Estimated width of an SVG text's contents in tenths of an em, by the
 * glyph classes the layout documents (render_internal.h): entities count as
 * the character they stand for; these tests use only ASCII, two-byte Latin
 * letters (7), CJK from U+3000 (10) and emoji (12). */
static unsigned ascii_width(char c)
{
    if (c == ' ' || strchr("ijlI.,:;!'|`", c))
        return 3;
    if (strchr("ftr()[]{}/\\-\"", c))
        return 4;
    if (strchr("W@%", c))
        return 10;
    if (strchr("mwM<>=+~^#&", c))
        return 9;
    if (strchr("CDGHNOQU", c))
        return 8;
    return (c >= 'A' && c <= 'Z') ? 7 : 6;
}

static size_t width_of(const char *s, size_t n)
{
    static const struct {
        const char *entity;
        char c;
    } entities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    size_t width = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&') {
            size_t k = 0;
            while (k < 5 && strncmp(s + i, entities[k].entity, strlen(entities[k].entity)) != 0)
                k++;
            ck_assert_msg(k < 5, "unexpected entity at \"%.8s\"", s + i);
            width += ascii_width(entities[k].c);
            i += strlen(entities[k].entity);
        } else if (c < 0x80) {
            width += ascii_width((char)c);
            i++;
        } else if (c < 0xE0) {
            width += 7;
            i += 2;
        } else if (c < 0xF0) {
            /* "…" and "–" (E2 ...) are 10 and 7; CJK (E3 and up) 10. */
            width += c >= 0xE3 ? 10 : (memcmp(s + i, "\xE2\x80\xA6", 3) == 0 ? 10 : 7);
            i += 3;
        } else {
            width += 12;
            i += 4;
        }
    }
    return width;
}

/* The SVG group of one block, from its opening tag to the next block's. */
static char *block_group(const char *svg, smb_block block)
{
    char open[64];
    snprintf(open, sizeof open, "<g id=\"smb-%s\"", smb_block_key(block));
    const char *start = strstr(svg, open);
    ck_assert_msg(start != NULL, "no group for %s", smb_block_key(block));
    const char *end = strstr(start + 1, "<g id=\"smb-");
    if (!end)
        end = strstr(start, "</svg>");
    size_t n = (size_t)(end - start);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, start, n);
    copy[n] = '\0';
    return copy;
}

/* Call fn(contents, length, ctx) for each <text> element of an SVG part. */
static size_t each_text(const char *part, void (*fn)(const char *, size_t, void *), void *ctx)
{
    size_t n = 0;
    for (const char *p = strstr(part, "<text"); p; p = strstr(p, "<text")) {
        const char *body = strchr(p, '>') + 1;
        const char *close = strstr(body, "</text>");
        ck_assert_ptr_nonnull(close);
        fn(body, (size_t)(close - body), ctx);
        p = close;
        n++;
    }
    return n;
}

/* Collect the item lines of a block (all texts but the title). */
typedef struct lines {
    char text[64][256];
    size_t count;
} lines;

static void collect(const char *s, size_t n, void *ctx)
{
    lines *l = ctx;
    ck_assert_uint_lt(l->count, 64);
    ck_assert_uint_lt(n, 256);
    memcpy(l->text[l->count], s, n);
    l->text[l->count][n] = '\0';
    l->count++;
}

static void block_lines(const char *svg, smb_block block, lines *out)
{
    char *group = block_group(svg, block);
    out->count = 0;
    each_text(group, collect, out);
    free(group);
    ck_assert_uint_ge(out->count, 1);
    ck_assert_str_eq(out->text[0], smb_block_title(block));
}

static char *repeat(const char *piece, size_t times)
{
    size_t n = strlen(piece);
    char *s = malloc(n * times + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * n, piece, n);
    s[n * times] = '\0';
    return s;
}

/* A small canvas with every kind of metadata. Amounts: revenue 18000,
 * cost 12000.5, so margin = 18000 - 12000.5 = 5999.5. */
static smb_canvas *bakery(void)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_set_name(c, "Crumb & Co. Bakery"));
    TH_OK(smb_canvas_set_description(c, "Artisan bread for the neighbourhood."));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-fresh",
                              "Fresh bread every morning"));
    TH_OK(smb_canvas_set_item_importance(c, "vp-fresh", 4));
    TH_OK(smb_canvas_set_item_evidence(c, "vp-fresh", SMB_EVIDENCE_VALIDATED));
    const char *tags[] = {"core", "local"};
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", tags, 2));
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", "Baked at 5 am."));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-families", "Families nearby"));
    TH_OK(smb_canvas_link(c, "vp-fresh", "seg-families"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev-sub", "Weekly bread box"));
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", 18000));
    TH_OK(smb_canvas_set_item_kind(c, "rev-sub", SMB_KIND_SUBSCRIPTION));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost-flour", "Organic flour"));
    TH_OK(smb_canvas_set_item_amount(c, "cost-flour", 12000.5));
    TH_OK(smb_canvas_set_item_kind(c, "cost-flour", SMB_KIND_VARIABLE));
    return c;
}

/* Add `n` one-line items "Item 1", "Item 2", ... to a block. */
static void add_items(smb_canvas *c, smb_block block, const char *prefix, int n)
{
    for (int i = 1; i <= n; i++) {
        char id[32], text[32];
        snprintf(id, sizeof id, "%s-%d", prefix, i);
        snprintf(text, sizeof text, "Item %d", i);
        TH_OK(smb_canvas_add_item(c, block, id, text));
    }
}

/* ---- format keys and arguments ------------------------------------------ */

START_TEST(format_keys_round_trip)
{
    static const char *const keys[] = {"markdown", "svg", "html"};
    for (int f = 0; f < 3; f++) {
        ck_assert_str_eq(smb_format_key((smb_format)f), keys[f]);
        smb_format got = (smb_format)99;
        TH_OK(smb_format_from_key(keys[f], &got));
        ck_assert_int_eq(got, f);
    }
    ck_assert_ptr_null(smb_format_key((smb_format)3));
    ck_assert_ptr_null(smb_format_key((smb_format)-1));
}
END_TEST

START_TEST(format_from_key_refuses_unknown_and_null)
{
    smb_format got = SMB_FORMAT_HTML;
    TH_ASSERT_FAILS(smb_format_from_key("pdf", &got), SMB_ENOTFOUND, "format 'pdf'");
    ck_assert_ptr_nonnull(strstr(smb_last_error(), "markdown, svg or html"));
    /* Keys are exact: no case folding, no prefixes. */
    TH_ASSERT_FAILS(smb_format_from_key("SVG", &got), SMB_ENOTFOUND, "'SVG'");
    TH_ASSERT_FAILS(smb_format_from_key("", &got), SMB_ENOTFOUND, "format ''");
    TH_ASSERT_FAILS(smb_format_from_key("svg ", &got), SMB_ENOTFOUND, "'svg '");
    /* A hostile key is quoted bounded and printable. */
    char *longkey = repeat("z", 200);
    TH_ASSERT_FAILS(smb_format_from_key(longkey, &got), SMB_ENOTFOUND, "zzz...'");
    free(longkey);
    TH_ASSERT_FAILS(smb_format_from_key("a\nb", &got), SMB_ENOTFOUND, "'a?b'");
    ck_assert_int_eq(got, SMB_FORMAT_HTML);
    TH_ASSERT_FAILS(smb_format_from_key(NULL, &got), SMB_EINVAL, "key");
    TH_ASSERT_FAILS(smb_format_from_key("svg", NULL), SMB_EINVAL, "out");
    ck_assert_int_eq(got, SMB_FORMAT_HTML);
}
END_TEST

START_TEST(render_refuses_bad_arguments)
{
    smb_canvas *c = new_canvas();
    char sentinel = 0, *out = &sentinel;
    size_t length = 77;
    TH_ASSERT_FAILS(smb_canvas_render(NULL, SMB_FORMAT_SVG, &out, &length), SMB_EINVAL,
                    "canvas");
    TH_ASSERT_FAILS(smb_canvas_render(c, SMB_FORMAT_SVG, NULL, &length), SMB_EINVAL, "out");
    TH_ASSERT_FAILS(smb_canvas_render(c, (smb_format)3, &out, &length), SMB_EINVAL, "format 3");
    TH_ASSERT_FAILS(smb_canvas_render(c, (smb_format)-1, &out, &length), SMB_EINVAL,
                    "format -1");
    ck_assert_ptr_eq(out, &sentinel);
    ck_assert_uint_eq(length, 77);
    /* The length is optional. */
    TH_OK(smb_canvas_render(c, SMB_FORMAT_MARKDOWN, &out, NULL));
    ck_assert_ptr_ne(out, &sentinel);
    smb_free(out);
    smb_canvas_free(c);
}
END_TEST

/* ---- Markdown ------------------------------------------------------------ */

START_TEST(markdown_of_a_small_canvas)
{
    smb_canvas *c = bakery();
    char *md = render(c, SMB_FORMAT_MARKDOWN);
    char expected[4096];
    /* '&' is escaped so that no entity can be formed; the totals are
     * 18000, 12000.5 and 18000 - 12000.5 = 5999.5. */
    snprintf(expected, sizeof expected,
             "# Crumb \\& Co. Bakery\n"
             "\n"
             "Artisan bread for the neighbourhood.\n"
             "\n## %s\n\n_(empty)_\n"
             "\n## %s\n\n_(empty)_\n"
             "\n## %s\n\n_(empty)_\n"
             "\n## %s\n\n"
             "- Fresh bread every morning `vp-fresh` — importance 4 · validated"
             " · tags: core, local · → seg-families\n"
             "  - Notes: Baked at 5 am.\n"
             "\n## %s\n\n_(empty)_\n"
             "\n## %s\n\n_(empty)_\n"
             "\n## %s\n\n"
             "- Families nearby `seg-families` — importance 3 · assumption\n"
             "\n## %s\n\n"
             "- Organic flour `cost-flour` — importance 3 · assumption · 12,000.50 · variable\n"
             "\n## %s\n\n"
             "- Weekly bread box `rev-sub` — importance 3 · assumption · 18,000 · subscription\n"
             "\n**Totals:** revenue 18,000 · cost 12,000.50 · margin 5,999.50\n",
             smb_block_title(SMB_BLOCK_KEY_PARTNERSHIPS), smb_block_title(SMB_BLOCK_KEY_ACTIVITIES),
             smb_block_title(SMB_BLOCK_KEY_RESOURCES),
             smb_block_title(SMB_BLOCK_VALUE_PROPOSITIONS),
             smb_block_title(SMB_BLOCK_CUSTOMER_RELATIONSHIPS),
             smb_block_title(SMB_BLOCK_CHANNELS), smb_block_title(SMB_BLOCK_CUSTOMER_SEGMENTS),
             smb_block_title(SMB_BLOCK_COST_STRUCTURE),
             smb_block_title(SMB_BLOCK_REVENUE_STREAMS));
    ck_assert_str_eq(md, expected);
    smb_free(md);
    smb_canvas_free(c);
}
END_TEST

START_TEST(markdown_of_an_empty_canvas)
{
    smb_canvas *c = new_canvas();
    char *md = render(c, SMB_FORMAT_MARKDOWN);
    ck_assert(starts_with(md, "# Business Model Canvas\n\n## "));
    ck_assert_uint_eq(count(md, "\n## "), 9);
    ck_assert_uint_eq(count(md, "_(empty)_\n"), 9);
    ck_assert_ptr_null(strstr(md, "Totals"));
    /* One trailing newline, no blank line at the end. */
    size_t n = strlen(md);
    ck_assert(n > 2 && md[n - 1] == '\n' && md[n - 2] != '\n');
    smb_free(md);
    smb_canvas_free(c);
}
END_TEST

START_TEST(markdown_escapes_hostile_text)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_set_name(c, "<script>&\"'"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-1",
                              "1. *bold* [l](u) <b>&amp; `c` |t| ~s~ $m$ _u_ #h\n# injected\n\n"
                              "    code"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-2", "- not a list"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-3", "  +\tplus\r\n=== 2) x"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-4", "2024) year \\ end"));
    char *md = render(c, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "# \\<script\\>\\&\"'\n");
    /* Newlines and indentation collapse to single spaces; every markup
     * character is escaped; "1." at the start is no list number. */
    assert_contains(md, "- 1\\. \\*bold\\* \\[l\\](u) \\<b\\>\\&amp; \\`c\\` \\|t\\| \\~s\\~ "
                        "\\$m\\$ \\_u\\_ \\#h \\# injected code `ch-1`");
    assert_contains(md, "- \\- not a list `ch-2`");
    assert_contains(md, "- \\+ plus === 2) x `ch-3`");
    assert_contains(md, "- 2024\\) year \\\\ end `ch-4`");
    /* Only the title and the nine block headings start a line with '#'. */
    ck_assert_uint_eq(count(md, "\n#"), 9);
    ck_assert_int_eq(md[0], '#');
    smb_free(md);
    smb_canvas_free(c);
}
END_TEST

/* ---- SVG ----------------------------------------------------------------- */

START_TEST(svg_has_the_canvas_structure)
{
    smb_canvas *c = bakery();
    char *svg = render(c, SMB_FORMAT_SVG);
    ck_assert(starts_with(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                               "xmlns=\"http://www.w3.org/2000/svg\""));
    assert_contains(svg, "viewBox=\"0 0 1400 900\"");
    assert_contains(svg, "<title id=\"smb-title\">Crumb &amp; Co. Bakery — Business Model "
                         "Canvas</title>");
    assert_contains(svg, "<desc>Artisan bread for the neighbourhood.</desc>");
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        lines l;
        block_lines(svg, (smb_block)k, &l); /* asserts the title comes first */
    }
    ck_assert_uint_eq(count(svg, "<g id=\"smb-"), 9);
    /* Classic layout: Key Partners far left, Value Propositions in the
     * middle column, Customer Segments far right, money at the bottom. */
    assert_contains(svg, "<g id=\"smb-key_partnerships\" class=\"block\">\n<rect x=\"24\" "
                         "y=\"88\" width=\"264\" height=\"540\"");
    assert_contains(svg, "<g id=\"smb-key_resources\" class=\"block\">\n<rect x=\"296\" "
                         "y=\"362\" width=\"264\" height=\"266\"");
    assert_contains(svg, "<g id=\"smb-value_propositions\" class=\"block\">\n<rect x=\"568\" "
                         "y=\"88\" width=\"264\" height=\"540\"");
    assert_contains(svg, "<g id=\"smb-customer_segments\" class=\"block\">\n<rect x=\"1112\" "
                         "y=\"88\" width=\"264\" height=\"540\"");
    assert_contains(svg, "<g id=\"smb-cost_structure\" class=\"block\">\n<rect x=\"24\" "
                         "y=\"636\" width=\"672\" height=\"240\"");
    assert_contains(svg, "<g id=\"smb-revenue_streams\" class=\"block\">\n<rect x=\"704\" "
                         "y=\"636\" width=\"672\" height=\"240\"");
    /* Importance 4 -> radius 1.5 + 0.5 * 4 = 3.5; validated is green. */
    char *group = block_group(svg, SMB_BLOCK_VALUE_PROPOSITIONS);
    assert_contains(group, "r=\"3.5\" fill=\"#16a34a\"");
    free(group);
    /* Importance 3 assumption -> radius 3.0, hollow. */
    group = block_group(svg, SMB_BLOCK_CUSTOMER_SEGMENTS);
    assert_contains(group, "r=\"3.0\" fill=\"#ffffff\" stroke=\"#6b7280\"");
    free(group);
    /* Amount and kind on a detail line; totals on the money blocks' titles. */
    assert_contains(svg, ">18,000 · subscription</text>");
    assert_contains(svg, ">total 12,000.50</text>");
    assert_contains(svg, ">total 18,000 · margin 5,999.50</text>");
    /* The legend names every evidence level. */
    assert_contains(svg, ">assumption</text>");
    assert_contains(svg, ">invalidated</text>");
    assert_contains(svg, ">Fresh bread every morning</text>");
    ck_assert_uint_eq(count(svg, "<g class=\"item\">"), 4);
    ck_assert_ptr_null(strstr(svg, "more</text>"));
    size_t n = strlen(svg);
    ck_assert_str_eq(svg + n - 7, "</svg>\n");
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(svg_of_an_empty_canvas)
{
    smb_canvas *c = new_canvas();
    char *svg = render(c, SMB_FORMAT_SVG);
    assert_contains(svg, "<title id=\"smb-title\">Business Model Canvas</title>");
    ck_assert_ptr_null(strstr(svg, "<desc>"));
    ck_assert_uint_eq(count(svg, "<g id=\"smb-"), 9);
    ck_assert_uint_eq(count(svg, "<g class=\"item\">"), 0);
    ck_assert_ptr_null(strstr(svg, "total "));
    ck_assert_ptr_null(strstr(svg, "more</text>"));
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(svg_escapes_hostile_text)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_set_name(c, "<script>&\"'"));
    TH_OK(smb_canvas_set_description(c, "</desc><script>alert(1)</script>"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-1", "<script>&\"'"));
    /* Controls separate words like spaces (XML cannot carry them); U+FFFF,
     * which XML forbids, becomes U+FFFD. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-2", "a\x01" "b\x7f" "c\xEF\xBF\xBF" "d"));
    char *svg = render(c, SMB_FORMAT_SVG);
    ck_assert_ptr_null(strstr(svg, "<script"));
    ck_assert_ptr_null(strstr(svg, "\xEF\xBF\xBF"));
    assert_contains(svg, "<title id=\"smb-title\">&lt;script&gt;&amp;&quot;&#39; — ");
    assert_contains(svg, "<desc>&lt;/desc&gt;&lt;script&gt;alert(1)&lt;/script&gt;</desc>");
    assert_contains(svg, ">&lt;script&gt;&amp;&quot;&#39;</text>");
    assert_contains(svg, ">a b c\xEF\xBF\xBD" "d</text>");
    for (const char *p = svg; *p; p++)
        ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n', "control byte in the output");
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

/*
 * Eliding. A block shows its items from y + 40 down to y + h - 10, so it has
 * h - 50 px; a one-line item takes 16 px and items are 4 px apart; "+N more"
 * takes one 16 px line after a 4 px gap.
 * - Tall column (h 540): 490 px. All n fit while 20n - 4 <= 490, n <= 24.
 *   Otherwise k items and the more line fit while 20k + 16 <= 490, k <= 23.
 * - Stacked block (h 266): 216 px. All fit while n <= 11; else k = 10.
 * - Bottom block (h 240): 190 px; an item with an amount has a second line,
 *   32 px. All fit while 36n - 4 <= 190, n <= 5; else 36k + 16 <= 190, k = 4.
 */
START_TEST(svg_elides_what_does_not_fit)
{
    static const struct {
        smb_block block;
        int items;
        size_t shown;
    } cases[] = {
        {SMB_BLOCK_VALUE_PROPOSITIONS, 24, 24},
        {SMB_BLOCK_VALUE_PROPOSITIONS, 25, 23},
        {SMB_BLOCK_VALUE_PROPOSITIONS, 30, 23},
        {SMB_BLOCK_CHANNELS, 11, 11},
        {SMB_BLOCK_CHANNELS, 12, 10},
        {SMB_BLOCK_KEY_ACTIVITIES, 40, 10},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        smb_canvas *c = new_canvas();
        add_items(c, cases[t].block, "it", cases[t].items);
        char *svg = render(c, SMB_FORMAT_SVG);
        char *group = block_group(svg, cases[t].block);
        ck_assert_uint_eq(count(group, "<g class=\"item\">"), cases[t].shown);
        char more[64];
        size_t hidden = (size_t)cases[t].items - cases[t].shown;
        snprintf(more, sizeof more, ">+%zu more</text>", hidden);
        if (hidden)
            assert_contains(group, more);
        else
            ck_assert_ptr_null(strstr(group, "more</text>"));
        /* The last shown item is the right one, and the one after is not. */
        char last[32], next[32];
        snprintf(last, sizeof last, ">Item %zu</text>", cases[t].shown);
        snprintf(next, sizeof next, ">Item %zu</text>", cases[t].shown + 1);
        assert_contains(group, last);
        ck_assert_ptr_null(strstr(group, next));
        free(group);
        smb_free(svg);
        smb_canvas_free(c);
    }
}
END_TEST

START_TEST(svg_elides_two_line_money_items)
{
    smb_canvas *c = new_canvas();
    for (int i = 1; i <= 6; i++) {
        char id[16], text[16];
        snprintf(id, sizeof id, "rev-%d", i);
        snprintf(text, sizeof text, "Stream %d", i);
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, id, text));
        TH_OK(smb_canvas_set_item_amount(c, id, 1000.0 * i));
    }
    char *svg = render(c, SMB_FORMAT_SVG);
    char *group = block_group(svg, SMB_BLOCK_REVENUE_STREAMS);
    /* 6 items of 32 px: 36 * 6 - 4 = 212 > 190, so 4 show (36 * 4 + 16 =
     * 160 <= 190, 36 * 5 + 16 = 196 > 190). */
    ck_assert_uint_eq(count(group, "<g class=\"item\">"), 4);
    assert_contains(group, ">+2 more</text>");
    assert_contains(group, ">4,000</text>");
    ck_assert_ptr_null(strstr(group, ">5,000</text>"));
    /* 1000 + 2000 + ... + 6000 = 21000: totals count hidden items too. */
    assert_contains(group, ">total 21,000 · margin 21,000</text>");
    free(group);
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

/* Columns are 264 px wide; text starts 26 px in and stops 12 px before
 * the edge: 226 px of 12 px text = 18.83 em, 188 tenths of an em. The
 * bottom blocks: 672 - 38 = 634 px = 52.83 em, 528 tenths. */
enum { COLUMN_WIDTH = 188, BOTTOM_WIDTH = 528 };

typedef struct width_check {
    size_t max, widest;
} width_check;

static void measure(const char *s, size_t n, void *ctx)
{
    width_check *w = ctx;
    size_t u = width_of(s, n);
    if (u > w->widest)
        w->widest = u;
}

static size_t widest_item_line(const char *svg, smb_block block)
{
    char *group = block_group(svg, block);
    /* Skip the block title; measure everything in the clipped content. */
    const char *content = strstr(group, "clip-path=");
    ck_assert_ptr_nonnull(content);
    width_check w = {0, 0};
    each_text(content, measure, &w);
    free(group);
    return w.widest;
}

START_TEST(svg_breaks_long_words)
{
    smb_canvas *c = new_canvas();
    char *word = repeat("x", 300);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_PARTNERSHIPS, "kp-long", word));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost-long", word));
    char *caps = repeat("W", 40);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_ACTIVITIES, "ka-caps", caps));
    char *svg = render(c, SMB_FORMAT_SVG);
    lines l;
    /* Column: an 'x' is 6 tenths of an em, 188 / 6 = 31 per line; three
     * lines hold 93, and the fourth and last keeps room for the 10-tenth
     * ellipsis: (188 - 10) / 6 = 29 characters and "…". */
    block_lines(svg, SMB_BLOCK_KEY_PARTNERSHIPS, &l);
    ck_assert_uint_eq(l.count, 5);
    char *x31 = repeat("x", 31), *x29 = repeat("x", 29);
    ck_assert_str_eq(l.text[1], x31);
    ck_assert_str_eq(l.text[2], x31);
    ck_assert_str_eq(l.text[3], x31);
    char last[64];
    snprintf(last, sizeof last, "%s…", x29);
    ck_assert_str_eq(l.text[4], last);
    /* Bottom: 528 / 6 = 88 per line; 88 * 3 = 264 leaves 36 for a fourth
     * line, so nothing is cut. */
    block_lines(svg, SMB_BLOCK_COST_STRUCTURE, &l);
    ck_assert_uint_eq(l.count, 5);
    char *x88 = repeat("x", 88), *x36 = repeat("x", 36);
    ck_assert_str_eq(l.text[1], x88);
    ck_assert_str_eq(l.text[3], x88);
    ck_assert_str_eq(l.text[4], x36);
    /* Capitals are wider: a 'W' is 10 tenths, 188 / 10 = 18 per line
     * (216 px of the 226), so 40 make 18 + 18 + 4. */
    block_lines(svg, SMB_BLOCK_KEY_ACTIVITIES, &l);
    ck_assert_uint_eq(l.count, 4);
    char *w18 = repeat("W", 18);
    ck_assert_str_eq(l.text[1], w18);
    ck_assert_str_eq(l.text[2], w18);
    ck_assert_str_eq(l.text[3], "WWWW");
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_KEY_PARTNERSHIPS), COLUMN_WIDTH);
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_KEY_ACTIVITIES), COLUMN_WIDTH);
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_COST_STRUCTURE), BOTTOM_WIDTH);
    free(x31), free(x29), free(x88), free(x36), free(w18), free(caps), free(word);
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(svg_wraps_at_spaces)
{
    smb_canvas *c = new_canvas();
    /* Twelve words "abcde" of 5 * 6 = 30 tenths; with 3-tenth spaces, five
     * make 5 * 30 + 4 * 3 = 162 <= 188 and a sixth would make 195, so the
     * lines hold 5, 5 and 2 words. Runs of spaces, tabs and newlines count
     * as one space. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch",
                              "abcde abcde abcde abcde abcde\n\nabcde   abcde abcde abcde "
                              "abcde abcde\tabcde  "));
    char *svg = render(c, SMB_FORMAT_SVG);
    lines l;
    block_lines(svg, SMB_BLOCK_CHANNELS, &l);
    ck_assert_uint_eq(l.count, 4);
    ck_assert_str_eq(l.text[1], "abcde abcde abcde abcde abcde");
    ck_assert_str_eq(l.text[2], "abcde abcde abcde abcde abcde");
    ck_assert_str_eq(l.text[3], "abcde abcde");
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(svg_never_splits_a_character)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_set_name(c, "Bäckerei Müller – 面包"));
    /* 100 two-byte 'ä' of 7 tenths: 188 / 7 = 26 per line, cut between
     * characters (52 bytes). */
    char *umlauts = repeat("ä", 100);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_ACTIVITIES, "ka", umlauts));
    /* CJK is a full em: 18 make 180 <= 188, 19 would make 190. */
    char *bread = repeat("面", 40);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr", bread));
    char *emoji = repeat("🍞", 20);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch", emoji));
    char *mixed = repeat("Bäckerei Müller – 面包 ", 12);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "cs", mixed));
    for (int f = 0; f < 3; f++) {
        char *out = render(c, (smb_format)f);
        ck_assert_msg(utf8_ok(out), "%s output is not valid UTF-8", smb_format_key((smb_format)f));
        smb_free(out);
    }
    char *svg = render(c, SMB_FORMAT_SVG);
    lines l;
    block_lines(svg, SMB_BLOCK_KEY_ACTIVITIES, &l);
    ck_assert_uint_eq(l.count, 5);
    char *a26 = repeat("ä", 26), *a22 = repeat("ä", 22);
    ck_assert_str_eq(l.text[1], a26);
    ck_assert_str_eq(l.text[2], a26);
    ck_assert_str_eq(l.text[3], a26);
    ck_assert_str_eq(l.text[4], a22); /* 100 - 78 */
    block_lines(svg, SMB_BLOCK_KEY_RESOURCES, &l);
    ck_assert_uint_eq(l.count, 4);
    char *b18 = repeat("面", 18), *b4 = repeat("面", 4);
    ck_assert_str_eq(l.text[1], b18);
    ck_assert_str_eq(l.text[2], b18);
    ck_assert_str_eq(l.text[3], b4); /* 40 - 36 */
    /* Emoji are 12 tenths: 188 / 12 = 15 per line, then 5. */
    block_lines(svg, SMB_BLOCK_CHANNELS, &l);
    ck_assert_uint_eq(l.count, 3);
    ck_assert_uint_eq(strlen(l.text[1]), 15 * 4);
    ck_assert_uint_eq(strlen(l.text[2]), 5 * 4);
    /* "Bäckerei" = B 7 + ä 7 + c, k, e 6 each + r 4 + e 6 + i 3 = 45,
     * "Müller" = 9 + 7 + 3 + 3 + 6 + 4 = 32, "–" 7, "面包" 20: with three
     * spaces the phrase is 45 + 32 + 7 + 20 + 9 = 113. "Bäckerei" still fits
     * after it (113 + 3 + 45 = 161), "Müller" does not (196 > 188). */
    block_lines(svg, SMB_BLOCK_CUSTOMER_SEGMENTS, &l);
    ck_assert_str_eq(l.text[1], "Bäckerei Müller – 面包 Bäckerei");
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_CUSTOMER_SEGMENTS), COLUMN_WIDTH);
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_KEY_RESOURCES), COLUMN_WIDTH);
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_KEY_ACTIVITIES), COLUMN_WIDTH);
    ck_assert_uint_le(widest_item_line(svg, SMB_BLOCK_CHANNELS), COLUMN_WIDTH);
    assert_contains(svg, "<title id=\"smb-title\">Bäckerei Müller – 面包 — Business Model "
                         "Canvas</title>");
    free(a26), free(a22), free(b18), free(b4), free(umlauts), free(bread), free(emoji), free(mixed);
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(svg_cuts_a_long_name_with_an_ellipsis)
{
    smb_canvas *c = new_canvas();
    /* The name line is 280 tenths of an em; 60 round capitals of 8 need
     * 480, so it is cut to (280 - 10) / 8 = 33 of them and the ellipsis. */
    char *name = repeat("N", 60);
    TH_OK(smb_canvas_set_name(c, name));
    char *svg = render(c, SMB_FORMAT_SVG);
    char *n33 = repeat("N", 33), expected[128];
    snprintf(expected, sizeof expected, "font-weight=\"bold\" fill=\"#111827\">%s…</text>", n33);
    assert_contains(svg, expected);
    /* The title element keeps the whole name. */
    snprintf(expected, sizeof expected, "<title id=\"smb-title\">%s — ", name);
    assert_contains(svg, expected);
    free(n33), free(name);
    smb_free(svg);
    smb_canvas_free(c);
}
END_TEST

START_TEST(whitespace_only_text_renders)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch", " \n\t "));
    add_items(c, SMB_BLOCK_CHANNELS, "more", 1);
    char *svg = render(c, SMB_FORMAT_SVG);
    /* The blank item keeps its bullet and one line: the next item starts
     * 16 + 4 px lower (y 362 + 40 + 20 = 422, baseline + 12 = 434). */
    ck_assert_uint_eq(count(svg, "<g class=\"item\">"), 2);
    assert_contains(svg, "<text x=\"866\" y=\"434\">Item 1</text>");
    smb_free(svg);
    char *md = render(c, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "\n-  `ch` — importance 3");
    smb_free(md);
    smb_canvas_free(c);
}
END_TEST

/* ---- HTML ---------------------------------------------------------------- */

START_TEST(html_is_a_standalone_accessible_page)
{
    smb_canvas *c = bakery();
    char *html = render(c, SMB_FORMAT_HTML);
    ck_assert(starts_with(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                "<meta charset=\"utf-8\">\n"));
    assert_contains(html, "<title>Crumb &amp; Co. Bakery — Business Model Canvas</title>");
    assert_contains(html, "<h1>Crumb &amp; Co. Bakery</h1>");
    assert_contains(html, "<style>");
    /* A bidi override in an item cannot reorder the metadata after it. */
    assert_contains(html, ".text,.tag{unicode-bidi:isolate}");
    /* The picture inline, without an XML declaration inside the page. */
    ck_assert_uint_eq(count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""), 1);
    ck_assert_ptr_null(strstr(html, "<?xml"));
    /* Nothing runs and nothing is fetched. */
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_null(strstr(html, "src="));
    ck_assert_ptr_null(strstr(html, "<link"));
    ck_assert_ptr_null(strstr(html, "@import"));
    ck_assert_uint_eq(count(html, "http"), 1); /* the SVG namespace only */
    /* The items as lists, headed by the block titles. */
    char heading[128];
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        snprintf(heading, sizeof heading, "<h2 id=\"h-%s\">%s</h2>",
                 smb_block_key((smb_block)k), smb_block_title((smb_block)k));
        assert_contains(html, heading);
    }
    ck_assert_uint_eq(count(html, "<p class=\"empty\">(empty)</p>"), 5);
    assert_contains(html, "<li id=\"item-vp-fresh\" class=\"ev-validated\"><span "
                          "class=\"text\">Fresh bread every morning</span>\n<span class=\"meta\">"
                          "importance 4 of 5 · validated · tags: <span class=\"tag\">core</span>, "
                          "<span class=\"tag\">local</span> · links: "
                          "<a href=\"#item-seg-families\">→ seg-families</a> · id vp-fresh"
                          "</span>\n<p class=\"notes\">Baked at 5 am.</p></li>");
    assert_contains(html, "<li id=\"item-seg-families\"");
    assert_contains(html, "importance 3 of 5 · assumption · amount 18,000 · subscription");
    assert_contains(html, "<p class=\"totals\">Revenue 18,000 · cost 12,000.50 · margin "
                          "5,999.50</p>");
    size_t n = strlen(html);
    ck_assert_str_eq(html + n - 8, "</html>\n");
    smb_free(html);
    smb_canvas_free(c);
}
END_TEST

START_TEST(html_escapes_hostile_text)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_set_name(c, "<script>&\"'"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch", "<img src=x onerror=alert(1)>"));
    const char *tags[] = {"\"><script>"};
    TH_OK(smb_canvas_set_item_tags(c, "ch", tags, 1));
    TH_OK(smb_canvas_set_item_notes(c, "ch", "</li></ul><script>x</script>"));
    char *html = render(c, SMB_FORMAT_HTML);
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_null(strstr(html, "<img"));
    assert_contains(html, "<h1>&lt;script&gt;&amp;&quot;&#39;</h1>");
    assert_contains(html, "<span class=\"text\">&lt;img src=x onerror=alert(1)&gt;</span>");
    assert_contains(html, "tags: <span class=\"tag\">&quot;&gt;&lt;script&gt;</span>");
    assert_contains(html, "<p class=\"notes\">&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;x&lt;/script&gt;"
                          "</p>");
    smb_free(html);
    smb_canvas_free(c);
}
END_TEST

START_TEST(html_of_an_empty_canvas)
{
    smb_canvas *c = new_canvas();
    char *html = render(c, SMB_FORMAT_HTML);
    assert_contains(html, "<h1>Business Model Canvas</h1>");
    ck_assert_uint_eq(count(html, "<p class=\"empty\">(empty)</p>"), 9);
    ck_assert_ptr_null(strstr(html, "<li"));
    ck_assert_ptr_null(strstr(html, "class=\"totals\""));
    smb_free(html);
    smb_canvas_free(c);
}
END_TEST

/* ---- numbers ------------------------------------------------------------- */

START_TEST(amounts_are_grouped_and_rounded)
{
    smb_canvas *c = new_canvas();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r1", "Big"));
    TH_OK(smb_canvas_set_item_amount(c, "r1", 1e15));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r2", "Odd"));
    TH_OK(smb_canvas_set_item_amount(c, "r2", 1234567.891));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r3", "Small"));
    TH_OK(smb_canvas_set_item_amount(c, "r3", 999));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r4", "Zero"));
    TH_OK(smb_canvas_set_item_amount(c, "r4", 0));
    /* Each amount is at most 1e15; two make a cost of 2e15. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c1", "Rent"));
    TH_OK(smb_canvas_set_item_amount(c, "c1", 1e15));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c2", "Wages"));
    TH_OK(smb_canvas_set_item_amount(c, "c2", 1e15));
    char *md = render(c, SMB_FORMAT_MARKDOWN);
    assert_contains(md, "`r1` — importance 3 · assumption · 1,000,000,000,000,000\n");
    /* 1234567.891 rounds to 1234567.89. */
    assert_contains(md, "`r2` — importance 3 · assumption · 1,234,567.89\n");
    assert_contains(md, "`r3` — importance 3 · assumption · 999\n");
    assert_contains(md, "`r4` — importance 3 · assumption · 0\n");
    /* Revenue 1e15 + 1234567.891 + 999 = 1,000,000,001,235,566.891 needs 19
     * significant digits; a double holds about 16, and the nearest double
     * is 1000000001235566.875, which prints with cents .88. Cost 2e15;
     * margin = 1000000001235566.875 - 2e15 = -999999998764433.125 -> .13
     * (a multiple of 1/8, not halfway between cents). */
    assert_contains(md, "**Totals:** revenue 1,000,000,001,235,566.88 · cost "
                        "2,000,000,000,000,000 · margin -999,999,998,764,433.13\n");
    smb_free(md);
    smb_canvas_free(c);
}
END_TEST

START_TEST(output_ignores_the_locale)
{
    smb_canvas *c = bakery();
    char *before[3];
    for (int f = 0; f < 3; f++)
        before[f] = render(c, (smb_format)f);
    /* A host program may switch to a locale with a decimal comma; the
     * library's output must not follow it. Try what the system offers. */
    static const char *const locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                          "fr_FR.utf8", "de_DE", "fr_FR"};
    const char *used = NULL;
    for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !used; i++)
        if (setlocale(LC_ALL, locales[i]))
            used = locales[i];
    for (int f = 0; f < 3; f++) {
        char *after = render(c, (smb_format)f);
        ck_assert_msg(strcmp(before[f], after) == 0, "%s output changed under locale %s",
                      smb_format_key((smb_format)f), used ? used : "C");
        smb_free(after);
        smb_free(before[f]);
    }
    setlocale(LC_ALL, "C");
    smb_canvas_free(c);
}
END_TEST

/* ---- allocation failures -------------------------------------------------- */

START_TEST(allocation_failures_leave_everything_as_it_was)
{
    /* Objects must come from the counting allocator that will free them. */
    th_alloc_install();
    smb_canvas *c = bakery();
    add_items(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp", 30);
    smb_canvas *copy = NULL;
    TH_OK(smb_canvas_copy(c, &copy));
    for (int f = 0; f < 3; f++) {
        char sentinel = 0, *out = &sentinel;
        size_t length = 5;
        TH_EACH_ALLOC_FAILURE(smb_canvas_render(c, (smb_format)f, &out, &length),
                              smb_canvas_equal(c, copy) && out == &sentinel && length == 5,
                              { ck_assert_uint_eq(length, strlen(out)); smb_free(out); }, 1);
        ck_assert(smb_canvas_equal(c, copy));
    }
    smb_canvas_free(copy);
    smb_canvas_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("render");
    TCase *keys = tcase_create("keys");
    tcase_add_test(keys, format_keys_round_trip);
    tcase_add_test(keys, format_from_key_refuses_unknown_and_null);
    tcase_add_test(keys, render_refuses_bad_arguments);
    suite_add_tcase(s, keys);

    TCase *md = tcase_create("markdown");
    tcase_add_test(md, markdown_of_a_small_canvas);
    tcase_add_test(md, markdown_of_an_empty_canvas);
    tcase_add_test(md, markdown_escapes_hostile_text);
    suite_add_tcase(s, md);

    TCase *svg = tcase_create("svg");
    tcase_add_test(svg, svg_has_the_canvas_structure);
    tcase_add_test(svg, svg_of_an_empty_canvas);
    tcase_add_test(svg, svg_escapes_hostile_text);
    tcase_add_test(svg, svg_elides_what_does_not_fit);
    tcase_add_test(svg, svg_elides_two_line_money_items);
    tcase_add_test(svg, svg_breaks_long_words);
    tcase_add_test(svg, svg_wraps_at_spaces);
    tcase_add_test(svg, svg_never_splits_a_character);
    tcase_add_test(svg, svg_cuts_a_long_name_with_an_ellipsis);
    tcase_add_test(svg, whitespace_only_text_renders);
    suite_add_tcase(s, svg);

    TCase *html = tcase_create("html");
    tcase_add_test(html, html_is_a_standalone_accessible_page);
    tcase_add_test(html, html_escapes_hostile_text);
    tcase_add_test(html, html_of_an_empty_canvas);
    suite_add_tcase(s, html);

    TCase *num = tcase_create("numbers");
    tcase_add_test(num, amounts_are_grouped_and_rounded);
    tcase_add_test(num, output_ignores_the_locale);
    suite_add_tcase(s, num);

    TCase *mem = tcase_create("memory");
    tcase_add_test(mem, allocation_failures_leave_everything_as_it_was);
    tcase_set_timeout(mem, 300);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
