/* SPDX-License-Identifier: MIT */
/* Multi-criteria decision tools: AHP weights and consistency against
 * published worked examples (Saaty) and examples solved by hand, the
 * weighted sum and TOPSIS against hand arithmetic and Hwang & Yoon's
 * published example, ties, and every refusal leaving the outputs as they
 * were. */
#include <math.h>
#include <string.h>

#include "harness.h"

#define B SMB_CRITERION_BENEFIT
#define C SMB_CRITERION_COST

/* Hand-worked values are exact decimals; doubles may differ in the last bits. */
#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)
/* A published value given to d decimals is matched to half a unit of its
 * last digit. */
#define ASSERT_PUBLISHED(x, y, d) ck_assert_double_eq_tol((x), (y), 0.5 * pow(10, -(d)) + 1e-12)

/* Blocks allocated before the test: a failed test leaks what it held, and
 * only the test that leaked should fail for it. */
static long live_before;

static void setup(void)
{
    th_alloc_install();
    live_before = th_alloc_live();
}

/* Every test frees what it made: the counting allocator sees any leak. */
static void teardown(void)
{
    ck_assert_msg(th_alloc_live() == live_before, "%ld block(s) leaked",
                  th_alloc_live() - live_before);
}

static void fill(double *a, size_t n, double v)
{
    for (size_t i = 0; i < n; i++)
        a[i] = v;
}

static int all_equal(const double *a, size_t n, double v)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != v)
            return 0;
    return 1;
}

/* ---- AHP: published examples -------------------------------------------- */

START_TEST(ahp_saaty_house_example)
{
    /* Saaty, T. L. (1990). How to make a decision: the analytic hierarchy
     * process. European Journal of Operational Research 48(1), 9–26: the
     * family choosing a house compares eight criteria — size of house,
     * transportation, neighbourhood, age, yard space, modern facilities,
     * general condition, financing. Published: priority vector
     * .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669,
     * C.I. = 0.238, C.R. = 0.169 (inconsistent: above 0.10).
     * By hand from the published λmax: CI = (9.669 − 8)/7 = 0.2384,
     * CR = 0.2384/1.41 = 0.1691. */
    static const double a[64] = {
        1,     5,     3,     7, 6,     6,     1. / 3, 1. / 4,
        1. / 5, 1,    1. / 3, 5, 3,     3,     1. / 5, 1. / 7,
        1. / 3, 3,    1,     6, 3,     4,     6,     1. / 5,
        1. / 7, 1. / 5, 1. / 6, 1, 1. / 3, 1. / 4, 1. / 7, 1. / 8,
        1. / 6, 1. / 3, 1. / 3, 3, 1,     1. / 2, 1. / 5, 1. / 6,
        1. / 6, 1. / 3, 1. / 4, 4, 2,     1,     1. / 5, 1. / 6,
        3,     5,     1. / 6, 7, 5,     5,     1,     1. / 2,
        4,     7,     5,     8, 6,     6,     2,     1,
    };
    static const double published[8] = {.173, .054, .188, .018, .031, .036, .167, .333};
    double w[8];
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(a, 8, w, &c));
    double sum = 0;
    for (int i = 0; i < 8; i++) {
        ASSERT_PUBLISHED(w[i], published[i], 3);
        sum += w[i];
    }
    ASSERT_NEAR(sum, 1.0);
    ck_assert_uint_eq(c.size, 8);
    ASSERT_PUBLISHED(c.lambda_max, 9.669, 3);
    ASSERT_PUBLISHED(c.ci, 0.238, 3);
    ASSERT_NEAR(c.ri, 1.41);
    ASSERT_PUBLISHED(c.cr, 0.169, 3);
    ASSERT_NEAR(c.ci, (c.lambda_max - 8) / 7);
    ASSERT_NEAR(c.cr, c.ci / 1.41);
    ck_assert_int_eq(c.consistent, 0);
    ck_assert_uint_gt(c.iterations, 1);
}
END_TEST

