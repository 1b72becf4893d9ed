/* SPDX-License-Identifier: MIT */
/* The simulator's keys and its configuration: a plain settings holder whose
 * setters check their argument and change nothing on failure. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

/* ---- keys ---------------------------------------------------------------- */

static const char *const measure_keys[] = {
    [SMB_SIM_SEVERITY] = "severity",
    [SMB_SIM_MONEY] = "money",
};
_Static_assert(sizeof measure_keys / sizeof measure_keys[0] == SMB_SIM_MEASURE_COUNT,
               "one key per measure");

static const char *const side_keys[] = {
    [SMB_SIM_LOSS] = "loss",
    [SMB_SIM_UPSIDE] = "upside",
};
_Static_assert(sizeof side_keys / sizeof side_keys[0] == SMB_SIM_SIDE_COUNT, "one key per side");

static const char *const input_keys[] = {
    [SMB_SIM_INPUT_LIKELIHOOD] = "likelihood",
    [SMB_SIM_INPUT_IMPACT] = "impact",
    [SMB_SIM_INPUT_MONEY] = "money",
};
_Static_assert(sizeof input_keys / sizeof input_keys[0] == SMB_SIM_INPUT_COUNT,
               "one key per input kind");

const char *smb_sim_measure_key(smb_sim_measure measure)
{
    return (int)measure >= 0 && (int)measure < SMB_SIM_MEASURE_COUNT ? measure_keys[measure]
                                                                      : NULL;
}

smb_status smb_sim_measure_from_key(const char *key, smb_sim_measure *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int m = 0; m < SMB_SIM_MEASURE_COUNT; m++) {
        if (strcmp(key, measure_keys[m]) == 0) {
            *out = (smb_sim_measure)m;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no measure '%s' (severity, money)",
                     smb__show(shown, sizeof shown, key));
}

const char *smb_sim_side_key(smb_sim_side side)
{
    return (int)side >= 0 && (int)side < SMB_SIM_SIDE_COUNT ? side_keys[side] : NULL;
}

const char *smb_sim_input_kind_key(smb_sim_input_kind kind)
{
    return (int)kind >= 0 && (int)kind < SMB_SIM_INPUT_COUNT ? input_keys[kind] : NULL;
}

/* ---- the configuration --------------------------------------------------- */

static const double default_percentiles[] = {5, 50, 90, 95, 99};

smb_status smb_sim_config_new(smb_sim_config **out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    size_t n = sizeof default_percentiles / sizeof default_percentiles[0];
    smb_sim_config *c = smb__calloc(1, sizeof *c);
    double *percentiles = c ? smb__malloc(n * sizeof *percentiles) : NULL;
    if (!percentiles) {
        smb__free(c);
        return smb__nomem();
    }
    memcpy(percentiles, default_percentiles, sizeof default_percentiles);
    *c = (smb_sim_config){
        .measure = SMB_SIM_SEVERITY,
        .level = SMB_SIM_DEFAULT_LEVEL,
        .percentiles = percentiles,
        .percentile_count = n,
        .keep_totals = true,
        .accuracy = SMB_SIM_DEFAULT_SKETCH_ACCURACY,
        .sensitivity_trials = SMB_SIM_DEFAULT_SENSITIVITY_TRIALS,
    };
    *out = c;
    return SMB_OK;
}

