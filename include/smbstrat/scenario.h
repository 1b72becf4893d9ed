/* SPDX-License-Identifier: MIT */
/**
 * @file scenario.h
 * @brief Disruption scenarios: what may hit the business (or what it may do
 *        to its market), scored against its resilience on a 5×5 risk matrix,
 *        ranked, stress-tested against the five forces and mapped onto the
 *        canvas as heat.
 *
 * A set of scenarios (::smb_scenarios) owns its scenarios, in the order they
 * were added. A scenario has an id (canvas id syntax, unique in the set), a
 * title, a description, a source of disruption, a kind, a direction (threat
 * or opportunity), a likelihood and an impact (each a point or a
 * distribution: see ::smb_estimate), an optional money impact, a horizon,
 * the canvas blocks it hits (with weights), the force drivers it shifts and
 * optionally the capabilities that mitigate it. The set also carries the two
 * scoring settings: the mitigation strength m and the urgency half-life.
 *
 * Scenarios are read through borrowed `const smb_scenario *` handles that
 * stay valid until the set is next modified or freed. Every mutation goes
 * through the set, by scenario id, and is all-or-nothing: on failure the set
 * is unchanged. Scoring, what-ifs, stress tests and heat never modify the set
 * (nor the profile, assessment or canvas they are given) and keep no cache,
 * so any number of threads may run them on one set at once while no thread
 * modifies it. Results own copies of the strings they hold and outlive the
 * objects they were computed from.
 *
 * Every formula, default and threshold is in docs/methodology.md, section
 * "Disruption scenarios".
 */
#ifndef SMBSTRAT_SCENARIO_H
#define SMBSTRAT_SCENARIO_H

#include <stddef.h>

