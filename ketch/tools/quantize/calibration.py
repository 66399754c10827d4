"""Calibrated quantization (GPTQ, AWQ): run the float model on calibration text one decoder layer at
a time, fit each layer's codes on the inputs it actually sees, and feed the *quantized* layer's
outputs to the next layer, so later layers learn to absorb earlier layers' rounding.

The runner drives ketch's own model modules (fused q/k/v and gate/up projections), so any family
ketch runs can be calibrated; results are reported under the checkpoint's HF tensor names.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn
from tqdm import tqdm

from ketch.layers.attention import prefill_metadata
from ketch.tools.quantize import awq_search
from ketch.tools.quantize.gptq_solve import HessianAccumulator, gptq_quantize
from ketch.tools.quantize.rtn import dequantize_codes, rtn_quantize

log = logging.getLogger(__name__)

Codes = tuple[torch.Tensor, torch.Tensor, torch.Tensor]  # codes [K, N], zeros [K/g, N], scales [K/g, N]
_SPLITS = {"qkv_proj": ("q_proj", "k_proj", "v_proj"), "gate_up_proj": ("gate_proj", "up_proj")}


@dataclass(slots=True)
class CalibrationConfig:
    method: str  # "gptq" | "awq"
    bits: int
    group_size: int
    num_samples: int = 32
    seq_len: int = 512
    damp: float = 0.01  # GPTQ: fraction of mean(diag H) added to the diagonal
    awq_tokens: int = 2048  # AWQ: tokens used in the scale search (clip search uses a quarter)


@dataclass(slots=True)
class CalibrationResult:
    codes: dict[str, Codes] = field(default_factory=dict)  # HF weight name -> its codes
    overrides: dict[str, torch.Tensor] = field(default_factory=dict)  # HF name -> changed float tensor


def default_calibration_text() -> str:
    """English prose shipped with every Python install (the pydoc topic help, PSF license).

    Calibration wants varied natural text; nothing can be downloaded here, and the evaluation
    texts must stay separate from it.
    """
    from pydoc_data.topics import topics
    return "\n\n".join(topics[key] for key in sorted(topics))


def calibration_samples(token_ids: list[int], num_samples: int, seq_len: int) -> list[list[int]]:
    """Evenly spaced, non-overlapping windows of ``seq_len`` tokens (deterministic)."""
    available = len(token_ids) // seq_len
    if available == 0:
        raise ValueError(f"the calibration text has {len(token_ids)} tokens; at least seq_len={seq_len} are needed")
    if available < num_samples:
        log.warning("calibration text holds %d windows of %d tokens; using those instead of %d",
                    available, seq_len, num_samples)
    count = min(num_samples, available)
    stride = available // count
    return [token_ids[i * stride * seq_len:(i * stride + 1) * seq_len] for i in range(count)]


class LayerwiseRunner:
    """Runs decoder layers of ``model`` on fixed-length samples, layer by layer (plain causal prefill)."""

    def __init__(self, model: nn.Module, samples: list[list[int]]) -> None:
        self.model = model
        cfg = model.config
        t = len(samples[0])
        self.kv = (torch.empty(1, t, cfg.num_key_value_heads, cfg.head_dim),
                   torch.empty(1, t, cfg.num_key_value_heads, cfg.head_dim))
        self.meta = prefill_metadata(torch.arange(t), cfg.sliding_window)
        positions = torch.arange(t)
        self.ropes = {id(r): r.lookup(positions) for r in model.ropes}
        with torch.inference_mode():
            self.states = [(model.embed(torch.tensor(s)), None) for s in samples]

    @torch.inference_mode()
    def run(self, index: int, advance: bool = True) -> None:
        """Run layer ``index`` on every sample; with ``advance`` its outputs become the new states,
        else they are dropped (a pass that only feeds the input hooks)."""
        layer, rope = self.model.layers[index], self.ropes[id(self.model.ropes[index])]
        outputs = []
        for x, res in self.states:
            if not advance:  # the fused residual-add norm updates the residual stream in place
                x, res = x.clone(), None if res is None else res.clone()
            outputs.append(layer(x, res, rope, self.kv, self.meta))
        if advance:
            self.states = outputs

    @torch.inference_mode()
    def final_hidden(self) -> list[torch.Tensor]:
        """Each sample's last hidden states after the final norm (what the LM head reads)."""
        norm = self.model.norm
        return [norm(x.clone()) if res is None else norm(x.clone(), res.clone())[0] for x, res in self.states]


