"""Keep the training corpus apart from the red-team set: list (by SHA-256) every corpus text that
shares more than half of its 6-character n-grams with one red-team text, in excluded.sha256.

    python training/injection/decontaminate.py

Run it after adding corpus files, before `python -m ketch.tools.train_injection`. It only adds
digests, so a text excluded once stays out.
"""
from __future__ import annotations

import collections
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
REDTEAM = HERE.parents[1] / "tests" / "security" / "data" / "redteam"
N = 6
SHARED = 0.5


def _grams(text: str) -> set[str]:
    return {text[i:i + N] for i in range(len(text) - N + 1)}


def main() -> None:
    held_out = [m["content"].lower() for name in ("attacks", "benign")
                for line in (REDTEAM / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                for m in json.loads(line)["messages"] if m["role"] != "system"]
    grams = [_grams(t) for t in held_out]
    index: dict[str, set[int]] = collections.defaultdict(set)
    for i, g in enumerate(grams):
        for x in g:
            index[x].add(i)
    listed = HERE / "excluded.sha256"
    excluded = set(listed.read_text().split()) if listed.exists() else set()
    before = len(excluded)
    for path in sorted(HERE.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            g = _grams(text.lower())
            hits = collections.Counter(j for x in g for j in index.get(x, ()))
            if hits:
                j, k = hits.most_common(1)[0]
                if k / min(len(g), len(grams[j])) > SHARED:
                    excluded.add(hashlib.sha256(text.encode()).hexdigest())
    listed.write_text("\n".join(sorted(excluded)) + "\n")
    print(f"{len(excluded) - before} new, {len(excluded)} excluded in all")


if __name__ == "__main__":
    main()
