/* SPDX-License-Identifier: MIT */
/* Estimates: a point or a three-point distribution (uniform, triangular,
 * PERT), checked once when a scenario is given one, and their means, which
 * the deterministic scores use. */
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

#define ESTIMATE_BOUND 1e300

static const char *const dist_keys[] = {
    [SMB_DIST_POINT] = "point",
    [SMB_DIST_UNIFORM] = "uniform",
    [SMB_DIST_TRIANGULAR] = "triangular",
    [SMB_DIST_PERT] = "pert",
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
    return smb__fail(SMB_ENOTFOUND, "no distribution '%s' (point, uniform, triangular, pert)",
                     smb__show(shown, sizeof shown, key));
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
                         "%s.dist: %d is not a distribution (point, uniform, triangular, pert)",
                         field, (int)in->dist);
    bool uses_mode = in->dist != SMB_DIST_UNIFORM;
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
    if (out) {
        *out = *in;
        if (!uses_mode)
            out->mode = in->min / 2 + in->max / 2;
    }
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
