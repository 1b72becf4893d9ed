/* SPDX-License-Identifier: MIT */
/*
 * The `forces` section of the JSON document: strict loading with located
 * errors for every broken value, the canonical saved layout, round trips,
 * the document's forces accessors, and every allocation failure on the way.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NE SMB_FORCE_NEW_ENTRANTS
#define SP SMB_FORCE_SUPPLIER_POWER
#define BP SMB_FORCE_BUYER_POWER
#define SU SMB_FORCE_SUBSTITUTES
#define RI SMB_FORCE_RIVALRY

/* A pointer no call may write into *out on failure. */
#define SENTINEL ((smb_document *)&sentinel_storage)
static int sentinel_storage;

/* ---- broken files ----------------------------------------------------------- */

typedef struct broken_case {
    const char *file;
    smb_status status;
    const char *path;
    int line, column;
    const char *message; /* the whole message after "FILE:LINE:COL: PATH: " */
} broken_case;

/* Lines and columns counted by hand. Most files share one layout: line 6
 * opens the driver (8 spaces of indent) and line 7 holds its one member
 * with 10 spaces of indent, so the member's name starts at column 11 and
 * its value at 11 + strlen("\"name\": "). */
static const broken_case broken[] = {
    /* line 7 `          "rating": 0`: value at 11 + 10 = 21 */
    {"broken_forces_rating_zero.json", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.rating", 7, 21,
     "must be a number from 1 to 5, got 0"},
    {"broken_forces_rating_six.json", SMB_ERANGE, "$.forces.rivalry.drivers.exit_barriers.rating",
     7, 21, "must be a number from 1 to 5, got 6"},
    /* a number in a string is not a number */
    {"broken_forces_rating_string.json", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.rating", 7, 21,
     "must be a number from 1 to 5, not a string"},
    /* JSON has no NaN; the string "NaN" is a string like any other */
    {"broken_forces_rating_nan.json", SMB_ESCHEMA, "$.forces.rivalry.drivers.exit_barriers.rating",
     7, 21, "must be a number from 1 to 5, not a string"},
    /* line 7 `          "weight": "Infinity"`: value at 11 + 10 = 21 */
    {"broken_forces_weight_infinity.json", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.weight", 7, 21,
     "must be a number from 0 to 1e+06, not a string"},
    {"broken_forces_negative_weight.json", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.weight", 7, 21,
     "must be a finite number from 0 to 1e+06, got -0.5"},
    /* line 7 `          "confidence": 1.5`: value at 11 + 14 = 25 */
    {"broken_forces_confidence.json", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.confidence", 7, 25,
     "must be a number from 0 to 1, got 1.5"},
    /* line 7 `          "score": 4`: unknown keys point at the name, 11 */
    {"broken_forces_unknown_driver_key.json", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.score", 7, 11,
     "unknown key; a driver has title, question, rating, weight, confidence and rationale"},
    /* line 7 `          "title": "Exit barriers",`: the name at 11 */
    {"broken_forces_catalogue_title.json", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.title", 7, 11,
     "'exit_barriers' is a standard driver (\"Exit barriers\"), whose title comes from the "
     "catalogue; only drivers of your own have one"},
    /* line 6 `        "local_footfall": {`: "local_footfall" 9-24, ':' 25, '{' 27 */
    {"broken_forces_custom_no_title.json", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.local_footfall", 6, 27,
     "missing required key 'title': 'local_footfall' is not a standard driver of rivalry "
     "(number_and_balance, industry_growth, fixed_costs, differentiation, exit_barriers, "
     "capacity_increments, rival_diversity), so it is one of your own and needs a title"},
    /* line 7 `        "exit_barriers": {"rating": 3}`: the repeated name at 9 */
    {"broken_forces_duplicate_driver.json", SMB_EPARSE, "$.forces.rivalry.drivers.exit_barriers",
     7, 9, "malformed JSON: duplicate object key near '\"exit_barriers\"'"},
    /* All three drivers of substitutes at weight 0: the last zero in the
     * file is refused. Line 8 `        "switching_costs": {"weight": 0}`:
     * "switching_costs" 9-25, ':' 26, '{' 28, "weight" 29-36, ':' 37, 0 at 39 */
    {"broken_forces_zero_driver_weights.json", SMB_ERANGE,
     "$.forces.substitutes.drivers.switching_costs.weight", 8, 39,
     "0 would leave force 'substitutes' with no driver of positive weight; set the force's "
     "weight to 0 to leave it out"},
    /* every force at weight 0; line 9 `      "rivalry": 0`: "rivalry" 7-15,
     * ':' 16, 0 at 18 */
    {"broken_forces_zero_force_weights.json", SMB_ERANGE, "$.forces.weights.rivalry", 9, 18,
     "0 would leave every force with weight 0; at least one force must count"},
    /* line 5 `    "rivalries": {}`: the name at 5 */
    {"broken_forces_unknown_force.json", SMB_ESCHEMA, "$.forces.rivalries", 5, 5,
     "unknown key; a forces section has name, description, weights and the five forces "
     "(new_entrants, supplier_power, buyer_power, substitutes, rivalry)"},
};

enum { BROKEN_COUNT = sizeof broken / sizeof broken[0] };

/* The recorded error is exactly the case's, located in `file` (NULL for a
 * string). */
