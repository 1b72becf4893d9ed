/* SPDX-License-Identifier: MIT */
/*
 * The documented limits of common.h and hostile input at the edges: each
 * limit is accepted at its value and refused one past it with SMB_ELIMIT
 * and a message naming it, through the C API and through the loader (with
 * the JSON path); huge numbers, empty strings, NUL characters and invalid
 * UTF-8 are refused wherever they may appear, and nothing changes when a
 * call fails. Loading 10^6 items is measured in bench/, not here.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS and MAP_NORESERVE */
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"

/* ---- helpers -------------------------------------------------------------- */

/* Concatenate the NULL-terminated list of strings into a malloc'd one. */
static char *cat(const char *first, ...)
{
    va_list ap;
    size_t n = 0;
    va_start(ap, first);
    for (const char *s = first; s; s = va_arg(ap, const char *))
        n += strlen(s);
    va_end(ap);
    char *out = malloc(n + 1);
    ck_assert_ptr_nonnull(out);
    char *p = out;
    va_start(ap, first);
    for (const char *s = first; s; s = va_arg(ap, const char *)) {
        size_t k = strlen(s);
        memcpy(p, s, k);
        p += k;
    }
    va_end(ap);
    *p = '\0';
    return out;
}

/* `unit` repeated `times` times, malloc'd. */
static char *repeat(const char *unit, size_t times)
{
    size_t k = strlen(unit);
    char *out = malloc(k * times + 1);
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < times; i++)
        memcpy(out + i * k, unit, k);
    out[k * times] = '\0';
    return out;
}

/* Load a NUL-terminated document that must be refused with `status`, the
 * JSON path `path` (NULL: not checked) and a message containing `needle`. */
static void assert_load_fails(const char *text, smb_status status, const char *path,
                              const char *needle)
{
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc), status, needle);
    ck_assert_ptr_null(doc);
    const smb_error *e = smb_last_error_info();
    ck_assert_int_eq(e->status, status);
    if (path) {
        ck_assert_ptr_nonnull(e->path);
        ck_assert_str_eq(e->path, path);
    }
    ck_assert_int_gt(e->line, 0);
    ck_assert_int_gt(e->column, 0);
}

static smb_document *load_ok(const char *text)
{
    smb_document *doc = NULL;
    TH_OK(smb_document_load_string(text, strlen(text), &doc));
    return doc;
}

/* Save, load the saved text again and compare: a document at a limit must
 * round-trip like any other. */
static void assert_round_trips(const smb_document *doc)
{
    char *saved = NULL;
    size_t len = 0;
    TH_OK(smb_document_save_string(doc, &saved, &len));
    smb_document *again = NULL;
    TH_OK(smb_document_load_string(saved, len, &again));
    const smb_canvas *c1 = smb_document_canvas_const(doc), *c2 = smb_document_canvas_const(again);
    const smb_forces *f1 = smb_document_forces_const(doc), *f2 = smb_document_forces_const(again);
    ck_assert(c1 && c2 ? smb_canvas_equal(c1, c2) : c1 == c2);
    ck_assert(f1 && f2 ? smb_forces_equal(f1, f2) : f1 == f2);
    smb_document_free(again);
    smb_free(saved);
}

/* A document whose canvas holds one item in `block` with the members
 * `members` (a JSON fragment after "id" and "text"). */
static char *one_item(const char *block, const char *members)
{
    return cat("{\"smbstrat\": 1, \"canvas\": {\"", block, "\": [{\"id\": \"a\", \"text\": \"t\"",
               members, "}]}}", (const char *)NULL);
}

/* ---- document size -------------------------------------------------------- */

/* An anonymous mapping costs no memory until it is written: the loader
 * can be handed a quarter of a gigabyte without the test paying for it. */
static char *map_zeros(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    ck_assert_ptr_ne(p, MAP_FAILED);
    return p;
}

START_TEST(document_size_at_and_past_the_limit)
{
    const size_t limit = SMB_MAX_DOCUMENT_SIZE;
    char *buf = map_zeros(limit + 1);
    static const char head[] = "{\"smbstrat\": 1}";
    memcpy(buf, head, sizeof head - 1);

    /* At the limit the size is accepted and the parser runs: it stops at
     * the first zero byte after the object (column 16), having touched one
     * page of the mapping. */
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string(buf, limit, &doc), SMB_EPARSE,
                    "end of file expected");
    ck_assert_int_eq(smb_last_error_info()->line, 1);
    ck_assert_int_eq(smb_last_error_info()->column, 16);
    ck_assert_ptr_null(doc);

    /* One byte more is refused before anything is parsed. */
    TH_ASSERT_FAILS(smb_document_load_string(buf, limit + 1, &doc), SMB_ELIMIT,
                    "document of 268435457 bytes; the limit is 268435456 bytes");
    ck_assert_ptr_null(doc);
    munmap(buf, limit + 1);
}
END_TEST

START_TEST(document_size_of_a_file)
{
    /* A sparse file: its size says it is over the limit, its blocks cost
     * nothing, and the loader must not read it to find out. */
    char dir[] = "/tmp/smblimits-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *path = cat(dir, "/huge.json", (const char *)NULL);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)SMB_MAX_DOCUMENT_SIZE + 4096), 0);
    close(fd);
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_file(path, &doc), SMB_ELIMIT,
                    "document of 268439552 bytes; the limit is 268435456 bytes");
    ck_assert_str_eq(smb_last_error_info()->file, path);
    ck_assert_ptr_null(doc);
    unlink(path);
    rmdir(dir);
    free(path);
}
END_TEST

/* ---- nesting depth -------------------------------------------------------- */

/* {"smbstrat": 1, "canvas": {"name": [[...]]}} with `arrays` nested arrays:
 * the document object is level 1, the canvas level 2, the arrays 3 on. */
static char *nested(size_t arrays)
{
    char *open = repeat("[", arrays), *close = repeat("]", arrays);
    char *text = cat("{\"smbstrat\": 1, \"canvas\": {\"name\": ", open, close, "}}",
                     (const char *)NULL);
    free(open);
    free(close);
    return text;
}

START_TEST(nesting_at_the_limit_is_a_schema_error)
{
    /* 30 arrays reach level 32 = SMB_MAX_DEPTH: deep enough to be legal
     * JSON for the loader, so what is reported is the wrong type. */
    char *text = nested(SMB_MAX_DEPTH - 2);
    assert_load_fails(text, SMB_ESCHEMA, "$.canvas.name", "must be a string, not an array");
    free(text);
}
END_TEST

