/* SPDX-License-Identifier: MIT */
/*
 * The simulator's internal statistics and trial machinery, worked out by
 * hand on tiny arrays: type-7 percentiles, the expected-shortfall tail and
 * its ties, average ranks and Spearman's ρ, the radix sort; and the
 * invariants the engine rests on: every vector form of the Philox words
 * equals the scalar reference, and both a chunk of trials and the single
 * trials recreated from their indices give exactly what the documented
 * rules, written out plainly here, give (the engine decides most
 * occurrences early, from bounds). Links the library's objects, since these
 * functions are not exported.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sim_impl.h"
#include "sim_random.h"

static long live_before;

static void setup(void)
{
    th_alloc_install();
    live_before = th_alloc_live();
}

static void teardown(void)
{
    ck_assert_msg(th_alloc_live() == live_before, "%ld block(s) leaked",
                  th_alloc_live() - live_before);
}

#define ASSERT_EXACT(x, y) ck_assert_msg((x) == (y), "%s = %.17g, expected %.17g", #x, (double)(x), (double)(y))
#define ASSERT_NEAR(x, y, tol) ck_assert_double_eq_tol((x), (y), (tol))

/* ---- percentiles -------------------------------------------------------- */

START_TEST(type7_percentiles_of_one_to_four)
{
    /* h = (n − 1)·q/100 = 3q/100, linear between x[⌊h⌋] and x[⌈h⌉]:
     *   q 0: h 0 → 1; q 25: h 0.75 → 1 + 0.75·(2 − 1) = 1.75;
     *   q 50: h 1.5 → 2.5; q 90: h 2.7 → 3 + 0.7·(4 − 3) = 3.7; q 100: h 3 → 4.
     * (numpy.percentile([1, 2, 3, 4], [0, 25, 50, 90, 100]) agrees.) */
    const double x[] = {1, 2, 3, 4};
    ASSERT_EXACT(smb__sim_percentile(x, 4, 0), 1.0);
    ASSERT_EXACT(smb__sim_percentile(x, 4, 25), 1.75);
    ASSERT_EXACT(smb__sim_percentile(x, 4, 50), 2.5);
    ASSERT_NEAR(smb__sim_percentile(x, 4, 90), 3.7, 1e-15);
    ASSERT_EXACT(smb__sim_percentile(x, 4, 100), 4.0);
    /* One value is every percentile. */
    const double one[] = {7};
    ASSERT_EXACT(smb__sim_percentile(one, 1, 0), 7.0);
    ASSERT_EXACT(smb__sim_percentile(one, 1, 99.5), 7.0);
    /* 100·0.95 is 94.99999999999999 in binary; with 101 values h must be
     * the order statistic 95 exactly, not 94.999... */
    double hundred[101];
    for (int i = 0; i <= 100; i++)
        hundred[i] = i * 10.0;
    ASSERT_EXACT(smb__sim_percentile(hundred, 101, 100.0 * 0.95), 950.0);
}
END_TEST

START_TEST(tail_count_rounds_up_but_not_float_noise)
{
    /* (1 − 0.95)·100 = 5.000000000000004 in binary: the tail is 5, not 6. */
    ck_assert_uint_eq(smb__sim_tail_count(0.95, 100), 5);
    /* (1 − 0.95)·101 = 5.05 → 6. */
    ck_assert_uint_eq(smb__sim_tail_count(0.95, 101), 6);
    /* Never below 1: (1 − 0.999)·10 = 0.01 → 1; one trial → 1. */
    ck_assert_uint_eq(smb__sim_tail_count(0.999, 10), 1);
    ck_assert_uint_eq(smb__sim_tail_count(0.5, 1), 1);
    /* 1 − 0.9999999 carries a relative error near 6e-10: still 1 of 10^7. */
    ck_assert_uint_eq(smb__sim_tail_count(0.9999999, 10000000), 1);
    /* (1 − 0.01)·10 = 9.9 → 10, at most n. */
    ck_assert_uint_eq(smb__sim_tail_count(0.01, 10), 10);
    ck_assert_uint_eq(smb__sim_tail_count(0.95, 1000000000000ULL), 50000000000ULL);
}
END_TEST

