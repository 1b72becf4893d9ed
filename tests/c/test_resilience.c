/* SPDX-License-Identifier: MIT */
/* The resilience profile: capability keys, maturities, weights, rationales,
 * the resilience index, the weakest link and the relevant resilience R, and
 * every refusal leaving the profile as it was. */
#include <math.h>
#include <string.h>

#include "harness.h"

#define ADA SMB_CAPABILITY_ADAPTABILITY
#define AGI SMB_CAPABILITY_AGILITY
#define INN SMB_CAPABILITY_INNOVATION
#define CUS SMB_CAPABILITY_CUSTOMER_CENTRICITY
#define DAT SMB_CAPABILITY_DATA_DRIVEN
#define BIT SMB_CAPABILITY_BIT

static smb_resilience *fresh(void)
{
    smb_resilience *r = NULL;
    TH_OK(smb_resilience_new(&r));
    return r;
}

/* adaptability 4, agility 3, innovation 2, customer-centricity 5, data 1. */
static smb_resilience *sample(void)
{
    smb_resilience *r = fresh();
    static const double m[] = {4, 3, 2, 5, 1};
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        TH_OK(smb_resilience_set_maturity(r, (smb_capability)c, m[c]));
    return r;
}

/* Assert that `call` fails with `status` and a message containing `needle`,
 * and that the profile compares equal to a copy taken before the call. */
#define ASSERT_REFUSED(res, call, status, needle)                                      \
    do {                                                                               \
        smb_resilience *snap_ = NULL;                                                  \
        TH_OK(smb_resilience_copy((res), &snap_));                                     \
        TH_ASSERT_FAILS(call, status, needle);                                         \
        ck_assert_msg(smb_resilience_equal((res), snap_), "the profile changed");      \
        smb_resilience_free(snap_);                                                    \
    } while (0)

START_TEST(capability_keys_round_trip)
{
    static const char *const keys[] = {"adaptability", "agility", "innovation",
                                       "customer_centricity", "data_driven"};
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        ck_assert_str_eq(smb_capability_key((smb_capability)c), keys[c]);
        ck_assert_ptr_nonnull(smb_capability_title((smb_capability)c));
        smb_capability back = SMB_CAPABILITY_NONE;
        TH_OK(smb_capability_from_key(keys[c], &back));
        ck_assert_int_eq(back, c);
    }
    ck_assert_str_eq(smb_capability_title(DAT), "Data-driven decision making");
    ck_assert_ptr_null(smb_capability_key(SMB_CAPABILITY_NONE));
    ck_assert_ptr_null(smb_capability_key(SMB_CAPABILITY_COUNT));
    ck_assert_ptr_null(smb_capability_title((smb_capability)7));
    ck_assert_uint_eq(SMB_CAPABILITY_ALL, 0x1Fu);

    smb_capability out = AGI;
    TH_ASSERT_FAILS(smb_capability_from_key("resilience", &out), SMB_ENOTFOUND,
                    "no capability 'resilience'");
    ck_assert_int_eq(out, AGI);
    TH_ASSERT_FAILS(smb_capability_from_key(NULL, &out), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_capability_from_key("agility", NULL), SMB_EINVAL, "out: must not be NULL");
}
END_TEST

START_TEST(new_profile_is_zero_with_equal_weights)
{
    smb_resilience *r = fresh();
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        ck_assert_double_eq(smb_resilience_maturity(r, (smb_capability)c), 0.0);
        ck_assert_double_eq(smb_resilience_weight(r, (smb_capability)c), 1.0);
        ck_assert_ptr_null(smb_resilience_rationale(r, (smb_capability)c));
    }
    double index = -1;
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq(index, 0.0);
    /* Outside the model: NULL and invalid capabilities read as 0 / NULL. */
    ck_assert_double_eq(smb_resilience_maturity(NULL, ADA), 0.0);
    ck_assert_double_eq(smb_resilience_maturity(r, SMB_CAPABILITY_COUNT), 0.0);
    ck_assert_double_eq(smb_resilience_weight(r, SMB_CAPABILITY_NONE), 0.0);
    ck_assert_ptr_null(smb_resilience_rationale(r, (smb_capability)9));
    TH_ASSERT_FAILS(smb_resilience_new(NULL), SMB_EINVAL, "out: must not be NULL");
    smb_resilience_free(r);
    smb_resilience_free(NULL);
}
END_TEST

