// Products straight from GGUF-style packed weights: the layouts, and what the kernels share.
// Files: rows_int16.cpp (AVX2, int16 activations), rows_vnni.cpp (AVX-512 VNNI, int8 activations),
// rows.cpp (q4_linear / q8_linear: checks and dispatch), lowbit.cpp (q5, K-quants), dequant.cpp,
// amx_packed.cpp (AMX panels), int8_gemm.cpp and q4x16.cpp (many-row and tiled products), module.cpp.
//
//
// Layouts (repacked at load, one row per output feature; every plane is row-aligned, so rows can
// be sliced, permuted and stacked):
//   q4: qs uint8 [N, K/2]  (llama.cpp nibble order: byte j = q[j] | q[j+16] << 4)
//       d, m half [N, K/32], value = q * d + m; without m (Q4_0) value = (q - 8) * d
//   q8: qs int8  [N, K],   d half [N, K/G],      value = q * d (+ (m + offset * d) with mins m
//       half [N, K/G]); G = 32 or 16. `offset` undoes the centering of unsigned codes (GPTQ 8-bit).
//   q5 (Q5_0/Q5_1): qs uint8 [N, K/32 * 20]: per 32-block 16 bytes of nibbles (q4 order) and 4
//       bytes of high bits (weight i's is bit i/4 of byte i%4); d, m half [N, K/32];
//       value = (q - 16) * d without m (Q5_0), q * d + m with it (Q5_1).
//   K-quants: qs uint8 [N, K/256 * B], one B-byte record per 256-weight super-block holding the
//       codes as GGUF lays them out plus integer sub-block scales; d half [N, K/256] (the super
//       scale), m half [N, K/256] (the super min, where the type has mins):
//     q4_k (B=144): 128 B nibbles (32-byte chunk c: low nibbles = sub-block 2c, high = 2c+1),
//                   8 B scales, 8 B mins (6-bit); value = d*sc*q - m*mn per 32
//     q5_k (B=176): q4_k's nibbles, 32 B high bits (bit j of byte l: weight l of sub-block j),
//                   8 B scales, 8 B mins
//     q6_k (B=208): GGUF's ql (128 B), qh (64 B), 16 int8 scales; value = d*sc*(q - 32) per 16
//     q2_k (B=80):  64 B of 2-bit codes (byte l of half h: weights 128h + 32s + l at bits 2s),
//                   16 B of (scale | min << 4) per 16; value = d*sc*q - m*mn
//     q3_k (B=112): 32 B high-bit mask (bit 4h+s of byte l), q2_k's 64 B of 2-bit codes, 16 int8
//                   scales (sc - 32); value = d*sc*(q - (high ? 0 : 4))
// Each block contributes d * dot(q, x) + m * sum(x), so weights are never expanded in memory.
// Activations are quantized per 32-block to int16 (step = max|x| / 32767, so each value is off by
// at most max|x_block| / 65534: ~1.5e-5 relative, far below bf16's 4e-3) and the dot products run
// in exact integer arithmetic (madd_epi16), about half the instructions of a float unpack; the
// min term uses the exact float block sums. K-quant codes are multiplied by their integer
// sub-block scale before the dot product (|q * sc| <= 4096: the int32 sums stay below 2^30, and
// their conversion to float rounds at most 2^-24 relative), so one float multiply-add per 32
// weights carries both scales. Up to 4 activation rows
// share one pass over the weights; the row count is a template parameter so the accumulators live
// in registers.
// q4 (Q4_0/Q4_1, GPTQ/AWQ 4-bit) and q8 (Q8_0, 8-bit GPTQ/EXL2) on CPUs with AVX-512 VNNI
// multiply with vpdpbusd instead, 2-3x faster (see "int8 activations" below). Modes, shared by
// both (the model's kernel policy passes one per call; KETCH_Q4_ACTS sets it at load):
//   "int8x2" (default with VNNI): each 32-block as two int8 planes, step max|x| / (127 * 254):
//            the int16 path's precision (bound: the same formula with 32258 for 32767);
//   "int8":  one int8 plane, step max|x| / 127, as llama.cpp's Q8 activations (bound with 127);
//   "int16": the int16 activations above (the only mode without AVX-512 VNNI).
#pragma once

#include "tensor.h"
#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace ketch::packed {

constexpr int64_t kBlock = 32;
constexpr int64_t kMaxRows = 4;
constexpr int64_t kGrain = 64;  // output rows per parallel task

inline float hsum(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_hadd_ps(lo, lo);
  lo = _mm_hadd_ps(lo, lo);
  return _mm_cvtss_f32(lo);
}

