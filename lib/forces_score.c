/* SPDX-License-Identifier: MIT */
/* Scoring a five-forces assessment: the one home of every formula (force
 * score, intensity, band, contribution, competitive pressure,
 * attractiveness, dominance, swing), and the results built from them.
 * docs/methodology.md states each formula and names the function here.
 *
 * Nothing here writes to an assessment: scoring the same assessment from
 * several threads at once is safe. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "forces_impl.h"

typedef struct smb_driver driver_t;

/* Ties: two intensities within this distance are equally dominant. */
#define TIE SMB__TIE

/* ---- primitives ---------------------------------------------------------- */

smb_force_band smb_force_band_of(double score)
{
    /* Written so that NaN falls out with the out-of-range scores. */
    if (!(score >= SMB_DRIVER_RATING_MIN && score <= SMB_DRIVER_RATING_MAX))
        return SMB_FORCE_BAND_NONE;
    /* A weighted mean that should be 2.5 may come out a few ulps below it;
     * the slack keeps such a force in the band its ratings put it in. */
    const double slack = 1e-9;
    if (score >= SMB_FORCE_BAND_HIGH_MIN - slack)
        return SMB_FORCE_BAND_HIGH;
    if (score >= SMB_FORCE_BAND_MODERATE_MIN - slack)
        return SMB_FORCE_BAND_MODERATE;
    return SMB_FORCE_BAND_LOW;
}

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

/* The rating driver `index` of `force` has under the what-if, if any. */
static bool rating_of(const driver_t *d, smb_force force, size_t index, const smb__what_if *w,
                      double *rating)
{
    if (w && w->force == force && w->index == index) {
        *rating = w->rating;
        return true;
    }
    *rating = d->rating;
    return d->rated;
}

double smb__rated_weight(const smb_forces *forces, smb_force force, const smb__what_if *what_if)
{
    const smb__driver_list *list = &forces->drivers[force];
    double total = 0.0;
    for (size_t i = 0; i < list->count; i++) {
        double rating;
        if (rating_of(&list->items[i], force, i, what_if, &rating) && list->items[i].weight > 0)
            total += list->items[i].weight;
    }
    return total;
}

/* score = sum(w_i * r_i) / sum(w_i) over rated drivers with w_i > 0. */
bool smb__force_score(const smb_forces *forces, smb_force force, const smb__what_if *what_if,
                      double *score)
{
    const smb__driver_list *list = &forces->drivers[force];
    double weights = smb__rated_weight(forces, force, what_if);
    if (!(weights > 0))
        return false;
    double sum = 0.0;
    for (size_t i = 0; i < list->count; i++) {
        double rating;
        if (rating_of(&list->items[i], force, i, what_if, &rating) && list->items[i].weight > 0)
            sum += list->items[i].weight * rating;
    }
    /* The mean of values in [1, 5] is in [1, 5]; the clamp only removes
     * rounding at the ends. */
    *score = clamp(sum / weights, SMB_DRIVER_RATING_MIN, SMB_DRIVER_RATING_MAX);
    return true;
}

double smb__intensity(double score)
{
    return clamp((score - 1.0) / 4.0, 0.0, 1.0);
}

/* c_i = w_i * (r_i - 1) / (4 * W): since sum(w_i * r_i) / W = score, the
 * c_i of a force sum to (score - 1) / 4, its intensity. */
double smb__contribution(const driver_t *driver, double rated_weight)
{
    if (!driver->rated || !(driver->weight > 0) || !(rated_weight > 0))
        return 0.0;
    return driver->weight * (driver->rating - 1.0) / (4.0 * rated_weight);
}

/* pressure = sum(v_f * I_f) / sum(v_f) over forces f with a score, v_f
 * being the force weights; forces of weight 0 drop out of both sums. */
bool smb__pressure(const smb_forces *forces, const smb__what_if *what_if, double *pressure)
{
    double weights = 0.0, sum = 0.0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        double score;
        if (!(forces->weight[f] > 0) || !smb__force_score(forces, (smb_force)f, what_if, &score))
            continue;
        weights += forces->weight[f];
        sum += forces->weight[f] * smb__intensity(score);
    }
    if (!(weights > 0))
        return false;
    *pressure = clamp(sum / weights, 0.0, 1.0);
    return true;
}

