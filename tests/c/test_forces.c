/* SPDX-License-Identifier: MIT */
/* The five-forces model: keys, the standard catalogue, ratings, weights,
 * confidence, rationale, drivers of the user's own, copy and equality, and
 * every refusal leaving the assessment as it was. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define RI SMB_FORCE_RIVALRY
#define NE SMB_FORCE_NEW_ENTRANTS

static smb_forces *fresh(void)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    return f;
}

/* Assert that `call` fails with `status` and a message containing `needle`,
 * and that the assessment compares equal to a copy taken before the call. */
#define ASSERT_REFUSED(forces, call, status, needle)                                  \
    do {                                                                           \
        smb_forces *snap_ = NULL;                                                  \
        TH_OK(smb_forces_copy((forces), &snap_));                                  \
        TH_ASSERT_FAILS(call, status, needle);                                     \
        ck_assert_msg(smb_forces_equal((forces), snap_), "the assessment changed"); \
        smb_forces_free(snap_);                                                    \
    } while (0)

/* ---- keys and titles ----------------------------------------------------- */

START_TEST(force_keys_round_trip)
{
    static const char *const keys[] = {"new_entrants", "supplier_power", "buyer_power",
                                       "substitutes", "rivalry"};
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        ck_assert_str_eq(smb_force_key((smb_force)f), keys[f]);
        ck_assert_ptr_nonnull(smb_force_title((smb_force)f));
        smb_force back = SMB_FORCE_NONE;
        TH_OK(smb_force_from_key(keys[f], &back));
        ck_assert_int_eq(back, f);
    }
    ck_assert_str_eq(smb_force_title(RI), "Rivalry Among Existing Competitors");
    ck_assert_str_eq(smb_force_title(SMB_FORCE_SUPPLIER_POWER), "Bargaining Power of Suppliers");
    ck_assert_ptr_null(smb_force_key(SMB_FORCE_NONE));
    ck_assert_ptr_null(smb_force_key(SMB_FORCE_COUNT));
    ck_assert_ptr_null(smb_force_title((smb_force)99));

    smb_force out = RI;
    TH_ASSERT_FAILS(smb_force_from_key("Rivalry", &out), SMB_ENOTFOUND, "no force 'Rivalry'");
    ck_assert_int_eq(out, RI);
    TH_ASSERT_FAILS(smb_force_from_key(NULL, &out), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_force_from_key("rivalry", NULL), SMB_EINVAL, "out: must not be NULL");
}
END_TEST

START_TEST(band_keys_round_trip)
{
    static const char *const keys[] = {"low", "moderate", "high"};
    for (int b = 0; b < SMB_FORCE_BAND_COUNT; b++) {
        ck_assert_str_eq(smb_force_band_key((smb_force_band)b), keys[b]);
        smb_force_band back = SMB_FORCE_BAND_NONE;
        TH_OK(smb_force_band_from_key(keys[b], &back));
        ck_assert_int_eq(back, b);
    }
    ck_assert_ptr_null(smb_force_band_key(SMB_FORCE_BAND_NONE));
    ck_assert_ptr_null(smb_force_band_key(SMB_FORCE_BAND_COUNT));
    smb_force_band out = SMB_FORCE_BAND_LOW;
    TH_ASSERT_FAILS(smb_force_band_from_key("medium", &out), SMB_ENOTFOUND, "no band 'medium'");
    ck_assert_int_eq(out, SMB_FORCE_BAND_LOW);
    TH_ASSERT_FAILS(smb_force_band_from_key(NULL, &out), SMB_EINVAL, "must not be NULL");
}
END_TEST

/* ---- the catalogue ------------------------------------------------------- */

/* Porter's drivers as the issue lists them, in catalogue order. */
static const char *const catalogue[SMB_FORCE_COUNT][10] = {
    {"economies_of_scale", "network_effects", "switching_costs", "capital_requirements",
     "incumbency_advantages", "channel_access", "government_policy", "retaliation",
     "brand_loyalty", NULL},
    {"supplier_concentration", "industry_importance", "switching_costs",
     "differentiated_inputs", "input_substitutes", "forward_integration", NULL},
    {"buyer_concentration", "standardisation", "switching_costs", "backward_integration",
     "price_sensitivity", "buyer_information", NULL},
    {"price_performance", "switching_costs", "buyer_propensity", NULL},
    {"number_and_balance", "industry_growth", "fixed_costs", "differentiation",
     "exit_barriers", "capacity_increments", "rival_diversity", NULL},
};

