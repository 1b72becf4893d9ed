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

bool th_utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned c = p[i], cp, min;
        size_t extra;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (n - i <= extra)
            return false;
        for (size_t k = 1; k <= extra; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}
