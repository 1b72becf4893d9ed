/* SPDX-License-Identifier: MIT */
/* Coherence findings, totals and the assumption share of a canvas. */
#include <math.h>
#include <stdio.h>
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

/* A canvas with one item in every block, every link the rules look for, and
 * distinct texts: it has no findings at all. */
static smb_canvas *coherent(void)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_PARTNERSHIPS, "kp", "Flour mill"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_ACTIVITIES, "ka", "Baking"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr", "Oven"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp", "Fresh bread"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_RELATIONSHIPS, "cr", "Personal service"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch", "Shop"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg", "Families"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost", "Rent"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev", "Bread sales"));
    TH_OK(smb_canvas_link(c, "vp", "seg"));
    TH_OK(smb_canvas_link(c, "ch", "seg"));
    TH_OK(smb_canvas_link(c, "rev", "seg"));
    return c;
}

static smb_findings *check(const smb_canvas *c)
{
    smb_findings *f = NULL;
    TH_OK(smb_canvas_check(c, &f));
    ck_assert_ptr_nonnull(f);
    return f;
}

static void assert_finding(const smb_findings *f, size_t i, smb_severity severity,
                           const char *code, smb_block block, const char *item,
                           const char *message)
{
    const smb_finding *x = smb_findings_at(f, i);
    ck_assert_msg(x != NULL, "no finding %zu", i);
    ck_assert_str_eq(x->code, code);
    ck_assert_int_eq(x->severity, severity);
    ck_assert_int_eq(x->block, block);
    if (item)
        ck_assert_str_eq(x->item, item);
    else
        ck_assert_ptr_null(x->item);
    ck_assert_str_eq(x->message, message);
}

/* ---- findings ------------------------------------------------------------ */

