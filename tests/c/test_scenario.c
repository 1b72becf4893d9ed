/* SPDX-License-Identifier: MIT */
/* The scenario model: the taxonomies' keys and default mitigators, adding
 * and changing scenarios, estimates and their validation, blocks, shifts,
 * copy and equality, and every refusal leaving the set as it was. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define BIT SMB_CAPABILITY_BIT
#define ADA BIT(SMB_CAPABILITY_ADAPTABILITY)
#define AGI BIT(SMB_CAPABILITY_AGILITY)
#define INN BIT(SMB_CAPABILITY_INNOVATION)
#define CUS BIT(SMB_CAPABILITY_CUSTOMER_CENTRICITY)
#define DAT BIT(SMB_CAPABILITY_DATA_DRIVEN)
#define THREAT SMB_DIRECTION_THREAT
#define OPPORTUNITY SMB_DIRECTION_OPPORTUNITY

static smb_scenarios *fresh(void)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    return s;
}

/* Two scenarios with something in every field of the first. */
static smb_scenarios *sample(void)
{
    smb_scenarios *s = fresh();
    TH_OK(smb_scenarios_add(s, "delivery-apps", "Delivery apps take our lunch trade",
                            SMB_SOURCE_DIGITAL_PLATFORMS, THREAT, 0.6, 4));
    TH_OK(smb_scenarios_set_description(s, "delivery-apps", "Platforms charge 30 % commission"));
    TH_OK(smb_scenarios_set_kind(s, "delivery-apps",
                                 SMB_SCENARIO_BUSINESS_MODEL | SMB_SCENARIO_DISRUPTIVE));
    smb_estimate p = {SMB_DIST_PERT, 0.3, 0.6, 0.8};
    TH_OK(smb_scenarios_set_likelihood(s, "delivery-apps", &p));
    smb_estimate money = {SMB_DIST_TRIANGULAR, 5000, 12000, 30000};
    TH_OK(smb_scenarios_set_money(s, "delivery-apps", &money));
    TH_OK(smb_scenarios_set_horizon(s, "delivery-apps", 18));
    TH_OK(smb_scenarios_hit_block(s, "delivery-apps", SMB_BLOCK_CHANNELS, 2));
    TH_OK(smb_scenarios_add_shift(s, "delivery-apps", SMB_FORCE_SUBSTITUTES, "price_performance", 1.5));
    TH_OK(smb_scenarios_set_mitigators(s, "delivery-apps", CUS | INN));
    TH_OK(smb_scenarios_add(s, "wage-rise", "Minimum wage rises 10 %", SMB_SOURCE_ECONOMIC, THREAT,
                            0.9, 3));
    return s;
}

/* Assert that `call` fails with `status` and a message containing `needle`,
 * and that the set compares equal to a copy taken before the call. */
#define ASSERT_REFUSED(set, call, status, needle)                                      \
    do {                                                                               \
        smb_scenarios *snap_ = NULL;                                                   \
        TH_OK(smb_scenarios_copy((set), &snap_));                                      \
        TH_ASSERT_FAILS(call, status, needle);                                         \
        ck_assert_msg(smb_scenarios_equal((set), snap_), "the set changed");           \
        smb_scenarios_free(snap_);                                                     \
    } while (0)

/* ---- taxonomies ---------------------------------------------------------- */

START_TEST(source_keys_and_default_mitigators)
{
    static const struct {
        const char *key;
        unsigned mitigators;
    } table[] = {
        {"technology", INN | DAT | AGI},
        {"customer_expectations", CUS | ADA | DAT},
        {"economic", ADA | AGI},
        {"global_event", ADA | AGI},
        {"business_model", INN | ADA | CUS},
        {"regulatory", ADA | DAT},
        {"competition", INN | CUS | AGI},
        {"digital_platforms", INN | CUS | AGI},
        {"cyber", DAT | AGI | ADA},
    };
    ck_assert_int_eq(sizeof table / sizeof table[0], SMB_SOURCE_COUNT);
    for (int i = 0; i < SMB_SOURCE_COUNT; i++) {
        ck_assert_str_eq(smb_source_key((smb_source)i), table[i].key);
        ck_assert_ptr_nonnull(smb_source_title((smb_source)i));
        ck_assert_uint_eq(smb_source_mitigators((smb_source)i), table[i].mitigators);
        smb_source back = SMB_SOURCE_NONE;
        TH_OK(smb_source_from_key(table[i].key, &back));
        ck_assert_int_eq(back, i);
    }
    ck_assert_ptr_null(smb_source_key(SMB_SOURCE_NONE));
    ck_assert_ptr_null(smb_source_title(SMB_SOURCE_COUNT));
    ck_assert_uint_eq(smb_source_mitigators(SMB_SOURCE_COUNT), 0);
    smb_source out = SMB_SOURCE_CYBER;
    TH_ASSERT_FAILS(smb_source_from_key("weather", &out), SMB_ENOTFOUND, "no source 'weather'");
    ck_assert_int_eq(out, SMB_SOURCE_CYBER);
    TH_ASSERT_FAILS(smb_source_from_key(NULL, &out), SMB_EINVAL, "key: must not be NULL");
}
END_TEST

