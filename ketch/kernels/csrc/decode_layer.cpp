// A decoder layer's decode step in one parallel region. Called as eight ops, a SmolLM2 layer at one
// sequence pays eight thread-team forks and joins and eight dispatches through Python and torch,
// and its attention runs on one thread (at short contexts a fork costs more than it saves). Here
// the team is forked once per layer: the short serial parts (norms, activation rounding, rope and
// cache writes) run on one thread between barriers, attention is split over the team (by query
// head when there are few sequences), and each product's 16-row tiles are split as q4x16_linear
// splits them. Every value is computed by the same functions in the same order as the eight-call
// path, so the outputs are bit-identical to it (a test checks this).
#include "decode_layer.h"

#include "ops.h"
#include "packed.h"

#include <omp.h>

#include <algorithm>

namespace ketch {
namespace {

// Tiles of y [M, N] = acts @ W.T for thread `tid` of `team`, split as at::parallel_for splits them.
void product(int64_t kernel, int64_t planes, const Acts& a, const q4x16::Weight& w, float* y, int tid, int team) {
  const int64_t tiles = w.N / q4x16::kRows, grain = q4x16::tiles_per_task(w.K, a.M);
  const int64_t workers = std::min<int64_t>(team, (tiles + grain - 1) / grain);
  const int64_t chunk = (tiles + workers - 1) / workers, t0 = tid * chunk;
  if (tid < workers && t0 < tiles) q4x16::tiles(kernel, planes, a, w, y, t0, std::min(tiles, t0 + chunk));
}

void add_bias(float* y, const c10::optional<at::Tensor>& bias, int64_t M, int64_t N) {
  if (!bias) return;
  const float* b = bias->data_ptr<float>();
  for (int64_t r = 0; r < M; ++r)
    for (int64_t j = 0; j < N; ++j) y[r * N + j] += b[j];
}

void check_linear(const DecodeLinear& l, int64_t K, const char* name) {
  TORCH_CHECK(l.w.K == K, "decode layer: ", name, " takes ", l.w.K, " features, the layer gives it ", K);
}

}  // namespace

DecodeLinear::DecodeLinear(at::Tensor qs_, at::Tensor d_, c10::optional<at::Tensor> m_,
                           c10::optional<at::Tensor> bias_)
    : qs(std::move(qs_)), d(std::move(d_)), m(std::move(m_)), bias(std::move(bias_)),
      w(q4x16::checked_weight(qs, d, m)) {
  TORCH_CHECK(!bias || (bias->scalar_type() == at::kFloat && bias->is_contiguous() && bias->numel() == w.N),
              "decode layer: a bias must be contiguous fp32 [", w.N, "]");
}

DecodeLayer::DecodeLayer(at::Tensor norm1_, double eps1_, at::Tensor norm2_, double eps2_, DecodeLinear qkv_,
                         DecodeLinear o_, DecodeLinear gate_up_, DecodeLinear down_, int64_t act_, int64_t heads_,
                         double scale_, double softcap_, int64_t planes_, int64_t kernel_)
    : norm1(std::move(norm1_)), norm2(std::move(norm2_)), eps1(eps1_), eps2(eps2_), qkv(std::move(qkv_)),
      o(std::move(o_)), gate_up(std::move(gate_up_)), down(std::move(down_)), act(act_), heads(heads_),
      scale(scale_), softcap(softcap_), planes(planes_), kernel(kernel_) {
  q4x16::check_kernel(kernel, planes);
  TORCH_CHECK(act == 0 || act == 1, "decode layer: act must be 0 (silu) or 1 (gelu tanh)");
  const int64_t H = norm1.numel();
  for (const auto* n : {&norm1, &norm2})
    TORCH_CHECK(n->scalar_type() == at::kFloat && n->is_contiguous() && n->numel() == H,
                "decode layer: norm weights must be contiguous fp32 [", H, "]");
  check_linear(qkv, H, "qkv");
  TORCH_CHECK(o.w.N == H && down.w.N == H, "decode layer: o and down must give ", H, " features");
  TORCH_CHECK(o.bias == c10::nullopt, "decode layer: o has no bias on this path");
  check_linear(gate_up, H, "gate_up");
  TORCH_CHECK(gate_up.w.N % 2 == 0, "decode layer: gate_up gives 2 I features");
  check_linear(down, gate_up.w.N / 2, "down");
}

std::tuple<at::Tensor, at::Tensor> DecodeLayer::step(const at::Tensor& x, const c10::optional<at::Tensor>& residual,
                                                     const at::Tensor& cos, const at::Tensor& sin,
                                                     const at::Tensor& k_cache, const at::Tensor& v_cache,
                                                     const at::Tensor& slots, const at::Tensor& block_table,
                                                     const at::Tensor& context_lens, int64_t window) const {
  const int64_t H = norm1.numel();
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous() && x.size(1) == H,
              "decode layer: x must be contiguous fp32 [B, ", H, "]");
  TORCH_CHECK(!residual || (residual->sizes() == x.sizes() && residual->scalar_type() == at::kFloat &&
                            residual->is_contiguous()), "decode layer: residual must be like x");
  const int64_t B = x.size(0), F = qkv.w.N, I = down.w.K;
  ops::check_decode_args(k_cache, v_cache, block_table, context_lens, B);
  const int64_t D = ops::check_decode_qkv(k_cache, cos, sin, slots, B, F, heads);
  TORCH_CHECK(o.w.K == heads * D, "decode layer: o takes ", o.w.K, " features, attention gives ", heads * D);
  const at::Tensor res = residual ? *residual : x;  // the module path's `residual, h = x, norm(x)`
  const auto opts = x.options();
  at::Tensor h = at::empty({B, H}, opts), qkv_y = at::empty({B, F}, opts), q = at::empty({B, heads, D}, opts);
  at::Tensor attn = at::empty({B, heads * D}, opts), o_y = at::empty({B, H}, opts);
  at::Tensor gu = at::empty({B, 2 * I}, opts), mid = at::empty({B, I}, opts), out = at::empty({B, H}, opts);
  if (B == 0) return {out, res};
  // The team is already running, so attention is split over it whatever its size: by query head
  // where there are too few (sequence, kv head) items to go round.
  const bool by_head = B * k_cache.size(2) < 2 * at::get_num_threads();
  const int64_t items = ops::decode_attention_items(k_cache, context_lens, heads, by_head);
  float *xp = x.data_ptr<float>(), *rp = res.data_ptr<float>(), *hp = h.data_ptr<float>();
  float *qkvp = qkv_y.data_ptr<float>(), *qp = q.data_ptr<float>(), *ap = attn.data_ptr<float>();
  float *op = o_y.data_ptr<float>(), *gp = gu.data_ptr<float>(), *mp = mid.data_ptr<float>();
  float* yp = out.data_ptr<float>();
  const float* w1 = norm1.data_ptr<float>();
  const float* w2 = norm2.data_ptr<float>();
  Acts acts;  // written by one thread between barriers, read by all
  for (int i = 0; i < 4; ++i) q4x16::count_call(kernel);  // the four products
  packed::count(packed::kDecodeLayer);
#pragma omp parallel num_threads(at::get_num_threads())
  {
    const int tid = omp_get_thread_num(), team = omp_get_num_threads();
#pragma omp single
    {
      for (int64_t r = 0; r < B; ++r)
        ops::add_rms_norm_row(xp + r * H, residual ? rp + r * H : nullptr, w1, H, static_cast<float>(eps1),
                              hp + r * H);
      acts = q4x16::quantize(hp, B, H, planes, kernel);
    }
    product(kernel, planes, acts, qkv.w, qkvp, tid, team);
#pragma omp barrier
#pragma omp single
    {
      add_bias(qkvp, qkv.bias, B, F);
      ops::write_decode_kv(qkvp, F, qp, cos.data_ptr<float>(), sin.data_ptr<float>(), k_cache, v_cache,
                           slots.data_ptr<int64_t>(), B, heads);
    }
    {  // contiguous runs of items: a run of one sequence's heads works out its key offsets once
      const int64_t chunk = (items + team - 1) / team, i0 = std::min(items, tid * chunk);
      ops::attend_decode_range(qp, heads * D, ap, k_cache, v_cache, block_table, context_lens, heads, scale, window,
                               softcap, i0, std::min(items, i0 + chunk), by_head);
    }
#pragma omp barrier
#pragma omp single
    acts = q4x16::quantize(ap, B, heads * D, planes, kernel);
    product(kernel, planes, acts, o.w, op, tid, team);
#pragma omp barrier
#pragma omp single
    {
      for (int64_t r = 0; r < B; ++r)
        ops::add_rms_norm_row(op + r * H, rp + r * H, w2, H, static_cast<float>(eps2), hp + r * H);
      acts = q4x16::quantize(hp, B, H, planes, kernel);
    }
    product(kernel, planes, acts, gate_up.w, gp, tid, team);
#pragma omp barrier
#pragma omp single
    {
      add_bias(gp, gate_up.bias, B, 2 * I);
      for (int64_t r = 0; r < B; ++r) ops::act_and_mul_row(gp + r * 2 * I, I, act, mp + r * I);
      acts = q4x16::quantize(mp, B, I, planes, kernel);
    }
    product(kernel, planes, acts, down.w, yp, tid, team);
#pragma omp barrier
#pragma omp single
    add_bias(yp, down.bias, B, H);
  }
  return {out, res};
}

}  // namespace ketch
