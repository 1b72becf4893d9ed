/* SPDX-License-Identifier: MIT */
/* The trials: the one home of the rules that turn a scenario's random words
 * into an occurrence and a contribution (docs/methodology.md, "Monte Carlo
 * simulation"). The chunk loop and the single-trial functions share the
 * inline rules below, so a trial recreated from its index at finish time is
 * bit-identical to the one the run added up.
 *
 * Scenario s in trial t draws one Philox4x32-10 block, counter
 * (t low, t high, s, 0): word 0 the likelihood, word 1 the occurrence,
 * word 2 the impact, word 3 the money. The trial's common factor comes from
 * counter (t low, t high, 0xFFFFFFFF, 0), word 0. */
#include <math.h>
#include <string.h>

#include "sim_impl.h"
#include "sim_random.h"

/* The counter word of the common factor: no scenario has this index
 * (SMB_MAX_SCENARIOS is far below it). */
#define COMMON_FACTOR_STREAM 0xFFFFFFFFu

static inline void block_at(const smb_sim_model *m, uint64_t t, uint32_t stream,
                            uint32_t out[4])
{
    const uint32_t ctr[4] = {(uint32_t)t, (uint32_t)(t >> 32), stream, 0};
    smb__philox4x32_10(ctr, m->key, out);
}

/* ---- the rules ----------------------------------------------------------- */

static inline double likelihood_of(const smb__sim_scenario *sc, uint32_t w0)
{
    return sc->likelihood_varies ? smb__sampler_draw(&sc->likelihood, smb__u01(w0)) *
                                       sc->likelihood_factor
                                 : sc->p_point;
}

/* ρ = 0: u1 < p. ρ > 0, the one-factor Gaussian copula:
 * √ρ·Z + √(1 − ρ)·Φ⁻¹(u1) < Φ⁻¹(p), whose marginal probability is p. */
static inline bool occurs(const smb__sim_scenario *sc, double p, uint32_t w1, double z)
{
    if (!sc->correlated)
        return smb__u01(w1) < p;
    double bound = sc->likelihood_varies ? smb__normal_quantile(p) : sc->probit_point;
    return sc->sqrt_rho * z + sc->sqrt_rest * smb__normal_quantile(smb__u01(w1)) < bound;
}

static inline double amount_of(const smb__sim_scenario *sc, uint32_t wa)
{
    return sc->amount_varies ? smb__sampler_draw(&sc->amount, smb__u01(wa)) * sc->amount_scale
                             : sc->amount_point;
}

static inline double common_factor_of(uint32_t w0)
{
    return smb__normal_quantile(smb__u01(w0));
}

/* ---- deciding occurrences early ------------------------------------------ */

/* Most occurrences are decided without drawing the likelihood or taking a
 * normal quantile, and exactly as the rules above would decide them:
 *
 *  - uncorrelated, u1 < p is compared on the word w1: below `surely` it is
 *    below every p the likelihood can draw (draws never leave its [min,
 *    max]), at or above `maybe` above them all (see words_below in
 *    sim_model.c);
 *  - correlated, √ρ·Z + √(1 − ρ)·Φ⁻¹(u1) is bounded through the quantiles
 *    of the ends of w1's cell, Φ⁻¹(p) through those of the likelihood's
 *    ends and, once p is drawn, of p's cell; a margin of
 *    SMB__SIM_BRACKET_MARGIN, far above every rounding and the quantile's
 *    own error, separates the bounds before they decide.
 *
 * The chunk loop and the single trials share these functions. */

enum { NO = 0, YES = 1, OPEN = 2 };

/* The first looks take their thresholds by value, so that the chunk loop
 * that calls them keeps them in registers and vectorises. */
typedef struct look_words {
    uint32_t surely, surely_all, maybe, maybe_all;
} look_words;

typedef struct look_bounds {
    double a, b, occurs_below, never_above;
    const double *low, *high;
} look_bounds;

static inline look_words words_of(const smb__sim_scenario *sc)
{
    return (look_words){sc->surely, sc->surely_all, sc->maybe, sc->maybe_all};
}

