/* SPDX-License-Identifier: MIT */
/* The Philox words of a chunk of trials, several blocks at once: the hot
 * half of every simulation. The rounds are those of smb__philox4x32_10
 * (lib/sim_random.h), laid out lane by lane so that one vector instruction
 * advances four (AVX2) or eight (AVX-512) blocks; the tests hold every
 * lane to the scalar reference. Compilers do not find this layout by
 * themselves: they pack the 32-bit products, which costs more shuffles than
 * the multiplications save.
 *
 * In a lane of 64 bits only the low 32 are a Philox word; the high ones
 * carry leftovers that never reach a result, since the multiplication reads
 * the low halves of its operands and the outputs keep the low halves. */
#include "sim_impl.h"
#include "sim_random.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86_VECTORS 1
#include <immintrin.h>
#endif

_Static_assert(SMB__SIM_CHUNK % 8 == 0, "whole vectors per chunk");

static void words_scalar(const uint32_t key[2], uint64_t first, uint32_t stream,
                         int amount_word, uint32_t *w0, uint32_t *w1, uint32_t *wa)
{
    for (size_t i = 0; i < SMB__SIM_CHUNK; i++) {
        uint64_t t = first + i;
        const uint32_t ctr[4] = {(uint32_t)t, (uint32_t)(t >> 32), stream, 0};
        uint32_t w[4];
        smb__philox4x32_10(ctr, key, w);
        w0[i] = w[0];
        w1[i] = w[1];
        wa[i] = w[amount_word];
    }
}

#ifdef HAVE_X86_VECTORS

__attribute__((target("avx2"))) static void words_avx2(const uint32_t key[2], uint64_t first,
                                                       uint32_t stream, int amount_word,
                                                       uint32_t *w0, uint32_t *w1, uint32_t *wa)
{
    const __m256i m0 = _mm256_set1_epi64x(SMB__PHILOX_M0);
    const __m256i m1 = _mm256_set1_epi64x(SMB__PHILOX_M1);
    const __m256i lanes = _mm256_set_epi64x(3, 2, 1, 0);
    const __m256i low_words = _mm256_set_epi32(6, 4, 2, 0, 6, 4, 2, 0);
    __m256i k0[10], k1[10];
    uint32_t a = key[0], b = key[1];
    for (int r = 0; r < 10; r++, a += SMB__PHILOX_W0, b += SMB__PHILOX_W1) {
        k0[r] = _mm256_set1_epi64x(a);
        k1[r] = _mm256_set1_epi64x(b);
    }
    const __m256i c2_start = _mm256_set1_epi64x(stream);
    for (size_t i = 0; i < SMB__SIM_CHUNK; i += 4) {
        __m256i t = _mm256_add_epi64(_mm256_set1_epi64x((long long)(first + i)), lanes);
        __m256i c0 = t, c1 = _mm256_srli_epi64(t, 32), c2 = c2_start;
        __m256i c3 = _mm256_setzero_si256();
        for (int r = 0; r < 10; r++) {
            __m256i p0 = _mm256_mul_epu32(c0, m0);
            __m256i p1 = _mm256_mul_epu32(c2, m1);
            c0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c1), k0[r]);
            c2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c3), k1[r]);
            c1 = p1;
            c3 = p0;
        }
        __m256i out[3] = {c0, c1, amount_word == 3 ? c3 : c2};
        uint32_t *to[3] = {w0 + i, w1 + i, wa + i};
        for (int k = 0; k < 3; k++)
            _mm_storeu_si128((__m128i *)to[k], _mm256_castsi256_si128(
                                                   _mm256_permutevar8x32_epi32(out[k], low_words)));
    }
}

__attribute__((target("avx512f"))) static void words_avx512(const uint32_t key[2],
                                                            uint64_t first, uint32_t stream,
                                                            int amount_word, uint32_t *w0,
                                                            uint32_t *w1, uint32_t *wa)
{
    const __m512i m0 = _mm512_set1_epi64(SMB__PHILOX_M0);
    const __m512i m1 = _mm512_set1_epi64(SMB__PHILOX_M1);
    const __m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    __m512i k0[10], k1[10];
    uint32_t a = key[0], b = key[1];
    for (int r = 0; r < 10; r++, a += SMB__PHILOX_W0, b += SMB__PHILOX_W1) {
        k0[r] = _mm512_set1_epi64(a);
        k1[r] = _mm512_set1_epi64(b);
    }
    const __m512i c2_start = _mm512_set1_epi64(stream);
    for (size_t i = 0; i < SMB__SIM_CHUNK; i += 8) {
        __m512i t = _mm512_add_epi64(_mm512_set1_epi64((long long)(first + i)), lanes);
        __m512i c0 = t, c1 = _mm512_srli_epi64(t, 32), c2 = c2_start;
        __m512i c3 = _mm512_setzero_si512();
        for (int r = 0; r < 10; r++) {
            __m512i p0 = _mm512_mul_epu32(c0, m0);
            __m512i p1 = _mm512_mul_epu32(c2, m1);
            c0 = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p1, 32), c1), k0[r]);
            c2 = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p0, 32), c3), k1[r]);
            c1 = p1;
            c3 = p0;
        }
        _mm256_storeu_si256((__m256i *)(w0 + i), _mm512_cvtepi64_epi32(c0));
        _mm256_storeu_si256((__m256i *)(w1 + i), _mm512_cvtepi64_epi32(c1));
        _mm256_storeu_si256((__m256i *)(wa + i),
                            _mm512_cvtepi64_epi32(amount_word == 3 ? c3 : c2));
    }
}

#endif

bool smb__sim_words_supported(smb__sim_words_form form)
{
#ifdef HAVE_X86_VECTORS
    if (form == SMB__SIM_WORDS_AVX512)
        return __builtin_cpu_supports("avx512f");
    if (form == SMB__SIM_WORDS_AVX2)
        return __builtin_cpu_supports("avx2");
#endif
    return form == SMB__SIM_WORDS_BEST || form == SMB__SIM_WORDS_SCALAR;
}

void smb__sim_words(const uint32_t key[2], uint64_t first, uint32_t stream, int amount_word,
                    smb__sim_words_form form, uint32_t *w0, uint32_t *w1, uint32_t *wa)
{
#ifdef HAVE_X86_VECTORS
    if (form == SMB__SIM_WORDS_BEST)
        form = __builtin_cpu_supports("avx512f") ? SMB__SIM_WORDS_AVX512
               : __builtin_cpu_supports("avx2") ? SMB__SIM_WORDS_AVX2
                                                : SMB__SIM_WORDS_SCALAR;
    if (form == SMB__SIM_WORDS_AVX512 && __builtin_cpu_supports("avx512f")) {
        words_avx512(key, first, stream, amount_word, w0, w1, wa);
        return;
    }
    if (form == SMB__SIM_WORDS_AVX2 && __builtin_cpu_supports("avx2")) {
        words_avx2(key, first, stream, amount_word, w0, w1, wa);
        return;
    }
#else
    (void)form;
#endif
    words_scalar(key, first, stream, amount_word, w0, w1, wa);
}
