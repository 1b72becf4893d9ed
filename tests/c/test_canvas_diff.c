/* SPDX-License-Identifier: MIT */
/* Differences between two canvases: what is reported, in which order, and
 * the diff's independence from the canvases it came from. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* Blocks allocated before the test: a failed test leaks what it held, and
 * only the test that leaked should fail for it. */
static long live_before;

static void setup(void)
{
    th_alloc_install();
    live_before = th_alloc_live();
}

static void teardown(void)
{
    ck_assert_msg(th_alloc_live() == live_before, "%ld block(s) leaked",
                  th_alloc_live() - live_before);
}

static smb_canvas *today(void)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_set_name(c, "Crumb & Co."));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_PARTNERSHIPS, "kp-mill", "Flour mill"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-fresh", "Fresh bread"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-cake", "Cakes"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-shop", "Shop"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-fam", "Families"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tour", "Tourists"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev-sales", "Counter sales"));
    TH_OK(smb_canvas_link(c, "kp-mill", "vp-fresh"));
    TH_OK(smb_canvas_link(c, "vp-fresh", "seg-fam"));
    TH_OK(smb_canvas_link(c, "vp-cake", "seg-tour"));
    TH_OK(smb_canvas_link(c, "ch-shop", "seg-fam"));
    TH_OK(smb_canvas_set_item_amount(c, "rev-sales", 50000));
    return c;
}

static smb_canvas *copy_of(const smb_canvas *c)
{
    smb_canvas *d = NULL;
    TH_OK(smb_canvas_copy(c, &d));
    return d;
}

static smb_diff *diff(const smb_canvas *a, const smb_canvas *b)
{
    smb_diff *d = NULL;
    TH_OK(smb_canvas_diff(a, b, &d));
    ck_assert_ptr_nonnull(d);
    return d;
}

static void assert_change(const smb_diff *d, size_t i, smb_change_kind kind, const char *id,
                          smb_block block, unsigned fields, const char *target)
{
    const smb_change *c = smb_diff_at(d, i);
    ck_assert_msg(c != NULL, "no change %zu", i);
    ck_assert_msg(c->kind == kind, "change %zu is %s, expected %s", i,
                  smb_change_kind_key(c->kind), smb_change_kind_key(kind));
    ck_assert_str_eq(c->id, id);
    ck_assert_int_eq(c->block, block);
    ck_assert_uint_eq(c->fields, fields);
    if (target)
        ck_assert_str_eq(c->target, target);
    else
        ck_assert_ptr_null(c->target);
}

START_TEST(equal_canvases_have_no_differences)
{
    smb_canvas *a = today();
    smb_canvas *b = copy_of(a);
    smb_diff *d = diff(a, b);
    ck_assert_uint_eq(smb_diff_count(d), 0);
    ck_assert_ptr_null(smb_diff_at(d, 0));
    smb_diff_free(d);
    d = diff(a, a);
    ck_assert_uint_eq(smb_diff_count(d), 0);
    smb_diff_free(d);

    /* Name, description and the order of items within a block are not item
     * or link changes. */
    TH_OK(smb_canvas_set_name(b, "Crumb & Co. 2030"));
    TH_OK(smb_canvas_set_description(b, "The redesign"));
    TH_OK(smb_canvas_move_item(b, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0));
    d = diff(a, b);
    ck_assert_uint_eq(smb_diff_count(d), 0);
    smb_diff_free(d);

    smb_canvas *e1 = NULL, *e2 = NULL;
    TH_OK(smb_canvas_new(&e1));
    TH_OK(smb_canvas_new(&e2));
    d = diff(e1, e2);
    ck_assert_uint_eq(smb_diff_count(d), 0);
    smb_diff_free(d);
    smb_canvas_free(e1);
    smb_canvas_free(e2);
    smb_canvas_free(a);
    smb_canvas_free(b);
}
END_TEST

