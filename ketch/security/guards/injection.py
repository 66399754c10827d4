"""Prompt-injection detection: a score in [0, 1] for a text, with the rule families that fired.

Layered: ``normalize.views`` undoes the disguises, ``injection_rules`` finds the known families on
every view, and the classifier reads the n-grams of every view with the rules' findings as more
features, so one model weighs both. Text that discusses an attack (a question about one, a quote
to explain, a translation) marks its findings as such, and the model learned how little those
count; without the classifier, the rules score alone and such findings are discounted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ketch.security.guards.classifier import InjectionClassifier, default_classifier, sigmoid
from ketch.security.guards.injection_rules import META_CUES, QUOTED, SCAN
from ketch.security.guards.normalize import views

MAX_SCAN_CHARS = 20_000  # per message: a longer one is scanned at its start and end
_META_DISCOUNT = 0.45


@dataclass(frozen=True, slots=True)
class Verdict:
    score: float
    families: tuple[str, ...] = ()
    meta: bool = False  # the text reads as talking about an attack
    details: dict = field(default_factory=dict)


def _clip(text: str) -> str:
    if len(text) <= MAX_SCAN_CHARS:
        return text
    half = MAX_SCAN_CHARS // 2
    return text[:half] + "\n" + text[-half:]


_UNSET = object()


def evidence(text: str, *, data: bool = False) -> tuple[dict[str, float], bool, set[str], list[str]]:
    """What the rules find in ``text``: the families hit (with their weights, discounted when the
    text only discusses them), whether it reads as talking about an attack, the findings as the
    classifier's features, and the views scanned."""
    text = _clip(text)
    seen = views(text)
    hits: dict[str, float] = {}
    for view in seen:
        SCAN.hits(view, hits)
    if not hits:
        return hits, False, set(), seen
    folded = seen[0]  # views' first: the folded, lowercased text
    meta = not data and bool(META_CUES.search(folded))
    found = {f"rule:{f}" for f in hits}
    if meta:
        # discount only what the quotes and the question explain: a match outside any quote is
        # still an imperative addressed to us
        quoted = " ".join(m.group(1) for m in QUOTED.finditer(folded))
        outside: dict[str, float] = {}
        SCAN.hits(QUOTED.sub(" ", folded), outside)
        if quoted and not outside.keys() & hits.keys():
            hits = {f: w * _META_DISCOUNT for f, w in hits.items()}
            found |= {f"quoted:{f}" for f in hits}
        elif not quoted:
            hits = {f: w * 0.7 for f, w in hits.items()}
            found |= {f"meta:{f}" for f in hits}
    return hits, meta, found, seen


def score_text(text: str, *, data: bool = False, classifier: InjectionClassifier | None | object = _UNSET) -> Verdict:
    """Score one message. ``data``: the text arrived as a document or a tool result, where an
    instruction addressed to the assistant is itself the attack (no discount for discussion).
    ``classifier``: the learned layer (default: the shipped model; None: the rules alone).

    With the classifier, the rules' findings are its features beside the n-grams, so one model
    weighs both; without it, each family's weight is how sure a match alone makes us."""
    if classifier is _UNSET:
        classifier = default_classifier()
    hits, meta, found, seen = evidence(text, data=data)
    families = tuple(sorted(hits))
    if classifier is None:
        miss = 1.0
        for w in hits.values():
            miss *= 1.0 - w
        return Verdict(round(1.0 - miss, 4), families, meta)
    z = max(classifier.logit(view) for view in seen) + classifier.evidence_logit(found)
    score = sigmoid(z)
    return Verdict(round(score, 4), families or (("learned",) if score >= 0.5 else ()), meta)


def score_messages(messages: list[dict]) -> Verdict:
    """The highest-scoring message of a chat: user text directly; tool results, and assistant turns
    (a client can write any history it likes), as data. The system prompt is the deployer's
    instructions, not scored (moderation still reads it)."""
    best = Verdict(0.0)
    for msg in messages:
        role = msg.get("role")
        content = msg.get("content")
        if role in ("system", "developer") or not isinstance(content, str):
            continue
        v = score_text(content, data=role in ("tool", "function", "assistant"))
        if v.score > best.score:
            best = v
    return best