START_TEST(ahp_saaty_wealth_of_nations)
{
    /* Saaty, T. L. (1977). A scaling method for priorities in hierarchical
     * structures. Journal of Mathematical Psychology 15(3), 234–281, and
     * Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill: the
     * relative wealth of the US, USSR, China, France, UK, Japan and West
     * Germany. Published: eigenvector .427 .230 .021 .052 .052 .123 .094,
     * λmax = 7.61. By hand from λmax: CI = (7.61 − 7)/6 = 0.1017 and
     * CR = 0.1017/1.32 = 0.077, within Saaty's 0.10: consistent enough. */
    static const double a[49] = {
        1,     4,     9, 6,     6,     5,     5,
        1. / 4, 1,    7, 5,     5,     3,     4,
        1. / 9, 1. / 7, 1, 1. / 5, 1. / 5, 1. / 7, 1. / 5,
        1. / 6, 1. / 5, 5, 1,     1,     1. / 3, 1. / 3,
        1. / 6, 1. / 5, 5, 1,     1,     1. / 3, 1. / 3,
        1. / 5, 1. / 3, 7, 3,     3,     1,     2,
        1. / 5, 1. / 4, 5, 3,     3,     1. / 2, 1,
    };
    static const double published[7] = {.427, .230, .021, .052, .052, .123, .094};
    double w[7];
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(a, 7, w, &c));
    for (int i = 0; i < 7; i++)
        ASSERT_PUBLISHED(w[i], published[i], 3);
    /* France and the UK were judged alike against everyone: equal weights. */
    ASSERT_NEAR(w[3], w[4]);
    ASSERT_PUBLISHED(c.lambda_max, 7.61, 2);
    ck_assert_double_eq_tol(c.cr, 0.077, 0.001);
    ASSERT_NEAR(c.ri, 1.32);
    ck_assert_int_eq(c.consistent, 1);
}
END_TEST

/* ---- AHP: solved by hand ------------------------------------------------ */

START_TEST(ahp_consistent_matrix_gives_its_ratios)
{
    /* a_ij = w_i / w_j for w = (0.5, 0.3, 0.2): A·w = 3w exactly, so
     * λmax = n = 3, CI = 0, CR = 0, and the weights are w. */
    static const double a[9] = {
        1, 5. / 3, 5. / 2,
        3. / 5, 1, 3. / 2,
        2. / 5, 2. / 3, 1,
    };
    double w[3];
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(a, 3, w, &c));
    ASSERT_NEAR(w[0], 0.5);
    ASSERT_NEAR(w[1], 0.3);
    ASSERT_NEAR(w[2], 0.2);
    ASSERT_NEAR(c.lambda_max, 3.0);
    ASSERT_NEAR(c.ci, 0.0);
    ck_assert(c.ci >= 0);
    ASSERT_NEAR(c.cr, 0.0);
    ASSERT_NEAR(c.ri, 0.58);
    ck_assert_int_eq(c.consistent, 1);
}
END_TEST

START_TEST(ahp_three_by_three_inconsistent_by_hand)
{
    /* a12 = 4, a13 = 1, a23 = 2: judgements that go round in a circle
     * (1 ≻ 2 four times, 2 ≻ 3 twice, yet 1 = 3).
     * For a 3×3 reciprocal matrix, det(A − λI) = 0 reduces, with μ = λ − 1
     * and t = a12·a23/a13, to μ³ − 3μ = t + 1/t, solved by
     * μ = t^(1/3) + t^(−1/3). Here t = 4·2/1 = 8, so μ = 2 + 1/2 and
     * λmax = 3.5; CI = (3.5 − 3)/2 = 0.25; CR = 0.25/0.58 = 0.431034...
     * Eigenvector: row 2, w1/4 − 2.5·w2 + 2·w3 = 0, gives w1 = 10·w2 − 8·w3;
     * row 1, −2.5·w1 + 4·w2 + w3 = 0, then gives −21·w2 + 21·w3 = 0, so
     * w2 = w3 and w1 = 2·w3: w = (2, 1, 1)/4 = (0.5, 0.25, 0.25).
     * Check row 3: 1·2 + (1/2)·1 − 2.5·1 = 0. */
    static const double a[9] = {
        1, 4, 1,
        1. / 4, 1, 2,
        1, 1. / 2, 1,
    };
    double w[3];
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(a, 3, w, &c));
    ASSERT_NEAR(w[0], 0.5);
    ASSERT_NEAR(w[1], 0.25);
    ASSERT_NEAR(w[2], 0.25);
    ASSERT_NEAR(c.lambda_max, 3.5);
    ASSERT_NEAR(c.ci, 0.25);
    ASSERT_NEAR(c.cr, 0.25 / 0.58);
    ck_assert_int_eq(c.consistent, 0);
}
END_TEST

START_TEST(ahp_one_and_two_criteria)
{
    /* n = 1: the only criterion weighs 1; CI is defined as 0.
     * n = 2: [[1, 3], [1/3, 1]] gives w = (3, 1)/4; every 2×2 reciprocal
     * matrix is consistent (λmax = 2, CI = 0) and RI = 0, so CR = 0. */
    static const double one[1] = {1};
    static const double two[4] = {1, 3, 1. / 3, 1};
    double w[2];
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(one, 1, w, &c));
    ck_assert_double_eq(w[0], 1.0);
    ck_assert_double_eq(c.lambda_max, 1.0);
    ck_assert_double_eq(c.ci, 0.0);
    ck_assert_double_eq(c.cr, 0.0);
    ck_assert_int_eq(c.consistent, 1);
    TH_OK(smb_ahp_weights(two, 2, w, &c));
    ASSERT_NEAR(w[0], 0.75);
    ASSERT_NEAR(w[1], 0.25);
    ASSERT_NEAR(c.lambda_max, 2.0);
    ASSERT_NEAR(c.ci, 0.0);
    ck_assert_double_eq(c.ri, 0.0);
    ck_assert_double_eq(c.cr, 0.0);
    /* The consistency report is optional. */
    TH_OK(smb_ahp_weights(two, 2, w, NULL));
    ASSERT_NEAR(w[0], 0.75);
}
END_TEST

