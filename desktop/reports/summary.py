"""The professional summary, for a concertation meeting or the GP: identity, request, assessments
with scores and dates, needs, goals with their actions and who is responsible, the ecomap and the
next steps. Dense but scannable: label/value tables, one table of actions per goal."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from desktop.i18n import t
from desktop.reports.doc_text import DocText
from desktop.reports.document_data import DocAction, DocPlan, SummaryData
from desktop.reports.fonts import FONT, FONT_BOLD
from desktop.reports.handout import ecomap_flowable
from desktop.reports.layout import (
    ACCENT,
    ALERT,
    FRAME_W,
    LIGHT,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    Styles,
    esc,
    heading,
    make_styles,
    render_pdf,
)

SIZES = {"body": 9.5, "heading": 13.0, "title": 17.0, "phone": 10.0}


def _pairs(rows: list[tuple[str, str]], st: Styles, label_w: float = 42 * mm) -> Table:
    table = Table([[Paragraph(esc(k), st.cell_bold), Paragraph(v, st.cell)] for k, v in rows],
                  colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # tables default to Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _grid(header: list[str], rows: list[list[Any]], widths: list[float], st: Styles) -> Table:
    data: list[list[Any]] = [[Paragraph(esc(h), st.cell_bold) for h in header]]
    data += [[c if isinstance(c, Flowable) else Paragraph(esc(str(c)), st.cell) for c in r]
             for r in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # tables default to Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _who(a: DocAction, tx: DocText) -> str:
    if a.responsible_kind == "patient":
        return tx("summary.patient")
    if a.responsible_kind == "case_manager":
        return tx("summary.case_manager_short")
    role = tx.label("kind", a.role) if a.role else ""
    return f"{a.who} ({role})" if role else a.who


def _identity(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    rows = [(tx("summary.name"), f"<b>{esc(d.patient_name)}</b>")]
    if d.birth_date:
        born = tx.short_date(d.birth_date)
        if d.age is not None:
            born += f" ({tx('summary.age', age=d.age)})"
        rows.append((tx("summary.birth"), esc(born)))
    if d.niss:
        rows.append((tx("summary.niss"), esc(d.niss)))
    if d.address:
        rows.append((tx("summary.address"), esc(d.address)))
    if d.phones:
        rows.append((tx("summary.phone"), esc(", ".join(d.phones))))
    if d.gp is not None:
        gp = d.gp.name + (f" — {d.gp.phones[0]}" if d.gp.phones else "")
        rows.append((tx("summary.gp"), esc(gp)))
    if d.mutualite:
        rows.append((tx("summary.mutualite"), esc(d.mutualite)))
    if d.statuses:
        rows.append((tx("summary.statuses"),
                     esc(", ".join(tx(f"summary.status.{s}") for s in d.statuses))))
    return [*heading(tx("summary.identity"), st), _pairs(rows, st)]


def _request(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("summary.request"), st)
    c = d.case
    if c is None:
        return [*out, Paragraph(esc(tx("summary.no_case")), st.body)]
    rows = [(tx("summary.case_status"), esc(tx.label("case_status", c.status)))]
    if c.requester and c.requester_type:  # "Sa fille (proche)", not "Sa fille, un proche"
        requester = f"{c.requester} ({tx.label('requester_kind', c.requester_type)})"
    else:
        requester = c.requester or tx.label("requester", c.requester_type)
    for key, value in (("requester", requester), ("request_date", tx.short_date(c.request_date)),
                       ("reason", c.reason), ("clarified", c.clarified),
                       ("complexity", tx.label("tier", c.complexity)),
                       ("case_manager", c.case_manager)):
        if value:
            rows.append((tx(f"summary.{key}"), esc(value)))
    if c.closed_on:  # the closure: who agreed, to whom the follow-up went back
        rows.append((tx("summary.closed"), esc(tx(
            "summary.closed_value", date=tx.short_date(c.closed_on),
            reason=t(f"case.closure.{c.closure_reason}", tx.lang)))))
        if c.closure_agreed_by:
            rows.append((tx("summary.closure_agreed"), esc(", ".join(
                t(f"closure.party.{p}", tx.lang) for p in c.closure_agreed_by))))
        if c.closure_handback:
            rows.append((tx("summary.closure_handback"),
                         esc(t(f"closure.handback.{c.closure_handback}", tx.lang))))
    return [*out, _pairs(rows, st)]


def _assessments(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("summary.assessments"), st)
    if not d.assessments:
        return [*out, Paragraph(esc(tx("summary.no_assessments")), st.body)]
    rows = [[a.instrument, tx.short_date(a.on), a.result] for a in d.assessments]
    w = [55 * mm, 24 * mm]
    return [*out, _grid([tx("summary.instrument"), tx("summary.date"), tx("summary.result")],
                        rows, [*w, FRAME_W - sum(w)], st)]


def _needs(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("summary.needs"), st)
    if not d.needs:
        return [*out, Paragraph(esc(tx("summary.no_needs")), st.body)]
    rows = [[tx.label("domain", n.domain), tx.label("need", n.status), n.description]
            for n in d.needs]
    w = [45 * mm, 32 * mm]
    return [*out, _grid([tx("summary.domain"), tx("summary.need_status"),
                         tx("summary.description")], rows, [*w, FRAME_W - sum(w)], st)]


def plan_flowables(plan: DocPlan | None, st: Styles, tx: DocText, *,
                   title: str | None = None) -> list[Flowable]:
    """Goals, each with its actions (what, who, when, period): shared with the GP letter."""
    out: list[Flowable] = heading(title or tx("summary.plan"), st)
    if plan is None:
        return [*out, Paragraph(esc(tx("summary.no_plan")), st.body)]
    status = tx.label("plan_status", plan.status)
    if plan.agreed_on:
        status = tx("summary.plan_agreed", date=tx.short_date(plan.agreed_on),
                    who=tx.agreed_with(plan.agreed_parties, plan.agreed_with))
    state = tx("summary.plan_version", version=plan.version, status=status)
    out.append(Paragraph(esc(state), st.small))
    for key, text in (("what_matters", plan.what_matters), ("life_project", plan.life_project),
                      ("expectations", plan.expectations), ("to_avoid", plan.to_avoid)):
        if text.strip():
            out.append(Paragraph(f"<b>{esc(tx(f'handout.{key}'))}</b> — {esc(text)}", st.body))
    w = [62 * mm, 45 * mm, 36 * mm]
    for i, g in enumerate(plan.goals, 1):
        meta = [tx.label("domain", g.domain)] if g.domain else []
        if g.target_date:
            meta.append(tx.short_date(g.target_date))
        if g.status != "active":
            meta.append(tx.label("goal_status", g.status))
        line = f"{tx('summary.goal')} {i}. {esc(g.text)}"
        if meta:
            size = f"{st.body_size * 0.9:.1f}"
            line += f" <font color='#555555' size='{size}'>({esc(' · '.join(meta))})</font>"
        block: list[Flowable] = [Paragraph(line, st.h2)]
        if g.actions:
            rows = [[a.what, _who(a, tx), tx.schedule(a.schedule, a.when),
                     tx.period(a.start_date, a.end_date) +
                     ("" if a.status == "planned" else f" ({tx.label('action_status', a.status)})")]
                    for a in g.actions]
            block.append(_grid([tx("summary.action"), tx("summary.who"), tx("summary.when"),
                                tx("summary.period")], rows, [*w, FRAME_W - sum(w)], st))
        else:
            block.append(Paragraph(esc(tx("summary.no_actions")), st.small))
        out.append(KeepTogether(block))
    return out


def _network(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("summary.ecomap"), st)
    drawing = ecomap_flowable(d.ecomap, tx.lang, max_h=105 * mm, crop=True)
    if drawing is not None:
        out.append(drawing)
    if d.contacts:
        rows = [[c.name, tx.label("kind", c.role or c.kind), ", ".join(c.phones)]
                for c in d.contacts]
        w = [70 * mm, 55 * mm]
        out.append(_grid([tx("summary.network"), tx("summary.role"), tx("summary.phone")], rows,
                         [*w, FRAME_W - sum(w)], st))
    out += _ties(d, st, tx)
    return out


def _ties(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    """The case manager's reading of each tie (strength, quality, flow) and their note: for
    professionals only, never on the patient's handout."""
    ties = getattr(d.ecomap, "ties", ()) or ()
    if not ties:
        return []
    rows = []
    for tie in ties:
        words = [t(f"ecosystem.strength.{tie.strength}", tx.lang),
                 t(f"ecosystem.quality.{tie.quality}", tx.lang)]
        if tie.energy_flow != "none":
            words.append(t(f"ecosystem.flow.{tie.energy_flow}", tx.lang))
        rows.append([tie.label, ", ".join(words), tie.note or ""])
    w = [50 * mm, 62 * mm]
    return [CondPageBreak(st.body_size * 8), Paragraph(esc(tx("summary.ties")), st.h2),
            _grid([tx("summary.network"), tx("summary.tie"), tx("summary.tie_note")], rows,
                  [*w, FRAME_W - sum(w)], st)]