#include "canvas.h"
#include "common.h"
#include "forces.h"
#include "resilience.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Enumerations
 * @{ */

/** @brief Where a disruption comes from, in the order of the document. */
typedef enum smb_source {
    SMB_SOURCE_NONE = -1,                 /**< No source (an out-of-range answer). */
    SMB_SOURCE_TECHNOLOGY = 0,            /**< "technology": technological advancements (e.g. the rise of e-commerce). */
    SMB_SOURCE_CUSTOMER_EXPECTATIONS = 1, /**< "customer_expectations": changing customer expectations. */
    SMB_SOURCE_ECONOMIC = 2,              /**< "economic": economic shifts (e.g. a higher minimum wage). */
    SMB_SOURCE_GLOBAL_EVENT = 3,          /**< "global_event": global events (e.g. supply-chain disruption). */
    SMB_SOURCE_BUSINESS_MODEL = 4,        /**< "business_model": new business models (e.g. subscriptions). */
    SMB_SOURCE_REGULATORY = 5,            /**< "regulatory": regulatory change (e.g. data-privacy law). */
    SMB_SOURCE_COMPETITION = 6,           /**< "competition": increased competition. */
    SMB_SOURCE_DIGITAL_PLATFORMS = 7,     /**< "digital_platforms": platforms that bypass existing channels. */
    SMB_SOURCE_CYBER = 8,                 /**< "cyber": cyber threats and data breaches. */
    SMB_SOURCE_COUNT = 9                  /**< Number of sources. */
} smb_source;

/** @brief Whether the scenario is something to suffer or to seize. */
typedef enum smb_direction {
    SMB_DIRECTION_NONE = -1,       /**< No direction (an out-of-range answer). */
    SMB_DIRECTION_THREAT = 0,      /**< "threat": a disruption the business may suffer. */
    SMB_DIRECTION_OPPORTUNITY = 1, /**< "opportunity": a disruption the business may lead. */
    SMB_DIRECTION_COUNT = 2        /**< Number of directions. */
} smb_direction;

/**
 * @brief The kind of a disruption: three independent distinctions, as bit
 *        flags. At most one flag of each pair may be set; a pair with
 *        neither flag set is unspecified.
 */
enum smb_scenario_kind_flag {
    SMB_SCENARIO_TECHNOLOGICAL = 1 << 0,  /**< "technological" (pair 1: vs business_model) */
    SMB_SCENARIO_BUSINESS_MODEL = 1 << 1, /**< "business_model" (pair 1: vs technological) */
    SMB_SCENARIO_SUSTAINING = 1 << 2,     /**< "sustaining" (pair 2: vs disruptive) */
    SMB_SCENARIO_DISRUPTIVE = 1 << 3,     /**< "disruptive" (pair 2: vs sustaining) */
    SMB_SCENARIO_OPERATIONAL = 1 << 4,    /**< "operational" (pair 3: vs strategic) */
    SMB_SCENARIO_STRATEGIC = 1 << 5       /**< "strategic" (pair 3: vs operational) */
};
/** Every ::smb_scenario_kind_flag. */
#define SMB_SCENARIO_KIND_ALL 0x3Fu

/** @brief The form of an estimate. The numeric values are part of the ABI. */
typedef enum smb_dist {
    SMB_DIST_NONE = -1,      /**< No form (an out-of-range answer). */
    SMB_DIST_POINT = 0,      /**< "point": a single value; min = mode = max. */
    SMB_DIST_UNIFORM = 1,    /**< "uniform" on [min, max]; mode is not used (stored as the midpoint). */
    SMB_DIST_TRIANGULAR = 2, /**< "triangular" (min, mode, max). */
    SMB_DIST_PERT = 3,       /**< "pert": Beta-PERT (min, mode, max), shape 4. */
    SMB_DIST_LOGNORMAL = 4,  /**< "lognormal" with min its 5th and max its 95th percentile, 0 < min ≤ max; money only; mode is not used (stored as the median √(min·max)). */
    SMB_DIST_COUNT = 5       /**< Number of forms. */
} smb_dist;

/** @brief A band of the 5×5 risk matrix, read off the rating 1–25. */
typedef enum smb_risk_band {
    SMB_RISK_BAND_NONE = -1,    /**< No band (a rating outside 1..25). */
    SMB_RISK_BAND_LOW = 0,      /**< "low": rating up to ::SMB_RISK_LOW_MAX. */
    SMB_RISK_BAND_MEDIUM = 1,   /**< "medium": rating up to ::SMB_RISK_MEDIUM_MAX. */
    SMB_RISK_BAND_HIGH = 2,     /**< "high": rating up to ::SMB_RISK_HIGH_MAX. */
    SMB_RISK_BAND_CRITICAL = 3, /**< "critical": rating above ::SMB_RISK_HIGH_MAX. */
    SMB_RISK_BAND_COUNT = 4     /**< Number of bands. */
} smb_risk_band;

/** @brief "customer_expectations" for ::SMB_SOURCE_CUSTOMER_EXPECTATIONS; NULL if out of range. */
SMB_API const char *smb_source_key(smb_source source);
/** @brief "Changing customer expectations" for ::SMB_SOURCE_CUSTOMER_EXPECTATIONS; NULL if out of range. */
SMB_API const char *smb_source_title(smb_source source);
/** @brief Look a source up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND (*out untouched). */
SMB_API smb_status smb_source_from_key(const char *key, smb_source *out);
/**
 * @brief The capabilities that mitigate a source by default, as
 *        ::SMB_CAPABILITY_BIT values (0 for an invalid source):
 *        - technology: innovation, data_driven, agility;
 *        - customer_expectations: customer_centricity, adaptability, data_driven;
 *        - economic: adaptability, agility;
 *        - global_event: adaptability, agility;
 *        - business_model: innovation, adaptability, customer_centricity;
 *        - regulatory: adaptability, data_driven;
 *        - competition: innovation, customer_centricity, agility;
 *        - digital_platforms: innovation, customer_centricity, agility;
 *        - cyber: data_driven, agility, adaptability.
 */
SMB_API unsigned smb_source_mitigators(smb_source source);
/** @brief "threat" or "opportunity"; NULL if out of range. */
SMB_API const char *smb_direction_key(smb_direction direction);
/** @brief Look a direction up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_direction_from_key(const char *key, smb_direction *out);
/** @brief The key of one ::smb_scenario_kind_flag ("technological", ...); NULL unless exactly one known bit is set. */
SMB_API const char *smb_scenario_kind_key(unsigned flag);
/** @brief Look a kind flag up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_scenario_kind_from_key(const char *key, unsigned *out);
/** @brief "point", "uniform", "triangular", "pert", "lognormal"; NULL if out of range. */
SMB_API const char *smb_dist_key(smb_dist dist);
/** @brief Look a form up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_dist_from_key(const char *key, smb_dist *out);
/** @brief "low", "medium", "high", "critical"; NULL if out of range. */
SMB_API const char *smb_risk_band_key(smb_risk_band band);
/** @brief Look a risk band up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_risk_band_from_key(const char *key, smb_risk_band *out);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Limits and defaults
 * Past the limits, calls fail with ::SMB_ERANGE or ::SMB_ELIMIT and name the
 * field.
 * @{ */
/** Most scenarios in one set. */
#define SMB_MAX_SCENARIOS 100000
/** Most driver shifts on one scenario. */
#define SMB_MAX_SHIFTS 256
/** Lowest impact severity. */
#define SMB_IMPACT_MIN 1.0
/** Highest impact severity. */
#define SMB_IMPACT_MAX 5.0
/** Largest change a scenario may make to a driver's 1–5 rating, either way. */
#define SMB_SHIFT_MAX_DELTA 4.0
/** Longest horizon and longest half-life, in months (a century). */
#define SMB_MAX_HORIZON_MONTHS 1200.0
/** Largest weight of a block hit by a scenario. */
#define SMB_SCENARIO_MAX_WEIGHT 1e6
/** Horizon of a new scenario, in months. */
#define SMB_DEFAULT_HORIZON_MONTHS 12.0
/** Mitigation strength m of a new set: how much of the exposure full resilience removes. */
#define SMB_DEFAULT_MITIGATION 0.5
/** Urgency half-life of a new set, in months. */
#define SMB_DEFAULT_HALF_LIFE_MONTHS 24.0
/** @} */

/* ------------------------------------------------------------------------ */
/** @name The risk matrix
 * The 5×5 matrix of standard risk practice. A value within 1e-9 below a
 * threshold counts as reaching it, so that the rounding of a distribution's
 * mean never moves a scenario down a level.
 * @{ */
/** Lowest probability of likelihood level 2 (level 1 below). */
#define SMB_RISK_LIKELIHOOD_2 0.10
/** Lowest probability of likelihood level 3. */
#define SMB_RISK_LIKELIHOOD_3 0.30
/** Lowest probability of likelihood level 4. */
#define SMB_RISK_LIKELIHOOD_4 0.50
/** Lowest probability of likelihood level 5. */
#define SMB_RISK_LIKELIHOOD_5 0.70
/** Highest rating of the low band. */
#define SMB_RISK_LOW_MAX 4
/** Highest rating of the medium band. */
#define SMB_RISK_MEDIUM_MAX 9
/** Highest rating of the high band (above: critical). */
#define SMB_RISK_HIGH_MAX 15

/** @brief The likelihood level 1–5 of a probability; 0 for NaN or outside 0..1. */
SMB_API int smb_risk_likelihood_level(double probability);
/** @brief The impact level 1–5: the impact rounded half up, clamped to 1..5; 0 for NaN or infinities. */
SMB_API int smb_risk_impact_level(double impact);
/** @brief The band of a rating (likelihood level × impact level); ::SMB_RISK_BAND_NONE outside 1..25. */
SMB_API smb_risk_band smb_risk_band_of(int rating);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Estimates
 * @{ */
/**
 * @brief A value given as a point or as a distribution.
 *
 * A plain value type whose layout is part of the ABI and will not change
 * (new forms are new ::smb_dist values with the same three numbers). A
 * point has min = mode = max = the value. The library validates an estimate
 * whenever it is given one: finite numbers, min ≤ mode ≤ max, all within the
 * field's range. For ::SMB_DIST_UNIFORM the mode is ignored and stored as
 * the midpoint. For ::SMB_DIST_LOGNORMAL (money only) min and max are the
 * 5th and 95th percentiles, 0 < min ≤ max, the mode is ignored and stored
 * as the median √(min·max), and the mean must not exceed the field's
 * upper bound.
 */
typedef struct smb_estimate {
    smb_dist dist; /**< The form. */
    double min;    /**< Lowest value (the value of a point). */
    double mode;   /**< Most likely value (the value of a point). */
    double max;    /**< Highest value (the value of a point). */
} smb_estimate;

/**
 * @brief The mean of an estimate: the value of a point, (min + max) / 2
 *        uniform, (min + mode + max) / 3 triangular, (min + 4·mode + max) / 6
 *        PERT, exp(μ + σ²/2) lognormal with μ = (ln min + ln max) / 2 and
 *        σ = (ln max − ln min) / (2·1.6448536269514722).
 * @return ::SMB_OK, ::SMB_EINVAL (NULL or unknown form) or ::SMB_ERANGE
 *         (a non-finite number or one of magnitude above 1e300; min > max; for triangular and PERT a mode
 *         outside [min, max]; for a point min, mode and max not all equal;
 *         for a lognormal a min not above 0 or a mean above 1e300);
 *         *out untouched on failure.
 */
SMB_API smb_status smb_estimate_mean(const smb_estimate *estimate, double *out);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Sets of scenarios
 * @{ */
/** @brief Opaque set of scenarios. */
typedef struct smb_scenarios smb_scenarios;
/** @brief Opaque scenario, borrowed from its set. */
typedef struct smb_scenario smb_scenario;

/**
 * @brief A shift a scenario makes to a force driver's rating. Filled by the
 *        library only; borrowed from the scenario.
 */
typedef struct smb_driver_shift {
    smb_force force;    /**< The driver's force. */
    const char *driver; /**< The driver's key (checked against an assessment only when stress-testing). */
    double delta;       /**< Change of the rating, −4 to +4 (positive: the force grows stronger). */
} smb_driver_shift;

/**
 * @brief Create an empty set with mitigation ::SMB_DEFAULT_MITIGATION and
 *        half-life ::SMB_DEFAULT_HALF_LIFE_MONTHS.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_new(smb_scenarios **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_scenarios_copy(const smb_scenarios *set, smb_scenarios **out);
/** @brief Destroy a set and its scenarios. Accepts NULL. */
SMB_API void smb_scenarios_free(smb_scenarios *set);
/**
 * @brief Whether two sets hold the same settings and the same scenarios in
 *        the same order, every field equal. Two NULLs are equal; NULL and a
 *        set are not.
 */
SMB_API int smb_scenarios_equal(const smb_scenarios *a, const smb_scenarios *b);

/** @brief The mitigation strength m, 0 to 1 (default 0.5); 0 for NULL. */
SMB_API double smb_scenarios_mitigation(const smb_scenarios *set);
/**
 * @brief Set the mitigation strength m: the share of the exposure that
 *        full resilience (R = 1) removes from a threat.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN, infinite, outside 0..1).
 */
SMB_API smb_status smb_scenarios_set_mitigation(smb_scenarios *set, double mitigation);
/** @brief The urgency half-life in months (default 24); 0 for NULL. */
SMB_API double smb_scenarios_half_life(const smb_scenarios *set);
/**
 * @brief Set the urgency half-life: the horizon at which a scenario's
 *        urgency weight falls to one half.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN, infinite, not above 0,
 *         above ::SMB_MAX_HORIZON_MONTHS).
 */
SMB_API smb_status smb_scenarios_set_half_life(smb_scenarios *set, double months);

/**
 * @brief Append a scenario.
 *
 * The new scenario has no description, no kind flags, point likelihood and
 * impact as given, no money impact, horizon ::SMB_DEFAULT_HORIZON_MONTHS,
 * no blocks, no shifts and the source's default mitigating capabilities.
 * @param set         the set to add to, at its end
 * @param id          unique in the set; 1 to ::SMB_MAX_ID_LENGTH bytes of
 *                    ASCII letters, digits, '_', '-' and '.'
 * @param title       non-empty valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH bytes
 * @param source      where the disruption comes from
 * @param direction   threat or opportunity
 * @param likelihood  probability over the horizon, 0 to 1
 * @param impact      severity, ::SMB_IMPACT_MIN to ::SMB_IMPACT_MAX
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, bad id, empty or invalid title,
 *         invalid source or direction), ::SMB_ERANGE (likelihood or impact),
 *         ::SMB_EEXIST (id taken), ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_add(smb_scenarios *set, const char *id, const char *title,
                                     smb_source source, smb_direction direction,
                                     double likelihood, double impact);
/** @brief Remove a scenario. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_scenarios_remove(smb_scenarios *set, const char *id);
/** @brief Number of scenarios (0 for NULL). */
SMB_API size_t smb_scenarios_count(const smb_scenarios *set);
/** @brief Scenario @p index, in the order added, or NULL when out of range. */
SMB_API const smb_scenario *smb_scenarios_at(const smb_scenarios *set, size_t index);
/** @brief The scenario with this id, or NULL (no error is recorded). */
SMB_API const smb_scenario *smb_scenarios_find(const smb_scenarios *set, const char *id);
/**
 * @brief The scenario with this id.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (with the id in the message).
 */
SMB_API smb_status smb_scenarios_get(const smb_scenarios *set, const char *id,
                                     const smb_scenario **out);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Scenario accessors
 * Borrowed pointers are valid until the set is next modified or freed.
 * @{ */
/** @brief The scenario's id. */
SMB_API const char *smb_scenario_id(const smb_scenario *scenario);
/** @brief The scenario's position in its set. */
SMB_API size_t smb_scenario_index(const smb_scenario *scenario);
/** @brief The title. */
SMB_API const char *smb_scenario_title(const smb_scenario *scenario);
/** @brief The description, or NULL when none. */
SMB_API const char *smb_scenario_description(const smb_scenario *scenario);
/** @brief The source of disruption. */
SMB_API smb_source smb_scenario_source(const smb_scenario *scenario);
/** @brief The direction. */
SMB_API smb_direction smb_scenario_direction(const smb_scenario *scenario);
/** @brief The ::smb_scenario_kind_flag bits (0 when none is given). */
SMB_API unsigned smb_scenario_kind(const smb_scenario *scenario);
/** @brief The likelihood estimate (probability over the horizon). */
SMB_API const smb_estimate *smb_scenario_likelihood(const smb_scenario *scenario);
/** @brief The impact estimate (severity 1–5). */
SMB_API const smb_estimate *smb_scenario_impact(const smb_scenario *scenario);
/** @brief The money impact estimate, or NULL when none. */
SMB_API const smb_estimate *smb_scenario_money(const smb_scenario *scenario);
/** @brief The horizon in months. */
SMB_API double smb_scenario_horizon(const smb_scenario *scenario);
/** @brief The weight with which the scenario hits @p block; 0 when it does not (or for an invalid block). */
SMB_API double smb_scenario_block_weight(const smb_scenario *scenario, smb_block block);
/** @brief Number of blocks the scenario hits. */
SMB_API size_t smb_scenario_block_count(const smb_scenario *scenario);
/** @brief Number of driver shifts. */
SMB_API size_t smb_scenario_shift_count(const smb_scenario *scenario);
/** @brief Driver shift @p index, in the order added, or NULL when out of range. */
SMB_API const smb_driver_shift *smb_scenario_shift_at(const smb_scenario *scenario,
                                                      size_t index);
/** @brief The capabilities that mitigate the scenario: its override when it has one, else its source's defaults. */
SMB_API unsigned smb_scenario_mitigators(const smb_scenario *scenario);
/** @brief Whether the scenario overrides its source's default mitigating capabilities. */
SMB_API int smb_scenario_has_mitigators(const smb_scenario *scenario);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Updating scenarios
 * Each call changes one field of the scenario with the given id, or
 * nothing. All return ::SMB_EINVAL for NULL arguments and ::SMB_ENOTFOUND
 * for an unknown id; messages name the scenario and the field, e.g.
 * "scenario 'delivery-apps' likelihood.mode: ...".
 * @{ */
/** @brief Replace the title (non-empty UTF-8). Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_scenarios_set_title(smb_scenarios *set, const char *id, const char *title);
/** @brief Replace the description; NULL or "" removes it. Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_scenarios_set_description(smb_scenarios *set, const char *id,
                                                 const char *description);
/** @brief Set the source (the default mitigators follow it unless overridden). ::SMB_EINVAL for an invalid source. */
SMB_API smb_status smb_scenarios_set_source(smb_scenarios *set, const char *id, smb_source source);
/** @brief Set the direction. ::SMB_EINVAL for an invalid direction. */
SMB_API smb_status smb_scenarios_set_direction(smb_scenarios *set, const char *id,
                                               smb_direction direction);
/**
 * @brief Replace the kind flags.
 * @return also ::SMB_EINVAL for unknown bits or both flags of one pair.
 */
SMB_API smb_status smb_scenarios_set_kind(smb_scenarios *set, const char *id, unsigned kind);
/** @brief Set the likelihood (probabilities 0..1). Also ::SMB_EINVAL (form; a lognormal: "likelihood.dist: lognormal is only for money amounts"), ::SMB_ERANGE. */
SMB_API smb_status smb_scenarios_set_likelihood(smb_scenarios *set, const char *id,
                                                const smb_estimate *likelihood);
/** @brief Set the impact (severities 1..5). Also ::SMB_EINVAL (form; a lognormal, as for the likelihood), ::SMB_ERANGE. */
SMB_API smb_status smb_scenarios_set_impact(smb_scenarios *set, const char *id,
                                            const smb_estimate *impact);
/** @brief Set the money impact (amounts 0..::SMB_MAX_AMOUNT; a lognormal's mean too). Also ::SMB_EINVAL (form), ::SMB_ERANGE. */
SMB_API smb_status smb_scenarios_set_money(smb_scenarios *set, const char *id,
                                           const smb_estimate *money);
/** @brief Remove the money impact. */
SMB_API smb_status smb_scenarios_clear_money(smb_scenarios *set, const char *id);
/** @brief Set the horizon in months. Also ::SMB_ERANGE unless above 0 and at most ::SMB_MAX_HORIZON_MONTHS. */
SMB_API smb_status smb_scenarios_set_horizon(smb_scenarios *set, const char *id, double months);
/**
 * @brief Make the scenario hit @p block with @p weight (or change the weight).
 * @return also ::SMB_EINVAL (invalid block) or ::SMB_ERANGE (weight not
 *         above 0, above ::SMB_SCENARIO_MAX_WEIGHT, NaN or infinite).
 */
SMB_API smb_status smb_scenarios_hit_block(smb_scenarios *set, const char *id, smb_block block,
                                           double weight);
/** @brief Stop the scenario hitting @p block. Also ::SMB_EINVAL (invalid block), ::SMB_ENOTFOUND (not hit). */
SMB_API smb_status smb_scenarios_clear_block(smb_scenarios *set, const char *id, smb_block block);
/**
 * @brief Add a shift of a force driver's rating, after the scenario's other
 *        shifts. Whether the driver exists is checked only by a stress test,
 *        against the assessment it is given.
 * @param set    the set
 * @param id     the scenario
 * @param force  the driver's force
 * @param driver the driver's key (id syntax)
 * @param delta  finite, from −::SMB_SHIFT_MAX_DELTA to +::SMB_SHIFT_MAX_DELTA
 * @return also ::SMB_EINVAL (invalid force, bad key), ::SMB_ERANGE (delta),
 *         ::SMB_EEXIST (the scenario already shifts that driver),
 *         ::SMB_ELIMIT (::SMB_MAX_SHIFTS) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_add_shift(smb_scenarios *set, const char *id, smb_force force,
                                           const char *driver, double delta);
/** @brief Remove the shift of a driver. Also ::SMB_EINVAL (invalid force), ::SMB_ENOTFOUND (no such shift). */
SMB_API smb_status smb_scenarios_remove_shift(smb_scenarios *set, const char *id, smb_force force,
                                              const char *driver);
/**
 * @brief Override the capabilities that mitigate the scenario.
 * @return also ::SMB_EINVAL for an empty set or unknown bits.
 */
SMB_API smb_status smb_scenarios_set_mitigators(smb_scenarios *set, const char *id,
                                                unsigned capabilities);
/** @brief Return to the source's default mitigating capabilities. */
SMB_API smb_status smb_scenarios_clear_mitigators(smb_scenarios *set, const char *id);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Scoring
 * Deterministic scores from the means of the estimates.
 * @{ */
/** @brief One scenario's scores. Filled by the library only; borrowed from its result. */
typedef struct smb_scenario_score {
    const char *id;          /**< The scenario's id. */
    const char *title;       /**< Its title. */
    size_t index;            /**< Its position in the set. */
    smb_source source;       /**< Its source. */
    smb_direction direction; /**< Its direction. */
    double likelihood;       /**< Mean likelihood p. */
    double impact;           /**< Mean impact. */
    double horizon;          /**< Horizon in months. */
    unsigned mitigators;     /**< The capabilities that mitigate it. */
    double resilience;       /**< R: mean maturity of the mitigators / 5, 0 to 1. */
    double factor;           /**< Threat: vulnerability v = 1 − m·R; opportunity: readiness 1 − m·(1 − R). */
    double exposure;         /**< p × impact × factor. */
    double urgency;          /**< 0.5^(horizon / half-life), 0 to 1. */
    double urgency_weighted; /**< exposure × urgency. */
    int has_money;           /**< Whether the scenario has a money impact. */
    double money;            /**< Mean money impact; 0 without one. */
    double money_exposure;   /**< p × money × factor; 0 without a money impact. */
    int likelihood_level;    /**< Risk-matrix likelihood level, 1 to 5. */
    int impact_level;        /**< Risk-matrix impact level, 1 to 5. */
    int rating;              /**< likelihood_level × impact_level, 1 to 25. */
    smb_risk_band band;      /**< Band of the rating. */
    size_t rank;             /**< 1-based rank among the scenarios of its direction. */
} smb_scenario_score;

/** @brief Totals over the scenarios of one direction. Filled by the library only; borrowed. */
typedef struct smb_scenario_totals {
    smb_direction direction; /**< The direction. */
    size_t count;            /**< Number of scenarios. */
    double exposure;         /**< Sum of their exposures. */
    double urgency_weighted; /**< Sum of their urgency-weighted exposures. */
    double money_exposure;   /**< Sum of their money exposures. */
    size_t band_count[SMB_RISK_BAND_COUNT]; /**< How many fall in each band. */
} smb_scenario_totals;

/** @brief Opaque scoring result. */
typedef struct smb_scenario_scores smb_scenario_scores;

/**
 * @brief Score every scenario of a set.
 * @param set        the scenarios
 * @param resilience the profile whose maturities mitigate them; NULL counts
 *                   every maturity as 0 (no mitigation credit)
 * @param out        the result, to release with smb_scenario_scores_free()
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_score(const smb_scenarios *set, const smb_resilience *resilience,
                                       smb_scenario_scores **out);
/** @brief Destroy a result. Accepts NULL. */
SMB_API void smb_scenario_scores_free(smb_scenario_scores *scores);
/** @brief The mitigation strength m the result was computed with. */
SMB_API double smb_scenario_scores_mitigation(const smb_scenario_scores *scores);
/** @brief The half-life in months the result was computed with. */
SMB_API double smb_scenario_scores_half_life(const smb_scenario_scores *scores);
/** @brief Number of scenarios scored. */
SMB_API size_t smb_scenario_scores_count(const smb_scenario_scores *scores);
/** @brief The scores of scenario @p index, in set order, or NULL when out of range. */
SMB_API const smb_scenario_score *smb_scenario_scores_at(const smb_scenario_scores *scores,
                                                         size_t index);
/** @brief The scores of the scenario with this id, or NULL. */
SMB_API const smb_scenario_score *smb_scenario_scores_find(const smb_scenario_scores *scores,
                                                           const char *id);
/** @brief Number of scenarios of @p direction (0 for an invalid direction). */
SMB_API size_t smb_scenario_scores_ranked_count(const smb_scenario_scores *scores,
                                                smb_direction direction);
/**
 * @brief The scenario of @p direction at @p rank − 1: by exposure, largest
 *        first; equal exposures (to 12 decimal places) by urgency-weighted
 *        exposure, largest first; then set order. NULL when out of range.
 */
SMB_API const smb_scenario_score *smb_scenario_scores_ranked_at(const smb_scenario_scores *scores,
                                                                smb_direction direction,
                                                                size_t index);
/** @brief The totals of @p direction, or NULL for an invalid direction. */
SMB_API const smb_scenario_totals *smb_scenario_scores_totals(const smb_scenario_scores *scores,
                                                              smb_direction direction);

/**
 * @brief Exposure of one scenario under changes, without building a set:
 *        the primitive behind residual exposure of responses.
 *
 * Scores scenario @p index as if its mean likelihood were multiplied by
 * @p likelihood_factor, its mean impact and money by @p impact_factor, and
 * each maturity of @p resilience raised by @p capability_gain (capped at 5).
 * Any output pointer may be NULL.
 * @param set               the scenarios
 * @param index             the scenario's position in the set
 * @param resilience        the profile; NULL counts every maturity as 0
 * @param likelihood_factor 0 to 1
 * @param impact_factor     0 to 1
 * @param capability_gain   ::SMB_CAPABILITY_COUNT gains, each 0 to 5, in
 *                          capability order; NULL for none
 * @param exposure          the exposure under the changes
 * @param urgency_weighted  the urgency-weighted exposure under the changes
 * @param money_exposure    the money exposure under the changes (0 without money)
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p set, index out of range) or
 *         ::SMB_ERANGE (a factor or gain out of range; outputs untouched).
 */
SMB_API smb_status smb_scenarios_what_if(const smb_scenarios *set, size_t index,
                                         const smb_resilience *resilience,
                                         double likelihood_factor, double impact_factor,
                                         const double *capability_gain, double *exposure,
                                         double *urgency_weighted, double *money_exposure);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Stress tests
 * @{ */
/**
 * @brief What happened to one shifted driver. Filled by the library only;
 *        borrowed from its stress test.
 */
typedef struct smb_shift_outcome {
    smb_force force;      /**< The driver's force. */
    const char *driver;   /**< The driver's key. */
    double delta;         /**< The shift the scenario asks for. */
    int applied;          /**< Whether the rating changed hands: 0 when the driver is unrated (it stays unrated). */
    double rating_before; /**< The rating before; 0 when unrated. */
    double rating_after;  /**< rating_before + delta clamped to 1..5; 0 when unrated. */
    int clamped;          /**< Whether the clamp to 1..5 cut the shift short. */
} smb_shift_outcome;

/** @brief Opaque result of a stress test. */
typedef struct smb_stress smb_stress;

/**
 * @brief Apply scenario @p id's driver shifts to a copy of @p forces and
 *        compare the copy with the original.
 *
 * Each shifted driver that is rated moves by its delta, clamped to 1..5. A
 * shifted driver that is unrated stays unrated (the library does not invent
 * a rating) and is reported with applied = 0. The force scores, pressure
 * and attractiveness before and after come from smb_forces_compare().
 * @return ::SMB_OK, ::SMB_EINVAL (NULL), ::SMB_ENOTFOUND (no such scenario,
 *         or a shifted driver the assessment lacks: the message names the
 *         scenario, force and driver) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_stress(const smb_scenarios *set, const char *id,
                                        const smb_forces *forces, smb_stress **out);
/** @brief Destroy a stress test. Accepts NULL. */
SMB_API void smb_stress_free(smb_stress *stress);
/** @brief The id of the scenario tested. */
SMB_API const char *smb_stress_scenario(const smb_stress *stress);
/** @brief The shifted assessment, borrowed from the stress test. */
SMB_API const smb_forces *smb_stress_forces(const smb_stress *stress);
/**
 * @brief The comparison of the original (before) and the shifted (after)
 *        assessment, borrowed: force scores, bands, pressure and
 *        attractiveness, and their changes.
 */
SMB_API const smb_forces_comparison *smb_stress_comparison(const smb_stress *stress);
/** @brief Number of shifts (as many as the scenario has). */
SMB_API size_t smb_stress_shift_count(const smb_stress *stress);
/** @brief Shift @p index, in the scenario's order, or NULL when out of range. */
SMB_API const smb_shift_outcome *smb_stress_shift_at(const smb_stress *stress, size_t index);
/** @brief Number of shifts not applied because their driver is unrated. */
SMB_API size_t smb_stress_unapplied_count(const smb_stress *stress);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Heat on the canvas
 * @{ */
/** @brief One block's heat. Filled by the library only; borrowed from its heat map. */
typedef struct smb_block_heat {
    smb_block block;          /**< The block. */
    double heat;              /**< Sum over the threats hitting it of exposure × block weight. */
    double urgency_weighted;  /**< The same with urgency-weighted exposures. */
    double share;             /**< heat / the heat of all blocks; 0 when there is no heat. */
    size_t scenarios;         /**< Number of threats hitting it. */
    size_t items;             /**< Number of items in the block of the canvas given; 0 without a canvas. */
} smb_block_heat;

/** @brief Opaque heat map of the nine blocks. */
typedef struct smb_canvas_heat smb_canvas_heat;

/**
 * @brief Which part of the business model the threats put most at risk.
 *
 * Opportunities are left out: they do not put a block at risk, and adding
 * them would let an opportunity hide a threat.
 * @param set        the scenarios
 * @param resilience the profile; NULL counts every maturity as 0
 * @param canvas     the canvas whose blocks are heated, for item counts; may be NULL
 * @param out        the heat map, to release with smb_canvas_heat_free()
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_canvas_heat(const smb_scenarios *set,
                                             const smb_resilience *resilience,
                                             const smb_canvas *canvas, smb_canvas_heat **out);
/** @brief Destroy a heat map. Accepts NULL. */
SMB_API void smb_canvas_heat_free(smb_canvas_heat *heat);
/** @brief The heat of all blocks together. */
SMB_API double smb_canvas_heat_total(const smb_canvas_heat *heat);
/**
 * @brief Block @p index (0 to ::SMB_BLOCK_COUNT − 1) by heat, highest first;
 *        equal heats (to 12 decimal places) keep block order. NULL when out
 *        of range.
 */
SMB_API const smb_block_heat *smb_canvas_heat_at(const smb_canvas_heat *heat, size_t index);
/** @brief The heat of @p block, or NULL for an invalid block. */
SMB_API const smb_block_heat *smb_canvas_heat_of(const smb_canvas_heat *heat, smb_block block);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_SCENARIO_H */