START_TEST(direction_kind_and_dist_keys)
{
    ck_assert_str_eq(smb_direction_key(THREAT), "threat");
    ck_assert_str_eq(smb_direction_key(OPPORTUNITY), "opportunity");
    ck_assert_ptr_null(smb_direction_key(SMB_DIRECTION_COUNT));
    smb_direction d = THREAT;
    TH_OK(smb_direction_from_key("opportunity", &d));
    ck_assert_int_eq(d, OPPORTUNITY);
    TH_ASSERT_FAILS(smb_direction_from_key("risk", &d), SMB_ENOTFOUND, "no direction 'risk'");
    ck_assert_int_eq(d, OPPORTUNITY);

    static const char *const kinds[] = {"technological", "business_model", "sustaining",
                                        "disruptive", "operational", "strategic"};
    for (unsigned i = 0; i < 6; i++) {
        ck_assert_str_eq(smb_scenario_kind_key(1u << i), kinds[i]);
        unsigned flag = 0;
        TH_OK(smb_scenario_kind_from_key(kinds[i], &flag));
        ck_assert_uint_eq(flag, 1u << i);
    }
    ck_assert_ptr_null(smb_scenario_kind_key(0));
    ck_assert_ptr_null(smb_scenario_kind_key(SMB_SCENARIO_TECHNOLOGICAL | SMB_SCENARIO_STRATEGIC));
    ck_assert_ptr_null(smb_scenario_kind_key(1u << 6));
    unsigned flag = 99;
    TH_ASSERT_FAILS(smb_scenario_kind_from_key("radical", &flag), SMB_ENOTFOUND, "no kind 'radical'");
    ck_assert_uint_eq(flag, 99);

    static const char *const dists[] = {"point", "uniform", "triangular", "pert", "lognormal"};
    ck_assert_int_eq(SMB_DIST_COUNT, 5);
    for (int i = 0; i < SMB_DIST_COUNT; i++) {
        ck_assert_str_eq(smb_dist_key((smb_dist)i), dists[i]);
        smb_dist back = SMB_DIST_NONE;
        TH_OK(smb_dist_from_key(dists[i], &back));
        ck_assert_int_eq(back, i);
    }
    ck_assert_int_eq(SMB_DIST_LOGNORMAL, 4); /* part of the ABI */
    ck_assert_ptr_null(smb_dist_key(SMB_DIST_COUNT));
    smb_dist dist = SMB_DIST_PERT;
    TH_ASSERT_FAILS(smb_dist_from_key("normal", &dist), SMB_ENOTFOUND,
                    "no distribution 'normal' (point, uniform, triangular, pert, lognormal)");
    ck_assert_int_eq(dist, SMB_DIST_PERT);

    static const char *const bands[] = {"low", "medium", "high", "critical"};
    for (int i = 0; i < SMB_RISK_BAND_COUNT; i++) {
        ck_assert_str_eq(smb_risk_band_key((smb_risk_band)i), bands[i]);
        smb_risk_band back = SMB_RISK_BAND_NONE;
        TH_OK(smb_risk_band_from_key(bands[i], &back));
        ck_assert_int_eq(back, i);
    }
    ck_assert_ptr_null(smb_risk_band_key(SMB_RISK_BAND_NONE));
    smb_risk_band band = SMB_RISK_BAND_LOW;
    TH_ASSERT_FAILS(smb_risk_band_from_key("severe", &band), SMB_ENOTFOUND, "no risk band 'severe'");
    ck_assert_int_eq(band, SMB_RISK_BAND_LOW);
}
END_TEST

/* ---- adding and reading -------------------------------------------------- */

START_TEST(new_set_and_added_scenario_defaults)
{
    smb_scenarios *s = fresh();
    ck_assert_double_eq(smb_scenarios_mitigation(s), 0.5);
    ck_assert_double_eq(smb_scenarios_half_life(s), 24);
    ck_assert_uint_eq(smb_scenarios_count(s), 0);
    TH_OK(smb_scenarios_add(s, "ecommerce-giant", "An online giant undercuts us",
                            SMB_SOURCE_TECHNOLOGY, THREAT, 0.4, 3.5));
    ck_assert_uint_eq(smb_scenarios_count(s), 1);
    const smb_scenario *sc = smb_scenarios_at(s, 0);
    ck_assert_ptr_eq(sc, smb_scenarios_find(s, "ecommerce-giant"));
    ck_assert_str_eq(smb_scenario_id(sc), "ecommerce-giant");
    ck_assert_str_eq(smb_scenario_title(sc), "An online giant undercuts us");
    ck_assert_ptr_null(smb_scenario_description(sc));
    ck_assert_uint_eq(smb_scenario_index(sc), 0);
    ck_assert_int_eq(smb_scenario_source(sc), SMB_SOURCE_TECHNOLOGY);
    ck_assert_int_eq(smb_scenario_direction(sc), THREAT);
    ck_assert_uint_eq(smb_scenario_kind(sc), 0);
    const smb_estimate *p = smb_scenario_likelihood(sc), *i = smb_scenario_impact(sc);
    ck_assert_int_eq(p->dist, SMB_DIST_POINT);
    ck_assert_double_eq(p->min, 0.4);
    ck_assert_double_eq(p->mode, 0.4);
    ck_assert_double_eq(p->max, 0.4);
    ck_assert_int_eq(i->dist, SMB_DIST_POINT);
    ck_assert_double_eq(i->mode, 3.5);
    ck_assert_ptr_null(smb_scenario_money(sc));
    ck_assert_double_eq(smb_scenario_horizon(sc), 12);
    ck_assert_uint_eq(smb_scenario_block_count(sc), 0);
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        ck_assert_double_eq(smb_scenario_block_weight(sc, (smb_block)k), 0);
    ck_assert_uint_eq(smb_scenario_shift_count(sc), 0);
    ck_assert_ptr_null(smb_scenario_shift_at(sc, 0));
    ck_assert(!smb_scenario_has_mitigators(sc));
    ck_assert_uint_eq(smb_scenario_mitigators(sc), INN | DAT | AGI);

    const smb_scenario *got = NULL;
    TH_OK(smb_scenarios_get(s, "ecommerce-giant", &got));
    ck_assert_ptr_eq(got, sc);
    TH_ASSERT_FAILS(smb_scenarios_get(s, "nope", &got), SMB_ENOTFOUND, "no scenario 'nope'");
    ck_assert_ptr_eq(got, sc);
    ck_assert_ptr_null(smb_scenarios_find(s, "nope"));
    ck_assert_ptr_null(smb_scenarios_find(s, NULL));
    ck_assert_ptr_null(smb_scenarios_at(s, 1));

    /* NULL handles read as empty. */
    ck_assert_uint_eq(smb_scenarios_count(NULL), 0);
    ck_assert_ptr_null(smb_scenario_id(NULL));
    ck_assert_ptr_null(smb_scenario_likelihood(NULL));
    ck_assert_int_eq(smb_scenario_source(NULL), SMB_SOURCE_NONE);
    ck_assert_uint_eq(smb_scenario_mitigators(NULL), 0);
    ck_assert_double_eq(smb_scenario_block_weight(sc, SMB_BLOCK_COUNT), 0);
    TH_ASSERT_FAILS(smb_scenarios_new(NULL), SMB_EINVAL, "out: must not be NULL");
    smb_scenarios_free(s);
    smb_scenarios_free(NULL);
}
END_TEST

