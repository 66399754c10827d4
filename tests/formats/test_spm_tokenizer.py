"""SentencePiece-style GGUF vocabularies (llama 2, mistral, gemma): ketch's tokenizer vs transformers'."""
from __future__ import annotations

import pytest

from ketch.formats import gguf as kgguf
from ketch.formats.tokenizer import Tokenizer

TEXTS = ["hello world", "the cat sat on the mat", "  two  spaces", "new\nline", "héllo ünïcode", "xyz 42"]


def _write_spm_gguf(path, add_space_prefix: bool) -> None:
    import gguf

    pieces = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    words = ["▁", "h", "e", "l", "o", "w", "r", "d", "t", "c", "a", "s", "n", "m", "i",
             "he", "ll", "llo", "hello", "▁hello", "▁w", "or", "orld", "▁world", "▁t", "▁the", "at", "▁c",
             "▁cat", "▁s", "▁sat", "▁o", "▁on", "▁m", "▁mat", "in", "▁n", "ne", "▁new", "▁l", "li", "line"]
    pieces += words
    scores = [0.0] * 3 + [0.0] * 256 + [-float(i) if len(p) == 1 else float(len(p)) for i, p in enumerate(words)]
    types = [2, 3, 3] + [6] * 256 + [1] * len(words)
    w = gguf.GGUFWriter(str(path), "llama")
    w.add_tokenizer_model("llama")
    w.add_token_list(pieces)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)
    w.add_add_space_prefix(add_space_prefix)
    w.add_tensor("token_embd.weight", __import__("numpy").zeros((len(pieces), 8), dtype="float32"))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def test_spm_vocab_encodes_like_transformers(tmp_path):
    transformers = pytest.importorskip("transformers")
    path = tmp_path / "spm.gguf"
    _write_spm_gguf(path, add_space_prefix=True)
    ours = Tokenizer.from_gguf_metadata(kgguf.read_metadata(kgguf.open_reader(path)))
    ref = transformers.AutoTokenizer.from_pretrained(str(tmp_path), gguf_file=path.name)
    for text in TEXTS:
        assert ours.encode(text) == ref(text)["input_ids"], text
        ids = ours.encode(text)
        assert ours.decode(ids) == ref.decode(ids, skip_special_tokens=True), text
    assert ours.bos_token_id == 1 and ours.eos_token_ids == [2]
