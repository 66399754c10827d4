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
    from ketch.quant.linear import DenseLinear, MultiQuantLinear, QuantEmbedding, QuantLinear
    from ketch.tools.perplexity import chunk_logits

    if load_kernels() is None:
        pytest.skip("packed kernels unavailable here")
    path, hf = tiny_models("llama")
    quant = {"attn_q": "Q8_0", "attn_k": "Q8_0", "ffn_gate": "Q4_1", "ffn_up": "Q4_1", "ffn_down": "Q4_0",
             "attn_output": "Q5_1", "token_embd": "Q5_0"}  # attn_v stays F32
    gguf_file = write_gguf(hf, path, tmp_path / "mixed.gguf", quant)
    ref = LLM(str(gguf_file), dtype="float32", block_size=4)
    packed = LLM(str(gguf_file), dtype="float32", keep_quantized=True, block_size=4)
    layer = packed.engine.model.layers[0]
    qkv = layer.self_attn.qkv_proj  # q/k stacked packed, the float v a dense part
    assert isinstance(qkv, MultiQuantLinear) and [type(p) for p in qkv.parts] == [QuantLinear, DenseLinear]
    assert qkv.parts[0].source_type == "Q8_0" and qkv.sizes == [64 + 32, 32]
    assert not any(type(m) is nn.Linear for m in packed.engine.model.modules())
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


# A Q4_K_M-like file: llama.cpp gives attn_v (and some ffn_down) more bits than attn_q/attn_k and
# leaves some layers' fused parts in different types; layer 1's attn_k stays F16 (a float part).
K_MIX = {"attn_q": "Q4_K", "attn_k": "Q4_K", "attn_v": "Q6_K", "attn_output": "Q4_K", "ffn_gate": "Q4_K",
         "ffn_up": "Q5_K", "ffn_down": "Q6_K", "token_embd": "Q4_K", "blk.1.attn_k": "F16",
         "blk.1.ffn_gate": "Q5_K"}


@pytest.mark.parametrize("kind", ["llama", "qwen2", "gemma2"])  # qwen2: q/k/v biases; gemma2: its own blocks
def test_k_quant_mix_stays_packed_per_part(kind, tmp_path, monkeypatch):
    import gguf
    import torch
    from torch import nn

    import ketch.quant.linear as linear
    from ketch.kernels import load_kernels
    from ketch.quant.linear import MultiQuantLinear, QuantEmbedding, QuantLinear
    from ketch.tools.perplexity import chunk_logits
    from tests.conftest import make_tiny_hf_model

    if load_kernels() is None:
        pytest.skip("packed kernels unavailable here")
    path = tmp_path / f"{kind}-256"  # K-quant rows are whole 256-weight super-blocks
    hf = make_tiny_hf_model(kind, path, hidden_size=256, intermediate_size=512, num_hidden_layers=3, head_dim=64,
                            **({"query_pre_attn_scalar": 64} if kind == "gemma2" else {}))
    gguf_file = write_gguf(hf, path, tmp_path / "q4_k_m.gguf", K_MIX)
    if kind == "qwen2":
        assert hf.model.layers[0].self_attn.q_proj.bias is not None
    ref = LLM(str(gguf_file), dtype="float32", block_size=4)  # dequantized at load
    packed = LLM(str(gguf_file), dtype="float32", keep_quantized=True, block_size=4)
    model = packed.engine.model
    assert not any(type(m) is nn.Linear for m in model.modules())  # every linear packed
    schemes = lambda m: [(type(p).__name__, getattr(p, "scheme", None)) for p in m.parts]  # noqa: E731
    for i, layer in enumerate(model.layers):
        attn, mlp = layer.self_attn, layer.mlp
        assert isinstance(attn.qkv_proj, MultiQuantLinear) and isinstance(mlp.down_proj, QuantLinear)
        assert attn.o_proj.scheme == "q4_k" and mlp.down_proj.scheme == "q6_k"
        if i == 1:  # Q4_K q, F16 k (a float part), Q6_K v; gate and up both Q5_K: one stacked matrix
            assert schemes(attn.qkv_proj) == [("QuantLinear", "q4_k"), ("DenseLinear", None),
                                              ("QuantLinear", "q6_k")]
            assert type(mlp.gate_up_proj) is QuantLinear and mlp.gate_up_proj.scheme == "q5_k"
        else:  # q and k stacked in one Q4_K matrix, v on its own; gate Q4_K next to up Q5_K
            assert schemes(attn.qkv_proj) == [("QuantLinear", "q4_k"), ("QuantLinear", "q6_k")]
            assert attn.qkv_proj.sizes == [256 + 128, 128] and attn.qkv_proj.source_type == "Q4_K+Q6_K"
            assert schemes(mlp.gate_up_proj) == [("QuantLinear", "q4_k"), ("QuantLinear", "q5_k")]
    assert isinstance(model.embed_tokens, QuantEmbedding) and model.embed_tokens.scheme == "q4_k"
    assert packed.num_parameters == ref.num_parameters == hf.num_parameters()

    # Resident packed bytes against the file's bytes for the same (quantized) tensors.
    file_bytes = sum(int(t.n_bytes) for t in gguf.GGUFReader(str(gguf_file)).tensors
                     if t.tensor_type.name.endswith("_K"))
    packed_bytes = sum(b.numel() * b.element_size() for m in model.modules()
                       if isinstance(m, (QuantLinear, QuantEmbedding)) for b in m.buffers() if b is not None)
    assert file_bytes < packed_bytes <= 1.10 * file_bytes, (packed_bytes, file_bytes)

    # Greedy decoding token for token against the dequantized weights: the batched prefill takes
    # the one-GEMM path, decode the per-part kernels.
    params = SamplingParams(temperature=0, max_tokens=16, ignore_eos=True)
    prompts = [{"prompt_token_ids": p} for p in _prompts()]
    want = [o.outputs[0].token_ids for o in ref.generate(prompts, params)]
    assert [o.outputs[0].token_ids for o in packed.generate(prompts, params)] == want
    ids = sum(_prompts(), [])[:60]
    logits, got = chunk_logits(ref.engine, ids), chunk_logits(packed.engine, ids)
    assert float((logits - got).abs().max()) <= 1e-2 * float(logits.abs().max())
    # Without the kernels (KETCH_DISABLE_KERNELS=1 or no AVX2) every part dequantizes: same tokens.
    monkeypatch.setattr(linear, "load_kernels", lambda: None)
    assert [o.outputs[0].token_ids for o in packed.generate(prompts, params)] == want
    torch.testing.assert_close(chunk_logits(packed.engine, ids), logits, rtol=1e-4, atol=1e-4)
