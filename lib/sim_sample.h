/* SPDX-License-Identifier: MIT */
/* Drawing from an estimate by its inverse distribution function: one
 * uniform in (0, 1) gives one value. A point returns its value; uniform and
 * triangular use their closed-form inverses; PERT (a scaled Beta) uses a
 * table of its quantile function built once per sampler; lognormal uses the
 * normal quantile. The error bound of the PERT table is stated and tested
 * (docs/methodology.md, "Monte Carlo simulation"). */
#ifndef SMBSTRAT_SIM_SAMPLE_H
#define SMBSTRAT_SIM_SAMPLE_H

#include <stdbool.h>

#include "smbstrat/scenario.h"
#include "smbstrat/common.h"

typedef struct smb__sampler {
    smb_dist dist;
    double min, mode, max;  /* the estimate, as checked */
    double a, b, c;         /* form-specific constants precomputed at init */
    double *table;          /* PERT only: quantiles at table_n + 1 evenly spaced levels */
    unsigned table_n;
} smb__sampler;

/* Prepare a sampler for a checked estimate (the library's own copy).
 * SMB_ENOMEM on failure (and nothing to free). */
smb_status smb__sampler_init(smb__sampler *s, const smb_estimate *e);
/* Release the table. Accepts a zeroed sampler. */
void smb__sampler_free(smb__sampler *s);
/* Whether draws can vary (not a point, and min < max). */
bool smb__sampler_varies(const smb__sampler *s);
/* The value at uniform u in (0, 1). */
double smb__sampler_draw(const smb__sampler *s, double u);
/* The distribution's mean: as smb_estimate_mean() for the three-point
 * forms, exp(μ + σ²/2) for the lognormal. */
double smb__sampler_mean(const smb__sampler *s);
/* The input range a tornado swings it across: [min, max] (for a lognormal
 * its 5th and 95th percentiles, which is what min and max mean there). */
void smb__sampler_range(const smb__sampler *s, double *low, double *high);

#endif /* SMBSTRAT_SIM_SAMPLE_H */
