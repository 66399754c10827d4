// Panel decoders for every packed layout (panels.h), with AVX-512 and AVX2 versions of the
// q4 / q8 ones (the others decode one row at a time in AVX2 either way).
#include "panels.h"
#include "act_codes.h"
#include "kquant_codes.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>

namespace ketch::panels {
namespace {

inline float h2f(at::Half h) { return _cvtsh_ss(h.x); }


// Weight rows past the end of the matrix: zero scale and bias, so they add nothing.
void clear_rows(Panel& p, int64_t rows) {
  if (rows == kPanelRows) return;
  const int64_t k4 = p.u.size() / kPanelRows, ng = p.scale.size() / kPanelRows;
  for (int64_t j = 0; j < k4; ++j) std::fill_n(p.u.data() + j * kPanelRows + rows, kPanelRows - rows, 0u);
  for (int64_t g = 0; g < ng; ++g) {
    std::fill_n(p.scale.data() + g * kPanelRows + rows, kPanelRows - rows, 0.f);
    std::fill_n(p.bias.data() + g * kPanelRows + rows, kPanelRows - rows, 0.f);
  }
}

// 8 words (32 codes in weight order) of panel row i, starting at word row k4.
inline void put_words(Panel& p, int64_t k4, int64_t i, const uint32_t (&w)[8]) {
  for (int t = 0; t < 8; ++t) p.u[(k4 + t) * kPanelRows + i] = w[t];
}

// A 16 x 4 transpose of 32-bit words: rows[j] holds, in 128-bit lane L, 4 words of weight row
// j + 4 L; out[t] gets word t of rows 0..15, in order (two unpack rounds inside each lane).
KETCH_AVX512 inline void transpose_words(const __m512i (&rows)[4], __m512i (&out)[4]) {
  const __m512i t0 = _mm512_unpacklo_epi32(rows[0], rows[1]), t1 = _mm512_unpackhi_epi32(rows[0], rows[1]);
  const __m512i t2 = _mm512_unpacklo_epi32(rows[2], rows[3]), t3 = _mm512_unpackhi_epi32(rows[2], rows[3]);
  out[0] = _mm512_unpacklo_epi64(t0, t2);
  out[1] = _mm512_unpackhi_epi64(t0, t2);
  out[2] = _mm512_unpacklo_epi64(t1, t3);
  out[3] = _mm512_unpackhi_epi64(t1, t3);
}

// 16 bytes of each of 16 rows (row i at base + i * stride), row j + 4 L in lane L of the j-th vector.
KETCH_AVX512 inline void gather_rows(const uint8_t* base, int64_t stride, __m512i (&rows)[4]) {
  for (int j = 0; j < 4; ++j) {
    __m512i v = _mm512_castsi128_si512(_mm_loadu_si128(reinterpret_cast<const __m128i*>(base + j * stride)));
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 4) * stride)), 1);
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 8) * stride)), 2);
    rows[j] = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + (j + 12) * stride)), 3);
  }
}

// Words k4..k4+3 of panel rows h*16..h*16+15 from 16 rows' 16 bytes of codes each.
KETCH_AVX512 inline void put_16_rows(Panel& p, int64_t k4, int h, const __m512i (&rows)[4]) {
  __m512i t[4];
  transpose_words(rows, t);
  for (int j = 0; j < 4; ++j) _mm512_storeu_si512(p.u.data() + (k4 + j) * kPanelRows + h * 16, t[j]);
}

void q4_scales(const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K, Panel& p) {
  const int64_t nb = K / kBlock;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t b = 0; b < nb; ++b) {
      const int64_t at = (n0 + i) * nb + b;
      const float dd = h2f(d[at]);
      p.scale[b * kPanelRows + i] = dd;
      p.bias[b * kPanelRows + i] = m ? h2f(m[at]) + 8.f * dd : 0.f;
    }
}

// q4x16: the 16 scales (and mins) of tile t's block b lie together (q4x16.cpp), so panel rows
// h*16 .. h*16+15 of block b take two half conversions: scale d, bias m + 8 d (0 without mins).
inline void q4x16_scales(const at::Half* d, const at::Half* m, int64_t t, int64_t h, int64_t b, int64_t nb, Panel& p) {
  const int64_t at = (t * nb + b) * 16;
  for (int half = 0; half < 2; ++half) {
    const __m256 dd = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + at + 8 * half)));
    _mm256_storeu_ps(p.scale.data() + b * kPanelRows + h * 16 + 8 * half, dd);
    const __m256 bias = m ? _mm256_fmadd_ps(_mm256_set1_ps(8.f), dd, _mm256_cvtph_ps(_mm_loadu_si128(
                                reinterpret_cast<const __m128i*>(m + at + 8 * half))))
                          : _mm256_setzero_ps();  // (8 d is exact: the same value as m + 8 d rounded once)
    _mm256_storeu_ps(p.bias.data() + b * kPanelRows + h * 16 + 8 * half, bias);
  }
}

