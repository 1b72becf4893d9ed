/* SPDX-License-Identifier: MIT */
/* Keys, titles and rules of the canvas enumerations. Each enumeration has one
 * table, indexed by its value, and every function below reads that table:
 * adding a block, kind or level means adding one row. */
#include <string.h>

#include "canvas_impl.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(block) (1u << (block))

static const struct {
    const char *key;
    const char *title;
    const char *noun;     /* one item of the block, for messages */
    bool amounts;         /* items may carry an annual amount and kind */
    unsigned links_to;    /* BIT(b) for each block b its items may link to */
} blocks[] = {
    [SMB_BLOCK_KEY_PARTNERSHIPS] = {"key_partnerships", "Key Partnerships", "Key partner",
                                    false, BIT(SMB_BLOCK_VALUE_PROPOSITIONS)},
    [SMB_BLOCK_KEY_ACTIVITIES] = {"key_activities", "Key Activities", "Key activity",
                                  false, BIT(SMB_BLOCK_VALUE_PROPOSITIONS)},
    [SMB_BLOCK_KEY_RESOURCES] = {"key_resources", "Key Resources", "Key resource",
                                 false, BIT(SMB_BLOCK_VALUE_PROPOSITIONS)},
    [SMB_BLOCK_VALUE_PROPOSITIONS] = {"value_propositions", "Value Propositions",
                                      "Value proposition", false,
                                      BIT(SMB_BLOCK_CUSTOMER_SEGMENTS)},
    [SMB_BLOCK_CUSTOMER_RELATIONSHIPS] = {"customer_relationships", "Customer Relationships",
                                          "Customer relationship", false,
                                          BIT(SMB_BLOCK_CUSTOMER_SEGMENTS)},
    [SMB_BLOCK_CHANNELS] = {"channels", "Channels", "Channel", false,
                            BIT(SMB_BLOCK_CUSTOMER_SEGMENTS)},
    [SMB_BLOCK_CUSTOMER_SEGMENTS] = {"customer_segments", "Customer Segments",
                                     "Customer segment", false, 0},
    [SMB_BLOCK_COST_STRUCTURE] = {"cost_structure", "Cost Structure", "Cost", true,
                                  BIT(SMB_BLOCK_KEY_PARTNERSHIPS) |
                                      BIT(SMB_BLOCK_KEY_ACTIVITIES) |
                                      BIT(SMB_BLOCK_KEY_RESOURCES)},
    [SMB_BLOCK_REVENUE_STREAMS] = {"revenue_streams", "Revenue Streams", "Revenue stream",
                                   true, BIT(SMB_BLOCK_CUSTOMER_SEGMENTS)},
};
_Static_assert(COUNT_OF(blocks) == SMB_BLOCK_COUNT, "one row per block");

static const char *const evidence_keys[] = {
    [SMB_EVIDENCE_ASSUMPTION] = "assumption",
    [SMB_EVIDENCE_TESTING] = "testing",
    [SMB_EVIDENCE_VALIDATED] = "validated",
    [SMB_EVIDENCE_INVALIDATED] = "invalidated",
};
_Static_assert(COUNT_OF(evidence_keys) == SMB_EVIDENCE_COUNT, "one key per level");

static const struct {
    const char *key;
    smb_block block; /* the only block that may use the kind; NONE: any */
} kinds[] = {
    [SMB_KIND_NONE] = {"", SMB_BLOCK_NONE},
    [SMB_KIND_ASSET_SALE] = {"asset_sale", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_SUBSCRIPTION] = {"subscription", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_USAGE_FEE] = {"usage_fee", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_LICENSING] = {"licensing", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_LEASING] = {"leasing", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_COMMISSION] = {"commission", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_ADVERTISING] = {"advertising", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_FREEMIUM] = {"freemium", SMB_BLOCK_REVENUE_STREAMS},
    [SMB_KIND_FIXED] = {"fixed", SMB_BLOCK_COST_STRUCTURE},
    [SMB_KIND_VARIABLE] = {"variable", SMB_BLOCK_COST_STRUCTURE},
};
_Static_assert(COUNT_OF(kinds) == SMB_KIND_COUNT, "one row per kind");

static const char *const severity_keys[] = {
    [SMB_SEVERITY_INFO] = "info",
    [SMB_SEVERITY_WARNING] = "warning",
    [SMB_SEVERITY_ERROR] = "error",
};

