"""`relais --self-test`: a temporary vault round trip, then a handout. Exit 0 when all is well."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """--self-test is a top-level flag; nothing to register."""


def run_self_test() -> int:
    from desktop.services import patients
    from desktop.services.context import AppContext

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    base = os.environ.get("RELAIS_SELFTEST_DIR")
    try:
        tmp = tempfile.TemporaryDirectory(prefix="relais-selftest-", dir=base)
    except OSError as exc:
        print(f"self-test: no writable temporary folder ({exc.strerror})", file=sys.stderr)
        return 1
    with tmp as folder:
        steps: list[str] = []
        try:
            # a throwaway vault deleted at the end: the cheap test KDF, passed explicitly
            ctx, _ = AppContext.create(Path(folder) / "vault", "self-test-passphrase",
                                       throwaway=True)
            steps.append("vault created")
            pid = patients.add_patient(ctx, patients.PatientFields(
                family_name="Test", given_name="Ève", niss="85.07.30-033.28",
                phones=["0470 12 34 56"], postal_code="5000", city="Namur"))
            view = patients.get_patient(ctx, pid)
            assert view.given_name == "Ève" and view.phones == ["+32470123456"]
            steps.append("patient written and read")
            ctx.lock()
            ctx = AppContext.open(Path(folder) / "vault", "self-test-passphrase", throwaway=True)
            assert patients.get_patient(ctx, pid).niss == "85073003328"
            steps.append("vault reopened")
            from desktop.services import documents

            out = Path(folder) / "handout.pdf"
            documents.write_handout(ctx, pid, out, lang="fr")
            assert out.stat().st_size > 1000
            steps.append("handout rendered")
            from desktop.i18n.dates import long_date

            # the bundle carries only these languages' locale data (installers/relais.spec)
            day = dt.date(2027, 3, 1)
            assert [long_date(day, lang) for lang in ("fr", "nl", "en")] == [
                "lundi 1 mars 2027", "maandag 1 maart 2027", "Monday 1 March 2027"]
            steps.append("dates in words")
            ctx.lock()
        except Exception as exc:
            print(f"self-test FAILED after: {', '.join(steps) or 'start'}: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            return 1
    print("self-test ok: " + ", ".join(steps))
    return 0
