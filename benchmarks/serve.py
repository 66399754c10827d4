"""Serving benchmark: `ketch serve` against llama-server over HTTP, and against ketch's own offline engine.

    python benchmarks/serve.py --concurrency 1,8,32 [--llama-server PATH]

Each server runs alone on this machine (started, measured ``--rounds`` times with ``ketch bench serve``'s
load generator, stopped). After each of ketch's rounds, while its server idles, the offline engine
(``ketch.LLM``, in this process) generates the same requests in batches of the level's concurrency with
the same sampling (greedy, ``max_tokens``, EOS ignored). Figures are medians over the rounds; printed
ratios: output tok/s ketch/llama-server and HTTP/offline per level (the median of the rounds' own
ratios), > 1 favours the first; latencies are shown side by side.
llama-server (llama.cpp's, found on PATH unless given) serves the same GGUF with ``--llama-slots``
parallel slots (``-np``, default 32, its best at 32 clients), a context of 512 tokens per slot (at
least 16384), as many threads as ketch uses and none of the environment ketch sets for itself (retried with ``--no-repack`` where its repacked weights die of SIGILL).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from ketch.formats.store import DEFAULT_MODEL, ModelStore
from ketch.tools.bench import ServeBenchConfig, print_report, run_serve_bench

err = Console(stderr=True, highlight=False)


def log(msg: str) -> None:
    err.print(f"[dim]\\[serve-bench][/dim] {msg}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server subprocess whose stderr goes to a temporary file; always stopped by ``stop``."""

    def __init__(self, name: str, argv: list[str], port: int, ready_path: str) -> None:
        from ketch import anchor_env

        self.name, self.url, self.ready_path = name, f"http://127.0.0.1:{port}", ready_path
        self.log = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)
        log(f"starting {name}: {' '.join(argv)} (log: {self.log.name})")
        # Each server in its own configuration: none of the variables `import ketch` set here.
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, env=anchor_env())

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self._tail()}")
            try:
                if httpx.get(self.url + self.ready_path, timeout=2, trust_env=False).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} was not ready within {timeout:.0f} s:\n{self._tail()}")

    def _tail(self) -> str:
        return Path(self.log.name).read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Crashed(RuntimeError):
    def __init__(self, message: str, returncode: int) -> None:
        super().__init__(message)
        self.returncode = returncode


def run_rounds(name: str, argv: list[str], port: int, ready_path: str, cfg: ServeBenchConfig, rounds: int,
               between=None) -> list[dict[str, Any]]:
    """Start the server once and measure every level ``rounds`` times; ``between(r)`` runs after round r."""
    server = Server(name, argv, port, ready_path)
    runs = []
    try:
        try:
            server.wait_ready()
        except RuntimeError as exc:
            raise Crashed(str(exc), server.proc.returncode) from None
        for r in range(rounds):
            log(f"{name}, round {r + 1} of {rounds}")
            runs.append(run_serve_bench(dataclasses.replace(cfg, url=server.url), log=log))
            if between is not None:
                between(r)
    finally:
        server.stop()
    return runs


def bench_llama_server(binary: str, gguf: Path, threads: int, cfg: ServeBenchConfig,
                       rounds: int, slots: int) -> list[dict[str, Any]]:
    # -c is shared by the slots: 512 tokens each at least, so every request (prompt + 64) fits its slot
    ctx = max(16384, 512 * slots)
    argv = [binary, "-m", str(gguf), "-np", str(slots), "-c", str(ctx), "-t", str(threads), "--host", "127.0.0.1"]
    port = _free_port()
    try:
        return run_rounds("llama-server", argv + ["--port", str(port)], port, "/health", cfg, rounds)
    except Crashed as exc:
        if exc.returncode != -signal.SIGILL:
            raise
    # ggml's weight repacking (AMX/AVX-512 buffer types) can use instructions a VM's CPU flags promise but
    # its kernel refuses (the same crash the offline bench works around with use_extra_bufts=False).
    log("[yellow]llama-server died of SIGILL while loading; retrying with --no-repack[/yellow]")
    port = _free_port()
    return run_rounds("llama-server", argv + ["--no-repack", "--port", str(port)], port, "/health", cfg, rounds)


