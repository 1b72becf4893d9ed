/* SPDX-License-Identifier: MIT */
/* Stress tests (a scenario's driver shifts applied to a copy of the five
 * forces, scored by the forces model) and the heat the threats put on the
 * canvas blocks, worked by hand; refusals and allocation failures. */
#include <math.h>
#include <string.h>

#include "harness.h"

#define SU SMB_FORCE_SUBSTITUTES
#define RI SMB_FORCE_RIVALRY
#define THREAT SMB_DIRECTION_THREAT
#define OPPORTUNITY SMB_DIRECTION_OPPORTUNITY
#define TOL 1e-12

/* substitutes: price_performance 3, switching_costs 2 (buyer_propensity
 * unrated) -> score (3 + 2) / 2 = 2.5; rivalry: number_and_balance 4 -> 4.
 * Intensities 1.5 / 4 = 0.375 and 3 / 4 = 0.75; pressure (0.375 + 0.75) / 2
 * = 0.5625; attractiveness 0.4375. */
static smb_forces *assessment(void)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    TH_OK(smb_forces_set_rating(f, SU, "price_performance", 3));
    TH_OK(smb_forces_set_rating(f, SU, "switching_costs", 2));
    TH_OK(smb_forces_set_rating(f, RI, "number_and_balance", 4));
    return f;
}

static smb_scenarios *shifting(void)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "delivery-apps", "Delivery apps", SMB_SOURCE_DIGITAL_PLATFORMS,
                            THREAT, 0.6, 4));
    TH_OK(smb_scenarios_add_shift(s, "delivery-apps", SU, "price_performance", 1.5)); /* 3 -> 4.5 */
    TH_OK(smb_scenarios_add_shift(s, "delivery-apps", SU, "switching_costs", 4));     /* 2 -> 6, clamped to 5 */
    TH_OK(smb_scenarios_add_shift(s, "delivery-apps", SU, "buyer_propensity", 1));    /* unrated: stays so */
    TH_OK(smb_scenarios_add_shift(s, "delivery-apps", RI, "number_and_balance", -1)); /* 4 -> 3 */
    TH_OK(smb_scenarios_add(s, "calm", "Nothing shifts", SMB_SOURCE_ECONOMIC, THREAT, 0.1, 1));
    return s;
}

