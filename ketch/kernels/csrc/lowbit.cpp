// q5 and the K-quants (Q2_K..Q6_K): few-row products with int16 activations and dequantization,
// codes as tight as the GGUF file, decoded in registers (kquant_codes.h; layouts in packed.h).
#include "kquant_codes.h"
#include "packed.h"

#include <iterator>

namespace ketch::packed {
namespace {

using namespace ketch::codes;

template <int R, bool MIN>
void q5_rows(const Acts16& acts, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock;
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  const float* xs = acts.sum.data() + r0 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
    const uint8_t* qrow = qs + n * nb * 20;
    const at::Half* drow = d + n * nb;
    for (int64_t b = 0; b < nb; ++b) {
      const __m256i c = q5_codes(qrow + b * 20);
      const __m256i w_lo = _mm256_cvtepi8_epi16(_mm256_castsi256_si128(c));
      const __m256i w_hi = _mm256_cvtepi8_epi16(_mm256_extracti128_si256(c, 1));
      const float db = h2f(drow[b]);
      for (int r = 0; r < R; ++r)
        acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(db * xd[r * nb + b]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
    }
    float tail[R] = {};
    if constexpr (MIN) {  // Q5_1: q * d + m = (q - 16) * d + (m + 16 d), 8 blocks at a time
      const at::Half* mrow = m + n * nb;
      int64_t b = 0;
      for (; b + 8 <= nb; b += 8) {
        const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(drow + b)));
        const __m256 mv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mrow + b)));
        const __m256 coef = _mm256_fmadd_ps(_mm256_set1_ps(16.f), dv, mv);
        for (int r = 0; r < R; ++r) acc[r] = _mm256_fmadd_ps(coef, _mm256_loadu_ps(xs + r * nb + b), acc[r]);
      }
      for (; b < nb; ++b) {
        const float mb = 16.f * h2f(drow[b]) + h2f(mrow[b]);
        for (int r = 0; r < R; ++r) tail[r] += mb * xs[r * nb + b];
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]) + tail[r];
  }
}

template <class S, int R>
void kq_rows(const Acts16& acts, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock, nsb = K / kSuper;
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  constexpr int kGroups = S::kSumGroup ? static_cast<int>(kSuper) / S::kSumGroup : 0;  // sum groups per super-block
  const int64_t xs_stride = nsb * kGroups;
  const float* xs = S::kSumGroup == 32 ? acts.sum.data() + r0 * nb : acts.sum16.data() + r0 * 2 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
    const uint8_t* row = qs + n * nsb * S::kBytes;
    for (int64_t sb = 0; sb < nsb; ++sb) {
      const S blk(row + sb * S::kBytes);
      __m256 part[R];
      for (int r = 0; r < R; ++r) part[r] = _mm256_setzero_ps();
      unroll<8>([&](auto tc) {
        constexpr int t = decltype(tc)::value;
        const __m256i c = blk.template centered<t>();
        const __m256i w_lo = _mm256_mullo_epi16(_mm256_cvtepi8_epi16(_mm256_castsi256_si128(c)),
                                                _mm256_set1_epi16(static_cast<int16_t>(blk.scale(2 * t))));
        const __m256i w_hi = _mm256_mullo_epi16(_mm256_cvtepi8_epi16(_mm256_extracti128_si256(c, 1)),
                                                _mm256_set1_epi16(static_cast<int16_t>(blk.scale(2 * t + 1))));
        const int64_t b = sb * 8 + t;
        for (int r = 0; r < R; ++r)
          part[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(xd + r * nb + b), idot32(w_lo, w_hi, xq + r * K + b * kBlock),
                                    part[r]);
      });
      const float dd = h2f(d[n * nsb + sb]);
      const __m256 ddv = _mm256_set1_ps(dd);
      for (int r = 0; r < R; ++r) acc[r] = _mm256_fmadd_ps(ddv, part[r], acc[r]);
      if constexpr (kGroups != 0) {  // per sum group: (center * d * sc - dmin * mn) * sum(x)
        const __m256 dm = _mm256_set1_ps(S::kMin ? h2f(m[n * nsb + sb]) : 0.f);
        for (int i = 0; i < kGroups / 8; ++i) {
          __m256 coef = _mm256_mul_ps(_mm256_set1_ps(S::kCenter * dd), blk.scales8(i));
          if constexpr (S::kMin) coef = _mm256_fnmadd_ps(dm, blk.mins8(i), coef);
          for (int r = 0; r < R; ++r)
            acc[r] = _mm256_fmadd_ps(coef, _mm256_loadu_ps(xs + r * xs_stride + sb * kGroups + 8 * i), acc[r]);
        }
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]);
  }
}

