/* SPDX-License-Identifier: MIT */
/*
 * The pieces of `smbstrat simulate`: the parsed command line, what the
 * library computed, and the text and JSON views of it. Every statistic is
 * the library's (smbstrat/simulate.h); these files only present them.
 */
#ifndef SMBSTRAT_CLI_SIMULATE_H
#define SMBSTRAT_CLI_SIMULATE_H

#include <stddef.h>
#include <stdio.h>


#include "cli.h"

/* Where the chosen responses came from. */
typedef enum sim_responses_from {
    SIM_RESPONSES_NONE,   /* no response applied */
    SIM_RESPONSES_OPTION, /* --responses */
    SIM_RESPONSES_PLAN    /* --plan: the budgeted portfolio */
} sim_responses_from;

/* One --source-rho SOURCE=R, as given. */
typedef struct sim_source_rho {
    smb_source source;
    double rho;
    const char *text; /* the option's value, for messages */
} sim_source_rho;

/* The command line, parsed; texts point into argv. */
typedef struct sim_args {
    const char *path;
    const char *output; /* -o FILE; NULL or "-": standard output */
    unsigned long long trials;
    unsigned long long seed;
    unsigned threads;
    const char *rho_text; /* NULL: the default */
    double rho;
    sim_source_rho source_rho[SMB_SOURCE_COUNT];
    size_t source_rho_count;
    smb_sim_measure measure;
    const char *level_text;
    double level;
    const char *percentiles_text;
    double *percentiles; /* owned; NULL: the default */
    size_t percentile_count;
    const char *threshold_text;
    double threshold;
    const char *fail_above_text;
    double fail_above;
    const char *responses_text; /* --responses, as given */
    int plan;
    int keep_totals;
    int quiet;
    cli_report_format format;
} sim_args;

/* Parse argv; returns CLI_EXIT_OK, CLI_EXIT_USAGE (a message printed) or
 * -1 after printing the help. Release with sim_args_free() either way. */
int sim_args_parse(int argc, char **argv, sim_args *a);
void sim_args_free(sim_args *a);

/* What was computed, and what is needed to present it. */
typedef struct sim_report {
    const sim_args *args;
    const smb_sim_config *config;  /* the model's */
    const smb_sim_result *result;
    const char *const *responses;  /* the chosen responses' ids */
    size_t response_count;
    sim_responses_from responses_from;
} sim_report;

/* The readable summary: statistics of both sides, the threats that weigh
 * most in the tail, the inputs the loss is most sensitive to, the tornado;
 * tables and prose fit ctx->columns. */
void sim_text(FILE *out, const sim_report *r, const cli_ctx *ctx);
/* The object of docs/cli-json.md, or NULL when out of memory. */
struct json_t *sim_json(const sim_report *r);

/* A progress bar on standard error, for terminals (simulate_progress.c). */
typedef struct sim_progress {
    int enabled;   /* draw at all */
    int dumb;      /* TERM=dumb: a growing line of percentages, no escapes */
    int drawn;     /* something is on the line */
    int last_step; /* the last step drawn, -1 before the first */
} sim_progress;

/* Enabled when standard error is a terminal and `quiet` is 0; plain
 * (no carriage return, no escape) when TERM is dumb. */
void sim_progress_init(sim_progress *p, int quiet);
/* The library's callback (smb_sim_progress_fn); `user` is a sim_progress. */
int sim_progress_update(double fraction, void *user);
/* Clear the bar's line, or end the plain one. */
void sim_progress_done(sim_progress *p);

#endif /* SMBSTRAT_CLI_SIMULATE_H */
