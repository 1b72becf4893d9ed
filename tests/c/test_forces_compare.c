/* SPDX-License-Identifier: MIT */
/* Comparing two five-forces assessments: drivers matched by force and key
 * (rated, unrated, added, removed), force score deltas and the pressure and
 * attractiveness deltas, worked out by hand. */
#include <math.h>
#include <string.h>

#include "harness.h"

#define NE SMB_FORCE_NEW_ENTRANTS
#define SP SMB_FORCE_SUPPLIER_POWER
#define BP SMB_FORCE_BUYER_POWER
#define SU SMB_FORCE_SUBSTITUTES
#define RI SMB_FORCE_RIVALRY

#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)

static smb_forces *fresh(void)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    return f;
}

/*
 * Last year (before):
 *   new_entrants   brand_loyalty 2                 score 2,   I 0.25, low
 *                  custom dark_kitchens "Dark kitchens", unrated
 *   supplier_power supplier_concentration 4        score 4,   I 0.75, high
 *   rivalry        number_and_balance 4, exit_barriers 3, custom old_one 2
 *                  score (4 + 3 + 2) / 3 = 3,      I 0.5, moderate
 *   pressure (0.25 + 0.75 + 0.5) / 3 = 0.5, attractiveness 0.5
 *
 * This year (after):
 *   new_entrants   brand_loyalty 2 (w 2, new rationale), economies_of_scale 4
 *                  custom dark_kitchens retitled "Ghost kitchens", unrated
 *                  score (2*2 + 4) / 3 = 8/3,      I (5/3)/4 = 5/12, moderate
 *   supplier_power nothing rated: no score
 *   buyer_power    force weight 0.5 (nothing rated)
 *   substitutes    price_performance 3             score 3,   I 0.5, moderate
 *   rivalry        exit_barriers 4.5 (confidence 0.8), industry_growth 2,
 *                  number_and_balance unrated, old_one gone,
 *                  custom delivery_apps 5
 *                  score (4.5 + 2 + 5) / 3 = 11.5/3, I (8.5/3)/4 = 8.5/12, high
 *   pressure (5/12 + 6/12 + 8.5/12) / 3 = 19.5/36, attractiveness 16.5/36
 *
 * Deltas: pressure 19.5/36 - 18/36 = 1.5/36 = 1/24; attractiveness -1/24.
 */
static smb_forces *last_year(void)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_rating(f, NE, "brand_loyalty", 2));
    TH_OK(smb_forces_set_rationale(f, NE, "brand_loyalty", "Regulars"));
    TH_OK(smb_forces_add_driver(f, NE, "dark_kitchens", "Dark kitchens", NULL));
    TH_OK(smb_forces_set_rating(f, SP, "supplier_concentration", 4));
    TH_OK(smb_forces_set_rating(f, RI, "number_and_balance", 4));
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 3));
    TH_OK(smb_forces_add_driver(f, RI, "old_one", "Old one", NULL));
    TH_OK(smb_forces_set_rating(f, RI, "old_one", 2));
    return f;
}

static smb_forces *this_year(void)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_rating(f, NE, "brand_loyalty", 2));
    TH_OK(smb_forces_set_driver_weight(f, NE, "brand_loyalty", 2));
    TH_OK(smb_forces_set_rationale(f, NE, "brand_loyalty", "Regulars, fewer of them"));
    TH_OK(smb_forces_set_rating(f, NE, "economies_of_scale", 4));
    TH_OK(smb_forces_add_driver(f, NE, "dark_kitchens", "Ghost kitchens", NULL));
    TH_OK(smb_forces_set_force_weight(f, BP, 0.5));
    TH_OK(smb_forces_set_rating(f, SU, "price_performance", 3));
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 4.5));
    TH_OK(smb_forces_set_confidence(f, RI, "exit_barriers", 0.8));
    TH_OK(smb_forces_set_rating(f, RI, "industry_growth", 2));
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps", NULL));
    TH_OK(smb_forces_set_rating(f, RI, "delivery_apps", 5));
    return f;
}

