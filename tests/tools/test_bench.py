"""The offline benchmark runs end to end (figures are printed, never asserted: machines are noisy)."""
from __future__ import annotations

import pytest

from ketch.tools.bench import OfflineBenchConfig, run_offline
from ketch.tools.bench.common import build_prompts


@pytest.mark.parametrize("kwargs", [{"prompt_len": 0}, {"new_tokens": 1}, {"concurrency": []},
                                    {"concurrency": [0]}, {"dtype": "int3"}, {"hf_dtype": "auto"},
                                    {"num_threads": -1}, {"pp_len": -1}, {"pp_len": 1.5}])
def test_config_rejects_bad_values(kwargs):
    with pytest.raises(ValueError):
        OfflineBenchConfig(model="x", **kwargs)


def test_prompts_are_distinct_windows_of_exact_length():
    prompts = build_prompts(lambda s: [ord(c) for c in s], count=8, prompt_len=40)
    assert len(prompts) == 8 and all(len(p) == 40 for p in prompts)
    assert len({tuple(p[:16]) for p in prompts}) == 8  # no shared first KV block


def test_run_offline_on_a_tiny_model(tiny_models, capsys):
    path, _ = tiny_models("llama")
    results = run_offline(OfflineBenchConfig(model=str(path), prompt_len=16, new_tokens=4, concurrency=[1, 2],
                                             pp_len=48, run_hf=False, run_llama_cpp=False, dtype="float32"))
    ketch = results["ketch"]
    assert ketch["ttft_s"] > 0 and ketch["decode_tok_s"] > 0 and ketch["pp_tok_s"] > 0
    assert set(ketch["throughput_tok_s"]) == {1, 2}
    out = capsys.readouterr().out
    assert "single-stream decode" in out and "memory read bandwidth" in out
    assert "prompt processing tok/s, 48-tok prompt" in " ".join(out.split())
    # the bound follows from the figures it is made of
    assert ketch["decode_bound_tok_s"] == results["machine"]["read_bandwidth_bytes_s"] / ketch["weight_bytes"]
    assert ketch["weight_bytes"] == sum(t.numel() * t.element_size() for t in _tensors_of(path))


def _tensors_of(path):
    from ketch import LLM

    model = LLM(str(path), dtype="float32").engine.model
    seen = {}
    for t in [*model.parameters(), *model.buffers()]:
        seen.setdefault(t.data_ptr(), t)
    return list(seen.values())


def test_read_bandwidth_is_a_rate_of_a_buffer_beyond_the_caches():
    from ketch.tools.bench.bandwidth import READ_BYTES, read_bandwidth

    assert READ_BYTES >= 8 * (32 << 20)  # several times the largest L3 seen
    bw = read_bandwidth(1, nbytes=64 << 20, repeats=2)
    assert 1e8 < bw < 1e13  # bytes per second, neither absurdly slow nor beyond any memory


def test_llama_cpp_tools_figures_follow_their_json(tmp_path):
    """llama-bench / llama-batched-bench are not installable here, so two scripts print their
    documented JSON shapes; the anchor's figures must be derived from them as documented, and the
    tools must run without the environment ketch set."""
    import json
    import os
    import shlex
    import stat

    from ketch.tools.bench.llama_bench import llama_cpp_tools

    rows = [{"n_prompt": 128, "n_gen": 0, "avg_ts": 256.0, "build_commit": "abc", "cpu_info": "x"},
            {"n_prompt": 512, "n_gen": 0, "avg_ts": 300.0, "build_commit": "abc", "cpu_info": "x"},
            {"n_prompt": 0, "n_gen": 64, "avg_ts": 100.0, "build_commit": "abc", "cpu_info": "x"}]
    bench = tmp_path / "llama-bench"
    # prints its arguments to a file: the prompt lengths asked for must be both rows'
    args = shlex.quote(str(tmp_path / "args"))
    bench.write_text(f"#!/bin/sh\n[ -z \"$GOMP_SPINCOUNT\" ] || exit 3\necho \"$@\" > {args}\n"
                     f"cat <<'EOF'\n{json.dumps(rows)}\nEOF\n")
    lines = "\n".join(json.dumps({"pl": pl, "tg": 64, "t": 2.0 * pl}) for pl in (1, 8))
    batched = tmp_path / "llama-batched-bench"
    batched.write_text(f"#!/bin/sh\necho 'model loaded'\ncat <<'EOF'\n{lines}\nEOF\n")
    for f in (bench, batched):
        f.chmod(f.stat().st_mode | stat.S_IEXEC)
    assert os.environ.get("GOMP_SPINCOUNT") or os.environ.get("OMP_WAIT_POLICY")  # ketch set one here
    res = llama_cpp_tools(str(bench), tmp_path / "m.gguf", 2, 128, 64, [1, 8], pp_len=512)
    assert res["ttft_s"] == 128 / 256.0 and res["decode_tok_s"] == 100.0 and res["build"] == "abc"
    assert res["pp_tok_s"] == 300.0 and " -p 128,512 " in f" {(tmp_path / 'args').read_text()} "
    assert res["throughput_tok_s"] == {1: 64 / 2.0, 8: 8 * 64 / 16.0}
    assert res["isa"] is None  # no ggml CPU library beside the tool: the build's ISA is unknown


def test_llama_cpp_isa_is_read_from_its_system_info():
    from ketch.tools.bench.llama_isa import system_info_isa

    line = ("CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX_VNNI = 0 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | "
            "AVX512 = 1 | AVX512_VBMI = 1 | AVX512_VNNI = 1 | AVX512_BF16 = 0 | AMX_INT8 = 0 | LLAMAFILE = 1 |")
    assert system_info_isa(line) == "AVX, AVX2, F16C, FMA, AVX512, AVX512_VBMI, AVX512_VNNI"
    assert system_info_isa("CPU : SSE3 = 1 | AVX = 0").startswith("none of AVX")


def test_llama_cpp_python_anchor_runs_in_its_own_process(smollm2_path):
    """The Python binding's figures, from a child process without ketch's environment."""
    pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (make llama-cpp)")
    from ketch import LLM
    from ketch.tools.bench.common import OfflineBenchConfig
    from ketch.tools.bench.engines import _bench_llama_cpp

    llm = LLM(str(smollm2_path))
    prompt = llm.get_tokenizer().encode("The capital of France is", add_special_tokens=False)
    cfg = OfflineBenchConfig(model=str(smollm2_path), prompt_len=len(prompt), new_tokens=8, concurrency=[1],
                             run_hf=False)
    res = _bench_llama_cpp(cfg, [prompt], llm.engine.source, 2, list(llm.engine.eos_token_ids))
    assert res["completion_tokens"] == 8 and res["decode_tok_s"] > 0 and 0 < res["ttft_s"] < 60
    from ketch.tools.bench.llama_isa import system_info_isa

    assert res["isa"] == system_info_isa(res["system_info"]) and "CPU" in res["system_info"]
