"""ketch: from LLM weights on disk to a fast, measured, secure HTTP service."""
import os

# OpenMP workers that spin at barriers starve everything else on a small machine: with torch's two
# threads on two cores, any other busy thread (the HTTP loop, a second process) turns a 0.1 ms op
# into several ms. Measured here with a compile running beside it: 32 requests x 16 tokens took
# 199 s spinning, 6.2 s passive (1 thread: 5.7 s). Must be set before torch loads libgomp.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

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