class Offline:
    """The engine without HTTP, in this process: each level's requests in batches of its concurrency."""

    def __init__(self, model: str, cfg: ServeBenchConfig) -> None:
        from ketch import LLM, SamplingParams

        self.cfg = cfg
        self.llm = LLM(model)
        self.params = SamplingParams(temperature=cfg.temperature, max_tokens=cfg.max_tokens,
                                     ignore_eos=cfg.ignore_eos)
        self._run(cfg.prompts[:1])  # warm-up, as the HTTP bench does

    def _run(self, prompts: list[str]) -> int:
        if self.cfg.endpoint == "chat":
            outs = self.llm.chat([[{"role": "user", "content": p}] for p in prompts], self.params)
        else:
            outs = self.llm.generate(prompts, self.params)
        return sum(len(o.outputs[0].token_ids) for o in outs)

    def measure(self) -> dict[int, dict[str, float]]:
        cfg, out = self.cfg, {}
        for c in cfg.concurrency:
            n = cfg.requests_for(c)
            prompts = [cfg.prompts[i % len(cfg.prompts)] for i in range(n)]
            t0 = time.perf_counter()
            tokens = sum(self._run(prompts[i:i + c]) for i in range(0, n, c))
            wall = time.perf_counter() - t0
            out[c] = {"requests": n, "output_tokens": tokens, "wall_s": wall, "output_tok_s": tokens / wall}
            log(f"offline, concurrency {c}: {tokens / wall:.1f} output tok/s")
        return out


