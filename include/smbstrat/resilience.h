/* SPDX-License-Identifier: MIT */
/**
 * @file resilience.h
 * @brief The resilience profile: the five capabilities of digital-disruption
 *        resilience, each with a maturity from 0 to 5, and the indices made
 *        from them.
 *
 * A profile (::smb_resilience) holds, for each of the five capabilities
 * (adaptability, agility, innovation, customer-centricity, data-driven
 * decision making), a maturity from 0 (absent) to 5 (leading; fractions
 * allowed), a weight in the resilience index (default 1) and an optional
 * rationale. A new profile has every maturity at 0: a capability nobody has
 * assessed earns no credit, which keeps the scenario scores conservative.
 *
 * Every mutation is all-or-nothing: on failure the profile is unchanged.
 * Reading never modifies the profile, so any number of threads may read one
 * profile at once while no thread modifies it.
 *
 * The formulas are in docs/methodology.md, section "Resilience".
 */
#ifndef SMBSTRAT_RESILIENCE_H
#define SMBSTRAT_RESILIENCE_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The five capabilities, in the order of the document and of iteration. */
typedef enum smb_capability {
    SMB_CAPABILITY_NONE = -1,               /**< No capability (an out-of-range answer). */
    SMB_CAPABILITY_ADAPTABILITY = 0,        /**< "adaptability": capacity to change business model, operations and strategy. */
    SMB_CAPABILITY_AGILITY = 1,             /**< "agility": speed and efficiency of making those changes. */
    SMB_CAPABILITY_INNOVATION = 2,          /**< "innovation": seeking new products, services, processes, technologies. */
    SMB_CAPABILITY_CUSTOMER_CENTRICITY = 3, /**< "customer_centricity": tracking and serving evolving customer needs. */
    SMB_CAPABILITY_DATA_DRIVEN = 4,         /**< "data_driven": data and analytics behind strategic choices. */
    SMB_CAPABILITY_COUNT = 5                /**< Number of capabilities. */
} smb_capability;

/**
 * @brief The bit of capability @p c in a capability set (an `unsigned`
 *        mask, as used for the capabilities that mitigate a scenario).
 */
#define SMB_CAPABILITY_BIT(c) (1u << (unsigned)(c))
/** Every capability bit set. */
#define SMB_CAPABILITY_ALL ((1u << SMB_CAPABILITY_COUNT) - 1u)

/** @name Limits of a profile
 * Past these, calls fail with ::SMB_ERANGE and name the field.
 * @{ */
/** Lowest maturity: the capability is absent. */
#define SMB_MATURITY_MIN 0.0
/** Highest maturity: the capability is leading. */
#define SMB_MATURITY_MAX 5.0
/** Largest weight of a capability in the resilience index. */
#define SMB_RESILIENCE_MAX_WEIGHT 1e6
/** @} */

/** @brief Opaque resilience profile. */
typedef struct smb_resilience smb_resilience;

/** @name Keys and titles
 * Stable keys are the document's spelling; titles are for people.
 * @{ */
/** @brief "customer_centricity" for ::SMB_CAPABILITY_CUSTOMER_CENTRICITY; NULL if out of range. */
SMB_API const char *smb_capability_key(smb_capability capability);
/** @brief "Customer-centricity" for ::SMB_CAPABILITY_CUSTOMER_CENTRICITY; NULL if out of range. */
SMB_API const char *smb_capability_title(smb_capability capability);
/**
 * @brief Look a capability up by key.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL) or ::SMB_ENOTFOUND (the key and the
 *         valid keys in the message; *out untouched).
 */
SMB_API smb_status smb_capability_from_key(const char *key, smb_capability *out);
/** @} */

/** @name Life cycle
 * @{ */
/**
 * @brief Create a profile: every maturity 0, every weight 1, no rationale.
 * @return ::SMB_OK, ::SMB_EINVAL (NULL @p out) or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_resilience_new(smb_resilience **out);
/** @brief Deep copy. @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ENOMEM (and *out untouched). */
SMB_API smb_status smb_resilience_copy(const smb_resilience *resilience, smb_resilience **out);
/** @brief Destroy a profile. Accepts NULL. */
SMB_API void smb_resilience_free(smb_resilience *resilience);
/**
 * @brief Whether two profiles hold the same maturities, weights and
 *        rationales. Two NULLs are equal; NULL and a profile are not.
 */
