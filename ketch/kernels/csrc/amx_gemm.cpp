// Many-row products (prefill) on packed weights with AMX bf16 tiles.
//
// Dequantizing a whole weight to bf16 and calling a GEMM writes and reads back 2 bytes per weight
// per call, and oneDNN's small-M products run far below the tiles' speed: for a 56-token SmolLM2
// prompt that was 32 ms of dequantization and 33 ms of GEMM. Here each thread dequantizes 16
// weight rows at a time into a panel that stays in its cache and multiplies it at once with
// every activation row:
//   C[n, m] += A[n, k] B[k, m]  with A = the panel (16 weight rows x 32 k, as stored) and
//   B = the activations as bf16 pairs (16 k pairs x 16 rows m, packed once per call),
// so the weight needs no transposing; each 16 x 16 C tile is transposed once on its way out.
// Up to 4 C tiles (64 activation rows) share one A tile load. Measured on this 2-core Xeon: a
// 16 x 16 x 32 product takes 8-17 ns (the host's clock varies) and a 1 KiB tile load about 5 ns that
// overlaps the products poorly; double-buffered A/B tiles and 2 x 2 blocking measured no better.
#include "amx_gemm.h"

#include <ATen/Parallel.h>
#include <cpuid.h>
#include <immintrin.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#define KETCH_AMX \
  __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512bf16,amx-tile,amx-bf16")))

namespace ketch {
namespace {

constexpr int64_t kTile = 16;   // rows of every tile; an A or B tile row is 64 bytes (32 bf16)
constexpr int64_t kChunk = 32;  // k per tile product
constexpr int64_t kGroup = 4;   // C tiles (x 16 activation rows) per pass over a panel

struct alignas(64) TileConfig {
  uint8_t palette = 1;
  uint8_t start_row = 0;
  uint8_t reserved[14] = {};
  uint16_t colsb[16] = {};
  uint8_t rows[16] = {};
};

bool cpu_has_amx_bf16() {
  unsigned a, b, c, d;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  const bool tiles = (d >> 24) & 1, bf16 = (d >> 22) & 1, avx512 = (b >> 16) & 1 && (b >> 30) & 1;
  if (!__get_cpuid_count(7, 1, &a, &b, &c, &d)) return false;
  return tiles && bf16 && avx512 && ((a >> 5) & 1);  // AVX512_BF16 converts the activations
}

bool request_amx() {
  // Whether to use the tiles is the model's kernel policy (KETCH_DISABLE_AMX, KETCH_ISA); this is
  // only whether they can run.
  if (!cpu_has_amx_bf16()) return false;
  // Linux hands out the 8 KiB tile state only to processes that ask (XFEATURE_XTILEDATA = 18).
  constexpr long kReqXcompPerm = 0x1023, kXtiledata = 18;
  return syscall(SYS_arch_prctl, kReqXcompPerm, kXtiledata) == 0;
}

// 16 x 16 transpose of 32-bit lanes in registers.
KETCH_AMX inline void transpose16(__m512 (&r)[16]) {
  __m512 t[16], u[16];
  for (int i = 0; i < 8; ++i) {
    t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
  }
  for (int j = 0; j < 4; ++j) {  // u[4j + c], lane L: column 4L + c of rows 4j..4j+3
    u[4 * j] = _mm512_shuffle_ps(t[4 * j], t[4 * j + 2], 0x44);
    u[4 * j + 1] = _mm512_shuffle_ps(t[4 * j], t[4 * j + 2], 0xEE);
    u[4 * j + 2] = _mm512_shuffle_ps(t[4 * j + 1], t[4 * j + 3], 0x44);
    u[4 * j + 3] = _mm512_shuffle_ps(t[4 * j + 1], t[4 * j + 3], 0xEE);
  }
  for (int c = 0; c < 4; ++c) {  // a 4 x 4 transpose of 128-bit lanes
    const __m512 v0 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0x44), v1 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0xEE);
    const __m512 v2 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0x44);
    const __m512 v3 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0xEE);
    r[c] = _mm512_shuffle_f32x4(v0, v2, 0x88);
    r[4 + c] = _mm512_shuffle_f32x4(v0, v2, 0xDD);
    r[8 + c] = _mm512_shuffle_f32x4(v1, v3, 0x88);
    r[12 + c] = _mm512_shuffle_f32x4(v1, v3, 0xDD);
  }
}

// x fp32 [M, K] -> B tiles, tile (chunk c, m-tile t) at dword (c * MT + t) * 256: row p holds, for
// the 16 activation rows of t, the bf16 pair (x[m, 32c + 2p], x[m, 32c + 2p + 1]). Rows past M are 0.
KETCH_AMX std::vector<uint32_t> pack_activations(const float* x, int64_t M, int64_t K, int64_t MT) {
  const int64_t KC = K / kChunk;
  std::vector<uint32_t> out(static_cast<size_t>(KC * MT * 256));
  for (int64_t t = 0; t < MT; ++t)
    for (int64_t c = 0; c < KC; ++c) {
      __m512 r[16];
      for (int64_t i = 0; i < kTile; ++i) {
        const int64_t m = t * kTile + i;
        if (m < M) {
          const float* p = x + m * K + c * kChunk;
          r[i] = (__m512)_mm512_cvtne2ps_pbh(_mm512_loadu_ps(p + 16), _mm512_loadu_ps(p));
        } else {
          r[i] = _mm512_setzero_ps();
        }
      }
      transpose16(r);
      uint32_t* o = out.data() + (c * MT + t) * 256;
      for (int i = 0; i < 16; ++i) _mm512_storeu_ps(reinterpret_cast<float*>(o + 16 * i), r[i]);
    }
  return out;
}

