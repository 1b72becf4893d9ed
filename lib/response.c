/* SPDX-License-Identifier: MIT */
/* The response model: a set of responses, the ranking criteria and their
 * weights, and every change to them.
 *
 * Every mutation checks its arguments, then makes every allocation it needs,
 * and only then changes the set, by steps that cannot fail. */
#include <stdio.h>
#include <string.h>

#include "response_impl.h"

typedef struct smb_response resp_t;

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4, FIELD_CAP = 2 * SMB_MAX_ID_LENGTH + 96 };

/* ---- keys and titles ----------------------------------------------------- */

static const struct {
    const char *key;
    const char *title;
} kind_names[] = {
    [SMB_RESPONSE_DIGITAL_CHANNEL] = {"digital_channel", "Digital channel"},
    [SMB_RESPONSE_AUTOMATION] = {"automation", "Automation"},
    [SMB_RESPONSE_PERSONALISATION] = {"personalisation", "Personalisation and customer experience"},
    [SMB_RESPONSE_BUSINESS_MODEL] = {"business_model", "Business-model change"},
    [SMB_RESPONSE_PARTNERSHIP] = {"partnership", "Partnership"},
    [SMB_RESPONSE_CAPABILITY_BUILDING] = {"capability_building", "Capability building"},
};
_Static_assert(sizeof kind_names / sizeof kind_names[0] == SMB_RESPONSE_KIND_COUNT,
               "one row per kind");

/* The built-in criteria, in their fixed order; the four idea criteria come
 * last, in smb_idea_criterion order, so that criterion IDEA_BASE + c is
 * idea criterion c. */
enum { IDEA_BASE = 3 };
static const struct {
    const char *key;
    const char *title;
    smb_criterion_direction direction;
} builtin[SMB_BUILTIN_CRITERIA] = {
    {"exposure_reduction", "Exposure reduction", SMB_CRITERION_BENEFIT},
    {"cost", "Cost", SMB_CRITERION_COST},
    {"months", "Months to implement", SMB_CRITERION_COST},
    {"feasibility", "Feasibility", SMB_CRITERION_BENEFIT},
    {"viability", "Viability", SMB_CRITERION_BENEFIT},
    {"desirability", "Desirability", SMB_CRITERION_BENEFIT},
    {"strategic_alignment", "Strategic alignment", SMB_CRITERION_BENEFIT},
};
_Static_assert(IDEA_BASE + SMB_IDEA_COUNT == SMB_BUILTIN_CRITERIA, "idea criteria come last");

static const char *const rank_keys[] = {[SMB_RANK_WEIGHTED_SUM] = "weighted_sum",
                                        [SMB_RANK_TOPSIS] = "topsis"};
_Static_assert(sizeof rank_keys / sizeof rank_keys[0] == SMB_RANK_METHOD_COUNT, "one key per method");
static const char *const plan_keys[] = {[SMB_PLAN_EXACT] = "exact", [SMB_PLAN_GREEDY] = "greedy"};
_Static_assert(sizeof plan_keys / sizeof plan_keys[0] == SMB_PLAN_METHOD_COUNT, "one key per method");

static bool in_range(int value, int count)
{
    return value >= 0 && value < count;
}

/* Look `key` up among `count` keys, the table read through `at`. */
static smb_status from_key(const char *what, const char *list, const char *key, int count,
                           const char *(*at)(int), int *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int i = 0; i < count; i++) {
        if (strcmp(key, at(i)) == 0) {
            *out = i;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no %s '%s' (%s)", what, smb__show(shown, sizeof shown, key),
                     list);
}

const char *smb_response_kind_key(smb_response_kind kind)
{
    return in_range((int)kind, SMB_RESPONSE_KIND_COUNT) ? kind_names[kind].key : NULL;
}

const char *smb_response_kind_title(smb_response_kind kind)
{
    return in_range((int)kind, SMB_RESPONSE_KIND_COUNT) ? kind_names[kind].title : NULL;
}

static const char *kind_at(int i)
{
    return kind_names[i].key;
}

smb_status smb_response_kind_from_key(const char *key, smb_response_kind *out)
{
    int v = 0;
    smb_status st = from_key("response kind",
                             "digital_channel, automation, personalisation, business_model, "
                             "partnership, capability_building",
                             key, SMB_RESPONSE_KIND_COUNT, kind_at, out ? &v : NULL);
    if (st == SMB_OK)
        *out = (smb_response_kind)v;
    return st;
}

