/* SPDX-License-Identifier: MIT */
/*
 * A small option parser. getopt_long() is a GNU extension and POSIX
 * getopt() stops at the first operand; commands here accept options
 * before and after their operands ("render FILE -o OUT"), so they share
 * this loop instead.
 */
#include <string.h>

#include "cli.h"

/* Bounds of the "did you mean" search; a command has a handful of options
 * with short names. */
enum { MAX_OPTIONS = 32, MAX_NAME = 64 };

void cli_parser_init(cli_parser *p, int argc, char **argv, const char *command)
{
    p->argc = argc;
    p->argv = argv;
    p->index = 1;
    p->only_operands = 0;
    p->command = command;
}

/* The value of an option: the rest of this argument, or the next one. */
static int take_value(cli_parser *p, const char *inline_value, const char *shown,
                      const char **value)
{
    if (inline_value) {
        *value = inline_value;
        return CLI_ARG_OPTION;
    }
    if (p->index >= p->argc) {
        cli_usage_error(p->command, "option '%s' needs a value", shown);
        return CLI_ARG_ERROR;
    }
    *value = p->argv[p->index++];
    return CLI_ARG_OPTION;
}

/* "unknown option '--fromat'; did you mean '--format'?" */
static int unknown_long(cli_parser *p, const cli_option *options, const char *name, size_t len)
{
    const char *names[MAX_OPTIONS];
    char word[MAX_NAME + 1];
    size_t count = 0;
    const char *closest = NULL;

    for (const cli_option *o = options; o->long_name && count < MAX_OPTIONS; o++)
        names[count++] = o->long_name;
    if (len <= MAX_NAME) {
        memcpy(word, name, len);
        word[len] = '\0';
        closest = cli_suggest(word, names, count);
    }
    if (closest)
        cli_usage_error(p->command, "unknown option '--%.*s'; did you mean '--%s'?", (int)len,
                        name, closest);
    else
        cli_usage_error(p->command, "unknown option '--%.*s'", (int)len, name);
    return CLI_ARG_ERROR;
}

static int next_long(cli_parser *p, const cli_option *options, const char *arg, int *id,
                     const char **value)
{
    const char *name = arg + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);

    for (const cli_option *o = options; o->long_name; o++) {
        if (strlen(o->long_name) != len || strncmp(o->long_name, name, len) != 0)
            continue;
        *id = o->id;
        if (o->takes_value)
            return take_value(p, eq ? eq + 1 : NULL, arg, value);
        if (eq) {
            cli_usage_error(p->command, "option '--%s' takes no value", o->long_name);
            return CLI_ARG_ERROR;
        }
        return CLI_ARG_OPTION;
    }
    return unknown_long(p, options, name, len);
}

static int next_short(cli_parser *p, const cli_option *options, const char *arg, int *id,
                      const char **value)
{
    for (const cli_option *o = options; o->long_name; o++) {
        if (o->short_name == 0 || o->short_name != arg[1])
            continue;
        *id = o->id;
        if (o->takes_value)
            return take_value(p, arg[2] != '\0' ? arg + 2 : NULL, arg, value);
        /* Bundled flags ("-hx") are not worth supporting for so few options. */
        if (arg[2] != '\0')
            break;
        return CLI_ARG_OPTION;
    }
    cli_usage_error(p->command, "unknown option '%s'", arg);
    return CLI_ARG_ERROR;
}

int cli_next(cli_parser *p, const cli_option *options, int *id, const char **value)
{
    *value = NULL;
    while (p->index < p->argc) {
        const char *arg = p->argv[p->index++];
        /* "-" alone is an operand: standard output by convention. */
        if (p->only_operands || arg[0] != '-' || arg[1] == '\0') {
            *value = arg;
            return CLI_ARG_OPERAND;
        }
        if (strcmp(arg, "--") == 0) {
            p->only_operands = 1;
            continue;
        }
        if (arg[1] == '-')
            return next_long(p, options, arg, id, value);
        return next_short(p, options, arg, id, value);
    }
    return CLI_ARG_END;
}
