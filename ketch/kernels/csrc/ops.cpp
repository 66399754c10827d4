// Fused fp32 CPU ops for the per-token path. Each replaces 4-8 small torch ops whose dispatch
// cost, not arithmetic, dominated single-stream decode (SmolLM2: ~9 ms of 18 ms per token).
#include "ops.h"

#include <immintrin.h>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <vector>

namespace ketch::ops {
namespace {

inline float hsum8(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_hadd_ps(lo, lo);
  lo = _mm_hadd_ps(lo, lo);
  return _mm_cvtss_f32(lo);
}

void check_rows(const at::Tensor& t, const char* name) {
  TORCH_CHECK(t.dim() == 2 && t.scalar_type() == at::kFloat && t.stride(1) == 1, name, " must be fp32 [T, H] with unit inner stride");
}

}  // namespace

void add_rms_norm_row(const float* x, float* residual, const float* w, int64_t H, float eps, float* out) {
  const float* src = x;
  if (residual) {
    for (int64_t i = 0; i < H; ++i) residual[i] += x[i];
    src = residual;
  }
  __m256 acc = _mm256_setzero_ps();
  int64_t i = 0;
  for (; i + 8 <= H; i += 8) { const __m256 v = _mm256_loadu_ps(src + i); acc = _mm256_fmadd_ps(v, v, acc); }
  float ss = hsum8(acc);
  for (; i < H; ++i) ss += src[i] * src[i];
  const float scale = 1.0f / std::sqrt(ss / static_cast<float>(H) + eps);
  for (int64_t j = 0; j < H; ++j) out[j] = src[j] * scale * w[j];
}

at::Tensor add_rms_norm(at::Tensor x, c10::optional<at::Tensor> residual, at::Tensor w, double eps) {
  check_rows(x, "x");
  const int64_t T = x.size(0), H = x.size(1);
  TORCH_CHECK(w.scalar_type() == at::kFloat && w.is_contiguous() && w.numel() == H, "weight must be fp32 [H]");
  if (residual) check_rows(*residual, "residual");
  auto out = at::empty({T, H}, x.options());
  const float* wp = w.data_ptr<float>();
  at::parallel_for(0, T, 16, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t)
      add_rms_norm_row(x.data_ptr<float>() + t * x.stride(0),
                       residual ? residual->data_ptr<float>() + t * residual->stride(0) : nullptr, wp, H,
                       static_cast<float>(eps), out.data_ptr<float>() + t * H);
  });
  return out;
}

namespace {

// Rotate-half rope of one head x (D = 2 * half) into y (y == x: in place).
inline void rotate_half(const float* x, float* y, const float* c, const float* s, int64_t half) {
  for (int64_t i = 0; i < half; ++i) {
    const float a = x[i], b = x[i + half];
    y[i] = a * c[i] - b * s[i];
    y[i + half] = b * c[i + half] + a * s[i + half];
  }
}

}  // namespace

// In place, rotate-half rope on q [T, Hq, D] and k [T, Hk, D] (any row stride, heads dense).
void rope_(at::Tensor q, at::Tensor k, at::Tensor cos, at::Tensor sin) {
  TORCH_CHECK(cos.dim() == 2 && cos.is_contiguous() && sin.is_contiguous() && cos.scalar_type() == at::kFloat,
              "cos/sin must be contiguous fp32 [T, D]");
  const int64_t T = cos.size(0), D = cos.size(1), half = D / 2;
  for (const auto* tp : {&q, &k}) {
    const auto& t = *tp;
    TORCH_CHECK(t.dim() == 3 && t.scalar_type() == at::kFloat && t.size(0) == T && t.size(2) == D &&
                t.stride(2) == 1 && t.stride(1) == D, "q/k must be fp32 [T, H, D] with dense heads");
  }
  at::parallel_for(0, T, 8, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t) {
      const float* c = cos.data_ptr<float>() + t * D;
      const float* s = sin.data_ptr<float>() + t * D;
      for (const auto* tp : {&q, &k}) {
        float* base = tp->data_ptr<float>() + t * tp->stride(0);
        for (int64_t h = 0; h < tp->size(1); ++h) rotate_half(base + h * D, base + h * D, c, s, half);
      }
    }
  });
}