START_TEST(bad_scenarios_are_refused_at_add)
{
    smb_scenarios *s = sample();
    ASSERT_REFUSED(s, smb_scenarios_add(s, "wage-rise", "Again", SMB_SOURCE_ECONOMIC, THREAT, 0.5, 3),
                   SMB_EEXIST, "scenario id 'wage-rise' is already taken");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_ECONOMIC, THREAT, 1.2, 3), SMB_ERANGE,
                   "scenario 'x' likelihood.min: must be a number from 0 to 1, got 1.2");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_ECONOMIC, THREAT, -0.1, 3),
                   SMB_ERANGE, "scenario 'x' likelihood.min");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_ECONOMIC, THREAT, NAN, 3), SMB_ERANGE,
                   "got nan");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_ECONOMIC, THREAT, 0.5, 0), SMB_ERANGE,
                   "scenario 'x' impact.min: must be a number from 1 to 5, got 0");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_ECONOMIC, THREAT, 0.5, 6), SMB_ERANGE,
                   "scenario 'x' impact.min: must be a number from 1 to 5, got 6");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_COUNT, THREAT, 0.5, 3), SMB_EINVAL,
                   "scenario 'x' source: 9 is not valid");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "X", SMB_SOURCE_CYBER, (smb_direction)2, 0.5, 3),
                   SMB_EINVAL, "scenario 'x' direction: 2 is not valid");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "bad id", "X", SMB_SOURCE_CYBER, THREAT, 0.5, 3),
                   SMB_EINVAL, "id 'bad id'");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "", "X", SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                   "id: must not be empty");
    ASSERT_REFUSED(s, smb_scenarios_add(s, NULL, "X", SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                   "id: must not be NULL");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "", SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                   "scenario 'x' title: must not be empty");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", NULL, SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                   "scenario 'x' title: must not be NULL");
    ASSERT_REFUSED(s, smb_scenarios_add(s, "x", "\xFF", SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                   "scenario 'x' title: not valid UTF-8");
    char long_id[SMB_MAX_ID_LENGTH + 2];
    memset(long_id, 'a', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    ASSERT_REFUSED(s, smb_scenarios_add(s, long_id, "X", SMB_SOURCE_CYBER, THREAT, 0.5, 3),
                   SMB_ELIMIT, "id: longer than 64 bytes");
    TH_ASSERT_FAILS(smb_scenarios_add(NULL, "x", "X", SMB_SOURCE_CYBER, THREAT, 0.5, 3), SMB_EINVAL,
                    "set: must not be NULL");
    /* The edges are accepted. */
    TH_OK(smb_scenarios_add(s, "edge-low", "Low", SMB_SOURCE_CYBER, THREAT, 0, 1));
    TH_OK(smb_scenarios_add(s, "edge-high", "High", SMB_SOURCE_CYBER, OPPORTUNITY, 1, 5));
    ck_assert_uint_eq(smb_scenarios_count(s), 4);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(estimates_are_validated_and_stored)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise";
    smb_estimate e = {SMB_DIST_TRIANGULAR, 0.2, 0.5, 0.9};
    TH_OK(smb_scenarios_set_likelihood(s, id, &e));
    const smb_estimate *got = smb_scenario_likelihood(smb_scenarios_find(s, id));
    ck_assert_int_eq(got->dist, SMB_DIST_TRIANGULAR);
    ck_assert_double_eq(got->min, 0.2);
    ck_assert_double_eq(got->mode, 0.5);
    ck_assert_double_eq(got->max, 0.9);

    /* A uniform's mode is not used: it is stored as the midpoint, whatever was given. */
    e = (smb_estimate){SMB_DIST_UNIFORM, 2, 77, 4};
    TH_OK(smb_scenarios_set_impact(s, id, &e));
    got = smb_scenario_impact(smb_scenarios_find(s, id));
    ck_assert_int_eq(got->dist, SMB_DIST_UNIFORM);
    ck_assert_double_eq(got->mode, 3);

    e = (smb_estimate){SMB_DIST_PERT, 0.6, 0.5, 0.4};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE,
                   "scenario 'wage-rise' likelihood: min 0.6 is above max 0.4");
    e = (smb_estimate){SMB_DIST_PERT, 0.2, 0.9, 0.5};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE,
                   "scenario 'wage-rise' likelihood.mode: 0.9 is outside [min 0.2, max 0.5]");
    e = (smb_estimate){SMB_DIST_TRIANGULAR, 0.2, 0.1, 0.5};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE,
                   "likelihood.mode: 0.1 is outside [min 0.2, max 0.5]");
    e = (smb_estimate){SMB_DIST_UNIFORM, 0.2, 0, 1.2};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE,
                   "scenario 'wage-rise' likelihood.max: must be a number from 0 to 1, got 1.2");
    e = (smb_estimate){SMB_DIST_PERT, 0.2, NAN, 0.5};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE, "likelihood.mode");
    e = (smb_estimate){SMB_DIST_POINT, 0.2, 0.3, 0.3};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_ERANGE,
                   "likelihood: a point needs min = mode = max");
    e = (smb_estimate){(smb_dist)5, 0.2, 0.3, 0.4};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_EINVAL,
                   "likelihood.dist: 5 is not a distribution");
    e = (smb_estimate){SMB_DIST_NONE, 0.2, 0.3, 0.4};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_EINVAL, "likelihood.dist: -1");
    e = (smb_estimate){SMB_DIST_TRIANGULAR, 0, 3, 6};
    ASSERT_REFUSED(s, smb_scenarios_set_impact(s, id, &e), SMB_ERANGE,
                   "scenario 'wage-rise' impact.min: must be a number from 1 to 5, got 0");
    e = (smb_estimate){SMB_DIST_TRIANGULAR, 1, 3, 6};
    ASSERT_REFUSED(s, smb_scenarios_set_impact(s, id, &e), SMB_ERANGE, "impact.max");
    e = (smb_estimate){SMB_DIST_PERT, -1, 100, 200};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE, "scenario 'wage-rise' money.min");
    e = (smb_estimate){SMB_DIST_POINT, 2e15, 2e15, 2e15};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE, "money.min");
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, NULL), SMB_EINVAL,
                   "scenario 'wage-rise' likelihood: must not be NULL");
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, "ghost", &e), SMB_ENOTFOUND,
                   "no scenario 'ghost'");
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, NULL, &e), SMB_EINVAL, "id: must not be NULL");

    /* Money: set, read, clear. */
    e = (smb_estimate){SMB_DIST_POINT, 2500, 2500, 2500};
    TH_OK(smb_scenarios_set_money(s, id, &e));
    ck_assert_double_eq(smb_scenario_money(smb_scenarios_find(s, id))->mode, 2500);
    TH_OK(smb_scenarios_clear_money(s, id));
    ck_assert_ptr_null(smb_scenario_money(smb_scenarios_find(s, id)));
    smb_scenarios_free(s);
}
END_TEST

