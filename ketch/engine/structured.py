"""Constrained decoding: a grammar matcher per sequence masks the tokens the language forbids.

llguidance compiles JSON schemas, regexes and Lark grammars against the model's own tokenizer and
answers "which tokens may come next" in about a millisecond, so the output is valid by construction
rather than by hoping the model complies.
"""
from __future__ import annotations

from typing import Any

import torch

from ketch.formats.tokenizer import Tokenizer
from ketch.sampling import StructuredOutputParams

# Compact separators with one space: small models given free whitespace tend to pad forever.
_JSON_OPTIONS = {"whitespace_flexible": False, "item_separator": ", ", "key_separator": ": "}
_SHIFTS = torch.arange(8, dtype=torch.uint8)


class GrammarError(ValueError):
    """The schema, regex or grammar cannot be compiled."""


class GrammarCompiler:
    """Turns StructuredOutputParams into matchers; the llguidance tokenizer is built on first use."""

    def __init__(self, tokenizer: Tokenizer, vocab_size: int, eos_token_ids: list[int]) -> None:
        self.tokenizer = tokenizer
        self.vocab_size = vocab_size
        self.eos_token_ids = list(eos_token_ids)
        self._ll_tokenizer: Any = None

    def _llg(self):
        try:
            import llguidance
        except ImportError:  # pragma: no cover - a declared dependency
            raise ValueError("structured output needs the llguidance package (pip install llguidance)") from None
        if self._ll_tokenizer is None:
            n_vocab = max(self.vocab_size, self.tokenizer.vocab_size)
            self._ll_tokenizer = llguidance.LLTokenizer(self.tokenizer.to_json(), n_vocab=n_vocab,
                                                        eos_token=self.eos_token_ids or None)
        return llguidance

    def grammar(self, spec: StructuredOutputParams) -> str:
        llg = self._llg()
        try:
            if spec.json is not None or spec.json_object:
                schema = spec.json if spec.json is not None else {"type": "object"}
                return llg.LLMatcher.grammar_from_json_schema(schema, defaults=_JSON_OPTIONS)
            if spec.regex is not None:
                return llg.LLMatcher.grammar_from_regex(spec.regex)
            if spec.choice is not None:
                alts = " | ".join(_lark_string(c) for c in spec.choice)
                return llg.LLMatcher.grammar_from_lark(f"start: {alts}")
            return llg.LLMatcher.grammar_from_lark(spec.grammar or "")
        except ValueError as exc:
            raise GrammarError(f"invalid structured output spec: {exc}") from None

    def matchers(self, spec: StructuredOutputParams, count: int) -> list[Any]:
        """``count`` independent matchers (one per sample); raises ValueError on a bad grammar."""
        llg = self._llg()
        grammar = self.grammar(spec)
        first = llg.LLMatcher(self._ll_tokenizer, grammar, log_level=0)
        if first.is_error():
            raise GrammarError(f"invalid structured output spec: {first.get_error()}")
        return [first] + [first.deep_copy() for _ in range(count - 1)]


def allowed_mask(matcher: Any, vocab_size: int) -> torch.Tensor:
    """Bool [vocab_size]: True where the grammar allows the token next."""
    bits = torch.frombuffer(bytearray(matcher.compute_bitmask()), dtype=torch.uint8)
    allowed = ((bits.unsqueeze(1) >> _SHIFTS) & 1).flatten().bool()
    if allowed.numel() < vocab_size:
        allowed = torch.cat([allowed, allowed.new_zeros(vocab_size - allowed.numel())])
    return allowed[:vocab_size]


def _lark_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
