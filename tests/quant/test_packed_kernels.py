"""Packed GGUF weights: repacking is lossless and every matmul path equals dequantize-then-matmul."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType
from gguf.quants import dequantize, quantize

from ketch.quant.linear import DequantScratch, QuantEmbedding, QuantLinear, packed_matmul
from ketch.quant.packed import concat_rows, pack_gguf

TYPES = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0"]


def _matmul(kernels, x, w):
    if w.scheme == "q4":
        return kernels.q4_linear(x, w.qs, w.d, w.m)
    return kernels.q8_linear(x, w.qs, w.d, w.m, w.offset)


def _dense(kernels, w, dtype):
    n, k = w.shape
    return kernels.dequantize_into(w.qs, w.d, w.m, torch.empty(n, k, dtype=dtype), w.offset)


def _packed(type_name: str, n: int, k: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    raw = quantize(rng.standard_normal((n, k)).astype(np.float32), GGMLQuantizationType[type_name])
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType[type_name]).reshape(n, k).astype(np.float32))
    return pack_gguf(type_name, raw, (n, k)), ref


@pytest.mark.parametrize("type_name", TYPES)
def test_repacked_planes_dequantize_exactly(type_name):
    w, ref = _packed(type_name, 96, 128)
    assert torch.equal(w.dequantize(), ref)
    assert w.shape == (96, 128)
    bits = w.nbytes * 8 / ref.numel()
    # Q4_0 gains an fp16 min; Q5_0/Q5_1 are widened to int8 (5.5/6 bits in the file)
    assert bits == {"Q4_0": 5.0, "Q4_1": 5.0, "Q5_0": 8.5, "Q5_1": 9.0, "Q8_0": 8.5}[type_name]




def _assert_within_kernel_bound(got: torch.Tensor, x: torch.Tensor, w) -> None:
    """The documented bound: activations rounded to int16 per 32-block (step = max|x| / 32767)
    multiply the integer part of each weight, centered for 4-bit ((q - 8) * d), so each product
    is off by at most that magnitude * step / 2; plus fp32 rounding of the sums."""
    n, k = w.shape
    if w.scheme == "q4":
        raw = w.qs.view(n, k // 32, 16)
        q = torch.cat((raw & 0x0F, raw >> 4), dim=-1).double() - 8
        mag = (q * w.d.double().unsqueeze(-1)).abs()
    else:
        g = w.group
        mag = (w.qs.view(n, k // g, g).double() * w.d.double().unsqueeze(-1)).abs().view(n, k // 32, 32)
    m = x.shape[0]
    step = x.view(m, k // 32, 32).abs().amax(-1).double() / 32767
    bound = (mag.sum(-1) @ (step / 2).T).T
    want = x.double() @ w.dequantize().double().T
    slack = 1e-5 * float(want.abs().max())
    assert bool(((got.double() - want).abs() <= bound + slack).all())


@pytest.mark.parametrize("type_name", TYPES)
@pytest.mark.parametrize("n, k", [(64, 32), (200, 576), (1536, 96)])
def test_kernels_match_dequantized_matmul(kernels, type_name, n, k):
    w, ref = _packed(type_name, n, k, seed=n + k)
    gen = torch.Generator().manual_seed(n * k)
    for m in (1, 2, 3, 4, 5, 9):
        x = torch.randn(m, k, generator=gen)
        _assert_within_kernel_bound(_matmul(kernels, x, w), x, w)
    for dtype in (torch.float32, torch.bfloat16):
        assert torch.equal(_dense(kernels, w, dtype), ref.to(dtype))


@pytest.mark.parametrize("rows", [1, 7, 8, 9, 33])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_quant_linear_both_paths(rows, dtype):
    torch.manual_seed(rows)
    w, ref = _packed("Q4_1", 160, 256)
    bias = torch.randn(160)
    layer = QuantLinear(w, bias, DequantScratch())
    x = torch.randn(rows, 256).to(dtype)
    want = torch.nn.functional.linear(x.float(), ref, bias)
    tol = 1e-3 if dtype == torch.float32 else 5e-2  # int16-rounded activations; bf16 for dtype bf16
    torch.testing.assert_close(layer(x).float(), want, rtol=tol, atol=tol * float(want.abs().max()))
    assert layer(x).dtype == dtype


def test_quant_embedding_rows_and_tied_head():
    torch.manual_seed(0)
    w, ref = _packed("Q8_0", 50, 64)
    emb = QuantEmbedding(w, torch.float32, DequantScratch())
    ids = torch.tensor([3, 0, 49, 3])
    assert torch.equal(emb(ids), ref[ids])
    h = torch.randn(2, 64)
    torch.testing.assert_close(emb.as_linear(h), h @ ref.T, rtol=1e-3, atol=1e-3)  # int16 activations


def test_concat_rows_fuses_projections():
    a, ra = _packed("Q4_1", 64, 64, seed=1)
    b, rb = _packed("Q4_1", 32, 64, seed=2)
    fused = concat_rows([a, b])
    assert torch.equal(fused.dequantize(), torch.cat([ra, rb]))
    x = torch.randn(3, 64, generator=torch.Generator().manual_seed(0))
    # int16-rounded activations: error bounded as in test_kernels_match_dequantized_matmul
    torch.testing.assert_close(packed_matmul(x, fused, DequantScratch()), x @ torch.cat([ra, rb]).T,
                               rtol=2e-3, atol=3e-3)


def test_bad_shapes_are_refused(kernels):
    w, _ = _packed("Q4_1", 64, 64)
    with pytest.raises(RuntimeError, match="features"):
        kernels.q4_linear(torch.randn(1, 32), w.qs, w.d, w.m)
    with pytest.raises(ValueError, match="32-blocks"):
        pack_gguf("Q4_1", np.zeros((4, 10), dtype=np.uint8), (4, 20))


def _random_q4_k(n: int, k: int, seed: int = 0) -> np.ndarray:
    """Random Q4_K blocks (gguf-py cannot quantize to K-quants): any bits are valid but d/dmin."""
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, 256, size=(n, k // 256, 144), dtype=np.uint8)
    for off in (0, 2):
        scales = rng.uniform(1e-3, 2e-2, size=(n, k // 256)).astype(np.float16)
        raw[..., off:off + 2] = scales.view(np.uint8).reshape(n, k // 256, 2)
    return raw.reshape(n, -1)


def test_q4_k_repacks_into_q4_planes(kernels):
    n, k = 48, 512
    raw = _random_q4_k(n, k)
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType.Q4_K).reshape(n, k).astype(np.float32))
    w = pack_gguf("Q4_K", raw, (n, k))
    assert w.scheme == "q4" and w.source_type == "Q4_K"
    # Documented: sub-block scale d*sc and min dmin*m are rounded to fp16 (<= 2^-11 relative).
    dense = w.dequantize()
    assert float((dense - ref).abs().max()) <= 2.0 ** -10 * float(ref.abs().max())
    x = torch.randn(2, k, generator=torch.Generator().manual_seed(1))
    _assert_within_kernel_bound(kernels.q4_linear(x, w.qs, w.d, w.m), x, w)


def test_q6_k_repacks_into_int8_with_16_wide_scales(kernels):
    n, k = 40, 512
    rng = np.random.default_rng(3)
    raw = rng.integers(0, 256, size=(n, k // 256, 210), dtype=np.uint8)
    scales = rng.uniform(1e-3, 2e-2, size=(n, k // 256)).astype(np.float16)
    raw[..., 208:210] = scales.view(np.uint8).reshape(n, k // 256, 2)
    raw = raw.reshape(n, -1)
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType.Q6_K).reshape(n, k).astype(np.float32))
    w = pack_gguf("Q6_K", raw, (n, k))
    assert (w.scheme, w.group, w.source_type) == ("q8", 16, "Q6_K")
    dense = w.dequantize()
    assert float((dense - ref).abs().max()) <= 2.0 ** -10 * float(ref.abs().max())  # fp16 d*sc rounding
    x = torch.randn(3, k, generator=torch.Generator().manual_seed(4))
    _assert_within_kernel_bound(_matmul(kernels, x, w), x, w)
    for dtype in (torch.float32, torch.bfloat16):
        assert torch.equal(_dense(kernels, w, dtype), dense.to(dtype))


def test_q5_k_repacks_into_int8_with_mins(kernels):
    n, k = 40, 512
    rng = np.random.default_rng(5)
    raw = rng.integers(0, 256, size=(n, k // 256, 176), dtype=np.uint8)
    for off in (0, 2):
        scales = rng.uniform(1e-3, 2e-2, size=(n, k // 256)).astype(np.float16)
        raw[..., off:off + 2] = scales.view(np.uint8).reshape(n, k // 256, 2)
    raw = raw.reshape(n, -1)
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType.Q5_K).reshape(n, k).astype(np.float32))
    w = pack_gguf("Q5_K", raw, (n, k))
    assert (w.scheme, w.group, w.offset, w.source_type) == ("q8", 32, 16, "Q5_K")
    dense = w.dequantize()
    assert float((dense - ref).abs().max()) <= 2.0 ** -10 * float(ref.abs().max())  # fp16 d*sc, dmin*m
    x = torch.randn(3, k, generator=torch.Generator().manual_seed(6))
    _assert_within_kernel_bound(_matmul(kernels, x, w), x, w)
    for dtype in (torch.float32, torch.bfloat16):
        assert torch.equal(_dense(kernels, w, dtype), dense.to(dtype))


@pytest.mark.parametrize("type_name, size, scale_offsets", [("Q2_K", 84, (80, 82)), ("Q3_K", 110, (108,))])
def test_low_bit_k_quants_repack_into_int8(kernels, type_name, size, scale_offsets):
    n, k = 24, 512
    rng = np.random.default_rng(7)
    raw = rng.integers(0, 256, size=(n, k // 256, size), dtype=np.uint8)
    for off in scale_offsets:
        scales = rng.uniform(1e-3, 2e-2, size=(n, k // 256)).astype(np.float16)
        raw[..., off:off + 2] = scales.view(np.uint8).reshape(n, k // 256, 2)
    raw = raw.reshape(n, -1)
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType[type_name]).reshape(n, k).astype(np.float32))
    w = pack_gguf(type_name, raw, (n, k))
    assert (w.scheme, w.group) == ("q8", 16)
    dense = w.dequantize()
    assert float((dense - ref).abs().max()) <= 2.0 ** -10 * float(ref.abs().max())  # fp16 sub-block scales
    x = torch.randn(4, k, generator=torch.Generator().manual_seed(8))
    _assert_within_kernel_bound(_matmul(kernels, x, w), x, w)
    for dtype in (torch.float32, torch.bfloat16):
        assert torch.equal(_dense(kernels, w, dtype), dense.to(dtype))
