"""Serving benchmark: `ketch serve` against llama-server over HTTP, and against ketch's own offline engine.

    python benchmarks/serve.py --concurrency 1,8,32 [--llama-server PATH]

Each server runs alone on this machine (started, measured with ``ketch bench serve``'s load generator,
stopped), then the offline engine (``ketch.LLM``) generates the same requests in batches of the level's
concurrency with the same sampling (greedy, ``max_tokens``, EOS ignored). Printed ratios: output tok/s
ketch/llama-server and HTTP/offline per level (> 1 favours the first); latencies are shown side by side.
llama-server (llama.cpp's, found on PATH unless given) serves the same GGUF with ``-np 8 -c 16384`` and as
many threads as ketch uses (retried with ``--no-repack`` where its repacked weights die of SIGILL).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
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
        self.name, self.url, self.ready_path = name, f"http://127.0.0.1:{port}", ready_path
        self.log = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)
        log(f"starting {name}: {' '.join(argv)} (log: {self.log.name})")
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT)

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


def bench_server(name: str, argv: list[str], port: int, ready_path: str, cfg: ServeBenchConfig) -> dict[str, Any]:
    server = Server(name, argv, port, ready_path)
    try:
        try:
            server.wait_ready()
        except RuntimeError as exc:
            raise Crashed(str(exc), server.proc.returncode) from None
        results = run_serve_bench(dataclasses.replace(cfg, url=server.url), log=log)
    finally:
        server.stop()
    print_report(results)
    return results


def bench_llama_server(binary: str, gguf: Path, threads: int, cfg: ServeBenchConfig) -> dict[str, Any]:
    argv = [binary, "-m", str(gguf), "-np", "8", "-c", "16384", "-t", str(threads), "--host", "127.0.0.1"]
    port = _free_port()
    try:
        return bench_server("llama-server", argv + ["--port", str(port)], port, "/health", cfg)
    except Crashed as exc:
        if exc.returncode != -signal.SIGILL:
            raise
    # ggml's weight repacking (AMX/AVX-512 buffer types) can use instructions a VM's CPU flags promise but
    # its kernel refuses (the same crash the offline bench works around with use_extra_bufts=False).
    log("[yellow]llama-server died of SIGILL while loading; retrying with --no-repack[/yellow]")
    port = _free_port()
    return bench_server("llama-server", argv + ["--no-repack", "--port", str(port)], port, "/health", cfg)


def bench_offline(model: str, cfg: ServeBenchConfig) -> dict[int, dict[str, float]]:
    """The engine without HTTP: each level's requests in batches of its concurrency."""
    from ketch import LLM, SamplingParams

    llm = LLM(model)
    params = SamplingParams(temperature=cfg.temperature, max_tokens=cfg.max_tokens, ignore_eos=cfg.ignore_eos)

    def run(prompts: list[str]) -> int:
        if cfg.endpoint == "chat":
            outs = llm.chat([[{"role": "user", "content": p}] for p in prompts], params)
        else:
            outs = llm.generate(prompts, params)
        return sum(len(o.outputs[0].token_ids) for o in outs)

    run(cfg.prompts[:1])  # warm-up, as the HTTP bench does
    out = {}
    for c in cfg.concurrency:
        n = cfg.requests_for(c)
        prompts = [cfg.prompts[i % len(cfg.prompts)] for i in range(n)]
        t0 = time.perf_counter()
        tokens = sum(run(prompts[i:i + c]) for i in range(0, n, c))
        wall = time.perf_counter() - t0
        out[c] = {"requests": n, "output_tokens": tokens, "wall_s": wall, "output_tok_s": tokens / wall}
        log(f"offline, concurrency {c}: {tokens / wall:.1f} output tok/s")
    return out


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def _by_level(run: dict[str, Any] | None) -> dict[int, dict[str, Any]]:
    return {lv["concurrency"]: lv for lv in run["levels"]} if run else {}


def ratios(results: dict[str, Any]) -> dict[int, dict[str, float | None]]:
    lcpp, offline = _by_level(results["llama_server"]), results["offline"] or {}
    return {c: {"ketch_over_llama_server": _ratio(k["output_tok_s"], lcpp.get(c, {}).get("output_tok_s")),
                "http_over_offline": _ratio(k["output_tok_s"], offline.get(c, {}).get("output_tok_s"))}
            for c, k in _by_level(results["ketch"]).items()}


def print_comparison(results: dict[str, Any]) -> None:
    lcpp, offline = _by_level(results["llama_server"]), results["offline"] or {}
    table = Table(title="ketch serve vs llama-server vs ketch offline (output tok/s; ratios > 1 favour the first)")
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

    port = _free_port()
    results["ketch"] = bench_server(
        "ketch", [sys.executable, "-m", "ketch.cli", "serve", args.model, "--port", str(port),
                  "--no-access-log", "--log-level", "warning"], port, "/ready", cfg)
    if args.llama_server:
        try:
            results["llama_server"] = bench_llama_server(args.llama_server, gguf, threads, cfg)
        except (RuntimeError, OSError) as exc:  # the anchor failing must not lose ketch's figures
            log(f"[red]llama-server failed:[/red] {exc}")
    else:
        log("llama-server: no binary on PATH and none given (--llama-server PATH); skipped")
    if args.offline:
        results["offline"] = bench_offline(args.model, cfg)

    results["ratios"] = ratios(results)
    print_comparison(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
