// Many-row products in 256-bit vectors: int8_gemm.cpp's arithmetic for CPUs with AVX-VNNI and no
// AVX-512 (Intel client cores from Alder Lake on), compiled for AVX2 with vpdpbusd as inline asm
// (vnni256.h), so an AVX-512 VNNI machine runs and tests the same code in the EVEX form.
//
// The steps are int8_gemm.cpp's: activations rounded per 32-block to one or two int8 planes (the
// AVX2 quantizer here gives act_codes.h's codes, steps and sums bit for bit: the same rounding, and
// its float sums add in the order of _mm512_reduce_add_ps), weight panels of 32 rows decoded by
// the AVX2 decoders (panels.h), per group the exact int32 sums of (u - c) x, two planes combined
// as 254 t1 + t2, scaled by s * step, plus b * sum(x). Each lane meets the same float operations
// in the same order as in the 512-bit kernel, so both give the same bits.
//
// A panel's 32 rows are 4 vectors of 8 int32 lanes. Code compiled for AVX2 has 16 vector
// registers (the EVEX form too: the asm operands are ymm0-15), so a register tile holds one
// activation row on two planes (8 int32 sums, 4 float sums, a weight vector and 2 broadcasts), two
// on one plane. Every output row is summed in the same order whatever rows share the call (batch
// invariance).
#include "act_codes.h"
#include "int8_gemm.h"
#include "panels.h"
#include "vnni256.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>

namespace ketch {
namespace {

using acts::load4;
using panels::kBlock;
using panels::kPanelRows;
using panels::Panel;
constexpr int V = kPanelRows / 8;  // 8-lane vectors per panel

inline float hsum8(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  return _mm_cvtss_f32(_mm_add_ss(s, _mm_movehdup_ps(s)));
}

inline int32_t hsum8i(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  return _mm_cvtsi128_si32(_mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1)));
}

// 32 int32 codes (each within int8) -> 32 bytes in order.
inline __m256i pack_codes(const __m256i (&c)[4]) {
  // packs works per 128-bit lane: the 4-byte groups come out as c0a c1a c2a c3a c0b c1b c2b c3b
  const __m256i b = _mm256_packs_epi16(_mm256_packs_epi32(c[0], c[1]), _mm256_packs_epi32(c[2], c[3]));
  return _mm256_permutevar8x32_epi32(b, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

}  // namespace

Acts quantize_acts_avx2(const float* x, int64_t M, int64_t K, int64_t G, int planes) {
  TORCH_CHECK(G == 16 || G == 32, "activation sums are per 16 or 32 values, not ", G);
  const int64_t nb = K / kBlock, ng = K / G;
  Acts a = sized_acts(M, K, G, planes);
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  const __m256 k2 = _mm256_set1_ps(acts::kPlane2);
  // rows round independently: split them over threads as quantize_acts does
  at::parallel_for(0, M, 16, [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r)
      for (int64_t b = 0; b < nb; ++b) {
        const float* p = x + r * K + b * kBlock;
        __m256 v[4];
        __m256 amax = _mm256_setzero_ps();
        for (int j = 0; j < 4; ++j) {
          v[j] = _mm256_loadu_ps(p + 8 * j);
          amax = _mm256_max_ps(amax, _mm256_and_ps(v[j], abs_mask));
        }
        __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(amax), _mm256_extractf128_ps(amax, 1));
        m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
        const float step = _mm_cvtss_f32(_mm_max_ss(m4, _mm_movehdup_ps(m4))) / 127.f;
        const __m256 inv = _mm256_set1_ps(step > 0.f ? 1.f / step : 0.f);
        __m256i q1[4], q2[4];
        for (int j = 0; j < 4; ++j) {
          const __m256 scaled = _mm256_mul_ps(v[j], inv);
          const __m256 f = _mm256_round_ps(scaled, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
          q1[j] = _mm256_cvtps_epi32(f);
          q2[j] = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_sub_ps(scaled, f), k2));
        }
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + r * K + b * kBlock), pack_codes(q1));
        if (planes == 2)
          _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + (M + r) * K + b * kBlock), pack_codes(q2));
        a.step[r * nb + b] = planes == 2 ? step / acts::kPlane2 : step;
        // halves 0-15 and 16-31; a whole block adds value i + 16 to value i first, as the
        // 512-bit reduction of its two halves does
        if (G == 32) {
          a.csum[r * ng + b] = hsum8i(_mm256_add_epi32(_mm256_add_epi32(q1[0], q1[1]), _mm256_add_epi32(q1[2], q1[3])));
          if (planes == 2)
            a.csum[(M + r) * ng + b] =
                hsum8i(_mm256_add_epi32(_mm256_add_epi32(q2[0], q2[1]), _mm256_add_epi32(q2[2], q2[3])));
          a.xsum[r * ng + b] = hsum8(_mm256_add_ps(_mm256_add_ps(v[0], v[2]), _mm256_add_ps(v[1], v[3])));
        } else {
          for (int h = 0; h < 2; ++h) {
            a.csum[r * ng + 2 * b + h] = hsum8i(_mm256_add_epi32(q1[2 * h], q1[2 * h + 1]));
            if (planes == 2) a.csum[(M + r) * ng + 2 * b + h] = hsum8i(_mm256_add_epi32(q2[2 * h], q2[2 * h + 1]));
            a.xsum[r * ng + 2 * b + h] = hsum8(_mm256_add_ps(v[2 * h], v[2 * h + 1]));
          }
        }
      }
  });
  return a;
}

