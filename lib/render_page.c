/* SPDX-License-Identifier: MIT */
/* Page furniture that every picture and page shares, whatever model it
 * shows: the opening of an SVG with its accessible title, the header of a
 * picture, and the head and header of an HTML page. One place for them
 * keeps the canvas and the forces looking like one product. */
#include <string.h>

#include "render_internal.h"

enum {
    HEADER_X = 24,   /* the pictures' left margin */
    NAME_SIZE = 26,
    DESC_SIZE = 13
};

void smb__svg_open(smb_buf *b, bool standalone, int width, int height, int font_size,
                   const char *kind, const char *name, const char *description)
{
    if (standalone)
        smb__buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    smb__buf_puts(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" ");
    if (standalone)
        smb__buf_printf(b, "width=\"%d\" height=\"%d\" ", width, height);
    smb__buf_printf(b,
                    "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"smb-title\" "
                    "font-family=\"Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', "
                    "sans-serif\" font-size=\"%d\">\n<title id=\"smb-title\">",
                    width, height, font_size);
    if (*name) {
        smb__render_put_xml_words(b, name, strlen(name));
        smb__buf_puts(b, " \xE2\x80\x94 ");
    }
    smb__buf_printf(b, "%s</title>\n", kind);
    if (*description) {
        smb__buf_puts(b, "<desc>");
        smb__render_put_xml_words(b, description, strlen(description));
        smb__buf_puts(b, "</desc>\n");
    }
}

/* One header line of at most `width`, ending with an ellipsis if cut. */
static void put_header_line(smb_buf *b, const char *text, size_t width)
{
    smb_wrap w;
    smb__wrap_init(&w, text);
    smb__wrap_put_line(b, &w, width, true);
}

void smb__svg_header(smb_buf *b, const char *label, const char *fallback, const char *name,
                     const char *description, size_t name_width, size_t desc_width)
{
    int name_y = 56;
    if (*name) {
        smb__buf_printf(b,
                        "<text x=\"%d\" y=\"24\" font-size=\"11\" letter-spacing=\"1\" "
                        "fill=\"#6b7280\">%s</text>\n",
                        HEADER_X, label);
    } else {
        name = fallback;
        name_y = description[0] ? 46 : 56;
    }
    smb__buf_printf(b,
                    "<text class=\"name\" x=\"%d\" y=\"%d\" font-size=\"%d\" "
                    "font-weight=\"bold\" fill=\"#111827\">",
                    HEADER_X, name_y, NAME_SIZE);
    put_header_line(b, name, name_width);
    smb__buf_puts(b, "</text>\n");
    if (description[0]) {
        smb__buf_printf(b,
                        "<text class=\"description\" x=\"%d\" y=\"%d\" font-size=\"%d\" "
                        "fill=\"#374151\">",
                        HEADER_X, name_y + 22, DESC_SIZE);
        put_header_line(b, description, desc_width);
        smb__buf_puts(b, "</text>\n");
    }
}

/* The rules every page needs: the body, the header and the figure that
 * holds the inline picture. */
static const char base_style[] =
    "body{font-family:Helvetica,Arial,'Liberation Sans',sans-serif;color:#111827;"
    "background:#ffffff;line-height:1.45;max-width:1400px;margin:2rem auto;padding:0 1rem}\n"
    "header .kind{color:#6b7280;text-transform:uppercase;letter-spacing:.08em;"
    "font-size:.8rem;margin:0}\n"
    "h1{margin:.2rem 0 .5rem}\n"
    "figure{margin:1.5rem 0}\n"
    "figure svg{display:block;width:100%;height:auto}\n"
    "figcaption{color:#6b7280;font-size:.9rem}\n";

const char smb__html_table_style[] =
    "table{border-collapse:collapse;margin:1rem 0 2rem}\n"
    "th,td{border-bottom:1px solid #e5e7eb;padding:.35rem .7rem;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f9fafb}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}\n";

void smb__html_open(smb_buf *b, const char *kind, const char *name, const char *description,
                    const char *style, void (*put_style)(smb_buf *b))
{
    bool named = name && *name;
    smb__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>");
    if (named) {
        smb__render_put_xml_text(b, name);
        smb__buf_puts(b, " \xE2\x80\x94 ");
    }
    smb__buf_printf(b, "%s</title>\n<style>\n", kind);
    smb__buf_puts(b, base_style);
    smb__buf_puts(b, style);
    if (put_style)
        put_style(b);
    smb__buf_puts(b, "</style>\n</head>\n<body>\n<header>\n");
    if (named) {
        smb__buf_printf(b, "<p class=\"kind\">%s</p>\n<h1>", kind);
        smb__render_put_xml_text(b, name);
    } else {
        smb__buf_printf(b, "<h1>%s", kind);
    }
    smb__buf_puts(b, "</h1>\n");
    if (description && *description) {
        smb__buf_puts(b, "<p class=\"description\">");
        smb__render_put_xml_text(b, description);
        smb__buf_puts(b, "</p>\n");
    }
    smb__buf_puts(b, "</header>\n");
}
