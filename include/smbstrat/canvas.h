/* SPDX-License-Identifier: MIT */
/**
 * @file canvas.h
 * @brief The business model canvas: nine blocks of items, links between
 *        them, coherence findings, totals and a diff.
 *
 * A canvas owns its items. Items are reached through borrowed
 * `const smb_item *` handles that stay valid until the canvas is next
 * modified or freed. Every mutation goes through the canvas, by item id, and
 * is all-or-nothing: on failure the canvas is unchanged.
 */
#ifndef SMBSTRAT_CANVAS_H
#define SMBSTRAT_CANVAS_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The nine blocks, in the order of the document and of iteration. */
typedef enum smb_block {
    SMB_BLOCK_NONE = -1,                  /**< No block (a finding about the whole canvas). */
    SMB_BLOCK_KEY_PARTNERSHIPS = 0,       /**< "key_partnerships" */
    SMB_BLOCK_KEY_ACTIVITIES = 1,         /**< "key_activities" */
    SMB_BLOCK_KEY_RESOURCES = 2,          /**< "key_resources" */
    SMB_BLOCK_VALUE_PROPOSITIONS = 3,     /**< "value_propositions" */
    SMB_BLOCK_CUSTOMER_RELATIONSHIPS = 4, /**< "customer_relationships" */
    SMB_BLOCK_CHANNELS = 5,               /**< "channels" */
    SMB_BLOCK_CUSTOMER_SEGMENTS = 6,      /**< "customer_segments" */
    SMB_BLOCK_COST_STRUCTURE = 7,         /**< "cost_structure" */
    SMB_BLOCK_REVENUE_STREAMS = 8,        /**< "revenue_streams" */
    SMB_BLOCK_COUNT = 9                   /**< Number of blocks. */
} smb_block;

/** @brief How well an item is supported by evidence (the lean-startup loop). */
typedef enum smb_evidence {
    SMB_EVIDENCE_ASSUMPTION = 0,  /**< "assumption": believed, not tested (the default). */
    SMB_EVIDENCE_TESTING = 1,     /**< "testing": an experiment is under way. */
    SMB_EVIDENCE_VALIDATED = 2,   /**< "validated": confirmed by evidence. */
    SMB_EVIDENCE_INVALIDATED = 3, /**< "invalidated": contradicted by evidence. */
    SMB_EVIDENCE_COUNT = 4        /**< Number of levels. */
} smb_evidence;

/**
 * @brief The kind of a money amount. Revenue kinds are allowed only in
 *        revenue_streams, cost kinds only in cost_structure.
 */
typedef enum smb_amount_kind {
    SMB_KIND_NONE = 0,          /**< Not given. */
    SMB_KIND_ASSET_SALE = 1,    /**< "asset_sale" (revenue) */
    SMB_KIND_SUBSCRIPTION = 2,  /**< "subscription" (revenue) */
    SMB_KIND_USAGE_FEE = 3,     /**< "usage_fee" (revenue) */
    SMB_KIND_LICENSING = 4,     /**< "licensing" (revenue) */
    SMB_KIND_LEASING = 5,       /**< "leasing": lending, renting, leasing (revenue) */
    SMB_KIND_COMMISSION = 6,    /**< "commission": brokerage fees (revenue) */
    SMB_KIND_ADVERTISING = 7,   /**< "advertising" (revenue) */
    SMB_KIND_FREEMIUM = 8,      /**< "freemium": paid tier of a free offer (revenue) */
    SMB_KIND_FIXED = 9,         /**< "fixed" (cost) */
    SMB_KIND_VARIABLE = 10,     /**< "variable" (cost) */
    SMB_KIND_COUNT = 11         /**< Number of kinds, NONE included. */
} smb_amount_kind;

/** @brief Opaque business model canvas. */
typedef struct smb_canvas smb_canvas;
/** @brief Opaque item, borrowed from its canvas. */
typedef struct smb_item smb_item;

/** @name Keys and titles
 * Stable keys are the document's spelling; titles are for people.
 * @{ */