namespace {

// exp for x <= 0 (softmax after subtracting the max), AVX2: Cephes' degree-5 polynomial on the
// reduced argument, ~2 ulp; inputs below -87 give 0 as the scalar exp underflows to.
inline __m256 exp_nonpos(__m256 x) {
  const __m256 lo = _mm256_set1_ps(-87.0f);
  const __m256 under = _mm256_cmp_ps(x, lo, _CMP_LT_OQ);
  x = _mm256_max_ps(x, lo);
  const __m256 fx = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
  x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(0.693359375f), x);
  x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(-2.12194440e-4f), x);
  __m256 y = _mm256_set1_ps(1.9875691500e-4f);
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
  y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.0f)));
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvttps_epi32(fx), _mm256_set1_epi32(127)), 23);
  return _mm256_andnot_ps(under, _mm256_mul_ps(y, _mm256_castsi256_ps(e)));
}

// gate_up [T, 2I] -> act(gate) * up [T, I]; act: 0 silu, 1 gelu (tanh approximation). Both
// through exp of a non-positive argument (e = exp(-|z|) never overflows):
//   sigmoid(z) = 1 / (1 + e) for z >= 0, e / (1 + e) below;  tanh(y) = sign(y) (1 - e) / (1 + e), e = exp(-2|y|).
inline __m256 act8(__m256 x, int64_t act) {
  const __m256 one = _mm256_set1_ps(1.0f), sign = _mm256_set1_ps(-0.0f);
  if (act == 0) {
    const __m256 e = exp_nonpos(_mm256_or_ps(x, sign));  // -|x|
    const __m256 r = _mm256_div_ps(one, _mm256_add_ps(one, e));
    const __m256 sig = _mm256_blendv_ps(r, _mm256_mul_ps(e, r), x);  // x's sign bit picks e / (1 + e)
    return _mm256_mul_ps(x, sig);
  }
  constexpr float kAlpha = 0.7978845608028654f;  // sqrt(2 / pi)
  const __m256 x3 = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
  const __m256 y = _mm256_mul_ps(_mm256_set1_ps(kAlpha), _mm256_fmadd_ps(_mm256_set1_ps(0.044715f), x3, x));
  const __m256 e = exp_nonpos(_mm256_mul_ps(_mm256_set1_ps(2.0f), _mm256_or_ps(y, sign)));
  const __m256 th = _mm256_div_ps(_mm256_sub_ps(one, e), _mm256_add_ps(one, e));
  const __m256 t = _mm256_or_ps(th, _mm256_and_ps(y, sign));  // tanh(|y|) >= 0 takes y's sign
  return _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), x), _mm256_add_ps(one, t));
}

inline float act1(float x, int64_t act) {
  float in[8] = {x}, out[8];
  _mm256_storeu_ps(out, act8(_mm256_loadu_ps(in), act));
  return out[0];
}

}  // namespace

void act_and_mul_row(const float* g, int64_t I, int64_t act, float* o) {
  const float* u = g + I;
  int64_t i = 0;
  for (; i + 8 <= I; i += 8)
    _mm256_storeu_ps(o + i, _mm256_mul_ps(act8(_mm256_loadu_ps(g + i), act), _mm256_loadu_ps(u + i)));
  for (; i < I; ++i) o[i] = act1(g[i], act) * u[i];
}

at::Tensor act_and_mul(at::Tensor gate_up, int64_t act) {
  check_rows(gate_up, "gate_up");
  TORCH_CHECK(act == 0 || act == 1, "act must be 0 (silu) or 1 (gelu tanh)");
  const int64_t T = gate_up.size(0), I = gate_up.size(1) / 2;
  auto out = at::empty({T, I}, gate_up.options());
  // Whole rows per task (every element is computed the same way wherever it lands: batch-invariant).
  at::parallel_for(0, T, std::max<int64_t>(1, 16384 / std::max<int64_t>(I, 1)), [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t)
      act_and_mul_row(gate_up.data_ptr<float>() + t * gate_up.stride(0), I, act, out.data_ptr<float>() + t * I);
  });
  return out;
}

