/* SPDX-License-Identifier: MIT */
/* A mergeable quantile sketch with a relative error bound (the DDSketch of
 * Masson, Rim and Lee, "DDSketch: a fast and fully-mergeable quantile
 * sketch with relative-error guarantees", VLDB 2019): values above a tiny
 * floor fall into logarithmic buckets of ratio γ = (1 + a)/(1 − a), values at
 * or below it (the many zero totals) are counted apart. Merging adds bucket
 * counts, so it is exact and order-independent; memory is bounded by the
 * range of the values, not their number. Totals are never negative. */
#ifndef SMBSTRAT_SIM_SKETCH_H
#define SMBSTRAT_SIM_SKETCH_H

#include <stddef.h>
#include <stdint.h>

#include "smbstrat/common.h"

typedef struct smb__sketch {
    double accuracy;      /* a */
    double gamma;         /* (1 + a) / (1 − a) */
    double log_gamma;     /* ln γ */
    uint64_t zero_count;  /* values at or below SMB__SKETCH_FLOOR */
    uint64_t count;       /* all values */
    int32_t offset;       /* bucket index of counts[0] */
    uint32_t length;      /* buckets held */
    uint64_t *counts;
} smb__sketch;

#define SMB__SKETCH_FLOOR 1e-12

smb_status smb__sketch_init(smb__sketch *s, double accuracy);
void smb__sketch_free(smb__sketch *s);
/* Add a value ≥ 0; SMB_ENOMEM when the buckets cannot grow (nothing added). */
smb_status smb__sketch_add(smb__sketch *s, double x);
/* Add every count of another sketch of the same accuracy. */
smb_status smb__sketch_merge(smb__sketch *into, const smb__sketch *other);
/* The q-quantile, q in [0, 1], by the same rank rule as the exact type-7
 * percentile rounded to the nearest rank; within a factor 1 ± a. */
double smb__sketch_quantile(const smb__sketch *s, double q);
/* The mean of the k largest values, from bucket representatives. */
double smb__sketch_top_mean(const smb__sketch *s, uint64_t k);
/* Serialise: *size bytes into a new buffer (smb__malloc), little-endian. */
smb_status smb__sketch_store(const smb__sketch *s, unsigned char **bytes, size_t *size);
/* Read back; returns the bytes consumed, or 0 when corrupt. */
size_t smb__sketch_fetch(smb__sketch *s, const unsigned char *bytes, size_t size);

#endif /* SMBSTRAT_SIM_SKETCH_H */
