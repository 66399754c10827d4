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


def test_a_finished_build_loads_without_cpp_extension():
    # The server's process should not carry setuptools (imported by cpp_extension) for a cached build.
    script = textwrap.dedent("""
        import sys
        import torch
        from ketch.kernels import load_kernels, load_ops
        k, ops = load_kernels(), load_ops()
        assert k is not None and ops is not None
        assert "torch.utils.cpp_extension" not in sys.modules and "setuptools" not in sys.modules
        k.kernel_calls()  # the library's functions answer
        print("ok")
    """)
    load = [sys.executable, "-c", "from ketch.kernels import build_all; print(build_all())"]
    assert subprocess.run(load, cwd=ROOT, capture_output=True, text=True, timeout=900).returncode == 0
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"


def test_a_marked_library_that_does_not_load_is_rebuilt(tmp_path):
    from ketch.kernels import _BUILT, _load_built

    (tmp_path / "ketch_x.so").write_bytes(b"not an ELF file")
    (tmp_path / _BUILT).write_text("ketch_x.so\n")
    assert _load_built("ketch_x", tmp_path) is None
    assert not (tmp_path / _BUILT).exists()  # so the next load builds it again
    assert _load_built("ketch_x", tmp_path) is None
