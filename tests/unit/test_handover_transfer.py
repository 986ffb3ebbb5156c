"""Handover inside the team and transfer to another organisation (issue 19, items 5-6), on real
vaults: the note the new case manager reads first, the case's Today items moved with it, the
old case manager's access narrowed by the sharing rules; the transfer pack (cover letter,
summary, FHIR R4 bundle validated like the access export, manifest) written only with the
patient's consent, audited as an export, and the case closed with the reason "transfer"."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select

from desktop.domain import consent_policy as cp
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import cases, consents, handover, paperwork, today, transfer
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AuditEvent, Case, Contact, HandoverNote, Visit
from desktop.sync import state
from tests.conftest import TODAY
from tests.gdpr_data import Sizes, make_patient

MEMBERS = [{"username": "anne", "name": "Anne Lambert"},
           {"username": "bruno", "name": "Bruno Peeters"},
           {"username": "chloe", "name": "Chloé Dubois"}]


def enrol_as(ctx: AppContext, username: str) -> None:
    """What enrolment leaves in the vault: this laptop's server user and the team's users."""
    def run(uow: UnitOfWork) -> None:
        state.put(uow.session, state.TOKEN, "test-token")
        state.put(uow.session, state.ACCOUNT, {"user": username, "username": username,
                                               "members": MEMBERS, "role": "case_manager"})
    ctx.write(run)


def _audits(ctx: AppContext, action: str) -> list[AuditEvent]:
    return ctx.read(lambda s: list(s.scalars(select(AuditEvent).where(
        AuditEvent.action == action))))


def _case_with_items(ctx: AppContext) -> tuple[str, str]:
    """A patient whose open case is Anne's, with a visit planned today and a procedure due
    that Anne follows in person."""
    enrol_as(ctx, "anne")
    d = make_patient(ctx, "Handov", Sizes(consents=0, visits=0))
    cid = d.case_ids[0]
    cases.assign_case(ctx, cid, "anne")
    cases.update_case(ctx, cid, primary_case_manager="Anne Lambert")

    def plan(uow: UnitOfWork) -> None:
        uow.add(Visit, case_id=cid, patient_id=d.patient_id, kind="home_visit",
                status="planned", planned_start=dt.datetime.combine(TODAY, dt.time(14)))
    ctx.write(plan)
    paperwork.add_paperwork(ctx, d.patient_id, "bim", deadline=TODAY + dt.timedelta(days=2),
                            follower="Anne Lambert")
    return d.patient_id, cid


def test_handover_moves_the_case_and_the_new_case_manager_reads_the_note_first(
        ctx: AppContext) -> None:
    pid, cid = _case_with_items(ctx)
    mine = today.today_data(ctx)
    assert [i.patient_id for i in mine.visits_today] == [pid]
    assert [i.patient_id for i in mine.paperwork] == [pid]
    assert mine.handovers == ()

    r = handover.hand_over(ctx, cid, "bruno", note="Mme préfère les visites le matin.\n"
                                                    "Sa fille appelle le jeudi.")
    assert (r.responsible, r.case_manager) == (("bruno",), "Bruno Peeters")
    assert (r.planned_visits, r.paperwork, r.followers_changed) == (1, 1, 1)
    c = cases.get_case(ctx, cid)
    assert c.responsible_users == ("bruno",) and c.primary_case_manager == "Bruno Peeters"
    # the audit holds codes and ids, never the note
    event = _audits(ctx, "handover")[-1]
    assert event.detail["note_id"] == r.note_id and "matin" not in json.dumps(event.detail)

    # Anne's Today no longer lists the case's items
    after = today.today_data(ctx)
    assert pid not in {i.patient_id for items in after.sections.values() for i in items}

    # Bruno's laptop (the same records after a sync): the handover first, then the items
    enrol_as(ctx, "bruno")
    his = today.today_data(ctx)
    assert next(iter(his.sections)) == "handovers"
    assert [(i.kind, i.patient_id, i.place) for i in his.handovers] == [
        ("handover", pid, "Anne Lambert")]
    assert [i.patient_id for i in his.visits_today] == [pid]
    assert [(i.patient_id, i.place) for i in his.paperwork] == [(pid, "Bruno Peeters")]
    [note] = handover.to_read(ctx, pid)
    assert note.note.startswith("Mme préfère") and note.from_name == "Anne Lambert"
    assert note.to_names == ("Bruno Peeters",)

    # reading it in the dossier is a view (audited) and acknowledges it
    view, now = handover.open_note(ctx, note.id)
    assert now and view.id == note.id
    assert handover.to_read(ctx) == [] and today.today_data(ctx).handovers == ()
    assert _audits(ctx, "acknowledge")[-1].record_id == note.id
    assert handover.acknowledge(ctx, note.id) is False
    assert [h.acknowledged_by for h in handover.history(ctx, pid)] == [("bruno",)]

    # Chloé is not addressed: she cannot acknowledge it for Bruno
    enrol_as(ctx, "chloe")
    with pytest.raises(RuleViolation) as err:
        handover.acknowledge(ctx, note.id)
    assert err.value.code == "handover.not_addressed"


def test_handover_to_a_pair_each_acknowledges(ctx: AppContext) -> None:
    _pid, cid = _case_with_items(ctx)
    r = handover.hand_over(ctx, cid, "bruno", "chloe", note="Binôme jusqu'en janvier.")
    assert r.responsible == ("bruno", "chloe")
    enrol_as(ctx, "chloe")
    assert [h.id for h in handover.to_read(ctx)] == [r.note_id]
    assert handover.acknowledge(ctx, r.note_id)
    enrol_as(ctx, "bruno")
    assert [h.id for h in handover.to_read(ctx)] == [r.note_id]  # still unread for Bruno
    assert handover.acknowledge(ctx, r.note_id)
    note = ctx.read(lambda s: s.get(HandoverNote, r.note_id))
    assert sorted(note.acknowledged_by) == ["bruno", "chloe"]


def test_handover_refusals_write_nothing(ctx: AppContext) -> None:
    _pid, cid = _case_with_items(ctx)

    def count() -> int:
        return len(ctx.read(lambda s: s.scalars(select(HandoverNote.id)).all()))

    for kwargs, code in (
            ({"to": "bruno", "note": "   "}, "text.required"),
            ({"to": "nobody", "note": "x"}, "case.responsible_unknown"),
            ({"to": "bruno", "co": "bruno", "note": "x"}, "case.responsible_pair"),
            ({"to": "bruno", "note": "x" * 4001}, "text.too_long")):
        with pytest.raises(ValidationError) as err:
            handover.hand_over(ctx, cid, **kwargs)  # type: ignore[arg-type]
        assert err.value.code == code
    with pytest.raises(RuleViolation) as rv:
        handover.hand_over(ctx, cid, "anne", note="Rien ne change")
    assert rv.value.code == "handover.same_responsible"
    cases.close_case(ctx, cid, "stabilised", TODAY)
    with pytest.raises(RuleViolation) as rv:
        handover.hand_over(ctx, cid, "bruno", note="Trop tard")
    assert rv.value.code == "case.closed"
    assert count() == 0
    assert cases.get_case(ctx, cid).responsible_users == ("anne",)


# ---- transfer ------------------------------------------------------------------------------
def _organisation(ctx: AppContext, name: str = "CSD Liège") -> str:
    def run(uow: UnitOfWork) -> str:
        c = uow.add(Contact, kind="home_care_coordination", is_organisation=True,
                    organisation=name, street="Rue Louvrex", house_number="12",
                    postal_code="4000", city="Liège")
        return c.id
    return ctx.write(run)


def _by_type(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def test_transfer_pack_with_consent_closes_the_case(ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Transf", Sizes(consents=1), niss="40050600255")
    cid = d.case_ids[0]
    org = _organisation(ctx)
    consents.grant(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING, contact_id=org,
                   method="written", decided_on=TODAY - dt.timedelta(days=3))
    steps: list[tuple[int, int]] = []
    r = transfer.transfer_case(ctx, cid, "csd liège", tmp_path / "pack.zip", lang="nl",
                               note="Overdracht op vraag van de dochter.",
                               progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and len(steps) >= 3
    assert (r.basis, r.organisation.contact_id) == ("consent", org)
    assert stat.S_IMODE(r.path.stat().st_mode) == 0o600
    with zipfile.ZipFile(r.path) as zf:
        assert sorted(zf.namelist()) == sorted([transfer.COVER, transfer.SUMMARY, transfer.BUNDLE, transfer.MANIFEST])
        files = {n: zf.read(n) for n in zf.namelist()}
    assert files[transfer.COVER].startswith(b"%PDF") and files[transfer.SUMMARY].startswith(b"%PDF")
    manifest = json.loads(files[transfer.MANIFEST])
    assert manifest["format"] == "relais-transfer-pack" and manifest["language"] == "nl"
    assert manifest["to"] == {"organisation": "CSD Liège", "address": "Rue Louvrex 12, 4000 Liège",
                              "directory_id": org}
    assert manifest["basis"] == {"kind": "consent", "purpose": "provider_sharing",
                                 "consent_on": (TODAY - dt.timedelta(days=3)).isoformat()}
    assert (manifest["patient_id"], manifest["case_id"]) == (d.patient_id, cid)
    for f in manifest["files"]:
        assert hashlib.sha256(files[f["name"]]).hexdigest() == f["sha256"]
    assert transfer.read_manifest(r.path) == manifest

    # the bundle validates as FHIR R4 like the access export, with the Belgian NISS
    raw = json.loads(files[transfer.BUNDLE])
    assert Bundle.model_validate(raw).type == "collection"
    [patient] = _by_type(raw, "Patient")
    assert patient["identifier"][0]["value"] == "40050600255"
    assert _by_type(raw, "Consent") and _by_type(raw, "CarePlan")

    # the cover letter is addressed to the organisation, in the chosen language
    from pypdf import PdfReader

    cover = "".join(p.extract_text() for p in PdfReader(io.BytesIO(files[transfer.COVER])).pages)
    assert "Ter attentie van CSD Liège" in cover and "Overdracht op vraag" in cover

    c = cases.get_case(ctx, cid)
    assert (c.status, c.closure_reason, c.closed_on) == ("closed", "transfer", TODAY)
    assert c.closure_handback == "other_service"  # the follow-up goes to another service
    [export] = [e for e in _audits(ctx, "export") if e.detail.get("kind") == "transfer"]
    assert export.patient_id == d.patient_id and export.detail["to_contact_id"] == org
    assert "Overdracht" not in json.dumps(export.detail)

    # a closed case is not transferred again
    with pytest.raises(RuleViolation):
        transfer.transfer_case(ctx, cid, org, tmp_path / "again.zip")
    assert not (tmp_path / "again.zip").exists()


def test_transfer_without_consent_is_refused_or_needs_an_override(
        ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Noconsent", Sizes(consents=1))
    cid = d.case_ids[0]
    org = _organisation(ctx, "Hôpital de jour Namur")
    before = len(_audits(ctx, "export"))
    with pytest.raises(RuleViolation) as err:
        transfer.transfer_case(ctx, cid, org, tmp_path / "pack.zip")
    assert err.value.code == "transfer.consent_missing"
    assert not (tmp_path / "pack.zip").exists()
    assert cases.get_case(ctx, cid).status == "active" and len(_audits(ctx, "export")) == before
    # a refusal stays a refusal
    consents.refuse(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING, contact_id=org)
    with pytest.raises(RuleViolation):
        transfer.transfer_case(ctx, cid, org, tmp_path / "pack.zip")
    # the override, with its reason, is logged in the consent log
    r = transfer.transfer_case(ctx, cid, org, tmp_path / "pack.zip",
                               override_reason="Hospitalisation en urgence, patient inconscient")
    assert r.basis == "override"
    overrides = [e for e in consents.history(ctx, d.patient_id)
                 if e.decision == cp.OVERRIDE and e.contact_id == org]
    assert len(overrides) == 1
    assert transfer.read_manifest(r.path)["basis"]["kind"] == "override"


def test_transfer_bad_input_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Badtransf", Sizes(consents=1))
    cid = d.case_ids[0]
    _organisation(ctx, "Twin")
    _organisation(ctx, "Twin")
    org = _organisation(ctx)
    consents.grant(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING, contact_id=org)
    folder = tmp_path / "out"
    folder.mkdir()
    for organisation, out, kw, code in (
            ("Nobody", "p.zip", {}, "transfer.organisation_unknown"),
            ("twin", "p.zip", {}, "transfer.organisation_ambiguous"),
            (d.carer_ids[0], "p.zip", {}, "transfer.organisation_unknown"),  # a relative
            (org, "p.pdf", {}, "transfer.output_suffix"),
            (org, "missing/p.zip", {}, "document.folder_missing"),
            (org, "p.zip", {"lang": "de"}, "document.language_invalid"),
            (org, "p.zip", {"closed_on": "2099-01-01"}, "date.future")):
        with pytest.raises(ValidationError) as err:
            transfer.transfer_case(ctx, cid, organisation, folder / out, **kw)  # type: ignore[arg-type]
        assert code in {err.value.code, *(e.code for e in getattr(err.value, "errors", []))}
    assert list(folder.iterdir()) == []
    assert ctx.read(lambda s: s.get(Case, cid).status) == "active"


def test_my_caseload_follows_the_responsible_case_managers_as_today_does(
        ctx: AppContext) -> None:
    from desktop.services import caseload

    pid, cid = _case_with_items(ctx)
    assert pid in {r.patient_id for r in caseload.list_caseload(ctx)}
    handover.hand_over(ctx, cid, "bruno", note="Voir la fille le jeudi.")
    # Anne's laptop: the case is Bruno's now, as on her Today
    assert pid not in {r.patient_id for r in caseload.list_caseload(ctx)}
    assert pid in {r.patient_id for r in caseload.list_caseload(ctx, mine_only=False)}
    # Bruno's laptop, whose case manager's name on this test vault is still Anne's
    enrol_as(ctx, "bruno")
    assert pid in {r.patient_id for r in caseload.list_caseload(ctx)}
    assert pid in {r.patient_id for r in caseload.list_caseload(ctx, "handov")}
