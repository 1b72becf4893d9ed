/* SPDX-License-Identifier: MIT */
/* The canvas model: enumerations, life cycle, items, fields, tags, links,
 * limits, and all-or-nothing behaviour under bad input and allocation
 * failure. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* ---- fixtures ------------------------------------------------------------ */

/* Blocks allocated before the test: a failed test leaks what it held, and
 * only the test that leaked should fail for it. */
static long live_before;

static void setup(void)
{
    th_alloc_install();
    live_before = th_alloc_live();
}

/* Every test frees what it made: the counting allocator sees any leak. */
static void teardown(void)
{
    ck_assert_msg(th_alloc_live() == live_before, "%ld block(s) leaked",
                  th_alloc_live() - live_before);
}

/* A small bakery canvas with an item in most blocks and one of each link
 * kind that the rest of the suite relies on. */
static smb_canvas *bakery(void)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_set_name(c, "Crumb & Co. Bakery"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_PARTNERSHIPS, "kp-mill", "Local flour mill"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_ACTIVITIES, "ka-bake", "Baking every night"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-fresh",
                              "Fresh bread every morning"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-shop", "Shop on the high street"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-families", "Families nearby"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-tourists", "Tourists"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost-rent", "Shop rent"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev-sub", "Bread subscription"));
    TH_OK(smb_canvas_link(c, "kp-mill", "vp-fresh"));
    TH_OK(smb_canvas_link(c, "ka-bake", "vp-fresh"));
    TH_OK(smb_canvas_link(c, "vp-fresh", "seg-families"));
    TH_OK(smb_canvas_link(c, "ch-shop", "seg-families"));
    TH_OK(smb_canvas_link(c, "rev-sub", "seg-families"));
    TH_OK(smb_canvas_link(c, "cost-rent", "ka-bake"));
    TH_OK(smb_canvas_set_item_amount(c, "cost-rent", 12000));
    TH_OK(smb_canvas_set_item_kind(c, "cost-rent", SMB_KIND_FIXED));
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", 18000));
    TH_OK(smb_canvas_set_item_kind(c, "rev-sub", SMB_KIND_SUBSCRIPTION));
    return c;
}

static smb_canvas *snapshot(const smb_canvas *c)
{
    smb_canvas *copy = NULL;
    TH_OK(smb_canvas_copy(c, &copy));
    return copy;
}

/* A string of n copies of `fill` (caller frees with free()). */
static char *repeat(char fill, size_t n)
{
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, fill, n);
    s[n] = '\0';
    return s;
}

#define ASSERT_SAME(c, snap) ck_assert_msg(smb_canvas_equal((c), (snap)), "the canvas changed")

/* ---- enumerations -------------------------------------------------------- */

START_TEST(block_keys_and_titles)
{
    static const char *const keys[] = {
        "key_partnerships", "key_activities", "key_resources",
        "value_propositions", "customer_relationships", "channels",
        "customer_segments", "cost_structure", "revenue_streams"};
    static const char *const titles[] = {
        "Key Partnerships", "Key Activities", "Key Resources",
        "Value Propositions", "Customer Relationships", "Channels",
        "Customer Segments", "Cost Structure", "Revenue Streams"};
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        ck_assert_str_eq(smb_block_key((smb_block)b), keys[b]);
        ck_assert_str_eq(smb_block_title((smb_block)b), titles[b]);
        smb_block found = SMB_BLOCK_NONE;
        TH_OK(smb_block_from_key(keys[b], &found));
        ck_assert_int_eq(found, b);
    }
    ck_assert_ptr_null(smb_block_key(SMB_BLOCK_NONE));
    ck_assert_ptr_null(smb_block_key(SMB_BLOCK_COUNT));
    ck_assert_ptr_null(smb_block_title(SMB_BLOCK_NONE));
    ck_assert_ptr_null(smb_block_title((smb_block)99));
}
END_TEST

START_TEST(block_from_key_refuses_unknown_and_null)
{
    smb_block b = SMB_BLOCK_CHANNELS;
    TH_ASSERT_FAILS(smb_block_from_key("Channels", &b), SMB_ENOTFOUND, "unknown block 'Channels'");
    TH_ASSERT_FAILS(smb_block_from_key("", &b), SMB_ENOTFOUND, "unknown block ''");
    TH_ASSERT_FAILS(smb_block_from_key(NULL, &b), SMB_EINVAL, "must not be NULL");
    TH_ASSERT_FAILS(smb_block_from_key("channels", NULL), SMB_EINVAL, "output pointer");
    ck_assert_int_eq(b, SMB_BLOCK_CHANNELS);
    /* A key that is not printable ASCII is echoed safely. */
    TH_ASSERT_FAILS(smb_block_from_key("chan\nn\xff", &b), SMB_ENOTFOUND, "'chan?n?'");
}
END_TEST

START_TEST(evidence_keys)
{
    static const char *const keys[] = {"assumption", "testing", "validated", "invalidated"};
    for (int e = 0; e < SMB_EVIDENCE_COUNT; e++) {
        ck_assert_str_eq(smb_evidence_key((smb_evidence)e), keys[e]);
        smb_evidence found = SMB_EVIDENCE_COUNT;
        TH_OK(smb_evidence_from_key(keys[e], &found));
        ck_assert_int_eq(found, e);
    }
    ck_assert_ptr_null(smb_evidence_key(SMB_EVIDENCE_COUNT));
    ck_assert_ptr_null(smb_evidence_key((smb_evidence)-1));
    smb_evidence e = SMB_EVIDENCE_TESTING;
    TH_ASSERT_FAILS(smb_evidence_from_key("proven", &e), SMB_ENOTFOUND,
                    "unknown evidence level 'proven'");
    TH_ASSERT_FAILS(smb_evidence_from_key(NULL, &e), SMB_EINVAL, "NULL");
    TH_ASSERT_FAILS(smb_evidence_from_key("testing", NULL), SMB_EINVAL, "NULL");
    ck_assert_int_eq(e, SMB_EVIDENCE_TESTING);
}
END_TEST

START_TEST(amount_kind_keys)
{
    static const char *const keys[] = {"", "asset_sale", "subscription", "usage_fee",
                                       "licensing", "leasing", "commission", "advertising",
                                       "freemium", "fixed", "variable"};
    for (int k = 0; k < SMB_KIND_COUNT; k++) {
        ck_assert_str_eq(smb_amount_kind_key((smb_amount_kind)k), keys[k]);
        smb_amount_kind found = SMB_KIND_COUNT;
        TH_OK(smb_amount_kind_from_key(keys[k], &found));
        ck_assert_int_eq(found, k);
    }
    ck_assert_ptr_null(smb_amount_kind_key(SMB_KIND_COUNT));
    ck_assert_ptr_null(smb_amount_kind_key((smb_amount_kind)-1));
    smb_amount_kind k = SMB_KIND_FIXED;
    TH_ASSERT_FAILS(smb_amount_kind_from_key("donation", &k), SMB_ENOTFOUND,
                    "unknown amount kind 'donation'");
    TH_ASSERT_FAILS(smb_amount_kind_from_key(NULL, &k), SMB_EINVAL, "NULL");
    TH_ASSERT_FAILS(smb_amount_kind_from_key("fixed", NULL), SMB_EINVAL, "NULL");
    ck_assert_int_eq(k, SMB_KIND_FIXED);
}
END_TEST

