/* SPDX-License-Identifier: MIT */
/* "Did you mean ...?" for a mistyped command or option. */
#include <string.h>

#include "cli.h"

/* Longer words are not typos of the short names a command line uses. */
enum { LONGEST_WORD = 64 };

/* The optimal string alignment distance: insertions, deletions,
 * substitutions and swaps of two neighbours ("fromat" is one edit from
 * "format"). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t rows[3][LONGEST_WORD + 1];
    size_t *before = rows[0], *previous = rows[1], *row = rows[2];

    for (size_t j = 0; j <= nb; j++)
        previous[j] = j;
    for (size_t i = 1; i <= na; i++) {
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t best = previous[j - 1] + (a[i - 1] != b[j - 1]);
            if (previous[j] + 1 < best)
                best = previous[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            row[j] = best;
        }
        size_t *oldest = before;
        before = previous;
        previous = row;
        row = oldest;
    }
    return previous[nb];
}

const char *cli_suggest(const char *word, const char *const *candidates, size_t count)
{
    size_t n = strlen(word), best_distance = 0;
    const char *best = NULL;

    if (n == 0 || n > LONGEST_WORD)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        size_t m = strlen(candidates[i]);
        if (m > LONGEST_WORD)
            continue;
        size_t d = edit_distance(word, n, candidates[i], m);
        if (!best || d < best_distance) {
            best = candidates[i];
            best_distance = d;
        }
    }
    /* A typo changes a few letters, not a third of the word: "valdate" is
     * validate, "form" is not format. */
    if (!best || best_distance == 0 || best_distance > 2 || best_distance * 3 > n)
        return NULL;
    return best;
}
