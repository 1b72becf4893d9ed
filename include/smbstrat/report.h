/* SPDX-License-Identifier: MIT */
/**
 * @file report.h
 * @brief The shareable report: a whole document (and, optionally, a
 *        simulation of its scenarios) as one file that an owner or a
 *        consultant can hand on.
 *
 * The report has eight sections, always in this order and always listed in
 * its table of contents: summary, business model canvas, five forces,
 * resilience profile, disruption scenarios, block heat, simulation and
 * recommended responses. A section whose inputs the document lacks says so
 * in one line. Each section opens with sentences that say what its figures
 * mean for the business, worded by the rules of docs/report.md; every
 * figure comes from the library's own scoring, ranking and planning calls.
 */
#ifndef SMBSTRAT_REPORT_H
#define SMBSTRAT_REPORT_H

#include <stddef.h>

#include "common.h"
#include "document.h"
#include "render.h"
#include "simulate.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Render the report of a document.
 *
 * HTML is one self-contained HTML5 page: inline SVG pictures and CSS, no
 * script, no external resource, a table of contents with anchors, a layout
 * that reflows on a phone and prints cleanly. Markdown is the same text
 * and tables as GitHub-flavoured Markdown, each picture replaced by a line
 * saying it is in the HTML report. All text from the document is escaped.
 *
 * Responses are ranked by TOPSIS; the portfolio is chosen within the
 * document's budget (settings.budget), and without a budget the report
 * shows the ranking only.
 * @param doc        the document
 * @param simulation a result of smb_simulate() (or smb_sim_finish()) on the
 *                   document's scenarios; NULL when none was run, which the
 *                   simulation section then says
 * @param format     ::SMB_FORMAT_HTML or ::SMB_FORMAT_MARKDOWN
 * @param out        receives a NUL-terminated string; release with smb_free()
 * @param length     receives the length without the NUL; may be NULL
 * @return ::SMB_OK; ::SMB_EINVAL (NULL @p doc or @p out, ::SMB_FORMAT_SVG or
 *         another format, a simulation of a scenario the document lacks);
 *         ::SMB_ENOTFOUND (a response whose effect names a scenario the
 *         document lacks, or without a value on a criterion of the user's
 *         own, as smb_responses_rank()); ::SMB_ENOMEM. On failure *out and
 *         *length are untouched.
 */
SMB_API smb_status smb_report_render(const smb_document *doc, const smb_sim_result *simulation,
                                     smb_format format, char **out, size_t *length);

/**
 * @brief Render the report and write it over a file, atomically, as
 *        smb_document_save_file() saves a document: a reader or a crash
 *        sees the previous file or the whole new report, never a mixture,
 *        and the new file keeps the permissions of the one it replaces.
 * @param doc        the document
 * @param simulation as for smb_report_render(); may be NULL
 * @param format     ::SMB_FORMAT_HTML or ::SMB_FORMAT_MARKDOWN
 * @param path       the file to write
 * @return as smb_report_render(), and ::SMB_EINVAL for a NULL @p path,
 *         ::SMB_EIO when the file cannot be written (the message names the
 *         file and the step that failed; the previous file is intact).
 */
SMB_API smb_status smb_report_save(const smb_document *doc, const smb_sim_result *simulation,
                                   smb_format format, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_REPORT_H */
