"""Purposes revisited (issue 15, item 5) on a real vault and as pure rules:

- a document to the GP of record or to a provider of the agreed plan needs no consent, unless the
  patient objected to that provider (recorded per provider, audited, lifted); others need it;
- a carer's phone and address on the handout need the carer's own agreement, on their contact;
- aggregate statistics with cells under 5 suppressed count everyone; a pseudonymised extract
  only the patients with the statistics consent.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from desktop.domain import consent_policy as cp
from desktop.domain.dates import utcnow
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.services import care_plans, consents, documents, gdpr, gp_feedback
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AuditEvent, ConsentEvent, Contact, Patient, Relationship
from tests.unit.plan_scenario import make_patient

TODAY = dt.date(2026, 11, 23)
T0 = dt.datetime(2026, 1, 1, 8, 0)


# ---------------------------------------------------------------------------------------------
# Pure rules
# ---------------------------------------------------------------------------------------------
def fact(purpose: str, decision: str, day: int, seq: int, contact: str = "c") -> cp.ConsentFact:
    return cp.ConsentFact(purpose, decision, dt.date(2026, 1, 1) + dt.timedelta(days=day),
                          T0 + dt.timedelta(seconds=seq), contact)


provider_events = st.lists(st.tuples(
    st.sampled_from([(cp.PURPOSE_PROVIDER_OBJECTION, "objected"),
                     (cp.PURPOSE_PROVIDER_OBJECTION, "lifted"),
                     (cp.PURPOSE_PROVIDER_SHARING, "granted"),
                     (cp.PURPOSE_PROVIDER_SHARING, "refused"),
                     (cp.PURPOSE_PROVIDER_SHARING, "withdrawn"),
                     (cp.PURPOSE_PROVIDER_SHARING, cp.OVERRIDE)]),
    st.integers(0, 20), st.sampled_from(["c", "other"])), max_size=10)


def _facts(history: list[tuple[tuple[str, str], int, str]]) -> list[cp.ConsentFact]:
    return [fact(p, d, day, i, c) for i, ((p, d), day, c) in enumerate(history)]


@settings(max_examples=150, deadline=None)
@given(provider_events, st.booleans(), st.booleans())
def test_the_gp_and_the_plans_providers_are_allowed_unless_the_patient_objected(
        history: list[tuple[tuple[str, str], int, str]], gp: bool, in_plan: bool) -> None:
    facts = _facts(history)
    code = cp.provider_document_decision(facts, "c", gp_of_record=gp, acts_in_plan=in_plan)
    objected = cp.objection_stands(facts, "c")
    if objected:
        assert code == cp.PROVIDER_OBJECTED
    elif gp or in_plan:
        assert code in (cp.PROVIDER_GP_OF_RECORD, cp.PROVIDER_IN_CARE_PLAN)
    else:  # any other provider: the patient's consent for that provider, nothing else
        assert (code == cp.PROVIDER_CONSENT) == cp.is_granted(facts, cp.PURPOSE_PROVIDER_SHARING,
                                                              "c")
    assert (code in cp.PROVIDER_ALLOWED) == (code != cp.PROVIDER_OBJECTED
                                             and code != cp.PROVIDER_CONSENT_MISSING)
    # another provider's events never change this provider's answer
    mine = [f for f in facts if f.contact_id == "c"]
    assert code == cp.provider_document_decision(mine, "c", gp_of_record=gp,
                                                 acts_in_plan=in_plan)
    # an objection recorded now always blocks, even the GP; lifting it gives the answer back
    after = [*facts, fact(cp.PURPOSE_PROVIDER_OBJECTION, "objected", 21, 100)]
    assert cp.provider_document_decision(after, "c", gp_of_record=True, acts_in_plan=True) \
        == cp.PROVIDER_OBJECTED
    cp.check_new_decision(after, cp.PURPOSE_PROVIDER_OBJECTION, "lifted",
                          dt.date(2026, 1, 22), TODAY, "c")
    lifted = [*after, fact(cp.PURPOSE_PROVIDER_OBJECTION, "lifted", 21, 101)]
    assert cp.provider_document_decision(lifted, "c", gp_of_record=True, acts_in_plan=False) \
        == cp.PROVIDER_GP_OF_RECORD


def test_a_refusal_or_a_withdrawal_for_the_gp_counts_as_an_objection() -> None:
    for decision in ("refused", "withdrawn"):
        facts = [fact(cp.PURPOSE_PROVIDER_SHARING, "granted", 0, 0),
                 fact(cp.PURPOSE_PROVIDER_SHARING, decision, 1, 1)]
        assert cp.provider_document_decision(facts, "c", gp_of_record=True,
                                             acts_in_plan=False) == cp.PROVIDER_OBJECTED


def test_objection_decisions_are_checked() -> None:
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], cp.PURPOSE_PROVIDER_OBJECTION, "lifted", TODAY, TODAY, "c")
    assert exc.value.code == "consent.lift_without_objection"
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], cp.PURPOSE_PROVIDER_OBJECTION, "granted", TODAY, TODAY, "c")
    assert exc.value.code == "consent.decision_unknown"
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], cp.PURPOSE_PROVIDER_SHARING, "objected", TODAY, TODAY, "c")
    assert exc.value.code == "consent.decision_unknown"
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], cp.PURPOSE_PROVIDER_OBJECTION, "objected", TODAY, TODAY)
    assert exc.value.code == "consent.contact_required"
    objected = [fact(cp.PURPOSE_PROVIDER_OBJECTION, "objected", 10, 0)]
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision(objected, cp.PURPOSE_PROVIDER_OBJECTION, "lifted",
                              dt.date(2026, 1, 5), TODAY, "c")
    assert exc.value.code == "consent.lift_before_objection"
    # a carer's agreement is no longer taken in the patient's log; a refusal still is
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], cp.PURPOSE_CARER_ON_HANDOUT, "granted", TODAY, TODAY, "c")
    assert exc.value.code == "consent.carer_agreement_on_contact"
    cp.check_new_decision([], cp.PURPOSE_CARER_ON_HANDOUT, "refused", TODAY, TODAY, "c")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([None, "granted", "refused", "withdrawn"]), st.booleans())
def test_the_carers_own_decision_governs_a_legacy_grant_only_until_it_is_made(
        agreement: str | None, legacy: bool) -> None:
    allowed = cp.carer_details_allowed(agreement, legacy)
    assert allowed == (agreement == "granted" if agreement is not None else legacy)


def test_carer_agreement_checks() -> None:
    for args, code in (((None, None, "withdrawn", "oral", TODAY, TODAY),
                        "consent.withdraw_without_grant"),
                       ((None, None, "agreed", "oral", TODAY, TODAY), "consent.decision_unknown"),
                       ((None, None, "granted", "fax", TODAY, TODAY), "consent.method_unknown"),
                       ((None, None, "granted", "oral", TODAY + dt.timedelta(days=1), TODAY),
                        "consent.date_future"),
                       (("granted", TODAY, "refused", "oral", TODAY - dt.timedelta(days=1),
                         TODAY), "consent.decision_before_current")):
        with pytest.raises(ValidationError) as exc:
            cp.check_carer_agreement(*args)  # type: ignore[arg-type]
        assert exc.value.code == code, args


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 50), st.integers(0, 40))
def test_statistics_scope_and_suppression(min_cell: int, count: int) -> None:
    scope = cp.statistics_scope(min_cell)
    assert (scope == cp.STATS_ALL_PATIENTS) == (min_cell >= 5)
    shown = cp.suppress(count, min_cell)
    if 0 < count < min_cell:
        assert shown == f"<{min_cell}"
    else:
        assert shown == str(count)


# ---------------------------------------------------------------------------------------------
# A patient: GP of record, a nurse in the agreed plan, a physio outside it, two carers
# ---------------------------------------------------------------------------------------------
@dataclass
class World:
    patient_id: str
    gp: str
    nurse: str
    physio: str
    daughter: str  # informal carer
    son: str  # informal carer


def make_world(ctx: AppContext, *, family: str = "Peeters") -> World:
    pid = make_patient(ctx, family=family)

    def run(uow: UnitOfWork) -> World:
        ids = {}
        for key, spec in {
            "gp": dict(kind="gp", family_name="Lemaire", given_name="Pierre"),
            "nurse": dict(kind="nurse", family_name="Dubois", given_name="Françoise"),
            "physio": dict(kind="physio", family_name="Kinet", given_name="Paul"),
            "daughter": dict(kind="informal_carer", family_name="Peeters", given_name="Hélène",
                             phones=["+32486998877"], street="Chaussée de Louvain",
                             house_number="3", postal_code="5020", city="Vedrin"),
            "son": dict(kind="family", family_name="Peeters", given_name="Marc",
                        phones=["+32475665544"], street="Rue Haute", house_number="9",
                        postal_code="5000", city="Namur"),
        }.items():
            owner = pid if key in ("daughter", "son") else None
            c = uow.add(Contact, owner_patient_id=owner, **spec)
            uow.add(Relationship, patient_id=pid, contact_id=c.id, role=key,
                    is_gp=key == "gp", is_informal_carer=key in ("daughter", "son"))
            ids[key] = c.id
        uow.update(uow.session.get(Patient, pid), {"gp_contact_id": ids["gp"]})
        return World(pid, **ids)

    w = ctx.write(run)
    plan_id = care_plans.start_plan(ctx, pid, life_project="Rester chez moi")
    goal = care_plans.add_goal(ctx, plan_id, "Me laver sans tomber", domain="daily_functioning")
    care_plans.add_action(ctx, goal, "Aide à la toilette", responsible_kind="contact",
                          contact_id=w.nurse, schedule="lun 8h")
    care_plans.agree_plan(ctx, plan_id, "Élise Peeters")
    return w


@pytest.fixture
def world(ctx: AppContext) -> World:
    return make_world(ctx)


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in
                                         PdfReader(str(path)).pages))


def _audits(ctx: AppContext, action: str) -> list[AuditEvent]:
    return list(ctx.read(lambda s: s.execute(select(AuditEvent).where(
        AuditEvent.action == action)).scalars().all()))


def _letter(ctx: AppContext, w: World) -> str:
    return gp_feedback.create_letter(ctx, w.patient_id, summary="Chutes répétées.",
                                     questions="Kiné ?")


def test_a_letter_to_the_gp_of_record_needs_no_consent_until_the_patient_objects(
        ctx: AppContext, world: World, tmp_path: Path) -> None:
    fid = _letter(ctx, world)
    assert documents.write_gp_letter(ctx, fid, tmp_path / "gp.pdf").exists()
    assert consents.provider_status(ctx, world.patient_id, world.gp).code == cp.PROVIDER_GP_OF_RECORD

    consents.object_to_provider(ctx, world.patient_id, world.gp, method="written")
    with pytest.raises(RuleViolation) as exc:
        documents.write_gp_letter(ctx, fid, tmp_path / "gp2.pdf")
    assert exc.value.code == "consent.provider_objected"
    assert not (tmp_path / "gp2.pdf").exists()
    status = consents.provider_status(ctx, world.patient_id, world.gp)
    assert status.code == cp.PROVIDER_OBJECTED and status.objection_on == TODAY
    # recorded in the consent log per provider, audited with codes and ids only
    [audit] = [a for a in _audits(ctx, "consent") if a.detail.get("purpose")
               == cp.PURPOSE_PROVIDER_OBJECTION]
    assert audit.detail == {"purpose": cp.PURPOSE_PROVIDER_OBJECTION, "decision": "objected",
                            "contact_id": world.gp}
    state = next(s for s in consents.overview(ctx, world.patient_id).states
                 if s.purpose == cp.PURPOSE_PROVIDER_OBJECTION)
    assert (state.contact_id, state.decision) == (world.gp, "objected")

    # an override with its reason is still possible (logged), then the objection is lifted
    assert documents.write_gp_letter(ctx, fid, tmp_path / "gp3.pdf",
                                     override_reason="Hospitalisation urgente ce soir").exists()
    consents.lift_objection(ctx, world.patient_id, world.gp)
    assert documents.write_gp_letter(ctx, fid, tmp_path / "gp4.pdf").exists()
    with pytest.raises(ValidationError) as verr:
        consents.lift_objection(ctx, world.patient_id, world.gp)
    assert verr.value.code == "consent.lift_without_objection"


def test_a_provider_of_the_agreed_plan_is_allowed_another_needs_consent(
        ctx: AppContext, world: World, tmp_path: Path) -> None:
    assert documents.write_summary(ctx, world.patient_id, tmp_path / "n.pdf",
                                   to_contact_id=world.nurse).exists()
    assert consents.provider_status(ctx, world.patient_id, world.nurse).code \
        == cp.PROVIDER_IN_CARE_PLAN
    with pytest.raises(RuleViolation) as exc:
        documents.write_summary(ctx, world.patient_id, tmp_path / "p.pdf",
                                to_contact_id=world.physio)
    assert exc.value.code == "consent.provider_sharing_missing"
    consents.grant(ctx, world.patient_id, cp.PURPOSE_PROVIDER_SHARING, contact_id=world.physio)
    assert documents.write_summary(ctx, world.patient_id, tmp_path / "p.pdf",
                                   to_contact_id=world.physio).exists()
    # an objection to the nurse blocks her too
    consents.object_to_provider(ctx, world.patient_id, world.nurse)
    with pytest.raises(RuleViolation):
        documents.write_summary(ctx, world.patient_id, tmp_path / "n2.pdf",
                                to_contact_id=world.nurse)


def test_a_draft_plan_or_a_cancelled_action_does_not_make_a_provider_of_the_plan(
        ctx: AppContext, tmp_path: Path) -> None:
    pid = make_patient(ctx, family="Draft")

    def run(uow: UnitOfWork) -> str:
        c = uow.add(Contact, kind="nurse", family_name="Brouillon")
        uow.add(Relationship, patient_id=pid, contact_id=c.id)
        return str(c.id)

    nurse = ctx.write(run)
    plan_id = care_plans.start_plan(ctx, pid, life_project="Rester chez moi")
    goal = care_plans.add_goal(ctx, plan_id, "Me laver", domain="daily_functioning")
    care_plans.add_action(ctx, goal, "Toilette", responsible_kind="contact", contact_id=nurse,
                          schedule="lun")
    assert consents.provider_status(ctx, pid, nurse).code == cp.PROVIDER_CONSENT_MISSING


def test_the_carers_own_agreement_on_their_contact_governs_the_handout(
        ctx: AppContext, world: World, tmp_path: Path) -> None:
    def handout() -> str:
        return _text(documents.write_handout(ctx, world.patient_id, tmp_path / "h.pdf"))

    assert "0486 99 88 77" not in handout()  # never asked: name only
    # the patient's consent is not the carer's: refused in the patient's log
    with pytest.raises(ValidationError) as exc:
        consents.grant(ctx, world.patient_id, cp.PURPOSE_CARER_ON_HANDOUT,
                       contact_id=world.daughter)
    assert exc.value.code == "consent.carer_agreement_on_contact"

    consents.record_carer_agreement(ctx, world.daughter, "granted", method="written")
    text = handout()
    assert "0486 99 88 77" in text and "Vedrin" in text
    assert "0475 66 55 44" not in text  # the son did not agree
    ag = consents.carer_agreement(ctx, world.daughter)
    assert (ag.decision, ag.decided_on, ag.method, ag.allowed) == ("granted", TODAY, "written",
                                                                     True)
    stored = ctx.read(lambda s: s.get(Contact, world.daughter))
    assert stored.handout_agreement == "granted"
    # audited for the patient she helps (codes and ids only), no consent event for the patient
    audit = [a for a in _audits(ctx, "consent") if a.detail.get("purpose") == "carer_agreement"]
    assert [(a.patient_id, a.record_table, a.detail["decision"]) for a in audit] == \
        [(world.patient_id, "contact", "granted")]
    assert ctx.read(lambda s: s.execute(select(ConsentEvent)).scalars().all()) == []
    overview = consents.overview(ctx, world.patient_id)
    assert {(a.contact_id, a.decision) for a in overview.carers} == \
        {(world.daughter, "granted"), (world.son, None)}

    consents.record_carer_agreement(ctx, world.daughter, "withdrawn")
    assert "0486 99 88 77" not in handout()
    # a professional needs no agreement; unknown or bad input changes nothing
    for args, err in (((world.nurse, "granted"), ValidationError),
                      (("not-an-id", "granted"), ValidationError),
                      (("01a209ad-0000-7000-8000-000000000000", "granted"), NotFound),
                      ((world.son, "withdrawn"), ValidationError),
                      ((world.son, "maybe"), ValidationError)):
        with pytest.raises(err):
            consents.record_carer_agreement(ctx, *args)
    assert consents.carer_agreement(ctx, world.son).decision is None


def test_the_carers_decisions_are_in_the_consent_history_of_each_patient_they_help(
        ctx: AppContext, world: World) -> None:
    """Their contact keeps the latest decision only; the history lists each one (date, how,
    who recorded it), for every patient they help, beside the patient's own events."""
    consents.grant(ctx, world.patient_id, cp.PURPOSE_TEAM_SHARING)
    earlier = TODAY - dt.timedelta(days=3)
    consents.record_carer_agreement(ctx, world.daughter, "granted", method="written",
                                    decided_on=earlier)
    consents.record_carer_agreement(ctx, world.daughter, "withdrawn", method="eid")
    history = consents.history(ctx, world.patient_id)
    assert history == sorted(history, key=lambda e: (e.decided_on, e.recorded_at))
    assert [(e.purpose, e.decision) for e in history if e.contact_id is None] == [
        (cp.PURPOSE_TEAM_SHARING, "granted")]
    carers = [e for e in history if e.purpose == cp.CARER_AGREEMENT]
    assert [(e.contact_id, e.decision, e.decided_on, e.method) for e in carers] == [
        (world.daughter, "granted", earlier, "written"),
        (world.daughter, "withdrawn", TODAY, "eid")]
    assert {e.contact_name for e in carers} == {
        consents.carer_agreement(ctx, world.daughter).contact_name} != {None}
    assert {e.recorded_by for e in carers} == {ctx.user_name}
    assert consents.history(ctx, world.patient_id, cp.CARER_AGREEMENT, world.daughter) == carers
    assert consents.history(ctx, world.patient_id, cp.CARER_AGREEMENT, world.son) == []
    # the state still comes from the contact, and the patient's own log holds no carer event
    assert consents.carer_agreement(ctx, world.daughter).decision == "withdrawn"
    assert not any(s.purpose == cp.CARER_AGREEMENT
                   for s in consents.overview(ctx, world.patient_id).states)
    # a decision audited before the date and method were kept: the day it was recorded
    ctx.write(lambda uow: uow.audit("consent", table="contact", record_id=world.son,
                                    patient_id=world.patient_id,
                                    purpose=cp.CARER_AGREEMENT, decision="refused",
                                    contact_id=world.son))
    older = consents.history(ctx, world.patient_id, cp.CARER_AGREEMENT, world.son)
    assert [(e.decision, e.method, e.decided_on) for e in older] == [
        ("refused", "", utcnow().date())]


