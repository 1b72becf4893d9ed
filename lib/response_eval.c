/* SPDX-License-Identifier: MIT */
/* Residual exposure: what a set of responses leaves of the threats. The one
 * home of the compounding rules (docs/methodology.md, "Responses and
 * decisions"):
 *   p' = p·Π(1 − likelihood_reduction), impact' = impact·Π(1 − impact_reduction),
 *   maturity' = min(5, maturity + Σ gains),
 * with every exposure computed by smb_scenarios_what_if(). Ranking and the
 * portfolio evaluate sets of responses only through the functions here.
 *
 * Nothing here writes to the responses, the scenarios or the profile. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "response_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

/* ---- the model ----------------------------------------------------------- */

/* The exposure of threat `t` with its likelihood and impact multiplied by
 * the given factors and the capabilities raised by `gain` (uncapped sums).
 * The factors are products of numbers in [0, 1] and the capped gains lie in
 * [0, 5], so smb_scenarios_what_if() cannot refuse them; should it ever, the
 * threat keeps its exposure without responses rather than a made-up one. */
static double exposure_of(const smb__model *m, size_t t, double likelihood, double impact,
                          const double gain[SMB_CAPABILITY_COUNT])
{
    double capped[SMB_CAPABILITY_COUNT];
    bool any = false;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        capped[c] = fmin(SMB_MATURITY_MAX, gain[c]);
        any = any || capped[c] > 0;
    }
    double e;
    if (smb_scenarios_what_if(m->scenarios, m->scenario_of[t], m->resilience, likelihood, impact,
                              any ? capped : NULL, &e, NULL, NULL) != SMB_OK)
        return m->base ? m->base[t] : 0.0;
    return e;
}

static int by_threat(const void *pa, const void *pb)
{
    const smb__hit *a = pa, *b = pb;
    return a->threat < b->threat ? -1 : a->threat > b->threat;
}

void smb__model_free(smb__model *model)
{
    smb__free(model->scenario_of);
    smb__free(model->base);
    smb__free(model->cand);
    smb__free(model->hits);
    *model = (smb__model){0};
}

smb_status smb__model_build(const smb_responses *set, const smb_scenarios *scenarios,
                            const smb_resilience *resilience, smb__model *model)
{
    *model = (smb__model){.scenarios = scenarios, .resilience = resilience};
    size_t count = smb_scenarios_count(scenarios);
    /* Check every effect before allocating, so that the caller learns of a
     * dangling id whatever the memory situation. */
    size_t hits = 0;
    for (size_t i = 0; i < set->count; i++) {
        const struct smb_response *r = set->items[i];
        for (size_t k = 0; k < r->effect_count; k++) {
            const char *id = r->effects[k].scenario;
            const smb_scenario *sc = smb_scenarios_find(scenarios, id);
            if (!sc)
                return smb__fail(SMB_ENOTFOUND,
                                 "response '%s' has an effect on scenario '%s', which the scenario set does not hold",
                                 r->id, id);
            if (smb_scenario_direction(sc) != SMB_DIRECTION_THREAT)
                return smb__fail(SMB_EINVAL,
                                 "response '%s' has an effect on scenario '%s', an opportunity: responses reduce threats only",
                                 r->id, id);
        }
        hits += r->effect_count;
    }
    for (size_t s = 0; s < count; s++)
        if (smb_scenario_direction(smb_scenarios_at(scenarios, s)) == SMB_DIRECTION_THREAT)
            model->threats++;
    size_t *slot_of = smb__calloc(count ? count : 1, sizeof *slot_of);
    model->scenario_of = smb__calloc(model->threats ? model->threats : 1, sizeof *model->scenario_of);
    model->base = smb__calloc(model->threats ? model->threats : 1, sizeof *model->base);
    model->cand = smb__calloc(set->count ? set->count : 1, sizeof *model->cand);
    model->hits = smb__calloc(hits ? hits : 1, sizeof *model->hits);
    if (!slot_of || !model->scenario_of || !model->base || !model->cand || !model->hits) {
        smb__free(slot_of);
        smb__model_free(model);
        return smb__nomem();
    }
    size_t t = 0;
    for (size_t s = 0; s < count; s++)
        if (smb_scenario_direction(smb_scenarios_at(scenarios, s)) == SMB_DIRECTION_THREAT) {
            slot_of[s] = t;
            model->scenario_of[t++] = s;
        }
    const double none[SMB_CAPABILITY_COUNT] = {0};
    double *base = model->base;
    model->base = NULL; /* exposure_of's fallback must not read it half-filled */
    for (t = 0; t < model->threats; t++) {
        base[t] = exposure_of(model, t, 1.0, 1.0, none);
        model->base_total += base[t];
    }
    model->base = base;
    model->eps = 1e-12 * fmax(1.0, model->base_total);

    size_t h = 0;
    model->n = set->count;
    for (size_t i = 0; i < set->count; i++) {
        const struct smb_response *r = set->items[i];
        smb__candidate *c = &model->cand[i];
        *c = (smb__candidate){.response = r, .first = h, .count = r->effect_count};
        for (size_t k = 0; k < r->effect_count; k++) {
            const smb_response_effect *e = &r->effects[k].pub;
            size_t s = smb_scenario_index(smb_scenarios_find(scenarios, e->scenario));
            model->hits[h++] = (smb__hit){.threat = slot_of[s],
                                          .keep_likelihood = 1.0 - e->likelihood_reduction,
                                          .keep_impact = 1.0 - e->impact_reduction};
        }
        qsort(&model->hits[c->first], c->count, sizeof *model->hits, by_threat);
        for (int g = 0; g < SMB_CAPABILITY_COUNT; g++)
            c->has_gain = c->has_gain || r->gain[g] > 0;
    }
    smb__free(slot_of);
    return SMB_OK;
}

