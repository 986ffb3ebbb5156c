"""Freed memory back to the system once the unlock's burst is over.

The unlock imports the vault's modules, reads Today and builds its widgets; much of what that
allocates is freed again, but glibc keeps freed heap pages inside the process unless asked, so
the resident size stays at the burst's peak (issue 16, target 6). `malloc_trim(0)` returns every
whole free page. Other platforms' allocators give memory back on their own: nothing to do."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys


def release_free_memory() -> bool:
    """Collect garbage and return the heap's free pages to the system; True if asked (glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:  # no C library to load by name (a static build): nothing to trim
        return False
    trim = getattr(libc, "malloc_trim", None)  # glibc only (not musl)
    if trim is None:
        return False
    trim(0)
    return True
