"""Screenshots of the case journey's first screens (issue 18), for the user guide: the stability
trend in the dossier's header, the intake of a request, the triage by complexity and the checklist
after a hospital discharge. Registered in tools.screenshots.SHOTS (`make screenshots`).

`add_stability_events` runs before the dossier shots: the demo's stability log is random and the
patient the overview shows may have nothing in the last 90 days, so it records a few events for
that patient (three in the last 90 days, one in the 90 before: a rising trend). The dialogs are
filled with demo-like text, captured and cancelled (nothing saved, no draft left); they use
patients no other shot shows, except the checklist, which is the one of the stay the Hospital tab
shot shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tools.case_journey_screenshots import _behind, _dialog, _free_patients, _tab

# (kind, days before today, who reported it, what happened), in French and Dutch
EVENTS = [
    ("fall", 6, ("La fille", "De dochter"),
     ("Chute dans la salle de bain, pas de fracture", "Gevallen in de badkamer, geen breuk")),
    ("crisis_call", 27, ("La fille", "De dochter"),
     ("Appel inquiet : ne répond plus au téléphone depuis la veille",
      "Ongeruste oproep: neemt sinds gisteren de telefoon niet meer op")),
    ("carer_exhausted", 51, ("L'infirmière à domicile", "De thuisverpleegkundige"),
     ("L'aidant dit ne plus tenir", "De mantelzorger zegt het niet meer vol te houden")),
    ("fall", 118, ("L'aide familiale", "De verzorgende"),
     ("Chute la nuit en allant aux toilettes", "'s Nachts gevallen op weg naar het toilet")),
]


def add_stability_events(s: Any) -> None:
    """A few events in the stability log of the patient the dossier shots show, in the
    patient's language (as the demo writes them)."""
    from desktop.services import patients, stability

    pid = s.busiest_patient()
    dutch = "nl" in patients.get_patient(s.ctx, pid).languages
    today = s.ctx.today()
    for kind, days, who, what in EVENTS:
        stability.add_event(s.ctx, pid, kind, occurred_on=today - dt.timedelta(days=days),
                            reported_by=who[dutch], note=what[dutch])


def _undecided_case(s: Any, pid: str) -> Any:
    """The patient's open case still at intake (referred or being assessed), not yet accepted
    (the demo decides almost every request: those on the waiting list count)."""
    from desktop.services import cases

    return next((c for c in cases.list_cases(s.ctx, pid) if c.is_open
                 and c.status in ("referred", "assessing") and c.intake_outcome != "accepted"),
                None)


def _new_request(s: Any) -> str:
    """A person whose daughter asked for help two days ago, the request not yet decided."""
    import os

    from desktop.domain.case_lifecycle import RequestFields
    from desktop.services import cases, patients

    dutch = os.environ.get("RELAIS_LANG") == "nl"
    pid = patients.add_patient(s.ctx, patients.PatientFields(
        family_name="Peeters" if dutch else "Dubois", given_name="Maria" if dutch else "Marcel",
        birth_date=dt.date(1941, 3, 14), languages=["nl" if dutch else "fr"]))
    today = s.ctx.today()
    cases.open_case(s.ctx, pid, RequestFields(
        requester_type="relative", requester_name="De dochter" if dutch else "Sa fille",
        request_date=today - dt.timedelta(days=2),
        request_reason=("Valt vaak, leeft alleen, weigert hulp" if dutch
                        else "Chutes à répétition, vit seul, refuse l'aide")),
        opened_on=today - dt.timedelta(days=1))
    return pid


def _home_help(s: Any, pid: str, target: Any) -> int:
    """The row of a home-help service of the directory, in the patient's town if there is one."""
    from desktop.services import patients

    town = (patients.get_patient(s.ctx, pid).city or "").lower()
    names = [target.itemText(i).lower() for i in range(target.count())]
    helps = [i for i, n in enumerate(names) if i and "famil" in n]
    return next((i for i in helps if town and town in names[i]),
                helps[0] if helps else min(1, target.count() - 1))


def shot_intake_and_triage(s: Any) -> None:
    """A request still at intake: its intake ends redirected to a service of the directory;
    the triage dialog with a crisis ticked (imminent loss of housing) suggests case management."""
    pid = next((p for p in _free_patients(s) if _undecided_case(s, p) is not None), None)
    if pid is None:  # the demo decided every request this time: one just received
        pid = _new_request(s)
    case = _undecided_case(s, pid)
    dossier = s.window.open_dossier(pid)
    try:
        tab = _tab(dossier, "CasesTab")
        if tab is None:
            return
        tab.list.setCurrentRow(next(i for i, c in enumerate(tab.cases) if c.id == case.id))
        _behind(s, dossier)
        dialog = tab.intake()
        if dialog is not None:
            dialog.outcome.setCurrentIndex(max(0, dialog.outcome.findData("redirected")))
            dialog.target.setCurrentIndex(_home_help(s, pid, dialog.target))
            dialog.reason.setPlainText("Demande d'aide ménagère seulement, pas de situation "
                                       "complexe : réorientée vers le service d'aide familiale.")
            _dialog(s, "intake_dialog", dialog)
        dialog = tab.triage()
        if dialog is not None:
            dialog.triggers["housing_loss"].setChecked(True)
            _dialog(s, "triage_dialog", dialog)
    finally:
        dossier.close()


def _discharged(s: Any, pid: str) -> Any:
    """The patient's latest hospital admission that ended (None: none)."""
    from desktop.services import stays

    ended = [r for r in stays.list_stays(s.ctx, pid) if r.discharged_on and r.kind == "admission"]
    return max(ended, key=lambda r: (r.discharged_on, r.id), default=None)


def shot_discharge_checklist(s: Any) -> None:
    """The checklist after a discharge: the stay the Hospital tab shot shows when it has one,
    else the latest discharge of another patient."""
    from PySide6.QtCore import Qt

    from desktop.services import patients, today

    order = [x.patient_id for x in today.today_data(s.ctx).recent_stays]
    order += [row.id for row in patients.list_patients(s.ctx) if row.id not in order]
    pid = next((p for p in order if _discharged(s, p) is not None), None)
    if pid is None:
        return
    stay = _discharged(s, pid)
    dossier = s.window.open_dossier(pid)
    try:
        tab = _tab(dossier, "StaysTab")
        if tab is None:
            return
        for i in range(tab.tree.topLevelItemCount()):
            item = tab.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == stay.id:
                tab.tree.setCurrentItem(item)
        _behind(s, dossier)
        dialog = tab.checklist(stay.id)
        if dialog is not None:
            if not any(box.isChecked() for box in dialog.boxes.values()):
                for item in ("letter_received", "medication_reconciled"):  # done first
                    if item in dialog.boxes:
                        dialog.boxes[item].setChecked(True)
            _dialog(s, "discharge_checklist", dialog)
    finally:
        dossier.close()
