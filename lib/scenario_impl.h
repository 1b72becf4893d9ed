/* SPDX-License-Identifier: MIT */
/*
 * The layout of a resilience profile and of a set of scenarios, private to
 * the library, and the primitives that the scores, what-ifs, stress tests
 * and heat share, so that each formula has one home:
 *   - estimates: scenario_dist.c (validation, means, lognormal parameters);
 *   - relevant resilience R: resilience.c;
 *   - capability factor, exposure, urgency, matrix: scenario_score.c.
 */
#ifndef SMB_SCENARIO_IMPL_H
#define SMB_SCENARIO_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "idmap.h"
#include "internal.h"

/* ---- resilience (resilience.c) ------------------------------------------ */

struct smb_resilience {
    double maturity[SMB_CAPABILITY_COUNT];
    double weight[SMB_CAPABILITY_COUNT];
    char *rationale[SMB_CAPABILITY_COUNT]; /* NULL when none */
};

static inline bool smb__capability_ok(smb_capability c)
{
    return (int)c >= 0 && (int)c < SMB_CAPABILITY_COUNT;
}

/* The maturities of a profile in capability order; all 0 for NULL. */
void smb__maturities(const smb_resilience *resilience, double out[SMB_CAPABILITY_COUNT]);
/* R: the plain mean of the maturities of the capabilities in `mask` (a
 * non-empty set of known bits), divided by 5. */
double smb__relevant_resilience(const double maturity[SMB_CAPABILITY_COUNT], unsigned mask);
/* Records the refusal of a capability set that is empty or has unknown
 * bits, naming `field`; SMB_OK when the set is valid. */
smb_status smb__check_capabilities(const char *field, unsigned mask);

/* ---- estimates (scenario_dist.c) ----------------------------------------- */

/* Check `in` for a field whose values lie in [lo, hi] and write the form to
 * store (a uniform's mode becomes its midpoint) to *out. `field` names the
 * field in messages, e.g. "scenario 'x' likelihood". */
smb_status smb__estimate_check(const char *field, const smb_estimate *in, double lo, double hi,
                               smb_estimate *out);
/* The mean of a checked estimate. */
double smb__estimate_mean(const smb_estimate *estimate);
/* The standard normal's 95th percentile Φ⁻¹(0.95): a lognormal estimate's
 * min and max are μ ∓ SMB__Z95·σ on the log scale. */
#define SMB__Z95 1.6448536269514722
/* μ and σ of a checked lognormal estimate: μ = (ln min + ln max)/2,
 * σ = (ln max − ln min)/(2·SMB__Z95). */
void smb__lognormal_params(const smb_estimate *estimate, double *mu, double *sigma);
/* Whether two estimates are the same form with the same numbers. */
bool smb__estimate_equal(const smb_estimate *a, const smb_estimate *b);

/* ---- the model (scenario.c) ---------------------------------------------- */

typedef struct smb__shift {
    smb_driver_shift pub; /* pub.driver points at `key` */
    char *key;
} smb__shift;

struct smb_scenario {
    /* Inline so that the id map can borrow it for the scenario's life. */
    char id[SMB_MAX_ID_LENGTH + 1];
    char *title;
    char *description;           /* NULL when none */
    smb_source source;
    smb_direction direction;
    unsigned kind;               /* smb_scenario_kind_flag bits */
    smb_estimate likelihood;
    smb_estimate impact;
    smb_estimate money;          /* meaningful only when has_money */
    bool has_money;
    double horizon;              /* months */
    double block_weight[SMB_BLOCK_COUNT]; /* 0 where not hit */
    smb__shift *shifts;
    size_t shift_count, shift_cap;
    unsigned mitigators;         /* the override; meaningful only when has_mitigators */
    bool has_mitigators;
    size_t index;                /* position in the set */
};

struct smb_scenarios {
    struct smb_scenario **items; /* separately allocated, so ids stay put */
    size_t count, cap;
    smb__idmap ids;              /* id -> struct smb_scenario * */
    double mitigation;           /* m */
    double half_life;            /* months */
};

/* ---- scoring primitives (scenario_score.c) ------------------------------- */

/* Everything the deterministic scores of one scenario are made of. */
typedef struct smb__figures {
    double likelihood, impact, money;
    bool has_money;
    unsigned mitigators;
    double resilience, factor, exposure, urgency, urgency_weighted, money_exposure;
} smb__figures;

/* Score `sc` with the given maturities (already raised and capped by a
 * what-if, if any), its mean likelihood multiplied by `likelihood_factor`
 * and its mean impact and money by `impact_factor`. */
void smb__figures_of(const smb_scenarios *set, const struct smb_scenario *sc,
                     const double maturity[SMB_CAPABILITY_COUNT], double likelihood_factor,
                     double impact_factor, smb__figures *out);

#endif /* SMB_SCENARIO_IMPL_H */
