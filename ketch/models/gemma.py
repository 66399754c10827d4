"""Gemma family: gemma, gemma2, gemma3 (text).

Differences from llama, all expressed as overrides: norms compute with ``(1 + w)``, embeddings are
scaled by sqrt(hidden), gemma2/3 wrap attention and MLP in extra norms, soft-cap logits, alternate
sliding-window and global layers, and (gemma3) use a separate rope base for local layers.
"""
from __future__ import annotations

import torch

from ketch.config import ModelConfig
from ketch.layers.rotary import RotaryEmbedding
from ketch.models.llama import LlamaForCausalLM


class GemmaForCausalLM(LlamaForCausalLM):
    norm_offset = True

    def __init__(self, cfg: ModelConfig, device: torch.device, dtype: torch.dtype) -> None:
        self.sandwich_norms = cfg.model_type in ("gemma2", "gemma3_text")
        super().__init__(cfg, device, dtype)
        self._embed_scale = float(cfg.hidden_size) ** 0.5

    def _make_ropes(self, cfg: ModelConfig, device: torch.device, dtype: torch.dtype) -> list[RotaryEmbedding]:
        global_rope = RotaryEmbedding(cfg.head_dim, cfg.max_position_embeddings, cfg.rope_theta,
                                      cfg.rope_scaling, device, dtype)
        if cfg.rope_local_base_freq is None:
            return [global_rope] * cfg.num_hidden_layers
        local_rope = RotaryEmbedding(cfg.head_dim, cfg.max_position_embeddings, cfg.rope_local_base_freq,
                                     None, device, dtype)
        return [local_rope if sliding else global_rope for sliding in cfg.layer_is_sliding]

    def embed(self, input_ids: torch.Tensor) -> torch.Tensor:
        x = self.embed_tokens(input_ids)
        # The reference rounds the scale to the activation dtype before multiplying.
        return x * torch.tensor(self._embed_scale, dtype=x.dtype)
