/* SPDX-License-Identifier: MIT */
/* Open-addressing id map. Linear probing keeps probes within a cache line or
 * two; removal shifts the following run back instead of leaving tombstones,
 * so lookups never slow down after many removals. */
#include <string.h>

#include "idmap.h"

/* Grow before the table is three-quarters full: beyond that, linear probing
 * chains lengthen quickly. */
#define LOAD_NUM 3u
#define LOAD_DEN 4u

/* FNV-1a, then a final avalanche (from MurmurHash3's fmix64) so that ids
 * differing only in their last characters spread over the low bits too. */
static uint64_t hash_key(const char *key)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3u;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

void smb__idmap_init(smb__idmap *map)
{
    *map = (smb__idmap){NULL, 0, 0};
}

void smb__idmap_free(smb__idmap *map)
{
    smb__free(map->slots);
    smb__idmap_init(map);
}

static void place(smb__idmap_slot *slots, size_t cap, const char *key, void *value,
                  uint32_t hash)
{
    size_t mask = cap - 1;
    size_t i = hash & mask;
    while (slots[i].key)
        i = (i + 1) & mask;
    slots[i] = (smb__idmap_slot){key, value, hash};
}

smb_status smb__idmap_reserve(smb__idmap *map, size_t count)
{
    if (count <= map->cap / LOAD_DEN * LOAD_NUM)
        return SMB_OK;
    size_t cap = map->cap ? map->cap : 16;
    while (count > cap / LOAD_DEN * LOAD_NUM) {
        if (cap > SIZE_MAX / 2 / sizeof(smb__idmap_slot))
            return smb__nomem();
        cap *= 2;
    }
    smb__idmap_slot *slots = smb__calloc(cap, sizeof *slots);
    if (!slots)
        return smb__nomem();
    for (size_t i = 0; i < map->cap; i++)
        if (map->slots[i].key)
            place(slots, cap, map->slots[i].key, map->slots[i].value, map->slots[i].hash);
    smb__free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return SMB_OK;
}

void smb__idmap_insert_reserved(smb__idmap *map, const char *key, void *value)
{
    place(map->slots, map->cap, key, value, (uint32_t)hash_key(key));
    map->count++;
}

/* Index of the slot holding key, or SIZE_MAX. */
static size_t locate(const smb__idmap *map, const char *key)
{
    if (!key || map->cap == 0)
        return SIZE_MAX;
    uint32_t hash = (uint32_t)hash_key(key);
    size_t mask = map->cap - 1;
    for (size_t i = hash & mask; map->slots[i].key; i = (i + 1) & mask)
        if (map->slots[i].hash == hash && strcmp(map->slots[i].key, key) == 0)
            return i;
    return SIZE_MAX;
}

void *smb__idmap_find(const smb__idmap *map, const char *key)
{
    size_t i = locate(map, key);
    return i == SIZE_MAX ? NULL : map->slots[i].value;
}

bool smb__idmap_remove(smb__idmap *map, const char *key)
{
    size_t hole = locate(map, key);
    if (hole == SIZE_MAX)
        return false;
    size_t mask = map->cap - 1;
    /* Backward-shift deletion: move each later entry of the run into the
     * hole unless its home slot lies cyclically after the hole (then it is
     * already as close to home as it can be). */
    for (size_t i = (hole + 1) & mask; map->slots[i].key; i = (i + 1) & mask) {
        size_t home = map->slots[i].hash & mask;
        size_t dist_home = (i - home) & mask;
        size_t dist_hole = (i - hole) & mask;
        if (dist_home >= dist_hole) {
            map->slots[hole] = map->slots[i];
            hole = i;
        }
    }
    map->slots[hole] = (smb__idmap_slot){NULL, NULL, 0};
    map->count--;
    return true;
}
