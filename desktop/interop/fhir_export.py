"""FHIR R4 export of one patient's record (GDPR art. 15 and 20): a `collection` Bundle as a dict.

Input is plain data (wire dicts of the vault's rows), so this module needs no storage access.
Every record id of the patient is a resource id (or an element id for records that live inside
another resource: status changes, plan actions, ecomap ties). Belgian NISS identifier system per
the hl7-be core profile; ecomap tie attributes have no native element and go in an extension
under our own canonical URL.

One function per resource (`patient_resource`, `care_team`, `episode_of_care`,
`visit_encounter`, `questionnaire_response`, `care_plan`, `consent_resource`, …), each reading
the patient's live rows through a `Record`; `build_bundle` puts them in the Bundle's order.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.care_plan import decode_agreement
from desktop.i18n import DEFAULT_LANGUAGE, catalog, t
from desktop.i18n.agreement import agreed_with_text

SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"
NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi"
BASE = "https://relais.example.be/fhir"
SD = f"{BASE}/StructureDefinition"
ECOMAP_TIE_URL = f"{SD}/ecomap-tie"
CONSENT_PURPOSE_SYSTEM = f"{BASE}/CodeSystem/consent-purpose"
CONTACT_KIND_SYSTEM = f"{BASE}/CodeSystem/contact-kind"
VISIT_KIND_SYSTEM = f"{BASE}/CodeSystem/visit-kind"
GOAL_DOMAIN_SYSTEM = f"{BASE}/CodeSystem/goal-domain"
ATTACHMENT_PURPOSE_SYSTEM = f"{BASE}/CodeSystem/attachment-purpose"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LOINC = "http://loinc.org"

PRIVATE_KINDS = frozenset({"informal_carer", "family", "friend", "neighbour"})

Row = Mapping[str, Any]
Resource = dict[str, Any]


def _ext(name: str, **value: Any) -> dict[str, Any]:
    return {"url": f"{SD}/{name}", **value}


def _date(value: Any) -> str | None:
    if not value:
        return None
    return str(value)[:10]


def _datetime(value: Any) -> str | None:
    """FHIR dateTime: a time needs a zone; stored times are UTC."""
    if not value:
        return None
    text = str(value)
    if len(text) <= 10:
        return text
    return dt.datetime.fromisoformat(text).replace(microsecond=0).isoformat() + "+00:00"


def _clean(obj: Any) -> Any:
    """Drop empty values: FHIR forbids empty strings, lists and objects."""
    if isinstance(obj, dict):
        out = {k: _clean(v) for k, v in obj.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(obj, list):
        items = [_clean(v) for v in obj]
        return [v for v in items if v not in (None, "", [], {})]
    return obj


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _word(prefix: str, code: Any, lang: str) -> str | None:
    """A code in the export's words where the catalogs have it (`<prefix>.<code>`), else the code
    itself: the code stays in the element's `coding`, the words go in its `text`."""
    if code is None or code == "":
        return None
    key = f"{prefix}.{code}"
    return t(key, lang) if key in catalog("en") else str(code)


def _telecom(row: Row) -> list[dict[str, Any]]:
    out = [{"system": "phone", "value": p} for p in row.get("phones") or []]
    if row.get("email"):
        out.append({"system": "email", "value": row["email"]})
    return out


def _address(row: Row) -> list[dict[str, Any]]:
    line = " ".join(str(x) for x in (row.get("street"), row.get("house_number")) if x)
    if row.get("box"):
        line += f" bte {row['box']}"
    if not (line or row.get("postal_code") or row.get("city")):
        return []
    return [{"line": [line] if line else [], "postalCode": row.get("postal_code"),
             "city": row.get("city"), "country": "BE"}]


def contact_type(c: Row) -> str:
    if c.get("is_organisation"):
        return "Organization"
    if c.get("owner_patient_id") or c.get("kind") in PRIVATE_KINDS:
        return "RelatedPerson"
    return "Practitioner"