START_TEST(tail_ties_go_to_the_lower_trials)
{
    /* Trials 0..5 with totals 3 7 5 7 7 1; sorted 1 3 5 7 7 7. The k = 2
     * largest: the boundary is sorted[6 − 2] = 7, none is above it, so the
     * two 7s of the lowest trials belong, trials 1 and 3: the last is 3. */
    const double values[] = {3, 7, 5, 7, 7, 1};
    const double sorted[] = {1, 3, 5, 7, 7, 7};
    double boundary;
    size_t last;
    smb__sim_tail(values, sorted, 6, 2, &boundary, &last);
    ASSERT_EXACT(boundary, 7.0);
    ck_assert_uint_eq(last, 3);
    /* Totals 9 7 5 7 7 1, k = 3: sorted 1 5 7 7 7 9, boundary sorted[3] = 7;
     * the 9 is above it, so two 7s more: trials 1 and 3 again. */
    const double values2[] = {9, 7, 5, 7, 7, 1};
    const double sorted2[] = {1, 5, 7, 7, 7, 9};
    smb__sim_tail(values2, sorted2, 6, 3, &boundary, &last);
    ASSERT_EXACT(boundary, 7.0);
    ck_assert_uint_eq(last, 3);
    /* k = n takes everything: the boundary is the smallest, 1, at trial 5. */
    smb__sim_tail(values2, sorted2, 6, 6, &boundary, &last);
    ASSERT_EXACT(boundary, 1.0);
    ck_assert_uint_eq(last, 5);
}
END_TEST

/* ---- sorting and ranks --------------------------------------------------- */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

