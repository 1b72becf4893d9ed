/* SPDX-License-Identifier: MIT */
/* Worker threads for the simulator: a parallel loop over numbered tasks.
 * Workers take the next task from an atomic counter; the calling thread
 * only coordinates: it reports progress (never a worker), and a
 * cancellation or a failure stops every worker before its next task.
 * Results never depend on which worker ran which task: the tasks write to
 * places of their own, or add to exact, order-independent accumulators.
 *
 * Progress is reported at each hundredth of a loop and, so that a cancel
 * lands soon on a long run, every SMB__SIM_REPORT_MS of wall time while
 * tasks finish: the coordinating thread wakes up that often to look. */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "sim_impl.h"

/* About this many progress reports per loop, besides the timed ones. */
#define REPORTS 100

/* The coordinating thread's look when nothing was due at its last one. */
#define RECHECK_MS (SMB__SIM_REPORT_MS / 5)

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool smb__sim_report(smb__sim_progress *progress, double fraction)
{
    if (!progress || !progress->fn)
        return false;
    if (fraction < progress->last)
        fraction = progress->last;
    if (fraction > 1.0)
        fraction = 1.0;
    bool finished = fraction == 1.0 && progress->last < 1.0;
    double now = now_ms();
    if (progress->reported && fraction < progress->last + 1.0 / REPORTS && !finished &&
        !(fraction > progress->last && now - progress->last_ms >= SMB__SIM_REPORT_MS))
        return false;
    progress->reported = true;
    progress->last = fraction;
    progress->last_ms = now;
    return progress->fn(fraction, progress->user) != 0;
}

smb_status smb__sim_check_threads(unsigned threads)
{
    if (threads > SMB_SIM_MAX_THREADS)
        return smb__fail(SMB_ERANGE, "threads: %u is above the most, %d", threads,
                         SMB_SIM_MAX_THREADS);
    return SMB_OK;
}

unsigned smb__sim_workers(unsigned threads, size_t tasks)
{
    if (threads == 0) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        threads = online < 1 ? 1u : online > SMB_SIM_MAX_THREADS ? SMB_SIM_MAX_THREADS
                                                                 : (unsigned)online;
    }
    if (tasks < threads)
        threads = tasks ? (unsigned)tasks : 1u;
    return threads;
}

/* A failure of a task, recorded on the calling thread (a worker's own
 * record would be lost with it). */
static smb_status record(smb_status st)
{
    if (st == SMB_ENOMEM)
        return smb__nomem();
    return smb__fail(st, "simulation: %s", smb_strerror(st));
}

static double fraction_of(double from, double to, size_t done, size_t count)
{
    return from + (to - from) * ((double)done / (double)count);
}

/* ---- on the calling thread ----------------------------------------------- */

static smb_status run_here(size_t count, smb__sim_task_fn task, void *ctx,
                           smb__sim_progress *progress, double from, double to)
{
    bool watching = progress && progress->fn;
    for (size_t c = 0; c < count; c++) {
        smb_status st = task(ctx, 0, c);
        if (st != SMB_OK)
            return record(st);
        /* smb__sim_report() decides whether a hundredth or the interval
         * has passed; asking after each task costs a clock reading. */
        if (watching && c + 1 < count &&
            smb__sim_report(progress, fraction_of(from, to, c + 1, count)))
            return smb__fail(SMB_ECANCELED, "simulation: canceled by the progress callback");
    }
    return SMB_OK;
}

/* ---- on worker threads ---------------------------------------------------- */

typedef struct pool {
    smb__sim_task_fn task;
    void *ctx;
    size_t count, step;
    atomic_size_t next;
    atomic_bool stop;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t done;        /* under lock */
    unsigned running;   /* under lock */
    smb_status failure; /* under lock: the first failure */
} pool;

