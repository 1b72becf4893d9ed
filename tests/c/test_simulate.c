/* SPDX-License-Identifier: MIT */
/*
 * The Monte Carlo simulator through its public API: the configuration and
 * its refusals, compiling models, and the statistics checked against values
 * worked out by hand. Sampled statistics are held to five standard errors
 * (fixed seeds make every run the same, so a pass is not luck twice);
 * anything the sampling cannot change (expected shortfall of a two-valued
 * total, the tornado, exceedance counts) is held exactly.
 */
#include <math.h>
#include <stdio.h>
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

#define ASSERT_NEAR(x, y, tol) ck_assert_double_eq_tol((x), (y), (tol))
/* A sampled mean within five of its standard errors of the expected value. */
#define ASSERT_WITHIN_SE(x, expected, se)                                            \
    ck_assert_msg(fabs((x) - (expected)) < 5 * (se) && (se) > 0,                     \
                  "%s = %.10g, expected %.10g within 5 × %.3g", #x, (double)(x),     \
                  (double)(expected), (double)(se))

/* ---- helpers ------------------------------------------------------------- */

static smb_scenarios *new_set(void)
{
    smb_scenarios *set = NULL;
    TH_OK(smb_scenarios_new(&set));
    return set;
}

static smb_sim_config *new_config(uint64_t seed)
{
    smb_sim_config *c = NULL;
    TH_OK(smb_sim_config_new(&c));
    TH_OK(smb_sim_config_set_seed(c, seed));
    return c;
}

static smb_sim_model *new_model(const smb_scenarios *set, const smb_resilience *resilience,
                                const smb_sim_config *config)
{
    smb_sim_model *m = NULL;
    TH_OK(smb_sim_model_new(set, resilience, NULL, NULL, 0, config, &m));
    return m;
}

static smb_sim_result *simulate(const smb_sim_model *m, uint64_t trials, unsigned threads)
{
    smb_sim_result *r = NULL;
    TH_OK(smb_simulate(m, trials, threads, NULL, NULL, &r));
    return r;
}

static const smb_sim_stats *loss(const smb_sim_result *r)
{
    return smb_sim_result_stats(r, SMB_SIM_LOSS);
}

/* One threat, certain (p = 1), with this impact; no resilience (v = 1). */
static smb_scenarios *certain_threat(const smb_estimate *impact)
{
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "x", "X", SMB_SOURCE_ECONOMIC, SMB_DIRECTION_THREAT, 1.0, 3));
    TH_OK(smb_scenarios_set_impact(set, "x", impact));
    return set;
}

/* ---- keys and configuration ---------------------------------------------- */

START_TEST(keys_round_trip)
{
    ck_assert_str_eq(smb_sim_measure_key(SMB_SIM_SEVERITY), "severity");
    ck_assert_str_eq(smb_sim_measure_key(SMB_SIM_MONEY), "money");
    ck_assert_ptr_null(smb_sim_measure_key(SMB_SIM_MEASURE_COUNT));
    ck_assert_ptr_null(smb_sim_measure_key(SMB_SIM_MEASURE_NONE));
    smb_sim_measure m = SMB_SIM_SEVERITY;
    TH_OK(smb_sim_measure_from_key("money", &m));
    ck_assert_int_eq(m, SMB_SIM_MONEY);
    TH_ASSERT_FAILS(smb_sim_measure_from_key("euros", &m), SMB_ENOTFOUND,
                    "no measure 'euros' (severity, money)");
    ck_assert_int_eq(m, SMB_SIM_MONEY);
    TH_ASSERT_FAILS(smb_sim_measure_from_key(NULL, &m), SMB_EINVAL, "key");
    ck_assert_str_eq(smb_sim_side_key(SMB_SIM_LOSS), "loss");
    ck_assert_str_eq(smb_sim_side_key(SMB_SIM_UPSIDE), "upside");
    ck_assert_ptr_null(smb_sim_side_key(SMB_SIM_SIDE_COUNT));
    ck_assert_str_eq(smb_sim_input_kind_key(SMB_SIM_INPUT_LIKELIHOOD), "likelihood");
    ck_assert_str_eq(smb_sim_input_kind_key(SMB_SIM_INPUT_IMPACT), "impact");
    ck_assert_str_eq(smb_sim_input_kind_key(SMB_SIM_INPUT_MONEY), "money");
    ck_assert_ptr_null(smb_sim_input_kind_key(SMB_SIM_INPUT_NONE));
}
END_TEST

START_TEST(config_defaults)
{
    smb_sim_config *c = new_config(0);
    ck_assert_uint_eq(smb_sim_config_seed(c), 0);
    ck_assert(smb_sim_config_rho(c) == 0.0);
    ck_assert_int_eq(smb_sim_config_measure(c), SMB_SIM_SEVERITY);
    ck_assert(smb_sim_config_level(c) == 0.95);
    const double expected[] = {5, 50, 90, 95, 99};
    ck_assert_uint_eq(smb_sim_config_percentile_count(c), 5);
    for (size_t i = 0; i < 5; i++)
        ck_assert(smb_sim_config_percentile_at(c, i) == expected[i]);
    ck_assert(isnan(smb_sim_config_percentile_at(c, 5)));
    ck_assert(!smb_sim_config_has_threshold(c));
    ck_assert(isnan(smb_sim_config_threshold(c)));
    ck_assert(smb_sim_config_keep_totals(c));
    ck_assert(smb_sim_config_sketch_accuracy(c) == SMB_SIM_DEFAULT_SKETCH_ACCURACY);
    ck_assert_uint_eq(smb_sim_config_sensitivity_trials(c), SMB_SIM_DEFAULT_SENSITIVITY_TRIALS);
    for (int s = 0; s < SMB_SOURCE_COUNT; s++)
        ck_assert(!smb_sim_config_has_source_rho(c, (smb_source)s));
    smb_sim_config_free(c);
    /* NULL answers. */
    ck_assert_uint_eq(smb_sim_config_seed(NULL), 0);
    ck_assert_int_eq(smb_sim_config_measure(NULL), SMB_SIM_MEASURE_NONE);
    ck_assert_uint_eq(smb_sim_config_percentile_count(NULL), 0);
    ck_assert(isnan(smb_sim_config_threshold(NULL)));
    smb_sim_config_free(NULL);
}
END_TEST