static const smb_driver_delta *entry(const smb_forces_comparison *c, smb_force force,
                                     const char *key)
{
    for (size_t i = 0; i < smb_forces_comparison_driver_count(c); i++) {
        const smb_driver_delta *d = smb_forces_comparison_driver_at(c, i);
        if (d->force == force && strcmp(d->key, key) == 0)
            return d;
    }
    ck_abort_msg("no entry for %s/%s", smb_force_key(force), key);
    return NULL;
}

START_TEST(field_keys)
{
    ck_assert_str_eq(smb_driver_field_key(SMB_DRIVER_FIELD_RATING), "rating");
    ck_assert_str_eq(smb_driver_field_key(SMB_DRIVER_FIELD_WEIGHT), "weight");
    ck_assert_str_eq(smb_driver_field_key(SMB_DRIVER_FIELD_CONFIDENCE), "confidence");
    ck_assert_str_eq(smb_driver_field_key(SMB_DRIVER_FIELD_RATIONALE), "rationale");
    ck_assert_str_eq(smb_driver_field_key(SMB_DRIVER_FIELD_TEXT), "text");
    ck_assert_ptr_null(smb_driver_field_key(0));
    ck_assert_ptr_null(smb_driver_field_key(SMB_DRIVER_FIELD_RATING | SMB_DRIVER_FIELD_WEIGHT));
    ck_assert_ptr_null(smb_driver_field_key(1u << 5));
}
END_TEST

START_TEST(identical_assessments_differ_in_nothing)
{
    smb_forces *a = last_year();
    smb_forces_comparison *c = NULL;
    TH_OK(smb_forces_compare(a, a, &c));
    /* 9 + 1 custom, 6, 6, 3, 7 + 1 custom. */
    ck_assert_uint_eq(smb_forces_comparison_driver_count(c), 10 + 6 + 6 + 3 + 8);
    ck_assert_uint_eq(smb_forces_comparison_changed_count(c), 0);
    for (size_t i = 0; i < smb_forces_comparison_driver_count(c); i++) {
        const smb_driver_delta *d = smb_forces_comparison_driver_at(c, i);
        ck_assert(d->in_before && d->in_after);
        ck_assert_uint_eq(d->fields, 0);
        ck_assert_double_eq(d->delta, 0.0);
        ck_assert_int_eq(d->rated_before, d->rated_after);
    }
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb_force_delta *fd = smb_forces_comparison_force(c, (smb_force)f);
        ck_assert_int_eq(fd->has_before, fd->has_after);
        ck_assert_double_eq(fd->score_delta, 0.0);
        ck_assert_int_eq(fd->band_before, fd->band_after);
    }
    double before = -1, after = -1, delta = -1;
    TH_OK(smb_forces_comparison_pressure(c, &before, &after, &delta));
    ck_assert_double_eq(before, 0.5);
    ck_assert_double_eq(after, 0.5);
    ck_assert_double_eq(delta, 0.0);
    smb_forces_comparison_free(c);
    smb_forces_free(a);
}
END_TEST

