/* SPDX-License-Identifier: MIT */
/*
 * The resilience, scenarios, responses and settings sections of the JSON
 * document: strict loading with located errors for every broken value,
 * the references between sections, the canonical saved layout, round
 * trips, the document's accessors and budget, and every allocation failure
 * on the way.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define ADA SMB_CAPABILITY_ADAPTABILITY
#define AGI SMB_CAPABILITY_AGILITY
#define INN SMB_CAPABILITY_INNOVATION
#define CUS SMB_CAPABILITY_CUSTOMER_CENTRICITY
#define DAT SMB_CAPABILITY_DATA_DRIVEN

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

/* Lines and columns counted by hand (columns in characters, 1-based). The
 * scenario files share one layout: the scenario's members sit on lines 5
 * onwards with 6 spaces of indent, so a member's name starts at column 7
 * and its value at 7 + strlen("\"name\": "). */
static const broken_case broken[] = {
    /* line 6 `      "agility": {"maturity": 6, ...`: "agility": 7-16, '{' 18,
     * "maturity": 19-29, 6 at 31 */
    {"broken_resilience_maturity_six.json", SMB_ERANGE,
     "$.resilience.capabilities.agility.maturity", 6, 31,
     "must be a number from 0 to 5, got 6"},
    /* line 6 `      "resourcefulness": {...}`: unknown keys point at the name, 7 */
    {"broken_resilience_unknown_capability.json", SMB_ESCHEMA,
     "$.resilience.capabilities.resourcefulness", 6, 7,
     "unknown key; a capability is one of adaptability, agility, innovation, "
     "customer_centricity, data_driven"},
    /* every capability at weight 0: the last zero in the file is refused.
     * Line 9 `      "data_driven": {"maturity": 1, "weight": 0}`: "data_driven": 7-20,
     * '{' 22, "maturity": 23-33, 1 at 35, ',' 36, "weight": 38-46, 0 at 48 */
    {"broken_resilience_zero_weights.json", SMB_ERANGE,
     "$.resilience.capabilities.data_driven.weight", 9, 48,
     "0 would leave every capability with weight 0; at least one must count"},
    /* line 9 `      "likelihood": 1.2,`: value at 7 + 14 = 21 */
    {"broken_scenarios_probability.json", SMB_ERANGE, "$.scenarios[0].likelihood", 9, 21,
     "must be a probability from 0 to 1, not 1.2"},
    /* min above max is a fault of the whole estimate, reported at its '{', 21 */
    {"broken_scenarios_min_above_max.json", SMB_ERANGE, "$.scenarios[0].likelihood", 9, 21,
     "min 0.6 is above max 0.2"},
    /* line 9 `      "likelihood": {"dist": "pert", "min": 0.2, "mode": 0.7, ...`:
     * '{' 21, "dist": 22-28, "pert" 30-35, ',' 36, "min": 38-43, 0.2 45-47,
     * ',' 48, "mode": 50-56, 0.7 at 58 */
    {"broken_scenarios_mode_outside.json", SMB_ERANGE, "$.scenarios[0].likelihood.mode", 9, 58,
     "0.7 is outside [min 0.2, max 0.6]"},
    /* line 10 `      "impact": 0`: value at 7 + 10 = 17 */
    {"broken_scenarios_impact_zero.json", SMB_ERANGE, "$.scenarios[0].impact", 10, 17,
     "must be a severity from 1 to 5, not 0"},
    /* line 11 `      "horizon_months": 0`: value at 7 + 18 = 25 */
    {"broken_scenarios_horizon_zero.json", SMB_ERANGE, "$.scenarios[0].horizon_months", 11, 25,
     "must be a number of months above 0 and at most 1200, got 0"},
    /* line 7 `      "source": "aliens",`: value at 7 + 10 = 17 */
    {"broken_scenarios_unknown_source.json", SMB_ESCHEMA, "$.scenarios[0].source", 7, 17,
     "must be one of technology, customer_expectations, economic, global_event, "
     "business_model, regulatory, competition, digital_platforms, cyber"},
    /* line 9 `      "kind": ["technological", "incremental"],`: '[' 15,
     * "technological" 16-30, ',' 31, "incremental" at 33 */
    {"broken_scenarios_unknown_kind.json", SMB_ESCHEMA, "$.scenarios[0].kind[1]", 9, 33,
     "must be one of technological, business_model, sustaining, disruptive, operational, "
     "strategic"},
    /* Fuzzing regression: an unknown first kind once shifted by an
     * uninitialised index. One line: '"kind":[' spans columns 123-130,
     * so "nope" starts at 131. */
    {"broken_scenarios_first_kind_unknown.json", SMB_ESCHEMA, "$.scenarios[0].kind[0]", 1, 131,
     "must be one of technological, business_model, sustaining, disruptive, operational, "
     "strategic"},
    /* the element that completes a pair is refused. Line 9
     * `      "kind": ["disruptive", "strategic", "sustaining"],`: '[' 15,
     * "disruptive" 16-27, ',' 28, "strategic" 30-40, ',' 41, "sustaining" at 43 */
    {"broken_scenarios_kind_pair.json", SMB_ESCHEMA, "$.scenarios[0].kind[2]", 9, 43,
     "both sustaining and disruptive; choose one of the two"},
    /* line 11 `      "blocks": {"channels": 1, "partners": 0.5}`: '{' 17,
     * "channels": 18-28, 1 30, ',' 31, "partners" at 33 */
    {"broken_scenarios_unknown_block.json", SMB_ESCHEMA, "$.scenarios[0].blocks.partners", 11, 33,
     "unknown key; a block is one of key_partnerships, key_activities, key_resources, "
     "value_propositions, customer_relationships, channels, customer_segments, "
     "cost_structure, revenue_streams"},
    /* line 11 `      "blocks": {"channels": 1, "revenue_streams": 0}`: "revenue_streams":
     * 33-50, 0 at 52 */
    {"broken_scenarios_block_weight_zero.json", SMB_ERANGE,
     "$.scenarios[0].blocks.revenue_streams", 11, 52,
     "weight must be a number above 0 and at most 1e+06, got 0"},
    /* line 12 `        {"force": "substitutes", "driver": "buyer_propensity", "delta": 9}`:
     * '{' 9, "force": 10-17, "substitutes" 19-31, ',' 32, "driver": 34-42,
     * "buyer_propensity" 44-61, ',' 62, "delta": 64-71, 9 at 73 */
    {"broken_scenarios_shift_delta.json", SMB_ERANGE, "$.scenarios[0].shifts[0].delta", 12, 73,
     "must be a number from -4 to 4, got 9"},
    /* line 11 `      "mitigated_by": ["innovation", "luck"]`: '[' 23,
     * "innovation" 24-35, ',' 36, "luck" at 38 */
    {"broken_scenarios_unknown_mitigator.json", SMB_ESCHEMA, "$.scenarios[0].mitigated_by[1]",
     11, 38,
     "must be one of adaptability, agility, innovation, customer_centricity, data_driven"},
    /* line 6 `    {"id": "downturn", ...`: '{' 5, "id": 6-10, value at 12 */
    {"broken_scenarios_duplicate_id.json", SMB_EEXIST, "$.scenarios[2].id", 6, 12,
     "duplicate id 'downturn' (first used at $.scenarios[0])"},
    /* the forces section comes after the scenarios, and is consulted once
     * it is loaded. Line 13 `        {"force": "rivalry", "driver": "price_wars", ...`:
     * '{' 9, "force": 10-17, "rivalry" 19-27, ',' 28, "driver": 30-38, value at 40 */
    {"broken_scenarios_unknown_driver.json", SMB_ENOTFOUND, "$.scenarios[0].shifts[1].driver",
     13, 40,
     "the forces section has no driver 'price_wars' in rivalry (its drivers: "
     "number_and_balance, industry_growth, fixed_costs, differentiation, exit_barriers, "
     "capacity_increments, rival_diversity)"},
    /* the scenarios come after the responses. Line 12 `        "grocer": {...}`:
     * the name at 9 */
    {"broken_responses_unknown_scenario.json", SMB_ENOTFOUND, "$.responses[0].effects.grocer",
     12, 9, "no scenario has the id 'grocer'"},
    /* line 11 `        "catering": {...}`: the name at 9 */
    {"broken_responses_opportunity_effect.json", SMB_ESCHEMA, "$.responses[0].effects.catering",
     11, 9, "scenario 'catering' is an opportunity; responses reduce threats only"},
    /* line 11 `        "grocers": {"likelihood_reduction": 0.2, "impact_reduction": 1.5}`:
     * "grocers": 9-18, '{' 20, "likelihood_reduction": 21-43, 0.2 45-47, ',' 48,
     * "impact_reduction": 50-68, 1.5 at 70 */
    {"broken_responses_reduction.json", SMB_ERANGE,
     "$.responses[0].effects.grocers.impact_reduction", 11, 70,
     "must be a finite number from 0 to 1, got 1.5"},
    /* line 8 `      "cost": -500,`: value at 7 + 8 = 15 */
    {"broken_responses_negative_cost.json", SMB_ERANGE, "$.responses[0].cost", 8, 15,
     "must be a finite number from 0 to 1e+15, got -500"},
    /* line 8 `        [0.3333333333333333, 1, 0],`: '[' 9, the third at 9 + 1 + 18
     * + 2 + 1 + 2 = 33 */
    {"broken_settings_ahp_zero.json", SMB_ERANGE, "$.settings.ahp.matrix[1][2]", 8, 33,
     "must be a finite number greater than 0, got 0"},
    /* matrix[1][2] = 2 wants matrix[2][1] = 1/2; the second of the pair is
     * refused. Line 9 `        [0.2, 2, 1]`: '[' 9, 0.2 10-12, ',' 13, 2 at 15 */
    {"broken_settings_ahp_not_reciprocal.json", SMB_ESCHEMA, "$.settings.ahp.matrix[2][1]", 9,
     15,
     "matrix[1][2] = 2 and matrix[2][1] = 2 are not reciprocal: the second must be 1/2"},
    /* line 4 `    "weights": {"exposure_reduction": 2, "happiness": 1}`: '{' 16,
     * "exposure_reduction": 17-37, 2 39, ',' 40, "happiness" at 42 */
    {"broken_settings_unknown_criterion.json", SMB_ENOTFOUND, "$.settings.weights.happiness", 4,
     42,
     "no criterion 'happiness' (the criteria are exposure_reduction, cost, months, "
     "feasibility, viability, desirability, strategic_alignment)"},
    /* line 10 `        "dist": "lognormal",`: "dist": 9-15, the value at 17 */
    {"broken_scenarios_lognormal_likelihood.json", SMB_ESCHEMA, "$.scenarios[0].likelihood.dist",
     10, 17, "must be one of uniform, triangular, pert (lognormal is only for money amounts)"},
    /* line 13 `        "min": 0,`: "min": 9-14, the value at 16 */
    {"broken_scenarios_lognormal_zero.json", SMB_ERANGE, "$.scenarios[0].money.min", 13, 16,
     "a lognormal's 5th percentile must be above 0, got 0"},
    /* line 4 `    "budget": -1`: value at 5 + 10 = 15 */
    {"broken_settings_budget.json", SMB_ERANGE, "$.settings.budget", 4, 15,
     "must be a number from 0 to 1e+15, not -1"},
};

enum { BROKEN_COUNT = sizeof broken / sizeof broken[0] };

static const char *const prefixes[] = {"broken_resilience_", "broken_scenarios_",
                                       "broken_responses_", "broken_settings_"};

static int ours(const char *name)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
            return 1;
    return 0;
}

