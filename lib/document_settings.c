/* SPDX-License-Identifier: MIT */
/*
 * The `settings` section of a document (docs/format.md, "Settings"): the
 * settings that belong to the other sections — the scenario scoring
 * settings (mitigation, half-life), the ranking criteria of the responses
 * (criteria of the user's own, weights given directly or from an AHP
 * matrix) — and the planning budget, which belongs to the document.
 *
 * Settings are applied once every section is loaded, since the sections
 * they belong to may come after them in the document; a setting of a
 * section the document lacks is refused. Saved: only what differs from the
 * defaults, and no section at all when nothing does. AHP judgements are
 * not kept by the model, only the weights they give, so a document loaded
 * with `ahp` is saved with `weights`.
 */
#include <stdio.h>
#include <string.h>

#include "document_loader.h"

static const char *const settings_keys[] = {"mitigation", "half_life_months", "budget",
                                            "criteria",   "weights",          "ahp"};

smb_status smb__ld_settings(smb__loader *ld, const json_t *section)
{
    smb_status st = smb__ld_expect_object(ld, section);
    if (st == SMB_OK)
        st = smb__ld_only_keys(ld, section, settings_keys,
                               sizeof settings_keys / sizeof settings_keys[0],
                               "settings are mitigation, half_life_months, budget, criteria, "
                               "weights and ahp");
    ld->settings_json = st == SMB_OK ? section : NULL;
    return st;
}

/* ---- applying ------------------------------------------------------------------ */

/* "exposure_reduction, cost, ..." for messages. */
static void criterion_list(const smb_responses *set, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++)
        smb__ld_list_add(buf, cap, smb_responses_criterion_key(set, k));
}

static smb_status no_criterion(smb__loader *ld, const char *key, bool at_name)
{
    char list[SMB__LD_LIST_CAP];
    criterion_list(ld->responses, list, sizeof list);
    return (at_name ? smb__ld_fail_at_name : smb__ld_fail)(
        ld, SMB_ENOTFOUND, "no criterion '%s' (the criteria are %s)", key, list);
}

/* A setting of the section `needed`, which the document must have. */
static smb_status need_section(smb__loader *ld, const void *section, const char *key,
                               const char *needed)
{
    if (section)
        return SMB_OK;
    return smb__ld_fail_at_name(ld, SMB_ESCHEMA,
                                "'%s' is a setting of the %s, and the document has no '%s' "
                                "section",
                                key, needed, needed);
}

static smb_status add_criterion(smb__loader *ld, const json_t *c)
{
    static const char *const keys[] = {"key", "title", "direction"};
    if (!json_is_object(c))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a criterion must be an object, not %s",
                            smb__ld_type_name(c));
    const json_t *key, *title, *direction = json_object_get(c, "direction");
    smb_status st = smb__ld_only_keys(ld, c, keys, 3, "a criterion has key, title and direction");
    if (st != SMB_OK || (st = smb__ld_require(ld, c, "key", &key)) != SMB_OK ||
        (st = smb__ld_require(ld, c, "title", &title)) != SMB_OK)
        return st;
    smb__ld_push_key(ld, "key");
    st = smb__ld_expect_string(ld, key);
    if (st == SMB_OK)
        st = smb__ld_api(ld, smb__check_id(json_string_value(key)));
    size_t at;
    if (st == SMB_OK &&
        smb_responses_find_criterion(ld->responses, json_string_value(key), &at) == SMB_OK)
        st = smb__ld_fail(ld, SMB_EEXIST, "criterion '%s' already exists%s",
                          json_string_value(key),
                          smb_responses_criterion_is_custom(ld->responses, at)
                              ? ""
                              : " (it is built in)");
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, "title");
    st = smb__ld_expect_string(ld, title);
    if (st == SMB_OK)
        st = smb__ld_api(ld, smb__check_text("title", json_string_value(title), false));
    smb__ld_pop(ld);
    size_t d = SMB_CRITERION_BENEFIT;
    if (st == SMB_OK && direction) {
        const char *directions[SMB_CRITERION_DIRECTION_COUNT];
        for (int i = 0; i < SMB_CRITERION_DIRECTION_COUNT; i++)
            directions[i] = smb_criterion_direction_key((smb_criterion_direction)i);
        smb__ld_push_key(ld, "direction");
        st = smb__ld_one_of(ld, direction, directions, SMB_CRITERION_DIRECTION_COUNT, &d);
        smb__ld_pop(ld);
    }
    if (st != SMB_OK)
        return st;
    return smb__ld_api(ld, smb_responses_add_criterion(ld->responses, json_string_value(key),
                                                       json_string_value(title),
                                                       (smb_criterion_direction)d));
}

