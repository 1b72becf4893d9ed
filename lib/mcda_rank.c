/* SPDX-License-Identifier: MIT */
/* Ranking the alternatives of a decision table: the weighted sum of min–max
 * normalised values, TOPSIS, and the ordering of scores both share
 * (docs/methodology.md, "Responses and decisions").
 *
 * Each public function checks every input, then makes its one allocation
 * (for the ordering, when asked), and only then writes the outputs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"


typedef smb_criterion_direction direction_t;

static const char *const direction_keys[] = {
    [SMB_CRITERION_BENEFIT] = "benefit",
    [SMB_CRITERION_COST] = "cost",
};
_Static_assert(sizeof direction_keys / sizeof direction_keys[0] == SMB_CRITERION_DIRECTION_COUNT,
               "one key per direction");

const char *smb_criterion_direction_key(smb_criterion_direction direction)
{
    return (int)direction >= 0 && (int)direction < SMB_CRITERION_DIRECTION_COUNT
               ? direction_keys[direction]
               : NULL;
}

smb_status smb_criterion_direction_from_key(const char *key, smb_criterion_direction *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int d = 0; d < SMB_CRITERION_DIRECTION_COUNT; d++) {
        if (strcmp(key, direction_keys[d]) == 0) {
            *out = (direction_t)d;
            return SMB_OK;
        }
    }
    char shown[SMB_MAX_ID_LENGTH + 4];
    return smb__fail(SMB_ENOTFOUND, "no criterion direction '%s' (benefit, cost)",
                     smb__show(shown, sizeof shown, key));
}

/* ---- ordering ------------------------------------------------------------ */

typedef struct keyed {
    double score;
    size_t index;
} keyed;

static int by_score_then_index(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = smb__rank_desc(a->score, b->score);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The sort's work space, allocated before any output is written so that
 * running out of memory leaves the outputs as they were. */
static smb_status order_alloc(size_t count, keyed **out)
{
    *out = smb__calloc(count, sizeof **out);
    return *out ? SMB_OK : smb__nomem();
}

/* Fill `order` from `scores` and release the work space. Cannot fail. */
static void order_fill(keyed *work, const double *scores, size_t count, size_t *order)
{
    for (size_t i = 0; i < count; i++)
        work[i] = (keyed){scores[i], i};
    /* The comparator is a total order (ties broken by index), so qsort's
     * instability cannot show. */
    qsort(work, count, sizeof *work, by_score_then_index);
    for (size_t i = 0; i < count; i++)
        order[i] = work[i].index;
    smb__free(work);
}

static smb_status check_count(const char *what, size_t count, size_t max)
{
    if (count == 0)
        return smb__fail(SMB_EINVAL, "%s: there must be at least 1", what);
    if (count > max)
        return smb__fail(SMB_ELIMIT, "%s: at most %zu, got %zu", what, max, count);
    return SMB_OK;
}

smb_status smb_mcda_rank(const double *scores, size_t count, size_t *order)
{
    if (!scores || !order)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", scores ? "order" : "scores");
    smb_status st = check_count("count", count, SMB_MCDA_MAX_ALTERNATIVES);
    if (st != SMB_OK)
        return st;
    for (size_t i = 0; i < count; i++)
        if (!smb__finite(scores[i]) || fabs(scores[i]) > SMB_MCDA_MAX_VALUE)
            return smb__fail(SMB_ERANGE, "scores[%zu]: must be a finite number from %g to %g, got %g",
                             i, -SMB_MCDA_MAX_VALUE, SMB_MCDA_MAX_VALUE, scores[i]);
    keyed *work;
    if ((st = order_alloc(count, &work)) != SMB_OK)
        return st;
    order_fill(work, scores, count, order);
    return SMB_OK;
}

/* ---- decision tables ----------------------------------------------------- */

typedef struct table {
    const double *values;
    size_t m, k;              /* alternatives, criteria */
    const double *weights;
    const direction_t *directions; /* NULL: all benefit */
} table;

static double cell(const table *t, size_t i, size_t j)
{
    return t->values[i * t->k + j];
}

static bool is_cost(const table *t, size_t j)
{
    return t->directions && t->directions[j] == SMB_CRITERION_COST;
}

/* Everything both methods require; `lowest` is the smallest value allowed
 * in the table (−MAX_VALUE, or 0 for TOPSIS) and `method` names the method
 * in the message when the lowest bound is its own. */
static smb_status check_table(const table *t, double *scores, double lowest, const char *method)
{
    if (!t->values || !t->weights || !scores)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !t->values ? "values" : !t->weights ? "weights" : "scores");
    smb_status st = check_count("alternatives", t->m, SMB_MCDA_MAX_ALTERNATIVES);
    if (st == SMB_OK)
        st = check_count("criteria", t->k, SMB_MCDA_MAX_CRITERIA);
    if (st != SMB_OK)
        return st;
    double total = 0.0;
    for (size_t j = 0; j < t->k; j++) {
        double w = t->weights[j];
        if (!smb__finite(w) || w < 0 || w > SMB_MCDA_MAX_WEIGHT)
            return smb__fail(SMB_ERANGE, "weights[%zu]: must be a finite number from 0 to %g, got %g",
                             j, SMB_MCDA_MAX_WEIGHT, w);
        total += w;
        if (t->directions && (int)t->directions[j] != SMB_CRITERION_BENEFIT &&
            (int)t->directions[j] != SMB_CRITERION_COST)
            return smb__fail(SMB_EINVAL, "directions[%zu]: %d is not a direction (0 benefit, 1 cost)",
                             j, (int)t->directions[j]);
    }
    if (!(total > 0))
        return smb__fail(SMB_ERANGE, "weights: at least one criterion must have a weight above 0");
    for (size_t i = 0; i < t->m; i++) {
        for (size_t j = 0; j < t->k; j++) {
            double x = cell(t, i, j);
            if (!smb__finite(x) || x < lowest || x > SMB_MCDA_MAX_VALUE)
                return smb__fail(SMB_ERANGE, "values[%zu][%zu]: must be a finite number from %g to %g%s, got %g",
                                 i, j, lowest, SMB_MCDA_MAX_VALUE, method, x);
        }
    }
    return SMB_OK;
}

