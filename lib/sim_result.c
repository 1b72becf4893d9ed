/* SPDX-License-Identifier: MIT */
/* Reading a simulation's result. A result owns everything it holds. */
#include <math.h>

#include "sim_impl.h"

void smb_sim_result_free(smb_sim_result *result)
{
    if (!result)
        return;
    smb__free(result->percentile_levels);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__free(result->percentiles[side]);
        smb__free(result->totals[side]);
    }
    smb__free(result->scenarios);
    smb__free(result->sensitivity);
    smb__free(result->swings);
    smb__free(result->strings);
    smb__free(result);
}

static bool side_ok(smb_sim_side side)
{
    return (int)side >= 0 && (int)side < SMB_SIM_SIDE_COUNT;
}

uint64_t smb_sim_result_first(const smb_sim_result *result)
{
    return result ? result->first : 0;
}

uint64_t smb_sim_result_trials(const smb_sim_result *result)
{
    return result ? result->trials : 0;
}

uint64_t smb_sim_result_seed(const smb_sim_result *result)
{
    return result ? result->seed : 0;
}

smb_sim_measure smb_sim_result_measure(const smb_sim_result *result)
{
    return result ? result->measure : SMB_SIM_MEASURE_NONE;
}

double smb_sim_result_level(const smb_sim_result *result)
{
    return result ? result->level : 0.0;
}

double smb_sim_result_threshold(const smb_sim_result *result)
{
    return result ? result->threshold : NAN;
}

int smb_sim_result_exact(const smb_sim_result *result)
{
    return result && result->exact;
}

double smb_sim_result_accuracy(const smb_sim_result *result)
{
    return result ? result->accuracy : 0.0;
}

double smb_sim_result_expected(const smb_sim_result *result)
{
    return result ? result->expected : 0.0;
}

const smb_sim_stats *smb_sim_result_stats(const smb_sim_result *result, smb_sim_side side)
{
    return result && side_ok(side) ? &result->stats[side] : NULL;
}

size_t smb_sim_result_percentile_count(const smb_sim_result *result)
{
    return result ? result->percentile_count : 0;
}

double smb_sim_result_percentile_level(const smb_sim_result *result, size_t index)
{
    return result && index < result->percentile_count ? result->percentile_levels[index] : NAN;
}

double smb_sim_result_percentile(const smb_sim_result *result, smb_sim_side side, size_t index)
{
    if (!result || !side_ok(side) || index >= result->percentile_count)
        return NAN;
    return result->percentiles[side][index];
}

const double *smb_sim_result_totals(const smb_sim_result *result, smb_sim_side side,
                                    size_t *count)
{
    const double *totals = result && side_ok(side) ? result->totals[side] : NULL;
    if (count)
        *count = totals ? (size_t)result->trials : 0;
    return totals;
}

size_t smb_sim_result_scenario_count(const smb_sim_result *result)
{
    return result ? result->count : 0;
}

const smb_sim_scenario *smb_sim_result_scenario_at(const smb_sim_result *result, size_t index)
{
    return result && index < result->count ? &result->scenarios[index] : NULL;
}

uint64_t smb_sim_result_sensitivity_trials(const smb_sim_result *result)
{
    return result ? result->sensitivity_trials : 0;
}

size_t smb_sim_result_sensitivity_count(const smb_sim_result *result)
{
    return result ? result->sensitivity_count : 0;
}

const smb_sim_sensitivity *smb_sim_result_sensitivity_at(const smb_sim_result *result,
                                                         size_t index)
{
    return result && index < result->sensitivity_count ? &result->sensitivity[index] : NULL;
}

size_t smb_sim_result_swing_count(const smb_sim_result *result)
{
    return result ? result->swing_count : 0;
}

const smb_sim_swing *smb_sim_result_swing_at(const smb_sim_result *result, size_t index)
{
    return result && index < result->swing_count ? &result->swings[index] : NULL;
}
