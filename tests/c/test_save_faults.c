/* SPDX-License-Identifier: MIT */
/*
 * Data safety: saving never loses the previous document. Every file-system
 * call of a save (and of a load) goes through the library's table of calls
 * (lib/file_io.h); this suite replaces it to make each step fail in turn,
 * with the errno a full, read-only or failing disk gives, and to kill the
 * process (SIGKILL) before each step. After a failure the old file is
 * byte-identical, no temporary file is left, no descriptor leaks, and the
 * error is SMB_EIO naming the file and the step. After a kill the file is
 * the old one or the complete new one. The suite links the library's
 * objects itself (tests/c/meson.build), since the table is not exported.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file_io.h"
#include "harness.h"

/* ---- the fault-injecting calls ------------------------------------------- */

typedef enum call {
    CALL_OPEN,
    CALL_MKSTEMP,
    CALL_STAT,
    CALL_FSTAT,
    CALL_CLOEXEC,
    CALL_FCHMOD,
    CALL_READ,
    CALL_WRITE,
    CALL_FSYNC,
    CALL_CLOSE,
    CALL_RENAME,
    CALL_UNLINK,
    CALL_COUNT
} call;

static const char *const call_names[CALL_COUNT] = {
    "open", "mkstemp", "stat",  "fstat", "set_cloexec", "fchmod",
    "read", "write",   "fsync", "close", "rename",      "unlink",
};

/* What the hooks do; reset by plan_reset(). */
static struct {
    long calls[CALL_COUNT]; /* calls so far, per kind */
    long steps;             /* calls so far, of every kind */
    call fail_call;         /* this call ... */
    long fail_nth;          /* ... fails on its nth use (0: never) ... */
    int fail_errno;         /* ... with this errno */
    bool fail_later_too;    /* and on every later use */
    long kill_at;           /* SIGKILL before the nth call of any kind (0: never) */
    size_t chunk;           /* most bytes one read() or write() takes (0: all) */
    long space;             /* bytes the "disk" takes before ENOSPC (-1: no limit) */
    int eintr_every;        /* every nth read/write is interrupted (0: none) */
    long open_fds;          /* descriptors opened and not closed */
} plan;

static void plan_reset(void)
{
    memset(&plan, 0, sizeof plan);
    plan.fail_call = CALL_COUNT;
    plan.space = -1;
}

/* Count the call; SIGKILL or refuse it when the plan says so. Returns
 * whether the call is to fail (errno set). */
static bool inject(call c)
{
    plan.steps++;
    long nth = ++plan.calls[c];
    if (plan.kill_at > 0 && plan.steps >= plan.kill_at)
        raise(SIGKILL);
    if (c == plan.fail_call && plan.fail_nth > 0 &&
        (nth == plan.fail_nth || (plan.fail_later_too && nth > plan.fail_nth))) {
        errno = plan.fail_errno;
        return true;
    }
    if (plan.eintr_every > 0 && (c == CALL_READ || c == CALL_WRITE) &&
        nth % plan.eintr_every == 0) {
        errno = EINTR;
        return true;
    }
    return false;
}

static const smb__io_hooks *real(void)
{
    return smb__io_hooks_real();
}

static int h_open(const char *path, int flags)
{
    if (inject(CALL_OPEN))
        return -1;
    int fd = real()->open(path, flags);
    plan.open_fds += fd >= 0;
    return fd;
}

static int h_mkstemp(char *name)
{
    if (inject(CALL_MKSTEMP))
        return -1;
    int fd = real()->mkstemp(name);
    plan.open_fds += fd >= 0;
    return fd;
}

static int h_stat(const char *path, struct stat *sb)
{
    return inject(CALL_STAT) ? -1 : real()->stat(path, sb);
}

static int h_fstat(int fd, struct stat *sb)
{
    return inject(CALL_FSTAT) ? -1 : real()->fstat(fd, sb);
}

static int h_cloexec(int fd)
{
    return inject(CALL_CLOEXEC) ? -1 : real()->set_cloexec(fd);
}