def _medication(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    """The medication list, where each line comes from, when it was checked, reviews asked."""
    out: list[Flowable] = heading(tx("medication.title"), st)
    if not d.medication:
        return [*out, Paragraph(esc(tx("medication.none")), st.body)]
    rows = []
    for m in d.medication:
        checked = ""
        if m.checked_on:
            checked = tx.short_date(m.checked_on)
            if m.source:
                checked += f" ({tx.label('medication.source', m.source)})"
        if m.review_to:
            checked += " · " + tx("medication.review", who=tx.label("medication.reviewer",
                                                                     m.review_to),
                                   date=tx.short_date(m.review_on))
        rows.append([m.name, m.dose, m.schedule, m.prescriber, checked.strip()])
    w = [45 * mm, 24 * mm, 30 * mm, 32 * mm]
    return [*out, _grid([tx("medication.name"), tx("medication.dose"),
                         tx("medication.schedule"), tx("medication.prescriber"),
                         tx("medication.checked")], rows, [*w, FRAME_W - sum(w)], st)]


def _next_steps(d: SummaryData, st: Styles, tx: DocText) -> list[Flowable]:
    items: list[str] = []
    if d.plan is not None and d.plan.review_date:
        items.append(tx("summary.review", date=tx.short_date(d.plan.review_date)))
    for when in d.planned_visits:
        items.append(tx("summary.visit", date=tx.datetime(when)))
    for due in d.pending_gp_letters:
        items.append(tx("summary.gp_letter", date=tx.short_date(due)))
    if d.last_concertation is not None:
        on, ref = d.last_concertation
        items.append(tx("summary.concertation", date=tx.short_date(on), who=ref or "—"))
    out: list[Flowable] = heading(tx("summary.next_steps"), st)
    if not items:
        return [*out, Paragraph(esc(tx("summary.nothing_next")), st.body)]
    return [*out, *(Paragraph("• " + esc(i), st.body) for i in items)]


def build_summary(d: SummaryData, *, lang: str = "fr") -> bytes:
    tx = DocText(lang)
    st = make_styles(**SIZES)
    story: list[Flowable] = [
        Paragraph(esc(tx("summary.title")), st.title),
        Paragraph(esc(d.patient_name), st.subtitle),
        Paragraph(esc(tx("summary.printed", date=tx.short_date(d.printed_on), who=d.printed_by)
                      if d.printed_by.strip() else
                      tx("summary.printed_on", date=tx.short_date(d.printed_on))), st.small),
    ]
    story += _identity(d, st, tx)
    story += _request(d, st, tx)
    story += _assessments(d, st, tx)
    story += _needs(d, st, tx)
    story += _medication(d, st, tx)
    story += plan_flowables(d.plan, st, tx)
    story += _network(d, st, tx)
    story += _next_steps(d, st, tx)
    who = d.patient_name + (f" — {tx.short_date(d.birth_date)}" if d.birth_date else "")
    confidential = tx("summary.confidential")

    def decorate(canvas: Canvas, page: int) -> None:
        # every page names the patient (pages get separated) and says it is confidential
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, PAGE_H - MARGIN + 4 * mm, who)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN + 4 * mm, tx("summary.title"))
        canvas.setStrokeColor(ACCENT)
        rule_y = PAGE_H - MARGIN + 2.5 * mm
        canvas.line(MARGIN, rule_y, PAGE_W - MARGIN, rule_y)
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(ALERT)
        canvas.drawString(MARGIN, MARGIN, confidential)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN, tx("summary.page", page=page))

    return render_pdf(story, title=tx("summary.title"), author=d.printed_by, lang=tx.lang,
                      decorate=decorate, top=MARGIN + 4 * mm)