// 16 bytes of q4 codes (llama.cpp's nibble order) -> 8 words of codes 0..31 in weight order.
inline void q4_words(__m128i raw, uint32_t (&w)[8]) {
  const __m128i low4 = _mm_set1_epi8(0x0F);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(w), _mm_and_si128(raw, low4));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(w + 4), _mm_and_si128(_mm_srli_epi16(raw, 4), low4));
}

// Row i of a q4 panel from weight row n0 + i in the row layout.
void q4_row_words(const uint8_t* qs, int64_t n0, int64_t i, int64_t K, Panel& p) {
  for (int64_t b = 0; b < K / kBlock; ++b) {
    uint32_t w[8];
    q4_words(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qs + (n0 + i) * (K / 2) + b * 16)), w);
    put_words(p, b * 8, i, w);
  }
}

// Row i of a q8 panel: u = code + 128.
void q8_row_words(const int8_t* qs, int64_t n0, int64_t i, int64_t K, Panel& p) {
  const __m256i flip = _mm256_set1_epi8(static_cast<char>(0x80));
  for (int64_t b = 0; b < K / kBlock; ++b) {
    uint32_t w[8];
    const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(qs + (n0 + i) * K + b * kBlock));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), _mm256_xor_si256(raw, flip));
    put_words(p, b * 8, i, w);
  }
}

// q8 scales and biases of rows n0 .. n0 + rows: value = (u - 128) d + (offset d + m).
void q8_scales(const at::Half* d, const at::Half* m, float offset, int64_t G, int64_t n0, int64_t rows, int64_t K,
               Panel& p) {
  const int64_t ng = K / G;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t g = 0; g < ng; ++g) {
      const float dd = h2f(d[(n0 + i) * ng + g]);
      p.scale[g * kPanelRows + i] = dd;
      p.bias[g * kPanelRows + i] = offset * dd + (m ? h2f(m[(n0 + i) * ng + g]) : 0.f);
    }
}

// q4: the nibble codes u (0..15), center 8; value = (u - 8) d (+ m + 8 d with mins). Whole groups
// of 16 rows are transposed in registers; a partial one goes word by word.
KETCH_AVX512 void decode_q4(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows,
                          int64_t K, Panel& p) {
  const int64_t nb = K / kBlock, stride = K / 2;
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  int64_t i = 0;
  for (; i + 16 <= rows; i += 16) {
    const uint8_t* base = qs + (n0 + i) * stride;
    for (int64_t b = 0; b < nb; ++b) {
      __m512i raw[4], lo[4], hi[4];
      gather_rows(base + b * 16, stride, raw);
      for (int j = 0; j < 4; ++j) {
        lo[j] = _mm512_and_si512(raw[j], low4);
        hi[j] = _mm512_and_si512(_mm512_srli_epi16(raw[j], 4), low4);
      }
      put_16_rows(p, b * 8, static_cast<int>(i / 16), lo);
      put_16_rows(p, b * 8 + 4, static_cast<int>(i / 16), hi);
    }
  }
  for (; i < rows; ++i) q4_row_words(qs, n0, i, K, p);
  q4_scales(d, m, n0, rows, K, p);
  clear_rows(p, rows);
}

// q4x16 (q4x16.cpp): each 64-byte chunk already holds 4 codes of 16 rows, one int32 lane per row,
// so a panel is two tiles' chunks masked and shifted, with no transpose. Rows come in whole tiles.
KETCH_AVX512 void decode_q4x16(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows,
                               int64_t K, Panel& p) {
  const int64_t nb = K / kBlock;
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  for (int64_t h = 0; h * 16 < rows; ++h) {
    const int64_t t = n0 / 16 + h;
    const uint8_t* w = qs + t * nb * 256;
    for (int64_t b = 0; b < nb; ++b)
      for (int k = 0; k < 4; ++k) {
        const __m512i raw = _mm512_loadu_si512(w + (b * 4 + k) * 64);
        _mm512_storeu_si512(p.u.data() + (b * 8 + k) * kPanelRows + h * 16, _mm512_and_si512(raw, low4));
        _mm512_storeu_si512(p.u.data() + (b * 8 + 4 + k) * kPanelRows + h * 16,
                            _mm512_and_si512(_mm512_srli_epi16(raw, 4), low4));
      }
    for (int64_t b = 0; b < nb; ++b) q4x16_scales(d, m, t, h, b, nb, p);
  }
  clear_rows(p, rows);
}

