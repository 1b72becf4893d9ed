/* SPDX-License-Identifier: MIT */
/* The simulation behind smbstrat report: its options and the run. The
 * numbers are parsed here with the limits smbstrat simulate uses; whether
 * a correlation is in range is the library's to say. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_sim.h"

#define STRINGIFY(x) #x
#define AS_TEXT(x) STRINGIFY(x)

void report_sim_defaults(report_sim_options *o)
{
    memset(o, 0, sizeof *o);
    o->enabled = 1;
    o->trials = 100000;
}

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

int report_sim_option(report_sim_options *o, const char *name, const char *value)
{
    unsigned long long n;

    if (strcmp(name, "trials") == 0) {
        if (parse_whole(value, SMB_SIM_MAX_TRIALS, &o->trials) != 0 || o->trials == 0)
            return cli_usage_error("report",
                                   "invalid --trials '%s' (use a whole number from 1 to 10^12)",
                                   value);
        o->trials_text = value;
    } else if (strcmp(name, "seed") == 0) {
        /* Up to 2^63 - 1, as smbstrat simulate takes it. */
        if (parse_whole(value, INT64_MAX, &o->seed) != 0)
            return cli_usage_error("report",
                                   "invalid --seed '%s' (use a whole number from 0 to 2^63-1)",
                                   value);
        o->seed_text = value;
    } else if (strcmp(name, "threads") == 0) {
        if (parse_whole(value, SMB_SIM_MAX_THREADS, &n) != 0)
            return cli_usage_error("report",
                                   "invalid --threads '%s' (use a whole number from 0 to "
                                   AS_TEXT(SMB_SIM_MAX_THREADS) ")", value);
        o->threads = (unsigned)n;
        o->threads_text = value;
    } else {
        char *end = NULL;
        o->rho = strtod(value, &end);
        if (end == value || *end != '\0' || !isfinite(o->rho))
            return cli_usage_error("report", "invalid --rho '%s' (use a number)", value);
        o->rho_text = value;
    }
    return CLI_EXIT_OK;
}

int report_simulate(const smb_document *doc, const report_sim_options *o, smb_sim_result **out)
{
    const smb_scenarios *scenarios = smb_document_scenarios_const(doc);
    smb_sim_config *config = NULL;
    smb_sim_model *model = NULL;
    smb_status st;
    int rc = CLI_EXIT_OK;

    *out = NULL;
    /* Nothing to simulate is no failure: the report says so. */
    if (!o->enabled || !scenarios || smb_scenarios_count(scenarios) == 0)
        return CLI_EXIT_OK;
    st = smb_sim_config_new(&config);
    if (st == SMB_OK)
        st = smb_sim_config_set_seed(config, o->seed);
    if (st == SMB_OK && o->rho_text) {
        st = smb_sim_config_set_rho(config, o->rho);
        if (st == SMB_ERANGE) {
            rc = cli_usage_error("report", "--rho %s: %s", o->rho_text, smb_last_error());
            st = SMB_OK;
        }
    }
    if (st == SMB_OK && rc == CLI_EXIT_OK)
        st = smb_sim_model_new(scenarios, smb_document_resilience_const(doc), NULL, NULL, 0,
                               config, &model);
    if (st == SMB_OK && rc == CLI_EXIT_OK)
        st = smb_simulate(model, o->trials, o->threads, NULL, NULL, out);
    if (st != SMB_OK)
        rc = cli_library_error(st);
    smb_sim_model_free(model);
    smb_sim_config_free(config);
    return rc;
}
