/* SPDX-License-Identifier: MIT */
/* smbstrat: the command-line front end of libsmbstrat: the commands, the
 * tool's help and cli_main(), which dispatches to them. main() is in
 * smbstrat.c, so that the fuzz target can call cli_main() as a function. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char main_help[] =
    "Usage: smbstrat [--help] [--version] COMMAND [ARGS]\n"
    "\n"
    "Strategy frameworks for small businesses: check, score, draw and compare\n"
    "the business model canvas, the five forces, the resilience profile, the\n"
    "disruption scenarios and the responses kept in a smbstrat JSON document.\n"
    "\n"
    "Commands:\n"
    "  validate FILE     check a document and list the canvas findings\n"
    "  score FILE        score the five forces, the resilience profile and the\n"
    "                    scenarios: ranks, risk matrix, stress tests, heat\n"
    "  plan FILE         rank the responses and choose a portfolio within a\n"
    "                    budget\n"
    "  simulate FILE     Monte Carlo simulation of the scenarios: the spread of\n"
    "                    the loss, value-at-risk, expected shortfall, drivers\n"
    "  render FILE       draw the canvas, the five forces or the scenarios' risk\n"
    "                    matrix as Markdown, SVG or HTML\n"
    "  report FILE       the whole document as one file to share (HTML or\n"
    "                    Markdown), with a simulation of the scenarios\n"
    "  diff A B          list what changed between two documents\n"
    "  new canvas        write a new document with an empty canvas\n"
    "  new forces        write a new document with five forces, none rated yet\n"
    "  new --template T  write a complete example document for a kind of\n"
    "                    business (new --list shows them) to adapt\n"
    "  help [COMMAND]    show this help or a command's help\n"
    "\n"
    "Options:\n"
    "  -h, --help        show this help and exit\n"
    "      --version     print the library version and exit\n"
    "\n"
    "Exit status: 0 success, 1 findings (--strict), differences (--exit-code)\n"
    "or a loss too likely (--fail-above), 2 bad command line, 3 invalid\n"
    "document, 4 input/output error. Colours are used only on a terminal and\n"
    "never when NO_COLOR is set or TERM is dumb; tables fit in COLUMNS, else\n"
    "the terminal's width, else 80 columns.\n"
    "\n"
    "Examples:\n"
    "  smbstrat new --template bakery --name 'Crumb & Co. Bakery' -o bakery.json\n"
    "  smbstrat validate bakery.json\n"
    "  smbstrat score bakery.json\n"
    "  smbstrat plan bakery.json --budget 10000\n"
    "  smbstrat simulate bakery.json --trials 1000000 --rho 0.3\n"
    "  smbstrat render bakery.json --format html -o bakery.html\n"
    "  smbstrat render bakery.json --what forces --format svg -o forces.svg\n"
    "  smbstrat render bakery.json --what scenarios --format svg -o risks.svg\n"
    "  smbstrat report bakery.json -o bakery-report.html\n"
    "  smbstrat diff bakery.json bakery-online.json\n"
    "\n"
    "Run 'smbstrat COMMAND --help' for a command's options.\n";

typedef int (*command_fn)(int argc, char **argv, const cli_ctx *ctx);

static const struct {
    const char *name;
    command_fn run;
} commands[] = {
    {"validate", cmd_validate},
    {"score", cmd_score},
    {"plan", cmd_plan},
    {"simulate", cmd_simulate},
    {"render", cmd_render},
    {"report", cmd_report},
    {"diff", cmd_diff},
    {"new", cmd_new},
};

enum { COMMAND_COUNT = sizeof commands / sizeof commands[0] };

static command_fn find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run;
    return NULL;
}

enum { COMMAND_LIST_SIZE = 256 };

/* "validate, score, ...", from the table. */
static const char *command_list(char list[COMMAND_LIST_SIZE])
{
    size_t used = 0;

    list[0] = '\0';
    for (size_t i = 0; i < COMMAND_COUNT && used < COMMAND_LIST_SIZE; i++)
        used += (size_t)snprintf(list + used, COMMAND_LIST_SIZE - used, "%s%s", i ? ", " : "",
                                 commands[i].name);
    return list;
}

/* "unknown command 'valdate'", with the command meant when it looks like a
 * typo, else the list of commands. */
static int unknown_command(const char *name)
{
    const char *names[COMMAND_COUNT];
    const char *closest;
    char list[COMMAND_LIST_SIZE];

    for (size_t i = 0; i < COMMAND_COUNT; i++)
        names[i] = commands[i].name;
    closest = cli_suggest(name, names, COMMAND_COUNT);
    if (closest)
        return cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", name, closest);
    return cli_usage_error(NULL, "unknown command '%s' (the commands are %s)", name,
                           command_list(list));
}

/* "smbstrat help [COMMAND]" is "smbstrat [COMMAND] --help". */
static int run_help(int argc, char **argv, const cli_ctx *ctx)
{
    command_fn run;
    char help_flag[] = "--help";

    if (argc < 2) {
        fputs(main_help, stdout);
        return CLI_EXIT_OK;
    }
    if (argc > 2)
        return cli_usage_error(NULL, "'help' takes at most one command");
    run = find_command(argv[1]);
    if (!run)
        return unknown_command(argv[1]);
    {
        char *sub_argv[] = {argv[1], help_flag, NULL};
        return run(2, sub_argv, ctx);
    }
}

static int dispatch(int argc, char **argv, const cli_ctx *ctx)
{
    const char *first;
    command_fn run;
    char list[COMMAND_LIST_SIZE];

    if (argc < 2)
        return cli_usage_error(NULL, "missing command (one of %s)", command_list(list));
    first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        fputs(main_help, stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(first, "--version") == 0) {
        printf("smbstrat %s\n", smb_version());
        return CLI_EXIT_OK;
    }
    if (strcmp(first, "help") == 0)
        return run_help(argc - 1, argv + 1, ctx);
    if (first[0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", first);
    run = find_command(first);
    if (!run)
        return unknown_command(first);
    return run(argc - 1, argv + 1, ctx);
}

int cli_main(int argc, char **argv)
{
    cli_ctx ctx;
    int rc;

    cli_ctx_init(&ctx);
    rc = dispatch(argc, argv, &ctx);
    /* Buffered output may only fail now (a full disk, a closed pipe); a
     * script must not mistake a truncated report for a complete one. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (rc != CLI_EXIT_IO)
            cli_error("cannot write to standard output: %s", strerror(errno));
        rc = CLI_EXIT_IO;
    }
    return rc;
}
