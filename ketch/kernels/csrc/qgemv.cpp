// Matrix-vector (and few-row matrix) products straight from GGUF-style packed weights.
//
// Layouts (repacked at load, one row per output feature; every plane is row-aligned, so rows can
// be sliced, permuted and stacked):
//   q4: qs uint8 [N, K/2]  (llama.cpp nibble order: byte j = q[j] | q[j+16] << 4)
//       d, m half [N, K/32], value = q * d + m; without m (Q4_0) value = (q - 8) * d
//   q8: qs int8  [N, K],   d half [N, K/G],      value = q * d (+ (m + offset * d) with mins m
//       half [N, K/G]); G = 32 or 16. `offset` undoes the centering of unsigned codes (GPTQ 8-bit).
//   q5 (Q5_0/Q5_1): qs uint8 [N, K/32 * 20]: per 32-block 16 bytes of nibbles (q4 order) and 4
//       bytes of high bits (weight i's is bit i/4 of byte i%4); d, m half [N, K/32];
//       value = (q - 16) * d without m (Q5_0), q * d + m with it (Q5_1).
//   K-quants: qs uint8 [N, K/256 * B], one B-byte record per 256-weight super-block holding the
//       codes as GGUF lays them out plus integer sub-block scales; d half [N, K/256] (the super
//       scale), m half [N, K/256] (the super min, where the type has mins):
//     q4_k (B=144): 128 B nibbles (32-byte chunk c: low nibbles = sub-block 2c, high = 2c+1),
//                   8 B scales, 8 B mins (6-bit); value = d*sc*q - m*mn per 32
//     q5_k (B=176): q4_k's nibbles, 32 B high bits (bit j of byte l: weight l of sub-block j),
//                   8 B scales, 8 B mins
//     q6_k (B=208): GGUF's ql (128 B), qh (64 B), 16 int8 scales; value = d*sc*(q - 32) per 16
//     q2_k (B=80):  64 B of 2-bit codes (byte l of half h: weights 128h + 32s + l at bits 2s),
//                   16 B of (scale | min << 4) per 16; value = d*sc*q - m*mn
//     q3_k (B=112): 32 B high-bit mask (bit 4h+s of byte l), q2_k's 64 B of 2-bit codes, 16 int8
//                   scales (sc - 32); value = d*sc*(q - (high ? 0 : 4))
// Each block contributes d * dot(q, x) + m * sum(x), so weights are never expanded in memory.
// Activations are quantized per 32-block to int16 (step = max|x| / 32767, so each value is off by
// at most max|x_block| / 65534: ~1.5e-5 relative, far below bf16's 4e-3) and the dot products run
// in exact integer arithmetic (madd_epi16), about half the instructions of a float unpack; the
// min term uses the exact float block sums. K-quant codes are multiplied by their integer
// sub-block scale before the dot product (|q * sc| <= 4096: the int32 sums stay below 2^30, and
// their conversion to float rounds at most 2^-24 relative), so one float multiply-add per 32
// weights carries both scales. Up to 4 activation rows
// share one pass over the weights; the row count is a template parameter so the accumulators live
// in registers.
// q4 (Q4_0/Q4_1, GPTQ/AWQ 4-bit) and q8 (Q8_0, 8-bit GPTQ/EXL2) on CPUs with AVX-512 VNNI
// multiply with vpdpbusd instead, 2-3x faster (see "int8 activations" below). Modes, shared by
// both (the model's kernel policy passes one per call; KETCH_Q4_ACTS sets it at load):
//   "int8x2" (default with VNNI): each 32-block as two int8 planes, step max|x| / (127 * 254):
//            the int16 path's precision (bound: the same formula with 32258 for 32767);
//   "int8":  one int8 plane, step max|x| / 127, as llama.cpp's Q8 activations (bound with 127);
//   "int16": the AVX2 path above (the only one without AVX-512 VNNI).
#include "amx_gemm.h"
#include "act_codes.h"
#include "int8_gemm.h"
#include "kquant_codes.h"
#include "q4x16.h"

#include <torch/extension.h>
#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <utility>

namespace {

using namespace ketch::acts;

constexpr int64_t kBlock = 32;
constexpr int64_t kMaxRows = 4;
constexpr int64_t kGrain = 64;  // output rows per parallel task

inline float hsum(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_hadd_ps(lo, lo);
  lo = _mm_hadd_ps(lo, lo);
  return _mm_cvtss_f32(lo);
}

inline float h2f(at::Half h) { return _cvtsh_ss(h.x); }

void check_inputs(const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d, int64_t K) {
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == torch::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  TORCH_CHECK(K % kBlock == 0, "K must be a multiple of 32");
  TORCH_CHECK(qs.dim() == 2 && qs.is_contiguous() && d.is_contiguous(), "packed weights must be contiguous 2-D");
  TORCH_CHECK(d.scalar_type() == torch::kHalf && d.size(0) == qs.size(0) &&
              (d.size(1) == K / kBlock || d.size(1) == K / 16), "scales must be half [N, K/32] or [N, K/16]");
}

void check_mins(const c10::optional<torch::Tensor>& m, const torch::Tensor& d) {
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->scalar_type() == torch::kHalf && m->is_contiguous()),
              "mins must match scales");
}

// The q4 and q8 layouts (top of this file) against fp32 activations x; each returns K.
int64_t check_q4(const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d,
                 const c10::optional<torch::Tensor>& m) {
  const int64_t K = qs.size(1) * 2;
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == torch::kByte, "q4 weights must be uint8");
  TORCH_CHECK(d.size(1) == K / kBlock, "q4 scales must be half [N, K/32]");
  check_mins(m, d);
  return K;
}

int64_t check_q8(const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d,
                 const c10::optional<torch::Tensor>& m) {
  const int64_t K = qs.size(1);
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == torch::kChar, "q8 weights must be int8");
  check_mins(m, d);
  return K;
}

