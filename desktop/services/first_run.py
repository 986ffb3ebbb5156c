"""First run: create the vault so that an interrupted wizard never leaves a half-created vault.

The vault is created in a hidden staging folder beside its final place; the wizard shows the
recovery key, prints the recovery sheet and may enrol the device while the vault sits there.
Finishing moves the folder into place with one rename; cancelling (or a crash, cleaned up on
the next start) deletes it. The real vault folder therefore either holds a complete vault or
nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import ValidationError
from desktop.domain.passphrase_strength import Strength, evaluate
from desktop.reports.recovery_sheet import write_recovery_sheet
from desktop.services.context import AppContext
from desktop.storage.errors import VaultError
from desktop.storage.fsutil import fsync_dir, translate_os_error
from desktop.storage.vault import DB_NAME, ENVELOPE_NAME, vault_exists

log = logging.getLogger(__name__)

_STAGING = ".{name}.creating-"


@dataclass(frozen=True)
class PendingVault:
    """A vault created in its staging folder, not yet moved into place."""

    staging: Path
    final: Path
    vault_id: str
    recovery_key: str
    created: dt.date


def passphrase_strength(passphrase: str) -> Strength:
    return evaluate(passphrase)


def _staging_prefix(final: Path) -> str:
    return _STAGING.format(name=final.name)


def clean_stale(final: Path) -> int:
    """Delete staging folders left by an interrupted wizard (a crash, a power cut)."""
    parent = final.parent
    if not parent.is_dir():
        return 0
    removed = 0
    prefix = _staging_prefix(final)
    for path in parent.iterdir():
        if path.is_dir() and path.name.startswith(prefix) and _only_vault_files(path):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    if removed:
        log.info("removed %d interrupted vault creation folder(s)", removed)
    return removed


def _only_vault_files(folder: Path) -> bool:
    """Staging folders hold only vault files: never delete anything a person put there."""
    allowed = re.compile(rf"^({re.escape(DB_NAME)}(-wal|-shm|-journal)?|{re.escape(ENVELOPE_NAME)}"
                         r"|\..*\.tmp-\d+|\.write-probe-\d+)$")
    return all(p.is_file() and allowed.match(p.name) for p in folder.iterdir())


def begin_vault(final: Path, passphrase: str, user_name: str | None = None,
                **ctx_kw: object) -> tuple[AppContext, PendingVault]:
    """Create the vault in its staging folder; returns it unlocked."""
    final = Path(final)
    if vault_exists(final) or (final / DB_NAME).exists():
        raise VaultError("vault.exists", path=str(final))
    if user_name is not None and len(user_name) > 200:
        raise ValidationError("text.too_long", "user_name", max=200)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise translate_os_error(exc, final.parent) from exc
    clean_stale(final)
    staging = final.parent / f"{_staging_prefix(final)}{os.getpid()}"
    ctx, recovery = AppContext.create(staging, passphrase, user_name=user_name, **ctx_kw)  # type: ignore[arg-type]
    return ctx, PendingVault(staging, final, ctx.vault.vault_id, recovery, dt.date.today())


def write_sheet(pending: PendingVault, out: Path, lang: str) -> Path:
    """The printable recovery sheet (no patient data: the key, the vault id, the date)."""
    return write_recovery_sheet(out, pending.recovery_key, pending.vault_id, pending.created, lang)


def commit_vault(ctx: AppContext, pending: PendingVault, passphrase: str,
                 **ctx_kw: object) -> AppContext:
    """Move the finished vault into place (one rename) and reopen it there."""
    ctx.lock()
    if pending.final.exists() and any(pending.final.iterdir()):
        raise VaultError("vault.exists", path=str(pending.final))
    try:
        if pending.final.exists():
            pending.final.rmdir()  # an empty folder made by hand: the rename needs it gone
        os.replace(pending.staging, pending.final)
    except OSError as exc:
        raise translate_os_error(exc, pending.final.parent) from exc
    fsync_dir(pending.final.parent)
    return AppContext.open(pending.final, passphrase, **ctx_kw)  # type: ignore[arg-type]


def abandon_vault(ctx: AppContext | None, pending: PendingVault | None) -> None:
    """Cancel: lock and delete the staging vault. Safe to call twice."""
    if ctx is not None:
        with contextlib.suppress(Exception):
            ctx.lock()
    if pending is not None and pending.staging.exists():
        shutil.rmtree(pending.staging, ignore_errors=True)


# ---- optional enrolment with the organisation's server -------------------------------------
def server_fingerprint(url: str) -> str | None:
    """The fingerprint to confirm with the administrator (None for a plain http:// test server).

    Raises SyncError("sync.unreachable", ...) when nothing answers at that address."""
    from desktop.sync.client import fetch_fingerprint, format_fingerprint

    url = url.strip()
    if not url.startswith(("https://", "http://")):
        raise ValidationError("first_run.server_url_invalid", "server")
    if url.startswith("http://"):
        return None
    return format_fingerprint(fetch_fingerprint(url))


def enroll_device(ctx: AppContext, url: str, user: str, password: str,
                  fingerprint: str | None) -> None:
    """Enrol this device (client sync's service); the confirmed fingerprint gets pinned."""
    from desktop.services import sync

    sync.enroll(ctx, url.strip(), user.strip(), password, fingerprint=fingerprint)