START_TEST(amount_kinds_belong_to_their_block)
{
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        for (int k = 0; k < SMB_KIND_COUNT; k++) {
            int expected;
            if (k == SMB_KIND_NONE)
                expected = 1;
            else if (k == SMB_KIND_FIXED || k == SMB_KIND_VARIABLE)
                expected = b == SMB_BLOCK_COST_STRUCTURE;
            else
                expected = b == SMB_BLOCK_REVENUE_STREAMS;
            ck_assert_msg(smb_amount_kind_allowed((smb_block)b, (smb_amount_kind)k) == expected,
                          "block %d kind %d", b, k);
        }
        ck_assert_int_eq(smb_block_has_amounts((smb_block)b),
                         b == SMB_BLOCK_COST_STRUCTURE || b == SMB_BLOCK_REVENUE_STREAMS);
    }
    ck_assert_int_eq(smb_amount_kind_allowed(SMB_BLOCK_REVENUE_STREAMS, SMB_KIND_COUNT), 0);
    ck_assert_int_eq(smb_amount_kind_allowed(SMB_BLOCK_REVENUE_STREAMS, (smb_amount_kind)-1), 0);
    ck_assert_int_eq(smb_amount_kind_allowed(SMB_BLOCK_NONE, SMB_KIND_FIXED), 0);
    ck_assert_int_eq(smb_block_has_amounts(SMB_BLOCK_NONE), 0);
    ck_assert_int_eq(smb_block_has_amounts(SMB_BLOCK_COUNT), 0);
}
END_TEST

START_TEST(link_table)
{
    /* The ten allowed (from, to) pairs of canvas.h, and nothing else. */
    static const int allowed[][2] = {
        {SMB_BLOCK_VALUE_PROPOSITIONS, SMB_BLOCK_CUSTOMER_SEGMENTS},
        {SMB_BLOCK_CHANNELS, SMB_BLOCK_CUSTOMER_SEGMENTS},
        {SMB_BLOCK_CUSTOMER_RELATIONSHIPS, SMB_BLOCK_CUSTOMER_SEGMENTS},
        {SMB_BLOCK_REVENUE_STREAMS, SMB_BLOCK_CUSTOMER_SEGMENTS},
        {SMB_BLOCK_KEY_PARTNERSHIPS, SMB_BLOCK_VALUE_PROPOSITIONS},
        {SMB_BLOCK_KEY_ACTIVITIES, SMB_BLOCK_VALUE_PROPOSITIONS},
        {SMB_BLOCK_KEY_RESOURCES, SMB_BLOCK_VALUE_PROPOSITIONS},
        {SMB_BLOCK_COST_STRUCTURE, SMB_BLOCK_KEY_PARTNERSHIPS},
        {SMB_BLOCK_COST_STRUCTURE, SMB_BLOCK_KEY_ACTIVITIES},
        {SMB_BLOCK_COST_STRUCTURE, SMB_BLOCK_KEY_RESOURCES},
    };
    int count = 0;
    for (int from = 0; from < SMB_BLOCK_COUNT; from++) {
        for (int to = 0; to < SMB_BLOCK_COUNT; to++) {
            int expected = 0;
            for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
                if (allowed[i][0] == from && allowed[i][1] == to)
                    expected = 1;
            count += expected;
            ck_assert_msg(smb_link_allowed((smb_block)from, (smb_block)to) == expected,
                          "%s -> %s", smb_block_key((smb_block)from), smb_block_key((smb_block)to));
        }
    }
    ck_assert_int_eq(count, 10);
    ck_assert_int_eq(smb_link_allowed(SMB_BLOCK_NONE, SMB_BLOCK_CUSTOMER_SEGMENTS), 0);
    ck_assert_int_eq(smb_link_allowed(SMB_BLOCK_VALUE_PROPOSITIONS, SMB_BLOCK_COUNT), 0);
}
END_TEST

START_TEST(severity_change_and_field_keys)
{
    ck_assert_str_eq(smb_severity_key(SMB_SEVERITY_INFO), "info");
    ck_assert_str_eq(smb_severity_key(SMB_SEVERITY_WARNING), "warning");
    ck_assert_str_eq(smb_severity_key(SMB_SEVERITY_ERROR), "error");
    ck_assert_ptr_null(smb_severity_key((smb_severity)3));
    ck_assert_ptr_null(smb_severity_key((smb_severity)-1));

    ck_assert_str_eq(smb_change_kind_key(SMB_CHANGE_ADDED), "added");
    ck_assert_str_eq(smb_change_kind_key(SMB_CHANGE_REMOVED), "removed");
    ck_assert_str_eq(smb_change_kind_key(SMB_CHANGE_CHANGED), "changed");
    ck_assert_str_eq(smb_change_kind_key(SMB_CHANGE_LINK_ADDED), "link_added");
    ck_assert_str_eq(smb_change_kind_key(SMB_CHANGE_LINK_REMOVED), "link_removed");
    ck_assert_ptr_null(smb_change_kind_key((smb_change_kind)5));
    ck_assert_ptr_null(smb_change_kind_key((smb_change_kind)-1));

    ck_assert_str_eq(smb_field_key(SMB_FIELD_TEXT), "text");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_NOTES), "notes");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_TAGS), "tags");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_IMPORTANCE), "importance");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_EVIDENCE), "evidence");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_AMOUNT), "amount");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_KIND), "kind");
    ck_assert_str_eq(smb_field_key(SMB_FIELD_BLOCK), "block");
    ck_assert_ptr_null(smb_field_key(0));
    ck_assert_ptr_null(smb_field_key(SMB_FIELD_TEXT | SMB_FIELD_NOTES));
    ck_assert_ptr_null(smb_field_key(1u << 8));
    ck_assert_ptr_null(smb_field_key(1u << 31));
}
END_TEST

/* ---- life cycle ---------------------------------------------------------- */

START_TEST(new_canvas_is_empty)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    ck_assert_str_eq(smb_canvas_name(c), "");
    ck_assert_str_eq(smb_canvas_description(c), "");
    ck_assert_uint_eq(smb_canvas_item_total(c), 0);
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        ck_assert_uint_eq(smb_canvas_item_count(c, (smb_block)b), 0);
    ck_assert_ptr_null(smb_canvas_find(c, "x"));
    TH_ASSERT_FAILS(smb_canvas_new(NULL), SMB_EINVAL, "out: must not be NULL");
    smb_canvas_free(c);
    smb_canvas_free(NULL);
}
END_TEST

START_TEST(new_and_copy_survive_allocation_failure)
{
    smb_canvas *c = NULL;
    TH_EACH_ALLOC_FAILURE(smb_canvas_new(&c), c == NULL, smb_canvas_free(c), 1);

    smb_canvas *src = bakery();
    TH_OK(smb_canvas_set_description(src, "A bakery"));
    TH_OK(smb_canvas_set_item_notes(src, "vp-fresh", "baked at 4am"));
    const char *tags[] = {"core", "local"};
    TH_OK(smb_canvas_set_item_tags(src, "vp-fresh", tags, 2));
    smb_canvas *snap = snapshot(src);
    smb_canvas *copy = NULL;
    /* canvas, name, description, map, 7 block arrays, 8 items with their
     * text, notes, 2 tags + array, links and backlinks: well over 30. */
    TH_EACH_ALLOC_FAILURE(smb_canvas_copy(src, &copy),
                          copy == NULL && smb_canvas_equal(src, snap),
                          {
                              ck_assert(smb_canvas_equal(src, copy));
                              smb_canvas_free(copy);
                          }, 30);
    smb_canvas_free(snap);
    smb_canvas_free(src);
}
END_TEST

