/* SPDX-License-Identifier: MIT */
/**
 * @file document.h
 * @brief The JSON document that holds a whole analysis, loaded and saved
 *        strictly (see docs/format.md).
 *
 * A document has optional sections: `canvas` (a business model canvas),
 * `forces` (a five-forces assessment), `resilience` (a resilience
 * profile), `scenarios` (disruption scenarios), `responses` (candidate
 * responses) and `settings` (the scenarios' scoring settings, the
 * responses' ranking criteria and weights, and the planning budget). Any
 * other top-level name is refused as an unknown key. Each section is built
 * through its model's public API, so a section holds exactly what the API
 * would accept; on loading, the references between sections are checked
 * too (an effect must name a threat among the scenarios, a shift a driver
 * of the forces section when there is one, a value a criterion declared in
 * the settings), so that a document that loads can be scored and planned
 * with.
 */
#ifndef SMBSTRAT_DOCUMENT_H
#define SMBSTRAT_DOCUMENT_H

#include <stddef.h>

#include "canvas.h"
#include "common.h"
#include "forces.h"
#include "resilience.h"
#include "response.h"
#include "scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The format version this library reads and writes (`"smbstrat": 1`). */
#define SMB_FORMAT_VERSION 1

/** @brief Opaque document. */
typedef struct smb_document smb_document;

/** @brief Create an empty document (no sections). @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM. */
SMB_API smb_status smb_document_new(smb_document **out);
/** @brief Destroy a document and its sections. Accepts NULL. */
SMB_API void smb_document_free(smb_document *doc);

/**
 * @brief Load a document from a file.
 *
 * On failure *out is left untouched and smb_last_error_info() names the
 * file, the JSON path, line and column.
 * @return ::SMB_OK, ::SMB_EINVAL, ::SMB_EIO (cannot read), ::SMB_EPARSE (not
 *         JSON, invalid UTF-8, duplicate key), ::SMB_ESCHEMA (unknown key,
 *         wrong type, missing field, unsupported version, a title on a
 *         standard driver, both flags of a kind pair, an effect on an
 *         opportunity, a setting of a section the document lacks, AHP
 *         judgements that are not reciprocal), ::SMB_ERANGE (number out of
 *         range, min above max or a mode outside them, or weights of 0 that
 *         leave a force, the profile or the ranking nothing of positive
 *         weight), ::SMB_EEXIST (duplicate id or criterion key),
 *         ::SMB_ENOTFOUND (a link, effect, shifted driver, value or weight
 *         naming something the document lacks), ::SMB_ELIMIT or
 *         ::SMB_ENOMEM.
 */
SMB_API smb_status smb_document_load_file(const char *path, smb_document **out);
/**
 * @brief Load a document from @p length bytes of @p text (need not be
 *        NUL-terminated). Errors as smb_document_load_file(), without a file.
 */
SMB_API smb_status smb_document_load_string(const char *text, size_t length,
                                            smb_document **out);
/**
 * @brief Save atomically: write a temporary file beside @p path, flush it to
 *        disk, then rename it over @p path. On failure the previous file is
 *        intact and no temporary file remains.
 *
 * The new file keeps the permissions of the one it replaces. A process
 * killed during the save leaves the old file or the complete new one, and
 * possibly the temporary file `.NAME.XXXXXX` beside it, which the library
 * never reads (docs/reliability.md, "Data safety").
 * @return ::SMB_OK, ::SMB_EINVAL, ::SMB_EIO (the message names the file and
 *         the step that failed) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_document_save_file(const smb_document *doc, const char *path);
/**
 * @brief Serialise to a NUL-terminated JSON text (2-space indent, keys in
 *        the documented order, trailing newline). Release with smb_free().
 * @param doc    the document to serialise
 * @param out    receives the text; untouched on failure
 * @param length receives the length without the NUL; may be NULL.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_document_save_string(const smb_document *doc, char **out,
                                            size_t *length);

/**
 * @brief The document's canvas, borrowed, or NULL when the section is absent.
 *        Changes made through it are changes to the document.
 */
