// What the 16-row tile kernels (q4x16.cpp, q8x16.cpp) share: how many tiles one thread task takes,
// and the walk over tiles in chunks that stay in L2 while every group of activation rows passes.
#pragma once

#include <algorithm>
#include <cstdint>

namespace ketch::tiles {

// Tiles of `tile_bytes` weight bytes per parallel task for `rows` activation rows: below ~32 KiB of
// weights (times the rows) a task costs more to hand over than it saves.
inline int64_t per_task(int64_t tile_bytes, int64_t rows) {
  const int64_t bytes = tile_bytes * std::max<int64_t>(rows, 1);
  return std::max<int64_t>(1, (int64_t{32} << 10) / std::max<int64_t>(bytes, 1));
}

// fn(c0, c1) over [t0, t1) in chunks of at most `chunk` tiles, in order.
template <typename Fn>
void for_chunks(int64_t t0, int64_t t1, int64_t chunk, Fn&& fn) {
  for (int64_t c0 = t0; c0 < t1; c0 += chunk) fn(c0, std::min(t1, c0 + chunk));
}

}  // namespace ketch::tiles
