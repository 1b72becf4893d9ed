/* SPDX-License-Identifier: MIT */
/* The resilience and scenario members of smbstrat score's JSON report
 * (docs/cli-json.md): every number as the library computed it. */
#include <jansson.h>

#include "cli.h"

static json_t *json_band_key(smb_risk_band band)
{
    const char *key = smb_risk_band_key(band);
    return key ? json_string(key) : json_null();
}

static json_t *json_resilience(const smb_resilience *res)
{
    double index = 0.0, weakest = 0.0;
    smb_capability capability = SMB_CAPABILITY_NONE;

    if (!res)
        return json_null();
    if (smb_resilience_index(res, &index) != SMB_OK ||
        smb_resilience_weakest_link(res, &weakest, &capability) != SMB_OK)
        return NULL;
    json_t *caps = json_object();
    for (int c = 0; caps && c < SMB_CAPABILITY_COUNT; c++) {
        const char *rationale = smb_resilience_rationale(res, (smb_capability)c);
        caps = cli_json_set(
            caps, smb_capability_key((smb_capability)c),
            json_pack("{s:s, s:f, s:f, s:o}", "title", smb_capability_title((smb_capability)c),
                      "maturity", smb_resilience_maturity(res, (smb_capability)c), "weight",
                      smb_resilience_weight(res, (smb_capability)c), "rationale",
                      rationale ? json_string(rationale) : json_null()));
    }
    json_t *obj = json_pack("{s:f}", "index", index);
    obj = cli_json_set(obj, "weakest_link",
                       json_pack("{s:s, s:f}", "capability", smb_capability_key(capability),
                                 "index", weakest));
    return cli_json_set(obj, "capabilities", caps);
}

static json_t *json_scenario(const smb_scenario_score *s)
{
    json_t *matrix = json_pack("{s:i, s:i, s:i, s:o}", "likelihood", s->likelihood_level,
                               "impact", s->impact_level, "rating", s->rating, "band",
                               json_band_key(s->band));
    json_t *obj = json_pack("{s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}",
                            "id", s->id, "title", s->title, "source",
                            smb_source_key(s->source), "direction",
                            smb_direction_key(s->direction), "likelihood", s->likelihood,
                            "impact", s->impact, "horizon_months", s->horizon, "resilience",
                            s->resilience, "factor", s->factor, "exposure", s->exposure,
                            "urgency", s->urgency, "urgency_weighted", s->urgency_weighted);
    obj = cli_json_set(obj, "money", cli_json_real(s->has_money, s->money));
    obj = cli_json_set(obj, "money_exposure", cli_json_real(s->has_money, s->money_exposure));
    obj = cli_json_set(obj, "matrix", matrix);
    return cli_json_set(obj, "rank", json_integer((json_int_t)s->rank));
}

