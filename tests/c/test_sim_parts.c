/* SPDX-License-Identifier: MIT */
/*
 * Simulation parts and runs: results bit-identical for any number of
 * threads and any split of the trials into adjacent parts merged in either
 * order; parts saved and loaded exactly, and refused when their bytes are
 * truncated or damaged; the quantile sketch within its bound of the exact
 * totals; progress, cancellation (prompt even on the longest run), every
 * refusal and every allocation failure leaving nothing changed and nothing
 * leaked.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

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

/* ---- a model of every kind of input --------------------------------------- */

static smb_scenarios *mixed_set(void)
{
    smb_scenarios *set = NULL;
    TH_OK(smb_scenarios_new(&set));
    for (int i = 0; i < 9; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", i);
        TH_OK(smb_scenarios_add(set, id, id, (smb_source)(i % 4),
                                i % 4 == 3 ? SMB_DIRECTION_OPPORTUNITY : SMB_DIRECTION_THREAT,
                                0.3, 2));
        smb_estimate l = {(smb_dist)(i % 4), 0.1, 0.25, 0.5};
        if (l.dist == SMB_DIST_POINT)
            l = (smb_estimate){SMB_DIST_POINT, 0.4, 0.4, 0.4};
        TH_OK(smb_scenarios_set_likelihood(set, id, &l));
        smb_estimate im = {(smb_dist)((i + 1) % 4), 1, 2, 5};
        if (im.dist == SMB_DIST_POINT)
            im = (smb_estimate){SMB_DIST_POINT, 3, 3, 3};
        TH_OK(smb_scenarios_set_impact(set, id, &im));
    }
    return set;
}

static smb_sim_model *model_of(const smb_scenarios *set, uint64_t seed, int keep, double rho)
{
    smb_sim_config *c = NULL;
    TH_OK(smb_sim_config_new(&c));
    TH_OK(smb_sim_config_set_seed(c, seed));
    TH_OK(smb_sim_config_set_keep_totals(c, keep));
    TH_OK(smb_sim_config_set_rho(c, rho));
    TH_OK(smb_sim_config_set_threshold(c, 6.0));
    TH_OK(smb_sim_config_set_sensitivity_trials(c, 2000));
    const double levels[] = {1, 10, 50, 90, 99, 99.9};
    TH_OK(smb_sim_config_set_percentiles(c, levels, 6));
    smb_sim_model *m = NULL;
    TH_OK(smb_sim_model_new(set, NULL, NULL, NULL, 0, c, &m));
    smb_sim_config_free(c);
    return m;
}

static smb_sim_part *run(const smb_sim_model *m, uint64_t first, uint64_t count, unsigned threads)
{
    smb_sim_part *p = NULL;
    TH_OK(smb_sim_run(m, first, count, threads, NULL, NULL, &p));
    return p;
}

static smb_sim_result *finish(const smb_sim_model *m, const smb_sim_part *p, unsigned threads)
{
    smb_sim_result *r = NULL;
    TH_OK(smb_sim_finish(m, p, threads, &r));
    return r;
}

