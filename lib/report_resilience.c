/* SPDX-License-Identifier: MIT */
/* The report's resilience section: the index and the weakest link, a bar
 * chart of the five maturities, and a table with their weights and
 * rationales. */
#include "report_internal.h"

/* Bars: the weakest link stands out; a capability of weight 0, which the
 * index leaves out, is greyed. */
#define BAR_FILL "#60a5fa"
#define WEAKEST_FILL "#f87171"
#define UNWEIGHTED_FILL "#d1d5db"

static void draw_bars(const void *chart, smb_buf *b)
{
    smb__render_bars_svg(chart, b);
}

static void put_chart(smb_rw *w, const smb_resilience *r)
{
    smb_capability weakest = SMB_CAPABILITY_NONE;
    double link = 0;
    (void)smb_resilience_weakest_link(r, &link, &weakest);
    char values[SMB_CAPABILITY_COUNT][SMB_AMOUNT_BUF];
    smb_bar bars[SMB_CAPABILITY_COUNT];
    for (int k = 0; k < SMB_CAPABILITY_COUNT; k++) {
        smb_capability c = (smb_capability)k;
        double m = smb_resilience_maturity(r, c);
        bars[k] = (smb_bar){smb_capability_title(c), m,
                            smb__format_number(values[k], m, 1, true),
                            c == weakest                          ? WEAKEST_FILL
                            : smb_resilience_weight(r, c) > 0 ? BAR_FILL
                                                                  : UNWEIGHTED_FILL};
    }
    smb_bar_chart chart = {"Resilience profile", "maturity, 0 (absent) to 5 (leading)",
                           SMB_MATURITY_MAX, bars, SMB_CAPABILITY_COUNT};
    smb__rw_figure(w, draw_bars, &chart,
                   "The maturity of each capability; the weakest link in red.", true);
}

static void put_table(smb_rw *w, const smb_resilience *r)
{
    static const smb_rw_column columns[] = {{"Capability", false},
                                            {"Maturity (0\xE2\x80\x93" "5)", true},
                                            {"Weight", true},
                                            {"Rationale", false}};
    smb__rw_table(w, columns, 4);
    for (int k = 0; k < SMB_CAPABILITY_COUNT; k++) {
        smb_capability c = (smb_capability)k;
        char m[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF];
        smb__rw_cell_text(w, smb_capability_title(c));
        smb__rw_cell_text(w, smb__format_number(m, smb_resilience_maturity(r, c), 2, true));
        smb__rw_cell_text(w, smb__format_number(weight, smb_resilience_weight(r, c), 2, true));
        smb__rw_cell(w);
        const char *rationale = smb_resilience_rationale(r, c);
        smb__rw_user(w, rationale ? rationale : "");
        smb__rw_cell_end(w);
    }
    smb__rw_table_end(w);
}

void smb__report_resilience(smb_rw *w, const smb_report_facts *f)
{
    if (!f->resilience) {
        smb__rw_note(w, f->scenarios ? "The document has no resilience profile: this section "
                                       "is skipped, and the scenarios are scored as if every "
                                       "capability were absent."
                                     : "The document has no resilience profile: this section "
                                       "is skipped.");
        return;
    }
    smb__report_say(w, f, &smb__fact_resilience);
    put_chart(w, f->resilience);
    put_table(w, f->resilience);
}