START_TEST(nesting_past_the_limit)
{
    /* 31 arrays reach level 33. The value at level 33 is the innermost
     * array, element 0 of 29 more: "$.canvas.name" then 30 "[0]". The
     * prefix `{"smbstrat": 1, "canvas": {"name": ` is 35 characters, so
     * the outermost '[' is column 36 and the innermost (the 31st) 66. */
    char *text = nested(SMB_MAX_DEPTH - 1);
    char *zeros = repeat("[0]", SMB_MAX_DEPTH - 2);
    char *path = cat("$.canvas.name", zeros, (const char *)NULL);
    assert_load_fails(text, SMB_ELIMIT, path, "nested deeper than 32 levels");
    ck_assert_int_eq(smb_last_error_info()->line, 1);
    ck_assert_int_eq(smb_last_error_info()->column, 66);
    free(text);
    free(zeros);
    free(path);
}
END_TEST

START_TEST(nesting_past_the_parser_limit)
{
    /* jansson gives up at 2048 levels on its own; the loader reports that
     * as the same limit. A million levels cost 2 MB of input and nothing
     * more: the parser stops at the 2049th. */
    static const size_t depths[] = {2049, 1000000};
    for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
        char *text = nested(depths[i]);
        smb_document *doc = NULL;
        TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc), SMB_ELIMIT,
                        "nested deeper than 32 levels");
        ck_assert_ptr_null(doc);
        ck_assert_int_eq(smb_last_error_info()->line, 1);
        /* The path starts at the canvas name, however deep it is cut. */
        ck_assert_ptr_nonnull(smb_last_error_info()->path);
        ck_assert(strncmp(smb_last_error_info()->path, "$.canvas.name[0]", 16) == 0);
        free(text);
    }
}
END_TEST

/* ---- ids ------------------------------------------------------------------ */

START_TEST(id_length_through_the_api)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    char *id64 = repeat("i", SMB_MAX_ID_LENGTH), *id65 = repeat("i", SMB_MAX_ID_LENGTH + 1);
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id64, "At the limit"));
    ck_assert_str_eq(smb_item_id(smb_canvas_find(c, id64)), id64);
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, id65, "Past it"), SMB_ELIMIT,
                    "id: longer than 64 bytes");
    ck_assert_uint_eq(smb_canvas_item_total(c), 1);
    ck_assert_ptr_null(smb_canvas_find(c, id65));

    /* A custom driver key is an id too. */
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    size_t before = smb_forces_driver_count(f, SMB_FORCE_RIVALRY);
    TH_OK(smb_forces_add_driver(f, SMB_FORCE_RIVALRY, id64, "Local rival", NULL));
    TH_ASSERT_FAILS(smb_forces_add_driver(f, SMB_FORCE_RIVALRY, id65, "Another", NULL),
                    SMB_ELIMIT, "force 'rivalry' driver key: id: longer than 64 bytes");
    ck_assert_uint_eq(smb_forces_driver_count(f, SMB_FORCE_RIVALRY), before + 1);
    smb_forces_free(f);
    smb_canvas_free(c);
    free(id64);
    free(id65);
}
END_TEST

START_TEST(id_length_in_a_document)
{
    char *id64 = repeat("i", SMB_MAX_ID_LENGTH), *id65 = repeat("i", SMB_MAX_ID_LENGTH + 1);
    char *ok = cat("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"", id64,
                   "\", \"text\": \"t\"}]}}", (const char *)NULL);
    smb_document *doc = load_ok(ok);
    ck_assert_ptr_nonnull(smb_canvas_find(smb_document_canvas_const(doc), id64));
    assert_round_trips(doc);
    smb_document_free(doc);

    char *bad = cat("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"", id65,
                    "\", \"text\": \"t\"}]}}", (const char *)NULL);
    assert_load_fails(bad, SMB_ELIMIT, "$.canvas.channels[0].id", "longer than 64 bytes");
    free(ok);
    free(bad);
    free(id64);
    free(id65);
}
END_TEST

/* ---- text length ---------------------------------------------------------- */

/* Every caller-supplied text of the canvas and of the forces, set through
 * its own setter, so that one table covers the length, emptiness and
 * UTF-8 rules of all of them. */
typedef enum text_field {
    F_ITEM_TEXT_ADD, F_ITEM_TEXT, F_NOTES, F_TAG, F_CANVAS_NAME, F_CANVAS_DESCRIPTION,
    F_FORCES_NAME, F_FORCES_DESCRIPTION, F_DRIVER_TITLE, F_DRIVER_QUESTION, F_RATIONALE,
    F_COUNT
} text_field;

static const struct {
    const char *name;   /* as the message names it */
    bool may_be_empty;  /* "" is accepted (and means "none") */
} fields[F_COUNT] = {
    [F_ITEM_TEXT_ADD] = {"text", false},
    [F_ITEM_TEXT] = {"text", false},
    [F_NOTES] = {"notes", true},
    [F_TAG] = {"tags[0]", false},
    [F_CANVAS_NAME] = {"name", true},
    [F_CANVAS_DESCRIPTION] = {"description", true},
    [F_FORCES_NAME] = {"name", true},
    [F_FORCES_DESCRIPTION] = {"description", true},
    [F_DRIVER_TITLE] = {"rivalry/own title", false},
    [F_DRIVER_QUESTION] = {"rivalry/own question", true},
    [F_RATIONALE] = {"rationale", true},
};

typedef struct fixture {
    smb_canvas *canvas, *canvas_before;
    smb_forces *forces, *forces_before;
} fixture;

static void fixture_make(fixture *fx)
{
    TH_OK(smb_canvas_new(&fx->canvas));
    TH_OK(smb_canvas_add_item(fx->canvas, SMB_BLOCK_CHANNELS, "ch", "Shop counter"));
    TH_OK(smb_canvas_set_name(fx->canvas, "Bakery"));
    TH_OK(smb_canvas_copy(fx->canvas, &fx->canvas_before));
    TH_OK(smb_forces_new(&fx->forces));
    TH_OK(smb_forces_set_name(fx->forces, "High street"));
    TH_OK(smb_forces_add_driver(fx->forces, SMB_FORCE_RIVALRY, "mine", "Mine", NULL));
    TH_OK(smb_forces_copy(fx->forces, &fx->forces_before));
}