static int by_value(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* Bit for bit, NaNs included. */
static bool same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void assert_same_stats(const smb_sim_stats *a, const smb_sim_stats *b)
{
    ck_assert_int_eq(a->side, b->side);
    ck_assert_msg(same(a->mean, b->mean) && same(a->std, b->std) && same(a->sem, b->sem),
                  "moments differ: %.17g %.17g / %.17g %.17g", a->mean, b->mean, a->std, b->std);
    ck_assert(same(a->min, b->min) && same(a->max, b->max));
    ck_assert_msg(same(a->var, b->var) && same(a->es, b->es), "tail differs: %.17g %.17g / %.17g %.17g",
                  a->var, b->var, a->es, b->es);
    ck_assert(same(a->exceed_prob, b->exceed_prob));
}

static void assert_same_results(const smb_sim_result *a, const smb_sim_result *b)
{
    ck_assert_uint_eq(smb_sim_result_first(a), smb_sim_result_first(b));
    ck_assert_uint_eq(smb_sim_result_trials(a), smb_sim_result_trials(b));
    ck_assert(same(smb_sim_result_expected(a), smb_sim_result_expected(b)));
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        assert_same_stats(smb_sim_result_stats(a, (smb_sim_side)side),
                          smb_sim_result_stats(b, (smb_sim_side)side));
        for (size_t i = 0; i < smb_sim_result_percentile_count(a); i++)
            ck_assert(same(smb_sim_result_percentile(a, (smb_sim_side)side, i),
                           smb_sim_result_percentile(b, (smb_sim_side)side, i)));
        size_t na = 0, nb = 0;
        const double *ta = smb_sim_result_totals(a, (smb_sim_side)side, &na);
        const double *tb = smb_sim_result_totals(b, (smb_sim_side)side, &nb);
        ck_assert_uint_eq(na, nb);
        ck_assert((ta == NULL) == (tb == NULL));
        if (ta)
            ck_assert(memcmp(ta, tb, na * sizeof *ta) == 0);
    }
    ck_assert_uint_eq(smb_sim_result_scenario_count(a), smb_sim_result_scenario_count(b));
    for (size_t s = 0; s < smb_sim_result_scenario_count(a); s++) {
        const smb_sim_scenario *x = smb_sim_result_scenario_at(a, s);
        const smb_sim_scenario *y = smb_sim_result_scenario_at(b, s);
        ck_assert_uint_eq(x->occurrences, y->occurrences);
        ck_assert_msg(same(x->es_contribution, y->es_contribution),
                      "scenario %zu: es contribution %.17g vs %.17g", s, x->es_contribution,
                      y->es_contribution);
    }
    ck_assert_uint_eq(smb_sim_result_sensitivity_trials(a), smb_sim_result_sensitivity_trials(b));
    ck_assert_uint_eq(smb_sim_result_sensitivity_count(a), smb_sim_result_sensitivity_count(b));
    for (size_t i = 0; i < smb_sim_result_sensitivity_count(a); i++) {
        const smb_sim_sensitivity *x = smb_sim_result_sensitivity_at(a, i);
        const smb_sim_sensitivity *y = smb_sim_result_sensitivity_at(b, i);
        ck_assert(x->index == y->index && x->kind == y->kind && same(x->spearman, y->spearman));
    }
    ck_assert_uint_eq(smb_sim_result_swing_count(a), smb_sim_result_swing_count(b));
}

/* ---- invariance ------------------------------------------------------------ */

START_TEST(threads_change_nothing)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--)
        for (int correlated = 0; correlated < 2; correlated++) {
            smb_sim_model *m = model_of(set, 42, keep, correlated ? 0.3 : 0.0);
            smb_sim_result *one = NULL;
            TH_OK(smb_simulate(m, 20000, 1, NULL, NULL, &one));
            const unsigned counts[] = {2, 3, 7};
            for (size_t t = 0; t < 3; t++) {
                smb_sim_result *r = NULL;
                TH_OK(smb_simulate(m, 20000, counts[t], NULL, NULL, &r));
                assert_same_results(one, r);
                smb_sim_result_free(r);
            }
            smb_sim_result_free(one);
            smb_sim_model_free(m);
        }
    smb_scenarios_free(set);
}
END_TEST

