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


def test_modules_imported_after_pyside6_leave_no_source_in_linecache(tmp_path, monkeypatch) -> None:
    # PySide6's import hook reads each new module's source to see whether it uses PySide6;
    # desktop.ui drops the lines it read (some 20 MB once the vault's modules are in)
    import importlib
    import linecache

    import desktop.ui  # noqa: F401  (installs the hook's wrapper)

    plain = tmp_path / "relais_plain_module.py"
    plain.write_text("VALUE = 1\n")
    qt_user = tmp_path / "relais_qt_user_module.py"
    qt_user.write_text("import PySide6.QtCore\nVALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    modules = {}
    for name in ("relais_plain_module", "relais_qt_user_module"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        modules[name] = importlib.import_module(name)
    # the hook's check, as the import statement calls it (PySide6 sometimes installs a lazy
    # import in its place, which reads no source: the check is called here either way)
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside(modules["relais_qt_user_module"]) is True
    assert feature._mod_uses_pyside(modules["relais_plain_module"]) is False
    assert str(plain) not in linecache.cache
    assert str(qt_user) not in linecache.cache
