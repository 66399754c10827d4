"""llama.cpp's own benchmark tools as the anchor: ``llama-bench`` (prompt processing, decode) and
``llama-batched-bench`` (many sequences at once), run as subprocesses in the environment ketch
found, less what ``import ketch`` set (``ketch.anchor_env``), with their JSON output parsed."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from ketch import anchor_env
from ketch.tools.bench.llama_isa import build_isa


def _run(argv: list[str], timeout: float) -> str:
    proc = subprocess.run(argv, env=anchor_env(), capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{Path(argv[0]).name} exited with {proc.returncode}: {proc.stderr[-2000:]}")
    return proc.stdout


def llama_cpp_tools(llama_bench: str, gguf: Path, threads: int, prompt_len: int, new_tokens: int,
                    concurrency: list[int], repetitions: int = 3, pp_len: int = 0) -> dict[str, Any]:
    """ketch's offline figures as llama.cpp measures them: TTFT from ``pp<prompt_len>``, prompt
    processing from ``pp<pp_len>`` (0: not run), decode from ``tg<new_tokens>``, output tok/s at each
    concurrency from llama-batched-bench (all of a batch's generated tokens over its prompt +
    generation time; not run for an empty ``concurrency``)."""
    lens = ",".join(str(n) for n in dict.fromkeys(n for n in (prompt_len, pp_len) if n))
    rows = json.loads(_run([llama_bench, "-m", str(gguf), "-t", str(threads), "-p", lens,
                            "-n", str(new_tokens), "-r", str(repetitions), "-o", "json"], timeout=900))
    pp = next(r for r in rows if r["n_prompt"] == prompt_len and r["n_gen"] == 0)
    tg = next(r for r in rows if r["n_gen"] == new_tokens and r["n_prompt"] == 0)
    res: dict[str, Any] = {"tool": "llama-bench", "build": pp.get("build_commit"), "cpu_info": pp.get("cpu_info"),
                           "prompt_tok_s": pp["avg_ts"], "ttft_s": prompt_len / pp["avg_ts"],
                           "decode_tok_s": tg["avg_ts"], "throughput_tok_s": {},
                           "isa": build_isa(llama_bench, anchor_env())}
    if pp_len:
        res["pp_tok_s"] = next(r for r in rows if r["n_prompt"] == pp_len and r["n_gen"] == 0)["avg_ts"]
    batched = Path(llama_bench).with_name("llama-batched-bench")
    if batched.exists() and concurrency:
        ctx = max(concurrency) * (prompt_len + new_tokens)
        out = _run([str(batched), "-m", str(gguf), "-t", str(threads), "-c", str(ctx), "-npp", str(prompt_len),
                    "-ntg", str(new_tokens), "-npl", ",".join(map(str, concurrency)), "--output-format", "jsonl"],
                   timeout=1800)
        for line in out.splitlines():
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                res["throughput_tok_s"][r["pl"]] = r["pl"] * r["tg"] / r["t"]
    return res