namespace {

// The 8 horizontal sums of v[0..7], in order, in one vector.
inline __m256 hsum8x8(const __m256* v) {
  const __m256 t0 = _mm256_hadd_ps(v[0], v[1]), t1 = _mm256_hadd_ps(v[2], v[3]);
  const __m256 t2 = _mm256_hadd_ps(v[4], v[5]), t3 = _mm256_hadd_ps(v[6], v[7]);
  const __m256 u0 = _mm256_hadd_ps(t0, t1), u1 = _mm256_hadd_ps(t2, t3);
  return _mm256_add_ps(_mm256_permute2f128_ps(u0, u1, 0x20), _mm256_permute2f128_ps(u0, u1, 0x31));
}

// KV cache elements: fp32, or fp16/bf16 (half the memory and the bytes read per decoded token),
// widened to fp32 8 at a time on load; every product and sum stays fp32.
inline __m256 load8(const float* p) { return _mm256_loadu_ps(p); }
inline __m256 load8(const at::Half* p) { return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))); }
inline __m256 load8(const at::BFloat16* p) {
  const __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  return _mm256_castsi256_ps(_mm256_slli_epi32(w, 16));
}
inline float load1(const float* p) { return *p; }
inline float load1(const at::Half* p) { return static_cast<float>(*p); }
inline float load1(const at::BFloat16* p) { return static_cast<float>(*p); }
// int8 rows (layers/kv_cache.py): D codes, then the row's fp32 scale. Dot products and weighted
// sums run over the codes as floats; the scale multiplies the finished score or weight.
inline __m256 load8(const int8_t* p) {
  return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
}
inline float load1(const int8_t* p) { return *p; }

constexpr int64_t kScaleBytes = 4;
template <typename T> constexpr bool kScaled = std::is_same_v<T, int8_t>;
// Elements one (token, kv head) row takes in a cache of T.
template <typename T> inline int64_t row_width(int64_t D) { return kScaled<T> ? D + kScaleBytes : D; }
template <typename T> inline float row_scale(const T* row, int64_t D) {
  if constexpr (kScaled<T>) {
    float s;
    std::memcpy(&s, row + D, sizeof s);
    return s;
  } else {
    return 1.f;
  }
}

// Writes D fp32 values as the cache type (round to nearest even, as torch's .to() does).
inline void store_row(const float* x, float* out, int64_t D) { std::memcpy(out, x, D * sizeof(float)); }
template <typename T>
inline void store_row(const float* x, T* out, int64_t D) {
  for (int64_t d = 0; d < D; ++d) out[d] = static_cast<T>(x[d]);
}
// Symmetric int8: code = round-half-even(x * (127 / max|x|)), scale = max|x| / 127, each step the
// same fp32 operation kv_cache.quantize_rows does in torch, so both paths write identical bytes.
inline void store_row(const float* x, int8_t* out, int64_t D) {
  float amax = 0.f;
  for (int64_t d = 0; d < D; ++d) amax = std::max(amax, std::fabs(x[d]));
  const float inv = amax > 0.f ? 127.f / amax : 0.f;
  for (int64_t d = 0; d < D; ++d)
    out[d] = static_cast<int8_t>(std::clamp(std::nearbyint(x[d] * inv), -127.f, 127.f));
  const float scale = amax / 127.f;
  std::memcpy(out + D, &scale, sizeof scale);
}

// Where one decode sequence's keys live: key j's row starts at offset[j - start] + h * D in the
// caches (slot = table[j / bs] * bs + j % bs, worked out once per key, not per head and dot product:
// a 64-bit division costs more than the dot product).
template <typename T>
struct KvView {
  const T* k;
  const T* v;
  const int64_t* offset;
  int64_t D;  // head size
  int64_t R;  // elements per row: D, or D + the scale's bytes for int8
  const T* key(int64_t i, int64_t h) const { return k + offset[i] + h * R; }
  const T* val(int64_t i, int64_t h) const { return v + offset[i] + h * R; }
};

// Fills rows with the cache offsets (in elements; rows of R) of keys [start, len) of one sequence.
void key_offsets(const int64_t* table, int64_t bs, int64_t Hkv, int64_t R, int64_t start, int64_t len,
                 std::vector<int64_t>& rows) {
  rows.resize(len - start);
  int64_t j = start;
  for (int64_t blk = start / bs; j < len; ++blk) {
    const int64_t base = table[blk] * bs;
    for (int64_t o = j % bs; o < bs && j < len; ++o, ++j) rows[j - start] = (base + o) * Hkv * R;
  }
}

