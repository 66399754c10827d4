"""AsyncEngine: concurrent streams, abort by leaving the loop, errors surface per request."""
from __future__ import annotations

import asyncio

import pytest

from ketch import SamplingParams
from ketch.engine.async_engine import AsyncEngine


@pytest.fixture(scope="module")
def async_engine(smol_llm):
    engine = AsyncEngine(smol_llm.engine)
    yield engine
    engine.shutdown()


def test_concurrent_streams_match_offline_and_abort_frees_everything(async_engine, smol_llm):
    greedy = SamplingParams(temperature=0, max_tokens=24, ignore_eos=True)
    prompts = ["The quick brown fox", "def fibonacci(n):"]
    expected = [o.outputs[0].token_ids for o in smol_llm.generate(prompts, greedy)]

    async def collect(prompt, rid):
        seen = []
        async for out in async_engine.generate(prompt, greedy, rid):
            seen.append(out)
        return seen

    async def abandon(rid):
        async for out in async_engine.generate("Tell me a long story", SamplingParams(max_tokens=200), rid):
            if len(out.outputs[0].token_ids) >= 3:
                break  # a client that goes away: the request must be aborted

    async def main():
        return await asyncio.gather(collect(prompts[0], "a"), abandon("gone"), collect(prompts[1], "b"))

    a, _, b = asyncio.run(main())
    assert [a[-1].outputs[0].token_ids, b[-1].outputs[0].token_ids] == expected
    assert a[-1].finished and not any(o.finished for o in a[:-1])
    lengths = [len(o.outputs[0].token_ids) for o in a]
    assert lengths == sorted(lengths) and lengths[0] >= 1  # streamed, growing

    async def settle():
        for _ in range(100):
            if not smol_llm.engine.has_unfinished_requests():
                return
            await asyncio.sleep(0.05)
    asyncio.run(settle())
    bm = smol_llm.engine.block_manager
    assert not smol_llm.engine.requests and bm.num_free_blocks == bm.num_blocks


def test_bad_request_raises_in_caller_and_engine_keeps_serving(async_engine):
    async def main():
        with pytest.raises(ValueError, match="empty"):
            async for _ in async_engine.generate("", SamplingParams()):
                pass
        outs = [o async for o in async_engine.generate("Hi", SamplingParams(max_tokens=3, temperature=0))]
        return outs[-1]

    last = asyncio.run(main())
    assert last.finished and len(last.outputs[0].token_ids) <= 3


def test_duplicate_request_id_rejected(async_engine):
    async def main():
        gen = async_engine.generate("Hello", SamplingParams(max_tokens=50), "dup")
        first = await gen.__anext__()
        with pytest.raises(ValueError, match="already in use"):
            async for _ in async_engine.generate("Hello", SamplingParams(max_tokens=5), "dup"):
                pass
        await gen.aclose()
        return first

    assert asyncio.run(main()).request_id == "dup"
