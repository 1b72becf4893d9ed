/* SPDX-License-Identifier: MIT */
/* The budgeted portfolio: hand-worked choices and contributions, ties broken
 * by cost, the exact search against brute force on random instances, the
 * greedy heuristic and its best-single safeguard, optimality checks at the
 * size limit of the exact search, refusals, allocation failures and
 * threads. */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)

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

typedef struct world {
    smb_scenarios *scenarios;
    smb_resilience *resilience;
    smb_responses *responses;
} world;

static void free_world(world *w)
{
    smb_responses_free(w->responses);
    smb_resilience_free(w->resilience);
    smb_scenarios_free(w->scenarios);
}

/*
 * The worked example of test_response.c (the arithmetic is repeated here):
 * threats giants (p 0.6, impact 4, v 0.8: 1.92) and wage (p 0.5, impact 3,
 * v 0.65: 0.975), base 2.895, and an opportunity that takes no part.
 *   web   8000: giants likelihood -50 %, impact -25 %
 *   auto  5000: wage impact -40 %; giants likelihood -20 %
 *   train 2000: innovation +4 (2 -> 5, capped), agility +1 (3 -> 4)
 * Residuals:
 *   {}                2.895
 *   {web}             giants 0.3*3*0.8 = 0.72 + 0.975            = 1.695
 *   {auto}            giants 0.48*4*0.8 = 1.536 + wage 0.585       = 2.121
 *   {train}           giants 0.6*4*(2/3) = 1.6 + wage 0.5*3*0.6 = 0.9 = 2.5
 *   {auto, train}     giants 0.48*4*(2/3) = 1.28 + wage 0.5*1.8*0.6 = 0.54 = 1.82
 *   {web, train}      giants 0.3*3*(2/3) = 0.6 + wage 0.9          = 1.5
 *   {web, auto}       1.161 (13000)
 *   {web, auto, train} 1.02 (15000)
 */
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
    TH_OK(smb_responses_new(&w.responses));
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

static smb_portfolio *plan(const world *w, double budget)
{
    smb_portfolio *p = NULL;
    TH_OK(smb_responses_plan(w->responses, w->scenarios, w->resilience, budget, &p));
    return p;
}

/* ---- worked by hand ------------------------------------------------------- */

START_TEST(best_portfolio_for_each_budget)
{
    world w = make_world();
    /* 10000 affords {web, train} (exactly 10000: 1.5), {auto, train} (1.82),
     * {web} (1.695), ...; {web, auto} costs 13000. Best: {web, train}. */
    smb_portfolio *p = plan(&w, 10000);
    ck_assert_int_eq(smb_portfolio_method(p), SMB_PLAN_EXACT);
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 3);
    ck_assert_double_eq(smb_portfolio_budget(p), 10000);
    ASSERT_NEAR(smb_portfolio_base(p), 2.895);
    ASSERT_NEAR(smb_portfolio_residual(p), 1.5);
    ASSERT_NEAR(smb_portfolio_reduction(p), 1.395);
    ck_assert_double_eq(smb_portfolio_cost(p), 10000);
    ck_assert_uint_eq(smb_portfolio_count(p), 2);
    /* Listed by what each adds: web first (1.2 alone, more than train's
     * 0.395), then train on top of web: 1.695 - 1.5 = 0.195; the increments
     * sum to the reduction, 1.395. Leave-one-out: without web the set leaves
     * {train}, 2.5, so web's marginal is 2.5 - 1.5 = 1.0; without train,
     * {web}: 1.695 - 1.5 = 0.195. */
    const smb_portfolio_item *a = smb_portfolio_at(p, 0), *b = smb_portfolio_at(p, 1);
    ck_assert_str_eq(a->id, "web");
    ck_assert_str_eq(a->title, "Online shop");
    ck_assert_uint_eq(a->index, 0);
    ck_assert_double_eq(a->cost, 8000);
    ck_assert_double_eq(a->months, 3);
    ASSERT_NEAR(a->standalone, 1.2);
    ASSERT_NEAR(a->incremental, 1.2);
    ASSERT_NEAR(a->marginal, 1.0);
    ck_assert_str_eq(b->id, "train");
    ck_assert_uint_eq(b->index, 2);
    ASSERT_NEAR(b->standalone, 0.395);
    ASSERT_NEAR(b->incremental, 0.195);
    ASSERT_NEAR(b->marginal, 0.195);
    ck_assert_ptr_null(smb_portfolio_at(p, 2));
    smb_portfolio_free(p);

    /* 7000: {auto, train} 1.82 beats {auto} 2.121 and {train} 2.5; auto
     * adds 0.774 first, train 2.121 - 1.82 = 0.301 on top. */
    p = plan(&w, 7000);
    ASSERT_NEAR(smb_portfolio_residual(p), 1.82);
    ck_assert_double_eq(smb_portfolio_cost(p), 7000);
    ck_assert_str_eq(smb_portfolio_at(p, 0)->id, "auto");
    ASSERT_NEAR(smb_portfolio_at(p, 0)->incremental, 0.774);
    ASSERT_NEAR(smb_portfolio_at(p, 1)->incremental, 0.301);
    smb_portfolio_free(p);

    /* 9999.99: {web, train} no longer fits; {web} 1.695 beats {auto,
     * train} 1.82. */
    p = plan(&w, 9999.99);
    ASSERT_NEAR(smb_portfolio_residual(p), 1.695);
    ck_assert_uint_eq(smb_portfolio_count(p), 1);
    smb_portfolio_free(p);

    /* No budget: no candidate, nothing chosen, the base exposure left. */
    p = plan(&w, 0);
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 0);
    ck_assert_uint_eq(smb_portfolio_count(p), 0);
    ASSERT_NEAR(smb_portfolio_residual(p), 2.895);
    ck_assert_double_eq(smb_portfolio_reduction(p), 0);
    smb_portfolio_free(p);

    /* Money no object: everything, 1.02 for 15000. */
    p = plan(&w, SMB_MAX_AMOUNT);
    ASSERT_NEAR(smb_portfolio_residual(p), 1.02);
    ck_assert_double_eq(smb_portfolio_cost(p), 15000);
    ck_assert_uint_eq(smb_portfolio_count(p), 3);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