START_TEST(stress_applies_the_shifts_and_compares)
{
    smb_forces *f = assessment(), *before = NULL;
    TH_OK(smb_forces_copy(f, &before));
    smb_scenarios *s = shifting();
    smb_stress *st = NULL;
    TH_OK(smb_scenarios_stress(s, "delivery-apps", f, &st));
    ck_assert_str_eq(smb_stress_scenario(st), "delivery-apps");
    ck_assert(smb_forces_equal(f, before)); /* the assessment given is untouched */

    ck_assert_uint_eq(smb_stress_shift_count(st), 4);
    ck_assert_uint_eq(smb_stress_unapplied_count(st), 1);
    const smb_shift_outcome *o = smb_stress_shift_at(st, 0);
    ck_assert_int_eq(o->force, SU);
    ck_assert_str_eq(o->driver, "price_performance");
    ck_assert(o->applied);
    ck_assert_double_eq(o->rating_before, 3);
    ck_assert_double_eq(o->rating_after, 4.5);
    ck_assert(!o->clamped);
    o = smb_stress_shift_at(st, 1);
    ck_assert_double_eq(o->delta, 4);
    ck_assert_double_eq(o->rating_after, 5);
    ck_assert(o->clamped);
    o = smb_stress_shift_at(st, 2);
    ck_assert_str_eq(o->driver, "buyer_propensity");
    ck_assert(!o->applied);
    ck_assert_double_eq(o->rating_before, 0);
    ck_assert_double_eq(o->rating_after, 0);
    ck_assert(!smb_driver_is_rated(smb_forces_find_driver(smb_stress_forces(st), SU, "buyer_propensity")));
    o = smb_stress_shift_at(st, 3);
    ck_assert_double_eq(o->rating_after, 3);
    ck_assert_ptr_null(smb_stress_shift_at(st, 4));

    /* After: substitutes (4.5 + 5) / 2 = 4.75, intensity 0.9375; rivalry 3,
     * intensity 0.5; pressure (0.9375 + 0.5) / 2 = 0.71875; attractiveness
     * 0.28125, a change of 0.28125 - 0.4375 = -0.15625. */
    const smb_forces_comparison *c = smb_stress_comparison(st);
    const smb_force_delta *su = smb_forces_comparison_force(c, SU);
    ck_assert_double_eq_tol(su->score_before, 2.5, TOL);
    ck_assert_double_eq_tol(su->score_after, 4.75, TOL);
    ck_assert_double_eq_tol(su->score_delta, 2.25, TOL);
    ck_assert_int_eq(su->band_before, SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(su->band_after, SMB_FORCE_BAND_HIGH);
    const smb_force_delta *ri = smb_forces_comparison_force(c, RI);
    ck_assert_double_eq_tol(ri->score_delta, -1, TOL);
    ck_assert_int_eq(ri->band_before, SMB_FORCE_BAND_HIGH);
    ck_assert_int_eq(ri->band_after, SMB_FORCE_BAND_MODERATE);
    double a0 = 0, a1 = 0, da = 0;
    TH_OK(smb_forces_comparison_attractiveness(c, &a0, &a1, &da));
    ck_assert_double_eq_tol(a0, 0.4375, TOL);
    ck_assert_double_eq_tol(a1, 0.28125, TOL);
    ck_assert_double_eq_tol(da, -0.15625, TOL);
    ck_assert_uint_eq(smb_forces_comparison_changed_count(c), 3); /* the three rated drivers moved */
    /* The stress test outlives the assessment and the scenarios. */
    smb_forces_free(f);
    smb_scenarios_free(s);
    ck_assert_str_eq(smb_stress_shift_at(st, 0)->driver, "price_performance");
    double score = 0;
    TH_OK(smb_forces_force_score(smb_stress_forces(st), SU, &score));
    ck_assert_double_eq_tol(score, 4.75, TOL);
    smb_stress_free(st);
    smb_forces_free(before);
}
END_TEST

START_TEST(stress_without_shifts_changes_nothing)
{
    smb_forces *f = assessment();
    smb_scenarios *s = shifting();
    smb_stress *st = NULL;
    TH_OK(smb_scenarios_stress(s, "calm", f, &st));
    ck_assert_uint_eq(smb_stress_shift_count(st), 0);
    ck_assert(smb_forces_equal(smb_stress_forces(st), f));
    double da = 1;
    TH_OK(smb_forces_comparison_attractiveness(smb_stress_comparison(st), NULL, NULL, &da));
    ck_assert_double_eq(da, 0);
    smb_stress_free(st);
    smb_stress_free(NULL);
    smb_forces_free(f);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(stress_refusals)
{
    smb_forces *f = assessment();
    smb_scenarios *s = shifting();
    smb_stress *st = (smb_stress *)&st;
    TH_OK(smb_scenarios_add_shift(s, "calm", SU, "teleporters", 2));
    TH_ASSERT_FAILS(smb_scenarios_stress(s, "calm", f, &st), SMB_ENOTFOUND,
                    "scenario 'calm' shifts substitutes/teleporters, but force 'substitutes' has no driver 'teleporters'");
    /* A driver the user added is found. */
    TH_OK(smb_forces_add_driver(f, SU, "teleporters", "Teleporters", NULL));
    smb_stress *ok = NULL;
    TH_OK(smb_scenarios_stress(s, "calm", f, &ok));
    ck_assert_uint_eq(smb_stress_unapplied_count(ok), 1);
    smb_stress_free(ok);
    TH_ASSERT_FAILS(smb_scenarios_stress(s, "ghost", f, &st), SMB_ENOTFOUND, "no scenario 'ghost'");
    TH_ASSERT_FAILS(smb_scenarios_stress(NULL, "calm", f, &st), SMB_EINVAL, "set: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_stress(s, NULL, f, &st), SMB_EINVAL, "id: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_stress(s, "calm", NULL, &st), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_stress(s, "calm", f, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_eq(st, (smb_stress *)&st);
    ck_assert_ptr_null(smb_stress_scenario(NULL));
    ck_assert_uint_eq(smb_stress_shift_count(NULL), 0);
    smb_forces_free(f);
    smb_scenarios_free(s);
}
END_TEST

/* No profile: R = 0, v = 1 for threats.
 * a: 0.5 * 4 * 1 = 2, hits channels (1) and customer_segments (0.5);
 * b: 0.2 * 5 * 1 = 1, hits channels (2) and cost_structure (1);
 * o: an opportunity hitting channels (3): left out.
 * channels 2 * 1 + 1 * 2 = 4; customer_segments 2 * 0.5 = 1;
 * cost_structure 1 * 1 = 1; total 6. */
static smb_scenarios *heating(void)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "a", "A", SMB_SOURCE_COMPETITION, THREAT, 0.5, 4));
    TH_OK(smb_scenarios_hit_block(s, "a", SMB_BLOCK_CHANNELS, 1));
    TH_OK(smb_scenarios_hit_block(s, "a", SMB_BLOCK_CUSTOMER_SEGMENTS, 0.5));
    TH_OK(smb_scenarios_add(s, "b", "B", SMB_SOURCE_ECONOMIC, THREAT, 0.2, 5));
    TH_OK(smb_scenarios_hit_block(s, "b", SMB_BLOCK_CHANNELS, 2));
    TH_OK(smb_scenarios_hit_block(s, "b", SMB_BLOCK_COST_STRUCTURE, 1));
    TH_OK(smb_scenarios_add(s, "o", "O", SMB_SOURCE_TECHNOLOGY, OPPORTUNITY, 1, 5));
    TH_OK(smb_scenarios_hit_block(s, "o", SMB_BLOCK_CHANNELS, 3));
    return s;
}

START_TEST(heat_sums_weighted_threat_exposures)
{
    smb_scenarios *s = heating();
    smb_canvas *canvas = NULL;
    TH_OK(smb_canvas_new(&canvas));
    TH_OK(smb_canvas_add_item(canvas, SMB_BLOCK_CHANNELS, "shop", "The shop"));
    TH_OK(smb_canvas_add_item(canvas, SMB_BLOCK_CHANNELS, "web", "Website"));
    smb_canvas_heat *h = NULL;
    TH_OK(smb_scenarios_canvas_heat(s, NULL, canvas, &h));
    ck_assert_double_eq_tol(smb_canvas_heat_total(h), 6, TOL);

    const smb_block_heat *top = smb_canvas_heat_at(h, 0);
    ck_assert_int_eq(top->block, SMB_BLOCK_CHANNELS);
    ck_assert_double_eq_tol(top->heat, 4, TOL);
    ck_assert_double_eq_tol(top->share, 4.0 / 6.0, TOL);
    ck_assert_uint_eq(top->scenarios, 2);
    ck_assert_uint_eq(top->items, 2);
    /* Horizons 12 at half-life 24: every exposure times 0.70710678; 4 * that = 2.82842712. */
    ck_assert_double_eq_tol(top->urgency_weighted, 4 * 0.7071067811865476, TOL);
    /* customer_segments and cost_structure tie at 1: block order decides. */
    ck_assert_int_eq(smb_canvas_heat_at(h, 1)->block, SMB_BLOCK_CUSTOMER_SEGMENTS);
    ck_assert_int_eq(smb_canvas_heat_at(h, 2)->block, SMB_BLOCK_COST_STRUCTURE);
    ck_assert_double_eq_tol(smb_canvas_heat_at(h, 2)->heat, 1, TOL);
    ck_assert_uint_eq(smb_canvas_heat_at(h, 2)->items, 0);
    /* Then the cold blocks, in block order. */
    ck_assert_int_eq(smb_canvas_heat_at(h, 3)->block, SMB_BLOCK_KEY_PARTNERSHIPS);
    ck_assert_double_eq(smb_canvas_heat_at(h, 3)->heat, 0);
    ck_assert_double_eq(smb_canvas_heat_at(h, 3)->share, 0);
    ck_assert_int_eq(smb_canvas_heat_at(h, 8)->block, SMB_BLOCK_REVENUE_STREAMS);
    ck_assert_ptr_null(smb_canvas_heat_at(h, 9));
    ck_assert_double_eq_tol(smb_canvas_heat_of(h, SMB_BLOCK_CUSTOMER_SEGMENTS)->heat, 1, TOL);
    ck_assert_ptr_null(smb_canvas_heat_of(h, SMB_BLOCK_NONE));
    smb_canvas_heat_free(h);

    /* With a profile, resilience lowers the heat: competition is mitigated
     * by innovation, customer_centricity, agility all at 5 -> R = 1, v = 0.5:
     * a's exposure 1; channels 1 * 1 + 1 * 2 = 3. */
    smb_resilience *r = NULL;
    TH_OK(smb_resilience_new(&r));
    TH_OK(smb_resilience_set_maturity(r, SMB_CAPABILITY_INNOVATION, 5));
    TH_OK(smb_resilience_set_maturity(r, SMB_CAPABILITY_CUSTOMER_CENTRICITY, 5));
    TH_OK(smb_resilience_set_maturity(r, SMB_CAPABILITY_AGILITY, 5));
    /* economic (b) is mitigated by adaptability 0 and agility 5: R = 0.5, v = 0.75:
     * b's exposure 0.75; channels 1 + 0.75 * 2 = 2.5. */
    TH_OK(smb_scenarios_canvas_heat(s, r, NULL, &h));
    ck_assert_double_eq_tol(smb_canvas_heat_of(h, SMB_BLOCK_CHANNELS)->heat, 2.5, TOL);
    ck_assert_uint_eq(smb_canvas_heat_of(h, SMB_BLOCK_CHANNELS)->items, 0);
    smb_canvas_heat_free(h);
    smb_canvas_heat_free(NULL);

    /* Without threats there is no heat, and no share. */
    smb_scenarios *none = NULL;
    TH_OK(smb_scenarios_new(&none));
    TH_OK(smb_scenarios_canvas_heat(none, NULL, NULL, &h));
    ck_assert_double_eq(smb_canvas_heat_total(h), 0);
    ck_assert_int_eq(smb_canvas_heat_at(h, 0)->block, SMB_BLOCK_KEY_PARTNERSHIPS);
    smb_canvas_heat_free(h);

    h = (smb_canvas_heat *)&h;
    TH_ASSERT_FAILS(smb_scenarios_canvas_heat(NULL, NULL, NULL, &h), SMB_EINVAL, "set: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_canvas_heat(s, NULL, NULL, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_eq(h, (smb_canvas_heat *)&h);
    smb_scenarios_free(none);
    smb_resilience_free(r);
    smb_canvas_free(canvas);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(allocation_failures)
{
    th_alloc_install();
    smb_forces *f = assessment(), *fsnap = NULL;
    smb_scenarios *s = shifting(), *ssnap = NULL;
    TH_OK(smb_forces_copy(f, &fsnap));
    TH_OK(smb_scenarios_copy(s, &ssnap));
    smb_stress *st = NULL;
    TH_EACH_ALLOC_FAILURE(smb_scenarios_stress(s, "delivery-apps", f, &st),
                          st == NULL && smb_forces_equal(f, fsnap) && smb_scenarios_equal(s, ssnap),
                          ck_assert_uint_eq(smb_stress_shift_count(st), 4), 5);
    smb_stress_free(st);

    smb_scenarios *h_set = heating();
    smb_canvas_heat *h = NULL;
    TH_EACH_ALLOC_FAILURE(smb_scenarios_canvas_heat(h_set, NULL, NULL, &h), h == NULL,
                          ck_assert_double_eq_tol(smb_canvas_heat_total(h), 6, TOL), 1);
    smb_canvas_heat_free(h);
    smb_scenarios_free(h_set);
    smb_scenarios_free(ssnap);
    smb_forces_free(fsnap);
    smb_scenarios_free(s);
    smb_forces_free(f);
}
END_TEST

static Suite *stress_suite(void)
{
    Suite *s = suite_create("scenario_stress");
    TCase *st = tcase_create("stress tests");
    tcase_add_test(st, stress_applies_the_shifts_and_compares);
    tcase_add_test(st, stress_without_shifts_changes_nothing);
    tcase_add_test(st, stress_refusals);
    suite_add_tcase(s, st);

    TCase *heat = tcase_create("heat");
    tcase_add_test(heat, heat_sums_weighted_threat_exposures);
    suite_add_tcase(s, heat);

    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, allocation_failures);
    tcase_set_timeout(mem, 120);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(stress_suite());
}
