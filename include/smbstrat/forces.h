/* SPDX-License-Identifier: MIT */
/**
 * @file forces.h
 * @brief Porter's five forces: an industry assessment rated driver by
 *        driver, scored, explained (bands, dominant forces, contributions,
 *        a tornado of sensitivities) and compared with another assessment.
 *
 * An ::smb_forces object starts with Porter's standard catalogue of drivers
 * for each force, every driver unrated with weight 1. The analyst rates the
 * drivers that matter (1 = the driver makes the force weak, 5 = strong,
 * fractions allowed), may weight drivers and forces, and may add drivers of
 * their own. Drivers are addressed by their force and a key that is stable
 * across versions (e.g. ::SMB_FORCE_RIVALRY, "exit_barriers").
 *
 * Drivers are read through borrowed `const smb_driver *` handles that stay
 * valid until the assessment is next modified or freed. Every mutation goes
 * through the assessment and is all-or-nothing: on failure it is unchanged.
 *
 * Scoring never modifies the assessment and keeps no cache in it, so any
 * number of threads may score, explain or compare one assessment at once
 * (while no thread modifies it). Results (::smb_forces_result,
 * ::smb_forces_tornado, ::smb_forces_comparison) own copies of the strings
 * they hold and outlive the assessments they were computed from.
 *
 * Every formula is in docs/methodology.md, section "Porter's five forces".
 */
#ifndef SMBSTRAT_FORCES_H
#define SMBSTRAT_FORCES_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The five forces, in the order of the document and of iteration. */
typedef enum smb_force {
    SMB_FORCE_NONE = -1,          /**< No force (an out-of-range answer). */
    SMB_FORCE_NEW_ENTRANTS = 0,   /**< "new_entrants": threat of new entrants. */
    SMB_FORCE_SUPPLIER_POWER = 1, /**< "supplier_power": bargaining power of suppliers. */
    SMB_FORCE_BUYER_POWER = 2,    /**< "buyer_power": bargaining power of buyers. */
    SMB_FORCE_SUBSTITUTES = 3,    /**< "substitutes": threat of substitutes. */
    SMB_FORCE_RIVALRY = 4,        /**< "rivalry": rivalry among existing competitors. */
    SMB_FORCE_COUNT = 5           /**< Number of forces. */
} smb_force;

/**
 * @brief How strong a force is, read off its 1–5 score:
 *        low below 2.5, moderate from 2.5 to below 3.5, high from 3.5.
 */
typedef enum smb_force_band {
    SMB_FORCE_BAND_NONE = -1,    /**< The force has no score. */
    SMB_FORCE_BAND_LOW = 0,      /**< "low": score below ::SMB_FORCE_BAND_MODERATE_MIN. */
    SMB_FORCE_BAND_MODERATE = 1, /**< "moderate": from ::SMB_FORCE_BAND_MODERATE_MIN to below ::SMB_FORCE_BAND_HIGH_MIN. */
    SMB_FORCE_BAND_HIGH = 2,     /**< "high": from ::SMB_FORCE_BAND_HIGH_MIN. */
    SMB_FORCE_BAND_COUNT = 3     /**< Number of bands. */
} smb_force_band;

/** Lowest score of the moderate band. */
#define SMB_FORCE_BAND_MODERATE_MIN 2.5
/** Lowest score of the high band. */
#define SMB_FORCE_BAND_HIGH_MIN 3.5

/** @name Limits of an assessment
 * Past these, calls fail with ::SMB_ELIMIT or ::SMB_ERANGE and say which
 * limit was reached.
 * @{ */
/** Most drivers a user may add to one force (catalogue drivers not counted). */
#define SMB_MAX_CUSTOM_DRIVERS 256
/** Largest weight of a driver or a force, so that weighted sums stay exact enough. */
#define SMB_FORCES_MAX_WEIGHT 1e6
/** Lowest rating of a driver: the driver makes its force weak. */
#define SMB_DRIVER_RATING_MIN 1.0
/** Highest rating of a driver: the driver makes its force strong. */
#define SMB_DRIVER_RATING_MAX 5.0
/** @} */

/** @brief Opaque five-forces assessment. */
typedef struct smb_forces smb_forces;
/** @brief Opaque driver of a force, borrowed from its assessment. */
typedef struct smb_driver smb_driver;

