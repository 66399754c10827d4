"""The paged KV cache's storage: one tensor per layer and side, in float or int8 rows.

A float cache is ``[num_blocks, block_size, kv_heads, head_dim]`` of its dtype. An int8 cache
(``torch.int8``) keeps each (token, kv head) row as ``head_dim`` codes followed by the row's
fp32 scale in 4 bytes: ``[num_blocks, block_size, kv_heads, head_dim + 4]``, so one slot is one
contiguous run of bytes and the decode op reads codes and scale together (llama.cpp's q8_0
cache keeps its scales inline the same way). Rows are rounded symmetrically: code =
round(x * 127 / max|x|), scale = max|x| / 127; the C++ decode op writes them bit for bit alike.
"""
from __future__ import annotations

import math
import mmap

import torch

from ketch.config import KV_INT8_SCALE_BYTES as SCALE_BYTES

_CODE_MAX = 127.0


def allocate(num_blocks: int, block_size: int, kv_heads: int, head_dim: int, dtype: torch.dtype,
             device: torch.device) -> torch.Tensor:
    """One side (keys or values) of one layer's cache, zeroed.

    On the CPU the zeros come from an anonymous mapping, which the kernel backs with memory only
    when a page is first written: a pool sized for the whole context window holds resident only
    the blocks sequences have used (torch.zeros would write, and so keep, every page).
    """
    last = head_dim + SCALE_BYTES if dtype == torch.int8 else head_dim
    shape = (num_blocks, block_size, kv_heads, last)
    if torch.device(device).type != "cpu":
        return torch.zeros(shape, dtype=dtype, device=device)
    count = math.prod(shape)
    if count == 0:
        return torch.zeros(shape, dtype=dtype, device=device)
    # private: reading a page never written maps the shared zero page instead of allocating one
    pages = mmap.mmap(-1, count * dtype.itemsize, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS,
                      prot=mmap.PROT_READ | mmap.PROT_WRITE)
    if hasattr(mmap, "MADV_NOHUGEPAGE"):  # with THP "always", one written block would fault in 2 MiB
        pages.madvise(mmap.MADV_NOHUGEPAGE)
    return torch.frombuffer(pages, dtype=dtype, count=count).view(shape)  # keeps the mapping alive


def quantize_rows(x: torch.Tensor) -> torch.Tensor:
    """Float rows [..., D] -> int8 rows [..., D + 4]: codes, then the fp32 scale's bytes."""
    x = x.float()
    amax = x.abs().amax(-1, keepdim=True)
    inv = torch.where(amax > 0, _CODE_MAX / amax, torch.zeros_like(amax))
    codes = torch.round(x * inv).clamp_(-_CODE_MAX, _CODE_MAX).to(torch.int8)
    return torch.cat([codes, (amax / _CODE_MAX).view(torch.int8)], dim=-1)


def dequantize_rows(rows: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """int8 rows [..., D + 4] -> float rows [..., D] of ``dtype``."""
    d = rows.shape[-1] - SCALE_BYTES
    scale = rows[..., d:].contiguous().view(torch.float32)
    return (rows[..., :d].float() * scale).to(dtype)


def write(cache: torch.Tensor, slots: torch.Tensor, x: torch.Tensor) -> None:
    """Store rows ``x`` [T, kv_heads, D] at flat slots ``slots`` [T] (a narrower cache rounds)."""
    flat = cache.view(-1, *cache.shape[2:])
    flat.index_copy_(0, slots, quantize_rows(x) if cache.dtype == torch.int8 else x.to(cache.dtype))


def read(cache: torch.Tensor, index: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """The rows at flat slots ``index`` (any shape), as [*index.shape, kv_heads, D] of ``dtype``."""
    rows = cache.view(-1, *cache.shape[2:])[index]
    return dequantize_rows(rows, dtype) if cache.dtype == torch.int8 else rows.to(dtype)
