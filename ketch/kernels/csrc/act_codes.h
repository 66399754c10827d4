// Activations rounded per 32-block to int8 codes for vpdpbusd, one or two planes: shared by the
// few-row kernels (rows_*.cpp, lowbit.cpp) and the int8 GEMM (int8_gemm.cpp), so both round alike.
#pragma once

#include <immintrin.h>

#include <cstdint>
#include <cstring>

#define KETCH_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512vnni,avx2,fma,f16c")))

namespace ketch::acts {

// Whether the CPU runs the AVX-512 VNNI code paths (F, BW, VL, DQ and VNNI).
inline bool cpu_has_avx512_vnni() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512vnni");
}

constexpr float kPlane2 = 254.f;  // step of the second plane: the first one's / 254

// 4 consecutive activation codes as one int32, for a broadcast to every lane of a vpdpbusd.
inline int32_t load4(const int8_t* p) {
  int32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// One 32-block of activations rounded to int8 codes (step = max|x| / 127) and, for a second plane,
// the remainder in units of step / 254 (x * inv - q1 is exact in float). Shared by the q4 and q8
// layouts, which store the same codes in different orders.
struct BlockCodes {
  __m512 v0, v1;    // the block's values 0..15 and 16..31
  float step;
  __m512i q0, q1;   // first-plane codes
  __m512i r0, r1;   // second-plane codes (two planes only)
};

KETCH_AVX512 inline BlockCodes round_block(const float* p, bool two_planes) {
  const __m512 abs_mask = _mm512_castsi512_ps(_mm512_set1_epi32(0x7FFFFFFF));
  BlockCodes c;
  c.v0 = _mm512_loadu_ps(p);
  c.v1 = _mm512_loadu_ps(p + 16);
  const float amax = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_and_ps(c.v0, abs_mask), _mm512_and_ps(c.v1, abs_mask)));
  c.step = amax / 127.f;
  const __m512 inv = _mm512_set1_ps(c.step > 0.f ? 1.f / c.step : 0.f);
  const __m512 f0 = _mm512_roundscale_ps(_mm512_mul_ps(c.v0, inv), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m512 f1 = _mm512_roundscale_ps(_mm512_mul_ps(c.v1, inv), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  c.q0 = _mm512_cvtps_epi32(f0);
  c.q1 = _mm512_cvtps_epi32(f1);
  if (two_planes) {
    const __m512 k2 = _mm512_set1_ps(kPlane2);
    c.r0 = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_sub_ps(_mm512_mul_ps(c.v0, inv), f0), k2));
    c.r1 = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_sub_ps(_mm512_mul_ps(c.v1, inv), f1), k2));
  } else {
    c.r0 = c.r1 = _mm512_setzero_si512();
  }
  return c;
}

}  // namespace ketch::acts