enum Scheme { kQ5 = 0, kQ2K, kQ3K, kQ4K, kQ5K, kQ6K };

struct SchemeInfo {
  const char* name;
  int64_t unit;   // weights per record
  int64_t bytes;  // bytes per record in qs
  int mins;       // 0: none, 1: required, 2: optional
};

constexpr SchemeInfo kSchemes[] = {
    {"q5", 32, 20, 2}, {"q2_k", 256, Q2K::kBytes, 1}, {"q3_k", 256, Q3K::kBytes, 0},
    {"q4_k", 256, Q4K::kBytes, 1}, {"q5_k", 256, Q5K::kBytes, 1}, {"q6_k", 256, Q6K::kBytes, 0},
};

int scheme_id(const std::string& name) {
  for (int i = 0; i < static_cast<int>(std::size(kSchemes)); ++i)
    if (name == kSchemes[i].name) return i;
  TORCH_CHECK(false, "unknown packed scheme '", name, "'");
  return -1;
}

template <int R>
void lowbit_rows(int scheme, bool has_min, const Acts16& a, int64_t r0, const uint8_t* q, const at::Half* d,
                 const at::Half* m, float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  switch (scheme) {
    case kQ5:
      if (has_min) q5_rows<R, true>(a, r0, q, d, m, y, n0, n1, N, K);
      else q5_rows<R, false>(a, r0, q, d, m, y, n0, n1, N, K);
      break;
    case kQ2K: kq_rows<Q2K, R>(a, r0, q, d, m, y, n0, n1, N, K); break;
    case kQ3K: kq_rows<Q3K, R>(a, r0, q, d, m, y, n0, n1, N, K); break;
    case kQ4K: kq_rows<Q4K, R>(a, r0, q, d, m, y, n0, n1, N, K); break;
    case kQ5K: kq_rows<Q5K, R>(a, r0, q, d, m, y, n0, n1, N, K); break;
    default: kq_rows<Q6K, R>(a, r0, q, d, m, y, n0, n1, N, K); break;
  }
}

}  // namespace

// Checks a packed weight of `scheme` for K input features; returns the scheme's id.
int check_lowbit(const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                 const c10::optional<at::Tensor>& m, int64_t K) {
  const int id = scheme_id(scheme);
  const SchemeInfo& s = kSchemes[id];
  TORCH_CHECK(K % s.unit == 0, scheme, " weights need K to be a multiple of ", s.unit, ", got ", K);
  TORCH_CHECK(qs.dim() == 2 && qs.scalar_type() == at::kByte && qs.is_contiguous() &&
              qs.size(1) == K / s.unit * s.bytes, scheme, " codes must be contiguous uint8 [N, ", K / s.unit * s.bytes, "]");
  TORCH_CHECK(d.dim() == 2 && d.scalar_type() == at::kHalf && d.is_contiguous() && d.size(0) == qs.size(0) &&
              d.size(1) == K / s.unit, scheme, " scales must be contiguous half [N, ", K / s.unit, "]");
  TORCH_CHECK(s.mins != 1 || m.has_value(), scheme, " weights need mins");
  TORCH_CHECK(s.mins != 0 || !m.has_value(), scheme, " weights have no mins");
  check_mins(m, d);
  return id;
}

namespace {

// Dequantization: every product (scale * code) is exact in fp32 (at most 11 + 7 + 5 significant
// bits), so one fma gives exactly what gguf's reference computes with a multiply and a subtract.
template <class S, typename T>
void kq_dequant(const uint8_t* qs, const at::Half* d, const at::Half* m, T* out, int64_t N, int64_t K) {
  const int64_t nsb = K / kSuper;
  at::parallel_for(0, N, 16, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; ++n)
      for (int64_t sb = 0; sb < nsb; ++sb) {
        const S blk(qs + (n * nsb + sb) * S::kBytes);
        const float dd = h2f(d[n * nsb + sb]);
        const float dm = S::kMin ? h2f(m[n * nsb + sb]) : 0.f;
        T* o = out + n * K + sb * kSuper;
        unroll<8>([&](auto tc) {
          constexpr int t = decltype(tc)::value;
          const __m256i c = blk.template codes<t>();
          const __m128i lo = _mm256_castsi256_si128(c), hi = _mm256_extracti128_si256(c, 1);
          const __m256 w[4] = {_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(lo)),
                               _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(lo, 8))),
                               _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(hi)),
                               _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(hi, 8)))};
          for (int j = 0; j < 4; ++j) {
            const int g = 2 * t + j / 2;
            const __m256 sc = _mm256_set1_ps(dd * static_cast<float>(blk.scale(g)));
            const __m256 mn = _mm256_set1_ps(-(dm * static_cast<float>(blk.minimum(g))));
            store8(o + 32 * t + 8 * j, _mm256_fmadd_ps(w[j], sc, mn));
          }
        });
      }
  });
}