/* ---- states -------------------------------------------------------------- */

smb_status smb__state_alloc(const smb__model *model, smb__state *state)
{
    size_t n = model->threats ? model->threats : 1;
    *state = (smb__state){0};
    state->likelihood = smb__calloc(n, sizeof *state->likelihood);
    state->impact = smb__calloc(n, sizeof *state->impact);
    state->exposure = smb__calloc(n, sizeof *state->exposure);
    if (!state->likelihood || !state->impact || !state->exposure) {
        smb__state_free(state);
        return smb__nomem();
    }
    smb__state_reset(model, state);
    return SMB_OK;
}

void smb__state_free(smb__state *state)
{
    smb__free(state->likelihood);
    smb__free(state->impact);
    smb__free(state->exposure);
    *state = (smb__state){0};
}

void smb__state_reset(const smb__model *model, smb__state *state)
{
    for (size_t t = 0; t < model->threats; t++) {
        state->likelihood[t] = 1.0;
        state->impact[t] = 1.0;
        state->exposure[t] = model->base[t];
    }
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        state->gain[c] = 0.0;
    state->total = model->base_total;
}

void smb__state_copy(const smb__model *model, smb__state *to, const smb__state *from)
{
    size_t n = model->threats;
    memcpy(to->likelihood, from->likelihood, n * sizeof *to->likelihood);
    memcpy(to->impact, from->impact, n * sizeof *to->impact);
    memcpy(to->exposure, from->exposure, n * sizeof *to->exposure);
    memcpy(to->gain, from->gain, sizeof to->gain);
    to->total = from->total;
}

/* Walk the threats that adding candidate `c` changes, calling `visit` with
 * each one's new factors and exposure. Without capability gains only the
 * threats it has effects on change; with gains every threat may. */
typedef void (*visit_fn)(void *ctx, size_t t, double likelihood, double impact, double exposure);

