"""Input and output moderation: categories of terms, regexes and PII detectors, each with an action.

A policy (TOML or YAML, or the shipped default) lists categories; each names its term list (one
Aho-Corasick automaton for all of them, matched case-insensitively, whole words for Latin-script
terms), its regexes, the detectors of ``pii.py`` it uses, and what to do on input and on output:
``block`` (refuse the request; end the stream with ``content_filter``), ``redact`` (replace the
match with ``[REDACTED:<category>]``), ``flag`` (let it through, record it) or ``off``.

``Moderator.stream()`` moderates output as it is generated: it holds back only the tail that could
still become a match (a partial regex match, a prefix of a term, a match that may grow), so a
secret split across chunks never leaves in pieces, and everything before that tail is released at
once.
"""
from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ahocorasick
import regex

from ketch.security.guards.pii import DETECTORS

ACTIONS = ("block", "redact", "flag", "off")
MAX_CHECKS = 256  # validator calls (Luhn, phonenumbers, ...) per scanned text
_CONTEXT = 8  # characters of released text a stream keeps for the boundaries of what follows
_RANK = {"off": 0, "flag": 1, "redact": 2, "block": 3}


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    terms: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    detectors: tuple[str, ...] = ()
    input: str = "flag"  # the action on request text
    output: str = "redact"  # the action on generated text

    def __post_init__(self) -> None:
        if not self.name or not self.name.replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"category name {self.name!r} must be letters, digits, - and _")
        for where in ("input", "output"):
            if getattr(self, where) not in ACTIONS:
                raise ValueError(f"category {self.name}: {where} action must be one of {', '.join(ACTIONS)}")
        unknown = [d for d in self.detectors if d not in DETECTORS]
        if unknown:
            raise ValueError(f"category {self.name}: unknown detectors {unknown} (known: {', '.join(DETECTORS)})")
        if not (self.terms or self.regexes or self.detectors):
            raise ValueError(f"category {self.name} has no terms, regexes or detectors")


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    kind: str  # "term", "regex" or a detector's name
    start: int
    end: int
    action: str


@dataclass(slots=True)
class Moderated:
    """A text after moderation: the text to pass on, and what was found in it."""

    text: str
    blocked: bool = False
    findings: list[Finding] = field(default_factory=list)

    def counts(self, action: str | None = None) -> dict[str, int]:
        """Findings per category (those with ``action`` only, if given): what the audit row keeps."""
        return _counts(self.findings, action)


def _counts(findings: list[Finding], action: str | None) -> dict[str, int]:
    return dict(Counter(f.category for f in findings if action is None or f.action == action))


def read_policy(path: str | Path | None = None) -> dict:
    """A policy file (.toml, .yaml/.yml) as data, or the shipped default's."""
    if path is None:
        return tomllib.loads(resources.files("ketch.security.guards").joinpath("default_policy.toml").read_text())
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if p.suffix in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{p}: a policy is a mapping (injection, category), not a {type(data).__name__}")
        return data
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: not valid TOML: {exc}") from None


def load_policy(path: str | Path | None = None) -> list[Category]:
    """The categories of a policy file, or of the shipped default."""
    return categories(read_policy(path))


def categories(data: dict) -> list[Category]:
    """The ``[[category]]`` tables of a policy's data, validated."""
    cats = data.get("category", data.get("categories", []))
    if not isinstance(cats, list):
        raise ValueError("a policy's categories are a list ([[category]] in TOML)")
    out = []
    for c in cats:
        if not isinstance(c, dict):
            raise ValueError("each category is a table with name, terms, regexes, detectors, input, output")
        extra = set(c) - {"name", "terms", "regexes", "detectors", "input", "output"}
        if extra:
            raise ValueError(f"category {c.get('name')!r}: unknown keys {sorted(extra)}")
        name = c.get("name", "")
        if not isinstance(name, str):
            raise ValueError(f"a category's name is a string, not {type(name).__name__}")
        lists = {}
        for key in ("terms", "regexes", "detectors"):
            value = c.get(key, ())
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"category {name!r}: {key} is a list of strings")
            lists[key] = tuple(value)
        out.append(Category(name, lists["terms"], lists["regexes"], lists["detectors"], c.get("input", "flag"),
                            c.get("output", "redact")))
    return out