static void fixture_assert_unchanged(const fixture *fx)
{
    ck_assert(smb_canvas_equal(fx->canvas, fx->canvas_before));
    ck_assert(smb_forces_equal(fx->forces, fx->forces_before));
}

static void fixture_free(fixture *fx)
{
    smb_canvas_free(fx->canvas);
    smb_canvas_free(fx->canvas_before);
    smb_forces_free(fx->forces);
    smb_forces_free(fx->forces_before);
}

static smb_status set_field(fixture *fx, text_field field, const char *value)
{
    const char *tags[1] = {value};
    switch (field) {
    case F_ITEM_TEXT_ADD:
        return smb_canvas_add_item(fx->canvas, SMB_BLOCK_CHANNELS, "new", value);
    case F_ITEM_TEXT: return smb_canvas_set_item_text(fx->canvas, "ch", value);
    case F_NOTES: return smb_canvas_set_item_notes(fx->canvas, "ch", value);
    case F_TAG: return smb_canvas_set_item_tags(fx->canvas, "ch", tags, 1);
    case F_CANVAS_NAME: return smb_canvas_set_name(fx->canvas, value);
    case F_CANVAS_DESCRIPTION: return smb_canvas_set_description(fx->canvas, value);
    case F_FORCES_NAME: return smb_forces_set_name(fx->forces, value);
    case F_FORCES_DESCRIPTION: return smb_forces_set_description(fx->forces, value);
    case F_DRIVER_TITLE:
        return smb_forces_add_driver(fx->forces, SMB_FORCE_RIVALRY, "own", value, NULL);
    case F_DRIVER_QUESTION:
        return smb_forces_add_driver(fx->forces, SMB_FORCE_RIVALRY, "own", "Own", value);
    case F_RATIONALE:
        return smb_forces_set_rationale(fx->forces, SMB_FORCE_RIVALRY, "mine", value);
    case F_COUNT: break;
    }
    return SMB_EINVAL;
}

/* The value the field holds after set_field(), read back. */
static const char *get_field(const fixture *fx, text_field field)
{
    const smb_item *ch = smb_canvas_find(fx->canvas, "ch");
    const smb_driver *own = smb_forces_find_driver(fx->forces, SMB_FORCE_RIVALRY, "own");
    switch (field) {
    case F_ITEM_TEXT_ADD: return smb_item_text(smb_canvas_find(fx->canvas, "new"));
    case F_ITEM_TEXT: return smb_item_text(ch);
    case F_NOTES: return smb_item_notes(ch);
    case F_TAG: return smb_item_tag(ch, 0);
    case F_CANVAS_NAME: return smb_canvas_name(fx->canvas);
    case F_CANVAS_DESCRIPTION: return smb_canvas_description(fx->canvas);
    case F_FORCES_NAME: return smb_forces_name(fx->forces);
    case F_FORCES_DESCRIPTION: return smb_forces_description(fx->forces);
    case F_DRIVER_TITLE: return smb_driver_title(own);
    case F_DRIVER_QUESTION: return smb_driver_question(own);
    case F_RATIONALE:
        return smb_driver_rationale(smb_forces_find_driver(fx->forces, SMB_FORCE_RIVALRY, "mine"));
    case F_COUNT: break;
    }
    return NULL;
}

START_TEST(text_length_of_every_field)
{
    text_field field = (text_field)_i;
    /* 65536 bytes: 21845 three-byte euro signs (65535 bytes) and one 'x'.
     * The limit counts bytes, not characters. */
    char *euros = repeat("\xE2\x82\xAC", 21845);
    char *at = cat(euros, "x", (const char *)NULL);
    char *past = cat(euros, "xy", (const char *)NULL);
    ck_assert_uint_eq(strlen(at), SMB_MAX_TEXT_LENGTH);

    fixture fx;
    fixture_make(&fx);
    char *message = cat(fields[field].name, ": longer than 65536 bytes", (const char *)NULL);
    TH_ASSERT_FAILS(set_field(&fx, field, past), SMB_ELIMIT, message);
    fixture_assert_unchanged(&fx);
    TH_OK(set_field(&fx, field, at));
    ck_assert_str_eq(get_field(&fx, field), at);
    fixture_free(&fx);
    free(message);
    free(euros);
    free(at);
    free(past);
}
END_TEST

START_TEST(text_length_in_a_document)
{
    char *at = repeat("t", SMB_MAX_TEXT_LENGTH), *past = repeat("t", SMB_MAX_TEXT_LENGTH + 1);
    static const char *const members[] = {"text", "notes", "name", "description"};
    static const char *const paths[] = {"$.canvas.channels[0].text", "$.canvas.channels[0].notes",
                                        "$.canvas.name", "$.canvas.description"};
    for (size_t i = 0; i < 4; i++) {
        char *ok, *bad;
        if (i < 2) {
            /* "text" is given twice otherwise: name the item's own text. */
            ok = cat("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"a\", \"", members[i],
                     "\": \"", at, i == 0 ? "\"" : "\", \"text\": \"t\"", "}]}}",
                     (const char *)NULL);
            bad = cat("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"a\", \"",
                      members[i], "\": \"", past, i == 0 ? "\"" : "\", \"text\": \"t\"", "}]}}",
                      (const char *)NULL);
        } else {
            ok = cat("{\"smbstrat\": 1, \"canvas\": {\"", members[i], "\": \"", at, "\"}}",
                     (const char *)NULL);
            bad = cat("{\"smbstrat\": 1, \"canvas\": {\"", members[i], "\": \"", past, "\"}}",
                      (const char *)NULL);
        }
        smb_document *doc = load_ok(ok);
        assert_round_trips(doc);
        smb_document_free(doc);
        assert_load_fails(bad, SMB_ELIMIT, paths[i], "longer than 65536 bytes");
        free(ok);
        free(bad);
    }
    free(at);
    free(past);
}
END_TEST

/* ---- counts --------------------------------------------------------------- */

static const char **tag_list(size_t n)
{
    const char **tags = calloc(n, sizeof *tags);
    ck_assert_ptr_nonnull(tags);
    for (size_t i = 0; i < n; i++) {
        char *t = malloc(32);
        ck_assert_ptr_nonnull(t);
        snprintf(t, 32, "tag-%zu", i);
        tags[i] = t;
    }
    return tags;
}

