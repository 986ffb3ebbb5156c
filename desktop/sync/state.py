"""Keys of the local `sync_state` table (inside the encrypted vault) and small accessors."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop.storage.models import SyncState

T = TypeVar("T")

CURSOR = "cursor"  # last server_seq applied (moves with each pulled page, never back)
TOKEN = "device_token"
SERVER_URL = "server_url"
FINGERPRINT = "tls_fingerprint"  # pinned SHA-256 of the server certificate (https only)
SERVER_DEVICE_ID = "server_device_id"
ACCOUNT = "account"  # {"user", "organisation", "teams", "default_team_id", "role"}
LAST_SYNC = "last_sync"  # {"at": iso, "ok": bool, "error": code | None, counts...}
REBUILD = "rebuild_pending"  # a 410 or a checksum mismatch: rebuild from a snapshot
# patients a version before responsible-only sharing kept local-only after the server purged
# them: the first sync after the upgrade sends them again in full
RESHARE = "reshare_patients"
PURGE_LATER = "purge_later"  # patients no longer shown to this user, purged once edits went up
PARKED = "parked_changes"  # pulled records whose parent record has not arrived yet
# {"outbox_seq": n}: the first pull into an empty vault is under way and nothing local has been
# written since (the outbox still ends at n): its pages go in through the bulk path
INITIAL_PULL = "initial_pull"
SNAPSHOT_CURSOR = "snapshot_cursor"
LAST_CHECKSUM = "last_checksum_at"  # epoch seconds of the last sanity check that ran
REVOKED = "revoked"  # {"stolen": bool} once the server said so
HLC = "hlc"


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SyncState, key)
    return default if row is None or row.value is None else row.value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def delete(session: Session, key: str) -> None:
    row = session.get(SyncState, key)
    if row is not None:
        session.delete(row)


class UnitLike(Protocol):
    session: Session


class ContextLike(Protocol):
    """What the engine needs from `desktop.services.context.AppContext` (no import upward)."""

    device_id: str
    clock: Any

    def write(self, fn: Any) -> Any: ...

    def read(self, fn: Any) -> Any: ...
