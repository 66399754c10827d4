// Few-row products on 4-bit weights interleaved by 16 output rows (layout: q4x16.cpp).
#pragma once

#include <torch/extension.h>

#include <cstdint>

namespace ketch {

// y [M, N] fp32 = x @ W.T for a q4x16 weight, activations in `planes` int8 planes per 32-block
// (as int8_gemm rounds them): vpdpbusd with `vnni` (AVX-512 VNNI), else AVX2 (vpmaddubsw).
torch::Tensor q4x16_linear(const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d,
                           const c10::optional<torch::Tensor>& m, int64_t planes, bool vnni);

}  // namespace ketch