START_TEST(index_is_the_weighted_mean_over_five)
{
    smb_resilience *r = sample();
    double index = 0;
    /* (4 + 3 + 2 + 5 + 1) / 5 = 15 / 5 = 3; 3 / 5 = 0.6 */
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 0.6, 1e-12);
    /* adaptability weight 2: (2*4 + 3 + 2 + 5 + 1) / 6 = 19 / 6; / 5 = 19 / 30 */
    TH_OK(smb_resilience_set_weight(r, ADA, 2));
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 19.0 / 30.0, 1e-12);
    /* customer-centricity weight 0 as well: (8 + 3 + 2 + 1) / 5 = 14 / 5 = 2.8; / 5 = 0.56 */
    TH_OK(smb_resilience_set_weight(r, CUS, 0));
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 0.56, 1e-12);
    /* Fractional maturities: agility 3.5 -> (8 + 3.5 + 2 + 1) / 5 = 2.9; / 5 = 0.58 */
    TH_OK(smb_resilience_set_maturity(r, AGI, 3.5));
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 0.58, 1e-12);
    /* All at 5: 1 exactly. */
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        TH_OK(smb_resilience_set_maturity(r, (smb_capability)c, 5));
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq(index, 1.0);

    double untouched = 42;
    TH_ASSERT_FAILS(smb_resilience_index(NULL, &untouched), SMB_EINVAL, "resilience");
    TH_ASSERT_FAILS(smb_resilience_index(r, NULL), SMB_EINVAL, "out");
    ck_assert_double_eq(untouched, 42);
    smb_resilience_free(r);
}
END_TEST

START_TEST(weakest_link_is_the_lowest_counted_maturity)
{
    smb_resilience *r = sample();
    double w = 0;
    smb_capability which = SMB_CAPABILITY_NONE;
    /* The lowest maturity is data_driven's 1: 1 / 5 = 0.2. */
    TH_OK(smb_resilience_weakest_link(r, &w, &which));
    ck_assert_double_eq_tol(w, 0.2, 1e-12);
    ck_assert_int_eq(which, DAT);
    /* Weight 0 leaves data_driven out: next lowest is innovation's 2 -> 0.4. */
    TH_OK(smb_resilience_set_weight(r, DAT, 0));
    TH_OK(smb_resilience_weakest_link(r, &w, NULL));
    ck_assert_double_eq_tol(w, 0.4, 1e-12);
    /* A tie (agility lowered to 2) names the first in capability order. */
    TH_OK(smb_resilience_set_maturity(r, AGI, 2));
    TH_OK(smb_resilience_weakest_link(r, &w, &which));
    ck_assert_double_eq_tol(w, 0.4, 1e-12);
    ck_assert_int_eq(which, AGI);
    TH_ASSERT_FAILS(smb_resilience_weakest_link(r, NULL, &which), SMB_EINVAL, "out");
    TH_ASSERT_FAILS(smb_resilience_weakest_link(NULL, &w, &which), SMB_EINVAL, "resilience");
    smb_resilience_free(r);
}
END_TEST