struct Acts16 {
  std::vector<int16_t> q;  // [M, K]
  std::vector<float> d;    // [M, K/32] step of each block
  std::vector<float> sum;  // [M, K/32] exact float sum of each block
  std::vector<float> sum16;  // [M, K/16] exact float sum of each half block
};

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

// 32 int16 weights (two halves) against 32 int16 activations: 8 exact int32 partial sums, as float.
inline __m256 idot32(__m256i w_lo, __m256i w_hi, const int16_t* xq) {
  const __m256i a = _mm256_madd_epi16(w_lo, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq)));
  const __m256i b = _mm256_madd_epi16(w_hi, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq + 16)));
  return _mm256_cvtepi32_ps(_mm256_add_epi32(a, b));
}

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
    for (int64_t b = 0; b < nb; ++b) {
      const __m256i w_lo = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock)));
      const __m256i w_hi = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock + 16)));
      if constexpr (G == 32) {
        const float db = h2f(d[n * ng + b]);
        for (int r = 0; r < R; ++r)
          acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(db * xd[r * nb + b]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
        if constexpr (MIN) {
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

// ---- q4 with int8 activations and AVX-512 VNNI (llama.cpp's Q4 x Q8 products). Activations are
// rounded per 32-block to int8 codes q1 (step s = max|x| / 127: each value off by at most s / 2,
// ~0.4% of the block's largest value, as in llama.cpp); with two planes the remainder x - s q1 is
// rounded again to int8 codes q2 of step s / 254 (|remainder| <= s / 2, so |q2| <= 127), leaving
// at most max|x| / 64516 per value. The weights' centered codes (q - 8) multiply the codes
// exactly in int32 (vpdpbusd on the unsigned nibbles, minus 8 * the block's code sum); the two
// planes' sums combine exactly in float (254 * |t1| + |t2| < 2^24), and the min term uses the
// exact float block sums.
// One 512-bit step covers 4 blocks (64 bytes of nibbles): 128-bit lane b holds block b, its low
// nibbles (weights 0..15) against the activation codes 0..15 and its high nibbles (16..31)
// against 16..31, so activations are stored regrouped that way, 4 blocks at a time.

struct Acts8 {
  int64_t groups = 0;       // ceil(K / 128); the last one is zero-padded
  int planes = 1;           // 1 (int8) or 2 (int8x2)
  // [M, groups, planes, 128]: per group and plane the codes 0..15 of its 4 blocks, then 16..31
  std::vector<int8_t> q;
  std::vector<int32_t> c;   // [M, groups, planes, 16]: -8 * code sum of block b at lane 4b (0 elsewhere)
  std::vector<float> d;     // [M, groups, 16]: block b's unit (step / 254 with 2 planes) in lanes 4b..4b+3
  std::vector<float> sum;   // [M, groups * 4]: exact float sum of each block
};

KETCH_AVX512 Acts8 quantize_acts8(const float* x, int64_t M, int64_t K, int planes) {
  const int64_t nb = K / kBlock, G = (nb + 3) / 4, P = planes;
  Acts8 a;
  a.groups = G;
  a.planes = planes;
  a.q.assign(M * G * P * 128, 0);
  a.c.assign(M * G * P * 16, 0);
  a.d.assign(M * G * 16, 0.f);
  a.sum.assign(M * G * 4, 0.f);
  for (int64_t r = 0; r < M; ++r)
    for (int64_t b = 0; b < nb; ++b) {
      const BlockCodes bc = round_block(x + r * K + b * kBlock, P == 2);
      const int64_t g = r * G + b / 4, lane = b % 4;
      int8_t* q = a.q.data() + g * P * 128 + lane * 16;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q), _mm512_cvtsepi32_epi8(bc.q0));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q + 64), _mm512_cvtsepi32_epi8(bc.q1));
      a.c[g * P * 16 + lane * 4] = -8 * _mm512_reduce_add_epi32(_mm512_add_epi32(bc.q0, bc.q1));
      if (P == 2) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q + 128), _mm512_cvtsepi32_epi8(bc.r0));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q + 192), _mm512_cvtsepi32_epi8(bc.r1));
        a.c[g * P * 16 + 16 + lane * 4] = -8 * _mm512_reduce_add_epi32(_mm512_add_epi32(bc.r0, bc.r1));
      }
      // the unit of the codes' combined sums: step (one plane), step / 254 (two: 254 t1 + t2)
      for (int j = 0; j < 4; ++j) a.d[g * 16 + lane * 4 + j] = P == 2 ? bc.step / kPlane2 : bc.step;
      a.sum[r * G * 4 + b] = _mm512_reduce_add_ps(_mm512_add_ps(bc.v0, bc.v1));
    }
  return a;
}

// Block b's scale of each of the (up to) 4 blocks of a group, broadcast to the 4 lanes of block b.
KETCH_AVX512 inline __m512 group_scales(const at::Half* d, __mmask8 mask) {
  const __m128 s = _mm_cvtph_ps(_mm_maskz_loadu_epi16(mask, d));
  return _mm512_permutexvar_ps(_mm512_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3),
                               _mm512_castps128_ps512(s));
}

constexpr int64_t kPrefetchRows = 16;  // weight rows ahead: helps once the weight is past the caches

// The sums of 4 vectors' lanes, in order.
KETCH_AVX512 inline __m128 reduce4(__m512 a, __m512 b, __m512 c, __m512 d) {
  const __m512 ab = _mm512_add_ps(_mm512_shuffle_f32x4(a, b, 0x44), _mm512_shuffle_f32x4(a, b, 0xEE));
  const __m512 cd = _mm512_add_ps(_mm512_shuffle_f32x4(c, d, 0x44), _mm512_shuffle_f32x4(c, d, 0xEE));
  __m512 s = _mm512_add_ps(_mm512_shuffle_f32x4(ab, cd, 0x88), _mm512_shuffle_f32x4(ab, cd, 0xDD));
  s = _mm512_add_ps(s, _mm512_permute_ps(s, 0x4E));
  s = _mm512_add_ps(s, _mm512_permute_ps(s, 0xB1));
  return _mm512_castps512_ps128(_mm512_permutexvar_ps(_mm512_setr_epi32(0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), s));
}

