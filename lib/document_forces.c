/* SPDX-License-Identifier: MIT */
/*
 * The `forces` section of a document (docs/format.md, "Forces"): loaded
 * through the public five-forces API only, so that every rule on ratings,
 * weights, keys and texts lives in forces.c, and saved in the one layout.
 *
 * The API refuses, as each weight is set, a weight of 0 that would leave a
 * force with no driver of positive weight, or the assessment with no force
 * of positive weight. A document states a final state, not a sequence of
 * calls: a driver of the user's own may come after the standard drivers it
 * alone keeps positive. So a force's zero driver weights are set after all
 * its drivers are in place; a zero is then refused only when the document
 * leaves the force nothing of positive weight, and the error points at the
 * last zero.
 */
#include <stdio.h>
#include <string.h>

#include "document_loader.h"

/* ---- loading -------------------------------------------------------------- */

static const char *const driver_keys[] = {"title",  "question",   "rating",
                                          "weight", "confidence", "rationale"};

/* "new_entrants, supplier_power, ..." for messages. */
static void force_list(char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        smb__ld_list_add(buf, cap, smb_force_key((smb_force)f));
}

/* The keys of the force's standard drivers, for messages. */
static void catalogue_list(const smb_forces *forces, smb_force force, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t i = 0; i < smb_forces_driver_count(forces, force); i++) {
        const smb_driver *d = smb_forces_driver_at(forces, force, i);
        if (!smb_driver_is_custom(d))
            smb__ld_list_add(buf, cap, smb_driver_key(d));
    }
}

/* "must be a number from 1 to 5, not a string": the ranges of forces.h,
 * for the type errors that come before the API sees a value. */
static const char *number_expected(const char *field, char *buf, size_t cap)
{
    double lo = 0, hi = 1; /* confidence */
    if (strcmp(field, "rating") == 0) {
        lo = SMB_DRIVER_RATING_MIN;
        hi = SMB_DRIVER_RATING_MAX;
    } else if (strcmp(field, "weight") == 0) {
        hi = SMB_FORCES_MAX_WEIGHT;
    }
    snprintf(buf, cap, "a number from %g to %g", lo, hi);
    return buf;
}

static bool is_zero_number(const json_t *v)
{
    return json_is_number(v) && json_number_value(v) == 0;
}

static smb_status load_weight(smb__loader *ld, const char *key, const json_t *v,
                              const char *forces)
{
    smb_force force;
    char expected[64];
    if (smb_force_from_key(key, &force) != SMB_OK)
        return smb__ld_fail_at_name(ld, SMB_ESCHEMA, "unknown key; weights are given by force: %s",
                                    forces);
    smb_status st =
        smb__ld_expect_number(ld, v, number_expected("weight", expected, sizeof expected));
    if (st != SMB_OK)
        return st;
    st = smb_forces_set_force_weight(ld->forces, force, json_number_value(v));
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

/* Force weights in document order: forces absent from the object keep
 * their weight of 1, so a zero is refused only when the object gives every
 * force 0, and then at the last of them. */
static smb_status load_weights(smb__loader *ld, const json_t *weights)
{
    char forces[SMB__LD_LIST_CAP];
    force_list(forces, sizeof forces);
    if (!json_is_object(weights))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of weights by force (%s), not %s",
                            forces, smb__ld_type_name(weights));
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)weights, key, v) {
        smb__ld_push_key(ld, key);
        smb_status st = load_weight(ld, key, v, forces);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* Which part of a new driver smb_forces_add_driver refused: *field is
 * "title" or "question", or NULL for the key itself or the state of the
 * assessment (a key taken, too many drivers). The API checks key, title
 * and question in turn, so adding the parts one by one to fresh
 * assessments finds the first it refuses. */
static smb_status refused_part(smb_force force, const char *key, const char *title,
                               const char *question, const char **field)
{
    static const char *const names[] = {NULL, "title", "question"};
    const char *const parts[][2] = {{"t", NULL}, {title, NULL}, {title, question}};
    *field = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        smb_forces *scratch = NULL;
        smb_status st = smb_forces_new(&scratch);
        if (st == SMB_OK)
            st = smb_forces_add_driver(scratch, force, key, parts[i][0], parts[i][1]);
        smb_forces_free(scratch);
        if (st == SMB_ENOMEM)
            return smb__nomem();
        if (st != SMB_OK) {
            *field = names[i];
            break;
        }
    }
    return SMB_OK;
}

