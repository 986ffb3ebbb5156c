"""Reading a file the user names (answers, instrument definitions, consent evidence, ...).

One helper for every input file: only regular files are read (never a device, a folder or a
pipe, which could block or never end), and never more than a stated size. The limits are
documented in README.md ("Files the app reads").
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from desktop.domain.errors import ValidationError

MiB = 1024 * 1024
MAX_ANSWERS_BYTES = 1 * MiB
MAX_DEFINITION_BYTES = 2 * MiB  # consent evidence: desktop.domain.evidence.MAX_EVIDENCE_BYTES
# JSON deeper than this is refused before anything walks it (Python recursion would fail first)
MAX_JSON_DEPTH = 64


def _size_text(max_bytes: int) -> str:
    return f"{max_bytes // MiB} MB" if max_bytes >= MiB else f"{max_bytes} bytes"


def read_user_file(path: str | Path, *, max_bytes: int, field: str = "file",
                   unreadable: str = "file.unreadable", too_large: str = "file.too_large") -> bytes:
    """The bytes of a regular file of at most `max_bytes`, or a ValidationError on `field`:
    `file.not_regular`, `too_large` (params max, max_mb) or `unreadable` (param detail)."""
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; refused just below anyway
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise ValidationError(unreadable, field, detail=detail) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValidationError("file.not_regular", field)
        if st.st_size > max_bytes:
            raise ValidationError(too_large, field, max=_size_text(max_bytes),
                                  max_mb=max(1, max_bytes // MiB))
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:  # a file may grow, or lie about its size (/proc)
            chunk = os.read(fd, min(1 * MiB, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise ValidationError(too_large, field, max=_size_text(max_bytes),
                                  max_mb=max(1, max_bytes // MiB))
        return b"".join(chunks)
    except OSError as exc:
        raise ValidationError(unreadable, field,
                              detail=exc.strerror or type(exc).__name__) from exc
    finally:
        os.close(fd)


def json_depth_ok(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when `value` nests no deeper than `limit` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return True


def parse_json(raw: bytes, field: str = "file") -> Any:
    """Decode UTF-8 JSON; refuses invalid text (`file.not_utf8`), bad JSON (`file.not_json`
    with line and column) and nesting deeper than MAX_JSON_DEPTH (`file.too_deep`)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError("file.not_utf8", field, position=exc.start + 1) from exc
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise ValidationError("file.too_deep", field, max=MAX_JSON_DEPTH) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError("file.not_json", field, line=exc.lineno, column=exc.colno) from exc
    if not json_depth_ok(data):
        raise ValidationError("file.too_deep", field, max=MAX_JSON_DEPTH)
    return data