START_TEST(coherent_canvas_has_no_findings)
{
    smb_canvas *c = coherent();
    smb_findings *f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 0);
    ck_assert_ptr_null(smb_findings_at(f, 0));
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_INFO), 0);
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(empty_canvas_has_nine_empty_blocks)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    smb_findings *f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), SMB_BLOCK_COUNT);
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        char message[80];
        snprintf(message, sizeof message, "The %s block is empty.", smb_block_title((smb_block)b));
        assert_finding(f, (size_t)b, SMB_SEVERITY_WARNING, "empty_block", (smb_block)b, NULL,
                       message);
    }
    ck_assert_str_eq(smb_findings_at(f, 0)->message, "The Key Partnerships block is empty.");
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_INFO), 9);
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_WARNING), 9);
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_ERROR), 0);
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(segment_needs_value_proposition_and_channel)
{
    smb_canvas *c = coherent();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tourists", "Tourists"));
    smb_findings *f = check(c);
    /* Same item: codes in alphabetical order. */
    ck_assert_uint_eq(smb_findings_count(f), 2);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "segment_without_channel",
                   SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tourists",
                   "Customer segment 'seg-tourists' (Tourists) is reached by no channel.");
    assert_finding(f, 1, SMB_SEVERITY_WARNING, "segment_without_value_proposition",
                   SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tourists",
                   "Customer segment 'seg-tourists' (Tourists) is served by no value proposition.");
    smb_findings_free(f);

    /* A relationship is not a channel: it does not reach the segment. */
    TH_OK(smb_canvas_link(c, "cr", "seg-tourists"));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 2);
    smb_findings_free(f);

    TH_OK(smb_canvas_link(c, "ch", "seg-tourists"));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 1);
    ck_assert_str_eq(smb_findings_at(f, 0)->code, "segment_without_value_proposition");
    smb_findings_free(f);

    TH_OK(smb_canvas_link(c, "vp", "seg-tourists"));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 0);
    smb_findings_free(f);

    /* Removing the only channel leaves both segments unreached. */
    TH_OK(smb_canvas_remove_item(c, "ch"));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 3);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "empty_block", SMB_BLOCK_CHANNELS, NULL,
                   "The Channels block is empty.");
    assert_finding(f, 1, SMB_SEVERITY_WARNING, "segment_without_channel",
                   SMB_BLOCK_CUSTOMER_SEGMENTS, "seg",
                   "Customer segment 'seg' (Families) is reached by no channel.");
    ck_assert_str_eq(smb_findings_at(f, 2)->item, "seg-tourists");
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(value_proposition_and_revenue_need_a_segment)
{
    smb_canvas *c = coherent();
    TH_OK(smb_canvas_unlink(c, "vp", "seg"));
    TH_OK(smb_canvas_unlink(c, "rev", "seg"));
    smb_findings *f = check(c);
    /* Blocks in order: value propositions (3), segments (6), revenue (8). */
    ck_assert_uint_eq(smb_findings_count(f), 3);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "value_proposition_without_segment",
                   SMB_BLOCK_VALUE_PROPOSITIONS, "vp",
                   "Value proposition 'vp' (Fresh bread) serves no customer segment.");
    assert_finding(f, 1, SMB_SEVERITY_WARNING, "segment_without_value_proposition",
                   SMB_BLOCK_CUSTOMER_SEGMENTS, "seg",
                   "Customer segment 'seg' (Families) is served by no value proposition.");
    assert_finding(f, 2, SMB_SEVERITY_WARNING, "revenue_without_segment",
                   SMB_BLOCK_REVENUE_STREAMS, "rev",
                   "Revenue stream 'rev' (Bread sales) is paid by no customer segment.");
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(duplicate_text_within_a_block)
{
    smb_canvas *c = coherent();
    /* Trimmed and case-folded, these three are the same channel text; the
     * finding goes on each later one and names the first. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-2", "  SHOP\t"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-3", "Web shop"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-4", "shop"));
    /* The same text in another block is not a duplicate. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr-shop", "Shop"));
    TH_OK(smb_canvas_link(c, "kr-shop", "vp"));
    smb_findings *f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 2);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "duplicate_text", SMB_BLOCK_CHANNELS, "ch-2",
                   "Channel 'ch-2' (  SHOP ) repeats the text of 'ch'.");
    assert_finding(f, 1, SMB_SEVERITY_WARNING, "duplicate_text", SMB_BLOCK_CHANNELS, "ch-4",
                   "Channel 'ch-4' (shop) repeats the text of 'ch'.");
    smb_findings_free(f);

    /* Case folding is ASCII only, so the rule does not hang on a locale. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-e1", "Éclair"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-e2", "éclair"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-e3", "ÉCLAIR"));
    TH_OK(smb_canvas_link(c, "vp-e1", "seg"));
    TH_OK(smb_canvas_link(c, "vp-e2", "seg"));
    TH_OK(smb_canvas_link(c, "vp-e3", "seg"));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 3);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "duplicate_text", SMB_BLOCK_VALUE_PROPOSITIONS,
                   "vp-e3", "Value proposition 'vp-e3' (ÉCLAIR) repeats the text of 'vp-e1'.");
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(invalidated_items_are_reported_as_info)
{
    smb_canvas *c = coherent();
    TH_OK(smb_canvas_set_item_evidence(c, "vp", SMB_EVIDENCE_INVALIDATED));
    TH_OK(smb_canvas_set_item_evidence(c, "ch", SMB_EVIDENCE_VALIDATED));
    TH_OK(smb_canvas_set_item_evidence(c, "cr", SMB_EVIDENCE_TESTING));
    smb_findings *f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 1);
    assert_finding(f, 0, SMB_SEVERITY_INFO, "invalidated_item", SMB_BLOCK_VALUE_PROPOSITIONS,
                   "vp",
                   "Value proposition 'vp' (Fresh bread) was invalidated by evidence but is "
                   "still in the model.");
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_INFO), 1);
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_WARNING), 0);
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(cost_exceeding_revenue)
{
    smb_canvas *c = coherent();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost-2", "Wages"));
    TH_OK(smb_canvas_set_item_amount(c, "cost", 12000));
    TH_OK(smb_canvas_set_item_amount(c, "cost-2", 30000.5));
    smb_findings *f = check(c);
    /* No revenue amount at all: the model is unpriced, not loss-making. */
    ck_assert_uint_eq(smb_findings_count(f), 0);
    smb_findings_free(f);

    /* 40000 < 12000 + 30000.5 = 42000.5: short by 2000.5. */
    TH_OK(smb_canvas_set_item_amount(c, "rev", 40000));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 1);
    assert_finding(f, 0, SMB_SEVERITY_WARNING, "cost_exceeds_revenue", SMB_BLOCK_NONE, NULL,
                   "Costs of 42000.50 exceed revenue of 40000 by 2000.50 a year.");
    smb_findings_free(f);

    /* Break-even is not a finding. */
    TH_OK(smb_canvas_set_item_amount(c, "rev", 42000.5));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 0);
    smb_findings_free(f);

    /* Revenue but zero costs: nothing. */
    TH_OK(smb_canvas_set_item_amount(c, "cost", 0));
    TH_OK(smb_canvas_set_item_amount(c, "cost-2", 0));
    TH_OK(smb_canvas_set_item_amount(c, "rev", 1));
    f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 0);
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(findings_are_ordered_by_block_item_and_code)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev", "Sales"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost", "Rent"));
    TH_OK(smb_canvas_set_item_amount(c, "rev", 10));
    TH_OK(smb_canvas_set_item_amount(c, "cost", 20));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-b", "B"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-a", "b"));
    TH_OK(smb_canvas_set_item_evidence(c, "seg-a", SMB_EVIDENCE_INVALIDATED));
    TH_OK(smb_canvas_set_item_evidence(c, "rev", SMB_EVIDENCE_INVALIDATED));
    smb_findings *f = check(c);
    static const struct {
        const char *code;
        smb_block block;
        const char *item;
    } expected[] = {
        {"cost_exceeds_revenue", SMB_BLOCK_NONE, NULL},
        {"empty_block", SMB_BLOCK_KEY_PARTNERSHIPS, NULL},
        {"empty_block", SMB_BLOCK_KEY_ACTIVITIES, NULL},
        {"empty_block", SMB_BLOCK_KEY_RESOURCES, NULL},
        {"empty_block", SMB_BLOCK_VALUE_PROPOSITIONS, NULL},
        {"empty_block", SMB_BLOCK_CUSTOMER_RELATIONSHIPS, NULL},
        {"empty_block", SMB_BLOCK_CHANNELS, NULL},
        {"segment_without_channel", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-b"},
        {"segment_without_value_proposition", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-b"},
        {"duplicate_text", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-a"},
        {"invalidated_item", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-a"},
        {"segment_without_channel", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-a"},
        {"segment_without_value_proposition", SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-a"},
        {"invalidated_item", SMB_BLOCK_REVENUE_STREAMS, "rev"},
        {"revenue_without_segment", SMB_BLOCK_REVENUE_STREAMS, "rev"},
    };
    size_t n = sizeof expected / sizeof expected[0];
    ck_assert_uint_eq(smb_findings_count(f), n);
    for (size_t i = 0; i < n; i++) {
        const smb_finding *x = smb_findings_at(f, i);
        ck_assert_str_eq(x->code, expected[i].code);
        ck_assert_int_eq(x->block, expected[i].block);
        if (expected[i].item)
            ck_assert_str_eq(x->item, expected[i].item);
        else
            ck_assert_ptr_null(x->item);
    }
    /* 2 info (invalidated) and 13 warnings. */
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_INFO), 15);
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_WARNING), 13);
    ck_assert_uint_eq(smb_findings_count_at_least(f, SMB_SEVERITY_ERROR), 0);
    ck_assert_ptr_null(smb_findings_at(f, n));
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(messages_quote_a_short_single_line_of_text)
{
    smb_canvas *c = coherent();
    /* 'a' and thirty 3-byte euro signs: the 60-byte excerpt would end inside
     * the twentieth sign (bytes 58..60), so it stops before it, at 58 bytes:
     * 'a' and 19 signs. */
    char text[128] = "a";
    for (int i = 0; i < 30; i++)
        strcat(text, "\xe2\x82\xac");
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-euro", text));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-lines", "Two\nlines\r\there"));
    smb_findings *f = check(c);
    ck_assert_uint_eq(smb_findings_count(f), 4);
    char expected[256] = "Customer segment 'seg-euro' (a";
    for (int i = 0; i < 19; i++)
        strcat(expected, "\xe2\x82\xac");
    strcat(expected, "...) is reached by no channel.");
    ck_assert_str_eq(smb_findings_at(f, 0)->message, expected);
    ck_assert_str_eq(smb_findings_at(f, 2)->message,
                     "Customer segment 'seg-lines' (Two lines  here) is reached by no channel.");
    smb_findings_free(f);

    /* 60 bytes are quoted whole; 61 are cut to 60. */
    char sixty[62];
    memset(sixty, 's', 61);
    sixty[60] = '\0';
    TH_OK(smb_canvas_set_item_text(c, "seg-lines", sixty));
    f = check(c);
    ck_assert_ptr_nonnull(strstr(smb_findings_at(f, 2)->message, "ss)"));
    smb_findings_free(f);
    sixty[60] = 's';
    sixty[61] = '\0';
    TH_OK(smb_canvas_set_item_text(c, "seg-lines", sixty));
    f = check(c);
    sixty[60] = '\0';
    char cut[128];
    snprintf(cut, sizeof cut, "(%s...)", sixty);
    ck_assert_ptr_nonnull(strstr(smb_findings_at(f, 2)->message, cut));
    smb_findings_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(findings_outlive_the_canvas)
{
    smb_canvas *c = coherent();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-2", "Tourists"));
    smb_findings *f = check(c);
    smb_canvas_free(c);
    ck_assert_str_eq(smb_findings_at(f, 0)->item, "seg-2");
    ck_assert_ptr_nonnull(strstr(smb_findings_at(f, 0)->message, "Tourists"));
    smb_findings_free(f);
}
END_TEST

START_TEST(check_refuses_null)
{
    smb_canvas *c = coherent();
    smb_findings *f = NULL;
    TH_ASSERT_FAILS(smb_canvas_check(NULL, &f), SMB_EINVAL, "canvas: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_check(c, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_null(f);
    ck_assert_uint_eq(smb_findings_count(NULL), 0);
    ck_assert_ptr_null(smb_findings_at(NULL, 0));
    ck_assert_uint_eq(smb_findings_count_at_least(NULL, SMB_SEVERITY_INFO), 0);
    smb_findings_free(NULL);
    smb_canvas_free(c);
}
END_TEST

START_TEST(check_survives_allocation_failure)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg", "Tourists"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-2", "tourists"));
    smb_canvas *snap = NULL;
    TH_OK(smb_canvas_copy(c, &snap));
    smb_findings *f = NULL;
    /* 8 empty blocks, 2 + 2 link findings and 1 duplicate: 13. The list,
     * the duplicate table, the records (growing past 4 and 8) and the text
     * buffer (growing as it fills) each allocate. */
    TH_EACH_ALLOC_FAILURE(smb_canvas_check(c, &f), f == NULL && smb_canvas_equal(c, snap),
                          {
                              ck_assert_uint_eq(smb_findings_count(f), 8 + 5);
                              smb_findings_free(f);
                          },
                          5);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

