// The fused fp32 ops of the decode path (ops.cpp): the tensor ops ketch_ops binds, and the row and
// range functions they are made of, which the fused decode layer (decode_layer.cpp) calls from
// inside its own parallel region.
#pragma once

#include "tensor.h"

#include <cstdint>

namespace ketch::ops {

// residual += x (when residual is not null), then out = residual / rms(residual) * w; one row of H.
void add_rms_norm_row(const float* x, float* residual, const float* w, int64_t H, float eps, float* out);
// residual += x (when given); returns rms_norm(residual) * w, rows [T, H].
at::Tensor add_rms_norm(at::Tensor x, c10::optional<at::Tensor> residual, at::Tensor w, double eps);

// In place, rotate-half rope on q [T, Hq, D] and k [T, Hk, D].
void rope_(at::Tensor q, at::Tensor k, at::Tensor cos, at::Tensor sin);

// o [I] = act(g[0:I]) * g[I:2I]; act 0 silu, 1 gelu (tanh approximation).
void act_and_mul_row(const float* g, int64_t I, int64_t act, float* o);
at::Tensor act_and_mul(at::Tensor gate_up, int64_t act);

// Checks a paged cache pair, block table and context lengths for B decode rows.
void check_decode_args(const at::Tensor& k_cache, const at::Tensor& v_cache, const at::Tensor& block_table,
                       const at::Tensor& context_lens, int64_t B);
// Checks a fused projection of F features against the cache, rope tables and slots; returns D.
int64_t check_decode_qkv(const at::Tensor& k_cache, const at::Tensor& cos, const at::Tensor& sin,
                         const at::Tensor& slots, int64_t B, int64_t F, int64_t Hq);
// Rope of B rows of qkv [B, F]: the query heads into q [B, Hq, D], key and value heads into their
// cache slots.
void write_decode_kv(const float* qkv, int64_t F, float* q, const float* cos, const float* sin,
                     const at::Tensor& k_cache, const at::Tensor& v_cache, const int64_t* slots, int64_t B,
                     int64_t Hq);

// A decode step's attention is (sequence, kv head) items, or with by_head (sequence, query head)
// items, each computed the same way wherever it runs and giving the same values either way.
int64_t decode_attention_items(const at::Tensor& k_cache, const at::Tensor& context_lens, int64_t Hq, bool by_head);
// Items [i0, i1) of the attention of queries q (row b at q + b * q_stride) into out [B, Hq, D].
void attend_decode_range(const float* q, int64_t q_stride, float* out, const at::Tensor& k_cache,
                         const at::Tensor& v_cache, const at::Tensor& block_table, const at::Tensor& context_lens,
                         int64_t Hq, double scale, int64_t window, double softcap, int64_t i0, int64_t i1,
                         bool by_head);

at::Tensor paged_decode_attention(at::Tensor q, at::Tensor k_cache, at::Tensor v_cache, at::Tensor block_table,
                                  at::Tensor context_lens, double scale, int64_t window, double softcap);
at::Tensor decode_attention_qkv(at::Tensor qkv, at::Tensor cos, at::Tensor sin, at::Tensor k_cache,
                                at::Tensor v_cache, at::Tensor slots, at::Tensor block_table,
                                at::Tensor context_lens, int64_t Hq, double scale, int64_t window, double softcap);

}  // namespace ketch::ops
