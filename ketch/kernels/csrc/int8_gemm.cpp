// Many-row products on packed weights with AVX-512 VNNI: y = x @ W.T in int8 arithmetic, for
// every packed layout (q4, q8, q5 and the K-quants).
//
// Without AMX, dequantizing a weight and running an fp32 GEMM costs 2 x 4 bytes per weight of
// writes and reads per call and runs at the fp32 rate (~145 GOP/s on 2 Zen 4 cores); vpdpbusd
// multiplies 64 byte pairs per instruction, about 4x that rate. Here:
//   * activations are rounded per 32-block to int8 codes q1 (step s = max|x| / 127, as llama.cpp's
//     Q8 activations: each value off by at most s / 2), once per call; with two planes the
//     remainder is rounded again to codes q2 of step s / 254 (at most max|x| / 64516 per value,
//     the precision of ketch's decode kernels; one plane loses too much for small models: SmolLM2's
//     greedy answers change);
//   * each thread decodes 32 weight rows at a time into a panel of unsigned codes u (0..255)
//     with a center c, a float scale s and a float bias b per group of G weights (G = 32, or 16
//     for 16-wide scale groups), value = (u - c) * s + b; the panel is laid out [K/4][32 rows][4],
//     so one 64-byte load holds 4 consecutive codes of 16 rows, one int32 lane per row;
//   * a register tile of R activation rows x 32 weight rows multiplies the panel with 4 codes of
//     each activation row broadcast to every lane; per group the exact int32 sums
//     sum (u - c) * code (the center enters as -c * sum(code), so the sums stay small) are scaled
//     by s * step and the bias term b * sum(x) is added from the float sums of the unrounded x;
//   * two planes run as one: the codes 254 q1 + q2 fit int16, and vpdpwssd against the panel
//     widened to centered int16 pairs takes as many instructions as two vpdpbusd planes but
//     little of their per-group work (no center term; one conversion where two planes take two
//     and an FMA), which on Zen 4 issues on the same pipes: 1.1x the speed at SmolLM2's prompt
//     shapes. Its sums are the integers 254 t1 + t2, converted once, which is what the float
//     combination of the planes' sums rounds to, so it gives the same bits.
// Every output row is summed in the same order whatever R is and whatever rows share the call,
// so a row's result is the same alone or in any batch (batch invariance).
#include "int8_gemm.h"
#include "act_codes.h"
#include "panels.h"
#include "vnni256.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>
#include <memory>
#include <type_traits>
#include <vector>


namespace ketch {
namespace {

using panels::kBlock;
using panels::kPanelRows;
using panels::Panel;
constexpr int kTileRows = 4;  // activation rows per register tile

inline float h2f(at::Half h) { return _cvtsh_ss(h.x); }

// One activation row: codes q (q2: the second plane, or null), steps, code sums, float sums.
KETCH_AVX512 void quantize_row(const float* x, int64_t K, int64_t G, int8_t* q, int8_t* q2, float* step,
                               int32_t* csum, int32_t* csum2, float* xsum) {
  for (int64_t b = 0; b < K / kBlock; ++b) {
    const acts::BlockCodes c = acts::round_block(x + b * kBlock, q2 != nullptr);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(q + b * kBlock), _mm512_cvtsepi32_epi8(c.q0));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(q + b * kBlock + 16), _mm512_cvtsepi32_epi8(c.q1));
    if (q2 != nullptr) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q2 + b * kBlock), _mm512_cvtsepi32_epi8(c.r0));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q2 + b * kBlock + 16), _mm512_cvtsepi32_epi8(c.r1));
    }
    step[b] = q2 != nullptr ? c.step / acts::kPlane2 : c.step;
    if (G == 32) {
      csum[b] = _mm512_reduce_add_epi32(_mm512_add_epi32(c.q0, c.q1));
      if (q2 != nullptr) csum2[b] = _mm512_reduce_add_epi32(_mm512_add_epi32(c.r0, c.r1));
      xsum[b] = _mm512_reduce_add_ps(_mm512_add_ps(c.v0, c.v1));
    } else {
      csum[2 * b] = _mm512_reduce_add_epi32(c.q0);
      csum[2 * b + 1] = _mm512_reduce_add_epi32(c.q1);
      if (q2 != nullptr) {
        csum2[2 * b] = _mm512_reduce_add_epi32(c.r0);
        csum2[2 * b + 1] = _mm512_reduce_add_epi32(c.r1);
      }
      xsum[2 * b] = _mm512_reduce_add_ps(c.v0);
      xsum[2 * b + 1] = _mm512_reduce_add_ps(c.v1);
    }
  }
}

}  // namespace