// The min term of C weight rows against R activation rows: (m + center * d) of each scale group
// times the exact float sum of its activations (xs + r * xs_stride), 16 groups at a time.
template <int R, int C>
KETCH_AVX512 inline void add_min_terms(__m512 (&acc)[C][R], const at::Half* d, const at::Half* m, int64_t n,
                                       int64_t ng, float center, const float* xs, int64_t xs_stride) {
  const __m512 cv = _mm512_set1_ps(center);
  for (int64_t g = 0; g < ng; g += 16) {
    const __mmask16 k = ng - g >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (ng - g)) - 1);
    for (int c = 0; c < C; ++c) {
      const __m512 dv = _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(k, d + (n + c) * ng + g));
      const __m512 mv = _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(k, m + (n + c) * ng + g));
      const __m512 mb = _mm512_fmadd_ps(cv, dv, mv);
      for (int r = 0; r < R; ++r)
        acc[c][r] = _mm512_fmadd_ps(mb, _mm512_maskz_loadu_ps(k, xs + r * xs_stride + g), acc[c][r]);
    }
  }
}

// y[r, n + c] = the sum of acc[c][r]'s lanes.
template <int R, int C>
KETCH_AVX512 inline void store_rows(__m512 (&acc)[C][R], float* y, int64_t n, int64_t N) {
  if constexpr (C == 4) {
    for (int r = 0; r < R; ++r) _mm_storeu_ps(y + r * N + n, reduce4(acc[0][r], acc[1][r], acc[2][r], acc[3][r]));
  } else {
    for (int c = 0; c < C; ++c)
      for (int r = 0; r < R; ++r) y[r * N + n + c] = _mm512_reduce_add_ps(acc[c][r]);
  }
}

// C weight rows at a time against R activation rows: C * R independent accumulators.
template <int R, int C, bool MIN, int P>
KETCH_AVX512 inline void q4_block_vnni(const Acts8& acts, int64_t r0, const uint8_t* qs, const at::Half* d,
                                       const at::Half* m, float* y, int64_t n, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock, G = acts.groups, full = nb / 4, tail = nb % 4;
  const __mmask64 tail_bytes = tail ? (~0ULL >> (64 - 16 * tail)) : 0;
  const __mmask8 tail_scales = static_cast<__mmask8>((1u << tail) - 1);
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  const int8_t* xq = acts.q.data() + r0 * G * P * 128;
  const int32_t* xc = acts.c.data() + r0 * G * P * 16;
  const float* xd = acts.d.data() + r0 * G * 16;
  const float* xs = acts.sum.data() + r0 * G * 4;
  __m512 acc[C][R];
  for (int c = 0; c < C; ++c)
    for (int r = 0; r < R; ++r) acc[c][r] = _mm512_setzero_ps();
  for (int64_t g = 0; g <= full; ++g) {
    if (g == full && !tail) break;
    __m512i lo[C], hi[C];
    __m512 dw[C];
    for (int c = 0; c < C; ++c) {
      const uint8_t* p = qs + (n + c) * (K / 2) + g * 64;
      if (kPrefetchRows) _mm_prefetch(reinterpret_cast<const char*>(p + kPrefetchRows * (K / 2)), _MM_HINT_T0);
      const __m512i raw = g < full ? _mm512_loadu_si512(p) : _mm512_maskz_loadu_epi8(tail_bytes, p);
      lo[c] = _mm512_and_si512(raw, low4);
      hi[c] = _mm512_and_si512(_mm512_srli_epi16(raw, 4), low4);
      dw[c] = group_scales(d + (n + c) * nb + g * 4, g < full ? 0x0F : tail_scales);
    }
    for (int r = 0; r < R; ++r) {
      const int64_t o = r * G + g;
      const int8_t* xo = xq + o * P * 128;
      const __m512i xlo = _mm512_loadu_si512(xo), xhi = _mm512_loadu_si512(xo + 64);
      const __m512i cv = _mm512_loadu_si512(xc + o * P * 16);
      const __m512 dx = _mm512_loadu_ps(xd + o * 16);
      for (int c = 0; c < C; ++c) {
        const __m512i t = _mm512_dpbusd_epi32(_mm512_dpbusd_epi32(cv, lo[c], xlo), hi[c], xhi);
        __m512 tf = _mm512_cvtepi32_ps(t);
        if constexpr (P == 2) {  // 254 t1 + t2: exact in float (below 2^24)
          const __m512i t2 = _mm512_dpbusd_epi32(
              _mm512_dpbusd_epi32(_mm512_loadu_si512(xc + o * P * 16 + 16), lo[c], _mm512_loadu_si512(xo + 128)),
              hi[c], _mm512_loadu_si512(xo + 192));
          tf = _mm512_fmadd_ps(tf, _mm512_set1_ps(kPlane2), _mm512_cvtepi32_ps(t2));
        }
        acc[c][r] = _mm512_fmadd_ps(tf, _mm512_mul_ps(dw[c], dx), acc[c][r]);
      }
    }
  }
  if constexpr (MIN) add_min_terms<R, C>(acc, d, m, n, nb, 8.f, xs, G * 4);  // centered codes: q - 8
  store_rows<R, C>(acc, y, n, N);
}

template <int R, bool MIN, int P>
KETCH_AVX512 void q4_rows_vnni(const Acts8& acts, int64_t r0, const uint8_t* qs, const at::Half* d,
                               const at::Half* m, float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  constexpr int C = R <= 2 ? 4 : 2;  // weight rows per pass: C * R accumulators in registers
  int64_t n = n0;
  for (; n + C <= n1; n += C) q4_block_vnni<R, C, MIN, P>(acts, r0, qs, d, m, y, n, N, K);
  for (; n < n1; ++n) q4_block_vnni<R, 1, MIN, P>(acts, r0, qs, d, m, y, n, N, K);
}