START_TEST(ahp_fifteen_criteria)
{
    /* The largest size: a consistent matrix from w_i ∝ i + 1 gives those
     * weights back, (i + 1)/120 (1 + 2 + ... + 15 = 120), and RI = 1.59. */
    double a[15 * 15], w[15];
    for (int i = 0; i < 15; i++)
        for (int j = 0; j < 15; j++)
            a[i * 15 + j] = (double)(i + 1) / (double)(j + 1);
    smb_ahp_consistency c;
    TH_OK(smb_ahp_weights(a, 15, w, &c));
    for (int i = 0; i < 15; i++)
        ASSERT_NEAR(w[i], (i + 1) / 120.0);
    ASSERT_NEAR(c.ri, 1.59);
    ck_assert_int_eq(c.consistent, 1);
}
END_TEST

START_TEST(ahp_random_index_table)
{
    /* Saaty 1980; Saaty & Vargas 2012. */
    static const double ri[15] = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                  1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    for (size_t n = 1; n <= 15; n++) {
        double v = -1;
        TH_OK(smb_ahp_random_index(n, &v));
        ck_assert_double_eq(v, ri[n - 1]);
    }
    double v = -1;
    TH_ASSERT_FAILS(smb_ahp_random_index(0, &v), SMB_ERANGE, "tabulated for 1 to 15 criteria, got 0");
    TH_ASSERT_FAILS(smb_ahp_random_index(16, &v), SMB_ERANGE, "got 16");
    ck_assert_double_eq(v, -1);
    TH_ASSERT_FAILS(smb_ahp_random_index(3, NULL), SMB_EINVAL, "out: must not be NULL");
}
END_TEST

/* ---- AHP: refusals ------------------------------------------------------ */

/* Assert that the matrix is refused and the weights and report untouched. */
#define AHP_REFUSED(a, n, status, needle)                                             \
    do {                                                                          \
        double w_[16];                                                            \
        fill(w_, 16, -1);                                                         \
        smb_ahp_consistency c_ = {.size = 99};                                    \
        TH_ASSERT_FAILS(smb_ahp_weights((a), (n), w_, &c_), status, needle);      \
        ck_assert(all_equal(w_, 16, -1));                                         \
        ck_assert_uint_eq(c_.size, 99);                                           \
    } while (0)

START_TEST(ahp_refuses_zero_negative_and_non_finite_entries)
{
    double a[9] = {1, 2, 3, 0.5, 1, 1.5, 1. / 3, 2. / 3, 1};
    a[2] = 0; /* matrix[0][2]: a zero judgement means nothing on a ratio scale */
    AHP_REFUSED(a, 3, SMB_ERANGE, "matrix[0][2]: must be a finite number greater than 0, got 0");
    a[2] = 3;
    a[7] = -2. / 3;
    AHP_REFUSED(a, 3, SMB_ERANGE, "matrix[2][1]: must be a finite number greater than 0, got -0.666667");
    a[7] = NAN;
    AHP_REFUSED(a, 3, SMB_ERANGE, "matrix[2][1]: must be a finite number greater than 0, got nan");
    a[7] = INFINITY;
    AHP_REFUSED(a, 3, SMB_ERANGE, "matrix[2][1]");
    a[7] = 2. / 3;
    /* The ratio limit, both ways. */
    a[1] = 2e6;
    a[3] = 0.5e-6;
    AHP_REFUSED(a, 3, SMB_ERANGE, "matrix[0][1]: must be from 1e-06 to 1e+06, got 2e+06");
    a[1] = 1e6;
    a[3] = 1e-6;
    double w[3];
    TH_OK(smb_ahp_weights(a, 3, w, NULL));
}
END_TEST

START_TEST(ahp_refuses_broken_reciprocity)
{
    double a[9] = {1, 3, 2, 1. / 3, 1, 1, 0.5, 1, 1};
    a[3] = 0.5; /* matrix[1][0] should be 1/3 */
    AHP_REFUSED(a, 3, SMB_EINVAL,
                "matrix[0][1] = 3 and matrix[1][0] = 0.5 are not reciprocal: the second must be 1/3");
    a[3] = 1. / 3;
    a[4] = 2;
    AHP_REFUSED(a, 3, SMB_EINVAL, "matrix[1][1]: must be 1 (a criterion is as important as itself), got 2");
    a[4] = 1;
    /* Within the relative tolerance 1e-9 a reciprocal typed to 12 digits
     * passes; off by 2e-9 relative it does not. */
    a[3] = 0.333333333333;
    double w[3];
    TH_OK(smb_ahp_weights(a, 3, w, NULL));
    a[3] = (1. / 3) * (1 + 2e-9);
    AHP_REFUSED(a, 3, SMB_EINVAL, "matrix[0][1] = 3 and matrix[1][0]");
    a[3] = 1. / 3;
    a[8] = 1 + 1e-6;
    AHP_REFUSED(a, 3, SMB_EINVAL, "matrix[2][2]: must be 1");
}
END_TEST