// T C tiles (tiles 0..T-1) of one panel against m-tiles t0..t0+T-1, stored to tmp [T][16 n][16 m].
template <int T>
KETCH_AMX void panel_product(const at::BFloat16* panel, int64_t K, const uint32_t* xb, int64_t MT, int64_t t0,
                             float* tmp) {
  _tile_zero(0);
  if constexpr (T > 1) _tile_zero(1);
  if constexpr (T > 2) _tile_zero(2);
  if constexpr (T > 3) _tile_zero(3);
  const int64_t stride = K * static_cast<int64_t>(sizeof(at::BFloat16));
  for (int64_t c = 0; c < K / kChunk; ++c) {
    _tile_loadd(4, panel + c * kChunk, stride);
    const uint32_t* b = xb + (c * MT + t0) * 256;
    _tile_loadd(5, b, 64);
    _tile_dpbf16ps(0, 4, 5);
    if constexpr (T > 1) {
      _tile_loadd(6, b + 256, 64);
      _tile_dpbf16ps(1, 4, 6);
    }
    if constexpr (T > 2) {
      _tile_loadd(7, b + 512, 64);
      _tile_dpbf16ps(2, 4, 7);
    }
    if constexpr (T > 3) {
      _tile_loadd(5, b + 768, 64);
      _tile_dpbf16ps(3, 4, 5);
    }
  }
  _tile_stored(0, tmp, 64);
  if constexpr (T > 1) _tile_stored(1, tmp + 256, 64);
  if constexpr (T > 2) _tile_stored(2, tmp + 512, 64);
  if constexpr (T > 3) _tile_stored(3, tmp + 768, 64);
}

// tmp [16 n][16 m] -> y[m0 + i, n0 .. n0 + rows) for the first `valid` m.
KETCH_AMX inline void store_transposed(const float* tmp, float* y, int64_t N, int64_t m0, int64_t valid, int64_t n0,
                                       int64_t rows) {
  __m512 r[16];
  for (int i = 0; i < 16; ++i) r[i] = _mm512_loadu_ps(tmp + 16 * i);
  transpose16(r);
  const __mmask16 mask = static_cast<__mmask16>((1u << rows) - 1);
  for (int64_t i = 0; i < valid; ++i) _mm512_mask_storeu_ps(y + (m0 + i) * N + n0, mask, r[i]);
}

KETCH_AMX void run_panels(const uint32_t* xb, int64_t M, int64_t K, int64_t N, int64_t p0, int64_t p1,
                          const PanelFn& panel_fn, float* y) {
  TileConfig cfg;
  for (int i = 0; i < 8; ++i) {
    cfg.rows[i] = kTile;
    cfg.colsb[i] = 64;
  }
  _tile_loadconfig(&cfg);
  const int64_t MT = (M + kTile - 1) / kTile;
  std::vector<at::BFloat16> panel(static_cast<size_t>(kTile * K));
  alignas(64) float tmp[kGroup * 256];
  for (int64_t p = p0; p < p1; ++p) {
    const int64_t n0 = p * kTile, rows = std::min(kTile, N - n0);
    panel_fn(n0, rows, panel.data());
    if (rows < kTile) std::memset(panel.data() + rows * K, 0, sizeof(at::BFloat16) * (kTile - rows) * K);
    for (int64_t t0 = 0; t0 < MT; t0 += kGroup) {
      const int64_t T = std::min(kGroup, MT - t0);
      switch (T) {
        case 1: panel_product<1>(panel.data(), K, xb, MT, t0, tmp); break;
        case 2: panel_product<2>(panel.data(), K, xb, MT, t0, tmp); break;
        case 3: panel_product<3>(panel.data(), K, xb, MT, t0, tmp); break;
        default: panel_product<4>(panel.data(), K, xb, MT, t0, tmp); break;
      }
      for (int64_t j = 0; j < T; ++j) {
        const int64_t m0 = (t0 + j) * kTile;
        store_transposed(tmp + 256 * j, y, N, m0, std::min(kTile, M - m0), n0, rows);
      }
    }
  }
  _tile_release();  // a thread holding tile state makes every context switch save 8 KiB more
}

}  // namespace

bool amx_usable() {
  static const bool usable = request_amx();
  return usable;
}

at::Tensor amx_linear(const at::Tensor& x, int64_t N, const PanelFn& panel) {
  TORCH_CHECK(amx_usable(), "this CPU (or process) cannot use AMX bf16 tiles");
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  const int64_t M = x.size(0), K = x.size(1);
  TORCH_CHECK(K % kChunk == 0, "AMX products need K to be a multiple of 32, got ", K);
  auto y = at::empty({M, N}, x.options());
  if (M == 0 || N == 0) return y;
  const int64_t MT = (M + kTile - 1) / kTile;
  const std::vector<uint32_t> xb = pack_activations(x.data_ptr<float>(), M, K, MT);
  // A task under ~128 KiB of bf16 weight costs more to hand to another thread than it saves.
  const int64_t panels = (N + kTile - 1) / kTile;
  const int64_t grain = std::max<int64_t>(1, (int64_t{1} << 16) / (kTile * K));
  float* yp = y.data_ptr<float>();
  at::parallel_for(0, panels, grain, [&](int64_t p0, int64_t p1) {
    run_panels(xb.data(), M, K, N, p0, p1, panel, yp);
  });
  return y;
}

}  // namespace ketch
