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
//     sum (u - c) * code (the center enters as -c * sum(code), so the sums stay small; two planes
//     combine as 254 t1 + t2 in float, exact for |u - c| <= 8 and within 2^-24 of it for wider codes) are scaled by s * step and the bias term b * sum(x) is added from the
//     float sums of the unrounded x.
// Every output row is summed in the same order whatever R is and whatever rows share the call,
// so a row's result is the same alone or in any batch (batch invariance).
#include "int8_gemm.h"
#include "act_codes.h"
#include "kquant_codes.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <vector>


namespace ketch {
namespace {

constexpr int64_t kBlock = 32;     // one activation step per 32 values
constexpr int64_t kPanelRows = 32; // weight rows per panel: two vectors of 16 int32 lanes
constexpr int kTileRows = 4;       // activation rows per register tile with one plane (3 with two)

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

struct Panel {
  std::vector<uint32_t> u;  // [K/4][32]: 4 codes of one row per word
  std::vector<float> scale; // [K/G][32]
  std::vector<float> bias;  // [K/G][32]
  Panel(int64_t K, int64_t G) : u(K / 4 * kPanelRows), scale(K / G * kPanelRows), bias(K / G * kPanelRows) {}
};

// Weight rows past the end of the matrix: zero scale and bias, so they add nothing.
void clear_rows(Panel& p, int64_t rows) {
  if (rows == kPanelRows) return;
  const int64_t k4 = p.u.size() / kPanelRows, ng = p.scale.size() / kPanelRows;
  for (int64_t j = 0; j < k4; ++j) std::fill_n(p.u.data() + j * kPanelRows + rows, kPanelRows - rows, 0u);
  for (int64_t g = 0; g < ng; ++g) {
    std::fill_n(p.scale.data() + g * kPanelRows + rows, kPanelRows - rows, 0.f);
    std::fill_n(p.bias.data() + g * kPanelRows + rows, kPanelRows - rows, 0.f);
  }
}

// 8 words (32 codes in weight order) of panel row i, starting at word row k4.
inline void put_words(Panel& p, int64_t k4, int64_t i, const uint32_t (&w)[8]) {
  for (int t = 0; t < 8; ++t) p.u[(k4 + t) * kPanelRows + i] = w[t];
}

// A 16 x 4 transpose of 32-bit words: rows[j] holds, in 128-bit lane L, 4 words of weight row
// j + 4 L; out[t] gets word t of rows 0..15, in order (two unpack rounds inside each lane).
KETCH_AVX512 inline void transpose_words(const __m512i (&rows)[4], __m512i (&out)[4]) {
  const __m512i t0 = _mm512_unpacklo_epi32(rows[0], rows[1]), t1 = _mm512_unpackhi_epi32(rows[0], rows[1]);
  const __m512i t2 = _mm512_unpacklo_epi32(rows[2], rows[3]), t3 = _mm512_unpackhi_epi32(rows[2], rows[3]);
  out[0] = _mm512_unpacklo_epi64(t0, t2);
  out[1] = _mm512_unpackhi_epi64(t0, t2);
  out[2] = _mm512_unpacklo_epi64(t1, t3);
  out[3] = _mm512_unpackhi_epi64(t1, t3);
}

// 16 bytes of each of 16 rows (row i at base + i * stride), row j + 4 L in lane L of the j-th vector.
KETCH_AVX512 inline void gather_rows(const uint8_t* base, int64_t stride, __m512i (&rows)[4]) {
  for (int j = 0; j < 4; ++j) {
    __m512i v = _mm512_castsi128_si512(_mm_loadu_si128(reinterpret_cast<const __m128i*>(base + j * stride)));
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 4) * stride)), 1);
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 8) * stride)), 2);
    rows[j] = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 12) * stride)), 3);
  }
}

