/* SPDX-License-Identifier: MIT */
/* Finishing a part into a result: the moments from the exact sums; the
 * percentiles, value-at-risk and expected shortfall from the sorted totals
 * (or the sketch); each scenario's share of the expected shortfall and the
 * Spearman sensitivity from trials recreated from their indices; the
 * tornado around the deterministic expected loss. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sim_impl.h"

/* Of the finish's share of the progress, the part the tail pass takes
 * (the sensitivity takes the rest). */
#define TAIL_SHARE 0.8

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* ---- moments, percentiles, value-at-risk, expected shortfall -------------- */

/* Mean and spread from the exact sums: var = (Σx² − mean·Σx)/(n − 1). */
static void moments(const smb__sim_tally *t, int side, uint64_t n, smb_sim_stats *out)
{
    double sum = smb__xsum_round(&t->sum[side]);
    double square = smb__xsum_round(&t->square[side]);
    double mean = sum / (double)n;
    double var = n > 1 ? (square - sum * mean) / (double)(n - 1) : 0.0;
    out->side = (smb_sim_side)side;
    out->mean = mean;
    out->std = var > 0 ? sqrt(var) : 0.0;
    out->sem = out->std / sqrt((double)n);
    out->min = t->min[side];
    out->max = t->max[side];
}

/* Where each side's expected-shortfall tail starts. */
typedef struct side_tail {
    bool active;       /* the side has a tail worth attributing (es > 0) */
    double boundary;   /* kept totals: the k-th largest total */
    size_t last_tie;   /* kept totals: the last trial equal to it that belongs */
    double threshold;  /* sketch: totals at least this belong */
} side_tail;

/* Percentiles, value-at-risk and expected shortfall of the kept totals. */
static smb_status exact_side(const smb_sim_model *m, const smb_sim_part *part, int side,
                             uint64_t k, smb_sim_result *r, side_tail *tail)
{
    size_t n = (size_t)part->count;
    double *sorted = smb__malloc(n * sizeof *sorted);
    void *scratch = sorted ? smb__malloc(smb__sim_sort_scratch(n)) : NULL;
    if (!scratch) {
        smb__free(sorted);
        return smb__nomem();
    }
    memcpy(sorted, part->totals[side], n * sizeof *sorted);
    smb__sim_sort(sorted, n, scratch);
    smb__free(scratch);
    for (size_t i = 0; i < r->percentile_count; i++)
        r->percentiles[side][i] = smb__sim_percentile(sorted, n, r->percentile_levels[i]);
    smb_sim_stats *s = &r->stats[side];
    s->var = smb__sim_percentile(sorted, n, 100.0 * m->config->level);
    smb__xsum top;
    smb__xsum_init(&top);
    for (size_t i = n - (size_t)k; i < n; i++)
        smb__xsum_add(&top, sorted[i]);
    s->es = smb__xsum_round(&top) / (double)k;
    smb__sim_tail(part->totals[side], sorted, n, (size_t)k, &tail->boundary, &tail->last_tie);
    tail->active = s->es > 0;
    smb__free(sorted);
    return SMB_OK;
}

/* The same from the sketch. The tail is then every total at least the
 * sketch's value for the k-th largest total divided by 1 + a: the k-th
 * largest itself is at least that, so the whole true tail is in. */
static void sketch_side(const smb_sim_model *m, const smb_sim_part *part, int side, uint64_t k,
                        smb_sim_result *r, side_tail *tail)
{
    const smb__sketch *sk = &part->tally.sketch[side];
    const double a = m->config->accuracy;
    uint64_t n = part->count;
    for (size_t i = 0; i < r->percentile_count; i++)
        r->percentiles[side][i] = smb__sketch_quantile(sk, r->percentile_levels[i] / 100.0);
    smb_sim_stats *s = &r->stats[side];
    s->var = smb__sketch_quantile(sk, m->config->level);
    s->es = smb__sketch_top_mean(sk, k);
    double kth = smb__sketch_quantile(sk, n > 1 ? (double)(n - k) / (double)(n - 1) : 0.0);
    tail->threshold = kth / (1.0 + a);
    tail->active = s->es > 0;
}

/* ---- each scenario's share of the expected shortfall ---------------------- */

typedef struct tail_worker {
    smb__sim_scratch *scratch; /* without kept totals: to re-run chunks */
    double *loss, *upside;     /* likewise */
    double *sum;               /* per scenario, this chunk's tail contributions */
} tail_worker;