static void check_error(const broken_case *c, const char *file)
{
    const smb_error *e = smb_last_error_info();
    ck_assert_int_eq(e->status, c->status);
    ck_assert_ptr_nonnull(e->path);
    ck_assert_str_eq(e->path, c->path);
    ck_assert_int_eq(e->line, c->line);
    ck_assert_int_eq(e->column, c->column);
    char expected[2048];
    if (file) {
        ck_assert_ptr_nonnull(e->file);
        ck_assert_str_eq(e->file, file);
        snprintf(expected, sizeof expected, "%s:%d:%d: %s: %s", file, c->line, c->column,
                 c->path, c->message);
    } else {
        ck_assert_ptr_null(e->file);
        snprintf(expected, sizeof expected, "line %d, column %d: %s: %s", c->line, c->column,
                 c->path, c->message);
    }
    ck_assert_str_eq(e->message, expected);
}

START_TEST(test_broken_file)
{
    const broken_case *c = &broken[_i];
    char path[4096];
    snprintf(path, sizeof path, "%s", th_data_path(c->file));
    smb_document *doc = SENTINEL;
    smb_status st = smb_document_load_file(path, &doc);
    ck_assert_msg(st == c->status, "%s: expected %s, got %s (%s)", c->file,
                  smb_status_name(c->status), smb_status_name(st), smb_last_error());
    ck_assert_ptr_eq(doc, SENTINEL);
    check_error(c, path);
}
END_TEST

START_TEST(test_broken_string)
{
    const broken_case *c = &broken[_i];
    size_t len;
    char *text = th_read_data(c->file, &len);
    smb_document *doc = SENTINEL;
    smb_status st = smb_document_load_string(text, len, &doc);
    ck_assert_msg(st == c->status, "%s: expected %s, got %s (%s)", c->file,
                  smb_status_name(c->status), smb_status_name(st), smb_last_error());
    ck_assert_ptr_eq(doc, SENTINEL);
    check_error(c, NULL);
    free(text);
}
END_TEST

/* Every broken_forces_*.json in tests/data has a case above. */
START_TEST(test_every_broken_file_listed)
{
    DIR *dir = opendir(th_data_path(""));
    ck_assert_ptr_nonnull(dir);
    int seen = 0;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL) {
        if (strncmp(d->d_name, "broken_forces_", 14) != 0)
            continue;
        int found = 0;
        for (size_t i = 0; i < BROKEN_COUNT; i++)
            found |= strcmp(broken[i].file, d->d_name) == 0;
        ck_assert_msg(found, "%s has no test case", d->d_name);
        seen++;
    }
    closedir(dir);
    ck_assert_int_eq(seen, BROKEN_COUNT);
}
END_TEST

/* ---- broken values in text ----------------------------------------------------- */

/* A document whose second line is `line`, inside the rivalry drivers
 * (DRIVERS) or the forces section (SECTION) or the top level (TOP). The
 * error is on line 2, at the first occurrence of `at` in it. */
enum where { TOP, SECTION, DRIVERS };

typedef struct inline_case {
    enum where where;
    const char *line;
    smb_status status;
    const char *path;
    const char *at;
    const char *needle;
} inline_case;

