/* SPDX-License-Identifier: MIT */
/**
 * @file mcda.h
 * @brief Multi-criteria decision tools over plain arrays: criteria weights
 *        from an AHP pairwise-comparison matrix (with its consistency
 *        ratio), the weighted sum of min–max normalised values, and TOPSIS.
 *
 * These functions know nothing of canvases, scenarios or responses: they
 * take numbers and give numbers, so that an analyst can use them on any
 * decision table. The response ranking of response.h is built on them.
 *
 * Matrices are arrays of doubles in row-major order: the value of
 * alternative @c i on criterion @c j of an @c m × @c k decision table is
 * <tt>values[i * k + j]</tt>, and entry (i, j) of an @c n × @c n pairwise
 * matrix is <tt>matrix[i * n + j]</tt>. The caller provides the output
 * arrays; they must not overlap the inputs. Every input is checked before
 * anything is written: on failure the outputs are untouched and the message
 * names the offending cell, e.g. "matrix[0][2]: ...".
 *
 * None of these functions keeps state; all may be called from any number of
 * threads at once.
 *
 * Every formula is in docs/methodology.md, section "Responses and decisions".
 */
#ifndef SMBSTRAT_MCDA_H
#define SMBSTRAT_MCDA_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Whether more or less of a criterion is better. */
typedef enum smb_criterion_direction {
    SMB_CRITERION_DIRECTION_NONE = -1, /**< No direction (an out-of-range answer). */
    SMB_CRITERION_BENEFIT = 0, /**< "benefit": the more, the better (e.g. exposure reduction). */
    SMB_CRITERION_COST = 1,    /**< "cost": the less, the better (e.g. money, months). */
    SMB_CRITERION_DIRECTION_COUNT = 2 /**< Number of directions. */
} smb_criterion_direction;

/** @name Limits and constants
 * Past the limits, calls fail with ::SMB_ELIMIT or ::SMB_ERANGE and say
 * which limit was reached.
 * @{ */
/** Largest AHP matrix: Saaty's table of random indices ends at 15 criteria. */
#define SMB_AHP_MAX_SIZE 15
/** Largest entry of an AHP matrix; the smallest is its reciprocal. Saaty's scale uses 1/9 to 9. */
#define SMB_AHP_MAX_RATIO 1e6
/** Relative tolerance of the reciprocity check: |a_ij · a_ji − 1| and |a_ii − 1| at most this. */
#define SMB_AHP_RECIPROCAL_TOLERANCE 1e-9
/** The power iteration stops when no weight moves by more than this between two steps. */
#define SMB_AHP_CONVERGENCE 1e-12
/** Most steps of the power iteration before it gives up with ::SMB_ELIMIT. */
#define SMB_AHP_MAX_ITERATIONS 100000
/** A consistency ratio above this marks the judgements inconsistent (Saaty). */
#define SMB_AHP_CR_THRESHOLD 0.10
/** Most criteria of a decision table. */
#define SMB_MCDA_MAX_CRITERIA 256
/** Most alternatives of a decision table. */
#define SMB_MCDA_MAX_ALTERNATIVES 1000000
/** Largest absolute value in a decision table, so that sums of squares stay finite and exact enough. */
#define SMB_MCDA_MAX_VALUE 1e15
/** Largest criterion weight (weights are normalised to sum 1 before use). */
#define SMB_MCDA_MAX_WEIGHT 1e6
/** Scores are compared on a grid of this step (12 decimal places): equal there, they keep input order. */
#define SMB_MCDA_TIE 1e-12
/** @} */

/** @name Directions
 * @{ */
/** @brief "benefit" or "cost"; NULL if out of range. */
SMB_API const char *smb_criterion_direction_key(smb_criterion_direction direction);
/** @brief Look a direction up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_criterion_direction_from_key(const char *key,
                                                    smb_criterion_direction *out);
/** @} */

/** @name Analytic hierarchy process (Saaty)
 * @{ */

