// Few-row products on 4-bit weights interleaved by 16 output rows (layout: q4x16.cpp).
#pragma once

#include "tensor.h"

#include <cstdint>

namespace ketch {

// The q4x16 kernels: AVX2 (vpmaddubsw), AVX-512 VNNI (512-bit vpdpbusd, 16 rows a vector) and
// 256-bit VNNI (vpdpbusd on the AVX2 kernel's 8-row halves, with its bits).
namespace q4x16 {
constexpr int64_t kAvx2 = 0, kAvx512Vnni = 1, kVnni256 = 2;
}  // namespace q4x16

// Whether the CPU has AVX-VNNI (the VEX-encoded 256-bit vpdpbusd of client cores).
bool cpu_has_avx_vnni();

// Whether `kernel` runs here (the 256-bit one with AVX-VNNI, or AVX-512 VNNI's 256-bit form).
bool q4x16_kernel_supported(int64_t kernel);

// y [M, N] fp32 = x @ W.T for a q4x16 weight, activations in `planes` int8 planes per 32-block
// (as int8_gemm rounds them), on `kernel` (q4x16::k*).
at::Tensor q4x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                           const c10::optional<at::Tensor>& m, int64_t planes, int64_t kernel);

}  // namespace ketch
