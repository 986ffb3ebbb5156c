"""Atomic file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from desktop.storage.errors import VaultError


def atomic_write(path: Path, data: bytes) -> None:
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
        raise translate_os_error(exc, path.parent) from exc
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def translate_os_error(exc: OSError, folder: Path) -> VaultError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return VaultError("vault.disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError("vault.not_writable", path=str(folder))
    return VaultError("cli.unexpected_error", detail=exc.strerror or str(exc))
