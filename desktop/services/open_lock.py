"""One process at a time on a vault: the app's window or a `relais` command.

Two processes on one vault would each run a writer and a sync over the same outbox, drafts and
auto-lock; a command changing the passphrase under an open window would leave that window
writing with the old key. So the app (desktop/ui/app.py), `make run` (tools/run_demo.py) and
every command that opens a vault (desktop/commands/common.py) hold this lock first.

It is an operating-system lock on a file in the per-user data folder, named by a hash of the
vault's path (no path, let alone patient data, in its name or its content). The system drops it
when the process ends however it ends (a crash, kill -9, a power cut): nothing is ever left
stale, so nothing needs taking over."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

# what a lock already held answers (EDEADLK: msvcrt's after its retries)
_HELD = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


def lock_folder() -> Path:
    from desktop.resources import user_data_folder

    return user_data_folder() / "open"


class OpenLock:
    """A held lock: kept until `release()` or the end of the process."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd  # None: the system could not lock (see `hold`)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)  # POSIX: closing the file drops its lock

    def __del__(self) -> None:
        # at interpreter exit anything may already be gone: the system drops the lock anyway
        with contextlib.suppress(Exception):
            self.release()

    def __enter__(self) -> OpenLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def hold(folder: Path, locks: Path | None = None) -> OpenLock | None:
    """The lock on the vault in `folder`; None when another running process holds it.

    Where the system cannot lock at all (a read-only or network home folder without locking),
    the vault opens unguarded rather than never: a lock that always says "open elsewhere" would
    keep the case manager out of her own caseload."""
    locks = locks or lock_folder()
    # one name however the path is spelt: resolved, and on Windows case-folded (C:\Users and
    # c:\users are the same folder there)
    path = os.path.normcase(str(Path(folder).resolve()))
    key = hashlib.sha256(path.encode()).hexdigest()[:24]
    try:
        locks.mkdir(parents=True, exist_ok=True)
        fd = os.open(locks / f"{key}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        log.warning("vault open lock unavailable (%s): opened without it", exc.strerror)
        return OpenLock(None)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            # flock, not fcntl's record locks: those belong to the process, so a second hold
            # in the same process would succeed; a flock belongs to this open file
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in _HELD:
            return None
        log.warning("vault open lock unavailable (%s): opened without it", exc.strerror)
        return OpenLock(None)
    return OpenLock(fd)
