/* SPDX-License-Identifier: MIT */
/*
 * Every public operation of the canvas, the five forces and the document
 * that allocates, driven through each of its allocation failures in turn on
 * a full document (tests/data/full.json's canvas with forces_full.json's
 * assessment): each failure returns SMB_ENOMEM, leaks nothing, leaves the
 * object equal to a copy taken before, and the object still works after.
 * The suites of each model test their own operations on small objects;
 * this one adds the operations they leave out (loading from a file, saving
 * a document with forces, removing linked items, unlinking, removing and
 * adding drivers) and runs all of them on the largest inputs, where the
 * most allocation points are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* The canvas of full.json and the forces of forces_full.json in one
 * document, loaded before the test's first failing allocation. */
static smb_document *full_document(void)
{
    smb_document *doc = NULL, *forces = NULL;
    TH_OK(smb_document_load_file(th_data_path("full.json"), &doc));
    TH_OK(smb_document_load_file(th_data_path("forces_full.json"), &forces));
    TH_OK(smb_document_set_forces(doc, smb_document_forces_const(forces)));
    smb_document_free(forces);
    return doc;
}

static int same_document(const smb_document *a, const smb_document *b)
{
    const smb_canvas *ca = smb_document_canvas_const(a), *cb = smb_document_canvas_const(b);
    const smb_forces *fa = smb_document_forces_const(a), *fb = smb_document_forces_const(b);
    return (ca && cb ? smb_canvas_equal(ca, cb) : ca == cb) &&
           (fa && fb ? smb_forces_equal(fa, fb) : fa == fb);
}

static char *saved_text(const smb_document *doc, size_t *len)
{
    char *text = NULL;
    TH_OK(smb_document_save_string(doc, &text, len));
    return text;
}

/* The first item of `block` in c. */
static const char *first_id(const smb_canvas *c, smb_block block)
{
    ck_assert_uint_gt(smb_canvas_item_count(c, block), 0);
    return smb_item_id(smb_canvas_item_at(c, block, 0));
}

/* ---- the document ------------------------------------------------------ */

START_TEST(document_load_and_save)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    smb_document *expected = full_document();
    size_t len = 0;
    char *text = saved_text(expected, &len);

    smb_document *doc = NULL;
    TH_EACH_ALLOC_FAILURE(smb_document_load_string(text, len, &doc), doc == NULL,
                          ck_assert(same_document(doc, expected)), 100);
    smb_document_free(doc);
    doc = NULL;

    /* From a file: the read buffer is one allocation more. */
    char dir[] = "/tmp/smbsweep-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/plan.json", dir);
    TH_OK(smb_document_save_file(expected, path));
    TH_EACH_ALLOC_FAILURE(smb_document_load_file(path, &doc), doc == NULL,
                          ck_assert(same_document(doc, expected)), 100);

    /* Saving over the file: a failure leaves the old text in place. */
    TH_OK(smb_canvas_set_name(smb_document_canvas(doc), "Renamed"));
    char *renamed = NULL;
    size_t renamed_len = 0;
    TH_EACH_ALLOC_FAILURE(smb_document_save_string(doc, &renamed, &renamed_len),
                          renamed == NULL, ck_assert_ptr_nonnull(strstr(renamed, "Renamed")), 5);
    TH_EACH_ALLOC_FAILURE(smb_document_save_file(doc, path), 1, (void)0, 5);
    smb_document *back = NULL;
    TH_OK(smb_document_load_file(path, &back));
    ck_assert(same_document(back, doc));
    smb_document_free(back);

    smb_free(renamed);
    smb_document_free(doc);
    unlink(path);
    rmdir(dir);
    smb_free(text);
    smb_document_free(expected);
}
END_TEST

START_TEST(document_set_sections)
{
    th_alloc_install();
    smb_document *source = full_document();
    smb_document *doc = NULL;
    TH_EACH_ALLOC_FAILURE(smb_document_new(&doc), doc == NULL, (void)0, 1);
    smb_document *before = NULL;
    TH_OK(smb_document_new(&before));
    TH_EACH_ALLOC_FAILURE(smb_document_set_canvas(doc, smb_document_canvas_const(source)),
                          same_document(doc, before), (void)0, 10);
    TH_EACH_ALLOC_FAILURE(smb_document_set_forces(doc, smb_document_forces_const(source)),
                          smb_document_forces_const(doc) == NULL, (void)0, 5);
    ck_assert(same_document(doc, source));
    /* Removing a section needs no memory. */
    TH_EACH_ALLOC_FAILURE(smb_document_set_forces(doc, NULL), 1, (void)0, 0);
    ck_assert_ptr_null(smb_document_forces_const(doc));
    smb_document_free(before);
    smb_document_free(doc);
    smb_document_free(source);
}
END_TEST

