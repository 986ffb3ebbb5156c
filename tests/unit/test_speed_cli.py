"""Issue 16 (items 2 and 5): the full integrity check is periodic or on demand
(`relais vault check`), `relais --help` imports no storage layer, instrument files are checked
once per content."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.services.context import AppContext
from tests.conftest import PASSPHRASE


def _damage_last_page(vault_dir: Path) -> None:
    db = vault_dir / "relais.db"
    data = bytearray(db.read_bytes())
    start = len(data) - 4096
    for offset in range(start + 100, start + 164):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def test_vault_check_reports_damage_in_one_line(cli, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    AppContext.create(vault_dir, PASSPHRASE)[0].lock()
    for lang, word in (("en", "intact"), ("fr", "intact"), ("nl", "intact")):
        r = cli("vault", "check", env={"RELAIS_LANG": lang})
        assert r.code == 0 and word in r.out, r.err
    r = cli("vault", "check", "--json")
    assert r.code == 0 and json.loads(r.out) == {"ok": True}
    _damage_last_page(vault_dir)
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    for lang, word in (("en", "damaged"), ("fr", "endommagée"), ("nl", "beschadigd")):
        r = cli("vault", "check", env={"RELAIS_LANG": lang})
        assert r.code == 1 and word in r.err, r.err
        assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir()} == before


def _modules_after(*argv: str, env: dict[str, str] | None = None) -> set[str]:
    code = ("import sys\nfrom desktop.cli import main\n"
            f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
            "print('--modules--')\nprint('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "RELAIS_LANG": "en", **(env or {})}, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split("--modules--")[-1].split())


def test_help_imports_no_storage_layer() -> None:
    for argv in (["--help"], ["patient", "--help"], ["vault", "--help"], ["bogus"]):
        mods = _modules_after(*argv)
        heavy = sorted(m for m in mods if m.split(".")[0] in ("sqlcipher3", "sqlalchemy", "alembic")
                       or m.startswith(("desktop.storage", "desktop.services", "PySide6")))
        assert heavy == [], (argv, heavy)


def test_no_command_module_imports_the_storage_layer() -> None:
    """Every command module registers its parser without SQLAlchemy or the models: `relais X
    --help` and a refused option stay fast for every X (services are imported in handlers)."""
    code = ("import sys\nfrom desktop.cli import build_parser\nbuild_parser()\n"
            "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    mods = set(out.stdout.split())
    heavy = sorted(m for m in mods if m.split(".")[0] in ("sqlcipher3", "sqlalchemy", "alembic",
                                                          "PySide6", "reportlab", "matplotlib")
                   or m.startswith(("desktop.storage", "desktop.services.context")))
    assert heavy == []


def test_a_command_without_vault_imports_no_storage_layer(tmp_path: Path) -> None:
    """`relais instrument list` with no vault shows the shipped catalog: no SQLAlchemy, SQLCipher,
    models, cryptography, nor (once the instrument files are known valid) jsonschema."""
    from desktop.commands.common import ENVELOPE_NAME
    from desktop.storage.vault import ENVELOPE_NAME as STORAGE_ENVELOPE_NAME

    assert ENVELOPE_NAME == STORAGE_ENVELOPE_NAME
    env = {"RELAIS_VAULT": str(tmp_path / "no-vault-here"), "RELAIS_CACHE_DIR": str(tmp_path / "cache")}
    _modules_after("instrument", "list", env=env)  # the first run checks the files and caches it
    mods = _modules_after("instrument", "list", env=env)
    assert "desktop.services.instruments" in mods  # the command did run
    heavy = sorted(m for m in mods if m.split(".")[0] in (
        "sqlcipher3", "sqlalchemy", "alembic", "jsonschema", "cryptography", "PySide6",
        "reportlab", "matplotlib") or m.startswith(("desktop.storage.", "desktop.services.context")))
    assert heavy == []  # the CLI reports the vault's errors as DomainErrors (no storage import)


def test_the_kdf_runs_ahead_while_the_command_imports(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A command that opens the vault with RELAIS_PASSPHRASE derives the key once, on the thread
    started before the command imports the storage layer; a command stopped before it opens the
    vault, or a wrong passphrase, leaves no derivation running."""
    import threading

    from desktop.storage import envelope

    where: list[str] = []
    derive_now = envelope._derive_now

    def recorded(*args):  # type: ignore[no-untyped-def]
        where.append(threading.current_thread().name)
        return derive_now(*args)

    monkeypatch.setattr(envelope, "_derive_now", recorded)
    assert run("patient", "add", "--family-name", "Gilson", "--given-name", "A")[0] == 0
    assert where == ["relais-kdf-ahead"] and envelope._ahead == {}
    where.clear()
    code, _out, err = run("settings", "--set", "no-such-setting=1")  # refused before opening
    assert code == 2 and err
    assert where == ["relais-kdf-ahead"] and envelope._ahead == {}
    assert not any(t.name == "relais-kdf-ahead" for t in threading.enumerate())
    where.clear()
    monkeypatch.setenv("RELAIS_PASSPHRASE", "not the passphrase")
    code, _out, err = run("patient", "list")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert where == ["relais-kdf-ahead"] and envelope._ahead == {}


