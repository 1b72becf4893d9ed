/* SPDX-License-Identifier: MIT */
/* The scenario model: a set of scenarios, its scoring settings, and every
 * change to a scenario.
 *
 * Every mutation checks its arguments, then makes every allocation it needs,
 * and only then changes the set, by steps that cannot fail. */
#include <stdio.h>
#include <string.h>

#include "scenario_impl.h"

typedef struct smb_scenario scen_t;

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4, FIELD_CAP = 2 * SMB_MAX_ID_LENGTH + 96 };

/* The pairs of kind flags of which at most one may be set. */
static const unsigned kind_pairs[][2] = {
    {SMB_SCENARIO_TECHNOLOGICAL, SMB_SCENARIO_BUSINESS_MODEL},
    {SMB_SCENARIO_SUSTAINING, SMB_SCENARIO_DISRUPTIVE},
    {SMB_SCENARIO_OPERATIONAL, SMB_SCENARIO_STRATEGIC},
};

/* ---- small helpers ------------------------------------------------------- */

static smb_status null_arg(const char *what)
{
    return smb__fail(SMB_EINVAL, "%s: must not be NULL", what);
}

/* "scenario 'delivery-apps' horizon_months", the field name of messages. */
static const char *field_name(char *buf, size_t cap, const scen_t *sc, const char *field)
{
    snprintf(buf, cap, "scenario '%s' %s", sc->id, field);
    return buf;
}

static bool source_ok(smb_source s)
{
    return (int)s >= 0 && (int)s < SMB_SOURCE_COUNT;
}

static bool direction_ok(smb_direction d)
{
    return (int)d >= 0 && (int)d < SMB_DIRECTION_COUNT;
}

static bool block_ok(smb_block b)
{
    return (int)b >= 0 && (int)b < SMB_BLOCK_COUNT;
}

static smb_status bad_enum(const char *field, int value, int count)
{
    return smb__fail(SMB_EINVAL, "%s: %d is not valid (0 to %d)", field, value, count - 1);
}

/* Find a scenario for a mutation or a lookup, recording why when there is none. */
static smb_status find(const smb_scenarios *set, const char *id, scen_t **out)
{
    if (!set)
        return null_arg("set");
    if (!id)
        return null_arg("id");
    scen_t *sc = smb__idmap_find(&set->ids, id);
    if (!sc) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "no scenario '%s'", smb__show(shown, sizeof shown, id));
    }
    *out = sc;
    return SMB_OK;
}

static smb_estimate point(double value)
{
    return (smb_estimate){.dist = SMB_DIST_POINT, .min = value, .mode = value, .max = value};
}

static void scen_free(scen_t *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->shift_count; i++)
        smb__free(sc->shifts[i].key);
    smb__free(sc->shifts);
    smb__free(sc->title);
    smb__free(sc->description);
    smb__free(sc);
}

static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* ---- life cycle ---------------------------------------------------------- */

smb_status smb_scenarios_new(smb_scenarios **out)
{
    if (!out)
        return null_arg("out");
    smb_scenarios *set = smb__calloc(1, sizeof *set);
    if (!set)
        return smb__nomem();
    smb__idmap_init(&set->ids);
    set->mitigation = SMB_DEFAULT_MITIGATION;
    set->half_life = SMB_DEFAULT_HALF_LIFE_MONTHS;
    *out = set;
    return SMB_OK;
}

void smb_scenarios_free(smb_scenarios *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        scen_free(set->items[i]);
    smb__free(set->items);
    smb__idmap_free(&set->ids);
    smb__free(set);
}

static scen_t *scen_copy(const scen_t *from)
{
    scen_t *to = smb__calloc(1, sizeof *to);
    if (!to)
        return NULL;
    *to = *from;
    to->title = NULL;
    to->description = NULL;
    to->shifts = NULL;
    to->shift_count = to->shift_cap = 0;
    if (!(to->title = smb__strdup(from->title)) ||
        (from->description && !(to->description = smb__strdup(from->description))))
        goto fail;
    if (from->shift_count) {
        to->shifts = smb__calloc(from->shift_count, sizeof *to->shifts);
        if (!to->shifts)
            goto fail;
        to->shift_cap = from->shift_count;
        for (size_t i = 0; i < from->shift_count; i++) {
            smb__shift *s = &to->shifts[i];
            *s = from->shifts[i];
            if (!(s->key = smb__strdup(from->shifts[i].key)))
                goto fail;
            s->pub.driver = s->key;
            to->shift_count++;
        }
    }
    return to;
fail:
    scen_free(to);
    return NULL;
}

