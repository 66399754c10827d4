"""q4 weights interleaved 16 rows at a time (kernels/csrc/q4x16.cpp): the layout round-trips, the
few-row kernel stays within the bound of its activation rounding, rows are independent of their
batch, the int8 GEMM reads the layout, and a loaded model tiles only what it should."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType
from gguf.quants import dequantize, quantize

from ketch.kernels.policy import KernelConfig, at_least, cpu_isa
from ketch.quant.linear import DequantScratch, QuantEmbedding, QuantLinear, tile_linears
from ketch.quant.packed import PackedWeight, can_tile_q4, pack_gguf, tile_q4, untile_q4
from tests.bounds import assert_within_gemm_bound, assert_within_packed_bound

LEVELS = {1: 127, 2: 127 * 254}  # activation step max|x| / levels per 32-block, per plane count


def _q4(type_name: str, n: int, k: int, seed: int = 0) -> tuple[PackedWeight, torch.Tensor]:
    rng = np.random.default_rng(seed)
    raw = quantize(rng.standard_normal((n, k)).astype(np.float32), GGMLQuantizationType[type_name])
    ref = torch.from_numpy(dequantize(raw, GGMLQuantizationType[type_name]).reshape(n, k).astype(np.float32))
    return pack_gguf(type_name, raw, (n, k)), ref


def _gptq_like(n: int, k: int, seed: int) -> PackedWeight:
    """q4 with mins of either sign and codes at both ends (GPTQ/AWQ's form)."""
    gen = torch.Generator().manual_seed(seed)
    qs = torch.randint(0, 256, (n, k // 2), dtype=torch.uint8, generator=gen)
    qs[0] = 0x00
    qs[1] = 0xFF
    d = (torch.rand(n, k // 32, generator=gen) * 0.02 + 1e-3).half()
    m = (torch.randn(n, k // 32, generator=gen) * 0.05).half()
    return PackedWeight("q4", qs, d, m, "GPTQ")


# The q4x16 kernels: (code q4x16_linear takes, kernel_calls() name).
PATHS = {"avx512_vnni": (1, "q4x16"), "vnni256": (2, "q4x16_vnni256"), "avx2": (0, "q4x16_avx2")}


# The ISA level whose policy runs each kernel.
LEVEL_OF = {"avx512_vnni": "avx512_vnni", "vnni256": "avx_vnni", "avx2": "avx2"}


def _runs(kernels, kernel: str) -> bool:
    feats = kernels.cpu_features()
    return {"avx2": True, "avx512_vnni": feats["avx512_vnni"],
            "vnni256": feats["avx_vnni"] or feats["avx512_vnni"]}[kernel]


@pytest.fixture(params=list(PATHS))
def isa(request, kernels) -> str:
    if not _runs(kernels, request.param):
        pytest.skip(f"this CPU lacks the {request.param} kernel's ISA")
    return request.param


@pytest.mark.parametrize("type_name", ["Q4_0", "Q4_1"])
def test_tiles_round_trip_and_dequantize_exactly(type_name):
    w, ref = _q4(type_name, 48, 96)
    t = tile_q4(w)
    assert t.scheme == "q4x16" and t.shape == w.shape and t.nbytes == w.nbytes
    assert not torch.equal(t.qs, w.qs)  # the bytes really moved
    back = untile_q4(t)
    assert back.scheme == "q4"
    for a, b in ((back.qs, w.qs), (back.d, w.d), (back.m, w.m)):
        assert (a is None and b is None) or torch.equal(a, b)
    assert torch.equal(t.dequantize(), ref)
    # tile t, block b, chunk k, row i: bytes 4k..4k+3 of row 16t + i's block b
    n, k = w.shape
    tile, block, chunk, row = 1, 2, 3, 5
    at = ((tile * (k // 32) + block) * 4 + chunk) * 64 + 4 * row
    assert torch.equal(t.qs.view(-1)[at:at + 4], w.qs[16 * tile + row, 16 * block + 4 * chunk:16 * block + 4 * chunk + 4])


def test_only_whole_tiles_of_q4_tile():
    w, _ = _q4("Q4_1", 40, 64)
    assert not can_tile_q4(w)
    with pytest.raises(ValueError, match="multiple of 16 rows"):
        tile_q4(w)
    q8, _ = _q4("Q8_0", 32, 64)
    assert not can_tile_q4(q8)


@pytest.mark.parametrize("planes", [2, 1])
@pytest.mark.parametrize("form", ["Q4_0", "Q4_1", "GPTQ"])
def test_kernel_is_within_the_rounding_bound(kernels, isa, form, planes):
    """K from one block to 48 (not a multiple of the 4-block chunk the row kernels step by), 1 to 70
    activation rows (whole and partial row groups), activations spread over four decades."""
    code, name = PATHS[isa]
    before = kernels.kernel_calls()[name]
    for n, k in [(16, 32), (48, 160), (208, 576), (32, 1536)]:
        w = _gptq_like(n, k, seed=n + k) if form == "GPTQ" else _q4(form, n, k, seed=n * 3 + k)[0]
        t = tile_q4(w)
        gen = torch.Generator().manual_seed(n * k + planes)
        for m in (1, 2, 3, 4, 5, 8, 9, 70):
            x = torch.randn(m, k, generator=gen) * torch.exp(3 * torch.rand(m, k, generator=gen))
            got = kernels.q4x16_linear(x, t.qs, t.d, t.m, planes, code)
            assert_within_packed_bound(got, x, t, LEVELS[planes])
            # each row alone gives exactly what it gives among the others
            for r in {0, m // 2, m - 1}:
                assert torch.equal(got[r:r + 1], kernels.q4x16_linear(x[r:r + 1].clone(), t.qs, t.d, t.m, planes, code))
        zero = kernels.q4x16_linear(torch.zeros(3, k), t.qs, t.d, t.m, planes, code)  # all-zero blocks: step 0
        assert torch.equal(zero, torch.zeros(3, n))
    assert kernels.kernel_calls()[name] > before  # that instruction set's kernel itself ran


@pytest.mark.parametrize("form", ["Q4_0", "Q4_1", "GPTQ"])
def test_the_256_bit_vnni_kernel_gives_the_avx2_kernels_bits(kernels, form):
    """Its int32 sums are the AVX2 kernel's exactly and its float steps come in the same order, so
    a level may mix them (int16_gemm's tile_acts reproduces the AVX2 kernel)."""
    if not _runs(kernels, "vnni256"):
        pytest.skip("this CPU has neither AVX-VNNI nor AVX-512 VNNI")
    before = kernels.kernel_calls()["q4x16_vnni256"]
    for n, k in [(16, 32), (48, 160), (208, 576)]:
        w = _gptq_like(n, k, seed=n) if form == "GPTQ" else _q4(form, n, k, seed=k)[0]
        t = tile_q4(w)
        for m in (1, 2, 3, 9):
            x = torch.randn(m, k, generator=torch.Generator().manual_seed(m * k)) * 3
            for planes in (1, 2):
                assert torch.equal(kernels.q4x16_linear(x, t.qs, t.d, t.m, planes, 2),
                                   kernels.q4x16_linear(x, t.qs, t.d, t.m, planes, 0)), (n, k, m, planes)
    assert kernels.kernel_calls()["q4x16_vnni256"] == before + 3 * 4 * 2


def test_tiles_dequantize_in_the_kernel_exactly(kernels):
    """The dense path of tiled weights (levels whose many-row product is an fp32/bf16 GEMM)."""
    for type_name in ("Q4_0", "Q4_1"):
        w, ref = _q4(type_name, 48, 160, seed=5)
        t = tile_q4(w)
        for dtype in (torch.float32, torch.bfloat16):
            out = torch.empty(48, 160, dtype=dtype)
            assert torch.equal(kernels.dequantize_into(t.qs, t.d, t.m, out, 0, tiled=True), ref.to(dtype))
    with pytest.raises(RuntimeError, match="multiple of 16 rows"):
        kernels.dequantize_into(t.qs[:8], t.d[:8], t.m[:8], torch.empty(8, 160), 0, tiled=True)


@pytest.fixture
def vnni(kernels):
    if not kernels.cpu_features()["avx512_vnni"]:
        pytest.skip("this CPU lacks AVX-512 VNNI, which the int8 GEMM needs")
    return kernels


@pytest.mark.parametrize("planes", [2, 1])
def test_int8_gemm_reads_tiles_as_rows(vnni, planes):
    """The many-row product decodes the same panel from either layout: bit-identical results."""
    for type_name, n, k in [("Q4_1", 48, 576), ("Q4_0", 80, 96)]:
        w, _ = _q4(type_name, n, k, seed=n)
        x = torch.randn(37, k, generator=torch.Generator().manual_seed(k))
        rows = vnni.int8_gemm(x, "q4", w.qs, w.d, w.m, 0, planes)
        t = tile_q4(w)
        assert torch.equal(vnni.int8_gemm(x, "q4x16", t.qs, t.d, t.m, 0, planes), rows)


def test_bad_arguments_are_refused(kernels):
    w, _ = _q4("Q4_1", 32, 64)
    t = tile_q4(w)
    with pytest.raises(RuntimeError, match="1 or 2 activation planes"):
        kernels.q4x16_linear(torch.zeros(1, 64), t.qs, t.d, t.m, 0, 0)
    with pytest.raises(RuntimeError, match="unknown kernel 7"):
        kernels.q4x16_linear(torch.zeros(1, 64), t.qs, t.d, t.m, 2, 7)
    with pytest.raises(RuntimeError, match="multiple of 16 rows"):
        kernels.q4x16_linear(torch.zeros(1, 64), t.qs[:8], t.d[:8], t.m[:8], 2, 0)
    with pytest.raises(RuntimeError, match="features"):
        kernels.q4x16_linear(torch.zeros(1, 32), t.qs, t.d, t.m, 2, 0)
    with pytest.raises(RuntimeError, match="mins must match"):
        kernels.q4x16_linear(torch.zeros(1, 64), t.qs, t.d, t.m[:, :1].contiguous(), 2, 0)
    if kernels.cpu_features()["avx512_vnni"]:
        with pytest.raises(RuntimeError, match="multiple of 16 rows"):
            kernels.int8_gemm(torch.zeros(9, 64), "q4x16", t.qs[:8], t.d[:8], t.m[:8], 0, 2)
    else:
        with pytest.raises(RuntimeError, match="AVX-512 VNNI kernel needs an ISA this CPU lacks"):
            kernels.q4x16_linear(torch.zeros(1, 64), t.qs, t.d, t.m, 2, 1)
    if not _runs(kernels, "vnni256"):
        with pytest.raises(RuntimeError, match="256-bit VNNI"):
            kernels.q4x16_linear(torch.zeros(1, 64), t.qs, t.d, t.m, 2, 2)


def test_policy_tiles_below_amx(kernels, monkeypatch):
    assert not KernelConfig().q4_tiles
    with pytest.raises(ValueError, match="q4 tiles need the int8 or dense many-row product"):
        KernelConfig(isa="amx", decode_acts="int8x2", prompt_gemm="amx", q4_tiles=True)
    avx2 = KernelConfig.for_cpu(isa="avx2")
    assert avx2.q4_tiles and avx2.tile_kernel == "avx2" and avx2.tile_planes == 2  # int16's precision
    if at_least(cpu_isa(), "avx_vnni"):
        v256 = KernelConfig.for_cpu(isa="avx_vnni")
        assert v256.q4_tiles and v256.tile_kernel == "vnni256" and v256.tile_code == 2 and v256.tile_gemm
    if at_least(cpu_isa(), "avx512_vnni"):
        vnni = KernelConfig.for_cpu(isa="avx512_vnni")
        assert vnni.q4_tiles and vnni.tile_kernel == "avx512_vnni" and vnni.tile_planes == 2
        assert KernelConfig.for_cpu(isa="avx512_vnni", decode_acts="int8").tile_planes == 1
    if cpu_isa() == "amx":
        assert not KernelConfig.for_cpu().q4_tiles
    monkeypatch.setenv("KETCH_Q4_TILES", "0")
    assert not KernelConfig.for_cpu(isa="avx2").q4_tiles


def test_tiling_a_model_keeps_its_outputs(kernels, isa, monkeypatch):
    """tile_linears retiles q4 linears (not q4 embeddings, not a q4 weight without whole tiles, and
    Q8_0 only where the policy's q8_tiles holds: test_q8x16.py); their decode rows keep within the
    kernel's bound, their many-row products give what the row layout gives."""
    scratch = DequantScratch(KernelConfig.for_cpu(isa=LEVEL_OF[isa]))
    w1, _ = _q4("Q4_1", 64, 128, seed=1)
    w0, _ = _q4("Q4_0", 40, 128, seed=2)  # 40 rows: no whole tiles, stays q4
    q8, _ = _q4("Q8_0", 64, 128, seed=3)
    emb, _ = _q4("Q4_1", 64, 128, seed=4)
    model = torch.nn.ModuleDict({"a": QuantLinear(w1, None, scratch), "b": QuantLinear(w0, None, scratch),
                                 "c": QuantLinear(q8, None, scratch),
                                 "e": QuantEmbedding(emb, torch.float32, scratch)})
    x = torch.randn(20, 128, generator=torch.Generator().manual_seed(0))
    before = {name: (model[name](x[:1]), model[name](x)) for name in "abc"}
    q8_tiles = scratch.policy.q8_tiles
    assert q8_tiles == (isa == "avx512_vnni")
    assert tile_linears(model, scratch.policy) == 1 + q8_tiles
    assert [model[n].scheme for n in "abce"] == ["q4x16", "q4", "q8x16" if q8_tiles else "q8", "q4"]
    name = PATHS[isa][1]
    calls = kernels.kernel_calls()[name]
    one, many = model["a"](x[:1]), model["a"](x)
    assert_within_packed_bound(one, x[:1], w1, LEVELS[2])
    if isa != "avx2":
        assert kernels.kernel_calls()[name] == calls + 1  # the decode row took the tiled kernel
        assert torch.equal(many, before["a"][1])  # many rows: the same int8 GEMM panels
        width = scratch.policy.gemm_width  # 256 at avx_vnni
        assert torch.equal(many, kernels.int8_gemm(x, "q4x16", model["a"].qs, model["a"].d, model["a"].m, 0, 2, width))
    else:  # no int8 GEMM: 20 rows are an int16 GEMM on the tiles
        assert kernels.kernel_calls()[name] == calls + 1
        assert torch.equal(many, kernels.int16_gemm(x, "q4x16", model["a"].qs, model["a"].d, model["a"].m, 0))
        assert_within_packed_bound(many, x, w1, 32767)
    assert torch.equal(model["b"](x[:1]), before["b"][0])
    if not q8_tiles:
        assert torch.equal(model["c"](x[:1]), before["c"][0])
    monkeypatch.setattr("ketch.quant.linear.load_kernels", lambda: None)  # no kernels: dequantize
    assert torch.equal(model["a"](x), torch.nn.functional.linear(x, w1.dequantize()))


def test_dense_policy_keeps_many_rows_in_the_tiled_kernel(kernels, monkeypatch):
    """With dense many-row products (a policy below VNNI without the int16 GEMM), a q4x16 weight's
    many-row products run its kernel (no dense copy) up to TILE_KERNEL_ROWS rows, and at any row
    count for batch-invariant prompt rows."""
    from ketch.quant.linear import TILE_KERNEL_ROWS

    w, _ = _q4("Q4_1", 48, 96, seed=9)
    t = tile_q4(w)
    x = torch.randn(TILE_KERNEL_ROWS + 40, 96, generator=torch.Generator().manual_seed(1))
    for invariant in (False, True):
        policy = replace(KernelConfig.for_cpu(isa="avx2", batch_invariant=invariant), prompt_gemm="dense",
                         tile_gemm=False)
        layer = QuantLinear(t, None, DequantScratch(policy))
        calls = kernels.kernel_calls()
        y = layer(x[:100])
        after = kernels.kernel_calls()
        assert after["q4x16_avx2"] == calls["q4x16_avx2"] + 1 and after["dequantize"] == calls["dequantize"]
        assert torch.equal(y, kernels.q4x16_linear(x[:100].contiguous(), t.qs, t.d, t.m, 2, 0))
        calls = kernels.kernel_calls()
        layer(x)  # past the limit: dense, unless each prompt row must stay in one product
        after = kernels.kernel_calls()
        assert (after["dequantize"] > calls["dequantize"]) != invariant
        assert (after["q4x16_avx2"] > calls["q4x16_avx2"]) == invariant


def test_batches_of_generated_rows_take_the_gemm_with_the_kernels_bits(kernels):
    """Below VNNI, generated-token rows past max_kernel_rows run as the int16 GEMM rounded as the
    q4x16 kernel (tile_gemm): the call counters show which ran, the bits are the kernel's."""
    w, _ = _q4("Q4_1", 48, 96, seed=10)
    t = tile_q4(w)
    policy = KernelConfig.for_cpu(isa="avx2", batch_invariant=True)
    assert policy.tile_gemm
    layer = QuantLinear(t, None, DequantScratch(policy))
    x = torch.randn(policy.max_kernel_rows + 9, 96, generator=torch.Generator().manual_seed(2))
    for rows, path in ((policy.max_kernel_rows, "q4x16_avx2"), (policy.max_kernel_rows + 1, "int16_gemm"),
                       (x.shape[0], "int16_gemm")):
        xr = x[:rows].contiguous()
        calls = kernels.kernel_calls()
        y = layer(xr, decode_rows=rows)
        after = kernels.kernel_calls()
        assert {k for k in after if after[k] != calls[k]} == {path}, rows
        assert torch.equal(y, kernels.q4x16_linear(xr, t.qs, t.d, t.m, 2, 0)), rows
    with pytest.raises(ValueError, match="tile_gemm needs"):
        replace(policy, q4_tiles=False)


def test_fused_layers_keep_tiled_parts_in_their_kernel(kernels):
    """A fused projection with a q4x16 part (mixed-quant files) does not dequantize it for one
    shared GEMM below TILE_KERNEL_ROWS under a dense many-row policy; its other parts still take
    the dense path."""
    from ketch.quant.linear import MultiQuantLinear

    q4, _ = _q4("Q4_1", 32, 64, seed=11)
    q8, _ = _q4("Q8_0", 16, 64, seed=12)
    layer = MultiQuantLinear([q4, q8], None,
                             DequantScratch(replace(KernelConfig.for_cpu(isa="avx2"), prompt_gemm="dense",
                                                    tile_gemm=False)))
    x = torch.randn(40, 64, generator=torch.Generator().manual_seed(2))
    rows = layer(x)
    assert tile_linears(layer, layer.scratch.policy) == 1 and layer.parts[0].scheme == "q4x16"
    calls = kernels.kernel_calls()
    tiled = layer(x)
    after = kernels.kernel_calls()
    assert after["q4x16_avx2"] == calls["q4x16_avx2"] + 1
    assert_within_gemm_bound(tiled[:, 32:], x, q8.dequantize())  # the q8 part: a dense fp32 product
    assert_within_gemm_bound(rows, x, torch.cat([q4.dequantize(), q8.dequantize()]))  # before: one GEMM
    assert_within_packed_bound(tiled[:, :32], x, q4, LEVELS[2])