// Words k4..k4+3 of panel rows h*16..h*16+15 from 16 rows' 16 bytes of codes each.
KETCH_AVX512 inline void put_16_rows(Panel& p, int64_t k4, int h, const __m512i (&rows)[4]) {
  __m512i t[4];
  transpose_words(rows, t);
  for (int j = 0; j < 4; ++j) _mm512_storeu_si512(p.u.data() + (k4 + j) * kPanelRows + h * 16, t[j]);
}

// q4: the nibble codes u (0..15), center 8; value = (u - 8) d (+ m + 8 d with mins). Whole groups
// of 16 rows are transposed in registers; a partial one goes word by word.
KETCH_AVX512 void decode_q4(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows,
                          int64_t K, Panel& p) {
  const int64_t nb = K / kBlock, stride = K / 2;
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  int64_t i = 0;
  for (; i + 16 <= rows; i += 16) {
    const uint8_t* base = qs + (n0 + i) * stride;
    for (int64_t b = 0; b < nb; ++b) {
      __m512i raw[4], lo[4], hi[4];
      gather_rows(base + b * 16, stride, raw);
      for (int j = 0; j < 4; ++j) {
        lo[j] = _mm512_and_si512(raw[j], low4);
        hi[j] = _mm512_and_si512(_mm512_srli_epi16(raw[j], 4), low4);
      }
      put_16_rows(p, b * 8, static_cast<int>(i / 16), lo);
      put_16_rows(p, b * 8 + 4, static_cast<int>(i / 16), hi);
    }
  }
  const __m128i low4x = _mm_set1_epi8(0x0F);
  for (; i < rows; ++i) {
    const uint8_t* row = qs + (n0 + i) * stride;
    for (int64_t b = 0; b < nb; ++b) {
      const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + b * 16));
      uint32_t w[8];
      _mm_storeu_si128(reinterpret_cast<__m128i*>(w), _mm_and_si128(raw, low4x));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(w + 4), _mm_and_si128(_mm_srli_epi16(raw, 4), low4x));
      put_words(p, b * 8, i, w);
    }
  }
  for (i = 0; i < rows; ++i)
    for (int64_t b = 0; b < nb; ++b) {
      const float dd = h2f(d[(n0 + i) * nb + b]);
      p.scale[b * kPanelRows + i] = dd;
      p.bias[b * kPanelRows + i] = m ? h2f(m[(n0 + i) * nb + b]) + 8.f * dd : 0.f;
    }
  clear_rows(p, rows);
}

// q4x16 (q4x16.cpp): each 64-byte chunk already holds 4 codes of 16 rows, one int32 lane per row,
// so a panel is two tiles' chunks masked and shifted, with no transpose. Rows come in whole tiles.
KETCH_AVX512 void decode_q4x16(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows,
                               int64_t K, Panel& p) {
  const int64_t nb = K / kBlock;
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  for (int64_t h = 0; h * 16 < rows; ++h) {
    const int64_t t = n0 / 16 + h;
    const uint8_t* w = qs + t * nb * 256;
    for (int64_t b = 0; b < nb; ++b)
      for (int k = 0; k < 4; ++k) {
        const __m512i raw = _mm512_loadu_si512(w + (b * 4 + k) * 64);
        _mm512_storeu_si512(p.u.data() + (b * 8 + k) * kPanelRows + h * 16, _mm512_and_si512(raw, low4));
        _mm512_storeu_si512(p.u.data() + (b * 8 + 4 + k) * kPanelRows + h * 16,
                            _mm512_and_si512(_mm512_srli_epi16(raw, 4), low4));
      }
    for (int64_t b = 0; b < nb; ++b)
      for (int i = 0; i < 16; ++i) {
        const int64_t at = (t * nb + b) * 16 + i;
        const float dd = h2f(d[at]);
        p.scale[b * kPanelRows + h * 16 + i] = dd;
        p.bias[b * kPanelRows + h * 16 + i] = m ? h2f(m[at]) + 8.f * dd : 0.f;
      }
  }
  clear_rows(p, rows);
}

