"""EXL2 (exllamav2) checkpoints: exact unpacking of every bit width, packed matmuls with the act-order
permutation, end-to-end parity of a mixed-width tiny llama, and clear errors for broken tensors."""
from __future__ import annotations

import json
import logging
import re
import shutil

import pytest
import torch
from safetensors.torch import load_file, save_file

from ketch import LLM, SamplingParams
from ketch.formats.loader import resolve_model
from ketch.formats.exl2 import BITS, decode_exl2, dequantize_exl2, iter_exl2, pack_exl2
from ketch.quant.linear import DequantScratch, MultiQuantLinear, QuantLinear
from ketch.quant.packed import PackedWeight
from ketch.tools.perplexity import chunk_logits
from tests.conftest import hf_greedy
from tests.models.test_parity_tiny import _prompts
from tests.formats.exl2_writer import Plan, input_perm, quantize_exl2, write_exl2
from tests.quant.test_packed_kernels import _assert_within_kernel_bound


def _layer(plan: Plan, n: int = 64, k: int = 96, seed: int = 0) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    w = torch.randn(n, k, generator=torch.Generator().manual_seed(seed))
    return quantize_exl2(w, plan, input_perm(f"test{seed}", k))


@pytest.mark.parametrize("bits", BITS)
def test_every_width_unpacks_to_the_writers_weights_exactly(bits):
    # 40 outputs: q_weight/q_scale padded to 64 columns; 80 inputs: a partly filled last packed row
    for n, k, plan in [(48, 96, [(bits, 32)] * 3), (40, 80, [(bits, 32)] * 3), (64, 64, [(bits, 128)])]:
        parts, dense = _layer(plan, n, k, seed=bits)
        assert torch.equal(dequantize_exl2(parts, out_features=n), dense)
        layer = decode_exl2(parts, out_features=n)
        assert layer.perm is not None and {b for _, _, b in layer.groups} == {bits}
        assert int(layer.codes.max()) < 2**bits and layer.codes.shape == (k, n)


def test_mixed_widths_in_one_layer_and_their_packed_scheme():
    parts, dense = _layer([(8, 32), (6, 32), (5, 32), (4, 32), (3, 32), (2, 32)], k=192)
    assert torch.equal(dequantize_exl2(parts), dense)
    assert [b for _, _, b in decode_exl2(parts).groups] == [8, 6, 5, 4, 3, 2]
    wide = pack_exl2(parts)
    assert wide.scheme == "q8" and wide.m is None and torch.equal(wide.dequantize(), dense)
    parts, dense = _layer([(4, 64), (3, 32), (2, 96)], k=192)
    narrow = pack_exl2(parts)
    assert narrow.scheme == "q4" and torch.equal(narrow.dequantize(), dense)
    assert (narrow.nbytes - narrow.perm.nbytes) * 8 / dense.numel() == 5.0
    assert torch.equal(pack_exl2(parts, scheme="q8").dequantize(), dense)  # widened for a q8 sibling
    # groups of 16 rows do not fill 32-wide blocks: no packed form, the loader dequantizes instead
    parts, dense = _layer([(4, 16), (2, 16), (4, 64)], k=96)
    assert pack_exl2(parts) is None and torch.equal(dequantize_exl2(parts), dense)


@pytest.mark.parametrize("plan", [[(4, 32), (3, 32), (2, 32)], [(8, 32), (6, 32), (5, 32)]], ids=["q4", "q8"])
@pytest.mark.parametrize("rows", [1, 3, 17])
def test_quant_linear_equals_dequantize_then_matmul(plan, rows):
    parts, dense = _layer(plan, n=64, k=96, seed=rows)
    w = pack_exl2(parts)
    assert w.perm is not None
    bias = torch.randn(64)
    layer = QuantLinear(w, bias, DequantScratch())
    x = torch.randn(rows, 96, generator=torch.Generator().manual_seed(rows))
    got = layer(x) - bias
    stored = PackedWeight(w.scheme, w.qs, w.d, w.m, w.source_type, w.offset)  # columns in stored order
    _assert_within_kernel_bound(got, x.index_select(1, w.perm), stored)
    want = x @ dense.T
    assert float((got - want).abs().max()) <= 2e-3 * float(want.abs().max())


