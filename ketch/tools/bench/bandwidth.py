"""The machine's memory read bandwidth, and what it bounds single-stream decode to.

Decoding one token reads every weight once (plus a little KV cache), so ``bandwidth / weight
bytes`` tokens per second is the ceiling; a decode figure is reported as its fraction of that.
"""
from __future__ import annotations

import time

import torch

READ_BYTES = 1 << 29  # 512 MiB: far beyond any L3 (32 MiB on the machines seen so far)


def read_bandwidth(threads: int, nbytes: int = READ_BYTES, repeats: int = 5) -> float:
    """Bytes per second that ``threads`` threads read from memory: the best of ``repeats`` sums of
    an ``nbytes`` fp32 buffer (torch's reduction: vector loads, several accumulators per thread)."""
    prev = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        buf = torch.ones(nbytes // 4, dtype=torch.float32)  # written once: every page is mapped
        buf.sum()
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            buf.sum()
            best = min(best, time.perf_counter() - t0)
        return nbytes / best
    finally:
        torch.set_num_threads(prev)


def weight_bytes(model: torch.nn.Module) -> int:
    """Bytes a decode step reads: every parameter and buffer once (a tied LM head is read whole, and
    is the embedding table; RoPE tables and other small buffers are counted too, a slight overcount)."""
    seen: set[int] = set()
    total = 0
    for t in [*model.parameters(), *model.buffers()]:
        if t.data_ptr() in seen:
            continue
        seen.add(t.data_ptr())
        total += t.numel() * t.element_size()
    return total
