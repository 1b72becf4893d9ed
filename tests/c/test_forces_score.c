/* SPDX-License-Identifier: MIT */
/* Scoring five-forces assessments: every formula against values worked out
 * by hand (the arithmetic is in the comments), bands at their boundaries,
 * dominant forces and their ties, contributions, the tornado, undefined
 * quantities, concurrency and allocation failures. */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "harness.h"

#define NE SMB_FORCE_NEW_ENTRANTS
#define SP SMB_FORCE_SUPPLIER_POWER
#define BP SMB_FORCE_BUYER_POWER
#define SU SMB_FORCE_SUBSTITUTES
#define RI SMB_FORCE_RIVALRY

/* Hand-worked values are exact decimals; the library's doubles may differ
 * from them in the last bits only. */
#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)

static smb_forces *fresh(void)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    return f;
}

static void rate(smb_forces *f, smb_force force, const char *key, double rating, double weight)
{
    TH_OK(smb_forces_set_rating(f, force, key, rating));
    TH_OK(smb_forces_set_driver_weight(f, force, key, weight));
}

static double score_of(const smb_forces *f, smb_force force)
{
    double s = -1.0;
    TH_OK(smb_forces_force_score(f, force, &s));
    return s;
}

/*
 * The worked example used by several tests:
 *
 * new_entrants   economies_of_scale 2.5 (w 1), capital_requirements 1.5 (w 1)
 *                score = (2.5 + 1.5) / 2 = 2.0, intensity (2 - 1)/4 = 0.25, low
 * supplier_power supplier_concentration 3 (w 2), switching_costs 4.5 (w 1),
 *                differentiated_inputs 5 (w 0: left out)
 *                score = (2*3 + 1*4.5) / (2 + 1) = 10.5 / 3 = 3.5, intensity 0.625, high
 * buyer_power    price_sensitivity 2.25 (w 1), buyer_information 2.75 (w 1)
 *                score = 5 / 2 = 2.5, intensity 0.375, moderate
 * substitutes    nothing rated: no score
 * rivalry        force weight 2; number_and_balance 5 (w 1), exit_barriers 3.4 (w 1)
 *                score = 8.4 / 2 = 4.2, intensity 3.2 / 4 = 0.8, high
 *
 * pressure = (1*0.25 + 1*0.625 + 1*0.375 + 2*0.8) / (1 + 1 + 1 + 2)
 *          = (0.25 + 0.625 + 0.375 + 1.6) / 5 = 2.85 / 5 = 0.57
 * attractiveness = 1 - 0.57 = 0.43
 * pressure shares: 0.25/5 = 0.05, 0.625/5 = 0.125, 0.375/5 = 0.075,
 *                  1.6/5 = 0.32 (sum 0.57)
 */
static smb_forces *worked_example(void)
{
    smb_forces *f = fresh();
    rate(f, NE, "economies_of_scale", 2.5, 1);
    rate(f, NE, "capital_requirements", 1.5, 1);
    rate(f, SP, "supplier_concentration", 3.0, 2);
    rate(f, SP, "switching_costs", 4.5, 1);
    rate(f, SP, "differentiated_inputs", 5.0, 0);
    rate(f, BP, "price_sensitivity", 2.25, 1);
    rate(f, BP, "buyer_information", 2.75, 1);
    rate(f, RI, "number_and_balance", 5.0, 1);
    rate(f, RI, "exit_barriers", 3.4, 1);
    TH_OK(smb_forces_set_force_weight(f, RI, 2.0));
    return f;
}

/* ---- quick answers ------------------------------------------------------- */

START_TEST(weighted_mean_of_one_force)
{
    /* rivalry: 4 (w 1), 2 (w 1), 5 (w 2): (4 + 2 + 10) / 4 = 4.0;
     * pressure = intensity = (4 - 1)/4 = 0.75 (the only scored force);
     * attractiveness = 0.25. */
    smb_forces *f = fresh();
    rate(f, RI, "number_and_balance", 4, 1);
    rate(f, RI, "industry_growth", 2, 1);
    rate(f, RI, "exit_barriers", 5, 2);
    ck_assert_double_eq(score_of(f, RI), 4.0);
    double p = -1, a = -1;
    TH_OK(smb_forces_pressure(f, &p));
    TH_OK(smb_forces_attractiveness(f, &a));
    ck_assert_double_eq(p, 0.75);
    ck_assert_double_eq(a, 0.25);
    smb_forces_free(f);
}
END_TEST

START_TEST(worked_example_quick_answers)
{
    smb_forces *f = worked_example();
    ck_assert_double_eq(score_of(f, NE), 2.0);
    ASSERT_NEAR(score_of(f, SP), 3.5);
    ck_assert_double_eq(score_of(f, BP), 2.5);
    ASSERT_NEAR(score_of(f, RI), 4.2);
    double s = -1;
    TH_ASSERT_FAILS(smb_forces_force_score(f, SU, &s), SMB_ENOTFOUND,
                    "force 'substitutes' has no score: none of its drivers of positive weight is rated");
    ck_assert_double_eq(s, -1);
    double p = -1, a = -1;
    TH_OK(smb_forces_pressure(f, &p));
    TH_OK(smb_forces_attractiveness(f, &a));
    ASSERT_NEAR(p, 0.57);
    ASSERT_NEAR(a, 0.43);
    smb_forces_free(f);
}
END_TEST

