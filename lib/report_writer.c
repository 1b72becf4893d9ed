/* SPDX-License-Identifier: MIT */
/* One text, two formats: the report's sections describe their content once
 * through these calls, and the writer gives it an HTML or a Markdown form.
 * Text from the document is escaped for the format it lands in; in
 * Markdown it is also kept on one line, so that it stays inside its
 * paragraph, list item or table cell. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

void smb__rw_init(smb_rw *w, smb_buf *b, bool html)
{
    *w = (smb_rw){.b = b, .html = html};
}

/* ---- blocks --------------------------------------------------------------- */

void smb__rw_section(smb_rw *w, const char *anchor, const char *title)
{
    if (w->html)
        smb__buf_printf(w->b,
                        "<section id=\"%s\" aria-labelledby=\"h-%s\">\n"
                        "<h2 id=\"h-%s\">%s</h2>\n",
                        anchor, anchor, anchor, title);
    else
        smb__buf_printf(w->b, "## %s\n\n", title);
}

void smb__rw_section_end(smb_rw *w)
{
    if (w->html)
        smb__buf_puts(w->b, "</section>\n");
}

void smb__rw_subheading(smb_rw *w, const char *title)
{
    if (w->html)
        smb__buf_printf(w->b, "<h3>%s</h3>\n", title);
    else
        smb__buf_printf(w->b, "### %s\n\n", title);
}

void smb__rw_para(smb_rw *w)
{
    if (w->html)
        smb__buf_puts(w->b, "<p>");
    w->at_start = true;
}

void smb__rw_para_end(smb_rw *w)
{
    smb__buf_puts(w->b, w->html ? "</p>\n" : "\n\n");
    w->at_start = false;
}

void smb__rw_note(smb_rw *w, const char *text)
{
    if (w->html) {
        smb__buf_puts(w->b, "<p class=\"note\">");
        smb__buf_put_xml(w->b, text);
        smb__buf_puts(w->b, "</p>\n");
    } else {
        smb__buf_printf(w->b, "_%s_\n\n", text);
    }
}

void smb__rw_list(smb_rw *w)
{
    if (w->html)
        smb__buf_puts(w->b, "<ul>\n");
}

void smb__rw_item(smb_rw *w)
{
    smb__buf_puts(w->b, w->html ? "<li>" : "- ");
    w->at_start = true;
}

void smb__rw_item_end(smb_rw *w)
{
    smb__buf_puts(w->b, w->html ? "</li>\n" : "\n");
    w->at_start = false;
}

void smb__rw_list_end(smb_rw *w)
{
    smb__buf_puts(w->b, w->html ? "</ul>\n" : "\n");
}

/* ---- inline text ---------------------------------------------------------- */

void smb__rw_text(smb_rw *w, const char *text)
{
    if (w->html)
        smb__buf_put_xml(w->b, text);
    else
        smb__buf_puts(w->b, text);
    w->at_start = false;
}

void smb__rw_printf(smb_rw *w, const char *fmt, ...)
{
    /* Only numbers and library text come through here; they never exceed
     * a few hundred bytes. */
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof text) {
        w->b->failed = true;
        return;
    }
    smb__rw_text(w, text);
}

void smb__rw_user(smb_rw *w, const char *text)
{
    if (w->html) {
        /* A bidi override in the text must not reorder what follows it. */
        smb__buf_puts(w->b, "<span class=\"text\">");
        smb__render_put_xml_text(w->b, text);
        smb__buf_puts(w->b, "</span>");
    } else {
        smb__render_put_md(w->b, text, w->at_start);
    }
    w->at_start = false;
}

void smb__rw_quoted(smb_rw *w, const char *text)
{
    smb__rw_text(w, "\xE2\x80\x98");
    smb__rw_user(w, text);
    smb__rw_text(w, "\xE2\x80\x99");
}

void smb__rw_strong(smb_rw *w, const char *text)
{
    if (w->html) {
        smb__buf_puts(w->b, "<strong>");
        smb__buf_put_xml(w->b, text);
        smb__buf_puts(w->b, "</strong>");
    } else {
        smb__buf_printf(w->b, "**%s**", text);
    }
    w->at_start = false;
}