START_TEST(copy_is_deep_and_equal)
{
    smb_canvas *c = bakery();
    TH_OK(smb_canvas_set_description(c, "Two shops"));
    TH_OK(smb_canvas_set_item_notes(c, "seg-tourists", "summer only"));
    const char *tags[] = {"b", "a"};
    TH_OK(smb_canvas_set_item_tags(c, "seg-tourists", tags, 2));
    smb_canvas *d = snapshot(c);
    ck_assert(smb_canvas_equal(c, d));
    ck_assert(smb_canvas_equal(d, c));
    ck_assert_str_eq(smb_canvas_name(d), "Crumb & Co. Bakery");
    ck_assert_str_eq(smb_canvas_description(d), "Two shops");
    ck_assert_uint_eq(smb_canvas_item_total(d), 8);

    /* The copy's links join the copy's items: removing a segment from the
     * copy unlinks it there only. */
    const smb_item *vp = smb_canvas_find(d, "vp-fresh");
    ck_assert_ptr_ne(vp, smb_canvas_find(c, "vp-fresh"));
    ck_assert_str_eq(smb_item_link(vp, 0), "seg-families");
    TH_OK(smb_canvas_remove_item(d, "seg-families"));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(d, "vp-fresh")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp-fresh")), 1);
    ck_assert(smb_canvas_linked(c, "ch-shop", "seg-families"));
    ck_assert(!smb_canvas_equal(c, d));

    /* The copy's strings are its own. */
    TH_OK(smb_canvas_set_item_text(d, "seg-tourists", "Day trippers"));
    ck_assert_str_eq(smb_item_text(smb_canvas_find(c, "seg-tourists")), "Tourists");
    ck_assert_str_eq(smb_item_tag(smb_canvas_find(d, "seg-tourists"), 0), "b");

    smb_canvas *e = NULL;
    TH_ASSERT_FAILS(smb_canvas_copy(NULL, &e), SMB_EINVAL, "canvas: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_copy(c, NULL), SMB_EINVAL, "out: must not be NULL");
    ck_assert_ptr_null(e);

    smb_canvas_free(c);
    smb_canvas_free(d);
}
END_TEST

START_TEST(copy_of_empty_canvas)
{
    smb_canvas *c = NULL, *d = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_copy(c, &d));
    ck_assert(smb_canvas_equal(c, d));
    TH_OK(smb_canvas_add_item(d, SMB_BLOCK_CHANNELS, "ch", "Web"));
    ck_assert_uint_eq(smb_canvas_item_total(c), 0);
    smb_canvas_free(c);
    smb_canvas_free(d);
}
END_TEST

/* Each change to one of the copies must make it unequal to the original. */
START_TEST(equal_sees_every_field)
{
    smb_canvas *c = bakery();
    const char *ab[] = {"a", "b"}, *ba[] = {"b", "a"};
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", ab, 2));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_RELATIONSHIPS, "cr", "Personal service"));
    TH_OK(smb_canvas_link(c, "cr", "seg-families"));
    TH_OK(smb_canvas_link(c, "cr", "seg-tourists"));

    for (int change = 0; change < 17; change++) {
        smb_canvas *d = snapshot(c);
        ck_assert(smb_canvas_equal(c, d));
        switch (change) {
        case 0: TH_OK(smb_canvas_set_name(d, "Other")); break;
        case 1: TH_OK(smb_canvas_set_description(d, "Other")); break;
        case 2: TH_OK(smb_canvas_set_item_text(d, "vp-fresh", "Other")); break;
        case 3: TH_OK(smb_canvas_set_item_notes(d, "vp-fresh", "n")); break;
        case 4: TH_OK(smb_canvas_set_item_tags(d, "vp-fresh", ba, 2)); break;
        case 5: TH_OK(smb_canvas_set_item_tags(d, "vp-fresh", ab, 1)); break;
        case 6: TH_OK(smb_canvas_set_item_importance(d, "vp-fresh", 4)); break;
        case 7: TH_OK(smb_canvas_set_item_evidence(d, "vp-fresh", SMB_EVIDENCE_TESTING)); break;
        case 8: TH_OK(smb_canvas_set_item_amount(d, "rev-sub", 18000.01)); break;
        case 9: TH_OK(smb_canvas_clear_item_amount(d, "rev-sub")); break;
        case 10: TH_OK(smb_canvas_set_item_kind(d, "rev-sub", SMB_KIND_FREEMIUM)); break;
        case 11: /* same links, other order */
            TH_OK(smb_canvas_unlink(d, "cr", "seg-families"));
            TH_OK(smb_canvas_link(d, "cr", "seg-families"));
            break;
        case 12: TH_OK(smb_canvas_unlink(d, "cr", "seg-tourists")); break;
        case 13: TH_OK(smb_canvas_move_item(d, "seg-tourists", SMB_BLOCK_CUSTOMER_SEGMENTS, 0)); break;
        case 14: TH_OK(smb_canvas_remove_item(d, "kp-mill")); break;
        case 15: /* same item, text and link, other block */
            TH_OK(smb_canvas_move_item(d, "kp-mill", SMB_BLOCK_KEY_RESOURCES, 0));
            break;
        case 16: TH_OK(smb_canvas_add_item(d, SMB_BLOCK_KEY_RESOURCES, "kr", "Oven")); break;
        }
        ck_assert_msg(!smb_canvas_equal(c, d), "change %d not seen", change);
        ck_assert_msg(!smb_canvas_equal(d, c), "change %d not seen", change);
        smb_canvas_free(d);
    }
    /* An amount cleared back to none, and notes set then removed, compare
     * as never set. */
    smb_canvas *d = snapshot(c);
    TH_OK(smb_canvas_set_item_notes(d, "vp-fresh", "n"));
    TH_OK(smb_canvas_set_item_notes(d, "vp-fresh", NULL));
    TH_OK(smb_canvas_set_name(d, ""));
    TH_OK(smb_canvas_set_name(d, "Crumb & Co. Bakery"));
    ck_assert(smb_canvas_equal(c, d));
    smb_canvas_free(d);

    ck_assert(smb_canvas_equal(NULL, NULL));
    ck_assert(!smb_canvas_equal(c, NULL));
    ck_assert(!smb_canvas_equal(NULL, c));
    ck_assert(smb_canvas_equal(c, c));
    smb_canvas_free(c);
}
END_TEST

/* ---- name and description ------------------------------------------------ */