START_TEST(config_setters_and_copies)
{
    smb_sim_config *c = new_config(0xFFFFFFFFFFFFFFFFULL);
    ck_assert_uint_eq(smb_sim_config_seed(c), 0xFFFFFFFFFFFFFFFFULL);
    TH_OK(smb_sim_config_set_rho(c, 0.2));
    TH_OK(smb_sim_config_set_source_rho(c, SMB_SOURCE_CYBER, 0.6));
    ck_assert(smb_sim_config_source_rho(c, SMB_SOURCE_CYBER) == 0.6);
    ck_assert(smb_sim_config_source_rho(c, SMB_SOURCE_ECONOMIC) == 0.2);
    ck_assert(smb_sim_config_has_source_rho(c, SMB_SOURCE_CYBER));
    ck_assert(smb_sim_config_source_rho(c, SMB_SOURCE_NONE) == 0.0);
    TH_OK(smb_sim_config_set_measure(c, SMB_SIM_MONEY));
    TH_OK(smb_sim_config_set_level(c, 0.99));
    const double levels[] = {99.5, 1, 1};
    TH_OK(smb_sim_config_set_percentiles(c, levels, 3));
    TH_OK(smb_sim_config_set_threshold(c, -2.5));
    TH_OK(smb_sim_config_set_keep_totals(c, 0));
    TH_OK(smb_sim_config_set_sketch_accuracy(c, 0.01));
    TH_OK(smb_sim_config_set_sensitivity_trials(c, 0));

    smb_sim_config *copy = NULL;
    TH_OK(smb_sim_config_copy(c, &copy));
    TH_OK(smb_sim_config_clear_source_rho(c, SMB_SOURCE_CYBER));
    TH_OK(smb_sim_config_clear_threshold(c));
    TH_OK(smb_sim_config_set_percentiles(c, NULL, 0));
    ck_assert(smb_sim_config_source_rho(c, SMB_SOURCE_CYBER) == 0.2);
    ck_assert(!smb_sim_config_has_threshold(c));
    ck_assert_uint_eq(smb_sim_config_percentile_count(c), 0);
    /* The copy kept everything. */
    ck_assert(smb_sim_config_source_rho(copy, SMB_SOURCE_CYBER) == 0.6);
    ck_assert_int_eq(smb_sim_config_measure(copy), SMB_SIM_MONEY);
    ck_assert(smb_sim_config_level(copy) == 0.99);
    ck_assert_uint_eq(smb_sim_config_percentile_count(copy), 3);
    ck_assert(smb_sim_config_percentile_at(copy, 0) == 99.5);
    ck_assert(smb_sim_config_threshold(copy) == -2.5);
    ck_assert(!smb_sim_config_keep_totals(copy));
    ck_assert(smb_sim_config_sketch_accuracy(copy) == 0.01);
    ck_assert_uint_eq(smb_sim_config_sensitivity_trials(copy), 0);
    smb_sim_config_free(copy);
    smb_sim_config_free(c);
}
END_TEST

START_TEST(config_refusals_change_nothing)
{
    smb_sim_config *c = new_config(7);
    TH_OK(smb_sim_config_set_rho(c, 0.3));
    TH_ASSERT_FAILS(smb_sim_config_set_rho(c, 1.0), SMB_ERANGE,
                    "rho: must be at least 0 and below 1, got 1");
    TH_ASSERT_FAILS(smb_sim_config_set_rho(c, -0.1), SMB_ERANGE, "rho");
    TH_ASSERT_FAILS(smb_sim_config_set_rho(c, NAN), SMB_ERANGE, "rho");
    ck_assert(smb_sim_config_rho(c) == 0.3);
    TH_ASSERT_FAILS(smb_sim_config_set_source_rho(c, SMB_SOURCE_CYBER, 1.5), SMB_ERANGE,
                    "rho of source 'cyber'");
    TH_ASSERT_FAILS(smb_sim_config_set_source_rho(c, SMB_SOURCE_COUNT, 0.5), SMB_EINVAL,
                    "source");
    TH_ASSERT_FAILS(smb_sim_config_clear_source_rho(c, SMB_SOURCE_NONE), SMB_EINVAL, "source");
    ck_assert(!smb_sim_config_has_source_rho(c, SMB_SOURCE_CYBER));
    TH_ASSERT_FAILS(smb_sim_config_set_level(c, 0.0), SMB_ERANGE,
                    "level: must be strictly between 0 and 1");
    TH_ASSERT_FAILS(smb_sim_config_set_level(c, 1.0), SMB_ERANGE, "level");
    TH_ASSERT_FAILS(smb_sim_config_set_level(c, NAN), SMB_ERANGE, "level");
    ck_assert(smb_sim_config_level(c) == 0.95);
    TH_ASSERT_FAILS(smb_sim_config_set_measure(c, SMB_SIM_MEASURE_COUNT), SMB_EINVAL, "measure");
    ck_assert_int_eq(smb_sim_config_measure(c), SMB_SIM_SEVERITY);

    const double bad_high[] = {50, 101};
    TH_ASSERT_FAILS(smb_sim_config_set_percentiles(c, bad_high, 2), SMB_ERANGE,
                    "percentiles[1]: 101 is outside 0..100");
    const double bad_low[] = {-1};
    TH_ASSERT_FAILS(smb_sim_config_set_percentiles(c, bad_low, 1), SMB_ERANGE,
                    "percentiles[0]: -1 is outside 0..100");
    const double bad_nan[] = {NAN};
    TH_ASSERT_FAILS(smb_sim_config_set_percentiles(c, bad_nan, 1), SMB_ERANGE, "percentiles[0]");
    double many[SMB_SIM_MAX_PERCENTILES + 1];
    for (int i = 0; i <= SMB_SIM_MAX_PERCENTILES; i++)
        many[i] = 50;
    TH_ASSERT_FAILS(smb_sim_config_set_percentiles(c, many, SMB_SIM_MAX_PERCENTILES + 1),
                    SMB_ELIMIT, "at most 64");
    TH_ASSERT_FAILS(smb_sim_config_set_percentiles(c, NULL, 2), SMB_EINVAL, "percentiles");
    ck_assert_uint_eq(smb_sim_config_percentile_count(c), 5);
    TH_OK(smb_sim_config_set_percentiles(c, many, SMB_SIM_MAX_PERCENTILES));

    TH_ASSERT_FAILS(smb_sim_config_set_threshold(c, INFINITY), SMB_ERANGE, "threshold");
    TH_ASSERT_FAILS(smb_sim_config_set_threshold(c, NAN), SMB_ERANGE, "threshold");
    ck_assert(!smb_sim_config_has_threshold(c));
    TH_ASSERT_FAILS(smb_sim_config_set_sketch_accuracy(c, 0.5), SMB_ERANGE, "sketch_accuracy");
    TH_ASSERT_FAILS(smb_sim_config_set_sketch_accuracy(c, 1e-5), SMB_ERANGE, "sketch_accuracy");
    ck_assert(smb_sim_config_sketch_accuracy(c) == SMB_SIM_DEFAULT_SKETCH_ACCURACY);
    TH_ASSERT_FAILS(smb_sim_config_set_sensitivity_trials(c, SMB_SIM_MAX_TRIALS + 1), SMB_ERANGE,
                    "sensitivity_trials");
    ck_assert_uint_eq(smb_sim_config_sensitivity_trials(c), SMB_SIM_DEFAULT_SENSITIVITY_TRIALS);

    TH_ASSERT_FAILS(smb_sim_config_new(NULL), SMB_EINVAL, "out");
    TH_ASSERT_FAILS(smb_sim_config_copy(NULL, &c), SMB_EINVAL, "config");
    TH_ASSERT_FAILS(smb_sim_config_set_seed(NULL, 1), SMB_EINVAL, "config");
    smb_sim_config_free(c);
}
END_TEST