// q8: u = code + 128, center 128; value = (u - 128) d + (offset d + m).
KETCH_AVX512 void decode_q8(const int8_t* qs, const at::Half* d, const at::Half* m, float offset, int64_t G,
                          int64_t n0, int64_t rows, int64_t K, Panel& p) {
  const int64_t ng = K / G;
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  int64_t i = 0;
  for (; i + 16 <= rows; i += 16) {
    const uint8_t* base = reinterpret_cast<const uint8_t*>(qs + (n0 + i) * K);
    for (int64_t k16 = 0; k16 < K / 16; ++k16) {  // 16 codes (4 words) of each row at a time
      __m512i raw[4];
      gather_rows(base + k16 * 16, K, raw);
      for (int j = 0; j < 4; ++j) raw[j] = _mm512_xor_si512(raw[j], flip);
      put_16_rows(p, k16 * 4, static_cast<int>(i / 16), raw);
    }
  }
  const __m256i flip8 = _mm256_set1_epi8(static_cast<char>(0x80));
  for (; i < rows; ++i) {
    const int8_t* row = qs + (n0 + i) * K;
    for (int64_t b = 0; b < K / kBlock; ++b) {
      uint32_t w[8];
      const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + b * kBlock));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), _mm256_xor_si256(raw, flip8));
      put_words(p, b * 8, i, w);
    }
  }
  for (i = 0; i < rows; ++i)
    for (int64_t g = 0; g < ng; ++g) {
      const float dd = h2f(d[(n0 + i) * ng + g]);
      p.scale[g * kPanelRows + i] = dd;
      p.bias[g * kPanelRows + i] = offset * dd + (m ? h2f(m[(n0 + i) * ng + g]) : 0.f);
    }
  clear_rows(p, rows);
}

// q5: the signed codes q - 16 (kquant_codes.h) as u = code + 128, center 128; value = (q - 16) d
// (+ m + 16 d with mins, Q5_1).
void decode_q5(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K,
               Panel& p) {
  const int64_t nb = K / kBlock;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t b = 0; b < nb; ++b) {
      uint32_t w[8];
      const __m256i c = codes::q5_codes(qs + ((n0 + i) * nb + b) * 20);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), _mm256_xor_si256(c, codes::bytes(0x80)));
      put_words(p, b * 8, i, w);
      const float dd = h2f(d[(n0 + i) * nb + b]);
      p.scale[b * kPanelRows + i] = dd;
      p.bias[b * kPanelRows + i] = m ? h2f(m[(n0 + i) * nb + b]) + 16.f * dd : 0.f;
    }
  clear_rows(p, rows);
}

// K-quants: each super-block's sub-block codes (kquant_codes.h) with the integer sub-block scale
// folded into the group's float scale (exact: 11 + 6 bits). Unsigned codes keep the type's center
// c (the min term gains c * scale); the signed ones (Q6_K, Q3_K) become u = code + 128, c = 128.
// G = 32 where a scale covers 32 weights (Q4_K, Q5_K), else 16.
template <class S>
void decode_kquant(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K,
                   int64_t G, Panel& p) {
  constexpr bool kSigned = S::kCenter == 0;
  const int64_t nsb = K / codes::kSuper, per = codes::kSuper / G;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t sb = 0; sb < nsb; ++sb) {
      const S blk(qs + ((n0 + i) * nsb + sb) * S::kBytes);
      codes::unroll<8>([&](auto tc) {
        constexpr int t = decltype(tc)::value;
        __m256i c = blk.template codes<t>();
        if constexpr (kSigned) c = _mm256_xor_si256(c, codes::bytes(0x80));
        uint32_t w[8];
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), c);
        put_words(p, (sb * codes::kSuper + 32 * t) / 4, i, w);
      });
      const float dd = h2f(d[(n0 + i) * nsb + sb]);
      const float dm = S::kMin ? h2f(m[(n0 + i) * nsb + sb]) : 0.f;
      for (int64_t g = 0; g < per; ++g) {
        const int g16 = static_cast<int>(g * G / 16);  // the first 16-group of this group
        const float s = dd * static_cast<float>(blk.scale(g16));
        const int64_t at = (sb * per + g) * kPanelRows + i;
        p.scale[at] = s;
        p.bias[at] = kSigned ? 0.f : static_cast<float>(S::kCenter) * s - dm * static_cast<float>(blk.minimum(g16));
      }
    }
  clear_rows(p, rows);
}