START_TEST(estimate_means_and_their_refusals)
{
    double mean = 0;
    smb_estimate e = {SMB_DIST_POINT, 0.3, 0.3, 0.3};
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert_double_eq(mean, 0.3);
    /* uniform (2 + 4) / 2 = 3 (its mode is not read) */
    e = (smb_estimate){SMB_DIST_UNIFORM, 2, 99, 4};
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert_double_eq(mean, 3);
    /* triangular (1 + 2 + 6) / 3 = 9 / 3 = 3 */
    e = (smb_estimate){SMB_DIST_TRIANGULAR, 1, 2, 6};
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert_double_eq_tol(mean, 3, 1e-12);
    /* PERT (1 + 4 * 2 + 6) / 6 = 15 / 6 = 2.5 */
    e = (smb_estimate){SMB_DIST_PERT, 1, 2, 6};
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert_double_eq_tol(mean, 2.5, 1e-12);
    /* Means are not limited to a field's range. */
    e = (smb_estimate){SMB_DIST_PERT, -10, 0, 40};
    TH_OK(smb_estimate_mean(&e, &mean)); /* (-10 + 0 + 40) / 6 = 5 */
    ck_assert_double_eq_tol(mean, 5, 1e-12);

    mean = 42;
    e = (smb_estimate){SMB_DIST_TRIANGULAR, 3, 2, 1};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_ERANGE, "estimate: min 3 is above max 1");
    e = (smb_estimate){SMB_DIST_PERT, 1, 7, 6};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_ERANGE, "estimate.mode: 7 is outside");
    e = (smb_estimate){SMB_DIST_UNIFORM, 1, 0, INFINITY};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_ERANGE, "estimate.max");
    e = (smb_estimate){(smb_dist)9, 1, 2, 3};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_EINVAL, "estimate.dist: 9");
    TH_ASSERT_FAILS(smb_estimate_mean(NULL, &mean), SMB_EINVAL, "estimate: must not be NULL");
    TH_ASSERT_FAILS(smb_estimate_mean(&e, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_double_eq(mean, 42);
}
END_TEST

/* A lognormal money estimate: min and max are its 5th and 95th
 * percentiles; the mode is not used and is stored as the median √(min·max).
 * lognormal(1000, 100000): μ = ln 10000, σ = ln 100/(2·1.6448536269514722)
 * = 4.605170185988091/3.2897072539029444 = 1.3998723383; the mean is
 * 10000·exp(σ²/2) = 10000·exp(0.9798212818) = 10000·2.6639800977
 * = 26639.800977. */
START_TEST(lognormal_money_estimates)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise";
    smb_estimate e = {SMB_DIST_LOGNORMAL, 1000, 123, 100000};
    TH_OK(smb_scenarios_set_money(s, id, &e));
    const smb_estimate *got = smb_scenario_money(smb_scenarios_find(s, id));
    ck_assert_int_eq(got->dist, SMB_DIST_LOGNORMAL);
    ck_assert_double_eq(got->min, 1000);
    ck_assert_double_eq_tol(got->mode, 10000, 1e-9); /* √(1000·100000) */
    ck_assert_double_eq(got->max, 100000);
    double mean = 0;
    TH_OK(smb_estimate_mean(got, &mean));
    ck_assert_double_eq_tol(mean, 26639.800977355469, 1e-8);
    /* 5th = 95th: no spread, the mean is the value */
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 2500, 0, 2500};
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert_double_eq(mean, 2500);
    TH_OK(smb_scenarios_set_money(s, id, &e));
    ck_assert_double_eq(smb_scenario_money(smb_scenarios_find(s, id))->mode, 2500);
    /* the median of a wide range stays in range: √(1e-300·1e300) = 1 */
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1e-300, 0, 1e-290};
    TH_OK(smb_scenarios_set_money(s, id, &e));
    ck_assert_double_eq_tol(smb_scenario_money(smb_scenarios_find(s, id))->mode, 1e-295, 1e-305);

    /* Refused: for bounded fields, a 5th percentile not above 0, 5th above
     * 95th, and a spread so wide that the mean passes the field's bound:
     * lognormal(1, 1e12) has μ = 13.8155, σ = 27.631/3.2897 = 8.3993 and a
     * mean of exp(13.8155 + 35.2737) = e^49.0892 ≈ 2.085e21, above 1e15. */
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 0.1, 0, 0.5};
    ASSERT_REFUSED(s, smb_scenarios_set_likelihood(s, id, &e), SMB_EINVAL,
                   "scenario 'wage-rise' likelihood.dist: lognormal is only for money amounts");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 2, 0, 4};
    ASSERT_REFUSED(s, smb_scenarios_set_impact(s, id, &e), SMB_EINVAL,
                   "scenario 'wage-rise' impact.dist: lognormal is only for money amounts");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 0, 0, 5000};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE,
                   "scenario 'wage-rise' money.min: a lognormal's 5th percentile must be above 0, "
                   "got 0");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 6000, 0, 5000};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE,
                   "money: min 6000 is above max 5000");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1, 0, 1e12};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE,
                   "money: a lognormal with 5th percentile 1 and 95th 1e+12 has mean");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1000, 0, 2e15};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE, "money.max");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1000, 0, NAN};
    ASSERT_REFUSED(s, smb_scenarios_set_money(s, id, &e), SMB_ERANGE, "money.max");

    /* smb_estimate_mean checks the form whatever the field: the mean must
     * stay finite (below 1e300) */
    mean = 42;
    e = (smb_estimate){SMB_DIST_LOGNORMAL, -1, 0, 10};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_ERANGE, "estimate.min: a lognormal's");
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1e-300, 0, 1e300};
    TH_ASSERT_FAILS(smb_estimate_mean(&e, &mean), SMB_ERANGE, "has mean inf, above 1e+300");
    ck_assert_double_eq(mean, 42);

    /* a copy keeps it and equality sees it */
    e = (smb_estimate){SMB_DIST_LOGNORMAL, 1000, 0, 100000};
    TH_OK(smb_scenarios_set_money(s, id, &e));
    smb_scenarios *copy = NULL;
    TH_OK(smb_scenarios_copy(s, &copy));
    ck_assert(smb_scenarios_equal(s, copy));
    e.max = 100001;
    TH_OK(smb_scenarios_set_money(copy, id, &e));
    ck_assert(!smb_scenarios_equal(s, copy));
    smb_scenarios_free(copy);
    smb_scenarios_free(s);
}
END_TEST