START_TEST(config_allocation_failures)
{
    smb_sim_config *c = NULL;
    TH_EACH_ALLOC_FAILURE(smb_sim_config_new(&c), c == NULL, (void)0, 1);
    const double levels[] = {1, 2, 3};
    TH_EACH_ALLOC_FAILURE(smb_sim_config_set_percentiles(c, levels, 3),
                          smb_sim_config_percentile_count(c) == 5 &&
                              smb_sim_config_percentile_at(c, 0) == 5,
                          (void)0, 1);
    ck_assert(smb_sim_config_percentile_at(c, 2) == 3);
    smb_sim_config *copy = NULL;
    TH_EACH_ALLOC_FAILURE(smb_sim_config_copy(c, &copy), copy == NULL, (void)0, 1);
    smb_sim_config_free(copy);
    smb_sim_config_free(c);
}
END_TEST

/* ---- models --------------------------------------------------------------- */

START_TEST(model_refusals)
{
    smb_scenarios *empty = new_set();
    smb_sim_model *m = NULL;
    TH_ASSERT_FAILS(smb_sim_model_new(empty, NULL, NULL, NULL, 0, NULL, &m), SMB_EINVAL,
                    "scenarios: nothing to simulate");
    TH_ASSERT_FAILS(smb_sim_model_new(NULL, NULL, NULL, NULL, 0, NULL, &m), SMB_EINVAL,
                    "scenarios");
    smb_scenarios *set = certain_threat(&(smb_estimate){SMB_DIST_POINT, 2, 2, 2});
    TH_ASSERT_FAILS(smb_sim_model_new(set, NULL, NULL, NULL, 0, NULL, NULL), SMB_EINVAL, "out");
    const char *ids[] = {"web"};
    TH_ASSERT_FAILS(smb_sim_model_new(set, NULL, NULL, ids, 1, NULL, &m), SMB_EINVAL,
                    "responses");

    smb_responses *responses = NULL;
    TH_OK(smb_responses_new(&responses));
    TH_OK(smb_responses_add(responses, "web", "Web shop", SMB_RESPONSE_DIGITAL_CHANNEL, 100, 1));
    TH_OK(smb_responses_set_effect(responses, "web", "x", 0.5, 0.5));
    TH_OK(smb_responses_add(responses, "app", "App", SMB_RESPONSE_DIGITAL_CHANNEL, 100, 1));
    const char *unknown[] = {"shop"};
    TH_ASSERT_FAILS(smb_sim_model_new(set, NULL, responses, unknown, 1, NULL, &m), SMB_ENOTFOUND,
                    "no response 'shop'");
    const char *twice[] = {"web", "web"};
    TH_ASSERT_FAILS(smb_sim_model_new(set, NULL, responses, twice, 2, NULL, &m), SMB_EINVAL,
                    "listed twice");

    smb_sim_config *money = new_config(0);
    TH_OK(smb_sim_config_set_measure(money, SMB_SIM_MONEY));
    TH_ASSERT_FAILS(smb_sim_model_new(set, NULL, NULL, NULL, 0, money, &m), SMB_ERANGE,
                    "no scenario of the set has a money impact");
    ck_assert_ptr_null(m);
    smb_sim_config_free(money);
    smb_responses_free(responses);
    smb_scenarios_free(set);
    smb_scenarios_free(empty);
}
END_TEST

START_TEST(model_copies_its_inputs_and_fingerprints_them)
{
    smb_scenarios *set = certain_threat(&(smb_estimate){SMB_DIST_UNIFORM, 2, 3, 4});
    smb_sim_config *config = new_config(11);
    smb_sim_model *a = new_model(set, NULL, config);
    smb_sim_model *b = new_model(set, NULL, config);
    ck_assert_uint_eq(smb_sim_model_fingerprint(a), smb_sim_model_fingerprint(b));
    ck_assert_uint_eq(smb_sim_model_scenario_count(a), 1);
    ck_assert_uint_eq(smb_sim_config_seed(smb_sim_model_config(a)), 11);
    /* Another seed, correlation or percentile set is another model. */
    TH_OK(smb_sim_config_set_seed(config, 12));
    smb_sim_model *c = new_model(set, NULL, config);
    ck_assert_uint_ne(smb_sim_model_fingerprint(a), smb_sim_model_fingerprint(c));
    TH_OK(smb_sim_config_set_seed(config, 11));
    TH_OK(smb_sim_config_set_rho(config, 0.1));
    smb_sim_model *d = new_model(set, NULL, config);
    ck_assert_uint_ne(smb_sim_model_fingerprint(a), smb_sim_model_fingerprint(d));
    /* The inputs may go: the model runs on its own copies. */
    smb_sim_config_free(config);
    smb_scenarios_free(set);
    smb_sim_result *r = simulate(a, 1000, 1);
    ck_assert_str_eq(smb_sim_result_scenario_at(r, 0)->id, "x");
    smb_sim_model_free(a);
    /* And the result outlives the model. */
    ck_assert_str_eq(smb_sim_result_scenario_at(r, 0)->id, "x");
    ck_assert_uint_eq(smb_sim_result_seed(r), 11);
    smb_sim_result_free(r);
    smb_sim_model_free(b);
    smb_sim_model_free(c);
    smb_sim_model_free(d);
    ck_assert_uint_eq(smb_sim_model_fingerprint(NULL), 0);
    smb_sim_model_free(NULL);
}
END_TEST

/* ---- the distributions' means --------------------------------------------- */

/* With p = 1 every trial's loss is the impact draw × v; its mean is the
 * distribution's mean × v. */
static void check_mean(const smb_estimate *impact, const smb_resilience *resilience, double v,
                       double mean)
{
    smb_scenarios *set = certain_threat(impact);
    smb_sim_config *config = new_config(2024);
    smb_sim_model *m = new_model(set, resilience, config);
    smb_sim_result *r = simulate(m, 100000, 2);
    ASSERT_WITHIN_SE(loss(r)->mean, mean * v, loss(r)->sem);
    ck_assert_uint_eq(smb_sim_result_scenario_at(r, 0)->occurrences, 100000);
    ASSERT_NEAR(smb_sim_result_expected(r), mean * v, 1e-12);
    /* Every draw lies within the estimate's range. */
    ck_assert(loss(r)->min >= impact->min * v - 1e-12 && loss(r)->max <= impact->max * v + 1e-12);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}

