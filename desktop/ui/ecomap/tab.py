"""Dossier tab "Écosystème": the ecomap editor, dated snapshots compared side by side, and the
sortable "who does what" list with print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.carer import BURDEN_COLOUR, BURDENS
from desktop.domain.contacts import SECTORS, ContactFields
from desktop.domain.ecomap import EcomapData, TieFields
from desktop.domain.ecomap_layout import SECTOR_FILL, SECTOR_STROKE
from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.i18n.punctuation import colon
from desktop.services import contacts, ecosystem
from desktop.ui.ecomap import labels
from desktop.ui.ecomap.carer_dialog import CarerAssessmentDialog, tie_line
from desktop.ui.ecomap.dialogs import ContactDialog, TieDialog
from desktop.ui.ecomap.scene import BADGES, EcomapScene, EcomapView, paint_tie
from desktop.ui.flow import flow_widget
from desktop.ui.i18n import current_language, error_message
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.services.drafts import DraftView
    from desktop.ui.dossier.window import DossierWindow


Sample = Callable[[QPainter, float, float], object]  # draws a legend line's sample at x, y


class LegendWidget(QWidget):
    """Hartman's conventions as drawn on the map, in the UI language: one per line, in a
    column beside the map (under it, two rows of legend cost a small laptop's map its
    bottom)."""

    SAMPLE_W = 34.0  # a tie's sample line; badges and sectors are narrower

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Legend of the ecomap"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _entries(self) -> list[tuple[Sample, str]]:
        """(draw the sample at x, y, its text) per line."""

        def tie(strength: str, quality: str, flow: str) -> Sample:
            return lambda p, x, y: paint_tie(p, (x, y), (x + self.SAMPLE_W, y), strength,
                                             quality, flow)

        def burdens(p: QPainter, x: float, y: float) -> None:  # light to heavy burden
            for i, burden in enumerate(BURDENS):
                p.setPen(QPen(QColor("#333333"), 0.8))
                p.setBrush(QColor(BURDEN_COLOUR[burden]))
                p.drawEllipse(QPointF(x + 4 + 9 * i, y), 4, 4)

        def badge(flag: str, symbol: str) -> Sample:
            def draw(p: QPainter, x: float, y: float) -> None:
                p.setPen(QPen(QColor("#444444"), 0.8))
                p.setBrush(QColor("white"))
                p.drawEllipse(QPointF(x + 7, y), 7, 7)
                p.setPen(QColor("#b00020" if flag == "is_informal_carer" else "#222222"))
                p.drawText(QRectF(x, y - 8, 14, 16), Qt.AlignmentFlag.AlignCenter, symbol)
            return draw

        def sector(code: str) -> Sample:
            def draw(p: QPainter, x: float, y: float) -> None:
                p.setPen(QPen(QColor(SECTOR_STROKE[code]), 1))
                p.setBrush(QColor(SECTOR_FILL[code]))
                p.drawRoundedRect(QRectF(x, y - 6, 22, 12), 3, 3)
            return draw

        return [(tie("strong", "neutral", "none"), labels.strength("strong")),
                (tie("moderate", "neutral", "none"), labels.strength("moderate")),
                (tie("tenuous", "neutral", "none"), labels.strength("tenuous")),
                (tie("moderate", "supportive", "none"), labels.quality("supportive")),
                (tie("moderate", "stressful", "none"), labels.quality("stressful")),
                (tie("moderate", "neutral", "from_patient"), self.tr("flow of help")),
                (burdens, self.tr("carer's assessment (burden; ! review due)")),
                *[(badge(flag, symbol), labels.flag(flag)) for flag, symbol in BADGES],
                *[(sector(code), labels.sector(code)) for code in SECTORS]]

    def _lines(self, width: int) -> list[tuple[Sample, str, QRect]]:
        """Each entry with the rectangle its text takes, wrapped to the column's width."""
        metrics = self.fontMetrics()
        text_x = int(self.SAMPLE_W) + 12
        out, y = [], 4
        for draw, text in self._entries():
            rect = metrics.boundingRect(QRect(text_x, y, max(40, width - text_x - 4), 1000),
                                        Qt.TextFlag.TextWordWrap, text)
            rect.setHeight(max(rect.height(), metrics.height() + 4))
            out.append((draw, text, rect))
            y = rect.bottom() + 3
        return out

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._lines(width)[-1][2].bottom() + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = self.fontMetrics().averageCharWidth() * 30
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        half_line = p.fontMetrics().height() / 2
        for draw, text, rect in self._lines(self.width()):
            draw(p, 4.0, rect.top() + half_line)  # the sample faces the text's first line
            p.setPen(QPen(QColor("#222222")))
            p.drawText(rect, Qt.TextFlag.TextWordWrap, text)
        p.end()


