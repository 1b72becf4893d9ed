/* SPDX-License-Identifier: MIT */
/* The DDSketch (sim_sketch.h). A value x above the floor falls in bucket
 * i = ⌈log_γ x⌉, which holds (γ^(i−1), γ^i]; the bucket's representative
 * 2γ^i/(γ + 1) is within a factor 1 ± a of every value in it, because
 * (γ − 1)/(γ + 1) = a. The buckets held are a contiguous range of indices,
 * grown on demand; stored sketches hold only the range from the first to
 * the last non-empty bucket, so equal counts give equal bytes. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "internal.h"
#include "sim_sketch.h"
#include "smbstrat/simulate.h"

enum { HEADER_BYTES = 32, MIN_GROWTH = 64 };

static int32_t key_of(const smb__sketch *s, double x)
{
    return (int32_t)ceil(log(x) / s->log_gamma);
}

/* The bucket indices that values above the floor can reach. */
static int32_t key_min(const smb__sketch *s)
{
    return key_of(s, SMB__SKETCH_FLOOR);
}

static int32_t key_max(const smb__sketch *s)
{
    return key_of(s, DBL_MAX);
}

/* 2γ^i/(γ + 1) = (1 − a)·γ^i, computed on the log scale so that the
 * bucket of the largest doubles does not overflow. */
static double representative(const smb__sketch *s, int32_t key)
{
    return fmin(exp(key * s->log_gamma + log1p(-s->accuracy)), DBL_MAX);
}

static bool accuracy_ok(double accuracy)
{
    return accuracy >= SMB_SIM_MIN_SKETCH_ACCURACY && accuracy <= SMB_SIM_MAX_SKETCH_ACCURACY;
}

static void set_accuracy(smb__sketch *s, double accuracy)
{
    s->accuracy = accuracy;
    s->gamma = (1 + accuracy) / (1 - accuracy);
    s->log_gamma = log1p(2 * accuracy / (1 - accuracy));
}

smb_status smb__sketch_init(smb__sketch *s, double accuracy)
{
    if (!accuracy_ok(accuracy))
        return smb__fail(SMB_ERANGE, "sketch accuracy: must be from %g to %g, got %g",
                         SMB_SIM_MIN_SKETCH_ACCURACY, SMB_SIM_MAX_SKETCH_ACCURACY, accuracy);
    memset(s, 0, sizeof *s);
    set_accuracy(s, accuracy);
    return SMB_OK;
}

void smb__sketch_free(smb__sketch *s)
{
    if (!s)
        return;
    smb__free(s->counts);
    s->counts = NULL;
    s->length = 0;
    s->offset = 0;
}

/* Make the held range cover [lo, hi], with room to spare on the side that
 * grows so that a drifting range reallocates rarely. All or nothing. */
static smb_status cover(smb__sketch *s, int32_t lo, int32_t hi)
{
    int64_t old_lo = s->offset, old_hi = (int64_t)s->offset + s->length - 1;
    if (s->length > 0 && lo >= old_lo && hi <= old_hi)
        return SMB_OK;
    int64_t new_lo = lo, new_hi = hi;
    if (s->length > 0) {
        int64_t slack = s->length / 2 > MIN_GROWTH ? s->length / 2 : MIN_GROWTH;
        new_lo = lo < old_lo ? lo - slack : old_lo;
        new_hi = hi > old_hi ? hi + slack : old_hi;
    } else {
        new_lo = lo - MIN_GROWTH / 2;
        new_hi = hi + MIN_GROWTH / 2;
    }
    if (new_lo < key_min(s))
        new_lo = key_min(s);
    if (new_hi > key_max(s))
        new_hi = key_max(s);
    size_t length = (size_t)(new_hi - new_lo + 1);
    uint64_t *counts = smb__calloc(length, sizeof *counts);
    if (!counts)
        return smb__nomem();
    if (s->length > 0)
        memcpy(counts + (old_lo - new_lo), s->counts, s->length * sizeof *counts);
    smb__free(s->counts);
    s->counts = counts;
    s->offset = (int32_t)new_lo;
    s->length = (uint32_t)length;
    return SMB_OK;
}

smb_status smb__sketch_add(smb__sketch *s, double x)
{
    if (!(x > SMB__SKETCH_FLOOR)) {
        s->zero_count++;
        s->count++;
        return SMB_OK;
    }
    int32_t key = key_of(s, fmin(x, DBL_MAX));
    smb_status st = cover(s, key, key);
    if (st != SMB_OK)
        return st;
    s->counts[key - s->offset]++;
    s->count++;
    return SMB_OK;
}

/* The first and last non-empty bucket, as positions in s->counts; false
 * when every bucket is empty. */
static bool occupied(const smb__sketch *s, uint32_t *first, uint32_t *last)
{
    uint32_t a = 0, b = s->length;
    while (a < b && s->counts[a] == 0)
        a++;
    while (b > a && s->counts[b - 1] == 0)
        b--;
    if (a == b)
        return false;
    *first = a;
    *last = b - 1;
    return true;
}