START_TEST(means_of_each_distribution)
{
    /* uniform 2..4: (2 + 4)/2 = 3; triangular 1, 2, 5: (1 + 2 + 5)/3 = 8/3;
     * PERT 1, 2, 5: (1 + 4·2 + 5)/6 = 14/6 = 7/3. No resilience: v = 1. */
    check_mean(&(smb_estimate){SMB_DIST_UNIFORM, 2, 3, 4}, NULL, 1.0, 3.0);
    check_mean(&(smb_estimate){SMB_DIST_TRIANGULAR, 1, 2, 5}, NULL, 1.0, 8.0 / 3.0);
    check_mean(&(smb_estimate){SMB_DIST_PERT, 1, 2, 5}, NULL, 1.0, 7.0 / 3.0);
    /* Every maturity 5: R = 1, v = 1 − m·R = 1 − 0.5 = 0.5. */
    smb_resilience *full = NULL;
    TH_OK(smb_resilience_new(&full));
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        TH_OK(smb_resilience_set_maturity(full, (smb_capability)c, 5));
    check_mean(&(smb_estimate){SMB_DIST_UNIFORM, 2, 3, 4}, full, 0.5, 3.0);
    smb_resilience_free(full);
}
END_TEST

START_TEST(lognormal_money_mean)
{
    /* 5th percentile 1000, 95th 100000: μ = (ln 1000 + ln 100000)/2 =
     * ln 10000 = 9.210340371976184, σ = (ln 100000 − ln 1000)/(2·1.6448536269514722)
     * = 4.605170185988091/3.2897072539029444 = 1.3998723383439264;
     * mean = exp(μ + σ²/2) = 10000·exp(0.97982128) = 26639.80097735548. */
    smb_scenarios *set = certain_threat(&(smb_estimate){SMB_DIST_POINT, 3, 3, 3});
    TH_OK(smb_scenarios_set_money(set, "x",
                                  &(smb_estimate){SMB_DIST_LOGNORMAL, 1000, 0, 100000}));
    smb_sim_config *config = new_config(99);
    TH_OK(smb_sim_config_set_measure(config, SMB_SIM_MONEY));
    smb_sim_model *m = new_model(set, NULL, config);
    smb_sim_result *r = simulate(m, 100000, 1);
    ck_assert_int_eq(smb_sim_result_measure(r), SMB_SIM_MONEY);
    ASSERT_WITHIN_SE(loss(r)->mean, 26639.80097735548, loss(r)->sem);
    ASSERT_NEAR(smb_sim_result_expected(r), 26639.80097735548, 1e-6);
    /* The median of the totals is the lognormal's, exp(μ) = 10000, within
     * five standard errors of a median: m·σ·√(2π)/(2√n) = 55.5. */
    const double median[] = {50};
    TH_OK(smb_sim_config_set_percentiles(config, median, 1));
    smb_sim_model *m2 = new_model(set, NULL, config);
    smb_sim_result *r2 = simulate(m2, 100000, 1);
    ASSERT_NEAR(smb_sim_result_percentile(r2, SMB_SIM_LOSS, 0), 10000.0, 300.0);
    smb_sim_result_free(r2);
    smb_sim_model_free(m2);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

START_TEST(occurrence_rate_is_the_likelihood)
{
    /* p = 0.3 (point), and p uniform 0.1..0.5 (mean 0.3): the rate's binomial
     * standard error with n = 10^5 is √(0.3·0.7/10^5) = 0.00145. */
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "a", "A", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.3, 2));
    TH_OK(smb_scenarios_add(set, "b", "B", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.3, 2));
    TH_OK(smb_scenarios_set_likelihood(set, "b", &(smb_estimate){SMB_DIST_UNIFORM, 0.1, 0.3, 0.5}));
    smb_sim_config *config = new_config(5);
    smb_sim_model *m = new_model(set, NULL, config);
    smb_sim_result *r = simulate(m, 100000, 2);
    double se = sqrt(0.3 * 0.7 / 100000);
    for (size_t s = 0; s < 2; s++) {
        const smb_sim_scenario *sc = smb_sim_result_scenario_at(r, s);
        ck_assert_uint_eq(sc->index, s);
        ck_assert_int_eq(sc->direction, SMB_DIRECTION_THREAT);
        ck_assert(sc->occurrence_rate == (double)sc->occurrences / 100000.0);
        ASSERT_WITHIN_SE(sc->occurrence_rate, 0.3, se);
    }
    ck_assert_ptr_null(smb_sim_result_scenario_at(r, 2));
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

/* ---- the central check: E[loss] = Σ exposures ------------------------------ */

/*
 * The worked example of the responses suite (m = 0.5), with distributions
 * whose means are its points:
 *   giants  technology threat, p PERT 0.4/0.6/0.8 (mean 0.6), impact
 *           triangular 3/4/5 (mean 4); R = (2 + 1 + 3)/3/5 = 0.4, v = 0.8:
 *           exposure 0.6 · 4 · 0.8 = 1.92
 *   wage    economic threat, p uniform 0.3..0.7 (mean 0.5), impact PERT
 *           2/3/4 (mean 3); R = (4 + 3)/2/5 = 0.7, v = 0.65:
 *           exposure 0.5 · 3 · 0.65 = 0.975
 *   subs    business-model opportunity, p 0.4, impact 2; R = (2 + 4 + 0)/3/5
 *           = 0.4, readiness 1 − 0.5·(1 − 0.4) = 0.7: upside 0.4 · 2 · 0.7 = 0.56
 * Σ threat exposures = 2.895.
 */
typedef struct world {
    smb_scenarios *scenarios;
    smb_resilience *resilience;
    smb_responses *responses;
} world;

static world make_world(void)
{
    world w = {0};
    w.scenarios = new_set();
    TH_OK(smb_scenarios_add(w.scenarios, "giants", "E-commerce giants", SMB_SOURCE_TECHNOLOGY,
                            SMB_DIRECTION_THREAT, 0.6, 4));
    TH_OK(smb_scenarios_set_likelihood(w.scenarios, "giants",
                                       &(smb_estimate){SMB_DIST_PERT, 0.4, 0.6, 0.8}));
    TH_OK(smb_scenarios_set_impact(w.scenarios, "giants",
                                   &(smb_estimate){SMB_DIST_TRIANGULAR, 3, 4, 5}));
    TH_OK(smb_scenarios_add(w.scenarios, "wage", "Minimum wage rises", SMB_SOURCE_ECONOMIC,
                            SMB_DIRECTION_THREAT, 0.5, 3));
    TH_OK(smb_scenarios_set_likelihood(w.scenarios, "wage",
                                       &(smb_estimate){SMB_DIST_UNIFORM, 0.3, 0.5, 0.7}));
    TH_OK(smb_scenarios_set_impact(w.scenarios, "wage", &(smb_estimate){SMB_DIST_PERT, 2, 3, 4}));
    TH_OK(smb_scenarios_add(w.scenarios, "subs", "Launch a bread subscription",
                            SMB_SOURCE_BUSINESS_MODEL, SMB_DIRECTION_OPPORTUNITY, 0.4, 2));
    TH_OK(smb_resilience_new(&w.resilience));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_ADAPTABILITY, 4));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_AGILITY, 3));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_INNOVATION, 2));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_DATA_DRIVEN, 1));
    TH_OK(smb_responses_new(&w.responses));
    TH_OK(smb_responses_add(w.responses, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL,
                            8000, 3));
    TH_OK(smb_responses_set_effect(w.responses, "web", "giants", 0.5, 0.25));
    TH_OK(smb_responses_add(w.responses, "auto", "Automate the bakehouse",
                            SMB_RESPONSE_AUTOMATION, 5000, 6));
    TH_OK(smb_responses_set_effect(w.responses, "auto", "wage", 0, 0.4));
    TH_OK(smb_responses_add(w.responses, "train", "Staff training", SMB_RESPONSE_CAPABILITY_BUILDING,
                            2000, 2));
    TH_OK(smb_responses_set_gain(w.responses, "train", SMB_CAPABILITY_INNOVATION, 4));
    TH_OK(smb_responses_set_gain(w.responses, "train", SMB_CAPABILITY_AGILITY, 1));
    return w;
}