START_TEST(driver_deltas)
{
    smb_forces *a = last_year(), *b = this_year();
    smb_forces_comparison *c = NULL;
    TH_OK(smb_forces_compare(a, b, &c));
    /* Before's drivers in order, force by force, then after's new ones:
     * 10 + 6 + 6 + 3 + (8 + delivery_apps). */
    ck_assert_uint_eq(smb_forces_comparison_driver_count(c), 10 + 6 + 6 + 3 + 9);
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 0)->key, "economies_of_scale");
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 9)->key, "dark_kitchens");
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 32)->key, "old_one");
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 33)->key, "delivery_apps");
    ck_assert_ptr_null(smb_forces_comparison_driver_at(c, 34));
    /* Changed: brand_loyalty, economies_of_scale, dark_kitchens,
     * supplier_concentration, price_performance, number_and_balance,
     * industry_growth, exit_barriers, old_one, delivery_apps. */
    ck_assert_uint_eq(smb_forces_comparison_changed_count(c), 10);

    /* Rated in both: 3 -> 4.5, delta 1.5; the confidence appeared too. */
    const smb_driver_delta *d = entry(c, RI, "exit_barriers");
    ck_assert(d->in_before && d->in_after && d->rated_before && d->rated_after);
    ck_assert_double_eq(d->rating_before, 3.0);
    ck_assert_double_eq(d->rating_after, 4.5);
    ck_assert_double_eq(d->delta, 1.5);
    ck_assert_uint_eq(d->fields, SMB_DRIVER_FIELD_RATING | SMB_DRIVER_FIELD_CONFIDENCE);
    ck_assert_str_eq(d->title, "Exit barriers");

    /* Rated -> unrated: no delta, the rating field differs. */
    d = entry(c, RI, "number_and_balance");
    ck_assert(d->rated_before && !d->rated_after);
    ck_assert_double_eq(d->rating_before, 4.0);
    ck_assert_double_eq(d->rating_after, 0.0);
    ck_assert_double_eq(d->delta, 0.0);
    ck_assert_uint_eq(d->fields, SMB_DRIVER_FIELD_RATING);

    /* Unrated -> rated. */
    d = entry(c, RI, "industry_growth");
    ck_assert(!d->rated_before && d->rated_after);
    ck_assert_double_eq(d->rating_after, 2.0);
    ck_assert_double_eq(d->delta, 0.0);
    ck_assert_uint_eq(d->fields, SMB_DRIVER_FIELD_RATING);

    /* Only in the first. */
    d = entry(c, RI, "old_one");
    ck_assert(d->in_before && !d->in_after);
    ck_assert(d->rated_before && !d->rated_after);
    ck_assert_double_eq(d->rating_before, 2.0);
    ck_assert_double_eq(d->weight_before, 1.0);
    ck_assert_double_eq(d->weight_after, 0.0);
    ck_assert_uint_eq(d->fields, 0);
    ck_assert_str_eq(d->title, "Old one");

    /* Only in the second. */
    d = entry(c, RI, "delivery_apps");
    ck_assert(!d->in_before && d->in_after);
    ck_assert_double_eq(d->rating_after, 5.0);
    ck_assert_double_eq(d->weight_before, 0.0);
    ck_assert_uint_eq(d->fields, 0);
    ck_assert_str_eq(d->title, "Delivery apps");

    /* Same rating, new weight and rationale. */
    d = entry(c, NE, "brand_loyalty");
    ck_assert_double_eq(d->delta, 0.0);
    ck_assert_double_eq(d->weight_before, 1.0);
    ck_assert_double_eq(d->weight_after, 2.0);
    ck_assert_uint_eq(d->fields, SMB_DRIVER_FIELD_WEIGHT | SMB_DRIVER_FIELD_RATIONALE);

    /* A driver of the user's own retitled: the title is this year's. */
    d = entry(c, NE, "dark_kitchens");
    ck_assert_uint_eq(d->fields, SMB_DRIVER_FIELD_TEXT);
    ck_assert_str_eq(d->title, "Ghost kitchens");

    /* Untouched. */
    d = entry(c, BP, "price_sensitivity");
    ck_assert(d->in_before && d->in_after && !d->rated_before && !d->rated_after);
    ck_assert_uint_eq(d->fields, 0);

    smb_forces_comparison_free(c);
    smb_forces_free(a);
    smb_forces_free(b);
}
END_TEST

