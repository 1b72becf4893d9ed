/* SPDX-License-Identifier: MIT */
/*
 * The `scenarios` section of a document (docs/format.md, "Scenarios"): an
 * array of scenarios, loaded through the public scenario API only, so that
 * every rule on ids, estimates, weights and shifts lives in scenario.c, and
 * saved in the one layout.
 *
 * A shift names a force driver. Whether the driver exists can only be told
 * against an assessment, so it is checked when the document has a forces
 * section, once every section is loaded (the forces may come later in the
 * document); without one, any well-formed driver key is accepted.
 */
#include <stdio.h>
#include <string.h>

#include "document_loader.h"

/* The six flags of smb_scenario_kind_flag, bit k for the k-th key. */
enum { KIND_COUNT = 6 };
_Static_assert((1u << KIND_COUNT) - 1 == SMB_SCENARIO_KIND_ALL, "one bit a kind flag");

static const char *const scenario_keys[] = {
    "id",         "title",  "description", "source",         "kind",   "direction", "likelihood",
    "impact",     "money",  "horizon_months", "blocks",      "shifts", "mitigated_by"};

/* ---- key lists -------------------------------------------------------------- */

static void source_keys(const char *keys[SMB_SOURCE_COUNT])
{
    for (int s = 0; s < SMB_SOURCE_COUNT; s++)
        keys[s] = smb_source_key((smb_source)s);
}

static void direction_keys(const char *keys[SMB_DIRECTION_COUNT])
{
    for (int d = 0; d < SMB_DIRECTION_COUNT; d++)
        keys[d] = smb_direction_key((smb_direction)d);
}

static void kind_keys(const char *keys[KIND_COUNT])
{
    for (unsigned k = 0; k < KIND_COUNT; k++)
        keys[k] = smb_scenario_kind_key(1u << k);
}

static void capability_keys(const char *keys[SMB_CAPABILITY_COUNT])
{
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        keys[c] = smb_capability_key((smb_capability)c);
}

static void block_keys(const char *keys[SMB_BLOCK_COUNT])
{
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        keys[b] = smb_block_key((smb_block)b);
}

static void force_keys(const char *keys[SMB_FORCE_COUNT])
{
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        keys[f] = smb_force_key((smb_force)f);
}

/* ---- estimates ---------------------------------------------------------------- */

/* What an estimate of each field may hold, for messages and for the type
 * errors that come before the API sees a value. */
typedef struct estimate_field {
    const char *name;     /* "likelihood" */
    const char *expected; /* "a probability from 0 to 1" */
    smb_status (*set)(smb_scenarios *, const char *, const smb_estimate *);
    bool lognormal;       /* whether the field takes a lognormal */
} estimate_field;

static const estimate_field estimate_fields[] = {
    {"likelihood", "a probability from 0 to 1", smb_scenarios_set_likelihood, false},
    {"impact", "a severity from 1 to 5", smb_scenarios_set_impact, false},
    {"money", "an amount from 0 to 1e+15", smb_scenarios_set_money, true},
};

/* The forms written as objects; a point is a plain number. The lognormal,
 * last, only for money. */
static const smb_dist object_dists[] = {SMB_DIST_UNIFORM, SMB_DIST_TRIANGULAR, SMB_DIST_PERT,
                                        SMB_DIST_LOGNORMAL};
enum { OBJECT_DISTS = sizeof object_dists / sizeof object_dists[0] };

/* Whether a form is written without its mode: the uniform's is its
 * midpoint, the lognormal's its median. */
static bool mode_implied(smb_dist dist)
{
    return dist == SMB_DIST_UNIFORM || dist == SMB_DIST_LOGNORMAL;
}

static smb_status estimate_number(smb__loader *ld, const json_t *obj, const char *key,
                                  double *out)
{
    const json_t *v;
    smb_status st = smb__ld_require(ld, obj, key, &v);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, key);
    st = smb__ld_expect_number(ld, v, "a number");
    smb__ld_pop(ld);
    *out = json_number_value(v);
    return st;
}