class _InputTap:
    """Forward pre-hook that hands each call's input to ``sink``."""

    def __init__(self, module: nn.Module, sink) -> None:
        self.handle = module.register_forward_pre_hook(lambda _m, args: sink(args[0].detach()))

    def remove(self) -> None:
        self.handle.remove()


def _linears(layer: nn.Module) -> dict[str, nn.Module]:
    return {"self_attn.qkv_proj": layer.self_attn.qkv_proj, "self_attn.o_proj": layer.self_attn.o_proj,
            "mlp.gate_up_proj": layer.mlp.gate_up_proj, "mlp.down_proj": layer.mlp.down_proj}


def calibrate(model: nn.Module, samples: list[list[int]], cfg: CalibrationConfig, quiet: bool = False
              ) -> CalibrationResult:
    """Quantize every decoder linear of ``model`` (float, on CPU) with GPTQ or AWQ.

    The model is modified in place: each layer ends up holding its dequantized codes (and, for
    AWQ, its rescaled norms), which is what the next layer is calibrated against.
    """
    runner = LayerwiseRunner(model, samples)
    result = CalibrationResult()
    layers = model.layers
    bar = tqdm(range(len(layers)), desc=f"{cfg.method} calibration", unit=" layers", disable=quiet)
    for i in bar:
        layer = layers[i]
        linears = _linears(layer)
        if cfg.method == "gptq":
            stats = {name: HessianAccumulator(m.in_features) for name, m in linears.items()}
        else:
            stats = {name: _TokenSample(cfg.awq_tokens) for name in linears}
        taps = [_InputTap(m, stats[name].add) for name, m in linears.items()]
        try:
            runner.run(i, advance=False)  # float pass: collects the layer's inputs
        finally:
            for tap in taps:
                tap.remove()
        with torch.inference_mode():
            if cfg.method == "gptq":
                for name, m in linears.items():
                    codes = gptq_quantize(m.weight, stats[name].h, cfg.group_size, cfg.bits, cfg.damp)
                    _store(result, i, layer, name, codes, cfg.group_size)
            else:
                _awq_layer(i, layer, {n: s.tensor() for n, s in stats.items()}, cfg, result)
        runner.run(i)  # quantized pass: the next layer's inputs
    return result