START_TEST(new_holds_the_standard_catalogue)
{
    static const size_t counts[SMB_FORCE_COUNT] = {9, 6, 6, 3, 7};
    smb_forces *f = fresh();
    ck_assert_str_eq(smb_forces_name(f), "");
    ck_assert_str_eq(smb_forces_description(f), "");
    for (int force = 0; force < SMB_FORCE_COUNT; force++) {
        ck_assert_double_eq(smb_forces_force_weight(f, (smb_force)force), 1.0);
        ck_assert_uint_eq(smb_forces_driver_count(f, (smb_force)force), counts[force]);
        for (size_t i = 0; i < counts[force]; i++) {
            const smb_driver *d = smb_forces_driver_at(f, (smb_force)force, i);
            ck_assert_ptr_nonnull(d);
            ck_assert_str_eq(smb_driver_key(d), catalogue[force][i]);
            ck_assert_int_eq(smb_driver_force(d), force);
            ck_assert_uint_eq(smb_driver_index(d), i);
            ck_assert(!smb_driver_is_custom(d));
            ck_assert(!smb_driver_is_rated(d));
            ck_assert_double_eq(smb_driver_rating(d), 0.0);
            ck_assert_double_eq(smb_driver_weight(d), 1.0);
            ck_assert(!smb_driver_has_confidence(d));
            ck_assert_ptr_null(smb_driver_rationale(d));
            ck_assert_uint_gt(strlen(smb_driver_title(d)), 0);
            /* Every catalogue question is a question. */
            const char *q = smb_driver_question(d);
            ck_assert_uint_gt(strlen(q), 10);
            ck_assert_int_eq(q[strlen(q) - 1], '?');
            ck_assert_ptr_eq(smb_forces_find_driver(f, (smb_force)force, catalogue[force][i]), d);
        }
        ck_assert_ptr_null(smb_forces_driver_at(f, (smb_force)force, counts[force]));
    }
    ck_assert_str_eq(smb_driver_title(smb_forces_find_driver(f, RI, "exit_barriers")),
                     "Exit barriers");
    smb_forces_free(f);
}
END_TEST

START_TEST(catalogue_keys_are_snake_case_and_unique_per_force)
{
    smb_forces *f = fresh();
    for (int force = 0; force < SMB_FORCE_COUNT; force++) {
        size_t n = smb_forces_driver_count(f, (smb_force)force);
        for (size_t i = 0; i < n; i++) {
            const char *key = smb_driver_key(smb_forces_driver_at(f, (smb_force)force, i));
            ck_assert_uint_le(strlen(key), SMB_MAX_ID_LENGTH);
            ck_assert_msg(key[0] >= 'a' && key[0] <= 'z', "key %s", key);
            for (const char *p = key; *p; p++)
                ck_assert_msg((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_',
                              "key %s is not snake_case", key);
            for (size_t j = 0; j < i; j++)
                ck_assert_str_ne(key, smb_driver_key(smb_forces_driver_at(f, (smb_force)force, j)));
        }
    }
    smb_forces_free(f);
}
END_TEST

START_TEST(lookups_outside_the_model)
{
    smb_forces *f = fresh();
    ck_assert_uint_eq(smb_forces_driver_count(f, SMB_FORCE_NONE), 0);
    ck_assert_uint_eq(smb_forces_driver_count(f, SMB_FORCE_COUNT), 0);
    ck_assert_uint_eq(smb_forces_driver_count(NULL, RI), 0);
    ck_assert_ptr_null(smb_forces_driver_at(NULL, RI, 0));
    ck_assert_ptr_null(smb_forces_driver_at(f, (smb_force)7, 0));
    ck_assert_ptr_null(smb_forces_find_driver(f, RI, "nope"));
    ck_assert_ptr_null(smb_forces_find_driver(f, RI, NULL));
    ck_assert_ptr_null(smb_forces_find_driver(f, SMB_FORCE_COUNT, "exit_barriers"));
    /* The same key in another force is another driver. */
    ck_assert_ptr_null(smb_forces_find_driver(f, NE, "exit_barriers"));
    ck_assert_double_eq(smb_forces_force_weight(f, SMB_FORCE_NONE), 0.0);
    ck_assert_double_eq(smb_forces_force_weight(NULL, RI), 0.0);

    const smb_driver *d = NULL;
    TH_OK(smb_forces_get_driver(f, RI, "exit_barriers", &d));
    ck_assert_str_eq(smb_driver_key(d), "exit_barriers");
    d = NULL;
    TH_ASSERT_FAILS(smb_forces_get_driver(f, RI, "nope", &d), SMB_ENOTFOUND,
                    "force 'rivalry' has no driver 'nope'");
    ck_assert_ptr_null(d);
    TH_ASSERT_FAILS(smb_forces_get_driver(f, (smb_force)5, "nope", &d), SMB_EINVAL,
                    "force: 5 is not a force");
    TH_ASSERT_FAILS(smb_forces_get_driver(NULL, RI, "exit_barriers", &d), SMB_EINVAL,
                    "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_get_driver(f, RI, NULL, &d), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_get_driver(f, RI, "exit_barriers", NULL), SMB_EINVAL,
                    "out: must not be NULL");
    /* A key that cannot be echoed as it is is shown safely. */
    TH_ASSERT_FAILS(smb_forces_get_driver(f, RI, "bad\n\xff", &d), SMB_ENOTFOUND, "'bad?" "?'");

    /* Accessors on NULL answer neutral values instead of crashing. */
    ck_assert_ptr_null(smb_driver_key(NULL));
    ck_assert_ptr_null(smb_driver_title(NULL));
    ck_assert_ptr_null(smb_driver_question(NULL));
    ck_assert_ptr_null(smb_driver_rationale(NULL));
    ck_assert_int_eq(smb_driver_force(NULL), SMB_FORCE_NONE);
    ck_assert_uint_eq(smb_driver_index(NULL), 0);
    ck_assert(!smb_driver_is_custom(NULL) && !smb_driver_is_rated(NULL));
    ck_assert(!smb_driver_has_confidence(NULL));
    ck_assert_double_eq(smb_driver_rating(NULL), 0.0);
    ck_assert_double_eq(smb_driver_weight(NULL), 0.0);
    ck_assert_double_eq(smb_driver_confidence(NULL), 0.0);
    ck_assert_str_eq(smb_forces_name(NULL), "");
    ck_assert_str_eq(smb_forces_description(NULL), "");
    smb_forces_free(f);
    smb_forces_free(NULL);
}
END_TEST

/* ---- ratings ------------------------------------------------------------- */

START_TEST(ratings_are_fractional_and_can_be_cleared)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 3.25));
    const smb_driver *d = smb_forces_find_driver(f, RI, "exit_barriers");
    ck_assert(smb_driver_is_rated(d));
    ck_assert_double_eq(smb_driver_rating(d), 3.25);
    /* Both ends of the scale are ratings. */
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 1.0));
    ck_assert_double_eq(smb_driver_rating(d), 1.0);
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 5.0));
    ck_assert_double_eq(smb_driver_rating(d), 5.0);
    /* Other drivers, and the same key in other forces, are untouched. */
    ck_assert(!smb_driver_is_rated(smb_forces_find_driver(f, RI, "fixed_costs")));
    ck_assert(!smb_driver_is_rated(smb_forces_find_driver(f, NE, "switching_costs")));
    TH_OK(smb_forces_clear_rating(f, RI, "exit_barriers"));
    ck_assert(!smb_driver_is_rated(d));
    ck_assert_double_eq(smb_driver_rating(d), 0.0);
    /* Clearing an unrated driver is not an error. */
    TH_OK(smb_forces_clear_rating(f, RI, "exit_barriers"));

    smb_forces *unrated = fresh();
    ck_assert(smb_forces_equal(f, unrated));
    smb_forces_free(unrated);
    smb_forces_free(f);
}
END_TEST

