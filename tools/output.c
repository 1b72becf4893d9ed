/* SPDX-License-Identifier: MIT */
/* Diagnostics, colours and writing results to standard output or a file. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("smbstrat: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fputs("smbstrat: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (command)
        fprintf(stderr, "Usage: see 'smbstrat %s --help'.\n", command);
    else
        fputs("Usage: smbstrat [--help] [--version] COMMAND [ARGS]\n"
              "See 'smbstrat --help' for the commands.\n",
              stderr);
    return CLI_EXIT_USAGE;
}

int cli_exit_for(smb_status status)
{
    /* Running out of memory is no fault of the input, so it joins I/O. */
    return (status == SMB_EIO || status == SMB_ENOMEM) ? CLI_EXIT_IO : CLI_EXIT_INVALID;
}

int cli_library_error(smb_status status)
{
    const char *detail = smb_last_error();
    cli_error("%s", detail[0] != '\0' ? detail : smb_strerror(status));
    return cli_exit_for(status);
}

const char *cli_colour_code(cli_colour colour)
{
    switch (colour) {
    case CLI_RED:
        return "\033[31m";
    case CLI_GREEN:
        return "\033[32m";
    case CLI_YELLOW:
        return "\033[33m";
    case CLI_CYAN:
        return "\033[36m";
    case CLI_BOLD:
        return "\033[1m";
    case CLI_BOLD_RED:
        return "\033[1;31m";
    case CLI_PLAIN:
        break;
    }
    return "";
}

void cli_put_coloured(FILE *out, const cli_ctx *ctx, cli_colour colour, const char *text)
{
    if (ctx->colour && colour != CLI_PLAIN)
        fprintf(out, "%s%s" CLI_COLOUR_RESET, cli_colour_code(colour), text);
    else
        fputs(text, out);
}

void cli_put_span(FILE *out, const char *text, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++) {
        unsigned char c = (unsigned char)text[i];
        /* U+0080..U+009F are C2 80..C2 9F in UTF-8. */
        if (c == 0xC2 && i + 1 < bytes && (unsigned char)text[i + 1] >= 0x80 &&
            (unsigned char)text[i + 1] <= 0x9F) {
            fputc(' ', out);
            i++;
        } else {
            fputc(c < 0x20 || c == 0x7F ? ' ' : c, out);
        }
    }
}

void cli_put_text(FILE *out, const char *text)
{
    cli_put_span(out, text, strlen(text));
}

cli_colour cli_band_colour(smb_force_band band)
{
    switch (band) {
    case SMB_FORCE_BAND_LOW:
        return CLI_GREEN;
    case SMB_FORCE_BAND_MODERATE:
        return CLI_YELLOW;
    case SMB_FORCE_BAND_HIGH:
        return CLI_RED;
    default:
        break;
    }
    return CLI_CYAN;
}

cli_colour cli_risk_colour(smb_risk_band band)
{
    switch (band) {
    case SMB_RISK_BAND_LOW:
        return CLI_GREEN;
    case SMB_RISK_BAND_MEDIUM:
        return CLI_YELLOW;
    case SMB_RISK_BAND_HIGH:
        return CLI_RED;
    default:
        break;
    }
    return CLI_BOLD_RED;
}

const char *cli_band_label(smb_force_band band)
{
    const char *key = smb_force_band_key(band);
    return key ? key : "unrated";
}

const char *cli_fixed(char buf[CLI_NUMBER_BUF], double value)
{
    /* printf alone would round exact halves to even (0.125 -> 0.12);
     * round() takes them away from zero first. Values here are at most
     * 1e6, so value * 100 is exact enough. The tool never calls
     * setlocale(), so printf's decimal point is '.'. */
    double rounded = round(value * 100.0) / 100.0;
    snprintf(buf, CLI_NUMBER_BUF, "%.2f", rounded == 0.0 ? 0.0 : rounded);
    return buf;
}