static void free_world(world *w)
{
    smb_responses_free(w->responses);
    smb_resilience_free(w->resilience);
    smb_scenarios_free(w->scenarios);
}

START_TEST(expected_loss_is_the_sum_of_exposures)
{
    world w = make_world();
    smb_sim_config *config = new_config(31337);
    smb_sim_model *m = new_model(w.scenarios, w.resilience, config);
    smb_sim_result *r = simulate(m, 100000, 2);
    ASSERT_NEAR(smb_sim_result_expected(r), 2.895, 1e-12);
    ASSERT_WITHIN_SE(loss(r)->mean, 2.895, loss(r)->sem);
    /* The opportunity is reported apart: 0.56. */
    const smb_sim_stats *up = smb_sim_result_stats(r, SMB_SIM_UPSIDE);
    ck_assert_int_eq(up->side, SMB_SIM_UPSIDE);
    ASSERT_WITHIN_SE(up->mean, 0.56, up->sem);
    ck_assert(isnan(up->exceed_prob));
    ck_assert_ptr_null(smb_sim_result_stats(r, SMB_SIM_SIDE_COUNT));
    size_t n = 0;
    ck_assert_ptr_nonnull(smb_sim_result_totals(r, SMB_SIM_UPSIDE, &n));
    ck_assert_uint_eq(n, 100000);
    /* The deterministic scores agree on the total. */
    smb_scenario_scores *scores = NULL;
    TH_OK(smb_scenarios_score(w.scenarios, w.resilience, &scores));
    ASSERT_NEAR(smb_scenario_scores_totals(scores, SMB_DIRECTION_THREAT)->exposure,
                smb_sim_result_expected(r), 1e-12);
    smb_scenario_scores_free(scores);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    free_world(&w);
}
END_TEST

START_TEST(expected_loss_with_responses_is_the_residual)
{
    world w = make_world();
    smb_sim_config *config = new_config(4);
    /* "web" alone, by hand: giants p 0.6·0.5 = 0.3, impact 4·0.75 = 3,
     * v 0.8: 0.72; wage unchanged 0.975; total 1.695. */
    const char *web[] = {"web"};
    smb_sim_model *m = NULL;
    TH_OK(smb_sim_model_new(w.scenarios, w.resilience, w.responses, web, 1, config, &m));
    smb_sim_result *r = simulate(m, 100000, 2);
    ASSERT_NEAR(smb_sim_result_expected(r), 1.695, 1e-12);
    ASSERT_WITHIN_SE(loss(r)->mean, 1.695, loss(r)->sem);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    /* All three, against smb_residual_total(): the training's gains raise
     * the maturities, so every factor changes. */
    const char *all[] = {"web", "auto", "train"};
    smb_residual *residual = NULL;
    TH_OK(smb_responses_residual(w.responses, w.scenarios, w.resilience, all, 3, &residual));
    TH_OK(smb_sim_model_new(w.scenarios, w.resilience, w.responses, all, 3, config, &m));
    r = simulate(m, 100000, 2);
    ASSERT_NEAR(smb_sim_result_expected(r), smb_residual_total(residual), 1e-12);
    ASSERT_WITHIN_SE(loss(r)->mean, smb_residual_total(residual), loss(r)->sem);
    smb_residual_free(residual);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    free_world(&w);
}
END_TEST

START_TEST(money_measure_sums_money_exposures)
{
    world w = make_world();
    /* giants money lognormal 5th 1000, 95th 100000 (mean 26639.80097735548),
     * wage none (adds 0), subs uniform 500..1500 (mean 1000).
     * Loss: 0.6 · 26639.80097735548 · 0.8 = 12787.10446913063. */
    TH_OK(smb_scenarios_set_money(w.scenarios, "giants",
                                  &(smb_estimate){SMB_DIST_LOGNORMAL, 1000, 0, 100000}));
    TH_OK(smb_scenarios_set_money(w.scenarios, "subs",
                                  &(smb_estimate){SMB_DIST_UNIFORM, 500, 1000, 1500}));
    smb_sim_config *config = new_config(77);
    TH_OK(smb_sim_config_set_measure(config, SMB_SIM_MONEY));
    smb_sim_model *m = new_model(w.scenarios, w.resilience, config);
    smb_sim_result *r = simulate(m, 100000, 2);
    ASSERT_NEAR(smb_sim_result_expected(r), 12787.10446913063, 1e-6);
    ASSERT_WITHIN_SE(loss(r)->mean, 12787.10446913063, loss(r)->sem);
    /* Upside: 0.4 · 1000 · 0.7 = 280. */
    const smb_sim_stats *up = smb_sim_result_stats(r, SMB_SIM_UPSIDE);
    ASSERT_WITHIN_SE(up->mean, 280.0, up->sem);
    /* wage still occurs, it only adds nothing. */
    ASSERT_WITHIN_SE(smb_sim_result_scenario_at(r, 1)->occurrence_rate, 0.5,
                     sqrt(0.25 / 100000));
    smb_scenario_scores *scores = NULL;
    TH_OK(smb_scenarios_score(w.scenarios, w.resilience, &scores));
    ASSERT_NEAR(smb_scenario_scores_totals(scores, SMB_DIRECTION_THREAT)->money_exposure,
                smb_sim_result_expected(r), 1e-6);
    smb_scenario_scores_free(scores);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    free_world(&w);
}
END_TEST

/* ---- correlation ----------------------------------------------------------- */

/* Two threats with p = 0.5, impacts 1 and 2, no resilience: a total of 3
 * means both occurred. */
static double joint_rate(smb_source a, smb_source b, smb_sim_config *config)
{
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "a", "A", a, SMB_DIRECTION_THREAT, 0.5, 1));
    TH_OK(smb_scenarios_add(set, "b", "B", b, SMB_DIRECTION_THREAT, 0.5, 2));
    smb_sim_model *m = new_model(set, NULL, config);
    smb_sim_result *r = simulate(m, 100000, 2);
    size_t n = 0;
    const double *totals = smb_sim_result_totals(r, SMB_SIM_LOSS, &n);
    ck_assert_uint_eq(n, 100000);
    size_t both = 0;
    for (size_t i = 0; i < n; i++)
        both += totals[i] == 3.0;
    /* The marginals stay p = 0.5 whatever the correlation. */
    for (size_t s = 0; s < 2; s++)
        ASSERT_WITHIN_SE(smb_sim_result_scenario_at(r, s)->occurrence_rate, 0.5,
                         sqrt(0.25 / 100000));
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_scenarios_free(set);
    return (double)both / (double)n;
}

