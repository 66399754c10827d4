"""Which x86 instruction sets a llama.cpp build's CPU backend was compiled for, so a benchmark can
say what it compared against (a native build on an AVX-512 CPU, an AVX2-only build, ...)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# ggml_cpu_has_<name>() -> the name printed, in ascending order
FEATURES = ("avx", "avx2", "f16c", "fma", "avx_vnni", "avx512", "avx512_vbmi", "avx512_vnni", "avx512_bf16",
            "amx_int8")

# Loads the build's ggml CPU library and asks it; in a child process, since the library's
# initializers (thread pools, OpenMP) should not run in ketch's own process.
_PROBE = """
import ctypes, sys
from pathlib import Path
lib_dir = Path(sys.argv[1])
ctypes.CDLL(str(lib_dir / "libggml-base.so"), mode=ctypes.RTLD_GLOBAL)
cpu = ctypes.CDLL(str(lib_dir / "libggml-cpu.so"))
print(" ".join(name for name in sys.argv[2:] if getattr(cpu, "ggml_cpu_has_" + name)()))
"""


def build_isa(binary: str | Path, env: dict[str, str]) -> str | None:
    """The ISA features of the llama.cpp build that ``binary`` (llama-bench, llama-server) belongs
    to, from its shared ggml CPU library; None for a static build or where the probe fails."""
    lib_dir = Path(binary).resolve().parent
    if not (lib_dir / "libggml-cpu.so").exists():
        return None
    try:
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(lib_dir), *FEATURES], env=env,
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return _upper(proc.stdout.split())


def system_info_isa(system_info: str) -> str:
    """The ISA features in llama.cpp's system-info line ("AVX2 = 1 | AVX512 = 1 | ...")."""
    on = {m.group(1).lower() for m in re.finditer(r"([A-Z0-9_]+) = 1", system_info)}
    return _upper([f for f in FEATURES if f in on])


def _upper(features: list[str]) -> str:
    return ", ".join(f.upper() for f in features) or "none of " + ", ".join(f.upper() for f in FEATURES)