START_TEST(split_ranges_merge_into_the_whole)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 7, keep, 0.2);
        smb_sim_part *whole = run(m, 0, 10000, 2);
        smb_sim_result *expected = finish(m, whole, 2);
        ck_assert_uint_eq(smb_sim_part_fingerprint(whole), smb_sim_model_fingerprint(m));

        /* [0, 3333) + [3333, 10000), merged into the first. */
        smb_sim_part *a = run(m, 0, 3333, 1), *b = run(m, 3333, 6667, 3);
        ck_assert_uint_eq(smb_sim_part_first(b), 3333);
        ck_assert_uint_eq(smb_sim_part_count(b), 6667);
        TH_OK(smb_sim_part_merge(a, b));
        ck_assert_uint_eq(smb_sim_part_first(a), 0);
        ck_assert_uint_eq(smb_sim_part_count(a), 10000);
        smb_sim_result *r = finish(m, a, 1);
        assert_same_results(expected, r);
        smb_sim_result_free(r);
        smb_sim_part_free(a);

        /* The same, merged the other way round: the later part takes the
         * earlier one. */
        a = run(m, 0, 3333, 2);
        TH_OK(smb_sim_part_merge(b, a));
        ck_assert_uint_eq(smb_sim_part_first(b), 0);
        r = finish(m, b, 2);
        assert_same_results(expected, r);
        smb_sim_result_free(r);
        smb_sim_part_free(a);
        smb_sim_part_free(b);

        /* Three parts, gathered from the last one backwards. */
        smb_sim_part *p1 = run(m, 0, 1, 1), *p2 = run(m, 1, 5000, 1), *p3 = run(m, 5001, 4999, 1);
        TH_OK(smb_sim_part_merge(p3, p2));
        TH_OK(smb_sim_part_merge(p3, p1));
        ck_assert_uint_eq(smb_sim_part_first(p3), 0);
        r = finish(m, p3, 1);
        assert_same_results(expected, r);
        smb_sim_result_free(r);
        smb_sim_part_free(p1);
        smb_sim_part_free(p2);
        smb_sim_part_free(p3);

        /* A range in the middle recreates the whole run's trials. */
        if (keep) {
            smb_sim_part *mid = run(m, 4000, 3000, 2);
            smb_sim_result *rm = finish(m, mid, 1);
            size_t n = 0, all = 0;
            const double *t = smb_sim_result_totals(rm, SMB_SIM_LOSS, &n);
            const double *t_all = smb_sim_result_totals(expected, SMB_SIM_LOSS, &all);
            ck_assert_uint_eq(n, 3000);
            ck_assert(memcmp(t, t_all + 4000, n * sizeof *t) == 0);
            ck_assert_uint_eq(smb_sim_result_first(rm), 4000);
            smb_sim_result_free(rm);
            smb_sim_part_free(mid);
        }
        smb_sim_result_free(expected);
        smb_sim_part_free(whole);
        smb_sim_model_free(m);
    }
    smb_scenarios_free(set);
}
END_TEST

START_TEST(sketch_stays_within_its_bound)
{
    /* The same trials with and without kept totals: the exact sums give
     * the same moments bit for bit; each sketched percentile lies within a
     * factor 1 ± a of the order statistics around its rank, and the
     * sketched expected shortfall within 1 ± a of the exact one. */
    smb_scenarios *set = mixed_set();
    smb_sim_model *exact_model = model_of(set, 99, 1, 0.1);
    smb_sim_model *sketch_model = model_of(set, 99, 0, 0.1);
    smb_sim_result *exact = NULL, *sketched = NULL;
    TH_OK(smb_simulate(exact_model, 40000, 2, NULL, NULL, &exact));
    TH_OK(smb_simulate(sketch_model, 40000, 2, NULL, NULL, &sketched));
    double a = SMB_SIM_DEFAULT_SKETCH_ACCURACY;
    ck_assert(!smb_sim_result_exact(sketched));
    ck_assert(smb_sim_result_accuracy(sketched) == a);
    ck_assert_ptr_null(smb_sim_result_totals(sketched, SMB_SIM_LOSS, NULL));
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        const smb_sim_stats *x = smb_sim_result_stats(exact, (smb_sim_side)side);
        const smb_sim_stats *y = smb_sim_result_stats(sketched, (smb_sim_side)side);
        ck_assert(same(x->mean, y->mean) && same(x->std, y->std) && same(x->min, y->min) &&
                  same(x->max, y->max) && same(x->exceed_prob, y->exceed_prob));
        ck_assert(fabs(y->es - x->es) <= a * x->es + 1e-12);
        size_t n = 0;
        const double *totals = smb_sim_result_totals(exact, (smb_sim_side)side, &n);
        double *sorted = malloc(n * sizeof *sorted);
        ck_assert_ptr_nonnull(sorted);
        memcpy(sorted, totals, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, by_value);
        for (size_t i = 0; i <= smb_sim_result_percentile_count(exact); i++) {
            /* The percentiles, then the value-at-risk at 100·level. */
            double q = i < smb_sim_result_percentile_count(exact)
                           ? smb_sim_result_percentile_level(exact, i)
                           : 100.0 * smb_sim_result_level(exact);
            double v = i < smb_sim_result_percentile_count(exact)
                           ? smb_sim_result_percentile(sketched, (smb_sim_side)side, i)
                           : y->var;
            double h = (double)(n - 1) * q / 100.0;
            double lo = sorted[(size_t)floor(h)], hi = sorted[(size_t)ceil(h)];
            ck_assert_msg(v >= (1 - a) * lo - 1e-12 && v <= (1 + a) * hi + 1e-12,
                          "side %d percentile %g: sketch %.10g outside [%.10g, %.10g]·(1 ± a)",
                          side, q, v, lo, hi);
        }
        free(sorted);
    }
    smb_sim_result_free(exact);
    smb_sim_result_free(sketched);
    smb_sim_model_free(exact_model);
    smb_sim_model_free(sketch_model);
    smb_scenarios_free(set);
}
END_TEST