const char *smb_idea_criterion_key(smb_idea_criterion criterion)
{
    return in_range((int)criterion, SMB_IDEA_COUNT) ? builtin[IDEA_BASE + criterion].key : NULL;
}

static const char *idea_at(int i)
{
    return builtin[IDEA_BASE + i].key;
}

smb_status smb_idea_criterion_from_key(const char *key, smb_idea_criterion *out)
{
    int v = 0;
    smb_status st = from_key("idea criterion",
                             "feasibility, viability, desirability, strategic_alignment", key,
                             SMB_IDEA_COUNT, idea_at, out ? &v : NULL);
    if (st == SMB_OK)
        *out = (smb_idea_criterion)v;
    return st;
}

const char *smb_rank_method_key(smb_rank_method method)
{
    return in_range((int)method, SMB_RANK_METHOD_COUNT) ? rank_keys[method] : NULL;
}

static const char *rank_at(int i)
{
    return rank_keys[i];
}

smb_status smb_rank_method_from_key(const char *key, smb_rank_method *out)
{
    int v = 0;
    smb_status st = from_key("ranking method", "weighted_sum, topsis", key, SMB_RANK_METHOD_COUNT,
                             rank_at, out ? &v : NULL);
    if (st == SMB_OK)
        *out = (smb_rank_method)v;
    return st;
}

const char *smb_plan_method_key(smb_plan_method method)
{
    return in_range((int)method, SMB_PLAN_METHOD_COUNT) ? plan_keys[method] : NULL;
}

/* ---- small helpers ------------------------------------------------------- */

static smb_status null_arg(const char *what)
{
    return smb__fail(SMB_EINVAL, "%s: must not be NULL", what);
}

/* "response 'web-shop' cost", the field name of messages. */
static const char *field_name(char *buf, size_t cap, const char *id, const char *field)
{
    snprintf(buf, cap, "response '%s' %s", id, field);
    return buf;
}

static smb_status check_number(const char *field, double x, double lo, double hi)
{
    if (!smb__finite(x) || x < lo || x > hi)
        return smb__fail(SMB_ERANGE, "%s: must be a finite number from %g to %g, got %g", field, lo,
                         hi, x);
    return SMB_OK;
}

static smb_status bad_enum(const char *field, int value, int count)
{
    return smb__fail(SMB_EINVAL, "%s: %d is not valid (0 to %d)", field, value, count - 1);
}

static smb_status find_mut(smb_responses *set, const char *id, resp_t **out)
{
    if (!set)
        return null_arg("set");
    if (!id)
        return null_arg("id");
    resp_t *r = smb__idmap_find(&set->ids, id);
    if (!r) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "no response '%s'", smb__show(shown, sizeof shown, id));
    }
    *out = r;
    return SMB_OK;
}

/* Point every effect's public id at its own copy (after the array moved). */
static void repoint_effects(resp_t *r)
{
    for (size_t i = 0; i < r->effect_count; i++)
        r->effects[i].pub.scenario = r->effects[i].scenario;
}

static void resp_free(resp_t *r)
{
    if (!r)
        return;
    smb__free(r->effects);
    smb__free(r->title);
    smb__free(r->description);
    smb__free(r);
}

static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* ---- life cycle ---------------------------------------------------------- */

smb_status smb_responses_new(smb_responses **out)
{
    if (!out)
        return null_arg("out");
    smb_responses *set = smb__calloc(1, sizeof *set);
    if (!set)
        return smb__nomem();
    smb__idmap_init(&set->ids);
    for (int k = 0; k < SMB_BUILTIN_CRITERIA; k++) {
        smb__criterion *c = &set->criteria[k];
        memcpy(c->key, builtin[k].key, strlen(builtin[k].key) + 1);
        c->title = builtin[k].title;
        c->direction = builtin[k].direction;
        c->weight = 1.0;
    }
    set->criterion_count = SMB_BUILTIN_CRITERIA;
    *out = set;
    return SMB_OK;
}

void smb_responses_free(smb_responses *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        resp_free(set->items[i]);
    for (size_t k = SMB_BUILTIN_CRITERIA; k < set->criterion_count; k++)
        smb__free(set->criteria[k].owned);
    smb__free(set->items);
    smb__idmap_free(&set->ids);
    smb__free(set);
}