/** @brief How consistent the judgements of a pairwise matrix are. Filled by the library only. */
typedef struct smb_ahp_consistency {
    size_t size;        /**< n, the number of criteria compared. */
    double lambda_max;  /**< The principal eigenvalue λmax (n for perfectly consistent judgements). */
    double ci;          /**< Consistency index (λmax − n)/(n − 1); 0 when n = 1. */
    double ri;          /**< Saaty's random index for n (smb_ahp_random_index()). */
    double cr;          /**< Consistency ratio CI/RI; 0 when n ≤ 2 (RI = 0: always consistent). */
    int consistent;     /**< 1 when cr ≤ ::SMB_AHP_CR_THRESHOLD, 0 when the judgements should be revised. */
    unsigned iterations; /**< Steps the power iteration took. */
} smb_ahp_consistency;

/**
 * @brief Saaty's random index: the mean consistency index of random
 *        reciprocal matrices of size @p n.
 *
 * n = 1..15: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51,
 * 1.48, 1.56, 1.57, 1.59 (Saaty 1980; Saaty & Vargas 2012).
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ERANGE (n outside
 *         1..::SMB_AHP_MAX_SIZE; *out untouched).
 */
SMB_API smb_status smb_ahp_random_index(size_t n, double *out);

/**
 * @brief Criteria weights from a pairwise-comparison matrix: its principal
 *        eigenvector, normalised to sum 1, with λmax, CI and CR.
 *
 * Entry (i, j) says how many times more important criterion i is than
 * criterion j (Saaty's scale: 1 equal, 3 moderately, 5 strongly, 7 very
 * strongly, 9 extremely more important; 2, 4, 6, 8 between). The matrix must
 * be reciprocal: a_ii = 1 and a_ji = 1/a_ij, each within
 * ::SMB_AHP_RECIPROCAL_TOLERANCE relative. The eigenvector is found by power
 * iteration from the uniform vector until no weight moves by more than
 * ::SMB_AHP_CONVERGENCE.
 *
 * An inconsistent matrix (CR above ::SMB_AHP_CR_THRESHOLD) is not an error:
 * the weights are computed and @c consistent is 0, so that the caller can
 * show the analyst which judgements to revisit.
 *
 * @param matrix      n × n, row-major
 * @param n           1 to ::SMB_AHP_MAX_SIZE
 * @param weights     receives n weights, each > 0, summing to 1
 * @param consistency receives λmax, CI, RI and CR; may be NULL
 * @return ::SMB_OK; ::SMB_EINVAL (NULL @p matrix or @p weights, n = 0, a
 *         diagonal entry other than 1, a pair of entries that are not
 *         reciprocal — the message names both cells); ::SMB_ERANGE (an entry
 *         that is NaN, infinite, zero, negative or outside
 *         [1/::SMB_AHP_MAX_RATIO, ::SMB_AHP_MAX_RATIO] — the message names
 *         the cell); ::SMB_ELIMIT (n above ::SMB_AHP_MAX_SIZE, or no
 *         convergence within ::SMB_AHP_MAX_ITERATIONS steps, which only
 *         wildly contradictory judgements of extreme ratios cause). On
 *         failure the outputs are untouched.
 */
SMB_API smb_status smb_ahp_weights(const double *matrix, size_t n, double *weights,
                                   smb_ahp_consistency *consistency);
/** @} */

