// Matrix-vector (and few-row matrix) products straight from GGUF-style packed weights.
//
// Layouts (repacked at load, one row per output feature, blocks of 32 along K):
//   q4: qs uint8 [N, K/2]  (llama.cpp nibble order: byte j = q[j] | q[j+16] << 4)
//       d, m half [N, K/32], value = q * d + m   (Q4_0 is stored as d, m = -8 d)
//   q8: qs int8  [N, K],   d half [N, K/G],      value = q * d (+ (m + offset * d) with mins m
//       half [N, K/G]); G = 32 or 16. `offset` undoes the centering of unsigned codes (Q5_1, Q5_K).
// Each block contributes d * dot(q, x) + m * sum(x), so weights are never expanded in memory.
// Activations are quantized per 32-block to int16 (step = max|x| / 32767, so each value is off by
// at most max|x_block| / 65534: ~1.5e-5 relative, far below bf16's 4e-3) and the dot products run
// in exact integer arithmetic (madd_epi16), about half the instructions of a float unpack; the
// min term uses the exact float block sums. Up to 4 activation rows share one pass over the
// weights; the row count is a template parameter so the accumulators live in registers.
#include <torch/extension.h>
#include <ATen/Parallel.h>
#include <immintrin.h>

namespace {

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

void check_inputs(const torch::Tensor& x, const torch::Tensor& qs, const torch::Tensor& d, int64_t K) {
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == torch::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  TORCH_CHECK(K % kBlock == 0, "K must be a multiple of 32");
  TORCH_CHECK(qs.dim() == 2 && qs.is_contiguous() && d.is_contiguous(), "packed weights must be contiguous 2-D");
  TORCH_CHECK(d.scalar_type() == torch::kHalf && d.size(0) == qs.size(0) &&
              (d.size(1) == K / kBlock || d.size(1) == K / 16), "scales must be half [N, K/32] or [N, K/16]");
}

struct Acts16 {
  std::vector<int16_t> q;  // [M, K]
  std::vector<float> d;    // [M, K/32] step of each block
  std::vector<float> sum;  // [M, K/32] exact float sum of each block
  std::vector<float> sum16;  // [M, K/16] exact float sum of each half block
};

Acts16 quantize_acts16(const float* x, int64_t M, int64_t K) {
  const int64_t nb = K / kBlock;
  Acts16 a{std::vector<int16_t>(M * K), std::vector<float>(M * nb), std::vector<float>(M * nb),
           std::vector<float>(M * nb * 2)};
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  for (int64_t i = 0; i < M * nb; ++i) {
    const float* p = x + i * kBlock;
    const __m256 v0 = _mm256_loadu_ps(p), v1 = _mm256_loadu_ps(p + 8), v2 = _mm256_loadu_ps(p + 16), v3 = _mm256_loadu_ps(p + 24);
    const __m256 amax = _mm256_max_ps(_mm256_max_ps(_mm256_and_ps(v0, abs_mask), _mm256_and_ps(v1, abs_mask)),
                                      _mm256_max_ps(_mm256_and_ps(v2, abs_mask), _mm256_and_ps(v3, abs_mask)));
    __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(amax), _mm256_extractf128_ps(amax, 1));
    m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
    m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
    const float step = _mm_cvtss_f32(m4) / 32767.f;
    const __m256 inv = _mm256_set1_ps(step > 0.f ? 1.f / step : 0.f);
    const __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, inv)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, inv));
    const __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, inv)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, inv));
    // packs works per 128-bit lane: the 64-bit permute puts the 16 values back in order.
    const __m256i lo = _mm256_permute4x64_epi64(_mm256_packs_epi32(i0, i1), 0xD8);
    const __m256i hi = _mm256_permute4x64_epi64(_mm256_packs_epi32(i2, i3), 0xD8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + i * kBlock), lo);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.q.data() + i * kBlock + 16), hi);
    a.d[i] = step;
    a.sum16[2 * i] = hsum(_mm256_add_ps(v0, v1));
    a.sum16[2 * i + 1] = hsum(_mm256_add_ps(v2, v3));
    a.sum[i] = a.sum16[2 * i] + a.sum16[2 * i + 1];
  }
  return a;
}

