// Decoders of the q5 and K-quant code layouts (packed.h) into int8 codes in registers,
// shared by the few-row kernels (rows_*.cpp, lowbit.cpp) and the int8 GEMM's panels (int8_gemm.cpp).
#pragma once

#include <immintrin.h>

#include <cstdint>
#include <cstring>
#include <utility>

namespace ketch::codes {

constexpr int64_t kSuper = 256;  // K-quant super-block

inline __m256i load256(const uint8_t* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
inline __m256i bytes(int v) { return _mm256_set1_epi8(static_cast<char>(v)); }
// The low (high = false) or high nibbles of 32 bytes at p, one per byte.
inline __m256i nibbles(const uint8_t* p, bool high) {
  const __m256i v = load256(p);
  return _mm256_and_si256(high ? _mm256_srli_epi16(v, 4) : v, bytes(0x0F));
}

// 8 consecutive bytes as 8 floats.
inline __m256 u8x8(const uint8_t* p) {
  return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
}
inline __m256 i8x8(const uint8_t* p) {
  return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
}

template <typename F, int... I>
inline void unroll_seq(F&& f, std::integer_sequence<int, I...>) { (f(std::integral_constant<int, I>{}), ...); }
template <int Count, typename F>
inline void unroll(F&& f) { unroll_seq(f, std::make_integer_sequence<int, Count>{}); }

// q5: 32 int8 codes q - 16 of one 20-byte block, in weight order.
inline __m256i q5_codes(const uint8_t* p) {
  // Both nibble halves at once: the upper 128-bit lane shifted right by 4.
  const __m256i raw = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  const __m256i nib = _mm256_and_si256(_mm256_srlv_epi32(raw, _mm256_setr_epi32(0, 0, 0, 0, 4, 4, 4, 4)), bytes(0x0F));
  int32_t h;
  std::memcpy(&h, p + 16, 4);
  // Byte i of the broadcast holds high-bit byte i % 4; weight i's bit is i / 4 of it.
  const __m256i bit = _mm256_setr_epi8(1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 32, 32, 32, 32,
                                       64, 64, 64, 64, -128, -128, -128, -128);
  const __m256i clear = _mm256_cmpeq_epi8(_mm256_and_si256(_mm256_set1_epi32(h), bit), _mm256_setzero_si256());
  return _mm256_or_si256(nib, _mm256_and_si256(clear, bytes(0xF0)));  // no high bit: nib - 16 as int8
}

// K-quant super-block decoders. codes<t>() gives the 32 codes of sub-block t (0..7) as int8, in
// weight order, as the reference multiplies them by their scale; centered<t>() is codes - kCenter,
// what the matmul multiplies (smaller integers, so the int16 rounding of x weighs less); the center
// is added back through the block sums together with the mins. scale(g) / minimum(g): the integer scale and min of
// 16-weight group g; scales8(i) / mins8(i): those of sum groups 8i..8i+7 (sum groups are 32 or
// kSumGroup weights wide) as floats.
struct Q4K {
  static constexpr int kBytes = 144, kCenter = 8, kSumGroup = 32;
  static constexpr bool kMin = true;
  const uint8_t* p;
  explicit Q4K(const uint8_t* p_) : p(p_) {}
  template <int t> __m256i codes() const { return nibbles(p + 32 * (t / 2), t % 2); }
  template <int t> __m256i centered() const { return _mm256_sub_epi8(codes<t>(), bytes(kCenter)); }
  int scale(int g) const { return p[128 + g / 2]; }
  int minimum(int g) const { return p[136 + g / 2]; }
  __m256 scales8(int) const { return u8x8(p + 128); }
  __m256 mins8(int) const { return u8x8(p + 136); }
};

struct Q5K {
  static constexpr int kBytes = 176, kCenter = 16, kSumGroup = 32;
  static constexpr bool kMin = true;
  const uint8_t* p;
  const __m256i qh;
  explicit Q5K(const uint8_t* p_) : p(p_), qh(load256(p_ + 128)) {}
  template <int t> __m256i codes() const {
    const __m256i nib = nibbles(p + 32 * (t / 2), t % 2);
    const __m256i bit = bytes(1 << t);
    return _mm256_or_si256(nib, _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(qh, bit), bit), bytes(0x10)));
  }
  template <int t> __m256i centered() const {  // q - 16 straight: a clear high bit sets 0xF0 (-16)
    const __m256i nib = nibbles(p + 32 * (t / 2), t % 2);
    const __m256i clear = _mm256_cmpeq_epi8(_mm256_and_si256(qh, bytes(1 << t)), _mm256_setzero_si256());
    return _mm256_or_si256(nib, _mm256_and_si256(clear, bytes(0xF0)));
  }
  int scale(int g) const { return p[160 + g / 2]; }
  int minimum(int g) const { return p[168 + g / 2]; }
  __m256 scales8(int) const { return u8x8(p + 160); }
  __m256 mins8(int) const { return u8x8(p + 168); }
};

