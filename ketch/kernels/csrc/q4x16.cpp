// Few-row products on 4-bit weights interleaved by 16 output rows ("q4x16"), AVX-512 VNNI.
//
// The row layout (packed.h) puts one output row's codes in a vector, so every 32-block
// ends in a horizontal sum and a per-row scale shuffle: ~17 512-bit operations per 128 weights at
// one activation row, which makes single-stream decode compute-bound on a core that issues two of
// them a cycle. Here the int32 lane is the output row instead:
//
//   qs uint8 [N, K/2] holds tiles of 16 rows; tile t, block b, chunk k (0..3) is 64 bytes, 4 per
//      row i: bytes 4k..4k+3 of row 16t + i's block b in the row layout (low nibbles: weights
//      4k..4k+3, high nibbles: 16 + 4k..16 + 4k + 3), at byte ((t * nb + b) * 4 + k) * 64 + 4 i;
//   d, m half [N, K/32] hold tile t, block b's 16 scales (mins) at (t * nb + b) * 16 + i.
//
// One vpdpbusd multiplies 4 codes of each of the 16 rows by the same 4 activation codes,
// broadcast from memory, so a block costs 12 unpack operations, 8 vpdpbusd per activation plane
// and 3-5 float operations for 16 rows: about 9 operations per 128 weights with two planes.
// Activations are rounded as the int8 GEMM rounds them (int8_gemm.h: one or two int8 planes per
// 32-block). Codes multiply exactly in int32 and centered, as the row kernels do: a weight
// (q - 8) d, plus m + 8 d where there are mins (Q4_1, GPTQ), so activation rounding errors meet
// |q - 8| <= 8 rather than q <= 15; dot(q - 8, x) is dot(q, x) started at -8 sum(codes), the min
// term (m + 8 d) times the exact float sum of the block. Two planes combine as 254 t1 + t2, exact
// in float (|t| <= 8 * 127 * 32 < 2^15, so below 2^24). Each
// output row is summed in one fixed order whatever the row count, so results are batch-invariant.
//
// Without VNNI (AVX2) the same layout runs on 8-row halves of a tile: vpmaddubsw multiplies the
// unsigned codes by the activation codes in int16 pairs (each at most 2 * 15 * 127 = 3810), the 8
// pairs of a block add in int16 (at most 30480, below 2^15) and one vpmaddwd widens them to int32.
// Activations round as on AVX-512 (act_codes.h's steps and round-to-nearest-even), two planes by
// default: the precision of the AVX2 row kernels' int16 activations.
#include "act_codes.h"
#include "int8_gemm.h"
#include "packed.h"
#include "q4x16.h"
#include "tiles.h"
#include "vnni256.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>
#include <cstring>

