/* SPDX-License-Identifier: MIT */
/*
 * Where the loader says an error is, when the document spells its keys with
 * escapes, uses characters outside ASCII or holds hostile keys, and that
 * every message, path and file name it reports is valid UTF-8 (the Python
 * bindings decode them strictly), however long the key or file name.
 * Columns count characters, as jansson does; they are worked out by hand
 * in the comments.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static void assert_error_is_utf8(void)
{
    const smb_error *e = smb_last_error_info();
    ck_assert_msg(th_utf8_valid(e->message), "message is not valid UTF-8: %s", e->message);
    ck_assert(!e->path || th_utf8_valid(e->path));
    ck_assert(!e->file || th_utf8_valid(e->file));
}

/* ---- located errors -------------------------------------------------------- */

typedef struct located {
    const char *text;
    smb_status status;
    const char *path;
    int column; /* all on line 1; 0: not checked */
    const char *needle;
} located;

/* Every text starts `{"smbstrat": 1, "canvas": {` (or "forces"): '{' 1,
 * "smbstrat" 2-11, ':' 12, '1' 14, ',' 15, the section's name 17-24,
 * ':' 25, '{' 27, so the first member's opening quote is column 28. An
 * unknown key is reported at its name. */
static const located cases[] = {
    /* \u escapes of one, two and three UTF-8 bytes, lower and upper case
     * hex, and a surrogate pair (four bytes): the path shows the decoded
     * name and the column its first quote. */
    {"{\"smbstrat\": 1, \"canvas\": {\"caf\\u00e9\": []}}", SMB_ESCHEMA,
     "$.canvas[\"caf\xC3\xA9\"]", 28, "unknown key"},
    {"{\"smbstrat\": 1, \"canvas\": {\"caf\\u00E9\": []}}", SMB_ESCHEMA,
     "$.canvas[\"caf\xC3\xA9\"]", 28, "unknown key"},
    {"{\"smbstrat\": 1, \"canvas\": {\"\\u20ac\": []}}", SMB_ESCHEMA, "$.canvas[\"\xE2\x82\xAC\"]",
     28, "unknown key"},
    {"{\"smbstrat\": 1, \"canvas\": {\"\\ud83e\\udd50\": []}}", SMB_ESCHEMA,
     "$.canvas[\"\xF0\x9F\xA5\x90\"]", 28, "unknown key"},
    /* The short escapes; the path escapes '"', '\\' and control
     * characters again, as JSON would. */
    {"{\"smbstrat\": 1, \"canvas\": {\"a\\/b\\\"c\\\\d\\b\\f\\n\\r\\t\": []}}", SMB_ESCHEMA,
     "$.canvas[\"a/b\\\"c\\\\d\\u0008\\u000c\\u000a\\u000d\\u0009\"]", 28, "unknown key"},
    /* A known key spelt with an escape is that key: "n\u0061me" is
     * "name" (quote 28, n 29, \u0061 30-35, m 36, e 37, quote 38), ':'
     * 39, and its value 5 is at 41. */
    {"{\"smbstrat\": 1, \"canvas\": {\"n\\u0061me\": 5}}", SMB_ESCHEMA, "$.canvas.name", 41,
     "must be a string, not an integer"},
    /* The same name twice, spelt two ways: jansson sees the duplicate and
     * the loader points at the second spelling: "name" 28-33, ':' 34,
     * "x" 36-38, ',' 39, the second key at 41. */
    {"{\"smbstrat\": 1, \"canvas\": {\"name\": \"x\", \"n\\u0061me\": \"y\"}}", SMB_EPARSE,
     "$.canvas.name", 41, "duplicate object key"},
    /* Deeper, in the forces: "forces" 17-24, '{' 27, "rivalry" 28-36,
     * '{' 39, "drivers" 40-48, '{' 51, "exit\u005fbarriers" 52-71 (quote
     * 52, exit 53-56, escape 57-62, barriers 63-70, quote 71), '{' 74,
     * "rating" 75-82, ':' 83, and 9 at 85. */
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"exit\\u005fbarriers\": "
     "{\"rating\": 9}}}}}",
     SMB_ERANGE, "$.forces.rivalry.drivers.exit_barriers.rating", 85,
     "must be a number from 1 to 5, got 9"},
    /* A stray character of two bytes where a key should be: column 17
     * (one character, not two bytes). */
    {"{\"smbstrat\": 1, \xC3\xA9}", SMB_EPARSE, "$", 17, "string or '}' expected"},
    /* An escape cut off by the end of the input. */
    {"{\"smbstrat\": 1, \"canvas\": {\"a\\u00", SMB_EPARSE, "$.canvas.a", 0, "invalid escape"},
    /* A lone surrogate (jansson refuses it): the path names the key with
     * U+FFFD in its place, so that it stays valid UTF-8. */
    {"{\"smbstrat\": 1, \"canvas\": {\"a\\ud800x\": 1}}", SMB_EPARSE,
     "$.canvas[\"a\xEF\xBF\xBDx\"]", 0, "invalid Unicode '\\uD800'"},
    {"{\"smbstrat\": 1, \"canvas\": {\"a\\udc00\\u0041\": 1}}", SMB_EPARSE,
     "$.canvas[\"a\xEF\xBF\xBD" "A\"]", 0, "invalid Unicode '\\uDC00'"},
};

