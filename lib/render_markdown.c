/* SPDX-License-Identifier: MIT */
/* The canvas as GitHub-flavoured Markdown: a heading per block, a bullet
 * per item. User text is flattened to one line and escaped so that it can
 * only ever be read as plain inline text. */
#include <string.h>

#include "render_internal.h"

static void put_item(smb_buf *b, const smb_item *item)
{
    smb__buf_puts(b, "- ");
    smb__render_put_md(b, smb_item_text(item), true);
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
        smb__render_put_md(b, smb_item_tag(item, t), false);
    }
    size_t links = smb_item_link_count(item);
    for (size_t l = 0; l < links; l++) {
        smb__buf_puts(b, l == 0 ? " · → " : ", → ");
        smb__render_put_md(b, smb_item_link(item, l), false);
    }
    smb__buf_puts(b, "\n");
    const char *notes = smb_item_notes(item);
    if (notes && *notes) {
        /* A nested bullet keeps the notes with their item. */
        smb__buf_puts(b, "  - Notes: ");
        smb__render_put_md(b, notes, false);
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
        smb__render_put_md(b, name, false);
    else
        smb__buf_puts(b, "Business Model Canvas");
    smb__buf_puts(b, "\n");
    const char *description = smb_canvas_description(canvas);
    if (description && *description) {
        smb__buf_puts(b, "\n");
        smb__render_put_md(b, description, true);
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
