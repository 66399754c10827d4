"""Paged KV-cache bookkeeping: block allocation, reference counts and prefix caching.

A full block is identified by a hash of (parent block hash, its token ids), so equal prefixes map
to equal chains of hashes and can share physical blocks. Freed blocks keep their hash and stay
reusable until evicted. Eviction order: blocks with no cached content first, then least recently
freed; a sequence frees its blocks tail-first so its shared head lives longest.

A prompt's last, partial block is published too, keyed by (parent hash, its prompt tokens): a later
request with the very same prompt (a retry, a repeated question) takes all but its last token from
the cache. The block itself stays its owner's (its later slots hold that sequence's generated
tokens), so the newcomer gets a fresh block and a copy of the slots it reuses (``allocate`` returns
it as a :class:`BlockCopy` for the model runner to make before the step).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from ketch.engine.sequence import Sequence


@dataclass(slots=True)
class Block:
    block_id: int
    ref_count: int = 0
    block_hash: int | None = None
    tail_key: int | None = None  # a prompt tail held in its first slots (see the module docstring)


@dataclass(frozen=True, slots=True)
class CachedTail:
    """A prompt's last partial block found in the cache: the first ``num_slots`` slots of ``src``."""

    src: int
    num_slots: int


@dataclass(frozen=True, slots=True)
class BlockCopy:
    """Copy the first ``num_slots`` KV slots of block ``src`` into block ``dst`` (every layer)."""

    src: int
    dst: int
    num_slots: int


def hash_block(parent_hash: int | None, token_ids: tuple[int, ...]) -> int:
    return hash((parent_hash, token_ids))


def tail_key(parent_hash: int | None, token_ids: tuple[int, ...]) -> int:
    return hash(("tail", parent_hash, token_ids))