static int h_fchmod(int fd, mode_t mode)
{
    return inject(CALL_FCHMOD) ? -1 : real()->fchmod(fd, mode);
}

static ssize_t h_read(int fd, void *buf, size_t count)
{
    if (inject(CALL_READ))
        return -1;
    if (plan.chunk > 0 && count > plan.chunk)
        count = plan.chunk;
    return real()->read(fd, buf, count);
}

/* Like a disk with plan.space bytes free: a write that does not fit takes
 * what fits, the next one fails with ENOSPC (what /dev/full and a full
 * file system do). */
static ssize_t h_write(int fd, const void *buf, size_t count)
{
    if (inject(CALL_WRITE))
        return -1;
    if (plan.chunk > 0 && count > plan.chunk)
        count = plan.chunk;
    if (plan.space >= 0) {
        if (plan.space == 0) {
            errno = ENOSPC;
            return -1;
        }
        if ((long)count > plan.space)
            count = (size_t)plan.space;
    }
    ssize_t n = real()->write(fd, buf, count);
    if (n > 0 && plan.space >= 0)
        plan.space -= n;
    return n;
}

static int h_fsync(int fd)
{
    return inject(CALL_FSYNC) ? -1 : real()->fsync(fd);
}

/* A failing close still releases the descriptor, as close() does on
 * Linux. */
static int h_close(int fd)
{
    bool fail = inject(CALL_CLOSE);
    int saved = errno;
    int rc = real()->close(fd);
    plan.open_fds -= rc == 0;
    if (fail) {
        errno = saved;
        return -1;
    }
    return rc;
}

static int h_rename(const char *from, const char *to)
{
    return inject(CALL_RENAME) ? -1 : real()->rename(from, to);
}

static int h_unlink(const char *path)
{
    return inject(CALL_UNLINK) ? -1 : real()->unlink(path);
}

static const smb__io_hooks hooks = {
    .open = h_open,
    .mkstemp = h_mkstemp,
    .stat = h_stat,
    .fstat = h_fstat,
    .set_cloexec = h_cloexec,
    .fchmod = h_fchmod,
    .read = h_read,
    .write = h_write,
    .fsync = h_fsync,
    .close = h_close,
    .rename = h_rename,
    .unlink = h_unlink,
};

/* ---- a scratch directory with an old document in it ---------------------- */

typedef struct scratch {
    char dir[128];
    char path[192];  /* dir/plan.json, the file being replaced */
    char *old_text;  /* its bytes before the save */
    size_t old_len;
    smb_document *doc; /* the document saved over it */
    char *new_text;    /* what a complete save writes */
    size_t new_len;
} scratch;

static char *slurp(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len + 4096 + 1 > cap) {
            cap = 2 * cap + 4096 + 1;
            text = realloc(text, cap);
            ck_assert(text != NULL);
        }
        got = fread(text + len, 1, 4096, f);
        len += got;
    } while (got > 0);
    fclose(f);
    text[len] = '\0';
    if (length)
        *length = len;
    return text;
}

static void put_old_file(const scratch *s)
{
    FILE *f = fopen(s->path, "wb");
    ck_assert(f != NULL);
    ck_assert_uint_eq(fwrite(s->old_text, 1, s->old_len, f), s->old_len);
    ck_assert_int_eq(fclose(f), 0);
}

/* The old file is minimal.json; the new document is full.json, large
 * enough (several kilobytes) for a save to take many writes. */
static void scratch_make(scratch *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s/smb-faults-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert(mkdtemp(s->dir) != NULL);
    snprintf(s->path, sizeof s->path, "%s/plan.json", s->dir);
    s->old_text = th_read_data("minimal.json", &s->old_len);
    put_old_file(s);
    ck_assert_int_eq(chmod(s->path, 0640), 0);
    TH_OK(smb_document_load_file(th_data_path("full.json"), &s->doc));
    TH_OK(smb_document_save_string(s->doc, &s->new_text, &s->new_len));
    ck_assert_uint_gt(s->new_len, 4 * 1024);
}

/* The names in the scratch directory other than plan.json, joined with a
 * space ("" when there are none). */
