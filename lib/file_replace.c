/* SPDX-License-Identifier: MIT */
/*
 * Replacing a file atomically (file_io.h): the new contents go to a
 * temporary file ".NAME.XXXXXX" beside the target, are flushed to disk,
 * and the temporary file is renamed over the target, so that a reader,
 * a crash or a full disk sees either the old file or the new one, never a
 * mixture. Every call goes through smb__io, where the data-safety tests
 * make each step fail in turn.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "document_internal.h"
#include "file_io.h"

static smb_status io_failure(const char *path, const char *step, int errnum)
{
    char why[128];
    return smb__fail_at(SMB_EIO, path, NULL, 0, 0, "%s: %s", step,
                        smb__os_error(errnum, why, sizeof why));
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = smb__io->write(fd, data, len);
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

/* Flush the directory entry of the rename too. A failure here is not
 * reported: the file is already replaced and complete, so the call cannot
 * fail without breaking its all-or-nothing promise, and several file
 * systems refuse fsync on a directory (EINVAL) although their renames are
 * durable. */
static void sync_directory(char *tmp, size_t dir_len)
{
    char keep = tmp[dir_len];
    tmp[dir_len] = '\0';
    int fd = smb__io->open(dir_len ? tmp : ".", O_RDONLY | O_CLOEXEC);
    tmp[dir_len] = keep;
    if (fd >= 0) {
        (void)smb__io->fsync(fd);
        (void)smb__io->close(fd);
    }
}

/* The temporary name ".NAME.XXXXXX" beside path; long names are cut so that
 * it stays within NAME_MAX. */
static char *temporary_name(const char *path, size_t dir_len)
{
    const char *base = path + dir_len;
    size_t base_len = strlen(base);
    if (base_len > 200)
        base_len = 200;
    static const char suffix[] = ".XXXXXX";
    char *tmp = smb__malloc(dir_len + 1 + base_len + sizeof suffix);
    if (!tmp)
        return NULL;
    memcpy(tmp, path, dir_len);
    tmp[dir_len] = '.';
    memcpy(tmp + dir_len + 1, base, base_len);
    memcpy(tmp + dir_len + 1 + base_len, suffix, sizeof suffix);
    return tmp;
}

/* Write, flush and close the temporary file; on failure, the step that
 * failed and its errno. */
static const char *fill(int fd, mode_t mode, const char *data, size_t len, int *errnum)
{
    const char *step = NULL;
    if (smb__io->set_cloexec(fd) != 0 || smb__io->fchmod(fd, mode) != 0)
        step = "cannot set the mode of the temporary file";
    else if (write_all(fd, data, len) != 0)
        step = "cannot write";
    else if (smb__io->fsync(fd) != 0)
        step = "cannot flush to disk";
    *errnum = errno;
    /* close() reports the errors of delayed writes (NFS, quotas), so a
     * failure is a failed save; a close after a failure only releases. */
    if (smb__io->close(fd) != 0 && !step) {
        step = "cannot close the temporary file";
        *errnum = errno;
    }
    return step;
}

smb_status smb__replace_file(const char *path, const char *data, size_t len)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    if (!path[dir_len])
        return io_failure(path, "cannot save", EISDIR);

    /* The new file keeps the permissions of the one it replaces. Only a
     * regular file is replaced: renaming over a device, a pipe or a socket
     * would put a file in its place (as root, /dev/null itself). */
    struct stat sb;
    mode_t mode = 0644;
    if (smb__io->stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return io_failure(path, "cannot save", EISDIR);
        if (!S_ISREG(sb.st_mode))
            return smb__fail_at(SMB_EIO, path, NULL, 0, 0,
                                "cannot save: not a regular file (a device, a pipe or a "
                                "socket), which saving would replace with one");
        mode = sb.st_mode & 07777;
    }

    char *tmp = temporary_name(path, dir_len);
    if (!tmp)
        return smb__nomem();
    int fd = smb__io->mkstemp(tmp);
    if (fd < 0) {
        smb_status st = io_failure(path, "cannot create a temporary file beside it", errno);
        smb__free(tmp);
        return st;
    }
    int errnum = 0;
    const char *step = fill(fd, mode, data, len, &errnum);
    if (!step && smb__io->rename(tmp, path) != 0) {
        step = "cannot replace the file";
        errnum = errno;
    }
    smb_status st = SMB_OK;
    if (step) {
        (void)smb__io->unlink(tmp);
        st = io_failure(path, step, errnum);
    } else {
        sync_directory(tmp, dir_len);
    }
    smb__free(tmp);
    return st;
}
