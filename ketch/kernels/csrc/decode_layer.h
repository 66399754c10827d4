// One llama-style decoder layer's decode step on q4x16 weights as a single call and a single
// parallel region (decode_layer.cpp).
#pragma once

#include "q4x16.h"
#include "tensor.h"

#include <cstdint>
#include <tuple>

namespace ketch {

// A linear layer of the fused decode step: q4x16 planes (kept alive here) and an optional fp32 bias.
struct DecodeLinear {
  at::Tensor qs, d;
  c10::optional<at::Tensor> m, bias;
  q4x16::Weight w;
  DecodeLinear(at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m, c10::optional<at::Tensor> bias);
};

struct DecodeLayer {
  at::Tensor norm1, norm2;
  double eps1, eps2;
  DecodeLinear qkv, o, gate_up, down;
  int64_t act, heads;  // act: 0 silu, 1 gelu (tanh); heads: query heads
  double scale, softcap;
  int64_t planes, kernel;  // the q4x16 kernel's activation planes and code (q4x16::k*)

  DecodeLayer(at::Tensor norm1, double eps1, at::Tensor norm2, double eps2, DecodeLinear qkv, DecodeLinear o,
              DecodeLinear gate_up, DecodeLinear down, int64_t act, int64_t heads, double scale, double softcap,
              int64_t planes, int64_t kernel);

  // x [B, H] (B decode rows) -> (the layer's output, the residual), the same values in the same order
  // of operations as the eight-call path: residual += x (x itself is the residual when none is given),
  // norm, qkv, rope + cache write + attention, o, residual += o, norm, gate/up, act * up, down.
  std::tuple<at::Tensor, at::Tensor> step(const at::Tensor& x, const c10::optional<at::Tensor>& residual,
                                          const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& k_cache,
                                          const at::Tensor& v_cache, const at::Tensor& slots,
                                          const at::Tensor& block_table, const at::Tensor& context_lens,
                                          int64_t window) const;
};

}  // namespace ketch
