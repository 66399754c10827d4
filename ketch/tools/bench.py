"""Offline benchmark: ketch against HF transformers and llama.cpp, in one process, same weights and prompts.

Figures (all wall-clock, ``time.perf_counter`` unless said otherwise):

* TTFT: median of 3 runs that generate one token from a ``prompt_len``-token prompt (lower is better).
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
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

import torch
from rich.console import Console
from rich.table import Table

from ketch.config import DTYPES, default_num_threads

_err = Console(stderr=True, highlight=False)

# A fixed English text (~300 tokens per copy); prompts are windows of it at different offsets.
_TEXT = (
    "The lighthouse keeper climbed the spiral stairs every evening at dusk, carrying a brass lantern "
    "and a notebook bound in green leather. From the gallery at the top he could see the whole bay: "
    "the fishing boats returning with their nets, the gulls wheeling over the harbour wall, and the "
    "long line of cliffs that ran north toward the old quarry. He wrote down the wind, the colour of "
    "the sky, and the number of ships that passed, because his father had done the same for forty "
    "years and his grandfather before that. In winter the storms came in from the west and the waves "
    "broke so high against the rocks that spray rattled on the glass like gravel. On calm summer "
    "nights the sea was so still that the beam seemed to walk across it on a bridge of silver. "
    "Children from the village sometimes knocked on the door to ask whether the light ever went out, "
    "and he told them that it had not, not once, not even during the great flood, when the water rose "
    "to the third step and the keeper of that time kept the wick burning with oil carried up in "
    "buckets. Scientists later installed an automatic lamp powered by the grid, and a small computer "
    "that logged the weather without anyone's help, yet he kept climbing the stairs and writing in his "
    "notebook, because a machine, he said, can measure the wind but cannot remember it. "
)
_PROMPT_STRIDE = 7  # tokens between the starts of consecutive prompts
_FIRST_BLOCK = 16  # ketch's default KV block size: prompts must differ within their first block


@dataclass(slots=True)
class OfflineBenchConfig:
    model: str
    prompt_len: int = 128
    new_tokens: int = 64
    concurrency: list[int] = field(default_factory=lambda: [1, 8, 32])
    run_hf: bool = True
    run_llama_cpp: bool = True
    dtype: str = "auto"  # ketch's compute dtype (auto: bf16 where the CPU has AMX, else fp32)
    hf_dtype: str = "float32"  # the anchor as the targets define it
    num_threads: int = 0  # 0: every core this process may run on

    def __post_init__(self) -> None:
        if not isinstance(self.model, str) or not self.model:
            raise ValueError("model must be a store name, a .gguf file or a HF model directory")
        if not _is_int(self.prompt_len) or self.prompt_len < 1:
            raise ValueError(f"prompt_len must be an integer >= 1, got {self.prompt_len!r}")
        if not _is_int(self.new_tokens) or self.new_tokens < 2:
            raise ValueError(f"new_tokens must be an integer >= 2 (decode speed needs two tokens), "
                             f"got {self.new_tokens!r}")
        conc = list(self.concurrency)
        if not conc:
            raise ValueError("concurrency must hold at least one request count")
        if any(not _is_int(c) or c < 1 for c in conc):
            raise ValueError(f"concurrency values must be integers >= 1, got {conc!r}")
        self.concurrency = list(dict.fromkeys(conc))  # drop repeats, keep the order given
        if self.dtype != "auto" and self.dtype not in DTYPES:
            raise ValueError(f"unsupported dtype {self.dtype!r}: use auto or one of {', '.join(sorted(DTYPES))}")
        if self.hf_dtype not in DTYPES:
            raise ValueError(f"unsupported hf_dtype {self.hf_dtype!r}: use one of {', '.join(sorted(DTYPES))}")
        if not _is_int(self.num_threads) or self.num_threads < 0:
            raise ValueError(f"num_threads must be an integer >= 0, got {self.num_threads!r}")


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _log(msg: str) -> None:
    _err.print(f"[dim]\\[bench][/dim] {msg}")


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _median_time(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(runs):
        t, out = _timed(fn)
        times.append(t)
    return statistics.median(times), out


def build_prompts(encode: Callable[[str], list[int]], count: int, prompt_len: int) -> list[list[int]]:
    """``count`` distinct windows of ``prompt_len`` token ids over a repeated fixed text."""
    period = len(encode(_TEXT))
    need = (count - 1) * _PROMPT_STRIDE + prompt_len
    ids = encode(_TEXT * (need // max(period, 1) + 2))
    prompts = [ids[i * _PROMPT_STRIDE: i * _PROMPT_STRIDE + prompt_len] for i in range(count)]
    if any(len(p) != prompt_len for p in prompts):
        raise RuntimeError("could not cut prompts of the asked length from the benchmark text")
    heads = {tuple(p[:_FIRST_BLOCK]) for p in prompts}
    if len(heads) != count:
        raise RuntimeError(f"benchmark prompts share a first block ({len(heads)} distinct of {count}); "
                           "the text's token period is too short for this many prompts")
    return prompts


def _busy_cores(interval: float = 1.0) -> float | None:
    """Cores kept busy by anything (this process is idle meanwhile), from /proc/stat over ``interval``."""
    def read() -> tuple[int, int] | None:
        try:
            with open("/proc/stat") as f:
                fields = [int(x) for x in f.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return sum(fields[:8]), idle

    a = read()
    time.sleep(interval)
    b = read()
    if a is None or b is None or b[0] == a[0]:
        return None
    return (1 - (b[1] - a[1]) / (b[0] - a[0])) * (os.cpu_count() or 1)


def _machine_info(threads: int) -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info: dict[str, Any] = {
        "python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
        "cpu_count": os.cpu_count(), "available_cores": default_num_threads(),
        "threads": threads, "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
        "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "load_avg_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "busy_cores_before": _busy_cores(),
    }
    for mod in ("transformers", "llama_cpp"):
        try:
            info[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - optional anchors
            info[mod] = None
    return info


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


# ---- ketch ------------------------------------------------------------------------------------

def _bench_ketch(cfg: OfflineBenchConfig, prompts: list[list[int]], llm) -> dict[str, Any]:
    from ketch.sampling import SamplingParams

    n = cfg.new_tokens
    greedy = SamplingParams(temperature=0, max_tokens=n, ignore_eos=True)
    one = SamplingParams(temperature=0, max_tokens=1, ignore_eos=True)
    as_input = [{"prompt_token_ids": p} for p in prompts]
    res: dict[str, Any] = {"device": str(llm.engine.device), "dtype": str(llm.engine.dtype).removeprefix("torch."),
                           "packed_weights": llm.engine.keep_packed}

    _log("ketch: warm-up")
    llm.generate(as_input[:1], greedy)

    ttft, out = _median_time(lambda: llm.generate(as_input[:1], one))
    res["ttft_s"] = ttft
    _log(f"ketch: TTFT {ttft * 1e3:.1f} ms")

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
                              timeout=120)
    except subprocess.TimeoutExpired:
        return False
    return proc.returncode == 0


def _load_llama_cpp(path, n_ctx: int, threads: int, extra_bufts: bool):
    import llama_cpp
    import llama_cpp.llama_cpp as lib

    default_params = lib.llama_model_default_params

    def params():
        p = default_params()
        p.use_extra_bufts = extra_bufts
        return p

    # Llama() builds its model params from this function and does not expose use_extra_bufts.
    lib.llama_model_default_params = params
    try:
        return llama_cpp.Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                               n_batch=512, verbose=False)
    finally:
        lib.llama_model_default_params = default_params


def _bench_llama_cpp(cfg: OfflineBenchConfig, prompts: list[list[int]], source, threads: int,
                     eos_ids: list[int]) -> dict[str, Any]:
    n = cfg.new_tokens
    extra_bufts = _llama_cpp_extra_bufts_work(source.path)
    if not extra_bufts:
        _log("[yellow]llama.cpp: its default weight layout (AMX / repacked extra buffer types) crashes "
             "this CPU in a probe process; running with use_extra_bufts=False[/yellow]")
    _log("llama.cpp: loading")
    load_s, llm = _timed(lambda: _load_llama_cpp(source.path, cfg.prompt_len + n + 16, threads, extra_bufts))
    res: dict[str, Any] = {"load_s": load_s, "use_extra_bufts": extra_bufts}
    _log(f"llama.cpp: loaded in {load_s:.1f}s")
    # Forbid end-of-generation tokens so every run makes exactly the tokens asked for.
    eog = set(eos_ids) | {llm.token_eos()}
    bias = {int(t): float("-inf") for t in eog if 0 <= t < llm.n_vocab()}

    def complete(tokens: int) -> dict[str, Any]:
        llm.reset()  # n_tokens = 0: the next call evaluates the whole prompt again
        out = llm.create_completion(prompt=list(prompts[0]), max_tokens=tokens, temperature=0,
                                    logit_bias=bias)
        if out["usage"]["prompt_tokens"] != cfg.prompt_len:
            raise RuntimeError(f"llama.cpp saw {out['usage']['prompt_tokens']} prompt tokens, "
                               f"expected {cfg.prompt_len}")
        return out

    try:
        _log("llama.cpp: warm-up")
        complete(n)
        ttft, _ = _median_time(lambda: complete(1))
        res["ttft_s"] = ttft
        _log(f"llama.cpp: TTFT {ttft * 1e3:.1f} ms")
        t_n, out = _timed(lambda: complete(n))
        got = out["usage"]["completion_tokens"]
        res["completion_tokens"] = got
        res["decode_tok_s"] = (got - 1) / (t_n - ttft)
        res["single_stream_wall_s"] = t_n
        res["greedy_text"] = out["choices"][0]["text"]
        _log(f"llama.cpp: single-stream decode {res['decode_tok_s']:.1f} tok/s ({got} tokens)")
    finally:
        if hasattr(llm, "close"):
            llm.close()
        del llm
        gc.collect()
    return res


# ---- driver -----------------------------------------------------------------------------------

def _ratio(ketch: float | None, anchor: float | None, lower_is_better: bool = False) -> float | None:
    if not ketch or not anchor:
        return None
    return anchor / ketch if lower_is_better else ketch / anchor


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
    device, dtype = llm.engine.device, llm.engine.dtype

    results: dict[str, Any] = {"config": asdict(cfg), "machine": machine, "model_path": str(source.path),
                               "model_format": source.format, "quantization": source.quantization}
    ketch = _bench_ketch(cfg, prompts, llm)
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
            try:
                import llama_cpp  # noqa: F401
            except ImportError:
                _log("llama.cpp: llama-cpp-python is not installed; skipped (make llama-cpp)")
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

    results["ratios"] = _ratios(cfg, ketch, hf, lcpp)
    _print_table(cfg, results)
    return results


def _get(res: dict[str, Any] | None, key: str, c: int | None = None) -> float | None:
    if not res or "error" in res:
        return None
    v = res.get(key)
    if c is not None:
        v = (v or {}).get(c)
    return v


def _rows(cfg: OfflineBenchConfig) -> list[tuple[str, str, int | None, bool]]:
    rows = [(f"TTFT ms, {cfg.prompt_len}-tok prompt (lower=better)", "ttft_s", None, True),
            ("single-stream decode tok/s", "decode_tok_s", None, False)]
    rows += [(f"output tok/s, {c} concurrent", "throughput_tok_s", c, False) for c in cfg.concurrency]
    return rows


def _ratios(cfg, ketch, hf, lcpp) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, anchor in (("hf", hf), ("llama_cpp", lcpp)):
        r: dict[str, Any] = {}
        for _, key, c, lower in _rows(cfg):
            v = _ratio(_get(ketch, key, c), _get(anchor, key, c), lower)
            if c is None:
                r[key] = v
            else:
                r.setdefault(key, {})[c] = v
        out[name] = r
    return out


def _print_table(cfg: OfflineBenchConfig, results: dict[str, Any]) -> None:
    m = results["machine"]
    ketch, hf, lcpp = results["ketch"], results["hf"], results["llama_cpp"]
    table = Table(title=f"ketch bench offline: {cfg.model} ({results['quantization']} "
                        f"{results['model_format']}, run as {ketch['dtype']} on {ketch['device']})",
                  caption="ratio columns: > 1 means ketch is better (ketch/anchor for tok/s, "
                          "anchor/ketch for TTFT, where lower is better)")
    table.add_column("metric")
    for col in ("ketch", "HF", "ketch vs HF", "llama.cpp", "ketch vs llama.cpp"):
        table.add_column(col, justify="right")

    def fmt(v: float | None, key: str) -> str:
        if v is None:
            return "-"
        return f"{v * 1e3:.1f}" if key == "ttft_s" else f"{v:.1f}"

    def fmt_ratio(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}x"

    for label, key, c, lower in _rows(cfg):
        k, h, l = _get(ketch, key, c), _get(hf, key, c), _get(lcpp, key, c)
        table.add_row(label, fmt(k, key), fmt(h, key), fmt_ratio(_ratio(k, h, lower)),
                      fmt(l, key), fmt_ratio(_ratio(k, l, lower)))
    out = Console()
    if not out.is_terminal:
        out = Console(width=120)  # a file or pipe: do not wrap the table at 80 columns
    out.print(table)
    notes = [f"machine: {m['cpu']}; {m['cpu_count']} CPUs, {m['available_cores']} available; "
             f"{m['threads']} threads for every engine; torch {m['torch']}, transformers {m['transformers']}, "
             f"llama-cpp-python {m['llama_cpp']}; cores busy with other work just before the run: "
             + ("?" if m["busy_cores_before"] is None else f"{m['busy_cores_before']:.2f}"),
             f"prompts: {max(cfg.concurrency)} distinct windows of {cfg.prompt_len} tokens; greedy, "
             f"{cfg.new_tokens} new tokens (EOS ignored); ketch prefix caching off "
             f"({ketch['prefix_cache_hit_tokens']} cached prompt tokens)"]
    if hf and "error" not in hf:
        notes.append(f"HF greedy tokens match ketch for {hf['greedy_match_tokens']}/{cfg.new_tokens}")
    elif hf:
        notes.append(f"HF failed: {hf['error']}")
    if lcpp and "error" not in lcpp:
        ketch_weights = "keeps it packed" if ketch.get("packed_weights") else "dequantizes it"
        notes.append(f"llama.cpp runs the GGUF quantized ({results['quantization']}); ketch {ketch_weights}, "
                     f"HF dequantizes it; "
                     f"greedy text matches ketch for {lcpp['greedy_match_chars']}/{len(ketch['greedy_text'])} chars"
                     + ("" if lcpp["use_extra_bufts"] else "; run with use_extra_bufts=False (default crashed)"))
    elif lcpp:
        notes.append(f"llama.cpp failed: {lcpp['error']}")
    for line in notes:
        out.print(line, highlight=False)
