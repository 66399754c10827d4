// Many-row products (prompts, large batches) on packed weights without VNNI: int16 activations
// against the packed codes widened to int16, vpmaddwd (AVX2).
#pragma once

#include "tensor.h"

#include <cstdint>
#include <string>

namespace ketch {

// The packed schemes int16_gemm takes (every layout panels.h decodes).
bool int16_gemm_scheme(const std::string& scheme);

// y [M, N] fp32 = x @ W.T for a packed weight (layouts in packed.h), activations rounded per
// 32-block to int16 (step max|x| / 32767, as the AVX2 decode kernels). Each row of y depends only
// on its own row of x, so a prompt row's result does not depend on its batch.
at::Tensor int16_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                      const c10::optional<at::Tensor>& m, int64_t offset);

}  // namespace ketch
