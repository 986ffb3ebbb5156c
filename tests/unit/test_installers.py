"""Packaging pieces that run without building the bundle: resources found in source and bundle
layouts, the Qt allowlist covers every Qt import, the self-test with a read-only home, the
recovery sheet."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from desktop import resources
from desktop.reports.recovery_sheet import render_recovery_sheet, write_recovery_sheet
from desktop.services import first_run

ROOT = Path(__file__).resolve().parents[2]


def test_resources_in_source_tree_and_in_bundle(monkeypatch, tmp_path: Path) -> None:
    assert resources.resource_path("icons", "relais.svg").exists()
    assert resources.resource_path("fonts", "DejaVuSans.ttf").exists()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("translations", "relais_fr.qm") == \
        tmp_path / "resources" / "translations" / "relais_fr.qm"


def test_spec_allowlist_covers_every_qt_module_imported() -> None:
    allowed = {line.strip() for line in (ROOT / "installers" / "qt-modules.txt").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    used: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used - allowed == set(), "add these to installers/qt-modules.txt or stop using them"
    assert {"QtCore", "QtGui", "QtWidgets"} <= allowed


def test_desktop_entry_and_icons_are_consistent() -> None:
    entry = (ROOT / "installers" / "linux" / "relais.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Exec"] == "relais" and fields["Icon"] == "relais" and fields["Type"] == "Application"
    for name in ("relais.svg", "relais.png", "relais-256.png", "relais.ico", "relais.icns"):
        assert (ROOT / "resources" / "icons" / name).stat().st_size > 500


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="needs setpriv as root")
def test_self_test_with_read_only_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    tmp_path.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    # As root, drop the capabilities that bypass file permissions but stay root: the checkout and
    # the venv stay readable even inside a folder other users cannot enter (a 0700 clone), while
    # the root-owned 0555 home is as read-only as it is for a user.
    dac = "-dac_override,-dac_read_search,-fowner"
    prefix = ["setpriv", f"--bounding-set={dac}", f"--inh-caps={dac}"] if os.geteuid() == 0 else []
    proc = subprocess.run([*prefix, sys.executable, "-B", "-m", "desktop", "--self-test"], env=env,
                          cwd=str(tmp_path), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "handout rendered" in proc.stdout
    assert list(home.iterdir()) == []


def test_recovery_sheet_shows_the_key_in_every_language(tmp_path: Path) -> None:
    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    for lang, title in (("fr", "feuille de récupération"), ("nl", "herstelblad"),
                        ("en", "recovery sheet")):
        out = write_recovery_sheet(tmp_path / f"sheet-{lang}.pdf", key, "0191-vault", dt.date(2026, 11, 23), lang)
        text = PdfReader(out).pages[0].extract_text()
        assert title in text and "0191-vault" in text and "2026-11-23" in text
        assert all(group in text for group in key.split("-"))
        # the rendered page has the key box drawn: dark pixels in the upper third
        page = pdfium.PdfDocument(str(out))[0]
        image = page.render(scale=0.5).to_pil().convert("L")
        w, h = image.size
        dark = sum(1 for x in range(0, w, 2) for y in range(0, h // 3, 2) if image.getpixel((x, y)) < 100)
        assert dark > 200


def test_recovery_sheet_to_unwritable_place_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "sheet.pdf"
    with pytest.raises(OSError):
        write_recovery_sheet(target, "ABCD-EFGH", "id", dt.date(2026, 11, 23), "fr")
    assert not target.parent.exists()
    assert render_recovery_sheet("ABCD-EFGH", "id", dt.date(2026, 11, 23))[:5] == b"%PDF-"


def test_begin_vault_refuses_an_existing_vault_and_keeps_it(tmp_path: Path) -> None:
    from desktop.domain.errors import DomainError

    final = tmp_path / "vault"
    ctx, pending = first_run.begin_vault(final, "une phrase assez longue")
    done = first_run.commit_vault(ctx, pending, "une phrase assez longue")
    done.lock()
    before = sorted(p.name for p in final.iterdir())
    with pytest.raises(DomainError) as err:
        first_run.begin_vault(final, "une autre phrase longue")
    assert err.value.code == "vault.exists"
    assert sorted(p.name for p in final.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]


def test_begin_vault_short_passphrase_creates_nothing(tmp_path: Path) -> None:
    from desktop.domain.errors import DomainError

    with pytest.raises(DomainError) as err:
        first_run.begin_vault(tmp_path / "vault", "short")
    assert err.value.code == "vault.passphrase_too_short"
    assert list(tmp_path.iterdir()) == []