def _contact_resources(c: Row, patient_ref: str, lang: str) -> list[Resource]:
    kind = {"coding": [{"system": CONTACT_KIND_SYSTEM, "code": c.get("kind") or "other"}],
            "text": _word("ecosystem.kind", c.get("kind"), lang)}
    name = [{"family": c.get("family_name"),
             "given": [c["given_name"]] if c.get("given_name") else []}]
    rtype = contact_type(c)
    if rtype == "Organization":
        return [{"resourceType": "Organization", "id": c["id"], "active": not c.get("deleted"),
                 "name": c.get("organisation") or " ".join(
                     x for x in (c.get("given_name"), c.get("family_name")) if x) or None,
                 "type": [kind], "telecom": _telecom(c), "address": _address(c)}]
    if rtype == "RelatedPerson":
        return [{"resourceType": "RelatedPerson", "id": c["id"], "active": not c.get("deleted"),
                 "patient": {"reference": patient_ref}, "relationship": [kind], "name": name,
                 "telecom": _telecom(c), "address": _address(c)}]
    ident = [{"system": NIHDI_SYSTEM, "value": c["inami_number"]}] if c.get("inami_number") else []
    practitioner = {"resourceType": "Practitioner", "id": c["id"], "active": not c.get("deleted"),
                    "identifier": ident, "name": name, "telecom": _telecom(c),
                    "address": _address(c)}
    role = {"resourceType": "PractitionerRole", "id": f"{c['id']}-role",
            "practitioner": {"reference": f"Practitioner/{c['id']}"}, "code": [kind],
            "organization": {"display": c["organisation"]} if c.get("organisation") else None,
            "availableTime": [], "availabilityExceptions": c.get("availability")}
    return [practitioner, role]


def _contact_ref(contacts: Mapping[str, Row], contact_id: str | None) -> dict[str, Any] | None:
    if not contact_id or contact_id not in contacts:
        return None
    return {"reference": f"{contact_type(contacts[contact_id])}/{contact_id}"}


EPISODE_STATUS = {"referred": "planned", "assessing": "active", "active": "active",
                  "stabilised": "active", "closed": "finished"}
VISIT_STATUS = {"planned": "planned", "done": "finished", "cancelled": "cancelled"}
VISIT_CLASS = {"home_visit": ("HH", "home health"), "phone": ("VR", "virtual"),
               "concertation": ("AMB", "ambulatory")}
PLAN_STATUS = {"draft": "draft", "agreed": "active", "superseded": "revoked"}
GOAL_STATUS = {"active": "active", "achieved": "completed", "abandoned": "cancelled",
               "cancelled": "cancelled", "on_hold": "on-hold", "proposed": "proposed"}
ACTION_STATUS = {"planned": "not-started", "active": "in-progress", "ongoing": "in-progress",
                 "done": "completed", "completed": "completed", "cancelled": "cancelled",
                 "stopped": "stopped", "on_hold": "on-hold"}
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"