smb_status smb_sim_config_copy(const smb_sim_config *config, smb_sim_config **out)
{
    if (!config || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", config ? "out" : "config");
    smb_sim_config *c = smb__malloc(sizeof *c);
    size_t n = config->percentile_count;
    double *percentiles = c ? smb__malloc((n ? n : 1) * sizeof *percentiles) : NULL;
    if (!percentiles) {
        smb__free(c);
        return smb__nomem();
    }
    *c = *config;
    if (n)
        memcpy(percentiles, config->percentiles, n * sizeof *percentiles);
    c->percentiles = percentiles;
    *out = c;
    return SMB_OK;
}

void smb_sim_config_free(smb_sim_config *config)
{
    if (!config)
        return;
    smb__free(config->percentiles);
    smb__free(config);
}

static smb_status need(const smb_sim_config *config)
{
    return config ? SMB_OK : smb__fail(SMB_EINVAL, "config: must not be NULL");
}

smb_status smb_sim_config_set_seed(smb_sim_config *config, uint64_t seed)
{
    if (!config)
        return need(config);
    config->seed = seed;
    return SMB_OK;
}

uint64_t smb_sim_config_seed(const smb_sim_config *config)
{
    return config ? config->seed : 0;
}

/* ρ = 1 would make every correlated scenario a copy of the common factor
 * and √(1 − ρ) zero: the copula is defined for 0 ≤ ρ < 1. */
static smb_status check_rho(const char *field, double rho)
{
    if (!(rho >= 0 && rho < 1))
        return smb__fail(SMB_ERANGE, "%s: must be at least 0 and below 1, got %g", field, rho);
    return SMB_OK;
}

static bool source_ok(smb_source source)
{
    return (int)source >= 0 && (int)source < SMB_SOURCE_COUNT;
}

smb_status smb_sim_config_set_rho(smb_sim_config *config, double rho)
{
    if (!config)
        return need(config);
    smb_status st = check_rho("rho", rho);
    if (st == SMB_OK)
        config->rho = rho;
    return st;
}

double smb_sim_config_rho(const smb_sim_config *config)
{
    return config ? config->rho : 0.0;
}

smb_status smb_sim_config_set_source_rho(smb_sim_config *config, smb_source source, double rho)
{
    if (!config)
        return need(config);
    if (!source_ok(source))
        return smb__fail(SMB_EINVAL, "source: %d is not a source", (int)source);
    char field[64];
    snprintf(field, sizeof field, "rho of source '%s'", smb_source_key(source));
    smb_status st = check_rho(field, rho);
    if (st == SMB_OK) {
        config->source_rho[source] = rho;
        config->has_source_rho[source] = true;
    }
    return st;
}

smb_status smb_sim_config_clear_source_rho(smb_sim_config *config, smb_source source)
{
    if (!config)
        return need(config);
    if (!source_ok(source))
        return smb__fail(SMB_EINVAL, "source: %d is not a source", (int)source);
    config->has_source_rho[source] = false;
    config->source_rho[source] = 0.0;
    return SMB_OK;
}

double smb_sim_config_source_rho(const smb_sim_config *config, smb_source source)
{
    if (!config || !source_ok(source))
        return 0.0;
    return config->has_source_rho[source] ? config->source_rho[source] : config->rho;
}

int smb_sim_config_has_source_rho(const smb_sim_config *config, smb_source source)
{
    return config && source_ok(source) && config->has_source_rho[source];
}

smb_status smb_sim_config_set_measure(smb_sim_config *config, smb_sim_measure measure)
{
    if (!config)
        return need(config);
    if (!smb_sim_measure_key(measure))
        return smb__fail(SMB_EINVAL, "measure: %d is not a measure (severity, money)",
                         (int)measure);
    config->measure = measure;
    return SMB_OK;
}

smb_sim_measure smb_sim_config_measure(const smb_sim_config *config)
{
    return config ? config->measure : SMB_SIM_MEASURE_NONE;
}

smb_status smb_sim_config_set_level(smb_sim_config *config, double level)
{
    if (!config)
        return need(config);
    if (!(level > 0 && level < 1))
        return smb__fail(SMB_ERANGE, "level: must be strictly between 0 and 1, got %g", level);
    config->level = level;
    return SMB_OK;
}

double smb_sim_config_level(const smb_sim_config *config)
{
    return config ? config->level : 0.0;
}

smb_status smb_sim_config_set_percentiles(smb_sim_config *config, const double *percentiles,
                                          size_t count)
{
    if (!config || (count && !percentiles))
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", config ? "percentiles" : "config");
    if (count > SMB_SIM_MAX_PERCENTILES)
        return smb__fail(SMB_ELIMIT, "percentiles: %zu asked for, at most %d", count,
                         SMB_SIM_MAX_PERCENTILES);
    for (size_t i = 0; i < count; i++)
        if (!(percentiles[i] >= 0 && percentiles[i] <= 100))
            return smb__fail(SMB_ERANGE, "percentiles[%zu]: %g is outside 0..100", i,
                             percentiles[i]);
    double *copy = smb__malloc((count ? count : 1) * sizeof *copy);
    if (!copy)
        return smb__nomem();
    if (count)
        memcpy(copy, percentiles, count * sizeof *copy);
    smb__free(config->percentiles);
    config->percentiles = copy;
    config->percentile_count = count;
    return SMB_OK;
}

size_t smb_sim_config_percentile_count(const smb_sim_config *config)
{
    return config ? config->percentile_count : 0;
}

double smb_sim_config_percentile_at(const smb_sim_config *config, size_t index)
{
    return config && index < config->percentile_count ? config->percentiles[index] : NAN;
}

smb_status smb_sim_config_set_threshold(smb_sim_config *config, double threshold)
{
    if (!config)
        return need(config);
    if (!smb__finite(threshold))
        return smb__fail(SMB_ERANGE, "threshold: must be a finite number, got %g", threshold);
    config->threshold = threshold;
    config->has_threshold = true;
    return SMB_OK;
}

smb_status smb_sim_config_clear_threshold(smb_sim_config *config)
{
    if (!config)
        return need(config);
    config->has_threshold = false;
    config->threshold = 0.0;
    return SMB_OK;
}

int smb_sim_config_has_threshold(const smb_sim_config *config)
{
    return config && config->has_threshold;
}

double smb_sim_config_threshold(const smb_sim_config *config)
{
    return config && config->has_threshold ? config->threshold : NAN;
}

smb_status smb_sim_config_set_keep_totals(smb_sim_config *config, int keep)
{
    if (!config)
        return need(config);
    config->keep_totals = keep != 0;
    return SMB_OK;
}

int smb_sim_config_keep_totals(const smb_sim_config *config)
{
    return config && config->keep_totals;
}

smb_status smb_sim_config_set_sketch_accuracy(smb_sim_config *config, double accuracy)
{
    if (!config)
        return need(config);
    if (!(accuracy >= SMB_SIM_MIN_SKETCH_ACCURACY && accuracy <= SMB_SIM_MAX_SKETCH_ACCURACY))
        return smb__fail(SMB_ERANGE, "sketch_accuracy: must be from %g to %g, got %g",
                         SMB_SIM_MIN_SKETCH_ACCURACY, SMB_SIM_MAX_SKETCH_ACCURACY, accuracy);
    config->accuracy = accuracy;
    return SMB_OK;
}

double smb_sim_config_sketch_accuracy(const smb_sim_config *config)
{
    return config ? config->accuracy : 0.0;
}

smb_status smb_sim_config_set_sensitivity_trials(smb_sim_config *config, uint64_t trials)
{
    if (!config)
        return need(config);
    if (trials > SMB_SIM_MAX_TRIALS)
        return smb__fail(SMB_ERANGE, "sensitivity_trials: %llu is above the most trials, %llu",
                         (unsigned long long)trials, (unsigned long long)SMB_SIM_MAX_TRIALS);
    config->sensitivity_trials = trials;
    return SMB_OK;
}

uint64_t smb_sim_config_sensitivity_trials(const smb_sim_config *config)
{
    return config ? config->sensitivity_trials : 0;
}