// 32 int16 weights (two halves) against 32 int16 activations: 8 exact int32 partial sums, as float.
inline __m256 idot32(__m256i w_lo, __m256i w_hi, const int16_t* xq) {
  const __m256i a = _mm256_madd_epi16(w_lo, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq)));
  const __m256i b = _mm256_madd_epi16(w_hi, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xq + 16)));
  return _mm256_cvtepi32_ps(_mm256_add_epi32(a, b));
}

template <int R>
void q4_rows(const Acts16& acts, int64_t r0, const uint8_t* qs, const at::Half* d, const at::Half* m,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock;
  const __m128i low4 = _mm_set1_epi8(0x0F);
  const __m256i eight = _mm256_set1_epi16(8);
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  const float* xs = acts.sum.data() + r0 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    float accm[R];
    for (int r = 0; r < R; ++r) { acc[r] = _mm256_setzero_ps(); accm[r] = 0.f; }
    const uint8_t* qrow = qs + n * (K / 2);
    for (int64_t b = 0; b < nb; ++b) {
      const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * 16));
      // Centered (q - 8): the int16 rounding of x then scales with |q - 8|, not |q|.
      const __m256i w_lo = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_and_si128(raw, low4)), eight);
      const __m256i w_hi = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(raw, 4), low4)), eight);
      const float db = h2f(d[n * nb + b]);
      const float mb = h2f(m[n * nb + b]) + 8.f * db;
      for (int r = 0; r < R; ++r) {
        const int64_t i = r * nb + b;
        acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(db * xd[i]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
        accm[r] += mb * xs[i];
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]) + accm[r];
  }
}

template <int R, int G, bool MIN>
void q8_rows(const Acts16& acts, int64_t r0, const int8_t* qs, const at::Half* d, const at::Half* m, float offset,
             float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  const int64_t nb = K / kBlock, ng = K / G;
  const float* xsum = G == 32 ? acts.sum.data() + r0 * nb : acts.sum16.data() + r0 * ng;
  const int16_t* xq = acts.q.data() + r0 * K;
  const float* xd = acts.d.data() + r0 * nb;
  for (int64_t n = n0; n < n1; ++n) {
    __m256 acc[R];
    float accm[R];
    for (int r = 0; r < R; ++r) { acc[r] = _mm256_setzero_ps(); accm[r] = 0.f; }
    const int8_t* qrow = qs + n * K;
    for (int64_t b = 0; b < nb; ++b) {
      const __m256i w_lo = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock)));
      const __m256i w_hi = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qrow + b * kBlock + 16)));
      if constexpr (G == 32) {
        const float db = h2f(d[n * ng + b]);
        for (int r = 0; r < R; ++r)
          acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(db * xd[r * nb + b]), idot32(w_lo, w_hi, xq + r * K + b * kBlock), acc[r]);
        if constexpr (MIN) {
          const float mb = h2f(m[n * ng + b]) + offset * db;
          for (int r = 0; r < R; ++r) accm[r] += mb * xsum[r * ng + b];
        }
      } else {  // one scale per 16 weights: the two halves of the block are scaled apart
        const float d0 = h2f(d[n * ng + 2 * b]), d1 = h2f(d[n * ng + 2 * b + 1]);
        for (int r = 0; r < R; ++r) {
          const int16_t* xb = xq + r * K + b * kBlock;
          const __m256 lo = _mm256_cvtepi32_ps(_mm256_madd_epi16(w_lo, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xb))));
          const __m256 hi = _mm256_cvtepi32_ps(_mm256_madd_epi16(w_hi, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(xb + 16))));
          const float xs = xd[r * nb + b];
          acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(d0 * xs), lo, _mm256_fmadd_ps(_mm256_set1_ps(d1 * xs), hi, acc[r]));
        }
        if constexpr (MIN) {
          const float m0 = h2f(m[n * ng + 2 * b]) + offset * d0, m1 = h2f(m[n * ng + 2 * b + 1]) + offset * d1;
          for (int r = 0; r < R; ++r) accm[r] += m0 * xsum[r * ng + 2 * b] + m1 * xsum[r * ng + 2 * b + 1];
        }
      }
    }
    for (int r = 0; r < R; ++r) y[r * N + n] = hsum(acc[r]) + accm[r];
  }
}

