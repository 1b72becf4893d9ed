/* SPDX-License-Identifier: MIT */
/*
 * The simulator's numerics, internal functions tested directly: the
 * Philox4x32-10 generator against the published known-answer vectors, the
 * uniform mapping, the normal quantile and distribution functions against
 * table values, the Beta distribution function, every sampler's quantiles
 * against values worked out by hand (the PERT table against closed-form
 * Beta distribution functions to 1e-6), exact summation and the DDSketch.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sim_random.h"
#include "sim_sample.h"
#include "sim_sketch.h"
#include "sim_sum.h"

#define ASSERT_NEAR(x, want, tol)                                                        \
    ck_assert_msg(fabs((x) - (want)) <= (tol), "%s = %.17g, expected %.17g within %g", #x, \
                  (double)(x), (double)(want), (double)(tol))
#define ASSERT_REL(x, want, rel) ASSERT_NEAR(x, want, fabs(want) * (rel))

/* ---- Philox4x32-10 ------------------------------------------------------- */

/* Random123's kat_vectors, the three "philox4x32 10" lines: counter, key,
 * expected output. */
START_TEST(philox_known_answers)
{
    static const struct {
        uint32_t ctr[4], key[2], out[4];
    } kat[] = {
        {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
        {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
         {0xffffffff, 0xffffffff},
         {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
        {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
         {0xa4093822, 0x299f31d0},
         {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
    };
    for (size_t i = 0; i < sizeof kat / sizeof kat[0]; i++) {
        uint32_t out[4];
        smb__philox4x32_10(kat[i].ctr, kat[i].key, out);
        for (int w = 0; w < 4; w++)
            ck_assert_msg(out[w] == kat[i].out[w], "vector %zu word %d: %08x, expected %08x", i,
                          w, out[w], kat[i].out[w]);
    }
}
END_TEST

/* A counter-based generator is a pure function: the same block whatever
 * was computed before, and neighbouring counters unrelated. */
START_TEST(philox_is_a_pure_function)
{
    uint32_t key[2] = {12345, 678};
    uint32_t ctr[4] = {7, 0, 3, 0}, first[4], again[4], next[4];
    smb__philox4x32_10(ctr, key, first);
    for (uint32_t i = 0; i < 1000; i++) {
        uint32_t c[4] = {i, 1, 2, 3}, scratch[4];
        smb__philox4x32_10(c, key, scratch);
    }
    smb__philox4x32_10(ctr, key, again);
    ck_assert_mem_eq(first, again, sizeof first);
    ctr[0] = 8;
    smb__philox4x32_10(ctr, key, next);
    ck_assert_int_ne(memcmp(first, next, sizeof first), 0);
}
END_TEST

/* u = (w + 0.5)/2^32: 2^−33 for w = 0, ½ + 2^−33 for w = 2^31, 1 − 2^−33 for
 * w = 2^32 − 1; never 0 or 1. */
START_TEST(uniform_mapping)
{
    ck_assert(smb__u01(0) == 0x1p-33);
    ck_assert(smb__u01(0x80000000u) == 0.5 + 0x1p-33);
    ck_assert(smb__u01(0xffffffffu) == 1.0 - 0x1p-33);
    ck_assert(smb__u01(0xffffffffu) < 1.0);
    /* Equally spaced: the mean of all 2^32 values is ½; over a stratum of
     * 2^12 consecutive words the step is exactly 2^−32. */
    for (uint32_t w = 1000; w < 1000 + 4096; w++)
        ck_assert(smb__u01(w + 1) - smb__u01(w) == 0x1p-32);
}
END_TEST

/* ---- the normal distribution ----------------------------------------------- */

/* Φ⁻¹ against table values (to 16 digits; e.g. Abramowitz and Stegun,
 * Table 26.5, and the 1.96 and 1.645 of every statistics text) and a
 * 50-digit reference for the far tail. AS 241 promises about 1e-16
 * relative; 1e-15 leaves room for the last bits. */
START_TEST(normal_quantile_table_values)
{
    ASSERT_REL(smb__normal_quantile(0.975), 1.959963984540054, 1e-15);
    ASSERT_REL(smb__normal_quantile(0.95), 1.6448536269514722, 1e-15);
    ASSERT_REL(smb__normal_quantile(0.999), 3.090232306167813, 1e-15);
    ASSERT_REL(smb__normal_quantile(0.3), -0.5244005127080407, 1e-15);
    ASSERT_REL(smb__normal_quantile(0.025), -1.959963984540054, 1e-15);
    ASSERT_REL(smb__normal_quantile(1e-10), -6.361340902404056, 1e-15);
    ASSERT_REL(smb__normal_quantile(1e-20), -9.262340089798408, 1e-15);
    ASSERT_REL(smb__normal_quantile(1e-300), -37.04709629936120, 1e-15);
    /* the extreme uniform the generator gives: Φ⁻¹(2^−33) */
    ASSERT_REL(smb__normal_quantile(0x1p-33), -6.337957754553789, 1e-15);
    ck_assert(smb__normal_quantile(0.5) == 0.0);
}
END_TEST

START_TEST(normal_quantile_symmetry_and_edges)
{
    /* 1 − p is exact for p = k/1024, so Φ⁻¹(1 − p) = −Φ⁻¹(p) to the last bit
     * or two. */
    for (int k = 1; k < 1024; k++) {
        double p = k / 1024.0;
        ASSERT_NEAR(smb__normal_quantile(1 - p), -smb__normal_quantile(p),
                    4 * DBL_EPSILON * fabs(smb__normal_quantile(p)));
    }
    ck_assert(smb__normal_quantile(0.0) == -HUGE_VAL);
    ck_assert(smb__normal_quantile(1.0) == HUGE_VAL);
    ck_assert(isnan(smb__normal_quantile(-0.1)));
    ck_assert(isnan(smb__normal_quantile(1.5)));
    ck_assert(isnan(smb__normal_quantile(NAN)));
    /* increasing across the three regions of AS 241 and their seams */
    double prev = -HUGE_VAL;
    for (int e = -300; e <= -1; e++) {
        double q = smb__normal_quantile(pow(10.0, e));
        ck_assert(q > prev);
        prev = q;
    }
    prev = -HUGE_VAL;
    double seams[] = {0.075 - 1e-12, 0.075, 0.075 + 1e-12, 0.5, 0.925 - 1e-12, 0.925,
                      0.925 + 1e-12};
    for (size_t i = 0; i < sizeof seams / sizeof seams[0]; i++) {
        double q = smb__normal_quantile(seams[i]);
        ck_assert(q > prev);
        prev = q;
    }
}
END_TEST

/* Φ against table values: Φ(1) = 0.8413447460685429 (A&S Table 26.1),
 * Φ(−5), Φ(−8), Φ(−20) from a 50-digit evaluation of erfc(5/√2)/2 etc. */
START_TEST(normal_cdf_table_values)
{
    ck_assert(smb__normal_cdf(0) == 0.5);
    ASSERT_REL(smb__normal_cdf(1), 0.8413447460685429, 1e-15);
    ASSERT_REL(smb__normal_cdf(-1), 0.15865525393145705, 1e-15);
    ASSERT_REL(smb__normal_cdf(-1.959963984540054), 0.025, 1e-15);
    ASSERT_REL(smb__normal_cdf(-5), 2.866515718791939e-7, 1e-15);
    ASSERT_REL(smb__normal_cdf(-8), 6.220960574271784e-16, 1e-15);
    ASSERT_REL(smb__normal_cdf(-20), 2.753624118606234e-89, 1e-15);
    ASSERT_REL(smb__normal_cdf(8), 0.9999999999999993779, 2e-16);
    ck_assert(smb__normal_cdf(-HUGE_VAL) == 0.0);
    ck_assert(smb__normal_cdf(HUGE_VAL) == 1.0);
    ck_assert(isnan(smb__normal_cdf(NAN)));
    /* The two functions invert each other. A relative error δ in x = Φ⁻¹(p)
     * becomes about x²·δ in Φ(x) (dΦ/Φ ≈ |x|·dx in the tail): 10^−13 allows
     * δ of a few 2^−53 at p = 10^−15, x² ≈ 63. */
    for (int e = -15; e <= -1; e++) {
        double p = pow(10.0, e);
        ASSERT_REL(smb__normal_cdf(smb__normal_quantile(p)), p, 1e-13);
    }
}
END_TEST

/* ---- the Beta distribution --------------------------------------------------- */

/* P(Bin(n, x) ≥ k) = I_x(k, n − k + 1): the distribution function of a Beta
 * with whole-number parameters, in closed form. */
static double binomial_tail(int n, int k, double x)
{
    double sum = 0, choose = 1;
    for (int j = 0; j <= n; j++) {
        if (j >= k)
            sum += choose * pow(x, j) * pow(1 - x, n - j);
        choose = choose * (n - j) / (j + 1);
    }
    return sum;
}

START_TEST(beta_cdf_closed_forms)
{
    for (int i = 1; i < 100; i++) {
        double x = i / 100.0;
        /* I_x(1, b) = 1 − (1 − x)^b, I_x(a, 1) = x^a */
        ASSERT_NEAR(smb__beta_cdf(1, 5, x), 1 - pow(1 - x, 5), 1e-15);
        ASSERT_NEAR(smb__beta_cdf(2.5, 1, x), pow(x, 2.5), 1e-15);
        /* α = β = 3: 10x³ − 15x⁴ + 6x⁵ (whose terms, up to 15, cancel to
         * near 1: the polynomial itself is good to a few 1e-15 only) */
        ASSERT_NEAR(smb__beta_cdf(3, 3, x), 10 * pow(x, 3) - 15 * pow(x, 4) + 6 * pow(x, 5),
                    4e-15);
        for (int a = 1; a <= 5; a++)
            ASSERT_NEAR(smb__beta_cdf(a, 6 - a, x), binomial_tail(5, a, x), 4e-15);
    }
    /* symmetric shapes: I_½(a, a) = ½ */
    ASSERT_NEAR(smb__beta_cdf(2.7, 2.7, 0.5), 0.5, 1e-15);
    /* non-integer shapes, against a 40-digit evaluation (mpmath.betainc) */
    ASSERT_REL(smb__beta_cdf(2.7, 3.3, 0.37), 0.36063607841781403, 1e-14);
    ASSERT_REL(smb__beta_cdf(2.2, 3.8, 0.5), 0.76001087328650394, 1e-14);
    /* the far tail keeps its relative precision: I_x(2.2, 3.8) ≈
     * x^2.2/(2.2·B(2.2, 3.8)) for tiny x */
    ASSERT_REL(smb__beta_cdf(2.2, 3.8, 1e-6), 6.6541835548690505e-13, 1e-13);
    ck_assert(smb__beta_cdf(2, 3, 0) == 0.0 && smb__beta_cdf(2, 3, 1) == 1.0);
    ck_assert(smb__beta_cdf(2, 3, -1) == 0.0 && smb__beta_cdf(2, 3, 2) == 1.0);
}
END_TEST

START_TEST(beta_quantile_inverts_the_cdf)
{
    double shapes[][2] = {{1, 5}, {5, 1}, {3, 3}, {2.2, 3.8}, {4.6, 1.4}, {1.01, 4.99}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        double a = shapes[s][0], b = shapes[s][1];
        for (int e = -30; e < 0; e++) {
            double p = ldexp(1.0, e);
            double x = smb__beta_quantile(a, b, p, 0.5);
            ASSERT_REL(smb__beta_cdf(a, b, x), p, 1e-13);
            /* any starting guess converges to the same root */
            ASSERT_REL(smb__beta_quantile(a, b, p, 0.999), x, 1e-13);
        }
    }
    /* α = 1: x = 1 − (1 − p)^(1/β) in closed form */
    ASSERT_REL(smb__beta_quantile(1, 4, 0.3, 0.5), 1 - pow(0.7, 0.25), 1e-14);
    ck_assert(smb__beta_quantile(2, 3, 0, 0.5) == 0.0);
    ck_assert(smb__beta_quantile(2, 3, 1, 0.5) == 1.0);
}
END_TEST

/* ---- samplers ------------------------------------------------------------------ */

static smb__sampler sampler(smb_dist dist, double min, double mode, double max)
{
    smb_estimate e = {dist, min, mode, max};
    smb__sampler s;
    TH_OK(smb__sampler_init(&s, &e));
    return s;
}

/* The mean of draws at the midpoints of N equal strata of (0, 1): for a
 * monotone quantile function it lies within (max − min)/N of the exact mean
 * (between the left and right Riemann sums). */
static double stratified_mean(const smb__sampler *s, long n)
{
    smb__xsum sum;
    smb__xsum_init(&sum);
    for (long k = 0; k < n; k++)
        smb__xsum_add(&sum, smb__sampler_draw(s, (k + 0.5) / (double)n));
    return smb__xsum_round(&sum) / (double)n;
}

/* Draws never decrease with u; the bounded forms stay in [min, max] (a
 * lognormal's min and max are percentiles). */
static void assert_monotone(const smb__sampler *s, long n)
{
    bool bounded = s->dist != SMB_DIST_LOGNORMAL;
    double prev = smb__sampler_draw(s, 0x1p-33);
    ck_assert(!bounded || prev >= s->min);
    for (long k = 0; k <= n; k++) {
        double x = smb__sampler_draw(s, (k + 0.5) / (double)(n + 1));
        ck_assert_msg(x >= prev, "draw decreases at u = %.17g: %.17g after %.17g",
                      (k + 0.5) / (double)(n + 1), x, prev);
        prev = x;
    }
    double last = smb__sampler_draw(s, 1 - 0x1p-33);
    ck_assert(last >= prev && (!bounded || last <= s->max));
}

START_TEST(point_sampler)
{
    smb__sampler s = sampler(SMB_DIST_POINT, 0.4, 0.4, 0.4);
    ck_assert(!smb__sampler_varies(&s));
    ck_assert(smb__sampler_draw(&s, 0x1p-33) == 0.4 && smb__sampler_draw(&s, 0.7) == 0.4);
    ck_assert(smb__sampler_mean(&s) == 0.4);
    double lo, hi;
    smb__sampler_range(&s, &lo, &hi);
    ck_assert(lo == 0.4 && hi == 0.4);
    smb__sampler_free(&s);
    /* a distribution with min = max does not vary either */
    smb__sampler t = sampler(SMB_DIST_PERT, 3, 3, 3);
    ck_assert(!smb__sampler_varies(&t) && t.table == NULL);
    ck_assert(smb__sampler_draw(&t, 0.9) == 3);
    smb__sampler_free(&t);
    smb__sampler l = sampler(SMB_DIST_LOGNORMAL, 500, 500, 500);
    ck_assert(!smb__sampler_varies(&l) && smb__sampler_draw(&l, 0.99) == 500);
    ck_assert(smb__sampler_mean(&l) == 500);
    smb__sampler_free(&l);
}
END_TEST

/* uniform(2, 6): x = 2 + 4u; mean 4. */
START_TEST(uniform_sampler)
{
    smb__sampler s = sampler(SMB_DIST_UNIFORM, 2, 4, 6);
    ck_assert(smb__sampler_varies(&s));
    ck_assert(smb__sampler_draw(&s, 0.25) == 3.0);
    ck_assert(smb__sampler_draw(&s, 0.5) == 4.0);
    ck_assert(smb__sampler_draw(&s, 0.875) == 5.5);
    ck_assert(smb__sampler_mean(&s) == 4.0);
    assert_monotone(&s, 100000);
    ASSERT_NEAR(stratified_mean(&s, 1000000), 4.0, 4.0 / 1e6);
    double lo, hi;
    smb__sampler_range(&s, &lo, &hi);
    ck_assert(lo == 2 && hi == 6);
    smb__sampler_free(&s);
}
END_TEST

/* triangular(1, 2, 4): F(mode) = (2 − 1)/(4 − 1) = ⅓; below it
 * x = 1 + √(u·3·1), above x = 4 − √((1 − u)·3·2); mean (1 + 2 + 4)/3 = 7/3. */
START_TEST(triangular_sampler)
{
    smb__sampler s = sampler(SMB_DIST_TRIANGULAR, 1, 2, 4);
    ASSERT_NEAR(smb__sampler_draw(&s, 1.0 / 6), 1 + sqrt(0.5), 1e-15);   /* 1.7071067811865475 */
    ASSERT_NEAR(smb__sampler_draw(&s, 1.0 / 3), 2.0, 1e-15);             /* the mode */
    ASSERT_NEAR(smb__sampler_draw(&s, 0.75), 4 - sqrt(1.5), 1e-15);      /* 2.7752551286084110 */
    ASSERT_NEAR(smb__sampler_draw(&s, 0.5), 4 - sqrt(3.0), 1e-15);       /* √(0.5·6) */
    ASSERT_NEAR(smb__sampler_mean(&s), 7.0 / 3, 1e-15);
    assert_monotone(&s, 100000);
    ASSERT_NEAR(stratified_mean(&s, 1000000), 7.0 / 3, 3.0 / 1e6);
    smb__sampler_free(&s);
    /* a mode at an end: x = min + √(u)·(max − min) for mode = max */
    smb__sampler r = sampler(SMB_DIST_TRIANGULAR, 0, 10, 10);
    ASSERT_NEAR(smb__sampler_draw(&r, 0.25), 5.0, 1e-14);
    smb__sampler_free(&r);
}
END_TEST

/* The largest |F(draw(u)) − u| over a grid of u: evenly spaced points plus
 * points spread geometrically into both tails down to 2^−33. `cdf` is the
 * exact distribution function on the scaled range [0, 1]. */
static double sup_distance(const smb__sampler *s, double (*cdf)(double x, const double *shape),
                           const double *shape, long n)
{
    double worst = 0;
    double span = s->max - s->min;
    for (long k = 0; k < n; k++) {
        double u = (k + 0.5) / n;
        double x = (smb__sampler_draw(s, u) - s->min) / span;
        worst = fmax(worst, fabs(cdf(x, shape) - u));
    }
    for (int step = 0; step <= 33 * 64; step++) {
        double v = exp2(-33.0 + step / 64.0 * 32.0 / 33.0);
        for (int side = 0; side < 2; side++) {
            double u = side ? 1 - v : v;
            double x = (smb__sampler_draw(s, u) - s->min) / span;
            worst = fmax(worst, fabs(cdf(x, shape) - u));
        }
    }
    return worst;
}

/* α = β = 3: F(x) = 10x³ − 15x⁴ + 6x⁵ (the integral of 30x²(1 − x)²). */
static double cdf_beta33(double x, const double *shape)
{
    (void)shape;
    return x * x * x * (10 + x * (-15 + 6 * x));
}

/* Whole-number α, β = 6 − α: I_x(α, 6 − α) = P(Bin(5, x) ≥ α). */
static double cdf_binomial(double x, const double *shape)
{
    return binomial_tail(5, (int)shape[0], x);
}

static double cdf_beta(double x, const double *shape)
{
    return smb__beta_cdf(shape[0], shape[1], x);
}

/* PERT(min, mode, max) is min + (max − min)·Beta(α, β) with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min). */
START_TEST(pert_sampler_symmetric)
{
    /* PERT(10, 20, 30): α = 1 + 4·10/20 = 3, β = 3; the median is the mode
     * and the mean (10 + 4·20 + 30)/6 = 20. */
    smb__sampler s = sampler(SMB_DIST_PERT, 10, 20, 30);
    ck_assert(s.a == 3 && s.b == 3);
    ASSERT_NEAR(smb__sampler_draw(&s, 0.5), 20.0, 1e-12);
    /* F(x) = 10x³ − 15x⁴ + 6x⁵ at x = ¼ is 10/64 − 15/256 + 6/1024
     * = (160 − 60 + 6)/1024 = 106/1024: the draw there is 10 + 20·¼ = 15,
     * to within 20·10^−6/f(¼), f(¼) = 30·(¼)²·(¾)² = 270/256 */
    ASSERT_NEAR(smb__sampler_draw(&s, 106.0 / 1024), 15.0, 20 * 1e-6 * 256 / 270);
    double d = sup_distance(&s, cdf_beta33, NULL, 200000);
    ck_assert_msg(d < 1e-6, "sup |F(draw(u)) − u| = %g", d);
    assert_monotone(&s, 200000);
    ASSERT_NEAR(stratified_mean(&s, 1000000), 20.0, 20 * 2e-6);
    /* symmetric: draw(1 − u) − 20 = 20 − draw(u) */
    for (int k = 1; k < 1000; k++) {
        double u = k / 2048.0;
        ASSERT_NEAR(smb__sampler_draw(&s, 1 - u) - 20, 20 - smb__sampler_draw(&s, u), 1e-9);
    }
    smb__sampler_free(&s);
}
END_TEST

START_TEST(pert_sampler_every_whole_shape)
{
    /* modes at 0, ¼, ¾ and 1 of the range: α = 1, 2, 4, 5 */
    double modes[] = {0, 0.25, 0.75, 1};
    for (size_t i = 0; i < 4; i++) {
        smb__sampler s = sampler(SMB_DIST_PERT, 0, modes[i], 1);
        double shape[2] = {s.a, s.b};
        ck_assert(s.a == 1 + 4 * modes[i]);
        double d = sup_distance(&s, cdf_binomial, shape, 200000);
        ck_assert_msg(d < 1e-6, "mode %g: sup |F(draw(u)) − u| = %g", modes[i], d);
        assert_monotone(&s, 100000);
        /* mean (0 + 4·mode + 1)/6 */
        ASSERT_NEAR(stratified_mean(&s, 1000000), (1 + 4 * modes[i]) / 6, 2e-6);
        smb__sampler_free(&s);
    }
}
END_TEST

START_TEST(pert_sampler_other_shapes)
{
    /* shapes between the whole ones, and a wide money range */
    double modes[] = {0.001, 0.3, 0.55, 0.9, 0.999};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        smb__sampler s = sampler(SMB_DIST_PERT, 0, modes[i], 1);
        double shape[2] = {s.a, s.b};
        double d = sup_distance(&s, cdf_beta, shape, 200000);
        ck_assert_msg(d < 1e-6, "mode %g: sup |F(draw(u)) − u| = %g", modes[i], d);
        assert_monotone(&s, 50000);
        /* the table stays small: a few hundred nodes, 16 bytes each */
        ck_assert_msg(s.table_n < 400, "mode %g: %u nodes", modes[i], s.table_n);
        smb__sampler_free(&s);
    }
    smb__sampler m = sampler(SMB_DIST_PERT, 5000, 12000, 60000);
    /* mean (5000 + 48000 + 60000)/6 = 18833.33… */
    ASSERT_NEAR(stratified_mean(&m, 1000000), 113000.0 / 6, 55000 * 2e-6);
    ASSERT_NEAR(smb__sampler_mean(&m), 113000.0 / 6, 1e-9);
    smb__sampler_free(&m);
}
END_TEST

/* Modes every 1/40 of the range, and one whose coarse table once slipped
 * past a check at the subintervals' midpoints only. */
START_TEST(pert_sampler_sweep_of_shapes)
{
    for (int i = 0; i <= 41; i++) {
        double mode = i <= 40 ? i / 40.0 : 0.8725;
        smb__sampler s = sampler(SMB_DIST_PERT, 0, mode, 1);
        double shape[2] = {s.a, s.b};
        double d = sup_distance(&s, cdf_beta, shape, 20000);
        ck_assert_msg(d < 1e-6, "mode %g: sup |F(draw(u)) − u| = %g", mode, d);
        smb__sampler_free(&s);
    }
}
END_TEST

/* lognormal(5th = 1000, 95th = 100000): μ = (ln 1000 + ln 100000)/2 =
 * ln 10000; σ = (ln 100000 − ln 1000)/(2·1.6448536269514722) = ln 100 /
 * 3.2897072539029444 = 4.605170185988091/3.2897072539029444 = 1.3998723383;
 * mean = 10000·exp(σ²/2) = 10000·exp(0.9798212818) = 26639.80098. */
START_TEST(lognormal_sampler)
{
    smb__sampler s = sampler(SMB_DIST_LOGNORMAL, 1000, 0, 100000);
    ASSERT_REL(s.a, log(10000.0), 1e-15);
    ASSERT_REL(s.b, 1.3998723383439263, 1e-14);
    ASSERT_REL(smb__sampler_draw(&s, 0.05), 1000.0, 1e-13);
    ASSERT_REL(smb__sampler_draw(&s, 0.5), 10000.0, 1e-15);
    ASSERT_REL(smb__sampler_draw(&s, 0.95), 100000.0, 1e-13);
    ASSERT_REL(smb__sampler_mean(&s), 26639.800977355469, 1e-13);
    assert_monotone(&s, 100000);
    /* The grid's last stratum stands for the tail above u = 1 − 10^−6, which
     * carries Φ(σ − Φ⁻¹(1 − 10^−6)) = Φ(1.39987 − 4.75342) ≈ 4e-4 of the
     * mean: the stratified mean is within that share. */
    ASSERT_REL(stratified_mean(&s, 1000000), 26639.800977355469, 4e-4);
    double lo, hi;
    smb__sampler_range(&s, &lo, &hi);
    ck_assert(lo == 1000 && hi == 100000);
    smb__sampler_free(&s);
}
END_TEST

START_TEST(samplers_take_the_whole_unit_interval)
{
    /* The generator never gives 0 or 1, but a draw at either end (or a
     * NaN) stays finite and within the range for the bounded forms. */
    smb__sampler forms[] = {sampler(SMB_DIST_UNIFORM, 1, 2, 3),
                            sampler(SMB_DIST_TRIANGULAR, 1, 2, 3),
                            sampler(SMB_DIST_PERT, 1, 2.5, 3)};
    for (size_t i = 0; i < 3; i++) {
        double ends[] = {0.0, 1e-300, 0x1p-40, 0.5, 1 - 0x1p-53, 1.0};
        for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
            double x = smb__sampler_draw(&forms[i], ends[k]);
            ck_assert_msg(x >= 1 && x <= 3, "form %zu at u = %g: %g", i, ends[k], x);
        }
        ck_assert(smb__sampler_draw(&forms[i], 0.0) == 1.0);
        smb__sampler_free(&forms[i]);
    }
}
END_TEST

START_TEST(sampler_init_allocation_failures)
{
    th_alloc_install();
    smb_estimate e = {SMB_DIST_PERT, 0, 0.3, 1};
    smb__sampler s;
    TH_EACH_ALLOC_FAILURE(smb__sampler_init(&s, &e), true, smb__sampler_free(&s), 3);
    smb__sampler_free(&s); /* freeing twice is harmless: free zeroes the table */
}
END_TEST

/* ---- exact summation ----------------------------------------------------------- */

static double xsum_of(const double *x, size_t n)
{
    smb__xsum s;
    smb__xsum_init(&s);
    for (size_t i = 0; i < n; i++)
        smb__xsum_add(&s, x[i]);
    return smb__xsum_round(&s);
}

START_TEST(xsum_is_exact)
{
    /* 1e16 + 1 is 1e16 in doubles (their spacing there is 2): the exact
     * sum 1e16 + 1 − 1e16 is 1 */
    double a[] = {1e16, 1, -1e16};
    ck_assert(xsum_of(a, 3) == 1.0);
    /* DBL_MAX + DBL_MAX − DBL_MAX = DBL_MAX, though the running sum
     * overflows */
    double b[] = {DBL_MAX, DBL_MAX, -DBL_MAX};
    ck_assert(xsum_of(b, 3) == DBL_MAX);
    /* huge values cancel and leave the smallest subnormal */
    double c[] = {1e308, 4.9406564584124654e-324, -1e308};
    ck_assert(xsum_of(c, 3) == 4.9406564584124654e-324);
    /* 0.1 (= 3602879701896397/2^55) ten times is 36028797018963970/2^55
     * = 1.0000000000000000555, which rounds to 1; summing in doubles
     * gives 0.9999999999999999 */
    double tenth[10];
    for (int i = 0; i < 10; i++)
        tenth[i] = 0.1;
    ck_assert(xsum_of(tenth, 10) == 1.0);
    /* ties go to even: 1 + 2^−53 is exactly halfway, rounds to 1; a
     * further 2^−106 breaks the tie upwards to 1 + 2^−52 */
    double t1[] = {1, 0x1p-53};
    ck_assert(xsum_of(t1, 2) == 1.0);
    double t2[] = {1, 0x1p-53, 0x1p-106};
    ck_assert(xsum_of(t2, 3) == 1 + 0x1p-52);
    double t3[] = {1 + 0x1p-52, 0x1p-53}; /* odd last bit: halfway rounds up */
    ck_assert(xsum_of(t3, 2) == 1 + 0x1p-51);
    /* negative results and exact cancellation to +0 */
    double n[] = {-3.5, 1.25, -0.75};
    ck_assert(xsum_of(n, 3) == -3.0);
    double z[] = {2.5, -2.5};
    double zero = xsum_of(z, 2);
    ck_assert(zero == 0.0 && !signbit(zero));
    ck_assert(xsum_of(NULL, 0) == 0.0);
    /* a sum that rounds past the largest double overflows to infinity */
    double big[] = {DBL_MAX, DBL_MAX};
    ck_assert(xsum_of(big, 2) == HUGE_VAL);
    double nbig[] = {-DBL_MAX, -DBL_MAX};
    ck_assert(xsum_of(nbig, 2) == -HUGE_VAL);
}
END_TEST

START_TEST(xsum_specials)
{
    double inf[] = {1, HUGE_VAL, 2};
    ck_assert(xsum_of(inf, 3) == HUGE_VAL);
    double both[] = {HUGE_VAL, 1, -HUGE_VAL};
    ck_assert(isnan(xsum_of(both, 3)));
    double nan[] = {1, NAN, HUGE_VAL};
    ck_assert(isnan(xsum_of(nan, 3)));
}
END_TEST

/* Values of every magnitude and both signs, from the generator. */
static double *wild_values(size_t n)
{
    double *x = malloc(n * sizeof *x);
    ck_assert_ptr_nonnull(x);
    uint32_t key[2] = {2024, 11};
    for (size_t i = 0; i < n; i++) {
        uint32_t ctr[4] = {(uint32_t)i, 0, 0, 0}, w[4];
        smb__philox4x32_10(ctr, key, w);
        double mant = smb__u01(w[0]) * (w[1] & 1 ? 1 : -1);
        int exponent = (int)(w[2] % 2000u) - 1000;
        x[i] = ldexp(mant, exponent);
    }
    return x;
}

START_TEST(xsum_order_does_not_matter)
{
    enum { N = 100000 };
    double *x = wild_values(N);
    smb__xsum forward, backward, shuffled;
    smb__xsum_init(&forward);
    smb__xsum_init(&backward);
    smb__xsum_init(&shuffled);
    for (size_t i = 0; i < N; i++)
        smb__xsum_add(&forward, x[i]);
    for (size_t i = N; i > 0; i--)
        smb__xsum_add(&backward, x[i - 1]);
    /* a fixed permutation: i·7919 mod N visits every index, 7919 being prime to N */
    for (size_t i = 0; i < N; i++)
        smb__xsum_add(&shuffled, x[i * 7919 % N]);
    double f = smb__xsum_round(&forward), b = smb__xsum_round(&backward),
           s = smb__xsum_round(&shuffled);
    ck_assert(memcmp(&f, &b, sizeof f) == 0 && memcmp(&f, &s, sizeof f) == 0);
    unsigned char bf[SMB__XSUM_BYTES], bb[SMB__XSUM_BYTES], bs[SMB__XSUM_BYTES];
    smb__xsum_store(&forward, bf);
    smb__xsum_store(&backward, bb);
    smb__xsum_store(&shuffled, bs);
    ck_assert_mem_eq(bf, bb, SMB__XSUM_BYTES);
    ck_assert_mem_eq(bf, bs, SMB__XSUM_BYTES);
    /* adding every value and its negation leaves exactly 0 */
    for (size_t i = 0; i < N; i++)
        smb__xsum_add(&forward, -x[i]);
    ck_assert(smb__xsum_round(&forward) == 0.0);
    free(x);
}
END_TEST

START_TEST(xsum_merge_and_many_additions)
{
    /* More additions than the accumulator takes between carry
     * propagations (2^20): 3·2^20 + 5 terms of ±DBL_MAX/4 and 1. */
    size_t n = 3 * ((size_t)1 << 20) + 5;
    smb__xsum whole, left, right;
    smb__xsum_init(&whole);
    smb__xsum_init(&left);
    smb__xsum_init(&right);
    for (size_t i = 0; i < n; i++) {
        double x = i % 3 == 0 ? DBL_MAX / 4 : i % 3 == 1 ? 1.0 : -DBL_MAX / 4;
        smb__xsum_add(&whole, x);
        smb__xsum_add(i < n / 3 ? &left : &right, x);
    }
    /* n = 3·2^20 + 5 = 3m + 2 with m = 2^20 + 1: indices ≡ 0 and ≡ 1
     * (mod 3) number m + 1 each, ≡ 2 number m; the big ones cancel but one:
     * DBL_MAX/4 + (2^20 + 2), which rounds to DBL_MAX/4 */
    ck_assert(smb__xsum_round(&whole) == DBL_MAX / 4);
    smb__xsum_merge(&left, &right);
    unsigned char bw[SMB__XSUM_BYTES], bm[SMB__XSUM_BYTES];
    smb__xsum_store(&whole, bw);
    smb__xsum_store(&left, bm);
    ck_assert_mem_eq(bw, bm, SMB__XSUM_BYTES);
    /* the sum of the 1s alone, after cancelling the big ones, is exact */
    smb__xsum_add(&whole, -DBL_MAX / 4);
    ck_assert(smb__xsum_round(&whole) == (double)((n + 1) / 3));
    /* merging a special carries it over */
    smb__xsum inf;
    smb__xsum_init(&inf);
    smb__xsum_add(&inf, -HUGE_VAL);
    smb__xsum_merge(&left, &inf);
    ck_assert(smb__xsum_round(&left) == -HUGE_VAL);
}
END_TEST

START_TEST(xsum_store_fetch_and_corrupt_bytes)
{
    double *x = wild_values(1000);
    smb__xsum s, back;
    smb__xsum_init(&s);
    for (size_t i = 0; i < 1000; i++)
        smb__xsum_add(&s, x[i]);
    free(x);
    unsigned char bytes[SMB__XSUM_BYTES], again[SMB__XSUM_BYTES];
    smb__xsum_store(&s, bytes);
    ck_assert_int_eq(smb__xsum_fetch(&back, bytes), 0);
    double a = smb__xsum_round(&s), b = smb__xsum_round(&back);
    ck_assert(memcmp(&a, &b, sizeof a) == 0);
    smb__xsum_store(&back, again);
    ck_assert_mem_eq(bytes, again, SMB__XSUM_BYTES);
    /* an infinite sum round-trips */
    smb__xsum inf;
    smb__xsum_init(&inf);
    smb__xsum_add(&inf, HUGE_VAL);
    smb__xsum_store(&inf, again);
    ck_assert_int_eq(smb__xsum_fetch(&back, again), 0);
    ck_assert(smb__xsum_round(&back) == HUGE_VAL);

    /* corrupt: a limb that is not a 32-bit digit, a flag other than 0/1,
     * a finite "special" value, a value without its flag; the target is
     * left as it was */
    smb__xsum target;
    smb__xsum_init(&target);
    smb__xsum_add(&target, 42);
    unsigned char bad[SMB__XSUM_BYTES];
    memcpy(bad, bytes, sizeof bad);
    bad[8 * 3 + 4] = 1; /* limb 3 ≥ 2^32 */
    ck_assert_int_eq(smb__xsum_fetch(&target, bad), -1);
    memcpy(bad, bytes, sizeof bad);
    bad[8 * (SMB__XSUM_LIMBS - 1) + 7] = 0x40; /* top limb far too large */
    ck_assert_int_eq(smb__xsum_fetch(&target, bad), -1);
    memcpy(bad, bytes, sizeof bad);
    bad[8 * SMB__XSUM_LIMBS] = 2;
    ck_assert_int_eq(smb__xsum_fetch(&target, bad), -1);
    memcpy(bad, bytes, sizeof bad);
    bad[8 * SMB__XSUM_LIMBS + 8] = 0x3f; /* value bytes without the flag */
    ck_assert_int_eq(smb__xsum_fetch(&target, bad), -1);
    memcpy(bad, again, sizeof bad);
    double finite = 1.5;
    memcpy(bad + 8 * SMB__XSUM_LIMBS + 1, &finite, sizeof finite); /* little-endian hosts */
    ck_assert_int_eq(smb__xsum_fetch(&target, bad), -1);
    ck_assert(smb__xsum_round(&target) == 42);
}
END_TEST

/* ---- the DDSketch ---------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Every quantile the sketch reports is within a factor 1 ± a of the order
 * statistic of rank ⌊(n − 1)q + ½⌋ (0 for values at or below the floor),
 * and so between the two order statistics the exact type-7 percentile
 * interpolates, widened by that factor. */
static void assert_quantiles_within_bound(const smb__sketch *s, double *values, size_t n)
{
    qsort(values, n, sizeof *values, cmp_double);
    double a = s->accuracy;
    for (int i = 0; i <= 1000; i++) {
        double q = i / 1000.0;
        double got = smb__sketch_quantile(s, q);
        size_t rank = (size_t)floor((double)(n - 1) * q + 0.5);
        double want = values[rank] <= SMB__SKETCH_FLOOR ? 0 : values[rank];
        /* 1e-12: the rounding of log_γ x at a bucket's edge */
        ck_assert_msg(fabs(got - want) <= want * (a + 1e-12),
                      "q = %g: sketch %.17g, order statistic %.17g, accuracy %g", q, got, want, a);
        double h = (double)(n - 1) * q;
        double lo = values[(size_t)floor(h)], hi = values[(size_t)ceil(h)];
        ck_assert(got >= lo * (1 - a - 1e-12) - SMB__SKETCH_FLOOR &&
                  got <= hi * (1 + a + 1e-12));
    }
}

START_TEST(sketch_quantiles_are_within_the_bound)
{
    /* 1..1000 with 200 zeros: small integers, the ranks easy to follow */
    enum { N = 1200 };
    double values[N];
    smb__sketch s;
    TH_OK(smb__sketch_init(&s, 0.01));
    /* γ = 1.01/0.99 = 1.0202…: bucket i holds (γ^(i−1), γ^i] */
    ASSERT_REL(s.gamma, 1.01 / 0.99, 1e-15);
    for (int i = 0; i < N; i++) {
        values[i] = i < 200 ? 0.0 : i - 199.0;
        TH_OK(smb__sketch_add(&s, values[i]));
    }
    ck_assert(s.count == N && s.zero_count == 200);
    /* the median of 0×200, 1..1000: rank ⌊1199·½ + ½⌋ = 600 → the value 401,
     * reported within 1 % */
    ASSERT_REL(smb__sketch_quantile(&s, 0.5), 401.0, 0.01 + 1e-12);
    ck_assert(smb__sketch_quantile(&s, 0.1) == 0.0); /* rank 120 is a zero */
    assert_quantiles_within_bound(&s, values, N);
    /* mean of the 5 largest, 996..1000 → 998, within 1 % */
    ASSERT_REL(smb__sketch_top_mean(&s, 5), 998.0, 0.01 + 1e-12);
    /* all of them: (1 + … + 1000)/1200 = 500500/1200 */
    ASSERT_REL(smb__sketch_top_mean(&s, N), 500500.0 / N, 0.01 + 1e-12);
    ASSERT_REL(smb__sketch_top_mean(&s, N + 10), 500500.0 / N, 0.01 + 1e-12);
    ck_assert(isnan(smb__sketch_top_mean(&s, 0)));
    ck_assert(isnan(smb__sketch_quantile(&s, 1.5)) && isnan(smb__sketch_quantile(&s, NAN)));
    smb__sketch_free(&s);

    smb__sketch empty;
    TH_OK(smb__sketch_init(&empty, 0.005));
    ck_assert(isnan(smb__sketch_quantile(&empty, 0.5)));
    ck_assert(isnan(smb__sketch_top_mean(&empty, 1)));
    smb__sketch_free(&empty);
}
END_TEST

START_TEST(sketch_wide_ranges_at_every_accuracy)
{
    enum { N = 20000 };
    double *values = malloc(N * sizeof *values), *copy = malloc(N * sizeof *copy);
    ck_assert_ptr_nonnull(values);
    ck_assert_ptr_nonnull(copy);
    uint32_t key[2] = {5, 6};
    for (size_t i = 0; i < N; i++) {
        uint32_t ctr[4] = {(uint32_t)i, 0, 0, 0}, w[4];
        smb__philox4x32_10(ctr, key, w);
        /* from 1e-15 (counted as 0) to 1e15, log-uniform, and some zeros */
        values[i] = w[1] % 10 == 0 ? 0 : pow(10.0, -15 + 30 * smb__u01(w[0]));
    }
    double accuracies[] = {1e-4, 0.005, 0.1};
    for (size_t k = 0; k < 3; k++) {
        smb__sketch s;
        TH_OK(smb__sketch_init(&s, accuracies[k]));
        for (size_t i = 0; i < N; i++)
            TH_OK(smb__sketch_add(&s, values[i]));
        memcpy(copy, values, N * sizeof *copy);
        assert_quantiles_within_bound(&s, copy, N);
        smb__sketch_free(&s);
    }
    free(values);
    free(copy);
}
END_TEST

static smb__sketch sketch_of(double accuracy, const double *x, size_t n)
{
    smb__sketch s;
    TH_OK(smb__sketch_init(&s, accuracy));
    for (size_t i = 0; i < n; i++)
        TH_OK(smb__sketch_add(&s, x[i]));
    return s;
}

static void stored(const smb__sketch *s, unsigned char **bytes, size_t *size)
{
    TH_OK(smb__sketch_store(s, bytes, size));
}

START_TEST(sketch_merge_equals_the_whole)
{
    enum { N = 5000 };
    double x[N];
    for (int i = 0; i < N; i++)
        x[i] = i % 7 == 0 ? 0 : 1e-3 * pow(1.003, i);
    smb__sketch whole = sketch_of(0.005, x, N);
    smb__sketch low = sketch_of(0.005, x, N / 3), high = sketch_of(0.005, x + N / 3, N - N / 3);
    smb__sketch high_low = sketch_of(0.005, x + N / 3, N - N / 3);
    TH_OK(smb__sketch_merge(&low, &high));
    smb__sketch low_again = sketch_of(0.005, x, N / 3);
    TH_OK(smb__sketch_merge(&high_low, &low_again)); /* the other order */
    unsigned char *bw, *bm, *br;
    size_t sw, sm, sr;
    stored(&whole, &bw, &sw);
    stored(&low, &bm, &sm);
    stored(&high_low, &br, &sr);
    ck_assert_uint_eq(sw, sm);
    ck_assert_uint_eq(sw, sr);
    ck_assert_mem_eq(bw, bm, sw);
    ck_assert_mem_eq(bw, br, sw);
    /* 32 header bytes and 8 per bucket from the first to the last used */
    ck_assert_uint_eq(sw % 8, 0);
    smb_free(bw);
    smb_free(bm);
    smb_free(br);
    /* an empty sketch merges as nothing */
    smb__sketch empty;
    TH_OK(smb__sketch_init(&empty, 0.005));
    TH_OK(smb__sketch_merge(&whole, &empty));
    ck_assert(whole.count == N);
    /* sketches of different accuracies do not merge */
    smb__sketch other;
    TH_OK(smb__sketch_init(&other, 0.01));
    TH_ASSERT_FAILS(smb__sketch_merge(&whole, &other), SMB_EINVAL, "accuracy");
    ck_assert(whole.count == N);
    smb__sketch_free(&whole);
    smb__sketch_free(&low);
    smb__sketch_free(&high);
    smb__sketch_free(&high_low);
    smb__sketch_free(&low_again);
    smb__sketch_free(&empty);
    smb__sketch_free(&other);
}
END_TEST

START_TEST(sketch_store_fetch_and_corrupt_bytes)
{
    double x[] = {0, 0.5, 2, 2, 3, 1e6, 7e9};
    smb__sketch s = sketch_of(0.01, x, 7);
    unsigned char *bytes;
    size_t size;
    stored(&s, &bytes, &size);
    smb__sketch back;
    ck_assert_uint_eq(smb__sketch_fetch(&back, bytes, size), size);
    ck_assert(back.count == 7 && back.zero_count == 1 && back.accuracy == 0.01);
    for (int i = 0; i <= 10; i++)
        ck_assert(smb__sketch_quantile(&back, i / 10.0) == smb__sketch_quantile(&s, i / 10.0));
    unsigned char *again;
    size_t again_size;
    stored(&back, &again, &again_size);
    ck_assert_uint_eq(again_size, size);
    ck_assert_mem_eq(bytes, again, size);
    smb_free(again);
    /* trailing bytes are not the sketch's: it says how many it read */
    unsigned char *longer = malloc(size + 5);
    memcpy(longer, bytes, size);
    smb__sketch more;
    ck_assert_uint_eq(smb__sketch_fetch(&more, longer, size + 5), size);
    smb__sketch_free(&more);
    free(longer);
    /* an empty sketch round-trips too */
    smb__sketch empty;
    TH_OK(smb__sketch_init(&empty, 0.1));
    unsigned char *eb;
    size_t es;
    stored(&empty, &eb, &es);
    ck_assert_uint_eq(es, 32);
    smb__sketch eback;
    ck_assert_uint_eq(smb__sketch_fetch(&eback, eb, es), 32);
    ck_assert(eback.count == 0 && eback.length == 0);
    smb_free(eb);

    /* Corruptions, each refused with a message, the target untouched. */
    size_t n = (size - 32) / 8;
    struct {
        size_t at;
        unsigned char value;
        const char *why;
    } cases[] = {
        {0, 0x00, "accuracy"},                /* accuracy bits changed: out of range */
        {8, 0x09, "add up"},                   /* count 9 ≠ 1 + buckets */
        {16, 0x02, "add up"},                  /* zero count 2 */
        {27, 0x7f, "bucket range"},            /* first index far past the largest double's */
        {29, 0xff, "truncated buckets"},       /* more buckets than bytes */
        {32, 0x00, "empty bucket"},            /* first bucket count 0 */
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        unsigned char *bad = malloc(size);
        memcpy(bad, bytes, size);
        if (cases[c].at == 0)
            memset(bad, 0, 8); /* accuracy 0 */
        else
            bad[cases[c].at] = cases[c].value;
        smb__sketch target = back;
        ck_assert_msg(smb__sketch_fetch(&target, bad, size) == 0, "case %zu accepted", c);
        ck_assert_msg(strstr(smb_last_error(), cases[c].why) != NULL, "case %zu: %s", c,
                      smb_last_error());
        ck_assert_int_eq(smb_last_error_info()->status, SMB_EPARSE);
        ck_assert(memcmp(&target, &back, sizeof target) == 0);
        free(bad);
    }
    ck_assert_uint_eq(smb__sketch_fetch(&eback, bytes, 31), 0);
    ck_assert(strstr(smb_last_error(), "truncated header") != NULL);
    ck_assert_uint_eq(smb__sketch_fetch(&eback, bytes, size - 1), 0);
    /* the last bucket empty */
    unsigned char *bad = malloc(size);
    memcpy(bad, bytes, size);
    memset(bad + 32 + 8 * (n - 1), 0, 8);
    bad[8] = (unsigned char)(bytes[8] - 1); /* keep the total consistent */
    ck_assert_uint_eq(smb__sketch_fetch(&eback, bad, size), 0);
    ck_assert(strstr(smb_last_error(), "empty bucket") != NULL);
    free(bad);
    smb_free(bytes);
    smb__sketch_free(&s);
    smb__sketch_free(&back);
    smb__sketch_free(&empty);
    smb__sketch_free(&eback);
}
END_TEST

START_TEST(sketch_refusals_and_odd_values)
{
    smb__sketch s;
    TH_ASSERT_FAILS(smb__sketch_init(&s, 0.5), SMB_ERANGE, "accuracy");
    TH_ASSERT_FAILS(smb__sketch_init(&s, 0), SMB_ERANGE, "accuracy");
    TH_ASSERT_FAILS(smb__sketch_init(&s, NAN), SMB_ERANGE, "accuracy");
    TH_OK(smb__sketch_init(&s, 0.01));
    /* negatives, NaN and values at the floor count as zeros; infinity as
     * the largest double */
    TH_OK(smb__sketch_add(&s, -5));
    TH_OK(smb__sketch_add(&s, NAN));
    TH_OK(smb__sketch_add(&s, SMB__SKETCH_FLOOR));
    TH_OK(smb__sketch_add(&s, HUGE_VAL));
    ck_assert(s.zero_count == 3 && s.count == 4);
    ASSERT_REL(smb__sketch_quantile(&s, 1), DBL_MAX, 0.01 + 1e-12);
    smb__sketch_free(&s);
    smb__sketch_free(&s); /* twice is harmless */
}
END_TEST

START_TEST(sketch_allocation_failures)
{
    th_alloc_install(); /* before any block exists: the counting allocator frees them */
    smb__sketch s;
    TH_OK(smb__sketch_init(&s, 0.001));
    TH_OK(smb__sketch_add(&s, 1.0));
    /* a value far outside the held buckets makes them grow */
    TH_EACH_ALLOC_FAILURE(smb__sketch_add(&s, 1e9), s.count == 1 && s.zero_count == 0,
                          (void)0, 1);
    ck_assert(s.count == 2);
    ASSERT_REL(smb__sketch_quantile(&s, 1), 1e9, 0.001 + 1e-12);

    smb__sketch wide;
    TH_OK(smb__sketch_init(&wide, 0.001));
    TH_OK(smb__sketch_add(&wide, 1e-9));
    TH_OK(smb__sketch_add(&wide, 1e12));
    TH_EACH_ALLOC_FAILURE(smb__sketch_merge(&s, &wide), s.count == 2, (void)0, 1);
    ck_assert(s.count == 4);
    ASSERT_REL(smb__sketch_quantile(&s, 0), 1e-9, 0.001 + 1e-12);

    unsigned char *bytes;
    size_t size;
    TH_EACH_ALLOC_FAILURE(smb__sketch_store(&s, &bytes, &size), true, (void)0, 1);
    smb__sketch back;
    memset(&back, 0, sizeof back);
    TH_EACH_ALLOC_FAILURE(smb__sketch_fetch(&back, bytes, size) == size ? SMB_OK
                                                                         : smb_last_error_info()->status,
                          back.counts == NULL, (void)0, 1);
    ck_assert(back.count == 4);
    smb_free(bytes);
    smb__sketch_free(&back);
    smb__sketch_free(&wide);
    smb__sketch_free(&s);
}
END_TEST

static Suite *numerics_suite(void)
{
    Suite *s = suite_create("sim_numerics");
    TCase *random = tcase_create("random numbers");
    tcase_add_test(random, philox_known_answers);
    tcase_add_test(random, philox_is_a_pure_function);
    tcase_add_test(random, uniform_mapping);
    tcase_add_test(random, normal_quantile_table_values);
    tcase_add_test(random, normal_quantile_symmetry_and_edges);
    tcase_add_test(random, normal_cdf_table_values);
    tcase_add_test(random, beta_cdf_closed_forms);
    tcase_add_test(random, beta_quantile_inverts_the_cdf);
    suite_add_tcase(s, random);

    TCase *samplers = tcase_create("samplers");
    tcase_add_test(samplers, point_sampler);
    tcase_add_test(samplers, uniform_sampler);
    tcase_add_test(samplers, triangular_sampler);
    tcase_add_test(samplers, pert_sampler_symmetric);
    tcase_add_test(samplers, pert_sampler_every_whole_shape);
    tcase_add_test(samplers, pert_sampler_other_shapes);
    tcase_add_test(samplers, pert_sampler_sweep_of_shapes);
    tcase_add_test(samplers, lognormal_sampler);
    tcase_add_test(samplers, samplers_take_the_whole_unit_interval);
    tcase_add_test(samplers, sampler_init_allocation_failures);
    tcase_set_timeout(samplers, 120);
    suite_add_tcase(s, samplers);

    TCase *sums = tcase_create("exact sums");
    tcase_add_test(sums, xsum_is_exact);
    tcase_add_test(sums, xsum_specials);
    tcase_add_test(sums, xsum_order_does_not_matter);
    tcase_add_test(sums, xsum_merge_and_many_additions);
    tcase_add_test(sums, xsum_store_fetch_and_corrupt_bytes);
    tcase_set_timeout(sums, 60);
    suite_add_tcase(s, sums);

    TCase *sketch = tcase_create("sketch");
    tcase_add_test(sketch, sketch_quantiles_are_within_the_bound);
    tcase_add_test(sketch, sketch_wide_ranges_at_every_accuracy);
    tcase_add_test(sketch, sketch_merge_equals_the_whole);
    tcase_add_test(sketch, sketch_store_fetch_and_corrupt_bytes);
    tcase_add_test(sketch, sketch_refusals_and_odd_values);
    tcase_add_test(sketch, sketch_allocation_failures);
    tcase_set_timeout(sketch, 60);
    suite_add_tcase(s, sketch);
    return s;
}

int main(void)
{
    return th_run_suite(numerics_suite());
}
