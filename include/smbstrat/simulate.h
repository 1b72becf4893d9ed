/* SPDX-License-Identifier: MIT */
/**
 * @file simulate.h
 * @brief Monte Carlo simulation of the scenario portfolio: how bad a bad
 *        year can get when several disruptions land together.
 *
 * A simulation has three stages, each its own object:
 *
 * 1. A **configuration** (::smb_sim_config) holds the settings that shape
 *    the answer: seed, correlation, measure, tail level, percentiles,
 *    threshold, whether per-trial totals are kept, sensitivity sample.
 * 2. A **model** (::smb_sim_model) is compiled once from scenarios, a
 *    resilience profile, optionally some chosen responses and a
 *    configuration. It copies everything it needs: the inputs may change or
 *    be freed afterwards. A model is immutable; any number of threads may
 *    run it at once.
 * 3. A **run** simulates a range of trials into a **part**
 *    (::smb_sim_part); parts of adjacent ranges merge exactly; a part is
 *    **finished** into a **result** (::smb_sim_result) with the statistics.
 *    smb_simulate() does the three steps for trials [0, n).
 *
 * Every random number is a pure function of (seed, trial index, scenario,
 * draw), from the counter-based generator Philox4x32-10. So the result of
 * trials [0, n) is bit-identical whatever the number of threads, and
 * whether the trials ran in one call or as several ranges (in several
 * processes or machines) merged afterwards.
 *
 * Every formula, default and bound is in docs/methodology.md, section
 * "Monte Carlo simulation".
 */
