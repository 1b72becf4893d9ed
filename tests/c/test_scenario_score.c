/* SPDX-License-Identifier: MIT */
/* Scenario scoring, every formula worked by hand: distribution means, the
 * relevant resilience R, the capability factor, exposure, urgency with its
 * half-life, the risk matrix at each threshold, ranking and its ties,
 * totals, the what-if, concurrency and allocation failures. */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "harness.h"

#define BIT SMB_CAPABILITY_BIT
#define CUS BIT(SMB_CAPABILITY_CUSTOMER_CENTRICITY)
#define DAT BIT(SMB_CAPABILITY_DATA_DRIVEN)
#define THREAT SMB_DIRECTION_THREAT
#define OPPORTUNITY SMB_DIRECTION_OPPORTUNITY
#define TOL 1e-12

/* sqrt(0.5) = 0.5^(12/24): the urgency of a 12-month horizon at half-life 24. */
#define URGENCY_12 0.7071067811865476

/* adaptability 4, agility 3, innovation 2, customer-centricity 5, data 1. */
static smb_resilience *profile(void)
{
    smb_resilience *r = NULL;
    TH_OK(smb_resilience_new(&r));
    static const double m[] = {4, 3, 2, 5, 1};
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        TH_OK(smb_resilience_set_maturity(r, (smb_capability)c, m[c]));
    return r;
}

static void set_estimate(smb_scenarios *s, const char *id, int which, smb_dist dist, double a,
                         double m, double b)
{
    smb_estimate e = {dist, a, m, b};
    if (which == 0)
        TH_OK(smb_scenarios_set_likelihood(s, id, &e));
    else if (which == 1)
        TH_OK(smb_scenarios_set_impact(s, id, &e));
    else
        TH_OK(smb_scenarios_set_money(s, id, &e));
}

/* Three scenarios whose figures are worked out below. */
static smb_scenarios *worked(void)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "ecom", "An online giant", SMB_SOURCE_TECHNOLOGY, THREAT, 0.5, 3));
    set_estimate(s, "ecom", 0, SMB_DIST_PERT, 0.1, 0.4, 0.7);
    set_estimate(s, "ecom", 1, SMB_DIST_TRIANGULAR, 2, 3, 4);
    set_estimate(s, "ecom", 2, SMB_DIST_PERT, 1000, 4000, 13000);
    TH_OK(smb_scenarios_add(s, "subs", "Subscription rivals", SMB_SOURCE_BUSINESS_MODEL, THREAT, 0.5, 3));
    set_estimate(s, "subs", 0, SMB_DIST_UNIFORM, 0.6, 0, 0.8);
    set_estimate(s, "subs", 1, SMB_DIST_PERT, 3, 4, 5);
    TH_OK(smb_scenarios_set_horizon(s, "subs", 36));
    TH_OK(smb_scenarios_add(s, "own-subs", "Our bread subscription", SMB_SOURCE_BUSINESS_MODEL,
                            OPPORTUNITY, 0.5, 4));
    TH_OK(smb_scenarios_set_mitigators(s, "own-subs", CUS));
    return s;
}

