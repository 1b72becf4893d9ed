/* SPDX-License-Identifier: MIT */
/* The five-forces part of smbstrat diff: the drivers that were added,
 * removed or changed, the forces whose score, band or weight moved, and
 * the overall attractiveness, as lines or as JSON. The stress tests of
 * smbstrat score show their comparisons with the same lines and objects.
 * Every number comes from smb_forces_compare() or the library's scores. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* Every smb_driver_field bit, in the order the header declares them. */
#define DRIVER_FIELD_BITS 5

typedef enum change {
    NO_CHANGE,
    ADDED,
    REMOVED,
    CHANGED
} change;

static const char *const change_keys[] = {"", "added", "removed", "changed"};

static change driver_change(const smb_driver_delta *d)
{
    if (!d->in_before)
        return ADDED;
    if (!d->in_after)
        return REMOVED;
    return d->fields ? CHANGED : NO_CHANGE;
}

static int force_changed(const smb_force_delta *f)
{
    return f->has_before != f->has_after || f->score_before != f->score_after ||
           f->band_before != f->band_after || f->weight_before != f->weight_after;
}

int cli_forces_differ(const smb_forces_comparison *cmp)
{
    if (smb_forces_comparison_changed_count(cmp) > 0)
        return 1;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        if (force_changed(smb_forces_comparison_force(cmp, (smb_force)f)))
            return 1;
    return 0;
}

/* ---- text ------------------------------------------------------------------ */

static const char *rating_text(char buf[CLI_NUMBER_BUF], int rated, double rating)
{
    return rated ? cli_number(buf, rating) : "unrated";
}

static const char *score_text(char buf[CLI_NUMBER_BUF], int has, double score)
{
    return has ? cli_fixed(buf, score) : "-";
}

/* A change with its sign, as " (+0.25)": two decimals, or as a rating
 * ("+1.5") when `as_rating`. */
static void print_delta(double delta, int as_rating)
{
    char buf[CLI_NUMBER_BUF];
    if (as_rating)
        cli_number(buf, delta);
    else
        cli_fixed(buf, delta);
    printf(" (%s%s)", buf[0] == '-' ? "" : "+", buf);
}

static void print_driver_fields(const smb_driver_delta *d)
{
    const char *sep = "";
    for (unsigned bit = 0; bit < DRIVER_FIELD_BITS; bit++) {
        unsigned field = 1u << bit;
        const char *key = smb_driver_field_key(field);
        if (!(d->fields & field) || !key)
            continue;
        printf("%s%s", sep, key);
        sep = ", ";
        if (field == SMB_DRIVER_FIELD_RATING) {
            char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];
            printf(" %s -> %s", rating_text(a, d->rated_before, d->rating_before),
                   rating_text(b, d->rated_after, d->rating_after));
            if (d->rated_before && d->rated_after)
                print_delta(d->delta, 1);
        } else if (field == SMB_DRIVER_FIELD_WEIGHT) {
            char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];
            printf(" %s -> %s", cli_number(a, d->weight_before), cli_number(b, d->weight_after));
        }
    }
}

static void print_driver(const smb_driver_delta *d, const cli_ctx *ctx)
{
    char rating[CLI_NUMBER_BUF];
    const char *force = smb_force_key(d->force);

    switch (driver_change(d)) {
    case NO_CHANGE:
        return;
    case ADDED:
        cli_put_coloured(stdout, ctx, CLI_GREEN, "+");
        printf(" %s/%s: ", force, d->key);
        cli_put_text(stdout, d->title);
        printf(" (%s)\n", rating_text(rating, d->rated_after, d->rating_after));
        return;
    case REMOVED:
        cli_put_coloured(stdout, ctx, CLI_RED, "-");
        printf(" %s/%s: ", force, d->key);
        cli_put_text(stdout, d->title);
        printf(" (%s)\n", rating_text(rating, d->rated_before, d->rating_before));
        return;
    case CHANGED:
        cli_put_coloured(stdout, ctx, CLI_YELLOW, "~");
        printf(" %s/%s: ", force, d->key);
        print_driver_fields(d);
        fputc('\n', stdout);
        return;
    }
}