// q8: u = code + 128, center 128; value = (u - 128) d + (offset d + m).
KETCH_AVX512 void decode_q8(const int8_t* qs, const at::Half* d, const at::Half* m, float offset, int64_t G,
                          int64_t n0, int64_t rows, int64_t K, Panel& p) {
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  int64_t i = 0;
  for (; i + 16 <= rows; i += 16) {
    const uint8_t* base = reinterpret_cast<const uint8_t*>(qs + (n0 + i) * K);
    for (int64_t k16 = 0; k16 < K / 16; ++k16) {  // 16 codes (4 words) of each row at a time
      __m512i raw[4];
      gather_rows(base + k16 * 16, K, raw);
      for (int j = 0; j < 4; ++j) raw[j] = _mm512_xor_si512(raw[j], flip);
      put_16_rows(p, k16 * 4, static_cast<int>(i / 16), raw);
    }
  }
  for (; i < rows; ++i) q8_row_words(qs, n0, i, K, p);
  q8_scales(d, m, offset, G, n0, rows, K, p);
  clear_rows(p, rows);
}

// ---- the same panels on CPUs without AVX-512: row by row, 8 words (32 codes) at a time.

void decode_q4_avx2(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K,
                    Panel& p) {
  for (int64_t i = 0; i < rows; ++i) q4_row_words(qs, n0, i, K, p);
  q4_scales(d, m, n0, rows, K, p);
  clear_rows(p, rows);
}

// q4x16: chunk k of tile t, block b holds bytes 4k..4k+3 of each of its 16 rows (q4x16.cpp), one
// int32 lane per row, as the AVX-512 decoder: each half of a chunk is 8 rows' words, masked and
// shifted into place.
void decode_q4x16_avx2(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows,
                       int64_t K, Panel& p) {
  const int64_t nb = K / kBlock;
  const __m256i low4 = _mm256_set1_epi8(0x0F);
  for (int64_t h = 0; h * 16 < rows; ++h) {
    const int64_t t = n0 / 16 + h;
    const uint8_t* w = qs + t * nb * 256;
    for (int64_t b = 0; b < nb; ++b) {
      for (int k = 0; k < 4; ++k)
        for (int half = 0; half < 2; ++half) {
          const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + (b * 4 + k) * 64 + 32 * half));
          uint32_t* lo = p.u.data() + (b * 8 + k) * kPanelRows + h * 16 + 8 * half;
          _mm256_storeu_si256(reinterpret_cast<__m256i*>(lo), _mm256_and_si256(raw, low4));
          _mm256_storeu_si256(reinterpret_cast<__m256i*>(lo + 4 * kPanelRows),
                              _mm256_and_si256(_mm256_srli_epi16(raw, 4), low4));
        }
      q4x16_scales(d, m, t, h, b, nb, p);
    }
  }
  clear_rows(p, rows);
}

void decode_q8_avx2(const int8_t* qs, const at::Half* d, const at::Half* m, float offset, int64_t G, int64_t n0,
                    int64_t rows, int64_t K, Panel& p) {
  for (int64_t i = 0; i < rows; ++i) q8_row_words(qs, n0, i, K, p);
  q8_scales(d, m, offset, G, n0, rows, K, p);
  clear_rows(p, rows);
}

// q5: the signed codes q - 16 (kquant_codes.h) as u = code + 128, center 128; value = (q - 16) d
// (+ m + 16 d with mins, Q5_1).
void decode_q5(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K,
               Panel& p) {
  const int64_t nb = K / kBlock;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t b = 0; b < nb; ++b) {
      uint32_t w[8];
      const __m256i c = codes::q5_codes(qs + ((n0 + i) * nb + b) * 20);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), _mm256_xor_si256(c, codes::bytes(0x80)));
      put_words(p, b * 8, i, w);
      const float dd = h2f(d[(n0 + i) * nb + b]);
      p.scale[b * kPanelRows + i] = dd;
      p.bias[b * kPanelRows + i] = m ? h2f(m[(n0 + i) * nb + b]) + 16.f * dd : 0.f;
    }
  clear_rows(p, rows);
}

