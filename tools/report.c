/* SPDX-License-Identifier: MIT */
/* The two report formats shared by validate, score and diff, and the
 * small JSON builders they share. */
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
    /* 15 significant digits: every score reads back as written (0.4875,
     * not 0.48749999999999999), and no result of the library carries
     * meaning beyond them. */
    failed = json_dumpf(json, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) != 0;
    json_decref(json);
    if (failed || fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
        cli_error("cannot write to standard output: %s", strerror(errno));
        return CLI_EXIT_IO;
    }
    return CLI_EXIT_OK;
}

json_t *cli_json_real(int defined, double value)
{
    return defined ? json_real(value) : json_null();
}

json_t *cli_json_band(smb_force_band band)
{
    const char *key = smb_force_band_key(band);
    return key ? json_string(key) : json_null();
}

json_t *cli_json_set(json_t *obj, const char *key, json_t *value)
{
    if (!obj) {
        json_decref(value);
        return NULL;
    }
    if (!value || json_object_set_new(obj, key, value) != 0) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

int cli_json_append(json_t *array, json_t *value)
{
    return value ? json_array_append_new(array, value) : -1;
}