static smb_status load_criteria(smb__loader *ld, const json_t *v)
{
    smb_status st = smb__ld_expect_array(ld, v, "criteria");
    size_t i;
    json_t *c;
    json_array_foreach(v, i, c) {
        if (st != SMB_OK)
            break;
        smb__ld_push_index(ld, i);
        st = add_criterion(ld, c);
        smb__ld_pop(ld);
    }
    return st;
}

static smb_status load_weights(smb__loader *ld, const json_t *v)
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of weights by criterion, not %s",
                            smb__ld_type_name(v));
    const char *key;
    json_t *w;
    json_object_foreach((json_t *)v, key, w) {
        size_t at;
        smb_status st = SMB_OK;
        smb__ld_push_key(ld, key);
        if (smb_responses_find_criterion(ld->responses, key, &at) != SMB_OK)
            st = no_criterion(ld, key, true);
        if (st == SMB_OK)
            st = smb__ld_expect_number(ld, w, "a weight from 0 upwards");
        if (st == SMB_OK)
            st = smb__ld_api(ld, smb_responses_set_criterion_weight(ld->responses, key,
                                                                    json_number_value(w)));
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

/* The criteria an AHP matrix compares: known, none twice. */
static smb_status check_ahp_criteria(smb__loader *ld, const json_t *criteria)
{
    smb_status st = smb__ld_expect_string_array(ld, criteria);
    if (st == SMB_OK && json_array_size(criteria) == 0)
        st = smb__ld_fail(ld, SMB_ESCHEMA, "must name at least one criterion");
    size_t i;
    json_t *c;
    json_array_foreach(criteria, i, c) {
        if (st != SMB_OK)
            break;
        const char *key = json_string_value(c);
        size_t at;
        smb__ld_push_index(ld, i);
        if (smb_responses_find_criterion(ld->responses, key, &at) != SMB_OK)
            st = no_criterion(ld, key, false);
        for (size_t j = 0; j < i && st == SMB_OK; j++)
            if (strcmp(key, json_string_value(json_array_get(criteria, j))) == 0)
                st = smb__ld_fail(ld, SMB_ESCHEMA, "lists '%s' twice (also at index %zu)", key,
                                  j);
        smb__ld_pop(ld);
    }
    return st;
}

/* An n × n array of numbers into m (row-major). */
static smb_status read_matrix(smb__loader *ld, const json_t *matrix, size_t n, double *m)
{
    smb_status st = smb__ld_expect_array(ld, matrix, "rows");
    if (st == SMB_OK && json_array_size(matrix) != n)
        st = smb__ld_fail(ld, SMB_ESCHEMA,
                          "must have %zu rows, one per criterion of ahp.criteria, not %zu", n,
                          json_array_size(matrix));
    for (size_t i = 0; i < n && st == SMB_OK; i++) {
        const json_t *row = json_array_get(matrix, i);
        smb__ld_push_index(ld, i);
        st = smb__ld_expect_array(ld, row, "numbers");
        if (st == SMB_OK && json_array_size(row) != n)
            st = smb__ld_fail(ld, SMB_ESCHEMA,
                              "must have %zu numbers, one per criterion of ahp.criteria, not %zu",
                              n, json_array_size(row));
        for (size_t j = 0; j < n && st == SMB_OK; j++) {
            const json_t *x = json_array_get(row, j);
            smb__ld_push_index(ld, j);
            st = smb__ld_expect_number(ld, x, "a number greater than 0");
            smb__ld_pop(ld);
            m[i * n + j] = json_number_value(x);
        }
        smb__ld_pop(ld);
    }
    return st;
}

/* Report the failure of smb_responses_set_ahp_weights at the cell its
 * message names: "matrix[i][j]: ..." or, for a pair that is not
 * reciprocal, "matrix[i][j] = x and matrix[j][i] = y ...", at the second. */
static smb_status ahp_failure(smb__loader *ld, smb_status st)
{
    if (st == SMB_ENOMEM)
        return smb__nomem();
    const char *message = smb_last_error();
    size_t i, j;
    const char *second = strstr(message, " and matrix[");
    smb__ld_push_key(ld, "matrix");
    if ((second && sscanf(second, " and matrix[%zu][%zu]", &i, &j) == 2) ||
        sscanf(message, "matrix[%zu][%zu]", &i, &j) == 2) {
        smb__ld_push_index(ld, i);
        smb__ld_push_index(ld, j);
        st = smb__ld_relay(ld, st);
        ld->depth -= 2;
    } else {
        st = smb__ld_relay(ld, st);
    }
    smb__ld_pop(ld);
    return st;
}

static smb_status load_ahp(smb__loader *ld, const json_t *v)
{
    static const char *const keys[] = {"criteria", "matrix"};
    const json_t *criteria, *matrix;
    smb_status st = smb__ld_expect_object(ld, v);
    if (st != SMB_OK ||
        (st = smb__ld_only_keys(ld, v, keys, 2, "ahp has criteria and matrix")) != SMB_OK ||
        (st = smb__ld_require(ld, v, "criteria", &criteria)) != SMB_OK ||
        (st = smb__ld_require(ld, v, "matrix", &matrix)) != SMB_OK)
        return st;
    smb__ld_push_key(ld, "criteria");
    st = check_ahp_criteria(ld, criteria);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    size_t n = json_array_size(criteria);
    const char **names = smb__calloc(n, sizeof *names);
    double *m = names ? smb__calloc(n * n, sizeof *m) : NULL;
    if (!m) {
        smb__free(names);
        return smb__nomem();
    }
    for (size_t i = 0; i < n; i++)
        names[i] = json_string_value(json_array_get(criteria, i));
    smb__ld_push_key(ld, "matrix");
    st = read_matrix(ld, matrix, n, m);
    smb__ld_pop(ld);
    if (st == SMB_OK) {
        st = smb_responses_set_ahp_weights(ld->responses, names, n, m, NULL);
        if (st == SMB_ELIMIT && n > SMB_AHP_MAX_SIZE) {
            smb__ld_push_key(ld, "criteria");
            st = smb__ld_fail(ld, SMB_ELIMIT,
                              "names %zu criteria; an AHP matrix compares at most %d", n,
                              SMB_AHP_MAX_SIZE);
            smb__ld_pop(ld);
        } else if (st != SMB_OK) {
            st = ahp_failure(ld, st);
        }
    }
    smb__free(m);
    smb__free(names);
    return st;
}

static smb_status apply_setting(smb__loader *ld, const char *key, const json_t *v)
{
    smb_status st;
    if (strcmp(key, "budget") == 0) {
        if ((st = smb__ld_expect_number(ld, v, "an amount from 0 to 1e+15")) != SMB_OK ||
            (st = smb__ld_api(ld, smb__doc_check_budget(json_number_value(v)))) != SMB_OK)
            return st;
        ld->has_budget = true;
        ld->budget = json_number_value(v);
        return SMB_OK;
    }
    if (strcmp(key, "mitigation") == 0 || strcmp(key, "half_life_months") == 0) {
        bool mitigation = key[0] == 'm';
        if ((st = need_section(ld, ld->scenarios, key, "scenarios")) != SMB_OK ||
            (st = smb__ld_expect_number(ld, v, mitigation ? "a number from 0 to 1"
                                                          : "a number of months above 0")) !=
                SMB_OK)
            return st;
        double x = json_number_value(v);
        return smb__ld_api(ld, mitigation ? smb_scenarios_set_mitigation(ld->scenarios, x)
                                          : smb_scenarios_set_half_life(ld->scenarios, x));
    }
    if ((st = need_section(ld, ld->responses, key, "responses")) != SMB_OK)
        return st;
    if (strcmp(key, "criteria") == 0)
        return SMB_OK; /* added first */
    if (strcmp(key, "weights") == 0)
        return load_weights(ld, v);
    if (json_object_get(ld->settings_json, "weights"))
        return smb__ld_fail_at_name(ld, SMB_ESCHEMA,
                                    "give the criteria weights either as 'weights' or as an "
                                    "'ahp' matrix, not both");
    return load_ahp(ld, v);
}

smb_status smb__ld_apply_settings(smb__loader *ld)
{
    if (!ld->settings_json)
        return SMB_OK;
    smb_status st = SMB_OK;
    smb__ld_push_key(ld, "settings");
    /* The criteria of the user's own first: weights and values name them. */
    const json_t *criteria = json_object_get(ld->settings_json, "criteria");
    if (criteria) {
        smb__ld_push_key(ld, "criteria");
        st = need_section(ld, ld->responses, "criteria", "responses");
        if (st == SMB_OK)
            st = load_criteria(ld, criteria);
        smb__ld_pop(ld);
    }
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)ld->settings_json, key, v) {
        if (st != SMB_OK)
            break;
        smb__ld_push_key(ld, key);
        st = apply_setting(ld, key, v);
        smb__ld_pop(ld);
    }
    smb__ld_pop(ld);
    return st;
}

