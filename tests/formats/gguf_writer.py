"""Write a HF model as GGUF the way llama.cpp's converter does (test helper).

Conventions reproduced from llama.cpp's convert_hf_to_gguf: llama-arch Q/K rows permuted for
interleaved rope, gemma norm weights stored as (1 + w), llama3 rope scaling as a rope_freqs tensor.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

_ARCH = {"llama": "llama", "mistral": "llama", "qwen2": "qwen2", "gemma": "gemma", "gemma2": "gemma2",
         "gemma3_text": "gemma3"}
_PARTS = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
          "self_attn.o_proj": "attn_output", "self_attn.q_norm": "attn_q_norm", "self_attn.k_norm": "attn_k_norm",
          "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down",
          "input_layernorm": "attn_norm", "post_feedforward_layernorm": "post_ffw_norm",
          "pre_feedforward_layernorm": "ffn_norm"}


def _permute(w: np.ndarray, n_head: int) -> np.ndarray:
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def _gguf_name(hf: str, model_type: str) -> str:
    top = {"model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
           "lm_head.weight": "output.weight"}
    if hf in top:
        return top[hf]
    _, _, layer, rest = hf.split(".", 3)
    part, kind = rest.rsplit(".", 1)
    if part == "post_attention_layernorm":
        name = "post_attention_norm" if model_type in ("gemma2", "gemma3_text") else "ffn_norm"
    else:
        name = _PARTS[part]
    return f"blk.{layer}.{name}.{kind}"


def _llama3_factors(rs: dict, head_dim: int, theta: float) -> np.ndarray:
    factor, low, high = rs["factor"], rs["low_freq_factor"], rs["high_freq_factor"]
    old = rs["original_max_position_embeddings"]
    out = []
    for i in range(0, head_dim, 2):
        freq = 1.0 / (theta ** (i / head_dim))
        wavelen = 2 * math.pi / freq
        if wavelen < old / high:
            out.append(1.0)
        elif wavelen > old / low:
            out.append(factor)
        else:
            smooth = (old / wavelen - low) / (high - low)
            out.append(1 / ((1 - smooth) / factor + smooth))
    return np.array(out, dtype=np.float32)


def write_gguf(model, model_dir: Path, out: Path, quant: dict[str, str] | None = None) -> Path:
    """``quant`` maps a GGUF tensor kind ("attn_q", "ffn_up", "token_embd", ...) to a type name
    ("Q8_0", "Q4_0", "Q4_1"), quantized with gguf-py as llama.cpp's quantizer lays it out."""
    import gguf
    from gguf.quants import quantize

    cfg = json.loads((model_dir / "config.json").read_text())
    model_type = cfg["model_type"]
    arch = _ARCH[model_type]
    n_head, n_kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
    head_dim = cfg.get("head_dim") or cfg["hidden_size"] // n_head
    rope = cfg.get("rope_parameters") or {}
    rope = rope.get("full_attention", rope)
    theta = float(rope.get("rope_theta", cfg.get("rope_theta", 10000.0)))
    w = gguf.GGUFWriter(str(out), arch)
    w.add_context_length(cfg["max_position_embeddings"])
    w.add_embedding_length(cfg["hidden_size"])
    w.add_block_count(cfg["num_hidden_layers"])
    w.add_feed_forward_length(cfg["intermediate_size"])
    w.add_head_count(n_head)
    w.add_head_count_kv(n_kv)
    w.add_key_length(head_dim)
    w.add_value_length(head_dim)
    w.add_layer_norm_rms_eps(cfg["rms_norm_eps"])
    w.add_rope_freq_base(theta)
    if cfg.get("sliding_window") and model_type != "qwen2":
        w.add_sliding_window(cfg["sliding_window"])
        if cfg.get("layer_types"):
            w.add_sliding_window_pattern([t == "sliding_attention" for t in cfg["layer_types"]])
    for key in ("attn_logit_softcapping", "final_logit_softcapping"):
        if cfg.get(key):
            getattr(w, f"add_{key}")(cfg[key])
    # Tokenizer: the tiny byte-level BPE, padded to the model's vocabulary.
    tok = json.loads((model_dir / "tokenizer.json").read_text())
    vocab = dict(tok["model"]["vocab"])
    for added in tok["added_tokens"]:
        vocab[added["content"]] = added["id"]
    tokens = [f"<unused{i}>" for i in range(cfg["vocab_size"])]
    for piece, idx in vocab.items():
        tokens[idx] = piece
    specials = {a["id"] for a in tok["added_tokens"]}
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("default")
    w.add_token_list(tokens)
    w.add_token_types([3 if i in specials else 1 for i in range(len(tokens))])
    merges = tok["model"]["merges"]
    w.add_token_merges([m if isinstance(m, str) else " ".join(m) for m in merges])
    w.add_bos_token_id(cfg["bos_token_id"])
    w.add_eos_token_id(cfg["eos_token_id"])
    scaling = cfg.get("rope_scaling") or rope  # transformers >= 5 writes rope_parameters
    if scaling.get("rope_type") == "llama3":
        w.add_tensor("rope_freqs.weight", _llama3_factors(scaling, head_dim, theta))
    is_gemma = model_type.startswith("gemma")
    for name, tensor in model.state_dict().items():
        if name == "lm_head.weight" and cfg.get("tie_word_embeddings", is_gemma):
            continue
        arr = tensor.float().numpy().copy()
        if arch == "llama" and ".q_proj." in name:
            arr = _permute(arr, n_head)
        elif arch == "llama" and ".k_proj." in name:
            arr = _permute(arr, n_kv)
        if is_gemma and name.endswith("norm.weight"):
            arr = arr + 1.0
        gguf_name = _gguf_name(name, model_type)
        kind = gguf_name.split(".")[-2] if gguf_name.startswith("blk.") else gguf_name.split(".")[0]
        qtype = (quant or {}).get(kind)
        if qtype and arr.ndim == 2:
            qt = gguf.GGMLQuantizationType[qtype]
            w.add_tensor(gguf_name, quantize(arr, qt), raw_dtype=qt)
        else:
            w.add_tensor(gguf_name, arr)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return out
