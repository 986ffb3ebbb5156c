"""Screenshots of the case journey's later screens (issue 19), for the user guide: the paperwork and
medication tab, the carer's assessment, closing a case, the handover (dialog and the note on top
of the dossier) and the transfer to another organisation. Registered in tools.screenshots.SHOTS
(`make screenshots`).

Each shot works on a patient no earlier shot uses. Dialogs are filled with demo-like text,
captured and cancelled (no draft left, nothing saved). The paperwork shot adds a few procedures
and medicines to its patient (the demo data has none). The handover needs the team's users as the
sync enrolment leaves them in the vault: the last shot stores them, hands a case over to this
laptop's user, and removes the enrolment again so that later shots see the laptop as before."""

from __future__ import annotations

import datetime as dt
from typing import Any

# the demo user's colleague, as the server would list the team to this laptop
ME, COLLEAGUE = "alambert", "bpeeters"
MEMBERS = [{"username": ME, "name": "Anne Lambert"},
           {"username": COLLEAGUE, "name": "Bruno Peeters"},
           {"username": "cdubois", "name": "Chloé Dubois"}]


def _used(s: Any) -> set[str]:
    """The patients other shots show (the busiest one, the one back from hospital)."""
    from desktop.services import today

    data = today.today_data(s.ctx)
    used = {s.busiest_patient()}
    used.update(x.patient_id for x in data.recent_stays[:1])
    return used


def _free_patients(s: Any) -> list[str]:
    """Patients with an open case that no other shot uses, in a stable order."""
    from desktop.services import cases, patients

    used = _used(s) | set(getattr(s, "journey_used", set()))
    out = []
    for row in patients.list_patients(s.ctx):
        if row.id in used:
            continue
        if any(c.is_open for c in cases.list_cases(s.ctx, row.id)):
            out.append(row.id)
    return out


def _take(s: Any, want: Any = None) -> str | None:
    """The next free patient (matching `want`), marked as used by these shots."""
    for pid in _free_patients(s):
        if want is None or want(pid):
            s.journey_used = set(getattr(s, "journey_used", set())) | {pid}
            return pid
    return None


def _tab(dossier: Any, class_name: str) -> Any:
    for i in range(dossier.tabs.count()):
        if type(dossier.tabs.widget(i)).__name__ == class_name:
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    return None


def _behind(s: Any, dossier: Any) -> None:
    """The dossier as the laptop shows it behind a dialog: maximised (offscreen: 1366×768)."""
    from PySide6.QtGui import QGuiApplication

    from tools.screenshots import SIZE

    if QGuiApplication.platformName() == "xcb":
        dossier.showMaximized()
    else:
        dossier.resize(*SIZE)
    s.settle()


def _dialog(s: Any, name: str, dialog: Any) -> None:
    """Capture an open dialog, then cancel it without leaving a draft."""
    path = s.out / f"{name}.png"
    s.subjects[name] = type(dialog).__name__
    s.capture(dialog).save(str(path))
    s.saved.append(path)
    guard = getattr(dialog, "draft_guard", None)
    if guard is not None:  # a screenshot must not leave a draft behind
        guard.saved()
    dialog.done(0)
    s.settle()


def _open_case(cases_tab: Any) -> bool:
    for row, c in enumerate(cases_tab.cases):
        if c.is_open:
            cases_tab.list.setCurrentRow(row)
            return True
    return False


def _gp(s: Any, pid: str) -> str | None:
    from desktop.services import ecosystem

    return next((t.contact_id for t in ecosystem.ecomap_data(s.ctx, pid).ties if t.is_gp), None)


def shot_paperwork(s: Any) -> None:
    from desktop.services import medication, paperwork

    pid = _take(s)
    if pid is None:
        return
    ctx, today = s.ctx, s.ctx.today()
    paperwork.add_paperwork(ctx, pid, "bim", deadline=today + dt.timedelta(days=9),
                            follower="Anne Lambert", status="in_progress",
                            documents=["Avertissement-extrait de rôle", "Composition de ménage"])
    paperwork.add_paperwork(ctx, pid, "allowance", deadline=today + dt.timedelta(days=40),
                            follower="Service social de la mutualité",
                            documents=["Formulaire médical du médecin traitant"])
    paperwork.add_paperwork(ctx, pid, "home_adaptation", status="submitted",
                            follower="Anne Lambert", note="Barres d'appui dans la salle de bain")
    gp = _gp(s, pid)
    medication.add_medication(ctx, pid, "Bisoprolol 2,5 mg", dose="1 comprimé",
                              schedule="le matin", prescriber_id=gp, source="gp_letter")
    medication.add_medication(ctx, pid, "Paracétamol 1 g", dose="1 comprimé",
                              schedule="si douleur, max. 3 par jour", source="patient")
    mid = medication.add_medication(ctx, pid, "Lorazépam 1 mg", dose="1 comprimé",
                                    schedule="au coucher", prescriber_id=gp, source="pharmacist")
    medication.request_review(ctx, mid, "gp")
    dossier = s.window.open_dossier(pid)
    try:
        tab = _tab(dossier, "PaperworkTab")
        if tab is not None:
            tab.refresh()
            s.save("dossier_paperwork", dossier)
    finally:
        dossier.close()


