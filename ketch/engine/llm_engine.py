"""The synchronous engine: requests in, one scheduled forward pass per ``step()``, outputs out."""
from __future__ import annotations

import itertools
import logging
import time
from dataclasses import dataclass, replace
from typing import Any

import torch

from ketch.config import (DEFAULT_CPU_KV_CACHE_BYTES, DEFAULT_CUDA_KV_CACHE_FRACTION, EngineConfig,
                          default_cpu_kv_tokens, resolve_device, resolve_dtype)
from ketch.engine.block_manager import BlockManager
from ketch.engine.detokenizer import IncrementalDetokenizer
from ketch.engine.model_runner import ModelRunner
from ketch.engine.sampler import SampleResult, Sampler
from ketch.engine.scheduler import Scheduler
from ketch.engine.sequence import Request, Sequence, SequenceStatus
from ketch.engine.structured import GrammarCompiler
from ketch.formats.loader import ModelSource, resolve_model
from ketch.models import count_parameters, load_model
from ketch.kernels import load_kernels
from ketch.kernels.policy import KernelConfig
from ketch.outputs import CompletionOutput, Logprob, RequestMetrics, RequestOutput
from ketch.sampling import SamplingParams

PromptInput = str | dict[str, Any] | list[int]
log = logging.getLogger(__name__)


@dataclass(slots=True)
class EngineStats:
    num_running: int  # requests with at least one sequence running
    num_waiting: int  # requests entirely waiting
    kv_blocks_used: int
    kv_blocks_total: int
    prefix_cache_queries: int  # prompt tokens looked up in the prefix cache
    prefix_cache_hits: int  # of those, tokens found
    num_preemptions: int


class ContextLengthError(ValueError):
    """The prompt plus the tokens asked for do not fit the context window or the KV cache."""


