/* SPDX-License-Identifier: MIT */
/* The progress bar of smbstrat simulate: one line on standard error,
 * redrawn in place, only when standard error is a terminal, so that a
 * script's log or a pipe never receives it. */
#include <stdio.h>
#include <unistd.h>

#include "simulate.h"

enum { BAR_WIDTH = 30, STEPS = 200 };

void sim_progress_init(sim_progress *p, int quiet)
{
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->drawn = 0;
    p->last_step = -1;
}

int sim_progress_update(double fraction, void *user)
{
    sim_progress *p = user;
    int step, filled;

    if (!p->enabled)
        return 0;
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    /* Redraw only when the bar visibly moves: the library may call often. */
    step = (int)(fraction * STEPS);
    if (step == p->last_step)
        return 0;
    p->last_step = step;
    filled = (int)(fraction * BAR_WIDTH);
    fputs("\rsimulating [", stderr);
    for (int i = 0; i < BAR_WIDTH; i++)
        fputc(i < filled ? '#' : '.', stderr);
    fprintf(stderr, "] %5.1f%%", 100.0 * fraction);
    fflush(stderr);
    p->drawn = 1;
    return 0;
}

void sim_progress_done(sim_progress *p)
{
    if (p->drawn) {
        /* Back to the start of the line and erase it. */
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->drawn = 0;
}
