/* SPDX-License-Identifier: MIT */
/* The budgeted portfolio: the affordable set of responses that leaves the
 * least threat exposure. Exact by branch and bound up to SMB_PLAN_EXACT_MAX
 * candidates, greedy beyond (docs/methodology.md, "Responses and
 * decisions", where the bound is proved).
 *
 * The search maximises the reduction f(S) = base − residual(S). The bound
 * rests on diminishing returns: adding a response to a larger set never
 * removes more than adding it to a smaller one, because reductions multiply
 * what is left and capability gains are capped. So from a node S, any
 * completion T adds at most Σ_{t∈T} Δ_t(S), the marginals at S, and the
 * fractional knapsack over those marginals bounds every affordable T;
 * node_bound() tightens it threat by threat. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "response_impl.h"

struct smb_portfolio {
    smb_plan_method method;
    double budget, cost, base, residual;
    size_t candidates;
    smb_portfolio_item *items;
    size_t count;
    smb__strings strings;
};

void smb_portfolio_free(smb_portfolio *portfolio)
{
    if (!portfolio)
        return;
    smb__free(portfolio->items);
    smb__free(portfolio->strings.data);
    smb__free(portfolio);
}

/* Everything a search needs, allocated before it starts so that it cannot
 * fail half-way. Positions 0..n-1 are the candidates in search order. */
typedef struct search {
    const smb__model *m;
    size_t n;
    size_t *cand;       /* position -> model candidate */
    double *cost;       /* position -> cost */
    double budget;
    smb__state *states; /* one per depth */
    size_t depth;       /* number of states: n + 1 (exact) or 2 (greedy) */
    double *marginal;   /* per depth, n each (greedy: one row) */
    size_t *sorted;     /* per depth, n each: positions by marginal per cost */
    bool *path;         /* position -> chosen on the current path */
    bool *best;         /* position -> chosen in the best set so far */
    double best_value, best_cost;
    /* For the per-threat bound (node_bound): what each candidate removes
     * from each threat at the current node, as a sparse list per position,
     * and work arrays. Left NULL (and the bound plain) when the table would
     * exceed SHARE_CELLS. */
    size_t threats;
    size_t *share_threat; /* n × threats */
    double *share;        /* n × threats */
    size_t *share_count;  /* n */
    double *load;         /* threats */
    double *mu;           /* threats */
    double *fraction;     /* n */
    double *value;        /* n */
    size_t *list;         /* n */
} search;

/* Most cells of the per-threat table (16 bytes each). */
#define SHARE_CELLS ((size_t)1 << 20)

_Static_assert(SMB_PLAN_EXACT_MAX < 32, "candidate sets are 32-bit masks");

static void search_free(search *s)
{
    if (s->states)
        for (size_t d = 0; d < s->depth; d++)
            smb__state_free(&s->states[d]);
    smb__free(s->states);
    smb__free(s->cand);
    smb__free(s->cost);
    smb__free(s->marginal);
    smb__free(s->sorted);
    smb__free(s->path);
    smb__free(s->best);
    smb__free(s->share_threat);
    smb__free(s->share);
    smb__free(s->share_count);
    smb__free(s->load);
    smb__free(s->mu);
    smb__free(s->fraction);
    smb__free(s->value);
    smb__free(s->list);
    *s = (search){0};
}

/* The exact search keeps a state, marginals and an ordering per depth; the
 * greedy heuristic needs two states and one row of marginals. */
static smb_status search_alloc(search *s, const smb__model *m, size_t n, bool exact)
{
    *s = (search){.m = m, .n = n, .depth = exact ? n + 1 : 2};
    size_t cells = (exact ? n + 1 : 1) * (n ? n : 1);
    s->cand = smb__calloc(n ? n : 1, sizeof *s->cand);
    s->cost = smb__calloc(n ? n : 1, sizeof *s->cost);
    s->marginal = smb__calloc(cells, sizeof *s->marginal);
    s->sorted = smb__calloc(cells, sizeof *s->sorted);
    s->path = smb__calloc(n ? n : 1, sizeof *s->path);
    s->best = smb__calloc(n ? n : 1, sizeof *s->best);
    s->states = smb__calloc(s->depth, sizeof *s->states);
    if (!s->cand || !s->cost || !s->marginal || !s->sorted || !s->path || !s->best || !s->states)
        goto nomem;
    for (size_t d = 0; d < s->depth; d++)
        if (smb__state_alloc(m, &s->states[d]) != SMB_OK)
            goto nomem;
    size_t t = m->threats;
    if (exact && n > 0 && t > 0 && t <= SHARE_CELLS / n) {
        s->threats = t;
        s->share_threat = smb__calloc(n * t, sizeof *s->share_threat);
        s->share = smb__calloc(n * t, sizeof *s->share);
        s->share_count = smb__calloc(n, sizeof *s->share_count);
        s->load = smb__calloc(t, sizeof *s->load);
        s->mu = smb__calloc(t, sizeof *s->mu);
        s->fraction = smb__calloc(n, sizeof *s->fraction);
        s->value = smb__calloc(n, sizeof *s->value);
        s->list = smb__calloc(n, sizeof *s->list);
        if (!s->share_threat || !s->share || !s->share_count || !s->load || !s->mu ||
            !s->fraction || !s->value || !s->list)
            goto nomem;
    }
    return SMB_OK;
nomem:
    search_free(s);
    return smb__nomem();
}