inline float h2f(at::Half h) { return _cvtsh_ss(h.x); }

inline void check_inputs(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d, int64_t K) {
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  TORCH_CHECK(K % kBlock == 0, "K must be a multiple of 32");
  TORCH_CHECK(qs.dim() == 2 && qs.is_contiguous() && d.is_contiguous(), "packed weights must be contiguous 2-D");
  TORCH_CHECK(d.scalar_type() == at::kHalf && d.size(0) == qs.size(0) &&
              (d.size(1) == K / kBlock || d.size(1) == K / 16), "scales must be half [N, K/32] or [N, K/16]");
}

inline void check_mins(const c10::optional<at::Tensor>& m, const at::Tensor& d) {
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->scalar_type() == at::kHalf && m->is_contiguous()),
              "mins must match scales");
}

// The q4 and q8 layouts (top of this file) against fp32 activations x; each returns K.
inline int64_t check_q4(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                 const c10::optional<at::Tensor>& m) {
  const int64_t K = qs.size(1) * 2;
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == at::kByte, "q4 weights must be uint8");
  TORCH_CHECK(d.size(1) == K / kBlock, "q4 scales must be half [N, K/32]");
  check_mins(m, d);
  return K;
}

inline int64_t check_q8(const at::Tensor& x, const at::Tensor& qs, const at::Tensor& d,
                 const c10::optional<at::Tensor>& m) {
  const int64_t K = qs.size(1);
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == at::kChar, "q8 weights must be int8");
  check_mins(m, d);
  return K;
}

struct Acts16 {
  std::vector<int16_t> q;  // [M, K]
  std::vector<float> d;    // [M, K/32] step of each block
  std::vector<float> sum;  // [M, K/32] exact float sum of each block
  std::vector<float> sum16;  // [M, K/16] exact float sum of each half block
};


// x [M, K] fp32 rounded per 32-block to int16 codes (step max|x| / 32767) with exact float sums.
Acts16 quantize_acts16(const float* x, int64_t M, int64_t K);

// x [M, K] rounded as the AVX2 q4x16 kernel rounds it with two int8 planes (q4x16.cpp), each value
// as one int16 code 254 q1 + q2 (|.| <= 254 * 127 + 127 < 2^15) in units of step / 254, with that
// kernel's float block sums (sum16 left empty: its layouts have 32-wide groups). On these codes
// the int16 GEMM sums exactly what that kernel sums, in the same float order (int16_gemm.h).
Acts16 q4x16_acts16(const float* x, int64_t M, int64_t K);

// 32 int16 weights (two halves) against 32 int16 activations: 8 exact int32 partial sums, as float.
inline __m256 idot32(__m256i w_lo, __m256i w_hi, const int16_t* xq) {
  const __m256i a = _mm256_madd_epi16(w_lo, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq)));
  const __m256i b = _mm256_madd_epi16(w_hi, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq + 16)));
  return _mm256_cvtepi32_ps(_mm256_add_epi32(a, b));
}

inline void store8(float* out, __m256 v) { _mm256_storeu_ps(out, v); }

inline void store8(at::BFloat16* out, __m256 v) {
  // Round to nearest even, as torch does when casting fp32 to bf16 (NaN is not expected here).
  __m256i bits = _mm256_castps_si256(v);
  const __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(bits, 16), _mm256_set1_epi32(1));
  bits = _mm256_add_epi32(bits, _mm256_add_epi32(_mm256_set1_epi32(0x7FFF), lsb));
  bits = _mm256_srli_epi32(bits, 16);
  const __m128i packed = _mm_packus_epi32(_mm256_castsi256_si128(bits), _mm256_extracti128_si256(bits, 1));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), packed);
}

enum Path { kQ4Int16, kQ4Int8, kQ4Int8x2, kQ4x16, kQ4x16Avx2, kQ4x16Vnni256, kQ8Int16, kQ8Int8, kQ8Int8x2, kLowbit, kDequant, kAmx, kInt8Gemm, kInt8Gemm256, kInt16Gemm, kDecodeLayer, kEmbedRows, kQ8x16, kPaths };
extern const char* const kPathNames[kPaths];
extern std::atomic<int64_t> g_calls[kPaths];

inline void count(Path p) { g_calls[p].fetch_add(1, std::memory_order_relaxed); }


template <typename Fn>
void for_row_groups(int64_t M, Fn&& fn) {
  for (int64_t r0 = 0; r0 < M; r0 += kMaxRows) fn(r0, std::min(kMaxRows, M - r0));
}