START_TEST(force_deltas)
{
    smb_forces *a = last_year(), *b = this_year();
    smb_forces_comparison *c = NULL;
    TH_OK(smb_forces_compare(a, b, &c));

    /* new_entrants 2 -> 8/3: delta 2/3, intensity delta 1/6, low -> moderate. */
    const smb_force_delta *d = smb_forces_comparison_force(c, NE);
    ck_assert_int_eq(d->force, NE);
    ck_assert(d->has_before && d->has_after);
    ck_assert_double_eq(d->score_before, 2.0);
    ASSERT_NEAR(d->score_after, 8.0 / 3.0);
    ASSERT_NEAR(d->score_delta, 2.0 / 3.0);
    ASSERT_NEAR(d->intensity_delta, 1.0 / 6.0);
    ck_assert_int_eq(d->band_before, SMB_FORCE_BAND_LOW);
    ck_assert_int_eq(d->band_after, SMB_FORCE_BAND_MODERATE);

    /* supplier_power 4 -> no score: no delta. */
    d = smb_forces_comparison_force(c, SP);
    ck_assert(d->has_before && !d->has_after);
    ck_assert_double_eq(d->score_before, 4.0);
    ck_assert_double_eq(d->score_after, 0.0);
    ck_assert_double_eq(d->score_delta, 0.0);
    ck_assert_int_eq(d->band_before, SMB_FORCE_BAND_HIGH);
    ck_assert_int_eq(d->band_after, SMB_FORCE_BAND_NONE);

    /* buyer_power: no scores; only its weight moved, 1 -> 0.5. */
    d = smb_forces_comparison_force(c, BP);
    ck_assert(!d->has_before && !d->has_after);
    ck_assert_double_eq(d->weight_before, 1.0);
    ck_assert_double_eq(d->weight_after, 0.5);

    /* substitutes: no score -> 3. */
    d = smb_forces_comparison_force(c, SU);
    ck_assert(!d->has_before && d->has_after);
    ck_assert_double_eq(d->score_after, 3.0);
    ck_assert_double_eq(d->score_delta, 0.0);
    ck_assert_int_eq(d->band_after, SMB_FORCE_BAND_MODERATE);

    /* rivalry 3 -> 11.5/3: delta 2.5/3, intensity delta 2.5/12, moderate -> high. */
    d = smb_forces_comparison_force(c, RI);
    ck_assert_double_eq(d->score_before, 3.0);
    ASSERT_NEAR(d->score_after, 11.5 / 3.0);
    ASSERT_NEAR(d->score_delta, 2.5 / 3.0);
    ASSERT_NEAR(d->intensity_delta, 2.5 / 12.0);
    ck_assert_int_eq(d->band_before, SMB_FORCE_BAND_MODERATE);
    ck_assert_int_eq(d->band_after, SMB_FORCE_BAND_HIGH);

    ck_assert_ptr_null(smb_forces_comparison_force(c, SMB_FORCE_COUNT));
    ck_assert_ptr_null(smb_forces_comparison_force(c, SMB_FORCE_NONE));
    smb_forces_comparison_free(c);
    smb_forces_free(a);
    smb_forces_free(b);
}
END_TEST

START_TEST(overall_deltas)
{
    smb_forces *a = last_year(), *b = this_year();
    smb_forces_comparison *c = NULL;
    TH_OK(smb_forces_compare(a, b, &c));
    double before = -1, after = -1, delta = -1;
    TH_OK(smb_forces_comparison_pressure(c, &before, &after, &delta));
    ASSERT_NEAR(before, 0.5);
    ASSERT_NEAR(after, 19.5 / 36.0);
    ASSERT_NEAR(delta, 1.0 / 24.0);
    TH_OK(smb_forces_comparison_attractiveness(c, &before, &after, &delta));
    ASSERT_NEAR(before, 0.5);
    ASSERT_NEAR(after, 16.5 / 36.0);
    ASSERT_NEAR(delta, -1.0 / 24.0);
    /* Any output may be skipped. */
    delta = -1;
    TH_OK(smb_forces_comparison_pressure(c, NULL, NULL, &delta));
    ASSERT_NEAR(delta, 1.0 / 24.0);
    /* The same numbers as scoring each assessment alone. */
    double pa, pb;
    TH_OK(smb_forces_pressure(a, &pa));
    TH_OK(smb_forces_pressure(b, &pb));
    TH_OK(smb_forces_comparison_pressure(c, &before, &after, NULL));
    ck_assert_double_eq(before, pa);
    ck_assert_double_eq(after, pb);
    smb_forces_comparison_free(c);
    smb_forces_free(a);
    smb_forces_free(b);
}
END_TEST

