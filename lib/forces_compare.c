/* SPDX-License-Identifier: MIT */
/* Comparing two five-forces assessments: drivers matched by force and key,
 * force scores and the overall pressure before and after. The scores come
 * from the primitives of forces_score.c; nothing is recomputed here by a
 * formula of its own. */
#include <stdio.h>
#include <string.h>

#include "forces_impl.h"

typedef struct smb_driver driver_t;

static const char *const field_keys[] = {"rating", "weight", "confidence", "rationale", "text"};

const char *smb_driver_field_key(unsigned field)
{
    for (unsigned i = 0; i < sizeof field_keys / sizeof field_keys[0]; i++)
        if (field == 1u << i)
            return field_keys[i];
    return NULL;
}

/* One side of the overall comparison. */
typedef struct side {
    bool has_pressure;
    bool any_rated;
    double pressure;
} side;

struct smb_forces_comparison {
    smb_driver_delta *drivers;
    size_t count;
    size_t changed;
    smb_force_delta forces[SMB_FORCE_COUNT];
    side before, after;
    smb__pool pool;
};

/* The entry for a driver in `before` (b) and/or `after` (a); one may be NULL.
 * Strings come from the second assessment when it has the driver. */
static smb_driver_delta delta_of(smb_force force, const driver_t *b, const driver_t *a,
                                 smb__pool *pool)
{
    smb_driver_delta d = {.force = force, .in_before = b != NULL, .in_after = a != NULL};
    smb__pool_put(pool, a ? a : b, &d.key, &d.title);
    if (b) {
        d.rated_before = b->rated;
        d.rating_before = b->rated ? b->rating : 0.0;
        d.weight_before = b->weight;
    }
    if (a) {
        d.rated_after = a->rated;
        d.rating_after = a->rated ? a->rating : 0.0;
        d.weight_after = a->weight;
    }
    if (d.rated_before && d.rated_after)
        d.delta = d.rating_after - d.rating_before;
    if (a && b)
        d.fields = smb__driver_diff(b, a);
    return d;
}

static smb_force_delta force_delta(const smb_forces *before, const smb_forces *after,
                                   smb_force force)
{
    smb_force_delta d = {
        .force = force,
        .band_before = SMB_FORCE_BAND_NONE,
        .band_after = SMB_FORCE_BAND_NONE,
        .weight_before = before->weight[force],
        .weight_after = after->weight[force],
    };
    if (smb__force_score(before, force, NULL, &d.score_before)) {
        d.has_before = 1;
        d.band_before = smb_force_band_of(d.score_before);
    }
    if (smb__force_score(after, force, NULL, &d.score_after)) {
        d.has_after = 1;
        d.band_after = smb_force_band_of(d.score_after);
    }
    if (d.has_before && d.has_after) {
        d.score_delta = d.score_after - d.score_before;
        d.intensity_delta = smb__intensity(d.score_after) - smb__intensity(d.score_before);
    }
    return d;
}

static side side_of(const smb_forces *forces)
{
    side s = {0};
    s.has_pressure = smb__pressure(forces, NULL, &s.pressure);
    s.any_rated = smb__any_rated(forces);
    return s;
}

