// Few-row products on 8-bit weights interleaved by 16 output rows ("q8x16"), AVX-512 VNNI: the
// LM head of models whose embedding table is Q8_0 (SmolLM2's tied head is 28M weights, about a
// fifth of a decode step's bytes).
//
// The row kernel (rows_vnni.cpp) puts 64 weights of one output row in a vector and spends ~12
// operations per vector on its scales and a correction product, which keeps a one-row head
// compute-bound at about half the memory bandwidth. Here, as in q4x16.cpp, the int32 lane is the
// output row:
//
//   qs int8 [N, K] holds tiles of 16 rows; tile t, block b, chunk k (0..7) is 64 bytes, 4 per row
//      i: weights 4k..4k+3 of row 16t + i's block b, at byte ((t * nb + b) * 8 + k) * 64 + 4 i;
//   d half [N, K/32] holds tile t, block b's 16 scales at (t * nb + b) * 16 + i.
//
// The bytes are the row layout's, only reordered, so lookups and dequantization read them too.
// vpdpbusd multiplies unsigned by signed bytes: flipping a code's sign bit gives q + 128 as an
// unsigned byte, and dot(q, x) = dot(q + 128, x) - 128 sum(x), the code sum known per block
// (Acts::csum). A block costs 8 loads, 8 xors and 8 vpdpbusd per activation plane for 16 rows.
// |dot| <= 32 * 128 * 127 < 2^19 is exact in float; two planes combine as 254 t1 + t2 in one fma
// (rounded once in fp32). Each output row is summed in one fixed order whatever the row count, so
// results are batch-invariant.
#include "q8x16.h"

#include "act_codes.h"
#include "int8_gemm.h"
#include "packed.h"
#include "tiles.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>

namespace ketch {
namespace {

constexpr int64_t kBlock = 32;
constexpr int64_t kTile = q8x16::kRows;
constexpr int64_t kTileBlockBytes = kTile * kBlock;  // 512
constexpr int kRowGroup = 4;                         // activation rows sharing one load of a block
constexpr int64_t kPrefetchBlocks = 4;               // 2 KiB ahead, as the q4x16 kernel
// ... and 16 KiB ahead into L2 on the first pass over a chunk (later row groups find it in L2):
// SmolLM2's head from memory at 1 / 8 / 32 rows took 0.87-1.0 / 0.81-0.87 / 0.95-0.99x the time
// (four interleaved A/B runs)
constexpr int64_t kFarPrefetchBlocks = 32;
constexpr int64_t kChunkTiles = 4;                   // 4 tiles x 16 rows x K bytes stay in L2 across row groups
using acts::load4;

// Tiles t0..t1 against R activation rows from r0; y rows are N apart.
template <int R, int P>
KETCH_AVX512 void tiles(const Acts& a, int64_t r0, const int8_t* qs, const at::Half* d, float* y, int64_t t0,
                        int64_t t1, int64_t N) {
  const int64_t K = a.K, M = a.M, nb = K / kBlock;
  const __m512i sign = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512 plane2 = _mm512_set1_ps(acts::kPlane2);
  for (int64_t t = t0; t < t1; ++t) {
    const int8_t* w = qs + t * nb * kTileBlockBytes;
    const at::Half* dt = d + t * nb * kTile;
    __m512 acc[R];
    for (int r = 0; r < R; ++r) acc[r] = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b, w += kTileBlockBytes) {
      for (int c = 0; c < 8; ++c)
        _mm_prefetch(reinterpret_cast<const char*>(w + kPrefetchBlocks * kTileBlockBytes + 64 * c), _MM_HINT_T0);
      if (r0 == 0)
        for (int c = 0; c < 8; ++c)
          _mm_prefetch(reinterpret_cast<const char*>(w + kFarPrefetchBlocks * kTileBlockBytes + 64 * c), _MM_HINT_T1);
      __m512i u[8];  // q + 128 as unsigned bytes
      for (int k = 0; k < 8; ++k) u[k] = _mm512_xor_si512(_mm512_loadu_si512(w + 64 * k), sign);
      const __m512 dv = _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(dt + b * kTile)));
      for (int r = 0; r < R; ++r) {
        const int64_t row = r0 + r;
        __m512i s[P];
        for (int p = 0; p < P; ++p) {
          const int8_t* xb = a.q.data() + (p * M + row) * K + b * kBlock;
          // two chains of four halve the wait on vpdpbusd's latency
          __m512i even = _mm512_set1_epi32(-128 * a.csum[(p * M + row) * nb + b]);
          __m512i odd = _mm512_setzero_si512();
          for (int k = 0; k < 8; k += 2) {
            even = _mm512_dpbusd_epi32(even, u[k], _mm512_set1_epi32(load4(xb + 4 * k)));
            odd = _mm512_dpbusd_epi32(odd, u[k + 1], _mm512_set1_epi32(load4(xb + 4 * k + 4)));
          }
          s[p] = _mm512_add_epi32(even, odd);
        }
        __m512 tf = _mm512_cvtepi32_ps(s[0]);
        if constexpr (P == 2) tf = _mm512_fmadd_ps(tf, plane2, _mm512_cvtepi32_ps(s[1]));
        acc[r] = _mm512_fmadd_ps(tf, _mm512_mul_ps(dv, _mm512_set1_ps(a.step[row * nb + b])), acc[r]);
      }
    }
    for (int r = 0; r < R; ++r) _mm512_storeu_ps(y + r * N + t * kTile, acc[r]);
  }
}

