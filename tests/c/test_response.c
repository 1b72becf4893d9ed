/* SPDX-License-Identifier: MIT */
/* Responses: keys, the model and every refusal leaving the set as it was,
 * criteria and their weights (AHP included), residual exposure worked out by
 * hand, and the multi-criteria ranking worked out by hand. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)

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

static smb_responses *fresh(void)
{
    smb_responses *set = NULL;
    TH_OK(smb_responses_new(&set));
    return set;
}

/* Assert that `call` fails with `status` and a message containing `needle`,
 * and that the set compares equal to a copy taken before the call. */
#define ASSERT_REFUSED(set, call, status, needle)                                    \
    do {                                                                          \
        smb_responses *snap_ = NULL;                                              \
        TH_OK(smb_responses_copy((set), &snap_));                                 \
        TH_ASSERT_FAILS(call, status, needle);                                    \
        ck_assert_msg(smb_responses_equal((set), snap_), "the set changed");      \
        smb_responses_free(snap_);                                                \
    } while (0)

/*
 * The worked example shared by the residual and ranking tests.
 *
 * Scenarios (mitigation m = 0.5, the default):
 *   giants  technology, threat, p 0.6, impact 4; mitigated by innovation,
 *           data_driven, agility
 *   wage    economic, threat, p 0.5, impact 3; mitigated by adaptability, agility
 *   subs    business_model, opportunity, p 0.4, impact 2 (takes no part)
 * Resilience: adaptability 4, agility 3, innovation 2, customer_centricity 0,
 *             data_driven 1.
 *   giants: R = (2 + 1 + 3)/3/5 = 0.4, v = 1 - 0.5*0.4 = 0.8,
 *           exposure = 0.6 * 4 * 0.8 = 1.92
 *   wage:   R = (4 + 3)/2/5 = 0.7, v = 1 - 0.35 = 0.65,
 *           exposure = 0.5 * 3 * 0.65 = 0.975
 *   base total = 2.895
 * Responses:
 *   web    digital_channel, cost 8000, 3 months; giants: likelihood -50 %,
 *          impact -25 %
 *   auto   automation, cost 5000, 6 months; wage: impact -40 %;
 *          giants: likelihood -20 %
 *   train  capability_building, cost 2000, 2 months; innovation +4,
 *          agility +1
 */
typedef struct world {
    smb_scenarios *scenarios;
    smb_resilience *resilience;
    smb_responses *responses;
} world;

static world make_world(void)
{
    world w = {0};
    TH_OK(smb_scenarios_new(&w.scenarios));
    TH_OK(smb_scenarios_add(w.scenarios, "giants", "E-commerce giants", SMB_SOURCE_TECHNOLOGY,
                            SMB_DIRECTION_THREAT, 0.6, 4));
    TH_OK(smb_scenarios_add(w.scenarios, "wage", "Minimum wage rises", SMB_SOURCE_ECONOMIC,
                            SMB_DIRECTION_THREAT, 0.5, 3));
    TH_OK(smb_scenarios_add(w.scenarios, "subs", "Launch a bread subscription",
                            SMB_SOURCE_BUSINESS_MODEL, SMB_DIRECTION_OPPORTUNITY, 0.4, 2));
    TH_OK(smb_resilience_new(&w.resilience));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_ADAPTABILITY, 4));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_AGILITY, 3));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_INNOVATION, 2));
    TH_OK(smb_resilience_set_maturity(w.resilience, SMB_CAPABILITY_DATA_DRIVEN, 1));
    w.responses = fresh();
    TH_OK(smb_responses_add(w.responses, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL,
                            8000, 3));
    TH_OK(smb_responses_set_effect(w.responses, "web", "giants", 0.5, 0.25));
    TH_OK(smb_responses_add(w.responses, "auto", "Automate the bakehouse",
                            SMB_RESPONSE_AUTOMATION, 5000, 6));
    TH_OK(smb_responses_set_effect(w.responses, "auto", "wage", 0, 0.4));
    TH_OK(smb_responses_set_effect(w.responses, "auto", "giants", 0.2, 0));
    TH_OK(smb_responses_add(w.responses, "train", "Staff training and analytics",
                            SMB_RESPONSE_CAPABILITY_BUILDING, 2000, 2));
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

static smb_residual *residual_of(const world *w, const char *const *ids, size_t count)
{
    smb_residual *r = NULL;
    TH_OK(smb_responses_residual(w->responses, w->scenarios, w->resilience, ids, count, &r));
    return r;
}

/* ---- keys ---------------------------------------------------------------- */

START_TEST(keys_round_trip)
{
    static const char *const kinds[] = {"digital_channel", "automation", "personalisation",
                                        "business_model", "partnership", "capability_building"};
    for (int k = 0; k < SMB_RESPONSE_KIND_COUNT; k++) {
        ck_assert_str_eq(smb_response_kind_key((smb_response_kind)k), kinds[k]);
        ck_assert_ptr_nonnull(smb_response_kind_title((smb_response_kind)k));
        smb_response_kind back = SMB_RESPONSE_KIND_NONE;
        TH_OK(smb_response_kind_from_key(kinds[k], &back));
        ck_assert_int_eq(back, k);
    }
    ck_assert_str_eq(smb_response_kind_title(SMB_RESPONSE_BUSINESS_MODEL), "Business-model change");
    ck_assert_ptr_null(smb_response_kind_key(SMB_RESPONSE_KIND_NONE));
    ck_assert_ptr_null(smb_response_kind_title(SMB_RESPONSE_KIND_COUNT));
    smb_response_kind kind = SMB_RESPONSE_AUTOMATION;
    TH_ASSERT_FAILS(smb_response_kind_from_key("e-commerce", &kind), SMB_ENOTFOUND,
                    "no response kind 'e-commerce' (digital_channel, automation");
    ck_assert_int_eq(kind, SMB_RESPONSE_AUTOMATION);
    TH_ASSERT_FAILS(smb_response_kind_from_key(NULL, &kind), SMB_EINVAL, "key: must not be NULL");
    TH_ASSERT_FAILS(smb_response_kind_from_key("automation", NULL), SMB_EINVAL,
                    "out: must not be NULL");

    static const char *const ideas[] = {"feasibility", "viability", "desirability",
                                        "strategic_alignment"};
    for (int c = 0; c < SMB_IDEA_COUNT; c++) {
        ck_assert_str_eq(smb_idea_criterion_key((smb_idea_criterion)c), ideas[c]);
        smb_idea_criterion back = SMB_IDEA_NONE;
        TH_OK(smb_idea_criterion_from_key(ideas[c], &back));
        ck_assert_int_eq(back, c);
    }
    ck_assert_ptr_null(smb_idea_criterion_key(SMB_IDEA_COUNT));
    smb_idea_criterion idea;
    TH_ASSERT_FAILS(smb_idea_criterion_from_key("cost", &idea), SMB_ENOTFOUND,
                    "no idea criterion 'cost'");

    ck_assert_str_eq(smb_rank_method_key(SMB_RANK_WEIGHTED_SUM), "weighted_sum");
    ck_assert_str_eq(smb_rank_method_key(SMB_RANK_TOPSIS), "topsis");
    ck_assert_ptr_null(smb_rank_method_key(SMB_RANK_NONE));
    smb_rank_method method = SMB_RANK_NONE;
    TH_OK(smb_rank_method_from_key("topsis", &method));
    ck_assert_int_eq(method, SMB_RANK_TOPSIS);
    TH_ASSERT_FAILS(smb_rank_method_from_key("ahp", &method), SMB_ENOTFOUND,
                    "no ranking method 'ahp' (weighted_sum, topsis)");
    ck_assert_str_eq(smb_plan_method_key(SMB_PLAN_EXACT), "exact");
    ck_assert_str_eq(smb_plan_method_key(SMB_PLAN_GREEDY), "greedy");
    ck_assert_ptr_null(smb_plan_method_key(SMB_PLAN_METHOD_COUNT));
}
END_TEST

