/* SPDX-License-Identifier: MIT */
/**
 * @file response.h
 * @brief Responses to disruption: candidate actions with their cost, time
 *        and effects on the scenarios, the residual exposure a chosen set
 *        leaves, a multi-criteria ranking, and the best portfolio under a
 *        budget.
 *
 * A set of responses (::smb_responses) owns its responses, in the order they
 * were added. A response has an id (canvas id syntax, unique in the set), a
 * title, an optional description, a kind (the families of typical responses
 * the sources name), a cost, the months it takes to implement, its effects
 * on scenarios (by scenario id: how much it cuts the likelihood and the
 * impact), the maturity it adds to each resilience capability, and ratings
 * on the four idea-selection criteria (feasibility, viability, desirability,
 * strategic alignment). The set also holds the criteria of the ranking —
 * seven built in, plus the user's own — and their weights.
 *
 * Effects name scenarios by id and are checked against a scenario set only
 * when responses are evaluated (residual exposure, ranking, portfolio):
 * responses and scenarios are edited independently, and a response may be
 * drafted before its scenario. An effect on an id the scenario set lacks is
 * then ::SMB_ENOTFOUND naming both ids.
 *
 * Responses reduce threats: exposures are those of scenario.h
 * (smb_scenarios_what_if()), summed over the threats; opportunities take no
 * part. Responses are read through borrowed `const smb_response *` handles
 * that stay valid until the set is next modified or freed. Every mutation
 * goes through the set, by response id, and is all-or-nothing. Evaluation
 * never modifies the set, the scenarios or the profile and keeps no cache,
 * so any number of threads may evaluate one set at once while no thread
 * modifies it. Results own copies of the strings they hold and outlive the
 * objects they were computed from.
 *
 * Every formula is in docs/methodology.md, section "Responses and decisions".
 */
#ifndef SMBSTRAT_RESPONSE_H
#define SMBSTRAT_RESPONSE_H

#include <stddef.h>

