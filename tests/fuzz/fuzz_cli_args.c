/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the command line of the smbstrat tool. The input, cut
 * at NUL bytes, is the argument list after the program's name (at most 16
 * arguments); an argument "@" stands for a small valid document with every
 * section (FUZZ_CLI_DOCUMENT), and one that starts with "COLUMNS=" sets
 * that variable instead, so that the tables are fitted to every width
 * (1000 columns otherwise). cli_main() must return one of the exit
 * statuses of docs/smbstrat.1 without crashing, leaking or hanging.
 *
 * Confinement: each input runs in a private temporary directory (the
 * target returns to where it started afterwards, so libFuzzer's corpus and
 * artifact paths keep their meaning; crash files go where the fuzzer was
 * started unless -artifact_prefix says otherwise), every file a command
 * wrote there is removed after each input, and inputs with an argument
 * holding '/' are skipped, so that nothing is written anywhere else. The
 * document is a private copy, written afresh before each input that names
 * it (a command may replace it: new --template bakery -o @ --force).
 * Simulations are capped at a few hundred trials on one thread by
 * arguments appended to simulate and report, so that no input runs long.
 * Standard output and error go to /dev/null (-close_fd_mask=3, added to
 * libFuzzer's arguments; libFuzzer and the sanitizers keep a copy of
 * standard error for their own reports).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ARGS = 16, MAX_EXTRA = 4 };

static char work_dir[] = "/tmp/smbstrat-fuzz-cli-XXXXXX";
static char doc_dir[] = "/tmp/smbstrat-fuzz-doc-XXXXXX";
static char doc_path[sizeof doc_dir + 16];
static char *doc_text;
static size_t doc_length;
static int home_fd = -1; /* the directory the fuzzer was started in */

/* Remove every entry of `dir` (commands write only plain files). */
static void empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

static void remove_dirs(void)
{
    empty_dir(work_dir);
    rmdir(work_dir);
    empty_dir(doc_dir);
    rmdir(doc_dir);
}

static void write_document(void)
{
    FILE *f = fopen(doc_path, "wb");
    if (!f || fwrite(doc_text, 1, doc_length, f) != doc_length || fclose(f) != 0)
        abort();
}

static void read_document(void)
{
    FILE *f = fopen(FUZZ_CLI_DOCUMENT, "rb");
    long n;

    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0)
        abort();
    doc_length = (size_t)n;
    doc_text = malloc(doc_length);
    if (!doc_text || fread(doc_text, 1, doc_length, f) != doc_length)
        abort();
    fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* Our flags go first, so that those given on the command line win. */
    static char close_fds[] = "-close_fd_mask=3";
    static char artifacts[4096 + sizeof "-artifact_prefix=/"];
    static char *args[256];
    char cwd[4096];
    int n = *argc < 253 ? *argc : 253;

    if (!getcwd(cwd, sizeof cwd))
        abort();
    snprintf(artifacts, sizeof artifacts, "-artifact_prefix=%s/", cwd);
    args[0] = (*argv)[0];
    args[1] = close_fds;
    args[2] = artifacts;
    for (int i = 1; i < n; i++)
        args[i + 2] = (*argv)[i];
    args[n + 2] = NULL;
    *argc = n + 2;
    *argv = args;

    read_document();
    home_fd = open(".", O_RDONLY | O_DIRECTORY);
    if (home_fd < 0 || !mkdtemp(work_dir) || !mkdtemp(doc_dir))
        abort();
    snprintf(doc_path, sizeof doc_path, "%s/doc.json", doc_dir);
    write_document();
    atexit(remove_dirs);
    return 0;
}

/* The arguments appended to a command so that it cannot run long: each
 * twice, in case the last argument of the input is an option that takes
 * the first as its value. */
static size_t bounds(const char *command, char **extra)
{
    static char trials[] = "--trials=200", threads[] = "--threads=1";

    if (strcmp(command, "simulate") != 0 && strcmp(command, "report") != 0)
        return 0;
    extra[0] = trials;
    extra[1] = threads;
    extra[2] = trials;
    extra[3] = threads;
    return MAX_EXTRA;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy, *argv[1 + MAX_ARGS + MAX_EXTRA + 1];
    char program[] = "smbstrat";
    int argc = 1, names_document = 0, status;
    size_t start = 0;

    copy = malloc(size + 1);
    if (!copy)
        return 0;
    setenv("COLUMNS", "1000", 1);
    memcpy(copy, data, size);
    copy[size] = '\0';
    argv[0] = program;
    /* Each NUL ends an argument; the text after the last one is the last. */
    while (start <= size && argc <= MAX_ARGS) {
        char *arg = copy + start;
        size_t len = strlen(arg);
        if (start == size && len == 0)
            break;
        if (memchr(arg, '/', len)) {
            free(copy);
            return 0;
        }
        start += len + 1;
        if (strncmp(arg, "COLUMNS=", 8) == 0) {
            setenv("COLUMNS", arg + 8, 1);
            continue;
        }
        if (strcmp(arg, "@") == 0) {
            arg = doc_path;
            names_document = 1;
        }
        argv[argc++] = arg;
    }
    if (argc > 1)
        argc += (int)bounds(argv[1], argv + argc);
    argv[argc] = NULL;
    if (names_document)
        write_document();

    if (chdir(work_dir) != 0)
        abort();
    status = cli_main(argc, argv);
    if (fchdir(home_fd) != 0)
        abort();
    if (status < CLI_EXIT_OK || status > CLI_EXIT_IO)
        abort(); /* only the documented statuses */
    /* Each input starts afresh: no error flag left on the streams and no
     * file left behind. */
    clearerr(stdout);
    clearerr(stderr);
    empty_dir(work_dir);
    free(copy);
    return 0;
}
