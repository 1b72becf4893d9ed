/* SPDX-License-Identifier: MIT */
/*
 * The threading contract of DESIGN.md under load: many threads run every
 * read-only operation (check, totals, diff, render, score, sensitivity,
 * compare, save to a string, lookups) on one shared document while others
 * load, change, save and reload documents of their own in a scratch
 * directory, and provoke errors. Every result must equal, byte for byte and
 * bit for bit, the one computed before any thread started; every thread
 * must see its own errors only. Likewise threads simulating one shared
 * model (each with worker threads of its own, or as two ranges merged)
 * while others load and save documents: every result equals the
 * single-threaded one bit for bit. Run under ThreadSanitizer by .ci/tsan.
 *
 * SMB_STRESS_ROUNDS sets the rounds per thread (default 20).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

enum { READERS = 8, WRITERS = 4, DEFAULT_ROUNDS = 20 };

/* ---- a growable string, for fingerprints --------------------------------- */

typedef struct text {
    char *s;
    size_t len, cap;
    int failed;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || t->failed) {
        t->failed = 1;
        return;
    }
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = (t->cap ? t->cap * 2 : 256) + (size_t)n;
        char *s = realloc(t->s, cap);
        if (!s) {
            t->failed = 1;
            return;
        }
        t->s = s;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* Doubles are written with %a so that equal text means equal bits. */
static void put_status(text *t, const char *what, smb_status st)
{
    put(t, "%s:%s\n", what, smb_status_name(st));
}

static const char *or_null(const char *s)
{
    return s ? s : "(null)";
}

/* ---- fingerprints of every read-only operation ------------------------- */

static void canvas_fingerprint(text *t, const smb_canvas *c, const smb_canvas *other)
{
    smb_findings *f = NULL;
    smb_status st = smb_canvas_check(c, &f);
    put_status(t, "check", st);
    for (size_t i = 0; st == SMB_OK && i < smb_findings_count(f); i++) {
        const smb_finding *x = smb_findings_at(f, i);
        put(t, "%d %s %d %s %s\n", (int)x->severity, x->code, (int)x->block, or_null(x->item),
            x->message);
    }
    smb_findings_free(f);

    put(t, "totals %a %a %a %a %a\n", smb_canvas_revenue_total(c), smb_canvas_cost_total(c),
        smb_canvas_cost_total_of_kind(c, SMB_KIND_FIXED), smb_canvas_margin(c),
        smb_canvas_assumption_share(c));

    smb_diff *d = NULL;
    st = smb_canvas_diff(c, other, &d);
    put_status(t, "diff", st);
    for (size_t i = 0; st == SMB_OK && i < smb_diff_count(d); i++) {
        const smb_change *x = smb_diff_at(d, i);
        put(t, "%d %s %d %u %s\n", (int)x->kind, x->id, (int)x->block, x->fields,
            or_null(x->target));
    }
    smb_diff_free(d);
    put(t, "equal %d %d\n", smb_canvas_equal(c, c), smb_canvas_equal(c, other));

    /* Lookups by id must find the very item that iteration finds. */
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        for (size_t i = 0; i < smb_canvas_item_count(c, (smb_block)b); i++) {
            const smb_item *it = smb_canvas_item_at(c, (smb_block)b, i);
            const smb_item *found = NULL;
            if (smb_canvas_get_item(c, smb_item_id(it), &found) != SMB_OK || found != it ||
                smb_canvas_find(c, smb_item_id(it)) != it)
                put(t, "lookup of %s failed\n", smb_item_id(it));
        }
}

