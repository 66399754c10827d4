"""Continuous batching under one rule: a per-step token budget, running sequences first.

Each step every running sequence asks for the tokens it still lacks (one for a decode, a chunk
for an unfinished prefill), then waiting sequences are admitted FCFS while budget, sequence slots
and KV blocks last. When blocks run out a running sequence is preempted (newest first): its blocks
are freed and it is recomputed later from its tokens, so its output is unchanged.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ketch.config import SchedulerConfig
from ketch.engine.block_manager import BlockCopy, BlockManager
from ketch.engine.sequence import Sequence, SequenceStatus


@dataclass(slots=True)
class SchedulerOutput:
    scheduled: list[tuple[Sequence, int]] = field(default_factory=list)  # (sequence, num new tokens)
    preempted: list[Sequence] = field(default_factory=list)
    copies: list[BlockCopy] = field(default_factory=list)  # KV slots to copy before the step runs

    @property
    def is_empty(self) -> bool:
        return not self.scheduled

    @property
    def num_tokens(self) -> int:
        return sum(n for _, n in self.scheduled)


class Scheduler:
    def __init__(self, config: SchedulerConfig, block_manager: BlockManager) -> None:
        self.config = config
        self.block_manager = block_manager
        self.waiting: deque[Sequence] = deque()
        self.running: list[Sequence] = []
        self.num_preemptions = 0

    def add(self, seq: Sequence) -> None:
        self.waiting.append(seq)

    def has_unfinished(self) -> bool:
        return bool(self.waiting or self.running)

    def schedule(self) -> SchedulerOutput:
        out = SchedulerOutput()
        budget = self._schedule_running(out, self.config.max_num_batched_tokens)
        if not out.preempted:
            self._schedule_waiting(out, budget)
        return out

    def _schedule_running(self, out: SchedulerOutput, budget: int) -> int:
        i = 0
        while i < len(self.running) and budget > 0:
            seq = self.running[i]
            num_new = min(seq.num_tokens - seq.num_computed_tokens, budget)
            assert num_new > 0, f"running sequence with nothing to compute: {seq}"
            while not self.block_manager.can_append(seq, num_new):
                victim = self.running.pop()
                self._preempt(victim)
                out.preempted.append(victim)
                if victim is seq:
                    break
            else:
                self.block_manager.append_slots(seq, num_new)
                out.scheduled.append((seq, num_new))
                budget -= num_new
                i += 1
                continue
            break  # seq itself was preempted: nothing after it is left either
        return budget

    def _schedule_waiting(self, out: SchedulerOutput, budget: int) -> None:
        bm = self.block_manager
        while self.waiting and budget > 0 and len(self.running) < self.config.max_num_seqs:
            seq = self.waiting[0]
            cached = bm.find_cached_prefix(seq)
            tail = bm.find_cached_tail(seq, cached)
            skipped = len(cached) * bm.block_size + (tail.num_slots if tail else 0)
            num_new = min(seq.num_tokens - skipped, budget)
            if not bm.can_allocate(seq, cached, num_new, tail):
                break
            copy = bm.allocate(seq, cached, num_new, tail)
            if copy is not None:
                out.copies.append(copy)
            self.waiting.popleft()
            seq.status = SequenceStatus.RUNNING
            self.running.append(seq)
            out.scheduled.append((seq, num_new))
            budget -= num_new

    def _preempt(self, seq: Sequence) -> None:
        self.block_manager.free(seq)
        seq.status = SequenceStatus.WAITING
        self.waiting.appendleft(seq)
        self.num_preemptions += 1

    def finish(self, seq: Sequence, status: SequenceStatus) -> None:
        """Take a sequence out of the queues for good and release its blocks."""
        assert status.is_finished
        if seq in self.running:
            self.running.remove(seq)
        elif seq in self.waiting:
            self.waiting.remove(seq)
        self.block_manager.free(seq)
        seq.status = status

    def abort(self, seqs: list[Sequence]) -> None:
        for seq in seqs:
            if not seq.is_finished:
                self.finish(seq, SequenceStatus.FINISHED_ABORTED)