namespace ketch {
namespace {

constexpr int64_t kBlock = 32;
constexpr int64_t kTile = q4x16::kRows;  // output rows per tile: one int32 lane each
constexpr int64_t kTileBlockBytes = kTile * kBlock / 2;
constexpr int kRowGroup = 4;         // activation rows sharing one unpack of a block
constexpr int64_t kPrefetchBlocks = 8;
// ... and, at one activation row, 64 blocks (16 KiB) ahead into L2, so DRAM's latency hides behind
// the kernel's arithmetic: SmolLM2's 30 decode layers from memory took 0.95-0.99x the time at
// avx512_vnni and 0.91-0.93x at avx2 and avx_vnni (interleaved A/B; 32 and 128 blocks gained less).
// At 2-8 rows, where the arithmetic per byte doubles or more, it measured 1.03-1.10x: not used there.
constexpr int64_t kFarPrefetchBlocks = 64;

// Prefetch the block `ahead` blocks past w (4 lines of a 16-row tile) to `hint`'s level.
template <int Hint>
inline void prefetch_block(const uint8_t* w, int64_t ahead) {
  for (int c = 0; c < 4; ++c)
    _mm_prefetch(reinterpret_cast<const char*>(w + ahead * kTileBlockBytes + 64 * c), static_cast<_mm_hint>(Hint));
}
using acts::load4;

// Activation row r0 of `a` (G = 32): each plane's codes and code sums, the steps, the float sums.
template <int P>
struct RowActs {
  const int8_t* q[P];
  const int32_t* csum[P];
  const float* step;
  const float* xsum;
  RowActs(const Acts& a, int64_t r0) : step(a.step.data() + r0 * (a.K / kBlock)), xsum(a.xsum.data() + r0 * (a.K / kBlock)) {
    for (int p = 0; p < P; ++p) {
      q[p] = a.q.data() + (p * a.M + r0) * a.K;
      csum[p] = a.csum.data() + (p * a.M + r0) * (a.K / kBlock);
    }
  }
};

// Tiles t0..t1 against R activation rows from r0; y rows are N apart.
template <int R, int P, bool MIN>
KETCH_AVX512 void tiles(const Acts& a, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m,
                        float* y, int64_t t0, int64_t t1, int64_t N) {
  const int64_t K = a.K, nb = K / kBlock;
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  const __m512 plane2 = _mm512_set1_ps(acts::kPlane2);
  const RowActs<P> x(a, r0);
  for (int64_t t = t0; t < t1; ++t) {
    const uint8_t* w = qs + t * nb * kTileBlockBytes;
    const at::Half* dt = d + t * nb * kTile;
    const at::Half* mt = MIN ? m + t * nb * kTile : nullptr;
    __m512 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
      prefetch_block<_MM_HINT_T0>(w, kPrefetchBlocks);
      if constexpr (R == 1) prefetch_block<_MM_HINT_T1>(w, kFarPrefetchBlocks);
      __m512i lo[4], hi[4];
      for (int k = 0; k < 4; ++k) {
        const __m512i raw = _mm512_loadu_si512(w + 64 * k);
        lo[k] = _mm512_and_si512(raw, low4);
        hi[k] = _mm512_and_si512(_mm512_srli_epi16(raw, 4), low4);
      }
      const __m512 dv = _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(dt + b * kTile)));
      __m512 mv;  // the min term's weight: m + 8 d, since the codes are centered
      if constexpr (MIN)
        mv = _mm512_fmadd_ps(_mm512_set1_ps(8.f), dv,
                             _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(mt + b * kTile))));
      for (int r = 0; r < R; ++r) {
        __m512i s[P];
        for (int p = 0; p < P; ++p) {
          const int8_t* xb = x.q[p] + r * K + b * kBlock;
          // centered codes: dot(q - 8, x) = dot(q, x) - 8 sum(x)
          __m512i lo_sum = _mm512_set1_epi32(-8 * x.csum[p][r * nb + b]);
          __m512i hi_sum = _mm512_setzero_si512();
          for (int k = 0; k < 4; ++k) {
            lo_sum = _mm512_dpbusd_epi32(lo_sum, lo[k], _mm512_set1_epi32(load4(xb + 4 * k)));
            hi_sum = _mm512_dpbusd_epi32(hi_sum, hi[k], _mm512_set1_epi32(load4(xb + 16 + 4 * k)));
          }
          s[p] = _mm512_add_epi32(lo_sum, hi_sum);
        }
        __m512 tf = _mm512_cvtepi32_ps(s[0]);
        if constexpr (P == 2) tf = _mm512_fmadd_ps(tf, plane2, _mm512_cvtepi32_ps(s[1]));
        acc[r] = _mm512_fmadd_ps(tf, _mm512_mul_ps(dv, _mm512_set1_ps(x.step[r * nb + b])), acc[r]);
        if constexpr (MIN) acc[r] = _mm512_fmadd_ps(mv, _mm512_set1_ps(x.xsum[r * nb + b]), acc[r]);
      }
    }
    for (int r = 0; r < R; ++r) _mm512_storeu_ps(y + r * N + t * kTile, acc[r]);
  }
}

