"""Calibrated quantization: the GPTQ solver, the AWQ searches, the layer-by-layer runner, and
checkpoints whose folded scales reproduce the calibrated model exactly."""
from __future__ import annotations

import pytest
import torch

from ketch import LLM
from ketch.formats.loader import resolve_model
from ketch.models import load_model
from ketch.tools.quantize import awq_search
from ketch.tools.quantize.calibration import (CalibrationConfig, LayerwiseRunner, calibrate, calibration_samples,
                                     default_calibration_text)
from ketch.tools.quantize.gptq_solve import gptq_quantize
from ketch.tools.quantize.quantize import QuantizeConfig, quantize_model
from ketch.tools.quantize.rtn import dequantize_codes, fake_quantize, rtn_quantize
from ketch.tools.perplexity import chunk_logits
from ketch.tools.quality_report import DEFAULT_TEXT
from tests.conftest import make_tiny_hf_model


def _layer_problem(n: int = 96, k: int = 160, tokens: int = 2048, seed: int = 0):
    """Inputs with uneven channel scales, a few outlier channels and shared components (as real
    activations have), and a weight to quantize."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(tokens, k, generator=g) * torch.linspace(0.2, 2.0, k)
    x += torch.randn(tokens, 4, generator=g) @ torch.randn(4, k, generator=g)
    x[:, :3] *= 20.0
    w = torch.randn(n, k, generator=g) * 0.05
    return x, w


def _output_error(x: torch.Tensor, w: torch.Tensor, wq: torch.Tensor) -> float:
    return float((x @ (w - wq).T).pow(2).mean())


@pytest.mark.parametrize("group", [32, 64, -1])  # 64 does not divide 160: a short last group
def test_gptq_lowers_the_output_error_below_rtn(group):
    x, w = _layer_problem()
    h = x.T.double() @ x.double()
    codes, zeros, scales = gptq_quantize(w, h, group, bits=4)
    rtn = rtn_quantize(w, group, 4)
    assert codes.shape == (160, 96) and zeros.shape == scales.shape == rtn[2].shape
    assert int(codes.min()) >= 0 and int(codes.max()) <= 15
    assert torch.equal(scales, scales.half().float())  # the checkpoint stores fp16 scales
    gptq_err = _output_error(x, w, dequantize_codes(codes, zeros, scales, group))
    rtn_err = _output_error(x, w, dequantize_codes(*rtn, group))
    assert gptq_err < 0.8 * rtn_err


def test_gptq_survives_dead_inputs_and_a_singular_hessian():
    x, w = _layer_problem(tokens=64)  # fewer tokens than inputs: H is singular without damping
    x[:, 10:20] = 0.0  # inputs that never fire
    codes, zeros, scales = gptq_quantize(w, x.T.double() @ x.double(), 32, bits=4)
    wq = dequantize_codes(codes, zeros, scales, 32)
    assert torch.isfinite(wq).all()
    assert _output_error(x, w, wq) < _output_error(x, w, fake_quantize(w, 32, 4))


def test_rtn_short_last_group_matches_per_group_reference():
    _, w = _layer_problem(n=8, k=96)
    codes, zeros, scales = rtn_quantize(w, 64, 4)  # groups: columns 0..63 and 64..95
    assert scales.shape == (2, 8)
    for cols, gi in ((slice(0, 64), 0), (slice(64, 96), 1)):
        part = w[:, cols]
        lo, hi = part.amin(1).clamp(max=0), part.amax(1).clamp(min=0)
        assert torch.allclose(scales[gi], ((hi - lo) / 15).half().float())
    wq = dequantize_codes(codes, zeros, scales, 64)
    step = scales.repeat_interleave(torch.tensor([64, 32]), 0).T
    assert bool(((w - wq).abs() <= step / 2 + 1e-6).all())
    assert torch.equal(wq, fake_quantize(w, 64, 4))


def test_awq_scales_and_clips_lower_the_output_error_below_rtn():
    x, w = _layer_problem(seed=1)
    s = awq_search.search_scales(x, w, 32, 4)
    assert s.shape == (160,) and bool((s > 0).all())
    assert float(s[:3].mean()) > float(s[3:].mean())  # the outlier input channels are protected
    ws = w * s
    limit = awq_search.search_clip(x / s, ws, 32, 4)
    clipped = awq_search.apply_clip(ws, limit, 32)
    assert bool((clipped.abs() <= ws.abs() + 1e-7).all())
    awq_err = _output_error(x, w, fake_quantize(clipped, 32, 4) / s)
    assert awq_err < 0.8 * _output_error(x, w, fake_quantize(w, 32, 4))


def test_layerwise_runner_reproduces_the_engine(tiny_models):
    path, _ = tiny_models("gemma2")  # sandwich norms, sliding window, soft-caps
    llm = LLM(str(path), dtype="float32")
    ids = [list(range(3, 43)), list(range(100, 140))]
    model = llm.engine.model
    runner = LayerwiseRunner(model, ids)
    for i in range(len(model.layers)):
        runner.run(i, advance=False)  # a hooks-only pass must leave the states untouched
        runner.run(i)
    for sample, hidden in zip(ids, runner.final_hidden()):
        want = chunk_logits(llm.engine, sample)
        assert torch.allclose(model.compute_logits(hidden), want, atol=1e-5, rtol=1e-5)


def test_calibration_samples_are_even_non_overlapping_windows():
    ids = list(range(1000))
    got = calibration_samples(ids, 3, 100)
    assert [s[0] for s in got] == [0, 300, 600] and all(len(s) == 100 for s in got)
    assert len(calibration_samples(ids, 50, 100)) == 10
    with pytest.raises(ValueError, match="at least seq_len"):
        calibration_samples(ids[:50], 2, 100)
    assert len(default_calibration_text()) > 100_000


@pytest.mark.parametrize("kind, method", [("qwen2", "awq"), ("gemma2", "awq"), ("llama", "gptq")])
def test_checkpoint_reproduces_the_calibrated_model(kind, method, tmp_path):
    """What is written (codes, folded norms, rescaled biases) is exactly the model calibration built."""
    src = tmp_path / "float"
    make_tiny_hf_model(kind, src, num_key_value_heads=4)  # equal q/v widths: AWQ's v->o pair runs too
    text = tmp_path / "calib.txt"
    text.write_text(" ".join(f"the {w} in {i} and then" for i, w in enumerate(["cat", "sea", "tree"] * 80)))
    cfg = QuantizeConfig(method=method, bits=4, group_size=32, calibration_file=str(text), num_samples=4, seq_len=48)
    out = quantize_model(str(src), tmp_path / "q", cfg, quiet=True)

    source = resolve_model(str(src))
    model = load_model(source, torch.device("cpu"), torch.float32)
    samples = calibration_samples(source.tokenizer.encode(text.read_text(), add_special_tokens=False), 4, 48)
    calibrate(model, samples, CalibrationConfig(method, 4, 32, 4, 48), quiet=True)
    with torch.no_grad():  # the checkpoint stores the (unquantized) embedding and LM head in fp16
        for dense in (model.embed_tokens, model.lm_head):
            if dense is not None:
                dense.weight.copy_(dense.weight.half().float())
    calibrated = LLM(str(src), dtype="float32")
    calibrated.engine.model.load_state_dict(model.state_dict())

    written = LLM(str(out), dtype="float32")
    assert written.engine.source.quantization == f"{cfg.layout.upper()} 4-bit"
    ids = list(range(5, 69))
    want, got = chunk_logits(calibrated.engine, ids), chunk_logits(written.engine, ids)
    assert torch.allclose(got, want, atol=1e-4, rtol=1e-4)
    original = chunk_logits(LLM(str(src), dtype="float32").engine, ids)
    assert not torch.allclose(original, want, atol=1e-3)  # calibration did change the model


def test_bad_calibration_inputs_are_clear_errors(tiny_models, tmp_path):
    path, _ = tiny_models("llama")
    with pytest.raises(ValueError, match="unknown quantization method"):
        QuantizeConfig(method="smoothquant")
    with pytest.raises(ValueError, match="cannot read calibration text"):
        quantize_model(str(path), tmp_path / "q", QuantizeConfig(method="gptq", calibration_file=str(tmp_path / "nope")),
                       quiet=True)
    short = tmp_path / "short.txt"
    short.write_text("too short")
    with pytest.raises(ValueError, match="at least seq_len"):
        quantize_model(str(path), tmp_path / "q", QuantizeConfig(method="gptq", calibration_file=str(short),
                                                                 seq_len=64), quiet=True)
    assert not (tmp_path / "q" / "model.safetensors").exists()  # nothing half-written


@pytest.mark.slow
def test_gptq_and_awq_beat_rtn_on_smollm2(smollm2_path, tmp_path):
    """4-bit, group 128, on SmolLM2 dequantized to float: perplexity on a text the calibration
    never saw (GPL-3, ctx 512) rises less over float than with round-to-nearest. ~5 min."""
    from ketch import SamplingParams
    from ketch.tools.perplexity import perplexity

    text = DEFAULT_TEXT.read_text()
    ppl = {}
    for method in ("float", "rtn", "gptq", "awq"):
        path = smollm2_path if method == "float" else quantize_model(
            str(smollm2_path), tmp_path / method, QuantizeConfig(method=method, bits=4, group_size=128,
                                                                 num_samples=16, seq_len=512), quiet=True)
        llm = LLM(str(path), dtype="float32", keep_quantized=False)
        ppl[method] = perplexity(llm.engine, llm.get_tokenizer().encode(text), ctx=512).ppl
        if method in ("gptq", "awq"):  # a reload from disk gives identical outputs
            again = LLM(str(path), dtype="float32", keep_quantized=False)
            params = SamplingParams(temperature=0, max_tokens=24)
            msgs = [{"role": "user", "content": "What is the capital of France?"}]
            assert llm.chat(msgs, params)[0].outputs[0].token_ids == again.chat(msgs, params)[0].outputs[0].token_ids
    print(ppl)
    assert ppl["float"] < ppl["gptq"] < ppl["rtn"] and ppl["float"] < ppl["awq"] < ppl["rtn"]
