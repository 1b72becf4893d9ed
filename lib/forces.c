/* SPDX-License-Identifier: MIT */
/* The five-forces model: the forces' keys, an assessment's drivers and
 * weights, and every change to them.
 *
 * Every mutation checks its arguments, then makes every allocation it needs,
 * and only then changes the assessment, by steps that cannot fail. */
#include <stdio.h>
#include <string.h>

#include "forces_impl.h"

typedef struct smb_driver driver_t;

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4, FIELD_CAP = 2 * SMB_MAX_ID_LENGTH + 64 };

/* ---- keys and titles ----------------------------------------------------- */

static const struct {
    const char *key;
    const char *title;
} force_names[] = {
    [SMB_FORCE_NEW_ENTRANTS] = {"new_entrants", "Threat of New Entrants"},
    [SMB_FORCE_SUPPLIER_POWER] = {"supplier_power", "Bargaining Power of Suppliers"},
    [SMB_FORCE_BUYER_POWER] = {"buyer_power", "Bargaining Power of Buyers"},
    [SMB_FORCE_SUBSTITUTES] = {"substitutes", "Threat of Substitutes"},
    [SMB_FORCE_RIVALRY] = {"rivalry", "Rivalry Among Existing Competitors"},
};
_Static_assert(sizeof force_names / sizeof force_names[0] == SMB_FORCE_COUNT,
               "one row per force");

static const char *const band_keys[] = {
    [SMB_FORCE_BAND_LOW] = "low",
    [SMB_FORCE_BAND_MODERATE] = "moderate",
    [SMB_FORCE_BAND_HIGH] = "high",
};
_Static_assert(sizeof band_keys / sizeof band_keys[0] == SMB_FORCE_BAND_COUNT,
               "one key per band");

const char *smb_force_key(smb_force force)
{
    return smb__force_ok(force) ? force_names[force].key : NULL;
}

const char *smb_force_title(smb_force force)
{
    return smb__force_ok(force) ? force_names[force].title : NULL;
}

smb_status smb_force_from_key(const char *key, smb_force *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        if (strcmp(key, force_names[f].key) == 0) {
            *out = (smb_force)f;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND,
                     "no force '%s' (new_entrants, supplier_power, buyer_power, substitutes, rivalry)",
                     smb__show(shown, sizeof shown, key));
}

const char *smb_force_band_key(smb_force_band band)
{
    return (int)band >= 0 && (int)band < SMB_FORCE_BAND_COUNT ? band_keys[band] : NULL;
}

smb_status smb_force_band_from_key(const char *key, smb_force_band *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int b = 0; b < SMB_FORCE_BAND_COUNT; b++) {
        if (strcmp(key, band_keys[b]) == 0) {
            *out = (smb_force_band)b;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no band '%s' (low, moderate, high)",
                     smb__show(shown, sizeof shown, key));
}

smb_status smb__bad_force(smb_force force)
{
    return smb__fail(SMB_EINVAL, "force: %d is not a force (0 to %d)", (int)force,
                     SMB_FORCE_COUNT - 1);
}

/* ---- small helpers ------------------------------------------------------- */

static smb_status null_arg(const char *what)
{
    return smb__fail(SMB_EINVAL, "%s: must not be NULL", what);
}

static void driver_free(driver_t *d)
{
    smb__free(d->owned);
    smb__free(d->rationale);
}

static void list_free(smb__driver_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        driver_free(&list->items[i]);
    smb__free(list->items);
    *list = (smb__driver_list){0};
}

driver_t *smb__driver_find(const smb__driver_list *list, const char *key)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].key, key) == 0)
            return &list->items[i];
    return NULL;
}

/* Find a driver for a mutation or a lookup, recording why when there is none. */
static smb_status find_driver(const smb_forces *forces, smb_force force, const char *key,
                              driver_t **out)
{
    if (!forces)
        return null_arg("forces");
    if (!smb__force_ok(force))
        return smb__bad_force(force);
    if (!key)
        return null_arg("key");
    driver_t *d = smb__driver_find(&forces->drivers[force], key);
    if (!d) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "force '%s' has no driver '%s'", force_names[force].key,
                         smb__show(shown, sizeof shown, key));
    }
    *out = d;
    return SMB_OK;
}

