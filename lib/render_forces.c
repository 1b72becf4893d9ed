/* SPDX-License-Identifier: MIT */
/* What the three five-forces writers share: the view of a scored
 * assessment and the colours of the bands. */
#include "render_internal.h"

void smb__forces_view_init(smb_forces_view *v, const smb_forces *forces,
                           const smb_forces_result *result)
{
    *v = (smb_forces_view){.forces = forces, .result = result};
    /* The pressure is defined when a force of positive weight has a score
     * (forces.h); asking only then keeps a successful render from leaving
     * an error message behind. */
    size_t rated = 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb_force_score *s = smb_forces_result_force(result, (smb_force)f);
        rated += s->rated;
        if (s->has_score && s->weight > 0)
            v->has_pressure = true;
    }
    if (v->has_pressure && smb_forces_result_pressure(result, &v->pressure) == SMB_OK &&
        smb_forces_result_attractiveness(result, &v->attractiveness) == SMB_OK)
        return;
    v->has_pressure = false;
    v->undefined_reason = rated == 0 ? "no driver is rated"
                                     : "no force of positive weight has a rated driver "
                                       "of positive weight";
}

const char *smb__band_label(smb_force_band band)
{
    const char *key = smb_force_band_key(band);
    return key ? key : "unrated";
}

/* Green, amber and red from the same palette as the canvas's evidence
 * bullets, light enough for dark text to stay readable on them. */
static const smb_band_style band_styles[SMB_FORCE_BAND_COUNT + 1] = {
    [SMB_FORCE_BAND_LOW] = {"#dcfce7", "#16a34a", "#166534", NULL},
    [SMB_FORCE_BAND_MODERATE] = {"#fef3c7", "#d97706", "#92400e", NULL},
    [SMB_FORCE_BAND_HIGH] = {"#fee2e2", "#dc2626", "#991b1b", NULL},
    [SMB_FORCE_BAND_COUNT] = {"#ffffff", "#9ca3af", "#4b5563", "6 4"}, /* unrated */
};

const smb_band_style *smb__band_style(smb_force_band band)
{
    if ((unsigned)band >= SMB_FORCE_BAND_COUNT)
        return &band_styles[SMB_FORCE_BAND_COUNT];
    return &band_styles[band];
}