static void forces_fingerprint(text *t, const smb_forces *fo, const smb_forces *other)
{
    smb_forces_result *r = NULL;
    smb_status st = smb_forces_score(fo, &r);
    put_status(t, "score", st);
    if (st == SMB_OK) {
        for (int f = 0; f < SMB_FORCE_COUNT; f++) {
            const smb_force_score *s = smb_forces_result_force(r, (smb_force)f);
            put(t, "force %d %d %a %a %d %a %a %d %zu %zu\n", (int)s->force, s->has_score,
                s->score, s->intensity, (int)s->band, s->weight, s->pressure_share, s->dominant,
                s->rated, s->unrated);
            for (size_t i = 0; i < smb_forces_result_contribution_count(r, (smb_force)f); i++) {
                const smb_driver_score *d = smb_forces_result_contribution_at(r, (smb_force)f, i);
                put(t, " c %s %s %zu %d %a %a %a\n", d->key, d->title, d->index, d->rated,
                    d->rating, d->weight, d->contribution);
            }
            for (size_t i = 0; i < smb_forces_result_unrated_count(r, (smb_force)f); i++)
                put(t, " u %s\n", smb_forces_result_unrated_at(r, (smb_force)f, i)->key);
        }
        double p = -1, a = -1;
        smb_status sp = smb_forces_result_pressure(r, &p);
        smb_status sa = smb_forces_result_attractiveness(r, &a);
        put(t, "pressure %d %a attractiveness %d %a\n", (int)sp, p, (int)sa, a);
        for (size_t i = 0; i < smb_forces_result_dominant_count(r); i++)
            put(t, "dominant %d\n", (int)smb_forces_result_dominant_at(r, i));
    }
    smb_forces_result_free(r);

    smb_forces_tornado *tor = NULL;
    st = smb_forces_sensitivity(fo, &tor);
    put_status(t, "sensitivity", st);
    if (st == SMB_OK) {
        put(t, "base %a\n", smb_forces_tornado_attractiveness(tor));
        for (size_t i = 0; i < smb_forces_tornado_count(tor); i++) {
            const smb_driver_swing *s = smb_forces_tornado_at(tor, i);
            put(t, "%d %s %zu %a %a %a %a\n", (int)s->force, s->key, s->index, s->rating,
                s->at_min, s->at_max, s->swing);
        }
    }
    smb_forces_tornado_free(tor);

    smb_forces_comparison *cmp = NULL;
    st = smb_forces_compare(fo, other, &cmp);
    put_status(t, "compare", st);
    if (st == SMB_OK) {
        put(t, "changed %zu\n", smb_forces_comparison_changed_count(cmp));
        for (size_t i = 0; i < smb_forces_comparison_driver_count(cmp); i++) {
            const smb_driver_delta *d = smb_forces_comparison_driver_at(cmp, i);
            put(t, "%d %s %d%d%d%d %a %a %a %a %a %u\n", (int)d->force, d->key, d->in_before,
                d->in_after, d->rated_before, d->rated_after, d->rating_before, d->rating_after,
                d->delta, d->weight_before, d->weight_after, d->fields);
        }
        for (int f = 0; f < SMB_FORCE_COUNT; f++) {
            const smb_force_delta *d = smb_forces_comparison_force(cmp, (smb_force)f);
            put(t, "%d %d%d %a %a %a %a %d %d\n", (int)d->force, d->has_before, d->has_after,
                d->score_before, d->score_after, d->score_delta, d->intensity_delta,
                (int)d->band_before, (int)d->band_after);
        }
        double b = 0, a = 0, delta = 0;
        put(t, "p %d ", (int)smb_forces_comparison_pressure(cmp, &b, &a, &delta));
        put(t, "%a %a %a\n", b, a, delta);
    }
    smb_forces_comparison_free(cmp);
    put(t, "equal %d %d\n", smb_forces_equal(fo, fo), smb_forces_equal(fo, other));
}

/* One rendering, in full, so that a single differing byte is caught. */
typedef smb_status (*render_fn)(const void *model, smb_format format, char **out, size_t *len);

static smb_status render_canvas(const void *m, smb_format f, char **out, size_t *len)
{
    return smb_canvas_render(m, f, out, len);
}

static smb_status render_forces(const void *m, smb_format f, char **out, size_t *len)
{
    return smb_forces_render(m, f, out, len);
}

static void render_fingerprint(text *t, const char *what, render_fn fn, const void *model)
{
    static const smb_format formats[] = {SMB_FORMAT_MARKDOWN, SMB_FORMAT_SVG, SMB_FORMAT_HTML};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        smb_status st = fn(model, formats[i], &out, &len);
        put(t, "render %s %d %s %zu\n", what, (int)formats[i], smb_status_name(st), len);
        if (st == SMB_OK)
            put(t, "%s\n", out);
        smb_free(out);
    }
}

/* The shared state every reader works on; nobody writes to it once the
 * threads are started. */
typedef struct shared {
    const smb_document *doc;
    const smb_canvas *other_canvas; /* for diff */
    const smb_forces *other_forces; /* for compare */
} shared;

typedef enum part { P_CANVAS, P_FORCES, P_RENDER, P_SAVE, P_COUNT } part;