def _answer(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": _text(value) or "-"}


def _obs_value(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueQuantity": {"value": value}}
    return {"valueString": _text(value) or "-"}


def _consent_states(events: Sequence[Row]) -> dict[str, str]:
    """FHIR status per consent event: the latest grant in force is active; every earlier or
    withdrawn one inactive; a refusal rejected; an override inactive (one action, done)."""
    status: dict[str, str] = {}
    latest: dict[tuple[str, str | None], Row] = {}
    for e in events:
        if e["decision"] not in ("granted", "refused", "withdrawn", "objected", "lifted"):
            continue
        key = (e["purpose"], e.get("contact_id"))
        prev = latest.get(key)
        if prev is None or (e["decided_on"], e["recorded_at"]) > (prev["decided_on"],
                                                                  prev["recorded_at"]):
            latest[key] = e
    for e in events:
        d = e["decision"]
        key = (e["purpose"], e.get("contact_id"))
        if d in ("granted", "objected"):  # an objection in force is an active "deny"
            status[e["id"]] = "active" if latest.get(key) is e else "inactive"
        elif d == "refused":
            status[e["id"]] = "rejected"
        else:  # withdrawn, override, an objection lifted
            status[e["id"]] = "inactive"
    return status


@dataclass(frozen=True)
class Record:
    """What every resource builder reads: the patient's reference, the live (not tombstoned)
    rows per table and the live contacts by id."""

    pid: str
    live: Mapping[str, Sequence[Row]]
    contacts: Mapping[str, Row]
    lang: str = DEFAULT_LANGUAGE  # of the human-readable texts; codes stay codes

    @property
    def pref(self) -> str:
        return f"Patient/{self.pid}"

    def rows(self, table: str) -> Sequence[Row]:
        return self.live.get(table, [])

    def ref(self, contact_id: str | None) -> dict[str, Any] | None:
        return _contact_ref(self.contacts, contact_id)


# ---- Patient -------------------------------------------------------------------------------
def patient_resource(patient: Row, rec: Record) -> Resource:
    ident = [{"use": "official", "system": SSIN_SYSTEM, "value": patient["niss"]}] \
        if patient.get("niss") else []
    ext = [_ext("bim", valueBoolean=bool(patient.get("bim"))),
           _ext("maf", valueBoolean=bool(patient.get("maf"))),
           _ext("chronic-condition-status", valueBoolean=bool(patient.get("chronic_status")))]
    if patient.get("mutualite"):
        ext.append(_ext("health-insurance-fund", valueString=patient["mutualite"]))
    if patient.get("restricted"):
        ext.append(_ext("processing-restricted", valueBoolean=True))
    return {
        "resourceType": "Patient", "id": rec.pid, "extension": ext, "identifier": ident,
        "active": not patient.get("deleted"),
        "name": [{"use": "official", "family": patient.get("family_name"),
                  "given": [patient["given_name"]] if patient.get("given_name") else []}],
        "telecom": _telecom(patient), "gender": patient.get("gender") or "unknown",
        "birthDate": _date(patient.get("birth_date")), "address": _address(patient),
        "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": lang}]}}
                          for lang in patient.get("languages") or [] if lang != "other"],
        "generalPractitioner": [r for r in [rec.ref(patient.get("gp_contact_id"))] if r],
    }


# ---- The ecomap (CareTeam) -----------------------------------------------------------------
def _tie_participant(rel: Row, member: dict[str, Any]) -> dict[str, Any]:
    tie = [{"url": "strength", "valueCode": rel.get("strength") or "moderate"},
           {"url": "quality", "valueCode": rel.get("quality") or "neutral"},
           {"url": "energy-flow", "valueCode": rel.get("energy_flow") or "none"},
           {"url": "informal-carer", "valueBoolean": bool(rel.get("is_informal_carer"))},
           {"url": "reference-person", "valueBoolean": bool(rel.get("is_reference_person"))}]
    if rel.get("since"):
        tie.append({"url": "since", "valueDate": _date(rel["since"])})
    if rel.get("note"):
        tie.append({"url": "note", "valueString": rel["note"]})
    return {
        "id": rel["id"], "extension": [{"url": ECOMAP_TIE_URL, "extension": tie}],
        "role": [{"text": rel["role"]}] if rel.get("role") else [],
        "member": member,
    }


def care_team(rec: Record) -> Resource | None:
    """The ecomap's ties as one CareTeam; None when no tie names a contact of the export."""
    participants = []
    for rel in rec.rows("relationship"):
        member = rec.ref(rel.get("contact_id"))
        if member is not None:
            participants.append(_tie_participant(rel, member))
    if not participants:
        return None
    return {"resourceType": "CareTeam", "id": f"{rec.pid}-team", "status": "active",
            "subject": {"reference": rec.pref}, "participant": participants}


