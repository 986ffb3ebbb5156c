"""Contacts, ties, merge, snapshots and exports on real vaults (issue 5)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.contacts import (
    PRIVATE_KINDS,
    ContactFields,
    DuplicateKey,
    duplicate_score,
    make_inami,
    parse_inami,
)
from desktop.domain.ecomap import TieFields
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import contacts, ecosystem
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient, get_patient, list_patients
from desktop.storage.models import AuditEvent, Contact, OutboxOp, Relationship
from tests.conftest import TODAY


def _patient(ctx: AppContext, family: str = "Dupont", given: str = "Jeanne") -> str:
    return add_patient(ctx, PatientFields(family_name=family, given_name=given))


def _gp(ctx: AppContext, family: str = "Claes", phone: str = "081 22 33 44",
        inami: str | None = None, city: str | None = "Namur") -> str:
    return contacts.add_contact(ctx, ContactFields(
        kind="gp", family_name=family, given_name="Anne", phones=[phone], inami_number=inami,
        city=city))


def _count(ctx: AppContext, model: type) -> int:
    return ctx.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one())


def _audits(ctx: AppContext, action: str) -> list[AuditEvent]:
    return ctx.read(lambda s: list(s.execute(
        select(AuditEvent).where(AuditEvent.action == action)).scalars()))


# ---- domain rules ------------------------------------------------------------------------------
def test_inami_numbers() -> None:
    number = make_inami(123456)
    assert parse_inami("1-23456-25-003") == number == "12345625003"
    with pytest.raises(ValidationError) as exc:
        parse_inami("1-23456-26-003")
    assert exc.value.code == "inami.checksum"
    with pytest.raises(ValidationError) as exc:
        parse_inami("12345")
    assert exc.value.code == "inami.format"


def test_duplicate_scores() -> None:
    a = DuplicateKey("a", "Dr Jean Dupont", ("+3281223344",), kind="gp", city="Namur")
    assert "close_name" in duplicate_score(a, DuplicateKey("b", "DUPONT Jean", kind="gp")).reasons
    same_phone = duplicate_score(a, DuplicateKey("b", "J. Dupont", ("+3281223344",)))
    assert "same_phone" in same_phone.reasons and same_phone.score >= 0.6
    same_inami = duplicate_score(DuplicateKey("a", "X", inami="12345625003"),
                                 DuplicateKey("b", "Y", inami="12345625003"))
    assert same_inami.score >= 0.9
    other_town = duplicate_score(DuplicateKey("a", "Pharmacie du Centre", city="Namur"),
                                 DuplicateKey("b", "Pharmacie du Centre", city="Arlon"))
    assert other_town.score < 0.6


# ---- bad input: clear message, nothing written ---------------------------------------------------
def test_contact_without_name_or_with_bad_phone_writes_nothing(ctx: AppContext) -> None:
    before = (_count(ctx, Contact), _count(ctx, OutboxOp))
    with pytest.raises(ValidationError) as exc:
        contacts.add_contact(ctx, ContactFields(kind="nurse", phones=["0470 12 34 56"]))
    assert exc.value.code == "contact.name_required"
    with pytest.raises(ValidationError) as exc:
        contacts.add_contact(ctx, ContactFields(kind="nurse", family_name="Peeters",
                                                phones=["12"]))
    assert exc.value.code == "phone.invalid" and exc.value.field == "phones"
    with pytest.raises(ValidationError) as exc:
        contacts.add_contact(ctx, ContactFields(kind="family", given_name="Thomas"))
    assert exc.value.code == "contact.owner_required"
    pid = _patient(ctx)
    with pytest.raises(ValidationError):  # from the map: both halves refused together
        ecosystem.add_contact_and_link(ctx, pid, ContactFields(kind="family"),
                                       TieFields(strength="very"))
    assert (_count(ctx, Contact), _count(ctx, Relationship)) == (before[0], 0)


def test_tie_to_a_deleted_contact_is_refused(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _gp(ctx)
    contacts.delete_contact(ctx, cid)
    ops = _count(ctx, OutboxOp)
    with pytest.raises(ValidationError) as exc:
        ecosystem.link(ctx, pid, cid, TieFields(is_gp=True))
    assert exc.value.code == "contact.deleted"
    assert _count(ctx, Relationship) == 0 and _count(ctx, OutboxOp) == ops
    assert get_patient(ctx, pid).gp_contact_id is None


def test_contact_in_use_cannot_be_deleted(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _gp(ctx)
    ecosystem.link(ctx, pid, cid)
    with pytest.raises(RuleViolation):
        contacts.delete_contact(ctx, cid)


# ---- ties ------------------------------------------------------------------------------------------
def test_gp_flag_keeps_patient_gp_in_sync(ctx: AppContext) -> None:
    pid = _patient(ctx)
    first, second = _gp(ctx, "Claes"), _gp(ctx, "Maes", phone="081 99 88 77")
    t1 = ecosystem.link(ctx, pid, first, TieFields(is_gp=True, strength="strong"))
    assert get_patient(ctx, pid).gp_contact_id == first
    t2 = ecosystem.link(ctx, pid, second, TieFields(is_gp=True))
    assert get_patient(ctx, pid).gp_contact_id == second
    data = ecosystem.ecomap_data(ctx, pid)
    assert [t.is_gp for t in data.ties if t.id == t1] == [False]
    ecosystem.unlink(ctx, t2)
    assert get_patient(ctx, pid).gp_contact_id is None
    nurse = contacts.add_contact(ctx, ContactFields(kind="nurse", family_name="Peeters"))
    with pytest.raises(ValidationError) as exc:
        ecosystem.link(ctx, pid, nurse, TieFields(is_gp=True))
    assert exc.value.code == "ecosystem.gp_kind"


def test_private_person_belongs_to_one_patient(ctx: AppContext) -> None:
    a, b = _patient(ctx), _patient(ctx, "Martin", "Paul")
    cid, tie = ecosystem.add_contact_and_link(
        ctx, a, ContactFields(kind="informal_carer", given_name="Thomas", family_name="Dupont"),
        TieFields(role="fils", is_informal_carer=True, is_reference_person=True))
    with pytest.raises(ValidationError) as exc:
        ecosystem.link(ctx, b, cid)
    assert exc.value.code == "ecosystem.private_contact"
    assert [c.id for c in contacts.list_contacts(ctx, patient_id=a)] == [cid]
    assert contacts.list_contacts(ctx) == []  # not in the shared directory
    ecosystem.unlink(ctx, tie)  # the last tie of a private person: it goes too
    with pytest.raises(ValidationError):
        contacts.get_contact(ctx, cid)


def test_move_node_is_kept(ctx: AppContext) -> None:
    pid = _patient(ctx)
    tie = ecosystem.link(ctx, pid, _gp(ctx))
    ecosystem.move_node(ctx, tie, 210.5, -140.0)
    assert ecosystem.ecomap_data(ctx, pid).tie(tie).pinned == (210.5, -140.0)
    assert ecosystem.reset_positions(ctx, pid) == 1
    assert ecosystem.ecomap_data(ctx, pid).tie(tie).pinned is None


# ---- duplicates and merge --------------------------------------------------------------------------
def test_duplicate_finder_and_search(ctx: AppContext) -> None:
    a = _gp(ctx, "Dupont", inami=make_inami(111111))
    b = contacts.add_contact(ctx, ContactFields(kind="gp", family_name="DUPONT",
                                                given_name="Anne", phones=["+32 81 22 33 44"]))
    c = _gp(ctx, "Lambert", phone="061 21 21 21", inami=make_inami(222222))
    d = contacts.add_contact(ctx, ContactFields(kind="gp", organisation="Maison médicale",
                                                inami_number=make_inami(222222)))
    pairs = {frozenset((p.a.id, p.b.id)): p for p in contacts.find_duplicates(ctx)}
    assert set(pairs[frozenset((a, b))].reasons) >= {"same_phone", "close_name"}
    assert "same_inami" in pairs[frozenset((c, d))].reasons
    assert frozenset((a, c)) not in pairs
    assert [x.id for x in contacts.list_contacts(ctx, "0812233")] == [a, b] or \
        {x.id for x in contacts.list_contacts(ctx, "0812233")} == {a, b}
    assert {x.id for x in contacts.list_contacts(ctx, "dupont")} == {a, b}


def test_merge_keeps_every_relationship_in_one_audited_transaction(ctx: AppContext) -> None:
    p1, p2, p3 = _patient(ctx), _patient(ctx, "Martin", "Paul"), _patient(ctx, "Simon", "Léa")
    keep = _gp(ctx, "Dupont", inami=make_inami(111111))
    other = contacts.add_contact(ctx, ContactFields(
        kind="gp", family_name="DUPONT", given_name="Anne", phones=["0470 11 22 33"],
        availability="le matin"))
    t1 = ecosystem.link(ctx, p1, keep, TieFields(strength="moderate"))
    t2 = ecosystem.link(ctx, p2, other, TieFields(is_gp=True, role="médecin traitant"))
    t3a = ecosystem.link(ctx, p3, keep, TieFields(strength="tenuous"))
    t3b = ecosystem.link(ctx, p3, other, TieFields(strength="strong", is_gp=True,
                                                   quality="stressful", note="conflit"))
    ops_before = _count(ctx, OutboxOp)

    result = contacts.merge_contacts(ctx, keep, other)

    assert set(result["moved_ties"]) == {t2} and set(result["combined_ties"]) == {t3b}
    ties = ctx.read(lambda s: {r.id: r for r in s.execute(select(Relationship)).scalars()})
    # every relationship of both contacts still exists and points to the kept contact
    assert {ties[t].contact_id for t in (t1, t2, t3a, t3b)} == {keep}
    assert not ties[t1].deleted and not ties[t2].deleted and not ties[t3a].deleted
    # the patient linked to both keeps one tie that carries both ties' facts
    assert ties[t3b].deleted
    assert (ties[t3a].strength, ties[t3a].quality, ties[t3a].is_gp, ties[t3a].note) == \
        ("strong", "stressful", True, "conflit")
    assert get_patient(ctx, p2).gp_contact_id == keep
    assert get_patient(ctx, p3).gp_contact_id == keep
    merged = ctx.read(lambda s: s.get(Contact, other))
    assert merged.deleted and merged.merged_into_id == keep
    kept = contacts.get_contact(ctx, keep)
    assert "+32470112233" in kept.phones and kept.availability == "le matin"
    # one audit event for the whole merge, written with its ops in the same transaction
    (audit,) = _audits(ctx, "merge")
    assert audit.detail["merged_id"] == other
    assert _count(ctx, OutboxOp) > ops_before
    with pytest.raises(ValidationError):
        ecosystem.link(ctx, p1, other)  # a merged contact cannot be used any more


def test_merge_is_all_or_nothing(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    p1 = _patient(ctx)
    keep, other = _gp(ctx, "Dupont"), _gp(ctx, "Dupond", phone="081 99 88 77")
    tie = ecosystem.link(ctx, p1, other, TieFields(is_gp=True))
    ops = _count(ctx, OutboxOp)
    from desktop.services.unit_of_work import UnitOfWork

    real_audit = UnitOfWork.audit

    def failing(self, action, **kw):  # type: ignore[no-untyped-def]
        if action == "merge":
            raise RuntimeError("disk unplugged")
        return real_audit(self, action, **kw)

    monkeypatch.setattr(UnitOfWork, "audit", failing)
    with pytest.raises(RuntimeError):
        contacts.merge_contacts(ctx, keep, other)
    assert ctx.read(lambda s: s.get(Relationship, tie).contact_id) == other
    assert get_patient(ctx, p1).gp_contact_id == other
    assert not ctx.read(lambda s: s.get(Contact, other).deleted)
    assert _count(ctx, OutboxOp) == ops


# ---- snapshots ---------------------------------------------------------------------------------------
def test_snapshot_compare(ctx: AppContext) -> None:
    pid = _patient(ctx)
    gp = ecosystem.link(ctx, pid, _gp(ctx), TieFields(is_gp=True))
    nurse_c = contacts.add_contact(ctx, ContactFields(kind="nurse", family_name="Peeters"))
    nurse = ecosystem.link(ctx, pid, nurse_c, TieFields(quality="supportive"))
    ecosystem.save_snapshot(ctx, pid)
    ecosystem.edit_tie(ctx, gp, TieFields(quality="stressful"))
    ecosystem.unlink(ctx, nurse)
    new_c, _ = ecosystem.add_contact_and_link(
        ctx, pid, ContactFields(kind="neighbour", given_name="Mme Renard"))
    older, newer, diff = ecosystem.compare(ctx, pid, TODAY, None)
    assert older.taken_on == newer.taken_on == TODAY
    assert [t["contact_id"] for t in diff.added] == [new_c]
    assert [t["contact_id"] for t in diff.removed] == [nurse_c]
    assert [(c.fields) for c in diff.changed] == [("quality",)]
    assert [r.taken_on for r in ecosystem.list_snapshots(ctx, pid)] == [TODAY]
    with pytest.raises(ValidationError) as exc:
        ecosystem.compare(ctx, pid, TODAY - dt.timedelta(days=400), None)
    assert exc.value.code == "ecosystem.no_snapshot"


# ---- exports -------------------------------------------------------------------------------------------
LABELS = ["Anne Claes", "Pharmacie Delhaize", "CPAS de Namur", "Thomas Dupont", "Aide familiale"]


def _map(ctx: AppContext) -> str:
    pid = _patient(ctx)
    ecosystem.link(ctx, pid, _gp(ctx), TieFields(is_gp=True, strength="strong"))
    for kind, org, quality, strength in (("pharmacist", "Pharmacie Delhaize", "neutral", "tenuous"),
                                         ("cpas", "CPAS de Namur", "stressful", "moderate"),
                                         ("home_help", "Aide familiale", "supportive", "strong")):
        ecosystem.add_contact_and_link(ctx, pid, ContactFields(kind=kind, organisation=org,
                                                               is_organisation=True),
                                       TieFields(quality=quality, strength=strength,
                                                 energy_flow="to_patient"))
    ecosystem.add_contact_and_link(ctx, pid, ContactFields(kind="family", given_name="Thomas",
                                                           family_name="Dupont"),
                                   TieFields(role="fils", energy_flow="both"))
    return pid


def test_export_pdf_svg_png(ctx: AppContext, tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from PIL import Image
    from pypdf import PdfReader

    from desktop.reports.ecomap_render import png_size

    pid = _map(ctx)
    pdf = ecosystem.export_ecomap(ctx, pid, tmp_path / "map.pdf", lang="fr")
    text = PdfReader(pdf).pages[0].extract_text()
    for label in [*LABELS, "Jeanne", "Dupont", "lien ténu", "source de stress"]:
        assert label in text
    page = pdfium.PdfDocument(pdf)[0].render(scale=0.5).to_pil().convert("L")
    assert page.getextrema()[0] < 100  # something dark is drawn on the rendered page

    svg = ecosystem.export_ecomap(ctx, pid, tmp_path / "map.svg", lang="nl").read_text("utf-8")
    for label in LABELS:
        assert f">{label}<" in svg
    assert "Ecomap van Jeanne Dupont" in svg

    png = ecosystem.export_ecomap(ctx, pid, tmp_path / "map.png")
    image = Image.open(io.BytesIO(png.read_bytes()))
    assert image.size == png_size(ecosystem.ecomap_data(ctx, pid))
    colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20  # not blank
    white = max(colours)[0] / (image.size[0] * image.size[1])
    assert white < 0.97
    exports = _audits(ctx, "export")
    assert sorted(e.detail["format"] for e in exports) == ["pdf", "png", "svg"]
    assert all(e.patient_id == pid for e in exports)


def test_export_to_unwritable_path(ctx: AppContext, tmp_path: Path) -> None:
    pid = _map(ctx)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    a_folder = tmp_path / "map.png"
    a_folder.mkdir()  # the target name is taken by a folder
    for target in (not_a_folder / "map.png", tmp_path / "missing" / "map.pdf", a_folder):
        with pytest.raises(ValidationError) as exc:
            ecosystem.export_ecomap(ctx, pid, target)
        assert exc.value.code == "ecosystem.export_not_writable"
        assert not target.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "notes.txt", "vault"]
    assert list(a_folder.iterdir()) == []
    with pytest.raises(ValidationError) as exc:
        ecosystem.export_ecomap(ctx, pid, tmp_path / "map.jpg")
    assert exc.value.code == "ecosystem.export_format"
    assert _audits(ctx, "export") == []


def test_who_does_what(ctx: AppContext, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pid = _map(ctx)
    rows = ecosystem.who_does_what(ctx, pid)
    assert rows[0].kind == "family" and rows[0].role == "fils"
    assert [r.name for r in rows if r.is_gp] == ["Anne Claes"]
    out = ecosystem.print_who_does_what(ctx, pid, tmp_path / "who.pdf", lang="fr")
    text = PdfReader(out).pages[0].extract_text()
    for label in ["Qui fait quoi", "Anne Claes", "081 22 33 44", "CPAS de Namur", "fils"]:
        assert label in text
    assert [e.detail["document"] for e in _audits(ctx, "print")] == ["who_does_what"]


def test_cli_contact_and_ecomap(ctx: AppContext, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(ctx)
    ecosystem.link(ctx, pid, _gp(ctx), TieFields(is_gp=True))
    ctx.lock()  # the CLI opens the same vault in its own process (each call costs seconds)
    bad = cli("contact", "add", "--kind", "nurse", "--family-name", "X", "--phone", "12")
    assert bad.code == 2 and bad.out == "" and len(bad.err.strip().splitlines()) == 1
    out = tmp_path / "map.svg"
    res = cli("ecomap", "--patient", pid, "--out", str(out), "--save", "--json")
    assert res.code == 0 and res.json()["out"] == str(out) and "Claes" in out.read_text()


def test_demo_step_builds_ecosystems(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from desktop import demo
    from desktop.demo import ecosystem as demo_ecosystem

    monkeypatch.setattr(demo, "DEMO_STEPS", [])
    demo.generate(ctx, 6, seed=4)
    pids = [p.id for p in list_patients(ctx)]
    demo_ecosystem.step(ctx, random.Random(4), pids, lambda done, total: None)
    qualities = set()
    for pid in pids:
        data = ecosystem.ecomap_data(ctx, pid)
        assert 5 <= len(data.ties) <= 25
        assert sum(t.is_gp for t in data.ties) == 1
        kin = [t.label for t in data.ties if t.kind in ("informal_carer", "family")]
        assert len(set(kin)) == len(kin), kin  # a wife and a daughter both "Liliane" confuse
        given = [t.label.split()[0] for t in data.ties if t.kind in PRIVATE_KINDS]
        assert len(set(given)) == len(given), given  # two sons "Noël Dupont" confuse too
        qualities |= {t.quality for t in data.ties}
    assert {"stressful", "supportive"} <= qualities
    assert contacts.find_duplicates(ctx)  # a few retyped entries for the duplicate finder
    gps = contacts.list_contacts(ctx, kind="gp")
    assert gps and all(parse_inami(c.inami_number or "") for c in gps)  # editable as they are


def test_gp_chosen_on_the_patient_form_appears_on_the_map(ctx: AppContext) -> None:
    from desktop.services.patients import edit_patient

    first, second = _gp(ctx, "Claes"), _gp(ctx, "Maes", phone="081 99 88 77")
    pid = add_patient(ctx, PatientFields(family_name="Dupont", given_name="Jeanne",
                                         gp_contact_id=first))
    assert [(t.contact_id, t.is_gp) for t in ecosystem.ecomap_data(ctx, pid).ties] == \
        [(first, True)]
    edit_patient(ctx, pid, PatientFields(gp_contact_id=second))
    ties = {t.contact_id: t.is_gp for t in ecosystem.ecomap_data(ctx, pid).ties}
    assert ties == {first: False, second: True}


def test_demo_snapshots_show_a_plausible_change(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import demo

    monkeypatch.setattr(demo, "DEMO_STEPS", [demo.ecosystem.step])
    demo.generate(ctx, 8, seed=5)
    with_snapshot = [p.id for p in list_patients(ctx) if ecosystem.list_snapshots(ctx, p.id)]
    assert with_snapshot
    for pid in with_snapshot:
        older, _newer, diff = ecosystem.compare(ctx, pid, TODAY - dt.timedelta(days=60), None)
        assert len(diff.added) == 2 and len(diff.changed) == 1 and not diff.removed
        assert any(t.is_gp for t in older.ties)  # the GP was there three months ago too


def test_compare_follows_merged_contacts(ctx: AppContext) -> None:
    pid = _patient(ctx)
    keep, other = _gp(ctx, "Dupont"), _gp(ctx, "DUPONT", phone="081 99 88 77")
    ecosystem.link(ctx, pid, other, TieFields(is_gp=True))
    ecosystem.save_snapshot(ctx, pid)
    contacts.merge_contacts(ctx, keep, other)
    _older, _newer, diff = ecosystem.compare(ctx, pid, TODAY, None)
    assert diff.is_empty  # the same GP, now under the kept contact


def test_a_demo_given_name_is_never_taken_twice_on_one_map() -> None:
    import random

    from desktop.demo import data as D
    from desktop.demo import ecosystem as demo_ecosystem

    names = sorted(set(D.GIVEN_MALE_FR))
    taken = set(names[1:])
    for seed in range(20):
        assert demo_ecosystem._fresh_given(random.Random(seed), False, False,  # noqa: SLF001
                                           set(taken)) == names[0]
    mine: set[str] = set()
    drawn = [demo_ecosystem._fresh_given(random.Random(3), True, True, mine)  # noqa: SLF001
             for _ in range(5)]
    assert len(set(drawn)) == 5 and mine == set(drawn)
