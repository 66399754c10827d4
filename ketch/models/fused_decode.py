"""One decoder layer's decode step as one or eight C++ calls, for fp32 CPU models with packed weights.

At one sequence a SmolLM2 layer does ~60 us of arithmetic and, through the module tree, ~80 us
of Python and dispatch (module calls, splits, views, per-op checks). Pure decode steps of layers
whose parts all have fused kernels skip the tree: norm, qkv kernel, rope + cache write +
attention, o kernel, norm, gate/up kernel, activation, down kernel. The results are the same
calls in the same order as the module path, so outputs are identical (a test checks this).

Where all four linears are q4x16 tiles, the eight calls are one (``DecodeLayer.step`` in
``kernels/csrc/decode_layer.cpp``): one thread-team fork per layer instead of eight, the same
functions in the same order, so again the same bits.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from ketch.kernels import load_kernels
from ketch.kernels.policy import KernelConfig
from ketch.layers.attention import AttentionMetadata
from ketch.quant.linear import QuantLinear

Kernel = Callable[[torch.Tensor], torch.Tensor]


@dataclass(slots=True)
class FusedDecodeLayer:
    ops: object  # the ketch_ops extension
    norm1: torch.Tensor
    norm2: torch.Tensor
    eps1: float
    eps2: float
    qkv: Kernel
    qkv_bias: torch.Tensor | None
    o: Kernel
    gate_up: Kernel
    gate_up_bias: torch.Tensor | None
    down: Kernel
    down_bias: torch.Tensor | None
    act: int
    attention: Callable[..., torch.Tensor]  # the layer's Attention.fused_decode_attention
    head_dim: int
    one_call: object | None  # the ketch_qgemv DecodeLayer, where every linear is q4x16
    one_call_rows: int  # the most rows it takes (the policy's kernel rows; batches above use GEMMs)
    sliding: bool

    @classmethod
    def build(cls, layer) -> FusedDecodeLayer | None:
        """The fused path for ``layer`` (a llama-style DecoderLayer), or None where a part lacks one."""
        attn, mlp = layer.self_attn, layer.mlp
        ops = attn._ops
        linears = (attn.qkv_proj, attn.o_proj, mlp.gate_up_proj, mlp.down_proj)
        norms = (layer.input_layernorm, layer.post_attention_layernorm)
        if (ops is None or layer.sandwich or not attn._fuse_decode or mlp._fused_act is None
                or any(type(m) is not QuantLinear for m in linears) or attn.o_proj.bias is not None
                or any(n.weight.dtype != torch.float32 or n.weight.device.type != "cpu" for n in norms)):
            return None
        kernels = [m.decode_kernel() for m in linears]
        if any(k is None for k in kernels):
            return None
        norm1, norm2 = norms[0].weight.detach(), norms[1].weight.detach()
        policy = attn.qkv_proj.scratch.policy
        return cls(ops, norm1, norm2, norms[0].eps, norms[1].eps,
                   kernels[0], _bias(attn.qkv_proj), kernels[1], kernels[2], _bias(mlp.gate_up_proj), kernels[3],
                   _bias(mlp.down_proj), mlp._fused_act, attn.fused_decode_attention, attn.head_dim,
                   _one_call(layer, norm1, norm2, policy), policy.max_kernel_rows, attn.is_sliding)

    def applies(self, x: torch.Tensor, cos: torch.Tensor, meta: AttentionMetadata, policy: KernelConfig) -> bool:
        """Whether this step is one the fused path computes exactly as the module path would."""
        rows = x.shape[0]
        return (meta.decode_block_table is not None and meta.num_decodes == rows and x.dtype == torch.float32
                and x.dim() == 2 and x.is_contiguous() and cos.shape[-1] == self.head_dim
                and (policy.batch_invariant or rows <= policy.max_kernel_rows))

    def __call__(self, x: torch.Tensor, residual: torch.Tensor | None, cos: torch.Tensor, sin: torch.Tensor,
                 kv_cache: tuple[torch.Tensor, torch.Tensor], meta: AttentionMetadata
                 ) -> tuple[torch.Tensor, torch.Tensor]:
        if self.one_call is not None and x.shape[0] <= self.one_call_rows:
            return self.one_call.step(x, residual, cos, sin, kv_cache[0], kv_cache[1], meta.slot_mapping,
                                      meta.decode_block_table, meta.decode_context_lens,
                                      meta.window_for(self.sliding))
        ops = self.ops
        if residual is None:
            residual, h = x, ops.add_rms_norm(x, None, self.norm1, self.eps1)
        else:
            h = ops.add_rms_norm(x, residual, self.norm1, self.eps1)  # residual += x, in place
        qkv = self.qkv(h)
        if self.qkv_bias is not None:
            qkv = qkv + self.qkv_bias
        attn = self.attention(qkv, cos, sin, kv_cache, meta)
        h = ops.add_rms_norm(self.o(attn), residual, self.norm2, self.eps2)
        gate_up = self.gate_up(h)
        if self.gate_up_bias is not None:
            gate_up = gate_up + self.gate_up_bias
        out = self.down(ops.act_and_mul(gate_up, self.act))
        if self.down_bias is not None:
            out = out + self.down_bias
        return out, residual


def _one_call(layer, norm1: torch.Tensor, norm2: torch.Tensor, policy: KernelConfig) -> object | None:
    """The layer's single-call decode step, where its four linears are q4x16 tiles on the CPU."""
    attn, mlp = layer.self_attn, layer.mlp
    linears = (attn.qkv_proj, attn.o_proj, mlp.gate_up_proj, mlp.down_proj)
    kernels = load_kernels()
    if (kernels is None
            or any(m.scheme != "q4x16" or m.perm is not None or m.scratch.policy is not policy for m in linears)):
        return None
    parts = [kernels.DecodeLinear(m.qs, m.d, m.m, _bias(m)) for m in linears]
    return kernels.DecodeLayer(norm1, layer.input_layernorm.eps, norm2, layer.post_attention_layernorm.eps, *parts,
                               mlp._fused_act, attn.n_heads, attn.scale, attn.softcap or 0.0, policy.tile_planes,
                               policy.tile_code)


def _bias(linear: QuantLinear) -> torch.Tensor | None:
    return None if linear.bias is None else linear.bias.detach().float()