START_TEST(ahp_refuses_bad_sizes_and_nulls)
{
    double a[16 * 16];
    for (int i = 0; i < 16 * 16; i++)
        a[i] = 1;
    double w[16];
    AHP_REFUSED(a, 0, SMB_EINVAL, "n: a pairwise matrix compares at least 1 criterion");
    AHP_REFUSED(a, 16, SMB_ELIMIT, "at most 15 criteria can be compared");
    TH_ASSERT_FAILS(smb_ahp_weights(NULL, 2, w, NULL), SMB_EINVAL, "matrix: must not be NULL");
    TH_ASSERT_FAILS(smb_ahp_weights(a, 2, NULL, NULL), SMB_EINVAL, "weights: must not be NULL");
}
END_TEST

START_TEST(ahp_reports_non_convergence)
{
    /* 1 ≻ 2 ≻ 3 ≻ 1, each 10⁴ times over (a13 half of that, so that the
     * uniform start is not already the eigenvector): the second eigenvalue
     * of this matrix is within a hair of λmax in modulus, and power
     * iteration cannot settle to 1e-12 within its cap. */
    static const double a[9] = {
        1, 1e4, 1. / 5e3,
        1e-4, 1, 1e4,
        5e3, 1e-4, 1,
    };
    AHP_REFUSED(a, 3, SMB_ELIMIT, "did not converge to 1e-12 in 100000 iterations");
}
END_TEST

START_TEST(ahp_allocates_nothing)
{
    static const double a[4] = {1, 3, 1. / 3, 1};
    double w[2];
    th_alloc_install();
    th_alloc_fail_at(1);
    TH_OK(smb_ahp_weights(a, 2, w, NULL));
    ck_assert_int_eq(th_alloc_attempts(), 0);
    th_alloc_fail_at(0);
}
END_TEST

/* ---- weighted sum ------------------------------------------------------- */

/*
 * Three alternatives, three criteria (benefit, cost, benefit), weights
 * 2, 1, 1 — normalised 0.5, 0.25, 0.25:
 *
 *        c0   c1(cost)  c2
 *   A    10   200       3
 *   B    20   100       5
 *   C    15   150       1
 *
 * c0: min 10, max 20 -> A 0, B 1, C 0.5
 * c1: cost, min 100, max 200 -> (200 - x)/100: A 0, B 1, C 0.5
 * c2: min 1, max 5 -> (x - 1)/4: A 0.5, B 1, C 0
 * A = 0.5*0 + 0.25*0 + 0.25*0.5 = 0.125
 * B = 0.5 + 0.25 + 0.25          = 1
 * C = 0.25 + 0.125 + 0           = 0.375
 * order: B, C, A
 */
static const double table3[9] = {10, 200, 3, 20, 100, 5, 15, 150, 1};
static const double weights3[3] = {2, 1, 1};
static const smb_criterion_direction dirs3[3] = {B, C, B};

START_TEST(weighted_sum_by_hand)
{
    double s[3];
    size_t o[3];
    TH_OK(smb_mcda_weighted_sum(table3, 3, 3, weights3, dirs3, s, o));
    ASSERT_NEAR(s[0], 0.125);
    ASSERT_NEAR(s[1], 1.0);
    ASSERT_NEAR(s[2], 0.375);
    ck_assert_uint_eq(o[0], 1);
    ck_assert_uint_eq(o[1], 2);
    ck_assert_uint_eq(o[2], 0);
    /* The order is optional, and the scale of the weights does not matter:
     * 0.5, 0.25, 0.25 give the same scores. */
    static const double normalised[3] = {0.5, 0.25, 0.25};
    double t[3];
    TH_OK(smb_mcda_weighted_sum(table3, 3, 3, normalised, dirs3, t, NULL));
    for (int i = 0; i < 3; i++)
        ASSERT_NEAR(t[i], s[i]);
}
END_TEST

