"""Scores, bands and categories of a response in words (definition texts, UI language)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.instruments import Definition, text_in
from desktop.ui.i18n import current_language


def band_label(defn: Definition, score_id: str, data: dict[str, Any]) -> str:
    lang = current_language()
    sc = defn.score(score_id)
    bs = sc.band_set(data.get("band_set"))
    band = next((b for b in bs.bands if b.code == data.get("band")), None) if bs else None
    return text_in(band.label, lang) if band else ""


def category_label(defn: Definition, derived_id: str, code: str | None) -> str:
    if code is None:
        return ""
    try:
        return text_in(defn.derived_rule(derived_id).category(code).label, current_language())
    except KeyError:
        return code


def summary_lines(defn: Definition, scores: dict[str, Any]) -> list[str]:
    """One line per score ("label: value / max — band") and per derived category."""
    lang = current_language()
    lines = []
    for sc in defn.scores:
        data = scores.get("scores", {}).get(sc.id)
        if data is None:
            continue
        line = f"{text_in(sc.label, lang)} : {data['value']} / {data['max']}"
        band = band_label(defn, sc.id, data)
        if band:
            line += f" — {band}"
        lines.append(line)
    for d in defn.derived:
        data = scores.get("derived", {}).get(d.id)
        if data is None:
            continue
        lines.append(f"{text_in(d.label, lang)} : {category_label(defn, d.id, data['code'])}")
    if scores and not scores.get("complete", True):
        lines.append(QCoreApplication.translate("Results", "(incomplete: some answers missing)"))
    return lines


def short_summary(defn: Definition, scores: dict[str, Any]) -> str:
    """The primary result only, for history lists."""
    primary = defn.primary
    if primary is None:
        return ""
    data = scores.get("scores", {}).get(primary)
    if data is not None:
        band = band_label(defn, primary, data)
        return f"{data['value']} / {data['max']}" + (f" — {band}" if band else "")
    data = scores.get("derived", {}).get(primary)
    if data is not None:
        return category_label(defn, primary, data["code"])
    return ""