/** @brief "customer_segments" for ::SMB_BLOCK_CUSTOMER_SEGMENTS; NULL if out of range. */
SMB_API const char *smb_block_key(smb_block block);
/** @brief "Customer Segments" for ::SMB_BLOCK_CUSTOMER_SEGMENTS; NULL if out of range. */
SMB_API const char *smb_block_title(smb_block block);
/** @brief Look a block up by key. @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_block_from_key(const char *key, smb_block *out);
/** @brief "assumption", "testing", "validated", "invalidated"; NULL if out of range. */
SMB_API const char *smb_evidence_key(smb_evidence evidence);
/** @brief Look an evidence level up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_evidence_from_key(const char *key, smb_evidence *out);
/** @brief "subscription", "fixed", ...; "" for ::SMB_KIND_NONE; NULL if out of range. */
SMB_API const char *smb_amount_kind_key(smb_amount_kind kind);
/** @brief Look an amount kind up by key. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_amount_kind_from_key(const char *key, smb_amount_kind *out);
/** @brief Whether @p kind may be used on an item of @p block (NONE always may). */
SMB_API int smb_amount_kind_allowed(smb_block block, smb_amount_kind kind);
/** @brief Whether items of @p block may carry an amount (revenue_streams, cost_structure). */
SMB_API int smb_block_has_amounts(smb_block block);
/**
 * @brief Whether an item of block @p from may link to an item of block @p to.
 *
 * The allowed links, and what they mean:
 * - value_propositions -> customer_segments (the proposition serves the segment);
 * - channels, customer_relationships -> customer_segments (reach the segment);
 * - revenue_streams -> customer_segments (the segment pays this stream);
 * - key_partnerships, key_activities, key_resources -> value_propositions
 *   (support the proposition);
 * - cost_structure -> key_partnerships, key_activities, key_resources
 *   (the cost is incurred by them).
 */
SMB_API int smb_link_allowed(smb_block from, smb_block to);
/** @} */

/** @name Life cycle
 * @{ */
