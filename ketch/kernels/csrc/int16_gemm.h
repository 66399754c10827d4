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
// 32-block to int16 (step max|x| / 32767, as the AVX2 row kernels). Each row of y depends only
// on its own row of x, so a prompt row's result does not depend on its batch.
// With `tile_acts` (q4x16 weights only) the activations round as the AVX2 q4x16 kernel's two
// planes (packed::q4x16_acts16) and y has that kernel's bits exactly, so a batch of generated
// tokens can take this product and each row still gets what it gets alone.
at::Tensor int16_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                      const c10::optional<at::Tensor>& m, int64_t offset, bool tile_acts = false);

}  // namespace ketch