template <bool MIN, int P>
KETCH_AVX512 void dispatch_q4_vnni_rows(int64_t rows, const Acts8& a, int64_t r0, const uint8_t* q,
                                        const at::Half* d, const at::Half* m, float* y, int64_t n0, int64_t n1,
                                        int64_t N, int64_t K) {
  switch (rows) {
    case 1: q4_rows_vnni<1, MIN, P>(a, r0, q, d, m, y, n0, n1, N, K); break;
    case 2: q4_rows_vnni<2, MIN, P>(a, r0, q, d, m, y, n0, n1, N, K); break;
    case 3: q4_rows_vnni<3, MIN, P>(a, r0, q, d, m, y, n0, n1, N, K); break;
    default: q4_rows_vnni<4, MIN, P>(a, r0, q, d, m, y, n0, n1, N, K); break;
  }
}

KETCH_AVX512 void dispatch_q4_vnni(int64_t rows, bool has_min, const Acts8& a, int64_t r0, const uint8_t* q,
                                   const at::Half* d, const at::Half* m, float* y, int64_t n0, int64_t n1,
                                   int64_t N, int64_t K) {
  if (a.planes == 2) {
    if (has_min) dispatch_q4_vnni_rows<true, 2>(rows, a, r0, q, d, m, y, n0, n1, N, K);
    else dispatch_q4_vnni_rows<false, 2>(rows, a, r0, q, d, m, y, n0, n1, N, K);
  } else {
    if (has_min) dispatch_q4_vnni_rows<true, 1>(rows, a, r0, q, d, m, y, n0, n1, N, K);
    else dispatch_q4_vnni_rows<false, 1>(rows, a, r0, q, d, m, y, n0, n1, N, K);
  }
}

// ---- q8 with int8 activations and AVX-512 VNNI (llama.cpp's Q8 x Q8 products). Activations are
// rounded per 32-block to one or two int8 planes as for q4 (same steps, same bounds), stored in
// weight order as unsigned bytes u = code + 128, since vpdpbusd multiplies unsigned by signed
// bytes; dot(code, w) = dpbusd(u, w) - dpbusd(128, w), the second shared by all rows and planes.
// One 512-bit step covers 64 weights: int32 lane l sums weights 4l..4l+3, so lanes 0-7 belong to
// the first 32-block and 8-15 to the second (and lanes 4g..4g+3 to 16-group g).
struct ActsQ8 {
  int planes = 1;
  int64_t K64 = 0;          // K rounded up to 64 (the padding's weights are masked to zero)
  std::vector<uint8_t> u;   // [M, planes, K64]
  std::vector<float> dx;    // [M, K64 / 64, 16]: the unit of the codes' sums, per int32 lane
  std::vector<float> sum;   // [M, K / G]: exact float sum of each scale group (G = 16 or 32)
};

// 16 codes as unsigned bytes code + 128 (a lambda would not inherit the AVX-512 target).
KETCH_AVX512 inline void store16(uint8_t* dst, __m512i codes) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm512_cvtepi32_epi8(_mm512_add_epi32(codes, _mm512_set1_epi32(128))));
}

KETCH_AVX512 ActsQ8 quantize_actsq8(const float* x, int64_t M, int64_t K, int planes, int64_t G) {
  const int64_t nb = K / kBlock, K64 = (K + 63) / 64 * 64, P = planes;
  ActsQ8 a;
  a.planes = planes;
  a.K64 = K64;
  a.u.assign(M * P * K64, 128);
  a.dx.assign(M * (K64 / 64) * 16, 0.f);
  a.sum.assign(M * (K / G), 0.f);
  for (int64_t r = 0; r < M; ++r)
    for (int64_t b = 0; b < nb; ++b) {
      const BlockCodes bc = round_block(x + r * K + b * kBlock, P == 2);
      uint8_t* u = a.u.data() + r * P * K64 + b * kBlock;
      store16(u, bc.q0);
      store16(u + 16, bc.q1);
      if (P == 2) {
        store16(u + K64, bc.r0);
        store16(u + K64 + 16, bc.r1);
      }
      float* dx = a.dx.data() + (r * (K64 / 64) + b / 2) * 16 + (b % 2) * 8;
      for (int j = 0; j < 8; ++j) dx[j] = P == 2 ? bc.step / kPlane2 : bc.step;
      if (G == 32) {
        a.sum[r * nb + b] = _mm512_reduce_add_ps(_mm512_add_ps(bc.v0, bc.v1));
      } else {
        a.sum[r * 2 * nb + 2 * b] = _mm512_reduce_add_ps(bc.v0);
        a.sum[r * 2 * nb + 2 * b + 1] = _mm512_reduce_add_ps(bc.v1);
      }
    }
  return a;
}

// The weight scales of one 64-weight step, per int32 lane: G = 32 -> 2 scales, 8 lanes each;
// G = 16 -> 4 scales, 4 lanes each.
template <int G>
KETCH_AVX512 inline __m512 step_scales(const at::Half* d, __mmask8 mask) {
  const __m128 s = _mm_cvtph_ps(_mm_maskz_loadu_epi16(mask, d));
  const __m512i idx = G == 32 ? _mm512_setr_epi32(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1)
                              : _mm512_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
  return _mm512_permutexvar_ps(idx, _mm512_castps128_ps512(s));
}

