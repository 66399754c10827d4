"""Write a HF model as a 4-bit GPTQ or AWQ checkpoint with ketch's RTN quantizer (test helper).

Returns the dequantized float weights so tests can build the exact reference model.
"""
from __future__ import annotations

from pathlib import Path

import torch

from ketch.tools.quantize.quantize import QuantizeConfig, is_quantizable, layer_tensors, quantization_config
from ketch.tools.quantize.rtn import dequantize_codes, rtn_quantize
from tests.formats.checkpoint_writer import write_checkpoint


def write_quantized(model, src: Path, out: Path, method: str = "gptq", group: int = 32,
                    bits: int = 4) -> dict[str, torch.Tensor]:
    cfg = QuantizeConfig(group_size=group, layout=method, bits=bits)

    def quantize(name: str, t: torch.Tensor):
        if not is_quantizable(name):
            return None
        codes = rtn_quantize(t, group, bits)
        return layer_tensors(name[: -len(".weight")], *codes, cfg), dequantize_codes(*codes, group).contiguous()

    return write_checkpoint(model, src, out, quantize, quantization_config(cfg))