static void tag_list_free(const char **tags, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((void *)tags[i]);
    free(tags);
}

START_TEST(tags_at_and_past_the_limit)
{
    const char **tags = tag_list(SMB_MAX_TAGS + 1);
    fixture fx;
    fixture_make(&fx);
    TH_ASSERT_FAILS(smb_canvas_set_item_tags(fx.canvas, "ch", tags, SMB_MAX_TAGS + 1),
                    SMB_ELIMIT, "tags: at most 64 per item, not 65");
    fixture_assert_unchanged(&fx);
    TH_OK(smb_canvas_set_item_tags(fx.canvas, "ch", tags, SMB_MAX_TAGS));
    const smb_item *ch = smb_canvas_find(fx.canvas, "ch");
    ck_assert_uint_eq(smb_item_tag_count(ch), 64);
    ck_assert_str_eq(smb_item_tag(ch, 63), "tag-63");
    fixture_free(&fx);

    /* In a document the 65th tag is the one named. */
    for (size_t n = SMB_MAX_TAGS; n <= SMB_MAX_TAGS + 1; n++) {
        char *list = repeat("", 0);
        for (size_t i = 0; i < n; i++) {
            char *longer = cat(list, i ? ", \"" : "\"", tags[i], "\"", (const char *)NULL);
            free(list);
            list = longer;
        }
        char *members = cat(", \"tags\": [", list, "]", (const char *)NULL);
        char *text = one_item("channels", members);
        if (n == SMB_MAX_TAGS) {
            smb_document *doc = load_ok(text);
            assert_round_trips(doc);
            smb_document_free(doc);
        } else {
            assert_load_fails(text, SMB_ELIMIT, "$.canvas.channels[0].tags[64]",
                              "at most 64 per item, not 65");
        }
        free(list);
        free(members);
        free(text);
    }
    tag_list_free(tags, SMB_MAX_TAGS + 1);
}
END_TEST

/* One value proposition and `segments` customer segments seg-0 ... */
static smb_canvas *fan_out(size_t segments)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_VALUE_PROPOSITIONS, "vp", "Fresh bread"));
    char id[32];
    smb_status st = SMB_OK;
    for (size_t i = 0; i < segments && st == SMB_OK; i++) {
        snprintf(id, sizeof id, "seg-%zu", i);
        st = smb_canvas_add_item(c, SMB_BLOCK_CUSTOMER_SEGMENTS, id, "Segment");
    }
    TH_OK(st);
    return c;
}

START_TEST(links_at_and_past_the_limit)
{
    smb_canvas *c = fan_out(SMB_MAX_LINKS + 1);
    char id[32];
    smb_status st = SMB_OK;
    for (size_t i = 0; i < SMB_MAX_LINKS && st == SMB_OK; i++) {
        snprintf(id, sizeof id, "seg-%zu", i);
        st = smb_canvas_link(c, "vp", id);
    }
    TH_OK(st);
    smb_canvas *before = NULL;
    TH_OK(smb_canvas_copy(c, &before));
    TH_ASSERT_FAILS(smb_canvas_link(c, "vp", "seg-1024"), SMB_ELIMIT,
                    "links: item 'vp' already has the most links allowed (1024)");
    ck_assert(smb_canvas_equal(c, before));
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(c, "vp")), SMB_MAX_LINKS);
    ck_assert(!smb_canvas_linked(c, "vp", "seg-1024"));

    /* Unlinking one makes room for another. */
    TH_OK(smb_canvas_unlink(c, "vp", "seg-0"));
    TH_OK(smb_canvas_link(c, "vp", "seg-1024"));
    smb_canvas_free(before);
    smb_canvas_free(c);
}
END_TEST

/* A document with one proposition linking to `links` of 1025 segments. */
static char *fan_out_document(size_t links)
{
    size_t cap = 64 * (SMB_MAX_LINKS + 2) + 256, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len,
                            "{\"smbstrat\": 1, \"canvas\": {\"value_propositions\": "
                            "[{\"id\": \"vp\", \"text\": \"Fresh\", \"links\": [");
    for (size_t i = 0; i < links; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s\"seg-%zu\"", i ? ", " : "", i);
    len += (size_t)snprintf(text + len, cap - len, "]}], \"customer_segments\": [");
    for (size_t i = 0; i <= SMB_MAX_LINKS; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s{\"id\": \"seg-%zu\", \"text\": \"S\"}",
                                i ? ", " : "", i);
    snprintf(text + len, cap - len, "]}}");
    return text;
}

START_TEST(links_in_a_document)
{
    char *ok = fan_out_document(SMB_MAX_LINKS);
    smb_document *doc = load_ok(ok);
    ck_assert_uint_eq(smb_item_link_count(smb_canvas_find(smb_document_canvas_const(doc), "vp")),
                      SMB_MAX_LINKS);
    assert_round_trips(doc);
    smb_document_free(doc);
    char *bad = fan_out_document(SMB_MAX_LINKS + 1);
    assert_load_fails(bad, SMB_ELIMIT, "$.canvas.value_propositions[0].links[1024]",
                      "the most links allowed (1024)");
    free(ok);
    free(bad);
}
END_TEST

/* A forces section with the driver members `members` on rivalry/`key`. */
static char *one_driver(const char *key, const char *members)
{
    return cat("{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"", key, "\": {",
               members, "}}}}}", (const char *)NULL);
}