/** @name Keys and titles
 * Stable keys are the document's spelling; titles are for people.
 * @{ */
/** @brief "rivalry" for ::SMB_FORCE_RIVALRY; NULL if out of range. */
SMB_API const char *smb_force_key(smb_force force);
/** @brief "Rivalry Among Existing Competitors" for ::SMB_FORCE_RIVALRY; NULL if out of range. */
SMB_API const char *smb_force_title(smb_force force);
/** @brief Look a force up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_force_from_key(const char *key, smb_force *out);
/** @brief "low", "moderate", "high"; NULL if out of range (::SMB_FORCE_BAND_NONE included). */
SMB_API const char *smb_force_band_key(smb_force_band band);
/** @brief Look a band up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_force_band_from_key(const char *key, smb_force_band *out);
/**
 * @brief The band of a 1–5 force score.
 *
 * A score within 1e-9 below a boundary counts as reaching it, so that the
 * rounding of a weighted mean never moves a force down a band.
 * @return the band; ::SMB_FORCE_BAND_NONE for NaN or a score outside 1..5.
 */
SMB_API smb_force_band smb_force_band_of(double score);
/** @} */

/** @name Life cycle
 * @{ */
/**
 * @brief Create an assessment holding the standard catalogue of every force
 *        (see docs/methodology.md), every driver unrated with weight 1, every
 *        force with weight 1, no name and no description.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_new(smb_forces **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_forces_copy(const smb_forces *forces, smb_forces **out);
/** @brief Destroy an assessment and its drivers. Accepts NULL. */
SMB_API void smb_forces_free(smb_forces *forces);
/**
 * @brief Whether two assessments hold the same name, description, force
 *        weights and drivers (in order, with every field equal). Two NULLs
 *        are equal; NULL and an assessment are not.
 */
SMB_API int smb_forces_equal(const smb_forces *a, const smb_forces *b);
/** @} */

/** @name Assessment properties
 * @{ */
/** @brief What is assessed, e.g. "Artisan bakeries in Leeds, 2026"; "" when unset. */
SMB_API const char *smb_forces_name(const smb_forces *forces);
/** @brief Set the name (copied; NULL or "" clears). @return ::SMB_OK, ::SMB_EINVAL (NULL @p forces, bad UTF-8), ::SMB_ELIMIT or ::SMB_ENOMEM. */
SMB_API smb_status smb_forces_set_name(smb_forces *forces, const char *name);
/** @brief A free description; "" when unset. */
SMB_API const char *smb_forces_description(const smb_forces *forces);
/** @brief Set the description (copied; NULL or "" clears). Errors as smb_forces_set_name(). */
SMB_API smb_status smb_forces_set_description(smb_forces *forces, const char *description);
/** @brief The weight of a force in the competitive pressure (default 1); 0 for an invalid force. */
SMB_API double smb_forces_force_weight(const smb_forces *forces, smb_force force);
/**
 * @brief Set the weight of a force in the competitive pressure.
 *
 * A weight of 0 leaves the force out of the pressure and of the dominant
 * forces (its score is still computed). At least one force keeps a positive
 * weight: an assessment in which no force counts has no meaning.
 * @param forces the assessment
 * @param force  the force to weigh
 * @param weight finite, from 0 to ::SMB_FORCES_MAX_WEIGHT
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid force) or ::SMB_ERANGE (NaN,
 *         infinite, negative, too large, or 0 for the last force of positive
 *         weight).
 */
SMB_API smb_status smb_forces_set_force_weight(smb_forces *forces, smb_force force,
                                               double weight);
/** @} */

/** @name Drivers
 * Each force lists its catalogue drivers first, in catalogue order, then the
 * drivers the user added, in the order they were added.
 * @{ */
/** @brief Number of drivers of @p force (0 for an invalid force or NULL). */
SMB_API size_t smb_forces_driver_count(const smb_forces *forces, smb_force force);
/** @brief Driver @p index of @p force, or NULL when out of range. */
SMB_API const smb_driver *smb_forces_driver_at(const smb_forces *forces, smb_force force,
                                               size_t index);
/** @brief The driver of @p force with this key, or NULL (no error is recorded). */
SMB_API const smb_driver *smb_forces_find_driver(const smb_forces *forces, smb_force force,
                                                 const char *key);