START_TEST(bad_ratings_are_refused)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 2.0));
    static const double bad[] = {0.0, 6.0, 0.999, 5.0001, -3.0};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "exit_barriers", bad[i]), SMB_ERANGE,
                       "rivalry/exit_barriers rating: must be a number from 1 to 5");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "exit_barriers", NAN), SMB_ERANGE,
                   "rivalry/exit_barriers rating");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "exit_barriers", INFINITY), SMB_ERANGE,
                   "got inf");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "exit_barriers", -INFINITY), SMB_ERANGE,
                   "got -inf");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "exit_barriers", 6.0), SMB_ERANGE, "got 6");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, "nope", 3.0), SMB_ENOTFOUND,
                   "force 'rivalry' has no driver 'nope'");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, (smb_force)-1, "exit_barriers", 3.0), SMB_EINVAL,
                   "force: -1 is not a force");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, SMB_FORCE_COUNT, "exit_barriers", 3.0), SMB_EINVAL,
                   "force: 5 is not a force");
    ASSERT_REFUSED(f, smb_forces_set_rating(f, RI, NULL, 3.0), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_set_rating(NULL, RI, "exit_barriers", 3.0), SMB_EINVAL,
                    "forces: must not be NULL");
    ASSERT_REFUSED(f, smb_forces_clear_rating(f, RI, "nope"), SMB_ENOTFOUND, "no driver 'nope'");
    ASSERT_REFUSED(f, smb_forces_clear_rating(f, (smb_force)9, "exit_barriers"), SMB_EINVAL,
                   "force: 9");
    TH_ASSERT_FAILS(smb_forces_clear_rating(NULL, RI, "exit_barriers"), SMB_EINVAL,
                    "forces: must not be NULL");
    ck_assert_double_eq(smb_driver_rating(smb_forces_find_driver(f, RI, "exit_barriers")), 2.0);
    smb_forces_free(f);
}
END_TEST

/* ---- weights ------------------------------------------------------------- */

START_TEST(driver_weights)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_driver_weight(f, RI, "exit_barriers", 2.5));
    ck_assert_double_eq(smb_driver_weight(smb_forces_find_driver(f, RI, "exit_barriers")), 2.5);
    TH_OK(smb_forces_set_driver_weight(f, RI, "fixed_costs", 0.0));
    ck_assert_double_eq(smb_driver_weight(smb_forces_find_driver(f, RI, "fixed_costs")), 0.0);
    TH_OK(smb_forces_set_driver_weight(f, RI, "fixed_costs", SMB_FORCES_MAX_WEIGHT));
    ck_assert_double_eq(smb_driver_weight(smb_forces_find_driver(f, RI, "fixed_costs")), 1e6);
    smb_forces_free(f);
}
END_TEST

