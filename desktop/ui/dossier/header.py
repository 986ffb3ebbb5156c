"""Dossier header: name, age, NISS, address, phones, GP, case status and badges.

The badges that need their own reads (the stability trend, who sees the record, consents) are
added just after the header first paints (issue 16); `badges` and `visibility` add them at
once for code that asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import cases
from desktop.services.patients import PatientView
from desktop.ui import labels_case as labels
from desktop.ui.consent.badges import add_consent_badges
from desktop.ui.flow import FlowLayout
from desktop.ui.i18n import message

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow

BADGE_STYLE = ("QLabel { background: %s; color: white; border-radius: 8px; padding: 2px 8px;"
               " font-weight: 600; }")
COLOURS = {"open": "#2e7d32", "closed": "#616161", "none": "#9e9e9e", "bim": "#1565c0",
           "maf": "#6a1b9a", "chronic": "#ef6c00", "restricted": "#b00020", "review": "#c62828",
           "same_niss": "#b00020", "team": "#00695c", "narrowed": "#4e342e"}


class DossierHeader(QFrame):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setAccessibleName(self.tr("Patient"))
        self.identity = QLabel()
        self.address = QLabel()
        self.phones = QLabel()
        self.gp = QLabel()
        for label in (self.identity, self.address, self.phones, self.gp):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._visibility: QLabel | None = None
        # the badges wrap onto a second row rather than widen the window past the screen
        badges = QWidget()
        self._badges = FlowLayout(badges, 6, right_aligned=True)
        self._badges.setContentsMargins(0, 0, 0, 0)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        badges.setSizePolicy(policy)
        self._now: list[QWidget] = []  # the badges made with the header's text
        self._later: list[QWidget] = []  # the badges made just after (their own reads)
        self._pending: str | None = None  # the patient whose later badges are still to make
        grid.addWidget(self.name, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(badges, 0, 1)
        grid.addWidget(self.identity, 1, 0)
        grid.addWidget(self.phones, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.address, 2, 0)
        grid.addWidget(self.gp, 2, 1, Qt.AlignmentFlag.AlignRight)

    def _stability_badge(self, patient_id: str) -> None:
        """The stability log's 90-day trend, when there is something to show."""
        from desktop.services import stability

        try:
            tr = stability.trend_of(self.dossier.ctx, patient_id)
        except DomainError:
            return
        if tr.total == 0:
            return
        arrow = {"rising": " ↑", "falling": " ↓", "steady": " ="}.get(tr.direction, "")
        self._badge(self.tr("%n event(s) in 90 days", "", tr.total) + arrow,
                    COLOURS["review"])

    def _badge(self, text: str, colour: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(BADGE_STYLE % colour)
        if self._pending is None:  # a later badge: after the others
            self._badges.addWidget(label)
            self._later.append(label)
        else:
            self._badges.insertWidget(len(self._now), label)
            self._now.append(label)
        return label

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  # Qt's name
        super().paintEvent(event)
        if self._pending is not None:  # painted with its text: now the badges that need reads
            QTimer.singleShot(0, self, self.finish_badges)

    @property
    def badges(self) -> FlowLayout:
        """The row of badges, all of them."""
        self.finish_badges()
        return self._badges

    @property
    def visibility(self) -> QLabel | None:
        """Who sees the record (the badge)."""
        self.finish_badges()
        return self._visibility

    def finish_badges(self) -> None:
        """The badges that need their own reads, replacing those of the previous update."""
        pid, self._pending = self._pending, None
        if pid is None or self.dossier.ctx.is_locked:
            return
        for widget in self._later:
            self._badges.removeWidget(widget)
            widget.deleteLater()
        self._later = []
        self._visibility = None
        self._stability_badge(pid)
        self._visibility_badge(pid)
        add_consent_badges(self, pid)

    def _visibility_badge(self, patient_id: str) -> None:
        """Who can see the record: the whole team, only you, you and …, or … only."""
        try:
            level, names = self.dossier.ctx.read(
                lambda s: cases.visibility(s, patient_id))
        except DomainError:
            return
        who = message(f"sharing.{level}", names=", ".join(names))
        label = self._visibility = self._badge(who, COLOURS["team" if level == "team" else "narrowed"])
        label.setObjectName("visibility")
        label.setToolTip(message("case.show.visibility", who=who))
        label.setAccessibleName(message("case.show.visibility", who=who))

    def update_patient(self, p: PatientView) -> None:
        self.name.setText(f"{p.family_name.upper()} {p.given_name}")
        parts = []
        if p.age is not None and p.birth_date is not None:
            # "née" / "né" by the recorded gender; "né·e" only when it is not recorded
            gender = p.gender if p.gender in ("female", "male") else "unknown"
            born = message(f"patient.born_on.{gender}", date=short_date(p.birth_date))
            parts.append(self.tr("{age} years ({born})").format(age=p.age, born=born))
        if p.niss_formatted:
            parts.append(self.tr("NISS {niss}").format(niss=p.niss_formatted))
        if p.mutualite:
            parts.append(p.mutualite)
        self.identity.setText("  ·  ".join(parts))
        street = " ".join(x for x in (p.street, p.house_number) if x)
        if p.box:
            street += f" {self.tr('box')} {p.box}"
        town = " ".join(x for x in (p.postal_code, p.city) if x)
        self.address.setText(", ".join(x for x in (street, town) if x) or self.tr("No address"))
        self.phones.setText("  ·  ".join(p.phones_display) or self.tr("No phone"))
        self.gp.setText(self.tr("GP: {name}").format(name=p.gp_name) if p.gp_name
                        else self.tr("No GP recorded"))
        for widget in self._now:
            self._badges.removeWidget(widget)
            widget.deleteLater()
        self._now = []
        self._pending = p.id  # the badges of this update go first, the later ones after
        try:
            lister = getattr(self.dossier, "list_cases", None)
            all_cases = lister() if lister else cases.list_cases(self.dossier.ctx, p.id)
        except DomainError:  # e.g. restricted meanwhile: the header must not break the dossier
            all_cases = []
        current = next((c for c in all_cases if c.is_open), None)
        if current is not None:
            self._badge(labels.case_status(current.status), COLOURS["open"])
            if current.relevance_review_overdue:
                self._badge(labels.due("relevance_review"), COLOURS["review"])
        elif all_cases:
            self._badge(labels.case_status("closed"), COLOURS["closed"])
        else:
            self._badge(labels.case_status("none"), COLOURS["none"])
        for code in p.badges:
            badge = self._badge(labels.badge(code), COLOURS.get(code, "#455a64"))
            if code == "same_niss":
                badge.setToolTip(self.tr("Also registered as: {names}. The same person, entered "
                                         "on two laptops? Agree with your team on the record to "
                                         "keep.").format(names=", ".join(p.same_niss)))
        self.update()  # the later badges follow its next paint (paintEvent)


def create_header(dossier: DossierWindow) -> QWidget:
    return DossierHeader(dossier)