template <int P>
void row_groups(const Acts& a, const int8_t* qs, const at::Half* d, float* y, int64_t t0, int64_t t1, int64_t N) {
  tiles::for_chunks(t0, t1, kChunkTiles, [&](int64_t c0, int64_t c1) {
    for (int64_t r0 = 0; r0 < a.M; r0 += kRowGroup) {
      float* yr = y + r0 * N;
      switch (std::min<int64_t>(kRowGroup, a.M - r0)) {
        case 1: tiles<1, P>(a, r0, qs, d, yr, c0, c1, N); break;
        case 2: tiles<2, P>(a, r0, qs, d, yr, c0, c1, N); break;
        case 3: tiles<3, P>(a, r0, qs, d, yr, c0, c1, N); break;
        default: tiles<4, P>(a, r0, qs, d, yr, c0, c1, N); break;
      }
    }
  });
}

}  // namespace

at::Tensor q8x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d, int64_t planes) {
  TORCH_CHECK(int8_gemm_supported(), "q8x16_linear needs AVX-512 VNNI, which this CPU lacks");
  TORCH_CHECK(planes == 1 || planes == 2, "q8x16_linear takes 1 or 2 activation planes, got ", planes);
  TORCH_CHECK(qs.dim() == 2 && qs.scalar_type() == at::kChar && qs.is_contiguous(),
              "q8x16 codes must be contiguous int8 [N, K]");
  const int64_t N = qs.size(0), K = qs.size(1);
  TORCH_CHECK(N % kTile == 0, "q8x16 weights have a multiple of 16 rows, got ", N);
  TORCH_CHECK(K % kBlock == 0, "q8x16 weights have a multiple of 32 columns, got ", K);
  TORCH_CHECK(d.scalar_type() == at::kHalf && d.is_contiguous() && d.dim() == 2 && d.size(0) == N &&
              d.size(1) == K / kBlock, "q8x16 scales must be contiguous half [N, K/32]");
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  const int64_t M = x.size(0);
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const Acts acts = quantize_acts(x.data_ptr<float>(), M, K, kBlock, static_cast<int>(planes));
  const int8_t* qp = qs.data_ptr<int8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  float* yp = y.data_ptr<float>();
  at::parallel_for(0, N / kTile, tiles::per_task(kTile * K, M), [&](int64_t t0, int64_t t1) {
    if (planes == 2) row_groups<2>(acts, qp, dp, yp, t0, t1, N);
    else row_groups<1>(acts, qp, dp, yp, t0, t1, N);
  });
  return y;
}

}  // namespace ketch
