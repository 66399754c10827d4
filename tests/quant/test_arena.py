"""A loaded model's weights in one huge-page arena (quant/arena.py): every packed plane and dense
weight is a view of it (a tied table once), the mapping asks for huge pages, outputs are those of
the same model outside it, and nothing moves where the kernel gives no huge pages."""
from __future__ import annotations

import pytest
import torch

import ketch.models
from ketch import LLM, SamplingParams
from ketch.quant import arena as arena_mod
from ketch.quant.linear import PackedModule
from tests.formats.gguf_writer import write_gguf
from tests.models.test_parity_tiny import _prompts

QUANT = {"attn_q": "Q4_1", "attn_k": "Q4_1", "attn_v": "Q8_0", "attn_output": "Q4_0", "ffn_gate": "Q4_1",
         "ffn_up": "Q4_1", "ffn_down": "Q8_0", "token_embd": "Q8_0"}


def _advised_for_huge_pages(ptr: int) -> bool:
    """Whether the mapping holding address ``ptr`` carries madvise(MADV_HUGEPAGE) ("hg" in smaps)."""
    inside = False
    with open("/proc/self/smaps") as f:
        for line in f:
            head = line.split()[0]
            if "-" in head and ":" not in head:
                lo, hi = (int(v, 16) for v in head.split("-"))
                inside = lo <= ptr < hi
            elif inside and head == "VmFlags:":
                return "hg" in line.split()[1:]
    return False


def _generate(llm: LLM) -> list:
    params = SamplingParams(temperature=0, max_tokens=8, ignore_eos=True, logprobs=2)
    outs = llm.generate([{"prompt_token_ids": p} for p in _prompts()], params)
    return [(o.outputs[0].token_ids, [sorted(d.items()) for d in o.outputs[0].logprobs]) for o in outs]


@pytest.mark.skipif(not arena_mod.huge_pages_available(), reason="this kernel gives no transparent huge pages")
def test_a_loaded_model_reads_its_weights_from_the_arena(tiny_models, tmp_path, monkeypatch):
    path, hf = tiny_models("llama")
    gguf_file = str(write_gguf(hf, path, tmp_path / "llama.gguf", QUANT))
    llm = LLM(gguf_file, dtype="float32", keep_quantized=True, block_size=4)
    model = llm.engine.model
    arena = model.weight_arena
    assert arena is not None and _advised_for_huge_pages(arena.bytes.data_ptr())
    planes = [t for m in model.modules() if isinstance(m, PackedModule) for t in (m.qs, m.d, m.m) if t is not None]
    dense = list(model.parameters())
    assert planes and dense and all(arena.contains(t) for t in planes + dense)
    assert arena.used == sum(t.numel() * t.element_size() for t in {t.data_ptr(): t for t in planes + dense}.values())
    with_arena = _generate(llm)

    monkeypatch.setattr(ketch.models, "gather_weights", lambda m: None)
    plain = LLM(gguf_file, dtype="float32", keep_quantized=True, block_size=4)
    assert plain.engine.model.weight_arena is None
    assert not any(arena.contains(t) for t in plain.engine.model.parameters())
    assert _generate(plain) == with_arena


def test_tied_weights_move_once_and_stay_tied(monkeypatch):
    if not arena_mod.huge_pages_available():
        pytest.skip("this kernel gives no transparent huge pages")
    emb = torch.nn.Embedding(64, 16)
    head = torch.nn.Linear(16, 64, bias=False)
    head.weight = emb.weight
    model = torch.nn.ModuleDict({"emb": emb, "head": head, "norm": torch.nn.LayerNorm(16)})
    want = {k: v.clone() for k, v in model.state_dict().items()}
    arena = arena_mod.gather_weights(model)
    assert arena.used == (64 * 16 + 16 + 16) * 4
    assert head.weight is emb.weight and arena.contains(emb.weight)
    assert all(torch.equal(v, want[k]) for k, v in model.state_dict().items())


def test_nothing_moves_without_huge_pages(tmp_path, monkeypatch):
    setting = tmp_path / "enabled"
    setting.write_text("always madvise [never]\n")
    monkeypatch.setattr(arena_mod, "THP_SETTING", setting)
    assert not arena_mod.huge_pages_available()
    model = torch.nn.Linear(8, 8)
    ptr = model.weight.data_ptr()
    assert arena_mod.gather_weights(model) is None and model.weight.data_ptr() == ptr
    monkeypatch.setattr(arena_mod, "THP_SETTING", tmp_path / "missing")  # no THP at all (not Linux)
    assert not arena_mod.huge_pages_available()