static inline look_bounds bounds_of(const smb_sim_model *m, const smb__sim_scenario *sc)
{
    return (look_bounds){sc->sqrt_rho, sc->sqrt_rest, sc->occurs_below, sc->never_above,
                         m->probit_low, m->probit_high};
}

static inline uint32_t look_uncorrelated(look_words l, uint32_t w1)
{
    uint32_t yes = (w1 < l.surely) | l.surely_all;
    uint32_t perhaps = (w1 < l.maybe) | l.maybe_all;
    return yes | ((perhaps & (yes ^ 1u)) << 1);
}

static inline uint32_t look_correlated(look_bounds l, uint32_t w1, double z)
{
    uint32_t cell = w1 >> (32 - SMB__SIM_CELL_BITS);
    double common = l.a * z;
    uint32_t yes = common + l.b * l.high[cell] < l.occurs_below;
    uint32_t no = common + l.b * l.low[cell] > l.never_above;
    return yes | (((yes | no) ^ 1u) << 1);
}

/* An occurrence the first look left open: draw p, look again with p's cell
 * when correlated, else compare exactly. */
static inline bool settle(const smb_sim_model *m, const smb__sim_scenario *sc, uint32_t w0,
                          uint32_t w1, double z)
{
    double p = likelihood_of(sc, w0);
    if (sc->correlated && sc->likelihood_varies) {
        /* p·CELLS is exact, so p lies between edges c and c + 1. */
        double scaled = p * SMB__SIM_CELLS;
        size_t c = scaled >= SMB__SIM_CELLS ? SMB__SIM_CELLS - 1 : (size_t)scaled;
        uint32_t cell = w1 >> (32 - SMB__SIM_CELL_BITS);
        double common = sc->sqrt_rho * z;
        if (common + sc->sqrt_rest * m->probit_high[cell] <
            m->probit_edge[c] - SMB__SIM_BRACKET_MARGIN)
            return true;
        if (common + sc->sqrt_rest * m->probit_low[cell] >
            m->probit_edge[c + 1] + SMB__SIM_BRACKET_MARGIN)
            return false;
    }
    return occurs(sc, p, w1, z);
}

static inline bool decide(const smb_sim_model *m, const smb__sim_scenario *sc, uint32_t w0,
                          uint32_t w1, double z)
{
    uint32_t look = sc->correlated ? look_correlated(bounds_of(m, sc), w1, z)
                                   : look_uncorrelated(words_of(sc), w1);
    return look == OPEN ? settle(m, sc, w0, w1, z) : look == YES;
}

/* ---- one trial ----------------------------------------------------------- */

double smb__sim_common_factor(const smb_sim_model *m, uint64_t t)
{
    if (!m->correlated)
        return 0.0;
    uint32_t w[4];
    block_at(m, t, COMMON_FACTOR_STREAM, w);
    return common_factor_of(w[0]);
}

double smb__sim_contribution(const smb_sim_model *m, size_t s, uint64_t t, double z)
{
    const smb__sim_scenario *sc = &m->scenarios[s];
    uint32_t w[4];
    block_at(m, t, (uint32_t)s, w);
    if (!decide(m, sc, w[0], w[1], z))
        return 0.0;
    return amount_of(sc, w[m->amount_word]);
}

double smb__sim_input(const smb_sim_model *m, size_t s, smb_sim_input_kind kind, uint64_t t)
{
    const smb__sim_scenario *sc = &m->scenarios[s];
    uint32_t w[4];
    block_at(m, t, (uint32_t)s, w);
    if (kind == SMB_SIM_INPUT_LIKELIHOOD)
        return smb__sampler_draw(&sc->likelihood, smb__u01(w[0]));
    return smb__sampler_draw(&sc->amount, smb__u01(w[m->amount_word]));
}

/* ---- a chunk of trials --------------------------------------------------- */

/* The loops that run over the whole chunk (the words of trials past n are
 * made, and their flags cleared) have a fixed length and no branch, which
 * lets the compiler vectorise them; draws go through a list of the trials
 * that need one. */

/* The positions i < n where flag[i] is 1, in order; their number. */
static size_t pick_marked(const uint32_t *flag, size_t n, uint32_t *pick)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        pick[k] = (uint32_t)i;
        k += flag[i];
    }
    return k;
}

