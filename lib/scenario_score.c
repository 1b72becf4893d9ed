/* SPDX-License-Identifier: MIT */
/* Deterministic scenario scores: the capability factor, exposure, urgency,
 * the 5×5 risk matrix, the ranking of threats and of opportunities, their
 * totals, and the what-if behind the residual exposure of responses. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

/* A value this close below a matrix threshold counts as reaching it. */
#define LEVEL_TOLERANCE 1e-9

/* ---- the risk matrix ----------------------------------------------------- */

static const char *const band_keys[] = {
    [SMB_RISK_BAND_LOW] = "low",
    [SMB_RISK_BAND_MEDIUM] = "medium",
    [SMB_RISK_BAND_HIGH] = "high",
    [SMB_RISK_BAND_CRITICAL] = "critical",
};
_Static_assert(sizeof band_keys / sizeof band_keys[0] == SMB_RISK_BAND_COUNT, "one key per band");

const char *smb_risk_band_key(smb_risk_band band)
{
    return (int)band >= 0 && (int)band < SMB_RISK_BAND_COUNT ? band_keys[band] : NULL;
}

smb_status smb_risk_band_from_key(const char *key, smb_risk_band *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int b = 0; b < SMB_RISK_BAND_COUNT; b++) {
        if (strcmp(key, band_keys[b]) == 0) {
            *out = (smb_risk_band)b;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no risk band '%s' (low, medium, high, critical)",
                     smb__show(shown, sizeof shown, key));
}

int smb_risk_likelihood_level(double probability)
{
    static const double lowest[] = {SMB_RISK_LIKELIHOOD_2, SMB_RISK_LIKELIHOOD_3,
                                    SMB_RISK_LIKELIHOOD_4, SMB_RISK_LIKELIHOOD_5};
    if (!(probability >= 0 && probability <= 1))
        return 0;
    int level = 1;
    for (int i = 0; i < 4; i++)
        if (probability >= lowest[i] - LEVEL_TOLERANCE)
            level = i + 2;
    return level;
}

int smb_risk_impact_level(double impact)
{
    if (!smb__finite(impact))
        return 0;
    double level = floor(impact + 0.5 + LEVEL_TOLERANCE);
    return level < 1 ? 1 : level > 5 ? 5 : (int)level;
}

smb_risk_band smb_risk_band_of(int rating)
{
    if (rating < 1 || rating > 25)
        return SMB_RISK_BAND_NONE;
    if (rating <= SMB_RISK_LOW_MAX)
        return SMB_RISK_BAND_LOW;
    if (rating <= SMB_RISK_MEDIUM_MAX)
        return SMB_RISK_BAND_MEDIUM;
    if (rating <= SMB_RISK_HIGH_MAX)
        return SMB_RISK_BAND_HIGH;
    return SMB_RISK_BAND_CRITICAL;
}

/* ---- the figures of one scenario ----------------------------------------- */

/* Resilience lowers what a threat can take and raises what an opportunity
 * can give: the same m and R, read in the two directions. */
static double capability_factor(smb_direction direction, double m, double r)
{
    return direction == SMB_DIRECTION_OPPORTUNITY ? 1.0 - m * (1.0 - r) : 1.0 - m * r;
}

void smb__figures_of(const smb_scenarios *set, const struct smb_scenario *sc,
                     const double maturity[SMB_CAPABILITY_COUNT], double likelihood_factor,
                     double impact_factor, smb__figures *out)
{
    smb__figures f = {0};
    f.likelihood = smb__estimate_mean(&sc->likelihood) * likelihood_factor;
    f.impact = smb__estimate_mean(&sc->impact) * impact_factor;
    f.has_money = sc->has_money;
    if (sc->has_money)
        f.money = smb__estimate_mean(&sc->money) * impact_factor;
    f.mitigators = smb_scenario_mitigators(sc);
    f.resilience = smb__relevant_resilience(maturity, f.mitigators);
    f.factor = capability_factor(sc->direction, set->mitigation, f.resilience);
    f.exposure = f.likelihood * f.impact * f.factor;
    f.urgency = pow(0.5, sc->horizon / set->half_life);
    f.urgency_weighted = f.exposure * f.urgency;
    f.money_exposure = f.likelihood * f.money * f.factor;
    *out = f;
}

/* ---- the scoring result -------------------------------------------------- */