// R activation rows (r0..) x the panel's 32 weight rows -> y[r, n0 .. n0 + valid); P planes.
template <int R, int G, bool BIAS, int P>
KETCH_AVX512 void tile(const Acts& a, int64_t r0, const Panel& p, int center, float* y, int64_t n0, int64_t valid,
                     int64_t N) {
  const int64_t K = a.K, ng = K / G, nb = K / kBlock;
  const uint32_t* u = p.u.data();
  const int8_t* xq[P];
  const int32_t* cs[P];
  for (int q = 0; q < P; ++q) {
    xq[q] = a.q.data() + (q * a.M + r0) * K;
    cs[q] = a.csum.data() + (q * a.M + r0) * ng;
  }
  __m512 acc[R][2];
  for (int r = 0; r < R; ++r) acc[r][0] = acc[r][1] = _mm512_setzero_ps();
  for (int64_t g = 0; g < ng; ++g) {
    __m512i ai[P][R][2];
    for (int q = 0; q < P; ++q)
      for (int r = 0; r < R; ++r) ai[q][r][0] = ai[q][r][1] = _mm512_set1_epi32(-center * cs[q][r * ng + g]);
    for (int j = 0; j < G / 4; ++j) {
      const int64_t k4 = g * (G / 4) + j;
      const __m512i w0 = _mm512_loadu_si512(u + k4 * kPanelRows), w1 = _mm512_loadu_si512(u + k4 * kPanelRows + 16);
      for (int q = 0; q < P; ++q)
        for (int r = 0; r < R; ++r) {
          int32_t x4;
          std::memcpy(&x4, xq[q] + r * K + k4 * 4, 4);
          const __m512i xb = _mm512_set1_epi32(x4);
          ai[q][r][0] = _mm512_dpbusd_epi32(ai[q][r][0], w0, xb);
          ai[q][r][1] = _mm512_dpbusd_epi32(ai[q][r][1], w1, xb);
        }
    }
    const __m512 s0 = _mm512_loadu_ps(p.scale.data() + g * kPanelRows);
    const __m512 s1 = _mm512_loadu_ps(p.scale.data() + g * kPanelRows + 16);
    const int64_t b = g * G / kBlock;
    for (int r = 0; r < R; ++r) {
      const __m512 dx = _mm512_set1_ps(a.step[(r0 + r) * nb + b]);
      __m512 t0 = _mm512_cvtepi32_ps(ai[0][r][0]), t1 = _mm512_cvtepi32_ps(ai[0][r][1]);
      if constexpr (P == 2) {  // 254 t1 + t2 in float: both sums are exact there (below 2^24)
        const __m512 k2 = _mm512_set1_ps(acts::kPlane2);
        t0 = _mm512_fmadd_ps(t0, k2, _mm512_cvtepi32_ps(ai[1][r][0]));
        t1 = _mm512_fmadd_ps(t1, k2, _mm512_cvtepi32_ps(ai[1][r][1]));
      }
      acc[r][0] = _mm512_fmadd_ps(t0, _mm512_mul_ps(s0, dx), acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(t1, _mm512_mul_ps(s1, dx), acc[r][1]);
    }
    if constexpr (BIAS) {
      const __m512 b0 = _mm512_loadu_ps(p.bias.data() + g * kPanelRows);
      const __m512 b1 = _mm512_loadu_ps(p.bias.data() + g * kPanelRows + 16);
      for (int r = 0; r < R; ++r) {
        const __m512 xs = _mm512_set1_ps(a.xsum[(r0 + r) * ng + g]);
        acc[r][0] = _mm512_fmadd_ps(b0, xs, acc[r][0]);
        acc[r][1] = _mm512_fmadd_ps(b1, xs, acc[r][1]);
      }
    }
  }
  const __mmask16 k0 = valid >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << valid) - 1);
  const __mmask16 k1 = valid >= 32 ? 0xFFFF : valid <= 16 ? 0 : static_cast<__mmask16>((1u << (valid - 16)) - 1);
  for (int r = 0; r < R; ++r) {
    float* out = y + (r0 + r) * N + n0;
    _mm512_mask_storeu_ps(out, k0, acc[r][0]);
    _mm512_mask_storeu_ps(out + 16, k1, acc[r][1]);
  }
}

