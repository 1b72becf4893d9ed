/* SPDX-License-Identifier: MIT */
/* Status codes, thread-local error details, the allocator hook, versions. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

START_TEST(strerror_names_every_status)
{
    static const smb_status all[] = {SMB_OK, SMB_EINVAL, SMB_ENOMEM, SMB_EPARSE,
                                     SMB_ESCHEMA, SMB_ENOTFOUND, SMB_EEXIST, SMB_ERANGE,
                                     SMB_EIO, SMB_ELIMIT, SMB_ECANCELED};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        ck_assert_str_ne(smb_strerror(all[i]), "unknown status");
        ck_assert_str_ne(smb_status_name(all[i]), "SMB_UNKNOWN");
        /* Each description is distinct, so a message identifies its code. */
        for (size_t j = 0; j < i; j++)
            ck_assert_str_ne(smb_strerror(all[i]), smb_strerror(all[j]));
    }
    ck_assert_str_eq(smb_strerror(SMB_ENOMEM), "out of memory");
    ck_assert_str_eq(smb_status_name(SMB_ERANGE), "SMB_ERANGE");
}
END_TEST

START_TEST(status_values_are_stable)
{
    /* The numbers are ABI: bindings and other languages rely on them. */
    ck_assert_int_eq(SMB_OK, 0);
    ck_assert_int_eq(SMB_EINVAL, -1);
    ck_assert_int_eq(SMB_ENOMEM, -2);
    ck_assert_int_eq(SMB_EPARSE, -3);
    ck_assert_int_eq(SMB_ESCHEMA, -4);
    ck_assert_int_eq(SMB_ENOTFOUND, -5);
    ck_assert_int_eq(SMB_EEXIST, -6);
    ck_assert_int_eq(SMB_ERANGE, -7);
    ck_assert_int_eq(SMB_EIO, -8);
    ck_assert_int_eq(SMB_ELIMIT, -9);
    ck_assert_int_eq(SMB_ECANCELED, -10);
}
END_TEST

START_TEST(unknown_status_is_named_as_such)
{
    ck_assert_str_eq(smb_strerror((smb_status)42), "unknown status");
    ck_assert_str_eq(smb_status_name((smb_status)-99), "SMB_UNKNOWN");
}
END_TEST

START_TEST(last_error_starts_empty_and_clears)
{
    smb_clear_error();
    ck_assert_str_eq(smb_last_error(), "");
    const smb_error *e = smb_last_error_info();
    ck_assert_int_eq(e->status, SMB_OK);
    ck_assert_str_eq(e->message, "");
    ck_assert_ptr_null(e->file);
    ck_assert_ptr_null(e->path);
    ck_assert_int_eq(e->line, 0);
    ck_assert_int_eq(e->column, 0);

    ck_assert_int_eq(smb_set_allocator(malloc, NULL, NULL), SMB_EINVAL);
    ck_assert_int_eq(smb_last_error_info()->status, SMB_EINVAL);
    ck_assert_ptr_nonnull(strstr(smb_last_error(), "smb_set_allocator"));

    smb_clear_error();
    ck_assert_str_eq(smb_last_error(), "");
    ck_assert_int_eq(smb_last_error_info()->status, SMB_OK);
}
END_TEST

START_TEST(success_does_not_erase_the_last_failure)
{
    smb_clear_error();
    ck_assert_int_eq(smb_set_allocator(NULL, realloc, NULL), SMB_EINVAL);
    ck_assert_int_eq(smb_set_allocator(NULL, NULL, NULL), SMB_OK);
    ck_assert_int_eq(smb_last_error_info()->status, SMB_EINVAL);
}
END_TEST

static void *fail_on_other_thread(void *arg)
{
    (void)arg;
    smb_clear_error();
    smb_status s = smb_set_allocator(malloc, realloc, NULL);
    int *ok = malloc(sizeof *ok);
    *ok = s == SMB_EINVAL && smb_last_error_info()->status == SMB_EINVAL;
    return ok;
}

START_TEST(last_error_is_per_thread)
{
    smb_clear_error();
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, fail_on_other_thread, NULL), 0);
    void *result = NULL;
    ck_assert_int_eq(pthread_join(t, &result), 0);
    ck_assert_int_eq(*(int *)result, 1);
    free(result);
    /* The other thread's failure is invisible here. */
    ck_assert_int_eq(smb_last_error_info()->status, SMB_OK);
    ck_assert_str_eq(smb_last_error(), "");
}
END_TEST

static int counted_mallocs;
static void *counting_malloc(size_t n)
{
    counted_mallocs++;
    return malloc(n);
}

START_TEST(allocator_is_used_and_restorable)
{
    ck_assert_int_eq(smb_set_allocator(counting_malloc, realloc, free), SMB_OK);
    counted_mallocs = 0;
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    ck_assert_int_gt(counted_mallocs, 0);
    smb_canvas_free(c);

    ck_assert_int_eq(smb_set_allocator(NULL, NULL, NULL), SMB_OK);
    counted_mallocs = 0;
    TH_OK(smb_canvas_new(&c));
    smb_canvas_free(c);
    ck_assert_int_eq(counted_mallocs, 0);
}
END_TEST

START_TEST(partial_allocator_is_refused_and_changes_nothing)
{
    ck_assert_int_eq(smb_set_allocator(counting_malloc, NULL, free), SMB_EINVAL);
    counted_mallocs = 0;
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    smb_canvas_free(c);
    ck_assert_int_eq(counted_mallocs, 0);
}
END_TEST

START_TEST(free_accepts_null)
{
    smb_free(NULL);
}
END_TEST

START_TEST(version_matches_headers)
{
    ck_assert_str_eq(smb_version(), SMB_VERSION_STRING);
    ck_assert_int_eq(smb_version_number(), SMB_VERSION_NUMBER);
    /* 0.2.0 -> 0 * 10000 + 2 * 100 + 0 */
    ck_assert_int_eq(SMB_VERSION_NUMBER, 200);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, strerror_names_every_status);
    tcase_add_test(tc, status_values_are_stable);
    tcase_add_test(tc, unknown_status_is_named_as_such);
    tcase_add_test(tc, last_error_starts_empty_and_clears);
    tcase_add_test(tc, success_does_not_erase_the_last_failure);
    tcase_add_test(tc, last_error_is_per_thread);
    tcase_add_test(tc, allocator_is_used_and_restorable);
    tcase_add_test(tc, partial_allocator_is_refused_and_changes_nothing);
    tcase_add_test(tc, free_accepts_null);
    tcase_add_test(tc, version_matches_headers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(common_suite());
}
