/* SPDX-License-Identifier: MIT */
/* Saaty's analytic hierarchy process: criteria weights as the principal
 * eigenvector of a reciprocal pairwise-comparison matrix, and the
 * consistency of the judgements behind them (docs/methodology.md,
 * "Responses and decisions").
 *
 * Nothing is allocated: n is at most 15, so the work vectors live on the
 * stack and the only failures are the caller's input. */
#include <math.h>

#include "internal.h"

/* Saaty's random indices for n = 1..15 (Saaty 1980; the table as reprinted
 * in Saaty & Vargas 2012): the mean consistency index of large samples of
 * random reciprocal matrices on the 1/9..9 scale. */
static const double random_index[SMB_AHP_MAX_SIZE] = {
    0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
    1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
};

smb_status smb_ahp_random_index(size_t n, double *out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    if (n < 1 || n > SMB_AHP_MAX_SIZE)
        return smb__fail(SMB_ERANGE,
                         "n: Saaty's random index is tabulated for 1 to %d criteria, got %zu",
                         SMB_AHP_MAX_SIZE, n);
    *out = random_index[n - 1];
    return SMB_OK;
}

/* Every entry finite and within [1/MAX_RATIO, MAX_RATIO]; then a unit
 * diagonal and reciprocal pairs. Range errors come first so that a zero is
 * reported as the zero it is, not as a broken reciprocal. */
static smb_status check_matrix(const double *a, size_t n)
{
    const double lo = 1.0 / SMB_AHP_MAX_RATIO, hi = SMB_AHP_MAX_RATIO;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double x = a[i * n + j];
            if (!smb__finite(x) || x <= 0)
                return smb__fail(SMB_ERANGE,
                                 "matrix[%zu][%zu]: must be a finite number greater than 0, got %g",
                                 i, j, x);
            if (x < lo || x > hi)
                return smb__fail(SMB_ERANGE, "matrix[%zu][%zu]: must be from %g to %g, got %g", i,
                                 j, lo, hi, x);
        }
    }
    const double tol = SMB_AHP_RECIPROCAL_TOLERANCE;
    for (size_t i = 0; i < n; i++) {
        double d = a[i * n + i];
        if (fabs(d - 1.0) > tol)
            return smb__fail(SMB_EINVAL,
                             "matrix[%zu][%zu]: must be 1 (a criterion is as important as itself), got %g",
                             i, i, d);
        for (size_t j = i + 1; j < n; j++) {
            double x = a[i * n + j], y = a[j * n + i];
            /* |x·y − 1| ≤ tol is |y − 1/x| ≤ tol/x: relative to the reciprocal. */
            if (fabs(x * y - 1.0) > tol)
                return smb__fail(SMB_EINVAL,
                                 "matrix[%zu][%zu] = %g and matrix[%zu][%zu] = %g are not reciprocal: "
                                 "the second must be 1/%g",
                                 i, j, x, j, i, y, x);
        }
    }
    return SMB_OK;
}

/* y = A·x */
static void multiply(const double *a, size_t n, const double *x, double *y)
{
    for (size_t i = 0; i < n; i++) {
        double s = 0.0;
        for (size_t j = 0; j < n; j++)
            s += a[i * n + j] * x[j];
        y[i] = s;
    }
}

smb_status smb_ahp_weights(const double *matrix, size_t n, double *weights,
                           smb_ahp_consistency *consistency)
{
    if (!matrix || !weights)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", matrix ? "weights" : "matrix");
    if (n == 0)
        return smb__fail(SMB_EINVAL, "n: a pairwise matrix compares at least 1 criterion");
    if (n > SMB_AHP_MAX_SIZE)
        return smb__fail(SMB_ELIMIT,
                         "n: at most %d criteria can be compared (Saaty's random indices end there), got %zu",
                         SMB_AHP_MAX_SIZE, n);
    smb_status st = check_matrix(matrix, n);
    if (st != SMB_OK)
        return st;

    /* A positive matrix has a simple dominant eigenvalue with a positive
     * eigenvector (Perron), so power iteration from any positive vector
     * converges to it; normalising to sum 1 each step keeps it bounded. */
    double w[SMB_AHP_MAX_SIZE], y[SMB_AHP_MAX_SIZE];
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / (double)n;
    unsigned steps = 0;
    for (;;) {
        if (steps == SMB_AHP_MAX_ITERATIONS)
            return smb__fail(SMB_ELIMIT,
                             "matrix: the principal eigenvector did not converge to %g in %d "
                             "iterations; the judgements contradict one another too strongly",
                             SMB_AHP_CONVERGENCE, SMB_AHP_MAX_ITERATIONS);
        steps++;
        multiply(matrix, n, w, y);
        double sum = 0.0;
        for (size_t i = 0; i < n; i++)
            sum += y[i];
        double moved = 0.0;
        for (size_t i = 0; i < n; i++) {
            y[i] /= sum;
            moved = fmax(moved, fabs(y[i] - w[i]));
            w[i] = y[i];
        }
        if (moved <= SMB_AHP_CONVERGENCE)
            break;
    }

    /* λmax = Σ(A·w)ᵢ / Σwᵢ: at the eigenvector every (A·w)ᵢ = λ·wᵢ. */
    multiply(matrix, n, w, y);
    double num = 0.0, den = 0.0;
    for (size_t i = 0; i < n; i++) {
        num += y[i];
        den += w[i];
    }
    double lambda = num / den;
    /* λmax ≥ n for every positive reciprocal matrix (Saaty); a value a few
     * ulps below n is rounding and must not give a negative index. */
    double ci = n > 1 ? fmax(0.0, (lambda - (double)n) / (double)(n - 1)) : 0.0;
    double ri = random_index[n - 1];
    double cr = ri > 0 ? ci / ri : 0.0;

    for (size_t i = 0; i < n; i++)
        weights[i] = w[i] / den;
    if (consistency)
        *consistency = (smb_ahp_consistency){
            .size = n,
            .lambda_max = lambda,
            .ci = ci,
            .ri = ri,
            .cr = cr,
            .consistent = cr <= SMB_AHP_CR_THRESHOLD,
            .iterations = steps,
        };
    return SMB_OK;
}