smb_status smb_scenarios_copy(const smb_scenarios *set, smb_scenarios **out)
{
    if (!set)
        return null_arg("set");
    if (!out)
        return null_arg("out");
    smb_scenarios *copy = NULL;
    smb_status st = smb_scenarios_new(&copy);
    if (st != SMB_OK)
        return st;
    copy->mitigation = set->mitigation;
    copy->half_life = set->half_life;
    if (set->count) {
        copy->items = smb__calloc(set->count, sizeof *copy->items);
        if (!copy->items || smb__idmap_reserve(&copy->ids, set->count) != SMB_OK)
            goto nomem;
        copy->cap = set->count;
        for (size_t i = 0; i < set->count; i++) {
            scen_t *sc = scen_copy(set->items[i]);
            if (!sc)
                goto nomem;
            copy->items[copy->count++] = sc;
            smb__idmap_insert_reserved(&copy->ids, sc->id, sc);
        }
    }
    *out = copy;
    return SMB_OK;
nomem:
    smb_scenarios_free(copy);
    return smb__nomem();
}

static bool scen_equal(const scen_t *a, const scen_t *b)
{
    if (strcmp(a->id, b->id) != 0 || strcmp(a->title, b->title) != 0 ||
        !same_text(a->description, b->description) || a->source != b->source ||
        a->direction != b->direction || a->kind != b->kind ||
        !smb__estimate_equal(&a->likelihood, &b->likelihood) ||
        !smb__estimate_equal(&a->impact, &b->impact) || a->has_money != b->has_money ||
        (a->has_money && !smb__estimate_equal(&a->money, &b->money)) || a->horizon != b->horizon ||
        a->has_mitigators != b->has_mitigators ||
        (a->has_mitigators && a->mitigators != b->mitigators) ||
        a->shift_count != b->shift_count)
        return false;
    for (int k = 0; k < SMB_BLOCK_COUNT; k++)
        if (a->block_weight[k] != b->block_weight[k])
            return false;
    for (size_t i = 0; i < a->shift_count; i++) {
        const smb_driver_shift *x = &a->shifts[i].pub, *y = &b->shifts[i].pub;
        if (x->force != y->force || x->delta != y->delta || strcmp(x->driver, y->driver) != 0)
            return false;
    }
    return true;
}

