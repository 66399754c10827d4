"""Q8_0-style weights interleaved 16 rows at a time (kernels/csrc/q8x16.cpp): the layout round-trips,
the kernel stays within the bound of its activation rounding at any row count, rows are
independent of their batch, lookups and dense copies read the layout, and a policy tiles only
where the AVX-512 VNNI kernel runs."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType
from gguf.quants import dequantize, quantize

from ketch.kernels.policy import KernelConfig, supported_isas
from ketch.quant.linear import DequantScratch, QuantEmbedding, QuantLinear, tile_linears
from ketch.quant.packed import PackedWeight, can_tile_q8, pack_gguf, tile_q8, untile_q8
from tests.bounds import assert_within_packed_bound

LEVELS = {1: 127, 2: 127 * 254}  # activation step max|x| / levels per 32-block, per plane count


def _q8(n: int, k: int, seed: int = 0) -> tuple[PackedWeight, torch.Tensor]:
    rng = np.random.default_rng(seed)
    raw = quantize(rng.standard_normal((n, k)).astype(np.float32), GGMLQuantizationType.Q8_0)
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType.Q8_0).reshape(n, k).astype(np.float32))
    w = pack_gguf("Q8_0", raw, (n, k))
    w.qs[0, :32] = 127  # a block at each end of the code range
    w.qs[1, :32] = -128
    ref[0, :32] = 127 * w.d[0, 0].float()
    ref[1, :32] = -128 * w.d[1, 0].float()
    return w, ref


@pytest.fixture
def vnni(kernels):
    if not kernels.cpu_features()["avx512_vnni"]:
        pytest.skip("this CPU lacks AVX-512 VNNI, which the q8x16 kernel needs")
    return kernels


def test_the_layout_round_trips_and_says_what_cannot_tile():
    w, ref = _q8(48, 96)
    t = tile_q8(w)
    assert t.scheme == "q8x16" and t.shape == (48, 96) and t.qs.dtype == torch.int8
    back = untile_q8(t)
    assert torch.equal(back.qs, w.qs) and torch.equal(back.d, w.d)
    assert torch.equal(t.dequantize(), ref)
    # tile 0, block 1, chunk 2 holds weights 40..43 of each of rows 0..15
    assert torch.equal(t.qs.view(-1)[(1 * 8 + 2) * 64:(1 * 8 + 3) * 64].view(16, 4), w.qs[:16, 40:44])
    assert not can_tile_q8(_q8(40, 96)[0])  # no whole tiles
    with_mins = PackedWeight("q8", w.qs, w.d, w.d, "GPTQ", offset=-128)
    assert not can_tile_q8(with_mins)
    with pytest.raises(ValueError, match="only Q8_0-style q8 weights with a multiple of 16 rows tile"):
        tile_q8(with_mins)


@pytest.mark.parametrize("planes", [1, 2])
@pytest.mark.parametrize("rows", [1, 3, 4, 5, 17, 70])
def test_the_kernel_stays_within_its_rounding_bound(vnni, planes, rows):
    w, _ = _q8(64, 224, seed=rows)  # K = 7 blocks: not a multiple of any vector width
    t = tile_q8(w)
    x = torch.randn(rows, 224, generator=torch.Generator().manual_seed(rows)) * 3
    x[0, 32:64] = 0  # an all-zero block: step 0
    before = vnni.kernel_calls()["q8x16"]
    y = QuantLinear(t, None, DequantScratch(KernelConfig.for_cpu(isa="avx512_vnni", decode_acts=(
        "int8" if planes == 1 else "int8x2"))))(x)
    assert vnni.kernel_calls()["q8x16"] == before + 1  # one call, whatever the row count
    assert_within_packed_bound(y, x, w, LEVELS[planes])
    assert_within_packed_bound(vnni.q8x16_linear(x, t.qs, t.d, planes), x, w, LEVELS[planes])


def test_each_row_is_independent_of_its_batch(vnni):
    t = tile_q8(_q8(32, 128, seed=5)[0])
    x = torch.randn(37, 128, generator=torch.Generator().manual_seed(1))
    many = vnni.q8x16_linear(x, t.qs, t.d, 2)
    for r in (0, 3, 4, 36):
        assert torch.equal(many[r:r + 1], vnni.q8x16_linear(x[r:r + 1].contiguous(), t.qs, t.d, 2))
    assert vnni.q8x16_linear(x[:0], t.qs, t.d, 2).shape == (0, 32)


def test_lookups_and_dense_copies_read_the_tiles(kernels):
    w, ref = _q8(64, 96, seed=3)
    t = tile_q8(w)
    for dtype in (torch.float32, torch.bfloat16):
        emb = QuantEmbedding(t, dtype, DequantScratch())
        ids = torch.tensor([63, 0, 17, 17, 1])
        before = kernels.kernel_calls()["embedding_rows"]
        assert torch.equal(emb(ids), ref[ids].to(dtype))
        assert kernels.kernel_calls()["embedding_rows"] == before + 1
    half = QuantEmbedding(t, torch.float16, DequantScratch())  # the torch path untiles first
    assert torch.equal(half(torch.tensor([5, 60])), ref[[5, 60]].half())
    out = torch.empty(64, 96)
    assert torch.equal(kernels.dequantize_into(t.qs, t.d, None, out, 0, tiled=True), ref)


def test_bad_arguments_get_clear_errors(vnni):
    t = tile_q8(_q8(32, 64)[0])
    x = torch.randn(2, 64)
    cases = [((x, t.qs.view(torch.uint8), t.d, 2), "q8x16 codes must be contiguous int8"),
             ((x, t.qs[:20].contiguous(), t.d[:20].contiguous(), 2), "a multiple of 16 rows, got 20"),
             ((x, t.qs, t.d.float(), 2), "q8x16 scales must be contiguous half"),
             ((x[:, :32].contiguous(), t.qs, t.d, 2), "x has 32 features, the weight 64"),
             ((x, t.qs, t.d, 3), "takes 1 or 2 activation planes, got 3")]
    for args, message in cases:
        with pytest.raises(RuntimeError, match=message):
            vnni.q8x16_linear(*args)
    with pytest.raises(RuntimeError, match="token id 32 is outside the vocabulary of 32"):
        vnni.embedding_rows(t.qs, t.d, None, torch.tensor([32]), 0, False, tiled=True)


@pytest.mark.parametrize("level", sorted(supported_isas()))
def test_policies_tile_q8_only_where_the_vnni_kernel_runs(kernels, level):
    policy = KernelConfig.for_cpu(isa=level)
    assert policy.q8_tiles == (policy.q4_tiles and level == "avx512_vnni")
    scratch = DequantScratch(policy)
    w, ref = _q8(64, 128, seed=7)
    model = torch.nn.ModuleDict({"head": QuantLinear(w, None, scratch),
                                 "emb": QuantEmbedding(_q8(48, 128, seed=8)[0], torch.float32, scratch)})
    x = torch.randn(9, 128, generator=torch.Generator().manual_seed(2))
    before_rows = model["emb"](torch.tensor([0, 47]))
    tiled = tile_linears(model, policy)
    assert tiled == (2 if policy.q8_tiles else 0)
    assert {m.scheme for m in model.values()} == ({"q8x16"} if policy.q8_tiles else {"q8"})
    assert torch.equal(model["emb"](torch.tensor([0, 47])), before_rows)
    if policy.q8_tiles:
        before = kernels.kernel_calls()["q8x16"]
        assert_within_packed_bound(model["head"](x), x, w, LEVELS[policy.tile_planes])  # 9 rows: the kernel
        assert_within_packed_bound(model["emb"].as_linear(x[:2]), x[:2], untile_q8(model["emb"].packed),
                                   LEVELS[policy.tile_planes])  # a tied head
        assert kernels.kernel_calls()["q8x16"] == before + 2
