/* SPDX-License-Identifier: MIT */
/* The taxonomies of disruption: sources (with the capabilities that mitigate
 * each by default), directions and kinds, with their stable keys. */
#include <string.h>

#include "scenario_impl.h"

enum { SHOW_CAP = SMB_MAX_ID_LENGTH + 4 };

#define ADA SMB_CAPABILITY_BIT(SMB_CAPABILITY_ADAPTABILITY)
#define AGI SMB_CAPABILITY_BIT(SMB_CAPABILITY_AGILITY)
#define INN SMB_CAPABILITY_BIT(SMB_CAPABILITY_INNOVATION)
#define CUS SMB_CAPABILITY_BIT(SMB_CAPABILITY_CUSTOMER_CENTRICITY)
#define DAT SMB_CAPABILITY_BIT(SMB_CAPABILITY_DATA_DRIVEN)

/* The mitigation table is the library's reading of what each source forces
 * on a small business (docs/methodology.md, "Default mitigation"). */
static const struct {
    const char *key;
    const char *title;
    unsigned mitigators;
} sources[] = {
    [SMB_SOURCE_TECHNOLOGY] = {"technology", "Technological advancements", INN | DAT | AGI},
    [SMB_SOURCE_CUSTOMER_EXPECTATIONS] = {"customer_expectations",
                                          "Changing customer expectations", CUS | ADA | DAT},
    [SMB_SOURCE_ECONOMIC] = {"economic", "Economic shifts", ADA | AGI},
    [SMB_SOURCE_GLOBAL_EVENT] = {"global_event", "Global events", ADA | AGI},
    [SMB_SOURCE_BUSINESS_MODEL] = {"business_model", "New business models", INN | ADA | CUS},
    [SMB_SOURCE_REGULATORY] = {"regulatory", "Regulatory changes", ADA | DAT},
    [SMB_SOURCE_COMPETITION] = {"competition", "Increased competition", INN | CUS | AGI},
    [SMB_SOURCE_DIGITAL_PLATFORMS] = {"digital_platforms", "Emerging digital platforms",
                                      INN | CUS | AGI},
    [SMB_SOURCE_CYBER] = {"cyber", "Cyber threats and data breaches", DAT | AGI | ADA},
};
_Static_assert(sizeof sources / sizeof sources[0] == SMB_SOURCE_COUNT, "one row per source");

static const char *const direction_keys[] = {
    [SMB_DIRECTION_THREAT] = "threat",
    [SMB_DIRECTION_OPPORTUNITY] = "opportunity",
};
_Static_assert(sizeof direction_keys / sizeof direction_keys[0] == SMB_DIRECTION_COUNT,
               "one key per direction");

/* In bit order: bit i is 1 << i. */
static const char *const kind_keys[] = {"technological", "business_model", "sustaining",
                                        "disruptive",    "operational",    "strategic"};
_Static_assert(sizeof kind_keys / sizeof kind_keys[0] == 6, "one key per kind flag");

static bool source_ok(smb_source s)
{
    return (int)s >= 0 && (int)s < SMB_SOURCE_COUNT;
}

const char *smb_source_key(smb_source source)
{
    return source_ok(source) ? sources[source].key : NULL;
}

const char *smb_source_title(smb_source source)
{
    return source_ok(source) ? sources[source].title : NULL;
}

unsigned smb_source_mitigators(smb_source source)
{
    return source_ok(source) ? sources[source].mitigators : 0u;
}

smb_status smb_source_from_key(const char *key, smb_source *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int s = 0; s < SMB_SOURCE_COUNT; s++) {
        if (strcmp(key, sources[s].key) == 0) {
            *out = (smb_source)s;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND,
                     "no source '%s' (technology, customer_expectations, economic, global_event, "
                     "business_model, regulatory, competition, digital_platforms, cyber)",
                     smb__show(shown, sizeof shown, key));
}

const char *smb_direction_key(smb_direction direction)
{
    return (int)direction >= 0 && (int)direction < SMB_DIRECTION_COUNT ? direction_keys[direction]
                                                                         : NULL;
}

smb_status smb_direction_from_key(const char *key, smb_direction *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (int d = 0; d < SMB_DIRECTION_COUNT; d++) {
        if (strcmp(key, direction_keys[d]) == 0) {
            *out = (smb_direction)d;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND, "no direction '%s' (threat, opportunity)",
                     smb__show(shown, sizeof shown, key));
}

const char *smb_scenario_kind_key(unsigned flag)
{
    for (unsigned i = 0; i < sizeof kind_keys / sizeof kind_keys[0]; i++)
        if (flag == 1u << i)
            return kind_keys[i];
    return NULL;
}

smb_status smb_scenario_kind_from_key(const char *key, unsigned *out)
{
    if (!key || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", key ? "out" : "key");
    for (unsigned i = 0; i < sizeof kind_keys / sizeof kind_keys[0]; i++) {
        if (strcmp(key, kind_keys[i]) == 0) {
            *out = 1u << i;
            return SMB_OK;
        }
    }
    char shown[SHOW_CAP];
    return smb__fail(SMB_ENOTFOUND,
                     "no kind '%s' (technological, business_model, sustaining, disruptive, "
                     "operational, strategic)",
                     smb__show(shown, sizeof shown, key));
}
