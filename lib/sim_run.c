/* SPDX-License-Identifier: MIT */
/* Running a range of trials into a part: chunks of trials go to workers;
 * each worker adds its chunks to a tally of its own and writes the kept
 * totals in place; the tallies merge exactly at the end. Workers never
 * allocate, except a sketch growing its buckets. */
#include "sim_impl.h"

typedef struct run_worker {
    smb__sim_scratch *scratch;
    smb__sim_tally tally;
    double *loss, *upside; /* a chunk's totals, when they are not kept */
} run_worker;

typedef struct run_job {
    const smb_sim_model *model;
    smb_sim_part *part;
    run_worker *workers;
} run_job;

static smb_status run_chunk(void *ctx, unsigned worker, size_t chunk)
{
    run_job *job = ctx;
    run_worker *w = &job->workers[worker];
    smb_sim_part *part = job->part;
    uint64_t offset = (uint64_t)chunk * SMB__SIM_CHUNK;
    size_t n = part->count - offset < SMB__SIM_CHUNK ? (size_t)(part->count - offset)
                                                     : SMB__SIM_CHUNK;
    double *loss = part->keep ? part->totals[SMB_SIM_LOSS] + offset : w->loss;
    double *upside = !part->upside ? NULL
                     : part->keep  ? part->totals[SMB_SIM_UPSIDE] + offset
                                   : w->upside;
    smb__sim_chunk(job->model, part->first + offset, n, w->scratch, loss, upside,
                   w->tally.occurrences);
    return smb__sim_tally_add(&w->tally, job->model, loss, upside, n);
}

static void free_workers(run_worker *workers, unsigned count)
{
    for (unsigned i = 0; workers && i < count; i++) {
        smb__free(workers[i].scratch);
        smb__free(workers[i].loss);
        smb__free(workers[i].upside);
        smb__sim_tally_free(&workers[i].tally);
    }
    smb__free(workers);
}

static smb_status make_workers(const smb_sim_model *m, unsigned count, run_worker **out)
{
    run_worker *workers = smb__calloc(count, sizeof *workers);
    if (!workers)
        return smb__nomem();
    bool keep = m->config->keep_totals;
    for (unsigned i = 0; i < count; i++) {
        run_worker *w = &workers[i];
        smb_status st = smb__sim_tally_init(&w->tally, m);
        if (st == SMB_OK) {
            w->scratch = smb__malloc(sizeof *w->scratch);
            if (!keep) {
                w->loss = smb__malloc(SMB__SIM_CHUNK * sizeof *w->loss);
                w->upside = m->has_upside ? smb__malloc(SMB__SIM_CHUNK * sizeof *w->upside)
                                          : NULL;
            }
            if (!w->scratch || (!keep && (!w->loss || (m->has_upside && !w->upside))))
                st = smb__nomem();
        }
        if (st != SMB_OK) {
            free_workers(workers, count);
            return st;
        }
    }
    *out = workers;
    return SMB_OK;
}

static smb_status run_range(const smb_sim_model *model, uint64_t first, uint64_t count,
                            unsigned threads, smb__sim_progress *progress, double to,
                            smb_sim_part **out)
{
    smb_sim_part *part = NULL;
    smb_status st = smb__sim_part_new(model, first, count, &part);
    if (st != SMB_OK)
        return st;
    size_t chunks = (size_t)((count + SMB__SIM_CHUNK - 1) / SMB__SIM_CHUNK);
    unsigned workers = smb__sim_workers(threads, chunks);
    run_job job = {.model = model, .part = part};
    if ((st = make_workers(model, workers, &job.workers)) == SMB_OK)
        st = smb__sim_parallel(workers, chunks, run_chunk, &job, progress, 0.0, to);
    for (unsigned i = 0; st == SMB_OK && i < workers; i++)
        if (smb__sim_tally_merge(&part->tally, &job.workers[i].tally) != SMB_OK)
            st = smb__nomem();
    free_workers(job.workers, workers);
    if (st != SMB_OK) {
        smb_sim_part_free(part);
        return st;
    }
    *out = part;
    return SMB_OK;
}

static smb_status check_run(const smb_sim_model *model, uint64_t first, uint64_t count,
                            unsigned threads, smb_sim_part **out)
{
    if (!model || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", model ? "out" : "model");
    smb_status st = smb__sim_check_range(first, count);
    return st == SMB_OK ? smb__sim_check_threads(threads) : st;
}

smb_status smb_sim_run(const smb_sim_model *model, uint64_t first, uint64_t count,
                       unsigned threads, smb_sim_progress_fn progress, void *user,
                       smb_sim_part **out)
{
    smb_status st = check_run(model, first, count, threads, out);
    if (st != SMB_OK)
        return st;
    smb__sim_progress report = {.fn = progress, .user = user};
    return run_range(model, first, count, threads, &report, 1.0, out);
}

/* Without kept totals the finish makes a second pass over the trials, as
 * long as the run itself; with them it is a small part of the work. */
static double run_share(const smb_sim_model *model)
{
    return model->config->keep_totals ? 0.9 : 0.5;
}

smb_status smb_simulate(const smb_sim_model *model, uint64_t trials, unsigned threads,
                        smb_sim_progress_fn progress, void *user, smb_sim_result **out)
{
    smb_sim_part *part = NULL;
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    smb_status st = check_run(model, 0, trials, threads, &part);
    if (st != SMB_OK)
        return st;
    smb__sim_progress report = {.fn = progress, .user = user};
    double share = run_share(model);
    if ((st = run_range(model, 0, trials, threads, &report, share, &part)) != SMB_OK)
        return st;
    st = smb__sim_finish(model, part, true, threads, &report, share, out);
    smb_sim_part_free(part);
    return st;
}
