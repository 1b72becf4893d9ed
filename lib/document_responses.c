/* SPDX-License-Identifier: MIT */
/*
 * The `responses` section of a document (docs/format.md, "Responses"): an
 * array of candidate responses, loaded through the public response API
 * only, so that every rule on ids, costs, reductions, gains and ratings
 * lives in response.c, and saved in the one layout.
 *
 * Two parts of a response refer to other sections, which may come later in
 * the document, and are loaded once every section is: its values on the
 * criteria of the user's own (declared in settings.criteria) and the
 * scenarios its effects name. The API checks an effect's scenario only when
 * responses are evaluated; a document is checked as it loads, so that a
 * document that loads can be planned with: an effect must name a scenario
 * of the document, and a threat (responses reduce threats only).
 */
#include <stdio.h>
#include <string.h>

#include "document_loader.h"

static const char *const response_keys[] = {"id",     "title",   "description", "kind",
                                            "cost",   "months",  "effects",     "gains",
                                            "ratings", "values"};

/* ---- loading ---------------------------------------------------------------- */

static smb_status load_effect(smb__loader *ld, const char *id, const char *scenario,
                              const json_t *v)
{
    static const char *const keys[] = {"likelihood_reduction", "impact_reduction"};
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "an effect must be an object, not %s",
                            smb__ld_type_name(v));
    smb_status st = smb__ld_only_keys(ld, v, keys, 2,
                                      "an effect has likelihood_reduction and impact_reduction");
    double r[2] = {0, 0};
    for (size_t i = 0; i < 2 && st == SMB_OK; i++) {
        const json_t *x = json_object_get(v, keys[i]);
        if (!x)
            continue;
        smb__ld_push_key(ld, keys[i]);
        st = smb__ld_expect_number(ld, x, "a share from 0 to 1");
        smb__ld_pop(ld);
        r[i] = json_number_value(x);
    }
    if (st != SMB_OK)
        return st;
    st = smb__check_id(scenario);
    if (st != SMB_OK)
        return smb__ld_relay_at_name(ld, st);
    st = smb_responses_set_effect(ld->responses, id, scenario, r[0], r[1]);
    return st == SMB_OK ? SMB_OK : smb__ld_relay_member(ld, st, v);
}

