/* SPDX-License-Identifier: MIT */
/* A five-forces assessment as GitHub-flavoured Markdown: the overall
 * verdict, a table of the forces and a table of every driver, unrated ones
 * marked. User text goes through smb__render_put_md, which escapes table
 * pipes and flattens line breaks, so that it stays inside its cell. */
#include "render_internal.h"

/* The dash that stands for "no value" in a table cell. */
#define NONE "\xE2\x80\x94"

static void put_verdict(const smb_forces_view *v, smb_buf *b)
{
    char a[SMB_AMOUNT_BUF], p[SMB_AMOUNT_BUF];
    if (!v->has_pressure) {
        smb__buf_printf(b, "**Attractiveness:** not scored (%s).\n", v->undefined_reason);
        return;
    }
    smb__buf_printf(b,
                    "**Attractiveness:** %s \xC2\xB7 **competitive pressure:** %s "
                    "(both from 0 to 1)",
                    smb__format_number(a, v->attractiveness, 2, false),
                    smb__format_number(p, v->pressure, 2, false));
    size_t n = smb_forces_result_dominant_count(v->result);
    for (size_t i = 0; i < n; i++)
        smb__buf_printf(b, "%s%s", i == 0 ? (n == 1 ? " \xC2\xB7 **dominant force:** "
                                                     : " \xC2\xB7 **dominant forces:** ")
                                           : ", ",
                        smb_force_title(smb_forces_result_dominant_at(v->result, i)));
    smb__buf_puts(b, "\n");
}

static void put_forces_table(const smb_forces_view *v, smb_buf *b)
{
    smb__buf_puts(b, "| Force | Score | Intensity | Band | Weight | Rated | Unrated |\n"
                     "| --- | ---: | ---: | --- | ---: | ---: | ---: |\n");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb_force_score *s = smb_forces_result_force(v->result, (smb_force)f);
        char score[SMB_AMOUNT_BUF], intensity[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF];
        smb__buf_printf(b, "| %s%s | %s | %s | %s | %s | %zu | %zu |\n",
                        smb_force_title((smb_force)f), s->dominant ? " **(dominant)**" : "",
                        s->has_score ? smb__format_number(score, s->score, 2, false) : NONE,
                        s->has_score ? smb__format_number(intensity, s->intensity, 2, false)
                                     : NONE,
                        smb__band_label(s->band), smb__format_number(weight, s->weight, 2, true),
                        s->rated, s->unrated);
    }
}

static void put_driver_row(smb_buf *b, smb_force force, const smb_driver *d)
{
    char rating[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF], confidence[SMB_AMOUNT_BUF];
    smb__buf_printf(b, "| %s | ", smb_force_key(force));
    smb__render_put_md(b, smb_driver_title(d), false);
    /* Keys are ASCII letters, digits, '_', '-' and '.': safe in a code span. */
    smb__buf_printf(b, " `%s` | %s | %s | %s | ", smb_driver_key(d),
                    smb_driver_is_rated(d) ? smb__format_number(rating, smb_driver_rating(d), 2, true)
                                           : "_unrated_",
                    smb__format_number(weight, smb_driver_weight(d), 2, true),
                    smb_driver_has_confidence(d)
                        ? smb__format_number(confidence, smb_driver_confidence(d), 2, true)
                        : NONE);
    const char *rationale = smb_driver_rationale(d);
    if (rationale)
        smb__render_put_md(b, rationale, false);
    smb__buf_puts(b, " |\n");
}

static void put_drivers_table(const smb_forces_view *v, smb_buf *b)
{
    smb__buf_puts(b, "| Force | Driver | Rating | Weight | Confidence | Rationale |\n"
                     "| --- | --- | ---: | ---: | ---: | --- |\n");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        size_t n = smb_forces_driver_count(v->forces, (smb_force)f);
        for (size_t i = 0; i < n; i++)
            put_driver_row(b, (smb_force)f, smb_forces_driver_at(v->forces, (smb_force)f, i));
    }
}

void smb__render_forces_markdown(const smb_forces_view *v, smb_buf *b)
{
    const char *name = smb_forces_name(v->forces);
    const char *description = smb_forces_description(v->forces);
    smb__buf_puts(b, "# ");
    if (name && *name)
        smb__render_put_md(b, name, false);
    else
        smb__buf_puts(b, "Five Forces");
    smb__buf_puts(b, "\n\n");
    if (description && *description) {
        smb__render_put_md(b, description, true);
        smb__buf_puts(b, "\n\n");
    }
    put_verdict(v, b);
    smb__buf_puts(b, "\n## Forces\n\nScores run from 1 (weak) to 5 (strong); bands: low below "
                     "2.5, moderate from 2.5, high from 3.5.\n\n");
    put_forces_table(v, b);
    smb__buf_puts(b, "\n## Drivers\n\nRatings run from 1 (the driver makes its force weak) "
                     "to 5 (strong).\n\n");
    put_drivers_table(v, b);
}