/* The recorded error is exactly the case's, located in `file` (NULL for a
 * string). */
static void check_error(smb_status status, const char *path, int line, int column,
                        const char *message, const char *file)
{
    const smb_error *e = smb_last_error_info();
    char expected[2048];
    if (file) {
        ck_assert_ptr_nonnull(e->file);
        ck_assert_str_eq(e->file, file);
        snprintf(expected, sizeof expected, "%s:%d:%d: %s: %s", file, line, column, path,
                 message);
    } else {
        ck_assert_ptr_null(e->file);
        snprintf(expected, sizeof expected, "line %d, column %d: %s: %s", line, column, path,
                 message);
    }
    ck_assert_str_eq(e->message, expected);
    ck_assert_int_eq(e->status, status);
    ck_assert_ptr_nonnull(e->path);
    ck_assert_str_eq(e->path, path);
    ck_assert_int_eq(e->line, line);
    ck_assert_int_eq(e->column, column);
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
    check_error(c->status, c->path, c->line, c->column, c->message, path);
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
    check_error(c->status, c->path, c->line, c->column, c->message, NULL);
    free(text);
}
END_TEST

/* Every broken file of these sections in tests/data has a case above. */
START_TEST(test_every_broken_file_listed)
{
    DIR *dir = opendir(th_data_path(""));
    ck_assert_ptr_nonnull(dir);
    int seen = 0;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL) {
        if (!ours(d->d_name))
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

/* A document whose second line is `line` (one or more top-level members);
 * the error is on line 2, at the first occurrence of `at` in it. */
typedef struct inline_case {
    const char *line;
    smb_status status;
    const char *path;
    const char *at;
    const char *message; /* the whole message after "line 2, column N: PATH: " */
} inline_case;

/* A scenario with what every scenario needs, then `more` members. */
#define SCENARIO(more)                                                                        \
    "\"scenarios\": [{\"id\": \"s\", \"title\": \"S\", \"source\": \"economic\", "            \
    "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3" more "}]"
/* The same without likelihood and impact, for cases about them. */
#define ESTIMATES(more)                                                                       \
    "\"scenarios\": [{\"id\": \"s\", \"title\": \"S\", \"source\": \"economic\", "            \
    "\"direction\": \"threat\", " more "}]"
/* A response with what every response needs, then `more` members. */
#define RESPONSE(more)                                                                        \
    "\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", "            \
    "\"cost\": 1, \"months\": 2" more "}]"
#define CAPS(more) "\"resilience\": {\"capabilities\": {" more "}}"
#define CAPABILITY_LIST "adaptability, agility, innovation, customer_centricity, data_driven"
#define CRITERIA_LIST                                                                         \
    "exposure_reduction, cost, months, feasibility, viability, desirability, "              \
    "strategic_alignment"

static const inline_case inline_cases[] = {
    /* ---- resilience */
    {"\"resilience\": []", SMB_ESCHEMA, "$.resilience", "[", "must be an object, not an array"},
    {"\"resilience\": {\"capability\": {}}", SMB_ESCHEMA, "$.resilience.capability",
     "\"capability\"", "unknown key; a resilience section has only 'capabilities'"},
    {"\"resilience\": {\"capabilities\": []}", SMB_ESCHEMA, "$.resilience.capabilities", "[",
     "must be an object of capabilities by key, not an array"},
    {CAPS("\"agility\": 3"), SMB_ESCHEMA, "$.resilience.capabilities.agility", "3",
     "a capability must be an object, not an integer"},
    {CAPS("\"agility\": {\"level\": 3}"), SMB_ESCHEMA, "$.resilience.capabilities.agility.level",
     "\"level\"", "unknown key; a capability has maturity, weight and rationale"},
    {CAPS("\"agility\": {\"maturity\": \"high\"}"), SMB_ESCHEMA,
     "$.resilience.capabilities.agility.maturity", "\"high\"",
     "must be a number from 0 to 5, not a string"},
    {CAPS("\"agility\": {\"maturity\": -0.5}"), SMB_ERANGE,
     "$.resilience.capabilities.agility.maturity", "-0.5",
     "must be a number from 0 to 5, got -0.5"},
    {CAPS("\"agility\": {\"weight\": -1}"), SMB_ERANGE, "$.resilience.capabilities.agility.weight",
     "-1", "must be a finite number from 0 to 1e+06, got -1"},
    {CAPS("\"agility\": {\"weight\": null}"), SMB_ESCHEMA,
     "$.resilience.capabilities.agility.weight", "null",
     "must be a number from 0 upwards, not null"},
    {CAPS("\"agility\": {\"rationale\": 3}"), SMB_ESCHEMA,
     "$.resilience.capabilities.agility.rationale", "3", "must be a string, not an integer"},
    {CAPS("\"agility\": {\"rationale\": \"\\u0000\"}"), SMB_EPARSE,
     "$.resilience.capabilities.agility.rationale", "\"}}}",
     "malformed JSON: strings may not hold the NUL character \\u0000"},

    /* ---- scenarios: shape and what smb_scenarios_add takes */
    {"\"scenarios\": {}", SMB_ESCHEMA, "$.scenarios", "{",
     "must be an array of scenarios, not an object"},
    {"\"scenarios\": [3]", SMB_ESCHEMA, "$.scenarios[0]", "3",
     "a scenario must be an object, not an integer"},
    {"\"scenarios\": [{\"id\": \"s\"}]", SMB_ESCHEMA, "$.scenarios[0]", "{",
     "missing required key 'title'"},
    {"\"scenarios\": [{\"id\": \"s\", \"title\": \"S\", \"source\": \"cyber\", \"likelihood\": "
     "0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0]", "{", "missing required key 'direction'"},
    {ESTIMATES("\"likelihood\": 0.5"), SMB_ESCHEMA, "$.scenarios[0]", "{",
     "missing required key 'impact'"},
    {SCENARIO(", \"probability\": 0.5"), SMB_ESCHEMA, "$.scenarios[0].probability",
     "\"probability\"",
     "unknown key; a scenario has id, title, description, source, kind, direction, "
     "likelihood, impact, money, horizon_months, blocks, shifts and mitigated_by"},
    {"\"scenarios\": [{\"id\": \"a b\", \"title\": \"S\", \"source\": \"cyber\", "
     "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0].id", "\"a b\"",
     "id 'a b': use only ASCII letters, digits, '_', '-' and '.'"},
    {"\"scenarios\": [{\"id\": 7, \"title\": \"S\", \"source\": \"cyber\", "
     "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0].id", "7", "must be a string, not an integer"},
    {"\"scenarios\": [{\"id\": \"s\", \"title\": \"\", \"source\": \"cyber\", "
     "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0].title", "\"\"", "must not be empty"},
    {"\"scenarios\": [{\"id\": \"s\", \"title\": \"S\", \"source\": \"cyber\", "
     "\"direction\": \"risk\", \"likelihood\": 0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0].direction", "\"risk\"", "must be one of threat, opportunity"},
    {"\"scenarios\": [{\"id\": \"s\", \"title\": \"S\", \"source\": 2, "
     "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3}]",
     SMB_ESCHEMA, "$.scenarios[0].source", "2",
     "must be one of technology, customer_expectations, economic, global_event, "
     "business_model, regulatory, competition, digital_platforms, cyber, not an integer"},
    {SCENARIO(", \"description\": 5"), SMB_ESCHEMA, "$.scenarios[0].description", "5}]",
     "must be a string, not an integer"},

    /* ---- scenarios: estimates */
    {ESTIMATES("\"likelihood\": \"high\", \"impact\": 3"), SMB_ESCHEMA,
     "$.scenarios[0].likelihood", "\"high\"",
     "must be a probability from 0 to 1 or a distribution object, not a string"},
    {ESTIMATES("\"likelihood\": -0.25, \"impact\": 3"), SMB_ERANGE, "$.scenarios[0].likelihood",
     "-0.25", "must be a probability from 0 to 1, not -0.25"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"point\", \"min\": 0.1, \"mode\": 0.1, \"max\": "
               "0.1}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.dist", "\"point\"",
     "must be one of uniform, triangular, pert (a single value is written as a plain "
     "number)"},
    {ESTIMATES("\"likelihood\": {\"dist\": 3, \"min\": 0.1, \"max\": 0.2}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.dist", "3",
     "must be one of uniform, triangular, pert (a single value is written as a plain "
     "number)"},
    {ESTIMATES("\"likelihood\": {\"min\": 0.1, \"max\": 0.2}, \"impact\": 3"), SMB_ESCHEMA,
     "$.scenarios[0].likelihood", "{\"min", "missing required key 'dist'"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"uniform\", \"min\": 0.1, \"mode\": 0.15, \"max\": "
               "0.2}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.mode", "\"mode\"",
     "a uniform distribution has no mode; give min and max only"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"pert\", \"min\": 0.1, \"max\": 0.2}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood", "{\"dist", "missing required key 'mode'"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"uniform\", \"min\": 0.1}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood", "{\"dist", "missing required key 'max'"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"triangular\", \"min\": \"0\", \"mode\": 0.1, "
               "\"max\": 0.2}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.min", "\"0\"", "must be a number, not a string"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"pert\", \"min\": 0.1, \"mode\": 0.1, \"max\": 0.2, "
               "\"sd\": 1}, \"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.sd", "\"sd\"",
     "unknown key; a distribution has dist, min, mode and max"},
    {ESTIMATES("\"likelihood\": 0.5, \"impact\": {\"dist\": \"triangular\", \"min\": 2, "
               "\"mode\": 3, \"max\": 6}"),
     SMB_ERANGE, "$.scenarios[0].impact.max", "6", "must be a number from 1 to 5, got 6"},
    {ESTIMATES("\"likelihood\": {\"dist\": \"uniform\", \"min\": -0.1, \"max\": 0.2}, "
               "\"impact\": 3"),
     SMB_ERANGE, "$.scenarios[0].likelihood.min", "-0.1", "must be a number from 0 to 1, got -0.1"},
    {ESTIMATES("\"likelihood\": 0.5, \"impact\": [3]"), SMB_ESCHEMA, "$.scenarios[0].impact", "[3]",
     "must be a severity from 1 to 5 or a distribution object, not an array"},
    {SCENARIO(", \"money\": -1"), SMB_ERANGE, "$.scenarios[0].money", "-1",
     "must be an amount from 0 to 1e+15, not -1"},
    {SCENARIO(", \"money\": {\"dist\": \"pert\", \"min\": 10, \"mode\": 5, \"max\": 20}"),
     SMB_ERANGE, "$.scenarios[0].money.mode", "5, \"max\": 20", "5 is outside [min 10, max 20]"},
    {SCENARIO(", \"money\": {\"dist\": \"uniform\", \"min\": 0, \"max\": 2e15}"), SMB_ERANGE,
     "$.scenarios[0].money.max", "2e15", "must be a number from 0 to 1e+15, got 2e+15"},

    /* ---- scenarios: lognormal money */
    {ESTIMATES("\"likelihood\": {\"dist\": \"lognormal\", \"min\": 0.1, \"max\": 0.2}, "
               "\"impact\": 3"),
     SMB_ESCHEMA, "$.scenarios[0].likelihood.dist", "\"lognormal\"",
     "must be one of uniform, triangular, pert (lognormal is only for money amounts)"},
    {ESTIMATES("\"likelihood\": 0.5, \"impact\": {\"dist\": \"lognormal\", \"min\": 2, "
               "\"max\": 4}"),
     SMB_ESCHEMA, "$.scenarios[0].impact.dist", "\"lognormal\"",
     "must be one of uniform, triangular, pert (lognormal is only for money amounts)"},
    {SCENARIO(", \"money\": {\"dist\": \"gamma\", \"min\": 1, \"max\": 2}"), SMB_ESCHEMA,
     "$.scenarios[0].money.dist", "\"gamma\"",
     "must be one of uniform, triangular, pert, lognormal (a single value is written as a plain "
     "number)"},
    {SCENARIO(", \"money\": {\"dist\": \"lognormal\", \"min\": 1000, \"mode\": 5000, "
              "\"max\": 9000}"),
     SMB_ESCHEMA, "$.scenarios[0].money.mode", "\"mode\"",
     "a lognormal distribution has no mode; give min (its 5th percentile) and max (its 95th) "
     "only"},
    {SCENARIO(", \"money\": {\"dist\": \"lognormal\", \"min\": 1000}"), SMB_ESCHEMA,
     "$.scenarios[0].money", "{\"dist", "missing required key 'max'"},
    {SCENARIO(", \"money\": {\"dist\": \"lognormal\", \"min\": 0, \"max\": 9000}"), SMB_ERANGE,
     "$.scenarios[0].money.min", "0, \"max\"",
     "a lognormal's 5th percentile must be above 0, got 0"},
    {SCENARIO(", \"money\": {\"dist\": \"lognormal\", \"min\": 9000, \"max\": 1000}"),
     SMB_ERANGE, "$.scenarios[0].money", "{\"dist\": \"lognormal\"", "min 9000 is above max 1000"},
    {SCENARIO(", \"money\": {\"dist\": \"lognormal\", \"min\": 1, \"max\": 1e12}"),
     SMB_ERANGE, "$.scenarios[0].money", "{\"dist\": \"lognormal\"",
     "a lognormal with 5th percentile 1 and 95th 1e+12 has mean 2.08504e+21, above 1e+15"},

    /* ---- scenarios: the other fields */
    {SCENARIO(", \"horizon_months\": 1201"), SMB_ERANGE, "$.scenarios[0].horizon_months", "1201",
     "must be a number of months above 0 and at most 1200, got 1201"},
    {SCENARIO(", \"horizon_months\": \"soon\""), SMB_ESCHEMA, "$.scenarios[0].horizon_months",
     "\"soon\"", "must be a number of months above 0, not a string"},
    {SCENARIO(", \"kind\": \"strategic\""), SMB_ESCHEMA, "$.scenarios[0].kind", "\"strategic\"",
     "must be an array of strings, not a string"},
    {SCENARIO(", \"kind\": [\"strategic\", \"strategic\"]"), SMB_ESCHEMA,
     "$.scenarios[0].kind[1]", "\"strategic\"]", "lists 'strategic' twice"},
    {SCENARIO(", \"kind\": [3]"), SMB_ESCHEMA, "$.scenarios[0].kind[0]", "3]",
     "must be a string, not an integer"},
    {SCENARIO(", \"kind\": [\"technological\", \"business_model\"]"), SMB_ESCHEMA,
     "$.scenarios[0].kind[1]", "\"business_model\"",
     "both technological and business_model; choose one of the two"},
    {SCENARIO(", \"mitigated_by\": []"), SMB_ESCHEMA, "$.scenarios[0].mitigated_by", "[]",
     "must name at least one capability"},
    {SCENARIO(", \"mitigated_by\": [\"agility\", \"agility\"]"), SMB_ESCHEMA,
     "$.scenarios[0].mitigated_by[1]", "\"agility\"]", "lists 'agility' twice"},
    {SCENARIO(", \"blocks\": [\"channels\"]"), SMB_ESCHEMA, "$.scenarios[0].blocks",
     "[\"channels\"]",
     "must be an object of weights by block, not an array"},
    {SCENARIO(", \"blocks\": {\"channels\": \"all\"}"), SMB_ESCHEMA,
     "$.scenarios[0].blocks.channels", "\"all\"", "must be a weight above 0, not a string"},
    {SCENARIO(", \"blocks\": {\"channels\": -2}"), SMB_ERANGE, "$.scenarios[0].blocks.channels",
     "-2", "weight must be a number above 0 and at most 1e+06, got -2"},
    {SCENARIO(", \"shifts\": {}"), SMB_ESCHEMA, "$.scenarios[0].shifts", "{}",
     "must be an array of shifts, not an object"},
    {SCENARIO(", \"shifts\": [1]"), SMB_ESCHEMA, "$.scenarios[0].shifts[0]", "1]",
     "a shift must be an object, not an integer"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivals\", \"driver\": \"x\", \"delta\": 1}]"),
     SMB_ESCHEMA, "$.scenarios[0].shifts[0].force", "\"rivals\"",
     "must be one of new_entrants, supplier_power, buyer_power, substitutes, rivalry"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivalry\", \"driver\": \"x\"}]"), SMB_ESCHEMA,
     "$.scenarios[0].shifts[0]", "{\"force", "missing required key 'delta'"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivalry\", \"driver\": \"a b\", \"delta\": 1}]"),
     SMB_ESCHEMA, "$.scenarios[0].shifts[0].driver", "\"a b\"",
     "id 'a b': use only ASCII letters, digits, '_', '-' and '.'"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivalry\", \"driver\": \"x\", \"delta\": \"+1\"}]"),
     SMB_ESCHEMA, "$.scenarios[0].shifts[0].delta", "\"+1\"",
     "must be a number from -4 to 4, not a string"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivalry\", \"driver\": \"x\", \"delta\": 1}, "
              "{\"force\": \"rivalry\", \"driver\": \"x\", \"delta\": -1}]"),
     SMB_EEXIST, "$.scenarios[0].shifts[1].driver", "\"x\", \"delta\": -1",
     "scenario 's' already shifts rivalry/x"},
    {SCENARIO(", \"shifts\": [{\"force\": \"rivalry\", \"driver\": \"x\", \"delta\": 1, "
              "\"why\": \"\"}]"),
     SMB_ESCHEMA, "$.scenarios[0].shifts[0].why", "\"why\"",
     "unknown key; a shift has force, driver and delta"},
    /* a driver the forces section lacks, the forces coming first */
    {"\"forces\": {}, " SCENARIO(", \"shifts\": [{\"force\": \"substitutes\", \"driver\": "
                                 "\"apps\", \"delta\": 1}]"),
     SMB_ENOTFOUND, "$.scenarios[0].shifts[0].driver", "\"apps\"",
     "the forces section has no driver 'apps' in substitutes (its drivers: price_performance, "
     "switching_costs, buyer_propensity)"},

    /* ---- responses */
    {"\"responses\": [[]]", SMB_ESCHEMA, "$.responses[0]", "[]",
     "a response must be an object, not an array"},
    {"\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", "
     "\"months\": 2}]",
     SMB_ESCHEMA, "$.responses[0]", "{", "missing required key 'cost'"},
    {"\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"website\", \"cost\": 1, "
     "\"months\": 2}]",
     SMB_ESCHEMA, "$.responses[0].kind", "\"website\"",
     "must be one of digital_channel, automation, personalisation, business_model, "
     "partnership, capability_building"},
    {"\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", \"cost\": "
     "\"cheap\", \"months\": 2}]",
     SMB_ESCHEMA, "$.responses[0].cost", "\"cheap\"",
     "must be an amount from 0 to 1e+15, not a string"},
    {"\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", \"cost\": 1, "
     "\"months\": 1300}]",
     SMB_ERANGE, "$.responses[0].months", "1300",
     "must be a finite number from 0 to 1200, got 1300"},
    {"\"responses\": [{\"id\": \"r s\", \"title\": \"R\", \"kind\": \"automation\", \"cost\": 1, "
     "\"months\": 2}]",
     SMB_ESCHEMA, "$.responses[0].id", "\"r s\"",
     "id 'r s': use only ASCII letters, digits, '_', '-' and '.'"},
    {"\"responses\": [{\"id\": \"r\", \"title\": null, \"kind\": \"automation\", \"cost\": 1, "
     "\"months\": 2}]",
     SMB_ESCHEMA, "$.responses[0].title", "null", "must be a string, not null"},
    {RESPONSE(", \"priority\": 1"), SMB_ESCHEMA, "$.responses[0].priority", "\"priority\"",
     "unknown key; a response has id, title, description, kind, cost, months, effects, gains, "
     "ratings and values"},
    {"\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", \"cost\": 1, "
     "\"months\": 2}, {\"id\": \"r\", \"title\": \"Again\", \"kind\": \"automation\", "
     "\"cost\": 1, \"months\": 2}]",
     SMB_EEXIST, "$.responses[1].id", "\"r\", \"title\": \"Again\"",
     "duplicate id 'r' (first used at $.responses[0])"},
    {RESPONSE(", \"effects\": []"), SMB_ESCHEMA, "$.responses[0].effects", "[]",
     "must be an object of effects by scenario id, not an array"},
    {RESPONSE(", \"effects\": {\"t\": 0.5}"), SMB_ESCHEMA, "$.responses[0].effects.t", "0.5",
     "an effect must be an object, not a number with a fraction or exponent"},
    {RESPONSE(", \"effects\": {\"t\": {\"likelihood\": 0.5}}"), SMB_ESCHEMA,
     "$.responses[0].effects.t.likelihood", "\"likelihood\"",
     "unknown key; an effect has likelihood_reduction and impact_reduction"},
    {RESPONSE(", \"effects\": {\"t\": {\"likelihood_reduction\": -0.1}}"), SMB_ERANGE,
     "$.responses[0].effects.t.likelihood_reduction", "-0.1",
     "must be a finite number from 0 to 1, got -0.1"},
    {RESPONSE(", \"effects\": {\"t\": {\"impact_reduction\": \"half\"}}"), SMB_ESCHEMA,
     "$.responses[0].effects.t.impact_reduction", "\"half\"",
     "must be a share from 0 to 1, not a string"},
    {RESPONSE(", \"effects\": {\"a b\": {}}"), SMB_ESCHEMA, "$.responses[0].effects[\"a b\"]",
     "\"a b\"", "id 'a b': use only ASCII letters, digits, '_', '-' and '.'"},
    {RESPONSE(", \"effects\": {\"t\": {}}"), SMB_ENOTFOUND, "$.responses[0].effects.t", "\"t\"",
     "no scenario has the id 't' (the document has no scenarios)"},
    {RESPONSE(", \"gains\": {\"luck\": 1}"), SMB_ESCHEMA, "$.responses[0].gains.luck", "\"luck\"",
     "unknown key; a gain is given for one of " CAPABILITY_LIST},
    {RESPONSE(", \"gains\": {\"agility\": 6}"), SMB_ERANGE, "$.responses[0].gains.agility", "6",
     "must be a finite number from 0 to 5, got 6"},
    {RESPONSE(", \"gains\": []"), SMB_ESCHEMA, "$.responses[0].gains", "[]",
     "must be an object of numbers by key, not an array"},
    {RESPONSE(", \"ratings\": {\"feasibility\": 0}"), SMB_ERANGE,
     "$.responses[0].ratings.feasibility", "0}", "must be a finite number from 1 to 5, got 0"},
    {RESPONSE(", \"ratings\": {\"cost\": 3}"), SMB_ESCHEMA, "$.responses[0].ratings.cost",
     "\"cost\": 3",
     "unknown key; a rating is given on one of feasibility, viability, desirability, "
     "strategic_alignment"},
    {RESPONSE(", \"ratings\": {\"viability\": true}"), SMB_ESCHEMA,
     "$.responses[0].ratings.viability", "true", "must be a number from 1 to 5, not true"},
    {RESPONSE(", \"description\": []"), SMB_ESCHEMA, "$.responses[0].description", "[]",
     "must be a string, not an array"},
    {RESPONSE(", \"values\": {\"fun\": 1}"), SMB_ENOTFOUND, "$.responses[0].values.fun",
     "\"fun\"", "no criterion 'fun' of your own; declare it in settings.criteria"},
    {RESPONSE(", \"values\": {\"cost\": 1}"), SMB_ESCHEMA, "$.responses[0].values.cost",
     "\"cost\": 1}}",
     "'cost' is a built-in criterion, whose value comes from the response itself; values are "
     "for criteria of your own"},
    {RESPONSE(", \"values\": {\"fun\": \"x\"}"), SMB_ESCHEMA, "$.responses[0].values.fun",
     "\"x\"", "must be a number from 0 to 1e+15, not a string"},
    {RESPONSE(", \"values\": []"), SMB_ESCHEMA, "$.responses[0].values", "[]",
     "must be an object of values by criterion key, not an array"},
    {"\"settings\": {\"criteria\": [{\"key\": \"fun\", \"title\": \"Fun\"}]}, " RESPONSE(
         ", \"values\": {\"fun\": -1}"),
     SMB_ERANGE, "$.responses[0].values.fun", "-1",
     "must be a finite number from 0 to 1e+15, got -1"},

    /* ---- settings */
    {"\"settings\": []", SMB_ESCHEMA, "$.settings", "[", "must be an object, not an array"},
    {"\"settings\": {\"currency\": \"EUR\"}", SMB_ESCHEMA, "$.settings.currency", "\"currency\"",
     "unknown key; settings are mitigation, half_life_months, budget, criteria, weights and "
     "ahp"},
    {"\"settings\": {\"mitigation\": 0.7}", SMB_ESCHEMA, "$.settings.mitigation",
     "\"mitigation\"",
     "'mitigation' is a setting of the scenarios, and the document has no 'scenarios' "
     "section"},
    {"\"settings\": {\"mitigation\": 1.5}, \"scenarios\": []", SMB_ERANGE,
     "$.settings.mitigation", "1.5", "must be a number from 0 to 1, got 1.5"},
    {"\"scenarios\": [], \"settings\": {\"half_life_months\": 0}", SMB_ERANGE,
     "$.settings.half_life_months", "0}",
     "must be a number of months above 0 and at most 1200, got 0"},
    {"\"scenarios\": [], \"settings\": {\"half_life_months\": \"2y\"}", SMB_ESCHEMA,
     "$.settings.half_life_months", "\"2y\"", "must be a number of months above 0, not a string"},
    {"\"settings\": {\"criteria\": []}", SMB_ESCHEMA, "$.settings.criteria", "\"criteria\"",
     "'criteria' is a setting of the responses, and the document has no 'responses' section"},
    {"\"settings\": {\"weights\": {\"cost\": 2}}", SMB_ESCHEMA, "$.settings.weights",
     "\"weights\"",
     "'weights' is a setting of the responses, and the document has no 'responses' section"},
    {"\"responses\": [], \"settings\": {\"criteria\": {}}", SMB_ESCHEMA, "$.settings.criteria",
     "{}", "must be an array of criteria, not an object"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"cost\", \"title\": \"C\"}]}",
     SMB_EEXIST, "$.settings.criteria[0].key", "\"cost\"",
     "criterion 'cost' already exists (it is built in)"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"fun\", \"title\": \"F\"}, "
     "{\"key\": \"fun\", \"title\": \"G\"}]}",
     SMB_EEXIST, "$.settings.criteria[1].key", "\"fun\", \"title\": \"G\"",
     "criterion 'fun' already exists"},
    {"\"responses\": [], \"settings\": {\"criteria\": [\"fun\"]}", SMB_ESCHEMA,
     "$.settings.criteria[0]", "\"fun\"", "a criterion must be an object, not a string"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"fun\"}]}", SMB_ESCHEMA,
     "$.settings.criteria[0]", "{\"key", "missing required key 'title'"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"fun\", \"title\": \"F\", "
     "\"direction\": \"more\"}]}",
     SMB_ESCHEMA, "$.settings.criteria[0].direction", "\"more\"",
     "must be one of benefit, cost"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"fun\", \"title\": \"F\", "
     "\"weight\": 2}]}",
     SMB_ESCHEMA, "$.settings.criteria[0].weight", "\"weight\"",
     "unknown key; a criterion has key, title and direction"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"a b\", \"title\": \"F\"}]}",
     SMB_ESCHEMA, "$.settings.criteria[0].key", "\"a b\"",
     "id 'a b': use only ASCII letters, digits, '_', '-' and '.'"},
    {"\"responses\": [], \"settings\": {\"criteria\": [{\"key\": \"f\", \"title\": \"\"}]}",
     SMB_ESCHEMA, "$.settings.criteria[0].title", "\"\"", "must not be empty"},
    {"\"responses\": [], \"settings\": {\"weights\": {\"cost\": -1}}", SMB_ERANGE,
     "$.settings.weights.cost", "-1", "must be a finite number from 0 to 1e+06, got -1"},
    {"\"responses\": [], \"settings\": {\"weights\": []}", SMB_ESCHEMA, "$.settings.weights",
     "[]}", "must be an object of weights by criterion, not an array"},
    /* every criterion at 0: the last zero is refused */
    {"\"responses\": [], \"settings\": {\"weights\": {\"exposure_reduction\": 0, \"cost\": 0, "
     "\"months\": 0, \"feasibility\": 0, \"viability\": 0, \"desirability\": 0, "
     "\"strategic_alignment\": 0}}",
     SMB_ERANGE, "$.settings.weights.strategic_alignment", "0}}",
     "cannot be 0, it is the last criterion of positive weight"},
    {"\"responses\": [], \"settings\": {\"weights\": {\"cost\": 2}, \"ahp\": {}}", SMB_ESCHEMA,
     "$.settings.ahp", "\"ahp\"",
     "give the criteria weights either as 'weights' or as an 'ahp' matrix, not both"},
    {"\"responses\": [], \"settings\": {\"ahp\": []}", SMB_ESCHEMA, "$.settings.ahp", "[]}",
     "must be an object, not an array"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"matrix\": [[1]]}}", SMB_ESCHEMA,
     "$.settings.ahp", "{\"matrix", "missing required key 'criteria'"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [], \"matrix\": []}}",
     SMB_ESCHEMA, "$.settings.ahp.criteria", "[], \"matrix\"", "must name at least one criterion"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\", \"cost\"], "
     "\"matrix\": [[1, 1], [1, 1]]}}",
     SMB_ESCHEMA, "$.settings.ahp.criteria[1]", "\"cost\"]",
     "lists 'cost' twice (also at index 0)"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"speed\"], "
     "\"matrix\": [[1]]}}",
     SMB_ENOTFOUND, "$.settings.ahp.criteria[0]", "\"speed\"",
     "no criterion 'speed' (the criteria are " CRITERIA_LIST ")"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\", \"months\"], "
     "\"matrix\": [[1, 2]]}}",
     SMB_ESCHEMA, "$.settings.ahp.matrix", "[[",
     "must have 2 rows, one per criterion of ahp.criteria, not 1"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\", \"months\"], "
     "\"matrix\": [[1, 2], [0.5]]}}",
     SMB_ESCHEMA, "$.settings.ahp.matrix[1]", "[0.5]",
     "must have 2 numbers, one per criterion of ahp.criteria, not 1"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\", \"months\"], "
     "\"matrix\": [[1, 2], [\"1/2\", 1]]}}",
     SMB_ESCHEMA, "$.settings.ahp.matrix[1][0]", "\"1/2\"",
     "must be a number greater than 0, not a string"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\", \"months\"], "
     "\"matrix\": [[1, 2], [0.5, 2]]}}",
     SMB_ESCHEMA, "$.settings.ahp.matrix[1][1]", "2]]",
     "must be 1 (a criterion is as important as itself), got 2"},
    {"\"responses\": [], \"settings\": {\"ahp\": {\"criteria\": [\"cost\"], "
     "\"matrix\": [[1]], \"cr\": 0}}",
     SMB_ESCHEMA, "$.settings.ahp.cr", "\"cr\"", "unknown key; ahp has criteria and matrix"},
    {"\"settings\": {\"budget\": \"lots\"}", SMB_ESCHEMA, "$.settings.budget", "\"lots\"",
     "must be an amount from 0 to 1e+15, not a string"},
    {"\"settings\": {\"budget\": 2e15}", SMB_ERANGE, "$.settings.budget", "2e15",
     "must be a number from 0 to 1e+15, not 2e+15"},
};

