"""Architecture name -> model class, imported lazily so unused families cost nothing."""
from __future__ import annotations

import importlib

# HF `architectures` names (and GGUF `general.architecture` names) -> (module, class).
_MODELS: dict[str, tuple[str, str]] = {
    "LlamaForCausalLM": ("ketch.models.llama", "LlamaForCausalLM"),
    "MistralForCausalLM": ("ketch.models.llama", "LlamaForCausalLM"),
    "Qwen2ForCausalLM": ("ketch.models.llama", "LlamaForCausalLM"),
    "GemmaForCausalLM": ("ketch.models.gemma", "GemmaForCausalLM"),
    "Gemma2ForCausalLM": ("ketch.models.gemma", "GemmaForCausalLM"),
    "Gemma3ForCausalLM": ("ketch.models.gemma", "GemmaForCausalLM"),
}
_ALIASES = {"llama": "LlamaForCausalLM", "mistral": "MistralForCausalLM", "qwen2": "Qwen2ForCausalLM",
            "gemma": "GemmaForCausalLM", "gemma2": "Gemma2ForCausalLM", "gemma3": "Gemma3ForCausalLM",
            "gemma3_text": "Gemma3ForCausalLM"}


def supported_architectures() -> list[str]:
    return sorted(_MODELS)


def check_supported(name: str) -> str:
    """Return the canonical architecture name, or raise naming what is supported."""
    canonical = _ALIASES.get(name, name)
    if canonical not in _MODELS:
        raise ValueError(f"unsupported model architecture {name!r}; supported: "
                         f"{', '.join(supported_architectures())}")
    return canonical


def get_model_class(architecture: str) -> type:
    module, cls = _MODELS[check_supported(architecture)]
    return getattr(importlib.import_module(module), cls)