/* Read a distribution object into *e; the numbers are the model's to check. */
static smb_status read_distribution(smb__loader *ld, const json_t *obj, const estimate_field *f,
                                    smb_estimate *e)
{
    static const char *const keys[] = {"dist", "min", "mode", "max"};
    smb_status st = smb__ld_only_keys(ld, obj, keys, sizeof keys / sizeof keys[0],
                                      "a distribution has dist, min, mode and max");
    const json_t *dist = NULL;
    if (st != SMB_OK || (st = smb__ld_require(ld, obj, "dist", &dist)) != SMB_OK)
        return st;
    size_t forms = f->lognormal ? OBJECT_DISTS : OBJECT_DISTS - 1;
    size_t which = 0;
    while (which < forms && !(json_is_string(dist) && strcmp(json_string_value(dist),
                                                         smb_dist_key(object_dists[which])) == 0))
        which++;
    if (which == forms) {
        bool lognormal = json_is_string(dist) &&
                         strcmp(json_string_value(dist), smb_dist_key(SMB_DIST_LOGNORMAL)) == 0;
        smb__ld_push_key(ld, "dist");
        st = smb__ld_fail(ld, SMB_ESCHEMA, "must be one of uniform, triangular, pert%s (%s)",
                          f->lognormal ? ", lognormal" : "",
                          lognormal ? "lognormal is only for money amounts"
                                    : "a single value is written as a plain number");
        smb__ld_pop(ld);
        return st;
    }
    e->dist = object_dists[which];
    bool uses_mode = !mode_implied(e->dist);
    if (!uses_mode && json_object_get(obj, "mode")) {
        smb__ld_push_key(ld, "mode");
        st = smb__ld_fail_at_name(ld, SMB_ESCHEMA, "%s",
                                  e->dist == SMB_DIST_UNIFORM
                                      ? "a uniform distribution has no mode; give min and max only"
                                      : "a lognormal distribution has no mode; give min (its 5th "
                                        "percentile) and max (its 95th) only");
        smb__ld_pop(ld);
        return st;
    }
    if ((st = estimate_number(ld, obj, "min", &e->min)) != SMB_OK)
        return st;
    if (uses_mode && (st = estimate_number(ld, obj, "mode", &e->mode)) != SMB_OK)
        return st;
    if ((st = estimate_number(ld, obj, "max", &e->max)) != SMB_OK)
        return st;
    if (!uses_mode)
        e->mode = e->min;
    return SMB_OK;
}

static smb_status load_estimate(smb__loader *ld, const char *id, const estimate_field *f,
                                const json_t *v)
{
    smb_estimate e = {.dist = SMB_DIST_POINT};
    smb_status st;
    if (json_is_number(v)) {
        e.min = e.mode = e.max = json_number_value(v);
        st = f->set(ld->scenarios, id, &e);
        if (st == SMB_ERANGE)
            return smb__ld_fail(ld, SMB_ERANGE, "must be %s, not %g", f->expected, e.min);
        return smb__ld_api(ld, st);
    }
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be %s or a distribution object, not %s",
                            f->expected, smb__ld_type_name(v));
    if ((st = read_distribution(ld, v, f, &e)) != SMB_OK)
        return st;
    st = f->set(ld->scenarios, id, &e);
    return st == SMB_OK ? SMB_OK : smb__ld_relay_member(ld, st, v);
}

/* ---- the other fields ---------------------------------------------------------- */

/* A list of keys naming flags (kind, mitigated_by): each known, none twice.
 * After each element, `apply` is given the flags so far, so that a
 * combination the model refuses is reported at the element that makes it. */
