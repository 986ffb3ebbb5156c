"""Atomic file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from desktop.storage.errors import VaultError


def atomic_write(path: Path, data: bytes, *, vault: bool = False) -> None:
    """`vault=True` for the vault's own files (vault.json): a failure names the vault folder;
    otherwise it names the file the user asked for (an export, a document)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if vault:
            raise translate_os_error(exc, path.parent) from exc
        raise file_write_error(exc, path) from exc
    fsync_dir(path.parent)


def private_folder(folder: Path) -> None:
    """Create FOLDER (parents as usual): a folder created here is 0700 whatever the umask."""
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)


def create_private_file(path: Path) -> None:
    """An empty 0600 file whatever the umask (SQLite then gives its -wal/-shm the same mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def export_mode(target: Path) -> int:
    """Mode for an export about to replace TARGET: 0600 for a new file (it holds patient data);
    a file replaced keeps the mode its owner gave it."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o600


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_write_error(exc: OSError, path: Path) -> VaultError:
    """A file the user named could not be written: one line naming it and the system's reason
    (not "Unexpected error", and not the vault folder)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return VaultError("vault.disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError("document.not_writable", path=str(path.parent))
    return VaultError("file.not_written", path=str(path), detail=exc.strerror or type(exc).__name__)


def translate_os_error(exc: OSError, folder: Path) -> VaultError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return VaultError("vault.disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError("vault.not_writable", path=str(folder))
    return VaultError("cli.unexpected_error", detail=exc.strerror or str(exc))