START_TEST(responses_that_add_nothing_are_left_out)
{
    /* train2 (1000, innovation +2) removes 0.16 alone (2.895 - 2.735), so
     * it is a candidate, but on top of train it adds nothing: innovation is
     * already capped at 5. With 11000, {web, train, train2} leaves 1.5 like
     * {web, train}, for 1000 more; the portfolio is {web, train}. */
    world w = make_world();
    TH_OK(smb_responses_add(w.responses, "train2", "More training",
                            SMB_RESPONSE_CAPABILITY_BUILDING, 1000, 1));
    TH_OK(smb_responses_set_gain(w.responses, "train2", SMB_CAPABILITY_INNOVATION, 2));
    smb_portfolio *p = plan(&w, 11000);
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 4);
    ASSERT_NEAR(smb_portfolio_residual(p), 1.5);
    ck_assert_double_eq(smb_portfolio_cost(p), 10000);
    ck_assert_uint_eq(smb_portfolio_count(p), 2);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

START_TEST(a_response_made_redundant_later_is_dropped)
{
    /* halve (cost 4) cuts the likelihood of giants by half: 0.96 removed,
     * 0.24 per unit of cost; kill (cost 10) removes giants entirely: 1.92,
     * 0.192 per unit. With 14, both fit: the search takes halve first (the
     * better ratio), then kill, which clears giants on its own and leaves
     * halve nothing to do. halve is dropped: {kill}, cost 10, residual
     * 0.975 (wage alone). */
    world w = make_world();
    TH_OK(smb_responses_add(w.responses, "halve", "Halve it", SMB_RESPONSE_PARTNERSHIP, 4, 1));
    TH_OK(smb_responses_set_effect(w.responses, "halve", "giants", 0.5, 0));
    TH_OK(smb_responses_add(w.responses, "kill", "Clear it", SMB_RESPONSE_PARTNERSHIP, 10, 1));
    TH_OK(smb_responses_set_effect(w.responses, "kill", "giants", 1, 0));
    smb_portfolio *p = plan(&w, 14);
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 2);
    ASSERT_NEAR(smb_portfolio_residual(p), 0.975);
    ck_assert_uint_eq(smb_portfolio_count(p), 1);
    ck_assert_str_eq(smb_portfolio_at(p, 0)->id, "kill");
    ck_assert_double_eq(smb_portfolio_cost(p), 10);
    ASSERT_NEAR(smb_portfolio_at(p, 0)->marginal, 1.92);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