Acts sized_acts(int64_t M, int64_t K, int64_t G, int planes) {
  Acts a;
  a.M = M;
  a.K = K;
  a.G = G;
  a.planes = planes;
  a.q.resize(planes * M * K);
  a.step.resize(M * (K / kBlock));
  a.csum.resize(planes * M * (K / G));
  a.xsum.resize(M * (K / G));
  return a;
}

Acts quantize_acts(const float* x, int64_t M, int64_t K, int64_t G, int planes) {
  Acts a = sized_acts(M, K, G, planes);
  const int64_t ng = K / G;
  at::parallel_for(0, M, 16, [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r)
      quantize_row(x + r * K, K, G, a.q.data() + r * K, planes == 2 ? a.q.data() + (M + r) * K : nullptr,
                   a.step.data() + r * (K / kBlock), a.csum.data() + r * ng,
                   planes == 2 ? a.csum.data() + (M + r) * ng : nullptr, a.xsum.data() + r * ng);
  });
  return a;
}

namespace {

// Two planes as one int16 code per value, 254 q1 + q2 (|code| <= 127 * 254 + 127 = 32385), in
// units of step / 254: a group's sums over them are the planes' sums combined, 254 t1 + t2.
struct Codes16 {
  int64_t M = 0, K = 0, G = 32;
  std::unique_ptr<int16_t[]> q;  // [M, K], every code written (no zero fill)
  std::vector<float> step;  // [M, K/32]: step / 254
  std::vector<float> xsum;  // [M, K/G]: as quantize_row sums them
};

// One row's int16 codes, steps and float sums.
KETCH_AVX512 void codes16_row(const float* x, int64_t K, int64_t G, int16_t* q, float* step, float* xsum) {
  const __m512i k2 = _mm512_set1_epi32(static_cast<int>(acts::kPlane2));
  for (int64_t b = 0; b < K / kBlock; ++b) {
    const acts::BlockCodes c = acts::round_block(x + b * kBlock, true);
    int16_t* qb = q + b * kBlock;
    const __m512i lo = _mm512_add_epi32(_mm512_mullo_epi32(c.q0, k2), c.r0);
    const __m512i hi = _mm512_add_epi32(_mm512_mullo_epi32(c.q1, k2), c.r1);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(qb), _mm512_cvtepi32_epi16(lo));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(qb + 16), _mm512_cvtepi32_epi16(hi));
    step[b] = c.step / acts::kPlane2;
    if (G == 32) {
      xsum[b] = _mm512_reduce_add_ps(_mm512_add_ps(c.v0, c.v1));
    } else {
      xsum[2 * b] = _mm512_reduce_add_ps(c.v0);
      xsum[2 * b + 1] = _mm512_reduce_add_ps(c.v1);
    }
  }
}

Codes16 quantize_codes16(const float* x, int64_t M, int64_t K, int64_t G) {
  Codes16 a{M, K, G, std::unique_ptr<int16_t[]>(new int16_t[M * K]), std::vector<float>(M * (K / kBlock)),
            std::vector<float>(M * (K / G))};
  at::parallel_for(0, M, 16, [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r)
      codes16_row(x + r * K, K, G, a.q.get() + r * K, a.step.data() + r * (K / kBlock),
                  a.xsum.data() + r * (K / G));
  });
  return a;
}

// One scale group's sums into the float sums of R rows: acc += float(sums) * (s * step) (+ b *
// sum(x)), the same float operations in the same order for both tiles. `step` and `xsum` point
// at row r0's entry for this group; rows lie `step_stride` / `xsum_stride` apart.
template <int R, bool BIAS>
KETCH_AVX512 inline void add_group(const __m512i (&sums)[R][2], const Panel& p, int64_t g, const float* step,
                                   int64_t step_stride, const float* xsum, int64_t xsum_stride, __m512 (&acc)[R][2]) {
  const __m512 s0 = _mm512_loadu_ps(p.scale.data() + g * kPanelRows);
  const __m512 s1 = _mm512_loadu_ps(p.scale.data() + g * kPanelRows + 16);
  for (int r = 0; r < R; ++r) {
    const __m512 dx = _mm512_set1_ps(step[r * step_stride]);
    acc[r][0] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(sums[r][0]), _mm512_mul_ps(s0, dx), acc[r][0]);
    acc[r][1] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(sums[r][1]), _mm512_mul_ps(s1, dx), acc[r][1]);
  }
  if constexpr (BIAS) {
    const __m512 b0 = _mm512_loadu_ps(p.bias.data() + g * kPanelRows);
    const __m512 b1 = _mm512_loadu_ps(p.bias.data() + g * kPanelRows + 16);
    for (int r = 0; r < R; ++r) {
      const __m512 xs = _mm512_set1_ps(xsum[r * xsum_stride]);
      acc[r][0] = _mm512_fmadd_ps(b0, xs, acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(b1, xs, acc[r][1]);
    }
  }
}