static void clear_past(uint32_t *flag, size_t n)
{
    for (size_t i = n; i < SMB__SIM_CHUNK; i++)
        flag[i] = 0;
}

/* Each trial's occurrence: a first look over the whole chunk, in a loop
 * without branches, then the open ones settled one by one. */
static void occurrences_of(const smb_sim_model *m, const smb__sim_scenario *sc, size_t n,
                           smb__sim_scratch *x)
{
    const uint32_t *w1 = x->w1;
    uint32_t *occ = x->occurs, *mark = x->mark;
    if (sc->correlated) {
        const look_bounds l = bounds_of(m, sc);
        const double *z = x->z;
        for (size_t i = 0; i < SMB__SIM_CHUNK; i++) {
            uint32_t look = look_correlated(l, w1[i], z[i]);
            occ[i] = look & 1u;
            mark[i] = look >> 1;
        }
    } else {
        const look_words l = words_of(sc);
        for (size_t i = 0; i < SMB__SIM_CHUNK; i++) {
            uint32_t look = look_uncorrelated(l, w1[i]);
            occ[i] = look & 1u;
            mark[i] = look >> 1;
        }
    }
    size_t k = pick_marked(mark, n, x->pick);
    for (size_t j = 0; j < k; j++) {
        size_t i = x->pick[j];
        occ[i] = settle(m, sc, x->w0[i], w1[i], sc->correlated ? x->z[i] : 0.0);
    }
    clear_past(occ, n);
}

static void scenario_chunk(const smb_sim_model *m, size_t s, uint64_t first, size_t n,
                           smb__sim_scratch *x, double *total, uint64_t *occurrences)
{
    const smb__sim_scenario *sc = &m->scenarios[s];
    smb__sim_words(m->key, first, (uint32_t)s, m->amount_word, SMB__SIM_WORDS_BEST, x->w0, x->w1,
                   x->wa);
    occurrences_of(m, sc, n, x);
    const uint32_t *occ = x->occurs;
    uint64_t count = 0;
    for (size_t i = 0; i < SMB__SIM_CHUNK; i++)
        count += occ[i];
    if (occurrences)
        occurrences[s] += count;
    if (!sc->has_amount || count == 0)
        return;
    if (!sc->amount_varies) {
        /* Adding +0 leaves a total ≥ 0 as it was. */
        const double a = sc->amount_point;
        for (size_t i = 0; i < SMB__SIM_CHUNK; i++)
            total[i] += occ[i] ? a : 0.0;
        return;
    }
    size_t k = pick_marked(occ, n, x->pick);
    for (size_t j = 0; j < k; j++) {
        size_t i = x->pick[j];
        total[i] += amount_of(sc, x->wa[i]);
    }
}

void smb__sim_chunk(const smb_sim_model *m, uint64_t first, size_t n, smb__sim_scratch *scratch,
                    double *loss, double *upside, uint64_t *occurrences)
{
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++)
        for (size_t i = 0; i < SMB__SIM_CHUNK; i++)
            scratch->total[side][i] = 0.0;
    if (m->correlated) {
        smb__sim_words(m->key, first, COMMON_FACTOR_STREAM, 2, SMB__SIM_WORDS_BEST, scratch->w0,
                       scratch->w1, scratch->wa);
        for (size_t i = 0; i < n; i++)
            scratch->z[i] = common_factor_of(scratch->w0[i]);
        for (size_t i = n; i < SMB__SIM_CHUNK; i++)
            scratch->z[i] = 0.0;
    }
    /* Set order: each trial's totals add its scenarios' contributions in
     * the order of the set, as smb__sim_contribution recreates them. */
    for (size_t s = 0; s < m->count; s++) {
        int side = m->scenarios[s].side;
        if (side == SMB_SIM_UPSIDE && !upside)
            continue;
        scenario_chunk(m, s, first, n, scratch, scratch->total[side], occurrences);
    }
    memcpy(loss, scratch->total[SMB_SIM_LOSS], n * sizeof *loss);
    if (upside)
        memcpy(upside, scratch->total[SMB_SIM_UPSIDE], n * sizeof *upside);
}