START_TEST(bad_driver_weights_are_refused)
{
    smb_forces *f = fresh();
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, "exit_barriers", -1.0), SMB_ERANGE,
                   "rivalry/exit_barriers weight: must be a finite number from 0 to 1e+06, got -1");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, "exit_barriers", NAN), SMB_ERANGE,
                   "rivalry/exit_barriers weight");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, "exit_barriers", INFINITY), SMB_ERANGE,
                   "got inf");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, "exit_barriers", 1e6 * 1.5), SMB_ERANGE,
                   "got 1.5e+06");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, "nope", 1.0), SMB_ENOTFOUND,
                   "no driver 'nope'");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, SMB_FORCE_NONE, "exit_barriers", 1.0),
                   SMB_EINVAL, "is not a force");
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, RI, NULL, 1.0), SMB_EINVAL,
                   "key: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_set_driver_weight(NULL, RI, "exit_barriers", 1.0), SMB_EINVAL,
                    "forces: must not be NULL");

    /* All-zero weights in a force: the last positive weight cannot go. */
    size_t n = smb_forces_driver_count(f, SMB_FORCE_SUBSTITUTES);
    for (size_t i = 0; i + 1 < n; i++)
        TH_OK(smb_forces_set_driver_weight(
            f, SMB_FORCE_SUBSTITUTES,
            smb_driver_key(smb_forces_driver_at(f, SMB_FORCE_SUBSTITUTES, i)), 0.0));
    ASSERT_REFUSED(f, smb_forces_set_driver_weight(f, SMB_FORCE_SUBSTITUTES, "buyer_propensity", 0.0),
                   SMB_ERANGE,
                   "substitutes/buyer_propensity weight: 0 would leave force 'substitutes' with no driver of positive weight");
    /* ... but it may change to another positive value, and once another
     * driver has weight again it may go to 0. */
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_SUBSTITUTES, "buyer_propensity", 0.5));
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_SUBSTITUTES, "switching_costs", 1.0));
    TH_OK(smb_forces_set_driver_weight(f, SMB_FORCE_SUBSTITUTES, "buyer_propensity", 0.0));
    smb_forces_free(f);
}
END_TEST

START_TEST(force_weights)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_force_weight(f, RI, 2.0));
    ck_assert_double_eq(smb_forces_force_weight(f, RI), 2.0);
    for (int force = 0; force < SMB_FORCE_COUNT - 1; force++)
        TH_OK(smb_forces_set_force_weight(f, (smb_force)force, 0.0));
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, RI, 0.0), SMB_ERANGE,
                   "force 'rivalry' weight: 0 would leave every force with weight 0");
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, NE, -0.5), SMB_ERANGE,
                   "force 'new_entrants' weight: must be a finite number from 0 to 1e+06, got -0.5");
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, NE, NAN), SMB_ERANGE,
                   "force 'new_entrants' weight");
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, NE, -INFINITY), SMB_ERANGE, "got -inf");
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, NE, 2e6), SMB_ERANGE, "got 2e+06");
    ASSERT_REFUSED(f, smb_forces_set_force_weight(f, SMB_FORCE_COUNT, 1.0), SMB_EINVAL,
                   "force: 5 is not a force");
    TH_ASSERT_FAILS(smb_forces_set_force_weight(NULL, RI, 1.0), SMB_EINVAL,
                    "forces: must not be NULL");
    ck_assert_double_eq(smb_forces_force_weight(f, RI), 2.0);
    ck_assert_double_eq(smb_forces_force_weight(f, NE), 0.0);
    smb_forces_free(f);
}
END_TEST

/* ---- confidence and rationale -------------------------------------------- */

START_TEST(confidence)
{
    smb_forces *f = fresh();
    const smb_driver *d = smb_forces_find_driver(f, RI, "exit_barriers");
    TH_OK(smb_forces_set_confidence(f, RI, "exit_barriers", 0.0));
    ck_assert(smb_driver_has_confidence(d));
    ck_assert_double_eq(smb_driver_confidence(d), 0.0);
    TH_OK(smb_forces_set_confidence(f, RI, "exit_barriers", 1.0));
    TH_OK(smb_forces_set_confidence(f, RI, "exit_barriers", 0.75));
    ck_assert_double_eq(smb_driver_confidence(d), 0.75);
    ASSERT_REFUSED(f, smb_forces_set_confidence(f, RI, "exit_barriers", 1.01), SMB_ERANGE,
                   "rivalry/exit_barriers confidence: must be a number from 0 to 1, got 1.01");
    ASSERT_REFUSED(f, smb_forces_set_confidence(f, RI, "exit_barriers", -0.1), SMB_ERANGE,
                   "got -0.1");
    ASSERT_REFUSED(f, smb_forces_set_confidence(f, RI, "exit_barriers", NAN), SMB_ERANGE,
                   "rivalry/exit_barriers confidence");
    ASSERT_REFUSED(f, smb_forces_set_confidence(f, RI, "exit_barriers", INFINITY), SMB_ERANGE,
                   "got inf");
    ASSERT_REFUSED(f, smb_forces_set_confidence(f, RI, "nope", 0.5), SMB_ENOTFOUND,
                   "no driver 'nope'");
    TH_ASSERT_FAILS(smb_forces_set_confidence(NULL, RI, "exit_barriers", 0.5), SMB_EINVAL,
                    "forces: must not be NULL");
    ck_assert_double_eq(smb_driver_confidence(d), 0.75);
    TH_OK(smb_forces_clear_confidence(f, RI, "exit_barriers"));
    ck_assert(!smb_driver_has_confidence(d));
    ck_assert_double_eq(smb_driver_confidence(d), 0.0);
    ASSERT_REFUSED(f, smb_forces_clear_confidence(f, RI, "nope"), SMB_ENOTFOUND, "no driver 'nope'");
    ASSERT_REFUSED(f, smb_forces_clear_confidence(f, (smb_force)-2, "exit_barriers"), SMB_EINVAL,
                   "force: -2");
    smb_forces_free(f);
}
END_TEST

