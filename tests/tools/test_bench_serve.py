"""`ketch bench serve` against a real `ketch serve` subprocess (figures are checked for shape, not speed)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from ketch.cli import app
from ketch.tools.bench import ServeBenchConfig, print_report, run_serve_bench
from ketch.tools.bench.serve import PROMPTS
from tests.text import squash


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(smollm2_path, tmp_path_factory):
    port = _free_port()
    # One engine thread: on a busy CI machine a multi-threaded engine waits on descheduled siblings and the
    # requests (checked for counts, not speed) take many times longer.
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    stderr = log.open("wb")  # a file, not a pipe: a full pipe would block the server
    proc = subprocess.Popen([sys.executable, "-m", "ketch.cli", "serve", str(smollm2_path), "--port", str(port),
                             "--served-model-name", "smollm2", "--no-access-log", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=stderr, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"ketch serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/ready", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("ketch serve was not ready within 120 s")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        stderr.close()


def test_prompts_are_short_and_distinct():
    assert len(PROMPTS) >= 32 and len(set(PROMPTS)) == len(PROMPTS)
    assert all(len(p.split()) < 20 for p in PROMPTS)  # well under 40 tokens each


@pytest.mark.parametrize("kwargs", [{"url": "127.0.0.1:8000"}, {"concurrency": []}, {"concurrency": [0]},
                                    {"num_requests": 0}, {"max_tokens": 0}, {"endpoint": "embeddings"},
                                    {"timeout": 0}, {"prompts": []}])
def test_config_rejects_bad_values(kwargs):
    with pytest.raises(ValueError):
        ServeBenchConfig(**kwargs)


def test_every_request_generates_max_tokens(server_url, capsys):
    results = run_serve_bench(ServeBenchConfig(url=server_url, concurrency=[1, 4], num_requests=4, max_tokens=8))
    assert results["model"] == "smollm2"  # taken from GET /v1/models
    assert [lv["concurrency"] for lv in results["levels"]] == [1, 4]
    for lv in results["levels"]:
        assert lv["requests"] == 4 and lv["errors"] == 0 and lv["error_codes"] == {}
        assert lv["output_tokens"] == 4 * 8
        assert lv["ttft_ms_p50"] > 0 and lv["ttft_ms_p99"] >= lv["ttft_ms_p50"]
        assert lv["itl_ms_p50"] > 0 and lv["output_tok_s"] > 0 and lv["requests_per_s"] > 0
    print_report(results)
    assert "TTFT p50 ms" in capsys.readouterr().out


def test_completions_endpoint_and_json_output(server_url):
    result = CliRunner().invoke(app, ["bench", "serve", "--url", server_url, "--concurrency", "2", "--requests", "2",
                                      "--max-tokens", "4", "--endpoint", "completions", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    (level,) = doc["levels"]
    assert doc["endpoint"] == "completions" and level["errors"] == 0 and level["output_tokens"] == 2 * 4


def test_failed_requests_are_counted_not_raised(server_url):
    results = run_serve_bench(ServeBenchConfig(url=server_url, model="no-such-model", concurrency=[2],
                                               num_requests=3, max_tokens=4))
    (level,) = results["levels"]
    assert level["errors"] == 3 and level["error_codes"] == {"404": 3}
    assert level["output_tokens"] == 0 and level["ttft_ms_p50"] is None


def test_unreachable_server_is_a_clear_error():
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(ValueError, match=f"cannot reach .*{url}"):
        run_serve_bench(ServeBenchConfig(url=url, concurrency=[1], num_requests=1))
    result = CliRunner().invoke(app, ["bench", "serve", "--url", url])
    assert result.exit_code == 1 and "cannot reach" in squash(result.output)