static smb_status load_effects(smb__loader *ld, const char *id, const json_t *v)
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of effects by scenario id, not %s",
                            smb__ld_type_name(v));
    const char *key;
    json_t *effect;
    json_object_foreach((json_t *)v, key, effect) {
        smb__ld_push_key(ld, key);
        smb_status st = load_effect(ld, id, key, effect);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* An object of numbers keyed by one of keys[0..n) (gains, ratings): each
 * given to `set` with the key's index. */
static smb_status load_keyed_numbers(smb__loader *ld, const char *id, const json_t *v,
                                     const char *const *keys, size_t n, const char *what,
                                     const char *expected,
                                     smb_status (*set)(smb__loader *, const char *, size_t,
                                                       double))
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of numbers by key, not %s",
                            smb__ld_type_name(v));
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)v, key, x) {
        size_t which;
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_key_of(ld, key, keys, n, what, &which);
        if (st == SMB_OK)
            st = smb__ld_expect_number(ld, x, expected);
        if (st == SMB_OK)
            st = smb__ld_api(ld, set(ld, id, which, json_number_value(x)));
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status set_gain(smb__loader *ld, const char *id, size_t which, double x)
{
    return smb_responses_set_gain(ld->responses, id, (smb_capability)which, x);
}

static smb_status set_rating(smb__loader *ld, const char *id, size_t which, double x)
{
    return smb_responses_set_rating(ld->responses, id, (smb_idea_criterion)which, x);
}

/* Values wait for the criteria of settings; here only their shape. */
static smb_status check_values(smb__loader *ld, const json_t *v)
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA,
                            "must be an object of values by criterion key, not %s",
                            smb__ld_type_name(v));
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)v, key, x) {
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_expect_number(ld, x, "a number from 0 to 1e+15");
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status load_number_field(smb__loader *ld, const char *id, const char *key,
                                    const json_t *v)
{
    bool cost = strcmp(key, "cost") == 0;
    smb_status st =
        smb__ld_expect_number(ld, v, cost ? "an amount from 0 to 1e+15" : "a number of months from 0 to 1200");
    if (st != SMB_OK)
        return st;
    double x = json_number_value(v);
    return smb__ld_api(ld, cost ? smb_responses_set_cost(ld->responses, id, x)
                                : smb_responses_set_months(ld->responses, id, x));
}

/* One field of a response that the set already holds. */
static smb_status load_field(smb__loader *ld, const char *id, const char *key, const json_t *v)
{
    smb_status st;
    if (strcmp(key, "description") == 0) {
        if ((st = smb__ld_expect_string(ld, v)) != SMB_OK)
            return st;
        return smb__ld_api(ld, smb_responses_set_description(ld->responses, id,
                                                             json_string_value(v)));
    }
    if (strcmp(key, "cost") == 0 || strcmp(key, "months") == 0)
        return load_number_field(ld, id, key, v);
    if (strcmp(key, "effects") == 0)
        return load_effects(ld, id, v);
    if (strcmp(key, "gains") == 0) {
        const char *keys[SMB_CAPABILITY_COUNT];
        for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
            keys[c] = smb_capability_key((smb_capability)c);
        return load_keyed_numbers(ld, id, v, keys, SMB_CAPABILITY_COUNT,
                                  "a gain is given for one of", "a number from 0 to 5",
                                  set_gain);
    }
    if (strcmp(key, "ratings") == 0) {
        const char *keys[SMB_IDEA_COUNT];
        for (int c = 0; c < SMB_IDEA_COUNT; c++)
            keys[c] = smb_idea_criterion_key((smb_idea_criterion)c);
        return load_keyed_numbers(ld, id, v, keys, SMB_IDEA_COUNT,
                                  "a rating is given on one of",
                                  "a number from 1 to 5", set_rating);
    }
    if (strcmp(key, "values") == 0)
        return check_values(ld, v);
    return SMB_OK; /* id, title, kind: used to add the response */
}

/* Check what smb_responses_add takes and add the response, costing 0 and
 * taking 0 months until its own fields say otherwise. */
static smb_status add_response(smb__loader *ld, const json_t *obj, const char **id_out)
{
    const json_t *id, *title, *kind, *later;
    smb_status st;
    if ((st = smb__ld_require(ld, obj, "id", &id)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "title", &title)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "kind", &kind)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "cost", &later)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "months", &later)) != SMB_OK)
        return st;

    smb__ld_push_key(ld, "id");
    st = smb__ld_expect_string(ld, id);
    if (st == SMB_OK)
        st = smb__ld_api(ld, smb__check_id(json_string_value(id)));
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, "title");
    st = smb__ld_expect_string(ld, title);
    if (st == SMB_OK)
        st = smb__ld_api(ld, smb__check_text("title", json_string_value(title), false));
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    const char *kinds[SMB_RESPONSE_KIND_COUNT];
    for (int k = 0; k < SMB_RESPONSE_KIND_COUNT; k++)
        kinds[k] = smb_response_kind_key((smb_response_kind)k);
    size_t k = 0;
    smb__ld_push_key(ld, "kind");
    st = smb__ld_one_of(ld, kind, kinds, SMB_RESPONSE_KIND_COUNT, &k);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;

    const char *ids = json_string_value(id);
    st = smb_responses_add(ld->responses, ids, json_string_value(title), (smb_response_kind)k, 0,
                           0);
    if (st == SMB_EEXIST) {
        const smb_response *first = smb_responses_find(ld->responses, ids);
        smb__ld_push_key(ld, "id");
        st = smb__ld_fail(ld, SMB_EEXIST, "duplicate id '%s' (first used at $.responses[%zu])",
                          ids, first ? smb_response_index(first) : 0);
        smb__ld_pop(ld);
    } else if (st != SMB_OK) {
        st = smb__ld_api(ld, st);
    }
    *id_out = ids;
    return st;
}

