// Fused fp32 CPU ops for the per-token path. Each replaces 4-8 small torch ops whose dispatch
// cost, not arithmetic, dominated single-stream decode (SmolLM2: ~9 ms of 18 ms per token).
#include <torch/extension.h>
#include <ATen/Parallel.h>
#include <immintrin.h>
#include <cmath>

namespace {

inline float hsum8(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_hadd_ps(lo, lo);
  lo = _mm_hadd_ps(lo, lo);
  return _mm_cvtss_f32(lo);
}

void check_rows(const torch::Tensor& t, const char* name) {
  TORCH_CHECK(t.dim() == 2 && t.scalar_type() == torch::kFloat && t.stride(1) == 1, name, " must be fp32 [T, H] with unit inner stride");
}

}  // namespace

// residual += x (when given), then out = residual / rms(residual) * w. Returns out.
torch::Tensor add_rms_norm(torch::Tensor x, c10::optional<torch::Tensor> residual, torch::Tensor w, double eps) {
  check_rows(x, "x");
  const int64_t T = x.size(0), H = x.size(1);
  TORCH_CHECK(w.scalar_type() == torch::kFloat && w.is_contiguous() && w.numel() == H, "weight must be fp32 [H]");
  if (residual) check_rows(*residual, "residual");
  auto out = torch::empty({T, H}, x.options());
  const float* wp = w.data_ptr<float>();
  at::parallel_for(0, T, 16, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t) {
      float* src = x.data_ptr<float>() + t * x.stride(0);
      if (residual) {
        float* r = residual->data_ptr<float>() + t * residual->stride(0);
        for (int64_t i = 0; i < H; ++i) r[i] += src[i];
        src = r;
      }
      __m256 acc = _mm256_setzero_ps();
      int64_t i = 0;
      for (; i + 8 <= H; i += 8) { const __m256 v = _mm256_loadu_ps(src + i); acc = _mm256_fmadd_ps(v, v, acc); }
      float ss = hsum8(acc);
      for (; i < H; ++i) ss += src[i] * src[i];
      const float scale = 1.0f / std::sqrt(ss / static_cast<float>(H) + static_cast<float>(eps));
      float* o = out.data_ptr<float>() + t * H;
      for (int64_t j = 0; j < H; ++j) o[j] = src[j] * scale * wp[j];
    }
  });
  return out;
}

// In place, rotate-half rope on q [T, Hq, D] and k [T, Hk, D] (any row stride, heads dense).
void rope_(torch::Tensor q, torch::Tensor k, torch::Tensor cos, torch::Tensor sin) {
  TORCH_CHECK(cos.dim() == 2 && cos.is_contiguous() && sin.is_contiguous() && cos.scalar_type() == torch::kFloat,
              "cos/sin must be contiguous fp32 [T, D]");
  const int64_t T = cos.size(0), D = cos.size(1), half = D / 2;
  for (const auto* tp : {&q, &k}) {
    const auto& t = *tp;
    TORCH_CHECK(t.dim() == 3 && t.scalar_type() == torch::kFloat && t.size(0) == T && t.size(2) == D &&
                t.stride(2) == 1 && t.stride(1) == D, "q/k must be fp32 [T, H, D] with dense heads");
  }
  at::parallel_for(0, T, 8, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t) {
      const float* c = cos.data_ptr<float>() + t * D;
      const float* s = sin.data_ptr<float>() + t * D;
      for (const auto* tp : {&q, &k}) {
        float* base = tp->data_ptr<float>() + t * tp->stride(0);
        for (int64_t h = 0; h < tp->size(1); ++h) {
          float* x = base + h * D;
          for (int64_t i = 0; i < half; ++i) {
            const float a = x[i], b = x[i + half];
            x[i] = a * c[i] - b * s[i];
            x[i + half] = b * c[i + half] + a * s[i + half];
          }
        }
      }
    }
  });
}

// gate_up [T, 2I] -> act(gate) * up [T, I]; act: 0 silu, 1 gelu (tanh approximation).
torch::Tensor act_and_mul(torch::Tensor gate_up, int64_t act) {
  check_rows(gate_up, "gate_up");
  const int64_t T = gate_up.size(0), I = gate_up.size(1) / 2;
  auto out = torch::empty({T, I}, gate_up.options());
  at::parallel_for(0, T, 4, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t) {
      const float* g = gate_up.data_ptr<float>() + t * gate_up.stride(0);
      const float* u = g + I;
      float* o = out.data_ptr<float>() + t * I;
      if (act == 0) {
        for (int64_t i = 0; i < I; ++i) o[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
      } else {
        constexpr float kAlpha = 0.7978845608028654f;  // sqrt(2 / pi)
        for (int64_t i = 0; i < I; ++i) {
          const float x = g[i];
          o[i] = 0.5f * x * (1.0f + std::tanh(kAlpha * (x + 0.044715f * x * x * x))) * u[i];
        }
      }
    }
  });
  return out;
}

