"""Llama family: llama 2/3, mistral, qwen2 (GQA, optional biases, tied or untied embeddings).

The gemma family (``gemma.py``) reuses these blocks and overrides the few hooks it needs.
"""
from __future__ import annotations

from collections.abc import Iterable

import torch
import torch.nn.functional as F
from torch import nn

from ketch.config import ModelConfig
from ketch.layers.attention import AttentionMetadata, paged_attention
from ketch.layers.linear import Linear, linear
from ketch.kernels import load_ops
from ketch.quant.linear import DequantScratch, MultiQuantLinear, QuantEmbedding, QuantLinear
from ketch.quant.packed import PackedWeight, concat_rows
from ketch.layers.norm import RMSNorm
from ketch.layers.rotary import RotaryEmbedding, apply_rotary
from ketch.models.fused_decode import FusedDecodeLayer

KVCache = tuple[torch.Tensor, torch.Tensor]
_ACTIVATIONS = {
    "silu": F.silu,
    "gelu_pytorch_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "gelu_new": lambda x: F.gelu(x, approximate="tanh"),
    "gelu": F.gelu,
}


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig, layer_idx: int, norm_offset: bool) -> None:
        super().__init__()
        self.n_heads, self.n_kv, self.head_dim = cfg.num_attention_heads, cfg.num_key_value_heads, cfg.head_dim
        q_size, kv_size = self.n_heads * self.head_dim, self.n_kv * self.head_dim
        self.split = (q_size, kv_size, kv_size)
        # One fused projection: three small GEMMs cost three dispatches per layer per step.
        self.qkv_proj = Linear(cfg.hidden_size, sum(self.split), bias=cfg.attention_bias)
        self.o_proj = Linear(q_size, cfg.hidden_size, bias=False)
        self.q_norm = RMSNorm(self.head_dim, cfg.rms_norm_eps, norm_offset) if cfg.use_qk_norm else None
        self.k_norm = RMSNorm(self.head_dim, cfg.rms_norm_eps, norm_offset) if cfg.use_qk_norm else None
        self.is_sliding = cfg.layer_is_sliding[layer_idx]
        self.scale = cfg.attention_scale
        self.softcap = cfg.attn_logit_softcapping
        self._ops = load_ops()
        self._fuse_decode = self._ops is not None and self.q_norm is None

    def forward(self, x: torch.Tensor, rope: tuple[torch.Tensor, torch.Tensor], kv_cache: KVCache,
                meta: AttentionMetadata) -> torch.Tensor:
        rows = meta.num_decodes  # leading rows that are generated tokens (batch-invariant products)
        qkv = self.qkv_proj(x, rows)
        cos, sin = rope
        if (self._fuse_decode and meta.decode_block_table is not None and meta.num_decodes == qkv.shape[0]
                and qkv.dtype == torch.float32 and qkv.device.type == "cpu" and cos.shape[-1] == self.head_dim):
            return self.o_proj(self.fused_decode_attention(qkv, cos.squeeze(1), sin.squeeze(1), kv_cache, meta), rows)
        q, k, v = qkv.split(self.split, dim=-1)
        q = q.view(-1, self.n_heads, self.head_dim)
        k = k.view(-1, self.n_kv, self.head_dim)
        v = v.view(-1, self.n_kv, self.head_dim)
        if self.q_norm is not None:
            q, k = self.q_norm(q), self.k_norm(k)
        if self._ops is not None and q.dtype == torch.float32 and q.device.type == "cpu":
            self._ops.rope_(q, k, cos.squeeze(1), sin.squeeze(1))  # in place, one call for q and k
        else:
            q, k = apply_rotary(q, cos, sin), apply_rotary(k, cos, sin)
        out = paged_attention(q, k, v, kv_cache, meta, self.scale, self.is_sliding, self.softcap)
        return self.o_proj(out.reshape(-1, self.n_heads * self.head_dim), rows)


    def fused_decode_attention(self, qkv: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, kv_cache: KVCache,
                               meta: AttentionMetadata) -> torch.Tensor:
        """A pure fp32 CPU decode step: rope, cache writes and attention in one call; [T, heads * head_dim]."""
        return self._ops.decode_attention_qkv(qkv, cos, sin, kv_cache[0], kv_cache[1], meta.slot_mapping,
                                              meta.decode_block_table, meta.decode_context_lens, self.n_heads,
                                              self.scale, meta.window_for(self.is_sliding), self.softcap or 0.0)


