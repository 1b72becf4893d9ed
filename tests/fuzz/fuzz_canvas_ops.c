/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the input is a program of canvas operations (add, remove,
 * move, link, unlink, set fields). Whatever sequence runs, the canvas keeps
 * its invariants: every link joins two existing items in allowed blocks,
 * every failure leaves the canvas equal to its copy from before the call,
 * and copies, checks, diffs and renderings succeed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smbstrat/smbstrat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned next(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

/* Few distinct ids, so that operations collide often. */
static void make_id(reader *r, char *id)
{
    snprintf(id, 8, "i%u", next(r) % 24);
}

static void check_invariants(const smb_canvas *c)
{
    size_t total = 0;
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        for (size_t i = 0; i < smb_canvas_item_count(c, (smb_block)b); i++) {
            const smb_item *it = smb_canvas_item_at(c, (smb_block)b, i);
            if (!it || smb_item_block(it) != (smb_block)b || smb_item_index(it) != i)
                abort();
            if (smb_canvas_find(c, smb_item_id(it)) != it)
                abort();
            for (size_t l = 0; l < smb_item_link_count(it); l++) {
                const smb_item *t = smb_canvas_find(c, smb_item_link(it, l));
                if (!t || !smb_link_allowed(smb_item_block(it), smb_item_block(t)))
                    abort();
            }
            total++;
        }
    }
    if (total != smb_canvas_item_total(c))
        abort();
}

static smb_status apply(smb_canvas *c, reader *r)
{
    char id[8], other[8];
    static const char *texts[] = {"Bread", "bread ", "Café ☕", "x", "<&>\"'"};
    unsigned op = next(r) % 10;
    make_id(r, id);
    switch (op) {
    case 0:
        return smb_canvas_add_item(c, (smb_block)(next(r) % 10), id, texts[next(r) % 5]);
    case 1:
        return smb_canvas_remove_item(c, id);
    case 2:
        return smb_canvas_move_item(c, id, (smb_block)(next(r) % 9), next(r) % 6);
    case 3:
        make_id(r, other);
        return smb_canvas_link(c, id, other);
    case 4:
        make_id(r, other);
        return smb_canvas_unlink(c, id, other);
    case 5:
        return smb_canvas_set_item_importance(c, id, (int)(next(r) % 8) - 1);
    case 6:
        return smb_canvas_set_item_amount(c, id, (double)next(r) * 1000.0 - 5000.0);
    case 7:
        return smb_canvas_set_item_kind(c, id, (smb_amount_kind)(next(r) % 12));
    case 8:
        return smb_canvas_set_item_evidence(c, id, (smb_evidence)(next(r) % 5));
    default: {
        const char *tags[] = {"a", "b", "a"};
        return smb_canvas_set_item_tags(c, id, tags, next(r) % 4);
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = {data, size};
    smb_canvas *c = NULL;
    if (smb_canvas_new(&c) != SMB_OK)
        return 0;
    for (int step = 0; step < 200 && r.n > 0; step++) {
        smb_canvas *before = NULL;
        if (smb_canvas_copy(c, &before) != SMB_OK)
            abort();
        if (apply(c, &r) != SMB_OK && !smb_canvas_equal(c, before))
            abort(); /* a failed call changed the canvas */
        smb_canvas_free(before);
        check_invariants(c);
    }
    smb_findings *f = NULL;
    if (smb_canvas_check(c, &f) != SMB_OK)
        abort();
    smb_findings_free(f);
    for (int fmt = SMB_FORMAT_MARKDOWN; fmt <= SMB_FORMAT_HTML; fmt++) {
        char *text = NULL;
        if (smb_canvas_render(c, (smb_format)fmt, &text, NULL) != SMB_OK)
            abort();
        smb_free(text);
    }
    smb_canvas_free(c);
    return 0;
}
