"""Dense linear layers, with the fastest kernel for the shape at hand.

On CPUs with native bf16 (AMX), oneDNN's bf16 GEMM is 2-4x faster than fp32 for batches, but
its single-row path is slower than ``torch.mv`` (measured here: 16.7 ms vs 10.9 ms per token for
SmolLM2's layers, fp32 15.3 ms), so one-row bf16 products go through ``mv``.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


def linear(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None) -> torch.Tensor:
    if x.shape[0] == 1 and x.dim() == 2 and x.dtype == torch.bfloat16 and x.device.type == "cpu":
        y = torch.mv(weight, x[0]).unsqueeze(0)
        return y + bias if bias is not None else y
    return F.linear(x, weight, bias)


class Linear(nn.Linear):
    def forward(self, x: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        """``decode_rows`` (leading generated-token rows) matters only to packed linears; a dense
        GEMM treats every row alike."""
        return linear(x, self.weight, self.bias)
