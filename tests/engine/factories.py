"""Small factories for engine unit tests (no model needed)."""
from __future__ import annotations

import itertools

from ketch.engine.sequence import Sequence
from ketch.sampling import SamplingParams

_ids = itertools.count()


def make_seq(tokens: list[int], params: SamplingParams | None = None, request_id: str | None = None) -> Sequence:
    seq_id = next(_ids)
    return Sequence(seq_id, request_id or f"r{seq_id}", 0, tokens, params or SamplingParams(max_tokens=16),
                    detokenizer=None, generator=None, arrival_time=0.0)  # type: ignore[arg-type]