static const char *const change_keys[] = {
    [SMB_CHANGE_ADDED] = "added",
    [SMB_CHANGE_REMOVED] = "removed",
    [SMB_CHANGE_CHANGED] = "changed",
    [SMB_CHANGE_LINK_ADDED] = "link_added",
    [SMB_CHANGE_LINK_REMOVED] = "link_removed",
};

/* Indexed by bit position: field_keys[k] names the flag 1 << k. */
static const char *const field_keys[] = {
    "text", "notes", "tags", "importance", "evidence", "amount", "kind", "block",
};
_Static_assert((1u << (COUNT_OF(field_keys) - 1)) == SMB_FIELD_BLOCK, "one key per field");

static bool block_ok(smb_block block)
{
    return (int)block >= 0 && (int)block < SMB_BLOCK_COUNT;
}

static bool kind_ok(smb_amount_kind kind)
{
    return (int)kind >= 0 && (int)kind < SMB_KIND_COUNT;
}

/* Find `key` among the n keys key_at(0..n-1) and store its index in *out. */
static smb_status lookup(const char *what, const char *key, size_t n,
                         const char *(*key_at)(size_t), int *out)
{
    if (!key)
        return smb__fail(SMB_EINVAL, "%s key: must not be NULL", what);
    if (!out)
        return smb__fail(SMB_EINVAL, "%s lookup: the output pointer must not be NULL", what);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(key_at(i), key) == 0) {
            *out = (int)i;
            return SMB_OK;
        }
    }
    char shown[80];
    return smb__fail(SMB_ENOTFOUND, "unknown %s '%s'", what, smb__show(shown, sizeof shown, key));
}

static const char *block_key_at(size_t i) { return blocks[i].key; }
static const char *evidence_key_at(size_t i) { return evidence_keys[i]; }
static const char *kind_key_at(size_t i) { return kinds[i].key; }

const char *smb_block_key(smb_block block)
{
    return block_ok(block) ? blocks[block].key : NULL;
}

const char *smb_block_title(smb_block block)
{
    return block_ok(block) ? blocks[block].title : NULL;
}

const char *smb__block_item_noun(smb_block block)
{
    return block_ok(block) ? blocks[block].noun : NULL;
}

smb_status smb_block_from_key(const char *key, smb_block *out)
{
    int i = 0;
    smb_status st = lookup("block", key, SMB_BLOCK_COUNT, block_key_at, out ? &i : NULL);
    if (st == SMB_OK)
        *out = (smb_block)i;
    return st;
}

const char *smb_evidence_key(smb_evidence evidence)
{
    return (int)evidence >= 0 && (int)evidence < SMB_EVIDENCE_COUNT ? evidence_keys[evidence]
                                                                     : NULL;
}

smb_status smb_evidence_from_key(const char *key, smb_evidence *out)
{
    int i = 0;
    smb_status st = lookup("evidence level", key, SMB_EVIDENCE_COUNT, evidence_key_at,
                           out ? &i : NULL);
    if (st == SMB_OK)
        *out = (smb_evidence)i;
    return st;
}

const char *smb_amount_kind_key(smb_amount_kind kind)
{
    return kind_ok(kind) ? kinds[kind].key : NULL;
}

smb_status smb_amount_kind_from_key(const char *key, smb_amount_kind *out)
{
    int i = 0;
    smb_status st = lookup("amount kind", key, SMB_KIND_COUNT, kind_key_at, out ? &i : NULL);
    if (st == SMB_OK)
        *out = (smb_amount_kind)i;
    return st;
}

int smb_amount_kind_allowed(smb_block block, smb_amount_kind kind)
{
    if (!kind_ok(kind))
        return 0;
    return kinds[kind].block == SMB_BLOCK_NONE || kinds[kind].block == block;
}

int smb_block_has_amounts(smb_block block)
{
    return block_ok(block) && blocks[block].amounts;
}

int smb_link_allowed(smb_block from, smb_block to)
{
    return block_ok(from) && block_ok(to) && (blocks[from].links_to & BIT(to)) != 0;
}

const char *smb_severity_key(smb_severity severity)
{
    return (int)severity >= 0 && (size_t)severity < COUNT_OF(severity_keys)
               ? severity_keys[severity]
               : NULL;
}

const char *smb_change_kind_key(smb_change_kind kind)
{
    return (int)kind >= 0 && (size_t)kind < COUNT_OF(change_keys) ? change_keys[kind] : NULL;
}

const char *smb_field_key(unsigned field)
{
    for (size_t k = 0; k < COUNT_OF(field_keys); k++)
        if (field == 1u << k)
            return field_keys[k];
    return NULL;
}