/**
 * @brief The driver of @p force with this key.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid force) or ::SMB_ENOTFOUND
 *         (with the force and key in the message).
 */
SMB_API smb_status smb_forces_get_driver(const smb_forces *forces, smb_force force,
                                         const char *key, const smb_driver **out);
/**
 * @brief Add a driver of the user's own to a force.
 *
 * The new driver comes after the force's other drivers, unrated, with
 * weight 1, no confidence and no rationale.
 * @param forces   the assessment
 * @param force    the force the driver bears on
 * @param key      unique within the force; 1 to ::SMB_MAX_ID_LENGTH bytes of
 *                 ASCII letters, digits, '_', '-' and '.' (as canvas ids)
 * @param title    non-empty valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH bytes
 * @param question the question the rating answers, worded so that 5 means
 *                 a strong force; NULL or "" for none
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid force, bad key, empty or
 *         invalid text), ::SMB_EEXIST (key taken in that force),
 *         ::SMB_ELIMIT (::SMB_MAX_CUSTOM_DRIVERS reached, text too long) or
 *         ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_add_driver(smb_forces *forces, smb_force force, const char *key,
                                         const char *title, const char *question);
/**
 * @brief Remove a driver the user added.
 *
 * Catalogue drivers cannot be removed (leave them unrated instead), nor can
 * the last driver of positive weight of a force.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid force, catalogue driver, last
 *         driver of positive weight) or ::SMB_ENOTFOUND.
 */
SMB_API smb_status smb_forces_remove_driver(smb_forces *forces, smb_force force,
                                            const char *key);
/** @} */

/** @name Driver accessors
 * Borrowed strings are valid until the assessment is next modified or freed.
 * @{ */
/** @brief The force the driver belongs to. */
SMB_API smb_force smb_driver_force(const smb_driver *driver);
/** @brief The driver's key, unique within its force. */
SMB_API const char *smb_driver_key(const smb_driver *driver);
/** @brief The driver's title, e.g. "Exit barriers". */
SMB_API const char *smb_driver_title(const smb_driver *driver);
/** @brief The question its rating answers (5 = the force is strong); "" when none. */
SMB_API const char *smb_driver_question(const smb_driver *driver);
/** @brief The driver's position in its force. */
SMB_API size_t smb_driver_index(const smb_driver *driver);
/** @brief Whether the user added the driver (0 for catalogue drivers). */
SMB_API int smb_driver_is_custom(const smb_driver *driver);
/** @brief Whether the driver is rated. */
SMB_API int smb_driver_is_rated(const smb_driver *driver);
/** @brief The rating, 1 (weak) to 5 (strong); 0 when unrated. */
SMB_API double smb_driver_rating(const smb_driver *driver);
/** @brief The weight within its force (default 1). */
SMB_API double smb_driver_weight(const smb_driver *driver);
/** @brief Whether the analyst gave a confidence. */
SMB_API int smb_driver_has_confidence(const smb_driver *driver);
/** @brief The confidence, 0 to 1; 0 when none. Scoring does not use it. */
SMB_API double smb_driver_confidence(const smb_driver *driver);
/** @brief Why the driver has its rating, or NULL when none. */
SMB_API const char *smb_driver_rationale(const smb_driver *driver);
/** @} */

/** @name Rating drivers
 * Each call changes one field of the driver (@p force, @p key), or nothing.
 * All return ::SMB_EINVAL for NULL arguments or an invalid force and
 * ::SMB_ENOTFOUND for an unknown key; range errors name the force and
 * driver, e.g. "rivalry/exit_barriers rating: ...".
 * @{ */
/** @brief Rate a driver. @return also ::SMB_ERANGE for NaN, infinities and values outside 1..5. */
SMB_API smb_status smb_forces_set_rating(smb_forces *forces, smb_force force, const char *key,
                                         double rating);
/** @brief Make a driver unrated again. */
SMB_API smb_status smb_forces_clear_rating(smb_forces *forces, smb_force force,
                                           const char *key);
/**
 * @brief Set a driver's weight within its force. A driver of weight 0 is
 *        left out of the force's score.
 * @return also ::SMB_ERANGE for NaN, infinities, negatives, values above
 *         ::SMB_FORCES_MAX_WEIGHT, and 0 for the force's last driver of positive
 *         weight (set the force's weight to 0 to leave a force out).
 */
