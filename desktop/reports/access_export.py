"""The data access export (GDPR art. 15): everything the vault holds about one patient, readable,
with record ids, in the patient's language. Built with reportlab, fonts embedded, A4.

Input is plain data (see `desktop.services.patient_data.PatientRecord`); nothing here touches the
vault, so the caller audits the export once.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.domain.care_plan import Schedule, decode_agreement
from desktop.domain.instruments import Definition, Item, text_in
from desktop.i18n import catalog, t
from desktop.i18n.agreement import agreed_with_text
from desktop.i18n.punctuation import colon_mark
from desktop.reports.doc_text import DocText

# Columns left out: sync bookkeeping, the owner link, and internals that say nothing about the
# patient (the ecomap's layout, list order, ids linking plan or assessment versions or a merged
# duplicate contact, the server team holding the record). A column with a date, a name or a fact
# about the patient is never listed here.
SKIP_FIELDS = frozenset({
    "updated_hlc", "server_version", "patient_id", "owner_patient_id",
    "pos_x", "pos_y", "position", "supersedes_id", "merged_into_id", "team_id",
})

# Coded values whose words the catalogs already hold: (table, column) → message prefix
# (`<prefix>.<code>`). A code without a message is printed as it is.
VALUE_CODES: dict[tuple[str, str], str] = {
    ("patient", "gender"): "gdpr.value.gender",
    ("patient", "languages"): "gdpr.value.lang",
    ("contact", "kind"): "ecosystem.kind",
    ("contact", "handout_agreement"): "consent.decision",
    ("contact", "handout_agreement_method"): "consent.method",
    ("case_record", "status"): "doc.case_status",
    ("case_record", "requester_type"): "doc.requester",
    ("case_record", "complexity_tier"): "doc.tier",
    ("case_record", "tier_suggested"): "doc.tier",
    ("case_record", "closure_reason"): "case.closure",
    ("case_record", "crisis_triggers"): "triage.crisis",
    ("case_record", "closure_agreed_by"): "closure.party",
    ("case_record", "closure_handback"): "closure.handback",
    ("case_status_change", "from_status"): "doc.case_status",
    ("case_status_change", "to_status"): "doc.case_status",
    ("visit", "kind"): "visit.kind",
    ("visit", "status"): "visit.status",
    ("hospital_stay", "kind"): "transition.kind",
    ("stability_event", "kind"): "event.kind",
    ("paperwork", "kind"): "paperwork.kind",
    ("paperwork", "status"): "paperwork.status",
    ("medication", "source"): "medication.source",
    ("medication", "review_requested_to"): "medication.reviewer",
    ("carer_assessment", "burden"): "carer.burden",
    ("carer_assessment", "respite"): "carer.respite",
    ("relationship", "strength"): "ecosystem.strength",
    ("relationship", "quality"): "ecosystem.quality",
    ("relationship", "energy_flow"): "ecosystem.flow",
    ("care_plan", "status"): "doc.plan_status",
    ("goal", "domain"): "doc.domain",
    ("goal", "needs"): "doc.domain",  # a need is named by its domain (care_plans.need_suggestions)
    ("assessment_response", "status"): "assessment",  # assessment.draft | assessment.completed
    ("goal", "status"): "doc.goal_status",
    ("plan_action", "status"): "doc.action_status",
    ("plan_action", "responsible_kind"): "gdpr.value.responsible",
    ("concertation", "funder"): "concertation.funder",
    ("consent_event", "purpose"): "consent.purpose",
    ("consent_event", "decision"): "consent.decision",
    ("consent_event", "method"): "consent.method",
    ("gp_feedback", "status"): "gdpr.value.gp_feedback",
    ("attachment", "purpose"): "fhir.attachment",  # the words the FHIR export uses too
}

# Columns that point to a contact (printed as its name) or to another of the patient's records
# (printed as its section, its number there and a few words of it): `reference_names`
CONTACT_COLUMNS = ("contact_id", "responsible_contact_id", "gp_contact_id",
                   "requester_contact_id", "reference_contact_id", "hospital_contact_id",
                   "redirected_to_contact_id", "prescriber_id")
RECORD_COLUMNS = ("case_id", "plan_id", "goal_id", "visit_id", "corrects_note_id",
                  "on_hold_stay_id")
REFERENCE_COLUMNS = frozenset((*CONTACT_COLUMNS, *RECORD_COLUMNS))
SELF = "\0patient"  # the key of the patient's own name among them (never a record's id)
# what names a record pointed to, the first that has a value
REFERENCE_WORDS = {"goal": ("text",), "care_plan": ("agreed_on", "created_at"),
                   "case_record": ("opened_on", "request_date"),
                   "visit": ("actual_start", "planned_start"), "note": ("written_at",),
                   "hospital_stay": ("hospital", "admitted_on")}


# Coded values inside a column that holds a dict, or a list of dicts: (table, column) →
# {key: message prefixes, the first that has the code wins}
DICT_VALUE_CODES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("assessment_response", "decision"): {"suggested": ("doc.tier",), "tier": ("doc.tier",)},
    ("concertation", "decisions"): {"responsible_kind": ("gdpr.value.responsible",)},
}

# A concertation participant's kind: a contact's, or the patient themselves
PARTICIPANT_KINDS = ("ecosystem.kind", "gdpr.value.participant")

# Room a heading over a table needs below it (its header and a few rows), else a new page
HEADING_ROOM = 30 * mm

# Keys inside those dicts that only link records (a decision's plan action)
DICT_BOOKKEEPING = frozenset({"action_id"})

# An assessment's coded columns, read through the definition of the instrument it names
INSTRUMENT_COLUMNS = frozenset({"instrument_id", "answers", "scores", "options"})


class _Record(Protocol):
    @property
    def patient(self) -> dict[str, Any]: ...
    @property
    def tables(self) -> dict[str, list[dict[str, Any]]]: ...
    @property
    def owned_contacts(self) -> list[dict[str, Any]]: ...
    @property
    def linked_contacts(self) -> list[dict[str, Any]]: ...
    @property
    def audit(self) -> list[dict[str, Any]]: ...
    @property
    def drafts(self) -> list[dict[str, Any]]: ...


class _Change(Protocol):
    @property
    def table(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def old_value(self) -> Any: ...
    @property
    def new_value(self) -> Any: ...
    @property
    def changed_at(self) -> dt.datetime: ...
    @property
    def actor(self) -> str | None: ...
    def changed_by(self, lang: str | None = None) -> str: ...


def _fonts() -> tuple[str, str]:
    """Regular and bold font names (DejaVu, embedded: accents and the euro sign)."""
    from desktop.reports.fonts import register_fonts

    return register_fonts()


class _Styles:
    def __init__(self) -> None:
        regular, bold = _fonts()
        self.title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20,
                                    spaceAfter=6)
        self.h1 = ParagraphStyle("h1", fontName=bold, fontSize=13, leading=16, spaceBefore=10,
                                 spaceAfter=4, textColor=colors.HexColor("#1f3b57"))
        self.h2 = ParagraphStyle("h2", fontName=bold, fontSize=10, leading=13, spaceBefore=6,
                                 spaceAfter=2)
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", fontName=regular, fontSize=8, leading=10)
        self.label = ParagraphStyle("label", fontName=bold, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=11)


def shown_columns(columns: Iterable[str]) -> list[str]:
    """The columns of a row the export prints as labelled lines (the id and the deleted flag
    have lines of their own)."""
    return [c for c in columns if c not in SKIP_FIELDS and c not in ("id", "deleted")]


def label_code(table: str | None, name: str, lang: str) -> str | None:
    """The message code of a column's label in `lang`: `gdpr.field.<table>.<name>` (a column
    whose name says something else in that table), `gdpr.field.<name>`, then the forms'
    `field.<name>`. None when the catalog of `lang` has none (tests/unit/
    test_access_export_labels.py keeps every shown column of every table labelled)."""
    texts = catalog(lang)
    for code in ((f"gdpr.field.{table}.{name}",) if table else ()) + (
            f"gdpr.field.{name}", f"field.{name}"):
        if code in texts:
            return code
    return None


def section_code(table: str, lang: str) -> str | None:
    code = f"gdpr.section.{table}"
    return code if code in catalog(lang) else None


def _label(name: str, lang: str, table: str | None = None) -> str:
    code = label_code(table, name, lang) or label_code(table, name, "en")
    return t(code, lang) if code else name.replace("_", " ").capitalize()


def _section(table: str, lang: str) -> str:
    code = section_code(table, lang) or section_code(table, "en")
    return t(code, lang) if code else table.replace("_", " ").capitalize()


def _code_text(prefix: str | tuple[str, ...], code: Any, lang: str) -> str:
    for one in (prefix,) if isinstance(prefix, str) else prefix:
        key = f"{one}.{code}"
        if isinstance(code, str) and key in catalog("en"):
            return t(key, lang)
    return _value(code, lang)


def _agreed_with(stored: Any, lang: str) -> str:
    agreement = decode_agreement(stored if isinstance(stored, str) else None)
    return agreed_with_text(agreement.parties, agreement.note, lang)


def _field_value(table: str | None, name: str, value: Any, lang: str,
                 row: Mapping[str, Any] | None = None,
                 instruments: Mapping[str, Definition] | None = None,
                 names: Mapping[str, str] | None = None) -> str:
    """A column's value as printed: codes in words where the catalogs have them. `row` is the
    record the value belongs to (an assessment's answers are read with its instrument, from
    `instruments`: the definitions the app knows, imported ones included); `names`: the words
    for the ids a column or a list of dicts refers to (contacts by their name, the patient's
    other records by their section and number: `reference_names`)."""
    if table == "care_plan" and name == "agreed_with":
        return _agreed_with(value, lang)
    if table == "assessment_response" and name in INSTRUMENT_COLUMNS:
        instrument_id = (row or {}).get("instrument_id")
        defn = (instruments or {}).get(str(instrument_id)) if instrument_id else None
        return _assessment_value(name, value, defn, lang)
    if table == "ecomap_snapshot" and name == "data" and isinstance(value, dict):
        return _snapshot_text(value, lang)
    if name == "schedule" and isinstance(value, dict):
        # its days and hours in the reader's language; what was typed when it names neither
        return DocText(lang).schedule(Schedule.from_json(value))
    if name in REFERENCE_COLUMNS and isinstance(value, str) and value in (names or {}):
        return (names or {})[value]
    if table == "concertation" and name == "participants" and isinstance(value, list):
        return "\n".join(_participant(p, lang, names) for p in value)
    inner = DICT_VALUE_CODES.get((table or "", name))
    if inner is not None:
        def words(d: Any) -> Any:
            if not isinstance(d, dict):
                return d
            out = {}
            for k, v in d.items():
                if k in DICT_BOOKKEEPING:
                    continue
                if k == "contact_id" and isinstance(v, str):
                    v = (names or {}).get(v) or v
                elif k in inner and isinstance(v, str) and v:
                    v = _code_text(inner[k], v, lang)
                out[k] = v
            return out
        value = [words(v) for v in value] if isinstance(value, list) else words(value)
    prefix = VALUE_CODES.get((table or "", name))
    if prefix is not None and value not in (None, "", []):
        if isinstance(value, list):
            return "; ".join(_code_text(prefix, v, lang) for v in value)
        return _code_text(prefix, value, lang)
    return _value(value, lang)


def _participant(p: Any, lang: str, names: Mapping[str, str] | None) -> str:
    """One person at a concertation on one line: "Guy Renard — Médecin généraliste, médecin
    traitant du patient": their kind in words, the role typed for them where it says more,
    and that they are the patient's GP only when they are."""
    if not isinstance(p, dict):
        return _value(p, lang)
    names = names or {}
    who = str(p.get("name") or names.get(str(p.get("contact_id")))
              or (names.get(SELF) if p.get("kind") == "patient" else "") or "")
    kind = _code_text(PARTICIPANT_KINDS, p.get("kind"), lang) if p.get("kind") else ""
    role = str(p.get("role") or "").strip()
    gp = t("gdpr.participant.patients_gp", lang) if p.get("is_gp") else ""
    about: list[str] = []
    for word in (kind, role, gp):  # a word the ones before it say already is left out
        if word and not any(word.casefold() in said.casefold() for said in about):
            about.append(word)
    return f"{who} — {', '.join(about)}" if about and who else who or ", ".join(about)


