/* SPDX-License-Identifier: MIT */
/* Statistics of a simulation's totals: sorting (a radix sort, since a run
 * may keep millions of totals), type-7 percentiles, the expected-shortfall
 * tail and its ties, average ranks and the correlation behind Spearman's ρ
 * (docs/methodology.md, "Monte Carlo simulation"). */
#include <math.h>
#include <string.h>

#include "sim_impl.h"

/* ---- sorting ------------------------------------------------------------- */

/* A value ≥ 0 as a key whose unsigned order is the value's order: the bits
 * of a non-negative double already are (−0 is made +0 first). */
static uint64_t key_of(double x)
{
    uint64_t bits;
    x += 0.0;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static double value_of(uint64_t bits)
{
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

enum { DIGITS = 8, RADIX = 256 };

/* Stable least-significant-digit radix sort of keys[0..n), carrying
 * order[] along when it is not NULL; digits every key shares are skipped.
 * The result is left in keys and order. */
static void radix_sort(uint64_t *keys, uint64_t *keys_tmp, size_t *order, size_t *order_tmp,
                       size_t n)
{
    if (n < 2)
        return;
    size_t count[DIGITS][RADIX];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < DIGITS; d++)
            count[d][(keys[i] >> (8 * d)) & 0xFF]++;
    uint64_t *from = keys, *to = keys_tmp;
    size_t *ofrom = order, *oto = order_tmp;
    for (int d = 0; d < DIGITS; d++) {
        size_t *c = count[d];
        if (c[(from[0] >> (8 * d)) & 0xFF] == n)
            continue;
        size_t at = 0;
        for (int b = 0; b < RADIX; b++) {
            size_t k = c[b];
            c[b] = at;
            at += k;
        }
        for (size_t i = 0; i < n; i++) {
            size_t pos = c[(from[i] >> (8 * d)) & 0xFF]++;
            to[pos] = from[i];
            if (order)
                oto[pos] = ofrom[i];
        }
        uint64_t *t = from;
        from = to;
        to = t;
        size_t *o = ofrom;
        ofrom = oto;
        oto = o;
    }
    if (from != keys) {
        memcpy(keys, from, n * sizeof *keys);
        if (order)
            memcpy(order, ofrom, n * sizeof *order);
    }
}

size_t smb__sim_sort_scratch(size_t n)
{
    return 2 * n * sizeof(uint64_t);
}

void smb__sim_sort(double *values, size_t n, void *scratch)
{
    uint64_t *keys = scratch, *tmp = keys + n;
    for (size_t i = 0; i < n; i++)
        keys[i] = key_of(values[i]);
    radix_sort(keys, tmp, NULL, NULL, n);
    for (size_t i = 0; i < n; i++)
        values[i] = value_of(keys[i]);
}

/* ---- percentiles and the tail -------------------------------------------- */

/* A rank or a count this close, relative, to an integer is that integer:
 * levels such as 0.95 are not exact in binary, and 5 % of 100 trials should
 * be 5, not 5.000000000000004 (whose ceiling is 6). A count is 1 − level
 * times n, and 1 − level loses up to ten digits for levels close to 1; a
 * rank is (n − 1)·q/100, which loses none. */
#define NEAR_INTEGER_COUNT 1e-9
#define NEAR_INTEGER_RANK 1e-12

static double snap(double h, double tolerance)
{
    double r = nearbyint(h);
    return fabs(h - r) <= tolerance * fmax(1.0, fabs(h)) ? r : h;
}

double smb__sim_percentile(const double *sorted, size_t n, double q)
{
    double h = snap((double)(n - 1) * q / 100.0, NEAR_INTEGER_RANK);
    size_t lo = (size_t)floor(h);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    double t = h - (double)lo, a = sorted[lo], b = sorted[hi];
    if (t == 0.0)
        return a;
    /* numpy's interpolation: from the nearer end, so that the result is
     * monotone in t and exact at both ends. */
    double diff = b - a;
    return t < 0.5 ? a + diff * t : b - diff * (1.0 - t);
}

uint64_t smb__sim_tail_count(double level, uint64_t n)
{
    double k = ceil(snap((1.0 - level) * (double)n, NEAR_INTEGER_COUNT));
    if (!(k >= 1))
        return 1;
    return k >= (double)n ? n : (uint64_t)k;
}

void smb__sim_tail(const double *values, const double *sorted, size_t n, size_t k,
                   double *boundary, size_t *last_tie)
{
    double b = sorted[n - k];
    /* Values above the boundary all belong; the rest of the k are the
     * first values equal to it, in trial order. */
    size_t lo = n - k, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] > b)
            hi = mid;
        else
            lo = mid + 1;
    }
    size_t ties = k - (n - lo), seen = 0, last = 0;
    for (size_t i = 0; i < n && seen < ties; i++)
        if (values[i] == b) {
            seen++;
            last = i;
        }
    *boundary = b;
    *last_tie = last;
}

/* ---- ranks and correlation ----------------------------------------------- */

size_t smb__sim_ranks_scratch(size_t n)
{
    return 2 * n * sizeof(uint64_t) + 2 * n * sizeof(size_t);
}

void smb__sim_ranks(const double *x, size_t n, double *ranks, void *scratch)
{
    uint64_t *keys = scratch, *keys_tmp = keys + n;
    size_t *order = (size_t *)(keys_tmp + n), *order_tmp = order + n;
    for (size_t i = 0; i < n; i++) {
        keys[i] = key_of(x[i]);
        order[i] = i;
    }
    radix_sort(keys, keys_tmp, order, order_tmp, n);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && keys[j + 1] == keys[i])
            j++;
        /* Positions i..j hold ranks i + 1 .. j + 1: their mean. */
        double rank = (double)(i + j + 2) / 2.0;
        for (size_t p = i; p <= j; p++)
            ranks[order[p]] = rank;
        i = j + 1;
    }
}

double smb__sim_correlation(const double *a, const double *b, size_t n)
{
    if (n < 2)
        return 0.0;
    double ma = 0.0, mb = 0.0;
    for (size_t i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= (double)n;
    mb /= (double)n;
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (size_t i = 0; i < n; i++) {
        double da = a[i] - ma, db = b[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    if (saa <= 0.0 || sbb <= 0.0)
        return 0.0;
    double r = sab / sqrt(saa * sbb);
    return r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
}