// out[g] = inv[g] * sum_j s[g][j] v_j (64-wide value rows) for GN heads that share kv head h,
// a quarter of the row at a time, so each value chunk is widened once for all GN heads (the widening
// and loads cost more than the multiply-adds when done per head). Each output lane sees the same
// operations in the same order as a head done alone.
template <int GN, typename T>
void weighted_rows64(const float* s, int64_t n, const float* inv, const KvView<T>& kv, int64_t h, int64_t start,
                     int64_t len, float* out) {
  constexpr int kChunks = 2;  // 8-float chunks per pass: GN x 2 sums, 2 value chunks, a weight
  for (int c0 = 0; c0 < 8; c0 += kChunks) {
    __m256 acc[GN][kChunks];
    for (auto& a : acc) for (auto& c : a) c = _mm256_setzero_ps();
    for (int64_t j = start; j < len; ++j) {
      const T* vr = kv.val(j - start, h);
      const float rs = row_scale(vr, kv.D);
      __m256 v[kChunks];
      for (int c = 0; c < kChunks; ++c) v[c] = load8(vr + 8 * (c0 + c));
      for (int g = 0; g < GN; ++g) {
        const __m256 p = _mm256_set1_ps(s[g * n + j - start] * rs);
        for (int c = 0; c < kChunks; ++c) acc[g][c] = _mm256_fmadd_ps(p, v[c], acc[g][c]);
      }
    }
    for (int g = 0; g < GN; ++g) {
      const __m256 vinv = _mm256_set1_ps(inv[g]);
      for (int c = 0; c < kChunks; ++c) _mm256_storeu_ps(out + g * 64 + 8 * (c0 + c), _mm256_mul_ps(acc[g][c], vinv));
    }
  }
}

// softmax(q K^T * scale) V for the `group` query heads (rows of q, D apart) that share kv head h,
// over keys [start, len). scores: scratch of group * (len - start) floats.
template <typename T>
void attend_group(const float* q, float* out, int64_t group, const KvView<T>& kv, int64_t h, int64_t start,
                  int64_t len, float scale, float cap, std::vector<float>& scores) {
  const int64_t D = kv.D, n = len - start;
  scores.resize(group * n + group);  // the scores, then each head's 1 / (sum of its weights)
  float* inv = scores.data() + group * n;
  int64_t j = start;
  if (D % 8 == 0) {
    // 8 keys at a time: 8 independent FMA chains, one transposing reduction for their 8 scores
    // (one dot product at a time waits on its FMA chain and its horizontal sum).
    for (; j + 8 <= len; j += 8) {
      const T* kr[8];
      for (int i = 0; i < 8; ++i) kr[i] = kv.key(j - start + i, h);
      for (int64_t g = 0; g < group; ++g) {
        const float* qv = q + g * D;
        __m256 acc[8];
        for (auto& a : acc) a = _mm256_setzero_ps();
        for (int64_t d = 0; d < D; d += 8) {
          const __m256 qd = _mm256_loadu_ps(qv + d);
          for (int i = 0; i < 8; ++i) acc[i] = _mm256_fmadd_ps(qd, load8(kr[i] + d), acc[i]);
        }
        __m256 sc = _mm256_mul_ps(hsum8x8(acc), _mm256_set1_ps(scale));
        if constexpr (kScaled<T>) {
          alignas(32) float ks[8];
          for (int i = 0; i < 8; ++i) ks[i] = row_scale(kr[i], D);
          sc = _mm256_mul_ps(sc, _mm256_load_ps(ks));
        }
        _mm256_storeu_ps(scores.data() + g * n + (j - start), sc);
      }
    }
  }
  for (; j < len; ++j) {
    const T* kr = kv.key(j - start, h);
    for (int64_t g = 0; g < group; ++g) {
      const float* qv = q + g * D;
      __m256 acc = _mm256_setzero_ps();
      int64_t d = 0;
      for (; d + 8 <= D; d += 8) acc = _mm256_fmadd_ps(_mm256_loadu_ps(qv + d), load8(kr + d), acc);
      float sc = hsum8(acc);
      for (; d < D; ++d) sc += qv[d] * load1(kr + d);
      scores[g * n + (j - start)] = sc * scale * row_scale(kr, D);
    }
  }
  if (cap > 0.f)
    for (int64_t i = 0; i < group * n; ++i) scores[i] = cap * std::tanh(scores[i] / cap);
  for (int64_t g = 0; g < group; ++g) {
    float* s = scores.data() + g * n;
    // (a scalar std::max chain waits 4 cycles per score: 15% of a 512-key call)
    __m256 vmax = _mm256_set1_ps(-INFINITY);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) vmax = _mm256_max_ps(vmax, _mm256_loadu_ps(s + i));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, vmax);
    float mx = *std::max_element(lanes, lanes + 8);
    for (; i < n; ++i) mx = std::max(mx, s[i]);
    const __m256 vmx = _mm256_set1_ps(mx);
    __m256 vsum = _mm256_setzero_ps();
    i = 0;
    for (; i + 8 <= n; i += 8) {
      const __m256 e = exp_nonpos(_mm256_sub_ps(_mm256_loadu_ps(s + i), vmx));
      _mm256_storeu_ps(s + i, e);
      vsum = _mm256_add_ps(vsum, e);
    }
    float denom = hsum8(vsum);
    for (; i < n; ++i) { s[i] = std::exp(s[i] - mx); denom += s[i]; }
    inv[g] = 1.f / denom;
  }
  if (D == 64) {  // the common head size: weighted sums of each value row for up to 3 heads at once
    int64_t g = 0;
    for (; g + 3 <= group; g += 3) weighted_rows64<3>(scores.data() + g * n, n, inv + g, kv, h, start, len, out + g * D);
    if (group - g == 2) weighted_rows64<2>(scores.data() + g * n, n, inv + g, kv, h, start, len, out + g * D);
    if (group - g == 1) weighted_rows64<1>(scores.data() + g * n, n, inv + g, kv, h, start, len, out + g * D);
    return;
  }
  for (int64_t g = 0; g < group; ++g) {
    const float* s = scores.data() + g * n;
    float* o = out + g * D;
    for (int64_t d = 0; d < D; ++d) o[d] = 0.f;
    for (int64_t j = start; j < len; ++j) {
      const T* vr = kv.val(j - start, h);
      const float p = s[j - start] * row_scale(vr, D) * inv[g];
      int64_t d = 0;
      for (; d + 8 <= D; d += 8)
        _mm256_storeu_ps(o + d, _mm256_fmadd_ps(_mm256_set1_ps(p), load8(vr + d), _mm256_loadu_ps(o + d)));
      for (; d < D; ++d) o[d] += p * load1(vr + d);
    }
  }
}

