"""Read GGUF files: metadata as a HF-style config, tensors under HF names, tokenizer fields.

GGUF stores llama-family Q/K projections permuted for llama.cpp's interleaved rope and gemma
norm weights with +1 folded in; both are undone here so every format feeds one model code path.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch

from ketch.formats.gguf_header import GGUFFormatError, GGUFHeader
from ketch.quant.packed import PackedWeight, is_packable, pack_gguf

_ARCH_TO_HF = {
    "llama": ("LlamaForCausalLM", "llama"),
    "mistral": ("MistralForCausalLM", "mistral"),
    "qwen2": ("Qwen2ForCausalLM", "qwen2"),
    "gemma": ("GemmaForCausalLM", "gemma"),
    "gemma2": ("Gemma2ForCausalLM", "gemma2"),
    "gemma3": ("Gemma3ForCausalLM", "gemma3_text"),
}

_LAYER_NAMES = {
    "attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj", "attn_q_norm": "self_attn.q_norm", "attn_k_norm": "self_attn.k_norm",
    "attn_norm": "input_layernorm", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj", "post_attention_norm": "post_attention_layernorm",
    "post_ffw_norm": "post_feedforward_layernorm",
}
_TOP_NAMES = {"token_embd": "model.embed_tokens", "output_norm": "model.norm", "output": "lm_head"}
_BLOCK_RE = re.compile(r"^blk\.(\d+)\.([a-z_]+)\.(weight|bias)$")


class GGUFError(ValueError):
    """A GGUF file that cannot be read or is not a model we support."""


def open_reader(path: Path, data: bytearray | None = None) -> GGUFHeader:
    """Parse a GGUF file's header; its tensors stay in the memory-mapped file (or ``data``, the
    file's bytes in memory) until read."""
    try:
        return GGUFHeader(path, data)
    except (GGUFFormatError, OSError) as exc:
        raise GGUFError(f"{path}: not a readable GGUF file ({exc})") from exc


def read_metadata(reader: GGUFHeader) -> dict[str, Any]:
    """All key/value fields of an open GGUF file as plain Python values."""
    meta: dict[str, Any] = dict(reader.fields)
    meta["__tensor_names__"] = [t.name for t in reader.tensors]
    for t in reader.tensors:
        if t.name == "rope_freqs.weight":
            meta["__rope_freqs__"] = [float(x) for x in np.asarray(t.data, dtype=np.float32).reshape(-1)]
    meta["__tensor_types__"] = [t.tensor_type.name for t in reader.tensors]
    return meta