/* ---- saving and loading ----------------------------------------------------- */

START_TEST(parts_save_and_load_exactly)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 1234, keep, 0.25);
        smb_sim_part *p = run(m, 100, 5000, 2);
        void *bytes = NULL;
        size_t size = 0;
        TH_OK(smb_sim_part_save(p, &bytes, &size));
        ck_assert(memcmp(bytes, "SMBSIMP1", 8) == 0);
        smb_sim_part *back = NULL;
        TH_OK(smb_sim_part_load(m, bytes, size, &back));
        ck_assert_uint_eq(smb_sim_part_first(back), 100);
        ck_assert_uint_eq(smb_sim_part_count(back), 5000);
        ck_assert_uint_eq(smb_sim_part_fingerprint(back), smb_sim_model_fingerprint(m));
        /* Saved again: the same bytes. */
        void *again = NULL;
        size_t again_size = 0;
        TH_OK(smb_sim_part_save(back, &again, &again_size));
        ck_assert_uint_eq(again_size, size);
        ck_assert(memcmp(again, bytes, size) == 0);
        smb_sim_result *a = finish(m, p, 1), *b = finish(m, back, 2);
        assert_same_results(a, b);
        /* A loaded part merges like any other. */
        smb_sim_part *next = run(m, 5100, 900, 1);
        TH_OK(smb_sim_part_merge(back, next));
        ck_assert_uint_eq(smb_sim_part_count(back), 5900);
        smb_sim_part_free(next);
        smb_free(again);
        smb_free(bytes);
        smb_sim_result_free(a);
        smb_sim_result_free(b);
        smb_sim_part_free(back);
        smb_sim_part_free(p);
        smb_sim_model_free(m);
    }
    smb_scenarios_free(set);
}
END_TEST

START_TEST(damaged_bytes_are_refused)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 5, keep, 0.0);
        smb_sim_part *p = run(m, 0, 40, 1);
        unsigned char *bytes = NULL;
        size_t size = 0;
        TH_OK(smb_sim_part_save(p, (void **)&bytes, &size));
        smb_sim_part *out = (smb_sim_part *)&out; /* a sentinel: must stay */
        smb_sim_part *const sentinel = out;
        /* Every truncation. */
        for (size_t n = 0; n < size; n++) {
            smb_status st = smb_sim_part_load(m, bytes, n, &out);
            ck_assert_msg(st == SMB_EPARSE, "truncated to %zu of %zu: %s (%s)", n, size,
                          smb_status_name(st), smb_last_error());
            ck_assert_ptr_eq(out, sentinel);
        }
        /* Every byte flipped: the checksum, or a field check before it. */
        unsigned char *copy = malloc(size + 1);
        ck_assert_ptr_nonnull(copy);
        for (size_t i = 0; i < size; i++) {
            memcpy(copy, bytes, size);
            copy[i] ^= 0x10;
            smb_status st = smb_sim_part_load(m, copy, size, &out);
            ck_assert_msg(st == SMB_EPARSE || st == SMB_EINVAL, "byte %zu flipped: %s", i,
                          smb_status_name(st));
            ck_assert_ptr_eq(out, sentinel);
        }
        /* A byte too many. */
        memcpy(copy, bytes, size);
        copy[size] = 0;
        TH_ASSERT_FAILS(smb_sim_part_load(m, copy, size + 1, &out), SMB_EPARSE, "checksum");
        /* Another format version. */
        memcpy(copy, bytes, size);
        copy[8] = 2;
        TH_ASSERT_FAILS(smb_sim_part_load(m, copy, size, &out), SMB_EPARSE,
                        "part: format version 2, this library reads version 1");
        /* Not a part at all. */
        TH_ASSERT_FAILS(smb_sim_part_load(m, "{\"canvas\": {}}", 14, &out), SMB_EPARSE,
                        "bad magic");
        /* Another model's part: the message names both fingerprints. */
        smb_sim_model *other = model_of(set, 6, keep, 0.0);
        TH_ASSERT_FAILS(smb_sim_part_load(other, bytes, size, &out), SMB_EINVAL,
                        "does not match the model's");
        ck_assert_ptr_eq(out, sentinel);
        TH_ASSERT_FAILS(smb_sim_part_load(NULL, bytes, size, &out), SMB_EINVAL, "model");
        TH_ASSERT_FAILS(smb_sim_part_load(m, NULL, size, &out), SMB_EINVAL, "bytes");
        TH_ASSERT_FAILS(smb_sim_part_load(m, bytes, size, NULL), SMB_EINVAL, "out");
        TH_ASSERT_FAILS(smb_sim_part_save(NULL, (void **)&copy, &size), SMB_EINVAL, "part");
        smb_sim_model_free(other);
        free(copy);
        smb_free(bytes);
        smb_sim_part_free(p);
        smb_sim_model_free(m);
    }
    smb_scenarios_free(set);
}
END_TEST

