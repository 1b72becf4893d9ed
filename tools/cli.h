/* SPDX-License-Identifier: MIT */
/*
 * Shared declarations of the smbstrat command-line tool. The tool only
 * formats what the library computes: every number, finding and change it
 * prints comes from the public API.
 */
#ifndef SMBSTRAT_CLI_H
#define SMBSTRAT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <smbstrat/smbstrat.h>

#if defined(__GNUC__)
#define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLI_PRINTF(fmt, args)
#endif

/* Exit statuses that scripts rely on (documented in docs/smbstrat.1). */
enum {
    CLI_EXIT_OK = 0,       /* success, nothing to report */
    CLI_EXIT_FINDINGS = 1, /* --strict found problems, --exit-code found changes */
    CLI_EXIT_USAGE = 2,    /* bad command line */
    CLI_EXIT_INVALID = 3,  /* the input document is invalid */
    CLI_EXIT_IO = 4        /* a file could not be read or written; out of memory */
};

/* Terminal colours; only emitted when the context allows them. */
typedef enum cli_colour {
    CLI_RED,
    CLI_GREEN,
    CLI_YELLOW,
    CLI_CYAN,
    CLI_BOLD,
    CLI_BOLD_RED,
    CLI_PLAIN /* no colour */
} cli_colour;

/* What every command needs to know about where it writes. */
typedef struct cli_ctx {
    int colour;     /* non-zero: stdout is a terminal and NO_COLOR is not set */
    size_t columns; /* the width tables fit in (terminal.c) */
} cli_ctx;

/* The tool: parse argv, run a command, flush standard output; returns the
 * exit status. main() only calls it, so that a fuzz target can too. */
int cli_main(int argc, char **argv);

/* ---- the terminal (terminal.c) ---------------------------------------- */
enum { CLI_DEFAULT_COLUMNS = 80, CLI_MAX_COLUMNS = 4096 };
/* Colour only on a terminal, never with NO_COLOR or TERM=dumb; columns from
 * COLUMNS, else the terminal's width, else 80. */
void cli_ctx_init(cli_ctx *ctx);

/* ---- commands (cmd_*.c); argv[0] is the command's own name ------------ */
int cmd_validate(int argc, char **argv, const cli_ctx *ctx);
int cmd_render(int argc, char **argv, const cli_ctx *ctx);
int cmd_diff(int argc, char **argv, const cli_ctx *ctx);
int cmd_new(int argc, char **argv, const cli_ctx *ctx);
int cmd_score(int argc, char **argv, const cli_ctx *ctx);
int cmd_plan(int argc, char **argv, const cli_ctx *ctx);
int cmd_report(int argc, char **argv, const cli_ctx *ctx);
int cmd_simulate(int argc, char **argv, const cli_ctx *ctx);

/* ---- command-line parsing (args.c) ------------------------------------ */
typedef struct cli_option {
    const char *long_name; /* without the leading "--" */
    char short_name;       /* 0 when the option has no short form */
    int takes_value;
    int id;                /* returned by cli_next() */
} cli_option;

typedef struct cli_parser {
    int argc;
    char **argv;
    int index;         /* next argument to look at */
    int only_operands; /* set after "--" */
    const char *command; /* named in error messages */
} cli_parser;

enum {
    CLI_ARG_END = 0,     /* no arguments left */
    CLI_ARG_OPTION = 1,  /* *id and, for options with a value, *value are set */
    CLI_ARG_OPERAND = 2, /* *value is the operand */
    CLI_ARG_ERROR = -1   /* a usage message was printed to stderr */
};

/* Start parsing argv[1..argc) of a command called `command`. */
void cli_parser_init(cli_parser *p, int argc, char **argv, const char *command);
/* Step through options (long --name, --name=value, --name value; short -x,
 * -x value, -xvalue) and operands, in any order. */
int cli_next(cli_parser *p, const cli_option *options, int *id, const char **value);
/* The candidate `word` was probably meant to be: the closest by edit
 * distance, when it is close enough to be a typo; NULL when none is
 * (suggest.c). */
const char *cli_suggest(const char *word, const char *const *candidates, size_t count);