class MapPage(QWidget):
    def __init__(self, tab: EcosystemTab) -> None:
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the actions' buttons wrap onto a second row when the dossier is narrow: a QToolBar
        # hid them behind its overflow (») button, which Tab cannot reach
        self.toolbar, self.toolbar_layout = flow_widget()
        layout.addWidget(self.toolbar)
        self.scene = EcomapScene(self)
        self.view = EcomapView(self.scene)
        self.view.setAccessibleName(self.tr("Ecomap"))
        # beside the map, not under it: a small laptop's screen is wide, not tall
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 0, 0, 0)
        self.legend = LegendWidget()
        column.addWidget(self.legend)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.status)
        column.addStretch(1)
        # how many people are on the map, always current (the status line shows other things)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("People on the map"))
        column.addWidget(self.count_label)
        side.setFixedWidth(self.legend.sizeHint().width() + 6)
        beside = QScrollArea()  # a short window scrolls the column, never the map away
        beside.setWidget(side)
        beside.setWidgetResizable(True)
        beside.setFrameShape(QFrame.Shape.NoFrame)
        beside.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        beside.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing in it to act on
        beside.setFixedWidth(side.width() + beside.verticalScrollBar().sizeHint().width())
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(beside)
        layout.addLayout(body, 1)

        # the rarer actions in a menu, so that the buttons hold on one row at 1366 pixels
        more = QMenu(self)

        def action(text: str, shortcut: str | None, slot: Callable[[], object], *,
                   symbol: str | None = None, in_menu: bool = False) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                act.setToolTip(f"{text.replace('&', '')} ({shortcut})")
            act.triggered.connect(slot)
            self.addAction(act)
            if in_menu:
                more.addAction(act)
                return act
            button = QToolButton()
            button.setDefaultAction(act)
            if symbol:  # a zoom button shows its sign; its name is read out and in its tooltip
                act.setIconText(symbol)
                button.setAccessibleName(text)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as on a toolbar: its shortcut
            self.toolbar_layout.addWidget(button)
            return act

        def separator() -> None:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.toolbar_layout.addWidget(line)

        self.add_action = action(self.tr("&Add a person or service…"), "Ctrl+Shift+A",
                                 self.add_contact)
        self.edit_action = action(self.tr("&Edit the tie…"), "F2", self.edit_selected)
        self.contact_action = action(self.tr("Edit the &contact…"), "Ctrl+Shift+E", self.edit_contact)
        self.remove_action = action(self.tr("&Remove from the map"), "Ctrl+Del", self.remove_selected)
        # a carer's own agreement to their details on the handout; the patient's objection to
        # documents going to a provider
        self.consent_action = action(self.tr("Co&nsent…"), "Ctrl+Shift+K", self.edit_consent)
        self.carer_action = action(self.tr("Carer's assess&ment…"), "Ctrl+Shift+C",
                                   self.assess_carer)
        separator()
        action(self.tr("Zoom out"), "Ctrl+-", lambda: self.view.zoom(0.8), symbol="−")
        action(self.tr("Zoom in"), "Ctrl++", lambda: self.view.zoom(1.25), symbol="+")
        action(self.tr("Fit"), "Ctrl+0", self.view.fit)
        separator()
        action(self.tr("&Save today's map"), "Ctrl+Shift+S", self.save_snapshot, in_menu=True)
        action(self.tr("E&xport…"), "Ctrl+E", self.export, in_menu=True)
        action(self.tr("Automatic layout"), "Ctrl+Shift+L", self.reset_layout, in_menu=True)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More actions") + " ▾")
        # the style's own arrow is drawn over the text's end
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.more_button.setMenu(more)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setAutoRaise(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab, then Space opens it
        self.toolbar_layout.addWidget(self.more_button)
        QWidget.setTabOrder(self.view, self.more_button)  # Tab leaves the map for the menu
        self.scene.node_moved.connect(self.node_moved)
        self.scene.node_activated.connect(self.edit_tie)
        self.scene.node_delete_requested.connect(self.remove_tie)
        self.scene.node_focused.connect(self._focused)
        self.data: EcomapData | None = None
        self._fitted = False

    # ---- showing -----------------------------------------------------------------------------
    def show_data(self, data: EcomapData, focus: str | None = None) -> None:
        was_empty = self.data is not None and not self.data.ties
        self.data = data
        self.scene.show_map(data)
        self.count_label.setText(self.tr("People on the map: {count}").format(count=len(data.ties)))
        if not self._fitted and self.view.isVisible():
            self._fit_once_laid_out()
        elif was_empty and data.ties:  # fitted to the patient alone: the first person was cut
            self._fit_once_laid_out()
        if focus and focus in self.scene.nodes:
            self.scene.setFocusItem(self.scene.nodes[focus])
            # the person just added or edited in sight, the view focused or not (looked up
            # when the timer fires: a newer map may have replaced the node meanwhile)
            QTimer.singleShot(0, self.view, lambda: self._show_node(focus))
        if not data.ties:
            self.status.setText(self.tr("Nobody is on the map yet: add the people and services "
                                        "around the patient (Ctrl+Shift+A)."))
        elif not self.status.text() or focus is None:
            self.status.setText(self.tr("%n tie(s). Tab goes from one person to the next; "
                                        "arrows move them; Enter edits the tie.", "",
                                        len(data.ties)))

    def _show_node(self, tie_id: str) -> None:
        node = self.scene.nodes.get(tie_id)
        if node is not None:
            self.view.ensureVisible(node, 30, 30)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted and self.data is not None:
            self._fit_once_laid_out()
        # the map's keys (Ctrl+Shift+A, F2, Tab from person to person) work once its tab is
        # chosen: the keyboard was left where it was, and Ctrl+Shift+A did nothing
        focus = self.window().focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_once_laid_out(self) -> None:
        """The first fit waits for the layout: fitted while the view still had the size it had
        before the tab was shown, the patient ended up at the edge of a map cut in half."""
        self._fitted = True
        QTimer.singleShot(0, self.view, self.view.fit)

    def _focused(self, tie_id: str) -> None:
        if self.data is None:
            return
        tie = self.data.tie(tie_id)
        parts = [tie.label, labels.kind(tie.kind), tie.role or "", labels.strength(tie.strength),
                 labels.quality(tie.quality), labels.flow(tie.energy_flow), tie.phone or ""]
        text = " · ".join(p for p in parts if p)
        carer_line = tie_line(tie, self.data.taken_on)  # the carer's own assessment
        self.status.setText(text + ("\n" + carer_line if carer_line else ""))

    def selected(self) -> str | None:
        item = self.scene.focusItem() or next(iter(self.scene.selectedItems()), None)
        return getattr(item, "tie_id", None)

    def _chosen(self) -> str | None:
        """The tie an action applies to; none chosen: the status says how to choose one (an
        action on nobody did nothing, and the case manager wondered why)."""
        tie_id = self.selected() if self.data is not None else None
        if tie_id is None:
            self.status.setText(self.tr("Select a person on the map first (a click, or Tab)."))
        return tie_id

    # ---- actions -----------------------------------------------------------------------------
    def node_moved(self, tie_id: str, dx: float, dy: float) -> None:
        try:
            ecosystem.move_node(self.tab.ctx, tie_id, dx, dy)
        except DomainError as exc:
            self.status.setText(error_message(exc))
        self.tab.changed(focus=tie_id)

    def add_contact(self) -> None:
        ctx, pid = self.tab.ctx, self.tab.patient_id
        on_map = {t.contact_id for t in self.data.ties} if self.data else set()
        choices = [c for c in contacts.list_contacts(ctx, patient_id=pid) if c.id not in on_map]

        def save(who: str | ContactFields | None, tie: TieFields) -> str:
            if isinstance(who, ContactFields):
                return ecosystem.add_contact_and_link(ctx, pid, who, tie)[1]
            return ecosystem.link(ctx, pid, who or "", tie)

        dialog = TieDialog(self, save, choices=choices)
        dialog.attach_drafts(ctx, pid)  # the note is drafted while typed
        if dialog.exec():
            self.tab.changed(focus=str(dialog.result_value), area="patient")

    def edit_selected(self) -> None:
        tie_id = self._chosen()
        if tie_id:
            self.edit_tie(tie_id)

    def edit_tie(self, tie_id: str) -> None:
        if self.data is None:
            return
        tie = self.data.tie(tie_id)

        def save(_who: object, fields: TieFields) -> list[str]:
            return ecosystem.edit_tie(self.tab.ctx, tie_id, fields)

        dialog = TieDialog(self, save, tie=tie, since=tie.since, note=tie.note)
        dialog.attach_drafts(self.tab.ctx, self.tab.patient_id)
        if dialog.exec():
            self.tab.changed(focus=tie_id, area="patient")

    def edit_contact(self) -> None:
        """The person's own details (phone, availability…), shared by every map they are on."""
        tie_id = self._chosen()
        if tie_id is None or self.data is None:
            return
        contact_id = self.data.tie(tie_id).contact_id
        ctx = self.tab.ctx
        dialog = ContactDialog(self, lambda f: contacts.edit_contact(ctx, contact_id, f),
                               contacts.get_contact(ctx, contact_id), ctx=ctx)
        if dialog.exec():
            self.tab.changed(focus=tie_id, area="patient")

    def assess_carer(self, tie_id: str | None = None) -> bool:
        """The carer's own assessment, from their node; only for a tie marked informal carer."""
        tie_id = tie_id or self.selected()
        if tie_id is None or self.data is None:
            self.status.setText(self.tr("Select the informal carer on the map first (Tab)."))
            return False
        tie = self.data.tie(tie_id)
        if not tie.is_informal_carer:
            self.status.setText(self.tr("{name} is not marked as an informal carer: edit the tie "
                                        "(F2) and tick “Informal carer” first.")
                                .format(name=tie.label))
            return False
        dialog = CarerAssessmentDialog(self, self.tab.ctx, self.tab.patient_id, tie.contact_id,
                                       tie.label)
        if dialog.exec():
            self.tab.changed(focus=tie_id, area="patient")
        return True

    def edit_consent(self) -> QDialog | None:
        from desktop.domain.contacts import PRIVATE_KINDS
        from desktop.ui.consent.contact_dialog import ContactConsentDialog

        tie_id = self._chosen()
        if tie_id is None or self.data is None:
            return None
        tie = self.data.tie(tie_id)
        carer = tie.kind in PRIVATE_KINDS or tie.is_informal_carer
        dialog = ContactConsentDialog(self, self.tab.ctx, self.tab.patient_id, tie.contact_id,
                                      carer=carer)
        dialog.finished.connect(
            lambda _r: self.tab.changed(focus=tie_id, area="consent") if dialog.saved else None)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        tie_id = self._chosen()
        if tie_id:
            self.remove_tie(tie_id)

    def remove_tie(self, tie_id: str) -> None:
        if self.data is None:
            return
        name = self.data.tie(tie_id).label
        answer = QMessageBox.question(
            self, self.tr("Remove from the map"),
            self.tr("Remove {name} from this patient's map?").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            ecosystem.unlink(self.tab.ctx, tie_id)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self.tab.changed(area="patient")

    def reset_layout(self) -> None:
        ecosystem.reset_positions(self.tab.ctx, self.tab.patient_id)
        self.tab.changed()

    def save_snapshot(self) -> None:
        ecosystem.save_snapshot(self.tab.ctx, self.tab.patient_id)
        self.status.setText(self.tr("Today's map is saved; compare it later in "
                                    "\"Compare dates\"."))
        self.tab.changed()

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the ecomap"), str(Path.home() / "ecomap.pdf"),
            self.tr("PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        ctx, pid, lang = self.tab.ctx, self.tab.patient_id, current_language()
        run_in_background(
            self, lambda: ecosystem.export_ecomap(ctx, pid, path, lang=lang),
            lambda out: self.status.setText(self.tr("Ecomap written to {path}").format(path=out)),
            lambda exc: self.status.setText(error_message(exc)),  # type: ignore[arg-type]
            progress_text=self.tr("Exporting the ecomap…"))


class ComparePage(QWidget):
    """Two dated maps side by side: added ties ringed green, removed red, changed orange."""

    def __init__(self, tab: EcosystemTab) -> None:
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.older = QComboBox()
        self.older.setAccessibleName(self.tr("Older map"))
        self.newer = QComboBox()
        self.newer.setAccessibleName(self.tr("Newer map"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        bar.addWidget(QLabel(self.tr("From:")))
        bar.addWidget(self.older)
        bar.addWidget(QLabel(self.tr("to:")))
        bar.addWidget(self.newer)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        split = QSplitter()
        self.left_scene, self.right_scene = EcomapScene(self), EcomapScene(self)
        self.left = EcomapView(self.left_scene)
        self.right = EcomapView(self.right_scene)
        split.addWidget(self.left)
        split.addWidget(self.right)
        layout.addWidget(split, 1)
        self.changes = QListWidget()
        self.changes.setAccessibleName(self.tr("Changes between the two maps"))
        layout.addWidget(self.changes)
        self.compare_button.clicked.connect(self.compare)

    def refresh(self) -> None:
        snaps = ecosystem.list_snapshots(self.tab.ctx, self.tab.patient_id)
        days = sorted({s.taken_on for s in snaps})
        for box in (self.older, self.newer):
            keep = box.currentData()
            box.clear()
            for day in days:
                box.addItem(short_date(day), day.isoformat())
            box.addItem(self.tr("Today (current map)"), "today")
            index = box.findData(keep) if keep else -1
            if index >= 0:
                box.setCurrentIndex(index)
        if self.older.currentData() == "today" and days:
            self.older.setCurrentIndex(len(days) - 1)
        self.newer.setCurrentIndex(self.newer.count() - 1)
        self.compare_button.setEnabled(bool(days))
        if days:  # the last saved map next to today's, at once; once laid out (see fit)
            QTimer.singleShot(0, self.compare)
        else:
            self.changes.clear()
            self.changes.addItem(self.tr("No saved map yet: on the map, More actions → \"Save "
                                         "today's map\" (Ctrl+Shift+S), then compare later."))
            self._fit_changes()

    def compare(self) -> None:
        def day(box: QComboBox) -> dt.date | None:
            value = box.currentData()
            return None if value in (None, "today") else dt.date.fromisoformat(value)

        try:
            older, newer, diff = ecosystem.compare(self.tab.ctx, self.tab.patient_id,
                                                   day(self.older), day(self.newer))
        except DomainError as exc:
            self.changes.clear()
            self.changes.addItem(error_message(exc))
            self._fit_changes()
            return
        by_contact_old = {t.contact_id: t.id for t in older.ties}
        by_contact_new = {t.contact_id: t.id for t in newer.ties}
        left = {by_contact_old[t["contact_id"]]: "removed" for t in diff.removed}
        right = {by_contact_new[t["contact_id"]]: "added" for t in diff.added}
        for c in diff.changed:
            left[by_contact_old[c.contact_id]] = "changed"
            right[by_contact_new[c.contact_id]] = "changed"
        self.left_scene.show_map(older, highlight=left, editable=False)
        self.right_scene.show_map(newer, highlight=right, editable=False)
        self.left.fit()
        self.right.fit()
        self.changes.clear()
        lang = current_language()
        for t in diff.added:
            self.changes.addItem(colon(labels.status("added"), t["label"], lang))
        for t in diff.removed:
            self.changes.addItem(colon(labels.status("removed"), t["label"], lang))
        for c in diff.changed:
            what = ", ".join(self._describe(f, c.before.get(f), c.after.get(f)) for f in c.fields)
            self.changes.addItem(colon(labels.status("changed"), f"{c.after['label']} — {what}",
                                       lang))
        if diff.is_empty:
            self.changes.addItem(self.tr("No change between these two maps."))
        self._fit_changes()

    def _fit_changes(self) -> None:
        """The list of changes as tall as its lines, up to six (then it scrolls): a fixed
        130 pixels for three lines took the two maps their changed people's rings."""
        rows = max(1, min(6, self.changes.count()))
        line = self.changes.sizeHintForRow(0) if self.changes.count() else \
            self.changes.fontMetrics().height()
        self.changes.setFixedHeight(rows * line + 2 * self.changes.frameWidth() + 4)

    def _describe(self, field: str, before: object, after: object) -> str:
        table = {"strength": labels.strength, "quality": labels.quality,
                 "energy_flow": labels.flow}
        fmt = table.get(field)
        if fmt is not None:
            return f"{fmt(str(before))} → {fmt(str(after))}"
        if field.startswith("is_"):
            return colon(labels.flag(field), self.tr("yes") if after else self.tr("no"),
                         current_language())
        return colon(self.tr("role"), f"{before or '—'} → {after or '—'}", current_language())


class WhoPage(QWidget):
    COLUMNS = 5

    def __init__(self, tab: EcosystemTab) -> None:
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Kind"),
                                              self.tr("Phone"), self.tr("Availability")])
        self.table.setSortingEnabled(True)
        # A to Z by name until the user clicks a header (Qt's first indicator sorts Z to A)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Who does what"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print the list…"))
        self.print_button.clicked.connect(self.print_list)
        self.status = QLabel()
        bar.addWidget(self.print_button)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_list)

    def refresh(self) -> None:
        rows = ecosystem.who_does_what(self.tab.ctx, self.tab.patient_id)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            flags = [labels.flag(f) for f in ("is_gp", "is_informal_carer", "is_reference_person")
                     if getattr(r, f)]
            name = r.name + (f" ({', '.join(flags)})" if flags else "")
            for col, text in enumerate((name, r.role or "", labels.kind(r.kind), r.phone or "",
                                        r.availability or "")):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def print_list(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Print who does what"),
                                              str(Path.home() / "qui-fait-quoi.pdf"),
                                              self.tr("PDF (*.pdf)"))
        if not path:
            return
        ctx, pid, lang = self.tab.ctx, self.tab.patient_id, current_language()
        run_in_background(
            self, lambda: ecosystem.print_who_does_what(ctx, pid, path, lang=lang),
            lambda out: self.status.setText(self.tr("List written to {path}").format(path=out)),
            lambda exc: self.status.setText(error_message(exc)),  # type: ignore[arg-type]
            progress_text=self.tr("Preparing the list…"))


class EcosystemTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.ctx = dossier.ctx
        self.patient_id = dossier.patient_id
        self.setWindowTitle(self.tr("Ecosystem"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.map = MapPage(self)
        self.compare = ComparePage(self)
        self.who = WhoPage(self)
        self.pages.addTab(self.map, self.tr("Map"))
        self.pages.addTab(self.compare, self.tr("Compare dates"))
        self.pages.addTab(self.who, self.tr("Who does what"))
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(lambda _i: self.refresh())
        self._viewed = False
        self._in_change = False

    DRAFT_KINDS = ("tie", "carer_assessment")

    def restore_draft(self, draft: DraftView) -> object:
        """Reopen the tie dialog `draft` belongs to (it picks the text up)."""
        self.dossier.tabs.setCurrentWidget(self)
        self.pages.setCurrentWidget(self.map)
        if draft.kind == "carer_assessment":  # the carer's node, if still a carer on the map
            cid = draft.context.get("contact_id")
            tie = next((t for t in (self.map.data.ties if self.map.data else ())
                        if t.contact_id == cid and t.is_informal_carer), None)
            return self.map.assess_carer(tie.id) if tie else None
        rid = draft.context.get("record_id")
        if rid:
            if self.map.data is None or not any(t.id == rid for t in self.map.data.ties):
                return None
            self.map.edit_tie(str(rid))
        else:
            self.map.add_contact()
        return True  # the dialog ran (modal): it kept, saved or discarded the draft itself

    def refresh(self, focus: str | None = None) -> None:
        if self.ctx.is_locked or self._in_change:  # already redrawn by `changed`
            return
        if not self._viewed:  # looking at the ecomap is audited once per opening
            data = ecosystem.view_ecosystem(self.ctx, self.patient_id)
            self._viewed = True
        else:
            data = ecosystem.ecomap_data(self.ctx, self.patient_id)
        self.map.show_data(data, focus)
        page = self.pages.currentWidget()
        if page is self.compare:
            self.compare.refresh()
        elif page is self.who:
            self.who.refresh()

    def changed(self, focus: str | None = None, area: str = "ecosystem") -> None:
        """After a write: redraw here, then let the other views know."""
        self.refresh(focus)  # the other views hear of the write from the data bus (`touched`)


def create_tab(dossier: DossierWindow) -> QWidget:
    return EcosystemTab(dossier)