static void walk(const smb__model *m, const smb__state *s, size_t c, visit_fn visit, void *ctx)
{
    const smb__candidate *cand = &m->cand[c];
    const smb__hit *hit = &m->hits[cand->first], *end = hit + cand->count;
    if (!cand->has_gain) {
        for (; hit < end; hit++) {
            size_t t = hit->threat;
            double p = s->likelihood[t] * hit->keep_likelihood;
            double i = s->impact[t] * hit->keep_impact;
            visit(ctx, t, p, i, exposure_of(m, t, p, i, s->gain));
        }
        return;
    }
    double gain[SMB_CAPABILITY_COUNT];
    for (int g = 0; g < SMB_CAPABILITY_COUNT; g++)
        gain[g] = s->gain[g] + cand->response->gain[g];
    for (size_t t = 0; t < m->threats; t++) {
        double p = s->likelihood[t], i = s->impact[t];
        if (hit < end && hit->threat == t) {
            p *= hit->keep_likelihood;
            i *= hit->keep_impact;
            hit++;
        }
        visit(ctx, t, p, i, exposure_of(m, t, p, i, gain));
    }
}

typedef struct {
    const smb__state *state;
    double removed;
    smb__share_fn each;
    void *ctx;
} marginal_ctx;

static void add_removed(void *ctx, size_t t, double likelihood, double impact, double exposure)
{
    marginal_ctx *mc = ctx;
    (void)likelihood;
    (void)impact;
    double removed = mc->state->exposure[t] - exposure;
    mc->removed += removed;
    if (mc->each)
        mc->each(mc->ctx, t, removed);
}

double smb__marginal_shares(const smb__model *model, const smb__state *state, size_t c,
                            smb__share_fn each, void *ctx)
{
    marginal_ctx mc = {state, 0.0, each, ctx};
    walk(model, state, c, add_removed, &mc);
    /* Adding a response never raises an exposure; a negative sum is rounding. */
    return fmax(0.0, mc.removed);
}

double smb__marginal(const smb__model *model, const smb__state *state, size_t c)
{
    return smb__marginal_shares(model, state, c, NULL, NULL);
}

static void apply(void *ctx, size_t t, double likelihood, double impact, double exposure)
{
    smb__state *s = ctx;
    s->likelihood[t] = likelihood;
    s->impact[t] = impact;
    s->total += exposure - s->exposure[t];
    s->exposure[t] = exposure;
}

void smb__state_add(const smb__model *model, smb__state *state, size_t c)
{
    walk(model, state, c, apply, state);
    for (int g = 0; g < SMB_CAPABILITY_COUNT; g++)
        state->gain[g] += model->cand[c].response->gain[g];
}

double smb__state_total(const smb__model *model, const smb__state *state)
{
    double total = 0.0;
    for (size_t t = 0; t < model->threats; t++)
        total += state->exposure[t];
    return total;
}

/* ---- strings kept by results ---------------------------------------------- */

void smb__strings_need(size_t *total, const char *s)
{
    *total += strlen(s) + 1;
}

smb_status smb__strings_alloc(smb__strings *pool, size_t total)
{
    *pool = (smb__strings){0};
    pool->data = smb__malloc(total ? total : 1);
    if (!pool->data)
        return smb__nomem();
    pool->cap = total;
    return SMB_OK;
}

const char *smb__strings_put(smb__strings *pool, const char *s)
{
    size_t n = strlen(s) + 1;
    char *at = pool->data + pool->used;
    memcpy(at, s, n);
    pool->used += n;
    return at;
}

/* ---- residual exposure (public) ------------------------------------------ */

struct smb_residual {
    double base, total, cost;
    double gain[SMB_CAPABILITY_COUNT];
    smb_residual_scenario *threats;
    size_t count;
    smb__strings strings;
};

void smb_residual_free(smb_residual *residual)
{
    if (!residual)
        return;
    smb__free(residual->threats);
    smb__free(residual->strings.data);
    smb__free(residual);
}

/* Resolve the chosen ids to candidate indices, refusing unknown and repeated ids. */
static smb_status resolve_ids(const smb_responses *set, const char *const *ids, size_t count,
                              size_t *out)
{
    for (size_t i = 0; i < count; i++) {
        if (!ids[i])
            return smb__fail(SMB_EINVAL, "ids[%zu]: must not be NULL", i);
        const smb_response *r = smb_responses_find(set, ids[i]);
        if (!r) {
            char shown[SHOW_CAP];
            return smb__fail(SMB_ENOTFOUND, "ids[%zu]: no response '%s'", i,
                             smb__show(shown, sizeof shown, ids[i]));
        }
        out[i] = r->index;
        for (size_t j = 0; j < i; j++)
            if (out[j] == out[i])
                return smb__fail(SMB_EINVAL, "ids[%zu]: response '%s' is listed twice (also ids[%zu])",
                                 i, r->id, j);
    }
    return SMB_OK;
}