int smb_scenarios_equal(const smb_scenarios *a, const smb_scenarios *b)
{
    if (!a || !b)
        return a == b;
    if (a->mitigation != b->mitigation || a->half_life != b->half_life || a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (!scen_equal(a->items[i], b->items[i]))
            return 0;
    return 1;
}

/* ---- settings ------------------------------------------------------------ */

double smb_scenarios_mitigation(const smb_scenarios *set)
{
    return set ? set->mitigation : 0.0;
}

smb_status smb_scenarios_set_mitigation(smb_scenarios *set, double mitigation)
{
    if (!set)
        return null_arg("set");
    if (!(mitigation >= 0 && mitigation <= 1))
        return smb__fail(SMB_ERANGE, "mitigation: must be a number from 0 to 1, got %g", mitigation);
    set->mitigation = mitigation;
    return SMB_OK;
}

double smb_scenarios_half_life(const smb_scenarios *set)
{
    return set ? set->half_life : 0.0;
}

/* Horizons and half-lives share their range: above 0, at most a century. */
static smb_status check_months(const char *field, double months)
{
    if (!(months > 0 && months <= SMB_MAX_HORIZON_MONTHS))
        return smb__fail(SMB_ERANGE, "%s: must be a number of months above 0 and at most %g, got %g",
                         field, SMB_MAX_HORIZON_MONTHS, months);
    return SMB_OK;
}

smb_status smb_scenarios_set_half_life(smb_scenarios *set, double months)
{
    if (!set)
        return null_arg("set");
    smb_status st = check_months("half_life_months", months);
    if (st != SMB_OK)
        return st;
    set->half_life = months;
    return SMB_OK;
}

/* ---- scenarios ----------------------------------------------------------- */

smb_status smb_scenarios_add(smb_scenarios *set, const char *id, const char *title,
                             smb_source source, smb_direction direction, double likelihood,
                             double impact)
{
    if (!set)
        return null_arg("set");
    smb_status st = smb__check_id(id);
    if (st != SMB_OK)
        return st;
    char shown[SHOW_CAP], field[FIELD_CAP];
    if (smb__idmap_find(&set->ids, id))
        return smb__fail(SMB_EEXIST, "scenario id '%s' is already taken",
                         smb__show(shown, sizeof shown, id));
    snprintf(field, sizeof field, "scenario '%s' title", id);
    if ((st = smb__check_text(field, title, false)) != SMB_OK)
        return st;
    if (!source_ok(source)) {
        snprintf(field, sizeof field, "scenario '%s' source", id);
        return bad_enum(field, (int)source, SMB_SOURCE_COUNT);
    }
    if (!direction_ok(direction)) {
        snprintf(field, sizeof field, "scenario '%s' direction", id);
        return bad_enum(field, (int)direction, SMB_DIRECTION_COUNT);
    }
    smb_estimate p = point(likelihood), s = point(impact);
    snprintf(field, sizeof field, "scenario '%s' likelihood", id);
    if ((st = smb__estimate_check(field, &p, 0.0, 1.0, NULL)) != SMB_OK)
        return st;
    snprintf(field, sizeof field, "scenario '%s' impact", id);
    if ((st = smb__estimate_check(field, &s, SMB_IMPACT_MIN, SMB_IMPACT_MAX, NULL)) != SMB_OK)
        return st;
    if (set->count >= SMB_MAX_SCENARIOS)
        return smb__fail(SMB_ELIMIT, "scenario '%s': the set already holds %d scenarios, the most allowed",
                         id, SMB_MAX_SCENARIOS);

    /* A grown array is kept when a later step fails (it is only spare
     * room), but an array allocated afresh is given back, so that a failed
     * call leaves the set exactly as it was. */
    bool fresh_items = set->items == NULL;
    scen_t *sc = smb__calloc(1, sizeof *sc);
    if (!sc || !(sc->title = smb__strdup(title)) ||
        smb__reserve((void **)&set->items, &set->cap, set->count + 1, sizeof *set->items) != SMB_OK ||
        smb__idmap_reserve(&set->ids, set->count + 1) != SMB_OK) {
        if (fresh_items && set->items) {
            smb__free(set->items);
            set->items = NULL;
            set->cap = 0;
        }
        scen_free(sc);
        return smb__nomem();
    }
    memcpy(sc->id, id, strlen(id) + 1);
    sc->source = source;
    sc->direction = direction;
    sc->likelihood = p;
    sc->impact = s;
    sc->horizon = SMB_DEFAULT_HORIZON_MONTHS;
    sc->index = set->count;
    set->items[set->count++] = sc;
    smb__idmap_insert_reserved(&set->ids, sc->id, sc);
    return SMB_OK;
}

smb_status smb_scenarios_remove(smb_scenarios *set, const char *id)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    smb__idmap_remove(&set->ids, sc->id);
    for (size_t i = sc->index + 1; i < set->count; i++) {
        set->items[i - 1] = set->items[i];
        set->items[i - 1]->index = i - 1;
    }
    set->count--;
    scen_free(sc);
    return SMB_OK;
}

size_t smb_scenarios_count(const smb_scenarios *set)
{
    return set ? set->count : 0;
}

const smb_scenario *smb_scenarios_at(const smb_scenarios *set, size_t index)
{
    return set && index < set->count ? set->items[index] : NULL;
}

const smb_scenario *smb_scenarios_find(const smb_scenarios *set, const char *id)
{
    return set && id ? smb__idmap_find(&set->ids, id) : NULL;
}

smb_status smb_scenarios_get(const smb_scenarios *set, const char *id, const smb_scenario **out)
{
    if (!out)
        return null_arg("out");
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    *out = sc;
    return SMB_OK;
}

/* ---- accessors ----------------------------------------------------------- */

const char *smb_scenario_id(const smb_scenario *scenario)
{
    return scenario ? scenario->id : NULL;
}

size_t smb_scenario_index(const smb_scenario *scenario)
{
    return scenario ? scenario->index : 0;
}

const char *smb_scenario_title(const smb_scenario *scenario)
{
    return scenario ? scenario->title : NULL;
}