static const inline_case inline_cases[] = {
    /* JSON has no NaN: a bare NaN is not JSON at all */
    {DRIVERS, "\"exit_barriers\": {\"rating\": NaN}", SMB_EPARSE,
     "$.forces.rivalry.drivers.exit_barriers.rating", "NaN", "malformed JSON"},
    {DRIVERS, "\"exit_barriers\": {\"rating\": 5.0000001}", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.rating", "5.0", "from 1 to 5, got 5"},
    {DRIVERS, "\"exit_barriers\": {\"rating\": null}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.rating", "null",
     "must be a number from 1 to 5, not null"},
    {DRIVERS, "\"exit_barriers\": {\"confidence\": -0.1}", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.confidence", "-0.1", "got -0.1"},
    {DRIVERS, "\"exit_barriers\": {\"confidence\": true}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.confidence", "true",
     "must be a number from 0 to 1, not true"},
    {DRIVERS, "\"exit_barriers\": {\"weight\": 1000001}", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.weight", "1000001", "got 1e+06"},
    {DRIVERS, "\"exit_barriers\": {\"rationale\": 7}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.rationale", "7", "must be a string, not an integer"},
    {DRIVERS, "\"exit_barriers\": {\"question\": \"Why?\"}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barriers.question", "\"question\"",
     "whose question comes from the catalogue"},
    {DRIVERS, "\"exit_barriers\": 4", SMB_ESCHEMA, "$.forces.rivalry.drivers.exit_barriers", "4",
     "a driver must be an object, not an integer"},
    /* a misspelt standard driver is a driver of the user's own, so the
     * message lists the standard keys */
    {DRIVERS, "\"exit_barrier\": {\"rating\": 2}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.exit_barrier", "{", "not a standard driver of rivalry"},
    /* keys are echoed in messages with unprintable bytes replaced */
    {DRIVERS, "\"a\\u0001b\": {}", SMB_ESCHEMA, "$.forces.rivalry.drivers[\"a\\u0001b\"]", "{",
     "'a?b' is not a standard driver of rivalry"},
    {DRIVERS, "\"bad key\": {\"title\": \"Bad\"}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers[\"bad key\"]", "\"bad key\"", "use only ASCII letters"},
    /* a key of 66 bytes */
    {DRIVERS,
     "\"k1234567890123456789012345678901234567890"
     "1234567890123456789012345\": {\"title\": \"L\"}",
     SMB_ELIMIT,
     "$.forces.rivalry.drivers.k1234567890123456789012345678901234567890"
     "1234567890123456789012345",
     "\"k1", "longer than 64 bytes"},
    {DRIVERS, "\"mine\": {\"title\": \"\"}", SMB_ESCHEMA, "$.forces.rivalry.drivers.mine.title",
     "\"\"", "must not be empty"},
    {DRIVERS, "\"mine\": {\"title\": [\"Mine\"]}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.mine.title", "[", "must be a string, not an array"},
    {DRIVERS, "\"mine\": {\"title\": \"Mine\", \"question\": 5}", SMB_ESCHEMA,
     "$.forces.rivalry.drivers.mine.question", "5", "must be a string, not an integer"},
    /* keys that are not identifiers are quoted in the path */
    {DRIVERS, "\"local-footfall\": {\"title\": \"Footfall\", \"rating\": 9}", SMB_ERANGE,
     "$.forces.rivalry.drivers[\"local-footfall\"].rating", "9", "got 9"},
    /* an escaped key is named decoded, and found where it is written */
    {DRIVERS, "\"exit\\u005fbarriers\": {\"rating\": 0.5}", SMB_ERANGE,
     "$.forces.rivalry.drivers.exit_barriers.rating", "0.5", "got 0.5"},
    /* every driver of substitutes at 0, one's own included: the last zero
     * in the file is refused */
    {SECTION,
     "\"substitutes\": {\"drivers\": {\"price_performance\": {\"weight\": 0}, "
     "\"switching_costs\": {\"weight\": 0}, \"buyer_propensity\": {\"weight\": 0}, "
     "\"k\": {\"title\": \"K\", \"weight\": 0}}}",
     SMB_ERANGE, "$.forces.substitutes.drivers.k.weight", "0}}",
     "0 would leave force 'substitutes' with no driver of positive weight"},
    {SECTION, "\"rivalry\": {\"drivers\": []}", SMB_ESCHEMA, "$.forces.rivalry.drivers", "[",
     "must be an object of drivers by key, not an array"},
    {SECTION, "\"rivalry\": 3", SMB_ESCHEMA, "$.forces.rivalry", "3",
     "a force must be an object, not an integer"},
    {SECTION, "\"rivalry\": {\"driver\": {}}", SMB_ESCHEMA, "$.forces.rivalry.driver",
     "\"driver\"", "unknown key; a force has only 'drivers'"},
    {SECTION, "\"weights\": [1, 2]", SMB_ESCHEMA, "$.forces.weights", "[",
     "must be an object of weights by force (new_entrants, supplier_power, buyer_power, "
     "substitutes, rivalry), not an array"},
    {SECTION, "\"weights\": {\"rivals\": 2}", SMB_ESCHEMA, "$.forces.weights.rivals", "\"rivals\"",
     "unknown key; weights are given by force: new_entrants"},
    {SECTION, "\"weights\": {\"rivalry\": \"2\"}", SMB_ESCHEMA, "$.forces.weights.rivalry",
     "\"2\"", "must be a number from 0 to 1e+06, not a string"},
    {SECTION, "\"weights\": {\"buyer_power\": -1}", SMB_ERANGE, "$.forces.weights.buyer_power",
     "-1", "must be a finite number from 0 to 1e+06, got -1"},
    {SECTION, "\"weights\": {\"buyer_power\": 2e6}", SMB_ERANGE, "$.forces.weights.buyer_power",
     "2e6", "got 2e+06"},
    {SECTION, "\"name\": null", SMB_ESCHEMA, "$.forces.name", "null",
     "must be a string, not null"},
    {SECTION, "\"description\": {}", SMB_ESCHEMA, "$.forces.description", "{",
     "must be a string, not an object"},
    {TOP, "\"forces\": []", SMB_ESCHEMA, "$.forces", "[", "must be an object, not an array"},
    {TOP, "\"forcess\": {}", SMB_ESCHEMA, "$.forcess", "\"forcess\"",
     "unknown key; a document has 'smbstrat' and the sections 'canvas', 'forces', "
     "'resilience', 'scenarios', 'responses' and 'settings'"},
    {TOP, "\"responses\": {}", SMB_ESCHEMA, "$.responses", "{",
     "must be an array of responses, not an object"},
    /* sections load in document order: the first problem met is reported */
    {TOP, "\"forces\": {\"name\": 1}, \"canvas\": {\"name\": 2}", SMB_ESCHEMA, "$.forces.name",
     "1", "must be a string"},
    {TOP, "\"canvas\": {\"name\": 2}, \"forces\": {\"name\": 1}", SMB_ESCHEMA, "$.canvas.name",
     "2", "must be a string"},
};

static char *inline_text(const inline_case *c)
{
    static const char *const heads[] = {
        [TOP] = "{\"smbstrat\": 1,\n",
        [SECTION] = "{\"smbstrat\": 1, \"forces\": {\n",
        [DRIVERS] = "{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\n",
    };
    static const char *const tails[] = {[TOP] = "\n}", [SECTION] = "\n}}", [DRIVERS] = "\n}}}}"};
    size_t n = strlen(heads[c->where]) + strlen(c->line) + strlen(tails[c->where]) + 1;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    snprintf(text, n, "%s%s%s", heads[c->where], c->line, tails[c->where]);
    return text;
}

START_TEST(test_broken_inline)
{
    const inline_case *c = &inline_cases[_i];
    char *text = inline_text(c);
    smb_document *doc = SENTINEL;
    smb_status st = smb_document_load_string(text, strlen(text), &doc);
    ck_assert_msg(st == c->status, "case %d: expected %s, got %s (%s)", _i,
                  smb_status_name(c->status), smb_status_name(st), smb_last_error());
    ck_assert_ptr_eq(doc, SENTINEL);
    const smb_error *e = smb_last_error_info();
    ck_assert_str_eq(e->path, c->path);
    ck_assert_int_eq(e->line, 2);
    const char *at = strstr(c->line, c->at);
    ck_assert_ptr_nonnull(at);
    ck_assert_int_eq(e->column, (int)(at - c->line) + 1);
    ck_assert_msg(strstr(e->message, c->needle) != NULL, "case %d: \"%s\" lacks \"%s\"", _i,
                  e->message, c->needle);
    free(text);
}
END_TEST

/* A text of `size` copies of 'x', for limits on text length. */
static char *repeat_x(size_t size)
{
    char *s = malloc(size + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, 'x', size);
    s[size] = '\0';
    return s;
}

/* Titles and questions of drivers of one's own are limited like all texts. */
START_TEST(test_text_too_long)
{
    static const char *const fields[] = {"title", "question"};
    char *long_text = repeat_x(SMB_MAX_TEXT_LENGTH + 1);
    for (int i = 0; i < 2; i++) {
        size_t n = strlen(long_text) + 200;
        char *text = malloc(n);
        ck_assert_ptr_nonnull(text);
        /* line 2 `"mine": {"title": "T", "question": "xxx..."}` or with the long title */
        snprintf(text, n,
                 "{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\n"
                 "\"mine\": {\"title\": \"%s\", \"question\": \"%s\"}\n}}}}",
                 i == 0 ? long_text : "T", i == 0 ? "Q" : long_text);
        smb_document *doc = SENTINEL;
        TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc), SMB_ELIMIT,
                        "longer than 65536 bytes");
        ck_assert_ptr_eq(doc, SENTINEL);
        char path[64];
        snprintf(path, sizeof path, "$.forces.rivalry.drivers.mine.%s", fields[i]);
        ck_assert_str_eq(smb_last_error_info()->path, path);
        ck_assert_int_eq(smb_last_error_info()->line, 2);
        /* '{' at 9, "title" 10-16, ':' 17, its value at 19; with the short
         * title, "T" 19-21, ',' 22, "question" 24-33, ':' 34, value at 36 */
        ck_assert_int_eq(smb_last_error_info()->column, i == 0 ? 19 : 36);
        free(text);
    }
    /* the rationale of any driver too */
    size_t n = strlen(long_text) + 200;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    snprintf(text, n,
             "{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\n"
             "\"exit_barriers\": {\"rationale\": \"%s\"}\n}}}}",
             long_text);
    smb_document *doc = SENTINEL;
    TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc), SMB_ELIMIT,
                    "$.forces.rivalry.drivers.exit_barriers.rationale: longer than 65536 bytes");
    free(text);
    free(long_text);
}
END_TEST