START_TEST(useless_and_unaffordable_responses_are_not_candidates)
{
    /* "idle" has no effect and no gain; "castle" costs more than any
     * budget below it. Neither is a candidate. A free response that helps
     * is always taken. */
    world w = make_world();
    TH_OK(smb_responses_add(w.responses, "idle", "Nothing much", SMB_RESPONSE_PARTNERSHIP, 0, 0));
    TH_OK(smb_responses_add(w.responses, "castle", "Buy a castle", SMB_RESPONSE_BUSINESS_MODEL,
                            1e9, 120));
    TH_OK(smb_responses_set_effect(w.responses, "castle", "wage", 1, 1));
    TH_OK(smb_responses_add(w.responses, "free", "Ask the neighbours", SMB_RESPONSE_PARTNERSHIP,
                            0, 1));
    TH_OK(smb_responses_set_effect(w.responses, "free", "wage", 0.1, 0));
    smb_portfolio *p = plan(&w, 7000);
    /* auto, train and free; web (8000) does not fit. */
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 3);
    int has_free = 0;
    for (size_t i = 0; i < smb_portfolio_count(p); i++) {
        ck_assert_str_ne(smb_portfolio_at(p, i)->id, "idle");
        ck_assert_str_ne(smb_portfolio_at(p, i)->id, "castle");
        has_free |= strcmp(smb_portfolio_at(p, i)->id, "free") == 0;
    }
    ck_assert(has_free);
    ck_assert_double_eq(smb_portfolio_cost(p), 7000);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

/* ---- exact against brute force --------------------------------------------- */

/* A fixed-seed generator (PCG-style LCG) so that every run tests the same
 * instances. */
typedef struct rng {
    uint64_t s;
} rng;

static double uniform(rng *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(r->s >> 11) * 0x1.0p-53;
}

static int below(rng *r, int n)
{
    return (int)(uniform(r) * n);
}

/* A reduction that is sometimes exactly 0 or 1, to make plateaus and ties. */
static double reduction(rng *r)
{
    double u = uniform(r);
    return u < 0.15 ? 0.0 : u < 0.25 ? 1.0 : uniform(r);
}

static world random_world(rng *r, int responses, int scenarios, int integer_costs)
{
    world w = {0};
    TH_OK(smb_scenarios_new(&w.scenarios));
    TH_OK(smb_scenarios_set_mitigation(w.scenarios, uniform(r)));
    bool threat[64];
    char id[32];
    for (int s = 0; s < scenarios; s++) {
        snprintf(id, sizeof id, "s%d", s);
        threat[s] = uniform(r) < 0.8;
        TH_OK(smb_scenarios_add(w.scenarios, id, "Scenario", (smb_source)below(r, SMB_SOURCE_COUNT),
                                threat[s] ? SMB_DIRECTION_THREAT : SMB_DIRECTION_OPPORTUNITY,
                                uniform(r), 1 + 4 * uniform(r)));
    }
    if (uniform(r) < 0.8) {
        TH_OK(smb_resilience_new(&w.resilience));
        for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
            TH_OK(smb_resilience_set_maturity(w.resilience, (smb_capability)c, 5 * uniform(r)));
    }
    TH_OK(smb_responses_new(&w.responses));
    for (int i = 0; i < responses; i++) {
        snprintf(id, sizeof id, "r%d", i);
        double cost = uniform(r) < 0.1 ? 0 : integer_costs ? 1 + below(r, 20) : 20 * uniform(r);
        TH_OK(smb_responses_add(w.responses, id, "Response", (smb_response_kind)below(r, 6), cost,
                                below(r, 24)));
        for (int s = 0; s < scenarios; s++) {
            char sid[32];
            snprintf(sid, sizeof sid, "s%d", s);
            if (threat[s] && uniform(r) < 0.35)
                TH_OK(smb_responses_set_effect(w.responses, id, sid, reduction(r), reduction(r)));
        }
        if (uniform(r) < 0.3)
            TH_OK(smb_responses_set_gain(w.responses, id, (smb_capability)below(r, 5), 3 * uniform(r)));
    }
    return w;
}

