"""Ties (ecomap edges) and the picture data shared by the map editor, the renderer and
snapshots: what a tie is, how it is validated, how a dated ecomap is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.dates import parse_date
from desktop.domain.ecomap_layout import MapNode
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.text import clean_line, clean_text

STRENGTHS = ("strong", "moderate", "tenuous")
QUALITIES = ("supportive", "neutral", "stressful")
FLOWS = ("to_patient", "from_patient", "both", "none")
FLAGS = ("is_gp", "is_informal_carer", "is_reference_person")
SNAPSHOT_VERSION = 1


@dataclass
class TieFields:
    """Raw input for a tie. None = not given (kept on edit, default on create)."""

    role: str | None = None
    strength: str | None = None
    quality: str | None = None
    energy_flow: str | None = None
    since: str | dt.date | None = None
    note: str | None = None
    is_gp: bool | None = None
    is_informal_carer: bool | None = None
    is_reference_person: bool | None = None


def validate_tie(raw: TieFields, today: dt.date, *, partial: bool = False) -> dict[str, object]:
    out: dict[str, object] = {}
    errors: list[ValidationError] = []

    def given(name: str) -> bool:
        return not partial or getattr(raw, name) is not None

    def check(name: str, allowed: tuple[str, ...], default: str) -> None:
        value = getattr(raw, name) or default
        if value not in allowed:
            errors.append(ValidationError(f"ecosystem.{name}_invalid", name, value=str(value)))
        else:
            out[name] = value

    try:
        if given("role"):
            out["role"] = clean_line(raw.role, "role", max_len=200) or None
        if given("note"):
            out["note"] = clean_text(raw.note, "note", max_len=5000) or None
    except ValidationError as exc:
        errors.append(exc)
    if given("strength"):
        check("strength", STRENGTHS, "moderate")
    if given("quality"):
        check("quality", QUALITIES, "neutral")
    if given("energy_flow"):
        check("energy_flow", FLOWS, "none")
    if given("since"):
        try:
            since = parse_date(raw.since, "since") if raw.since not in ("", None) else None
            if since is not None and since > today:
                raise ValidationError("ecosystem.since_future", "since")
            out["since"] = since
        except ValidationError as exc:
            errors.append(exc)
    for flag in FLAGS:
        if given(flag):
            out[flag] = bool(getattr(raw, flag))
    if errors:
        raise ValidationErrors(errors)
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class EcomapTie:
    """One tie as drawn: enough to draw, list and compare it, without database objects."""

    id: str  # relationship id (or the contact id in an old snapshot without it)
    contact_id: str
    label: str
    kind: str
    role: str | None = None
    strength: str = "moderate"
    quality: str = "neutral"
    energy_flow: str = "none"
    is_gp: bool = False
    is_informal_carer: bool = False
    is_reference_person: bool = False
    pinned: tuple[float, float] | None = None
    phone: str | None = None  # national format, for lists
    availability: str | None = None
    since: dt.date | None = None
    note: str | None = None
    # the carer's current assessment (desktop.domain.carer), for the mark on a carer's node
    carer_burden: str | None = None
    carer_respite: str | None = None
    carer_assessed_on: dt.date | None = None
    carer_review_on: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "contact_id": self.contact_id, "label": self.label, "kind": self.kind,
            "role": self.role, "strength": self.strength, "quality": self.quality,
            "energy_flow": self.energy_flow, "is_gp": self.is_gp,
            "is_informal_carer": self.is_informal_carer,
            "is_reference_person": self.is_reference_person,
            "pinned": list(self.pinned) if self.pinned else None, "phone": self.phone,
            "availability": self.availability,
            "since": self.since.isoformat() if self.since else None, "note": self.note,
            "carer_burden": self.carer_burden, "carer_respite": self.carer_respite,
            "carer_assessed_on": _iso(self.carer_assessed_on),
            "carer_review_on": _iso(self.carer_review_on),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> EcomapTie:
        pinned = d.get("pinned")
        return cls(
            id=str(d.get("id") or d["contact_id"]), contact_id=str(d["contact_id"]),
            label=str(d.get("label") or "?"), kind=str(d.get("kind") or "other"),
            role=d.get("role"), strength=str(d.get("strength") or "moderate"),
            quality=str(d.get("quality") or "neutral"),
            energy_flow=str(d.get("energy_flow") or "none"), is_gp=bool(d.get("is_gp")),
            is_informal_carer=bool(d.get("is_informal_carer")),
            is_reference_person=bool(d.get("is_reference_person")),
            pinned=(float(pinned[0]), float(pinned[1])) if pinned else None,
            phone=d.get("phone"), availability=d.get("availability"),
            since=dt.date.fromisoformat(d["since"]) if d.get("since") else None,
            note=d.get("note"), carer_burden=d.get("carer_burden"),
            carer_respite=d.get("carer_respite"),
            carer_assessed_on=_day(d.get("carer_assessed_on")),
            carer_review_on=_day(d.get("carer_review_on")))


@dataclass(frozen=True)
class EcomapData:
    """A patient's ecomap on a date: the input of the layout, the renderer and snapshots."""

    patient_label: str
    taken_on: dt.date
    ties: tuple[EcomapTie, ...] = field(default_factory=tuple)

    def nodes(self) -> list[MapNode]:
        return [MapNode(id=t.id, label=t.label, kind=t.kind, role=t.role, pinned=t.pinned)
                for t in self.ties]

    def tie(self, tie_id: str) -> EcomapTie:
        for t in self.ties:
            if t.id == tie_id:
                return t
        raise KeyError(tie_id)

    def to_snapshot(self) -> dict[str, Any]:
        return {"version": SNAPSHOT_VERSION, "patient_label": self.patient_label,
                "ties": [t.to_dict() for t in self.ties]}

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any], taken_on: dt.date) -> EcomapData:
        return cls(patient_label=str(data.get("patient_label") or ""), taken_on=taken_on,
                   ties=tuple(EcomapTie.from_dict(t) for t in data.get("ties") or []))
