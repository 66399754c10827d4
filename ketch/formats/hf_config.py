"""Turn a Hugging Face ``config.json`` dict into our :class:`ModelConfig`.

GGUF metadata is first rewritten into the same dict shape (see ``gguf.py``), so this
is the one place that knows each family's quirks.
"""
from __future__ import annotations

from typing import Any

from ketch.config import ModelConfig
from ketch.models.registry import check_supported

_GEMMA_TYPES = {"gemma", "gemma2", "gemma3_text"}


def _rope(cfg: dict[str, Any]) -> tuple[float, dict[str, Any] | None, float | None]:
    """Return (global theta, scaling dict or None, local theta or None).

    transformers >= 5 writes ``rope_parameters`` (per layer type for gemma3); older
    files write ``rope_theta`` and ``rope_scaling``.
    """
    params = cfg.get("rope_parameters")
    local_theta = cfg.get("rope_local_base_freq")
    if isinstance(params, dict) and "full_attention" in params:
        local = params.get("sliding_attention") or {}
        local_theta = local.get("rope_theta", local_theta)
        params = params["full_attention"]
    if isinstance(params, dict):
        theta = float(params.get("rope_theta", cfg.get("rope_theta", 10000.0)))
        scaling = {k: v for k, v in params.items() if k != "rope_theta"}
    else:
        theta = float(cfg.get("rope_theta", 10000.0))
        scaling = dict(cfg["rope_scaling"]) if cfg.get("rope_scaling") else None
    if scaling is not None:
        kind = scaling.get("rope_type", scaling.get("type", "default"))
        scaling = None if kind == "default" else {**scaling, "rope_type": kind}
    return theta, scaling, (float(local_theta) if local_theta is not None else None)


def _layer_is_sliding(cfg: dict[str, Any], model_type: str, n_layers: int,
                      window: int | None) -> list[bool]:
    if window is None:
        return [False] * n_layers
    if cfg.get("layer_types"):
        return [t == "sliding_attention" for t in cfg["layer_types"]]
    if model_type == "gemma2":
        return [i % 2 == 0 for i in range(n_layers)]
    if model_type == "gemma3_text":
        pattern = int(cfg.get("sliding_window_pattern", 6))
        return [(i + 1) % pattern != 0 for i in range(n_layers)]
    if model_type == "qwen2":
        first = int(cfg.get("max_window_layers", n_layers))
        return [i >= first for i in range(n_layers)]
    return [True] * n_layers


def _eos_ids(cfg: dict[str, Any]) -> list[int]:
    eos = cfg.get("eos_token_id")
    if eos is None:
        return []
    return [int(e) for e in eos] if isinstance(eos, list) else [int(eos)]


def model_config_from_hf(cfg: dict[str, Any]) -> ModelConfig:
    """Build a :class:`ModelConfig` from a ``config.json`` dict; unknown families fail clearly."""
    architectures = cfg.get("architectures") or []
    architecture = check_supported(architectures[0] if architectures else str(cfg.get("model_type")))
    if "text_config" in cfg and "hidden_size" not in cfg:
        raise ValueError(f"{architecture}: multimodal checkpoints are not supported; "
                         "load the text-only model instead")
    model_type = str(cfg.get("model_type", "llama"))
    n_layers = int(cfg["num_hidden_layers"])
    n_heads = int(cfg["num_attention_heads"])
    hidden = int(cfg["hidden_size"])
    theta, scaling, local_theta = _rope(cfg)
    is_gemma = model_type in _GEMMA_TYPES
    window = cfg.get("sliding_window")
    if model_type == "qwen2" and not cfg.get("use_sliding_window", False):
        window = None
    if model_type == "gemma":
        window = None
    window = int(window) if window else None
    act = cfg.get("hidden_activation") or cfg.get("hidden_act") or "silu"
    if is_gemma and act == "gelu":
        # transformers runs Gemma's "gelu" as the tanh approximation (see its GemmaMLP).
        act = "gelu_pytorch_tanh"
    return ModelConfig(
        architecture=architecture,
        model_type=model_type,
        vocab_size=int(cfg["vocab_size"]),
        hidden_size=hidden,
        intermediate_size=int(cfg["intermediate_size"]),
        num_hidden_layers=n_layers,
        num_attention_heads=n_heads,
        num_key_value_heads=int(cfg.get("num_key_value_heads") or n_heads),
        head_dim=int(cfg.get("head_dim") or hidden // n_heads),
        max_position_embeddings=int(cfg.get("max_position_embeddings", 2048)),
        rms_norm_eps=float(cfg.get("rms_norm_eps", 1e-6)),
        rope_theta=theta,
        rope_scaling=scaling,
        rope_local_base_freq=local_theta if model_type == "gemma3_text" else None,
        tie_word_embeddings=bool(cfg.get("tie_word_embeddings", is_gemma)),
        attention_bias=bool(cfg.get("attention_bias", model_type == "qwen2")),
        mlp_bias=bool(cfg.get("mlp_bias", False)),
        hidden_act=str(act),
        sliding_window=window,
        layer_is_sliding=_layer_is_sliding(cfg, model_type, n_layers, window),
        query_pre_attn_scalar=(float(cfg["query_pre_attn_scalar"])
                               if cfg.get("query_pre_attn_scalar") and model_type != "gemma" else None),
        attn_logit_softcapping=(float(cfg["attn_logit_softcapping"])
                                if cfg.get("attn_logit_softcapping") else None),
        final_logit_softcapping=(float(cfg["final_logit_softcapping"])
                                 if cfg.get("final_logit_softcapping") else None),
        use_qk_norm=model_type == "gemma3_text",
        bos_token_id=cfg.get("bos_token_id"),
        eos_token_ids=_eos_ids(cfg),
    )