static json_t *json_scenarios(const smb_scenario_scores *scores)
{
    json_t *list = json_array();
    size_t n = smb_scenario_scores_count(scores);
    for (size_t i = 0; list && i < n; i++) {
        if (cli_json_append(list, json_scenario(smb_scenario_scores_at(scores, i))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_direction_totals(const smb_scenario_totals *t)
{
    json_t *bands = json_object();
    for (int k = 0; bands && k < SMB_RISK_BAND_COUNT; k++)
        bands = cli_json_set(bands, smb_risk_band_key((smb_risk_band)k),
                             json_integer((json_int_t)t->band_count[k]));
    json_t *obj = json_pack("{s:I, s:f, s:f, s:f}", "count", (json_int_t)t->count, "exposure",
                            t->exposure, "urgency_weighted", t->urgency_weighted,
                            "money_exposure", t->money_exposure);
    return cli_json_set(obj, "bands", bands);
}

static json_t *json_totals(const smb_scenario_scores *scores)
{
    json_t *obj = json_object();
    for (int d = 0; obj && d < SMB_DIRECTION_COUNT; d++)
        obj = cli_json_set(obj, smb_direction_key((smb_direction)d),
                           json_direction_totals(
                               smb_scenario_scores_totals(scores, (smb_direction)d)));
    return obj;
}

static json_t *json_shift(const smb_shift_outcome *o)
{
    json_t *obj = json_pack("{s:s, s:s, s:f, s:b}", "force", smb_force_key(o->force), "driver",
                            o->driver, "delta", o->delta, "applied", o->applied);
    obj = cli_json_set(obj, "rating_before", cli_json_real(o->applied, o->rating_before));
    obj = cli_json_set(obj, "rating_after", cli_json_real(o->applied, o->rating_after));
    return cli_json_set(obj, "clamped", json_boolean(o->clamped));
}

static json_t *json_stress(const smb_stress *stress, const smb_scenarios *set,
                           const smb_forces *before)
{
    const smb_forces_comparison *cmp = smb_stress_comparison(stress);
    const char *id = smb_stress_scenario(stress);
    const smb_scenario *scenario = smb_scenarios_find(set, id);
    size_t n = smb_stress_shift_count(stress);

    json_t *shifts = json_array();
    for (size_t i = 0; shifts && i < n; i++) {
        if (cli_json_append(shifts, json_shift(smb_stress_shift_at(stress, i))) != 0) {
            json_decref(shifts);
            shifts = NULL;
        }
    }
    json_t *forces = json_object();
    for (int f = 0; forces && f < SMB_FORCE_COUNT; f++)
        forces = cli_json_set(forces, smb_force_key((smb_force)f),
                              cli_force_delta_json(smb_forces_comparison_force(cmp, (smb_force)f)));
    json_t *obj = json_pack("{s:s, s:s}", "scenario", id, "title",
                            scenario ? smb_scenario_title(scenario) : id);
    obj = cli_json_set(obj, "shifts", shifts);
    obj = cli_json_set(obj, "unapplied",
                       json_integer((json_int_t)smb_stress_unapplied_count(stress)));
    obj = cli_json_set(obj, "forces", forces);
    return cli_forces_overall_json(obj, cmp, before, smb_stress_forces(stress));
}

static json_t *json_stress_list(const cli_scenarios_report *r)
{
    if (!r->scores || !r->forces)
        return json_null();
    json_t *list = json_array();
    for (size_t i = 0; list && i < r->stress_count; i++) {
        if (cli_json_append(list, json_stress(r->stress[i], r->scenarios, r->forces)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_heat(const smb_canvas_heat *heat, int with_canvas)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < SMB_BLOCK_COUNT; i++) {
        const smb_block_heat *h = smb_canvas_heat_at(heat, i);
        json_t *obj = json_pack("{s:s, s:f, s:f, s:f, s:I}", "block", smb_block_key(h->block),
                                "heat", h->heat, "urgency_weighted", h->urgency_weighted,
                                "share", h->share, "threats", (json_int_t)h->scenarios);
        obj = cli_json_set(obj, "items",
                           with_canvas ? json_integer((json_int_t)h->items) : json_null());
        if (cli_json_append(list, obj) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

json_t *cli_scenarios_json(json_t *obj, const cli_scenarios_report *r)
{
    obj = cli_json_set(obj, "resilience", json_resilience(r->resilience));
    if (!r->scores) {
        obj = cli_json_set(obj, "scenarios", json_null());
        obj = cli_json_set(obj, "totals", json_null());
        obj = cli_json_set(obj, "stress", json_null());
        return cli_json_set(obj, "block_heat", json_null());
    }
    obj = cli_json_set(obj, "scenarios", json_scenarios(r->scores));
    obj = cli_json_set(obj, "totals", json_totals(r->scores));
    obj = cli_json_set(obj, "stress", json_stress_list(r));
    return cli_json_set(obj, "block_heat", json_heat(r->heat, r->canvas != NULL));
}
