"""Giving SQLCipher the data key without leaving copies of it in the process.

`PRAGMA key = "x'…'"` needs the key as SQL text: a Python str (immutable, never wiped, kept in
the binding's statement cache) plus SQLite's own copies of the statement. After `lock()` these
copies would stay in memory until reused. Instead:

- the `x'…'` literal is built in a bytearray and zeroed right after use;
- it goes to SQLCipher's C API `sqlite3_key()` through ctypes, on the connection's own handle:
  SQLCipher copies it into memory it zeroes when the connection closes. The handle is the first
  field after the object header of a pysqlite-style Connection (sqlcipher3 = pysqlite3); it is
  checked with `sqlite3_db_filename()` before use.
- where the binding does not export `sqlite3_key` (a Windows .pyd exports only its init
  function), the PRAGMA goes through `executescript` (prepared and finalized at once, never in
  the binding's statement cache) and the one str built for it is overwritten in place afterwards
  (ctypes.memset on the str's buffer: CPython's compact ASCII layout). Immutable objects are not
  meant to change, but nothing else refers to that str. SQLite's transient copy of the statement
  text is freed, not wiped, on that path only.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Any

import sqlcipher3

_HEX = b"0123456789abcdef"
_lib: Any = None


def _sqlcipher() -> Any:
    """The already-loaded SQLCipher library of the binding (the same image, not a copy)."""
    global _lib
    if _lib is None:
        try:
            from sqlcipher3 import _sqlite3

            lib = ctypes.CDLL(_sqlite3.__file__)
            lib.sqlite3_key.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
            lib.sqlite3_key.restype = ctypes.c_int
            lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
            lib.sqlite3_db_filename.restype = ctypes.c_char_p
            _lib = lib
        except (OSError, AttributeError, ImportError):
            _lib = False
    return _lib


def hex_literal(key: bytearray) -> bytearray:
    """`x'<hex>'` in a fresh bytearray (no str or bytes copy of the key is made)."""
    out = bytearray(3 + 2 * len(key))
    out[0:2] = b"x'"
    for i, b in enumerate(key):
        out[2 + 2 * i] = _HEX[b >> 4]
        out[3 + 2 * i] = _HEX[b & 15]
    out[-1] = ord("'")
    return out


def wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def wipe_immutable(obj: bytes | str) -> None:
    """Overwrite a bytes or compact-ASCII str object's characters in place (see module doc)."""
    if isinstance(obj, bytes):
        n = len(obj)
    elif isinstance(obj, str) and obj.isascii():
        n = len(obj)
    else:
        return
    if n:
        # both layouts end with the characters and one terminating NUL
        ctypes.memset(id(obj) + sys.getsizeof(obj) - n - 1, 0, n)


def _handle(conn: Any, db_path: Path) -> int | None:
    lib = _sqlcipher()
    if not lib or type(conn) is not sqlcipher3.Connection:
        return None
    db = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not db:
        return None
    name = lib.sqlite3_db_filename(db, b"main")
    if not name or os.path.realpath(os.fsdecode(name)) != os.path.realpath(db_path):
        return None
    return int(db)


def apply_key(conn: Any, key: bytearray, db_path: Path) -> None:
    """Key a fresh connection to `db_path` with the raw 256-bit data key."""
    literal = hex_literal(key)
    try:
        db = _handle(conn, db_path)
        if db is not None:
            view = (ctypes.c_char * len(literal)).from_buffer(literal)
            try:
                rc = _sqlcipher().sqlite3_key(db, ctypes.addressof(view), len(literal))
            finally:
                del view
            if rc != 0:
                raise sqlcipher3.DatabaseError(f"sqlite3_key failed ({rc})")
            return
        prefix = b'PRAGMA key = "'
        statement = bytearray(len(prefix) + len(literal) + 1)  # filled in place: no realloc
        statement[:len(prefix)] = prefix
        statement[len(prefix):-1] = literal
        statement[-1] = ord('"')
        sql = statement.decode("ascii")
        wipe(statement)
        try:
            conn.executescript(sql)  # prepared and finalized at once: not in the statement cache
        finally:
            wipe_immutable(sql)
    finally:
        wipe(literal)