def _value(value: Any, lang: str) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return t("gdpr.yes" if value else "gdpr.no", lang)
    if isinstance(value, dict):  # keys are column-like names: labelled where a label exists
        return "; ".join(f"{_dict_key(str(k), lang)}{colon_mark(lang)}{_value(v, lang)}"
                         for k, v in value.items() if _value(v, lang))
    if isinstance(value, list):  # a list of dicts (people, decisions): one line each
        return ("\n" if any(isinstance(v, dict) for v in value) else "; ").join(
            _value(v, lang) if not isinstance(v, list) else json.dumps(v, ensure_ascii=False)
            for v in value)
    text = str(value)
    if len(text) >= 19 and text[10] == "T" and text[4] == "-" and text[13] == ":":
        return text.replace("T", " ")[:16] + " UTC"  # ISO datetime (UTC), seconds or not
    return text


# ---- assessments: answers and scores in the words of the instrument ---------------------------
def _find(items: Iterable[Any], wanted: str) -> Any:
    return next((x for x in items if x.id == wanted), None)


def _answer_text(item: Item | None, value: Any, lang: str) -> str:
    if item is not None and item.type in ("choice", "boolean") and isinstance(value, (int, str)):
        opt = item.option(value)
        if opt is not None and text_in(opt.label, lang):
            return text_in(opt.label, lang)
    text = _value(value, lang)
    if item is not None and item.type == "number" and text_in(item.unit, lang):
        text = f"{text} {text_in(item.unit, lang)}"
    return text


