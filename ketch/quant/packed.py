"""Packed block-quantized weights (GGUF Q4_0, Q4_1, Q8_0), repacked once at load.

A ``PackedWeight`` keeps the bytes as they were quantized (4.5-8.5 bits per weight) split into
contiguous planes the kernels stream: quants, fp16 scales and (4-bit) fp16 mins.
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


def is_packable(type_name: str) -> bool:
    return type_name in _LAYOUTS or type_name in ("Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q5_0", "Q5_1")


@dataclass(slots=True)
class PackedWeight:
    """A [out_features, in_features] weight in block-quantized form."""

    scheme: str  # "q4" | "q8"
    qs: torch.Tensor  # q4: uint8 [N, K/2]; q8: int8 [N, K]
    d: torch.Tensor  # half [N, K/G]: one scale per group of G = 32 weights (16 for q8 from Q6_K)
    m: torch.Tensor | None  # half [N, K/G] mins (q4 always; q8 for Q5_1/Q5_K)
    source_type: str  # the GGUF type it came from
    offset: int = 0  # q8 only: value = (q + offset) * d + m; undoes centering of unsigned codes

    @property
    def shape(self) -> tuple[int, int]:
        n = self.qs.shape[0]
        return (n, self.qs.shape[1] * 2) if self.scheme == "q4" else (n, self.qs.shape[1])

    @property
    def group(self) -> int:
        return self.shape[1] // self.d.shape[1]

    @property
    def kind(self) -> tuple[str, int, bool, int]:
        """What must agree for weights to be stacked into one packed matrix."""
        return self.scheme, self.group, self.m is not None, self.offset

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (self.qs, self.d, self.m) if t is not None)

    def dequantize(self, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        """Reference (and large-batch) path: the float weight."""
        n, k = self.shape
        d = self.d.float().unsqueeze(-1)
        if self.scheme == "q8":
            g = self.group
            q = self.qs.view(n, k // g, g).float() + self.offset
            w = q * d if self.m is None else q * d + self.m.float().unsqueeze(-1)
            return w.reshape(n, k).to(dtype)
        raw = self.qs.view(n, k // BLOCK, BLOCK // 2)
        q = torch.cat((raw & 0x0F, raw >> 4), dim=-1).float()
        return (q * d + self.m.float().unsqueeze(-1)).reshape(n, k).to(dtype)


def pack_gguf(type_name: str, raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Split GGUF blocks (uint8 [N, bytes per row]) into kernel planes; Q4_0 becomes d, m = -8d."""
    if type_name == "Q4_K":
        return _pack_q4_k(raw, shape)
    if type_name == "Q6_K":
        return _pack_q6_k(raw, shape)
    if type_name in ("Q5_0", "Q5_1"):
        return _pack_q5(type_name, raw, shape)
    if type_name == "Q5_K":
        return _pack_q5_k(raw, shape)
    if type_name == "Q2_K":
        return _pack_q2_k(raw, shape)
    if type_name == "Q3_K":
        return _pack_q3_k(raw, shape)
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
        m = blocks[..., 2:4].copy().view(np.float16)[..., 0]
        qs = blocks[..., 4:].reshape(n, k // 2)
    else:  # Q4_0: q in [0, 15] means (q - 8) * d
        m = (-8.0 * d.astype(np.float32)).astype(np.float16)
        qs = blocks[..., 2:].reshape(n, k // 2)
    return PackedWeight("q4", torch.from_numpy(np.ascontiguousarray(qs)), torch.from_numpy(d.copy()),
                        torch.from_numpy(np.ascontiguousarray(m)), type_name)


def _pack_q4_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q4_K -> the q4 planes: each 32-weight sub-block gets its own scale d*sc and min -dmin*m.

    Those products are rounded to fp16 (relative error <= 2^-11 of a sub-block's scale, far
    below the 4-bit step itself); everything else is carried over exactly.
    """
    n, k = shape
    if k % _SUPER:
        raise ValueError(f"Q4_K weight with {k} columns is not a whole number of 256-superblocks")
    nsb = k // _SUPER
    b = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, nsb, _Q4_K_BYTES)
    d = b[..., 0:2].copy().view(np.float16)[..., 0].astype(np.float32)
    dmin = b[..., 2:4].copy().view(np.float16)[..., 0].astype(np.float32)
    sc, mn = _k_scales(b[..., 4:16])
    q = b[..., 16:].reshape(n, nsb, 4, 32)  # 4 chunks of 64 weights: low nibbles, then high
    vals = np.stack((q & 0x0F, q >> 4), axis=3).reshape(n, nsb * 8, 32)  # sub-blocks in order
    qs = (vals[..., :16] | (vals[..., 16:] << 4)).astype(np.uint8).reshape(n, k // 2)
    scale = (d[..., None] * sc).astype(np.float16).reshape(n, nsb * 8)
    minv = (-(dmin[..., None] * mn)).astype(np.float16).reshape(n, nsb * 8)
    return PackedWeight("q4", torch.from_numpy(np.ascontiguousarray(qs)), torch.from_numpy(scale),
                        torch.from_numpy(minv), "Q4_K")


def _pack_q5(type_name: str, raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q5_0 (d, 32 high bits, 16 bytes of nibbles) -> int8 (q - 16), exactly; Q5_1 adds an fp16
    min m and keeps q (0..31) centered as q - 16 with offset 16."""
    n, k = shape
    if k % BLOCK:
        raise ValueError(f"{type_name} weight with {k} columns is not a whole number of 32-blocks")
    size, head = (22, 2) if type_name == "Q5_0" else (24, 4)
    b = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, k // BLOCK, size)
    d = b[..., 0:2].copy().view(np.float16)[..., 0]
    qh = b[..., head:head + 4].copy().view("<u4")[..., 0]  # bit j: high bit of weight j
    nib = b[..., head + 4:head + 20]
    high = ((qh[..., None] >> np.arange(32, dtype=np.uint32)) & 1).astype(np.uint8) << 4
    low = np.concatenate((nib & 0x0F, nib >> 4), axis=-1)
    q = torch.from_numpy(((low | high).astype(np.int16) - 16).astype(np.int8).reshape(n, k))
    if type_name == "Q5_0":
        return PackedWeight("q8", q, torch.from_numpy(d.copy()), None, "Q5_0")
    m = b[..., 2:4].copy().view(np.float16)[..., 0]
    return PackedWeight("q8", q, torch.from_numpy(d.copy()), torch.from_numpy(m.copy()), "Q5_1", offset=16)


def _k_scales(sc_bytes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 8 six-bit (scale, min) pairs of a Q4_K/Q5_K super-block, from its 12 packed bytes."""
    s = sc_bytes.astype(np.uint16)
    sc = np.empty(s.shape[:-1] + (8,), dtype=np.float32)
    mn = np.empty_like(sc)
    sc[..., :4] = s[..., 0:4] & 63
    mn[..., :4] = s[..., 4:8] & 63
    sc[..., 4:] = (s[..., 8:12] & 0xF) | ((s[..., 0:4] >> 6) << 4)
    mn[..., 4:] = (s[..., 8:12] >> 4) | ((s[..., 4:8] >> 6) << 4)
    return sc, mn


def _pack_q5_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q5_K -> int8 (q - 16), offset 16, fp16 scale d*sc and min -dmin*m per 32 (rounded as Q4_K)."""
    n, k = shape
    if k % _SUPER:
        raise ValueError(f"Q5_K weight with {k} columns is not a whole number of 256-superblocks")
    nsb = k // _SUPER
    b = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, nsb, 176)
    d = b[..., 0:2].copy().view(np.float16)[..., 0].astype(np.float32)
    dmin = b[..., 2:4].copy().view(np.float16)[..., 0].astype(np.float32)
    sc, mn = _k_scales(b[..., 4:16])
    qh = b[..., 16:48]  # [n, nsb, 32]: bit 2c / 2c+1 is the high bit of chunk c's low / high nibble
    ql = b[..., 48:176].reshape(n, nsb, 4, 32)
    shifts = np.arange(4, dtype=np.uint8)[:, None]
    hi_lo = ((qh[..., None, :] >> (2 * shifts)) & 1) << 4
    hi_hi = ((qh[..., None, :] >> (2 * shifts + 1)) & 1) << 4
    vals = np.stack(((ql & 0x0F) | hi_lo, (ql >> 4) | hi_hi), axis=3).reshape(n, k)
    q = (vals.astype(np.int16) - 16).astype(np.int8)
    scale = (d[..., None] * sc).astype(np.float16).reshape(n, nsb * 8)
    minv = (-(dmin[..., None] * mn)).astype(np.float16).reshape(n, nsb * 8)
    return PackedWeight("q8", torch.from_numpy(np.ascontiguousarray(q)), torch.from_numpy(scale),
                        torch.from_numpy(minv), "Q5_K", offset=16)


def _superblocks(type_name: str, raw: np.ndarray, shape: tuple[int, int], size: int) -> np.ndarray:
    n, k = shape
    if k % _SUPER:
        raise ValueError(f"{type_name} weight with {k} columns is not a whole number of 256-superblocks")
    return np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, k // _SUPER, size)


def _crumbs(q: np.ndarray) -> np.ndarray:
    """2-bit codes of Q2_K/Q3_K in weight order: [.., 2 halves, 32 bytes] -> [.., 256]."""
    shifts = (2 * np.arange(4, dtype=np.uint8))[None, :, None]
    return ((q[..., :, None, :] >> shifts) & 3).reshape(*q.shape[:-2], _SUPER)


def _pack_q2_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q2_K -> int8 (q - 2), offset 2, fp16 scale d*sc and min -dmin*m per 16 weights."""
    n, k = shape
    b = _superblocks("Q2_K", raw, shape, 84)
    sc = b[..., 0:16]
    q = _crumbs(b[..., 16:80].reshape(n, k // _SUPER, 2, 32))
    d = b[..., 80:82].copy().view(np.float16)[..., 0].astype(np.float32)
    dmin = b[..., 82:84].copy().view(np.float16)[..., 0].astype(np.float32)
    scale = (d[..., None] * (sc & 0xF)).astype(np.float16).reshape(n, k // 16)
    minv = (-(dmin[..., None] * (sc >> 4))).astype(np.float16).reshape(n, k // 16)
    codes = (q.astype(np.int16) - 2).astype(np.int8).reshape(n, k)
    return PackedWeight("q8", torch.from_numpy(codes), torch.from_numpy(scale), torch.from_numpy(minv),
                        "Q2_K", offset=2)


def _pack_q3_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q3_K -> int8 signed codes (-4..3) with an fp16 scale d*(sc - 32) per 16 weights."""
    n, k = shape
    b = _superblocks("Q3_K", raw, shape, 110)
    hmask = b[..., 0:32]
    q = _crumbs(b[..., 32:96].reshape(n, k // _SUPER, 2, 32))
    a = b[..., 96:108].copy().view("<u4").astype(np.uint32)  # 3 words of packed 6-bit scales
    m1, m2 = np.uint32(0x03030303), np.uint32(0x0F0F0F0F)
    tmp = a[..., 2]
    words = np.stack((
        (a[..., 0] & m2) | (((tmp >> 0) & m1) << 4), (a[..., 1] & m2) | (((tmp >> 2) & m1) << 4),
        ((a[..., 0] >> 4) & m2) | (((tmp >> 4) & m1) << 4), ((a[..., 1] >> 4) & m2) | (((tmp >> 6) & m1) << 4),
    ), axis=-1).astype("<u4")
    sc = words.view(np.int8).astype(np.float32) - 32  # [n, nsb, 16]
    d = b[..., 108:110].copy().view(np.float16)[..., 0].astype(np.float32)
    # High bit j of weight l (within each 128-half, crumb j) is bit (4 * half + j) of hmask[l].
    bits = np.arange(8, dtype=np.uint8).reshape(2, 4, 1)
    high = ((hmask[..., None, None, :] >> bits) & 1).reshape(n, k // _SUPER, _SUPER)
    codes = (q.astype(np.int16) - np.where(high == 1, 0, 4)).astype(np.int8).reshape(n, k)
    scale = (d[..., None] * sc).astype(np.float16).reshape(n, k // 16)
    return PackedWeight("q8", torch.from_numpy(np.ascontiguousarray(codes)), torch.from_numpy(scale), None, "Q3_K")


def _pack_q6_k(raw: np.ndarray, shape: tuple[int, int]) -> PackedWeight:
    """Q6_K -> int8 (q - 32) with one fp16 scale d*sc per 16 weights (rounded as for Q4_K)."""
    n, k = shape
    if k % _SUPER:
        raise ValueError(f"Q6_K weight with {k} columns is not a whole number of 256-superblocks")
    nsb = k // _SUPER
    b = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, nsb, _Q6_K_BYTES)
    ql = b[..., 0:128].reshape(n, nsb, 2, 64)
    qh = b[..., 128:192].reshape(n, nsb, 2, 32)
    sc = b[..., 192:208].copy().view(np.int8).astype(np.float32)  # [n, nsb, 16]
    d = b[..., 208:210].copy().view(np.float16)[..., 0].astype(np.float32)
    parts = ((ql[..., :32] & 0xF) | ((qh & 3) << 4), (ql[..., 32:] & 0xF) | (((qh >> 2) & 3) << 4),
             (ql[..., :32] >> 4) | (((qh >> 4) & 3) << 4), (ql[..., 32:] >> 4) | (((qh >> 6) & 3) << 4))
    q = (np.stack(parts, axis=3).astype(np.int16) - 32).astype(np.int8).reshape(n, k)
    scale = (d[..., None] * sc).astype(np.float16).reshape(n, k // 16)
    return PackedWeight("q8", torch.from_numpy(np.ascontiguousarray(q)), torch.from_numpy(scale), None, "Q6_K")


def concat_rows(parts: list[PackedWeight]) -> PackedWeight:
    """Stack weights along output features (fused q/k/v, gate/up); all parts share one scheme."""
    kinds = {p.kind for p in parts}
    assert len(kinds) == 1, kinds
    cat = lambda ts: torch.cat(ts, dim=0) if ts[0] is not None else None  # noqa: E731
    return PackedWeight(parts[0].scheme, cat([p.qs for p in parts]), cat([p.d for p in parts]),
                        cat([p.m for p in parts]), "+".join(sorted({p.source_type for p in parts})),
                        parts[0].offset)
