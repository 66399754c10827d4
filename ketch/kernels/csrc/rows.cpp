// q4_linear and q8_linear: few-row products on q4 / q8 weights, checked once here and run by the
// int16 kernels (rows_int16.cpp) or the VNNI ones (rows_vnni.cpp), as the caller's mode says.
#include "packed.h"

namespace ketch::packed {
namespace {

// q4/q8 activation modes (the comment at the top of packed.h), as the callers pass them (the
// model's kernel policy, ketch/kernels/policy.py): 0 = int16 (AVX2), 1 = one int8 plane, 2 = two.
int checked_mode(int64_t acts) {
  TORCH_CHECK(acts == 0 || acts == 1 || acts == 2, "activation mode must be 0 (int16), 1 (int8) or 2 (int8x2), got ", acts);
  TORCH_CHECK(acts == 0 || has_vnni(), "int8 activation modes need AVX-512 VNNI, which this CPU lacks");
  return static_cast<int>(acts);
}

}  // namespace

// Output rows per parallel task: a task under ~64 KiB of packed weights costs more to hand to
// another thread than it saves (the attention and MLP products of small models).
static int64_t q4_grain(int64_t N, int64_t K) {
  return std::max<int64_t>(kGrain, (int64_t{1} << 17) / std::max<int64_t>(K / 2, 1));
}

at::Tensor q4_linear(at::Tensor x, at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m,
                        int64_t act_mode) {
  const int64_t N = qs.size(0), K = check_q4(x, qs, d, m), M = x.size(0);
  const int mode = checked_mode(act_mode);
  count(mode == 0 ? kQ4Int16 : mode == 1 ? kQ4Int8 : kQ4Int8x2);
  auto y = at::empty({M, N}, x.options());
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  if (mode != 0) q4_linear_vnni(x.data_ptr<float>(), M, qp, dp, mp, mode, y.data_ptr<float>(), N, K, q4_grain(N, K));
  else q4_linear_int16(x.data_ptr<float>(), M, qp, dp, mp, y.data_ptr<float>(), N, K, q4_grain(N, K));
  return y;
}

at::Tensor q8_linear(at::Tensor x, at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m,
                        int64_t offset, int64_t act_mode) {
  const int64_t N = qs.size(0), K = check_q8(x, qs, d, m), M = x.size(0);
  const int mode = checked_mode(act_mode);
  count(mode == 0 ? kQ8Int16 : mode == 1 ? kQ8Int8 : kQ8Int8x2);
  auto y = at::empty({M, N}, x.options());
  const int8_t* qp = qs.data_ptr<int8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  float* yp = y.data_ptr<float>();
  const bool g16 = d.size(1) == K / 16;
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  const float off = static_cast<float>(offset);
  // int8 weights: a task under ~64 KiB of them costs more to hand to another thread than it saves
  const int64_t grain = std::max<int64_t>(kGrain, (int64_t{1} << 16) / std::max<int64_t>(K, 1));
  if (mode != 0) q8_linear_vnni(x.data_ptr<float>(), M, qp, dp, mp, off, g16, mode, yp, N, K, grain);
  else q8_linear_int16(x.data_ptr<float>(), M, qp, dp, mp, off, g16, yp, N, K, grain);
  return y;
}

}  // namespace ketch::packed
