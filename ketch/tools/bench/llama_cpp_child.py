"""llama-cpp-python as a benchmark anchor, run as a script in its own process (never imported by
ketch): the parent starts it with ``ketch.anchor_env()``, so nothing ketch set in its own
environment (OpenMP spin policy) reaches llama.cpp, and a crash in llama.cpp loses only this run.

Reads one JSON object on stdin (model, n_ctx, threads, extra_bufts, prompt token ids, new_tokens,
eog ids, timing repeats) and writes one JSON object of figures on stdout. Standard library and
llama_cpp only: importing ketch here would set its environment again.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def _load(job: dict):
    import llama_cpp
    import llama_cpp.llama_cpp as lib

    default_params = lib.llama_model_default_params

    def params():
        p = default_params()
        p.use_extra_bufts = job["extra_bufts"]
        return p

    # Llama() builds its model params from this function and does not expose use_extra_bufts.
    lib.llama_model_default_params = params
    try:
        return llama_cpp.Llama(model_path=job["model"], n_ctx=job["n_ctx"], n_threads=job["threads"],
                               n_threads_batch=job["threads"], n_batch=512, verbose=False)
    finally:
        lib.llama_model_default_params = default_params


def run(job: dict) -> dict:
    import llama_cpp

    t0 = time.perf_counter()
    llm = _load(job)
    res = {"load_s": time.perf_counter() - t0, "use_extra_bufts": job["extra_bufts"],
           "system_info": llama_cpp.llama_print_system_info().decode(errors="replace")}
    # Forbid end-of-generation tokens so every run makes exactly the tokens asked for.
    eog = set(job["eog_ids"]) | {llm.token_eos()}
    bias = {int(t): float("-inf") for t in eog if 0 <= t < llm.n_vocab()}

    def complete(tokens: int) -> dict:
        llm.reset()  # n_tokens = 0: the next call evaluates the whole prompt again
        out = llm.create_completion(prompt=list(job["prompt"]), max_tokens=tokens, temperature=0, logit_bias=bias)
        if out["usage"]["prompt_tokens"] != len(job["prompt"]):
            raise RuntimeError(f"llama.cpp saw {out['usage']['prompt_tokens']} prompt tokens, "
                               f"expected {len(job['prompt'])}")
        return out

    def timed(tokens: int) -> tuple[float, dict]:
        t = time.perf_counter()
        out = complete(tokens)
        return time.perf_counter() - t, out

    n = job["new_tokens"]
    complete(n)  # warm-up
    res["ttft_s"] = statistics.median(timed(1)[0] for _ in range(job["repeats"]))
    t_n, out = timed(n)
    got = out["usage"]["completion_tokens"]
    res.update(completion_tokens=got, decode_tok_s=(got - 1) / (t_n - res["ttft_s"]), single_stream_wall_s=t_n,
               greedy_text=out["choices"][0]["text"])
    return res


def main() -> None:
    job = json.load(sys.stdin)
    json.dump(run(job), sys.stdout)


if __name__ == "__main__":
    main()