static char *fingerprint(const shared *sh, part p)
{
    text t = {0};
    const smb_canvas *c = smb_document_canvas_const(sh->doc);
    const smb_forces *f = smb_document_forces_const(sh->doc);
    switch (p) {
    case P_CANVAS: canvas_fingerprint(&t, c, sh->other_canvas); break;
    case P_FORCES: forces_fingerprint(&t, f, sh->other_forces); break;
    case P_RENDER:
        render_fingerprint(&t, "canvas", render_canvas, c);
        render_fingerprint(&t, "forces", render_forces, f);
        break;
    case P_SAVE: {
        char *out = NULL;
        size_t len = 0;
        smb_status st = smb_document_save_string(sh->doc, &out, &len);
        put(&t, "save %s %zu\n%s", smb_status_name(st), len, st == SMB_OK ? out : "");
        smb_free(out);
        break;
    }
    case P_COUNT: break;
    }
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s;
}

/* ---- threads ---------------------------------------------------------------- */

typedef struct worker {
    int id;
    int rounds;
    const shared *sh;
    char *const *expected; /* P_COUNT fingerprints */
    const char *dir;       /* the writers' scratch directory */
    pthread_barrier_t *start;
    int failures;
    char first[512]; /* the first failure, for the report */
} worker;

static void failure(worker *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void failure(worker *w, const char *fmt, ...)
{
    if (w->failures++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(w->first, sizeof w->first, fmt, ap);
        va_end(ap);
    }
}

static void *reader(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int r = 0; r < w->rounds; r++) {
        /* Each reader walks the parts in its own order so that different
         * operations overlap. */
        for (int k = 0; k < P_COUNT; k++) {
            part p = (part)((k + w->id + r) % P_COUNT);
            char *got = fingerprint(w->sh, p);
            if (!got || strcmp(got, w->expected[p]) != 0)
                failure(w, "reader %d round %d: part %d differs from the single-threaded result",
                        w->id, r, (int)p);
            free(got);
        }
    }
    return NULL;
}

/* The documents the writers cycle through, and a broken one per round
 * whose error each writer must see as its own. */
static const char *const sources[] = {"full.json", "forces_full.json", "compact.json",
                                      "forces_compact.json", "minimal.json"};
static const struct {
    const char *file, *needle;
} broken_sources[] = {
    {"broken_utf8.json", "not valid UTF-8"},
    {"broken_duplicate_id.json", "duplicate id"},
    {"broken_syntax.json", "unexpected token"},
    {"broken_too_deep.json", "nested deeper than"},
};

/* th_data_path() answers in a static buffer, which threads would share. */
static const char *data_path(char *buf, size_t cap, const char *name)
{
    const char *dir = getenv("SMB_TEST_DATA");
    snprintf(buf, cap, "%s/%s", dir ? dir : SMB_TEST_DATA_DIR, name);
    return buf;
}

static int same_document(const smb_document *a, const smb_document *b)
{
    const smb_canvas *ca = smb_document_canvas_const(a), *cb = smb_document_canvas_const(b);
    const smb_forces *fa = smb_document_forces_const(a), *fb = smb_document_forces_const(b);
    return (ca && cb ? smb_canvas_equal(ca, cb) : ca == cb) &&
           (fa && fb ? smb_forces_equal(fa, fb) : fa == fb);
}

/* Load a source, rename it, save it to a file of this writer's own, load
 * that back, and compare both the models and the text. */