def _median(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


def combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One run's shape with every figure the median over ``runs`` (errors summed, TTFT p99 the worst)."""
    levels = []
    for per_level in zip(*(run["levels"] for run in runs)):
        lv = {k: _median([x[k] for x in per_level]) for k in per_level[0] if k not in ("error_codes", "concurrency")}
        lv["concurrency"] = per_level[0]["concurrency"]
        lv["requests"] = sum(x["requests"] for x in per_level)
        lv["errors"] = sum(x["errors"] for x in per_level)
        lv["error_codes"] = dict(sum((Counter(x["error_codes"]) for x in per_level), Counter()))
        lv["ttft_ms_p99"] = max((x["ttft_ms_p99"] for x in per_level if x["ttft_ms_p99"] is not None), default=None)
        levels.append(lv)
    return {**runs[0], "levels": levels, "rounds": len(runs)}


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def _by_level(run: dict[str, Any] | None) -> dict[int, dict[str, Any]]:
    return {lv["concurrency"]: lv for lv in run["levels"]} if run else {}


def ratios(results: dict[str, Any]) -> dict[int, dict[str, float | None]]:
    """ketch / llama-server from the medians; HTTP / offline as the median of each round's ratio (the
    two halves of a round run minutes apart at most, so drifting load on a shared machine cancels)."""
    lcpp = _by_level(results["llama_server"])
    out = {}
    for c, k in _by_level(results["ketch"]).items():
        paired = [_ratio(_by_level(run)[c]["output_tok_s"], off[c]["output_tok_s"])
                  for run, off in zip(results["ketch_rounds"], results["offline_rounds"])]
        out[c] = {"ketch_over_llama_server": _ratio(k["output_tok_s"], lcpp.get(c, {}).get("output_tok_s")),
                  "http_over_offline": _median(paired),
                  "http_over_offline_rounds": paired}
    return out


def print_comparison(results: dict[str, Any]) -> None:
    lcpp, offline = _by_level(results["llama_server"]), results["offline"] or {}
    table = Table(title=f"ketch serve vs llama-server vs ketch offline: medians of {results['rounds']} rounds "
                        "(output tok/s; ratios > 1 favour the first)")
    for col in ("concurrency", "ketch tok/s", "llama-server tok/s", "ketch / llama-server", "offline tok/s",
                "HTTP / offline", "TTFT p50 ms ketch | llama", "ITL p50 ms ketch | llama"):
        table.add_column(col, justify="right")

    def f(v: float | None, fmt: str = "{:.1f}") -> str:
        return "-" if v is None else fmt.format(v)

    for c, k in _by_level(results["ketch"]).items():
        lv, r = lcpp.get(c, {}), results["ratios"][c]
        table.add_row(str(c), f(k["output_tok_s"]), f(lv.get("output_tok_s")),
                      f(r["ketch_over_llama_server"], "{:.2f}x"), f(offline.get(c, {}).get("output_tok_s")),
                      f(r["http_over_offline"], "{:.2f}x"),
                      f"{f(k['ttft_ms_p50'])} | {f(lv.get('ttft_ms_p50'))}",
                      f"{f(k['itl_ms_p50'])} | {f(lv.get('itl_ms_p50'))}")
    Console(width=max(Console().width, 140)).print(table)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", "-m", default=DEFAULT_MODEL, help="store name or .gguf file")
    p.add_argument("--concurrency", default="1,8,32", help="comma-separated concurrent request counts")
    p.add_argument("--requests", type=int, default=None, help="requests per level (default: max(2 x c, 8))")
    p.add_argument("--max-tokens", type=int, default=64, help="tokens generated per request (EOS ignored)")
    p.add_argument("--endpoint", default="chat", choices=["chat", "completions"])
    p.add_argument("--llama-server", default=shutil.which("llama-server"),
                   help="llama.cpp's llama-server binary (default: the one on PATH, if any)")
    p.add_argument("--offline", action=argparse.BooleanOptionalAction, default=True,
                   help="also run ketch's offline engine on the same requests")
    p.add_argument("--llama-slots", type=int, default=32,
                   help="llama-server's parallel slots (-np); 32 measured best for 32 clients on a 2-core EPYC")
    p.add_argument("--rounds", type=int, default=3,
                   help="measurements per server (and offline, interleaved with ketch's rounds); medians are shown")
    p.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    args = p.parse_args(argv)
    try:
        cfg = ServeBenchConfig(concurrency=[int(c) for c in args.concurrency.split(",") if c.strip()],
                               num_requests=args.requests, max_tokens=args.max_tokens, endpoint=args.endpoint)
    except ValueError as exc:
        p.error(str(exc))
    gguf = Path(args.model) if args.model.endswith(".gguf") else ModelStore().path_of(args.model)
    from ketch.config import default_num_threads

    threads = default_num_threads()
    results: dict[str, Any] = {"model": str(gguf), "threads": threads, "cpu_count": os.cpu_count(),
                               "llama_server": None, "offline": None}

    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    offline = Offline(args.model, cfg) if args.offline else None
    offline_rounds: list[dict[int, dict[str, float]]] = []
    port = _free_port()
    ketch_runs = run_rounds(
        "ketch", [sys.executable, "-m", "ketch.cli", "serve", args.model, "--port", str(port),
                  "--no-access-log", "--log-level", "warning"], port, "/ready", cfg, args.rounds,
        between=(lambda r: offline_rounds.append(offline.measure())) if offline else None)
    offline = None  # its memory and threads are not left to compete with llama-server
    results["ketch"], results["ketch_rounds"] = combine(ketch_runs), ketch_runs
    print_report(results["ketch"])
    results["offline_rounds"] = offline_rounds
    if offline_rounds:
        results["offline"] = {c: {k: _median([o[c][k] for o in offline_rounds]) for k in offline_rounds[0][c]}
                              for c in offline_rounds[0]}
    if args.llama_server:
        try:
            runs = bench_llama_server(args.llama_server, gguf, threads, cfg, args.rounds, args.llama_slots)
            results["llama_server"] = combine(runs)
            print_report(results["llama_server"])
        except (RuntimeError, OSError) as exc:  # the anchor failing must not lose ketch's figures
            log(f"[red]llama-server failed:[/red] {exc}")
    else:
        log("llama-server: no binary on PATH and none given (--llama-server PATH); skipped")
    results["rounds"] = args.rounds
    results["ratios"] = ratios(results)
    print_comparison(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