START_TEST(forces_lengths_in_a_document)
{
    char *id64 = repeat("k", SMB_MAX_ID_LENGTH), *id65 = repeat("k", SMB_MAX_ID_LENGTH + 1);
    char *at = repeat("r", SMB_MAX_TEXT_LENGTH), *past = repeat("r", SMB_MAX_TEXT_LENGTH + 1);
    char *m_at = cat("\"title\": \"t\", \"rationale\": \"", at, "\"", (const char *)NULL);
    char *m_past = cat("\"title\": \"t\", \"rationale\": \"", past, "\"", (const char *)NULL);
    char *t_past = cat("\"title\": \"", past, "\"", (const char *)NULL);

    /* A 64-byte key with a 65536-byte rationale: both at their limits. */
    char *text = one_driver(id64, m_at);
    smb_document *doc = load_ok(text);
    const smb_driver *d =
        smb_forces_find_driver(smb_document_forces_const(doc), SMB_FORCE_RIVALRY, id64);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(strlen(smb_driver_rationale(d)), SMB_MAX_TEXT_LENGTH);
    assert_round_trips(doc);
    smb_document_free(doc);
    free(text);

    char *path = cat("$.forces.rivalry.drivers.", id65, (const char *)NULL);
    text = one_driver(id65, "\"title\": \"t\"");
    assert_load_fails(text, SMB_ELIMIT, path, "driver key: id: longer than 64 bytes");
    free(text);
    text = one_driver("own", m_past);
    assert_load_fails(text, SMB_ELIMIT, "$.forces.rivalry.drivers.own.rationale",
                      "longer than 65536 bytes");
    free(text);
    text = one_driver("own", t_past);
    assert_load_fails(text, SMB_ELIMIT, "$.forces.rivalry.drivers.own.title",
                      "longer than 65536 bytes");
    free(text);
    free(path);
    free(id64);
    free(id65);
    free(at);
    free(past);
    free(m_at);
    free(m_past);
    free(t_past);
}
END_TEST

/* rivalry with `n` drivers of the user's own, own-0 ... */
static char *custom_drivers(size_t n)
{
    char *list = cat("", (const char *)NULL);
    for (size_t i = 0; i < n; i++) {
        char entry[64];
        snprintf(entry, sizeof entry, "%s\"own-%zu\": {\"title\": \"Own\"}", i ? ", " : "", i);
        char *longer = cat(list, entry, (const char *)NULL);
        free(list);
        list = longer;
    }
    char *text = cat("{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {", list, "}}}}",
                     (const char *)NULL);
    free(list);
    return text;
}

START_TEST(custom_drivers_in_a_document)
{
    char *text = custom_drivers(SMB_MAX_CUSTOM_DRIVERS);
    smb_document *doc = load_ok(text);
    const smb_forces *f = smb_document_forces_const(doc);
    ck_assert_ptr_nonnull(smb_forces_find_driver(f, SMB_FORCE_RIVALRY, "own-255"));
    assert_round_trips(doc);
    smb_document_free(doc);
    free(text);
    text = custom_drivers(SMB_MAX_CUSTOM_DRIVERS + 1);
    assert_load_fails(text, SMB_ELIMIT, "$.forces.rivalry.drivers[\"own-256\"]",
                      "already has 256 drivers of the user's own (the limit)");
    free(text);
}
END_TEST

/* ---- numbers -------------------------------------------------------------- */

START_TEST(huge_amounts_through_the_api)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_REVENUE_STREAMS, "rs", "Loaves"));
    TH_OK(smb_canvas_set_item_amount(c, "rs", 18000));
    smb_canvas *before = NULL;
    TH_OK(smb_canvas_copy(c, &before));
    const double bad[] = {1e308, -1e308, HUGE_VAL, -HUGE_VAL, NAN,
                          nextafter(SMB_MAX_AMOUNT, HUGE_VAL), -1e-300};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        TH_ASSERT_FAILS(smb_canvas_set_item_amount(c, "rs", bad[i]), SMB_ERANGE, "amount");
        ck_assert(smb_canvas_equal(c, before));
    }
    TH_OK(smb_canvas_set_item_amount(c, "rs", SMB_MAX_AMOUNT));
    ck_assert(smb_item_amount(smb_canvas_find(c, "rs")) == 1e15);
    smb_canvas_free(before);
    smb_canvas_free(c);
}
END_TEST

START_TEST(huge_numbers_of_the_forces)
{
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    smb_forces *before = NULL;
    TH_OK(smb_forces_copy(f, &before));
    const smb_force r = SMB_FORCE_RIVALRY;
    const double bad[] = {1e308, -1e308, HUGE_VAL, NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        TH_ASSERT_FAILS(smb_forces_set_rating(f, r, "exit_barriers", bad[i]), SMB_ERANGE,
                        "must be a number from 1 to 5");
        TH_ASSERT_FAILS(smb_forces_set_driver_weight(f, r, "exit_barriers", bad[i]), SMB_ERANGE,
                        "must be a finite number from 0 to 1e+06");
        TH_ASSERT_FAILS(smb_forces_set_force_weight(f, r, bad[i]), SMB_ERANGE,
                        "from 0 to 1e+06");
        TH_ASSERT_FAILS(smb_forces_set_confidence(f, r, "exit_barriers", bad[i]), SMB_ERANGE,
                        "must be a number from 0 to 1");
        ck_assert(smb_forces_equal(f, before));
    }
    /* The largest weights are accepted and score exactly: one driver rated
     * 5 with weight 1e6 and one rated 1 with weight 1 give
     * (5e6 + 1) / (1e6 + 1) = 4.999996000004. */
    TH_OK(smb_forces_set_rating(f, r, "exit_barriers", 5));
    TH_OK(smb_forces_set_driver_weight(f, r, "exit_barriers", SMB_FORCES_MAX_WEIGHT));
    TH_OK(smb_forces_set_rating(f, r, "industry_growth", 1));
    TH_OK(smb_forces_set_force_weight(f, r, SMB_FORCES_MAX_WEIGHT));
    double score = 0;
    TH_OK(smb_forces_force_score(f, r, &score));
    ck_assert_double_eq_tol(score, 5000001.0 / 1000001.0, 1e-12);
    smb_forces_free(before);
    smb_forces_free(f);
}
END_TEST

