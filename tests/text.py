"""Matching messages whatever the terminal width: compare text with its whitespace runs squashed."""
from __future__ import annotations


def squash(text: str) -> str:
    """``text`` with every run of whitespace (line breaks from wrapping included) made one space."""
    return " ".join(text.split())
