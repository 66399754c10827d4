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
