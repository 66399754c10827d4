"""Resolve what the user named (store name, .gguf file, HF directory) into a ModelSource."""
from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from ketch.config import ModelConfig, ModelKey
from ketch.formats import gguf
from ketch.formats.hf_config import model_config_from_hf
from ketch.formats.store import KNOWN_MODELS, ModelStore
from ketch.formats.tokenizer import Tokenizer
from ketch.security.crypto import decrypt_to_memory, is_encrypted

_TORCH_SUFFIXES = (".bin", ".pt", ".pth")


@dataclass(slots=True)
class ModelSource:
    """A model on disk: its config, tokenizer and a way to stream its tensors under HF names."""

    path: Path
    format: str  # "gguf" | "safetensors" | "pytorch"
    hf_config: dict[str, Any]
    config: ModelConfig
    tokenizer: Tokenizer
    quantization: str  # dominant stored tensor type, e.g. "Q4_1", "F32", "BF16"
    gguf_reader: Any = None  # the parsed GGUF header, kept so the file is parsed once

    def iter_weights(self, keep_packed: bool = False) -> Iterator[tuple[str, Any]]:
        """(HF name, tensor) pairs; GGUF Q4_0/Q4_1/Q8_0 weights stay packed if ``keep_packed``."""
        if self.format == "gguf":
            reader = self.gguf_reader or gguf.open_reader(self.path)
            yield from gguf.iter_tensors(reader, self.hf_config, keep_packed)
            return
        tensors = _iter_safetensors(self.path) if self.format == "safetensors" else _iter_torch(self.path)
        qcfg = self.quantization_config
        if qcfg is not None and str(qcfg.get("quant_method", "")).lower() == "exl2":
            from ketch.formats.exl2 import iter_exl2
            yield from iter_exl2(tensors, keep_packed, self.config.vocab_size)
        elif qcfg is not None:
            from ketch.formats.gptq import iter_quantized
            yield from iter_quantized(tensors, qcfg, keep_packed)
        else:
            yield from tensors

    @property
    def quantization_config(self) -> dict[str, Any] | None:
        """A HF checkpoint's ``quantization_config`` (GPTQ/AWQ/EXL2), None for float checkpoints."""
        qcfg = self.hf_config.get("quantization_config") if self.format != "gguf" else None
        return qcfg if isinstance(qcfg, dict) else None

    @property
    def has_packable_weights(self) -> bool:
        return self.format == "gguf" or self.quantization_config is not None


def resolve_model(model: str | Path, store: ModelStore | None = None, key: ModelKey | None = None) -> ModelSource:
    """Open a model by store name, ``.gguf`` path, HF-style directory, or encrypted file (``key``)."""
    spec = str(model)
    if spec in KNOWN_MODELS:
        path = (store or ModelStore()).pull(spec)
    else:
        path = Path(spec).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"model {spec!r} not found: not a known model name "
                                    f"({', '.join(KNOWN_MODELS)}) nor an existing path")
    if path.is_file() and is_encrypted(path):
        return _open_encrypted(path, key)
    if path.is_file() and path.suffix == ".gguf":
        return _open_gguf(path)
    if path.is_file() and path.suffix in _TORCH_SUFFIXES:
        path = path.parent
    if path.is_dir():
        if (path / "config.json").exists():
            return _open_hf_dir(path)
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return _open_gguf(ggufs[0])
        raise ValueError(f"{path}: no config.json and not exactly one .gguf file; cannot tell the format")
    raise ValueError(f"{path}: unsupported model file (expected .gguf, or a directory with config.json)")


def _open_encrypted(path: Path, key: ModelKey | None) -> ModelSource:
    """Decrypt into memory (never to disk) and read the GGUF inside."""
    if key is None:
        raise ValueError(f"{path} is an encrypted model: give its key (--model-key-file K, or KETCH_MODEL_KEY)")
    _, plain = decrypt_to_memory(path, key.value)
    if plain[:4] != b"GGUF":
        raise NotImplementedError(f"{path}: encrypted models must be GGUF files; this one holds something else "
                                  "(safetensors and HF directories are not supported encrypted yet)")
    return _open_gguf(path, plain)