/* ---- the canvas ------------------------------------------------------------ */

/* A canvas to change and a copy to compare it with after each failure. */
typedef struct pair {
    smb_document *doc;
    smb_canvas *c, *snap;
} pair;

static pair canvas_pair(void)
{
    pair p = {full_document(), NULL, NULL};
    p.c = smb_document_canvas(p.doc);
    TH_OK(smb_canvas_copy(p.c, &p.snap));
    return p;
}

static void pair_sync(pair *p)
{
    smb_canvas_free(p->snap);
    TH_OK(smb_canvas_copy(p->c, &p->snap));
}

static void pair_free(pair *p)
{
    smb_canvas_free(p->snap);
    smb_document_free(p->doc);
}

START_TEST(canvas_changes)
{
    th_alloc_install();
    pair p = canvas_pair();
    smb_canvas *copy = NULL;
    TH_EACH_ALLOC_FAILURE(smb_canvas_copy(p.c, &copy), copy == NULL,
                          ck_assert(smb_canvas_equal(copy, p.c)), 20);
    smb_canvas_free(copy);

    TH_EACH_ALLOC_FAILURE(smb_canvas_add_item(p.c, SMB_BLOCK_CHANNELS, "ch-new", "Market stall"),
                          smb_canvas_equal(p.c, p.snap), (void)0, 1);
    pair_sync(&p);
    /* Ids are copied: a borrowed one could move as the canvas changes. */
    char seg[SMB_MAX_ID_LENGTH + 1];
    snprintf(seg, sizeof seg, "%s", first_id(p.c, SMB_BLOCK_CUSTOMER_SEGMENTS));
    TH_EACH_ALLOC_FAILURE(smb_canvas_link(p.c, "ch-new", seg), smb_canvas_equal(p.c, p.snap),
                          ck_assert(smb_canvas_linked(p.c, "ch-new", seg)), 1);
    pair_sync(&p);
    TH_EACH_ALLOC_FAILURE(smb_canvas_unlink(p.c, "ch-new", seg), smb_canvas_equal(p.c, p.snap),
                          ck_assert(!smb_canvas_linked(p.c, "ch-new", seg)), 0);
    pair_sync(&p);

    static const char *const tags[] = {"local", "weekend", "cash"};
    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_tags(p.c, "ch-new", tags, 3),
                          smb_canvas_equal(p.c, p.snap), (void)0, 1);
    pair_sync(&p);
    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_text(p.c, "ch-new", "Saturday market stall"),
                          smb_canvas_equal(p.c, p.snap), (void)0, 1);
    pair_sync(&p);
    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_notes(p.c, "ch-new", "Pitch 14, by the fountain"),
                          smb_canvas_equal(p.c, p.snap), (void)0, 1);
    pair_sync(&p);
    TH_EACH_ALLOC_FAILURE(smb_canvas_move_item(p.c, "ch-new", SMB_BLOCK_CHANNELS, 0),
                          smb_canvas_equal(p.c, p.snap), (void)0, 0);
    pair_sync(&p);

    /* Removing a segment that value propositions and channels link to
     * unlinks it from all of them. */
    ck_assert_uint_gt(smb_canvas_item_count(p.c, SMB_BLOCK_CUSTOMER_SEGMENTS), 1);
    snprintf(seg, sizeof seg, "%s", first_id(p.c, SMB_BLOCK_CUSTOMER_SEGMENTS));
    TH_EACH_ALLOC_FAILURE(smb_canvas_remove_item(p.c, seg), smb_canvas_equal(p.c, p.snap),
                          ck_assert_ptr_null(smb_canvas_find(p.c, seg)), 0);
    pair_free(&p);
}
END_TEST

START_TEST(canvas_analytics_and_rendering)
{
    th_alloc_install();
    pair p = canvas_pair();
    TH_OK(smb_canvas_set_item_text(p.snap, first_id(p.snap, SMB_BLOCK_CHANNELS), "Changed"));

    smb_findings *f = NULL;
    TH_EACH_ALLOC_FAILURE(smb_canvas_check(p.c, &f), f == NULL, (void)0, 1);
    smb_findings_free(f);
    smb_diff *d = NULL;
    TH_EACH_ALLOC_FAILURE(smb_canvas_diff(p.c, p.snap, &d), d == NULL,
                          ck_assert_uint_eq(smb_diff_count(d), 1), 1);
    smb_diff_free(d);
    for (int k = SMB_FORMAT_MARKDOWN; k <= SMB_FORMAT_HTML; k++) {
        char *out = NULL;
        size_t len = 0;
        TH_EACH_ALLOC_FAILURE(smb_canvas_render(p.c, (smb_format)k, &out, &len), out == NULL,
                              ck_assert_uint_eq(strlen(out), len), 1);
        smb_free(out);
    }
    pair_free(&p);
}
END_TEST

