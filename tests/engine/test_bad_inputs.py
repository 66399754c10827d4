"""Every bad input gets a specific error before any work starts, and the engine keeps working."""
from __future__ import annotations

import pytest

from ketch import SamplingParams
from ketch.engine.llm_engine import ContextLengthError


@pytest.mark.parametrize("kwargs, match", [
    ({"n": 0}, "n must be"),
    ({"temperature": -0.1}, "temperature"),
    ({"top_p": 0.0}, "top_p"),
    ({"top_p": 1.5}, "top_p"),
    ({"top_k": -5}, "top_k"),
    ({"top_k": 1.5}, "top_k"),
    ({"min_p": 2.0}, "min_p"),
    ({"repetition_penalty": 0.0}, "repetition_penalty"),
    ({"presence_penalty": 3.0}, "presence_penalty"),
    ({"frequency_penalty": -2.5}, "frequency_penalty"),
    ({"seed": "abc"}, "seed"),
    ({"max_tokens": 0}, "max_tokens"),
    ({"max_tokens": True}, "max_tokens"),
    ({"min_tokens": 5, "max_tokens": 2}, "min_tokens"),
    ({"logprobs": 50}, "logprobs"),
    ({"stop": [""]}, "stop"),
    ({"stop": [3]}, "stop"),
    ({"stop_token_ids": [-1]}, "stop_token_ids"),
])
def test_sampling_params_validation(kwargs, match):
    with pytest.raises(ValueError, match=match):
        SamplingParams(**kwargs)


def test_prompt_beyond_context_window_rejected_up_front(smollm2_path):
    from ketch import LLM

    llm = LLM(str(smollm2_path), dtype="float32", max_model_len=64)
    with pytest.raises(ContextLengthError, match="maximum context length is 64"):
        llm.generate({"prompt_token_ids": [1] * 60}, SamplingParams(max_tokens=10))
    with pytest.raises(ContextLengthError):
        llm.generate({"prompt_token_ids": [1] * 70}, SamplingParams(max_tokens=None))
    assert not llm.engine.has_unfinished_requests()
    # max_tokens=None fills the window exactly.
    out = llm.generate({"prompt_token_ids": [1] * 60}, SamplingParams(max_tokens=None, temperature=0, ignore_eos=True))
    assert len(out[0].outputs[0].token_ids) == 4 and out[0].outputs[0].finish_reason == "length"


def test_request_larger_than_kv_cache_rejected(smollm2_path):
    from ketch import LLM

    llm = LLM(str(smollm2_path), dtype="float32", kv_cache_memory=4 * 16 * 46080)  # 4 blocks
    with pytest.raises(ContextLengthError, match="KV cache"):
        llm.generate("hello", SamplingParams(max_tokens=100))


@pytest.mark.parametrize("prompt, match", [
    ("", "empty"),
    ({"prompt_token_ids": []}, "empty"),
    ({"prompt_token_ids": [1, 10**9]}, "prompt_token_ids"),
    ({"prompt_token_ids": [1, -3]}, "prompt_token_ids"),
    ({"prompt_token_ids": "abc"}, "prompt_token_ids"),
    ({"nothing": 1}, "a prompt must be"),
    (3.5, "a prompt must be"),
])
def test_bad_prompts(smol_llm, prompt, match):
    with pytest.raises(ValueError, match=match):
        smol_llm.generate([prompt] if not isinstance(prompt, float) else [prompt], SamplingParams(max_tokens=2))


def test_one_bad_prompt_in_a_batch_queues_nothing(smol_llm):
    with pytest.raises(ValueError):
        smol_llm.generate(["fine", {"prompt_token_ids": [10**9]}], SamplingParams(max_tokens=2))
    assert not smol_llm.engine.has_unfinished_requests()
    assert smol_llm.generate("still works", SamplingParams(max_tokens=2, temperature=0))[0].outputs[0].token_ids


def test_bad_chat_messages(smol_llm):
    from ketch.formats.chat_template import ChatTemplateError

    for messages in ([], [{"content": "no role"}], [{"role": "user", "content": 5}], "hello"):
        with pytest.raises(ChatTemplateError):
            smol_llm.chat(messages)


def test_bad_engine_options(smollm2_path):
    from ketch import LLM

    with pytest.raises(ValueError, match="block_size"):
        LLM(str(smollm2_path), block_size=3)
    with pytest.raises(ValueError, match="dtype"):
        LLM(str(smollm2_path), dtype="int3")
    with pytest.raises(ValueError, match="device"):
        LLM(str(smollm2_path), device="tpu")
    with pytest.raises(ValueError, match="max_num_seqs"):
        LLM(str(smollm2_path), max_num_seqs=0)


@pytest.mark.parametrize("value", ["text", {"a": 1}, None])
def test_a_template_tripping_on_a_callers_value_is_a_template_error(value):
    """Values from chat_template_kwargs reach the template's own code; what it raises on them
    (a TypeError adding text to a number, ...) is the caller's error, not a crash."""
    from ketch.formats.chat_template import ChatTemplateError, render_chat

    template = "{{ messages[0]['content'] }}{{ budget + 1 }}"
    with pytest.raises(ChatTemplateError, match="chat template failed"):
        render_chat(template, [{"role": "user", "content": "hi"}], budget=value)
    assert render_chat(template, [{"role": "user", "content": "hi"}], budget=2) == "hi3"