def _answers(defn: Definition | None, answers: Mapping[str, Any], lang: str) -> str:
    """One line per answer, "question: answer", under the titles of the instrument's sections,
    in the instrument's order; answers to items it does not know come last, with their codes."""
    items = [i for i in defn.items if i.id in answers] if defn else []
    known = {i.id for i in items}
    lines: list[str] = []
    section: str | None = None
    for item in items:
        shown = _answer_text(item, answers[item.id], lang)
        if not shown:
            continue
        if item.section and item.section != section and defn is not None:
            found = _find(defn.sections, item.section)
            title = text_in(found.title, lang) if found else ""
            if title:
                lines.append(title)
        section = item.section
        label = text_in(item.text, lang) or item.id
        lines.append(f"{'– ' if section else ''}{label}{colon_mark(lang)}{shown}")
    lines += [f"{k}{colon_mark(lang)}{_value(v, lang)}" for k, v in answers.items()
              if k not in known and _value(v, lang)]
    return "\n".join(lines)


def _scores(defn: Definition | None, scores: Mapping[str, Any], lang: str) -> str:
    """"Score de fragilité (0–17): 7 sur 17 — Fragilité légère (Seuils originaux …)", then each
    derived category in words; a partial score says so."""
    lines: list[str] = []
    for sid, s in (scores.get("scores") or {}).items():
        if not isinstance(s, dict):
            continue
        sc = _find(defn.scores, sid) if defn else None
        label = (text_in(sc.label, lang) if sc else "") or sid
        line = f"{label}{colon_mark(lang)}" + t("gdpr.score.out_of", lang, value=s.get("value"), max=s.get("max"))
        bs = sc.band_set(s.get("band_set")) if sc else None
        band = next((b for b in bs.bands if b.code == s.get("band")), None) if bs else None
        if bs is not None and band is not None:
            line += f" — {text_in(band.label, lang)} ({text_in(bs.label, lang)})"
        elif s.get("band"):
            line += f" — {s['band']}"
        lines.append(line)
    for did, d in (scores.get("derived") or {}).items():
        if not isinstance(d, dict):
            continue
        rule = _find(defn.derived, did) if defn else None
        cat = next((c for c in rule.categories if c.code == d.get("code")), None) if rule else None
        line = f"{(text_in(rule.label, lang) if rule else '') or did}{colon_mark(lang)}" + (
            (text_in(cat.label, lang) if cat else "") or str(d.get("code")))
        variant = _find(rule.variants, str(d.get("variant"))) if rule else None
        if variant is not None and text_in(variant.label, lang):
            line += f" ({text_in(variant.label, lang)})"
        lines.append(line)
    if scores.get("complete") is False:
        lines.append(t("gdpr.score.incomplete", lang))
    return "\n".join(lines + _others(scores, ("scores", "derived", "complete"), lang))


