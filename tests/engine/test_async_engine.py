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


def test_on_idle_runs_each_time_the_engine_runs_out_of_work(smollm2_path):
    """The hook (the server's memory trim) runs after a burst of work, not while requests wait."""
    import threading

    from ketch import LLM

    llm = LLM(str(smollm2_path))  # its own engine: the module's shared one carries other tests' state
    idle = threading.Event()
    calls: list[bool] = []

    def on_idle() -> None:
        calls.append(llm.engine.has_unfinished_requests())
        idle.set()

    engine = AsyncEngine(llm.engine, on_idle=on_idle)
    try:
        assert not idle.wait(0.2)  # nothing has run yet: no call
        params = SamplingParams(temperature=0, max_tokens=4, ignore_eos=True)

        async def burst(n: int) -> None:
            async def one(i: int) -> None:
                async for _ in engine.generate(f"Request {i}", params):
                    pass
            await asyncio.gather(*(one(i) for i in range(n)))

        for n in (3, 1):
            idle.clear()
            asyncio.run(burst(n))
            assert idle.wait(10)
        assert len(calls) == 2 and not any(calls)  # once per burst, with no request left
    finally:
        engine.shutdown()
