"""One function per engine: ketch, HF transformers, llama.cpp (llama-cpp-python), same prompts."""
from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from ketch import anchor_env
from ketch.tools.bench.common import OfflineBenchConfig, _log, _median_time, _timed
from ketch.tools.bench.llama_isa import system_info_isa

def _bench_ketch(cfg: OfflineBenchConfig, prompts: list[list[int]], llm, pp_prompt: list[int] | None = None,
                 read_bandwidth: Callable[[], float] | None = None) -> dict[str, Any]:
    """ketch's figures; ``read_bandwidth`` (bytes/s) is probed right after the single-stream decode,
    so the decode's fraction of the bound compares two figures of the same minute (a shared VM's
    bandwidth moves by a third from one minute to the next)."""
    from ketch.sampling import SamplingParams

    n = cfg.new_tokens
    greedy = SamplingParams(temperature=0, max_tokens=n, ignore_eos=True)
    one = SamplingParams(temperature=0, max_tokens=1, ignore_eos=True)
    as_input = [{"prompt_token_ids": p} for p in prompts]
    from ketch.tools.bench.bandwidth import weight_bytes

    policy = llm.engine.kernel_policy
    res: dict[str, Any] = {"device": str(llm.engine.device), "dtype": str(llm.engine.dtype).removeprefix("torch."),
                           "packed_weights": llm.engine.keep_packed, "weight_bytes": weight_bytes(llm.engine.model),
                           "kernels": policy.describe() if policy is not None else "torch (no packed kernels)"}

    _log("ketch: warm-up")
    llm.generate(as_input[:1], greedy)

    ttft, out = _median_time(lambda: llm.generate(as_input[:1], one))
    res["ttft_s"] = ttft
    _log(f"ketch: TTFT {ttft * 1e3:.1f} ms")
    if pp_prompt:
        pp_s, _ = _median_time(lambda: llm.generate([{"prompt_token_ids": pp_prompt}], one))
        res["pp_tok_s"] = len(pp_prompt) / pp_s
        _log(f"ketch: prompt processing {res['pp_tok_s']:.1f} tok/s ({len(pp_prompt)}-token prompt)")

    wall, outs = _timed(lambda: llm.generate(as_input[:1], greedy))
    o = outs[0]
    m = o.metrics
    got = len(o.outputs[0].token_ids)
    if got != n:
        raise RuntimeError(f"ketch produced {got} tokens, expected {n}")
    res["decode_tok_s"] = (got - 1) / (m.finished_time - m.first_token_time)
    res["single_stream_wall_s"] = wall
    res["greedy_tokens"] = list(o.outputs[0].token_ids)
    res["greedy_text"] = o.outputs[0].text
    cached = [o.num_cached_tokens]
    _log(f"ketch: single-stream decode {res['decode_tok_s']:.1f} tok/s")
    if read_bandwidth is not None:
        res["read_bandwidth_bytes_s"] = read_bandwidth()

    res["throughput_tok_s"] = {}
    for c in cfg.concurrency:
        wall, outs = _timed(lambda: llm.generate(as_input[:c], greedy))
        total = sum(len(x.outputs[0].token_ids) for x in outs)
        if total != c * n:
            raise RuntimeError(f"ketch produced {total} tokens at concurrency {c}, expected {c * n}")
        cached += [x.num_cached_tokens for x in outs]
        res["throughput_tok_s"][c] = c * n / wall
        _log(f"ketch: c={c}: {c * n} tokens in {wall:.2f}s = {c * n / wall:.1f} tok/s")
    res["prefix_cache_hit_tokens"] = sum(cached)
    return res


# ---- HF transformers --------------------------------------------------------------------------

def _load_hf(source, dtype: torch.dtype, device: torch.device):
    from transformers import AutoModelForCausalLM

    if source.format == "gguf":
        model = AutoModelForCausalLM.from_pretrained(str(source.path.parent), gguf_file=source.path.name,
                                                     dtype=dtype)
    else:
        model = AutoModelForCausalLM.from_pretrained(str(source.path), dtype=dtype)
    return model.to(device).eval()