def hf_config_from_metadata(meta: dict[str, Any]) -> dict[str, Any]:
    """Rewrite GGUF metadata into the dict shape of a HF ``config.json``."""
    arch = meta.get("general.architecture")
    if arch not in _ARCH_TO_HF:
        from ketch.models.registry import supported_architectures
        raise GGUFError(f"unsupported GGUF architecture {arch!r}; supported: "
                        f"{', '.join(sorted(_ARCH_TO_HF))} (as {', '.join(supported_architectures())})")
    hf_arch, model_type = _ARCH_TO_HF[arch]

    def get(key: str, default: Any = None) -> Any:
        return meta.get(f"{arch}.{key}", default)

    names = set(meta["__tensor_names__"])
    n_heads = int(get("attention.head_count"))
    hidden = int(get("embedding_length"))
    head_dim = int(get("attention.key_length") or hidden // n_heads)
    n_kv = get("attention.head_count_kv", n_heads)
    if isinstance(n_kv, list):  # per-layer counts: we need one value
        n_kv = n_kv[0]
    vocab = int(get("vocab_size") or len(meta.get("tokenizer.ggml.tokens", [])))
    cfg: dict[str, Any] = {
        "architectures": [hf_arch],
        "model_type": model_type,
        "vocab_size": vocab,
        "hidden_size": hidden,
        "intermediate_size": int(get("feed_forward_length")),
        "num_hidden_layers": int(get("block_count")),
        "num_attention_heads": n_heads,
        "num_key_value_heads": int(n_kv),
        "head_dim": head_dim,
        "max_position_embeddings": int(get("context_length", 2048)),
        "rms_norm_eps": float(get("attention.layer_norm_rms_epsilon", 1e-6)),
        "rope_theta": float(get("rope.freq_base", 10000.0)),
        "tie_word_embeddings": "output.weight" not in names,
        "attention_bias": "blk.0.attn_q.bias" in names,
        "bos_token_id": meta.get("tokenizer.ggml.bos_token_id"),
        "eos_token_id": meta.get("tokenizer.ggml.eos_token_id"),
    }
    scaling_type = get("rope.scaling.type")
    if scaling_type and scaling_type != "none":
        cfg["rope_scaling"] = {"rope_type": scaling_type, "factor": float(get("rope.scaling.factor", 1.0))}
    if get("attention.sliding_window"):
        cfg["sliding_window"] = int(get("attention.sliding_window"))
        pattern = get("attention.sliding_window_pattern")
        if isinstance(pattern, list):  # newer files: one bool per layer
            cfg["layer_types"] = ["sliding_attention" if p else "full_attention" for p in pattern]
        elif pattern:
            cfg["sliding_window_pattern"] = int(pattern)
    if model_type in ("gemma2", "gemma3_text"):
        cfg["hidden_activation"] = "gelu_pytorch_tanh"
        cfg["query_pre_attn_scalar"] = head_dim
        if model_type == "gemma2" and hidden == 4608:  # gemma2-27b scales by hidden/heads (as llama.cpp)
            cfg["query_pre_attn_scalar"] = hidden // n_heads
        for key in ("attn_logit_softcapping", "final_logit_softcapping"):
            if get(key):
                cfg[key] = float(get(key))
        if model_type == "gemma3_text":
            cfg["rope_local_base_freq"] = float(get("rope.freq_base_swa", 10000.0))
    if model_type == "gemma":
        cfg["hidden_activation"] = "gelu_pytorch_tanh"
    if "rope_freqs.weight" in names:
        # llama3-style scaling is stored as per-frequency divisors (llama.cpp's rope_freqs tensor).
        cfg["rope_scaling"] = {"rope_type": "freq_factors", "factors": meta["__rope_freqs__"]}
    if model_type == "qwen2" and "sliding_window" in cfg:
        cfg["use_sliding_window"] = False
    return cfg


def _hf_name(name: str) -> str | None:
    if name.endswith(".weight") and name[:-7] in _TOP_NAMES:
        return _TOP_NAMES[name[:-7]] + ".weight"
    m = _BLOCK_RE.match(name)
    if not m:
        return None
    layer, part, kind = m.groups()
    return f"model.layers.{layer}.{_LAYER_NAMES[part]}.{kind}" if part in _LAYER_NAMES else None


def _ffn_norm_name(model_type: str) -> str:
    # llama.cpp's "ffn_norm" is the norm before the MLP; gemma2/3 also have post norms.
    return "pre_feedforward_layernorm" if model_type in ("gemma2", "gemma3_text") else "post_attention_layernorm"


def _unpermute_rows(t: torch.Tensor, n_heads: int) -> torch.Tensor:
    """Undo llama.cpp's Q/K row permutation (interleaved rope -> rotate-half rope); works on float
    weights and on the row-aligned planes of packed ones alike."""
    rows = t.shape[0]
    return t.reshape(n_heads, rows // n_heads // 2, 2, -1).transpose(1, 2).reshape(rows, *t.shape[1:]).contiguous()


def iter_tensors(reader: GGUFHeader, hf_cfg: dict[str, Any], keep_packed: bool = False
                 ) -> Iterator[tuple[str, torch.Tensor | PackedWeight]]:
    """Yield (HF name, tensor) for every tensor.

    Quantized blocks are dequantized to float32, except that with ``keep_packed`` the 2-D weights
    of types the kernels read (Q4_0, Q4_1, Q8_0) come as :class:`PackedWeight`.
    """
    from gguf.quants import dequantize

    path = reader.path
    model_type = hf_cfg["model_type"]
    is_gemma = model_type.startswith("gemma")
    permute = model_type in ("llama", "mistral")
    for t in reader.tensors:
        name = t.name
        m = _BLOCK_RE.match(name)
        if m and m.group(2) == "ffn_norm":
            hf = f"model.layers.{m.group(1)}.{_ffn_norm_name(model_type)}.{m.group(3)}"
        else:
            hf = _hf_name(name)
        if hf is None:
            continue  # e.g. rope_freqs: read with the metadata
        heads = None
        if permute and hf.endswith(("q_proj.weight", "q_proj.bias")):
            heads = hf_cfg["num_attention_heads"]
        elif permute and hf.endswith(("k_proj.weight", "k_proj.bias")):
            heads = hf_cfg["num_key_value_heads"]
        shape = [int(d) for d in reversed(t.shape)]
        if keep_packed and len(shape) == 2 and is_packable(t.tensor_type.name):
            try:
                packed = pack_gguf(t.tensor_type.name, np.asarray(t.data), (shape[0], shape[1]))
            except ValueError as exc:
                raise GGUFError(f"{path}: tensor {name}: {exc}") from exc
            if heads:
                packed = PackedWeight(packed.scheme, _unpermute_rows(packed.qs, heads),
                                      _unpermute_rows(packed.d, heads),
                                      _unpermute_rows(packed.m, heads) if packed.m is not None else None,
                                      packed.source_type)
            yield hf, packed
            continue
        try:
            arr = dequantize(t.data, t.tensor_type)
        except (NotImplementedError, ValueError) as exc:
            raise GGUFError(f"{path}: tensor {name} of type {t.tensor_type.name} cannot be read ({exc})") from exc
        tensor = torch.from_numpy(np.array(arr, dtype=np.float32).reshape(shape))  # writable, off the file
        if heads:
            tensor = _unpermute_rows(tensor, heads)
        if is_gemma and hf.endswith("norm.weight"):
            tensor = tensor - 1.0  # llama.cpp's converter stored (1 + w); our norms add the 1
        yield hf, tensor


def quantization_summary(meta: dict[str, Any]) -> str:
    """The dominant tensor type of a GGUF file, e.g. 'Q4_1'."""
    types = [t for t in meta.get("__tensor_types__", []) if t not in ("F32",)]
    if not types:
        return "F32"
    return max(set(types), key=types.count)
