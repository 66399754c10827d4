"""Every supported family, random weights: greedy tokens equal transformers', single and batched."""
from __future__ import annotations

import random

import pytest

from ketch import LLM, SamplingParams
from tests.conftest import TINY_CONFIGS, TINY_VOCAB, hf_greedy

NEW_TOKENS = 32


def _prompts() -> list[list[int]]:
    rng = random.Random(1)
    # Mixed lengths, several longer than the tiny sliding windows (8).
    return [[rng.randrange(TINY_VOCAB - 64) for _ in range(n)] for n in (3, 9, 17, 30, 12)]


@pytest.mark.parametrize("kind", sorted(TINY_CONFIGS))
def test_greedy_parity_with_transformers(kind, tiny_models):
    path, hf = tiny_models(kind)
    llm = LLM(str(path), dtype="float32", block_size=4, max_num_batched_tokens=64)
    params = SamplingParams(temperature=0, max_tokens=NEW_TOKENS, ignore_eos=True)
    prompts = _prompts()
    expected = [hf_greedy(hf, p, NEW_TOKENS) for p in prompts]
    single = [llm.generate({"prompt_token_ids": p}, params)[0].outputs[0].token_ids for p in prompts]
    assert single == expected
    batched = llm.generate([{"prompt_token_ids": p} for p in prompts], params)
    assert [o.outputs[0].token_ids for o in batched] == expected


def test_pytorch_bin_checkpoint_loads_with_weights_only(tiny_models):
    path, hf = tiny_models("llama", fmt="pytorch")
    assert list(path.glob("*.bin")) and not list(path.glob("*.safetensors"))
    llm = LLM(str(path), dtype="float32")
    prompt = _prompts()[1]
    out = llm.generate({"prompt_token_ids": prompt}, SamplingParams(temperature=0, max_tokens=16, ignore_eos=True))
    assert out[0].outputs[0].token_ids == hf_greedy(hf, prompt, 16)


def test_parameter_count_matches_transformers(tiny_models):
    for kind in ("llama3-untied", "qwen2", "gemma2", "gemma3"):
        path, hf = tiny_models(kind)
        llm = LLM(str(path), dtype="float32")
        assert llm.num_parameters == hf.num_parameters(), kind