smb_status smb_responses_residual(const smb_responses *set, const smb_scenarios *scenarios,
                                  const smb_resilience *resilience, const char *const *ids,
                                  size_t count, smb_residual **out)
{
    if (!set || !scenarios || !out || (count && !ids))
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !set ? "set" : !scenarios ? "scenarios" : !out ? "out" : "ids");
    if (count > set->count)
        return smb__fail(SMB_EINVAL, "count: %zu responses chosen from a set of %zu", count,
                         set->count);
    size_t *chosen = smb__calloc(count ? count : 1, sizeof *chosen);
    if (!chosen)
        return smb__nomem();
    smb_status st = resolve_ids(set, ids, count, chosen);
    smb__model m = {0};
    smb__state s = {0};
    smb_residual *r = NULL;
    if (st != SMB_OK || (st = smb__model_build(set, scenarios, resilience, &m)) != SMB_OK)
        goto done;
    size_t strings = 0;
    for (size_t t = 0; t < m.threats; t++)
        smb__strings_need(&strings, smb_scenario_id(smb_scenarios_at(scenarios, m.scenario_of[t])));
    if ((st = smb__state_alloc(&m, &s)) != SMB_OK)
        goto done;
    r = smb__calloc(1, sizeof *r);
    if (!r || !(r->threats = smb__calloc(m.threats ? m.threats : 1, sizeof *r->threats)) ||
        smb__strings_alloc(&r->strings, strings) != SMB_OK) {
        st = smb__nomem();
        goto done;
    }
    for (size_t i = 0; i < count; i++) {
        smb__state_add(&m, &s, chosen[i]);
        r->cost += set->items[chosen[i]]->cost;
    }
    r->base = m.base_total;
    r->total = smb__state_total(&m, &s);
    for (int g = 0; g < SMB_CAPABILITY_COUNT; g++)
        r->gain[g] = fmin(SMB_MATURITY_MAX, s.gain[g]);
    r->count = m.threats;
    for (size_t t = 0; t < m.threats; t++) {
        size_t index = m.scenario_of[t];
        r->threats[t] = (smb_residual_scenario){
            .id = smb__strings_put(&r->strings,
                                   smb_scenario_id(smb_scenarios_at(scenarios, index))),
            .index = index,
            .likelihood_factor = s.likelihood[t],
            .impact_factor = s.impact[t],
            .base = m.base[t],
            .residual = s.exposure[t],
        };
    }
    *out = r;
    r = NULL;
done:
    smb_residual_free(r);
    smb__state_free(&s);
    smb__model_free(&m);
    smb__free(chosen);
    return st;
}

double smb_residual_base(const smb_residual *residual)
{
    return residual ? residual->base : 0.0;
}

double smb_residual_total(const smb_residual *residual)
{
    return residual ? residual->total : 0.0;
}

double smb_residual_reduction(const smb_residual *residual)
{
    return residual ? fmax(0.0, residual->base - residual->total) : 0.0;
}

double smb_residual_cost(const smb_residual *residual)
{
    return residual ? residual->cost : 0.0;
}

double smb_residual_gain(const smb_residual *residual, smb_capability capability)
{
    return residual && (int)capability >= 0 && (int)capability < SMB_CAPABILITY_COUNT
               ? residual->gain[capability]
               : 0.0;
}

size_t smb_residual_scenario_count(const smb_residual *residual)
{
    return residual ? residual->count : 0;
}

const smb_residual_scenario *smb_residual_scenario_at(const smb_residual *residual, size_t index)
{
    return residual && index < residual->count ? &residual->threats[index] : NULL;
}