/* ---- the model ----------------------------------------------------------- */

START_TEST(new_set_holds_the_builtin_criteria)
{
    static const char *const keys[] = {"exposure_reduction", "cost", "months", "feasibility",
                                       "viability", "desirability", "strategic_alignment"};
    static const smb_criterion_direction dirs[] = {
        SMB_CRITERION_BENEFIT, SMB_CRITERION_COST,    SMB_CRITERION_COST,   SMB_CRITERION_BENEFIT,
        SMB_CRITERION_BENEFIT, SMB_CRITERION_BENEFIT, SMB_CRITERION_BENEFIT};
    smb_responses *set = fresh();
    ck_assert_uint_eq(smb_responses_count(set), 0);
    ck_assert_uint_eq(smb_responses_criterion_count(set), SMB_BUILTIN_CRITERIA);
    for (size_t k = 0; k < SMB_BUILTIN_CRITERIA; k++) {
        ck_assert_str_eq(smb_responses_criterion_key(set, k), keys[k]);
        ck_assert_ptr_nonnull(smb_responses_criterion_title(set, k));
        ck_assert_int_eq(smb_responses_criterion_direction(set, k), dirs[k]);
        ck_assert_double_eq(smb_responses_criterion_weight(set, k), 1.0);
        ck_assert_int_eq(smb_responses_criterion_is_custom(set, k), 0);
        size_t at = 99;
        TH_OK(smb_responses_find_criterion(set, keys[k], &at));
        ck_assert_uint_eq(at, k);
    }
    ck_assert_str_eq(smb_responses_criterion_title(set, 2), "Months to implement");
    ck_assert_ptr_null(smb_responses_criterion_key(set, 7));
    ck_assert_int_eq(smb_responses_criterion_direction(set, 7), SMB_CRITERION_DIRECTION_NONE);
    ck_assert_double_eq(smb_responses_criterion_weight(set, 7), 0.0);
    size_t at = 99;
    TH_ASSERT_FAILS(smb_responses_find_criterion(set, "price", &at), SMB_ENOTFOUND,
                    "no criterion 'price'");
    ck_assert_uint_eq(at, 99);
    TH_ASSERT_FAILS(smb_responses_new(NULL), SMB_EINVAL, "out: must not be NULL");
    smb_responses_free(set);
    smb_responses_free(NULL);
}
END_TEST

START_TEST(add_and_read_a_response)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    TH_OK(smb_responses_add(set, "free", "Free thing", SMB_RESPONSE_PARTNERSHIP, 0, 0));
    ck_assert_uint_eq(smb_responses_count(set), 2);
    const smb_response *r = smb_responses_find(set, "web");
    ck_assert_ptr_eq(r, smb_responses_at(set, 0));
    ck_assert_str_eq(smb_response_id(r), "web");
    ck_assert_str_eq(smb_response_title(r), "Online shop");
    ck_assert_ptr_null(smb_response_description(r));
    ck_assert_int_eq(smb_response_kind_of(r), SMB_RESPONSE_DIGITAL_CHANNEL);
    ck_assert_double_eq(smb_response_cost(r), 8000);
    ck_assert_double_eq(smb_response_months(r), 3);
    ck_assert_uint_eq(smb_response_index(r), 0);
    for (int c = 0; c < SMB_IDEA_COUNT; c++)
        ck_assert_double_eq(smb_response_rating(r, (smb_idea_criterion)c), 3.0);
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        ck_assert_double_eq(smb_response_gain(r, (smb_capability)c), 0.0);
    ck_assert_uint_eq(smb_response_effect_count(r), 0);
    ck_assert_ptr_null(smb_response_effect_at(r, 0));
    ck_assert_double_eq(smb_response_rating(r, SMB_IDEA_COUNT), 0.0);
    ck_assert_double_eq(smb_response_gain(r, SMB_CAPABILITY_NONE), 0.0);
    ck_assert_uint_eq(smb_response_index(smb_responses_at(set, 1)), 1);
    ck_assert_ptr_null(smb_responses_at(set, 2));
    ck_assert_ptr_null(smb_responses_find(set, "nope"));
    const smb_response *got = NULL;
    TH_OK(smb_responses_get(set, "free", &got));
    ck_assert_str_eq(smb_response_id(got), "free");
    TH_ASSERT_FAILS(smb_responses_get(set, "nope", &got), SMB_ENOTFOUND, "no response 'nope'");
    ck_assert_str_eq(smb_response_id(got), "free");
    /* NULL handles read as empty. */
    ck_assert_ptr_null(smb_response_id(NULL));
    ck_assert_uint_eq(smb_responses_count(NULL), 0);
    ck_assert_int_eq(smb_response_kind_of(NULL), SMB_RESPONSE_KIND_NONE);
    smb_responses_free(set);
}
END_TEST

START_TEST(add_refusals_leave_the_set_unchanged)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    ASSERT_REFUSED(set, smb_responses_add(set, "web", "Again", SMB_RESPONSE_AUTOMATION, 1, 1),
                   SMB_EEXIST, "response id 'web' is already taken");
    ASSERT_REFUSED(set, smb_responses_add(set, "bad id", "X", SMB_RESPONSE_AUTOMATION, 1, 1),
                   SMB_EINVAL, "id");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "", SMB_RESPONSE_AUTOMATION, 1, 1),
                   SMB_EINVAL, "response 'x' title: must not be empty");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "\xff\xfe", SMB_RESPONSE_AUTOMATION, 1, 1),
                   SMB_EINVAL, "response 'x' title: not valid UTF-8");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", (smb_response_kind)6, 1, 1), SMB_EINVAL,
                   "response 'x' kind: 6 is not valid (0 to 5)");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", SMB_RESPONSE_AUTOMATION, -5, 1),
                   SMB_ERANGE, "response 'x' cost: must be a finite number from 0 to 1e+15, got -5");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", SMB_RESPONSE_AUTOMATION, NAN, 1),
                   SMB_ERANGE, "response 'x' cost: must be a finite number from 0 to 1e+15, got nan");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", SMB_RESPONSE_AUTOMATION, 2e15, 1),
                   SMB_ERANGE, "response 'x' cost");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", SMB_RESPONSE_AUTOMATION, 1, 1201),
                   SMB_ERANGE, "response 'x' months: must be a finite number from 0 to 1200, got 1201");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", "X", SMB_RESPONSE_AUTOMATION, 1, -0.5),
                   SMB_ERANGE, "response 'x' months");
    ASSERT_REFUSED(set, smb_responses_add(set, "x", NULL, SMB_RESPONSE_AUTOMATION, 1, 1),
                   SMB_EINVAL, "response 'x' title: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_add(NULL, "x", "X", SMB_RESPONSE_AUTOMATION, 1, 1), SMB_EINVAL,
                    "set: must not be NULL");
    ck_assert_uint_eq(smb_responses_count(set), 1);
    smb_responses_free(set);
}
END_TEST

START_TEST(setters_change_one_field)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    TH_OK(smb_responses_set_title(set, "web", "Web shop"));
    TH_OK(smb_responses_set_description(set, "web", "Orders online, collect in store"));
    TH_OK(smb_responses_set_kind(set, "web", SMB_RESPONSE_PERSONALISATION));
    TH_OK(smb_responses_set_cost(set, "web", 0));
    TH_OK(smb_responses_set_months(set, "web", 12.5));
    TH_OK(smb_responses_set_rating(set, "web", SMB_IDEA_DESIRABILITY, 4.5));
    TH_OK(smb_responses_set_gain(set, "web", SMB_CAPABILITY_CUSTOMER_CENTRICITY, 1.5));
    const smb_response *r = smb_responses_find(set, "web");
    ck_assert_str_eq(smb_response_title(r), "Web shop");
    ck_assert_str_eq(smb_response_description(r), "Orders online, collect in store");
    ck_assert_int_eq(smb_response_kind_of(r), SMB_RESPONSE_PERSONALISATION);
    ck_assert_double_eq(smb_response_cost(r), 0);
    ck_assert_double_eq(smb_response_months(r), 12.5);
    ck_assert_double_eq(smb_response_rating(r, SMB_IDEA_DESIRABILITY), 4.5);
    ck_assert_double_eq(smb_response_rating(r, SMB_IDEA_FEASIBILITY), 3.0);
    ck_assert_double_eq(smb_response_gain(r, SMB_CAPABILITY_CUSTOMER_CENTRICITY), 1.5);
    TH_OK(smb_responses_set_description(set, "web", NULL));
    ck_assert_ptr_null(smb_response_description(smb_responses_find(set, "web")));
    TH_OK(smb_responses_set_description(set, "web", "again"));
    TH_OK(smb_responses_set_description(set, "web", ""));
    ck_assert_ptr_null(smb_response_description(smb_responses_find(set, "web")));
    smb_responses_free(set);
}
END_TEST

