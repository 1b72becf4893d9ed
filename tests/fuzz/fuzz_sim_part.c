/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for reading simulation parts (smb_sim_part_load), the
 * bytes one process sends another. Two small models are compiled from the
 * scenarios of FUZZ_CONTEXT, one keeping every trial's total and one
 * keeping sketches, and each runs 64 trials into a valid part. An input
 * either is the bytes to load (raw), or edits one of the valid parts: the
 * fuzzer then works on well-formed parts whose fields are wrong rather
 * than on the checksum, which the harness puts right after editing.
 *
 * Whatever loads must finish into a result, save to bytes that load back
 * and save identically, and merge with the adjacent valid part or be
 * refused with a reason; what does not load must fail with a message and
 * leave the output alone.
 *
 * Input: a saved part (it starts with the part's magic, "SMBSIMP1"),
 * loaded into both models; or byte 0 chooses: bit 0 edit (1) or raw (0);
 * bit 1 the model with sketches; bit 2 put the checksum right. Then, when
 * editing, records of 4 bytes: an operation (set, xor, add to the 8-byte
 * field, truncate), a 16-bit little-endian offset into the part and a
 * value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { TRIALS = 64, MODELS = 2 };

/* Finishing re-creates tail trials from their indices, so its time grows
 * with the trials a part claims; a sketched part may claim up to 10^12
 * without holding them. Such parts are loaded and saved, not finished. */
#define FINISH_MAX_TRIALS 100000u

static struct {
    smb_sim_model *model;
    smb_sim_part *next; /* trials [TRIALS, 2 TRIALS), to merge with */
    unsigned char *bytes; /* trials [0, TRIALS), saved */
    size_t size;
} models[MODELS];

/* The checksum that ends a saved part, as lib/sim_part.c computes it
 * (FNV-1a, then mixed). Initialisation checks that the two agree, so that
 * a change of the format stops the fuzzer instead of blinding it. */
static uint64_t part_checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

static void put_checksum(unsigned char *p, size_t n)
{
    if (n < 8)
        return;
    uint64_t h = part_checksum(p, n - 8);
    for (int k = 0; k < 8; k++)
        p[n - 8 + (size_t)k] = (unsigned char)(h >> (8 * k));
}

static void require(smb_status st, const char *what)
{
    if (st != SMB_OK) {
        fprintf(stderr, "fuzz_sim_part: %s: %s\n", what, smb_last_error());
        abort();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    smb_document *doc = NULL;
    require(smb_document_load_file(FUZZ_CONTEXT, &doc), FUZZ_CONTEXT);
    for (int m = 0; m < MODELS; m++) {
        smb_sim_config *config = NULL;
        require(smb_sim_config_new(&config), "a configuration");
        require(smb_sim_config_set_keep_totals(config, m == 0), "keep_totals");
        require(smb_sim_config_set_sensitivity_trials(config, 50), "sensitivity_trials");
        require(smb_sim_config_set_threshold(config, 2.0), "threshold");
        require(smb_sim_model_new(smb_document_scenarios_const(doc),
                                  smb_document_resilience_const(doc), NULL, NULL, 0, config,
                                  &models[m].model),
                "the model");
        smb_sim_config_free(config);
        smb_sim_part *part = NULL;
        require(smb_sim_run(models[m].model, 0, TRIALS, 1, NULL, NULL, &part), "a run");
        require(smb_sim_run(models[m].model, TRIALS, TRIALS, 1, NULL, NULL, &models[m].next),
                "the next run");
        void *bytes = NULL;
        require(smb_sim_part_save(part, &bytes, &models[m].size), "saving a part");
        models[m].bytes = bytes;
        smb_sim_part_free(part);
        unsigned char *copy = malloc(models[m].size);
        if (!copy)
            abort();
        memcpy(copy, models[m].bytes, models[m].size);
        put_checksum(copy, models[m].size);
        if (memcmp(copy, models[m].bytes, models[m].size) != 0) {
            fprintf(stderr, "fuzz_sim_part: the checksum of lib/sim_part.c changed; "
                            "update part_checksum()\n");
            abort();
        }
        free(copy);
    }
    smb_document_free(doc);
    return 0;
}

/* The valid part of model m with the input's edits. */
static size_t edit(int m, const uint8_t *data, size_t size, unsigned char *out)
{
    size_t n = models[m].size;
    memcpy(out, models[m].bytes, n);
    for (size_t i = 0; i + 4 <= size; i += 4) {
        unsigned op = data[i] % 4;
        size_t at = ((size_t)data[i + 1] | (size_t)data[i + 2] << 8) % (n ? n : 1);
        uint8_t value = data[i + 3];
        switch (op) {
        case 0:
            out[at] = value;
            break;
        case 1:
            out[at] ^= value;
            break;
        case 2: /* add to the little-endian 8-byte field at `at` */
            for (size_t k = at, carry = value; k < n && k < at + 8 && carry; k++) {
                carry += out[k];
                out[k] = (unsigned char)carry;
                carry >>= 8;
            }
            break;
        default:
            n = at;
            break;
        }
    }
    return n;
}

static void check_loaded(int m, smb_sim_part *part, const unsigned char *bytes, size_t size)
{
    smb_sim_model *model = models[m].model;
    uint64_t first = smb_sim_part_first(part), count = smb_sim_part_count(part);
    FUZZ_REQUIRE(count >= 1 && count <= SMB_SIM_MAX_TRIALS, "a part of no or too many trials");
    FUZZ_REQUIRE(smb_sim_part_fingerprint(part) == smb_sim_model_fingerprint(model),
                 "a part of another model loaded");

    /* saved again, it loads again and saves to the same bytes */
    void *again = NULL, *twice = NULL;
    size_t again_size = 0, twice_size = 0;
    FUZZ_REQUIRE(smb_sim_part_save(part, &again, &again_size) == SMB_OK, "saving a loaded part");
    smb_sim_part *reloaded = NULL;
    FUZZ_REQUIRE(smb_sim_part_load(model, again, again_size, &reloaded) == SMB_OK,
                 "loading a saved part");
    FUZZ_REQUIRE(smb_sim_part_save(reloaded, &twice, &twice_size) == SMB_OK, "saving again");
    FUZZ_REQUIRE(again_size == twice_size && memcmp(again, twice, again_size) == 0,
                 "a part's bytes change from one save to the next");
    FUZZ_REQUIRE(again_size == size && memcmp(again, bytes, size) == 0,
                 "a part loaded from bytes that are not what it saves");
    smb_free(again);
    smb_free(twice);
    smb_sim_part_free(reloaded);

    if (count <= FINISH_MAX_TRIALS) {
        smb_sim_result *result = NULL;
        smb_status st = smb_sim_finish(model, part, 1, &result);
        FUZZ_REQUIRE(st == SMB_OK, "finishing a loaded part");
        FUZZ_REQUIRE(smb_sim_result_trials(result) == count, "a result of other trials");
        smb_sim_result_free(result);
    }

    /* merging with the valid part of the next range: adjacent or refused */
    smb_status st = smb_sim_part_merge(part, models[m].next);
    if (st == SMB_OK)
        FUZZ_REQUIRE(smb_sim_part_first(part) == (first < TRIALS ? first : TRIALS) &&
                         smb_sim_part_count(part) == count + TRIALS,
                     "a merge that does not cover both ranges");
    else
        FUZZ_REQUIRE((st == SMB_EINVAL || st == SMB_ERANGE) && smb_last_error()[0],
                     "a merge refused without a reason");
}

static void load(int m, const unsigned char *bytes, size_t n)
{
    smb_sim_part *part = (smb_sim_part *)(uintptr_t)1; /* must stay untouched on failure */
    smb_status st = smb_sim_part_load(models[m].model, bytes, n, &part);
    if (st == SMB_OK) {
        check_loaded(m, part, bytes, n);
        smb_sim_part_free(part);
        return;
    }
    FUZZ_REQUIRE(part == (smb_sim_part *)(uintptr_t)1, "a failed load set its output");
    FUZZ_REQUIRE(st == SMB_EPARSE || st == SMB_EINVAL || st == SMB_ENOMEM,
                 "a load failed with an undocumented status");
    const char *message = smb_last_error();
    FUZZ_REQUIRE(message[0] && fuzz_utf8_ok(message, strlen(message)),
                 "a load failed without a readable message");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 8 && memcmp(data, "SMBSIMP1", 8) == 0) {
        for (int m = 0; m < MODELS; m++)
            load(m, data, size);
        return 0;
    }
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    int m = (mode >> 1) & 1;
    data++, size--;
    unsigned char *bytes = malloc(models[m].size > size ? models[m].size : size ? size : 1);
    if (!bytes)
        return 0;
    size_t n = size;
    if (mode & 1)
        n = edit(m, data, size, bytes);
    else
        memcpy(bytes, data, size);
    if (mode & 4)
        put_checksum(bytes, n);

    load(m, bytes, n);
    free(bytes);
    return 0;
}