static void write_round(worker *w, int r)
{
    const char *src = sources[(size_t)(w->id + r) % (sizeof sources / sizeof sources[0])];
    char name[64], path[4096], from[4096];
    snprintf(name, sizeof name, "Writer %d, round %d", w->id, r);
    snprintf(path, sizeof path, "%s/w%d-r%d.json", w->dir, w->id, r);

    smb_document *doc = NULL, *back = NULL;
    char *saved = NULL, *resaved = NULL;
    size_t n1 = 0, n2 = 0;
    if (smb_document_load_file(data_path(from, sizeof from, src), &doc) != SMB_OK) {
        failure(w, "writer %d: loading %s: %s", w->id, src, smb_last_error());
        return;
    }
    /* Name the canvas, or the forces when there is no canvas, or give a
     * document with neither a named canvas. */
    smb_canvas *c = smb_document_canvas(doc), *fresh = NULL;
    smb_forces *f = smb_document_forces(doc);
    smb_status st;
    if (c)
        st = smb_canvas_set_name(c, name);
    else if (f)
        st = smb_forces_set_name(f, name);
    else if ((st = smb_canvas_new(&fresh)) == SMB_OK &&
             (st = smb_canvas_set_name(fresh, name)) == SMB_OK)
        st = smb_document_set_canvas(doc, fresh);
    smb_canvas_free(fresh);
    if (st == SMB_OK)
        st = smb_document_save_file(doc, path);
    if (st == SMB_OK)
        st = smb_document_load_file(path, &back);
    if (st == SMB_OK)
        st = smb_document_save_string(doc, &saved, &n1);
    if (st == SMB_OK)
        st = smb_document_save_string(back, &resaved, &n2);
    if (st != SMB_OK)
        failure(w, "writer %d round %d (%s): %s", w->id, r, src, smb_last_error());
    else if (!same_document(doc, back) || n1 != n2 || strcmp(saved, resaved) != 0 ||
             !strstr(saved, name))
        failure(w, "writer %d round %d (%s): the reloaded document differs", w->id, r, src);
    smb_free(saved);
    smb_free(resaved);
    smb_document_free(back);
    smb_document_free(doc);
    unlink(path);
}

static void broken_round(worker *w, int r)
{
    size_t k = (size_t)(w->id + r) % (sizeof broken_sources / sizeof broken_sources[0]);
    char copy[4096];
    data_path(copy, sizeof copy, broken_sources[k].file);
    smb_document *doc = NULL;
    smb_status st = smb_document_load_file(copy, &doc);
    const smb_error *e = smb_last_error_info();
    if (st == SMB_OK || doc || e->status != st || !e->file || strcmp(e->file, copy) != 0 ||
        !strstr(e->message, broken_sources[k].needle))
        failure(w, "writer %d round %d: %s gave \"%s\", not its own error", w->id, r,
                broken_sources[k].file, e->message);
    smb_document_free(doc);
}

static void *writer(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int r = 0; r < w->rounds; r++) {
        write_round(w, r);
        broken_round(w, r);
    }
    return NULL;
}

/* ---- the test ------------------------------------------------------------ */

static smb_document *load(const char *name)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_file(th_data_path(name), &doc));
    return doc;
}

static int rounds(void)
{
    const char *s = getenv("SMB_STRESS_ROUNDS");
    int n = s ? atoi(s) : DEFAULT_ROUNDS;
    return n > 0 ? n : DEFAULT_ROUNDS;
}

START_TEST(shared_document_under_load)
{
    /* The shared document: the full canvas and the full forces. */
    smb_document *doc = load("full.json");
    smb_document *fdoc = load("forces_full.json");
    ck_assert_ptr_nonnull(smb_document_forces_const(fdoc));
    TH_OK(smb_document_set_forces(doc, smb_document_forces_const(fdoc)));
    smb_document_free(fdoc);

    /* Something to diff and compare with: one item and one rating
     * changed, so both answers are non-trivial. */
    smb_canvas *other_canvas = NULL;
    TH_OK(smb_canvas_copy(smb_document_canvas_const(doc), &other_canvas));
    const smb_item *first = NULL;
    for (int b = 0; b < SMB_BLOCK_COUNT && !first; b++)
        if (smb_canvas_item_count(other_canvas, (smb_block)b))
            first = smb_canvas_item_at(other_canvas, (smb_block)b, 0);
    ck_assert_ptr_nonnull(first);
    TH_OK(smb_canvas_set_item_text(other_canvas, smb_item_id(first), "Changed in the copy"));
    smb_forces *other_forces = NULL;
    TH_OK(smb_forces_copy(smb_document_forces_const(doc), &other_forces));
    TH_OK(smb_forces_set_rating(other_forces, SMB_FORCE_RIVALRY, "exit_barriers", 4.25));

    shared sh = {doc, other_canvas, other_forces};
    char *expected[P_COUNT];
    for (int p = 0; p < P_COUNT; p++) {
        expected[p] = fingerprint(&sh, (part)p);
        ck_assert_ptr_nonnull(expected[p]);
        /* A fingerprint that failed would compare equal to itself: each
         * part must have worked. */
        ck_assert_msg(strstr(expected[p], "SMB_E") == NULL, "part %d: %s", p, expected[p]);
    }
    /* The diff and the comparison see the change made to the copies. */
    ck_assert_ptr_nonnull(strstr(expected[P_CANVAS], "equal 1 0\n"));
    ck_assert_ptr_nonnull(strstr(expected[P_FORCES], "equal 1 0\n"));

    char dir[] = "/tmp/smbstress-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    pthread_barrier_t start;
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, READERS + WRITERS), 0);
    pthread_t threads[READERS + WRITERS];
    worker workers[READERS + WRITERS];
    for (int i = 0; i < READERS + WRITERS; i++) {
        workers[i] = (worker){.id = i, .rounds = rounds(), .sh = &sh, .expected = expected,
                              .dir = dir, .start = &start};
        ck_assert_int_eq(pthread_create(&threads[i], NULL, i < READERS ? reader : writer,
                                        &workers[i]), 0);
    }
    for (int i = 0; i < READERS + WRITERS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    for (int i = 0; i < READERS + WRITERS; i++)
        ck_assert_msg(workers[i].failures == 0, "%d failure(s); first: %s", workers[i].failures,
                      workers[i].first);

    /* The shared document is as it was, and the writers left nothing. */
    for (int p = 0; p < P_COUNT; p++) {
        char *again = fingerprint(&sh, (part)p);
        ck_assert_str_eq(again, expected[p]);
        free(again);
        free(expected[p]);
    }
    ck_assert_int_eq(rmdir(dir), 0);
    pthread_barrier_destroy(&start);
    smb_forces_free(other_forces);
    smb_canvas_free(other_canvas);
    smb_document_free(doc);
}
END_TEST

