"""Paged attention over a block-structured KV cache.

The cache of one layer is a pair of tensors ``[num_blocks, block_size, kv_heads, row]``: float
rows of ``head_dim`` or int8 rows with their scale (layers/kv_cache.py).
Each step's tokens are flat: decode tokens (one per sequence) first, then prefill chunks.
Decodes are attended in one batched call over K/V gathered through their block tables (with the
fused op: over the block tables themselves, joined by short prompt chunks over cached context,
row by row); each other prefill chunk is attended on its own (its queries form a dense block).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F

from ketch.kernels import load_ops
from ketch.layers import kv_cache as kv_cache_store


@dataclass(slots=True)
class PrefillSpan:
    """One sequence's chunk of query tokens inside the flat batch."""

    start: int  # first flat token index of the chunk
    end: int  # one past the last
    num_computed: int  # tokens of this sequence already in the cache before this chunk
    gather: torch.Tensor | None  # [context_len] cache slots of positions 0..context_len-1; None: no prior context
    mask: torch.Tensor | None  # [q, context_len] bool, True = attend; None: plain causal
    window_mask: torch.Tensor | None  # same for sliding-window layers; None: as `mask`


@dataclass(slots=True)
class AttentionMetadata:
    """Everything attention needs for one step; built once by the model runner, shared by all layers."""

    slot_mapping: torch.Tensor  # [num_tokens] flat cache slot each new token's K/V is written to
    num_decodes: int  # decode tokens come first in the flat batch
    decode_gather: torch.Tensor | None  # [num_decodes, max_context] cache slots (padding: slot 0)
    decode_mask: torch.Tensor | None  # [num_decodes, 1, 1, max_context] bool, True = attend
    decode_window_mask: torch.Tensor | None  # same restricted to the sliding window
    prefills: list[PrefillSpan] = field(default_factory=list)
    # Set instead of decode_gather/decode_mask when the fused decode op runs:
    decode_block_table: torch.Tensor | None = None  # [num_decodes, max_blocks] int64
    decode_context_lens: torch.Tensor | None = None  # [num_decodes] int64
    sliding_window: int | None = None

    @property
    def paged_rows(self) -> int:
        """Leading rows attended as decodes: the decodes, then (with the fused op, whose block table
        and lengths have one row each) short prompt chunks over cached context, row by row."""
        return self.num_decodes if self.decode_context_lens is None else len(self.decode_context_lens)

    def window_for(self, is_sliding: bool) -> int:
        """The fused decode ops' window argument for a layer: 0 means the whole context."""
        return self.sliding_window if is_sliding and self.sliding_window else 0


def prefill_span(start: int, num_computed: int, num_new: int, gather: torch.Tensor | None,
                 window: int | None, device: torch.device) -> PrefillSpan:
    """The chunk of ``num_new`` tokens at flat index ``start`` after ``num_computed`` cached ones:
    ``gather`` ([context_len] slots) and a causal mask where there is cached context (else plain
    causal attention over the chunk's own K/V), a window mask where the context passes the window."""
    ctx_len = num_computed + num_new
    span = PrefillSpan(start, start + num_new, num_computed, None, None, None)
    q_pos = torch.arange(num_computed, ctx_len).unsqueeze(1)
    k_pos = torch.arange(ctx_len).unsqueeze(0)
    if num_computed:
        span.gather = gather
        span.mask = (k_pos <= q_pos).to(device)
    if window is not None and ctx_len > window:
        span.window_mask = ((k_pos <= q_pos) & (k_pos > q_pos - window)).to(device)
    return span


def prefill_metadata(slots: torch.Tensor, window: int | None, start: int = 0) -> AttentionMetadata:
    """Metadata for positions ``start``.. of one sequence whose K/V go to ``slots[start:]``, in one
    chunk over the positions before it already in the cache (scoring and calibration runs, outside
    the scheduler); start 0: the whole sequence from position 0."""
    span = prefill_span(0, start, slots.shape[0] - start, slots, window, slots.device)
    return AttentionMetadata(slots[start:], 0, None, None, None, [span], sliding_window=window)


def _attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None,
            scale: float, softcap: float | None) -> torch.Tensor:
    """q: [B, Hq, q, D]; k, v: [B, Hkv, k, D]; mask bool broadcastable to [B, Hq, q, k] or None (causal)."""
    if softcap is None:
        gqa = q.shape[1] != k.shape[1]
        return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=mask is None,
                                              scale=scale, enable_gqa=gqa)
    # Soft-capping (gemma2) sits between the dot product and the softmax: no fused kernel has it.
    rep = q.shape[1] // k.shape[1]
    if rep > 1:
        k, v = k.repeat_interleave(rep, dim=1), v.repeat_interleave(rep, dim=1)
    scores = torch.matmul(q, k.transpose(-1, -2)).float() * scale
    scores = torch.tanh(scores / softcap) * softcap
    if mask is None:
        n_q, n_k = q.shape[-2], k.shape[-2]
        mask = torch.ones(n_q, n_k, dtype=torch.bool, device=q.device).tril(n_k - n_q)
    scores = scores.masked_fill(~mask, float("-inf"))
    return torch.matmul(torch.softmax(scores, dim=-1).to(v.dtype), v)


def paged_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                    kv_cache: tuple[torch.Tensor, torch.Tensor], meta: AttentionMetadata,
                    scale: float, is_sliding: bool, softcap: float | None) -> torch.Tensor:
    """q: [T, Hq, D]; k, v: [T, Hkv, D]. Writes k/v into the cache, returns [T, Hq, D]."""
    k_cache, v_cache = kv_cache
    kv_cache_store.write(k_cache, meta.slot_mapping, k)
    kv_cache_store.write(v_cache, meta.slot_mapping, v)

    out = torch.empty_like(q)
    nd = meta.num_decodes
    if meta.decode_block_table is not None:  # the runner chose the fused op
        window, rows = meta.window_for(is_sliding), meta.paged_rows
        out[:rows] = load_ops().paged_decode_attention(q[:rows], k_cache, v_cache, meta.decode_block_table,
                                                       meta.decode_context_lens, scale, window, softcap or 0.0)
    elif nd:
        idx = meta.decode_gather
        kd = kv_cache_store.read(k_cache, idx, q.dtype).transpose(1, 2)  # [nd, Hkv, L, D]
        vd = kv_cache_store.read(v_cache, idx, q.dtype).transpose(1, 2)
        mask = meta.decode_window_mask if is_sliding and meta.decode_window_mask is not None \
            else meta.decode_mask
        out[:nd] = _attend(q[:nd].unsqueeze(2), kd, vd, mask, scale, softcap).squeeze(2)
    for span in meta.prefills:
        qs = q[span.start:span.end].transpose(0, 1).unsqueeze(0)  # [1, Hq, q, D]
        if span.gather is None:
            ks = k[span.start:span.end].transpose(0, 1).unsqueeze(0)
            vs = v[span.start:span.end].transpose(0, 1).unsqueeze(0)
        else:
            ks = kv_cache_store.read(k_cache, span.gather, q.dtype).transpose(0, 1).unsqueeze(0)
            vs = kv_cache_store.read(v_cache, span.gather, q.dtype).transpose(0, 1).unsqueeze(0)
        mask = span.window_mask if is_sliding and span.window_mask is not None else span.mask
        out[span.start:span.end] = _attend(qs, ks, vs, mask, scale, softcap).squeeze(0).transpose(0, 1)
    return out
