"""Incremental detokenization that never emits half a UTF-8 character.

Decoding token by token is wrong for byte-level and SentencePiece vocabularies (a character may
span tokens; a leading space depends on the previous token), so each step decodes a short window
and emits only the text that is new and complete.
"""
from __future__ import annotations

from ketch.formats.tokenizer import Tokenizer

_CONTEXT = 6  # prompt tokens kept as left context so the first output token decodes in place
_TRIM_AT = 64


class IncrementalDetokenizer:
    def __init__(self, tokenizer: Tokenizer, prompt_token_ids: list[int], skip_special_tokens: bool) -> None:
        self._tok = tokenizer
        self._skip = skip_special_tokens
        self._ids = list(prompt_token_ids[-_CONTEXT:])
        self._prefix_offset = 0
        self._read_offset = len(self._ids)

    def add(self, token_id: int) -> str:
        """Append one token; return the text it completes (possibly empty)."""
        self._ids.append(token_id)
        prefix = self._tok.decode(self._ids[self._prefix_offset:self._read_offset], self._skip)
        full = self._tok.decode(self._ids[self._prefix_offset:], self._skip)
        if len(full) <= len(prefix) or full.endswith("\ufffd"):
            return ""  # an unfinished multi-byte character: wait for the next token
        delta = full[len(prefix):]
        self._prefix_offset, self._read_offset = self._read_offset, len(self._ids)
        if self._prefix_offset > _TRIM_AT:
            self._ids = self._ids[self._prefix_offset:]
            self._read_offset -= self._prefix_offset
            self._prefix_offset = 0
        return delta

    def flush(self) -> str:
        """At the end: whatever bytes are still pending, as the tokenizer decodes them."""
        prefix = self._tok.decode(self._ids[self._prefix_offset:self._read_offset], self._skip)
        full = self._tok.decode(self._ids[self._prefix_offset:], self._skip)
        self._prefix_offset = self._read_offset = len(self._ids)
        return full[len(prefix):] if len(full) > len(prefix) else ""
