"""The carer's own needs and the closure's agreement and handback on real vaults (issue 19,
items 3-4): domain rules, services, the ecomap's carer mark (screen data and PDF), Today, the
summary, sync ops and the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from desktop.domain import carer as K
from desktop.domain import closure
from desktop.domain.contacts import ContactFields
from desktop.domain.ecomap import EcomapData, EcomapTie
from desktop.domain.ecomap_layout import carer_mark, layout
from desktop.domain.errors import NotFound, RuleViolation, ValidationError, ValidationErrors
from desktop.services import carer, cases, documents, ecosystem, today
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.ecosystem import TieFields
from desktop.services.patient_data import patient_tables
from desktop.storage.models import AuditEvent, CarerAssessment, Case, OutboxOp
from tests.unit.plan_scenario import TODAY, make_patient


def _carer(ctx: AppContext, pid: str, *, is_carer: bool = True) -> str:
    cid, _tie = ecosystem.add_contact_and_link(
        ctx, pid, ContactFields(kind="informal_carer", family_name="Peeters",
                                given_name="Marie"),
        TieFields(role="fille", is_informal_carer=is_carer))
    return cid


def _open(ctx: AppContext, pid: str) -> str:
    day = TODAY - dt.timedelta(days=60)
    return cases.open_case(ctx, pid, RequestFields(requester_type="gp", request_reason="Chutes",
                                                   request_date=day), opened_on=day)


# ---- domain -------------------------------------------------------------------------------
@given(offset=st.integers(-400, 400))
def test_review_state_rule(offset: int) -> None:
    state = K.review_state(TODAY + dt.timedelta(days=offset), TODAY)
    assert state == ("overdue" if offset < 0 else "due" if offset <= K.DUE_DAYS else None)
    assert K.review_state(None, TODAY) is None


def test_heavier_burden_is_reviewed_sooner() -> None:
    days = [K.default_review(TODAY, b) for b in K.BURDENS]
    assert days == sorted(days, reverse=True) and days[-1] > TODAY
    assert K.default_review(dt.date(2027, 1, 31), "severe") == dt.date(2027, 2, 28)


def test_closure_parties_cleaned_in_order() -> None:
    assert closure.clean_agreed_by("gp, Patient,,carer,gp") == ["patient", "carer", "gp"]
    assert closure.clean_agreed_by(["network"]) == ["network"]
    assert closure.clean_agreed_by(None) == [] and closure.clean_agreed_by("") == []
    with pytest.raises(ValidationError) as exc:
        closure.clean_agreed_by("patient,mayor")
    assert exc.value.code == "closure.agreed_by_invalid"
    assert closure.clean_handback(None) is None
    assert closure.clean_handback("gp") == "gp"
    with pytest.raises(ValidationError):
        closure.clean_handback("hospital")


def test_carer_mark_shares_the_layout() -> None:
    node = layout([EcomapData("P", TODAY, (EcomapTie("t", "c", "Marie", "informal_carer"),))
                   .nodes()[0]], "P").nodes[0]
    assert carer_mark(node, None, None, TODAY) is None
    m = carer_mark(node, "high", TODAY + dt.timedelta(days=3), TODAY)
    assert m is not None and m.review_due and m.fill == K.BURDEN_COLOUR["high"]
    x0, _y0, x1, y1 = node.box
    assert x0 < m.x < x1 and m.y == y1  # on the box's bottom edge
    later = carer_mark(node, "low", TODAY + dt.timedelta(days=300), TODAY)
    assert later is not None and not later.review_due


# ---- carer's assessment -------------------------------------------------------------------
def test_assessment_recorded_synced_audited_and_current(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    _open(ctx, pid)
    cid = _carer(ctx, pid)
    first = carer.assess_carer(ctx, pid, cid, burden="moderate", respite="wanted",
                               health="Mal de dos", needs="Souffler le week-end",
                               wishes="Garder son travail", assessed_on=TODAY - dt.timedelta(90))
    [a] = carer.list_carer_assessments(ctx, pid)
    assert (a.burden, a.respite, a.health, a.current) == ("moderate", "wanted", "Mal de dos", True)
    assert a.review_on == K.default_review(TODAY - dt.timedelta(90), "moderate")
    assert a.carer_name.startswith("PEETERS") or "Peeters" in a.carer_name
    assert a.case_id is not None
    second = carer.assess_carer(ctx, pid, cid, burden="severe", respite="in_place",
                                review_on=TODAY + dt.timedelta(days=5))
    rows = carer.list_carer_assessments(ctx, pid)
    assert [r.id for r in rows] == [second, first] and [r.current for r in rows] == [True, False]
    assert rows[0].review == "due" and rows[1].review is None
    assert [r.id for r in carer.list_carer_assessments(ctx, due_only=True)] == [second]

    def check(s):  # type: ignore[no-untyped-def]
        ops = s.execute(select(OutboxOp).where(OutboxOp.table_name == "carer_assessment")).scalars()
        audits = s.execute(select(AuditEvent).where(AuditEvent.record_table == "carer_assessment")
                           ).scalars().all()
        return {o.record_id for o in ops}, audits
    ops, audits = ctx.read(check)
    assert ops == {first, second}
    assert {e.action for e in audits} == {"create"}
    for e in audits:  # codes and ids only, never what the carer said
        assert "Mal de dos" not in str(e.detail) and "severe" not in str(e.detail)
    assert "carer_assessment" in patient_tables()

    assert carer.update_carer_assessment(ctx, second, respite="wanted") == ["respite"]
    carer.remove_carer_assessment(ctx, second)
    [current] = [r for r in carer.list_carer_assessments(ctx, pid) if r.current]
    assert current.id == first


def test_assessment_refuses_bad_input_and_non_carers(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    cid = _carer(ctx, pid)
    neighbour = _carer(ctx, make_patient(ctx, family="Autre"), is_carer=True)
    friend = _carer(ctx, pid, is_carer=False)
    with pytest.raises(ValidationErrors) as many:
        carer.assess_carer(ctx, pid, cid, burden="crushing", respite="maybe",
                           assessed_on="2026-02-30")
    assert {e.field for e in many.value.errors} == {"burden", "respite", "assessed_on"}
    with pytest.raises(ValidationErrors):
        carer.assess_carer(ctx, pid, cid, burden="low", respite="wanted",
                           assessed_on=TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        carer.assess_carer(ctx, pid, cid, burden="low", respite="wanted",
                           review_on=TODAY - dt.timedelta(days=1))
    assert exc.value.code == "carer.review_before_assessment"
    for other in (friend, neighbour):  # not this patient's carer
        with pytest.raises(ValidationError) as exc:
            carer.assess_carer(ctx, pid, other, burden="low", respite="wanted")
        assert exc.value.code == "carer.not_a_carer"
    with pytest.raises(ValidationError):
        carer.assess_carer(ctx, pid, "garbage", burden="low", respite="wanted")
    with pytest.raises(NotFound):
        carer.assess_carer(ctx, pid, "01900000-0000-7000-8000-000000000000", burden="low",
                           respite="wanted")
    with pytest.raises(ValidationError):
        carer.update_carer_assessment(ctx, "garbage", burden="low")
    assert carer.list_carer_assessments(ctx, pid) == []
    assert ctx.read(lambda s: s.execute(select(CarerAssessment)).first()) is None


def test_ecomap_marks_the_carer_node_and_pdf_draws_it(ctx: AppContext, tmp_path: Path) -> None:
    pid = make_patient(ctx)
    cid = _carer(ctx, pid)
    [tie] = ecosystem.ecomap_data(ctx, pid).ties
    assert tie.carer_burden is None
    carer.assess_carer(ctx, pid, cid, burden="high", respite="wanted",
                       review_on=TODAY + dt.timedelta(days=2))
    [tie] = ecosystem.ecomap_data(ctx, pid).ties
    assert (tie.carer_burden, tie.carer_respite, tie.carer_review_on) == (
        "high", "wanted", TODAY + dt.timedelta(days=2))
    # a dated snapshot keeps the mark as it was
    ecosystem.save_snapshot(ctx, pid)
    restored = EcomapTie.from_dict(tie.to_dict())
    assert restored == tie
    # the PDF draws the burden's colour on the node (the same mark as the screen)
    from desktop.reports.ecomap_render import ecomap_drawing

    drawing = ecomap_drawing(ecosystem.ecomap_data(ctx, pid), lang="fr")
    fills = set()

    def walk(node):  # type: ignore[no-untyped-def]
        for child in getattr(node, "contents", []):
            fill = getattr(child, "fillColor", None)
            if fill is not None and hasattr(fill, "hexval"):
                fills.add(fill.hexval().lower())
            walk(child)
    walk(drawing)
    assert "0x" + K.BURDEN_COLOUR["high"][1:] in fills
    out = ecosystem.export_ecomap(ctx, pid, str(tmp_path / "map.pdf"), lang="fr")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "évaluation de l'aidant proche" in text
    # unticking "informal carer" takes the mark away
    ecosystem.edit_tie(ctx, tie.id, TieFields(is_informal_carer=False))
    [tie] = ecosystem.ecomap_data(ctx, pid).ties
    assert tie.carer_burden is None


def test_review_due_shows_on_today(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    _open(ctx, pid)
    cid = _carer(ctx, pid)
    carer.assess_carer(ctx, pid, cid, burden="severe", respite="wanted",
                       assessed_on=TODAY - dt.timedelta(days=40))  # a month: already late
    [item] = today.today_data(ctx).carer_reviews
    assert (item.kind, item.code, item.status, item.patient_id) == (
        "carer_review", "severe", "overdue", pid)
    assert "Peeters" in (item.place or "")
    carer.assess_carer(ctx, pid, cid, burden="low", respite="in_place")  # reviewed: a year away
    assert today.today_data(ctx).carer_reviews == ()


# ---- closure ------------------------------------------------------------------------------
def test_closure_records_agreement_and_handback(ctx: AppContext, tmp_path: Path) -> None:
    pid = make_patient(ctx)
    cid = _open(ctx, pid)
    cases.close_case(ctx, cid, "stabilised", TODAY, "Situation stable",
                     agreed_by="patient,carer,gp", handback="home_care_coordination")
    view = cases.get_case(ctx, cid)
    assert view.closure_agreed_by == ("patient", "carer", "gp")
    assert view.closure_handback == "home_care_coordination"

    def audit(s):  # type: ignore[no-untyped-def]
        return s.execute(select(AuditEvent).where(AuditEvent.action == "close")).scalar_one()
    event = ctx.read(audit)
    assert event.detail["agreed_by"] == ["patient", "carer", "gp"]
    assert event.detail["handback"] == "home_care_coordination"
    ops = ctx.read(lambda s: [o.fields for o in s.execute(select(OutboxOp).where(
        OutboxOp.table_name == "case_record", OutboxOp.record_id == cid)).scalars()])
    assert any((f or {}).get("closure_agreed_by") == ["patient", "carer", "gp"] for f in ops)

    out = documents.write_summary(ctx, pid, str(tmp_path / "s.pdf"), lang="fr")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "le patient, l'aidant proche, le médecin traitant" in text
    assert "la coordination de soins à domicile" in text

    # reopening forgets the closure, agreement and handback included
    cases.change_status(ctx, cid, "assessing")
    view = cases.get_case(ctx, cid)
    assert view.closure_agreed_by == () and view.closure_handback is None


def test_closure_refuses_unknown_parties_before_writing(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    cid = _open(ctx, pid)
    with pytest.raises(ValidationError) as exc:
        cases.close_case(ctx, cid, "moved", TODAY, agreed_by="patient,neighbour")
    assert exc.value.code == "closure.agreed_by_invalid"
    with pytest.raises(ValidationError):
        cases.close_case(ctx, cid, "moved", TODAY, handback="hospital")
    assert cases.get_case(ctx, cid).status != "closed"
    # without them, a closure is still possible (a death: nobody to agree)
    cases.close_case(ctx, cid, "deceased", TODAY)
    view = cases.get_case(ctx, cid)
    assert view.status == "closed" and view.closure_agreed_by == ()
    with pytest.raises(RuleViolation):
        cases.close_case(ctx, cid, "moved", TODAY, agreed_by="patient")
    assert ctx.read(lambda s: s.get(Case, cid).closure_agreed_by) is None


def test_merged_duplicate_carer_keeps_the_assessments(ctx: AppContext) -> None:
    from desktop.services import contacts

    pid = make_patient(ctx)
    kept = _carer(ctx, pid)
    duplicate, _tie = ecosystem.add_contact_and_link(
        ctx, pid, ContactFields(kind="informal_carer", family_name="Peeters", given_name="Marie"),
        TieFields(is_informal_carer=True))
    aid = carer.assess_carer(ctx, pid, duplicate, burden="high", respite="wanted")
    contacts.merge_contacts(ctx, kept, duplicate)
    [a] = carer.list_carer_assessments(ctx, pid)
    assert (a.id, a.contact_id) == (aid, kept)
    [tie] = ecosystem.ecomap_data(ctx, pid).ties
    assert tie.contact_id == kept and tie.carer_burden == "high"