START_TEST(setter_refusals_leave_the_set_unchanged)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    ASSERT_REFUSED(set, smb_responses_set_title(set, "nope", "X"), SMB_ENOTFOUND, "no response 'nope'");
    ASSERT_REFUSED(set, smb_responses_set_title(set, "web", ""), SMB_EINVAL,
                   "response 'web' title: must not be empty");
    ASSERT_REFUSED(set, smb_responses_set_title(set, "web", NULL), SMB_EINVAL,
                   "response 'web' title: must not be NULL");
    ASSERT_REFUSED(set, smb_responses_set_description(set, "web", "\xc3"), SMB_EINVAL,
                   "response 'web' description: not valid UTF-8");
    ASSERT_REFUSED(set, smb_responses_set_kind(set, "web", SMB_RESPONSE_KIND_NONE), SMB_EINVAL,
                   "response 'web' kind: -1 is not valid");
    ASSERT_REFUSED(set, smb_responses_set_cost(set, "web", -1), SMB_ERANGE,
                   "response 'web' cost: must be a finite number from 0 to 1e+15, got -1");
    ASSERT_REFUSED(set, smb_responses_set_cost(set, "web", INFINITY), SMB_ERANGE,
                   "response 'web' cost");
    ASSERT_REFUSED(set, smb_responses_set_months(set, "web", NAN), SMB_ERANGE,
                   "response 'web' months");
    ASSERT_REFUSED(set, smb_responses_set_rating(set, "web", SMB_IDEA_FEASIBILITY, 6), SMB_ERANGE,
                   "response 'web' feasibility: must be a finite number from 1 to 5, got 6");
    ASSERT_REFUSED(set, smb_responses_set_rating(set, "web", SMB_IDEA_STRATEGIC_ALIGNMENT, 0.5),
                   SMB_ERANGE, "response 'web' strategic_alignment");
    ASSERT_REFUSED(set, smb_responses_set_rating(set, "web", SMB_IDEA_COUNT, 3), SMB_EINVAL,
                   "response 'web' idea criterion: 4 is not valid (0 to 3)");
    ASSERT_REFUSED(set, smb_responses_set_gain(set, "web", SMB_CAPABILITY_AGILITY, 5.5), SMB_ERANGE,
                   "response 'web' gain.agility: must be a finite number from 0 to 5, got 5.5");
    ASSERT_REFUSED(set, smb_responses_set_gain(set, "web", SMB_CAPABILITY_AGILITY, -1), SMB_ERANGE,
                   "response 'web' gain.agility");
    ASSERT_REFUSED(set, smb_responses_set_gain(set, "web", SMB_CAPABILITY_COUNT, 1), SMB_EINVAL,
                   "response 'web' capability: 5 is not valid (0 to 4)");
    ASSERT_REFUSED(set, smb_responses_set_cost(NULL, "web", 1), SMB_EINVAL, "set: must not be NULL");
    ASSERT_REFUSED(set, smb_responses_set_cost(set, NULL, 1), SMB_EINVAL, "id: must not be NULL");
    ASSERT_REFUSED(set, smb_responses_remove(set, "nope"), SMB_ENOTFOUND, "no response 'nope'");
    smb_responses_free(set);
}
END_TEST

START_TEST(effects_are_set_replaced_and_removed)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    TH_OK(smb_responses_set_effect(set, "web", "giants", 0.5, 0.25));
    TH_OK(smb_responses_set_effect(set, "web", "apps", 0, 1));
    TH_OK(smb_responses_set_effect(set, "web", "giants", 0.3, 0)); /* replaces, keeps its place */
    const smb_response *r = smb_responses_find(set, "web");
    ck_assert_uint_eq(smb_response_effect_count(r), 2);
    const smb_response_effect *e = smb_response_effect_at(r, 0);
    ck_assert_str_eq(e->scenario, "giants");
    ck_assert_double_eq(e->likelihood_reduction, 0.3);
    ck_assert_double_eq(e->impact_reduction, 0);
    ck_assert_ptr_eq(smb_response_find_effect(r, "apps"), smb_response_effect_at(r, 1));
    ck_assert_double_eq(smb_response_find_effect(r, "apps")->impact_reduction, 1);
    ck_assert_ptr_null(smb_response_find_effect(r, "nope"));

    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "giants", 1.5, 0), SMB_ERANGE,
                   "response 'web' effect on 'giants' likelihood_reduction: must be a finite number from 0 to 1, got 1.5");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "new", 0, -0.1), SMB_ERANGE,
                   "response 'web' effect on 'new' impact_reduction: must be a finite number from 0 to 1, got -0.1");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "new", NAN, 0), SMB_ERANGE,
                   "likelihood_reduction");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "", 0.1, 0), SMB_EINVAL,
                   "response 'web' effect: scenario id: must not be empty");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "a b", 0.1, 0), SMB_EINVAL,
                   "response 'web' effect: scenario id");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", NULL, 0.1, 0), SMB_EINVAL,
                   "response 'web' effect: scenario id: must not be NULL");
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "nope", "giants", 0.1, 0), SMB_ENOTFOUND,
                   "no response 'nope'");
    ASSERT_REFUSED(set, smb_responses_remove_effect(set, "web", "wage"), SMB_ENOTFOUND,
                   "response 'web' has no effect on scenario 'wage'");

    TH_OK(smb_responses_remove_effect(set, "web", "giants"));
    r = smb_responses_find(set, "web");
    ck_assert_uint_eq(smb_response_effect_count(r), 1);
    ck_assert_str_eq(smb_response_effect_at(r, 0)->scenario, "apps");
    smb_responses_free(set);
}
END_TEST

START_TEST(effect_limit)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "web", "Online shop", SMB_RESPONSE_DIGITAL_CHANNEL, 8000, 3));
    char id[32];
    for (int i = 0; i < SMB_MAX_RESPONSE_EFFECTS; i++) {
        snprintf(id, sizeof id, "s%d", i);
        TH_OK(smb_responses_set_effect(set, "web", id, 0.1, 0.1));
    }
    ASSERT_REFUSED(set, smb_responses_set_effect(set, "web", "one-more", 0.1, 0.1), SMB_ELIMIT,
                   "response 'web': already has effects on 1024 scenarios, the most allowed");
    /* Replacing an existing effect is still allowed at the limit. */
    TH_OK(smb_responses_set_effect(set, "web", "s7", 0.9, 0.1));
    /* The ids survived every move of the array. */
    const smb_response *r = smb_responses_find(set, "web");
    for (size_t i = 0; i < SMB_MAX_RESPONSE_EFFECTS; i++) {
        snprintf(id, sizeof id, "s%zu", i);
        ck_assert_str_eq(smb_response_effect_at(r, i)->scenario, id);
    }
    smb_responses_free(set);
}
END_TEST

