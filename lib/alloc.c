/* SPDX-License-Identifier: MIT */
/* The replaceable allocator. Every allocation in the library goes through
 * these functions so that embedders can route memory and the tests can fail
 * any single allocation on purpose. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *(*alloc_malloc)(size_t) = malloc;
static void *(*alloc_realloc)(void *, size_t) = realloc;
static void (*alloc_free)(void *) = free;

smb_status smb_set_allocator(void *(*malloc_fn)(size_t),
                             void *(*realloc_fn)(void *, size_t),
                             void (*free_fn)(void *))
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        malloc_fn = malloc;
        realloc_fn = realloc;
        free_fn = free;
    } else if (!malloc_fn || !realloc_fn || !free_fn) {
        return smb__fail(SMB_EINVAL,
                         "smb_set_allocator: give all three functions, or none to restore the defaults");
    }
    alloc_malloc = malloc_fn;
    alloc_realloc = realloc_fn;
    alloc_free = free_fn;
    json_set_alloc_funcs(malloc_fn, free_fn);
    return SMB_OK;
}

void *smb__malloc(size_t size)
{
    /* malloc(0) may return NULL legitimately; never ask for it. */
    return alloc_malloc(size ? size : 1);
}

void *smb__calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    void *p = smb__malloc(bytes);
    if (p)
        memset(p, 0, bytes != 0 ? bytes : 1);
    return p;
}

void *smb__realloc(void *ptr, size_t size)
{
    return alloc_realloc(ptr, size ? size : 1);
}

void smb__free(void *ptr)
{
    if (ptr)
        alloc_free(ptr);
}

void smb_free(void *ptr)
{
    smb__free(ptr);
}

char *smb__strndup(const char *s, size_t n)
{
    if (!s || n == SIZE_MAX)
        return NULL;
    char *copy = smb__malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

char *smb__strdup(const char *s)
{
    return s ? smb__strndup(s, strlen(s)) : NULL;
}

smb_status smb__reserve(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return SMB_OK;
    size_t grown = *cap ? *cap : 4;
    while (grown < need) {
        if (grown > SIZE_MAX / 2)
            return smb__nomem();
        grown *= 2;
    }
    if (elem && grown > SIZE_MAX / elem)
        return smb__nomem();
    void *p = smb__realloc(*items, grown * elem);
    if (!p)
        return smb__nomem();
    *items = p;
    *cap = grown;
    return SMB_OK;
}