#ifndef SMBSTRAT_SIMULATE_H
#define SMBSTRAT_SIMULATE_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "resilience.h"
#include "response.h"
#include "scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Enumerations, limits and defaults
 * @{ */

/** @brief What a trial's total adds up. */
typedef enum smb_sim_measure {
    SMB_SIM_MEASURE_NONE = -1,  /**< No measure (an out-of-range answer). */
    SMB_SIM_SEVERITY = 0,       /**< "severity": impact (1–5) × vulnerability, as the exposure scores. */
    SMB_SIM_MONEY = 1,          /**< "money": money impact × vulnerability; scenarios without a money impact add 0. */
    SMB_SIM_MEASURE_COUNT = 2   /**< Number of measures. */
} smb_sim_measure;

/** @brief Which total a statistic describes. */
typedef enum smb_sim_side {
    SMB_SIM_SIDE_NONE = -1,  /**< No side (an out-of-range answer). */
    SMB_SIM_LOSS = 0,        /**< "loss": the threats that occurred. */
    SMB_SIM_UPSIDE = 1,      /**< "upside": the opportunities that occurred, reported apart. */
    SMB_SIM_SIDE_COUNT = 2   /**< Number of sides. */
} smb_sim_side;

/** @brief Which sampled input a sensitivity or tornado entry is about. */
typedef enum smb_sim_input_kind {
    SMB_SIM_INPUT_NONE = -1,       /**< No input (an out-of-range answer). */
    SMB_SIM_INPUT_LIKELIHOOD = 0,  /**< "likelihood": the scenario's likelihood draw. */
    SMB_SIM_INPUT_IMPACT = 1,      /**< "impact": its impact (severity) draw. */
    SMB_SIM_INPUT_MONEY = 2,       /**< "money": its money-impact draw. */
    SMB_SIM_INPUT_COUNT = 3        /**< Number of input kinds. */
} smb_sim_input_kind;

/** @brief "severity" or "money"; NULL if out of range. */
SMB_API const char *smb_sim_measure_key(smb_sim_measure measure);
/** @brief Look a measure up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_sim_measure_from_key(const char *key, smb_sim_measure *out);
/** @brief "loss" or "upside"; NULL if out of range. */
SMB_API const char *smb_sim_side_key(smb_sim_side side);
/** @brief "likelihood", "impact" or "money"; NULL if out of range. */
SMB_API const char *smb_sim_input_kind_key(smb_sim_input_kind kind);

/** Most trials in one run or one part (10^12). */
#define SMB_SIM_MAX_TRIALS 1000000000000ULL
/** Most percentiles one configuration asks for. */
#define SMB_SIM_MAX_PERCENTILES 64
/** Tail level of a new configuration: value-at-risk and expected shortfall at 95 %. */
#define SMB_SIM_DEFAULT_LEVEL 0.95
/** Trials whose inputs a new configuration samples for the Spearman sensitivity. */
#define SMB_SIM_DEFAULT_SENSITIVITY_TRIALS 10000ULL
/** Relative accuracy of the streaming quantile sketch of a new configuration. */
#define SMB_SIM_DEFAULT_SKETCH_ACCURACY 0.005
/** Smallest relative accuracy a sketch may be asked for. */
#define SMB_SIM_MIN_SKETCH_ACCURACY 1e-4
/** Largest relative accuracy a sketch may be asked for. */
#define SMB_SIM_MAX_SKETCH_ACCURACY 0.1
/** Most worker threads one run may use. */
#define SMB_SIM_MAX_THREADS 256
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Configuration
 * A configuration is a plain settings holder: setters check their argument
 * and change nothing on failure.
 * @{ */
/** @brief Opaque configuration. */
typedef struct smb_sim_config smb_sim_config;

/**
 * @brief A new configuration: seed 0, correlation ρ = 0 for every source,
 *        measure severity, level ::SMB_SIM_DEFAULT_LEVEL, percentiles 5, 50,
 *        90, 95, 99, no threshold, totals kept, sketch accuracy
 *        ::SMB_SIM_DEFAULT_SKETCH_ACCURACY, sensitivity on
 *        ::SMB_SIM_DEFAULT_SENSITIVITY_TRIALS trials.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_sim_config_new(smb_sim_config **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_sim_config_copy(const smb_sim_config *config, smb_sim_config **out);
/** @brief Destroy a configuration. Accepts NULL. */
SMB_API void smb_sim_config_free(smb_sim_config *config);

/** @brief Set the seed: any 64-bit value. @return ::SMB_OK or ::SMB_EINVAL (NULL). */
SMB_API smb_status smb_sim_config_set_seed(smb_sim_config *config, uint64_t seed);
/** @brief The seed (0 for NULL). */
SMB_API uint64_t smb_sim_config_seed(const smb_sim_config *config);
/**
 * @brief Set the correlation ρ of the one-factor Gaussian copula on
 *        occurrences, for every source without an override.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN, below 0, 1 or above:
 *         "rho: must be at least 0 and below 1").
 */
SMB_API smb_status smb_sim_config_set_rho(smb_sim_config *config, double rho);
/** @brief The correlation ρ of sources without an override (0 for NULL). */
SMB_API double smb_sim_config_rho(const smb_sim_config *config);
/**
 * @brief Override ρ for the scenarios of one source, so that shocks that
 *        travel together (an economic downturn and a supply-chain crisis)
 *        load more heavily on the common factor.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid source) or ::SMB_ERANGE.
 */
SMB_API smb_status smb_sim_config_set_source_rho(smb_sim_config *config, smb_source source,
                                                 double rho);
/** @brief Remove a source's override. @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid source). */
SMB_API smb_status smb_sim_config_clear_source_rho(smb_sim_config *config, smb_source source);
/** @brief ρ used for @p source: its override, else the common ρ; 0 for NULL or an invalid source. */
SMB_API double smb_sim_config_source_rho(const smb_sim_config *config, smb_source source);
/** @brief Whether @p source has an override. */
SMB_API int smb_sim_config_has_source_rho(const smb_sim_config *config, smb_source source);
/** @brief Set the measure. @return ::SMB_OK or ::SMB_EINVAL (NULL, invalid measure). */
SMB_API smb_status smb_sim_config_set_measure(smb_sim_config *config, smb_sim_measure measure);
/** @brief The measure (::SMB_SIM_MEASURE_NONE for NULL). */
SMB_API smb_sim_measure smb_sim_config_measure(const smb_sim_config *config);
/**
 * @brief Set the tail level α of value-at-risk and expected shortfall.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (not strictly between 0 and 1).
 */
SMB_API smb_status smb_sim_config_set_level(smb_sim_config *config, double level);
/** @brief The tail level α (0 for NULL). */
SMB_API double smb_sim_config_level(const smb_sim_config *config);
/**
 * @brief Replace the percentiles to report.
 * @param config the configuration
 * @param percentiles each from 0 to 100 (e.g. 99.5); duplicates allowed,
 *                    reported in the order given
 * @param count  0 to ::SMB_SIM_MAX_PERCENTILES
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p config, NULL @p percentiles with
 *         a non-zero count), ::SMB_ERANGE (a value outside 0..100 or NaN:
 *         "percentiles[2]: 101 is outside 0..100"), ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_sim_config_set_percentiles(smb_sim_config *config,
                                                  const double *percentiles, size_t count);
/** @brief Number of percentiles. */
SMB_API size_t smb_sim_config_percentile_count(const smb_sim_config *config);
/** @brief Percentile @p index; NaN when out of range. */
SMB_API double smb_sim_config_percentile_at(const smb_sim_config *config, size_t index);
/**
 * @brief Ask for the probability that the loss total exceeds @p threshold.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN or infinite).
 */
SMB_API smb_status smb_sim_config_set_threshold(smb_sim_config *config, double threshold);
/** @brief Stop asking for the exceedance probability. */
SMB_API smb_status smb_sim_config_clear_threshold(smb_sim_config *config);
/** @brief Whether a threshold is set. */
SMB_API int smb_sim_config_has_threshold(const smb_sim_config *config);
/** @brief The threshold; NaN when none is set. */
SMB_API double smb_sim_config_threshold(const smb_sim_config *config);
/**
 * @brief Whether parts keep every trial's totals (8 bytes per trial and
 *        side): percentiles, value-at-risk and expected shortfall are then
 *        exact. Without them, a run's memory does not grow with the number
 *        of trials, and those statistics come from a mergeable quantile
 *        sketch with a stated relative error bound.
 * @return ::SMB_OK or ::SMB_EINVAL.
 */
SMB_API smb_status smb_sim_config_set_keep_totals(smb_sim_config *config, int keep);
/** @brief Whether totals are kept. */
SMB_API int smb_sim_config_keep_totals(const smb_sim_config *config);
/**
 * @brief Set the sketch's relative accuracy a: every percentile it reports
 *        is within a factor (1 ± a) of a value between the neighbouring
 *        order statistics.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (outside
 *         ::SMB_SIM_MIN_SKETCH_ACCURACY .. ::SMB_SIM_MAX_SKETCH_ACCURACY).
 */
SMB_API smb_status smb_sim_config_set_sketch_accuracy(smb_sim_config *config, double accuracy);
/** @brief The sketch's relative accuracy. */
SMB_API double smb_sim_config_sketch_accuracy(const smb_sim_config *config);
/**
 * @brief Set how many trials (the first ones of the run's range) feed the
 *        Spearman sensitivity; 0 turns it off.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (above ::SMB_SIM_MAX_TRIALS).
 */
SMB_API smb_status smb_sim_config_set_sensitivity_trials(smb_sim_config *config,
                                                         uint64_t trials);
/** @brief The sensitivity sample size. */
SMB_API uint64_t smb_sim_config_sensitivity_trials(const smb_sim_config *config);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Models
 * @{ */
/** @brief Opaque compiled model. */
typedef struct smb_sim_model smb_sim_model;

/**
 * @brief Compile a model.
 *
 * Each scenario's vulnerability (threats) or readiness (opportunities) is
 * fixed here from @p resilience, as the deterministic scores compute it;
 * the chosen responses multiply each threat's drawn likelihood and drawn
 * impact (and money) by their factors and raise the capabilities by their
 * gains, as smb_responses_residual() does.
 * @param scenarios    the scenarios (at least one)
 * @param resilience   the profile; NULL counts every maturity as 0
 * @param responses    the responses the ids refer to; NULL when @p count is 0
 * @param response_ids the chosen responses; NULL when @p count is 0
 * @param count        how many responses are chosen
 * @param config       the settings; NULL for a new configuration's defaults
 * @param out          the model, to release with smb_sim_model_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL; no scenario: "scenarios: nothing to
 *         simulate"; an id listed twice), ::SMB_ENOTFOUND (no such response),
 *         ::SMB_ERANGE (a money measure with no scenario that has a money
 *         impact) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_sim_model_new(const smb_scenarios *scenarios,
                                     const smb_resilience *resilience,
                                     const smb_responses *responses,
                                     const char *const *response_ids, size_t count,
                                     const smb_sim_config *config, smb_sim_model **out);
/** @brief Destroy a model. Accepts NULL. */
SMB_API void smb_sim_model_free(smb_sim_model *model);
/** @brief The model's settings, borrowed (a copy taken at compile time). */
SMB_API const smb_sim_config *smb_sim_model_config(const smb_sim_model *model);
/** @brief Number of scenarios simulated. */
SMB_API size_t smb_sim_model_scenario_count(const smb_sim_model *model);
/**
 * @brief A 64-bit digest of everything that shapes the model's trials and
 *        statistics: parts are merged and finished only with the model
 *        whose fingerprint they carry.
 */
SMB_API uint64_t smb_sim_model_fingerprint(const smb_sim_model *model);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Running, merging and finishing
 * @{ */
/**
 * @brief Progress of a run: called on the calling thread only, with the
 *        fraction of the range done (non-decreasing, ending with 1 on
 *        success), at each hundredth of the work and at least every 50 ms
 *        while it moves. Return 0 to go on, non-zero to cancel: the run
 *        stops before its next chunk of trials.
 */
typedef int (*smb_sim_progress_fn)(double fraction, void *user);

/** @brief Opaque partial result: the trials of one contiguous range. */
typedef struct smb_sim_part smb_sim_part;
/** @brief Opaque result: the statistics of a finished part. */
typedef struct smb_sim_result smb_sim_result;

/**
 * @brief Simulate trials [first, first + count).
 * @param model    the model
 * @param first    the first trial's index
 * @param count    1 to ::SMB_SIM_MAX_TRIALS; first + count at most 2^63
 * @param threads  worker threads, 0 for one per online processor, at most
 *                 ::SMB_SIM_MAX_THREADS; the result does not depend on it
 * @param progress called now and then; NULL for none
 * @param user     passed to @p progress
 * @param out      the part, to release with smb_sim_part_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL), ::SMB_ERANGE (count 0 or too large,
 *         threads too many), ::SMB_ECANCELED (the callback asked; *out
 *         untouched), ::SMB_ENOMEM (e.g. totals that do not fit) or ::SMB_EIO
 *         (a worker thread could not be started).
 */
SMB_API smb_status smb_sim_run(const smb_sim_model *model, uint64_t first, uint64_t count,
                               unsigned threads, smb_sim_progress_fn progress, void *user,
                               smb_sim_part **out);
/** @brief Destroy a part. Accepts NULL. */
SMB_API void smb_sim_part_free(smb_sim_part *part);
/** @brief The first trial of the part's range. */
SMB_API uint64_t smb_sim_part_first(const smb_sim_part *part);
/** @brief Number of trials in the part's range. */
SMB_API uint64_t smb_sim_part_count(const smb_sim_part *part);
/** @brief The fingerprint of the model that ran the part. */
SMB_API uint64_t smb_sim_part_fingerprint(const smb_sim_part *part);
/**
 * @brief Merge @p other into @p into. The two ranges must be adjacent
 *        (either may come first); the merged part covers both, exactly as if
 *        one run had simulated them.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL; different fingerprints; ranges not
 *         adjacent: both ranges in the message; a part with itself),
 *         ::SMB_ERANGE (together more than ::SMB_SIM_MAX_TRIALS trials) or
 *         ::SMB_ENOMEM; @p into is unchanged on failure.
 */
SMB_API smb_status smb_sim_part_merge(smb_sim_part *into, const smb_sim_part *other);
/**
 * @brief Serialise a part to bytes, to send it to another process.
 *        The format is little-endian, versioned and checked on reading.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM. Release *bytes with smb_free().
 */
SMB_API smb_status smb_sim_part_save(const smb_sim_part *part, void **bytes, size_t *size);
/**
 * @brief Read a part that smb_sim_part_save() wrote.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL), ::SMB_EPARSE (truncated, corrupt or
 *         of another format version), ::SMB_EINVAL (made by another model:
 *         "part: fingerprint ... does not match the model's ...") or
 *         ::SMB_ENOMEM.
 */
SMB_API smb_status smb_sim_part_load(const smb_sim_model *model, const void *bytes,
                                     size_t size, smb_sim_part **out);
/**
 * @brief Compute the statistics of a part.
 *
 * Expected-shortfall contributions and the Spearman sensitivity re-create
 * the trials they need from their indices, so this may use threads too.
 * @param model    the model that ran the part
 * @param part     the part (any contiguous range)
 * @param threads  as for smb_sim_run()
 * @param out      the result, to release with smb_sim_result_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL; another model's part),
 *         ::SMB_ERANGE (threads), ::SMB_ENOMEM or ::SMB_EIO.
 */
SMB_API smb_status smb_sim_finish(const smb_sim_model *model, const smb_sim_part *part,
                                  unsigned threads, smb_sim_result **out);
/**
 * @brief Run trials [0, @p trials) and finish them: smb_sim_run(),
 *        then smb_sim_finish(). The progress callback covers both.
 */
SMB_API smb_status smb_simulate(const smb_sim_model *model, uint64_t trials, unsigned threads,
                                smb_sim_progress_fn progress, void *user,
                                smb_sim_result **out);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Results
 * Results own everything they hold and outlive the model.
 * @{ */
/** @brief Statistics of one side's totals. Filled by the library only; borrowed from its result. */
typedef struct smb_sim_stats {
    smb_sim_side side;   /**< Which total. */
    double mean;         /**< Mean over the trials. */
    double std;          /**< Sample standard deviation (n − 1); 0 for one trial. */
    double sem;          /**< Standard error of the mean: std / √n. */
    double min;          /**< Smallest total. */
    double max;          /**< Largest total. */
    double var;          /**< Value-at-risk: the total's percentile at 100·level. */
    double es;           /**< Expected shortfall: the mean of the ⌈(1 − level)·n⌉ largest totals. */
    double exceed_prob;  /**< Share of trials whose total exceeds the threshold; NaN without one (and for the upside). */
} smb_sim_stats;

/** @brief One scenario's figures. Filled by the library only; borrowed from its result. */
typedef struct smb_sim_scenario {
    const char *id;          /**< The scenario's id. */
    size_t index;            /**< Its position in the set. */
    smb_direction direction; /**< Threat (loss side) or opportunity (upside). */
    uint64_t occurrences;    /**< Trials in which it occurred. */
    double occurrence_rate;  /**< occurrences / trials. */
    double es_contribution;  /**< Its mean contribution over the expected-shortfall tail of its side (without kept totals: its share of the tail trials' totals, times es); these add up to the side's es. */
} smb_sim_scenario;

/** @brief Rank correlation of one sampled input with the loss total. Borrowed from its result. */
typedef struct smb_sim_sensitivity {
    const char *id;          /**< The scenario's id. */
    size_t index;            /**< Its position in the set. */
    smb_sim_input_kind kind; /**< Which input. */
    double spearman;         /**< Spearman's ρ (ties take average ranks), −1 to 1. */
} smb_sim_sensitivity;

/** @brief The deterministic exposure with one input swung across its range. Borrowed from its result. */
typedef struct smb_sim_swing {
    const char *id;          /**< The scenario's id. */
    size_t index;            /**< Its position in the set. */
    smb_sim_input_kind kind; /**< Which input. */
    double low_input;        /**< The input's lowest value (its min; for a lognormal its 5th percentile). */
    double high_input;       /**< Its highest value (its max; for a lognormal its 95th percentile). */
    double low;              /**< The expected loss with the input at low_input, every other at its mean. */
    double high;             /**< The expected loss with the input at high_input. */
    double swing;            /**< |high − low|. */
} smb_sim_swing;

/** @brief Destroy a result. Accepts NULL. */
SMB_API void smb_sim_result_free(smb_sim_result *result);
/** @brief The first trial simulated. */
SMB_API uint64_t smb_sim_result_first(const smb_sim_result *result);
/** @brief Number of trials. */
SMB_API uint64_t smb_sim_result_trials(const smb_sim_result *result);
/** @brief The seed. */
SMB_API uint64_t smb_sim_result_seed(const smb_sim_result *result);
/** @brief The measure. */
SMB_API smb_sim_measure smb_sim_result_measure(const smb_sim_result *result);
/** @brief The tail level α. */
SMB_API double smb_sim_result_level(const smb_sim_result *result);
/** @brief The threshold; NaN when none was set. */
SMB_API double smb_sim_result_threshold(const smb_sim_result *result);
/** @brief Whether percentiles, VaR and ES are exact (totals kept) rather than from the sketch. */
SMB_API int smb_sim_result_exact(const smb_sim_result *result);
/** @brief The sketch's relative accuracy when not exact; 0 when exact. */
SMB_API double smb_sim_result_accuracy(const smb_sim_result *result);
/** @brief The deterministic expected loss the tornado swings around (the sum of the threats' exposures in the measure). */
SMB_API double smb_sim_result_expected(const smb_sim_result *result);
/** @brief The statistics of @p side, or NULL for an invalid side. */
SMB_API const smb_sim_stats *smb_sim_result_stats(const smb_sim_result *result,
                                                  smb_sim_side side);
/** @brief Number of percentiles (as configured). */
SMB_API size_t smb_sim_result_percentile_count(const smb_sim_result *result);
/** @brief Percentile @p index's level, 0..100; NaN when out of range. */
SMB_API double smb_sim_result_percentile_level(const smb_sim_result *result, size_t index);
/**
 * @brief The value of percentile @p index of @p side: linear interpolation
 *        between order statistics (the "type 7" rule, as numpy's default)
 *        when exact; NaN when out of range.
 */
SMB_API double smb_sim_result_percentile(const smb_sim_result *result, smb_sim_side side,
                                         size_t index);
/**
 * @brief Every trial's total of @p side, in trial order, borrowed from the
 *        result; NULL when totals were not kept, and for the upside when no
 *        scenario is an opportunity (every upside total is then 0).
 * @param result the result
 * @param side   which total
 * @param count  set to the number of trials (0 when NULL is returned); may be NULL
 */
SMB_API const double *smb_sim_result_totals(const smb_sim_result *result, smb_sim_side side,
                                            size_t *count);
/** @brief Number of scenarios. */
SMB_API size_t smb_sim_result_scenario_count(const smb_sim_result *result);
/** @brief Scenario @p index, in set order, or NULL when out of range. */
SMB_API const smb_sim_scenario *smb_sim_result_scenario_at(const smb_sim_result *result,
                                                           size_t index);
/**
 * @brief Number of trials the sensitivity used: the first
 *        min(sensitivity trials, trials) of the range; 0 when none was
 *        computed (turned off, fewer than 2 trials, or no input varies).
 */
SMB_API uint64_t smb_sim_result_sensitivity_trials(const smb_sim_result *result);
/**
 * @brief Number of sampled inputs with a sensitivity: the threats'
 *        likelihoods and amounts (impact or money, by the measure) that can
 *        vary, of threats whose amount counts in the measure. Points and
 *        min = max have none.
 */
SMB_API size_t smb_sim_result_sensitivity_count(const smb_sim_result *result);
/** @brief Sensitivity @p index, by |ρ| largest first (ties in set order, then kind); NULL when out of range. */
SMB_API const smb_sim_sensitivity *smb_sim_result_sensitivity_at(const smb_sim_result *result,
                                                                 size_t index);
/**
 * @brief Number of tornado bars: one per input that can vary (the inputs
 *        smb_sim_result_sensitivity_count() describes), whether or not the
 *        sensitivity was computed.
 */
SMB_API size_t smb_sim_result_swing_count(const smb_sim_result *result);
/** @brief Tornado bar @p index, by swing largest first (ties in set order, then kind); NULL when out of range. */
SMB_API const smb_sim_swing *smb_sim_result_swing_at(const smb_sim_result *result,
                                                     size_t index);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_SIMULATE_H */