/* One driver more than SMB_MAX_CUSTOM_DRIVERS in one force. */
START_TEST(test_too_many_custom_drivers)
{
    size_t cap = (SMB_MAX_CUSTOM_DRIVERS + 1) * 48 + 200, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len,
                            "{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\n");
    for (int i = 0; i <= SMB_MAX_CUSTOM_DRIVERS; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s\"d%03d\": {\"title\": \"D%d\"}",
                                i ? ",\n" : "", i, i);
    len += (size_t)snprintf(text + len, cap - len, "\n}}}}");
    smb_document *doc = SENTINEL;
    TH_ASSERT_FAILS(smb_document_load_string(text, len, &doc), SMB_ELIMIT,
                    "already has 256 drivers of the user's own (the limit)");
    ck_assert_ptr_eq(doc, SENTINEL);
    /* driver 256 (the 257th) is on line 2 + 256, its name at column 1 */
    ck_assert_str_eq(smb_last_error_info()->path, "$.forces.rivalry.drivers.d256");
    ck_assert_int_eq(smb_last_error_info()->line, 2 + SMB_MAX_CUSTOM_DRIVERS);
    ck_assert_int_eq(smb_last_error_info()->column, 1);

    /* one fewer loads, and keeps the drivers in order after the catalogue */
    char *cut = strstr(text, ",\n\"d256\"");
    ck_assert_ptr_nonnull(cut);
    strcpy(cut, "\n}}}}");
    TH_OK(smb_document_load_string(text, strlen(text), &doc));
    const smb_forces *f = smb_document_forces_const(doc);
    ck_assert_uint_eq(smb_forces_driver_count(f, RI), 7 + SMB_MAX_CUSTOM_DRIVERS);
    ck_assert_str_eq(smb_driver_key(smb_forces_driver_at(f, RI, 7)), "d000");
    ck_assert_str_eq(smb_driver_title(smb_forces_driver_at(f, RI, 7 + 255)), "D255");
    smb_document_free(doc);
    free(text);
}
END_TEST

/* ---- valid documents ------------------------------------------------------------ */

static smb_document *load_data(const char *name)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_file(th_data_path(name), &doc));
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static char *save(const smb_document *doc)
{
    char *text = NULL;
    size_t len = 0;
    TH_OK(smb_document_save_string(doc, &text, &len));
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(len, strlen(text));
    return text;
}

static const smb_driver *driver(const smb_forces *f, smb_force force, const char *key)
{
    const smb_driver *d = smb_forces_find_driver(f, force, key);
    ck_assert_msg(d != NULL, "no driver %s/%s", smb_force_key(force), key);
    return d;
}

/* A driver as a new assessment has it. */
static void assert_untouched(const smb_driver *d)
{
    ck_assert(!smb_driver_is_rated(d));
    ck_assert(smb_driver_weight(d) == 1);
    ck_assert(!smb_driver_has_confidence(d));
    ck_assert_ptr_null(smb_driver_rationale(d));
}

