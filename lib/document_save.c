/* SPDX-License-Identifier: MIT */
/*
 * Saving a document in the one layout of docs/format.md ("Saved layout"):
 * fixed key order, 2-space indent, arrays one element per line, a final
 * newline. The layout is the one Python's json.dumps(indent=2,
 * ensure_ascii=False) gives for the same data, so that the text is
 * canonical: a saved document saved again is byte-identical. This file
 * writes the top level and the canvas and dispatches the other sections
 * (document_forces.c, document_resilience.c, document_scenarios.c,
 * document_responses.c, document_settings.c); the pieces of the layout are
 * in document_write.c.
 * Then the atomic replacement of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document_internal.h"

static void string_array(smb_buf *b, int level, const smb_item *item, size_t count,
                         const char *(*get)(const smb_item *, size_t))
{
    smb__buf_puts(b, "[");
    for (size_t i = 0; i < count; i++) {
        smb__buf_puts(b, i ? ",\n" : "\n");
        smb__doc_indent(b, level + 1);
        smb__doc_put_string(b, get(item, i));
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "]");
}

static void put_item(smb_buf *b, int level, const smb_item *item)
{
    bool first = true;
    smb__buf_puts(b, "{");
    smb__doc_member(b, level + 1, &first, "id");
    smb__doc_put_string(b, smb_item_id(item));
    smb__doc_member(b, level + 1, &first, "text");
    smb__doc_put_string(b, smb_item_text(item));
    const char *notes = smb_item_notes(item);
    if (notes && notes[0]) {
        smb__doc_member(b, level + 1, &first, "notes");
        smb__doc_put_string(b, notes);
    }
    if (smb_item_tag_count(item) > 0) {
        smb__doc_member(b, level + 1, &first, "tags");
        string_array(b, level + 1, item, smb_item_tag_count(item), smb_item_tag);
    }
    smb__doc_member(b, level + 1, &first, "importance");
    smb__buf_printf(b, "%d", smb_item_importance(item));
    smb__doc_member(b, level + 1, &first, "evidence");
    smb__doc_put_string(b, smb_evidence_key(smb_item_evidence(item)));
    if (smb_item_has_amount(item)) {
        smb__doc_member(b, level + 1, &first, "amount");
        smb__doc_put_number(b, smb_item_amount(item));
    }
    if (smb_item_kind(item) != SMB_KIND_NONE) {
        smb__doc_member(b, level + 1, &first, "kind");
        smb__doc_put_string(b, smb_amount_kind_key(smb_item_kind(item)));
    }
    if (smb_item_link_count(item) > 0) {
        smb__doc_member(b, level + 1, &first, "links");
        string_array(b, level + 1, item, smb_item_link_count(item), smb_item_link);
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "}");
}

static void put_canvas(smb_buf *b, int level, const smb_canvas *canvas)
{
    bool first = true;
    smb__buf_puts(b, "{");
    const char *name = smb_canvas_name(canvas);
    if (name && name[0]) {
        smb__doc_member(b, level + 1, &first, "name");
        smb__doc_put_string(b, name);
    }
    const char *description = smb_canvas_description(canvas);
    if (description && description[0]) {
        smb__doc_member(b, level + 1, &first, "description");
        smb__doc_put_string(b, description);
    }
    for (int k = 0; k < SMB_BLOCK_COUNT; k++) {
        smb_block block = (smb_block)k;
        size_t count = smb_canvas_item_count(canvas, block);
        smb__doc_member(b, level + 1, &first, smb_block_key(block));
        if (count == 0) {
            smb__buf_puts(b, "[]");
            continue;
        }
        smb__buf_puts(b, "[");
        for (size_t i = 0; i < count; i++) {
            smb__buf_puts(b, i ? ",\n" : "\n");
            smb__doc_indent(b, level + 2);
            put_item(b, level + 2, smb_canvas_item_at(canvas, block, i));
        }
        smb__buf_puts(b, "\n");
        smb__doc_indent(b, level + 1);
        smb__buf_puts(b, "]");
    }
    smb__buf_puts(b, "\n");
    smb__doc_indent(b, level);
    smb__buf_puts(b, "}");
}

smb_status smb_document_save_string(const smb_document *doc, char **out, size_t *length)
{
    if (!doc || !out)
        return smb__fail(SMB_EINVAL, "smb_document_save_string: %s must not be NULL",
                         !doc ? "doc" : "out");
    smb_buf b;
    smb__buf_init(&b);
    bool first = true;
    smb__buf_puts(&b, "{");
    smb__doc_member(&b, 1, &first, "smbstrat");
    smb__buf_printf(&b, "%d", SMB_FORMAT_VERSION);
    if (doc->canvas) {
        smb__doc_member(&b, 1, &first, "canvas");
        put_canvas(&b, 1, doc->canvas);
    }
    if (doc->forces) {
        smb__doc_member(&b, 1, &first, "forces");
        smb__doc_save_forces(&b, 1, doc->forces);
    }
    if (doc->resilience) {
        smb__doc_member(&b, 1, &first, "resilience");
        smb__doc_save_resilience(&b, 1, doc->resilience);
    }
    if (doc->scenarios) {
        smb__doc_member(&b, 1, &first, "scenarios");
        smb__doc_save_scenarios(&b, 1, doc->scenarios);
    }
    if (doc->responses) {
        smb__doc_member(&b, 1, &first, "responses");
        smb__doc_save_responses(&b, 1, doc->responses);
    }
    if (smb__doc_has_settings(doc)) {
        smb__doc_member(&b, 1, &first, "settings");
        smb__doc_save_settings(&b, 1, doc);
    }
    smb__buf_puts(&b, "\n}\n");
    return smb__buf_finish(&b, out, length);
}

/* ---- atomic file replacement -------------------------------------------- */

