/* SPDX-License-Identifier: MIT */
/* Format names and the entry points that hand a model to one renderer. */
#include <string.h>

#include "render_internal.h"

static const char *const format_keys[] = {
    [SMB_FORMAT_MARKDOWN] = "markdown",
    [SMB_FORMAT_SVG] = "svg",
    [SMB_FORMAT_HTML] = "html",
};
enum { FORMAT_COUNT = sizeof format_keys / sizeof format_keys[0] };

const char *smb_format_key(smb_format format)
{
    if ((unsigned)format >= FORMAT_COUNT)
        return NULL;
    return format_keys[format];
}

smb_status smb_format_from_key(const char *key, smb_format *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "smb_format_from_key: %s must not be NULL",
                         !key ? "key" : "out");
    for (unsigned i = 0; i < FORMAT_COUNT; i++) {
        if (strcmp(key, format_keys[i]) == 0) {
            *out = (smb_format)i;
            return SMB_OK;
        }
    }
    /* The key is the caller's input: quote a bounded, printable prefix. */
    char shown[33];
    size_t n = 0;
    for (; key[n] && n < sizeof shown - 1; n++)
        shown[n] = (key[n] >= 0x20 && key[n] < 0x7F) ? key[n] : '?';
    shown[n] = '\0';
    return smb__fail(SMB_ENOTFOUND, "format '%s%s': unknown; use markdown, svg or html", shown,
                     key[n] ? "..." : "");
}

/* The arguments every render call checks, for the message's `fn`. */
static smb_status check_args(const char *fn, const char *what, const void *model,
                             smb_format format, char **out)
{
    if (!model || !out)
        return smb__fail(SMB_EINVAL, "%s: %s must not be NULL", fn, !model ? what : "out");
    if ((unsigned)format >= FORMAT_COUNT)
        return smb__fail(SMB_EINVAL, "%s: format %d is not one of markdown, svg, html", fn,
                         (int)format);
    return SMB_OK;
}

smb_status smb_canvas_render(const smb_canvas *canvas, smb_format format, char **out,
                             size_t *length)
{
    smb_status st = check_args("smb_canvas_render", "canvas", canvas, format, out);
    if (st != SMB_OK)
        return st;
    smb_buf b;
    smb__buf_init(&b);
    switch (format) {
    case SMB_FORMAT_MARKDOWN: smb__render_markdown(canvas, &b); break;
    case SMB_FORMAT_SVG: smb__render_svg(canvas, &b, true); break;
    case SMB_FORMAT_HTML: smb__render_html(canvas, &b); break;
    }
    /* On failure *out and *length are left as they were. */
    return smb__buf_finish(&b, out, length);
}

smb_status smb_forces_render(const smb_forces *forces, smb_format format, char **out,
                             size_t *length)
{
    smb_status st = check_args("smb_forces_render", "forces", forces, format, out);
    if (st != SMB_OK)
        return st;
    /* Scored once, so that every writer shows the same numbers. */
    smb_forces_result *result = NULL;
    st = smb_forces_score(forces, &result);
    if (st != SMB_OK)
        return st;
    smb_forces_view view;
    smb__forces_view_init(&view, forces, result);
    smb_buf b;
    smb__buf_init(&b);
    switch (format) {
    case SMB_FORMAT_MARKDOWN: smb__render_forces_markdown(&view, &b); break;
    case SMB_FORMAT_SVG: smb__render_forces_svg(&view, &b, true); break;
    case SMB_FORMAT_HTML: smb__render_forces_html(&view, &b); break;
    }
    smb_forces_result_free(result);
    return smb__buf_finish(&b, out, length);
}

smb_status smb_scenarios_render(const smb_scenarios *scenarios, const smb_resilience *resilience,
                                smb_format format, char **out, size_t *length)
{
    smb_status st = check_args("smb_scenarios_render", "scenarios", scenarios, format, out);
    if (st != SMB_OK)
        return st;
    /* Scored once, so that the matrix and the tables show the same numbers. */
    smb_scenario_scores *scores = NULL;
    st = smb_scenarios_score(scenarios, resilience, &scores);
    if (st != SMB_OK)
        return st;
    smb_scenarios_view view = {scenarios, resilience, scores};
    smb_buf b;
    smb__buf_init(&b);
    switch (format) {
    case SMB_FORMAT_MARKDOWN: smb__render_scenarios_markdown(&view, &b); break;
    case SMB_FORMAT_SVG: smb__render_scenarios_svg(&view, &b, true); break;
    case SMB_FORMAT_HTML: smb__render_scenarios_html(&view, &b); break;
    }
    smb_scenario_scores_free(scores);
    return smb__buf_finish(&b, out, length);
}