/* Whether spending `extra` on top of `spent` stays within `budget`. The
 * slack (12 significant digits of the budget) keeps sums like 0.1 + 0.2
 * from missing a budget of 0.3 by a rounding error. */
static bool fits(double budget, double spent, double extra)
{
    return spent + extra <= budget + 1e-12 * budget;
}

static bool affordable(const search *s, double spent, double extra)
{
    return fits(s->budget, spent, extra);
}

/* Whether position a comes before b: free responses (cost 0) before all
 * others, by marginal; then by marginal per unit of cost; ties by position. */
static bool ranks_before(const search *s, const double *marginal, size_t a, size_t b)
{
    double ca = s->cost[a], cb = s->cost[b], ma = marginal[a], mb = marginal[b];
    if ((ca == 0) != (cb == 0))
        return ca == 0;
    /* Cross-multiplied so that nothing is divided by a cost of 0. */
    double x = ca == 0 ? ma : ma * cb, y = cb == 0 ? mb : mb * ca;
    return x != y ? x > y : a < b;
}

/* Sort positions by `value` per unit of cost (insertion sort: at most
 * SMB_PLAN_EXACT_MAX items, and no global context for a comparator). */
static void sort_by_ratio(const search *s, const double *value, size_t *list, size_t count)
{
    for (size_t i = 1; i < count; i++) {
        size_t x = list[i], j = i;
        for (; j > 0 && ranks_before(s, value, x, list[j - 1]); j--)
            list[j] = list[j - 1];
        list[j] = x;
    }
}

typedef struct share_ctx {
    search *s;
    size_t row;
} share_ctx;

static void keep_share(void *ctx, size_t threat, double removed)
{
    share_ctx *sc = ctx;
    search *s = sc->s;
    if (!(removed > 0))
        return;
    size_t at = sc->row * s->threats + s->share_count[sc->row]++;
    s->share_threat[at] = threat;
    s->share[at] = removed;
}

/* The candidates in `allowed` (a bit per position) that still fit and
 * still help, sorted by ratio into `sorted`; their count. Their marginals
 * are written to `marginal`, and each one's shares per threat to the table
 * when there is one. */
static size_t rank_remaining(search *s, const smb__state *state, uint32_t allowed, double spent,
                             double *marginal, size_t *sorted)
{
    size_t count = 0;
    for (size_t j = 0; j < s->n; j++) {
        if (!(allowed >> j & 1u) || !affordable(s, spent, s->cost[j]))
            continue;
        share_ctx ctx = {s, j};
        if (s->share_count)
            s->share_count[j] = 0;
        double g = smb__marginal_shares(s->m, state, s->cand[j], s->share_count ? keep_share : NULL,
                                        &ctx);
        if (g > s->m->eps) {
            marginal[j] = g;
            sorted[count++] = j;
        }
    }
    sort_by_ratio(s, marginal, sorted, count);
    return count;
}

/* The fractional knapsack over the listed positions >= from, best ratio
 * first: the most `value` a completion within `room` can add when values
 * add up. Each position's fraction goes to `fraction` when not NULL. */
static double knapsack(const search *s, const double *value, const size_t *list, size_t count,
                       size_t from, double room, double *fraction)
{
    double total = 0.0;
    for (size_t k = 0; fraction && k < count; k++)
        fraction[list[k]] = 0.0;
    for (size_t k = 0; k < count; k++) {
        size_t j = list[k];
        if (j < from)
            continue;
        if (s->cost[j] <= room) {
            total += value[j];
            room -= s->cost[j];
            if (fraction)
                fraction[j] = 1.0;
        } else {
            total += value[j] * (room / s->cost[j]);
            if (fraction)
                fraction[j] = room / s->cost[j];
            break;
        }
    }
    return total;
}

