/* SPDX-License-Identifier: MIT */
/* The report's canvas section: what the checks find, the evidence behind
 * the model and its margin; the canvas picture; each block's size and its
 * most important item; and every finding. */
#include "report_internal.h"

static void draw_canvas(const void *canvas, smb_buf *b)
{
    smb__render_svg(canvas, b, false);
}

/* The block's item of highest importance (the first on a tie), or NULL. */
static const smb_item *most_important(const smb_canvas *canvas, smb_block block)
{
    const smb_item *best = NULL;
    size_t n = smb_canvas_item_count(canvas, block);
    for (size_t i = 0; i < n; i++) {
        const smb_item *item = smb_canvas_item_at(canvas, block, i);
        if (!best || smb_item_importance(item) > smb_item_importance(best))
            best = item;
    }
    return best;
}

static void put_blocks(smb_rw *w, const smb_canvas *canvas)
{
    static const smb_rw_column columns[] = {
        {"Block", false}, {"Items", true}, {"Most important item", false}};
    smb__rw_table(w, columns, 3);
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        smb_block block = (smb_block)k;
        const smb_item *top = most_important(canvas, block);
        smb__rw_cell_text(w, smb_block_title(block));
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu", smb_canvas_item_count(canvas, block));
        smb__rw_cell_end(w);
        smb__rw_cell(w);
        if (top) {
            smb__rw_user(w, smb_item_text(top));
            smb__rw_printf(w, " (importance %d of 5)", smb_item_importance(top));
        } else {
            smb__rw_text(w, "\xE2\x80\x94");
        }
        smb__rw_cell_end(w);
    }
    smb__rw_table_end(w);
}

static void put_findings(smb_rw *w, const smb_findings *findings)
{
    static const smb_rw_column columns[] = {
        {"Severity", false}, {"Block", false}, {"Item", false}, {"Finding", false}};
    size_t n = smb_findings_count(findings);
    if (n == 0)
        return;
    smb__rw_subheading(w, "Findings");
    smb__rw_table(w, columns, 4);
    /* Most serious first; the checks' own order within a severity. */
    for (int severity = SMB_SEVERITY_ERROR; severity >= SMB_SEVERITY_INFO; severity--) {
        for (size_t i = 0; i < n; i++) {
            const smb_finding *finding = smb_findings_at(findings, i);
            if ((int)finding->severity != severity)
                continue;
            smb__rw_cell_text(w, smb_severity_key(finding->severity));
            smb__rw_cell_text(w, finding->block == SMB_BLOCK_NONE
                                     ? "(whole canvas)"
                                     : smb_block_title(finding->block));
            smb__rw_cell(w);
            if (finding->item)
                smb__rw_code(w, finding->item);
            smb__rw_cell_end(w);
            /* Messages quote the items' text: document text. */
            smb__rw_cell(w);
            smb__rw_user(w, finding->message);
            smb__rw_cell_end(w);
        }
    }
    smb__rw_table_end(w);
}

void smb__report_canvas(smb_rw *w, const smb_report_facts *f)
{
    if (!f->canvas) {
        smb__rw_note(w, "The document has no canvas: this section is skipped.");
        return;
    }
    smb__report_say(w, f, &smb__fact_canvas_findings);
    smb__report_say(w, f, &smb__fact_canvas_evidence);
    smb__report_say(w, f, &smb__fact_canvas_margin);
    smb__rw_figure(w, draw_canvas, f->canvas,
                   "The business model canvas in its nine blocks; items that do not fit are "
                   "counted on a \xE2\x80\x9C+N more\xE2\x80\x9D line.",
                   false);
    put_blocks(w, f->canvas);
    put_findings(w, f->findings);
}