# ---- Cases (EpisodeOfCare) with their status history ---------------------------------------
def episode_of_care(case: Row, changes: Sequence[Row], rec: Record) -> Resource:
    history = [{"id": ch["id"], "status": EPISODE_STATUS.get(ch["to_status"], "active"),
                "period": {"start": _date(ch["changed_on"])}} for ch in changes]
    ext = [_ext("case-status", valueCode=case.get("status") or "referred")]
    for key in ("request_reason", "clarified_request", "complexity_tier", "closure_reason",
                "closure_note", "requester_type", "requester_name"):
        if case.get(key):
            ext.append(_ext(f"case-{key.replace('_', '-')}", valueString=str(case[key])))
    return {
        "resourceType": "EpisodeOfCare", "id": case["id"], "extension": ext,
        "status": EPISODE_STATUS.get(case.get("status") or "", "active"),
        "statusHistory": history, "patient": {"reference": rec.pref},
        "type": [{"text": t("fhir.episode.type", rec.lang)}],
        "period": {"start": _date(case.get("opened_on") or case.get("request_date")),
                   "end": _date(case.get("closed_on"))},
    }


def orphan_status_change(ch: Row, rec: Record) -> Resource:
    """A status change whose case is gone still belongs to the patient."""
    return {"resourceType": "EpisodeOfCare", "id": ch["id"],
            "status": EPISODE_STATUS.get(ch["to_status"], "active"),
            "patient": {"reference": rec.pref}}


def episodes_of_care(rec: Record) -> list[Resource]:
    changes: dict[str, list[Row]] = {}
    for ch in rec.rows("case_status_change"):
        changes.setdefault(ch["case_id"], []).append(ch)
    out = [episode_of_care(case, changes.pop(case["id"], []), rec)
           for case in rec.rows("case_record")]
    out.extend(orphan_status_change(ch, rec) for orphans in changes.values() for ch in orphans)
    return out


# ---- Visits, stays, concertations (Encounter) ----------------------------------------------
def visit_encounter(v: Row, rec: Record) -> Resource:
    code, display = VISIT_CLASS.get(v.get("kind") or "", ("HH", "home health"))
    start = v.get("actual_start") or v.get("planned_start")
    end = v.get("actual_end") or v.get("planned_end")
    return {
        "resourceType": "Encounter", "id": v["id"],
        "status": VISIT_STATUS.get(v.get("status") or "", "unknown"),
        "class": {"system": V3_ACT_CODE, "code": code, "display": display},
        "type": [{"coding": [{"system": VISIT_KIND_SYSTEM, "code": v["kind"]}],
                  "text": _word("visit.kind", v["kind"], rec.lang)}] if v.get("kind") else [],
        "subject": {"reference": rec.pref},
        "episodeOfCare": [{"reference": f"EpisodeOfCare/{v['case_id']}"}]
        if v.get("case_id") else [],
        "period": {"start": _datetime(start), "end": _datetime(end)},
        "location": [{"location": {"display": v["place"]}}] if v.get("place") else [],
        "reasonCode": [{"text": v["cancel_reason"]}] if v.get("cancel_reason") else [],
        "extension": [_ext("visit-notes", valueString=v["notes"])] if v.get("notes") else [],
    }


def stay_encounter(s: Row, rec: Record) -> Resource:
    emergency = s.get("kind") == "emergency"
    return {
        "resourceType": "Encounter", "id": s["id"],
        "status": "finished" if s.get("discharged_on") else "in-progress",
        "class": {"system": V3_ACT_CODE, "code": "EMER" if emergency else "IMP"},
        "subject": {"reference": rec.pref},
        "period": {"start": _date(s.get("admitted_on")), "end": _date(s.get("discharged_on"))},
        "serviceProvider": {"display": s["hospital"]} if s.get("hospital") else None,
        "reasonCode": [{"text": s["reason"]}] if s.get("reason") else [],
    }


