// Many-row products on packed weights with AMX bf16 tiles: the weight is dequantized 16 rows at a
// time into a small panel (L1/L2) and never as a whole matrix.
#pragma once

#include "tensor.h"

#include <cstdint>
#include <functional>

namespace ketch {

// Writes weight rows [n0, n0 + rows) (rows <= 16), dequantized, as bf16 [rows, K] to `out`.
using PanelFn = std::function<void(int64_t n0, int64_t rows, at::BFloat16* out)>;

// Whether this CPU has AMX bf16 tiles and this process may use them (Linux asks once per process).
bool amx_usable();

// y [M, N] fp32 = bf16(x) @ W.T, W given panel by panel; x is contiguous fp32 [M, K], K % 32 == 0.
// Every row of y depends only on its own row of x (rows are never mixed or reordered), so results
// are the same whatever else shares the call.
at::Tensor amx_linear(const at::Tensor& x, int64_t N, const PanelFn& panel);

}  // namespace ketch
