"""Write a HF model as a 4-bit GPTQ or AWQ checkpoint, in the layouts AutoGPTQ / AutoAWQ use (test helper).

Round-to-nearest with an asymmetric zero point per group; returns the dequantized float weights so
tests can build the exact reference model.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors.torch import save_file

_AWQ_PACK = (0, 2, 4, 6, 1, 3, 5, 7)


def _rtn(w: torch.Tensor, group: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """w [N, K] -> codes [K, N] in 0..15, zeros [K/g, N], scales [K/g, N] (fp16-exact)."""
    n, k = w.shape
    g = w.T.reshape(k // group, group, n)
    lo, hi = g.amin(1), g.amax(1)
    scales = ((hi - lo).clamp(min=1e-6) / 15).half().float()
    zeros = torch.round(-lo / scales).clamp(0, 15)
    codes = torch.round(g / scales.unsqueeze(1) + zeros.unsqueeze(1)).clamp(0, 15)
    return codes.reshape(k, n).to(torch.int32), zeros.to(torch.int32), scales


def _pack_rows(codes: torch.Tensor) -> torch.Tensor:  # [K, N] -> [K/8, N]
    k, n = codes.shape
    c = codes.reshape(k // 8, 8, n)
    return sum((c[:, j] << (4 * j)) for j in range(8)).to(torch.int32)


def _pack_cols(codes: torch.Tensor, order=tuple(range(8))) -> torch.Tensor:  # [R, C] -> [R, C/8]
    r, c = codes.shape
    v = codes.reshape(r, c // 8, 8)
    return sum((v[..., order[j]] << (4 * j)) for j in range(8)).to(torch.int32)


def write_quantized(model, src: Path, out: Path, method: str = "gptq", group: int = 32) -> dict[str, torch.Tensor]:
    """Quantize every projection of ``model`` (saved at ``src``) into ``out``; return dequantized weights."""
    out.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    dense: dict[str, torch.Tensor] = {}
    for name, t in model.state_dict().items():
        is_proj = name.endswith("_proj.weight") and ".layers." in name
        if not is_proj:
            tensors[name] = t.contiguous()
            continue
        prefix = name[: -len(".weight")]
        codes, zeros, scales = _rtn(t.float(), group)
        dense[name] = ((codes.float() - zeros.float().repeat_interleave(group, 0)) *
                       scales.repeat_interleave(group, 0)).T.contiguous()
        if method == "gptq":
            tensors[f"{prefix}.qweight"] = _pack_rows(codes)
            tensors[f"{prefix}.qzeros"] = _pack_cols(zeros - 1)  # the original GPTQ format stores zero - 1
            tensors[f"{prefix}.g_idx"] = torch.arange(codes.shape[0], dtype=torch.int32) // group
        else:
            tensors[f"{prefix}.qweight"] = _pack_cols(codes, _AWQ_PACK)
            tensors[f"{prefix}.qzeros"] = _pack_cols(zeros, _AWQ_PACK)
        tensors[f"{prefix}.scales"] = scales.half()
    if model.config.tie_word_embeddings:
        tensors.pop("lm_head.weight", None)
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out / "model.safetensors"))
    cfg = json.loads((src / "config.json").read_text())
    cfg["quantization_config"] = ({"quant_method": "gptq", "bits": 4, "group_size": group, "desc_act": False,
                                   "sym": False, "checkpoint_format": "gptq"} if method == "gptq" else
                                  {"quant_method": "awq", "bits": 4, "group_size": group, "version": "gemm",
                                   "zero_point": True})
    (out / "config.json").write_text(json.dumps(cfg))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        (out / f).write_text((src / f).read_text())
    return dense
