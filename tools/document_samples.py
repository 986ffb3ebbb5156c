"""Sample pages of a Dutch and a French handout, from a demo vault, for review.

    python -m tools.document_samples [--out docs/samples]

Writes handout-nl-1.png, handout-nl-2.png, handout-fr-1.png and handout-fr-2.png (pdftoppm,
100 dpi). The vault lives in a temporary folder and is deleted afterwards; the demo data is
synthetic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import tempfile
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import demo
from desktop.services import documents
from desktop.services.context import AppContext
from desktop.storage.models import CarePlan, Patient

TODAY = dt.date(2026, 11, 23)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/samples")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="relais-samples-") as tmp:
        ctx, _ = AppContext.create(Path(tmp) / "vault", "samples-passphrase-1",
                                   user_name="Anne Lambert", today=lambda: TODAY)
        try:
            demo.generate(ctx, 16, seed=7)
            ctx.set_setting("case_manager_phone", "+3281223344")

            def pick(s: Session, lang: str) -> str:
                planned = set(s.execute(select(CarePlan.patient_id)).scalars())
                return next(p.id for p in s.execute(
                    select(Patient).order_by(Patient.family_name)).scalars()
                    if (p.languages or ["fr"])[0] == lang and p.id in planned)

            for lang in ("nl", "fr"):
                pid = ctx.read(partial(pick, lang=lang))
                pdf = Path(tmp) / f"handout-{lang}.pdf"
                pdf.write_bytes(documents.render_handout(ctx, pid, lang=lang))
                subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "2",
                                str(pdf), str(Path(tmp) / f"handout-{lang}")], check=True)
                for n in (1, 2):
                    page = next(Path(tmp).glob(f"handout-{lang}-*{n}.png"))
                    shutil.copyfile(page, out / f"handout-{lang}-{n}.png")
                    print(out / f"handout-{lang}-{n}.png")
        finally:
            ctx.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