// R rows of float sums -> y[r0 + r, n0 .. n0 + valid).
template <int R>
KETCH_AVX512 inline void store_rows(const __m512 (&acc)[R][2], float* y, int64_t r0, int64_t N, int64_t n0,
                                    int64_t valid) {
  const __mmask16 k0 = valid >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << valid) - 1);
  const __mmask16 k1 = valid >= 32 ? 0xFFFF : valid <= 16 ? 0 : static_cast<__mmask16>((1u << (valid - 16)) - 1);
  for (int r = 0; r < R; ++r) {
    float* out = y + (r0 + r) * N + n0;
    _mm512_mask_storeu_ps(out, k0, acc[r][0]);
    _mm512_mask_storeu_ps(out + 16, k1, acc[r][1]);
  }
}

// Two planes: R rows x the panel's 32 weight rows, int16 codes against the centered pairs
// (vpdpwssd); per group the exact sums of (u - c) x (below 2^28) go to add_group.
template <int R, int G, bool BIAS>
KETCH_AVX512 void tile16(const Codes16& a, int64_t r0, const panels::Pairs& pw, const Panel& p, float* y,
                         int64_t n0, int64_t valid, int64_t N) {
  const int64_t K = a.K, ng = K / G, nb = K / kBlock;
  const int32_t* w = pw.w.data();
  const int16_t* xq = a.q.get() + r0 * K;
  __m512 acc[R][2];
  for (int r = 0; r < R; ++r) acc[r][0] = acc[r][1] = _mm512_setzero_ps();
  for (int64_t g = 0; g < ng; ++g) {
    __m512i si[R][2];
    for (int r = 0; r < R; ++r) si[r][0] = si[r][1] = _mm512_setzero_si512();
#pragma GCC unroll 16
    for (int j = 0; j < G / 2; ++j) {
      const int64_t k2 = g * (G / 2) + j;
      const __m512i w0 = _mm512_loadu_si512(w + k2 * kPanelRows), w1 = _mm512_loadu_si512(w + k2 * kPanelRows + 16);
      for (int r = 0; r < R; ++r) {
        const __m512i xb = _mm512_set1_epi32(panels::load_pair(xq + r * K + 2 * k2));
        si[r][0] = _mm512_dpwssd_epi32(si[r][0], w0, xb);
        si[r][1] = _mm512_dpwssd_epi32(si[r][1], w1, xb);
      }
    }
    add_group<R, BIAS>(si, p, g, a.step.data() + r0 * nb + g * G / kBlock, nb, a.xsum.data() + r0 * ng + g, ng,
                       acc);
  }
  store_rows<R>(acc, y, r0, N, n0, valid);
}

// tile(r0, rows) over M rows: register tiles of kTileRows rows, then one of the 1-3 left, `rows`
// a compile-time constant (std::integral_constant).
template <typename Tile>
void for_row_tiles(int64_t M, Tile&& tile) {
  int64_t r0 = 0;
  for (; r0 + kTileRows <= M; r0 += kTileRows) tile(r0, std::integral_constant<int, kTileRows>{});
  switch (M - r0) {
    case 1: tile(r0, std::integral_constant<int, 1>{}); break;
    case 2: tile(r0, std::integral_constant<int, 2>{}); break;
    case 3: tile(r0, std::integral_constant<int, 3>{}); break;
    default: break;
  }
}

template <int G, bool BIAS>
void all_rows16(const Codes16& a, const panels::Pairs& pw, const Panel& p, float* y, int64_t n0, int64_t valid,
                int64_t N) {
  for_row_tiles(a.M, [&](int64_t r0, auto rows) {
    tile16<decltype(rows)::value, G, BIAS>(a, r0, pw, p, y, n0, valid, N);
  });
}