START_TEST(every_field_is_reported)
{
    smb_canvas *a = today();
    const char *tags[] = {"x", "y"}, *swapped[] = {"y", "x"};
    TH_OK(smb_canvas_set_item_tags(a, "seg-tour", tags, 2));
    TH_OK(smb_canvas_set_item_kind(a, "rev-sales", SMB_KIND_ASSET_SALE));
    smb_canvas *b = copy_of(a);
    TH_OK(smb_canvas_set_item_text(b, "kp-mill", "Organic flour mill"));
    TH_OK(smb_canvas_set_item_notes(b, "kp-mill", "since 2024"));
    TH_OK(smb_canvas_set_item_tags(b, "seg-tour", swapped, 2));
    TH_OK(smb_canvas_set_item_importance(b, "seg-fam", 5));
    TH_OK(smb_canvas_set_item_evidence(b, "seg-fam", SMB_EVIDENCE_VALIDATED));
    TH_OK(smb_canvas_set_item_amount(b, "rev-sales", 50000.01));
    TH_OK(smb_canvas_set_item_kind(b, "rev-sales", SMB_KIND_SUBSCRIPTION));
    /* A channel that becomes a relationship keeps its link. */
    TH_OK(smb_canvas_move_item(b, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS, 0));

    smb_diff *d = diff(a, b);
    /* Changed items in the order of the second canvas: kp-mill (0),
     * ch-shop (now in relationships, 4), seg-fam and seg-tour (6),
     * rev-sales (8). */
    ck_assert_uint_eq(smb_diff_count(d), 5);
    assert_change(d, 0, SMB_CHANGE_CHANGED, "kp-mill", SMB_BLOCK_KEY_PARTNERSHIPS,
                  SMB_FIELD_TEXT | SMB_FIELD_NOTES, NULL);
    assert_change(d, 1, SMB_CHANGE_CHANGED, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS,
                  SMB_FIELD_BLOCK, NULL);
    assert_change(d, 2, SMB_CHANGE_CHANGED, "seg-fam", SMB_BLOCK_CUSTOMER_SEGMENTS,
                  SMB_FIELD_IMPORTANCE | SMB_FIELD_EVIDENCE, NULL);
    assert_change(d, 3, SMB_CHANGE_CHANGED, "seg-tour", SMB_BLOCK_CUSTOMER_SEGMENTS,
                  SMB_FIELD_TAGS, NULL);
    assert_change(d, 4, SMB_CHANGE_CHANGED, "rev-sales", SMB_BLOCK_REVENUE_STREAMS,
                  SMB_FIELD_AMOUNT | SMB_FIELD_KIND, NULL);
    smb_diff_free(d);

    /* An amount that disappears is a change even if it was 0. */
    smb_canvas *c = copy_of(a);
    TH_OK(smb_canvas_set_item_amount(a, "rev-sales", 0));
    TH_OK(smb_canvas_clear_item_amount(c, "rev-sales"));
    d = diff(a, c);
    ck_assert_uint_eq(smb_diff_count(d), 1);
    assert_change(d, 0, SMB_CHANGE_CHANGED, "rev-sales", SMB_BLOCK_REVENUE_STREAMS,
                  SMB_FIELD_AMOUNT, NULL);
    smb_diff_free(d);
    smb_canvas_free(c);
    smb_canvas_free(a);
    smb_canvas_free(b);
}
END_TEST

START_TEST(changes_come_in_documented_order)
{
    smb_canvas *a = today();
    smb_canvas *b = copy_of(a);
    /* Removed: vp-cake (and with it its link to seg-tour), seg-tour.
     * Added: kr-oven, ch-web. Changed: vp-fresh. New links: ch-web ->
     * seg-fam, kr-oven -> vp-fresh; removed link: kp-mill -> vp-fresh. */
    TH_OK(smb_canvas_remove_item(b, "seg-tour"));
    TH_OK(smb_canvas_remove_item(b, "vp-cake"));
    TH_OK(smb_canvas_add_item(b, SMB_BLOCK_CHANNELS, "ch-web", "Web shop"));
    TH_OK(smb_canvas_add_item(b, SMB_BLOCK_KEY_RESOURCES, "kr-oven", "Oven"));
    TH_OK(smb_canvas_set_item_text(b, "vp-fresh", "Bread baked at dawn"));
    TH_OK(smb_canvas_link(b, "ch-web", "seg-fam"));
    TH_OK(smb_canvas_link(b, "kr-oven", "vp-fresh"));
    TH_OK(smb_canvas_unlink(b, "kp-mill", "vp-fresh"));

    smb_diff *d = diff(a, b);
    ck_assert_uint_eq(smb_diff_count(d), 9);
    /* removed items, in the first canvas's order */
    assert_change(d, 0, SMB_CHANGE_REMOVED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0, NULL);
    assert_change(d, 1, SMB_CHANGE_REMOVED, "seg-tour", SMB_BLOCK_CUSTOMER_SEGMENTS, 0, NULL);
    /* added items, in the second canvas's order (resources before channels) */
    assert_change(d, 2, SMB_CHANGE_ADDED, "kr-oven", SMB_BLOCK_KEY_RESOURCES, 0, NULL);
    assert_change(d, 3, SMB_CHANGE_ADDED, "ch-web", SMB_BLOCK_CHANNELS, 0, NULL);
    /* changed items */
    assert_change(d, 4, SMB_CHANGE_CHANGED, "vp-fresh", SMB_BLOCK_VALUE_PROPOSITIONS,
                  SMB_FIELD_TEXT, NULL);
    /* removed links, by source in the first canvas */
    assert_change(d, 5, SMB_CHANGE_LINK_REMOVED, "kp-mill", SMB_BLOCK_KEY_PARTNERSHIPS, 0,
                  "vp-fresh");
    assert_change(d, 6, SMB_CHANGE_LINK_REMOVED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0,
                  "seg-tour");
    /* added links, by source in the second canvas */
    assert_change(d, 7, SMB_CHANGE_LINK_ADDED, "kr-oven", SMB_BLOCK_KEY_RESOURCES, 0,
                  "vp-fresh");
    assert_change(d, 8, SMB_CHANGE_LINK_ADDED, "ch-web", SMB_BLOCK_CHANNELS, 0, "seg-fam");
    ck_assert_ptr_null(smb_diff_at(d, 9));
    smb_diff_free(d);

    /* The other way round, everything is mirrored. */
    d = diff(b, a);
    ck_assert_uint_eq(smb_diff_count(d), 9);
    assert_change(d, 0, SMB_CHANGE_REMOVED, "kr-oven", SMB_BLOCK_KEY_RESOURCES, 0, NULL);
    assert_change(d, 2, SMB_CHANGE_ADDED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0, NULL);
    assert_change(d, 5, SMB_CHANGE_LINK_REMOVED, "kr-oven", SMB_BLOCK_KEY_RESOURCES, 0,
                  "vp-fresh");
    assert_change(d, 8, SMB_CHANGE_LINK_ADDED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0,
                  "seg-tour");
    smb_diff_free(d);
    smb_canvas_free(a);
    smb_canvas_free(b);
}
END_TEST