enum { INLINE_COUNT = sizeof inline_cases / sizeof inline_cases[0] };

START_TEST(test_broken_inline)
{
    const inline_case *c = &inline_cases[_i];
    char text[4096];
    snprintf(text, sizeof text, "{\"smbstrat\": 1,\n%s\n}", c->line);
    smb_document *doc = SENTINEL;
    smb_status st = smb_document_load_string(text, strlen(text), &doc);
    ck_assert_msg(st == c->status, "case %d: expected %s, got %s (%s)", _i,
                  smb_status_name(c->status), smb_status_name(st), smb_last_error());
    ck_assert_ptr_eq(doc, SENTINEL);
    const char *at = strstr(c->line, c->at);
    ck_assert_ptr_nonnull(at);
    check_error(c->status, c->path, 2, (int)(at - c->line) + 1, c->message, NULL);
}
END_TEST

/* An AHP matrix of 16 criteria (the 7 built-in and 9 of one's own) is one
 * more than Saaty's random indices cover. */
START_TEST(test_ahp_too_large)
{
    char text[8192];
    size_t n = 0;
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "{\"smbstrat\": 1, \"responses\": [], \"settings\": {\"criteria\": [");
    for (int k = 0; k < 9; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s{\"key\": \"c%d\", \"title\": \"C\"}",
                              k ? ", " : "", k);
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "], \"ahp\": {\"criteria\": [\"exposure_reduction\", \"cost\", "
                          "\"months\", \"feasibility\", \"viability\", \"desirability\", "
                          "\"strategic_alignment\"");
    for (int k = 0; k < 9; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, ", \"c%d\"", k);
    n += (size_t)snprintf(text + n, sizeof text - n, "], \"matrix\": [");
    for (int i = 0; i < 16; i++) {
        n += (size_t)snprintf(text + n, sizeof text - n, "%s[", i ? ", " : "");
        for (int j = 0; j < 16; j++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s1", j ? ", " : "");
        n += (size_t)snprintf(text + n, sizeof text - n, "]");
    }
    n += (size_t)snprintf(text + n, sizeof text - n, "]}}}");
    ck_assert_uint_lt(n, sizeof text);
    smb_document *doc = SENTINEL;
    TH_ASSERT_FAILS(smb_document_load_string(text, n, &doc), SMB_ELIMIT,
                    "$.settings.ahp.criteria: names 16 criteria; an AHP matrix compares at "
                    "most 15");
    ck_assert_ptr_eq(doc, SENTINEL);
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

static smb_document *load_text(const char *text)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_string(text, strlen(text), &doc));
    return doc;
}

