"""EXL2 checkpoints (exllamav2's format): group-wise mixed bit widths, repacked at load into ketch's planes.

On disk, per linear layer ``P`` with K input and N output features (exllamav2 calls the K input
features "rows" and the N outputs "columns"):

- ``P.q_invperm`` int32 [K]. The converter quantizes the input features in activation order (largest
  Hessian diagonal first): stored row k is input feature ``perm[k]``, ``perm = argsort(q_invperm)``.
  A ``q_perm`` or ``q_group_map`` tensor, if present, is derived data (exllamav2 rebuilds both at load).
- ``P.q_groups`` int16 [2G]: per group, in stored row order, its bit width (2, 3, 4, 5, 6 or 8) and the
  index of its first packed row in ``q_weight``. A group spans (next offset - offset) * 32 / bits
  input rows; the last one what is left of K. The converter cuts groups of 32, 64 or 128 rows and
  lists the widths in decreasing order, so a layer mixes e.g. 6- and 5-bit groups.
- ``P.q_weight`` int32 [packed rows, N']: per group and output column, the group's codes as one
  little-endian bit stream, row r at bits r*bits.. of it (a 3-, 5- or 6-bit code may straddle two
  words): 16 / 8 / 4 rows per word at 2 / 4 / 8 bits, 32 rows in 3 words at 3 bits, 16 in 3 at 6,
  32 in 5 at 5.
- ``P.q_scale`` int32 [G, N'/8]: one 4-bit scale index per group and column, column c at bits
  4*(c % 8) of word c // 8, stored minus one (indices 1..16 are written as 0..15).
- ``P.q_scale_max`` fp16 [G]: each group's scale unit; ``P.bias`` (optional, fp16 [N]) is a plain tensor.

N' is N rounded up to a multiple of 32 (padding columns hold the zero code); in practice only an LM
head over an odd vocabulary is padded, and it is trimmed back to ``vocab_size`` here.

Dequantization, as exllamav2's reconstruct kernel does it: the group's scale for column n is
``fp16(fp16(q_scale_max / 256) * idx^2)`` and a weight is ``(code - 2^(bits-1)) * scale``: symmetric,
the zero point is the middle code. exllamav2 computes in half precision and so also rounds each
weight to fp16; ketch keeps the exact product (at most 2^-11 relative apart), which is also what its
packed planes hold, so the packed and dequantized paths agree exactly.

Packing at load: a layer whose groups are all <= 4 bits becomes the q4 scheme (its codes as nibbles,
d = scale and m = -2^(bits-1) * scale per 32-wide block, both exact in fp16); a layer with any wider
group becomes q8 (int8 code - 2^(bits-1), d = scale, no min). Columns stay in the stored (permuted)
order and the packed layer carries ``perm`` to reorder the activations instead. Each layer gets its
own scheme: fused siblings (q/k/v, gate/up) that differ stay separate parts of one fused layer
(``MultiQuantLinear``) rather than widening a q4 sibling to q8. A layer where some 32-wide block
would span two groups (K or a group size not a multiple of 32) is dequantized at load.

Detection: exllamav2 writes ``quantization_config`` {"quant_method": "exl2", "bits": target bpw, ...}
into config.json only when it compiles a full model (``-cf``); most EXL2 repos have just the tensors,
so ``*.q_weight`` tensors mark a checkpoint as EXL2 too.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import torch

from ketch.quant.packed import BLOCK, PackedWeight

log = logging.getLogger(__name__)

BITS = (2, 3, 4, 5, 6, 8)
_REQUIRED = ("q_weight", "q_scale", "q_scale_max", "q_groups", "q_invperm")
_DERIVED = ("q_perm", "q_group_map")  # rebuilt from q_invperm / q_groups, like exllamav2 does


@dataclass(slots=True)
class Exl2Layer:
    """One layer unpacked: codes and scales in the checkpoint's (permuted) input order."""

    name: str
    codes: torch.Tensor  # uint8 [K, N]
    scales: torch.Tensor  # float32 [G, N], each exactly an fp16 value
    groups: list[tuple[int, int, int]]  # (first stored row, end row, bits) per group
    perm: torch.Tensor | None  # int64 [K]: stored row k is input feature perm[k]; None if identity

    @property
    def max_bits(self) -> int:
        return max(b for _, _, b in self.groups)

    def stored_weight(self) -> torch.Tensor:
        """float32 [K, N] in stored row order: (code - zero) * scale."""
        group_of_row = torch.cat([torch.full((e - s,), i) for i, (s, e, _) in enumerate(self.groups)])
        zero = torch.cat([torch.full((e - s,), float(1 << (b - 1))) for s, e, b in self.groups])
        return (self.codes.float() - zero[:, None]) * self.scales[group_of_row]

    def dequantize(self) -> torch.Tensor:
        """float32 [N, K] in the model's input order."""
        w = self.stored_weight().T
        return w if self.perm is None else w.index_select(1, torch.argsort(self.perm)).contiguous()

    def pack(self, scheme: str | None = None) -> PackedWeight | None:
        """q4 (all groups <= 4 bits) or q8 planes, or None when 32-wide blocks would span two groups."""
        k, n = self.codes.shape
        if k % BLOCK or any(s % BLOCK for s, _, _ in self.groups):
            return None
        scheme = scheme or ("q4" if self.max_bits <= 4 else "q8")
        assert scheme == "q8" or self.max_bits <= 4, (self.name, scheme)
        block_group = torch.cat([torch.full(((e - s) // BLOCK,), i) for i, (s, e, _) in enumerate(self.groups)])
        block_zero = torch.cat([torch.full(((e - s) // BLOCK,), float(1 << (b - 1))) for s, e, b in self.groups])
        d = self.scales[block_group].T  # [N, K/32]
        codes = self.codes.T  # [N, K]
        if scheme == "q4":
            q = codes.reshape(n, k // BLOCK, BLOCK)
            qs = (q[..., :16] | (q[..., 16:] << 4)).reshape(n, k // 2).contiguous()
            m = -(block_zero[None, :] * d)  # a power of two times an fp16 value: exact in fp16
            return PackedWeight("q4", qs, d.half().contiguous(), m.half().contiguous(), "EXL2", perm=self.perm)
        zero = block_zero.repeat_interleave(BLOCK).to(torch.int16)
        q8 = (codes.to(torch.int16) - zero).to(torch.int8).contiguous()
        return PackedWeight("q8", q8, d.half().contiguous(), None, "EXL2", perm=self.perm)


def _fail(tensor: str, message: str) -> ValueError:
    return ValueError(f"EXL2 tensor {tensor!r}: {message}")


def _integer(parts: dict[str, torch.Tensor], name: str, part: str, dims: int) -> torch.Tensor:
    t = parts[part]
    if t.dtype.is_floating_point or t.dtype.is_complex or t.dim() != dims:
        raise _fail(f"{name}.{part}", f"expected a {dims}-D integer tensor, found {t.dtype} {tuple(t.shape)}")
    return t


def _unpack_group(words: torch.Tensor, bits: int, rows: int) -> torch.Tensor:
    """int32 [R, N] packed rows of one group -> uint8 codes [rows, N] (row r at stream bits r*bits..)."""
    w = words.to(torch.int64) & 0xFFFFFFFF
    following = torch.cat((w[1:], torch.zeros_like(w[:1])))  # where a straddling code continues
    pos = torch.arange(rows) * bits
    word = pos // 32
    pair = w[word] | (following[word] << 32)  # only the low 39 bits matter below
    return ((pair >> (pos % 32)[:, None]) & ((1 << bits) - 1)).to(torch.uint8)


def decode_exl2(parts: dict[str, torch.Tensor], name: str = "layer", out_features: int | None = None) -> Exl2Layer:
    """Check and unpack one layer's EXL2 tensors (``parts``: suffix -> tensor, e.g. ``"q_weight"``)."""
    missing = [p for p in _REQUIRED if p not in parts]
    if missing:
        raise ValueError(f"{name}: incomplete EXL2 tensors, missing {', '.join(f'{name}.{p}' for p in missing)}")
    q_weight = _integer(parts, name, "q_weight", 2)
    q_scale = _integer(parts, name, "q_scale", 2)
    q_groups = _integer(parts, name, "q_groups", 1).to(torch.int64) & 0xFFFF  # exllamav2 reads uint16
    invperm = _integer(parts, name, "q_invperm", 1).to(torch.int64)
    scale_max = parts["q_scale_max"]
    k, (qrows, n_stored) = invperm.numel(), q_weight.shape
    if q_groups.numel() == 0 or q_groups.numel() % 2:
        raise _fail(f"{name}.q_groups", f"expected (bits, offset) pairs, found {q_groups.numel()} values")
    if not torch.equal(torch.sort(invperm).values, torch.arange(k)):
        raise _fail(f"{name}.q_invperm", f"not a permutation of 0..{k - 1}")
    num_groups = q_groups.numel() // 2
    if n_stored % 8 or tuple(q_scale.shape) != (num_groups, n_stored // 8):
        raise _fail(f"{name}.q_scale", f"shape {tuple(q_scale.shape)}, expected {(num_groups, n_stored // 8)} "
                                       f"for {num_groups} groups and {n_stored} columns")
    if not scale_max.dtype.is_floating_point or scale_max.numel() != num_groups:
        raise _fail(f"{name}.q_scale_max", f"expected {num_groups} float scales, found {scale_max.dtype} "
                                           f"{tuple(scale_max.shape)}")

    bits_list, offsets = q_groups[0::2].tolist(), q_groups[1::2].tolist() + [qrows]
    groups: list[tuple[int, int, int]] = []
    codes: list[torch.Tensor] = []
    row = 0
    for i, bits in enumerate(bits_list):
        if bits not in BITS:
            raise _fail(f"{name}.q_groups", f"group {i} has {bits} bits (EXL2 uses {', '.join(map(str, BITS))})")
        start, end = offsets[i], offsets[i + 1]
        if (i == 0 and start != 0) or end <= start:
            raise _fail(f"{name}.q_groups", f"group {i} packed rows {start}..{end} of {qrows} are not increasing "
                                            "from 0 (or q_weight is truncated)")
        last = i == num_groups - 1
        rows = k - row if last else (end - start) * 32 // bits
        if rows <= 0 or (not last and (end - start) * 32 % bits) or (last and -(-rows * bits // 32) != end - start):
            raise _fail(f"{name}.q_weight", f"{qrows} packed rows do not hold the {k} input rows that q_groups "
                                            f"and q_invperm describe (group {i}: {bits} bits, packed rows {start}..{end})")
        codes.append(_unpack_group(q_weight[start:end], bits, rows))
        groups.append((row, row + rows, bits))
        row += rows

    shifts = torch.arange(0, 32, 4, dtype=torch.int64)
    index = ((q_scale.to(torch.int64).unsqueeze(-1) >> shifts) & 0xF).reshape(num_groups, n_stored) + 1
    unit = (scale_max.float() / 256).half().float()  # exllamav2 prescales q_scale_max in fp16
    scales = (unit[:, None] * (index * index).float()).half().float()
    codes_t = torch.cat(codes)
    if out_features is not None and out_features != n_stored:
        if not 0 < n_stored - out_features < 32:
            raise _fail(f"{name}.q_weight", f"{n_stored} columns, expected {out_features} (padded to a multiple of 32)")
        codes_t, scales = codes_t[:, :out_features], scales[:, :out_features]
    perm = torch.argsort(invperm)
    identity = torch.equal(perm, torch.arange(k))
    return Exl2Layer(name, codes_t.contiguous(), scales.contiguous(), groups, None if identity else perm)


def dequantize_exl2(parts: dict[str, torch.Tensor], name: str = "layer", out_features: int | None = None
                    ) -> torch.Tensor:
    """The float weight [N, K] of one layer, in the model's input order (reference path)."""
    return decode_exl2(parts, name, out_features).dequantize()


def pack_exl2(parts: dict[str, torch.Tensor], name: str = "layer", scheme: str | None = None
              ) -> PackedWeight | None:
    """ketch's packed planes for one layer (with ``perm``), or None where 32-blocks would span groups."""
    return decode_exl2(parts, name).pack(scheme)


def iter_exl2(tensors: Iterable[tuple[str, torch.Tensor]], keep_packed: bool, vocab_size: int | None = None
              ) -> Iterator[tuple[str, torch.Tensor | PackedWeight]]:
    """Turn an EXL2 checkpoint's tensors into (``P.weight``, packed or float) pairs; others pass through."""
    pending: dict[str, dict[str, torch.Tensor]] = {}
    unpacked: list[str] = []
    for name, tensor in tensors:
        prefix, _, part = name.rpartition(".")
        if part in _DERIVED:
            continue
        if part not in _REQUIRED:
            yield name, tensor
            continue
        group = pending.setdefault(prefix, {})
        group[part] = tensor
        if len(group) < len(_REQUIRED):
            continue
        del pending[prefix]
        layer = decode_exl2(group, prefix, vocab_size if prefix.endswith("lm_head") else None)
        packed = layer.pack() if keep_packed else None  # q4 if every group is <= 4 bits, else q8
        if keep_packed and packed is None:
            unpacked.append(layer.name)
        yield f"{layer.name}.weight", packed if packed is not None else layer.dequantize()
    for prefix, group in pending.items():
        decode_exl2(group, prefix)  # raises, naming what is missing
    if unpacked:
        log.warning("ketch: %d EXL2 layer(s) (e.g. %s) have groups that do not split into 32-wide blocks; "
                    "dequantized to float at load", len(unpacked), unpacked[0])


def exl2_bits_per_weight(files: Iterable[Path]) -> float | None:
    """Average bits per weight of the EXL2 layers in these safetensors files (None: no EXL2 tensors).

    Counted like exllamav2: codes, 4-bit scales, scale units, group table and permutation.
    """
    from safetensors import SafetensorError, safe_open

    shapes: dict[str, list[int]] = {}
    for file in files:
        try:
            with safe_open(str(file), framework="pt") as sf:
                for key in sf.keys():
                    if key.endswith((".q_weight", ".q_invperm", ".q_groups")):
                        shapes[key] = sf.get_slice(key).get_shape()
        except SafetensorError as exc:
            raise ValueError(f"{file}: corrupt safetensors file ({exc})") from exc
    bits = weights = 0
    for key, (qrows, n) in ((k, s) for k, s in shapes.items() if k.endswith(".q_weight") and len(s) == 2):
        prefix = key[: -len(".q_weight")]
        k = (shapes.get(f"{prefix}.q_invperm") or [0])[0]
        groups = (shapes.get(f"{prefix}.q_groups") or [0])[0] // 2
        bits += qrows * 32 * n + groups * n * 4 + groups * 16 + groups * 32 + k * 32
        weights += k * n
    return bits / weights if weights else None
