"""Fixtures shared by the command-line tests of tests/unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def run(vault_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`relais …` in-process on a new vault: run("patient", "list", lang="fr") → (code, out, err)."""
    monkeypatch.setenv("RELAIS_PASSPHRASE", PASSPHRASE)

    def go(*args: str, lang: str = "en") -> tuple[int, str, str]:
        monkeypatch.setenv("RELAIS_LANG", lang)
        code = main([*args, "--vault", str(vault_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert go("vault", "init")[0] == 0
    return go
