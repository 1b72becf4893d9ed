/* SPDX-License-Identifier: MIT */
/*
 * The Monte Carlo simulator's private layout and the functions its files
 * share (docs/methodology.md, "Monte Carlo simulation"):
 *   - configuration: sim_config.c;
 *   - the compiled model and its fingerprint: sim_model.c;
 *   - the trials themselves (the one home of the sampling rules): sim_trial.c,
 *     with the Philox words of a chunk in vector registers: sim_words.c;
 *   - worker threads, progress and cancellation: sim_threads.c;
 *   - what a range adds up to: sim_tally.c;
 *   - running a range into a part: sim_run.c; parts: sim_part.c;
 *   - statistics helpers (sorting, percentiles, ranks): sim_stats.c;
 *   - finishing a part into a result: sim_finish.c, sim_result.c.
 */
#ifndef SMB_SIM_IMPL_H
#define SMB_SIM_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "sim_sample.h"
#include "sim_sketch.h"
#include "sim_sum.h"

/* ---- configuration (sim_config.c) ---------------------------------------- */

struct smb_sim_config {
    uint64_t seed;
    double rho;
    double source_rho[SMB_SOURCE_COUNT];
    bool has_source_rho[SMB_SOURCE_COUNT];
    smb_sim_measure measure;
    double level;
    double *percentiles; /* percentile_count values, 0..100 */
    size_t percentile_count;
    bool has_threshold;
    double threshold;
    bool keep_totals;
    double accuracy;
    uint64_t sensitivity_trials;
};

/* ---- the compiled model (sim_model.c) ------------------------------------ */

/* Trials simulated together: one scenario's parameters stay in registers
 * and its inner loops run over this many trials. */
#define SMB__SIM_CHUNK 2048

/* The occurrence word's top bits pick one of this many cells; the normal
 * quantile of every uniform in a cell lies between the cell's ends. */
#define SMB__SIM_CELL_BITS 8
#define SMB__SIM_CELLS (1u << SMB__SIM_CELL_BITS)
/* How far apart two sides of the copula's comparison must be for bounds to
 * decide it: far above the rounding of either side (about 1e-14) and the
 * normal quantile's own error (below 1e-15 relative). */
#define SMB__SIM_BRACKET_MARGIN 1e-9

/* One scenario, compiled. The likelihood of a trial is
 * draw(likelihood, u0) × likelihood_factor, its amount (impact or money, by
 * the measure) draw(amount, u) × amount_scale, where amount_scale is the
 * response factor times the capability factor. Draws that cannot vary are
 * folded into the *_point values. */
typedef struct smb__sim_scenario {
    const char *id;          /* in the model's string block */
    smb_direction direction;
    int side;                /* SMB_SIM_LOSS or SMB_SIM_UPSIDE */
    smb__sampler likelihood;
    smb__sampler amount;     /* initialised only when has_amount */
    bool has_amount;         /* false: money measure, no money impact (adds 0) */
    bool likelihood_varies;
    bool amount_varies;
    bool correlated;         /* rho > 0 */
    double likelihood_factor;
    double amount_factor;    /* the responses' impact factor */
    double capability_factor; /* vulnerability v or readiness */
    double amount_scale;     /* amount_factor × capability_factor */
    double p_point;          /* the likelihood when it cannot vary */
    /* Uncorrelated occurrence on the word w1 itself: u01(w1) is below every
     * p the likelihood can draw when w1 < surely or surely_all, below some
     * p when w1 < maybe or maybe_all (see words_below in sim_model.c). */
    uint32_t surely, maybe;
    uint32_t surely_all, maybe_all; /* 0 or 1 */
    double probit_point;     /* Φ⁻¹(p_point) */
    /* Correlated occurrence decided early: √ρ·Z + √(1 − ρ)·Φ⁻¹(u1) surely
     * below Φ⁻¹(p) when its upper bound is below occurs_below, surely not
     * when its lower bound is above never_above (see smb__sim_bracket). */
    double occurs_below, never_above;
    double amount_point;     /* the contribution when it occurs and the amount cannot vary */
    double sqrt_rho, sqrt_rest; /* √ρ and √(1 − ρ) */
    double exposure;         /* deterministic: mean p × mean amount × factors (the scores' figure) */
    double mean_likelihood;  /* mean p, response factor applied */
    double mean_amount;      /* mean amount, response factor applied */
} smb__sim_scenario;