static void assert_estimate(const smb_estimate *e, smb_dist dist, double min, double mode,
                            double max)
{
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->dist, dist);
    ck_assert(e->min == min);
    ck_assert(e->mode == mode);
    ck_assert(e->max == max);
}

/* Every field of scenarios_full.json reaches the model. */
START_TEST(test_full_resilience)
{
    smb_document *doc = load_data("scenarios_full.json");
    const smb_resilience *r = smb_document_resilience_const(doc);
    ck_assert_ptr_nonnull(r);
    ck_assert(smb_resilience_maturity(r, ADA) == 3.5);
    ck_assert(smb_resilience_weight(r, ADA) == 2);
    ck_assert_str_eq(smb_resilience_rationale(r, ADA), "Changed the model twice in two years.");
    ck_assert(smb_resilience_maturity(r, AGI) == 2);
    ck_assert(smb_resilience_weight(r, AGI) == 1);
    ck_assert_ptr_null(smb_resilience_rationale(r, AGI));
    ck_assert(smb_resilience_maturity(r, INN) == 0);
    ck_assert_str_eq(smb_resilience_rationale(r, INN), "Nothing new for three years.");
    ck_assert(smb_resilience_maturity(r, CUS) == 5);
    ck_assert(smb_resilience_weight(r, CUS) == 0.5);
    ck_assert(smb_resilience_maturity(r, DAT) == 1.25);
    ck_assert(smb_resilience_weight(r, DAT) == 0);
    /* index = (2·3.5 + 1·2 + 1·0 + 0.5·5 + 0·1.25) / (2 + 1 + 1 + 0.5 + 0) / 5
     *       = 11.5 / 4.5 / 5 = 0.5111... */
    double index;
    TH_OK(smb_resilience_index(r, &index));
    ck_assert_double_eq_tol(index, 11.5 / 4.5 / 5, 1e-12);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_full_scenarios)
{
    smb_document *doc = load_data("scenarios_full.json");
    const smb_scenarios *set = smb_document_scenarios_const(doc);
    ck_assert_ptr_nonnull(set);
    ck_assert_uint_eq(smb_scenarios_count(set), 4);
    ck_assert(smb_scenarios_mitigation(set) == 0.75);
    ck_assert(smb_scenarios_half_life(set) == 18);

    const smb_scenario *s = smb_scenarios_at(set, 0);
    ck_assert_str_eq(smb_scenario_id(s), "all-forms");
    ck_assert_str_eq(smb_scenario_title(s), "Every field, every form");
    ck_assert_str_eq(smb_scenario_description(s),
                     "Likelihood PERT, impact triangular, money uniform.");
    ck_assert_int_eq(smb_scenario_source(s), SMB_SOURCE_TECHNOLOGY);
    ck_assert_uint_eq(smb_scenario_kind(s),
                      SMB_SCENARIO_TECHNOLOGICAL | SMB_SCENARIO_DISRUPTIVE | SMB_SCENARIO_STRATEGIC);
    ck_assert_int_eq(smb_scenario_direction(s), SMB_DIRECTION_THREAT);
    assert_estimate(smb_scenario_likelihood(s), SMB_DIST_PERT, 0.2, 0.35, 0.6);
    assert_estimate(smb_scenario_impact(s), SMB_DIST_TRIANGULAR, 3, 4, 5);
    /* a uniform's mode is stored as the midpoint (20000 + 60000) / 2 */
    assert_estimate(smb_scenario_money(s), SMB_DIST_UNIFORM, 20000, 40000, 60000);
    ck_assert(smb_scenario_horizon(s) == 7.5);
    ck_assert_uint_eq(smb_scenario_block_count(s), 3);
    ck_assert(smb_scenario_block_weight(s, SMB_BLOCK_KEY_PARTNERSHIPS) == 0.25);
    ck_assert(smb_scenario_block_weight(s, SMB_BLOCK_CHANNELS) == 1);
    ck_assert(smb_scenario_block_weight(s, SMB_BLOCK_REVENUE_STREAMS) == 2.5);
    ck_assert(smb_scenario_block_weight(s, SMB_BLOCK_COST_STRUCTURE) == 0);
    ck_assert_uint_eq(smb_scenario_shift_count(s), 3);
    const smb_driver_shift *sh = smb_scenario_shift_at(s, 0);
    ck_assert_int_eq(sh->force, SMB_FORCE_RIVALRY);
    ck_assert_str_eq(sh->driver, "local_footfall");
    ck_assert(sh->delta == -1.5);
    sh = smb_scenario_shift_at(s, 1);
    ck_assert_int_eq(sh->force, SMB_FORCE_BUYER_POWER);
    ck_assert_str_eq(sh->driver, "price_sensitivity");
    ck_assert(sh->delta == 4);
    ck_assert_str_eq(smb_scenario_shift_at(s, 2)->driver, "exit_barriers");
    ck_assert(smb_scenario_has_mitigators(s));
    ck_assert_uint_eq(smb_scenario_mitigators(s), SMB_CAPABILITY_BIT(AGI) | SMB_CAPABILITY_BIT(DAT));

    s = smb_scenarios_at(set, 1);
    ck_assert_str_eq(smb_scenario_id(s), "points");
    ck_assert_ptr_null(smb_scenario_description(s));
    ck_assert_int_eq(smb_scenario_source(s), SMB_SOURCE_CYBER);
    ck_assert_uint_eq(smb_scenario_kind(s), 0);
    ck_assert_int_eq(smb_scenario_direction(s), SMB_DIRECTION_OPPORTUNITY);
    assert_estimate(smb_scenario_likelihood(s), SMB_DIST_POINT, 0, 0, 0);
    assert_estimate(smb_scenario_impact(s), SMB_DIST_POINT, 5, 5, 5);
    assert_estimate(smb_scenario_money(s), SMB_DIST_POINT, 1000.5, 1000.5, 1000.5);
    ck_assert_uint_eq(smb_scenario_block_count(s), 0);
    ck_assert_uint_eq(smb_scenario_shift_count(s), 0);
    ck_assert(!smb_scenario_has_mitigators(s));
    ck_assert_uint_eq(smb_scenario_mitigators(s), smb_source_mitigators(SMB_SOURCE_CYBER));

    s = smb_scenarios_at(set, 2);
    ck_assert_uint_eq(smb_scenario_kind(s),
                      SMB_SCENARIO_BUSINESS_MODEL | SMB_SCENARIO_SUSTAINING | SMB_SCENARIO_OPERATIONAL);
    assert_estimate(smb_scenario_likelihood(s), SMB_DIST_UNIFORM, 0.1, 0.1 / 2 + 0.3 / 2, 0.3);
    assert_estimate(smb_scenario_impact(s), SMB_DIST_PERT, 1, 1.5, 4);
    assert_estimate(smb_scenario_money(s), SMB_DIST_TRIANGULAR, 0, 0, 9000);
    ck_assert(smb_scenario_horizon(s) == 1200);

    s = smb_scenarios_at(set, 3);
    ck_assert_ptr_null(smb_scenario_money(s));
    ck_assert(smb_scenario_horizon(s) == 0.5);
    smb_document_free(doc);
}
END_TEST