START_TEST(response_limit)
{
    smb_responses *set = fresh();
    char id[32];
    for (int i = 0; i < SMB_MAX_RESPONSES; i++) {
        snprintf(id, sizeof id, "r%d", i);
        TH_OK(smb_responses_add(set, id, "A response", SMB_RESPONSE_AUTOMATION, 1, 1));
    }
    TH_ASSERT_FAILS(smb_responses_add(set, "more", "X", SMB_RESPONSE_AUTOMATION, 1, 1), SMB_ELIMIT,
                    "response 'more': the set already holds 1000 responses, the most allowed");
    ck_assert_uint_eq(smb_responses_count(set), SMB_MAX_RESPONSES);
    smb_responses_free(set);
}
END_TEST

START_TEST(remove_renumbers_and_copy_is_deep)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "a", "A", SMB_RESPONSE_AUTOMATION, 1, 1));
    TH_OK(smb_responses_add(set, "b", "B", SMB_RESPONSE_AUTOMATION, 2, 1));
    TH_OK(smb_responses_add(set, "c", "C", SMB_RESPONSE_AUTOMATION, 3, 1));
    TH_OK(smb_responses_set_effect(set, "c", "x", 0.5, 0.5));
    TH_OK(smb_responses_set_description(set, "c", "see"));
    TH_OK(smb_responses_add_criterion(set, "jobs", "Local jobs", SMB_CRITERION_BENEFIT));
    TH_OK(smb_responses_set_value(set, "c", "jobs", 7));

    smb_responses *copy = NULL;
    TH_OK(smb_responses_copy(set, &copy));
    ck_assert(smb_responses_equal(set, copy));
    ck_assert(smb_responses_equal(NULL, NULL));
    ck_assert(!smb_responses_equal(set, NULL));

    TH_OK(smb_responses_remove(set, "b"));
    ck_assert_uint_eq(smb_responses_count(set), 2);
    ck_assert_str_eq(smb_response_id(smb_responses_at(set, 1)), "c");
    ck_assert_uint_eq(smb_response_index(smb_responses_find(set, "c")), 1);
    ck_assert_ptr_null(smb_responses_find(set, "b"));
    ck_assert(!smb_responses_equal(set, copy));
    /* The copy owns its strings and effects. */
    const smb_response *c = smb_responses_find(copy, "c");
    ck_assert_str_eq(smb_response_description(c), "see");
    ck_assert_str_eq(smb_response_effect_at(c, 0)->scenario, "x");
    double v = 0;
    TH_OK(smb_responses_value(copy, "c", "jobs", &v));
    ck_assert_double_eq(v, 7);
    smb_responses_free(set);

    /* Each field is compared. */
    smb_responses *other = NULL;
    TH_OK(smb_responses_copy(copy, &other));
    TH_OK(smb_responses_set_effect(other, "c", "x", 0.5, 0.4));
    ck_assert(!smb_responses_equal(copy, other));
    TH_OK(smb_responses_set_effect(other, "c", "x", 0.5, 0.5));
    ck_assert(smb_responses_equal(copy, other));
    TH_OK(smb_responses_set_criterion_weight(other, "jobs", 2));
    ck_assert(!smb_responses_equal(copy, other));
    TH_OK(smb_responses_set_criterion_weight(other, "jobs", 1));
    TH_OK(smb_responses_clear_value(other, "c", "jobs"));
    ck_assert(!smb_responses_equal(copy, other));
    smb_responses_free(other);
    smb_responses_free(copy);
}
END_TEST

/* ---- criteria and weights ------------------------------------------------ */

START_TEST(custom_criteria_and_values)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "a", "A", SMB_RESPONSE_AUTOMATION, 1, 1));
    TH_OK(smb_responses_add(set, "b", "B", SMB_RESPONSE_AUTOMATION, 2, 1));
    TH_OK(smb_responses_add_criterion(set, "jobs", "Local jobs", SMB_CRITERION_BENEFIT));
    TH_OK(smb_responses_add_criterion(set, "risk", "Delivery risk", SMB_CRITERION_COST));
    ck_assert_uint_eq(smb_responses_criterion_count(set), 9);
    ck_assert_str_eq(smb_responses_criterion_key(set, 8), "risk");
    ck_assert_str_eq(smb_responses_criterion_title(set, 8), "Delivery risk");
    ck_assert_int_eq(smb_responses_criterion_direction(set, 8), SMB_CRITERION_COST);
    ck_assert_int_eq(smb_responses_criterion_is_custom(set, 8), 1);
    ck_assert_double_eq(smb_responses_criterion_weight(set, 8), 1.0);

    double v = -1;
    TH_ASSERT_FAILS(smb_responses_value(set, "a", "jobs", &v), SMB_ENOTFOUND,
                    "response 'a' has no value on criterion 'jobs'");
    TH_OK(smb_responses_set_value(set, "a", "jobs", 3));
    TH_OK(smb_responses_set_value(set, "a", "risk", 2));
    TH_OK(smb_responses_set_value(set, "b", "risk", 4));
    TH_OK(smb_responses_value(set, "a", "jobs", &v));
    ck_assert_double_eq(v, 3);

    ASSERT_REFUSED(set, smb_responses_set_value(set, "a", "cost", 3), SMB_EINVAL,
                   "criterion 'cost' is built in: its values come from the response itself");
    ASSERT_REFUSED(set, smb_responses_set_value(set, "a", "nope", 3), SMB_ENOTFOUND,
                   "no criterion 'nope'");
    ASSERT_REFUSED(set, smb_responses_set_value(set, "a", "jobs", -1), SMB_ERANGE,
                   "response 'a' jobs: must be a finite number from 0 to 1e+15, got -1");
    ASSERT_REFUSED(set, smb_responses_set_value(set, "a", "jobs", NAN), SMB_ERANGE, "response 'a' jobs");
    ASSERT_REFUSED(set, smb_responses_add_criterion(set, "cost", "Price", SMB_CRITERION_COST),
                   SMB_EEXIST, "criterion key 'cost' is already taken");
    ASSERT_REFUSED(set, smb_responses_add_criterion(set, "x", "", SMB_CRITERION_COST), SMB_EINVAL,
                   "criterion 'x' title: must not be empty");
    ASSERT_REFUSED(set, smb_responses_add_criterion(set, "x", "X", (smb_criterion_direction)2),
                   SMB_EINVAL, "criterion 'x' direction: 2 is not valid (0 to 1)");
    ASSERT_REFUSED(set, smb_responses_remove_criterion(set, "months"), SMB_EINVAL,
                   "criterion 'months' is built in and cannot be removed (set its weight to 0)");
    ASSERT_REFUSED(set, smb_responses_remove_criterion(set, "nope"), SMB_ENOTFOUND,
                   "no criterion 'nope'");

    /* Removing "jobs" moves "risk" into its place, values and all. */
    TH_OK(smb_responses_remove_criterion(set, "jobs"));
    ck_assert_uint_eq(smb_responses_criterion_count(set), 8);
    ck_assert_str_eq(smb_responses_criterion_key(set, 7), "risk");
    TH_OK(smb_responses_value(set, "b", "risk", &v));
    ck_assert_double_eq(v, 4);
    TH_OK(smb_responses_value(set, "a", "risk", &v));
    ck_assert_double_eq(v, 2);
    /* A criterion added now starts with no value on anyone. */
    TH_OK(smb_responses_add_criterion(set, "jobs2", "Jobs again", SMB_CRITERION_BENEFIT));
    TH_ASSERT_FAILS(smb_responses_value(set, "a", "jobs2", &v), SMB_ENOTFOUND, "no value");
    TH_OK(smb_responses_clear_value(set, "a", "risk"));
    TH_ASSERT_FAILS(smb_responses_value(set, "a", "risk", &v), SMB_ENOTFOUND, "no value");
    smb_responses_free(set);
}
END_TEST

