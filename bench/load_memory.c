/* SPDX-License-Identifier: MIT */
/*
 * How much memory loading a document takes: the peak resident set size of
 * smb_document_load_file() on one file, beside the file's size. Used by
 * bench/load_memory.sh on generated documents of up to 10^6 items.
 *
 * Prints one line: bytes items status seconds base_kib peak_kib
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <smbstrat/smbstrat.h>

static long max_rss_kib(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: load_memory FILE\n");
        return 2;
    }
    struct stat sb;
    if (stat(argv[1], &sb) != 0) {
        perror(argv[1]);
        return 2;
    }
    long base = max_rss_kib();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    smb_document *doc = NULL;
    smb_status st = smb_document_load_file(argv[1], &doc);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long peak = max_rss_kib();
    size_t items = 0;
    if (st == SMB_OK && smb_document_canvas_const(doc))
        items = smb_canvas_item_total(smb_document_canvas_const(doc));
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%lld %zu %s %.3f %ld %ld\n", (long long)sb.st_size, items, smb_status_name(st), seconds,
           base, peak);
    if (st != SMB_OK)
        fprintf(stderr, "%s\n", smb_last_error());
    smb_document_free(doc);
    return 0;
}