static resp_t *resp_copy(const resp_t *from)
{
    resp_t *to = smb__calloc(1, sizeof *to);
    if (!to)
        return NULL;
    *to = *from;
    to->title = NULL;
    to->description = NULL;
    to->effects = NULL;
    to->effect_count = to->effect_cap = 0;
    if (!(to->title = smb__strdup(from->title)) ||
        (from->description && !(to->description = smb__strdup(from->description))))
        goto fail;
    if (from->effect_count) {
        to->effects = smb__calloc(from->effect_count, sizeof *to->effects);
        if (!to->effects)
            goto fail;
        memcpy(to->effects, from->effects, from->effect_count * sizeof *to->effects);
        to->effect_count = to->effect_cap = from->effect_count;
        repoint_effects(to);
    }
    return to;
fail:
    resp_free(to);
    return NULL;
}

smb_status smb_responses_copy(const smb_responses *set, smb_responses **out)
{
    if (!set)
        return null_arg("set");
    if (!out)
        return null_arg("out");
    smb_responses *copy = NULL;
    smb_status st = smb_responses_new(&copy);
    if (st != SMB_OK)
        return st;
    for (size_t k = 0; k < SMB_BUILTIN_CRITERIA; k++)
        copy->criteria[k].weight = set->criteria[k].weight;
    for (size_t k = SMB_BUILTIN_CRITERIA; k < set->criterion_count; k++) {
        smb__criterion c = set->criteria[k];
        if (!(c.owned = smb__strdup(c.owned)))
            goto nomem;
        c.title = c.owned;
        copy->criteria[k] = c;
        copy->criterion_count = k + 1;
    }
    if (set->count) {
        copy->items = smb__calloc(set->count, sizeof *copy->items);
        if (!copy->items || smb__idmap_reserve(&copy->ids, set->count) != SMB_OK)
            goto nomem;
        copy->cap = set->count;
        for (size_t i = 0; i < set->count; i++) {
            resp_t *r = resp_copy(set->items[i]);
            if (!r)
                goto nomem;
            copy->items[copy->count++] = r;
            smb__idmap_insert_reserved(&copy->ids, r->id, r);
        }
    }
    *out = copy;
    return SMB_OK;
nomem:
    smb_responses_free(copy);
    return smb__nomem();
}

static bool resp_equal(const resp_t *a, const resp_t *b, size_t custom)
{
    if (strcmp(a->id, b->id) != 0 || strcmp(a->title, b->title) != 0 ||
        !same_text(a->description, b->description) || a->kind != b->kind ||
        a->cost != b->cost || a->months != b->months || a->effect_count != b->effect_count)
        return false;
    for (int c = 0; c < SMB_IDEA_COUNT; c++)
        if (a->rating[c] != b->rating[c])
            return false;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        if (a->gain[c] != b->gain[c])
            return false;
    for (size_t i = 0; i < a->effect_count; i++) {
        const smb_response_effect *x = &a->effects[i].pub, *y = &b->effects[i].pub;
        if (strcmp(x->scenario, y->scenario) != 0 ||
            x->likelihood_reduction != y->likelihood_reduction ||
            x->impact_reduction != y->impact_reduction)
            return false;
    }
    for (size_t k = 0; k < custom; k++)
        if (a->has_value[k] != b->has_value[k] || (a->has_value[k] && a->value[k] != b->value[k]))
            return false;
    return true;
}

int smb_responses_equal(const smb_responses *a, const smb_responses *b)
{
    if (!a || !b)
        return a == b;
    if (a->count != b->count || a->criterion_count != b->criterion_count)
        return 0;
    for (size_t k = 0; k < a->criterion_count; k++) {
        const smb__criterion *x = &a->criteria[k], *y = &b->criteria[k];
        if (strcmp(x->key, y->key) != 0 || strcmp(x->title, y->title) != 0 ||
            x->direction != y->direction || x->weight != y->weight)
            return 0;
    }
    size_t custom = a->criterion_count - SMB_BUILTIN_CRITERIA;
    for (size_t i = 0; i < a->count; i++)
        if (!resp_equal(a->items[i], b->items[i], custom))
            return 0;
    return 1;
}

/* ---- responses ----------------------------------------------------------- */

