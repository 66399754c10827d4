"""Batch-invariant packed linears: a row's result does not depend on what else is in its batch."""
from __future__ import annotations

import pytest
import torch

from ketch.quant.linear import DequantScratch, QuantEmbedding, QuantLinear
from tests.quant.test_packed_kernels import _packed


def _invariant_scratch(decode_rows: int, sample_rows: int = 8, use_amx: bool = True) -> DequantScratch:
    scratch = DequantScratch(gemm_dtype=torch.bfloat16 if torch.cpu._is_amx_tile_supported() else None)
    scratch.use_amx = use_amx  # off: the fixed-size GEMM tiles CPUs without AMX use
    scratch.batch_invariant = True
    scratch.decode_rows = decode_rows
    scratch.sample_rows = sample_rows
    return scratch


@pytest.mark.parametrize("use_amx", [True, False])
def test_rows_give_the_same_result_in_any_batch(kernels, use_amx):
    torch.manual_seed(0)
    w, _ = _packed("Q4_1", 96, 256)
    decode_rows, prompt_rows = torch.randn(12, 256), torch.randn(150, 256)
    alone = _invariant_scratch(1, use_amx=use_amx)
    layer = QuantLinear(w, None, alone)
    ref_decode = torch.cat([layer(decode_rows[i:i + 1]) for i in range(12)])
    alone.decode_rows = 0
    ref_prompt = layer(prompt_rows[:7])  # a short prompt on its own
    for n_decode, n_prompt in ((12, 7), (3, 150), (12, 150)):
        mixed = _invariant_scratch(n_decode, use_amx=use_amx)
        y = QuantLinear(w, None, mixed)(torch.cat([decode_rows[:n_decode], prompt_rows[:n_prompt]]))
        assert torch.equal(y[:n_decode], ref_decode[:n_decode])
        assert torch.equal(y[n_decode:n_decode + 7], ref_prompt)


@pytest.mark.parametrize("use_amx", [True, False])
def test_tied_head_rows_are_independent(kernels, use_amx):
    torch.manual_seed(1)
    emb = QuantEmbedding(_packed("Q8_0", 300, 64)[0], torch.float32,
                         _invariant_scratch(0, sample_rows=8, use_amx=use_amx))
    x = torch.randn(8, 64)
    together = emb.as_linear(x)
    assert all(torch.equal(emb.as_linear(x[i:i + 1])[0], together[i]) for i in range(8))