SMB_API smb_status smb_forces_set_driver_weight(smb_forces *forces, smb_force force,
                                                const char *key, double weight);
/** @brief Record how sure the analyst is of the rating. @return also ::SMB_ERANGE unless 0..1. */
SMB_API smb_status smb_forces_set_confidence(smb_forces *forces, smb_force force,
                                             const char *key, double confidence);
/** @brief Remove the confidence. */
SMB_API smb_status smb_forces_clear_confidence(smb_forces *forces, smb_force force,
                                               const char *key);
/**
 * @brief Replace the rationale (valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH
 *        bytes); NULL or "" removes it.
 * @return also ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_set_rationale(smb_forces *forces, smb_force force,
                                            const char *key, const char *rationale);
/** @} */

/** @name Scores
 * The quick answers, computed on demand without allocating. A quantity that
 * is undefined is reported as ::SMB_ENOTFOUND with the reason, never as NaN.
 * @{ */
/**
 * @brief A force's score: the weighted mean of the ratings of its rated
 *        drivers of positive weight, 1 to 5.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (no rated driver of
 *         positive weight; *out untouched).
 */
SMB_API smb_status smb_forces_force_score(const smb_forces *forces, smb_force force,
                                          double *out);
/**
 * @brief The competitive pressure, 0 to 1: the weighted mean (force
 *        weights) of the intensities (score − 1) / 4 of the forces that have
 *        a score.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (no force of positive
 *         weight has a score; *out untouched).
 */
SMB_API smb_status smb_forces_pressure(const smb_forces *forces, double *out);
/** @brief The industry's attractiveness, 1 − pressure. Errors as smb_forces_pressure(). */
SMB_API smb_status smb_forces_attractiveness(const smb_forces *forces, double *out);
/** @} */

/** @name Explained scores
 * @{ */
/** @brief One force in a scoring result. Filled by the library only; borrowed from its result. */
typedef struct smb_force_score {
    smb_force force;       /**< The force. */
    int has_score;         /**< Whether at least one driver of positive weight is rated. */
    double score;          /**< Weighted mean rating, 1 to 5; 0 without a score. */
    double intensity;      /**< (score − 1) / 4, 0 to 1; 0 without a score. */
    smb_force_band band;   /**< Band of the score; ::SMB_FORCE_BAND_NONE without a score. */
    double weight;         /**< The force's weight in the pressure. */
    double pressure_share; /**< weight × intensity / (sum of the weights of the scored forces): the five shares sum to the pressure; 0 when the force has no score or the pressure is undefined. */
    int dominant;          /**< Whether the force is among the dominant forces. */
    size_t rated;          /**< Number of rated drivers (any weight). */
    size_t unrated;        /**< Number of unrated drivers. */
} smb_force_score;

/**
 * @brief One driver's part in its force's score. Filled by the library
 *        only; borrowed from its result.
 */
typedef struct smb_driver_score {
    smb_force force;     /**< The driver's force. */
    const char *key;     /**< The driver's key. */
    const char *title;   /**< The driver's title. */
    size_t index;        /**< The driver's position in its force. */
    int rated;           /**< Whether the driver is rated. */
    double rating;       /**< The rating; 0 when unrated. */
    double weight;       /**< The driver's weight. */
    double contribution; /**< weight × (rating − 1) / (4 × sum of the weights of the force's rated drivers); the contributions of a force sum to its intensity. 0 when unrated or of weight 0. */
} smb_driver_score;

/** @brief Opaque scoring result: scores, bands, dominant forces, ranked drivers. */
typedef struct smb_forces_result smb_forces_result;

/**
 * @brief Score and explain an assessment.
 *
 * Succeeds even when nothing is rated: then every force lacks a score and
 * smb_forces_result_pressure() reports why.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_score(const smb_forces *forces, smb_forces_result **out);
/** @brief Destroy a result. Accepts NULL. */
SMB_API void smb_forces_result_free(smb_forces_result *result);
/** @brief The score of @p force, or NULL for an invalid force. */
SMB_API const smb_force_score *smb_forces_result_force(const smb_forces_result *result,
                                                       smb_force force);