def test_a_key_derived_ahead_serves_only_the_same_secret(vault_dir: Path) -> None:
    from desktop.storage import envelope

    AppContext.create(vault_dir, PASSPHRASE)[0].lock()
    path = vault_dir / "vault.json"
    env = envelope.Envelope.load(path)
    key = env.open_slot("passphrase", PASSPHRASE.encode())
    assert envelope.derive_ahead(path, b"not the passphrase")
    assert env.open_slot("passphrase", PASSPHRASE.encode()) == key  # derived again, not taken
    envelope.settle_ahead()
    assert envelope._ahead == {}
    assert envelope.derive_ahead(path, PASSPHRASE.encode())
    assert env.open_slot("passphrase", PASSPHRASE.encode()) == key and envelope._ahead == {}
    assert not envelope.derive_ahead(vault_dir / "missing.json", PASSPHRASE.encode())


def test_patient_list_rows(run) -> None:  # type: ignore[no-untyped-def]
    """The list reads plain columns: accent-insensitive order, first phone in national format."""
    for family, phone in (("Gilson", "0470 12 34 56"), ("Gérard", None), ("Gauthier", "+33 1 42 68 53 00"),
                          ("Łukasik", None)):
        extra = ["--phone", phone] if phone else []
        assert run("patient", "add", "--family-name", family, "--given-name", "A", *extra)[0] == 0
    code, out, err = run("patient", "list", "--json")
    assert code == 0, err
    rows = json.loads(out)["patients"]
    assert [r["family_name"] for r in rows] == ["Gauthier", "Gérard", "Gilson", "Łukasik"]
    assert [r["phone"] for r in rows] == ["+33 1 42 68 53 00", None, "0470 12 34 56", None]


def test_help_lists_every_command(cli) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import COMMANDS, build_parser

    r = cli("--help", vault=False)
    assert r.code == 0
    for name in COMMANDS:
        assert name in r.out
    # the full parser (every module imported) knows the same commands as the table
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)  # type: ignore[arg-type]


def test_each_command_is_registered_by_the_module_named_for_it() -> None:
    """command_module maps every subcommand of the table to the module that registers it."""
    import pytest

    from desktop.cli import COMMANDS, _top_parser, command_module

    for name in COMMANDS:
        _parser, sub = _top_parser()
        command_module(name).register(sub)
        assert name in sub.choices, name
    with pytest.raises(KeyError):
        command_module("no-such-command")


def _instrument_copy(tmp_path: Path) -> Path:
    import shutil

    from desktop.services import instruments

    folder = tmp_path / "instruments"
    shutil.copytree(instruments.instruments_dir(), folder)
    return folder


def test_instrument_files_checked_once_per_content(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.errors import ValidationError
    from desktop.services import instruments

    folder = _instrument_copy(tmp_path)
    monkeypatch.setenv("RELAIS_INSTRUMENTS_DIR", str(folder))
    monkeypatch.setenv("RELAIS_CACHE_DIR", str(tmp_path / "cache"))
    instruments.shipped.cache_clear()
    instruments._validator.cache_clear()
    try:
        first = instruments.shipped()
        cached = json.loads(instruments.validity_cache_path().read_text())["valid"]
        assert len(cached) == len(first)
        # a warm cache: a fresh process does not even import the schema validator
        code = ("import sys\nfrom desktop.services import instruments\n"
                "assert instruments.shipped()\nprint('jsonschema' in sys.modules)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={**os.environ, "RELAIS_INSTRUMENTS_DIR": str(folder),
                                  "RELAIS_CACHE_DIR": str(tmp_path / "cache")}, timeout=120)
        assert out.stdout.strip() == "False", out.stderr
        # the content changes so that the schema refuses it: the cache does not hide it
        path = next(p for p in sorted(folder.glob("*.json")) if p.name != "schema.json")
        data = json.loads(path.read_text())
        data["extra_key_the_schema_refuses"] = {"x": 1}
        path.write_text(json.dumps(data))
        instruments.shipped.cache_clear()
        try:
            instruments.shipped()
            refused = False
        except ValidationError:
            refused = True
        assert refused
        # a valid change: checked again, and its new hash replaces the old one
        del data["extra_key_the_schema_refuses"]
        path.write_text(json.dumps(data, indent=1))
        instruments.shipped.cache_clear()
        assert set(instruments.shipped()) == set(first)
        again = json.loads(instruments.validity_cache_path().read_text())["valid"]
        assert len(again) == len(first) and set(again) != set(cached)
    finally:
        instruments.shipped.cache_clear()
        instruments._validator.cache_clear()


def test_opening_an_up_to_date_vault_needs_no_alembic(vault_dir: Path) -> None:
    from desktop.storage import migrate

    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)
    engine = ctx.vault.writer_engine
    assert migrate._quick_up_to_date(engine, migrate.MIGRATIONS_DIR)
    assert migrate.current_revision(engine) == migrate.head_revision()  # the same answer as alembic
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    assert not migrate._quick_up_to_date(engine, migrate.MIGRATIONS_DIR)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (migrate.head_revision(),))
    ctx.lock()
    code = ("import sys\nfrom desktop.storage.vault import Vault\n"
            f"Vault.open(__import__('pathlib').Path({str(vault_dir)!r}), {PASSPHRASE!r}).lock()\n"
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
