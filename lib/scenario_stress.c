/* SPDX-License-Identifier: MIT */
/* What a scenario does to the business: its driver shifts applied to a copy
 * of the five-forces assessment (scored by the forces model itself, through
 * smb_forces_compare), and the heat the threats put on the canvas blocks. */
#include <stdlib.h>
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

/* ---- stress tests -------------------------------------------------------- */

struct smb_stress {
    char *scenario;                 /* the scenario's id */
    smb_forces *shifted;
    smb_forces_comparison *comparison;
    smb_shift_outcome *shifts;      /* driver keys point into `keys` */
    size_t shift_count;
    size_t unapplied;
    char *keys;
};

void smb_stress_free(smb_stress *stress)
{
    if (!stress)
        return;
    smb__free(stress->scenario);
    smb_forces_free(stress->shifted);
    smb_forces_comparison_free(stress->comparison);
    smb__free(stress->shifts);
    smb__free(stress->keys);
    smb__free(stress);
}

/* Every shifted driver must exist before anything is allocated, so that a
 * stress test fails for the scenario's content, not half-way through. */
static smb_status check_drivers(const struct smb_scenario *sc, const smb_forces *forces)
{
    for (size_t i = 0; i < sc->shift_count; i++) {
        const smb_driver_shift *s = &sc->shifts[i].pub;
        if (!smb_forces_find_driver(forces, s->force, s->driver))
            return smb__fail(SMB_ENOTFOUND,
                             "scenario '%s' shifts %s/%s, but force '%s' has no driver '%s'",
                             sc->id, smb_force_key(s->force), s->driver, smb_force_key(s->force),
                             s->driver);
    }
    return SMB_OK;
}

static double clamp_rating(double r)
{
    return r < SMB_DRIVER_RATING_MIN ? SMB_DRIVER_RATING_MIN
           : r > SMB_DRIVER_RATING_MAX ? SMB_DRIVER_RATING_MAX
                                       : r;
}

/* Apply shift `s` to the copy and describe the outcome; the driver exists
 * (check_drivers) and the clamped rating is in range, so this cannot fail. */
static smb_shift_outcome apply_shift(smb_forces *shifted, const smb__shift *s, char **cursor)
{
    const smb_driver *d = smb_forces_find_driver(shifted, s->pub.force, s->key);
    size_t n = strlen(s->key) + 1;
    memcpy(*cursor, s->key, n);
    smb_shift_outcome o = {.force = s->pub.force, .driver = *cursor, .delta = s->pub.delta};
    *cursor += n;
    if (!smb_driver_is_rated(d))
        return o;
    o.applied = 1;
    o.rating_before = smb_driver_rating(d);
    double wanted = o.rating_before + o.delta;
    o.rating_after = clamp_rating(wanted);
    o.clamped = o.rating_after != wanted;
    (void)smb_forces_set_rating(shifted, o.force, s->key, o.rating_after);
    return o;
}

smb_status smb_scenarios_stress(const smb_scenarios *set, const char *id,
                                const smb_forces *forces, smb_stress **out)
{
    if (!set || !id || !forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !set ? "set" : !id ? "id" : !forces ? "forces" : "out");
    const struct smb_scenario *sc = smb__idmap_find(&set->ids, id);
    if (!sc) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "no scenario '%s'", smb__show(shown, sizeof shown, id));
    }
    smb_status st = check_drivers(sc, forces);
    if (st != SMB_OK)
        return st;

    size_t bytes = 0;
    for (size_t i = 0; i < sc->shift_count; i++)
        bytes += strlen(sc->shifts[i].key) + 1;
    smb_stress *r = smb__calloc(1, sizeof *r);
    if (!r)
        return smb__nomem();
    if (!(r->scenario = smb__strdup(sc->id)) ||
        !(r->shifts = smb__calloc(sc->shift_count, sizeof *r->shifts)) ||
        !(r->keys = smb__malloc(bytes))) {
        smb_stress_free(r);
        return smb__nomem();
    }
    st = smb_forces_copy(forces, &r->shifted);
    if (st != SMB_OK) {
        smb_stress_free(r);
        return st;
    }
    char *cursor = r->keys;
    for (size_t i = 0; i < sc->shift_count; i++) {
        r->shifts[i] = apply_shift(r->shifted, &sc->shifts[i], &cursor);
        r->unapplied += !r->shifts[i].applied;
    }
    r->shift_count = sc->shift_count;
    st = smb_forces_compare(forces, r->shifted, &r->comparison);
    if (st != SMB_OK) {
        smb_stress_free(r);
        return st;
    }
    *out = r;
    return SMB_OK;
}