typedef struct tail_job {
    const smb_sim_model *model;
    const smb_sim_part *part;
    side_tail tail[SMB_SIM_SIDE_COUNT];
    tail_worker *workers;
    pthread_mutex_t lock;
    smb__xsum *contribution; /* per scenario, under lock */
    smb__xsum tail_total[SMB_SIM_SIDE_COUNT]; /* under lock */
} tail_job;

static bool in_tail(const smb_sim_part *part, const side_tail *t, double total, size_t index)
{
    /* A zero total has nothing to attribute. */
    if (!t->active || !(total > 0))
        return false;
    if (part->keep)
        return total > t->boundary || (total == t->boundary && index <= t->last_tie);
    return total >= t->threshold;
}

/* Chunk boundaries are fixed relative to the part's first trial, so a
 * chunk's sums are the same whichever worker makes them; they then add
 * up exactly, in any order. */
static smb_status tail_chunk(void *ctx, unsigned worker, size_t chunk)
{
    tail_job *job = ctx;
    const smb_sim_model *m = job->model;
    const smb_sim_part *part = job->part;
    tail_worker *w = &job->workers[worker];
    uint64_t offset = (uint64_t)chunk * SMB__SIM_CHUNK;
    size_t n = part->count - offset < SMB__SIM_CHUNK ? (size_t)(part->count - offset)
                                                     : SMB__SIM_CHUNK;
    const double *loss, *upside;
    if (part->keep) {
        loss = part->totals[SMB_SIM_LOSS] + offset;
        upside = part->upside ? part->totals[SMB_SIM_UPSIDE] + offset : NULL;
    } else {
        smb__sim_chunk(m, part->first + offset, n, w->scratch, w->loss, w->upside, NULL);
        loss = w->loss;
        upside = w->upside;
    }
    bool any = false;
    double total[SMB_SIM_SIDE_COUNT] = {0.0, 0.0};
    for (size_t i = 0; i < n; i++) {
        /* With kept totals the offset fits a size_t: the totals do. */
        size_t index = (size_t)offset + i;
        bool in[SMB_SIM_SIDE_COUNT] = {
            in_tail(part, &job->tail[SMB_SIM_LOSS], loss[i], index),
            upside && in_tail(part, &job->tail[SMB_SIM_UPSIDE], upside[i], index),
        };
        if (!in[SMB_SIM_LOSS] && !in[SMB_SIM_UPSIDE])
            continue;
        if (!any) {
            memset(w->sum, 0, m->count * sizeof *w->sum);
            any = true;
        }
        uint64_t t = part->first + offset + i;
        double z = smb__sim_common_factor(m, t);
        for (size_t s = 0; s < m->count; s++)
            if (in[m->scenarios[s].side])
                w->sum[s] += smb__sim_contribution(m, s, t, z);
        if (in[SMB_SIM_LOSS])
            total[SMB_SIM_LOSS] += loss[i];
        if (in[SMB_SIM_UPSIDE])
            total[SMB_SIM_UPSIDE] += upside[i];
    }
    if (!any)
        return SMB_OK;
    pthread_mutex_lock(&job->lock);
    for (size_t s = 0; s < m->count; s++)
        if (w->sum[s] != 0.0)
            smb__xsum_add(&job->contribution[s], w->sum[s]);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++)
        smb__xsum_add(&job->tail_total[side], total[side]);
    pthread_mutex_unlock(&job->lock);
    return SMB_OK;
}

static void free_tail_workers(tail_worker *workers, unsigned count)
{
    for (unsigned i = 0; workers && i < count; i++) {
        smb__free(workers[i].scratch);
        smb__free(workers[i].loss);
        smb__free(workers[i].upside);
        smb__free(workers[i].sum);
    }
    smb__free(workers);
}

static smb_status make_tail_workers(const smb_sim_model *m, const smb_sim_part *part,
                                    unsigned count, tail_worker **out)
{
    tail_worker *workers = smb__calloc(count, sizeof *workers);
    if (!workers)
        return smb__nomem();
    for (unsigned i = 0; i < count; i++) {
        tail_worker *w = &workers[i];
        w->sum = smb__calloc(m->count, sizeof *w->sum);
        bool ok = w->sum != NULL;
        if (ok && !part->keep) {
            w->scratch = smb__malloc(sizeof *w->scratch);
            w->loss = smb__malloc(SMB__SIM_CHUNK * sizeof *w->loss);
            if (part->upside)
                w->upside = smb__malloc(SMB__SIM_CHUNK * sizeof *w->upside);
            ok = w->scratch && w->loss && (!part->upside || w->upside);
        }
        if (!ok) {
            free_tail_workers(workers, count);
            return smb__nomem();
        }
    }
    *out = workers;
    return SMB_OK;
}

