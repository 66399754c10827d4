// Few-row products on q4 and q8 weights with int8 activations and AVX-512 VNNI (layouts in packed.h).
#include "act_codes.h"
#include "packed.h"

namespace ketch::packed {
namespace {

using namespace ketch::acts;

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

}  // namespace

bool has_vnni() {
  static const bool ok = cpu_has_avx512_vnni();
  return ok;
}

void q4_linear_vnni(const float* x, int64_t M, const uint8_t* qp, const at::Half* dp, const at::Half* mp, int mode,
                    float* yp, int64_t N, int64_t K, int64_t grain) {
  const bool has_min = mp != nullptr;
  const Acts8 acts8 = quantize_acts8(x, M, K, mode);
  for_panels(M, N, K / 2, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    dispatch_q4_vnni(rows, has_min, acts8, r0, qp, dp, mp, yp + r0 * N, n0, n1, N, K);
  });
}

void q8_linear_vnni(const float* x, int64_t M, const int8_t* qp, const at::Half* dp, const at::Half* mp, float off,
                    bool g16, int mode, float* yp, int64_t N, int64_t K, int64_t grain) {
  const bool has_min = mp != nullptr;
  const ActsQ8 acts = quantize_actsq8(x, M, K, mode, g16 ? 16 : 32);
  for_panels(M, N, K, grain, [&](int64_t r0, int64_t rows, int64_t n0, int64_t n1) {
    float* yr = yp + r0 * N;
    if (g16) dispatch_q8_vnni_g<16>(rows, has_min, acts, r0, qp, dp, mp, off, yr, n0, n1, N, K);
    else dispatch_q8_vnni_g<32>(rows, has_min, acts, r0, qp, dp, mp, off, yr, n0, n1, N, K);
  });
}

}  // namespace ketch::packed