START_TEST(unrated_drivers_do_not_count)
{
    /* buyer_power: one driver rated 3, five unrated: the score is 3, not
     * a mean that counts the unrated as anything. */
    smb_forces *f = fresh();
    rate(f, BP, "buyer_information", 3, 1);
    ck_assert_double_eq(score_of(f, BP), 3.0);
    /* An unrated driver's weight is irrelevant too. */
    TH_OK(smb_forces_set_driver_weight(f, BP, "price_sensitivity", 1000));
    ck_assert_double_eq(score_of(f, BP), 3.0);
    smb_forces_free(f);
}
END_TEST

START_TEST(weight_zero_drivers_are_ignored)
{
    /* rivalry: exit_barriers 5 (w 0), fixed_costs 2 (w 1): score 2, not 3.5. */
    smb_forces *f = fresh();
    rate(f, RI, "exit_barriers", 5, 0);
    rate(f, RI, "fixed_costs", 2, 1);
    ck_assert_double_eq(score_of(f, RI), 2.0);
    /* With only the weight-0 driver rated, the force has no score. */
    TH_OK(smb_forces_clear_rating(f, RI, "fixed_costs"));
    double s;
    TH_ASSERT_FAILS(smb_forces_force_score(f, RI, &s), SMB_ENOTFOUND, "force 'rivalry' has no score");
    double p = -1;
    TH_ASSERT_FAILS(smb_forces_pressure(f, &p), SMB_ENOTFOUND,
                    "competitive pressure is undefined: no force of positive weight has a rated driver of positive weight");
    ck_assert_double_eq(p, -1);
    smb_forces_free(f);
}
END_TEST

START_TEST(nothing_rated)
{
    smb_forces *f = fresh();
    double x = -1;
    for (int force = 0; force < SMB_FORCE_COUNT; force++)
        TH_ASSERT_FAILS(smb_forces_force_score(f, (smb_force)force, &x), SMB_ENOTFOUND,
                        "has no score");
    TH_ASSERT_FAILS(smb_forces_pressure(f, &x), SMB_ENOTFOUND,
                    "competitive pressure is undefined: no driver is rated");
    TH_ASSERT_FAILS(smb_forces_attractiveness(f, &x), SMB_ENOTFOUND,
                    "attractiveness is undefined: no driver is rated");
    ck_assert_double_eq(x, -1);

    /* The explained result still lists what is missing. */
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    size_t unrated = 0;
    for (int force = 0; force < SMB_FORCE_COUNT; force++) {
        const smb_force_score *s = smb_forces_result_force(r, (smb_force)force);
        ck_assert(!s->has_score);
        ck_assert_double_eq(s->score, 0.0);
        ck_assert_double_eq(s->intensity, 0.0);
        ck_assert_int_eq(s->band, SMB_FORCE_BAND_NONE);
        ck_assert(!s->dominant);
        ck_assert_double_eq(s->pressure_share, 0.0);
        ck_assert_uint_eq(s->rated, 0);
        ck_assert_uint_eq(s->unrated, smb_forces_driver_count(f, (smb_force)force));
        ck_assert_uint_eq(smb_forces_result_unrated_count(r, (smb_force)force), s->unrated);
        unrated += s->unrated;
    }
    ck_assert_uint_eq(unrated, 9 + 6 + 6 + 3 + 7);
    ck_assert_uint_eq(smb_forces_result_dominant_count(r), 0);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 0), SMB_FORCE_NONE);
    TH_ASSERT_FAILS(smb_forces_result_pressure(r, &x), SMB_ENOTFOUND, "no driver is rated");
    TH_ASSERT_FAILS(smb_forces_result_attractiveness(r, &x), SMB_ENOTFOUND,
                    "attractiveness is undefined: no driver is rated");
    ck_assert_double_eq(x, -1);
    smb_forces_result_free(r);

    smb_forces_tornado *t = NULL;
    TH_ASSERT_FAILS(smb_forces_sensitivity(f, &t), SMB_ENOTFOUND,
                    "attractiveness is undefined: no driver is rated");
    ck_assert_ptr_null(t);
    smb_forces_free(f);
}
END_TEST