/* The residual of the subset `mask`, through the public API. */
static double residual_of_mask(const world *w, unsigned mask, double *cost)
{
    const char *ids[32];
    size_t count = 0;
    for (size_t i = 0; i < smb_responses_count(w->responses); i++)
        if (mask & (1u << i))
            ids[count++] = smb_response_id(smb_responses_at(w->responses, i));
    smb_residual *r = NULL;
    TH_OK(smb_responses_residual(w->responses, w->scenarios, w->resilience, ids, count, &r));
    double total = smb_residual_total(r);
    *cost = smb_residual_cost(r);
    smb_residual_free(r);
    return total;
}

/* What a portfolio claims must hold: its residual is the residual of its
 * items, it fits the budget, the increments sum to its reduction, and it is
 * minimal (without any item it would leave more). */
static void check_consistent(const world *w, const smb_portfolio *p, double budget)
{
    const char *ids[64];
    size_t n = smb_portfolio_count(p);
    double increments = 0;
    for (size_t i = 0; i < n; i++) {
        ids[i] = smb_portfolio_at(p, i)->id;
        increments += smb_portfolio_at(p, i)->incremental;
    }
    smb_residual *r = NULL;
    TH_OK(smb_responses_residual(w->responses, w->scenarios, w->resilience, ids, n, &r));
    ck_assert_double_eq_tol(smb_residual_total(r), smb_portfolio_residual(p), 1e-9);
    ck_assert_double_eq_tol(smb_residual_cost(r), smb_portfolio_cost(p), 1e-9);
    ck_assert_double_eq_tol(increments, smb_portfolio_reduction(p), 1e-9);
    ck_assert(smb_portfolio_cost(p) <= budget * (1 + 1e-12));
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(smb_portfolio_at(p, i)->marginal > 0, "%s adds nothing", ids[i]);
    smb_residual_free(r);
}

START_TEST(exact_matches_brute_force)
{
    /* 72 instances, 1 to 12 responses, 2 to 7 scenarios (a fifth of them
     * opportunities), with zero costs, full and null reductions (so that
     * many sets tie) and capability gains. Brute force tries every
     * affordable subset and keeps the least residual. */
    rng r = {20240611u};
    for (int instance = 0; instance < 72; instance++) {
        int n = 1 + instance % 12;
        world w = random_world(&r, n, 2 + below(&r, 6), 1);
        double total_cost = 0;
        for (int i = 0; i < n; i++)
            total_cost += smb_response_cost(smb_responses_at(w.responses, i));
        double budget = floor(uniform(&r) * total_cost);

        double best = INFINITY;
        for (unsigned mask = 0; mask < (1u << n); mask++) {
            double cost, res = residual_of_mask(&w, mask, &cost);
            /* The planner's own rule: within 12 significant digits. */
            if (cost <= budget + 1e-12 * budget)
                best = fmin(best, res);
        }
        smb_portfolio *p = plan(&w, budget);
        ck_assert_int_eq(smb_portfolio_method(p), SMB_PLAN_EXACT);
        ck_assert_msg(fabs(smb_portfolio_residual(p) - best) <= 1e-9,
                      "instance %d (n %d, budget %g): plan leaves %.15g, brute force %.15g", instance,
                      n, budget, smb_portfolio_residual(p), best);
        check_consistent(&w, p, budget);
        smb_portfolio_free(p);
        free_world(&w);
    }
}
END_TEST

START_TEST(exact_matches_brute_force_with_fractional_costs)
{
    /* As above with costs that are not whole numbers, so that sums of costs
     * meet the budget only up to rounding. */
    rng r = {77u};
    for (int instance = 0; instance < 24; instance++) {
        int n = 4 + instance % 9;
        world w = random_world(&r, n, 3 + below(&r, 4), 0);
        double budget = 30 * uniform(&r);
        double best = INFINITY;
        for (unsigned mask = 0; mask < (1u << n); mask++) {
            double cost, res = residual_of_mask(&w, mask, &cost);
            /* The planner's own rule: within 12 significant digits. */
            if (cost <= budget + 1e-12 * budget)
                best = fmin(best, res);
        }
        smb_portfolio *p = plan(&w, budget);
        ck_assert_msg(fabs(smb_portfolio_residual(p) - best) <= 1e-9,
                      "instance %d: plan leaves %.15g, brute force %.15g", instance,
                      smb_portfolio_residual(p), best);
        check_consistent(&w, p, budget);
        smb_portfolio_free(p);
        free_world(&w);
    }
}
END_TEST

