"""A/B in one process of where a model's weights live and how its 8-bit head is laid out.

    python benchmarks/weight_layout.py                      # SmolLM2, 1 and 32 concurrent
    python benchmarks/weight_layout.py --concurrency 1 --rounds 10

Two copies of the same model, run in turns (the VM's speed drifts minute to minute, so only
interleaved runs compare):

    as loaded   every weight in the huge-page arena (quant/arena.py), a Q8_0 embedding and its
                tied head in 16-row tiles (kernels/csrc/q8x16.cpp) where AVX-512 VNNI runs them
    plain       the same weights copied out into torch's own allocations (4 KiB pages), the head
                back in the row layout (the row kernel, int16 activations): ketch before both

Greedy, EOS ignored; both copies must give the same tokens. Prints each one's median tokens/s
per concurrency and the ratio.
"""
from __future__ import annotations

import argparse
import statistics
import time

import torch


def plain_copy(llm) -> None:
    """Move ``llm``'s weights out of its arena into fresh torch tensors, the head to the row layout."""
    from ketch.quant.linear import PackedModule
    from ketch.quant.packed import untile_q8

    model = llm.engine.model
    arena = model.weight_arena
    for module in model.modules():
        if isinstance(module, PackedModule) and module.scheme == "q8x16":
            w = untile_q8(module.packed)
            module.set_weight(w)
        for table in (module._parameters, module._buffers):
            for name, t in table.items():
                if t is not None and arena is not None and arena.contains(t):
                    if isinstance(t, torch.nn.Parameter):
                        t.data = t.data.clone()
                    else:
                        table[name] = t.clone()
        if isinstance(module, PackedModule):
            module.planes_moved()
    model._fused = None
    model.weight_arena = None


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="smollm2-135m")
    p.add_argument("--concurrency", default="1,32", help="comma-separated request counts")
    p.add_argument("--tokens", type=int, default=64, help="new tokens per request")
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median kept)")
    args = p.parse_args(argv)

    from ketch import LLM
    from ketch.sampling import SamplingParams

    loaded, plain = LLM(args.model), LLM(args.model)
    plain_copy(plain)
    arena = loaded.engine.model.weight_arena
    print(f"model {args.model}: {loaded.engine.model.scratch.policy.describe()}")
    print(f"arena: {arena.used / 1e6:.1f} MB" if arena is not None else "arena: none (no transparent huge pages)")
    print(f"head: {loaded.engine.model.embed_tokens.scheme} as loaded, "
          f"{plain.engine.model.embed_tokens.scheme} plain")
    words = "the quick brown fox jumps over a lazy dog while rivers run to the sea and".split()
    params = SamplingParams(max_tokens=args.tokens, temperature=0.0, ignore_eos=True)
    print(f"{'concurrent':>10} {'as loaded tok/s':>16} {'plain tok/s':>12} {'ratio':>6}")
    for c in (int(v) for v in args.concurrency.split(",")):
        prompts = [" ".join(words[(i + j) % len(words)] for j in range(100)) for i in range(c)]
        same = ([o.outputs[0].token_ids for o in loaded.generate(prompts, params)]
                == [o.outputs[0].token_ids for o in plain.generate(prompts, params)])
        if not same:
            raise SystemExit("the two copies gave different tokens")
        rates: dict[str, list[float]] = {"loaded": [], "plain": []}
        for _ in range(args.rounds):
            for name, llm in (("loaded", loaded), ("plain", plain)):
                t0 = time.perf_counter()
                llm.generate(prompts, params)
                rates[name].append(c * args.tokens / (time.perf_counter() - t0))
        a, b = statistics.median(rates["loaded"]), statistics.median(rates["plain"])
        print(f"{c:>10} {a:>16.1f} {b:>12.1f} {a / b:>6.2f}")


if __name__ == "__main__":
    main()
