/* SPDX-License-Identifier: MIT */
/* The checks shared by the fuzz targets (fuzz_check.h). */
#include "fuzz_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: broken promise: %s (last error: %s)\n", file, line, what,
            smb_last_error());
    abort();
}

/* ---- UTF-8 ----------------------------------------------------------------- */

bool fuzz_utf8_ok(const char *text, size_t length)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < length) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, min = 0x10000;
        else
            return false;
        if (length - i <= n)
            return false;
        unsigned cp = c & (0x3Fu >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/* ---- markup ---------------------------------------------------------------- */

typedef struct scan {
    const char *s;
    size_t n, i;
} scan;

static bool at(const scan *p, const char *lit)
{
    size_t k = strlen(lit);
    return p->n - p->i >= k && memcmp(p->s + p->i, lit, k) == 0;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex_letter(char c)
{
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_name_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == ':' || c == '.';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip past `end`; false when it never comes. */
static bool skip_past(scan *p, const char *end)
{
    while (p->i < p->n) {
        if (at(p, end)) {
            p->i += strlen(end);
            return true;
        }
        p->i++;
    }
    return false;
}

/* An entity at p->i ('&'): &name; &#digits; &#xhex; */
static bool entity(scan *p)
{
    size_t j = p->i + 1, start;
    if (j < p->n && p->s[j] == '#') {
        j++;
        bool hex = j < p->n && (p->s[j] == 'x' || p->s[j] == 'X');
        j += hex;
        start = j;
        while (j < p->n && (is_digit(p->s[j]) || (hex && is_hex_letter(p->s[j]))))
            j++;
    } else {
        start = j;
        while (j < p->n && is_alpha(p->s[j]))
            j++;
    }
    if (j == start || j >= p->n || p->s[j] != ';')
        return false;
    p->i = j + 1;
    return true;
}

static size_t name(scan *p)
{
    size_t start = p->i;
    if (p->i < p->n && is_alpha(p->s[p->i]))
        while (p->i < p->n && is_name_char(p->s[p->i]))
            p->i++;
    return p->i - start;
}

static bool is_void(const char *tag, size_t len)
{
    static const char *const voids[] = {"area", "base", "br",   "col",   "embed", "hr",  "img",
                                        "input", "link", "meta", "source", "track", "wbr"};
    for (size_t k = 0; k < sizeof voids / sizeof voids[0]; k++)
        if (strlen(voids[k]) == len && strncmp(voids[k], tag, len) == 0)
            return true;
    return false;
}

enum { MAX_DEPTH = 256 };

const char *fuzz_markup_problem(const char *text, size_t length, bool html)
{
    static char why[160];
    if (!fuzz_utf8_ok(text, length))
        return "not valid UTF-8";
    scan p = {text, length, 0};
    struct {
        const char *name;
        size_t len;
    } stack[MAX_DEPTH];
    size_t depth = 0, elements = 0;
#define PROBLEM(msg)                                                                       \
    do {                                                                                   \
        snprintf(why, sizeof why, "%s at byte %zu", (msg), p.i);                           \
        return why;                                                                        \
    } while (0)
    while (p.i < p.n) {
        char c = p.s[p.i];
        if (c == '&') {
            if (!entity(&p))
                PROBLEM("a raw '&' that starts no entity");
            continue;
        }
        if (c != '<') {
            p.i++;
            continue;
        }
        if (at(&p, "<!--")) {
            if (!skip_past(&p, "-->"))
                PROBLEM("an unterminated comment");
        } else if (at(&p, "<?")) {
            if (!skip_past(&p, "?>"))
                PROBLEM("an unterminated processing instruction");
        } else if (at(&p, "<!DOCTYPE") || at(&p, "<!doctype")) {
            if (!skip_past(&p, ">"))
                PROBLEM("an unterminated doctype");
        } else if (at(&p, "</")) {
            p.i += 2;
            const char *tag = p.s + p.i;
            size_t len = name(&p);
            while (p.i < p.n && is_space(p.s[p.i]))
                p.i++;
            if (len == 0 || p.i >= p.n || p.s[p.i] != '>')
                PROBLEM("a malformed end tag");
            if (depth == 0 || stack[depth - 1].len != len ||
                memcmp(stack[depth - 1].name, tag, len) != 0)
                PROBLEM("an end tag that closes nothing open");
            depth--;
            p.i++;
        } else {
            p.i++;
            const char *tag = p.s + p.i;
            size_t len = name(&p);
            if (len == 0)
                PROBLEM("a raw '<' that starts no tag");
            for (;;) {
                size_t before = p.i;
                while (p.i < p.n && is_space(p.s[p.i]))
                    p.i++;
                if (p.i >= p.n)
                    PROBLEM("an unterminated tag");
                if (p.s[p.i] == '>' || at(&p, "/>"))
                    break;
                if (p.i == before)
                    PROBLEM("attributes not separated by space");
                if (name(&p) == 0)
                    PROBLEM("a malformed attribute name");
                if (p.i >= p.n || p.s[p.i] != '=')
                    PROBLEM("an attribute without a value");
                p.i++;
                if (p.i >= p.n || (p.s[p.i] != '"' && p.s[p.i] != '\''))
                    PROBLEM("an unquoted attribute value");
                char quote = p.s[p.i++];
                while (p.i < p.n && p.s[p.i] != quote) {
                    if (p.s[p.i] == '<')
                        PROBLEM("a raw '<' in an attribute value");
                    if (p.s[p.i] == '&') {
                        if (!entity(&p))
                            PROBLEM("a raw '&' in an attribute value");
                        continue;
                    }
                    p.i++;
                }
                if (p.i >= p.n)
                    PROBLEM("an unterminated attribute value");
                p.i++;
            }
            elements++;
            if (p.s[p.i] == '/') {
                p.i += 2;
            } else {
                p.i++;
                if (!(html && is_void(tag, len))) {
                    if (depth == MAX_DEPTH)
                        PROBLEM("elements nested too deep");
                    stack[depth].name = tag;
                    stack[depth].len = len;
                    depth++;
                }
            }
        }
    }
    if (depth > 0) {
        snprintf(why, sizeof why, "<%.*s> is never closed", (int)stack[depth - 1].len,
                 stack[depth - 1].name);
        return why;
    }
    if (elements == 0)
        return "no element at all";
    return NULL;
#undef PROBLEM
}

/* ---- rendering ----------------------------------------------------------- */

static void check_rendering(smb_status st, char *text, size_t length, smb_format format,
                            const char *what)
{
    char where[96];
    snprintf(where, sizeof where, "rendering the %s as %s", what, smb_format_key(format));
    FUZZ_REQUIRE(st == SMB_OK, where);
    FUZZ_REQUIRE(strlen(text) == length, where);
    if (format == SMB_FORMAT_MARKDOWN) {
        FUZZ_REQUIRE(fuzz_utf8_ok(text, length), "Markdown that is not valid UTF-8");
    } else {
        const char *problem = fuzz_markup_problem(text, length, format == SMB_FORMAT_HTML);
        if (problem) {
            char msg[320];
            snprintf(msg, sizeof msg, "%s: %s", where, problem);
            fuzz_fail(__FILE__, __LINE__, msg);
        }
    }
    smb_free(text);
}

void fuzz_render_document(const smb_document *doc)
{
    const smb_canvas *canvas = smb_document_canvas_const(doc);
    const smb_forces *forces = smb_document_forces_const(doc);
    const smb_scenarios *scenarios = smb_document_scenarios_const(doc);
    const smb_resilience *resilience = smb_document_resilience_const(doc);
    for (int f = SMB_FORMAT_MARKDOWN; f <= SMB_FORMAT_HTML; f++) {
        smb_format format = (smb_format)f;
        char *text = NULL;
        size_t length = 0;
        if (canvas)
            check_rendering(smb_canvas_render(canvas, format, &text, &length), text, length,
                            format, "canvas");
        if (forces)
            check_rendering(smb_forces_render(forces, format, &text, &length), text, length,
                            format, "forces");
        if (scenarios)
            check_rendering(smb_scenarios_render(scenarios, resilience, format, &text, &length),
                            text, length, format, "scenarios");
    }
}

/* ---- analyses and the round trip ------------------------------------------ */

/* The exact portfolio search grows exponentially with the candidates; a
 * fuzzer's documents stay below this many responses so that each input
 * runs in milliseconds. */
enum { PLAN_MAX_RESPONSES = 12, STRESS_MAX_SCENARIOS = 8 };

/* The last failure has a message, of valid UTF-8. */
static bool explained(void)
{
    const char *message = smb_last_error();
    return message[0] != '\0' && fuzz_utf8_ok(message, strlen(message));
}

static void exercise_canvas(const smb_canvas *canvas)
{
    smb_findings *findings = NULL;
    FUZZ_REQUIRE(smb_canvas_check(canvas, &findings) == SMB_OK, "checking the canvas");
    for (size_t i = 0; i < smb_findings_count(findings); i++)
        FUZZ_REQUIRE(smb_findings_at(findings, i)->message != NULL, "a finding without text");
    smb_findings_free(findings);
    smb_diff *diff = NULL;
    FUZZ_REQUIRE(smb_canvas_diff(canvas, canvas, &diff) == SMB_OK, "diffing the canvas");
    FUZZ_REQUIRE(smb_diff_count(diff) == 0, "a canvas differs from itself");
    smb_diff_free(diff);
}

static void exercise_forces(const smb_forces *forces)
{
    smb_forces_result *result = NULL;
    FUZZ_REQUIRE(smb_forces_score(forces, &result) == SMB_OK, "scoring the forces");
    smb_forces_result_free(result);
    smb_forces_tornado *tornado = NULL;
    FUZZ_REQUIRE(smb_forces_sensitivity(forces, &tornado) == SMB_OK, "forces sensitivity");
    smb_forces_tornado_free(tornado);
    smb_forces_comparison *comparison = NULL;
    FUZZ_REQUIRE(smb_forces_compare(forces, forces, &comparison) == SMB_OK,
                 "comparing the forces with themselves");
    smb_forces_comparison_free(comparison);
}

static void exercise_scenarios(const smb_document *doc, const smb_scenarios *scenarios)
{
    const smb_resilience *resilience = smb_document_resilience_const(doc);
    const smb_forces *forces = smb_document_forces_const(doc);
    smb_scenario_scores *scores = NULL;
    FUZZ_REQUIRE(smb_scenarios_score(scenarios, resilience, &scores) == SMB_OK,
                 "scoring the scenarios");
    smb_scenario_scores_free(scores);
    smb_canvas_heat *heat = NULL;
    FUZZ_REQUIRE(smb_scenarios_canvas_heat(scenarios, resilience,
                                           smb_document_canvas_const(doc), &heat) == SMB_OK,
                 "heating the canvas");
    smb_canvas_heat_free(heat);
    if (!forces)
        return;
    for (size_t i = 0; i < smb_scenarios_count(scenarios) && i < STRESS_MAX_SCENARIOS; i++) {
        smb_stress *stress = NULL;
        const char *id = smb_scenario_id(smb_scenarios_at(scenarios, i));
        FUZZ_REQUIRE(smb_scenarios_stress(scenarios, id, forces, &stress) == SMB_OK,
                     "stress-testing the forces");
        smb_stress_free(stress);
    }
}

static void exercise_responses(const smb_document *doc, const smb_responses *responses)
{
    const smb_scenarios *scenarios = smb_document_scenarios_const(doc);
    const smb_resilience *resilience = smb_document_resilience_const(doc);
    if (!scenarios)
        return;
    /* Ranking may be refused (a response without a value on a criterion
     * of one's own), but only with a reason. */
    for (int m = 0; m < SMB_RANK_METHOD_COUNT; m++) {
        smb_response_ranking *ranking = NULL;
        smb_status st = smb_responses_rank(responses, scenarios, resilience, (smb_rank_method)m,
                                           &ranking);
        FUZZ_REQUIRE(st == SMB_OK || (st == SMB_ENOTFOUND && ranking == NULL && explained()),
                     "ranking the responses");
        smb_response_ranking_free(ranking);
    }
    double budget;
    if (smb_responses_count(responses) <= PLAN_MAX_RESPONSES &&
        smb_document_budget(doc, &budget) == SMB_OK) {
        smb_portfolio *portfolio = NULL;
        FUZZ_REQUIRE(smb_responses_plan(responses, scenarios, resilience, budget, &portfolio) ==
                         SMB_OK,
                     "planning within the budget");
        smb_portfolio_free(portfolio);
    }
}

static bool same_document(const smb_document *a, const smb_document *b)
{
    const smb_canvas *ca = smb_document_canvas_const(a), *cb = smb_document_canvas_const(b);
    const smb_forces *fa = smb_document_forces_const(a), *fb = smb_document_forces_const(b);
    const smb_resilience *ra = smb_document_resilience_const(a);
    const smb_resilience *rb = smb_document_resilience_const(b);
    const smb_scenarios *sa = smb_document_scenarios_const(a);
    const smb_scenarios *sb = smb_document_scenarios_const(b);
    const smb_responses *pa = smb_document_responses_const(a);
    const smb_responses *pb = smb_document_responses_const(b);
    double ba = 0, bb = 0;
    bool has_a = smb_document_budget(a, &ba) == SMB_OK;
    bool has_b = smb_document_budget(b, &bb) == SMB_OK;
    return (!ca == !cb) && (!ca || smb_canvas_equal(ca, cb)) && (!fa == !fb) &&
           (!fa || smb_forces_equal(fa, fb)) && (!ra == !rb) &&
           (!ra || smb_resilience_equal(ra, rb)) && (!sa == !sb) &&
           (!sa || smb_scenarios_equal(sa, sb)) && (!pa == !pb) &&
           (!pa || smb_responses_equal(pa, pb)) && has_a == has_b && ba == bb;
}

void fuzz_exercise_document(const smb_document *doc)
{
    const smb_canvas *canvas = smb_document_canvas_const(doc);
    const smb_forces *forces = smb_document_forces_const(doc);
    const smb_resilience *resilience = smb_document_resilience_const(doc);
    const smb_scenarios *scenarios = smb_document_scenarios_const(doc);
    const smb_responses *responses = smb_document_responses_const(doc);
    if (canvas)
        exercise_canvas(canvas);
    if (forces)
        exercise_forces(forces);
    if (resilience) {
        double index = 0;
        FUZZ_REQUIRE(smb_resilience_index(resilience, &index) == SMB_OK,
                     "the resilience index");
    }
    if (scenarios)
        exercise_scenarios(doc, scenarios);
    if (responses)
        exercise_responses(doc, responses);

    char *saved = NULL, *again_text = NULL;
    size_t length = 0, again_length = 0;
    FUZZ_REQUIRE(smb_document_save_string(doc, &saved, &length) == SMB_OK, "saving");
    smb_document *again = NULL;
    FUZZ_REQUIRE(smb_document_load_string(saved, length, &again) == SMB_OK,
                 "loading what was saved");
    FUZZ_REQUIRE(same_document(doc, again), "the saved document loads back different");
    FUZZ_REQUIRE(smb_document_save_string(again, &again_text, &again_length) == SMB_OK,
                 "saving again");
    FUZZ_REQUIRE(again_length == length && memcmp(saved, again_text, length) == 0,
                 "the saved text is not canonical: saving it again changes it");
    smb_free(saved);
    smb_free(again_text);
    smb_document_free(again);
}
