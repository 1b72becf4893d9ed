/* SPDX-License-Identifier: MIT */
/* Located failures and type checks shared by the section loaders (see
 * document_loader.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "document_loader.h"

static smb_status vfail(smb__loader *ld, smb_status status, bool at_name, const char *fmt,
                        va_list ap)
{
    char path[SMB__LD_PATH_CAP];
    smb__json_path_format(ld->steps, ld->depth, path, sizeof path);
    size_t offset;
    int line = 0, column = 0;
    if (smb__json_locate(ld->text, ld->len, ld->steps, ld->depth, at_name, &offset))
        smb__json_line_column(ld->text, ld->len, offset, &line, &column);
    return smb__vfail_at(status, ld->file, path, line, column, fmt, ap);
}

smb_status smb__ld_fail(smb__loader *ld, smb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(ld, status, false, fmt, ap);
    va_end(ap);
    return status;
}

smb_status smb__ld_fail_at_name(smb__loader *ld, smb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(ld, status, true, fmt, ap);
    va_end(ap);
    return status;
}

/* Whether a model's field name f[0..n) ("rivalry/exit_barriers rating",
 * "force 'rivalry' weight", "scenario 'x' likelihood.mode") names `key`:
 * as its last word, or quoted. */
static bool names_key(const char *f, size_t n, const char *key, size_t kn)
{
    if (kn == 0 || kn > n)
        return false;
    const char *last = f + n - kn;
    if (memcmp(last, key, kn) == 0 &&
        (last == f || last[-1] == ' ' || last[-1] == '/' || last[-1] == '.'))
        return true;
    for (size_t i = 1; i + kn + 1 <= n; i++)
        if (f[i - 1] == '\'' && memcmp(f + i, key, kn) == 0 && f[i + kn] == '\'')
            return true;
    return false;
}

/* How much of a model's message to drop because the path says it already.
 * Models start their messages with the field they refuse: "text: must not
 * be empty", "tags[2]: repeats ...", "rivalry/exit_barriers rating: must
 * be ...", "force 'rivalry' weight: ...". That prefix goes when it names
 * the path's last step. */
static size_t redundant_prefix(const char *message, const char *path)
{
    const char *tail = strrchr(path, '.'); /* "tags[2]" of "$.canvas...tags[2]" */
    if (!tail)
        return 0;
    tail++;
    size_t n = strlen(tail);
    size_t key_len = strcspn(tail, "[");
    if (strncmp(message, tail, n) == 0 && strncmp(message + n, ": ", 2) == 0)
        return n + 2;
    const char *colon = strstr(message, ": ");
    if (!colon)
        return 0;
    size_t field_len = (size_t)(colon - message);
    return names_key(message, field_len, tail, key_len) ? field_len + 2 : 0;
}

static smb_status relay(smb__loader *ld, smb_status status, bool at_name)
{
    if (status == SMB_ENOMEM)
        return smb__nomem();
    if (status == SMB_EINVAL)
        status = SMB_ESCHEMA;
    /* smb__vfail_at formats into its own buffer before replacing the
     * record, so the old message may be an argument. */
    const char *message = smb_last_error();
    char path[SMB__LD_PATH_CAP];
    smb__json_path_format(ld->steps, ld->depth, path, sizeof path);
    message += redundant_prefix(message, path);
    return at_name ? smb__ld_fail_at_name(ld, status, "%s", message)
                   : smb__ld_fail(ld, status, "%s", message);
}

smb_status smb__ld_relay(smb__loader *ld, smb_status status)
{
    return relay(ld, status, false);
}

smb_status smb__ld_relay_at_name(smb__loader *ld, smb_status status)
{
    return relay(ld, status, true);
}

smb_status smb__ld_relay_member(smb__loader *ld, smb_status status, const json_t *obj)
{
    if (status == SMB_ENOMEM)
        return smb__nomem();
    /* The field is what comes before the first ": "; its last word follows
     * the last ' ', '.' or '/'. */
    const char *message = smb_last_error();
    const char *colon = strstr(message, ": ");
    const char *end = colon ? colon : message;
    const char *word = end;
    while (word > message && word[-1] != ' ' && word[-1] != '.' && word[-1] != '/')
        word--;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        if (strlen(key) != (size_t)(end - word) || memcmp(key, word, (size_t)(end - word)) != 0)
            continue;
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_relay(ld, status);
        smb__ld_pop(ld);
        return st;
    }
    return smb__ld_relay(ld, status);
}

