"""docs/ARCHITECTURE.md §3: the layers, as one table of the imports allowed between packages.

Every import counts: at the top of a module, inside a function, under `if TYPE_CHECKING`, and
relative ones (`from ..services import x`). An import of a package not in its row fails the test,
so the graph stays as clean as it is; adding an edge means adding it here, in review."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DOMAIN, I18N, RESOURCES = "desktop.domain", "desktop.i18n", "desktop.resources"
STORAGE, SYNC, REPORTS = "desktop.storage", "desktop.sync", "desktop.reports"
INTEROP, SERVICES, COMMANDS = "desktop.interop", "desktop.services", "desktop.commands"
CLI, UI, QT = "desktop.cli", "desktop.ui", "PySide6"
DEMO = "desktop.demo"

# What the server may share with the laptop: pure rules, the wire models, the message catalogs,
# where shipped files live and the PDF fonts (for the funder's report). Never storage or services.
SERVER_MAY_IMPORT = {DOMAIN, I18N, RESOURCES, "desktop.sync.protocol", "desktop.reports.fonts"}

# Each package (or module) of the project, and what it may import besides itself. A row's
# entries are packages or modules: an import is allowed when it is one of them or inside one.
# PySide6 is named too: only the UI uses Qt.
ALLOWED: dict[str, set[str]] = {
    "desktop": set(),  # desktop/__init__.py
    DOMAIN: set(),  # pure rules: nothing else of the project
    I18N: set(),  # message catalogs, the glossary
    RESOURCES: set(),  # where shipped files and the vault live
    STORAGE: {DOMAIN},
    SYNC: {DOMAIN, STORAGE},
    REPORTS: {DOMAIN, I18N, RESOURCES},  # render what the services hand them
    INTEROP: {DOMAIN, I18N},  # the Bundle's readable notes in the export's language
    SERVICES: {DOMAIN, I18N, RESOURCES, STORAGE, SYNC, REPORTS, INTEROP},
    # the demo generator writes through the services only, never storage (a row a service would
    # refuse is never written)
    DEMO: {DOMAIN, SERVICES},
    COMMANDS: {DOMAIN, I18N, RESOURCES, SERVICES, REPORTS, DEMO},
    CLI: {DOMAIN, I18N, SERVICES, COMMANDS, UI},  # the entry point: the GUI or a command
    "desktop.__main__": {CLI},
    UI: {DOMAIN, I18N, RESOURCES, SERVICES, REPORTS, QT},
    "server": SERVER_MAY_IMPORT,
}
# names outside the project the table speaks about (other libraries are not checked here)
WATCHED_OUTSIDE = (QT,)


@dataclass(frozen=True)
class Edge:
    where: str  # file:line
    importer: str  # the row of the importing module
    imported: str  # the full name imported

    def __str__(self) -> str:
        return f"{self.where}: {self.importer} imports {self.imported}"


def _in(name: str, entry: str) -> bool:
    return name == entry or name.startswith(entry + ".")


def _row(name: str) -> str | None:
    """The row of ALLOWED a module name belongs to (the longest that contains it)."""
    rows = [key for key in ALLOWED if _in(name, key)]
    return max(rows, key=len) if rows else None


def _watched(name: str) -> bool:
    return _row(name) is not None or any(_in(name, o) for o in WATCHED_OUTSIDE)


def _module_name(root: Path, path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _imported_names(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        here = module.split(".") if is_package else module.split(".")[:-1]
        here = here[: len(here) - (node.level - 1)]
        base = ".".join(here + ([node.module] if node.module else []))
    # `from desktop import services` imports desktop.services: name each imported name
    return [f"{base}.{a.name}" for a in node.names]


def edges(root: Path, *tops: str) -> list[Edge]:
    """Every import, in the .py files under root/top for each top, of a watched name."""
    found = []
    for top in tops:
        for path in sorted((root / top).rglob("*.py")):
            module, is_package = _module_name(root, path)
            importer = _row(module) or module
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                for name in _imported_names(node, module, is_package):
                    if _watched(name):
                        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
                        found.append(Edge(where, importer, name))
    return found


def not_allowed(found: list[Edge]) -> list[str]:
    bad = []
    for edge in found:
        allowed = ALLOWED.get(edge.importer)
        if allowed is None:
            bad.append(f"{edge.where}: {edge.importer} has no row in ALLOWED")
        elif not (_in(edge.imported, edge.importer)
                  or any(_in(edge.imported, entry) for entry in allowed)):
            bad.append(str(edge))
    return bad


def test_every_import_between_packages_is_in_the_table() -> None:
    assert not_allowed(edges(ROOT, "desktop", "server")) == []


def test_every_module_of_the_project_has_a_row() -> None:
    rows = {_row(_module_name(ROOT, p)[0]) for top in ("desktop", "server")
            for p in (ROOT / top).rglob("*.py")}
    assert None not in rows


def test_the_check_sees_an_edge_not_in_the_table(tmp_path: Path) -> None:
    """Relative imports, imports inside functions and under TYPE_CHECKING, `from package import
    module`: each is seen, and one not in the table is reported."""
    reports = tmp_path / "desktop" / "reports"
    reports.mkdir(parents=True)
    (tmp_path / "desktop" / "__init__.py").write_text("")
    (reports / "__init__.py").write_text("from . import probe\n")
    (reports / "probe.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..domain import dates\n"  # allowed
        "from .layout import esc\n"  # its own package
        "if TYPE_CHECKING:\n"
        "    from desktop.storage.models import Patient\n"
        "def label():\n"
        "    from ..services.instruments import get_definition\n"
        "    from desktop import commands\n"
        "    import PySide6.QtCore\n")
    ui = tmp_path / "desktop" / "ui"
    ui.mkdir()
    (ui / "page.py").write_text("from PySide6.QtWidgets import QWidget\n"
                                "from desktop.services import patients\n")
    bad = not_allowed(edges(tmp_path, "desktop"))
    assert bad == [
        "desktop/reports/probe.py:5: desktop.reports imports desktop.storage.models.Patient",
        "desktop/reports/probe.py:7: desktop.reports imports desktop.services.instruments"
        ".get_definition",
        "desktop/reports/probe.py:8: desktop.reports imports desktop.commands",
        "desktop/reports/probe.py:9: desktop.reports imports PySide6.QtCore",
    ]
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "x.py").write_text("import desktop.domain\n")
    assert not_allowed(edges(tmp_path, "tools")) == ["tools/x.py:1: tools.x has no row in ALLOWED"]
