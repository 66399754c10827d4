// The Python module of the packed-weight kernels (ketch.kernels.load_kernels): bindings, the CPU
// features the kernels use, and the per-path call counters.
#include "amx_gemm.h"
#include "decode_layer.h"
#include "int16_gemm.h"
#include "int8_gemm.h"
#include "packed.h"
#include "q4x16.h"
#include "q8x16.h"
#include "vnni256.h"

#include <torch/extension.h>

#include <map>

namespace ketch::packed {

const char* const kPathNames[kPaths] = {"q4_int16", "q4_int8", "q4_int8x2", "q4x16", "q4x16_avx2", "q4x16_vnni256", "q8_int16", "q8_int8", "q8_int8x2",
                                        "lowbit_int16", "dequantize", "amx", "int8_gemm", "int8_gemm256", "int16_gemm", "decode_layer", "embedding_rows", "q8x16"};
std::atomic<int64_t> g_calls[kPaths];

}  // namespace ketch::packed

using namespace ketch::packed;

constexpr auto kNoGil = py::call_guard<py::gil_scoped_release>();

PYBIND11_MODULE(TORCH_EXTENSION_NAME, mod) {
  mod.def("dequantize_into", &dequantize_into, kNoGil, py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("out"),
          py::arg("offset"), py::arg("tiled") = false,
          "q4/q8 packed weight (q4x16 / q8x16 with `tiled`) -> dense [N, K] float32/bfloat16 `out`");
  mod.def("embedding_rows", &embedding_rows, kNoGil, py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("ids"),
          py::arg("offset"), py::arg("bf16"), py::arg("tiled") = false,
          "rows `ids` of a q4/q8 weight (q4x16 / q8x16 with `tiled`), dequantized (embedding lookups)");
  mod.def("q4_linear", &q4_linear, kNoGil,
          "y = x @ W.T for 4-bit block weights (Q4_0/Q4_1, GPTQ/AWQ), fp32 activations rounded by mode `acts` "
          "(0 int16, 1 int8, 2 int8x2)");
  mod.def("cpu_features", [] {
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
    return std::map<std::string, bool>{{"avx2", avx2}, {"avx512", avx512}, {"avx512_vnni", avx512 && has_vnni()},
                                       {"avx_vnni", avx2 && ketch::cpu_has_avx_vnni()},
                                       {"amx", avx512 && has_vnni() && ketch::amx_usable()}};
  }, "the ISA features the kernels use: avx2 (with FMA), avx_vnni (VEX), avx512 (F/BW/VL/DQ), avx512_vnni, amx (granted by the OS)");
  mod.def("kernel_calls", [] {
    std::map<std::string, int64_t> out;
    for (int p = 0; p < kPaths; ++p) out[kPathNames[p]] = g_calls[p].load(std::memory_order_relaxed);
    return out;
  }, "calls so far per kernel path (q4_int8x2, int8_gemm, amx, dequantize, ...), for tests that prove a path ran");
  mod.def("q8_linear", &q8_linear, kNoGil, "y = x @ W.T for 8-bit block weights (Q8_0, GPTQ 8-bit), activations as q4_linear's");
  mod.def("lowbit_linear", &lowbit_linear, kNoGil, "y = x @ W.T for q5 (Q5_0/Q5_1) and K-quant (q2_k..q6_k) weights");
  mod.def("amx_available", [] { return ketch::amx_usable(); }, "whether amx_packed_linear can run (AMX bf16 tiles, allowed by the OS)");
  mod.def("amx_packed_linear", &amx_packed_linear, kNoGil,
          "y = bf16(x) @ W.T for any packed scheme (q4, q8, q5, q2_k..q6_k) on AMX tiles, fp32 out");
  mod.def("int8_gemm_supported", &ketch::int8_gemm_supported, py::arg("width") = 512,
          "whether int8_gemm runs here at `width` bits (512: AVX-512 VNNI; 256: AVX-VNNI or AVX-512 VNNI)");
  mod.def("int8_gemm_scheme", &ketch::int8_gemm_scheme, "whether int8_gemm takes this packed scheme");
  mod.def("int8_gemm", [](const torch::Tensor& x, const std::string& scheme, const torch::Tensor& qs,
                          const torch::Tensor& d, const c10::optional<torch::Tensor>& m, int64_t offset,
                          int64_t planes, int64_t width) {
    count(width == 256 ? kInt8Gemm256 : kInt8Gemm);
    return ketch::int8_gemm(x, scheme, qs, d, m, offset, planes, width);
  }, kNoGil, py::arg("x"), py::arg("scheme"), py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("offset"),
     py::arg("planes"), py::arg("width") = 512,
     "y = x @ W.T for many rows: int8 activations (per 32-block) against the packed codes, vpdpbusd in "
     "512-bit vectors, or 256-bit ones with width=256 (AVX-VNNI, else AVX-512 VNNI's 256-bit form)");
  mod.def("int16_gemm_scheme", &ketch::int16_gemm_scheme, "whether int16_gemm takes this packed scheme");
  mod.def("int16_gemm", [](const torch::Tensor& x, const std::string& scheme, const torch::Tensor& qs,
                           const torch::Tensor& d, const c10::optional<torch::Tensor>& m, int64_t offset,
                           bool tile_acts) {
    count(kInt16Gemm);
    return ketch::int16_gemm(x, scheme, qs, d, m, offset, tile_acts);
  }, kNoGil, py::arg("x"), py::arg("scheme"), py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("offset"),
     py::arg("tile_acts") = false,
     "y = x @ W.T for many rows without VNNI: int16 activations (per 32-block) against the packed codes, "
     "vpmaddwd; tile_acts: rounded as the AVX2 q4x16 kernel, whose bits it then gives");
  mod.def("q4x16_linear", [](const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d,
                             const c10::optional<torch::Tensor>& m, int64_t planes, int64_t kernel) {
    ketch::q4x16::count_call(kernel);
    return ketch::q4x16_linear(x, qs, d, m, planes, kernel);
  }, kNoGil, "y = x @ W.T for 4-bit weights interleaved by 16 rows (q4x16.cpp), int8 activations in 1 or 2 planes, "
             "kernel 0 AVX2, 1 AVX-512 VNNI, 2 256-bit VNNI (AVX-VNNI, else AVX-512 VNNI's 256-bit form)");
  mod.def("q8x16_linear", [](const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d, int64_t planes) {
    count(kQ8x16);
    return ketch::q8x16_linear(x, qs, d, planes);
  }, kNoGil, py::arg("x"), py::arg("qs"), py::arg("d"), py::arg("planes"),
     "y = x @ W.T for 8-bit weights interleaved by 16 rows (q8x16.cpp), int8 activations in 1 or 2 planes, AVX-512 VNNI");
  mod.def("lowbit_dequantize_into", &lowbit_dequantize_into, kNoGil,
          "q5 / K-quant packed weight -> dense [N, K] float32/bfloat16 `out`");
  py::class_<ketch::DecodeLinear>(mod, "DecodeLinear", py::module_local(),
                              "a q4x16 linear of the fused decode layer (planes and fp32 bias)")
      .def(py::init<torch::Tensor, torch::Tensor, c10::optional<torch::Tensor>, c10::optional<torch::Tensor>>(),
           py::arg("qs"), py::arg("d"), py::arg("m"), py::arg("bias"));
  py::class_<ketch::DecodeLayer>(mod, "DecodeLayer", py::module_local(),
                                 "a llama-style layer's decode step on q4x16 weights in one call (decode_layer.cpp)")
      .def(py::init<torch::Tensor, double, torch::Tensor, double, ketch::DecodeLinear, ketch::DecodeLinear,
                    ketch::DecodeLinear, ketch::DecodeLinear, int64_t, int64_t, double, double, int64_t, int64_t>(),
           py::arg("norm1"), py::arg("eps1"), py::arg("norm2"), py::arg("eps2"), py::arg("qkv"), py::arg("o"),
           py::arg("gate_up"), py::arg("down"), py::arg("act"), py::arg("heads"), py::arg("scale"),
           py::arg("softcap"), py::arg("planes"), py::arg("kernel"))
      .def("step", &ketch::DecodeLayer::step, kNoGil, py::arg("x"), py::arg("residual"), py::arg("cos"),
           py::arg("sin"), py::arg("k_cache"), py::arg("v_cache"), py::arg("slots"), py::arg("block_table"),
           py::arg("context_lens"), py::arg("window"),
           "x [B, H] -> (output, residual) for B decode rows: the eight-call path's values in one call");
}
