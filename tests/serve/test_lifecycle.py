"""A real `ketch serve` process: overload answers 429, SIGTERM drains an in-flight stream and exits 0."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest

from tests.serve.conftest import free_port
from tests.text import squash


def _spawn(model: str, port: int, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "ketch.cli", "serve", model, "--port", str(port), "--served-model-name", "m",
           "--kv-cache-gb", "0.0625", "--max-model-len", "1024", "--no-access-log", "--log-level", "warning", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait_ready(url: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early: {proc.stdout.read()}")
        try:
            if httpx.get(url + "/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server not ready in time")


@pytest.fixture
def served(smollm2_path):
    procs = []

    def start(*extra: str) -> str:
        port = free_port()
        proc = _spawn(str(smollm2_path), port, *extra)
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        _wait_ready(url, proc)
        return url, proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


def test_sigterm_drains_an_in_flight_stream_then_exits_0(served):
    url, proc = served("--drain-timeout", "60")
    body = {"prompt": "Count: 1, 2, 3,", "max_tokens": 48, "ignore_eos": True, "temperature": 0, "stream": True}
    events: list[str] = []
    first = threading.Event()

    def consume() -> None:
        with httpx.stream("POST", url + "/v1/completions", json=body, timeout=120) as r:
            for line in r.iter_lines():
                if line.startswith("data: "):
                    events.append(line[6:])
                    first.set()

    t = threading.Thread(target=consume)
    t.start()
    assert first.wait(60)
    proc.send_signal(signal.SIGTERM)
    t.join(timeout=120)
    assert proc.wait(timeout=120) == 0
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert chunks[-1]["choices"][0]["finish_reason"] == "length"
    # every token arrived: the stream was finished, not cut
    text = "".join(c["choices"][0]["text"] for c in chunks)
    assert text
    with pytest.raises(httpx.HTTPError):  # and it no longer accepts connections
        httpx.get(url + "/health", timeout=2)


def test_past_the_queue_requests_get_429_with_retry_after(served):
    url, _ = served("--max-num-seqs", "1", "--max-queue", "1")
    body = {"prompt": "Once upon a time", "max_tokens": 200, "ignore_eos": True, "stream": True}
    opened = []
    try:
        for _ in range(2):  # one running, one queued
            cm = httpx.stream("POST", url + "/v1/completions", json=body, timeout=120)
            r = cm.__enter__()
            assert r.status_code == 200
            opened.append(cm)
        r = httpx.post(url + "/v1/completions", json={"prompt": "x", "max_tokens": 2}, timeout=30)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "1"
        assert r.json()["error"]["code"] == "overloaded"
    finally:
        for cm in opened:
            cm.__exit__(None, None, None)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the dropped streams free their slots
        r = httpx.post(url + "/v1/completions", json={"prompt": "x", "max_tokens": 2}, timeout=30)
        if r.status_code == 200:
            break
        time.sleep(0.2)
    assert r.status_code == 200


def test_a_bad_model_path_fails_before_binding(tmp_path):
    port = free_port()
    proc = subprocess.run([sys.executable, "-m", "ketch.cli", "serve", str(tmp_path / "missing.gguf"),
                           "--port", str(port)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1
    assert "not found" in squash(proc.stderr)