template <int G, bool BIAS, int P>
void all_rows(const Acts& a, const Panel& p, int center, float* y, int64_t n0, int64_t valid, int64_t N) {
  // Two planes: 2 x 2 x R int32 accumulators next to 2 x R float ones; R = 4 spilled (measured slower).
  constexpr int R = P == 2 ? 3 : kTileRows;
  const int64_t M = a.M;
  int64_t r0 = 0;
  for (; r0 + R <= M; r0 += R) tile<R, G, BIAS, P>(a, r0, p, center, y, n0, valid, N);
  switch (M - r0) {
    case 1: tile<1, G, BIAS, P>(a, r0, p, center, y, n0, valid, N); break;
    case 2: tile<2, G, BIAS, P>(a, r0, p, center, y, n0, valid, N); break;
    case 3: tile<3, G, BIAS, P>(a, r0, p, center, y, n0, valid, N); break;
    default: break;
  }
}

template <int P>
void run_planes(const Acts& a, const Panel& p, int center, bool bias, float* y, int64_t n0, int64_t valid, int64_t N) {
  if (a.G == 16) {
    if (bias) all_rows<16, true, P>(a, p, center, y, n0, valid, N);
    else all_rows<16, false, P>(a, p, center, y, n0, valid, N);
  } else {
    if (bias) all_rows<32, true, P>(a, p, center, y, n0, valid, N);
    else all_rows<32, false, P>(a, p, center, y, n0, valid, N);
  }
}

void run_panel(const Acts& a, const Panel& p, int center, bool bias, float* y, int64_t n0, int64_t valid, int64_t N) {
  if (a.planes == 2) run_planes<2>(a, p, center, bias, y, n0, valid, N);
  else run_planes<1>(a, p, center, bias, y, n0, valid, N);
}

}  // namespace

bool int8_gemm_supported() {
  static const bool ok = acts::cpu_has_avx512_vnni();
  return ok;
}

namespace {

// What int8_gemm needs of each packed layout (packed.h).
struct Layout {
  const char* name;
  int64_t weights, bytes;  // qs holds `bytes` per `weights` weights of a row
  int64_t group;           // the panel's scale group (0: q8, whose scales say 16 or 32)
  int center;              // u - center is the integer part of a weight
};

constexpr Layout kLayouts[] = {{"q4", 32, 16, 32, 8},     {"q4x16", 32, 16, 32, 8},     {"q8", 32, 32, 0, 128},     {"q5", 32, 20, 32, 128},
                               {"q4_k", 256, 144, 32, 8}, {"q5_k", 256, 176, 32, 16}, {"q6_k", 256, 208, 16, 128},
                               {"q2_k", 256, 80, 16, 2},  {"q3_k", 256, 112, 16, 128}};

const Layout* layout_of(const std::string& scheme) {
  for (const Layout& l : kLayouts)
    if (scheme == l.name) return &l;
  return nullptr;
}

void decode(const std::string& scheme, const at::Tensor& qs, const at::Half* d, const at::Half* m,
            float offset, int64_t G, int64_t n0, int64_t rows, int64_t K, Panel& p) {
  const uint8_t* q = static_cast<const uint8_t*>(qs.data_ptr());
  if (scheme == "q4") decode_q4(q, d, m, n0, rows, K, p);
  else if (scheme == "q4x16") decode_q4x16(q, d, m, n0, rows, K, p);
  else if (scheme == "q8") decode_q8(reinterpret_cast<const int8_t*>(q), d, m, offset, G, n0, rows, K, p);
  else if (scheme == "q5") decode_q5(q, d, m, n0, rows, K, p);
  else if (scheme == "q4_k") decode_kquant<codes::Q4K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q5_k") decode_kquant<codes::Q5K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q6_k") decode_kquant<codes::Q6K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q2_k") decode_kquant<codes::Q2K>(q, d, m, n0, rows, K, G, p);
  else decode_kquant<codes::Q3K>(q, d, m, n0, rows, K, G, p);
}

}  // namespace

