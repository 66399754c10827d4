// The Python module of the fused decode-path ops (ketch.kernels.load_ops).
#include "ops.h"

#include <torch/extension.h>

using namespace ketch::ops;

// The heavy ops let go of the GIL: the server's event loop serializes responses while a step computes.
constexpr auto kNoGil = py::call_guard<py::gil_scoped_release>();

PYBIND11_MODULE(TORCH_EXTENSION_NAME, mod) {
  mod.def("decode_attention_qkv", &decode_attention_qkv, kNoGil,
          "rope, cache write and one-token paged attention from a fused qkv projection (fp32; cache fp32/fp16/bf16/int8)");
  mod.def("paged_decode_attention", &paged_decode_attention, kNoGil,
          "one-token attention over the paged KV cache (fp32 queries; cache fp32/fp16/bf16/int8)");
  mod.def("add_rms_norm", &add_rms_norm, kNoGil, "residual += x; return rms_norm(residual) * w (fp32)");
  mod.def("rope_", &rope_, kNoGil, "in-place rotate-half rope on q and k (fp32)");
  mod.def("act_and_mul", &act_and_mul, kNoGil, "act(gate) * up for a fused [T, 2I] projection (fp32)");
}