START_TEST(correlation_joins_occurrences)
{
    smb_sim_config *config = new_config(8);
    /* Independent: P(both) = 0.5 · 0.5 = 0.25. */
    double rate = joint_rate(SMB_SOURCE_ECONOMIC, SMB_SOURCE_ECONOMIC, config);
    ASSERT_WITHIN_SE(rate, 0.25, sqrt(0.25 * 0.75 / 100000));
    /* ρ = 0.5 on both: latent correlation √(0.5·0.5) = 0.5, and the
     * bivariate normal orthant P(both) = 1/4 + asin(0.5)/(2π) = 1/4 + 1/12 = 1/3. */
    TH_OK(smb_sim_config_set_rho(config, 0.5));
    rate = joint_rate(SMB_SOURCE_ECONOMIC, SMB_SOURCE_ECONOMIC, config);
    ASSERT_WITHIN_SE(rate, 1.0 / 3.0, sqrt(1.0 / 3.0 * 2.0 / 3.0 / 100000));
    /* Per-source ρ 0.64 and 0.25: latent correlation √(0.64·0.25) = 0.4,
     * P(both) = 1/4 + asin(0.4)/(2π) = 0.25 + 0.41151685/6.28318531 = 0.31549494. */
    TH_OK(smb_sim_config_set_source_rho(config, SMB_SOURCE_ECONOMIC, 0.64));
    TH_OK(smb_sim_config_set_source_rho(config, SMB_SOURCE_GLOBAL_EVENT, 0.25));
    rate = joint_rate(SMB_SOURCE_ECONOMIC, SMB_SOURCE_GLOBAL_EVENT, config);
    ASSERT_WITHIN_SE(rate, 0.31549494021722735, sqrt(0.3155 * 0.6845 / 100000));
    /* An override of 0 makes that source independent of the other. */
    TH_OK(smb_sim_config_set_source_rho(config, SMB_SOURCE_GLOBAL_EVENT, 0.0));
    rate = joint_rate(SMB_SOURCE_ECONOMIC, SMB_SOURCE_GLOBAL_EVENT, config);
    ASSERT_WITHIN_SE(rate, 0.25, sqrt(0.25 * 0.75 / 100000));
    smb_sim_config_free(config);
}
END_TEST

START_TEST(correlation_fattens_the_tail_not_the_mean)
{
    /* Ten threats of one source, p = 0.1, impact 1, v = 1: the loss counts
     * the occurrences, mean 10 · 0.1 = 1. Independent, it is Binomial(10,
     * 0.1): P(X ≤ 3) = 0.98720 < 0.99 < P(X ≤ 4) = 0.99837, so the 99th
     * percentile is 4. Correlated, the same mean spreads into a longer tail. */
    smb_scenarios *set = new_set();
    for (int i = 0; i < 10; i++) {
        char id[8];
        snprintf(id, sizeof id, "t%d", i);
        TH_OK(smb_scenarios_add(set, id, id, SMB_SOURCE_GLOBAL_EVENT, SMB_DIRECTION_THREAT, 0.1, 1));
    }
    smb_sim_config *config = new_config(3);
    const double p99[] = {99};
    TH_OK(smb_sim_config_set_percentiles(config, p99, 1));
    smb_sim_model *m = new_model(set, NULL, config);
    smb_sim_result *independent = simulate(m, 100000, 2);
    smb_sim_model_free(m);
    TH_OK(smb_sim_config_set_rho(config, 0.5));
    m = new_model(set, NULL, config);
    smb_sim_result *correlated = simulate(m, 100000, 2);
    ASSERT_WITHIN_SE(loss(independent)->mean, 1.0, loss(independent)->sem);
    ASSERT_WITHIN_SE(loss(correlated)->mean, 1.0, loss(correlated)->sem);
    ck_assert(smb_sim_result_percentile(independent, SMB_SIM_LOSS, 0) == 4.0);
    ck_assert(smb_sim_result_percentile(correlated, SMB_SIM_LOSS, 0) > 4.0);
    ck_assert(loss(correlated)->std > loss(independent)->std);
    ck_assert(loss(correlated)->es > loss(independent)->es);
    smb_sim_result_free(independent);
    smb_sim_result_free(correlated);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

/* ---- tail statistics -------------------------------------------------------- */

START_TEST(tail_of_a_two_valued_loss_is_exact)
{
    /* One threat, p = 0.5, impact 2, v = 1: every total is 0 or 2, about
     * half of each. At level 0.95 of 10^4 trials the tail is the
     * ⌈0.05 · 10^4⌉ = 500 largest, all 2: VaR = ES = 2, and the scenario
     * carries all of it. */
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "a", "A", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.5, 2));
    smb_sim_config *config = new_config(1);
    TH_OK(smb_sim_config_set_threshold(config, 1.0));
    for (int keep = 1; keep >= 0; keep--) {
        TH_OK(smb_sim_config_set_keep_totals(config, keep));
        smb_sim_model *m = new_model(set, NULL, config);
        smb_sim_result *r = simulate(m, 10000, 1);
        ck_assert_int_eq(smb_sim_result_exact(r), keep);
        ck_assert(smb_sim_result_accuracy(r) == (keep ? 0.0 : SMB_SIM_DEFAULT_SKETCH_ACCURACY));
        const smb_sim_stats *s = loss(r);
        const smb_sim_scenario *sc = smb_sim_result_scenario_at(r, 0);
        /* From the sketch: within a factor 1 ± a of 2. */
        double tolerance = keep ? 0.0 : 2.0 * SMB_SIM_DEFAULT_SKETCH_ACCURACY;
        ck_assert(fabs(s->var - 2.0) <= tolerance);
        ck_assert(fabs(s->es - 2.0) <= tolerance);
        ASSERT_NEAR(sc->es_contribution, s->es, 1e-12);
        ck_assert(s->min == 0.0 && s->max == 2.0);
        /* Totals above the threshold 1 are exactly the occurrences; the
         * mean is 2 · rate, exactly, from the exact sums. */
        ck_assert(s->exceed_prob == sc->occurrence_rate);
        ASSERT_NEAR(s->mean, 2.0 * sc->occurrence_rate, 1e-15);
        /* std of a 0/2 variable with n − 1: 2·√(q(1 − q)·n/(n − 1)). */
        double q = sc->occurrence_rate;
        ASSERT_NEAR(s->std, 2.0 * sqrt(q * (1 - q) * 10000.0 / 9999.0), 1e-12);
        ASSERT_NEAR(s->sem, s->std / 100.0, 1e-15);
        ck_assert(smb_sim_result_threshold(r) == 1.0);
        smb_sim_result_free(r);
        smb_sim_model_free(m);
    }
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