START_TEST(link_changes_report_the_source_block_after)
{
    smb_canvas *a = today();
    smb_canvas *b = copy_of(a);
    /* The channel moves to relationships and drops its link: the removed
     * link is reported in the block the source has now. */
    TH_OK(smb_canvas_unlink(b, "ch-shop", "seg-fam"));
    TH_OK(smb_canvas_move_item(b, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS, 0));
    smb_diff *d = diff(a, b);
    ck_assert_uint_eq(smb_diff_count(d), 2);
    assert_change(d, 0, SMB_CHANGE_CHANGED, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS,
                  SMB_FIELD_BLOCK, NULL);
    assert_change(d, 1, SMB_CHANGE_LINK_REMOVED, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS, 0,
                  "seg-fam");
    smb_diff_free(d);

    /* Same ids, re-created: a link to an item that was removed and added
     * again under the same id is still the same link. */
    smb_canvas *c = copy_of(a);
    TH_OK(smb_canvas_remove_item(c, "seg-tour"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tour", "Tourists"));
    TH_OK(smb_canvas_link(c, "vp-cake", "seg-tour"));
    d = diff(a, c);
    ck_assert_uint_eq(smb_diff_count(d), 0);
    smb_diff_free(d);
    smb_canvas_free(c);
    smb_canvas_free(a);
    smb_canvas_free(b);
}
END_TEST

START_TEST(diff_outlives_its_canvases)
{
    smb_canvas *a = today();
    smb_canvas *b = copy_of(a);
    TH_OK(smb_canvas_remove_item(b, "vp-cake"));
    smb_diff *d = diff(a, b);
    smb_canvas_free(a);
    smb_canvas_free(b);
    ck_assert_uint_eq(smb_diff_count(d), 2);
    assert_change(d, 0, SMB_CHANGE_REMOVED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0, NULL);
    assert_change(d, 1, SMB_CHANGE_LINK_REMOVED, "vp-cake", SMB_BLOCK_VALUE_PROPOSITIONS, 0,
                  "seg-tour");
    smb_diff_free(d);
}
END_TEST

START_TEST(diff_refuses_null)
{
    smb_canvas *a = today();
    smb_diff *d = NULL;
    TH_ASSERT_FAILS(smb_canvas_diff(NULL, a, &d), SMB_EINVAL, "before: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_diff(a, NULL, &d), SMB_EINVAL, "after: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_diff(a, a, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_null(d);
    ck_assert_uint_eq(smb_diff_count(NULL), 0);
    ck_assert_ptr_null(smb_diff_at(NULL, 0));
    smb_diff_free(NULL);
    smb_canvas_free(a);
}
END_TEST

START_TEST(diff_survives_allocation_failure)
{
    smb_canvas *a = today();
    smb_canvas *b = NULL;
    TH_OK(smb_canvas_new(&b));
    smb_canvas *snap_a = copy_of(a), *snap_b = copy_of(b);
    /* Everything removed: 7 items and 4 links, 11 changes: the diff, its
     * records (growing past 4 and 8) and its text buffer. */
    smb_diff *d = NULL;
    TH_EACH_ALLOC_FAILURE(smb_canvas_diff(a, b, &d),
                          d == NULL && smb_canvas_equal(a, snap_a) && smb_canvas_equal(b, snap_b),
                          {
                              ck_assert_uint_eq(smb_diff_count(d), 11);
                              smb_diff_free(d);
                          },
                          4);
    smb_canvas_free(snap_a);
    smb_canvas_free(snap_b);
    smb_canvas_free(a);
    smb_canvas_free(b);
}
END_TEST

static Suite *diff_suite(void)
{
    Suite *s = suite_create("canvas_diff");
    TCase *tc = tcase_create("diff");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, equal_canvases_have_no_differences);
    tcase_add_test(tc, every_field_is_reported);
    tcase_add_test(tc, changes_come_in_documented_order);
    tcase_add_test(tc, link_changes_report_the_source_block_after);
    tcase_add_test(tc, diff_outlives_its_canvases);
    tcase_add_test(tc, diff_refuses_null);
    tcase_add_test(tc, diff_survives_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(diff_suite());
}
