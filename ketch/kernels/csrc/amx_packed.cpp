// Many-row products on packed weights with AMX bf16 tiles (amx_gemm.cpp): each layout's panels
// dequantized 16 rows at a time to exactly the bf16 values dequantize_into writes.
#include "amx_gemm.h"
#include "packed.h"

namespace ketch::packed {
namespace {

#define KETCH_AVX512BF16 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512bf16,fma,f16c")))

KETCH_AVX512BF16 inline void store32_bf16(at::BFloat16* out, __m512 lo, __m512 hi) {
  _mm512_storeu_si512(out, (__m512i)_mm512_cvtne2ps_pbh(hi, lo));
}

// A block's 16 possible values q * d + m are computed once (the same fp32 fma as every other path,
// then rounded to bf16) and its 32 codes look them up with one word permute.
KETCH_AVX512BF16 void q4_panel(const uint8_t* qs, const at::Half* d, const at::Half* m, float off, int64_t K,
                               int64_t n0, int64_t rows, at::BFloat16* out) {
  const int64_t nb = K / kBlock;
  const __m512 iota = _mm512_setr_ps(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m256i low4 = _mm256_set1_epi16(0x0F);
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t n = n0 + r;
    const uint8_t* q = qs + n * (K / 2);
    for (int64_t b0 = 0; b0 < nb; b0 += 16) {  // 16 blocks' scales converted at once
      const int64_t count = std::min<int64_t>(16, nb - b0);
      const __mmask16 mask = static_cast<__mmask16>((1u << count) - 1);
      const __m512 dv = _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(mask, d + n * nb + b0));
      const __m512 mv = _mm512_fmadd_ps(
          _mm512_set1_ps(off), dv,
          m ? _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(mask, m + n * nb + b0)) : _mm512_setzero_ps());
      for (int64_t j = 0; j < count; ++j) {
        const __m512i lane = _mm512_set1_epi32(static_cast<int>(j));
        const __m512 table = _mm512_fmadd_ps(iota, _mm512_permutexvar_ps(lane, dv), _mm512_permutexvar_ps(lane, mv));
        const __m256i codes = _mm256_cvtepu8_epi16(
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + (b0 + j) * 16)));
        const __m512i idx = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_and_si256(codes, low4)),
                                               _mm256_srli_epi16(codes, 4), 1);  // weights 0..15, then 16..31
        const __m512i vals = _mm512_permutexvar_epi16(idx, _mm512_castsi256_si512((__m256i)_mm512_cvtneps_pbh(table)));
        _mm512_storeu_si512(out + r * K + (b0 + j) * kBlock, vals);
      }
    }
  }
}

KETCH_AVX512BF16 void q8_panel(const int8_t* qs, const at::Half* d, const at::Half* m, float off, int64_t K,
                               int64_t G, int64_t n0, int64_t rows, at::BFloat16* out) {
  const int64_t ng = K / G;
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t n = n0 + r;
    const int8_t* q = qs + n * K;
    __m512 half[2];
    for (int64_t k = 0; k < K; k += kBlock) {
      for (int h = 0; h < 2; ++h) {
        const int64_t g = n * ng + (k + 16 * h) / G;
        const float dv = h2f(d[g]);
        const __m512 w = _mm512_cvtepi32_ps(
            _mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q + k + 16 * h))));
        half[h] = _mm512_fmadd_ps(w, _mm512_set1_ps(dv), _mm512_set1_ps((m ? h2f(m[g]) : 0.f) + off * dv));
      }
      store32_bf16(out + r * K + k, half[0], half[1]);
    }
  }
}

}  // namespace

// y = x @ W.T in one pass of AMX bf16 tile products (x rounded to bf16, as a bf16 GEMM would).
at::Tensor amx_packed_linear(at::Tensor x, const std::string& scheme, at::Tensor qs, at::Tensor d,
                                c10::optional<at::Tensor> m, int64_t offset) {
  count(kAmx);
  const bool q4 = scheme == "q4", q8 = scheme == "q8";
  int64_t K;
  int id = -1;  // q5 and the K-quants
  if (q4) {
    K = check_q4(x, qs, d, m);
  } else if (q8) {
    K = check_q8(x, qs, d, m);
  } else {
    TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
    K = x.size(1);
    id = check_lowbit(scheme, qs, d, m, K);
  }
  const int64_t N = qs.size(0);
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  if (q4) {
    const uint8_t* qp = qs.data_ptr<uint8_t>();
    const float off = mp ? static_cast<float>(offset) : -8.f;  // Q4_0: (q - 8) * d
    return ketch::amx_linear(x, N, [&](int64_t n0, int64_t rows, at::BFloat16* out) {
      q4_panel(qp, dp, mp, off, K, n0, rows, out);
    });
  }
  if (q8) {
    const int8_t* qp = qs.data_ptr<int8_t>();
    const int64_t G = K / d.size(1);
    return ketch::amx_linear(x, N, [&](int64_t n0, int64_t rows, at::BFloat16* out) {
      q8_panel(qp, dp, mp, static_cast<float>(offset), K, G, n0, rows, out);
    });
  }
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const int64_t row_bytes = qs.size(1), row_scales = d.size(1);
  // lowbit_dequant's own parallel_for runs inline inside amx_linear's.
  return ketch::amx_linear(x, N, [&](int64_t n0, int64_t rows, at::BFloat16* out) {
    lowbit_dequant_bf16(id, qp + n0 * row_bytes, dp + n0 * row_scales, mp ? mp + n0 * row_scales : nullptr,
                                 out, rows, K);
  });
}

// The heavy ops let go of the GIL: the server's event loop serializes responses while a step computes.

}  // namespace ketch::packed