START_TEST(custom_criterion_limit)
{
    smb_responses *set = fresh();
    char key[32];
    for (int i = 0; i < SMB_MAX_CUSTOM_CRITERIA; i++) {
        snprintf(key, sizeof key, "c%d", i);
        TH_OK(smb_responses_add_criterion(set, key, "A criterion", SMB_CRITERION_BENEFIT));
    }
    ASSERT_REFUSED(set, smb_responses_add_criterion(set, "more", "X", SMB_CRITERION_BENEFIT),
                   SMB_ELIMIT, "criterion 'more': the set already has 32 criteria of its own");
    smb_responses_free(set);
}
END_TEST

START_TEST(criterion_weights)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_set_criterion_weight(set, "cost", 2.5));
    ck_assert_double_eq(smb_responses_criterion_weight(set, 1), 2.5);
    ASSERT_REFUSED(set, smb_responses_set_criterion_weight(set, "cost", -1), SMB_ERANGE,
                   "criterion 'cost' weight: must be a finite number from 0 to 1e+06, got -1");
    ASSERT_REFUSED(set, smb_responses_set_criterion_weight(set, "cost", NAN), SMB_ERANGE,
                   "criterion 'cost' weight");
    ASSERT_REFUSED(set, smb_responses_set_criterion_weight(set, "price", 1), SMB_ENOTFOUND,
                   "no criterion 'price'");
    /* Every criterion may be left out but one. */
    for (size_t k = 1; k < SMB_BUILTIN_CRITERIA; k++)
        TH_OK(smb_responses_set_criterion_weight(set, smb_responses_criterion_key(set, k), 0));
    ASSERT_REFUSED(set, smb_responses_set_criterion_weight(set, "exposure_reduction", 0), SMB_ERANGE,
                   "criterion 'exposure_reduction' weight: cannot be 0, it is the last criterion of positive weight");
    TH_OK(smb_responses_add_criterion(set, "jobs", "Local jobs", SMB_CRITERION_BENEFIT));
    TH_OK(smb_responses_set_criterion_weight(set, "exposure_reduction", 0));
    ASSERT_REFUSED(set, smb_responses_remove_criterion(set, "jobs"), SMB_EINVAL,
                   "criterion 'jobs' is the last one of positive weight");
    smb_responses_free(set);
}
END_TEST

START_TEST(ahp_weights_for_the_criteria)
{
    /* Cost judged three times as important as exposure reduction and as
     * feasibility, those two equal: the consistent matrix a_ij = w_i / w_j
     * of w = (0.2, 0.6, 0.2) over (exposure_reduction, cost, feasibility).
     * Every other criterion gets weight 0. */
    smb_responses *set = fresh();
    static const char *const keys[] = {"exposure_reduction", "cost", "feasibility"};
    static const double a[9] = {1, 1. / 3, 1, 3, 1, 3, 1, 1. / 3, 1};
    smb_ahp_consistency c;
    TH_OK(smb_responses_set_ahp_weights(set, keys, 3, a, &c));
    ASSERT_NEAR(smb_responses_criterion_weight(set, 0), 0.2);
    ASSERT_NEAR(smb_responses_criterion_weight(set, 1), 0.6);
    ASSERT_NEAR(smb_responses_criterion_weight(set, 3), 0.2);
    ck_assert_double_eq(smb_responses_criterion_weight(set, 2), 0.0);
    ck_assert_double_eq(smb_responses_criterion_weight(set, 6), 0.0);
    ck_assert_int_eq(c.consistent, 1);
    ASSERT_NEAR(c.cr, 0.0);

    /* An inconsistent matrix (the circular one of test_mcda: w = (0.5,
     * 0.25, 0.25), CR = 0.431) is applied and reported. */
    static const double circular[9] = {1, 4, 1, 0.25, 1, 2, 1, 0.5, 1};
    TH_OK(smb_responses_set_ahp_weights(set, keys, 3, circular, &c));
    ASSERT_NEAR(smb_responses_criterion_weight(set, 0), 0.5);
    ASSERT_NEAR(smb_responses_criterion_weight(set, 1), 0.25);
    ck_assert_int_eq(c.consistent, 0);
    ASSERT_NEAR(c.cr, 0.25 / 0.58);

    /* Refusals leave the weights and the report alone. */
    smb_ahp_consistency untouched = {.size = 42};
    static const char *const twice[] = {"cost", "months", "cost"};
    static const char *const unknown[] = {"cost", "price", "months"};
    static const double zero[9] = {1, 0, 1, 1, 1, 1, 1, 1, 1};
    static const double skew[9] = {1, 2, 1, 0.4, 1, 1, 1, 1, 1};
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, twice, 3, a, &untouched), SMB_EINVAL,
                   "keys[2]: criterion 'cost' is listed twice (also keys[0])");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, unknown, 3, a, &untouched), SMB_ENOTFOUND,
                   "keys[1]: no criterion 'price'");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, keys, 3, zero, &untouched), SMB_ERANGE,
                   "matrix[0][1]: must be a finite number greater than 0, got 0");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, keys, 3, skew, &untouched), SMB_EINVAL,
                   "matrix[0][1] = 2 and matrix[1][0] = 0.4 are not reciprocal");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, keys, 0, a, &untouched), SMB_EINVAL,
                   "n: a pairwise matrix compares at least 1 criterion");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, keys, 16, a, &untouched), SMB_ELIMIT,
                   "at most 15 criteria");
    ASSERT_REFUSED(set, smb_responses_set_ahp_weights(set, NULL, 3, a, &untouched), SMB_EINVAL,
                   "keys: must not be NULL");
    ck_assert_uint_eq(untouched.size, 42);
    smb_responses_free(set);
}
END_TEST

START_TEST(model_allocation_failures)
{
    smb_responses *set = fresh();
    TH_OK(smb_responses_add(set, "a", "A", SMB_RESPONSE_AUTOMATION, 1, 1));
    smb_responses *snap = NULL;
    TH_OK(smb_responses_copy(set, &snap));
    TH_EACH_ALLOC_FAILURE(smb_responses_add(set, "b", "B", SMB_RESPONSE_AUTOMATION, 1, 1),
                          smb_responses_equal(set, snap), (void)0, 1);
    smb_responses_free(snap);
    TH_OK(smb_responses_copy(set, &snap));
    TH_EACH_ALLOC_FAILURE(smb_responses_set_effect(set, "b", "giants", 0.5, 0.5),
                          smb_responses_equal(set, snap), (void)0, 1);
    smb_responses_free(snap);
    TH_OK(smb_responses_copy(set, &snap));
    TH_EACH_ALLOC_FAILURE(smb_responses_set_description(set, "b", "text"),
                          smb_responses_equal(set, snap), (void)0, 1);
    smb_responses_free(snap);
    TH_OK(smb_responses_copy(set, &snap));
    TH_EACH_ALLOC_FAILURE(smb_responses_add_criterion(set, "jobs", "Jobs", SMB_CRITERION_BENEFIT),
                          smb_responses_equal(set, snap), (void)0, 1);
    smb_responses_free(snap);
    smb_responses *copy = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_copy(set, &copy), copy == NULL,
                          ck_assert(smb_responses_equal(set, copy)), 3);
    smb_responses_free(copy);
    /* A fresh set too. */
    smb_responses *empty = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_new(&empty), empty == NULL, (void)0, 1);
    smb_responses_free(empty);
    smb_responses_free(set);
}
END_TEST

/* ---- residual exposure ---------------------------------------------------- */

