"""What the security layer costs: the guard's time per request, and a server's throughput with
``--auth --guard`` (and the audit log) against the same server with them off.

    python benchmarks/security_overhead.py [--rounds 2] [--clients 32] [--no-http]

In process: the guard's input check (injection scoring and moderation of the messages) on a short
chat and on a 4,000-token prompt (the bundled GPL text), and the output moderation of a 64-token
answer fed one token's text at a time, as a stream is: p50 and p99 over repeated runs. Over HTTP:
``ketch serve`` started alone twice per round, plain and with ``--auth --guard`` (default policy,
audit on, a key with no limits), each loaded with ``--clients`` concurrent streaming chat clients
(64 tokens each, ``ketch bench serve``'s load generator); printed: output tok/s and TTFT of both and
the ratio guarded / plain (the issue's bar: at least 0.95; < 5 ms p50 added for a short chat,
< 25 ms for 4k tokens).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from serve import Server, _free_port, log  # benchmarks/serve.py: server subprocesses

from ketch.formats.store import DEFAULT_MODEL, ModelStore
from ketch.security.guards.guard import Guard


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q / 100 * len(xs)))]


def in_process(runs: int) -> None:
    from ketch.formats.gguf import open_reader, read_metadata
    from ketch.formats.tokenizer import Tokenizer
    from ketch.tools.quality_report import DEFAULT_TEXT

    # the default policy, but flagging instead of blocking: a check costs the same either way, and
    # the timing must not depend on the verdict
    policy = Guard.from_file().policy()
    policy["injection"]["action"] = "flag"
    guard = Guard.from_policy(policy)
    gguf = ModelStore().path_of(DEFAULT_MODEL)
    tok = Tokenizer.from_gguf_metadata(read_metadata(open_reader(gguf)))
    ids = tok.encode(DEFAULT_TEXT.read_text(), add_special_tokens=False)
    long_text = tok.decode(ids[:4000])
    cases = {
        "short chat": [{"role": "system", "content": "You are a helpful assistant."},
                       {"role": "user", "content": "What is the capital of France? Answer in one word."}],
        "4k-token prompt": [{"role": "user", "content": "Summarize this license:\n\n" + long_text}],
    }
    for name, messages in cases.items():
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            guard.check_messages(messages)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"input check, {name:16s}: p50 {statistics.median(times):6.2f} ms   p99 {_pct(times, 99):6.2f} ms")
    answer = tok.decode(ids[4000:4064])
    pieces = [tok.decode([i]) for i in ids[4000:4064]]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        stream = guard.output(None)
        out = "".join(stream.feed(p) for p in pieces) + stream.finish()
        times.append((time.perf_counter() - t0) * 1000)
    assert out == guard.moderate_output("".join(pieces)).text or not answer
    print(f"output moderation, 64 streamed tokens: p50 {statistics.median(times):6.2f} ms   "
          f"p99 {_pct(times, 99):6.2f} ms")


def over_http(rounds: int, clients: int) -> None:
    from ketch.security.keys import KeyStore
    from ketch.tools.bench import ServeBenchConfig, run_serve_bench

    gguf = str(ModelStore().path_of(DEFAULT_MODEL))
    tmp = Path(tempfile.mkdtemp(prefix="ketch-secbench-"))
    store = KeyStore(tmp / "auth.db")
    key = store.create("bench")[1]
    store.close()
    base = [sys.executable, "-m", "ketch.cli", "serve", gguf, "--no-access-log", "--log-level", "warning"]
    sides = {"plain": (base, None),
             "auth+guard": (base + ["--auth", "--auth-db", str(tmp / "auth.db"), "--guard",
                                    "--audit-db", str(tmp / "audit.db")], key)}
    results: dict[str, list[dict]] = {name: [] for name in sides}
    for r in range(rounds):
        for name, (argv, api_key) in sides.items():
            port = _free_port()
            server = Server(name, argv + ["--port", str(port)], port, "/ready")
            try:
                server.wait_ready()
                log(f"round {r + 1}: {name}")
                res = run_serve_bench(ServeBenchConfig(url=server.url, concurrency=[clients],
                                                       num_requests=2 * clients, api_key=api_key))
                lv = res["levels"][0]
                if lv["errors"]:
                    raise RuntimeError(f"{name}: {lv['errors']} failed requests ({lv.get('error_kinds')})")
                results[name].append(lv)
            finally:
                server.stop()
    med = {n: {k: statistics.median(x[k] for x in runs) for k in ("output_tok_s", "ttft_ms_p50", "ttft_ms_p99")}
           for n, runs in results.items()}
    print(f"{clients} concurrent streaming chat clients, 64 tokens, medians of {rounds} rounds:")
    for n, m in med.items():
        each = ", ".join(f"{x['output_tok_s']:.1f}" for x in results[n])
        print(f"  {n:11s} {m['output_tok_s']:7.1f} tok/s   TTFT p50 {m['ttft_ms_p50']:7.1f} ms  "
              f"p99 {m['ttft_ms_p99']:7.1f} ms   (rounds: {each})")
    print(f"  auth+guard / plain: {med['auth+guard']['output_tok_s'] / med['plain']['output_tok_s']:.3f}x")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=200, help="in-process repetitions")
    p.add_argument("--rounds", type=int, default=2, help="HTTP rounds (each: a plain and a guarded server)")
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--no-http", action="store_true", help="only the in-process timings")
    args = p.parse_args()
    in_process(args.runs)
    if not args.no_http:
        over_http(args.rounds, args.clients)


if __name__ == "__main__":
    main()
