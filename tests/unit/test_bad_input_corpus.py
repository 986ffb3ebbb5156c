"""Bad input across the command line (issue 13): unknown ids, wrong choices, impossible dates and
NISS, huge and invisible-character text, malformed, huge and non-regular files, damaged vaults.

Every case must end with exit 2 (input) or 1 (refused / operational), exactly one line on
stderr in the user's language, no traceback, no "Unexpected error", and the vault unchanged
(a logical dump of every table, compared before and after). With --json, the same error is an
object on stdout whose code the language's catalog translates.

The command line runs in-process (tests/cli_inproc.py): the same parser and handlers as the
executable without a second of interpreter start-up per case.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.i18n import catalog
from desktop.services import cases, contacts, gdpr, patients
from desktop.services.context import AppContext
from tests.cli_inproc import run_cli
from tests.conftest import PASSPHRASE, TODAY

U = "01900000-0000-7000-8000-000000000000"  # a well-formed id nobody has
LONG = "x" * 100_000
HUGE = "x" * 200_001
OUT = "{tmp}/out"  # an output folder that exists


def _dump(folder: Path) -> dict[str, Any]:
    """Every row of every table (FTS shadow tables included) and the envelope."""
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        def read(s: Any) -> dict[str, Any]:
            names = [r[0] for r in s.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))]
            return {n: sorted(map(repr, s.execute(text(f'SELECT * FROM "{n}"')).all()))
                    for n in names}
        tables = ctx.read(read)
    finally:
        ctx.lock()
    return {"tables": tables, "envelope": (folder / "vault.json").read_bytes()}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


class World:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.vault = root / "vault"
        ctx, _ = AppContext.create(self.vault, PASSPHRASE, user_name="Anne Lambert",
                                   today=lambda: TODAY)
        try:
            self.patient = patients.add_patient(ctx, patients.PatientFields(
                family_name="Lejeune", given_name="Hélène", niss="85.07.30-033.28",
                postal_code="6900", city="Marche-en-Famenne"))
            self.case = cases.open_case(ctx, self.patient, cases.RequestFields(
                requester_type="gp", requester_name="Dr Martin", requester_phone=None,
                requester_contact_id=None, request_date=None, request_reason="Chutes",
                clarified_request=None))
            from desktop.domain.contacts import ContactFields

            self.contact = contacts.add_contact(ctx, ContactFields(
                kind="gp", family_name="Martin", given_name="Luc"))
            self.restricted = patients.add_patient(ctx, patients.PatientFields(
                family_name="Caché", given_name="Paul"))
            gdpr.restrict(ctx, self.restricted, "asked by the patient")
        finally:
            ctx.lock()
        self.files = root / "files"
        self.files.mkdir()
        (root / "out").mkdir()
        f = self.files
        os.mkfifo(f / "pipe")
        (f / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
        (f / "nested_obj.json").write_text('{"a":' * 200 + "1" + "}" * 200)
        (f / "badutf.json").write_bytes(b'{"adl_bathing": "\xff\xfe"}')
        (f / "notjson.json").write_text("{not json")
        (f / "list.json").write_text("[1, 2, 3]")
        (f / "empty.json").write_text("")
        (f / "nul.json").write_text('{"a": "x\\u0000y"}')
        with (f / "big.json").open("wb") as fh:  # sparse: cheap
            fh.truncate(3 * 1024 * 1024)
        with (f / "big.pdf").open("wb") as fh:
            fh.write(b"%PDF-1.4\n")
            fh.truncate(21 * 1024 * 1024)
        (f / "scan.docx").write_bytes(b"PK\x03\x04 not an image")
        (f / "empty.pdf").write_bytes(b"")
        (f / "schema_bad.json").write_text(json.dumps({"id": "x", "version": 1}))
        self.baseline = _dump(self.vault)

    def fill(self, arg: str) -> str:
        return (arg.replace("{P}", self.patient).replace("{C}", self.case)
                .replace("{K}", self.contact).replace("{R}", self.restricted)
                .replace("{tmp}", str(self.root)).replace("{f}", str(self.files)))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield World(tmp_path_factory.mktemp("corpus"))


# (argv, language). Each is run with --json and --vault <the shared vault>.
CASES: list[tuple[tuple[str, ...], str]] = [
    # ---- unknown or malformed ids --------------------------------------------------------
    (("patient", "show", U), "en"),
    (("patient", "show", "garbage"), "fr"),
    (("patient", "show", "{C}"), "nl"),  # an id of another kind
    (("patient", "edit", U, "--city", "Namur"), "en"),
    (("case", "show", U), "fr"),
    (("case", "show", "--patient", U), "en"),
    (("case", "close", U, "--reason", "moved", "--date", "2026-01-01"), "nl"),
    (("case", "status", U, "--to", "active"), "en"),
    (("case", "review", U), "fr"),
    (("case", "open", "--patient", U, "--requester-type", "gp", "--reason", "r"), "en"),
    # handover with a note, transfer to another organisation (issue 19, items 5-6)
    (("case", "handover", U, "--to", "bruno", "--note", "n"), "fr"),
    (("case", "handover", "{C}", "--to", "bruno", "--note", "   "), "nl"),
    (("case", "handover", "{C}", "--to", "bruno", "--note", LONG), "en"),
    (("case", "handover", "{C}", "--to", "bruno", "--co", "bruno", "--note", "n"), "fr"),
    (("case", "handover", "{C}", "--to", "bruno"), "en"),
    (("case", "handover-read", "garbage"), "nl"),
    (("case", "handover-read", U), "fr"),
    (("case", "handovers", "--patient", U), "en"),
    (("case", "transfer", U, "--organisation", "{K}", "--out", OUT + "/p.zip"), "fr"),
    (("case", "transfer", "{C}", "--organisation", "Nobody", "--out", OUT + "/p.zip"), "nl"),
    (("case", "transfer", "{C}", "--organisation", "{P}", "--out", OUT + "/p.zip"), "en"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", OUT + "/p.pdf"), "fr"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", "/nonexistent/p.zip"), "nl"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", OUT + "/p.zip"), "en"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", OUT + "/p.zip",
      "--override-reason", "court"), "fr"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", OUT + "/p.zip", "--date",
      "2099-01-01"), "nl"),
    (("case", "transfer", "{C}", "--organisation", "{K}", "--out", OUT + "/p.zip", "--lang",
      "de"), "en"),
    (("visit", "add", "--case", U, "--start", "2026-01-05T10:00"), "nl"),
    (("visit", "record", U), "en"),
    (("visit", "cancel", U), "fr"),
    (("visit", "list", "--patient", U), "en"),
    (("note", "add", "--patient", U, "--text", "x"), "nl"),
    (("note", "add", "--patient", "{P}", "--text", "x", "--corrects", U), "en"),
    (("note", "add", "--patient", "{P}", "--text", "x", "--case", U), "fr"),
    (("note", "list", "--patient", U), "en"),
    (("contact", "edit", U, "--city", "Namur"), "en"),
    (("contact", "link", "--patient", "{P}", "--contact", U), "fr"),
    (("contact", "link", "--patient", U, "--contact", "{K}"), "en"),
    (("contact", "unlink", U), "nl"),
    (("contact", "merge", "{K}", U), "en"),
    (("contact", "add", "--kind", "family", "--family-name", "X", "--patient", U), "fr"),
    (("consent", "grant", "--patient", U, "--purpose", "team_sharing"), "en"),
    (("consent", "show", "--patient", U), "nl"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "provider_sharing", "--contact", U),
     "en"),
    # objections to a provider, the carer's own agreement, the pseudonymised extract (issue 15)
    (("consent", "object", "--patient", "{P}", "--contact", U), "fr"),
    (("consent", "object", "--patient", U, "--contact", "{K}"), "en"),
    (("consent", "object", "--patient", "{P}", "--contact", "{K}", "--method", "fax"), "nl"),
    (("consent", "object", "--patient", "{P}", "--contact", "{K}", "--date", "2030-01-01"),
     "en"),
    (("consent", "lift-objection", "--patient", "{P}", "--contact", "{K}"), "fr"),
    (("consent", "provider", "--patient", "{P}", "--contact", "nope"), "nl"),
    (("consent", "carer", "--contact", U), "en"),
    (("consent", "carer", "--contact", "{K}", "--decision", "granted"), "fr"),
    (("consent", "carer", "--contact", "{K}", "--decision", "maybe"), "nl"),
    (("consent", "carer", "--contact"), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "carer_on_handout", "--contact",
      "{K}"), "fr"),
    (("gdpr", "extract", "--out", OUT + "/x.txt"), "en"),
    (("gdpr", "extract", "--out", "/nonexistent/dir/x.csv"), "nl"),
    (("export", "fhir", "--patient", U, "--out", OUT + "/a.json"), "fr"),
    (("export", "pdf", "--patient", U, "--out", OUT + "/a.pdf"), "en"),
    (("gdpr", "restrict", "--patient", U, "--reason", "x"), "en"),
    (("gdpr", "unrestrict", "--patient", U), "nl"),
    (("gdpr", "erase", "--patient", U, "--reason", "x"), "fr"),
    (("gdpr", "history", "--patient", U), "en"),
    (("plan", "show", "--patient", U), "en"),
    (("plan", "show", "--patient", "{P}"), "fr"),  # no plan yet
    (("plan", "start", "--patient", U), "nl"),
    (("plan", "add-goal", "--patient", U, "--text", "x"), "en"),
    (("plan", "add-action", "--goal", U, "--what", "x", "--responsible", "patient"), "fr"),
    (("plan", "agree", "--patient", "{P}", "--with", "x"), "en"),
    (("plan", "agree", "--patient", "{P}", "--parties", "patient,neighbour"), "nl"),
    (("plan", "agree", "--patient", "{P}", "--parties", ","), "fr"),
    (("plan", "new-version", "--patient", U), "en"),
    (("plan", "compare", "--patient", "{P}"), "nl"),
    (("handout", "--patient", U, "--out", OUT + "/h.pdf"), "en"),
    (("summary", "--patient", U, "--out", OUT + "/s.pdf"), "fr"),
    (("summary", "--patient", "{P}", "--out", OUT + "/s.pdf", "--to", U), "en"),
    (("ecomap", "--patient", U, "--save"), "nl"),
    (("assess", "--patient", U, "--instrument", "katz_be", "--answers", "{f}/list.json"), "en"),
    (("assess", "--patient", "{P}", "--instrument", "nope", "--answers", "{f}/list.json"), "fr"),
    (("instrument", "show", "nope"), "en"),
    (("sync", "--resolve", U, "--keep", "this-laptop"), "en"),
    (("sync", "--retry", U), "fr"),
    (("sync", "--discard", "garbage"), "nl"),
    # a restricted patient: named as restricted, nothing shown or changed
    (("patient", "show", "{R}"), "en"),
    (("patient", "edit", "{R}", "--city", "Namur"), "fr"),
    (("note", "add", "--patient", "{R}", "--text", "x"), "nl"),
    # ---- wrong choices (argparse): one translated line ------------------------------------
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--gender", "f"), "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--gender", "F"), "fr"),
    (("patient", "edit", "{P}", "--gender", "femme"), "nl"),
    (("case", "open", "--patient", "{P}", "--requester-type", "doctor", "--reason", "r"), "fr"),
    (("case", "open", "--patient", "{P}", "--requester-type", "gp", "--reason", "r",
      "--tier", "9"), "en"),
    (("case", "close", "{C}", "--reason", "gone", "--date", "2026-01-01"), "nl"),
    (("contact", "add", "--kind", "doctor", "--family-name", "X"), "en"),
    (("contact", "edit", "{K}", "--kind", "dokter"), "nl"),
    (("contact", "link", "--patient", "{P}", "--contact", "{K}", "--strength", "huge"), "fr"),
    (("contact", "link", "--patient", "{P}", "--contact", "{K}", "--quality", "meh"), "en"),
    (("contact", "link", "--patient", "{P}", "--contact", "{K}", "--flow", "up"), "nl"),
    (("visit", "add", "--case", "{C}", "--kind", "party", "--start", "2026-01-05T10:00"), "fr"),
    (("export", "pdf", "--patient", "{P}", "--out", OUT + "/a.pdf", "--lang", "de"), "en"),
    (("handout", "--patient", "{P}", "--out", OUT + "/h.pdf", "--lang", "DE"), "fr"),
    (("summary", "--patient", "{P}", "--out", OUT + "/s.pdf", "--lang", "it"), "nl"),
    (("gdpr", "register", "--out", OUT + "/r.md", "--lang", "es"), "en"),
    (("ecomap", "--patient", "{P}", "--out", OUT + "/e.png", "--lang", "pt"), "fr"),
    (("plan", "add-action", "--goal", U, "--what", "x", "--responsible", "nobody"), "en"),
    (("sync", "--resolve", U, "--keep", "mine-please"), "nl"),
    (("sync", "--resolve", U, "--choice", "ours"), "fr"),
    (("nosuchcommand",), "en"),
    (("patient", "delete", "{P}"), "fr"),
    (("case", "reopen", "{C}"), "nl"),
    (("gdpr", "forget", "--patient", "{P}"), "en"),
    (("plan", "remove"), "fr"),
    (("export", "docx", "--patient", "{P}"), "nl"),
    (("vault", "destroy"), "en"),
    (("patient",), "nl"),
    (("patient", "add", "--given-name", "Y"), "fr"),  # required option missing
    (("patient", "show"), "en"),
    (("patient", "list", "--bogus"), "fr"),
    (("patient", "list", "--search"), "nl"),  # expects a value
    (("gdpr", "audit", "--limit", "many"), "en"),
    (("gdpr", "audit", "--limit", "99999999999999999999999"), "fr"),
    (("gdpr", "audit", "--limit", "0"), "nl"),
    (("gdpr", "audit", "--limit", "-5"), "en"),
    (("gdpr", "stats", "--out", OUT + "/s.csv", "--min-cell", "0"), "fr"),
    (("gdpr", "stats", "--out", OUT + "/s.csv", "--min-cell", "1e9"), "en"),
    (("demo", "--patients", "-1"), "nl"),
    (("demo", "--patients", "100001"), "en"),
    (("demo", "--seed", "-1"), "fr"),
    (("sync", "--status", "--conflicts"), "en"),
    (("sync", "--keep", "this-laptop"), "fr"),
    (("sync", "--resolve", U), "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--bim=yes"), "en"),
    # ---- impossible dates and NISS --------------------------------------------------------
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "2020-02-30"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "2020-13-01"),
     "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "99999-01-01"),
     "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "1800-01-01"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "2099-01-01"),
     "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "yesterday"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.13.30-033.28"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.02.30-033.90"),
     "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.32-033.65"),
     "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.37.30-033.44"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.30-033.29"),
     "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "8507300332"), "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.3O-033.28"),
     "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "８５０７３００３３２８"),
     "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.30-033.28"),
     "en"),  # the NISS of another patient
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.30-033.28",
      "--birth-date", "1985-07-31"), "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--niss", "85.07.30-033.28",
      "--gender", "female"), "en"),
    (("patient", "edit", "{P}", "--niss", "85.02.30-033.90"), "fr"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--postal-code", "999"), "en"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--phone", "12"), "nl"),
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--email", "a@"), "fr"),
    (("case", "open", "--patient", "{P}", "--requester-type", "gp", "--reason", "r",
      "--request-date", "2026-02-30"), "en"),
    (("case", "close", "{C}", "--reason", "moved", "--date", "2026-02-29"), "fr"),
    (("case", "close", "{C}", "--reason", "moved", "--date", "1999-01-01"), "en"),
    (("case", "status", "{C}", "--to", "closed"), "nl"),
    (("case", "status", "{C}", "--to", "flying"), "en"),
    # the closure's agreement and handback, the carer's assessment (issue 19, items 3-4)
    (("case", "close", "{C}", "--reason", "moved", "--date", "2026-01-01", "--agreed-by",
      "patient,mayor"), "fr"),
    (("case", "close", "{C}", "--reason", "moved", "--date", "2026-01-01", "--handback",
      "hospital"), "nl"),
    (("carer", "assess", "--patient", "{P}", "--contact", "{K}", "--burden", "low",
      "--respite", "wanted"), "fr"),  # a GP, not the patient's informal carer
    (("carer", "assess", "--patient", "{P}", "--contact", U, "--burden", "low", "--respite",
      "wanted"), "nl"),
    (("carer", "assess", "--patient", "{P}", "--contact", "{K}", "--burden", "crushing",
      "--respite", "wanted"), "en"),
    (("carer", "assess", "--patient", "{P}", "--contact", "{K}", "--burden", "low",
      "--respite", "wanted", "--review", "2026-02-30"), "fr"),
    (("carer", "assess", "--patient", "{R}", "--contact", "{K}", "--burden", "low",
      "--respite", "wanted"), "en"),
    (("carer", "list", "--patient", U), "nl"),
    (("carer", "remove", "garbage"), "en"),
    (("visit", "add", "--case", "{C}", "--start", "2026-02-30T10:00"), "en"),
    (("visit", "add", "--case", "{C}", "--start", "2026-01-05T25:00"), "fr"),
    (("visit", "add", "--case", "{C}", "--start", "2026-01-05T10:00", "--end", "2026-01-05T09:00"),
     "nl"),
    (("note", "add", "--patient", "{P}", "--text", "x", "--at", "2026-02-30T10:00"), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--date", "2026-02-30"),
     "fr"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--review-date",
      "someday"), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "marketing"), "nl"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--method", "telepathy"),
     "en"),
    (("consent", "withdraw", "--patient", "{P}", "--purpose", "statistics"), "fr"),
    (("consent", "override", "--patient", "{P}", "--purpose", "team_sharing", "--reason", "x"),
     "en"),
    (("plan", "start", "--patient", "{P}", "--review-date", "2026-02-30"), "nl"),
    (("plan", "add-goal", "--patient", "{P}", "--text", "x", "--target-date", "2026-13-01"),
     "en"),
    (("gdpr", "audit", "--from", "2026-02-30"), "fr"),
    (("gdpr", "audit", "--to", "tomorrow"), "en"),
    (("ecomap", "--patient", "{P}", "--out", OUT + "/e.png", "--date", "2026-02-30"), "nl"),
    (("ecomap", "--patient", "{P}", "--compare", "2026-01-01", "garbage"), "en"),
    (("ecomap", "--patient", "{P}", "--compare", "2000-01-01", "today"), "fr"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/list.json",
      "--date", "2026-02-30"), "en"),
    # ---- long text, control, bidirectional and NUL characters ----------------------------
    (("patient", "add", "--family-name", LONG, "--given-name", "Y"), "en"),
    (("patient", "add", "--family-name", "X", "--given-name", LONG), "fr"),
    (("patient", "add", "--family-name", "Du\x00pont", "--given-name", "Y"), "nl"),
    (("patient", "add", "--family-name", "Dupont\u202e", "--given-name", "Y"), "en"),
    (("patient", "add", "--family-name", "\u2066Dupont\u2069", "--given-name", "Y"), "fr"),
    (("patient", "add", "--family-name", "Dupont", "--given-name", "An\u200bne"), "nl"),
    (("patient", "add", "--family-name", "Dupont", "--given-name", "\u061cAnne"), "en"),
    (("patient", "add", "--family-name", "Du\u200fpont", "--given-name", "Y"), "fr"),
    (("patient", "add", "--family-name", "Du\npont", "--given-name", "Y"), "en"),
    (("patient", "add", "--family-name", "Du\x07pont", "--given-name", "Y"), "nl"),
    (("patient", "add", "--family-name", "Du\udcffpont", "--given-name", "Y"), "en"),
    (("patient", "add", "--family-name", "   ", "--given-name", "Y"), "fr"),
    (("patient", "edit", "{P}", "--city", "Na\u202emur"), "en"),
    (("patient", "edit", "{P}", "--street", LONG), "nl"),
    (("note", "add", "--patient", "{P}", "--text", HUGE), "en"),
    (("note", "add", "--patient", "{P}", "--text", "a\x00b"), "fr"),
    (("note", "add", "--patient", "{P}", "--text", "   "), "nl"),
    (("contact", "add", "--kind", "gp", "--family-name", "Mar\u202etin"), "en"),
    (("contact", "add", "--kind", "gp", "--family-name", LONG), "fr"),
    (("contact", "add", "--kind", "gp"), "nl"),  # no name at all
    (("case", "open", "--patient", "{P}", "--requester-type", "gp", "--reason", HUGE), "en"),
    (("case", "open", "--patient", "{P}", "--requester-type", "gp", "--reason", "r\x00"), "fr"),
    (("plan", "add-goal", "--patient", "{P}", "--text", "be\x00tter"), "en"),
    (("gdpr", "restrict", "--patient", "{P}", "--reason", "\x00"), "nl"),
    (("gdpr", "restrict", "--patient", "{P}", "--reason", ""), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--note", "a\u202eb"),
     "fr"),
    (("gdpr", "settings", "--set", "controller_name=A\x00B"), "en"),
    (("gdpr", "settings", "--set", "nokey"), "nl"),
    (("gdpr", "settings", "--set", "no_such_setting=1"), "fr"),
    (("gdpr", "settings", "--set", "retention_years=-3"), "en"),
    # ---- files: missing, folders, devices, pipes, huge, malformed ------------------------
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "/dev/zero"), "en"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}"), "fr"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/pipe"), "nl"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/missing.json"),
     "en"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/nested.json"),
     "fr"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers",
      "{f}/nested_obj.json"), "en"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/badutf.json"),
     "nl"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/notjson.json"),
     "en"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/empty.json"),
     "fr"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/big.json"), "en"),
    (("assess", "--patient", "{P}", "--instrument", "katz_be", "--answers", "{f}/list.json",
      "--variant", "nonsense"), "nl"),
    (("instrument", "import", "/dev/zero"), "en"),
    (("instrument", "import", "/dev/urandom"), "fr"),
    (("instrument", "import", "{f}"), "nl"),
    (("instrument", "import", "{f}/pipe"), "en"),
    (("instrument", "import", "{f}/nested.json"), "fr"),
    (("instrument", "import", "{f}/big.json"), "en"),
    (("instrument", "import", "{f}/notjson.json"), "nl"),
    (("instrument", "import", "{f}/schema_bad.json"), "en"),
    (("instrument", "import", "{f}/badutf.json"), "fr"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--evidence",
      "/dev/zero"), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--evidence",
      "{f}/pipe"), "nl"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--evidence",
      "{f}/big.pdf"), "fr"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--evidence",
      "{f}/scan.docx"), "en"),
    (("consent", "grant", "--patient", "{P}", "--purpose", "team_sharing", "--evidence",
      "{f}/empty.pdf"), "nl"),
    # ---- outputs and other refusals -------------------------------------------------------
    (("export", "fhir", "--patient", "{P}", "--out", OUT + "/a.txt"), "en"),
    (("export", "fhir", "--patient", "{P}", "--out", "/nonexistent/dir/a.json"), "fr"),
    (("gdpr", "stats", "--out", "/nonexistent/dir/s.csv"), "nl"),
    (("gdpr", "register", "--out", OUT + "/r.exe"), "en"),
    (("handout", "--patient", "{P}", "--out", "/nonexistent/dir/h.pdf"), "fr"),
    (("medication", "review-letter", "--patient", "{P}", "--to", "gp", "--out",
      OUT + "/m.pdf"), "nl"),
    (("medication", "review-letter", "--patient", "{P}", "--to", "pharmacist", "--out",
      OUT + "/m.pdf"), "fr"),
    (("medication", "review-letter", "--patient", "{P}", "--to", "nurse", "--out",
      OUT + "/m.pdf"), "en"),
    (("medication", "review-letter", "--patient", U, "--to", "gp", "--out", OUT + "/m.pdf"),
     "fr"),
    (("medication", "review-letter", "--patient", "{P}", "--to", "gp", "--lang", "de",
      "--out", OUT + "/m.pdf"), "nl"),
    (("medication", "review-letter", "--patient", "{P}", "--to", "gp", "--out",
      "/nonexistent/dir/m.pdf"), "en"),
    # a folder that exists but takes no new file (/proc): the write itself fails
    (("export", "fhir", "--patient", "{P}", "--out", "/proc/a.json"), "fr"),
    (("export", "pdf", "--patient", "{P}", "--out", "/proc/a.pdf"), "nl"),
    (("gdpr", "register", "--out", "/proc/r.md"), "en"),
    (("gdpr", "stats", "--out", "/proc/s.csv"), "fr"),
    (("gdpr", "extract", "--out", "/proc/x.csv"), "nl"),
    (("ecomap", "--patient", "{P}"), "en"),
    (("ecomap", "--patient", "{P}", "--out", OUT + "/e.gif"), "nl"),
    (("case", "show"), "fr"),
    (("sync",), "en"),
    (("enroll", "--server", "not a url", "--user", "anne"), "fr"),
    (("enroll", "--server", "http://relais.example.org", "--user", "anne"), "en"),
    (("enroll", "--server", "https://relais.example.org", "--user", "anne", "--fingerprint",
      "zz"), "nl"),
]

# searches take any text: FTS syntax must neither fail nor match everything
SEARCHES = ['"', "a OR b NEAR( *", "^*", "NOT", "*", "x" * 10_000, "Lejeune AND", "col:val",
            "'; DROP TABLE patient; --", "\\", "%", "_"]

assert len(CASES) >= 150, len(CASES)


def _check(res: Any, lang: str) -> None:
    err = res.err
    assert res.code in (1, 2), (res.code, err, res.out[:200])
    lines = err.strip().splitlines()
    assert len(lines) == 1 and err.strip(), err
    assert "Traceback" not in err and "Unexpected" not in err
    assert catalog(lang)["cli.unexpected_error"].split(":")[0] not in err
    error = json.loads(res.out)["error"]  # --json: the same error on stdout
    assert error["message"] == lines[0]
    assert error["code"] in catalog(lang), error  # translated, not a fallback


@pytest.mark.parametrize(("args", "lang"), CASES, ids=[f"{i:03d}-{' '.join(a)[:40]}"
                                                       for i, (a, _) in enumerate(CASES)])
def test_bad_input(world: World, args: tuple[str, ...], lang: str) -> None:
    argv = [world.fill(a) for a in args]
    res = run_cli(*argv, "--json", vault=world.vault,
                  env={"RELAIS_LANG": lang, "RELAIS_SERVER_PASSWORD": "demo-password"})
    _check(res, lang)
    assert _dump(world.vault) == world.baseline
    assert not list((world.root / "out").iterdir())


@pytest.mark.parametrize("query", SEARCHES)
def test_search_syntax_is_plain_text(world: World, query: str) -> None:
    res = run_cli("patient", "list", "--search", query, "--json", vault=world.vault)
    assert res.code == 0 and res.err == ""
    assert json.loads(res.out)["patients"] == []
    res = run_cli("contact", "list", "--search", query, "--json", vault=world.vault)
    assert res.code == 0 and res.err == ""


def _damage_envelope(kdf: dict[str, Any]) -> Any:
    def damage(folder: Path) -> None:
        env = json.loads((folder / "vault.json").read_text())
        env["slots"]["passphrase"]["kdf"].update(kdf)
        (folder / "vault.json").write_text(json.dumps(env))
    return damage


DAMAGES: list[tuple[str, Any, dict[str, str | None], str]] = [
    ("envelope-garbage", lambda f: (f / "vault.json").write_bytes(b"\x00garbage"), {}, "en"),
    ("envelope-empty", lambda f: (f / "vault.json").write_bytes(b""), {}, "fr"),
    ("envelope-not-object", lambda f: (f / "vault.json").write_text("[1]"), {}, "nl"),
    ("envelope-deep", lambda f: (f / "vault.json").write_text("[" * 50_000 + "]" * 50_000), {},
     "en"),
    ("envelope-no-slots", lambda f: (f / "vault.json").write_text('{"format": "relais-vault"}'),
     {}, "fr"),
    ("kdf-lanes-0", _damage_envelope({"lanes": 0}), {}, "en"),
    ("kdf-memory-huge", _damage_envelope({"memory_kib": 2**40}), {}, "nl"),
    ("kdf-iterations-text", _damage_envelope({"iterations": "many"}), {}, "fr"),
    ("db-truncated", lambda f: (f / "relais.db").write_bytes((f / "relais.db").read_bytes()[:5000]),
     {}, "en"),
    ("db-random", lambda f: (f / "relais.db").write_bytes(os.urandom(65536)), {}, "nl"),
    ("db-missing", lambda f: (f / "relais.db").unlink(), {}, "fr"),
    ("db-is-folder", lambda f: ((f / "relais.db").unlink(), (f / "relais.db").mkdir()), {}, "en"),
    ("wrong-passphrase", lambda f: None, {"RELAIS_PASSPHRASE": "not the passphrase"}, "fr"),
    ("empty-passphrase", lambda f: None, {"RELAIS_PASSPHRASE": ""}, "nl"),
    ("no-passphrase", lambda f: None, {"RELAIS_PASSPHRASE": None}, "en"),
]


@pytest.mark.parametrize(("name", "damage", "env", "lang"), DAMAGES, ids=[d[0] for d in DAMAGES])
def test_damaged_vault(world: World, tmp_path: Path, name: str, damage: Any,
                       env: dict[str, str | None], lang: str) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(world.vault, folder)
    damage(folder)
    before = {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}
    for args in (("patient", "list"), ("patient", "add", "--family-name", "X", "--given-name", "Y")):
        res = run_cli(*args, "--json", vault=folder, env={"RELAIS_LANG": lang, **env})
        _check(res, lang)
    assert {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()} == before


def test_no_vault_and_a_file_for_a_vault(world: World, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    for folder, lang in ((tmp_path / "nowhere", "fr"), (tmp_path / "file", "nl")):
        res = run_cli("patient", "list", "--json", vault=folder, env={"RELAIS_LANG": lang})
        _check(res, lang)
    assert not (tmp_path / "nowhere").exists()
