"""Wire protocol shared by the device and the server (docs/ARCHITECTURE.md §7). Pydantic models
only.

Endpoints (JSON bodies, gzip accepted both ways; every request carries the headers
`Relais-Protocol: <PROTOCOL_VERSION>` and `Relais-Schema: <SCHEMA_VERSION>`; an unsupported client
gets 426 with a `detail` code):

  POST /v1/devices                  EnrollRequest -> EnrollResponse (no token needed)
  POST /v1/sync/push                PushRequest -> PushResponse         (Bearer token); with
                                    `pull`, the pull page that would follow comes in the answer
  GET  /v1/sync/pull?cursor=N&limit=M[&compact=1] -> PullResponse; 410 when N is behind the
                                    tombstone horizon
  GET  /v1/sync/snapshot?cursor=N&limit=M[&compact=1] -> PullResponse of every record (rebuild
                                    after 410)
  GET  /v1/sync/checksum            -> ChecksumResponse (sanity check after a sync)
  PUT  /v1/blobs/{sha256}           raw bytes, idempotent; GET the same path to download
  GET  /v1/device                   -> DeviceStatus (revoked / stolen flags)

Semantics (merge, conflicts, tombstones, purges, error codes): docs/SYNC.md.

Compact form (docs/SYNC.md 1): a device that asks for it (`compact=1` on a pull or snapshot,
`PushRequest.compact`) gets per-field versions only where they differ from the record's version
(`Change.record_version`, `OpResult.record_version`) and per-field authors only where they differ
from `Change.author`; it reads a missing one as the record's. A server that predates it ignores
the request and sends every version: the same reading gives the same result. A creation op
carries its non-null fields only (a missing field is null).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
SCHEMA_VERSION = 1
MAX_PUSH_OPS = 500
MAX_PULL_LIMIT = 5000  # a laptop's first pull asks for pages this large (engine.py)

PROTOCOL_HEADER = "Relais-Protocol"
SCHEMA_HEADER = "Relais-Schema"
DEVICE_STATUS_HEADER = "Relais-Device-Status"  # "revoked" on every answer to a revoked device

# Tables a device may sync: the synced models of desktop/storage/models.py (a test checks it).
SYNCED_TABLES: frozenset[str] = frozenset({
    "patient", "case_record", "case_status_change", "visit", "visit_addendum", "note",
    "hospital_stay", "assessment_response", "contact", "relationship", "ecomap_snapshot",
    "care_plan", "goal", "plan_action", "concertation", "gp_feedback", "consent_event",
    "attachment", "audit_event", "stability_event", "paperwork", "medication",
    "carer_assessment",
    "handover_note",
})
# Fields that reference another synced record (foreign keys on the device): a pull page delivers
# the referenced record before the change that needs it (docs/SYNC.md 6).
REFERENCES: dict[str, str] = {
    "patient_id": "patient", "case_id": "case_record", "visit_id": "visit",
    "contact_id": "contact", "plan_id": "care_plan", "goal_id": "goal",
}
RECORD_FIELD = "_record"  # pseudo-field: base version of delete/restore, delete-vs-edit conflicts

OpKind = Literal["upsert", "delete", "restore", "append", "resolve", "purge"]


class Op(BaseModel):
    op_id: str
    table: str
    record_id: str
    patient_id: str | None = None
    kind: OpKind
    fields: dict[str, Any] = Field(default_factory=dict)
    # per field: the server version the device based its edit on; "_record" for delete/restore
    base_versions: dict[str, int] = Field(default_factory=dict)
    hlc: str
    conflict_id: str | None = None  # for kind="resolve"
    # optional, per field: the value the edit was based on (field_meta.base_value); shown as
    # "base" in conflicts and used for the three-way merge of "union" fields
    base_values: dict[str, Any] | None = None


class PushRequest(BaseModel):
    device_id: str
    ops: list[Op] = Field(max_length=MAX_PUSH_OPS)
    # optional: the device's pull cursor; lets the server answer with `PushResponse.cursor`
    cursor: int | None = None
    # the device reads a field version missing from a result as the record's (module docstring)
    compact: bool = False
    # optional, with `cursor`: when the answer's cursor is null, the changes after `cursor` (at
    # most this many) in `PushResponse.page`, the pull that would follow without a second request
    pull: int | None = Field(default=None, ge=1, le=MAX_PULL_LIMIT)


class ConflictInfo(BaseModel):
    conflict_id: str
    table: str
    record_id: str
    patient_id: str | None = None
    field: str
    base_value: Any = None
    mine: Any = None  # the contender that lost the race (the pushing device's value)
    theirs: Any = None  # the value the server kept
    server_version: int
    status: Literal["open", "resolved"] = "open"
    resolution: Any = None  # the value chosen when resolved (absent for "_record" conflicts)


OpStatus = Literal["applied", "noop", "conflict", "rejected"]


class OpResult(BaseModel):
    op_id: str
    status: OpStatus
    server_seq: int | None = None
    field_versions: dict[str, int] = Field(default_factory=dict)
    conflicts: list[ConflictInfo] = Field(default_factory=list)
    reason: str | None = None  # a message code when rejected, e.g. "sync.forbidden"
    # fields of the op whose server value now differs from what the device sent (LWW lost,
    # union merged): the device stores these values with their field_versions
    fields: dict[str, Any] = Field(default_factory=dict)
    record_version: int | None = None  # the record's version after the op (None if rejected)
    # a consent event that made the server purge the patient (server_seq is the purge's)
    purged: bool = False


ChangeKind = Literal["upsert", "delete", "purge", "conflict", "conflict_resolved"]


class Change(BaseModel):
    seq: int
    table: str
    record_id: str
    patient_id: str | None = None
    kind: ChangeKind
    fields: dict[str, Any] = Field(default_factory=dict)  # full current record for upsert
    field_versions: dict[str, int] = Field(default_factory=dict)
    record_version: int = 0
    deleted: bool = False
    hlc: str | None = None
    conflict: ConflictInfo | None = None
    # optional, per field of an upsert: the display name of the user whose laptop wrote it
    # (the rectification history's author on the other laptops); older servers send none
    authors: dict[str, str] = Field(default_factory=dict)
    # compact form: the author of the fields `authors` leaves out
    author: str | None = None
    reason: str | None = None  # purge: "consent_withdrawn" | "erased" | "team_moved"
    # purge after a withdrawal: the team-sharing consent events ({record_id, fields}) the
    # server weighs later decisions against; a device that keeps the patient adds them
    consents: list[dict[str, Any]] = Field(default_factory=list)


class PullResponse(BaseModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: str


class PushResponse(BaseModel):
    results: list[OpResult]
    server_time: str
    # when the request sent its cursor and nothing but this push changed the device's scope
    # since: the cursor it may store without pulling (the results hold its changes' versions);
    # None: pull as usual. Older servers never send it.
    cursor: int | None = None
    # asked for by `PushRequest.pull` and the answer's cursor null: the pull page from the
    # request's cursor, as GET /v1/sync/pull would answer it after this batch. None: pull as
    # usual (not asked, an older server, or a pull that would fail: the device's pull says why)
    page: PullResponse | None = None


class ChecksumResponse(BaseModel):
    cursor: int
    tables: dict[str, dict[str, Any]]  # table -> {"count": n, "checksum": hex}


class EnrollRequest(BaseModel):
    username: str = Field(max_length=200)
    password: str = Field(max_length=1000)
    device_name: str = Field(default="", max_length=200)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    user: str
    organisation: str
    teams: list[dict[str, str]]  # {"id": ..., "name": ...}
    default_team_id: str | None = None
    # case_manager | coordinator | administrator; None from a server that predates roles
    role: str | None = None
    username: str = ""  # the user's login name (responsible case managers are named by it)
    # the users of the caller's teams: {"username", "name", "team_id"} (responsible candidates)
    members: list[dict[str, str]] = Field(default_factory=list)


class DeviceStatus(BaseModel):
    device_id: str
    revoked: bool
    stolen: bool
    teams: list[dict[str, str]] = Field(default_factory=list)
    role: str | None = None  # as in EnrollResponse
    username: str = ""
    members: list[dict[str, str]] = Field(default_factory=list)


class ErrorBody(BaseModel):
    detail: str  # a message code, e.g. "sync.protocol_unsupported"
