"""Concurrency and disconnects: shared engine steps change no result, and aborted streams free everything."""
from __future__ import annotations

import asyncio
import time

import httpx

from tests.serve.conftest import MODEL_NAME

PROMPTS = [f"Write one sentence about the number {i}." for i in range(16)]


def test_16_concurrent_greedy_requests_each_equal_their_solo_run(live_server, openai_client, async_openai_client):
    solo = [openai_client.chat.completions.create(
        model=MODEL_NAME, messages=[{"role": "user", "content": p}], max_tokens=16, temperature=0)
        .choices[0].message.content for p in PROMPTS]

    async def together() -> list[str]:
        async def one(p: str) -> str:
            r = await async_openai_client.chat.completions.create(
                model=MODEL_NAME, messages=[{"role": "user", "content": p}], max_tokens=16, temperature=0)
            return r.choices[0].message.content

        return await asyncio.gather(*(one(p) for p in PROMPTS))

    steps_before = _histogram_count(live_server, "ketch:time_to_first_token_seconds")
    assert asyncio.run(together()) == solo
    assert _histogram_count(live_server, "ketch:time_to_first_token_seconds") == steps_before + 16


def _histogram_count(live_server, name: str) -> float:
    text = httpx.get(live_server.url + "/metrics", timeout=10).text
    for line in text.splitlines():
        if line.startswith(name + "_count"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def _wait_idle(live_server, timeout: float = 30.0) -> tuple[float, float]:
    deadline = time.monotonic() + timeout
    while True:
        running = live_server.metric("ketch:num_requests_running")
        waiting = live_server.metric("ketch:num_requests_waiting")
        used = live_server.metric("ketch:kv_cache_blocks_used")
        if (running, waiting, used) == (0, 0, 0) or time.monotonic() > deadline:
            return running + waiting, used
        time.sleep(0.1)


def test_20_disconnected_streams_free_their_requests_and_kv_blocks(live_server):
    assert _wait_idle(live_server) == (0, 0)
    aborted_before = live_server.metric('ketch:request_aborted_total{model_name="smollm2"}', default=0.0)
    body = {"model": MODEL_NAME, "messages": [{"role": "user", "content": "Count to one thousand slowly."}],
            "max_tokens": 400, "temperature": 0, "stream": True, "ignore_eos": True}

    async def drop_after_some_tokens(client: httpx.AsyncClient) -> int:
        seen = 0
        async with client.stream("POST", live_server.url + "/v1/chat/completions", json=body) as r:
            assert r.status_code == 200
            async for line in r.aiter_lines():
                if line.startswith("data: {"):
                    seen += 1
                    if seen >= 3:
                        break  # leaving the block closes the connection mid-stream
        return seen

    async def main() -> list[int]:
        async with httpx.AsyncClient(timeout=120) as client:
            return await asyncio.gather(*(drop_after_some_tokens(client) for _ in range(20)))

    assert asyncio.run(main()) == [3] * 20
    assert _wait_idle(live_server) == (0, 0)
    assert live_server.metric('ketch:request_aborted_total{model_name="smollm2"}') == aborted_before + 20
    assert live_server.state.in_flight == 0
    live_server.state.engine.engine.block_manager.check_invariants()
    # and the server still answers
    r = httpx.post(live_server.url + "/v1/completions", json={"prompt": "Hi", "max_tokens": 2}, timeout=60)
    assert r.status_code == 200


def test_non_streaming_disconnect_aborts_too(live_server):
    assert _wait_idle(live_server) == (0, 0)
    body = {"prompt": "Once upon a time", "max_tokens": 1000, "ignore_eos": True, "temperature": 0}
    try:
        httpx.post(live_server.url + "/v1/completions", json=body, timeout=1.0)
    except httpx.TimeoutException:
        pass  # the client gives up after a second and closes the connection
    assert _wait_idle(live_server) == (0, 0)