START_TEST(radix_sort_agrees_with_qsort)
{
    enum { N = 5000 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    void *scratch = malloc(smb__sim_sort_scratch(N));
    ck_assert(x && y && scratch);
    uint32_t state = 12345;
    for (int i = 0; i < N; i++) {
        state = state * 1664525u + 1013904223u;
        /* Zeros (also −0), repeats, tiny and huge values. */
        x[i] = i % 7 == 0 ? 0.0 : i % 11 == 0 ? -0.0 : i % 13 == 0 ? 3.5
             : ldexp((double)(state >> 8), (int)(state % 60) - 30);
    }
    memcpy(y, x, N * sizeof *x);
    smb__sim_sort(x, N, scratch);
    qsort(y, N, sizeof *y, by_value);
    for (int i = 0; i < N; i++)
        ck_assert_msg(x[i] == y[i], "position %d: %g, expected %g", i, x[i], y[i]);
    free(x);
    free(y);
    free(scratch);
}
END_TEST

START_TEST(average_ranks_and_spearman_by_hand)
{
    double scratch[64];
    /* x = 1 2 2 3: the two 2s share ranks 2 and 3, so 2.5 each. */
    const double x[] = {1, 2, 2, 3};
    double rx[4];
    ck_assert_uint_le(smb__sim_ranks_scratch(4), sizeof scratch);
    smb__sim_ranks(x, 4, rx, scratch);
    ASSERT_EXACT(rx[0], 1.0);
    ASSERT_EXACT(rx[1], 2.5);
    ASSERT_EXACT(rx[2], 2.5);
    ASSERT_EXACT(rx[3], 4.0);
    /* y = 1 3 2 4 ranks 1 3 2 4. Deviations from the mean rank 2.5:
     *   dx = −1.5 0 0 1.5, dy = −1.5 0.5 −0.5 1.5;
     *   Σdx·dy = 2.25 + 2.25 = 4.5, Σdx² = 4.5, Σdy² = 5;
     *   ρ = 4.5/√(4.5·5) = 4.5/√22.5 = 0.948683298050514
     * (scipy.stats.spearmanr agrees). */
    const double y[] = {1, 3, 2, 4};
    double ry[4];
    smb__sim_ranks(y, 4, ry, scratch);
    ASSERT_NEAR(smb__sim_correlation(rx, ry, 4), 4.5 / sqrt(22.5), 1e-15);
    /* Three equal values all take the middle rank 2; a constant has no
     * correlation. */
    const double same[] = {5, 5, 5};
    double rs[3];
    smb__sim_ranks(same, 3, rs, scratch);
    ASSERT_EXACT(rs[0], 2.0);
    ASSERT_EXACT(rs[2], 2.0);
    ASSERT_EXACT(smb__sim_correlation(rs, ry, 3), 0.0);
    /* Ranks 4 3 2 1 against 1 3 2 4: deviations 1.5 0.5 −0.5 −1.5 and
     * −1.5 0.5 −0.5 1.5, Σ of products −2.25 + 0.25 + 0.25 − 2.25 = −4,
     * each Σ of squares 5: ρ = −4/5. */
    const double down[] = {4, 3, 2, 1};
    double rd[4];
    smb__sim_ranks(down, 4, rd, scratch);
    ASSERT_NEAR(smb__sim_correlation(rd, ry, 4), -0.8, 1e-15);
}
END_TEST

/* ---- Philox words -------------------------------------------------------- */

START_TEST(every_word_form_equals_the_reference)
{
    static uint32_t w0[SMB__SIM_CHUNK], w1[SMB__SIM_CHUNK], wa[SMB__SIM_CHUNK];
    const uint32_t keys[][2] = {{0, 0}, {0xdeadbeefu, 0x01234567u}, {0xffffffffu, 0xffffffffu}};
    /* Chunks that cross the 2^32 boundary of the trial's low word. */
    const uint64_t firsts[] = {0, 0xFFFFFF00ULL, 0x7FFFFFFFFFFFF000ULL, 123456789012ULL};
    const uint32_t streams[] = {0, 1, 99999, 0xFFFFFFFFu};
    const smb__sim_words_form forms[] = {SMB__SIM_WORDS_BEST, SMB__SIM_WORDS_SCALAR,
                                         SMB__SIM_WORDS_AVX2, SMB__SIM_WORDS_AVX512};
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        if (!smb__sim_words_supported(forms[f]))
            continue;
        for (size_t k = 0; k < 3; k++)
            for (size_t a = 0; a < 4; a++)
                for (size_t s = 0; s < 4; s++)
                    for (int word = 2; word <= 3; word++) {
                        smb__sim_words(keys[k], firsts[a], streams[s], word, forms[f], w0, w1,
                                       wa);
                        for (size_t i = 0; i < SMB__SIM_CHUNK; i += 37) {
                            uint64_t t = firsts[a] + i;
                            const uint32_t ctr[4] = {(uint32_t)t, (uint32_t)(t >> 32),
                                                     streams[s], 0};
                            uint32_t ref[4];
                            smb__philox4x32_10(ctr, keys[k], ref);
                            ck_assert_msg(w0[i] == ref[0] && w1[i] == ref[1] &&
                                              wa[i] == ref[word],
                                          "form %zu, trial %llu, stream %u differs", f,
                                          (unsigned long long)t, streams[s]);
                        }
                    }
    }
}
END_TEST

/* ---- a chunk against its single trials ----------------------------------- */

/* Scenarios of every form, both directions, some correlated. */
static smb_scenarios *mixed_set(void)
{
    smb_scenarios *set = NULL;
    TH_OK(smb_scenarios_new(&set));
    for (int i = 0; i < 12; i++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        TH_OK(smb_scenarios_add(set, id, id, (smb_source)(i % SMB_SOURCE_COUNT),
                                i % 5 == 4 ? SMB_DIRECTION_OPPORTUNITY : SMB_DIRECTION_THREAT,
                                0.3, 2));
        smb_estimate l = {(smb_dist)(i % 4), 0.05, 0.2, 0.6};
        if (l.dist == SMB_DIST_POINT)
            l = (smb_estimate){SMB_DIST_POINT, 0.35, 0.35, 0.35};
        TH_OK(smb_scenarios_set_likelihood(set, id, &l));
        smb_estimate im = {(smb_dist)((i / 4) % 4), 1, 2.5, 5};
        if (im.dist == SMB_DIST_POINT)
            im = (smb_estimate){SMB_DIST_POINT, 3, 3, 3};
        TH_OK(smb_scenarios_set_impact(set, id, &im));
    }
    /* Certain and impossible scenarios take the words' extremes. */
    TH_OK(smb_scenarios_add(set, "sure", "sure", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 1.0, 1));
    TH_OK(smb_scenarios_add(set, "never", "never", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.0, 1));
    return set;
}

