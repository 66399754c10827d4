"""Microbenchmark of the packed decode kernels on SmolLM2-135M's shapes (1 activation row).

    python benchmarks/kernels.py                       # q4 (Q4_1), 1 and 2 threads
    python benchmarks/kernels.py --scheme Q4_0 --rows 1,4 --threads 2
    python benchmarks/kernels.py --baseline old/csrc   # also time another kernels/csrc (A/B)

Prints, per shape and thread count, the minimum time per product over many repetitions and the
packed weight bytes read per second. The machine may be shared: variants and shapes are
interleaved and only the minimum of each is kept, so re-run and compare minima.
Variants: the q4 activation modes of this CPU (``int8x2``: two int8 planes per 32-block, and
``int8``: one, as llama.cpp, both with AVX-512 VNNI; ``int16``: the portable AVX2 path); ``base``
with ``--baseline``.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

# SmolLM2-135M: fused qkv, o, fused gate_up, down, tied LM head ([N, K] of y = x @ W.T).
SHAPES = [(960, 576), (576, 576), (3072, 576), (576, 1536), (49152, 576)]


def random_weight(scheme: str, n: int, k: int, gen: torch.Generator):
    from ketch.quant.packed import PackedWeight

    nb = k // 32
    qs = torch.randint(0, 256, (n, k // 2), dtype=torch.uint8, generator=gen)
    d = (torch.rand(n, nb, generator=gen) * 0.02 + 0.001).half()
    m = None if scheme == "Q4_0" else (-torch.rand(n, nb, generator=gen) * 0.1).half()
    return PackedWeight("q4", qs, d, m, scheme)


def build_baseline(source: Path):
    """Another copy of ketch/kernels/csrc (a directory; or one .cpp, as the kernels were once
    a single qgemv.cpp), built as its own module."""
    import hashlib

    from torch.utils import cpp_extension

    files = [source] if source.is_file() else sorted(f for f in source.glob("*.cpp") if f.name != "ops.cpp")
    if not files:
        raise SystemExit(f"--baseline {source}: no C++ sources there")
    folder = source if source.is_dir() else source.parent
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in sorted(folder.glob("*.[ch]*")))).hexdigest()
    build = Path("/tmp") / f"ketch_bench_baseline_{digest[:12]}"
    build.mkdir(parents=True, exist_ok=True)
    return cpp_extension.load(name="ketch_qgemv_baseline", sources=[str(f) for f in files], build_directory=str(build),
                              extra_cflags=["-O3", "-mavx2", "-mfma", "-mf16c", "-fopenmp"],
                              extra_ldflags=["-fopenmp"], verbose=False)


def variants(kernels, baseline) -> dict:
    """One callable per q4 activation mode on this CPU (and the baseline build, if any)."""
    from ketch.kernels.policy import ACT_MODES

    modes = ["int8x2", "int8", "int16"] if kernels.cpu_features()["avx512_vnni"] else ["int16"]
    out = {mode: (lambda x, w, code=ACT_MODES[mode]: kernels.q4_linear(x, w.qs, w.d, w.m, code)) for mode in modes}
    if baseline is not None:  # an older build: whatever signature it had
        out["base"] = lambda x, w: baseline.q4_linear(x, w.qs, w.d, w.m)
    return out


def time_call(fn, x, w, budget_s: float) -> float:
    """Minimum seconds of one call over a few batches of calls lasting about ``budget_s``."""
    fn(x, w)
    best, spent = float("inf"), 0.0
    while spent < budget_s:
        t0 = time.perf_counter()
        for _ in range(5):
            fn(x, w)
        dt = time.perf_counter() - t0
        spent += dt
        best = min(best, dt / 5)
    return best


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scheme", default="Q4_1", choices=["Q4_0", "Q4_1"])
    p.add_argument("--rows", default="1", help="comma-separated activation row counts")
    p.add_argument("--threads", default="2,1", help="comma-separated thread counts")
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds (minimum kept)")
    p.add_argument("--budget", type=float, default=0.05, help="seconds per measurement")
    p.add_argument("--baseline", type=Path, help="another kernels/csrc directory to build and time as 'base'")
    args = p.parse_args(argv)

    from ketch.kernels import load_kernels

    kernels = load_kernels()
    if kernels is None:
        raise SystemExit("the kernels extension is unavailable")
    baseline = build_baseline(args.baseline) if args.baseline else None
    fns = variants(kernels, baseline)
    gen = torch.Generator().manual_seed(0)
    weights = {s: random_weight(args.scheme, *s, gen) for s in SHAPES}
    rows = [int(r) for r in args.rows.split(",")]
    threads = [int(t) for t in args.threads.split(",")]
    xs = {(m, k): torch.randn(m, k, generator=gen) for m in rows for _, k in SHAPES}
    best: dict[tuple, float] = {}
    saved = torch.get_num_threads()
    try:
        for _ in range(args.rounds):
            for t in threads:
                torch.set_num_threads(t)
                for m in rows:
                    for shape, w in weights.items():
                        for name, fn in fns.items():
                            key = (t, m, shape, name)
                            best[key] = min(best.get(key, float("inf")),
                                            time_call(fn, xs[(m, shape[1])], w, args.budget))
    finally:
        torch.set_num_threads(saved)
    names = list(fns)
    print(f"{args.scheme}: min us per product (GB/s of packed weight bytes); variants: {', '.join(names)}")
    print(f"{'threads':>7} {'rows':>4} {'N x K':>12} " + " ".join(f"{n:>18}" for n in names))
    for t in threads:
        for m in rows:
            total = dict.fromkeys(names, 0.0)
            for shape, w in weights.items():
                cells = []
                for n in names:
                    s = best[(t, m, shape, n)]
                    total[n] += s
                    cells.append(f"{s * 1e6:9.1f} ({w.nbytes / s / 1e9:5.1f})")
                print(f"{t:>7} {m:>4} {shape[0]:>6}x{shape[1]:<5} " + " ".join(f"{c:>18}" for c in cells))
            print(f"{t:>7} {m:>4} {'sum':>12} " + " ".join(f"{total[n] * 1e6:9.1f}{'':9}" for n in names))
    return {f"{k[0]}t/{k[1]}r/{k[2][0]}x{k[2][1]}/{k[3]}": v for k, v in best.items()}


if __name__ == "__main__":
    main()
