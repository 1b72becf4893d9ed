/* SPDX-License-Identifier: MIT */
/*
 * What every section loader shares (document_load.c dispatches to them):
 * the JSON path of the value being checked, failures recorded at that
 * path's line and column, and the type checks whose messages must read the
 * same in every section. Never installed.
 */
#ifndef SMB_DOCUMENT_LOADER_H
#define SMB_DOCUMENT_LOADER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "document_internal.h"
#include "json_locate.h"

enum {
    SMB__LD_MAX_STEPS = SMB_MAX_DEPTH + 2, /* deepest path the depth check can name */
    SMB__LD_PATH_CAP = 512,
    SMB__LD_LIST_CAP = 512 /* "one of a, b, c" lists in messages */
};

typedef struct smb__loader {
    const char *text;
    size_t len;
    const char *file; /* for messages; NULL for strings */
    smb__json_step steps[SMB__LD_MAX_STEPS]; /* path of the value being checked */
    size_t depth;
    /* Sections built here, handed to the document once all of it loaded. */
    smb_canvas *canvas;
    smb_forces *forces;
    smb_resilience *resilience;
    smb_scenarios *scenarios;
    smb_responses *responses;
    bool has_budget;
    double budget;
    /* Sections whose cross-references (to other sections, which may come
     * later in the document) are checked once every section is loaded;
     * borrowed from the parsed document. */
    const json_t *scenarios_json;
    const json_t *responses_json;
    const json_t *settings_json;
} smb__loader;

/* The key is borrowed: it must outlive the step (jansson's keys do). */
static inline void smb__ld_push_key(smb__loader *ld, const char *key)
{
    ld->steps[ld->depth++] = (smb__json_step){key, strlen(key), false, 0};
}

static inline void smb__ld_push_index(smb__loader *ld, size_t index)
{
    ld->steps[ld->depth++] = (smb__json_step){NULL, 0, false, index};
}

static inline void smb__ld_pop(smb__loader *ld)
{
    ld->depth--;
}

/* Record a failure at the current path: at its value, or, with _at_name, at
 * the member's name (for keys that should not be there). Return status. */
smb_status smb__ld_fail(smb__loader *ld, smb_status status, const char *fmt, ...)
    SMB_PRINTF(3, 4);
smb_status smb__ld_fail_at_name(smb__loader *ld, smb_status status, const char *fmt, ...)
    SMB_PRINTF(3, 4);

/* Report again, at the current path, a failure that a model's API has just
 * recorded (status is what it returned). SMB_EINVAL becomes SMB_ESCHEMA:
 * an argument the model calls invalid is, in a document, a value that does
 * not follow the format. The model's own name for the field is dropped
 * from the message when the path already says it. */
smb_status smb__ld_relay(smb__loader *ld, smb_status status);
/* The same, at the member's name. */
smb_status smb__ld_relay_at_name(smb__loader *ld, smb_status status);

/* The same, at the member of `obj` that the model's message names as the
 * last word of its field ("scenario 'x' likelihood.mode: ..." names
 * "mode"; "response 'y' effect on 'x' impact_reduction: ..." names
 * "impact_reduction"), or at the current path when it names none. */
smb_status smb__ld_relay_member(smb__loader *ld, smb_status status, const json_t *obj);
/* Relay a model's failure, or pass SMB_OK through. */
static inline smb_status smb__ld_api(smb__loader *ld, smb_status status)
{
    return status == SMB_OK ? SMB_OK : smb__ld_relay(ld, status);
}

/* "an object", "a string", ... for "must be X, not Y" messages. */
const char *smb__ld_type_name(const json_t *v);
bool smb__ld_in_list(const char *key, const char *const *list, size_t n);
/* Append ", word" (or "word" first) to a fixed message buffer. */
void smb__ld_list_add(char *buf, size_t cap, const char *word);

/* Type checks: record "must be ..., not <type>" at the current path. */
smb_status smb__ld_expect_string(smb__loader *ld, const json_t *v);
smb_status smb__ld_expect_object(smb__loader *ld, const json_t *v);
/* A number (integer or not); `expected` completes "must be ..." in the
 * message, e.g. "a number from 1 to 5". Its range is the model's to check. */
smb_status smb__ld_expect_number(smb__loader *ld, const json_t *v, const char *expected);

/* An array (`of` completes "must be an array of ..."). */
smb_status smb__ld_expect_array(smb__loader *ld, const json_t *v, const char *of);
/* An array of strings; a wrong element is reported at its index. */
smb_status smb__ld_expect_string_array(smb__loader *ld, const json_t *v);
/* A string that is one of keys[0..n): *out receives its index. Refused as
 * "must be one of a, b, c" (with ", not <type>" for a non-string). */
smb_status smb__ld_one_of(smb__loader *ld, const json_t *v, const char *const *keys, size_t n,
                          size_t *out);
/* The same for a member name: refused at the name as "unknown key; <what>
 * a, b, c" (what: "a capability is one of"). */
smb_status smb__ld_key_of(smb__loader *ld, const char *key, const char *const *keys, size_t n,
                          const char *what, size_t *out);
/* Member `key` of obj, which the format requires: refused at obj as
 * "missing required key 'key'". */
smb_status smb__ld_require(smb__loader *ld, const json_t *obj, const char *key,
                           const json_t **out);
/* Refuse, at its name, the first member of obj whose key is not in keys;
 * `what` completes the message "unknown key; <what>". */
smb_status smb__ld_only_keys(smb__loader *ld, const json_t *obj, const char *const *keys,
                             size_t n, const char *what);

/* A section that is an array of entries with ids (scenarios, responses):
 * each entry must be an object with only the listed keys; `add` creates it
 * from its required keys and yields its id, then `field` applies every key
 * in document order, so that the first problem reported is the first one a
 * reader meets. */
typedef struct smb__ld_entries {
    const char *section;          /* "scenarios" */
    const char *noun;             /* "scenario" */
    const char *const *keys;      /* the keys an entry may have */
    size_t key_count;
    const char *keys_hint;        /* "a scenario has id, title, ..." */
    smb_status (*add)(smb__loader *ld, const json_t *obj, const char **id_out);
    smb_status (*field)(smb__loader *ld, const char *id, const char *key, const json_t *v);
} smb__ld_entries;

smb_status smb__ld_each_entry(smb__loader *ld, const json_t *section,
                              const smb__ld_entries *entries);

/* Section loaders (one file each). On success they leave what they built in
 * the loader; on failure the loader frees whatever is there. */
smb_status smb__ld_forces(smb__loader *ld, const json_t *section);
smb_status smb__ld_resilience(smb__loader *ld, const json_t *section);
smb_status smb__ld_scenarios(smb__loader *ld, const json_t *section);
smb_status smb__ld_responses(smb__loader *ld, const json_t *section);
/* Only remembered: settings apply to the sections, which may come later. */
smb_status smb__ld_settings(smb__loader *ld, const json_t *section);

/* Once every section is loaded, in this order: the settings (custom
 * criteria before the responses' values on them), the responses' values and
 * the targets of their effects, the drivers the scenarios shift. */
smb_status smb__ld_apply_settings(smb__loader *ld);
smb_status smb__ld_link_responses(smb__loader *ld);
smb_status smb__ld_link_scenarios(smb__loader *ld);

#endif /* SMB_DOCUMENT_LOADER_H */