/* ---- totals -------------------------------------------------------------- */

START_TEST(totals_by_hand)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    ck_assert(smb_canvas_revenue_total(c) == 0.0);
    ck_assert(smb_canvas_cost_total(c) == 0.0);
    ck_assert(smb_canvas_margin(c) == 0.0);

    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r1", "Subscriptions"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r2", "Counter sales"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "r3", "Unpriced idea"));
    TH_OK(smb_canvas_set_item_amount(c, "r1", 18000));
    TH_OK(smb_canvas_set_item_amount(c, "r2", 2400.5));
    TH_OK(smb_canvas_set_item_kind(c, "r3", SMB_KIND_FREEMIUM));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c1", "Rent"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c2", "Flour"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c3", "Sundries"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "c4", "Insurance"));
    TH_OK(smb_canvas_set_item_amount(c, "c1", 12000));
    TH_OK(smb_canvas_set_item_kind(c, "c1", SMB_KIND_FIXED));
    TH_OK(smb_canvas_set_item_amount(c, "c2", 3000.25));
    TH_OK(smb_canvas_set_item_kind(c, "c2", SMB_KIND_VARIABLE));
    TH_OK(smb_canvas_set_item_amount(c, "c3", 500));
    TH_OK(smb_canvas_set_item_amount(c, "c4", 1000));
    TH_OK(smb_canvas_set_item_kind(c, "c4", SMB_KIND_FIXED));

    /* revenue 18000 + 2400.5 = 20400.5 (r3 has no amount) */
    ck_assert(smb_canvas_revenue_total(c) == 20400.5);
    /* cost 12000 + 3000.25 + 500 + 1000 = 16500.25 */
    ck_assert(smb_canvas_cost_total(c) == 16500.25);
    /* fixed 12000 + 1000 = 13000; variable 3000.25; no kind 500 */
    ck_assert(smb_canvas_cost_total_of_kind(c, SMB_KIND_FIXED) == 13000.0);
    ck_assert(smb_canvas_cost_total_of_kind(c, SMB_KIND_VARIABLE) == 3000.25);
    ck_assert(smb_canvas_cost_total_of_kind(c, SMB_KIND_NONE) == 500.0);
    ck_assert(smb_canvas_cost_total_of_kind(c, SMB_KIND_SUBSCRIPTION) == 0.0);
    ck_assert(smb_canvas_cost_total_of_kind(c, SMB_KIND_COUNT) == 0.0);
    /* margin 20400.5 - 16500.25 = 3900.25 */
    ck_assert(smb_canvas_margin(c) == 3900.25);

    /* Loss: 20400.5 - (16500.25 + 10000) = -6099.75 */
    TH_OK(smb_canvas_set_item_amount(c, "c3", 10500));
    ck_assert(smb_canvas_margin(c) == -6099.75);

    ck_assert(smb_canvas_revenue_total(NULL) == 0.0);
    ck_assert(smb_canvas_cost_total(NULL) == 0.0);
    ck_assert(smb_canvas_cost_total_of_kind(NULL, SMB_KIND_FIXED) == 0.0);
    ck_assert(smb_canvas_margin(NULL) == 0.0);
    smb_canvas_free(c);
}
END_TEST

