"""Scheduler: token budget, chunked prefill, continuous batching, preemption and recompute."""
from __future__ import annotations

from ketch import LLM, SamplingParams
from ketch.config import SchedulerConfig
from ketch.engine.block_manager import BlockManager
from ketch.engine.scheduler import Scheduler
from ketch.engine.sequence import SequenceStatus
from tests.engine.factories import make_seq


def _make(num_blocks=64, block_size=4, budget=8, max_seqs=8) -> Scheduler:
    return Scheduler(SchedulerConfig(max_num_batched_tokens=budget, max_num_seqs=max_seqs),
                     BlockManager(num_blocks, block_size))


def _run_step(sched: Scheduler):
    """Schedule, then play the model: computed tokens advance, finished prefills emit a token."""
    out = sched.schedule()
    for seq, n in out.scheduled:
        seq.num_computed_tokens += n
        sched.block_manager.cache_full_blocks(seq)
        if seq.num_computed_tokens == seq.num_tokens:
            seq.token_ids.append(7)
    return out


def test_chunked_prefill_splits_prompt_under_budget():
    sched = _make(budget=8)
    seq = make_seq(list(range(20)))
    sched.add(seq)
    chunks = [_run_step(sched).scheduled[0][1] for _ in range(3)]
    assert chunks == [8, 8, 4]
    assert seq.num_output_tokens == 1  # only the last chunk produced a token


def test_decodes_and_new_prefill_share_a_step():
    sched = _make(budget=8)
    a = make_seq(list(range(5)))
    sched.add(a)
    _run_step(sched)  # a prefilled, now decoding
    b = make_seq(list(range(100, 120)))
    sched.add(b)
    out = _run_step(sched)
    assert [(s.seq_id, n) for s, n in out.scheduled] == [(a.seq_id, 1), (b.seq_id, 7)]
    assert out.num_tokens == 8


def test_max_num_seqs_limits_admission():
    sched = _make(budget=100, max_seqs=2)
    seqs = [make_seq([1, 2, 3]) for _ in range(3)]
    for s in seqs:
        sched.add(s)
    out = _run_step(sched)
    assert [s.seq_id for s, _ in out.scheduled] == [seqs[0].seq_id, seqs[1].seq_id]
    assert list(sched.waiting) == [seqs[2]]


def test_preemption_frees_newest_and_requeues_it_first():
    sched = _make(num_blocks=4, block_size=2, budget=16)
    a, b = make_seq([1, 2, 3]), make_seq([4, 5, 6])
    sched.add(a)
    sched.add(b)
    _run_step(sched)  # both prefilled: 2 blocks each, all 4 used, each now has 4 tokens
    out = _run_step(sched)  # both decode into their 2nd block slot: still fits
    assert not out.preempted
    out = _run_step(sched)  # 5th token needs a 3rd block each: b is preempted for a
    assert out.preempted == [b]
    assert b.status == SequenceStatus.WAITING and b.block_table == [] and b.num_computed_tokens == 0
    assert sched.waiting[0] is b and sched.running == [a]
    assert [s for s, _ in out.scheduled] == [a]
    sched.finish(a, SequenceStatus.FINISHED_LENGTH)
    out = _run_step(sched)
    # b's head block survived in the prefix cache (its tail block went to a): recompute the rest.
    assert out.scheduled == [(b, 3)]
    assert b.num_cached_tokens == 2


def test_preemption_resumes_with_identical_output(tiny_models):
    path, _ = tiny_models("llama")
    prompts = [{"prompt_token_ids": list(range(i, i + n))} for i, n in ((1, 3), (5, 9), (20, 17), (40, 30), (3, 12))]
    greedy = SamplingParams(temperature=0, max_tokens=32, ignore_eos=True)
    seeded = SamplingParams(temperature=1.0, seed=11, max_tokens=32, ignore_eos=True)
    roomy = LLM(str(path), dtype="float32", block_size=4)
    # 20 blocks of 4 tokens: one request fits (<= 62 tokens), all five at once do not.
    tight = LLM(str(path), dtype="float32", block_size=4, kv_cache_memory=20 * 4 * 1024)
    assert tight.engine.block_manager.num_blocks == 20
    for params in (greedy, seeded):
        want = [o.outputs[0].token_ids for o in roomy.generate(prompts, params)]
        got = [o.outputs[0].token_ids for o in tight.generate(prompts, params)]
        assert got == want
    assert tight.engine.scheduler.num_preemptions > 0
    assert tight.engine.block_manager.num_free_blocks == 20
