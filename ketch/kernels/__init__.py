"""Build (once, cached) and load ketch's C++ CPU kernels; report clearly when they cannot be.

``ketch_qgemv`` (``module.cpp`` and the files ``packed.h`` lists): matmuls on packed quantized
weights, few-row kernels per layout and ISA, many-row int8 GEMMs (``int8_gemm.cpp``) and AMX
products (``amx_gemm.cpp``).
``ops.cpp``: fused fp32 norm, rope, activation and paged decode attention for the per-token path.

The extension is compiled with torch's cpp_extension on first use (about a minute on 2 cores)
and cached under ``$KETCH_KERNEL_CACHE`` (default ``~/.cache/ketch/kernels``). Where it cannot be
built or the CPU lacks AVX2/FMA/F16C, quantized layers fall back to dequantize-then-matmul.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sysconfig
import time
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import torch

log = logging.getLogger(__name__)
_CSRC = Path(__file__).parent / "csrc"


def _cpu_supported() -> bool:
    probe = getattr(torch.cpu, "_is_avx2_supported", None)
    if probe is not None and not probe():
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return probe is not None
    return all(f" {flag}" in flags for flag in ("avx2", "fma", "f16c"))


@lru_cache(maxsize=1)
def load_kernels() -> ModuleType | None:
    """The packed-weight matmuls, or None (with the reason logged) when unavailable."""
    return _build("ketch_qgemv", "module.cpp", "rows.cpp", "rows_int16.cpp", "rows_vnni.cpp", "lowbit.cpp",
                  "dequant.cpp", "amx_packed.cpp", "amx_gemm.cpp", "panels.cpp", "int8_gemm.cpp", "int8_gemm256.cpp",
                  "int16_gemm.cpp", "q4x16.cpp", "q8x16.cpp", "ops.cpp", "decode_layer.cpp",
                  headers=("act_codes.h", "amx_gemm.h", "decode_layer.h", "int16_gemm.h", "int8_gemm.h",
                           "kquant_codes.h", "ops.h", "packed.h", "panels.h", "q4x16.h", "q8x16.h", "tensor.h",
                           "tiles.h", "vnni256.h"))


@lru_cache(maxsize=1)
def load_ops() -> ModuleType | None:
    """Fused fp32 norm/rope/activation ops for the decode path, or None."""
    return _build("ketch_ops", "ops_module.cpp", "ops.cpp", headers=("ops.h", "tensor.h"))


def _build(name: str, *sources: str, headers: tuple[str, ...] = ()) -> ModuleType | None:
    if os.environ.get("KETCH_DISABLE_KERNELS"):
        return None
    if not _cpu_supported():
        log.warning("ketch: CPU lacks AVX2/FMA/F16C; quantized layers use the slow dequantize path")
        return None
    srcs = [_CSRC / s for s in sources]
    cflags = ["-O3", "-mavx2", "-mfma", "-mf16c", "-fopenmp"]
    # One build directory per (source path, content, flags, torch, Python ABI): torch rebuilds
    # whenever its recorded command line changes, so two checkouts sharing one directory rebuilt
    # each other's kernels on every start.
    files = [*srcs, *(_CSRC / h for h in headers)]
    key = hashlib.sha256("\0".join([*(f"{f.resolve()}\0{f.read_text()}" for f in files), *cflags, torch.__version__,
                                    sysconfig.get_config_var("EXT_SUFFIX") or ""]).encode()).hexdigest()[:12]
    root = Path(os.environ.get("KETCH_KERNEL_CACHE", Path.home() / ".cache" / "ketch" / "kernels"))
    cache = root / name / key
    cache.mkdir(parents=True, exist_ok=True)
    built = _load_built(name, cache)
    if built is not None:
        return built
    from torch.utils import cpp_extension

    _clear_stale_lock(cache / "lock")
    try:
        module = cpp_extension.load(name=name, sources=[str(s) for s in srcs], build_directory=str(cache),
                                    extra_cflags=cflags, extra_ldflags=["-fopenmp"], verbose=False)
    except Exception as exc:  # noqa: BLE001 - any build failure means: use the fallback
        log.warning("ketch: could not build %s (%s); using the torch fallback", ", ".join(sources), exc)
        return None
    try:
        (cache / _BUILT).write_text(f"{name}.so\n")
    except OSError:  # a cache we may read but not write: cpp_extension finds the build each time
        pass
    return module


# Written beside the library once cpp_extension has built and imported it. The directory's name is
# a digest of the sources, flags, torch and Python ABI, so a marked library is this very build: it is
# imported directly, without cpp_extension, which imports setuptools (4 MB resident in every
# server) and runs ninja on each start to find nothing to do.
_BUILT = "built-ok"


def _load_built(name: str, cache: Path) -> ModuleType | None:
    library = cache / f"{name}.so"
    if not (cache / _BUILT).is_file() or not library.is_file():
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, library)
    if spec is None or spec.loader is None:
        return None
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except ImportError as exc:  # a library this Python or torch cannot load: rebuild it
        log.warning("ketch: cached %s did not load (%s); rebuilding it", library, exc)
        (cache / _BUILT).unlink(missing_ok=True)
        return None
    return module


# A build takes about a minute here. A lock with no compiler working in its directory, or one this
# old, was left by a build that was killed, and torch would wait on it forever.
STALE_LOCK_SECONDS = 600


def _build_running(build_dir: Path) -> bool | None:
    """Whether some process (ninja, the compiler) works in ``build_dir``; None where /proc is absent."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    needle = str(build_dir).encode()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "cmdline").read_bytes() or os.readlink(entry / "cwd") == str(build_dir):
                return True
        except OSError:
            continue
    return False


def _clear_stale_lock(lock: Path) -> None:
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return
    running = _build_running(lock.parent)
    if age > STALE_LOCK_SECONDS or (running is False and age > 5):
        log.warning("ketch: removing a stale kernel build lock %s (%.0f s old; a killed build left it)", lock, age)
        lock.unlink(missing_ok=True)


def build_all() -> dict[str, bool]:
    """Build (or find cached) every extension; name -> whether it loaded."""
    return {"packed matmuls": load_kernels() is not None, "fused ops": load_ops() is not None}