smb_status smb_responses_add(smb_responses *set, const char *id, const char *title,
                             smb_response_kind kind, double cost, double months)
{
    if (!set)
        return null_arg("set");
    smb_status st = smb__check_id(id);
    if (st != SMB_OK)
        return st;
    char shown[SHOW_CAP], field[FIELD_CAP];
    if (smb__idmap_find(&set->ids, id))
        return smb__fail(SMB_EEXIST, "response id '%s' is already taken",
                         smb__show(shown, sizeof shown, id));
    if ((st = smb__check_text(field_name(field, sizeof field, id, "title"), title, false)) != SMB_OK)
        return st;
    if (!in_range((int)kind, SMB_RESPONSE_KIND_COUNT))
        return bad_enum(field_name(field, sizeof field, id, "kind"), (int)kind,
                        SMB_RESPONSE_KIND_COUNT);
    if ((st = check_number(field_name(field, sizeof field, id, "cost"), cost, 0,
                           SMB_MAX_AMOUNT)) != SMB_OK ||
        (st = check_number(field_name(field, sizeof field, id, "months"), months, 0,
                           SMB_RESPONSE_MAX_MONTHS)) != SMB_OK)
        return st;
    if (set->count >= SMB_MAX_RESPONSES)
        return smb__fail(SMB_ELIMIT, "response '%s': the set already holds %d responses, the most allowed",
                         id, SMB_MAX_RESPONSES);

    /* A grown array is kept when a later step fails (it is only spare
     * room), but an array allocated afresh is given back, so that a failed
     * call leaves the set exactly as it was. */
    bool fresh_items = set->items == NULL;
    resp_t *r = smb__calloc(1, sizeof *r);
    if (!r || !(r->title = smb__strdup(title)) ||
        smb__reserve((void **)&set->items, &set->cap, set->count + 1, sizeof *set->items) != SMB_OK ||
        smb__idmap_reserve(&set->ids, set->count + 1) != SMB_OK) {
        if (fresh_items && set->items) {
            smb__free(set->items);
            set->items = NULL;
            set->cap = 0;
        }
        resp_free(r);
        return smb__nomem();
    }
    memcpy(r->id, id, strlen(id) + 1);
    r->kind = kind;
    r->cost = cost;
    r->months = months;
    for (int c = 0; c < SMB_IDEA_COUNT; c++)
        r->rating[c] = SMB_IDEA_RATING_DEFAULT;
    r->index = set->count;
    set->items[set->count++] = r;
    smb__idmap_insert_reserved(&set->ids, r->id, r);
    return SMB_OK;
}

smb_status smb_responses_remove(smb_responses *set, const char *id)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    size_t at = r->index;
    smb__idmap_remove(&set->ids, r->id);
    resp_free(r);
    memmove(&set->items[at], &set->items[at + 1], (set->count - at - 1) * sizeof *set->items);
    set->count--;
    for (size_t i = at; i < set->count; i++)
        set->items[i]->index = i;
    return SMB_OK;
}

size_t smb_responses_count(const smb_responses *set)
{
    return set ? set->count : 0;
}

const smb_response *smb_responses_at(const smb_responses *set, size_t index)
{
    return set && index < set->count ? set->items[index] : NULL;
}

const smb_response *smb_responses_find(const smb_responses *set, const char *id)
{
    return set && id ? smb__idmap_find(&set->ids, id) : NULL;
}

smb_status smb_responses_get(const smb_responses *set, const char *id, const smb_response **out)
{
    if (!out)
        return null_arg("out");
    resp_t *r = NULL;
    smb_status st = find_mut((smb_responses *)set, id, &r);
    if (st == SMB_OK)
        *out = r;
    return st;
}

/* ---- accessors ----------------------------------------------------------- */

const char *smb_response_id(const smb_response *response)
{
    return response ? response->id : NULL;
}

size_t smb_response_index(const smb_response *response)
{
    return response ? response->index : 0;
}

const char *smb_response_title(const smb_response *response)
{
    return response ? response->title : NULL;
}

const char *smb_response_description(const smb_response *response)
{
    return response ? response->description : NULL;
}

smb_response_kind smb_response_kind_of(const smb_response *response)
{
    return response ? response->kind : SMB_RESPONSE_KIND_NONE;
}

double smb_response_cost(const smb_response *response)
{
    return response ? response->cost : 0.0;
}

double smb_response_months(const smb_response *response)
{
    return response ? response->months : 0.0;
}

double smb_response_rating(const smb_response *response, smb_idea_criterion criterion)
{
    return response && in_range((int)criterion, SMB_IDEA_COUNT) ? response->rating[criterion] : 0.0;
}

double smb_response_gain(const smb_response *response, smb_capability capability)
{
    return response && in_range((int)capability, SMB_CAPABILITY_COUNT) ? response->gain[capability]
                                                                        : 0.0;
}