START_TEST(exact_at_thirty_candidates_admits_no_improving_swap)
{
    /* 30 candidates is the largest exact search. Brute force (2^30 sets) is
     * out of reach, so check two consequences of optimality instead: no
     * unchosen response that still fits removes anything more, and no
     * exchange of one chosen response for one unchosen one that fits
     * leaves less exposure. */
    rng r = {3030u};
    world w = random_world(&r, 30, 10, 1);
    /* Every response helps alone and fits, so all 30 are candidates. */
    for (int i = 0; i < 30; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%d", i);
        TH_OK(smb_responses_set_effect(w.responses, id, "s0", 0.05, 0.05));
    }
    TH_OK(smb_scenarios_set_direction(w.scenarios, "s0", SMB_DIRECTION_THREAT));
    double budget = 60;
    smb_portfolio *p = plan(&w, budget);
    ck_assert_int_eq(smb_portfolio_method(p), SMB_PLAN_EXACT);
    ck_assert_uint_eq(smb_portfolio_candidate_count(p), 30);
    check_consistent(&w, p, budget);

    unsigned chosen = 0;
    for (size_t i = 0; i < smb_portfolio_count(p); i++)
        chosen |= 1u << smb_portfolio_at(p, i)->index;
    double cost, best = residual_of_mask(&w, chosen, &cost);
    for (int out = -1; out < 30; out++) {
        if (out >= 0 && !(chosen & (1u << out)))
            continue;
        unsigned base = out >= 0 ? chosen & ~(1u << out) : chosen;
        for (int in = 0; in < 30; in++) {
            if (base & (1u << in) || in == out)
                continue;
            double c, res = residual_of_mask(&w, base | (1u << in), &c);
            if (c <= budget)
                ck_assert_msg(res >= best - 1e-9, "swapping r%d for r%d leaves %.15g < %.15g", out,
                              in, res, best);
        }
    }
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

/* ---- greedy beyond the exact limit ---------------------------------------- */

/* `count` threats s0.. with exposure p[i] * impact[i] (no profile: v = 1),
 * and one response per threat that removes it entirely at cost[i]. */
static world independent_world(int count, const double *p, const double *impact,
                               const double *cost)
{
    world w = {0};
    TH_OK(smb_scenarios_new(&w.scenarios));
    TH_OK(smb_responses_new(&w.responses));
    char id[32], rid[32];
    for (int i = 0; i < count; i++) {
        snprintf(id, sizeof id, "s%d", i);
        snprintf(rid, sizeof rid, "r%d", i);
        TH_OK(smb_scenarios_add(w.scenarios, id, "Threat", SMB_SOURCE_COMPETITION,
                                SMB_DIRECTION_THREAT, p[i], impact[i]));
        TH_OK(smb_responses_add(w.responses, rid, "Response", SMB_RESPONSE_PARTNERSHIP, cost[i], 1));
        TH_OK(smb_responses_set_effect(w.responses, rid, id, 1, 0));
    }
    return w;
}

START_TEST(greedy_takes_the_best_ratios)
{
    /* 35 independent threats, exposure 0.01 * (i + 1), each removed by its
     * own response at cost 1; budget 5. Greedy by reduction per cost takes
     * r34 .. r30: 0.35 + 0.34 + 0.33 + 0.32 + 0.31 = 1.65, which is also
     * the optimum (every response costs the same). */
    double p[35], impact[35], cost[35];
    for (int i = 0; i < 35; i++) {
        p[i] = 0.01 * (i + 1);
        impact[i] = 1;
        cost[i] = 1;
    }
    world w = independent_world(35, p, impact, cost);
    smb_portfolio *pf = plan(&w, 5);
    ck_assert_int_eq(smb_portfolio_method(pf), SMB_PLAN_GREEDY);
    ck_assert_uint_eq(smb_portfolio_candidate_count(pf), 35);
    ASSERT_NEAR(smb_portfolio_reduction(pf), 1.65);
    ck_assert_uint_eq(smb_portfolio_count(pf), 5);
    ck_assert_str_eq(smb_portfolio_at(pf, 0)->id, "r34");
    ASSERT_NEAR(smb_portfolio_at(pf, 0)->incremental, 0.35);
    ck_assert_str_eq(smb_portfolio_at(pf, 4)->id, "r30");
    check_consistent(&w, pf, 5);
    smb_portfolio_free(pf);
    free_world(&w);
}
END_TEST

START_TEST(greedy_falls_back_on_the_best_single_response)
{
    /* 30 small threats of exposure 0.2 (p 0.2, impact 1), each removed by a
     * response of cost 1: 0.2 per unit of cost. Two large threats of
     * exposure 5 (p 1, impact 5), both removed by one response r30 of cost
     * 60: 10/60 = 0.167 per unit. Budget 60. By ratio, greedy takes the 30
     * small ones (reduction 6, cost 30) and then cannot afford r30; the best
     * single response, r30, removes 10 > 6 and is chosen instead (it is
     * also the optimum: the small ones add up to 6 at most). */
    double p[32], impact[32], cost[32];
    for (int i = 0; i < 30; i++) {
        p[i] = 0.2;
        impact[i] = 1;
        cost[i] = 1;
    }
    p[30] = p[31] = 1;
    impact[30] = impact[31] = 5;
    cost[30] = cost[31] = 60;
    world w = independent_world(32, p, impact, cost);
    /* r30 clears both large threats; r31 is dropped. */
    TH_OK(smb_responses_set_effect(w.responses, "r30", "s31", 1, 0));
    TH_OK(smb_responses_remove(w.responses, "r31"));
    smb_portfolio *pf = plan(&w, 60);
    ck_assert_int_eq(smb_portfolio_method(pf), SMB_PLAN_GREEDY);
    ck_assert_uint_eq(smb_portfolio_candidate_count(pf), 31);
    ck_assert_uint_eq(smb_portfolio_count(pf), 1);
    ck_assert_str_eq(smb_portfolio_at(pf, 0)->id, "r30");
    ASSERT_NEAR(smb_portfolio_reduction(pf), 10);
    ASSERT_NEAR(smb_portfolio_residual(pf), 6);
    ck_assert_double_eq(smb_portfolio_cost(pf), 60);
    check_consistent(&w, pf, 60);
    smb_portfolio_free(pf);
    free_world(&w);
}
END_TEST

/* ---- refusals, memory, threads -------------------------------------------- */

START_TEST(plan_refusals)
{
    world w = make_world();
    smb_portfolio *p = NULL;
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, -1, &p), SMB_ERANGE,
                    "budget: must be a finite number from 0 to 1e+15, got -1");
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, NAN, &p), SMB_ERANGE,
                    "budget: must be a finite number from 0 to 1e+15, got nan");
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, INFINITY, &p),
                    SMB_ERANGE, "got inf");
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, 2e15, &p), SMB_ERANGE,
                    "budget");
    TH_ASSERT_FAILS(smb_responses_plan(NULL, w.scenarios, w.resilience, 1, &p), SMB_EINVAL,
                    "set: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, NULL, w.resilience, 1, &p), SMB_EINVAL,
                    "scenarios: must not be NULL");
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, 1, NULL), SMB_EINVAL,
                    "out: must not be NULL");
    TH_OK(smb_responses_set_effect(w.responses, "auto", "closure", 0.3, 0));
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, 10000, &p),
                    SMB_ENOTFOUND,
                    "response 'auto' has an effect on scenario 'closure', which the scenario set does not hold");
    TH_OK(smb_responses_remove_effect(w.responses, "auto", "closure"));
    TH_OK(smb_responses_set_effect(w.responses, "train", "subs", 0.3, 0));
    TH_ASSERT_FAILS(smb_responses_plan(w.responses, w.scenarios, w.resilience, 10000, &p),
                    SMB_EINVAL, "response 'train' has an effect on scenario 'subs', an opportunity");
    ck_assert_ptr_null(p);
    /* Accessors on NULL. */
    ck_assert_int_eq(smb_portfolio_method(NULL), SMB_PLAN_NONE);
    ck_assert_uint_eq(smb_portfolio_count(NULL), 0);
    ck_assert_ptr_null(smb_portfolio_at(NULL, 0));
    ck_assert_double_eq(smb_portfolio_residual(NULL), 0);
    smb_portfolio_free(NULL);
    free_world(&w);
}
END_TEST

