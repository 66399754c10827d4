"""Layers that keep their weight packed: QuantLinear, MultiQuantLinear and QuantEmbedding.

Few activation rows (decode) go through the packed kernels, reading 2.6-8.5 bits per weight.
Many rows (prefill, big batches) take the model's kernel policy (``ketch.kernels.policy``): AMX
bf16 tiles, or int8 GEMMs on the packed codes with AVX-512 VNNI, both dequantizing a few weight
rows at a time inside the kernel; elsewhere the weight is dequantized once per call and multiplied
by the BLAS/oneDNN GEMM.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ketch.kernels import load_kernels
from ketch.kernels.policy import KernelConfig, default_policy
from ketch.layers.linear import linear
from ketch.quant.packed import PackedWeight, can_tile_q4, can_tile_q8, tile_q4, tile_q8, untile_q8

# Batch-invariant mode: a row's result must not depend on which rows share its batch. The packed
# kernels, AMX tiles and int8 GEMMs compute each row on its own; a dense GEMM's per-row result
# changes with the row count M (measured: torch bf16 and fp32 linears differ from M=1..9 and 40..256
# up), but not within a fixed M: so where prompt rows run dense, they go through GEMMs of exactly
# GEMM_TILE_ROWS rows (the last tile zero-padded).
GEMM_TILE_ROWS = 64
# Where many-row products would dequantize for a dense GEMM (below AVX-512 VNNI), q4x16 weights
# stay in their kernel up to this many rows: measured on Zen 4 at AVX2 against dequantize + fp32
# GEMM on SmolLM2's shapes, 2.6-3.0x at 32 rows, 1.1-1.3x at 128, 0.7-0.85x at 512. Prompt rows in
# batch-invariant mode take the kernel at any count (one row-independent product for every batch).
TILE_KERNEL_ROWS = 256


class DequantScratch:
    """What a model's packed layers share: the kernel policy, fixed at load, and one reusable
    buffer per dtype for dequantized weights (layers run one at a time, so one buffer, sized for
    the largest weight, serves them all). Nothing per step: how many rows of a call are generated
    tokens comes with the call (``decode_rows``, from the step's attention metadata)."""

    def __init__(self, policy: KernelConfig | None = None) -> None:
        self._buffers: dict[torch.dtype, torch.Tensor] = {}
        self._policy = policy

    @property
    def policy(self) -> KernelConfig:
        """The given policy, else this CPU's best, looked up on first use: building a model (on any
        device) must not compile the CPU kernels to find a policy it may never use."""
        if self._policy is None:
            self._policy = default_policy()
        return self._policy

    @policy.setter
    def policy(self, policy: KernelConfig) -> None:
        self._policy = policy

    def get(self, rows: int, cols: int, dtype: torch.dtype, device: torch.device) -> torch.Tensor:
        buf = self._buffers.get(dtype)
        if buf is None or buf.numel() < rows * cols or buf.device != device:
            buf = self._buffers[dtype] = torch.empty(rows * cols, dtype=dtype, device=device)
        return buf[:rows * cols].view(rows, cols)


def bind_kernel(kernels, w: PackedWeight, policy: KernelConfig):
    """The few-row packed kernel of ``w`` as a one-argument function: x fp32 contiguous [M, K]
    (planes' column order) -> [M, N] fp32."""
    qs, d, m, offset, scheme = w.qs, w.d, w.m, w.offset, w.scheme
    if scheme == "q4":
        mode = policy.decode_mode
        return lambda x: kernels.q4_linear(x, qs, d, m, mode)
    if scheme == "q4x16":
        planes, code = policy.tile_planes, policy.tile_code
        if policy.tile_gemm:  # the same bits at any row count: the faster one past max_kernel_rows
            limit = policy.max_kernel_rows
            return lambda x: (kernels.int16_gemm(x, scheme, qs, d, m, 0, True) if x.shape[0] > limit
                              else kernels.q4x16_linear(x, qs, d, m, planes, code))
        return lambda x: kernels.q4x16_linear(x, qs, d, m, planes, code)
    if scheme == "q8x16":  # any row count: its rows are independent, each weight tile read once per call
        planes = policy.tile_planes
        return lambda x: kernels.q8x16_linear(x, qs, d, planes)
    if scheme == "q8":
        mode = policy.q8_mode
        return lambda x: kernels.q8_linear(x, qs, d, m, offset, mode)
    return lambda x: kernels.lowbit_linear(x, scheme, qs, d, m)  # q5 and the K-quants


def kernel_product(kernels, x: torch.Tensor, w: PackedWeight, policy: KernelConfig) -> torch.Tensor:
    """The few-row packed kernel: x fp32 contiguous [M, K] (planes' column order) -> [M, N] fp32."""
    return bind_kernel(kernels, w, policy)(x)


def packed_matmul(x: torch.Tensor, w: PackedWeight, scratch: DequantScratch,
                  kernel_rows: int | None = None) -> torch.Tensor:
    """x: [M, K] -> [M, N] in x's dtype: the packed kernel up to ``kernel_rows`` rows (default: the
    policy's limit), else the policy's many-row product."""
    kernels = load_kernels() if x.device.type == "cpu" else None
    if kernels is None:
        return F.linear(x, w.dequantize(x.dtype))
    if w.perm is not None:  # the planes keep the checkpoint's (act-order) column order
        x = x.index_select(-1, w.perm)
    policy = scratch.policy
    if x.shape[0] <= (policy.max_kernel_rows if kernel_rows is None else kernel_rows):
        return kernel_product(kernels, x.float().contiguous(), w, policy).to(x.dtype)
    return _many_rows(kernels, x, w, scratch, tiled=False)


def many_row_product(x: torch.Tensor, w: PackedWeight, scratch: DequantScratch, kernels) -> torch.Tensor:
    """x @ W.T for prompt rows with each row's result independent of M: AMX tiles or int8 GEMMs
    (both row by row), else dense GEMMs of exactly GEMM_TILE_ROWS rows."""
    if w.perm is not None:
        x = x.index_select(-1, w.perm)
    return _many_rows(kernels, x, w, scratch, tiled=True)


def _many_rows(kernels, x: torch.Tensor, w: PackedWeight, scratch: DequantScratch, tiled: bool) -> torch.Tensor:
    """x (already in the planes' column order) @ W.T by the policy's many-row product, in x's dtype."""
    policy = scratch.policy
    if w.scheme == "q8x16" and x.dim() == 2:  # the tile kernel at any row count (bind_kernel)
        return kernel_product(kernels, x.float().contiguous(), w, policy).to(x.dtype)
    if policy.prompt_gemm == "amx" and x.dim() == 2:
        # x rounded to bf16 on the tiles, as a bf16 GEMM would; fp32 sums
        return kernels.amx_packed_linear(x.float().contiguous(), w.scheme, w.qs, w.d, w.m, w.offset).to(x.dtype)
    if policy.prompt_gemm == "int8" and x.dim() == 2 and kernels.int8_gemm_scheme(w.scheme):
        return kernels.int8_gemm(x.float().contiguous(), w.scheme, w.qs, w.d, w.m, w.offset,
                                 policy.prompt_planes, policy.gemm_width).to(x.dtype)
    if policy.prompt_gemm == "int16" and x.dim() == 2 and kernels.int16_gemm_scheme(w.scheme):
        return kernels.int16_gemm(x.float().contiguous(), w.scheme, w.qs, w.d, w.m, w.offset).to(x.dtype)
    if w.scheme == "q4x16" and x.dim() == 2 and (tiled or x.shape[0] <= TILE_KERNEL_ROWS):
        return kernel_product(kernels, x.float().contiguous(), w, policy).to(x.dtype)
    dense = _dense_weight(kernels, w, scratch, x)
    if tiled:
        return _tiled_linear(x, dense)
    return F.linear(x.to(dense.dtype), dense).to(x.dtype)


def _tiled_linear(x: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
    rows = x.shape[0]
    xd = x.to(dense.dtype)
    pad = -rows % GEMM_TILE_ROWS
    if pad:
        xd = torch.cat([xd, xd.new_zeros(pad, xd.shape[1])])
    tiles = [F.linear(xd[t:t + GEMM_TILE_ROWS], dense) for t in range(0, rows + pad, GEMM_TILE_ROWS)]
    return torch.cat(tiles)[:rows].to(x.dtype)


def _dense_weight(kernels, w: PackedWeight, scratch: DequantScratch, x: torch.Tensor) -> torch.Tensor:
    """``w`` dequantized into the shared scratch, in the dtype many-row products of ``x`` use."""
    n, k = w.shape
    return _dequantize_into(kernels, w, scratch.get(n, k, _dense_dtype(scratch, x), x.device))


def _dense_dtype(scratch: DequantScratch, x: torch.Tensor) -> torch.dtype:
    """The dtype many-row products dequantize to (the kernels write float32 or bfloat16)."""
    dtype = scratch.policy.gemm_dtype or x.dtype
    return dtype if dtype in (torch.float32, torch.bfloat16) else torch.float32


def _dequantize_into(kernels, w: PackedWeight, out: torch.Tensor) -> torch.Tensor:
    """Write ``w`` (planes' column order) into the contiguous [N, K] ``out``; returns ``out``."""
    if w.scheme in ("q4x16", "q8x16"):
        return kernels.dequantize_into(w.qs, w.d, w.m, out, w.offset, tiled=True)
    if w.scheme in ("q4", "q8"):
        return kernels.dequantize_into(w.qs, w.d, w.m, out, w.offset)
    return kernels.lowbit_dequantize_into(w.scheme, w.qs, w.d, w.m, out)


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
        self._packed: PackedWeight | None = None
        self._decode = None  # (kernels module, policy, bound decode kernel)

    @property
    def packed(self) -> PackedWeight:
        if self._packed is None:
            self._packed = PackedWeight(self.scheme, self.qs, self.d, self.m, self.source_type, self.offset,
                                        self.perm)
        return self._packed

    def _apply(self, fn, *args, **kwargs):  # .to()/.cpu() replace the buffers: drop what points at the old ones
        self.planes_moved()
        return super()._apply(fn, *args, **kwargs)

    def planes_moved(self) -> None:
        """Forget what was bound to the old planes (after .to(), or quant/arena.py's move)."""
        self._packed = None
        self._decode = None

    def decode_kernel(self):
        """The packed kernel bound to this weight for fp32 decode rows on the CPU (None: no fast path).

        Decode calls ~120 of these per token; binding once skips the generic dispatch in
        :func:`packed_matmul` and the rebuilt PackedWeight (SmolLM2's o_proj at 1 row, 1 thread:
        35 us a call instead of 47, the kernel itself 23; about 1.4 ms a token).
        """
        kernels = load_kernels() if self.perm is None and self.qs.device.type == "cpu" else None
        if kernels is None:
            return None
        policy = self.scratch.policy  # bound lazily: the loader sets the policy after construction
        if self._decode is None or self._decode[0] is not kernels or self._decode[1] is not policy:
            self._decode = (kernels, policy, bind_kernel(kernels, self.packed, policy))
        return self._decode[2]

    def set_weight(self, weight: PackedWeight) -> None:
        """Replace the planes with another layout of the same weight (tile_linears)."""
        if weight.shape != (self.rows, self.cols):
            raise ValueError(f"a {weight.shape} weight cannot replace a {(self.rows, self.cols)} one")
        self.scheme = weight.scheme
        self.qs, self.d, self.m = weight.qs, weight.d, weight.m
        self._packed = None
        self._decode = None

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

    def forward(self, x: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        """x [rows, in] -> [rows, out]; the first ``decode_rows`` rows are generated tokens (in
        batch-invariant mode those run through the packed kernel, the prompt rows after them
        through a row-independent many-row product)."""
        scratch = self.scratch
        policy = scratch.policy
        rows = x.shape[0]
        if policy.batch_invariant and rows > decode_rows:  # prompt rows: a row-independent product
            y = self._invariant(x, decode_rows)
            return y + self.bias.to(y.dtype) if self.bias is not None else y
        # All rows are generated tokens (batch-invariant mode), or few rows: the packed kernel.
        kernel = (self.decode_kernel() if x.dtype == torch.float32
                  and (rows <= policy.max_kernel_rows or policy.batch_invariant) else None)
        if kernel is not None and x.dim() == 2 and x.is_contiguous():
            y = kernel(x)
        else:  # batch-invariant: every row on its own in the kernel, whatever the row count
            y = packed_matmul(x, self.packed, scratch, kernel_rows=rows if policy.batch_invariant else None)
        return y + self.bias.to(y.dtype) if self.bias is not None else y

    def _invariant(self, x: torch.Tensor, decode_rows: int) -> torch.Tensor:
        """Generated-token rows through the packed kernel, prompt rows through many_row_product."""
        kernels = load_kernels() if x.device.type == "cpu" else None
        if kernels is None or x.dim() != 2:
            return packed_matmul(x, self.packed, self.scratch)
        decode = min(decode_rows, x.shape[0])
        parts = []
        if decode:
            xd = x[:decode].float().contiguous()
            kernel = self.decode_kernel()
            parts.append((kernel(xd) if kernel is not None
                          else packed_matmul(xd, self.packed, self.scratch, kernel_rows=decode)).to(x.dtype))
        if x.shape[0] > decode:
            parts.append(many_row_product(x[decode:], self.packed, self.scratch, kernels))
        return parts[0] if len(parts) == 1 else torch.cat(parts)

    def extra_repr(self) -> str:
        return f"{self.in_features} -> {self.out_features}, {self.source_type}"


class DenseLinear(nn.Module):
    """A float row block of a :class:`MultiQuantLinear` (a shard the checkpoint stores as F16/F32)."""

    def __init__(self, weight: torch.Tensor) -> None:
        super().__init__()
        self.weight = nn.Parameter(weight, requires_grad=False)
        self.out_features, self.in_features = weight.shape

    def forward(self, x: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        return linear(x, self.weight.to(x.dtype))

    def extra_repr(self) -> str:
        return f"{self.in_features} -> {self.out_features}, {self.weight.dtype}"


class MultiQuantLinear(nn.Module):
    """A fused projection (q/k/v, gate/up) whose row blocks are stored in different forms.

    llama.cpp's ``*_K_M``/``*_K_S`` files give e.g. attn_v Q6_K next to Q4_K attn_q/attn_k, and
    EXL2 picks a width per layer; stacking such parts in one scheme would widen the narrow ones.
    Each part (a :class:`QuantLinear`, or a :class:`DenseLinear` for a float shard) keeps its own
    form: decode runs one kernel per part and concatenates the outputs along the features; prefill
    dequantizes every part into its rows of the shared scratch buffer and runs one GEMM (one GEMM
    per part when the parts read the activations in different column orders, EXL2's ``perm``).
    """

    def __init__(self, parts: list[PackedWeight | torch.Tensor], bias: torch.Tensor | None,
                 scratch: DequantScratch) -> None:
        super().__init__()
        if len(parts) < 2:
            raise ValueError("MultiQuantLinear needs at least two parts (one part: QuantLinear)")
        self.scratch = scratch
        self.parts = nn.ModuleList(
            QuantLinear(p, None, scratch) if isinstance(p, PackedWeight) else DenseLinear(p) for p in parts)
        self.sizes = [p.out_features for p in self.parts]
        self.in_features = self.parts[0].in_features
        self.out_features = sum(self.sizes)
        if any(p.in_features != self.in_features for p in self.parts):
            raise ValueError(f"parts of a fused layer differ in input size: {[p.in_features for p in self.parts]}")
        if bias is not None and not isinstance(bias, nn.Parameter):
            bias = nn.Parameter(bias, requires_grad=False)
        self.bias = bias
        perms = [p.perm if isinstance(p, QuantLinear) else None for p in self.parts]
        # One GEMM for many rows needs every part to read x in the same column order.
        self._one_gemm = all(q is None for q in perms) or (
            all(q is not None for q in perms) and all(torch.equal(q, perms[0]) for q in perms[1:]))

    @property
    def source_type(self) -> str:
        return "+".join(p.source_type if isinstance(p, QuantLinear) else str(p.weight.dtype).removeprefix("torch.")
                        for p in self.parts)

    def forward(self, x: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        kernels = load_kernels() if x.device.type == "cpu" else None
        policy = self.scratch.policy
        # In batch-invariant mode each packed part splits its rows itself: never one shared GEMM.
        # With AMX, int8 or int16 GEMMs each part runs its own product: no dense copy to share.
        if (not policy.batch_invariant and kernels is not None and policy.prompt_gemm == "dense"
                and x.shape[0] > policy.max_kernel_rows and self._one_gemm
                and not (x.shape[0] <= TILE_KERNEL_ROWS and self._has_tiles())):
            y = self._dequantized_gemm(x, kernels)
        else:
            y = torch.cat([part(x, decode_rows) for part in self.parts], dim=-1)
        return y.add_(self.bias.to(y.dtype)) if self.bias is not None else y  # y is this call's own

    def _has_tiles(self) -> bool:
        """Whether a part is q4x16, whose many-row products stay in its kernel (TILE_KERNEL_ROWS)."""
        return any(getattr(p, "scheme", None) == "q4x16" for p in self.parts)

    def _dequantized_gemm(self, x: torch.Tensor, kernels) -> torch.Tensor:
        """Prefill: every part dequantized into its rows of one scratch matrix, then one GEMM."""
        dense_dtype = _dense_dtype(self.scratch, x)
        dense = self.scratch.get(self.out_features, self.in_features, dense_dtype, x.device)
        row = 0
        for part, n in zip(self.parts, self.sizes):
            rows = dense[row:row + n]  # contiguous: whole rows of a row-major matrix
            if isinstance(part, QuantLinear):
                _dequantize_into(kernels, part.packed, rows)
            else:
                rows.copy_(part.weight)
            row += n
        perm = getattr(self.parts[0], "perm", None)
        if perm is not None:
            x = x.index_select(-1, perm)
        return F.linear(x.to(dense_dtype), dense).to(x.dtype)

    def extra_repr(self) -> str:
        return f"{self.in_features} -> {' + '.join(map(str, self.sizes))}, {self.source_type}"


class QuantEmbedding(PackedModule):
    """Token embedding kept packed: lookups dequantize only the rows asked for."""

    def __init__(self, weight: PackedWeight, dtype: torch.dtype, scratch: DequantScratch) -> None:
        super().__init__(weight, scratch)
        self.dtype = dtype
        self.num_embeddings, self.embedding_dim = self.rows, self.cols

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        kernels = load_kernels() if self.qs.device.type == "cpu" else None
        if (kernels is not None and ids.dim() == 1 and ids.dtype == torch.long and self.perm is None
                and self.scheme in ("q4", "q8", "q8x16") and self.dtype in (torch.float32, torch.bfloat16)):
            # one kernel call with the torch decode's values (a test checks): ~20 us a decode step
            # where the torch ops below take ~180
            return kernels.embedding_rows(self.qs, self.d, self.m, ids.contiguous(), self.offset,
                                          self.dtype == torch.bfloat16, tiled=self.scheme == "q8x16")
        w = untile_q8(self.packed) if self.scheme == "q8x16" else self.packed
        rows = PackedWeight(w.scheme, w.qs[ids], w.d[ids], w.m[ids] if w.m is not None else None,
                            w.source_type, w.offset, w.perm)
        return rows.dequantize(self.dtype)

    def as_linear(self, x: torch.Tensor) -> torch.Tensor:
        """Tied LM head: logits = x @ E.T straight from the packed embedding."""
        scratch = self.scratch
        if scratch.policy.batch_invariant and x.dim() == 2:
            kernels = load_kernels() if x.device.type == "cpu" else None
            if kernels is not None and x.shape[0] > scratch.policy.max_sample_rows:
                return many_row_product(x, self.packed, scratch, kernels)  # scoring many positions
            # one row per sampled sequence: each on its own in the kernel
            return packed_matmul(x, self.packed, scratch, kernel_rows=x.shape[0])
        return packed_matmul(x, self.packed, scratch)


def tile_linears(model: nn.Module, policy: KernelConfig) -> int:
    """Interleave ``model``'s packed weights 16 rows at a time where ``policy`` says (q4 linears in
    q4x16 with ``q4_tiles``; Q8_0-style linears and embeddings, so a tied head too, in q8x16 with
    ``q8_tiles``); returns how many were tiled. q4 embeddings keep the row layout (their lookups
    read rows; a q4 tied head runs the row kernel)."""
    tiled = 0
    for module in model.modules():
        if not isinstance(module, (QuantLinear, QuantEmbedding)):
            continue
        w = module.packed
        if policy.q4_tiles and type(module) is QuantLinear and can_tile_q4(w):
            module.set_weight(tile_q4(w))
        elif policy.q8_tiles and can_tile_q8(w):
            module.set_weight(tile_q8(w))
        else:
            continue
        tiled += 1
    return tiled