START_TEST(rationale)
{
    smb_forces *f = fresh();
    const smb_driver *d = smb_forces_find_driver(f, RI, "exit_barriers");
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", "Ovens are sold at a loss — sunk cost"));
    ck_assert_str_eq(smb_driver_rationale(d), "Ovens are sold at a loss — sunk cost");
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", "Leases run for ten years"));
    ck_assert_str_eq(smb_driver_rationale(d), "Leases run for ten years");
    ASSERT_REFUSED(f, smb_forces_set_rationale(f, RI, "exit_barriers", "bad \xc3\x28 text"),
                   SMB_EINVAL, "rivalry/exit_barriers rationale: not valid UTF-8");
    ASSERT_REFUSED(f, smb_forces_set_rationale(f, RI, "nope", "x"), SMB_ENOTFOUND,
                   "no driver 'nope'");
    ASSERT_REFUSED(f, smb_forces_set_rationale(f, (smb_force)8, "exit_barriers", "x"), SMB_EINVAL,
                   "force: 8");
    TH_ASSERT_FAILS(smb_forces_set_rationale(NULL, RI, "exit_barriers", "x"), SMB_EINVAL,
                    "forces: must not be NULL");

    char *huge = malloc(SMB_MAX_TEXT_LENGTH + 2);
    ck_assert_ptr_nonnull(huge);
    memset(huge, 'a', SMB_MAX_TEXT_LENGTH + 1);
    huge[SMB_MAX_TEXT_LENGTH + 1] = '\0';
    ASSERT_REFUSED(f, smb_forces_set_rationale(f, RI, "exit_barriers", huge), SMB_ELIMIT,
                   "rivalry/exit_barriers rationale: longer than 65536 bytes");
    huge[SMB_MAX_TEXT_LENGTH] = '\0';
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", huge));
    ck_assert_uint_eq(strlen(smb_driver_rationale(d)), SMB_MAX_TEXT_LENGTH);
    free(huge);

    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", ""));
    ck_assert_ptr_null(smb_driver_rationale(d));
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", "again"));
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", NULL));
    ck_assert_ptr_null(smb_driver_rationale(d));
    smb_forces_free(f);
}
END_TEST

START_TEST(name_and_description)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_name(f, "Artisan bakeries, Leeds"));
    TH_OK(smb_forces_set_description(f, "Against supermarkets and delivery apps"));
    ck_assert_str_eq(smb_forces_name(f), "Artisan bakeries, Leeds");
    ck_assert_str_eq(smb_forces_description(f), "Against supermarkets and delivery apps");
    ASSERT_REFUSED(f, smb_forces_set_name(f, "\xff"), SMB_EINVAL, "name: not valid UTF-8");
    ASSERT_REFUSED(f, smb_forces_set_description(f, "\xed\xa0\x80"), SMB_EINVAL,
                   "description: not valid UTF-8");
    TH_ASSERT_FAILS(smb_forces_set_name(NULL, "x"), SMB_EINVAL, "forces: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_set_description(NULL, "x"), SMB_EINVAL, "forces: must not be NULL");
    TH_OK(smb_forces_set_name(f, NULL));
    TH_OK(smb_forces_set_description(f, ""));
    ck_assert_str_eq(smb_forces_name(f), "");
    ck_assert_str_eq(smb_forces_description(f), "");
    smb_forces_free(f);
}
END_TEST

/* ---- drivers of the user's own ------------------------------------------- */

START_TEST(custom_drivers_are_added_last)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps",
                                "Do delivery apps let distant bakeries reach our customers?"));
    TH_OK(smb_forces_add_driver(f, RI, "Sunday.trade-2", "Sunday trading", NULL));
    ck_assert_uint_eq(smb_forces_driver_count(f, RI), 9);
    const smb_driver *d = smb_forces_driver_at(f, RI, 7);
    ck_assert_str_eq(smb_driver_key(d), "delivery_apps");
    ck_assert_str_eq(smb_driver_title(d), "Delivery apps");
    ck_assert_str_eq(smb_driver_question(d),
                     "Do delivery apps let distant bakeries reach our customers?");
    ck_assert(smb_driver_is_custom(d));
    ck_assert(!smb_driver_is_rated(d));
    ck_assert_double_eq(smb_driver_weight(d), 1.0);
    ck_assert_int_eq(smb_driver_force(d), RI);
    ck_assert_uint_eq(smb_driver_index(d), 7);
    d = smb_forces_driver_at(f, RI, 8);
    ck_assert_str_eq(smb_driver_key(d), "Sunday.trade-2");
    ck_assert_str_eq(smb_driver_question(d), "");
    /* A key of one force may be reused in another. */
    TH_OK(smb_forces_add_driver(f, NE, "delivery_apps", "Delivery apps as a way in", ""));
    ck_assert_uint_eq(smb_forces_driver_count(f, NE), 10);
    TH_OK(smb_forces_set_rating(f, RI, "delivery_apps", 4.5));
    ck_assert(!smb_driver_is_rated(smb_forces_find_driver(f, NE, "delivery_apps")));
    smb_forces_free(f);
}
END_TEST