template <int G, bool MIN>
void dispatch_rows(int64_t rows, const Acts16& a, int64_t r0, const int8_t* q, const at::Half* d, const at::Half* m,
                   float off, float* y, int64_t n0, int64_t n1, int64_t N, int64_t K) {
  switch (rows) {
    case 1: q8_rows<1, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 2: q8_rows<2, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    case 3: q8_rows<3, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
    default: q8_rows<4, G, MIN>(a, r0, q, d, m, off, y, n0, n1, N, K); break;
  }
}

void dispatch_q8(int64_t rows, bool g16, bool has_min, const Acts16& a, int64_t r0, const int8_t* q,
                 const at::Half* d, const at::Half* m, float off, float* y, int64_t n0, int64_t n1, int64_t N,
                 int64_t K) {
  if (g16) {
    if (has_min) dispatch_rows<16, true>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_rows<16, false>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  } else {
    if (has_min) dispatch_rows<32, true>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
    else dispatch_rows<32, false>(rows, a, r0, q, d, m, off, y, n0, n1, N, K);
  }
}

template <typename Fn>
void for_row_groups(int64_t M, Fn&& fn) {
  for (int64_t r0 = 0; r0 < M; r0 += kMaxRows) fn(r0, std::min(kMaxRows, M - r0));
}

}  // namespace

torch::Tensor q4_linear(torch::Tensor x, torch::Tensor qs, torch::Tensor d, torch::Tensor m) {
  const int64_t N = qs.size(0), K = qs.size(1) * 2, M = x.size(0);
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == torch::kByte, "q4 weights must be uint8");
  TORCH_CHECK(m.sizes() == d.sizes() && m.scalar_type() == torch::kHalf && m.is_contiguous(), "mins must match scales");
  auto y = torch::empty({M, N}, x.options());
  const Acts16 acts = quantize_acts16(x.data_ptr<float>(), M, K);
  const uint8_t* qp = qs.data_ptr<uint8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.data_ptr<at::Half>();
  float* yp = y.data_ptr<float>();
  for_row_groups(M, [&](int64_t r0, int64_t rows) {
    float* yr = yp + r0 * N;
    at::parallel_for(0, N, kGrain, [&](int64_t n0, int64_t n1) {
      switch (rows) {
        case 1: q4_rows<1>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 2: q4_rows<2>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        case 3: q4_rows<3>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
        default: q4_rows<4>(acts, r0, qp, dp, mp, yr, n0, n1, N, K); break;
      }
    });
  });
  return y;
}

torch::Tensor q8_linear(torch::Tensor x, torch::Tensor qs, torch::Tensor d, c10::optional<torch::Tensor> m,
                        int64_t offset) {
  const int64_t N = qs.size(0), K = qs.size(1), M = x.size(0);
  check_inputs(x, qs, d, K);
  TORCH_CHECK(qs.scalar_type() == torch::kChar, "q8 weights must be int8");
  auto y = torch::empty({M, N}, x.options());
  const Acts16 acts = quantize_acts16(x.data_ptr<float>(), M, K);
  const int8_t* qp = qs.data_ptr<int8_t>();
  const at::Half* dp = d.data_ptr<at::Half>();
  float* yp = y.data_ptr<float>();
  const bool g16 = d.size(1) == K / 16;
  const bool has_min = m.has_value();
  TORCH_CHECK(!has_min || (m->sizes() == d.sizes() && m->scalar_type() == torch::kHalf && m->is_contiguous()),
              "mins must match scales");
  const at::Half* mp = has_min ? m->data_ptr<at::Half>() : nullptr;
  const float off = static_cast<float>(offset);
  for_row_groups(M, [&](int64_t r0, int64_t rows) {
    float* yr = yp + r0 * N;
    at::parallel_for(0, N, kGrain, [&](int64_t n0, int64_t n1) {
      dispatch_q8(rows, g16, has_min, acts, r0, qp, dp, mp, off, yr, n0, n1, N, K);
    });
  });
  return y;
}