START_TEST(errors_are_located_through_escapes)
{
    const located *c = &cases[_i];
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string(c->text, strlen(c->text), &doc), c->status,
                    c->needle);
    ck_assert_ptr_null(doc);
    const smb_error *e = smb_last_error_info();
    ck_assert_ptr_nonnull(e->path);
    ck_assert_str_eq(e->path, c->path);
    ck_assert_int_eq(e->line, 1);
    if (c->column)
        ck_assert_int_eq(e->column, c->column);
    assert_error_is_utf8();
}
END_TEST

/* ---- long keys and file names are cut between characters ------------------ */

/* `{"smbstrat": 1, "canvas": {"<key>": <rest>` with the key made of
 * `head` and then `unit` `times` times. */
static char *with_key(const char *head, const char *unit, size_t times, const char *rest)
{
    size_t n = strlen(head) + strlen(unit) * times + strlen(rest) + 64;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    snprintf(text, n, "{\"smbstrat\": 1, \"canvas\": {\"%s", head);
    for (size_t i = 0; i < times; i++)
        strcat(text, unit);
    strcat(text, "\": ");
    strcat(text, rest);
    return text;
}

START_TEST(long_keys_are_cut_between_characters)
{
    /* Both parities of the cut, both spellings of the characters, and
     * the errors found by jansson (unexpected token) as well as those
     * found after it (unknown key). Each key is 600 bytes or more, past
     * what a path holds. */
    static const char *const heads[] = {"a", "ab"};
    static const char *const units[] = {"\xC3\xA9", "\\u00e9", "\xE2\x82\xAC",
                                        "\xF0\x9F\xA5\x90"};
    static const struct {
        const char *rest;
        smb_status status;
        const char *needle;
    } tails[] = {
        {"[]}}", SMB_ESCHEMA, "unknown key"},
        {"[}}", SMB_EPARSE, "malformed JSON"},
    };
    for (size_t h = 0; h < 2; h++)
        for (size_t u = 0; u < 4; u++)
            for (size_t t = 0; t < 2; t++) {
                char *text = with_key(heads[h], units[u], 300, tails[t].rest);
                smb_document *doc = NULL;
                TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc),
                                tails[t].status, tails[t].needle);
                const smb_error *e = smb_last_error_info();
                ck_assert_ptr_nonnull(e->path);
                ck_assert(strncmp(e->path, "$.canvas[\"", 10) == 0);
                ck_assert_int_eq(e->line, 1);
                assert_error_is_utf8();
                free(text);
            }
}
END_TEST

