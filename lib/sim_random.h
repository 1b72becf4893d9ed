/* SPDX-License-Identifier: MIT */
/* The simulator's random numbers: the counter-based generator
 * Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3", SC 2011), uniforms from its 32-bit words, and the
 * standard normal quantile and distribution functions. Every draw is a pure
 * function of (key, counter): docs/methodology.md, "Monte Carlo simulation",
 * says which counter each draw of a trial uses. */
#ifndef SMBSTRAT_SIM_RANDOM_H
#define SMBSTRAT_SIM_RANDOM_H

#include <stdint.h>

/* Philox4x32-10 constants, from the paper and its reference implementation. */
#define SMB__PHILOX_M0 0xD2511F53u
#define SMB__PHILOX_M1 0xCD9E8D57u
#define SMB__PHILOX_W0 0x9E3779B9u
#define SMB__PHILOX_W1 0xBB67AE85u

/* One Philox4x32-10 block: out = philox(ctr, key). Inline: it is the
 * simulator's inner loop. */
static inline void smb__philox4x32_10(const uint32_t ctr[4], const uint32_t key[2],
                                      uint32_t out[4])
{
    uint32_t c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
    uint32_t k0 = key[0], k1 = key[1];
    for (int round = 0; round < 10; round++) {
        uint64_t p0 = (uint64_t)SMB__PHILOX_M0 * c0;
        uint64_t p1 = (uint64_t)SMB__PHILOX_M1 * c2;
        uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
        uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
        c1 = (uint32_t)p1;
        c3 = (uint32_t)p0;
        c0 = n0;
        c2 = n2;
        k0 += SMB__PHILOX_W0;
        k1 += SMB__PHILOX_W1;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
}

/* A uniform in the open interval (0, 1) from one 32-bit word:
 * (w + 0.5) / 2^32. Never 0 or 1, so quantile functions stay finite. */
static inline double smb__u01(uint32_t w)
{
    return ((double)w + 0.5) * 0x1p-32;
}

/* The standard normal quantile Φ⁻¹(p) for p in (0, 1) (Wichura's AS 241,
 * PPND16, relative error below 1e-15); −HUGE_VAL at 0, +HUGE_VAL at 1, NaN
 * outside. */
double smb__normal_quantile(double p);

/* The standard normal distribution function Φ(x). */
double smb__normal_cdf(double x);

#endif /* SMBSTRAT_SIM_RANDOM_H */