double smb__attractiveness(double pressure)
{
    return 1.0 - pressure;
}

smb_status smb__pressure_undefined(bool any_rated, const char *what)
{
    if (!any_rated)
        return smb__fail(SMB_ENOTFOUND, "%s is undefined: no driver is rated", what);
    return smb__fail(SMB_ENOTFOUND,
                     "%s is undefined: no force of positive weight has a rated driver of positive weight",
                     what);
}

/* ---- quick answers ------------------------------------------------------- */

smb_status smb_forces_force_score(const smb_forces *forces, smb_force force, double *out)
{
    if (!forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", forces ? "out" : "forces");
    if (!smb__force_ok(force))
        return smb__bad_force(force);
    double score;
    if (!smb__force_score(forces, force, NULL, &score))
        return smb__fail(SMB_ENOTFOUND,
                         "force '%s' has no score: none of its drivers of positive weight is rated",
                         smb_force_key(force));
    *out = score;
    return SMB_OK;
}

smb_status smb_forces_pressure(const smb_forces *forces, double *out)
{
    if (!forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", forces ? "out" : "forces");
    double pressure;
    if (!smb__pressure(forces, NULL, &pressure))
        return smb__pressure_undefined(smb__any_rated(forces), "competitive pressure");
    *out = pressure;
    return SMB_OK;
}

smb_status smb_forces_attractiveness(const smb_forces *forces, double *out)
{
    if (!forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", forces ? "out" : "forces");
    double pressure;
    if (!smb__pressure(forces, NULL, &pressure))
        return smb__pressure_undefined(smb__any_rated(forces), "attractiveness");
    *out = smb__attractiveness(pressure);
    return SMB_OK;
}

/* ---- the explained result ------------------------------------------------ */

struct smb_forces_result {
    smb_force_score forces[SMB_FORCE_COUNT];
    bool has_pressure;
    bool any_rated;         /* to say why the pressure is undefined */
    double pressure;
    smb_force dominant[SMB_FORCE_COUNT];
    size_t dominant_count;
    /* Every driver once: for each force, its rated drivers ranked by
     * contribution, then its unrated drivers in order. */
    smb_driver_score *drivers;
    size_t rated_from[SMB_FORCE_COUNT];
    size_t unrated_from[SMB_FORCE_COUNT];
    smb__pool pool;
};

static int by_contribution(const void *pa, const void *pb)
{
    const smb_driver_score *a = pa, *b = pb;
    int c = smb__rank_desc(a->contribution, b->contribution);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

static smb_driver_score driver_score(const driver_t *d, smb__pool *pool, double rated_weight)
{
    smb_driver_score s = {
        .force = d->force,
        .index = d->index,
        .rated = d->rated,
        .rating = d->rated ? d->rating : 0.0,
        .weight = d->weight,
        .contribution = smb__contribution(d, rated_weight),
    };
    smb__pool_put(pool, d, &s.key, &s.title);
    return s;
}

/* Fill the drivers of one force, rated ones ranked, from position *at. */
static void fill_drivers(const smb_forces *forces, smb_force force, smb_forces_result *r,
                         size_t *at)
{
    const smb__driver_list *list = &forces->drivers[force];
    double rated_weight = smb__rated_weight(forces, force, NULL);
    r->rated_from[force] = *at;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].rated)
            r->drivers[(*at)++] = driver_score(&list->items[i], &r->pool, rated_weight);
    qsort(r->drivers + r->rated_from[force], *at - r->rated_from[force], sizeof *r->drivers,
          by_contribution);
    r->unrated_from[force] = *at;
    for (size_t i = 0; i < list->count; i++)
        if (!list->items[i].rated)
            r->drivers[(*at)++] = driver_score(&list->items[i], &r->pool, rated_weight);
}

/* Dominant forces: of positive weight, with a score, and an intensity
 * within TIE of the highest. */
static void find_dominant(smb_forces_result *r)
{
    double top = -1.0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        if (r->forces[f].has_score && r->forces[f].weight > 0 && r->forces[f].intensity > top)
            top = r->forces[f].intensity;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        smb_force_score *s = &r->forces[f];
        if (s->has_score && s->weight > 0 && smb__same_value(s->intensity, top)) {
            s->dominant = 1;
            r->dominant[r->dominant_count++] = (smb_force)f;
        }
    }
}

smb_status smb_forces_score(const smb_forces *forces, smb_forces_result **out)
{
    if (!forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", forces ? "out" : "forces");
    size_t total = 0, strings = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        total += forces->drivers[f].count;
        for (size_t i = 0; i < forces->drivers[f].count; i++)
            smb__pool_need(&strings, &forces->drivers[f].items[i]);
    }
    smb_forces_result *r = smb__calloc(1, sizeof *r);
    if (!r)
        return smb__nomem();
    r->drivers = smb__calloc(total, sizeof *r->drivers);
    if (!r->drivers || smb__pool_alloc(&r->pool, strings) != SMB_OK) {
        smb_forces_result_free(r);
        return smb__nomem();
    }

    r->any_rated = smb__any_rated(forces);
    r->has_pressure = smb__pressure(forces, NULL, &r->pressure);
    double scored_weight = 0.0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        smb_force_score *s = &r->forces[f];
        *s = (smb_force_score){.force = (smb_force)f, .band = SMB_FORCE_BAND_NONE,
                               .weight = forces->weight[f]};
        if (smb__force_score(forces, (smb_force)f, NULL, &s->score)) {
            s->has_score = 1;
            s->intensity = smb__intensity(s->score);
            s->band = smb_force_band_of(s->score);
            scored_weight += s->weight;
        }
    }
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        smb_force_score *s = &r->forces[f];
        if (r->has_pressure && s->has_score)
            s->pressure_share = s->weight * s->intensity / scored_weight;
    }
    find_dominant(r);
    size_t at = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        fill_drivers(forces, (smb_force)f, r, &at);
        r->forces[f].rated = r->unrated_from[f] - r->rated_from[f];
        r->forces[f].unrated = at - r->unrated_from[f];
    }
    *out = r;
    return SMB_OK;
}

