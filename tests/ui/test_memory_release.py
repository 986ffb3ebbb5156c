"""desktop/ui/memory.py: freed heap pages go back to the system (issue 16, target 6)."""

from __future__ import annotations

import sys

import pytest

from desktop.ui.memory import release_free_memory


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_pages_go_back_to_the_system() -> None:
    # 2 KiB blocks come from the heap (not their own mapping); keeping one in a hundred leaves
    # the heap's top in use, so glibc cannot shrink it by itself
    blocks = [bytearray(2048) for _ in range(60_000)]
    kept = blocks[::100]
    del blocks
    before = _rss_mb()
    assert release_free_memory() is True
    after = _rss_mb()
    assert before - after > 60, (before, after)
    assert len(kept) == 600