START_TEST(es_contributions_add_up_to_es)
{
    world w = make_world();
    smb_sim_config *config = new_config(55);
    for (int keep = 1; keep >= 0; keep--) {
        TH_OK(smb_sim_config_set_keep_totals(config, keep));
        smb_sim_model *m = new_model(w.scenarios, w.resilience, config);
        smb_sim_result *r = simulate(m, 20000, 2);
        for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
            double sum = 0;
            for (size_t s = 0; s < smb_sim_result_scenario_count(r); s++) {
                const smb_sim_scenario *sc = smb_sim_result_scenario_at(r, s);
                if ((int)sc->direction == side)
                    sum += sc->es_contribution;
            }
            const smb_sim_stats *st = smb_sim_result_stats(r, (smb_sim_side)side);
            ck_assert(st->es > 0);
            ASSERT_NEAR(sum, st->es, 1e-9 * st->es);
            /* The tail's mean is at least the value-at-risk and the mean. */
            ck_assert(st->es >= st->var * (1 - 2 * SMB_SIM_DEFAULT_SKETCH_ACCURACY));
            ck_assert(st->es > st->mean);
        }
        smb_sim_result_free(r);
        smb_sim_model_free(m);
    }
    smb_sim_config_free(config);
    free_world(&w);
}
END_TEST

START_TEST(no_opportunity_no_upside)
{
    smb_scenarios *set = certain_threat(&(smb_estimate){SMB_DIST_POINT, 2, 2, 2});
    smb_sim_model *m = new_model(set, NULL, NULL);
    smb_sim_result *r = simulate(m, 1000, 1);
    size_t n = 5;
    ck_assert_ptr_null(smb_sim_result_totals(r, SMB_SIM_UPSIDE, &n));
    ck_assert_uint_eq(n, 0);
    const smb_sim_stats *up = smb_sim_result_stats(r, SMB_SIM_UPSIDE);
    ck_assert(up->mean == 0 && up->std == 0 && up->max == 0 && up->es == 0 && up->var == 0);
    ck_assert(smb_sim_result_percentile(r, SMB_SIM_UPSIDE, 4) == 0.0);
    /* Every loss is 2: each statistic is 2 or 0 exactly. */
    ck_assert(loss(r)->mean == 2.0 && loss(r)->std == 0.0 && loss(r)->es == 2.0);
    ck_assert(isnan(loss(r)->exceed_prob));
    ck_assert(isnan(smb_sim_result_threshold(r)));
    ck_assert_uint_eq(smb_sim_result_percentile_count(r), 5);
    ck_assert(smb_sim_result_percentile_level(r, 3) == 95);
    ck_assert(isnan(smb_sim_result_percentile_level(r, 5)));
    ck_assert(isnan(smb_sim_result_percentile(r, SMB_SIM_LOSS, 5)));
    ck_assert(smb_sim_result_percentile(r, SMB_SIM_LOSS, 0) == 2.0);
    ck_assert_uint_eq(smb_sim_result_first(r), 0);
    ck_assert_uint_eq(smb_sim_result_trials(r), 1000);
    ck_assert(smb_sim_result_level(r) == 0.95);
    /* Nothing varies: no sensitivity, no tornado. */
    ck_assert_uint_eq(smb_sim_result_sensitivity_count(r), 0);
    ck_assert_uint_eq(smb_sim_result_sensitivity_trials(r), 0);
    ck_assert_uint_eq(smb_sim_result_swing_count(r), 0);
    ck_assert_ptr_null(smb_sim_result_swing_at(r, 0));
    ck_assert_ptr_null(smb_sim_result_sensitivity_at(r, 0));
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_scenarios_free(set);
    /* NULL answers. */
    ck_assert_ptr_null(smb_sim_result_stats(NULL, SMB_SIM_LOSS));
    ck_assert(isnan(smb_sim_result_threshold(NULL)));
    ck_assert_uint_eq(smb_sim_result_trials(NULL), 0);
    smb_sim_result_free(NULL);
}
END_TEST

/* ---- tornado and sensitivity ------------------------------------------------ */

START_TEST(tornado_by_hand)
{
    /* No resilience (v = 1).
     *   a: p uniform 0.2..0.4 (mean 0.3), impact triangular 1/2/3 (mean 2):
     *      exposure 0.6
     *   b: p 0.5, impact PERT 1/1/4 (mean (1 + 4 + 4)/6 = 1.5): exposure 0.75
     *   c: an opportunity, left out of the tornado
     * E = 1.35. Bars (E − own exposure + the swung term):
     *   a impact 1..3:      0.75 + 0.3·1 = 1.05 .. 0.75 + 0.3·3 = 1.65, swing 0.6
     *   b impact 1..4:      0.6 + 0.5·1 = 1.1  .. 0.6 + 0.5·4 = 2.6,   swing 1.5
     *   a likelihood .2-.4: 0.75 + 0.2·2 = 1.15 .. 0.75 + 0.4·2 = 1.55, swing 0.4
     * largest swing first: b impact, a impact, a likelihood. */
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "a", "A", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.3, 2));
    TH_OK(smb_scenarios_set_likelihood(set, "a", &(smb_estimate){SMB_DIST_UNIFORM, 0.2, 0.3, 0.4}));
    TH_OK(smb_scenarios_set_impact(set, "a", &(smb_estimate){SMB_DIST_TRIANGULAR, 1, 2, 3}));
    TH_OK(smb_scenarios_add(set, "b", "B", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.5, 2));
    TH_OK(smb_scenarios_set_impact(set, "b", &(smb_estimate){SMB_DIST_PERT, 1, 1, 4}));
    TH_OK(smb_scenarios_add(set, "c", "C", SMB_SOURCE_CYBER, SMB_DIRECTION_OPPORTUNITY, 0.5, 2));
    TH_OK(smb_scenarios_set_impact(set, "c", &(smb_estimate){SMB_DIST_UNIFORM, 1, 2, 5}));
    smb_sim_model *m = new_model(set, NULL, NULL);
    smb_sim_result *r = simulate(m, 2000, 1);
    ASSERT_NEAR(smb_sim_result_expected(r), 1.35, 1e-12);
    ck_assert_uint_eq(smb_sim_result_swing_count(r), 3);
    const struct {
        const char *id;
        smb_sim_input_kind kind;
        double low_input, high_input, low, high, swing;
    } want[] = {
        {"b", SMB_SIM_INPUT_IMPACT, 1, 4, 1.1, 2.6, 1.5},
        {"a", SMB_SIM_INPUT_IMPACT, 1, 3, 1.05, 1.65, 0.6},
        {"a", SMB_SIM_INPUT_LIKELIHOOD, 0.2, 0.4, 1.15, 1.55, 0.4},
    };
    for (size_t i = 0; i < 3; i++) {
        const smb_sim_swing *s = smb_sim_result_swing_at(r, i);
        ck_assert_str_eq(s->id, want[i].id);
        ck_assert_int_eq(s->kind, want[i].kind);
        ck_assert_uint_eq(s->index, want[i].id[0] == 'a' ? 0 : 1);
        ASSERT_NEAR(s->low_input, want[i].low_input, 1e-15);
        ASSERT_NEAR(s->high_input, want[i].high_input, 1e-15);
        ASSERT_NEAR(s->low, want[i].low, 1e-12);
        ASSERT_NEAR(s->high, want[i].high, 1e-12);
        ASSERT_NEAR(s->swing, want[i].swing, 1e-12);
    }
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_scenarios_free(set);
}
END_TEST

