/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the shareable report (smb_report_render): the
 * figures computed once from the document, a writer that gives one text
 * both an HTML and a Markdown form, the sentences that say what the
 * figures mean, and one writer per section. Sections write through the
 * writer only, so that the two formats always hold the same content.
 */
#ifndef SMB_REPORT_INTERNAL_H
#define SMB_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "render_internal.h"

/* ---- the figures (report.c) ------------------------------------------- */
/* Everything the sections show, computed once by smb_report_render so
 * that a sentence and the table under it never disagree. Sections of the
 * document are borrowed and NULL when absent; results are owned. */
typedef struct smb_report_facts {
    const smb_canvas *canvas;
    const smb_forces *forces;
    const smb_resilience *resilience;
    const smb_scenarios *scenarios;
    const smb_responses *responses;
    const smb_sim_result *simulation;
    /* The business named in the report: the canvas's name and
     * description, else the forces'; NULL when neither has one. */
    const char *name, *description;

    smb_findings *findings;          /* with a canvas */
    smb_forces_result *forces_result; /* with forces */
    smb_forces_view forces_view;      /* with forces */
    smb_scenario_scores *scores;      /* with scenarios */
    smb_canvas_heat *heat;            /* with scenarios */
    /* With responses: ranked by TOPSIS, and the portfolio within the
     * document's budget when it sets one, with its residual threat by
     * threat. Responses without scenarios are ranked against an empty set
     * (each then removes nothing), as smbstrat plan does. */
    smb_scenarios *no_scenarios;
    smb_response_ranking *ranking;
    bool has_budget;
    double budget;
    smb_portfolio *portfolio;
    smb_residual *residual;
} smb_report_facts;

/* ---- one text, two formats (report_writer.c) --------------------------- */
/* A column of a report table: its heading (library text) and whether it
 * holds numbers, which are right-aligned. */
typedef struct smb_rw_column {
    const char *title;
    bool numeric;
} smb_rw_column;

/* Writes the report's structure as HTML or as GitHub-flavoured Markdown
 * into a sticky-failure buffer. Library text and numbers are written as
 * they are (HTML escapes them all the same); text from the document goes
 * through smb__rw_user, which escapes it for the format. */
typedef struct smb_rw {
    smb_buf *b;
    bool html;
    bool at_start;        /* Markdown: the next text opens a block */
    unsigned figures;     /* pictures so far, to number their title ids */
    const smb_rw_column *columns; /* the open table's columns */
    size_t column_count, column;
} smb_rw;

void smb__rw_init(smb_rw *w, smb_buf *b, bool html);

/* Blocks. A section is an h2 with an anchor; a subsection an h3. */
void smb__rw_section(smb_rw *w, const char *anchor, const char *title);
void smb__rw_section_end(smb_rw *w);
void smb__rw_subheading(smb_rw *w, const char *title);
void smb__rw_para(smb_rw *w);
void smb__rw_para_end(smb_rw *w);
/* A paragraph of library text set apart (in italics): what a section
 * lacks, or why a picture is missing. */
void smb__rw_note(smb_rw *w, const char *text);
void smb__rw_list(smb_rw *w);
void smb__rw_item(smb_rw *w);
void smb__rw_item_end(smb_rw *w);
void smb__rw_list_end(smb_rw *w);

/* Inline text. */
void smb__rw_text(smb_rw *w, const char *text);
void smb__rw_printf(smb_rw *w, const char *fmt, ...) SMB_PRINTF(2, 3);
void smb__rw_user(smb_rw *w, const char *text);
/* Text from the document between single quotation marks. */
void smb__rw_quoted(smb_rw *w, const char *text);
void smb__rw_strong(smb_rw *w, const char *text);
/* An id or key ([A-Za-z0-9_.-]) as code. */
void smb__rw_code(smb_rw *w, const char *id);

/* Tables: cells fill rows left to right; a row ends after its last
 * column's cell. */
void smb__rw_table(smb_rw *w, const smb_rw_column *columns, size_t count);
void smb__rw_cell(smb_rw *w);
void smb__rw_cell_end(smb_rw *w);
/* A whole cell of library text or a number. */
void smb__rw_cell_text(smb_rw *w, const char *text);
void smb__rw_table_end(smb_rw *w);

/* A picture: `draw` writes an inline <svg> (smb__svg_open with
 * standalone false) for `model`. HTML holds it in a figure with the
 * caption (library text); its title id is numbered so that the page's
 * ids stay unique. Markdown says the picture is in the HTML report.
 * `chart` marks a small picture that should not grow to the page's
 * width; the others are wide ones, which scroll sideways on a phone. */
typedef void (*smb_rw_draw)(const void *model, smb_buf *b);
void smb__rw_figure(smb_rw *w, smb_rw_draw draw, const void *model, const char *caption,
                    bool chart);

/* ---- numbers in sentences (report_text.c) ------------------------------ */
enum { SMB_REPORT_WORD_BUF = 48 };
/* A count for the start of a sentence: "One" to "Ten", else digits. */
char *smb__report_count(char dst[SMB_REPORT_WORD_BUF], size_t n);
/* A share from 0 to 1 as a whole percentage, "31 %" (no-break space);
 * "under 1 %" for a positive share that rounds to 0. */
char *smb__report_percent(char dst[SMB_AMOUNT_BUF], double share);
/* part / whole, 0 when whole is not positive. */
double smb__report_share(double part, double whole);
/* A fraction as a percentage to two decimals at most, "95 %", "0.5 %":
 * tail levels and the sketch's accuracy. */