static smb_status load_flags(smb__loader *ld, const json_t *v, const char *const *keys,
                             size_t n, smb_status (*apply)(smb__loader *, const char *, unsigned),
                             const char *id, bool apply_each)
{
    smb_status st = smb__ld_expect_string_array(ld, v);
    if (st != SMB_OK)
        return st;
    unsigned mask = 0;
    size_t i;
    json_t *elem;
    json_array_foreach(v, i, elem) {
        size_t which = 0;
        smb__ld_push_index(ld, i);
        st = smb__ld_one_of(ld, elem, keys, n, &which);
        if (st == SMB_OK && (mask & (1u << which)))
            st = smb__ld_fail(ld, SMB_ESCHEMA, "lists '%s' twice", keys[which]);
        if (st == SMB_OK)
            mask |= 1u << which;
        if (st == SMB_OK && apply_each)
            st = smb__ld_api(ld, apply(ld, id, mask));
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return apply_each ? SMB_OK : smb__ld_api(ld, apply(ld, id, mask));
}

static smb_status apply_kind(smb__loader *ld, const char *id, unsigned mask)
{
    /* Kind flags are bits 1 << k in key order. */
    return smb_scenarios_set_kind(ld->scenarios, id, mask);
}

static smb_status apply_mitigators(smb__loader *ld, const char *id, unsigned mask)
{
    unsigned capabilities = 0;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        if (mask & (1u << c))
            capabilities |= SMB_CAPABILITY_BIT(c);
    return smb_scenarios_set_mitigators(ld->scenarios, id, capabilities);
}

static smb_status load_blocks(smb__loader *ld, const char *id, const json_t *v)
{
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of weights by block, not %s",
                            smb__ld_type_name(v));
    const char *keys[SMB_BLOCK_COUNT];
    block_keys(keys);
    const char *key;
    json_t *w;
    json_object_foreach((json_t *)v, key, w) {
        size_t block;
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_key_of(ld, key, keys, SMB_BLOCK_COUNT,
                                       "a block is one of", &block);
        if (st == SMB_OK)
            st = smb__ld_expect_number(ld, w, "a weight above 0");
        if (st == SMB_OK)
            st = smb__ld_api(ld, smb_scenarios_hit_block(ld->scenarios, id, (smb_block)block,
                                                         json_number_value(w)));
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

static smb_status load_shift(smb__loader *ld, const char *id, const json_t *shift)
{
    static const char *const keys[] = {"force", "driver", "delta"};
    if (!json_is_object(shift))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a shift must be an object, not %s",
                            smb__ld_type_name(shift));
    const json_t *force, *driver, *delta;
    smb_status st = smb__ld_only_keys(ld, shift, keys, 3, "a shift has force, driver and delta");
    if (st != SMB_OK || (st = smb__ld_require(ld, shift, "force", &force)) != SMB_OK ||
        (st = smb__ld_require(ld, shift, "driver", &driver)) != SMB_OK ||
        (st = smb__ld_require(ld, shift, "delta", &delta)) != SMB_OK)
        return st;
    const char *forces[SMB_FORCE_COUNT];
    force_keys(forces);
    size_t f = 0;
    smb__ld_push_key(ld, "force");
    st = smb__ld_one_of(ld, force, forces, SMB_FORCE_COUNT, &f);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, "driver");
    st = smb__ld_expect_string(ld, driver);
    if (st == SMB_OK)
        st = smb__ld_api(ld, smb__check_id(json_string_value(driver)));
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, "delta");
    st = smb__ld_expect_number(ld, delta, "a number from -4 to 4");
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    st = smb_scenarios_add_shift(ld->scenarios, id, (smb_force)f, json_string_value(driver),
                                 json_number_value(delta));
    /* The driver is well formed: a refusal is of the delta, of a driver
     * shifted twice (reported at the second) or of the number of shifts. */
    const char *at = st == SMB_ERANGE ? "delta" : st == SMB_EEXIST ? "driver" : NULL;
    if (st == SMB_OK || !at)
        return smb__ld_api(ld, st);
    smb__ld_push_key(ld, at);
    st = smb__ld_relay(ld, st);
    smb__ld_pop(ld);
    return st;
}

