"""Build Qt translations: `desktop/ui/translations/*.json` -> `.ts` sources -> compiled `.qm`.

Each feature area keeps a JSON file {context: {english_source: {"fr": ..., "nl": ...}}}, so areas
never edit the same file. The generated `relais_<lang>.ts` files are the Qt Linguist sources;
`.qm` files are built from them with lrelease (shipped in the PySide6 wheel).

A count goes through Qt's plural forms: `self.tr("%n conflict(s)", "", n)`, and its entry gives
each language's forms as a list, English too (the source is only a key):
`"%n conflict(s)": {"fr": ["%n conflit", "%n conflits"], "nl": [...], "en": [...]}`.
Those entries alone make `relais_en.qm`, installed when the interface is in English.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.resources import resource_path

SOURCE_DIR = Path(__file__).with_name("translations")
UI_DIR = Path(__file__).parent
LANGS = ("fr", "nl")
# Qt's plural forms per language (QTranslator's rules): French one = 0 and 1, Dutch and English
# one = 1; each has two forms
PLURAL_FORMS = {"fr": 2, "nl": 2, "en": 2}
PLURAL_LANGS = (*LANGS, "en")

Entry = dict[str, "str | list[str]"]
Catalog = dict[str, dict[str, Entry]]


def extract(root: Path = UI_DIR) -> dict[str, dict[str, list[str]]]:
    """Every literal string passed to `tr()` or `translate()` under `root`, by context.

    `self.tr("x")` and `Cls.tr("x")` take the enclosing (or named) class as context, like Qt;
    `QCoreApplication.translate("Ctx", "x")` names it. Returns {context: {source: [file:line]}}.
    """
    found: dict[str, dict[str, list[str]]] = {}

    def add(context: str, source: str, where: str) -> None:
        found.setdefault(context, {}).setdefault(source, []).append(where)

    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(root.parent.parent) if root == UI_DIR else path
        for cls, node in _calls_with_class(tree):
            func = node.func
            if not isinstance(func, ast.Attribute):
                continue
            args = node.args
            where = f"{rel}:{node.lineno}"
            if func.attr == "tr" and args and _literal(args[0]) is not None:
                owner = func.value
                if isinstance(owner, ast.Name) and owner.id not in ("self", "cls"):
                    context = owner.id
                else:
                    context = cls or "?"
                add(context, _literal(args[0]) or "", where)
            elif (func.attr == "translate" and len(args) >= 2 and _literal(args[0]) is not None
                  and _literal(args[1]) is not None):
                add(_literal(args[0]) or "", _literal(args[1]) or "", where)
    return found


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls_with_class(tree: ast.AST) -> list[tuple[str | None, ast.Call]]:
    out: list[tuple[str | None, ast.Call]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                out.append((cls, child))
            visit(child, cls)

    visit(tree, None)
    return out


def is_plural(source: str) -> bool:
    """A source with `%n` is translated with a count: it needs plural forms."""
    return "%n" in source


def complete(source: str, entry: Entry) -> bool:
    """fr and nl (and en for a plural) translated; a plural with each language's forms."""
    if not is_plural(source):
        return all(isinstance(entry.get(lang), str) and str(entry.get(lang)).strip()
                   for lang in LANGS)
    for lang in PLURAL_LANGS:
        forms = entry.get(lang)
        if not (isinstance(forms, list) and len(forms) == PLURAL_FORMS[lang]
                and all(isinstance(f, str) and f.strip() for f in forms)):
            return False
    return True


def missing(catalog: Catalog | None = None) -> Catalog:
    """Extracted strings without a complete entry, as a JSON skeleton to fill in."""
    catalog = load_all() if catalog is None else catalog
    out: Catalog = {}
    for context, sources in extract().items():
        for source in sources:
            entry = catalog.get(context, {}).get(source, {})
            if not complete(source, entry):
                langs = PLURAL_LANGS if is_plural(source) else LANGS
                blank: str | list[str] = [""] * 2 if is_plural(source) else ""
                out.setdefault(context, {})[source] = {lang: entry.get(lang, blank)
                                                       for lang in langs}
    return out


def load_all(source_dir: Path = SOURCE_DIR) -> Catalog:
    merged: Catalog = {}
    for path in sorted(source_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for context, messages in data.items():
            merged.setdefault(context, {}).update(messages)
    return merged


def to_ts(catalog: Catalog, lang: str) -> bytes:
    """The Qt Linguist source of one language; English holds the plural entries alone."""
    root = ET.Element("TS", version="2.1",
                      language={"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}.get(lang, lang))
    for context in sorted(catalog):
        sources = [s for s in sorted(catalog[context]) if lang in LANGS or is_plural(s)]
        if not sources:
            continue
        ctx_el = ET.SubElement(root, "context")
        ET.SubElement(ctx_el, "name").text = context
        for source in sources:
            msg = ET.SubElement(ctx_el, "message")
            ET.SubElement(msg, "source").text = source
            text = catalog[context][source].get(lang, "")
            tr = ET.SubElement(msg, "translation")
            if is_plural(source):
                msg.set("numerus", "yes")
                forms = text if isinstance(text, list) else []
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
                if not (len(forms) == PLURAL_FORMS[lang] and all(forms)):
                    tr.set("type", "unfinished")
            elif isinstance(text, str) and text:
                tr.text = text
            else:
                tr.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, "unicode").encode("utf-8")  # "utf-8" here would type as Any
    return b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + b"\n"


def lrelease_command() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("lrelease not found (install PySide6-Essentials)")
    return [found]


def build(out_dir: Path | None = None) -> list[Path]:
    out_dir = out_dir or resource_path("translations")
    out_dir.mkdir(parents=True, exist_ok=True)
    catalog = load_all()
    built = []
    for lang in PLURAL_LANGS:
        ts = out_dir / f"relais_{lang}.ts"
        data = to_ts(catalog, lang)
        if not ts.exists() or ts.read_bytes() != data:
            ts.write_bytes(data)
        qm = out_dir / f"relais_{lang}.qm"
        # written aside, then renamed over: a running Relais maps the old file into memory,
        # and rewriting it in place kills that process (SIGBUS) at its next translation
        fresh = qm.with_name(qm.name + ".new")
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(fresh)], check=True)
        os.replace(fresh, qm)
        built.append(qm)
    return built


if __name__ == "__main__":
    if sys.argv[1:] == ["--missing"]:  # what translators still have to do, as JSON
        print(json.dumps(missing(), ensure_ascii=False, indent=2))
    else:
        for path in build():
            print(path)