/** @brief Create an empty canvas. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM. */
SMB_API smb_status smb_canvas_new(smb_canvas **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_canvas_copy(const smb_canvas *canvas, smb_canvas **out);
/** @brief Destroy a canvas and its items. Accepts NULL. */
SMB_API void smb_canvas_free(smb_canvas *canvas);
/** @brief Whether two canvases hold the same name, description, items (in order) and links. */
SMB_API int smb_canvas_equal(const smb_canvas *a, const smb_canvas *b);
/** @} */

/** @name Canvas properties
 * @{ */
/** @brief The business's name; "" when unset. */
SMB_API const char *smb_canvas_name(const smb_canvas *canvas);
/** @brief Set the name (copied; NULL or "" clears). @return ::SMB_OK, ::SMB_EINVAL (bad UTF-8), ::SMB_ELIMIT or ::SMB_ENOMEM. */
SMB_API smb_status smb_canvas_set_name(smb_canvas *canvas, const char *name);
/** @brief A free description; "" when unset. */
SMB_API const char *smb_canvas_description(const smb_canvas *canvas);
/** @brief Set the description (copied; NULL or "" clears). Errors as smb_canvas_set_name(). */
SMB_API smb_status smb_canvas_set_description(smb_canvas *canvas, const char *description);
/** @} */

/** @name Items
 * @{ */
/**
 * @brief Append a new item to a block.
 *
 * The new item has importance 3, evidence ::SMB_EVIDENCE_ASSUMPTION, no
 * notes, tags, amount, kind or links.
 *
 * @param canvas the canvas to add to
 * @param block  the block that receives the item, at its end
 * @param id   unique in the canvas; 1 to ::SMB_MAX_ID_LENGTH bytes of ASCII
 *             letters, digits, '_', '-' and '.'
 * @param text non-empty valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH bytes
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, bad id or block, empty or invalid
 *         text), ::SMB_EEXIST (id taken), ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_add_item(smb_canvas *canvas, smb_block block,
                                       const char *id, const char *text);
/**
 * @brief Remove an item and every link from or to it.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND.
 */
SMB_API smb_status smb_canvas_remove_item(smb_canvas *canvas, const char *id);
/**
 * @brief Move an item to @p position in @p block (its own block or another).
 *
 * @p position counts the block's items without the moved one; it may equal
 * that count to append. Moving to another block is refused with
 * ::SMB_EINVAL when the item's links, amount or kind would not be allowed
 * there (remove them first).
 * @return ::SMB_OK, ::SMB_EINVAL, ::SMB_ENOTFOUND, ::SMB_ERANGE or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_move_item(smb_canvas *canvas, const char *id,
                                        smb_block block, size_t position);
/** @brief Number of items in all blocks. */
SMB_API size_t smb_canvas_item_total(const smb_canvas *canvas);
/** @brief Number of items in @p block (0 for an invalid block). */
SMB_API size_t smb_canvas_item_count(const smb_canvas *canvas, smb_block block);
/** @brief The item at @p index of @p block, or NULL when out of range. */
SMB_API const smb_item *smb_canvas_item_at(const smb_canvas *canvas, smb_block block,
                                           size_t index);
/** @brief The item with this id, or NULL (no error is recorded). */
SMB_API const smb_item *smb_canvas_find(const smb_canvas *canvas, const char *id);
/**
 * @brief The item with this id.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND (with the id in the message).
 */
SMB_API smb_status smb_canvas_get_item(const smb_canvas *canvas, const char *id,
                                       const smb_item **out);
/** @} */

/** @name Item accessors
 * Borrowed strings are valid until the canvas is next modified or freed.
 * @{ */
/** @brief The item's id. */
SMB_API const char *smb_item_id(const smb_item *item);
/** @brief The item's text. */
SMB_API const char *smb_item_text(const smb_item *item);
/** @brief The item's notes, or NULL when none. */
SMB_API const char *smb_item_notes(const smb_item *item);
/** @brief The block holding the item. */
SMB_API smb_block smb_item_block(const smb_item *item);
/** @brief The item's position in its block. */
SMB_API size_t smb_item_index(const smb_item *item);
/** @brief Importance, 1 (minor) to 5 (critical). */
SMB_API int smb_item_importance(const smb_item *item);
/** @brief Evidence level. */
SMB_API smb_evidence smb_item_evidence(const smb_item *item);
/** @brief Number of tags. */
SMB_API size_t smb_item_tag_count(const smb_item *item);
/** @brief Tag @p index, or NULL when out of range. */
SMB_API const char *smb_item_tag(const smb_item *item, size_t index);
/** @brief Whether the item carries an annual amount. */
SMB_API int smb_item_has_amount(const smb_item *item);
/** @brief The annual amount, 0 when none. */
SMB_API double smb_item_amount(const smb_item *item);
/** @brief The amount kind, ::SMB_KIND_NONE when none. */
SMB_API smb_amount_kind smb_item_kind(const smb_item *item);
/** @brief Number of outgoing links. */
SMB_API size_t smb_item_link_count(const smb_item *item);
/** @brief The id of the target of outgoing link @p index, or NULL when out of range. */
SMB_API const char *smb_item_link(const smb_item *item, size_t index);
/** @} */

/** @name Updating items
 * Each call changes one field of the item with the given id, or nothing.
 * All return ::SMB_EINVAL for NULL arguments and ::SMB_ENOTFOUND for an
 * unknown id.
 * @{ */
/** @brief Replace the text (non-empty UTF-8). Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_canvas_set_item_text(smb_canvas *canvas, const char *id, const char *text);
/** @brief Replace the notes; NULL or "" removes them. Also ::SMB_ELIMIT, ::SMB_ENOMEM. */
SMB_API smb_status smb_canvas_set_item_notes(smb_canvas *canvas, const char *id, const char *notes);
/** @brief Set the importance. ::SMB_ERANGE unless 1..5. */
SMB_API smb_status smb_canvas_set_item_importance(smb_canvas *canvas, const char *id, int importance);
/** @brief Set the evidence level. ::SMB_ERANGE for a value outside the enum. */
SMB_API smb_status smb_canvas_set_item_evidence(smb_canvas *canvas, const char *id, smb_evidence evidence);
/**
 * @brief Set the annual amount of a revenue_streams or cost_structure item.
 * @return ::SMB_ERANGE for NaN, infinities, negatives or values above
 *         ::SMB_MAX_AMOUNT; ::SMB_EINVAL in other blocks.
 */
SMB_API smb_status smb_canvas_set_item_amount(smb_canvas *canvas, const char *id, double amount);
/** @brief Remove the amount (the kind stays). */
SMB_API smb_status smb_canvas_clear_item_amount(smb_canvas *canvas, const char *id);
/** @brief Set the amount kind; ::SMB_EINVAL unless smb_amount_kind_allowed(). */
SMB_API smb_status smb_canvas_set_item_kind(smb_canvas *canvas, const char *id, smb_amount_kind kind);
/**
 * @brief Replace all tags. Tags are non-empty UTF-8 without duplicates.
 * @param canvas the canvas holding the item
 * @param id     the item's id
 * @param tags   @p count strings (may be NULL when @p count is 0), copied
 * @param count  number of tags, at most ::SMB_MAX_TAGS; 0 removes every tag
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, empty or invalid tag, duplicate tag),
 *         ::SMB_ENOTFOUND, ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_set_item_tags(smb_canvas *canvas, const char *id,
                                            const char *const *tags, size_t count);
/** @} */

/** @name Links
 * Links always join two existing items: removing an item removes its links.
 * @{ */
/**
 * @brief Link item @p from to item @p to.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL, self-link, or blocks that may not be
 *         linked: see smb_link_allowed()), ::SMB_ENOTFOUND, ::SMB_EEXIST,
 *         ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_link(smb_canvas *canvas, const char *from, const char *to);
/** @brief Remove a link. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOTFOUND. */
SMB_API smb_status smb_canvas_unlink(smb_canvas *canvas, const char *from, const char *to);
/** @brief Whether the link exists. */
SMB_API int smb_canvas_linked(const smb_canvas *canvas, const char *from, const char *to);
/** @} */

/** @name Analytics
 * @{ */
/** @brief How serious a finding is. */
typedef enum smb_severity {
    SMB_SEVERITY_INFO = 0,    /**< Worth knowing. */
    SMB_SEVERITY_WARNING = 1, /**< The model is incomplete or incoherent here. */
    SMB_SEVERITY_ERROR = 2    /**< The model cannot be right as it stands. */
} smb_severity;

/** @brief "info", "warning", "error"; NULL if out of range. */
SMB_API const char *smb_severity_key(smb_severity severity);

/** @brief One finding. Filled by the library only; borrowed from its list. */
typedef struct smb_finding {
    smb_severity severity; /**< How serious. */
    const char *code;      /**< Stable code, e.g. "segment_without_channel" (see docs/methodology.md). */
    smb_block block;       /**< The block concerned, or ::SMB_BLOCK_NONE. */
    const char *item;      /**< The id of the item concerned, or NULL. */
    const char *message;   /**< One sentence for people. */
} smb_finding;

/** @brief Opaque list of findings. */
typedef struct smb_findings smb_findings;

/**
 * @brief Check a canvas for completeness and coherence.
 *
 * Findings come in a stable order: by block, then item order, then code.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_check(const smb_canvas *canvas, smb_findings **out);
/** @brief Number of findings. */
SMB_API size_t smb_findings_count(const smb_findings *findings);
/** @brief Finding @p index, or NULL when out of range. */
SMB_API const smb_finding *smb_findings_at(const smb_findings *findings, size_t index);
/** @brief Number of findings of at least @p severity. */
SMB_API size_t smb_findings_count_at_least(const smb_findings *findings, smb_severity severity);
/** @brief Destroy a list of findings. Accepts NULL. */
SMB_API void smb_findings_free(smb_findings *findings);

/** @brief Sum of the amounts in revenue_streams. */
SMB_API double smb_canvas_revenue_total(const smb_canvas *canvas);
/** @brief Sum of the amounts in cost_structure. */
SMB_API double smb_canvas_cost_total(const smb_canvas *canvas);
/** @brief Sum of the cost_structure amounts of one kind (::SMB_KIND_FIXED, ::SMB_KIND_VARIABLE or ::SMB_KIND_NONE for those without a kind). */
SMB_API double smb_canvas_cost_total_of_kind(const smb_canvas *canvas, smb_amount_kind kind);
/** @brief Revenue total minus cost total. */
SMB_API double smb_canvas_margin(const smb_canvas *canvas);
/**
 * @brief Importance-weighted share of items still at the assumption level:
 *        sum of importance of assumption items / sum of importance of all
 *        items, in [0, 1]; 0 for an empty canvas.
 */
SMB_API double smb_canvas_assumption_share(const smb_canvas *canvas);
/** @} */

/** @name Diff
 * @{ */
/** @brief What happened to an item or link between two canvases. */
typedef enum smb_change_kind {
    SMB_CHANGE_ADDED = 0,        /**< The item is only in the second canvas. */
    SMB_CHANGE_REMOVED = 1,      /**< The item is only in the first canvas. */
    SMB_CHANGE_CHANGED = 2,      /**< The item is in both, with different fields. */
    SMB_CHANGE_LINK_ADDED = 3,   /**< The link is only in the second canvas. */
    SMB_CHANGE_LINK_REMOVED = 4  /**< The link is only in the first canvas. */
} smb_change_kind;

/** @brief Item fields, as bit flags in smb_change::fields. */
enum smb_field {
    SMB_FIELD_TEXT = 1 << 0,       /**< text */
    SMB_FIELD_NOTES = 1 << 1,      /**< notes */
    SMB_FIELD_TAGS = 1 << 2,       /**< tags (set or order) */
    SMB_FIELD_IMPORTANCE = 1 << 3, /**< importance */
    SMB_FIELD_EVIDENCE = 1 << 4,   /**< evidence */
    SMB_FIELD_AMOUNT = 1 << 5,     /**< amount (presence or value) */
    SMB_FIELD_KIND = 1 << 6,       /**< amount kind */
    SMB_FIELD_BLOCK = 1 << 7       /**< the item moved to another block */
};

/** @brief "added", "removed", "changed", "link_added", "link_removed"; NULL if out of range. */
SMB_API const char *smb_change_kind_key(smb_change_kind kind);
/** @brief The key of one ::smb_field flag ("text", "notes", ...); NULL unless exactly one known bit is set. */
SMB_API const char *smb_field_key(unsigned field);

/** @brief One difference. Filled by the library only; borrowed from its diff. */
typedef struct smb_change {
    smb_change_kind kind; /**< What happened. */
    const char *id;       /**< The item (for links: the link's source). */
    smb_block block;      /**< The item's block (in the second canvas when present there). */
    unsigned fields;      /**< For ::SMB_CHANGE_CHANGED: the ::smb_field bits that differ; else 0. */
    const char *target;   /**< For link changes: the link's target; else NULL. */
} smb_change;

/** @brief Opaque list of differences. */
typedef struct smb_diff smb_diff;

/**
 * @brief Compare two canvases, matching items by id.
 *
 * Changes come in a stable order: removed, added and changed items in the
 * order of the canvas holding them (blocks in order), then removed and added
 * links.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_canvas_diff(const smb_canvas *before, const smb_canvas *after,
                                   smb_diff **out);
/** @brief Number of differences (0 when the canvases' items and links are equal). */
SMB_API size_t smb_diff_count(const smb_diff *diff);
/** @brief Difference @p index, or NULL when out of range. */
SMB_API const smb_change *smb_diff_at(const smb_diff *diff, size_t index);
/** @brief Destroy a diff. Accepts NULL. */
SMB_API void smb_diff_free(smb_diff *diff);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_CANVAS_H */