/* "rivalry/exit_barriers rating", the field name of messages about a driver. */
static const char *field_name(char *buf, size_t cap, const driver_t *d, const char *field)
{
    snprintf(buf, cap, "%s/%s %s", force_names[d->force].key, d->key, field);
    return buf;
}

/* Whether any other driver of the list than `except` has a positive weight. */
static bool other_positive_weight(const smb__driver_list *list, const driver_t *except)
{
    for (size_t i = 0; i < list->count; i++)
        if (&list->items[i] != except && list->items[i].weight > 0)
            return true;
    return false;
}

static smb_status check_weight(const char *field, double weight)
{
    if (!smb__finite(weight) || weight < 0 || weight > SMB_FORCES_MAX_WEIGHT)
        return smb__fail(SMB_ERANGE, "%s: must be a finite number from 0 to %g, got %g", field,
                         SMB_FORCES_MAX_WEIGHT, weight);
    return SMB_OK;
}

/* Replace *slot with a copy of text (NULL or "" clears), checked as `field`. */
static smb_status replace_text(char **slot, const char *field, const char *text)
{
    if (!text || !*text) {
        smb__free(*slot);
        *slot = NULL;
        return SMB_OK;
    }
    smb_status st = smb__check_text(field, text, true);
    if (st != SMB_OK)
        return st;
    char *copy = smb__strdup(text);
    if (!copy)
        return smb__nomem();
    smb__free(*slot);
    *slot = copy;
    return SMB_OK;
}

/* ---- life cycle ---------------------------------------------------------- */

smb_status smb_forces_new(smb_forces **out)
{
    if (!out)
        return null_arg("out");
    smb_forces *forces = smb__calloc(1, sizeof *forces);
    if (!forces)
        return smb__nomem();
    size_t per_force[SMB_FORCE_COUNT] = {0};
    for (size_t i = 0; i < smb__forces_catalog_size; i++)
        per_force[smb__forces_catalog[i].force]++;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        forces->weight[f] = 1.0;
        smb__driver_list *list = &forces->drivers[f];
        list->items = smb__calloc(per_force[f], sizeof *list->items);
        if (!list->items) {
            smb_forces_free(forces);
            return smb__nomem();
        }
        list->cap = per_force[f];
    }
    for (size_t i = 0; i < smb__forces_catalog_size; i++) {
        const smb__catalog_driver *c = &smb__forces_catalog[i];
        smb__driver_list *list = &forces->drivers[c->force];
        list->items[list->count] = (driver_t){
            .key = c->key,
            .title = c->title,
            .question = c->question,
            .weight = 1.0,
            .force = c->force,
            .index = list->count,
        };
        list->count++;
    }
    *out = forces;
    return SMB_OK;
}

void smb_forces_free(smb_forces *forces)
{
    if (!forces)
        return;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        list_free(&forces->drivers[f]);
    smb__free(forces->name);
    smb__free(forces->description);
    smb__free(forces);
}

/* Give a driver the user added its own block of key, title and question. */
static smb_status own_strings(driver_t *d, const char *key, const char *title,
                              const char *question)
{
    size_t nk = strlen(key) + 1, nt = strlen(title) + 1, nq = strlen(question) + 1;
    char *block = smb__malloc(nk + nt + nq);
    if (!block)
        return smb__nomem();
    memcpy(block, key, nk);
    memcpy(block + nk, title, nt);
    memcpy(block + nk + nt, question, nq);
    d->owned = block;
    d->key = block;
    d->title = block + nk;
    d->question = block + nk + nt;
    return SMB_OK;
}

static smb_status copy_driver(const driver_t *from, driver_t *to)
{
    *to = *from;
    to->owned = NULL;
    to->rationale = NULL;
    if (from->owned && own_strings(to, from->key, from->title, from->question) != SMB_OK)
        return SMB_ENOMEM;
    if (from->rationale) {
        to->rationale = smb__strdup(from->rationale);
        if (!to->rationale) {
            smb__free(to->owned);
            to->owned = NULL;
            return smb__nomem();
        }
    }
    return SMB_OK;
}

