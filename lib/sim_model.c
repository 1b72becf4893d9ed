/* SPDX-License-Identifier: MIT */
/* Compiling a model: every scenario's samplers, factors and thresholds
 * fixed once, so that the trials only draw and compare. The vulnerability
 * (or readiness) and the response factors come from the deterministic
 * scores' own functions (smb__figures_of, smb_responses_residual), never
 * from a formula of this file. */
#include <math.h>
#include <string.h>

#include "scenario_impl.h"
#include "sim_impl.h"
#include "sim_random.h"

/* Changes whenever the trials or the statistics of a model change for the
 * same inputs, so that parts of an older engine are not merged. */
#define ENGINE_TAG "libsmbstrat-sim-1"

/* ---- fingerprint: FNV-1a over a canonical byte stream, then mixed -------- */

typedef struct hasher {
    uint64_t h;
} hasher;

static void hash_bytes(hasher *x, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        x->h ^= p[i];
        x->h *= 0x100000001b3ULL;
    }
}

/* Little-endian whatever the host, so fingerprints travel between machines. */
static void hash_u64(hasher *x, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    hash_bytes(x, b, 8);
}

static void hash_double(hasher *x, double d)
{
    uint64_t bits;
    d += 0.0; /* −0 and +0 are the same setting */
    memcpy(&bits, &d, sizeof bits);
    hash_u64(x, bits);
}

static void hash_string(hasher *x, const char *s)
{
    size_t n = strlen(s);
    hash_u64(x, n);
    hash_bytes(x, s, n);
}

static void hash_estimate(hasher *x, const smb_estimate *e)
{
    hash_u64(x, (uint64_t)(int64_t)e->dist);
    hash_double(x, e->min);
    hash_double(x, e->mode);
    hash_double(x, e->max);
}

