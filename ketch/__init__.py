"""ketch: from LLM weights on disk to a fast, measured, secure HTTP service."""
from ketch.outputs import CompletionOutput, Logprob, RequestOutput
from ketch.sampling import SamplingParams, StructuredOutputParams

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