static double weight_sum(const table *t)
{
    double total = 0.0;
    for (size_t j = 0; j < t->k; j++)
        total += t->weights[j];
    return total;
}

static smb_status finish(const table *t, double *scores, size_t *order,
                         void (*score)(const table *, double *))
{
    keyed *work = NULL;
    if (order) {
        smb_status st = order_alloc(t->m, &work);
        if (st != SMB_OK)
            return st;
    }
    score(t, scores);
    if (order)
        order_fill(work, scores, t->m, order);
    return SMB_OK;
}

/* ---- weighted sum -------------------------------------------------------- */

/* scoreᵢ = Σⱼ wⱼ·nᵢⱼ / Σⱼ wⱼ with nᵢⱼ the min–max normalised value (1 on a
 * constant criterion). */
static void weighted_sum(const table *t, double *scores)
{
    double total = weight_sum(t);
    for (size_t i = 0; i < t->m; i++)
        scores[i] = 0.0;
    for (size_t j = 0; j < t->k; j++) {
        double lo = cell(t, 0, j), hi = lo;
        for (size_t i = 1; i < t->m; i++) {
            lo = fmin(lo, cell(t, i, j));
            hi = fmax(hi, cell(t, i, j));
        }
        double w = t->weights[j] / total;
        for (size_t i = 0; i < t->m; i++) {
            double n = 1.0;
            if (hi > lo)
                n = is_cost(t, j) ? (hi - cell(t, i, j)) / (hi - lo)
                                  : (cell(t, i, j) - lo) / (hi - lo);
            scores[i] += w * n;
        }
    }
    /* A sum of weights summing to 1 times values in [0, 1]; rounding may
     * step a hair outside. */
    for (size_t i = 0; i < t->m; i++)
        scores[i] = fmin(1.0, fmax(0.0, scores[i]));
}

smb_status smb_mcda_weighted_sum(const double *values, size_t alternatives, size_t criteria,
                                 const double *weights,
                                 const smb_criterion_direction *directions, double *scores,
                                 size_t *order)
{
    table t = {values, alternatives, criteria, weights, directions};
    smb_status st = check_table(&t, scores, -SMB_MCDA_MAX_VALUE, "");
    if (st != SMB_OK)
        return st;
    return finish(&t, scores, order, weighted_sum);
}

/* ---- TOPSIS -------------------------------------------------------------- */

/* vᵢⱼ = wⱼ·xᵢⱼ / ‖x·ⱼ‖ (0 for a column of zeros); the ideal and anti-ideal
 * take each column's best and worst v; scoreᵢ = D⁻ᵢ / (D⁺ᵢ + D⁻ᵢ), or 1 at
 * the ideal. Only per-criterion vectors are kept (at most
 * SMB_MCDA_MAX_CRITERIA, on the stack), never a copy of the table. */
static void topsis(const table *t, double *scores)
{
    double total = weight_sum(t);
    double scale[SMB_MCDA_MAX_CRITERIA], ideal[SMB_MCDA_MAX_CRITERIA],
        anti[SMB_MCDA_MAX_CRITERIA];
    for (size_t j = 0; j < t->k; j++) {
        double squares = 0.0, lo = cell(t, 0, j), hi = lo;
        for (size_t i = 0; i < t->m; i++) {
            double x = cell(t, i, j);
            squares += x * x;
            lo = fmin(lo, x);
            hi = fmax(hi, x);
        }
        /* Values are at least 0, so a zero norm is a column of zeros. */
        scale[j] = squares > 0 ? t->weights[j] / total / sqrt(squares) : 0.0;
        ideal[j] = scale[j] * (is_cost(t, j) ? lo : hi);
        anti[j] = scale[j] * (is_cost(t, j) ? hi : lo);
    }
    for (size_t i = 0; i < t->m; i++) {
        double plus = 0.0, minus = 0.0;
        for (size_t j = 0; j < t->k; j++) {
            double v = scale[j] * cell(t, i, j);
            plus += (v - ideal[j]) * (v - ideal[j]);
            minus += (v - anti[j]) * (v - anti[j]);
        }
        plus = sqrt(plus);
        minus = sqrt(minus);
        scores[i] = plus > 0 ? minus / (plus + minus) : 1.0;
    }
}

smb_status smb_mcda_topsis(const double *values, size_t alternatives, size_t criteria,
                           const double *weights, const smb_criterion_direction *directions,
                           double *scores, size_t *order)
{
    table t = {values, alternatives, criteria, weights, directions};
    smb_status st = check_table(&t, scores, 0.0, " for TOPSIS");
    if (st != SMB_OK)
        return st;
    return finish(&t, scores, order, topsis);
}