/* SplitMix64's finaliser: FNV-1a alone mixes its last bytes poorly. */
static uint64_t hash_finish(const hasher *x)
{
    uint64_t z = x->h;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t fingerprint_of(const smb_sim_model *m, const smb_scenarios *set)
{
    const smb_sim_config *c = m->config;
    hasher x = {0xcbf29ce484222325ULL};
    hash_string(&x, ENGINE_TAG);
    hash_u64(&x, c->seed);
    hash_u64(&x, (uint64_t)c->measure);
    hash_double(&x, c->level);
    hash_u64(&x, c->percentile_count);
    for (size_t i = 0; i < c->percentile_count; i++)
        hash_double(&x, c->percentiles[i]);
    hash_u64(&x, c->has_threshold);
    hash_double(&x, c->has_threshold ? c->threshold : 0.0);
    hash_u64(&x, c->keep_totals);
    hash_double(&x, c->accuracy);
    hash_u64(&x, c->sensitivity_trials);
    hash_u64(&x, m->count);
    for (size_t s = 0; s < m->count; s++) {
        const struct smb_scenario *in = set->items[s];
        const smb__sim_scenario *sc = &m->scenarios[s];
        hash_string(&x, sc->id);
        hash_u64(&x, (uint64_t)sc->direction);
        hash_estimate(&x, &in->likelihood);
        hash_u64(&x, sc->has_amount);
        if (sc->has_amount)
            hash_estimate(&x, c->measure == SMB_SIM_MONEY ? &in->money : &in->impact);
        hash_double(&x, sc->likelihood_factor);
        hash_double(&x, sc->amount_factor);
        hash_double(&x, sc->capability_factor);
        hash_double(&x, sc->sqrt_rho);
    }
    return hash_finish(&x);
}

/* ---- compiling ----------------------------------------------------------- */

void smb_sim_model_free(smb_sim_model *model)
{
    if (!model)
        return;
    for (size_t s = 0; model->scenarios && s < model->count; s++) {
        smb__sampler_free(&model->scenarios[s].likelihood);
        smb__sampler_free(&model->scenarios[s].amount);
    }
    smb__free(model->scenarios);
    smb__free(model->strings);
    smb_sim_config_free(model->config);
    smb__free(model);
}

/* The chosen responses as factors per scenario and raised maturities. */
typedef struct responses_applied {
    double *likelihood_factor; /* per scenario, 1 where no response acts */
    double *impact_factor;
    double maturity[SMB_CAPABILITY_COUNT];
} responses_applied;

static smb_status apply_responses(const smb_scenarios *set, const smb_resilience *resilience,
                                  const smb_responses *responses, const char *const *ids,
                                  size_t count, responses_applied *out)
{
    size_t n = set->count;
    smb__maturities(resilience, out->maturity);
    out->likelihood_factor = smb__calloc(n, sizeof *out->likelihood_factor);
    out->impact_factor = smb__calloc(n, sizeof *out->impact_factor);
    if (!out->likelihood_factor || !out->impact_factor)
        return smb__nomem();
    for (size_t s = 0; s < n; s++)
        out->likelihood_factor[s] = out->impact_factor[s] = 1.0;
    if (count == 0)
        return SMB_OK;
    smb_residual *residual = NULL;
    smb_status st = smb_responses_residual(responses, set, resilience, ids, count, &residual);
    if (st != SMB_OK)
        return st;
    for (size_t t = 0; t < smb_residual_scenario_count(residual); t++) {
        const smb_residual_scenario *r = smb_residual_scenario_at(residual, t);
        out->likelihood_factor[r->index] = r->likelihood_factor;
        out->impact_factor[r->index] = r->impact_factor;
    }
    /* The residual's gains are summed and capped at 5; the maturities they
     * raise are capped at 5 again, as the what-if does. */
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        out->maturity[c] = fmin(SMB_MATURITY_MAX,
                                out->maturity[c] + smb_residual_gain(residual, (smb_capability)c));
    smb_residual_free(residual);
    return SMB_OK;
}

/* The number of 32-bit words w with u01(w) = (w + 0.5)/2^32 below p: the
 * same comparison done on the word, exactly (p·2^32 and p·2^32 − 0.5 are
 * exact in double precision for p in [0, 1]). */
static uint64_t words_below(double p)
{
    double limit = ceil(p * 0x1p32 - 0.5);
    if (!(limit > 0))
        return 0;
    return limit >= 0x1p32 ? UINT64_C(1) << 32 : (uint64_t)limit;
}

static smb_status compile_scenario(smb_sim_model *m, const smb_scenarios *set, size_t s,
                                   const responses_applied *applied, char **cursor)
{
    const struct smb_scenario *in = set->items[s];
    smb__sim_scenario *sc = &m->scenarios[s];
    bool money = m->config->measure == SMB_SIM_MONEY;
    smb__figures f;
    smb__figures_of(set, in, applied->maturity, applied->likelihood_factor[s],
                    applied->impact_factor[s], &f);

    size_t n = strlen(in->id) + 1;
    memcpy(*cursor, in->id, n);
    sc->id = *cursor;
    *cursor += n;
    sc->direction = in->direction;
    sc->side = in->direction == SMB_DIRECTION_THREAT ? SMB_SIM_LOSS : SMB_SIM_UPSIDE;
    sc->has_amount = !money || in->has_money;
    sc->likelihood_factor = applied->likelihood_factor[s];
    sc->amount_factor = applied->impact_factor[s];
    sc->capability_factor = f.factor;
    sc->amount_scale = sc->amount_factor * sc->capability_factor;
    sc->mean_likelihood = f.likelihood;
    sc->mean_amount = money ? f.money : f.impact;
    sc->exposure = money ? f.money_exposure : f.exposure;
    double rho = smb_sim_config_source_rho(m->config, in->source);
    sc->correlated = rho > 0;
    sc->sqrt_rho = sqrt(rho);
    sc->sqrt_rest = sqrt(1.0 - rho);

    smb_status st = smb__sampler_init(&sc->likelihood, &in->likelihood);
    if (st == SMB_OK && sc->has_amount)
        st = smb__sampler_init(&sc->amount, money ? &in->money : &in->impact);
    if (st != SMB_OK)
        return st;
    /* A draw multiplied by 0 is 0 whatever it was: no need to make it. */
    sc->likelihood_varies = smb__sampler_varies(&sc->likelihood) && sc->likelihood_factor > 0;
    sc->p_point = smb__sampler_draw(&sc->likelihood, 0.5) * sc->likelihood_factor;
    /* Draws never leave [min, max] (a lognormal, unbounded, is for money
     * only): a word below every p they can give means an occurrence, one
     * above them all none, without drawing. */
    bool bounded = in->likelihood.dist != SMB_DIST_LOGNORMAL;
    uint64_t surely = !sc->likelihood_varies ? words_below(sc->p_point)
                      : bounded ? words_below(in->likelihood.min * sc->likelihood_factor)
                                : 0;
    uint64_t maybe = !sc->likelihood_varies ? words_below(sc->p_point)
                     : bounded ? words_below(in->likelihood.max * sc->likelihood_factor)
                               : UINT64_C(1) << 32;
    sc->surely_all = surely >> 32 != 0;
    sc->surely = sc->surely_all ? UINT32_MAX : (uint32_t)surely;
    sc->maybe_all = maybe >> 32 != 0;
    sc->maybe = sc->maybe_all ? UINT32_MAX : (uint32_t)maybe;
    sc->probit_point = smb__normal_quantile(sc->p_point);
    /* Φ⁻¹(p) lies between Φ⁻¹ of the likelihood's ends (times its factor). */
    double c_low = sc->probit_point, c_high = sc->probit_point;
    if (sc->likelihood_varies) {
        c_low = bounded ? smb__normal_quantile(in->likelihood.min * sc->likelihood_factor)
                        : -HUGE_VAL;
        c_high = bounded ? smb__normal_quantile(in->likelihood.max * sc->likelihood_factor)
                         : HUGE_VAL;
    }
    sc->occurs_below = c_low - SMB__SIM_BRACKET_MARGIN;
    sc->never_above = c_high + SMB__SIM_BRACKET_MARGIN;
    if (sc->has_amount) {
        sc->amount_varies = smb__sampler_varies(&sc->amount) && sc->amount_scale > 0;
        sc->amount_point = smb__sampler_draw(&sc->amount, 0.5) * sc->amount_scale;
    }
    return SMB_OK;
}

static smb_status check_model_args(const smb_scenarios *scenarios, const smb_responses *responses,
                                   const char *const *ids, size_t count, smb_sim_model **out)
{
    if (!scenarios || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", scenarios ? "out" : "scenarios");
    if (count && (!responses || !ids))
        return smb__fail(SMB_EINVAL, "%s: must not be NULL when %zu responses are chosen",
                         responses ? "response_ids" : "responses", count);
    if (scenarios->count == 0)
        return smb__fail(SMB_EINVAL, "scenarios: nothing to simulate");
    return SMB_OK;
}

smb_status smb_sim_model_new(const smb_scenarios *scenarios, const smb_resilience *resilience,
                             const smb_responses *responses, const char *const *response_ids,
                             size_t count, const smb_sim_config *config, smb_sim_model **out)
{
    smb_status st = check_model_args(scenarios, responses, response_ids, count, out);
    if (st != SMB_OK)
        return st;
    smb_sim_config *settings = NULL;
    st = config ? smb_sim_config_copy(config, &settings) : smb_sim_config_new(&settings);
    if (st != SMB_OK)
        return st;
    if (settings->measure == SMB_SIM_MONEY) {
        bool any = false;
        for (size_t s = 0; s < scenarios->count; s++)
            any = any || scenarios->items[s]->has_money;
        if (!any) {
            smb_sim_config_free(settings);
            return smb__fail(SMB_ERANGE,
                             "measure: money, but no scenario of the set has a money impact");
        }
    }

    responses_applied applied = {0};
    smb_sim_model *m = smb__calloc(1, sizeof *m);
    if (!m) {
        smb_sim_config_free(settings);
        return smb__nomem();
    }
    m->config = settings;
    size_t bytes = 0;
    for (size_t s = 0; s < scenarios->count; s++)
        bytes += strlen(scenarios->items[s]->id) + 1;
    m->scenarios = smb__calloc(scenarios->count, sizeof *m->scenarios);
    m->strings = m->scenarios ? smb__malloc(bytes) : NULL;
    if (!m->strings) {
        st = smb__nomem();
        goto fail;
    }
    if ((st = apply_responses(scenarios, resilience, responses, response_ids, count,
                              &applied)) != SMB_OK)
        goto fail;

    m->key[0] = (uint32_t)settings->seed;
    m->key[1] = (uint32_t)(settings->seed >> 32);
    m->amount_word = settings->measure == SMB_SIM_MONEY ? 3 : 2;
    char *cursor = m->strings;
    for (size_t s = 0; s < scenarios->count; s++) {
        m->count = s + 1; /* so that a failure frees the samplers made so far */
        if ((st = compile_scenario(m, scenarios, s, &applied, &cursor)) != SMB_OK)
            goto fail;
        const smb__sim_scenario *sc = &m->scenarios[s];
        m->correlated = m->correlated || sc->correlated;
        m->has_upside = m->has_upside || sc->side == SMB_SIM_UPSIDE;
        if (sc->side == SMB_SIM_LOSS)
            m->expected += sc->exposure;
    }
    m->fingerprint = fingerprint_of(m, scenarios);
    for (uint32_t j = 0; m->correlated && j < SMB__SIM_CELLS; j++) {
        uint32_t first = j << (32 - SMB__SIM_CELL_BITS);
        uint32_t last = first | (UINT32_MAX >> SMB__SIM_CELL_BITS);
        m->probit_low[j] = smb__normal_quantile(smb__u01(first));
        m->probit_high[j] = smb__normal_quantile(smb__u01(last));
    }
    for (uint32_t j = 0; m->correlated && j <= SMB__SIM_CELLS; j++)
        m->probit_edge[j] = j == 0               ? -HUGE_VAL
                            : j == SMB__SIM_CELLS ? HUGE_VAL
                                                  : smb__normal_quantile((double)j / SMB__SIM_CELLS);
    smb__free(applied.likelihood_factor);
    smb__free(applied.impact_factor);
    *out = m;
    return SMB_OK;

fail:
    smb__free(applied.likelihood_factor);
    smb__free(applied.impact_factor);
    smb_sim_model_free(m);
    return st;
}

const smb_sim_config *smb_sim_model_config(const smb_sim_model *model)
{
    return model ? model->config : NULL;
}

size_t smb_sim_model_scenario_count(const smb_sim_model *model)
{
    return model ? model->count : 0;
}

uint64_t smb_sim_model_fingerprint(const smb_sim_model *model)
{
    return model ? model->fingerprint : 0;
}
