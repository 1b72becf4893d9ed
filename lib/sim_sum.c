/* SPDX-License-Identifier: MIT */
/* Exact summation (sim_sum.h). A finite double is m·2^(p − 1074) with an
 * integer m < 2^53 and 0 ≤ p ≤ 2045, so the fixed-point number whose unit
 * is 2^−1074 holds every double, and sums of them, exactly. Limb i holds
 * the bits 32i .. 32i + 31 as a signed 64-bit integer; additions leave
 * carries in place until 2^20 of them have accumulated, which keeps every
 * limb far from overflow (below 2^53), and normalising moves them up. After
 * normalisation limbs 0 .. n−2 lie in [0, 2^32) and the top limb carries
 * the sign: the representation, and so the stored bytes, depend only on the
 * exact sum. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "sim_sum.h"

enum { TOP = SMB__XSUM_LIMBS - 1 };

/* Additions between normalisations: each adds less than 2^32 to a limb.
 * Normalising costs one pass over the limbs, nothing next to 2^20 adds. */
#define PENDING_MAX (UINT32_C(1) << 20)

void smb__xsum_init(smb__xsum *s)
{
    memset(s, 0, sizeof *s);
}

static void normalise(smb__xsum *s)
{
    int64_t carry = 0;
    for (int i = 0; i < TOP; i++) {
        int64_t v = s->limb[i] + carry;
        /* floor division by 2^32, also for negative v */
        carry = (v - (v & INT64_C(0xFFFFFFFF))) / (INT64_C(1) << 32);
        s->limb[i] = v & INT64_C(0xFFFFFFFF);
    }
    s->limb[TOP] += carry;
    s->pending = 0;
}

static void add_special(smb__xsum *s, double x)
{
    if (!s->special) {
        s->special = 1;
        s->special_value = isnan(x) ? NAN : x;
    } else if (isnan(x) || s->special_value != x) {
        s->special_value = NAN; /* NaN absorbs; +inf + −inf is NaN */
    }
}

void smb__xsum_add(smb__xsum *s, double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    unsigned biased = (unsigned)(bits >> 52) & 0x7FFu;
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    if (biased == 0x7FF) {
        add_special(s, x);
        return;
    }
    unsigned p = 0; /* the position of m's unit, in units of 2^−1074 */
    if (biased != 0) {
        m |= UINT64_C(1) << 52;
        p = biased - 1;
    }
    unsigned i = p >> 5, shift = p & 31;
    /* m·2^shift split into three 32-bit pieces */
    int64_t low = (int64_t)((m << shift) & 0xFFFFFFFFu);
    uint64_t rest = m >> (32 - shift);
    int64_t mid = (int64_t)(rest & 0xFFFFFFFFu), high = (int64_t)(rest >> 32);
    if (bits >> 63) {
        s->limb[i] -= low;
        s->limb[i + 1] -= mid;
        s->limb[i + 2] -= high;
    } else {
        s->limb[i] += low;
        s->limb[i + 1] += mid;
        s->limb[i + 2] += high;
    }
    if (++s->pending >= PENDING_MAX)
        normalise(s);
}

void smb__xsum_merge(smb__xsum *into, const smb__xsum *other)
{
    /* `other` may hold up to PENDING_MAX unpropagated additions, `into`
     * after normalising none: the limbs stay within 2^63. */
    normalise(into);
    for (int i = 0; i < SMB__XSUM_LIMBS; i++)
        into->limb[i] += other->limb[i];
    into->pending = other->pending + 1;
    if (into->pending >= PENDING_MAX)
        normalise(into);
    if (other->special)
        add_special(into, other->special_value);
}

/* The magnitude's 32-bit digits, least significant first, and its sign. */
static int magnitude(const smb__xsum *s, uint32_t digit[SMB__XSUM_LIMBS])
{
    smb__xsum n = *s;
    normalise(&n);
    int negative = n.limb[TOP] < 0;
    /* two's complement over the limbs: magnitude = −value */
    uint64_t borrow = negative;
    for (int i = 0; i < SMB__XSUM_LIMBS; i++) {
        uint64_t limb = (uint64_t)n.limb[i] & 0xFFFFFFFFu;
        if (i == TOP)
            limb = (uint64_t)n.limb[TOP]; /* small: |top| < 2^32 for any sum this can hold */
        uint64_t v = negative ? ((~limb & 0xFFFFFFFFu) + borrow) : limb;
        borrow = negative ? v >> 32 : 0;
        digit[i] = (uint32_t)v;
    }
    return negative;
}