START_TEST(weighted_sum_constant_criterion_counts_as_best)
{
    /* Add c3 = 7 for everyone with weight 4: weights 2,1,1,4 normalise to
     * 0.25, 0.125, 0.125, 0.5; c3 gives each alternative 1 x 0.5.
     * A = 0.25*0 + 0.125*0 + 0.125*0.5 + 0.5*1 = 0.5625
     * B = 0.25 + 0.125 + 0.125 + 0.5 = 1
     * C = 0.25*0.5 + 0.125*0.5 + 0 + 0.5 = 0.6875
     * Same order as without it. */
    static const double v[12] = {10, 200, 3, 7, 20, 100, 5, 7, 15, 150, 1, 7};
    static const double w[4] = {2, 1, 1, 4};
    static const smb_criterion_direction d[4] = {B, C, B, C};
    double s[3];
    size_t o[3];
    TH_OK(smb_mcda_weighted_sum(v, 3, 4, w, d, s, o));
    ASSERT_NEAR(s[0], 0.5625);
    ASSERT_NEAR(s[1], 1.0);
    ASSERT_NEAR(s[2], 0.6875);
    ck_assert_uint_eq(o[0], 1);
    ck_assert_uint_eq(o[1], 2);
    ck_assert_uint_eq(o[2], 0);
    /* One alternative alone is the best on every criterion. */
    TH_OK(smb_mcda_weighted_sum(v, 1, 4, w, d, s, o));
    ck_assert_double_eq(s[0], 1.0);
    ck_assert_uint_eq(o[0], 0);
}
END_TEST

START_TEST(weighted_sum_ties_keep_input_order_and_null_directions)
{
    /* NULL directions: both criteria are benefits (c0 from 1 to 3, c1 from
     * 2 to 6), weights 0.5 each. Rows 0 and 2 are equal; row 1 is best on
     * both; row 3 ties with rows 0 and 2 by another route.
     *   row 0 (1, 4): 0.5*(1-1)/2 + 0.5*(4-2)/4 = 0.25
     *   row 1 (3, 6): 1
     *   row 2 (1, 4): 0.25
     *   row 3 (2, 2): 0.5*(2-1)/2 + 0 = 0.25
     * Negative values are fine for the weighted sum: shifting a column
     * changes nothing (row 3 with -8 in place of 2 on c1 and the column
     * shifted by -10 gives the same scores). */
    static const double v[8] = {1, 4, 3, 6, 1, 4, 2, 2};
    static const double shifted[8] = {1, -6, 3, -4, 1, -6, 2, -8};
    static const double w[2] = {1, 1};
    double s[4];
    size_t o[4];
    TH_OK(smb_mcda_weighted_sum(v, 4, 2, w, NULL, s, o));
    ASSERT_NEAR(s[0], 0.25);
    ASSERT_NEAR(s[1], 1.0);
    ASSERT_NEAR(s[2], 0.25);
    ASSERT_NEAR(s[3], 0.25);
    ck_assert_uint_eq(o[0], 1);
    ck_assert_uint_eq(o[1], 0);
    ck_assert_uint_eq(o[2], 2);
    ck_assert_uint_eq(o[3], 3);
    double t[4];
    TH_OK(smb_mcda_weighted_sum(shifted, 4, 2, w, NULL, t, NULL));
    for (int i = 0; i < 4; i++)
        ASSERT_NEAR(t[i], s[i]);
    /* A weight of 0 leaves a criterion out: on c1 alone, (4, 6, 4, 2)
     * -> 0.5, 1, 0.5, 0. */
    static const double only_c1[2] = {0, 3};
    TH_OK(smb_mcda_weighted_sum(v, 4, 2, only_c1, NULL, t, NULL));
    ASSERT_NEAR(t[0], 0.5);
    ASSERT_NEAR(t[3], 0.0);
}
END_TEST

/* Assert that a ranking call is refused with the outputs untouched. */
#define RANK_REFUSED(fn, v, m, k, w, d, status, needle)                                \
    do {                                                                           \
        double s_[8];                                                              \
        size_t o_[8];                                                              \
        fill(s_, 8, -1);                                                           \
        for (int i_ = 0; i_ < 8; i_++)                                             \
            o_[i_] = 77;                                                           \
        TH_ASSERT_FAILS(fn((v), (m), (k), (w), (d), s_, o_), status, needle);      \
        ck_assert(all_equal(s_, 8, -1));                                           \
        for (int i_ = 0; i_ < 8; i_++)                                             \
            ck_assert_uint_eq(o_[i_], 77);                                         \
    } while (0)

