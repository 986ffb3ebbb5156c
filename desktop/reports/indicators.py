"""The indicators in words and charts (issue 20): the rows shown by `relais indicators`, the
Indicateurs page and its PDF; the charts as one matplotlib Figure that the page draws on screen
(QtAgg canvas) and the PDF embeds as an image (Agg). Aggregate figures only: no name, no id.

matplotlib is imported inside the functions that draw, so launching the app or the CLI does not
pay for it."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.domain.indicators import ATTAINMENT_SCORES, BURDEN_INSTRUMENTS, Indicators
from desktop.domain.triage import LEVELS
from desktop.i18n import t, tn

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

__all__ = ["Section", "Titles", "chart_figure", "fmt_date", "fmt_number", "pdf_bytes", "sections", "text_report"]

# colour-blind safe (Okabe-Ito)
BLUE, ORANGE, GREEN, GREY, VERMILION = "#0072B2", "#E69F00", "#009E73", "#999999", "#D55E00"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: tuple[tuple[str, str], ...]


def fmt_number(value: float | int | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return t("ind.none", lang)
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def fmt_date(day: object, lang: str) -> str:
    import datetime as dt

    assert isinstance(day, dt.date)
    return day.isoformat() if lang == "en" else f"{day:%d/%m/%Y}"


def wrap(text: str, width: int = 18) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def level_label(code: str, lang: str) -> str:
    return t(f"triage.level.{code}", lang) if code in LEVELS else t("ind.unknown", lang)


@dataclass(frozen=True)
class Titles:
    """The titles of the codes the indicators name, in the report's language: the needs
    checklist's sections and the burden instruments. The services read them from the instrument
    catalog (desktop.services.indicators.titles); a code without a title shows as itself."""

    needs: Mapping[str, str] = field(default_factory=dict)
    instruments: Mapping[str, str] = field(default_factory=dict)


def sections(ind: Indicators, lang: str, titles: Titles) -> list[Section]:
    """The indicators as labelled rows, grouped as on the page and in the PDF."""
    n: Callable[[float | int | None], str] = lambda v: fmt_number(v, lang)  # noqa: E731
    dash = t("ind.none", lang)
    access = [
        (t("ind.requests_received", lang), n(ind.requests_received)),
        ("  " + t("ind.requests_accepted", lang), n(ind.requests_accepted)),
        ("  " + t("ind.requests_redirected", lang), n(ind.requests_redirected)),
        ("  " + t("ind.requests_waiting", lang), n(ind.requests_waiting)),
        ("  " + t("ind.requests_undecided", lang), n(ind.requests_undecided)),
        (t("ind.first_contact", lang), n(ind.first_contact_median_days)),
        (t("ind.first_contact_mean", lang), n(ind.first_contact_mean_days)),
    ]
    caseload = [(t("ind.active_cases", lang), n(ind.active_cases))]
    caseload += [(t("ind.caseload_manager", lang, name=name or t("ind.unknown", lang)), n(k))
                 for name, k in ind.caseload_by_manager.items()]
    caseload += [("  " + t("ind.level", lang, level=level_label(code, lang)), n(k))
                 for code, k in ind.caseload_by_tier.items()]
    caseload += [(t("ind.episodes_closed", lang), n(ind.episodes_closed)),
                 (t("ind.episode_median", lang), n(ind.episode_median_days))]
    care = [
        (t("ind.patients_followed", lang), n(ind.patients_followed)),
        (t("ind.admissions_before", lang), fmt_number(ind.admissions_per_py_before, lang, 2)),
        (t("ind.admissions_since", lang), fmt_number(ind.admissions_per_py_since, lang, 2)),
        (t("ind.emergency_before", lang), fmt_number(ind.emergency_per_py_before, lang, 2)),
        (t("ind.emergency_since", lang), fmt_number(ind.emergency_per_py_since, lang, 2)),
        (t("ind.readmissions", lang),
         tn("ind.readmissions_value", ind.admissions_in_period, lang,
            readmitted=ind.readmissions_30d)),
    ]
    stability = [(t("ind.stability_events", lang), n(ind.stability_events))]
    stability += [("  " + t(f"event.kind.{kind}", lang), n(k))
                  for kind, k in ind.stability_by_kind.items()]
    stability.append((t("ind.stability_rate", lang),
                      fmt_number(ind.stability_per_patient_month, lang, 2)))
    goals = [(t("ind.goals_set", lang), n(ind.goals_set)),
             (t("ind.goals_reviewed", lang), n(ind.goals_reviewed)),
             (t("ind.goals_attained", lang), n(ind.goals_attained)),
             (t("ind.attainment_mean", lang), fmt_number(ind.attainment_mean, lang, 2))]
    needs = [(t("ind.need_town", lang, need=titles.needs.get(need, need),
                town=town or t("ind.unknown", lang)), n(k))
             for need, towns in ind.uncovered_needs.items() for town, k in towns.items()]
    if not needs:
        needs = [(t("ind.needs_none", lang), dash)]
    quality = [
        (t("ind.reviews_due", lang), n(ind.reviews_due)),
        ("  " + t("ind.reviews_on_time", lang), n(ind.reviews_on_time)),
        ("  " + t("ind.reviews_late", lang), n(ind.reviews_late)),
        ("  " + t("ind.reviews_missing", lang), n(ind.reviews_missing)),
        (t("ind.experience_count", lang), n(ind.experience_count)),
        (t("ind.experience", lang), n(ind.experience_mean)),
    ]
    for inst in BURDEN_INSTRUMENTS:
        if inst in ind.burden:
            b = ind.burden[inst]
            quality.append((tn("ind.burden", int(b["count"]), lang,
                               instrument=titles.instruments.get(inst, inst)), n(b["mean"])))
    return [Section(key, t(f"ind.section.{key}", lang), tuple(rows)) for key, rows in (
        ("access", access), ("caseload", caseload), ("care_use", care),
        ("stability", stability), ("goals", goals), ("needs", needs), ("quality", quality))]


def text_report(ind: Indicators, lang: str, titles: Titles) -> str:
    """Plain text for the command line."""
    lines = [t("ind.title", lang),
             t("ind.period", lang, start=fmt_date(ind.start, lang), end=fmt_date(ind.end, lang))]
    for sec in sections(ind, lang, titles):
        lines.append("")
        lines.append(sec.title)
        width = max(len(label) for label, _ in sec.rows)
        lines += [f"  {label.ljust(width)}  {value}" for label, value in sec.rows]
    return "\n".join(lines)


def chart_figure(ind: Indicators, lang: str, *, width_in: float = 7.0,
                 height_in: float = 5.0, figure: Figure | None = None) -> Figure:
    """Four charts on one Figure: requests and their outcome, care use before and since
    inclusion, levels of the active cases, goal attainment. Draws on `figure` when given (the
    screen's canvas), else on a new Figure (the PDF)."""
    from matplotlib.figure import Figure

    fig = figure if figure is not None else Figure(figsize=(width_in, height_in), dpi=100)
    fig.clear()
    axes = fig.subplots(2, 2)
    small = 8

    def style(ax: Axes, title: str) -> None:
        ax.set_title(wrap(title, 32), fontsize=small + 1, loc="left")  # whole in a narrow window
        ax.tick_params(labelsize=small)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    def bar_labels(ax: Axes, bars: BarContainer) -> None:
        ax.bar_label(bars, labels=[fmt_number(b.get_height(), lang, 2) for b in bars],
                     fontsize=small - 1, padding=1)

    # 1. requests
    ax = axes[0][0]
    keys = ("accepted", "redirected", "waiting", "undecided")
    values = [ind.requests_accepted, ind.requests_redirected, ind.requests_waiting,
              ind.requests_undecided]
    bars = ax.barh([wrap(t(f"ind.requests_{k}", lang)) for k in keys], values,
                   color=[GREEN, ORANGE, BLUE, GREY])
    ax.bar_label(bars, fontsize=small - 1, padding=1)
    ax.invert_yaxis()
    style(ax, f"{t('ind.chart.requests', lang)} ({ind.requests_received})")
    # 2. care use per patient-year, before and since inclusion
    ax = axes[0][1]
    groups = [t("ind.chart.admissions", lang), t("ind.chart.emergency", lang)]
    before = [ind.admissions_per_py_before or 0.0, ind.emergency_per_py_before or 0.0]
    since = [ind.admissions_per_py_since or 0.0, ind.emergency_per_py_since or 0.0]
    xs = range(len(groups))
    b1 = ax.bar([x - 0.2 for x in xs], before, 0.4, color=GREY, label=t("ind.chart.before", lang))
    b2 = ax.bar([x + 0.2 for x in xs], since, 0.4, color=BLUE, label=t("ind.chart.since", lang))
    bar_labels(ax, b1)
    bar_labels(ax, b2)
    ax.set_xticks(list(xs), groups)
    # in the headroom left above the tallest bar (limits below), inside the axes: in the upper
    # left corner it covered whichever bar was tallest there, and its value
    ax.legend(fontsize=small - 1, frameon=False, loc="upper right")
    style(ax, t("ind.chart.care_use", lang))
    # 3. levels of the active cases
    ax = axes[1][0]
    tiers = list(ind.caseload_by_tier.items()) or [("", 0)]
    bars = ax.barh([wrap(level_label(k, lang)) for k, _ in tiers], [v for _, v in tiers],
                   color=BLUE)
    ax.bar_label(bars, fontsize=small - 1, padding=1)
    ax.invert_yaxis()
    style(ax, f"{t('ind.chart.levels', lang)} ({ind.active_cases})")
    # 4. goal attainment
    ax = axes[1][1]
    labels = [f"{s:+d}" if s else "0" for s in ATTAINMENT_SCORES]
    counts = [ind.attainment_counts.get(k, 0) for k in labels]
    bars = ax.bar(labels, counts, color=[VERMILION, ORANGE, GREEN, GREEN, GREEN])
    ax.bar_label(bars, fontsize=small - 1, padding=1)
    style(ax, f"{t('ind.chart.attainment', lang)} ({ind.goals_reviewed})")
    # headroom above the tallest bar for its value and, on care use, the legend's row (set as
    # limits: margins do nothing once a limit is fixed)
    for a, share in ((axes[0][1], 0.5), (axes[1][1], 0.2)):
        top = max((float(p.get_height()) for p in a.patches), default=0.0)
        a.set_ylim(0, top * (1 + share) if top > 0 else 1)
    for a in (axes[0][0], axes[1][0]):  # from 0, room for the values; 0 to 1 when all are 0
        right = max((float(p.get_width()) for p in a.patches), default=0.0)
        a.set_xlim(0, right * 1.25 if right > 0 else 1)
    from matplotlib.ticker import MaxNLocator

    for a in (axes[0][0], axes[1][0]):
        a.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[1][1].yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.set_layout_engine("constrained")  # follows the canvas when the window is resized
    return fig


def chart_png(ind: Indicators, lang: str, *, dpi: int = 200) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = chart_figure(ind, lang, width_in=7.2, height_in=5.2)
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def pdf_bytes(ind: Indicators, lang: str, titles: Titles, *, author: str = "") -> bytes:
    """The page as an A4 PDF: title, period, the charts, then every indicator in a table."""
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Flowable,
        Image,
        KeepTogether,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.reports.layout import (
        FRAME_W,
        LIGHT,
        RULE,
        esc,
        heading,
        make_styles,
        render_pdf,
    )

    st = make_styles(9.5, heading=12, title=16, phone=10)
    title = t("ind.title", lang)
    story: list[Flowable] = [
        Paragraph(esc(title), st.title),
        Paragraph(esc(t("ind.period", lang, start=fmt_date(ind.start, lang),
                        end=fmt_date(ind.end, lang))), st.subtitle),
    ]
    png = chart_png(ind, lang)
    story += [Image(io.BytesIO(png), width=FRAME_W, height=FRAME_W * 5.2 / 7.2), Spacer(1, 4 * mm)]
    for sec in sections(ind, lang, titles):
        rows = [[Paragraph(esc(label.strip()), st.cell if not label.startswith("  ")
                           else st.small), Paragraph(esc(value), st.cell_bold)]
                for label, value in sec.rows]
        table = Table(rows, colWidths=[FRAME_W * 0.78, FRAME_W * 0.22])
        table.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [None, LIGHT]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        story.append(KeepTogether([*heading(sec.title, st), table]))
    story += [Spacer(1, 5 * mm), Paragraph(esc(t("ind.pdf.footer", lang)), st.small)]
    return render_pdf(story, title=title, author=author, lang=lang)