/* The documented rules, written out plainly, without any of the engine's
 * shortcuts: every draw made, every comparison exact. */
static double reference_common_factor(const smb_sim_model *m, uint64_t t)
{
    const uint32_t ctr[4] = {(uint32_t)t, (uint32_t)(t >> 32), 0xFFFFFFFFu, 0};
    uint32_t w[4];
    smb__philox4x32_10(ctr, m->key, w);
    return m->correlated ? smb__normal_quantile(smb__u01(w[0])) : 0.0;
}

static double reference_contribution(const smb_sim_model *m, size_t s, uint64_t t, double z)
{
    const smb__sim_scenario *sc = &m->scenarios[s];
    const uint32_t ctr[4] = {(uint32_t)t, (uint32_t)(t >> 32), (uint32_t)s, 0};
    uint32_t w[4];
    smb__philox4x32_10(ctr, m->key, w);
    double p = smb__sampler_draw(&sc->likelihood, smb__u01(w[0])) * sc->likelihood_factor;
    bool occurs = sc->correlated ? sc->sqrt_rho * z +
                                           sc->sqrt_rest * smb__normal_quantile(smb__u01(w[1])) <
                                       smb__normal_quantile(p)
                                 : smb__u01(w[1]) < p;
    if (!occurs || !sc->has_amount)
        return 0.0;
    return smb__sampler_draw(&sc->amount, smb__u01(w[m->amount_word])) * sc->amount_scale;
}

static void check_chunk(const smb_sim_model *m, uint64_t first, size_t n)
{
    static smb__sim_scratch scratch;
    static double loss[SMB__SIM_CHUNK], upside[SMB__SIM_CHUNK];
    uint64_t occurrences[32] = {0};
    ck_assert_uint_le(m->count, 32);
    smb__sim_chunk(m, first, n, &scratch, loss, upside, occurrences);
    uint64_t recount[32] = {0};
    for (size_t i = 0; i < n; i++) {
        uint64_t t = first + i;
        double z = reference_common_factor(m, t);
        ck_assert(smb__sim_common_factor(m, t) == z);
        double total[SMB_SIM_SIDE_COUNT] = {0.0, 0.0};
        for (size_t s = 0; s < m->count; s++) {
            double c = reference_contribution(m, s, t, z);
            double single = smb__sim_contribution(m, s, t, z);
            if (memcmp(&c, &single, sizeof c) != 0)
                ck_abort_msg("trial %llu scenario %zu: single trial %.17g, rules %.17g",
                             (unsigned long long)t, s, single, c);
            total[m->scenarios[s].side] += c;
            recount[s] += c > 0; /* every amount here is at least 1 × v > 0 */
        }
        if (memcmp(&total[0], &loss[i], sizeof(double)) != 0 ||
            memcmp(&total[1], &upside[i], sizeof(double)) != 0)
            ck_abort_msg("trial %llu: chunk %.17g/%.17g, rules %.17g/%.17g",
                         (unsigned long long)t, loss[i], upside[i], total[0], total[1]);
    }
    for (size_t s = 0; s < m->count; s++)
        ck_assert_uint_eq(occurrences[s], recount[s]);
}