// Decode attention (one query token per sequence) straight over the paged cache: no gather of
// K/V into a padded tensor, no mask. q [B, Hq, D]; caches [blocks, block_size, Hkv, D];
// block_table [B, max_blocks] int64; context_lens [B] int64 (keys 0..len-1 are attended,
// or the last `window` of them when window > 0). softcap > 0 applies tanh capping to scores.
torch::Tensor paged_decode_attention(torch::Tensor q, torch::Tensor k_cache, torch::Tensor v_cache,
                                     torch::Tensor block_table, torch::Tensor context_lens, double scale,
                                     int64_t window, double softcap) {
  TORCH_CHECK(q.dim() == 3 && q.scalar_type() == torch::kFloat && q.stride(2) == 1 && q.stride(1) == q.size(2),
              "q must be fp32 [B, Hq, D] with dense heads");
  TORCH_CHECK(k_cache.is_contiguous() && v_cache.is_contiguous() && k_cache.scalar_type() == torch::kFloat,
              "caches must be contiguous fp32");
  TORCH_CHECK(block_table.scalar_type() == torch::kLong && block_table.is_contiguous(), "block_table must be int64");
  TORCH_CHECK(context_lens.scalar_type() == torch::kLong && context_lens.is_contiguous(), "context_lens must be int64");
  const int64_t B = q.size(0), Hq = q.size(1), D = q.size(2);
  const int64_t bs = k_cache.size(1), Hkv = k_cache.size(2), max_blocks = block_table.size(1);
  TORCH_CHECK(k_cache.size(3) == D && Hq % Hkv == 0, "head sizes do not match");
  const int64_t group = Hq / Hkv;
  auto out = torch::empty({B, Hq, D}, q.options());
  const float* kc = k_cache.data_ptr<float>();
  const float* vc = v_cache.data_ptr<float>();
  const int64_t* bt = block_table.data_ptr<int64_t>();
  const int64_t* lens = context_lens.data_ptr<int64_t>();
  const float fscale = static_cast<float>(scale), cap = static_cast<float>(softcap);
  at::parallel_for(0, B * Hq, 1, [&](int64_t i0, int64_t i1) {
    std::vector<float> scores;
    for (int64_t i = i0; i < i1; ++i) {
      const int64_t b = i / Hq, h = i % Hq, kvh = h / group;
      const int64_t len = lens[b];
      TORCH_CHECK(len > 0 && len <= max_blocks * bs, "context length out of range");
      const int64_t start = window > 0 ? std::max<int64_t>(0, len - window) : 0;
      const float* qv = q.data_ptr<float>() + b * q.stride(0) + h * D;
      scores.resize(len - start);
      float mx = -INFINITY;
      for (int64_t j = start; j < len; ++j) {
        const int64_t slot = bt[b * max_blocks + j / bs] * bs + j % bs;
        const float* kv = kc + (slot * Hkv + kvh) * D;
        __m256 acc = _mm256_setzero_ps();
        int64_t d = 0;
        for (; d + 8 <= D; d += 8) acc = _mm256_fmadd_ps(_mm256_loadu_ps(qv + d), _mm256_loadu_ps(kv + d), acc);
        float sc = hsum8(acc);
        for (; d < D; ++d) sc += qv[d] * kv[d];
        sc *= fscale;
        if (cap > 0.f) sc = cap * std::tanh(sc / cap);
        scores[j - start] = sc;
        mx = std::max(mx, sc);
      }
      float denom = 0.f;
      for (auto& sc : scores) { sc = std::exp(sc - mx); denom += sc; }
      const float inv = 1.f / denom;
      float* o = out.data_ptr<float>() + (b * Hq + h) * D;
      for (int64_t d = 0; d < D; ++d) o[d] = 0.f;
      for (int64_t j = start; j < len; ++j) {
        const int64_t slot = bt[b * max_blocks + j / bs] * bs + j % bs;
        const float* vv = vc + (slot * Hkv + kvh) * D;
        const __m256 p = _mm256_set1_ps(scores[j - start] * inv);
        int64_t d = 0;
        for (; d + 8 <= D; d += 8) _mm256_storeu_ps(o + d, _mm256_fmadd_ps(p, _mm256_loadu_ps(vv + d), _mm256_loadu_ps(o + d)));
        for (; d < D; ++d) o[d] += scores[j - start] * inv * vv[d];
      }
    }
  });
  return out;
}

PYBIND11_MODULE(TORCH_EXTENSION_NAME, mod) {
  mod.def("paged_decode_attention", &paged_decode_attention, "one-token attention over the paged KV cache (fp32)");
  mod.def("add_rms_norm", &add_rms_norm, "residual += x; return rms_norm(residual) * w (fp32)");
  mod.def("rope_", &rope_, "in-place rotate-half rope on q and k (fp32)");
  mod.def("act_and_mul", &act_and_mul, "act(gate) * up for a fused [T, 2I] projection (fp32)");
}
