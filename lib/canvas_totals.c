/* SPDX-License-Identifier: MIT */
/* Money totals and the assumption share of a canvas (docs/methodology.md,
 * "Totals"). */
#include <math.h>

#include "canvas_impl.h"

/* Neumaier's compensated sum, in item order: a million amounts of very
 * different sizes still add up to the correctly rounded total in practice,
 * and the result does not depend on anything but the canvas. */
typedef struct sum {
    double total, compensation;
} sum;

static void sum_add(sum *s, double x)
{
    double t = s->total + x;
    if (fabs(s->total) >= fabs(x))
        s->compensation += (s->total - t) + x;
    else
        s->compensation += (x - t) + s->total;
    s->total = t;
}

static double block_total(const smb_canvas *canvas, smb_block block, bool any_kind,
                          smb_amount_kind kind)
{
    sum s = {0.0, 0.0};
    size_t n = smb_canvas_item_count(canvas, block);
    for (size_t i = 0; i < n; i++) {
        const smb_item *item = smb_canvas_item_at(canvas, block, i);
        if (smb_item_has_amount(item) && (any_kind || smb_item_kind(item) == kind))
            sum_add(&s, smb_item_amount(item));
    }
    return s.total + s.compensation;
}

double smb_canvas_revenue_total(const smb_canvas *canvas)
{
    return block_total(canvas, SMB_BLOCK_REVENUE_STREAMS, true, SMB_KIND_NONE);
}

double smb_canvas_cost_total(const smb_canvas *canvas)
{
    return block_total(canvas, SMB_BLOCK_COST_STRUCTURE, true, SMB_KIND_NONE);
}

double smb_canvas_cost_total_of_kind(const smb_canvas *canvas, smb_amount_kind kind)
{
    return block_total(canvas, SMB_BLOCK_COST_STRUCTURE, false, kind);
}

double smb_canvas_margin(const smb_canvas *canvas)
{
    return smb_canvas_revenue_total(canvas) - smb_canvas_cost_total(canvas);
}

double smb_canvas_assumption_share(const smb_canvas *canvas)
{
    /* Integer sums: at most 5 * SMB_MAX_ITEMS, exact, and the one division
     * gives the correctly rounded share. */
    size_t assumed = 0, all = 0;
    for (int b = 0; b < SMB_BLOCK_COUNT; b++) {
        size_t n = smb_canvas_item_count(canvas, (smb_block)b);
        for (size_t i = 0; i < n; i++) {
            const smb_item *item = smb_canvas_item_at(canvas, (smb_block)b, i);
            size_t weight = (size_t)smb_item_importance(item);
            all += weight;
            if (smb_item_evidence(item) == SMB_EVIDENCE_ASSUMPTION)
                assumed += weight;
        }
    }
    return all ? (double)assumed / (double)all : 0.0;
}
