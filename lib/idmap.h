/* SPDX-License-Identifier: MIT */
/*
 * A map from item id to item, by open addressing with linear probing.
 *
 * Keys are borrowed: the map stores the caller's pointer, which must stay
 * valid (and unchanged) while the entry is in the map. Insertion is split in
 * two so that callers can make every allocation of a mutation first and
 * then commit it without any step that can fail: smb__idmap_reserve() may
 * fail and leaves the map as it was; smb__idmap_insert_reserved() cannot.
 */
#ifndef SMB_IDMAP_H
#define SMB_IDMAP_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

typedef struct smb__idmap_slot {
    const char *key; /* NULL marks a free slot */
    void *value;
    uint32_t hash;   /* low bits of the key's hash, to skip most strcmp calls */
} smb__idmap_slot;

typedef struct smb__idmap {
    smb__idmap_slot *slots;
    size_t cap;   /* 0 or a power of two */
    size_t count;
} smb__idmap;

void smb__idmap_init(smb__idmap *map);
void smb__idmap_free(smb__idmap *map);
/* Make room for `count` entries in all. On failure the map is unchanged. */
SMB_NODISCARD smb_status smb__idmap_reserve(smb__idmap *map, size_t count);
/* Add a key that is not in the map yet; room must have been reserved. */
void smb__idmap_insert_reserved(smb__idmap *map, const char *key, void *value);
/* The value stored under `key`, or NULL (also for a NULL key). */
void *smb__idmap_find(const smb__idmap *map, const char *key);
/* Remove `key` if present; never allocates. Returns whether it was there. */
bool smb__idmap_remove(smb__idmap *map, const char *key);

#endif /* SMB_IDMAP_H */