def _lower(text: str) -> str:
    """Lowercase, one character for one (so match offsets stay those of ``text``)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class Moderator:
    """One policy, compiled once: ``check`` a whole text, ``stream`` generated text."""

    def __init__(self, categories: list[Category]) -> None:
        self.categories = {c.name: c for c in categories}
        self._auto = ahocorasick.Automaton()
        self._prefixes: set[str] = set()
        self._max_term = 0
        for c in categories:
            for term in c.terms:
                t = _lower(term.strip())
                if t:
                    self._auto.add_word(t, (c.name, t))
                    self._prefixes.update(t[:i] for i in range(1, len(t)))
                    self._max_term = max(self._max_term, len(t))
        self._has_terms = self._max_term > 0
        if self._has_terms:
            self._auto.make_automaton()
        self._patterns: list[tuple[str, str, regex.Pattern, object]] = []  # (category, kind, pattern, validator)
        for c in categories:
            for rx in c.regexes:
                try:
                    self._patterns.append((c.name, "regex", regex.compile(rx, regex.V1 | regex.I), None))
                except regex.error as exc:
                    raise ValueError(f"category {c.name}: bad regex {rx!r}: {exc}") from None
            for d in c.detectors:
                det = DETECTORS[d]
                self._patterns.append((c.name, d, det.pattern, det.valid))

    def _action(self, category: str, direction: str) -> str:
        return getattr(self.categories[category], direction)

    def scan(self, text: str, direction: str, *, final_before: int | None = None) -> list[Finding]:
        """Non-overlapping findings, leftmost first (longest at a tie); ``final_before``: only those
        ending before that offset (a stream's tail may still grow)."""
        limit = len(text) if final_before is None else final_before
        found: list[Finding] = []
        if self._has_terms:
            low = _lower(text)
            for end, (cat, term) in self._auto.iter(low):
                start, stop = end - len(term) + 1, end + 1
                if stop > limit or self._action(cat, direction) == "off":
                    continue
                if term[0].isascii() and term[0].isalnum() and start > 0 and low[start - 1].isalnum():
                    continue  # whole words for Latin-script terms ("ass" is not in "class")
                if term[-1].isascii() and term[-1].isalnum() and stop < len(low) and low[stop].isalnum():
                    continue
                found.append(Finding(cat, "term", start, stop, self._action(cat, direction)))
        checks = 0
        for cat, kind, pattern, valid in self._patterns:
            if self._action(cat, direction) == "off":
                continue
            for m in pattern.finditer(text):
                if m.end() > limit or m.end() == m.start():
                    continue
                # a text crafted to be all candidates must not buy seconds of validation: past the
                # budget a candidate counts as found (redacting too much, never too little)
                if valid is not None and checks < MAX_CHECKS:
                    checks += 1
                    if not valid(m.group(0)):
                        continue
                found.append(Finding(cat, kind, m.start(), m.end(), self._action(cat, direction)))
        found.sort(key=lambda f: (f.start, -(f.end - f.start), -_RANK[f.action]))
        out: list[Finding] = []
        for f in found:
            if not out or f.start >= out[-1].end:
                out.append(f)
        return out

    def apply(self, text: str, direction: str) -> Moderated:
        """Moderate a whole text: blocked, or redacted, with every finding listed."""
        return _apply(text, self.scan(text, direction))

    def hold_from(self, text: str, start: int) -> int:
        """Where the tail that could still become (or grow into) a match begins (``len(text)``: none)."""
        hold = len(text)
        for _, _, pattern, _ in self._patterns:
            m = pattern.search(text, start, partial=True)
            # a complete match is settled only if no longer match from its start could still come
            # ("+1 415 555" then " 2671"); otherwise it is held like a partial one
            while (m is not None and not m.partial and m.end() < len(text)
                   and pattern.fullmatch(text, m.start(), partial=True) is None):
                m = pattern.search(text, max(m.end(), m.start() + 1), partial=True)
            if m is not None:
                hold = min(hold, m.start())
        if self._has_terms:
            low = _lower(text)
            for k in range(min(self._max_term, len(low) - start), 0, -1):
                at = len(low) - k
                tail = low[at:]
                if tail[0].isascii() and tail[0].isalnum() and at > 0 and low[at - 1].isalnum():
                    continue  # mid-word: a whole-word term cannot start here
                if tail in self._prefixes or self._auto.exists(tail):
                    hold = min(hold, at)
                    break
        return hold

    def stream(self, direction: str = "output", canary: str | None = None) -> StreamModerator:
        """A moderator for one stream; ``canary``: a secret whose appearance blocks it."""
        return StreamModerator(self, direction, canary)


def _apply(text: str, findings: list[Finding]) -> Moderated:
    if any(f.action == "block" for f in findings):
        return Moderated("", True, findings)
    out, pos = [], 0
    for f in findings:
        if f.action == "redact":
            out.append(text[pos:f.start])
            out.append(f"[REDACTED:{f.category}]")
            pos = f.end
    out.append(text[pos:])
    return Moderated("".join(out), False, findings)


CANARY_CATEGORY = "system_prompt_leak"


class StreamModerator:
    """Generated text in, moderated text out, chunk by chunk; nothing that may still match leaves."""

    def __init__(self, moderator: Moderator, direction: str, canary: str | None = None) -> None:
        self._mod = moderator
        self._direction = direction
        # per stream, so the shared, compiled policy is never rebuilt for one request's secret
        self._canary = canary.lower() if canary else None
        self._held = ""
        # the last characters already released, as generated: word boundaries and lookbehinds at
        # the start of the held text see them ("cla" released, then "ss" is not the word "ss")
        self._before = ""
        self.blocked = False
        self.closed = False  # the caller's mark: this stream's end has been handled
        self.findings: list[Finding] = []

    def feed(self, delta: str) -> str:
        """The text that can be released now (may be ""); after a block, always ""."""
        if self.blocked:
            return ""
        self._held += delta
        return self._release(final=False)

    def finish(self) -> str:
        """The end of the stream: everything still held, moderated."""
        return "" if self.blocked else self._release(final=True)

    def _release(self, final: bool) -> str:
        ctx = len(self._before)
        text = self._before + self._held
        # released text never holds the start of a match, so findings start at ctx or later
        findings = [f for f in self._mod.scan(text, self._direction) if f.start >= ctx]
        cut = len(text) if final else self._mod.hold_from(text, ctx)
        if self._canary:
            cut = self._check_canary(text, ctx, cut, final, findings)
        moved = True
        while moved:  # never cut through a match: back up to its start
            moved = False
            for f in findings:
                if f.start < cut < f.end:
                    cut, moved = f.start, True
        done = [Finding(f.category, f.kind, f.start - ctx, f.end - ctx, f.action) for f in findings if f.end <= cut]
        self.findings.extend(done)
        released = text[ctx:cut]
        result = _apply(released, done)
        if result.blocked:
            self.blocked, self._held = True, ""
            return ""
        self._held = text[cut:]
        self._before = (self._before + released)[-_CONTEXT:]
        return result.text

    def _check_canary(self, text: str, ctx: int, cut: int, final: bool, findings: list[Finding]) -> int:
        """Add the canary's appearances to ``findings``; hold a tail that may be its start."""
        canary = self._canary
        low = _lower(text)
        at = low.find(canary, max(0, ctx - len(canary) + 1))
        while at != -1:
            findings.append(Finding(CANARY_CATEGORY, "canary", at, at + len(canary), "block"))
            at = low.find(canary, at + 1)
        if not final:
            for k in range(min(len(canary) - 1, len(low) - ctx), 0, -1):
                if low.endswith(canary[:k]):
                    return min(cut, len(low) - k)
        return cut

    def counts(self, action: str | None = None) -> dict[str, int]:
        return _counts(self.findings, action)