// The head size of a cache: its last dimension, less the scale's bytes of int8 rows.
inline int64_t head_size(const at::Tensor& cache) {
  return cache.size(3) - (cache.scalar_type() == at::kChar ? kScaleBytes : 0);
}

}  // namespace

void check_decode_args(const at::Tensor& k_cache, const at::Tensor& v_cache, const at::Tensor& block_table,
                       const at::Tensor& context_lens, int64_t B) {
  const auto kt = k_cache.scalar_type();
  TORCH_CHECK(k_cache.dim() == 4 && k_cache.is_contiguous() && v_cache.is_contiguous() &&
              (kt == at::kFloat || kt == at::kHalf || kt == at::kBFloat16 || kt == at::kChar) &&
              v_cache.scalar_type() == kt && v_cache.sizes() == k_cache.sizes(),
              "caches must be contiguous fp32, fp16, bf16 [blocks, block_size, Hkv, D] or int8 [.., D + 4], "
              "both of one type");
  TORCH_CHECK(kt != at::kChar || k_cache.size(3) > kScaleBytes, "int8 cache rows must hold codes and a scale");
  TORCH_CHECK(block_table.scalar_type() == at::kLong && block_table.is_contiguous() && block_table.dim() == 2 &&
              block_table.size(0) == B, "block_table must be int64 [B, max_blocks]");
  TORCH_CHECK(context_lens.scalar_type() == at::kLong && context_lens.is_contiguous() && context_lens.numel() == B,
              "context_lens must be int64 [B]");
  const int64_t* lens = context_lens.data_ptr<int64_t>();
  const int64_t cap = block_table.size(1) * k_cache.size(1), blocks = k_cache.size(0);
  const int64_t* bt = block_table.data_ptr<int64_t>();
  for (int64_t b = 0; b < B; ++b) {
    TORCH_CHECK(lens[b] > 0 && lens[b] <= cap, "context length out of range");
    for (int64_t i = 0; i < (lens[b] + k_cache.size(1) - 1) / k_cache.size(1); ++i)
      TORCH_CHECK(bt[b * block_table.size(1) + i] >= 0 && bt[b * block_table.size(1) + i] < blocks, "block id out of range");
  }
}

