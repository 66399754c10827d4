"""AMX tile products on packed weights: bf16(x) @ bf16(W).T with fp32 sums, each row on its own."""
from __future__ import annotations

import pytest
import torch

from ketch.quant.linear import MultiQuantLinear, QuantLinear
from ketch.quant.packed import pack_gguf
from tests.policies import scratch_for
from tests.quant.test_packed_kernels import GGUF_BLOCKS, _dense, _q8_weight, _random_blocks


@pytest.fixture(scope="module")
def amx(kernels):
    if not kernels.amx_available():
        pytest.skip("this CPU has no AMX bf16 tiles (or the OS does not grant them)")
    return kernels


def _reference(kernels, x: torch.Tensor, w) -> torch.Tensor:
    """What a bf16 GEMM computes, summed in float64: the tile sums (fp32) must stay close to it."""
    return (x.bfloat16().double() @ _dense(kernels, w, torch.bfloat16).double().T).float()


def _check(kernels, w, m: int, seed: int) -> None:
    k = w.shape[1]
    x = torch.randn(m, k, generator=torch.Generator().manual_seed(seed)) * 2
    y = kernels.amx_packed_linear(x, w.scheme, w.qs, w.d, w.m, w.offset)
    ref = _reference(kernels, x, w)
    assert y.shape == ref.shape and y.dtype == torch.float32
    # fp32 accumulation over k products of bf16 values: a few ulps of the sum of |terms|.
    bound = (x.bfloat16().double().abs() @ _dense(kernels, w, torch.bfloat16).double().abs().T).float()
    assert torch.all((y - ref).abs() <= bound * k * 2 ** -23 + 1e-6)
    # Every row equals the same row computed alone (the batch-invariance contract).
    for i in {0, m // 2, m - 1}:
        alone = kernels.amx_packed_linear(x[i:i + 1].contiguous(), w.scheme, w.qs, w.d, w.m, w.offset)
        assert torch.equal(alone[0], y[i])


@pytest.mark.parametrize("type_name", list(GGUF_BLOCKS))
@pytest.mark.parametrize("n, k", [(40, 256), (130, 768)])  # 40, 130: a part panel of weight rows
def test_every_gguf_type(amx, type_name, n, k):
    w = pack_gguf(type_name, _random_blocks(type_name, n, k, seed=n + k), (n, k))
    for m in (1, 17, 70):  # part tiles; 70: two passes over the panel (4 tiles of 16 rows, then 1)
        _check(amx, w, m, seed=m)


@pytest.mark.parametrize("group, with_min", [(32, False), (16, False), (32, True)])
def test_q8_groups_mins_and_offset(amx, group, with_min):
    _check(amx, _q8_weight(48, 96, group, with_min, seed=group), 33, seed=3)


def test_bad_inputs_are_refused(amx):
    w = pack_gguf("Q4_1", _random_blocks("Q4_1", 16, 64), (16, 64))
    with pytest.raises(RuntimeError, match="x has 32 features, the weight 64"):
        amx.amx_packed_linear(torch.randn(3, 32), "q4", w.qs, w.d, w.m, 0)
    with pytest.raises(RuntimeError, match="q4 weights must be uint8"):
        amx.amx_packed_linear(torch.randn(3, 64), "q4", w.qs.view(torch.int8), w.d, w.m, 0)
    with pytest.raises(RuntimeError, match="contiguous fp32"):
        amx.amx_packed_linear(torch.randn(3, 64).bfloat16(), "q4", w.qs, w.d, w.m, 0)
    assert amx.amx_packed_linear(torch.empty(0, 64), "q4", w.qs, w.d, w.m, 0).shape == (0, 16)


def test_layers_use_tiles_for_many_rows(amx, monkeypatch):
    """Prompt rows of a bf16-GEMM model run on the tiles, fused projections part by part."""
    a = pack_gguf("Q4_1", _random_blocks("Q4_1", 48, 64, seed=1), (48, 64))
    b = pack_gguf("Q6_K", _random_blocks("Q6_K", 16, 256, seed=2), (16, 256))
    calls = []
    real = amx.amx_packed_linear
    monkeypatch.setattr(amx, "amx_packed_linear",
                        lambda x, scheme, *rest: calls.append(scheme) or real(x, scheme, *rest))
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(20, 64, generator=gen)
    scratch = scratch_for("amx")
    y = QuantLinear(a, None, scratch)(x)
    torch.testing.assert_close(y, _reference(amx, x, a), rtol=1e-4, atol=1e-4)  # fp32 sums vs float64
    assert calls == ["q4"]
    dense = scratch_for("amx", prompt_gemm="dense")  # a bf16 GEMM: the same products, rounded to bf16 on the way out
    torch.testing.assert_close(QuantLinear(a, None, dense)(x), y, rtol=2 ** -7, atol=1e-3)
    calls.clear()
    fused = MultiQuantLinear([a, pack_gguf("Q8_0", _random_blocks("Q8_0", 32, 64, seed=3), (32, 64))], None, scratch)
    fused(x)
    assert calls == ["q4", "q8"]
    x6 = torch.randn(9, 256, generator=gen)
    torch.testing.assert_close(QuantLinear(b, None, scratch)(x6), _reference(amx, x6, b), rtol=1e-4, atol=1e-4)
