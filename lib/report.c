/* SPDX-License-Identifier: MIT */
/* smb_report_render: compute every figure of the report once, from the
 * library's own scoring, ranking and planning calls, then write the eight
 * sections in order. The document and the simulation are only read; on
 * failure everything computed is released and nothing is handed out. */
#include <string.h>

#include "file_io.h"
#include "report_internal.h"

/* The sections in reading order; the table of contents lists them all. */
static const smb_report_section sections[] = {
    {"summary", "Summary", smb__report_summary},
    {"business-model-canvas", "Business model canvas", smb__report_canvas},
    {"five-forces", "Five forces", smb__report_forces},
    {"resilience-profile", "Resilience profile", smb__report_resilience},
    {"disruption-scenarios", "Disruption scenarios", smb__report_scenarios},
    {"block-heat", "Block heat", smb__report_heat},
    {"simulation", "Simulation", smb__report_simulation},
    {"recommended-responses", "Recommended responses", smb__report_responses},
};
enum { SECTION_COUNT = sizeof sections / sizeof sections[0] };

static void facts_free(smb_report_facts *f)
{
    smb_residual_free(f->residual);
    smb_portfolio_free(f->portfolio);
    smb_response_ranking_free(f->ranking);
    smb_scenarios_free(f->no_scenarios);
    smb_canvas_heat_free(f->heat);
    smb_scenario_scores_free(f->scores);
    smb_forces_result_free(f->forces_result);
    smb_findings_free(f->findings);
}

/* The simulation must be of the document's scenarios: its sentences name
 * them by the document's titles. */
static smb_status check_simulation(const smb_report_facts *f)
{
    if (!f->simulation)
        return SMB_OK;
    if (!f->scenarios)
        return smb__fail(SMB_EINVAL, "simulation: the document has no scenarios section, so "
                                     "the simulation cannot be of its scenarios");
    size_t n = smb_sim_result_scenario_count(f->simulation);
    for (size_t i = 0; i < n; i++) {
        const char *id = smb_sim_result_scenario_at(f->simulation, i)->id;
        if (!smb_scenarios_find(f->scenarios, id)) {
            char shown[SMB_MAX_ID_LENGTH + 8];
            return smb__fail(SMB_EINVAL, "simulation: scenario '%s' is not in the document",
                             smb__show(shown, sizeof shown, id));
        }
    }
    return SMB_OK;
}

/* The business the report is about: the canvas's name, else the forces'. */
static void name_business(smb_report_facts *f)
{
    const char *name = f->canvas ? smb_canvas_name(f->canvas) : NULL;
    const char *description = f->canvas ? smb_canvas_description(f->canvas) : NULL;
    if ((!name || !*name) && f->forces) {
        name = smb_forces_name(f->forces);
        description = smb_forces_description(f->forces);
    }
    f->name = name && *name ? name : NULL;
    f->description = description && *description ? description : NULL;
}

/* The ranking, and with a budget the portfolio and its residual. */
static smb_status plan_responses(smb_report_facts *f, const smb_document *doc)
{
    const smb_scenarios *scenarios = f->scenarios;
    if (!scenarios) {
        smb_status st = smb_scenarios_new(&f->no_scenarios);
        if (st != SMB_OK)
            return st;
        scenarios = f->no_scenarios;
    }
    smb_status st = smb_responses_rank(f->responses, scenarios, f->resilience, SMB_RANK_TOPSIS,
                                       &f->ranking);
    if (st != SMB_OK)
        return st;
    /* No budget is no failure: the section then shows the ranking only. */
    f->has_budget = smb_document_budget(doc, &f->budget) == SMB_OK;
    if (!f->has_budget)
        return SMB_OK;
    st = smb_responses_plan(f->responses, scenarios, f->resilience, f->budget, &f->portfolio);
    if (st != SMB_OK)
        return st;
    size_t n = smb_portfolio_count(f->portfolio);
    const char **ids = smb__calloc(n ? n : 1, sizeof *ids);
    if (!ids)
        return smb__nomem();
    for (size_t i = 0; i < n; i++)
        ids[i] = smb_portfolio_at(f->portfolio, i)->id;
    st = smb_responses_residual(f->responses, scenarios, f->resilience, ids, n, &f->residual);
    smb__free(ids);
    return st;
}

static smb_status compute(smb_report_facts *f, const smb_document *doc)
{
    smb_status st = check_simulation(f);
    if (st == SMB_OK && f->canvas)
        st = smb_canvas_check(f->canvas, &f->findings);
    if (st == SMB_OK && f->forces) {
        st = smb_forces_score(f->forces, &f->forces_result);
        if (st == SMB_OK)
            smb__forces_view_init(&f->forces_view, f->forces, f->forces_result);
    }
    if (st == SMB_OK && f->scenarios)
        st = smb_scenarios_score(f->scenarios, f->resilience, &f->scores);
    if (st == SMB_OK && f->scenarios)
        st = smb_scenarios_canvas_heat(f->scenarios, f->resilience, f->canvas, &f->heat);
    if (st == SMB_OK && f->responses)
        st = plan_responses(f, doc);
    return st;
}

smb_status smb_report_render(const smb_document *doc, const smb_sim_result *simulation,
                             smb_format format, char **out, size_t *length)
{
    if (!doc || !out)
        return smb__fail(SMB_EINVAL, "smb_report_render: %s must not be NULL",
                         !doc ? "doc" : "out");
    if (format != SMB_FORMAT_HTML && format != SMB_FORMAT_MARKDOWN) {
        const char *key = smb_format_key(format);
        if (key)
            return smb__fail(SMB_EINVAL, "smb_report_render: format %s: a report is html or "
                                         "markdown (its pictures are SVG inside the HTML)",
                             key);
        return smb__fail(SMB_EINVAL, "smb_report_render: format %d is not html or markdown",
                         (int)format);
    }
    smb_report_facts f = {
        .canvas = smb_document_canvas_const(doc),
        .forces = smb_document_forces_const(doc),
        .resilience = smb_document_resilience_const(doc),
        .scenarios = smb_document_scenarios_const(doc),
        .responses = smb_document_responses_const(doc),
        .simulation = simulation,
    };
    name_business(&f);
    smb_status st = compute(&f, doc);
    if (st != SMB_OK) {
        facts_free(&f);
        return st;
    }
    smb_buf b;
    smb__buf_init(&b);
    smb_rw w;
    smb__rw_init(&w, &b, format == SMB_FORMAT_HTML);
    smb__report_open(&w, &f, sections, SECTION_COUNT);
    for (size_t i = 0; i < SECTION_COUNT; i++) {
        smb__rw_section(&w, sections[i].anchor, sections[i].title);
        sections[i].write(&w, &f);
        smb__rw_section_end(&w);
    }
    smb__report_close(&w);
    facts_free(&f);
    return smb__buf_finish(&b, out, length);
}

smb_status smb_report_save(const smb_document *doc, const smb_sim_result *simulation,
                           smb_format format, const char *path)
{
    if (!path)
        return smb__fail(SMB_EINVAL, "smb_report_save: path must not be NULL");
    char *text = NULL;
    size_t length = 0;
    smb_status st = smb_report_render(doc, simulation, format, &text, &length);
    if (st != SMB_OK)
        return st;
    st = smb__replace_file(path, text, length);
    smb_free(text);
    return st;
}