/* ---- saving --------------------------------------------------------------------- */

static bool custom_criteria(const smb_responses *set)
{
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++)
        if (smb_responses_criterion_is_custom(set, k))
            return true;
    return false;
}

static bool weights_changed(const smb_responses *set)
{
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++)
        if (smb_responses_criterion_weight(set, k) != 1)
            return true;
    return false;
}

bool smb__doc_has_settings(const smb_document *doc)
{
    const smb_scenarios *sc = doc->scenarios;
    const smb_responses *rs = doc->responses;
    return doc->has_budget ||
           (sc && (smb_scenarios_mitigation(sc) != SMB_DEFAULT_MITIGATION ||
                   smb_scenarios_half_life(sc) != SMB_DEFAULT_HALF_LIFE_MONTHS)) ||
           (rs && (custom_criteria(rs) || weights_changed(rs)));
}

static void put_criteria(smb_buf *b, int level, const smb_responses *set)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++) {
        if (!smb_responses_criterion_is_custom(set, k))
            continue;
        bool first_field = true;
        smb__doc_element(b, level + 1, &first);
        smb__buf_puts(b, "{");
        smb__doc_member(b, level + 2, &first_field, "key");
        smb__doc_put_string(b, smb_responses_criterion_key(set, k));
        smb__doc_member(b, level + 2, &first_field, "title");
        smb__doc_put_string(b, smb_responses_criterion_title(set, k));
        smb__doc_member(b, level + 2, &first_field, "direction");
        smb__doc_put_string(b, smb_criterion_direction_key(
                                   smb_responses_criterion_direction(set, k)));
        smb__doc_end(b, level + 1, first_field, "}");
    }
    smb__doc_end(b, level, first, "]");
}