// K-quants: each super-block's sub-block codes (kquant_codes.h) with the integer sub-block scale
// folded into the group's float scale (exact: 11 + 6 bits). Unsigned codes keep the type's center
// c (the min term gains c * scale); the signed ones (Q6_K, Q3_K) become u = code + 128, c = 128.
// G = 32 where a scale covers 32 weights (Q4_K, Q5_K), else 16.
template <class S>
void decode_kquant(const uint8_t* qs, const at::Half* d, const at::Half* m, int64_t n0, int64_t rows, int64_t K,
                   int64_t G, Panel& p) {
  constexpr bool kSigned = S::kCenter == 0;
  const int64_t nsb = K / codes::kSuper, per = codes::kSuper / G;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t sb = 0; sb < nsb; ++sb) {
      const S blk(qs + ((n0 + i) * nsb + sb) * S::kBytes);
      codes::unroll<8>([&](auto tc) {
        constexpr int t = decltype(tc)::value;
        __m256i c = blk.template codes<t>();
        if constexpr (kSigned) c = _mm256_xor_si256(c, codes::bytes(0x80));
        uint32_t w[8];
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(w), c);
        put_words(p, (sb * codes::kSuper + 32 * t) / 4, i, w);
      });
      const float dd = h2f(d[(n0 + i) * nsb + sb]);
      const float dm = S::kMin ? h2f(m[(n0 + i) * nsb + sb]) : 0.f;
      for (int64_t g = 0; g < per; ++g) {
        const int g16 = static_cast<int>(g * G / 16);  // the first 16-group of this group
        const float s = dd * static_cast<float>(blk.scale(g16));
        const int64_t at = (sb * per + g) * kPanelRows + i;
        p.scale[at] = s;
        p.bias[at] = kSigned ? 0.f : static_cast<float>(S::kCenter) * s - dm * static_cast<float>(blk.minimum(g16));
      }
    }
  clear_rows(p, rows);
}


constexpr Layout kLayouts[] = {{"q4", 32, 16, 32, 8},     {"q4x16", 32, 16, 32, 8},     {"q8", 32, 32, 0, 128},     {"q5", 32, 20, 32, 128},
                               {"q4_k", 256, 144, 32, 8}, {"q5_k", 256, 176, 32, 16}, {"q6_k", 256, 208, 16, 128},
                               {"q2_k", 256, 80, 16, 2},  {"q3_k", 256, 112, 16, 128}};

}  // namespace

const Layout* layout_of(const std::string& scheme) {
  for (const Layout& l : kLayouts)
    if (scheme == l.name) return &l;
  return nullptr;
}

void decode(const std::string& scheme, const at::Tensor& qs, const at::Half* d, const at::Half* m,
            float offset, int64_t G, int64_t n0, int64_t rows, int64_t K, Panel& p, bool avx512) {
  const uint8_t* q = static_cast<const uint8_t*>(qs.data_ptr());
  if (scheme == "q4") avx512 ? decode_q4(q, d, m, n0, rows, K, p) : decode_q4_avx2(q, d, m, n0, rows, K, p);
  else if (scheme == "q4x16") avx512 ? decode_q4x16(q, d, m, n0, rows, K, p) : decode_q4x16_avx2(q, d, m, n0, rows, K, p);
  else if (scheme == "q8")
    avx512 ? decode_q8(reinterpret_cast<const int8_t*>(q), d, m, offset, G, n0, rows, K, p)
           : decode_q8_avx2(reinterpret_cast<const int8_t*>(q), d, m, offset, G, n0, rows, K, p);
  else if (scheme == "q5") decode_q5(q, d, m, n0, rows, K, p);
  else if (scheme == "q4_k") decode_kquant<codes::Q4K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q5_k") decode_kquant<codes::Q5K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q6_k") decode_kquant<codes::Q6K>(q, d, m, n0, rows, K, G, p);
  else if (scheme == "q2_k") decode_kquant<codes::Q2K>(q, d, m, n0, rows, K, G, p);
  else decode_kquant<codes::Q3K>(q, d, m, n0, rows, K, G, p);
}

