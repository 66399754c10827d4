// Few-row products on 4-bit weights interleaved by 16 output rows (layout: q4x16.cpp).
#pragma once

#include "int8_gemm.h"
#include "tensor.h"

#include <cstdint>

namespace ketch {

// The q4x16 kernels: AVX2 (vpmaddubsw), AVX-512 VNNI (512-bit vpdpbusd, 16 rows a vector) and
// 256-bit VNNI (vpdpbusd on the AVX2 kernel's 8-row halves, with its bits).
namespace q4x16 {
constexpr int64_t kAvx2 = 0, kAvx512Vnni = 1, kVnni256 = 2;
constexpr int64_t kRows = 16;  // output rows per tile

// Counts one product on `kernel` under its path in kernel_calls().
void count_call(int64_t kernel);

// A q4x16 weight's planes: codes [N, K/2] in 16-row tiles, scales and (with mins) mins [N, K/32].
struct Weight {
  const uint8_t* qs;
  const at::Half* d;
  const at::Half* m;  // null without mins
  int64_t N, K;
};
Weight checked_weight(const at::Tensor& qs, const at::Tensor& d, const c10::optional<at::Tensor>& m);
// Fails unless `kernel` runs here with 1 or 2 planes.
void check_kernel(int64_t kernel, int64_t planes);
// x [M, K] rounded to int8 planes as `kernel` reads them.
Acts quantize(const float* x, int64_t M, int64_t K, int64_t planes, int64_t kernel);
// Tiles [t0, t1) of y [M, N] = x @ W.T, on the calling thread (callers split the N / 16 tiles).
void tiles(int64_t kernel, int64_t planes, const Acts& a, const Weight& w, float* y, int64_t t0, int64_t t1);
// The fewest tiles worth handing to another thread.
int64_t tiles_per_task(int64_t K, int64_t M);
}  // namespace q4x16

// Whether `kernel` runs here (the 256-bit one with AVX-VNNI, or AVX-512 VNNI's 256-bit form).
bool q4x16_kernel_supported(int64_t kernel);

// y [M, N] fp32 = x @ W.T for a q4x16 weight, activations in `planes` int8 planes per 32-block
// (as int8_gemm rounds them), on `kernel` (q4x16::k*).
at::Tensor q4x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                           const c10::optional<at::Tensor>& m, int64_t planes, int64_t kernel);

}  // namespace ketch