double smb__xsum_round(const smb__xsum *s)
{
    if (s->special)
        return s->special_value;
    uint32_t d[SMB__XSUM_LIMBS];
    int negative = magnitude(s, d);
    int top = SMB__XSUM_LIMBS - 1;
    while (top >= 0 && d[top] == 0)
        top--;
    if (top < 0)
        return 0.0;
    /* The highest set bit, as a position in units of 2^−1074. */
    int lead = 31;
    while (!(d[top] >> lead & 1))
        lead--;
    int msb = 32 * top + lead;
    double r;
    if (msb < 53) {
        /* below 2^53 units: exact, possibly subnormal */
        uint64_t v = (uint64_t)d[0] | (top >= 1 ? (uint64_t)d[1] << 32 : 0);
        r = ldexp((double)v, -1074);
    } else {
        /* Gather the 64 bits from msb down; everything below is sticky. */
        int lo_bit = msb - 63; /* ≥ −10 */
        uint64_t w = 0;
        int sticky = 0;
        for (int b = 0; b < 64; b++) {
            int pos = lo_bit + b;
            if (pos >= 0 && (d[pos >> 5] >> (pos & 31) & 1))
                w |= UINT64_C(1) << b;
        }
        if (lo_bit > 0) {
            for (int i = 0; i < lo_bit >> 5 && !sticky; i++)
                sticky = d[i] != 0;
            sticky |= (d[lo_bit >> 5] & ((UINT32_C(1) << (lo_bit & 31)) - 1)) != 0;
        }
        /* keep the top 53 of the 64 bits, round to nearest, ties to even */
        uint64_t mant = w >> 11, rest = w & 0x7FF;
        int round_up = rest > 0x400 || (rest == 0x400 && (sticky || (mant & 1)));
        mant += (uint64_t)round_up;
        r = ldexp((double)mant, lo_bit + 11 - 1074);
    }
    return negative ? -r : r;
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

void smb__xsum_store(const smb__xsum *s, unsigned char *bytes)
{
    smb__xsum n = *s;
    normalise(&n);
    for (int i = 0; i < SMB__XSUM_LIMBS; i++)
        put_u64(bytes + 8 * i, (uint64_t)n.limb[i]);
    unsigned char *tail = bytes + 8 * SMB__XSUM_LIMBS;
    tail[0] = n.special;
    uint64_t special = 0;
    if (n.special) {
        double v = isnan(n.special_value) ? NAN : n.special_value;
        memcpy(&special, &v, sizeof special);
    }
    put_u64(tail + 1, special);
}

int smb__xsum_fetch(smb__xsum *s, const unsigned char *bytes)
{
    smb__xsum n;
    smb__xsum_init(&n);
    for (int i = 0; i < SMB__XSUM_LIMBS; i++) {
        uint64_t v = get_u64(bytes + 8 * i);
        n.limb[i] = v <= INT64_MAX ? (int64_t)v : -(int64_t)~v - 1;
        /* Normalised limbs are 32-bit digits; the top one is the signed
         * rest, which 2^40 additions of the largest double keep far below
         * 2^31 in magnitude. */
        bool digit_ok = i < TOP ? v <= 0xFFFFFFFFu
                                : n.limb[i] >= -(INT64_C(1) << 31) && n.limb[i] < INT64_C(1) << 31;
        if (!digit_ok)
            return -1;
    }
    const unsigned char *tail = bytes + 8 * SMB__XSUM_LIMBS;
    uint64_t special = get_u64(tail + 1);
    double value;
    memcpy(&value, &special, sizeof value);
    if (tail[0] > 1 || (tail[0] == 0 && special != 0) || (tail[0] == 1 && isfinite(value)))
        return -1;
    n.special = tail[0];
    n.special_value = tail[0] ? value : 0.0;
    *s = n;
    return 0;
}