START_TEST(sensitivity_ranks_the_inputs)
{
    /* a: p = 1, impact uniform 1..5: its draw is the only varying part of
     * a's contribution. b: p uniform 0..0.02, impact 1: rarely adds 1.
     * The loss is then nearly a's impact: Spearman's ρ of a's impact is
     * close to 1 and first; b's likelihood barely matters. Opportunities
     * (c) have none. */
    smb_scenarios *set = new_set();
    TH_OK(smb_scenarios_add(set, "a", "A", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 1.0, 2));
    TH_OK(smb_scenarios_set_impact(set, "a", &(smb_estimate){SMB_DIST_UNIFORM, 1, 3, 5}));
    TH_OK(smb_scenarios_add(set, "b", "B", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.01, 1));
    TH_OK(smb_scenarios_set_likelihood(set, "b", &(smb_estimate){SMB_DIST_UNIFORM, 0, 0.01, 0.02}));
    TH_OK(smb_scenarios_add(set, "c", "C", SMB_SOURCE_CYBER, SMB_DIRECTION_OPPORTUNITY, 0.5, 2));
    TH_OK(smb_scenarios_set_impact(set, "c", &(smb_estimate){SMB_DIST_UNIFORM, 1, 3, 5}));
    smb_sim_config *config = new_config(6);
    TH_OK(smb_sim_config_set_sensitivity_trials(config, 5000));
    smb_sim_model *m = new_model(set, NULL, config);
    smb_sim_result *r = simulate(m, 20000, 2);
    ck_assert_uint_eq(smb_sim_result_sensitivity_trials(r), 5000);
    ck_assert_uint_eq(smb_sim_result_sensitivity_count(r), 2);
    const smb_sim_sensitivity *first = smb_sim_result_sensitivity_at(r, 0);
    const smb_sim_sensitivity *second = smb_sim_result_sensitivity_at(r, 1);
    ck_assert_str_eq(first->id, "a");
    ck_assert_int_eq(first->kind, SMB_SIM_INPUT_IMPACT);
    ck_assert(first->spearman > 0.95 && first->spearman <= 1.0);
    ck_assert_str_eq(second->id, "b");
    ck_assert_int_eq(second->kind, SMB_SIM_INPUT_LIKELIHOOD);
    ck_assert(fabs(second->spearman) < 0.2);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    /* Without b, a's impact is the loss itself (times 1): ρ = 1 exactly. */
    TH_OK(smb_scenarios_remove(set, "b"));
    m = new_model(set, NULL, config);
    r = simulate(m, 3000, 1);
    ck_assert_uint_eq(smb_sim_result_sensitivity_trials(r), 3000); /* fewer trials than asked */
    ASSERT_NEAR(smb_sim_result_sensitivity_at(r, 0)->spearman, 1.0, 1e-12);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    /* Turned off. */
    TH_OK(smb_sim_config_set_sensitivity_trials(config, 0));
    m = new_model(set, NULL, config);
    r = simulate(m, 3000, 1);
    ck_assert_uint_eq(smb_sim_result_sensitivity_count(r), 0);
    ck_assert_uint_eq(smb_sim_result_swing_count(r), 1);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_scenarios_free(set);
}
END_TEST

/* ---- a document end to end -------------------------------------------------- */

START_TEST(the_bakery_simulates_end_to_end)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_file(th_data_path("../../examples/bakery.json"), &doc));
    const smb_scenarios *set = smb_document_scenarios_const(doc);
    const smb_resilience *resilience = smb_document_resilience_const(doc);
    const smb_responses *responses = smb_document_responses_const(doc);
    ck_assert_uint_gt(smb_scenarios_count(set), 0);
    ck_assert_uint_gt(smb_responses_count(responses), 0);
    const char *ids[] = {smb_response_id(smb_responses_at(responses, 0))};
    smb_residual *residual = NULL;
    TH_OK(smb_responses_residual(responses, set, resilience, ids, 1, &residual));
    smb_sim_config *config = new_config(2025);
    TH_OK(smb_sim_config_set_rho(config, 0.2));
    smb_sim_model *m = NULL;
    TH_OK(smb_sim_model_new(set, resilience, responses, ids, 1, config, &m));
    ck_assert_uint_eq(smb_sim_model_scenario_count(m), smb_scenarios_count(set));
    smb_sim_result *r = simulate(m, 50000, 0);
    ASSERT_NEAR(smb_sim_result_expected(r), smb_residual_total(residual), 1e-9);
    ASSERT_WITHIN_SE(loss(r)->mean, smb_residual_total(residual), loss(r)->sem);
    for (size_t s = 0; s < smb_sim_result_scenario_count(r); s++)
        ck_assert_str_eq(smb_sim_result_scenario_at(r, s)->id,
                         smb_scenario_id(smb_scenarios_at(set, s)));
    ck_assert(loss(r)->es >= loss(r)->var);
    smb_sim_result_free(r);
    smb_sim_model_free(m);
    smb_sim_config_free(config);
    smb_residual_free(residual);
    smb_document_free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("simulate");
    TCase *config = tcase_create("configuration");
    tcase_add_checked_fixture(config, setup, teardown);
    tcase_add_test(config, keys_round_trip);
    tcase_add_test(config, config_defaults);
    tcase_add_test(config, config_setters_and_copies);
    tcase_add_test(config, config_refusals_change_nothing);
    tcase_add_test(config, config_allocation_failures);
    tcase_add_test(config, model_refusals);
    tcase_add_test(config, model_copies_its_inputs_and_fingerprints_them);
    suite_add_tcase(s, config);

    TCase *stats = tcase_create("statistics");
    tcase_add_checked_fixture(stats, setup, teardown);
    tcase_set_timeout(stats, 120);
    tcase_add_test(stats, means_of_each_distribution);
    tcase_add_test(stats, lognormal_money_mean);
    tcase_add_test(stats, occurrence_rate_is_the_likelihood);
    tcase_add_test(stats, expected_loss_is_the_sum_of_exposures);
    tcase_add_test(stats, expected_loss_with_responses_is_the_residual);
    tcase_add_test(stats, money_measure_sums_money_exposures);
    tcase_add_test(stats, correlation_joins_occurrences);
    tcase_add_test(stats, correlation_fattens_the_tail_not_the_mean);
    tcase_add_test(stats, tail_of_a_two_valued_loss_is_exact);
    tcase_add_test(stats, es_contributions_add_up_to_es);
    tcase_add_test(stats, no_opportunity_no_upside);
    tcase_add_test(stats, tornado_by_hand);
    tcase_add_test(stats, sensitivity_ranks_the_inputs);
    tcase_add_test(stats, the_bakery_simulates_end_to_end);
    suite_add_tcase(s, stats);
    return th_run_suite(s);
}