namespace {

// R activation rows (r0..) x the panel's 32 weight rows -> y[r, n0 .. n0 + valid); P planes.
template <int R, int G, bool BIAS, int P, bool VEX>
void tile(const Acts& a, int64_t r0, const Panel& p, int center, float* y, int64_t n0, int64_t valid, int64_t N) {
  const int64_t K = a.K, ng = K / G, nb = K / kBlock;
  const uint32_t* u = p.u.data();
  const int8_t* xq[P];
  const int32_t* cs[P];
  for (int q = 0; q < P; ++q) {
    xq[q] = a.q.data() + (q * a.M + r0) * K;
    cs[q] = a.csum.data() + (q * a.M + r0) * ng;
  }
  __m256 acc[R][V];
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) acc[r][v] = _mm256_setzero_ps();
  for (int64_t g = 0; g < ng; ++g) {
    __m256i ai[P][R][V];
    for (int q = 0; q < P; ++q)
      for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) ai[q][r][v] = _mm256_set1_epi32(-center * cs[q][r * ng + g]);
    for (int j = 0; j < G / 4; ++j) {
      const int64_t k4 = g * (G / 4) + j;
      __m256i xb[P][R];
      for (int q = 0; q < P; ++q)
        for (int r = 0; r < R; ++r) xb[q][r] = _mm256_set1_epi32(load4(xq[q] + r * K + k4 * 4));
      for (int v = 0; v < V; ++v) {
        const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(u + k4 * kPanelRows + 8 * v));
        for (int q = 0; q < P; ++q)
          for (int r = 0; r < R; ++r) ai[q][r][v] = dpbusd256<VEX>(ai[q][r][v], w, xb[q][r]);
      }
    }
    const int64_t b = g * G / kBlock;
    for (int r = 0; r < R; ++r) {
      const __m256 dx = _mm256_set1_ps(a.step[(r0 + r) * nb + b]);
      for (int v = 0; v < V; ++v) {
        __m256 t = _mm256_cvtepi32_ps(ai[0][r][v]);
        if constexpr (P == 2) t = _mm256_fmadd_ps(t, _mm256_set1_ps(acts::kPlane2), _mm256_cvtepi32_ps(ai[1][r][v]));
        const __m256 sv = _mm256_loadu_ps(p.scale.data() + g * kPanelRows + 8 * v);
        acc[r][v] = _mm256_fmadd_ps(t, _mm256_mul_ps(sv, dx), acc[r][v]);
      }
    }
    if constexpr (BIAS) {
      for (int r = 0; r < R; ++r) {
        const __m256 xs = _mm256_set1_ps(a.xsum[(r0 + r) * ng + g]);
        for (int v = 0; v < V; ++v)
          acc[r][v] = _mm256_fmadd_ps(_mm256_loadu_ps(p.bias.data() + g * kPanelRows + 8 * v), xs, acc[r][v]);
      }
    }
  }
  for (int r = 0; r < R; ++r) {
    float* out = y + (r0 + r) * N + n0;
    if (valid == kPanelRows) {
      for (int v = 0; v < V; ++v) _mm256_storeu_ps(out + 8 * v, acc[r][v]);
    } else {
      float row[kPanelRows];
      for (int v = 0; v < V; ++v) _mm256_storeu_ps(row + 8 * v, acc[r][v]);
      std::copy_n(row, valid, out);
    }
  }
}

template <int G, bool BIAS, int P, bool VEX>
void all_rows(const Acts& a, const Panel& p, int center, float* y, int64_t n0, int64_t valid, int64_t N) {
  constexpr int R = P == 2 ? 1 : 2;  // the register budget (see the top)
  int64_t r0 = 0;
  for (; r0 + R <= a.M; r0 += R) tile<R, G, BIAS, P, VEX>(a, r0, p, center, y, n0, valid, N);
  for (; r0 < a.M; ++r0) tile<1, G, BIAS, P, VEX>(a, r0, p, center, y, n0, valid, N);
}

}  // namespace

at::Tensor int8_gemm256(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                        const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset,
                        int64_t planes) {
  const panels::Gemm g = panels::check_gemm("int8_gemm", x, scheme, qs, d, m, offset);
  const int64_t M = g.M, N = g.N, K = g.K, G = g.G;
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const Acts acts = quantize_acts_avx2(x.data_ptr<float>(), M, K, G, static_cast<int>(planes));
  float* yp = y.data_ptr<float>();
  const bool vex = cpu_has_avx_vnni();  // else AVX-512 VNNI's EVEX form
  // the AVX2 decoders: this product is what a CPU without AVX-512 runs
  panels::for_each_panel(g, scheme, qs, d, m, offset, false, [] { return 0; },
                         [&](int, const Panel& panel, int64_t n0, int64_t rows) {
                           panels::with_shape(G, g.bias, acts.planes, [&](auto group, auto bias, auto planes) {
                             constexpr int kG = decltype(group)::value, kP = decltype(planes)::value;
                             constexpr bool kBias = decltype(bias)::value;
                             if (vex) all_rows<kG, kBias, kP, true>(acts, panel, g.layout->center, yp, n0, rows, N);
                             else all_rows<kG, kBias, kP, false>(acts, panel, g.layout->center, yp, n0, rows, N);
                           });
                         });
  return y;
}

}  // namespace ketch