/* ---- refusals ----------------------------------------------------------------- */

START_TEST(runs_refuse_bad_arguments)
{
    smb_scenarios *set = mixed_set();
    smb_sim_model *m = model_of(set, 1, 1, 0.0);
    smb_sim_part *out = (smb_sim_part *)&out;
    smb_sim_part *const sentinel = out;
    TH_ASSERT_FAILS(smb_sim_run(m, 0, 0, 1, NULL, NULL, &out), SMB_ERANGE,
                    "count: 0 trials, must be from 1 to 1000000000000");
    TH_ASSERT_FAILS(smb_sim_run(m, 0, SMB_SIM_MAX_TRIALS + 1, 1, NULL, NULL, &out), SMB_ERANGE,
                    "count");
    TH_ASSERT_FAILS(smb_sim_run(m, (1ULL << 63) - 10, 11, 1, NULL, NULL, &out), SMB_ERANGE,
                    "2^63");
    TH_ASSERT_FAILS(smb_sim_run(m, 0, 10, SMB_SIM_MAX_THREADS + 1, NULL, NULL, &out), SMB_ERANGE,
                    "threads: 257 is above the most, 256");
    TH_ASSERT_FAILS(smb_sim_run(NULL, 0, 10, 1, NULL, NULL, &out), SMB_EINVAL, "model");
    TH_ASSERT_FAILS(smb_sim_run(m, 0, 10, 1, NULL, NULL, NULL), SMB_EINVAL, "out");
    ck_assert_ptr_eq(out, sentinel);
    /* The last trial index reachable: up to 2^63 exactly. */
    smb_sim_part *last = run(m, (1ULL << 63) - 10, 10, 1);
    smb_sim_part_free(last);

    smb_sim_result *result = (smb_sim_result *)&result;
    smb_sim_result *const result_sentinel = result;
    TH_ASSERT_FAILS(smb_simulate(m, 0, 1, NULL, NULL, &result), SMB_ERANGE, "count");
    TH_ASSERT_FAILS(smb_simulate(m, 10, 1000, NULL, NULL, &result), SMB_ERANGE, "threads");
    TH_ASSERT_FAILS(smb_simulate(m, 10, 1, NULL, NULL, NULL), SMB_EINVAL, "out");

    smb_sim_part *p = run(m, 0, 100, 1);
    smb_sim_model *other = model_of(set, 2, 1, 0.0);
    TH_ASSERT_FAILS(smb_sim_finish(other, p, 1, &result), SMB_EINVAL, "does not match the model's");
    TH_ASSERT_FAILS(smb_sim_finish(m, p, 300, &result), SMB_ERANGE, "threads");
    TH_ASSERT_FAILS(smb_sim_finish(m, NULL, 1, &result), SMB_EINVAL, "part");
    ck_assert_ptr_eq(result, result_sentinel);
    smb_sim_model_free(other);
    smb_sim_part_free(p);
    smb_sim_model_free(m);
    smb_scenarios_free(set);
}
END_TEST