bool int8_gemm_scheme(const std::string& scheme) { return layout_of(scheme) != nullptr; }

at::Tensor int8_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                        const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset,
                        int64_t planes) {
  TORCH_CHECK(planes == 1 || planes == 2, "int8_gemm takes 1 or 2 activation planes, got ", planes);
  TORCH_CHECK(int8_gemm_supported(), "int8_gemm needs AVX-512 VNNI, which this CPU lacks");
  const Layout* layout = layout_of(scheme);
  TORCH_CHECK(layout != nullptr, "int8_gemm does not support the packed scheme ", scheme);
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(qs.dim() == 2 && qs.is_contiguous() && d.dim() == 2 && d.is_contiguous() &&
              d.scalar_type() == at::kHalf && d.size(0) == qs.size(0), "packed weights must be contiguous 2-D, scales half");
  TORCH_CHECK(qs.scalar_type() == (scheme == "q8" ? at::kChar : at::kByte), scheme, " codes have the wrong dtype");
  TORCH_CHECK(qs.size(1) % layout->bytes == 0, scheme, " rows must be whole records of ", layout->bytes, " bytes");
  const int64_t M = x.size(0), N = qs.size(0), K = qs.size(1) / layout->bytes * layout->weights;
  TORCH_CHECK(scheme != "q4x16" || N % 16 == 0, "q4x16 weights have a multiple of 16 rows, got ", N);
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  const int64_t per_scale = K / std::max<int64_t>(d.size(1), 1);
  TORCH_CHECK(d.size(1) * per_scale == K && (layout->group == 0 ? per_scale == 16 || per_scale == 32
                                                                 : per_scale == layout->weights),
              scheme, " scales must be half [N, K/", layout->group == 0 ? 32 : layout->weights, "]");
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->scalar_type() == at::kHalf && m->is_contiguous()),
              "mins must match scales");
  const int64_t G = layout->group == 0 ? per_scale : layout->group;
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const Acts acts = quantize_acts(x.data_ptr<float>(), M, K, G, static_cast<int>(planes));
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  // A bias term where there are mins, an offset, or a center folded into it.
  const bool bias = mp != nullptr || offset != 0 || (layout->center != 128 && scheme != "q4" && scheme != "q4x16");
  float* yp = y.data_ptr<float>();
  const int64_t panels = (N + kPanelRows - 1) / kPanelRows;
  at::parallel_for(0, panels, 1, [&](int64_t p0, int64_t p1) {
    Panel panel(K, G);
    for (int64_t pi = p0; pi < p1; ++pi) {
      const int64_t n0 = pi * kPanelRows, rows = std::min(kPanelRows, N - n0);
      decode(scheme, qs, dp, mp, static_cast<float>(offset), G, n0, rows, K, panel);
      run_panel(acts, panel, layout->center, bias, yp, n0, rows, N);
    }
  });
  return y;
}

}  // namespace ketch