namespace {

// 16 rows at a time: bytes 4 i .. 4 i + 3 of a 64-byte load are row i's codes 0-3, widened to
// int16 they make word 2 i (codes 0-1, pair row 2 k4) and word 2 i + 1 (codes 2-3, row 2 k4 + 1).
KETCH_AVX512 void widen512(const Panel& p, int center, int64_t K, Pairs& out) {
  const __m512i c = _mm512_set1_epi16(static_cast<int16_t>(center));
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
  for (int64_t k4 = 0; k4 < K / 4; ++k4)
    for (int i = 0; i < kPanelRows; i += 16) {
      const __m512i raw = _mm512_loadu_si512(p.u.data() + k4 * kPanelRows + i);
      const __m512i lo = _mm512_sub_epi16(_mm512_cvtepu8_epi16(_mm512_castsi512_si256(raw)), c);       // rows i..i+7
      const __m512i hi = _mm512_sub_epi16(_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(raw, 1)), c); // i+8..i+15
      int32_t* dst = out.w.data() + 2 * k4 * kPanelRows + i;
      _mm512_storeu_si512(dst, _mm512_permutex2var_epi32(lo, even, hi));
      _mm512_storeu_si512(dst + kPanelRows, _mm512_permutex2var_epi32(lo, odd, hi));
    }
}

}  // namespace

// 8 rows at a time.
void widen(const Panel& p, int center, int64_t K, Pairs& out, bool avx512) {
  if (avx512) return widen512(p, center, K, out);
  const __m256i c = _mm256_set1_epi16(static_cast<int16_t>(center));
  const __m256i even_odd = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  for (int64_t k4 = 0; k4 < K / 4; ++k4)
    for (int i = 0; i < kPanelRows; i += 8) {
      const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.u.data() + k4 * kPanelRows + i));
      // rows i..i+3 and i+4..i+7 as words [A0 B0 A1 B1 ...]: A = codes 0-1, B = codes 2-3 of a row
      const __m256i lo = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm256_castsi256_si128(raw)), c);
      const __m256i hi = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm256_extracti128_si256(raw, 1)), c);
      const __m256i plo = _mm256_permutevar8x32_epi32(lo, even_odd), phi = _mm256_permutevar8x32_epi32(hi, even_odd);
      int32_t* dst = out.w.data() + 2 * k4 * kPanelRows + i;
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), _mm256_permute2x128_si256(plo, phi, 0x20));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + kPanelRows), _mm256_permute2x128_si256(plo, phi, 0x31));
    }
}


Gemm check_gemm(const char* what, const at::Tensor& x, const std::string& scheme, const at::Tensor& qs,
                const at::Tensor& d, const c10::optional<at::Tensor>& m, int64_t offset) {
  const Layout* layout = layout_of(scheme);
  TORCH_CHECK(layout != nullptr, what, " does not support the packed scheme ", scheme);
  TORCH_CHECK(x.dim() == 2 && x.scalar_type() == at::kFloat && x.is_contiguous(), "x must be contiguous fp32 [M, K]");
  TORCH_CHECK(qs.dim() == 2 && qs.is_contiguous() && d.dim() == 2 && d.is_contiguous() &&
              d.scalar_type() == at::kHalf && d.size(0) == qs.size(0), "packed weights must be contiguous 2-D, scales half");
  TORCH_CHECK(qs.scalar_type() == (scheme == "q8" ? at::kChar : at::kByte), scheme, " codes have the wrong dtype");
  TORCH_CHECK(qs.size(1) % layout->bytes == 0, scheme, " rows must be whole records of ", layout->bytes, " bytes");
  const int64_t M = x.size(0), N = qs.size(0), K = qs.size(1) / layout->bytes * layout->weights;
  TORCH_CHECK(scheme != "q4x16" || N % 16 == 0, "q4x16 weights have a multiple of 16 rows, got ", N);
  TORCH_CHECK(x.size(1) == K, "x has ", x.size(1), " features, the weight ", K);
  const int64_t per_scale = K / std::max<int64_t>(d.size(1), 1);
  TORCH_CHECK(d.size(1) * per_scale == K && (layout->group == 0 ? per_scale == 16 || per_scale == 32
                                                                 : per_scale == layout->weights),
              scheme, " scales must be half [N, K/", layout->group == 0 ? 32 : layout->weights, "]");
  TORCH_CHECK(!m.has_value() || (m->sizes() == d.sizes() && m->scalar_type() == at::kHalf && m->is_contiguous()),
              "mins must match scales");
  const int64_t G = layout->group == 0 ? per_scale : layout->group;
  const bool bias = m.has_value() || offset != 0 || (layout->center != 128 && scheme != "q4" && scheme != "q4x16");
  return {layout, M, N, K, G, bias};
}

}  // namespace ketch::panels