SMB_API int smb_resilience_equal(const smb_resilience *a, const smb_resilience *b);
/** @} */

/** @name Capabilities
 * Each setter changes one field of one capability, or nothing. All return
 * ::SMB_EINVAL for a NULL profile or an invalid capability; range errors
 * name the capability and field, e.g. "agility maturity: ...".
 * @{ */
/** @brief The maturity of @p capability, 0 to 5; 0 for NULL or an invalid capability. */
SMB_API double smb_resilience_maturity(const smb_resilience *resilience,
                                       smb_capability capability);
/**
 * @brief Set a maturity.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN, infinite, outside
 *         ::SMB_MATURITY_MIN .. ::SMB_MATURITY_MAX).
 */
SMB_API smb_status smb_resilience_set_maturity(smb_resilience *resilience,
                                               smb_capability capability, double maturity);
/** @brief The weight of @p capability in the resilience index (default 1); 0 for NULL or an invalid capability. */
SMB_API double smb_resilience_weight(const smb_resilience *resilience, smb_capability capability);
/**
 * @brief Set a capability's weight in the resilience index and in the
 *        weakest link. A weight of 0 leaves the capability out of both (it
 *        still mitigates scenarios: see scenario.h). At least one capability
 *        keeps a positive weight.
 * @return ::SMB_OK, ::SMB_EINVAL or ::SMB_ERANGE (NaN, infinite, negative,
 *         above ::SMB_RESILIENCE_MAX_WEIGHT, or 0 for the last capability of
 *         positive weight).
 */
SMB_API smb_status smb_resilience_set_weight(smb_resilience *resilience,
                                             smb_capability capability, double weight);
/** @brief Why the capability has its maturity, or NULL when none (or for NULL / an invalid capability). */
SMB_API const char *smb_resilience_rationale(const smb_resilience *resilience,
                                             smb_capability capability);
/**
 * @brief Replace the rationale (valid UTF-8, at most ::SMB_MAX_TEXT_LENGTH
 *        bytes, copied); NULL or "" removes it.
 * @return ::SMB_OK, ::SMB_EINVAL (also bad UTF-8), ::SMB_ELIMIT or ::SMB_ENOMEM.
 */
SMB_API smb_status smb_resilience_set_rationale(smb_resilience *resilience,
                                                smb_capability capability,
                                                const char *rationale);
/** @} */

/** @name Indices
 * Computed on demand, without allocating.
 * @{ */
/**
 * @brief The resilience index, 0 to 1: the weighted mean of the five
 *        maturities, divided by 5.
 * @return ::SMB_OK or ::SMB_EINVAL (NULL argument; *out untouched).
 */
SMB_API smb_status smb_resilience_index(const smb_resilience *resilience, double *out);
/**
 * @brief The weakest-link index, 0 to 1: the lowest maturity among the
 *        capabilities of positive weight, divided by 5. Resilience emerges
 *        from the interplay of the capabilities, so one weak capability can
 *        undo the others; this index reports that case where the weighted
 *        mean would hide it.
 * @param resilience the profile
 * @param out        the index
 * @param weakest    the capability holding the lowest maturity (the first
 *                   in capability order on a tie); may be NULL
 * @return ::SMB_OK or ::SMB_EINVAL (NULL @p resilience or @p out; outputs untouched).
 */
SMB_API smb_status smb_resilience_weakest_link(const smb_resilience *resilience, double *out,
                                               smb_capability *weakest);
/**
 * @brief The relevant resilience of a set of capabilities, 0 to 1: the
 *        plain (unweighted) mean of their maturities, divided by 5. This is
 *        the R that scenario scoring uses with the capabilities mitigating a
 *        scenario.
 * @param resilience   the profile; NULL counts every maturity as 0
 * @param capabilities a non-empty set of ::SMB_CAPABILITY_BIT values
 * @param out          the relevant resilience
 * @return ::SMB_OK or ::SMB_EINVAL (NULL @p out, empty set or unknown bits;
 *         *out untouched).
 */
SMB_API smb_status smb_resilience_relevant(const smb_resilience *resilience,
                                           unsigned capabilities, double *out);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SMBSTRAT_RESILIENCE_H */
