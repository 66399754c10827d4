// Dense copies of q4 / q8 weights for many-row products: written straight into the activation
// dtype, so a bf16 GEMM (AMX) or an fp32 GEMM follows without another pass.
#include "packed.h"

#include <cstring>

namespace ketch::packed {
namespace {

// q4 bytes of row n's block b: the row layout's 16, or q4x16's 4 x 4 (q4x16.cpp), same order.
inline __m128i q4_block_bytes(const uint8_t* q, int64_t n, int64_t b, int64_t K, bool tiled) {
  if (!tiled) return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + n * (K / 2) + b * 16));
  const uint8_t* p = q + ((n / 16) * (K / kBlock) + b) * 256 + 4 * (n % 16);
  int32_t w[4];
  for (int k = 0; k < 4; ++k) std::memcpy(&w[k], p + 64 * k, 4);
  return _mm_setr_epi32(w[0], w[1], w[2], w[3]);
}

// q8 codes of row n's block b: the row layout's 32, or q8x16's 8 x 4 (q8x16.cpp), same order.
inline void q8_block_codes(const int8_t* q, int64_t n, int64_t b, int64_t K, bool tiled, __m128i& a, __m128i& c) {
  if (!tiled) {
    a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + n * K + b * kBlock));
    c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + n * K + b * kBlock + 16));
    return;
  }
  const int8_t* p = q + ((n / 16) * (K / kBlock) + b) * 512 + 4 * (n % 16);
  int32_t w[8];
  for (int k = 0; k < 8; ++k) std::memcpy(&w[k], p + 64 * k, 4);
  a = _mm_setr_epi32(w[0], w[1], w[2], w[3]);
  c = _mm_setr_epi32(w[4], w[5], w[6], w[7]);
}

template <typename T>
void dequant_rows(const at::Tensor& qs, const at::Tensor& d, const c10::optional<at::Tensor>& m,
                  at::Tensor& out, bool q4, float offset, bool tiled, const int64_t* ids) {
  // out row n is weight row ids[n] (an embedding lookup), or row n
  const int64_t N = out.size(0), K = out.size(1), nb = K / kBlock, ng = d.size(1), G = K / ng;
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  T* op = out.data_ptr<T>();
  const uint8_t* q4p = q4 ? qs.data_ptr<uint8_t>() : nullptr;
  const int8_t* q8p = q4 ? nullptr : qs.data_ptr<int8_t>();
  const __m128i low4 = _mm_set1_epi8(0x0F);
  at::parallel_for(0, N, 16, [&](int64_t n0, int64_t n1) {
    for (int64_t r = n0; r < n1; ++r)
      for (int64_t b = 0, n = ids ? ids[r] : r; b < nb; ++b) {
        __m256 w[4];
        if (q4) {
          const __m128i raw = q4_block_bytes(q4p, n, b, K, tiled);
          const __m128i lo = _mm_and_si128(raw, low4), hi = _mm_and_si128(_mm_srli_epi16(raw, 4), low4);
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(lo));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(lo, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(hi));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(hi, 8)));
        } else {
          __m128i a, c;
          q8_block_codes(q8p, n, b, K, tiled, a, c);
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(a));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(a, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(c));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(c, 8)));
        }
        T* o = op + r * K + b * kBlock;
        for (int j = 0; j < 4; ++j) {
          const int64_t g = tiled ? ((n / 16) * nb + b) * 16 + n % 16 : n * ng + (b * kBlock + 8 * j) / G;
          const float dv = h2f(dp[g]);
          const float mv = (mp ? h2f(mp[g]) : 0.f) + offset * dv;
          store8(o + 8 * j, _mm256_fmadd_ps(w[j], _mm256_set1_ps(dv), _mm256_set1_ps(mv)));
        }
      }
  });
}

// Checks a q4/q8 weight's planes (q4x16 / q8x16 with `tiled`); returns K.
int64_t check_weight(const at::Tensor& qs, const at::Tensor& d, const c10::optional<at::Tensor>& m, bool q4,
                     bool tiled) {
  TORCH_CHECK(qs.dim() == 2 && d.dim() == 2, "bad packed weight");
  const int64_t N = qs.size(0), K = q4 ? qs.size(1) * 2 : qs.size(1);
  TORCH_CHECK(qs.is_contiguous() && d.is_contiguous() && d.scalar_type() == at::kHalf, "bad packed weight");
  TORCH_CHECK(d.size(0) == N && (d.size(1) == K / kBlock || (!q4 && !tiled && d.size(1) == K / 16)),
              "scales must be half [N, K/32] (or [N, K/16] for int8 weights in rows)");
  TORCH_CHECK(!tiled || N % 16 == 0, "tiled (q4x16 / q8x16) weights have a multiple of 16 rows, got ", N);
  check_mins(m, d);
  return K;
}

// Writes out's rows (weight rows ids[n], or row n) in out's dtype.
void dequantize_rows(const at::Tensor& qs, const at::Tensor& d, const c10::optional<at::Tensor>& m, at::Tensor& out,
                     bool q4, int64_t offset, bool tiled, const int64_t* ids) {
  // q4 without mins (Q4_0): (q - 8) * d, computed as one fma q * d - 8 d (exact: it is representable)
  const float off = q4 && !m.has_value() ? -8.f : static_cast<float>(offset);
  if (out.scalar_type() == at::kFloat) dequant_rows<float>(qs, d, m, out, q4, off, tiled, ids);
  else if (out.scalar_type() == at::kBFloat16) dequant_rows<at::BFloat16>(qs, d, m, out, q4, off, tiled, ids);
  else TORCH_CHECK(false, "dequantize writes float32 or bfloat16");
}

}  // namespace

// Writes into `out` (a reused scratch buffer: fresh pages would cost more in faults than the work).
at::Tensor dequantize_into(at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m, at::Tensor out,
                              int64_t offset, bool tiled) {
  count(kDequant);
  const bool q4 = qs.scalar_type() == at::kByte;
  const int64_t K = check_weight(qs, d, m, q4, tiled);
  TORCH_CHECK(out.is_contiguous() && out.dim() == 2 && out.size(0) == qs.size(0) && out.size(1) == K,
              "out must be [N, K]");
  dequantize_rows(qs, d, m, out, q4, offset, tiled, nullptr);
  return out;
}

at::Tensor embedding_rows(at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m, at::Tensor ids, int64_t offset,
                          bool bf16, bool tiled) {
  count(kEmbedRows);
  const bool q4 = qs.scalar_type() == at::kByte;
  const int64_t N = qs.size(0), K = check_weight(qs, d, m, q4, tiled);
  TORCH_CHECK(ids.scalar_type() == at::kLong && ids.dim() == 1 && ids.is_contiguous(), "ids must be int64 [T]");
  const int64_t* ip = ids.data_ptr<int64_t>();
  for (int64_t i = 0; i < ids.numel(); ++i)
    TORCH_CHECK(ip[i] >= 0 && ip[i] < N, "token id ", ip[i], " is outside the vocabulary of ", N);
  auto out = at::empty({ids.numel(), K}, d.options().dtype(bf16 ? at::kBFloat16 : at::kFloat));
  dequantize_rows(qs, d, m, out, q4, offset, tiled, ip);
  return out;
}

}  // namespace ketch::packed