class BlockManager:
    def __init__(self, num_blocks: int, block_size: int, enable_prefix_caching: bool = True) -> None:
        assert num_blocks > 0 and block_size > 0
        self.block_size = block_size
        self.enable_prefix_caching = enable_prefix_caching
        self.blocks = [Block(i) for i in range(num_blocks)]
        self._free: OrderedDict[int, None] = OrderedDict((i, None) for i in range(num_blocks))
        self._cached: dict[int, int] = {}  # block hash -> block id
        self._tails: dict[int, int] = {}  # tail key (parent hash, prompt tokens) -> block id
        # Prefix-cache effectiveness, in tokens, counted once per admission (for metrics).
        self.prefix_queries = 0
        self.prefix_hits = 0

    @property
    def num_blocks(self) -> int:
        return len(self.blocks)

    @property
    def num_free_blocks(self) -> int:
        return len(self._free)

    @property
    def num_used_blocks(self) -> int:
        """Blocks some live sequence holds (cached-but-free blocks do not count)."""
        return len(self.blocks) - len(self._free)

    def blocks_needed(self, num_tokens: int) -> int:
        return -(-num_tokens // self.block_size)

    # ---- admission --------------------------------------------------------------------------

    def find_cached_prefix(self, seq: Sequence) -> list[int]:
        """Ids of cached blocks matching the sequence's leading full blocks.

        The last token is never taken from the cache: its logits must be computed.
        """
        if not self.enable_prefix_caching:
            return []
        hits: list[int] = []
        parent: int | None = None
        bs = self.block_size
        for i in range((seq.num_tokens - 1) // bs):
            h = hash_block(parent, tuple(seq.token_ids[i * bs:(i + 1) * bs]))
            block_id = self._cached.get(h)
            if block_id is None:
                break
            hits.append(block_id)
            parent = h
        return hits

    def find_cached_tail(self, seq: Sequence, cached: list[int]) -> CachedTail | None:
        """Where the rest of a prompt whose every full block is ``cached`` lies in the cache: all its
        tokens but the last (whose logits must be computed), which ``allocate`` copies into the
        block the sequence gets; None when it is not cached."""
        bs = self.block_size
        rest = seq.num_tokens - len(cached) * bs
        if (not self.enable_prefix_caching or seq.num_tokens != seq.num_prompt_tokens or rest < 2
                or len(cached) != seq.num_tokens // bs):
            return None
        parent = self.blocks[cached[-1]].block_hash if cached else None
        hit = self._tails.get(tail_key(parent, tuple(seq.token_ids[len(cached) * bs:])))
        return None if hit is None else CachedTail(hit, rest - 1)

    def can_allocate(self, seq: Sequence, cached: list[int], num_new_tokens: int,
                     tail: CachedTail | None = None) -> bool:
        num_cached_tokens = len(cached) * self.block_size + (tail.num_slots if tail else 0)
        new_blocks = self.blocks_needed(num_cached_tokens + num_new_tokens) - len(cached)
        revived = sum(1 for b in cached if self.blocks[b].ref_count == 0)  # they leave the free list
        return new_blocks + revived <= self.num_free_blocks

    def allocate(self, seq: Sequence, cached: list[int], num_new_tokens: int,
                 tail: CachedTail | None = None) -> BlockCopy | None:
        """Give the sequence its cached blocks and room for ``num_new_tokens`` more; with a cached
        ``tail``, the copy the model runner must make into the sequence's new block first."""
        assert not seq.block_table, "sequence already holds blocks"
        for block_id in cached:
            block = self.blocks[block_id]
            if block.ref_count == 0:
                del self._free[block_id]
            block.ref_count += 1
            seq.block_table.append(block_id)
            seq.block_hashes.append(block.block_hash)  # type: ignore[arg-type]
        seq.num_computed_tokens = seq.num_cached_tokens = (len(cached) * self.block_size
                                                           + (tail.num_slots if tail else 0))
        if self.enable_prefix_caching:
            self.prefix_queries += seq.num_tokens
            self.prefix_hits += seq.num_cached_tokens
        self.append_slots(seq, num_new_tokens)
        if tail is None:
            return None
        # (if the new block is the source itself, popped from the free list, its slots are intact)
        return BlockCopy(tail.src, seq.block_table[len(cached)], tail.num_slots)

    # ---- growth -----------------------------------------------------------------------------

    def can_append(self, seq: Sequence, num_new_tokens: int) -> bool:
        need = self.blocks_needed(seq.num_computed_tokens + num_new_tokens) - len(seq.block_table)
        return need <= self.num_free_blocks

    def append_slots(self, seq: Sequence, num_new_tokens: int) -> None:
        need = self.blocks_needed(seq.num_computed_tokens + num_new_tokens) - len(seq.block_table)
        assert need <= self.num_free_blocks, "append_slots without can_append"
        for _ in range(need):
            seq.block_table.append(self._pop_free())

    def _pop_free(self) -> int:
        block_id, _ = self._free.popitem(last=False)
        block = self.blocks[block_id]
        assert block.ref_count == 0
        if block.block_hash is not None:  # evict its cached content
            if self._cached.get(block.block_hash) == block_id:
                del self._cached[block.block_hash]
            block.block_hash = None
        if block.tail_key is not None:
            del self._tails[block.tail_key]
            block.tail_key = None
        block.ref_count = 1
        return block_id

    # ---- after a step -----------------------------------------------------------------------

    def cache_full_blocks(self, seq: Sequence) -> None:
        """Publish the sequence's newly completed blocks for prefix reuse."""
        if not self.enable_prefix_caching:
            return
        bs = self.block_size
        num_full = min(seq.num_computed_tokens, seq.num_tokens) // bs
        parent = seq.block_hashes[-1] if seq.block_hashes else None
        for i in range(len(seq.block_hashes), num_full):
            h = hash_block(parent, tuple(seq.token_ids[i * bs:(i + 1) * bs]))
            block = self.blocks[seq.block_table[i]]
            if block.block_hash is None and h not in self._cached:
                block.block_hash = h
                self._cached[h] = block.block_id
            seq.block_hashes.append(h)
            parent = h
        self._publish_tail(seq)

    def _publish_tail(self, seq: Sequence) -> None:
        """Once its prompt is computed, the prompt's partial last block (2 or more tokens)."""
        bs = self.block_size
        n, full = seq.num_prompt_tokens, seq.num_prompt_tokens // bs
        if n % bs < 2 or seq.num_computed_tokens < n or len(seq.block_hashes) < full:
            return
        block = self.blocks[seq.block_table[full]]
        if block.tail_key is not None:
            return
        key = tail_key(seq.block_hashes[full - 1] if full else None, tuple(seq.token_ids[full * bs:n]))
        if key not in self._tails:
            block.tail_key = key
            self._tails[key] = block.block_id

    # ---- release ----------------------------------------------------------------------------

    def free(self, seq: Sequence) -> None:
        for block_id in reversed(seq.block_table):
            block = self.blocks[block_id]
            assert block.ref_count > 0, f"double free of block {block_id}"
            block.ref_count -= 1
            if block.ref_count == 0:
                self._free[block_id] = None
                if block.block_hash is None and block.tail_key is None:
                    self._free.move_to_end(block_id, last=False)  # holds nothing reusable
        seq.block_table = []
        seq.block_hashes = []
        seq.num_computed_tokens = 0  # num_cached_tokens stays: it is reported with the output

    def check_invariants(self) -> None:
        """Expensive consistency check, for tests."""
        for block in self.blocks:
            assert (block.ref_count == 0) == (block.block_id in self._free), block
        for h, block_id in self._cached.items():
            assert self.blocks[block_id].block_hash == h
        for key, block_id in self._tails.items():
            assert self.blocks[block_id].tail_key == key