class LLMEngine:
    def __init__(self, config: EngineConfig, source: ModelSource | None = None) -> None:
        self.config = config
        self.device = resolve_device(config.device)  # bad options fail before the slow load
        self.dtype = resolve_dtype(config.dtype, self.device)
        self.source = source or resolve_model(config.model, key=config.model_key)
        self.model_config = self.source.config
        self.tokenizer = self.source.tokenizer
        # GGUF quants stay packed where the CPU kernels run (by default only with dtype "auto").
        wanted = config.dtype == "auto" if config.keep_quantized is None else config.keep_quantized
        self.keep_packed = (wanted and self.device.type == "cpu" and self.source.has_packable_weights
                            and load_kernels() is not None)
        self.kernel_policy: KernelConfig | None = None
        if self.keep_packed:
            if config.dtype == "auto":  # the packed kernels compute in fp32: bf16 would only add conversions
                self.dtype = torch.float32
            self.kernel_policy = KernelConfig.for_cpu(batch_invariant=config.batch_invariant,
                                                      max_sample_rows=config.scheduler.max_num_seqs)
            log.info("ketch: %s", self.kernel_policy.describe())
        self.model = load_model(self.source, self.device, self.dtype, self.keep_packed, self.kernel_policy)
        self.kv_dtype = config.cache.resolve_kv_dtype(self.dtype, packed_cpu=self.keep_packed)
        self.source.gguf_reader = None  # weights are copied out; release the file mapping
        self.num_parameters = count_parameters(self.model)
        self.max_model_len = min(config.scheduler.max_model_len or self.model_config.max_position_embeddings,
                                 self.model_config.max_position_embeddings)
        cache = config.cache
        num_blocks = self._num_kv_blocks()
        self.block_manager = BlockManager(num_blocks, cache.block_size, cache.enable_prefix_caching)
        self.scheduler = Scheduler(config.scheduler, self.block_manager)
        self.runner = ModelRunner(self.model, self.model_config, cache, num_blocks, self.device, self.dtype,
                                  self.kv_dtype)
        self.eos_token_ids = list(dict.fromkeys(self.model_config.eos_token_ids + self.tokenizer.eos_token_ids))
        self.sampler = Sampler(self.eos_token_ids)
        self.grammars = GrammarCompiler(self.tokenizer, self.model_config.vocab_size, self.eos_token_ids)
        self.requests: dict[str, Request] = {}
        self._seq_ids = itertools.count()

    def _num_kv_blocks(self) -> int:
        per_token = self.model_config.kv_bytes_per_token(self.kv_dtype)
        per_block = self.config.cache.block_size * per_token
        budget = self.config.cache.kv_cache_memory_bytes
        if budget is None:
            if self.device.type == "cuda":
                free, _ = torch.cuda.mem_get_info(self.device)
                budget = int(free * DEFAULT_CUDA_KV_CACHE_FRACTION)
            else:  # sized to the limits, not a fixed pool: llama-server -c 8192 -np 8 holds 8192 tokens
                budget = min(default_cpu_kv_tokens(self.max_model_len, self.config.scheduler.max_num_seqs)
                             * per_token, DEFAULT_CPU_KV_CACHE_BYTES)
        # No point holding more than max_num_seqs full-length sequences.
        cap = self.config.scheduler.max_num_seqs * -(-self.max_model_len // self.config.cache.block_size)
        num_blocks = min(budget // per_block, cap)
        if num_blocks < 1:
            raise ValueError(f"KV cache budget of {budget} bytes holds no block of {per_block} bytes")
        return int(num_blocks)

    # ---- requests ---------------------------------------------------------------------------

    def make_request(self, request_id: str, prompt: PromptInput,
                     params: SamplingParams | None = None) -> Request:
        """Validate and tokenize without touching engine state (safe from any thread)."""
        params = params or SamplingParams()
        if not isinstance(params, SamplingParams):
            raise TypeError(f"params must be SamplingParams, got {type(params).__name__}")
        text, ids = self._tokenize(prompt)
        if not ids:
            raise ValueError("the prompt is empty: it tokenizes to no tokens")
        vocab = self.model_config.vocab_size
        if any(not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < vocab for t in ids):
            raise ValueError(f"prompt_token_ids must be integers in [0, {vocab})")
        bm = self.block_manager
        # Unset max_tokens means "until the window ends", and the window is whichever of the
        # context length and the whole KV cache is smaller.
        window = min(self.max_model_len, bm.num_blocks * bm.block_size)
        max_tokens = params.max_tokens if params.max_tokens is not None else window - len(ids)
        if len(ids) + max_tokens > self.max_model_len or max_tokens < 1:
            raise ContextLengthError(
                f"This model's maximum context length is {self.max_model_len} tokens. However, you requested "
                f"{len(ids) + max(max_tokens, 1)} tokens ({len(ids)} in the prompt, {max(max_tokens, 1)} for "
                "the completion). Please reduce the length of the prompt or max_tokens.")
        if bm.blocks_needed(len(ids) + max_tokens) > bm.num_blocks:
            raise ContextLengthError(
                f"the request needs {len(ids) + max_tokens} tokens of KV cache but the cache holds "
                f"{bm.num_blocks * bm.block_size}; lower max_tokens or give the cache more memory")
        if params.logit_bias and max(params.logit_bias) >= vocab:
            raise ValueError(f"logit_bias names token {max(params.logit_bias)}, outside the vocabulary [0, {vocab})")
        matchers = (self.grammars.matchers(params.structured_outputs, params.n)
                    if params.structured_outputs is not None else [None] * params.n)
        if params.max_tokens is None:
            params = _with_max_tokens(params, max_tokens)
        now = time.monotonic()
        seqs = []
        for i in range(params.n):
            generator = None
            if params.seed is not None:
                # vLLM's convention for n > 1: sample i draws from seed + i.
                generator = torch.Generator(device=self.device).manual_seed(params.seed + i)
            detok = IncrementalDetokenizer(self.tokenizer, ids, params.skip_special_tokens)
            seqs.append(Sequence(next(self._seq_ids), request_id, i, ids, params, detok, generator, now))
            seqs[-1].matcher = matchers[i]
        return Request(request_id, text, ids, params, seqs, arrival_time=now)

    def _tokenize(self, prompt: PromptInput) -> tuple[str | None, list[int]]:
        if isinstance(prompt, str):
            return prompt, self.tokenizer.encode(prompt)
        if isinstance(prompt, dict):
            if "prompt_token_ids" in prompt:
                ids = prompt["prompt_token_ids"]
                if not isinstance(ids, list):
                    raise ValueError("prompt_token_ids must be a list of integers")
                return prompt.get("prompt"), list(ids)
            if isinstance(prompt.get("prompt"), str):
                return prompt["prompt"], self.tokenizer.encode(prompt["prompt"])
        if isinstance(prompt, list):
            return None, list(prompt)
        raise ValueError("a prompt must be a string, a list of token ids, or a dict with "
                         "'prompt' or 'prompt_token_ids'")

    def add_request(self, request_id: str, prompt: PromptInput, params: SamplingParams | None = None) -> Request:
        return self.enqueue(self.make_request(request_id, prompt, params))

    def enqueue(self, request: Request) -> Request:
        if request.request_id in self.requests:
            raise ValueError(f"request id {request.request_id!r} is already in use")
        self.requests[request.request_id] = request
        for seq in request.seqs:
            self.scheduler.add(seq)
        return request

    def abort_request(self, request_id: str) -> bool:
        request = self.requests.pop(request_id, None)
        if request is None:
            return False
        self.scheduler.abort(request.seqs)
        return True

    def has_unfinished_requests(self) -> bool:
        return self.scheduler.has_unfinished()

    def stats(self) -> EngineStats:
        """A snapshot for metrics; safe to take from another thread (copies are atomic under the GIL)."""
        running, waiting = list(self.scheduler.running), list(self.scheduler.waiting)
        bm = self.block_manager
        return EngineStats(
            num_running=len({s.request_id for s in running}),
            num_waiting=len({s.request_id for s in waiting} - {s.request_id for s in running}),
            kv_blocks_used=bm.num_used_blocks, kv_blocks_total=bm.num_blocks,
            prefix_cache_queries=bm.prefix_queries, prefix_cache_hits=bm.prefix_hits,
            num_preemptions=self.scheduler.num_preemptions)

    # ---- the step ---------------------------------------------------------------------------

    def step(self) -> list[RequestOutput]:
        """Schedule, run the model once, sample, and report every request that changed."""
        sched = self.scheduler.schedule()
        if sched.is_empty:
            return []
        run = self.runner.execute(sched)
        samples = self.sampler(run.logits, run.seqs)
        return self._update(sched.scheduled, run.seqs, samples)

    def _update(self, scheduled: list[tuple[Sequence, int]], sampled: list[Sequence],
                samples: list[SampleResult]) -> list[RequestOutput]:
        now = time.monotonic()
        touched: dict[str, Request] = {}
        for seq, n in scheduled:
            seq.num_computed_tokens += n
            self.block_manager.cache_full_blocks(seq)
            req = self.requests[seq.request_id]
            if req.first_scheduled_time is None:
                req.first_scheduled_time = now
        for seq, result in zip(sampled, samples):
            req = self.requests[seq.request_id]
            req.first_token_time = req.first_token_time or now
            self._append_token(seq, result)
            status = self._check_stop(seq, result.token_id)
            if status is not None:
                self.scheduler.finish(seq, status)
            touched[req.request_id] = req
        outputs = [self._make_output(req) for req in touched.values()]
        for req in touched.values():
            if req.is_finished:
                req.finished_time = now
                del self.requests[req.request_id]
        return outputs

    def _append_token(self, seq: Sequence, result: SampleResult) -> None:
        seq.token_ids.append(result.token_id)
        if seq.logprobs is not None and result.logprob is not None:
            entry = {tid: Logprob(lp, rank=r + 1, decoded_token=self.tokenizer.decode([tid], False))
                     for r, (tid, lp) in enumerate(result.top_logprobs or [])}
            entry.setdefault(result.token_id, Logprob(result.logprob, result.rank,
                                                      self.tokenizer.decode([result.token_id], False)))
            seq.logprobs.append(entry)
            seq.cumulative_logprob += result.logprob
        if seq.matcher is not None:
            seq.matcher.consume_token(result.token_id)

    def _check_stop(self, seq: Sequence, token: int) -> SequenceStatus | None:
        p = seq.params
        if not p.ignore_eos and token in self.eos_token_ids:
            return SequenceStatus.FINISHED_STOPPED  # the EOS text itself is never emitted
        if token in p.stop_token_ids:
            seq.stop_reason = token
            return SequenceStatus.FINISHED_STOPPED
        prev_len = len(seq.output_text)
        seq.output_text += seq.detokenizer.add(token)
        if p.stop and seq.num_output_tokens >= p.min_tokens:
            longest = max(len(s) for s in p.stop)
            search_from = max(0, prev_len - longest + 1)
            hits = [(seq.output_text.find(s, search_from), s) for s in p.stop]
            hits = [(i, s) for i, s in hits if i >= 0]
            if hits:
                pos, stop = min(hits)
                seq.output_text = seq.output_text[:pos + (len(stop) if p.include_stop_str_in_output else 0)]
                seq.stop_reason = stop
                return SequenceStatus.FINISHED_STOPPED
        if seq.matcher is not None and seq.matcher.is_stopped():
            seq.output_text += seq.detokenizer.flush()
            return SequenceStatus.FINISHED_STOPPED  # the grammar admits nothing more
        assert p.max_tokens is not None
        if seq.num_output_tokens >= p.max_tokens or seq.num_tokens >= self.max_model_len:
            seq.output_text += seq.detokenizer.flush()
            return SequenceStatus.FINISHED_LENGTH
        return None

    def _make_output(self, req: Request) -> RequestOutput:
        outs = []
        delta = req.params.output_kind == "delta"
        for seq in req.seqs:
            text = seq.output_text
            if not seq.is_finished and seq.params.stop:
                text = text[:len(text) - _stop_holdback(text, seq.params.stop)]
            if delta:  # only what is new: no copy of what earlier outputs carried
                start = seq.num_prompt_tokens + seq.sent_tokens
                token_ids = seq.token_ids[start:]
                logprobs = seq.logprobs[seq.sent_tokens:] if seq.logprobs is not None else None
                seq.sent_tokens += len(token_ids)
                new_text = text[seq.sent_chars:]
                seq.sent_chars = max(seq.sent_chars, len(text))
                text = new_text
            else:
                token_ids = seq.output_token_ids
                logprobs = list(seq.logprobs) if seq.logprobs is not None else None
            outs.append(CompletionOutput(
                index=seq.index, text=text, token_ids=token_ids,
                cumulative_logprob=seq.cumulative_logprob if seq.logprobs is not None else None,
                logprobs=logprobs, finish_reason=seq.status.finish_reason, stop_reason=seq.stop_reason))
        metrics = RequestMetrics(req.arrival_time, req.first_scheduled_time, req.first_token_time,
                                 time.monotonic() if req.is_finished else None)
        return RequestOutput(req.request_id, req.prompt, req.prompt_token_ids, outs, req.is_finished,
                             metrics, num_cached_tokens=req.seqs[0].num_cached_tokens)


def _stop_holdback(text: str, stops: list[str]) -> int:
    """Length of the longest tail of ``text`` that could still grow into a stop string."""
    best = 0
    for stop in stops:
        for k in range(min(len(stop) - 1, len(text)), best, -1):
            if text.endswith(stop[:k]):
                best = k
                break
    return best


def _with_max_tokens(params: SamplingParams, max_tokens: int) -> SamplingParams:
    return replace(params, max_tokens=max_tokens)