/* Lognormal money amounts load with their median as the mode and score at
 * their mean. data-breach: lognormal(1000, 100000), mean 26639.800977
 * (μ = ln 10000, σ = ln 100/3.2897072539 = 1.3998723383, 10000·e^(σ²/2));
 * cyber is mitigated by data_driven 1, agility 2, adaptability 3: R =
 * 6/3/5 = 0.4, v = 1 − 0.5·0.4 = 0.8; money exposure 0.2·26639.800977·0.8
 * = 4262.368156. oven-failure: lognormal(2500, 2500) is 2500; uniform
 * likelihood (0.05 + 0.15)/2 = 0.1; global_event: adaptability 3, agility
 * 2: R = 0.5, v = 0.75; 0.1·2500·0.75 = 187.5. */
START_TEST(test_lognormal_money)
{
    smb_document *doc = load_data("scenarios_lognormal.json");
    const smb_scenarios *set = smb_document_scenarios_const(doc);
    assert_estimate(smb_scenario_money(smb_scenarios_at(set, 0)), SMB_DIST_LOGNORMAL, 1000, 10000,
                    100000);
    assert_estimate(smb_scenario_money(smb_scenarios_at(set, 1)), SMB_DIST_LOGNORMAL, 2500, 2500,
                    2500);
    smb_scenario_scores *scores = NULL;
    TH_OK(smb_scenarios_score(set, smb_document_resilience_const(doc), &scores));
    const smb_scenario_score *breach = smb_scenario_scores_find(scores, "data-breach");
    ck_assert_double_eq_tol(breach->money, 26639.800977355469, 1e-8);
    ck_assert_double_eq_tol(breach->money_exposure, 4262.3681563768750, 1e-8);
    const smb_scenario_score *oven = smb_scenario_scores_find(scores, "oven-failure");
    ck_assert_double_eq_tol(oven->money_exposure, 187.5, 1e-9);
    smb_scenario_scores_free(scores);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_full_responses)
{
    smb_document *doc = load_data("scenarios_full.json");
    const smb_responses *set = smb_document_responses_const(doc);
    ck_assert_ptr_nonnull(set);
    ck_assert_uint_eq(smb_responses_count(set), 3);

    const smb_response *r = smb_responses_at(set, 0);
    ck_assert_str_eq(smb_response_id(r), "every-field");
    ck_assert_str_eq(smb_response_title(r), "A response with every field");
    ck_assert_str_eq(smb_response_description(r), "Cuts both threats.");
    ck_assert_int_eq(smb_response_kind_of(r), SMB_RESPONSE_DIGITAL_CHANNEL);
    ck_assert(smb_response_cost(r) == 8000.5);
    ck_assert(smb_response_months(r) == 3);
    /* effects in document order */
    ck_assert_uint_eq(smb_response_effect_count(r), 2);
    const smb_response_effect *e = smb_response_effect_at(r, 0);
    ck_assert_str_eq(e->scenario, "more-forms");
    ck_assert(e->likelihood_reduction == 0.2);
    ck_assert(e->impact_reduction == 0.3);
    e = smb_response_effect_at(r, 1);
    ck_assert_str_eq(e->scenario, "all-forms");
    ck_assert(e->likelihood_reduction == 0);
    ck_assert(e->impact_reduction == 1);
    ck_assert(smb_response_gain(r, ADA) == 0.5);
    ck_assert(smb_response_gain(r, AGI) == 1);
    ck_assert(smb_response_gain(r, INN) == 5);
    ck_assert(smb_response_gain(r, CUS) == 0.25);
    ck_assert(smb_response_gain(r, DAT) == 2);
    ck_assert(smb_response_rating(r, SMB_IDEA_FEASIBILITY) == 4);
    ck_assert(smb_response_rating(r, SMB_IDEA_VIABILITY) == 1);
    ck_assert(smb_response_rating(r, SMB_IDEA_DESIRABILITY) == 5);
    ck_assert(smb_response_rating(r, SMB_IDEA_STRATEGIC_ALIGNMENT) == 3.5);
    double v;
    TH_OK(smb_responses_value(set, "every-field", "staff_hours", &v));
    ck_assert(v == 6);
    TH_OK(smb_responses_value(set, "every-field", "fun", &v));
    ck_assert(v == 0);

    r = smb_responses_at(set, 1);
    ck_assert_ptr_null(smb_response_description(r));
    ck_assert_int_eq(smb_response_kind_of(r), SMB_RESPONSE_CAPABILITY_BUILDING);
    ck_assert(smb_response_cost(r) == 0);
    ck_assert(smb_response_months(r) == 0);
    ck_assert_uint_eq(smb_response_effect_count(r), 0);
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++)
        ck_assert(smb_response_gain(r, (smb_capability)c) == 0);
    for (int c = 0; c < SMB_IDEA_COUNT; c++)
        ck_assert(smb_response_rating(r, (smb_idea_criterion)c) == SMB_IDEA_RATING_DEFAULT);
    TH_ASSERT_FAILS(smb_responses_value(set, "bare-response", "fun", &v), SMB_ENOTFOUND,
                    "no value");

    r = smb_responses_at(set, 2);
    ck_assert(smb_response_cost(r) == 1e9);
    ck_assert(smb_response_months(r) == 1200);
    TH_ASSERT_FAILS(smb_responses_value(set, "partial", "staff_hours", &v), SMB_ENOTFOUND,
                    "no value");
    TH_OK(smb_responses_value(set, "partial", "fun", &v));
    ck_assert(v == 3.5);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_full_settings)
{
    smb_document *doc = load_data("scenarios_full.json");
    const smb_responses *set = smb_document_responses_const(doc);
    double budget = 0;
    TH_OK(smb_document_budget(doc, &budget));
    ck_assert(budget == 12345.5);
    /* the seven built-in criteria, then the two of one's own */
    static const struct {
        const char *key;
        double weight;
        smb_criterion_direction direction;
        int custom;
    } expected[] = {
        {"exposure_reduction", 3, SMB_CRITERION_BENEFIT, 0},
        {"cost", 1, SMB_CRITERION_COST, 0},
        {"months", 0, SMB_CRITERION_COST, 0},
        {"feasibility", 1, SMB_CRITERION_BENEFIT, 0},
        {"viability", 1, SMB_CRITERION_BENEFIT, 0},
        {"desirability", 1, SMB_CRITERION_BENEFIT, 0},
        {"strategic_alignment", 1.5, SMB_CRITERION_BENEFIT, 0},
        {"staff_hours", 0.5, SMB_CRITERION_COST, 1},
        {"fun", 1, SMB_CRITERION_BENEFIT, 1},
    };
    ck_assert_uint_eq(smb_responses_criterion_count(set), 9);
    for (size_t k = 0; k < 9; k++) {
        ck_assert_str_eq(smb_responses_criterion_key(set, k), expected[k].key);
        ck_assert(smb_responses_criterion_weight(set, k) == expected[k].weight);
        ck_assert_int_eq(smb_responses_criterion_direction(set, k), expected[k].direction);
        ck_assert_int_eq(smb_responses_criterion_is_custom(set, k), expected[k].custom);
    }
    ck_assert_str_eq(smb_responses_criterion_title(set, 7), "Extra staff hours a week");
    smb_document_free(doc);
}
END_TEST

