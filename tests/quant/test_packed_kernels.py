"""Packed GGUF weights: repacking is lossless and every matmul path equals dequantize-then-matmul."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType
from gguf.quants import dequantize, quantize

from ketch.kernels import load_kernels
from ketch.kernels.policy import ACT_MODES, ISA_LEVELS, default_policy
from ketch.quant.linear import DequantScratch, QuantEmbedding, QuantLinear, kernel_product, packed_matmul
from ketch.quant.packed import PackedWeight, concat_rows, pack_gguf
from tests.bounds import BF16_U, assert_within_gemm_bound, assert_within_packed_bound

TYPES = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0"]


def _matmul(kernels, x, w, mode: str | None = None):
    """The few-row kernel of ``w`` with activation mode ``mode`` for q4 and q8 (default: this CPU's policy)."""
    policy = default_policy() if mode is None else replace(default_policy(), decode_acts=mode, q8_acts=mode)
    return kernel_product(kernels, x, w, policy)


def _dense(kernels, w, dtype):
    n, k = w.shape
    out = torch.empty(n, k, dtype=dtype)
    if w.scheme in ("q4", "q8"):
        return kernels.dequantize_into(w.qs, w.d, w.m, out, w.offset)
    return kernels.lowbit_dequantize_into(w.scheme, w.qs, w.d, w.m, out)


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
    assert w.nbytes * 8 / ref.numel() == {"Q4_0": 4.5, "Q4_1": 5.0, "Q5_0": 5.5, "Q5_1": 6.0, "Q8_0": 8.5}[type_name]


# Activation step = max|x| / levels per 32-block, for each q4 activation mode (packed.h's top).
Q4_LEVELS = {"int16": 32767, "int8x2": 127 * 254, "int8": 127}


def _act_levels(w, mode: str | None = None) -> int:
    """The activation rounding of the kernel ``w`` goes through: ``mode``, else the policy's for q4
    and for q8 weights; int16 for the other layouts."""
    policy = default_policy()
    acts = {"q4": policy.decode_acts, "q8": policy.q8_acts}.get(w.scheme)
    return Q4_LEVELS[mode or acts] if acts else 32767


def _assert_many_rows(got: torch.Tensor, x: torch.Tensor, w, ref: torch.Tensor, policy) -> None:
    """A many-row product by ``policy``: int8 GEMMs round activations to two int8 planes, int16
    GEMMs to int16, the dense path is an fp32 GEMM of the dequantized weight."""
    kernels = load_kernels()
    if policy.prompt_gemm == "int8" and kernels.int8_gemm_scheme(w.scheme):
        assert_within_packed_bound(got, x, w, 127 * 254 if policy.prompt_planes == 2 else 127)
    elif policy.prompt_gemm == "int16" and kernels.int16_gemm_scheme(w.scheme):
        assert_within_packed_bound(got, x, w, 32767)
    else:
        assert_within_gemm_bound(got, x, ref)


def _assert_within_kernel_bound(got: torch.Tensor, x: torch.Tensor, w, levels: int | None = None) -> None:
    """The documented bound for the kernel's activation mode (``levels`` overrides it)."""
    assert_within_packed_bound(got, x, w, levels or _act_levels(w))


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


@pytest.mark.parametrize("mode", list(Q4_LEVELS))
@pytest.mark.parametrize("type_name", ["Q4_0", "Q4_1"])
def test_q4_activation_modes(kernels, mode, type_name):
    """Every q4 path within its bound: int8x2 and int8 with AVX-512 VNNI (int8x2 the default where
    the CPU has it; 4 blocks per 512-bit step, so K = 32..1536 covers partial last steps, and 1-4
    weight rows per pass) and the portable AVX2 int16 path (the default elsewhere; KETCH_Q4_ACTS)."""
    code = ACT_MODES[mode]
    small, _ = _packed(type_name, 4, 32)
    if mode != "int16" and not kernels.cpu_features()["avx512_vnni"]:
        with pytest.raises(RuntimeError, match="VNNI"):
            kernels.q4_linear(torch.zeros(1, 32), small.qs, small.d, small.m, code)
        pytest.skip("this CPU lacks AVX-512 VNNI")
    before = kernels.kernel_calls()[f"q4_{mode}"]
    for n, k in [(4, 32), (13, 160), (70, 576), (33, 1536), (131, 96)]:
        w, ref = _packed(type_name, n, k, seed=n * 7 + k)
        gen = torch.Generator().manual_seed(n + k)
        for m in range(1, 9):
            x = torch.randn(m, k, generator=gen) * (1 + 10 * torch.rand(m, k, generator=gen))
            got = kernels.q4_linear(x, w.qs, w.d, w.m, code)
            _assert_within_kernel_bound(got, x, w, levels=Q4_LEVELS[mode])
            if m == 1:  # rows are independent: one row alone gives the same as within a batch
                assert torch.equal(got, kernels.q4_linear(x[:1].clone(), w.qs, w.d, w.m, code))
        zero = kernels.q4_linear(torch.zeros(2, k), w.qs, w.d, w.m, code)  # all-zero blocks: step 0
        assert torch.equal(zero, torch.zeros(2, n))
    assert kernels.kernel_calls()[f"q4_{mode}"] > before  # the mode's own path ran
    with pytest.raises(RuntimeError, match="activation mode must be"):
        kernels.q4_linear(torch.zeros(1, 32), small.qs, small.d, small.m, 7)


def _q8_weight(n: int, k: int, group: int, with_min: bool, seed: int) -> PackedWeight:
    """A q8 weight as GGUF Q8_0 (group 32), 16-wide groups, or 8-bit GPTQ (mins, offset 128) give."""
    gen = torch.Generator().manual_seed(seed)
    qs = torch.randint(-128, 128, (n, k), generator=gen, dtype=torch.int8)
    d = (torch.rand(n, k // group, generator=gen) * 2e-2 + 1e-3).half()
    m = ((torch.rand(n, k // group, generator=gen) - 0.5) * 4e-2).half() if with_min else None
    return PackedWeight("q8", qs, d, m, "test", 128 if with_min else 0)


@pytest.mark.parametrize("mode", list(Q4_LEVELS))
@pytest.mark.parametrize("group, with_min", [(32, False), (16, False), (32, True)])
def test_q8_activation_modes(kernels, mode, group, with_min):
    """q8 weights follow the same activation modes: with AVX-512 VNNI 64 weights per 512-bit step
    (K = 32..1536 covers a half last step), 1-4 weight rows per pass, 16- and 32-wide scale
    groups, mins with an offset; each within its bound, each row independent of the batch."""
    if mode != "int16" and not kernels.cpu_features()["avx512_vnni"]:
        pytest.skip("this CPU lacks AVX-512 VNNI")
    code = ACT_MODES[mode]
    for n, k in [(4, 32), (13, 160), (70, 576), (33, 1536), (131, 96)]:
        w = _q8_weight(n, k, group, with_min, seed=n * 11 + k)
        gen = torch.Generator().manual_seed(n + k)
        for m in range(1, 9):
            x = torch.randn(m, k, generator=gen) * (1 + 10 * torch.rand(m, k, generator=gen))
            got = kernels.q8_linear(x, w.qs, w.d, w.m, w.offset, code)
            _assert_within_kernel_bound(got, x, w, levels=Q4_LEVELS[mode])
            if m == 1:
                assert torch.equal(got, kernels.q8_linear(x[:1].clone(), w.qs, w.d, w.m, w.offset, code))
        zero = kernels.q8_linear(torch.zeros(2, k), w.qs, w.d, w.m, w.offset, code)
        assert torch.equal(zero, torch.zeros(2, n))


@pytest.mark.parametrize("rows", [1, 7, 8, 9, 33])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_quant_linear_both_paths(rows, dtype):
    torch.manual_seed(rows)
    w, ref = _packed("Q4_1", 160, 256)
    bias = torch.randn(160)
    layer = QuantLinear(w, bias, DequantScratch())
    x = torch.randn(rows, 256).to(dtype)
    want = torch.nn.functional.linear(x.float(), ref, bias)
    # rounded activations (int16 level; KETCH_Q4_ACTS=int8: 1/254 of each block's largest value); bf16
    tol = (1e-3 if _act_levels(w) > 127 else 1e-2) if dtype == torch.float32 else 5e-2
    torch.testing.assert_close(layer(x).float(), want, rtol=tol, atol=tol * float(want.abs().max()))
    assert layer(x).dtype == dtype


@pytest.mark.parametrize("type_name", ["Q8_0", "Q4_0", "Q4_1"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_quant_embedding_lookups_give_the_dequantized_rows(type_name, dtype):
    """Lookups dequantize only the rows asked for, in the kernel where it runs (its call counter
    moves), with exactly the reference's values."""
    w, ref = _packed(type_name, 50, 64)
    emb = QuantEmbedding(w, dtype, DequantScratch())
    ids = torch.tensor([3, 0, 49, 3])
    kernels = load_kernels()
    before = kernels.kernel_calls()["embedding_rows"] if kernels is not None else 0
    assert torch.equal(emb(ids), ref[ids].to(dtype))
    if kernels is not None:
        assert kernels.kernel_calls()["embedding_rows"] == before + 1
        with pytest.raises(RuntimeError, match="token id 50 is outside the vocabulary of 50"):
            emb(torch.tensor([1, 50]))
    assert emb(torch.tensor([], dtype=torch.long)).shape == (0, 64)


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
    # rounded activations: error bounded as in test_kernels_match_dequantized_matmul
    _assert_within_kernel_bound(packed_matmul(x, fused, DequantScratch()), x, fused)


def test_bad_shapes_are_refused(kernels):
    w, _ = _packed("Q4_1", 64, 64)
    with pytest.raises(RuntimeError, match="features"):
        kernels.q4_linear(torch.randn(1, 32), w.qs, w.d, w.m, 0)
    if kernels.int8_gemm_supported():
        with pytest.raises(RuntimeError, match="features"):
            kernels.int8_gemm(torch.randn(9, 32), "q4", w.qs, w.d, w.m, 0, 2)
        with pytest.raises(RuntimeError, match="planes"):
            kernels.int8_gemm(torch.randn(9, 64), "q4", w.qs, w.d, w.m, 0, 3)
        with pytest.raises(RuntimeError, match="does not support"):
            kernels.int8_gemm(torch.randn(9, 64), "q7", w.qs, w.d, w.m, 0, 2)
    with pytest.raises(ValueError, match="32-blocks"):
        pack_gguf("Q4_1", np.zeros((4, 10), dtype=np.uint8), (4, 20))


# Every packable GGUF type: (bytes per block, weights per block, offsets of its fp16 fields). Random
# bytes exercise every code, high bit and sub-block scale; the fp16 fields get sane scales.
GGUF_BLOCKS = {"Q4_0": (18, 32, (0,)), "Q4_1": (20, 32, (0, 2)), "Q5_0": (22, 32, (0,)), "Q5_1": (24, 32, (0, 2)),
               "Q8_0": (34, 32, (0,)), "Q2_K": (84, 256, (80, 82)), "Q3_K": (110, 256, (108,)),
               "Q4_K": (144, 256, (0, 2)), "Q5_K": (176, 256, (0, 2)), "Q6_K": (210, 256, (208,))}
SCHEMES = {"Q4_0": "q4", "Q4_1": "q4", "Q5_0": "q5", "Q5_1": "q5", "Q8_0": "q8", "Q2_K": "q2_k",
           "Q3_K": "q3_k", "Q4_K": "q4_k", "Q5_K": "q5_k", "Q6_K": "q6_k"}


def _random_blocks(type_name: str, n: int, k: int, seed: int = 0) -> np.ndarray:
    size, weights, halves = GGUF_BLOCKS[type_name]
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, 256, size=(n, k // weights, size), dtype=np.uint8)
    for i, off in enumerate(halves):  # the second fp16 is a min: either sign for Q4_1/Q5_1
        lo = -2e-2 if i and weights == 32 else 1e-3
        vals = rng.uniform(lo, 2e-2, size=(n, k // weights)).astype(np.float16)
        raw[..., off:off + 2] = vals.view(np.uint8).reshape(n, k // weights, 2)
    return raw.reshape(n, -1)


def _gguf_reference(type_name: str, raw: np.ndarray, n: int, k: int) -> torch.Tensor:
    return torch.from_numpy(dequantize(raw, GGMLQuantizationType[type_name]).reshape(n, k).astype(np.float32))


@pytest.mark.parametrize("type_name", list(GGUF_BLOCKS))
def test_every_type_dequantizes_exactly_within_ten_percent_of_the_file(type_name):
    n, k = 24, 512
    raw = _random_blocks(type_name, n, k, seed=len(type_name) + GGUF_BLOCKS[type_name][0])
    w = pack_gguf(type_name, raw, (n, k))
    assert (w.scheme, w.shape, w.source_type) == (SCHEMES[type_name], (n, k), type_name)
    assert torch.equal(w.dequantize(), _gguf_reference(type_name, raw, n, k))
    assert w.nbytes <= 1.10 * raw.nbytes, (w.nbytes, raw.nbytes)


@pytest.mark.parametrize("type_name", list(GGUF_BLOCKS))
@pytest.mark.parametrize("n, k", [(40, 256), (130, 768)])
def test_every_type_kernel_matches_the_reference(kernels, type_name, n, k):
    raw = _random_blocks(type_name, n, k, seed=n + k)
    w = pack_gguf(type_name, raw, (n, k))
    ref = w.dequantize()
    gen = torch.Generator().manual_seed(n * k)
    for m in (1, 2, 3, 4, 5, 8):
        x = torch.randn(m, k, generator=gen)
        _assert_within_kernel_bound(_matmul(kernels, x, w), x, w)
    for dtype in (torch.float32, torch.bfloat16):
        assert torch.equal(_dense(kernels, w, dtype), ref.to(dtype))
    x = torch.randn(12, k, generator=gen)  # many rows: the policy's many-row product
    scratch = DequantScratch()
    _assert_many_rows(packed_matmul(x, w, scratch), x, w, ref, scratch.policy)


@pytest.mark.parametrize("type_name", ["Q5_1", "Q3_K", "Q4_K", "Q6_K"])
def test_low_bit_rows_slice_stack_and_fall_back(type_name, monkeypatch):
    a_raw, b_raw = _random_blocks(type_name, 32, 256, seed=1), _random_blocks(type_name, 16, 256, seed=2)
    a, b = pack_gguf(type_name, a_raw, (32, 256)), pack_gguf(type_name, b_raw, (16, 256))
    ref = torch.cat([_gguf_reference(type_name, a_raw, 32, 256), _gguf_reference(type_name, b_raw, 16, 256)])
    fused = concat_rows([a, b])
    assert fused.kind == a.kind and torch.equal(fused.dequantize(), ref)
    emb = QuantEmbedding(fused, torch.float32, DequantScratch())
    ids = torch.tensor([47, 0, 31, 32, 5])
    assert torch.equal(emb(ids), ref[ids])
    x = torch.randn(3, 256, generator=torch.Generator().manual_seed(0))
    if load_kernels() is not None:
        _assert_within_kernel_bound(packed_matmul(x, fused, DequantScratch()), x, fused)
    import ketch.quant.linear as linear  # no kernels (KETCH_DISABLE_KERNELS=1): dequantize + F.linear

    monkeypatch.setattr(linear, "load_kernels", lambda: None)
    assert_within_gemm_bound(packed_matmul(x, fused, DequantScratch()), x, ref)


def test_low_bit_shapes_are_refused(kernels):
    w = pack_gguf("Q4_K", _random_blocks("Q4_K", 8, 512), (8, 512))
    with pytest.raises(RuntimeError, match="multiple of 256"):
        kernels.lowbit_linear(torch.randn(1, 480), w.scheme, w.qs, w.d, w.m)
    with pytest.raises(RuntimeError, match="codes must be"):
        kernels.lowbit_linear(torch.randn(1, 256), w.scheme, w.qs, w.d, w.m)
    with pytest.raises(RuntimeError, match="need mins"):
        kernels.lowbit_linear(torch.randn(1, 512), w.scheme, w.qs, w.d, None)
    with pytest.raises(RuntimeError, match="unknown packed scheme"):
        kernels.lowbit_linear(torch.randn(1, 512), "q7", w.qs, w.d, w.m)
    with pytest.raises(ValueError, match="256-superblocks"):
        pack_gguf("Q6_K", np.zeros((4, 105), dtype=np.uint8), (4, 128))


def _with_perm(w, perm):
    from ketch.quant.packed import PackedWeight

    return PackedWeight(w.scheme, w.qs, w.d, w.m, w.source_type, w.offset, perm)


@pytest.mark.parametrize("perms", ["none", "shared", "per-part"])
def test_multi_quant_linear_runs_each_part_in_its_own_form(perms, monkeypatch):
    """A fused layer of Q4_K, Q6_K and float rows (a Q4_K_M file's q/k, v, an F16 shard)."""
    from ketch.models import count_parameters
    from ketch.quant.linear import DenseLinear, MultiQuantLinear

    k = 512
    a_raw, b_raw = _random_blocks("Q4_K", 48, k, seed=3), _random_blocks("Q6_K", 32, k, seed=4)
    a, b = pack_gguf("Q4_K", a_raw, (48, k)), pack_gguf("Q6_K", b_raw, (32, k))
    gen = torch.Generator().manual_seed(5)
    dense = torch.randn(16, k, generator=gen) * 0.05
    if perms != "none":  # EXL2-style input permutations; a float part reads the natural order
        p1 = torch.randperm(k, generator=gen)
        a, b = _with_perm(a, p1), _with_perm(b, p1 if perms == "shared" else torch.randperm(k, generator=gen))
    parts = [a, b] if perms == "shared" else [a, b, dense]
    ref = torch.cat([a.dequantize(), b.dequantize()] + ([] if perms == "shared" else [dense]))
    bias = torch.randn(ref.shape[0], generator=gen)
    scratch = DequantScratch()
    small = QuantLinear(pack_gguf("Q4_K", a_raw[:8], (8, k)), None, scratch)  # shares the scratch
    layer = MultiQuantLinear(parts, bias, scratch)
    assert [type(p) for p in layer.parts][:2] == [QuantLinear, QuantLinear]
    assert layer._one_gemm == (perms != "per-part")
    assert (layer.in_features, layer.out_features) == (k, ref.shape[0])
    assert count_parameters(layer) == ref.numel() + bias.numel()
    held = sum(t.numel() * t.element_size() for t in list(layer.buffers()) + list(layer.parameters()))
    extra = -8 * k if perms == "shared" else dense.numel() * 4  # one perm tensor held once; the float rows
    assert held == a.nbytes + b.nbytes + bias.numel() * 4 + extra
    x = torch.randn(20, k, generator=gen)
    if load_kernels() is not None:
        small(x)  # a smaller weight through the scratch first
        assert_within_gemm_bound(layer(x), x, ref, bias)  # prefill: exact dequantized rows, an fp32 GEMM
        for rows in (1, 3, 8):  # decode: one kernel per part, outputs side by side
            got = layer(x[:rows]) - bias
            row = 0
            for part in layer.parts:
                n = part.out_features
                if isinstance(part, QuantLinear):
                    w = part.packed
                    stored = _with_perm(w, None)
                    xs = x[:rows] if w.perm is None else x[:rows].index_select(1, w.perm)
                    _assert_within_kernel_bound(got[:, row:row + n], xs, stored)
                else:
                    assert isinstance(part, DenseLinear)
                    torch.testing.assert_close(got[:, row:row + n], x[:rows] @ dense.T)
                row += n
        scratch.policy = replace(scratch.policy, gemm_dtype=torch.bfloat16, prompt_gemm="dense")  # a bf16 GEMM
        assert_within_gemm_bound(layer(x), x, ref, bias, input_u=BF16_U)
        scratch.policy = default_policy()
    import ketch.quant.linear as linear  # no kernels (KETCH_DISABLE_KERNELS=1): dequantize + F.linear

    monkeypatch.setattr(linear, "load_kernels", lambda: None)
    for rows in (1, 20):
        assert_within_gemm_bound(layer(x[:rows]), x[:rows], ref, bias)
    with pytest.raises(ValueError, match="two parts"):
        MultiQuantLinear([a], None, scratch)


@pytest.mark.parametrize("type_name", list(GGUF_BLOCKS))
def test_zero_rows_give_an_empty_product(kernels, type_name):
    """A prompt chunk that ends before its prompt does samples nothing: the LM head may be asked
    for 0 rows (a Q8_0 tied head once divided by zero there and killed the process)."""
    raw = _random_blocks(type_name, 40, 256, seed=5)
    w = pack_gguf(type_name, raw, (40, 256))
    vnni = ISA_LEVELS.index(default_policy().isa) >= ISA_LEVELS.index("avx512_vnni")  # (KETCH_ISA may force less)
    modes = [None] + (["int8", "int8x2"] if w.scheme in ("q4", "q8") and vnni else [])
    for mode in modes:
        assert _matmul(kernels, torch.empty(0, 256), w, mode).shape == (0, 40)
    assert packed_matmul(torch.empty(0, 256), w, DequantScratch()).shape == (0, 40)
    emb = QuantEmbedding(w, torch.float32, DequantScratch())
    assert emb.as_linear(torch.empty(0, 256)).shape == (0, 40)
