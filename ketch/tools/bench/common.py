"""Shared pieces of the benchmarks: config, prompts, timing, machine facts."""
from __future__ import annotations

import os
import platform
import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import torch
from rich.console import Console

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
    pp_len: int = 512  # prompt processing: tok/s of one prompt this long (0: not measured)
    concurrency: list[int] = field(default_factory=lambda: [1, 8, 32])
    run_hf: bool = True
    run_llama_cpp: bool = True
    dtype: str = "auto"  # ketch's compute dtype (auto: bf16 where the CPU has AMX, else fp32)
    hf_dtype: str = "float32"  # the anchor as the targets define it
    num_threads: int = 0  # 0: every core this process may run on
    # llama.cpp's llama-bench binary (llama-batched-bench beside it): the anchor where
    # llama-cpp-python is not installed; None: found on PATH
    llama_bench: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.model, str) or not self.model:
            raise ValueError("model must be a store name, a .gguf file or a HF model directory")
        if not _is_int(self.prompt_len) or self.prompt_len < 1:
            raise ValueError(f"prompt_len must be an integer >= 1, got {self.prompt_len!r}")
        if not _is_int(self.pp_len) or self.pp_len < 0:
            raise ValueError(f"pp_len must be an integer >= 0 (0: no prompt-processing row), got {self.pp_len!r}")
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

