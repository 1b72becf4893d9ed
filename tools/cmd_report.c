/* SPDX-License-Identifier: MIT */
/* smbstrat report: the whole document, with a simulation of its scenarios,
 * as one file to share (smb_report_render): a self-contained HTML page or
 * Markdown. The library computes and words everything; this file runs the
 * simulation the options ask for and writes the result. */
#include <stdio.h>
#include <string.h>

#include "report_sim.h"

static const char report_help[] =
    "Usage: smbstrat report FILE [-o OUT] [--format html|markdown]\n"
    "                            [--trials N] [--seed S] [--threads T] [--rho R]\n"
    "                            [--no-simulation]\n"
    "\n"
    "Write a report of FILE to share with an owner, a partner or an adviser:\n"
    "a summary of the most important facts, then the business model canvas\n"
    "and its findings, the five forces, the resilience profile, the\n"
    "disruption scenarios on the risk matrix, the canvas blocks the threats\n"
    "put most at risk, a Monte Carlo simulation of the scenarios, and the\n"
    "recommended responses with the portfolio the document's budget buys.\n"
    "Each section opens with sentences that say what its figures mean; a\n"
    "section whose inputs the document lacks says so in one line.\n"
    "\n"
    "HTML (the default) is one self-contained page: pictures and style\n"
    "inline, no script, nothing fetched from the network; it reads on a phone\n"
    "and prints cleanly. Markdown holds the same text and tables, without\n"
    "the pictures. The output goes to standard output unless -o names a\n"
    "file, which is replaced atomically.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT     write to OUT instead of standard output ('-' means\n"
    "                       standard output)\n"
    "  -f, --format FORMAT  html (the default) or markdown\n"
    "  -n, --trials N       simulated outcomes, 1 to 10^12 (default 100000)\n"
    "  -s, --seed S         seed of the random numbers, 0 to 2^63-1 (default 0)\n"
    "  -t, --threads T      worker threads, 0 (one per processor, the default)\n"
    "                       to 256; the figures do not depend on it\n"
    "      --rho R          correlation of the scenarios' occurrences through one\n"
    "                       common factor, 0 (independent, the default) to below 1\n"
    "      --no-simulation  leave the simulation out\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Exit status: 0 written, 2 bad command line, 3 invalid document, 4 a file\n"
    "cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat report bakery.json -o bakery-report.html\n"
    "  smbstrat report bakery.json --format markdown -o REPORT.md\n"
    "  smbstrat report bakery.json --trials 1000000 --rho 0.3 -o report.html\n"
    "  smbstrat report bakery.json --no-simulation > report.html\n";

enum { OPT_HELP, OPT_OUTPUT, OPT_FORMAT, OPT_TRIALS, OPT_SEED, OPT_THREADS, OPT_RHO, OPT_NO_SIM };

static const cli_option report_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"output", 'o', 1, OPT_OUTPUT},
    {"format", 'f', 1, OPT_FORMAT},
    {"trials", 'n', 1, OPT_TRIALS},
    {"seed", 's', 1, OPT_SEED},
    {"threads", 't', 1, OPT_THREADS},
    {"rho", 0, 1, OPT_RHO},
    {"no-simulation", 0, 0, OPT_NO_SIM},
    {NULL, 0, 0, 0},
};

/* The command line, parsed. */
typedef struct report_args {
    const char *path;
    const char *output;
    smb_format format;
    report_sim_options sim;
} report_args;

/* Parse argv; returns CLI_EXIT_OK, CLI_EXIT_USAGE (a message printed) or
 * -1 after printing the help. */
static int parse_args(int argc, char **argv, report_args *a)
{
    cli_parser p;
    int kind, id = 0;
    const char *value;

    memset(a, 0, sizeof *a);
    a->format = SMB_FORMAT_HTML;
    report_sim_defaults(&a->sim);
    cli_parser_init(&p, argc, argv, "report");
    while ((kind = cli_next(&p, report_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (a->path)
                return cli_usage_error("report", "unexpected argument '%s'", value);
            a->path = value;
            continue;
        }
        switch (id) {
        case OPT_HELP:
            fputs(report_help, stdout);
            return -1;
        case OPT_OUTPUT:
            a->output = value;
            break;
        case OPT_FORMAT:
            if (strcmp(value, "html") == 0)
                a->format = SMB_FORMAT_HTML;
            else if (strcmp(value, "markdown") == 0)
                a->format = SMB_FORMAT_MARKDOWN;
            else
                return cli_usage_error("report", "unknown format '%s' (use html or markdown)",
                                       value);
            break;
        case OPT_NO_SIM:
            a->sim.enabled = 0;
            break;
        default: /* --trials, --seed, --threads, --rho */
            for (const cli_option *o = report_options; o->long_name; o++)
                if (o->id == id &&
                    report_sim_option(&a->sim, o->long_name, value) != CLI_EXIT_OK)
                    return CLI_EXIT_USAGE;
            break;
        }
    }
    if (!a->path)
        return cli_usage_error("report", "missing FILE");
    if (!a->sim.enabled) {
        const char *given = a->sim.trials_text    ? "--trials"
                            : a->sim.seed_text    ? "--seed"
                            : a->sim.threads_text ? "--threads"
                            : a->sim.rho_text     ? "--rho"
                                                  : NULL;
        if (given)
            return cli_usage_error("report", "%s sets up the simulation, which "
                                   "--no-simulation leaves out", given);
    }
    return CLI_EXIT_OK;
}

int cmd_report(int argc, char **argv, const cli_ctx *ctx)
{
    report_args a;
    smb_document *doc = NULL;
    smb_sim_result *simulation = NULL;
    char *text = NULL;
    size_t length = 0;
    int rc = parse_args(argc, argv, &a);

    (void)ctx;
    if (rc < 0)
        return CLI_EXIT_OK; /* --help */
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_load(a.path, &doc);
    if (rc == CLI_EXIT_OK)
        rc = report_simulate(doc, &a.sim, &simulation);
    if (rc == CLI_EXIT_OK) {
        smb_status st = smb_report_render(doc, simulation, a.format, &text, &length);
        if (st != SMB_OK)
            rc = cli_library_error(st);
    }
    smb_sim_result_free(simulation);
    smb_document_free(doc);
    if (rc != CLI_EXIT_OK)
        return rc;
    rc = cli_is_stdout(a.output) ? cli_write_stdout(text, length)
                                 : cli_write_file(a.output, text, length);
    smb_free(text);
    return rc;
}
