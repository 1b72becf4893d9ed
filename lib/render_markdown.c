/* SPDX-License-Identifier: MIT */
/* The canvas as GitHub-flavoured Markdown: a heading per block, a bullet
 * per item. User text is flattened to one line and escaped so that it can
 * only ever be read as plain inline text. */
#include <string.h>

#include "render_internal.h"

/* Characters that mean something anywhere in a line: emphasis, code,
 * links, raw HTML, entities, tables, strike-through, maths, headings'
 * closing sequences, and the escape itself. */
static bool always_special(uint32_t cp)
{
    return cp < 0x80 && strchr("\\`*_[]<>&|~$#", (int)cp) != NULL && cp != 0;
}

/* Characters that only mean something where a block may start: list
 * markers and setext underlines. */
static bool start_special(uint32_t cp)
{
    return cp == '-' || cp == '+' || cp == '=';
}

/* Append user text as inline Markdown: separator runs become one space
 * (a newline could start a new block), the ends are trimmed (indentation
 * could start a code block), and markup characters are backslash-escaped.
 * `at_start` says whether the text opens a block (a bullet or paragraph). */
static void put_md(smb_buf *b, const char *s, bool at_start)
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
        if (always_special(cp) || (first && at_start && start_special(cp)) || ends_number)
            smb__buf_append(b, "\\", 1);
        if (cp == 0xFFFD && len == 1)
            smb__buf_puts(b, "\xEF\xBF\xBD"); /* never pass on a stray byte */
        else
            smb__buf_append(b, s + i, len);
        i += len;
    }
}

static void put_item(smb_buf *b, const smb_item *item)
{
    smb__buf_puts(b, "- ");
    put_md(b, smb_item_text(item), true);
    /* Ids are [A-Za-z0-9_.-]: safe inside a code span. */
    smb__buf_printf(b, " `%s` — importance %d · %s", smb_item_id(item),
                    smb_item_importance(item), smb_evidence_key(smb_item_evidence(item)));
    if (smb_item_has_amount(item)) {
        char amount[SMB_AMOUNT_BUF];
        smb__buf_printf(b, " · %s", smb__format_amount(amount, smb_item_amount(item)));
    }
    if (smb_item_kind(item) != SMB_KIND_NONE)
        smb__buf_printf(b, " · %s", smb_amount_kind_key(smb_item_kind(item)));
    size_t tags = smb_item_tag_count(item);
    for (size_t t = 0; t < tags; t++) {
        smb__buf_puts(b, t == 0 ? " · tags: " : ", ");
        put_md(b, smb_item_tag(item, t), false);
    }
    size_t links = smb_item_link_count(item);
    for (size_t l = 0; l < links; l++) {
        smb__buf_puts(b, l == 0 ? " · → " : ", → ");
        put_md(b, smb_item_link(item, l), false);
    }
    smb__buf_puts(b, "\n");
    const char *notes = smb_item_notes(item);
    if (notes && *notes) {
        /* A nested bullet keeps the notes with their item. */
        smb__buf_puts(b, "  - Notes: ");
        put_md(b, notes, false);
        smb__buf_puts(b, "\n");
    }
}

static void put_totals(smb_buf *b, const smb_canvas *canvas)
{
    char revenue[SMB_AMOUNT_BUF], cost[SMB_AMOUNT_BUF], margin[SMB_AMOUNT_BUF];
    smb__buf_printf(b, "**Totals:** revenue %s · cost %s · margin %s\n",
                    smb__format_amount(revenue, smb_canvas_revenue_total(canvas)),
                    smb__format_amount(cost, smb_canvas_cost_total(canvas)),
                    smb__format_amount(margin, smb_canvas_margin(canvas)));
}

void smb__render_markdown(const smb_canvas *canvas, smb_buf *b)
{
    const char *name = smb_canvas_name(canvas);
    smb__buf_puts(b, "# ");
    if (name && *name)
        put_md(b, name, false);
    else
        smb__buf_puts(b, "Business Model Canvas");
    smb__buf_puts(b, "\n");
    const char *description = smb_canvas_description(canvas);
    if (description && *description) {
        smb__buf_puts(b, "\n");
        put_md(b, description, true);
        smb__buf_puts(b, "\n");
    }
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        smb_block block = (smb_block)k;
        smb__buf_printf(b, "\n## %s\n\n", smb_block_title(block));
        size_t n = smb_canvas_item_count(canvas, block);
        if (n == 0)
            smb__buf_puts(b, "_(empty)_\n");
        for (size_t i = 0; i < n; i++)
            put_item(b, smb_canvas_item_at(canvas, block, i));
    }
    if (smb__canvas_has_amounts(canvas)) {
        smb__buf_puts(b, "\n");
        put_totals(b, canvas);
    }
}