typedef struct worker {
    pool *pool;
    unsigned index;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    pool *p = w->pool;
    for (;;) {
        if (atomic_load(&p->stop))
            break;
        size_t c = atomic_fetch_add(&p->next, 1);
        if (c >= p->count)
            break;
        smb_status st = p->task(p->ctx, w->index, c);
        pthread_mutex_lock(&p->lock);
        p->done++;
        if (st != SMB_OK && p->failure == SMB_OK) {
            p->failure = st;
            atomic_store(&p->stop, true);
        }
        if (st != SMB_OK || p->done % p->step == 0 || p->done == p->count)
            pthread_cond_signal(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    pthread_mutex_lock(&p->lock);
    p->running--;
    pthread_cond_signal(&p->changed);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* `ms` from now on the monotonic clock, as pthread_cond_timedwait() takes
 * it (the condition variable is made with that clock). */
static struct timespec deadline_in(double ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long ns = (long long)ts.tv_nsec + (long long)(ms * 1e6);
    ts.tv_sec += (time_t)(ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
    return ts;
}

/* Wait for the workers, reporting progress as tasks complete: workers
 * signal each hundredth, and the coordinating thread also wakes up when
 * the interval since the last report is over, to report the tasks done
 * meanwhile. True when the callback asked to cancel. */
static bool coordinate(pool *p, smb__sim_progress *progress, double from, double to)
{
    bool canceled = false, watching = progress && progress->fn;
    size_t reported = 0;
    pthread_mutex_lock(&p->lock);
    while (p->running > 0) {
        if (watching && !canceled && p->done != reported && p->done < p->count) {
            reported = p->done;
            pthread_mutex_unlock(&p->lock);
            canceled = smb__sim_report(progress, fraction_of(from, to, reported, p->count));
            if (canceled)
                atomic_store(&p->stop, true);
            pthread_mutex_lock(&p->lock);
            continue;
        }
        if (!watching || canceled) {
            pthread_cond_wait(&p->changed, &p->lock);
            continue;
        }
        /* Until the interval is over; when it already is (nothing was done
         * at the last look), look again a little later. */
        double wait = progress->last_ms + SMB__SIM_REPORT_MS - now_ms();
        struct timespec until = deadline_in(wait > RECHECK_MS ? wait : RECHECK_MS);
        /* Timed out or woken: either way, look again. */
        pthread_cond_timedwait(&p->changed, &p->lock, &until);
    }
    pthread_mutex_unlock(&p->lock);
    return canceled;
}

static smb_status run_pool(unsigned workers, size_t count, smb__sim_task_fn task, void *ctx,
                           smb__sim_progress *progress, double from, double to)
{
    pool p = {.task = task, .ctx = ctx, .count = count};
    p.step = count / REPORTS ? count / REPORTS : 1;
    atomic_init(&p.next, 0);
    atomic_init(&p.stop, false);
    if (pthread_mutex_init(&p.lock, NULL) != 0)
        return smb__fail(SMB_EIO, "simulation: a lock could not be made");
    pthread_condattr_t attr;
    bool made = pthread_condattr_init(&attr) == 0;
    if (made) {
        made = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
               pthread_cond_init(&p.changed, &attr) == 0;
        pthread_condattr_destroy(&attr);
    }
    if (!made) {
        pthread_mutex_destroy(&p.lock);
        return smb__fail(SMB_EIO, "simulation: a condition variable could not be made");
    }
    /* No allocation: the workers' descriptions fit on the stack. */
    pthread_t threads[SMB_SIM_MAX_THREADS];
    worker each[SMB_SIM_MAX_THREADS];
    unsigned started = 0;
    for (; started < workers; started++) {
        each[started] = (worker){&p, started};
        pthread_mutex_lock(&p.lock);
        p.running++;
        pthread_mutex_unlock(&p.lock);
        if (pthread_create(&threads[started], NULL, work, &each[started]) != 0) {
            pthread_mutex_lock(&p.lock);
            p.running--;
            pthread_mutex_unlock(&p.lock);
            atomic_store(&p.stop, true);
            break;
        }
    }
    bool canceled = coordinate(&p, progress, from, to);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
    if (started < workers)
        return smb__fail(SMB_EIO, "simulation: worker thread %u of %u could not be started",
                         started + 1, workers);
    if (p.failure != SMB_OK)
        return record(p.failure);
    if (canceled)
        return smb__fail(SMB_ECANCELED, "simulation: canceled by the progress callback");
    return SMB_OK;
}

smb_status smb__sim_parallel(unsigned workers, size_t count, smb__sim_task_fn task, void *ctx,
                             smb__sim_progress *progress, double from, double to)
{
    if (smb__sim_report(progress, from))
        return smb__fail(SMB_ECANCELED, "simulation: canceled by the progress callback");
    if (count == 0)
        return SMB_OK;
    smb_status st = workers <= 1 ? run_here(count, task, ctx, progress, from, to)
                                 : run_pool(workers, count, task, ctx, progress, from, to);
    if (st == SMB_OK && smb__sim_report(progress, to))
        return smb__fail(SMB_ECANCELED, "simulation: canceled by the progress callback");
    return st;
}