const char *smb_scenario_description(const smb_scenario *scenario)
{
    return scenario ? scenario->description : NULL;
}

smb_source smb_scenario_source(const smb_scenario *scenario)
{
    return scenario ? scenario->source : SMB_SOURCE_NONE;
}

smb_direction smb_scenario_direction(const smb_scenario *scenario)
{
    return scenario ? scenario->direction : SMB_DIRECTION_NONE;
}

unsigned smb_scenario_kind(const smb_scenario *scenario)
{
    return scenario ? scenario->kind : 0u;
}

const smb_estimate *smb_scenario_likelihood(const smb_scenario *scenario)
{
    return scenario ? &scenario->likelihood : NULL;
}

const smb_estimate *smb_scenario_impact(const smb_scenario *scenario)
{
    return scenario ? &scenario->impact : NULL;
}

const smb_estimate *smb_scenario_money(const smb_scenario *scenario)
{
    return scenario && scenario->has_money ? &scenario->money : NULL;
}

double smb_scenario_horizon(const smb_scenario *scenario)
{
    return scenario ? scenario->horizon : 0.0;
}

double smb_scenario_block_weight(const smb_scenario *scenario, smb_block block)
{
    return scenario && block_ok(block) ? scenario->block_weight[block] : 0.0;
}

size_t smb_scenario_block_count(const smb_scenario *scenario)
{
    size_t n = 0;
    for (int k = 0; scenario && k < SMB_BLOCK_COUNT; k++)
        n += scenario->block_weight[k] > 0;
    return n;
}

size_t smb_scenario_shift_count(const smb_scenario *scenario)
{
    return scenario ? scenario->shift_count : 0;
}

const smb_driver_shift *smb_scenario_shift_at(const smb_scenario *scenario, size_t index)
{
    return scenario && index < scenario->shift_count ? &scenario->shifts[index].pub : NULL;
}

unsigned smb_scenario_mitigators(const smb_scenario *scenario)
{
    if (!scenario)
        return 0u;
    return scenario->has_mitigators ? scenario->mitigators : smb_source_mitigators(scenario->source);
}

int smb_scenario_has_mitigators(const smb_scenario *scenario)
{
    return scenario ? scenario->has_mitigators : 0;
}

/* ---- updating scenarios -------------------------------------------------- */

/* Replace *slot with a copy of text, checked as `field`; NULL or "" clears
 * when `optional`. */
static smb_status replace_text(char **slot, const char *field, const char *text, bool optional)
{
    if (optional && (!text || !*text)) {
        smb__free(*slot);
        *slot = NULL;
        return SMB_OK;
    }
    smb_status st = smb__check_text(field, text, false);
    if (st != SMB_OK)
        return st;
    char *copy = smb__strdup(text);
    if (!copy)
        return smb__nomem();
    smb__free(*slot);
    *slot = copy;
    return SMB_OK;
}

smb_status smb_scenarios_set_title(smb_scenarios *set, const char *id, const char *title)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    return replace_text(&sc->title, field_name(field, sizeof field, sc, "title"), title, false);
}

smb_status smb_scenarios_set_description(smb_scenarios *set, const char *id,
                                         const char *description)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    return replace_text(&sc->description, field_name(field, sizeof field, sc, "description"),
                        description, true);
}

smb_status smb_scenarios_set_source(smb_scenarios *set, const char *id, smb_source source)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!source_ok(source))
        return bad_enum(field_name(field, sizeof field, sc, "source"), (int)source,
                        SMB_SOURCE_COUNT);
    sc->source = source;
    return SMB_OK;
}

smb_status smb_scenarios_set_direction(smb_scenarios *set, const char *id, smb_direction direction)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!direction_ok(direction))
        return bad_enum(field_name(field, sizeof field, sc, "direction"), (int)direction,
                        SMB_DIRECTION_COUNT);
    sc->direction = direction;
    return SMB_OK;
}

smb_status smb_scenarios_set_kind(smb_scenarios *set, const char *id, unsigned kind)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    field_name(field, sizeof field, sc, "kind");
    if (kind & ~SMB_SCENARIO_KIND_ALL)
        return smb__fail(SMB_EINVAL, "%s: unknown flag bits 0x%x", field, kind & ~SMB_SCENARIO_KIND_ALL);
    for (size_t i = 0; i < sizeof kind_pairs / sizeof kind_pairs[0]; i++) {
        unsigned a = kind_pairs[i][0], b = kind_pairs[i][1];
        if ((kind & a) && (kind & b))
            return smb__fail(SMB_EINVAL, "%s: both %s and %s; choose one of the two", field,
                             smb_scenario_kind_key(a), smb_scenario_kind_key(b));
    }
    sc->kind = kind;
    return SMB_OK;
}

