"""`relais case handover|handovers|handover-read|transfer` (issue 19, items 5-6): happy paths,
the note read first by the new case manager, the transfer pack, bad input in one line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact
from desktop.sync import state
from tests.conftest import PASSPHRASE

MEMBERS = [{"username": "anne", "name": "Anne Lambert"},
           {"username": "bruno", "name": "Bruno Peeters"}]


def _in_vault(vault_dir: Path, fn):  # type: ignore[no-untyped-def]
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        return ctx.write(fn)
    finally:
        ctx.lock()


def _enrol(vault_dir: Path, username: str) -> None:
    def run(uow: UnitOfWork) -> None:
        state.put(uow.session, state.TOKEN, "test-token")
        state.put(uow.session, state.ACCOUNT, {"user": username, "username": username,
                                               "members": MEMBERS, "role": "case_manager"})
    _in_vault(vault_dir, run)


def _case(run) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    code, out, err = run("case", "open", "--patient", pid, "--requester-type", "gp",
                         "--reason", "Chutes à répétition")
    assert code == 0, err
    return pid, out.strip()


def test_handover_with_a_note_read_first(run, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _enrol(vault_dir, "anne")
    pid, cid = _case(run)
    code, out, err = run("case", "handover", cid, "--to", "bruno", "--note",
                         "Sa fille appelle le jeudi.", lang="fr")
    assert code == 0, err
    assert "Dossier confié à bruno" in out and "Note de passation" in out
    code, out, err = run("case", "show", cid, "--json")
    assert json.loads(out)["responsible_users"] == ["bruno"]

    code, out, _ = run("case", "handovers")  # Anne: nothing addressed to her
    assert out.strip() == "No handover note to read."
    _enrol(vault_dir, "bruno")
    code, out, _ = run("case", "handovers", "--json")
    [h] = json.loads(out)["handovers"]
    assert (h["patient_id"], h["case_id"]) == (pid, cid)
    code, out, err = run("case", "handover-read", h["id"], lang="nl")
    assert code == 0, err
    assert "Sa fille appelle le jeudi." in out and "Overdrachtsnota gelezen." in out
    code, out, _ = run("case", "handovers", "--patient", pid)
    assert out.strip() == "No handover note to read."


def test_handover_bad_input_one_line(run, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _enrol(vault_dir, "anne")
    _pid, cid = _case(run)
    for args, lang in ((("case", "handover", cid, "--to", "bruno", "--note", "  "), "fr"),
                       (("case", "handover", cid, "--to", "zoe", "--note", "x"), "nl"),
                       (("case", "handover", cid, "--to", "bruno", "--co", "bruno", "--note",
                         "x"), "en"),
                       (("case", "handover-read", "garbage"), "fr")):
        code, _out, err = run(*args, lang=lang)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    code, _out, err = run("case", "handover", cid, "--to", "anne", "--note", "x", lang="fr")
    assert code == 2 and "déjà confié" in err


def test_transfer_pack_from_the_command_line(run, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid, cid = _case(run)
    org = _in_vault(vault_dir, lambda uow: uow.add(
        Contact, kind="home_care_coordination", is_organisation=True,
        organisation="CSD Liège").id)
    out = tmp_path / "pack.zip"
    code, _o, err = run("case", "transfer", cid, "--organisation", "CSD Liège", "--out",
                        str(out), lang="fr")
    assert code == 2 and "n'a pas consenti" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    code, _o, err = run("consent", "grant", "--patient", pid, "--purpose", "provider_sharing",
                        "--contact", org)
    assert code == 0, err
    code, o, err = run("case", "transfer", cid, "--organisation", "csd liège", "--out",
                       str(out), "--lang", "nl", "--note", "Overname door het CSD.", "--json")
    assert code == 0, err
    data = json.loads(o)
    assert data["status"] == "closed" and data["closure_reason"] == "transfer"
    assert data["organisation"] == {"id": org, "name": "CSD Liège"}
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["00-cover-letter.pdf", "01-summary.pdf",
                                         "02-record.fhir.json", "manifest.json"]
    code, o, _ = run("case", "show", cid, "--json")
    assert json.loads(o)["closure_reason"] == "transfer"
    for args in (("case", "transfer", cid, "--organisation", org, "--out", str(tmp_path / "x.pdf")),
                 ("case", "transfer", cid, "--organisation", "Nobody", "--out",
                  str(tmp_path / "y.zip"))):
        code, _o, err = run(*args, lang="nl")
        assert code == 2 and len(err.strip().splitlines()) == 1, err