/* ---- the simulator ------------------------------------------------------- */

enum { SIMULATORS = 4, SIM_WRITERS = 2, SIM_TRIALS = 3000, SIM_SPLIT = 1234 };

/* Every figure of a result, doubles as %a, and its totals. */
static char *sim_fingerprint(const smb_sim_result *r)
{
    text t = {0};
    put(&t, "trials %llu first %llu seed %llu exact %d expected %a\n",
        (unsigned long long)smb_sim_result_trials(r), (unsigned long long)smb_sim_result_first(r),
        (unsigned long long)smb_sim_result_seed(r), smb_sim_result_exact(r),
        smb_sim_result_expected(r));
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        const smb_sim_stats *x = smb_sim_result_stats(r, (smb_sim_side)side);
        if (x)
            put(&t, "side %d: %a %a %a %a %a %a %a %a\n", side, x->mean, x->std, x->sem, x->min,
                x->max, x->var, x->es, x->exceed_prob);
        for (size_t i = 0; i < smb_sim_result_percentile_count(r); i++)
            put(&t, "  p%a %a\n", smb_sim_result_percentile_level(r, i),
                smb_sim_result_percentile(r, (smb_sim_side)side, i));
        size_t n = 0;
        const double *totals = smb_sim_result_totals(r, (smb_sim_side)side, &n);
        for (size_t i = 0; totals && i < n; i++)
            put(&t, "%a ", totals[i]);
        put(&t, "\n");
    }
    for (size_t i = 0; i < smb_sim_result_scenario_count(r); i++) {
        const smb_sim_scenario *x = smb_sim_result_scenario_at(r, i);
        put(&t, "%s %llu %a %a\n", x->id, (unsigned long long)x->occurrences, x->occurrence_rate,
            x->es_contribution);
    }
    for (size_t i = 0; i < smb_sim_result_sensitivity_count(r); i++) {
        const smb_sim_sensitivity *x = smb_sim_result_sensitivity_at(r, i);
        put(&t, "%s %d %a\n", x->id, (int)x->kind, x->spearman);
    }
    for (size_t i = 0; i < smb_sim_result_swing_count(r); i++) {
        const smb_sim_swing *x = smb_sim_result_swing_at(r, i);
        put(&t, "%s %d %a %a %a %a\n", x->id, (int)x->kind, x->low_input, x->high_input, x->low,
            x->high);
    }
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s;
}

typedef struct simulator {
    worker w;
    const smb_sim_model *model;
    const char *expected;
} simulator;

/* Round r: the whole run with 1 to 3 worker threads of its own, or
 * [0, SIM_SPLIT) and [SIM_SPLIT, SIM_TRIALS) run apart, merged in either
 * order and finished. */