START_TEST(every_figure_of_a_threat)
{
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, r, &sc));
    ck_assert_double_eq(smb_scenario_scores_mitigation(sc), 0.5);
    ck_assert_double_eq(smb_scenario_scores_half_life(sc), 24);
    ck_assert_uint_eq(smb_scenario_scores_count(sc), 3);

    const smb_scenario_score *e = smb_scenario_scores_find(sc, "ecom");
    ck_assert_ptr_eq(e, smb_scenario_scores_at(sc, 0));
    ck_assert_str_eq(e->id, "ecom");
    ck_assert_str_eq(e->title, "An online giant");
    ck_assert_uint_eq(e->index, 0);
    ck_assert_int_eq(e->source, SMB_SOURCE_TECHNOLOGY);
    ck_assert_int_eq(e->direction, THREAT);
    /* PERT likelihood (0.1 + 4 * 0.4 + 0.7) / 6 = 2.4 / 6 = 0.4 */
    ck_assert_double_eq_tol(e->likelihood, 0.4, TOL);
    /* triangular impact (2 + 3 + 4) / 3 = 3 */
    ck_assert_double_eq_tol(e->impact, 3, TOL);
    ck_assert_double_eq(e->horizon, 12);
    /* technology: innovation 2, data_driven 1, agility 3 -> R = (2 + 1 + 3) / 3 / 5 = 0.4 */
    ck_assert_uint_eq(e->mitigators, BIT(SMB_CAPABILITY_INNOVATION) | DAT | BIT(SMB_CAPABILITY_AGILITY));
    ck_assert_double_eq_tol(e->resilience, 0.4, TOL);
    /* v = 1 - 0.5 * 0.4 = 0.8 */
    ck_assert_double_eq_tol(e->factor, 0.8, TOL);
    /* exposure = 0.4 * 3 * 0.8 = 0.96 */
    ck_assert_double_eq_tol(e->exposure, 0.96, TOL);
    /* urgency = 0.5^(12 / 24) = 0.70710678...; 0.96 * 0.70710678 = 0.67882251 */
    ck_assert_double_eq_tol(e->urgency, URGENCY_12, TOL);
    ck_assert_double_eq_tol(e->urgency_weighted, 0.6788225099390857, TOL);
    /* money PERT (1000 + 4 * 4000 + 13000) / 6 = 30000 / 6 = 5000; 0.4 * 5000 * 0.8 = 1600 */
    ck_assert(e->has_money);
    ck_assert_double_eq_tol(e->money, 5000, 1e-9);
    ck_assert_double_eq_tol(e->money_exposure, 1600, 1e-9);
    /* p 0.4 is in [0.30, 0.50): level 3; impact 3: level 3; 3 * 3 = 9: medium */
    ck_assert_int_eq(e->likelihood_level, 3);
    ck_assert_int_eq(e->impact_level, 3);
    ck_assert_int_eq(e->rating, 9);
    ck_assert_int_eq(e->band, SMB_RISK_BAND_MEDIUM);

    const smb_scenario_score *b = smb_scenario_scores_find(sc, "subs");
    /* uniform likelihood (0.6 + 0.8) / 2 = 0.7; PERT impact (3 + 16 + 5) / 6 = 4 */
    ck_assert_double_eq_tol(b->likelihood, 0.7, TOL);
    ck_assert_double_eq_tol(b->impact, 4, TOL);
    /* business_model: innovation 2, adaptability 4, customer 5 -> R = 11 / 15 */
    ck_assert_double_eq_tol(b->resilience, 11.0 / 15.0, TOL);
    /* v = 1 - 0.5 * 11 / 15 = 19 / 30; exposure = 0.7 * 4 * 19 / 30 = 1.77333... */
    ck_assert_double_eq_tol(b->factor, 19.0 / 30.0, TOL);
    ck_assert_double_eq_tol(b->exposure, 1.7733333333333332, TOL);
    /* urgency = 0.5^(36 / 24) = 0.5^1.5 = 0.35355339; weighted 0.62696801 */
    ck_assert_double_eq_tol(b->urgency, 0.3535533905932738, TOL);
    ck_assert_double_eq_tol(b->urgency_weighted, 0.6269680126520721, TOL);
    ck_assert(!b->has_money);
    ck_assert_double_eq(b->money, 0);
    ck_assert_double_eq(b->money_exposure, 0);
    /* p 0.7 reaches level 5; impact 4: level 4; 20: critical */
    ck_assert_int_eq(b->likelihood_level, 5);
    ck_assert_int_eq(b->impact_level, 4);
    ck_assert_int_eq(b->rating, 20);
    ck_assert_int_eq(b->band, SMB_RISK_BAND_CRITICAL);

    ck_assert_ptr_null(smb_scenario_scores_find(sc, "ghost"));
    ck_assert_ptr_null(smb_scenario_scores_at(sc, 3));
    smb_scenario_scores_free(sc);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

/* A lognormal money impact counts at its mean: lognormal(5th 1000, 95th
 * 100000) has μ = ln 10000, σ = ln 100/(2·1.6448536269514722) = 1.3998723383
 * and mean 10000·exp(σ²/2) = 26639.800977; with ecom's p 0.4 and v 0.8 the
 * money exposure is 0.4·26639.800977·0.8 = 8524.736313. */
