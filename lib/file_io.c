/* SPDX-License-Identifier: MIT */
/*
 * The table of file-system calls (file_io.h) and its real members. open()
 * and fcntl() are variadic, so they get fixed-signature wrappers.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"

static int real_open(const char *path, int flags)
{
    return open(path, flags);
}

static int real_set_cloexec(int fd)
{
    return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

static const smb__io_hooks real_hooks = {
    .open = real_open,
    .mkstemp = mkstemp,
    .stat = stat,
    .fstat = fstat,
    .set_cloexec = real_set_cloexec,
    .fchmod = fchmod,
    .read = read,
    .write = write,
    .fsync = fsync,
    .close = close,
    .rename = rename,
    .unlink = unlink,
};

const smb__io_hooks *smb__io = &real_hooks;

const smb__io_hooks *smb__io_hooks_real(void)
{
    return &real_hooks;
}

void smb__io_hooks_set(const smb__io_hooks *hooks)
{
    smb__io = hooks ? hooks : &real_hooks;
}
