"""Perplexity of one GGUF file: ketch (packed and dequantized) vs llama.cpp, same text, same method.

    python benchmarks/perplexity.py --model smollm2-135m --ctx 512 [--file TEXT]

llama.cpp runs through llama-cpp-python (no ``llama-perplexity`` binary ships with it); its score
is computed the way ``llama-perplexity`` does: the text tokenized by llama.cpp, non-overlapping
chunks of ``ctx`` tokens (the first replaced by BOS when the model adds one), the second half of
each chunk scored from the chunk's own logits.
"""
from __future__ import annotations

import argparse
import math
import time

import numpy as np

from ketch.formats.loader import resolve_model
from ketch.formats.store import DEFAULT_MODEL
from ketch.llm import LLM
from ketch.tools.perplexity import perplexity
from ketch.tools.quality_report import DEFAULT_TEXT


def llama_cpp_perplexity(path: str, text: str, ctx: int, threads: int) -> tuple[float, int]:
    import llama_cpp

    from ketch.tools.bench.engines import _llama_cpp_extra_bufts_work, _load_llama_cpp

    extra = _llama_cpp_extra_bufts_work(path)
    llm = _load_llama_cpp(path, ctx, threads, extra, logits_all=True)  # keep every position's logits
    add_bos = llama_cpp.llama_vocab_get_add_bos(llama_cpp.llama_model_get_vocab(llm.model)) \
        if hasattr(llama_cpp, "llama_vocab_get_add_bos") else False
    tokens = llm.tokenize(text.encode("utf-8"), add_bos=add_bos, special=False)
    nll, scored = 0.0, 0
    first = ctx // 2
    for c in range(len(tokens) // ctx):
        chunk = list(tokens[c * ctx:(c + 1) * ctx])
        if add_bos:
            chunk[0] = llm.token_bos()
        llm.reset()
        llm.eval(chunk)
        logits = np.asarray(llm.scores[:ctx], dtype=np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        logprobs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        targets = np.asarray(chunk[first + 1:])
        nll -= float(logprobs[np.arange(first, ctx - 1), targets].sum())
        scored += ctx - 1 - first
    return math.exp(nll / scored), len(tokens)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", "-m", default=DEFAULT_MODEL, help="store name or .gguf file")
    p.add_argument("--file", "-f", default=str(DEFAULT_TEXT), help="UTF-8 text (default: the bundled GPL-3)")
    p.add_argument("--ctx", type=int, default=512)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--llama-cpp", action=argparse.BooleanOptionalAction, default=True)
    args = p.parse_args(argv)
    text = open(args.file, encoding="utf-8").read()
    source = resolve_model(args.model)
    rows = []
    for label, kwargs in (("ketch packed (auto)", {}), ("ketch packed fp32", {"dtype": "float32", "keep_quantized": True}),
                          ("ketch dequantized fp32", {"dtype": "float32", "keep_quantized": False})):
        llm = LLM(str(source.path), max_model_len=0, **kwargs)
        ids = llm.get_tokenizer().encode(text)
        t0 = time.perf_counter()
        rows.append((label, perplexity(llm.engine, ids, ctx=args.ctx).ppl, len(ids), time.perf_counter() - t0))
        del llm
    if args.llama_cpp:
        try:
            t0 = time.perf_counter()
            ppl, n = llama_cpp_perplexity(str(source.path), text, args.ctx, args.threads)
            rows.append(("llama.cpp", ppl, n, time.perf_counter() - t0))
        except ImportError:
            print("llama-cpp-python is not installed (make llama-cpp); skipping llama.cpp")
    anchor = rows[-1][1]
    print(f"{source.path.name}, ctx {args.ctx}, {args.file}")
    for label, ppl, n, secs in rows:
        print(f"{label:24s} ppl {ppl:8.4f}  ({ppl / anchor:.4f}x of {rows[-1][0]})  {n} tokens  {secs:.1f}s")


if __name__ == "__main__":
    main()