START_TEST(lognormal_money_counts_at_its_mean)
{
    smb_scenarios *s = worked();
    set_estimate(s, "ecom", 2, SMB_DIST_LOGNORMAL, 1000, 0, 100000);
    smb_resilience *r = profile();
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, r, &sc));
    const smb_scenario_score *e = smb_scenario_scores_find(sc, "ecom");
    ck_assert(e->has_money);
    ck_assert_double_eq_tol(e->money, 26639.800977355469, 1e-8);
    ck_assert_double_eq_tol(e->money_exposure, 8524.7363127537501, 1e-8);
    smb_scenario_scores_free(sc);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(opportunities_gain_from_resilience)
{
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, r, &sc));
    const smb_scenario_score *o = smb_scenario_scores_find(sc, "own-subs");
    /* customer_centricity 5 -> R = 1; readiness = 1 - 0.5 * (1 - 1) = 1; 0.5 * 4 * 1 = 2 */
    ck_assert_double_eq_tol(o->resilience, 1, TOL);
    ck_assert_double_eq_tol(o->factor, 1, TOL);
    ck_assert_double_eq_tol(o->exposure, 2, TOL);
    smb_scenario_scores_free(sc);

    /* data_driven 1 -> R = 0.2; readiness = 1 - 0.5 * 0.8 = 0.6; 0.5 * 4 * 0.6 = 1.2 */
    TH_OK(smb_scenarios_set_mitigators(s, "own-subs", DAT));
    TH_OK(smb_scenarios_score(s, r, &sc));
    o = smb_scenario_scores_find(sc, "own-subs");
    ck_assert_double_eq_tol(o->factor, 0.6, TOL);
    ck_assert_double_eq_tol(o->exposure, 1.2, TOL);
    smb_scenario_scores_free(sc);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(settings_change_the_scores)
{
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    smb_scenario_scores *sc = NULL;

    /* No profile: R = 0, v = 1: ecom exposure = 0.4 * 3 * 1 = 1.2; the
     * opportunity's readiness is 1 - 0.5 * (1 - 0) = 0.5: 0.5 * 4 * 0.5 = 1. */
    TH_OK(smb_scenarios_score(s, NULL, &sc));
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->exposure, 1.2, TOL);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "own-subs")->exposure, 1, TOL);
    smb_scenario_scores_free(sc);

    /* m = 0: resilience changes nothing: ecom 0.4 * 3 = 1.2. */
    TH_OK(smb_scenarios_set_mitigation(s, 0));
    TH_OK(smb_scenarios_score(s, r, &sc));
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->factor, 1, TOL);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->exposure, 1.2, TOL);
    smb_scenario_scores_free(sc);

    /* m = 1 with R = 0.4: v = 0.6, 0.4 * 3 * 0.6 = 0.72. */
    TH_OK(smb_scenarios_set_mitigation(s, 1));
    TH_OK(smb_scenarios_score(s, r, &sc));
    ck_assert_double_eq(smb_scenario_scores_mitigation(sc), 1);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->exposure, 0.72, TOL);
    smb_scenario_scores_free(sc);

    /* Half-life 12 with horizon 12: urgency 0.5 exactly; horizon 36: 0.5^3 = 0.125. */
    TH_OK(smb_scenarios_set_mitigation(s, 0.5));
    TH_OK(smb_scenarios_set_half_life(s, 12));
    TH_OK(smb_scenarios_score(s, r, &sc));
    ck_assert_double_eq(smb_scenario_scores_half_life(sc), 12);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->urgency, 0.5, TOL);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "ecom")->urgency_weighted, 0.48, TOL);
    ck_assert_double_eq_tol(smb_scenario_scores_find(sc, "subs")->urgency, 0.125, TOL);
    smb_scenario_scores_free(sc);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(matrix_levels_at_every_threshold)
{
    /* Likelihood: 1 below 0.10, 2 below 0.30, 3 below 0.50, 4 below 0.70, else 5. */
    static const struct {
        double p;
        int level;
    } lk[] = {{0, 1},      {0.0999, 1}, {0.10, 2}, {0.2999, 2}, {0.30, 3}, {0.4999, 3},
              {0.50, 4},   {0.6999, 4}, {0.70, 5}, {1, 5},      {1.2, 0},  {-0.1, 0}};
    for (size_t i = 0; i < sizeof lk / sizeof lk[0]; i++)
        ck_assert_msg(smb_risk_likelihood_level(lk[i].p) == lk[i].level, "p = %g: level %d, not %d",
                      lk[i].p, smb_risk_likelihood_level(lk[i].p), lk[i].level);
    ck_assert_int_eq(smb_risk_likelihood_level(NAN), 0);
    /* PERT (0.05, 0.1, 0.15) has mean 0.6 / 6, which rounds to 0.09999999999999999:
     * within 1e-9 below 0.10, so it still reaches level 2. */
    smb_estimate e = {SMB_DIST_PERT, 0.05, 0.1, 0.15};
    double mean = 0;
    TH_OK(smb_estimate_mean(&e, &mean));
    ck_assert(mean < 0.10);
    ck_assert_int_eq(smb_risk_likelihood_level(mean), 2);

    /* Impact: rounded half up, clamped to 1..5. */
    static const struct {
        double impact;
        int level;
    } im[] = {{1, 1},   {1.49, 1}, {1.5, 2}, {2.49, 2}, {2.5, 3}, {3.49, 3},
              {3.5, 4}, {4.49, 4}, {4.5, 5}, {5, 5},    {0.2, 1}, {7, 5}};
    for (size_t i = 0; i < sizeof im / sizeof im[0]; i++)
        ck_assert_msg(smb_risk_impact_level(im[i].impact) == im[i].level,
                      "impact %g: level %d, not %d", im[i].impact,
                      smb_risk_impact_level(im[i].impact), im[i].level);
    ck_assert_int_eq(smb_risk_impact_level(NAN), 0);
    ck_assert_int_eq(smb_risk_impact_level(INFINITY), 0);

    /* Bands: low <= 4 < medium <= 9 < high <= 15 < critical. */
    static const struct {
        int rating;
        smb_risk_band band;
    } bd[] = {{1, SMB_RISK_BAND_LOW},     {4, SMB_RISK_BAND_LOW},       {5, SMB_RISK_BAND_MEDIUM},
              {9, SMB_RISK_BAND_MEDIUM},  {10, SMB_RISK_BAND_HIGH},     {15, SMB_RISK_BAND_HIGH},
              {16, SMB_RISK_BAND_CRITICAL}, {25, SMB_RISK_BAND_CRITICAL}, {0, SMB_RISK_BAND_NONE},
              {26, SMB_RISK_BAND_NONE},   {-3, SMB_RISK_BAND_NONE}};
    for (size_t i = 0; i < sizeof bd / sizeof bd[0]; i++)
        ck_assert_msg(smb_risk_band_of(bd[i].rating) == bd[i].band, "rating %d: band %d, not %d",
                      bd[i].rating, smb_risk_band_of(bd[i].rating), bd[i].band);
}
END_TEST