// ---- dequantization for many-row products (prefill, large batches): written straight into the
// activation dtype, so a bf16 GEMM (AMX) or an fp32 GEMM follows without another pass.

namespace {

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

template <typename T>
void dequant_rows(const torch::Tensor& qs, const torch::Tensor& d, const c10::optional<torch::Tensor>& m,
                  torch::Tensor& out, bool q4, float offset) {
  const int64_t N = qs.size(0), K = out.size(1), nb = K / kBlock, ng = d.size(1), G = K / ng;
  const at::Half* dp = d.data_ptr<at::Half>();
  const at::Half* mp = m.has_value() ? m->data_ptr<at::Half>() : nullptr;
  T* op = out.data_ptr<T>();
  const uint8_t* q4p = q4 ? qs.data_ptr<uint8_t>() : nullptr;
  const int8_t* q8p = q4 ? nullptr : qs.data_ptr<int8_t>();
  const __m128i low4 = _mm_set1_epi8(0x0F);
  at::parallel_for(0, N, 16, [&](int64_t n0, int64_t n1) {
    for (int64_t n = n0; n < n1; ++n)
      for (int64_t b = 0; b < nb; ++b) {
        __m256 w[4];
        if (q4) {
          const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q4p + n * (K / 2) + b * 16));
          const __m128i lo = _mm_and_si128(raw, low4), hi = _mm_and_si128(_mm_srli_epi16(raw, 4), low4);
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(lo));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(lo, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(hi));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(hi, 8)));
        } else {
          const int8_t* q = q8p + n * K + b * kBlock;
          const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
          const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16));
          w[0] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(a));
          w[1] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(a, 8)));
          w[2] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(c));
          w[3] = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(c, 8)));
        }
        T* o = op + n * K + b * kBlock;
        for (int j = 0; j < 4; ++j) {
          const int64_t g = n * ng + (b * kBlock + 8 * j) / G;
          const float dv = h2f(dp[g]);
          const float mv = mp ? h2f(mp[g]) + offset * dv : 0.f;
          store8(o + 8 * j, _mm256_fmadd_ps(w[j], _mm256_set1_ps(dv), _mm256_set1_ps(mv)));
        }
      }
  });
}

}  // namespace

// Writes into `out` (a reused scratch buffer: fresh pages would cost more in faults than the work).
torch::Tensor dequantize_into(torch::Tensor qs, torch::Tensor d, c10::optional<torch::Tensor> m, torch::Tensor out,
                              int64_t offset) {
  const bool q4 = qs.scalar_type() == torch::kByte;
  const int64_t N = qs.size(0), K = q4 ? qs.size(1) * 2 : qs.size(1);
  TORCH_CHECK(qs.is_contiguous() && d.is_contiguous() && d.scalar_type() == torch::kHalf, "bad packed weight");
  TORCH_CHECK(d.size(0) == N && (d.size(1) == K / kBlock || (!q4 && d.size(1) == K / 16)),
              "scales must be half [N, K/32] (or [N, K/16] for int8 weights)");
  TORCH_CHECK(!q4 || (m.has_value() && m->sizes() == d.sizes() && m->is_contiguous()), "q4 weights need mins");
  TORCH_CHECK(out.is_contiguous() && out.dim() == 2 && out.size(0) == N && out.size(1) == K, "out must be [N, K]");
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->is_contiguous()), "mins must match scales");
  if (out.scalar_type() == torch::kFloat) dequant_rows<float>(qs, d, m, out, q4, static_cast<float>(offset));
  else if (out.scalar_type() == torch::kBFloat16) dequant_rows<at::BFloat16>(qs, d, m, out, q4, static_cast<float>(offset));
  else TORCH_CHECK(false, "dequantize writes float32 or bfloat16");
  return out;
}

PYBIND11_MODULE(TORCH_EXTENSION_NAME, mod) {
  mod.def("dequantize_into", &dequantize_into, "packed block weight -> dense [N, K] float32/bfloat16 `out`");
  mod.def("q4_linear", &q4_linear, "y = x @ W.T for 4-bit block weights (Q4_0/Q4_1), fp32 activations");
  mod.def("q8_linear", &q8_linear, "y = x @ W.T for 8-bit block weights (Q8_0), fp32 activations");
}
