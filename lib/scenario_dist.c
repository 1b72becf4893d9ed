/* SPDX-License-Identifier: MIT */
/* Estimates: a point, a three-point distribution (uniform, triangular,
 * PERT) or a lognormal given by its 5th and 95th percentiles, checked once
 * when a scenario is given one, and their means, which the deterministic
 * scores use. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

#define ESTIMATE_BOUND 1e300

static const char *const dist_keys[] = {
    [SMB_DIST_POINT] = "point",
    [SMB_DIST_UNIFORM] = "uniform",
    [SMB_DIST_TRIANGULAR] = "triangular",
    [SMB_DIST_PERT] = "pert",
    [SMB_DIST_LOGNORMAL] = "lognormal",
};
_Static_assert(sizeof dist_keys / sizeof dist_keys[0] == SMB_DIST_COUNT, "one key per form");

static bool dist_ok(smb_dist dist)
{
    return (int)dist >= 0 && (int)dist < SMB_DIST_COUNT;
}

const char *smb_dist_key(smb_dist dist)
{
    return dist_ok(dist) ? dist_keys[dist] : NULL;
}

smb_status smb_dist_from_key(const char *key, smb_dist *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int d = 0; d < SMB_DIST_COUNT; d++) {
        if (strcmp(key, dist_keys[d]) == 0) {
            *out = (smb_dist)d;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND,
                     "no distribution '%s' (point, uniform, triangular, pert, lognormal)",
                     smb__show(shown, sizeof shown, key));
}

/* √(min·max): from the product where it is a normal double (exact for
 * round numbers: √(1000·100000) = 10000), else as √min·√max; always within
 * [min, max]. */
static double lognormal_median(double min, double max)
{
    double product = min * max;
    double median = product >= DBL_MIN && product <= DBL_MAX ? sqrt(product)
                                                             : sqrt(min) * sqrt(max);
    return fmin(fmax(median, min), max);
}

void smb__lognormal_params(const smb_estimate *e, double *mu, double *sigma)
{
    double lo = log(e->min), hi = log(e->max);
    *mu = lo / 2 + hi / 2;
    *sigma = (hi - lo) / (2 * SMB__Z95);
}

static smb_status check_number(const char *field, const char *part, double x, double lo,
                               double hi)
{
    if (!(x >= lo && x <= hi))
        return smb__fail(SMB_ERANGE, "%s.%s: must be a number from %g to %g, got %g", field, part,
                         lo, hi, x);
    return SMB_OK;
}

smb_status smb__estimate_check(const char *field, const smb_estimate *in, double lo, double hi,
                               smb_estimate *out)
{
    if (!in)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", field);
    if (!dist_ok(in->dist))
        return smb__fail(SMB_EINVAL,
                         "%s.dist: %d is not a distribution (point, uniform, triangular, pert, "
                         "lognormal)",
                         field, (int)in->dist);
    bool uses_mode = in->dist != SMB_DIST_UNIFORM && in->dist != SMB_DIST_LOGNORMAL;
    smb_status st = check_number(field, "min", in->min, lo, hi);
    if (st == SMB_OK && uses_mode)
        st = check_number(field, "mode", in->mode, lo, hi);
    if (st == SMB_OK)
        st = check_number(field, "max", in->max, lo, hi);
    if (st != SMB_OK)
        return st;
    if (in->min > in->max)
        return smb__fail(SMB_ERANGE, "%s: min %g is above max %g", field, in->min, in->max);
    if (in->dist == SMB_DIST_POINT && (in->min != in->mode || in->mode != in->max))
        return smb__fail(SMB_ERANGE, "%s: a point needs min = mode = max, got %g, %g, %g", field,
                         in->min, in->mode, in->max);
    if (uses_mode && (in->mode < in->min || in->mode > in->max))
        return smb__fail(SMB_ERANGE, "%s.mode: %g is outside [min %g, max %g]", field, in->mode,
                         in->min, in->max);
    smb_estimate checked = *in;
    if (in->dist == SMB_DIST_UNIFORM)
        checked.mode = in->min / 2 + in->max / 2;
    if (in->dist == SMB_DIST_LOGNORMAL) {
        if (!(in->min > 0))
            return smb__fail(SMB_ERANGE,
                             "%s.min: a lognormal's 5th percentile must be above 0, got %g", field,
                             in->min);
        checked.mode = lognormal_median(in->min, in->max);
        /* Every form's mean lies within the field's range; a lognormal's
         * grows without bound as its percentiles spread. */
        double mean = smb__estimate_mean(&checked);
        if (!(mean <= hi))
            return smb__fail(SMB_ERANGE,
                             "%s: a lognormal with 5th percentile %g and 95th %g has mean %g, "
                             "above %g",
                             field, in->min, in->max, mean, hi);
    }
    if (out)
        *out = checked;
    return SMB_OK;
}

double smb__estimate_mean(const smb_estimate *e)
{
    switch (e->dist) {
    case SMB_DIST_UNIFORM:
        return (e->min + e->max) / 2;
    case SMB_DIST_TRIANGULAR:
        return (e->min + e->mode + e->max) / 3;
    case SMB_DIST_PERT:
        return (e->min + 4 * e->mode + e->max) / 6;
    case SMB_DIST_LOGNORMAL: {
        if (e->min == e->max)
            return e->min;
        double mu, sigma;
        smb__lognormal_params(e, &mu, &sigma);
        return exp(mu + sigma * sigma / 2);
    }
    default:
        return e->mode;
    }
}

smb_status smb_estimate_mean(const smb_estimate *estimate, double *out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    /* The mean needs only a well-formed estimate, whatever field it is for;
     * the bound keeps min + 4 * mode + max finite. */
    smb_status st = smb__estimate_check("estimate", estimate, -ESTIMATE_BOUND, ESTIMATE_BOUND,
                                        NULL);
    if (st != SMB_OK)
        return st;
    *out = smb__estimate_mean(estimate);
    return SMB_OK;
}

bool smb__estimate_equal(const smb_estimate *a, const smb_estimate *b)
{
    return a->dist == b->dist && a->min == b->min && a->mode == b->mode && a->max == b->max;
}