def _others(value: Mapping[str, Any], known: tuple[str, ...], lang: str) -> list[str]:
    """Keys a stored value has beyond the shape read above (an older or imported record): printed
    as they are, so nothing the vault holds is left out."""
    return [f"{_dict_key(str(k), lang)}{colon_mark(lang)}{_value(v, lang)}" for k, v in value.items()
            if k not in known and _value(v, lang)]


def _options(defn: Definition | None, options: Mapping[str, Any], lang: str) -> str:
    """The scoring choices: the thresholds chosen for a score, the rule variant of a category."""
    lines: list[str] = []
    for sid, bs_id in (options.get("band_sets") or {}).items():
        sc = _find(defn.scores, sid) if defn else None
        bs = sc.band_set(bs_id) if sc else None
        lines.append(f"{(text_in(sc.label, lang) if sc else '') or sid}{colon_mark(lang)}"
                     f"{(text_in(bs.label, lang) if bs else '') or bs_id}")
    for did, v_id in (options.get("variants") or {}).items():
        rule = _find(defn.derived, did) if defn else None
        variant = _find(rule.variants, str(v_id)) if rule else None
        lines.append(f"{(text_in(rule.label, lang) if rule else '') or did}{colon_mark(lang)}"
                     f"{(text_in(variant.label, lang) if variant else '') or v_id}")
    return "\n".join(lines + _others(options, ("band_sets", "variants"), lang))