static void strays(const scratch *s, char *out, size_t cap)
{
    DIR *d = opendir(s->dir);
    ck_assert(d != NULL);
    out[0] = '\0';
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
            !strcmp(e->d_name, "plan.json"))
            continue;
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%s", used ? " " : "", e->d_name);
    }
    closedir(d);
}

static void assert_no_strays(const scratch *s)
{
    char names[512];
    strays(s, names, sizeof names);
    ck_assert_msg(names[0] == '\0', "left behind in %s: %s", s->dir, names);
}

static void assert_old_file(const scratch *s)
{
    size_t len;
    char *text = slurp(s->path, &len);
    ck_assert_msg(len == s->old_len && memcmp(text, s->old_text, len) == 0,
                  "the previous file changed (%zu bytes, was %zu)", len, s->old_len);
    free(text);
}

/* The file holds the complete new document, which loads back equal. */
static void assert_new_file(const scratch *s)
{
    size_t len;
    char *text = slurp(s->path, &len);
    ck_assert_msg(len == s->new_len && memcmp(text, s->new_text, len) == 0,
                  "the saved file is not the complete document (%zu of %zu bytes)", len,
                  s->new_len);
    free(text);
    smb_document *again = NULL;
    TH_OK(smb_document_load_file(s->path, &again));
    ck_assert(smb_canvas_equal(smb_document_canvas_const(again),
                               smb_document_canvas_const(s->doc)));
    ck_assert(smb_forces_equal(smb_document_forces_const(again),
                               smb_document_forces_const(s->doc)));
    smb_document_free(again);
}

/* Free the scratch's memory (and leave its directory). */
static void scratch_release(scratch *s)
{
    free(s->old_text);
    smb_free(s->new_text);
    smb_document_free(s->doc);
}

