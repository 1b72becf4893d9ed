/* SPDX-License-Identifier: MIT */
/* The one rule for ties when results are ranked by a computed value: forces
 * contributions and swings, scenario exposures, block heat, MCDA scores. */
#include <math.h>

#include "internal.h"

bool smb__same_value(double a, double b)
{
    return fabs(a - b) <= SMB__TIE;
}

int smb__rank_desc(double a, double b)
{
    /* Values equal to 12 decimal places rank together, whatever the last
     * bits of their rounding, and the order stays transitive. */
    double ka = round(a / SMB__TIE), kb = round(b / SMB__TIE);
    return ka > kb ? -1 : ka < kb ? 1 : 0;
}