/* ---- changing scenarios -------------------------------------------------- */

START_TEST(text_source_direction_kind_and_horizon)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise";
    TH_OK(smb_scenarios_set_title(s, id, "Minimum wage rises 12 %"));
    ck_assert_str_eq(smb_scenario_title(smb_scenarios_find(s, id)), "Minimum wage rises 12 %");
    ASSERT_REFUSED(s, smb_scenarios_set_title(s, id, ""), SMB_EINVAL,
                   "scenario 'wage-rise' title: must not be empty");
    ASSERT_REFUSED(s, smb_scenarios_set_title(s, id, NULL), SMB_EINVAL, "title: must not be NULL");
    TH_OK(smb_scenarios_set_description(s, id, "Announced in the budget"));
    ck_assert_str_eq(smb_scenario_description(smb_scenarios_find(s, id)), "Announced in the budget");
    ASSERT_REFUSED(s, smb_scenarios_set_description(s, id, "\xC0\x80"), SMB_EINVAL,
                   "scenario 'wage-rise' description: not valid UTF-8");
    TH_OK(smb_scenarios_set_description(s, id, ""));
    ck_assert_ptr_null(smb_scenario_description(smb_scenarios_find(s, id)));

    TH_OK(smb_scenarios_set_source(s, id, SMB_SOURCE_REGULATORY));
    ck_assert_uint_eq(smb_scenario_mitigators(smb_scenarios_find(s, id)), ADA | DAT);
    ASSERT_REFUSED(s, smb_scenarios_set_source(s, id, SMB_SOURCE_NONE), SMB_EINVAL,
                   "scenario 'wage-rise' source: -1 is not valid");
    TH_OK(smb_scenarios_set_direction(s, id, OPPORTUNITY));
    ck_assert_int_eq(smb_scenario_direction(smb_scenarios_find(s, id)), OPPORTUNITY);
    ASSERT_REFUSED(s, smb_scenarios_set_direction(s, id, SMB_DIRECTION_COUNT), SMB_EINVAL,
                   "scenario 'wage-rise' direction: 2 is not valid");

    unsigned kind = SMB_SCENARIO_TECHNOLOGICAL | SMB_SCENARIO_SUSTAINING | SMB_SCENARIO_OPERATIONAL;
    TH_OK(smb_scenarios_set_kind(s, id, kind));
    ck_assert_uint_eq(smb_scenario_kind(smb_scenarios_find(s, id)), kind);
    ASSERT_REFUSED(s, smb_scenarios_set_kind(s, id, SMB_SCENARIO_TECHNOLOGICAL | SMB_SCENARIO_BUSINESS_MODEL),
                   SMB_EINVAL, "scenario 'wage-rise' kind: both technological and business_model");
    ASSERT_REFUSED(s, smb_scenarios_set_kind(s, id, SMB_SCENARIO_SUSTAINING | SMB_SCENARIO_DISRUPTIVE),
                   SMB_EINVAL, "both sustaining and disruptive");
    ASSERT_REFUSED(s, smb_scenarios_set_kind(s, id, SMB_SCENARIO_OPERATIONAL | SMB_SCENARIO_STRATEGIC),
                   SMB_EINVAL, "both operational and strategic");
    ASSERT_REFUSED(s, smb_scenarios_set_kind(s, id, 0x40), SMB_EINVAL, "kind: unknown flag bits 0x40");
    TH_OK(smb_scenarios_set_kind(s, id, 0));
    ck_assert_uint_eq(smb_scenario_kind(smb_scenarios_find(s, id)), 0);

    TH_OK(smb_scenarios_set_horizon(s, id, 0.5));
    ck_assert_double_eq(smb_scenario_horizon(smb_scenarios_find(s, id)), 0.5);
    ASSERT_REFUSED(s, smb_scenarios_set_horizon(s, id, 0), SMB_ERANGE,
                   "scenario 'wage-rise' horizon_months: must be a number of months above 0 and at most 1200, got 0");
    ASSERT_REFUSED(s, smb_scenarios_set_horizon(s, id, -3), SMB_ERANGE, "horizon_months");
    ASSERT_REFUSED(s, smb_scenarios_set_horizon(s, id, 1201), SMB_ERANGE, "horizon_months");
    ASSERT_REFUSED(s, smb_scenarios_set_horizon(s, id, NAN), SMB_ERANGE, "horizon_months");
    TH_OK(smb_scenarios_set_horizon(s, id, 1200));
    ASSERT_REFUSED(s, smb_scenarios_set_horizon(s, "ghost", 6), SMB_ENOTFOUND, "no scenario 'ghost'");
    TH_ASSERT_FAILS(smb_scenarios_set_horizon(NULL, id, 6), SMB_EINVAL, "set: must not be NULL");
    smb_scenarios_free(s);
}
END_TEST

