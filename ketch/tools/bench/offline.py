"""Offline benchmark: ketch against HF transformers and llama.cpp, in one process, same weights and prompts.

Figures (all wall-clock, ``time.perf_counter`` unless said otherwise):

* TTFT: median of 3 runs that generate one token from a ``prompt_len``-token prompt (lower is better).
* prompt processing tok/s: ``pp_len`` over the median of 3 such runs on one ``pp_len``-token prompt
  (llama.cpp: llama-bench's pp<pp_len>).
* single-stream decode tok/s: ``(new_tokens - 1)`` over the time between the first and the last token
  (ketch: the request's own ``time.monotonic`` metrics; HF and llama.cpp: ``t(new_tokens) - t(1)``).
* output tok/s at concurrency ``c``: ``c * new_tokens`` over the wall time of one call that runs all
  ``c`` prompts end to end, prefill included (ketch and HF only).

Every prompt is ``prompt_len`` token ids cut from a fixed English text at a different offset, so no
two share a first KV block; ketch also runs with prefix caching off, so repeated runs of the same
prompt (warm-up, the 3 TTFT runs) never skip prefill. llama.cpp is reset before every run for the
same reason.
"""
from __future__ import annotations

import gc
import importlib.util
import os
import shutil
import sys
import traceback
from dataclasses import asdict
from typing import Any

import torch

from ketch.config import DTYPES, default_num_threads
from ketch.tools.bench.common import (OfflineBenchConfig, _common_prefix, _log, _machine_info, _timed,
                                      build_prompts)
from ketch.tools.bench.bandwidth import read_bandwidth
from ketch.tools.bench.engines import _bench_hf, _bench_ketch, _bench_llama_cpp
from ketch.tools.bench.llama_bench import llama_cpp_tools
from ketch.tools.bench.report import _print_table, _ratios

def _llama_cpp_tools(cfg: OfflineBenchConfig, gguf, threads: int, binary: str) -> dict[str, Any]:
    """The anchor from llama.cpp's own tools: llama-bench, and llama-batched-bench beside it."""
    _log(f"llama.cpp: {binary} and llama-batched-bench, in their own environment")
    try:
        return llama_cpp_tools(binary, gguf, threads, cfg.prompt_len, cfg.new_tokens, cfg.concurrency,
                               pp_len=cfg.pp_len)
    except Exception as exc:  # noqa: BLE001 - an anchor failing must not lose ketch's figures
        _log(f"[red]llama-bench failed:[/red] {exc!r}")
        return {"error": repr(exc)}


