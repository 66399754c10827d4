"""Every ISA level this machine runs, forced with KETCH_ISA: the policy it picks, and the engine
end to end on it (subprocesses, since the level is read when a model loads)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ketch.kernels.policy import ISA_LEVELS, KernelConfig, at_least, cpu_isa, supported_isas
from tests.policies import isa_params

ROOT = Path(__file__).parents[2]
# Per level: (q4 decode path, many-row path) as kernel_calls() names them.
# Below VNNI, many-row products are int16 GEMMs on the packed codes; at avx_vnni prompts take the
# 256-bit int8 GEMM (batches of generated tokens the int16 one, with the tile kernel's bits).
EXPECTED = {"avx2": ("q4x16_avx2", "int16_gemm"), "avx_vnni": ("q4x16_vnni256", "int8_gemm256"),
            "avx512": ("q4x16_avx2", "int16_gemm"),
            "avx512_vnni": ("q4x16", "int8_gemm"), "amx": ("q4_int8x2", "amx")}


def _run(script: str, **env: str) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=full,
                          capture_output=True, text=True, timeout=600)


def test_each_level_has_its_policy(kernels, monkeypatch):
    best = cpu_isa()
    for level in ISA_LEVELS:
        if level not in supported_isas():
            with pytest.raises(ValueError, match="above what this CPU runs"):
                KernelConfig.for_cpu(isa=level)
            continue
        policy = KernelConfig.for_cpu(isa=level)
        assert policy.isa == level
        tile_path = {"avx512_vnni": "q4x16", "vnni256": "q4x16_vnni256", "avx2": "q4x16_avx2"}[policy.tile_kernel]
        decode = tile_path if policy.q4_tiles else f"q4_{policy.decode_acts}"
        many = decode if policy.q4_tiles and policy.prompt_gemm == "dense" else policy.many_row_path
        assert (decode, many) == EXPECTED[level]
    with pytest.raises(ValueError, match="KETCH_ISA must be one of"):
        KernelConfig.for_cpu(isa="sse2")
    monkeypatch.setenv("KETCH_ISA", "avx2")
    assert KernelConfig.for_cpu().isa == "avx2"
    monkeypatch.setenv("KETCH_ISA", best)
    monkeypatch.setenv("KETCH_DISABLE_AMX", "1")
    assert KernelConfig.for_cpu().isa == ("avx512_vnni" if best == "amx" else best)
    with pytest.raises(ValueError, match="needs AVX-512 VNNI"):
        KernelConfig(isa="avx2", decode_acts="int8x2")
    with pytest.raises(ValueError, match="needs AVX-512 VNNI"):
        KernelConfig(isa="avx2", q8_acts="int8")
    assert policy.q8_acts == "int16"  # q8 decode: int16 activations at every level (measured faster)
    monkeypatch.setenv("KETCH_Q8_ACTS", "int8x2")
    assert KernelConfig.for_cpu().q8_acts == ("int8x2" if at_least(best, "avx512_vnni") else "int16")


@pytest.mark.parametrize("isa", isa_params())
def test_engine_on_each_level(kernels, smollm2_path, isa):
    """SmolLM2 (packed) at the forced level: the level's kernels run (counted), the chat answer
    holds, and a greedy request gives the same tokens alone and among 31 others."""
    result = _run(f"""
        import json
        from ketch import LLM, SamplingParams
        from ketch.kernels import load_kernels
        llm = LLM({str(smollm2_path)!r}, enable_prefix_caching=False)
        calls = load_kernels().kernel_calls
        before = calls()
        chat = llm.chat([{{"role": "user", "content": "What is the capital of France?"}}],
                        SamplingParams(temperature=0, max_tokens=16))[0].outputs[0].text
        greedy = SamplingParams(temperature=0, max_tokens=12, ignore_eos=True)
        prompts = [f"Item {{i}}: the weather in city number {{i}} is" for i in range(32)]
        alone = llm.generate(prompts[7], greedy, use_tqdm=False)[0].outputs[0].token_ids
        among = llm.generate(prompts, greedy, use_tqdm=False)[7].outputs[0].token_ids
        after = calls()
        print(json.dumps({{"isa": llm.engine.kernel_policy.isa, "chat": chat, "same": alone == among,
                          "calls": {{k: after[k] - before[k] for k in after}}}}))
    """, KETCH_ISA=isa)
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["isa"] == isa
    assert "Paris" in out["chat"]
    assert out["same"]
    decode, many = EXPECTED[isa]
    assert out["calls"][decode] > 0 and out["calls"][many] > 0, out["calls"]
    used = {decode, many}
    if isa == "avx_vnni":  # the 32 generated tokens of a step: int16 GEMMs with the tile kernel's bits
        assert out["calls"]["int16_gemm"] > 0, out["calls"]
        used.add("int16_gemm")
    unused = {"q4_int16", "q4_int8x2", "q4x16", "q4x16_avx2", "q4x16_vnni256", "int8_gemm", "int8_gemm256",
              "int16_gemm", "amx", "dequantize"} - used
    assert all(out["calls"][name] == 0 for name in unused), out["calls"]


def test_kernel_tests_pass_at_the_lowest_level(kernels):
    """The packed-layer tests whose products follow the default policy, rerun at AVX2 on a machine above it."""
    if cpu_isa() == "avx2":
        pytest.skip("this machine runs AVX2 only: the in-process run already is the AVX2 run")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/quant/test_packed_kernels.py"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "KETCH_ISA": "avx2"}, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