static void refusals_common_to_both(smb_status (*fn)(const double *, size_t, size_t,
                                                      const double *,
                                                      const smb_criterion_direction *,
                                                      double *, size_t *))
{
    double v[9];
    memcpy(v, table3, sizeof v);
    double w[3] = {2, 1, 1};
    smb_criterion_direction d[3] = {B, C, B};

    v[5] = NAN;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "values[1][2]: must be a finite number");
    v[5] = INFINITY;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "values[1][2]");
    v[5] = 2e15;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "values[1][2]: must be a finite number from");
    v[5] = 5;

    w[0] = -1;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "weights[0]: must be a finite number from 0 to 1e+06, got -1");
    w[0] = NAN;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "weights[0]");
    w[0] = 2e6;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "weights[0]");
    w[0] = w[1] = w[2] = 0;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_ERANGE, "weights: at least one criterion must have a weight above 0");
    w[0] = 2;
    w[1] = w[2] = 1;

    d[1] = (smb_criterion_direction)2;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_EINVAL, "directions[1]: 2 is not a direction (0 benefit, 1 cost)");
    d[1] = (smb_criterion_direction)-1;
    RANK_REFUSED(fn, v, 3, 3, w, d, SMB_EINVAL, "directions[1]: -1 is not a direction");
    d[1] = C;

    RANK_REFUSED(fn, v, 0, 3, w, d, SMB_EINVAL, "alternatives: there must be at least 1");
    RANK_REFUSED(fn, v, 3, 0, w, d, SMB_EINVAL, "criteria: there must be at least 1");
    RANK_REFUSED(fn, v, SMB_MCDA_MAX_ALTERNATIVES + 1, 3, w, d, SMB_ELIMIT,
                 "alternatives: at most 1000000, got 1000001");
    RANK_REFUSED(fn, v, 3, SMB_MCDA_MAX_CRITERIA + 1, w, d, SMB_ELIMIT,
                 "criteria: at most 256, got 257");
    RANK_REFUSED(fn, NULL, 3, 3, w, d, SMB_EINVAL, "values: must not be NULL");
    RANK_REFUSED(fn, v, 3, 3, NULL, d, SMB_EINVAL, "weights: must not be NULL");
    size_t o[3];
    TH_ASSERT_FAILS(fn(v, 3, 3, w, d, NULL, o), SMB_EINVAL, "scores: must not be NULL");
}

START_TEST(weighted_sum_refusals)
{
    refusals_common_to_both(smb_mcda_weighted_sum);
}
END_TEST

START_TEST(weighted_sum_allocation_failures)
{
    /* Only the ordering allocates; when it cannot, the scores are not
     * written either. */
    double s[3] = {-1, -1, -1};
    size_t o[3] = {9, 9, 9};
    TH_EACH_ALLOC_FAILURE(smb_mcda_weighted_sum(table3, 3, 3, weights3, dirs3, s, o),
                          all_equal(s, 3, -1) && o[0] == 9 && o[2] == 9,
                          ck_assert_uint_eq(o[0], 1), 1);
    th_alloc_fail_at(1);
    TH_OK(smb_mcda_weighted_sum(table3, 3, 3, weights3, dirs3, s, NULL));
    ck_assert_int_eq(th_alloc_attempts(), 0);
    th_alloc_fail_at(0);
}
END_TEST

/* ---- TOPSIS ------------------------------------------------------------- */

START_TEST(topsis_hwang_yoon_fighter_aircraft)
{
    /* Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making:
     * Methods and Applications. Lecture Notes in Economics and Mathematical
     * Systems 186, Springer — the fighter-aircraft example that runs through
     * the book, solved by TOPSIS. Attributes: maximum speed (Mach), ferry
     * range (NM), maximum payload (lb), acquisition cost ($10⁶, a cost),
     * reliability and manoeuvrability (interval scale, 1 very low .. 9 very
     * high); weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published relative
     * closeness: A1 0.643, A2 0.268, A3 0.613, A4 0.312; order A1, A3, A4, A2.
     * The book rounds its intermediate tables to four decimals: for A3 the
     * separations S3* = 0.0580 and S3- = 0.0920 give 0.0920/0.1500 = 0.6133,
     * where unrounded arithmetic gives 0.61354. The published closeness
     * values are therefore matched to 0.001, not to half their last digit. */
    static const double v[24] = {
        2.0, 1500, 20000, 5.5, 5, 9,
        2.5, 2700, 18000, 6.5, 3, 5,
        1.8, 2000, 21000, 4.5, 7, 7,
        2.2, 1800, 20000, 5.0, 5, 5,
    };
    static const double w[6] = {0.2, 0.1, 0.1, 0.1, 0.2, 0.3};
    static const smb_criterion_direction d[6] = {B, B, B, C, B, B};
    double s[4];
    size_t o[4];
    TH_OK(smb_mcda_topsis(v, 4, 6, w, d, s, o));
    ck_assert_double_eq_tol(s[0], 0.643, 0.001);
    ck_assert_double_eq_tol(s[1], 0.268, 0.001);
    ck_assert_double_eq_tol(s[2], 0.613, 0.001);
    ck_assert_double_eq_tol(s[3], 0.312, 0.001);
    ck_assert_uint_eq(o[0], 0);
    ck_assert_uint_eq(o[1], 2);
    ck_assert_uint_eq(o[2], 3);
    ck_assert_uint_eq(o[3], 1);
}
END_TEST