def test_a_grant_recorded_in_the_patients_log_before_keeps_printing_until_the_carer_decides(
        ctx: AppContext, world: World, tmp_path: Path) -> None:
    ctx.write(lambda uow: uow.add(
        ConsentEvent, patient_id=world.patient_id, purpose=cp.PURPOSE_CARER_ON_HANDOUT,
        contact_id=world.daughter, decision="granted", decided_on=TODAY, method="oral",
        recorded_at=utcnow()))
    out = tmp_path / "h.pdf"
    assert "0486 99 88 77" in _text(documents.write_handout(ctx, world.patient_id, out))
    ag = consents.carer_agreement(ctx, world.daughter, world.patient_id)
    assert ag.legacy_grant and ag.allowed and ag.decision is None
    consents.record_carer_agreement(ctx, world.daughter, "refused")
    assert "0486 99 88 77" not in _text(documents.write_handout(ctx, world.patient_id, out))


def test_aggregate_statistics_count_everyone_an_extract_needs_the_consent(
        ctx: AppContext, tmp_path: Path) -> None:
    worlds = [make_world(ctx, family=f"Stat{i}") for i in range(6)]
    consents.grant(ctx, worlds[0].patient_id, cp.PURPOSE_STATISTICS)
    consents.grant(ctx, worlds[1].patient_id, cp.PURPOSE_STATISTICS)
    consents.refuse(ctx, worlds[2].patient_id, cp.PURPOSE_STATISTICS)
    gdpr.restrict(ctx, worlds[5].patient_id, "asked by the patient")
    ctx.write(lambda uow: uow.update(uow.session.get(Patient, worlds[4].patient_id),
                                     {"gender": "male"}))

    out = tmp_path / "stats.csv"
    outcome = gdpr.export_statistics(ctx, out)
    assert (outcome.included, outcome.excluded, outcome.scope) == (5, 1, cp.STATS_ALL_PATIENTS)
    table = {(r[0], r[1]): r[2] for r in csv.reader(out.open())}
    assert table[("patients", "all")] == "5"
    # cells under 5 are suppressed: one man, four women
    assert table[("patients_by_gender", "female")] == "<5"
    assert table[("patients_by_gender", "male")] == "<5"
    assert all(v == "<5" or (v.isdigit() and int(v) >= 5) for k, v in table.items()
               if k != ("metric", "group"))
    # smaller cells shown: only the patients who consented
    outcome = gdpr.export_statistics(ctx, out, min_cell=1)
    assert (outcome.included, outcome.scope) == (2, cp.STATS_CONSENTED_ONLY)

    ext = tmp_path / "extract.csv"
    outcome = gdpr.export_extract(ctx, ext)
    assert (outcome.included, outcome.excluded) == (2, 4)
    rows = list(csv.reader(ext.open()))
    assert rows[0] == list(gdpr.EXTRACT_COLUMNS) and len(rows) == 3
    text = ext.read_text()
    assert "Stat" not in text and "Peeters" not in text and "Élise" not in text
    assert all(w.patient_id not in text for w in worlds)
    # the same pseudonym on the next extract of this vault
    gdpr.export_extract(ctx, tmp_path / "again.csv")
    assert list(csv.reader((tmp_path / "again.csv").open())) == rows
    # audited as an export of each record in it
    audited = {a.patient_id for a in _audits(ctx, "export")
               if a.detail.get("kind") == "pseudonymised_extract" and a.patient_id}
    assert audited == {worlds[0].patient_id, worlds[1].patient_id}


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------
def test_cli_objection_carer_agreement_and_extract(run, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    from tests.conftest import PASSPHRASE

    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        w = make_world(ctx)
    finally:
        ctx.lock()
    code, out, _ = run("consent", "provider", "--patient", w.patient_id, "--contact", w.gp)
    assert code == 0 and "the patient's GP" in out
    code, out, _ = run("consent", "object", "--patient", w.patient_id, "--contact", w.gp,
                       "--method", "written", lang="fr")
    assert code == 0 and "Opposition enregistrée" in out
    code, out, _ = run("consent", "provider", "--patient", w.patient_id, "--contact", w.gp,
                       "--json")
    assert json.loads(out)["code"] == "objected" and json.loads(out)["allowed"] is False
    code, out, _ = run("consent", "lift-objection", "--patient", w.patient_id, "--contact", w.gp)
    assert code == 0 and "Objection lifted" in out
    code, _, err = run("consent", "lift-objection", "--patient", w.patient_id, "--contact", w.gp,
                       lang="nl")
    assert code == 2 and "geen bezwaar" in err

    code, out, _ = run("consent", "carer", "--contact", w.daughter, "--decision", "granted",
                       "--method", "written", "--date", "2026-11-20", "--json")
    assert code == 0 and json.loads(out)["decision"] == "granted"
    assert json.loads(out)["decided_on"] == "2026-11-20"
    code, out, _ = run("consent", "carer", "--contact", w.daughter, lang="fr")
    assert code == 0 and "accordé" in out
    code, out, _ = run("consent", "show", "--patient", w.patient_id, "--json")
    assert {c["contact_id"] for c in json.loads(out)["carers"]} == {w.daughter, w.son}
    code, out, _ = run("consent", "show", "--patient", w.patient_id, "--purpose",
                       "carer_agreement", "--json")
    assert [(e["contact_id"], e["decision"], e["decided_on"], e["method"])
            for e in json.loads(out)["history"]] == [(w.daughter, "granted", "2026-11-20",
                                                      "written")]
    code, out, _ = run("consent", "show", "--patient", w.patient_id, "--purpose",
                       "carer_agreement", lang="fr")
    assert code == 0 and "2026-11-20  carer_agreement" in out and "écrit" in out.lower()

    code, out, _ = run("gdpr", "extract", "--out", str(tmp_path / "x.csv"), "--json")
    assert code == 0 and json.loads(out)["included"] == 0
    code, out, _ = run("gdpr", "stats", "--out", str(tmp_path / "s.csv"))
    assert code == 0 and "counted" in out


@pytest.mark.parametrize(("args", "lang", "needle"), [
    (("consent", "object", "--patient", "{P}", "--contact", "nope"), "en", "invalid"),
    (("consent", "object", "--patient", "{P}", "--contact", "{GP}", "--method", "fax"), "fr",
     "mode inconnu"),
    (("consent", "object", "--patient", "{P}", "--contact", "{GP}", "--date", "2030-01-01"),
     "nl", "toekomst"),
    (("consent", "lift-objection", "--patient", "{P}", "--contact", "{GP}"), "fr",
     "pas d'opposition"),
    (("consent", "carer", "--contact", "{GP}", "--decision", "granted"), "en",
     "neither an informal carer"),
    (("consent", "carer", "--contact", "{D}", "--decision", "agreed"), "fr",
     "décision inconnue"),
    (("consent", "carer", "--contact", "{D}", "--decision", "withdrawn"), "en",
     "no consent in force"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "carer_on_handout", "--contact",
      "{D}"), "fr", "accord de l'aidant lui-même"),
    (("consent", "provider", "--patient", "{P}", "--contact", "bad"), "en", "invalid"),
    (("gdpr", "extract", "--out", "{T}/x.txt"), "en", ".csv"),
])
def test_cli_bad_input_is_one_line_exit_2_and_changes_nothing(
        run, vault_dir: Path, tmp_path: Path, args: tuple[str, ...], lang: str,  # type: ignore[no-untyped-def]
        needle: str) -> None:
    from tests.conftest import PASSPHRASE

    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        w = make_world(ctx)
        before = ctx.read(lambda s: (len(s.execute(select(ConsentEvent)).all()),
                                     s.get(Contact, w.daughter).handout_agreement))
    finally:
        ctx.lock()
    subs = {"{P}": w.patient_id, "{GP}": w.gp, "{D}": w.daughter, "{T}": str(tmp_path)}
    argv = [subs.get(a, a).replace("{T}", str(tmp_path)) for a in args]
    code, out, err = run(*argv, lang=lang)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and needle.lower() in err.lower(), err
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        after = ctx.read(lambda s: (len(s.execute(select(ConsentEvent)).all()),
                                    s.get(Contact, w.daughter).handout_agreement))
    finally:
        ctx.lock()
    assert after == before


