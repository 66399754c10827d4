"""Every zero point survives `ketch quantize`'s checkpoint layout, including 0 and the top code."""
from __future__ import annotations

import pytest
import torch

from ketch.formats.gptq import codes_and_params, dequantize_gptq, pack_gptq
from ketch.tools.quantize.quantize import QuantizeConfig, layer_tensors, pack_cols, pack_rows, quantization_config
from ketch.tools.quantize.rtn import dequantize_codes, rtn_quantize


def _weight_with_extreme_groups(n: int, k: int, group: int) -> torch.Tensor:
    """Row 0's first group is all >= 0 (zero point 0), its second all <= 0 (zero point 2^bits - 1)."""
    w = torch.randn(n, k, generator=torch.Generator().manual_seed(0))
    w[0, :group] = w[0, :group].abs()
    w[0, group:2 * group] = -w[0, group:2 * group].abs()
    return w


@pytest.mark.parametrize("layout, bits", [("gptq", 4), ("gptq", 8), ("awq", 4)])
def test_zero_points_round_trip_through_the_checkpoint(layout, bits):
    group, n, k = 32, 16, 128
    codes = rtn_quantize(_weight_with_extreme_groups(n, k, group), group, bits)
    zeros = codes[1]
    top = (1 << bits) - 1
    assert int(zeros[0, 0]) == 0 and int(zeros[1, 0]) == top  # both extremes are in the test
    cfg = QuantizeConfig(group_size=group, bits=bits, layout=layout)
    qcfg = quantization_config(cfg)
    parts = {name.rpartition(".")[2]: t for name, t in layer_tensors("p", *codes, cfg).items()}
    fmt = qcfg.get("checkpoint_format", "gptq")
    _, loaded_zeros, _, _ = codes_and_params(parts, layout, fmt, bits, group)
    assert torch.equal(loaded_zeros, zeros.float())
    want = dequantize_codes(*codes, group)
    assert torch.equal(dequantize_gptq(parts, layout, fmt, bits, group), want)
    packed = pack_gptq(parts, layout, fmt, bits, group)
    assert packed is not None
    # the planes hold each group's min -zero * scale rounded to fp16 (half an ulp: 2^-11 relative),
    # then q * d + m in fp32
    mins = (zeros.float() * codes[2]).abs().max()
    bound = 2 ** -11 * float(mins) + 2 ** -23 * float(want.abs().max())
    assert float((packed.dequantize() - want).abs().max()) <= bound


def test_original_gptq_files_store_zero_minus_one():
    """Files AutoGPTQ wrote (checkpoint_format "gptq") still load: their stored zero points are zero - 1."""
    group, n, k, bits = 32, 8, 64, 4
    w = torch.randn(n, k, generator=torch.Generator().manual_seed(1))
    codes, zeros, scales = rtn_quantize(w, group, bits)
    assert int(zeros.min()) >= 1  # a zero point of 0 is the one the original format cannot hold
    parts = {"qweight": pack_rows(codes, bits), "qzeros": pack_cols(zeros - 1, bits=bits), "scales": scales.half()}
    assert torch.equal(dequantize_gptq(parts, "gptq", "gptq", bits, group), dequantize_codes(codes, zeros, scales, group))
