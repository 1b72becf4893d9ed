/* SPDX-License-Identifier: MIT */
/**
 * @file common.h
 * @brief Status codes, error details, memory and version information shared
 *        by every part of libsmbstrat.
 *
 * Every fallible function returns an ::smb_status. On failure the library
 * records a thread-local detail (smb_last_error()) and leaves every object it
 * was given exactly as it was before the call.
 */
#ifndef SMBSTRAT_COMMON_H
#define SMBSTRAT_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(SMB_BUILDING_LIBRARY) && defined(__GNUC__)
#define SMB_API __attribute__((visibility("default")))
#else
#define SMB_API
#endif
/** @endcond */

/** Major version of the headers in use. */
#define SMB_VERSION_MAJOR 0
/** Minor version of the headers in use. */
#define SMB_VERSION_MINOR 2
/** Patch version of the headers in use. */
#define SMB_VERSION_PATCH 0
/** The version of the headers as a string, "MAJOR.MINOR.PATCH". */
#define SMB_VERSION_STRING "0.2.0"
/** The version as one comparable number: MAJOR * 10000 + MINOR * 100 + PATCH. */
#define SMB_VERSION_NUMBER \
    (SMB_VERSION_MAJOR * 10000 + SMB_VERSION_MINOR * 100 + SMB_VERSION_PATCH)

/**
 * @brief Outcome of a call. Zero is success; every error is negative.
 *
 * The numeric values are part of the ABI and never change.
 */
typedef enum smb_status {
    SMB_OK = 0,           /**< Success. */
    SMB_EINVAL = -1,      /**< An argument is invalid (NULL, malformed id, wrong block...). */
    SMB_ENOMEM = -2,      /**< An allocation failed; nothing was changed. */
    SMB_EPARSE = -3,      /**< The input is not well-formed JSON or not valid UTF-8. */
    SMB_ESCHEMA = -4,     /**< Well-formed JSON that does not follow the document format. */
    SMB_ENOTFOUND = -5,   /**< No item, block or key by that name. */
    SMB_EEXIST = -6,      /**< The id (or link) already exists. */
    SMB_ERANGE = -7,      /**< A number is out of range, NaN or infinite. */
    SMB_EIO = -8,         /**< Reading or writing a file failed. */
    SMB_ELIMIT = -9,      /**< A documented limit (size, count, length, depth) was exceeded. */
    SMB_ECANCELED = -10   /**< A callback asked the operation to stop. */
} smb_status;

/**
 * @brief The short, constant description of a status code.
 * @return e.g. "out of memory" for ::SMB_ENOMEM; "unknown status" for values
 *         that are not a status. Never NULL.
 */
SMB_API const char *smb_strerror(smb_status status);

/**
 * @brief The stable name of a status code, e.g. "SMB_ENOMEM".
 * @return the enumerator's name, or "SMB_UNKNOWN". Never NULL.
 */
SMB_API const char *smb_status_name(smb_status status);

/**
 * @brief Detail of the last failure on the calling thread.
 *
 * Filled by the library only. Strings are borrowed, owned by the thread, and
 * valid until the next libsmbstrat call on the same thread.
 */
typedef struct smb_error {
    smb_status status;   /**< The status the failing call returned. */
    const char *message; /**< One line, e.g. "bakery.json:12:5: $.canvas.channels[2].importance: must be an integer from 1 to 5". */
    const char *file;    /**< The file being read or written, or NULL. */
    const char *path;    /**< The JSON path of the offending value (e.g. "$.canvas.channels[2]"), or NULL. */
    int line;            /**< 1-based line in the input, or 0 when not known. */
    int column;          /**< 1-based column in the input, or 0 when not known. */
} smb_error;

/**
 * @brief The one-line message of the last failure on the calling thread.
 * Successful calls do not clear it: check a call's status first, then ask
 * for the detail.
 * @return the message, or "" when no call has failed on this thread since
 *         it started or since smb_clear_error(). Never NULL.
 */
SMB_API const char *smb_last_error(void);

/**
 * @brief The full detail of the last failure on the calling thread.
 * @return a pointer to thread-owned storage; its status is ::SMB_OK, its
 *         message "" and its other fields NULL or 0 when there is no
 *         failure to report. Never NULL.
 */
SMB_API const smb_error *smb_last_error_info(void);

/** @brief Forget the calling thread's last error. */
SMB_API void smb_clear_error(void);

/**
 * @brief Replace the allocator used by the library, process-wide.
 *
 * Call it before any other libsmbstrat function and while no other thread
 * uses the library: memory obtained from one allocator must be released by
 * the same one. Passing three NULLs restores the C library's malloc, realloc
 * and free. The allocator is also installed for jansson
 * (json_set_alloc_funcs), which is process-wide too.
 *
 * @param malloc_fn  like malloc()
 * @param realloc_fn like realloc()
 * @param free_fn    like free()
 * @return ::SMB_OK, or ::SMB_EINVAL if only some of the three are NULL.
 */
SMB_API smb_status smb_set_allocator(void *(*malloc_fn)(size_t),
                                     void *(*realloc_fn)(void *, size_t),
                                     void (*free_fn)(void *));

/**
 * @brief Release memory the library handed to the caller (rendered text,
 *        saved documents). Accepts NULL.
 */
SMB_API void smb_free(void *ptr);

/** @brief The version of the library actually linked, "MAJOR.MINOR.PATCH". */
SMB_API const char *smb_version(void);

/** @brief The linked version as SMB_VERSION_NUMBER computes it. */
SMB_API int smb_version_number(void);

/** @name Documented limits
 * Past these, calls fail with ::SMB_ELIMIT and say which limit was reached.
 * @{ */
/** Longest item id, in bytes. Ids use ASCII letters, digits, '_', '-' and '.'. */
#define SMB_MAX_ID_LENGTH 64
/** Longest text, note, name or tag, in bytes of UTF-8. */
#define SMB_MAX_TEXT_LENGTH 65536
/** Most tags on one item. */
#define SMB_MAX_TAGS 64
/** Most items in one canvas (all blocks together). */
#define SMB_MAX_ITEMS 1000000
/** Most outgoing links from one item. */
#define SMB_MAX_LINKS 1024
/** Largest document accepted by the loader, in bytes. */
#define SMB_MAX_DOCUMENT_SIZE (256u * 1024u * 1024u)
/** Deepest JSON nesting accepted by the loader. */
#define SMB_MAX_DEPTH 32
/** Largest absolute money amount, so that sums stay finite and exact enough. */
#define SMB_MAX_AMOUNT 1e15
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_COMMON_H */