// Tiles t0..t1 against R activation rows from r0, 8 output rows (half a tile) at a time.
template <int R, int P, bool MIN>
void tiles_avx2(const Acts& a, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y,
                int64_t t0, int64_t t1, int64_t N) {
  const int64_t K = a.K, nb = K / kBlock;
  const __m256i low4 = _mm256_set1_epi8(0x0F), ones = _mm256_set1_epi16(1);
  const __m256 plane2 = _mm256_set1_ps(acts::kPlane2);
  const RowActs<P> x(a, r0);
  for (int64_t t = t0; t < t1; ++t)
    for (int h = 0; h < 2; ++h) {
      const uint8_t* w = qs + t * nb * kTileBlockBytes + 32 * h;
      const at::Half* dt = d + t * nb * kTile + 8 * h;
      const at::Half* mt = MIN ? m + t * nb * kTile + 8 * h : nullptr;
      __m256 acc[R];
      for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
      for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
        prefetch_block<_MM_HINT_T0>(w, kPrefetchBlocks);
        __m256i s16[R][P];
        for (int k = 0; k < 4; ++k) {
          const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k));
          const __m256i lo = _mm256_and_si256(raw, low4);
          const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(raw, 4), low4);
          for (int r = 0; r < R; ++r)
            for (int p = 0; p < P; ++p) {
              const int8_t* xb = x.q[p] + r * K + b * kBlock;
              const __m256i v = _mm256_add_epi16(_mm256_maddubs_epi16(lo, _mm256_set1_epi32(load4(xb + 4 * k))),
                                                 _mm256_maddubs_epi16(hi, _mm256_set1_epi32(load4(xb + 16 + 4 * k))));
              s16[r][p] = k == 0 ? v : _mm256_add_epi16(s16[r][p], v);
            }
        }
        const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(dt + b * kTile)));
        __m256 mv;  // m + 8 d: the codes are centered
        if constexpr (MIN)
          mv = _mm256_fmadd_ps(_mm256_set1_ps(8.f), dv,
                               _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt + b * kTile))));
        for (int r = 0; r < R; ++r) {
          __m256 tf[P];
          for (int p = 0; p < P; ++p)  // dot(q - 8, x) = dot(q, x) - 8 sum(x)
            tf[p] = _mm256_cvtepi32_ps(_mm256_add_epi32(_mm256_madd_epi16(s16[r][p], ones),
                                                        _mm256_set1_epi32(-8 * x.csum[p][r * nb + b])));
          __m256 t1v = tf[0];
          if constexpr (P == 2) t1v = _mm256_fmadd_ps(t1v, plane2, tf[1]);
          acc[r] = _mm256_fmadd_ps(t1v, _mm256_mul_ps(dv, _mm256_set1_ps(x.step[r * nb + b])), acc[r]);
          if constexpr (MIN) acc[r] = _mm256_fmadd_ps(mv, _mm256_set1_ps(x.xsum[r * nb + b]), acc[r]);
        }
      }
      for (int r = 0; r < R; ++r) _mm256_storeu_ps(y + r * N + t * kTile + 8 * h, acc[r]);
    }
}

// One activation row against whole tiles (both 8-row halves per pass): the 16 activation
// broadcasts and the row's step and sum loads of a block serve 16 rows instead of 8. Each half's
// lanes take exactly the operations of tiles_avx2 (integer sums are exact, the float ones in the
// same order), so a row gets the same bits here as in a two-row pass.
template <int P, bool MIN>
void tiles_avx2_row(const Acts& a, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y,
                    int64_t t0, int64_t t1) {
  const int64_t K = a.K, nb = K / kBlock;
  const __m256i low4 = _mm256_set1_epi8(0x0F);
  const __m256 plane2 = _mm256_set1_ps(acts::kPlane2);
  const RowActs<P> x(a, r0);
  for (int64_t t = t0; t < t1; ++t) {
    const uint8_t* w = qs + t * nb * kTileBlockBytes;
    const at::Half* dt = d + t * nb * kTile;
    const at::Half* mt = MIN ? m + t * nb * kTile : nullptr;
    __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
    for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
      prefetch_block<_MM_HINT_T0>(w, kPrefetchBlocks);
      prefetch_block<_MM_HINT_T1>(w, kFarPrefetchBlocks);
      __m256i s16[P][2];
      for (int k = 0; k < 4; ++k) {
        const __m256i raw0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k));
        const __m256i raw1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k + 32));
        const __m256i lo0 = _mm256_and_si256(raw0, low4), hi0 = _mm256_and_si256(_mm256_srli_epi16(raw0, 4), low4);
        const __m256i lo1 = _mm256_and_si256(raw1, low4), hi1 = _mm256_and_si256(_mm256_srli_epi16(raw1, 4), low4);
        for (int p = 0; p < P; ++p) {
          const int8_t* xb = x.q[p] + b * kBlock;
          const __m256i xl = _mm256_set1_epi32(load4(xb + 4 * k)), xh = _mm256_set1_epi32(load4(xb + 16 + 4 * k));
          const __m256i v0 = _mm256_add_epi16(_mm256_maddubs_epi16(lo0, xl), _mm256_maddubs_epi16(hi0, xh));
          const __m256i v1 = _mm256_add_epi16(_mm256_maddubs_epi16(lo1, xl), _mm256_maddubs_epi16(hi1, xh));
          s16[p][0] = k == 0 ? v0 : _mm256_add_epi16(s16[p][0], v0);
          s16[p][1] = k == 0 ? v1 : _mm256_add_epi16(s16[p][1], v1);
        }
      }
      const __m256 step = _mm256_set1_ps(x.step[b]), xsum = _mm256_set1_ps(x.xsum[b]);
      const __m256i ones = _mm256_set1_epi16(1);
      for (int h = 0; h < 2; ++h) {
        const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(dt + b * kTile + 8 * h)));
        __m256 tf[P];
        for (int p = 0; p < P; ++p)  // dot(q - 8, x) = dot(q, x) - 8 sum(x)
          tf[p] = _mm256_cvtepi32_ps(_mm256_add_epi32(_mm256_madd_epi16(s16[p][h], ones),
                                                      _mm256_set1_epi32(-8 * x.csum[p][b])));
        __m256 t1v = tf[0];
        if constexpr (P == 2) t1v = _mm256_fmadd_ps(t1v, plane2, tf[1]);
        acc[h] = _mm256_fmadd_ps(t1v, _mm256_mul_ps(dv, step), acc[h]);
        if constexpr (MIN) {
          const __m256 mv = _mm256_fmadd_ps(
              _mm256_set1_ps(8.f), dv,
              _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt + b * kTile + 8 * h))));
          acc[h] = _mm256_fmadd_ps(mv, xsum, acc[h]);
        }
      }
    }
    _mm256_storeu_ps(y + t * kTile, acc[0]);
    _mm256_storeu_ps(y + t * kTile + 8, acc[1]);
  }
}