START_TEST(test_full_fields)
{
    smb_document *doc = load_data("forces_full.json");
    ck_assert_ptr_nonnull(smb_document_canvas(doc));
    const smb_forces *f = smb_document_forces_const(doc);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_eq(f, smb_document_forces(doc));
    ck_assert_str_eq(smb_forces_name(f), "Artisan bread, Mill Street, 2026");
    ck_assert_str_eq(smb_forces_description(f),
                     "Crumb & Co. against the supermarkets' \"in-store bakeries\" and the "
                     "delivery apps.\nTab:\t accents: caf\xc3\xa9, cr\xc3\xa8me br\xc3\xbbl"
                     "\xc3\xa9""e \xf0\x9f\xa5\x90");
    static const double weights[SMB_FORCE_COUNT] = {1, 0.5, 0, 1, 1.5};
    for (int k = 0; k < SMB_FORCE_COUNT; k++)
        ck_assert(smb_forces_force_weight(f, (smb_force)k) == weights[k]);

    const smb_driver *d = driver(f, NE, "economies_of_scale");
    ck_assert(smb_driver_rating(d) == 2);
    ck_assert(smb_driver_weight(d) == 1);
    ck_assert(smb_driver_has_confidence(d) && smb_driver_confidence(d) == 0.8);
    ck_assert_str_eq(smb_driver_rationale(d),
                     "A bakehouse breaks even at a few hundred loaves a day.");
    d = driver(f, NE, "capital_requirements");
    ck_assert(smb_driver_rating(d) == 3.5 && smb_driver_weight(d) == 2);
    ck_assert(!smb_driver_has_confidence(d));
    d = driver(f, NE, "brand_loyalty"); /* a rationale without a rating */
    ck_assert(!smb_driver_is_rated(d));
    ck_assert_str_eq(smb_driver_rationale(d), "Not assessed yet.");
    assert_untouched(driver(f, NE, "network_effects"));

    /* drivers of one's own come after the nine standard ones */
    ck_assert_uint_eq(smb_forces_driver_count(f, NE), 10);
    d = smb_forces_driver_at(f, NE, 9);
    ck_assert(smb_driver_is_custom(d));
    ck_assert_str_eq(smb_driver_key(d), "dark_kitchens");
    ck_assert_str_eq(smb_driver_title(d), "Delivery-only bakeries");
    ck_assert_str_eq(smb_driver_question(d),
                     "Could a bakery sell through the apps without a shop?");
    ck_assert(smb_driver_rating(d) == 4.25 && smb_driver_weight(d) == 0.5);
    ck_assert(smb_driver_has_confidence(d) && smb_driver_confidence(d) == 0);

    d = driver(f, SP, "switching_costs");
    ck_assert(smb_driver_rating(d) == 5 && smb_driver_weight(d) == 0);
    d = driver(f, SP, "energy_prices");
    ck_assert(smb_driver_is_custom(d));
    ck_assert_str_eq(smb_driver_title(d), "Energy prices for the ovens");
    ck_assert_str_eq(smb_driver_question(d), "");
    assert_untouched(d);

    for (size_t i = 0; i < smb_forces_driver_count(f, BP); i++)
        assert_untouched(smb_forces_driver_at(f, BP, i));

    /* every standard driver of substitutes at weight 0, kept up by the
     * driver of one's own that the file lists after them */
    for (size_t i = 0; i < 3; i++)
        ck_assert(smb_driver_weight(smb_forces_driver_at(f, SU, i)) == 0);
    d = driver(f, SU, "meal_kits");
    ck_assert(smb_driver_weight(d) == 1e-5 && smb_driver_rating(d) == 2.2);

    ck_assert(smb_driver_rating(driver(f, RI, "fixed_costs")) == 3.333333333333333);
    d = driver(f, RI, "exit_barriers");
    ck_assert(!smb_driver_is_rated(d) && smb_driver_weight(d) == 0.25);

    /* The loaded weights reach the scores. By hand:
     * new_entrants (2·1 + 3.5·2 + 4.25·0.5) / (1 + 2 + 0.5) = 11.125 / 3.5,
     *   intensity (11.125/3.5 − 1) / 4 = 0.544642857142857...;
     * supplier_power 1 (the 5 has weight 0), intensity 0;
     * buyer_power no rating (and weight 0);
     * substitutes 2.2 (only meal_kits weighs), intensity 0.3;
     * rivalry (4.5·3 + 3.333333333333333·1) / 4 = 4.208333333333333,
     *   intensity 0.802083333333333...;
     * pressure (1·0.5446428571428571 + 0.5·0 + 1·0.3 + 1.5·0.8020833333333333)
     *   / (1 + 0.5 + 1 + 1.5) = 2.0477678571428571 / 4 = 0.5119419642857143 */
    double score, pressure;
    TH_OK(smb_forces_force_score(f, NE, &score));
    ck_assert_double_eq_tol(score, 11.125 / 3.5, 1e-12);
    TH_OK(smb_forces_force_score(f, SU, &score));
    ck_assert_double_eq_tol(score, 2.2, 1e-12);
    TH_OK(smb_forces_force_score(f, RI, &score));
    ck_assert_double_eq_tol(score, 4.208333333333333, 1e-12);
    TH_OK(smb_forces_pressure(f, &pressure));
    ck_assert_double_eq_tol(pressure, 0.5119419642857143, 1e-12);
    smb_document_free(doc);
}
END_TEST

