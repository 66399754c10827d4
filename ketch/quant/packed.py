"""Packed block-quantized weights (GGUF Q4_0..Q8_0 and the K-quants), repacked once at load.

A ``PackedWeight`` keeps the bytes as they were quantized, split into row-aligned planes the
kernels stream: ``qs`` (codes, and for K-quants their integer sub-block scales), fp16 scales ``d``
and fp16 mins ``m``. Resident bytes per weight against the GGUF file (see ``_RECORDS``):

    type   scheme  bits/weight (file)     type   scheme  bits/weight (file)
    Q4_0   q4      4.5    (4.5)           Q2_K   q2_k    2.625  (2.625)
    Q4_1   q4      5.0    (5.0)           Q3_K   q3_k    3.5625 (3.4375: scales unpacked)
    Q5_0   q5      5.5    (5.5)           Q4_K   q4_k    4.625  (4.5: scales unpacked)
    Q5_1   q5      6.0    (6.0)           Q5_K   q5_k    5.625  (5.5: scales unpacked)
    Q8_0   q8      8.5    (8.5)           Q6_K   q6_k    6.5625 (6.5625)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

BLOCK = 32
# GGUF type name -> (bytes per 32-weight block, scheme)
_LAYOUTS = {"Q4_0": (18, "q4"), "Q4_1": (20, "q4"), "Q8_0": (34, "q8")}
_SUPER = 256  # K-quant super-block
_Q4_K_BYTES = 144  # d, dmin (fp16), 12 bytes of 6-bit scales/mins, 128 bytes of nibbles
_Q6_K_BYTES = 210  # 128 bytes low nibbles, 64 bytes high 2-bit pairs, 16 int8 scales, d (fp16)
# scheme -> (weights, bytes of qs) per record: a row of qs is K / weights records; d and m hold
# one value per record (K-quants) or per 32-block (q4, q5, q8).
_RECORDS = {"q4": (32, 16), "q4x16": (32, 16), "q8": (32, 32), "q8x16": (32, 32), "q5": (32, 20), "q2_k": (256, 80), "q3_k": (256, 112),
            "q4_k": (256, 144), "q5_k": (256, 176), "q6_k": (256, 208)}
_K_SCHEMES = ("q2_k", "q3_k", "q4_k", "q5_k", "q6_k")


def is_packable(type_name: str) -> bool:
    return type_name in _LAYOUTS or type_name in ("Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q5_0", "Q5_1")


@dataclass(slots=True)
class PackedWeight:
    """A [out_features, in_features] weight in block-quantized form (layouts: kernels/csrc/packed.h)."""

    # "q4" | "q8" | "q5" | "q2_k" | "q3_k" | "q4_k" | "q5_k" | "q6_k", or "q4x16" / "q8x16": q4 / q8
    # with the rows interleaved 16 at a time for the few-row kernels (kernels/csrc/q4x16.cpp and
    # q8x16.cpp; tile_q4 / tile_q8 make them)
    scheme: str
    qs: torch.Tensor  # q4: uint8 [N, K/2]; q8: int8 [N, K]; others: uint8 [N, K / w * b] (_RECORDS)
    d: torch.Tensor  # half [N, K/G]: one scale per group of G weights (32; 256 for K-quants)
    m: torch.Tensor | None  # half [N, K/G] mins (q4 but Q4_0, q5 from Q5_1, q8 from GPTQ, q2_k, q4_k, q5_k)
    source_type: str  # the GGUF type it came from
    offset: int = 0  # q8 only: value = (q + offset) * d + m; undoes centering of unsigned codes
    # int64 [K] or None: column k of the planes is input feature perm[k] (EXL2's act-order), so the
    # matmul reads x[..., perm]; dequantize() returns the original column order
    perm: torch.Tensor | None = None

    @property
    def shape(self) -> tuple[int, int]:
        weights, size = _RECORDS[self.scheme]
        return self.qs.shape[0], self.qs.shape[1] * weights // size

    @property
    def group(self) -> int:
        return self.shape[1] // self.d.shape[1]

    @property
    def kind(self) -> tuple[str, int, bool, int, bytes | None]:
        """What must agree for weights to be stacked into one packed matrix."""
        perm = None if self.perm is None else self.perm.cpu().numpy().tobytes()
        return self.scheme, self.group, self.m is not None, self.offset, perm

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (self.qs, self.d, self.m, self.perm) if t is not None)

    def dequantize(self, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        """Reference (and no-kernel) path: the float weight, exactly as gguf's dequantize computes it."""
        if self.perm is not None:
            stored = PackedWeight(self.scheme, self.qs, self.d, self.m, self.source_type, self.offset)
            return stored.dequantize(dtype).index_select(1, torch.argsort(self.perm))
        codes, scale, bias = self.decode()
        w = codes * scale if bias is None else codes * scale + bias
        return w.reshape(self.shape).to(dtype)

    def decode(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """(codes [N, K/g, g], scale [N, K/g, 1], bias [N, K/g, 1] or None), float32, with
        weight = codes * scale + bias in the planes' column order; g = 16 or 32."""
        n, k = self.shape
        if self.scheme == "q4x16":
            return untile_q4(self).decode()
        if self.scheme == "q8x16":
            return untile_q8(self).decode()
        if self.scheme in _K_SCHEMES:
            return _decode_k(self, n, k)
        d = self.d.float().unsqueeze(-1)
        m = self.m.float().unsqueeze(-1) if self.m is not None else None
        if self.scheme == "q8":
            g = self.group
            return self.qs.view(n, k // g, g).float() + self.offset, d, m
        if self.scheme == "q5":
            raw = self.qs.view(n, k // BLOCK, 20)
            q = _nibbles(raw[..., :16]) | (_q5_high_bits(raw[..., 16:]) << 4)
            center = 16
        else:
            q, center = _nibbles(self.qs.view(n, k // BLOCK, BLOCK // 2)), 8
        if m is None:  # Q4_0, Q5_0: (q - center) * d
            return q.float() - center, d, None
        return q.float(), d, m


TILE_ROWS = 16  # output rows per q4x16 / q8x16 tile


def _interleave(qs: torch.Tensor, chunks: int) -> torch.Tensor:
    """Codes [N, K-bytes] with each 32-block's bytes in ``chunks`` 4-byte chunks -> 16-row tiles:
    tile t, block b, chunk k holds chunk k of each of the tile's 16 rows."""
    n, width = qs.shape
    nb = width // (4 * chunks)
    return qs.view(n // TILE_ROWS, TILE_ROWS, nb, chunks, 4).permute(0, 2, 3, 1, 4).contiguous().view(n, width)


def _deinterleave(qs: torch.Tensor, chunks: int) -> torch.Tensor:
    n, width = qs.shape
    nb = width // (4 * chunks)
    return qs.view(n // TILE_ROWS, nb, chunks, TILE_ROWS, 4).permute(0, 3, 1, 2, 4).contiguous().view(n, width)


def _tile_groups(p: torch.Tensor | None) -> torch.Tensor | None:
    """Per-block scales (mins) [N, nb] in tile order: tile t, block b's 16 values together."""
    if p is None:
        return None
    n, nb = p.shape
    return p.view(n // TILE_ROWS, TILE_ROWS, nb).permute(0, 2, 1).contiguous().view(n, nb)


def _untile_groups(p: torch.Tensor | None) -> torch.Tensor | None:
    if p is None:
        return None
    n, nb = p.shape
    return p.view(n // TILE_ROWS, nb, TILE_ROWS).permute(0, 2, 1).contiguous().view(n, nb)


def can_tile_q4(w: PackedWeight) -> bool:
    """Whether ``w`` can take the q4x16 layout: q4 codes in whole tiles of rows."""
    return w.scheme == "q4" and w.shape[0] % TILE_ROWS == 0 and w.shape[0] > 0


def tile_q4(w: PackedWeight) -> PackedWeight:
    """A q4 weight in the q4x16 layout: same planes and bytes, rows interleaved 16 at a time
    (tile t, block b, chunk k holds bytes 4k..4k+3 of each of the tile's 16 rows)."""
    if not can_tile_q4(w):
        raise ValueError(f"only q4 weights with a multiple of {TILE_ROWS} rows tile, not {w.scheme} {w.shape}")
    return PackedWeight("q4x16", _interleave(w.qs, 4), _tile_groups(w.d), _tile_groups(w.m), w.source_type,
                        w.offset, w.perm)


def untile_q4(w: PackedWeight) -> PackedWeight:
    """The row layout (scheme q4) of a q4x16 weight."""
    return PackedWeight("q4", _deinterleave(w.qs, 4), _untile_groups(w.d), _untile_groups(w.m), w.source_type,
                        w.offset, w.perm)


def _nibbles(raw: torch.Tensor) -> torch.Tensor:
    """[.., 16] bytes in llama.cpp's order (byte j = q[j] | q[j+16] << 4) -> [.., 32] codes."""
    return torch.cat((raw & 0x0F, raw >> 4), dim=-1)


_Q5_BYTE = torch.arange(32) % 4  # weight i's high bit: bit i // 4 of byte i % 4
_Q5_BIT = (torch.arange(32) // 4).to(torch.uint8)


def _q5_high_bits(raw: torch.Tensor) -> torch.Tensor:
    """[.., 4] bytes of a q5 block's high bits -> [.., 32] bits."""
    return (raw[..., _Q5_BYTE] >> _Q5_BIT) & 1


def _shifted(raw: torch.Tensor, shifts: list[int], mask: int) -> torch.Tensor:
    """raw [.., L] -> [.., len(shifts), L]: (raw >> s) & mask for each shift s."""
    sh = torch.tensor(shifts, dtype=torch.uint8).unsqueeze(-1)
    return (raw.unsqueeze(-2) >> sh) & mask


def _decode_k(w: PackedWeight, n: int, k: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
    """K-quant records -> (codes, scale d * sc, bias -dmin * mn) per sub-block (32 or 16 weights)."""
    nsb = k // _SUPER
    raw = w.qs.view(n, nsb, _RECORDS[w.scheme][1])
    d = w.d.float().unsqueeze(-1)  # [n, nsb, 1]
    dmin = w.m.float().unsqueeze(-1) if w.m is not None else None

    def out(codes: torch.Tensor, sc: torch.Tensor, mn: torch.Tensor | None):
        g = sc.shape[-1]  # sub-blocks per super-block
        scale = (d * sc.float()).reshape(n, nsb * g, 1)
        bias = None if mn is None else (-(dmin * mn.float())).reshape(n, nsb * g, 1)
        return codes.reshape(n, nsb * g, _SUPER // g).float(), scale, bias

    if w.scheme in ("q4_k", "q5_k"):
        q = _shifted(raw[..., :128].reshape(n, nsb, 4, 32), [0, 4], 0x0F)  # [n, nsb, chunk, nibble, 32]
        at = 128
        if w.scheme == "q5_k":
            q = q.reshape(n, nsb, 8, 32) | (_shifted(raw[..., 128:160], list(range(8)), 1) << 4)
            at = 160
        return out(q, raw[..., at:at + 8], raw[..., at + 8:at + 16])
    if w.scheme == "q6_k":
        ql = raw[..., :128].reshape(n, nsb, 2, 64)
        nib = _shifted(ql, [0, 4], 0x0F).reshape(n, nsb, 2, 4, 32)  # per half: A lo, B lo, A hi, B hi
        high = _shifted(raw[..., 128:192].reshape(n, nsb, 2, 32), [0, 2, 4, 6], 3)
        return out((nib | (high << 4)).to(torch.int16) - 32, raw[..., 192:208].view(torch.int8), None)
    crumbs_at = 0 if w.scheme == "q2_k" else 32
    q = _shifted(raw[..., crumbs_at:crumbs_at + 64].reshape(n, nsb, 2, 32), [0, 2, 4, 6], 3)  # [n, nsb, 2, 4, 32]
    if w.scheme == "q2_k":
        sc = raw[..., 64:80]
        return out(q, sc & 0x0F, sc >> 4)
    # q3_k: a clear high bit subtracts 4
    high = _shifted(raw[..., :32], list(range(8)), 1).reshape(n, nsb, 2, 4, 32)
    return out(q.to(torch.int16) - 4 * (1 - high.to(torch.int16)), raw[..., 96:112].view(torch.int8), None)


def pack_gguf(type_name: str, raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Split GGUF blocks (uint8 [N, bytes per row]) into kernel planes (layouts: kernels/csrc/packed.h)."""
    if type_name in _K_PACKERS:
        return _K_PACKERS[type_name](raw, shape)
    if type_name in ("Q5_0", "Q5_1"):
        return _pack_q5(type_name, raw, shape)
    size, scheme = _LAYOUTS[type_name]
    n, k = shape
    if k % BLOCK:
        raise ValueError(f"{type_name} weight with {k} columns is not a whole number of 32-blocks")
    blocks = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, k // BLOCK, size)
    d = blocks[..., 0:2].copy().view(np.float16)[..., 0]
    if type_name == "Q8_0":
        qs = blocks[..., 2:].copy().view(np.int8).reshape(n, k)
        return PackedWeight("q8", torch.from_numpy(qs), torch.from_numpy(d.copy()), None, type_name)
    if type_name == "Q4_1":
        m = torch.from_numpy(blocks[..., 2:4].copy().view(np.float16)[..., 0].copy())
        qs = blocks[..., 4:].reshape(n, k // 2)
    else:  # Q4_0: q in [0, 15] means (q - 8) * d: no min plane
        m = None
        qs = blocks[..., 2:].reshape(n, k // 2)
    return PackedWeight("q4", torch.from_numpy(np.ascontiguousarray(qs)), torch.from_numpy(d.copy()), m, type_name)


def _half(b: np.ndarray, at: int) -> torch.Tensor:
    """The fp16 at byte offset ``at`` of every block of ``b`` [.., bytes] -> half [..]."""
    return torch.from_numpy(np.ascontiguousarray(b[..., at:at + 2]).view(np.float16)[..., 0].copy())


def _record(n: int, *planes: np.ndarray) -> torch.Tensor:
    """Concatenate per-block byte planes [n, blocks, *] into one uint8 row [n, blocks * sum]."""
    return torch.from_numpy(np.concatenate(planes, axis=-1).astype(np.uint8, copy=False).reshape(n, -1))


def _pack_q5(type_name: str, raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q5_0 (d, 32 high bits, 16 bytes of nibbles) / Q5_1 (d, m, ...) -> q5: per 32-block the 16
    nibble bytes as they are and the high bits regrouped (weight i's bit at bit i // 4 of byte i % 4,
    so the kernel spreads them with one broadcast and one compare); d and m as fp16 planes."""
    n, k = shape
    if k % BLOCK:
        raise ValueError(f"{type_name} weight with {k} columns is not a whole number of 32-blocks")
    size, head = (22, 2) if type_name == "Q5_0" else (24, 4)
    b = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, k // BLOCK, size)
    qh = b[..., head:head + 4].copy().view("<u4")  # [n, nb, 1]: bit j is the high bit of weight j
    bits = ((qh >> np.arange(32, dtype=np.uint32)) & 1).astype(np.uint8).reshape(n, k // BLOCK, 8, 4)
    high = (bits << np.arange(8, dtype=np.uint8)[:, None]).sum(axis=-2, dtype=np.uint8)  # [n, nb, 4]
    qs = _record(n, b[..., head + 4:head + 20], high)
    return PackedWeight("q5", qs, _half(b, 0), _half(b, 2) if type_name == "Q5_1" else None, type_name)


def _k_scales(sc_bytes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 8 six-bit (scale, min) pairs of a Q4_K/Q5_K super-block, from its 12 packed bytes."""
    s = sc_bytes.astype(np.uint8)
    sc = np.empty(s.shape[:-1] + (8,), dtype=np.uint8)
    mn = np.empty_like(sc)
    sc[..., :4] = s[..., 0:4] & 63
    mn[..., :4] = s[..., 4:8] & 63
    sc[..., 4:] = (s[..., 8:12] & 0xF) | ((s[..., 0:4] >> 6) << 4)
    mn[..., 4:] = (s[..., 8:12] >> 4) | ((s[..., 4:8] >> 6) << 4)
    return sc, mn


def _superblocks(type_name: str, raw: np.ndarray, shape: tuple[int, int], size: int) -> np.ndarray:
    n, k = shape
    if k % _SUPER:
        raise ValueError(f"{type_name} weight with {k} columns is not a whole number of 256-superblocks")
    return np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, k // _SUPER, size)


def _pack_q4_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q4_K (d, dmin, 12 bytes of 6-bit scales/mins, 128 bytes of nibbles) -> q4_k: the nibbles as
    they are, then the 8 scales and 8 mins one byte each; d and dmin as fp16 planes."""
    b = _superblocks("Q4_K", raw, shape, _Q4_K_BYTES)
    sc, mn = _k_scales(b[..., 4:16])
    return PackedWeight("q4_k", _record(shape[0], b[..., 16:144], sc, mn), _half(b, 0), _half(b, 2), "Q4_K")


def _pack_q5_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q5_K (d, dmin, 12 bytes of scales, 32 bytes of high bits, 128 of nibbles) -> q5_k: nibbles,
    high bits, 8 scales, 8 mins; d and dmin as fp16 planes."""
    b = _superblocks("Q5_K", raw, shape, 176)
    sc, mn = _k_scales(b[..., 4:16])
    qs = _record(shape[0], b[..., 48:176], b[..., 16:48], sc, mn)
    return PackedWeight("q5_k", qs, _half(b, 0), _half(b, 2), "Q5_K")


def _pack_q6_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q6_K (128 bytes of low nibbles, 64 of high 2-bit pairs, 16 int8 scales, d) -> q6_k: the first
    208 bytes as they are and d as an fp16 plane."""
    b = _superblocks("Q6_K", raw, shape, _Q6_K_BYTES)
    return PackedWeight("q6_k", _record(shape[0], b[..., :208]), _half(b, 208), None, "Q6_K")


def _pack_q2_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q2_K (16 bytes of 4-bit scale | min << 4, 64 bytes of 2-bit codes, d, dmin) -> q2_k: codes,
    then the scale/min bytes; d and dmin as fp16 planes."""
    b = _superblocks("Q2_K", raw, shape, 84)
    return PackedWeight("q2_k", _record(shape[0], b[..., 16:80], b[..., 0:16]), _half(b, 80), _half(b, 82), "Q2_K")


def _pack_q3_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q3_K (32 bytes of high-bit mask, 64 of 2-bit codes, 12 of 6-bit scales, d) -> q3_k: mask and
    codes as they are, then the 16 scales unpacked to int8 (sc - 32); d as an fp16 plane."""
    b = _superblocks("Q3_K", raw, shape, 110)
    a = b[..., 96:108].copy().view("<u4").astype(np.uint32)  # 3 words of packed 6-bit scales
    m1, m2 = np.uint32(0x03030303), np.uint32(0x0F0F0F0F)
    tmp = a[..., 2]
    words = np.stack((
        (a[..., 0] & m2) | (((tmp >> 0) & m1) << 4), (a[..., 1] & m2) | (((tmp >> 2) & m1) << 4),
        ((a[..., 0] >> 4) & m2) | (((tmp >> 4) & m1) << 4), ((a[..., 1] >> 4) & m2) | (((tmp >> 6) & m1) << 4),
    ), axis=-1).astype("<u4")
    sc = (words.view(np.uint8) - np.uint8(32))  # [n, nsb, 16]: int8 sc - 32, as bytes
    return PackedWeight("q3_k", _record(shape[0], b[..., 0:96], sc), _half(b, 108), None, "Q3_K")


_K_PACKERS = {"Q2_K": _pack_q2_k, "Q3_K": _pack_q3_k, "Q4_K": _pack_q4_k, "Q5_K": _pack_q5_k, "Q6_K": _pack_q6_k}


def concat_rows(parts: list[PackedWeight]) -> PackedWeight:
    """Stack weights along output features (fused q/k/v, gate/up); all parts share one scheme."""
    kinds = {p.kind for p in parts}
    assert len(kinds) == 1, kinds
    cat = lambda ts: torch.cat(ts, dim=0) if ts[0] is not None else None  # noqa: E731
    return PackedWeight(parts[0].scheme, cat([p.qs for p in parts]), cat([p.d for p in parts]),
                        cat([p.m for p in parts]), "+".join(sorted({p.source_type for p in parts})),
                        parts[0].offset, parts[0].perm)


def can_tile_q8(w: PackedWeight) -> bool:
    """Whether ``w`` can take the q8x16 layout: Q8_0-style codes (one scale per 32, no mins, no
    offset, no column order) in whole tiles of rows."""
    n, _ = w.shape
    return (w.scheme == "q8" and w.m is None and w.offset == 0 and w.perm is None and w.group == BLOCK
            and n % TILE_ROWS == 0 and n > 0)


def tile_q8(w: PackedWeight) -> PackedWeight:
    """A q8 weight in the q8x16 layout: same codes and scales, rows interleaved 16 at a time
    (tile t, block b, chunk k holds weights 4k..4k+3 of each of the tile's 16 rows)."""
    if not can_tile_q8(w):
        raise ValueError(f"only Q8_0-style q8 weights with a multiple of {TILE_ROWS} rows tile, not {w.scheme} "
                         f"{w.shape} (group {w.group}, mins {w.m is not None}, offset {w.offset})")
    return PackedWeight("q8x16", _interleave(w.qs, 8), _tile_groups(w.d), None, w.source_type)


def untile_q8(w: PackedWeight) -> PackedWeight:
    """The row layout (scheme q8) of a q8x16 weight."""
    return PackedWeight("q8", _deinterleave(w.qs, 8), _untile_groups(w.d), None, w.source_type)
