// Many-row products (prompts, large batches) on packed weights in int8 arithmetic: activations
// rounded to int8 per 32-block, weights decoded panel by panel into unsigned codes, vpdpbusd
// (two planes: as int16 codes 254 q1 + q2 against int16 pairs, vpdpwssd).
#pragma once

#include "tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ketch {

// Activations rounded per 32-block to int8 codes in weight order (act_codes.h), for the int8 GEMM
// and the tiled q4 kernels.
struct Acts {
  int64_t M = 0, K = 0, G = 32;
  int planes = 1;
  std::vector<int8_t> q;      // [planes, M, K] codes
  std::vector<float> step;    // [M, K/32]: the unit of the combined sums (s, or s / 254 with two planes)
  std::vector<int32_t> csum;  // [planes, M, K/G] sum of the codes of each group
  std::vector<float> xsum;    // [M, K/G] float sum of each group's unrounded values
};

// Empty activations of M rows (every vector sized, zero-filled), for a quantizer to fill.
Acts sized_acts(int64_t M, int64_t K, int64_t G, int planes);

// x [M, K] fp32 rounded to `planes` int8 planes per 32-block, with per-G code and float sums.
Acts quantize_acts(const float* x, int64_t M, int64_t K, int64_t G, int planes);

// The same codes, steps and sums from AVX2 code (int8_gemm256.cpp): for the 256-bit products.
Acts quantize_acts_avx2(const float* x, int64_t M, int64_t K, int64_t G, int planes);

// Whether int8_gemm runs on this CPU at `width` bits: 512 with AVX-512 VNNI, 256 with AVX-VNNI
// or AVX-512 VNNI (its 256-bit form).
bool int8_gemm_supported(int64_t width = 512);

// The packed schemes int8_gemm takes.
bool int8_gemm_scheme(const std::string& scheme);

// y [M, N] fp32 = x @ W.T for a packed weight (layouts at the packed.h), activations in
// `planes` int8 planes per 32-block (1: step max|x| / 127; 2: the remainder again, max|x| / 64516).
// Each row of y depends only on its own row of x, so a prompt row's result does not depend on its batch.
// `width` 256 runs the 256-bit kernel (int8_gemm256.cpp), for CPUs with AVX-VNNI but no AVX-512.
at::Tensor int8_gemm(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                        const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset,
                        int64_t planes, int64_t width = 512);

// int8_gemm's 256-bit kernel on checked arguments.
at::Tensor int8_gemm256(const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                        const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset,
                        int64_t planes);

}  // namespace ketch
