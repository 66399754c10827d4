// Many-row products on packed weights without VNNI (AVX2): y = x @ W.T in int16 arithmetic, for
// every packed layout (q4, q4x16, q8, q5 and the K-quants).
//
// Below VNNI the choice is between
//   * dequantizing each weight and an fp32 GEMM: 8 multiply-adds per FMA, plus writing and reading
//     4 bytes per weight per call;
//   * vpmaddubsw on int8 activations: 32 products per instruction, but a signed weight needs the
//     sign trick (vpsign, vpmaddubsw, vpmaddwd, vpaddd: 4 operations per 32 products) and ketch's
//     precision needs two activation planes (one loses too much for small models), so 4 products
//     per operation;
//   * vpmaddwd on int16 activations and int16 weight codes: 16 products summed in pairs into 8
//     exact int32 lanes per instruction, plus one vpaddd: 8 products per operation at the
//     precision of ketch's AVX2 decode kernels (step max|x| / 32767 per 32-block).
// The last is what this file does. Each thread decodes 32 weight rows into a panel (panels.h),
// widens its codes to centered int16 pairs (u - c), laid out [K/2][32 rows] as one 32-bit word per
// row, so a 256-bit load holds one pair of 8 rows; an activation pair is broadcast to every lane.
// A register tile of 2 activation rows x 32 weight rows sums each scale group exactly in int32
// (|u - c| <= 128, |x| <= 32767, 32 products: below 2^28), then scales it by s * step in float and
// adds the bias term b * sum(x) from the exact float sums of the unrounded x.
// Every output row is summed in the same order whatever R is and whatever rows share the call,
// so a row's result is the same alone or in any batch (batch invariance).
#include "int16_gemm.h"
#include "packed.h"
#include "panels.h"

#include <immintrin.h>

#include <algorithm>
#include <vector>

