/* SPDX-License-Identifier: MIT */
/*
 * The `resilience` section of a document (docs/format.md, "Resilience"):
 * the five capabilities by key, each with its maturity, weight and
 * rationale, loaded through the public resilience API only and saved in
 * the one layout.
 *
 * The API refuses a weight of 0 for the last capability of positive weight.
 * Capabilities the document leaves out keep their weight of 1, and weights
 * are set in document order, so a zero is refused exactly when the
 * document gives every capability 0, at the last of them.
 */
#include <string.h>

#include "document_loader.h"

/* ---- loading -------------------------------------------------------------- */

static void capability_keys(const char *keys[SMB_CAPABILITY_COUNT])
{
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        keys[c] = smb_capability_key((smb_capability)c);
}

static smb_status load_field(smb__loader *ld, smb_capability c, const char *field,
                             const json_t *v)
{
    smb_status st;
    if (strcmp(field, "rationale") == 0) {
        if ((st = smb__ld_expect_string(ld, v)) != SMB_OK)
            return st;
        return smb__ld_api(ld, smb_resilience_set_rationale(ld->resilience, c,
                                                            json_string_value(v)));
    }
    if (strcmp(field, "maturity") == 0) {
        if ((st = smb__ld_expect_number(ld, v, "a number from 0 to 5")) != SMB_OK)
            return st;
        return smb__ld_api(ld, smb_resilience_set_maturity(ld->resilience, c,
                                                           json_number_value(v)));
    }
    if ((st = smb__ld_expect_number(ld, v, "a number from 0 upwards")) != SMB_OK)
        return st;
    return smb__ld_api(ld, smb_resilience_set_weight(ld->resilience, c, json_number_value(v)));
}

static smb_status load_capability(smb__loader *ld, smb_capability c, const json_t *v)
{
    static const char *const keys[] = {"maturity", "weight", "rationale"};
    if (!json_is_object(v))
        return smb__ld_fail(ld, SMB_ESCHEMA, "a capability must be an object, not %s",
                            smb__ld_type_name(v));
    smb_status st = smb__ld_only_keys(ld, v, keys, sizeof keys / sizeof keys[0],
                                      "a capability has maturity, weight and rationale");
    const char *field;
    json_t *value;
    json_object_foreach((json_t *)v, field, value) {
        if (st != SMB_OK)
            break;
        smb__ld_push_key(ld, field);
        st = load_field(ld, c, field, value);
        smb__ld_pop(ld);
    }
    return st;
}

static smb_status load_capabilities(smb__loader *ld, const json_t *caps)
{
    if (!json_is_object(caps))
        return smb__ld_fail(ld, SMB_ESCHEMA, "must be an object of capabilities by key, not %s",
                            smb__ld_type_name(caps));
    const char *keys[SMB_CAPABILITY_COUNT];
    capability_keys(keys);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)caps, key, v) {
        size_t c;
        smb__ld_push_key(ld, key);
        smb_status st = smb__ld_key_of(ld, key, keys, SMB_CAPABILITY_COUNT,
                                       "a capability is one of", &c);
        if (st == SMB_OK)
            st = load_capability(ld, (smb_capability)c, v);
        smb__ld_pop(ld);
        if (st != SMB_OK)
            return st;
    }
    return SMB_OK;
}

smb_status smb__ld_resilience(smb__loader *ld, const json_t *section)
{
    static const char *const keys[] = {"capabilities"};
    smb_status st = smb__ld_expect_object(ld, section);
    if (st == SMB_OK)
        st = smb__ld_only_keys(ld, section, keys, 1, "a resilience section has only 'capabilities'");
    if (st == SMB_OK)
        st = smb_resilience_new(&ld->resilience);
    const json_t *caps = json_object_get(section, "capabilities");
    if (st != SMB_OK || !caps)
        return st;
    smb__ld_push_key(ld, "capabilities");
    st = load_capabilities(ld, caps);
    smb__ld_pop(ld);
    return st;
}

/* ---- saving --------------------------------------------------------------- */

void smb__doc_save_resilience(smb_buf *b, int level, const smb_resilience *resilience)
{
    bool first = true, first_cap = true;
    smb__buf_puts(b, "{");
    smb__doc_member(b, level + 1, &first, "capabilities");
    smb__buf_puts(b, "{");
    for (int k = 0; k < SMB_CAPABILITY_COUNT; k++) {
        smb_capability c = (smb_capability)k;
        bool first_field = true;
        smb__doc_member(b, level + 2, &first_cap, smb_capability_key(c));
        smb__buf_puts(b, "{");
        smb__doc_member(b, level + 3, &first_field, "maturity");
        smb__doc_put_number(b, smb_resilience_maturity(resilience, c));
        double weight = smb_resilience_weight(resilience, c);
        if (weight != 1) {
            smb__doc_member(b, level + 3, &first_field, "weight");
            smb__doc_put_number(b, weight);
        }
        const char *rationale = smb_resilience_rationale(resilience, c);
        if (rationale) {
            smb__doc_member(b, level + 3, &first_field, "rationale");
            smb__doc_put_string(b, rationale);
        }
        smb__doc_end(b, level + 2, first_field, "}");
    }
    smb__doc_end(b, level + 1, first_cap, "}");
    smb__doc_end(b, level, first, "}");
}
