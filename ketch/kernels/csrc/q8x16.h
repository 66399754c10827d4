// Few-row products on 8-bit weights interleaved by 16 output rows (layout: q8x16.cpp).
#pragma once

#include "tensor.h"

#include <cstdint>

namespace ketch {

namespace q8x16 {
constexpr int64_t kRows = 16;  // output rows per tile
}  // namespace q8x16

// y [M, N] fp32 = x @ W.T for a q8x16 weight (int8 codes [N, K] in 16-row tiles, scales half
// [N, K/32] in tile order, no mins), activations in `planes` int8 planes per 32-block as int8_gemm
// rounds them; AVX-512 VNNI. Each row of y depends only on its own row of x.
at::Tensor q8x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d, int64_t planes);

}  // namespace ketch