START_TEST(matrix_cells_through_scoring)
{
    /* Point estimates, so that the means are the values given. */
    static const struct {
        const char *id;
        double p, impact;
        int lk, im, rating;
        smb_risk_band band;
    } cells[] = {
        {"p0999", 0.0999, 3, 1, 3, 3, SMB_RISK_BAND_LOW},
        {"p0100", 0.10, 3, 2, 3, 6, SMB_RISK_BAND_MEDIUM},
        {"i249", 0.5, 2.49, 4, 2, 8, SMB_RISK_BAND_MEDIUM},
        {"i250", 0.5, 2.5, 4, 3, 12, SMB_RISK_BAND_HIGH},
        {"r4", 0.2, 2, 2, 2, 4, SMB_RISK_BAND_LOW},          /* 2 * 2 = 4: low */
        {"r5", 0.05, 5, 1, 5, 5, SMB_RISK_BAND_MEDIUM},      /* 1 * 5 = 5: medium */
        {"r9", 0.3, 3, 3, 3, 9, SMB_RISK_BAND_MEDIUM},       /* 3 * 3 = 9: medium */
        {"r10", 0.8, 2, 5, 2, 10, SMB_RISK_BAND_HIGH},       /* 5 * 2 = 10: high */
        {"r15", 0.35, 5, 3, 5, 15, SMB_RISK_BAND_HIGH},      /* 3 * 5 = 15: high */
        {"r16", 0.55, 4, 4, 4, 16, SMB_RISK_BAND_CRITICAL},  /* 4 * 4 = 16: critical */
    };
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        TH_OK(smb_scenarios_add(s, cells[i].id, "Cell", SMB_SOURCE_ECONOMIC, THREAT, cells[i].p,
                                cells[i].impact));
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, NULL, &sc));
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        const smb_scenario_score *x = smb_scenario_scores_find(sc, cells[i].id);
        ck_assert_msg(x->likelihood_level == cells[i].lk && x->impact_level == cells[i].im &&
                          x->rating == cells[i].rating && x->band == cells[i].band,
                      "%s: %d x %d = %d (%s)", cells[i].id, x->likelihood_level, x->impact_level,
                      x->rating, smb_risk_band_key(x->band));
    }
    const smb_scenario_totals *t = smb_scenario_scores_totals(sc, THREAT);
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_LOW], 2);
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_MEDIUM], 4);
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_HIGH], 3);
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_CRITICAL], 1);
    smb_scenario_scores_free(sc);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(ranking_ties_and_totals)
{
    smb_resilience *r = profile();
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    /* Every threat mitigated by customer_centricity (5): R = 1, v = 0.5. */
    static const struct {
        const char *id;
        smb_direction dir;
        double p, impact, horizon;
        unsigned mit;
    } rows[] = {
        {"t1", THREAT, 0.5, 2, 24, CUS},        /* 0.5 * 2 * 0.5 = 0.5; urgency 0.5 -> 0.25 */
        {"o2", OPPORTUNITY, 0.5, 4, 12, DAT},   /* R 0.2: 0.5 * 4 * 0.6 = 1.2 */
        {"t4", THREAT, 0.9, 5, 12, CUS},        /* 0.9 * 5 * 0.5 = 2.25 */
        {"t2", THREAT, 0.25, 4, 12, CUS},       /* 0.25 * 4 * 0.5 = 0.5; urgency 0.7071 -> 0.3536 */
        {"o1", OPPORTUNITY, 0.5, 4, 12, CUS},   /* R 1: 0.5 * 4 * 1 = 2 */
        {"t3", THREAT, 0.5, 2, 24, CUS},        /* the same as t1 in every figure */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        TH_OK(smb_scenarios_add(s, rows[i].id, "Row", SMB_SOURCE_ECONOMIC, rows[i].dir, rows[i].p,
                                rows[i].impact));
        TH_OK(smb_scenarios_set_horizon(s, rows[i].id, rows[i].horizon));
        TH_OK(smb_scenarios_set_mitigators(s, rows[i].id, rows[i].mit));
    }
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, r, &sc));
    /* t2 and t1 tie on exposure 0.5; t2 is more urgent (0.354 > 0.25).
     * t1 and t3 tie on everything; t1 came first. */
    static const char *const threats[] = {"t4", "t2", "t1", "t3"};
    ck_assert_uint_eq(smb_scenario_scores_ranked_count(sc, THREAT), 4);
    for (size_t i = 0; i < 4; i++) {
        const smb_scenario_score *x = smb_scenario_scores_ranked_at(sc, THREAT, i);
        ck_assert_str_eq(x->id, threats[i]);
        ck_assert_uint_eq(x->rank, i + 1);
    }
    ck_assert_ptr_null(smb_scenario_scores_ranked_at(sc, THREAT, 4));
    ck_assert_uint_eq(smb_scenario_scores_ranked_count(sc, OPPORTUNITY), 2);
    ck_assert_str_eq(smb_scenario_scores_ranked_at(sc, OPPORTUNITY, 0)->id, "o1");
    ck_assert_str_eq(smb_scenario_scores_ranked_at(sc, OPPORTUNITY, 1)->id, "o2");
    ck_assert_uint_eq(smb_scenario_scores_find(sc, "o2")->rank, 2);
    ck_assert_uint_eq(smb_scenario_scores_find(sc, "t1")->rank, 3);
    ck_assert_ptr_null(smb_scenario_scores_ranked_at(sc, OPPORTUNITY, 2));
    ck_assert_ptr_null(smb_scenario_scores_ranked_at(sc, SMB_DIRECTION_COUNT, 0));
    ck_assert_uint_eq(smb_scenario_scores_ranked_count(sc, SMB_DIRECTION_NONE), 0);

    /* Threat totals: 2.25 + 0.5 + 0.5 + 0.5 = 3.75; urgency-weighted
     * (2.25 + 0.5) * 0.70710678 + 0.25 + 0.25 = 2.44454365. */
    const smb_scenario_totals *t = smb_scenario_scores_totals(sc, THREAT);
    ck_assert_int_eq(t->direction, THREAT);
    ck_assert_uint_eq(t->count, 4);
    ck_assert_double_eq_tol(t->exposure, 3.75, TOL);
    ck_assert_double_eq_tol(t->urgency_weighted, 2.444543648263006, TOL);
    ck_assert_double_eq(t->money_exposure, 0);
    /* t4: p 0.9 -> 5, impact 5 -> 25 critical; t2: 2 x 4 = 8; t1, t3: 4 x 2 = 8 medium. */
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_CRITICAL], 1);
    ck_assert_uint_eq(t->band_count[SMB_RISK_BAND_MEDIUM], 3);
    /* Opportunity totals: 2 + 1.2 = 3.2. */
    t = smb_scenario_scores_totals(sc, OPPORTUNITY);
    ck_assert_uint_eq(t->count, 2);
    ck_assert_double_eq_tol(t->exposure, 3.2, TOL);
    ck_assert_ptr_null(smb_scenario_scores_totals(sc, (smb_direction)5));
    smb_scenario_scores_free(sc);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(empty_set_and_null_arguments)
{
    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    smb_scenario_scores *sc = NULL;
    TH_OK(smb_scenarios_score(s, NULL, &sc));
    ck_assert_uint_eq(smb_scenario_scores_count(sc), 0);
    ck_assert_uint_eq(smb_scenario_scores_totals(sc, THREAT)->count, 0);
    ck_assert_double_eq(smb_scenario_scores_totals(sc, OPPORTUNITY)->exposure, 0);
    smb_scenario_scores_free(sc);

    smb_scenario_scores *untouched = (smb_scenario_scores *)&untouched;
    TH_ASSERT_FAILS(smb_scenarios_score(NULL, NULL, &untouched), SMB_EINVAL, "set: must not be NULL");
    TH_ASSERT_FAILS(smb_scenarios_score(s, NULL, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_eq(untouched, (smb_scenario_scores *)&untouched);
    ck_assert_uint_eq(smb_scenario_scores_count(NULL), 0);
    ck_assert_ptr_null(smb_scenario_scores_at(NULL, 0));
    ck_assert_ptr_null(smb_scenario_scores_find(NULL, "x"));
    smb_scenario_scores_free(NULL);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(what_if_reproduces_and_changes_the_scores)
{
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    double exposure = 0, urgent = 0, money = 0;
    /* No change: the scored figures (0.96, 0.67882251, 1600). */
    TH_OK(smb_scenarios_what_if(s, 0, r, 1, 1, NULL, &exposure, &urgent, &money));
    ck_assert_double_eq_tol(exposure, 0.96, TOL);
    ck_assert_double_eq_tol(urgent, 0.6788225099390857, TOL);
    ck_assert_double_eq_tol(money, 1600, 1e-9);
    /* p 0.4 * 0.5 = 0.2; impact 3 * 0.8 = 2.4; innovation 2 + 3 = 5:
     * R = (5 + 1 + 3) / 15 = 0.6, v = 0.7; exposure = 0.2 * 2.4 * 0.7 = 0.336;
     * urgency-weighted 0.336 * 0.70710678 = 0.23758788;
     * money 5000 * 0.8 = 4000: 0.2 * 4000 * 0.7 = 560. */
    double gain[SMB_CAPABILITY_COUNT] = {0};
    gain[SMB_CAPABILITY_INNOVATION] = 3;
    TH_OK(smb_scenarios_what_if(s, 0, r, 0.5, 0.8, gain, &exposure, &urgent, &money));
    ck_assert_double_eq_tol(exposure, 0.336, TOL);
    ck_assert_double_eq_tol(urgent, 0.23758787847868, TOL);
    ck_assert_double_eq_tol(money, 560, 1e-9);
    /* Gains cap at 5: agility 3 + 4.5 -> 5; R = (2 + 1 + 5) / 15 = 8 / 15;
     * v = 1 - 4 / 15 = 11 / 15; exposure = 0.4 * 3 * 11 / 15 = 0.88. */
    gain[SMB_CAPABILITY_INNOVATION] = 0;
    gain[SMB_CAPABILITY_AGILITY] = 4.5;
    TH_OK(smb_scenarios_what_if(s, 0, r, 1, 1, gain, &exposure, NULL, NULL));
    ck_assert_double_eq_tol(exposure, 0.88, TOL);
    /* The profile is not touched. */
    ck_assert_double_eq(smb_resilience_maturity(r, SMB_CAPABILITY_AGILITY), 3);

    exposure = 42;
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 0, r, 1.2, 1, NULL, &exposure, NULL, NULL), SMB_ERANGE,
                    "likelihood_factor: must be a number from 0 to 1, got 1.2");
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 0, r, 1, -0.1, NULL, &exposure, NULL, NULL), SMB_ERANGE,
                    "impact_factor");
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 0, r, NAN, 1, NULL, &exposure, NULL, NULL), SMB_ERANGE,
                    "likelihood_factor");
    gain[SMB_CAPABILITY_AGILITY] = 6;
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 0, r, 1, 1, gain, &exposure, NULL, NULL), SMB_ERANGE,
                    "capability_gain[agility]: must be a number from 0 to 5, got 6");
    gain[SMB_CAPABILITY_AGILITY] = -1;
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 0, r, 1, 1, gain, &exposure, NULL, NULL), SMB_ERANGE,
                    "capability_gain[agility]");
    TH_ASSERT_FAILS(smb_scenarios_what_if(s, 3, r, 1, 1, NULL, &exposure, NULL, NULL), SMB_EINVAL,
                    "index: 3 is past the last scenario");
    TH_ASSERT_FAILS(smb_scenarios_what_if(NULL, 0, r, 1, 1, NULL, &exposure, NULL, NULL), SMB_EINVAL,
                    "set: must not be NULL");
    ck_assert_double_eq(exposure, 42);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