namespace ketch {
namespace {

using panels::kBlock;
using panels::kPanelRows;

constexpr int V = kPanelRows / 8;  // 8-row vectors per tile: the whole panel

// The integer core of a 2 x 32 tile: s[r][v] += the products of `pairs` k-pairs (even) of rows x0
// and x1 against the panel's pairs from w on. Written out because gcc (12) keeps one sum in memory
// and copies the others between registers on every step, and folds each weight load into both
// rows' multiplies (8 loads a step instead of 4): 25-30 against 37 GMAC/s on one Zen 3 core.
// Each step: 4 weight loads, 2 broadcasts (vbroadcastss: vpbroadcastd from memory issues at half
// its rate on Zen 3), 8 vpmaddwd and 8 vpaddd, the sums in ymm0-7 and the rest in ymm8-15.
inline void pairs_2x32(const int32_t* w, const int16_t* x0, const int16_t* x1, int64_t pairs, __m256i s[2][V]) {
  __m256i s00 = s[0][0], s01 = s[0][1], s02 = s[0][2], s03 = s[0][3];
  __m256i s10 = s[1][0], s11 = s[1][1], s12 = s[1][2], s13 = s[1][3];
#define KETCH_KPAIR(WO, XO)                        \
  "vmovdqu " #WO "(%[w]), %%ymm8\n\t"              \
  "vmovdqu " #WO "+32(%[w]), %%ymm9\n\t"           \
  "vbroadcastss " #XO "(%[x0]), %%ymm12\n\t"       \
  "vbroadcastss " #XO "(%[x1]), %%ymm13\n\t"       \
  "vmovdqu " #WO "+64(%[w]), %%ymm10\n\t"          \
  "vmovdqu " #WO "+96(%[w]), %%ymm11\n\t"          \
  "vpmaddwd %%ymm8, %%ymm12, %%ymm14\n\t"          \
  "vpmaddwd %%ymm8, %%ymm13, %%ymm15\n\t"          \
  "vpaddd %%ymm14, %[s00], %[s00]\n\t"             \
  "vpaddd %%ymm15, %[s10], %[s10]\n\t"             \
  "vpmaddwd %%ymm9, %%ymm12, %%ymm14\n\t"          \
  "vpmaddwd %%ymm9, %%ymm13, %%ymm15\n\t"          \
  "vpaddd %%ymm14, %[s01], %[s01]\n\t"             \
  "vpaddd %%ymm15, %[s11], %[s11]\n\t"             \
  "vpmaddwd %%ymm10, %%ymm12, %%ymm14\n\t"         \
  "vpmaddwd %%ymm10, %%ymm13, %%ymm15\n\t"         \
  "vpaddd %%ymm14, %[s02], %[s02]\n\t"             \
  "vpaddd %%ymm15, %[s12], %[s12]\n\t"             \
  "vpmaddwd %%ymm11, %%ymm12, %%ymm14\n\t"         \
  "vpmaddwd %%ymm11, %%ymm13, %%ymm15\n\t"         \
  "vpaddd %%ymm14, %[s03], %[s03]\n\t"             \
  "vpaddd %%ymm15, %[s13], %[s13]\n\t"
  __asm__(
      "1:\n\t"
      KETCH_KPAIR(0, 0)
      KETCH_KPAIR(128, 4)
      "add $256, %[w]\n\t"
      "add $8, %[x0]\n\t"
      "add $8, %[x1]\n\t"
      "sub $2, %[n]\n\t"
      "jnz 1b\n\t"
      : [s00] "+x"(s00), [s01] "+x"(s01), [s02] "+x"(s02), [s03] "+x"(s03),
        [s10] "+x"(s10), [s11] "+x"(s11), [s12] "+x"(s12), [s13] "+x"(s13),
        [w] "+r"(w), [x0] "+r"(x0), [x1] "+r"(x1), [n] "+r"(pairs)
      :
      : "cc", "memory", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
#undef KETCH_KPAIR
  s[0][0] = s00; s[0][1] = s01; s[0][2] = s02; s[0][3] = s03;
  s[1][0] = s10; s[1][1] = s11; s[1][2] = s12; s[1][3] = s13;
}

// R activation rows (r0..) x the panel's 32 weight rows over scale groups g0 .. g1, added to the
// float sums acc [M][32] of the panel (the same order of float operations as one pass over K).
template <int R, int G, bool BIAS>
void tile(const packed::Acts16& a, int64_t K, int64_t r0, int64_t g0, int64_t g1, const panels::Pairs& pw,
          const panels::Panel& p, float* accp) {
  const int64_t nb = K / kBlock;
  const int32_t* w = pw.w.data();
  const int16_t* xq = a.q.data() + r0 * K;
  __m256 acc[R][V];
  for (int r = 0; r < R; ++r) for (int v = 0; v < V; ++v) acc[r][v] = _mm256_loadu_ps(accp + (r0 + r) * kPanelRows + 8 * v);
  for (int64_t g = g0; g < g1; ++g) {
    __m256i s[R][V];
    for (int r = 0; r < R; ++r) for (int v = 0; v < V; ++v) s[r][v] = _mm256_setzero_si256();
    if constexpr (R == 2) {
      pairs_2x32(w + g * (G / 2) * kPanelRows, xq + g * G, xq + K + g * G, G / 2, s);
    } else for (int j = 0; j < G / 2; ++j) {
      const int64_t k2 = g * (G / 2) + j;
      __m256i wv[V];
      for (int v = 0; v < V; ++v) wv[v] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + k2 * kPanelRows + 8 * v));
      for (int r = 0; r < R; ++r) {
        const __m256i xb = _mm256_set1_epi32(panels::load_pair(xq + r * K + 2 * k2));
        for (int v = 0; v < V; ++v) s[r][v] = _mm256_add_epi32(s[r][v], _mm256_madd_epi16(wv[v], xb));
      }
    }
    const float* sc = p.scale.data() + g * kPanelRows;
    const int64_t b = g * G / kBlock;
    for (int r = 0; r < R; ++r) {
      const __m256 dx = _mm256_set1_ps(a.d[(r0 + r) * nb + b]);
      for (int v = 0; v < V; ++v)
        acc[r][v] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s[r][v]), _mm256_mul_ps(_mm256_loadu_ps(sc + 8 * v), dx), acc[r][v]);
    }
    if constexpr (BIAS) {
      const float* bi = p.bias.data() + g * kPanelRows;
      for (int r = 0; r < R; ++r) {
        const __m256 xs = _mm256_set1_ps(G == 32 ? a.sum[(r0 + r) * nb + g] : a.sum16[(r0 + r) * (K / 16) + g]);
        for (int v = 0; v < V; ++v) acc[r][v] = _mm256_fmadd_ps(_mm256_loadu_ps(bi + 8 * v), xs, acc[r][v]);
      }
    }
  }
  for (int r = 0; r < R; ++r) for (int v = 0; v < V; ++v) _mm256_storeu_ps(accp + (r0 + r) * kPanelRows + 8 * v, acc[r][v]);
}

