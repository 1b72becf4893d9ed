/* SPDX-License-Identifier: MIT */
/* What smbstrat score asks the library about a document's scenarios: the
 * scores against the resilience profile, the heat on the canvas, and a
 * stress test of the five forces for every scenario that shifts a driver.
 * The text and JSON writers (scenarios_text.c, scenarios_json.c) only
 * format these results. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_scenarios_report_free(cli_scenarios_report *r)
{
    for (size_t i = 0; i < r->stress_count; i++)
        smb_stress_free(r->stress[i]);
    free(r->stress);
    smb_canvas_heat_free(r->heat);
    smb_scenario_scores_free(r->scores);
    memset(r, 0, sizeof *r);
}

/* Stress-test each scenario that shifts a driver, in set order. Returns
 * an exit status, the error printed. */
static int stress_all(cli_scenarios_report *r)
{
    size_t n = smb_scenarios_count(r->scenarios), with_shifts = 0;
    for (size_t i = 0; i < n; i++)
        with_shifts += smb_scenario_shift_count(smb_scenarios_at(r->scenarios, i)) > 0;
    if (with_shifts == 0)
        return CLI_EXIT_OK;
    r->stress = calloc(with_shifts, sizeof *r->stress);
    if (!r->stress) {
        cli_error("out of memory");
        return CLI_EXIT_IO;
    }
    for (size_t i = 0; i < n; i++) {
        const smb_scenario *s = smb_scenarios_at(r->scenarios, i);
        if (smb_scenario_shift_count(s) == 0)
            continue;
        smb_status st = smb_scenarios_stress(r->scenarios, smb_scenario_id(s), r->forces,
                                             &r->stress[r->stress_count]);
        if (st != SMB_OK)
            return cli_library_error(st);
        r->stress_count++;
    }
    return CLI_EXIT_OK;
}

int cli_scenarios_report_init(cli_scenarios_report *r, const smb_document *doc)
{
    smb_status st;
    int rc = CLI_EXIT_OK;

    memset(r, 0, sizeof *r);
    r->resilience = smb_document_resilience_const(doc);
    r->scenarios = smb_document_scenarios_const(doc);
    r->forces = smb_document_forces_const(doc);
    r->canvas = smb_document_canvas_const(doc);
    if (!r->scenarios)
        return CLI_EXIT_OK;
    st = smb_scenarios_score(r->scenarios, r->resilience, &r->scores);
    if (st == SMB_OK)
        st = smb_scenarios_canvas_heat(r->scenarios, r->resilience, r->canvas, &r->heat);
    if (st != SMB_OK)
        rc = cli_library_error(st);
    else if (r->forces)
        rc = stress_all(r);
    if (rc != CLI_EXIT_OK)
        cli_scenarios_report_free(r);
    return rc;
}
