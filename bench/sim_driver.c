/* SPDX-License-Identifier: MIT */
/* A small driver of the simulator for profilers (bench/callgrind_sim.sh):
 * load a document, compile its scenarios into a model, run trials
 * [0, TRIALS) and finish them, as two separate calls so that a profiler can
 * count smb_sim_run() on its own. Prints one line: trials, scenarios,
 * seconds of the run, seconds of the finish, the mean loss.
 *
 * Usage: sim_driver FILE TRIALS [THREADS] [--money] [--no-totals]
 *                   [--sensitivity N]
 * The sensitivity sample is off unless asked for, so that the figures are
 * those of the trials alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <smbstrat/smbstrat.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int fail(const char *what, smb_status status)
{
    const char *detail = smb_last_error();
    fprintf(stderr, "sim_driver: %s: %s\n", what, detail[0] ? detail : smb_strerror(status));
    return 1;
}

static int parse_count(const char *text, unsigned long long *out)
{
    char *end = NULL;
    *out = strtoull(text, &end, 10);
    return end != text && *end == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
    unsigned long long trials = 0, threads = 1, sensitivity = 0;
    int money = 0, keep = 1, positional = 0;
    const char *path = NULL;
    smb_document *doc = NULL;
    smb_sim_config *config = NULL;
    smb_sim_model *model = NULL;
    smb_sim_part *part = NULL;
    smb_sim_result *result = NULL;
    smb_status st;
    double t0, t1, t2;
    int rc = 1;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--money") == 0) {
            money = 1;
        } else if (strcmp(argv[i], "--no-totals") == 0) {
            keep = 0;
        } else if (strcmp(argv[i], "--sensitivity") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], &sensitivity) != 0)
                goto usage;
        } else if (positional == 0) {
            path = argv[i];
            positional++;
        } else if (positional == 1 && parse_count(argv[i], &trials) == 0) {
            positional++;
        } else if (positional == 2 && parse_count(argv[i], &threads) == 0) {
            positional++;
        } else {
            goto usage;
        }
    }
    if (!path || trials == 0)
        goto usage;

    st = smb_document_load_file(path, &doc);
    if (st != SMB_OK)
        return fail(path, st);
    if (!smb_document_scenarios_const(doc)) {
        fprintf(stderr, "sim_driver: %s has no scenarios\n", path);
        goto done;
    }
    if ((st = smb_sim_config_new(&config)) != SMB_OK ||
        (st = smb_sim_config_set_keep_totals(config, keep)) != SMB_OK ||
        (st = smb_sim_config_set_sensitivity_trials(config, sensitivity)) != SMB_OK ||
        (st = smb_sim_config_set_measure(config, money ? SMB_SIM_MONEY : SMB_SIM_SEVERITY)) !=
            SMB_OK) {
        rc = fail("configuration", st);
        goto done;
    }
    st = smb_sim_model_new(smb_document_scenarios_const(doc), smb_document_resilience_const(doc),
                           NULL, NULL, 0, config, &model);
    if (st != SMB_OK) {
        rc = fail("model", st);
        goto done;
    }
    t0 = now();
    st = smb_sim_run(model, 0, trials, (unsigned)threads, NULL, NULL, &part);
    if (st != SMB_OK) {
        rc = fail("run", st);
        goto done;
    }
    t1 = now();
    st = smb_sim_finish(model, part, (unsigned)threads, &result);
    if (st != SMB_OK) {
        rc = fail("finish", st);
        goto done;
    }
    t2 = now();
    printf("%llu %zu %.6f %.6f %.17g\n", trials, smb_sim_model_scenario_count(model), t1 - t0,
           t2 - t1, smb_sim_result_stats(result, SMB_SIM_LOSS)->mean);
    rc = 0;
done:
    smb_sim_result_free(result);
    smb_sim_part_free(part);
    smb_sim_model_free(model);
    smb_sim_config_free(config);
    smb_document_free(doc);
    return rc;
usage:
    fputs("usage: sim_driver FILE TRIALS [THREADS] [--money] [--no-totals] [--sensitivity N]\n",
          stderr);
    return 2;
}
