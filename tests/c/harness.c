/* SPDX-License-Identifier: MIT */
#include "harness.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Live blocks are tracked with a header in front of each block so that
 * realloc and free know the block came from us. */
typedef struct header {
    size_t size;
    size_t magic;
} header;
enum { MAGIC = 0x5eed5eed };

/* Atomic: the library may allocate on worker threads (the simulator's
 * sketches grow there). */
static atomic_long fail_at;
static atomic_long attempts;
static atomic_long live;
static int installed;

static int should_fail(void)
{
    long attempt = atomic_fetch_add(&attempts, 1) + 1;
    long at = atomic_load(&fail_at);
    return at > 0 && attempt >= at;
}

static void *th_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    header *h = malloc(sizeof(header) + size);
    if (!h)
        return NULL;
    h->size = size;
    h->magic = MAGIC;
    live++;
    return h + 1;
}

static void th_free(void *p)
{
    if (!p)
        return;
    header *h = (header *)p - 1;
    /* A plain test rather than ck_assert: Check logs every assertion, which
     * would dominate the cost of large tests. */
    if (h->magic != MAGIC)
        ck_abort_msg("free of a block the library did not allocate");
    h->magic = 0;
    live--;
    free(h);
}

static void *th_realloc(void *p, size_t size)
{
    if (!p)
        return th_malloc(size);
    if (should_fail())
        return NULL;
    header *h = (header *)p - 1;
    if (h->magic != MAGIC)
        ck_abort_msg("realloc of a block the library did not allocate");
    header *n = realloc(h, sizeof(header) + size);
    if (!n)
        return NULL;
    n->size = size;
    return n + 1;
}

void th_alloc_install(void)
{
    if (!installed) {
        ck_assert_int_eq(smb_set_allocator(th_malloc, th_realloc, th_free), SMB_OK);
        installed = 1;
    }
}

void th_alloc_fail_at(long n)
{
    fail_at = n;
    attempts = 0;
}

long th_alloc_attempts(void)
{
    return attempts;
}

long th_alloc_live(void)
{
    return live;
}

const char *th_data_path(const char *name)
{
    static char path[4096];
    const char *dir = getenv("SMB_TEST_DATA");
    if (!dir)
        dir = SMB_TEST_DATA_DIR;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

char *th_read_data(const char *name, size_t *length)
{
    const char *path = th_data_path(name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    buf[len] = '\0';
    if (length)
        *length = len;
    return buf;
}

int th_run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
