/* SPDX-License-Identifier: MIT */
/* A five-forces assessment as one self-contained HTML5 page: the verdict,
 * the diagram inline, then the forces and every driver as tables, so that
 * the page reads fully without the picture. No scripts, no external
 * resources; all user text escaped. */
#include <string.h>

#include "render_internal.h"

#define NONE "\xE2\x80\x94"

/* After the shared rules of render_page.c; the band colours follow. */
static const char style[] =
    ".verdict{font-size:1.1rem}\n"
    "table{border-collapse:collapse;margin:1rem 0 2rem}\n"
    "th,td{border-bottom:1px solid #e5e7eb;padding:.35rem .7rem;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f9fafb}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.band{font-weight:bold}\n"
    ".key{color:#6b7280;font-size:.85em}\n"
    ".unrated-driver{color:#6b7280}\n"
    ".dominant{font-weight:bold;font-size:.8em;letter-spacing:.05em}\n"
    /* A bidi override in user text must not reorder the cells after it. */
    ".text{unicode-bidi:isolate}\n";

/* Band colours as classes, from the same table as the diagram's. */
static void put_band_style(smb_buf *b)
{
    for (int k = -1; k < SMB_FORCE_BAND_COUNT; k++) {
        const smb_band_style *st = smb__band_style((smb_force_band)k);
        smb__buf_printf(b, "td.band-%s{background:%s;color:%s}\n",
                        smb__band_label((smb_force_band)k), st->fill, st->text);
    }
}

static void put_verdict(const smb_forces_view *v, smb_buf *b)
{
    smb__buf_puts(b, "<p class=\"verdict\">");
    if (!v->has_pressure) {
        smb__buf_printf(b, "<strong>Attractiveness not scored</strong>: %s.</p>\n",
                        v->undefined_reason);
        return;
    }
    char a[SMB_AMOUNT_BUF], p[SMB_AMOUNT_BUF];
    smb__buf_printf(b,
                    "<strong>Attractiveness %s</strong> \xC2\xB7 competitive pressure %s "
                    "(both from 0 to 1)",
                    smb__format_number(a, v->attractiveness, 2, false),
                    smb__format_number(p, v->pressure, 2, false));
    size_t n = smb_forces_result_dominant_count(v->result);
    for (size_t i = 0; i < n; i++)
        smb__buf_printf(b, "%s%s", i == 0 ? (n == 1 ? " \xC2\xB7 dominant force: "
                                                     : " \xC2\xB7 dominant forces: ")
                                           : ", ",
                        smb_force_title(smb_forces_result_dominant_at(v->result, i)));
    smb__buf_puts(b, "</p>\n");
}

static void put_forces_table(const smb_forces_view *v, smb_buf *b)
{
    smb__buf_puts(b, "<section aria-labelledby=\"h-forces\">\n<h2 id=\"h-forces\">Forces</h2>\n"
                     "<table class=\"forces\">\n<thead><tr><th scope=\"col\">Force</th>"
                     "<th scope=\"col\">Score (1\xE2\x80\x93" "5)</th>"
                     "<th scope=\"col\">Intensity (0\xE2\x80\x93" "1)</th>"
                     "<th scope=\"col\">Band</th><th scope=\"col\">Weight</th>"
                     "<th scope=\"col\">Rated</th><th scope=\"col\">Unrated</th></tr></thead>\n"
                     "<tbody>\n");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        const smb_force_score *s = smb_forces_result_force(v->result, (smb_force)f);
        const char *band = smb__band_label(s->band);
        char score[SMB_AMOUNT_BUF], intensity[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF];
        smb__buf_printf(b, "<tr id=\"force-%s\"><th scope=\"row\">%s%s</th>",
                        smb_force_key((smb_force)f), smb_force_title((smb_force)f),
                        s->dominant ? " <span class=\"dominant\">DOMINANT</span>" : "");
        smb__buf_printf(b,
                        "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
                        "<td class=\"band band-%s\">%s</td><td class=\"num\">%s</td>"
                        "<td class=\"num\">%zu</td><td class=\"num\">%zu</td></tr>\n",
                        s->has_score ? smb__format_number(score, s->score, 2, false) : NONE,
                        s->has_score ? smb__format_number(intensity, s->intensity, 2, false)
                                     : NONE,
                        band, band, smb__format_number(weight, s->weight, 2, true), s->rated,
                        s->unrated);
    }
    smb__buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void put_driver_row(smb_buf *b, smb_force force, const smb_driver *d)
{
    char rating[SMB_AMOUNT_BUF], weight[SMB_AMOUNT_BUF], confidence[SMB_AMOUNT_BUF];
    bool rated = smb_driver_is_rated(d);
    /* Keys are ASCII letters, digits, '_', '-' and '.': safe in an id. */
    smb__buf_printf(b, "<tr id=\"driver-%s-%s\"%s><td>%s</td><td><span class=\"text\">",
                    smb_force_key(force), smb_driver_key(d),
                    rated ? "" : " class=\"unrated-driver\"", smb_force_title(force));
    smb__render_put_xml_text(b, smb_driver_title(d));
    smb__buf_printf(b, "</span> <span class=\"key\">%s</span></td>", smb_driver_key(d));
    smb__buf_printf(b, "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
                       "<td class=\"num\">%s</td><td><span class=\"text\">",
                    rated ? smb__format_number(rating, smb_driver_rating(d), 2, true)
                          : "<em>unrated</em>",
                    smb__format_number(weight, smb_driver_weight(d), 2, true),
                    smb_driver_has_confidence(d)
                        ? smb__format_number(confidence, smb_driver_confidence(d), 2, true)
                        : NONE);
    const char *rationale = smb_driver_rationale(d);
    if (rationale)
        smb__render_put_xml_text(b, rationale);
    smb__buf_puts(b, "</span></td></tr>\n");
}

static void put_drivers_table(const smb_forces_view *v, smb_buf *b)
{
    smb__buf_puts(b, "<section aria-labelledby=\"h-drivers\">\n<h2 id=\"h-drivers\">Drivers</h2>\n"
                     "<p>Ratings run from 1 (the driver makes its force weak) to 5 "
                     "(strong).</p>\n<table class=\"drivers\">\n<thead><tr>"
                     "<th scope=\"col\">Force</th><th scope=\"col\">Driver</th>"
                     "<th scope=\"col\">Rating</th><th scope=\"col\">Weight</th>"
                     "<th scope=\"col\">Confidence</th><th scope=\"col\">Rationale</th>"
                     "</tr></thead>\n<tbody>\n");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        size_t n = smb_forces_driver_count(v->forces, (smb_force)f);
        for (size_t i = 0; i < n; i++)
            put_driver_row(b, (smb_force)f, smb_forces_driver_at(v->forces, (smb_force)f, i));
    }
    smb__buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

void smb__render_forces_html(const smb_forces_view *v, smb_buf *b)
{
    smb__html_open(b, "Five Forces", smb_forces_name(v->forces),
                   smb_forces_description(v->forces), style, put_band_style);
    smb__buf_puts(b, "<main>\n");
    put_verdict(v, b);
    smb__buf_puts(b, "<figure>\n");
    smb__render_forces_svg(v, b, false);
    smb__buf_puts(b, "<figcaption>The five forces at a glance: each box is coloured by its "
                     "band. Every force and driver is listed in full below.</figcaption>\n"
                     "</figure>\n");
    put_forces_table(v, b);
    put_drivers_table(v, b);
    smb__buf_puts(b, "</main>\n</body>\n</html>\n");
}
