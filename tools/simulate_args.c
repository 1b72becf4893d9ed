/* SPDX-License-Identifier: MIT */
/* The command line of smbstrat simulate. Numbers are parsed here; whether
 * a correlation, level or percentile is in range is the library's to say
 * (cmd_simulate.c reports its refusal as a usage error). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

/* The limits, spelled out in the help. */
#define STRINGIFY(x) #x
#define AS_TEXT(x) STRINGIFY(x)

static const char simulate_help[] =
    "Usage: smbstrat simulate FILE [--trials N] [--seed S] [--threads T]\n"
    "                              [--rho R] [--source-rho SOURCE=R]...\n"
    "                              [--measure severity|money] [--level A]\n"
    "                              [--percentiles P,P,...] [--threshold X]\n"
    "                              [--fail-above P] [--responses ID,ID | --plan]\n"
    "                              [--no-totals] [--format text|json] [-o FILE]\n"
    "\n"
    "Simulate how the disruption scenarios of FILE land together: in each\n"
    "trial every scenario occurs or not (with its likelihood drawn from its\n"
    "estimate) and the threats that occur add their drawn impact times the\n"
    "business's vulnerability to the loss; opportunities add to the upside,\n"
    "reported apart. Prints the mean, spread, percentiles, value-at-risk and\n"
    "expected shortfall of the loss and the upside, the threats that weigh\n"
    "most in the worst trials, the inputs the loss is most sensitive to and\n"
    "a tornado of the expected loss. The same seed gives the same figures,\n"
    "whatever the number of threads.\n"
    "\n"
    "Options:\n"
    "      --trials N          trials to run, 1 to 10^12 (default 100000)\n"
    "  -s, --seed S            seed of the random numbers, 0 to 2^63-1 (default 0)\n"
    "      --threads T         worker threads, 0 (one per processor, the\n"
    "                          default) to " AS_TEXT(SMB_SIM_MAX_THREADS) "\n"
    "      --rho R             correlation of the scenarios' occurrences through\n"
    "                          one common factor, 0 (independent, the default)\n"
    "                          to below 1\n"
    "      --source-rho SOURCE=R\n"
    "                          the correlation of one source's scenarios\n"
    "                          (e.g. economic=0.6); may be repeated\n"
    "      --measure MEASURE   severity (impact 1-5 times vulnerability, as the\n"
    "                          exposure scores; the default) or money (money\n"
    "                          impact times vulnerability)\n"
    "      --level A           tail level of value-at-risk and expected\n"
    "                          shortfall, between 0 and 1 (default 0.95)\n"
    "      --percentiles LIST  the percentiles to report, comma-separated, each\n"
    "                          0 to 100 (default 5,50,90,95,99)\n"
    "      --threshold X       report the probability that the loss exceeds X\n"
    "      --fail-above P      with --threshold: exit with status 1 when that\n"
    "                          probability is above P (0 to 1)\n"
    "      --responses LIST    apply these responses (comma-separated ids) to\n"
    "                          the threats\n"
    "      --plan              apply the portfolio 'smbstrat plan' chooses within\n"
    "                          the document's budget (settings.budget)\n"
    "      --no-totals         do not keep every trial's total: memory stays flat\n"
    "                          however many trials; percentiles, VaR and ES then\n"
    "                          come from a quantile sketch (relative error 0.5%)\n"
    "  -f, --format FORMAT     text (the default) or json (the object described\n"
    "                          in docs/cli-json.md)\n"
    "  -o, --output FILE       write the report to FILE instead of standard output\n"
    "  -q, --quiet             no progress bar (there is one on standard error\n"
    "                          only when it is a terminal)\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status: 0 simulated, 1 the exceedance probability is above\n"
    "--fail-above, 2 bad command line, 3 invalid document or no scenarios in\n"
    "it, 4 a file cannot be read or written.\n"
    "\n"
    "Examples:\n"
    "  smbstrat simulate bakery.json\n"
    "  smbstrat simulate bakery.json --trials 1000000 --rho 0.3 --measure money\n"
    "  smbstrat simulate bakery.json --plan --threshold 40000 --fail-above 0.05\n"
    "  smbstrat simulate -f json bakery.json | jq '.es'\n";

enum {
    OPT_HELP,
    OPT_TRIALS,
    OPT_SEED,
    OPT_THREADS,
    OPT_RHO,
    OPT_SOURCE_RHO,
    OPT_MEASURE,
    OPT_LEVEL,
    OPT_PERCENTILES,
    OPT_THRESHOLD,
    OPT_FAIL_ABOVE,
    OPT_RESPONSES,
    OPT_PLAN,
    OPT_NO_TOTALS,
    OPT_FORMAT,
    OPT_OUTPUT,
    OPT_QUIET
};