START_TEST(merges_refuse_what_does_not_fit)
{
    smb_scenarios *set = mixed_set();
    smb_sim_model *m = model_of(set, 1, 1, 0.0);
    smb_sim_model *other = model_of(set, 2, 1, 0.0);
    smb_sim_part *a = run(m, 0, 100, 1), *gap = run(m, 101, 50, 1), *overlap = run(m, 50, 100, 1);
    smb_sim_part *foreign = run(other, 100, 50, 1);
    smb_sim_result *before = finish(m, a, 1);
    TH_ASSERT_FAILS(smb_sim_part_merge(a, gap), SMB_EINVAL,
                    "other: trials [101, 151) are not next to [0, 100)");
    TH_ASSERT_FAILS(smb_sim_part_merge(a, overlap), SMB_EINVAL, "are not next to");
    TH_ASSERT_FAILS(smb_sim_part_merge(a, foreign), SMB_EINVAL, "made by another model");
    TH_ASSERT_FAILS(smb_sim_part_merge(a, a), SMB_EINVAL, "itself");
    TH_ASSERT_FAILS(smb_sim_part_merge(a, NULL), SMB_EINVAL, "other");
    TH_ASSERT_FAILS(smb_sim_part_merge(NULL, a), SMB_EINVAL, "into");
    ck_assert_uint_eq(smb_sim_part_first(a), 0);
    ck_assert_uint_eq(smb_sim_part_count(a), 100);
    smb_sim_result *after = finish(m, a, 1);
    assert_same_results(before, after);
    smb_sim_result_free(before);
    smb_sim_result_free(after);
    smb_sim_part_free(a);
    smb_sim_part_free(gap);
    smb_sim_part_free(overlap);
    smb_sim_part_free(foreign);
    smb_sim_model_free(m);
    smb_sim_model_free(other);
    smb_scenarios_free(set);
    ck_assert_uint_eq(smb_sim_part_count(NULL), 0);
    smb_sim_part_free(NULL);
}
END_TEST

/* ---- progress and cancellation ------------------------------------------------ */

typedef struct progress_log {
    double fractions[1000];
    int calls;
    double cancel_from; /* cancel at the first fraction at least this; above 1 never */
} progress_log;

static int record_progress(double fraction, void *user)
{
    progress_log *log = user;
    if (log->calls < 1000)
        log->fractions[log->calls] = fraction;
    log->calls++;
    return fraction >= log->cancel_from;
}

static void check_log(const progress_log *log)
{
    ck_assert_int_ge(log->calls, 2);
    ck_assert_int_le(log->calls, 102);
    ck_assert(log->fractions[0] == 0.0);
    for (int i = 1; i < log->calls; i++)
        ck_assert_msg(log->fractions[i] >= log->fractions[i - 1], "call %d went back: %g < %g", i,
                      log->fractions[i], log->fractions[i - 1]);
    ck_assert(log->fractions[log->calls - 1] == 1.0);
}

START_TEST(progress_rises_to_one)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 3, keep, 0.1);
        for (unsigned threads = 1; threads <= 2; threads++) {
            progress_log log = {.cancel_from = 2};
            smb_sim_part *p = NULL;
            TH_OK(smb_sim_run(m, 0, 100000, threads, record_progress, &log, &p));
            check_log(&log);
            smb_sim_part_free(p);
            progress_log whole = {.cancel_from = 2};
            smb_sim_result *r = NULL;
            TH_OK(smb_simulate(m, 100000, threads, record_progress, &whole, &r));
            check_log(&whole);
            smb_sim_result_free(r);
        }
        smb_sim_model_free(m);
    }
    smb_scenarios_free(set);
}
END_TEST

