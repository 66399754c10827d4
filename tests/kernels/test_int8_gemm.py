"""int8_gemm: many-row products on every packed layout, in 512-bit vectors (AVX-512 VNNI) and in
256-bit ones (int8_gemm256.cpp: AVX-VNNI, or AVX-512 VNNI's 256-bit form where that is all there is)."""
from __future__ import annotations

import pytest
import torch

from ketch.quant.packed import PackedWeight, pack_gguf
from tests.bounds import assert_within_packed_bound
from tests.quant.test_packed_kernels import GGUF_BLOCKS, _q8_weight, _random_blocks

LEVELS = {1: 127, 2: 127 * 254}  # activation step max|x_block| / levels, per plane count


WIDTHS = [512, 256]


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}bit")
def width(request, kernels):
    if not kernels.int8_gemm_supported(request.param):
        pytest.skip(f"this CPU lacks {'AVX-512 VNNI' if request.param == 512 else 'AVX-VNNI and AVX-512 VNNI'}")
    return request.param


@pytest.fixture(scope="module")
def gemm(kernels, width):
    """int8_gemm at one width: gemm(x, scheme, qs, d, m, offset, planes)."""
    def run(*args):
        return kernels.int8_gemm(*args, width)
    return run


def _weights():
    """Every layout the GEMM decodes: each packable GGUF type (Q4_0 and Q5_0 without mins, Q4_1 and
    Q5_1 with, Q8_0, the K-quants with 32- and 16-wide scale groups, signed and unsigned codes),
    16-wide q8 groups, 8-bit GPTQ (mins and offset 128); shapes with whole and partial 16-row
    groups and panels of weight rows (N % 32 != 0), K from one block up."""
    for type_name in GGUF_BLOCKS:
        per = GGUF_BLOCKS[type_name][1]
        for n, k in ((70, 3 * per), (50, per), (131, 3 * 256)):
            yield f"{type_name}-{n}x{k}", pack_gguf(type_name, _random_blocks(type_name, n, k, seed=n + k), (n, k))
    yield "q8g16-45x160", _q8_weight(45, 160, 16, False, seed=1)
    yield "gptq8-64x1536", _q8_weight(64, 1536, 32, True, seed=2)


@pytest.mark.parametrize("planes", [1, 2])
def test_matches_the_dequantized_product_within_the_rounding_bound(gemm, planes):
    gen = torch.Generator().manual_seed(planes)
    for name, w in _weights():
        k = w.shape[1]
        for m in (1, 2, 3, 4, 5, 7, 16, 33, 70):
            # widely varying magnitudes per block: the per-block steps matter
            x = torch.randn(m, k, generator=gen) * (1 + 10 * torch.rand(m, k, generator=gen))
            got = gemm(x, w.scheme, w.qs, w.d, w.m, w.offset, planes)
            assert got.shape == (m, w.shape[0]), name
            assert_within_packed_bound(got, x, w, LEVELS[planes])


@pytest.mark.parametrize("planes", [1, 2])
def test_each_row_is_computed_on_its_own(gemm, planes):
    """A row alone, first, last or in the middle of a batch gives identical bits (batch invariance)."""
    gen = torch.Generator().manual_seed(3)
    for name, w in _weights():
        x = torch.randn(37, w.shape[1], generator=gen)
        full = gemm(x, w.scheme, w.qs, w.d, w.m, w.offset, planes)
        for i in (0, 5, 36):
            for rows in (x[i:i + 1], x[max(0, i - 2):i + 1]):
                part = gemm(rows.contiguous(), w.scheme, w.qs, w.d, w.m, w.offset, planes)
                assert torch.equal(part[-1], full[i]), name


@pytest.mark.parametrize("planes", [1, 2])
def test_the_largest_codes_sum_without_overflow(gemm, planes):
    """Every weight code at -128 and every activation at its block's maximum: each group's integer
    sum is as large as it gets (two planes as one int16 code: 32 x 128 x 32258, within 2^31 by 16x)
    and the product still lands within its rounding bound of the exact one."""
    n, k = 40, 1536
    w = PackedWeight("q8", torch.full((n, k), -128, dtype=torch.int8), torch.full((n, k // 32), 1e-2).half(),
                     None, "test", 0)
    x = torch.full((5, k), -5.0)
    x[1] = 5.0
    x[2, ::2] = 5.0  # signs alternating within each block
    got = gemm(x, w.scheme, w.qs, w.d, w.m, w.offset, planes)
    assert_within_packed_bound(got, x, w, LEVELS[planes])
    assert float(got[0].min()) > 0 > float(got[1].max())


def test_zero_and_empty_inputs(gemm):
    w = pack_gguf("Q4_1", _random_blocks("Q4_1", 40, 64), (40, 64))
    assert torch.equal(gemm(torch.zeros(5, 64), "q4", w.qs, w.d, w.m, 0, 2), torch.zeros(5, 40))
    assert gemm(torch.zeros(0, 64), "q4", w.qs, w.d, w.m, 0, 2).shape == (0, 40)


def test_both_widths_give_the_same_bits(kernels):
    """The 256-bit kernel rounds activations and orders each lane's float operations as the 512-bit
    one, so the two agree bit for bit on every layout (and a 256-bit run proves it ran, counted)."""
    if not (kernels.int8_gemm_supported(512) and kernels.int8_gemm_supported(256)):
        pytest.skip("this CPU lacks AVX-512 VNNI")
    gen = torch.Generator().manual_seed(9)
    before = kernels.kernel_calls()["int8_gemm256"]
    calls = 0
    for name, w in _weights():
        for planes in (1, 2):
            for m in (1, 4, 33):
                x = torch.randn(m, w.shape[1], generator=gen) * (1 + 10 * torch.rand(m, w.shape[1], generator=gen))
                wide = kernels.int8_gemm(x, w.scheme, w.qs, w.d, w.m, w.offset, planes)
                assert torch.equal(kernels.int8_gemm(x, w.scheme, w.qs, w.d, w.m, w.offset, planes, 256), wide), name
                calls += 1
    assert kernels.kernel_calls()["int8_gemm256"] == before + calls


def test_bad_widths_are_refused(kernels):
    w = pack_gguf("Q4_1", _random_blocks("Q4_1", 40, 64), (40, 64))
    with pytest.raises(RuntimeError, match="512- or 256-bit vectors, not 128"):
        kernels.int8_gemm(torch.zeros(2, 64), "q4", w.qs, w.d, w.m, 0, 2, 128)