/* forces_full.json is written in the saved layout, so saving gives it back. */
START_TEST(test_full_saves_to_itself)
{
    size_t flen;
    char *file = th_read_data("forces_full.json", &flen);
    smb_document *doc = load_data("forces_full.json");
    char *text = save(doc);
    ck_assert_str_eq(text, file);
    smb_free(text);
    smb_document_free(doc);
    free(file);
}
END_TEST

/* forces_compact.json holds the same assessment on one line: members in
 * other orders, the zero weights before the driver that keeps its force
 * up, defaults written out (weights of 1, empty rationales and questions,
 * empty drivers), numbers spelt otherwise (2.0, 4e0, 5e-1, -0.0) and
 * non-ASCII escaped. */
START_TEST(test_compact_is_full)
{
    smb_document *full = load_data("forces_full.json");
    smb_document *compact = load_data("forces_compact.json");
    ck_assert(smb_forces_equal(smb_document_forces(full), smb_document_forces(compact)));
    char *a = save(full);
    char *b = save(compact);
    ck_assert_str_eq(a, b);
    smb_free(a);
    smb_free(b);
    smb_document_free(full);
    smb_document_free(compact);
}
END_TEST

static const char *const valid_files[] = {"forces_full.json", "forces_compact.json",
                                          "../../examples/bakery.json", "minimal.json"};

START_TEST(test_round_trip)
{
    smb_document *first = NULL, *second = NULL;
    TH_OK(smb_document_load_file(th_data_path(valid_files[_i]), &first));
    char *text1 = save(first);
    TH_OK(smb_document_load_string(text1, strlen(text1), &second));
    ck_assert(smb_forces_equal(smb_document_forces(first), smb_document_forces(second)));
    ck_assert(smb_canvas_equal(smb_document_canvas(first), smb_document_canvas(second)) ||
              (!smb_document_canvas(first) && !smb_document_canvas(second)));
    char *text2 = save(second);
    ck_assert_str_eq(text1, text2);
    smb_free(text1);
    smb_free(text2);
    smb_document_free(first);
    smb_document_free(second);
}
END_TEST

/* The example assesses every standard driver, each with its reason. */
START_TEST(test_bakery_example_is_complete)
{
    smb_document *doc = load_data("../../examples/bakery.json");
    const smb_forces *f = smb_document_forces_const(doc);
    ck_assert_ptr_nonnull(f);
    size_t custom = 0;
    for (int k = 0; k < SMB_FORCE_COUNT; k++) {
        for (size_t i = 0; i < smb_forces_driver_count(f, (smb_force)k); i++) {
            const smb_driver *d = smb_forces_driver_at(f, (smb_force)k, i);
            ck_assert_msg(smb_driver_is_rated(d), "%s/%s unrated", smb_force_key((smb_force)k),
                          smb_driver_key(d));
            ck_assert_ptr_nonnull(smb_driver_rationale(d));
            custom += smb_driver_is_custom(d) ? 1 : 0;
        }
    }
    ck_assert_uint_ge(custom, 1);
    double pressure;
    TH_OK(smb_forces_pressure(f, &pressure));
    smb_document_free(doc);
}
END_TEST

/* ---- the saved layout --------------------------------------------------------- */

static smb_document *doc_with_forces(smb_forces **forces_out)
{
    smb_document *doc = NULL;
    smb_forces *f = NULL;
    TH_OK(smb_document_new(&doc));
    TH_OK(smb_forces_new(&f));
    TH_OK(smb_document_set_forces(doc, f));
    smb_forces_free(f);
    *forces_out = smb_document_forces(doc);
    return doc;
}

START_TEST(test_new_assessment_layout)
{
    smb_forces *f;
    smb_document *doc = doc_with_forces(&f);
    char *text = save(doc);
    ck_assert_str_eq(text, "{\n"
                           "  \"smbstrat\": 1,\n"
                           "  \"forces\": {\n"
                           "    \"new_entrants\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"supplier_power\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"buyer_power\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"substitutes\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"rivalry\": {\n"
                           "      \"drivers\": {}\n"
                           "    }\n"
                           "  }\n"
                           "}\n");
    smb_free(text);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_layout_of_every_field)
{
    smb_forces *f;
    smb_document *doc = doc_with_forces(&f);
    TH_OK(smb_forces_set_name(f, "N"));
    TH_OK(smb_forces_set_force_weight(f, RI, 2));
    TH_OK(smb_forces_set_force_weight(f, NE, 0.5));
    /* set in another order than the layout's */
    TH_OK(smb_forces_set_rationale(f, NE, "economies_of_scale", "Why \"not\"\n"));
    TH_OK(smb_forces_set_confidence(f, NE, "economies_of_scale", 0.1 + 0.2));
    TH_OK(smb_forces_set_driver_weight(f, NE, "economies_of_scale", 1e6));
    TH_OK(smb_forces_set_rating(f, NE, "economies_of_scale", 4));
    TH_OK(smb_forces_add_driver(f, NE, "ours", "Ours", "Q?"));
    TH_OK(smb_forces_add_driver(f, NE, "mine", "Mine", ""));
    TH_OK(smb_forces_set_rating(f, NE, "mine", 1 + 1.0 / 3.0));
    TH_OK(smb_forces_set_confidence(f, SP, "switching_costs", 0));
    /* values set and taken back leave nothing to write */
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 3));
    TH_OK(smb_forces_clear_rating(f, RI, "exit_barriers"));
    TH_OK(smb_forces_set_driver_weight(f, RI, "fixed_costs", 3));
    TH_OK(smb_forces_set_driver_weight(f, RI, "fixed_costs", 1));
    TH_OK(smb_forces_set_rationale(f, RI, "differentiation", "x"));
    TH_OK(smb_forces_set_rationale(f, RI, "differentiation", ""));
    char *text = save(doc);
    ck_assert_str_eq(text, "{\n"
                           "  \"smbstrat\": 1,\n"
                           "  \"forces\": {\n"
                           "    \"name\": \"N\",\n"
                           "    \"weights\": {\n"
                           "      \"new_entrants\": 0.5,\n"
                           "      \"rivalry\": 2\n"
                           "    },\n"
                           "    \"new_entrants\": {\n"
                           "      \"drivers\": {\n"
                           "        \"economies_of_scale\": {\n"
                           "          \"rating\": 4,\n"
                           "          \"weight\": 1000000,\n"
                           "          \"confidence\": 0.30000000000000004,\n"
                           "          \"rationale\": \"Why \\\"not\\\"\\n\"\n"
                           "        },\n"
                           "        \"ours\": {\n"
                           "          \"title\": \"Ours\",\n"
                           "          \"question\": \"Q?\"\n"
                           "        },\n"
                           "        \"mine\": {\n"
                           "          \"title\": \"Mine\",\n"
                           "          \"rating\": 1.3333333333333333\n"
                           "        }\n"
                           "      }\n"
                           "    },\n"
                           "    \"supplier_power\": {\n"
                           "      \"drivers\": {\n"
                           "        \"switching_costs\": {\n"
                           "          \"confidence\": 0\n"
                           "        }\n"
                           "      }\n"
                           "    },\n"
                           "    \"buyer_power\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"substitutes\": {\n"
                           "      \"drivers\": {}\n"
                           "    },\n"
                           "    \"rivalry\": {\n"
                           "      \"drivers\": {}\n"
                           "    }\n"
                           "  }\n"
                           "}\n");
    /* and every value reads back to the same double */
    smb_document *again = NULL;
    TH_OK(smb_document_load_string(text, strlen(text), &again));
    ck_assert(smb_forces_equal(smb_document_forces(again), f));
    smb_free(text);
    smb_document_free(again);
    smb_document_free(doc);
}
END_TEST