START_TEST(name_and_description)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_set_name(c, "Crumb & Co."));
    TH_OK(smb_canvas_set_description(c, "Bäckerei — since 1990"));
    ck_assert_str_eq(smb_canvas_name(c), "Crumb & Co.");
    ck_assert_str_eq(smb_canvas_description(c), "Bäckerei — since 1990");
    TH_OK(smb_canvas_set_name(c, ""));
    ck_assert_str_eq(smb_canvas_name(c), "");
    TH_OK(smb_canvas_set_name(c, "x"));
    TH_OK(smb_canvas_set_name(c, NULL));
    ck_assert_str_eq(smb_canvas_name(c), "");
    TH_OK(smb_canvas_set_description(c, NULL));
    ck_assert_str_eq(smb_canvas_description(c), "");

    ck_assert_str_eq(smb_canvas_name(NULL), "");
    ck_assert_str_eq(smb_canvas_description(NULL), "");
    TH_ASSERT_FAILS(smb_canvas_set_name(NULL, "x"), SMB_EINVAL, "canvas: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_set_description(NULL, "x"), SMB_EINVAL, "canvas");

    /* The longest text allowed is accepted; one byte more is a limit. */
    char *longest = repeat('n', SMB_MAX_TEXT_LENGTH);
    TH_OK(smb_canvas_set_name(c, longest));
    ck_assert_uint_eq(strlen(smb_canvas_name(c)), SMB_MAX_TEXT_LENGTH);
    TH_OK(smb_canvas_set_name(c, "Kept"));
    TH_OK(smb_canvas_set_description(c, "Kept too"));
    free(longest);

    smb_canvas *snap = snapshot(c);
    char *too_long = repeat('n', SMB_MAX_TEXT_LENGTH + 1);
    TH_ASSERT_FAILS(smb_canvas_set_name(c, too_long), SMB_ELIMIT, "name: longer than 65536");
    TH_ASSERT_FAILS(smb_canvas_set_description(c, too_long), SMB_ELIMIT, "description");
    free(too_long);
    TH_ASSERT_FAILS(smb_canvas_set_name(c, "bad \xc3("), SMB_EINVAL, "name: not valid UTF-8");
    TH_ASSERT_FAILS(smb_canvas_set_description(c, "\xed\xa0\x80"), SMB_EINVAL,
                    "description: not valid UTF-8");
    ASSERT_SAME(c, snap);
    ck_assert_str_eq(smb_canvas_name(c), "Kept");

    TH_EACH_ALLOC_FAILURE(smb_canvas_set_name(c, "Renamed"), smb_canvas_equal(c, snap),
                          ck_assert_str_eq(smb_canvas_name(c), "Renamed"), 1);
    TH_EACH_ALLOC_FAILURE(smb_canvas_set_description(c, "Redescribed"),
                          !strcmp(smb_canvas_description(c), "Kept too"),
                          ck_assert_str_eq(smb_canvas_description(c), "Redescribed"), 1);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

/* ---- items --------------------------------------------------------------- */

START_TEST(add_item_defaults_and_lookup)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-web", "Web shop"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch.stall_2", "Market stall"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "R", "Sales"));

    const smb_item *it = smb_canvas_find(c, "ch.stall_2");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(smb_item_id(it), "ch.stall_2");
    ck_assert_str_eq(smb_item_text(it), "Market stall");
    ck_assert_ptr_null(smb_item_notes(it));
    ck_assert_int_eq(smb_item_block(it), SMB_BLOCK_CHANNELS);
    ck_assert_uint_eq(smb_item_index(it), 1);
    ck_assert_int_eq(smb_item_importance(it), 3);
    ck_assert_int_eq(smb_item_evidence(it), SMB_EVIDENCE_ASSUMPTION);
    ck_assert_uint_eq(smb_item_tag_count(it), 0);
    ck_assert_ptr_null(smb_item_tag(it, 0));
    ck_assert_int_eq(smb_item_has_amount(it), 0);
    ck_assert(smb_item_amount(it) == 0.0);
    ck_assert_int_eq(smb_item_kind(it), SMB_KIND_NONE);
    ck_assert_uint_eq(smb_item_link_count(it), 0);
    ck_assert_ptr_null(smb_item_link(it, 0));

    ck_assert_uint_eq(smb_canvas_item_total(c), 3);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_CHANNELS), 2);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_REVENUE_STREAMS), 1);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_NONE), 0);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_COUNT), 0);
    ck_assert_uint_eq(smb_canvas_item_count(NULL, SMB_BLOCK_CHANNELS), 0);
    ck_assert_uint_eq(smb_canvas_item_total(NULL), 0);
    ck_assert_str_eq(smb_item_id(smb_canvas_item_at(c, SMB_BLOCK_CHANNELS, 0)), "ch-web");
    ck_assert_ptr_eq(smb_canvas_item_at(c, SMB_BLOCK_CHANNELS, 1), it);
    ck_assert_ptr_null(smb_canvas_item_at(c, SMB_BLOCK_CHANNELS, 2));
    ck_assert_ptr_null(smb_canvas_item_at(c, SMB_BLOCK_NONE, 0));
    ck_assert_ptr_null(smb_canvas_item_at(NULL, SMB_BLOCK_CHANNELS, 0));

    /* Ids are case-sensitive. */
    ck_assert_ptr_null(smb_canvas_find(c, "r"));
    ck_assert_ptr_null(smb_canvas_find(c, NULL));
    ck_assert_ptr_null(smb_canvas_find(NULL, "R"));

    const smb_item *got = NULL;
    TH_OK(smb_canvas_get_item(c, "R", &got));
    ck_assert_str_eq(smb_item_text(got), "Sales");
    got = NULL;
    TH_ASSERT_FAILS(smb_canvas_get_item(c, "r", &got), SMB_ENOTFOUND, "no item with id 'r'");
    TH_ASSERT_FAILS(smb_canvas_get_item(c, NULL, &got), SMB_EINVAL, "id: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_get_item(NULL, "R", &got), SMB_EINVAL, "canvas");
    TH_ASSERT_FAILS(smb_canvas_get_item(c, "R", NULL), SMB_EINVAL, "out");
    ck_assert_ptr_null(got);
    /* Unknown ids are echoed safely, and long ones shortened. */
    TH_ASSERT_FAILS(smb_canvas_get_item(c, "a\xff\n", &got), SMB_ENOTFOUND, "'a\?\?'");
    char *huge = repeat('h', 5000);
    TH_ASSERT_FAILS(smb_canvas_get_item(c, huge, &got), SMB_ENOTFOUND, "hhh...'");
    ck_assert_uint_lt(strlen(smb_last_error()), 200);
    free(huge);
    smb_canvas_free(c);
}
END_TEST

START_TEST(item_accessors_accept_null)
{
    ck_assert_ptr_null(smb_item_id(NULL));
    ck_assert_ptr_null(smb_item_text(NULL));
    ck_assert_ptr_null(smb_item_notes(NULL));
    ck_assert_int_eq(smb_item_block(NULL), SMB_BLOCK_NONE);
    ck_assert_uint_eq(smb_item_index(NULL), 0);
    ck_assert_int_eq(smb_item_importance(NULL), 0);
    ck_assert_int_eq(smb_item_evidence(NULL), SMB_EVIDENCE_ASSUMPTION);
    ck_assert_uint_eq(smb_item_tag_count(NULL), 0);
    ck_assert_ptr_null(smb_item_tag(NULL, 0));
    ck_assert_int_eq(smb_item_has_amount(NULL), 0);
    ck_assert(smb_item_amount(NULL) == 0.0);
    ck_assert_int_eq(smb_item_kind(NULL), SMB_KIND_NONE);
    ck_assert_uint_eq(smb_item_link_count(NULL), 0);
    ck_assert_ptr_null(smb_item_link(NULL, 0));
}
END_TEST

