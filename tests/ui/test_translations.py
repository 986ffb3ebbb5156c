"""Translations: every shipped string has French and Dutch, placeholders match, and a pseudo-locale
run over the main screens finds no visible text that escaped translation."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from desktop.i18n import LANGUAGES, catalog
from desktop.services import patients
from desktop.ui import i18n, i18n_build
from desktop.ui.pages import PAGE_KEYS

PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_0-9]*\}")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


# ---- completeness ----------------------------------------------------------------------------
def test_every_ui_string_has_french_and_dutch() -> None:
    missing = i18n_build.missing()
    listing = [f"{ctx}: {src!r}" for ctx, sources in missing.items() for src in sources]
    assert not listing, "untranslated UI strings (run python -m desktop.ui.i18n_build --missing):\n" \
        + "\n".join(listing[:40])


def test_extraction_sees_tr_and_translate_calls() -> None:
    found = i18n_build.extract()
    assert "First start" in found["FirstRunWizard"]
    assert "Settings" in found["SettingsPage"]


def test_generated_ts_has_no_unfinished_entry(tmp_path: Path) -> None:
    built = i18n_build.build(tmp_path)
    for qm in built:
        ts = qm.with_suffix(".ts")
        root = ET.parse(ts).getroot()
        unfinished = [m.findtext("source") for m in root.iter("message")
                      if m.find("translation") is not None
                      and m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
        assert not unfinished, f"{ts.name}: {unfinished[:10]}"
        assert qm.stat().st_size > 100
    # built again, each .qm is a new file renamed over the old one, never rewritten in place:
    # a running Relais maps it into memory (rewritten, that process died of SIGBUS)
    before = {qm: qm.stat().st_ino for qm in built}
    again = i18n_build.build(tmp_path)
    assert all(qm.stat().st_ino != before[qm] for qm in again)
    assert not list(tmp_path.glob("*.new"))


def test_placeholders_and_mnemonics_identical_across_languages() -> None:
    problems = []
    for context, sources in i18n_build.load_all().items():
        for source, langs in sources.items():
            for lang in i18n_build.PLURAL_LANGS:
                value = langs.get(lang, "")
                if lang not in i18n_build.LANGS and not isinstance(value, list):
                    continue  # English needs an entry only for its plural forms
                for text in value if isinstance(value, list) else [value]:
                    if _placeholders(text) != _placeholders(source):
                        problems.append(f"{context} {lang}: {source!r} -> {text!r}")
                    # a keyboard mnemonic in English must survive translation (keyboard access)
                    if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
                        problems.append(f"{context} {lang} lost its &mnemonic: {text!r}")
    assert not problems, "\n".join(problems[:40])


def test_message_catalogs_complete_with_same_placeholders() -> None:
    english = catalog("en")
    problems = []
    for lang in LANGUAGES:
        texts = catalog(lang)
        for code, source in english.items():
            text = texts.get(code, "")
            if not text.strip():
                problems.append(f"{lang}: {code} missing")
            elif sorted(re.findall(r"\{\w*\}", text)) != sorted(re.findall(r"\{\w*\}", source)):
                problems.append(f"{lang}: {code} placeholders differ")
        problems += [f"{lang}: {code} not in English" for code in texts if code not in english]
    assert not problems, "\n".join(problems[:40])


# ---- plurals ---------------------------------------------------------------------------------
PLURAL_HACK = re.compile(r"[^\W\d_]\((s|en|sen|es|x)\)")


def test_no_plural_hack_outside_plural_forms() -> None:
    """"conflict(s)", "conflit(s)", "conflict(en)" read as a count left to the reader: a count
    goes through Qt's plural forms (`tr("%n conflict(s)", "", n)`), whose source alone may say
    "(s)"."""
    problems = []
    for context, sources in i18n_build.load_all().items():
        for source, langs in sources.items():
            if PLURAL_HACK.search(source) and not i18n_build.is_plural(source):
                problems.append(f"{context}: {source!r}")
            for lang, value in langs.items():
                for text in value if isinstance(value, list) else [value]:
                    if PLURAL_HACK.search(text):
                        problems.append(f"{context} {lang}: {text!r}")
    for lang in LANGUAGES:  # the message catalogs: `tn(code, n)` and `<code>.one/.other`
        problems += [f"{lang}: {code} {text!r}" for code, text in catalog(lang).items()
                     if PLURAL_HACK.search(text)]
    assert not problems, "\n".join(problems[:40])


COUNTED = re.compile(r"\{(?:n|count|days|total)\} [a-zéèêû]+s\b")


def test_a_count_in_words_goes_through_plural_forms() -> None:
    """"1 jours après la demande", "1 dossiers ouverts": a number before a plural noun in a
    string without plural forms reads wrong for one. Such a count is `tr("%n …", "", n)`."""
    problems = [f"{context}: {langs['fr']!r}"
                for context, sources in i18n_build.load_all().items()
                for source, langs in sources.items()
                if not i18n_build.is_plural(source) and isinstance(langs.get("fr"), str)
                and COUNTED.search(langs["fr"])]
    # the message catalogs: a count is `tn(code, n)` over `<code>.one` / `<code>.other`; "{n}
    # services s'appellent…" is said of two or more
    problems += [f"{code}: {text!r}" for code, text in catalog("fr").items()
                 if not code.endswith((".one", ".other")) and COUNTED.search(text)
                 and code != "transfer.organisation_ambiguous"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, zero, one, two", [
    ("fr", "0 conflit", "1 conflit", "2 conflits"),
    ("nl", "0 conflicten", "1 conflict", "2 conflicten"),
    ("en", "0 conflicts", "1 conflict", "2 conflicts"),
])
def test_counts_take_the_languages_plural_forms(qapp, lang, zero, one, two) -> None:  # type: ignore[no-untyped-def]
    before = i18n.current_language()  # the .qm files: `make translations` (run by `make test`)
    try:
        assert i18n.install_language(lang) == lang

        def count(n: int) -> str:
            return QCoreApplication.translate("SyncStatusWidget", "%n conflict(s)", "", n)

        assert [count(0), count(1), count(2)] == [zero, one, two]
    finally:
        i18n.install_language(before)


# ---- pseudo-locale ---------------------------------------------------------------------------
ACCENTS = str.maketrans("aeiouAEIOU", "áéíöüÁÉÍÖÜ")


def pseudo(text: str) -> str:
    """Brackets and ~40 % longer, placeholders and mnemonics intact: finds truncation and text
    that never went through a translator."""
    parts = re.split(r"(%L?\d+|%n|\{[A-Za-z_0-9]*\}|&.)", text)
    body = "".join(p if PLACEHOLDER.fullmatch(p) or p.startswith("&") else p.translate(ACCENTS)
                   for p in parts)
    return f"[{body}{'~' * max(1, len(text) * 2 // 5)}]"


def build_pseudo_qm(folder: Path) -> Path:
    root = ET.Element("TS", version="2.1", language="en")
    for context, sources in sorted(i18n_build.load_all().items()):
        ctx_el = ET.SubElement(root, "context")
        ET.SubElement(ctx_el, "name").text = context
        for source in sorted(sources):
            msg = ET.SubElement(ctx_el, "message")
            ET.SubElement(msg, "source").text = source
            tr = ET.SubElement(msg, "translation")
            if i18n_build.is_plural(source):  # a count: Qt looks for the plural forms
                msg.set("numerus", "yes")
                for _ in range(i18n_build.PLURAL_FORMS["en"]):
                    ET.SubElement(tr, "numerusform").text = pseudo(source)
            else:
                tr.text = pseudo(source)
    ts, qm = folder / "pseudo.ts", folder / "pseudo.qm"
    ts.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                   + ET.tostring(root, "utf-8"))
    subprocess.run([*i18n_build.lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def _texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for interface text a person sees in `top` now."""
    out: list[tuple[str, str]] = []

    def skip(w: QWidget) -> bool:
        while w is not None:
            if w.property("relais_data") or w.property("relais_autonym"):
                return True
            w = w.parentWidget()
        return False

    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() or skip(w):
            continue
        name = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        if w.isWindow() and w.windowTitle():
            out.append((name + ".windowTitle", w.windowTitle()))
        if isinstance(w, QLabel):
            out.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            out += [(f"{name}.tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            header = w.horizontalHeader() if isinstance(w, QTableView) else \
                w.header() if isinstance(w, QTreeView) else None
            if header is not None and not header.isHidden():
                for section in range(header.count()):
                    out.append((name + ".header",
                                str(model.headerData(section, Qt.Orientation.Horizontal) or "")))
            if isinstance(w, QListWidget):
                out += [(name + ".item", w.item(i).text()) for i in range(w.count())]
            if isinstance(w, QTreeWidget):
                out += [(name + ".item", w.topLevelItem(i).text(0))
                        for i in range(w.topLevelItemCount())]
        if isinstance(w, QComboBox) and w.currentData() is None:
            out.append((name + ".current", w.currentText()))
    for menu in top.findChildren(QMenu):
        out.append(("QMenu", menu.title()))
        out += [("QAction", a.text()) for a in menu.actions() if not a.isSeparator()]
    return out


def escaped(text: str, allowed: set[str]) -> str | None:
    """The part of `text` outside [...] that reads as words, or None if everything is fine."""
    rest = text
    while True:
        stripped = re.sub(r"\[[^\[\]]*\]", " ", rest)
        if stripped == rest:
            break
        rest = stripped
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in allowed]
    return " ".join(words) or None


def data_words() -> set[str]:
    import json

    from desktop.resources import resource_path

    words: set[str] = set()
    locale = QLocale()
    for i in range(1, 13):
        words |= {locale.monthName(i), locale.standaloneMonthName(i)}
    for i in range(1, 8):
        words |= {locale.dayName(i), locale.standaloneDayName(i)}

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[^\W\d_]{2,}", value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in resource_path("instruments").glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return words


@pytest.fixture
def pseudo_locale(qapp, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """A translator that brackets every Qt string, and the message catalogs bracketed too."""
    from desktop.ui.app import make_app

    make_app()
    i18n.install_language("en")
    translator = QTranslator()
    assert translator.load(str(build_pseudo_qm(tmp_path)))
    QCoreApplication.installTranslator(translator)
    fake = {code: pseudo(text) for code, text in catalog("en").items()}
    monkeypatch.setitem(__import__("desktop.i18n", fromlist=["_catalogs"])._catalogs, "xx", fake)
    monkeypatch.setattr(i18n, "_current", "xx")
    yield
    QCoreApplication.removeTranslator(translator)


def test_pseudo_locale_main_screens_fully_translated(pseudo_locale, qtbot, ctx, vault_dir) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.main_window import MainWindow

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Xq", given_name="Yq"))
    # data, not interface text: the case manager's name, the patient's, the app's name; dates
    # written by QLocale; instrument wording, translated in its own definition file
    allowed = {"Anne", "Lambert", "Xq", "XQ", "Yq", "Relais", "min", "Ctrl", "Alt", "NISS"}
    allowed |= data_words()
    window = MainWindow(vault_dir, ctx)
    qtbot.addWidget(window)
    window.show()
    found: list[str] = []

    def scan(top: QWidget, screen: str) -> None:
        QApplication.processEvents()
        for where, text in _texts(top):
            bad = escaped(text, allowed)
            if bad:
                found.append(f"{screen} / {where}: {text!r}")

    for row in range(len(PAGE_KEYS)):
        window.nav.setCurrentRow(row)
        scan(window, PAGE_KEYS[row])
    dossier = window.open_dossier(pid)
    qtbot.waitExposed(dossier)
    tabs = dossier.findChild(QTabWidget)
    for i in range(tabs.count() if tabs else 0):
        tabs.setCurrentIndex(i)
        scan(dossier, f"dossier tab {i}")
    dossier.close()
    assert not found, "text not translated (no [brackets]) in the pseudo-locale:\n" + \
        "\n".join(dict.fromkeys(found))
