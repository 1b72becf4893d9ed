/* SPDX-License-Identifier: MIT */
/* The JSON report of smbstrat simulate (docs/cli-json.md): every figure
 * as the library computed it. */
#include <jansson.h>

#include "simulate.h"

static json_t *percentiles_json(const smb_sim_result *res, smb_sim_side side)
{
    json_t *list = json_array();
    size_t n = smb_sim_result_percentile_count(res);

    for (size_t i = 0; list && i < n; i++) {
        if (cli_json_append(list, json_pack("{s:f, s:f}", "level",
                                            smb_sim_result_percentile_level(res, i), "value",
                                            smb_sim_result_percentile(res, side, i))) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* mean, std, sem, min, max, var, es and percentiles of one side, set on
 * obj (released on failure). */
static json_t *side_json(json_t *obj, const smb_sim_result *res, smb_sim_side side)
{
    const smb_sim_stats *s = smb_sim_result_stats(res, side);

    obj = cli_json_set(obj, "mean", json_real(s->mean));
    obj = cli_json_set(obj, "std", json_real(s->std));
    obj = cli_json_set(obj, "sem", json_real(s->sem));
    obj = cli_json_set(obj, "min", json_real(s->min));
    obj = cli_json_set(obj, "max", json_real(s->max));
    obj = cli_json_set(obj, "var", json_real(s->var));
    obj = cli_json_set(obj, "es", json_real(s->es));
    return cli_json_set(obj, "percentiles", percentiles_json(res, side));
}

static json_t *source_rho_json(const smb_sim_config *config)
{
    json_t *obj = json_object();

    for (int s = 0; obj && s < SMB_SOURCE_COUNT; s++)
        if (smb_sim_config_has_source_rho(config, (smb_source)s))
            obj = cli_json_set(obj, smb_source_key((smb_source)s),
                               json_real(smb_sim_config_source_rho(config, (smb_source)s)));
    return obj;
}

static json_t *responses_json(const sim_report *r)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < r->response_count; i++)
        if (cli_json_append(list, json_string(r->responses[i])) != 0) {
            json_decref(list);
            return NULL;
        }
    return list;
}

static json_t *responses_from_json(sim_responses_from from)
{
    switch (from) {
    case SIM_RESPONSES_OPTION:
        return json_string("option");
    case SIM_RESPONSES_PLAN:
        return json_string("plan");
    case SIM_RESPONSES_NONE:
        break;
    }
    return json_null();
}

static json_t *scenarios_json(const smb_sim_result *res)
{
    json_t *list = json_array();
    size_t n = smb_sim_result_scenario_count(res);

    for (size_t i = 0; list && i < n; i++) {
        const smb_sim_scenario *s = smb_sim_result_scenario_at(res, i);
        if (cli_json_append(list, json_pack("{s:s, s:I, s:s, s:I, s:f, s:f}", "id", s->id,
                                            "index", (json_int_t)s->index, "direction",
                                            smb_direction_key(s->direction), "occurrences",
                                            (json_int_t)s->occurrences, "occurrence_rate",
                                            s->occurrence_rate, "es_contribution",
                                            s->es_contribution)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *sensitivity_json(const smb_sim_result *res)
{
    json_t *list = json_array();
    size_t n = smb_sim_result_sensitivity_count(res);

    for (size_t i = 0; list && i < n; i++) {
        const smb_sim_sensitivity *s = smb_sim_result_sensitivity_at(res, i);
        if (cli_json_append(list, json_pack("{s:s, s:I, s:s, s:f}", "id", s->id, "index",
                                            (json_int_t)s->index, "kind",
                                            smb_sim_input_kind_key(s->kind), "spearman",
                                            s->spearman)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *tornado_json(const smb_sim_result *res)
{
    json_t *list = json_array();
    size_t n = smb_sim_result_swing_count(res);

    for (size_t i = 0; list && i < n; i++) {
        const smb_sim_swing *s = smb_sim_result_swing_at(res, i);
        if (cli_json_append(list, json_pack("{s:s, s:I, s:s, s:f, s:f, s:f, s:f, s:f}", "id",
                                            s->id, "index", (json_int_t)s->index, "kind",
                                            smb_sim_input_kind_key(s->kind), "low_input",
                                            s->low_input, "high_input", s->high_input, "low",
                                            s->low, "high", s->high, "swing", s->swing)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

json_t *sim_json(const sim_report *r)
{
    const smb_sim_result *res = r->result;
    const smb_sim_stats *loss = smb_sim_result_stats(res, SMB_SIM_LOSS);
    int has_threshold = smb_sim_config_has_threshold(r->config);
    json_t *obj = json_pack("{s:s, s:I, s:I, s:I, s:s, s:f, s:f}", "file", r->args->path,
                            "trials", (json_int_t)smb_sim_result_trials(res), "first",
                            (json_int_t)smb_sim_result_first(res), "seed",
                            (json_int_t)smb_sim_result_seed(res), "measure",
                            smb_sim_measure_key(smb_sim_result_measure(res)), "level",
                            smb_sim_result_level(res), "rho", smb_sim_config_rho(r->config));

    obj = cli_json_set(obj, "source_rho", source_rho_json(r->config));
    obj = cli_json_set(obj, "threshold",
                       cli_json_real(has_threshold, smb_sim_result_threshold(res)));
    obj = cli_json_set(obj, "exact", json_boolean(smb_sim_result_exact(res)));
    obj = cli_json_set(obj, "accuracy", json_real(smb_sim_result_accuracy(res)));
    obj = cli_json_set(obj, "expected", json_real(smb_sim_result_expected(res)));
    obj = cli_json_set(obj, "responses", responses_json(r));
    obj = cli_json_set(obj, "responses_from", responses_from_json(r->responses_from));
    obj = side_json(obj, res, SMB_SIM_LOSS);
    obj = cli_json_set(obj, "exceed_prob", cli_json_real(has_threshold, loss->exceed_prob));
    obj = cli_json_set(obj, "upside", side_json(json_object(), res, SMB_SIM_UPSIDE));
    obj = cli_json_set(obj, "scenarios", scenarios_json(res));
    obj = cli_json_set(obj, "sensitivity_trials",
                       json_integer((json_int_t)smb_sim_result_sensitivity_trials(res)));
    obj = cli_json_set(obj, "sensitivity", sensitivity_json(res));
    return cli_json_set(obj, "tornado", tornado_json(res));
}