START_TEST(base_exposure_matches_the_scenario_scores)
{
    world w = make_world();
    smb_residual *r = residual_of(&w, NULL, 0);
    ASSERT_NEAR(smb_residual_base(r), 2.895);
    ASSERT_NEAR(smb_residual_total(r), 2.895);
    ck_assert_double_eq(smb_residual_reduction(r), 0);
    ck_assert_double_eq(smb_residual_cost(r), 0);
    /* Threats only, in set order; the same exposures as scenario scoring. */
    ck_assert_uint_eq(smb_residual_scenario_count(r), 2);
    smb_scenario_scores *scores = NULL;
    TH_OK(smb_scenarios_score(w.scenarios, w.resilience, &scores));
    for (size_t t = 0; t < 2; t++) {
        const smb_residual_scenario *s = smb_residual_scenario_at(r, t);
        ck_assert_double_eq(s->base, smb_scenario_scores_find(scores, s->id)->exposure);
        ck_assert_double_eq(s->residual, s->base);
    }
    ck_assert_str_eq(smb_residual_scenario_at(r, 0)->id, "giants");
    ASSERT_NEAR(smb_residual_scenario_at(r, 0)->base, 1.92);
    ck_assert_str_eq(smb_residual_scenario_at(r, 1)->id, "wage");
    ck_assert_uint_eq(smb_residual_scenario_at(r, 1)->index, 1);
    ASSERT_NEAR(smb_residual_scenario_at(r, 1)->base, 0.975);
    ck_assert_ptr_null(smb_residual_scenario_at(r, 2));
    smb_scenario_scores_free(scores);
    smb_residual_free(r);
    free_world(&w);
}
END_TEST

START_TEST(reductions_compound_multiplicatively)
{
    /* {web, auto}:
     * giants: p' = 0.6 * (1 - 0.5) * (1 - 0.2) = 0.24, impact' = 4 * 0.75 = 3,
     *         v = 0.8: 0.24 * 3 * 0.8 = 0.576
     * wage:   p' = 0.5, impact' = 3 * 0.6 = 1.8, v = 0.65: 0.585
     * total 1.161, reduction 2.895 - 1.161 = 1.734, cost 13000. */
    world w = make_world();
    static const char *const ids[] = {"web", "auto"};
    smb_residual *r = residual_of(&w, ids, 2);
    ASSERT_NEAR(smb_residual_total(r), 1.161);
    ASSERT_NEAR(smb_residual_reduction(r), 1.734);
    ck_assert_double_eq(smb_residual_cost(r), 13000);
    const smb_residual_scenario *g = smb_residual_scenario_at(r, 0);
    ASSERT_NEAR(g->likelihood_factor, 0.4);
    ASSERT_NEAR(g->impact_factor, 0.75);
    ASSERT_NEAR(g->residual, 0.576);
    const smb_residual_scenario *wage = smb_residual_scenario_at(r, 1);
    ck_assert_double_eq(wage->likelihood_factor, 1.0);
    ASSERT_NEAR(wage->impact_factor, 0.6);
    ASSERT_NEAR(wage->residual, 0.585);
    /* The order of the ids does not matter. */
    static const char *const reversed[] = {"auto", "web"};
    smb_residual *r2 = residual_of(&w, reversed, 2);
    ck_assert_double_eq(smb_residual_total(r2), smb_residual_total(r));
    smb_residual_free(r2);
    smb_residual_free(r);
    free_world(&w);
}
END_TEST

START_TEST(capability_gains_add_and_cap_at_five)
{
    /* {train}: innovation 2 + 4 = 6, capped at 5; agility 3 + 1 = 4.
     * giants: R = (5 + 1 + 4)/3/5 = 2/3, v = 1 - 1/3 = 2/3:
     *         0.6 * 4 * 2/3 = 1.6
     * wage:   R = (4 + 4)/2/5 = 0.8, v = 0.6: 0.5 * 3 * 0.6 = 0.9
     * total 2.5.
     * {train, train2} with train2 = innovation +2: innovation 2 + 6 -> 5,
     * the same as train alone: still 2.5.
     * {train2}: innovation 4: giants R = (4 + 1 + 3)/3/5 = 8/15,
     *           v = 11/15: 0.6 * 4 * 11/15 = 1.76; wage 0.975: 2.735.
     * {web, auto, train}: giants 0.24 * 3 * 2/3 = 0.48; wage 0.5 * 1.8 * 0.6
     *           = 0.54: 1.02. */
    world w = make_world();
    TH_OK(smb_responses_add(w.responses, "train2", "More training",
                            SMB_RESPONSE_CAPABILITY_BUILDING, 1000, 1));
    TH_OK(smb_responses_set_gain(w.responses, "train2", SMB_CAPABILITY_INNOVATION, 2));
    static const char *const one[] = {"train"};
    static const char *const both[] = {"train", "train2"};
    static const char *const other[] = {"train2"};
    static const char *const three[] = {"web", "auto", "train"};
    smb_residual *r = residual_of(&w, one, 1);
    ASSERT_NEAR(smb_residual_total(r), 2.5);
    ASSERT_NEAR(smb_residual_scenario_at(r, 0)->residual, 1.6);
    ASSERT_NEAR(smb_residual_scenario_at(r, 1)->residual, 0.9);
    ck_assert_double_eq(smb_residual_gain(r, SMB_CAPABILITY_INNOVATION), 4);
    ck_assert_double_eq(smb_residual_gain(r, SMB_CAPABILITY_AGILITY), 1);
    ck_assert_double_eq(smb_residual_gain(r, SMB_CAPABILITY_COUNT), 0);
    smb_residual_free(r);
    r = residual_of(&w, both, 2);
    ASSERT_NEAR(smb_residual_total(r), 2.5);
    ck_assert_double_eq(smb_residual_gain(r, SMB_CAPABILITY_INNOVATION), 5);
    smb_residual_free(r);
    r = residual_of(&w, other, 1);
    ASSERT_NEAR(smb_residual_total(r), 2.735);
    smb_residual_free(r);
    r = residual_of(&w, three, 3);
    ASSERT_NEAR(smb_residual_total(r), 1.02);
    ck_assert_double_eq(smb_residual_cost(r), 15000);
    smb_residual_free(r);
    free_world(&w);
}
END_TEST

START_TEST(full_reductions_and_no_resilience)
{
    /* A likelihood cut of 100 % removes a threat entirely. Without a
     * profile every maturity counts as 0: v = 1, exposures p * impact:
     * giants 2.4, wage 1.5, base 3.9. {kill}: giants 0, wage 1.5. */
    world w = make_world();
    TH_OK(smb_responses_add(w.responses, "kill", "Remove the threat", SMB_RESPONSE_PARTNERSHIP, 1, 1));
    TH_OK(smb_responses_set_effect(w.responses, "kill", "giants", 1, 0));
    static const char *const ids[] = {"kill"};
    smb_residual *r = NULL;
    TH_OK(smb_responses_residual(w.responses, w.scenarios, NULL, ids, 1, &r));
    ASSERT_NEAR(smb_residual_base(r), 3.9);
    ASSERT_NEAR(smb_residual_total(r), 1.5);
    ck_assert_double_eq(smb_residual_scenario_at(r, 0)->residual, 0);
    smb_residual_free(r);
    free_world(&w);
}
END_TEST

START_TEST(residual_refusals)
{
    world w = make_world();
    smb_residual *r = NULL;
    static const char *const unknown[] = {"web", "nope"};
    static const char *const twice[] = {"web", "auto", "web"};
    static const char *const with_null[] = {"web", NULL};
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, unknown, 2, &r),
                    SMB_ENOTFOUND, "ids[1]: no response 'nope'");
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, twice, 3, &r),
                    SMB_EINVAL, "ids[2]: response 'web' is listed twice (also ids[0])");
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, with_null, 2, &r),
                    SMB_EINVAL, "ids[1]: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, NULL, 1, &r),
                    SMB_EINVAL, "ids: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_residual(NULL, w.scenarios, w.resilience, NULL, 0, &r),
                    SMB_EINVAL, "set: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, NULL, w.resilience, NULL, 0, &r),
                    SMB_EINVAL, "scenarios: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, NULL, 0, NULL),
                    SMB_EINVAL, "out: must not be NULL");

    /* An effect on a scenario the set lacks is found at evaluation time,
     * whichever responses are chosen, and names both ids. */
    TH_OK(smb_responses_set_effect(w.responses, "train", "ghost", 0.1, 0.1));
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, NULL, 0, &r),
                    SMB_ENOTFOUND,
                    "response 'train' has an effect on scenario 'ghost', which the scenario set does not hold");
    TH_OK(smb_responses_remove_effect(w.responses, "train", "ghost"));
    /* Responses reduce threats; an effect on an opportunity is refused. */
    TH_OK(smb_responses_set_effect(w.responses, "web", "subs", 0.1, 0.1));
    TH_ASSERT_FAILS(smb_responses_residual(w.responses, w.scenarios, w.resilience, NULL, 0, &r),
                    SMB_EINVAL,
                    "response 'web' has an effect on scenario 'subs', an opportunity: responses reduce threats only");
    ck_assert_ptr_null(r);
    free_world(&w);
}
END_TEST

