"""The server's memory trim: what a burst freed goes back to the OS (glibc)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ketch.serve import host_memory

ROOT = Path(__file__).parents[2]

# A burst of 2 MiB buffers freed under a live one, after a 24 MiB free has raised glibc's dynamic
# mmap threshold (as loading a model does): what stays resident, with and without a trim?
_BURST = """
    import ctypes, os, sys
    from ketch.serve import host_memory
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    def rss():
        return int(open(f"/proc/{os.getpid()}/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    libc.free(libc.malloc(24 << 20))
    before = rss()
    bufs = [libc.malloc(2 << 20) for _ in range(30)]
    pin = libc.malloc(256 << 10)  # after the burst: keeps the heap top in use, so free cannot trim it
    for b in bufs:
        ctypes.memset(b, 1, 2 << 20)
    for b in bufs:
        libc.free(b)
    if sys.argv[1] == "trim":
        host_memory.trim()
    print(rss() - before)
"""


def _retained(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(_BURST), mode], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return int(out.stdout.split()[-1])


def test_freed_buffers_go_back_to_the_os_on_trim():
    if host_memory._glibc() is None:
        pytest.skip("not glibc: the trim does not apply")
    trimmed, kept = _retained("trim"), _retained("none")
    assert trimmed < 8 << 20, f"{trimmed} bytes of 60 MiB freed stayed resident after the trim"
    assert kept > 40 << 20, f"glibc kept only {kept} bytes without a trim: the test no longer shows the effect"
