"""SmolLM2 Q4_1 kept packed against the same weights dequantized to float32."""
from __future__ import annotations

from pathlib import Path

import pytest

from ketch import LLM, SamplingParams
from ketch.kernels import load_kernels
from ketch.quant.linear import QuantEmbedding, QuantLinear
from ketch.tools.perplexity import chunk_logits, perplexity

TEXT = (Path(__file__).parents[1] / "data" / "declaration.txt").read_text()
# A longer text for perplexity differences that small (1024 scored tokens: the declaration
# scores 254, where rounding noise alone moves perplexity by about 1%)
LONG_TEXT = (Path(__file__).parents[2] / "ketch" / "data" / "gpl-3.0.txt").read_text()

pytestmark = pytest.mark.skipif(load_kernels() is None, reason="packed kernels unavailable here")


@pytest.fixture(scope="module")
def packed_fp32(smollm2_path):
    return LLM(str(smollm2_path), dtype="float32", keep_quantized=True)


def test_weights_stay_packed_and_small(packed_fp32, smollm2_path):
    model = packed_fp32.engine.model
    packed = [m for m in model.modules() if isinstance(m, (QuantLinear, QuantEmbedding))]
    assert len(packed) == 30 * 4 + 1  # qkv, o, gate_up, down per layer + the (tied) embedding
    resident = sum(t.numel() * t.element_size() for t in list(model.parameters()) + list(model.buffers()))
    assert resident <= 1.10 * smollm2_path.stat().st_size
    assert packed_fp32.num_parameters == 134_515_008


def test_teacher_forced_agreement_and_perplexity(packed_fp32, smol_llm):
    ids = smol_llm.get_tokenizer().encode(TEXT)
    ref_top1 = chunk_logits(smol_llm.engine, ids[:512]).argmax(-1)
    got_top1 = chunk_logits(packed_fp32.engine, ids[:512]).argmax(-1)
    assert (ref_top1 == got_top1).float().mean() >= 0.98
    ref = perplexity(smol_llm.engine, ids, ctx=256).ppl
    assert abs(perplexity(packed_fp32.engine, ids, ctx=256).ppl / ref - 1) <= 0.01


def test_default_dtype_keeps_packed_within_one_percent(smollm2_path, smol_llm):
    import torch

    llm = LLM(str(smollm2_path))  # dtype auto: packed, with the machine's preferred activations
    assert llm.engine.keep_packed and llm.engine.kv_dtype == torch.float16  # and an fp16 KV cache
    ids = smol_llm.get_tokenizer().encode(TEXT)
    ref = perplexity(smol_llm.engine, ids, ctx=256).ppl
    assert abs(perplexity(llm.engine, ids, ctx=256).ppl / ref - 1) <= 0.01
    out = llm.chat([{"role": "user", "content": "What is the capital of France?"}],
                   SamplingParams(temperature=0, max_tokens=24))
    assert "Paris" in out[0].outputs[0].text


def test_packed_decode_follows_the_float_reference(packed_fp32, smol_llm):
    params = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True)
    for prompt in ("The three primary colors are", "Once upon a time, in a land far away,"):
        ref = smol_llm.generate(prompt, params)[0].outputs[0].token_ids
        got = packed_fp32.generate(prompt, params)[0].outputs[0].token_ids
        assert got[:8] == ref[:8]


