/* SPDX-License-Identifier: MIT */
/* The canvas at its item limit. A suite of its own because it runs on the
 * C library's allocator: the counting allocator of the other suites asserts
 * on every free, which Check turns into a write per call. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* A million items with a link each, then the item limit. The suite's timeout
 * catches any quadratic step in adding, finding, linking, copying, checking
 * or diffing. */
START_TEST(a_million_items)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    char id[32], seg[32];
    enum { SEGMENTS = 1000 };
    /* Check's assertions cost a write each: test the statuses plainly. */
    smb_status st = SMB_OK;
    for (int i = 0; i < SEGMENTS && st == SMB_OK; i++) {
        snprintf(id, sizeof id, "seg-%d", i);
        st = smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, id, "Segment");
    }
    for (int i = 0; i < SMB_MAX_ITEMS - SEGMENTS && st == SMB_OK; i++) {
        snprintf(id, sizeof id, "vp-%d", i);
        snprintf(seg, sizeof seg, "seg-%d", i % SEGMENTS);
        st = smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, id, "Proposition");
        if (st == SMB_OK)
            st = smb_canvas_link(c, id, seg);
    }
    TH_OK(st);
    ck_assert_uint_eq(smb_canvas_item_total(c), SMB_MAX_ITEMS);
    const smb_item *last = smb_canvas_find(c, "vp-998999");
    ck_assert_uint_eq(smb_item_index(last), 998999);
    ck_assert_str_eq(smb_item_link(last, 0), "seg-999");

    smb_canvas *snap = NULL;
    TH_OK(smb_canvas_copy(c, &snap));
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "one-more", "Too many"),
                    SMB_ELIMIT, "canvas: already holds the most items allowed (1000000)");
    ck_assert(smb_canvas_equal(c, snap));

    /* Check and diff stay linear too. Every proposition after the first
     * repeats its text, and so does every segment after the first:
     * 998999 + 999 duplicates; no channel reaches the 1000 segments; the
     * other seven blocks are empty. */
    smb_findings *f = NULL;
    TH_OK(smb_canvas_check(c, &f));
    ck_assert_uint_eq(smb_findings_count(f), 7 + 998999 + 999 + 1000);
    smb_findings_free(f);
    TH_OK(smb_canvas_set_item_text(snap, "vp-500000", "Changed"));
    TH_OK(smb_canvas_remove_item(snap, "vp-7"));
    smb_diff *d = NULL;
    TH_OK(smb_canvas_diff(c, snap, &d));
    /* removed vp-7, changed vp-500000, removed link vp-7 -> seg-7 */
    ck_assert_uint_eq(smb_diff_count(d), 3);
    smb_diff_free(d);
    smb_canvas_free(snap);

    /* Removing a segment unlinks its thousand propositions. */
    TH_OK(smb_canvas_remove_item(c, "seg-0"));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp-0")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp-1")), 1);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "one-more", "Fits again"));
    smb_canvas_free(c);
}
END_TEST

static Suite *scale_suite(void)
{
    Suite *s = suite_create("canvas_scale");
    TCase *tc = tcase_create("scale");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, a_million_items);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(scale_suite());
}
