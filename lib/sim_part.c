/* SPDX-License-Identifier: MIT */
/* Parts: the trials of one contiguous range, merged with adjacent ranges
 * exactly, and saved to bytes for another process. The byte format
 * (little-endian throughout):
 *
 *   "SMBSIMP1"  magic, 8 bytes
 *   u32         format version (PART_VERSION)
 *   u64         model fingerprint
 *   u64 u64     first trial, number of trials
 *   u64         number of scenarios
 *   u8          flags: 1 totals kept, 2 upside present
 *   u64         trials whose loss exceeds the threshold
 *   f64 × 4     loss min, loss max, upside min, upside max
 *   xsum × 4    Σ loss, Σ loss², Σ upside, Σ upside² (SMB__XSUM_BYTES each)
 *   u64 × S     each scenario's occurrences
 *   kept:       f64 × n loss totals, then f64 × n upside totals if present
 *   else:       u64 size + loss sketch, then u64 size + upside sketch if present
 *   u64         checksum of every byte before it
 *
 * Reading checks every field, so truncated, corrupt or hostile bytes are
 * refused (SMB_EPARSE) before anything is built from them. */
#include <math.h>
#include <string.h>

#include "sim_impl.h"

#define PART_MAGIC "SMBSIMP1"
#define PART_VERSION 1u
#define FLAG_KEEP 1u
#define FLAG_UPSIDE 2u

/* The last trial index a range may reach: 2^63. */
#define LAST_TRIAL (UINT64_C(1) << 63)

smb_status smb__sim_check_range(uint64_t first, uint64_t count)
{
    if (count == 0 || count > SMB_SIM_MAX_TRIALS)
        return smb__fail(SMB_ERANGE, "count: %llu trials, must be from 1 to %llu",
                         (unsigned long long)count, (unsigned long long)SMB_SIM_MAX_TRIALS);
    if (first > LAST_TRIAL - count)
        return smb__fail(SMB_ERANGE,
                         "first: trials %llu + %llu would pass the last trial index, 2^63",
                         (unsigned long long)first, (unsigned long long)count);
    return SMB_OK;
}

/* ---- parts --------------------------------------------------------------- */

void smb_sim_part_free(smb_sim_part *part)
{
    if (!part)
        return;
    smb__sim_tally_free(&part->tally);
    smb__free(part->totals[SMB_SIM_LOSS]);
    smb__free(part->totals[SMB_SIM_UPSIDE]);
    smb__free(part);
}

static smb_status alloc_totals(uint64_t count, double **out)
{
    if (count > SIZE_MAX / sizeof(double))
        return smb__fail(SMB_ENOMEM, "totals: %llu trials do not fit in memory",
                         (unsigned long long)count);
    *out = smb__malloc((size_t)count * sizeof **out);
    return *out ? SMB_OK : smb__nomem();
}

smb_status smb__sim_part_new(const smb_sim_model *m, uint64_t first, uint64_t count,
                             smb_sim_part **out)
{
    smb_sim_part *p = smb__calloc(1, sizeof *p);
    if (!p)
        return smb__nomem();
    *p = (smb_sim_part){.fingerprint = m->fingerprint,
                        .first = first,
                        .count = count,
                        .keep = m->config->keep_totals,
                        .upside = m->has_upside};
    smb_status st = smb__sim_tally_init(&p->tally, m);
    if (st == SMB_OK && p->keep) {
        st = alloc_totals(count, &p->totals[SMB_SIM_LOSS]);
        if (st == SMB_OK && p->upside)
            st = alloc_totals(count, &p->totals[SMB_SIM_UPSIDE]);
    }
    if (st != SMB_OK) {
        smb_sim_part_free(p);
        return st;
    }
    *out = p;
    return SMB_OK;
}

uint64_t smb_sim_part_first(const smb_sim_part *part)
{
    return part ? part->first : 0;
}

uint64_t smb_sim_part_count(const smb_sim_part *part)
{
    return part ? part->count : 0;
}

uint64_t smb_sim_part_fingerprint(const smb_sim_part *part)
{
    return part ? part->fingerprint : 0;
}

/* ---- merging ------------------------------------------------------------- */

