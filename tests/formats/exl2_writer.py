"""Write float weights in exllamav2's EXL2 layout (test helper): RTN, per-group mixed bit widths.

Mirrors exllamav2's converter step by step (``AdaptiveQuantizer.find_params`` without its error
search, ``quantize_rtn`` kernel, ``AdaptiveGPTQ.pack``, the ``pack_columns`` / ``pack_rows_4``
kernels), so its files are laid out as exllamav2 writes them. Written independently of
``ketch.formats.exl2``: codes are packed in exllamav2's chunks of 1, 3 or 5 words, not as a bit stream.
Returns the dequantized float weights so tests can build the exact reference model.
"""
from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from pathlib import Path

import torch

from tests.formats.checkpoint_writer import write_checkpoint

Plan = list[tuple[int, int]]  # (bits, rows) per group in stored (permuted) row order


def _int32(v: torch.Tensor) -> torch.Tensor:
    v = v & 0xFFFFFFFF
    return torch.where(v >= 2**31, v - 2**32, v).to(torch.int32)


def pack_columns(codes: torch.Tensor, bits: int) -> torch.Tensor:
    """[rows, N] codes -> int32 [ceil(rows*bits/32), N] as exllamav2's pack_columns kernel."""
    rows, n = codes.shape
    chunk_rows, chunk_words = {2: (16, 1), 3: (32, 3), 4: (8, 1), 5: (32, 5), 6: (16, 3), 8: (4, 1)}[bits]
    chunks = -(-rows // chunk_rows)
    c = torch.zeros(chunks * chunk_rows, n, dtype=torch.int64)
    c[:rows] = codes.to(torch.int64)
    c = c.view(chunks, chunk_rows, n)
    words = torch.zeros(chunks, chunk_words, n, dtype=torch.int64)
    for i in range(chunk_rows):  # code i of a chunk starts at bit i*bits of its 32*chunk_words bits
        for w in range(chunk_words):
            shift = i * bits - 32 * w
            if -32 < shift < 32:
                words[:, w] |= (c[:, i] << shift) if shift >= 0 else (c[:, i] >> -shift)
    return _int32(words.reshape(chunks * chunk_words, n)[: math.ceil(rows * bits / 32)])


def quantize_exl2(w: torch.Tensor, plan: Plan, perm: torch.Tensor
                  ) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """w [N, K] -> (EXL2 tensors by suffix, dequantized float weight [N, K])."""
    n, k = w.shape
    stored = w.float().T[perm]  # [K, N]: act-order rows
    pad = -n % 32
    codes, idx, scale_max, dense, q_groups, packed = [], [], [], [], [], []
    a, out_row = 0, 0
    for bits, size in plan:
        b = min(a + size, k)
        x = stored[a:b]
        maxq, zero = 2**bits - 1, 2 ** (bits - 1)
        base = (x.abs().amax(0) + 1e-12) / (maxq / 2)
        q_idx = torch.clamp(torch.round(torch.sqrt(base / base.max()) * 16), 1, 16)
        best = None
        for p in torch.linspace(0.7, 1.2, 26):  # exllamav2 stretches all scales by the p of least error
            smax = base.max() * p
            prescale = torch.tensor([1 / 256], dtype=torch.half)
            s = ((q_idx * q_idx).half() * (smax.half() * prescale)).float()
            q = torch.clamp(torch.round(x / s) + zero, 0, maxq)
            err = float(((q - zero) * s - x).abs().pow(3.5).sum())
            if best is None or err < best[0]:
                best = err, smax, s, q
        _, smax, s, q = best
        dense.append((q - zero) * s)
        padded = torch.cat((q, torch.full((b - a, pad), float(zero))), dim=1).to(torch.int64)
        packed.append(pack_columns(padded, bits))
        q_groups += [bits, out_row]
        out_row += packed[-1].shape[0]
        codes.append(q)
        idx.append(q_idx)
        scale_max.append(smax.half())
        a = b
    assert a == k, f"plan covers {a} of {k} rows"
    # exllamav2 pads q_scale with 0, and pack_rows_4's (x - 1) then sets those nibbles to 0xF
    nibbles = torch.cat((torch.stack(idx).to(torch.int64) - 1, torch.full((len(idx), pad), 15)), dim=1)
    nibbles = nibbles.view(len(idx), (n + pad) // 8, 8)
    q_scale = _int32(sum(nibbles[..., i] << (4 * i) for i in range(8)))
    invperm = torch.argsort(perm)
    parts = {"q_weight": torch.cat(packed), "q_scale": q_scale, "q_scale_max": torch.stack(scale_max),
             "q_groups": torch.tensor(q_groups, dtype=torch.int16), "q_invperm": invperm.to(torch.int32)}
    return parts, torch.cat(dense)[invperm].T.contiguous()


def input_perm(key: str, k: int) -> torch.Tensor:
    """A fixed pseudo-random act-order for one input (q/k/v share one, gate/up too, as exllamav2's reuse_h)."""
    return torch.randperm(k, generator=torch.Generator().manual_seed(zlib.crc32(key.encode())))


def write_exl2(model, src: Path, out: Path, plan_of: Callable[[str, int], Plan | None],
               config_entry: bool = False) -> dict[str, torch.Tensor]:
    """Write ``model`` as an EXL2 checkpoint; ``plan_of(name, K)`` picks each weight's groups (None: keep float).

    ``config_entry`` adds the ``quantization_config`` exllamav2 writes with ``-cf``; without it only
    the tensors say EXL2, as in most EXL2 repos. Returns the dequantized weights by name.
    """
    def quantize(name: str, t: torch.Tensor):
        quantizable = name == "lm_head.weight" or (t.dim() == 2 and name.endswith("_proj.weight"))
        plan = plan_of(name, t.shape[1]) if quantizable else None
        if plan is None:
            return None
        prefix = name[: -len(".weight")]
        family = prefix.replace("k_proj", "q_proj").replace("v_proj", "q_proj").replace("gate_proj", "up_proj")
        parts, dense = quantize_exl2(t, plan, input_perm(family, t.shape[1]))
        return {f"{prefix}.{part}": v for part, v in parts.items()}, dense

    qcfg = {"quant_method": "exl2", "version": "0.2.8", "bits": 5.0, "head_bits": 6,
            "calibration": {"rows": 115, "length": 2048, "dataset": "(default)"}} if config_entry else None
    return write_checkpoint(model, src, out, quantize, qcfg)