def _bench_hf(cfg: OfflineBenchConfig, prompts: list[list[int]], source, dtype: torch.dtype,
              device: torch.device, pad_token_id: int | None) -> dict[str, Any]:
    n = cfg.new_tokens
    _log("HF: loading")
    load_s, model = _timed(lambda: _load_hf(source, dtype, device))
    res: dict[str, Any] = {"load_s": load_s, "device": str(device), "dtype": str(dtype).removeprefix("torch.")}
    _log(f"HF: loaded in {load_s:.1f}s")

    def gen(batch: list[list[int]], tokens: int) -> torch.Tensor:
        ids = torch.tensor(batch, dtype=torch.long, device=device)
        out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=tokens,
                             min_new_tokens=tokens, do_sample=False, pad_token_id=pad_token_id)
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        return out[:, ids.shape[1]:]

    try:
        with torch.inference_mode():
            _log("HF: warm-up")
            gen(prompts[:1], n)
            ttft, _ = _median_time(lambda: gen(prompts[:1], 1))
            res["ttft_s"] = ttft
            _log(f"HF: TTFT {ttft * 1e3:.1f} ms")
            t_n, out = _timed(lambda: gen(prompts[:1], n))
            got = out.shape[1]
            if got != n:
                raise RuntimeError(f"HF produced {got} tokens, expected {n}")
            res["decode_tok_s"] = (n - 1) / (t_n - ttft)
            res["single_stream_wall_s"] = t_n
            res["greedy_tokens"] = out[0].tolist()
            _log(f"HF: single-stream decode {res['decode_tok_s']:.1f} tok/s")
            res["throughput_tok_s"] = {}
            for c in cfg.concurrency:
                wall, out = _timed(lambda: gen(prompts[:c], n))
                if tuple(out.shape) != (c, n):
                    raise RuntimeError(f"HF produced {tuple(out.shape)} tokens at concurrency {c}")
                res["throughput_tok_s"][c] = c * n / wall
                _log(f"HF: c={c}: {c * n} tokens in {wall:.2f}s = {c * n / wall:.1f} tok/s")
    finally:
        del model
        gc.collect()
        if device.type == "cuda":
            torch.cuda.empty_cache()
    return res


# ---- llama.cpp --------------------------------------------------------------------------------

_LLAMA_CPP_PROBE = """
import sys, llama_cpp
llm = llama_cpp.Llama(model_path=sys.argv[1], n_ctx=64, n_threads=1, n_batch=512, verbose=False)
llm.eval(list(range(1, 33)))
"""


def _llama_cpp_extra_bufts_work(path) -> bool:
    """Whether llama.cpp survives a small prefill with its default (extra buffer type) weights.

    Some builds pick AMX tile kernels that die with SIGILL where the CPU lists AMX but the VM does
    not let it run; a crash would take the whole benchmark down, so try it in a child process first.
    """
    try:
        proc = subprocess.run([sys.executable, "-c", _LLAMA_CPP_PROBE, str(path)], capture_output=True,
                              timeout=120, env=anchor_env())
    except subprocess.TimeoutExpired:
        return False
    return proc.returncode == 0


def _bench_llama_cpp(cfg: OfflineBenchConfig, prompts: list[list[int]], source, threads: int,
                     eos_ids: list[int]) -> dict[str, Any]:
    """llama-cpp-python's TTFT and single-stream decode, measured in a child process that gets this
    process's environment less what ketch set (``anchor_env``): llama_cpp_child.py."""
    n = cfg.new_tokens
    extra_bufts = _llama_cpp_extra_bufts_work(source.path)
    if not extra_bufts:
        _log("[yellow]llama.cpp: its default weight layout (AMX / repacked extra buffer types) crashes "
             "this CPU in a probe process; running with use_extra_bufts=False[/yellow]")
    _log("llama.cpp: llama-cpp-python in its own process and environment")
    job = {"model": str(source.path), "n_ctx": cfg.prompt_len + n + 16, "threads": threads,
           "extra_bufts": extra_bufts, "prompt": list(prompts[0]), "new_tokens": n, "eog_ids": list(eos_ids),
           "repeats": 3}
    child = Path(__file__).with_name("llama_cpp_child.py")
    proc = subprocess.run([sys.executable, str(child)], input=json.dumps(job), env=anchor_env(),
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"llama-cpp-python exited with {proc.returncode}: {proc.stderr[-2000:]}")
    res: dict[str, Any] = json.loads(proc.stdout)
    res["isa"] = system_info_isa(res["system_info"])
    _log(f"llama.cpp: loaded in {res['load_s']:.1f}s; TTFT {res['ttft_s'] * 1e3:.1f} ms; single-stream decode "
         f"{res['decode_tok_s']:.1f} tok/s ({res['completion_tokens']} tokens); ISA {res['isa']}")
    return res


# ---- driver -----------------------------------------------------------------------------------