void smb_forces_result_free(smb_forces_result *result)
{
    if (!result)
        return;
    smb__free(result->drivers);
    smb__free(result->pool.data);
    smb__free(result);
}

const smb_force_score *smb_forces_result_force(const smb_forces_result *result, smb_force force)
{
    return result && smb__force_ok(force) ? &result->forces[force] : NULL;
}

smb_status smb_forces_result_pressure(const smb_forces_result *result, double *out)
{
    if (!result || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", result ? "out" : "result");
    if (!result->has_pressure)
        return smb__pressure_undefined(result->any_rated, "competitive pressure");
    *out = result->pressure;
    return SMB_OK;
}

smb_status smb_forces_result_attractiveness(const smb_forces_result *result, double *out)
{
    if (!result || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", result ? "out" : "result");
    if (!result->has_pressure)
        return smb__pressure_undefined(result->any_rated, "attractiveness");
    *out = smb__attractiveness(result->pressure);
    return SMB_OK;
}

size_t smb_forces_result_dominant_count(const smb_forces_result *result)
{
    return result ? result->dominant_count : 0;
}

smb_force smb_forces_result_dominant_at(const smb_forces_result *result, size_t index)
{
    return result && index < result->dominant_count ? result->dominant[index] : SMB_FORCE_NONE;
}

size_t smb_forces_result_contribution_count(const smb_forces_result *result, smb_force force)
{
    return result && smb__force_ok(force) ? result->forces[force].rated : 0;
}

const smb_driver_score *smb_forces_result_contribution_at(const smb_forces_result *result,
                                                          smb_force force, size_t index)
{
    if (!result || !smb__force_ok(force) || index >= result->forces[force].rated)
        return NULL;
    return &result->drivers[result->rated_from[force] + index];
}

size_t smb_forces_result_unrated_count(const smb_forces_result *result, smb_force force)
{
    return result && smb__force_ok(force) ? result->forces[force].unrated : 0;
}

const smb_driver_score *smb_forces_result_unrated_at(const smb_forces_result *result,
                                                     smb_force force, size_t index)
{
    if (!result || !smb__force_ok(force) || index >= result->forces[force].unrated)
        return NULL;
    return &result->drivers[result->unrated_from[force] + index];
}

/* ---- sensitivity (tornado) ----------------------------------------------- */

struct smb_forces_tornado {
    double attractiveness;
    smb_driver_swing *bars;
    size_t count;
    smb__pool pool;
};

static int by_swing(const void *pa, const void *pb)
{
    const smb_driver_swing *a = pa, *b = pb;
    int c = smb__rank_desc(a->swing, b->swing);
    if (c)
        return c;
    if (a->force != b->force)
        return a->force < b->force ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Attractiveness with driver (force, index) rated `rating`. The driver is
 * rated, so the same forces keep a score and the pressure stays defined. */
static double attractiveness_if(const smb_forces *forces, smb_force force, size_t index,
                                double rating)
{
    smb__what_if w = {force, index, rating};
    double pressure = 0.0;
    (void)smb__pressure(forces, &w, &pressure);
    return smb__attractiveness(pressure);
}

smb_status smb_forces_sensitivity(const smb_forces *forces, smb_forces_tornado **out)
{
    if (!forces || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", forces ? "out" : "forces");
    double pressure;
    if (!smb__pressure(forces, NULL, &pressure))
        return smb__pressure_undefined(smb__any_rated(forces), "attractiveness");
    size_t rated = 0, strings = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        for (size_t i = 0; i < forces->drivers[f].count; i++) {
            if (forces->drivers[f].items[i].rated) {
                rated++;
                smb__pool_need(&strings, &forces->drivers[f].items[i]);
            }
        }
    }
    smb_forces_tornado *t = smb__calloc(1, sizeof *t);
    if (!t)
        return smb__nomem();
    t->bars = smb__calloc(rated, sizeof *t->bars);
    if (!t->bars || smb__pool_alloc(&t->pool, strings) != SMB_OK) {
        smb_forces_tornado_free(t);
        return smb__nomem();
    }
    t->attractiveness = smb__attractiveness(pressure);
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb__driver_list *list = &forces->drivers[f];
        for (size_t i = 0; i < list->count; i++) {
            const driver_t *d = &list->items[i];
            if (!d->rated)
                continue;
            smb_driver_swing *bar = &t->bars[t->count++];
            *bar = (smb_driver_swing){
                .force = (smb_force)f,
                .index = i,
                .rating = d->rating,
                .at_min = attractiveness_if(forces, (smb_force)f, i, SMB_DRIVER_RATING_MIN),
                .at_max = attractiveness_if(forces, (smb_force)f, i, SMB_DRIVER_RATING_MAX),
            };
            bar->swing = fabs(bar->at_max - bar->at_min);
            smb__pool_put(&t->pool, d, &bar->key, &bar->title);
        }
    }
    qsort(t->bars, t->count, sizeof *t->bars, by_swing);
    *out = t;
    return SMB_OK;
}

void smb_forces_tornado_free(smb_forces_tornado *tornado)
{
    if (!tornado)
        return;
    smb__free(tornado->bars);
    smb__free(tornado->pool.data);
    smb__free(tornado);
}

double smb_forces_tornado_attractiveness(const smb_forces_tornado *tornado)
{
    return tornado ? tornado->attractiveness : 0.0;
}

size_t smb_forces_tornado_count(const smb_forces_tornado *tornado)
{
    return tornado ? tornado->count : 0;
}

const smb_driver_swing *smb_forces_tornado_at(const smb_forces_tornado *tornado, size_t index)
{
    return tornado && index < tornado->count ? &tornado->bars[index] : NULL;
}