def run_offline(config: OfflineBenchConfig) -> dict[str, Any]:
    """Run every engine on the same weights and prompts; print a table; return every figure."""
    from ketch.llm import LLM

    cfg = config
    threads = cfg.num_threads or default_num_threads()
    torch.set_num_threads(threads)
    machine = _machine_info(threads)
    _log(f"machine: {machine['cpu']}, {machine['cpu_count']} CPUs ({machine['available_cores']} available), "
         f"torch {machine['torch']} with {torch.get_num_threads()} threads")

    busy = machine["busy_cores_before"]
    if busy is not None and busy > 0.25:
        _log(f"[yellow]warning: other processes kept {busy:.2f} cores busy just before the run; with every "
             "core given to the engines their thread pools are oversubscribed and the figures will be "
             "unreliable (often many times slower)[/yellow]")
    _log(f"ketch: loading {cfg.model}")
    # Prefix caching off: the warm-up and TTFT runs reuse one prompt and must not skip its prefill.
    load_s, llm = _timed(lambda: LLM(cfg.model, dtype=cfg.dtype, enable_prefix_caching=False))
    source = llm.engine.source
    _log(f"ketch: loaded {source.path} ({source.format}, {source.quantization}) in {load_s:.1f}s")
    tok = llm.get_tokenizer()
    prompts = build_prompts(lambda s: tok.encode(s, add_special_tokens=False), max(cfg.concurrency),
                            cfg.prompt_len)
    eos_ids = list(llm.engine.eos_token_ids)
    device = llm.engine.device

    results: dict[str, Any] = {"config": asdict(cfg), "machine": machine, "model_path": str(source.path),
                               "model_format": source.format, "quantization": source.quantization}
    pp_prompt = None
    if cfg.pp_len and cfg.pp_len + 1 > llm.engine.max_model_len:
        _log(f"[yellow]prompt processing: {cfg.pp_len} tokens do not fit the model's context "
             f"({llm.engine.max_model_len}); skipped[/yellow]")
    elif cfg.pp_len:
        pp_prompt = build_prompts(lambda s: tok.encode(s, add_special_tokens=False), 1, cfg.pp_len)[0]
    probe = (lambda: read_bandwidth(threads)) if device.type == "cpu" else None
    ketch = _bench_ketch(cfg, prompts, llm, pp_prompt, probe)
    ketch["load_s"] = load_s
    results["ketch"] = ketch
    del llm
    gc.collect()

    hf: dict[str, Any] | None = None
    if cfg.run_hf:
        try:
            import transformers  # noqa: F401
        except ImportError:
            _log("HF: transformers is not installed; skipped (pip install 'ketch[bench]')")
        else:
            try:
                hf = _bench_hf(cfg, prompts, source, DTYPES[cfg.hf_dtype], device,
                               pad_token_id=eos_ids[0] if eos_ids else None)
                hf["greedy_match_tokens"] = _common_prefix(ketch["greedy_tokens"], hf["greedy_tokens"])
            except Exception as exc:  # noqa: BLE001 - an anchor failing must not lose ketch's figures
                _log(f"[red]HF failed:[/red] {exc!r}")
                traceback.print_exc(file=sys.stderr)
                hf = {"error": repr(exc)}
    results["hf"] = hf

    lcpp: dict[str, Any] | None = None
    if cfg.run_llama_cpp:
        if source.format != "gguf":
            _log("llama.cpp: the model is not a GGUF file; skipped")
        else:
            # llama.cpp's own tools measure every row (prompt processing, decode, batches); the
            # Python binding, in a child process, only TTFT and single-stream decode.
            binary = cfg.llama_bench or shutil.which("llama-bench")
            if binary is not None:
                lcpp = _llama_cpp_tools(cfg, source.path, threads, binary)
            elif importlib.util.find_spec("llama_cpp") is None:
                _log("llama.cpp: neither llama-bench (--llama-bench) nor llama-cpp-python (make llama-cpp) "
                     "found; skipped")
            else:
                try:
                    lcpp = _bench_llama_cpp(cfg, prompts, source, threads, eos_ids)
                    lcpp["greedy_match_chars"] = len(os.path.commonprefix([ketch["greedy_text"],
                                                                           lcpp["greedy_text"]]))
                except Exception as exc:  # noqa: BLE001
                    _log(f"[red]llama.cpp failed:[/red] {exc!r}")
                    traceback.print_exc(file=sys.stderr)
                    lcpp = {"error": repr(exc)}
    results["llama_cpp"] = lcpp

    if "read_bandwidth_bytes_s" in ketch:
        bw = machine["read_bandwidth_bytes_s"] = ketch["read_bandwidth_bytes_s"]
        ketch["decode_bound_tok_s"] = bw / ketch["weight_bytes"]
        ketch["decode_fraction_of_bound"] = ketch["decode_tok_s"] / ketch["decode_bound_tok_s"]
        _log(f"memory read bandwidth {bw / 1e9:.1f} GB/s with {threads} threads: decode bound "
             f"{ketch['decode_bound_tok_s']:.0f} tok/s for {ketch['weight_bytes'] / 1e6:.1f} MB of weights")
    results["ratios"] = _ratios(cfg, ketch, hf, lcpp)
    _print_table(cfg, results)
    return results