/* The three estimates of a scenario, for the one setter they share. */
typedef enum estimate_field { LIKELIHOOD, IMPACT, MONEY } estimate_field;

static smb_status set_estimate(smb_scenarios *set, const char *id, estimate_field which,
                               const smb_estimate *in)
{
    /* A lognormal has no upper end: only money, unbounded in principle,
     * may take one; probabilities and 1–5 severities are bounded. */
    static const struct {
        const char *name;
        double lo, hi;
        bool lognormal_ok;
    } fields[] = {
        [LIKELIHOOD] = {"likelihood", 0.0, 1.0, false},
        [IMPACT] = {"impact", SMB_IMPACT_MIN, SMB_IMPACT_MAX, false},
        [MONEY] = {"money", 0.0, SMB_MAX_AMOUNT, true},
    };
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    field_name(field, sizeof field, sc, fields[which].name);
    if (in && in->dist == SMB_DIST_LOGNORMAL && !fields[which].lognormal_ok)
        return smb__fail(SMB_EINVAL, "%s.dist: lognormal is only for money amounts", field);
    smb_estimate checked;
    st = smb__estimate_check(field, in, fields[which].lo, fields[which].hi, &checked);
    if (st != SMB_OK)
        return st;
    switch (which) {
    case LIKELIHOOD:
        sc->likelihood = checked;
        break;
    case IMPACT:
        sc->impact = checked;
        break;
    case MONEY:
        sc->money = checked;
        sc->has_money = true;
        break;
    }
    return SMB_OK;
}

smb_status smb_scenarios_set_likelihood(smb_scenarios *set, const char *id,
                                        const smb_estimate *likelihood)
{
    return set_estimate(set, id, LIKELIHOOD, likelihood);
}

smb_status smb_scenarios_set_impact(smb_scenarios *set, const char *id, const smb_estimate *impact)
{
    return set_estimate(set, id, IMPACT, impact);
}

smb_status smb_scenarios_set_money(smb_scenarios *set, const char *id, const smb_estimate *money)
{
    return set_estimate(set, id, MONEY, money);
}

smb_status smb_scenarios_clear_money(smb_scenarios *set, const char *id)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    sc->has_money = false;
    sc->money = (smb_estimate){0};
    return SMB_OK;
}

smb_status smb_scenarios_set_horizon(smb_scenarios *set, const char *id, double months)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    st = check_months(field_name(field, sizeof field, sc, "horizon_months"), months);
    if (st != SMB_OK)
        return st;
    sc->horizon = months;
    return SMB_OK;
}

/* Find the scenario and check the block of a block call. */
static smb_status find_block(smb_scenarios *set, const char *id, smb_block block, scen_t **out)
{
    smb_status st = find(set, id, out);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!block_ok(block))
        return bad_enum(field_name(field, sizeof field, *out, "block"), (int)block,
                        SMB_BLOCK_COUNT);
    return SMB_OK;
}

smb_status smb_scenarios_hit_block(smb_scenarios *set, const char *id, smb_block block,
                                   double weight)
{
    scen_t *sc = NULL;
    smb_status st = find_block(set, id, block, &sc);
    if (st != SMB_OK)
        return st;
    if (!(weight > 0 && weight <= SMB_SCENARIO_MAX_WEIGHT))
        return smb__fail(SMB_ERANGE,
                         "scenario '%s' blocks.%s: weight must be a number above 0 and at most %g, got %g",
                         sc->id, smb_block_key(block), SMB_SCENARIO_MAX_WEIGHT, weight);
    sc->block_weight[block] = weight;
    return SMB_OK;
}

smb_status smb_scenarios_clear_block(smb_scenarios *set, const char *id, smb_block block)
{
    scen_t *sc = NULL;
    smb_status st = find_block(set, id, block, &sc);
    if (st != SMB_OK)
        return st;
    if (sc->block_weight[block] == 0)
        return smb__fail(SMB_ENOTFOUND, "scenario '%s' does not hit block '%s'", sc->id,
                         smb_block_key(block));
    sc->block_weight[block] = 0;
    return SMB_OK;
}