smb_status smb_forces_copy(const smb_forces *forces, smb_forces **out)
{
    if (!forces)
        return null_arg("forces");
    if (!out)
        return null_arg("out");
    smb_forces *copy = smb__calloc(1, sizeof *copy);
    if (!copy)
        return smb__nomem();
    if ((forces->name && !(copy->name = smb__strdup(forces->name))) ||
        (forces->description && !(copy->description = smb__strdup(forces->description))))
        goto nomem;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        copy->weight[f] = forces->weight[f];
        const smb__driver_list *from = &forces->drivers[f];
        smb__driver_list *to = &copy->drivers[f];
        to->items = smb__calloc(from->count, sizeof *to->items);
        if (!to->items)
            goto nomem;
        to->cap = from->count;
        for (size_t i = 0; i < from->count; i++) {
            if (copy_driver(&from->items[i], &to->items[i]) != SMB_OK)
                goto nomem;
            to->count++;
        }
        to->custom = from->custom;
    }
    *out = copy;
    return SMB_OK;
nomem:
    smb_forces_free(copy);
    return smb__nomem();
}

static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

unsigned smb__driver_diff(const driver_t *a, const driver_t *b)
{
    unsigned fields = 0;
    if (a->rated != b->rated || (a->rated && a->rating != b->rating))
        fields |= SMB_DRIVER_FIELD_RATING;
    if (a->weight != b->weight)
        fields |= SMB_DRIVER_FIELD_WEIGHT;
    if (a->has_confidence != b->has_confidence ||
        (a->has_confidence && a->confidence != b->confidence))
        fields |= SMB_DRIVER_FIELD_CONFIDENCE;
    if (!same_text(a->rationale, b->rationale))
        fields |= SMB_DRIVER_FIELD_RATIONALE;
    if (strcmp(a->title, b->title) != 0 || strcmp(a->question, b->question) != 0)
        fields |= SMB_DRIVER_FIELD_TEXT;
    return fields;
}

bool smb__any_rated(const smb_forces *forces)
{
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        for (size_t i = 0; i < forces->drivers[f].count; i++)
            if (forces->drivers[f].items[i].rated)
                return true;
    return false;
}

int smb_forces_equal(const smb_forces *a, const smb_forces *b)
{
    if (!a || !b)
        return a == b;
    if (!same_text(a->name, b->name) || !same_text(a->description, b->description))
        return 0;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        if (a->weight[f] != b->weight[f] || a->drivers[f].count != b->drivers[f].count)
            return 0;
        for (size_t i = 0; i < a->drivers[f].count; i++)
        {
            const driver_t *da = &a->drivers[f].items[i], *db = &b->drivers[f].items[i];
            if (strcmp(da->key, db->key) != 0 || (da->owned == NULL) != (db->owned == NULL) ||
                smb__driver_diff(da, db) != 0)
                return 0;
        }
    }
    return 1;
}

/* ---- assessment properties ----------------------------------------------- */

const char *smb_forces_name(const smb_forces *forces)
{
    return forces && forces->name ? forces->name : "";
}

smb_status smb_forces_set_name(smb_forces *forces, const char *name)
{
    if (!forces)
        return null_arg("forces");
    return replace_text(&forces->name, "name", name);
}

const char *smb_forces_description(const smb_forces *forces)
{
    return forces && forces->description ? forces->description : "";
}

smb_status smb_forces_set_description(smb_forces *forces, const char *description)
{
    if (!forces)
        return null_arg("forces");
    return replace_text(&forces->description, "description", description);
}

double smb_forces_force_weight(const smb_forces *forces, smb_force force)
{
    return forces && smb__force_ok(force) ? forces->weight[force] : 0.0;
}

smb_status smb_forces_set_force_weight(smb_forces *forces, smb_force force, double weight)
{
    if (!forces)
        return null_arg("forces");
    if (!smb__force_ok(force))
        return smb__bad_force(force);
    char field[FIELD_CAP];
    snprintf(field, sizeof field, "force '%s' weight", force_names[force].key);
    smb_status st = check_weight(field, weight);
    if (st != SMB_OK)
        return st;
    if (weight == 0) {
        bool other = false;
        for (int f = 0; f < SMB_FORCE_COUNT; f++)
            other = other || (f != (int)force && forces->weight[f] > 0);
        if (!other)
            return smb__fail(SMB_ERANGE,
                             "%s: 0 would leave every force with weight 0; at least one force must count",
                             field);
    }
    forces->weight[force] = weight;
    return SMB_OK;
}

/* ---- drivers ------------------------------------------------------------- */