START_TEST(a_chunk_adds_up_its_single_trials)
{
    smb_scenarios *set = mixed_set();
    smb_sim_config *config = NULL;
    TH_OK(smb_sim_config_new(&config));
    TH_OK(smb_sim_config_set_seed(config, 0x0123456789abcdefULL));
    for (int correlated = 0; correlated < 2; correlated++) {
        if (correlated) {
            TH_OK(smb_sim_config_set_rho(config, 0.3));
            TH_OK(smb_sim_config_set_source_rho(config, SMB_SOURCE_ECONOMIC, 0.0));
        }
        smb_sim_model *m = NULL;
        TH_OK(smb_sim_model_new(set, NULL, NULL, NULL, 0, config, &m));
        for (uint64_t c = 0; c < 8; c++)
            check_chunk(m, c * SMB__SIM_CHUNK, SMB__SIM_CHUNK);
        check_chunk(m, 0xFFFFFF00ULL, 700); /* a partial chunk across 2^32 */
        smb_sim_model_free(m);
    }
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

/* The early decisions of the copula rest on Φ⁻¹ of every uniform of a
 * cell lying between Φ⁻¹ of the cell's ends, to far better than the
 * margin: checked at the ends of every cell and at a million words, and
 * likewise for the cells of probabilities. */
START_TEST(normal_quantile_brackets_hold)
{
    smb_scenarios *set = mixed_set();
    smb_sim_config *config = NULL;
    TH_OK(smb_sim_config_new(&config));
    TH_OK(smb_sim_config_set_rho(config, 0.5));
    smb_sim_model *m = NULL;
    TH_OK(smb_sim_model_new(set, NULL, NULL, NULL, 0, config, &m));
    const double slack = SMB__SIM_BRACKET_MARGIN / 1000;
    for (uint32_t j = 0; j + 1 < SMB__SIM_CELLS; j++)
        ck_assert(m->probit_low[j] <= m->probit_high[j] &&
                  m->probit_high[j] <= m->probit_low[j + 1]);
    uint32_t w = 1;
    for (int i = 0; i < 1000000; i++) {
        w ^= w << 13;
        w ^= w >> 17;
        w ^= w << 5;
        uint32_t word = i < 4 ? (uint32_t[]){0, 1, UINT32_MAX - 1, UINT32_MAX}[i] : w;
        uint32_t cell = word >> (32 - SMB__SIM_CELL_BITS);
        double q = smb__normal_quantile(smb__u01(word));
        /* A plain test: Check logs every assertion, which would dominate. */
        if (!(q >= m->probit_low[cell] - slack && q <= m->probit_high[cell] + slack))
            ck_abort_msg("word %08x: %.17g outside [%.17g, %.17g]", word, q, m->probit_low[cell],
                         m->probit_high[cell]);
    }
    /* And Φ⁻¹ of a probability within [j/CELLS, (j + 1)/CELLS]. */
    ck_assert(m->probit_edge[0] == -HUGE_VAL && m->probit_edge[SMB__SIM_CELLS] == HUGE_VAL);
    for (int i = 0; i < 1000000; i++) {
        w ^= w << 13;
        w ^= w >> 17;
        w ^= w << 5;
        double p = i < 3 ? (double[]){0.0, 0.5, 1.0}[i] : ldexp((double)w, -32 - (i % 20));
        double scaled = p * SMB__SIM_CELLS;
        size_t c = scaled >= SMB__SIM_CELLS ? SMB__SIM_CELLS - 1 : (size_t)scaled;
        double q = smb__normal_quantile(p);
        if (!(q >= m->probit_edge[c] - slack && q <= m->probit_edge[c + 1] + slack))
            ck_abort_msg("p %.17g: %.17g outside [%.17g, %.17g]", p, q, m->probit_edge[c],
                         m->probit_edge[c + 1]);
    }
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sim_stats");
    TCase *stats = tcase_create("statistics");
    tcase_add_checked_fixture(stats, setup, teardown);
    tcase_add_test(stats, type7_percentiles_of_one_to_four);
    tcase_add_test(stats, tail_count_rounds_up_but_not_float_noise);
    tcase_add_test(stats, tail_ties_go_to_the_lower_trials);
    tcase_add_test(stats, radix_sort_agrees_with_qsort);
    tcase_add_test(stats, average_ranks_and_spearman_by_hand);
    suite_add_tcase(s, stats);
    TCase *trials = tcase_create("trials");
    tcase_add_checked_fixture(trials, setup, teardown);
    tcase_add_test(trials, every_word_form_equals_the_reference);
    tcase_add_test(trials, a_chunk_adds_up_its_single_trials);
    tcase_add_test(trials, normal_quantile_brackets_hold);
    suite_add_tcase(s, trials);
    return th_run_suite(s);
}