START_TEST(bad_custom_drivers_are_refused)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps", NULL));
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "delivery_apps", "Again", NULL), SMB_EEXIST,
                   "force 'rivalry' already has a driver 'delivery_apps'");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "exit_barriers", "Mine", NULL), SMB_EEXIST,
                   "force 'rivalry' already has a driver 'exit_barriers'");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "two words", "Title", NULL), SMB_EINVAL,
                   "force 'rivalry' driver key: id 'two words': use only ASCII letters");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "", "Title", NULL), SMB_EINVAL,
                   "force 'rivalry' driver key: id: must not be empty");
    char long_key[SMB_MAX_ID_LENGTH + 2];
    memset(long_key, 'k', sizeof long_key - 1);
    long_key[sizeof long_key - 1] = '\0';
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, long_key, "Title", NULL), SMB_ELIMIT,
                   "driver key: id: longer than 64 bytes");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, NULL, "Title", NULL), SMB_EINVAL,
                   "id: must not be NULL");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "k", "", NULL), SMB_EINVAL,
                   "rivalry/k title: must not be empty");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "k", NULL, NULL), SMB_EINVAL,
                   "rivalry/k title: must not be NULL");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "k", "\xc0\xaf", NULL), SMB_EINVAL,
                   "rivalry/k title: not valid UTF-8");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, RI, "k", "Title", "\x80?"), SMB_EINVAL,
                   "rivalry/k question: not valid UTF-8");
    ASSERT_REFUSED(f, smb_forces_add_driver(f, SMB_FORCE_COUNT, "k", "Title", NULL), SMB_EINVAL,
                   "force: 5 is not a force");
    TH_ASSERT_FAILS(smb_forces_add_driver(NULL, RI, "k", "Title", NULL), SMB_EINVAL,
                    "forces: must not be NULL");
    smb_forces_free(f);
}
END_TEST

START_TEST(custom_driver_limit)
{
    smb_forces *f = fresh();
    char key[32];
    for (int i = 0; i < SMB_MAX_CUSTOM_DRIVERS; i++) {
        snprintf(key, sizeof key, "mine_%d", i);
        TH_OK(smb_forces_add_driver(f, SMB_FORCE_SUBSTITUTES, key, "Mine", NULL));
    }
    ck_assert_uint_eq(smb_forces_driver_count(f, SMB_FORCE_SUBSTITUTES), 3 + SMB_MAX_CUSTOM_DRIVERS);
    ASSERT_REFUSED(f, smb_forces_add_driver(f, SMB_FORCE_SUBSTITUTES, "one_more", "Mine", NULL),
                   SMB_ELIMIT, "force 'substitutes' already has 256 drivers of the user's own");
    /* The limit is per force, and removing one makes room again. */
    TH_OK(smb_forces_add_driver(f, RI, "one_more", "Mine", NULL));
    TH_OK(smb_forces_remove_driver(f, SMB_FORCE_SUBSTITUTES, "mine_0"));
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_SUBSTITUTES, "one_more", "Mine", NULL));
    smb_forces_free(f);
}
END_TEST

START_TEST(removing_drivers)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_add_driver(f, RI, "a", "A", NULL));
    TH_OK(smb_forces_add_driver(f, RI, "b", "B", NULL));
    TH_OK(smb_forces_add_driver(f, RI, "c", "C", NULL));
    TH_OK(smb_forces_set_rating(f, RI, "c", 4.0));
    TH_OK(smb_forces_remove_driver(f, RI, "b"));
    ck_assert_uint_eq(smb_forces_driver_count(f, RI), 9);
    const smb_driver *c = smb_forces_driver_at(f, RI, 8);
    ck_assert_str_eq(smb_driver_key(c), "c");
    ck_assert_uint_eq(smb_driver_index(c), 8);
    ck_assert_double_eq(smb_driver_rating(c), 4.0);
    ck_assert_ptr_null(smb_forces_find_driver(f, RI, "b"));

    ASSERT_REFUSED(f, smb_forces_remove_driver(f, RI, "exit_barriers"), SMB_EINVAL,
                   "rivalry/exit_barriers is a standard driver and cannot be removed; leave it unrated instead");
    ASSERT_REFUSED(f, smb_forces_remove_driver(f, RI, "b"), SMB_ENOTFOUND,
                   "force 'rivalry' has no driver 'b'");
    ASSERT_REFUSED(f, smb_forces_remove_driver(f, SMB_FORCE_NONE, "a"), SMB_EINVAL,
                   "force: -1 is not a force");
    ASSERT_REFUSED(f, smb_forces_remove_driver(f, RI, NULL), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_remove_driver(NULL, RI, "a"), SMB_EINVAL, "forces: must not be NULL");

    /* The last driver of positive weight stays. */
    smb_forces *g = fresh();
    TH_OK(smb_forces_add_driver(g, SMB_FORCE_SUBSTITUTES, "only", "Only", NULL));
    size_t n = smb_forces_driver_count(g, SMB_FORCE_SUBSTITUTES);
    for (size_t i = 0; i + 1 < n; i++)
        TH_OK(smb_forces_set_driver_weight(
            g, SMB_FORCE_SUBSTITUTES,
            smb_driver_key(smb_forces_driver_at(g, SMB_FORCE_SUBSTITUTES, i)), 0.0));
    ASSERT_REFUSED(g, smb_forces_remove_driver(g, SMB_FORCE_SUBSTITUTES, "only"), SMB_EINVAL,
                   "substitutes/only cannot be removed: it is the only driver of positive weight");
    /* A custom driver of weight 0 may always go. */
    TH_OK(smb_forces_add_driver(g, SMB_FORCE_SUBSTITUTES, "zero", "Zero", NULL));
    TH_OK(smb_forces_set_driver_weight(g, SMB_FORCE_SUBSTITUTES, "zero", 0.0));
    TH_OK(smb_forces_remove_driver(g, SMB_FORCE_SUBSTITUTES, "zero"));
    smb_forces_free(g);
    smb_forces_free(f);
}
END_TEST

