"""Load generator for any OpenAI-compatible server (ketch, vLLM, llama-server): ``ketch bench serve``.

For each concurrency level ``c`` it sends ``num_requests`` streamed requests from ``c`` workers (each
worker sends its next request as soon as the previous one ends: a closed loop) and measures, from
the client's side (``time.perf_counter``):

* TTFT: from sending the request to the first chunk that carries text.
* ITL: the gaps between consecutive chunks that carry text (a chunk of several tokens counts as one gap).
* output tokens: ``usage.completion_tokens`` of the usage chunk (asked for with
  ``stream_options.include_usage``), else the number of chunks that carried text.
* output tok/s: the level's output tokens over its wall time; req/s: its successful requests over it.

A request is an error when the server answers non-200, sends an in-band ``{"error": ...}`` event, or
the connection fails; errors are counted by status code (or exception name), never raised.
"""
from __future__ import annotations

import asyncio
import json
import math
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

# Short, varied chat prompts (each well under 40 tokens); request i sends PROMPTS[i % len(PROMPTS)].
PROMPTS: tuple[str, ...] = (
    "What is the capital of France?",
    "Write a haiku about the sea.",
    "Explain photosynthesis in one sentence.",
    "List three uses for a paperclip.",
    "How many legs does a spider have?",
    "Give me a synonym for 'happy'.",
    "What is 17 times 23?",
    "Describe the colour blue to someone who cannot see.",
    "Tell me a short joke about computers.",
    "Why is the sky blue?",
    "Name three planets in our solar system.",
    "Translate 'good morning' into Spanish.",
    "What does a bee make?",
    "Suggest a name for a pet turtle.",
    "What is the boiling point of water in Celsius?",
    "Write the first line of a mystery novel.",
    "How do you make a cup of tea?",
    "What is the opposite of 'ancient'?",
    "Summarise the plot of Cinderella in two sentences.",
    "Which is heavier, a kilogram of feathers or a kilogram of iron?",
    "Give one tip for learning a new language.",
    "What is a prime number?",
    "Write a limerick about a cat.",
    "Why do leaves change colour in autumn?",
    "Name a famous painting and its painter.",
    "How many minutes are in a day?",
    "What is the largest ocean on Earth?",
    "Describe a sunset in five words.",
    "What should I pack for a weekend hike?",
    "Explain what a noun is to a child.",
    "Recommend a book for a long train journey.",
    "What rhymes with 'orange'?",
)

ENDPOINTS = {"chat": "/v1/chat/completions", "completions": "/v1/completions"}


@dataclass(slots=True)
class ServeBenchConfig:
    url: str = "http://127.0.0.1:8000"  # the server's base, without /v1
    model: str | None = None  # None: the first id GET /v1/models lists
    concurrency: list[int] = field(default_factory=lambda: [1, 8, 32])
    num_requests: int | None = None  # per level; None: max(2 * concurrency, 8)
    max_tokens: int = 64
    endpoint: str = "chat"  # chat or completions
    api_key: str | None = None  # sent as a Bearer token
    timeout: float = 300.0  # seconds for one whole request
    temperature: float = 0.0
    ignore_eos: bool = True  # an extra field vLLM and llama-server accept: every request runs max_tokens
    prompts: list[str] = field(default_factory=lambda: list(PROMPTS))

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"url must start with http:// or https://, got {self.url!r}")
        self.url = self.url.rstrip("/")
        conc = list(self.concurrency)
        if not conc or any(not _is_int(c) or c < 1 for c in conc):
            raise ValueError(f"concurrency must be integers >= 1, got {conc!r}")
        self.concurrency = list(dict.fromkeys(conc))
        if self.num_requests is not None and (not _is_int(self.num_requests) or self.num_requests < 1):
            raise ValueError(f"num_requests must be an integer >= 1, got {self.num_requests!r}")
        if not _is_int(self.max_tokens) or self.max_tokens < 1:
            raise ValueError(f"max_tokens must be an integer >= 1, got {self.max_tokens!r}")
        if self.endpoint not in ENDPOINTS:
            raise ValueError(f"endpoint must be chat or completions, got {self.endpoint!r}")
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive, got {self.timeout!r}")
        if not self.prompts:
            raise ValueError("prompts must not be empty")

    def requests_for(self, concurrency: int) -> int:
        return self.num_requests or max(2 * concurrency, 8)


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


