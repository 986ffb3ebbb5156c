"""`python -m bench documents`: the patient's handout and the professional summary for a large
realistic plan (12 goals, 25 actions, 30 contacts with the ecomap), each next to a plain
reportlab document with the same number of pages built in the same run (ratio).

Times: `write` = the whole print (one read of the vault, layout, embedded fonts, atomic write,
audit); `render` = layout only from gathered data. Median of --runs after one warm-up run (the
first run also loads the TrueType fonts; its time is printed too). Target: handout ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from desktop.domain.care_plan import parse_schedule
from desktop.reports.handout import build_handout
from desktop.reports.summary import build_summary
from desktop.services import documents, patients
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Action, CarePlan, Contact, Goal, Relationship

TODAY = dt.date(2026, 11, 23)
KINDS = ["informal_carer", "family", "friend", "neighbour", "gp", "nurse", "pharmacist", "physio",
         "home_help", "meals", "social_worker", "cpas", "mutualite", "hospital", "specialist"]
SCHEDULES = ["lun, mer, ven 8h-9h", "mardi 14h-16h", "tous les jours 12h", "jeudi après-midi",
             "samedi 10h-11h", "2 fois par mois", "lundi au vendredi 18h-18h30", ""]


def build_vault(folder: Path, goals: int, actions: int, contacts: int) -> tuple[AppContext, str]:
    ctx, _ = AppContext.create(folder, "bench-passphrase-123", user_name="Anne Lambert",
                               today=lambda: TODAY)
    pid = patients.add_patient(ctx, patients.PatientFields(
        family_name="Vandenberghe", given_name="Léontine", birth_date=dt.date(1938, 5, 4),
        phones=["081 73 45 67"], street="Rue des Églantines", house_number="14",
        postal_code="5100", city="Jambes"))
    rng = random.Random(7)

    def run(uow: UnitOfWork) -> None:
        ids = []
        for i in range(contacts):
            kind = KINDS[i % len(KINDS)]
            c = uow.add(Contact, kind=kind, family_name=f"Dufrasne{i}", given_name="Marie-Hélène",
                        phones=[f"+32475{100000 + i:06d}"])
            uow.add(Relationship, patient_id=pid, contact_id=c.id, role=None,
                    strength=rng.choice(["strong", "moderate", "tenuous"]),
                    quality=rng.choice(["supportive", "neutral", "stressful"]),
                    energy_flow="to_patient", is_gp=kind == "gp")
            ids.append(c.id)
        plan = uow.add(CarePlan, patient_id=pid, version=1, status="agreed",
                       life_project="Rester chez moi, près de mon jardin et de mes voisins",
                       what_matters="Voir mes petits-enfants le dimanche",
                       expectations="Qu'on m'aide pour la toilette et les papiers",
                       to_avoid="Aller en maison de repos", review_date=dt.date(2027, 2, 15),
                       agreed_on=TODAY, agreed_with="la patiente et sa fille")
        goal_ids = [uow.add(Goal, plan_id=plan.id, patient_id=pid, position=g + 1,
                            text=f"Objectif n° {g + 1} : garder mon autonomie à la maison, "
                                 "avec l'aide de mes proches", status="active").id
                    for g in range(goals)]
        for a in range(actions):
            uow.add(Action, goal_id=goal_ids[a % goals], plan_id=plan.id, patient_id=pid,
                    what=f"Action n° {a + 1} : aide à la toilette et préparation du repas",
                    responsible_kind="contact", responsible_contact_id=ids[a % contacts],
                    schedule=parse_schedule(SCHEDULES[a % len(SCHEDULES)]).to_json(),
                    status="ongoing", position=a + 1)

    ctx.write(run)
    return ctx, pid


def plain_document(pages: int) -> bytes:
    """The baseline: Helvetica paragraphs filling the same number of A4 pages."""
    styles = getSampleStyleSheet()
    story: list[Flowable] = []
    for p in range(pages):
        story += [Paragraph(f"Ligne {i} de la page {p + 1}: texte ordinaire", styles["Normal"])
                  for i in range(40)]
        if p < pages - 1:
            story.append(PageBreak())
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


CPU: dict[str, float] = {}


def timed(fn: Callable[[], object], runs: int, label: str = "") -> tuple[float, float]:
    """(first run, median of the next `runs`) in wall seconds; the median CPU seconds of the
    process (all threads) go to CPU[label]: on a busy machine wall time mostly measures the
    other processes."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    CPU[label] = statistics.median(cpu)
    return first, statistics.median(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench documents")
    ap.add_argument("--goals", type=int, default=12)
    ap.add_argument("--actions", type=int, default=25)
    ap.add_argument("--contacts", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        ctx, pid = build_vault(Path(tmp) / "vault", args.goals, args.actions, args.contacts)
        try:
            out = Path(tmp) / "doc.pdf"
            rows = []
            for name, write, render in (
                ("handout", lambda: documents.write_handout(ctx, pid, out),
                 (lambda d=documents.handout_data(ctx, pid): build_handout(d))),
                ("handout large", lambda: documents.write_handout(ctx, pid, out, large=True),
                 (lambda d=documents.handout_data(ctx, pid): build_handout(d, large=True))),
                ("summary", lambda: documents.write_summary(ctx, pid, out),
                 (lambda d=documents.summary_data(ctx, pid): build_summary(d))),
            ):
                first, write_s = timed(write, args.runs, f"{name} write")
                pages = len(PdfReader(str(out)).pages)
                _, render_s = timed(render, args.runs, f"{name} render")
                _, plain_s = timed(partial(plain_document, pages), args.runs, f"{name} plain")
                rows.append((name, pages, first, write_s, render_s, plain_s))
        finally:
            ctx.lock()
    print(f"{args.goals} goals, {args.actions} actions, {args.contacts} contacts + ecomap "
          f"(median of {args.runs})")
    print(f"{'document':14} {'pages':>5} {'first':>7} {'write':>7} {'render':>7} {'plain':>7} "
          f"{'ratio':>6} {'cpu write':>9} {'cpu plain':>9} {'cpu ratio':>9}")
    for name, pages, first, write_s, render_s, plain_s in rows:
        cw, cp = CPU[f"{name} write"], CPU[f"{name} plain"]
        print(f"{name:14} {pages:5d} {first:7.3f} {write_s:7.3f} {render_s:7.3f} {plain_s:7.3f} "
              f"{write_s / plain_s:6.1f} {cw:9.3f} {cp:9.3f} {cw / cp:9.1f}")
    handout = rows[0][3]
    verdict = "OK" if handout <= 0.5 else "SLOWER THAN TARGET"
    print(f"handout write {handout:.3f} s wall, {CPU['handout write']:.3f} s CPU "
          f"(target ≤ 0.5 s): {verdict}")
    print(f"load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0