START_TEST(add_item_refuses_bad_input)
{
    smb_canvas *c = bakery();
    smb_canvas *snap = snapshot(c);
    char *id64 = repeat('i', SMB_MAX_ID_LENGTH);
    char *id65 = repeat('i', SMB_MAX_ID_LENGTH + 1);
    char *text_max = repeat('t', SMB_MAX_TEXT_LENGTH);
    char *text_over = repeat('t', SMB_MAX_TEXT_LENGTH + 1);

    TH_ASSERT_FAILS(smb_canvas_add_item(NULL, SMB_BLOCK_CHANNELS, "x", "X"), SMB_EINVAL,
                    "canvas: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_NONE, "x", "X"), SMB_EINVAL,
                    "block: -1 is not a canvas block");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_COUNT, "x", "X"), SMB_EINVAL,
                    "block: 9 is not a canvas block");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, NULL, "X"), SMB_EINVAL,
                    "id: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "", "X"), SMB_EINVAL,
                    "id: must not be empty");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id65, "X"), SMB_ELIMIT,
                    "id: longer than 64 bytes");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "web shop", "X"), SMB_EINVAL,
                    "id 'web shop': use only ASCII letters");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "caf\xc3\xa9", "X"), SMB_EINVAL,
                    "use only ASCII letters");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "x", NULL), SMB_EINVAL,
                    "text: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "x", ""), SMB_EINVAL,
                    "text: must not be empty");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "x", "\xc0\xaf"), SMB_EINVAL,
                    "text: not valid UTF-8");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "x", text_over), SMB_ELIMIT,
                    "text: longer than 65536 bytes");
    /* Ids are unique across blocks. */
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "vp-fresh", "X"), SMB_EEXIST,
                    "id 'vp-fresh' is already used in value_propositions");
    ASSERT_SAME(c, snap);

    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id64, text_max));
    ck_assert_uint_eq(strlen(smb_item_text(smb_canvas_find(c, id64))), SMB_MAX_TEXT_LENGTH);

    free(id64);
    free(id65);
    free(text_max);
    free(text_over);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(add_item_survives_allocation_failure)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    smb_canvas *snap = snapshot(c);
    /* Into an empty canvas: the item, its text, the block array, the id
     * map. */
    TH_EACH_ALLOC_FAILURE(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-1", "Web"),
                          smb_canvas_equal(c, snap) && !smb_canvas_find(c, "ch-1"),
                          ck_assert_uint_eq(smb_canvas_item_total(c), 1), 4);
    /* Items 2..4 fit the first block array (4 slots) and id map (12 of 16
     * slots); item 5 grows the block array, item 13 the id map. Each also
     * allocates the item and its text. */
    char id[16];
    for (int i = 2; i <= 4; i++) {
        snprintf(id, sizeof id, "ch-%d", i);
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id, "Web"));
    }
    smb_canvas_free(snap);
    snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-5", "Web"),
                          smb_canvas_equal(c, snap),
                          ck_assert_uint_eq(smb_canvas_item_total(c), 5), 3);
    for (int i = 6; i <= 12; i++) {
        snprintf(id, sizeof id, "ch-%d", i);
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id, "Web"));
    }
    smb_canvas_free(snap);
    snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "ch-13", "Web"),
                          smb_canvas_equal(c, snap),
                          ck_assert_ptr_nonnull(smb_canvas_find(c, "ch-13")), 3);
    /* Every item is still found after the map grew. */
    for (int i = 1; i <= 13; i++) {
        snprintf(id, sizeof id, "ch-%d", i);
        ck_assert_uint_eq(smb_item_index(smb_canvas_find(c, id)), (size_t)(i - 1));
    }
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(remove_item_removes_its_links)
{
    smb_canvas *c = bakery();
    /* seg-families has four incoming links; vp-fresh one out, two in. */
    TH_OK(smb_canvas_remove_item(c, "seg-families"));
    ck_assert_ptr_null(smb_canvas_find(c, "seg-families"));
    ck_assert_uint_eq(smb_canvas_item_total(c), 7);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_CUSTOMER_SEGMENTS), 1);
    ck_assert_uint_eq(smb_item_index(smb_canvas_find(c, "seg-tourists")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp-fresh")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "ch-shop")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "rev-sub")), 0);

    TH_OK(smb_canvas_remove_item(c, "vp-fresh"));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "kp-mill")), 0);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "ka-bake")), 0);
    /* Unrelated links stay. */
    ck_assert(smb_canvas_linked(c, "cost-rent", "ka-bake"));
    /* The id can be used again, and the new item has no old links. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-families", "Families"));
    ck_assert(!smb_canvas_linked(c, "ch-shop", "seg-families"));
    TH_OK(smb_canvas_remove_item(c, "ka-bake"));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "cost-rent")), 0);

    /* With every item linking to it gone, nothing holds seg-tourists... */
    TH_OK(smb_canvas_link(c, "ch-shop", "seg-tourists"));
    TH_OK(smb_canvas_remove_item(c, "ch-shop"));
    /* ...so it may move where no link could reach it. */
    TH_OK(smb_canvas_move_item(c, "seg-tourists", SMB_BLOCK_KEY_RESOURCES, 0));

    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_remove_item(c, "vp-fresh"), SMB_ENOTFOUND,
                    "no item with id 'vp-fresh'");
    TH_ASSERT_FAILS(smb_canvas_remove_item(c, NULL), SMB_EINVAL, "id: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_remove_item(NULL, "kp-mill"), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(remove_keeps_order_and_indexes)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    const char *ids[] = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < 5; i++)
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, ids[i], ids[i]));
    TH_OK(smb_canvas_remove_item(c, "b"));
    TH_OK(smb_canvas_remove_item(c, "e"));
    TH_OK(smb_canvas_remove_item(c, "a"));
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_KEY_RESOURCES), 2);
    ck_assert_str_eq(smb_item_id(smb_canvas_item_at(c, SMB_BLOCK_KEY_RESOURCES, 0)), "c");
    ck_assert_str_eq(smb_item_id(smb_canvas_item_at(c, SMB_BLOCK_KEY_RESOURCES, 1)), "d");
    ck_assert_uint_eq(smb_item_index(smb_canvas_find(c, "c")), 0);
    ck_assert_uint_eq(smb_item_index(smb_canvas_find(c, "d")), 1);
    TH_OK(smb_canvas_remove_item(c, "c"));
    TH_OK(smb_canvas_remove_item(c, "d"));
    ck_assert_uint_eq(smb_canvas_item_total(c), 0);
    smb_canvas_free(c);
}
END_TEST

static void assert_order(const smb_canvas *c, smb_block block, const char *const *ids, size_t n)
{
    ck_assert_uint_eq(smb_canvas_item_count(c, block), n);
    for (size_t i = 0; i < n; i++) {
        const smb_item *it = smb_canvas_item_at(c, block, i);
        ck_assert_str_eq(smb_item_id(it), ids[i]);
        ck_assert_uint_eq(smb_item_index(it), i);
        ck_assert_int_eq(smb_item_block(it), block);
    }
}

START_TEST(move_within_a_block)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    const char *ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_ACTIVITIES, ids[i], ids[i]));
    TH_OK(smb_canvas_move_item(c, "a", SMB_BLOCK_KEY_ACTIVITIES, 3));
    assert_order(c, SMB_BLOCK_KEY_ACTIVITIES, (const char *[]){"b", "c", "d", "a"}, 4);
    TH_OK(smb_canvas_move_item(c, "d", SMB_BLOCK_KEY_ACTIVITIES, 0));
    assert_order(c, SMB_BLOCK_KEY_ACTIVITIES, (const char *[]){"d", "b", "c", "a"}, 4);
    TH_OK(smb_canvas_move_item(c, "b", SMB_BLOCK_KEY_ACTIVITIES, 1));
    assert_order(c, SMB_BLOCK_KEY_ACTIVITIES, (const char *[]){"d", "b", "c", "a"}, 4);
    TH_OK(smb_canvas_move_item(c, "b", SMB_BLOCK_KEY_ACTIVITIES, 2));
    assert_order(c, SMB_BLOCK_KEY_ACTIVITIES, (const char *[]){"d", "c", "b", "a"}, 4);

    /* Positions count the block without the moved item: 3 is the end. */
    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "b", SMB_BLOCK_KEY_ACTIVITIES, 4), SMB_ERANGE,
                    "position: 4 is past the end of key_activities (3 items)");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(move_between_blocks)
{
    smb_canvas *c = bakery();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr-oven", "Oven"));
    /* A key partner supporting a proposition may become a key resource, and
     * keeps its link there. */
    TH_OK(smb_canvas_move_item(c, "kp-mill", SMB_BLOCK_KEY_RESOURCES, 0));
    assert_order(c, SMB_BLOCK_KEY_RESOURCES, (const char *[]){"kp-mill", "kr-oven"}, 2);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_KEY_PARTNERSHIPS), 0);
    ck_assert(smb_canvas_linked(c, "kp-mill", "vp-fresh"));
    ck_assert_uint_eq(smb_canvas_item_total(c), 9);
    /* Append with position == count. */
    TH_OK(smb_canvas_move_item(c, "kp-mill", SMB_BLOCK_KEY_ACTIVITIES, 1));
    assert_order(c, SMB_BLOCK_KEY_ACTIVITIES, (const char *[]){"ka-bake", "kp-mill"}, 2);
    assert_order(c, SMB_BLOCK_KEY_RESOURCES, (const char *[]){"kr-oven"}, 1);
    /* A channel reaching a segment may become a relationship with it. */
    TH_OK(smb_canvas_move_item(c, "ch-shop", SMB_BLOCK_CUSTOMER_RELATIONSHIPS, 0));
    ck_assert(smb_canvas_linked(c, "ch-shop", "seg-families"));
    /* A cost with no amount, kind or link may go anywhere. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_COST_STRUCTURE, "cost-x", "Misc"));
    TH_OK(smb_canvas_move_item(c, "cost-x", SMB_BLOCK_CHANNELS, 0));
    ck_assert_int_eq(smb_item_block(smb_canvas_find(c, "cost-x")), SMB_BLOCK_CHANNELS);
    smb_canvas_free(c);
}
END_TEST

START_TEST(move_refuses_what_the_block_does_not_allow)
{
    smb_canvas *c = bakery();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rev-plain", "Plain"));
    TH_OK(smb_canvas_set_item_amount(c, "rev-plain", 5));
    smb_canvas *snap = snapshot(c);

    /* Kind subscription is a revenue kind. */
    TH_OK(smb_canvas_unlink(c, "rev-sub", "seg-families"));
    smb_canvas *snap2 = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "rev-sub", SMB_BLOCK_COST_STRUCTURE, 0), SMB_EINVAL,
                    "item 'rev-sub' has kind 'subscription', which cost_structure does not allow");
    ASSERT_SAME(c, snap2);
    smb_canvas_free(snap2);
    TH_OK(smb_canvas_link(c, "rev-sub", "seg-families"));
    ASSERT_SAME(c, snap);
    /* An amount only fits revenue_streams and cost_structure. */
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "rev-plain", SMB_BLOCK_CHANNELS, 0), SMB_EINVAL,
                    "item 'rev-plain' has an amount, which channels does not allow");
    /* Outgoing link: a value proposition moved to key resources could not
     * link to a segment. */
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "vp-fresh", SMB_BLOCK_KEY_RESOURCES, 0), SMB_EINVAL,
                    "item 'vp-fresh' links to 'seg-families' in customer_segments, which "
                    "key_resources may not link to");
    /* Incoming link: seg-tourists is free, but seg-families is the target of
     * value propositions, which may not link into channels. */
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "seg-families", SMB_BLOCK_CHANNELS, 0), SMB_EINVAL,
                    "item 'vp-fresh' in value_propositions links to 'seg-families', which it "
                    "may not do in channels");
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "kp-mill", SMB_BLOCK_NONE, 0), SMB_EINVAL,
                    "block: -1 is not a canvas block");
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "kp-mill", SMB_BLOCK_COUNT, 0), SMB_EINVAL,
                    "block: 9");
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "nope", SMB_BLOCK_CHANNELS, 0), SMB_ENOTFOUND,
                    "no item with id 'nope'");
    TH_ASSERT_FAILS(smb_canvas_move_item(c, NULL, SMB_BLOCK_CHANNELS, 0), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_move_item(NULL, "kp-mill", SMB_BLOCK_CHANNELS, 0), SMB_EINVAL,
                    "canvas");
    TH_ASSERT_FAILS(smb_canvas_move_item(c, "kp-mill", SMB_BLOCK_CHANNELS, 2), SMB_ERANGE,
                    "position: 2 is past the end of channels (1 items)");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(move_survives_allocation_failure)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    /* Four channels fill the first block array exactly. */
    const char *ids[] = {"c1", "c2", "c3", "c4"};
    for (int i = 0; i < 4; i++)
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, ids[i], ids[i]));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr", "Oven"));
    smb_canvas *snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_move_item(c, "kr", SMB_BLOCK_CHANNELS, 2),
                          smb_canvas_equal(c, snap),
                          assert_order(c, SMB_BLOCK_CHANNELS,
                                       (const char *[]){"c1", "c2", "kr", "c3", "c4"}, 5),
                          1);
    ck_assert_uint_eq(smb_canvas_item_count(c, SMB_BLOCK_KEY_RESOURCES), 0);
    /* Into an empty block, the block array is new. */
    smb_canvas_free(snap);
    snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_move_item(c, "kr", SMB_BLOCK_KEY_PARTNERSHIPS, 0),
                          smb_canvas_equal(c, snap),
                          assert_order(c, SMB_BLOCK_KEY_PARTNERSHIPS, (const char *[]){"kr"}, 1),
                          1);
    /* Within a block nothing is allocated. */
    th_alloc_fail_at(1);
    smb_status st = smb_canvas_move_item(c, "c4", SMB_BLOCK_CHANNELS, 0);
    th_alloc_fail_at(0);
    TH_OK(st);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