namespace {

// Items [i0, i1) of a decode step's attention: (sequence, kv head) pairs, each attending its group
// of query heads, or with by_head (sequence, query head) pairs, one query head each. A query head's
// arithmetic in attend_group does not depend on its group, so both give the same values.
template <typename T>
void attend_items_as(const float* q, int64_t q_stride, float* out, const at::Tensor& k_cache,
                     const at::Tensor& v_cache, const at::Tensor& block_table, const at::Tensor& context_lens,
                     int64_t Hq, double scale, int64_t window, double softcap, int64_t i0, int64_t i1,
                     bool by_head) {
  const int64_t bs = k_cache.size(1), Hkv = k_cache.size(2), R = k_cache.size(3);
  const int64_t D = head_size(k_cache), group = Hq / Hkv, max_blocks = block_table.size(1);
  const int64_t* lens = context_lens.data_ptr<int64_t>();
  const int64_t* bt = block_table.data_ptr<int64_t>();
  const T* kc = static_cast<const T*>(k_cache.data_ptr());
  const T* vc = static_cast<const T*>(v_cache.data_ptr());
  const float fscale = static_cast<float>(scale), cap = static_cast<float>(softcap);
  const int64_t per_seq = by_head ? Hq : Hkv;
  thread_local std::vector<float> scores;
  thread_local std::vector<int64_t> rows;
  int64_t rows_of = -1;  // the sequence whose key offsets `rows` holds
  for (int64_t i = i0; i < i1; ++i) {
    const int64_t b = i / per_seq, head = i % per_seq;
    const int64_t h = by_head ? head / group : head, first = by_head ? head : h * group;
    const int64_t len = lens[b], start = window > 0 ? std::max<int64_t>(0, len - window) : 0;
    if (rows_of != b) key_offsets(bt + b * max_blocks, bs, Hkv, R, start, len, rows);
    rows_of = b;
    const KvView<T> kv{kc, vc, rows.data(), D, R};
    attend_group(q + b * q_stride + first * D, out + (b * Hq + first) * D, by_head ? 1 : group, kv, h, start,
                 len, fscale, cap, scores);
  }
}

// Rope on one sequence's new key heads and its value heads, written to cache slot `slot`.
template <typename T>
void write_kv(const float* row, int64_t Hq, int64_t Hkv, int64_t D, const float* c, const float* s, int64_t slot,
              T* kc, T* vc) {
  float rotated[512];
  const int64_t R = row_width<T>(D);
  for (int64_t h = 0; h < Hkv; ++h) {
    rotate_half(row + (Hq + h) * D, rotated, c, s, D / 2);
    store_row(rotated, kc + (slot * Hkv + h) * R, D);
    store_row(row + (Hq + Hkv + h) * D, vc + (slot * Hkv + h) * R, D);
  }
}

}  // namespace

int64_t check_decode_qkv(const at::Tensor& k_cache, const at::Tensor& cos, const at::Tensor& sin,
                         const at::Tensor& slots, int64_t B, int64_t F, int64_t Hq) {
  const int64_t Hkv = k_cache.size(2), D = head_size(k_cache), bs = k_cache.size(1);
  TORCH_CHECK(Hq > 0 && Hq % Hkv == 0 && F == (Hq + 2 * Hkv) * D, "qkv has ", F, " features, expected (", Hq,
              " + 2 * ", Hkv, ") * ", D);
  TORCH_CHECK(D % 2 == 0, "head size must be even for rope");
  TORCH_CHECK(cos.dim() == 2 && cos.size(0) == B && cos.size(1) == D && cos.is_contiguous() && sin.is_contiguous() &&
              sin.sizes() == cos.sizes() && cos.scalar_type() == at::kFloat && sin.scalar_type() == at::kFloat,
              "cos/sin must be contiguous fp32 [B, D]");
  TORCH_CHECK(slots.scalar_type() == at::kLong && slots.is_contiguous() && slots.numel() == B, "slots must be int64 [B]");
  const int64_t* sl = slots.data_ptr<int64_t>();
  for (int64_t b = 0; b < B; ++b)
    TORCH_CHECK(sl[b] >= 0 && sl[b] < k_cache.size(0) * bs, "cache slot out of range");
  TORCH_CHECK(D <= 512, "head size above 512 is not supported by the fused decode op");
  return D;
}