template <int R, int C, int G, bool MIN, int P>
KETCH_AVX512 inline void q8_block_vnni(const ActsQ8& acts, int64_t r0, const int8_t* qs, const at::Half* d,
                                       const at::Half* m, float offset, float* y, int64_t n, int64_t N, int64_t K) {
  const int64_t ng = K / G, steps = (K + 63) / 64, K64 = acts.K64;
  const bool half_tail = K % 64 != 0;  // the last step holds one 32-block
  const __m512i c128 = _mm512_set1_epi8(static_cast<char>(128));
  const uint8_t* xu = acts.u.data() + r0 * P * K64;
  const float* xd = acts.dx.data() + r0 * steps * 16;
  __m512 acc[C][R];
  for (int c = 0; c < C; ++c)
    for (int r = 0; r < R; ++r) acc[c][r] = _mm512_setzero_ps();
  for (int64_t t = 0; t < steps; ++t) {
    const bool partial = half_tail && t == steps - 1;
    __m512i w[C], corr[C];
    __m512 dw[C];
    for (int c = 0; c < C; ++c) {
      const int8_t* p = qs + (n + c) * K + t * 64;
      if (kPrefetchRows) _mm_prefetch(reinterpret_cast<const char*>(p + kPrefetchRows * K), _MM_HINT_T0);
      w[c] = partial ? _mm512_maskz_loadu_epi8(0xFFFFFFFFULL, p) : _mm512_loadu_si512(p);
      corr[c] = _mm512_dpbusd_epi32(_mm512_setzero_si512(), c128, w[c]);
      const __mmask8 k = G == 32 ? (partial ? 0x1 : 0x3) : (partial ? 0x3 : 0xF);
      dw[c] = step_scales<G>(d + (n + c) * ng + t * (64 / G), k);
    }
    for (int r = 0; r < R; ++r) {
      const uint8_t* u = xu + r * P * K64 + t * 64;
      const __m512i u1 = _mm512_loadu_si512(u);
      const __m512 dx = _mm512_loadu_ps(xd + (r * steps + t) * 16);
      for (int c = 0; c < C; ++c) {
        __m512 tf = _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_dpbusd_epi32(_mm512_setzero_si512(), u1, w[c]), corr[c]));
        if constexpr (P == 2) {  // 254 t1 + t2: exact in float (each lane below 2^24)
          const __m512i t2 = _mm512_sub_epi32(
              _mm512_dpbusd_epi32(_mm512_setzero_si512(), _mm512_loadu_si512(u + K64), w[c]), corr[c]);
          tf = _mm512_fmadd_ps(tf, _mm512_set1_ps(kPlane2), _mm512_cvtepi32_ps(t2));
        }
        acc[c][r] = _mm512_fmadd_ps(tf, _mm512_mul_ps(dw[c], dx), acc[c][r]);
      }
    }
  }
  if constexpr (MIN) add_min_terms<R, C>(acc, d, m, n, ng, offset, acts.sum.data() + r0 * ng, ng);
  store_rows<R, C>(acc, y, n, N);
}

template <int R, int G, bool MIN, int P>
KETCH_AVX512 void q8_rows_vnni(const ActsQ8& a, int64_t r0, const int8_t* qs, const at::Half* d, const at::Half* m,
                               float off, float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  constexpr int C = R <= 2 ? 4 : 2;
  int64_t n = n0;
  for (; n + C <= n1; n += C) q8_block_vnni<R, C, G, MIN, P>(a, r0, qs, d, m, off, y, n, N, K);
  for (; n < n1; ++n) q8_block_vnni<R, 1, G, MIN, P>(a, r0, qs, d, m, off, y, n, N, K);
}

template <int G, bool MIN, int P>
KETCH_AVX512 void dispatch_q8_vnni_rows(int64_t rows, const ActsQ8& a, int64_t r0, const int8_t* q,
                                        const at::Half* d, const at::Half* m, float off, float* y, int64_t n0,
                                        int64_t n1, int64_t N, int64_t K) {
  switch (rows) {
    case 1: q8_rows_vnni<1, G, MIN, P>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 2: q8_rows_vnni<2, G, MIN, P>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 3: q8_rows_vnni<3, G, MIN, P>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    default: q8_rows_vnni<4, G, MIN, P>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
  }
}

template <int G>
KETCH_AVX512 void dispatch_q8_vnni_g(int64_t rows, bool has_min, const ActsQ8& a, int64_t r0, const int8_t* q,
                                     const at::Half* d, const at::Half* m, float off, float* y, int64_t n0,
                                     int64_t n1, int64_t N, int64_t K) {
  if (a.planes == 2) {
    if (has_min) dispatch_q8_vnni_rows<G, true, 2>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_q8_vnni_rows<G, false, 2>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  } else {
    if (has_min) dispatch_q8_vnni_rows<G, true, 1>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_q8_vnni_rows<G, false, 1>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  }
}

const bool kHasVnni = cpu_has_avx512_vnni();

// q4/q8 activation modes (the comment at the top of this file), as the callers pass them (the
// model's kernel policy, ketch/kernels/policy.py): 0 = int16 (AVX2), 1 = one int8 plane, 2 = two.
int checked_mode(int64_t acts) {
  TORCH_CHECK(acts == 0 || acts == 1 || acts == 2, "activation mode must be 0 (int16), 1 (int8) or 2 (int8x2), got ", acts);
  TORCH_CHECK(acts == 0 || kHasVnni, "int8 activation modes need AVX-512 VNNI, which this CPU lacks");
  return static_cast<int>(acts);
}

// Calls per kernel path, so tests can prove which path a product took.
enum Path { kQ4Int16, kQ4Int8, kQ4Int8x2, kQ4x16, kQ4x16Avx2, kQ8Int16, kQ8Int8, kQ8Int8x2, kLowbit, kDequant, kAmx, kInt8Gemm, kPaths };
const char* const kPathNames[kPaths] = {"q4_int16", "q4_int8", "q4_int8x2", "q4x16", "q4x16_avx2", "q8_int16", "q8_int8", "q8_int8x2",
                                        "lowbit_int16", "dequantize", "amx", "int8_gemm"};
std::atomic<int64_t> g_calls[kPaths];

void count(Path p) { g_calls[p].fetch_add(1, std::memory_order_relaxed); }

template <typename Fn>
void for_row_groups(int64_t M, Fn&& fn) {
  for (int64_t r0 = 0; r0 < M; r0 += kMaxRows) fn(r0, std::min(kMaxRows, M - r0));
}

// Packed weight bytes per panel: a panel stays in L1 (32-48 KiB) while every group of activation
// rows passes over it, so many-row products (prompts, big batches) read each weight from memory
// once per call instead of once per row group.
constexpr int64_t kPanelBytes = 16 << 10;

