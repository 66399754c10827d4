// Few-row products on q4 and q8 weights with int16 activations (AVX2): the path of every CPU
// without AVX-512 VNNI (layouts and the rounding in packed.h).
#include "packed.h"

namespace ketch::packed {

Acts16 quantize_acts16(const float* x, int64_t M, int64_t K) {
  const int64_t nb = K / kBlock;
  Acts16 a{std::vector<int16_t>(M * K), std::vector<float>(M * nb), std::vector<float>(M * nb),
           std::vector<float>(M * nb * 2)};
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  for (int64_t i = 0; i < M * nb; ++i) {
    const float* p = x + i * kBlock;
    const __m256 v0 = _mm256_loadu_ps(p), v1 = _mm256_loadu_ps(p + 8), v2 = _mm256_loadu_ps(p + 16), v3 = _mm256_loadu_ps(p + 24);
    const __m256 amax = _mm256_max_ps(_mm256_max_ps(_mm256_and_ps(v0, abs_mask), _mm256_and_ps(v1, abs_mask)),
                                      _mm256_max_ps(_mm256_and_ps(v2, abs_mask), _mm256_and_ps(v3, abs_mask)));
    __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(amax), _mm256_extractf128_ps(amax, 1));
    m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
    m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
    const float step = _mm_cvtss_f32(m4) / 32767.f;
    const __m256 inv = _mm256_set1_ps(step > 0.f ? 1.f / step : 0.f);
    const __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, inv)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, inv));
    const __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, inv)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, inv));
    // packs works per 128-bit lane: the 64-bit permute puts the 16 values back in order.
    const __m256i lo = _mm256_permute4x64_epi64(_mm256_packs_epi32(i0, i1), 0xD8);
    const __m256i hi = _mm256_permute4x64_epi64(_mm256_packs_epi32(i2, i3), 0xD8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + i * kBlock), lo);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + i * kBlock + 16), hi);
    a.d[i] = step;
    a.sum16[2 * i] = hsum(_mm256_add_ps(v0, v1));
    a.sum16[2 * i + 1] = hsum(_mm256_add_ps(v2, v3));
    a.sum[i] = a.sum16[2 * i] + a.sum16[2 * i + 1];
  }
  return a;
}


namespace {


template <int R, bool MIN>
void q4_rows(const Acts16& acts, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock;
  const __m128i low4 = _mm_set1_epi8(0x0F);
  const __m256i eight = _mm256_set1_epi16(8);
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  const float* xs = acts.sum.data() + r0 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    float accm[R];
    for (int r = 0; r < R; ++r) { acc[r] = _mm256_setzero_ps(); accm[r] = 0.f; }
    const uint8_t* qrow = qs + n * (K / 2);
    for (int64_t b = 0; b < nb; ++b) {
      const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * 16));
      // Centered (q - 8): the int16 rounding of x then scales with |q - 8|, not |q|.
      const __m256i w_lo = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_and_si128(raw, low4)), eight);
      const __m256i w_hi = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(raw, 4), low4)), eight);
      const float db = h2f(d[n * nb + b]);
      for (int r = 0; r < R; ++r) {
        const int64_t i = r * nb + b;
        acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(db * xd[i]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
      }
      if constexpr (MIN) {  // without mins (Q4_0) the centered codes are the whole value
        const float mb = h2f(m[n * nb + b]) + 8.f * db;
        for (int r = 0; r < R; ++r) accm[r] += mb * xs[r * nb + b];
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]) + accm[r];
  }
}

// Weight rows ahead of the one in use that q8_rows prefetches (measured on Zen 3 for SmolLM2's
// 576-wide Q8_0 head: 4 beat 2, 8 and 16). A prefetch past the matrix never faults.
constexpr int64_t kPrefetchRows = 4;

