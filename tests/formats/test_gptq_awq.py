"""GPTQ and AWQ checkpoints load: packed on the CPU path, dequantized on the reference path."""
from __future__ import annotations

import pytest

from ketch import LLM, SamplingParams
from ketch.quant.linear import QuantLinear
from ketch.tools.perplexity import chunk_logits
from tests.conftest import hf_greedy
from tests.models.test_parity_tiny import _prompts
from tests.formats.gptq_writer import write_quantized
from tests.text import squash


@pytest.mark.parametrize("method, bits, group", [("gptq", 4, 32), ("awq", 4, 32), ("gptq", 8, -1)])
def test_quantized_checkpoint_matches_its_dequantized_reference(method, bits, group, tiny_models, tmp_path):
    path, hf = tiny_models("qwen2")  # biases too
    dense = write_quantized(hf, path, tmp_path / method, method=method, group=group, bits=bits)
    reference = type(hf)(hf.config).eval()
    state = hf.state_dict()
    state.update(dense)
    reference.load_state_dict(state)

    ref_llm = LLM(str(tmp_path / method), dtype="float32", block_size=4)  # dequantized at load
    prompts = _prompts()
    params = SamplingParams(temperature=0, max_tokens=16, ignore_eos=True)
    got = [o.outputs[0].token_ids for o in ref_llm.generate([{"prompt_token_ids": p} for p in prompts], params)]
    assert got == [hf_greedy(reference, p, 16) for p in prompts]
    assert ref_llm.engine.source.quantization == f"{method.upper()} {bits}-bit"

    # fp32 activations with packed weights: differences come only from the kernels' int16 rounding
    # (dtype "auto" may run prefill GEMMs in bf16, which is checked by the SmolLM2 perplexity tests).
    packed = LLM(str(tmp_path / method), dtype="float32", keep_quantized=True, block_size=4)
    if not packed.engine.keep_packed:
        pytest.skip("packed kernels unavailable here")
    layer = packed.engine.model.layers[0]
    assert isinstance(layer.self_attn.qkv_proj, QuantLinear) and isinstance(layer.mlp.down_proj, QuantLinear)
    assert packed.num_parameters == hf.num_parameters()
    ids = sum(prompts, [])[:60]
    want, have = chunk_logits(ref_llm.engine, ids), chunk_logits(packed.engine, ids)
    assert (want.argmax(-1) == have.argmax(-1)).float().mean() >= 0.95
    assert float((want - have).abs().max()) <= 1e-2 * float(want.abs().max())
    auto = LLM(str(tmp_path / method), block_size=4)
    assert auto.engine.keep_packed
    assert len(auto.generate({"prompt_token_ids": prompts[0]}, params)[0].outputs[0].token_ids) == 16


def test_unsupported_quantization_is_a_clear_error(tiny_models, tmp_path):
    path, hf = tiny_models("llama")
    write_quantized(hf, path, tmp_path / "q", method="gptq")
    import json
    cfg = json.loads((tmp_path / "q" / "config.json").read_text())
    cfg["quantization_config"]["bits"] = 3
    (tmp_path / "q" / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(NotImplementedError, match="3-bit"):
        LLM(str(tmp_path / "q"), dtype="float32")


def test_ketch_quantize_rtn_writes_a_loadable_gptq_checkpoint(smollm2_path, smol_llm, tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    from ketch.cli import app
    from ketch.tools.perplexity import perplexity

    runner = CliRunner()
    bad = runner.invoke(app, ["quantize", str(smollm2_path), "--out", str(tmp_path / "bad"), "--group-size", "48"])
    assert bad.exit_code == 1 and "multiple of 32" in squash(bad.output)
    done = runner.invoke(app, ["quantize", str(smollm2_path), "--out", str(tmp_path / "q"), "--group-size", "64"])
    assert done.exit_code == 0, done.output
    first, second = LLM(str(tmp_path / "q")), LLM(str(tmp_path / "q"))
    assert first.engine.source.quantization == "GPTQ 4-bit" and first.num_parameters == smol_llm.num_parameters
    params = SamplingParams(temperature=0, max_tokens=24)
    msgs = [{"role": "user", "content": "What is the capital of France?"}]
    a, b = first.chat(msgs, params)[0].outputs[0], second.chat(msgs, params)[0].outputs[0]
    assert a.token_ids == b.token_ids and "Paris" in a.text  # a reload gives identical outputs
    text = (Path(__file__).parents[1] / "data" / "declaration.txt").read_text()
    ids = smol_llm.get_tokenizer().encode(text)
    ref = perplexity(smol_llm.engine, ids, ctx=256).ppl
    assert ref < perplexity(first.engine, ids, ctx=256).ppl < 3 * ref  # RTN costs quality, within reason