void write_decode_kv(const float* qkv, int64_t F, float* q, const float* cos, const float* sin,
                     const at::Tensor& k_cache, const at::Tensor& v_cache, const int64_t* slots, int64_t B,
                     int64_t Hq) {
  const int64_t Hkv = k_cache.size(2), D = head_size(k_cache), half = D / 2;
  for (int64_t b = 0; b < B; ++b) {
    const float* row = qkv + b * F;
    const float* c = cos + b * D;
    const float* s = sin + b * D;
    for (int64_t h = 0; h < Hq; ++h) rotate_half(row + h * D, q + (b * Hq + h) * D, c, s, half);
    switch (k_cache.scalar_type()) {
      case at::kHalf:
        write_kv(row, Hq, Hkv, D, c, s, slots[b], static_cast<at::Half*>(k_cache.data_ptr()),
                 static_cast<at::Half*>(v_cache.data_ptr()));
        break;
      case at::kBFloat16:
        write_kv(row, Hq, Hkv, D, c, s, slots[b], static_cast<at::BFloat16*>(k_cache.data_ptr()),
                 static_cast<at::BFloat16*>(v_cache.data_ptr()));
        break;
      case at::kChar:
        write_kv(row, Hq, Hkv, D, c, s, slots[b], static_cast<int8_t*>(k_cache.data_ptr()),
                 static_cast<int8_t*>(v_cache.data_ptr()));
        break;
      default:
        write_kv(row, Hq, Hkv, D, c, s, slots[b], k_cache.data_ptr<float>(), v_cache.data_ptr<float>());
    }
  }
}

int64_t decode_attention_items(const at::Tensor& k_cache, const at::Tensor& context_lens, int64_t Hq, bool by_head) {
  return context_lens.numel() * (by_head ? Hq : k_cache.size(2));
}

void attend_decode_range(const float* q, int64_t q_stride, float* out, const at::Tensor& k_cache,
                         const at::Tensor& v_cache, const at::Tensor& block_table, const at::Tensor& context_lens,
                         int64_t Hq, double scale, int64_t window, double softcap, int64_t i0, int64_t i1,
                         bool by_head) {
  switch (k_cache.scalar_type()) {
    case at::kHalf:
      return attend_items_as<at::Half>(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq, scale,
                                       window, softcap, i0, i1, by_head);
    case at::kBFloat16:
      return attend_items_as<at::BFloat16>(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq,
                                           scale, window, softcap, i0, i1, by_head);
    case at::kChar:
      return attend_items_as<int8_t>(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq, scale,
                                     window, softcap, i0, i1, by_head);
    default:
      return attend_items_as<float>(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq, scale,
                                    window, softcap, i0, i1, by_head);
  }
}

namespace {

// Whether a decode step's attention is small enough that handing items to other threads costs
// more than an OpenMP fork saves.
bool decode_attention_serial(const at::Tensor& k_cache, const at::Tensor& context_lens, int64_t Hq) {
  const int64_t* lens = context_lens.data_ptr<int64_t>();
  int64_t total = 0;
  for (int64_t b = 0; b < context_lens.numel(); ++b) total += lens[b];
  return total * Hq * head_size(k_cache) < (int64_t{1} << 18);
}

// Boundaries of `parts` contiguous runs of the (sequence, kv head) items, each of about equal
// work: an item's keys (its context, or the window) plus a fixed cost per item.
std::vector<int64_t> balanced_cuts(const at::Tensor& context_lens, int64_t Hkv, int64_t window, int64_t parts) {
  constexpr int64_t kItemCost = 16;  // the per-item setup, in keys
  const int64_t* lens = context_lens.data_ptr<int64_t>();
  const int64_t B = context_lens.numel(), items = B * Hkv;
  auto cost = [&](int64_t b) { return (window > 0 ? std::min(lens[b], window) : lens[b]) + kItemCost; };
  int64_t total = 0;
  for (int64_t b = 0; b < B; ++b) total += cost(b) * Hkv;
  parts = std::max<int64_t>(1, std::min(parts, items));
  std::vector<int64_t> cuts{0};
  int64_t done = 0;
  for (int64_t i = 0; i < items && static_cast<int64_t>(cuts.size()) < parts; ++i) {
    done += cost(i / Hkv);
    if (done * parts >= total * static_cast<int64_t>(cuts.size())) cuts.push_back(i + 1);
  }
  if (cuts.back() != items) cuts.push_back(items);
  return cuts;
}

// Attention of B decode queries (q row b at q + b * q_stride, heads dense) over their cached keys,
// into out [B, Hq, D]: each (sequence, kv head) attends its group of query heads; on one thread
// when the whole step is small (an OpenMP fork costs more than a short context's attention), else
// spread over the pool. Each item is computed the same way either way, so results do not depend
// on the batch.
void attend_decode(const float* q, int64_t q_stride, float* out, const at::Tensor& k_cache,
                   const at::Tensor& v_cache, const at::Tensor& block_table, const at::Tensor& context_lens,
                   int64_t Hq, double scale, int64_t window, double softcap) {
  const int64_t items = decode_attention_items(k_cache, context_lens, Hq, false);
  if (decode_attention_serial(k_cache, context_lens, Hq)) {
    attend_decode_range(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq, scale, window, softcap,
                        0, items, false);
    return;
  }
  // Contiguous runs of items of about equal work, one per thread: an even split by count leaves
  // the thread with a prompt's early rows (short contexts) idle for most of the call (measured on
  // a 128-row prompt chunk: a quarter of the time in the barrier).
  const std::vector<int64_t> cuts = balanced_cuts(context_lens, k_cache.size(2), window, at::get_num_threads());
  at::parallel_for(0, static_cast<int64_t>(cuts.size()) - 1, 1, [&](int64_t t0, int64_t t1) {
    for (int64_t t = t0; t < t1; ++t)
      attend_decode_range(q, q_stride, out, k_cache, v_cache, block_table, context_lens, Hq, scale, window,
                          softcap, cuts[t], cuts[t + 1], false);
  });
}

}  // namespace