@dataclass(slots=True)
class RequestResult:
    error: str | None = None  # status code or exception name; None: success
    ttft_s: float | None = None
    itl_s: list[float] = field(default_factory=list)
    output_tokens: int = 0
    latency_s: float = 0.0


# ---- one request ------------------------------------------------------------------------------

def _payload(cfg: ServeBenchConfig, model: str, prompt: str, max_tokens: int) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "max_tokens": max_tokens, "temperature": cfg.temperature,
                            "stream": True, "stream_options": {"include_usage": True}}
    if cfg.endpoint == "chat":
        body["messages"] = [{"role": "user", "content": prompt}]
    else:
        body["prompt"] = prompt
    if cfg.ignore_eos:
        body["ignore_eos"] = True
    return body


def _chunk_text(event: dict[str, Any]) -> str:
    text = ""
    for choice in event.get("choices") or ():
        text += (choice.get("delta") or {}).get("content") or choice.get("text") or ""
    return text


async def _sse_data(resp: httpx.Response) -> AsyncIterator[bytes]:
    """The ``data:`` payloads of an SSE stream, split from raw bytes: the load generator shares the
    server's cores, so its per-token work is kept small (text decoding and line iterators cost more)."""
    buf = b""
    async for piece in resp.aiter_bytes():
        buf += piece
        *lines, buf = buf.split(b"\n")
        for line in lines:
            if line.startswith(b"data:"):  # skip blank separators, comments, event: lines
                yield line[5:].strip()
    if buf.startswith(b"data:"):
        yield buf[5:].strip()


async def _send(client: httpx.AsyncClient, cfg: ServeBenchConfig, model: str, prompt: str,
                max_tokens: int) -> RequestResult:
    res = RequestResult()
    chunks, usage_tokens, last = 0, None, None
    t0 = time.perf_counter()
    try:
        async with client.stream("POST", ENDPOINTS[cfg.endpoint],
                                 json=_payload(cfg, model, prompt, max_tokens)) as resp:
            if resp.status_code != 200:
                await resp.aread()
                res.error = str(resp.status_code)
                return res
            async for data in _sse_data(resp):
                if data == b"[DONE]":
                    break
                event = json.loads(data)
                if "error" in event:
                    res.error = "stream error"
                    return res
                if event.get("usage"):
                    usage_tokens = event["usage"].get("completion_tokens")
                if _chunk_text(event):
                    now = time.perf_counter()
                    if last is None:
                        res.ttft_s = now - t0
                    else:
                        res.itl_s.append(now - last)
                    last, chunks = now, chunks + 1
    except Exception as exc:  # noqa: BLE001 - a failed request is a figure, never a crash
        res.error = type(exc).__name__
        return res
    finally:
        res.latency_s = time.perf_counter() - t0
    res.output_tokens = usage_tokens if usage_tokens is not None else chunks
    return res


# ---- one level --------------------------------------------------------------------------------

async def _run_level(client: httpx.AsyncClient, cfg: ServeBenchConfig, model: str,
                     concurrency: int) -> dict[str, Any]:
    num_requests = cfg.requests_for(concurrency)
    results: list[RequestResult] = []
    next_index = iter(range(num_requests))  # shared by the workers: one event loop, no lock needed

    async def worker() -> None:
        for i in next_index:
            results.append(await _send(client, cfg, model, cfg.prompts[i % len(cfg.prompts)], cfg.max_tokens))

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, num_requests))))
    return summarize(concurrency, results, time.perf_counter() - t0)