/* The index of the scenario's shift of (force, key), or shift_count. */
static size_t shift_index(const scen_t *sc, smb_force force, const char *key)
{
    size_t i = 0;
    while (i < sc->shift_count &&
           (sc->shifts[i].pub.force != force || strcmp(sc->shifts[i].key, key) != 0))
        i++;
    return i;
}

/* Find the scenario and check the force and driver key of a shift call. */
static smb_status find_shift_args(smb_scenarios *set, const char *id, smb_force force,
                                  const char *driver, scen_t **out)
{
    smb_status st = find(set, id, out);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!smb_force_key(force))
        return bad_enum(field_name(field, sizeof field, *out, "shift force"), (int)force,
                        SMB_FORCE_COUNT);
    if (!driver)
        return null_arg("driver");
    return SMB_OK;
}

smb_status smb_scenarios_add_shift(smb_scenarios *set, const char *id, smb_force force,
                                   const char *driver, double delta)
{
    scen_t *sc = NULL;
    smb_status st = find_shift_args(set, id, force, driver, &sc);
    if (st != SMB_OK)
        return st;
    st = smb__check_id(driver);
    if (st != SMB_OK) {
        /* Say which field the key belongs to; copy the message first, as a
         * new failure overwrites it. */
        char why[FIELD_CAP];
        snprintf(why, sizeof why, "%s", smb_last_error());
        return smb__fail(st, "scenario '%s' shift driver: %s", sc->id, why);
    }
    if (!(delta >= -SMB_SHIFT_MAX_DELTA && delta <= SMB_SHIFT_MAX_DELTA))
        return smb__fail(SMB_ERANGE,
                         "scenario '%s' shift %s/%s delta: must be a number from -%g to %g, got %g",
                         sc->id, smb_force_key(force), driver, SMB_SHIFT_MAX_DELTA,
                         SMB_SHIFT_MAX_DELTA, delta);
    if (shift_index(sc, force, driver) < sc->shift_count)
        return smb__fail(SMB_EEXIST, "scenario '%s' already shifts %s/%s", sc->id,
                         smb_force_key(force), driver);
    if (sc->shift_count >= SMB_MAX_SHIFTS)
        return smb__fail(SMB_ELIMIT, "scenario '%s' shifts: at most %d drivers", sc->id,
                         SMB_MAX_SHIFTS);
    char *key = smb__strdup(driver);
    if (!key || smb__reserve((void **)&sc->shifts, &sc->shift_cap, sc->shift_count + 1,
                             sizeof *sc->shifts) != SMB_OK) {
        smb__free(key);
        return smb__nomem();
    }
    smb__shift *s = &sc->shifts[sc->shift_count++];
    *s = (smb__shift){.pub = {.force = force, .driver = key, .delta = delta}, .key = key};
    return SMB_OK;
}

smb_status smb_scenarios_remove_shift(smb_scenarios *set, const char *id, smb_force force,
                                      const char *driver)
{
    scen_t *sc = NULL;
    smb_status st = find_shift_args(set, id, force, driver, &sc);
    if (st != SMB_OK)
        return st;
    size_t i = shift_index(sc, force, driver);
    if (i == sc->shift_count) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "scenario '%s' does not shift %s/%s", sc->id,
                         smb_force_key(force), smb__show(shown, sizeof shown, driver));
    }
    smb__free(sc->shifts[i].key);
    memmove(&sc->shifts[i], &sc->shifts[i + 1], (sc->shift_count - i - 1) * sizeof *sc->shifts);
    sc->shift_count--;
    return SMB_OK;
}

smb_status smb_scenarios_set_mitigators(smb_scenarios *set, const char *id, unsigned capabilities)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    st = smb__check_capabilities(field_name(field, sizeof field, sc, "mitigated_by"), capabilities);
    if (st != SMB_OK)
        return st;
    sc->mitigators = capabilities;
    sc->has_mitigators = true;
    return SMB_OK;
}

smb_status smb_scenarios_clear_mitigators(smb_scenarios *set, const char *id)
{
    scen_t *sc = NULL;
    smb_status st = find(set, id, &sc);
    if (st != SMB_OK)
        return st;
    sc->mitigators = 0;
    sc->has_mitigators = false;
    return SMB_OK;
}
