"""Asymmetric min/max group quantization: the grid every method here (RTN, GPTQ, AWQ) rounds onto.

A group of weights gets a scale (fp16-exact, as the checkpoints store it) and an integer zero
point; code q stands for ``(q - zero) * scale``. The range always includes 0, as AutoGPTQ's and
AutoAWQ's quantizers do, so an all-positive group still represents zero exactly.

Groups are runs of ``group`` consecutive input columns; when the input width is not a multiple
of the group size the last group is shorter (AutoGPTQ's ``g_idx = i // group`` convention), so
e.g. SmolLM2's 576-wide layers take group 128 as four groups of 128 and one of 64.
"""
from __future__ import annotations

import torch

from ketch.formats.gptq import group_index  # the checkpoint layout defines the groups

_MIN_SCALE = 2.0 ** -14  # smallest normal fp16: a constant group must not get a zero (or subnormal) scale


def minmax_params(w: torch.Tensor, bits: int) -> tuple[torch.Tensor, torch.Tensor]:
    """w [..., g] -> (scale, zero) over the last dim, both float [...]; zero is integral."""
    top = (1 << bits) - 1
    lo, hi = w.amin(-1).clamp(max=0), w.amax(-1).clamp(min=0)
    scale = ((hi - lo) / top).clamp(min=_MIN_SCALE).half().float()
    zero = torch.round(-lo / scale).clamp(0, top)
    return scale, zero


def to_codes(w: torch.Tensor, scale: torch.Tensor, zero: torch.Tensor, bits: int) -> torch.Tensor:
    """Round ``w`` onto the grid (scale/zero broadcast against w); float codes in 0..2^bits-1."""
    return torch.round(w / scale + zero).clamp(0, (1 << bits) - 1)


def num_groups(k: int, group: int) -> int:
    return 1 if group == -1 else -(-k // group)


def grouped(w: torch.Tensor, group: int) -> torch.Tensor:
    """w [..., K] -> [..., G, g]; a short last group is padded by repeating its last column, which
    changes neither its min nor its max (callers drop the padding again with :func:`ungrouped`)."""
    k = w.shape[-1]
    g = k if group == -1 else group
    pad = num_groups(k, group) * g - k
    if pad:
        w = torch.cat((w, w[..., -1:].expand(*w.shape[:-1], pad)), dim=-1)
    return w.reshape(*w.shape[:-1], -1, g)


def ungrouped(w: torch.Tensor, k: int) -> torch.Tensor:
    return w.reshape(*w.shape[:-2], -1)[..., :k]


def fake_quantize(w: torch.Tensor, group: int, bits: int) -> torch.Tensor:
    """w [N, K] rounded onto its own per-group grid and mapped back to float (same shape)."""
    g = grouped(w, group)
    scale, zero = minmax_params(g, bits)
    scale, zero = scale.unsqueeze(-1), zero.unsqueeze(-1)
    return ungrouped((to_codes(g, scale, zero, bits) - zero) * scale, w.shape[-1])


def rtn_quantize(w: torch.Tensor, group: int, bits: int = 4) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """w [N, K] -> codes int32 [K, N] in 0..2^bits-1, zeros int32 [G, N], scales float [G, N] (fp16-exact).

    ``group`` -1 means one group per output channel (all K inputs).
    """
    n, k = w.shape
    g = grouped(w.float(), group)  # [N, G, g]
    scales, zeros = minmax_params(g, bits)  # [N, G]
    codes = ungrouped(to_codes(g, scales.unsqueeze(-1), zeros.unsqueeze(-1), bits), k)  # [N, K]
    return codes.T.contiguous().to(torch.int32), zeros.T.contiguous().to(torch.int32), scales.T.contiguous()


def dequantize_codes(codes: torch.Tensor, zeros: torch.Tensor, scales: torch.Tensor, group: int) -> torch.Tensor:
    """(codes [K, N], zeros [G, N], scales [G, N]) -> the float weight [N, K]."""
    idx = group_index(codes.shape[0], group)
    return ((codes.float() - zeros.float()[idx]) * scales[idx]).T