char *smb__report_level(char dst[SMB_AMOUNT_BUF], double fraction);
/* A simulated total in its measure: an amount for money, else two
 * decimals. */
char *smb__report_sim_value(char dst[SMB_AMOUNT_BUF], const smb_sim_result *r, double value);

/* ---- what the figures mean (report_text.c) ----------------------------- */
/* One sentence each, written through the writer (user text escaped), with
 * the wording rules of docs/report.md. A fact applies when its inputs
 * are in the document; its sentence is only written then. */
typedef struct smb_report_fact {
    bool (*applies)(const smb_report_facts *f);
    void (*say)(smb_rw *w, const smb_report_facts *f);
} smb_report_fact;

extern const smb_report_fact smb__fact_canvas_findings;
extern const smb_report_fact smb__fact_canvas_evidence;
extern const smb_report_fact smb__fact_canvas_margin;
extern const smb_report_fact smb__fact_dominant_force;
extern const smb_report_fact smb__fact_attractiveness;
extern const smb_report_fact smb__fact_forces_unscored;
extern const smb_report_fact smb__fact_resilience;
extern const smb_report_fact smb__fact_threats;
extern const smb_report_fact smb__fact_no_threats;
extern const smb_report_fact smb__fact_opportunities;
extern const smb_report_fact smb__fact_money;
extern const smb_report_fact smb__fact_heat;
extern const smb_report_fact smb__fact_no_heat;
extern const smb_report_fact smb__fact_tail;
extern const smb_report_fact smb__fact_tail_driver;
extern const smb_report_fact smb__fact_plan;
extern const smb_report_fact smb__fact_no_budget;
extern const smb_report_fact smb__fact_top_response;

/* The summary's candidates, most important first: it shows the first
 * SMB_REPORT_SUMMARY_MAX that apply. */
enum { SMB_REPORT_SUMMARY_MAX = 5 };
extern const smb_report_fact *const smb__summary_facts[];
extern const size_t smb__summary_fact_count;

/* Write the fact's sentence as a paragraph when it applies. */
void smb__report_say(smb_rw *w, const smb_report_facts *f, const smb_report_fact *fact);

/* The simulation section's other sentences (not summary material): what
 * the figures rest on, the mean and spread of the loss total, how often
 * it exceeds the threshold (only when one was set), and whether its tail
 * figures are exact. */
void smb__report_say_sim_basis(smb_rw *w, const smb_sim_result *r);
void smb__report_say_sim_mean(smb_rw *w, const smb_sim_result *r);
void smb__report_say_sim_threshold(smb_rw *w, const smb_sim_result *r);
void smb__report_say_sim_accuracy(smb_rw *w, const smb_sim_result *r);

/* ---- sections (report_*.c) --------------------------------------------- */
/* Each writes the body of its section, under the heading report.c opens. */
void smb__report_summary(smb_rw *w, const smb_report_facts *f);
void smb__report_canvas(smb_rw *w, const smb_report_facts *f);
void smb__report_forces(smb_rw *w, const smb_report_facts *f);
void smb__report_resilience(smb_rw *w, const smb_report_facts *f);
void smb__report_scenarios(smb_rw *w, const smb_report_facts *f);
void smb__report_heat(smb_rw *w, const smb_report_facts *f);
void smb__report_simulation(smb_rw *w, const smb_report_facts *f);
void smb__report_responses(smb_rw *w, const smb_report_facts *f);

/* The page around the sections (report_page.c): the HTML head, style
 * sheet and header, or the Markdown title; the table of contents; the
 * end of the page. */
typedef struct smb_report_section {
    const char *anchor; /* also GitHub's slug of the title */
    const char *title;
    void (*write)(smb_rw *w, const smb_report_facts *f);
} smb_report_section;

void smb__report_open(smb_rw *w, const smb_report_facts *f,
                      const smb_report_section *sections, size_t count);
void smb__report_close(smb_rw *w);

/* ---- bar charts and histograms (render_bars_svg.c) --------------------- */
/* A horizontal bar chart: one labelled bar per row, on an axis from 0
 * that reaches `max` (the largest value to show) in at most five round
 * steps. Labels and value texts are library text (escaped all the same). */
typedef struct smb_bar {
    const char *label;
    double value;
    const char *value_text;
    const char *fill;
} smb_bar;

typedef struct smb_bar_chart {
    const char *kind; /* the picture's accessible title */
    const char *axis; /* what the axis measures */
    double max;
    const smb_bar *bars;
    size_t count;
} smb_bar_chart;

void smb__render_bars_svg(const smb_bar_chart *chart, smb_buf *b);

/* A histogram of `count` values (at least one) in SMB_HISTOGRAM_BINS
 * equal bins from the smallest to the largest, with two marked values
 * (value-at-risk and expected shortfall) drawn as labelled lines; bins
 * from the first marked value on are shaded as the tail. */
enum { SMB_HISTOGRAM_BINS = 40 };
typedef struct smb_histogram {
    const char *kind;
    const char *axis;
    const double *values;
    size_t count;
    bool money; /* axis labels as amounts */
    double var, es;
    const char *var_label, *es_label;
} smb_histogram;

void smb__render_histogram_svg(const smb_histogram *h, smb_buf *b);

#endif /* SMB_REPORT_INTERNAL_H */
