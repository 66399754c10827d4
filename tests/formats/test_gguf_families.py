"""GGUF files of every family (written as llama.cpp writes them) load into the same model."""
from __future__ import annotations

import pytest

from ketch import LLM, SamplingParams
from tests.conftest import hf_greedy
from tests.formats.gguf_writer import write_gguf
from tests.models.test_parity_tiny import _prompts


@pytest.mark.parametrize("kind", ["llama", "llama3-untied", "qwen2", "gemma", "gemma2", "gemma3"])
def test_gguf_of_each_family_matches_transformers(kind, tiny_models, tmp_path):
    path, hf = tiny_models(kind)
    gguf_file = write_gguf(hf, path, tmp_path / f"{kind}.gguf")
    llm = LLM(str(gguf_file), dtype="float32", block_size=4)
    assert llm.engine.source.format == "gguf"
    params = SamplingParams(temperature=0, max_tokens=24, ignore_eos=True)
    prompts = _prompts()
    got = [o.outputs[0].token_ids for o in llm.generate([{"prompt_token_ids": p} for p in prompts], params)]
    assert got == [hf_greedy(hf, p, 24) for p in prompts]
    assert llm.num_parameters == hf.num_parameters()


def test_mixed_quant_gguf_keeps_what_it_can_packed(tiny_models, tmp_path):
    from torch import nn

    from ketch.kernels import load_kernels
    from ketch.quant.linear import QuantEmbedding, QuantLinear
    from ketch.tools.perplexity import chunk_logits

    if load_kernels() is None:
        pytest.skip("packed kernels unavailable here")
    path, hf = tiny_models("llama")
    quant = {"attn_q": "Q8_0", "attn_k": "Q8_0", "ffn_gate": "Q4_1", "ffn_up": "Q4_1", "ffn_down": "Q4_0",
             "attn_output": "Q5_1", "token_embd": "Q5_0"}  # attn_v stays F32: q/k/v cannot fuse packed
    gguf_file = write_gguf(hf, path, tmp_path / "mixed.gguf", quant)
    ref = LLM(str(gguf_file), dtype="float32", block_size=4)
    packed = LLM(str(gguf_file), dtype="float32", keep_quantized=True, block_size=4)
    layer = packed.engine.model.layers[0]
    assert isinstance(layer.self_attn.qkv_proj, nn.Linear)  # mixed types: dequantized
    assert isinstance(layer.mlp.gate_up_proj, QuantLinear) and layer.mlp.gate_up_proj.source_type == "Q4_1"
    assert isinstance(layer.mlp.down_proj, QuantLinear) and isinstance(layer.self_attn.o_proj, QuantLinear)
    assert layer.self_attn.o_proj.scheme == "q5" and layer.mlp.down_proj.packed.m is None  # Q5_1; Q4_0: no mins
    assert isinstance(packed.engine.model.embed_tokens, QuantEmbedding)  # and the tied LM head (Q5_0)
    assert packed.num_parameters == ref.num_parameters == hf.num_parameters()
    ids = sum(_prompts(), [])[:60]
    want, got = chunk_logits(ref.engine, ids), chunk_logits(packed.engine, ids)
    assert (want.argmax(-1) == got.argmax(-1)).float().mean() >= 0.95
    assert float((want - got).abs().max()) <= 1e-2 * float(want.abs().max())
    params = SamplingParams(temperature=0, max_tokens=8, ignore_eos=True)
    outs = packed.generate([{"prompt_token_ids": p} for p in _prompts()] * 3, params)  # 15 rows: both paths
    assert all(len(o.outputs[0].token_ids) == 8 for o in outs)
