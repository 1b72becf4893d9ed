/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for one section of the document, built once per
 * section (FUZZ_SECTION: "canvas", "forces", "resilience", "scenarios",
 * "responses" or "settings"; see meson.build). The input is the section's
 * JSON value, placed in a valid document that holds every other section
 * (those of FUZZ_CONTEXT, tests/data/scenarios_full.json), so that the
 * fuzzer spends its time inside the section's loader and the references
 * between sections (effects naming scenarios, shifts naming drivers,
 * weights naming criteria) instead of on the JSON around it. A document
 * that loads must then score, rank, plan, render well-formed and save to
 * canonical text that loads back equal (fuzz_check.h).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* '{"smbstrat":1,' and every other section of the context, then
 * '"SECTION":'; the input and '}' follow. */
static char *prefix;
static size_t prefix_length;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    json_error_t error;
    json_t *context = json_load_file(FUZZ_CONTEXT, JSON_REJECT_DUPLICATES, &error);
    if (!context || !json_is_object(context)) {
        fprintf(stderr, "fuzz_section: cannot read %s: %s\n", FUZZ_CONTEXT, error.text);
        abort();
    }
    if (!json_object_get(context, FUZZ_SECTION)) {
        fprintf(stderr, "fuzz_section: %s has no '%s' section\n", FUZZ_CONTEXT, FUZZ_SECTION);
        abort();
    }
    size_t cap = 64 * 1024;
    prefix = malloc(cap);
    if (!prefix)
        abort();
    prefix_length = (size_t)snprintf(prefix, cap, "{\"smbstrat\":1,");
    const char *key;
    json_t *value;
    json_object_foreach(context, key, value)
    {
        if (!strcmp(key, "smbstrat") || !strcmp(key, FUZZ_SECTION))
            continue;
        char *text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
        if (!text)
            abort();
        int n = snprintf(prefix + prefix_length, cap - prefix_length, "\"%s\":%s,", key, text);
        free(text);
        if (n < 0 || (size_t)n >= cap - prefix_length)
            abort();
        prefix_length += (size_t)n;
    }
    int n = snprintf(prefix + prefix_length, cap - prefix_length, "\"%s\":", FUZZ_SECTION);
    if (n < 0 || (size_t)n >= cap - prefix_length)
        abort();
    prefix_length += (size_t)n;
    json_decref(context);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t length = prefix_length + size + 1;
    char *text = malloc(length);
    if (!text)
        return 0;
    memcpy(text, prefix, prefix_length);
    memcpy(text + prefix_length, data, size);
    text[length - 1] = '}';

    smb_document *doc = NULL;
    smb_status st = smb_document_load_string(text, length, &doc);
    free(text);
    if (st != SMB_OK) {
        FUZZ_REQUIRE(doc == NULL, "a failed load set its output");
        const char *message = smb_last_error();
        FUZZ_REQUIRE(message[0] != '\0', "a failed load without a message");
        FUZZ_REQUIRE(fuzz_utf8_ok(message, strlen(message)), "a message that is not UTF-8");
        return 0;
    }
    fuzz_exercise_document(doc);
    fuzz_render_document(doc);
    smb_document_free(doc);
    return 0;
}
