/* SPDX-License-Identifier: MIT */
/*
 * The layout of a set of responses, private to the library, and the
 * evaluation engine that residual exposure, ranking and the portfolio share
 * (response_eval.c), so that residual exposure has one home. The engine
 * never computes an exposure itself: every exposure comes from
 * smb_scenarios_what_if().
 */
#ifndef SMB_RESPONSE_IMPL_H
#define SMB_RESPONSE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "idmap.h"
#include "internal.h"

/* ---- the model (response.c) ---------------------------------------------- */

typedef struct smb__effect {
    smb_response_effect pub; /* pub.scenario points at `scenario` (re-pointed when moved) */
    char scenario[SMB_MAX_ID_LENGTH + 1];
} smb__effect;

struct smb_response {
    /* Inline so that the id map can borrow it for the response's life. */
    char id[SMB_MAX_ID_LENGTH + 1];
    char *title;
    char *description; /* NULL when none */
    smb_response_kind kind;
    double cost;
    double months;
    double rating[SMB_IDEA_COUNT];
    double gain[SMB_CAPABILITY_COUNT];
    smb__effect *effects;
    size_t effect_count, effect_cap;
    /* Values on the user's criteria, slot k for criterion SMB_BUILTIN_CRITERIA + k. */
    double value[SMB_MAX_CUSTOM_CRITERIA];
    bool has_value[SMB_MAX_CUSTOM_CRITERIA];
    size_t index; /* position in the set */
};

typedef struct smb__criterion {
    char key[SMB_MAX_ID_LENGTH + 1];
    const char *title; /* static for built-in criteria, else `owned` */
    char *owned;
    smb_criterion_direction direction;
    double weight;
    bool custom;
} smb__criterion;

struct smb_responses {
    struct smb_response **items; /* separately allocated, so ids stay put */
    size_t count, cap;
    smb__idmap ids; /* id -> struct smb_response * */
    smb__criterion criteria[SMB_BUILTIN_CRITERIA + SMB_MAX_CUSTOM_CRITERIA];
    size_t criterion_count;
};

/* ---- evaluation (response_eval.c) ----------------------------------------
 *
 * A model resolves every response's effects against a scenario set once
 * (checking that each names a threat of the set) and records every threat's
 * exposure without responses. A state is a chosen set of responses, kept as
 * what it does to each threat: the products of (1 - reduction) on its
 * likelihood and impact, the capability gains, and its exposure. */

typedef struct smb__hit {
    size_t threat; /* threat slot */
    double keep_likelihood, keep_impact; /* 1 - reductions */
} smb__hit;

typedef struct smb__candidate {
    const struct smb_response *response;
    size_t first, count; /* its hits in smb__model.hits, by threat slot */
    bool has_gain;
} smb__candidate;

typedef struct smb__model {
    const smb_scenarios *scenarios;
    const smb_resilience *resilience;
    size_t threats;          /* number of threats */
    size_t *scenario_of;     /* threat slot -> scenario index */
    double *base;            /* threat slot -> exposure without responses */
    double base_total;
    smb__candidate *cand;    /* one per response, in set order */
    size_t n;
    smb__hit *hits;
    /* Reductions closer than this count as equal: 12 decimal places of the
     * base exposure, far above the rounding of sums and products of it. */
    double eps;
} smb__model;

typedef struct smb__state {
    double *likelihood;      /* threat slot -> product of keep_likelihood */
    double *impact;          /* threat slot -> product of keep_impact */
    double *exposure;        /* threat slot -> exposure with the chosen responses */
    double gain[SMB_CAPABILITY_COUNT]; /* summed, not yet capped */
    double total;
} smb__state;

/* Resolve the effects of every response of `set` against `scenarios` and
 * score the threats. SMB_ENOTFOUND for an effect on an unknown id,
 * SMB_EINVAL for an effect on an opportunity, SMB_ENOMEM. */
smb_status smb__model_build(const smb_responses *set, const smb_scenarios *scenarios,
                            const smb_resilience *resilience, smb__model *model);
void smb__model_free(smb__model *model);

smb_status smb__state_alloc(const smb__model *model, smb__state *state);
void smb__state_free(smb__state *state);
/* Nothing chosen. */
void smb__state_reset(const smb__model *model, smb__state *state);
void smb__state_copy(const smb__model *model, smb__state *to, const smb__state *from);
/* The exposure that adding candidate `c` to the state would remove (>= 0). */
double smb__marginal(const smb__model *model, const smb__state *state, size_t c);
/* The same, also telling `each` what it removes from each threat it
 * changes (a share may be a rounding error below 0). */
typedef void (*smb__share_fn)(void *ctx, size_t threat, double removed);
double smb__marginal_shares(const smb__model *model, const smb__state *state, size_t c,
                            smb__share_fn each, void *ctx);
/* Add candidate `c` to the state. */
void smb__state_add(const smb__model *model, smb__state *state, size_t c);
/* The state's total recomputed from its threats, in threat order, so that a
 * set's residual does not depend on the order its responses were added. */
double smb__state_total(const smb__model *model, const smb__state *state);

/* Copies of ids and titles that results keep, in one block sized up front
 * so that no copy after the first allocation can fail. */
typedef struct smb__strings {
    char *data;
    size_t used, cap;
} smb__strings;

void smb__strings_need(size_t *total, const char *s);
smb_status smb__strings_alloc(smb__strings *pool, size_t total);
const char *smb__strings_put(smb__strings *pool, const char *s);

#endif /* SMB_RESPONSE_IMPL_H */