SMB_API smb_canvas *smb_document_canvas(smb_document *doc);
/** @brief Read-only view of the canvas, or NULL when absent. */
SMB_API const smb_canvas *smb_document_canvas_const(const smb_document *doc);
/**
 * @brief Replace the canvas section with a copy of @p canvas; NULL removes
 *        the section. A previously borrowed canvas pointer becomes invalid.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (document unchanged).
 */
SMB_API smb_status smb_document_set_canvas(smb_document *doc, const smb_canvas *canvas);

/**
 * @brief The document's five-forces assessment, borrowed, or NULL when the
 *        section is absent. Changes made through it are changes to the
 *        document.
 */
SMB_API smb_forces *smb_document_forces(smb_document *doc);
/** @brief Read-only view of the five-forces assessment, or NULL when absent. */
SMB_API const smb_forces *smb_document_forces_const(const smb_document *doc);
/**
 * @brief Replace the forces section with a copy of @p forces; NULL removes
 *        the section. A previously borrowed forces pointer becomes invalid.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (document unchanged).
 */
SMB_API smb_status smb_document_set_forces(smb_document *doc, const smb_forces *forces);

/**
 * @brief The document's resilience profile, borrowed, or NULL when the
 *        section is absent. Changes made through it are changes to the
 *        document.
 */
SMB_API smb_resilience *smb_document_resilience(smb_document *doc);
/** @brief Read-only view of the resilience profile, or NULL when absent. */
SMB_API const smb_resilience *smb_document_resilience_const(const smb_document *doc);
/**
 * @brief Replace the resilience section with a copy of @p resilience; NULL
 *        removes it. A previously borrowed pointer becomes invalid.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (document unchanged).
 */
SMB_API smb_status smb_document_set_resilience(smb_document *doc,
                                               const smb_resilience *resilience);

/**
 * @brief The document's scenario set (with its scoring settings, saved in
 *        `settings`), borrowed, or NULL when the section is absent. Changes
 *        made through it are changes to the document.
 */
SMB_API smb_scenarios *smb_document_scenarios(smb_document *doc);
/** @brief Read-only view of the scenario set, or NULL when absent. */
SMB_API const smb_scenarios *smb_document_scenarios_const(const smb_document *doc);
/**
 * @brief Replace the scenarios with a copy of @p scenarios; NULL removes
 *        them. A previously borrowed pointer becomes invalid.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (document unchanged).
 */
SMB_API smb_status smb_document_set_scenarios(smb_document *doc,
                                              const smb_scenarios *scenarios);

/**
 * @brief The document's candidate responses (with their criteria and
 *        weights, saved in `settings`), borrowed, or NULL when the section
 *        is absent. Changes made through it are changes to the document.
 */
SMB_API smb_responses *smb_document_responses(smb_document *doc);
/** @brief Read-only view of the responses, or NULL when absent. */
SMB_API const smb_responses *smb_document_responses_const(const smb_document *doc);
/**
 * @brief Replace the responses with a copy of @p responses; NULL removes
 *        them. A previously borrowed pointer becomes invalid.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (document unchanged).
 */
SMB_API smb_status smb_document_set_responses(smb_document *doc,
                                              const smb_responses *responses);

/**
 * @brief The planning budget stored in the document's settings.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND (no budget set).
 */
SMB_API smb_status smb_document_budget(const smb_document *doc, double *out);
/**
 * @brief Store a planning budget: finite, from 0 to ::SMB_MAX_AMOUNT (what
 *        smb_responses_plan() accepts). Saved as `settings.budget`.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (budget unchanged).
 */
SMB_API smb_status smb_document_set_budget(smb_document *doc, double budget);
/** @brief Forget the planning budget. @return ::SMB_OK or ::SMB_EINVAL. */
SMB_API smb_status smb_document_clear_budget(smb_document *doc);

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_DOCUMENT_H */
