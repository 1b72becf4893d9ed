/* SPDX-License-Identifier: MIT */
/* The report's five-forces section: the strongest force and the market's
 * attractiveness, the five-forces diagram, and a table of the forces. */
#include "report_internal.h"

static void draw_forces(const void *view, smb_buf *b)
{
    smb__render_forces_svg(view, b, false);
}

static void put_table(smb_rw *w, const smb_forces_view *v)
{
    static const smb_rw_column columns[] = {
        {"Force", false}, {"Score (1\xE2\x80\x93" "5)", true}, {"Band", false},
        {"Weight", true}, {"Rated drivers", true}};
    smb__rw_table(w, columns, 5);
    for (int k = 0; k < SMB_FORCE_COUNT; k++) {
        const smb_force_score *s = smb_forces_result_force(v->result, (smb_force)k);
        char score[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF];
        smb__rw_cell(w);
        smb__rw_text(w, smb_force_title((smb_force)k));
        if (s->dominant) {
            smb__rw_text(w, " ");
            smb__rw_strong(w, "(strongest)");
        }
        smb__rw_cell_end(w);
        smb__rw_cell_text(w, s->has_score ? smb__format_number(score, s->score, 2, false)
                                          : "\xE2\x80\x94");
        smb__rw_cell_text(w, smb__band_label(s->band));
        smb__rw_cell_text(w, smb__format_number(weight, s->weight, 2, true));
        smb__rw_cell(w);
        smb__rw_printf(w, "%zu of %zu", s->rated, s->rated + s->unrated);
        smb__rw_cell_end(w);
    }
    smb__rw_table_end(w);
}

void smb__report_forces(smb_rw *w, const smb_report_facts *f)
{
    if (!f->forces) {
        smb__rw_note(w, "The document has no five-forces assessment: this section is skipped.");
        return;
    }
    const smb_forces_view *v = &f->forces_view;
    if (v->has_pressure) {
        smb__report_say(w, f, &smb__fact_dominant_force);
        smb__report_say(w, f, &smb__fact_attractiveness);
    } else {
        smb__report_say(w, f, &smb__fact_forces_unscored);
    }
    smb__rw_figure(w, draw_forces, v,
                   "The five forces around the business, each coloured by its band (low, "
                   "moderate, high) and showing its score.",
                   false);
    put_table(w, v);
}
