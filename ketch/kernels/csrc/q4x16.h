// Few-row products on 4-bit weights interleaved by 16 output rows (layout: q4x16.cpp).
#pragma once

#include "tensor.h"

#include <cstdint>

namespace ketch {

// y [M, N] fp32 = x @ W.T for a q4x16 weight, activations in `planes` int8 planes per 32-block
// (as int8_gemm rounds them): vpdpbusd with `vnni` (AVX-512 VNNI), else AVX2 (vpmaddubsw).
at::Tensor q4x16_linear(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                           const c10::optional<at::Tensor>& m, int64_t planes, bool vnni);

}  // namespace ketch