START_TEST(undefined_pressure_on_either_side)
{
    smb_forces *rated = last_year(), *blank = fresh();
    smb_forces_comparison *c = NULL;
    double before = -1, after = -1, delta = -1;
    TH_OK(smb_forces_compare(blank, rated, &c));
    TH_ASSERT_FAILS(smb_forces_comparison_pressure(c, &before, &after, &delta), SMB_ENOTFOUND,
                    "competitive pressure in the first assessment is undefined: no driver is rated");
    TH_ASSERT_FAILS(smb_forces_comparison_attractiveness(c, &before, &after, &delta),
                    SMB_ENOTFOUND, "attractiveness in the first assessment is undefined");
    ck_assert(before == -1 && after == -1 && delta == -1);
    /* Drivers still compare: everything rated now was unrated before. */
    const smb_driver_delta *d = entry(c, RI, "exit_barriers");
    ck_assert(!d->rated_before && d->rated_after);
    /* old_one exists only in the second assessment here. */
    d = entry(c, RI, "old_one");
    ck_assert(!d->in_before && d->in_after);
    smb_forces_comparison_free(c);

    /* Rated drivers of weight 0 only: the reason says so. */
    TH_OK(smb_forces_set_rating(blank, RI, "exit_barriers", 4));
    TH_OK(smb_forces_set_driver_weight(blank, RI, "exit_barriers", 0));
    TH_OK(smb_forces_compare(rated, blank, &c));
    TH_ASSERT_FAILS(smb_forces_comparison_pressure(c, &before, NULL, NULL), SMB_ENOTFOUND,
                    "competitive pressure in the second assessment is undefined: no force of positive weight has a rated driver of positive weight");
    ck_assert_double_eq(before, -1);
    smb_forces_comparison_free(c);
    smb_forces_free(rated);
    smb_forces_free(blank);
}
END_TEST

START_TEST(bad_arguments)
{
    smb_forces *a = fresh();
    smb_forces_comparison *c = NULL;
    TH_ASSERT_FAILS(smb_forces_compare(NULL, a, &c), SMB_EINVAL, "before: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_compare(a, NULL, &c), SMB_EINVAL, "after: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_compare(a, a, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_null(c);
    double x = -1;
    TH_ASSERT_FAILS(smb_forces_comparison_pressure(NULL, &x, &x, &x), SMB_EINVAL,
                    "comparison: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_comparison_attractiveness(NULL, &x, &x, &x), SMB_EINVAL,
                    "comparison: must not be NULL");
    ck_assert_double_eq(x, -1);
    ck_assert_uint_eq(smb_forces_comparison_driver_count(NULL), 0);
    ck_assert_uint_eq(smb_forces_comparison_changed_count(NULL), 0);
    ck_assert_ptr_null(smb_forces_comparison_driver_at(NULL, 0));
    ck_assert_ptr_null(smb_forces_comparison_force(NULL, RI));
    smb_forces_comparison_free(NULL);
    smb_forces_free(a);
}
END_TEST

START_TEST(comparison_outlives_the_assessments)
{
    smb_forces *a = last_year(), *b = this_year();
    smb_forces_comparison *c = NULL;
    TH_OK(smb_forces_compare(a, b, &c));
    smb_forces_free(a);
    smb_forces_free(b);
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 32)->title, "Old one");
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 33)->key, "delivery_apps");
    ck_assert_str_eq(smb_forces_comparison_driver_at(c, 9)->title, "Ghost kitchens");
    smb_forces_comparison_free(c);
}
END_TEST

START_TEST(compare_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *a = last_year(), *b = this_year();
    smb_forces *sa = NULL, *sb = NULL;
    TH_OK(smb_forces_copy(a, &sa));
    TH_OK(smb_forces_copy(b, &sb));
    smb_forces_comparison *c = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_compare(a, b, &c),
                          c == NULL && smb_forces_equal(a, sa) && smb_forces_equal(b, sb),
                          smb_forces_comparison_free(c), 3);
    smb_forces_free(sa);
    smb_forces_free(sb);
    smb_forces_free(a);
    smb_forces_free(b);
}
END_TEST

static Suite *forces_compare_suite(void)
{
    Suite *s = suite_create("forces_compare");
    TCase *tc = tcase_create("compare");
    tcase_add_test(tc, field_keys);
    tcase_add_test(tc, identical_assessments_differ_in_nothing);
    tcase_add_test(tc, driver_deltas);
    tcase_add_test(tc, force_deltas);
    tcase_add_test(tc, overall_deltas);
    tcase_add_test(tc, undefined_pressure_on_either_side);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, comparison_outlives_the_assessments);
    suite_add_tcase(s, tc);
    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, compare_survives_every_allocation_failure);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(forces_compare_suite());
}