/* Each scenario's mean contribution over its side's tail. With kept totals
 * the tail is the k largest totals exactly; from a sketch, each scenario
 * gets its share of the tail trials' totals, times the side's ES. */
static smb_status attribute_tail(const smb_sim_model *m, const smb_sim_part *part,
                                 const side_tail tail[SMB_SIM_SIDE_COUNT], uint64_t k,
                                 unsigned threads, smb__sim_progress *progress, double from,
                                 double to, smb_sim_result *r)
{
    if (!tail[SMB_SIM_LOSS].active && !tail[SMB_SIM_UPSIDE].active)
        return SMB_OK;
    tail_job job = {.model = m, .part = part};
    memcpy(job.tail, (const side_tail *)tail, sizeof job.tail);
    size_t chunks = (size_t)((part->count + SMB__SIM_CHUNK - 1) / SMB__SIM_CHUNK);
    unsigned workers = smb__sim_workers(threads, chunks);
    job.contribution = smb__malloc(m->count * sizeof *job.contribution);
    if (!job.contribution)
        return smb__nomem();
    smb_status st = make_tail_workers(m, part, workers, &job.workers);
    if (st != SMB_OK) {
        smb__free(job.contribution);
        return st;
    }
    if (pthread_mutex_init(&job.lock, NULL) != 0) {
        free_tail_workers(job.workers, workers);
        smb__free(job.contribution);
        return smb__fail(SMB_EIO, "simulation: a lock could not be made");
    }
    for (size_t s = 0; s < m->count; s++)
        smb__xsum_init(&job.contribution[s]);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++)
        smb__xsum_init(&job.tail_total[side]);
    st = smb__sim_parallel(workers, chunks, tail_chunk, &job, progress, from, to);
    pthread_mutex_destroy(&job.lock);
    free_tail_workers(job.workers, workers);
    for (size_t s = 0; st == SMB_OK && s < m->count; s++) {
        int side = m->scenarios[s].side;
        double share = smb__xsum_round(&job.contribution[s]);
        double whole = smb__xsum_round(&job.tail_total[side]);
        double es;
        if (!tail[side].active)
            es = 0.0;
        else if (part->keep)
            es = share / (double)k;
        else
            es = whole > 0 ? r->stats[side].es * (share / whole) : 0.0;
        r->scenarios[s].es_contribution = es;
    }
    smb__free(job.contribution);
    return st;
}

/* ---- sensitivity ----------------------------------------------------------- */

typedef struct sens_worker {
    smb__sim_scratch *scratch;
    double *values, *ranks;
    void *rank_scratch;
} sens_worker;

typedef struct sens_job {
    const smb_sim_model *model;
    uint64_t first;
    size_t trials;
    double *loss;              /* the sample's loss totals */
    const double *loss_ranks;
    smb_sim_sensitivity *out;  /* one per input, index and kind set */
    sens_worker *workers;
} sens_job;

/* Recreate the loss totals of the sample's chunk `chunk`. */
static smb_status sample_chunk(void *ctx, unsigned worker, size_t chunk)
{
    sens_job *job = ctx;
    size_t offset = chunk * SMB__SIM_CHUNK;
    size_t n = job->trials - offset < SMB__SIM_CHUNK ? job->trials - offset : SMB__SIM_CHUNK;
    smb__sim_chunk(job->model, job->first + offset, n, job->workers[worker].scratch,
                   job->loss + offset, NULL, NULL);
    return SMB_OK;
}

static smb_status input_task(void *ctx, unsigned worker, size_t task)
{
    sens_job *job = ctx;
    sens_worker *w = &job->workers[worker];
    smb_sim_sensitivity *e = &job->out[task];
    for (size_t i = 0; i < job->trials; i++)
        w->values[i] = smb__sim_input(job->model, e->index, e->kind, job->first + i);
    smb__sim_ranks(w->values, job->trials, w->ranks, w->rank_scratch);
    e->spearman = smb__sim_correlation(job->loss_ranks, w->ranks, job->trials);
    return SMB_OK;
}