static const cli_option simulate_options[] = {
    {"help", 'h', 0, OPT_HELP},
    {"trials", 0, 1, OPT_TRIALS},
    {"seed", 's', 1, OPT_SEED},
    {"threads", 0, 1, OPT_THREADS},
    {"rho", 0, 1, OPT_RHO},
    {"source-rho", 0, 1, OPT_SOURCE_RHO},
    {"measure", 0, 1, OPT_MEASURE},
    {"level", 0, 1, OPT_LEVEL},
    {"percentiles", 0, 1, OPT_PERCENTILES},
    {"threshold", 0, 1, OPT_THRESHOLD},
    {"fail-above", 0, 1, OPT_FAIL_ABOVE},
    {"responses", 0, 1, OPT_RESPONSES},
    {"plan", 0, 0, OPT_PLAN},
    {"no-totals", 0, 0, OPT_NO_TOTALS},
    {"format", 'f', 1, OPT_FORMAT},
    {"output", 'o', 1, OPT_OUTPUT},
    {"quiet", 'q', 0, OPT_QUIET},
    {NULL, 0, 0, 0},
};

/* A whole number from 0 to `max`, digits only (no sign, no spaces). */
static int parse_whole(const char *text, unsigned long long max, unsigned long long *out)
{
    char *end = NULL;
    unsigned long long v;

    if (text[0] < '0' || text[0] > '9')
        return -1;
    errno = 0;
    v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || v > max)
        return -1;
    *out = v;
    return 0;
}

