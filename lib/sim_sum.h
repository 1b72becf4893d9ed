/* SPDX-License-Identifier: MIT */
/* Exact, order-independent summation of doubles: a fixed-point accumulator
 * wide enough for every finite double, so that a sum does not depend on the
 * order of its terms. This is what makes a simulation's mean and standard
 * deviation bit-identical whatever the number of threads and however the
 * trials were split and merged. */
#ifndef SMBSTRAT_SIM_SUM_H
#define SMBSTRAT_SIM_SUM_H

#include <stdint.h>

/* Limbs of 32 bits held in int64 (carries are propagated lazily), covering
 * exponents 2^-1074 .. 2^1024 plus headroom for 2^40 additions. */
#define SMB__XSUM_LIMBS 67

typedef struct smb__xsum {
    int64_t limb[SMB__XSUM_LIMBS];
    uint32_t pending;       /* additions since the last carry propagation */
    unsigned char special;  /* a NaN or infinity was added: the sum is that */
    double special_value;
} smb__xsum;

void smb__xsum_init(smb__xsum *s);
/* Add a double exactly. */
void smb__xsum_add(smb__xsum *s, double x);
/* Add another accumulator exactly. */
void smb__xsum_merge(smb__xsum *into, const smb__xsum *other);
/* The exact sum rounded once, to nearest. */
double smb__xsum_round(const smb__xsum *s);
/* Serialise into / read from SMB__XSUM_BYTES little-endian bytes (after
 * normalising the carries, so equal sums give equal bytes). */
#define SMB__XSUM_BYTES (SMB__XSUM_LIMBS * 8 + 9)
void smb__xsum_store(const smb__xsum *s, unsigned char *bytes);
int smb__xsum_fetch(smb__xsum *s, const unsigned char *bytes); /* 0 ok, -1 corrupt */

#endif /* SMBSTRAT_SIM_SUM_H */
