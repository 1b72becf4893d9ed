/* SPDX-License-Identifier: MIT */
/*
 * The simulation behind `smbstrat report`: the document's scenarios run
 * through the library's simulator with the options of the command line,
 * so that the report's simulation section has a result to present.
 */
#ifndef SMBSTRAT_CLI_REPORT_SIM_H
#define SMBSTRAT_CLI_REPORT_SIM_H

#include <stdint.h>

#include "cli.h"

/* The command line's simulation options, parsed; texts point into argv
 * and are NULL when the option was not given. */
typedef struct report_sim_options {
    int enabled;              /* 0 with --no-simulation */
    unsigned long long trials;
    unsigned long long seed;
    unsigned threads;
    double rho;
    const char *trials_text, *seed_text, *threads_text, *rho_text;
} report_sim_options;

/* Defaults: enabled, 100,000 trials, seed 0, one thread per processor,
 * the library's default correlation. */
void report_sim_defaults(report_sim_options *o);

/* Parse the value of --trials, --seed, --threads or --rho (by long name)
 * into `o`; prints a usage error and returns CLI_EXIT_USAGE when it is not
 * a number of the right kind. */
int report_sim_option(report_sim_options *o, const char *name, const char *value);

/* Simulate the document's scenarios into *out; *out stays NULL when the
 * simulation is off or the document has no scenario to simulate. On
 * failure prints the error and returns its exit status (a correlation the
 * library refuses is the command line's fault: status 2). */
int report_simulate(const smb_document *doc, const report_sim_options *o,
                    smb_sim_result **out);

#endif /* SMBSTRAT_CLI_REPORT_SIM_H */