template <typename T>
void q5_dequant(const uint8_t* qs, const at::Half* d, const at::Half* m, T* out, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock;
  at::parallel_for(0, N, 16, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; ++n)
      for (int64_t b = 0; b < nb; ++b) {
        const __m256i c = q5_codes(qs + (n * nb + b) * 20);
        const __m128i lo = _mm256_castsi256_si128(c), hi = _mm256_extracti128_si256(c, 1);
        const __m256 w[4] = {_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(lo)),
                             _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(lo, 8))),
                             _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(hi)),
                             _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(hi, 8)))};
        const __m256 dv = _mm256_set1_ps(h2f(d[n * nb + b]));
        // Q5_0: (q - 16) * d; Q5_1: q * d + m, with q = (q - 16) + 16 exact.
        const __m256 off = _mm256_set1_ps(m ? 16.f : 0.f);
        const __m256 mv = _mm256_set1_ps(m ? h2f(m[n * nb + b]) : 0.f);
        T* o = out + n * K + b * kBlock;
        for (int j = 0; j < 4; ++j) store8(o + 8 * j, _mm256_fmadd_ps(_mm256_add_ps(w[j], off), dv, mv));
      }
  });
}

template <typename T>
void lowbit_dequant(int scheme, const uint8_t* q, const at::Half* d, const at::Half* m, T* out, int64_t N, int64_t K) {
  switch (scheme) {
    case kQ5: q5_dequant<T>(q, d, m, out, N, K); break;
    case kQ2K: kq_dequant<Q2K, T>(q, d, m, out, N, K); break;
    case kQ3K: kq_dequant<Q3K, T>(q, d, m, out, N, K); break;
    case kQ4K: kq_dequant<Q4K, T>(q, d, m, out, N, K); break;
    case kQ5K: kq_dequant<Q5K, T>(q, d, m, out, N, K); break;
    default: kq_dequant<Q6K, T>(q, d, m, out, N, K); break;
  }
}

}  // namespace

// y = x @ W.T for the schemes q5, q2_k, q3_k, q4_k, q5_k, q6_k (layouts in packed.h).
at::Tensor lowbit_linear(at::Tensor x, const std::string& scheme, at::Tensor qs, at::Tensor d,
                            c10::optional<at::Tensor> m) {
  count(kLowbit);
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  const int64_t N = qs.size(0), K = x.size(1), M = x.size(0);
  const int id = check_lowbit(scheme, qs, d, m, K);
  auto y = at::empty({M, N}, x.options());
  const Acts16 acts = quantize_acts16(x.data_ptr<float>(), M, K);
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  float* yp = y.data_ptr<float>();
  const bool has_min = mp != nullptr;
  for_panels(M, N, qs.size(1), kGrain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    float* yr = yp + r0 * N;
    switch (rows) {
      case 1: lowbit_rows<1>(id, has_min, acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      case 2: lowbit_rows<2>(id, has_min, acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      case 3: lowbit_rows<3>(id, has_min, acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      default: lowbit_rows<4>(id, has_min, acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
    }
  });
  return y;
}

at::Tensor lowbit_dequantize_into(const std::string& scheme, at::Tensor qs, at::Tensor d,
                                     c10::optional<at::Tensor> m, at::Tensor out) {
  count(kDequant);
  TORCH_CHECK(out.is_contiguous() && out.dim() == 2 && out.size(0) == qs.size(0), "out must be contiguous [N, K]");
  const int64_t N = out.size(0), K = out.size(1);
  const int id = check_lowbit(scheme, qs, d, m, K);
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  if (out.scalar_type() == at::kFloat) lowbit_dequant<float>(id, qp, dp, mp, out.data_ptr<float>(), N, K);
  else if (out.scalar_type() == at::kBFloat16) lowbit_dequant<at::BFloat16>(id, qp, dp, mp, out.data_ptr<at::BFloat16>(), N, K);
  else TORCH_CHECK(false, "dequantize writes float32 or bfloat16");
  return out;
}


void lowbit_dequant_bf16(int scheme, const uint8_t* q, const at::Half* d, const at::Half* m, at::BFloat16* out,
                         int64_t N, int64_t K) {
  lowbit_dequant<at::BFloat16>(scheme, q, d, m, out, N, K);
}

}  // namespace ketch::packed