/** @brief The competitive pressure. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (undefined; *out untouched). */
SMB_API smb_status smb_forces_result_pressure(const smb_forces_result *result, double *out);
/** @brief The attractiveness, 1 − pressure. Errors as smb_forces_result_pressure(). */
SMB_API smb_status smb_forces_result_attractiveness(const smb_forces_result *result,
                                                    double *out);
/**
 * @brief Number of dominant forces: the forces of positive weight with a
 *        score whose intensity is the highest (within 1e-12, so ties are all
 *        reported); 0 when no such force has a score.
 */
SMB_API size_t smb_forces_result_dominant_count(const smb_forces_result *result);
/** @brief Dominant force @p index, in force order; ::SMB_FORCE_NONE when out of range. */
SMB_API smb_force smb_forces_result_dominant_at(const smb_forces_result *result, size_t index);
/** @brief Number of rated drivers of @p force (any weight). */
SMB_API size_t smb_forces_result_contribution_count(const smb_forces_result *result,
                                                    smb_force force);
/**
 * @brief Rated driver @p index of @p force, by contribution, largest first
 *        (contributions equal to 12 decimal places keep driver order); NULL
 *        when out of range.
 */
SMB_API const smb_driver_score *smb_forces_result_contribution_at(const smb_forces_result *result,
                                                                  smb_force force, size_t index);
/** @brief Number of unrated drivers of @p force. */
SMB_API size_t smb_forces_result_unrated_count(const smb_forces_result *result,
                                               smb_force force);
/** @brief Unrated driver @p index of @p force, in driver order (rating and contribution 0); NULL when out of range. */
SMB_API const smb_driver_score *smb_forces_result_unrated_at(const smb_forces_result *result,
                                                             smb_force force, size_t index);
/** @} */

/** @name Sensitivity (tornado)
 * @{ */
/** @brief One bar of the tornado. Filled by the library only; borrowed from its tornado. */
typedef struct smb_driver_swing {
    smb_force force;         /**< The driver's force. */
    const char *key;         /**< The driver's key. */
    const char *title;       /**< The driver's title. */
    size_t index;            /**< The driver's position in its force. */
    double rating;           /**< Its current rating. */
    double at_min;           /**< Attractiveness with the driver rated 1, all else as it is. */
    double at_max;           /**< Attractiveness with the driver rated 5, all else as it is. */
    double swing;            /**< |at_max − at_min|. */
} smb_driver_swing;

/** @brief Opaque tornado: every rated driver's swing, largest first. */
typedef struct smb_forces_tornado smb_forces_tornado;

/**
 * @brief How much the attractiveness moves when each rated driver swings
 *        from 1 to 5, all else held as it is.
 *
 * Unrated drivers are left out: rating one would change which drivers the
 * score averages, which is a different question from how much a judgement
 * already made matters. Rated drivers of weight 0, or in a force of weight
 * 0, are listed with swing 0. Bars are sorted by swing, largest first;
 * swings equal to 12 decimal places keep force order, then driver order.
 * @return ::SMB_OK, ::SMB_EINVAL, ::SMB_ENOTFOUND (the attractiveness is
 *         undefined: see smb_forces_pressure()) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_sensitivity(const smb_forces *forces, smb_forces_tornado **out);
/** @brief Destroy a tornado. Accepts NULL. */
SMB_API void smb_forces_tornado_free(smb_forces_tornado *tornado);
/** @brief The attractiveness of the assessment as it is. */
SMB_API double smb_forces_tornado_attractiveness(const smb_forces_tornado *tornado);
/** @brief Number of bars (rated drivers). */
SMB_API size_t smb_forces_tornado_count(const smb_forces_tornado *tornado);
/** @brief Bar @p index, or NULL when out of range. */
SMB_API const smb_driver_swing *smb_forces_tornado_at(const smb_forces_tornado *tornado,
                                                      size_t index);
/** @} */

/** @name Comparison
 * @{ */
/** @brief Driver fields, as bit flags in smb_driver_delta::fields. */
enum smb_driver_field {
    SMB_DRIVER_FIELD_RATING = 1 << 0,     /**< rating (rated or not, or its value) */
    SMB_DRIVER_FIELD_WEIGHT = 1 << 1,     /**< weight */
    SMB_DRIVER_FIELD_CONFIDENCE = 1 << 2, /**< confidence (given or not, or its value) */
    SMB_DRIVER_FIELD_RATIONALE = 1 << 3,  /**< rationale */
    SMB_DRIVER_FIELD_TEXT = 1 << 4        /**< title or question (drivers the user added) */
};

