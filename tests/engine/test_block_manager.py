"""Block manager: exact block ids, prefix reuse, eviction order, and no leaks under churn."""
from __future__ import annotations

import random

from ketch.engine.block_manager import BlockManager
from tests.engine.factories import make_seq


def _admit(bm: BlockManager, seq, num_new: int | None = None) -> list[int]:
    cached = bm.find_cached_prefix(seq)
    n = seq.num_tokens - len(cached) * bm.block_size if num_new is None else num_new
    assert bm.can_allocate(seq, cached, n)
    bm.allocate(seq, cached, n)
    return cached


def _compute(bm: BlockManager, seq, n: int) -> None:
    seq.num_computed_tokens += n
    bm.cache_full_blocks(seq)


def test_allocate_and_free_exact_ids():
    bm = BlockManager(num_blocks=8, block_size=4)
    seq = make_seq(list(range(10)))
    _admit(bm, seq)
    assert seq.block_table == [0, 1, 2]
    assert bm.num_free_blocks == 5
    bm.free(seq)
    assert seq.block_table == [] and bm.num_free_blocks == 8
    bm.check_invariants()


def test_append_slots_grows_one_block_at_boundary():
    bm = BlockManager(num_blocks=4, block_size=4)
    seq = make_seq([1, 2, 3])
    _admit(bm, seq)
    _compute(bm, seq, 3)
    seq.token_ids.append(4)
    assert bm.can_append(seq, 1)
    bm.append_slots(seq, 1)
    assert seq.block_table == [0]  # 4 tokens still fit one block
    _compute(bm, seq, 1)
    seq.token_ids.append(5)
    bm.append_slots(seq, 1)
    assert seq.block_table == [0, 1]


def test_prefix_blocks_are_shared_and_ref_counted():
    bm = BlockManager(num_blocks=16, block_size=4)
    a = make_seq(list(range(10)))
    _admit(bm, a)
    _compute(bm, a, 10)  # blocks 0 and 1 are full and now cached
    b = make_seq(list(range(8)) + [99, 98, 97])
    cached = _admit(bm, b)
    assert cached == [0, 1]
    assert b.num_computed_tokens == 8 and b.num_cached_tokens == 8
    assert b.block_table[:2] == [0, 1] and b.block_table[2] not in a.block_table
    assert bm.blocks[0].ref_count == 2 and bm.blocks[1].ref_count == 2
    bm.free(a)
    assert bm.blocks[0].ref_count == 1
    bm.free(b)
    assert bm.num_free_blocks == 16
    bm.check_invariants()


def test_whole_prompt_hit_still_computes_last_token():
    bm = BlockManager(num_blocks=8, block_size=4)
    a = make_seq(list(range(8)))
    _admit(bm, a)
    _compute(bm, a, 8)
    bm.free(a)
    b = make_seq(list(range(8)))
    cached = _admit(bm, b)
    assert cached == [0]  # block 1 holds the last token, which must be recomputed for its logits
    assert b.num_computed_tokens == 4


def test_freed_cached_blocks_are_reused_then_evicted_lru():
    bm = BlockManager(num_blocks=4, block_size=2)
    a = make_seq([1, 2, 3, 4, 5])
    _admit(bm, a)
    _compute(bm, a, 5)  # blocks 0,1 cached; block 2 partial
    bm.free(a)
    # Partial block 2 (nothing reusable) is evicted before cached ones; tail-first freeing
    # puts block 1 ahead of block 0.
    b = make_seq([7, 7, 7, 7, 7])
    _admit(bm, b)
    assert b.block_table == [2, 3, 1]
    assert bm.find_cached_prefix(make_seq([1, 2, 3, 4, 9])) == [0]
    bm.check_invariants()


def test_can_allocate_counts_revived_cached_blocks():
    bm = BlockManager(num_blocks=3, block_size=2)
    a = make_seq([1, 2, 3, 4, 5])
    _admit(bm, a)
    _compute(bm, a, 5)
    bm.free(a)
    b = make_seq([1, 2, 3, 4, 5, 6, 7])
    cached = bm.find_cached_prefix(b)
    assert cached == [0, 1]
    assert bm.can_allocate(b, cached, 1)  # 2 revived + 1 new block = all 3
    assert not bm.can_allocate(b, cached, 3)  # would need a 4th block