def _assessment_value(name: str, value: Any, defn: Definition | None, lang: str) -> str:
    """One version of each instrument is known: a response made with an earlier version is
    read with the current one (its item and option ids are kept across versions; the version
    itself is printed); an item, option or instrument unknown prints its code."""
    if name == "instrument_id":
        return (text_in(defn.title, lang) if defn else "") or _value(value, lang)
    if not isinstance(value, dict):
        return _value(value, lang)
    if name == "answers":
        return _answers(defn, value, lang)
    return _scores(defn, value, lang) if name == "scores" else _options(defn, value, lang)


# ---- ecomap snapshots: who was in it, and the tie in words --------------------------------------
def _snapshot_text(data: Mapping[str, Any], lang: str) -> str:
    """"People and services: 3", then one line each: "Brigitte Martin, Aidant proche (fille):
    lien fort, soutenant, vers le patient" (the drawing's layout is left out)."""
    if not isinstance(data.get("ties"), list):
        return _value(dict(data), lang)
    ties = [x for x in data["ties"] if isinstance(x, dict)]
    lines = [t("gdpr.snapshot.count", lang, count=len(ties))]
    for tie in ties:
        who = ", ".join(x for x in (str(tie.get("label") or "?"),
                                    _code_text("ecosystem.kind", tie.get("kind") or "", lang)) if x)
        if tie.get("role"):
            who += f" ({tie['role']})"
        words = [_code_text(prefix, tie[key], lang) for key, prefix in (
            ("strength", "ecosystem.strength"), ("quality", "ecosystem.quality"),
            ("energy_flow", "ecosystem.flow")) if tie.get(key) and tie[key] != "none"]
        lines.append(f"– {who}{colon_mark(lang)}{', '.join(words)}" if words else f"– {who}")
    return "\n".join(lines + _others(data, ("version", "patient_label", "ties"), lang))