/** @brief The key of one ::smb_driver_field flag ("rating", "weight", ...); NULL unless exactly one known bit is set. */
SMB_API const char *smb_driver_field_key(unsigned field);

/** @brief One driver in a comparison. Filled by the library only; borrowed from its comparison. */
typedef struct smb_driver_delta {
    smb_force force;      /**< The driver's force. */
    const char *key;      /**< The driver's key. */
    const char *title;    /**< Its title in the second assessment, or in the first when it is only there. */
    int in_before;        /**< Whether the first assessment has the driver. */
    int in_after;         /**< Whether the second assessment has the driver. */
    int rated_before;     /**< Whether it is rated in the first. */
    int rated_after;      /**< Whether it is rated in the second. */
    double rating_before; /**< Rating in the first; 0 when unrated or absent. */
    double rating_after;  /**< Rating in the second; 0 when unrated or absent. */
    double delta;         /**< rating_after − rating_before when rated in both; else 0. */
    double weight_before; /**< Weight in the first; 0 when absent. */
    double weight_after;  /**< Weight in the second; 0 when absent. */
    unsigned fields;      /**< When in both: the ::smb_driver_field bits that differ; else 0. */
} smb_driver_delta;

/** @brief One force in a comparison. Filled by the library only; borrowed from its comparison. */
typedef struct smb_force_delta {
    smb_force force;            /**< The force. */
    int has_before;             /**< Whether the force has a score in the first assessment. */
    int has_after;              /**< Whether it has a score in the second. */
    double score_before;        /**< Score in the first; 0 without one. */
    double score_after;         /**< Score in the second; 0 without one. */
    double score_delta;         /**< score_after − score_before when both exist; else 0. */
    double intensity_delta;     /**< The same for the intensity (score_delta / 4). */
    smb_force_band band_before; /**< Band in the first; ::SMB_FORCE_BAND_NONE without a score. */
    smb_force_band band_after;  /**< Band in the second; ::SMB_FORCE_BAND_NONE without a score. */
    double weight_before;       /**< The force's weight in the first. */
    double weight_after;        /**< The force's weight in the second. */
} smb_force_delta;

/** @brief Opaque comparison of two assessments. */
typedef struct smb_forces_comparison smb_forces_comparison;

/**
 * @brief Compare two assessments (this year against last, one industry
 *        against the next), matching drivers by force and key.
 *
 * Drivers come force by force: those of @p before in its order, then those
 * only in @p after in its order.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_compare(const smb_forces *before, const smb_forces *after,
                                      smb_forces_comparison **out);
/** @brief Destroy a comparison. Accepts NULL. */
SMB_API void smb_forces_comparison_free(smb_forces_comparison *comparison);
/** @brief Number of drivers compared (the union of both assessments). */
SMB_API size_t smb_forces_comparison_driver_count(const smb_forces_comparison *comparison);
/** @brief Driver @p index, or NULL when out of range. */
SMB_API const smb_driver_delta *smb_forces_comparison_driver_at(
    const smb_forces_comparison *comparison, size_t index);
/** @brief Number of drivers that differ (present in one only, or any field differs). */
SMB_API size_t smb_forces_comparison_changed_count(const smb_forces_comparison *comparison);
/** @brief The comparison of @p force, or NULL for an invalid force. */
SMB_API const smb_force_delta *smb_forces_comparison_force(
    const smb_forces_comparison *comparison, smb_force force);
/**
 * @brief The competitive pressure before and after, and after − before.
 *        Any out pointer may be NULL.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (undefined in either
 *         assessment, which the message names; outputs untouched).
 */
SMB_API smb_status smb_forces_comparison_pressure(const smb_forces_comparison *comparison,
                                                  double *before, double *after,
                                                  double *delta);
/** @brief The attractiveness before and after, and after − before. Errors as smb_forces_comparison_pressure(). */
SMB_API smb_status smb_forces_comparison_attractiveness(const smb_forces_comparison *comparison,
                                                        double *before, double *after,
                                                        double *delta);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_FORCES_H */
