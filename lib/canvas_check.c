/* SPDX-License-Identifier: MIT */
/* Completeness and coherence findings for a canvas. Every rule, its code and
 * its severity is listed in docs/methodology.md ("Findings"); the codes are
 * stable because scripts filter on them. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas_impl.h"

/* Messages quote at most this many bytes of an item's text. */
enum { QUOTE_MAX = 60, NO_OFFSET = -1 };

typedef struct record {
    smb_finding pub;
    size_t order;       /* 0 for a block-level finding, else item index + 1 */
    ptrdiff_t item_off; /* offsets into the text buffer until it is final */
    ptrdiff_t msg_off;
} record;

struct smb_findings {
    record *records;
    size_t count, cap;
    char *text;         /* every id and message, NUL-separated */
};

typedef struct builder {
    smb_findings *out;
    smb_buf text;
    bool failed;
} builder;

/* ---- recording ----------------------------------------------------------- */

/* Append a quoted excerpt of an item's text: valid UTF-8 cut at a character
 * boundary, controls shown as spaces so the message stays on one line. */
static void put_excerpt(smb_buf *b, const char *text)
{
    size_t n = strlen(text), cut = n;
    if (n > QUOTE_MAX) {
        cut = QUOTE_MAX;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--;
    }
    for (size_t i = 0; i < cut; i++) {
        char c = (unsigned char)text[i] < 0x20 || text[i] == 0x7f ? ' ' : text[i];
        smb__buf_append(b, &c, 1);
    }
    if (cut < n)
        smb__buf_puts(b, "...");
}

static void add(builder *bd, smb_severity severity, const char *code, smb_block block,
                const smb_item *item, const char *fmt, ...) SMB_PRINTF(6, 7);

/* Record a finding. For an item, the message starts with the item's noun,
 * id and text ("Customer segment 'seg-1' (Tourists) ") and `fmt` ends the
 * sentence; for a block or the canvas, `fmt` is the whole sentence. */
static void add(builder *bd, smb_severity severity, const char *code, smb_block block,
                const smb_item *item, const char *fmt, ...)
{
    if (bd->failed)
        return;
    smb_findings *f = bd->out;
    void *records = f->records;
    if (smb__reserve(&records, &f->cap, f->count + 1, sizeof *f->records) != SMB_OK) {
        bd->failed = true;
        return;
    }
    f->records = records;
    record *r = &f->records[f->count++];
    r->pub = (smb_finding){severity, code, block, NULL, NULL};
    r->order = item ? smb_item_index(item) + 1 : 0;
    r->item_off = NO_OFFSET;
    if (item) {
        r->item_off = (ptrdiff_t)bd->text.len;
        smb__buf_puts(&bd->text, smb_item_id(item));
        smb__buf_append(&bd->text, "", 1);
    }
    r->msg_off = (ptrdiff_t)bd->text.len;
    if (item) {
        smb__buf_printf(&bd->text, "%s '%s' (", smb__block_item_noun(block), smb_item_id(item));
        put_excerpt(&bd->text, smb_item_text(item));
        smb__buf_puts(&bd->text, ") ");
    }
    va_list ap;
    va_start(ap, fmt);
    char line[256];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    smb__buf_puts(&bd->text, line);
    smb__buf_append(&bd->text, "", 1);
}

/* ---- rules --------------------------------------------------------------- */

static bool linked_from(const struct smb_item *item, smb_block from)
{
    for (size_t i = 0; i < item->backlink_count; i++)
        if (item->backlinks[i]->block == from)
            return true;
    return false;
}

static bool links_to(const struct smb_item *item, smb_block to)
{
    for (size_t i = 0; i < item->link_count; i++)
        if (item->links[i]->block == to)
            return true;
    return false;
}

static void check_links(builder *bd, const struct smb_item *item)
{
    switch (item->block) {
    case SMB_BLOCK_CUSTOMER_SEGMENTS:
        if (!linked_from(item, SMB_BLOCK_VALUE_PROPOSITIONS))
            add(bd, SMB_SEVERITY_WARNING, "segment_without_value_proposition", item->block,
                item, "is served by no value proposition.");
        if (!linked_from(item, SMB_BLOCK_CHANNELS))
            add(bd, SMB_SEVERITY_WARNING, "segment_without_channel", item->block, item,
                "is reached by no channel.");
        break;
    case SMB_BLOCK_VALUE_PROPOSITIONS:
        if (!links_to(item, SMB_BLOCK_CUSTOMER_SEGMENTS))
            add(bd, SMB_SEVERITY_WARNING, "value_proposition_without_segment", item->block,
                item, "serves no customer segment.");
        break;
    case SMB_BLOCK_REVENUE_STREAMS:
        if (!links_to(item, SMB_BLOCK_CUSTOMER_SEGMENTS))
            add(bd, SMB_SEVERITY_WARNING, "revenue_without_segment", item->block, item,
                "is paid by no customer segment.");
        break;
    default:
        break;
    }
}

/* Texts compare equal when they match after trimming ASCII white space and
 * folding ASCII case: "Bakery " and "bakery" are the same entry twice.
 * (Folding stops at ASCII so that the rule does not depend on a locale.) */
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static void trimmed(const char *s, const char **start, size_t *len)
{
    size_t n = strlen(s);
    while (n && is_space(*s)) {
        s++;
        n--;
    }
    while (n && is_space(s[n - 1]))
        n--;
    *start = s;
    *len = n;
}

static uint64_t text_hash(const char *s)
{
    const char *p;
    size_t n;
    trimmed(s, &p, &n);
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)fold(p[i]);
        h *= 0x100000001b3u;
    }
    return h ^ (h >> 29);
}

