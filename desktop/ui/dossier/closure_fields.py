"""The closure's agreement and handback (issue 19, item 4), for the close dialog: who agreed
(patient, carer, GP, network) and to whom the follow-up goes back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from desktop.domain.closure import AGREEMENT_PARTIES, HANDBACK_TARGETS
from desktop.ui.i18n import message


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClosureFields", text)


def party_labels() -> dict[str, str]:
    return {"patient": _tr("The &patient"), "carer": _tr("The informal &carer"),
            "gp": _tr("The &GP"), "network": _tr("The net&work")}


def handback_labels() -> dict[str, str]:
    return {"home_care_coordination": _tr("Home-care coordination"), "gp": _tr("The GP"),
            "other_service": _tr("Another service")}


class AgreementBoxes(QWidget):
    """One box per party who agreed to the closure."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for code, text in party_labels().items():
            box = QCheckBox(text)
            self.boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)
        assert tuple(self.boxes) == AGREEMENT_PARTIES

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


def handback_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_tr("— not said —"), None)
    labels = handback_labels()
    for code in HANDBACK_TARGETS:
        combo.addItem(labels[code], code)
    combo.setAccessibleName(_tr("Follow-up goes back to"))
    return combo


def closure_lines(agreed_by: tuple[str, ...], handback: str | None) -> list[str]:
    """The closure's agreement and handback, for the case's details and history."""
    out = [message("closure.agreed_by", names=", ".join(
        message("closure.party." + p) for p in agreed_by))
        if agreed_by else message("closure.no_agreement")]
    if handback:
        out.append(message("closure.handed_back", who=message("closure.handback." + handback)))
    return out