static void put_weights(smb_buf *b, int level, const smb_responses *set)
{
    bool first = true;
    smb__buf_puts(b, "{");
    for (size_t k = 0; k < smb_responses_criterion_count(set); k++) {
        double w = smb_responses_criterion_weight(set, k);
        if (w == 1)
            continue;
        smb__doc_member(b, level + 1, &first, smb_responses_criterion_key(set, k));
        smb__doc_put_number(b, w);
    }
    smb__doc_end(b, level, first, "}");
}

void smb__doc_save_settings(smb_buf *b, int level, const smb_document *doc)
{
    bool first = true;
    const smb_scenarios *sc = doc->scenarios;
    const smb_responses *rs = doc->responses;
    smb__buf_puts(b, "{");
    if (sc && smb_scenarios_mitigation(sc) != SMB_DEFAULT_MITIGATION) {
        smb__doc_member(b, level + 1, &first, "mitigation");
        smb__doc_put_number(b, smb_scenarios_mitigation(sc));
    }
    if (sc && smb_scenarios_half_life(sc) != SMB_DEFAULT_HALF_LIFE_MONTHS) {
        smb__doc_member(b, level + 1, &first, "half_life_months");
        smb__doc_put_number(b, smb_scenarios_half_life(sc));
    }
    if (doc->has_budget) {
        smb__doc_member(b, level + 1, &first, "budget");
        smb__doc_put_number(b, doc->budget);
    }
    if (rs && custom_criteria(rs)) {
        smb__doc_member(b, level + 1, &first, "criteria");
        put_criteria(b, level + 1, rs);
    }
    if (rs && weights_changed(rs)) {
        smb__doc_member(b, level + 1, &first, "weights");
        put_weights(b, level + 1, rs);
    }
    smb__doc_end(b, level, first, "}");
}