def _percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    s = sorted(values)
    pos = (len(s) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _ms(v: float | None) -> float | None:
    return None if v is None else v * 1e3


def summarize(concurrency: int, results: list[RequestResult], wall_s: float) -> dict[str, Any]:
    ok = [r for r in results if r.error is None]
    ttft = [r.ttft_s for r in ok if r.ttft_s is not None]
    itl = [gap for r in ok for gap in r.itl_s]
    output_tokens = sum(r.output_tokens for r in ok)
    return {
        "concurrency": concurrency, "requests": len(results), "errors": len(results) - len(ok),
        "error_codes": dict(Counter(r.error for r in results if r.error is not None)),
        "output_tokens": output_tokens, "wall_s": wall_s,
        "ttft_ms_p50": _ms(_percentile(ttft, 50)), "ttft_ms_p99": _ms(_percentile(ttft, 99)),
        "itl_ms_p50": _ms(_percentile(itl, 50)), "itl_ms_p99": _ms(_percentile(itl, 99)),
        "latency_ms_p50": _ms(_percentile([r.latency_s for r in ok], 50)),
        "output_tok_s": output_tokens / wall_s if wall_s > 0 else None,
        "requests_per_s": len(ok) / wall_s if wall_s > 0 else None,
    }


# ---- the whole run ----------------------------------------------------------------------------

async def _resolve_model(client: httpx.AsyncClient, cfg: ServeBenchConfig) -> str:
    try:
        resp = await client.get("/v1/models")
    except httpx.HTTPError as exc:
        raise ValueError(f"cannot reach an OpenAI-compatible server at {cfg.url}: "
                         f"{type(exc).__name__}: {exc}") from exc
    if cfg.model:
        return cfg.model
    try:
        resp.raise_for_status()
        return resp.json()["data"][0]["id"]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"GET {cfg.url}/v1/models answered {resp.status_code} without a model id; "
                         "pass the model name") from exc


async def _run(cfg: ServeBenchConfig, log) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {cfg.api_key}"} if cfg.api_key else {}
    top = max(cfg.concurrency)
    # trust_env off: a load generator measures the server itself, never through a proxy from the environment.
    async with httpx.AsyncClient(base_url=cfg.url, headers=headers, timeout=cfg.timeout, trust_env=False,
                                 limits=httpx.Limits(max_connections=top, max_keepalive_connections=top)) as client:
        model = await _resolve_model(client, cfg)
        log(f"{cfg.url} serves {model!r}; warming up")
        await _send(client, cfg, model, cfg.prompts[0], min(cfg.max_tokens, 4))  # first-request costs, unmeasured
        levels = []
        for c in cfg.concurrency:
            log(f"concurrency {c}: {cfg.requests_for(c)} requests of {cfg.max_tokens} tokens")
            levels.append(await _run_level(client, cfg, model, c))
    config = asdict(cfg)
    config.pop("prompts")
    config["api_key"] = "***" if cfg.api_key else None
    return {"url": cfg.url, "model": model, "endpoint": cfg.endpoint, "config": config, "levels": levels}


def run_serve_bench(config: ServeBenchConfig, log=None) -> dict[str, Any]:
    """Run every concurrency level against ``config.url``; return the figures (see the module docstring).

    Raises ValueError when the server cannot be reached; request failures are counted, not raised.
    """
    coro = _run(config, log or (lambda msg: None))
    try:  # uvloop: the generator shares the server's cores, and its event loop is the cheaper one
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def print_report(results: dict[str, Any], console: Console | None = None) -> None:
    out = console or Console()
    if console is None and not out.is_terminal:
        out = Console(width=120)  # a file or pipe: do not wrap the table
    cfg = results["config"]
    table = Table(title=f"{results['url']} - {results['model']} - /{results['endpoint']}, "
                        f"{cfg['max_tokens']} max tokens, temperature {cfg['temperature']}, "
                        f"ignore_eos {cfg['ignore_eos']}")
    for col in ("concurrency", "requests", "errors", "TTFT p50 ms", "TTFT p99 ms", "ITL p50 ms", "ITL p99 ms",
                "output tok/s", "req/s"):
        table.add_column(col, justify="right")

    def f(v: float | None, digits: int = 1) -> str:
        return "-" if v is None else f"{v:.{digits}f}"

    for lv in results["levels"]:
        errors = str(lv["errors"])
        if lv["error_codes"]:
            errors += " (" + ", ".join(f"{k}: {n}" for k, n in lv["error_codes"].items()) + ")"
        table.add_row(str(lv["concurrency"]), str(lv["requests"]), errors, f(lv["ttft_ms_p50"]),
                      f(lv["ttft_ms_p99"]), f(lv["itl_ms_p50"]), f(lv["itl_ms_p99"]), f(lv["output_tok_s"]),
                      f(lv["requests_per_s"], 2))
    out.print(table)
