/* SPDX-License-Identifier: MIT */
/*
 * The layout of a canvas and its items, private to the library. Code outside
 * canvas.c should read items through the public accessors; the analytics
 * (check, diff) also use the incoming-link lists, which have no public
 * accessor.
 */
#ifndef SMB_CANVAS_IMPL_H
#define SMB_CANVAS_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "idmap.h"
#include "internal.h"

struct smb_item {
    /* Inline so that the id map can borrow it for the item's whole life. */
    char id[SMB_MAX_ID_LENGTH + 1];
    char *text;
    char *notes;               /* NULL when none */
    char **tags;
    size_t tag_count;
    /* Outgoing links in the order they were made; the targets are items of
     * the same canvas, so a link can never dangle. */
    struct smb_item **links;
    size_t link_count, link_cap;
    /* Items linking to this one, in no particular order: lets removal and
     * the coherence checks find incoming links without scanning the canvas. */
    struct smb_item **backlinks;
    size_t backlink_count, backlink_cap;
    double amount;             /* 0 unless has_amount */
    bool has_amount;
    int importance;            /* 1..5 */
    smb_evidence evidence;
    smb_amount_kind kind;
    smb_block block;
    size_t index;              /* position in its block */
};

typedef struct smb__block_items {
    struct smb_item **items;
    size_t count, cap;
} smb__block_items;

struct smb_canvas {
    char *name;                /* NULL when unset */
    char *description;         /* NULL when unset */
    smb__block_items blocks[SMB_BLOCK_COUNT];
    size_t total;
    smb__idmap ids;            /* id -> struct smb_item * */
};

/* The singular noun people use for one item of a block ("Customer segment"),
 * for messages; NULL if out of range. */
const char *smb__block_item_noun(smb_block block);

#endif /* SMB_CANVAS_IMPL_H */