size_t smb_response_effect_count(const smb_response *response)
{
    return response ? response->effect_count : 0;
}

const smb_response_effect *smb_response_effect_at(const smb_response *response, size_t index)
{
    return response && index < response->effect_count ? &response->effects[index].pub : NULL;
}

static smb__effect *effect_find(const resp_t *r, const char *scenario)
{
    for (size_t i = 0; i < r->effect_count; i++)
        if (strcmp(r->effects[i].scenario, scenario) == 0)
            return &r->effects[i];
    return NULL;
}

const smb_response_effect *smb_response_find_effect(const smb_response *response,
                                                    const char *scenario)
{
    if (!response || !scenario)
        return NULL;
    smb__effect *e = effect_find(response, scenario);
    return e ? &e->pub : NULL;
}

/* ---- updating responses -------------------------------------------------- */

/* Replace *slot with a copy of text; NULL or "" clears unless required. */
static smb_status replace_text(char **slot, const char *field, const char *text, bool required)
{
    if (!required && (!text || !*text)) {
        smb__free(*slot);
        *slot = NULL;
        return SMB_OK;
    }
    smb_status st = smb__check_text(field, text, !required);
    if (st != SMB_OK)
        return st;
    char *copy = smb__strdup(text);
    if (!copy)
        return smb__nomem();
    smb__free(*slot);
    *slot = copy;
    return SMB_OK;
}

smb_status smb_responses_set_title(smb_responses *set, const char *id, const char *title)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    char field[FIELD_CAP];
    return st != SMB_OK ? st
                        : replace_text(&r->title, field_name(field, sizeof field, r->id, "title"),
                                       title, true);
}

smb_status smb_responses_set_description(smb_responses *set, const char *id,
                                         const char *description)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    char field[FIELD_CAP];
    return st != SMB_OK ? st
                        : replace_text(&r->description,
                                       field_name(field, sizeof field, r->id, "description"),
                                       description, false);
}

smb_status smb_responses_set_kind(smb_responses *set, const char *id, smb_response_kind kind)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!in_range((int)kind, SMB_RESPONSE_KIND_COUNT))
        return bad_enum(field_name(field, sizeof field, r->id, "kind"), (int)kind,
                        SMB_RESPONSE_KIND_COUNT);
    r->kind = kind;
    return SMB_OK;
}

/* Set one number of a response after checking it against [lo, hi]. */
static smb_status set_number(smb_responses *set, const char *id, const char *what, double lo,
                             double hi, double value, double *(*slot)(resp_t *))
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if ((st = check_number(field_name(field, sizeof field, r->id, what), value, lo, hi)) != SMB_OK)
        return st;
    *slot(r) = value;
    return SMB_OK;
}

static double *cost_slot(resp_t *r)
{
    return &r->cost;
}

static double *months_slot(resp_t *r)
{
    return &r->months;
}

smb_status smb_responses_set_cost(smb_responses *set, const char *id, double cost)
{
    return set_number(set, id, "cost", 0, SMB_MAX_AMOUNT, cost, cost_slot);
}

smb_status smb_responses_set_months(smb_responses *set, const char *id, double months)
{
    return set_number(set, id, "months", 0, SMB_RESPONSE_MAX_MONTHS, months, months_slot);
}

smb_status smb_responses_set_rating(smb_responses *set, const char *id,
                                    smb_idea_criterion criterion, double rating)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if (!in_range((int)criterion, SMB_IDEA_COUNT))
        return bad_enum(field_name(field, sizeof field, r->id, "idea criterion"), (int)criterion,
                        SMB_IDEA_COUNT);
    field_name(field, sizeof field, r->id, builtin[IDEA_BASE + criterion].key);
    if ((st = check_number(field, rating, SMB_IDEA_RATING_MIN, SMB_IDEA_RATING_MAX)) != SMB_OK)
        return st;
    r->rating[criterion] = rating;
    return SMB_OK;
}

smb_status smb_responses_set_gain(smb_responses *set, const char *id, smb_capability capability,
                                  double gain)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP], what[64];
    if (!in_range((int)capability, SMB_CAPABILITY_COUNT))
        return bad_enum(field_name(field, sizeof field, r->id, "capability"), (int)capability,
                        SMB_CAPABILITY_COUNT);
    snprintf(what, sizeof what, "gain.%s", smb_capability_key(capability));
    if ((st = check_number(field_name(field, sizeof field, r->id, what), gain, 0,
                           SMB_MATURITY_MAX)) != SMB_OK)
        return st;
    r->gain[capability] = gain;
    return SMB_OK;
}

