"""Offline benchmark: ketch vs HF transformers vs llama.cpp (same as ``ketch bench offline``).

    python benchmarks/offline.py --model smollm2-135m --prompt-len 128 --new-tokens 64 --concurrency 1,8,32
"""
from __future__ import annotations

import argparse

from ketch.formats.store import DEFAULT_MODEL
from ketch.tools.bench import OfflineBenchConfig, run_offline


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", "-m", default=DEFAULT_MODEL, help="store name, .gguf file, or HF model directory")
    p.add_argument("--prompt-len", type=int, default=128, help="prompt tokens")
    p.add_argument("--new-tokens", type=int, default=64, help="generated tokens per request")
    p.add_argument("--pp-len", type=int, default=512,
                   help="prompt-processing row: tok/s of one prompt this long (0: none)")
    p.add_argument("--concurrency", default="1,8,32", help="comma-separated request counts")
    p.add_argument("--hf", action=argparse.BooleanOptionalAction, default=True, help="also run HF transformers")
    p.add_argument("--llama-cpp", action=argparse.BooleanOptionalAction, default=True, help="also run llama.cpp")
    p.add_argument("--dtype", default="auto",
                   help="ketch's dtype: auto (bf16 on CUDA and AMX CPUs, else fp32), float32, bfloat16")
    p.add_argument("--hf-dtype", default="float32", help="HF transformers' dtype (the anchor)")
    p.add_argument("--threads", type=int, default=0, help="threads for every engine (0: all available cores)")
    p.add_argument("--llama-bench", default=None,
                   help="llama.cpp's llama-bench binary (llama-batched-bench beside it), the anchor where "
                        "llama-cpp-python is not installed (default: found on PATH)")
    args = p.parse_args(argv)
    try:
        concurrency = [int(c) for c in args.concurrency.split(",") if c.strip()]
    except ValueError:
        p.error(f"--concurrency must be comma-separated integers, got {args.concurrency!r}")
    try:
        config = OfflineBenchConfig(model=args.model, prompt_len=args.prompt_len, new_tokens=args.new_tokens,
                                    pp_len=args.pp_len,
                                    concurrency=concurrency, run_hf=args.hf, run_llama_cpp=args.llama_cpp,
                                    dtype=args.dtype, hf_dtype=args.hf_dtype, num_threads=args.threads,
                                    llama_bench=args.llama_bench)
    except ValueError as exc:
        p.error(str(exc))
    return run_offline(config)


if __name__ == "__main__":
    main()
