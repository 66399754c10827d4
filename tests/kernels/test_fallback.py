"""Without the C++ kernels (a CPU or machine that cannot build them) everything still works."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_engine_runs_with_kernels_disabled(tiny_models, smollm2_path):
    path, _ = tiny_models("gemma2")
    script = textwrap.dedent(f"""
        import torch, transformers
        from ketch import LLM, SamplingParams
        from ketch.kernels import load_kernels, load_ops
        from tests.conftest import hf_greedy
        assert load_kernels() is None and load_ops() is None
        hf = transformers.AutoModelForCausalLM.from_pretrained({str(path)!r}, dtype=torch.float32).eval()
        llm = LLM({str(path)!r}, dtype="float32", block_size=4)
        prompts = [[5, 9, 200, 31, 7, 7, 1, 90, 45, 3, 12], [4, 4, 8]]
        got = [o.outputs[0].token_ids for o in llm.generate([{{"prompt_token_ids": p}} for p in prompts],
               SamplingParams(temperature=0, max_tokens=16, ignore_eos=True))]
        assert got == [hf_greedy(hf, p, 16) for p in prompts], got
        smol = LLM({str(smollm2_path)!r})  # auto: weights cannot stay packed, so dequantized at load
        assert not smol.engine.keep_packed
        out = smol.chat([{{"role": "user", "content": "What is the capital of France?"}}],
                        SamplingParams(temperature=0, max_tokens=16))
        assert "Paris" in out[0].outputs[0].text
        print("ok")
    """)
    env = {**os.environ, "KETCH_DISABLE_KERNELS": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")


def test_a_stale_build_lock_is_cleared_and_a_fresh_one_kept(tmp_path):
    import os
    import time

    from ketch.kernels import STALE_LOCK_SECONDS, _clear_stale_lock

    lock = tmp_path / "lock"
    lock.write_text("")
    _clear_stale_lock(lock)
    assert lock.exists()  # just taken: a build may be about to start
    quiet = time.time() - 30
    os.utime(lock, (quiet, quiet))
    _clear_stale_lock(lock)
    assert not lock.exists()  # no process builds in that directory: left by a killed build
    lock.write_text("")
    old = time.time() - STALE_LOCK_SECONDS - 5
    os.utime(lock, (old, old))
    _clear_stale_lock(lock)
    assert not lock.exists()
    _clear_stale_lock(lock)  # and no lock at all is fine
