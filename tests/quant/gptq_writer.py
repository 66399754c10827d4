"""Write a HF model as a 4-bit GPTQ or AWQ checkpoint with ketch's RTN quantizer (test helper).

Returns the dequantized float weights so tests can build the exact reference model.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors.torch import save_file

from ketch.quant.quantize import QuantizeConfig, is_quantizable, layer_tensors, quantization_config
from ketch.quant.rtn import dequantize_codes, rtn_quantize


def write_quantized(model, src: Path, out: Path, method: str = "gptq", group: int = 32,
                    bits: int = 4) -> dict[str, torch.Tensor]:
    cfg = QuantizeConfig(group_size=group, layout=method, bits=bits)
    out.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    dense: dict[str, torch.Tensor] = {}
    for name, t in model.state_dict().items():
        if name == "lm_head.weight" and model.config.tie_word_embeddings:
            continue
        if not is_quantizable(name):
            tensors[name] = t.contiguous()
            continue
        codes = rtn_quantize(t, group, bits)
        dense[name] = dequantize_codes(*codes, group).contiguous()
        tensors.update(layer_tensors(name[: -len(".weight")], *codes, cfg))
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(out / "model.safetensors"))
    hf_cfg = json.loads((src / "config.json").read_text())
    hf_cfg["quantization_config"] = quantization_config(cfg)
    (out / "config.json").write_text(json.dumps(hf_cfg))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        (out / f).write_text((src / f).read_text())
    return dense
