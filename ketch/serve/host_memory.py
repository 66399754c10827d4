"""Hands memory the server freed back to the OS, so a burst of long prompts does not stay resident.

glibc keeps freed heap pages mapped: its threshold for serving a request from a fresh mapping rises
after each large free, so once a model has loaded, step-sized buffers (prefill activations,
logits) come from the heap and their pages stay resident after they are freed. ``trim`` after the
load and each time the engine runs out of work returns them (measured on SmolLM2 after 8 parallel
650-token prompts: about 50 MB). A fixed low threshold (mallopt M_MMAP_THRESHOLD) would return
them at every free instead, but then every large step buffer is a fresh mapping that faults in
again: 128-token prefills ran 1.5-1.8x slower that way.

``share_one_arena`` keeps every thread on the main heap. glibc gives each thread that allocates
(the engine loop, the kernel workers, the tokenizer's pool, the event loop's executors) an arena
of its own, and what each keeps resident after a trim is scattered across them: on SmolLM2 after
8 parallel 641-token prompts `ketch serve` held 497-499 MB with them, 466-471 MB with one arena
(the engine's allocations are step-sized buffers taken under the GIL or between kernel calls, so
the one lock is not contended: decode and prefill times were within the VM's run-to-run spread).
Elsewhere (musl, macOS) both are no-ops.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        libc.gnu_get_libc_version  # only glibc has it
    except (OSError, AttributeError):
        return None
    return libc


_M_ARENA_MAX = -8  # mallopt's parameter (malloc.h)


def share_one_arena() -> bool:
    """Make threads that allocate from now on share the main heap; whether glibc took it."""
    libc = _glibc()
    return libc is not None and libc.mallopt(_M_ARENA_MAX, 1) == 1


def trim() -> None:
    """Hand free heap pages back to the OS (after the load, and when the engine goes idle)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