START_TEST(cancel_stops_and_returns_nothing)
{
    smb_scenarios *set = mixed_set();
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 3, keep, 0.0);
        /* At the first call (fraction 0), midway, and at the very end (the
         * call with 1, after all the work): nothing comes back. */
        const double cancel_from[] = {0.0, 0.3, 1.0};
        for (unsigned threads = 1; threads <= 3; threads++)
            for (size_t c = 0; c < 3; c++) {
                progress_log log = {.cancel_from = cancel_from[c]};
                smb_sim_part *p = (smb_sim_part *)&p;
                smb_sim_part *const sentinel = p;
                TH_ASSERT_FAILS(smb_sim_run(m, 0, 40000, threads, record_progress, &log, &p),
                                SMB_ECANCELED, "canceled by the progress callback");
                ck_assert_ptr_eq(p, sentinel);
                /* No call after the one that cancelled. */
                ck_assert(log.fractions[log.calls - 1] >= cancel_from[c]);
                ck_assert(log.calls == 1 || log.fractions[log.calls - 2] < cancel_from[c]);
                progress_log whole = {.cancel_from = cancel_from[c]};
                smb_sim_result *r = (smb_sim_result *)&r;
                smb_sim_result *const rsentinel = r;
                TH_ASSERT_FAILS(smb_simulate(m, 40000, threads, record_progress, &whole, &r),
                                SMB_ECANCELED, "canceled");
                ck_assert_ptr_eq(r, rsentinel);
                ck_assert(whole.fractions[whole.calls - 1] >= cancel_from[c]);
            }
        smb_sim_model_free(m);
    }
    smb_scenarios_free(set);
}
END_TEST

/* The first report after the work began: the callback cancels there. */
typedef struct first_report {
    int calls;
    double fraction; /* the fraction of that report; 0 before it */
} first_report;

static int cancel_once_started(double fraction, void *user)
{
    first_report *log = user;
    log->calls++;
    if (fraction == 0.0)
        return 0;
    log->fraction = fraction;
    return 1;
}

/* On the longest run there is, reports come every SMB__SIM_REPORT_MS of
 * wall time as well as at each hundredth, so a cancel asked for at the
 * first report after the start lands after a sliver of the trials, not
 * after a hundredth of them (10^10 trials): the fraction it was asked at,
 * times the trials requested, is what was done by then. */
START_TEST(cancel_lands_long_before_a_hundredth)
{
    smb_scenarios *set = mixed_set();
    /* Without totals: memory does not grow with the trials requested. */
    smb_sim_model *m = model_of(set, 5, 0, 0.2);
    for (unsigned threads = 1; threads <= 2; threads++) {
        first_report log = {0, 0.0};
        smb_sim_part *p = (smb_sim_part *)&p;
        smb_sim_part *const sentinel = p;
        TH_ASSERT_FAILS(smb_sim_run(m, 0, SMB_SIM_MAX_TRIALS, threads, cancel_once_started, &log,
                                    &p),
                        SMB_ECANCELED, "canceled by the progress callback");
        ck_assert_ptr_eq(p, sentinel);
        ck_assert_int_eq(log.calls, 2); /* the start (0), then the one that cancelled */
        ck_assert(log.fraction > 0.0);
        ck_assert_msg(log.fraction < 1e-3, "threads %u: canceled at %g of the trials", threads,
                      log.fraction);

        first_report whole = {0, 0.0};
        smb_sim_result *r = (smb_sim_result *)&r;
        smb_sim_result *const rsentinel = r;
        TH_ASSERT_FAILS(smb_simulate(m, SMB_SIM_MAX_TRIALS, threads, cancel_once_started, &whole,
                                     &r),
                        SMB_ECANCELED, "canceled");
        ck_assert_ptr_eq(r, rsentinel);
        ck_assert_int_eq(whole.calls, 2);
        ck_assert(whole.fraction > 0.0 && whole.fraction < 1e-3);
    }
    smb_sim_model_free(m);
    smb_scenarios_free(set);
}
END_TEST

/* ---- allocation failures -------------------------------------------------------- */