def concertation_encounter(c: Row, rec: Record) -> Resource:
    decisions = "; ".join(str(d.get("text") or "") if isinstance(d, dict) else (_text(d) or "")
                          for d in c.get("decisions") or [])
    return {
        "resourceType": "Encounter", "id": c["id"], "status": "finished",
        "class": {"system": V3_ACT_CODE, "code": "AMB"},
        "type": [{"text": t("fhir.concertation.type", rec.lang)}],
        "subject": {"reference": rec.pref}, "period": {"start": _date(c.get("held_on"))},
        "participant": [{"individual": ref} for ref in
                        (rec.ref(p if isinstance(p, str) else (p or {}).get("contact_id"))
                         for p in c.get("participants") or []) if ref],
        "extension": [e for e in (
            _ext("concertation-decisions", valueString=decisions) if decisions else None,
            _ext("concertation-note", valueString=c["note"]) if c.get("note") else None,
        ) if e],
    }


# ---- Journal (Communication) ---------------------------------------------------------------
def note_communication(n: Row, rec: Record) -> Resource:
    return {
        "resourceType": "Communication", "id": n["id"], "status": "completed",
        "category": [{"text": t("fhir.communication.note", rec.lang)}],
        "subject": {"reference": rec.pref},
        "sent": _datetime(n.get("written_at")),
        "sender": None, "payload": [{"contentString": n.get("text") or "-"}],
        "note": [{"text": t("fhir.communication.note_author", rec.lang, author=n["author"])}]
        if n.get("author") else [],
    }


def addendum_communication(a: Row, rec: Record) -> Resource:
    return {
        "resourceType": "Communication", "id": a["id"], "status": "completed",
        "category": [{"text": t("fhir.communication.addendum", rec.lang)}],
        "subject": {"reference": rec.pref},
        "encounter": {"reference": f"Encounter/{a['visit_id']}"},
        "sent": _datetime(a.get("written_at")),
        "payload": [{"contentString": a.get("text") or "-"}],
    }


def feedback_communication(f: Row, rec: Record) -> Resource:
    text = "\n".join(x for x in (f.get("summary"), f.get("questions")) if x) or "-"
    return {
        "resourceType": "Communication", "id": f["id"],
        "status": "completed" if f.get("status") == "sent" else "preparation",
        "category": [{"text": t("fhir.communication.gp_feedback", rec.lang)}],
        "subject": {"reference": rec.pref},
        "sent": _date(f.get("sent_on")),
        "recipient": [r for r in [rec.ref(f.get("gp_contact_id"))] if r],
        "payload": [{"contentString": text}],
    }


# ---- Assessments (QuestionnaireResponse + Observation per score) ---------------------------
def questionnaire_response(r: Row, rec: Record) -> Resource:
    answers = r.get("answers") or {}
    return {
        "resourceType": "QuestionnaireResponse", "id": r["id"],
        "questionnaire": f"{BASE}/Questionnaire/{r['instrument_id']}"
                         f"|{r.get('instrument_version') or '1'}",
        "status": "completed" if r.get("status") == "completed" else "in-progress",
        "subject": {"reference": rec.pref},
        "authored": _datetime(r.get("completed_at")) or _date(r.get("assessed_on")),
        "item": [{"linkId": str(k), "answer": [_answer(v)]} for k, v in answers.items()
                 if v is not None],
    }


def score_observations(r: Row, rec: Record) -> list[Resource]:
    """One Observation per score of the response, derived from it."""
    out = []
    for i, (key, value) in enumerate(sorted((r.get("scores") or {}).items())):
        if value is None:
            continue
        out.append({
            "resourceType": "Observation", "id": f"{r['id']}-s{i}",
            "status": "final" if r.get("status") == "completed" else "preliminary",
            "code": {"coding": [{"system": f"{BASE}/CodeSystem/score",
                                 "code": f"{r['instrument_id']}.{key}"}],
                     "text": f"{r['instrument_id']} {key}"},
            "subject": {"reference": rec.pref},
            "effectiveDateTime": _date(r.get("assessed_on")) or _datetime(r.get("completed_at")),
            "derivedFrom": [{"reference": f"QuestionnaireResponse/{r['id']}"}],
            **_obs_value(value),
        })
    return out