START_TEST(relevant_resilience_is_the_plain_mean_of_the_set)
{
    smb_resilience *r = sample();
    double R = 0;
    /* innovation 2, data_driven 1, agility 3: (2 + 1 + 3) / 3 = 2; 2 / 5 = 0.4 */
    TH_OK(smb_resilience_relevant(r, BIT(INN) | BIT(DAT) | BIT(AGI), &R));
    ck_assert_double_eq_tol(R, 0.4, 1e-12);
    /* Capability weights do not enter R: weighting innovation 10 changes nothing. */
    TH_OK(smb_resilience_set_weight(r, INN, 10));
    TH_OK(smb_resilience_relevant(r, BIT(INN) | BIT(DAT) | BIT(AGI), &R));
    ck_assert_double_eq_tol(R, 0.4, 1e-12);
    /* customer_centricity alone: 5 / 5 = 1 */
    TH_OK(smb_resilience_relevant(r, BIT(CUS), &R));
    ck_assert_double_eq(R, 1.0);
    /* No profile: every maturity counts as 0. */
    TH_OK(smb_resilience_relevant(NULL, SMB_CAPABILITY_ALL, &R));
    ck_assert_double_eq(R, 0.0);

    R = 7;
    TH_ASSERT_FAILS(smb_resilience_relevant(r, 0, &R), SMB_EINVAL,
                    "capabilities: must name at least one capability");
    TH_ASSERT_FAILS(smb_resilience_relevant(r, 0x40, &R), SMB_EINVAL, "unknown capability bits 0x40");
    TH_ASSERT_FAILS(smb_resilience_relevant(r, BIT(ADA), NULL), SMB_EINVAL, "out");
    ck_assert_double_eq(R, 7);
    smb_resilience_free(r);
}
END_TEST

START_TEST(bad_maturities_are_refused)
{
    smb_resilience *r = sample();
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, AGI, 5.1), SMB_ERANGE,
                   "agility maturity: must be a number from 0 to 5, got 5.1");
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, AGI, -0.1), SMB_ERANGE, "agility maturity");
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, INN, NAN), SMB_ERANGE, "innovation maturity");
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, INN, INFINITY), SMB_ERANGE, "innovation maturity");
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, SMB_CAPABILITY_COUNT, 3), SMB_EINVAL,
                   "capability: 5 is not a capability");
    ASSERT_REFUSED(r, smb_resilience_set_maturity(r, SMB_CAPABILITY_NONE, 3), SMB_EINVAL,
                   "capability: -1 is not a capability");
    TH_ASSERT_FAILS(smb_resilience_set_maturity(NULL, AGI, 3), SMB_EINVAL,
                    "resilience: must not be NULL");
    /* The edges are accepted. */
    TH_OK(smb_resilience_set_maturity(r, AGI, 0));
    TH_OK(smb_resilience_set_maturity(r, AGI, 5));
    ck_assert_double_eq(smb_resilience_maturity(r, AGI), 5);
    smb_resilience_free(r);
}
END_TEST

START_TEST(bad_weights_are_refused)
{
    smb_resilience *r = sample();
    ASSERT_REFUSED(r, smb_resilience_set_weight(r, ADA, -1), SMB_ERANGE,
                   "adaptability weight: must be a finite number from 0 to 1e+06, got -1");
    ASSERT_REFUSED(r, smb_resilience_set_weight(r, ADA, NAN), SMB_ERANGE, "adaptability weight");
    ASSERT_REFUSED(r, smb_resilience_set_weight(r, ADA, 2e6), SMB_ERANGE, "adaptability weight");
    for (int c = 0; c < SMB_CAPABILITY_COUNT - 1; c++)
        TH_OK(smb_resilience_set_weight(r, (smb_capability)c, 0));
    ASSERT_REFUSED(r, smb_resilience_set_weight(r, DAT, 0), SMB_ERANGE,
                   "data_driven weight: 0 would leave every capability with weight 0");
    /* With only data_driven counting, the index is its maturity: 1 / 5. */
    double index = 0;
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 0.2, 1e-12);
    smb_resilience_free(r);
}
END_TEST

START_TEST(rationales)
{
    smb_resilience *r = sample();
    TH_OK(smb_resilience_set_rationale(r, AGI, "We reprice within a day"));
    ck_assert_str_eq(smb_resilience_rationale(r, AGI), "We reprice within a day");
    ASSERT_REFUSED(r, smb_resilience_set_rationale(r, AGI, "bad \xC3\x28 bytes"), SMB_EINVAL,
                   "agility rationale: not valid UTF-8");
    ck_assert_str_eq(smb_resilience_rationale(r, AGI), "We reprice within a day");
    ASSERT_REFUSED(r, smb_resilience_set_rationale(r, (smb_capability)8, "x"), SMB_EINVAL,
                   "capability: 8 is not a capability");
    TH_OK(smb_resilience_set_rationale(r, AGI, ""));
    ck_assert_ptr_null(smb_resilience_rationale(r, AGI));
    TH_OK(smb_resilience_set_rationale(r, AGI, "again"));
    TH_OK(smb_resilience_set_rationale(r, AGI, NULL));
    ck_assert_ptr_null(smb_resilience_rationale(r, AGI));
    smb_resilience_free(r);
}
END_TEST