/* The shifts of the example refer to the drivers of its own forces
 * section, and the whole document scores, stress-tests and plans. */
START_TEST(test_full_is_usable)
{
    smb_document *doc = load_data("scenarios_full.json");
    const smb_scenarios *set = smb_document_scenarios_const(doc);
    smb_stress *stress = NULL;
    TH_OK(smb_scenarios_stress(set, "all-forms", smb_document_forces_const(doc), &stress));
    /* price_sensitivity 3 + 4 clamps to 5 */
    const smb_shift_outcome *o = smb_stress_shift_at(stress, 1);
    ck_assert(o->applied && o->clamped && o->rating_after == 5);
    smb_stress_free(stress);
    smb_portfolio *plan = NULL;
    double budget;
    TH_OK(smb_document_budget(doc, &budget));
    TH_OK(smb_responses_plan(smb_document_responses_const(doc), set,
                             smb_document_resilience_const(doc), budget, &plan));
    smb_portfolio_free(plan);
    smb_document_free(doc);
}
END_TEST

static const char *const valid_files[] = {"scenarios_full.json", "scenarios_lognormal.json",
                                          "../../examples/bakery.json"};

/* Load, save: the text of the file itself; load that: an equal document. */
START_TEST(test_round_trip)
{
    size_t flen;
    char *file = th_read_data(valid_files[_i], &flen);
    smb_document *first = load_data(valid_files[_i]);
    char *text1 = save(first);
    ck_assert_str_eq(text1, file);
    smb_document *second = load_text(text1);
    ck_assert(smb_resilience_equal(smb_document_resilience(first),
                                   smb_document_resilience(second)));
    ck_assert(smb_scenarios_equal(smb_document_scenarios(first), smb_document_scenarios(second)));
    ck_assert(smb_responses_equal(smb_document_responses(first), smb_document_responses(second)));
    ck_assert(smb_forces_equal(smb_document_forces(first), smb_document_forces(second)));
    ck_assert(smb_canvas_equal(smb_document_canvas(first), smb_document_canvas(second)));
    double b1, b2;
    TH_OK(smb_document_budget(first, &b1));
    TH_OK(smb_document_budget(second, &b2));
    ck_assert(b1 == b2);
    char *text2 = save(second);
    ck_assert_str_eq(text1, text2);
    smb_free(text1);
    smb_free(text2);
    free(file);
    smb_document_free(first);
    smb_document_free(second);
}
END_TEST

/* What issue 4 asks of the example: a resilience profile with reasons, at
 * least eight scenarios (threats and opportunities, some with
 * distributions, hitting blocks and shifting the bakery's own drivers), at
 * least six responses with every rating, and a budget. */
START_TEST(test_bakery_example)
{
    smb_document *doc = load_data("../../examples/bakery.json");
    const smb_resilience *r = smb_document_resilience_const(doc);
    ck_assert_ptr_nonnull(r);
    for (int c = 0; c < SMB_CAPABILITY_COUNT; c++) {
        ck_assert_ptr_nonnull(smb_resilience_rationale(r, (smb_capability)c));
        ck_assert(smb_resilience_maturity(r, (smb_capability)c) > 0);
    }
    const smb_scenarios *set = smb_document_scenarios_const(doc);
    const smb_forces *forces = smb_document_forces_const(doc);
    size_t threats = 0, opportunities = 0, distributions = 0, shifts = 0;
    for (size_t i = 0; i < smb_scenarios_count(set); i++) {
        const smb_scenario *s = smb_scenarios_at(set, i);
        threats += smb_scenario_direction(s) == SMB_DIRECTION_THREAT;
        opportunities += smb_scenario_direction(s) == SMB_DIRECTION_OPPORTUNITY;
        distributions += smb_scenario_likelihood(s)->dist != SMB_DIST_POINT ||
                         smb_scenario_impact(s)->dist != SMB_DIST_POINT;
        ck_assert_ptr_nonnull(smb_scenario_description(s));
        ck_assert_uint_ge(smb_scenario_block_count(s), 1);
        for (size_t k = 0; k < smb_scenario_shift_count(s); k++) {
            const smb_driver_shift *sh = smb_scenario_shift_at(s, k);
            const smb_driver *d = smb_forces_find_driver(forces, sh->force, sh->driver);
            ck_assert_ptr_nonnull(d);
            ck_assert(smb_driver_is_rated(d));
            shifts++;
        }
        smb_stress *stress = NULL;
        TH_OK(smb_scenarios_stress(set, smb_scenario_id(s), forces, &stress));
        ck_assert_uint_eq(smb_stress_unapplied_count(stress), 0);
        smb_stress_free(stress);
    }
    ck_assert_uint_ge(threats, 8);
    ck_assert_uint_ge(opportunities, 1);
    ck_assert_uint_ge(distributions, 4);
    ck_assert_uint_ge(shifts, 8);

    const smb_responses *rs = smb_document_responses_const(doc);
    ck_assert_uint_ge(smb_responses_count(rs), 6);
    double total = 0;
    for (size_t i = 0; i < smb_responses_count(rs); i++) {
        const smb_response *resp = smb_responses_at(rs, i);
        ck_assert_uint_ge(smb_response_effect_count(resp), 1);
        ck_assert(smb_response_cost(resp) > 0);
        ck_assert(smb_response_months(resp) > 0);
        total += smb_response_cost(resp);
    }
    double budget;
    TH_OK(smb_document_budget(doc, &budget));
    ck_assert(budget == 25000);
    /* the budget does not buy everything, so the plan has to choose */
    ck_assert(total > budget);
    smb_portfolio *plan = NULL;
    TH_OK(smb_responses_plan(rs, set, r, budget, &plan));
    ck_assert(smb_portfolio_cost(plan) <= budget);
    ck_assert(smb_portfolio_reduction(plan) > 0);
    smb_portfolio_free(plan);
    smb_document_free(doc);
}
END_TEST

/* AHP judgements are applied and saved as the weights they give. For
 * [[1, 3], [1/3, 1]] the principal eigenvector is (3, 1)/4: cost 0.75,
 * months 0.25; the criteria left out get 0. */
START_TEST(test_ahp_is_saved_as_weights)
{
    smb_document *doc = load_text("{\"smbstrat\": 1, \"responses\": [], \"settings\": {\"ahp\": "
                                  "{\"criteria\": [\"cost\", \"months\"], "
                                  "\"matrix\": [[1, 3], [0.3333333333333333, 1]]}}}");
    const smb_responses *set = smb_document_responses_const(doc);
    ck_assert_double_eq_tol(smb_responses_criterion_weight(set, 1), 0.75, 1e-9);
    ck_assert_double_eq_tol(smb_responses_criterion_weight(set, 2), 0.25, 1e-9);
    ck_assert(smb_responses_criterion_weight(set, 0) == 0);
    ck_assert(smb_responses_criterion_weight(set, 6) == 0);
    char *text = save(doc);
    ck_assert_ptr_nonnull(strstr(text, "\"weights\": {\n      \"exposure_reduction\": 0,\n"
                                       "      \"cost\": 0.75"));
    ck_assert_ptr_null(strstr(text, "ahp"));
    smb_document *again = load_text(text);
    ck_assert(smb_responses_equal(set, smb_document_responses_const(again)));
    smb_free(text);
    smb_document_free(again);
    smb_document_free(doc);
}
END_TEST

/* A document is a final state: values and weights may name criteria that
 * settings declare later in the file, effects scenarios that come later,
 * and shifts drivers of a forces section that comes later. */
START_TEST(test_references_in_any_order)
{
    smb_document *doc = load_text(
        "{\"responses\": [{\"id\": \"r\", \"title\": \"R\", \"kind\": \"automation\", "
        "\"cost\": 1, \"months\": 2, \"effects\": {\"t\": {\"impact_reduction\": 0.5}}, "
        "\"values\": {\"fun\": 2}}],"
        " \"scenarios\": [{\"id\": \"t\", \"title\": \"T\", \"source\": \"cyber\", "
        "\"direction\": \"threat\", \"likelihood\": 0.5, \"impact\": 3, \"shifts\": "
        "[{\"force\": \"rivalry\", \"driver\": \"mine\", \"delta\": 1}]}],"
        " \"settings\": {\"weights\": {\"fun\": 2}, \"criteria\": [{\"key\": \"fun\", "
        "\"title\": \"Fun\"}], \"mitigation\": 0.25},"
        " \"forces\": {\"rivalry\": {\"drivers\": {\"mine\": {\"title\": \"Mine\"}}}},"
        " \"smbstrat\": 1}");
    double v;
    TH_OK(smb_responses_value(smb_document_responses_const(doc), "r", "fun", &v));
    ck_assert(v == 2);
    ck_assert(smb_responses_criterion_weight(smb_document_responses_const(doc), 7) == 2);
    ck_assert(smb_scenarios_mitigation(smb_document_scenarios_const(doc)) == 0.25);
    smb_document_free(doc);
    /* without a forces section, any well-formed driver is taken */
    doc = load_text("{\"smbstrat\": 1, \"scenarios\": [{\"id\": \"t\", \"title\": \"T\", "
                    "\"source\": \"cyber\", \"direction\": \"threat\", \"likelihood\": 0.5, "
                    "\"impact\": 3, \"shifts\": [{\"force\": \"rivalry\", \"driver\": "
                    "\"nobody_knows\", \"delta\": 1}]}]}");
    ck_assert_str_eq(
        smb_scenario_shift_at(smb_scenarios_at(smb_document_scenarios_const(doc), 0), 0)->driver,
        "nobody_knows");
    smb_document_free(doc);
}
END_TEST

