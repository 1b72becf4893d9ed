/* SPDX-License-Identifier: MIT */
/* The -o of the report commands (validate, score, plan, diff): they print
 * on standard output, so -o points standard output at a temporary file
 * beside the target for as long as they print, and renames it over the
 * target only when the report is complete. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_redirect_begin(cli_redirect *r, const char *path, const cli_ctx **ctx)
{
    r->path = NULL;
    r->tmp = NULL;
    r->fd = -1;
    r->saved_stdout = -1;
    if (cli_is_stdout(path))
        return CLI_EXIT_OK;
    r->file_ctx = **ctx;
    cli_ctx_for_file(&r->file_ctx);
    *ctx = &r->file_ctx;
    r->fd = cli_open_beside(path, &r->tmp);
    if (r->fd < 0)
        return CLI_EXIT_IO;
    /* What is buffered so far belongs to the old standard output. */
    if (fflush(stdout) != 0 || (r->saved_stdout = dup(STDOUT_FILENO)) < 0 ||
        dup2(r->fd, STDOUT_FILENO) < 0) {
        int saved = errno;
        if (r->saved_stdout >= 0)
            close(r->saved_stdout);
        cli_commit_beside(r->fd, r->tmp, path, 0);
        cli_error("cannot write '%s': %s", path, strerror(saved));
        return CLI_EXIT_IO;
    }
    r->path = path;
    return CLI_EXIT_OK;
}

int cli_redirect_end(cli_redirect *r, int rc)
{
    const char *path = r->path;
    int written, keep, committed, saved;

    if (!path)
        return rc;
    r->path = NULL;
    written = fflush(stdout) == 0 && !ferror(stdout);
    saved = errno;
    clearerr(stdout);
    dup2(r->saved_stdout, STDOUT_FILENO);
    close(r->saved_stdout);
    keep = written && (rc == CLI_EXIT_OK || rc == CLI_EXIT_FINDINGS);
    committed = cli_commit_beside(r->fd, r->tmp, path, keep);
    if (!written) {
        cli_error("cannot write '%s': %s", path, strerror(saved));
        return CLI_EXIT_IO;
    }
    return committed != CLI_EXIT_OK ? committed : rc;
}