/* ---- fields -------------------------------------------------------------- */

START_TEST(set_text)
{
    smb_canvas *c = bakery();
    TH_OK(smb_canvas_set_item_text(c, "vp-fresh", "Warm bread at 7 — every day"));
    ck_assert_str_eq(smb_item_text(smb_canvas_find(c, "vp-fresh")), "Warm bread at 7 — every day");
    char *max = repeat('x', SMB_MAX_TEXT_LENGTH), *over = repeat('x', SMB_MAX_TEXT_LENGTH + 1);
    TH_OK(smb_canvas_set_item_text(c, "vp-fresh", max));
    TH_OK(smb_canvas_set_item_text(c, "vp-fresh", "Warm bread"));

    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, "vp-fresh", over), SMB_ELIMIT,
                    "text: longer than 65536 bytes");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, "vp-fresh", ""), SMB_EINVAL,
                    "text: must not be empty");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, "vp-fresh", NULL), SMB_EINVAL,
                    "text: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, "vp-fresh", "\x80"), SMB_EINVAL,
                    "text: not valid UTF-8");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, "vp-stale", "x"), SMB_ENOTFOUND,
                    "no item with id 'vp-stale'");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(c, NULL, "x"), SMB_EINVAL, "id: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_set_item_text(NULL, "vp-fresh", "x"), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);

    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_text(c, "vp-fresh", "Rye"),
                          smb_canvas_equal(c, snap),
                          ck_assert_str_eq(smb_item_text(smb_canvas_find(c, "vp-fresh")), "Rye"),
                          1);
    free(max);
    free(over);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(set_notes)
{
    smb_canvas *c = bakery();
    const smb_item *it = smb_canvas_find(c, "vp-fresh");
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", "Ask the mill about rye"));
    ck_assert_str_eq(smb_item_notes(it), "Ask the mill about rye");
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", ""));
    ck_assert_ptr_null(smb_item_notes(it));
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", "again"));
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", NULL));
    ck_assert_ptr_null(smb_item_notes(it));
    TH_OK(smb_canvas_set_item_notes(c, "vp-fresh", "kept"));

    smb_canvas *snap = snapshot(c);
    char *over = repeat('x', SMB_MAX_TEXT_LENGTH + 1);
    TH_ASSERT_FAILS(smb_canvas_set_item_notes(c, "vp-fresh", over), SMB_ELIMIT,
                    "notes: longer than 65536 bytes");
    TH_ASSERT_FAILS(smb_canvas_set_item_notes(c, "vp-fresh", "\xf5\x80\x80\x80"), SMB_EINVAL,
                    "notes: not valid UTF-8");
    TH_ASSERT_FAILS(smb_canvas_set_item_notes(c, "nope", "x"), SMB_ENOTFOUND, "'nope'");
    TH_ASSERT_FAILS(smb_canvas_set_item_notes(c, NULL, "x"), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_notes(NULL, "vp-fresh", "x"), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);
    free(over);

    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_notes(c, "vp-fresh", "new notes"),
                          smb_canvas_equal(c, snap),
                          ck_assert_str_eq(smb_item_notes(smb_canvas_find(c, "vp-fresh")),
                                           "new notes"),
                          1);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(set_importance_and_evidence)
{
    smb_canvas *c = bakery();
    const smb_item *it = smb_canvas_find(c, "seg-tourists");
    TH_OK(smb_canvas_set_item_importance(c, "seg-tourists", 1));
    ck_assert_int_eq(smb_item_importance(it), 1);
    TH_OK(smb_canvas_set_item_importance(c, "seg-tourists", 5));
    ck_assert_int_eq(smb_item_importance(it), 5);
    for (int e = 0; e < SMB_EVIDENCE_COUNT; e++) {
        TH_OK(smb_canvas_set_item_evidence(c, "seg-tourists", (smb_evidence)e));
        ck_assert_int_eq(smb_item_evidence(it), e);
    }

    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, "seg-tourists", 0), SMB_ERANGE,
                    "importance: must be from 1 to 5, not 0 (item 'seg-tourists')");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, "seg-tourists", 6), SMB_ERANGE,
                    "importance: must be from 1 to 5, not 6");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, "seg-tourists", -3), SMB_ERANGE, "not -3");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, "seg-tourists", INT_MIN), SMB_ERANGE,
                    "importance");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, "x", 3), SMB_ENOTFOUND, "'x'");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(c, NULL, 3), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_importance(NULL, "x", 3), SMB_EINVAL, "canvas");
    TH_ASSERT_FAILS(smb_canvas_set_item_evidence(c, "seg-tourists", SMB_EVIDENCE_COUNT),
                    SMB_ERANGE, "evidence: 4 is not an evidence level (item 'seg-tourists')");
    TH_ASSERT_FAILS(smb_canvas_set_item_evidence(c, "seg-tourists", (smb_evidence)-1),
                    SMB_ERANGE, "evidence: -1");
    TH_ASSERT_FAILS(smb_canvas_set_item_evidence(c, "x", SMB_EVIDENCE_TESTING), SMB_ENOTFOUND,
                    "'x'");
    TH_ASSERT_FAILS(smb_canvas_set_item_evidence(c, NULL, SMB_EVIDENCE_TESTING), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_evidence(NULL, "x", SMB_EVIDENCE_TESTING), SMB_EINVAL,
                    "canvas");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(set_amount_and_kind)
{
    smb_canvas *c = bakery();
    const smb_item *rev = smb_canvas_find(c, "rev-sub");
    ck_assert(smb_item_has_amount(rev));
    ck_assert(smb_item_amount(rev) == 18000.0);
    ck_assert_int_eq(smb_item_kind(rev), SMB_KIND_SUBSCRIPTION);
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", 0));
    ck_assert(smb_item_has_amount(rev) && smb_item_amount(rev) == 0.0);
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", SMB_MAX_AMOUNT));
    ck_assert(smb_item_amount(rev) == 1e15);
    /* -0 is zero, stored without its sign. */
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", -0.0));
    ck_assert(!signbit(smb_item_amount(rev)));
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", 1234.56));

    /* Clearing the amount keeps the kind. */
    TH_OK(smb_canvas_clear_item_amount(c, "rev-sub"));
    ck_assert(!smb_item_has_amount(rev));
    ck_assert(smb_item_amount(rev) == 0.0);
    ck_assert_int_eq(smb_item_kind(rev), SMB_KIND_SUBSCRIPTION);
    TH_OK(smb_canvas_clear_item_amount(c, "rev-sub"));
    TH_OK(smb_canvas_set_item_amount(c, "rev-sub", 99));

    for (int k = SMB_KIND_ASSET_SALE; k <= SMB_KIND_FREEMIUM; k++)
        TH_OK(smb_canvas_set_item_kind(c, "rev-sub", (smb_amount_kind)k));
    TH_OK(smb_canvas_set_item_kind(c, "cost-rent", SMB_KIND_VARIABLE));
    TH_OK(smb_canvas_set_item_kind(c, "cost-rent", SMB_KIND_NONE));
    ck_assert_int_eq(smb_item_kind(smb_canvas_find(c, "cost-rent")), SMB_KIND_NONE);
    /* NONE is allowed in every block. */
    TH_OK(smb_canvas_set_item_kind(c, "vp-fresh", SMB_KIND_NONE));
    TH_OK(smb_canvas_set_item_kind(c, "cost-rent", SMB_KIND_FIXED));

    smb_canvas *snap = snapshot(c);
    static const double bad[] = {-1.0, -1e-300, 1e15 * (1 + 1e-15), 1e16, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "rev-sub", bad[i]), SMB_ERANGE,
                        "amount: must be a finite number from 0 to 1e15");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "rev-sub", NAN), SMB_ERANGE, "nan");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "rev-sub", -5), SMB_ERANGE, "(item 'rev-sub')");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "vp-fresh", 10), SMB_EINVAL,
                    "amount: only revenue_streams and cost_structure items carry one (item "
                    "'vp-fresh' is in value_propositions)");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "nope", 10), SMB_ENOTFOUND, "'nope'");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, NULL, 10), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_amount(NULL, "rev-sub", 10), SMB_EINVAL, "canvas");
    TH_ASSERT_FAILS(smb_canvas_clear_item_amount(c, "nope"), SMB_ENOTFOUND, "'nope'");
    TH_ASSERT_FAILS(smb_canvas_clear_item_amount(c, NULL), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_clear_item_amount(NULL, "rev-sub"), SMB_EINVAL, "canvas");

    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "rev-sub", SMB_KIND_FIXED), SMB_EINVAL,
                    "kind: 'fixed' is not allowed in revenue_streams (item 'rev-sub')");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "cost-rent", SMB_KIND_COMMISSION), SMB_EINVAL,
                    "kind: 'commission' is not allowed in cost_structure");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "vp-fresh", SMB_KIND_SUBSCRIPTION), SMB_EINVAL,
                    "not allowed in value_propositions");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "rev-sub", SMB_KIND_COUNT), SMB_EINVAL,
                    "kind: 11 is not an amount kind");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "rev-sub", (smb_amount_kind)-1), SMB_EINVAL,
                    "kind: -1");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, "nope", SMB_KIND_FIXED), SMB_ENOTFOUND, "'nope'");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(c, NULL, SMB_KIND_FIXED), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_kind(NULL, "x", SMB_KIND_FIXED), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(set_tags)
{
    smb_canvas *c = bakery();
    const smb_item *it = smb_canvas_find(c, "vp-fresh");
    const char *tags[] = {"core", "local", "ÉCO"};
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", tags, 3));
    ck_assert_uint_eq(smb_item_tag_count(it), 3);
    ck_assert_str_eq(smb_item_tag(it, 0), "core");
    ck_assert_str_eq(smb_item_tag(it, 2), "ÉCO");
    ck_assert_ptr_null(smb_item_tag(it, 3));
    /* Tags are copied. */
    char mutable_tag[] = "seasonal";
    const char *one[] = {mutable_tag};
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", one, 1));
    mutable_tag[0] = 'X';
    ck_assert_str_eq(smb_item_tag(it, 0), "seasonal");
    /* Tags differing only in case are distinct. */
    const char *cased[] = {"core", "Core"};
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", cased, 2));
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", NULL, 0));
    ck_assert_uint_eq(smb_item_tag_count(it), 0);
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", tags, 0));
    ck_assert_uint_eq(smb_item_tag_count(it), 0);

    /* SMB_MAX_TAGS tags are fine; one more is a limit. */
    char names[SMB_MAX_TAGS + 1][8];
    const char *many[SMB_MAX_TAGS + 1];
    for (int i = 0; i <= SMB_MAX_TAGS; i++) {
        snprintf(names[i], sizeof names[i], "t%d", i);
        many[i] = names[i];
    }
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", many, SMB_MAX_TAGS));
    ck_assert_uint_eq(smb_item_tag_count(it), SMB_MAX_TAGS);
    ck_assert_str_eq(smb_item_tag(it, SMB_MAX_TAGS - 1), "t63");
    TH_OK(smb_canvas_set_item_tags(c, "vp-fresh", tags, 2));

    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", many, SMB_MAX_TAGS + 1), SMB_ELIMIT,
                    "tags: at most 64 per item, not 65");
    const char *dup[] = {"a", "b", "a"};
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", dup, 3), SMB_EINVAL,
                    "tags[2]: repeats tags[0] 'a'");
    const char *empty[] = {"a", ""};
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", empty, 2), SMB_EINVAL,
                    "tags[1]: must not be empty");
    const char *null_tag[] = {NULL};
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", null_tag, 1), SMB_EINVAL,
                    "tags[0]: must not be NULL");
    const char *bad_utf8[] = {"ok", "\xe2\x82"};
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", bad_utf8, 2), SMB_EINVAL,
                    "tags[1]: not valid UTF-8");
    char *long_tag = repeat('t', SMB_MAX_TEXT_LENGTH + 1);
    const char *too_long[] = {long_tag};
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", too_long, 1), SMB_ELIMIT,
                    "tags[0]: longer than 65536 bytes");
    free(long_tag);
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "vp-fresh", NULL, 2), SMB_EINVAL,
                    "tags: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, "nope", tags, 1), SMB_ENOTFOUND, "'nope'");
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(c, NULL, tags, 1), SMB_EINVAL, "id");
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(NULL, "vp-fresh", tags, 1), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);

    /* The array and three strings: four allocation points. */
    TH_EACH_ALLOC_FAILURE(smb_canvas_set_item_tags(c, "vp-fresh", tags, 3),
                          smb_canvas_equal(c, snap),
                          ck_assert_uint_eq(smb_item_tag_count(smb_canvas_find(c, "vp-fresh")), 3),
                          4);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

