"""Record of processing activities (GDPR art. 30), built from the organisation's settings.

Settings live in the vault (`gdpr.register.<key>`); every key has a sensible default so a new
organisation gets a complete register and fills in its own names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.domain.consent_policy import PURPOSE_PROVIDER_OBJECTION, PURPOSES
from desktop.domain.errors import ValidationError
from desktop.domain.retention import check_retention_years
from desktop.domain.text import clean_line
from desktop.i18n import t, user_language
from desktop.services import gdpr
from desktop.services.context import AppContext
from desktop.storage.fsutil import atomic_write

PREFIX = "gdpr.register."


def _text(value: str) -> str:
    return clean_line(value, "setting", max_len=500)


def _list(value: str) -> list[str]:
    return [clean_line(x, "setting", max_len=300) for x in value.split(";") if x.strip()]


def _min_cell(value: str) -> int:
    try:
        n = int(value.strip())
    except ValueError as exc:
        raise ValidationError("gdpr.min_cell_invalid", "min_cell") from exc
    if n < 1:
        raise ValidationError("gdpr.min_cell_invalid", "min_cell")
    return n


# key → parser of the text given on the command line
SETTINGS: dict[str, Callable[[str], Any]] = {
    "controller_name": _text,
    "controller_address": _text,
    "controller_contact": _text,
    "dpo_name": _text,
    "dpo_contact": _text,
    "recipients": _list,
    "processors": _list,
    "extra_purposes": _list,
    "security_notes": _list,
    "retention_years": check_retention_years,
    "stats_min_cell": _min_cell,
}


def _parse(assignment: str) -> tuple[str, Any]:
    if "=" not in assignment:
        raise ValidationError("gdpr.setting_format", "setting")
    key, value = (x.strip() for x in assignment.split("=", 1))
    if key not in SETTINGS:
        raise ValidationError("gdpr.setting_unknown", "setting", key=key)
    if key == "retention_years":
        return key, check_retention_years(value)
    return key, SETTINGS[key](value)


def set_settings(ctx: AppContext, assignments: list[str]) -> list[str]:
    """Apply "key=value" assignments (lists separated by ";"); all are checked before any is
    saved, so one bad value changes nothing. Returns the keys saved."""
    parsed = [_parse(a) for a in assignments]
    for key, value in parsed:
        if key == "retention_years":
            gdpr.set_retention_years(ctx, value)
        elif key == "stats_min_cell":
            ctx.set_setting(gdpr.SETTING_STATS_MIN_CELL, value)
        else:
            ctx.set_setting(PREFIX + key, value)
    return [k for k, _ in parsed]


def current_settings(ctx: AppContext) -> dict[str, Any]:
    out = {key: ctx.get_setting(PREFIX + key) for key in SETTINGS
           if key not in ("retention_years", "stats_min_cell")}
    out["retention_years"] = gdpr.retention_years(ctx)
    out["stats_min_cell"] = ctx.get_setting(gdpr.SETTING_STATS_MIN_CELL, gdpr.DEFAULT_MIN_CELL)
    return out


def register_data(ctx: AppContext, lang: str | None = None) -> dict[str, Any]:
    """The register as plain data in the chosen language."""
    lang = lang or user_language()
    cfg = current_settings(ctx)

    def tr(code: str, **kw: Any) -> str:
        return t(code, lang, **kw)

    unset = tr("register.unset")
    purposes = [
        {"purpose": tr("register.purpose.care"), "legal_basis": tr("register.basis.care")},
        *({"purpose": t(f"consent.purpose.{p}", lang),
           "legal_basis": tr("register.basis.notice" if p == "information_notice"
                             else "register.basis.consent")} for p in PURPOSES
          # an objection is the patient's right over a recipient, not a purpose of processing
          if p != PURPOSE_PROVIDER_OBJECTION),
        {"purpose": tr("register.purpose.audit"), "legal_basis": tr("register.basis.legal")},
        *({"purpose": p, "legal_basis": "-"} for p in cfg.get("extra_purposes") or []),
    ]
    security = [tr(f"register.security.{k}") for k in (
        "encryption", "passphrase", "autolock", "audit", "transport", "consent", "minimisation",
        "restriction")] + list(cfg.get("security_notes") or [])
    return {
        "title": tr("register.title"),
        "generated_on": ctx.today().isoformat(),
        "controller": {"name": cfg.get("controller_name") or unset,
                       "address": cfg.get("controller_address") or unset,
                       "contact": cfg.get("controller_contact") or unset},
        "dpo": {"name": cfg.get("dpo_name") or unset, "contact": cfg.get("dpo_contact") or unset},
        "purposes": purposes,
        "data_subjects": [tr("register.subjects.patients"), tr("register.subjects.carers"),
                          tr("register.subjects.professionals"), tr("register.subjects.staff")],
        "categories": [tr(f"register.category.{k}") for k in (
            "identity", "niss", "contact", "health", "social", "network", "consent", "audit")],
        "recipients": [tr("register.recipients.team"), tr("register.recipients.providers"),
                       *(cfg.get("recipients") or [])],
        "processors": list(cfg.get("processors") or []) or [unset],
        "transfers": tr("register.transfers"),
        "retention": tr("register.retention", years=cfg["retention_years"]),
        "security": security,
        "statistics": tr("register.statistics", min_cell=cfg["stats_min_cell"]),
    }


def _markdown(data: dict[str, Any], lang: str) -> str:
    def tr(code: str) -> str:
        return t(code, lang)

    lines = [f"# {data['title']}", "", f"{tr('register.generated_on')}: {data['generated_on']}", ""]
    c = data["controller"]
    lines += [f"## {tr('register.h.controller')}", "", f"- {c['name']}", f"- {c['address']}",
              f"- {c['contact']}", "", f"## {tr('register.h.dpo')}", "",
              f"- {data['dpo']['name']}", f"- {data['dpo']['contact']}", "",
              f"## {tr('register.h.purposes')}", ""]
    lines += [f"- {p['purpose']} — {p['legal_basis']}" for p in data["purposes"]]
    for key in ("data_subjects", "categories", "recipients", "processors", "security"):
        lines += ["", f"## {tr('register.h.' + key)}", ""]
        lines += [f"- {x}" for x in data[key]]
    for key in ("transfers", "retention", "statistics"):
        lines += ["", f"## {tr('register.h.' + key)}", "", data[key]]
    return "\n".join(lines) + "\n"


def write_register(ctx: AppContext, out: str | Path, lang: str | None = None) -> Path:
    """Write the register: JSON for .json, Markdown text for .md and .txt."""
    path = Path(out)
    if path.suffix.lower() not in (".json", ".md", ".txt"):
        raise ValidationError("gdpr.output_suffix", "out", suffix=".json .md .txt")
    if not path.parent.exists():
        raise ValidationError("gdpr.output_folder_missing", "out")
    lang = lang or user_language()
    data = register_data(ctx, lang)
    if path.suffix.lower() == ".json":
        body = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        body = _markdown(data, lang)
    atomic_write(path, body.encode("utf-8"))
    return path


__all__ = ["SETTINGS", "current_settings", "register_data", "set_settings", "write_register"]