const char *cli_number(char buf[CLI_NUMBER_BUF], double value)
{
    char *end = buf + strlen(cli_fixed(buf, value));
    while (end[-1] == '0')
        *--end = '\0';
    if (end[-1] == '.')
        *--end = '\0';
    return buf;
}

const char *cli_amount(char buf[CLI_NUMBER_BUF], double value)
{
    /* Amounts are at most 1e15 (SMB_MAX_AMOUNT) and sums of them stay far
     * below 1e18, so whole cents fit a long long exactly enough; halves of
     * a cent round away from zero, as cli_fixed() does. */
    char digits[32];
    long long cents = llround(fabs(value) * 100.0);
    size_t nd, o = 0;

    if (!isfinite(value) || fabs(value) >= 1e16) {
        snprintf(buf, CLI_NUMBER_BUF, "%s", "n/a");
        return buf;
    }
    nd = (size_t)snprintf(digits, sizeof digits, "%lld", cents / 100);
    if (value < 0 && cents != 0)
        buf[o++] = '-';
    for (size_t k = 0; k < nd; k++) {
        if (k > 0 && (nd - k) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[k];
    }
    if (cents % 100 != 0)
        snprintf(buf + o, CLI_NUMBER_BUF - o, ".%02lld", cents % 100);
    else
        buf[o] = '\0';
    return buf;
}

int cli_is_stdout(const char *path)
{
    return path == NULL || strcmp(path, "-") == 0;
}

int cli_write_stdout(const char *data, size_t length)
{
    if (fwrite(data, 1, length, stdout) != length || fflush(stdout) != 0) {
        cli_error("cannot write to standard output: %s", strerror(errno));
        return CLI_EXIT_IO;
    }
    return CLI_EXIT_OK;
}

static int write_all(int fd, const char *data, size_t length)
{
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        length -= (size_t)n;
    }
    return 0;
}

/* The mode a plain fopen() would give: rendered pages are meant to be
 * shared, unlike mkstemp()'s private 0600. */
static mode_t creation_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return (mode_t)(0666 & ~mask);
}

int cli_open_beside(const char *path, char **tmp)
{
    size_t plen = strlen(path);
    int fd;

    *tmp = malloc(plen + sizeof ".XXXXXX");
    if (!*tmp) {
        cli_error("out of memory");
        return -1;
    }
    memcpy(*tmp, path, plen);
    memcpy(*tmp + plen, ".XXXXXX", sizeof ".XXXXXX");
    fd = mkstemp(*tmp);
    if (fd < 0 || fchmod(fd, creation_mode()) != 0) {
        cli_error("cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(*tmp);
        }
        free(*tmp);
        *tmp = NULL;
        return -1;
    }
    return fd;
}

int cli_commit_beside(int fd, char *tmp, const char *path, int keep)
{
    int saved = 0;

    if (!keep) {
        close(fd);
    } else if (fsync(fd) != 0) {
        saved = errno;
        close(fd);
    } else if (close(fd) != 0 || rename(tmp, path) != 0) {
        saved = errno;
    }
    if (!keep || saved != 0)
        unlink(tmp);
    free(tmp);
    if (saved != 0) {
        cli_error("cannot write '%s': %s", path, strerror(saved));
        return CLI_EXIT_IO;
    }
    return CLI_EXIT_OK;
}

int cli_write_file(const char *path, const char *data, size_t length)
{
    char *tmp = NULL;
    /* Write beside the target and rename over it, so that a failure never
     * leaves a half-written file behind. */
    int fd = cli_open_beside(path, &tmp);

    if (fd < 0)
        return CLI_EXIT_IO;
    if (write_all(fd, data, length) != 0) {
        int saved = errno;
        cli_commit_beside(fd, tmp, path, 0);
        cli_error("cannot write '%s': %s", path, strerror(saved));
        return CLI_EXIT_IO;
    }
    return cli_commit_beside(fd, tmp, path, 1);
}
