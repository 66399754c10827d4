"""Benchmarks run through `ketch bench`: `offline` compares ketch with HF transformers and llama.cpp."""
from ketch.tools.bench.common import OfflineBenchConfig
from ketch.tools.bench.offline import run_offline

__all__ = ["OfflineBenchConfig", "run_offline"]
