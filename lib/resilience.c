/* SPDX-License-Identifier: MIT */
/* The resilience profile: five capabilities with a maturity, a weight and a
 * rationale each, the resilience index, the weakest link, and the relevant
 * resilience R that scenario scoring uses. */
#include <stdio.h>
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4, FIELD_CAP = 64 };

static const struct {
    const char *key;
    const char *title;
} capability_names[] = {
    [SMB_CAPABILITY_ADAPTABILITY] = {"adaptability", "Adaptability"},
    [SMB_CAPABILITY_AGILITY] = {"agility", "Agility"},
    [SMB_CAPABILITY_INNOVATION] = {"innovation", "Innovation"},
    [SMB_CAPABILITY_CUSTOMER_CENTRICITY] = {"customer_centricity", "Customer-centricity"},
    [SMB_CAPABILITY_DATA_DRIVEN] = {"data_driven", "Data-driven decision making"},
};
_Static_assert(sizeof capability_names / sizeof capability_names[0] == SMB_CAPABILITY_COUNT,
               "one row per capability");

const char *smb_capability_key(smb_capability capability)
{
    return smb__capability_ok(capability) ? capability_names[capability].key : NULL;
}

const char *smb_capability_title(smb_capability capability)
{
    return smb__capability_ok(capability) ? capability_names[capability].title : NULL;
}

smb_status smb_capability_from_key(const char *key, smb_capability *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        if (strcmp(key, capability_names[c].key) == 0) {
            *out = (smb_capability)c;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND,
                     "no capability '%s' (adaptability, agility, innovation, customer_centricity, data_driven)",
                     smb__show(shown, sizeof shown, key));
}

smb_status smb__check_capabilities(const char *field, unsigned mask)
{
    if (mask == 0)
        return smb__fail(SMB_EINVAL, "%s: must name at least one capability", field);
    if (mask & ~SMB_CAPABILITY_ALL)
        return smb__fail(SMB_EINVAL, "%s: unknown capability bits 0x%x", field,
                         mask & ~SMB_CAPABILITY_ALL);
    return SMB_OK;
}

/* Check the common arguments of a capability call. */
static smb_status check_target(const smb_resilience *resilience, smb_capability capability)
{
    if (!resilience)
        return smb__fail(SMB_EINVAL, "resilience: must not be NULL");
    if (!smb__capability_ok(capability))
        return smb__fail(SMB_EINVAL, "capability: %d is not a capability (0 to %d)",
                         (int)capability, SMB_CAPABILITY_COUNT - 1);
    return SMB_OK;
}

/* ---- life cycle ---------------------------------------------------------- */

smb_status smb_resilience_new(smb_resilience **out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    smb_resilience *r = smb__calloc(1, sizeof *r);
    if (!r)
        return smb__nomem();
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        r->weight[c] = 1.0;
    *out = r;
    return SMB_OK;
}

void smb_resilience_free(smb_resilience *resilience)
{
    if (!resilience)
        return;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        smb__free(resilience->rationale[c]);
    smb__free(resilience);
}

smb_status smb_resilience_copy(const smb_resilience *resilience, smb_resilience **out)
{
    if (!resilience || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", resilience ? "out" : "resilience");
    smb_resilience *copy = smb__calloc(1, sizeof *copy);
    if (!copy)
        return smb__nomem();
    memcpy(copy->maturity, resilience->maturity, sizeof copy->maturity);
    memcpy(copy->weight, resilience->weight, sizeof copy->weight);
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        if (resilience->rationale[c] && !(copy->rationale[c] = smb__strdup(resilience->rationale[c]))) {
            smb_resilience_free(copy);
            return smb__nomem();
        }
    }
    *out = copy;
    return SMB_OK;
}

int smb_resilience_equal(const smb_resilience *a, const smb_resilience *b)
{
    if (!a || !b)
        return a == b;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        const char *ra = a->rationale[c], *rb = b->rationale[c];
        if (a->maturity[c] != b->maturity[c] || a->weight[c] != b->weight[c])
            return 0;
        if ((ra == NULL) != (rb == NULL) || (ra && strcmp(ra, rb) != 0))
            return 0;
    }
    return 1;
}

/* ---- capabilities -------------------------------------------------------- */

double smb_resilience_maturity(const smb_resilience *resilience, smb_capability capability)
{
    return resilience && smb__capability_ok(capability) ? resilience->maturity[capability] : 0.0;
}

