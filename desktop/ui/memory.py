"""Freed memory back to the system once the unlock's burst is over.

The unlock imports the vault's modules, reads Today and builds its widgets; much of what that
allocates is freed again, but glibc keeps freed heap pages inside the process unless asked, so
the resident size stays at the burst's peak (issue 16, target 6). `malloc_trim(0)` returns every
whole free page. Other platforms' allocators give memory back on their own: nothing to do."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import linecache
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


def forget_module_sources() -> bool:
    """Stop PySide6's import hook from keeping the source of every module imported after it.

    The hook (shibokensupport.feature) reads each new module's source to see whether it uses
    PySide6, through linecache, which keeps the lines: about 20 MB once the vault's modules are
    in, interleaved with the modules' own objects so that no later clearing gives it back. The
    answer is kept; the lines it read are dropped at once. True if the hook was found."""
    import PySide6  # noqa: F401  (loads the hook's module)

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "relais_forgets", False):
        return False

    def uses_pyside(module: object) -> bool:
        before = set(linecache.cache)
        try:
            return bool(check(module))
        finally:
            for name in set(linecache.cache) - before:
                linecache.cache.pop(name, None)

    uses_pyside.relais_forgets = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