START_TEST(residual_allocation_failures)
{
    world w = make_world();
    static const char *const ids[] = {"web", "train"};
    smb_residual *r = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_residual(w.responses, w.scenarios, w.resilience, ids, 2, &r),
                          r == NULL, ck_assert_double_eq(smb_residual_cost(r), 10000), 3);
    smb_residual_free(r);
    free_world(&w);
}
END_TEST

/* ---- ranking -------------------------------------------------------------- */

/*
 * Ranking the worked example. Stand-alone reductions:
 *   web:   giants p 0.3, impact 3: 0.3 * 3 * 0.8 = 0.72; 1.92 - 0.72 = 1.2
 *   auto:  giants p 0.48: 0.48 * 4 * 0.8 = 1.536 (-0.384); wage impact 1.8:
 *          0.585 (-0.39): 0.774
 *   train: 2.895 - 2.5 = 0.395
 * Weights: exposure_reduction 4, cost 2, months 2, feasibility 1,
 * viability 1, desirability 0, strategic_alignment 0 (sum 10):
 * 0.4, 0.2, 0.2, 0.1, 0.1, 0, 0. Feasibility: web 2, auto 4, train 5;
 * viability 3 for all (constant: 1 each).
 * Min-max:
 *   reduction (0.395 .. 1.2): web 1, auto 0.379/0.805, train 0
 *   cost, a cost (2000 .. 8000): web 0, auto 0.5, train 1
 *   months, a cost (2 .. 6): web 0.75, auto 0, train 1
 *   feasibility (2 .. 5): web 0, auto 2/3, train 1
 * web   = 0.4 + 0 + 0.15 + 0 + 0.1               = 0.65
 * auto  = 0.4 * 0.379/0.805 + 0.1 + 0 + 0.1 * 2/3 + 0.1 = 0.454989...
 * train = 0 + 0.2 + 0.2 + 0.1 + 0.1               = 0.6
 * Ranks: web 1, train 2, auto 3.
 */
static void weigh_worked_example(smb_responses *set)
{
    static const double weights[] = {4, 2, 2, 1, 1, 0, 0};
    for (size_t k = 0; k < 7; k++)
        TH_OK(smb_responses_set_criterion_weight(set, smb_responses_criterion_key(set, k),
                                                 weights[k]));
    TH_OK(smb_responses_set_rating(set, "web", SMB_IDEA_FEASIBILITY, 2));
    TH_OK(smb_responses_set_rating(set, "auto", SMB_IDEA_FEASIBILITY, 4));
    TH_OK(smb_responses_set_rating(set, "train", SMB_IDEA_FEASIBILITY, 5));
}

START_TEST(weighted_sum_ranking_by_hand)
{
    world w = make_world();
    weigh_worked_example(w.responses);
    smb_response_ranking *rk = NULL;
    TH_OK(smb_responses_rank(w.responses, w.scenarios, w.resilience, SMB_RANK_WEIGHTED_SUM, &rk));
    ck_assert_int_eq(smb_response_ranking_method(rk), SMB_RANK_WEIGHTED_SUM);
    ck_assert_uint_eq(smb_response_ranking_count(rk), 3);
    const smb_response_rank *web = smb_response_ranking_at(rk, 0);
    const smb_response_rank *aut = smb_response_ranking_at(rk, 1);
    const smb_response_rank *train = smb_response_ranking_at(rk, 2);
    ck_assert_str_eq(web->id, "web");
    ck_assert_str_eq(aut->title, "Automate the bakehouse");
    ASSERT_NEAR(web->exposure_reduction, 1.2);
    ASSERT_NEAR(aut->exposure_reduction, 0.774);
    ASSERT_NEAR(train->exposure_reduction, 0.395);
    ASSERT_NEAR(web->score, 0.65);
    ASSERT_NEAR(aut->score, 0.4 * 0.379 / 0.805 + 0.1 + 0.1 * 2 / 3.0 + 0.1);
    ASSERT_NEAR(train->score, 0.6);
    ck_assert_uint_eq(web->rank, 1);
    ck_assert_uint_eq(train->rank, 2);
    ck_assert_uint_eq(aut->rank, 3);
    ck_assert_ptr_eq(smb_response_ranking_ranked_at(rk, 0), web);
    ck_assert_ptr_eq(smb_response_ranking_ranked_at(rk, 1), train);
    ck_assert_ptr_eq(smb_response_ranking_ranked_at(rk, 2), aut);
    ck_assert_ptr_null(smb_response_ranking_ranked_at(rk, 3));
    /* The decision table and the normalised weights are reported. */
    ck_assert_uint_eq(smb_response_ranking_criterion_count(rk), 7);
    ck_assert_str_eq(smb_response_ranking_criterion_key(rk, 2), "months");
    ASSERT_NEAR(smb_response_ranking_criterion_weight(rk, 0), 0.4);
    ASSERT_NEAR(smb_response_ranking_criterion_weight(rk, 4), 0.1);
    ck_assert_int_eq(smb_response_ranking_criterion_direction(rk, 1), SMB_CRITERION_COST);
    ck_assert_double_eq(smb_response_ranking_value(rk, 1, 1), 5000);
    ck_assert_double_eq(smb_response_ranking_value(rk, 2, 2), 2);
    ck_assert_double_eq(smb_response_ranking_value(rk, 2, 3), 5);
    ck_assert_double_eq(smb_response_ranking_value(rk, 3, 0), 0);
    ck_assert_ptr_null(smb_response_ranking_criterion_key(rk, 7));
    smb_response_ranking_free(rk);
    free_world(&w);
}
END_TEST

START_TEST(topsis_ranking_uses_the_same_table)
{
    /* TOPSIS on the table above, reproduced here value by value, through
     * smb_mcda_topsis() with the same normalised weights. */
    world w = make_world();
    weigh_worked_example(w.responses);
    smb_response_ranking *rk = NULL;
    TH_OK(smb_responses_rank(w.responses, w.scenarios, w.resilience, SMB_RANK_TOPSIS, &rk));
    static const double table[21] = {
        1.2,   8000, 3, 2, 3, 3, 3,
        0.774, 5000, 6, 4, 3, 3, 3,
        0.395, 2000, 2, 5, 3, 3, 3,
    };
    static const double weights[7] = {0.4, 0.2, 0.2, 0.1, 0.1, 0, 0};
    static const smb_criterion_direction dirs[7] = {
        SMB_CRITERION_BENEFIT, SMB_CRITERION_COST,    SMB_CRITERION_COST,   SMB_CRITERION_BENEFIT,
        SMB_CRITERION_BENEFIT, SMB_CRITERION_BENEFIT, SMB_CRITERION_BENEFIT};
    double scores[3];
    size_t order[3];
    TH_OK(smb_mcda_topsis(table, 3, 7, weights, dirs, scores, order));
    for (size_t i = 0; i < 3; i++) {
        ck_assert_double_eq_tol(smb_response_ranking_at(rk, i)->score, scores[i], 1e-12);
        ck_assert_uint_eq(smb_response_ranking_ranked_at(rk, i)->index, order[i]);
    }
    ck_assert_int_eq(smb_response_ranking_method(rk), SMB_RANK_TOPSIS);
    smb_response_ranking_free(rk);
    free_world(&w);
}
END_TEST