/* A tally equal to a + b, built fresh so that a failure changes neither. */
static smb_status merged_tally(const smb__sim_tally *a, const smb__sim_tally *b,
                               smb__sim_tally *out)
{
    *out = (smb__sim_tally){.scenarios = a->scenarios};
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__xsum_init(&out->sum[side]);
        smb__xsum_init(&out->square[side]);
        out->min[side] = INFINITY;
        out->max[side] = -INFINITY;
    }
    out->occurrences = smb__calloc(a->scenarios, sizeof *out->occurrences);
    if (!out->occurrences)
        return smb__nomem();
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        if (!a->sketched[side])
            continue;
        if (smb__sketch_init(&out->sketch[side], a->sketch[side].accuracy) != SMB_OK) {
            smb__sim_tally_free(out);
            return smb__nomem();
        }
        out->sketched[side] = true;
    }
    if (smb__sim_tally_merge(out, a) != SMB_OK || smb__sim_tally_merge(out, b) != SMB_OK) {
        smb__sim_tally_free(out);
        return smb__nomem();
    }
    return SMB_OK;
}

smb_status smb_sim_part_merge(smb_sim_part *into, const smb_sim_part *other)
{
    if (!into || !other)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", into ? "other" : "into");
    if (into == other)
        return smb__fail(SMB_EINVAL, "other: a part cannot be merged with itself");
    if (into->fingerprint != other->fingerprint)
        return smb__fail(SMB_EINVAL,
                         "other: made by another model (fingerprint %016llx, not %016llx)",
                         (unsigned long long)other->fingerprint,
                         (unsigned long long)into->fingerprint);
    bool after = into->first + into->count == other->first;
    bool before = other->first + other->count == into->first;
    if (!after && !before)
        return smb__fail(SMB_EINVAL, "other: trials [%llu, %llu) are not next to [%llu, %llu)",
                         (unsigned long long)other->first,
                         (unsigned long long)(other->first + other->count),
                         (unsigned long long)into->first,
                         (unsigned long long)(into->first + into->count));
    uint64_t count = into->count + other->count;
    if (count > SMB_SIM_MAX_TRIALS)
        return smb__fail(SMB_ERANGE, "other: the merged part would hold %llu trials, above %llu",
                         (unsigned long long)count, (unsigned long long)SMB_SIM_MAX_TRIALS);

    smb__sim_tally tally;
    smb_status st = merged_tally(&into->tally, &other->tally, &tally);
    if (st != SMB_OK)
        return st;
    double *totals[SMB_SIM_SIDE_COUNT] = {NULL, NULL};
    for (int side = 0; side < SMB_SIM_SIDE_COUNT && st == SMB_OK; side++)
        if (into->totals[side])
            st = alloc_totals(count, &totals[side]);
    if (st != SMB_OK) {
        smb__free(totals[SMB_SIM_LOSS]);
        smb__free(totals[SMB_SIM_UPSIDE]);
        smb__sim_tally_free(&tally);
        return st;
    }
    const smb_sim_part *lower = after ? into : other, *upper = after ? other : into;
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        if (!totals[side])
            continue;
        memcpy(totals[side], lower->totals[side], (size_t)lower->count * sizeof(double));
        memcpy(totals[side] + lower->count, upper->totals[side],
               (size_t)upper->count * sizeof(double));
        smb__free(into->totals[side]);
        into->totals[side] = totals[side];
    }
    smb__sim_tally_free(&into->tally);
    into->tally = tally;
    into->first = lower->first;
    into->count = count;
    return SMB_OK;
}

/* ---- saving -------------------------------------------------------------- */

/* FNV-1a, mixed: catches truncation and flipped bytes (not an attacker,
 * which the field checks are for). */
static uint64_t checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

typedef struct writer {
    unsigned char *p;
} writer;

static void put_u64(writer *w, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        *w->p++ = (unsigned char)(v >> (8 * i));
}

static void put_u32(writer *w, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        *w->p++ = (unsigned char)(v >> (8 * i));
}

static void put_f64(writer *w, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    put_u64(w, bits);
}

static void put_bytes(writer *w, const void *data, size_t n)
{
    memcpy(w->p, data, n);
    w->p += n;
}

/* Header up to and including the sums; the occurrences follow. */
#define HEADER_BYTES (8 + 4 + 8 + 8 + 8 + 8 + 1 + 8 + 4 * 8 + 4 * SMB__XSUM_BYTES)

