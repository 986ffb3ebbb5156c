"""docs/ARCHITECTURE.md §3: nothing below desktop/ui imports PySide6; the UI never imports
storage."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _py_files(*parts: str) -> list[Path]:
    return sorted((ROOT.joinpath(*parts)).rglob("*.py"))


def test_no_qt_below_ui() -> None:
    offenders = []
    for path in _py_files("desktop"):
        if "ui" in path.relative_to(ROOT / "desktop").parts[:1]:
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_ui_does_not_import_storage() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in _py_files("desktop", "ui")
                 if any(n.startswith("desktop.storage") for n in _imports(p))]
    assert offenders == []


def test_domain_imports_nothing_else_of_the_project() -> None:
    offenders = []
    for path in _py_files("desktop", "domain"):
        for name in _imports(path):
            if name.startswith("desktop.") and not name.startswith("desktop.domain"):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


# What the server may share with the laptop: pure rules, the wire models, the message catalogs,
# where shipped files live and the PDF fonts (for the funder's report). Never storage or services.
SERVER_MAY_IMPORT = ("desktop.domain", "desktop.i18n")
SERVER_MAY_IMPORT_EXACTLY = {"desktop.sync.protocol", "desktop.resources", "desktop.reports.fonts"}


def test_server_imports_only_domain_and_protocol() -> None:
    offenders = []
    for path in _py_files("server"):
        for name in _imports(path):
            if name.startswith("desktop.") and not (
                name.startswith(SERVER_MAY_IMPORT) or name in SERVER_MAY_IMPORT_EXACTLY
            ):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtCore import QObject\nimport desktop.storage.models\n")
    assert {"PySide6.QtCore", "desktop.storage.models"} <= _imports(probe)