START_TEST(totals_are_compensated_sums)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    char id[8];
    /* 1e15 then ten cents: each cent is below half an ulp of 1e15 (0.0625),
     * so a plain running sum stays at 1e15. The compensated sum carries the
     * 0.1 and rounds 1e15 + 0.1 to the nearest double, 1e15 + 0.125. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "big", "Big"));
    TH_OK(smb_canvas_set_item_amount(c, "big", 1e15));
    for (int i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "r%d", i);
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, id, "Cent"));
        TH_OK(smb_canvas_set_item_amount(c, id, 0.01));
    }
    ck_assert(smb_canvas_revenue_total(c) == 1e15 + 0.125);
    smb_canvas_free(c);
}
END_TEST

START_TEST(assumption_share_by_hand)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    ck_assert(smb_canvas_assumption_share(c) == 0.0);
    ck_assert(smb_canvas_assumption_share(NULL) == 0.0);

    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "a", "A"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "b", "B"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "c", "C"));
    TH_OK(smb_canvas_set_item_importance(c, "a", 5));
    TH_OK(smb_canvas_set_item_importance(c, "b", 3));
    TH_OK(smb_canvas_set_item_evidence(c, "b", SMB_EVIDENCE_VALIDATED));
    TH_OK(smb_canvas_set_item_importance(c, "c", 2));
    /* (5 + 2) / (5 + 3 + 2) = 0.7 */
    ck_assert(smb_canvas_assumption_share(c) == 7.0 / 10.0);

    /* Testing and invalidated items weigh in the denominator only:
     * a testing (5), b validated (3), c assumption (2), d invalidated (4):
     * 2 / 14 = 1/7. */
    TH_OK(smb_canvas_set_item_evidence(c, "a", SMB_EVIDENCE_TESTING));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "d", "D"));
    TH_OK(smb_canvas_set_item_importance(c, "d", 4));
    TH_OK(smb_canvas_set_item_evidence(c, "d", SMB_EVIDENCE_INVALIDATED));
    ck_assert(smb_canvas_assumption_share(c) == 2.0 / 14.0);

    /* All at assumption level (the default): 1. */
    TH_OK(smb_canvas_set_item_evidence(c, "a", SMB_EVIDENCE_ASSUMPTION));
    TH_OK(smb_canvas_set_item_evidence(c, "b", SMB_EVIDENCE_ASSUMPTION));
    TH_OK(smb_canvas_set_item_evidence(c, "d", SMB_EVIDENCE_ASSUMPTION));
    ck_assert(smb_canvas_assumption_share(c) == 1.0);
    /* None: 0. */
    for (const char *const *id = (const char *const[]){"a", "b", "c", "d", NULL}; *id; id++)
        TH_OK(smb_canvas_set_item_evidence(c, *id, SMB_EVIDENCE_VALIDATED));
    ck_assert(smb_canvas_assumption_share(c) == 0.0);
    smb_canvas_free(c);
}
END_TEST

static Suite *check_suite(void)
{
    Suite *s = suite_create("canvas_check");
    TCase *tc = tcase_create("findings");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, coherent_canvas_has_no_findings);
    tcase_add_test(tc, empty_canvas_has_nine_empty_blocks);
    tcase_add_test(tc, segment_needs_value_proposition_and_channel);
    tcase_add_test(tc, value_proposition_and_revenue_need_a_segment);
    tcase_add_test(tc, duplicate_text_within_a_block);
    tcase_add_test(tc, invalidated_items_are_reported_as_info);
    tcase_add_test(tc, cost_exceeding_revenue);
    tcase_add_test(tc, findings_are_ordered_by_block_item_and_code);
    tcase_add_test(tc, messages_quote_a_short_single_line_of_text);
    tcase_add_test(tc, findings_outlive_the_canvas);
    tcase_add_test(tc, check_refuses_null);
    tcase_add_test(tc, check_survives_allocation_failure);
    suite_add_tcase(s, tc);

    tc = tcase_create("totals");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, totals_by_hand);
    tcase_add_test(tc, totals_are_compensated_sums);
    tcase_add_test(tc, assumption_share_by_hand);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(check_suite());
}