START_TEST(force_weights_in_the_pressure)
{
    /* new_entrants 5 -> intensity 1; rivalry 1 -> intensity 0.
     * Weights 1 and 3: pressure = (1*1 + 3*0) / 4 = 0.25. */
    smb_forces *f = fresh();
    rate(f, NE, "brand_loyalty", 5, 1);
    rate(f, RI, "rival_diversity", 1, 1);
    TH_OK(smb_forces_set_force_weight(f, RI, 3));
    double p;
    TH_OK(smb_forces_pressure(f, &p));
    ck_assert_double_eq(p, 0.25);
    /* Rivalry at weight 0 drops out of both sums: pressure = 1*1 / 1 = 1. */
    TH_OK(smb_forces_set_force_weight(f, RI, 0));
    TH_OK(smb_forces_pressure(f, &p));
    ck_assert_double_eq(p, 1.0);
    /* ... but keeps its score. */
    ck_assert_double_eq(score_of(f, RI), 1.0);
    /* Forces of positive weight without a score are simply not averaged:
     * unrating new_entrants leaves only rivalry, of weight 0: undefined. */
    TH_OK(smb_forces_clear_rating(f, NE, "brand_loyalty"));
    TH_ASSERT_FAILS(smb_forces_pressure(f, &p), SMB_ENOTFOUND,
                    "no force of positive weight has a rated driver of positive weight");
    TH_ASSERT_FAILS(smb_forces_attractiveness(f, &p), SMB_ENOTFOUND, "attractiveness is undefined");
    smb_forces_free(f);
}
END_TEST