struct smb_sim_model {
    smb_sim_config *config;   /* the model's own copy */
    uint32_t key[2];          /* the seed's low and high words */
    size_t count;
    smb__sim_scenario *scenarios;
    char *strings;            /* every id, back to back */
    bool correlated;          /* some scenario has rho > 0 */
    bool has_upside;          /* some scenario is an opportunity */
    int amount_word;          /* Philox word of the amount: 2 (impact) or 3 (money) */
    double expected;          /* Σ threats' exposures in the measure */
    uint64_t fingerprint;
    /* Φ⁻¹ of the smallest and largest uniform of each cell of words, and
     * Φ⁻¹(j/SMB__SIM_CELLS) for j = 0..SMB__SIM_CELLS, the ends of the cells
     * of probabilities (when correlated). */
    double probit_low[SMB__SIM_CELLS], probit_high[SMB__SIM_CELLS];
    double probit_edge[SMB__SIM_CELLS + 1];
};

/* ---- trials (sim_trial.c) ------------------------------------------------ */

/* Scratch of one worker for smb__sim_chunk, allocated by the caller. */
typedef struct smb__sim_scratch {
    uint32_t w0[SMB__SIM_CHUNK], w1[SMB__SIM_CHUNK], wa[SMB__SIM_CHUNK];
    uint32_t occurs[SMB__SIM_CHUNK]; /* 1 where the scenario occurs */
    uint32_t mark[SMB__SIM_CHUNK];   /* 1 where a draw is needed */
    uint32_t pick[SMB__SIM_CHUNK];   /* the trials marked, in order */
    double z[SMB__SIM_CHUNK];
    double total[SMB_SIM_SIDE_COUNT][SMB__SIM_CHUNK];
} smb__sim_scratch;

/* How smb__sim_words computes: every form gives the same words. */
typedef enum smb__sim_words_form {
    SMB__SIM_WORDS_BEST,   /* the widest vectors the processor has */
    SMB__SIM_WORDS_SCALAR, /* one block at a time, smb__philox4x32_10 itself */
    SMB__SIM_WORDS_AVX2,   /* four blocks at once (x86-64 with AVX2) */
    SMB__SIM_WORDS_AVX512  /* eight blocks at once (x86-64 with AVX-512F) */
} smb__sim_words_form;

/* Words 0, 1 and `amount_word` (2 or 3) of the Philox blocks of counters
 * (t low, t high, stream, 0) for the SMB__SIM_CHUNK trials t from first.
 * A form the processor lacks falls back to the scalar one (sim_words.c). */
void smb__sim_words(const uint32_t key[2], uint64_t first, uint32_t stream, int amount_word,
                    smb__sim_words_form form, uint32_t *w0, uint32_t *w1, uint32_t *wa);
/* Whether the processor runs `form` (the scalar and best forms always). */
bool smb__sim_words_supported(smb__sim_words_form form);

/* Simulate trials [first, first + n), n ≤ SMB__SIM_CHUNK: set loss[i] and
 * (when not NULL) upside[i] to trial first + i's totals, and add each
 * scenario's occurrences to occurrences[s] (when not NULL). */
void smb__sim_chunk(const smb_sim_model *m, uint64_t first, size_t n,
                    smb__sim_scratch *scratch, double *loss, double *upside,
                    uint64_t *occurrences);
