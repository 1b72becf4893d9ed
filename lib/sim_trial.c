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
    if (!occurs(sc, likelihood_of(sc, w[0]), w[1], z))
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

/* The copula's comparison √ρ·Z + √(1 − ρ)·Φ⁻¹(u1) < Φ⁻¹(p), decided from
 * bounds where they are far enough apart: Φ⁻¹(u1) lies between the
 * quantiles of its cell's ends, Φ⁻¹(p) between those of the likelihood's
 * ends, and a margin of SMB__SIM_BRACKET_MARGIN covers every rounding. The
 * trials the bounds leave open (about one in a hundred) compare exactly. */
static void correlated_occurrences(const smb_sim_model *m, const smb__sim_scenario *sc,
                                   size_t n, smb__sim_scratch *x)
{
    const double a = sc->sqrt_rho, b = sc->sqrt_rest;
    const double occurs_below = sc->occurs_below, never_above = sc->never_above;
    const double *low = m->probit_low, *high = m->probit_high;
    const uint32_t *w1 = x->w1;
    const double *z = x->z;
    uint32_t *occ = x->occurs, *mark = x->mark;
    for (size_t i = 0; i < SMB__SIM_CHUNK; i++) {
        uint32_t cell = w1[i] >> (32 - SMB__SIM_CELL_BITS);
        double common = a * z[i];
        uint32_t yes = common + b * high[cell] < occurs_below;
        uint32_t no = common + b * low[cell] > never_above;
        occ[i] = yes;
        mark[i] = (yes | no) ^ 1u;
    }
    size_t k = pick_marked(mark, n, x->pick);
    for (size_t j = 0; j < k; j++) {
        size_t i = x->pick[j];
        occ[i] = occurs(sc, likelihood_of(sc, x->w0[i]), w1[i], z[i]);
    }
    clear_past(occ, n);
}

static void occurrences_of(const smb_sim_model *m, const smb__sim_scenario *sc, size_t n,
                           smb__sim_scratch *x)
{
    uint32_t *occ = x->occurs;
    if (sc->correlated) {
        correlated_occurrences(m, sc, n, x);
        return;
    }
    /* u1 < p compared on the word: a word below every p the likelihood can
     * draw occurs, one above them all does not, only those between draw. */
    const uint32_t surely = sc->surely, surely_all = sc->surely_all;
    const uint32_t maybe = sc->maybe, maybe_all = sc->maybe_all;
    const uint32_t *w1 = x->w1;
    uint32_t *mark = x->mark;
    for (size_t i = 0; i < SMB__SIM_CHUNK; i++) {
        uint32_t yes = (w1[i] < surely) | surely_all;
        uint32_t perhaps = (w1[i] < maybe) | maybe_all;
        occ[i] = yes;
        mark[i] = perhaps & (yes ^ 1u);
    }
    size_t k = pick_marked(mark, n, x->pick);
    for (size_t j = 0; j < k; j++) {
        size_t i = x->pick[j];
        occ[i] = occurs(sc, likelihood_of(sc, x->w0[i]), w1[i], 0.0);
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
