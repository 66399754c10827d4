"""Layers that keep their weight packed: QuantLinear and QuantEmbedding (GGUF Q4_0/Q4_1/Q8_0).

Few activation rows (decode) go through the packed kernels, reading 4.5-8.5 bits per weight.
Many rows (prefill) dequantize the weight once per call into the activation dtype and use the
BLAS/oneDNN GEMM, whose cost there is dominated by the arithmetic, not by reading the weight.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ketch.kernels import load_kernels
from ketch.quant.packed import PackedWeight

# Up to this many rows the packed kernel beats dequantize + GEMM (measured on SmolLM2's shapes).
MAX_KERNEL_ROWS = 8


class DequantScratch:
    """One reusable buffer per dtype for dequantized weights, shared by a model's packed layers.

    Layers run one at a time, so one buffer (sized for the largest weight) serves them all.
    """

    def __init__(self, gemm_dtype: torch.dtype | None = None) -> None:
        self._buffers: dict[torch.dtype, torch.Tensor] = {}
        # Dtype of the dense GEMM for many-row products (None: the activations' dtype). bf16 on
        # AMX CPUs: 2-4x faster than fp32 there, while decode stays fp32 in the packed kernels.
        self.gemm_dtype = gemm_dtype

    def get(self, rows: int, cols: int, dtype: torch.dtype, device: torch.device) -> torch.Tensor:
        buf = self._buffers.get(dtype)
        if buf is None or buf.numel() < rows * cols or buf.device != device:
            buf = self._buffers[dtype] = torch.empty(rows * cols, dtype=dtype, device=device)
        return buf[:rows * cols].view(rows, cols)


def packed_matmul(x: torch.Tensor, w: PackedWeight, scratch: DequantScratch) -> torch.Tensor:
    """x: [M, K] -> [M, N] in x's dtype."""
    kernels = load_kernels() if x.device.type == "cpu" else None
    if kernels is None:
        return F.linear(x, w.dequantize(x.dtype))
    if w.perm is not None:  # the planes keep the checkpoint's (act-order) column order
        x = x.index_select(-1, w.perm)
    if x.shape[0] <= MAX_KERNEL_ROWS:
        xf = x.float().contiguous()
        if w.scheme == "q4":
            y = kernels.q4_linear(xf, w.qs, w.d, w.m)
        elif w.scheme == "q8":
            y = kernels.q8_linear(xf, w.qs, w.d, w.m, w.offset)
        else:  # q5 and the K-quants
            y = kernels.lowbit_linear(xf, w.scheme, w.qs, w.d, w.m)
        return y.to(x.dtype)
    dense_dtype = scratch.gemm_dtype or x.dtype
    if dense_dtype not in (torch.float32, torch.bfloat16):
        dense_dtype = torch.float32
    n, k = w.shape
    out = scratch.get(n, k, dense_dtype, x.device)
    dense = (kernels.dequantize_into(w.qs, w.d, w.m, out, w.offset) if w.scheme in ("q4", "q8")
             else kernels.lowbit_dequantize_into(w.scheme, w.qs, w.d, w.m, out))
    return F.linear(x.to(dense_dtype), dense).to(x.dtype)


class PackedModule(nn.Module):
    """Holds one packed [rows, cols] weight as buffers (they move with .to(device), are not trained)."""

    def __init__(self, weight: PackedWeight, scratch: DequantScratch) -> None:
        super().__init__()
        self.scratch = scratch
        self.scheme, self.source_type, self.offset = weight.scheme, weight.source_type, weight.offset
        self.rows, self.cols = weight.shape
        self.register_buffer("qs", weight.qs, persistent=False)
        self.register_buffer("d", weight.d, persistent=False)
        self.register_buffer("m", weight.m, persistent=False)
        self.register_buffer("perm", weight.perm, persistent=False)

    @property
    def packed(self) -> PackedWeight:
        return PackedWeight(self.scheme, self.qs, self.d, self.m, self.source_type, self.offset, self.perm)

    @property
    def num_weights(self) -> int:
        """How many float weights this packed tensor stands for (parameter counts use it)."""
        return self.rows * self.cols


class QuantLinear(PackedModule):
    def __init__(self, weight: PackedWeight, bias: torch.Tensor | None, scratch: DequantScratch) -> None:
        super().__init__(weight, scratch)
        self.out_features, self.in_features = self.rows, self.cols
        if bias is not None and not isinstance(bias, nn.Parameter):
            bias = nn.Parameter(bias, requires_grad=False)
        self.bias = bias

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = packed_matmul(x, self.packed, self.scratch)
        return y + self.bias.to(y.dtype) if self.bias is not None else y

    def extra_repr(self) -> str:
        return f"{self.in_features} -> {self.out_features}, {self.source_type}"


class QuantEmbedding(PackedModule):
    """Token embedding kept packed: lookups dequantize only the rows asked for."""

    def __init__(self, weight: PackedWeight, dtype: torch.dtype, scratch: DequantScratch) -> None:
        super().__init__(weight, scratch)
        self.dtype = dtype
        self.num_embeddings, self.embedding_dim = self.rows, self.cols

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        rows = PackedWeight(self.scheme, self.qs[ids], self.d[ids], self.m[ids] if self.m is not None else None,
                            self.source_type, self.offset, self.perm)
        return rows.dequantize(self.dtype)

    def as_linear(self, x: torch.Tensor) -> torch.Tensor:
        """Tied LM head: logits = x @ E.T straight from the packed embedding."""
        return packed_matmul(x, self.packed, self.scratch)