/* The canvas comes first whichever section was set first. */
START_TEST(test_sections_in_order)
{
    smb_forces *f;
    smb_document *doc = doc_with_forces(&f);
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_set_name(c, "C"));
    TH_OK(smb_document_set_canvas(doc, c));
    smb_canvas_free(c);
    char *text = save(doc);
    const char *canvas = strstr(text, "\n  \"canvas\": {\n    \"name\": \"C\",");
    const char *forces = strstr(text, "\n  \"forces\": {\n");
    ck_assert_ptr_nonnull(canvas);
    ck_assert_ptr_nonnull(forces);
    ck_assert(canvas < forces);
    static const char head[] = "{\n  \"smbstrat\": 1,\n  \"canvas\"";
    ck_assert(strncmp(text, head, sizeof head - 1) == 0);
    smb_free(text);
    smb_document_free(doc);
}
END_TEST

/* ---- the document's forces ------------------------------------------------------ */

START_TEST(test_set_forces_copies)
{
    smb_document *doc = NULL;
    smb_forces *f = NULL;
    TH_OK(smb_document_new(&doc));
    ck_assert_ptr_null(smb_document_forces(doc));
    ck_assert_ptr_null(smb_document_forces_const(doc));
    TH_OK(smb_forces_new(&f));
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 4));
    TH_OK(smb_document_set_forces(doc, f));
    smb_forces *mine = smb_document_forces(doc);
    ck_assert_ptr_nonnull(mine);
    ck_assert_ptr_ne(mine, f);
    ck_assert_ptr_eq(smb_document_forces_const(doc), mine);
    ck_assert(smb_forces_equal(mine, f));
    /* a copy: later changes to either side stay on that side */
    TH_OK(smb_forces_set_rating(f, RI, "exit_barriers", 2));
    ck_assert(smb_driver_rating(smb_forces_find_driver(mine, RI, "exit_barriers")) == 4);
    /* changes through the borrowed pointer are changes to the document */
    TH_OK(smb_forces_set_name(mine, "Mine"));
    char *text = save(doc);
    ck_assert_ptr_nonnull(strstr(text, "\"name\": \"Mine\""));
    smb_free(text);
    /* the document's own assessment may be given back to it */
    TH_OK(smb_document_set_forces(doc, smb_document_forces(doc)));
    ck_assert_str_eq(smb_forces_name(smb_document_forces(doc)), "Mine");
    /* NULL removes the section */
    TH_OK(smb_document_set_forces(doc, NULL));
    ck_assert_ptr_null(smb_document_forces(doc));
    text = save(doc);
    ck_assert_str_eq(text, "{\n  \"smbstrat\": 1\n}\n");
    smb_free(text);
    smb_forces_free(f);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_forces_null_arguments)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    TH_ASSERT_FAILS(smb_document_set_forces(NULL, f), SMB_EINVAL,
                    "smb_document_set_forces: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_set_forces(NULL, NULL), SMB_EINVAL, "doc");
    ck_assert_ptr_null(smb_document_forces(NULL));
    ck_assert_ptr_null(smb_document_forces_const(NULL));
    smb_forces_free(f);
}
END_TEST

/* A document without the section has no forces, and a failed load leaves
 * none behind. */