smb_status smb_resilience_set_maturity(smb_resilience *resilience, smb_capability capability,
                                       double maturity)
{
    smb_status st = check_target(resilience, capability);
    if (st != SMB_OK)
        return st;
    if (!(maturity >= SMB_MATURITY_MIN && maturity <= SMB_MATURITY_MAX))
        return smb__fail(SMB_ERANGE, "%s maturity: must be a number from 0 to 5, got %g",
                         capability_names[capability].key, maturity);
    resilience->maturity[capability] = maturity;
    return SMB_OK;
}

double smb_resilience_weight(const smb_resilience *resilience, smb_capability capability)
{
    return resilience && smb__capability_ok(capability) ? resilience->weight[capability] : 0.0;
}

smb_status smb_resilience_set_weight(smb_resilience *resilience, smb_capability capability,
                                     double weight)
{
    smb_status st = check_target(resilience, capability);
    if (st != SMB_OK)
        return st;
    const char *key = capability_names[capability].key;
    if (!(weight >= 0 && weight <= SMB_RESILIENCE_MAX_WEIGHT))
        return smb__fail(SMB_ERANGE, "%s weight: must be a finite number from 0 to %g, got %g",
                         key, SMB_RESILIENCE_MAX_WEIGHT, weight);
    if (weight == 0) {
        bool other = false;
        for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
            other = other || (c != (int)capability && resilience->weight[c] > 0);
        if (!other)
            return smb__fail(SMB_ERANGE,
                             "%s weight: 0 would leave every capability with weight 0; at least one must count",
                             key);
    }
    resilience->weight[capability] = weight;
    return SMB_OK;
}

const char *smb_resilience_rationale(const smb_resilience *resilience, smb_capability capability)
{
    return resilience && smb__capability_ok(capability) ? resilience->rationale[capability] : NULL;
}

smb_status smb_resilience_set_rationale(smb_resilience *resilience, smb_capability capability,
                                        const char *rationale)
{
    smb_status st = check_target(resilience, capability);
    if (st != SMB_OK)
        return st;
    char **slot = &resilience->rationale[capability];
    if (!rationale || !*rationale) {
        smb__free(*slot);
        *slot = NULL;
        return SMB_OK;
    }
    char field[FIELD_CAP];
    snprintf(field, sizeof field, "%s rationale", capability_names[capability].key);
    st = smb__check_text(field, rationale, false);
    if (st != SMB_OK)
        return st;
    char *copy = smb__strdup(rationale);
    if (!copy)
        return smb__nomem();
    smb__free(*slot);
    *slot = copy;
    return SMB_OK;
}

/* ---- indices ------------------------------------------------------------- */

smb_status smb_resilience_index(const smb_resilience *resilience, double *out)
{
    if (!resilience || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", resilience ? "out" : "resilience");
    double sum = 0, weights = 0;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        sum += resilience->weight[c] * resilience->maturity[c];
        weights += resilience->weight[c];
    }
    /* At least one weight is positive: the setter refuses the last zero. */
    double index = sum / weights / SMB_MATURITY_MAX;
    *out = index > 1.0 ? 1.0 : index; /* rounding of the weighted mean */
    return SMB_OK;
}

smb_status smb_resilience_weakest_link(const smb_resilience *resilience, double *out,
                                       smb_capability *weakest)
{
    if (!resilience || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", resilience ? "out" : "resilience");
    int low = -1;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        if (resilience->weight[c] > 0 && (low < 0 || resilience->maturity[c] < resilience->maturity[low]))
            low = c;
    *out = resilience->maturity[low] / SMB_MATURITY_MAX;
    if (weakest)
        *weakest = (smb_capability)low;
    return SMB_OK;
}

void smb__maturities(const smb_resilience *resilience, double out[SMB_CAPABILITY_COUNT])
{
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        out[c] = resilience ? resilience->maturity[c] : 0.0;
}

double smb__relevant_resilience(const double maturity[SMB_CAPABILITY_COUNT], unsigned mask)
{
    double sum = 0;
    int n = 0;
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        if (mask & SMB_CAPABILITY_BIT(c)) {
            sum += maturity[c];
            n++;
        }
    }
    return n ? sum / n / SMB_MATURITY_MAX : 0.0;
}

smb_status smb_resilience_relevant(const smb_resilience *resilience, unsigned capabilities,
                                   double *out)
{
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    smb_status st = smb__check_capabilities("capabilities", capabilities);
    if (st != SMB_OK)
        return st;
    double maturity[SMB_CAPABILITY_COUNT];
    smb__maturities(resilience, maturity);
    *out = smb__relevant_resilience(maturity, capabilities);
    return SMB_OK;
}