static smb_status load_shifts(smb__loader *ld, const char *id, const json_t *v)
{
    smb_status st = smb__ld_expect_array(ld, v, "shifts");
    size_t i;
    json_t *shift;
    json_array_foreach(v, i, shift) {
        if (st != SMB_OK)
            break;
        smb__ld_push_index(ld, i);
        st = load_shift(ld, id, shift);
        smb__ld_pop(ld);
    }
    return st;
}

/* One field of a scenario that the set already holds. */
static smb_status load_field(smb__loader *ld, const char *id, const char *key, const json_t *v)
{
    smb_status st;
    for (size_t i = 0; i < sizeof estimate_fields / sizeof estimate_fields[0]; i++)
        if (strcmp(key, estimate_fields[i].name) == 0)
            return load_estimate(ld, id, &estimate_fields[i], v);
    if (strcmp(key, "description") == 0) {
        if ((st = smb__ld_expect_string(ld, v)) != SMB_OK)
            return st;
        return smb__ld_api(ld, smb_scenarios_set_description(ld->scenarios, id,
                                                             json_string_value(v)));
    }
    if (strcmp(key, "horizon_months") == 0) {
        if ((st = smb__ld_expect_number(ld, v, "a number of months above 0")) != SMB_OK)
            return st;
        return smb__ld_api(ld, smb_scenarios_set_horizon(ld->scenarios, id,
                                                         json_number_value(v)));
    }
    if (strcmp(key, "kind") == 0) {
        const char *keys[KIND_COUNT];
        kind_keys(keys);
        return load_flags(ld, v, keys, KIND_COUNT, apply_kind, id, true);
    }
    if (strcmp(key, "mitigated_by") == 0) {
        const char *keys[SMB_CAPABILITY_COUNT];
        capability_keys(keys);
        return load_flags(ld, v, keys, SMB_CAPABILITY_COUNT, apply_mitigators, id, false);
    }
    if (strcmp(key, "blocks") == 0)
        return load_blocks(ld, id, v);
    if (strcmp(key, "shifts") == 0)
        return load_shifts(ld, id, v);
    return SMB_OK; /* id, title, source, direction: used to add the scenario */
}

/* Check what smb_scenarios_add takes and add the scenario, with a
 * placeholder likelihood and impact that its own fields replace. */
static smb_status add_scenario(smb__loader *ld, const json_t *obj, const char **id_out)
{
    const json_t *id, *title, *source, *direction, *later;
    smb_status st;
    if ((st = smb__ld_require(ld, obj, "id", &id)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "title", &title)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "source", &source)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "direction", &direction)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "likelihood", &later)) != SMB_OK ||
        (st = smb__ld_require(ld, obj, "impact", &later)) != SMB_OK)
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

    const char *sources[SMB_SOURCE_COUNT], *directions[SMB_DIRECTION_COUNT];
    source_keys(sources);
    direction_keys(directions);
    size_t s = 0, d = 0;
    smb__ld_push_key(ld, "source");
    st = smb__ld_one_of(ld, source, sources, SMB_SOURCE_COUNT, &s);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;
    smb__ld_push_key(ld, "direction");
    st = smb__ld_one_of(ld, direction, directions, SMB_DIRECTION_COUNT, &d);
    smb__ld_pop(ld);
    if (st != SMB_OK)
        return st;

    const char *ids = json_string_value(id);
    st = smb_scenarios_add(ld->scenarios, ids, json_string_value(title), (smb_source)s,
                           (smb_direction)d, 0.0, SMB_IMPACT_MIN);
    if (st == SMB_EEXIST) {
        const smb_scenario *first = smb_scenarios_find(ld->scenarios, ids);
        smb__ld_push_key(ld, "id");
        st = smb__ld_fail(ld, SMB_EEXIST, "duplicate id '%s' (first used at $.scenarios[%zu])",
                          ids, first ? smb_scenario_index(first) : 0);
        smb__ld_pop(ld);
    } else if (st != SMB_OK) {
        st = smb__ld_api(ld, st);
    }
    *id_out = ids;
    return st;
}