def _open_gguf(path: Path, data: bytearray | None = None) -> ModelSource:
    reader = gguf.open_reader(path, data)
    meta = gguf.read_metadata(reader)
    hf_cfg = gguf.hf_config_from_metadata(meta)
    tokenizer = Tokenizer.from_gguf_metadata(meta)
    config = model_config_from_hf(hf_cfg)
    if not config.eos_token_ids:
        config.eos_token_ids = list(tokenizer.eos_token_ids)
    return ModelSource(path, "gguf", hf_cfg, config, tokenizer, gguf.quantization_summary(meta), reader)


def _open_hf_dir(path: Path) -> ModelSource:
    try:
        hf_cfg = json.loads((path / "config.json").read_text())
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path / 'config.json'} is not valid JSON: {exc}") from exc
    config = model_config_from_hf(hf_cfg)
    gen_path = path / "generation_config.json"
    eos = list(config.eos_token_ids)
    if gen_path.exists():
        gen_eos = json.loads(gen_path.read_text()).get("eos_token_id")
        eos += gen_eos if isinstance(gen_eos, list) else ([gen_eos] if gen_eos is not None else [])
    tokenizer = Tokenizer.from_hf_dir(path, extra_eos_ids=eos)
    config.eos_token_ids = list(tokenizer.eos_token_ids)
    if any(path.glob("*.safetensors")):
        fmt = "safetensors"
    elif any(p.suffix in _TORCH_SUFFIXES for p in path.iterdir()):
        fmt = "pytorch"
    else:
        raise ValueError(f"{path}: no *.safetensors or *.bin/*.pt weights found")
    dtype = str(hf_cfg.get("torch_dtype") or hf_cfg.get("dtype") or "float32").replace("torch.", "").upper()
    qcfg = hf_cfg.get("quantization_config")
    is_exl2 = isinstance(qcfg, dict) and str(qcfg.get("quant_method", "")).lower() == "exl2"
    if fmt == "safetensors" and (is_exl2 or not isinstance(qcfg, dict)):
        # exllamav2 names its checkpoints in config.json only with -cf; the tensors always tell.
        from ketch.formats.exl2 import exl2_bits_per_weight
        bpw = exl2_bits_per_weight(sorted(path.glob("*.safetensors")))
        if bpw is not None:
            hf_cfg["quantization_config"] = {**(qcfg or {}), "quant_method": "exl2"}
            return ModelSource(path, fmt, hf_cfg, config, tokenizer, f"EXL2 ({bpw:.2f} bpw)")
    if is_exl2:
        raise ValueError(f"{path}: config.json says EXL2 but no *.q_weight tensors were found")
    if isinstance(qcfg, dict) and qcfg.get("quant_method"):
        dtype = f"{str(qcfg['quant_method']).upper()} {qcfg.get('bits', qcfg.get('w_bit', '?'))}-bit"
    return ModelSource(path, fmt, hf_cfg, config, tokenizer, dtype)


def _iter_safetensors(path: Path) -> Iterator[tuple[str, torch.Tensor]]:
    from safetensors import SafetensorError, safe_open

    for file in sorted(path.glob("*.safetensors")):
        try:
            with safe_open(str(file), framework="pt") as sf:
                for key in sf.keys():
                    yield key, sf.get_tensor(key)
        except SafetensorError as exc:
            raise ValueError(f"{file}: corrupt safetensors file ({exc})") from exc


def _iter_torch(path: Path) -> Iterator[tuple[str, torch.Tensor]]:
    files = sorted(p for p in path.iterdir() if p.suffix in _TORCH_SUFFIXES and not p.name.startswith("training"))
    for file in files:
        try:
            state = torch.load(file, map_location="cpu", weights_only=True)
        except pickle.UnpicklingError as exc:
            raise ValueError(f"{file}: refused to load: this pickle needs code execution, which "
                             f"weights_only=True forbids ({str(exc).splitlines()[0]}). "
                             "Convert it to safetensors from a trusted environment.") from exc
        except (RuntimeError, EOFError) as exc:
            raise ValueError(f"{file}: corrupt PyTorch checkpoint ({exc})") from exc
        if isinstance(state, dict) and len(state) == 1 and isinstance(next(iter(state.values())), dict):
            state = next(iter(state.values()))  # {"state_dict": {...}} / {"model": {...}}
        if not isinstance(state, dict):
            raise ValueError(f"{file}: expected a state dict, found {type(state).__name__}")
        for key, value in state.items():
            if isinstance(value, torch.Tensor):
                yield key, value