static void scratch_remove(scratch *s)
{
    smb__io_hooks_set(NULL);
    DIR *d = opendir(s->dir);
    if (d) {
        struct dirent *e;
        char path[512];
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            snprintf(path, sizeof path, "%s/%s", s->dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(s->dir);
    scratch_release(s);
}

/* The message is exactly "<path>: <step>: <strerror(errnum)>" and the
 * error record names the file. */
static void assert_io_error(smb_status st, const scratch *s, const char *step, int errnum)
{
    char expected[512];
    snprintf(expected, sizeof expected, "%s: %s: %s", s->path, step, strerror(errnum));
    ck_assert_msg(st == SMB_EIO, "expected SMB_EIO, got %s (%s)", smb_status_name(st),
                  smb_last_error());
    ck_assert_str_eq(smb_last_error(), expected);
    ck_assert_str_eq(smb_last_error_info()->file, s->path);
}

/* Save with the plan in force and then the real calls back. */
static smb_status save(const scratch *s)
{
    long live = th_alloc_live();
    smb__io_hooks_set(&hooks);
    smb_status st = smb_document_save_file(s->doc, s->path);
    smb__io_hooks_set(NULL);
    ck_assert_msg(th_alloc_live() == live, "the save leaked %ld block(s)",
                  th_alloc_live() - live);
    return st;
}

/* The calls of one clean save with writes of at most `chunk` bytes. */
static long count_calls(const scratch *s, call c, size_t chunk)
{
    plan_reset();
    plan.chunk = chunk;
    ck_assert_int_eq(save(s), SMB_OK);
    ck_assert_int_eq(plan.open_fds, 0);
    long n = c == CALL_COUNT ? plan.steps : plan.calls[c];
    put_old_file(s);
    return n;
}

/* ---- one failure at each step of a save ---------------------------------- */

typedef struct fault {
    call call;
    long nth; /* 0: the last use in a clean save */
    int errnum;
    const char *step;
} fault;

static const fault faults[] = {
    /* a read-only directory, a read-only file system, no space for an
     * inode, a quota */
    {CALL_MKSTEMP, 1, EACCES, "cannot create a temporary file beside it"},
    {CALL_MKSTEMP, 1, EROFS, "cannot create a temporary file beside it"},
    {CALL_MKSTEMP, 1, ENOSPC, "cannot create a temporary file beside it"},
    {CALL_MKSTEMP, 1, EDQUOT, "cannot create a temporary file beside it"},
    {CALL_CLOEXEC, 1, EBADF, "cannot set the mode of the temporary file"},
    {CALL_FCHMOD, 1, EPERM, "cannot set the mode of the temporary file"},
    /* the disk fills or fails at the first and at the last write */
    {CALL_WRITE, 1, ENOSPC, "cannot write"},
    {CALL_WRITE, 0, ENOSPC, "cannot write"},
    {CALL_WRITE, 1, EIO, "cannot write"},
    {CALL_WRITE, 0, EDQUOT, "cannot write"},
    {CALL_WRITE, 0, EFBIG, "cannot write"},
    /* delayed allocation reports a full disk at fsync or close */
    {CALL_FSYNC, 1, EIO, "cannot flush to disk"},
    {CALL_FSYNC, 1, ENOSPC, "cannot flush to disk"},
    {CALL_CLOSE, 1, EIO, "cannot close the temporary file"},
    {CALL_CLOSE, 1, EDQUOT, "cannot close the temporary file"},
    {CALL_RENAME, 1, EACCES, "cannot replace the file"},
    {CALL_RENAME, 1, EBUSY, "cannot replace the file"},
    {CALL_RENAME, 1, EXDEV, "cannot replace the file"},
    {CALL_RENAME, 1, EIO, "cannot replace the file"},
};
enum { FAULT_COUNT = sizeof faults / sizeof faults[0] };

START_TEST(test_fault_at_step)
{
    const fault *f = &faults[_i];
    scratch s;
    scratch_make(&s);
    long nth = f->nth ? f->nth : count_calls(&s, f->call, 1024);
    plan_reset();
    plan.chunk = 1024;
    plan.fail_call = f->call;
    plan.fail_nth = nth;
    plan.fail_errno = f->errnum;
    smb_status st = save(&s);
    assert_io_error(st, &s, f->step, f->errnum);
    ck_assert_msg(plan.calls[f->call] >= nth, "%s was called %ld times, not %ld",
                  call_names[f->call], plan.calls[f->call], nth);
    ck_assert_int_eq(plan.open_fds, 0);
    assert_old_file(&s);
    assert_no_strays(&s);
    scratch_remove(&s);
}
END_TEST

/* Every write of a save in turn (a save in 1 KiB writes). */
START_TEST(test_fault_at_each_write)
{
    scratch s;
    scratch_make(&s);
    long writes = count_calls(&s, CALL_WRITE, 1024);
    /* full.json saves to more than 4 KiB: at least five writes */
    ck_assert_int_ge(writes, 5);
    for (long n = 1; n <= writes; n++) {
        plan_reset();
        plan.chunk = 1024;
        plan.fail_call = CALL_WRITE;
        plan.fail_nth = n;
        plan.fail_errno = ENOSPC;
        assert_io_error(save(&s), &s, "cannot write", ENOSPC);
        ck_assert_int_eq(plan.open_fds, 0);
        assert_old_file(&s);
        assert_no_strays(&s);
    }
    scratch_remove(&s);
}
END_TEST

/* A disk with room for only part of the document, as /dev/full is with
 * none: each size from nothing to one byte short fails, the whole fits. */
START_TEST(test_full_disk)
{
    scratch s;
    scratch_make(&s);
    const long room[] = {0, 1, 4095, 4096, (long)s.new_len / 2, (long)s.new_len - 1};
    for (size_t i = 0; i < sizeof room / sizeof room[0]; i++) {
        plan_reset();
        plan.space = room[i];
        assert_io_error(save(&s), &s, "cannot write", ENOSPC);
        ck_assert_int_eq(plan.open_fds, 0);
        assert_old_file(&s);
        assert_no_strays(&s);
    }
    plan_reset();
    plan.space = (long)s.new_len;
    ck_assert_int_eq(save(&s), SMB_OK);
    assert_new_file(&s);
    assert_no_strays(&s);
    scratch_remove(&s);
}
END_TEST

/* Interrupted and short writes are retried: the save succeeds. A write
 * that takes nothing without an error is a failure (EIO), not a loop. */
START_TEST(test_interrupted_and_short_writes)
{
    scratch s;
    scratch_make(&s);
    plan_reset();
    plan.chunk = 7;
    plan.eintr_every = 2;
    ck_assert_int_eq(save(&s), SMB_OK);
    ck_assert_int_gt(plan.calls[CALL_WRITE], (long)(s.new_len / 7));
    ck_assert_int_eq(plan.open_fds, 0);
    assert_new_file(&s);
    assert_no_strays(&s);
    scratch_remove(&s);
}
END_TEST

static ssize_t write_nothing(int fd, const void *buf, size_t count)
{
    (void)fd, (void)buf, (void)count;
    plan.calls[CALL_WRITE]++;
    return 0;
}

START_TEST(test_write_of_nothing)
{
    scratch s;
    scratch_make(&s);
    smb__io_hooks stuck = hooks;
    stuck.write = write_nothing;
    plan_reset();
    smb__io_hooks_set(&stuck);
    smb_status st = smb_document_save_file(s.doc, s.path);
    smb__io_hooks_set(NULL);
    assert_io_error(st, &s, "cannot write", EIO);
    ck_assert_int_eq(plan.calls[CALL_WRITE], 1);
    ck_assert_int_eq(plan.open_fds, 0);
    assert_old_file(&s);
    assert_no_strays(&s);
    scratch_remove(&s);
}
END_TEST

static int refuse_unlink(const char *path)
{
    (void)path;
    plan.calls[CALL_UNLINK]++;
    errno = EACCES;
    return -1;
}

/* When even the clean-up fails, the error is still the step that failed
 * first, and the temporary file (".plan.json.XXXXXX") is what remains. */
START_TEST(test_cleanup_fails_too)
{
    scratch s;
    scratch_make(&s);
    smb__io_hooks stuck = hooks;
    stuck.unlink = refuse_unlink;
    plan_reset();
    plan.fail_call = CALL_FSYNC;
    plan.fail_nth = 1;
    plan.fail_errno = EIO;
    smb__io_hooks_set(&stuck);
    smb_status st = smb_document_save_file(s.doc, s.path);
    smb__io_hooks_set(NULL);
    assert_io_error(st, &s, "cannot flush to disk", EIO);
    ck_assert_int_eq(plan.calls[CALL_UNLINK], 1);
    ck_assert_int_eq(plan.open_fds, 0);
    assert_old_file(&s);
    char names[512];
    strays(&s, names, sizeof names);
    ck_assert_msg(strncmp(names, ".plan.json.", 11) == 0 && strlen(names) == 17,
                  "left behind: '%s'", names);
    scratch_remove(&s);
}
END_TEST

/* The directory flush after the rename: when it fails (or the directory
 * cannot be opened) the file is already replaced and complete, so the save
 * succeeds (several file systems refuse fsync on a directory). */
START_TEST(test_directory_flush_failure)
{
    scratch s;
    scratch_make(&s);
    const call calls[] = {CALL_OPEN, CALL_FSYNC, CALL_CLOSE};
    const long nth[] = {1, 2, 2};
    for (int i = 0; i < 3; i++) {
        put_old_file(&s);
        plan_reset();
        plan.fail_call = calls[i];
        plan.fail_nth = nth[i];
        plan.fail_errno = EINVAL;
        ck_assert_int_eq(save(&s), SMB_OK);
        ck_assert_int_eq(plan.calls[calls[i]], nth[i]);
        ck_assert_int_eq(plan.open_fds, 0);
        assert_new_file(&s);
        assert_no_strays(&s);
    }
    scratch_remove(&s);
}
END_TEST

/* ---- loading ------------------------------------------------------------ */

typedef struct load_fault {
    call call;
    long nth;
    int errnum;
    const char *step;
} load_fault;

static const load_fault load_faults[] = {
    {CALL_OPEN, 1, EACCES, "cannot open"},
    {CALL_OPEN, 1, EMFILE, "cannot open"},
    {CALL_FSTAT, 1, EIO, "cannot read"},
    {CALL_READ, 1, EIO, "cannot read"},
    {CALL_READ, 3, EIO, "cannot read"},
    {CALL_READ, 1, EISDIR, "cannot read"},
};
enum { LOAD_FAULT_COUNT = sizeof load_faults / sizeof load_faults[0] };

/* A failed read leaves *out alone, frees what it read and closes the
 * file. The file is read in 1 KiB pieces, so the third read is inside
 * the document. */
START_TEST(test_load_fault)
{
    const load_fault *f = &load_faults[_i];
    scratch s;
    scratch_make(&s);
    long live = th_alloc_live();
    plan_reset();
    plan.chunk = 1024;
    plan.fail_call = f->call;
    plan.fail_nth = f->nth;
    plan.fail_errno = f->errnum;
    smb_document *out = s.doc;
    smb__io_hooks_set(&hooks);
    smb_status st = smb_document_load_file(th_data_path("full.json"), &out);
    smb__io_hooks_set(NULL);
    ck_assert_ptr_eq(out, s.doc);
    ck_assert_int_eq(plan.calls[f->call], f->nth);
    ck_assert_int_eq(plan.open_fds, 0);
    ck_assert_int_eq(th_alloc_live(), live);
    char expected[512];
    snprintf(expected, sizeof expected, "%s: %s: %s", th_data_path("full.json"), f->step,
             strerror(f->errnum));
    ck_assert_int_eq(st, SMB_EIO);
    ck_assert_str_eq(smb_last_error(), expected);
    scratch_remove(&s);
}
END_TEST

/* Interrupted and short reads are retried. */
START_TEST(test_load_interrupted_reads)
{
    scratch s;
    scratch_make(&s);
    plan_reset();
    plan.chunk = 7;
    plan.eintr_every = 3;
    smb_document *doc = NULL;
    smb__io_hooks_set(&hooks);
    smb_status st = smb_document_load_file(th_data_path("full.json"), &doc);
    smb__io_hooks_set(NULL);
    TH_OK(st);
    /* 7 bytes a read, and every third read interrupted */
    struct stat sb;
    ck_assert_int_eq(stat(th_data_path("full.json"), &sb), 0);
    ck_assert_int_gt(plan.calls[CALL_READ], (long)sb.st_size / 7 * 3 / 2);
    ck_assert_int_eq(plan.open_fds, 0);
    ck_assert(smb_canvas_equal(smb_document_canvas_const(doc), smb_document_canvas_const(s.doc)));
    smb_document_free(doc);
    scratch_remove(&s);
}
END_TEST

/* A device, a pipe or a socket is never replaced by a file: a FIFO made
 * here, and a character device as stat reports /dev/null (which a test
 * must not risk). Nothing is created beside them. */
static int stat_as_device(const char *path, struct stat *sb)
{
    int rc = real()->stat(path, sb);
    if (rc == 0 && strstr(path, "plan.json"))
        sb->st_mode = (sb->st_mode & ~(mode_t)S_IFMT) | S_IFCHR;
    return rc;
}

START_TEST(test_special_files_are_not_replaced)
{
    scratch s;
    scratch_make(&s);
    const char *message = "cannot save: not a regular file (a device, a pipe or a socket), "
                          "which saving would replace with one";
    char expected[512];
    snprintf(expected, sizeof expected, "%s: %s", s.path, message);

    smb__io_hooks device = hooks;
    device.stat = stat_as_device;
    plan_reset();
    smb__io_hooks_set(&device);
    smb_status st = smb_document_save_file(s.doc, s.path);
    smb__io_hooks_set(NULL);
    ck_assert_int_eq(st, SMB_EIO);
    ck_assert_str_eq(smb_last_error(), expected);
    ck_assert_int_eq(plan.calls[CALL_MKSTEMP], 0);
    assert_old_file(&s);
    assert_no_strays(&s);

    ck_assert_int_eq(unlink(s.path), 0);
    ck_assert_int_eq(mkfifo(s.path, 0600), 0);
    st = smb_document_save_file(s.doc, s.path);
    ck_assert_int_eq(st, SMB_EIO);
    ck_assert_str_eq(smb_last_error(), expected);
    struct stat sb;
    ck_assert_int_eq(lstat(s.path, &sb), 0);
    ck_assert(S_ISFIFO(sb.st_mode));
    assert_no_strays(&s);
    scratch_remove(&s);
}
END_TEST

/* ---- SIGKILL before each step -------------------------------------------- */

/* The child saves with the plan's kill point and exits 0 if it lives. */
static int save_in_child(scratch *s, long kill_at)
{
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        plan_reset();
        plan.chunk = 1024;
        plan.kill_at = kill_at;
        smb__io_hooks_set(&hooks);
        smb_status st = smb_document_save_file(s->doc, s->path);
        scratch_release(s);
        _exit(st == SMB_OK ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

START_TEST(test_kill_before_each_step)
{
    scratch s;
    scratch_make(&s);
    long steps = count_calls(&s, CALL_COUNT, 1024);
    /* stat, mkstemp, cloexec, fchmod, >= 5 writes, fsync, close, rename,
     * open, fsync and close of the directory */
    ck_assert_int_ge(steps, 15);
    int replaced = 0, strays_seen = 0;
    for (long k = 1; k <= steps + 1; k++) {
        int status = save_in_child(&s, k);
        if (k <= steps)
            ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                          "the child was not killed before step %ld", k);
        else
            ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                          "the child's save failed");

        /* the file is the old one or the complete new one */
        size_t len;
        char *text = slurp(s.path, &len);
        bool is_old = len == s.old_len && memcmp(text, s.old_text, len) == 0;
        free(text);
        if (is_old) {
            ck_assert_msg(replaced == 0, "step %ld: the old file came back", k);
        } else {
            assert_new_file(&s);
            replaced++;
        }

        /* A kill between creating the temporary file and the rename
         * leaves it: a prefix of the new text, never read by the
         * library. */
        char names[512];
        strays(&s, names, sizeof names);
        if (names[0]) {
            ck_assert_msg(strncmp(names, ".plan.json.", 11) == 0 && strlen(names) == 17,
                          "step %ld left %s", k, names);
            char stray[sizeof s.dir + 1 + sizeof names];
            snprintf(stray, sizeof stray, "%s/%s", s.dir, names);
            char *part = slurp(stray, &len);
            ck_assert(len <= s.new_len && memcmp(part, s.new_text, len) == 0);
            free(part);
            ck_assert_int_eq(unlink(stray), 0);
            strays_seen++;
        }
        if (!is_old) {
            /* the old file back for the next kill point */
            put_old_file(&s);
            replaced = 0;
        }
    }
    /* a temporary file existed from mkstemp to rename: at least the
     * cloexec, fchmod, writes, fsync, close and rename steps */
    ck_assert_int_ge(strays_seen, 10);
    scratch_remove(&s);
}
END_TEST

/* Every object is made by the counting allocator, so that each test can
 * check that a failed call leaked nothing. */
static void use_counting_allocator(void)
{
    th_alloc_install();
}

static TCase *tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, use_counting_allocator, NULL);
    suite_add_tcase(s, tc);
    return tc;
}

static Suite *suite(void)
{
    Suite *s = suite_create("save_faults");
    TCase *tc = tcase(s, "fail");
    tcase_add_loop_test(tc, test_fault_at_step, 0, FAULT_COUNT);
    tcase_add_test(tc, test_fault_at_each_write);
    tcase_add_test(tc, test_full_disk);
    tcase_add_test(tc, test_interrupted_and_short_writes);
    tcase_add_test(tc, test_write_of_nothing);
    tcase_add_test(tc, test_cleanup_fails_too);
    tcase_add_test(tc, test_directory_flush_failure);
    tcase_add_test(tc, test_special_files_are_not_replaced);

    tc = tcase(s, "load");
    tcase_add_loop_test(tc, test_load_fault, 0, LOAD_FAULT_COUNT);
    tcase_add_test(tc, test_load_interrupted_reads);

    tc = tcase(s, "kill");
    tcase_add_test(tc, test_kill_before_each_step);
    return s;
}

int main(void)
{
    return th_run_suite(suite());
}
