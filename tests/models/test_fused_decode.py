"""The fused decode layer path gives exactly what the module path gives, on packed models of the
families it covers (llama; qwen2's biases; gemma's gelu and offset norms), alone and batched."""
from __future__ import annotations

import pytest
import torch

from ketch import LLM, SamplingParams
from ketch.kernels import load_kernels, load_ops
from ketch.models.fused_decode import FusedDecodeLayer
from tests.formats.gguf_writer import write_gguf
from tests.models.test_parity_tiny import _prompts

pytestmark = pytest.mark.skipif(load_kernels() is None or load_ops() is None,
                                reason="the fused CPU ops are unavailable here")

QUANT = {"attn_q": "Q8_0", "attn_k": "Q8_0", "attn_v": "Q8_0", "attn_output": "Q4_1", "ffn_gate": "Q4_1",
         "ffn_up": "Q4_1", "ffn_down": "Q8_0", "token_embd": "Q8_0"}


def _run(path, batch_invariant: bool, monkeypatch=None):
    llm = LLM(str(path), dtype="float32", keep_quantized=True, block_size=4, batch_invariant=batch_invariant)
    params = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True, logprobs=2)
    prompts = [{"prompt_token_ids": p} for p in _prompts()]
    alone = llm.generate(prompts[:1], params)
    batch = llm.generate(prompts, params)
    outs = alone + batch
    return llm, [(o.outputs[0].token_ids, [sorted(d.items()) for d in o.outputs[0].logprobs]) for o in outs]


@pytest.mark.parametrize("kind", ["llama", "qwen2", "gemma"])
@pytest.mark.parametrize("batch_invariant", [True, False])
def test_fused_decode_equals_the_module_path(kind, batch_invariant, tiny_models, tmp_path, monkeypatch):
    path, hf = tiny_models(kind)
    gguf_file = write_gguf(hf, path, tmp_path / f"{kind}.gguf", QUANT)
    fused_llm, fused = _run(gguf_file, batch_invariant)
    assert all(f is not None for f in fused_llm.engine.model._fused)  # the path was built and taken
    monkeypatch.setattr(FusedDecodeLayer, "build", classmethod(lambda cls, layer: None))
    plain_llm, plain = _run(gguf_file, batch_invariant)
    assert all(f is None for f in plain_llm.engine.model._fused)
    assert fused == plain


def test_fused_path_is_skipped_where_a_part_lacks_a_kernel(tiny_models, tmp_path):
    """A float layer (here attn_v left F32: a mixed qkv) keeps the module path."""
    path, hf = tiny_models("llama")
    quant = {k: v for k, v in QUANT.items() if k != "attn_v"}
    llm = LLM(str(write_gguf(hf, path, tmp_path / "mixed.gguf", quant)), dtype="float32", keep_quantized=True,
              block_size=4)
    out = llm.generate([{"prompt_token_ids": _prompts()[0]}], SamplingParams(temperature=0, max_tokens=4))
    assert len(out[0].outputs[0].token_ids) == 4
    assert llm.engine.model._fused == [None] * len(llm.engine.model.layers)
    llm.engine.model.to(torch.float32)  # moving tensors drops the built paths
    assert llm.engine.model._fused is None


def test_an_untied_packed_head_runs_generated_rows_in_its_kernel(tiny_models, tmp_path):
    """The step's decode rows reach a packed LM head too (batch-invariant mode): every row of a pure
    decode step is a generated token, and a request alone and among others gives the same tokens."""
    path, hf = tiny_models("llama3-untied")
    llm = LLM(str(write_gguf(hf, path, tmp_path / "untied.gguf", {**QUANT, "output": "Q8_0"})), dtype="float32",
              keep_quantized=True, block_size=4, batch_invariant=True)
    head = llm.engine.model.lm_head
    assert head is not None and head.scheme == ("q8x16" if llm.engine.model.scratch.policy.q8_tiles else "q8")
    seen: list[tuple[int, int]] = []
    forward = head.forward
    head.forward = lambda x, decode_rows=0: seen.append((x.shape[0], decode_rows)) or forward(x, decode_rows)
    params = SamplingParams(temperature=0, max_tokens=6, ignore_eos=True)
    prompts = [{"prompt_token_ids": p} for p in _prompts()]
    alone = llm.generate(prompts[:1], params)[0].outputs[0].token_ids
    among = llm.generate(prompts, params)[0].outputs[0].token_ids
    assert alone == among
    assert any(rows == decode == len(prompts) for rows, decode in seen)  # a step of the batch's decodes
    assert all(decode <= rows for rows, decode in seen) and any(decode == 0 for _, decode in seen)  # prompt ends


TILED = {**{k: "Q4_1" for k in ("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down")},
         "token_embd": "Q8_0"}


@pytest.mark.parametrize("kind", ["llama", "qwen2", "gemma"])
@pytest.mark.parametrize("batch_invariant", [True, False])
def test_the_single_call_layer_equals_the_eight_call_path(kind, batch_invariant, tiny_models, tmp_path, monkeypatch):
    """Where every linear is q4x16, a layer's decode step is one C++ call (decode_layer.cpp); it
    gives the eight-call path's tokens and log-probabilities exactly, alone and batched."""
    from ketch.models import fused_decode

    kernels = load_kernels()
    path, hf = tiny_models(kind)
    gguf_file = write_gguf(hf, path, tmp_path / f"{kind}.gguf", TILED)
    before = kernels.kernel_calls()["decode_layer"]
    one_llm, one = _run(gguf_file, batch_invariant)
    layers = one_llm.engine.model._fused
    if not all(f is not None and f.one_call is not None for f in layers):
        pytest.skip("this CPU's ISA level keeps q4 weights in the row layout (AMX), so no q4x16 layers")
    assert kernels.kernel_calls()["decode_layer"] > before  # the single call ran
    monkeypatch.setattr(fused_decode, "_one_call", lambda *args: None)
    eight_llm, eight = _run(gguf_file, batch_invariant)
    assert all(f is not None and f.one_call is None for f in eight_llm.engine.model._fused)
    assert one == eight


def test_the_single_call_layer_rejects_mismatched_parts():
    """Shapes are checked once, when the layer is built, with messages that say which part is wrong."""
    k = load_kernels()
    if not hasattr(k, "DecodeLayer"):
        pytest.skip("no packed kernels here")
    tiles = lambda n, kk: k.DecodeLinear(torch.zeros(n, kk // 2, dtype=torch.uint8),  # noqa: E731
                                         torch.ones(n, kk // 32, dtype=torch.half), None, None)
    norm = torch.ones(64)
    with pytest.raises(RuntimeError, match="o and down must give 64 features"):
        k.DecodeLayer(norm, 1e-5, norm, 1e-5, tiles(128, 64), tiles(32, 64), tiles(256, 64), tiles(64, 128),
                      0, 2, 0.125, 0.0, 2, 0)
    with pytest.raises(RuntimeError, match="down takes 64 features, the layer gives it 128"):
        k.DecodeLayer(norm, 1e-5, norm, 1e-5, tiles(128, 64), tiles(64, 64), tiles(256, 64), tiles(64, 64),
                      0, 2, 0.125, 0.0, 2, 0)
    with pytest.raises(RuntimeError, match="multiple of 16 rows"):
        k.DecodeLinear(torch.zeros(8, 32, dtype=torch.uint8), torch.ones(8, 2, dtype=torch.half), None, None)