smb_status smb_sim_part_save(const smb_sim_part *part, void **bytes, size_t *size)
{
    if (!part || !bytes || !size)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL", !part ? "part" : !bytes ? "bytes" : "size");
    int sides = part->upside ? 2 : 1;
    unsigned char *sketch[SMB_SIM_SIDE_COUNT] = {NULL, NULL};
    size_t sketch_size[SMB_SIM_SIDE_COUNT] = {0, 0};
    size_t total = HEADER_BYTES + part->tally.scenarios * 8 + 8;
    smb_status st = SMB_OK;
    if (part->keep) {
        if (part->count > (SIZE_MAX - total) / 16)
            return smb__fail(SMB_ENOMEM, "part: %llu trials do not fit in memory",
                             (unsigned long long)part->count);
        total += (size_t)part->count * 8 * (size_t)sides;
    } else {
        for (int side = 0; side < sides && st == SMB_OK; side++)
            if ((st = smb__sketch_store(&part->tally.sketch[side], &sketch[side],
                                        &sketch_size[side])) == SMB_OK)
                total += 8 + sketch_size[side];
    }
    unsigned char *out = st == SMB_OK ? smb__malloc(total) : NULL;
    if (!out) {
        smb__free(sketch[0]);
        smb__free(sketch[1]);
        return st != SMB_OK ? st : smb__nomem();
    }
    writer w = {out};
    put_bytes(&w, PART_MAGIC, 8);
    put_u32(&w, PART_VERSION);
    put_u64(&w, part->fingerprint);
    put_u64(&w, part->first);
    put_u64(&w, part->count);
    put_u64(&w, part->tally.scenarios);
    *w.p++ = (unsigned char)((part->keep ? FLAG_KEEP : 0) | (part->upside ? FLAG_UPSIDE : 0));
    put_u64(&w, part->tally.exceed);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        put_f64(&w, part->tally.min[side]);
        put_f64(&w, part->tally.max[side]);
    }
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__xsum_store(&part->tally.sum[side], w.p);
        w.p += SMB__XSUM_BYTES;
        smb__xsum_store(&part->tally.square[side], w.p);
        w.p += SMB__XSUM_BYTES;
    }
    for (size_t s = 0; s < part->tally.scenarios; s++)
        put_u64(&w, part->tally.occurrences[s]);
    for (int side = 0; side < sides; side++) {
        if (part->keep) {
            for (uint64_t i = 0; i < part->count; i++)
                put_f64(&w, part->totals[side][i]);
        } else {
            put_u64(&w, sketch_size[side]);
            put_bytes(&w, sketch[side], sketch_size[side]);
            smb__free(sketch[side]);
        }
    }
    put_u64(&w, checksum(out, (size_t)(w.p - out)));
    *bytes = out;
    *size = total;
    return SMB_OK;
}

/* ---- loading ------------------------------------------------------------- */

typedef struct reader {
    const unsigned char *p, *end;
    bool short_read;
} reader;

static bool take(reader *r, size_t n)
{
    if (r->short_read || (size_t)(r->end - r->p) < n) {
        r->short_read = true;
        return false;
    }
    return true;
}

static uint64_t get_u64(reader *r)
{
    if (!take(r, 8))
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    return v;
}

static uint32_t get_u32(reader *r)
{
    if (!take(r, 4))
        return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)r->p[i] << (8 * i);
    r->p += 4;
    return v;
}

static double get_f64(reader *r)
{
    uint64_t bits = get_u64(r);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static smb_status corrupt(const char *what)
{
    return smb__fail(SMB_EPARSE, "part: %s", what);
}

/* A total or an extreme: finite and not negative. */
static bool total_ok(double x)
{
    return x >= 0 && x < HUGE_VAL; /* NaN fails both */
}

static smb_status read_header(const smb_sim_model *model, reader *r, smb_sim_part *p,
                              unsigned *flags)
{
    if (!take(r, 8) || memcmp(r->p, PART_MAGIC, 8) != 0)
        return corrupt(r->short_read ? "truncated before its magic" : "not a simulation part (bad magic)");
    r->p += 8;
    uint32_t version = get_u32(r);
    if (!r->short_read && version != PART_VERSION)
        return smb__fail(SMB_EPARSE, "part: format version %u, this library reads version %u",
                         version, PART_VERSION);
    p->fingerprint = get_u64(r);
    p->first = get_u64(r);
    p->count = get_u64(r);
    uint64_t scenarios = get_u64(r);
    *flags = take(r, 1) ? *r->p++ : 0;
    if (r->short_read)
        return corrupt("truncated in its header");
    if (p->fingerprint != model->fingerprint)
        return smb__fail(SMB_EINVAL, "part: fingerprint %016llx does not match the model's %016llx",
                         (unsigned long long)p->fingerprint,
                         (unsigned long long)model->fingerprint);
    if (p->count == 0 || p->count > SMB_SIM_MAX_TRIALS || p->first > LAST_TRIAL - p->count)
        return corrupt("its range of trials is invalid");
    if (scenarios != model->count)
        return corrupt("its number of scenarios is not the model's");
    if (*flags != ((model->config->keep_totals ? FLAG_KEEP : 0u) |
                   (model->has_upside ? FLAG_UPSIDE : 0u)))
        return corrupt("its flags do not match the model");
    p->keep = *flags & FLAG_KEEP;
    p->upside = *flags & FLAG_UPSIDE;
    return SMB_OK;
}

static smb_status read_tally(reader *r, smb_sim_part *p)
{
    smb__sim_tally *t = &p->tally;
    t->exceed = get_u64(r);
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        t->min[side] = get_f64(r);
        t->max[side] = get_f64(r);
    }
    if (r->short_read)
        return corrupt("truncated in its statistics");
    if (t->exceed > p->count)
        return corrupt("more exceedances than trials");
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++)
        if (!total_ok(t->min[side]) || !total_ok(t->max[side]) || t->min[side] > t->max[side])
            return corrupt("an invalid smallest or largest total");
    for (int side = 0; side < SMB_SIM_SIDE_COUNT; side++) {
        smb__xsum *sums[2] = {&t->sum[side], &t->square[side]};
        for (int k = 0; k < 2; k++) {
            if (!take(r, SMB__XSUM_BYTES))
                return corrupt("truncated in its sums");
            if (smb__xsum_fetch(sums[k], r->p) != 0)
                return corrupt("a corrupt sum");
            r->p += SMB__XSUM_BYTES;
        }
    }
    for (size_t s = 0; s < t->scenarios; s++) {
        t->occurrences[s] = get_u64(r);
        if (t->occurrences[s] > p->count)
            return corrupt("more occurrences than trials");
    }
    return r->short_read ? corrupt("truncated in its occurrences") : SMB_OK;
}