def test_the_register_says_who_receives_documents_and_what_statistics_need(
        ctx: AppContext) -> None:
    from desktop.services import gdpr_register

    data = gdpr_register.register_data(ctx, "fr")
    assert "sauf opposition du patient" in data["recipients"][1]
    assert "extrait pseudonymisé" in data["statistics"] and "sans consentement" in data["statistics"]
    purposes = [p["purpose"] for p in data["purposes"]]
    assert "Extrait pseudonymisé pour des statistiques" in purposes
    assert not any("Opposition" in p for p in purposes)  # a right, not a purpose


def test_an_objection_in_the_fhir_export_is_an_active_deny_for_that_provider(
        ctx: AppContext, world: World, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    consents.object_to_provider(ctx, world.patient_id, world.physio)
    consents.object_to_provider(ctx, world.patient_id, world.gp)
    consents.lift_objection(ctx, world.patient_id, world.gp)
    raw = json.loads(gdpr.export_fhir(ctx, world.patient_id, tmp_path / "b.json").read_text())
    Bundle.model_validate(raw)
    found = sorted(
        (r["provision"]["type"], r["status"],
         next(x["valueCode"] for x in r["extension"] if x["url"].endswith("consent-decision")))
        for r in (e["resource"] for e in raw["entry"])
        if r["resourceType"] == "Consent"
        and r["provision"]["purpose"][0]["code"] == cp.PURPOSE_PROVIDER_OBJECTION)
    assert found == [("deny", "active", "objected"), ("deny", "inactive", "objected"),
                     ("permit", "inactive", "lifted")]