START_TEST(settings_of_the_set)
{
    smb_scenarios *s = sample();
    TH_OK(smb_scenarios_set_mitigation(s, 0.8));
    ck_assert_double_eq(smb_scenarios_mitigation(s), 0.8);
    TH_OK(smb_scenarios_set_mitigation(s, 0));
    TH_OK(smb_scenarios_set_mitigation(s, 1));
    ASSERT_REFUSED(s, smb_scenarios_set_mitigation(s, 1.01), SMB_ERANGE,
                   "mitigation: must be a number from 0 to 1, got 1.01");
    ASSERT_REFUSED(s, smb_scenarios_set_mitigation(s, -0.5), SMB_ERANGE, "mitigation");
    ASSERT_REFUSED(s, smb_scenarios_set_mitigation(s, NAN), SMB_ERANGE, "mitigation");
    TH_OK(smb_scenarios_set_half_life(s, 6));
    ck_assert_double_eq(smb_scenarios_half_life(s), 6);
    ASSERT_REFUSED(s, smb_scenarios_set_half_life(s, 0), SMB_ERANGE,
                   "half_life_months: must be a number of months above 0");
    ASSERT_REFUSED(s, smb_scenarios_set_half_life(s, INFINITY), SMB_ERANGE, "half_life_months");
    TH_ASSERT_FAILS(smb_scenarios_set_half_life(NULL, 6), SMB_EINVAL, "set: must not be NULL");
    ck_assert_double_eq(smb_scenarios_half_life(NULL), 0);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(blocks_hit)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise";
    TH_OK(smb_scenarios_hit_block(s, id, SMB_BLOCK_COST_STRUCTURE, 3));
    TH_OK(smb_scenarios_hit_block(s, id, SMB_BLOCK_KEY_RESOURCES, 0.5));
    const smb_scenario *sc = smb_scenarios_find(s, id);
    ck_assert_uint_eq(smb_scenario_block_count(sc), 2);
    ck_assert_double_eq(smb_scenario_block_weight(sc, SMB_BLOCK_COST_STRUCTURE), 3);
    TH_OK(smb_scenarios_hit_block(s, id, SMB_BLOCK_COST_STRUCTURE, 1.5)); /* a new weight */
    ck_assert_double_eq(smb_scenario_block_weight(sc, SMB_BLOCK_COST_STRUCTURE), 1.5);
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_COUNT, 1), SMB_EINVAL,
                   "scenario 'wage-rise' block: 9 is not valid");
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_NONE, 1), SMB_EINVAL, "block: -1");
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_CHANNELS, 0), SMB_ERANGE,
                   "scenario 'wage-rise' blocks.channels: weight must be a number above 0");
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_CHANNELS, -1), SMB_ERANGE, "blocks.channels");
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_CHANNELS, NAN), SMB_ERANGE, "blocks.channels");
    ASSERT_REFUSED(s, smb_scenarios_hit_block(s, id, SMB_BLOCK_CHANNELS, 2e6), SMB_ERANGE, "blocks.channels");
    smb_block unknown = SMB_BLOCK_NONE;
    TH_ASSERT_FAILS(smb_block_from_key("supply_chain", &unknown), SMB_ENOTFOUND, "supply_chain");

    TH_OK(smb_scenarios_clear_block(s, id, SMB_BLOCK_KEY_RESOURCES));
    ck_assert_uint_eq(smb_scenario_block_count(sc), 1);
    ASSERT_REFUSED(s, smb_scenarios_clear_block(s, id, SMB_BLOCK_KEY_RESOURCES), SMB_ENOTFOUND,
                   "scenario 'wage-rise' does not hit block 'key_resources'");
    ASSERT_REFUSED(s, smb_scenarios_clear_block(s, id, (smb_block)12), SMB_EINVAL, "block: 12");
    smb_scenarios_free(s);
}
END_TEST

START_TEST(driver_shifts)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise";
    TH_OK(smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "fixed_costs", 1));
    TH_OK(smb_scenarios_add_shift(s, id, SMB_FORCE_SUPPLIER_POWER, "supplier_concentration", -0.5));
    TH_OK(smb_scenarios_add_shift(s, id, SMB_FORCE_BUYER_POWER, "fixed_costs", 4)); /* another force */
    const smb_scenario *sc = smb_scenarios_find(s, id);
    ck_assert_uint_eq(smb_scenario_shift_count(sc), 3);
    const smb_driver_shift *sh = smb_scenario_shift_at(sc, 1);
    ck_assert_int_eq(sh->force, SMB_FORCE_SUPPLIER_POWER);
    ck_assert_str_eq(sh->driver, "supplier_concentration");
    ck_assert_double_eq(sh->delta, -0.5);

    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "exit_barriers", 9), SMB_ERANGE,
                   "scenario 'wage-rise' shift rivalry/exit_barriers delta: must be a number from -4 to 4, got 9");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "exit_barriers", -4.5),
                   SMB_ERANGE, "delta");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "exit_barriers", NAN),
                   SMB_ERANGE, "delta");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "fixed_costs", 2), SMB_EEXIST,
                   "scenario 'wage-rise' already shifts rivalry/fixed_costs");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_COUNT, "fixed_costs", 2), SMB_EINVAL,
                   "scenario 'wage-rise' shift force: 5 is not valid");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "fixed costs", 2), SMB_EINVAL,
                   "scenario 'wage-rise' shift driver: id 'fixed costs'");
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, NULL, 2), SMB_EINVAL,
                   "driver: must not be NULL");
    /* The edges are accepted. */
    TH_OK(smb_scenarios_add_shift(s, id, SMB_FORCE_RIVALRY, "exit_barriers", -4));

    TH_OK(smb_scenarios_remove_shift(s, id, SMB_FORCE_SUPPLIER_POWER, "supplier_concentration"));
    ck_assert_uint_eq(smb_scenario_shift_count(sc), 3);
    ck_assert_str_eq(smb_scenario_shift_at(sc, 1)->driver, "fixed_costs");
    ck_assert_int_eq(smb_scenario_shift_at(sc, 1)->force, SMB_FORCE_BUYER_POWER);
    ASSERT_REFUSED(s, smb_scenarios_remove_shift(s, id, SMB_FORCE_SUPPLIER_POWER, "supplier_concentration"),
                   SMB_ENOTFOUND, "scenario 'wage-rise' does not shift supplier_power/supplier_concentration");
    smb_scenarios_free(s);
}
END_TEST

START_TEST(shift_limit)
{
    smb_scenarios *s = sample();
    char key[32];
    for (int i = 0; i < SMB_MAX_SHIFTS; i++) {
        snprintf(key, sizeof key, "d%d", i);
        TH_OK(smb_scenarios_add_shift(s, "wage-rise", SMB_FORCE_RIVALRY, key, 1));
    }
    ASSERT_REFUSED(s, smb_scenarios_add_shift(s, "wage-rise", SMB_FORCE_RIVALRY, "one-more", 1),
                   SMB_ELIMIT, "scenario 'wage-rise' shifts: at most 256 drivers");
    smb_scenarios_free(s);
}
END_TEST

