/* SPDX-License-Identifier: MIT */
/* The report's summary: the most important facts of the sections that
 * follow, each in the very words its section opens with. */
#include "report_internal.h"

void smb__report_summary(smb_rw *w, const smb_report_facts *f)
{
    size_t shown = 0;
    for (size_t i = 0; i < smb__summary_fact_count && shown < SMB_REPORT_SUMMARY_MAX; i++) {
        const smb_report_fact *fact = smb__summary_facts[i];
        if (!fact->applies(f))
            continue;
        if (shown++ == 0)
            smb__rw_list(w);
        smb__rw_item(w);
        fact->say(w, f);
        smb__rw_item_end(w);
    }
    if (shown > 0)
        smb__rw_list_end(w);
    else
        smb__rw_note(w, "The document holds no canvas, five forces, resilience profile, "
                        "scenarios or responses yet, so there is nothing to summarise.");
}