// One plane: R activation rows (r0..) x the panel's 32 weight rows -> y[r, n0 .. n0 + valid).
template <int R, int G, bool BIAS>
KETCH_AVX512 void tile(const Acts& a, int64_t r0, const Panel& p, int center, float* y, int64_t n0, int64_t valid,
                       int64_t N) {
  const int64_t K = a.K, ng = K / G, nb = K / kBlock;
  const uint32_t* u = p.u.data();
  const int8_t* xq = a.q.data() + r0 * K;
  const int32_t* cs = a.csum.data() + r0 * ng;
  __m512 acc[R][2];
  for (int r = 0; r < R; ++r) acc[r][0] = acc[r][1] = _mm512_setzero_ps();
  for (int64_t g = 0; g < ng; ++g) {
    __m512i ai[R][2];
    for (int r = 0; r < R; ++r) ai[r][0] = ai[r][1] = _mm512_set1_epi32(-center * cs[r * ng + g]);
    for (int j = 0; j < G / 4; ++j) {
      const int64_t k4 = g * (G / 4) + j;
      const __m512i w0 = _mm512_loadu_si512(u + k4 * kPanelRows), w1 = _mm512_loadu_si512(u + k4 * kPanelRows + 16);
      for (int r = 0; r < R; ++r) {
        const __m512i xb = _mm512_set1_epi32(acts::load4(xq + r * K + k4 * 4));
        ai[r][0] = _mm512_dpbusd_epi32(ai[r][0], w0, xb);
        ai[r][1] = _mm512_dpbusd_epi32(ai[r][1], w1, xb);
      }
    }
    add_group<R, BIAS>(ai, p, g, a.step.data() + r0 * nb + g * G / kBlock, nb, a.xsum.data() + r0 * ng + g, ng,
                       acc);
  }
  store_rows<R>(acc, y, r0, N, n0, valid);
}

template <int G, bool BIAS>
void all_rows(const Acts& a, const Panel& p, int center, float* y, int64_t n0, int64_t valid, int64_t N) {
  for_row_tiles(a.M, [&](int64_t r0, auto rows) {
    tile<decltype(rows)::value, G, BIAS>(a, r0, p, center, y, n0, valid, N);
  });
}

}  // namespace

bool int8_gemm_supported(int64_t width) {
  static const bool ok = acts::cpu_has_avx512_vnni();
  return ok || (width == 256 && cpu_has_avx_vnni());
}

bool int8_gemm_scheme(const std::string& scheme) { return panels::layout_of(scheme) != nullptr; }

at::Tensor int8_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                        const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset,
                        int64_t planes, int64_t width) {
  TORCH_CHECK(planes == 1 || planes == 2, "int8_gemm takes 1 or 2 activation planes, got ", planes);
  TORCH_CHECK(width == 512 || width == 256, "int8_gemm runs 512- or 256-bit vectors, not ", width);
  TORCH_CHECK(int8_gemm_supported(width), "int8_gemm at ", width, " bits needs ",
              width == 512 ? "AVX-512 VNNI" : "AVX-VNNI or AVX-512 VNNI", ", which this CPU lacks");
  if (width == 256) return int8_gemm256(x, scheme, qs, d, m, offset, planes);
  const panels::Gemm g = panels::check_gemm("int8_gemm", x, scheme, qs, d, m, offset);
  const int64_t M = g.M, N = g.N, K = g.K, G = g.G;
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  float* yp = y.data_ptr<float>();
  if (planes == 2) {
    const Codes16 codes = quantize_codes16(x.data_ptr<float>(), M, K, G);
    const int center = g.layout->center;
    panels::for_each_panel(g, scheme, qs, d, m, offset, true, [&] { return panels::Pairs(K); },
                           [&](panels::Pairs& pairs, const Panel& panel, int64_t n0, int64_t rows) {
                             panels::widen(panel, center, K, pairs, true);
                             panels::with_shape(G, g.bias, 1, [&](auto group, auto bias, auto) {
                               all_rows16<decltype(group)::value, decltype(bias)::value>(codes, pairs, panel, yp, n0,
                                                                                         rows, N);
                             });
                           });
    return y;
  }
  const Acts acts = quantize_acts(x.data_ptr<float>(), M, K, G, 1);
  panels::for_each_panel(g, scheme, qs, d, m, offset, true, [] { return 0; },
                         [&](int, const Panel& panel, int64_t n0, int64_t rows) {
                           panels::with_shape(G, g.bias, 1, [&](auto group, auto bias, auto) {
                             all_rows<decltype(group)::value, decltype(bias)::value>(acts, panel, g.layout->center,
                                                                                     yp, n0, rows, N);
                           });
                         });
  return y;
}

}  // namespace ketch
