"""The server's host memory (glibc): what a burst freed goes back to the OS, and threads share one arena."""
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


def _run(script: str, mode: str) -> int:
    """The number ``script`` prints last, run in a fresh interpreter with ``mode`` as its argument."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script), mode], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return int(out.stdout.split()[-1])


def test_freed_buffers_go_back_to_the_os_on_trim():
    if host_memory._glibc() is None:
        pytest.skip("not glibc: the trim does not apply")
    trimmed, kept = _run(_BURST, "trim"), _run(_BURST, "none")
    assert trimmed < 8 << 20, f"{trimmed} bytes of 60 MiB freed stayed resident after the trim"
    assert kept > 40 << 20, f"glibc kept only {kept} bytes without a trim: the test no longer shows the effect"


# Threads that each allocate, then glibc's own account of its arenas (malloc_info's <heap nr=...>).
_THREADS = """
    import ctypes, os, sys, tempfile, threading
    from ketch.serve import host_memory
    if sys.argv[1] == "share":
        assert host_memory.share_one_arena()
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    libc.fopen.restype = ctypes.c_void_p
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    start, hold = threading.Barrier(5), threading.Event()
    def work():
        p = libc.malloc(64 << 10)  # the thread's first allocation picks (or makes) its arena
        start.wait()
        hold.wait()
        libc.free(p)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    path = os.path.join(tempfile.mkdtemp(), "info.xml")
    fp = libc.fopen(path.encode(), b"w")
    start.wait()  # every thread has allocated
    libc.malloc_info(0, fp)
    libc.fclose(fp)
    hold.set()
    for t in threads:
        t.join()
    print(open(path).read().count("<heap nr="))
"""


def test_threads_share_one_arena():
    """After share_one_arena, threads that allocate stay on the main heap; without it glibc gives
    them arenas of their own (what kept `ketch serve` 30-40 MB larger after a burst)."""
    if host_memory._glibc() is None:
        assert not host_memory.share_one_arena()
        pytest.skip("not glibc: there are no per-thread arenas to share")
    assert _run(_THREADS, "share") == 1
    assert _run(_THREADS, "none") > 1, "glibc made no per-thread arenas: the test no longer shows the effect"
