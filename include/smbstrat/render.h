/* SPDX-License-Identifier: MIT */
/**
 * @file render.h
 * @brief Renderers: a model in, text out. Renderers never parse and never
 *        change the model.
 */
#ifndef SMBSTRAT_RENDER_H
#define SMBSTRAT_RENDER_H

#include <stddef.h>

#include "canvas.h"
#include "common.h"
#include "forces.h"
#include "resilience.h"
#include "scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Output formats. */
typedef enum smb_format {
    SMB_FORMAT_MARKDOWN = 0, /**< "markdown": GitHub-flavoured Markdown. */
    SMB_FORMAT_SVG = 1,      /**< "svg": standalone SVG 1.1 image. */
    SMB_FORMAT_HTML = 2      /**< "html": self-contained HTML5 page (inline SVG and CSS, no scripts). */
} smb_format;

/** @brief "markdown", "svg", "html"; NULL if out of range. */
SMB_API const char *smb_format_key(smb_format format);
/** @brief Look a format up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_format_from_key(const char *key, smb_format *out);

/**
 * @brief Render a canvas.
 *
 * SVG uses the classic nine-block layout, wraps text to fit each block,
 * elides what does not fit with a "+N more" line, and escapes all text.
 * @param canvas the canvas to render
 * @param format the output format
 * @param out    receives a NUL-terminated string; release with smb_free()
 * @param length receives the length without the NUL; may be NULL
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_render(const smb_canvas *canvas, smb_format format,
                                     char **out, size_t *length);

/**
 * @brief Render a five-forces assessment.
 *
 * SVG: the firm in the centre and the four outer forces around it (new
 * entrants above, substitutes below, suppliers left, buyers right, rivalry
 * in the centre), each coloured by its band and showing its score. Markdown:
 * a table of forces (score, intensity, band) and one of drivers. HTML: a
 * self-contained page with both.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_forces_render(const smb_forces *forces, smb_format format,
                                     char **out, size_t *length);

/**
 * @brief Render a scenario set scored against a resilience profile.
 *
 * SVG: the 5×5 risk matrix as a heat map (likelihood level across, impact
 * level up, cells coloured by band) with each scenario placed in its cell
 * (threats and opportunities marked apart). Markdown: the ranked threats and
 * opportunities with exposure, urgency, matrix cell and band. HTML: a
 * self-contained page with both.
 * @param scenarios  the scenario set to render
 * @param resilience may be NULL (every maturity counts as 0)
 * @param format     the output format
 * @param out        receives a NUL-terminated string; release with smb_free()
 * @param length     receives the length without the NUL; may be NULL
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_scenarios_render(const smb_scenarios *scenarios,
                                        const smb_resilience *resilience,
                                        smb_format format, char **out, size_t *length);

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_RENDER_H */