static smb_status read_totals(reader *r, smb_sim_part *p)
{
    int sides = p->upside ? 2 : 1;
    /* Check the size before allocating what it claims. */
    if ((size_t)(r->end - r->p) / 8 / (size_t)sides < p->count)
        return corrupt("truncated in its totals");
    for (int side = 0; side < sides; side++) {
        smb_status st = alloc_totals(p->count, &p->totals[side]);
        if (st != SMB_OK)
            return st;
        for (uint64_t i = 0; i < p->count; i++) {
            double x = get_f64(r);
            if (!(x >= p->tally.min[side] && x <= p->tally.max[side]))
                return corrupt("a total outside its smallest and largest");
            p->totals[side][i] = x;
        }
    }
    return SMB_OK;
}

static smb_status read_sketches(reader *r, smb_sim_part *p)
{
    int sides = p->upside ? 2 : 1;
    for (int side = 0; side < sides; side++) {
        smb__sketch *sk = &p->tally.sketch[side];
        uint64_t size = get_u64(r);
        if (r->short_read || size > (uint64_t)(r->end - r->p))
            return corrupt("truncated in its sketches");
        /* Replace the empty sketch the part was made with. */
        double accuracy = sk->accuracy;
        smb__sketch_free(sk);
        p->tally.sketched[side] = false;
        size_t used = smb__sketch_fetch(sk, r->p, (size_t)size);
        if (used == 0 && smb_last_error_info()->status == SMB_ENOMEM)
            return SMB_ENOMEM; /* recorded by the sketch */
        if (used != (size_t)size) {
            if (used != 0)
                smb__sketch_free(sk);
            return corrupt("a corrupt sketch");
        }
        p->tally.sketched[side] = true;
        r->p += size;
        if (sk->count != p->count || sk->accuracy != accuracy)
            return corrupt("a sketch of another size or accuracy");
    }
    return SMB_OK;
}

smb_status smb_sim_part_load(const smb_sim_model *model, const void *bytes, size_t size,
                             smb_sim_part **out)
{
    if (!model || !bytes || !out)
        return smb__fail(SMB_EINVAL, "%s: must not be NULL",
                         !model ? "model" : !bytes ? "bytes" : "out");
    reader r = {bytes, (const unsigned char *)bytes + size, false};
    smb_sim_part head = {0};
    unsigned flags = 0;
    smb_status st = read_header(model, &r, &head, &flags);
    if (st != SMB_OK)
        return st;
    if (size < 8 || checksum(bytes, size - 8) !=
                        get_u64(&(reader){(const unsigned char *)bytes + size - 8,
                                          (const unsigned char *)bytes + size, false}))
        return corrupt("its checksum does not match (truncated or damaged)");
    r.end -= 8; /* the checksum */

    smb_sim_part *p = smb__calloc(1, sizeof *p);
    if (!p)
        return smb__nomem();
    *p = head;
    if ((st = smb__sim_tally_init(&p->tally, model)) == SMB_OK &&
        (st = read_tally(&r, p)) == SMB_OK)
        st = p->keep ? read_totals(&r, p) : read_sketches(&r, p);
    if (st == SMB_OK && r.p != r.end)
        st = corrupt("bytes left over after its last field");
    if (st != SMB_OK) {
        smb_sim_part_free(p);
        return st;
    }
    *out = p;
    return SMB_OK;
}