/* Scoring is const: many threads may score one set at once. */
typedef struct job {
    const smb_scenarios *set;
    const smb_resilience *resilience;
    double sum;
    int failures;
} job;

static void *score_many(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 200; i++) {
        smb_scenario_scores *sc = NULL;
        if (smb_scenarios_score(j->set, j->resilience, &sc) != SMB_OK) {
            j->failures++;
            continue;
        }
        j->sum += smb_scenario_scores_totals(sc, THREAT)->exposure;
        smb_scenario_scores_free(sc);
    }
    return NULL;
}

START_TEST(concurrent_scoring_agrees)
{
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    enum { N = 4 };
    pthread_t threads[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){s, r, 0, 0};
        ck_assert_int_eq(pthread_create(&threads[i], NULL, score_many, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(threads[i], NULL);
        ck_assert_int_eq(jobs[i].failures, 0);
        /* 200 * (0.96 + 1.77333...) = 546.666... */
        ck_assert_double_eq_tol(jobs[i].sum, 200 * (0.96 + 1.7733333333333332), 1e-9);
    }
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

START_TEST(scoring_survives_every_allocation_failure)
{
    th_alloc_install();
    smb_scenarios *s = worked();
    smb_resilience *r = profile();
    smb_scenarios *snap = NULL;
    TH_OK(smb_scenarios_copy(s, &snap));
    smb_scenario_scores *sc = NULL;
    TH_EACH_ALLOC_FAILURE(smb_scenarios_score(s, r, &sc), sc == NULL && smb_scenarios_equal(s, snap),
                          ck_assert_uint_eq(smb_scenario_scores_count(sc), 3), 4);
    smb_scenario_scores_free(sc);
    smb_scenarios_free(snap);
    smb_resilience_free(r);
    smb_scenarios_free(s);
}
END_TEST

static Suite *score_suite(void)
{
    Suite *s = suite_create("scenario_score");
    TCase *f = tcase_create("formulas");
    tcase_add_test(f, every_figure_of_a_threat);
    tcase_add_test(f, lognormal_money_counts_at_its_mean);
    tcase_add_test(f, opportunities_gain_from_resilience);
    tcase_add_test(f, settings_change_the_scores);
    tcase_add_test(f, what_if_reproduces_and_changes_the_scores);
    suite_add_tcase(s, f);

    TCase *m = tcase_create("risk matrix");
    tcase_add_test(m, matrix_levels_at_every_threshold);
    tcase_add_test(m, matrix_cells_through_scoring);
    suite_add_tcase(s, m);

    TCase *rank = tcase_create("ranking");
    tcase_add_test(rank, ranking_ties_and_totals);
    tcase_add_test(rank, empty_set_and_null_arguments);
    suite_add_tcase(s, rank);

    TCase *more = tcase_create("threads and memory");
    tcase_add_test(more, concurrent_scoring_agrees);
    tcase_add_test(more, scoring_survives_every_allocation_failure);
    tcase_set_timeout(more, 120);
    suite_add_tcase(s, more);
    return s;
}

int main(void)
{
    return th_run_suite(score_suite());
}