def test_no_leak_after_1000_random_requests_with_aborts():
    rng = random.Random(0)
    bm = BlockManager(num_blocks=64, block_size=4)
    live = []
    shared = [rng.randrange(50) for _ in range(12)]
    for step in range(1000):
        if live and rng.random() < 0.45:
            seq = live.pop(rng.randrange(len(live)))
            bm.free(seq)  # finish or abort: both just free
        else:
            prefix = shared[:rng.randrange(0, 13)]
            seq = make_seq(prefix + [rng.randrange(50) for _ in range(rng.randrange(1, 20))])
            cached = bm.find_cached_prefix(seq)
            n = seq.num_tokens - len(cached) * bm.block_size
            if not bm.can_allocate(seq, cached, n):
                continue
            bm.allocate(seq, cached, n)
            _compute(bm, seq, n)
            for _ in range(rng.randrange(0, 6)):  # a few decode steps
                seq.token_ids.append(rng.randrange(50))
                if not bm.can_append(seq, 1):
                    break
                bm.append_slots(seq, 1)
                _compute(bm, seq, 1)
            live.append(seq)
        if step % 100 == 0:
            bm.check_invariants()
    for seq in live:
        bm.free(seq)
    bm.check_invariants()
    assert bm.num_free_blocks == bm.num_blocks
    assert all(b.ref_count == 0 for b in bm.blocks)


def test_default_cpu_kv_pool_is_sized_to_the_limits(tmp_path):
    """No fixed large pool: a whole context window or 256 tokens per running sequence, whichever is
    more, and never more than max_num_seqs full-length sequences."""
    from ketch import LLM
    from tests.conftest import make_tiny_hf_model

    make_tiny_hf_model("llama", tmp_path, max_position_embeddings=2048)
    blocks = {seqs: LLM(str(tmp_path), dtype="float32", block_size=4, max_num_seqs=seqs).engine.block_manager.num_blocks
              for seqs in (2, 16, 64)}
    assert blocks == {2: 2048 // 4, 16: 16 * 256 // 4, 64: 64 * 256 // 4}


def test_a_repeated_prompt_takes_its_tail_from_the_cache_by_copy():
    bm = BlockManager(num_blocks=8, block_size=4)
    a = make_seq(list(range(11)))  # blocks: 0-3, 4-7, and a tail of 3 prompt tokens
    _admit(bm, a)
    _compute(bm, a, 11)
    tail_block = a.block_table[2]
    b = make_seq(list(range(11)))
    cached = bm.find_cached_prefix(b)
    tail = bm.find_cached_tail(b, cached)
    assert cached == a.block_table[:2] and tail is not None and (tail.src, tail.num_slots) == (tail_block, 2)
    assert bm.can_allocate(b, cached, 1, tail)
    copy = bm.allocate(b, cached, 1, tail)  # only the last prompt token is left to compute
    assert b.num_computed_tokens == b.num_cached_tokens == 10
    assert copy.src == tail_block and copy.dst == b.block_table[2] != tail_block and copy.num_slots == 2
    bm.check_invariants()
    # another prompt with the same full blocks but another tail, or a longer one, gets no tail
    for ids in (list(range(10)) + [77], list(range(12)) + [5]):
        c = make_seq(ids)
        assert bm.find_cached_tail(c, bm.find_cached_prefix(c)) is None


def test_a_tail_is_dropped_when_its_block_is_evicted():
    bm = BlockManager(num_blocks=3, block_size=4)
    a = make_seq([1, 2, 3, 4, 5, 6])  # one full block and a 2-token tail
    _admit(bm, a)
    _compute(bm, a, 6)
    bm.free(a)
    b = make_seq([1, 2, 3, 4, 5, 6])
    assert bm.find_cached_tail(b, bm.find_cached_prefix(b)) is not None
    big = make_seq(list(range(100, 112)))  # needs every block: the tail's block is reused
    _admit(bm, big)
    bm.check_invariants()
    bm.free(big)
    assert bm.find_cached_tail(b, bm.find_cached_prefix(b)) is None
    bm.check_invariants()


def test_no_tail_under_one_block_or_without_prefix_caching():
    bm = BlockManager(num_blocks=8, block_size=4)
    a = make_seq([1, 2, 3, 4, 5])  # a 1-token tail: nothing to reuse before the last token
    _admit(bm, a)
    _compute(bm, a, 5)
    assert bm.find_cached_tail(make_seq([1, 2, 3, 4, 5]), bm.find_cached_prefix(make_seq([1, 2, 3, 4, 5]))) is None
    off = BlockManager(num_blocks=8, block_size=4, enable_prefix_caching=False)
    s = make_seq([1, 2, 3, 4, 5, 6])
    _admit(off, s)
    _compute(off, s, 6)
    assert off.find_cached_tail(make_seq([1, 2, 3, 4, 5, 6]), []) is None