// ---- 256-bit VNNI: AVX-VNNI (VEX, client cores without AVX-512) or, where only that exists,
// AVX-512 VNNI's 256-bit form (EVEX; how an AVX-512 machine tests this path). The same 8-row halves
// as the AVX2 kernel, but one vpdpbusd multiplies 4 codes by 4 activations and adds them to the
// int32 sum, where AVX2 takes vpmaddubsw, an int16 add and a final vpmaddwd. The int32 sums are the
// AVX2 kernel's exactly (its int16 sums never saturate, see above) and the float operations come
// in its order, so the bits are the AVX2 kernel's: batches may still take int16_gemm's tile_acts.
// The instruction is inline asm so one template, compiled for AVX2 alone, carries either encoding
// (a target attribute per encoding would need two copies of every function).

// R activation rows (R <= 2) against tiles t0..t1, 8 output rows (half a tile) at a time.
template <int R, int P, bool MIN, bool VEX>
void tiles_vnni256(const Acts& a, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y,
                   int64_t t0, int64_t t1, int64_t N) {
  const int64_t K = a.K, nb = K / kBlock;
  const __m256i low4 = _mm256_set1_epi8(0x0F);
  const __m256 plane2 = _mm256_set1_ps(acts::kPlane2);
  const RowActs<P> x(a, r0);
  for (int64_t t = t0; t < t1; ++t)
    for (int h = 0; h < 2; ++h) {
      const uint8_t* w = qs + t * nb * kTileBlockBytes + 32 * h;
      const at::Half* dt = d + t * nb * kTile + 8 * h;
      const at::Half* mt = MIN ? m + t * nb * kTile + 8 * h : nullptr;
      __m256 acc[R];
      for (int r = 0; r < R; ++r) acc[r] = _mm256_setzero_ps();
      for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
        prefetch_block<_MM_HINT_T0>(w, kPrefetchBlocks);
        __m256i s[R][P];
        for (int r = 0; r < R; ++r)  // dot(q - 8, x) = dot(q, x) - 8 sum(x)
          for (int p = 0; p < P; ++p) s[r][p] = _mm256_set1_epi32(-8 * x.csum[p][r * nb + b]);
        for (int k = 0; k < 4; ++k) {
          const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k));
          const __m256i lo = _mm256_and_si256(raw, low4);
          const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(raw, 4), low4);
          for (int r = 0; r < R; ++r)
            for (int p = 0; p < P; ++p) {
              const int8_t* xb = x.q[p] + r * K + b * kBlock;
              s[r][p] = dpbusd256<VEX>(s[r][p], lo, _mm256_set1_epi32(load4(xb + 4 * k)));
              s[r][p] = dpbusd256<VEX>(s[r][p], hi, _mm256_set1_epi32(load4(xb + 16 + 4 * k)));
            }
        }
        const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(dt + b * kTile)));
        __m256 mv;  // m + 8 d: the codes are centered
        if constexpr (MIN)
          mv = _mm256_fmadd_ps(_mm256_set1_ps(8.f), dv,
                               _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt + b * kTile))));
        for (int r = 0; r < R; ++r) {
          __m256 t1v = _mm256_cvtepi32_ps(s[r][0]);
          if constexpr (P == 2) t1v = _mm256_fmadd_ps(t1v, plane2, _mm256_cvtepi32_ps(s[r][1]));
          acc[r] = _mm256_fmadd_ps(t1v, _mm256_mul_ps(dv, _mm256_set1_ps(x.step[r * nb + b])), acc[r]);
          if constexpr (MIN) acc[r] = _mm256_fmadd_ps(mv, _mm256_set1_ps(x.xsum[r * nb + b]), acc[r]);
        }
      }
      for (int r = 0; r < R; ++r) _mm256_storeu_ps(y + r * N + t * kTile + 8 * h, acc[r]);
    }
}