START_TEST(mitigators_override_the_source)
{
    smb_scenarios *s = sample();
    const char *id = "wage-rise"; /* economic: adaptability, agility */
    const smb_scenario *sc = smb_scenarios_find(s, id);
    ck_assert_uint_eq(smb_scenario_mitigators(sc), ADA | AGI);
    TH_OK(smb_scenarios_set_mitigators(s, id, DAT));
    ck_assert(smb_scenario_has_mitigators(sc));
    ck_assert_uint_eq(smb_scenario_mitigators(sc), DAT);
    /* The override outlives a change of source. */
    TH_OK(smb_scenarios_set_source(s, id, SMB_SOURCE_CYBER));
    ck_assert_uint_eq(smb_scenario_mitigators(sc), DAT);
    ASSERT_REFUSED(s, smb_scenarios_set_mitigators(s, id, 0), SMB_EINVAL,
                   "scenario 'wage-rise' mitigated_by: must name at least one capability");
    ASSERT_REFUSED(s, smb_scenarios_set_mitigators(s, id, 0x20 | DAT), SMB_EINVAL,
                   "mitigated_by: unknown capability bits 0x20");
    TH_OK(smb_scenarios_clear_mitigators(s, id));
    ck_assert(!smb_scenario_has_mitigators(sc));
    ck_assert_uint_eq(smb_scenario_mitigators(sc), DAT | AGI | ADA); /* cyber's defaults */
    smb_scenarios_free(s);
}
END_TEST

START_TEST(removing_scenarios)
{
    smb_scenarios *s = sample();
    TH_OK(smb_scenarios_add(s, "third", "Third", SMB_SOURCE_CYBER, THREAT, 0.1, 2));
    TH_OK(smb_scenarios_remove(s, "delivery-apps"));
    ck_assert_uint_eq(smb_scenarios_count(s), 2);
    ck_assert_ptr_null(smb_scenarios_find(s, "delivery-apps"));
    ck_assert_str_eq(smb_scenario_id(smb_scenarios_at(s, 0)), "wage-rise");
    ck_assert_uint_eq(smb_scenario_index(smb_scenarios_find(s, "third")), 1);
    ASSERT_REFUSED(s, smb_scenarios_remove(s, "delivery-apps"), SMB_ENOTFOUND,
                   "no scenario 'delivery-apps'");
    /* The id is free again. */
    TH_OK(smb_scenarios_add(s, "delivery-apps", "Back", SMB_SOURCE_ECONOMIC, THREAT, 0.2, 2));
    ck_assert_uint_eq(smb_scenario_index(smb_scenarios_find(s, "delivery-apps")), 2);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(many_scenarios_keep_their_ids)
{
    smb_scenarios *s = fresh();
    char id[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "s%d", i);
        TH_OK(smb_scenarios_add(s, id, "Scenario", SMB_SOURCE_COMPETITION, THREAT, 0.5, 3));
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(id, sizeof id, "s%d", i);
        const smb_scenario *sc = smb_scenarios_find(s, id);
        ck_assert_ptr_nonnull(sc);
        ck_assert_uint_eq(smb_scenario_index(sc), (size_t)i);
    }
    smb_scenarios_free(s);
}
END_TEST

/* ---- copy and equality --------------------------------------------------- */

