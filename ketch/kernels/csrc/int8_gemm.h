// Many-row products (prompts, large batches) on packed weights in int8 arithmetic: activations
// rounded to int8 per 32-block, weights decoded panel by panel into unsigned codes, vpdpbusd.
#pragma once

#include <torch/extension.h>

#include <cstdint>
#include <string>

namespace ketch {

// Whether int8_gemm runs on this CPU (AVX-512 with VNNI).
bool int8_gemm_supported();

// The packed schemes int8_gemm takes.
bool int8_gemm_scheme(const std::string& scheme);

// y [M, N] fp32 = x @ W.T for a packed weight (layouts at the top of qgemv.cpp), activations in
// `planes` int8 planes per 32-block (1: step max|x| / 127; 2: the remainder again, max|x| / 64516).
// Each row of y depends only on its own row of x, so a prompt row's result does not depend on its batch.
torch::Tensor int8_gemm(const torch::Tensor& x, const std::string& scheme, const torch::Tensor& qs,
                        const torch::Tensor& d, const c10::optional<torch::Tensor>& m, int64_t offset,
                        int64_t planes);

}  // namespace ketch