// 2 rows x 32 weight rows per tile: 8 int32 sums, 4 weight vectors, 2 broadcasts and 2 products in
// the 16 registers, the float sums (touched once per group) spilled. Measured on Zen 3 against
// 3 x 16 and 4 x 16: 1.25-1.6x, since each broadcast and each weight load then serve 4 and 2 products.
constexpr int kRows = 2;
// Weights per pass over the rows: the pairs of a 32-row panel take 2 bytes per weight, so a pass
// over all K would stream the panel (72 KB at K = 576) from L2 for every 2 rows; 128 weights
// (8 KB) stay in L1 while every row passes.
constexpr int64_t kChunk = 128;
// Rows per block of passes: their int16 activations (2 bytes per value, 72 KB at K = 576) stay in
// L2 across the chunks; all of 512 rows would not.
constexpr int64_t kRowBlock = 64;

template <int G, bool BIAS>
void all_rows(const packed::Acts16& a, int64_t M, int64_t K, const panels::Pairs& pw, const panels::Panel& p, float* acc) {
  const int64_t per_chunk = kChunk / G, ng = K / G;
  for (int64_t m0 = 0; m0 < M; m0 += kRowBlock) {
    const int64_t m1 = std::min(M, m0 + kRowBlock);
    for (int64_t g0 = 0; g0 < ng; g0 += per_chunk) {
      const int64_t g1 = std::min(ng, g0 + per_chunk);
      int64_t r0 = m0;
      for (; r0 + kRows <= m1; r0 += kRows) tile<kRows, G, BIAS>(a, K, r0, g0, g1, pw, p, acc);
      if (r0 < m1) tile<1, G, BIAS>(a, K, r0, g0, g1, pw, p, acc);
    }
  }
}

}  // namespace

bool int16_gemm_scheme(const std::string& scheme) { return panels::layout_of(scheme) != nullptr; }

at::Tensor int16_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                      const c10::optional<at::Tensor>& m, int64_t offset, bool tile_acts) {
  const panels::Gemm g = panels::check_gemm("int16_gemm", x, scheme, qs, d, m, offset);
  TORCH_CHECK(!tile_acts || scheme == "q4x16", "int16_gemm rounds activations as the q4x16 kernel only for "
              "q4x16 weights, not ", scheme);
  const int64_t M = g.M, N = g.N, K = g.K, G = g.G;  // (K: whole records of 32 or 256 weights)
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const packed::Acts16 acts = tile_acts ? packed::q4x16_acts16(x.data_ptr<float>(), M, K)
                                        : packed::quantize_acts16(x.data_ptr<float>(), M, K);
  float* yp = y.data_ptr<float>();
  const int center = g.layout->center;
  struct Scratch {
    panels::Pairs pairs;
    std::vector<float> acc;
  };
  // the AVX2 decoders: this product is what a CPU without AVX-512 runs (or one forced to AVX2)
  panels::for_each_panel(
      g, scheme, qs, d, m, offset, false, [&] { return Scratch{panels::Pairs(K), std::vector<float>(M * kPanelRows)}; },
      [&](Scratch& s, const panels::Panel& panel, int64_t n0, int64_t rows) {
        panels::widen(panel, center, K, s.pairs, false);
        std::fill(s.acc.begin(), s.acc.end(), 0.0f);
        panels::with_shape(G, g.bias, 1, [&](auto group, auto bias, auto) {
          all_rows<decltype(group)::value, decltype(bias)::value>(acts, M, K, s.pairs, panel, s.acc.data());
        });
        for (int64_t r = 0; r < M; ++r) std::copy_n(s.acc.data() + r * kPanelRows, rows, yp + r * N + n0);
      });
  return y;
}

}  // namespace ketch
