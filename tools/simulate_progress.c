/* SPDX-License-Identifier: MIT */
/* The progress bar of smbstrat simulate, on standard error and only when
 * standard error is a terminal, so that a script's log or a pipe never
 * receives it. A capable terminal gets one line redrawn in place and
 * erased at the end. A dumb one (TERM=dumb: an editor's shell buffer, a
 * serial console) may not move the cursor or understand escapes, so it
 * gets one line that only grows, "simulating: 10% 20% ... 100%", ended by
 * a newline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "simulate.h"

enum { BAR_WIDTH = 30, STEPS = 200, DUMB_STEPS = 10 };

static int dumb_terminal(void)
{
    const char *term = getenv("TERM");
    return term && strcmp(term, "dumb") == 0;
}

void sim_progress_init(sim_progress *p, int quiet)
{
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->dumb = p->enabled && dumb_terminal();
    p->drawn = 0;
    p->last_step = -1;
}

static void draw_bar(double fraction)
{
    int filled = (int)(fraction * BAR_WIDTH);

    fputs("\rsimulating [", stderr);
    for (int i = 0; i < BAR_WIDTH; i++)
        fputc(i < filled ? '#' : '.', stderr);
    fprintf(stderr, "] %5.1f%%", 100.0 * fraction);
}

/* The line grows by the tenth just reached; tenths skipped by a large step
 * are not printed after the fact. */
static void extend_line(sim_progress *p, int step)
{
    if (!p->drawn)
        fputs("simulating:", stderr);
    if (step > 0)
        fprintf(stderr, " %d%%", step * (100 / DUMB_STEPS));
}

int sim_progress_update(double fraction, void *user)
{
    sim_progress *p = user;
    int step;

    if (!p->enabled)
        return 0;
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    /* Draw only when the bar visibly moves: the library may call often. */
    step = (int)(fraction * (p->dumb ? DUMB_STEPS : STEPS));
    if (step == p->last_step)
        return 0;
    p->last_step = step;
    if (p->dumb)
        extend_line(p, step);
    else
        draw_bar(fraction);
    fflush(stderr);
    p->drawn = 1;
    return 0;
}

void sim_progress_done(sim_progress *p)
{
    if (p->drawn) {
        /* A dumb terminal keeps its line; a capable one has it erased:
         * back to the start of the line and clear to its end. */
        fputs(p->dumb ? "\n" : "\r\033[K", stderr);
        fflush(stderr);
    }
    p->drawn = 0;
}