/* Check a scenario id given for an effect, naming the response in the message. */
static smb_status check_scenario_id(const resp_t *r, const char *scenario)
{
    smb_status st = smb__check_id(scenario);
    if (st == SMB_OK)
        return st;
    char why[256];
    snprintf(why, sizeof why, "%s", smb_last_error());
    return smb__fail(st, "response '%s' effect: scenario %s", r->id, why);
}

smb_status smb_responses_set_effect(smb_responses *set, const char *id, const char *scenario,
                                    double likelihood_reduction, double impact_reduction)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    if ((st = check_scenario_id(r, scenario)) != SMB_OK)
        return st;
    char field[FIELD_CAP];
    snprintf(field, sizeof field, "response '%s' effect on '%s' likelihood_reduction", r->id,
             scenario);
    if ((st = check_number(field, likelihood_reduction, 0, 1)) != SMB_OK)
        return st;
    snprintf(field, sizeof field, "response '%s' effect on '%s' impact_reduction", r->id, scenario);
    if ((st = check_number(field, impact_reduction, 0, 1)) != SMB_OK)
        return st;
    smb__effect *e = effect_find(r, scenario);
    if (!e) {
        if (r->effect_count >= SMB_MAX_RESPONSE_EFFECTS)
            return smb__fail(SMB_ELIMIT, "response '%s': already has effects on %d scenarios, the most allowed",
                             r->id, SMB_MAX_RESPONSE_EFFECTS);
        if (smb__reserve((void **)&r->effects, &r->effect_cap, r->effect_count + 1,
                         sizeof *r->effects) != SMB_OK)
            return smb__nomem();
        e = &r->effects[r->effect_count++];
        memcpy(e->scenario, scenario, strlen(scenario) + 1);
        repoint_effects(r);
    }
    e->pub.likelihood_reduction = likelihood_reduction;
    e->pub.impact_reduction = impact_reduction;
    return SMB_OK;
}

smb_status smb_responses_remove_effect(smb_responses *set, const char *id, const char *scenario)
{
    resp_t *r = NULL;
    smb_status st = find_mut(set, id, &r);
    if (st != SMB_OK)
        return st;
    if (!scenario)
        return null_arg("scenario");
    smb__effect *e = effect_find(r, scenario);
    if (!e) {
        char shown[SHOW_CAP];
        return smb__fail(SMB_ENOTFOUND, "response '%s' has no effect on scenario '%s'", r->id,
                         smb__show(shown, sizeof shown, scenario));
    }
    size_t at = (size_t)(e - r->effects);
    memmove(e, e + 1, (r->effect_count - at - 1) * sizeof *e);
    r->effect_count--;
    repoint_effects(r);
    return SMB_OK;
}

/* ---- criteria ------------------------------------------------------------ */

static smb__criterion *criterion_find(const smb_responses *set, const char *key)
{
    for (size_t k = 0; k < set->criterion_count; k++)
        if (strcmp(set->criteria[k].key, key) == 0)
            return (smb__criterion *)&set->criteria[k];
    return NULL;
}

static smb_status no_criterion(const char *key)
{
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no criterion '%s'", smb__show(shown, sizeof shown, key));
}

/* The custom criterion `key` for a value call: its slot, or why there is none. */
static smb_status custom_slot(const smb_responses *set, const char *key, size_t *slot)
{
    if (!key)
        return null_arg("criterion");
    const smb__criterion *c = criterion_find(set, key);
    if (!c)
        return no_criterion(key);
    if (!c->custom)
        return smb__fail(SMB_EINVAL,
                         "criterion '%s' is built in: its values come from the response itself",
                         c->key);
    *slot = (size_t)(c - set->criteria) - SMB_BUILTIN_CRITERIA;
    return SMB_OK;
}

smb_status smb_responses_value(const smb_responses *set, const char *id, const char *criterion,
                               double *out)
{
    if (!out)
        return null_arg("out");
    resp_t *r = NULL;
    size_t slot = 0;
    smb_status st = find_mut((smb_responses *)set, id, &r);
    if (st == SMB_OK)
        st = custom_slot(set, criterion, &slot);
    if (st != SMB_OK)
        return st;
    if (!r->has_value[slot])
        return smb__fail(SMB_ENOTFOUND, "response '%s' has no value on criterion '%s'", r->id,
                         set->criteria[SMB_BUILTIN_CRITERIA + slot].key);
    *out = r->value[slot];
    return SMB_OK;
}