// One activation row against whole tiles (both halves per pass, as tiles_avx2_row): the same
// operations per lane as tiles_vnni256, so the same bits.
template <int P, bool MIN, bool VEX>
void tiles_vnni256_row(const Acts& a, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y,
                       int64_t t0, int64_t t1) {
  const int64_t K = a.K, nb = K / kBlock;
  const __m256i low4 = _mm256_set1_epi8(0x0F);
  const __m256 plane2 = _mm256_set1_ps(acts::kPlane2);
  const RowActs<P> x(a, r0);
  for (int64_t t = t0; t < t1; ++t) {
    const uint8_t* w = qs + t * nb * kTileBlockBytes;
    const at::Half* dt = d + t * nb * kTile;
    const at::Half* mt = MIN ? m + t * nb * kTile : nullptr;
    __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
    for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
      prefetch_block<_MM_HINT_T0>(w, kPrefetchBlocks);
      prefetch_block<_MM_HINT_T1>(w, kFarPrefetchBlocks);
      __m256i s[P][2];
      for (int p = 0; p < P; ++p) s[p][0] = s[p][1] = _mm256_set1_epi32(-8 * x.csum[p][b]);
      for (int k = 0; k < 4; ++k) {
        const __m256i raw0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k));
        const __m256i raw1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 64 * k + 32));
        const __m256i lo0 = _mm256_and_si256(raw0, low4), hi0 = _mm256_and_si256(_mm256_srli_epi16(raw0, 4), low4);
        const __m256i lo1 = _mm256_and_si256(raw1, low4), hi1 = _mm256_and_si256(_mm256_srli_epi16(raw1, 4), low4);
        for (int p = 0; p < P; ++p) {
          const int8_t* xb = x.q[p] + b * kBlock;
          const __m256i xl = _mm256_set1_epi32(load4(xb + 4 * k)), xh = _mm256_set1_epi32(load4(xb + 16 + 4 * k));
          s[p][0] = dpbusd256<VEX>(dpbusd256<VEX>(s[p][0], lo0, xl), hi0, xh);
          s[p][1] = dpbusd256<VEX>(dpbusd256<VEX>(s[p][1], lo1, xl), hi1, xh);
        }
      }
      const __m256 step = _mm256_set1_ps(x.step[b]), xsum = _mm256_set1_ps(x.xsum[b]);
      for (int h = 0; h < 2; ++h) {
        const __m256 dv = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(dt + b * kTile + 8 * h)));
        __m256 t1v = _mm256_cvtepi32_ps(s[0][h]);
        if constexpr (P == 2) t1v = _mm256_fmadd_ps(t1v, plane2, _mm256_cvtepi32_ps(s[1][h]));
        acc[h] = _mm256_fmadd_ps(t1v, _mm256_mul_ps(dv, step), acc[h]);
        if constexpr (MIN) {
          const __m256 mv = _mm256_fmadd_ps(
              _mm256_set1_ps(8.f), dv,
              _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt + b * kTile + 8 * h))));
          acc[h] = _mm256_fmadd_ps(mv, xsum, acc[h]);
        }
      }
    }
    _mm256_storeu_ps(y + t * kTile, acc[0]);
    _mm256_storeu_ps(y + t * kTile + 8, acc[1]);
  }
}