START_TEST(plan_allocation_failures)
{
    world w = make_world();
    smb_portfolio *p = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_plan(w.responses, w.scenarios, w.resilience, 10000, &p),
                          p == NULL, ck_assert_double_eq(smb_portfolio_cost(p), 10000), 5);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

START_TEST(plan_allocation_failures_greedy)
{
    double pr[32], impact[32], cost[32];
    for (int i = 0; i < 32; i++) {
        pr[i] = 0.5;
        impact[i] = 2;
        cost[i] = 1 + i % 3;
    }
    world w = independent_world(32, pr, impact, cost);
    smb_portfolio *p = NULL;
    TH_EACH_ALLOC_FAILURE(smb_responses_plan(w.responses, w.scenarios, NULL, 10, &p), p == NULL,
                          ck_assert_int_eq(smb_portfolio_method(p), SMB_PLAN_GREEDY), 5);
    smb_portfolio_free(p);
    free_world(&w);
}
END_TEST

typedef struct job {
    const world *w;
    double residual;
    smb_status status;
} job;

static void *run_plan(void *arg)
{
    job *j = arg;
    for (int k = 0; k < 20; k++) {
        smb_portfolio *p = NULL;
        j->status = smb_responses_plan(j->w->responses, j->w->scenarios, j->w->resilience, 40, &p);
        if (j->status != SMB_OK)
            return NULL;
        j->residual = smb_portfolio_residual(p);
        smb_portfolio_free(p);
    }
    return NULL;
}

