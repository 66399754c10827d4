"""Teacher-forced scoring with the engine's own model: next-token log-probabilities and perplexity.

Follows llama.cpp's perplexity method: non-overlapping chunks of ``ctx`` tokens, each scoring
only its second half (every scored token then has at least ctx/2 tokens of context), and, for
models whose tokenizer adds BOS, each chunk's first token replaced by BOS as llama-perplexity does.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from ketch.engine.llm_engine import LLMEngine
from ketch.engine.sequence import Sequence
from ketch.layers.attention import prefill_metadata
from ketch.sampling import SamplingParams


@torch.inference_mode()
def chunk_logits(engine: LLMEngine, token_ids: list[int], step_tokens: int | None = None) -> torch.Tensor:
    """Logits [len(token_ids), vocab] (float32) for every position of one prompt.

    ``step_tokens``: run the prompt in steps of that many tokens, each attending to the earlier ones
    through the KV cache, as chunked prefill and decoding read it (None: one prefill step).
    """
    n = len(token_ids)
    if not 0 < n <= engine.max_model_len:
        raise ValueError(f"a chunk must hold 1..{engine.max_model_len} tokens, got {n}")
    if step_tokens is not None and step_tokens < 1:
        raise ValueError(f"step_tokens must be >= 1, got {step_tokens}")
    bm = engine.block_manager
    seq = Sequence(-1, "score", 0, token_ids, SamplingParams(), None, None, 0.0)  # type: ignore[arg-type]
    if not bm.can_allocate(seq, [], n):
        raise ValueError(f"{n} tokens do not fit the KV cache ({bm.num_blocks} blocks)")
    bm.allocate(seq, [], n)
    try:
        bs, dev, window = bm.block_size, engine.device, engine.runner.window
        slots = torch.tensor([seq.block_table[p // bs] * bs + p % bs for p in range(n)], device=dev)
        ids = torch.tensor(token_ids, device=dev)
        step = step_tokens or n
        out = []
        for start in range(0, n, step):
            end = min(n, start + step)
            meta = prefill_metadata(slots[:end], window, start)
            hidden = engine.model(ids[start:end], torch.arange(start, end, device=dev), engine.runner.kv_caches, meta)
            out.append(engine.model.compute_logits(hidden))
        return out[0] if len(out) == 1 else torch.cat(out)
    finally:
        bm.free(seq)


@dataclass(slots=True)
class PerplexityResult:
    ppl: float
    num_scored: int
    num_chunks: int
    nll_sum: float


def perplexity(engine: LLMEngine, token_ids: list[int], ctx: int = 512,
               add_bos: bool | None = None, step_tokens: int | None = None) -> PerplexityResult:
    """llama.cpp-style perplexity over ``token_ids`` (needs at least one full chunk).

    ``add_bos`` (default: whether the model's tokenizer adds BOS) starts every chunk with BOS;
    ``step_tokens`` scores each chunk in steps that read the earlier tokens from the KV cache.
    """
    tokenizer = engine.tokenizer
    if add_bos is None:
        add_bos = tokenizer.add_bos_token
    bos = tokenizer.bos_token_id
    if add_bos and bos is None:
        raise ValueError("add_bos needs a BOS token, and this model's tokenizer has none")
    if ctx < 2:
        raise ValueError("ctx must be >= 2")
    num_chunks = len(token_ids) // ctx
    if num_chunks == 0:
        raise ValueError(f"the text has {len(token_ids)} tokens; at least ctx={ctx} are needed")
    nll, scored = 0.0, 0
    first = ctx // 2
    for c in range(num_chunks):
        chunk = token_ids[c * ctx:(c + 1) * ctx]
        if add_bos:  # the first token is context only (never scored), so BOS takes its place
            chunk = [bos, *chunk[1:]]
        logprobs = torch.log_softmax(chunk_logits(engine, chunk, step_tokens), dim=-1)
        targets = torch.tensor(chunk[first + 1:], device=logprobs.device)
        nll -= float(logprobs[first:ctx - 1].gather(1, targets[:, None]).sum())
        scored += ctx - 1 - first
    return PerplexityResult(math.exp(nll / scored), scored, num_chunks, nll)