static bool same_text(const char *a, const char *b)
{
    const char *p, *q;
    size_t n, m;
    trimmed(a, &p, &n);
    trimmed(b, &q, &m);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (fold(p[i]) != fold(q[i]))
            return false;
    return true;
}

/* First-seen item for each distinct text of one block, by open addressing:
 * linear in the block's size where comparing all pairs would not be. */
typedef struct text_set {
    const struct smb_item **slots;
    size_t cap;
} text_set;

static smb_status text_set_init(text_set *set, size_t largest_block)
{
    size_t cap = 16;
    while (cap < largest_block * 2)
        cap *= 2;
    set->slots = smb__calloc(cap, sizeof *set->slots);
    set->cap = cap;
    return set->slots ? SMB_OK : smb__nomem();
}

/* The earlier item with the same text, after remembering this one if it is
 * the first. */
static const struct smb_item *text_set_seen(text_set *set, const struct smb_item *item)
{
    size_t mask = set->cap - 1;
    for (size_t i = text_hash(item->text) & mask;; i = (i + 1) & mask) {
        if (!set->slots[i]) {
            set->slots[i] = item;
            return NULL;
        }
        if (same_text(set->slots[i]->text, item->text))
            return set->slots[i];
    }
}

static void check_block(builder *bd, const smb_canvas *canvas, smb_block block, text_set *set)
{
    const smb__block_items *b = &canvas->blocks[block];
    if (b->count == 0) {
        add(bd, SMB_SEVERITY_WARNING, "empty_block", block, NULL, "The %s block is empty.",
            smb_block_title(block));
        return;
    }
    memset(set->slots, 0, set->cap * sizeof *set->slots);
    for (size_t i = 0; i < b->count; i++) {
        const struct smb_item *item = b->items[i];
        const struct smb_item *first = text_set_seen(set, item);
        if (first)
            add(bd, SMB_SEVERITY_WARNING, "duplicate_text", block, item,
                "repeats the text of '%s'.", first->id);
        if (item->evidence == SMB_EVIDENCE_INVALIDATED)
            add(bd, SMB_SEVERITY_INFO, "invalidated_item", block, item,
                "was invalidated by evidence but is still in the model.");
        check_links(bd, item);
    }
}

/* Money for messages: whole amounts without decimals, others with cents. */
static const char *money(char *buf, size_t cap, double x)
{
    snprintf(buf, cap, floor(x) == x ? "%.0f" : "%.2f", x);
    return buf;
}

static void check_money(builder *bd, const smb_canvas *canvas)
{
    double revenue = smb_canvas_revenue_total(canvas), cost = smb_canvas_cost_total(canvas);
    double margin = revenue - cost;
    if (revenue > 0 && cost > 0 && margin < 0) {
        char r[64], c[64], m[64];
        add(bd, SMB_SEVERITY_WARNING, "cost_exceeds_revenue", SMB_BLOCK_NONE, NULL,
            "Costs of %s exceed revenue of %s by %s a year.", money(c, sizeof c, cost),
            money(r, sizeof r, revenue), money(m, sizeof m, -margin));
    }
}

/* ---- the list ------------------------------------------------------------ */

static int by_position(const void *pa, const void *pb)
{
    const record *a = pa, *b = pb;
    if (a->pub.block != b->pub.block)
        return a->pub.block < b->pub.block ? -1 : 1;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    return strcmp(a->pub.code, b->pub.code);
}

smb_status smb_canvas_check(const smb_canvas *canvas, smb_findings **out)
{
    if (!canvas)
        return smb__fail(SMB_EINVAL, "canvas: must not be NULL");
    if (!out)
        return smb__fail(SMB_EINVAL, "out: must not be NULL");
    smb_findings *f = smb__calloc(1, sizeof *f);
    if (!f)
        return smb__nomem();
    builder bd = {f, {NULL, 0, 0, false}, false};
    smb__buf_init(&bd.text);

    size_t largest = 0;
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        if (canvas->blocks[b].count > largest)
            largest = canvas->blocks[b].count;
    text_set set;
    if (text_set_init(&set, largest) != SMB_OK) {
        smb_findings_free(f);
        return SMB_ENOMEM;
    }
    check_money(&bd, canvas);
    for (int b = 0; b < SMB_BLOCK_COUNT; b++)
        check_block(&bd, canvas, (smb_block)b, &set);
    smb__free(set.slots);

    smb_status st = bd.failed ? (smb__buf_free(&bd.text), smb__nomem())
                              : smb__buf_finish(&bd.text, &f->text, NULL);
    if (st != SMB_OK) {
        smb_findings_free(f);
        return st;
    }
    for (size_t i = 0; i < f->count; i++) {
        record *r = &f->records[i];
        r->pub.item = r->item_off == NO_OFFSET ? NULL : f->text + r->item_off;
        r->pub.message = f->text + r->msg_off;
    }
    if (f->count > 1)
        qsort(f->records, f->count, sizeof *f->records, by_position);
    *out = f;
    return SMB_OK;
}

size_t smb_findings_count(const smb_findings *findings)
{
    return findings ? findings->count : 0;
}

const smb_finding *smb_findings_at(const smb_findings *findings, size_t index)
{
    return findings && index < findings->count ? &findings->records[index].pub : NULL;
}

size_t smb_findings_count_at_least(const smb_findings *findings, smb_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < smb_findings_count(findings); i++)
        if (findings->records[i].pub.severity >= severity)
            n++;
    return n;
}

void smb_findings_free(smb_findings *findings)
{
    if (!findings)
        return;
    smb__free(findings->records);
    smb__free(findings->text);
    smb__free(findings);
}
