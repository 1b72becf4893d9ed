/* SPDX-License-Identifier: MIT */
/*
 * Positions in JSON text. jansson keeps no source positions for the values
 * it builds, so errors found after parsing (schema, range, duplicate ids,
 * dangling links) find their line and column again by walking the original
 * text along the value's path. These are scanners that skip over values,
 * not a parser: jansson has already checked the text (except in
 * smb__json_path_at, which only reads the prefix jansson accepted).
 */
#ifndef SMB_JSON_LOCATE_H
#define SMB_JSON_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

/* One step of a JSON path: an object member (key != NULL) or an array
 * element (key == NULL, index). A key is either a decoded string of
 * key_len bytes (escaped == false, as jansson hands them out) or a slice of
 * JSON text between the quotes with its escapes still in it. */
typedef struct smb__json_step {
    const char *key;
    size_t key_len;
    bool escaped;
    size_t index;
} smb__json_step;

/* The byte offset in text[0..len) (well-formed JSON) of the value reached
 * by steps[0..n), or, when at_name is set and the last step is a key, of
 * that member's name. Decoded keys only. False if the path is not there. */
bool smb__json_locate(const char *text, size_t len, const smb__json_step *steps, size_t n,
                      bool at_name, size_t *offset);

/* The path of the innermost value being read when the text up to `offset`
 * has been consumed; the text after offset is ignored, so it may be
 * malformed there. Keys point into text (escaped == true). Stores at most
 * `cap` steps and returns how many it stored. */
size_t smb__json_path_at(const char *text, size_t len, size_t offset, smb__json_step *steps,
                         size_t cap);

/* 1-based line and column of a byte offset (clamped to len). Lines end at
 * '\n'; columns count characters (UTF-8 sequences), as jansson does. */
void smb__json_line_column(const char *text, size_t len, size_t offset, int *line,
                           int *column);

/* Write "$.canvas.channels[2].importance" into buf (NUL-terminated, cut
 * short when cap is too small). Keys that are not plain identifiers are
 * written as ["..."] with JSON escapes. */
void smb__json_path_format(const smb__json_step *steps, size_t n, char *buf, size_t cap);

#endif /* SMB_JSON_LOCATE_H */
