// Weight panels for the many-row products (int8_gemm.cpp on AVX-512 VNNI, int16_gemm.cpp on AVX2):
// each thread decodes 32 weight rows at a time, from any packed layout (packed.h), into unsigned
// codes u (0..255) with a center c, a float scale s and a float bias b per group of G weights
// (G = 32, or 16 for 16-wide scale groups): value = (u - c) * s + b. The panel is laid out
// [K/4][32 rows][4], so one 64-byte load holds 4 consecutive codes of 16 rows, one word per row.
#pragma once

#include "tensor.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>
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


// A panel's codes widened to centered int16 pairs (u - c), for the int16 multiply-adds
// (vpmaddwd, vpdpwssd): word (k2, i) holds codes 2 k2 and 2 k2 + 1 of row i, [K/2][32 rows], so a
// 256-bit load holds one pair of 8 rows and a 512-bit one of 16.
struct Pairs {
  std::vector<int32_t> w;  // [K/2][32]
  explicit Pairs(int64_t K) : w(K / 2 * kPanelRows) {}
};

// Two consecutive int16 activation codes as one int32, for a broadcast against a word of Pairs.
inline int32_t load_pair(const int16_t* p) {
  int32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// p's codes minus `center` as int16 pairs into out; `avx512` picks the AVX-512 version.
void widen(const Panel& p, int center, int64_t K, Pairs& out, bool avx512);

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

// fn(group, bias, planes) with each as a compile-time constant (std::integral_constant): the scale
// group G (16 or 32), whether the layout has a bias term, the activation planes (1 or 2), so the
// many-row products' register tiles are instantiated once per shape and chosen at run time here.
template <typename Fn>
void with_shape(int64_t group, bool bias, int planes, Fn&& fn) {
  auto with_planes = [&](auto g, auto b) {
    if (planes == 2) fn(g, b, std::integral_constant<int, 2>{});
    else fn(g, b, std::integral_constant<int, 1>{});
  };
  auto with_bias = [&](auto g) {
    if (bias) with_planes(g, std::true_type{});
    else with_planes(g, std::false_type{});
  };
  if (group == 16) with_bias(std::integral_constant<int, 16>{});
  else with_bias(std::integral_constant<int, 32>{});
}

// The many-row products' walk over the weight: threads split its panels of 32 rows; each panel
// is decoded once (`avx512`: the AVX-512 decoders) and handed to fn(state, panel, n0, rows) on the
// thread that decoded it, `state` being what make_state() returned for that thread's task (its
// scratch buffers).
template <typename MakeState, typename Fn>
void for_each_panel(const Gemm& g, const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                    const c10::optional<at::Tensor>& m, int64_t offset, bool avx512, MakeState&& make_state,
                    Fn&& fn) {
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  at::parallel_for(0, (g.N + kPanelRows - 1) / kPanelRows, 1, [&](int64_t p0, int64_t p1) {
    Panel panel(g.K, g.G);
    auto state = make_state();
    for (int64_t pi = p0; pi < p1; ++pi) {
      const int64_t n0 = pi * kPanelRows, rows = std::min(kPanelRows, g.N - n0);
      decode(scheme, qs, dp, mp, static_cast<float>(offset), g.G, n0, rows, g.K, panel, avx512);
      fn(state, panel, n0, rows);
    }
  });
}

}  // namespace ketch::panels
