"""Single-stream decode, TTFT and prompt processing: ketch and llama-bench in paired rounds.

    python benchmarks/paired.py --llama-bench PATH [--rounds 5]

A shared VM's speed moves by a third from one minute to the next, so one run of each engine
compares two different machines. Each round here measures both within a minute or two:

* ketch (in this process, prefix caching off): single-stream decode of ``--new-tokens`` tokens
  (median of 3), the machine's read bandwidth right after it, then the TTFT of a
  ``--prompt-len``-token prompt and prompt processing of a ``--pp-len``-token prompt (medians of 3);
* llama-bench in its own environment: ``-p PROMPT_LEN,PP_LEN -n 64 -r 3``.

Printed per round and as medians over the rounds: decode tok/s and its ratio, decode as a
fraction of the bandwidth bound (weight bytes per token / bytes per second) for both, TTFT and
pp tok/s with their ratios (> 1 favours ketch). ``KETCH_ISA`` set around this script forces ketch's
ISA level and is not passed to llama-bench; pair a forced level with a llama.cpp built for it.
"""
from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from ketch import LLM, SamplingParams
from ketch.config import default_num_threads
from ketch.formats.store import DEFAULT_MODEL, ModelStore
from ketch.tools.bench.bandwidth import read_bandwidth, weight_bytes
from ketch.tools.bench.common import _median_time, build_prompts
from ketch.tools.bench.llama_bench import llama_cpp_tools


def ketch_round(llm, prompts: list[list[int]], pp_prompt: list[int], new_tokens: int, threads: int
                ) -> dict[str, float]:
    greedy = SamplingParams(temperature=0, max_tokens=new_tokens, ignore_eos=True)
    one = SamplingParams(temperature=0, max_tokens=1, ignore_eos=True)
    rates = []
    for _ in range(3):
        m = llm.generate([{"prompt_token_ids": prompts[0][:16]}], greedy)[0].metrics
        rates.append((new_tokens - 1) / (m.finished_time - m.first_token_time))
    bandwidth = read_bandwidth(threads)
    ttft, _ = _median_time(lambda: llm.generate([{"prompt_token_ids": prompts[1]}], one))
    pp_s, _ = _median_time(lambda: llm.generate([{"prompt_token_ids": pp_prompt}], one))
    return {"decode_tok_s": statistics.median(rates), "bandwidth_gb_s": bandwidth / 1e9, "ttft_s": ttft,
            "pp_tok_s": len(pp_prompt) / pp_s}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", "-m", default=DEFAULT_MODEL, help="store name or .gguf file")
    p.add_argument("--llama-bench", required=True, help="llama.cpp's llama-bench binary")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--new-tokens", type=int, default=128, help="tokens per ketch decode run")
    p.add_argument("--prompt-len", type=int, default=128, help="prompt tokens for the TTFT")
    p.add_argument("--pp-len", type=int, default=512, help="prompt tokens for prompt processing")
    p.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    args = p.parse_args(argv)
    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    threads = default_num_threads()
    gguf = Path(args.model) if args.model.endswith(".gguf") else ModelStore().path_of(args.model)
    llm = LLM(str(gguf), enable_prefix_caching=False)
    encode = llm.engine.tokenizer.encode
    prompts = build_prompts(lambda t: encode(t, add_special_tokens=False), 2, args.prompt_len)
    pp_prompt = build_prompts(lambda t: encode(t, add_special_tokens=False), 1, args.pp_len)[0]
    per_token = weight_bytes(llm.engine.model)
    llm.generate([{"prompt_token_ids": prompts[0]}], SamplingParams(temperature=0, max_tokens=8))  # warm-up
    print(f"ketch: {llm.engine.kernel_policy.describe() if llm.engine.kernel_policy else 'torch'}; "
          f"{threads} threads; "
          f"{per_token / 1e6:.1f} MB of weights read per token")
    rounds = []
    for r in range(args.rounds):
        k = ketch_round(llm, prompts, pp_prompt, args.new_tokens, threads)
        ll = llama_cpp_tools(args.llama_bench, gguf, threads, args.prompt_len, 64, [], pp_len=args.pp_len)
        if r == 0:
            print(f"llama.cpp: build {ll['build']}, {ll['isa']}")
        bound = k["bandwidth_gb_s"] * 1e9 / per_token
        row = {"ketch": k, "llama": ll, "decode_ratio": k["decode_tok_s"] / ll["decode_tok_s"],
               "ketch_of_bound": k["decode_tok_s"] / bound, "llama_of_bound": ll["decode_tok_s"] / bound,
               "ttft_ratio": ll["ttft_s"] / k["ttft_s"], "pp_ratio": k["pp_tok_s"] / ll["pp_tok_s"]}
        rounds.append(row)
        print(f"round {r + 1}: decode {k['decode_tok_s']:.1f} vs {ll['decode_tok_s']:.1f} tok/s "
              f"({row['decode_ratio']:.2f}x; of the bound at {k['bandwidth_gb_s']:.1f} GB/s: "
              f"{row['ketch_of_bound']:.0%} vs {row['llama_of_bound']:.0%}), "
              f"TTFT {k['ttft_s'] * 1e3:.0f} vs {ll['ttft_s'] * 1e3:.0f} ms ({row['ttft_ratio']:.2f}x), "
              f"pp{args.pp_len} {k['pp_tok_s']:.0f} vs {ll['pp_tok_s']:.0f} tok/s ({row['pp_ratio']:.2f}x)",
              flush=True)
    med = {key: statistics.median(r[key] for r in rounds)
           for key in ("decode_ratio", "ketch_of_bound", "llama_of_bound", "ttft_ratio", "pp_ratio")}
    med["ketch_ttft_ms"] = statistics.median(r["ketch"]["ttft_s"] for r in rounds) * 1e3
    print(f"medians of {args.rounds} rounds: decode {med['decode_ratio']:.2f}x llama.cpp, "
          f"{med['ketch_of_bound']:.0%} of the bound (llama.cpp {med['llama_of_bound']:.0%}); "
          f"TTFT {med['ketch_ttft_ms']:.0f} ms ({med['ttft_ratio']:.2f}x); pp {med['pp_ratio']:.2f}x")
    result = {"rounds": rounds, "medians": med, "threads": threads, "args": vars(args)}
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