START_TEST(huge_numbers_in_a_document)
{
    static const struct {
        const char *members;
        smb_status status;
        const char *path, *needle;
    } cases[] = {
        {", \"amount\": 1e308", SMB_ERANGE, "$.canvas.revenue_streams[0].amount",
         "must be a number from 0 to 1e+15"},
        {", \"amount\": 1.7976931348623157e308", SMB_ERANGE, "$.canvas.revenue_streams[0].amount",
         "must be a number from 0 to 1e+15"},
        /* 1e15 + 0.125 is the next double after 1e15 */
        {", \"amount\": 1000000000000000.125", SMB_ERANGE, "$.canvas.revenue_streams[0].amount",
         "must be a number from 0 to 1e+15"},
        {", \"amount\": 1e400", SMB_ERANGE, "$.canvas.revenue_streams[0].amount",
         "number too large"},
        {", \"amount\": -1e400", SMB_ERANGE, "$.canvas.revenue_streams[0].amount",
         "number too large"},
        {", \"importance\": 99999999999999999999", SMB_ERANGE,
         "$.canvas.revenue_streams[0].importance", "number too large"},
        {", \"importance\": 4294967297", SMB_ERANGE, "$.canvas.revenue_streams[0].importance",
         "must be an integer from 1 to 5"},
        {", \"importance\": 1e0", SMB_ESCHEMA, "$.canvas.revenue_streams[0].importance",
         "must be an integer from 1 to 5, not a number with a fraction or exponent"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = one_item("revenue_streams", cases[i].members);
        assert_load_fails(text, cases[i].status, cases[i].path, cases[i].needle);
        free(text);
    }
    static const struct {
        const char *members, *field, *needle;
    } driver_cases[] = {
        {"\"rating\": 1e308", "rating", "must be a number from 1 to 5"},
        {"\"rating\": -1e308", "rating", "must be a number from 1 to 5"},
        {"\"rating\": 1e400", "rating", "number too large"},
        {"\"weight\": 1e308", "weight", "must be a finite number from 0 to 1e+06"},
        {"\"weight\": 1e400", "weight", "number too large"},
        {"\"confidence\": 1e308", "confidence", "must be a number from 0 to 1"},
    };
    for (size_t i = 0; i < sizeof driver_cases / sizeof driver_cases[0]; i++) {
        char *text = one_driver("exit_barriers", driver_cases[i].members);
        char *path = cat("$.forces.rivalry.drivers.exit_barriers.", driver_cases[i].field,
                         (const char *)NULL);
        assert_load_fails(text, SMB_ERANGE, path, driver_cases[i].needle);
        free(text);
        free(path);
    }
    assert_load_fails("{\"smbstrat\": 1, \"forces\": {\"weights\": {\"rivalry\": 1e308}}}",
                      SMB_ERANGE, "$.forces.weights.rivalry", "from 0 to 1e+06");

    /* At the limit, and below the smallest double: an amount that
     * underflows reads as zero rather than failing. */
    char *text = one_item("revenue_streams", ", \"amount\": 1e15");
    smb_document *doc = load_ok(text);
    ck_assert(smb_item_amount(smb_canvas_find(smb_document_canvas_const(doc), "a")) == 1e15);
    assert_round_trips(doc);
    smb_document_free(doc);
    free(text);
    text = one_item("revenue_streams", ", \"amount\": 1e-400");
    doc = load_ok(text);
    const smb_item *a = smb_canvas_find(smb_document_canvas_const(doc), "a");
    ck_assert(smb_item_has_amount(a));
    ck_assert(smb_item_amount(a) == 0.0);
    smb_document_free(doc);
    free(text);
}
END_TEST

/* ---- empty strings -------------------------------------------------------- */

START_TEST(empty_text_fields)
{
    text_field field = (text_field)_i;
    fixture fx;
    fixture_make(&fx);
    if (fields[field].may_be_empty) {
        /* "" means "none": it clears what was there, and reads back as
         * NULL or "" (never stale). A question is given once, when its
         * driver is added. */
        if (field != F_DRIVER_QUESTION) {
            TH_OK(set_field(&fx, field, "something"));
            ck_assert_str_eq(get_field(&fx, field), "something");
        }
        TH_OK(set_field(&fx, field, ""));
        const char *v = get_field(&fx, field);
        ck_assert(v == NULL || v[0] == '\0');
    } else {
        char *message = cat(fields[field].name, ": must not be empty", (const char *)NULL);
        TH_ASSERT_FAILS(set_field(&fx, field, ""), SMB_EINVAL, message);
        fixture_assert_unchanged(&fx);
        free(message);
    }
    fixture_free(&fx);
}
END_TEST

START_TEST(empty_ids)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "", "Text"), SMB_EINVAL,
                    "id: must not be empty");
    ck_assert_uint_eq(smb_canvas_item_total(c), 0);
    smb_forces *f = NULL;
    TH_OK(smb_forces_new(&f));
    TH_ASSERT_FAILS(smb_forces_add_driver(f, SMB_FORCE_RIVALRY, "", "Title", NULL), SMB_EINVAL,
                    "force 'rivalry' driver key: id: must not be empty");
    smb_forces_free(f);
    smb_canvas_free(c);
}
END_TEST

START_TEST(empty_strings_in_a_document)
{
    static const struct {
        const char *block, *members;
        smb_status status;
        const char *path, *needle;
    } refused[] = {
        {"channels", ", \"tags\": [\"\"]", SMB_ESCHEMA, "$.canvas.channels[0].tags[0]",
         "must not be empty"},
        {"channels", ", \"evidence\": \"\"", SMB_ESCHEMA, "$.canvas.channels[0].evidence",
         "must be one of assumption, testing, validated, invalidated"},
        {"revenue_streams", ", \"kind\": \"\"", SMB_ESCHEMA, "$.canvas.revenue_streams[0].kind",
         "must be one of asset_sale"},
        {"channels", ", \"links\": [\"\"]", SMB_ENOTFOUND, "$.canvas.channels[0].links[0]",
         "no item has the id ''"},
        {"channels", ", \"\": 1", SMB_ESCHEMA, "$.canvas.channels[0][\"\"]", "unknown key"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        char *text = one_item(refused[i].block, refused[i].members);
        assert_load_fails(text, refused[i].status, refused[i].path, refused[i].needle);
        free(text);
    }
    assert_load_fails("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"\", \"text\": \"t\"}]}}",
                      SMB_ESCHEMA, "$.canvas.channels[0].id", "must not be empty");
    assert_load_fails("{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"a\", \"text\": \"\"}]}}",
                      SMB_ESCHEMA, "$.canvas.channels[0].text", "must not be empty");
    assert_load_fails("{\"smbstrat\": 1, \"\": {}}", SMB_ESCHEMA, "$[\"\"]", "unknown key");
    assert_load_fails("{}", SMB_ESCHEMA, "$", "missing required key 'smbstrat'");
    char *text = one_driver("", "\"title\": \"t\"");
    assert_load_fails(text, SMB_ESCHEMA, "$.forces.rivalry.drivers[\"\"]", "must not be empty");
    free(text);
    text = one_driver("own", "\"title\": \"\"");
    assert_load_fails(text, SMB_ESCHEMA, "$.forces.rivalry.drivers.own.title", "must not be empty");
    free(text);
    assert_load_fails("{\"smbstrat\": 1, \"forces\": {\"weights\": {\"\": 1}}}", SMB_ESCHEMA,
                      "$.forces.weights[\"\"]", "unknown key");

    /* An empty input is not a document, whatever its claimed origin. */
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string("", 0, &doc), SMB_EPARSE, "malformed JSON");
    ck_assert_ptr_null(doc);

    /* Empty optional strings mean "none" and are not written back. */
    doc = load_ok("{\"smbstrat\": 1, \"canvas\": {\"name\": \"\", \"description\": \"\", "
                  "\"channels\": [{\"id\": \"a\", \"text\": \"t\", \"notes\": \"\", "
                  "\"tags\": [], \"links\": []}]}, \"forces\": {\"name\": \"\", "
                  "\"description\": \"\", \"rivalry\": {\"drivers\": {\"own\": {\"title\": "
                  "\"Own\", \"question\": \"\"}, \"exit_barriers\": {\"rationale\": \"\"}}}}}");
    char *saved = NULL;
    size_t len = 0;
    TH_OK(smb_document_save_string(doc, &saved, &len));
    ck_assert_ptr_null(strstr(saved, "\"name\""));
    ck_assert_ptr_null(strstr(saved, "\"description\""));
    ck_assert_ptr_null(strstr(saved, "\"notes\""));
    ck_assert_ptr_null(strstr(saved, "\"tags\""));
    ck_assert_ptr_null(strstr(saved, "\"question\""));
    ck_assert_ptr_null(strstr(saved, "\"rationale\""));
    ck_assert_ptr_null(strstr(saved, "exit_barriers")); /* nothing left to say about it */
    ck_assert_ptr_nonnull(strstr(saved, "\"own\""));
    smb_free(saved);
    smb_document_free(doc);
}
END_TEST