const char *smb__ld_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number with a fraction or exponent";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "a value";
}

bool smb__ld_in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, list[i]) == 0)
            return true;
    return false;
}

void smb__ld_list_add(char *buf, size_t cap, const char *word)
{
    size_t used = strlen(buf);
    if (used < cap)
        snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", word);
}

smb_status smb__ld_expect_string(smb__loader *ld, const json_t *v)
{
    if (!json_is_string(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be a string, not %s", smb__ld_type_name(v));
    return SMB_OK;
}

smb_status smb__ld_expect_object(smb__loader *ld, const json_t *v)
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object, not %s", smb__ld_type_name(v));
    return SMB_OK;
}

smb_status smb__ld_expect_number(smb__loader *ld, const json_t *v, const char *expected)
{
    if (!json_is_number(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be %s, not %s", expected,
                            smb__ld_type_name(v));
    return SMB_OK;
}

smb_status smb__ld_expect_array(smb__loader *ld, const json_t *v, const char *of)
{
    if (!json_is_array(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an array of %s, not %s", of,
                            smb__ld_type_name(v));
    return SMB_OK;
}

smb_status smb__ld_expect_string_array(smb__loader *ld, const json_t *v)
{
    smb_status st = smb__ld_expect_array(ld, v, "strings");
    if (st != SMB_OK)
        return st;
    size_t i;
    json_t *elem;
    json_array_foreach(v, i, elem) {
        if (!json_is_string(elem)) {
            smb__ld_push_index(ld, i);
            st = smb__ld_fail(ld, SMB_ESCHEMA, "must be a string, not %s",
                              smb__ld_type_name(elem));
            smb__ld_pop(ld);
            return st;
        }
    }
    return SMB_OK;
}

static void key_list(char *buf, size_t cap, const char *const *keys, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        smb__ld_list_add(buf, cap, keys[i]);
}

static bool find_key(const char *key, const char *const *keys, size_t n, size_t *out)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(key, keys[i]) == 0) {
            *out = i;
            return true;
        }
    }
    return false;
}

smb_status smb__ld_one_of(smb__loader *ld, const json_t *v, const char *const *keys, size_t n,
                          size_t *out)
{
    char list[SMB__LD_LIST_CAP];
    key_list(list, sizeof list, keys, n);
    if (!json_is_string(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s, not %s", list,
                            smb__ld_type_name(v));
    if (!find_key(json_string_value(v), keys, n, out))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be one of %s", list);
    return SMB_OK;
}

smb_status smb__ld_key_of(smb__loader *ld, const char *key, const char *const *keys, size_t n,
                          const char *what, size_t *out)
{
    if (find_key(key, keys, n, out))
        return SMB_OK;
    char list[SMB__LD_LIST_CAP];
    key_list(list, sizeof list, keys, n);
    return smb__ld_fail_at_name(ld, SMB_ESCHEMA, "unknown key; %s %s", what, list);
}

smb_status smb__ld_require(smb__loader *ld, const json_t *obj, const char *key,
                           const json_t **out)
{
    *out = json_object_get(obj, key);
    if (!*out)
        return smb__ld_fail(ld, SMB_ESCHEMA, "missing required key '%s'", key);
    return SMB_OK;
}

smb_status smb__ld_only_keys(smb__loader *ld, const json_t *obj, const char *const *keys,
                             size_t n, const char *what)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        if (smb__ld_in_list(key, keys, n))
            continue;
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_fail_at_name(ld, SMB_ESCHEMA, "unknown key; %s", what);
        smb__ld_pop(ld);
        return st;
    }
    return SMB_OK;
}

static smb_status load_entry(smb__loader *ld, const json_t *obj, const smb__ld_entries *e)
{
    if (!json_is_object(obj))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a %s must be an object, not %s", e->noun,
                            smb__ld_type_name(obj));
    smb_status st = smb__ld_only_keys(ld, obj, e->keys, e->key_count, e->keys_hint);
    const char *id = NULL;
    if (st != SMB_OK || (st = e->add(ld, obj, &id)) != SMB_OK)
        return st;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        smb__ld_push_key(ld, key);
        st = e->field(ld, id, key, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

smb_status smb__ld_each_entry(smb__loader *ld, const json_t *section,
                              const smb__ld_entries *entries)
{
    smb_status st = SMB_OK;
    size_t i;
    json_t *obj;
    json_array_foreach(section, i, obj) {
        smb__ld_push_index(ld, i);
        st = load_entry(ld, obj, entries);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            break;
    }
    return st;
}