smb_status smb_responses_set_value(smb_responses *set, const char *id, const char *criterion,
                                   double value)
{
    resp_t *r = NULL;
    size_t slot = 0;
    smb_status st = find_mut(set, id, &r);
    if (st == SMB_OK)
        st = custom_slot(set, criterion, &slot);
    if (st != SMB_OK)
        return st;
    char field[FIELD_CAP];
    if ((st = check_number(field_name(field, sizeof field, r->id,
                                      set->criteria[SMB_BUILTIN_CRITERIA + slot].key),
                           value, 0, SMB_MCDA_MAX_VALUE)) != SMB_OK)
        return st;
    r->value[slot] = value;
    r->has_value[slot] = true;
    return SMB_OK;
}

smb_status smb_responses_clear_value(smb_responses *set, const char *id, const char *criterion)
{
    resp_t *r = NULL;
    size_t slot = 0;
    smb_status st = find_mut(set, id, &r);
    if (st == SMB_OK)
        st = custom_slot(set, criterion, &slot);
    if (st != SMB_OK)
        return st;
    r->has_value[slot] = false;
    r->value[slot] = 0.0;
    return SMB_OK;
}

size_t smb_responses_criterion_count(const smb_responses *set)
{
    return set ? set->criterion_count : 0;
}

static const smb__criterion *criterion_at(const smb_responses *set, size_t index)
{
    return set && index < set->criterion_count ? &set->criteria[index] : NULL;
}

const char *smb_responses_criterion_key(const smb_responses *set, size_t index)
{
    const smb__criterion *c = criterion_at(set, index);
    return c ? c->key : NULL;
}

const char *smb_responses_criterion_title(const smb_responses *set, size_t index)
{
    const smb__criterion *c = criterion_at(set, index);
    return c ? c->title : NULL;
}

smb_criterion_direction smb_responses_criterion_direction(const smb_responses *set, size_t index)
{
    const smb__criterion *c = criterion_at(set, index);
    return c ? c->direction : SMB_CRITERION_DIRECTION_NONE;
}

double smb_responses_criterion_weight(const smb_responses *set, size_t index)
{
    const smb__criterion *c = criterion_at(set, index);
    return c ? c->weight : 0.0;
}

int smb_responses_criterion_is_custom(const smb_responses *set, size_t index)
{
    const smb__criterion *c = criterion_at(set, index);
    return c ? c->custom : 0;
}

smb_status smb_responses_find_criterion(const smb_responses *set, const char *key, size_t *out)
{
    if (!set || !key || !out)
        return null_arg(!set ? "set" : !key ? "key" : "out");
    const smb__criterion *c = criterion_find(set, key);
    if (!c)
        return no_criterion(key);
    *out = (size_t)(c - set->criteria);
    return SMB_OK;
}

smb_status smb_responses_add_criterion(smb_responses *set, const char *key, const char *title,
                                       smb_criterion_direction direction)
{
    if (!set)
        return null_arg("set");
    smb_status st = smb__check_id(key);
    if (st != SMB_OK)
        return st;
    char shown[SHOW_CAP], field[FIELD_CAP];
    if (criterion_find(set, key))
        return smb__fail(SMB_EEXIST, "criterion key '%s' is already taken",
                         smb__show(shown, sizeof shown, key));
    snprintf(field, sizeof field, "criterion '%s' title", key);
    if ((st = smb__check_text(field, title, false)) != SMB_OK)
        return st;
    if (!in_range((int)direction, SMB_CRITERION_DIRECTION_COUNT)) {
        snprintf(field, sizeof field, "criterion '%s' direction", key);
        return bad_enum(field, (int)direction, SMB_CRITERION_DIRECTION_COUNT);
    }
    if (set->criterion_count >= SMB_BUILTIN_CRITERIA + SMB_MAX_CUSTOM_CRITERIA)
        return smb__fail(SMB_ELIMIT, "criterion '%s': the set already has %d criteria of its own, the most allowed",
                         key, SMB_MAX_CUSTOM_CRITERIA);
    char *owned = smb__strdup(title);
    if (!owned)
        return smb__nomem();
    smb__criterion *c = &set->criteria[set->criterion_count++];
    *c = (smb__criterion){.owned = owned, .title = owned, .direction = direction, .weight = 1.0,
                          .custom = true};
    memcpy(c->key, key, strlen(key) + 1);
    /* Slots of removed criteria were cleared when they were removed, so the
     * new criterion starts with no value on any response. */
    return SMB_OK;
}