/* A finite real number, the whole text. */
static int parse_real(const char *text, double *out)
{
    char *end = NULL;
    double v = strtod(text, &end);

    if (end == text || *end != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int real_option(const char *name, const char *text, double *out)
{
    if (parse_real(text, out) != 0)
        return cli_usage_error("simulate", "invalid --%s '%s' (use a number)", name, text);
    return CLI_EXIT_OK;
}

/* "5,50,95": at least one number, none empty. */
static int parse_percentiles(const char *text, sim_args *a)
{
    size_t n = 1, i = 0;
    const char *p;

    for (p = text; *p; p++)
        n += *p == ',';
    free(a->percentiles);
    a->percentiles = calloc(n, sizeof *a->percentiles);
    a->percentile_count = 0;
    if (!a->percentiles) {
        cli_error("out of memory");
        return CLI_EXIT_IO;
    }
    for (p = text; i < n; i++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[64];
        if (len == 0 || len >= sizeof item)
            return cli_usage_error("simulate",
                                   "invalid --percentiles '%s' (use numbers from 0 to 100, "
                                   "separated by commas)", text);
        memcpy(item, p, len);
        item[len] = '\0';
        if (parse_real(item, &a->percentiles[i]) != 0)
            return cli_usage_error("simulate", "invalid percentile '%s' in --percentiles '%s'",
                                   item, text);
        p += len + 1;
    }
    a->percentile_count = n;
    a->percentiles_text = text;
    return CLI_EXIT_OK;
}

/* SOURCE=R; a source given twice is refused. */
static int parse_source_rho(const char *text, sim_args *a)
{
    const char *eq = strchr(text, '=');
    char key[64];
    size_t len = eq ? (size_t)(eq - text) : 0;
    sim_source_rho *entry;
    smb_source source;

    if (!eq || len == 0 || len >= sizeof key)
        return cli_usage_error("simulate", "invalid --source-rho '%s' (use SOURCE=R, e.g. "
                               "economic=0.6)", text);
    memcpy(key, text, len);
    key[len] = '\0';
    if (smb_source_from_key(key, &source) != SMB_OK) {
        char known[512] = "";
        for (int s = 0; s < SMB_SOURCE_COUNT; s++) {
            if (s > 0)
                strcat(known, ", ");
            strcat(known, smb_source_key((smb_source)s));
        }
        return cli_usage_error("simulate", "unknown source '%s' in --source-rho '%s' (the "
                               "sources: %s)", key, text, known);
    }
    for (size_t i = 0; i < a->source_rho_count; i++)
        if (a->source_rho[i].source == source)
            return cli_usage_error("simulate", "--source-rho gives '%s' twice", key);
    entry = &a->source_rho[a->source_rho_count];
    if (parse_real(eq + 1, &entry->rho) != 0)
        return cli_usage_error("simulate", "invalid --source-rho '%s' (use SOURCE=R, e.g. "
                               "economic=0.6)", text);
    entry->source = source;
    entry->text = text;
    a->source_rho_count++;
    return CLI_EXIT_OK;
}

static int parse_option(int id, const char *value, sim_args *a)
{
    unsigned long long n;

    switch (id) {
    case OPT_TRIALS:
        if (parse_whole(value, SMB_SIM_MAX_TRIALS, &a->trials) != 0 || a->trials == 0)
            return cli_usage_error("simulate",
                                   "invalid --trials '%s' (use a whole number from 1 to 10^12)",
                                   value);
        return CLI_EXIT_OK;
    case OPT_SEED:
        /* Up to 2^63 - 1, so that the JSON report holds it as an integer. */
        if (parse_whole(value, INT64_MAX, &a->seed) != 0)
            return cli_usage_error("simulate",
                                   "invalid --seed '%s' (use a whole number from 0 to 2^63-1)",
                                   value);
        return CLI_EXIT_OK;
    case OPT_THREADS:
        if (parse_whole(value, SMB_SIM_MAX_THREADS, &n) != 0)
            return cli_usage_error("simulate",
                                   "invalid --threads '%s' (use a whole number from 0 to "
                                   AS_TEXT(SMB_SIM_MAX_THREADS) ")", value);
        a->threads = (unsigned)n;
        return CLI_EXIT_OK;
    case OPT_RHO:
        a->rho_text = value;
        return real_option("rho", value, &a->rho);
    case OPT_SOURCE_RHO:
        return parse_source_rho(value, a);
    case OPT_MEASURE:
        if (smb_sim_measure_from_key(value, &a->measure) != SMB_OK)
            return cli_usage_error("simulate", "unknown measure '%s' (use severity or money)",
                                   value);
        return CLI_EXIT_OK;
    case OPT_LEVEL:
        a->level_text = value;
        return real_option("level", value, &a->level);
    case OPT_PERCENTILES:
        return parse_percentiles(value, a);
    case OPT_THRESHOLD:
        a->threshold_text = value;
        return real_option("threshold", value, &a->threshold);
    case OPT_FAIL_ABOVE:
        a->fail_above_text = value;
        if (parse_real(value, &a->fail_above) != 0 || a->fail_above < 0 || a->fail_above > 1)
            return cli_usage_error("simulate",
                                   "invalid --fail-above '%s' (use a probability from 0 to 1)",
                                   value);
        return CLI_EXIT_OK;
    case OPT_RESPONSES:
        a->responses_text = value;
        return CLI_EXIT_OK;
    case OPT_PLAN:
        a->plan = 1;
        return CLI_EXIT_OK;
    case OPT_NO_TOTALS:
        a->keep_totals = 0;
        return CLI_EXIT_OK;
    case OPT_FORMAT:
        return cli_report_format_parse("simulate", value, &a->format);
    case OPT_OUTPUT:
        a->output = value;
        return CLI_EXIT_OK;
    case OPT_QUIET:
        a->quiet = 1;
        return CLI_EXIT_OK;
    default:
        break;
    }
    return CLI_EXIT_OK;
}

int sim_args_parse(int argc, char **argv, sim_args *a)
{
    cli_parser p;
    int kind, id = 0, rc;
    const char *value;

    memset(a, 0, sizeof *a);
    a->trials = 100000;
    a->measure = SMB_SIM_SEVERITY;
    a->keep_totals = 1;
    a->format = CLI_REPORT_TEXT;
    cli_parser_init(&p, argc, argv, "simulate");
    while ((kind = cli_next(&p, simulate_options, &id, &value)) != CLI_ARG_END) {
        if (kind == CLI_ARG_ERROR)
            return CLI_EXIT_USAGE;
        if (kind == CLI_ARG_OPERAND) {
            if (a->path)
                return cli_usage_error("simulate", "unexpected argument '%s'", value);
            a->path = value;
            continue;
        }
        if (id == OPT_HELP) {
            fputs(simulate_help, stdout);
            return -1;
        }
        rc = parse_option(id, value, a);
        if (rc != CLI_EXIT_OK)
            return rc;
    }
    if (!a->path)
        return cli_usage_error("simulate", "missing FILE");
    if (a->fail_above_text && !a->threshold_text)
        return cli_usage_error("simulate", "--fail-above needs --threshold");
    if (a->plan && a->responses_text)
        return cli_usage_error("simulate", "give --responses or --plan, not both");
    return CLI_EXIT_OK;
}

void sim_args_free(sim_args *a)
{
    free(a->percentiles);
    a->percentiles = NULL;
}
