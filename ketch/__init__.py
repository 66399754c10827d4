"""ketch: from LLM weights on disk to a fast, measured, secure HTTP service."""
import os

# OpenMP workers that spin long at barriers starve everything else on a small machine: with torch's
# two threads on two cores, any other busy thread (the HTTP loop, a second process) turned a 0.1 ms
# op into several ms (32 requests x 16 tokens beside a compile: 199 s with libgomp's default spin,
# 6.2 s passive). Never spinning costs ~30% of quiet single-stream decode instead; a short spin
# (20k iterations, microseconds) kept both: 85 tok/s quiet, and 2.7 s for that batch beside a busy
# loop, as passive. Must be set before torch loads libgomp; the user's own settings win.
# Variables ketch put into this process's environment: benchmarks start their anchors (llama.cpp,
# llama-server) without them, so each anchor runs in its own configuration, not ours.
ENV_SET_BY_KETCH: tuple[str, ...] = ()
if "OMP_WAIT_POLICY" not in os.environ and "GOMP_SPINCOUNT" not in os.environ:
    os.environ["GOMP_SPINCOUNT"] = "20000"
    ENV_SET_BY_KETCH = ("GOMP_SPINCOUNT",)


def anchor_env() -> dict[str, str]:
    """This process's environment less what ketch set in it: for starting other engines."""
    return {k: v for k, v in os.environ.items() if k not in ENV_SET_BY_KETCH}

from ketch.outputs import CompletionOutput, Logprob, RequestOutput  # noqa: E402
from ketch.sampling import SamplingParams, StructuredOutputParams  # noqa: E402

__all__ = ["LLM", "AsyncEngine", "SamplingParams", "StructuredOutputParams", "RequestOutput", "CompletionOutput", "Logprob"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazy: `import ketch` for SamplingParams alone should not import torch models.
    if name == "LLM":
        from ketch.llm import LLM
        return LLM
    if name == "AsyncEngine":
        from ketch.engine.async_engine import AsyncEngine
        return AsyncEngine
    raise AttributeError(name)
