"""The server's allocator setting: memory freed after a burst goes back to the OS (glibc)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ketch.serve import host_memory

ROOT = Path(__file__).parents[2]

# A burst of 2 MiB buffers freed under a small live one, after a 24 MiB free has raised glibc's
# dynamic mmap threshold (as loading a model does): what stays resident?
_BURST = """
    import ctypes, os, sys
    from ketch.serve import host_memory
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    def rss():
        return int(open(f"/proc/{os.getpid()}/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    libc.free(libc.malloc(24 << 20))
    if sys.argv[1] == "fixed":
        assert host_memory.return_large_frees()
    before = rss()
    bufs = [libc.malloc(2 << 20) for _ in range(30)]
    pin = libc.malloc(256 << 10)  # after the burst: keeps the heap top in use, so free cannot trim it
    for b in bufs:
        ctypes.memset(b, 1, 2 << 20)
    for b in bufs:
        libc.free(b)
    print(rss() - before)
"""


def _retained(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(_BURST), mode], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return int(out.stdout.split()[-1])


def test_freed_buffers_go_back_to_the_os():
    if host_memory._glibc() is None:
        pytest.skip("not glibc: the setting does not apply")
    fixed, dynamic = _retained("fixed"), _retained("dynamic")
    assert fixed < 8 << 20, f"{fixed} bytes of 60 MiB freed stayed resident with the fixed threshold"
    assert dynamic > 40 << 20, f"glibc's own threshold kept only {dynamic} bytes: the test no longer shows the effect"
    host_memory.trim()  # harmless at any time