/* Runs first, before the fixtures install the counting allocator, which is
 * not meant for several threads. */
START_TEST(plans_run_concurrently_on_one_set)
{
    rng r = {99u};
    world w = random_world(&r, 12, 6, 1);
    smb_portfolio *p = plan(&w, 40);
    double want = smb_portfolio_residual(p);
    smb_portfolio_free(p);
    pthread_t threads[4];
    job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){.w = &w};
        ck_assert_int_eq(pthread_create(&threads[i], NULL, run_plan, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        ck_assert_int_eq(jobs[i].status, SMB_OK);
        ck_assert_double_eq(jobs[i].residual, want);
    }
    free_world(&w);
}
END_TEST

static Suite *portfolio_suite(void)
{
    Suite *s = suite_create("portfolio");
    TCase *threads = tcase_create("threads");
    tcase_set_timeout(threads, 120);
    tcase_add_test(threads, plans_run_concurrently_on_one_set);
    suite_add_tcase(s, threads);

    TCase *hand = tcase_create("worked by hand");
    tcase_add_checked_fixture(hand, setup, teardown);
    tcase_add_test(hand, best_portfolio_for_each_budget);
    tcase_add_test(hand, responses_that_add_nothing_are_left_out);
    tcase_add_test(hand, a_response_made_redundant_later_is_dropped);
    tcase_add_test(hand, useless_and_unaffordable_responses_are_not_candidates);
    suite_add_tcase(s, hand);

    TCase *exact = tcase_create("exact");
    tcase_add_checked_fixture(exact, setup, teardown);
    tcase_set_timeout(exact, 300);
    tcase_add_test(exact, exact_matches_brute_force);
    tcase_add_test(exact, exact_matches_brute_force_with_fractional_costs);
    tcase_add_test(exact, exact_at_thirty_candidates_admits_no_improving_swap);
    suite_add_tcase(s, exact);

    TCase *greedy = tcase_create("greedy");
    tcase_add_checked_fixture(greedy, setup, teardown);
    tcase_add_test(greedy, greedy_takes_the_best_ratios);
    tcase_add_test(greedy, greedy_falls_back_on_the_best_single_response);
    suite_add_tcase(s, greedy);

    TCase *misc = tcase_create("refusals and memory");
    tcase_add_checked_fixture(misc, setup, teardown);
    tcase_set_timeout(misc, 120);
    tcase_add_test(misc, plan_refusals);
    tcase_add_test(misc, plan_allocation_failures);
    tcase_add_test(misc, plan_allocation_failures_greedy);
    suite_add_tcase(s, misc);
    return s;
}

int main(void)
{
    return th_run_suite(portfolio_suite());
}