/* Whether any criterion other than `except` keeps a positive weight. */
static bool other_positive_weight(const smb_responses *set, const smb__criterion *except)
{
    for (size_t k = 0; k < set->criterion_count; k++)
        if (&set->criteria[k] != except && set->criteria[k].weight > 0)
            return true;
    return false;
}

smb_status smb_responses_remove_criterion(smb_responses *set, const char *key)
{
    if (!set)
        return null_arg("set");
    if (!key)
        return null_arg("key");
    smb__criterion *c = criterion_find(set, key);
    if (!c)
        return no_criterion(key);
    if (!c->custom)
        return smb__fail(SMB_EINVAL, "criterion '%s' is built in and cannot be removed (set its weight to 0)",
                         c->key);
    if (c->weight > 0 && !other_positive_weight(set, c))
        return smb__fail(SMB_EINVAL, "criterion '%s' is the last one of positive weight", c->key);
    size_t k = (size_t)(c - set->criteria), slot = k - SMB_BUILTIN_CRITERIA;
    size_t after = set->criterion_count - k - 1;
    smb__free(c->owned);
    memmove(c, c + 1, after * sizeof *c);
    set->criterion_count--;
    set->criteria[set->criterion_count] = (smb__criterion){0};
    for (size_t i = 0; i < set->count; i++) {
        resp_t *r = set->items[i];
        memmove(&r->value[slot], &r->value[slot + 1], after * sizeof r->value[0]);
        memmove(&r->has_value[slot], &r->has_value[slot + 1], after * sizeof r->has_value[0]);
        r->value[slot + after] = 0.0;
        r->has_value[slot + after] = false;
    }
    return SMB_OK;
}

smb_status smb_responses_set_criterion_weight(smb_responses *set, const char *key, double weight)
{
    if (!set)
        return null_arg("set");
    if (!key)
        return null_arg("key");
    smb__criterion *c = criterion_find(set, key);
    if (!c)
        return no_criterion(key);
    char field[FIELD_CAP];
    snprintf(field, sizeof field, "criterion '%s' weight", c->key);
    smb_status st = check_number(field, weight, 0, SMB_MCDA_MAX_WEIGHT);
    if (st != SMB_OK)
        return st;
    if (weight == 0 && !other_positive_weight(set, c))
        return smb__fail(SMB_ERANGE, "%s: cannot be 0, it is the last criterion of positive weight",
                         field);
    c->weight = weight;
    return SMB_OK;
}

smb_status smb_responses_set_ahp_weights(smb_responses *set, const char *const *keys, size_t n,
                                         const double *matrix, smb_ahp_consistency *consistency)
{
    if (!set || !keys || !matrix)
        return null_arg(!set ? "set" : !keys ? "keys" : "matrix");
    /* The matrix first: it also bounds n by the size of the arrays below. */
    double w[SMB_AHP_MAX_SIZE];
    smb_ahp_consistency report;
    smb_status st = smb_ahp_weights(matrix, n, w, &report);
    if (st != SMB_OK)
        return st;
    size_t at[SMB_AHP_MAX_SIZE];
    for (size_t i = 0; i < n; i++) {
        if (!keys[i])
            return smb__fail(SMB_EINVAL, "keys[%zu]: must not be NULL", i);
        const smb__criterion *c = criterion_find(set, keys[i]);
        if (!c) {
            char shown[SHOW_CAP];
            return smb__fail(SMB_ENOTFOUND, "keys[%zu]: no criterion '%s'", i,
                             smb__show(shown, sizeof shown, keys[i]));
        }
        at[i] = (size_t)(c - set->criteria);
        for (size_t j = 0; j < i; j++)
            if (at[j] == at[i])
                return smb__fail(SMB_EINVAL, "keys[%zu]: criterion '%s' is listed twice (also keys[%zu])",
                                 i, c->key, j);
    }
    for (size_t k = 0; k < set->criterion_count; k++)
        set->criteria[k].weight = 0.0;
    for (size_t i = 0; i < n; i++)
        set->criteria[at[i]].weight = w[i];
    if (consistency)
        *consistency = report;
    return SMB_OK;
}
