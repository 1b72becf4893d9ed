/* SPDX-License-Identifier: MIT */
/* The report's block-heat section: which blocks of the canvas the threats
 * put most at risk, as a bar chart of the nine blocks by heat and a table. */
#include "report_internal.h"

/* Bars shade from amber to red by their share of the heat. */
static const char *heat_fill(double share)
{
    return share >= 0.25 ? "#dc2626" : share >= 0.10 ? "#f97316" : share > 0 ? "#fbbf24"
                                                                             : "#e5e7eb";
}

static void draw_bars(const void *chart, smb_buf *b)
{
    smb__render_bars_svg(chart, b);
}

static void put_chart(smb_rw *w, const smb_canvas_heat *heat)
{
    char values[SMB_BLOCK_COUNT][SMB_AMOUNT_BUF];
    smb_bar bars[SMB_BLOCK_COUNT];
    for (size_t i = 0; i < SMB_BLOCK_COUNT; i++) {
        const smb_block_heat *h = smb_canvas_heat_at(heat, i);
        bars[i] = (smb_bar){smb_block_title(h->block), h->heat,
                            smb__format_number(values[i], h->heat, 2, false), heat_fill(h->share)};
    }
    smb_bar_chart chart = {"Heat on the canvas", "heat: exposure \xC3\x97 block weight, summed "
                                                 "over the threats",
                           smb_canvas_heat_at(heat, 0)->heat, bars, SMB_BLOCK_COUNT};
    smb__rw_figure(w, draw_bars, &chart, "The nine blocks by heat, hottest first.", true);
}

static void put_table(smb_rw *w, const smb_report_facts *f)
{
    static const smb_rw_column columns[] = {
        {"Block", false}, {"Heat", true}, {"Share", true}, {"Threats", true}, {"Items", true}};
    /* Without a canvas there are no items to count. */
    size_t count = f->canvas ? 5 : 4;
    smb__rw_table(w, columns, count);
    for (size_t i = 0; i < SMB_BLOCK_COUNT; i++) {
        const smb_block_heat *h = smb_canvas_heat_at(f->heat, i);
        char heat[SMB_AMOUNT_BUF], share[SMB_AMOUNT_BUF];
        smb__rw_cell_text(w, smb_block_title(h->block));
        smb__rw_cell_text(w, smb__format_number(heat, h->heat, 2, false));
        smb__rw_cell_text(w, smb__report_percent(share, h->share));
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu", h->scenarios);
        smb__rw_cell_end(w);
        if (f->canvas) {
            smb__rw_cell(w);
            smb__rw_printf(w, "%zu", h->items);
            smb__rw_cell_end(w);
        }
    }
    smb__rw_table_end(w);
}

void smb__report_heat(smb_rw *w, const smb_report_facts *f)
{
    if (!f->scenarios) {
        smb__rw_note(w, "The document has no disruption scenarios, so no block of the canvas "
                        "is at risk: this section is skipped.");
        return;
    }
    smb__report_say(w, f, &smb__fact_heat);
    smb__report_say(w, f, &smb__fact_no_threats);
    smb__report_say(w, f, &smb__fact_no_heat);
    if (smb_canvas_heat_total(f->heat) > 0)
        put_chart(w, f->heat);
    put_table(w, f);
}
