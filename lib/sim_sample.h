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
#include <stdint.h>

#include "smbstrat/scenario.h"
#include "smbstrat/common.h"

/* Octaves of the PERT table on each side of the median: octave o holds the
 * tail probabilities v in [2^−(o+1), 2^−o); below the last, v < 2^−34, a
 * draw returns the end of the range (an error of at most 2^−34 in
 * probability, and smb__u01 never goes below 2^−33). */
#define SMB__PERT_OCTAVES 34
/* The largest distance in probability the PERT table's construction
 * allows between the sampled and the exact distribution function at the
 * points it checks in each subinterval (¼, ½, ¾); the bound the tests hold
 * the whole table to is 1e-6. */
#define SMB__PERT_TARGET 2.5e-7

typedef struct smb__sampler {
    smb_dist dist;
    double min, mode, max;  /* the estimate, as checked */
    double a, b, c;         /* form-specific constants precomputed at init */
    double *table;          /* PERT only: the nodes, pairs of the Beta quantile Y in [0, 1] and
                               dY/dv times the subinterval's width (sim_sample.c) */
    unsigned table_n;       /* PERT only: number of nodes */
    uint32_t *octave;       /* PERT only: per side and octave, first node << 5 | log2 of its subintervals */
    smb_dist form;          /* the formula draws use: SMB_DIST_POINT when min = max */
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

/* The regularized incomplete Beta function I_x(a, b) for a, b ≥ 1 and x in
 * [0, 1] (a continued fraction, relative error about 1e-15): the Beta(a, b)
 * distribution function. */
double smb__beta_cdf(double a, double b, double x);
/* The Beta(a, b) quantile: the x in [0, 1] with I_x(a, b) = p, for a, b ≥ 1
 * and p in [0, 1] (safeguarded Newton from `guess`, any value in [0, 1]). */
double smb__beta_quantile(double a, double b, double p, double guess);

#endif /* SMBSTRAT_SIM_SAMPLE_H */
