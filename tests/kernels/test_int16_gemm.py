"""int16_gemm: many-row products on every packed layout without VNNI (AVX2, vpmaddwd)."""
from __future__ import annotations

import pytest
import torch

from ketch.quant.packed import pack_gguf, tile_q4
from tests.bounds import assert_within_packed_bound
from tests.kernels.test_int8_gemm import _weights
from tests.quant.test_packed_kernels import _random_blocks

LEVELS = 32767  # activation step max|x_block| / 32767, per 32-block


def test_matches_the_dequantized_product_within_the_rounding_bound(kernels):
    gen = torch.Generator().manual_seed(11)
    for name, w in _weights():
        k = w.shape[1]
        for m in (1, 2, 3, 4, 5, 7, 16, 33, 70):
            # widely varying magnitudes per block: the per-block steps matter
            x = torch.randn(m, k, generator=gen) * (1 + 10 * torch.rand(m, k, generator=gen))
            got = kernels.int16_gemm(x, w.scheme, w.qs, w.d, w.m, w.offset)
            assert got.shape == (m, w.shape[0]), name
            assert_within_packed_bound(got, x, w, LEVELS)


def test_q4x16_tiles_give_the_row_layouts_bits(kernels):
    gen = torch.Generator().manual_seed(12)
    for type_name in ("Q4_0", "Q4_1"):
        w = pack_gguf(type_name, _random_blocks(type_name, 48, 96, seed=4), (48, 96))
        x = torch.randn(9, 96, generator=gen)
        t = tile_q4(w)
        rows = kernels.int16_gemm(x, "q4", w.qs, w.d, w.m, 0)
        assert torch.equal(kernels.int16_gemm(x, "q4x16", t.qs, t.d, t.m, 0), rows)


def test_each_row_is_computed_on_its_own(kernels):
    """A row alone, first, last or in the middle of a batch gives identical bits (batch invariance)."""
    gen = torch.Generator().manual_seed(13)
    for name, w in _weights():
        x = torch.randn(37, w.shape[1], generator=gen)
        full = kernels.int16_gemm(x, w.scheme, w.qs, w.d, w.m, w.offset)
        for i in (0, 5, 36):
            for rows in (x[i:i + 1], x[max(0, i - 2):i + 1]):
                part = kernels.int16_gemm(rows.contiguous(), w.scheme, w.qs, w.d, w.m, w.offset)
                assert torch.equal(part[-1], full[i]), name


def test_zero_empty_and_bad_inputs(kernels):
    w = pack_gguf("Q4_1", _random_blocks("Q4_1", 40, 64), (40, 64))
    assert torch.equal(kernels.int16_gemm(torch.zeros(5, 64), "q4", w.qs, w.d, w.m, 0), torch.zeros(5, 40))
    assert kernels.int16_gemm(torch.zeros(0, 64), "q4", w.qs, w.d, w.m, 0).shape == (0, 40)
    with pytest.raises(RuntimeError, match="features"):
        kernels.int16_gemm(torch.randn(3, 32), "q4", w.qs, w.d, w.m, 0)
    with pytest.raises(RuntimeError, match="does not support"):
        kernels.int16_gemm(torch.randn(3, 64), "q7", w.qs, w.d, w.m, 0)
    assert kernels.int16_gemm_scheme("q6_k") and not kernels.int16_gemm_scheme("q7")


@pytest.mark.parametrize("type_name", ["Q4_0", "Q4_1"])
def test_tile_acts_give_the_q4x16_kernels_bits(kernels, type_name):
    """Rounded as the AVX2 q4x16 kernel's two planes, the GEMM gives that kernel's bits for any row
    count (so a batch of generated tokens may take either), and differs from the int16 rounding."""
    gen = torch.Generator().manual_seed(14)
    # K past one 128-weight pass and not a multiple of it; 3 tiles: a half-filled last panel
    t = tile_q4(pack_gguf(type_name, _random_blocks(type_name, 48, 352, seed=5), (48, 352)))
    for m in (1, 2, 3, 9, 33, 70):
        x = torch.randn(m, 352, generator=gen) * (1 + 10 * torch.rand(m, 352, generator=gen))
        kernel = kernels.q4x16_linear(x, t.qs, t.d, t.m, 2, 0)
        assert torch.equal(kernels.int16_gemm(x, "q4x16", t.qs, t.d, t.m, 0, True), kernel), m
    assert not torch.equal(kernels.int16_gemm(x, "q4x16", t.qs, t.d, t.m, 0), kernel)
    with pytest.raises(RuntimeError, match="only for q4x16"):
        w = pack_gguf("Q8_0", _random_blocks("Q8_0", 32, 64), (32, 64))
        kernels.int16_gemm(torch.randn(2, 64), w.scheme, w.qs, w.d, w.m, w.offset, True)
