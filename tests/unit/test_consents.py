"""Consent log and enforcement points on a real vault: refuse without consent, allow with it,
record an override with its reason where the law allows one; withdrawal at once, offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain import consent_policy as cp
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.services import consents
from desktop.services.context import AppContext
from desktop.storage.models import Attachment, AuditEvent, Blob, ConsentEvent, OutboxOp
from tests.gdpr_data import TINY_PDF, TINY_PNG, Sizes, make_patient


def _counts(ctx: AppContext) -> tuple[int, int, int, int]:
    def run(s):  # type: ignore[no-untyped-def]
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (ConsentEvent, AuditEvent, Attachment, Blob))
    return ctx.read(run)


def _audits(ctx: AppContext, action: str, patient_id: str) -> list[AuditEvent]:
    return ctx.read(lambda s: list(s.execute(select(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.patient_id == patient_id)).scalars()))


@pytest.fixture
def pat(ctx: AppContext):  # type: ignore[no-untyped-def]
    return make_patient(ctx, "Consentia", Sizes(consents=0))


def test_team_sharing_refused_without_consent_allowed_with_it_and_withdrawn_at_once(
        ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    allowed = lambda: ctx.read(lambda s: consents.team_sharing_allowed(s, pat.patient_id))  # noqa: E731
    ids = lambda: ctx.read(consents.team_sharing_patient_ids)  # noqa: E731
    assert not allowed() and pat.patient_id not in ids()
    assert consents.overview(ctx, pat.patient_id).local_only
    consents.grant(ctx, pat.patient_id, cp.PURPOSE_TEAM_SHARING, method="written",
                   notice_version="2026-01")
    assert allowed() and pat.patient_id in ids()
    assert not consents.overview(ctx, pat.patient_id).local_only
    # offline: the withdrawal is a local event; nothing is sent, the next check already says no
    consents.withdraw(ctx, pat.patient_id, cp.PURPOSE_TEAM_SHARING)
    assert not allowed() and pat.patient_id not in ids()
    overview = consents.overview(ctx, pat.patient_id)
    assert overview.local_only and "local_only" not in overview.badges  # header: visibility
    state = next(s for s in overview.states if s.purpose == cp.PURPOSE_TEAM_SHARING)
    assert state.decision == "withdrawn"
    # the consent log is append-only: both events remain, with who recorded them
    hist = consents.history(ctx, pat.patient_id, cp.PURPOSE_TEAM_SHARING)
    assert [e.decision for e in hist] == ["granted", "withdrawn"]
    assert all(e.recorded_by == "Anne Lambert" for e in hist)
    assert len(_audits(ctx, "consent", pat.patient_id)) == 2


def test_team_sharing_has_no_override(ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ctx)
    with pytest.raises(RuleViolation) as exc:
        consents.record_override(ctx, pat.patient_id, cp.PURPOSE_TEAM_SHARING,
                                 "the team needs it urgently")
    assert exc.value.code == "consent.override_not_allowed"
    with pytest.raises(RuleViolation):
        consents.authorize(ctx, pat.patient_id, cp.PURPOSE_STATISTICS,
                           override_reason="needed for the annual report")
    assert _counts(ctx) == before


@pytest.mark.parametrize("point", [cp.PURPOSE_PROVIDER_SHARING, cp.PURPOSE_CARER_ON_HANDOUT])
def test_per_contact_points_refuse_allow_and_record_an_override(
        ctx: AppContext, pat, point: str) -> None:  # type: ignore[no-untyped-def]
    contact = pat.professional_ids[0] if point == cp.PURPOSE_PROVIDER_SHARING else pat.carer_ids[0]
    check = (consents.provider_sharing_allowed if point == cp.PURPOSE_PROVIDER_SHARING
             else consents.carer_details_allowed)
    assert not ctx.read(lambda s: check(s, pat.patient_id, contact))
    with pytest.raises(RuleViolation) as exc:
        consents.authorize(ctx, pat.patient_id, point, contact_id=contact)
    assert exc.value.code == "consent.required"

    # override: typed reason, logged with the reason, audited without it; state unchanged
    reason = "Urgence: chute, l'infirmière doit recevoir le plan aujourd'hui"
    auth = consents.authorize(ctx, pat.patient_id, point, contact_id=contact,
                              override_reason=reason)
    assert auth.allowed and auth.via == "override"
    event = next(e for e in consents.history(ctx, pat.patient_id) if e.id == auth.override_id)
    assert event.decision == cp.OVERRIDE and event.note == reason and event.contact_id == contact
    audits = _audits(ctx, "override", pat.patient_id)
    assert len(audits) == 1 and audits[0].record_id == auth.override_id
    assert reason not in str(audits[0].detail) and audits[0].detail["point"] == point
    assert not ctx.read(lambda s: check(s, pat.patient_id, contact))

    # consent for this contact only (a carer's own agreement is recorded on their contact)
    if point == cp.PURPOSE_PROVIDER_SHARING:
        consents.grant(ctx, pat.patient_id, point, contact_id=contact)
    else:
        consents.record_carer_agreement(ctx, contact, "granted")
    assert ctx.read(lambda s: check(s, pat.patient_id, contact))
    if point == cp.PURPOSE_PROVIDER_SHARING:
        assert consents.authorize(ctx, pat.patient_id, point, contact_id=contact).via == "consent"
    other = make_patient(ctx, "Otherx", Sizes(consents=0))
    other_contact = (other.professional_ids[0] if point == cp.PURPOSE_PROVIDER_SHARING
                     else other.carer_ids[0])
    assert not ctx.read(lambda s: check(s, pat.patient_id, other_contact))

    if point == cp.PURPOSE_PROVIDER_SHARING:
        consents.withdraw(ctx, pat.patient_id, point, contact_id=contact)
    else:
        consents.record_carer_agreement(ctx, contact, "withdrawn")
    assert not ctx.read(lambda s: check(s, pat.patient_id, contact))


def test_statistics_point(ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    assert not ctx.read(lambda s: consents.statistics_allowed(s, pat.patient_id))
    consents.grant(ctx, pat.patient_id, cp.PURPOSE_STATISTICS)
    assert ctx.read(lambda s: consents.statistics_allowed(s, pat.patient_id))
    assert pat.patient_id in ctx.read(consents.statistics_patient_ids)


def test_override_needs_a_real_reason(ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ctx)
    with pytest.raises(ValidationError) as exc:
        consents.record_override(ctx, pat.patient_id, cp.PURPOSE_PROVIDER_SHARING, "  ",
                                 contact_id=pat.professional_ids[0])
    assert exc.value.code == "text.required"
    with pytest.raises(ValidationError) as exc:
        consents.record_override(ctx, pat.patient_id, cp.PURPOSE_PROVIDER_SHARING, "urgent",
                                 contact_id=pat.professional_ids[0])
    assert exc.value.code == "consent.override_reason_short"
    assert _counts(ctx) == before


def test_evidence_is_kept_encrypted_in_the_vault(ctx: AppContext, pat, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / "formulaire.pdf"
    scan.write_bytes(TINY_PDF)
    ev = consents.load_evidence(scan)
    eid = consents.grant(ctx, pat.patient_id, cp.PURPOSE_NOTICE, method="written",
                         notice_version="v3", evidence=ev, review_date="2027-11-23")
    event = consents.history(ctx, pat.patient_id)[-1]
    assert event.id == eid and event.evidence_mime == "application/pdf"
    mime, data = consents.evidence_file(ctx, pat.patient_id, ev.sha256)
    assert (mime, data) == ("application/pdf", TINY_PDF)
    assert len(_audits(ctx, "view", pat.patient_id)) == 1  # viewing evidence is audited
    # the attachment row syncs (outbox), the bytes stay in the encrypted blob table
    ops = ctx.read(lambda s: s.execute(select(OutboxOp.table_name).where(
        OutboxOp.patient_id == pat.patient_id)).scalars().all())
    assert "attachment" in ops and "consent_event" in ops
    assert TINY_PDF not in (ctx.vault.folder / "relais.db").read_bytes()
    png = consents.evidence_from_bytes(TINY_PNG, "photo.png")
    assert png.mime == "image/png"


@pytest.mark.parametrize(("content", "code"), [
    (b"just some text, not a scan", "consent.evidence_type"),
    (b"PK\x03\x04" + b"\0" * 100, "consent.evidence_type"),
    (b"", "consent.evidence_type"),
])
def test_bad_evidence_files_are_refused(ctx: AppContext, pat, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        content: bytes, code: str) -> None:
    f = tmp_path / "evidence.pdf"  # the name says PDF; the bytes decide
    f.write_bytes(content)
    with pytest.raises(ValidationError) as exc:
        consents.load_evidence(f)
    assert exc.value.code == code


def test_evidence_over_20_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.pdf"
    with f.open("wb") as fh:  # sparse: cheap to create
        fh.write(b"%PDF-1.4\n")
        fh.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError) as exc:
        consents.load_evidence(f)
    assert exc.value.code == "consent.evidence_too_large"
    with pytest.raises(ValidationError) as exc:
        consents.load_evidence(tmp_path / "missing.pdf")
    assert exc.value.code == "consent.evidence_unreadable"


def test_bad_input_changes_nothing(ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ctx)
    cases = [
        (dict(purpose="marketing", decision="granted"), "consent.purpose_unknown"),
        (dict(purpose=cp.PURPOSE_STATISTICS, decision="withdrawn"),
         "consent.withdraw_without_grant"),
        (dict(purpose=cp.PURPOSE_STATISTICS, decision="granted", method="fax"),
         "consent.method_unknown"),
        (dict(purpose=cp.PURPOSE_STATISTICS, decision="granted", decided_on="2030-01-01"),
         "consent.date_future"),
        (dict(purpose=cp.PURPOSE_STATISTICS, decision="granted", review_date="2020-01-01"),
         "consent.review_before_decision"),
        (dict(purpose=cp.PURPOSE_CARER_ON_HANDOUT, decision="granted"),
         "consent.contact_required"),
    ]
    for kw, code in cases:
        with pytest.raises(ValidationError) as exc:
            consents.record_decision(ctx, pat.patient_id, **kw)  # type: ignore[arg-type]
        assert exc.value.code == code, kw
    with pytest.raises(NotFound):
        consents.grant(ctx, pat.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                       contact_id="01a209ad-0000-7000-8000-000000000000")
    assert _counts(ctx) == before


def test_header_badges(ctx: AppContext, pat) -> None:  # type: ignore[no-untyped-def]
    assert consents.header_badges(ctx, pat.patient_id) == ["notice_missing"]
    consents.grant(ctx, pat.patient_id, cp.PURPOSE_NOTICE, notice_version="v1")
    consents.grant(ctx, pat.patient_id, cp.PURPOSE_TEAM_SHARING,
                   review_date="2026-11-30", decided_on="2026-11-01")
    consents.grant(ctx, pat.patient_id, cp.PURPOSE_STATISTICS, review_date="2026-11-20",
                   decided_on="2025-11-20")
    assert consents.header_badges(ctx, pat.patient_id) == ["statistics", "review_due"]