# ---- Care plans, goals, actions ------------------------------------------------------------
def goal_resource(g: Row, rec: Record) -> Resource:
    return {
        "resourceType": "Goal", "id": g["id"],
        "lifecycleStatus": GOAL_STATUS.get(g.get("status") or "", "active"),
        "achievementStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/goal-achievement",
            "code": "achieved"}]} if g.get("status") == "achieved" else None,
        "category": [{"coding": [{"system": GOAL_DOMAIN_SYSTEM, "code": g["domain"]}],
                      "text": _word("doc.domain", g["domain"], rec.lang)}]
        if g.get("domain") else [],
        "description": {"text": g.get("text") or "-"}, "subject": {"reference": rec.pref},
        "target": [{"dueDate": _date(g["target_date"])}] if g.get("target_date") else [],
    }


def _plan_activity(a: Row, rec: Record) -> dict[str, Any]:
    performer = rec.ref(a.get("responsible_contact_id"))
    if performer is None and a.get("responsible_kind") == "patient":
        performer = {"reference": rec.pref}
    sched = a.get("schedule") or {}
    return {"id": a["id"], "detail": {
        "status": ACTION_STATUS.get(a.get("status") or "", "unknown"),
        "description": a.get("what") or "-",
        "goal": [{"reference": f"Goal/{a['goal_id']}"}] if a.get("goal_id") else [],
        "performer": [performer] if performer else [],
        "scheduledString": _text(sched.get("text") if isinstance(sched, dict) else sched)
        or (_text(sched) if sched else None),
    }}


# the plan's texts written as notes, each with the access export's label of its column
PLAN_NOTE_LABELS = (("what_matters", "gdpr.field.what_matters"),
                    ("expectations", "gdpr.field.expectations"),
                    ("to_avoid", "gdpr.field.to_avoid"), ("agreed_with", "field.agreed_with"))


def _agreed_with(stored: str | None, lang: str) -> str:
    agreement = decode_agreement(stored)
    return agreed_with_text(agreement.parties, agreement.note, lang)


def _plan_notes(p: Row, lang: str) -> list[dict[str, str]]:
    shown = {**p, "agreed_with": _agreed_with(p.get("agreed_with"), lang)}
    return [{"text": t("fhir.note", lang, label=t(label, lang), text=shown[key])}
            for key, label in PLAN_NOTE_LABELS if shown.get(key)]


def care_plan(p: Row, goals: Sequence[Row], actions: Sequence[Row], team: Resource | None,
              rec: Record) -> Resource:
    return {
        "resourceType": "CarePlan", "id": p["id"],
        "status": PLAN_STATUS.get(p.get("status") or "", "unknown"), "intent": "plan",
        "title": t("fhir.plan.title", rec.lang, version=p.get("version") or 1),
        "description": p.get("life_project"),
        "subject": {"reference": rec.pref},
        "period": {"start": _date(p.get("agreed_on")), "end": _date(p.get("review_date"))},
        "careTeam": [{"reference": f"CareTeam/{team['id']}"}] if team else [],
        "goal": [{"reference": f"Goal/{g['id']}"} for g in goals],
        "activity": [_plan_activity(a, rec) for a in actions], "note": _plan_notes(p, rec.lang),
    }


def orphan_action(a: Row, rec: Record) -> Resource:
    """An action whose plan is gone: still the patient's."""
    return {"resourceType": "CarePlan", "id": a["id"], "status": "unknown",
            "intent": "plan", "subject": {"reference": rec.pref}, "description": a.get("what")}