/* ---- NUL characters and invalid UTF-8, in every string position ----------- */

/* Each template has one '@' where the hostile bytes go: every place a
 * string can appear in a document (canvas and forces), values and keys. `path` is the
 * path reported: exact for values, a prefix for keys (the loader can only
 * name the part of a key it could read). */
static const struct {
    const char *tmpl;
    const char *path;
    bool is_key;
} positions[] = {
    {"{\"smbstrat\": 1, \"@\": 1}", "$", true},
    {"{\"smbstrat\": 1, \"canvas\": {\"name\": \"x@\"}}", "$.canvas.name", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"description\": \"x@\"}}", "$.canvas.description", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"@\": []}}", "$.canvas", true},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x@\", \"text\": \"t\"}]}}",
     "$.canvas.channels[0].id", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t@\"}]}}",
     "$.canvas.channels[0].text", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t\", \"notes\": \"@\"}]}}",
     "$.canvas.channels[0].notes", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t\", \"tags\": [\"a\", \"b@\"]}]}}",
     "$.canvas.channels[0].tags[1]", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t\", \"evidence\": \"@\"}]}}",
     "$.canvas.channels[0].evidence", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"cost_structure\": [{\"id\": \"x\", \"text\": \"t\", \"kind\": \"fixed@\"}]}}",
     "$.canvas.cost_structure[0].kind", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t\", \"links\": [\"@\"]}]}}",
     "$.canvas.channels[0].links[0]", false},
    {"{\"smbstrat\": 1, \"canvas\": {\"channels\": [{\"id\": \"x\", \"text\": \"t\", \"@\": 1}]}}",
     "$.canvas.channels[0]", true},
    {"{\"smbstrat\": 1, \"forces\": {\"name\": \"x@\"}}", "$.forces.name", false},
    {"{\"smbstrat\": 1, \"forces\": {\"description\": \"x@\"}}", "$.forces.description", false},
    {"{\"smbstrat\": 1, \"forces\": {\"@\": {}}}", "$.forces", true},
    {"{\"smbstrat\": 1, \"forces\": {\"weights\": {\"@\": 1}}}", "$.forces.weights", true},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"@\": {}}}}", "$.forces.rivalry", true},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"own@\": {\"title\": \"t\"}}}}}",
     "$.forces.rivalry.drivers", true},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"own\": {\"title\": \"t@\"}}}}}",
     "$.forces.rivalry.drivers.own.title", false},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"own\": {\"title\": \"t\", \"question\": \"@\"}}}}}",
     "$.forces.rivalry.drivers.own.question", false},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"exit_barriers\": {\"rationale\": \"@\"}}}}}",
     "$.forces.rivalry.drivers.exit_barriers.rationale", false},
    {"{\"smbstrat\": 1, \"forces\": {\"rivalry\": {\"drivers\": {\"exit_barriers\": {\"@\": 1}}}}}",
     "$.forces.rivalry.drivers.exit_barriers", true},
};
enum { POSITIONS = sizeof positions / sizeof positions[0] };

/* Byte sequences that are not UTF-8, one of each kind the decoder must
 * catch. */
static const char *const bad_utf8[] = {
    "\xC3\x28",         /* lead byte followed by a non-continuation */
    "\xC0\x80",         /* overlong encoding of NUL */
    "\xE0\x80\xAF",     /* overlong '/' */
    "\xED\xA0\x80",     /* UTF-16 surrogate U+D800 */
    "\xF4\x90\x80\x80", /* U+110000, past the last code point */
    "\x80",             /* continuation byte with no lead */
    "\xE2\x82",         /* sequence cut short by the closing quote */
    "\xFF",             /* never valid */
};
enum { BAD_UTF8 = sizeof bad_utf8 / sizeof bad_utf8[0] };

/* The template with '@' replaced by `what`. */
static char *fill(const char *tmpl, const char *what)
{
    const char *at = strchr(tmpl, '@');
    ck_assert_ptr_nonnull(at);
    size_t head = (size_t)(at - tmpl), k = strlen(what);
    char *out = malloc(strlen(tmpl) + k);
    ck_assert_ptr_nonnull(out);
    memcpy(out, tmpl, head);
    memcpy(out + head, what, k);
    strcpy(out + head + k, at + 1);
    return out;
}

static void assert_path(const char *expected, bool prefix)
{
    const char *path = smb_last_error_info()->path;
    ck_assert_ptr_nonnull(path);
    if (prefix)
        ck_assert_msg(strncmp(path, expected, strlen(expected)) == 0,
                      "path %s does not start with %s", path, expected);
    else
        ck_assert_str_eq(path, expected);
}

