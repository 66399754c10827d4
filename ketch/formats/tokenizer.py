"""Tokenizer: HF ``tokenizers`` built from ``tokenizer.json`` or from GGUF metadata."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tokenizers import AddedToken, Regex, decoders, models, pre_tokenizers, processors
from tokenizers import Tokenizer as HFTokenizer

# llama.cpp's pre-tokenizer names -> the split regex their original tokenizer.json used.
_GPT2_RE = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"
_LLAMA3_RE = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
              r"|\s*[\r\n]+|\s+(?!\S)|\s+")
_QWEN2_RE = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"
             r"|\s*[\r\n]+|\s+(?!\S)|\s+")
_PRE_REGEX = {"llama-bpe": _LLAMA3_RE, "llama3": _LLAMA3_RE, "qwen2": _QWEN2_RE, "dbrx": _LLAMA3_RE,
              "smaug-bpe": _LLAMA3_RE}
_CONTROL, _USER_DEFINED = 3, 4


class InvalidTextError(ValueError):
    """Text that no tokenizer can take (not encodable as UTF-8)."""


class Tokenizer:
    """Encode/decode plus the special ids the engine needs (BOS, EOS/stop ids)."""

    def __init__(self, tok: HFTokenizer, *, bos_token_id: int | None, eos_token_ids: list[int],
                 chat_template: str | None = None, bos_token: str | None = None,
                 eos_token: str | None = None) -> None:
        self._tok = tok
        self.bos_token_id = bos_token_id
        self.eos_token_ids = list(dict.fromkeys(eos_token_ids))
        self.chat_template = chat_template
        self.bos_token = bos_token
        self.eos_token = eos_token
        # Whether encoding puts BOS first (GGUF's add_bos_token, an HF post-processor): models
        # trained that way score far worse without it, so perplexity chunks start with it too.
        self.add_bos_token = bos_token_id is not None and tok.encode("").ids[:1] == [bos_token_id]

    @property
    def vocab_size(self) -> int:
        return self._tok.get_vocab_size(with_added_tokens=True)

    @property
    def eos_token_id(self) -> int | None:
        return self.eos_token_ids[0] if self.eos_token_ids else None

    def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
        try:
            return self._tok.encode(text, add_special_tokens=add_special_tokens).ids
        except TypeError:
            if isinstance(text, str):  # lone surrogates (e.g. JSON "\udcff") cannot be UTF-8 encoded
                raise InvalidTextError("the text is not valid Unicode: it holds a lone surrogate "
                                       "code point") from None
            raise

    def decode(self, ids: list[int], skip_special_tokens: bool = True) -> str:
        return self._tok.decode(ids, skip_special_tokens=skip_special_tokens)

    def to_json(self) -> str:
        """The HF ``tokenizer.json`` text (what grammar libraries build their token tables from)."""
        return self._tok.to_str()

    def id_to_token(self, token_id: int) -> str | None:
        return self._tok.id_to_token(token_id)

    def save(self, path: Path) -> None:
        """Write ``tokenizer.json`` and ``tokenizer_config.json`` (with the chat template) into ``path``."""
        self._tok.save(str(path / "tokenizer.json"))
        cfg = {"bos_token": self.bos_token, "eos_token": self.eos_token, "chat_template": self.chat_template}
        (path / "tokenizer_config.json").write_text(json.dumps({k: v for k, v in cfg.items() if v is not None},
                                                               indent=2))

    # ---- constructors -------------------------------------------------------------------

    @classmethod
    def from_gguf_metadata(cls, meta: dict[str, Any]) -> Tokenizer:
        kind = meta.get("tokenizer.ggml.model")
        tokens: list[str] = list(meta.get("tokenizer.ggml.tokens") or [])
        if not tokens:
            raise ValueError("GGUF file has no tokenizer (tokenizer.ggml.tokens is missing)")
        types: list[int] = list(meta.get("tokenizer.ggml.token_type") or [1] * len(tokens))
        if kind == "gpt2":
            tok = _bpe_from_gguf(tokens, list(meta.get("tokenizer.ggml.merges") or []),
                                 str(meta.get("tokenizer.ggml.pre", "default")))
        elif kind == "llama":
            tok = _spm_from_gguf(tokens, list(meta.get("tokenizer.ggml.scores") or [0.0] * len(tokens)),
                                 bool(meta.get("tokenizer.ggml.add_space_prefix", True)))
        else:
            raise ValueError(f"unsupported GGUF tokenizer model {kind!r} (supported: gpt2, llama)")
        specials = [AddedToken(tokens[i], special=True, normalized=False)
                    for i, t in enumerate(types) if t in (_CONTROL, _USER_DEFINED)]
        tok.add_special_tokens(specials)
        bos = meta.get("tokenizer.ggml.bos_token_id")
        add_bos = bool(meta.get("tokenizer.ggml.add_bos_token", kind == "llama"))
        if add_bos and bos is not None:
            tok.post_processor = processors.TemplateProcessing(
                single=f"{tokens[bos]} $A", pair=f"{tokens[bos]} $A {tokens[bos]} $B",
                special_tokens=[(tokens[bos], int(bos))])
        eos_ids = [int(meta[k]) for k in ("tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id",
                                          "tokenizer.ggml.eom_token_id") if meta.get(k) is not None]
        return cls(tok, bos_token_id=int(bos) if bos is not None else None, eos_token_ids=eos_ids,
                   chat_template=meta.get("tokenizer.chat_template"),
                   bos_token=tokens[bos] if bos is not None else None,
                   eos_token=tokens[eos_ids[0]] if eos_ids else None)

    @classmethod
    def from_hf_dir(cls, path: Path, extra_eos_ids: list[int] | None = None) -> Tokenizer:
        file = path / "tokenizer.json"
        if not file.exists():
            raise ValueError(f"{path}: no tokenizer.json (only fast tokenizers are supported)")
        tok = HFTokenizer.from_file(str(file))
        cfg: dict[str, Any] = {}
        if (path / "tokenizer_config.json").exists():
            cfg = json.loads((path / "tokenizer_config.json").read_text())
        template = cfg.get("chat_template")
        if (path / "chat_template.jinja").exists():
            template = (path / "chat_template.jinja").read_text()
        elif (path / "chat_template.json").exists():
            template = json.loads((path / "chat_template.json").read_text()).get("chat_template")
        if isinstance(template, list):  # named templates: take the default one
            template = next((t["template"] for t in template if t.get("name") == "default"), None)
        bos_tok, eos_tok = _token_str(cfg.get("bos_token")), _token_str(cfg.get("eos_token"))
        bos_id = tok.token_to_id(bos_tok) if bos_tok else None
        eos_ids = list(extra_eos_ids or [])
        if eos_tok and tok.token_to_id(eos_tok) is not None:
            eos_ids.append(tok.token_to_id(eos_tok))
        return cls(tok, bos_token_id=bos_id, eos_token_ids=eos_ids, chat_template=template,
                   bos_token=bos_tok, eos_token=eos_tok)


def _token_str(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("content")
    return value if isinstance(value, str) else None


def _bpe_from_gguf(tokens: list[str], merges: list[str], pre: str) -> HFTokenizer:
    vocab = {t: i for i, t in enumerate(tokens)}
    pairs = [tuple(m.split(" ", 1)) for m in merges]
    tok = HFTokenizer(models.BPE(vocab=vocab, merges=pairs, fuse_unk=False))
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    if pre in _PRE_REGEX:
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(_PRE_REGEX[pre]), behavior="isolated"), byte_level])
    elif pre in ("smollm", "starcoder", "refact"):
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Digits(individual_digits=True),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
    else:
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    return tok


def _spm_from_gguf(tokens: list[str], scores: list[float], add_space_prefix: bool) -> HFTokenizer:
    """SentencePiece-BPE vocab as a HF BPE with byte fallback; merges ranked by merged-token score."""
    vocab = {t: i for i, t in enumerate(tokens)}
    merges: list[tuple[float, int, str, str]] = []
    for piece, pid in vocab.items():
        for cut in range(1, len(piece)):
            left, right = piece[:cut], piece[cut:]
            if left in vocab and right in vocab:
                merges.append((-scores[pid], pid, left, right))
    merges.sort()
    unk = next((t for t in ("<unk>",) if t in vocab), None)
    tok = HFTokenizer(models.BPE(vocab=vocab, merges=[(a, b) for _, _, a, b in merges],
                                 unk_token=unk, fuse_unk=True, byte_fallback=True))
    # Metaspace with prepend "first": the dummy-prefix space is added unless the text already
    # starts with one (transformers' rule for these vocabularies).
    tok.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement="\u2581", prepend_scheme="first" if add_space_prefix else "never", split=False)
    steps = [decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse()]
    if add_space_prefix:
        steps.append(decoders.Strip(" ", 1, 0))
    tok.decoder = decoders.Sequence(steps)
    return tok