/* ---- copy and equality --------------------------------------------------- */

static smb_forces *filled(void)
{
    smb_forces *f = fresh();
    TH_OK(smb_forces_set_name(f, "Bakeries"));
    TH_OK(smb_forces_set_description(f, "Leeds, 2026"));
    TH_OK(smb_forces_set_force_weight(f, SMB_FORCE_BUYER_POWER, 1.5));
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 3.5));
    TH_OK(smb_forces_set_driver_weight(f, RI, "exit_barriers", 2.0));
    TH_OK(smb_forces_set_confidence(f, RI, "exit_barriers", 0.6));
    TH_OK(smb_forces_set_rationale(f, RI, "exit_barriers", "Long leases"));
    TH_OK(smb_forces_add_driver(f, RI, "delivery_apps", "Delivery apps", "Do they bite?"));
    TH_OK(smb_forces_set_rating(f, RI, "delivery_apps", 4.0));
    TH_OK(smb_forces_set_rationale(f, RI, "delivery_apps", "Two apps launched"));
    TH_OK(smb_forces_add_driver(f, NE, "dark_kitchens", "Dark kitchens", NULL));
    return f;
}

START_TEST(copy_is_deep_and_equal)
{
    smb_forces *f = filled();
    smb_forces *c = NULL;
    TH_OK(smb_forces_copy(f, &c));
    ck_assert(smb_forces_equal(f, c));
    ck_assert(smb_forces_equal(c, f));
    const smb_driver *d = smb_forces_find_driver(c, RI, "delivery_apps");
    ck_assert(smb_driver_is_custom(d));
    ck_assert_str_eq(smb_driver_question(d), "Do they bite?");
    ck_assert_ptr_ne(smb_driver_key(d), smb_driver_key(smb_forces_find_driver(f, RI, "delivery_apps")));
    /* Changing the copy leaves the original alone. */
    TH_OK(smb_forces_set_rationale(c, RI, "delivery_apps", "Three apps"));
    ck_assert(!smb_forces_equal(f, c));
    ck_assert_str_eq(smb_driver_rationale(smb_forces_find_driver(f, RI, "delivery_apps")),
                     "Two apps launched");
    smb_forces_free(f);
    /* The copy lives on its own. */
    ck_assert_str_eq(smb_driver_title(smb_forces_find_driver(c, RI, "delivery_apps")),
                     "Delivery apps");
    smb_forces_free(c);

    smb_forces *out = (smb_forces *)&out;
    TH_ASSERT_FAILS(smb_forces_copy(NULL, &out), SMB_EINVAL, "forces: must not be NULL");
    ck_assert_ptr_eq(out, (smb_forces *)&out);
    f = fresh();
    TH_ASSERT_FAILS(smb_forces_copy(f, NULL), SMB_EINVAL, "out: must not be NULL");
    TH_ASSERT_FAILS(smb_forces_new(NULL), SMB_EINVAL, "out: must not be NULL");
    smb_forces_free(f);
}
END_TEST

/* Each change to a filled assessment makes it differ from its copy. */
typedef smb_status (*change_fn)(smb_forces *);
static smb_status ch_name(smb_forces *f) { return smb_forces_set_name(f, "Other"); }
static smb_status ch_desc(smb_forces *f) { return smb_forces_set_description(f, NULL); }
static smb_status ch_fweight(smb_forces *f) { return smb_forces_set_force_weight(f, RI, 3.0); }
static smb_status ch_rating(smb_forces *f) { return smb_forces_set_rating(f, RI, "exit_barriers", 3.6); }
static smb_status ch_unrate(smb_forces *f) { return smb_forces_clear_rating(f, RI, "exit_barriers"); }
static smb_status ch_rate_new(smb_forces *f) { return smb_forces_set_rating(f, NE, "retaliation", 1.0); }
static smb_status ch_weight(smb_forces *f) { return smb_forces_set_driver_weight(f, RI, "exit_barriers", 1.0); }
static smb_status ch_conf(smb_forces *f) { return smb_forces_set_confidence(f, RI, "exit_barriers", 0.7); }
static smb_status ch_noconf(smb_forces *f) { return smb_forces_clear_confidence(f, RI, "exit_barriers"); }
static smb_status ch_why(smb_forces *f) { return smb_forces_set_rationale(f, RI, "exit_barriers", "Short leases"); }
static smb_status ch_nowhy(smb_forces *f) { return smb_forces_set_rationale(f, RI, "exit_barriers", NULL); }
static smb_status ch_add(smb_forces *f) { return smb_forces_add_driver(f, SMB_FORCE_SUBSTITUTES, "x", "X", NULL); }
static smb_status ch_remove(smb_forces *f) { return smb_forces_remove_driver(f, NE, "dark_kitchens"); }