START_TEST(topsis_by_hand)
{
    /* A (3, 4), B (4, 3), equal weights. Column norms: √(9 + 16) = 5 both.
     * Normalised: A (0.6, 0.8), B (0.8, 0.6); weighted (× 0.5):
     * A (0.3, 0.4), B (0.4, 0.3).
     * Both benefits: ideal (0.4, 0.4), anti (0.3, 0.3): each alternative is
     * 0.1 from both -> 0.1/(0.1 + 0.1) = 0.5 each, a tie kept in input order.
     * Second criterion a cost: ideal (0.4, 0.3) = B, anti (0.3, 0.4) = A:
     * A scores 0/(√0.02 + 0) = 0, B is the ideal and scores 1. */
    static const double v[4] = {3, 4, 4, 3};
    static const double w[2] = {1, 1};
    static const smb_criterion_direction bc[2] = {B, C};
    double s[2];
    size_t o[2];
    TH_OK(smb_mcda_topsis(v, 2, 2, w, NULL, s, o));
    ASSERT_NEAR(s[0], 0.5);
    ASSERT_NEAR(s[1], 0.5);
    ck_assert_uint_eq(o[0], 0);
    ck_assert_uint_eq(o[1], 1);
    TH_OK(smb_mcda_topsis(v, 2, 2, w, bc, s, o));
    ASSERT_NEAR(s[0], 0.0);
    ASSERT_NEAR(s[1], 1.0);
    ck_assert_uint_eq(o[0], 1);

    /* Three alternatives on one benefit criterion, 1, 2, 3 (norm √14):
     * v = w·x/√14, so D⁺ = (3 − x)/√14 and D⁻ = (x − 1)/√14, and the
     * closeness is (x − 1)/2: 0, 0.5, 1 — whatever the weight. */
    static const double line[3] = {1, 2, 3};
    static const double one[1] = {7};
    double t[3];
    TH_OK(smb_mcda_topsis(line, 3, 1, one, NULL, t, NULL));
    ASSERT_NEAR(t[0], 0.0);
    ASSERT_NEAR(t[1], 0.5);
    ASSERT_NEAR(t[2], 1.0);
}
END_TEST

START_TEST(topsis_zero_columns_and_identical_alternatives)
{
    /* A column of zeros has no norm and tells no one apart: the line of the
     * previous test with a zero column beside it scores the same. */
    static const double v[6] = {1, 0, 2, 0, 3, 0};
    static const double w[2] = {1, 1};
    double s[3];
    TH_OK(smb_mcda_topsis(v, 3, 2, w, NULL, s, NULL));
    ASSERT_NEAR(s[0], 0.0);
    ASSERT_NEAR(s[1], 0.5);
    ASSERT_NEAR(s[2], 1.0);
    /* Identical alternatives are all at the ideal: 1 each. */
    static const double same[4] = {2, 5, 2, 5};
    size_t o[2];
    TH_OK(smb_mcda_topsis(same, 2, 2, w, NULL, s, o));
    ck_assert_double_eq(s[0], 1.0);
    ck_assert_double_eq(s[1], 1.0);
    ck_assert_uint_eq(o[0], 0);
    /* All zeros: nothing to tell apart either. */
    static const double zeros[4] = {0, 0, 0, 0};
    TH_OK(smb_mcda_topsis(zeros, 2, 2, w, NULL, s, NULL));
    ck_assert_double_eq(s[0], 1.0);
}
END_TEST

START_TEST(topsis_refusals)
{
    refusals_common_to_both(smb_mcda_topsis);
    /* TOPSIS also refuses negative values, which vector normalisation
     * cannot handle. */
    double v[9];
    memcpy(v, table3, sizeof v);
    v[1] = -1;
    RANK_REFUSED(smb_mcda_topsis, v, 3, 3, weights3, dirs3, SMB_ERANGE,
                 "values[0][1]: must be a finite number from 0 to 1e+15 for TOPSIS, got -1");
}
END_TEST

START_TEST(topsis_allocation_failures)
{
    double s[3] = {-1, -1, -1};
    size_t o[3] = {9, 9, 9};
    TH_EACH_ALLOC_FAILURE(smb_mcda_topsis(table3, 3, 3, weights3, dirs3, s, o),
                          all_equal(s, 3, -1) && o[1] == 9,
                          ck_assert_uint_eq(o[0], 1), 1);
}
END_TEST

/* ---- ordering and keys -------------------------------------------------- */

START_TEST(rank_orders_best_first_with_ties_in_input_order)
{
    /* 0.5 and 0.5 + 1e-13 agree to 12 decimal places: a tie, kept in input
     * order behind 0.9; -3 comes last. */
    static const double s[5] = {0.5, 0.9, 0.5, 0.5 + 1e-13, -3};
    size_t o[5];
    TH_OK(smb_mcda_rank(s, 5, o));
    static const size_t want[5] = {1, 0, 2, 3, 4};
    for (int i = 0; i < 5; i++)
        ck_assert_uint_eq(o[i], want[i]);
}
END_TEST

