"""A sequence (one sample of one request) and its request group."""
from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field, replace
from typing import Any

import torch

from ketch.engine.detokenizer import IncrementalDetokenizer
from ketch.outputs import Logprob
from ketch.sampling import SamplingParams


class SequenceStatus(enum.IntEnum):
    """Ordered: everything from FINISHED_STOPPED on is finished."""

    WAITING = 0
    RUNNING = 1
    FINISHED_STOPPED = 2
    FINISHED_LENGTH = 3
    FINISHED_ABORTED = 4

    @property
    def is_finished(self) -> bool:
        return self >= SequenceStatus.FINISHED_STOPPED

    @property
    def finish_reason(self) -> str | None:
        return {SequenceStatus.FINISHED_STOPPED: "stop", SequenceStatus.FINISHED_LENGTH: "length",
                SequenceStatus.FINISHED_ABORTED: "abort"}.get(self)


class Sequence:
    """Token state of one sample: what the scheduler, block manager and sampler share."""

    def __init__(self, seq_id: int, request_id: str, index: int, prompt_token_ids: list[int],
                 params: SamplingParams, detokenizer: IncrementalDetokenizer,
                 generator: torch.Generator | None, arrival_time: float) -> None:
        self.seq_id = seq_id
        self.request_id = request_id
        self.index = index  # which of the request's n samples
        self.token_ids: list[int] = list(prompt_token_ids)
        self.num_prompt_tokens = len(prompt_token_ids)
        self.num_computed_tokens = 0  # tokens whose K/V are in the cache
        self.num_cached_tokens = 0  # of those, how many came from the prefix cache at admission
        self.block_table: list[int] = []
        self.block_hashes: list[int] = []  # hashes of this sequence's full blocks, in order
        self.status = SequenceStatus.WAITING
        self.params = params
        self.detokenizer = detokenizer
        self.generator = generator
        self.arrival_time = arrival_time
        self.output_text = ""
        self.logprobs: list[dict[int, Logprob]] | None = [] if params.logprobs is not None else None
        self.cumulative_logprob = 0.0
        self.stop_reason: str | int | None = None
        self.matcher: Any = None  # llguidance matcher when the output is grammar-constrained
        self.sent_tokens = 0  # delta outputs: output tokens (and logprobs) already handed out
        self.sent_chars = 0  # ... and characters of output_text

    @property
    def num_tokens(self) -> int:
        return len(self.token_ids)

    @property
    def num_output_tokens(self) -> int:
        return len(self.token_ids) - self.num_prompt_tokens

    @property
    def output_token_ids(self) -> list[int]:
        return self.token_ids[self.num_prompt_tokens:]

    @property
    def is_finished(self) -> bool:
        return self.status.is_finished

    def __repr__(self) -> str:
        return (f"Sequence(id={self.seq_id}, req={self.request_id!r}, tokens={self.num_tokens}, "
                f"computed={self.num_computed_tokens}, status={self.status.name})")


@dataclass(slots=True)
class Request:
    """One user request: a prompt and its ``n`` sequences."""

    request_id: str
    prompt: str | None
    prompt_token_ids: list[int]
    params: SamplingParams
    seqs: list[Sequence]
    arrival_time: float = field(default_factory=time.monotonic)
    first_scheduled_time: float | None = None
    first_token_time: float | None = None
    finished_time: float | None = None

    @property
    def is_finished(self) -> bool:
        return all(s.is_finished for s in self.seqs)

    def limit_max_tokens(self, max_tokens: int) -> None:
        """Lower the completion budget of a request not yet added (a caller's quota, say)."""
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1, got {max_tokens}")
        if self.params.max_tokens is not None and self.params.max_tokens <= max_tokens:
            return
        self.params = replace(self.params, max_tokens=max_tokens)
        for seq in self.seqs:
            seq.params = self.params
