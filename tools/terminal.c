/* SPDX-License-Identifier: MIT */
/* What the tool may assume about where its standard output goes: whether
 * colour is welcome and how many columns a line may take. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

/* no-color.org: any non-empty NO_COLOR turns colour off; a dumb terminal
 * cannot show it. */
static int want_colour(void)
{
    const char *no_colour = getenv("NO_COLOR");
    const char *term = getenv("TERM");

    if (no_colour && no_colour[0] != '\0')
        return 0;
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(STDOUT_FILENO);
}

/* COLUMNS when it is a positive number (shells set it, and it lets a user
 * or a script ask for a width), else the terminal's width (when asked),
 * else 80. */
static size_t columns(int ask_terminal)
{
    const char *env = getenv("COLUMNS");

    if (env && env[0] >= '0' && env[0] <= '9') {
        char *end = NULL;
        unsigned long n = strtoul(env, &end, 10);
        if (*end == '\0' && n > 0 && n <= CLI_MAX_COLUMNS)
            return (size_t)n;
    }
#ifdef TIOCGWINSZ
    if (ask_terminal && isatty(STDOUT_FILENO)) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
            return ws.ws_col;
    }
#endif
    return CLI_DEFAULT_COLUMNS;
}

void cli_ctx_init(cli_ctx *ctx)
{
    ctx->colour = want_colour();
    ctx->columns = columns(1);
}

void cli_ctx_for_file(cli_ctx *ctx)
{
    ctx->colour = 0;
    ctx->columns = columns(0);
}
