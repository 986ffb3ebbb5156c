"""`relais …` run in-process: the same parser and handlers as the executable, without the
interpreter start-up (a subprocess costs about a second). Environment changes are undone."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from desktop.cli import main
from tests.conftest import PASSPHRASE, CliResult


def run_cli(*args: str, vault: Path | None = None, env: dict[str, str | None] | None = None) -> CliResult:
    full: dict[str, str | None] = {"RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_LANG": "en",
                                   **(env or {})}
    saved = {k: os.environ.get(k) for k in full}
    os.environ.update({k: v for k, v in full.items() if v is not None})
    for k, v in full.items():
        if v is None:
            os.environ.pop(k, None)
    out, err = io.StringIO(), io.StringIO()
    argv = [*args, *(["--vault", str(vault)] if vault is not None else [])]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return CliResult(code, out.getvalue(), err.getvalue())