/* ---- the saved layout ------------------------------------------------------------ */

/* Empty sections are written as such; default settings are not written. */
START_TEST(test_empty_sections_layout)
{
    smb_document *doc = NULL;
    smb_resilience *r = NULL;
    smb_scenarios *s = NULL;
    smb_responses *p = NULL;
    TH_OK(smb_document_new(&doc));
    TH_OK(smb_resilience_new(&r));
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_responses_new(&p));
    /* set in another order than the layout's */
    TH_OK(smb_document_set_responses(doc, p));
    TH_OK(smb_document_set_scenarios(doc, s));
    TH_OK(smb_document_set_resilience(doc, r));
    char *text = save(doc);
    ck_assert_str_eq(text, "{\n"
                           "  \"smbstrat\": 1,\n"
                           "  \"resilience\": {\n"
                           "    \"capabilities\": {\n"
                           "      \"adaptability\": {\n"
                           "        \"maturity\": 0\n"
                           "      },\n"
                           "      \"agility\": {\n"
                           "        \"maturity\": 0\n"
                           "      },\n"
                           "      \"innovation\": {\n"
                           "        \"maturity\": 0\n"
                           "      },\n"
                           "      \"customer_centricity\": {\n"
                           "        \"maturity\": 0\n"
                           "      },\n"
                           "      \"data_driven\": {\n"
                           "        \"maturity\": 0\n"
                           "      }\n"
                           "    }\n"
                           "  },\n"
                           "  \"scenarios\": [],\n"
                           "  \"responses\": []\n"
                           "}\n");
    smb_document *again = load_text(text);
    ck_assert(smb_resilience_equal(smb_document_resilience(again), r));
    ck_assert(smb_scenarios_equal(smb_document_scenarios(again), s));
    ck_assert(smb_responses_equal(smb_document_responses(again), p));
    smb_free(text);
    smb_document_free(again);
    /* settings that are back at their defaults are not written either */
    TH_OK(smb_scenarios_set_mitigation(smb_document_scenarios(doc), 0.9));
    TH_OK(smb_scenarios_set_mitigation(smb_document_scenarios(doc), SMB_DEFAULT_MITIGATION));
    TH_OK(smb_responses_set_criterion_weight(smb_document_responses(doc), "cost", 4));
    TH_OK(smb_responses_set_criterion_weight(smb_document_responses(doc), "cost", 1));
    TH_OK(smb_document_set_budget(doc, 10));
    TH_OK(smb_document_clear_budget(doc));
    text = save(doc);
    ck_assert_ptr_null(strstr(text, "settings"));
    smb_free(text);
    smb_resilience_free(r);
    smb_scenarios_free(s);
    smb_responses_free(p);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_layout_of_every_field)
{
    smb_document *doc = NULL;
    smb_scenarios *s = NULL;
    smb_responses *p = NULL;
    TH_OK(smb_document_new(&doc));
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_responses_new(&p));
    TH_OK(smb_scenarios_add(s, "s", "Say \"when\"", SMB_SOURCE_REGULATORY, SMB_DIRECTION_THREAT,
                            0.1 + 0.2, 2));
    /* fields set in another order than the layout's */
    TH_OK(smb_scenarios_set_mitigators(s, "s", SMB_CAPABILITY_BIT(DAT) | SMB_CAPABILITY_BIT(ADA)));
    TH_OK(smb_scenarios_add_shift(s, "s", SMB_FORCE_NEW_ENTRANTS, "government_policy", -2));
    TH_OK(smb_scenarios_hit_block(s, "s", SMB_BLOCK_REVENUE_STREAMS, 1));
    TH_OK(smb_scenarios_hit_block(s, "s", SMB_BLOCK_KEY_ACTIVITIES, 0.5));
    TH_OK(smb_scenarios_set_horizon(s, "s", 36));
    smb_estimate money = {SMB_DIST_UNIFORM, 100, 999, 300};
    TH_OK(smb_scenarios_set_money(s, "s", &money));
    TH_OK(smb_scenarios_set_kind(s, "s", SMB_SCENARIO_STRATEGIC | SMB_SCENARIO_BUSINESS_MODEL));
    TH_OK(smb_scenarios_set_description(s, "s", "Line\none"));
    TH_OK(smb_scenarios_set_half_life(s, 6));
    TH_OK(smb_responses_add(p, "r", "R", SMB_RESPONSE_PARTNERSHIP, 1500, 0.5));
    TH_OK(smb_responses_add_criterion(p, "fun", "Fun", SMB_CRITERION_BENEFIT));
    TH_OK(smb_responses_set_value(p, "r", "fun", 2));
    TH_OK(smb_responses_set_rating(p, "r", SMB_IDEA_DESIRABILITY, 4.5));
    TH_OK(smb_responses_set_gain(p, "r", CUS, 1));
    TH_OK(smb_responses_set_effect(p, "r", "s", 0.25, 0));
    TH_OK(smb_responses_set_criterion_weight(p, "fun", 0));
    TH_OK(smb_document_set_scenarios(doc, s));
    TH_OK(smb_document_set_responses(doc, p));
    TH_OK(smb_document_set_budget(doc, 0));
    char *text = save(doc);
    ck_assert_str_eq(text, "{\n"
                           "  \"smbstrat\": 1,\n"
                           "  \"scenarios\": [\n"
                           "    {\n"
                           "      \"id\": \"s\",\n"
                           "      \"title\": \"Say \\\"when\\\"\",\n"
                           "      \"description\": \"Line\\none\",\n"
                           "      \"source\": \"regulatory\",\n"
                           "      \"kind\": [\n"
                           "        \"business_model\",\n"
                           "        \"strategic\"\n"
                           "      ],\n"
                           "      \"direction\": \"threat\",\n"
                           "      \"likelihood\": 0.30000000000000004,\n"
                           "      \"impact\": 2,\n"
                           "      \"money\": {\n"
                           "        \"dist\": \"uniform\",\n"
                           "        \"min\": 100,\n"
                           "        \"max\": 300\n"
                           "      },\n"
                           "      \"horizon_months\": 36,\n"
                           "      \"blocks\": {\n"
                           "        \"key_activities\": 0.5,\n"
                           "        \"revenue_streams\": 1\n"
                           "      },\n"
                           "      \"shifts\": [\n"
                           "        {\n"
                           "          \"force\": \"new_entrants\",\n"
                           "          \"driver\": \"government_policy\",\n"
                           "          \"delta\": -2\n"
                           "        }\n"
                           "      ],\n"
                           "      \"mitigated_by\": [\n"
                           "        \"adaptability\",\n"
                           "        \"data_driven\"\n"
                           "      ]\n"
                           "    }\n"
                           "  ],\n"
                           "  \"responses\": [\n"
                           "    {\n"
                           "      \"id\": \"r\",\n"
                           "      \"title\": \"R\",\n"
                           "      \"kind\": \"partnership\",\n"
                           "      \"cost\": 1500,\n"
                           "      \"months\": 0.5,\n"
                           "      \"effects\": {\n"
                           "        \"s\": {\n"
                           "          \"likelihood_reduction\": 0.25,\n"
                           "          \"impact_reduction\": 0\n"
                           "        }\n"
                           "      },\n"
                           "      \"gains\": {\n"
                           "        \"customer_centricity\": 1\n"
                           "      },\n"
                           "      \"ratings\": {\n"
                           "        \"feasibility\": 3,\n"
                           "        \"viability\": 3,\n"
                           "        \"desirability\": 4.5,\n"
                           "        \"strategic_alignment\": 3\n"
                           "      },\n"
                           "      \"values\": {\n"
                           "        \"fun\": 2\n"
                           "      }\n"
                           "    }\n"
                           "  ],\n"
                           "  \"settings\": {\n"
                           "    \"half_life_months\": 6,\n"
                           "    \"budget\": 0,\n"
                           "    \"criteria\": [\n"
                           "      {\n"
                           "        \"key\": \"fun\",\n"
                           "        \"title\": \"Fun\",\n"
                           "        \"direction\": \"benefit\"\n"
                           "      }\n"
                           "    ],\n"
                           "    \"weights\": {\n"
                           "      \"fun\": 0\n"
                           "    }\n"
                           "  }\n"
                           "}\n");
    /* and every value reads back to the same double */
    smb_document *again = load_text(text);
    ck_assert(smb_scenarios_equal(smb_document_scenarios(again), s));
    ck_assert(smb_responses_equal(smb_document_responses(again), p));
    double budget = -1;
    TH_OK(smb_document_budget(again, &budget));
    ck_assert(budget == 0);
    smb_free(text);
    smb_document_free(again);
    smb_scenarios_free(s);
    smb_responses_free(p);
    smb_document_free(doc);
}
END_TEST

/* Top-level sections in the documented order, whatever order they were
 * set or loaded in. */
START_TEST(test_sections_in_order)
{
    smb_document *doc = load_text(
        "{\"settings\": {\"budget\": 5}, \"responses\": [], \"scenarios\": [], "
        "\"resilience\": {}, \"forces\": {}, \"canvas\": {}, \"smbstrat\": 1}");
    char *text = save(doc);
    static const char *const keys[] = {"\"smbstrat\"",  "\"canvas\"",    "\"forces\"",
                                       "\"resilience\"", "\"scenarios\"", "\"responses\"",
                                       "\"settings\""};
    const char *last = text;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char needle[64];
        snprintf(needle, sizeof needle, "\n  %s: ", keys[i]);
        const char *at = strstr(text, needle);
        ck_assert_msg(at != NULL && at >= last, "%s out of order", keys[i]);
        last = at;
    }
    smb_free(text);
    smb_document_free(doc);
}
END_TEST

/* ---- the document's sections and budget ------------------------------------------- */