// Tiles per pass over the activation row groups: a chunk's codes (16 rows x K/2 bytes per tile,
// 36 KiB at K = 576) stay in L2 while every group of rows streams over them, so many rows read
// each weight from memory once.
constexpr int64_t kChunkTiles = 8;

template <typename Fn>
void for_chunks(int64_t t0, int64_t t1, Fn&& fn) {
  tiles::for_chunks(t0, t1, kChunkTiles, fn);
}

template <int P, bool MIN>
void row_groups_avx2(const Acts& a, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y, int64_t t0,
                     int64_t t1, int64_t N) {
  // Two rows per pass: 16 ymm registers hold R x P int16 sums, R float sums and the codes.
  for_chunks(t0, t1, [&](int64_t c0, int64_t c1) {
    for (int64_t r0 = 0; r0 < a.M; r0 += 2) {
      float* yr = y + r0 * N;
      if (a.M - r0 >= 2) tiles_avx2<2, P, MIN>(a, r0, qs, d, m, yr, c0, c1, N);
      else tiles_avx2_row<P, MIN>(a, r0, qs, d, m, yr, c0, c1);
    }
  });
}

template <int P, bool MIN, bool VEX>
void row_groups_vnni256(const Acts& a, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y,
                        int64_t t0, int64_t t1, int64_t N) {
  for_chunks(t0, t1, [&](int64_t c0, int64_t c1) {
    for (int64_t r0 = 0; r0 < a.M; r0 += 2) {
      float* yr = y + r0 * N;
      if (a.M - r0 >= 2) tiles_vnni256<2, P, MIN, VEX>(a, r0, qs, d, m, yr, c0, c1, N);
      else tiles_vnni256_row<P, MIN, VEX>(a, r0, qs, d, m, yr, c0, c1);
    }
  });
}

template <int P, bool MIN>
void row_groups(const Acts& a, const uint8_t* qs, const at::Half* d, const at::Half* m, float* y, int64_t t0,
                int64_t t1, int64_t N) {
  for_chunks(t0, t1, [&](int64_t c0, int64_t c1) {
    for (int64_t r0 = 0; r0 < a.M; r0 += kRowGroup) {
      float* yr = y + r0 * N;
      switch (std::min<int64_t>(kRowGroup, a.M - r0)) {
        case 1: tiles<1, P, MIN>(a, r0, qs, d, m, yr, c0, c1, N); break;
        case 2: tiles<2, P, MIN>(a, r0, qs, d, m, yr, c0, c1, N); break;
        case 3: tiles<3, P, MIN>(a, r0, qs, d, m, yr, c0, c1, N); break;
        default: tiles<4, P, MIN>(a, r0, qs, d, m, yr, c0, c1, N); break;
      }
    }
  });
}


}  // namespace

packed::Acts16 packed::q4x16_acts16(const float* x, int64_t M, int64_t K) {
  const Acts a = quantize_acts_avx2(x, M, K, kBlock, 2);
  packed::Acts16 out{std::vector<int16_t>(M * K), a.step, a.xsum, {}};
  const int8_t* q1 = a.q.data();
  const int8_t* q2 = a.q.data() + M * K;
  const int16_t k2 = static_cast<int16_t>(acts::kPlane2);
  for (int64_t i = 0; i < M * K; ++i) out.q[i] = static_cast<int16_t>(k2 * q1[i] + q2[i]);
  return out;
}

bool q4x16_kernel_supported(int64_t kernel) {
  switch (kernel) {
    case q4x16::kAvx2: return true;
    case q4x16::kAvx512Vnni: return int8_gemm_supported();
    case q4x16::kVnni256: return cpu_has_avx_vnni() || int8_gemm_supported();
    default: return false;
  }
}

namespace {

template <int P, bool MIN>
void run_tiles(int64_t kernel, bool vex, const Acts& a, const uint8_t* qs, const at::Half* d, const at::Half* m,
               float* y, int64_t t0, int64_t t1, int64_t N) {
  if (kernel == q4x16::kAvx2) row_groups_avx2<P, MIN>(a, qs, d, m, y, t0, t1, N);
  else if (kernel == q4x16::kAvx512Vnni) row_groups<P, MIN>(a, qs, d, m, y, t0, t1, N);
  else if (vex) row_groups_vnni256<P, MIN, true>(a, qs, d, m, y, t0, t1, N);
  else row_groups_vnni256<P, MIN, false>(a, qs, d, m, y, t0, t1, N);
}

}  // namespace

