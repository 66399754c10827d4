"""Turns a SchedulerOutput into one forward pass over a flat, mixed prefill+decode batch."""
from __future__ import annotations

from dataclasses import dataclass

import torch

from ketch.config import CacheConfig, ModelConfig
from ketch.engine.scheduler import SchedulerOutput
from ketch.engine.sequence import Sequence
from ketch.kernels import load_ops
from ketch.layers import kv_cache
from ketch.layers.attention import AttentionMetadata, prefill_span


@dataclass(slots=True)
class ModelRunnerOutput:
    seqs: list[Sequence]  # sequences that produced next-token logits this step, in row order
    logits: torch.Tensor  # [len(seqs), vocab] float32


class ModelRunner:
    def __init__(self, model: torch.nn.Module, model_config: ModelConfig, cache_config: CacheConfig,
                 num_blocks: int, device: torch.device, dtype: torch.dtype,
                 kv_dtype: torch.dtype | None = None) -> None:
        self.model = model
        self.config = model_config
        self.block_size = cache_config.block_size
        self.device = device
        self.window = model_config.sliding_window if any(model_config.layer_is_sliding) else None
        # Decode attention through the fused C++ op (fp32 on CPU) when it is built.
        self.fused_decode = device.type == "cpu" and dtype == torch.float32 and load_ops() is not None
        kv_dtype = kv_dtype or dtype  # the fused decode op reads fp32, fp16, bf16 and int8 caches
        side = (num_blocks, self.block_size, model_config.num_key_value_heads, model_config.head_dim, kv_dtype, device)
        self.kv_caches = [(kv_cache.allocate(*side), kv_cache.allocate(*side))
                          for _ in range(model_config.num_hidden_layers)]

    @torch.inference_mode()
    def execute(self, sched: SchedulerOutput) -> ModelRunnerOutput:
        for copy in sched.copies:  # cached prompt tails into their new owners' blocks, every layer
            for k_cache, v_cache in self.kv_caches:
                k_cache[copy.dst, :copy.num_slots] = k_cache[copy.src, :copy.num_slots]
                v_cache[copy.dst, :copy.num_slots] = v_cache[copy.src, :copy.num_slots]
        # Decodes (one generated token) first: attention batches them in one call, and packed
        # linears in batch-invariant mode run exactly these rows through their kernel.
        # Then short chunks over cached context, which attention takes with the decodes (below).
        batch = sorted(sched.scheduled, key=lambda item: 0 if _is_decode(*item) else 1 if self._paged(*item) else 2)
        input_ids, positions, slots = [], [], []
        sample_rows: list[int] = []
        sample_seqs: list[Sequence] = []
        bs = self.block_size
        for seq, n in batch:
            start = seq.num_computed_tokens
            input_ids.extend(seq.token_ids[start:start + n])
            pos = range(start, start + n)
            positions.extend(pos)
            table = seq.block_table
            slots.extend(table[p // bs] * bs + p % bs for p in pos)
            if start + n == seq.num_tokens:
                sample_rows.append(len(input_ids) - 1)
                sample_seqs.append(seq)
        dev = self.device
        ids_t = torch.tensor(input_ids, dtype=torch.long, device=dev)
        pos_t = torch.tensor(positions, dtype=torch.long, device=dev)
        meta = self._attention_metadata(batch, torch.tensor(slots, dtype=torch.long, device=dev))
        hidden = self.model(ids_t, pos_t, self.kv_caches, meta)
        if not sample_rows:  # only prompt chunks that end before their prompt does: nothing to sample
            return ModelRunnerOutput([], hidden.new_empty((0, self.config.vocab_size)))
        rows = torch.tensor(sample_rows, dtype=torch.long, device=dev)
        # sampled rows keep the batch's order, decodes first: the first num_decodes are generated tokens
        logits = self.model.compute_logits(hidden.index_select(0, rows), meta.num_decodes)
        return ModelRunnerOutput(sample_seqs, logits)

    def _paged(self, seq: Sequence, num_new: int) -> bool:
        """A prompt chunk attended row by row through the fused decode op, as if each row were a
        decode: a short chunk after cached context (a prefix-cache hit's tail), where the per-chunk
        gather, mask and dense call cost more than the rows' attention (measured: 22 chunks of 6
        tokens after 32 cached ones, 169 of 451 ms of a step on Zen 3), or a prompt's first chunk
        of up to PAGED_PROMPT_ROWS rows. A rule on the chunk alone, so a request takes the same
        path whatever shares its step."""
        nc = seq.num_computed_tokens
        if not self.fused_decode or _is_decode(seq, num_new):
            return False
        return num_new <= PAGED_PROMPT_ROWS if nc == 0 else num_new * (nc + num_new) <= PAGED_CHUNK_WORK

    def _attention_metadata(self, batch: list[tuple[Sequence, int]], slot_mapping: torch.Tensor) -> AttentionMetadata:
        bs, dev, window = self.block_size, self.device, self.window
        decodes = [seq for seq, n in batch if _is_decode(seq, n)]
        paged = [(seq, n) for seq, n in batch[len(decodes):] if self._paged(seq, n)]
        meta = AttentionMetadata(slot_mapping, len(decodes), None, None, None)
        # each row attended as a decode: its sequence's blocks, context up to its own position
        rows = [(s, s.num_computed_tokens + 1) for s in decodes]
        rows += [(s, s.num_computed_tokens + i + 1) for s, n in paged for i in range(n)]
        if rows:
            ctx = torch.tensor([c for _, c in rows], dtype=torch.long)
            max_ctx = int(ctx.max())
            max_blocks = -(-max_ctx // bs)
            table = torch.tensor([s.block_table[:max_blocks] + [0] * (max_blocks - len(s.block_table[:max_blocks]))
                                  for s, _ in rows], dtype=torch.long)
            if self.fused_decode:  # the fused op reads block tables directly: no gather, no mask
                meta.decode_block_table = table.to(dev)
                meta.decode_context_lens = ctx.to(dev)
                meta.sliding_window = window
            else:  # (no paged chunks without the fused op: rows are the decodes)
                gather = (table.unsqueeze(-1) * bs + torch.arange(bs)).view(len(decodes), -1)[:, :max_ctx]
                cols = torch.arange(max_ctx)
                mask = cols < ctx.unsqueeze(1)
                meta.decode_gather = gather.to(dev)
                meta.decode_mask = mask.view(len(decodes), 1, 1, max_ctx).to(dev)
                if window is not None:
                    wmask = mask & (cols >= (ctx - window).unsqueeze(1))
                    meta.decode_window_mask = wmask.view(len(decodes), 1, 1, max_ctx).to(dev)
        start = meta.paged_rows
        for seq, n in batch[len(decodes) + len(paged):]:
            nc = seq.num_computed_tokens
            gather = None
            if nc:  # the cached context is read back through its slots
                p = torch.arange(nc + n)
                table = torch.tensor(seq.block_table, dtype=torch.long)
                gather = (table[p // bs] * bs + p % bs).to(dev)
            meta.prefills.append(prefill_span(start, nc, n, gather, window, dev))
            start += n
        return meta


# Most (query rows x context) of a prompt chunk over cached context that attention takes row by
# row with the decodes: about where the fused op's per-row cost (8.5 GMAC/s on Zen 3) meets a
# dense call's fixed cost (0.26 ms per chunk and layer there); e.g. 16 rows after 496 cached
# tokens, or 64 after 64. Longer chunks (chunked prefill of a long prompt) stay dense.
PAGED_CHUNK_WORK = 8192
# Most rows of a prompt's first chunk (no cached context) attended row by row: against one causal
# dense call (no gather, no mask) the fused op measured 0.6-0.9x its time at every chunk of 16 to
# 512 rows (SmolLM2's heads, Zen 4, torch's AVX-512 and AVX2 kernels alike).
PAGED_PROMPT_ROWS = 512


def _is_decode(seq: Sequence, num_new: int) -> bool:
    """One new token that the model generated (a one-token prompt chunk is a prefill: its row
    must be computed the way the rest of its prompt is)."""
    return num_new == 1 and seq.num_computed_tokens >= seq.num_prompt_tokens