smb_status smb_forces_compare(const smb_forces *before, const smb_forces *after,
                              smb_forces_comparison **out)
{
    if (!before || !after || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !before ? "before" : !after ? "after" : "out");
    /* Size everything first: every driver of `before`, and those of `after`
     * that `before` lacks. */
    size_t total = 0, strings = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb__driver_list *b = &before->drivers[f], *a = &after->drivers[f];
        for (size_t i = 0; i < b->count; i++) {
            const driver_t *in_after = smb__driver_find(a, b->items[i].key);
            smb__pool_need(&strings, in_after ? in_after : &b->items[i]);
        }
        total += b->count;
        for (size_t i = 0; i < a->count; i++) {
            if (!smb__driver_find(b, a->items[i].key)) {
                smb__pool_need(&strings, &a->items[i]);
                total++;
            }
        }
    }
    smb_forces_comparison *c = smb__calloc(1, sizeof *c);
    if (!c)
        return smb__nomem();
    c->drivers = smb__calloc(total, sizeof *c->drivers);
    if (!c->drivers || smb__pool_alloc(&c->pool, strings) != SMB_OK) {
        smb_forces_comparison_free(c);
        return smb__nomem();
    }

    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb__driver_list *b = &before->drivers[f], *a = &after->drivers[f];
        for (size_t i = 0; i < b->count; i++)
            c->drivers[c->count++] =
                delta_of((smb_force)f, &b->items[i], smb__driver_find(a, b->items[i].key), &c->pool);
        for (size_t i = 0; i < a->count; i++)
            if (!smb__driver_find(b, a->items[i].key))
                c->drivers[c->count++] = delta_of((smb_force)f, NULL, &a->items[i], &c->pool);
        c->forces[f] = force_delta(before, after, (smb_force)f);
    }
    for (size_t i = 0; i < c->count; i++) {
        const smb_driver_delta *d = &c->drivers[i];
        if (!d->in_before || !d->in_after || d->fields)
            c->changed++;
    }
    c->before = side_of(before);
    c->after = side_of(after);
    *out = c;
    return SMB_OK;
}

void smb_forces_comparison_free(smb_forces_comparison *comparison)
{
    if (!comparison)
        return;
    smb__free(comparison->drivers);
    smb__free(comparison->pool.data);
    smb__free(comparison);
}

size_t smb_forces_comparison_driver_count(const smb_forces_comparison *comparison)
{
    return comparison ? comparison->count : 0;
}

const smb_driver_delta *smb_forces_comparison_driver_at(const smb_forces_comparison *comparison,
                                                        size_t index)
{
    return comparison && index < comparison->count ? &comparison->drivers[index] : NULL;
}

size_t smb_forces_comparison_changed_count(const smb_forces_comparison *comparison)
{
    return comparison ? comparison->changed : 0;
}

const smb_force_delta *smb_forces_comparison_force(const smb_forces_comparison *comparison,
                                                   smb_force force)
{
    return comparison && smb__force_ok(force) ? &comparison->forces[force] : NULL;
}

/* Both sides' pressure, or the reason one is missing. */
static smb_status both_pressures(const smb_forces_comparison *c, const char *what)
{
    char label[64];
    if (!c->before.has_pressure) {
        snprintf(label, sizeof label, "%s in the first assessment", what);
        return smb__pressure_undefined(c->before.any_rated, label);
    }
    if (!c->after.has_pressure) {
        snprintf(label, sizeof label, "%s in the second assessment", what);
        return smb__pressure_undefined(c->after.any_rated, label);
    }
    return SMB_OK;
}

static void put(double *slot, double value)
{
    if (slot)
        *slot = value;
}

smb_status smb_forces_comparison_pressure(const smb_forces_comparison *comparison,
                                          double *before, double *after, double *delta)
{
    if (!comparison)
        return smb__fail(SMB_EINVAL, "comparison: must not be NULL");
    smb_status st = both_pressures(comparison, "competitive pressure");
    if (st != SMB_OK)
        return st;
    put(before, comparison->before.pressure);
    put(after, comparison->after.pressure);
    put(delta, comparison->after.pressure - comparison->before.pressure);
    return SMB_OK;
}

smb_status smb_forces_comparison_attractiveness(const smb_forces_comparison *comparison,
                                                double *before, double *after, double *delta)
{
    if (!comparison)
        return smb__fail(SMB_EINVAL, "comparison: must not be NULL");
    smb_status st = both_pressures(comparison, "attractiveness");
    if (st != SMB_OK)
        return st;
    double b = smb__attractiveness(comparison->before.pressure);
    double a = smb__attractiveness(comparison->after.pressure);
    put(before, b);
    put(after, a);
    put(delta, a - b);
    return SMB_OK;
}
