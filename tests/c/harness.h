/* SPDX-License-Identifier: MIT */
/*
 * Shared test support: a counting allocator that can fail the Nth
 * allocation, so that every public operation can be driven through each of
 * its allocation failures in turn, and small helpers for Check suites.
 */
#ifndef SMB_TEST_HARNESS_H
#define SMB_TEST_HARNESS_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "smbstrat/smbstrat.h"

/* Install the counting allocator (idempotent). */
void th_alloc_install(void);
/* Fail the nth allocation attempt from now on (1 = the next one) and every
 * later one until th_alloc_fail_at(0). Resets the attempt counter. */
void th_alloc_fail_at(long n);
/* Allocation attempts since the last th_alloc_fail_at(). */
long th_alloc_attempts(void);
/* Blocks currently allocated through the library's allocator. */
long th_alloc_live(void);

/*
 * Run `op` (an expression yielding smb_status) with the 1st, 2nd, ... Nth
 * allocation failing until it succeeds. After each failure: the status must
 * be SMB_ENOMEM, no block may have leaked, and `unchanged` (an expression)
 * must hold. `cleanup_ok` runs once after the successful call. Asserts that
 * at least one allocation point was exercised when `min_points` > 0.
 */
#define TH_EACH_ALLOC_FAILURE(op, unchanged, cleanup_ok, min_points)                  \
    do {                                                                             \
        th_alloc_install();                                                          \
        long th_points_ = 0;                                                         \
        for (long th_n_ = 1;; th_n_++) {                                             \
            long th_live_ = th_alloc_live();                                         \
            th_alloc_fail_at(th_n_);                                                 \
            smb_status th_st_ = (op);                                                \
            th_alloc_fail_at(0);                                                     \
            if (th_st_ == SMB_OK) {                                                  \
                cleanup_ok;                                                          \
                break;                                                               \
            }                                                                        \
            th_points_++;                                                            \
            ck_assert_msg(th_st_ == SMB_ENOMEM,                                      \
                          "allocation %ld failed but the call returned %s (%s)",     \
                          th_n_, smb_status_name(th_st_), smb_last_error());         \
            ck_assert_msg(th_alloc_live() == th_live_,                               \
                          "allocation %ld failed and %ld block(s) leaked", th_n_,    \
                          th_alloc_live() - th_live_);                               \
            ck_assert_msg((unchanged), "allocation %ld failed and the object changed", \
                          th_n_);                                                    \
            ck_assert_msg(th_n_ < 1000000, "operation never succeeds");              \
        }                                                                            \
        ck_assert_msg(th_points_ >= (min_points),                                    \
                      "expected at least %ld allocation points, saw %ld",            \
                      (long)(min_points), th_points_);                               \
    } while (0)

/* Assert a call fails with `status` and a message that contains `needle`. */
#define TH_ASSERT_FAILS(call, status, needle)                                        \
    do {                                                                             \
        smb_status th_s_ = (call);                                                   \
        ck_assert_msg(th_s_ == (status), "expected %s, got %s (%s)",                 \
                      smb_status_name(status), smb_status_name(th_s_),               \
                      smb_last_error());                                             \
        ck_assert_msg(strstr(smb_last_error(), (needle)) != NULL,                    \
                      "message \"%s\" does not mention \"%s\"", smb_last_error(),    \
                      (needle));                                                     \
    } while (0)

#define TH_OK(call)                                                                  \
    do {                                                                             \
        smb_status th_s_ = (call);                                                   \
        ck_assert_msg(th_s_ == SMB_OK, "%s failed: %s (%s)", #call,                  \
                      smb_status_name(th_s_), smb_last_error());                     \
    } while (0)

/* Read a whole file from tests/data (the directory comes from the build);
 * returns a malloc'd NUL-terminated buffer or aborts the test. */
char *th_read_data(const char *name, size_t *length);
/* The absolute path of tests/data/<name> in a static buffer. */
const char *th_data_path(const char *name);

/* Whether s is strict UTF-8, checked independently of the library's own
 * check: no overlongs, no surrogates, nothing past U+10FFFF, nothing cut
 * short. */
bool th_utf8_valid(const char *s);

/* Run one suite with Check and return the process exit status. */
int th_run_suite(Suite *suite);

#endif /* SMB_TEST_HARNESS_H */