static const smb__ld_entries scenario_entries = {
    "scenarios", "scenario", scenario_keys, sizeof scenario_keys / sizeof scenario_keys[0],
    "a scenario has id, title, description, source, kind, direction, likelihood, impact, "
    "money, horizon_months, blocks, shifts and mitigated_by",
    add_scenario, load_field,
};

smb_status smb__ld_scenarios(smb__loader *ld, const json_t *section)
{
    smb_status st = smb__ld_expect_array(ld, section, "scenarios");
    if (st == SMB_OK)
        st = smb_scenarios_new(&ld->scenarios);
    if (st == SMB_OK)
        st = smb__ld_each_entry(ld, section, &scenario_entries);
    ld->scenarios_json = section;
    return st;
}

/* ---- shifted drivers (once every section is loaded) --------------------------- */

static smb_status check_driver(smb__loader *ld, const json_t *shift)
{
    /* Force and driver were checked as the scenario loaded. */
    smb_force force = SMB_FORCE_NEW_ENTRANTS;
    (void)smb_force_from_key(json_string_value(json_object_get(shift, "force")), &force);
    const char *driver = json_string_value(json_object_get(shift, "driver"));
    if (smb_forces_find_driver(ld->forces, force, driver))
        return SMB_OK;
    char list[SMB__LD_LIST_CAP];
    list[0] = '\0';
    for (size_t i = 0; i < smb_forces_driver_count(ld->forces, force); i++)
        smb__ld_list_add(list, sizeof list,
                         smb_driver_key(smb_forces_driver_at(ld->forces, force, i)));
    smb__ld_push_key(ld, "driver");
    smb_status st = smb__ld_fail(ld, SMB_ENOTFOUND,
                                 "the forces section has no driver '%s' in %s (its drivers: %s)",
                                 driver, smb_force_key(force), list);
    smb__ld_pop(ld);
    return st;
}

smb_status smb__ld_link_scenarios(smb__loader *ld)
{
    if (!ld->scenarios_json || !ld->forces)
        return SMB_OK;
    smb__ld_push_key(ld, "scenarios");
    smb_status st = SMB_OK;
    size_t i;
    json_t *obj;
    json_array_foreach(ld->scenarios_json, i, obj) {
        const json_t *shifts = json_object_get(obj, "shifts");
        size_t j;
        json_t *shift;
        json_array_foreach(shifts, j, shift) {
            smb__ld_push_index(ld, i);
            smb__ld_push_key(ld, "shifts");
            smb__ld_push_index(ld, j);
            st = check_driver(ld, shift);
            ld->depth -= 3;
            if (st != SMB_OK)
                goto done;
        }
    }
done:
    smb__ld_pop(ld);
    return st;
}

/* ---- saving ------------------------------------------------------------------- */

static void put_estimate(smb_buf *b, int level, const smb_estimate *e)
{
    if (e->dist == SMB_DIST_POINT) {
        smb__doc_put_number(b, e->mode);
        return;
    }
    bool first = true;
    smb__buf_puts(b, "{");
    smb__doc_member(b, level + 1, &first, "dist");
    smb__doc_put_string(b, smb_dist_key(e->dist));
    smb__doc_member(b, level + 1, &first, "min");
    smb__doc_put_number(b, e->min);
    if (!mode_implied(e->dist)) {
        smb__doc_member(b, level + 1, &first, "mode");
        smb__doc_put_number(b, e->mode);
    }
    smb__doc_member(b, level + 1, &first, "max");
    smb__doc_put_number(b, e->max);
    smb__doc_end(b, level, first, "}");
}

static void put_kind(smb_buf *b, int level, unsigned kind)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (unsigned k = 0; k < KIND_COUNT; k++) {
        if (!(kind & (1u << k)))
            continue;
        smb__doc_element(b, level + 1, &first);
        smb__doc_put_string(b, smb_scenario_kind_key(1u << k));
    }
    smb__doc_end(b, level, first, "]");
}