static void free_sens_workers(sens_worker *workers, unsigned count)
{
    for (unsigned i = 0; workers && i < count; i++) {
        smb__free(workers[i].scratch);
        smb__free(workers[i].values);
        smb__free(workers[i].ranks);
        smb__free(workers[i].rank_scratch);
    }
    smb__free(workers);
}

static smb_status make_sens_workers(size_t trials, unsigned count, sens_worker **out)
{
    sens_worker *workers = smb__calloc(count, sizeof *workers);
    if (!workers)
        return smb__nomem();
    for (unsigned i = 0; i < count; i++) {
        sens_worker *w = &workers[i];
        w->scratch = smb__malloc(sizeof *w->scratch);
        w->values = smb__malloc(trials * sizeof *w->values);
        w->ranks = smb__malloc(trials * sizeof *w->ranks);
        w->rank_scratch = smb__malloc(smb__sim_ranks_scratch(trials));
        if (!w->scratch || !w->values || !w->ranks || !w->rank_scratch) {
            free_sens_workers(workers, count);
            return smb__nomem();
        }
    }
    *out = workers;
    return SMB_OK;
}

/* The inputs that have a sensitivity: the threats' likelihood and amount
 * draws that can vary, when the amount counts in the measure. */
static size_t list_inputs(const smb_sim_model *m, smb_sim_sensitivity *out)
{
    smb_sim_input_kind amount_kind = m->config->measure == SMB_SIM_MONEY ? SMB_SIM_INPUT_MONEY
                                                                         : SMB_SIM_INPUT_IMPACT;
    size_t n = 0;
    for (size_t s = 0; s < m->count; s++) {
        const smb__sim_scenario *sc = &m->scenarios[s];
        if (sc->side != SMB_SIM_LOSS || !sc->has_amount)
            continue;
        if (smb__sampler_varies(&sc->likelihood)) {
            if (out)
                out[n] = (smb_sim_sensitivity){.id = sc->id, .index = s,
                                               .kind = SMB_SIM_INPUT_LIKELIHOOD};
            n++;
        }
        if (smb__sampler_varies(&sc->amount)) {
            if (out)
                out[n] = (smb_sim_sensitivity){.id = sc->id, .index = s, .kind = amount_kind};
            n++;
        }
    }
    return n;
}

static int by_spearman(const void *pa, const void *pb)
{
    const smb_sim_sensitivity *a = pa, *b = pb;
    int c = smb__rank_desc(fabs(a->spearman), fabs(b->spearman));
    if (c)
        return c;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return (a->kind > b->kind) - (a->kind < b->kind);
}

static smb_status sensitivity(const smb_sim_model *m, const smb_sim_part *part,
                              unsigned threads, smb__sim_progress *progress, double from,
                              smb_sim_result *r)
{
    uint64_t trials = min_u64(m->config->sensitivity_trials, part->count);
    size_t inputs = list_inputs(m, NULL);
    if (trials < 2 || inputs == 0)
        return SMB_OK;
    size_t n = (size_t)trials;
    sens_job job = {.model = m, .first = part->first, .trials = n, .out = r->sensitivity};
    list_inputs(m, r->sensitivity);
    size_t chunks = (n + SMB__SIM_CHUNK - 1) / SMB__SIM_CHUNK;
    unsigned workers = smb__sim_workers(threads, inputs > chunks ? inputs : chunks);
    double *loss_ranks = smb__malloc(n * sizeof *loss_ranks);
    void *rank_scratch = loss_ranks ? smb__malloc(smb__sim_ranks_scratch(n)) : NULL;
    double *loss = rank_scratch && !part->keep ? smb__malloc(n * sizeof *loss) : NULL;
    smb_status st = rank_scratch && (part->keep || loss) ? make_sens_workers(n, workers, &job.workers)
                                                         : smb__nomem();
    double middle = from + (1.0 - from) / 2;
    if (st == SMB_OK && !part->keep) {
        job.loss = loss;
        st = smb__sim_parallel(workers, chunks, sample_chunk, &job, progress, from, middle);
    }
    if (st == SMB_OK) {
        smb__sim_ranks(part->keep ? part->totals[SMB_SIM_LOSS] : loss, n, loss_ranks,
                       rank_scratch);
        job.loss_ranks = loss_ranks;
        st = smb__sim_parallel(workers, inputs, input_task, &job, progress, middle, 1.0);
    }
    free_sens_workers(job.workers, workers);
    smb__free(loss);
    smb__free(rank_scratch);
    smb__free(loss_ranks);
    if (st != SMB_OK)
        return st;
    qsort(r->sensitivity, inputs, sizeof *r->sensitivity, by_spearman);
    r->sensitivity_trials = trials;
    r->sensitivity_count = inputs;
    return SMB_OK;
}