START_TEST(test_set_sections_copy)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_new(&doc));
    ck_assert_ptr_null(smb_document_resilience(doc));
    ck_assert_ptr_null(smb_document_scenarios(doc));
    ck_assert_ptr_null(smb_document_responses(doc));
    ck_assert_ptr_null(smb_document_resilience_const(doc));
    ck_assert_ptr_null(smb_document_scenarios_const(doc));
    ck_assert_ptr_null(smb_document_responses_const(doc));

    smb_resilience *r = NULL;
    TH_OK(smb_resilience_new(&r));
    TH_OK(smb_resilience_set_maturity(r, AGI, 4));
    TH_OK(smb_document_set_resilience(doc, r));
    smb_resilience *mine = smb_document_resilience(doc);
    ck_assert_ptr_ne(mine, r);
    ck_assert_ptr_eq(smb_document_resilience_const(doc), mine);
    ck_assert(smb_resilience_equal(mine, r));
    TH_OK(smb_resilience_set_maturity(r, AGI, 1));
    ck_assert(smb_resilience_maturity(mine, AGI) == 4);
    /* the document's own section may be given back to it */
    TH_OK(smb_document_set_resilience(doc, smb_document_resilience(doc)));
    ck_assert(smb_resilience_maturity(smb_document_resilience(doc), AGI) == 4);

    smb_scenarios *s = NULL;
    TH_OK(smb_scenarios_new(&s));
    TH_OK(smb_scenarios_add(s, "t", "T", SMB_SOURCE_CYBER, SMB_DIRECTION_THREAT, 0.5, 3));
    TH_OK(smb_document_set_scenarios(doc, s));
    ck_assert_ptr_ne(smb_document_scenarios(doc), s);
    ck_assert(smb_scenarios_equal(smb_document_scenarios_const(doc), s));
    TH_OK(smb_scenarios_remove(s, "t"));
    ck_assert_uint_eq(smb_scenarios_count(smb_document_scenarios(doc)), 1);
    /* changes through the borrowed pointer are changes to the document */
    TH_OK(smb_scenarios_set_title(smb_document_scenarios(doc), "t", "Renamed"));
    char *text = save(doc);
    ck_assert_ptr_nonnull(strstr(text, "\"title\": \"Renamed\""));
    smb_free(text);

    smb_responses *p = NULL;
    TH_OK(smb_responses_new(&p));
    TH_OK(smb_responses_add(p, "r", "R", SMB_RESPONSE_AUTOMATION, 1, 1));
    TH_OK(smb_document_set_responses(doc, p));
    ck_assert_ptr_ne(smb_document_responses(doc), p);
    ck_assert(smb_responses_equal(smb_document_responses_const(doc), p));
    TH_OK(smb_document_set_responses(doc, smb_document_responses(doc)));
    ck_assert_uint_eq(smb_responses_count(smb_document_responses(doc)), 1);

    /* NULL removes a section */
    TH_OK(smb_document_set_resilience(doc, NULL));
    TH_OK(smb_document_set_scenarios(doc, NULL));
    TH_OK(smb_document_set_responses(doc, NULL));
    ck_assert_ptr_null(smb_document_resilience(doc));
    ck_assert_ptr_null(smb_document_scenarios(doc));
    ck_assert_ptr_null(smb_document_responses(doc));
    text = save(doc);
    ck_assert_str_eq(text, "{\n  \"smbstrat\": 1\n}\n");
    smb_free(text);
    smb_resilience_free(r);
    smb_scenarios_free(s);
    smb_responses_free(p);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_budget)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_new(&doc));
    double b = -7;
    TH_ASSERT_FAILS(smb_document_budget(doc, &b), SMB_ENOTFOUND, "no budget");
    ck_assert(b == -7);
    TH_OK(smb_document_set_budget(doc, 25000));
    TH_OK(smb_document_budget(doc, &b));
    ck_assert(b == 25000);
    /* refused values leave the budget as it was */
    TH_ASSERT_FAILS(smb_document_set_budget(doc, -1), SMB_ERANGE,
                    "budget: must be a number from 0 to 1e+15, not -1");
    TH_ASSERT_FAILS(smb_document_set_budget(doc, NAN), SMB_ERANGE, "budget");
    TH_ASSERT_FAILS(smb_document_set_budget(doc, INFINITY), SMB_ERANGE, "budget");
    TH_ASSERT_FAILS(smb_document_set_budget(doc, 1.5e15), SMB_ERANGE, "budget");
    TH_OK(smb_document_budget(doc, &b));
    ck_assert(b == 25000);
    TH_OK(smb_document_set_budget(doc, SMB_MAX_AMOUNT));
    TH_OK(smb_document_budget(doc, &b));
    TH_OK(smb_document_clear_budget(doc));
    TH_ASSERT_FAILS(smb_document_budget(doc, &b), SMB_ENOTFOUND, "no budget");
    ck_assert(b == SMB_MAX_AMOUNT);
    /* the budget is saved, and only when set */
    TH_OK(smb_document_set_budget(doc, 0.5));
    char *text = save(doc);
    ck_assert_str_eq(text, "{\n  \"smbstrat\": 1,\n  \"settings\": {\n    \"budget\": 0.5\n  }\n}\n");
    smb_free(text);
    smb_document_free(doc);
}
END_TEST

START_TEST(test_null_arguments)
{
    double b;
    smb_document *doc = NULL;
    TH_OK(smb_document_new(&doc));
    TH_ASSERT_FAILS(smb_document_set_resilience(NULL, NULL), SMB_EINVAL,
                    "smb_document_set_resilience: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_set_scenarios(NULL, NULL), SMB_EINVAL,
                    "smb_document_set_scenarios: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_set_responses(NULL, NULL), SMB_EINVAL,
                    "smb_document_set_responses: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_budget(NULL, &b), SMB_EINVAL,
                    "smb_document_budget: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_budget(doc, NULL), SMB_EINVAL,
                    "smb_document_budget: out must not be NULL");
    TH_ASSERT_FAILS(smb_document_set_budget(NULL, 1), SMB_EINVAL,
                    "smb_document_set_budget: doc must not be NULL");
    TH_ASSERT_FAILS(smb_document_clear_budget(NULL), SMB_EINVAL,
                    "smb_document_clear_budget: doc must not be NULL");
    ck_assert_ptr_null(smb_document_resilience(NULL));
    ck_assert_ptr_null(smb_document_resilience_const(NULL));
    ck_assert_ptr_null(smb_document_scenarios(NULL));
    ck_assert_ptr_null(smb_document_scenarios_const(NULL));
    ck_assert_ptr_null(smb_document_responses(NULL));
    ck_assert_ptr_null(smb_document_responses_const(NULL));
    smb_document_free(doc);
}
END_TEST

/* ---- allocation failures ---------------------------------------------------------- */

START_TEST(test_load_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    size_t len;
    char *text = th_read_data("scenarios_full.json", &len);
    smb_document *expected = load_data("scenarios_full.json");
    smb_document *doc = NULL;
    /* the file has all six sections */
    ck_assert_ptr_nonnull(smb_document_canvas(expected));
    ck_assert_ptr_nonnull(smb_document_forces(expected));
    TH_EACH_ALLOC_FAILURE(
        smb_document_load_string(text, len, &doc), doc == NULL,
        ck_assert(smb_canvas_equal(smb_document_canvas(doc), smb_document_canvas(expected)) &&
                  smb_forces_equal(smb_document_forces(doc), smb_document_forces(expected)) &&
                  smb_scenarios_equal(smb_document_scenarios(doc),
                                      smb_document_scenarios(expected)) &&
                  smb_responses_equal(smb_document_responses(doc),
                                      smb_document_responses(expected)) &&
                  smb_resilience_equal(smb_document_resilience(doc),
                                       smb_document_resilience(expected))),
        100);
    smb_document_free(doc);
    smb_document_free(expected);
    free(text);
}
END_TEST

START_TEST(test_save_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    size_t flen;
    char *file = th_read_data("scenarios_full.json", &flen);
    smb_document *doc = load_data("scenarios_full.json");
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

START_TEST(test_set_sections_alloc_failure)
{
    th_alloc_install(); /* before any object exists: they must be freed by it */
    smb_document *doc = load_data("scenarios_full.json");
    smb_document *other = load_data("../../examples/bakery.json");
    const smb_scenarios *s_before = smb_document_scenarios(doc);
    smb_scenarios *s_snapshot = NULL;
    TH_OK(smb_scenarios_copy(s_before, &s_snapshot));
    TH_EACH_ALLOC_FAILURE(smb_document_set_scenarios(doc, smb_document_scenarios(other)),
                          smb_document_scenarios(doc) == s_before &&
                              smb_scenarios_equal(s_before, s_snapshot),
                          ck_assert(smb_scenarios_equal(smb_document_scenarios(doc),
                                                        smb_document_scenarios(other))),
                          1);
    const smb_responses *p_before = smb_document_responses(doc);
    smb_responses *p_snapshot = NULL;
    TH_OK(smb_responses_copy(p_before, &p_snapshot));
    TH_EACH_ALLOC_FAILURE(smb_document_set_responses(doc, smb_document_responses(other)),
                          smb_document_responses(doc) == p_before &&
                              smb_responses_equal(p_before, p_snapshot),
                          ck_assert(smb_responses_equal(smb_document_responses(doc),
                                                        smb_document_responses(other))),
                          1);
    const smb_resilience *r_before = smb_document_resilience(doc);
    smb_resilience *r_snapshot = NULL;
    TH_OK(smb_resilience_copy(r_before, &r_snapshot));
    TH_EACH_ALLOC_FAILURE(smb_document_set_resilience(doc, smb_document_resilience(other)),
                          smb_document_resilience(doc) == r_before &&
                              smb_resilience_equal(r_before, r_snapshot),
                          ck_assert(smb_resilience_equal(smb_document_resilience(doc),
                                                         smb_document_resilience(other))),
                          1);
    smb_scenarios_free(s_snapshot);
    smb_responses_free(p_snapshot);
    smb_resilience_free(r_snapshot);
    smb_document_free(other);
    smb_document_free(doc);
}
END_TEST

/* A broken document under memory pressure still fails cleanly, along the
 * paths that report references and AHP matrices too. */
START_TEST(test_load_broken_alloc_failure)
{
    static const char *const files[] = {
        "broken_responses_unknown_scenario.json", "broken_scenarios_unknown_driver.json",
        "broken_settings_ahp_not_reciprocal.json", "broken_settings_unknown_criterion.json",
        "broken_scenarios_mode_outside.json",      "broken_scenarios_kind_pair.json",
    };
    th_alloc_install();
    for (size_t c = 0; c < sizeof files / sizeof files[0]; c++) {
        size_t len;
        char *text = th_read_data(files[c], &len);
        smb_status expected = SMB_OK;
        for (size_t i = 0; i < BROKEN_COUNT; i++)
            if (strcmp(broken[i].file, files[c]) == 0)
                expected = broken[i].status;
        ck_assert_int_ne(expected, SMB_OK);
        for (long n = 1;; n++) {
            smb_document *doc = SENTINEL;
            long live = th_alloc_live();
            th_alloc_fail_at(n);
            smb_status st = smb_document_load_string(text, len, &doc);
            th_alloc_fail_at(0);
            ck_assert_ptr_eq(doc, SENTINEL);
            ck_assert_int_eq(th_alloc_live(), live);
            if (st == expected)
                break;
            ck_assert_msg(st == SMB_ENOMEM, "%s, allocation %ld: %s", files[c], n,
                          smb_last_error());
            ck_assert_int_lt(n, 100000);
        }
        free(text);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("document_scenarios");

    TCase *tc = tcase_create("broken");
    tcase_add_loop_test(tc, test_broken_file, 0, BROKEN_COUNT);
    tcase_add_loop_test(tc, test_broken_string, 0, BROKEN_COUNT);
    tcase_add_test(tc, test_every_broken_file_listed);
    tcase_add_loop_test(tc, test_broken_inline, 0, INLINE_COUNT);
    tcase_add_test(tc, test_ahp_too_large);
    suite_add_tcase(s, tc);

    tc = tcase_create("valid");
    tcase_add_test(tc, test_full_resilience);
    tcase_add_test(tc, test_full_scenarios);
    tcase_add_test(tc, test_lognormal_money);
    tcase_add_test(tc, test_full_responses);
    tcase_add_test(tc, test_full_settings);
    tcase_add_test(tc, test_full_is_usable);
    tcase_add_loop_test(tc, test_round_trip, 0, sizeof valid_files / sizeof valid_files[0]);
    tcase_add_test(tc, test_bakery_example);
    tcase_add_test(tc, test_ahp_is_saved_as_weights);
    tcase_add_test(tc, test_references_in_any_order);
    suite_add_tcase(s, tc);

    tc = tcase_create("layout");
    tcase_add_test(tc, test_empty_sections_layout);
    tcase_add_test(tc, test_layout_of_every_field);
    tcase_add_test(tc, test_sections_in_order);
    suite_add_tcase(s, tc);

    tc = tcase_create("api");
    tcase_add_test(tc, test_set_sections_copy);
    tcase_add_test(tc, test_budget);
    tcase_add_test(tc, test_null_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("alloc");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_load_alloc_failure);
    tcase_add_test(tc, test_save_alloc_failure);
    tcase_add_test(tc, test_set_sections_alloc_failure);
    tcase_add_test(tc, test_load_broken_alloc_failure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
