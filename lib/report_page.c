/* SPDX-License-Identifier: MIT */
/* The page around the report's sections: the head, style sheet and header
 * that every libsmbstrat page shares (render_page.c), the report's own
 * rules for tables, notes, a phone's narrow screen and the printed page,
 * the table of contents, and the footer. */
#include "report_internal.h"

/* After the shared rules of render_page.c, whose body is too wide for
 * reading prose: the report narrows it. */
static const char style[] =
    "body{max-width:1100px}\n"
    "nav.toc{border:1px solid #e5e7eb;border-radius:6px;padding:.6rem 1.2rem;margin:1rem 0 2rem;"
    "background:#f9fafb}\n"
    "nav.toc h2{font-size:1rem;margin:.2rem 0}\n"
    "nav.toc ol{margin:.3rem 0;padding-left:1.4rem;columns:2 16rem}\n"
    "section{margin:2.5rem 0}\n"
    "h2{border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}\n"
    "h3{margin-top:1.6rem}\n"
    "p.note{color:#4b5563;font-style:italic}\n"
    ".table-wrap{overflow-x:auto}\n"
    "th.num{text-align:right}\n"
    "figure svg{max-width:100%}\n"
    "figure.chart svg{max-width:760px}\n"
    "code{font-size:.9em;color:#374151}\n"
    ".text{unicode-bidi:isolate}\n"
    "footer{margin:3rem 0 1rem;color:#6b7280;font-size:.85rem;border-top:1px solid #e5e7eb;"
    "padding-top:.5rem}\n"
    /* A phone: less margin, smaller headings, tighter cells; the wide
     * pictures keep a readable size and scroll sideways. */
    "@media screen and (max-width:640px){body{margin:1rem auto;padding:0 .6rem}"
    "h1{font-size:1.5rem}h2{font-size:1.25rem}th,td{padding:.3rem .4rem}nav.toc ol{columns:1}"
    "figure.wide{overflow-x:auto}figure.wide svg{width:860px;max-width:none}}\n"
    /* Paper: the full width, no scrolling boxes, headings kept with what
     * follows them, pictures and rows never split across pages. */
    "@media print{body{max-width:none;margin:0;font-size:10.5pt}"
    "nav.toc{break-after:page;background:none}"
    ".table-wrap{overflow:visible}"
    "h2,h3{break-after:avoid}figure,tr{break-inside:avoid}"
    "section{margin:1.2rem 0}a{color:inherit;text-decoration:none}}\n";

/* The report's rules come after the shared ones, which they refine. */
static void put_style(smb_buf *b)
{
    smb__buf_puts(b, style);
}

static void put_toc(smb_rw *w, const smb_report_section *sections, size_t count)
{
    if (w->html) {
        smb__buf_puts(w->b, "<nav class=\"toc\" aria-labelledby=\"h-contents\">\n"
                            "<h2 id=\"h-contents\">Contents</h2>\n<ol>\n");
        for (size_t i = 0; i < count; i++)
            smb__buf_printf(w->b, "<li><a href=\"#%s\">%s</a></li>\n", sections[i].anchor,
                            sections[i].title);
        smb__buf_puts(w->b, "</ol>\n</nav>\n<main>\n");
        return;
    }
    /* The anchors are the slugs GitHub gives the section headings. */
    smb__buf_puts(w->b, "## Contents\n\n");
    for (size_t i = 0; i < count; i++)
        smb__buf_printf(w->b, "%zu. [%s](#%s)\n", i + 1, sections[i].title, sections[i].anchor);
    smb__buf_puts(w->b, "\n");
}

void smb__report_open(smb_rw *w, const smb_report_facts *f, const smb_report_section *sections,
                      size_t count)
{
    if (w->html) {
        smb__html_open(w->b, "Strategy report", f->name, f->description, smb__html_table_style,
                       put_style);
    } else {
        smb__buf_puts(w->b, "# Strategy report");
        if (f->name) {
            smb__buf_puts(w->b, ": ");
            smb__render_put_md(w->b, f->name, false);
        }
        smb__buf_puts(w->b, "\n\n");
        if (f->description) {
            smb__render_put_md(w->b, f->description, true);
            smb__buf_puts(w->b, "\n\n");
        }
    }
    put_toc(w, sections, count);
}

void smb__report_close(smb_rw *w)
{
    if (w->html)
        smb__buf_printf(w->b, "</main>\n<footer><p>Prepared with libsmbstrat %s. Every figure "
                              "comes from the library's scoring, ranking, planning and "
                              "simulation.</p></footer>\n</body>\n</html>\n",
                        smb_version());
    else
        smb__buf_printf(w->b, "---\n\n_Prepared with libsmbstrat %s. Every figure comes from "
                              "the library's scoring, ranking, planning and simulation._\n",
                        smb_version());
}
