"""Loading a GGUF adds about its own size to resident memory, for every type kept packed.

Each load runs in a fresh interpreter so nothing an earlier test allocated (or freed into the
heap) is counted. The tokenizer and header are read first and not counted, nor what the
first model of any process costs: the bound is about what loading the weights costs.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import make_tiny_hf_model
from tests.formats.gguf_writer import write_gguf

_TYPES = ["Q4_0", "Q4_1", "Q4_K", "Q6_K", "Q8_0"]

_MEASURE = r"""
import ctypes, gc, json, os, sys
from ketch.config import CacheConfig, EngineConfig
from ketch.engine.llm_engine import LLMEngine
from ketch.formats.loader import resolve_model
from ketch.kernels import load_kernels, load_ops
from torch import nn
from ketch.quant.linear import DenseLinear, PackedModule

def rss():
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # freed heap pages back to the OS, as a long-running server's are
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) * 1024 for l in fh if l.startswith("VmRSS"))

load_kernels(), load_ops()
# A first, tiny model pays the one-time costs of the runtime (the thread pool's stacks and
# heaps, torch's lazily built op tables: ~10 MB whatever the model), so the figure is what a
# model adds to a process that already runs one.
warm = sys.argv[2]
LLMEngine(EngineConfig(model=warm, cache=CacheConfig(kv_cache_memory_bytes=1 << 16)), resolve_model(warm))
path = sys.argv[1]
source = resolve_model(path)
before = rss()
engine = LLMEngine(EngineConfig(model=path, cache=CacheConfig(kv_cache_memory_bytes=1 << 20)), source)
added = rss() - before
kv = sum(k.numel() * k.element_size() + v.numel() * v.element_size() for k, v in engine.runner.kv_caches)
modules = list(engine.model.modules())
packed = sorted({m.source_type for m in modules if isinstance(m, PackedModule)})
dense = sum(type(m) in (nn.Linear, nn.Embedding, DenseLinear) for m in modules)
print(json.dumps({"added": added, "kv": kv, "file": os.path.getsize(path), "packed": packed, "dense": dense}))
"""


@pytest.fixture(scope="module")
def wide_llama(tmp_path_factory):
    """A random llama big enough (~52M weights: 29 MB as Q4_K) that the fixed costs of an engine
    and the heap's state (0.5-1.2 MB from run to run) stay a few percent of its weights; K-quant
    rows need whole 256-weight super-blocks."""
    path = tmp_path_factory.mktemp("wide-llama")
    hf = make_tiny_hf_model("llama", path, hidden_size=768, intermediate_size=2048, num_hidden_layers=8,
                            num_attention_heads=12, num_key_value_heads=6, head_dim=64)
    return path, hf


@pytest.fixture(scope="module")
def tiny_gguf(tiny_models, tmp_path_factory):
    path, hf = tiny_models("llama")
    return write_gguf(hf, path, tmp_path_factory.mktemp("warm") / "tiny.gguf", {"ffn_up": "Q8_0"})


@pytest.mark.parametrize("qtype", _TYPES)
def test_loading_adds_at_most_1_1x_the_file(qtype, wide_llama, tiny_gguf, tmp_path):
    from ketch.kernels import load_kernels

    if load_kernels() is None:
        pytest.skip("packed kernels unavailable here: weights are dequantized")
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc/self/status and glibc's malloc_trim")
    path, hf = wide_llama
    kinds = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down", "token_embd"]
    gguf_file = write_gguf(hf, path, tmp_path / f"{qtype}.gguf", {k: qtype for k in kinds})
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(gguf_file), str(tiny_gguf)], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["packed"] == [qtype] and got["dense"] == 0, got  # every weight packed, none dequantized
    weights = got["added"] - got["kv"]
    assert weights <= 1.10 * got["file"], got
