/* SPDX-License-Identifier: MIT */
/* The canvas as one self-contained HTML5 page: the SVG picture inline, then
 * every item as a list, so that the page reads fully without the picture
 * (screen readers, text browsers, copy and paste). No scripts, no external
 * resources; all user text escaped. */
#include <string.h>

#include "render_internal.h"

/* After the shared rules of render_page.c. */
static const char style[] =
    ".blocks{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));"
    "gap:.5rem 2rem}\n"
    "section h2{font-size:1.1rem;border-bottom:1px solid #d1d5db;padding-bottom:.25rem}\n"
    "ul.items{padding-left:1.2rem}\n"
    "ul.items li{margin:.4rem 0}\n"
    ".meta{display:block;color:#4b5563;font-size:.9em}\n"
    /* A bidi override in user text must not reorder the words after it. */
    ".text,.tag{unicode-bidi:isolate}\n"
    ".notes{margin:.2rem 0 0;font-size:.9em}\n"
    ".empty{color:#6b7280;font-style:italic}\n"
    ".ev-assumption::marker{color:#6b7280}\n"
    ".ev-testing::marker{color:#b45309}\n"
    ".ev-validated::marker{color:#166534}\n"
    ".ev-invalidated::marker{color:#991b1b}\n"
    ".totals{font-weight:bold}\n";

static void put_item(smb_buf *b, const smb_item *item)
{
    const char *id = smb_item_id(item);
    const char *evidence = smb_evidence_key(smb_item_evidence(item));
    smb__buf_puts(b, "<li id=\"item-");
    smb__buf_put_xml(b, id);
    smb__buf_printf(b, "\" class=\"ev-%s\"><span class=\"text\">", evidence);
    smb__render_put_xml_text(b, smb_item_text(item));
    smb__buf_printf(b, "</span>\n<span class=\"meta\">importance %d of 5 \xC2\xB7 %s",
                    smb_item_importance(item), evidence);
    if (smb_item_has_amount(item)) {
        char amount[SMB_AMOUNT_BUF];
        smb__buf_printf(b, " \xC2\xB7 amount %s",
                        smb__format_amount(amount, smb_item_amount(item)));
    }
    if (smb_item_kind(item) != SMB_KIND_NONE)
        smb__buf_printf(b, " \xC2\xB7 %s", smb_amount_kind_key(smb_item_kind(item)));
    size_t tags = smb_item_tag_count(item);
    for (size_t t = 0; t < tags; t++) {
        smb__buf_puts(b, t == 0 ? " \xC2\xB7 tags: <span class=\"tag\">" : ", <span class=\"tag\">");
        smb__render_put_xml_text(b, smb_item_tag(item, t));
        smb__buf_puts(b, "</span>");
    }
    size_t links = smb_item_link_count(item);
    for (size_t l = 0; l < links; l++) {
        const char *target = smb_item_link(item, l);
        smb__buf_puts(b, l == 0 ? " \xC2\xB7 links: " : ", ");
        smb__buf_puts(b, "<a href=\"#item-");
        smb__buf_put_xml(b, target);
        smb__buf_puts(b, "\">\xE2\x86\x92 ");
        smb__buf_put_xml(b, target);
        smb__buf_puts(b, "</a>");
    }
    smb__buf_puts(b, " \xC2\xB7 id ");
    smb__buf_put_xml(b, id);
    smb__buf_puts(b, "</span>");
    const char *notes = smb_item_notes(item);
    if (notes && *notes) {
        smb__buf_puts(b, "\n<p class=\"notes\">");
        smb__render_put_xml_text(b, notes);
        smb__buf_puts(b, "</p>");
    }
    smb__buf_puts(b, "</li>\n");
}

static void put_block(smb_buf *b, const smb_canvas *canvas, smb_block block)
{
    const char *key = smb_block_key(block);
    smb__buf_printf(b, "<section aria-labelledby=\"h-%s\">\n<h2 id=\"h-%s\">", key, key);
    smb__buf_put_xml(b, smb_block_title(block));
    smb__buf_puts(b, "</h2>\n");
    size_t n = smb_canvas_item_count(canvas, block);
    if (n == 0) {
        smb__buf_puts(b, "<p class=\"empty\">(empty)</p>\n</section>\n");
        return;
    }
    smb__buf_puts(b, "<ul class=\"items\">\n");
    for (size_t i = 0; i < n; i++)
        put_item(b, smb_canvas_item_at(canvas, block, i));
    smb__buf_puts(b, "</ul>\n</section>\n");
}

void smb__render_html(const smb_canvas *canvas, smb_buf *b)
{
    const char *name = smb_canvas_name(canvas);
    const char *description = smb_canvas_description(canvas);
    smb__html_open(b, "Business Model Canvas", name, description, style, NULL);
    smb__buf_puts(b, "<main>\n<figure>\n");
    smb__render_svg(canvas, b, false);
    smb__buf_puts(b, "<figcaption>The canvas at a glance. Every item is listed in full "
                     "below.</figcaption>\n</figure>\n");
    if (smb__canvas_has_amounts(canvas)) {
        char revenue[SMB_AMOUNT_BUF], cost[SMB_AMOUNT_BUF], margin[SMB_AMOUNT_BUF];
        smb__buf_printf(b,
                        "<p class=\"totals\">Revenue %s \xC2\xB7 cost %s \xC2\xB7 "
                        "margin %s</p>\n",
                        smb__format_amount(revenue, smb_canvas_revenue_total(canvas)),
                        smb__format_amount(cost, smb_canvas_cost_total(canvas)),
                        smb__format_amount(margin, smb_canvas_margin(canvas)));
    }
    smb__buf_puts(b, "<div class=\"blocks\">\n");
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        put_block(b, canvas, (smb_block)k);
    smb__buf_puts(b, "</div>\n</main>\n</body>\n</html>\n");
}