START_TEST(invalid_utf8_in_every_position)
{
    size_t pos = (size_t)_i / BAD_UTF8, kind = (size_t)_i % BAD_UTF8;
    char *text = fill(positions[pos].tmpl, bad_utf8[kind]);
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string(text, strlen(text), &doc), SMB_EPARSE,
                    "not valid UTF-8");
    ck_assert_ptr_null(doc);
    assert_path(positions[pos].path, positions[pos].is_key);
    /* The column is that of the first byte of the bad sequence: where
     * the '@' of the template was (the templates are ASCII, so columns
     * are bytes). */
    const smb_error *e = smb_last_error_info();
    ck_assert_int_eq(e->line, 1);
    size_t at = (size_t)(strchr(positions[pos].tmpl, '@') - positions[pos].tmpl) + 1;
    ck_assert_int_eq(e->column, (int)at);
    free(text);
}
END_TEST

START_TEST(nul_escape_in_every_position)
{
    char *text = fill(positions[_i].tmpl, "a\\u0000b");
    smb_document *doc = NULL;
    smb_status st = smb_document_load_string(text, strlen(text), &doc);
    ck_assert_int_eq(st, SMB_EPARSE);
    ck_assert_ptr_null(doc);
    /* Values: "strings may not hold the NUL character \u0000"; keys:
     * jansson's own "NUL byte in object key not supported". */
    ck_assert_msg(strstr(smb_last_error(), "NUL") != NULL, "message: %s", smb_last_error());
    assert_path(positions[_i].path, positions[_i].is_key);
    free(text);
}
END_TEST

START_TEST(raw_nul_byte_in_a_string)
{
    /* The length, not a terminator, ends the input: a NUL byte inside a
     * string is a control character and refused as such. */
    static const char text[] = "{\"smbstrat\": 1, \"canvas\": {\"name\": \"a\0b\"}}";
    smb_document *doc = NULL;
    TH_ASSERT_FAILS(smb_document_load_string(text, sizeof text - 1, &doc), SMB_EPARSE,
                    "control character 0x0");
    assert_path("$.canvas.name", false);
    ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(invalid_utf8_through_the_api)
{
    text_field field = (text_field)(_i / BAD_UTF8);
    const char *bad = bad_utf8[_i % BAD_UTF8];
    char *value = cat("ok ", bad, " ok", (const char *)NULL);
    fixture fx;
    fixture_make(&fx);
    char *message = cat(fields[field].name, ": not valid UTF-8", (const char *)NULL);
    TH_ASSERT_FAILS(set_field(&fx, field, value), SMB_EINVAL, message);
    fixture_assert_unchanged(&fx);
    fixture_free(&fx);
    free(message);
    free(value);
}
END_TEST

START_TEST(non_ascii_ids_are_refused)
{
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    /* Valid UTF-8 is still not an id; invalid UTF-8 is refused the same
     * way, and the message never echoes raw bytes past the id rule. */
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "caf\xC3\xA9", "t"), SMB_EINVAL,
                    "use only ASCII letters, digits");
    TH_ASSERT_FAILS(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "x\xFF", "t"), SMB_EINVAL,
                    "use only ASCII letters, digits");
    ck_assert_uint_eq(smb_canvas_item_total(c), 0);
    smb_canvas_free(c);
}
END_TEST

START_TEST(edge_code_points_are_accepted)
{
    /* U+007F, U+0080, U+07FF, U+0800, U+FFFD, U+10000 and U+10FFFF: the
     * first and last of each encoded length. */
    static const char text[] =
        "\x7F \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xEF\xBF\xBD \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF";
    smb_canvas *c = NULL;
    TH_OK(smb_canvas_new(&c));
    TH_OK(smb_canvas_add_item(c, SMB_BLOCK_CHANNELS, "edge", text));
    smb_document *doc = NULL;
    TH_OK(smb_document_new(&doc));
    TH_OK(smb_document_set_canvas(doc, c));
    assert_round_trips(doc);
    char *saved = NULL;
    size_t len = 0;
    TH_OK(smb_document_save_string(doc, &saved, &len));
    smb_document *again = NULL;
    TH_OK(smb_document_load_string(saved, len, &again));
    ck_assert_str_eq(smb_item_text(smb_canvas_find(smb_document_canvas_const(again), "edge")),
                     text);
    smb_document_free(again);
    smb_free(saved);
    smb_document_free(doc);
    smb_canvas_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("limits");

    TCase *tc = tcase_create("size_and_depth");
    tcase_add_test(tc, document_size_at_and_past_the_limit);
    tcase_add_test(tc, document_size_of_a_file);
    tcase_add_test(tc, nesting_at_the_limit_is_a_schema_error);
    tcase_add_test(tc, nesting_past_the_limit);
    tcase_add_test(tc, nesting_past_the_parser_limit);
    suite_add_tcase(s, tc);

    tc = tcase_create("lengths_and_counts");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, id_length_through_the_api);
    tcase_add_test(tc, id_length_in_a_document);
    tcase_add_loop_test(tc, text_length_of_every_field, 0, F_COUNT);
    tcase_add_test(tc, text_length_in_a_document);
    tcase_add_test(tc, tags_at_and_past_the_limit);
    tcase_add_test(tc, links_at_and_past_the_limit);
    tcase_add_test(tc, links_in_a_document);
    tcase_add_test(tc, forces_lengths_in_a_document);
    tcase_add_test(tc, custom_drivers_in_a_document);
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_test(tc, huge_amounts_through_the_api);
    tcase_add_test(tc, huge_numbers_of_the_forces);
    tcase_add_test(tc, huge_numbers_in_a_document);
    suite_add_tcase(s, tc);

    tc = tcase_create("strings");
    tcase_add_loop_test(tc, empty_text_fields, 0, F_COUNT);
    tcase_add_test(tc, empty_ids);
    tcase_add_test(tc, empty_strings_in_a_document);
    tcase_add_loop_test(tc, invalid_utf8_in_every_position, 0, POSITIONS * BAD_UTF8);
    tcase_add_loop_test(tc, nul_escape_in_every_position, 0, POSITIONS);
    tcase_add_test(tc, raw_nul_byte_in_a_string);
    tcase_add_loop_test(tc, invalid_utf8_through_the_api, 0, F_COUNT * BAD_UTF8);
    tcase_add_test(tc, non_ascii_ids_are_refused);
    tcase_add_test(tc, edge_code_points_are_accepted);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