/* ---- tornado --------------------------------------------------------------- */

static int by_swing(const void *pa, const void *pb)
{
    const smb_sim_swing *a = pa, *b = pb;
    int c = smb__rank_desc(a->swing, b->swing);
    if (c)
        return c;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return (a->kind > b->kind) - (a->kind < b->kind);
}

/* The expected loss with one threat's term replaced: E − its exposure +
 * p × amount × factor with the input at one end of its range. The inputs
 * are those list_inputs() finds, so the result has room for every bar. */
static void tornado(const smb_sim_model *m, smb_sim_result *r)
{
    smb_sim_input_kind amount_kind = m->config->measure == SMB_SIM_MONEY ? SMB_SIM_INPUT_MONEY
                                                                         : SMB_SIM_INPUT_IMPACT;
    double e = m->expected;
    size_t n = 0;
    for (size_t s = 0; s < m->count; s++) {
        const smb__sim_scenario *sc = &m->scenarios[s];
        if (sc->side != SMB_SIM_LOSS || !sc->has_amount)
            continue;
        double rest = e - sc->exposure, lo, hi;
        smb__sampler_range(&sc->likelihood, &lo, &hi);
        if (smb__sampler_varies(&sc->likelihood) && lo < hi)
            r->swings[n++] = (smb_sim_swing){
                .id = sc->id, .index = s, .kind = SMB_SIM_INPUT_LIKELIHOOD,
                .low_input = lo, .high_input = hi,
                .low = rest + lo * sc->likelihood_factor * sc->mean_amount * sc->capability_factor,
                .high = rest + hi * sc->likelihood_factor * sc->mean_amount * sc->capability_factor,
            };
        smb__sampler_range(&sc->amount, &lo, &hi);
        if (smb__sampler_varies(&sc->amount) && lo < hi)
            r->swings[n++] = (smb_sim_swing){
                .id = sc->id, .index = s, .kind = amount_kind,
                .low_input = lo, .high_input = hi,
                .low = rest + sc->mean_likelihood * (lo * sc->amount_factor) * sc->capability_factor,
                .high = rest + sc->mean_likelihood * (hi * sc->amount_factor) * sc->capability_factor,
            };
    }
    for (size_t i = 0; i < n; i++)
        r->swings[i].swing = fabs(r->swings[i].high - r->swings[i].low);
    qsort(r->swings, n, sizeof *r->swings, by_swing);
    r->swing_count = n;
}

/* ---- the result ------------------------------------------------------------ */

static smb_status new_result(const smb_sim_model *m, const smb_sim_part *part,
                             smb_sim_result **out)
{
    const smb_sim_config *c = m->config;
    size_t p = c->percentile_count ? c->percentile_count : 1;
    size_t bytes = 0;
    for (size_t s = 0; s < m->count; s++)
        bytes += strlen(m->scenarios[s].id) + 1;
    size_t inputs = list_inputs(m, NULL);
    smb_sim_result *r = smb__calloc(1, sizeof *r);
    if (!r)
        return smb__nomem();
    r->percentile_levels = smb__calloc(p, sizeof(double));
    r->percentiles[SMB_SIM_LOSS] = smb__calloc(p, sizeof(double));
    r->percentiles[SMB_SIM_UPSIDE] = smb__calloc(p, sizeof(double));
    r->scenarios = smb__calloc(m->count, sizeof *r->scenarios);
    r->sensitivity = smb__calloc(inputs ? inputs : 1, sizeof *r->sensitivity);
    r->swings = smb__calloc(inputs ? inputs : 1, sizeof *r->swings);
    r->strings = smb__malloc(bytes);
    if (!r->percentile_levels || !r->percentiles[SMB_SIM_LOSS] ||
        !r->percentiles[SMB_SIM_UPSIDE] || !r->scenarios || !r->sensitivity || !r->swings ||
        !r->strings) {
        smb_sim_result_free(r);
        return smb__nomem();
    }
    r->first = part->first;
    r->trials = part->count;
    r->seed = c->seed;
    r->measure = c->measure;
    r->level = c->level;
    r->threshold = c->has_threshold ? c->threshold : NAN;
    r->exact = part->keep;
    r->accuracy = part->keep ? 0.0 : c->accuracy;
    r->expected = m->expected;
    r->percentile_count = c->percentile_count;
    if (c->percentile_count)
        memcpy(r->percentile_levels, c->percentiles, c->percentile_count * sizeof(double));
    /* Ids are pointed at the result's own copies, so it outlives the model. */
    char *cursor = r->strings;
    for (size_t s = 0; s < m->count; s++) {
        const smb__sim_scenario *sc = &m->scenarios[s];
        size_t n = strlen(sc->id) + 1;
        memcpy(cursor, sc->id, n);
        r->scenarios[s] = (smb_sim_scenario){
            .id = cursor,
            .index = s,
            .direction = sc->direction,
            .occurrences = part->tally.occurrences[s],
            .occurrence_rate = (double)part->tally.occurrences[s] / (double)part->count,
        };
        cursor += n;
    }
    r->count = m->count;
    *out = r;
    return SMB_OK;
}