size_t smb_forces_driver_count(const smb_forces *forces, smb_force force)
{
    return forces && smb__force_ok(force) ? forces->drivers[force].count : 0;
}

const smb_driver *smb_forces_driver_at(const smb_forces *forces, smb_force force, size_t index)
{
    if (!forces || !smb__force_ok(force) || index >= forces->drivers[force].count)
        return NULL;
    return &forces->drivers[force].items[index];
}

const smb_driver *smb_forces_find_driver(const smb_forces *forces, smb_force force,
                                         const char *key)
{
    if (!forces || !smb__force_ok(force) || !key)
        return NULL;
    return smb__driver_find(&forces->drivers[force], key);
}

smb_status smb_forces_get_driver(const smb_forces *forces, smb_force force, const char *key,
                                 const smb_driver **out)
{
    if (!out)
        return null_arg("out");
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st == SMB_OK)
        *out = d;
    return st;
}

smb_status smb_forces_add_driver(smb_forces *forces, smb_force force, const char *key,
                                 const char *title, const char *question)
{
    if (!forces)
        return null_arg("forces");
    if (!smb__force_ok(force))
        return smb__bad_force(force);
    const char *fkey = force_names[force].key;
    smb_status st = smb__check_id(key);
    if (st != SMB_OK) {
        /* Re-issue the check's message with the force in front, so that it
         * says which driver is meant. */
        char detail[512];
        snprintf(detail, sizeof detail, "%s", smb_last_error());
        return smb__fail(st, "force '%s' driver key: %s", fkey, detail);
    }
    char field[FIELD_CAP];
    snprintf(field, sizeof field, "%s/%s title", fkey, key);
    if ((st = smb__check_text(field, title, false)) != SMB_OK)
        return st;
    if (!question)
        question = "";
    snprintf(field, sizeof field, "%s/%s question", fkey, key);
    if ((st = smb__check_text(field, question, true)) != SMB_OK)
        return st;
    smb__driver_list *list = &forces->drivers[force];
    if (smb__driver_find(list, key))
        return smb__fail(SMB_EEXIST, "force '%s' already has a driver '%s'", fkey, key);
    if (list->custom >= SMB_MAX_CUSTOM_DRIVERS)
        return smb__fail(SMB_ELIMIT, "force '%s' already has %d drivers of the user's own (the limit)",
                         fkey, SMB_MAX_CUSTOM_DRIVERS);

    void *items = list->items;
    if ((st = smb__reserve(&items, &list->cap, list->count + 1, sizeof *list->items)) != SMB_OK)
        return st;
    list->items = items;
    driver_t d = {.weight = 1.0, .force = force, .index = list->count};
    if ((st = own_strings(&d, key, title, question)) != SMB_OK)
        return st;
    list->items[list->count++] = d;
    list->custom++;
    return SMB_OK;
}

smb_status smb_forces_remove_driver(smb_forces *forces, smb_force force, const char *key)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    const char *fkey = force_names[force].key;
    if (!d->owned)
        return smb__fail(SMB_EINVAL,
                         "%s/%s is a standard driver and cannot be removed; leave it unrated instead",
                         fkey, d->key);
    smb__driver_list *list = &forces->drivers[force];
    if (d->weight > 0 && !other_positive_weight(list, d))
        return smb__fail(SMB_EINVAL,
                         "%s/%s cannot be removed: it is the only driver of positive weight in force '%s'",
                         fkey, d->key, fkey);
    size_t index = d->index;
    driver_free(d);
    memmove(list->items + index, list->items + index + 1,
            (list->count - index - 1) * sizeof *list->items);
    list->count--;
    list->custom--;
    for (size_t i = index; i < list->count; i++)
        list->items[i].index = i;
    return SMB_OK;
}

/* ---- driver accessors ---------------------------------------------------- */

smb_force smb_driver_force(const smb_driver *driver)
{
    return driver ? driver->force : SMB_FORCE_NONE;
}

const char *smb_driver_key(const smb_driver *driver)
{
    return driver ? driver->key : NULL;
}

const char *smb_driver_title(const smb_driver *driver)
{
    return driver ? driver->title : NULL;
}

const char *smb_driver_question(const smb_driver *driver)
{
    return driver ? driver->question : NULL;
}

