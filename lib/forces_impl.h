/* SPDX-License-Identifier: MIT */
/*
 * The layout of a five-forces assessment, private to the library, and the
 * scoring primitives that the public scores, the explained result, the
 * tornado and the comparison all share, so that each formula has one home
 * (forces_score.c).
 */
#ifndef SMB_FORCES_IMPL_H
#define SMB_FORCES_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* ---- the catalogue (forces_catalog.c) ----------------------------------- */

typedef struct smb__catalog_driver {
    smb_force force;
    const char *key;
    const char *title;
    const char *question;
} smb__catalog_driver;

/* Every standard driver, grouped by force in force order. */
extern const smb__catalog_driver smb__forces_catalog[];
extern const size_t smb__forces_catalog_size;

/* ---- the model (forces.c) ----------------------------------------------- */

struct smb_driver {
    /* Catalogue drivers point into the static catalogue; a driver the user
     * added points into `owned`, one block holding key, title and question,
     * so that adding a driver is one allocation to undo. */
    const char *key;
    const char *title;
    const char *question;
    char *owned;            /* NULL for catalogue drivers */
    char *rationale;        /* NULL when none */
    double rating;          /* 0 unless rated */
    double weight;
    double confidence;      /* 0 unless has_confidence */
    bool rated;
    bool has_confidence;
    smb_force force;
    size_t index;           /* position in its force */
};

typedef struct smb__driver_list {
    struct smb_driver *items;
    size_t count, cap;
    size_t custom;          /* how many of the items the user added */
} smb__driver_list;

struct smb_forces {
    char *name;             /* NULL when unset */
    char *description;      /* NULL when unset */
    double weight[SMB_FORCE_COUNT];
    smb__driver_list drivers[SMB_FORCE_COUNT];
};

static inline bool smb__force_ok(smb_force force)
{
    return (int)force >= 0 && (int)force < SMB_FORCE_COUNT;
}

/* Records "force: N is not a force (0 to 4)". */
smb_status smb__bad_force(smb_force force);
/* The driver of the list with this key, or NULL. */
struct smb_driver *smb__driver_find(const smb__driver_list *list, const char *key);
/* The smb_driver_field bits in which two drivers differ (key and origin
 * aside): the one definition behind smb_forces_equal and the comparison. */
unsigned smb__driver_diff(const struct smb_driver *a, const struct smb_driver *b);
/* Whether any driver of the assessment is rated. */
bool smb__any_rated(const smb_forces *forces);

/* Strings that results copy out of an assessment, so that a result outlives
 * it. Sized once up front (smb__pool_need for each string, then
 * smb__pool_alloc), so that later copies cannot fail and the pointers they
 * return never move. Catalogue strings are static and are not copied. */
typedef struct smb__pool {
    char *data;
    size_t used, cap;
} smb__pool;

void smb__pool_need(size_t *total, const struct smb_driver *driver);
smb_status smb__pool_alloc(smb__pool *pool, size_t total);
/* The driver's key and title as they will stay valid in the pool. */
void smb__pool_put(smb__pool *pool, const struct smb_driver *driver, const char **key,
                   const char **title);

/* ---- scoring primitives (forces_score.c) -------------------------------- */

/* A what-if: score as if driver `index` of `force` were rated `rating`.
 * Pass NULL for the assessment as it is. */
typedef struct smb__what_if {
    smb_force force;
    size_t index;
    double rating;
} smb__what_if;

/* The score of a force: whether it has one, and its value in *score. */
bool smb__force_score(const smb_forces *forces, smb_force force, const smb__what_if *what_if,
                      double *score);
/* (score - 1) / 4, kept inside [0, 1] against rounding. */
double smb__intensity(double score);
/* The sum of the weights of the force's rated drivers of positive weight:
 * the denominator of the force's score and of its contributions. */
double smb__rated_weight(const smb_forces *forces, smb_force force, const smb__what_if *what_if);
/* A driver's share of its force's intensity (see smb_driver_score). */
double smb__contribution(const struct smb_driver *driver, double rated_weight);
/* The competitive pressure: whether it is defined, and its value. */
bool smb__pressure(const smb_forces *forces, const smb__what_if *what_if, double *pressure);
/* 1 - pressure. */
double smb__attractiveness(double pressure);
/* Record why `what` (the pressure or the attractiveness) is undefined, as
 * SMB_ENOTFOUND; `any_rated` from smb__any_rated() tells which reason. */
smb_status smb__pressure_undefined(bool any_rated, const char *what);


#endif /* SMB_FORCES_IMPL_H */