/*
 * An upper bound on what any affordable completion of the node adds, over
 * all its remaining candidates (so valid for every later branch too).
 *
 * A completion T removes from threat t at most min(E_t, Σ_{r∈T} Δ_rt): no
 * more than is left of it (E_t) and no more than the sum of the candidates'
 * shares in it at this node (diminishing returns, threat by threat). For
 * any μ_t in [0, 1], min(E, y) ≤ μ_t·E + (1 − μ_t)·y, so
 *     Σ_t μ_t·E_t + (fractional knapsack of v_r = Σ_t (1 − μ_t)·Δ_rt)
 * bounds every completion. μ = 0 is the plain knapsack of the marginals.
 * Starting there, a few subgradient steps raise μ_t where the knapsack's
 * choice over-fills threat t (its shares there exceed E_t) and lower it
 * where it under-fills; every μ gives a valid bound, so the steps only
 * decide how tight it is, and the least bound met is kept.
 */
enum { BOUND_STEPS = 5 };

static double node_bound(search *s, const smb__state *state, const double *marginal,
                         const size_t *sorted, size_t count, double room)
{
    double bound = fmin(state->total, knapsack(s, marginal, sorted, count, 0, room, s->fraction));
    if (!s->share_count)
        return bound;
    for (size_t t = 0; t < s->threats; t++)
        s->mu[t] = 0.0;
    for (int step = 0; step < BOUND_STEPS; step++) {
        for (size_t t = 0; t < s->threats; t++)
            s->load[t] = 0.0;
        for (size_t k = 0; k < count; k++) {
            size_t j = sorted[k], row = j * s->threats;
            for (size_t h = 0; s->fraction[j] > 0 && h < s->share_count[j]; h++)
                s->load[s->share_threat[row + h]] += s->fraction[j] * s->share[row + h];
        }
        double fixed = 0.0, rate = 1.0 / (step + 1);
        for (size_t t = 0; t < s->threats; t++) {
            double left = state->exposure[t], load = s->load[t], scale = fmax(left, load);
            if (scale > 0)
                s->mu[t] = fmin(1.0, fmax(0.0, s->mu[t] + rate * (load - left) / scale));
            fixed += s->mu[t] * left;
        }
        for (size_t k = 0; k < count; k++) {
            size_t j = sorted[k], row = j * s->threats;
            s->value[j] = 0.0;
            for (size_t h = 0; h < s->share_count[j]; h++)
                s->value[j] += (1.0 - s->mu[s->share_threat[row + h]]) * s->share[row + h];
            s->list[k] = j;
        }
        sort_by_ratio(s, s->value, s->list, count);
        bound = fmin(bound, fixed + knapsack(s, s->value, s->list, count, 0, room, s->fraction));
    }
    return bound;
}

/* Record the current path if it beats the best set: more reduction, or as
 * much (within eps) for less money. */
static void consider(search *s, double value, double cost)
{
    double eps = s->m->eps;
    if (value > s->best_value + eps || (value >= s->best_value - eps && cost < s->best_cost)) {
        s->best_value = value;
        s->best_cost = cost;
        memcpy(s->best, s->path, s->n * sizeof *s->best);
    }
}

/*
 * Depth-first search over the candidates in `allowed`, best ratio first
 * (ratios at this node). Branch k takes sorted[k] and leaves sorted[0..k)
 * out of everything below it, so every set is met once. A candidate that
 * does not fit or does not help here is dropped for good: spending only
 * grows, and by diminishing returns what removes nothing now removes
 * nothing later.
 */
static void explore(search *s, size_t depth, uint32_t allowed, double value, double spent)
{
    const smb__state *state = &s->states[depth];
    double *marginal = &s->marginal[depth * s->n];
    size_t *sorted = &s->sorted[depth * s->n];
    size_t count = rank_remaining(s, state, allowed, spent, marginal, sorted);
    double eps = s->m->eps;
    /* Room left, with the slack, so that the bound never falls below an
     * affordable completion. */
    double room = s->budget + 1e-12 * s->budget - spent;
    double node = node_bound(s, state, marginal, sorted, count, room);
    uint32_t later = 0;
    for (size_t k = 0; k < count; k++)
        later |= 1u << sorted[k];
    for (size_t k = 0; k < count; k++) {
        double bound =
            value + fmin(node, knapsack(s, marginal, sorted + k, count - k, 0, room, NULL));
        /* Nothing below can beat the best. Each branch has fewer candidates
         * than the one before, so the bound only falls: stop at the first
         * miss. */
        if (bound <= s->best_value + eps)
            return;
        size_t i = sorted[k];
        later &= ~(1u << i);
        smb__state *child = &s->states[depth + 1];
        smb__state_copy(s->m, child, state);
        smb__state_add(s->m, child, s->cand[i]);
        double v = s->m->base_total - child->total, c = spent + s->cost[i];
        s->path[i] = true;
        consider(s, v, c);
        explore(s, depth + 1, later, v, c);
        s->path[i] = false;
    }
}