START_TEST(rank_refusals)
{
    double s[3] = {1, NAN, 2};
    size_t o[3] = {7, 7, 7};
    TH_ASSERT_FAILS(smb_mcda_rank(s, 3, o), SMB_ERANGE, "scores[1]: must be a finite number");
    s[1] = -2e15;
    TH_ASSERT_FAILS(smb_mcda_rank(s, 3, o), SMB_ERANGE, "scores[1]");
    ck_assert_uint_eq(o[0], 7);
    TH_ASSERT_FAILS(smb_mcda_rank(s, 0, o), SMB_EINVAL, "count: there must be at least 1");
    TH_ASSERT_FAILS(smb_mcda_rank(s, SMB_MCDA_MAX_ALTERNATIVES + 1, o), SMB_ELIMIT, "count: at most");
    TH_ASSERT_FAILS(smb_mcda_rank(NULL, 3, o), SMB_EINVAL, "scores: must not be NULL");
    TH_ASSERT_FAILS(smb_mcda_rank(s, 3, NULL), SMB_EINVAL, "order: must not be NULL");
    s[1] = 0;
    TH_EACH_ALLOC_FAILURE(smb_mcda_rank(s, 3, o), o[0] == 7, ck_assert_uint_eq(o[0], 2), 1);
}
END_TEST

START_TEST(direction_keys_round_trip)
{
    ck_assert_str_eq(smb_criterion_direction_key(B), "benefit");
    ck_assert_str_eq(smb_criterion_direction_key(C), "cost");
    ck_assert_ptr_null(smb_criterion_direction_key(SMB_CRITERION_DIRECTION_COUNT));
    ck_assert_ptr_null(smb_criterion_direction_key((smb_criterion_direction)-1));
    smb_criterion_direction d = B;
    TH_OK(smb_criterion_direction_from_key("cost", &d));
    ck_assert_int_eq(d, C);
    TH_ASSERT_FAILS(smb_criterion_direction_from_key("Cost", &d), SMB_ENOTFOUND,
                    "no criterion direction 'Cost' (benefit, cost)");
    ck_assert_int_eq(d, C);
    TH_ASSERT_FAILS(smb_criterion_direction_from_key(NULL, &d), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_criterion_direction_from_key("cost", NULL), SMB_EINVAL, "out: must not be NULL");
}
END_TEST

static Suite *mcda_suite(void)
{
    Suite *s = suite_create("mcda");
    TCase *ahp = tcase_create("ahp");
    tcase_add_checked_fixture(ahp, setup, teardown);
    tcase_add_test(ahp, ahp_saaty_house_example);
    tcase_add_test(ahp, ahp_saaty_wealth_of_nations);
    tcase_add_test(ahp, ahp_consistent_matrix_gives_its_ratios);
    tcase_add_test(ahp, ahp_three_by_three_inconsistent_by_hand);
    tcase_add_test(ahp, ahp_one_and_two_criteria);
    tcase_add_test(ahp, ahp_fifteen_criteria);
    tcase_add_test(ahp, ahp_random_index_table);
    tcase_add_test(ahp, ahp_refuses_zero_negative_and_non_finite_entries);
    tcase_add_test(ahp, ahp_refuses_broken_reciprocity);
    tcase_add_test(ahp, ahp_refuses_bad_sizes_and_nulls);
    tcase_add_test(ahp, ahp_reports_non_convergence);
    tcase_add_test(ahp, ahp_allocates_nothing);
    suite_add_tcase(s, ahp);

    TCase *ws = tcase_create("weighted sum");
    tcase_add_checked_fixture(ws, setup, teardown);
    tcase_add_test(ws, weighted_sum_by_hand);
    tcase_add_test(ws, weighted_sum_constant_criterion_counts_as_best);
    tcase_add_test(ws, weighted_sum_ties_keep_input_order_and_null_directions);
    tcase_add_test(ws, weighted_sum_refusals);
    tcase_add_test(ws, weighted_sum_allocation_failures);
    suite_add_tcase(s, ws);

    TCase *topsis = tcase_create("topsis");
    tcase_add_checked_fixture(topsis, setup, teardown);
    tcase_add_test(topsis, topsis_hwang_yoon_fighter_aircraft);
    tcase_add_test(topsis, topsis_by_hand);
    tcase_add_test(topsis, topsis_zero_columns_and_identical_alternatives);
    tcase_add_test(topsis, topsis_refusals);
    tcase_add_test(topsis, topsis_allocation_failures);
    suite_add_tcase(s, topsis);

    TCase *misc = tcase_create("ordering and keys");
    tcase_add_checked_fixture(misc, setup, teardown);
    tcase_add_test(misc, rank_orders_best_first_with_ties_in_input_order);
    tcase_add_test(misc, rank_refusals);
    tcase_add_test(misc, direction_keys_round_trip);
    suite_add_tcase(s, misc);
    return s;
}

int main(void)
{
    return th_run_suite(mcda_suite());
}
