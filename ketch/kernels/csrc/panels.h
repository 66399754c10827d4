// Weight panels for the many-row products (int8_gemm.cpp on AVX-512 VNNI, int16_gemm.cpp on AVX2):
// each thread decodes 32 weight rows at a time, from any packed layout (packed.h), into unsigned
// codes u (0..255) with a center c, a float scale s and a float bias b per group of G weights
// (G = 32, or 16 for 16-wide scale groups): value = (u - c) * s + b. The panel is laid out
// [K/4][32 rows][4], so one 64-byte load holds 4 consecutive codes of 16 rows, one word per row.
#pragma once

#include "tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ketch::panels {

constexpr int64_t kBlock = 32;      // one activation step per 32 values
constexpr int64_t kPanelRows = 32;  // weight rows per panel

struct Panel {
  std::vector<uint32_t> u;  // [K/4][32]: 4 codes of one row per word
  std::vector<float> scale; // [K/G][32]
  std::vector<float> bias;  // [K/G][32]
  Panel(int64_t K, int64_t G) : u(K / 4 * kPanelRows), scale(K / G * kPanelRows), bias(K / G * kPanelRows) {}
};


// What a panel decoder needs of each packed layout (packed.h).
struct Layout {
  const char* name;
  int64_t weights, bytes;  // qs holds `bytes` per `weights` weights of a row
  int64_t group;           // the panel's scale group (0: q8, whose scales say 16 or 32)
  int center;              // u - center is the integer part of a weight
};


// The layout of a packed scheme, or null where no panel decoder takes it.
const Layout* layout_of(const std::string& scheme);

// What a many-row product of x [M, K] and a packed weight checks once and passes down.
struct Gemm {
  const Layout* layout;
  int64_t M, N, K, G;
  bool bias;  // a bias term is needed: mins, an offset, or a center folded into it
};

// Checks x against the packed planes of `scheme` (clear errors naming `what`).
Gemm check_gemm(const char* what, const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset);

// Weight rows n0 .. n0 + rows (at most kPanelRows) into p; `avx512` picks the AVX-512 decoders.
void decode(const std::string& scheme, const at::Tensor& qs, const at::Half* d, const at::Half* m,
            float offset, int64_t G, int64_t n0, int64_t rows, int64_t K, Panel& p, bool avx512);

}  // namespace ketch::panels
