/* SPDX-License-Identifier: MIT */
/* Ranking responses: one decision table — each response's stand-alone
 * exposure reduction, cost, months, idea ratings and values on the user's
 * criteria — scored by the weighted sum or TOPSIS of mcda.h with the set's
 * criterion weights (docs/methodology.md, "Responses and decisions"). */
#include <math.h>
#include <string.h>

#include "response_impl.h"

struct smb_response_ranking {
    smb_rank_method method;
    size_t count, criteria;
    smb_response_rank *rows;   /* set order */
    smb_response_rank **order; /* best first */
    double *values;            /* count × criteria */
    const char **keys;
    double *weights;           /* normalised */
    smb_criterion_direction *directions;
    smb__strings strings;
};

void smb_response_ranking_free(smb_response_ranking *ranking)
{
    if (!ranking)
        return;
    smb__free(ranking->rows);
    smb__free(ranking->order);
    smb__free(ranking->values);
    smb__free(ranking->keys);
    smb__free(ranking->weights);
    smb__free(ranking->directions);
    smb__free(ranking->strings.data);
    smb__free(ranking);
}

/* Every response must have a value on every criterion of the user's own. */
static smb_status check_values(const smb_responses *set)
{
    for (size_t i = 0; i < set->count; i++) {
        const struct smb_response *r = set->items[i];
        for (size_t k = SMB_BUILTIN_CRITERIA; k < set->criterion_count; k++)
            if (!r->has_value[k - SMB_BUILTIN_CRITERIA])
                return smb__fail(SMB_ENOTFOUND,
                                 "response '%s' has no value on criterion '%s': give every response one before ranking",
                                 r->id, set->criteria[k].key);
    }
    return SMB_OK;
}

/* The row of response `i`: its table values in criterion order. */
static void fill_row(const smb_responses *set, size_t i, double reduction, double *row)
{
    const struct smb_response *r = set->items[i];
    row[0] = reduction;
    row[1] = r->cost;
    row[2] = r->months;
    for (int c = 0; c < SMB_IDEA_COUNT; c++)
        row[3 + c] = r->rating[c];
    for (size_t k = SMB_BUILTIN_CRITERIA; k < set->criterion_count; k++)
        row[k] = r->value[k - SMB_BUILTIN_CRITERIA];
}

static smb_status alloc_ranking(const smb_responses *set, smb_response_ranking **out)
{
    size_t n = set->count ? set->count : 1, k = set->criterion_count;
    size_t strings = 0;
    for (size_t i = 0; i < set->count; i++) {
        smb__strings_need(&strings, set->items[i]->id);
        smb__strings_need(&strings, set->items[i]->title);
    }
    for (size_t j = 0; j < k; j++)
        smb__strings_need(&strings, set->criteria[j].key);
    smb_response_ranking *r = smb__calloc(1, sizeof *r);
    if (!r || !(r->rows = smb__calloc(n, sizeof *r->rows)) ||
        !(r->order = smb__calloc(n, sizeof *r->order)) ||
        !(r->values = smb__calloc(n * k, sizeof *r->values)) ||
        !(r->keys = smb__calloc(k, sizeof *r->keys)) ||
        !(r->weights = smb__calloc(k, sizeof *r->weights)) ||
        !(r->directions = smb__calloc(k, sizeof *r->directions)) ||
        smb__strings_alloc(&r->strings, strings) != SMB_OK) {
        smb_response_ranking_free(r);
        return smb__nomem();
    }
    *out = r;
    return SMB_OK;
}

