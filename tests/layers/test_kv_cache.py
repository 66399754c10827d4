"""The KV pool's storage: zeroed, and on the CPU resident only where written."""
from __future__ import annotations

import gc
import os

import torch

from ketch.layers import kv_cache


def _rss_bytes() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _pool(blocks: int) -> torch.Tensor:
    return kv_cache.allocate(blocks, 16, 4, 64, torch.float16, torch.device("cpu"))


def test_cpu_pool_is_zero_and_resident_only_where_written():
    blocks = 8192  # 64 MiB of fp16 cache
    before = _rss_bytes()
    pool = _pool(blocks)
    assert pool.shape == (blocks, 16, 4, 64) and pool.dtype == torch.float16 and pool.is_contiguous()
    # reading every page maps the shared zero page: nothing resident (numpy reads in place; a
    # torch reduction's first call would add its own thread-pool memory to the count)
    assert not pool.numpy().any()
    read = _rss_bytes() - before
    assert read < 4 << 20, f"a fresh 64 MiB pool, read through, holds {read} bytes"
    view = pool.numpy()  # numpy writes in place too, with no first-call memory of its own
    view[5] = 1.0
    view[8000, 3] = -2.0
    written = _rss_bytes() - before - read
    assert written < 1 << 20, f"writing 2 blocks made {written} bytes resident"
    assert float(pool[5].float().sum()) == 16 * 4 * 64 and float(pool[8000].float().sum()) == -2.0 * 4 * 64
    assert not pool[6:8000].numpy().any()


def test_pool_outlives_its_allocation_and_int8_rows_hold_scales():
    pool = _pool(8)
    gc.collect()  # only the tensor refers to the mapping now
    pool[1, 2] = 3.0
    assert float(pool.float().sum()) == 3.0 * 4 * 64
    int8 = kv_cache.allocate(4, 16, 2, 64, torch.int8, torch.device("cpu"))
    assert int8.shape == (4, 16, 2, 64 + kv_cache.SCALE_BYTES) and int(int8.abs().sum()) == 0