static smb_status io_failure(const char *path, const char *what, int errnum)
{
    char why[128];
    return smb__fail_at(SMB_EIO, path, NULL, 0, 0, "%s: %s", what,
                        smb__os_error(errnum, why, sizeof why));
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Flush the directory entry of the rename too; a failure here cannot undo
 * the save, so it is not reported. */
static void sync_directory(char *tmp, size_t dir_len)
{
    char keep = tmp[dir_len];
    tmp[dir_len] = '\0';
    int fd = open(dir_len ? tmp : ".", O_RDONLY | O_CLOEXEC);
    tmp[dir_len] = keep;
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Write data to a fresh file beside path and rename it over path. */
static smb_status replace_file(const char *path, const char *data, size_t len)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    if (!*base)
        return io_failure(path, "cannot save", EISDIR);

    struct stat sb;
    mode_t mode = 0644;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return io_failure(path, "cannot save", EISDIR);
        mode = sb.st_mode & 07777;
    }

    /* ".NAME.XXXXXX" beside the target; long names are cut so that the
     * temporary name stays within NAME_MAX. */
    size_t base_len = strlen(base);
    if (base_len > 200)
        base_len = 200;
    static const char suffix[] = ".XXXXXX";
    char *tmp = smb__malloc(dir_len + 1 + base_len + sizeof suffix);
    if (!tmp)
        return smb__nomem();
    memcpy(tmp, path, dir_len);
    tmp[dir_len] = '.';
    memcpy(tmp + dir_len + 1, base, base_len);
    memcpy(tmp + dir_len + 1 + base_len, suffix, sizeof suffix);

    int fd = mkstemp(tmp);
    if (fd < 0) {
        smb_status st = io_failure(path, "cannot create a temporary file beside it", errno);
        smb__free(tmp);
        return st;
    }
    const char *step = "cannot set the mode of the temporary file";
    int failed = fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || fchmod(fd, mode) != 0;
    if (!failed) {
        step = "cannot write";
        failed = write_all(fd, data, len) != 0;
    }
    if (!failed) {
        step = "cannot flush to disk";
        failed = fsync(fd) != 0;
    }
    int saved = errno;
    if (close(fd) != 0 && !failed) {
        step = "cannot write";
        failed = 1;
        saved = errno;
    }
    if (!failed) {
        step = "cannot replace the file";
        failed = rename(tmp, path) != 0;
        saved = errno;
    }
    smb_status st = SMB_OK;
    if (failed) {
        unlink(tmp);
        st = io_failure(path, step, saved);
    } else {
        sync_directory(tmp, dir_len);
    }
    smb__free(tmp);
    return st;
}

smb_status smb_document_save_file(const smb_document *doc, const char *path)
{
    if (!doc || !path || !*path)
        return smb__fail(SMB_EINVAL, "smb_document_save_file: %s",
                         !doc ? "doc must not be NULL"
                              : !path ? "path must not be NULL" : "path must not be empty");
    char *text;
    size_t len;
    smb_status st = smb_document_save_string(doc, &text, &len);
    if (st != SMB_OK)
        return st;
    st = replace_file(path, text, len);
    smb__free(text);
    return st;
}