// Packed weight bytes per panel: a panel stays in L1 (32-48 KiB) while every group of activation
// rows passes over it, so many-row products (prompts, big batches) read each weight from memory
// once per call instead of once per row group.
constexpr int64_t kPanelBytes = 16 << 10;

// y[r, n] for all M rows and N weight rows: threads split the weight rows (``grain`` at least per
// task, fewer the more rows there are: the work per weight row grows with M); each thread walks its
// rows in L1-sized panels and, inside a panel, the activation rows in groups of up to kMaxRows.
// fn(r0, rows, n0, n1) computes rows r0..r0+rows of weight rows n0..n1. A row's result never depends
// on the blocking (each (r, n) is summed the same way in every group size), so this is batch-invariant.
template <typename Fn>
void for_panels(int64_t M, int64_t N, int64_t row_bytes, int64_t grain, Fn&& fn) {
  if (M == 0 || N == 0) return;  // (a prompt chunk that samples nothing asks for 0 rows of logits)
  const int64_t panel = std::max<int64_t>(4, kPanelBytes / std::max<int64_t>(row_bytes, 1) / 4 * 4);
  const int64_t groups = (M + kMaxRows - 1) / kMaxRows;
  const int64_t task = std::max<int64_t>(16, grain / groups);
  at::parallel_for(0, N, task, [&](int64_t n0, int64_t n1) {
    for (int64_t p0 = n0; p0 < n1; p0 += panel) {
      const int64_t p1 = std::min(n1, p0 + panel);
      for_row_groups(M, [&](int64_t r0, int64_t rows) { fn(r0, rows, p0, p1); });
    }
  });
}



// Whether the CPU runs the AVX-512 VNNI paths (probed once).
bool has_vnni();

// ---- the few-row q4/q8 kernels behind q4_linear / q8_linear (rows_int16.cpp, rows_vnni.cpp):
// y [M, N] for M rows of x, weight planes as in the layouts above (mp null: no mins)

void q4_linear_int16(const float* x, int64_t M, const uint8_t* qp, const at::Half* dp, const at::Half* mp, float* yp,
                     int64_t N, int64_t K, int64_t grain);
void q8_linear_int16(const float* x, int64_t M, const int8_t* qp, const at::Half* dp, const at::Half* mp, float off,
                     bool g16, float* yp, int64_t N, int64_t K, int64_t grain);
// `mode`: 1 = one int8 activation plane, 2 = two
void q4_linear_vnni(const float* x, int64_t M, const uint8_t* qp, const at::Half* dp, const at::Half* mp, int mode,
                    float* yp, int64_t N, int64_t K, int64_t grain);
void q8_linear_vnni(const float* x, int64_t M, const int8_t* qp, const at::Half* dp, const at::Half* mp, float off,
                    bool g16, int mode, float* yp, int64_t N, int64_t K, int64_t grain);

// ---- the kernels behind the module's functions (module.cpp)

at::Tensor q4_linear(at::Tensor x, at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m,
                        int64_t act_mode);
at::Tensor q8_linear(at::Tensor x, at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m,
                        int64_t offset, int64_t act_mode);
at::Tensor dequantize_into(at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m, at::Tensor out,
                              int64_t offset, bool tiled);
at::Tensor lowbit_linear(at::Tensor x, const std::string& scheme, at::Tensor qs, at::Tensor d,
                            c10::optional<at::Tensor> m);
// Rows `ids` of a q4/q8 weight (q4x16 / q8x16 with `tiled`), dequantized as dequantize_into does:
// [T, K] float32 (bfloat16 with bf16).
at::Tensor embedding_rows(at::Tensor qs, at::Tensor d, c10::optional<at::Tensor> m, at::Tensor ids, int64_t offset,
                          bool bf16, bool tiled);
at::Tensor lowbit_dequantize_into(const std::string& scheme, at::Tensor qs, at::Tensor d,
                                     c10::optional<at::Tensor> m, at::Tensor out);
at::Tensor amx_packed_linear(at::Tensor x, const std::string& scheme, at::Tensor qs, at::Tensor d,
                                c10::optional<at::Tensor> m, int64_t offset);

// q5 / K-quant weights (lowbit.cpp): the scheme's id after checking the planes for K features, and
// rows n0.. of such a weight dequantized to bf16 (for the AMX panels).
int check_lowbit(const std::string& scheme, const at::Tensor& qs, const at::Tensor& d,
                 const c10::optional<at::Tensor>& m, int64_t K);
void lowbit_dequant_bf16(int scheme, const uint8_t* q, const at::Half* d, const at::Half* m, at::BFloat16* out,
                         int64_t N, int64_t K);

}  // namespace ketch::packed