/* The common factor Z of trial t (0 when no scenario is correlated). */
double smb__sim_common_factor(const smb_sim_model *m, uint64_t t);
/* Scenario s's contribution to its side's total in trial t, whose common
 * factor is z: bit-identical to what smb__sim_chunk adds. */
double smb__sim_contribution(const smb_sim_model *m, size_t s, uint64_t t, double z);
/* The value scenario s draws for input `kind` in trial t, before any
 * response factor. */
double smb__sim_input(const smb_sim_model *m, size_t s, smb_sim_input_kind kind, uint64_t t);

/* ---- threads, progress, cancellation (sim_threads.c) --------------------- */

/* The progress callback of a whole call (a run, or a run and its finish),
 * with the last fraction reported so that fractions never go back, and
 * when it was reported. */
typedef struct smb__sim_progress {
    smb_sim_progress_fn fn;
    void *user;
    double last;
    double last_ms; /* the monotonic clock at the last call, in ms */
    bool reported;
} smb__sim_progress;

/* How often, at least, the callback hears of a run that moves: a cancel
 * (or Ctrl-C through a binding's callback) lands this soon, however long
 * a hundredth of the run takes. */
#define SMB__SIM_REPORT_MS 50.0

/* Report `fraction` (raised to the last one reported) when it is the first
 * report, at least a hundredth past the last one, past the last one after
 * SMB__SIM_REPORT_MS or more, or the first 1. True: the callback asked to
 * cancel. */
bool smb__sim_report(smb__sim_progress *progress, double fraction);

/* A task of a parallel loop; `worker` is 0..threads-1, so a task can use
 * its worker's scratch. Returns SMB_OK or the failure (without recording
 * it: the calling thread records it). */
typedef smb_status (*smb__sim_task_fn)(void *ctx, unsigned worker, size_t task);

/* The number of workers for `threads` (0: one per online processor) and
 * `tasks` tasks: at least 1, at most both. */
unsigned smb__sim_workers(unsigned threads, size_t tasks);
/* Refuse more than SMB_SIM_MAX_THREADS, naming the field. */
smb_status smb__sim_check_threads(unsigned threads);
/* Run tasks 0..count-1 on `workers` threads (1: on the calling thread),
 * reporting progress from `from` to `to` on the calling thread about a
 * hundred times, and every SMB__SIM_REPORT_MS or so while tasks finish.
 * SMB_OK, the first failure of a task (recorded here),
 * SMB_ECANCELED or SMB_EIO (a thread could not be started). */
smb_status smb__sim_parallel(unsigned workers, size_t count, smb__sim_task_fn task, void *ctx,
                             smb__sim_progress *progress, double from, double to);

/* ---- parts (sim_run.c, sim_part.c) --------------------------------------- */

/* What a range of trials adds up to, apart from its totals. Merging two
 * tallies is exact and order-independent. */
typedef struct smb__sim_tally {
    smb__xsum sum[SMB_SIM_SIDE_COUNT];    /* Σ total */
    smb__xsum square[SMB_SIM_SIDE_COUNT]; /* Σ total² */
    double min[SMB_SIM_SIDE_COUNT], max[SMB_SIM_SIDE_COUNT];
    uint64_t exceed;                      /* trials whose loss exceeds the threshold */
    uint64_t *occurrences;                /* per scenario */
    size_t scenarios;
    smb__sketch sketch[SMB_SIM_SIDE_COUNT]; /* without kept totals; upside only with opportunities */
    bool sketched[SMB_SIM_SIDE_COUNT];
} smb__sim_tally;

smb_status smb__sim_tally_init(smb__sim_tally *t, const smb_sim_model *m);
void smb__sim_tally_free(smb__sim_tally *t);
/* Add n trials' totals (upside may be NULL). SMB_ENOMEM when a sketch
 * cannot grow (the tally is then only good for freeing). */
smb_status smb__sim_tally_add(smb__sim_tally *t, const smb_sim_model *m, const double *loss,
                              const double *upside, size_t n);