// y[r, n] for all M rows and N weight rows: threads split the weight rows (``grain`` at least per
// task, fewer the more rows there are: the work per weight row grows with M); each thread walks its
// rows in L1-sized panels and, inside a panel, the activation rows in groups of up to kMaxRows.
// fn(r0, rows, n0, n1) computes rows r0..r0+rows of weight rows n0..n1. A row's result never depends
// on the blocking (each (r, n) is summed the same way in every group size), so this is batch-invariant.
template <typename Fn>
void for_panels(int64_t M, int64_t N, int64_t row_bytes, int64_t grain, Fn&& fn) {
  if (M == 0 || N == 0) return;  // (a prompt chunk that samples nothing asks for 0 rows of logits)
  const int64_t panel = std::max<int64_t>(4, kPanelBytes / std::max<int64_t>(row_bytes, 1) / 4 * 4);
  const int64_t groups = (M + kMaxRows - 1) / kMaxRows;
  const int64_t task = std::max<int64_t>(16, grain / groups);
  at::parallel_for(0, N, task, [&](int64_t n0, int64_t n1) {
    for (int64_t p0 = n0; p0 < n1; p0 += panel) {
      const int64_t p1 = std::min(n1, p0 + panel);
      for_row_groups(M, [&](int64_t r0, int64_t rows) { fn(r0, rows, p0, p1); });
    }
  });
}

}  // namespace

// Output rows per parallel task: a task under ~64 KiB of packed weights costs more to hand to
// another thread than it saves (the attention and MLP products of small models).
int64_t q4_grain(int64_t N, int64_t K) {
  return std::max<int64_t>(kGrain, (int64_t{1} << 17) / std::max<int64_t>(K / 2, 1));
}

torch::Tensor q4_linear(torch::Tensor x, torch::Tensor qs, torch::Tensor d, c10::optional<torch::Tensor> m,
                        int64_t act_mode) {
  const int64_t N = qs.size(0), K = check_q4(x, qs, d, m), M = x.size(0);
  const int mode = checked_mode(act_mode);
  count(mode == 0 ? kQ4Int16 : mode == 1 ? kQ4Int8 : kQ4Int8x2);
  const bool has_min = m.has_value();
  auto y = torch::empty({M, N}, x.options());
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = has_min ? m->data_ptr<at::Half>() : nullptr;
  float* yp = y.data_ptr<float>();
  const int64_t grain = q4_grain(N, K);
  if (mode != 0) {
    const Acts8 acts8 = quantize_acts8(x.data_ptr<float>(), M, K, mode);
    for_panels(M, N, K / 2, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
      dispatch_q4_vnni(rows, has_min, acts8, r0, qp, dp, mp, yp + r0 * N, n0, n1, N, K);
    });
    return y;
  }
  const Acts16 acts = quantize_acts16(x.data_ptr<float>(), M, K);
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
  return y;
}

torch::Tensor q8_linear(torch::Tensor x, torch::Tensor qs, torch::Tensor d, c10::optional<torch::Tensor> m,
                        int64_t offset, int64_t act_mode) {
  const int64_t N = qs.size(0), K = check_q8(x, qs, d, m), M = x.size(0);
  const int mode = checked_mode(act_mode);
  count(mode == 0 ? kQ8Int16 : mode == 1 ? kQ8Int8 : kQ8Int8x2);
  auto y = torch::empty({M, N}, x.options());
  const int8_t* qp = qs.data_ptr<int8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  float* yp = y.data_ptr<float>();
  const bool g16 = d.size(1) == K / 16;
  const bool has_min = m.has_value();
  const at::Half* mp = has_min ? m->data_ptr<at::Half>() : nullptr;
  const float off = static_cast<float>(offset);
  // int8 weights: a task under ~64 KiB of them costs more to hand to another thread than it saves
  const int64_t grain = std::max<int64_t>(kGrain, (int64_t{1} << 16) / std::max<int64_t>(K, 1));
  if (mode != 0) {  // the q4 activation modes (int8x2 / int8) apply to q8 weights as well
    const ActsQ8 acts = quantize_actsq8(x.data_ptr<float>(), M, K, mode, g16 ? 16 : 32);
    for_panels(M, N, K, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
      float* yr = yp + r0 * N;
      if (g16) dispatch_q8_vnni_g<16>(rows, has_min, acts, r0, qp, dp, mp, off, yr, n0, n1, N, K);
      else dispatch_q8_vnni_g<32>(rows, has_min, acts, r0, qp, dp, mp, off, yr, n0, n1, N, K);
    });
    return y;
  }
  const Acts16 acts = quantize_acts16(x.data_ptr<float>(), M, K);
  for_panels(M, N, K, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    dispatch_q8(rows, g16, has_min, acts, r0, qp, dp, mp, off, yp + r0 * N, n0, n1, N, K);
  });
  return y;
}

// ---- dequantization for many-row products (prefill, large batches): written straight into the
// activation dtype, so a bf16 GEMM (AMX) or an fp32 GEMM follows without another pass.

namespace {

inline void store8(float* out, __m256 v) { _mm256_storeu_ps(out, v); }

inline void store8(at::BFloat16* out, __m256 v) {
  // Round to nearest even, as torch does when casting fp32 to bf16 (NaN is not expected here).
  __m256i bits = _mm256_castps_si256(v);
  const __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(bits, 16), _mm256_set1_epi32(1));
  bits = _mm256_add_epi32(bits, _mm256_add_epi32(_mm256_set1_epi32(0x7FFF), lsb));
  bits = _mm256_srli_epi32(bits, 16);
  const __m128i packed = _mm_packus_epi32(_mm256_castsi256_si128(bits), _mm256_extracti128_si256(bits, 1));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), packed);
}

