"""GPTQ (4- and 8-bit) and AWQ (4-bit) group-wise checkpoints, as AutoGPTQ / AutoAWQ / transformers
write them.

Per linear layer ``P``: ``P.qweight`` (int32, eight 4-bit codes per word), ``P.qzeros`` (int32,
packed zero points), ``P.scales`` (fp16 [K/g, N]) and, for GPTQ, ``P.g_idx``. The codes map onto
ketch's q4 (or, 8-bit, q8) planes: each 32-wide block takes its group's scale and min
``-zero * scale`` (rounded to fp16, like the K-quant sub-block scales). Act-order GPTQ (``desc_act``, a shuffled ``g_idx``)
does not fit contiguous blocks; those layers are dequantized at load instead.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import torch

from ketch.quant.packed import BLOCK, PackedWeight

_PARTS = ("qweight", "qzeros", "scales", "g_idx")
_AWQ_ORDER = (0, 4, 1, 5, 2, 6, 3, 7)  # AutoAWQ interleaves the 8 nibbles of a word


def group_index(k: int, group: int) -> torch.Tensor:
    """Group of each input column [K] (GPTQ's ``g_idx`` without act-order)."""
    return torch.zeros(k, dtype=torch.long) if group == -1 else torch.arange(k) // group


def _unpack_rows(words: torch.Tensor, bits: int = 4) -> torch.Tensor:
    """int32 [R, C] -> codes [R * 32/bits, C] (int32); code j of a word sits at bits j*bits.."""
    per = 32 // bits
    shifts = torch.arange(0, 32, bits, dtype=torch.int32)
    codes = (words.unsqueeze(1) >> shifts.view(1, per, 1)) & ((1 << bits) - 1)  # [R, per, C]
    return codes.reshape(-1, words.shape[1])


def _unpack_cols(words: torch.Tensor, order: tuple[int, ...] | None = None, bits: int = 4) -> torch.Tensor:
    """int32 [R, C] -> codes [R, C * 32/bits] (int32), packed along columns."""
    shifts = torch.arange(0, 32, bits, dtype=torch.int32)
    codes = (words.unsqueeze(-1) >> shifts) & ((1 << bits) - 1)  # [R, C, per]
    if order is not None:  # position p of the word holds logical column order.index(p)
        codes = codes[..., list(order)]
    return codes.reshape(words.shape[0], -1)


def codes_and_params(parts: dict[str, torch.Tensor], method: str, fmt: str, bits: int = 4, group: int = -1
                     ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """(codes int32 [K, N], zeros float [G, N], scales float [G, N], group of each input row [K]).

    Rows follow ``g_idx`` when the checkpoint has one, else runs of ``group`` rows (the last one
    may be short, as AutoGPTQ writes for widths that are not a multiple of the group size).
    """
    scales = parts["scales"].float()
    if method == "awq":
        codes = _unpack_cols(parts["qweight"], _AWQ_ORDER)
        zeros = _unpack_cols(parts["qzeros"], _AWQ_ORDER).float()
    else:
        codes = _unpack_rows(parts["qweight"], bits)
        zeros = _unpack_cols(parts["qzeros"], bits=bits).float()
        if fmt != "gptq_v2":
            zeros = zeros + 1  # the original GPTQ format stores zero - 1
    k = codes.shape[0]
    g_idx = parts.get("g_idx")
    rows = g_idx.long() if g_idx is not None and method != "awq" else group_index(k, group)
    if rows.shape != (k,) or int(rows.max()) >= scales.shape[0] or int(rows.min()) < 0 \
            or zeros.shape[0] != scales.shape[0]:
        raise ValueError(f"{method} tensors disagree: {k} input rows, {scales.shape[0]} scale groups, "
                         f"{zeros.shape[0]} zero groups (group_size {group})")
    return codes, zeros, scales, rows


def dequantize_gptq(parts: dict[str, torch.Tensor], method: str, fmt: str, bits: int = 4,
                    group: int = -1) -> torch.Tensor:
    """The float weight [N, K] (reference path, and act-order layers)."""
    codes, zeros, scales, rows = codes_and_params(parts, method, fmt, bits, group)
    return ((codes.float() - zeros[rows]) * scales[rows]).T.contiguous()


def pack_gptq(parts: dict[str, torch.Tensor], method: str, fmt: str, bits: int = 4,
              group: int = -1) -> PackedWeight | None:
    """ketch's q4 (4-bit) or q8 (8-bit) planes for one layer, or None when its layout cannot be kept packed."""
    codes, zeros, scales, rows = codes_and_params(parts, method, fmt, bits, group)
    k, n = codes.shape
    if k % BLOCK:
        return None
    blocks = rows.view(k // BLOCK, BLOCK)
    if not bool((blocks == blocks[:, :1]).all()) or not bool((rows[1:] >= rows[:-1]).all()):
        return None  # act-order: groups are not contiguous runs of the input
    block_group = blocks[:, 0]
    d = scales[block_group].T  # [N, K/32]
    m = (-(zeros * scales))[block_group].T
    if bits == 8:  # codes 0..255 centered to int8 (q - 128); the kernel adds the 128 back exactly
        q8 = (codes.T - 128).to(torch.int8).contiguous()
        return PackedWeight("q8", q8, d.to(torch.float16).contiguous(), m.to(torch.float16).contiguous(),
                            f"{method.upper()}8", offset=128)
    q = codes.T.to(torch.uint8).reshape(n, k // BLOCK, BLOCK)
    qs = (q[..., :16] | (q[..., 16:] << 4)).reshape(n, k // 2).contiguous()
    return PackedWeight("q4", qs, d.to(torch.float16).contiguous(), m.to(torch.float16).contiguous(),
                        method.upper())


def iter_quantized(tensors: Iterator[tuple[str, torch.Tensor]], qcfg: dict[str, Any], keep_packed: bool
                   ) -> Iterator[tuple[str, torch.Tensor | PackedWeight]]:
    """Turn a GPTQ/AWQ checkpoint's tensors into (``P.weight``, packed or float) pairs."""
    method = str(qcfg.get("quant_method", "")).lower()
    if method not in ("gptq", "awq"):
        raise ValueError(f"unsupported quantization method {method!r} (supported: gptq, awq)")
    bits = int(qcfg.get("bits", qcfg.get("w_bit", 4)))
    if bits not in (4, 8) or (method == "awq" and bits != 4):
        raise NotImplementedError(f"{method} with {bits}-bit weights is not supported yet "
                                  "(supported: 4-bit GPTQ/AWQ, 8-bit GPTQ)")
    fmt = str(qcfg.get("checkpoint_format", "gptq"))
    group_size = int(qcfg.get("group_size", qcfg.get("q_group_size", -1)))
    pending: dict[str, dict[str, torch.Tensor]] = {}
    needed = {"qweight", "qzeros", "scales"}

    def weight(prefix: str, parts: dict[str, torch.Tensor]) -> tuple[str, torch.Tensor | PackedWeight]:
        packed = pack_gptq(parts, method, fmt, bits, group_size) if keep_packed else None
        return f"{prefix}.weight", packed if packed is not None else dequantize_gptq(parts, method, fmt, bits,
                                                                                    group_size)

    for name, tensor in tensors:
        prefix, _, part = name.rpartition(".")
        if part not in _PARTS:
            yield name, tensor
            continue
        parts = pending.setdefault(prefix, {})
        parts[part] = tensor
        if needed <= parts.keys() and (method == "awq" or "g_idx" in parts):
            del pending[prefix]
            yield weight(prefix, parts)
    for prefix, parts in pending.items():  # GPTQ files without g_idx
        if not needed <= parts.keys():
            raise ValueError(f"{prefix}: incomplete {method} tensors (have {sorted(parts)})")
        yield weight(prefix, parts)
