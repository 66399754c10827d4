"""Shared core of the quantized-checkpoint test writers (GPTQ/AWQ, EXL2)."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import torch
from safetensors.torch import save_file

# name, weight -> (the checkpoint tensors standing for it, its dequantized weight), or None: keep float
Quantizer = Callable[[str, torch.Tensor], tuple[dict[str, torch.Tensor], torch.Tensor] | None]


def write_checkpoint(model, src: Path, out: Path, quantize: Quantizer,
                     quantization_config: dict | None) -> dict[str, torch.Tensor]:
    """Write HF ``model`` (saved at ``src``) to ``out`` with the tensors ``quantize`` picks replaced;
    copies config (plus ``quantization_config`` when given) and tokenizer. Returns the dequantized
    weights by name."""
    out.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    dense: dict[str, torch.Tensor] = {}
    for name, t in model.state_dict().items():
        if name == "lm_head.weight" and model.config.tie_word_embeddings:
            continue
        quantized = quantize(name, t)
        if quantized is None:
            tensors[name] = t.contiguous()
            continue
        parts, dense[name] = quantized
        tensors.update(parts)
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out / "model.safetensors"))
    hf_cfg = json.loads((src / "config.json").read_text())
    if quantization_config is not None:
        hf_cfg["quantization_config"] = quantization_config
    (out / "config.json").write_text(json.dumps(hf_cfg))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        (out / f).write_text((src / f).read_text())
    return dense