/* Greedy by marginal per unit of cost, then compared with the best single
 * response; `best` receives the choice. */
static void greedy(search *s)
{
    smb__state *state = &s->states[0];
    smb__state_reset(s->m, state);
    double spent = 0.0, value = 0.0;
    for (;;) {
        size_t pick = s->n;
        for (size_t j = 0; j < s->n; j++) {
            if (s->path[j] || !affordable(s, spent, s->cost[j]))
                continue;
            double g = s->marginal[j] = smb__marginal(s->m, state, s->cand[j]);
            if (g > s->m->eps && (pick == s->n || ranks_before(s, s->marginal, j, pick)))
                pick = j;
        }
        if (pick == s->n)
            break;
        s->path[pick] = true;
        smb__state_add(s->m, state, s->cand[pick]);
        spent += s->cost[pick];
        value = s->m->base_total - state->total;
    }
    memcpy(s->best, s->path, s->n * sizeof *s->best);
    s->best_value = value;
    s->best_cost = spent;

    /* The best single response guards the ratio rule against one large,
     * effective response that a run of cheap ones crowds out. */
    smb__state_reset(s->m, state);
    size_t single = s->n;
    double single_gain = 0.0;
    for (size_t j = 0; j < s->n; j++) {
        double g = smb__marginal(s->m, state, s->cand[j]);
        if (single == s->n || g > single_gain) {
            single = j;
            single_gain = g;
        }
    }
    if (single < s->n && single_gain > s->best_value + s->m->eps) {
        memset(s->best, 0, s->n * sizeof *s->best);
        s->best[single] = true;
        s->best_value = single_gain;
        s->best_cost = s->cost[single];
    }
    memset(s->path, 0, s->n * sizeof *s->path);
}

/* The residual of the chosen positions, leaving out position `skip` (pass
 * s->n to leave out none), built afresh in `state`. */
static double residual_without(const search *s, const bool *chosen, size_t skip, smb__state *state)
{
    smb__state_reset(s->m, state);
    for (size_t j = 0; j < s->n; j++)
        if (chosen[j] && j != skip)
            smb__state_add(s->m, state, s->cand[j]);
    return smb__state_total(s->m, state);
}

/* Drop the chosen responses that the others make redundant — without one
 * the set leaves no more exposure than the search's choice, to eps — the
 * dearest first. A response can become redundant after it was chosen (a
 * later one clears the same threat completely); dropping it keeps the
 * exposure and saves its cost. One pass suffices: by diminishing returns,
 * dropping a response only makes the others more needed, so one found
 * needed stays needed. */
static void drop_redundant(search *s, bool *chosen, smb__state *state)
{
    double all = residual_without(s, chosen, s->n, state);
    bool *seen = s->path;
    for (;;) {
        size_t j = s->n;
        for (size_t i = 0; i < s->n; i++)
            if (chosen[i] && !seen[i] && (j == s->n || s->cost[i] > s->cost[j]))
                j = i;
        if (j == s->n)
            break;
        seen[j] = true;
        if (residual_without(s, chosen, j, state) - all <= s->m->eps)
            chosen[j] = false;
    }
    memset(seen, 0, s->n * sizeof *seen);
}

/* Fill the portfolio's items from the chosen positions: listed by what each
 * adds on top of those before it, largest first (ties by set order), with
 * its stand-alone and leave-one-out reductions. `state` and `spare` are
 * work states. */
static void describe(smb_portfolio *p, search *s, const bool *chosen, smb__state *state,
                     smb__state *spare)
{
    const smb__model *m = s->m;
    size_t k = 0;
    double residual = residual_without(s, chosen, s->n, state);
    p->residual = residual;
    p->base = m->base_total;

    smb__state_reset(m, state);
    for (;;) {
        size_t pick = s->n;
        double pick_gain = -1.0;
        for (size_t j = 0; j < s->n; j++) {
            if (!chosen[j] || s->path[j])
                continue;
            double g = smb__marginal(m, state, s->cand[j]);
            /* Within eps the first in set order keeps its place. */
            if (g > pick_gain + m->eps) {
                pick = j;
                pick_gain = g;
            }
        }
        if (pick == s->n)
            break;
        s->path[pick] = true;
        smb__state_add(m, state, s->cand[pick]);
        const struct smb_response *r = m->cand[s->cand[pick]].response;
        smb_portfolio_item *item = &p->items[k++];
        *item = (smb_portfolio_item){
            .id = smb__strings_put(&p->strings, r->id),
            .title = smb__strings_put(&p->strings, r->title),
            .index = r->index,
            .cost = r->cost,
            .months = r->months,
            .incremental = pick_gain,
        };
        p->cost += r->cost;
        /* Leave-one-out: the chosen set without this response. */
        item->marginal = fmax(0.0, residual_without(s, chosen, pick, spare) - residual);
        smb__state_reset(m, spare);
        item->standalone = smb__marginal(m, spare, s->cand[pick]);
    }
    p->count = k;
    memset(s->path, 0, s->n * sizeof *s->path);
}

