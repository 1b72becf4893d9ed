/* SPDX-License-Identifier: MIT */
/* The two report formats shared by validate and diff. */
#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

int cli_report_format_parse(const char *command, const char *value, cli_report_format *out)
{
    if (strcmp(value, "text") == 0) {
        *out = CLI_REPORT_TEXT;
        return CLI_EXIT_OK;
    }
    if (strcmp(value, "json") == 0) {
        *out = CLI_REPORT_JSON;
        return CLI_EXIT_OK;
    }
    return cli_usage_error(command, "unknown format '%s' (use text or json)", value);
}

int cli_print_json(json_t *json)
{
    int failed;

    /* json_pack() returns NULL both when memory runs out and when a string
     * (a file name from the command line) is not UTF-8. */
    if (!json) {
        cli_error("cannot build the JSON report: out of memory or text that is not UTF-8");
        return CLI_EXIT_IO;
    }
    failed = json_dumpf(json, stdout, JSON_INDENT(2)) != 0;
    json_decref(json);
    if (failed || fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
        cli_error("cannot write to standard output: %s", strerror(errno));
        return CLI_EXIT_IO;
    }
    return CLI_EXIT_OK;
}