def test_lm_head_padding_is_trimmed_to_the_vocabulary():
    parts, dense = _layer([(6, 32), (6, 32)], n=40, k=64)
    assert parts["q_weight"].shape[1] == 64
    tensors = [(f"lm_head.{p}", t) for p, t in parts.items()] + [("model.norm.weight", torch.ones(64))]
    (name, w), passed = list(iter_exl2(tensors, keep_packed=False, vocab_size=40))
    assert name == "lm_head.weight" and torch.equal(w, dense) and passed[0] == "model.norm.weight"
    (_, packed), _ = list(iter_exl2(tensors, keep_packed=True, vocab_size=40))
    assert packed.shape == (40, 64) and torch.equal(packed.dequantize(), dense)


def _plan(name: str, k: int) -> Plan | None:
    """Per-layer mixes like exllamav2's strategies, widest groups first."""
    if name == "lm_head.weight":
        return [(6, 32)] * (k // 32)
    layer, leaf = int(name.split(".")[2]), name.split(".")[-2]
    plans = {
        0: {"q_proj": [(4, 32)] * 2, "k_proj": [(4, 32)] * 2, "v_proj": [(4, 32)] * 2, "o_proj": [(4, 32)] * 2,
            "gate_proj": [(5, 32), (4, 32)], "up_proj": [(5, 32), (4, 32)],
            "down_proj": [(8, 32), (6, 32), (5, 32), (3, 32)]},
        # q/k/v need q4, q4, q8: loaded as a q4 part (q, k stacked) and a q8 part (v)
        1: {"q_proj": [(4, 32), (3, 32)], "k_proj": [(3, 32), (2, 32)], "v_proj": [(6, 32), (5, 32)],
            "o_proj": [(2, 64)], "gate_proj": [(3, 32), (2, 32)], "up_proj": [(3, 32), (2, 32)],
            "down_proj": [(4, 64), (3, 64)]},
        2: {},  # every weight 8-bit in one group clipped to K
        3: {"o_proj": [(4, 16), (4, 16), (2, 16), (2, 16)]},  # 16-row groups: dequantized at load
    }
    return plans[layer].get(leaf, [(8, 128)] if layer == 2 else [(6, 64)] * (k // 64))


def _reference(hf, dense):
    reference = type(hf)(hf.config).eval()
    state = hf.state_dict()
    state.update(dense)
    reference.load_state_dict(state)
    return reference


def test_exl2_checkpoint_matches_its_dequantized_reference(tiny_models, tmp_path, caplog):
    path, hf = tiny_models("llama3-untied")  # an LM head of its own, quantized too
    dense = write_exl2(hf, path, tmp_path / "exl2", _plan)
    reference = _reference(hf, dense)
    prompts = _prompts()
    params = SamplingParams(temperature=0, max_tokens=16, ignore_eos=True)
    want = [hf_greedy(reference, p, 16) for p in prompts]

    ref_llm = LLM(str(tmp_path / "exl2"), dtype="float32", block_size=4)  # dequantized at load
    got = [o.outputs[0].token_ids for o in ref_llm.generate([{"prompt_token_ids": p} for p in prompts], params)]
    assert got == want
    assert re.fullmatch(r"EXL2 \(\d\.\d\d bpw\)", ref_llm.engine.source.quantization)
    assert 4.0 < float(ref_llm.engine.source.quantization[6:10]) < 9.0

    with caplog.at_level(logging.WARNING, logger="ketch.formats.exl2"):
        packed = LLM(str(tmp_path / "exl2"), dtype="float32", keep_quantized=True, block_size=4)
    if not packed.engine.keep_packed:
        pytest.skip("packed kernels unavailable here")
    model = packed.engine.model
    schemes = {name: (m.scheme, m.perm is not None) for name, m in model.named_modules() if isinstance(m, QuantLinear)}
    q4 = "q4x16" if packed.engine.kernel_policy.q4_tiles else "q4"  # below AMX, 4-bit rows in 16-row tiles
    assert schemes["layers.0.self_attn.qkv_proj"] == (q4, True)
    assert schemes["layers.0.mlp.down_proj"] == ("q8", True)
    qkv = model.layers[1].self_attn.qkv_proj  # q/k need q4, v q8: two parts, not one widened q8 matrix
    assert isinstance(qkv, MultiQuantLinear) and qkv._one_gemm  # the siblings share their input order
    assert schemes["layers.1.self_attn.qkv_proj.parts.0"] == (q4, True) and qkv.sizes == [64 + 32, 32]
    assert schemes["layers.1.self_attn.qkv_proj.parts.1"] == ("q8", True)
    assert schemes["layers.1.mlp.gate_up_proj"] == (q4, True)
    assert schemes["lm_head"] == ("q8", True)
    assert type(model.layers[3].self_attn.o_proj) is not QuantLinear
    assert "layers.3.self_attn.o_proj" in caplog.text and "dequantized" in caplog.text
    assert packed.num_parameters == hf.num_parameters()
    outs = packed.generate([{"prompt_token_ids": p} for p in prompts], params)
    agree = sum(a == b for o, w in zip(outs, want) for a, b in zip(o.outputs[0].token_ids, w))
    assert agree >= 0.9 * sum(map(len, want))  # the kernels round activations to int16 per 32-block
    ids = sum(prompts, [])[:60]
    logits, packed_logits = chunk_logits(ref_llm.engine, ids), chunk_logits(packed.engine, ids)
    assert float((logits - packed_logits).abs().max()) <= 1e-2 * float(logits.abs().max())


def test_config_entry_and_store_listing(tiny_models, tmp_path, monkeypatch):
    path, hf = tiny_models("llama")
    write_exl2(hf, path, tmp_path / "models" / "tiny-exl2", lambda name, k: [(4, 32)] * (k // 32), config_entry=True)
    src = resolve_model(tmp_path / "models" / "tiny-exl2")
    assert src.quantization_config["quant_method"] == "exl2" and src.has_packable_weights
    # all 4-bit, groups of 32: codes 4 + scale 4/32 + per-group 48/(32N) + perm 32/N bits per weight
    assert src.quantization.startswith("EXL2 (4.")

    from typer.testing import CliRunner

    from ketch.cli import app
    monkeypatch.setenv("KETCH_MODELS_DIR", str(tmp_path / "models"))
    listed = CliRunner().invoke(app, ["list"], env={"COLUMNS": "300"})
    assert listed.exit_code == 0 and "tiny-exl2" in listed.output and "EXL2 (4." in listed.output

    no_tensors = tmp_path / "claims-exl2"
    shutil.copytree(path, no_tensors)
    cfg = json.loads((no_tensors / "config.json").read_text())
    cfg["quantization_config"] = {"quant_method": "exl2", "bits": 4.0}
    (no_tensors / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ValueError, match="says EXL2 but no"):
        resolve_model(no_tensors)


def _broken(parts: dict[str, torch.Tensor], part: str, value: torch.Tensor | None) -> dict[str, torch.Tensor]:
    out = dict(parts)
    if value is None:
        del out[part]
    else:
        out[part] = value
    return out


def test_broken_tensors_are_clear_errors_naming_the_tensor(tiny_models, tmp_path):
    parts, _ = _layer([(6, 32), (4, 64)])
    bad_perm = parts["q_invperm"].clone()
    bad_perm[0] = bad_perm[1]
    bad_groups = parts["q_groups"].clone()
    bad_groups[2] = 7
    cases = [
        ("q_weight", parts["q_weight"][:-3], r"'x\.q_weight'.*packed rows"),  # truncated
        ("q_weight", parts["q_weight"].float(), r"'x\.q_weight'.*integer"),
        ("q_scale", parts["q_scale"][:, :-1], r"'x\.q_scale'.*shape"),
        ("q_scale_max", parts["q_scale_max"][:1], r"'x\.q_scale_max'"),
        ("q_groups", bad_groups, r"'x\.q_groups'.*7 bits"),
        ("q_invperm", bad_perm, r"'x\.q_invperm'.*permutation"),
        ("q_scale", None, r"missing x\.q_scale\b"),
    ]
    for part, value, message in cases:
        with pytest.raises(ValueError, match=message):
            dequantize_exl2(_broken(parts, part, value), "x")

    # through the loader: a truncated tensor in the file names the layer's tensor
    src, hf = tiny_models("llama")
    out = tmp_path / "cut"
    write_exl2(hf, src, out, lambda name, k: [(4, 32)] * (k // 32))
    tensors = load_file(str(out / "model.safetensors"))
    key = "model.layers.1.mlp.down_proj.q_weight"
    tensors[key] = tensors[key][:-1].clone()
    save_file(tensors, str(out / "model.safetensors"))
    with pytest.raises(ValueError, match=re.escape(repr(key))):
        LLM(str(out), dtype="float32")
    del tensors[key]
    save_file(tensors, str(out / "model.safetensors"))
    with pytest.raises(ValueError, match=r"model\.layers\.1\.mlp\.down_proj: incomplete EXL2.*q_weight"):
        LLM(str(out), dtype="float32")
