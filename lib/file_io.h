/* SPDX-License-Identifier: MIT */
/*
 * The file-system calls of the library go through one table, so that the
 * data-safety tests (tests/c/test_save_faults.c) can make any of them fail,
 * or stop the process, at any step of a save or a load, without
 * LD_PRELOAD and without privileges. The library only reads the table;
 * tests that link the library's objects directly replace it with
 * smb__io_hooks_set() before they start threads. Never installed and never
 * exported (the symbols are hidden and absent from libsmbstrat.map).
 */
#ifndef SMB_FILE_IO_H
#define SMB_FILE_IO_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "internal.h"

/* One member per call, each with the meaning (and errno on failure) of the
 * POSIX call of the same name. */
typedef struct smb__io_hooks {
    int (*open)(const char *path, int flags); /* never creates: no mode */
    int (*mkstemp)(char *name);
    int (*stat)(const char *path, struct stat *sb);
    int (*fstat)(int fd, struct stat *sb);
    int (*set_cloexec)(int fd); /* fcntl(fd, F_SETFD, FD_CLOEXEC) */
    int (*fchmod)(int fd, mode_t mode);
    ssize_t (*read)(int fd, void *buf, size_t count);
    ssize_t (*write)(int fd, const void *buf, size_t count);
    int (*fsync)(int fd);
    int (*close)(int fd);
    int (*rename)(const char *from, const char *to);
    int (*unlink)(const char *path);
} smb__io_hooks;

/* The calls in use: the real ones unless a test replaced them. */
extern const smb__io_hooks *smb__io;

/* The real calls. */
const smb__io_hooks *smb__io_hooks_real(void);
/* Use `hooks` (which must outlive its use) for every later call; NULL
 * restores the real calls. For tests only, while no other thread is in the
 * library. */
void smb__io_hooks_set(const smb__io_hooks *hooks);

/* Replace the file at `path` with `len` bytes of `data`, atomically: write a
 * temporary file beside it, flush it to disk, rename it over `path`, flush
 * the directory (file_replace.c). On failure the previous file is intact,
 * the temporary file is removed, and the error (SMB_EIO, or SMB_ENOMEM) is
 * recorded with `path` as its file and the failed step in its message. */
smb_status smb__replace_file(const char *path, const char *data, size_t len);

#endif /* SMB_FILE_IO_H */