// q4 bytes of row n's block b: the row layout's 16, or q4x16's 4 x 4 (q4x16.cpp), same order.
inline __m128i q4_block_bytes(const uint8_t* q, int64_t n, int64_t b, int64_t K, bool tiled) {
  if (!tiled) return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + n * (K / 2) + b * 16));
  const uint8_t* p = q + ((n / 16) * (K / kBlock) + b) * 256 + 4 * (n % 16);
  int32_t w[4];
  for (int k = 0; k < 4; ++k) std::memcpy(&w[k], p + 64 * k, 4);
  return _mm_setr_epi32(w[0], w[1], w[2], w[3]);
}

template <typename T>
void dequant_rows(const torch::Tensor& qs, const torch::Tensor& d, const c10::optional<torch::Tensor>& m,
                  torch::Tensor& out, bool q4, float offset, bool tiled) {
  const int64_t N = qs.size(0), K = out.size(1), nb = K / kBlock, ng = d.size(1), G = K / ng;
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  T* op = out.data_ptr<T>();
  const uint8_t* q4p = q4 ? qs.data_ptr<uint8_t>() : nullptr;
  const int8_t* q8p = q4 ? nullptr : qs.data_ptr<int8_t>();
  const __m128i low4 = _mm_set1_epi8(0x0F);
  at::parallel_for(0, N, 16, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; ++n)
      for (int64_t b = 0; b < nb; ++b) {
        __m256 w[4];
        if (q4) {
          const __m128i raw = q4_block_bytes(q4p, n, b, K, tiled);
          const __m128i lo = _mm_and_si128(raw, low4), hi = _mm_and_si128(_mm_srli_epi16(raw, 4), low4);
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(lo));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(lo, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(hi));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(hi, 8)));
        } else {
          const int8_t* q = q8p + n * K + b * kBlock;
          const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
          const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16));
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(a));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(a, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(c));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(c, 8)));
        }
        T* o = op + n * K + b * kBlock;
        for (int j = 0; j < 4; ++j) {
          const int64_t g = tiled ? ((n / 16) * nb + b) * 16 + n % 16 : n * ng + (b * kBlock + 8 * j) / G;
          const float dv = h2f(dp[g]);
          const float mv = (mp ? h2f(mp[g]) : 0.f) + offset * dv;
          store8(o + 8 * j, _mm256_fmadd_ps(w[j], _mm256_set1_ps(dv), _mm256_set1_ps(mv)));
        }
      }
  });
}

}  // namespace

// Writes into `out` (a reused scratch buffer: fresh pages would cost more in faults than the work).
torch::Tensor dequantize_into(torch::Tensor qs, torch::Tensor d, c10::optional<torch::Tensor> m, torch::Tensor out,
                              int64_t offset, bool tiled) {
  count(kDequant);
  const bool q4 = qs.scalar_type() == torch::kByte;
  TORCH_CHECK(!tiled || (q4 && qs.size(0) % 16 == 0), "q4x16 weights are uint8 with a multiple of 16 rows");
  const int64_t N = qs.size(0), K = q4 ? qs.size(1) * 2 : qs.size(1);
  TORCH_CHECK(qs.is_contiguous() && d.is_contiguous() && d.scalar_type() == torch::kHalf, "bad packed weight");
  TORCH_CHECK(d.size(0) == N && (d.size(1) == K / kBlock || (!q4 && d.size(1) == K / 16)),
              "scales must be half [N, K/32] (or [N, K/16] for int8 weights)");
  TORCH_CHECK(out.is_contiguous() && out.dim() == 2 && out.size(0) == N && out.size(1) == K, "out must be [N, K]");
  check_mins(m, d);
  // q4 without mins (Q4_0): (q - 8) * d, computed as one fma q * d - 8 d (exact: it is representable)
  const float off = q4 && !m.has_value() ? -8.f : static_cast<float>(offset);
  if (out.scalar_type() == torch::kFloat) dequant_rows<float>(qs, d, m, out, q4, off, tiled);
  else if (out.scalar_type() == torch::kBFloat16) dequant_rows<at::BFloat16>(qs, d, m, out, q4, off, tiled);
  else TORCH_CHECK(false, "dequantize writes float32 or bfloat16");
  return out;
}

// ---- q5 and the K-quants (Q2_K..Q6_K): codes as tight as the GGUF file, decoded in registers
// (kquant_codes.h).

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

// Checks a packed weight of `scheme` for K input features; returns the scheme's id.
int check_lowbit(const std::string& scheme, const torch::Tensor& qs, const torch::Tensor& d,
                 const c10::optional<torch::Tensor>& m, int64_t K) {
  const int id = scheme_id(scheme);
  const SchemeInfo& s = kSchemes[id];
  TORCH_CHECK(K % s.unit == 0, scheme, " weights need K to be a multiple of ", s.unit, ", got ", K);
  TORCH_CHECK(qs.dim() == 2 && qs.scalar_type() == torch::kByte && qs.is_contiguous() &&
              qs.size(1) == K / s.unit * s.bytes, scheme, " codes must be contiguous uint8 [N, ", K / s.unit * s.bytes, "]");
  TORCH_CHECK(d.dim() == 2 && d.scalar_type() == torch::kHalf && d.is_contiguous() && d.size(0) == qs.size(0) &&
              d.size(1) == K / s.unit, scheme, " scales must be contiguous half [N, ", K / s.unit, "]");
  TORCH_CHECK(s.mins != 1 || m.has_value(), scheme, " weights need mins");
  TORCH_CHECK(s.mins != 0 || !m.has_value(), scheme, " weights have no mins");
  check_mins(m, d);
  return id;
}

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