size_t smb_driver_index(const smb_driver *driver)
{
    return driver ? driver->index : 0;
}

int smb_driver_is_custom(const smb_driver *driver)
{
    return driver && driver->owned != NULL;
}

int smb_driver_is_rated(const smb_driver *driver)
{
    return driver && driver->rated;
}

double smb_driver_rating(const smb_driver *driver)
{
    return driver && driver->rated ? driver->rating : 0.0;
}

double smb_driver_weight(const smb_driver *driver)
{
    return driver ? driver->weight : 0.0;
}

int smb_driver_has_confidence(const smb_driver *driver)
{
    return driver && driver->has_confidence;
}

double smb_driver_confidence(const smb_driver *driver)
{
    return driver && driver->has_confidence ? driver->confidence : 0.0;
}

const char *smb_driver_rationale(const smb_driver *driver)
{
    return driver ? driver->rationale : NULL;
}

/* ---- rating drivers ------------------------------------------------------ */

smb_status smb_forces_set_rating(smb_forces *forces, smb_force force, const char *key,
                                 double rating)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    /* Written so that NaN fails the test too. */
    if (!(rating >= SMB_DRIVER_RATING_MIN && rating <= SMB_DRIVER_RATING_MAX)) {
        char field[FIELD_CAP];
        return smb__fail(SMB_ERANGE, "%s: must be a number from 1 to 5, got %g",
                         field_name(field, sizeof field, d, "rating"), rating);
    }
    d->rating = rating;
    d->rated = true;
    return SMB_OK;
}

smb_status smb_forces_clear_rating(smb_forces *forces, smb_force force, const char *key)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    d->rating = 0.0;
    d->rated = false;
    return SMB_OK;
}

smb_status smb_forces_set_driver_weight(smb_forces *forces, smb_force force, const char *key,
                                        double weight)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    field_name(field, sizeof field, d, "weight");
    if ((st = check_weight(field, weight)) != SMB_OK)
        return st;
    if (weight == 0 && !other_positive_weight(&forces->drivers[force], d))
        return smb__fail(SMB_ERANGE,
                         "%s: 0 would leave force '%s' with no driver of positive weight; set the force's weight to 0 to leave it out",
                         field, force_names[force].key);
    d->weight = weight;
    return SMB_OK;
}

smb_status smb_forces_set_confidence(smb_forces *forces, smb_force force, const char *key,
                                     double confidence)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    if (!(confidence >= 0 && confidence <= 1)) {
        char field[FIELD_CAP];
        return smb__fail(SMB_ERANGE, "%s: must be a number from 0 to 1, got %g",
                         field_name(field, sizeof field, d, "confidence"), confidence);
    }
    d->confidence = confidence;
    d->has_confidence = true;
    return SMB_OK;
}

smb_status smb_forces_clear_confidence(smb_forces *forces, smb_force force, const char *key)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    d->confidence = 0.0;
    d->has_confidence = false;
    return SMB_OK;
}

smb_status smb_forces_set_rationale(smb_forces *forces, smb_force force, const char *key,
                                    const char *rationale)
{
    driver_t *d;
    smb_status st = find_driver(forces, force, key, &d);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    return replace_text(&d->rationale, field_name(field, sizeof field, d, "rationale"),
                        rationale);
}

/* ---- strings copied into results ----------------------------------------- */

void smb__pool_need(size_t *total, const driver_t *driver)
{
    if (driver->owned)
        *total += strlen(driver->key) + strlen(driver->title) + 2;
}

smb_status smb__pool_alloc(smb__pool *pool, size_t total)
{
    *pool = (smb__pool){0};
    if (total == 0)
        return SMB_OK;
    pool->data = smb__malloc(total);
    if (!pool->data)
        return smb__nomem();
    pool->cap = total;
    return SMB_OK;
}

static const char *pool_copy(smb__pool *pool, const char *s)
{
    size_t n = strlen(s) + 1;
    char *at = pool->data + pool->used;
    memcpy(at, s, n);
    pool->used += n;
    return at;
}

void smb__pool_put(smb__pool *pool, const driver_t *driver, const char **key, const char **title)
{
    if (!driver->owned) {
        *key = driver->key;
        *title = driver->title;
        return;
    }
    *key = pool_copy(pool, driver->key);
    *title = pool_copy(pool, driver->title);
}