def test_perplexity_agrees_with_transformers(smol_llm, hf_smol):
    import math

    import torch

    ids = smol_llm.get_tokenizer().encode(TEXT)
    ctx = 256
    ours = perplexity(smol_llm.engine, ids, ctx=ctx)
    nll, count = 0.0, 0
    with torch.inference_mode():
        for c in range(len(ids) // ctx):
            chunk = torch.tensor([ids[c * ctx:(c + 1) * ctx]])
            logprobs = torch.log_softmax(hf_smol(chunk).logits[0].float(), -1)
            first = ctx // 2
            nll -= float(logprobs[first:ctx - 1].gather(1, chunk[0, first + 1:, None]).sum())
            count += ctx - 1 - first
    assert ours.num_scored == count
    assert abs(ours.ppl / math.exp(nll / count) - 1) <= 0.005


@pytest.fixture(scope="module")
def long_ids(smol_llm):
    return smol_llm.get_tokenizer().encode(LONG_TEXT)[:2048]


@pytest.fixture(scope="module")
def reference_ppl(smol_llm, long_ids):
    """The dequantized fp32 model's perplexity, and the packed model's with an fp32 cache."""
    packed = LLM(str(smol_llm.engine.source.path), kv_cache_dtype="float32")
    return (perplexity(smol_llm.engine, long_ids, ctx=256).ppl,
            perplexity(packed.engine, long_ids, ctx=256, step_tokens=32).ppl)


@pytest.mark.parametrize("kv_dtype, fraction", [("float16", 1 / 2), ("bfloat16", 1 / 2), ("int8", (64 + 4) / 256)])
def test_narrow_kv_caches_keep_packed_within_one_percent(smollm2_path, long_ids, reference_ppl, kv_dtype, fraction):
    """The default packed model with a narrower KV cache: half the cache memory (fp16, bf16) or
    a little over a quarter (int8 codes and a scale per 64-wide head row), perplexity within 1%
    of the dequantized fp32 reference, the same chat answer."""
    import torch

    llm = LLM(str(smollm2_path), kv_cache_dtype=kv_dtype)
    caches = llm.engine.runner.kv_caches
    assert caches[0][0].dtype == getattr(torch, kv_dtype) and caches[0][1].dtype == caches[0][0].dtype
    cfg = llm.engine.model_config
    assert cfg.kv_bytes_per_token(caches[0][0].dtype) == fraction * cfg.kv_bytes_per_token(torch.float32)
    blocks, block_size = caches[0][0].shape[:2]
    held = sum(k.numel() * k.element_size() + v.numel() * v.element_size() for k, v in caches)
    assert held == cfg.kv_bytes_per_token(caches[0][0].dtype) * blocks * block_size
    ref, wide = reference_ppl
    # in steps of 32 tokens: every step after the first reads the earlier ones from the narrow cache
    narrow = perplexity(llm.engine, long_ids, ctx=256, step_tokens=32).ppl
    assert abs(narrow / ref - 1) <= 0.01
    assert narrow != wide  # the narrow cache is what was read
    out = llm.chat([{"role": "user", "content": "What is the capital of France?"}],
                   SamplingParams(temperature=0, max_tokens=24))
    assert "Paris" in out[0].outputs[0].text


def test_kv_cache_dtype_is_checked():
    import torch

    from ketch.config import CacheConfig

    with pytest.raises(ValueError, match="kv_cache_dtype must be one of"):
        CacheConfig(kv_cache_dtype="fp8")
    assert CacheConfig(kv_cache_dtype="int8").resolve_kv_dtype(torch.float32) == torch.int8
    auto = CacheConfig()  # fp16 for the packed CPU path, else the compute dtype
    assert auto.resolve_kv_dtype(torch.float32, packed_cpu=True) == torch.float16
    assert auto.resolve_kv_dtype(torch.float32) == torch.float32
    assert auto.resolve_kv_dtype(torch.bfloat16, packed_cpu=True) == torch.bfloat16
    assert CacheConfig(kv_cache_dtype="float32").resolve_kv_dtype(torch.float32, packed_cpu=True) == torch.float32


def test_a_prompt_longer_than_the_step_budget_is_prefilled_in_chunks(smollm2_path, long_ids):
    """The default packed model, a 300-token prompt and a 128-token step budget: the first two
    steps sample nothing (the packed tied LM head gets 0 rows), the third finishes the prompt.
    The greedy answer is the one-step prefill's (each chunk reads the earlier ones' fp32 K/V)."""
    params = SamplingParams(temperature=0, max_tokens=8, ignore_eos=True)
    prompt = {"prompt_token_ids": long_ids[:300]}
    chunked = LLM(str(smollm2_path), max_num_batched_tokens=128, enable_prefix_caching=False)
    got = chunked.generate(prompt, params, use_tqdm=False)[0].outputs[0].token_ids
    whole = LLM(str(smollm2_path), max_num_batched_tokens=512, enable_prefix_caching=False)
    assert got == whole.generate(prompt, params, use_tqdm=False)[0].outputs[0].token_ids
    assert len(got) == 8
