"""Parameter counts and memory estimates computed from a config alone (no weights loaded)."""
from __future__ import annotations

from ketch.config import ModelConfig


def count_config_parameters(cfg: ModelConfig) -> int:
    h, i, d = cfg.hidden_size, cfg.intermediate_size, cfg.head_dim
    q, kv = cfg.num_attention_heads * d, cfg.num_key_value_heads * d
    attn = h * (q + 2 * kv) + q * h + ((q + 2 * kv) if cfg.attention_bias else 0)
    mlp = 3 * h * i + ((2 * i + h) if cfg.mlp_bias else 0)
    norms = h * (4 if cfg.model_type in ("gemma2", "gemma3_text") else 2) + (2 * d if cfg.use_qk_norm else 0)
    embed = cfg.vocab_size * h * (1 if cfg.tie_word_embeddings else 2)
    return embed + cfg.num_hidden_layers * (attn + mlp + norms) + h


def count_source_parameters(source) -> int:
    return count_config_parameters(source.config)
