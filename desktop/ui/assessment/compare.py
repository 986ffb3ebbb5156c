"""Two completed responses of one instrument side by side; changed rows stand out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.instruments import Definition, text_in
from desktop.i18n.dates import short_date
from desktop.services.assessments import Comparison
from desktop.ui.assessment.results import band_label, category_label
from desktop.ui.i18n import current_language


def answer_text(defn: Definition, item_id: str, value: Any) -> str:
    if value is None:
        return "—"
    it = defn.item(item_id)
    opt = it.option(value) if it.type in ("choice", "boolean") else None
    if it.type == "boolean":
        yes_no = (QCoreApplication.translate("InstrumentForm", "Yes") if value
                  else QCoreApplication.translate("InstrumentForm", "No"))
        label = text_in(opt.label, current_language()) if opt else ""
        return label or yes_no
    if opt is not None:
        label = text_in(opt.label, current_language())
        return f"{value} — {label}" if label else str(value)
    return str(value)


class CompareDialog(QDialog):
    def __init__(self, parent: QWidget | None, defn: Definition, cmp: Comparison) -> None:
        super().__init__(parent)
        lang = current_language()
        self.setWindowTitle(self.tr("Compare two assessments — {title}").format(
            title=text_in(defn.short_title, lang)))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(cmp.rows), 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        left = short_date(cmp.left.assessed_on) if cmp.left.assessed_on else "?"
        right = short_date(cmp.right.assessed_on) if cmp.right.assessed_on else "?"
        self.table.setHorizontalHeaderLabels(["", left, right])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Side-by-side comparison"))
        bold = QFont()
        bold.setBold(True)
        missing = self.tr("Item {n}")
        for row, r in enumerate(cmp.rows):
            if r.kind == "item":
                it = defn.item(r.key)
                name = text_in(it.text, lang) or missing.format(n=defn.items.index(it) + 1)
                cells = [answer_text(defn, r.key, r.left), answer_text(defn, r.key, r.right)]
            elif r.kind == "score":
                sc = defn.score(r.key)
                name = text_in(sc.label, lang)
                cells = []
                for view in (cmp.left, cmp.right):
                    data = view.scores.get("scores", {}).get(r.key)
                    if data is None:
                        cells.append("—")
                        continue
                    band = band_label(defn, r.key, data)
                    cells.append(f"{data['value']}" + (f" — {band}" if band else ""))
            else:
                name = text_in(defn.derived_rule(r.key).label, lang)
                cells = [category_label(defn, r.key, r.left), category_label(defn, r.key, r.right)]
            items = [QTableWidgetItem(name), *(QTableWidgetItem(c) for c in cells)]
            for col, item in enumerate(items):
                if r.changed or r.kind != "item":
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