static void print_force(const smb_force_delta *f, const char *indent, const cli_ctx *ctx)
{
    char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];

    if (!force_changed(f))
        return;
    fputs(indent, stdout);
    cli_put_coloured(stdout, ctx, CLI_YELLOW, "~");
    printf(" force %s: score %s -> %s", smb_force_key(f->force),
           score_text(a, f->has_before, f->score_before),
           score_text(b, f->has_after, f->score_after));
    if (f->has_before && f->has_after)
        print_delta(f->score_delta, 0);
    if (f->band_before == f->band_after)
        printf(", band %s", cli_band_label(f->band_after));
    else
        printf(", band %s -> %s", cli_band_label(f->band_before), cli_band_label(f->band_after));
    if (f->weight_before != f->weight_after) {
        char wa[CLI_NUMBER_BUF], wb[CLI_NUMBER_BUF];
        printf(", weight %s -> %s", cli_number(wa, f->weight_before),
               cli_number(wb, f->weight_after));
    }
    fputc('\n', stdout);
}

/* The pressure or the attractiveness on both sides, and the change. */
typedef struct overall {
    int has_before, has_after, has_delta;
    double before, after, delta;
} overall;

typedef smb_status (*compare_fn)(const smb_forces_comparison *, double *, double *, double *);
typedef smb_status (*value_fn)(const smb_forces *, double *);

static overall overall_of(const smb_forces_comparison *cmp, compare_fn compare,
                          const smb_forces *before, const smb_forces *after, value_fn value)
{
    overall o;
    memset(&o, 0, sizeof o);
    if (compare(cmp, &o.before, &o.after, &o.delta) == SMB_OK) {
        o.has_before = o.has_after = o.has_delta = 1;
        return o;
    }
    /* Undefined on one side at least: ask each side alone. */
    o.has_before = value(before, &o.before) == SMB_OK;
    o.has_after = value(after, &o.after) == SMB_OK;
    return o;
}

static overall attractiveness_of(const smb_forces_comparison *cmp, const smb_forces *before,
                                 const smb_forces *after)
{
    return overall_of(cmp, smb_forces_comparison_attractiveness, before, after,
                      smb_forces_attractiveness);
}

static overall pressure_of(const smb_forces_comparison *cmp, const smb_forces *before,
                           const smb_forces *after)
{
    return overall_of(cmp, smb_forces_comparison_pressure, before, after, smb_forces_pressure);
}

static void print_overall(const char *what, overall o)
{
    char a[CLI_NUMBER_BUF], b[CLI_NUMBER_BUF];
    printf("%s %s -> %s", what, score_text(a, o.has_before, o.before),
           score_text(b, o.has_after, o.after));
    if (o.has_delta)
        print_delta(o.delta, 0);
}

void cli_forces_diff_text(const smb_forces_comparison *cmp, const smb_forces *before,
                          const smb_forces *after, const cli_ctx *ctx)
{
    size_t n = smb_forces_comparison_driver_count(cmp);

    if (!cli_forces_differ(cmp))
        return;
    for (size_t i = 0; i < n; i++)
        print_driver(smb_forces_comparison_driver_at(cmp, i), ctx);
    cli_forces_scores_text(cmp, before, after, "", ctx);
}

void cli_forces_scores_text(const smb_forces_comparison *cmp, const smb_forces *before,
                            const smb_forces *after, const char *indent, const cli_ctx *ctx)
{
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        print_force(smb_forces_comparison_force(cmp, (smb_force)f), indent, ctx);
    fputs(indent, stdout);
    cli_put_coloured(stdout, ctx, CLI_YELLOW, "~");
    fputc(' ', stdout);
    print_overall("attractiveness", attractiveness_of(cmp, before, after));
    fputs(", ", stdout);
    print_overall("pressure", pressure_of(cmp, before, after));
    fputc('\n', stdout);
}

/* Drivers per kind of change, and forces that changed. */
typedef struct counts {
    size_t n[CHANGED + 1];
    size_t forces;
} counts;

static counts count_changes(const smb_forces_comparison *cmp)
{
    counts c;
    size_t n = smb_forces_comparison_driver_count(cmp);

    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < n; i++)
        c.n[driver_change(smb_forces_comparison_driver_at(cmp, i))]++;
    for (int f = 0; f < SMB_FORCE_COUNT; f++)
        c.forces += (size_t)force_changed(smb_forces_comparison_force(cmp, (smb_force)f));
    return c;
}

static void print_count(size_t n, const char *singular, const char *plural, const char **sep)
{
    if (n == 0)
        return;
    printf("%s%zu %s", *sep, n, n == 1 ? singular : plural);
    *sep = ", ";
}