class _TokenSample:
    """Keeps up to ``limit`` input rows, spread over all samples (AWQ searches on these)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[torch.Tensor] = []

    def add(self, x: torch.Tensor) -> None:
        self.parts.append(x.reshape(-1, x.shape[-1]))

    def tensor(self) -> torch.Tensor:
        return _spread(torch.cat(self.parts), self.limit).float()


def _store(result: CalibrationResult, layer_idx: int, layer: nn.Module, name: str, codes: Codes,
           group: int) -> None:
    """Record codes under the HF names (fused projections split back into their checkpoint
    tensors) and put the rounded weight into the model for the layers calibrated after it."""
    module = layer.get_submodule(name)
    module.weight.copy_(dequantize_codes(*codes, group).to(module.weight.dtype))
    q, zeros, scales = codes
    parent, fused = name.rsplit(".", 1)
    prefix = f"model.layers.{layer_idx}.{parent}"
    parts = _SPLITS.get(fused)
    if parts is None:
        result.codes[f"{prefix}.{fused}.weight"] = codes
        return
    sizes = list(layer.self_attn.split) if fused == "qkv_proj" else [module.out_features // 2] * 2
    start = 0
    for part, size in zip(parts, sizes):
        cols = slice(start, start + size)
        result.codes[f"{prefix}.{part}.weight"] = (q[:, cols].contiguous(), zeros[:, cols].contiguous(),
                                                   scales[:, cols].contiguous())
        start += size


def _awq_layer(i: int, layer: nn.Module, inputs: dict[str, torch.Tensor],
               cfg: CalibrationConfig, result: CalibrationResult) -> None:
    """Scale, clip and round one decoder layer; fold the inverse scales into the ops before it."""
    attn, mlp = layer.self_attn, layer.mlp
    qkv, o, gate_up, down = attn.qkv_proj, attn.o_proj, mlp.gate_up_proj, mlp.down_proj
    q_size, kv_size, _ = attn.split
    mlp_norm = layer.pre_feedforward_layernorm if layer.sandwich else layer.post_attention_layernorm
    norm_names = {id(layer.input_layernorm): "input_layernorm", id(mlp_norm):
                  "pre_feedforward_layernorm" if layer.sandwich else "post_attention_layernorm"}
    prefix = f"model.layers.{i}"
    group, bits = cfg.group_size, cfg.bits

    def scale_pair(prev: nn.Module, prev_rows: slice | None, target: nn.Module, x: torch.Tensor) -> torch.Tensor:
        s = awq_search.search_scales(x, target.weight.float(), group, bits)
        target.weight.mul_(s.to(target.weight.dtype))
        if prev_rows is None:  # an RMSNorm: its (offset-folded) weight feeds the channels directly
            prev.weight.div_(s)
            result.overrides[f"{prefix}.{norm_names[id(prev)]}.weight"] = \
                prev.weight.float() - 1.0 if prev.add_unit_offset else prev.weight.float().clone()
        else:  # rows of the previous linear (v in q/k/v, up in gate/up) and their bias
            prev.weight[prev_rows].div_(s.unsqueeze(1))
            if prev.bias is not None:
                prev.bias[prev_rows].div_(s)
        return s

    s = scale_pair(layer.input_layernorm, None, qkv, inputs["self_attn.qkv_proj"])
    x_o = inputs["self_attn.o_proj"]
    if kv_size == q_size:  # v -> o only lines up channel for channel without grouped-query heads
        v_rows = slice(q_size + kv_size, q_size + 2 * kv_size)
        s_o = scale_pair(qkv, v_rows, o, x_o)
        x_o = x_o / s_o
        _note_bias(result, prefix, "self_attn.v_proj", qkv, v_rows)
    x_qkv = inputs["self_attn.qkv_proj"] / s
    s = scale_pair(mlp_norm, None, gate_up, inputs["mlp.gate_up_proj"])
    x_gate_up = inputs["mlp.gate_up_proj"] / s
    inter = down.in_features
    up_rows = slice(inter, 2 * inter)
    s = scale_pair(gate_up, up_rows, down, inputs["mlp.down_proj"])
    _note_bias(result, prefix, "mlp.up_proj", gate_up, up_rows)
    x_down = inputs["mlp.down_proj"] / s

    clip_tokens = max(64, cfg.awq_tokens // 4)
    for name, module, x, rows in (("self_attn.qkv_proj", qkv, x_qkv, slice(q_size + kv_size, None)),
                                  ("self_attn.o_proj", o, x_o, None), ("mlp.gate_up_proj", gate_up, x_gate_up, None),
                                  ("mlp.down_proj", down, x_down, None)):
        # q and k are not clipped: their errors pass through the softmax, which the per-group
        # output error does not see (AutoAWQ skips them for the same reason).
        rows = rows or slice(None)
        w = module.weight[rows].float()
        limit = awq_search.search_clip(_spread(x, clip_tokens), w, group, bits)
        module.weight[rows] = awq_search.apply_clip(w, limit, group).to(module.weight.dtype)
        _store(result, i, layer, name, rtn_quantize(module.weight.float(), group, bits), group)


def _spread(x: torch.Tensor, count: int) -> torch.Tensor:
    return x if x.shape[0] <= count else x[torch.linspace(0, x.shape[0] - 1, count).long()]


def _note_bias(result: CalibrationResult, prefix: str, name: str, module: nn.Module, rows: slice) -> None:
    if module.bias is not None:
        result.overrides[f"{prefix}.{name}.bias"] = module.bias[rows].float().clone()


def read_calibration_text(path: str | Path | None) -> str:
    if path is None:
        return default_calibration_text()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read calibration text {path}: {exc}") from exc