def _dict_key(key: str, lang: str) -> str:
    code = label_code(None, key, lang) or label_code(None, key, "en")
    return t(code, lang) if code else key


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _fields_table(row: Mapping[str, Any], st: _Styles, lang: str, table: str | None,
                  instruments: Mapping[str, Definition] | None = None,
                  names: Mapping[str, str] | None = None) -> Table:
    data: list[list[Any]] = [[_para(t("gdpr.record_id", lang), st.label),
                              _para(str(row.get("id", "")), st.cell)]]
    for key, value in row.items():
        if key in SKIP_FIELDS or key == "id":
            continue
        if key == "deleted":
            if value:
                data.append([_para(t("gdpr.deleted", lang), st.label),
                             _para(t("gdpr.yes", lang), st.cell)])
            continue
        text = _field_value(table, key, value, lang, row, instruments, names)
        if text:
            data.append([_para(_label(key, lang, table), st.label), _para(text, st.cell)])
    grid = Table(data, colWidths=[45 * mm, 125 * mm], hAlign="LEFT")
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return grid


def _grid(header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float],
          st: _Styles) -> Table:
    data = [[_para(h, st.label) for h in header]]
    data += [[_para(c, st.cell) for c in r] for r in rows]
    table = Table(data, colWidths=[w * mm for w in widths], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def reference_names(record: _Record, lang: str) -> dict[str, str]:
    """The words for each id the copy may point to: a contact's name, and for the patient's
    records their section and number as printed (so the reader can find them) with a few
    words of them."""
    names = {c["id"]: _contact_name(c) or c["id"]
             for c in (*record.owned_contacts, *record.linked_contacts)}
    names[SELF] = _contact_name(record.patient)  # a meeting stores the patient without a name
    for table, rows in record.tables.items():
        words = REFERENCE_WORDS.get(table, ())
        for number, row in enumerate(rows, 1):
            text = t("gdpr.reference", lang, section=_section(table, lang), number=number)
            said = next((_value(row.get(w), lang) for w in words if row.get(w)), "")
            names[row["id"]] = f"{text} — {said[:80]}" if said else text
    return names


def _headed(heading: Paragraph, blocks: Iterable[list[Any]]) -> list[KeepTogether]:
    """Blocks kept whole, the section's heading with the first: it goes to the next page with
    its first record, never alone at the foot of one."""
    kept = list(blocks)
    if kept:
        kept[0] = [heading, *kept[0]]
    return [KeepTogether(block) for block in kept]


def _heading_over_table(heading: Paragraph) -> list[Any]:
    """A heading over a table that may run over pages: on a new page unless there is room for
    the table's first rows below it."""
    return [CondPageBreak(HEADING_ROOM), heading]


def _contact_name(c: Mapping[str, Any] | None) -> str:
    if not c:
        return ""
    name = " ".join(x for x in (c.get("given_name"), c.get("family_name")) if x)
    return name or str(c.get("organisation") or "")


def render_access_export(record: _Record, history: Sequence[_Change], *, lang: str,
                         generated_at: dt.datetime, generated_by: str | None,
                         retention_years: int,
                         instruments: Mapping[str, Definition] | None = None) -> bytes:
    """`instruments`: the definitions by id the assessments are read with (without them their
    answers and scores print as codes)."""
    st = _Styles()
    p = record.patient
    story: list[Any] = []
    name = f"{p.get('given_name') or ''} {p.get('family_name') or ''}".strip()
    story.append(_para(t("gdpr.pdf.title", lang), st.title))
    story.append(_para(t("gdpr.pdf.subtitle", lang, name=name,
                         date=generated_at.strftime("%Y-%m-%d %H:%M") + " UTC",
                         by=generated_by or "-"), st.body))
    story.append(Spacer(1, 3 * mm))
    story.append(_para(t("gdpr.pdf.intro", lang, years=retention_years), st.small))

    # identity
    story.append(_para(t("gdpr.section.patient", lang), st.h1))
    story.append(_fields_table(p, st, lang, "patient"))

    # contacts
    names = reference_names(record, lang)
    if record.owned_contacts or record.linked_contacts:
        story += _headed(_para(t("gdpr.section.contacts", lang), st.h1), (
            [_para(_contact_name(c) or c["id"], st.h2), _fields_table(c, st, lang, "contact")]
            for c in (*record.owned_contacts, *record.linked_contacts)))

    # every patient-owned table
    for table_name, rows in record.tables.items():
        if not rows:
            continue
        story += _headed(_para(_section(table_name, lang), st.h1), (
            [_para(f"{i}.", st.h2),
             _fields_table(row, st, lang, table_name, instruments, names)]
            for i, row in enumerate(rows, 1)))

    # rectification history (changes of the columns left out above say nothing about the patient)
    story += _heading_over_table(_para(t("gdpr.section.history", lang), st.h1))
    history = [c for c in history if c.field not in SKIP_FIELDS]
    rows_by_id = {r["id"]: r for rows in record.tables.values() for r in rows}
    if history:
        story.append(_grid(
            [t("gdpr.col.when", lang), t("gdpr.col.record", lang), t("gdpr.col.field", lang),
             t("gdpr.col.old", lang), t("gdpr.col.new", lang), t("gdpr.col.by", lang)],
            [(c.changed_at.strftime("%Y-%m-%d %H:%M"),
              names.get(c.record_id) or f"{_section(c.table, lang)}\n{c.record_id}",
              _label(c.field, lang, c.table),
              _field_value(c.table, c.field, c.old_value, lang, rows_by_id.get(c.record_id),
                           instruments, names),
              _field_value(c.table, c.field, c.new_value, lang, rows_by_id.get(c.record_id),
                           instruments, names),
              c.changed_by(lang)) for c in history],
            (24, 46, 24, 30, 30, 16), st))
    else:
        story.append(_para(t("gdpr.none", lang), st.body))

    # audit trail
    story += _heading_over_table(_para(t("gdpr.section.audit", lang), st.h1))
    if record.audit:
        story.append(_grid(
            [t("gdpr.col.when", lang), t("gdpr.col.who", lang), t("gdpr.col.action", lang),
             t("gdpr.col.record", lang), t("gdpr.col.device", lang)],
            [(_value(a.get("at"), lang), a.get("actor") or "",
              t(f"audit.action.{a.get('action')}", lang)
              if f"audit.action.{a.get('action')}" in catalog("en") else str(a.get("action")),
              f"{_section(a['record_table'], lang) if a.get('record_table') else ''}\n"
              f"{a.get('record_id') or ''}\n({a['id']})",
              (a.get("device_id") or "")[:13]) for a in record.audit],
            (28, 30, 24, 62, 26), st))
    else:
        story.append(_para(t("gdpr.none", lang), st.body))

    if record.drafts:
        story += _heading_over_table(_para(t("gdpr.section.drafts", lang), st.h1))
        for d in record.drafts:
            story.append(_fields_table({"id": d.get("key"), **{k: v for k, v in d.items()
                                                                 if k != "key"}}, st, lang,
                                       "draft"))

    buf = io.BytesIO()
    footer = t("gdpr.pdf.footer", lang)
    regular, _ = _fonts()

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.drawString(20 * mm, 10 * mm, footer)
        canvas.drawRightString(190 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=t("gdpr.pdf.title", lang), author="Relais")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