// y = x @ W.T for the schemes q5, q2_k, q3_k, q4_k, q5_k, q6_k (layouts at the top of this file).
torch::Tensor lowbit_linear(torch::Tensor x, const std::string& scheme, torch::Tensor qs, torch::Tensor d,
                            c10::optional<torch::Tensor> m) {
  count(kLowbit);
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == torch::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  const int64_t N = qs.size(0), K = x.size(1), M = x.size(0);
  const int id = check_lowbit(scheme, qs, d, m, K);
  auto y = torch::empty({M, N}, x.options());
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

torch::Tensor lowbit_dequantize_into(const std::string& scheme, torch::Tensor qs, torch::Tensor d,
                                     c10::optional<torch::Tensor> m, torch::Tensor out) {
  count(kDequant);
  TORCH_CHECK(out.is_contiguous() && out.dim() == 2 && out.size(0) == qs.size(0), "out must be contiguous [N, K]");
  const int64_t N = out.size(0), K = out.size(1);
  const int id = check_lowbit(scheme, qs, d, m, K);
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  if (out.scalar_type() == torch::kFloat) lowbit_dequant<float>(id, qp, dp, mp, out.data_ptr<float>(), N, K);
  else if (out.scalar_type() == torch::kBFloat16) lowbit_dequant<at::BFloat16>(id, qp, dp, mp, out.data_ptr<at::BFloat16>(), N, K);
  else TORCH_CHECK(false, "dequantize writes float32 or bfloat16");
  return out;
}

// ---- many-row products with AMX bf16 tiles (amx_gemm.cpp): weights dequantized 16 rows at a time,
// to exactly the bf16 values dequantize_into writes (fp32 fma, then round to nearest even).

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

bool amx_available() { return ketch::amx_usable(); }

// y = x @ W.T in one pass of AMX bf16 tile products (x rounded to bf16, as a bf16 GEMM would).
torch::Tensor amx_packed_linear(torch::Tensor x, const std::string& scheme, torch::Tensor qs, torch::Tensor d,
                                c10::optional<torch::Tensor> m, int64_t offset) {
  count(kAmx);
  const bool q4 = scheme == "q4", q8 = scheme == "q8";
  int64_t K;
  int id = -1;  // q5 and the K-quants
  if (q4) {
    K = check_q4(x, qs, d, m);
  } else if (q8) {
    K = check_q8(x, qs, d, m);
  } else {
    TORCH_CHECK(x.dim() == 2 && x.scalar_type() == torch::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
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
    lowbit_dequant<at::BFloat16>(id, qp + n0 * row_bytes, dp + n0 * row_scales, mp ? mp + n0 * row_scales : nullptr,
                                 out, rows, K);
  });
}

// The heavy ops let go of the GIL: the server's event loop serializes responses while a step computes.
constexpr auto kNoGil = py::call_guard<py::gil_scoped_release>();

PYBIND11_MODULE(TORCH_EXTENSION_NAME, mod) {
  mod.def("dequantize_into", &dequantize_into, kNoGil, py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("out"),
          py::arg("offset"), py::arg("tiled") = false,
          "q4/q8 packed weight (q4x16 with `tiled`) -> dense [N, K] float32/bfloat16 `out`");
  mod.def("q4_linear", &q4_linear, kNoGil,
          "y = x @ W.T for 4-bit block weights (Q4_0/Q4_1, GPTQ/AWQ), fp32 activations rounded by mode `acts` "
          "(0 int16, 1 int8, 2 int8x2)");
  mod.def("cpu_features", [] {
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
    return std::map<std::string, bool>{{"avx2", avx2}, {"avx512", avx512}, {"avx512_vnni", avx512 && kHasVnni},
                                       {"amx", avx512 && kHasVnni && ketch::amx_usable()}};
  }, "the ISA features the kernels use: avx2 (with FMA), avx512 (F/BW/VL/DQ), avx512_vnni, amx (granted by the OS)");
  mod.def("kernel_calls", [] {
    std::map<std::string, int64_t> out;
    for (int p = 0; p < kPaths; ++p) out[kPathNames[p]] = g_calls[p].load(std::memory_order_relaxed);
    return out;
  }, "calls so far per kernel path (q4_int8x2, int8_gemm, amx, dequantize, ...), for tests that prove a path ran");
  mod.def("q8_linear", &q8_linear, kNoGil, "y = x @ W.T for 8-bit block weights (Q8_0, GPTQ 8-bit), activations as q4_linear's");
  mod.def("lowbit_linear", &lowbit_linear, kNoGil, "y = x @ W.T for q5 (Q5_0/Q5_1) and K-quant (q2_k..q6_k) weights");
  mod.def("amx_available", &amx_available, "whether amx_packed_linear can run (AMX bf16 tiles, allowed by the OS)");
  mod.def("amx_packed_linear", &amx_packed_linear, kNoGil,
          "y = bf16(x) @ W.T for any packed scheme (q4, q8, q5, q2_k..q6_k) on AMX tiles, fp32 out");
  mod.def("int8_gemm_supported", &ketch::int8_gemm_supported, "whether int8_gemm runs here (AVX-512 VNNI)");
  mod.def("int8_gemm_scheme", &ketch::int8_gemm_scheme, "whether int8_gemm takes this packed scheme");
  mod.def("int8_gemm", [](const torch::Tensor& x, const std::string& scheme, const torch::Tensor& qs,
                          const torch::Tensor& d, const c10::optional<torch::Tensor>& m, int64_t offset,
                          int64_t planes) {
    count(kInt8Gemm);
    return ketch::int8_gemm(x, scheme, qs, d, m, offset, planes);
  }, kNoGil,
          "y = x @ W.T for many rows: int8 activations (per 32-block) against the packed codes, vpdpbusd");
  mod.def("q4x16_linear", [](const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d,
                             const c10::optional<torch::Tensor>& m, int64_t planes, bool vnni) {
    count(vnni ? kQ4x16 : kQ4x16Avx2);
    return ketch::q4x16_linear(x, qs, d, m, planes, vnni);
  }, kNoGil, "y = x @ W.T for 4-bit weights interleaved by 16 rows (q4x16.cpp), int8 activations in 1 or 2 planes, "
             "on AVX-512 VNNI (vnni) or AVX2");
  mod.def("lowbit_dequantize_into", &lowbit_dequantize_into, kNoGil,
          "q5 / K-quant packed weight -> dense [N, K] float32/bfloat16 `out`");
}
