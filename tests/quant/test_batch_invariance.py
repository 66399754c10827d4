"""Batch-invariant packed linears: a row's result does not depend on what else is in its batch."""
from __future__ import annotations

import pytest
import torch

from ketch.quant.linear import QuantEmbedding, QuantLinear
from tests.policies import isa_params, scratch_for
from ketch.quant.packed import can_tile_q4, pack_gguf, tile_q4
from tests.quant.test_packed_kernels import _packed, _random_blocks


def _invariant_scratch(isa: str, sample_rows: int = 8):
    return scratch_for(isa, batch_invariant=True, max_sample_rows=sample_rows)


@pytest.mark.parametrize("isa", isa_params())
@pytest.mark.parametrize("type_name", ["Q4_1", "Q8_0", "Q4_K"])
def test_rows_give_the_same_result_in_any_batch(kernels, isa, type_name):
    """Each ISA level's prompt path (AMX tiles, int8 GEMM, fixed-size dense tiles) and decode
    kernel: a row alone and among others gives identical bits; the prompt path proves it ran."""
    torch.manual_seed(0)
    w = pack_gguf(type_name, _random_blocks(type_name, 96, 256, seed=0), (96, 256))
    alone = _invariant_scratch(isa)
    if alone.policy.q4_tiles and can_tile_q4(w):  # as a model loaded at this level holds it
        w = tile_q4(w)
    decode_rows, prompt_rows = torch.randn(12, 256), torch.randn(150, 256)
    layer = QuantLinear(w, None, alone)
    ref_decode = torch.cat([layer(decode_rows[i:i + 1], 1) for i in range(12)])
    gemm = alone.policy.prompt_gemm
    path = "dequantize" if gemm == "int8" and not kernels.int8_gemm_scheme(w.scheme) else alone.policy.many_row_path
    if w.scheme == "q4x16" and gemm == "dense":  # tiled q4 keeps prompt rows in its kernel
        path = "q4x16_avx2"
    before = kernels.kernel_calls()[path]
    ref_prompt = layer(prompt_rows[:7])  # a short prompt on its own
    assert kernels.kernel_calls()[path] == before + 1
    for n_decode, n_prompt in ((12, 7), (3, 150), (12, 150)):
        mixed = _invariant_scratch(isa)
        y = QuantLinear(w, None, mixed)(torch.cat([decode_rows[:n_decode], prompt_rows[:n_prompt]]), n_decode)
        assert torch.equal(y[:n_decode], ref_decode[:n_decode])
        assert torch.equal(y[n_decode:n_decode + 7], ref_prompt)


@pytest.mark.parametrize("isa", isa_params())
def test_tied_head_rows_are_independent(kernels, isa):
    torch.manual_seed(1)
    emb = QuantEmbedding(_packed("Q8_0", 300, 64)[0], torch.float32, _invariant_scratch(isa, sample_rows=8))
    x = torch.randn(8, 64)
    together = emb.as_linear(x)
    assert all(torch.equal(emb.as_linear(x[i:i + 1])[0], together[i]) for i in range(8))
    many = torch.randn(40, 64)  # scoring 40 positions: the many-row product, each row on its own
    assert torch.equal(emb.as_linear(many)[3], emb.as_linear(many[:9])[3])