/** @name Ranking alternatives
 * Both methods take a decision table of @p alternatives rows and @p criteria
 * columns, one weight per criterion (finite, 0 to ::SMB_MCDA_MAX_WEIGHT, not
 * all 0; normalised to sum 1 before use, so raw points and AHP weights
 * serve alike) and one direction per criterion (NULL: every criterion is a
 * benefit). They write one score per alternative, from 0 (worst) to 1
 * (best), and, when @p order is not NULL, the alternatives' indices from
 * best to worst (scores equal to 12 decimal places, ::SMB_MCDA_TIE, keep
 * input order).
 *
 * Errors: ::SMB_EINVAL (NULL @p values, @p weights or @p scores; no
 * alternative or no criterion; a direction that is not one), ::SMB_ELIMIT
 * (more than ::SMB_MCDA_MAX_ALTERNATIVES alternatives or
 * ::SMB_MCDA_MAX_CRITERIA criteria), ::SMB_ERANGE (a value or weight that is
 * NaN, infinite or out of range — the message names it, e.g.
 * "values[2][1]" or "weights[3]" — or weights that are all 0) or
 * ::SMB_ENOMEM (only when @p order is wanted). On failure the outputs are
 * untouched.
 * @{ */

/**
 * @brief Weighted sum of min–max normalised values.
 *
 * Each criterion is rescaled so that its worst value among the alternatives
 * becomes 0 and its best 1 (benefit: (x − min)/(max − min); cost:
 * (max − x)/(max − min)); the score is the weighted sum. A criterion on
 * which every alternative has the same value cannot tell them apart: every
 * alternative gets 1 on it (each is as good as the best), which lifts every
 * score by the same amount and leaves the ranking as the other criteria make
 * it.
 * @param values       alternatives × criteria, row-major; each value finite
 *                     with |x| ≤ ::SMB_MCDA_MAX_VALUE
 * @param alternatives number of rows, m
 * @param criteria     number of columns, k
 * @param weights      k weights
 * @param directions   k directions, or NULL for all benefit
 * @param scores       receives m scores, 0 to 1
 * @param order        receives m indices, best first; may be NULL
 * @return see above
 */
SMB_API smb_status smb_mcda_weighted_sum(const double *values, size_t alternatives,
                                         size_t criteria, const double *weights,
                                         const smb_criterion_direction *directions,
                                         double *scores, size_t *order);

/**
 * @brief TOPSIS (Hwang & Yoon 1981): closeness to the ideal alternative.
 *
 * Each criterion's column is divided by its Euclidean norm and multiplied by
 * the criterion's weight; the ideal takes each criterion's best weighted
 * value (the largest for a benefit, the smallest for a cost), the anti-ideal
 * its worst. An alternative's score is its closeness coefficient
 * D⁻/(D⁺ + D⁻), D⁺ and D⁻ its Euclidean distances to the ideal and the
 * anti-ideal. A column of zeros contributes nothing. An alternative that is
 * the ideal (D⁺ = 0) scores 1, which includes the case where all
 * alternatives are identical.
 * @param values       alternatives × criteria, row-major; each value finite,
 *                     from 0 to ::SMB_MCDA_MAX_VALUE (vector normalisation
 *                     needs values of one sign)
 * @param alternatives number of rows, m
 * @param criteria     number of columns, k
 * @param weights      k weights
 * @param directions   k directions, or NULL for all benefit
 * @param scores       receives m scores, 0 to 1
 * @param order        receives m indices, best first; may be NULL
 * @return see above
 */
SMB_API smb_status smb_mcda_topsis(const double *values, size_t alternatives, size_t criteria,
                                   const double *weights,
                                   const smb_criterion_direction *directions, double *scores,
                                   size_t *order);

/**
 * @brief Order alternatives by score, best first; scores equal to 12
 *        decimal places (::SMB_MCDA_TIE) keep input order.
 * @param scores one per alternative, finite, |x| ≤ ::SMB_MCDA_MAX_VALUE
 * @param count  1 to ::SMB_MCDA_MAX_ALTERNATIVES
 * @param order  receives @p count indices
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, count 0), ::SMB_ELIMIT,
 *         ::SMB_ERANGE (a score NaN, infinite or too large, named "scores[i]") or
 *         ::SMB_ENOMEM; on failure @p order is untouched.
 */
SMB_API smb_status smb_mcda_rank(const double *scores, size_t count, size_t *order);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_MCDA_H */