/* ---- the five forces ------------------------------------------------------ */

START_TEST(forces_changes)
{
    th_alloc_install();
    smb_document *doc = full_document();
    smb_forces *f = smb_document_forces(doc), *snap = NULL;
    TH_OK(smb_forces_copy(f, &snap));
#define SYNC()                             \
    do {                                   \
        smb_forces_free(snap);             \
        TH_OK(smb_forces_copy(f, &snap));  \
    } while (0)

    smb_forces *fresh = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_new(&fresh), fresh == NULL, (void)0, 1);
    smb_forces_free(fresh);
    smb_forces *copy = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_copy(f, &copy), copy == NULL,
                          ck_assert(smb_forces_equal(copy, f)), 5);
    smb_forces_free(copy);

    TH_EACH_ALLOC_FAILURE(smb_forces_set_name(f, "Artisan bread, 2027"),
                          smb_forces_equal(f, snap), (void)0, 1);
    SYNC();
    TH_EACH_ALLOC_FAILURE(smb_forces_set_description(f, "Next year's view"),
                          smb_forces_equal(f, snap), (void)0, 1);
    SYNC();
    const smb_force su = SMB_FORCE_SUBSTITUTES;
    const char *key = "home_bread_makers"; /* not among forces_full.json's own */
    TH_EACH_ALLOC_FAILURE(smb_forces_add_driver(f, su, key, "Home bread makers",
                                                "Do machines replace a loaf?"),
                          smb_forces_equal(f, snap), (void)0, 1);
    SYNC();
    TH_EACH_ALLOC_FAILURE(smb_forces_set_rationale(f, su, key, "Bread machines sell well."),
                          smb_forces_equal(f, snap), (void)0, 1);
    SYNC();
    /* Setting numbers needs no memory; removing a driver neither. */
    TH_EACH_ALLOC_FAILURE(smb_forces_set_rating(f, su, key, 2.5), smb_forces_equal(f, snap),
                          (void)0, 0);
    SYNC();
    TH_EACH_ALLOC_FAILURE(smb_forces_remove_driver(f, su, key), smb_forces_equal(f, snap),
                          ck_assert_ptr_null(smb_forces_find_driver(f, su, key)), 0);
#undef SYNC
    smb_forces_free(snap);
    smb_document_free(doc);
}
END_TEST

START_TEST(forces_analytics_and_rendering)
{
    th_alloc_install();
    smb_document *doc = full_document();
    const smb_forces *f = smb_document_forces_const(doc);
    smb_forces *other = NULL;
    TH_OK(smb_forces_copy(f, &other));
    TH_OK(smb_forces_set_rating(other, SMB_FORCE_RIVALRY, "exit_barriers", 4.5));

    smb_forces_result *r = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_score(f, &r), r == NULL, (void)0, 1);
    smb_forces_result_free(r);
    smb_forces_tornado *t = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_sensitivity(f, &t), t == NULL, (void)0, 1);
    smb_forces_tornado_free(t);
    smb_forces_comparison *cmp = NULL;
    TH_EACH_ALLOC_FAILURE(smb_forces_compare(f, other, &cmp), cmp == NULL,
                          ck_assert_uint_ge(smb_forces_comparison_changed_count(cmp), 1), 1);
    smb_forces_comparison_free(cmp);
    for (int k = SMB_FORMAT_MARKDOWN; k <= SMB_FORMAT_HTML; k++) {
        char *out = NULL;
        size_t len = 0;
        TH_EACH_ALLOC_FAILURE(smb_forces_render(f, (smb_format)k, &out, &len), out == NULL,
                              ck_assert_uint_eq(strlen(out), len), 1);
        smb_free(out);
    }
    smb_forces_free(other);
    smb_document_free(doc);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("alloc_sweep");
    TCase *tc = tcase_create("sweep");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, document_load_and_save);
    tcase_add_test(tc, document_set_sections);
    tcase_add_test(tc, canvas_changes);
    tcase_add_test(tc, canvas_analytics_and_rendering);
    tcase_add_test(tc, forces_changes);
    tcase_add_test(tc, forces_analytics_and_rendering);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