/* Add another tally of the same model. SMB_ENOMEM leaves `into` good only
 * for freeing. */
smb_status smb__sim_tally_merge(smb__sim_tally *into, const smb__sim_tally *other);

struct smb_sim_part {
    uint64_t fingerprint;
    uint64_t first, count;
    bool keep;                        /* totals kept */
    bool upside;                      /* the model has opportunities */
    smb__sim_tally tally;
    double *totals[SMB_SIM_SIDE_COUNT]; /* with kept totals; upside only with opportunities */
};

/* A part of `count` trials from `first` with its tally initialised and its
 * totals allocated (not filled). */
smb_status smb__sim_part_new(const smb_sim_model *m, uint64_t first, uint64_t count,
                             smb_sim_part **out);
/* Check a range: count 1..SMB_SIM_MAX_TRIALS, first + count at most 2^63. */
smb_status smb__sim_check_range(uint64_t first, uint64_t count);

/* ---- statistics helpers (sim_stats.c) ------------------------------------ */

/* Bytes of scratch smb__sim_sort needs for n values. */
size_t smb__sim_sort_scratch(size_t n);
/* Sort n values ≥ 0 ascending in place: a radix sort on their bits, in
 * linear time, allocating nothing (workers call it). */
void smb__sim_sort(double *values, size_t n, void *scratch);
/* Percentile q (0..100) of ascending values, "type 7": h = (n − 1)·q/100,
 * linear between order statistics ⌊h⌋ and ⌈h⌉ (h within 1e-12, relative,
 * of an integer counts as it). */
double smb__sim_percentile(const double *sorted, size_t n, double q);
/* The size of the expected-shortfall tail: ⌈(1 − level)·n⌉ with a product
 * within 1e-9 (relative) of an integer counting as it, from 1 to n. */
uint64_t smb__sim_tail_count(double level, uint64_t n);
/* The tail of the k largest values of `values` (in trial order; `sorted`
 * is the same values ascending): every value above *boundary, and the
 * values equal to it at positions up to *last_tie (lower positions first). */
void smb__sim_tail(const double *values, const double *sorted, size_t n, size_t k,
                   double *boundary, size_t *last_tie);
/* Bytes of scratch smb__sim_ranks needs for n values. */
size_t smb__sim_ranks_scratch(size_t n);
/* Average 1-based ranks of n values ≥ 0 (equal values share the mean of
 * their ranks), allocating nothing. */
void smb__sim_ranks(const double *x, size_t n, double *ranks, void *scratch);
/* Pearson's correlation of a and b; 0 when either is constant. */
double smb__sim_correlation(const double *a, const double *b, size_t n);

/* ---- results (sim_finish.c, sim_result.c) -------------------------------- */

struct smb_sim_result {
    uint64_t first, trials, seed;
    smb_sim_measure measure;
    double level, threshold, accuracy, expected;
    bool exact;
    smb_sim_stats stats[SMB_SIM_SIDE_COUNT];
    size_t percentile_count;
    double *percentile_levels;
    double *percentiles[SMB_SIM_SIDE_COUNT];
    double *totals[SMB_SIM_SIDE_COUNT]; /* NULL without kept totals, and for the upside without opportunities */
    size_t count;
    smb_sim_scenario *scenarios;
    uint64_t sensitivity_trials;
    size_t sensitivity_count;
    smb_sim_sensitivity *sensitivity;
    size_t swing_count;
    smb_sim_swing *swings;
    char *strings; /* every id, back to back */
};

/* Finish `part`, reporting progress from `from` to 1. With `steal`, the
 * part's totals move into the result (the part keeps none) instead of
 * being copied. */
smb_status smb__sim_finish(const smb_sim_model *model, smb_sim_part *part, bool steal,
                           unsigned threads, smb__sim_progress *progress, double from,
                           smb_sim_result **out);

#endif /* SMB_SIM_IMPL_H */
