"""Resident memory of `ketch serve` against llama-server at the same context length and parallel sequences.

    python benchmarks/serve_memory.py [--llama-server PATH] [--ctx 8192] [--parallel 8] [--rounds 3]

Each server runs alone: started with ``--parallel`` sequences and a context of ``--ctx`` tokens
(``ketch serve --max-model-len CTX --max-num-seqs N``, whose KV pool is then CTX tokens;
``llama-server -c CTX -np N``, whose slots share CTX cells), then sent
``--parallel`` concurrent completions at once, each a different slice of the bundled GPL text of
``--prompt-tokens`` tokens with ``--max-tokens`` greedy tokens after it (no prefix is shared). Once
every request has finished and the server has idled ``--settle`` seconds, its VmRSS is read from
/proc (the whole process: heap, its share of mapped libraries, the weights, the KV written).
Printed: RSS after loading and after the requests for each server, per round, their medians and
the ratio ketch / llama-server (lower is better for ketch). Both get the same thread count and
none of the environment ketch sets for itself.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from serve import Server, _free_port, log  # benchmarks/serve.py: server subprocesses

from ketch.formats.store import DEFAULT_MODEL, ModelStore


def vm_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def gpl_prompts(gguf: Path, count: int, tokens: int) -> list[str]:
    """``count`` disjoint slices of the GPL text, each ``tokens`` tokens of the model's tokenizer."""
    from ketch.formats.gguf import open_reader, read_metadata
    from ketch.formats.tokenizer import Tokenizer
    from ketch.tools.quality_report import DEFAULT_TEXT

    tok = Tokenizer.from_gguf_metadata(read_metadata(open_reader(gguf)))
    ids = tok.encode(DEFAULT_TEXT.read_text(), add_special_tokens=False)
    if len(ids) < count * tokens:
        raise SystemExit(f"the GPL text has {len(ids)} tokens, fewer than {count} x {tokens}")
    return [tok.decode(ids[i * tokens:(i + 1) * tokens]) for i in range(count)]


def load(url: str, prompts: list[str], max_tokens: int) -> None:
    model = httpx.get(url + "/v1/models", timeout=30, trust_env=False).json()["data"][0]["id"]

    def one(prompt: str) -> None:
        r = httpx.post(url + "/v1/completions", timeout=600, trust_env=False,
                       json={"model": model, "prompt": prompt, "max_tokens": max_tokens, "temperature": 0})
        if r.status_code != 200:
            raise RuntimeError(f"{url}: {r.status_code} {r.text[:300]}")

    with ThreadPoolExecutor(len(prompts)) as pool:
        list(pool.map(one, prompts))


def measure(name: str, argv: list[str], port: int, ready: str, prompts: list[str], args: argparse.Namespace
            ) -> dict[str, float]:
    server = Server(name, argv + ["--port", str(port)], port, ready)
    try:
        server.wait_ready()
        time.sleep(args.settle)
        loaded = vm_rss_mb(server.proc.pid)
        t0 = time.perf_counter()
        load(server.url, prompts, args.max_tokens)
        wall = time.perf_counter() - t0
        time.sleep(args.settle)
        after = vm_rss_mb(server.proc.pid)
    finally:
        server.stop()
    log(f"{name}: {loaded:.0f} MB loaded, {after:.0f} MB after the requests ({wall:.1f} s)")
    return {"loaded_mb": loaded, "after_mb": after, "wall_s": wall}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", "-m", default=DEFAULT_MODEL, help="store name or .gguf file")
    p.add_argument("--llama-server", default=shutil.which("llama-server"),
                   help="llama.cpp's llama-server binary (default: the one on PATH, if any)")
    p.add_argument("--ctx", type=int, default=8192,
                   help="context length: ketch's --max-model-len, llama-server's -c (which its slots share)")
    p.add_argument("--parallel", type=int, default=8, help="parallel sequences, and concurrent requests sent")
    p.add_argument("--prompt-tokens", type=int, default=640, help="tokens in each request's prompt")
    p.add_argument("--max-tokens", type=int, default=32, help="tokens generated per request")
    p.add_argument("--settle", type=float, default=3.0, help="seconds idle before each RSS reading")
    p.add_argument("--rounds", type=int, default=3, help="fresh servers per side, alternated")
    p.add_argument("--kv-cache-dtype", default="auto", help="ketch serve's --kv-cache-dtype (llama-server: f16)")
    p.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    args = p.parse_args(argv)
    if args.rounds < 1 or args.parallel < 1:
        p.error("--rounds and --parallel must be at least 1")

    from ketch.config import default_num_threads

    threads = default_num_threads()
    gguf = Path(args.model) if args.model.endswith(".gguf") else ModelStore().path_of(args.model)
    prompts = gpl_prompts(gguf, args.parallel, args.prompt_tokens)
    sides = {"ketch": ([sys.executable, "-m", "ketch.cli", "serve", str(gguf), "--max-model-len", str(args.ctx),
                        "--max-num-seqs", str(args.parallel), "--kv-cache-dtype", args.kv_cache_dtype,
                        "--no-access-log", "--log-level", "warning"], "/ready")}
    if args.llama_server:
        sides["llama-server"] = ([args.llama_server, "-m", str(gguf), "-c", str(args.ctx), "-np", str(args.parallel),
                                  "-t", str(threads), "--host", "127.0.0.1"], "/health")
    else:
        log("llama-server: no binary on PATH and none given (--llama-server PATH); ketch alone")
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for r in range(args.rounds):  # alternated, so a drifting machine touches both alike
        for name, (cmd, ready) in sides.items():
            log(f"round {r + 1} of {args.rounds}: {name}")
            runs[name].append(measure(name, cmd, _free_port(), ready, prompts, args))
    med = {name: {k: statistics.median(x[k] for x in rs) for k in rs[0]} for name, rs in runs.items()}
    print(f"{args.parallel} parallel x {args.prompt_tokens}-token prompts + {args.max_tokens} tokens, "
          f"context {args.ctx}, {threads} threads, medians of {args.rounds}:")
    for name, m in med.items():
        each = ", ".join(f"{x['after_mb']:.0f}" for x in runs[name])
        print(f"  {name:13s} loaded {m['loaded_mb']:6.0f} MB   after {m['after_mb']:6.0f} MB   (rounds: {each})")
    result: dict[str, Any] = {"runs": runs, "medians": med, "threads": threads, "args": vars(args)}
    if "llama-server" in med:
        ratio = med["ketch"]["after_mb"] / med["llama-server"]["after_mb"]
        result["ratio_after"] = ratio
        print(f"  ketch / llama-server after the requests: {ratio:.2f}x")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