struct smb_scenario_scores {
    smb_scenario_score *scores;       /* set order */
    size_t count;
    const smb_scenario_score **ranked; /* threats ranked, then opportunities ranked */
    size_t ranked_count[SMB_DIRECTION_COUNT];
    smb_scenario_totals totals[SMB_DIRECTION_COUNT];
    double mitigation, half_life;
    char *strings;                    /* every id and title, back to back */
};

void smb_scenario_scores_free(smb_scenario_scores *scores)
{
    if (!scores)
        return;
    smb__free(scores->scores);
    smb__free(scores->ranked);
    smb__free(scores->strings);
    smb__free(scores);
}

static int by_rank(const void *pa, const void *pb)
{
    const smb_scenario_score *a = *(const smb_scenario_score *const *)pa;
    const smb_scenario_score *b = *(const smb_scenario_score *const *)pb;
    int c = smb__rank_desc(a->exposure, b->exposure);
    if (c)
        return c;
    c = smb__rank_desc(a->urgency_weighted, b->urgency_weighted);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

static char *put_string(char **cursor, const char *s)
{
    size_t n = strlen(s) + 1;
    char *at = *cursor;
    memcpy(at, s, n);
    *cursor += n;
    return at;
}

static smb_scenario_score score_of(const smb_scenarios *set, const struct smb_scenario *sc,
                                   const double maturity[SMB_CAPABILITY_COUNT], char **cursor)
{
    smb__figures f;
    smb__figures_of(set, sc, maturity, 1.0, 1.0, &f);
    smb_scenario_score s = {
        .id = put_string(cursor, sc->id),
        .title = put_string(cursor, sc->title),
        .index = sc->index,
        .source = sc->source,
        .direction = sc->direction,
        .likelihood = f.likelihood,
        .impact = f.impact,
        .horizon = sc->horizon,
        .mitigators = f.mitigators,
        .resilience = f.resilience,
        .factor = f.factor,
        .exposure = f.exposure,
        .urgency = f.urgency,
        .urgency_weighted = f.urgency_weighted,
        .has_money = f.has_money,
        .money = f.money,
        .money_exposure = f.money_exposure,
        .likelihood_level = smb_risk_likelihood_level(f.likelihood),
        .impact_level = smb_risk_impact_level(f.impact),
    };
    s.rating = s.likelihood_level * s.impact_level;
    s.band = smb_risk_band_of(s.rating);
    return s;
}

smb_status smb_scenarios_score(const smb_scenarios *set, const smb_resilience *resilience,
                               smb_scenario_scores **out)
{
    if (!set || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", set ? "out" : "set");
    size_t bytes = 0;
    for (size_t i = 0; i < set->count; i++)
        bytes += strlen(set->items[i]->id) + strlen(set->items[i]->title) + 2;
    smb_scenario_scores *r = smb__calloc(1, sizeof *r);
    if (!r)
        return smb__nomem();
    r->scores = smb__calloc(set->count, sizeof *r->scores);
    r->ranked = r->scores ? smb__calloc(set->count, sizeof *r->ranked) : NULL;
    r->strings = r->ranked ? smb__malloc(bytes) : NULL;
    if (!r->strings) {
        smb_scenario_scores_free(r);
        return smb__nomem();
    }
    r->count = set->count;
    r->mitigation = set->mitigation;
    r->half_life = set->half_life;

    double maturity[SMB_CAPABILITY_COUNT];
    smb__maturities(resilience, maturity);
    char *cursor = r->strings;
    for (size_t i = 0; i < set->count; i++) {
        r->scores[i] = score_of(set, set->items[i], maturity, &cursor);
        r->ranked_count[r->scores[i].direction]++;
    }

    /* Threats take the front of the ranked array, opportunities the back. */
    size_t next[SMB_DIRECTION_COUNT] = {0, r->ranked_count[SMB_DIRECTION_THREAT]};
    for (size_t i = 0; i < r->count; i++)
        r->ranked[next[r->scores[i].direction]++] = &r->scores[i];
    for (int d = 0; d < SMB_DIRECTION_COUNT; d++) {
        size_t first = d == SMB_DIRECTION_THREAT ? 0 : r->ranked_count[SMB_DIRECTION_THREAT];
        qsort(r->ranked + first, r->ranked_count[d], sizeof *r->ranked, by_rank);
        smb_scenario_totals *t = &r->totals[d];
        t->direction = (smb_direction)d;
        t->count = r->ranked_count[d];
        for (size_t k = 0; k < r->ranked_count[d]; k++) {
            smb_scenario_score *s = &r->scores[r->ranked[first + k]->index];
            s->rank = k + 1;
            t->exposure += s->exposure;
            t->urgency_weighted += s->urgency_weighted;
            t->money_exposure += s->money_exposure;
            t->band_count[s->band]++;
        }
    }
    *out = r;
    return SMB_OK;
}

double smb_scenario_scores_mitigation(const smb_scenario_scores *scores)
{
    return scores ? scores->mitigation : 0.0;
}

double smb_scenario_scores_half_life(const smb_scenario_scores *scores)
{
    return scores ? scores->half_life : 0.0;
}

size_t smb_scenario_scores_count(const smb_scenario_scores *scores)
{
    return scores ? scores->count : 0;
}

const smb_scenario_score *smb_scenario_scores_at(const smb_scenario_scores *scores, size_t index)
{
    return scores && index < scores->count ? &scores->scores[index] : NULL;
}

const smb_scenario_score *smb_scenario_scores_find(const smb_scenario_scores *scores,
                                                   const char *id)
{
    for (size_t i = 0; scores && id && i < scores->count; i++)
        if (strcmp(scores->scores[i].id, id) == 0)
            return &scores->scores[i];
    return NULL;
}

static bool direction_ok(smb_direction d)
{
    return (int)d >= 0 && (int)d < SMB_DIRECTION_COUNT;
}

size_t smb_scenario_scores_ranked_count(const smb_scenario_scores *scores,
                                        smb_direction direction)
{
    return scores && direction_ok(direction) ? scores->ranked_count[direction] : 0;
}

const smb_scenario_score *smb_scenario_scores_ranked_at(const smb_scenario_scores *scores,
                                                        smb_direction direction, size_t index)
{
    if (!scores || !direction_ok(direction) || index >= scores->ranked_count[direction])
        return NULL;
    size_t first = direction == SMB_DIRECTION_THREAT ? 0 : scores->ranked_count[SMB_DIRECTION_THREAT];
    return scores->ranked[first + index];
}

const smb_scenario_totals *smb_scenario_scores_totals(const smb_scenario_scores *scores,
                                                      smb_direction direction)
{
    return scores && direction_ok(direction) ? &scores->totals[direction] : NULL;
}

/* ---- what-if ------------------------------------------------------------- */

static smb_status check_unit(const char *field, double x, double hi)
{
    if (!(x >= 0 && x <= hi))
        return smb__fail(SMB_ERANGE, "%s: must be a number from 0 to %g, got %g", field, hi, x);
    return SMB_OK;
}

smb_status smb_scenarios_what_if(const smb_scenarios *set, size_t index,
                                 const smb_resilience *resilience, double likelihood_factor,
                                 double impact_factor, const double *capability_gain,
                                 double *exposure, double *urgency_weighted,
                                 double *money_exposure)
{
    if (!set)
        return smb__fail(SMB_EINVAL, "set: must not be NULL");
    if (index >= set->count)
        return smb__fail(SMB_EINVAL, "index: %zu is past the last scenario (the set holds %zu)",
                         index, set->count);
    const struct smb_scenario *sc = set->items[index];
    smb_status st = check_unit("likelihood_factor", likelihood_factor, 1.0);
    if (st == SMB_OK)
        st = check_unit("impact_factor", impact_factor, 1.0);
    double maturity[SMB_CAPABILITY_COUNT];
    smb__maturities(resilience, maturity);
    for (int c = 0; st == SMB_OK && capability_gain && c < SMB_CAPABILITY_COUNT; c++) {
        /* The portfolio search calls this in its inner loop: name the field
         * only when the value is wrong. */
        double gain = capability_gain[c];
        if (!(gain >= 0 && gain <= SMB_MATURITY_MAX)) {
            char field[64];
            snprintf(field, sizeof field, "capability_gain[%s]",
                     smb_capability_key((smb_capability)c));
            st = check_unit(field, gain, SMB_MATURITY_MAX);
        }
        maturity[c] = fmin(SMB_MATURITY_MAX, maturity[c] + gain);
    }
    if (st != SMB_OK)
        return st;
    smb__figures f;
    smb__figures_of(set, sc, maturity, likelihood_factor, impact_factor, &f);
    if (exposure)
        *exposure = f.exposure;
    if (urgency_weighted)
        *urgency_weighted = f.urgency_weighted;
    if (money_exposure)
        *money_exposure = f.money_exposure;
    return SMB_OK;
}