static const smb__ld_entries response_entries = {
    "responses", "response", response_keys, sizeof response_keys / sizeof response_keys[0],
    "a response has id, title, description, kind, cost, months, effects, gains, ratings "
    "and values",
    add_response, load_field,
};

smb_status smb__ld_responses(smb__loader *ld, const json_t *section)
{
    smb_status st = smb__ld_expect_array(ld, section, "responses");
    if (st == SMB_OK)
        st = smb_responses_new(&ld->responses);
    if (st == SMB_OK)
        st = smb__ld_each_entry(ld, section, &response_entries);
    ld->responses_json = section;
    return st;
}

/* ---- values and effects (once every section is loaded) ------------------------ */

static smb_status set_value(smb__loader *ld, const char *id, const char *key, const json_t *x)
{
    smb_status st = smb_responses_set_value(ld->responses, id, key, json_number_value(x));
    if (st == SMB_OK || st == SMB_ENOMEM)
        return st == SMB_OK ? st : smb__nomem();
    size_t at;
    if (smb_responses_find_criterion(ld->responses, key, &at) != SMB_OK)
        return smb__ld_fail_at_name(ld, SMB_ENOTFOUND,
                                    "no criterion '%s' of your own; declare it in "
                                    "settings.criteria",
                                    key);
    if (!smb_responses_criterion_is_custom(ld->responses, at))
        return smb__ld_fail_at_name(ld, SMB_ESCHEMA,
                                    "'%s' is a built-in criterion, whose value comes from the "
                                    "response itself; values are for criteria of your own",
                                    key);
    /* find_criterion replaced the message: the call records it again. */
    st = smb_responses_set_value(ld->responses, id, key, json_number_value(x));
    return smb__ld_api(ld, st);
}

static smb_status check_effect(smb__loader *ld, const char *scenario)
{
    const smb_scenario *sc = ld->scenarios ? smb_scenarios_find(ld->scenarios, scenario) : NULL;
    if (!sc)
        return smb__ld_fail_at_name(ld, SMB_ENOTFOUND, "no scenario has the id '%s'%s", scenario,
                                    ld->scenarios ? "" : " (the document has no scenarios)");
    if (smb_scenario_direction(sc) != SMB_DIRECTION_THREAT)
        return smb__ld_fail_at_name(ld, SMB_ESCHEMA,
                                    "scenario '%s' is an opportunity; responses reduce threats "
                                    "only",
                                    scenario);
    return SMB_OK;
}

