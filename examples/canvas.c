/* SPDX-License-Identifier: MIT */
/*
 * A first business model canvas with libsmbstrat: build it, link its
 * items, check it, print its totals and render it as Markdown.
 *
 * Build it against an installed library with
 *     cc canvas.c $(pkg-config --cflags --libs smbstrat) -o canvas
 */
#include <stdio.h>
#include <stdlib.h>

#include <smbstrat/smbstrat.h>

/* Every call returns a status; on failure, say which call failed and the
 * library's one-line explanation, then clean up. */
#define TRY(call)                                                              \
    do {                                                                       \
        smb_status st_ = (call);                                               \
        if (st_ != SMB_OK) {                                                   \
            fprintf(stderr, "canvas: %s failed: %s\n", #call, smb_last_error()); \
            goto done;                                                         \
        }                                                                      \
    } while (0)

int main(void)
{
    smb_canvas *canvas = NULL;
    smb_findings *findings = NULL;
    char *markdown = NULL;
    int rc = EXIT_FAILURE;

    TRY(smb_canvas_new(&canvas));
    TRY(smb_canvas_set_name(canvas, "Corner Bakery"));

    /* One item per block we know about; the ids are ours to choose. */
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_CUSTOMER_SEGMENTS, "seg-locals",
                            "Neighbourhood households"));
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_VALUE_PROPOSITIONS, "vp-fresh",
                            "Sourdough baked every morning"));
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_CHANNELS, "ch-shop", "Shop counter"));
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_KEY_ACTIVITIES, "ka-baking", "Overnight baking"));
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_REVENUE_STREAMS, "rev-counter", "Counter sales"));
    TRY(smb_canvas_add_item(canvas, SMB_BLOCK_COST_STRUCTURE, "cost-flour",
                            "Flour, butter and packaging"));

    /* What we know for sure, and what the money looks like over a year. */
    TRY(smb_canvas_set_item_importance(canvas, "vp-fresh", 5));
    TRY(smb_canvas_set_item_evidence(canvas, "vp-fresh", SMB_EVIDENCE_VALIDATED));
    TRY(smb_canvas_set_item_amount(canvas, "rev-counter", 180000));
    TRY(smb_canvas_set_item_kind(canvas, "rev-counter", SMB_KIND_ASSET_SALE));
    TRY(smb_canvas_set_item_amount(canvas, "cost-flour", 45000));
    TRY(smb_canvas_set_item_kind(canvas, "cost-flour", SMB_KIND_VARIABLE));

    /* Links say how the blocks fit together: the proposition serves the
     * segment, the shop reaches it, the segment pays, baking makes the
     * proposition possible and flour is what baking costs. */
    TRY(smb_canvas_link(canvas, "vp-fresh", "seg-locals"));
    TRY(smb_canvas_link(canvas, "ch-shop", "seg-locals"));
    TRY(smb_canvas_link(canvas, "rev-counter", "seg-locals"));
    TRY(smb_canvas_link(canvas, "ka-baking", "vp-fresh"));
    TRY(smb_canvas_link(canvas, "cost-flour", "ka-baking"));

    /* A link the canvas does not allow (a segment serving a proposition)
     * is refused, and the canvas stays as it was. */
    if (smb_canvas_link(canvas, "seg-locals", "vp-fresh") == SMB_OK) {
        fputs("canvas: a segment -> proposition link was accepted\n", stderr);
        goto done;
    }
    printf("Refused, as expected: %s\n\n", smb_last_error());

    /* The findings say what the model is missing. */
    TRY(smb_canvas_check(canvas, &findings));
    printf("%zu findings:\n", smb_findings_count(findings));
    for (size_t i = 0; i < smb_findings_count(findings); i++) {
        const smb_finding *f = smb_findings_at(findings, i);
        printf("  %-7s %-30s %s\n", smb_severity_key(f->severity), f->code, f->message);
    }

    printf("\nRevenue %.0f, costs %.0f, margin %.0f a year.\n", smb_canvas_revenue_total(canvas),
           smb_canvas_cost_total(canvas), smb_canvas_margin(canvas));
    printf("%.0f%% of the model (weighted by importance) is still an assumption.\n\n",
           100.0 * smb_canvas_assumption_share(canvas));

    TRY(smb_canvas_render(canvas, SMB_FORMAT_MARKDOWN, &markdown, NULL));
    fputs(markdown, stdout);
    rc = EXIT_SUCCESS;

done:
    smb_free(markdown);
    smb_findings_free(findings);
    smb_canvas_free(canvas);
    return rc;
}
