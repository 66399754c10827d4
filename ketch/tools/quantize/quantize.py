"""`ketch quantize`: float weights -> a 4-bit (GPTQ or AWQ layout) or 8-bit (GPTQ layout) checkpoint.

Three ways to choose the codes, all on the same asymmetric per-group grid (``ketch.tools.quantize.rtn``):
round-to-nearest, GPTQ (error feedback through the inputs' Hessian) and AWQ (activation-aware
channel scaling and clipping); the last two run the model on calibration text
(``ketch.tools.quantize.calibration``). The checkpoint layouts are GPTQModel's ``gptq_v2`` (AutoGPTQ's tensors with the zero
points stored as they are) and AutoAWQ's GEMM layout, so ketch's loader (and theirs) read them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import save_file
from tqdm import tqdm

from ketch.formats.loader import ModelSource, resolve_model
from ketch.tools.quantize.calibration import (CalibrationConfig, CalibrationResult, calibrate, calibration_samples,
                                     read_calibration_text)
from ketch.formats.gptq import group_index
from ketch.tools.quantize.rtn import rtn_quantize

_AWQ_PACK = (0, 2, 4, 6, 1, 3, 5, 7)  # AutoAWQ's nibble interleave (position i holds column _AWQ_PACK[i])


METHODS = ("rtn", "gptq", "awq")


@dataclass(slots=True)
class QuantizeConfig:
    method: str = "rtn"
    bits: int = 4
    group_size: int = 128
    layout: str | None = None  # "gptq" | "awq"; None: the method's own (awq for AWQ, else gptq)
    calibration_file: str | None = None  # None: the built-in calibration text
    num_samples: int = 32
    seq_len: int = 512

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown quantization method {self.method!r} (supported: {', '.join(METHODS)})")
        if self.layout is None:
            self.layout = "awq" if self.method == "awq" and self.bits == 4 else "gptq"
        if self.num_samples < 1 or self.seq_len < 16:
            raise ValueError(f"need num_samples >= 1 and seq_len >= 16, got {self.num_samples} and {self.seq_len}")
        if self.bits not in (4, 8):
            raise NotImplementedError(f"{self.bits}-bit output is not supported yet (supported: 4, 8)")
        if self.group_size != -1 and (self.group_size <= 0 or self.group_size % 32):
            raise ValueError(f"group_size must be a positive multiple of 32 or -1 (per channel), got {self.group_size}")
        if self.layout not in ("gptq", "awq"):
            raise ValueError(f"layout must be 'gptq' or 'awq', got {self.layout!r}")
        if self.layout == "awq" and self.bits != 4:
            raise ValueError("the AWQ layout holds 4-bit weights only; use --layout gptq for 8 bits")


def pack_rows(codes: torch.Tensor, bits: int = 4) -> torch.Tensor:
    """[K, N] codes -> int32 [K*bits/32, N] (GPTQ qweight: 32/bits input rows per word, low bits first)."""
    k, n = codes.shape
    per = 32 // bits
    c = codes.reshape(k // per, per, n).to(torch.int64)
    return _as_int32(sum(c[:, j] << (bits * j) for j in range(per)))


def pack_cols(codes: torch.Tensor, order: tuple[int, ...] | None = None, bits: int = 4) -> torch.Tensor:
    """[R, C] codes -> int32 [R, C*bits/32]; word position j holds column ``order[j]`` of its group."""
    r, c = codes.shape
    per = 32 // bits
    order = order or tuple(range(per))
    v = codes.reshape(r, c // per, per).to(torch.int64)
    return _as_int32(sum(v[..., order[j]] << (bits * j) for j in range(per)))


def _as_int32(x: torch.Tensor) -> torch.Tensor:
    return torch.where(x >= 2**31, x - 2**32, x).to(torch.int32)  # same bits, signed


def layer_tensors(prefix: str, codes: torch.Tensor, zeros: torch.Tensor, scales: torch.Tensor,
                  cfg: QuantizeConfig) -> dict[str, torch.Tensor]:
    """The checkpoint tensors that stand for one linear weight (codes [K, N], zeros/scales [K/g, N])."""
    if cfg.layout == "gptq":
        return {f"{prefix}.qweight": pack_rows(codes, cfg.bits),
                # gptq_v2: zero points as they are. The original format stores zero - 1, so a group
                # whose zero point is 0 (all weights >= 0) wraps to the top code and loads wrong.
                f"{prefix}.qzeros": pack_cols(zeros, bits=cfg.bits),
                f"{prefix}.scales": scales.half(),
                f"{prefix}.g_idx": group_index(codes.shape[0], cfg.group_size).to(torch.int32)}
    return {f"{prefix}.qweight": pack_cols(codes, _AWQ_PACK), f"{prefix}.qzeros": pack_cols(zeros, _AWQ_PACK),
            f"{prefix}.scales": scales.half()}


def quantization_config(cfg: QuantizeConfig) -> dict:
    if cfg.layout == "gptq":
        return {"quant_method": "gptq", "bits": cfg.bits, "group_size": cfg.group_size, "desc_act": False,
                "sym": False, "checkpoint_format": "gptq_v2"}
    return {"quant_method": "awq", "bits": 4, "group_size": cfg.group_size, "version": "gemm", "zero_point": True}


def is_quantizable(name: str) -> bool:
    return ".layers." in name and name.endswith("_proj.weight")


def quantize_model(model: str, out_dir: Path, cfg: QuantizeConfig, quiet: bool = False) -> Path:
    """Read ``model`` (any format ketch loads, dequantized), write a quantized HF directory."""
    source = resolve_model(model)
    if source.quantization_config is not None:
        raise ValueError(f"{model} is already {source.quantization}; quantize a float model")
    _check_shapes(source, cfg)
    calibrated = _calibrate(source, cfg, quiet) if cfg.method != "rtn" else CalibrationResult()
    codes_by_name = {k.removeprefix("model."): v for k, v in calibrated.codes.items()}
    overrides = {k.removeprefix("model."): v for k, v in calibrated.overrides.items()}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    for name, t in tqdm(source.iter_weights(), desc=f"writing ({cfg.method}, {cfg.bits}-bit, g{cfg.group_size})",
                        unit=" tensors", disable=quiet):
        key = name.removeprefix("model.")
        if is_quantizable(name) and t.dim() == 2:
            codes = codes_by_name.get(key) or rtn_quantize(t, cfg.group_size, cfg.bits)
            tensors.update(layer_tensors(name[: -len(".weight")], *codes, cfg))
        else:
            t = overrides.get(key, t).to(t.dtype)
            if t.dtype == torch.float32 and t.dim() >= 2:  # embeddings / LM head: fp16, as AutoGPTQ and
                t = t.half()  # AutoAWQ store them (SmolLM2 AWQ: 169 -> 112 MB); norms and biases stay fp32
            tensors[name] = t.contiguous()
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out_dir / "model.safetensors"),
              metadata={"format": "pt"})
    hf_cfg = {k: v for k, v in source.hf_config.items() if not k.startswith("__")}
    hf_cfg["quantization_config"] = quantization_config(cfg)
    hf_cfg.setdefault("eos_token_id", source.config.eos_token_ids or None)
    (out_dir / "config.json").write_text(json.dumps(hf_cfg, indent=2))
    source.tokenizer.save(out_dir)
    return out_dir


def _check_shapes(source: ModelSource, cfg: QuantizeConfig) -> None:
    """Fail before any work if a layer's input width cannot be packed (a short last group is fine)."""
    c = source.config
    for name, k in (("hidden_size", c.hidden_size), ("intermediate_size", c.intermediate_size),
                    ("num_attention_heads * head_dim", c.num_attention_heads * c.head_dim)):
        if k % 32:
            raise ValueError(f"{name} = {k} is not a multiple of 32; ketch's 4/8-bit layouts need that")


def _calibrate(source: ModelSource, cfg: QuantizeConfig, quiet: bool) -> CalibrationResult:
    """Run GPTQ or AWQ on the float model (fp32, CPU) over the calibration text."""
    from ketch.models import load_model  # the model runtime is only needed for calibrated methods

    text = read_calibration_text(cfg.calibration_file)
    samples = calibration_samples(source.tokenizer.encode(text, add_special_tokens=False),
                                  cfg.num_samples, cfg.seq_len)
    if cfg.seq_len > source.config.max_position_embeddings:
        raise ValueError(f"seq_len {cfg.seq_len} is past the model's {source.config.max_position_embeddings} positions")
    model = load_model(source, torch.device("cpu"), torch.float32)
    ccfg = CalibrationConfig(cfg.method, cfg.bits, cfg.group_size, len(samples), cfg.seq_len)
    return calibrate(model, samples, ccfg, quiet=quiet)