START_TEST(quick_answers_refuse_bad_arguments)
{
    smb_forces *f = fresh();
    double x;
    TH_ASSERT_FAILS(smb_forces_force_score(NULL, RI, &x), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_force_score(f, RI, NULL), SMB_EINVAL, "out: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_force_score(f, SMB_FORCE_COUNT, &x), SMB_EINVAL,
                    "force: 5 is not a force");
    TH_ASSERT_FAILS(smb_forces_force_score(f, SMB_FORCE_NONE, &x), SMB_EINVAL,
                    "force: -1 is not a force");
    TH_ASSERT_FAILS(smb_forces_pressure(NULL, &x), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_pressure(f, NULL), SMB_EINVAL, "out: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_attractiveness(NULL, &x), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_attractiveness(f, NULL), SMB_EINVAL, "out: must not be NULL");
    smb_forces_result *r = NULL;
    TH_ASSERT_FAILS(smb_forces_score(NULL, &r), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_score(f, NULL), SMB_EINVAL, "out: must not be NULL");
    smb_forces_tornado *t = NULL;
    TH_ASSERT_FAILS(smb_forces_sensitivity(NULL, &t), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_sensitivity(f, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_null(r);
    ck_assert_ptr_null(t);
    smb_forces_free(f);
}
END_TEST

/* ---- bands --------------------------------------------------------------- */

START_TEST(bands_at_their_boundaries)
{
    ck_assert_int_eq(smb_force_band_of(1.0), SMB_FORCE_BAND_LOW);
    ck_assert_int_eq(smb_force_band_of(2.49), SMB_FORCE_BAND_LOW);
    /* 2.5 - 2e-9 is past the 1e-9 allowance for rounding: still low. */
    ck_assert_int_eq(smb_force_band_of(2.5 - 2e-9), SMB_FORCE_BAND_LOW);
    ck_assert_int_eq(smb_force_band_of(2.5), SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(smb_force_band_of(3.0), SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(smb_force_band_of(3.49), SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(smb_force_band_of(3.5 - 2e-9), SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(smb_force_band_of(3.5), SMB_FORCE_BAND_HIGH);
    ck_assert_int_eq(smb_force_band_of(5.0), SMB_FORCE_BAND_HIGH);
    ck_assert_int_eq(smb_force_band_of(0.99), SMB_FORCE_BAND_NONE);
    ck_assert_int_eq(smb_force_band_of(5.01), SMB_FORCE_BAND_NONE);
    ck_assert_int_eq(smb_force_band_of(NAN), SMB_FORCE_BAND_NONE);
    ck_assert_int_eq(smb_force_band_of(INFINITY), SMB_FORCE_BAND_NONE);
    ck_assert_double_eq(SMB_FORCE_BAND_MODERATE_MIN, 2.5);
    ck_assert_double_eq(SMB_FORCE_BAND_HIGH_MIN, 3.5);
}
END_TEST

START_TEST(bands_of_computed_scores)
{
    smb_forces_result *r = NULL;
    smb_forces *f = worked_example();
    TH_OK(smb_forces_score(f, &r));
    /* 2.0 low, 3.5 (exactly the boundary) high, 2.5 (exactly) moderate, 4.2 high. */
    ck_assert_int_eq(smb_forces_result_force(r, NE)->band, SMB_FORCE_BAND_LOW);
    ck_assert_int_eq(smb_forces_result_force(r, SP)->band, SMB_FORCE_BAND_HIGH);
    ck_assert_int_eq(smb_forces_result_force(r, BP)->band, SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(smb_forces_result_force(r, SU)->band, SMB_FORCE_BAND_NONE);
    ck_assert_int_eq(smb_forces_result_force(r, RI)->band, SMB_FORCE_BAND_HIGH);
    smb_forces_result_free(r);
    smb_forces_free(f);

    /* buyer_power: 1 (w 0.1), 3 (w 0.3) is (0.1 + 0.9) / 0.4 = 2.5 exactly on
     * paper, but 2.4999999999999996 in doubles: the band must still be
     * moderate. */
    f = fresh();
    rate(f, BP, "buyer_concentration", 1, 0.1);
    rate(f, BP, "standardisation", 3, 0.3);
    double s = score_of(f, BP);
    ck_assert_msg(s < 2.5, "the example no longer shows rounding (%.17g)", s);
    ASSERT_NEAR(s, 2.5);
    TH_OK(smb_forces_score(f, &r));
    ck_assert_int_eq(smb_forces_result_force(r, BP)->band, SMB_FORCE_BAND_MODERATE);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

/* ---- the explained result ------------------------------------------------ */

START_TEST(worked_example_result)
{
    smb_forces *f = worked_example();
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    static const struct {
        smb_force force;
        int has;
        double score, intensity, weight, share;
        size_t rated, unrated;
    } want[] = {
        {NE, 1, 2.0, 0.25, 1, 0.05, 2, 7},
        {SP, 1, 3.5, 0.625, 1, 0.125, 3, 3},
        {BP, 1, 2.5, 0.375, 1, 0.075, 2, 4},
        {SU, 0, 0.0, 0.0, 1, 0.0, 0, 3},
        {RI, 1, 4.2, 0.8, 2, 0.32, 2, 5},
    };
    double shares = 0.0;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const smb_force_score *s = smb_forces_result_force(r, want[i].force);
        ck_assert_int_eq(s->force, want[i].force);
        ck_assert_int_eq(s->has_score, want[i].has);
        ASSERT_NEAR(s->score, want[i].score);
        ASSERT_NEAR(s->intensity, want[i].intensity);
        ck_assert_double_eq(s->weight, want[i].weight);
        ASSERT_NEAR(s->pressure_share, want[i].share);
        ck_assert_uint_eq(s->rated, want[i].rated);
        ck_assert_uint_eq(s->unrated, want[i].unrated);
        ck_assert_int_eq(s->dominant, want[i].force == RI);
        shares += s->pressure_share;
    }
    double p, a;
    TH_OK(smb_forces_result_pressure(r, &p));
    TH_OK(smb_forces_result_attractiveness(r, &a));
    ASSERT_NEAR(p, 0.57);
    ASSERT_NEAR(a, 0.43);
    ASSERT_NEAR(shares, p);
    /* The quick answers and the result agree to the bit: one formula. */
    double q;
    TH_OK(smb_forces_pressure(f, &q));
    ck_assert_double_eq(p, q);
    ck_assert_double_eq(smb_forces_result_force(r, RI)->score, score_of(f, RI));

    ck_assert_uint_eq(smb_forces_result_dominant_count(r), 1);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 0), RI);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 1), SMB_FORCE_NONE);
    ck_assert_ptr_null(smb_forces_result_force(r, SMB_FORCE_COUNT));
    ck_assert_ptr_null(smb_forces_result_force(r, SMB_FORCE_NONE));
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(contributions_rank_drivers_and_sum_to_the_intensity)
{
    /* supplier_power of the worked example; the rated weight is
     * W = 2 + 1 = 3 (differentiated_inputs has weight 0):
     *   supplier_concentration 2 * (3 - 1)   / (4 * 3) = 4 / 12   = 1/3
     *   switching_costs        1 * (4.5 - 1) / (4 * 3) = 3.5 / 12 = 7/24
     *   differentiated_inputs  weight 0                           = 0
     * sum = 8/24 + 7/24 = 15/24 = 0.625 = the intensity. */
    smb_forces *f = worked_example();
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    ck_assert_uint_eq(smb_forces_result_contribution_count(r, SP), 3);
    const smb_driver_score *c0 = smb_forces_result_contribution_at(r, SP, 0);
    const smb_driver_score *c1 = smb_forces_result_contribution_at(r, SP, 1);
    const smb_driver_score *c2 = smb_forces_result_contribution_at(r, SP, 2);
    ck_assert_ptr_null(smb_forces_result_contribution_at(r, SP, 3));
    ck_assert_str_eq(c0->key, "supplier_concentration");
    ck_assert_str_eq(c0->title, "Supplier concentration");
    ck_assert_int_eq(c0->force, SP);
    ck_assert_uint_eq(c0->index, 0);
    ck_assert(c0->rated);
    ck_assert_double_eq(c0->rating, 3.0);
    ck_assert_double_eq(c0->weight, 2.0);
    ASSERT_NEAR(c0->contribution, 1.0 / 3.0);
    ck_assert_str_eq(c1->key, "switching_costs");
    ASSERT_NEAR(c1->contribution, 7.0 / 24.0);
    ck_assert_str_eq(c2->key, "differentiated_inputs");
    ck_assert_double_eq(c2->contribution, 0.0);
    ck_assert_double_eq(c2->weight, 0.0);
    ASSERT_NEAR(c0->contribution + c1->contribution + c2->contribution,
                smb_forces_result_force(r, SP)->intensity);

    /* Unrated drivers are listed in driver order with nothing to show. */
    ck_assert_uint_eq(smb_forces_result_unrated_count(r, SP), 3);
    static const char *const unrated[] = {"industry_importance", "input_substitutes",
                                          "forward_integration"};
    for (size_t i = 0; i < 3; i++) {
        const smb_driver_score *u = smb_forces_result_unrated_at(r, SP, i);
        ck_assert_str_eq(u->key, unrated[i]);
        ck_assert(!u->rated);
        ck_assert_double_eq(u->rating, 0.0);
        ck_assert_double_eq(u->contribution, 0.0);
        ck_assert_double_eq(u->weight, 1.0);
    }
    ck_assert_ptr_null(smb_forces_result_unrated_at(r, SP, 3));
    ck_assert_ptr_null(smb_forces_result_unrated_at(r, SMB_FORCE_COUNT, 0));
    ck_assert_ptr_null(smb_forces_result_contribution_at(r, SMB_FORCE_NONE, 0));
    ck_assert_uint_eq(smb_forces_result_contribution_count(r, SU), 0);
    ck_assert_uint_eq(smb_forces_result_contribution_count(r, SMB_FORCE_COUNT), 0);
    ck_assert_uint_eq(smb_forces_result_unrated_count(r, (smb_force)-3), 0);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(contributions_sum_to_the_intensity_in_every_force)
{
    /* Awkward fractions and weights everywhere. */
    static const double ratings[] = {1.3, 4.7, 2.2, 3.9, 1.0, 5.0, 2.71, 3.14, 4.05};
    static const double weights[] = {0.3, 1.7, 2.0, 0.0, 5.5, 0.01, 1.0, 3.3, 0.7};
    smb_forces *f = fresh();
    for (int force = 0; force < SMB_FORCE_COUNT; force++) {
        size_t n = smb_forces_driver_count(f, (smb_force)force);
        for (size_t i = 0; i < n; i++) {
            const char *key = smb_driver_key(smb_forces_driver_at(f, (smb_force)force, i));
            size_t k = (i + (size_t)force) % 9;
            TH_OK(smb_forces_set_rating(f, (smb_force)force, key, ratings[k]));
            /* Keep one positive weight per force whatever k is. */
            TH_OK(smb_forces_set_driver_weight(f, (smb_force)force, key, i == 0 ? 1.0 : weights[k]));
        }
    }
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    for (int force = 0; force < SMB_FORCE_COUNT; force++) {
        double sum = 0.0, prev = INFINITY;
        size_t n = smb_forces_result_contribution_count(r, (smb_force)force);
        ck_assert_uint_eq(n, smb_forces_driver_count(f, (smb_force)force));
        for (size_t i = 0; i < n; i++) {
            const smb_driver_score *c = smb_forces_result_contribution_at(r, (smb_force)force, i);
            ck_assert_double_le(c->contribution, prev + 1e-12);
            prev = c->contribution;
            sum += c->contribution;
        }
        ASSERT_NEAR(sum, smb_forces_result_force(r, (smb_force)force)->intensity);
    }
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(equal_contributions_keep_driver_order)
{
    /* rivalry: rival_diversity (index 6) 3, industry_growth (index 1) 3,
     * number_and_balance (index 0) 5, all weight 1; W = 3:
     *   number_and_balance 4 / 12 = 1/3, the other two 2 / 12 = 1/6 each,
     * ranked number_and_balance, industry_growth, rival_diversity: the tie
     * keeps driver order, not the order of rating. */
    smb_forces *f = fresh();
    rate(f, RI, "rival_diversity", 3, 1);
    rate(f, RI, "industry_growth", 3, 1);
    rate(f, RI, "number_and_balance", 5, 1);
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    ck_assert_str_eq(smb_forces_result_contribution_at(r, RI, 0)->key, "number_and_balance");
    ck_assert_str_eq(smb_forces_result_contribution_at(r, RI, 1)->key, "industry_growth");
    ck_assert_str_eq(smb_forces_result_contribution_at(r, RI, 2)->key, "rival_diversity");
    ASSERT_NEAR(smb_forces_result_contribution_at(r, RI, 1)->contribution, 1.0 / 6.0);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(dominant_ties_are_all_reported)
{
    /* new_entrants 4, rivalry 4 (intensity 0.75 each), buyer_power 2:
     * two dominant forces, in force order. */
    smb_forces *f = fresh();
    rate(f, NE, "brand_loyalty", 4, 1);
    rate(f, RI, "exit_barriers", 4, 1);
    rate(f, BP, "buyer_information", 2, 1);
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    ck_assert_uint_eq(smb_forces_result_dominant_count(r), 2);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 0), NE);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 1), RI);
    ck_assert(!smb_forces_result_force(r, BP)->dominant);
    smb_forces_result_free(r);

    /* A force of weight 0 is never dominant, however strong. */
    rate(f, SU, "buyer_propensity", 5, 1);
    TH_OK(smb_forces_set_force_weight(f, SU, 0));
    TH_OK(smb_forces_score(f, &r));
    ck_assert_uint_eq(smb_forces_result_dominant_count(r), 2);
    ck_assert(!smb_forces_result_force(r, SU)->dominant);
    ck_assert_double_eq(smb_forces_result_force(r, SU)->pressure_share, 0.0);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(dominant_ties_survive_rounding)
{
    /* supplier_power: one driver at 1.6; rivalry: 1, 1 and 2.8, whose mean
     * is 4.8 / 3 = 1.6 on paper but 1.5999999999999999 in doubles. Both
     * intensities are 0.15 to 12 decimal places: both are dominant. */
    smb_forces *f = fresh();
    rate(f, SP, "supplier_concentration", 1.6, 1);
    rate(f, RI, "number_and_balance", 1, 1);
    rate(f, RI, "industry_growth", 1, 1);
    rate(f, RI, "fixed_costs", 2.8, 1);
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    double a = smb_forces_result_force(r, SP)->intensity;
    double b = smb_forces_result_force(r, RI)->intensity;
    ck_assert_msg(a != b, "the example no longer shows rounding");
    ASSERT_NEAR(a, 0.15);
    ASSERT_NEAR(b, 0.15);
    ck_assert_uint_eq(smb_forces_result_dominant_count(r), 2);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 0), SP);
    ck_assert_int_eq(smb_forces_result_dominant_at(r, 1), RI);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

START_TEST(results_outlive_the_assessment)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps", NULL));
    TH_OK(smb_forces_add_driver(f, RI, "farm_shops", "Farm shops", NULL));
    rate(f, RI, "delivery_apps", 4.5, 1);
    smb_forces_result *r = NULL;
    smb_forces_tornado *t = NULL;
    TH_OK(smb_forces_score(f, &r));
    TH_OK(smb_forces_sensitivity(f, &t));
    smb_forces_free(f);
    ck_assert_str_eq(smb_forces_result_contribution_at(r, RI, 0)->key, "delivery_apps");
    ck_assert_str_eq(smb_forces_result_contribution_at(r, RI, 0)->title, "Delivery apps");
    ck_assert_str_eq(smb_forces_result_unrated_at(r, RI, 7)->key, "farm_shops");
    ck_assert_str_eq(smb_forces_result_unrated_at(r, RI, 7)->title, "Farm shops");
    ck_assert_str_eq(smb_forces_tornado_at(t, 0)->key, "delivery_apps");
    ck_assert_str_eq(smb_forces_tornado_at(t, 0)->title, "Delivery apps");
    smb_forces_result_free(r);
    smb_forces_tornado_free(t);
}
END_TEST

START_TEST(result_accessors_on_null)
{
    double x = -1;
    ck_assert_ptr_null(smb_forces_result_force(NULL, RI));
    TH_ASSERT_FAILS(smb_forces_result_pressure(NULL, &x), SMB_EINVAL, "result: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_result_attractiveness(NULL, &x), SMB_EINVAL,
                    "result: must not be NULL");
    ck_assert_uint_eq(smb_forces_result_dominant_count(NULL), 0);
    ck_assert_int_eq(smb_forces_result_dominant_at(NULL, 0), SMB_FORCE_NONE);
    ck_assert_uint_eq(smb_forces_result_contribution_count(NULL, RI), 0);
    ck_assert_ptr_null(smb_forces_result_contribution_at(NULL, RI, 0));
    ck_assert_uint_eq(smb_forces_result_unrated_count(NULL, RI), 0);
    ck_assert_ptr_null(smb_forces_result_unrated_at(NULL, RI, 0));
    smb_forces_result_free(NULL);
    ck_assert_uint_eq(smb_forces_tornado_count(NULL), 0);
    ck_assert_ptr_null(smb_forces_tornado_at(NULL, 0));
    ck_assert_double_eq(smb_forces_tornado_attractiveness(NULL), 0.0);
    smb_forces_tornado_free(NULL);

    smb_forces *f = fresh();
    rate(f, RI, "exit_barriers", 3, 1);
    smb_forces_result *r = NULL;
    TH_OK(smb_forces_score(f, &r));
    TH_ASSERT_FAILS(smb_forces_result_pressure(r, NULL), SMB_EINVAL, "out: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_result_attractiveness(r, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_double_eq(x, -1);
    smb_forces_result_free(r);
    smb_forces_free(f);
}
END_TEST

/* ---- sensitivity --------------------------------------------------------- */

START_TEST(tornado_worked_by_hand)
{
    /*
     * rivalry:     number_and_balance 4 (w 1), exit_barriers 2 (w 3),
     *              fixed_costs 3 (w 0), the rest unrated
     *              score = (4 + 6) / 4 = 2.5, intensity 0.375
     * buyer_power: price_sensitivity 5 (w 1): intensity 1
     * pressure = (0.375 + 1) / 2 = 0.6875, attractiveness 0.3125
     *
     * number_and_balance at 1: rivalry (1 + 6) / 4 = 1.75, I 0.1875,
     *   P (0.1875 + 1) / 2 = 0.59375, A 0.40625
     * number_and_balance at 5: rivalry (5 + 6) / 4 = 2.75, I 0.4375,
     *   P 0.71875, A 0.28125; swing 0.125
     * exit_barriers at 1: (4 + 3) / 4 = 1.75, A 0.40625
     * exit_barriers at 5: (4 + 15) / 4 = 4.75, I 0.9375, P 0.96875,
     *   A 0.03125; swing 0.375
     * price_sensitivity at 1: I 0, P 0.375 / 2 = 0.1875, A 0.8125
     * price_sensitivity at 5: as now, A 0.3125; swing 0.5
     * fixed_costs has weight 0: A 0.3125 either way, swing 0
     * (Each swing is (force weight / 2) * (driver weight / rated weight):
     *  1/2 * 1/4, 1/2 * 3/4, 1/2 * 1/1, 0.)
     */
    smb_forces *f = fresh();
    rate(f, RI, "number_and_balance", 4, 1);
    rate(f, RI, "exit_barriers", 2, 3);
    rate(f, RI, "fixed_costs", 3, 0);
    rate(f, BP, "price_sensitivity", 5, 1);
    smb_forces_tornado *t = NULL;
    TH_OK(smb_forces_sensitivity(f, &t));
    ck_assert_double_eq(smb_forces_tornado_attractiveness(t), 0.3125);
    ck_assert_uint_eq(smb_forces_tornado_count(t), 4);
    static const struct {
        smb_force force;
        const char *key;
        size_t index;
        double rating, at_min, at_max, swing;
    } want[] = {
        {BP, "price_sensitivity", 4, 5, 0.8125, 0.3125, 0.5},
        {RI, "exit_barriers", 4, 2, 0.40625, 0.03125, 0.375},
        {RI, "number_and_balance", 0, 4, 0.40625, 0.28125, 0.125},
        {RI, "fixed_costs", 2, 3, 0.3125, 0.3125, 0.0},
    };
    for (size_t i = 0; i < 4; i++) {
        const smb_driver_swing *bar = smb_forces_tornado_at(t, i);
        ck_assert_int_eq(bar->force, want[i].force);
        ck_assert_str_eq(bar->key, want[i].key);
        ck_assert_uint_eq(bar->index, want[i].index);
        ck_assert_double_eq(bar->rating, want[i].rating);
        ck_assert_double_eq(bar->at_min, want[i].at_min);
        ck_assert_double_eq(bar->at_max, want[i].at_max);
        ck_assert_double_eq(bar->swing, want[i].swing);
    }
    ck_assert_ptr_null(smb_forces_tornado_at(t, 4));
    ck_assert_str_eq(smb_forces_tornado_at(t, 1)->title, "Exit barriers");
    smb_forces_tornado_free(t);
    smb_forces_free(f);
}
END_TEST

START_TEST(tornado_ties_keep_force_then_driver_order)
{
    /* Two forces, two drivers each, all weights 1: every swing is
     * (1/2) * (1/2) = 0.25, although the awkward ratings make the computed
     * differences disagree in the last bits. Order: new_entrants by index,
     * then supplier_power by index. */
    smb_forces *f = fresh();
    rate(f, NE, "capital_requirements", 1.1, 1); /* index 3 */
    rate(f, NE, "economies_of_scale", 4.3, 1);   /* index 0 */
    rate(f, SP, "input_substitutes", 2.7, 1);    /* index 4 */
    rate(f, SP, "industry_importance", 3.9, 1);  /* index 1 */
    smb_forces_tornado *t = NULL;
    TH_OK(smb_forces_sensitivity(f, &t));
    ck_assert_uint_eq(smb_forces_tornado_count(t), 4);
    static const char *const order[] = {"economies_of_scale", "capital_requirements",
                                        "industry_importance", "input_substitutes"};
    for (size_t i = 0; i < 4; i++) {
        const smb_driver_swing *bar = smb_forces_tornado_at(t, i);
        ck_assert_str_eq(bar->key, order[i]);
        ASSERT_NEAR(bar->swing, 0.25);
        ck_assert_double_ge(bar->at_min, bar->at_max);
    }
    smb_forces_tornado_free(t);
    smb_forces_free(f);
}
END_TEST

START_TEST(tornado_leaves_unrated_drivers_out)
{
    /* One rated driver among 31: one bar, swing 1 (it alone makes the
     * pressure: A is 1 at rating 1 and 0 at rating 5). */
    smb_forces *f = fresh();
    rate(f, SU, "price_performance", 2, 1);
    smb_forces_tornado *t = NULL;
    TH_OK(smb_forces_sensitivity(f, &t));
    ck_assert_uint_eq(smb_forces_tornado_count(t), 1);
    ck_assert_double_eq(smb_forces_tornado_at(t, 0)->at_min, 1.0);
    ck_assert_double_eq(smb_forces_tornado_at(t, 0)->at_max, 0.0);
    ck_assert_double_eq(smb_forces_tornado_at(t, 0)->swing, 1.0);
    /* A = 1 - (2 - 1)/4 = 0.75. */
    ck_assert_double_eq(smb_forces_tornado_attractiveness(t), 0.75);
    smb_forces_tornado_free(t);
    /* Rated drivers in a force of weight 0 swing nothing. */
    rate(f, RI, "exit_barriers", 4, 1);
    TH_OK(smb_forces_set_force_weight(f, RI, 0));
    TH_OK(smb_forces_sensitivity(f, &t));
    ck_assert_uint_eq(smb_forces_tornado_count(t), 2);
    ck_assert_str_eq(smb_forces_tornado_at(t, 1)->key, "exit_barriers");
    ck_assert_double_eq(smb_forces_tornado_at(t, 1)->swing, 0.0);
    smb_forces_tornado_free(t);
    /* Undefined attractiveness: no tornado, and the reason. */
    TH_OK(smb_forces_clear_rating(f, SU, "price_performance"));
    t = NULL;
    TH_ASSERT_FAILS(smb_forces_sensitivity(f, &t), SMB_ENOTFOUND,
                    "attractiveness is undefined: no force of positive weight has a rated driver of positive weight");
    ck_assert_ptr_null(t);
    smb_forces_free(f);
}
END_TEST

/* ---- concurrency --------------------------------------------------------- */

typedef struct {
    const smb_forces *forces;
    double pressure;
    int failures;
} worker_arg;

static void *worker(void *p)
{
    worker_arg *w = p;
    for (int i = 0; i < 200; i++) {
        smb_forces_result *r = NULL;
        smb_forces_tornado *t = NULL;
        double x;
        if (smb_forces_score(w->forces, &r) != SMB_OK ||
            smb_forces_result_pressure(r, &x) != SMB_OK || x != w->pressure)
            w->failures++;
        if (smb_forces_sensitivity(w->forces, &t) != SMB_OK || smb_forces_tornado_count(t) != 9)
            w->failures++;
        smb_forces_result_free(r);
        smb_forces_tornado_free(t);
    }
    return NULL;
}

/* Runs before the allocation-failure tests install the counting allocator,
 * which is not meant for several threads. */
START_TEST(one_assessment_scored_by_many_threads)
{
    smb_forces *f = worked_example();
    double p;
    TH_OK(smb_forces_pressure(f, &p));
    enum { N = 4 };
    pthread_t threads[N];
    worker_arg args[N];
    for (int i = 0; i < N; i++) {
        args[i] = (worker_arg){f, p, 0};
        ck_assert_int_eq(pthread_create(&threads[i], NULL, worker, &args[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(threads[i], NULL);
        ck_assert_int_eq(args[i].failures, 0);
    }
    smb_forces_free(f);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

static smb_forces *with_custom_drivers(void)
{
    smb_forces *f = worked_example();
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps", NULL));
    rate(f, RI, "delivery_apps", 4, 1);
    TH_OK(smb_forces_add_driver(f, SU, "meal_kits", "Meal kits", NULL));
    return f;
}

START_TEST(score_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = with_custom_drivers();
    smb_forces *snap = NULL;
    TH_OK(smb_forces_copy(f, &snap));
    smb_forces_result *r = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_score(f, &r), r == NULL && smb_forces_equal(f, snap),
                          smb_forces_result_free(r), 3);
    smb_forces_free(snap);
    smb_forces_free(f);
}
END_TEST

START_TEST(sensitivity_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = with_custom_drivers();
    smb_forces *snap = NULL;
    TH_OK(smb_forces_copy(f, &snap));
    smb_forces_tornado *t = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_sensitivity(f, &t), t == NULL && smb_forces_equal(f, snap),
                          smb_forces_tornado_free(t), 3);
    smb_forces_free(snap);
    smb_forces_free(f);
}
END_TEST

static Suite *forces_score_suite(void)
{
    Suite *s = suite_create("forces_score");
    TCase *quick = tcase_create("scores");
    tcase_add_test(quick, weighted_mean_of_one_force);
    tcase_add_test(quick, worked_example_quick_answers);
    tcase_add_test(quick, unrated_drivers_do_not_count);
    tcase_add_test(quick, weight_zero_drivers_are_ignored);
    tcase_add_test(quick, nothing_rated);
    tcase_add_test(quick, force_weights_in_the_pressure);
    tcase_add_test(quick, quick_answers_refuse_bad_arguments);
    suite_add_tcase(s, quick);

    TCase *bands = tcase_create("bands");
    tcase_add_test(bands, bands_at_their_boundaries);
    tcase_add_test(bands, bands_of_computed_scores);
    suite_add_tcase(s, bands);

    TCase *result = tcase_create("explained result");
    tcase_add_test(result, worked_example_result);
    tcase_add_test(result, contributions_rank_drivers_and_sum_to_the_intensity);
    tcase_add_test(result, contributions_sum_to_the_intensity_in_every_force);
    tcase_add_test(result, equal_contributions_keep_driver_order);
    tcase_add_test(result, dominant_ties_are_all_reported);
    tcase_add_test(result, dominant_ties_survive_rounding);
    tcase_add_test(result, results_outlive_the_assessment);
    tcase_add_test(result, result_accessors_on_null);
    suite_add_tcase(s, result);

    TCase *tornado = tcase_create("sensitivity");
    tcase_add_test(tornado, tornado_worked_by_hand);
    tcase_add_test(tornado, tornado_ties_keep_force_then_driver_order);
    tcase_add_test(tornado, tornado_leaves_unrated_drivers_out);
    suite_add_tcase(s, tornado);

    TCase *threads = tcase_create("threads");
    tcase_add_test(threads, one_assessment_scored_by_many_threads);
    tcase_set_timeout(threads, 120);
    suite_add_tcase(s, threads);

    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, score_survives_every_allocation_failure);
    tcase_add_test(mem, sensitivity_survives_every_allocation_failure);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(forces_score_suite());
}