/* ---- links --------------------------------------------------------------- */

START_TEST(links_in_order)
{
    smb_canvas *c = bakery();
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-cafes", "Cafés"));
    TH_OK(smb_canvas_link(c, "vp-fresh", "seg-tourists"));
    TH_OK(smb_canvas_link(c, "vp-fresh", "seg-cafes"));
    const smb_item *vp = smb_canvas_find(c, "vp-fresh");
    ck_assert_uint_eq(smb_item_link_count(vp), 3);
    ck_assert_str_eq(smb_item_link(vp, 0), "seg-families");
    ck_assert_str_eq(smb_item_link(vp, 1), "seg-tourists");
    ck_assert_str_eq(smb_item_link(vp, 2), "seg-cafes");
    ck_assert_ptr_null(smb_item_link(vp, 3));
    ck_assert(smb_canvas_linked(c, "vp-fresh", "seg-tourists"));
    /* Links have a direction. */
    ck_assert(!smb_canvas_linked(c, "seg-tourists", "vp-fresh"));

    TH_OK(smb_canvas_unlink(c, "vp-fresh", "seg-tourists"));
    ck_assert_uint_eq(smb_item_link_count(vp), 2);
    ck_assert_str_eq(smb_item_link(vp, 0), "seg-families");
    ck_assert_str_eq(smb_item_link(vp, 1), "seg-cafes");
    ck_assert(!smb_canvas_linked(c, "vp-fresh", "seg-tourists"));
    /* Unlinked, the segment can be removed without touching vp-fresh. */
    TH_OK(smb_canvas_remove_item(c, "seg-tourists"));
    ck_assert_uint_eq(smb_item_link_count(vp), 2);

    ck_assert(!smb_canvas_linked(NULL, "vp-fresh", "seg-cafes"));
    ck_assert(!smb_canvas_linked(c, NULL, "seg-cafes"));
    ck_assert(!smb_canvas_linked(c, "vp-fresh", NULL));
    ck_assert(!smb_canvas_linked(c, "vp-fresh", "nope"));
    smb_canvas_free(c);
}
END_TEST

