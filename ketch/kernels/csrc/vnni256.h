// vpdpbusd in its 256-bit forms, from code compiled for AVX2 alone: AVX-VNNI (VEX, client cores
// without AVX-512) or AVX-512 VNNI's 256-bit EVEX form (how an AVX-512 machine runs, and tests,
// the same code). Shared by the q4x16 kernel and the 256-bit int8 GEMM.
#pragma once

#include <immintrin.h>

namespace ketch {

// Whether the CPU has AVX-VNNI (the VEX-encoded 256-bit vpdpbusd of client cores).
inline bool cpu_has_avx_vnni() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("avxvnni");
}

// acc + the 4-byte dot products of unsigned u and signed s per int32 lane. Inline asm, so one
// function compiled for AVX2 carries either encoding (a target attribute per encoding would need
// two copies of every caller).
template <bool VEX>
inline __m256i dpbusd256(__m256i acc, __m256i u, __m256i s) {
  if constexpr (VEX) asm("%{vex%} vpdpbusd %2, %1, %0" : "+x"(acc) : "x"(u), "x"(s));
  else asm("vpdpbusd %2, %1, %0" : "+x"(acc) : "x"(u), "x"(s));
  return acc;
}

}  // namespace ketch