smb_status smb_responses_plan(const smb_responses *set, const smb_scenarios *scenarios,
                              const smb_resilience *resilience, double budget,
                              smb_portfolio **out)
{
    if (!set || !scenarios || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !set ? "set" : !scenarios ? "scenarios" : "out");
    if (!smb__finite(budget) || budget < 0 || budget > SMB_MAX_AMOUNT)
        return smb__fail(SMB_ERANGE, "budget: must be a finite number from 0 to %g, got %g",
                         SMB_MAX_AMOUNT, budget);
    smb__model m;
    smb_status st = smb__model_build(set, scenarios, resilience, &m);
    if (st != SMB_OK)
        return st;

    /* Candidates: affordable alone, and removing something alone. By
     * diminishing returns a response that removes nothing alone removes
     * nothing from any set, so leaving it out loses no portfolio. */
    smb__state empty = {0};
    search s = {0};
    smb_portfolio *p = NULL;
    size_t n = 0;
    if ((st = smb__state_alloc(&m, &empty)) != SMB_OK)
        goto done;
    for (size_t i = 0; i < m.n; i++)
        if (fits(budget, 0.0, m.cand[i].response->cost) && smb__marginal(&m, &empty, i) > m.eps)
            n++;
    if ((st = search_alloc(&s, &m, n, n <= SMB_PLAN_EXACT_MAX)) != SMB_OK)
        goto done;
    s.budget = budget;
    size_t strings = 0;
    for (size_t i = 0, j = 0; i < m.n; i++) {
        const struct smb_response *r = m.cand[i].response;
        if (fits(budget, 0.0, r->cost) && smb__marginal(&m, &empty, i) > m.eps) {
            s.cand[j] = i;
            s.cost[j++] = r->cost;
            smb__strings_need(&strings, r->id);
            smb__strings_need(&strings, r->title);
        }
    }
    p = smb__calloc(1, sizeof *p);
    if (!p || !(p->items = smb__calloc(n ? n : 1, sizeof *p->items)) ||
        smb__strings_alloc(&p->strings, strings) != SMB_OK) {
        st = smb__nomem();
        goto done;
    }
    p->budget = budget;
    p->candidates = n;

    /* The greedy answer is the exact search's first incumbent too: a good
     * early bound prunes most of the tree. */
    greedy(&s);
    if (n <= SMB_PLAN_EXACT_MAX) {
        p->method = SMB_PLAN_EXACT;
        smb__state_reset(&m, &s.states[0]);
        explore(&s, 0, n ? UINT32_MAX >> (32 - n) : 0, 0.0, 0.0);
    } else {
        p->method = SMB_PLAN_GREEDY;
    }
    /* The search's first state is free once it is over; `empty` serves as
     * the spare. */
    drop_redundant(&s, s.best, &s.states[0]);
    describe(p, &s, s.best, &s.states[0], &empty);
    *out = p;
    p = NULL;
done:
    smb_portfolio_free(p);
    search_free(&s);
    smb__state_free(&empty);
    smb__model_free(&m);
    return st;
}

smb_plan_method smb_portfolio_method(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->method : SMB_PLAN_NONE;
}

double smb_portfolio_budget(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->budget : 0.0;
}

size_t smb_portfolio_candidate_count(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->candidates : 0;
}

double smb_portfolio_cost(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->cost : 0.0;
}

double smb_portfolio_base(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->base : 0.0;
}

double smb_portfolio_residual(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->residual : 0.0;
}

double smb_portfolio_reduction(const smb_portfolio *portfolio)
{
    return portfolio ? fmax(0.0, portfolio->base - portfolio->residual) : 0.0;
}

size_t smb_portfolio_count(const smb_portfolio *portfolio)
{
    return portfolio ? portfolio->count : 0;
}

const smb_portfolio_item *smb_portfolio_at(const smb_portfolio *portfolio, size_t index)
{
    return portfolio && index < portfolio->count ? &portfolio->items[index] : NULL;
}