#include "common.h"
#include "mcda.h"
#include "resilience.h"
#include "scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Enumerations
 * @{ */

/** @brief The family of a response, from the typical responses the sources name. */
typedef enum smb_response_kind {
    SMB_RESPONSE_KIND_NONE = -1,          /**< No kind (an out-of-range answer). */
    SMB_RESPONSE_DIGITAL_CHANNEL = 0,     /**< "digital_channel": online store, e-commerce integration, mobile app. */
    SMB_RESPONSE_AUTOMATION = 1,          /**< "automation": RPA, marketing automation, CRM, inventory, chatbots and AI service. */
    SMB_RESPONSE_PERSONALISATION = 2,     /**< "personalisation": recommendations, loyalty programmes, community events. */
    SMB_RESPONSE_BUSINESS_MODEL = 3,      /**< "business_model": subscription, platform, servitization, freemium. */
    SMB_RESPONSE_PARTNERSHIP = 4,         /**< "partnership": suppliers, technology providers, local networks. */
    SMB_RESPONSE_CAPABILITY_BUILDING = 5, /**< "capability_building": training, analytics, cybersecurity, contingency plans, buffers, supplier diversification. */
    SMB_RESPONSE_KIND_COUNT = 6           /**< Number of kinds. */
} smb_response_kind;

/** @brief The sources' four criteria for selecting ideas, each rated 1–5 per response. */
typedef enum smb_idea_criterion {
    SMB_IDEA_NONE = -1,               /**< No criterion (an out-of-range answer). */
    SMB_IDEA_FEASIBILITY = 0,         /**< "feasibility": technical, financial and operational. */
    SMB_IDEA_VIABILITY = 1,           /**< "viability": commercial value. */
    SMB_IDEA_DESIRABILITY = 2,        /**< "desirability": meets a real customer need. */
    SMB_IDEA_STRATEGIC_ALIGNMENT = 3, /**< "strategic_alignment": fits the firm's strategy. */
    SMB_IDEA_COUNT = 4                /**< Number of idea criteria. */
} smb_idea_criterion;

/** @brief How responses are ranked. */
typedef enum smb_rank_method {
    SMB_RANK_NONE = -1,         /**< No method (an out-of-range answer). */
    SMB_RANK_WEIGHTED_SUM = 0,  /**< "weighted_sum": smb_mcda_weighted_sum(). */
    SMB_RANK_TOPSIS = 1,        /**< "topsis": smb_mcda_topsis(). */
    SMB_RANK_METHOD_COUNT = 2   /**< Number of methods. */
} smb_rank_method;

/** @brief How a portfolio was chosen. */
typedef enum smb_plan_method {
    SMB_PLAN_NONE = -1,     /**< No method (an out-of-range answer). */
    SMB_PLAN_EXACT = 0,     /**< "exact": branch and bound; no other affordable set leaves less exposure. */
    SMB_PLAN_GREEDY = 1,    /**< "greedy": the heuristic used above ::SMB_PLAN_EXACT_MAX candidates. */
    SMB_PLAN_METHOD_COUNT = 2 /**< Number of methods. */
} smb_plan_method;

/** @brief "digital_channel" for ::SMB_RESPONSE_DIGITAL_CHANNEL; NULL if out of range. */
SMB_API const char *smb_response_kind_key(smb_response_kind kind);
/** @brief "Digital channel" for ::SMB_RESPONSE_DIGITAL_CHANNEL; NULL if out of range. */
SMB_API const char *smb_response_kind_title(smb_response_kind kind);
/** @brief Look a kind up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND (*out untouched). */
SMB_API smb_status smb_response_kind_from_key(const char *key, smb_response_kind *out);
/** @brief "strategic_alignment" for ::SMB_IDEA_STRATEGIC_ALIGNMENT; NULL if out of range. */
SMB_API const char *smb_idea_criterion_key(smb_idea_criterion criterion);
/** @brief Look an idea criterion up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_idea_criterion_from_key(const char *key, smb_idea_criterion *out);
/** @brief "weighted_sum" or "topsis"; NULL if out of range. */
SMB_API const char *smb_rank_method_key(smb_rank_method method);
/** @brief Look a ranking method up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_rank_method_from_key(const char *key, smb_rank_method *out);
/** @brief "exact" or "greedy"; NULL if out of range. */
SMB_API const char *smb_plan_method_key(smb_plan_method method);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Limits and defaults
 * Past the limits, calls fail with ::SMB_ERANGE or ::SMB_ELIMIT and name the
 * field.
 * @{ */
/** Most responses in one set. */
#define SMB_MAX_RESPONSES 1000
/** Most scenarios one response may have an effect on. */
#define SMB_MAX_RESPONSE_EFFECTS 1024
/** Most criteria of the user's own in one set (the seven built-in ones not counted). */
#define SMB_MAX_CUSTOM_CRITERIA 32
/** Longest time to implement, in months (a century). */
#define SMB_RESPONSE_MAX_MONTHS 1200.0
/** Lowest rating on an idea criterion. */
#define SMB_IDEA_RATING_MIN 1.0
/** Highest rating on an idea criterion. */
#define SMB_IDEA_RATING_MAX 5.0
/** Rating of a new response on every idea criterion: neutral until rated. */
#define SMB_IDEA_RATING_DEFAULT 3.0
/** Number of built-in ranking criteria (exposure reduction, cost, months and the four idea criteria). */
#define SMB_BUILTIN_CRITERIA 7
/** Most candidates for which the portfolio is exact; above, the greedy heuristic is used. */
#define SMB_PLAN_EXACT_MAX 30
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Sets of responses
 * @{ */
/** @brief Opaque set of responses. */
typedef struct smb_responses smb_responses;
/** @brief Opaque response, borrowed from its set. */
typedef struct smb_response smb_response;

/** @brief An effect of a response on one scenario. Filled by the library only; borrowed from the response. */
typedef struct smb_response_effect {
    const char *scenario;        /**< The scenario's id. */
    double likelihood_reduction; /**< Share of the likelihood removed, 0 to 1: p' = p·(1 − r). */
    double impact_reduction;     /**< Share of the impact removed, 0 to 1. */
} smb_response_effect;

/**
 * @brief Create an empty set holding the seven built-in criteria, each of
 *        weight 1, and no criterion of the user's own.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_new(smb_responses **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_responses_copy(const smb_responses *set, smb_responses **out);
/** @brief Destroy a set and its responses. Accepts NULL. */
SMB_API void smb_responses_free(smb_responses *set);
/**
 * @brief Whether two sets hold the same criteria (keys, titles, directions,
 *        weights, in order) and the same responses in the same order, every
 *        field equal (effects in order). Two NULLs are equal; NULL and a set
 *        are not.
 */
SMB_API int smb_responses_equal(const smb_responses *a, const smb_responses *b);

/**
 * @brief Append a response.
 *
 * The new response has no description, every idea rating at
 * ::SMB_IDEA_RATING_DEFAULT, no effect, no capability gain and no value on
 * the user's criteria.
 * @param set    the set to add to, at its end
 * @param id     unique in the set; 1 to ::SMB_MAX_ID_LENGTH bytes of ASCII
 *               letters, digits, '_', '-' and '.'
 * @param title  non-empty valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH bytes
 * @param kind   the response's family
 * @param cost   finite, 0 to ::SMB_MAX_AMOUNT (money, in the unit of the budget)
 * @param months time to implement, finite, 0 to ::SMB_RESPONSE_MAX_MONTHS
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, bad id, empty or invalid title,
 *         invalid kind), ::SMB_ERANGE (cost, months), ::SMB_EEXIST (id
 *         taken), ::SMB_ELIMIT (::SMB_MAX_RESPONSES, title too long) or
 *         ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_add(smb_responses *set, const char *id, const char *title,
                                     smb_response_kind kind, double cost, double months);
/** @brief Remove a response. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_responses_remove(smb_responses *set, const char *id);
/** @brief Number of responses (0 for NULL). */
SMB_API size_t smb_responses_count(const smb_responses *set);
/** @brief Response @p index, in the order added, or NULL when out of range. */
SMB_API const smb_response *smb_responses_at(const smb_responses *set, size_t index);
/** @brief The response with this id, or NULL (no error is recorded). */
SMB_API const smb_response *smb_responses_find(const smb_responses *set, const char *id);
/**
 * @brief The response with this id.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (with the id in the message).
 */
SMB_API smb_status smb_responses_get(const smb_responses *set, const char *id,
                                     const smb_response **out);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Response accessors
 * Borrowed pointers are valid until the set is next modified or freed.
 * @{ */
/** @brief The response's id. */
SMB_API const char *smb_response_id(const smb_response *response);
/** @brief The response's position in its set. */
SMB_API size_t smb_response_index(const smb_response *response);
/** @brief The title. */
SMB_API const char *smb_response_title(const smb_response *response);
/** @brief The description, or NULL when none. */
SMB_API const char *smb_response_description(const smb_response *response);
/** @brief The family. */
SMB_API smb_response_kind smb_response_kind_of(const smb_response *response);
/** @brief The cost. */
SMB_API double smb_response_cost(const smb_response *response);
/** @brief The months to implement. */
SMB_API double smb_response_months(const smb_response *response);
/** @brief The rating on an idea criterion, 1 to 5; 0 for an invalid criterion. */
SMB_API double smb_response_rating(const smb_response *response, smb_idea_criterion criterion);
/** @brief The maturity the response adds to @p capability, 0 to 5; 0 for an invalid capability. */
SMB_API double smb_response_gain(const smb_response *response, smb_capability capability);
/** @brief Number of effects. */
SMB_API size_t smb_response_effect_count(const smb_response *response);
/** @brief Effect @p index, in the order first set, or NULL when out of range. */
SMB_API const smb_response_effect *smb_response_effect_at(const smb_response *response,
                                                          size_t index);
/** @brief The effect on the scenario with this id, or NULL. */
SMB_API const smb_response_effect *smb_response_find_effect(const smb_response *response,
                                                            const char *scenario);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Updating responses
 * Each call changes one field of the response with the given id, or
 * nothing. All return ::SMB_EINVAL for NULL arguments and ::SMB_ENOTFOUND
 * for an unknown id; messages name the response and the field, e.g.
 * "response 'web-shop' cost: ...".
 * @{ */
/** @brief Replace the title (non-empty UTF-8). Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_responses_set_title(smb_responses *set, const char *id, const char *title);
/** @brief Replace the description; NULL or "" removes it. Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_responses_set_description(smb_responses *set, const char *id,
                                                 const char *description);
/** @brief Set the family. ::SMB_EINVAL for an invalid kind. */
SMB_API smb_status smb_responses_set_kind(smb_responses *set, const char *id,
                                          smb_response_kind kind);
/** @brief Set the cost. Also ::SMB_ERANGE unless finite and 0 to ::SMB_MAX_AMOUNT. */
SMB_API smb_status smb_responses_set_cost(smb_responses *set, const char *id, double cost);
/** @brief Set the months to implement. Also ::SMB_ERANGE unless finite and 0 to ::SMB_RESPONSE_MAX_MONTHS. */
SMB_API smb_status smb_responses_set_months(smb_responses *set, const char *id, double months);
/**
 * @brief Rate the response on an idea criterion.
 * @return also ::SMB_EINVAL (invalid criterion) or ::SMB_ERANGE (NaN,
 *         infinite, outside ::SMB_IDEA_RATING_MIN .. ::SMB_IDEA_RATING_MAX).
 */
SMB_API smb_status smb_responses_set_rating(smb_responses *set, const char *id,
                                            smb_idea_criterion criterion, double rating);
/**
 * @brief Set the maturity the response adds to a capability (0 removes the gain).
 * @return also ::SMB_EINVAL (invalid capability) or ::SMB_ERANGE (NaN,
 *         infinite, outside 0 .. ::SMB_MATURITY_MAX).
 */
SMB_API smb_status smb_responses_set_gain(smb_responses *set, const char *id,
                                          smb_capability capability, double gain);
/**
 * @brief Set the response's effect on a scenario, adding it after the
 *        others or replacing the one on that scenario.
 * @param set                  the set
 * @param id                   the response
 * @param scenario             the scenario's id (id syntax); whether it
 *                             exists is checked when responses are evaluated
 * @param likelihood_reduction 0 to 1: the likelihood becomes p·(1 − r)
 * @param impact_reduction     0 to 1: the impact becomes i·(1 − r)
 * @return also ::SMB_EINVAL (bad scenario id), ::SMB_ERANGE (a reduction
 *         NaN, infinite or outside 0..1), ::SMB_ELIMIT
 *         (::SMB_MAX_RESPONSE_EFFECTS) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_set_effect(smb_responses *set, const char *id,
                                            const char *scenario, double likelihood_reduction,
                                            double impact_reduction);
/** @brief Remove the effect on a scenario. Also ::SMB_ENOTFOUND (no effect on it). */
SMB_API smb_status smb_responses_remove_effect(smb_responses *set, const char *id,
                                               const char *scenario);
/**
 * @brief The response's value on a criterion of the user's own.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, or a built-in criterion: use its own
 *         accessor) or ::SMB_ENOTFOUND (no such response or criterion, or no
 *         value given; *out untouched).
 */
SMB_API smb_status smb_responses_value(const smb_responses *set, const char *id,
                                       const char *criterion, double *out);
/**
 * @brief Give the response a value on a criterion of the user's own.
 * @return also ::SMB_EINVAL (a built-in criterion), ::SMB_ENOTFOUND (no such
 *         criterion) or ::SMB_ERANGE (NaN, infinite, outside 0 ..
 *         ::SMB_MCDA_MAX_VALUE).
 */
SMB_API smb_status smb_responses_set_value(smb_responses *set, const char *id,
                                           const char *criterion, double value);
/** @brief Remove the response's value on a criterion of the user's own. Errors as smb_responses_set_value(). */
SMB_API smb_status smb_responses_clear_value(smb_responses *set, const char *id,
                                             const char *criterion);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Ranking criteria
 * The seven built-in criteria come first, in this order: "exposure_reduction"
 * (benefit), "cost" (cost), "months" (cost), "feasibility",
 * "viability", "desirability", "strategic_alignment" (benefits); then the
 * user's own, in the order added. Every criterion has a weight, 1 by
 * default; a weight of 0 leaves it out of the ranking; at least one keeps a
 * positive weight.
 * @{ */
/** @brief Number of criteria (built-in and the user's own; 0 for NULL). */
SMB_API size_t smb_responses_criterion_count(const smb_responses *set);
/** @brief The key of criterion @p index, or NULL when out of range. */
SMB_API const char *smb_responses_criterion_key(const smb_responses *set, size_t index);
/** @brief The title of criterion @p index, or NULL when out of range. */
SMB_API const char *smb_responses_criterion_title(const smb_responses *set, size_t index);
/** @brief The direction of criterion @p index; ::SMB_CRITERION_DIRECTION_NONE when out of range. */
SMB_API smb_criterion_direction smb_responses_criterion_direction(const smb_responses *set,
                                                                  size_t index);
/** @brief The weight of criterion @p index; 0 when out of range. */
SMB_API double smb_responses_criterion_weight(const smb_responses *set, size_t index);
/** @brief Whether criterion @p index is the user's own (0 for built-in ones and out of range). */
SMB_API int smb_responses_criterion_is_custom(const smb_responses *set, size_t index);
/**
 * @brief The position of the criterion with this key.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (*out untouched).
 */
SMB_API smb_status smb_responses_find_criterion(const smb_responses *set, const char *key,
                                                size_t *out);
/**
 * @brief Add a criterion of the user's own, of weight 1, after the others.
 *        Every response must be given a value on it (smb_responses_set_value())
 *        before the set can be ranked.
 * @param set       the set
 * @param key       id syntax, unique among the criteria (built-in keys included)
 * @param title     non-empty valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH bytes
 * @param direction whether more is better (benefit) or worse (cost)
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, bad key, empty or invalid title,
 *         invalid direction), ::SMB_EEXIST (key taken), ::SMB_ELIMIT
 *         (::SMB_MAX_CUSTOM_CRITERIA, title too long) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_add_criterion(smb_responses *set, const char *key,
                                               const char *title,
                                               smb_criterion_direction direction);
/**
 * @brief Remove a criterion of the user's own, and every response's value on it.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, a built-in criterion, or the last
 *         criterion of positive weight) or ::SMB_ENOTFOUND.
 */
SMB_API smb_status smb_responses_remove_criterion(smb_responses *set, const char *key);
/**
 * @brief Set a criterion's weight.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL), ::SMB_ENOTFOUND (no such
 *         criterion) or ::SMB_ERANGE (NaN, infinite, negative, above
 *         ::SMB_MCDA_MAX_WEIGHT, or 0 for the last criterion of positive weight).
 */
SMB_API smb_status smb_responses_set_criterion_weight(smb_responses *set, const char *key,
                                                      double weight);
/**
 * @brief Set the criteria weights from an AHP pairwise-comparison matrix
 *        (smb_ahp_weights()).
 *
 * The criteria named in @p keys get the AHP weights, in that order; every
 * other criterion gets weight 0 (it was not compared, so it does not
 * count). An inconsistent matrix (CR above ::SMB_AHP_CR_THRESHOLD) is
 * applied all the same and reported in @p consistency, so that the analyst
 * sees it and can revise the judgements.
 * @param set         the set
 * @param keys        @p n distinct criterion keys
 * @param n           1 to ::SMB_AHP_MAX_SIZE
 * @param matrix      n × n, row-major, row i and column i for keys[i]
 * @param consistency receives λmax, CI, RI and CR; may be NULL
 * @return ::SMB_OK; ::SMB_EINVAL (NULL, n = 0, a key listed twice, or the
 *         matrix errors of smb_ahp_weights()); ::SMB_ENOTFOUND (unknown
 *         key); ::SMB_ERANGE or ::SMB_ELIMIT as smb_ahp_weights(). On failure
 *         the weights and @p consistency are untouched.
 */
SMB_API smb_status smb_responses_set_ahp_weights(smb_responses *set, const char *const *keys,
                                                 size_t n, const double *matrix,
                                                 smb_ahp_consistency *consistency);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Residual exposure
 * @{ */
/** @brief One threat before and after a set of responses. Filled by the library only; borrowed from its result. */
typedef struct smb_residual_scenario {
    const char *id;           /**< The scenario's id. */
    size_t index;             /**< Its position in the scenario set. */
    double likelihood_factor; /**< Π(1 − likelihood_reduction) over the responses' effects on it. */
    double impact_factor;     /**< Π(1 − impact_reduction) over the responses' effects on it. */
    double base;              /**< Its exposure without the responses. */
    double residual;          /**< Its exposure with them (likelihood, impact and capabilities changed). */
} smb_residual_scenario;

/** @brief Opaque residual exposure of a set of responses. */
typedef struct smb_residual smb_residual;

/**
 * @brief The threat exposure left after implementing some responses.
 *
 * Each threat's likelihood is multiplied by Π(1 − rₗ) and its impact by
 * Π(1 − rᵢ) over the chosen responses' effects on it; each capability's
 * maturity is raised by the sum of their gains (capped at 5); the exposure
 * is then computed by smb_scenarios_what_if(). Opportunities take no part.
 * @param set        the responses
 * @param scenarios  the scenarios their effects refer to
 * @param resilience the profile; NULL counts every maturity as 0
 * @param ids        the chosen responses' ids; NULL when @p count is 0
 * @param count      how many are chosen (0: the exposure as it is)
 * @param out        the result, to release with smb_residual_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL; an id listed twice; an effect on an
 *         opportunity — responses reduce threats), ::SMB_ENOTFOUND (no such
 *         response; an effect of any response of the set on a scenario id
 *         that @p scenarios lacks — both ids in the message) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_residual(const smb_responses *set,
                                          const smb_scenarios *scenarios,
                                          const smb_resilience *resilience,
                                          const char *const *ids, size_t count,
                                          smb_residual **out);
/** @brief Destroy a result. Accepts NULL. */
SMB_API void smb_residual_free(smb_residual *residual);
/** @brief Total threat exposure without the responses. */
SMB_API double smb_residual_base(const smb_residual *residual);
/** @brief Total threat exposure with them. */
SMB_API double smb_residual_total(const smb_residual *residual);
/** @brief base − total, 0 or more. */
SMB_API double smb_residual_reduction(const smb_residual *residual);
/** @brief Total cost of the chosen responses. */
SMB_API double smb_residual_cost(const smb_residual *residual);
/** @brief The maturity the chosen responses add to @p capability, capped at 5; 0 for an invalid capability. */
SMB_API double smb_residual_gain(const smb_residual *residual, smb_capability capability);
/** @brief Number of threats (scenarios of direction threat), in set order. */
SMB_API size_t smb_residual_scenario_count(const smb_residual *residual);
/** @brief Threat @p index, or NULL when out of range. */
SMB_API const smb_residual_scenario *smb_residual_scenario_at(const smb_residual *residual,
                                                              size_t index);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Ranking
 * @{ */
/** @brief One ranked response. Filled by the library only; borrowed from its ranking. */
typedef struct smb_response_rank {
    const char *id;            /**< The response's id. */
    const char *title;         /**< Its title. */
    size_t index;              /**< Its position in the set. */
    double exposure_reduction; /**< The threat exposure it removes on its own. */
    double score;              /**< Its score, 0 (worst) to 1 (best). */
    size_t rank;               /**< 1-based rank, best first. */
} smb_response_rank;

/** @brief Opaque ranking of responses. */
typedef struct smb_response_ranking smb_response_ranking;

/**
 * @brief Rank the responses on every criterion of the set, by weight.
 *
 * The decision table has one row per response and one column per
 * criterion: the exposure the response removes on its own, its cost, its
 * months, its four idea ratings and its values on the user's criteria.
 * Scores within 12 decimal places keep set order.
 * @param set        the responses (an empty set gives an empty ranking)
 * @param scenarios  the scenarios their effects refer to
 * @param resilience the profile; NULL counts every maturity as 0
 * @param method     weighted sum or TOPSIS
 * @param out        the ranking, to release with smb_response_ranking_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, invalid method, an effect on an
 *         opportunity), ::SMB_ENOTFOUND (an effect on an unknown scenario,
 *         or a response without a value on a criterion of the user's own:
 *         both named) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_rank(const smb_responses *set, const smb_scenarios *scenarios,
                                      const smb_resilience *resilience, smb_rank_method method,
                                      smb_response_ranking **out);
/** @brief Destroy a ranking. Accepts NULL. */
SMB_API void smb_response_ranking_free(smb_response_ranking *ranking);
/** @brief The method used. */
SMB_API smb_rank_method smb_response_ranking_method(const smb_response_ranking *ranking);
/** @brief Number of responses ranked. */
SMB_API size_t smb_response_ranking_count(const smb_response_ranking *ranking);
/** @brief Response @p index in set order, or NULL when out of range. */
SMB_API const smb_response_rank *smb_response_ranking_at(const smb_response_ranking *ranking,
                                                         size_t index);
/** @brief The response at rank @p index + 1 (best first), or NULL when out of range. */
SMB_API const smb_response_rank *smb_response_ranking_ranked_at(
    const smb_response_ranking *ranking, size_t index);
/** @brief Number of criteria (columns). */
SMB_API size_t smb_response_ranking_criterion_count(const smb_response_ranking *ranking);
/** @brief The key of criterion @p index, or NULL when out of range. */
SMB_API const char *smb_response_ranking_criterion_key(const smb_response_ranking *ranking,
                                                       size_t index);
/** @brief The weight of criterion @p index, normalised so that the weights sum to 1; 0 when out of range. */
SMB_API double smb_response_ranking_criterion_weight(const smb_response_ranking *ranking,
                                                     size_t index);
/** @brief The direction of criterion @p index; ::SMB_CRITERION_DIRECTION_NONE when out of range. */
SMB_API smb_criterion_direction smb_response_ranking_criterion_direction(
    const smb_response_ranking *ranking, size_t index);
/** @brief The value of response @p response (set order) on criterion @p criterion; 0 when out of range. */
SMB_API double smb_response_ranking_value(const smb_response_ranking *ranking, size_t response,
                                          size_t criterion);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Budgeted portfolio
 * @{ */
/** @brief One chosen response. Filled by the library only; borrowed from its portfolio. */
typedef struct smb_portfolio_item {
    const char *id;     /**< The response's id. */
    const char *title;  /**< Its title. */
    size_t index;       /**< Its position in the set. */
    double cost;        /**< Its cost. */
    double months;      /**< Its months to implement. */
    double standalone;  /**< The exposure it removes on its own. */
    double incremental; /**< What it removes on top of the items listed before it; the increments sum to the portfolio's reduction. */
    double marginal;    /**< What the portfolio would lose without it: reduction − reduction without this item. */
} smb_portfolio_item;

/** @brief Opaque portfolio. */
typedef struct smb_portfolio smb_portfolio;

/**
 * @brief Choose the responses that leave the least total threat exposure
 *        for a total cost within @p budget.
 *
 * The candidates are the responses that cost no more than the budget and
 * remove some exposure on their own (no other response can help a
 * portfolio: see docs/methodology.md). Up to ::SMB_PLAN_EXACT_MAX
 * candidates, the choice is exact (branch and bound): no affordable set
 * leaves less exposure (to 12 significant digits of the exposure without
 * responses). Above, a greedy heuristic chooses, whose reduction is at
 * least ½(1 − 1/e) ≈ 0.316 of the best possible. Either way the portfolio
 * is minimal: leaving out any of its responses would leave more exposure.
 * Where several sets leave the same exposure, the choice is deterministic
 * but need not be the cheapest of them.
 *
 * The exact search takes milliseconds when each response addresses a few
 * scenarios; its worst case grows exponentially with the candidates, and
 * dense inputs (30 candidates each touching most threats, half of them
 * affordable together) can take seconds.
 *
 * Items are listed by what they add, largest first: each item's increment
 * is what it removes on top of the items before it.
 * @param set        the responses
 * @param scenarios  the scenarios their effects refer to
 * @param resilience the profile; NULL counts every maturity as 0
 * @param budget     finite, 0 to ::SMB_MAX_AMOUNT; a total cost above it by
 *                   rounding only (12 significant digits) counts as within
 * @param out        the portfolio, to release with smb_portfolio_free()
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, an effect on an opportunity),
 *         ::SMB_ERANGE (budget NaN, infinite, negative or too large),
 *         ::SMB_ENOTFOUND (an effect on an unknown scenario: both ids named)
 *         or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_responses_plan(const smb_responses *set, const smb_scenarios *scenarios,
                                      const smb_resilience *resilience, double budget,
                                      smb_portfolio **out);
/** @brief Destroy a portfolio. Accepts NULL. */
SMB_API void smb_portfolio_free(smb_portfolio *portfolio);
/** @brief How the portfolio was chosen. */
SMB_API smb_plan_method smb_portfolio_method(const smb_portfolio *portfolio);
/** @brief The budget it was chosen for. */
SMB_API double smb_portfolio_budget(const smb_portfolio *portfolio);
/** @brief Number of candidates considered (affordable responses that remove some exposure). */
SMB_API size_t smb_portfolio_candidate_count(const smb_portfolio *portfolio);
/** @brief Total cost of the chosen responses. */
SMB_API double smb_portfolio_cost(const smb_portfolio *portfolio);
/** @brief Total threat exposure without any response. */
SMB_API double smb_portfolio_base(const smb_portfolio *portfolio);
/** @brief Total threat exposure with the chosen responses. */
SMB_API double smb_portfolio_residual(const smb_portfolio *portfolio);
/** @brief base − residual. */
SMB_API double smb_portfolio_reduction(const smb_portfolio *portfolio);
/** @brief Number of chosen responses. */
SMB_API size_t smb_portfolio_count(const smb_portfolio *portfolio);
/** @brief Chosen response @p index (largest increment first), or NULL when out of range. */
SMB_API const smb_portfolio_item *smb_portfolio_at(const smb_portfolio *portfolio, size_t index);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_RESPONSE_H */
