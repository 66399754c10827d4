"""The learned layer of the injection guard: hashed character n-grams and a logistic regression.

Rules describe the attack families we know; this scores wordings they miss, in any language the
training corpus covers. A text is read in windows (an instruction hidden in one paragraph of a long
document is not diluted by the rest), each window's logit is the sum of its n-grams' weights over
the square root of their count, and the text scores the sigmoid of its worst window. Everything is
numpy over the code points: a 4k-token prompt's views cost a few milliseconds.

The weights (``injection_model.npz`` beside this file) are trained by
``python -m ketch.tools.train_injection`` from the corpora its README names; nothing is fetched at
run time.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("injection_model.npz")
ORDERS = (1, 2, 3, 4, 5)  # character n-gram lengths
WORD_ORDERS = (1, 2)  # word n-grams (words: runs between spaces and ASCII punctuation)
BITS = 20  # 2**20 hashed features, characters' and words' together
WINDOW = 320  # characters a window spans; longer texts are read in half-overlapping windows
STRIDE = WINDOW // 2

_P = np.uint64(0x100000001B3)  # FNV prime: mixes code points into the rolling n-gram value
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of the product index a bucket
_SHIFT = np.uint64(64 - BITS)
_SPACES = re.compile(r"\s+")


def prepare(text: str) -> str:
    """The string the n-grams are read from: whitespace runs collapsed, padded so words' edges
    are n-grams too. Callers pass the guard's folded, lowercased views."""
    return " " + _SPACES.sub(" ", text).strip() + " "


_WORD_CHAR = np.zeros(128, dtype=bool)
_WORD_CHAR[[ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'"]] = True
_MAX_WORD = 24  # characters of a word that its hash reads
_POW = np.array([pow(0x100000001B3, k, 2 ** 64) for k in range(_MAX_WORD)], dtype=np.uint64)


def ngram_buckets(text: str) -> list[np.ndarray]:
    """Per n-gram order, the bucket of the n-gram starting at each position of ``prepare(text)``."""
    return _buckets(_codepoints(text))[0]


def feature_buckets(text: str) -> np.ndarray:
    """Every feature of ``text`` (character and word n-grams), as bucket ids: what training sums."""
    chars, words = _buckets(_codepoints(text))
    return np.concatenate([*chars, *(b for b, _ in words)]) if chars else np.zeros(0, np.uint64)


def _codepoints(text: str) -> np.ndarray:
    # surrogatepass: a lone surrogate (JSON can carry one) is a code point like any other here
    return np.frombuffer(prepare(text).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def _buckets(cps: np.ndarray) -> tuple[list[np.ndarray], list[tuple[np.ndarray, np.ndarray]]]:
    """Character n-gram buckets per order (one per start position), and word n-gram buckets per
    order with the position each word n-gram starts at."""
    chars = []
    with np.errstate(over="ignore"):
        rolling = np.zeros(len(cps), dtype=np.uint64)
        for n in range(1, max(ORDERS) + 1):
            if n > len(cps):
                break
            rolling = rolling[: len(cps) - n + 1] * _P + cps[n - 1:]
            if n in ORDERS:
                chars.append(((rolling ^ np.uint64(n)) * _MIX) >> _SHIFT)
        # words, vectorized: a word character's offset from its word's start picks a power of the
        # prime; the word's hash is the sum over its characters (np.add.reduceat over the runs)
        word = np.where(cps < 128, _WORD_CHAR[np.minimum(cps, 127).astype(np.int64)], True)
        idx = np.arange(len(cps))
        starts_mask = word & ~np.concatenate(([False], word[:-1]))
        run_start = np.maximum.accumulate(np.where(starts_mask, idx, 0))
        offset = idx - run_start
        keep = word & (offset < _MAX_WORD)
        starts = np.flatnonzero(starts_mask)
        words = []
        if len(starts):
            terms = np.where(keep, cps * _POW[np.minimum(offset, _MAX_WORD - 1)], np.uint64(0))
            hashes = np.add.reduceat(terms, starts)
            for n in WORD_ORDERS:
                if n > len(hashes):
                    break
                h = hashes[: len(hashes) - n + 1].copy()
                for k in range(1, n):
                    h = h * _MIX + hashes[k: len(hashes) - n + 1 + k]
                words.append((((h ^ np.uint64(100 + n)) * _MIX) >> _SHIFT, starts[: len(hashes) - n + 1]))
    return chars, words


def window_bounds(length: int) -> list[tuple[int, int]]:
    """The [start, end) character windows a text of ``length`` positions is scored in."""
    if length <= WINDOW:
        return [(0, length)]
    starts = list(range(0, length - WINDOW, STRIDE)) + [length - WINDOW]
    return [(s, s + WINDOW) for s in starts]


@dataclass(frozen=True, slots=True)
class InjectionClassifier:
    weights: np.ndarray  # float32, 2**BITS
    bias: float
    # the rules' findings are features too (a rule family matched, matched only inside a quote the
    # text asks about, ...): the model learns how far to trust each one in context
    evidence: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "InjectionClassifier":
        with np.load(path) as z:
            words = tuple(z["word_orders"].tolist()) if "word_orders" in z else ()
            if int(z["bits"]) != BITS or tuple(z["orders"].tolist()) != ORDERS or words != WORD_ORDERS:
                raise ValueError(f"{path} was trained for other features (bits {int(z['bits'])}, "
                                 f"orders {z['orders'].tolist()}, word orders {list(words)}); retrain it")
            names = [str(n) for n in z["evidence_names"]] if "evidence_names" in z else []
            values = z["evidence_weights"].tolist() if names else []
            return cls(z["weights"].astype(np.float32), float(z["bias"]), dict(zip(names, values)))

    def evidence_logit(self, evidence: set[str]) -> float:
        """What the rules' findings add; a finding the model was not trained on adds nothing."""
        return sum(self.evidence.get(name, 0.0) for name in evidence)

    def logit(self, text: str) -> float:
        """The worst window's logit from the n-grams alone."""
        chars, words = _buckets(_codepoints(text))  # never empty: prepare pads with spaces
        length = len(chars[0])
        per_pos = np.zeros(length + 1, dtype=np.float64)
        count = np.zeros(length + 1, dtype=np.float64)
        for b in chars:  # an n-gram counts at the position it starts
            per_pos[1: len(b) + 1] += self.weights[b]
            count[1: len(b) + 1] += 1.0
        for b, at in words:  # several word n-grams can start at a position: bincount sums them
            per_pos += np.bincount(at + 1, weights=self.weights[b], minlength=length + 1)
            count += np.bincount(at + 1, minlength=length + 1)
        csum, ccount = np.cumsum(per_pos), np.cumsum(count)
        bounds = np.array(window_bounds(length))
        sums = csum[bounds[:, 1]] - csum[bounds[:, 0]]
        counts = ccount[bounds[:, 1]] - ccount[bounds[:, 0]]
        return float(np.max(sums / np.sqrt(counts))) + self.bias

    def score(self, text: str, evidence: set[str] = frozenset()) -> float:
        """Probability-like score in [0, 1] that ``text`` carries an injection."""
        return sigmoid(self.logit(text) + self.evidence_logit(evidence))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@lru_cache(maxsize=1)
def default_classifier() -> InjectionClassifier | None:
    """The shipped model, or None when the package was built without it."""
    return InjectionClassifier.load() if MODEL_PATH.exists() else None