START_TEST(copy_is_deep_and_equality_sees_every_field)
{
    smb_scenarios *a = sample(), *b = NULL;
    TH_OK(smb_scenarios_copy(a, &b));
    ck_assert(smb_scenarios_equal(a, b));
    const char *id = "delivery-apps";
    ck_assert_ptr_ne(smb_scenario_title(smb_scenarios_find(a, id)),
                     smb_scenario_title(smb_scenarios_find(b, id)));
    ck_assert_ptr_eq(smb_scenarios_find(b, id), smb_scenarios_at(b, 0));

    /* Each change makes them differ; undoing it makes them equal again. */
#define DIFFERS(change, undo)                                                  \
    do {                                                                       \
        TH_OK(change);                                                         \
        ck_assert_msg(!smb_scenarios_equal(a, b), "%s went unnoticed", #change); \
        TH_OK(undo);                                                           \
        ck_assert_msg(smb_scenarios_equal(a, b), "%s was not undone", #undo);  \
    } while (0)
    smb_estimate p0 = *smb_scenario_likelihood(smb_scenarios_find(a, id));
    smb_estimate i0 = *smb_scenario_impact(smb_scenarios_find(a, id));
    smb_estimate m0 = *smb_scenario_money(smb_scenarios_find(a, id));
    smb_estimate p1 = {SMB_DIST_TRIANGULAR, 0.3, 0.6, 0.8};
    smb_estimate i1 = {SMB_DIST_POINT, 4.5, 4.5, 4.5};
    smb_estimate m1 = {SMB_DIST_TRIANGULAR, 5000, 12000, 30001};
    DIFFERS(smb_scenarios_set_title(b, id, "Other"),
            smb_scenarios_set_title(b, id, "Delivery apps take our lunch trade"));
    DIFFERS(smb_scenarios_set_description(b, id, NULL),
            smb_scenarios_set_description(b, id, "Platforms charge 30 % commission"));
    DIFFERS(smb_scenarios_set_source(b, id, SMB_SOURCE_COMPETITION),
            smb_scenarios_set_source(b, id, SMB_SOURCE_DIGITAL_PLATFORMS));
    DIFFERS(smb_scenarios_set_direction(b, id, OPPORTUNITY), smb_scenarios_set_direction(b, id, THREAT));
    DIFFERS(smb_scenarios_set_kind(b, id, SMB_SCENARIO_DISRUPTIVE),
            smb_scenarios_set_kind(b, id, SMB_SCENARIO_BUSINESS_MODEL | SMB_SCENARIO_DISRUPTIVE));
    DIFFERS(smb_scenarios_set_likelihood(b, id, &p1), smb_scenarios_set_likelihood(b, id, &p0));
    DIFFERS(smb_scenarios_set_impact(b, id, &i1), smb_scenarios_set_impact(b, id, &i0));
    DIFFERS(smb_scenarios_set_money(b, id, &m1), smb_scenarios_set_money(b, id, &m0));
    DIFFERS(smb_scenarios_clear_money(b, id), smb_scenarios_set_money(b, id, &m0));
    DIFFERS(smb_scenarios_set_horizon(b, id, 17), smb_scenarios_set_horizon(b, id, 18));
    DIFFERS(smb_scenarios_hit_block(b, id, SMB_BLOCK_CHANNELS, 3),
            smb_scenarios_hit_block(b, id, SMB_BLOCK_CHANNELS, 2));
    DIFFERS(smb_scenarios_hit_block(b, id, SMB_BLOCK_REVENUE_STREAMS, 1),
            smb_scenarios_clear_block(b, id, SMB_BLOCK_REVENUE_STREAMS));
    DIFFERS(smb_scenarios_add_shift(b, id, SMB_FORCE_RIVALRY, "exit_barriers", 1),
            smb_scenarios_remove_shift(b, id, SMB_FORCE_RIVALRY, "exit_barriers"));
    DIFFERS(smb_scenarios_set_mitigators(b, id, CUS), smb_scenarios_set_mitigators(b, id, CUS | INN));
    DIFFERS(smb_scenarios_clear_mitigators(b, id), smb_scenarios_set_mitigators(b, id, CUS | INN));
    DIFFERS(smb_scenarios_set_mitigation(b, 0.4), smb_scenarios_set_mitigation(b, 0.5));
    DIFFERS(smb_scenarios_set_half_life(b, 12), smb_scenarios_set_half_life(b, 24));
    DIFFERS(smb_scenarios_add(b, "extra", "Extra", SMB_SOURCE_CYBER, THREAT, 0.1, 1),
            smb_scenarios_remove(b, "extra"));
#undef DIFFERS
    /* A different shift delta of the same driver. */
    TH_OK(smb_scenarios_remove_shift(b, id, SMB_FORCE_SUBSTITUTES, "price_performance"));
    TH_OK(smb_scenarios_add_shift(b, id, SMB_FORCE_SUBSTITUTES, "price_performance", 1.25));
    ck_assert(!smb_scenarios_equal(a, b));

    ck_assert(!smb_scenarios_equal(a, NULL));
    ck_assert(smb_scenarios_equal(NULL, NULL));
    smb_scenarios *untouched = b;
    TH_ASSERT_FAILS(smb_scenarios_copy(NULL, &untouched), SMB_EINVAL, "set: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_copy(a, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_eq(untouched, b);
    smb_scenarios_free(a);
    smb_scenarios_free(b);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

START_TEST(allocation_failures_of_the_model)
{
    th_alloc_install();
    smb_scenarios *s = NULL;
    TH_EACH_ALLOC_FAILURE(smb_scenarios_new(&s), s == NULL, (void)0, 1);
    /* The first scenario of a set allocates its arrays afresh. */
    smb_scenarios *empty = NULL;
    TH_OK(smb_scenarios_copy(s, &empty));
    TH_EACH_ALLOC_FAILURE(smb_scenarios_add(s, "first", "First", SMB_SOURCE_CYBER, THREAT, 0.5, 2),
                          smb_scenarios_equal(s, empty),
                          ck_assert_uint_eq(smb_scenarios_count(s), 1), 4);
    smb_scenarios_free(empty);
    smb_scenarios_free(s);
    s = sample();
    smb_scenarios *snap = NULL, *c = NULL;
    TH_OK(smb_scenarios_copy(s, &snap));

    TH_EACH_ALLOC_FAILURE(smb_scenarios_copy(s, &c), c == NULL,
                          (ck_assert(smb_scenarios_equal(s, c)), smb_scenarios_free(c)), 6);
    TH_EACH_ALLOC_FAILURE(smb_scenarios_add(s, "supply-chain", "Flour supply fails",
                                            SMB_SOURCE_GLOBAL_EVENT, THREAT, 0.2, 4),
                          smb_scenarios_equal(s, snap),
                          ck_assert_ptr_nonnull(smb_scenarios_find(s, "supply-chain")), 2);
    smb_scenarios_free(snap);
    TH_OK(smb_scenarios_copy(s, &snap));
    TH_EACH_ALLOC_FAILURE(smb_scenarios_set_title(s, "supply-chain", "Flour deliveries stop"),
                          smb_scenarios_equal(s, snap),
                          ck_assert_str_eq(smb_scenario_title(smb_scenarios_find(s, "supply-chain")),
                                           "Flour deliveries stop"),
                          1);
    smb_scenarios_free(snap);
    TH_OK(smb_scenarios_copy(s, &snap));
    TH_EACH_ALLOC_FAILURE(smb_scenarios_set_description(s, "supply-chain", "A harvest fails"),
                          smb_scenarios_equal(s, snap),
                          ck_assert_str_eq(smb_scenario_description(smb_scenarios_find(s, "supply-chain")),
                                           "A harvest fails"),
                          1);
    smb_scenarios_free(snap);
    TH_OK(smb_scenarios_copy(s, &snap));
    TH_EACH_ALLOC_FAILURE(smb_scenarios_add_shift(s, "supply-chain", SMB_FORCE_SUPPLIER_POWER,
                                                  "supplier_concentration", 2),
                          smb_scenarios_equal(s, snap),
                          ck_assert_uint_eq(smb_scenario_shift_count(smb_scenarios_find(s, "supply-chain")), 1),
                          2);
    smb_scenarios_free(snap);
    smb_scenarios_free(s);
}
END_TEST

static Suite *scenario_suite(void)
{
    Suite *s = suite_create("scenario");
    TCase *keys = tcase_create("taxonomies");
    tcase_add_test(keys, source_keys_and_default_mitigators);
    tcase_add_test(keys, direction_kind_and_dist_keys);
    suite_add_tcase(s, keys);

    TCase *model = tcase_create("model");
    tcase_add_test(model, new_set_and_added_scenario_defaults);
    tcase_add_test(model, bad_scenarios_are_refused_at_add);
    tcase_add_test(model, estimates_are_validated_and_stored);
    tcase_add_test(model, estimate_means_and_their_refusals);
    tcase_add_test(model, lognormal_money_estimates);
    tcase_add_test(model, text_source_direction_kind_and_horizon);
    tcase_add_test(model, settings_of_the_set);
    tcase_add_test(model, blocks_hit);
    tcase_add_test(model, driver_shifts);
    tcase_add_test(model, shift_limit);
    tcase_add_test(model, mitigators_override_the_source);
    tcase_add_test(model, removing_scenarios);
    tcase_add_test(model, many_scenarios_keep_their_ids);
    tcase_add_test(model, copy_is_deep_and_equality_sees_every_field);
    suite_add_tcase(s, model);

    TCase *mem = tcase_create("allocation failures");
    tcase_add_test(mem, allocation_failures_of_the_model);
    tcase_set_timeout(mem, 120);
    suite_add_tcase(s, mem);
    return s;
}

int main(void)
{
    return th_run_suite(scenario_suite());
}