void smb__rw_code(smb_rw *w, const char *id)
{
    if (w->html) {
        smb__buf_puts(w->b, "<code>");
        smb__buf_put_xml(w->b, id);
        smb__buf_puts(w->b, "</code>");
    } else {
        /* Ids hold no backquote: a code span holds them as they are. */
        smb__buf_printf(w->b, "`%s`", id);
    }
    w->at_start = false;
}

/* ---- tables --------------------------------------------------------------- */

void smb__rw_table(smb_rw *w, const smb_rw_column *columns, size_t count)
{
    w->columns = columns;
    w->column_count = count;
    w->column = 0;
    if (w->html) {
        /* The wrapper scrolls a wide table sideways on a narrow screen
         * instead of widening the page. */
        smb__buf_puts(w->b, "<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (size_t i = 0; i < count; i++)
            smb__buf_printf(w->b, "<th scope=\"col\"%s>%s</th>",
                            columns[i].numeric ? " class=\"num\"" : "", columns[i].title);
        smb__buf_puts(w->b, "</tr></thead>\n<tbody>\n");
        return;
    }
    smb__buf_puts(w->b, "|");
    for (size_t i = 0; i < count; i++)
        smb__buf_printf(w->b, " %s |", columns[i].title);
    smb__buf_puts(w->b, "\n|");
    for (size_t i = 0; i < count; i++)
        smb__buf_puts(w->b, columns[i].numeric ? " ---: |" : " --- |");
    smb__buf_puts(w->b, "\n");
}

void smb__rw_cell(smb_rw *w)
{
    bool numeric = w->columns[w->column].numeric;
    if (w->html)
        smb__buf_printf(w->b, "%s<td%s>", w->column == 0 ? "<tr>" : "",
                        numeric ? " class=\"num\"" : "");
    else
        smb__buf_puts(w->b, w->column == 0 ? "| " : " ");
    w->at_start = false;
}

void smb__rw_cell_end(smb_rw *w)
{
    w->column++;
    bool row_ends = w->column == w->column_count;
    if (w->html)
        smb__buf_puts(w->b, row_ends ? "</td></tr>\n" : "</td>");
    else
        smb__buf_puts(w->b, row_ends ? " |\n" : " |");
    if (row_ends)
        w->column = 0;
}

void smb__rw_cell_text(smb_rw *w, const char *text)
{
    smb__rw_cell(w);
    smb__rw_text(w, text);
    smb__rw_cell_end(w);
}

void smb__rw_table_end(smb_rw *w)
{
    smb__buf_puts(w->b, w->html ? "</tbody>\n</table></div>\n" : "\n");
    w->columns = NULL;
    w->column_count = w->column = 0;
}

/* ---- pictures ------------------------------------------------------------- */

/* Copy an inline SVG into the page with its title id ("smb-title", the
 * same in every picture smb__svg_open starts) numbered. The id stands in
 * quotes only in the two attributes that carry it: text from the document
 * never holds a raw quotation mark. */
static void put_numbered_svg(smb_buf *b, const char *svg, unsigned number)
{
    static const char id[] = "\"smb-title\"";
    const char *at;
    while ((at = strstr(svg, id)) != NULL) {
        smb__buf_append(b, svg, (size_t)(at - svg));
        smb__buf_printf(b, "\"smb-title-%u\"", number);
        svg = at + sizeof id - 1;
    }
    smb__buf_puts(b, svg);
}

void smb__rw_figure(smb_rw *w, smb_rw_draw draw, const void *model, const char *caption,
                    bool chart)
{
    if (!w->html) {
        smb__buf_printf(w->b, "_Picture in the HTML report: %s_\n\n", caption);
        return;
    }
    smb_buf svg;
    smb__buf_init(&svg);
    draw(model, &svg);
    if (svg.failed) {
        w->b->failed = true;
        smb__buf_free(&svg);
        return;
    }
    w->figures++;
    smb__buf_printf(w->b, "<figure class=\"%s\">\n", chart ? "chart" : "wide");
    put_numbered_svg(w->b, svg.data ? svg.data : "", w->figures);
    smb__buf_free(&svg);
    smb__buf_puts(w->b, "<figcaption>");
    smb__buf_put_xml(w->b, caption);
    smb__buf_puts(w->b, "</figcaption>\n</figure>\n");
}