/* The responses' values, then their effects' scenarios, in document order. */
static smb_status link_response(smb__loader *ld, const json_t *obj)
{
    const char *id = json_string_value(json_object_get(obj, "id"));
    static const char *const parts[] = {"values", "effects"};
    for (size_t p = 0; p < 2; p++) {
        const json_t *part = json_object_get(obj, parts[p]);
        const char *key;
        json_t *x;
        smb_status st = SMB_OK;
        smb__ld_push_key(ld, parts[p]);
        json_object_foreach((json_t *)part, key, x) {
            smb__ld_push_key(ld, key);
            st = p == 0 ? set_value(ld, id, key, x) : check_effect(ld, key);
            smb__ld_pop(ld);
            if (st != SMB_OK)
                break;
        }
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

smb_status smb__ld_link_responses(smb__loader *ld)
{
    if (!ld->responses_json)
        return SMB_OK;
    smb_status st = SMB_OK;
    size_t i;
    json_t *obj;
    smb__ld_push_key(ld, "responses");
    json_array_foreach(ld->responses_json, i, obj) {
        smb__ld_push_index(ld, i);
        st = link_response(ld, obj);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            break;
    }
    smb__ld_pop(ld);
    return st;
}

/* ---- saving ------------------------------------------------------------------- */

static void put_effects(smb_buf *b, int level, const smb_response *r)
{
    bool first = true;
    smb__buf_puts(b, "{");
    for (size_t i = 0; i < smb_response_effect_count(r); i++) {
        const smb_response_effect *e = smb_response_effect_at(r, i);
        bool first_field = true;
        smb__doc_member(b, level + 1, &first, e->scenario);
        smb__buf_puts(b, "{");
        smb__doc_member(b, level + 2, &first_field, "likelihood_reduction");
        smb__doc_put_number(b, e->likelihood_reduction);
        smb__doc_member(b, level + 2, &first_field, "impact_reduction");
        smb__doc_put_number(b, e->impact_reduction);
        smb__doc_end(b, level + 1, first_field, "}");
    }
    smb__doc_end(b, level, first, "}");
}

static bool has_gain(const smb_response *r)
{
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        if (smb_response_gain(r, (smb_capability)c) != 0)
            return true;
    return false;
}

static void put_gains(smb_buf *b, int level, const smb_response *r)
{
    bool first = true;
    smb__buf_puts(b, "{");
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        double g = smb_response_gain(r, (smb_capability)c);
        if (g == 0)
            continue;
        smb__doc_member(b, level + 1, &first, smb_capability_key((smb_capability)c));
        smb__doc_put_number(b, g);
    }
    smb__doc_end(b, level, first, "}");
}

static void put_ratings(smb_buf *b, int level, const smb_response *r)
{
    bool first = true;
    smb__buf_puts(b, "{");
    for (int c = 0; c < SMB_IDEA_COUNT; c++) {
        smb__doc_member(b, level + 1, &first, smb_idea_criterion_key((smb_idea_criterion)c));
        smb__doc_put_number(b, smb_response_rating(r, (smb_idea_criterion)c));
    }
    smb__doc_end(b, level, first, "}");
}

/* The response's values on the criteria of the user's own, in criterion
 * order; nothing when it has none. */
static void put_values(smb_buf *b, int level, bool *first_member, const smb_responses *set,
                       const smb_response *r)
{
    bool first = true;
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++) {
        const char *key = smb_responses_criterion_key(set, k);
        double x;
        if (!smb_responses_criterion_is_custom(set, k) ||
            smb_responses_value(set, smb_response_id(r), key, &x) != SMB_OK)
            continue;
        if (first) {
            smb__doc_member(b, level + 1, first_member, "values");
            smb__buf_puts(b, "{");
        }
        smb__doc_member(b, level + 2, &first, key);
        smb__doc_put_number(b, x);
    }
    if (!first)
        smb__doc_end(b, level + 1, false, "}");
}

static void put_response(smb_buf *b, int level, const smb_responses *set, const smb_response *r)
{
    bool first = true;
    int in = level + 1;
    smb__buf_puts(b, "{");
    smb__doc_member(b, in, &first, "id");
    smb__doc_put_string(b, smb_response_id(r));
    smb__doc_member(b, in, &first, "title");
    smb__doc_put_string(b, smb_response_title(r));
    if (smb_response_description(r)) {
        smb__doc_member(b, in, &first, "description");
        smb__doc_put_string(b, smb_response_description(r));
    }
    smb__doc_member(b, in, &first, "kind");
    smb__doc_put_string(b, smb_response_kind_key(smb_response_kind_of(r)));
    smb__doc_member(b, in, &first, "cost");
    smb__doc_put_number(b, smb_response_cost(r));
    smb__doc_member(b, in, &first, "months");
    smb__doc_put_number(b, smb_response_months(r));
    if (smb_response_effect_count(r) > 0) {
        smb__doc_member(b, in, &first, "effects");
        put_effects(b, in, r);
    }
    if (has_gain(r)) {
        smb__doc_member(b, in, &first, "gains");
        put_gains(b, in, r);
    }
    smb__doc_member(b, in, &first, "ratings");
    put_ratings(b, in, r);
    put_values(b, level, &first, set, r);
    smb__doc_end(b, level, first, "}");
}

void smb__doc_save_responses(smb_buf *b, int level, const smb_responses *responses)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (size_t i = 0; i < smb_responses_count(responses); i++) {
        smb__doc_element(b, level + 1, &first);
        put_response(b, level + 1, responses, smb_responses_at(responses, i));
    }
    smb__doc_end(b, level, first, "]");
}