def shot_carer_assessment(s: Any) -> None:
    from desktop.services import ecosystem
    from desktop.ui.ecomap.carer_dialog import CarerAssessmentDialog

    def has_carer(pid: str) -> bool:
        return any(t.is_informal_carer for t in ecosystem.ecomap_data(s.ctx, pid).ties)

    pid = _take(s, has_carer)
    if pid is None:
        return
    tie = next(t for t in ecosystem.ecomap_data(s.ctx, pid).ties if t.is_informal_carer)
    dossier = s.window.open_dossier(pid)
    try:
        tab = _tab(dossier, "EcosystemTab")
        parent = getattr(tab, "map", dossier)
        _behind(s, dossier)
        dialog = CarerAssessmentDialog(parent, s.ctx, pid, tie.contact_id, tie.label)
        dialog.burden.setCurrentIndex(max(0, dialog.burden.findData("high")))
        dialog.health.setPlainText("Mal de dos, dort mal depuis l'été.")
        dialog.needs.setPlainText("Être relayée deux après-midi par semaine ; "
                                  "savoir à qui téléphoner la nuit.")
        dialog.wishes.setPlainText("Garder son mari à la maison aussi longtemps que possible.")
        dialog.note.setPlainText("Groupe de parole des aidants proposé.")
        dialog.open()
        _dialog(s, "carer_assessment_dialog", dialog)
    finally:
        dossier.close()


def shot_close_and_transfer(s: Any) -> None:
    pid = _take(s)
    if pid is None:
        return
    dossier = s.window.open_dossier(pid)
    try:
        tab = _tab(dossier, "CasesTab")
        if tab is None or not _open_case(tab):
            return
        _behind(s, dossier)
        dialog = tab.close_case()
        if dialog is not None:
            dialog.reason.setCurrentIndex(max(0, dialog.reason.findData("stabilised")))
            for party in ("patient", "carer", "gp"):
                dialog.agreed_by.boxes[party].setChecked(True)
            dialog.handback.setCurrentIndex(
                max(0, dialog.handback.findData("home_care_coordination")))
            dialog.note.setPlainText("Situation stable depuis trois mois ; la coordination de "
                                     "soins à domicile reprend le suivi.")
            _dialog(s, "close_dialog", dialog)
        dialog = tab.transfer()
        if dialog is not None:
            if dialog.organisation.count():
                dialog.organisation.setCurrentIndex(0)
            name = dialog.out.text().replace("\\", "/").rsplit("/", 1)[-1]
            dialog.out.setText("/home/anne/Documents/" + name)  # not the tool's own home
            dialog.transfer_note.setPlainText("Déménagement chez sa fille à Namur début "
                                              "décembre. Visites le matin de préférence.")
            _dialog(s, "transfer_dialog", dialog)
    finally:
        dossier.close()


def _enrol(s: Any, username: str | None) -> None:
    """What the sync enrolment leaves in the vault (None: remove it)."""
    from desktop.sync import state

    def run(uow: Any) -> None:
        if username is None:
            state.delete(uow.session, state.TOKEN)
            state.delete(uow.session, state.ACCOUNT)
            return
        state.put(uow.session, state.TOKEN, "screenshots-only")
        state.put(uow.session, state.ACCOUNT, {"user": username, "username": username,
                                               "members": MEMBERS, "role": "case_manager"})
    s.ctx.write(run)


def shot_handover(s: Any) -> None:
    """The handover dialog, then the note on top of the dossier of a case handed over to this
    laptop's user (by a colleague: done as the colleague's laptop would, then back)."""
    from desktop.services import cases, handover

    pid = _take(s)
    if pid is None:
        return
    _enrol(s, ME)
    user_name = s.ctx.user_name
    try:
        dossier = s.window.open_dossier(pid)
        try:
            tab = _tab(dossier, "CasesTab")
            if tab is None or not _open_case(tab):
                return
            _behind(s, dossier)
            dialog = tab.handover()
            if dialog is not None:
                dialog.first.setCurrentIndex(max(0, dialog.first.findData(COLLEAGUE)))
                dialog.handover_note.setPlainText(
                    "Vit seul depuis le décès de son épouse. Visites le matin ; sa fille "
                    "appelle le jeudi. Demande d'allocation en cours à la mutualité.")
                _dialog(s, "handover_dialog", dialog)
            case_id = tab.selected().id
        finally:
            dossier.close()
            s.settle()
        # Bruno's laptop hands the case over to Anne, with the note she reads first
        cases.assign_case(s.ctx, case_id, COLLEAGUE)
        _enrol(s, COLLEAGUE)
        s.ctx.user_name = "Bruno Peeters"
        handover.hand_over(s.ctx, case_id, ME, note=(
            "Je pars en congé jusqu'en février. Monsieur accepte mal l'aide familiale : "
            "en parler avec lui avant la réunion du 3/12. Sa fille Sophie est la personne "
            "de référence (0475 12 34 56)."))
        s.ctx.user_name = user_name
        _enrol(s, ME)
        dossier = s.window.open_dossier(pid)
        try:
            dossier.handover_banner.refresh()
            if not dossier.handover_banner.isHidden():  # only a picture that shows the note
                s.save("handover_banner", dossier)
        finally:
            dossier.close()
    finally:
        s.ctx.user_name = user_name
        _enrol(s, None)
        s.settle()