static smb_status simulate_round(const smb_sim_model *model, int r, smb_sim_result **out)
{
    unsigned threads = (unsigned)(r % 3) + 1;
    if (r % 4 != 3)
        return smb_simulate(model, SIM_TRIALS, threads, NULL, NULL, out);
    smb_sim_part *low = NULL, *high = NULL;
    smb_status st = smb_sim_run(model, 0, SIM_SPLIT, threads, NULL, NULL, &low);
    if (st == SMB_OK)
        st = smb_sim_run(model, SIM_SPLIT, SIM_TRIALS - SIM_SPLIT, threads, NULL, NULL, &high);
    smb_sim_part *into = (r / 4) % 2 ? high : low;
    if (st == SMB_OK)
        st = smb_sim_part_merge(into, into == low ? high : low);
    if (st == SMB_OK)
        st = smb_sim_finish(model, into, threads, out);
    smb_sim_part_free(low);
    smb_sim_part_free(high);
    return st;
}

static void *simulating(void *arg)
{
    simulator *s = arg;
    pthread_barrier_wait(s->w.start);
    for (int r = 0; r < s->w.rounds; r++) {
        smb_sim_result *result = NULL;
        smb_status st = simulate_round(s->model, r + s->w.id, &result);
        char *got = st == SMB_OK ? sim_fingerprint(result) : NULL;
        if (!got || strcmp(got, s->expected) != 0)
            failure(&s->w, "simulator %d round %d: %s", s->w.id, r,
                    st != SMB_OK ? smb_last_error() : "the result differs from the "
                                                      "single-threaded one");
        free(got);
        smb_sim_result_free(result);
    }
    return NULL;
}

START_TEST(shared_model_under_load)
{
    smb_document *doc = load("scenarios_full.json");
    smb_sim_config *config = NULL;
    TH_OK(smb_sim_config_new(&config));
    TH_OK(smb_sim_config_set_seed(config, 20261127));
    TH_OK(smb_sim_config_set_rho(config, 0.3));
    TH_OK(smb_sim_config_set_threshold(config, 2.0));
    TH_OK(smb_sim_config_set_sensitivity_trials(config, 500));
    smb_sim_model *model = NULL;
    TH_OK(smb_sim_model_new(smb_document_scenarios_const(doc), smb_document_resilience_const(doc),
                            NULL, NULL, 0, config, &model));
    smb_sim_config_free(config);
    smb_document_free(doc);

    smb_sim_result *reference = NULL;
    TH_OK(smb_simulate(model, SIM_TRIALS, 1, NULL, NULL, &reference));
    char *expected = sim_fingerprint(reference);
    ck_assert_ptr_nonnull(expected);
    /* the figures are there: kept totals and every scenario */
    ck_assert_uint_eq(smb_sim_result_scenario_count(reference), 4);
    size_t kept = 0;
    ck_assert_ptr_nonnull(smb_sim_result_totals(reference, SMB_SIM_LOSS, &kept));
    ck_assert_uint_eq(kept, SIM_TRIALS);
    smb_sim_result_free(reference);

    char dir[] = "/tmp/smbsimstress-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    pthread_barrier_t start;
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, SIMULATORS + SIM_WRITERS), 0);
    pthread_t threads[SIMULATORS + SIM_WRITERS];
    simulator workers[SIMULATORS + SIM_WRITERS];
    int n = rounds() / 4 > 2 ? rounds() / 4 : 2;
    for (int i = 0; i < SIMULATORS + SIM_WRITERS; i++) {
        workers[i] = (simulator){.w = {.id = i, .rounds = n, .dir = dir, .start = &start},
                                 .model = model, .expected = expected};
        ck_assert_int_eq(pthread_create(&threads[i], NULL, i < SIMULATORS ? simulating : writer,
                                        i < SIMULATORS ? (void *)&workers[i]
                                                       : (void *)&workers[i].w),
                         0);
    }
    for (int i = 0; i < SIMULATORS + SIM_WRITERS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    for (int i = 0; i < SIMULATORS + SIM_WRITERS; i++)
        ck_assert_msg(workers[i].w.failures == 0, "%d failure(s); first: %s",
                      workers[i].w.failures, workers[i].w.first);
    ck_assert_int_eq(rmdir(dir), 0);
    pthread_barrier_destroy(&start);
    free(expected);
    smb_sim_model_free(model);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("concurrency");
    TCase *tc = tcase_create("stress");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, shared_document_under_load);
    tcase_add_test(tc, shared_model_under_load);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