static void put_blocks(smb_buf *b, int level, const smb_scenario *sc)
{
    bool first = true;
    smb__buf_puts(b, "{");
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        double w = smb_scenario_block_weight(sc, (smb_block)k);
        if (w == 0)
            continue;
        smb__doc_member(b, level + 1, &first, smb_block_key((smb_block)k));
        smb__doc_put_number(b, w);
    }
    smb__doc_end(b, level, first, "}");
}

static void put_shifts(smb_buf *b, int level, const smb_scenario *sc)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (size_t i = 0; i < smb_scenario_shift_count(sc); i++) {
        const smb_driver_shift *s = smb_scenario_shift_at(sc, i);
        bool first_field = true;
        smb__doc_element(b, level + 1, &first);
        smb__buf_puts(b, "{");
        smb__doc_member(b, level + 2, &first_field, "force");
        smb__doc_put_string(b, smb_force_key(s->force));
        smb__doc_member(b, level + 2, &first_field, "driver");
        smb__doc_put_string(b, s->driver);
        smb__doc_member(b, level + 2, &first_field, "delta");
        smb__doc_put_number(b, s->delta);
        smb__doc_end(b, level + 1, first_field, "}");
    }
    smb__doc_end(b, level, first, "]");
}

static void put_mitigators(smb_buf *b, int level, unsigned mitigators)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        if (!(mitigators & SMB_CAPABILITY_BIT(c)))
            continue;
        smb__doc_element(b, level + 1, &first);
        smb__doc_put_string(b, smb_capability_key((smb_capability)c));
    }
    smb__doc_end(b, level, first, "]");
}

static void put_scenario(smb_buf *b, int level, const smb_scenario *sc)
{
    bool first = true;
    int in = level + 1;
    smb__buf_puts(b, "{");
    smb__doc_member(b, in, &first, "id");
    smb__doc_put_string(b, smb_scenario_id(sc));
    smb__doc_member(b, in, &first, "title");
    smb__doc_put_string(b, smb_scenario_title(sc));
    if (smb_scenario_description(sc)) {
        smb__doc_member(b, in, &first, "description");
        smb__doc_put_string(b, smb_scenario_description(sc));
    }
    smb__doc_member(b, in, &first, "source");
    smb__doc_put_string(b, smb_source_key(smb_scenario_source(sc)));
    if (smb_scenario_kind(sc)) {
        smb__doc_member(b, in, &first, "kind");
        put_kind(b, in, smb_scenario_kind(sc));
    }
    smb__doc_member(b, in, &first, "direction");
    smb__doc_put_string(b, smb_direction_key(smb_scenario_direction(sc)));
    smb__doc_member(b, in, &first, "likelihood");
    put_estimate(b, in, smb_scenario_likelihood(sc));
    smb__doc_member(b, in, &first, "impact");
    put_estimate(b, in, smb_scenario_impact(sc));
    if (smb_scenario_money(sc)) {
        smb__doc_member(b, in, &first, "money");
        put_estimate(b, in, smb_scenario_money(sc));
    }
    smb__doc_member(b, in, &first, "horizon_months");
    smb__doc_put_number(b, smb_scenario_horizon(sc));
    if (smb_scenario_block_count(sc) > 0) {
        smb__doc_member(b, in, &first, "blocks");
        put_blocks(b, in, sc);
    }
    if (smb_scenario_shift_count(sc) > 0) {
        smb__doc_member(b, in, &first, "shifts");
        put_shifts(b, in, sc);
    }
    if (smb_scenario_has_mitigators(sc)) {
        smb__doc_member(b, in, &first, "mitigated_by");
        put_mitigators(b, in, smb_scenario_mitigators(sc));
    }
    smb__doc_end(b, level, first, "}");
}

void smb__doc_save_scenarios(smb_buf *b, int level, const smb_scenarios *scenarios)
{
    bool first = true;
    smb__buf_puts(b, "[");
    for (size_t i = 0; i < smb_scenarios_count(scenarios); i++) {
        smb__doc_element(b, level + 1, &first);
        put_scenario(b, level + 1, smb_scenarios_at(scenarios, i));
    }
    smb__doc_end(b, level, first, "]");
}