/* Add a driver the catalogue does not have; the current path is the
 * driver's. */
static smb_status add_custom(smb__loader *ld, smb_force force, const char *key,
                             const json_t *driver)
{
    const json_t *title = json_object_get(driver, "title");
    const json_t *question = json_object_get(driver, "question");
    if (!title) {
        char list[SMB__LD_LIST_CAP], shown[SMB_MAX_ID_LENGTH + 4];
        catalogue_list(ld->forces, force, list, sizeof list);
        return smb__ld_fail(ld, SMB_ESCHEMA,
                            "missing required key 'title': '%s' is not a standard driver of %s "
                            "(%s), so it is one of your own and needs a title",
                            smb__show(shown, sizeof shown, key), smb_force_key(force), list);
    }
    static const char *const texts[] = {"title", "question"};
    for (size_t i = 0; i < 2; i++) {
        const json_t *v = json_object_get(driver, texts[i]);
        if (!v)
            continue;
        smb__ld_push_key(ld, texts[i]);
        smb_status st = smb__ld_expect_string(ld, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    const char *t = json_string_value(title);
    const char *q = question ? json_string_value(question) : NULL;
    smb_status st = smb_forces_add_driver(ld->forces, force, key, t, q);
    if (st == SMB_OK || st == SMB_ENOMEM)
        return st;
    const char *field;
    if ((st = refused_part(force, key, t, q, &field)) != SMB_OK)
        return st;
    /* The replays replaced the message: the original call records it again. */
    st = smb_forces_add_driver(ld->forces, force, key, t, q);
    if (st == SMB_OK || st == SMB_ENOMEM)
        return st;
    if (!field)
        return smb__ld_relay_at_name(ld, st);
    smb__ld_push_key(ld, field);
    st = smb__ld_relay(ld, st);
    smb__ld_pop(ld);
    return st;
}

/* A standard driver takes its title and question from the catalogue. */
static smb_status check_standard(smb__loader *ld, const smb_driver *d, const json_t *driver)
{
    static const char *const texts[] = {"title", "question"};
    for (size_t i = 0; i < 2; i++) {
        if (!json_object_get(driver, texts[i]))
            continue;
        smb__ld_push_key(ld, texts[i]);
        smb_status st = smb__ld_fail_at_name(
            ld, SMB_ESCHEMA,
            "'%s' is a standard driver (\"%s\"), whose %s comes from the catalogue; only "
            "drivers of your own have one",
            smb_driver_key(d), smb_driver_title(d), texts[i]);
        smb__ld_pop(ld);
        return st;
    }
    return SMB_OK;
}

/* One value of a driver that the assessment already holds. Weights of 0
 * wait for the end of the force (see the top of the file). */
static smb_status load_driver_field(smb__loader *ld, smb_force force, const char *key,
                                    const char *field, const json_t *v)
{
    smb_forces *fs = ld->forces;
    smb_status st;
    if (strcmp(field, "title") == 0 || strcmp(field, "question") == 0)
        return SMB_OK; /* used to add the driver */
    if (strcmp(field, "rationale") == 0) {
        if ((st = smb__ld_expect_string(ld, v)) != SMB_OK)
            return st;
        st = smb_forces_set_rationale(fs, force, key, json_string_value(v));
    } else {
        char expected[64];
        if ((st = smb__ld_expect_number(ld, v, number_expected(field, expected,
                                                                sizeof expected))) != SMB_OK)
            return st;
        double x = json_number_value(v);
        if (strcmp(field, "rating") == 0)
            st = smb_forces_set_rating(fs, force, key, x);
        else if (strcmp(field, "confidence") == 0)
            st = smb_forces_set_confidence(fs, force, key, x);
        else if (x != 0)
            st = smb_forces_set_driver_weight(fs, force, key, x);
    }
    return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
}

static smb_status load_driver(smb__loader *ld, smb_force force, const char *key,
                              const json_t *driver)
{
    if (!json_is_object(driver))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a driver must be an object, not %s",
                            smb__ld_type_name(driver));
    smb_status st = smb__ld_only_keys(
        ld, driver, driver_keys, sizeof driver_keys / sizeof driver_keys[0],
        "a driver has title, question, rating, weight, confidence and rationale");
    if (st != SMB_OK)
        return st;
    const smb_driver *d = smb_forces_find_driver(ld->forces, force, key);
    if (d && !smb_driver_is_custom(d))
        st = check_standard(ld, d, driver);
    else
        st = add_custom(ld, force, key, driver);
    if (st != SMB_OK)
        return st;
    const char *field;
    json_t *v;
    json_object_foreach((json_t *)driver, field, v) {
        smb__ld_push_key(ld, field);
        st = load_driver_field(ld, force, key, field, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* The zero weights of a force's drivers, once everything else is set. */
static smb_status zero_driver_weights(smb__loader *ld, smb_force force, const json_t *drivers)
{
    const char *key;
    json_t *driver;
    json_object_foreach((json_t *)drivers, key, driver) {
        if (!is_zero_number(json_object_get(driver, "weight")))
            continue;
        smb__ld_push_key(ld, key);
        smb__ld_push_key(ld, "weight");
        smb_status st = smb_forces_set_driver_weight(ld->forces, force, key, 0);
        if (st != SMB_OK)
            st = smb__ld_relay(ld, st);
        ld->depth -= 2;
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status load_drivers(smb__loader *ld, smb_force force, const json_t *drivers)
{
    if (!json_is_object(drivers))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of drivers by key, not %s",
                            smb__ld_type_name(drivers));
    const char *key;
    json_t *driver;
    json_object_foreach((json_t *)drivers, key, driver) {
        smb__ld_push_key(ld, key);
        smb_status st = load_driver(ld, force, key, driver);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return zero_driver_weights(ld, force, drivers);
}

static smb_status load_force(smb__loader *ld, smb_force force, const json_t *v)
{
    static const char *const force_keys[] = {"drivers"};
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a force must be an object, not %s",
                            smb__ld_type_name(v));
    smb_status st = smb__ld_only_keys(ld, v, force_keys, 1, "a force has only 'drivers'");
    const json_t *drivers = json_object_get(v, "drivers");
    if (st != SMB_OK || !drivers)
        return st;
    smb__ld_push_key(ld, "drivers");
    st = load_drivers(ld, force, drivers);
    smb__ld_pop(ld);
    return st;
}

/* Every key of the section is known before any is loaded, so that a
 * misspelt force is reported as such rather than after its neighbours. */
static smb_status check_section_keys(smb__loader *ld, const json_t *section)
{
    const char *keys[3 + SMB_FORCE_COUNT] = {"name", "description", "weights"};
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        keys[3 + f] = smb_force_key((smb_force)f);
    char forces[SMB__LD_LIST_CAP], what[SMB__LD_LIST_CAP + 96];
    force_list(forces, sizeof forces);
    snprintf(what, sizeof what,
             "a forces section has name, description, weights and the five forces (%s)", forces);
    return smb__ld_only_keys(ld, section, keys, sizeof keys / sizeof keys[0], what);
}

static smb_status load_section_field(smb__loader *ld, const char *key, const json_t *v)
{
    smb_force force;
    smb_status st;
    if (strcmp(key, "name") == 0 || strcmp(key, "description") == 0) {
        if ((st = smb__ld_expect_string(ld, v)) != SMB_OK)
            return st;
        st = key[0] == 'n' ? smb_forces_set_name(ld->forces, json_string_value(v))
                           : smb_forces_set_description(ld->forces, json_string_value(v));
        return st == SMB_OK ? SMB_OK : smb__ld_relay(ld, st);
    }
    if (strcmp(key, "weights") == 0)
        return load_weights(ld, v);
    if ((st = smb_force_from_key(key, &force)) != SMB_OK)
        return smb__ld_relay_at_name(ld, st); /* cannot happen: keys are checked */
    return load_force(ld, force, v);
}

smb_status smb__ld_forces(smb__loader *ld, const json_t *section)
{
    smb_status st = smb__ld_expect_object(ld, section);
    if (st != SMB_OK || (st = check_section_keys(ld, section)) != SMB_OK)
        return st;
    if ((st = smb_forces_new(&ld->forces)) != SMB_OK)
        return st;
    /* In document order, so that the first problem reported is the first
     * one a reader meets. */
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)section, key, v) {
        smb__ld_push_key(ld, key);
        st = load_section_field(ld, key, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* ---- saving --------------------------------------------------------------- */

/* Whether a driver differs from how a new assessment has it, and so must
 * be written for the document to load back equal. */
static bool carries_something(const smb_driver *d)
{
    return smb_driver_is_custom(d) || smb_driver_is_rated(d) || smb_driver_weight(d) != 1 ||
           smb_driver_has_confidence(d) || smb_driver_rationale(d) != NULL;
}

static void put_driver(smb_buf *b, int level, const smb_driver *d)
{
    bool first = true;
    smb__buf_puts(b, "{");
    if (smb_driver_is_custom(d)) {
        smb__doc_member(b, level + 1, &first, "title");
        smb__doc_put_string(b, smb_driver_title(d));
        const char *question = smb_driver_question(d);
        if (question && question[0]) {
            smb__doc_member(b, level + 1, &first, "question");
            smb__doc_put_string(b, question);
        }
    }
    if (smb_driver_is_rated(d)) {
        smb__doc_member(b, level + 1, &first, "rating");
        smb__doc_put_number(b, smb_driver_rating(d));
    }
    if (smb_driver_weight(d) != 1) {
        smb__doc_member(b, level + 1, &first, "weight");
        smb__doc_put_number(b, smb_driver_weight(d));
    }
    if (smb_driver_has_confidence(d)) {
        smb__doc_member(b, level + 1, &first, "confidence");
        smb__doc_put_number(b, smb_driver_confidence(d));
    }
    if (smb_driver_rationale(d)) {
        smb__doc_member(b, level + 1, &first, "rationale");
        smb__doc_put_string(b, smb_driver_rationale(d));
    }
    smb__doc_end(b, level, first, "}");
}

static void put_force(smb_buf *b, int level, const smb_forces *forces, smb_force force)
{
    bool first = true, first_driver = true;
    smb__buf_puts(b, "{");
    smb__doc_member(b, level + 1, &first, "drivers");
    smb__buf_puts(b, "{");
    for (size_t i = 0; i < smb_forces_driver_count(forces, force); i++) {
        const smb_driver *d = smb_forces_driver_at(forces, force, i);
        if (!carries_something(d))
            continue;
        smb__doc_member(b, level + 2, &first_driver, smb_driver_key(d));
        put_driver(b, level + 2, d);
    }
    smb__doc_end(b, level + 1, first_driver, "}");
    smb__doc_end(b, level, first, "}");
}

void smb__doc_save_forces(smb_buf *b, int level, const smb_forces *forces)
{
    bool first = true;
    smb__buf_puts(b, "{");
    const char *name = smb_forces_name(forces);
    if (name[0]) {
        smb__doc_member(b, level + 1, &first, "name");
        smb__doc_put_string(b, name);
    }
    const char *description = smb_forces_description(forces);
    if (description[0]) {
        smb__doc_member(b, level + 1, &first, "description");
        smb__doc_put_string(b, description);
    }
    bool first_weight = true;
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        double w = smb_forces_force_weight(forces, (smb_force)f);
        if (w == 1)
            continue;
        if (first_weight) {
            smb__doc_member(b, level + 1, &first, "weights");
            smb__buf_puts(b, "{");
        }
        smb__doc_member(b, level + 2, &first_weight, smb_force_key((smb_force)f));
        smb__doc_put_number(b, w);
    }
    if (!first_weight)
        smb__doc_end(b, level + 1, false, "}");
    for (int f = 0; f < SMB_FORCE_COUNT; f++) {
        smb__doc_member(b, level + 1, &first, smb_force_key((smb_force)f));
        put_force(b, level + 1, forces, (smb_force)f);
    }
    smb__doc_end(b, level, first, "}");
}