START_TEST(copy_and_equality_see_every_field)
{
    smb_resilience *a = sample(), *b = NULL;
    TH_OK(smb_resilience_set_rationale(a, CUS, "Regulars know us by name"));
    TH_OK(smb_resilience_copy(a, &b));
    ck_assert(smb_resilience_equal(a, b));
    ck_assert_ptr_ne(smb_resilience_rationale(a, CUS), smb_resilience_rationale(b, CUS));

    TH_OK(smb_resilience_set_maturity(b, CUS, 4.5));
    ck_assert(!smb_resilience_equal(a, b));
    TH_OK(smb_resilience_set_maturity(b, CUS, 5));
    ck_assert(smb_resilience_equal(a, b));
    TH_OK(smb_resilience_set_weight(b, CUS, 3));
    ck_assert(!smb_resilience_equal(a, b));
    TH_OK(smb_resilience_set_weight(b, CUS, 1));
    TH_OK(smb_resilience_set_rationale(b, CUS, "Different"));
    ck_assert(!smb_resilience_equal(a, b));
    TH_OK(smb_resilience_set_rationale(b, CUS, NULL));
    ck_assert(!smb_resilience_equal(a, b));
    ck_assert(!smb_resilience_equal(a, NULL));
    ck_assert(smb_resilience_equal(NULL, NULL));

    smb_resilience *untouched = b;
    TH_ASSERT_FAILS(smb_resilience_copy(NULL, &untouched), SMB_EINVAL, "resilience");
    TH_ASSERT_FAILS(smb_resilience_copy(a, NULL), SMB_EINVAL, "out");
    ck_assert_ptr_eq(untouched, b);
    smb_resilience_free(a);
    smb_resilience_free(b);
}
END_TEST

START_TEST(allocation_failures)
{
    th_alloc_install();
    smb_resilience *r = NULL;
    TH_EACH_ALLOC_FAILURE(smb_resilience_new(&r), r == NULL, (void)0, 1);

    TH_OK(smb_resilience_set_rationale(r, ADA, "first"));
    TH_OK(smb_resilience_set_rationale(r, DAT, "second"));
    smb_resilience *c = NULL;
    TH_EACH_ALLOC_FAILURE(smb_resilience_copy(r, &c), c == NULL,
                          ck_assert(smb_resilience_equal(r, c)), 3);

    TH_EACH_ALLOC_FAILURE(smb_resilience_set_rationale(r, INN, "third"),
                          smb_resilience_equal(r, c),
                          ck_assert_str_eq(smb_resilience_rationale(r, INN), "third"), 1);
    smb_resilience_free(c);
    smb_resilience_free(r);
}
END_TEST

static Suite *resilience_suite(void)
{
    Suite *s = suite_create("resilience");
    TCase *keys = tcase_create("keys");
    tcase_add_test(keys, capability_keys_round_trip);
    suite_add_tcase(s, keys);

    TCase *model = tcase_create("profile");
    tcase_add_test(model, new_profile_is_zero_with_equal_weights);
    tcase_add_test(model, bad_maturities_are_refused);
    tcase_add_test(model, bad_weights_are_refused);
    tcase_add_test(model, rationales);
    tcase_add_test(model, copy_and_equality_see_every_field);
    suite_add_tcase(s, model);

    TCase *idx = tcase_create("indices");
    tcase_add_test(idx, index_is_the_weighted_mean_over_five);
    tcase_add_test(idx, weakest_link_is_the_lowest_counted_maturity);
    tcase_add_test(idx, relevant_resilience_is_the_plain_mean_of_the_set);
    suite_add_tcase(s, idx);

    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, allocation_failures);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(resilience_suite());
}
