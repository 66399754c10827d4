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


def _pack_k_scales(sc: np.ndarray, mn: np.ndarray) -> np.ndarray:
    """8 six-bit scales and mins per super-block [B, 8] -> llama.cpp's 12 bytes (get_scale_min_k4)."""
    out = np.empty(sc.shape[:-1] + (12,), dtype=np.uint8)
    out[..., 0:4] = sc[..., :4] | ((sc[..., 4:] >> 4) << 6)
    out[..., 4:8] = mn[..., :4] | ((mn[..., 4:] >> 4) << 6)
    out[..., 8:12] = (sc[..., 4:] & 0xF) | ((mn[..., 4:] & 0xF) << 4)
    return out


def _fp16_bytes(v: np.ndarray) -> np.ndarray:
    return v.astype(np.float16).reshape(-1, 1).view(np.uint8)


def _quantize_q45_k(x: np.ndarray, bits: int) -> np.ndarray:
    """Q4_K / Q5_K super-blocks [B, 256] -> bytes: d, dmin, 12 bytes of scales/mins, (Q5_K: 32 bytes
    of high bits), 128 bytes of nibbles; weight = d * sc * q - dmin * m per 32-weight sub-block."""
    qmax = (1 << bits) - 1
    xs = x.reshape(-1, 8, 32)
    lo, hi = np.minimum(xs.min(-1), 0), xs.max(-1)
    dmin = (-lo).max(-1) / 63
    dmin = dmin.astype(np.float16).astype(np.float32)
    safe = lambda v: np.where(v > 0, v, 1)  # noqa: E731
    mn = np.where(dmin[:, None] > 0, np.clip(np.ceil(-lo / safe(dmin)[:, None]), 0, 63), 0).astype(np.uint8)
    shift = dmin[:, None] * mn  # >= -lo: every x + shift >= 0
    scale = (hi + shift) / qmax
    d = (scale.max(-1) / 63).astype(np.float16).astype(np.float32)
    sc = np.where(d[:, None] > 0, np.clip(np.ceil(scale / safe(d)[:, None]), 0, 63), 0).astype(np.uint8)
    step = d[:, None] * sc
    q = np.where(step[..., None] > 0, np.rint((xs + shift[..., None]) / safe(step)[..., None]), 0)
    q = np.clip(q, 0, qmax).astype(np.uint8)  # [B, 8, 32]
    low = q & 0xF
    nibbles = (low[:, 0::2] | (low[:, 1::2] << 4)).reshape(-1, 128)  # byte c*32+j: sub-blocks 2c, 2c+1
    planes = [_fp16_bytes(d), _fp16_bytes(dmin), _pack_k_scales(sc, mn)]
    if bits == 5:  # bit b of byte j: high bit of sub-block b's weight j
        planes.append(((q >> 4) << np.arange(8, dtype=np.uint8)[:, None]).sum(1, dtype=np.uint8))
    return np.concatenate(planes + [nibbles], axis=-1)


def _quantize_q6_k(x: np.ndarray) -> np.ndarray:
    """Q6_K super-blocks [B, 256] -> bytes: 128 of low nibbles, 64 of high 2-bit pairs, 16 int8
    scales, d; weight = d * sc * (q - 32) per 16-weight sub-block."""
    xs = x.reshape(-1, 16, 16)
    scale = np.abs(xs).max(-1) / 31
    d = (scale.max(-1) / 127).astype(np.float16).astype(np.float32)
    safe = lambda v: np.where(v > 0, v, 1)  # noqa: E731
    sc = np.where(d[:, None] > 0, np.clip(np.ceil(scale / safe(d)[:, None]), 0, 127), 0).astype(np.int8)
    step = d[:, None] * sc
    q = np.where(step[..., None] > 0, np.rint(xs / safe(step)[..., None]), 0)
    q = (np.clip(q, -32, 31) + 32).astype(np.uint8).reshape(-1, 2, 128)  # two halves of 128
    low, high = q & 0xF, q >> 4
    ql = (low[..., :64] | (low[..., 64:] << 4)).reshape(-1, 128)
    qh = (high[..., 0:32] | (high[..., 32:64] << 2) | (high[..., 64:96] << 4) | (high[..., 96:] << 6)).reshape(-1, 64)
    return np.concatenate([ql, qh, sc.view(np.uint8), _fp16_bytes(d)], axis=-1)


def quantize_k(arr: np.ndarray, type_name: str) -> np.ndarray:
    """A float [N, K] matrix as llama.cpp's Q4_K / Q5_K / Q6_K rows (uint8 [N, bytes per row]), by
    plain rounding (gguf-py only dequantizes K-quants); the layout is the one gguf-py and llama.cpp read."""
    n, k = arr.shape
    if k % 256:
        raise ValueError(f"{type_name} needs rows of whole 256-weight super-blocks, not {k}")
    x = np.asarray(arr, dtype=np.float32).reshape(-1, 256)
    blocks = {"Q4_K": lambda: _quantize_q45_k(x, 4), "Q5_K": lambda: _quantize_q45_k(x, 5),
              "Q6_K": lambda: _quantize_q6_k(x)}[type_name]()
    return np.ascontiguousarray(blocks).reshape(n, -1)


def write_gguf(model, model_dir: Path, out: Path, quant: dict[str, str] | None = None,
               add_bos: bool | None = None) -> Path:
    """``quant`` maps a GGUF tensor kind ("attn_q", "ffn_up", "token_embd", ...) or one tensor
    ("blk.1.attn_k", before the kind) to a type name: "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1"
    (quantized with gguf-py as llama.cpp's quantizer lays them out), "Q4_K", "Q5_K", "Q6_K"
    (:func:`quantize_k`), or "F16"/"F32" to store it as float. ``add_bos`` writes
    ``tokenizer.ggml.add_bos_token``."""
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
    if add_bos is not None:
        w.add_add_bos_token(add_bos)
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
        quant = quant or {}
        qtype = quant.get(gguf_name.rsplit(".", 1)[0], quant.get(kind))
        if qtype == "F16" and arr.ndim == 2:
            w.add_tensor(gguf_name, arr.astype(np.float16))
        elif qtype and qtype != "F32" and arr.ndim == 2:
            qt = gguf.GGMLQuantizationType[qtype]
            raw = quantize_k(arr, qtype) if qtype.endswith("_K") else quantize(arr, qt)
            w.add_tensor(gguf_name, raw, raw_dtype=qt)
        else:
            w.add_tensor(gguf_name, arr)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return out
