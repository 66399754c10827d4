"""`ketch quantize`: float weights -> a 4-bit (GPTQ or AWQ layout) or 8-bit (GPTQ layout) checkpoint.

This step implements round-to-nearest (RTN) with an asymmetric zero point per group; the
checkpoint layout is the one AutoGPTQ / AutoAWQ write, so ketch's loader (and theirs) read it.
Calibrated GPTQ and AWQ (which choose better codes/scales) are not built yet.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import save_file
from tqdm import tqdm

from ketch.formats.loader import resolve_model

_AWQ_PACK = (0, 2, 4, 6, 1, 3, 5, 7)  # AutoAWQ's nibble interleave (position i holds column _AWQ_PACK[i])


@dataclass(slots=True)
class QuantizeConfig:
    method: str = "rtn"
    bits: int = 4
    group_size: int = 128
    layout: str = "gptq"  # "gptq" | "awq"

    def __post_init__(self) -> None:
        if self.method != "rtn":
            raise NotImplementedError(f"quantization method {self.method!r} is not supported yet (supported: rtn)")
        if self.bits not in (4, 8):
            raise NotImplementedError(f"{self.bits}-bit output is not supported yet (supported: 4, 8)")
        if self.group_size != -1 and (self.group_size <= 0 or self.group_size % 32):
            raise ValueError(f"group_size must be a positive multiple of 32 or -1 (per channel), got {self.group_size}")
        if self.layout not in ("gptq", "awq"):
            raise ValueError(f"layout must be 'gptq' or 'awq', got {self.layout!r}")
        if self.layout == "awq" and self.bits != 4:
            raise ValueError("the AWQ layout holds 4-bit weights only; use --layout gptq for 8 bits")


def rtn_quantize(w: torch.Tensor, group: int, bits: int = 4) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """w [N, K] -> codes int32 [K, N] in 0..2^bits-1, zeros int32 [K/g, N], scales float [K/g, N] (fp16-exact).

    ``group`` -1 means one group per output channel (all K inputs).
    """
    n, k = w.shape
    group = k if group == -1 else group
    if k % group:
        raise ValueError(f"{k} input features are not a multiple of group_size {group}")
    top = (1 << bits) - 1
    g = w.float().T.reshape(k // group, group, n)
    lo, hi = g.amin(1).clamp(max=0), g.amax(1).clamp(min=0)  # keep 0 representable
    scales = ((hi - lo).clamp(min=1e-8) / top).half().float()
    zeros = torch.round(-lo / scales).clamp(0, top)
    codes = torch.round(g / scales.unsqueeze(1) + zeros.unsqueeze(1)).clamp(0, top)
    return codes.reshape(k, n).to(torch.int32), zeros.to(torch.int32), scales


def dequantize_rtn(codes: torch.Tensor, zeros: torch.Tensor, scales: torch.Tensor) -> torch.Tensor:
    group = codes.shape[0] // scales.shape[0]
    return ((codes.float() - zeros.float().repeat_interleave(group, 0)) * scales.repeat_interleave(group, 0)).T


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


def layer_tensors(prefix: str, w: torch.Tensor, cfg: QuantizeConfig) -> dict[str, torch.Tensor]:
    """The checkpoint tensors that stand for one linear weight."""
    codes, zeros, scales = rtn_quantize(w, cfg.group_size, cfg.bits)
    if cfg.layout == "gptq":
        group = codes.shape[0] // scales.shape[0]
        return {f"{prefix}.qweight": pack_rows(codes, cfg.bits),
                f"{prefix}.qzeros": pack_cols(zeros - 1, bits=cfg.bits),  # the original GPTQ format stores zero - 1
                f"{prefix}.scales": scales.half(),
                f"{prefix}.g_idx": torch.arange(codes.shape[0], dtype=torch.int32) // group}
    return {f"{prefix}.qweight": pack_cols(codes, _AWQ_PACK), f"{prefix}.qzeros": pack_cols(zeros, _AWQ_PACK),
            f"{prefix}.scales": scales.half()}


def quantization_config(cfg: QuantizeConfig) -> dict:
    if cfg.layout == "gptq":
        return {"quant_method": "gptq", "bits": cfg.bits, "group_size": cfg.group_size, "desc_act": False,
                "sym": False, "checkpoint_format": "gptq"}
    return {"quant_method": "awq", "bits": 4, "group_size": cfg.group_size, "version": "gemm", "zero_point": True}


def is_quantizable(name: str) -> bool:
    return ".layers." in name and name.endswith("_proj.weight")


def quantize_model(model: str, out_dir: Path, cfg: QuantizeConfig, quiet: bool = False) -> Path:
    """Read ``model`` (any format ketch loads, dequantized), write a quantized HF directory."""
    source = resolve_model(model)
    if source.quantization_config is not None:
        raise ValueError(f"{model} is already {source.quantization}; quantize a float model")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    for name, t in tqdm(source.iter_weights(), desc=f"quantizing ({cfg.method}, {cfg.bits}-bit, "
                        f"g{cfg.group_size})", unit=" tensors", disable=quiet):
        if is_quantizable(name) and t.dim() == 2:
            if cfg.group_size != -1 and t.shape[1] % cfg.group_size:
                divisors = [g for g in (32, 64, 128, 256) if t.shape[1] % g == 0]
                raise ValueError(f"{name} has {t.shape[1]} input features, not a multiple of group_size "
                                 f"{cfg.group_size}; use one of {divisors or [32]}")
            tensors.update(layer_tensors(name[: -len(".weight")], t, cfg))
        else:
            tensors[name] = t.contiguous()
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out_dir / "model.safetensors"),
              metadata={"format": "pt"})
    hf_cfg = {k: v for k, v in source.hf_config.items() if not k.startswith("__")}
    hf_cfg["quantization_config"] = quantization_config(cfg)
    hf_cfg.setdefault("eos_token_id", source.config.eos_token_ids or None)
    (out_dir / "config.json").write_text(json.dumps(hf_cfg, indent=2))
    source.tokenizer.save(out_dir)
    return out_dir