/* ---- diagnostics and output (output.c) -------------------------------- */
/* "smbstrat: ..." on one line of stderr. */
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
/* A usage error: the message, then a hint to the command's --help; returns
 * CLI_EXIT_USAGE. `command` may be NULL for the tool itself. */
int cli_usage_error(const char *command, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Report the library's last failure of a call that returned `status` and
 * map it to an exit status (3 for invalid input, 4 for I/O and memory). */
int cli_library_error(smb_status status);
/* Exit status for a failed library call, without printing. */
int cli_exit_for(smb_status status);
/* The escape sequence that starts `colour` ("" for CLI_PLAIN), and the one
 * that ends any colour. */
const char *cli_colour_code(cli_colour colour);
#define CLI_COLOUR_RESET "\033[0m"
/* Print `text` in `colour` when allowed. */
void cli_put_coloured(FILE *out, const cli_ctx *ctx, cli_colour colour, const char *text);
/* Print text from a document on one line: control characters (C0, DEL and
 * C1), which could move the cursor or recolour a terminal, become spaces. */
void cli_put_text(FILE *out, const char *text);
/* The same for the first `bytes` bytes of `text`, which end between two
 * characters. */
void cli_put_span(FILE *out, const char *text, size_t bytes);
/* The colour of a force band: green low, yellow moderate, red high, cyan
 * for a force without a score. */
cli_colour cli_band_colour(smb_force_band band);
/* A band's key, or "unrated" for a force without a score. */
const char *cli_band_label(smb_force_band band);
/* A score, intensity or share for people: two decimals, halves rounded
 * away from zero as the library's renderers do (0.125 -> "0.13"), so that
 * the tool and a rendered report show the same figures. Returns buf. */
enum { CLI_NUMBER_BUF = 48 };
const char *cli_fixed(char buf[CLI_NUMBER_BUF], double value);
/* A rating or weight: as cli_fixed(), trailing zeros dropped ("4.5", "1",
 * "0.13", "1000000"). Returns buf. */
const char *cli_number(char buf[CLI_NUMBER_BUF], double value);
/* The colour of a risk-matrix band: green low, yellow medium, red high,
 * bold red critical. */
cli_colour cli_risk_colour(smb_risk_band band);
/* A money amount for people: thousands grouped with ',', two decimals only
 * when there are cents ("22,500", "1,234.50"), as the rendered reports
 * write amounts. Returns buf. */
const char *cli_amount(char buf[CLI_NUMBER_BUF], double value);
/* Write `length` bytes to `path` atomically (temporary file and rename);
 * prints the error and returns CLI_EXIT_IO on failure, else CLI_EXIT_OK. */
int cli_write_file(const char *path, const char *data, size_t length);
/* The two halves of an atomic write: a new temporary file beside `path`
 * (its name in *tmp; -1 and the error printed on failure), then, when
 * `keep`, flushed to disk and renamed over `path`, else removed. Returns
 * CLI_EXIT_OK or, with the error printed, CLI_EXIT_IO; frees tmp. */
int cli_open_beside(const char *path, char **tmp);
int cli_commit_beside(int fd, char *tmp, const char *path, int keep);
/* A report's -o: standard output goes to a temporary file beside `path`
 * from cli_redirect_begin() (nothing happens for NULL or "-") until
 * cli_redirect_end(), which keeps the file when the report is complete
 * (`rc` is 0 or 1) and returns the command's final status (redirect.c).
 * Meanwhile *ctx points at a context for a file: no colour, COLUMNS or 80
 * columns. */
typedef struct cli_redirect {
    const char *path;
    char *tmp;
    int fd, saved_stdout;
    cli_ctx file_ctx;
} cli_redirect;
int cli_redirect_begin(cli_redirect *r, const char *path, const cli_ctx **ctx);
int cli_redirect_end(cli_redirect *r, int rc);
/* The context of a report written to a file: no colour; COLUMNS or 80. */
void cli_ctx_for_file(cli_ctx *ctx);
/* Write `length` bytes to stdout; CLI_EXIT_IO on failure. */
int cli_write_stdout(const char *data, size_t length);
/* Whether "-" or NULL (both mean standard output). */
int cli_is_stdout(const char *path);

/* ---- tables fitted to the terminal (table.c) --------------------------- */
/* What a column may give up when the table is wider than ctx->columns. */
typedef enum cli_fit {
    CLI_FIT_KEEP,  /* nothing: keys, numbers, bands */
    CLI_FIT_ELIDE, /* its end, replaced by "…" */
    CLI_FIT_WRAP   /* its width: the text wraps onto more lines */
} cli_fit;

typedef struct cli_column {
    const char *heading; /* a heading with '-' or ' ' may break onto two lines */
    int right;           /* right-aligned (numbers) */
    cli_fit fit;
    int below;           /* in a narrow terminal, shown on a line under the row */
} cli_column;

typedef struct cli_cell {
    const char *text; /* from the document or a scratch buffer; NULL is "" */
    cli_colour colour;
} cli_cell;

enum { CLI_TABLE_MAX_COLUMNS = 12, CLI_CELL_BUF = 320 };

/* A table: its columns and a function that fills the cells of one row. The
 * fill function may format numbers into scratch[column]; it is called
 * twice per row (to measure, then to print). */
typedef struct cli_table {
    const cli_column *columns;
    size_t column_count; /* at most CLI_TABLE_MAX_COLUMNS */
    size_t row_count;
    void (*fill)(const void *data, size_t row, cli_cell *cells,
                 char (*scratch)[CLI_CELL_BUF]);
    const void *data;
} cli_table;

/* Print the heading and the rows on `out`, as wide as ctx->columns allows:
 * the table as it is when it fits; else with headings on two lines, long
 * cells elided and text wrapped; else with the `below` columns under each
 * row; else each row as "HEADING value" pairs. Widths count characters,
 * not bytes, and a cut never splits one; control characters in cells print
 * as spaces, as cli_put_text() prints them. */
void cli_table_print(FILE *out, const cli_table *table, const cli_ctx *ctx);

/* Print one line of prose on `out`, formatted as printf() does, wrapped at
 * spaces to ctx->columns, control characters as spaces; at most
 * CLI_PARAGRAPH_BUF bytes of it. */
enum { CLI_PARAGRAPH_BUF = 4096 };
void cli_paragraph(FILE *out, const cli_ctx *ctx, const char *fmt, ...) CLI_PRINTF(3, 4);

/* ---- templates (generated by embed_templates.c) ------------------------ */
/* A complete document for a kind of business, from examples/templates,
 * embedded at build time. */
typedef struct cli_template {
    const char *name;          /* "bakery", as given to new --template */
    const char *summary;       /* one line for new --list */
    const unsigned char *text; /* the document, in the saved layout */
    size_t length;
} cli_template;

extern const cli_template cli_templates[];
extern const size_t cli_template_count;

/* ---- documents (load.c) ----------------------------------------------- */
/* Load `path`; on failure print the one-line error and return 3 or 4. */
int cli_load(const char *path, smb_document **out);
/* The document's canvas, or a new empty canvas in *owned when the document
 * has none (so that diffs treat "no canvas" as "nothing yet"). */
int cli_canvas_or_empty(const smb_document *doc, const smb_canvas **canvas,
                        smb_canvas **owned);
/* The same for the forces: a new assessment (the catalogue, unrated) in
 * *owned when the document has no forces section. */
int cli_forces_or_empty(const smb_document *doc, const smb_forces **forces,
                        smb_forces **owned);

/* ---- report formats (report.c) ---------------------------------------- */
/* Reports (validate, diff) come as a text table or as JSON. */
typedef enum cli_report_format {
    CLI_REPORT_TEXT,
    CLI_REPORT_JSON
} cli_report_format;

/* Parse "text" or "json"; prints a usage error and returns CLI_EXIT_USAGE
 * for anything else. */
int cli_report_format_parse(const char *command, const char *value, cli_report_format *out);

struct json_t;
/* Print a jansson value to stdout, indented, with a trailing newline, and
 * release it. A NULL value means building it ran out of memory. Reals are
 * written with 15 significant digits (docs/cli-json.md). */
int cli_print_json(struct json_t *json);
/* A JSON real, or null when `defined` is 0. */
struct json_t *cli_json_real(int defined, double value);
/* A band's key as a JSON string, or null for a force without a score. */
struct json_t *cli_json_band(smb_force_band band);
/* Set obj[key] = value, stealing the value; on failure (a NULL value
 * included) release obj and return NULL, else return obj. Lets JSON be
 * built in one expression per member without leaking on the way out. */
struct json_t *cli_json_set(struct json_t *obj, const char *key, struct json_t *value);
/* Append `value` to `array`, stealing it; returns 0, or -1 on failure. */
int cli_json_append(struct json_t *array, struct json_t *value);

/* ---- resilience and scenarios in smbstrat score (scenarios*.c) -------- */
/* What the library computed from a document's resilience, scenarios,
 * forces and canvas. Pointers into the document are borrowed; results are
 * owned. */
typedef struct cli_scenarios_report {
    const smb_resilience *resilience; /* NULL without a resilience section */
    const smb_scenarios *scenarios;   /* NULL without a scenarios section */
    const smb_forces *forces;         /* NULL without a forces section */
    const smb_canvas *canvas;         /* NULL without a canvas */
    smb_scenario_scores *scores;      /* NULL without scenarios */
    smb_canvas_heat *heat;            /* NULL without scenarios */
    smb_stress **stress;              /* the scenarios with shifts, when there are forces */
    size_t stress_count;
} cli_scenarios_report;

/* Compute everything for `doc`; on failure print the library's error,
 * release what was built and return its exit status. */
int cli_scenarios_report_init(cli_scenarios_report *r, const smb_document *doc);
void cli_scenarios_report_free(cli_scenarios_report *r);
/* Text sections: the resilience profile, the ranked threats and
 * opportunities with their totals, the stress tests and the heat on the
 * canvas; each only when its inputs are in the document. */
void cli_resilience_text(const smb_resilience *resilience, const cli_ctx *ctx);
void cli_scenarios_text(const cli_scenarios_report *r, const cli_ctx *ctx);
/* Set obj's members "resilience", "scenarios", "totals", "stress" and
 * "block_heat" (docs/cli-json.md); releases obj and returns NULL on
 * failure. */
struct json_t *cli_scenarios_json(struct json_t *obj, const cli_scenarios_report *r);

/* ---- forces in a diff (diff_forces.c) --------------------------------- */
/* Whether the comparison shows any difference: a driver that differs, or
 * a force whose weight changed. */
int cli_forces_differ(const smb_forces_comparison *cmp);
/* Lines for the drivers and forces that changed, then the overall
 * attractiveness, in the style of the canvas diff; nothing when there is
 * no difference. */
void cli_forces_diff_text(const smb_forces_comparison *cmp, const smb_forces *before,
                          const smb_forces *after, const cli_ctx *ctx);
/* A line for each force whose score, band or weight moved, then the
 * attractiveness and pressure before and after ("~ attractiveness 0.51 ->
 * 0.47 (-0.04), pressure ..."), each line after `indent`; the part of the
 * diff that stress tests share. */
void cli_forces_scores_text(const smb_forces_comparison *cmp, const smb_forces *before,
                            const smb_forces *after, const char *indent, const cli_ctx *ctx);
/* The diff's object for one force: changed, score_before, score_after,
 * score_delta, intensity_delta, band_before, band_after, weight_before,
 * weight_after. */
struct json_t *cli_force_delta_json(const smb_force_delta *f);
/* Set obj["pressure"] and obj["attractiveness"], each {before, after,
 * delta} (null where undefined); releases obj and returns NULL on failure. */
struct json_t *cli_forces_overall_json(struct json_t *obj, const smb_forces_comparison *cmp,
                                       const smb_forces *before, const smb_forces *after);
/* ", N drivers changed, N added, ..." for the diff's summary line: each
 * non-zero count, each preceded by *sep, which becomes ", ". */
void cli_forces_diff_summary(const smb_forces_comparison *cmp, const char **sep);
/* The "forces" member of the diff's JSON report. */
struct json_t *cli_forces_diff_json(const smb_forces_comparison *cmp, const smb_forces *before,
                                    const smb_forces *after);

#endif /* SMBSTRAT_CLI_H */