START_TEST(link_refuses_bad_links)
{
    smb_canvas *c = bakery();
    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_link(c, "seg-families", "vp-fresh"), SMB_EINVAL,
                    "link 'seg-families' -> 'vp-fresh': customer_segments may not link to "
                    "value_propositions");
    TH_ASSERT_FAILS(smb_canvas_link(c, "seg-families", "seg-tourists"), SMB_EINVAL,
                    "customer_segments may not link to customer_segments");
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp-fresh", "vp-fresh"), SMB_EINVAL,
                    "item 'vp-fresh' cannot link to itself");
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp-fresh", "seg-families"), SMB_EEXIST,
                    "link 'vp-fresh' -> 'seg-families' already exists");
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp-fresh", "seg-x"), SMB_ENOTFOUND,
                    "no item with id 'seg-x'");
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp-x", "seg-families"), SMB_ENOTFOUND,
                    "no item with id 'vp-x'");
    TH_ASSERT_FAILS(smb_canvas_link(c, NULL, "seg-families"), SMB_EINVAL, "from: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp-fresh", NULL), SMB_EINVAL, "to: must not be NULL");
    TH_ASSERT_FAILS(smb_canvas_link(NULL, "vp-fresh", "seg-tourists"), SMB_EINVAL, "canvas");

    TH_ASSERT_FAILS(smb_canvas_unlink(c, "vp-fresh", "seg-tourists"), SMB_ENOTFOUND,
                    "no link 'vp-fresh' -> 'seg-tourists'");
    TH_ASSERT_FAILS(smb_canvas_unlink(c, "seg-families", "vp-fresh"), SMB_ENOTFOUND, "no link");
    TH_ASSERT_FAILS(smb_canvas_unlink(c, "vp-x", "seg-families"), SMB_ENOTFOUND, "'vp-x'");
    TH_ASSERT_FAILS(smb_canvas_unlink(c, "vp-fresh", "seg-x"), SMB_ENOTFOUND, "'seg-x'");
    TH_ASSERT_FAILS(smb_canvas_unlink(c, NULL, "seg-families"), SMB_EINVAL, "from");
    TH_ASSERT_FAILS(smb_canvas_unlink(c, "vp-fresh", NULL), SMB_EINVAL, "to");
    TH_ASSERT_FAILS(smb_canvas_unlink(NULL, "vp-fresh", "seg-families"), SMB_EINVAL, "canvas");
    ASSERT_SAME(c, snap);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(link_limit)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp", "Bread"));
    char id[16];
    for (int i = 0; i <= SMB_MAX_LINKS; i++) {
        snprintf(id, sizeof id, "s%d", i);
        TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, id, "Segment"));
        if (i < SMB_MAX_LINKS)
            TH_OK(smb_canvas_link(c, "vp", id));
    }
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp")), SMB_MAX_LINKS);
    smb_canvas *snap = snapshot(c);
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp", "s1024"), SMB_ELIMIT,
                    "links: item 'vp' already has the most links allowed (1024)");
    ASSERT_SAME(c, snap);
    /* Removing a target frees a place. */
    TH_OK(smb_canvas_remove_item(c, "s0"));
    TH_OK(smb_canvas_link(c, "vp", "s1024"));
    ck_assert_str_eq(smb_item_link(smb_canvas_find(c, "vp"), SMB_MAX_LINKS - 1), "s1024");
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

START_TEST(link_survives_allocation_failure)
{
    smb_canvas *c = bakery();
    smb_canvas *snap = snapshot(c);
    /* Neither end has a link array yet: both are new. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_KEY_RESOURCES, "kr-oven", "Oven"));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-cake", "Cakes"));
    smb_canvas_free(snap);
    snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_link(c, "kr-oven", "vp-cake"), smb_canvas_equal(c, snap),
                          ck_assert(smb_canvas_linked(c, "kr-oven", "vp-cake")), 2);
    /* The source's array exists; the target's is new. */
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-pie", "Pies"));
    smb_canvas_free(snap);
    snap = snapshot(c);
    TH_EACH_ALLOC_FAILURE(smb_canvas_link(c, "kr-oven", "vp-pie"), smb_canvas_equal(c, snap),
                          ck_assert(smb_canvas_linked(c, "kr-oven", "vp-pie")), 1);
    /* After failures the canvas still works as before: removing the target
     * unlinks it. */
    TH_OK(smb_canvas_remove_item(c, "vp-cake"));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "kr-oven")), 1);
    smb_canvas_free(snap);
    smb_canvas_free(c);
}
END_TEST

static Suite *canvas_suite(void)
{
    Suite *s = suite_create("canvas");
    TCase *tc = tcase_create("enums");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, block_keys_and_titles);
    tcase_add_test(tc, block_from_key_refuses_unknown_and_null);
    tcase_add_test(tc, evidence_keys);
    tcase_add_test(tc, amount_kind_keys);
    tcase_add_test(tc, amount_kinds_belong_to_their_block);
    tcase_add_test(tc, link_table);
    tcase_add_test(tc, severity_change_and_field_keys);
    suite_add_tcase(s, tc);

    tc = tcase_create("life cycle");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, new_canvas_is_empty);
    tcase_add_test(tc, new_and_copy_survive_allocation_failure);
    tcase_add_test(tc, copy_is_deep_and_equal);
    tcase_add_test(tc, copy_of_empty_canvas);
    tcase_add_test(tc, equal_sees_every_field);
    tcase_add_test(tc, name_and_description);
    suite_add_tcase(s, tc);

    tc = tcase_create("items");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, add_item_defaults_and_lookup);
    tcase_add_test(tc, item_accessors_accept_null);
    tcase_add_test(tc, add_item_refuses_bad_input);
    tcase_add_test(tc, add_item_survives_allocation_failure);
    tcase_add_test(tc, remove_item_removes_its_links);
    tcase_add_test(tc, remove_keeps_order_and_indexes);
    tcase_add_test(tc, move_within_a_block);
    tcase_add_test(tc, move_between_blocks);
    tcase_add_test(tc, move_refuses_what_the_block_does_not_allow);
    tcase_add_test(tc, move_survives_allocation_failure);
    suite_add_tcase(s, tc);

    tc = tcase_create("fields");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, set_text);
    tcase_add_test(tc, set_notes);
    tcase_add_test(tc, set_importance_and_evidence);
    tcase_add_test(tc, set_amount_and_kind);
    tcase_add_test(tc, set_tags);
    suite_add_tcase(s, tc);

    tc = tcase_create("links");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, links_in_order);
    tcase_add_test(tc, link_refuses_bad_links);
    tcase_add_test(tc, link_limit);
    tcase_add_test(tc, link_survives_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(canvas_suite());
}
