"""The patient's objection to a provider and a carer's own agreement, from the Consents tab and
from the ecomap (issue 15, item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain import consent_policy as cp
from desktop.services import consents
from desktop.ui.consent.contact_dialog import ContactConsentDialog
from desktop.ui.consent.tab import ConsentsTab
from tests.unit.test_purposes import make_world


def _tab(dossier) -> ConsentsTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), ConsentsTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Consents tab")


def _rows(tab: ConsentsTab) -> dict[tuple[str, str | None], tuple[str, ...]]:
    out = {}
    for i in range(tab.state.topLevelItemCount()):
        item = tab.state.topLevelItem(i)
        purpose, contact, _ = item.data(0, Qt.ItemDataRole.UserRole)
        out[(purpose, contact)] = tuple(item.text(c) for c in range(5))
    return out


def _select(tab: ConsentsTab, purpose: str, contact: str) -> None:
    for i in range(tab.state.topLevelItemCount()):
        item = tab.state.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole)[:2] == (purpose, contact):
            tab.state.setCurrentItem(item)
            return
    raise AssertionError(f"no row {purpose} {contact}")


def test_object_to_the_gp_then_lift_it_from_the_consents_tab(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    w = make_world(ctx)
    tab = _tab(main_window.open_dossier(w.patient_id))
    assert not tab.lift_button.isEnabled()
    dialog = tab.decide("objected")
    # an objection is its own decision, about a provider of the ecosystem
    assert [dialog.purpose.itemData(i) for i in range(dialog.purpose.count())] == \
        [cp.PURPOSE_PROVIDER_OBJECTION]
    dialog.contact.setCurrentIndex(dialog.contact.findData(w.gp))
    dialog.method.setCurrentIndex(dialog.method.findData("written"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: (cp.PURPOSE_PROVIDER_OBJECTION, w.gp) in _rows(tab), timeout=5_000)
    row = _rows(tab)[(cp.PURPOSE_PROVIDER_OBJECTION, w.gp)]
    assert row[0] == "Objection to a provider" and row[2] == "Objected" and "Lemaire" in row[1]
    assert consents.provider_status(ctx, w.patient_id, w.gp).code == cp.PROVIDER_OBJECTED

    _select(tab, cp.PURPOSE_PROVIDER_OBJECTION, w.gp)
    assert tab.lift_button.isEnabled() and not tab.withdraw_button.isEnabled()
    tab.lift_objection(confirm=False)
    assert _rows(tab)[(cp.PURPOSE_PROVIDER_OBJECTION, w.gp)][2] == "Objection lifted"
    assert consents.provider_status(ctx, w.patient_id, w.gp).code == cp.PROVIDER_GP_OF_RECORD
    # a grant no longer offers the carer's purpose: the carer agrees on their contact
    grant = tab.decide("granted")
    codes = [grant.purpose.itemData(i) for i in range(grant.purpose.count())]
    assert cp.PURPOSE_CARER_ON_HANDOUT not in codes and cp.PURPOSE_PROVIDER_OBJECTION not in codes
    grant.reject()


def test_the_carers_own_agreement_from_the_consents_tab_and_withdrawn(main_window, qtbot,  # type: ignore[no-untyped-def]
                                                                      ctx, monkeypatch) -> None:
    w = make_world(ctx)
    tab = _tab(main_window.open_dossier(w.patient_id))
    assert _rows(tab)[("carer_agreement", w.daughter)][2] == "Not asked"
    _select(tab, "carer_agreement", w.daughter)
    assert tab.carer_button.isEnabled()
    dialog = tab.carer_agreement()
    assert dialog is not None and dialog.carer and "Hélène" in dialog.windowTitle()
    assert [dialog.decision.itemData(i) for i in range(dialog.decision.count())] == \
        ["granted", "refused"]  # nothing to withdraw yet
    dialog.method.setCurrentIndex(dialog.method.findData("written"))
    dialog.save()
    assert dialog.saved
    qtbot.waitUntil(lambda: _rows(tab)[("carer_agreement", w.daughter)][2] == "Granted",
                    timeout=5_000)
    ag = consents.carer_agreement(ctx, w.daughter)
    assert (ag.decision, ag.method) == ("granted", "written")
    # the change shows on the record's history in words: whose contact, which field, the label
    rows = [tuple(tab.changes.topLevelItem(i).text(c) for c in range(6))
            for i in range(tab.changes.topLevelItemCount())]
    assert any(r[1] == "Contact · Hélène Peeters"
               and r[2] == "Own agreement to their details on the handout"
               and r[3] == "—" and r[4] == "Granted" for r in rows), rows
    assert any(r[2] == "Agreement given (how)" and r[4] == "Written" for r in rows), rows

    _select(tab, "carer_agreement", w.daughter)
    assert tab.withdraw_button.isEnabled()
    tab.withdraw(confirm=False)
    assert consents.carer_agreement(ctx, w.daughter).decision == "withdrawn"
    assert _rows(tab)[("carer_agreement", w.daughter)][2] == "Withdrawn"
    # both decisions in the consent history (newest first), though the contact keeps the latest
    history = [tuple(tab.history.topLevelItem(i).text(c) for c in (1, 2, 3, 4))
               for i in range(tab.history.topLevelItemCount())]
    assert history == [("Carer's own agreement (handout)", "Hélène Peeters", d, m)
                       for d, m in (("Withdrawn", "Oral"), ("Granted", "Written"))]


def test_consent_from_the_ecomap_for_a_carer_and_a_provider(main_window, qtbot, ctx,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    from desktop.ui.ecomap.tab import EcosystemTab

    w = make_world(ctx)
    dossier = main_window.open_dossier(w.patient_id)
    eco = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), EcosystemTab))
    dossier.tabs.setCurrentWidget(eco)
    eco.refresh()
    page = eco.map
    opened: list[ContactConsentDialog] = []
    monkeypatch.setattr(ContactConsentDialog, "open", lambda self: opened.append(self))

    son = next(t for t in page.data.ties if t.contact_id == w.son)
    page.scene.setFocusItem(page.scene.nodes[son.id])
    page.consent_action.trigger()
    dialog = opened.pop()
    assert dialog.carer
    dialog.decision.setCurrentIndex(dialog.decision.findData("refused"))
    dialog.save()
    assert consents.carer_agreement(ctx, w.son).decision == "refused"

    nurse = next(t for t in page.data.ties if t.contact_id == w.nurse)
    page.scene.setFocusItem(page.scene.nodes[nurse.id])
    page.consent_action.trigger()
    dialog = opened.pop()
    assert not dialog.carer and "acts in the agreed care plan" in dialog.state.text()
    assert dialog.decision.currentData() == "objected"
    dialog.save()
    assert consents.provider_status(ctx, w.patient_id, w.nurse).code == cp.PROVIDER_OBJECTED
    page.consent_action.trigger()
    dialog = opened.pop()
    assert dialog.decision.currentData() == "lifted" and "objected" in dialog.state.text()
    # a date in the future is refused inline, nothing changes
    dialog.date.setText("01/01/2031")
    dialog.save()
    assert not dialog.saved and dialog.error.text()
    assert consents.provider_status(ctx, w.patient_id, w.nurse).code == cp.PROVIDER_OBJECTED
    assert QMessageBox  # the tab's confirmations are covered above (confirm=False)