q4x16::Weight q4x16::checked_weight(const at::Tensor& qs, const at::Tensor& d, const c10::optional<at::Tensor>& m) {
  TORCH_CHECK(qs.dim() == 2 && qs.scalar_type() == at::kByte && qs.is_contiguous(), "q4x16 codes must be contiguous uint8 [N, K/2]");
  const int64_t N = qs.size(0), K = qs.size(1) * 2;
  TORCH_CHECK(N % kTile == 0, "q4x16 weights have a multiple of 16 rows, got ", N);
  TORCH_CHECK(K % kBlock == 0, "q4x16 weights have a multiple of 32 columns, got ", K);
  TORCH_CHECK(d.scalar_type() == at::kHalf && d.is_contiguous() && d.dim() == 2 && d.size(0) == N &&
              d.size(1) == K / kBlock, "q4x16 scales must be contiguous half [N, K/32]");
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->scalar_type() == at::kHalf && m->is_contiguous()),
              "mins must match scales");
  return {qs.data_ptr<uint8_t>(), d.data_ptr<at::Half>(), m.has_value() ? m->data_ptr<at::Half>() : nullptr, N, K};
}

void q4x16::count_call(int64_t kernel) {
  packed::count(kernel == kAvx512Vnni ? packed::kQ4x16 : kernel == kVnni256 ? packed::kQ4x16Vnni256 : packed::kQ4x16Avx2);
}

void q4x16::check_kernel(int64_t kernel, int64_t planes) {
  TORCH_CHECK(kernel >= kAvx2 && kernel <= kVnni256, "q4x16_linear: unknown kernel ", kernel,
              " (0 AVX2, 1 AVX-512 VNNI, 2 256-bit VNNI)");
  TORCH_CHECK(q4x16_kernel_supported(kernel), "q4x16_linear: the ",
              kernel == kAvx512Vnni ? "AVX-512 VNNI" : "256-bit VNNI (AVX-VNNI or AVX-512 VNNI)",
              " kernel needs an ISA this CPU lacks");
  TORCH_CHECK(planes == 1 || planes == 2, "q4x16_linear takes 1 or 2 activation planes, got ", planes);
}

Acts q4x16::quantize(const float* x, int64_t M, int64_t K, int64_t planes, int64_t kernel) {
  return kernel == kAvx512Vnni ? quantize_acts(x, M, K, kBlock, static_cast<int>(planes))
                               : quantize_acts_avx2(x, M, K, kBlock, static_cast<int>(planes));
}

int64_t q4x16::tiles_per_task(int64_t K, int64_t M) { return tiles::per_task(kTile * K / 2, M); }

void q4x16::tiles(int64_t kernel, int64_t planes, const Acts& a, const Weight& w, float* y, int64_t t0, int64_t t1) {
  // else EVEX: AVX-512 VNNI's 256-bit form
  const bool vex = kernel == kVnni256 && cpu_has_avx_vnni();
  if (planes == 2) {
    if (w.m) run_tiles<2, true>(kernel, vex, a, w.qs, w.d, w.m, y, t0, t1, w.N);
    else run_tiles<2, false>(kernel, vex, a, w.qs, w.d, w.m, y, t0, t1, w.N);
  } else {
    if (w.m) run_tiles<1, true>(kernel, vex, a, w.qs, w.d, w.m, y, t0, t1, w.N);
    else run_tiles<1, false>(kernel, vex, a, w.qs, w.d, w.m, y, t0, t1, w.N);
  }
}

at::Tensor q4x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                           const c10::optional<at::Tensor>& m, int64_t planes, int64_t kernel) {
  q4x16::check_kernel(kernel, planes);
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  const q4x16::Weight w = q4x16::checked_weight(qs, d, m);
  const int64_t M = x.size(0), N = w.N, K = w.K;
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const Acts acts = q4x16::quantize(x.data_ptr<float>(), M, K, planes, kernel);
  float* yp = y.data_ptr<float>();
  at::parallel_for(0, N / kTile, q4x16::tiles_per_task(K, M), [&](int64_t t0, int64_t t1) {
    q4x16::tiles(kernel, planes, acts, w, yp, t0, t1);
  });
  return y;
}

}  // namespace ketch
