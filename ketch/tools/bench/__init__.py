"""Benchmarks run through `ketch bench`: `offline` compares ketch with HF transformers and llama.cpp;
`serve` loads any OpenAI-compatible server over HTTP."""
from ketch.tools.bench.serve import ServeBenchConfig, print_report, run_serve_bench

__all__ = ["OfflineBenchConfig", "run_offline", "ServeBenchConfig", "run_serve_bench", "print_report"]


def __getattr__(name: str):
    # Lazy: the offline benchmark imports torch, which a load generator for a remote server does not need.
    if name == "OfflineBenchConfig":
        from ketch.tools.bench.common import OfflineBenchConfig
        return OfflineBenchConfig
    if name == "run_offline":
        from ketch.tools.bench.offline import run_offline
        return run_offline
    raise AttributeError(name)