def plans_and_goals(rec: Record, team: Resource | None) -> list[Resource]:
    """Every Goal, then every CarePlan (its actions as activities), then orphan actions."""
    goals_by_plan: dict[str, list[Row]] = {}
    for g in rec.rows("goal"):
        goals_by_plan.setdefault(g["plan_id"], []).append(g)
    actions_by_plan: dict[str, list[Row]] = {}
    for a in rec.rows("plan_action"):
        actions_by_plan.setdefault(a["plan_id"], []).append(a)
    out = [goal_resource(g, rec) for g in rec.rows("goal")]
    out.extend(care_plan(p, goals_by_plan.get(p["id"], []), actions_by_plan.pop(p["id"], []),
                         team, rec) for p in rec.rows("care_plan"))
    out.extend(orphan_action(a, rec) for orphans in actions_by_plan.values() for a in orphans)
    return out


# ---- Documents: consent evidence, ecomap snapshots -----------------------------------------
def _attachment_type(purpose: str | None, lang: str) -> dict[str, Any]:
    """What the file is for (today only "consent_evidence"): the code, and in words."""
    if not purpose:
        return {"text": t("fhir.attachment", lang)}
    return {"coding": [{"system": ATTACHMENT_PURPOSE_SYSTEM, "code": purpose}],
            "text": _word("fhir.attachment", purpose, lang)}


def attachment_document(att: Row, blobs: Mapping[str, bytes], rec: Record) -> Resource:
    data = blobs.get(att["sha256"])
    return {
        "resourceType": "DocumentReference", "id": att["id"], "status": "current",
        "type": _attachment_type(att.get("purpose"), rec.lang),
        "subject": {"reference": rec.pref}, "date": _datetime(att.get("created_at")),
        "content": [{"attachment": {
            "contentType": att.get("mime"), "title": att.get("filename"),
            "size": att.get("size"),
            "data": base64.b64encode(data).decode("ascii") if data is not None else None}}],
    }


def snapshot_document(snap: Row, rec: Record) -> Resource:
    raw = json.dumps(snap.get("data") or {}, ensure_ascii=False, sort_keys=True)
    kind = t("fhir.snapshot.type", rec.lang)
    taken_on = _date(snap.get("taken_on"))
    return {
        "resourceType": "DocumentReference", "id": snap["id"], "status": "current",
        "type": {"text": kind}, "subject": {"reference": rec.pref},
        "date": _datetime(snap.get("created_at")),
        "content": [{"attachment": {"contentType": "application/json",
                                    "title": t("fhir.snapshot.title", rec.lang, date=taken_on)
                                    if taken_on else kind,
                                    "data": base64.b64encode(raw.encode()).decode("ascii")}}],
    }


# ---- Consents ------------------------------------------------------------------------------
def consent_resource(e: Row, status: str, evidence_id: str | None, rec: Record) -> Resource:
    """One consent event; `status` from `_consent_states`, `evidence_id` the DocumentReference
    of its signed form, if any."""
    decision = e["decision"]
    override = decision == "override"
    rule = ({"coding": [{"system": f"{BASE}/CodeSystem/consent-policy", "code": "override"}],
             "text": t("fhir.consent.override", rec.lang)}
            if override else
            {"coding": [{"system": ACT_CODE,
                         "code": "OPTIN" if decision in ("granted", "lifted") else "OPTOUT"}]})
    provision: dict[str, Any] = {
        "type": "permit" if decision in ("granted", "override", "lifted") else "deny",
        "purpose": [{"system": CONSENT_PURPOSE_SYSTEM, "code": e["purpose"]}],
    }
    actor = rec.ref(e.get("contact_id"))
    if actor:
        provision["actor"] = [{"role": {"coding": [{"system": PARTICIPATION, "code": "IRCP"}]},
                               "reference": actor}]
    exts = [_ext("consent-decision", valueCode=decision),
            _ext("consent-method", valueCode=e.get("method") or "oral")]
    if e.get("notice_version"):
        exts.append(_ext("information-notice-version", valueString=e["notice_version"]))
    if e.get("review_date"):
        exts.append(_ext("consent-review-date", valueDate=_date(e["review_date"])))
    if e.get("recorded_by"):
        exts.append(_ext("consent-recorded-by", valueString=e["recorded_by"]))
    if e.get("note"):
        exts.append(_ext("consent-note", valueString=e["note"]))
    return {
        "resourceType": "Consent", "id": e["id"], "extension": exts, "status": status,
        "scope": {"coding": [{"system": CONSENT_SCOPE, "code": "patient-privacy"}]},
        "category": [{"coding": [{"system": LOINC, "code": "59284-0",
                                  "display": "Patient Consent"}]}],
        "patient": {"reference": rec.pref}, "dateTime": _date(e.get("decided_on")),
        "performer": [{"reference": rec.pref}], "policyRule": rule,
        "sourceReference": {"reference": f"DocumentReference/{evidence_id}"}
        if evidence_id else None,
        "provision": provision,
    }


