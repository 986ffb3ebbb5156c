"""The repository explains itself (issue 21, item 1): no file points outside it to a design
folder beside the checkout, and every repository path docs/ARCHITECTURE.md and docs/DOMAIN.md
name in backticks exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE = "../" + "shared"  # spelt in two parts so this file does not cite it itself
SKIP_DIRS = {".git", ".venv", "__pycache__", "node_modules", "build", "dist", ".mypy_cache",
             ".ruff_cache", ".pytest_cache", ".hypothesis"}
DOCS = ("docs/ARCHITECTURE.md", "docs/DOMAIN.md")
# a repository path in backticks: relative, with a folder, nothing but path characters
_PATH = re.compile(r"`([A-Za-z0-9_.][A-Za-z0-9_./-]*/[A-Za-z0-9_./-]*)`")


def _text_files() -> Iterator[Path]:
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel.parts):
            continue
        if path.is_file() and path.stat().st_size < 5_000_000:
            yield path


def citations_outside(root_files: Iterator[Path]) -> list[str]:
    found = []
    for path in root_files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images, compiled translations, fonts
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE in line:
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    return found


def test_no_file_cites_the_design_folder_outside_the_repository() -> None:
    assert citations_outside(_text_files()) == []


def test_the_check_sees_a_citation(tmp_path: Path) -> None:
    cited = tmp_path / "note.md"
    cited.write_text("See `" + OUTSIDE + "/ARCHITECTURE.md`.\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert citations_outside(iter([cited])) == ["note.md:1: See `" + OUTSIDE
                                                    + "/ARCHITECTURE.md`."]
    finally:
        ROOT = saved


def paths_named(doc: str) -> list[str]:
    """Backticked tokens that start with a top-level folder of the repository (`desktop/…`,
    `tests/…`), as opposed to code such as `uow.add/update/audit`."""
    top = {p.name for p in ROOT.iterdir() if p.is_dir()}
    return [p for p in _PATH.findall((ROOT / doc).read_text(encoding="utf-8"))
            if p.split("/")[0] in top]


def test_every_path_the_architecture_and_domain_docs_name_exists() -> None:
    named = [(doc, p) for doc in DOCS for p in paths_named(doc)]
    assert len(named) > 60  # the docs do name the files they describe
    missing = [f"{doc}: {p}" for doc, p in named if not (ROOT / p.rstrip("/")).exists()]
    assert missing == []


def test_the_docs_cite_each_other_by_files_that_exist() -> None:
    for doc in DOCS:
        for link in re.findall(r"\]\(([^)#]+)\)", (ROOT / doc).read_text(encoding="utf-8")):
            assert (ROOT / doc).parent.joinpath(link).exists(), f"{doc}: {link}"


def test_citations_of_architecture_sections_name_sections_that_exist() -> None:
    sections = set(re.findall(r"^## (\d+)\. ", (ROOT / "docs/ARCHITECTURE.md").read_text(
        encoding="utf-8"), re.MULTILINE))
    assert {"3", "6", "7", "11", "15"} <= sections
    wrong = []
    for path in _text_files():
        if path.suffix not in (".py", ".md"):
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"ARCHITECTURE\.md §(\d+)((?:, §\d+)*)", text):
            numbers = [match.group(1), *re.findall(r"\d+", match.group(2))]
            wrong += [f"{path.relative_to(ROOT)}: §{n}" for n in numbers if n not in sections]
    assert wrong == []