class MLP(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        if cfg.hidden_act not in _ACTIVATIONS:
            raise ValueError(f"unsupported activation {cfg.hidden_act!r}")
        self.act = _ACTIVATIONS[cfg.hidden_act]
        self._fused_act = {"silu": 0, "gelu_pytorch_tanh": 1, "gelu_new": 1}.get(cfg.hidden_act)
        self._ops = load_ops()
        self.gate_up_proj = Linear(cfg.hidden_size, 2 * cfg.intermediate_size, bias=cfg.mlp_bias)
        self.down_proj = Linear(cfg.intermediate_size, cfg.hidden_size, bias=cfg.mlp_bias)

    def forward(self, x: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        """``decode_rows``: how many leading rows are generated tokens (the step's metadata)."""
        gate_up = self.gate_up_proj(x, decode_rows)
        if self._ops is not None and self._fused_act is not None and gate_up.dtype == torch.float32 \
                and gate_up.device.type == "cpu":
            return self.down_proj(self._ops.act_and_mul(gate_up, self._fused_act), decode_rows)
        gate, up = gate_up.chunk(2, dim=-1)
        return self.down_proj(self.act(gate) * up, decode_rows)


class DecoderLayer(nn.Module):
    """Pre-norm block; ``sandwich`` adds gemma2/3's norms after attention and after the MLP."""

    def __init__(self, cfg: ModelConfig, layer_idx: int, norm_offset: bool = False,
                 sandwich: bool = False) -> None:
        super().__init__()
        eps = cfg.rms_norm_eps
        self.self_attn = Attention(cfg, layer_idx, norm_offset)
        self.mlp = MLP(cfg)
        self.input_layernorm = RMSNorm(cfg.hidden_size, eps, norm_offset)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, eps, norm_offset)
        self.sandwich = sandwich
        if sandwich:
            self.pre_feedforward_layernorm = RMSNorm(cfg.hidden_size, eps, norm_offset)
            self.post_feedforward_layernorm = RMSNorm(cfg.hidden_size, eps, norm_offset)

    def forward(self, x: torch.Tensor, residual: torch.Tensor | None, rope: tuple[torch.Tensor, torch.Tensor],
                kv_cache: KVCache, meta: AttentionMetadata) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Returns (sublayer output, residual stream); their sum is the layer's output.

        Keeping the two apart lets the next norm fuse the residual add (one op instead of two).
        """
        if self.sandwich:  # gemma2/3 norm the sublayer outputs before adding them
            if residual is not None:
                x = x + residual
            x = x + self.post_attention_layernorm(self.self_attn(self.input_layernorm(x), rope, kv_cache, meta))
            x = x + self.post_feedforward_layernorm(self.mlp(self.pre_feedforward_layernorm(x), meta.num_decodes))
            return x, None
        if residual is None:
            residual, h = x, self.input_layernorm(x)
        else:
            h, residual = self.input_layernorm(x, residual)
        h = self.self_attn(h, rope, kv_cache, meta)
        h, residual = self.post_attention_layernorm(h, residual)
        return self.mlp(h, meta.num_decodes), residual


class LlamaForCausalLM(nn.Module):
    """Decoder-only LM over a paged KV cache: ``forward`` -> hidden states, ``compute_logits`` -> logits."""

    norm_offset = False  # gemma: norms compute with (1 + w)
    sandwich_norms = False

    def __init__(self, cfg: ModelConfig, device: torch.device, dtype: torch.dtype) -> None:
        super().__init__()
        self.config = cfg
        self.device = device  # where weights land (the modules are built on "meta")
        self.scratch = DequantScratch()  # shared by the layers that keep weights packed
        # An uninitialised table: nn.Embedding's own normal_ init on "meta" imports torch._dynamo (70 MB).
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size,
                                         _weight=torch.empty(cfg.vocab_size, cfg.hidden_size))
        self.layers = nn.ModuleList(
            DecoderLayer(cfg, i, self.norm_offset, self.sandwich_norms) for i in range(cfg.num_hidden_layers))
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps, self.norm_offset)
        self.lm_head = None if cfg.tie_word_embeddings else Linear(cfg.hidden_size, cfg.vocab_size, bias=False)
        self.ropes = self._make_ropes(cfg, device, dtype)
        self._fused: list[FusedDecodeLayer | None] | None = None  # built at the first forward

    # ---- hooks the gemma family overrides ---------------------------------------------------

    def _make_ropes(self, cfg: ModelConfig, device: torch.device, dtype: torch.dtype) -> list[RotaryEmbedding]:
        """One rope per layer (layers may share the same object)."""
        rope = RotaryEmbedding(cfg.head_dim, cfg.max_position_embeddings, cfg.rope_theta,
                               cfg.rope_scaling, device, dtype)
        return [rope] * cfg.num_hidden_layers

    def embed(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.embed_tokens(input_ids)

    # ---- execution --------------------------------------------------------------------------

    def forward(self, input_ids: torch.Tensor, positions: torch.Tensor, kv_caches: list[KVCache],
                meta: AttentionMetadata) -> torch.Tensor:
        x = self.embed(input_ids)
        residual: torch.Tensor | None = None
        tables: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
        fused = self._fused_decode_layers(x, meta)
        for layer, rope, kv, fast in zip(self.layers, self.ropes, kv_caches, fused):
            cos_sin = tables.get(id(rope))
            if cos_sin is None:
                cos, sin = rope.lookup(positions)
                cos_sin = tables[id(rope)] = (cos, sin, cos.squeeze(1), sin.squeeze(1))
            if fast is not None:
                x, residual = fast(x, residual, cos_sin[2], cos_sin[3], kv, meta)
            else:
                x, residual = layer(x, residual, cos_sin[:2], kv, meta)
        if residual is None:
            return self.norm(x)
        return self.norm(x, residual)[0]

    def _fused_decode_layers(self, x: torch.Tensor, meta: AttentionMetadata) -> list[FusedDecodeLayer | None]:
        """Per layer, its fused decode path when this step can take it (see fused_decode.py), else None."""
        if self._fused is None:  # built only where the layer's kernels are the CPU ones
            self._fused = [FusedDecodeLayer.build(layer) for layer in self.layers]
        first = self._fused[0] if self._fused else None
        if first is None or not first.applies(x, self.ropes[0].cos, meta, self.scratch.policy):
            return [None] * len(self.layers)
        return self._fused

    def _apply(self, fn, *args, **kwargs):  # .to() replaces tensors the fused paths point at
        self._fused = None
        return super()._apply(fn, *args, **kwargs)

    def compute_logits(self, hidden: torch.Tensor, decode_rows: int = 0) -> torch.Tensor:
        """Logits of the sampled rows; the first ``decode_rows`` are generated tokens (a packed head
        runs those through its kernel in batch-invariant mode, as the layers do)."""
        if self.lm_head is not None:
            logits = self.lm_head(hidden, decode_rows)
        elif isinstance(self.embed_tokens, QuantEmbedding):
            logits = self.embed_tokens.as_linear(hidden)
        else:
            logits = linear(hidden, self.embed_tokens.weight)
        logits = logits.float()
        cap = self.config.final_logit_softcapping
        if cap:
            logits = torch.tanh(logits / cap) * cap
        return logits

    # ---- weights ----------------------------------------------------------------------------

    def load_weights(self, weights: Iterable[tuple[str, torch.Tensor | PackedWeight]]) -> None:
        """Copy HF-named tensors in, fusing q/k/v and gate/up; fail on missing or unknown names.

        A :class:`PackedWeight` replaces its float layer with a packed one. A fused layer is built
        once all its weight shards are in (see :meth:`_load_fused`): one stacked packed matrix when
        the shards agree, else a :class:`MultiQuantLinear` that keeps each part in its own form.
        """
        self._fused = None  # built again from the loaded layers
        params = dict(self.named_parameters())
        loaded: set[str] = set()
        pending: dict[str, dict[int, torch.Tensor | PackedWeight]] = {}  # fused weights, by shard
        fused = {"q_proj": ("qkv_proj", 0), "k_proj": ("qkv_proj", 1), "v_proj": ("qkv_proj", 2),
                 "gate_proj": ("gate_up_proj", 0), "up_proj": ("gate_up_proj", 1)}
        for name, tensor in weights:
            name = name.removeprefix("model.")
            if name.startswith("lm_head.") and self.lm_head is None:
                continue  # tied checkpoints sometimes store a copy of the embedding
            if "rotary_emb" in name:
                continue
            parts = name.split(".")
            shard = None
            if len(parts) >= 2 and parts[-2] in fused:
                target, shard = fused[parts[-2]]
                parts[-2] = target
                name = ".".join(parts)
            if name not in params:
                raise ValueError(f"checkpoint has an unexpected tensor {name!r} for {self.config.architecture}")
            if shard is None:
                if isinstance(tensor, PackedWeight):
                    self._use_packed(name, tensor)
                else:
                    self._copy(name, params[name], tensor)
                loaded.add(name)
            elif name.endswith(".weight"):
                shards = pending.setdefault(name, {})
                shards[shard] = tensor
                if len(shards) == len(self._shard_sizes(name, params[name])):
                    self._load_fused(name, params[name], [shards[i] for i in range(len(shards))])
                    del pending[name]
                    loaded.add(name)
            else:  # a bias shard: straight into the fused bias, whichever module now owns it
                self._copy_shard(name, params[name], tensor, shard)
                loaded.add(f"{name}#{shard}")
        fused_bias_done = lambda n: n.endswith(("qkv_proj.bias", "gate_up_proj.bias")) and all(  # noqa: E731
            f"{n}#{i}" in loaded for i in range(len(self._shard_sizes(n, params[n]))))
        missing = sorted(n for n in params if n not in loaded and not fused_bias_done(n))
        if missing:
            raise ValueError(f"checkpoint is missing {len(missing)} tensors, e.g. {missing[:3]}")

    def _shard_sizes(self, name: str, param: nn.Parameter) -> tuple[int, ...]:
        """Output rows of each shard of the fused ``name`` (q, k, v or gate, up)."""
        if name.endswith(("qkv_proj.weight", "qkv_proj.bias")):
            return self.layers[0].self_attn.split
        half = param.shape[0] // 2
        return half, half

    def _load_fused(self, name: str, param: nn.Parameter, shards: list[torch.Tensor | PackedWeight]) -> None:
        """Install a fused weight from its shards, in order.

        All float: copied into the float layer. Otherwise consecutive shards that can share one
        matrix are stacked (packed ones of one :attr:`PackedWeight.kind`, float ones), and the layer
        becomes a :class:`QuantLinear` if that leaves one packed matrix, else a
        :class:`MultiQuantLinear` over the stacks: a Q4_K_M file's Q4_K q/k and Q6_K v stay packed
        as two parts, a float shard next to packed ones becomes a dense part.
        """
        sizes = self._shard_sizes(name, param)
        for i, (t, rows) in enumerate(zip(shards, sizes)):
            if tuple(t.shape) != (rows, param.shape[1]):
                raise ValueError(f"tensor for {name!r} shard {i} has shape {tuple(t.shape)}, "
                                 f"expected {(rows, param.shape[1])}")
        if not any(isinstance(t, PackedWeight) for t in shards):
            for i, t in enumerate(shards):
                self._copy_shard(name, param, t, i)
            return
        runs: list[tuple[object, list]] = []  # (kind, or None for float, shards)
        for t in shards:
            kind = t.kind if isinstance(t, PackedWeight) else None
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(t)
            else:
                runs.append((kind, [t]))
        parts: list[torch.Tensor | PackedWeight] = []
        for kind, run in runs:
            if kind is None:
                dense = run[0] if len(run) == 1 else torch.cat(run)
                parts.append(dense.to(device=self.device, dtype=param.dtype).contiguous())
            else:
                parts.append(run[0] if len(run) == 1 else concat_rows(run))
        self._use_packed(name, parts[0] if len(parts) == 1 else parts)

    def _use_packed(self, name: str, weight: PackedWeight | list[PackedWeight | torch.Tensor]) -> None:
        """Swap the float layer owning ``name`` for one that keeps ``weight`` packed (a list: the
        row blocks of a :class:`MultiQuantLinear`)."""
        module_name = name.rsplit(".", 1)[0]
        old = self.get_submodule(module_name)
        shape = weight.shape if isinstance(weight, PackedWeight) else (
            sum(p.shape[0] for p in weight), weight[0].shape[1])
        if isinstance(old, (nn.Linear, nn.Embedding)) and tuple(old.weight.shape) != tuple(shape):
            raise ValueError(f"tensor {name!r} has shape {tuple(shape)}, expected {tuple(old.weight.shape)}")
        if isinstance(old, nn.Linear):
            cls = QuantLinear if isinstance(weight, PackedWeight) else MultiQuantLinear
            new: nn.Module = cls(weight, None, self.scratch)
        elif isinstance(old, nn.Embedding) and isinstance(weight, PackedWeight):
            new = QuantEmbedding(weight, old.weight.dtype, self.scratch)
        else:
            raise ValueError(f"tensor {name!r} is quantized but its layer cannot run quantized")
        new.to(self.device)
        if isinstance(old, nn.Linear):
            # The bias Parameter itself: real if its shards came first, else still meta and
            # installed later (by _copy or _copy_shard) on the new module.
            new.bias = old.bias
        parent_name, _, child = module_name.rpartition(".")
        setattr(self.get_submodule(parent_name) if parent_name else self, child, new)

    def _copy(self, name: str, param: nn.Parameter, tensor: torch.Tensor) -> None:
        module_name = name.rsplit(".", 1)[0]
        module = self.get_submodule(module_name) if module_name else self
        if tuple(param.shape) != tuple(tensor.shape):
            raise ValueError(f"tensor {name!r} has shape {tuple(tensor.shape)}, expected {tuple(param.shape)}")
        if isinstance(module, RMSNorm):
            module.load(tensor.to(self.device))
            return
        self._set_param(name, tensor.to(device=self.device, dtype=param.dtype).contiguous())

    def _set_param(self, name: str, value: torch.Tensor) -> nn.Parameter:
        """Install a real tensor where the meta-built parameter ``name`` stands."""
        module_name, _, attr = name.rpartition(".")
        param = nn.Parameter(value, requires_grad=False)
        setattr(self.get_submodule(module_name) if module_name else self, attr, param)
        return param

    def _copy_shard(self, name: str, param: nn.Parameter, tensor: torch.Tensor, shard: int) -> None:
        sizes = self._shard_sizes(name, param)
        offset = sum(sizes[:shard])
        if tensor.shape[0] != sizes[shard] or tuple(tensor.shape[1:]) != tuple(param.shape[1:]):
            raise ValueError(f"tensor for {name!r} shard {shard} has shape {tuple(tensor.shape)}")
        module_name, _, attr = name.rpartition(".")
        current = getattr(self.get_submodule(module_name), attr)
        if current.is_meta:
            current = self._set_param(name, torch.empty(param.shape, dtype=param.dtype, device=self.device))
        current.data[offset:offset + sizes[shard]].copy_(tensor)