template <int R, int G, bool MIN>
void q8_rows(const Acts16& acts, int64_t r0, const int8_t* qs, const at::Half* d, const at::Half* m, float offset,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock, ng = K / G;
  const float* xsum = G == 32 ? acts.sum.data() + r0 * nb : acts.sum16.data() + r0 * ng;
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    float accm[R];
    for (int r = 0; r < R; ++r) { acc[r] = _mm256_setzero_ps(); accm[r] = 0.f; }
    const int8_t* qrow = qs + n * K;
    alignas(32) float scale[R][8];  // G = 32: d * step of 8 blocks at a time, per activation row
    for (int64_t b = 0; b < nb; ++b) {
      // One cache line (2 blocks) of the row kPrefetchRows ahead: the hardware prefetcher alone
      // leaves a core reading these rows at about 7.5 GB/s on Zen 3, this at about 11-12.
      if (b % 2 == 0) _mm_prefetch(reinterpret_cast<const char*>(qrow + kPrefetchRows * K + b * kBlock), _MM_HINT_T0);
      const __m256i w_lo = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock)));
      const __m256i w_hi = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock + 16)));
      if constexpr (G == 32) {
        // The scale products d * step, 8 blocks per vector multiply instead of a scalar convert,
        // multiply and broadcast per block (the same fp32 products, so the same bits).
        if (b % 8 == 0) {
          if (b + 8 <= nb) {
            const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + n * ng + b)));
            for (int r = 0; r < R; ++r) _mm256_store_ps(scale[r], _mm256_mul_ps(dv, _mm256_loadu_ps(xd + r * nb + b)));
          } else {
            for (int64_t j = b; j < nb; ++j)
              for (int r = 0; r < R; ++r) scale[r][j - b] = h2f(d[n * ng + j]) * xd[r * nb + j];
          }
        }
        for (int r = 0; r < R; ++r)
          acc[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(&scale[r][b % 8]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
        if constexpr (MIN) {
          const float db = h2f(d[n * ng + b]);
          const float mb = h2f(m[n * ng + b]) + offset * db;
          for (int r = 0; r < R; ++r) accm[r] += mb * xsum[r * ng + b];
        }
      } else {  // one scale per 16 weights: the two halves of the block are scaled apart
        const float d0 = h2f(d[n * ng + 2 * b]), d1 = h2f(d[n * ng + 2 * b + 1]);
        for (int r = 0; r < R; ++r) {
          const int16_t* xb = xq + r * K + b * kBlock;
          const __m256 lo = _mm256_cvtepi32_ps(_mm256_madd_epi16(w_lo, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xb))));
          const __m256 hi = _mm256_cvtepi32_ps(_mm256_madd_epi16(w_hi, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xb + 16))));
          const float xs = xd[r * nb + b];
          acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(d0 * xs), lo, _mm256_fmadd_ps(_mm256_set1_ps(d1 * xs), hi, acc[r]));
        }
        if constexpr (MIN) {
          const float m0 = h2f(m[n * ng + 2 * b]) + offset * d0, m1 = h2f(m[n * ng + 2 * b + 1]) + offset * d1;
          for (int r = 0; r < R; ++r) accm[r] += m0 * xsum[r * ng + 2 * b] + m1 * xsum[r * ng + 2 * b + 1];
        }
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]) + accm[r];
  }
}

template <int G, bool MIN>
void dispatch_rows(int64_t rows, const Acts16& a, int64_t r0, const int8_t* q, const at::Half* d, const at::Half* m,
                   float off, float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  switch (rows) {
    case 1: q8_rows<1, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 2: q8_rows<2, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 3: q8_rows<3, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    default: q8_rows<4, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
  }
}

void dispatch_q8(int64_t rows, bool g16, bool has_min, const Acts16& a, int64_t r0, const int8_t* q,
                 const at::Half* d, const at::Half* m, float off, float* y, int64_t n0, int64_t n1, int64_t N,
                 int64_t K) {
  if (g16) {
    if (has_min) dispatch_rows<16, true>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_rows<16, false>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  } else {
    if (has_min) dispatch_rows<32, true>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_rows<32, false>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  }
}

}  // namespace

void q4_linear_int16(const float* x, int64_t M, const uint8_t* qp, const at::Half* dp, const at::Half* mp, float* yp,
                     int64_t N, int64_t K, int64_t grain) {
  const bool has_min = mp != nullptr;
  const Acts16 acts = quantize_acts16(x, M, K);
  for_panels(M, N, K / 2, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    float* yr = yp + r0 * N;
    if (has_min) {
      switch (rows) {
        case 1: q4_rows<1, true>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 2: q4_rows<2, true>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 3: q4_rows<3, true>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        default: q4_rows<4, true>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      }
    } else {
      switch (rows) {
        case 1: q4_rows<1, false>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 2: q4_rows<2, false>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 3: q4_rows<3, false>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        default: q4_rows<4, false>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      }
    }
  });
}

void q8_linear_int16(const float* x, int64_t M, const int8_t* qp, const at::Half* dp, const at::Half* mp, float off,
                     bool g16, float* yp, int64_t N, int64_t K, int64_t grain) {
  const bool has_min = mp != nullptr;
  const Acts16 acts = quantize_acts16(x, M, K);
  for_panels(M, N, K, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    dispatch_q8(rows, g16, has_min, acts, r0, qp, dp, mp, off, yp + r0 * N, n0, n1, N, K);
  });
}

}  // namespace ketch::packed