const char *smb_stress_scenario(const smb_stress *stress)
{
    return stress ? stress->scenario : NULL;
}

const smb_forces *smb_stress_forces(const smb_stress *stress)
{
    return stress ? stress->shifted : NULL;
}

const smb_forces_comparison *smb_stress_comparison(const smb_stress *stress)
{
    return stress ? stress->comparison : NULL;
}

size_t smb_stress_shift_count(const smb_stress *stress)
{
    return stress ? stress->shift_count : 0;
}

const smb_shift_outcome *smb_stress_shift_at(const smb_stress *stress, size_t index)
{
    return stress && index < stress->shift_count ? &stress->shifts[index] : NULL;
}

size_t smb_stress_unapplied_count(const smb_stress *stress)
{
    return stress ? stress->unapplied : 0;
}

/* ---- heat on the canvas -------------------------------------------------- */

struct smb_canvas_heat {
    smb_block_heat blocks[SMB_BLOCK_COUNT];          /* block order */
    const smb_block_heat *order[SMB_BLOCK_COUNT];    /* hottest first */
    double total;
};

static int by_heat(const void *pa, const void *pb)
{
    const smb_block_heat *a = *(const smb_block_heat *const *)pa;
    const smb_block_heat *b = *(const smb_block_heat *const *)pb;
    int c = smb__rank_desc(a->heat, b->heat);
    return c ? c : (a->block > b->block) - (a->block < b->block);
}

smb_status smb_scenarios_canvas_heat(const smb_scenarios *set, const smb_resilience *resilience,
                                     const smb_canvas *canvas, smb_canvas_heat **out)
{
    if (!set || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", set ? "out" : "set");
    smb_canvas_heat *h = smb__calloc(1, sizeof *h);
    if (!h)
        return smb__nomem();
    double maturity[SMB_CAPABILITY_COUNT];
    smb__maturities(resilience, maturity);
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        h->blocks[k].block = (smb_block)k;
        h->blocks[k].items = canvas ? smb_canvas_item_count(canvas, (smb_block)k) : 0;
    }
    for (size_t i = 0; i < set->count; i++) {
        const struct smb_scenario *sc = set->items[i];
        if (sc->direction != SMB_DIRECTION_THREAT)
            continue;
        smb__figures f;
        smb__figures_of(set, sc, maturity, 1.0, 1.0, &f);
        for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
            double w = sc->block_weight[k];
            if (w > 0) {
                h->blocks[k].heat += f.exposure * w;
                h->blocks[k].urgency_weighted += f.urgency_weighted * w;
                h->blocks[k].scenarios++;
            }
        }
    }
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        h->total += h->blocks[k].heat;
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        h->blocks[k].share = h->total > 0 ? h->blocks[k].heat / h->total : 0.0;
        h->order[k] = &h->blocks[k];
    }
    qsort(h->order, SMB_BLOCK_COUNT, sizeof h->order[0], by_heat);
    *out = h;
    return SMB_OK;
}

void smb_canvas_heat_free(smb_canvas_heat *heat)
{
    smb__free(heat);
}

double smb_canvas_heat_total(const smb_canvas_heat *heat)
{
    return heat ? heat->total : 0.0;
}

const smb_block_heat *smb_canvas_heat_at(const smb_canvas_heat *heat, size_t index)
{
    return heat && index < SMB_BLOCK_COUNT ? heat->order[index] : NULL;
}

const smb_block_heat *smb_canvas_heat_of(const smb_canvas_heat *heat, smb_block block)
{
    return heat && (int)block >= 0 && (int)block < SMB_BLOCK_COUNT ? &heat->blocks[block] : NULL;
}