START_TEST(allocation_failures_change_nothing)
{
    smb_scenarios *set = mixed_set();
    smb_responses *responses = NULL;
    TH_OK(smb_responses_new(&responses));
    TH_OK(smb_responses_add(responses, "fix", "Fix", SMB_RESPONSE_AUTOMATION, 10, 1));
    TH_OK(smb_responses_set_effect(responses, "fix", "s0", 0.5, 0.5));
    TH_OK(smb_responses_set_gain(responses, "fix", SMB_CAPABILITY_AGILITY, 2));
    const char *ids[] = {"fix"};
    smb_sim_config *config = NULL;
    TH_OK(smb_sim_config_new(&config));
    smb_sim_model *built = NULL;
    TH_EACH_ALLOC_FAILURE(smb_sim_model_new(set, NULL, responses, ids, 1, config, &built),
                          built == NULL, smb_sim_model_free(built), 3);
    for (int keep = 1; keep >= 0; keep--) {
        smb_sim_model *m = model_of(set, 9, keep, 0.2);
        smb_sim_part *p = NULL;
        TH_EACH_ALLOC_FAILURE(smb_sim_run(m, 10, 3000, 1, NULL, NULL, &p), p == NULL, (void)0, 2);
        smb_sim_result *r = NULL;
        TH_EACH_ALLOC_FAILURE(smb_sim_finish(m, p, 1, &r), r == NULL, (void)0, 3);
        smb_sim_part *q = run(m, 3010, 1000, 1);
        smb_sim_result *whole = NULL;
        TH_OK(smb_simulate(m, 4010, 1, NULL, NULL, &whole));
        TH_EACH_ALLOC_FAILURE(smb_sim_part_merge(q, p),
                              smb_sim_part_first(q) == 3010 && smb_sim_part_count(q) == 1000,
                              (void)0, 2);
        /* The merge that finally succeeded is [10, 4010): all but the first
         * ten trials of the whole run. */
        smb_sim_result *merged = finish(m, q, 1);
        ck_assert_uint_eq(smb_sim_result_first(merged), 10);
        ck_assert_uint_eq(smb_sim_result_trials(merged), 4000);
        if (keep) {
            size_t n = 0;
            ck_assert(memcmp(smb_sim_result_totals(merged, SMB_SIM_LOSS, &n),
                             smb_sim_result_totals(whole, SMB_SIM_LOSS, NULL) + 10,
                             4000 * sizeof(double)) == 0);
        }
        void *bytes = NULL;
        size_t size = 0;
        TH_EACH_ALLOC_FAILURE(smb_sim_part_save(q, &bytes, &size), bytes == NULL, (void)0, 1);
        smb_sim_part *loaded = NULL;
        TH_EACH_ALLOC_FAILURE(smb_sim_part_load(m, bytes, size, &loaded), loaded == NULL, (void)0, 2);
        smb_sim_result *again = finish(m, loaded, 1);
        assert_same_results(merged, again);
        smb_sim_result *simulated = NULL;
        TH_EACH_ALLOC_FAILURE(smb_simulate(m, 2000, 1, NULL, NULL, &simulated), simulated == NULL,
                              (void)0, 3);
        smb_sim_result_free(simulated);
        smb_sim_result_free(again);
        smb_sim_part_free(loaded);
        smb_free(bytes);
        smb_sim_result_free(merged);
        smb_sim_result_free(whole);
        smb_sim_part_free(q);
        smb_sim_result_free(r);
        smb_sim_part_free(p);
        smb_sim_model_free(m);
    }
    smb_sim_config_free(config);
    smb_responses_free(responses);
    smb_scenarios_free(set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sim_parts");
    TCase *invariance = tcase_create("invariance");
    tcase_add_checked_fixture(invariance, setup, teardown);
    tcase_set_timeout(invariance, 120);
    tcase_add_test(invariance, threads_change_nothing);
    tcase_add_test(invariance, split_ranges_merge_into_the_whole);
    tcase_add_test(invariance, sketch_stays_within_its_bound);
    suite_add_tcase(s, invariance);
    TCase *bytes = tcase_create("bytes");
    tcase_add_checked_fixture(bytes, setup, teardown);
    tcase_set_timeout(bytes, 120);
    tcase_add_test(bytes, parts_save_and_load_exactly);
    tcase_add_test(bytes, damaged_bytes_are_refused);
    suite_add_tcase(s, bytes);
    TCase *control = tcase_create("control");
    tcase_add_checked_fixture(control, setup, teardown);
    tcase_set_timeout(control, 120);
    tcase_add_test(control, runs_refuse_bad_arguments);
    tcase_add_test(control, merges_refuse_what_does_not_fit);
    tcase_add_test(control, progress_rises_to_one);
    tcase_add_test(control, cancel_stops_and_returns_nothing);
    tcase_add_test(control, cancel_lands_long_before_a_hundredth);
    tcase_add_test(control, allocation_failures_change_nothing);
    suite_add_tcase(s, control);
    return th_run_suite(s);
}
