"""RMSNorm in both conventions: llama's ``w * x`` and gemma's ``(1 + w) * x``, with the residual
add fused in (vLLM's convention: ``norm(x, residual)`` returns ``(normed, x + residual)``)."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ketch.kernels import load_ops


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float, add_unit_offset: bool = False) -> None:
        super().__init__()
        self.eps = eps
        # Gemma checkpoints store w and compute with (1 + w); we fold the 1 in once at load.
        self.add_unit_offset = add_unit_offset
        self.weight = nn.Parameter(torch.ones(dim), requires_grad=False)
        self._ops = load_ops()

    def load(self, weight: torch.Tensor) -> None:
        # Kept in fp32 with the offset: (1 + w) rounded to bf16 would drift from the reference.
        value = weight.float() + 1.0 if self.add_unit_offset else weight.to(self.weight.dtype)
        self.weight = nn.Parameter(value.contiguous(), requires_grad=False)

    def forward(self, x: torch.Tensor, residual: torch.Tensor | None = None
                ) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
        """``norm(x)``, or with ``residual``: ``(norm(x + residual), x + residual)``."""
        if (self._ops is not None and x.dtype == torch.float32 and x.device.type == "cpu" and x.dim() == 2
                and self.weight.dtype == torch.float32 and x.stride(1) == 1):
            out = self._ops.add_rms_norm(x, residual, self.weight, self.eps)  # residual updated in place
            return out if residual is None else (out, residual)
        if residual is not None:
            x = residual = x + residual
        out = self._norm(x)
        return out if residual is None else (out, residual)

    def _norm(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype == torch.float32:
            return F.rms_norm(x, (x.shape[-1],), self.weight.float(), self.eps)
        # Low precision: normalize in fp32 as the reference implementations do.
        y = F.rms_norm(x.float(), (x.shape[-1],), None, self.eps)
        return (y * self.weight.float()).to(x.dtype) if self.add_unit_offset else self.weight * y.to(x.dtype)
