/* SPDX-License-Identifier: MIT */
/* What a range of trials adds up to, apart from its totals: exact sums of
 * the totals and their squares, extremes, the exceedance count, each
 * scenario's occurrences and, without kept totals, a quantile sketch per
 * side. Every piece merges exactly and in any order, which is what makes a
 * result independent of the threads and of how the range was split. */
#include <math.h>

#include "sim_impl.h"

smb_status smb__sim_tally_init(smb__sim_tally *t, const smb_sim_model *m)
{
    *t = (smb__sim_tally){.scenarios = m->count};
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__xsum_init(&t->sum[side]);
        smb__xsum_init(&t->square[side]);
        t->min[side] = INFINITY;
        t->max[side] = -INFINITY;
    }
    t->occurrences = smb__calloc(m->count, sizeof *t->occurrences);
    if (!t->occurrences)
        return smb__nomem();
    if (m->config->keep_totals)
        return SMB_OK;
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        if (side == SMB_SIM_UPSIDE && !m->has_upside)
            break;
        smb_status st = smb__sketch_init(&t->sketch[side], m->config->accuracy);
        if (st != SMB_OK) {
            smb__sim_tally_free(t);
            return st;
        }
        t->sketched[side] = true;
    }
    return SMB_OK;
}

void smb__sim_tally_free(smb__sim_tally *t)
{
    smb__free(t->occurrences);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++)
        if (t->sketched[side])
            smb__sketch_free(&t->sketch[side]);
    *t = (smb__sim_tally){0};
}

static smb_status add_side(smb__sim_tally *t, int side, const double *x, size_t n)
{
    double lo = t->min[side], hi = t->max[side];
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        if (v == 0.0) /* adds nothing to the sums */
            continue;
        smb__xsum_add(&t->sum[side], v);
        smb__xsum_add(&t->square[side], v * v);
    }
    t->min[side] = lo;
    t->max[side] = hi;
    if (t->sketched[side])
        for (size_t i = 0; i < n; i++) {
            smb_status st = smb__sketch_add(&t->sketch[side], x[i]);
            if (st != SMB_OK)
                return st;
        }
    return SMB_OK;
}

smb_status smb__sim_tally_add(smb__sim_tally *t, const smb_sim_model *m, const double *loss,
                              const double *upside, size_t n)
{
    const smb_sim_config *c = m->config;
    if (c->has_threshold)
        for (size_t i = 0; i < n; i++)
            t->exceed += loss[i] > c->threshold;
    smb_status st = add_side(t, SMB_SIM_LOSS, loss, n);
    if (st != SMB_OK)
        return st;
    if (upside)
        return add_side(t, SMB_SIM_UPSIDE, upside, n);
    /* Without opportunities every upside total is 0. */
    t->min[SMB_SIM_UPSIDE] = 0.0;
    t->max[SMB_SIM_UPSIDE] = 0.0;
    return SMB_OK;
}

smb_status smb__sim_tally_merge(smb__sim_tally *into, const smb__sim_tally *other)
{
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        if (into->sketched[side]) {
            smb_status st = smb__sketch_merge(&into->sketch[side], &other->sketch[side]);
            if (st != SMB_OK)
                return st;
        }
    }
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__xsum_merge(&into->sum[side], &other->sum[side]);
        smb__xsum_merge(&into->square[side], &other->square[side]);
        into->min[side] = fmin(into->min[side], other->min[side]);
        into->max[side] = fmax(into->max[side], other->max[side]);
    }
    into->exceed += other->exceed;
    for (size_t s = 0; s < into->scenarios; s++)
        into->occurrences[s] += other->occurrences[s];
    return SMB_OK;
}
