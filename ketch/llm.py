"""The offline Python API: ``LLM(model).generate(prompts, SamplingParams(...))``, as in vLLM."""
from __future__ import annotations

import itertools
from typing import Any

from tqdm import tqdm

from ketch.config import CacheConfig, EngineConfig, ModelKey, SchedulerConfig
from ketch.engine.llm_engine import LLMEngine, PromptInput
from ketch.formats.chat_template import render_chat
from ketch.formats.tokenizer import Tokenizer
from ketch.outputs import RequestOutput
from ketch.sampling import SamplingParams


class LLM:
    """Load a model once, then generate for batches of prompts with continuous batching."""

    def __init__(self, model: str = "smollm2-135m", *, dtype: str = "auto", device: str = "auto",
                 max_model_len: int = 0, kv_cache_memory: int | None = None, block_size: int = 16,
                 max_num_seqs: int = 64, max_num_batched_tokens: int = 512,
                 enable_prefix_caching: bool = True, keep_quantized: bool | None = None,
                 batch_invariant: bool = True, kv_cache_dtype: str = "auto", model_key: bytes | None = None) -> None:
        """``model_key``: the 32-byte key of an encrypted model file (``ketch encrypt``)."""
        config = EngineConfig(
            model=str(model), dtype=dtype, device=device, keep_quantized=keep_quantized,
            batch_invariant=batch_invariant, model_key=ModelKey(model_key) if model_key is not None else None,
            cache=CacheConfig(block_size=block_size, kv_cache_memory_bytes=kv_cache_memory,
                              enable_prefix_caching=enable_prefix_caching, kv_cache_dtype=kv_cache_dtype),
            scheduler=SchedulerConfig(max_num_batched_tokens=max_num_batched_tokens,
                                      max_num_seqs=max_num_seqs, max_model_len=max_model_len))
        self.engine = LLMEngine(config)
        self._ids = itertools.count()

    def get_tokenizer(self) -> Tokenizer:
        return self.engine.tokenizer

    @property
    def num_parameters(self) -> int:
        return self.engine.num_parameters

    def generate(self, prompts: PromptInput | list[PromptInput],
                 sampling_params: SamplingParams | list[SamplingParams] | None = None,
                 use_tqdm: bool = False) -> list[RequestOutput]:
        """Run every prompt to completion; outputs come back in prompt order."""
        if isinstance(prompts, (str, dict)) or (isinstance(prompts, list) and prompts
                                                 and isinstance(prompts[0], int)):
            prompts = [prompts]  # type: ignore[list-item]
        prompts = list(prompts)  # type: ignore[arg-type]
        if isinstance(sampling_params, list):
            if len(sampling_params) != len(prompts):
                raise ValueError("sampling_params list must have one entry per prompt")
            params_list = sampling_params
        else:
            params_list = [sampling_params or SamplingParams()] * len(prompts)
        # Validate everything before queueing anything: a bad prompt leaves the engine untouched.
        requests = [self.engine.make_request(f"gen-{next(self._ids)}", p, sp)
                    for p, sp in zip(prompts, params_list)]
        order = {r.request_id: i for i, r in enumerate(requests)}
        for r in requests:
            self.engine.enqueue(r)
        results: list[RequestOutput | None] = [None] * len(requests)
        bar = tqdm(total=len(requests), desc="generating", disable=not use_tqdm)
        try:
            while self.engine.has_unfinished_requests():
                for out in self.engine.step():
                    if out.finished and out.request_id in order:
                        results[order[out.request_id]] = out
                        bar.update(1)
        except BaseException:
            for r in requests:
                self.engine.abort_request(r.request_id)
            raise
        finally:
            bar.close()
        return [r for r in results if r is not None]

    def chat(self, messages: list[dict[str, Any]] | list[list[dict[str, Any]]],
             sampling_params: SamplingParams | None = None, add_generation_prompt: bool = True,
             use_tqdm: bool = False) -> list[RequestOutput]:
        """Apply the model's chat template to one conversation (or a list of them) and generate."""
        conversations = messages if messages and isinstance(messages[0], list) else [messages]
        prompts = [{"prompt_token_ids": self.encode_chat(conv, add_generation_prompt)}  # type: ignore[arg-type]
                   for conv in conversations]
        return self.generate(prompts, sampling_params, use_tqdm=use_tqdm)

    def encode_chat(self, messages: list[dict[str, Any]], add_generation_prompt: bool = True) -> list[int]:
        tok = self.engine.tokenizer
        text = render_chat(tok.chat_template, messages, add_generation_prompt=add_generation_prompt,
                           bos_token=tok.bos_token, eos_token=tok.eos_token)
        # The template already holds any BOS it wants; adding special tokens would double it.
        return tok.encode(text, add_special_tokens=False)