START_TEST(test_no_section)
{
    smb_document *doc = load_data("full.json");
    ck_assert_ptr_null(smb_document_forces(doc));
    char *text = save(doc);
    ck_assert_ptr_null(strstr(text, "\"forces\""));
    smb_free(text);
    smb_document_free(doc);
    /* an empty section is an assessment with nothing rated */
    static const char empty[] = "{\"smbstrat\": 1, \"forces\": {}}";
    TH_OK(smb_document_load_string(empty, strlen(empty), &doc));
    smb_forces *fresh = NULL;
    TH_OK(smb_forces_new(&fresh));
    ck_assert(smb_forces_equal(smb_document_forces(doc), fresh));
    smb_forces_free(fresh);
    smb_document_free(doc);
}
END_TEST

/* ---- allocation failures --------------------------------------------------------- */

START_TEST(test_load_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    size_t len;
    char *text = th_read_data("forces_full.json", &len);
    smb_document *expected = load_data("forces_full.json");
    smb_document *doc = NULL;
    TH_EACH_ALLOC_FAILURE(smb_document_load_string(text, len, &doc), doc == NULL,
                          ck_assert(smb_forces_equal(smb_document_forces(doc),
                                                     smb_document_forces(expected))),
                          50);
    smb_document_free(doc);
    smb_document_free(expected);
    free(text);
}
END_TEST

START_TEST(test_save_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    size_t flen;
    char *file = th_read_data("forces_full.json", &flen);
    smb_document *doc = load_data("forces_full.json");
    char *text = NULL;
    size_t len = 0;
    TH_EACH_ALLOC_FAILURE(smb_document_save_string(doc, &text, &len), text == NULL && len == 0,
                          ck_assert_str_eq(text, file), 5);
    ck_assert_uint_eq(len, flen);
    smb_free(text);
    smb_document_free(doc);
    free(file);
}
END_TEST

START_TEST(test_set_forces_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    smb_document *doc = load_data("forces_full.json");
    smb_forces *other = NULL, *snapshot = NULL;
    TH_OK(smb_forces_new(&other));
    TH_OK(smb_forces_add_driver(other, RI, "mine", "Mine", NULL));
    TH_OK(smb_forces_copy(smb_document_forces(doc), &snapshot));
    const smb_forces *before = smb_document_forces(doc);
    TH_EACH_ALLOC_FAILURE(smb_document_set_forces(doc, other),
                          smb_document_forces(doc) == before &&
                              smb_forces_equal(before, snapshot),
                          ck_assert(smb_forces_equal(smb_document_forces(doc), other)), 1);
    smb_forces_free(other);
    smb_forces_free(snapshot);
    smb_document_free(doc);
}
END_TEST

/* A broken section under memory pressure still fails cleanly, along the
 * paths that find out which part of a new driver was refused too. */
START_TEST(test_load_broken_alloc_failure)
{
    static const struct {
        const char *text;
        smb_status status;
    } cases[] = {
        {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": "
         "{\"mine\": {\"title\": \"\"}}}}}",
         SMB_ESCHEMA},
        {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": "
         "{\"bad key\": {\"title\": \"B\"}}}}}",
         SMB_ESCHEMA},
        {"{\"smbstrat\": 1, \"forces\": {\"substitutes\": {\"drivers\": "
         "{\"price_performance\": {\"weight\": 0}, \"switching_costs\": {\"weight\": 0}, "
         "\"buyer_propensity\": {\"weight\": 0}}}}}",
         SMB_ERANGE},
    };
    th_alloc_install();
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *text = cases[c].text;
        for (long n = 1;; n++) {
            smb_document *doc = SENTINEL;
            long live = th_alloc_live();
            th_alloc_fail_at(n);
            smb_status st = smb_document_load_string(text, strlen(text), &doc);
            th_alloc_fail_at(0);
            ck_assert_ptr_eq(doc, SENTINEL);
            ck_assert_int_eq(th_alloc_live(), live);
            if (st == cases[c].status)
                break;
            ck_assert_msg(st == SMB_ENOMEM, "case %zu, allocation %ld: %s", c, n,
                          smb_last_error());
            ck_assert_int_lt(n, 100000);
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("document_forces");

    TCase *tc = tcase_create("broken");
    tcase_add_loop_test(tc, test_broken_file, 0, BROKEN_COUNT);
    tcase_add_loop_test(tc, test_broken_string, 0, BROKEN_COUNT);
    tcase_add_test(tc, test_every_broken_file_listed);
    tcase_add_loop_test(tc, test_broken_inline, 0,
                        sizeof inline_cases / sizeof inline_cases[0]);
    tcase_add_test(tc, test_text_too_long);
    tcase_add_test(tc, test_too_many_custom_drivers);
    suite_add_tcase(s, tc);

    tc = tcase_create("valid");
    tcase_add_test(tc, test_full_fields);
    tcase_add_test(tc, test_full_saves_to_itself);
    tcase_add_test(tc, test_compact_is_full);
    tcase_add_loop_test(tc, test_round_trip, 0, sizeof valid_files / sizeof valid_files[0]);
    tcase_add_test(tc, test_bakery_example_is_complete);
    tcase_add_test(tc, test_no_section);
    suite_add_tcase(s, tc);

    tc = tcase_create("layout");
    tcase_add_test(tc, test_new_assessment_layout);
    tcase_add_test(tc, test_layout_of_every_field);
    tcase_add_test(tc, test_sections_in_order);
    suite_add_tcase(s, tc);

    tc = tcase_create("api");
    tcase_add_test(tc, test_set_forces_copies);
    tcase_add_test(tc, test_forces_null_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("alloc");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_load_alloc_failure);
    tcase_add_test(tc, test_save_alloc_failure);
    tcase_add_test(tc, test_set_forces_alloc_failure);
    tcase_add_test(tc, test_load_broken_alloc_failure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