void cli_forces_diff_summary(const smb_forces_comparison *cmp, const char **sep)
{
    counts c = count_changes(cmp);
    print_count(c.n[ADDED], "driver added", "drivers added", sep);
    print_count(c.n[REMOVED], "driver removed", "drivers removed", sep);
    print_count(c.n[CHANGED], "driver changed", "drivers changed", sep);
    print_count(c.forces, "force changed", "forces changed", sep);
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *json_fields(unsigned fields)
{
    json_t *list = json_array();
    for (unsigned bit = 0; list && bit < DRIVER_FIELD_BITS; bit++) {
        const char *key = smb_driver_field_key(1u << bit);
        if ((fields & (1u << bit)) && key && cli_json_append(list, json_string(key)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *json_driver(const smb_driver_delta *d, change kind)
{
    json_t *obj = json_pack("{s:s, s:s, s:s, s:s}", "change", change_keys[kind], "force",
                            smb_force_key(d->force), "key", d->key, "title", d->title);
    obj = cli_json_set(obj, "fields", json_fields(d->fields));
    obj = cli_json_set(obj, "rating_before", cli_json_real(d->rated_before, d->rating_before));
    obj = cli_json_set(obj, "rating_after", cli_json_real(d->rated_after, d->rating_after));
    obj = cli_json_set(obj, "delta",
                       cli_json_real(d->rated_before && d->rated_after, d->delta));
    obj = cli_json_set(obj, "weight_before", cli_json_real(d->in_before, d->weight_before));
    return cli_json_set(obj, "weight_after", cli_json_real(d->in_after, d->weight_after));
}

static json_t *json_drivers(const smb_forces_comparison *cmp)
{
    json_t *list = json_array();
    size_t n = smb_forces_comparison_driver_count(cmp);
    for (size_t i = 0; list && i < n; i++) {
        const smb_driver_delta *d = smb_forces_comparison_driver_at(cmp, i);
        change kind = driver_change(d);
        if (kind != NO_CHANGE && cli_json_append(list, json_driver(d, kind)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

json_t *cli_force_delta_json(const smb_force_delta *f)
{
    int both = f->has_before && f->has_after;
    json_t *obj = json_pack("{s:b}", "changed", force_changed(f));
    obj = cli_json_set(obj, "score_before", cli_json_real(f->has_before, f->score_before));
    obj = cli_json_set(obj, "score_after", cli_json_real(f->has_after, f->score_after));
    obj = cli_json_set(obj, "score_delta", cli_json_real(both, f->score_delta));
    obj = cli_json_set(obj, "intensity_delta", cli_json_real(both, f->intensity_delta));
    obj = cli_json_set(obj, "band_before", cli_json_band(f->band_before));
    obj = cli_json_set(obj, "band_after", cli_json_band(f->band_after));
    obj = cli_json_set(obj, "weight_before", json_real(f->weight_before));
    return cli_json_set(obj, "weight_after", json_real(f->weight_after));
}

static json_t *json_overall(overall o)
{
    json_t *obj = json_object();
    obj = cli_json_set(obj, "before", cli_json_real(o.has_before, o.before));
    obj = cli_json_set(obj, "after", cli_json_real(o.has_after, o.after));
    return cli_json_set(obj, "delta", cli_json_real(o.has_delta, o.delta));
}

json_t *cli_forces_overall_json(json_t *obj, const smb_forces_comparison *cmp,
                                const smb_forces *before, const smb_forces *after)
{
    obj = cli_json_set(obj, "pressure", json_overall(pressure_of(cmp, before, after)));
    return cli_json_set(obj, "attractiveness",
                        json_overall(attractiveness_of(cmp, before, after)));
}

json_t *cli_forces_diff_json(const smb_forces_comparison *cmp, const smb_forces *before,
                             const smb_forces *after)
{
    counts c = count_changes(cmp);
    json_t *forces = json_object();
    for (int f = 0; forces && f < SMB_FORCE_COUNT; f++)
        forces = cli_json_set(forces, smb_force_key((smb_force)f),
                              cli_force_delta_json(smb_forces_comparison_force(cmp, (smb_force)f)));

    json_t *obj = json_object();
    obj = cli_json_set(obj, "drivers", json_drivers(cmp));
    obj = cli_json_set(obj, "forces", forces);
    obj = cli_forces_overall_json(obj, cmp, before, after);
    return cli_json_set(obj, "totals",
                        json_pack("{s:I, s:I, s:I, s:I}", "added", (json_int_t)c.n[ADDED],
                                  "removed", (json_int_t)c.n[REMOVED], "changed",
                                  (json_int_t)c.n[CHANGED], "forces_changed",
                                  (json_int_t)c.forces));
}