smb_status smb__sketch_merge(smb__sketch *into, const smb__sketch *other)
{
    if (into->accuracy != other->accuracy)
        return smb__fail(SMB_EINVAL, "sketch: accuracy %g cannot merge with accuracy %g",
                         into->accuracy, other->accuracy);
    uint32_t first, last;
    if (occupied(other, &first, &last)) {
        smb_status st = cover(into, other->offset + (int32_t)first, other->offset + (int32_t)last);
        if (st != SMB_OK)
            return st;
        for (uint32_t j = first; j <= last; j++)
            into->counts[other->offset + (int32_t)j - into->offset] += other->counts[j];
    }
    into->zero_count += other->zero_count;
    into->count += other->count;
    return SMB_OK;
}

double smb__sketch_quantile(const smb__sketch *s, double q)
{
    if (s->count == 0 || !(q >= 0 && q <= 1))
        return NAN;
    uint64_t rank = (uint64_t)floor((double)(s->count - 1) * q + 0.5);
    if (rank < s->zero_count)
        return 0.0;
    uint64_t seen = s->zero_count;
    for (uint32_t j = 0; j < s->length; j++) {
        seen += s->counts[j];
        if (seen > rank)
            return representative(s, s->offset + (int32_t)j);
    }
    return NAN; /* unreachable: the counts add up to s->count */
}

double smb__sketch_top_mean(const smb__sketch *s, uint64_t k)
{
    if (s->count == 0 || k == 0)
        return NAN;
    if (k > s->count)
        k = s->count;
    double sum = 0;
    uint64_t left = k;
    for (uint32_t j = s->length; j > 0 && left > 0; j--) {
        uint64_t take = s->counts[j - 1] < left ? s->counts[j - 1] : left;
        if (take > 0)
            sum += (double)take * representative(s, s->offset + (int32_t)(j - 1));
        left -= take;
    }
    return sum / (double)k; /* the rest, if any, are zeros */
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

/* Layout: accuracy (the double's bits), count, zero count (8 bytes each),
 * the first bucket's index (4 bytes, two's complement), the number of
 * buckets n (4 bytes), then n counts of 8 bytes; the first and last of them
 * are not 0. */
smb_status smb__sketch_store(const smb__sketch *s, unsigned char **bytes, size_t *size)
{
    uint32_t first = 0, last = 0, n = 0;
    if (occupied(s, &first, &last))
        n = last - first + 1;
    size_t total = HEADER_BYTES + (size_t)n * 8;
    unsigned char *out = smb__malloc(total);
    if (!out)
        return smb__nomem();
    uint64_t accuracy;
    memcpy(&accuracy, &s->accuracy, sizeof accuracy);
    put_u64(out, accuracy);
    put_u64(out + 8, s->count);
    put_u64(out + 16, s->zero_count);
    put_u32(out + 24, n ? (uint32_t)(s->offset + (int32_t)first) : 0);
    put_u32(out + 28, n);
    for (uint32_t j = 0; j < n; j++)
        put_u64(out + HEADER_BYTES + 8 * (size_t)j, s->counts[first + j]);
    *bytes = out;
    *size = total;
    return SMB_OK;
}

static size_t corrupt(const char *why)
{
    smb__fail(SMB_EPARSE, "sketch: %s", why);
    return 0;
}

size_t smb__sketch_fetch(smb__sketch *s, const unsigned char *bytes, size_t size)
{
    if (size < HEADER_BYTES)
        return corrupt("truncated header");
    smb__sketch t = {0};
    uint64_t bits = get_u64(bytes);
    double accuracy;
    memcpy(&accuracy, &bits, sizeof accuracy);
    if (!accuracy_ok(accuracy))
        return corrupt("accuracy out of range");
    set_accuracy(&t, accuracy);
    t.count = get_u64(bytes + 8);
    t.zero_count = get_u64(bytes + 16);
    uint32_t raw_offset = get_u32(bytes + 24), n = get_u32(bytes + 28);
    int32_t offset = raw_offset <= INT32_MAX ? (int32_t)raw_offset
                                             : -(int32_t)(~raw_offset) - 1;
    if (n > (size - HEADER_BYTES) / 8)
        return corrupt("truncated buckets");
    if (n == 0 ? offset != 0
               : offset < key_min(&t) || (int64_t)offset + n - 1 > key_max(&t))
        return corrupt("bucket range out of bounds");
    const unsigned char *c = bytes + HEADER_BYTES;
    if (n > 0 && (get_u64(c) == 0 || get_u64(c + 8 * ((size_t)n - 1)) == 0))
        return corrupt("empty bucket at an end of the range");
    uint64_t total = t.zero_count;
    for (uint32_t j = 0; j < n; j++) {
        uint64_t v = get_u64(c + 8 * (size_t)j);
        if (total + v < total)
            return corrupt("counts overflow");
        total += v;
    }
    if (total != t.count)
        return corrupt("counts do not add up to the total");
    if (n > 0) {
        t.counts = smb__malloc((size_t)n * sizeof *t.counts);
        if (!t.counts) {
            smb__nomem();
            return 0;
        }
        for (uint32_t j = 0; j < n; j++)
            t.counts[j] = get_u64(c + 8 * (size_t)j);
        t.offset = offset;
        t.length = n;
    }
    *s = t;
    return HEADER_BYTES + (size_t)n * 8;
}
