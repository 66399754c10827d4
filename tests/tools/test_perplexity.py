"""Perplexity as llama-perplexity computes it, BOS at the start of every chunk where the model wants one."""
from __future__ import annotations

import math

import pytest
import torch

from ketch import LLM
from ketch.tools.perplexity import perplexity
from tests.formats.gguf_writer import write_gguf


def _reference_log_ppl(hf, ids: list[int], ctx: int, bos: int | None) -> tuple[float, int]:
    """transformers on llama-perplexity's chunks: the first token replaced by ``bos``, second halves scored."""
    nll, scored, first = 0.0, 0, ctx // 2
    for c in range(len(ids) // ctx):
        chunk = ids[c * ctx:(c + 1) * ctx]
        if bos is not None:
            chunk = [bos, *chunk[1:]]
        with torch.inference_mode():
            logprobs = torch.log_softmax(hf(torch.tensor([chunk])).logits[0].double(), dim=-1)
        targets = torch.tensor(chunk[first + 1:])
        nll -= float(logprobs[first:ctx - 1].gather(1, targets[:, None]).sum())
        scored += len(targets)
    return nll / scored, scored


@pytest.mark.parametrize("add_bos", [True, False])
def test_chunks_start_with_bos_when_the_tokenizer_adds_it(add_bos, tiny_models, tmp_path):
    path, hf = tiny_models("llama")
    llm = LLM(str(write_gguf(hf, path, tmp_path / "tiny.gguf", add_bos=add_bos)), dtype="float32", block_size=4)
    tok = llm.get_tokenizer()
    assert tok.add_bos_token is add_bos
    ids = tok.encode("the cat sat on the mat and then the dog ran in the park " * 6)
    assert (ids[0] == tok.bos_token_id) is add_bos
    assert tok.bos_token_id not in ids[1:]  # so BOS-first chunks after the first differ from the text
    ctx = 32
    result = perplexity(llm.engine, ids, ctx=ctx)  # the default follows the tokenizer
    want, scored = _reference_log_ppl(hf, ids, ctx, tok.bos_token_id if add_bos else None)
    assert result.num_scored == scored and result.num_chunks >= 3
    # fp32 forwards of two implementations agree to ~1e-5 in the logits: far inside 1e-3 of log-ppl
    assert math.isclose(math.log(result.ppl), want, rel_tol=1e-3)
    other = perplexity(llm.engine, ids, ctx=ctx, add_bos=not add_bos)  # explicit override
    other_want, _ = _reference_log_ppl(hf, ids, ctx, None if add_bos else tok.bos_token_id)
    assert math.isclose(math.log(other.ppl), other_want, rel_tol=1e-3)
    assert abs(want - other_want) > 1e-2  # the two measurements are told apart


def test_scoring_in_steps_through_the_cache_matches_one_prefill(tiny_models):
    """Steps that read earlier positions from the KV cache give the logits of one prefill (fp32
    cache: the same values, summed in other blockings, so equal to fp32 rounding of attention)."""
    import torch

    from ketch.tools.perplexity import chunk_logits

    path, _ = tiny_models("mistral")  # a sliding window of 8, crossed by the 40-token prompt
    llm = LLM(str(path), dtype="float32", block_size=4)
    ids = list(range(3, 43))
    whole = chunk_logits(llm.engine, ids)
    for step in (1, 7, 16):
        torch.testing.assert_close(chunk_logits(llm.engine, ids, step_tokens=step), whole, rtol=1e-4, atol=1e-4)
    with pytest.raises(ValueError, match="step_tokens"):
        chunk_logits(llm.engine, ids, step_tokens=0)