START_TEST(equality_sees_every_field)
{
    static const change_fn changes[] = {ch_name, ch_desc, ch_fweight, ch_rating, ch_unrate,
                                        ch_rate_new, ch_weight, ch_conf, ch_noconf, ch_why,
                                        ch_nowhy, ch_add, ch_remove};
    smb_forces *base = filled();
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        smb_forces *c = NULL;
        TH_OK(smb_forces_copy(base, &c));
        TH_OK(changes[i](c));
        ck_assert_msg(!smb_forces_equal(base, c), "change %zu went unseen", i);
        smb_forces_free(c);
    }
    /* Same custom key, different title or question. */
    smb_forces *a = fresh(), *b = fresh();
    TH_OK(smb_forces_add_driver(a, RI, "k", "Title", "Q?"));
    TH_OK(smb_forces_add_driver(b, RI, "k", "Other", "Q?"));
    ck_assert(!smb_forces_equal(a, b));
    smb_forces_free(b);
    b = fresh();
    TH_OK(smb_forces_add_driver(b, RI, "k", "Title", "Other?"));
    ck_assert(!smb_forces_equal(a, b));
    smb_forces_free(b);
    /* The same drivers added in another order differ: order is part of the model. */
    smb_forces *x = fresh(), *y = fresh();
    TH_OK(smb_forces_add_driver(x, RI, "p", "P", NULL));
    TH_OK(smb_forces_add_driver(x, RI, "q", "Q", NULL));
    TH_OK(smb_forces_add_driver(y, RI, "q", "Q", NULL));
    TH_OK(smb_forces_add_driver(y, RI, "p", "P", NULL));
    ck_assert(!smb_forces_equal(x, y));
    smb_forces_free(x);
    smb_forces_free(y);

    ck_assert(smb_forces_equal(NULL, NULL));
    ck_assert(!smb_forces_equal(a, NULL));
    ck_assert(!smb_forces_equal(NULL, a));
    ck_assert(smb_forces_equal(a, a));
    smb_forces_free(a);
    smb_forces_free(base);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

START_TEST(new_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_new(&f), f == NULL, smb_forces_free(f), 2);
}
END_TEST

START_TEST(copy_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = filled();
    smb_forces *c = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_copy(f, &c), c == NULL,
                          (ck_assert(smb_forces_equal(f, c)), smb_forces_free(c)), 8);
    smb_forces_free(f);
}
END_TEST

START_TEST(add_driver_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = filled();
    smb_forces *snap = NULL;
    TH_OK(smb_forces_copy(f, &snap));
    TH_EACH_ALLOC_FAILURE(smb_forces_add_driver(f, RI, "farm_shops", "Farm shops", "Near?"),
                          smb_forces_equal(f, snap),
                          ck_assert_str_eq(smb_driver_title(smb_forces_find_driver(f, RI, "farm_shops")),
                                           "Farm shops"),
                          1);
    smb_forces_free(snap);
    smb_forces_free(f);
}
END_TEST

START_TEST(set_rationale_survives_every_allocation_failure)
{
    th_alloc_install(); /* before anything is allocated that the test frees */
    smb_forces *f = filled();
    smb_forces *snap = NULL;
    TH_OK(smb_forces_copy(f, &snap));
    TH_EACH_ALLOC_FAILURE(smb_forces_set_rationale(f, RI, "exit_barriers", "New reason"),
                          smb_forces_equal(f, snap),
                          ck_assert_str_eq(smb_driver_rationale(smb_forces_find_driver(f, RI, "exit_barriers")),
                                           "New reason"),
                          1);
    smb_forces_free(snap);
    TH_OK(smb_forces_copy(f, &snap));
    TH_EACH_ALLOC_FAILURE(smb_forces_set_name(f, "Renamed"), smb_forces_equal(f, snap),
                          ck_assert_str_eq(smb_forces_name(f), "Renamed"), 1);
    smb_forces_free(snap);
    smb_forces_free(f);
}
END_TEST

static Suite *forces_suite(void)
{
    Suite *s = suite_create("forces");
    TCase *keys = tcase_create("keys");
    tcase_add_test(keys, force_keys_round_trip);
    tcase_add_test(keys, band_keys_round_trip);
    suite_add_tcase(s, keys);

    TCase *cat = tcase_create("catalogue");
    tcase_add_test(cat, new_holds_the_standard_catalogue);
    tcase_add_test(cat, catalogue_keys_are_snake_case_and_unique_per_force);
    tcase_add_test(cat, lookups_outside_the_model);
    suite_add_tcase(s, cat);

    TCase *rate = tcase_create("ratings");
    tcase_add_test(rate, ratings_are_fractional_and_can_be_cleared);
    tcase_add_test(rate, bad_ratings_are_refused);
    tcase_add_test(rate, driver_weights);
    tcase_add_test(rate, bad_driver_weights_are_refused);
    tcase_add_test(rate, force_weights);
    tcase_add_test(rate, confidence);
    tcase_add_test(rate, rationale);
    tcase_add_test(rate, name_and_description);
    suite_add_tcase(s, rate);

    TCase *custom = tcase_create("custom drivers");
    tcase_add_test(custom, custom_drivers_are_added_last);
    tcase_add_test(custom, bad_custom_drivers_are_refused);
    tcase_add_test(custom, custom_driver_limit);
    tcase_add_test(custom, removing_drivers);
    suite_add_tcase(s, custom);

    TCase *copy = tcase_create("copy and equality");
    tcase_add_test(copy, copy_is_deep_and_equal);
    tcase_add_test(copy, equality_sees_every_field);
    suite_add_tcase(s, copy);

    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, new_survives_every_allocation_failure);
    tcase_add_test(mem, copy_survives_every_allocation_failure);
    tcase_add_test(mem, add_driver_survives_every_allocation_failure);
    tcase_add_test(mem, set_rationale_survives_every_allocation_failure);
    tcase_set_timeout(mem, 120);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(forces_suite());
}