/* Point the sensitivity and tornado ids at the result's strings. */
static void own_ids(smb_sim_result *r)
{
    for (size_t i = 0; i < r->sensitivity_count; i++)
        r->sensitivity[i].id = r->scenarios[r->sensitivity[i].index].id;
    for (size_t i = 0; i < r->swing_count; i++)
        r->swings[i].id = r->scenarios[r->swings[i].index].id;
}

static smb_status keep_totals(smb_sim_part *part, bool steal, smb_sim_result *r)
{
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        if (!part->totals[side] || steal)
            continue;
        r->totals[side] = smb__malloc((size_t)part->count * sizeof(double));
        if (!r->totals[side])
            return smb__nomem();
        memcpy(r->totals[side], part->totals[side], (size_t)part->count * sizeof(double));
    }
    if (steal)
        for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
            r->totals[side] = part->totals[side];
            part->totals[side] = NULL;
        }
    return SMB_OK;
}

smb_status smb__sim_finish(const smb_sim_model *model, smb_sim_part *part, bool steal,
                           unsigned threads, smb__sim_progress *progress, double from,
                           smb_sim_result **out)
{
    smb_sim_result *r = NULL;
    smb_status st = new_result(model, part, &r);
    if (st != SMB_OK)
        return st;
    uint64_t k = smb__sim_tail_count(model->config->level, part->count);
    side_tail tail[SMB_SIM_SIDE_COUNT] = {{0}, {0}};
    for (int side = 0; side < SMB_SIM_SIDE_COUNT && st == SMB_OK; side++) {
        moments(&part->tally, side, part->count, &r->stats[side]);
        r->stats[side].exceed_prob = NAN;
        if (part->totals[side])
            st = exact_side(model, part, side, k, r, &tail[side]);
        else if (part->tally.sketched[side])
            sketch_side(model, part, side, k, r, &tail[side]);
        /* else: an upside without opportunities, every total 0. */
    }
    if (model->config->has_threshold)
        r->stats[SMB_SIM_LOSS].exceed_prob = (double)part->tally.exceed / (double)part->count;
    double middle = from + (1.0 - from) * TAIL_SHARE;
    if (st == SMB_OK)
        st = attribute_tail(model, part, tail, k, threads, progress, from, middle, r);
    if (st == SMB_OK)
        st = sensitivity(model, part, threads, progress, middle, r);
    if (st == SMB_OK) {
        tornado(model, r);
        own_ids(r);
        st = keep_totals(part, steal, r);
    }
    if (st == SMB_OK && smb__sim_report(progress, 1.0))
        st = smb__fail(SMB_ECANCELED, "simulation: canceled by the progress callback");
    if (st != SMB_OK) {
        smb_sim_result_free(r);
        return st;
    }
    *out = r;
    return SMB_OK;
}

smb_status smb_sim_finish(const smb_sim_model *model, const smb_sim_part *part,
                          unsigned threads, smb_sim_result **out)
{
    if (!model || !part || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !model ? "model" : !part ? "part" : "out");
    if (part->fingerprint != model->fingerprint)
        return smb__fail(SMB_EINVAL, "part: fingerprint %016llx does not match the model's %016llx",
                         (unsigned long long)part->fingerprint,
                         (unsigned long long)model->fingerprint);
    smb_status st = smb__sim_check_threads(threads);
    if (st != SMB_OK)
        return st;
    /* Without stealing, the part is only read. */
    return smb__sim_finish(model, (smb_sim_part *)part, false, threads, NULL, 0.0, out);
}
