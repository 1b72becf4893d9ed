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

/* An empty sketch; SMB_ERANGE for an accuracy outside
 * SMB_SIM_MIN_SKETCH_ACCURACY .. SMB_SIM_MAX_SKETCH_ACCURACY. Allocates
 * nothing until the first value above the floor. */
smb_status smb__sketch_init(smb__sketch *s, double accuracy);
void smb__sketch_free(smb__sketch *s);
/* Add a value ≥ 0 (a NaN or a value at or below the floor counts as 0);
 * SMB_ENOMEM when the buckets cannot grow (nothing added). */
smb_status smb__sketch_add(smb__sketch *s, double x);
/* Add every count of another sketch of the same accuracy (SMB_EINVAL
 * otherwise); SMB_ENOMEM when the buckets cannot grow (nothing added). */
smb_status smb__sketch_merge(smb__sketch *into, const smb__sketch *other);
/* The q-quantile, q in [0, 1], by the same rank rule as the exact type-7
 * percentile rounded to the nearest rank, h = (n − 1)·q, r = ⌊h + ½⌋: the
 * representative of the bucket holding the r-th smallest value, within a
 * factor 1 ± a of it (0 for a value at or below the floor). NaN when empty. */
double smb__sketch_quantile(const smb__sketch *s, double q);
/* The mean of the k largest values (k at most the count), from bucket
 * representatives; NaN when empty or k = 0. */
double smb__sketch_top_mean(const smb__sketch *s, uint64_t k);
/* Serialise: *size bytes into a new buffer (smb__malloc), little-endian,
 * holding only the non-empty range of buckets: equal counts, equal bytes. */
smb_status smb__sketch_store(const smb__sketch *s, unsigned char **bytes, size_t *size);
/* Read back into *s (to release with smb__sketch_free); returns the bytes
 * consumed, or 0 with *s untouched and the failure recorded: SMB_EPARSE
 * when the bytes are corrupt, SMB_ENOMEM. */
size_t smb__sketch_fetch(smb__sketch *s, const unsigned char *bytes, size_t size);

#endif /* SMBSTRAT_SIM_SKETCH_H */
