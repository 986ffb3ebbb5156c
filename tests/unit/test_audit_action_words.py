"""Every action the laptop records in its audit trail (`uow.audit("…")`, `action="…"`) has its
words in French, Dutch and English: the patient's copy of the record (art. 15) and
`relais gdpr audit` print them, and a code such as `decide_tier` means nothing to a patient."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.i18n import LANGUAGES, catalog

ROOT = Path(__file__).resolve().parents[2] / "desktop"
# uow.audit("edit", …) and audit_event rows written with action="…"
CALL = re.compile(r"\baudit\(\s*[\"']([a-z_]+)[\"']")
FIELD = re.compile(r"[\"']action[\"']\s*:\s*[\"']([a-z_]+)[\"']|\baction=[\"']([a-z_]+)[\"']")
NOT_AUDIT = {"store_true", "store_false", "append", "count", "version"}  # argparse's actions


def recorded_actions() -> set[str]:
    found: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        found.update(CALL.findall(text))
        found.update(a or b for a, b in FIELD.findall(text))
    return found - NOT_AUDIT


def test_the_actions_are_found() -> None:
    actions = recorded_actions()
    assert {"view", "print", "export", "edit", "agree", "decide_tier", "sync_retry"} <= actions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_recorded_action_has_words(lang: str) -> None:
    missing = sorted(a for a in recorded_actions() if f"audit.action.{a}" not in catalog(lang))
    assert not missing, f"{lang}: {missing}"