struct Q6K {
  static constexpr int kBytes = 208, kCenter = 0, kSumGroup = 0;
  static constexpr bool kMin = false;
  const uint8_t* p;
  explicit Q6K(const uint8_t* p_) : p(p_) {}
  template <int t> __m256i codes() const {  // half t / 4; 32-byte ql chunk t % 2, nibble (t / 2) % 2
    constexpr int h = t / 4, s = t % 4;
    const __m256i nib = nibbles(p + 64 * h + 32 * (s % 2), s / 2);
    const __m256i hb = _mm256_and_si256(load256(p + 128 + 32 * h), bytes(3 << (2 * s)));
    // The 2 high bits to bits 4-5 of each byte (masked first, so no bit crosses a byte).
    const __m256i hi = s == 0 ? _mm256_slli_epi16(hb, 4) : s == 1 ? _mm256_slli_epi16(hb, 2)
                       : s == 2 ? hb : _mm256_srli_epi16(hb, 2);
    return _mm256_sub_epi8(_mm256_or_si256(nib, hi), bytes(32));
  }
  template <int t> __m256i centered() const { return codes<t>(); }
  int scale(int g) const { return static_cast<int8_t>(p[192 + g]); }
  int minimum(int) const { return 0; }
  __m256 scales8(int i) const { return i8x8(p + 192 + 8 * i); }
  __m256 mins8(int) const { return _mm256_setzero_ps(); }
};

struct Q2K {
  static constexpr int kBytes = 80, kCenter = 2, kSumGroup = 16;
  static constexpr bool kMin = true;
  const uint8_t* p;
  explicit Q2K(const uint8_t* p_) : p(p_) {}
  template <int t> __m256i codes() const {
    return _mm256_and_si256(_mm256_srli_epi16(load256(p + 32 * (t / 4)), 2 * (t % 4)), bytes(3));
  }
  template <int t> __m256i centered() const { return _mm256_sub_epi8(codes<t>(), bytes(kCenter)); }
  int scale(int g) const { return p[64 + g] & 0x0F; }
  int minimum(int g) const { return p[64 + g] >> 4; }
  __m256 scales8(int i) const {
    const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + 64 + 8 * i));
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(v, _mm_set1_epi8(0x0F))));
  }
  __m256 mins8(int i) const {
    const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + 64 + 8 * i));
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F))));
  }
};

struct Q3K {
  static constexpr int kBytes = 112, kCenter = 0, kSumGroup = 0;
  static constexpr bool kMin = false;
  const uint8_t* p;
  const __m256i hm;
  explicit Q3K(const uint8_t* p_) : p(p_), hm(load256(p_)) {}
  template <int t> __m256i codes() const {
    const __m256i low = _mm256_and_si256(_mm256_srli_epi16(load256(p + 32 + 32 * (t / 4)), 2 * (t % 4)), bytes(3));
    const __m256i clear = _mm256_cmpeq_epi8(_mm256_and_si256(hm, bytes(1 << t)), _mm256_setzero_si256());
    return _mm256_or_si256(low, _mm256_and_si256(clear, bytes(0xFC)));  // no high bit: low - 4 as int8
  }
  template <int t> __m256i centered() const { return codes<t>(); }
  int scale(int g) const { return static_cast<int8_t>(p[96 + g]); }
  int minimum(int) const { return 0; }
  __m256 scales8(int i) const { return i8x8(p + 96 + 8 * i); }
  __m256 mins8(int) const { return _mm256_setzero_ps(); }
};

}  // namespace ketch::codes