START_TEST(ranking_with_custom_criteria_and_ahp)
{
    /* Only two criteria count, by AHP: exposure_reduction 0.25 and a user
     * cost criterion "risk" 0.75 ([[1, 1/3], [3, 1]]). risk: web 1,
     * auto 3, train 5 (a cost).
     * reduction normalised: web 1, auto 0.379/0.805, train 0
     * risk: web (5-1)/4 = 1, auto 0.5, train 0
     * web = 1; auto = 0.25 * 0.379/0.805 + 0.375; train = 0. */
    world w = make_world();
    TH_OK(smb_responses_add_criterion(w.responses, "risk", "Delivery risk", SMB_CRITERION_COST));
    TH_OK(smb_responses_set_value(w.responses, "web", "risk", 1));
    TH_OK(smb_responses_set_value(w.responses, "auto", "risk", 3));
    smb_response_ranking *rk = NULL;
    TH_ASSERT_FAILS(smb_responses_rank(w.responses, w.scenarios, w.resilience,
                                       SMB_RANK_WEIGHTED_SUM, &rk),
                    SMB_ENOTFOUND,
                    "response 'train' has no value on criterion 'risk': give every response one before ranking");
    ck_assert_ptr_null(rk);
    TH_OK(smb_responses_set_value(w.responses, "train", "risk", 5));
    static const char *const keys[] = {"exposure_reduction", "risk"};
    static const double a[4] = {1, 1. / 3, 3, 1};
    TH_OK(smb_responses_set_ahp_weights(w.responses, keys, 2, a, NULL));
    TH_OK(smb_responses_rank(w.responses, w.scenarios, w.resilience, SMB_RANK_WEIGHTED_SUM, &rk));
    ck_assert_uint_eq(smb_response_ranking_criterion_count(rk), 8);
    ck_assert_str_eq(smb_response_ranking_criterion_key(rk, 7), "risk");
    ASSERT_NEAR(smb_response_ranking_criterion_weight(rk, 7), 0.75);
    ASSERT_NEAR(smb_response_ranking_at(rk, 0)->score, 1.0);
    ASSERT_NEAR(smb_response_ranking_at(rk, 1)->score, 0.25 * 0.379 / 0.805 + 0.375);
    ASSERT_NEAR(smb_response_ranking_at(rk, 2)->score, 0.0);
    ck_assert_double_eq(smb_response_ranking_value(rk, 1, 7), 3);
    smb_response_ranking_free(rk);
    free_world(&w);
}
END_TEST

START_TEST(ranking_edge_cases_and_refusals)
{
    world w = make_world();
    smb_response_ranking *rk = NULL;
    /* An empty set ranks to an empty ranking. */
    smb_responses *empty = fresh();
    TH_OK(smb_responses_rank(empty, w.scenarios, w.resilience, SMB_RANK_TOPSIS, &rk));
    ck_assert_uint_eq(smb_response_ranking_count(rk), 0);
    ck_assert_ptr_null(smb_response_ranking_at(rk, 0));
    ck_assert_uint_eq(smb_response_ranking_criterion_count(rk), 7);
    smb_response_ranking_free(rk);
    rk = NULL;
    smb_responses_free(empty);
    TH_ASSERT_FAILS(smb_responses_rank(w.responses, w.scenarios, w.resilience, (smb_rank_method)2, &rk),
                    SMB_EINVAL, "method: 2 is not valid (0 to 1)");
    TH_ASSERT_FAILS(smb_responses_rank(w.responses, NULL, w.resilience, SMB_RANK_TOPSIS, &rk),
                    SMB_EINVAL, "scenarios: must not be NULL");
    TH_OK(smb_responses_set_effect(w.responses, "auto", "ghost", 0.5, 0));
    TH_ASSERT_FAILS(smb_responses_rank(w.responses, w.scenarios, w.resilience, SMB_RANK_TOPSIS, &rk),
                    SMB_ENOTFOUND, "response 'auto' has an effect on scenario 'ghost'");
    ck_assert_ptr_null(rk);
    ck_assert_int_eq(smb_response_ranking_method(NULL), SMB_RANK_NONE);
    ck_assert_uint_eq(smb_response_ranking_count(NULL), 0);
    smb_response_ranking_free(NULL);
    free_world(&w);
}
END_TEST

START_TEST(ranking_allocation_failures)
{
    world w = make_world();
    smb_response_ranking *rk = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_rank(w.responses, w.scenarios, w.resilience,
                                             SMB_RANK_WEIGHTED_SUM, &rk),
                          rk == NULL, ck_assert_uint_eq(smb_response_ranking_count(rk), 3), 5);
    smb_response_ranking_free(rk);
    free_world(&w);
}
END_TEST

START_TEST(results_outlive_their_inputs)
{
    world w = make_world();
    smb_response_ranking *rk = NULL;
    smb_residual *r = NULL;
    static const char *const ids[] = {"web"};
    TH_OK(smb_responses_rank(w.responses, w.scenarios, w.resilience, SMB_RANK_WEIGHTED_SUM, &rk));
    TH_OK(smb_responses_residual(w.responses, w.scenarios, w.resilience, ids, 1, &r));
    free_world(&w);
    ck_assert_str_eq(smb_response_ranking_at(rk, 1)->id, "auto");
    ck_assert_str_eq(smb_response_ranking_criterion_key(rk, 6), "strategic_alignment");
    ck_assert_str_eq(smb_residual_scenario_at(r, 1)->id, "wage");
    smb_response_ranking_free(rk);
    smb_residual_free(r);
}
END_TEST

static Suite *response_suite(void)
{
    Suite *s = suite_create("response");
    TCase *model = tcase_create("model");
    tcase_add_checked_fixture(model, setup, teardown);
    tcase_set_timeout(model, 120);
    tcase_add_test(model, keys_round_trip);
    tcase_add_test(model, new_set_holds_the_builtin_criteria);
    tcase_add_test(model, add_and_read_a_response);
    tcase_add_test(model, add_refusals_leave_the_set_unchanged);
    tcase_add_test(model, setters_change_one_field);
    tcase_add_test(model, setter_refusals_leave_the_set_unchanged);
    tcase_add_test(model, effects_are_set_replaced_and_removed);
    tcase_add_test(model, effect_limit);
    tcase_add_test(model, response_limit);
    tcase_add_test(model, remove_renumbers_and_copy_is_deep);
    tcase_add_test(model, model_allocation_failures);
    suite_add_tcase(s, model);

    TCase *criteria = tcase_create("criteria");
    tcase_add_checked_fixture(criteria, setup, teardown);
    tcase_add_test(criteria, custom_criteria_and_values);
    tcase_add_test(criteria, custom_criterion_limit);
    tcase_add_test(criteria, criterion_weights);
    tcase_add_test(criteria, ahp_weights_for_the_criteria);
    suite_add_tcase(s, criteria);

    TCase *residual = tcase_create("residual exposure");
    tcase_add_checked_fixture(residual, setup, teardown);
    tcase_add_test(residual, base_exposure_matches_the_scenario_scores);
    tcase_add_test(residual, reductions_compound_multiplicatively);
    tcase_add_test(residual, capability_gains_add_and_cap_at_five);
    tcase_add_test(residual, full_reductions_and_no_resilience);
    tcase_add_test(residual, residual_refusals);
    tcase_add_test(residual, residual_allocation_failures);
    suite_add_tcase(s, residual);

    TCase *ranking = tcase_create("ranking");
    tcase_add_checked_fixture(ranking, setup, teardown);
    tcase_add_test(ranking, weighted_sum_ranking_by_hand);
    tcase_add_test(ranking, topsis_ranking_uses_the_same_table);
    tcase_add_test(ranking, ranking_with_custom_criteria_and_ahp);
    tcase_add_test(ranking, ranking_edge_cases_and_refusals);
    tcase_add_test(ranking, ranking_allocation_failures);
    tcase_add_test(ranking, results_outlive_their_inputs);
    suite_add_tcase(s, ranking);
    return s;
}

int main(void)
{
    return th_run_suite(response_suite());
}