smb_status smb_responses_rank(const smb_responses *set, const smb_scenarios *scenarios,
                              const smb_resilience *resilience, smb_rank_method method,
                              smb_response_ranking **out)
{
    if (!set || !scenarios || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !set ? "set" : !scenarios ? "scenarios" : "out");
    if ((int)method < 0 || (int)method >= SMB_RANK_METHOD_COUNT)
        return smb__fail(SMB_EINVAL, "method: %d is not valid (0 to %d)", (int)method,
                         SMB_RANK_METHOD_COUNT - 1);
    smb_status st = check_values(set);
    if (st != SMB_OK)
        return st;
    smb__model m;
    if ((st = smb__model_build(set, scenarios, resilience, &m)) != SMB_OK)
        return st;
    smb__state empty = {0};
    smb_response_ranking *r = NULL;
    size_t *order = NULL;
    double *scores = NULL;
    size_t n = set->count, k = set->criterion_count;
    if ((st = smb__state_alloc(&m, &empty)) != SMB_OK || (st = alloc_ranking(set, &r)) != SMB_OK)
        goto done;
    order = smb__calloc(n ? n : 1, sizeof *order);
    scores = smb__calloc(n ? n : 1, sizeof *scores);
    if (!order || !scores) {
        st = smb__nomem();
        goto done;
    }
    r->method = method;
    r->count = n;
    r->criteria = k;
    double total = 0.0;
    for (size_t j = 0; j < k; j++)
        total += set->criteria[j].weight;
    for (size_t j = 0; j < k; j++) {
        r->keys[j] = smb__strings_put(&r->strings, set->criteria[j].key);
        r->weights[j] = set->criteria[j].weight / total;
        r->directions[j] = set->criteria[j].direction;
    }
    for (size_t i = 0; i < n; i++)
        fill_row(set, i, smb__marginal(&m, &empty, i), &r->values[i * k]);
    if (n > 0) {
        /* The table was built from checked fields, so the only failure
         * left is memory for the ordering. */
        st = method == SMB_RANK_TOPSIS
                 ? smb_mcda_topsis(r->values, n, k, r->weights, r->directions, scores, order)
                 : smb_mcda_weighted_sum(r->values, n, k, r->weights, r->directions, scores, order);
        if (st != SMB_OK)
            goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const struct smb_response *resp = set->items[i];
        r->rows[i] = (smb_response_rank){
            .id = smb__strings_put(&r->strings, resp->id),
            .title = smb__strings_put(&r->strings, resp->title),
            .index = i,
            .exposure_reduction = r->values[i * k],
            .score = scores[i],
        };
    }
    for (size_t place = 0; place < n; place++) {
        r->order[place] = &r->rows[order[place]];
        r->order[place]->rank = place + 1;
    }
    *out = r;
    r = NULL;
done:
    smb_response_ranking_free(r);
    smb__free(order);
    smb__free(scores);
    smb__state_free(&empty);
    smb__model_free(&m);
    return st;
}

smb_rank_method smb_response_ranking_method(const smb_response_ranking *ranking)
{
    return ranking ? ranking->method : SMB_RANK_NONE;
}

size_t smb_response_ranking_count(const smb_response_ranking *ranking)
{
    return ranking ? ranking->count : 0;
}

const smb_response_rank *smb_response_ranking_at(const smb_response_ranking *ranking, size_t index)
{
    return ranking && index < ranking->count ? &ranking->rows[index] : NULL;
}

const smb_response_rank *smb_response_ranking_ranked_at(const smb_response_ranking *ranking,
                                                        size_t index)
{
    return ranking && index < ranking->count ? ranking->order[index] : NULL;
}

size_t smb_response_ranking_criterion_count(const smb_response_ranking *ranking)
{
    return ranking ? ranking->criteria : 0;
}

const char *smb_response_ranking_criterion_key(const smb_response_ranking *ranking, size_t index)
{
    return ranking && index < ranking->criteria ? ranking->keys[index] : NULL;
}

double smb_response_ranking_criterion_weight(const smb_response_ranking *ranking, size_t index)
{
    return ranking && index < ranking->criteria ? ranking->weights[index] : 0.0;
}

smb_criterion_direction smb_response_ranking_criterion_direction(
    const smb_response_ranking *ranking, size_t index)
{
    return ranking && index < ranking->criteria ? ranking->directions[index]
                                                : SMB_CRITERION_DIRECTION_NONE;
}

double smb_response_ranking_value(const smb_response_ranking *ranking, size_t response,
                                  size_t criterion)
{
    if (!ranking || response >= ranking->count || criterion >= ranking->criteria)
        return 0.0;
    return ranking->values[response * ranking->criteria + criterion];
}