START_TEST(long_file_names_are_cut_between_characters)
{
    /* A name of nearly a kilobyte, past the 511 bytes the record keeps:
     * four directories of 120 two-byte characters each (240 bytes, under
     * NAME_MAX) that do not exist. The record keeps a prefix of it, and
     * the message says what failed. */
    char dir[] = "/tmp/smblocate-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[2048];
    size_t len = (size_t)snprintf(path, sizeof path, "%s/x", dir);
    for (int d = 0; d < 4; d++) {
        path[len++] = '/';
        for (int i = 0; i < 120; i++) {
            path[len++] = '\xC3';
            path[len++] = '\xA9';
        }
    }
    snprintf(path + len, sizeof path - len, "/bakery.json");
    ck_assert_uint_gt(strlen(path), 900);

    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_file(path, &doc), SMB_EIO, "cannot open");
    ck_assert_ptr_null(doc);
    const smb_error *e = smb_last_error_info();
    ck_assert_ptr_nonnull(e->file);
    ck_assert_uint_lt(strlen(e->file), strlen(path));
    ck_assert(strncmp(path, e->file, strlen(e->file)) == 0);
    assert_error_is_utf8();

    /* Saving there fails the same way. */
    TH_OK(smb_document_new(&doc));
    ck_assert_int_eq(smb_document_save_file(doc, path), SMB_EIO);
    assert_error_is_utf8();
    smb_document_free(doc);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* Make dir/<name> where name is `n` two-byte characters; returns the new
 * path in buf. */
static const char *make_subdir(char *buf, size_t cap, const char *dir, int n)
{
    size_t len = (size_t)snprintf(buf, cap, "%s/", dir);
    for (int i = 0; i < n && len + 3 < cap; i++) {
        buf[len++] = '\xC3';
        buf[len++] = '\xA9';
    }
    buf[len] = '\0';
    ck_assert_int_eq(mkdir(buf, 0700), 0);
    return buf;
}

START_TEST(long_messages_are_cut_between_characters)
{
    /* A document at a path of about 500 bytes whose unknown key is 600
     * bytes more: file, path and text make a message longer than the
     * record's 1024 bytes, which must be cut between characters whatever
     * the parity of the lengths before the cut. */
    char top[] = "/tmp/smblocate-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(top));
    char one[1024], two[1024], file[1200];
    make_subdir(one, sizeof one, top, 120);
    make_subdir(two, sizeof two, one, 120);
    static const char *const names[] = {"k.json", "kk.json"};
    static const char *const heads[] = {"a", "ab"};
    for (size_t f = 0; f < 2; f++)
        for (size_t h = 0; h < 2; h++) {
            snprintf(file, sizeof file, "%s/%s", two, names[f]);
            char *text = with_key(heads[h], "\xC3\xA9", 300, "[]}}");
            FILE *out = fopen(file, "w");
            ck_assert_ptr_nonnull(out);
            fputs(text, out);
            fclose(out);
            smb_document *doc = NULL;
            ck_assert_int_eq(smb_document_load_file(file, &doc), SMB_ESCHEMA);
            ck_assert_ptr_null(doc);
            const smb_error *e = smb_last_error_info();
            ck_assert_str_eq(e->file, file);
            ck_assert(strncmp(e->message, file, strlen(file)) == 0);
            ck_assert_uint_ge(strlen(e->message), 1000); /* it was cut, not emptied */
            ck_assert_uint_lt(strlen(e->message), 1024);
            assert_error_is_utf8();
            ck_assert_int_eq(unlink(file), 0);
            free(text);
        }
    ck_assert_int_eq(rmdir(two), 0);
    ck_assert_int_eq(rmdir(one), 0);
    ck_assert_int_eq(rmdir(top), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("locate");
    TCase *tc = tcase_create("locate");
    tcase_add_loop_test(tc, errors_are_located_through_escapes, 0,
                        sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, long_keys_are_cut_between_characters);
    tcase_add_test(tc, long_file_names_are_cut_between_characters);
    tcase_add_test(tc, long_messages_are_cut_between_characters);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