def consents(rec: Record) -> list[Resource]:
    events = rec.rows("consent_event")
    status = _consent_states(events)
    attachment_by_sha = {a["sha256"]: a["id"] for a in rec.rows("attachment")}
    return [consent_resource(e, status[e["id"]],
                             attachment_by_sha.get(e.get("evidence_sha256") or ""), rec)
            for e in events]


# ---- The Bundle ----------------------------------------------------------------------------
def build_bundle(*, patient: Row, tables: Mapping[str, Sequence[Row]],
                 owned_contacts: Sequence[Row], linked_contacts: Sequence[Row],
                 blobs: Mapping[str, bytes],
                 generated_at: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The Bundle as a JSON-ready dict. Deleted (tombstoned) rows are left out. `lang` is the
    language of every human-readable text (notes, titles, the `text` of a concept); codes,
    systems and the displays of HL7 code systems stay as they are, for machines."""
    pid = patient["id"]
    rec = Record(
        pid=pid, lang=lang,
        live={name: [r for r in rows if not r.get("deleted")] for name, rows in tables.items()},
        contacts={c["id"]: c for c in (*owned_contacts, *linked_contacts) if not c.get("deleted")})
    team = care_team(rec)
    resources: list[Resource] = [
        patient_resource(patient, rec),
        *(r for c in rec.contacts.values() for r in _contact_resources(c, rec.pref, rec.lang)),
        *([team] if team else []),
        *episodes_of_care(rec),
        *(visit_encounter(v, rec) for v in rec.rows("visit")),
        *(stay_encounter(s, rec) for s in rec.rows("hospital_stay")),
        *(concertation_encounter(c, rec) for c in rec.rows("concertation")),
        *(note_communication(n, rec) for n in rec.rows("note")),
        *(addendum_communication(a, rec) for a in rec.rows("visit_addendum")),
        *(feedback_communication(f, rec) for f in rec.rows("gp_feedback")),
        *(res for r in rec.rows("assessment_response")
          for res in (questionnaire_response(r, rec), *score_observations(r, rec))),
        *plans_and_goals(rec, team),
        *(attachment_document(att, blobs, rec) for att in rec.rows("attachment")),
        *(snapshot_document(snap, rec) for snap in rec.rows("ecomap_snapshot")),
        *consents(rec),
    ]
    entries = [{"fullUrl": f"{BASE}/{r['resourceType']}/{r['id']}", "resource": _clean(r)}
               for r in resources]
    return {
        "resourceType": "Bundle", "id": f"{pid}-export", "type": "collection",
        "timestamp": generated_at.replace(microsecond=0).isoformat() + "+00:00",
        "meta": {"tag": [{"system": f"{BASE}/CodeSystem/export", "code": "gdpr-access"}]},
        "entry": entries,
    }