// Decode attention (one query token per sequence) straight over the paged cache: no gather of
// K/V into a padded tensor, no mask. q [B, Hq, D]; caches [blocks, block_size, Hkv, D];
// block_table [B, max_blocks] int64; context_lens [B] int64 (keys 0..len-1 are attended,
// or the last `window` of them when window > 0). softcap > 0 applies tanh capping to scores.
at::Tensor paged_decode_attention(at::Tensor q, at::Tensor k_cache, at::Tensor v_cache,
                                     at::Tensor block_table, at::Tensor context_lens, double scale,
                                     int64_t window, double softcap) {
  TORCH_CHECK(q.dim() == 3 && q.scalar_type() == at::kFloat && q.stride(2) == 1 && q.stride(1) == q.size(2),
              "q must be fp32 [B, Hq, D] with dense heads");
  const int64_t B = q.size(0), Hq = q.size(1), D = q.size(2);
  check_decode_args(k_cache, v_cache, block_table, context_lens, B);
  const int64_t Hkv = k_cache.size(2);
  TORCH_CHECK(head_size(k_cache) == D && Hq % Hkv == 0, "head sizes do not match");
  auto out = at::empty({B, Hq, D}, q.options());
  attend_decode(q.data_ptr<float>(), q.stride(0), out.data_ptr<float>(), k_cache, v_cache, block_table, context_lens,
                Hq, scale, window, softcap);
  return out;
}

// A whole decode step's attention for one layer from its fused projection: qkv [B, (Hq + 2 Hkv) D]
// (rows: q heads, k heads, v heads) gets rotate-half rope (cos/sin [B, D]), its k and v are written
// to cache slot slots[b], and the result is attention over the cache as paged_decode_attention:
// [B, Hq * D], ready for the output projection. Replaces split, rope, two cache writes and the
// attention call (about 40 us of dispatch per layer at one sequence).
at::Tensor decode_attention_qkv(at::Tensor qkv, at::Tensor cos, at::Tensor sin, at::Tensor k_cache,
                                   at::Tensor v_cache, at::Tensor slots, at::Tensor block_table,
                                   at::Tensor context_lens, int64_t Hq, double scale, int64_t window,
                                   double softcap) {
  TORCH_CHECK(qkv.dim() == 2 && qkv.scalar_type() == at::kFloat && qkv.is_contiguous(), "qkv must be contiguous fp32 [B, F]");
  const int64_t B = qkv.size(0), F = qkv.size(1);
  check_decode_args(k_cache, v_cache, block_table, context_lens, B);
  const int64_t D = check_decode_qkv(k_cache, cos, sin, slots, B, F, Hq);
  auto q = at::empty({B, Hq, D}, qkv.options());
  float* qp = q.data_ptr<float>();
  // rope and cache writes first: attention reads the new key
  write_decode_kv(qkv.data_ptr<float>(), F, qp, cos.data_ptr<float>(), sin.data_ptr<float>(), k_cache, v_cache,
                  slots.data_ptr<int64_t>(), B, Hq);
  auto out = at::empty({B, Hq * D}, qkv.options());
  attend_decode(qp, Hq * D, out.data_ptr<float>(), k_cache, v_cache, block_table, context_lens, Hq, scale, window,
                softcap);
  return out;
}

}  // namespace ketch::ops
