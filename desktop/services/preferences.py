"""Per-vault preferences that the settings page and `relais settings` edit.

They live in the encrypted vault (table `settings`), never in QSettings: the organisation's
name and the case manager's phone and e-mail are printed on the patient's handout and letters.
Only the UI language lives in QSettings (it is needed before the vault is unlocked).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.phone import display_phone, normalize_phone
from desktop.domain.text import clean_line

if TYPE_CHECKING:  # `relais settings --help` names SETTABLE without the storage layer
    from desktop.services.context import AppContext
    from desktop.services.unit_of_work import UnitOfWork

AUTOLOCK_KEY = "autolock_minutes"
AUTOLOCK_DEFAULT = 10
AUTOLOCK_MIN, AUTOLOCK_MAX = 1, 120  # beyond two hours an unattended laptop stays open too long


def autolock_minutes(ctx: AppContext) -> int:
    value = ctx.get_setting(AUTOLOCK_KEY, AUTOLOCK_DEFAULT)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return AUTOLOCK_DEFAULT
    return minutes if AUTOLOCK_MIN <= minutes <= AUTOLOCK_MAX else AUTOLOCK_DEFAULT


def set_autolock_minutes(ctx: AppContext, minutes: object) -> int:
    """Validate, then store; an invalid value changes nothing."""
    try:
        value = int(str(minutes).strip())
    except ValueError:
        raise ValidationError("autolock.range", "autolock_minutes", min=AUTOLOCK_MIN,
                              max=AUTOLOCK_MAX) from None
    if not AUTOLOCK_MIN <= value <= AUTOLOCK_MAX:
        raise ValidationError("autolock.range", "autolock_minutes", min=AUTOLOCK_MIN,
                              max=AUTOLOCK_MAX)
    ctx.set_setting(AUTOLOCK_KEY, value)
    return value


# ---- Today: requests still without a first contact after N days ---------------------------
FIRST_CONTACT_KEY = "no_first_contact_days"
FIRST_CONTACT_MIN, FIRST_CONTACT_MAX = 1, 90


def no_first_contact_days(ctx: AppContext) -> int:
    from desktop.domain.intake import NO_FIRST_CONTACT_DAYS

    value = ctx.get_setting(FIRST_CONTACT_KEY, NO_FIRST_CONTACT_DAYS)
    ok = isinstance(value, int) and FIRST_CONTACT_MIN <= value <= FIRST_CONTACT_MAX
    return int(value) if ok else NO_FIRST_CONTACT_DAYS


def _days(raw: str, key: str) -> int:
    try:
        days = int(raw.strip())
    except ValueError:
        days = 0
    if not FIRST_CONTACT_MIN <= days <= FIRST_CONTACT_MAX:
        raise ValidationError("settings.days_range", key, min=FIRST_CONTACT_MIN,
                              max=FIRST_CONTACT_MAX)
    return days


# ---- the organisation and the case manager's contact details ------------------------------
ORGANISATION_KEY = "organisation_name"  # the documents read the same keys
CM_PHONE_KEY = "case_manager_phone"  # stored E.164
CM_EMAIL_KEY = "case_manager_email"
PROFILE_KEYS = (ORGANISATION_KEY, CM_PHONE_KEY, CM_EMAIL_KEY)
# the instruments proposed for a re-assessment after a hospital discharge (comma-separated ids)
REASSESS_KEY = "reassess_after_discharge"
# what `relais settings --set NAME=VALUE` may change, in the order they are printed
SETTABLE = (*PROFILE_KEYS, AUTOLOCK_KEY, REASSESS_KEY, FIRST_CONTACT_KEY)


def reassess_instruments(ctx: AppContext) -> list[str]:
    """The instruments to re-assess after a discharge (the setting, else the default)."""
    from desktop.domain.transitions import DEFAULT_REASSESS_INSTRUMENTS

    value = ctx.get_setting(REASSESS_KEY, None)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return list(DEFAULT_REASSESS_INSTRUMENTS)


def _instrument_ids(raw: str) -> list[str]:
    from desktop.services.instruments import catalog

    ids = list(dict.fromkeys(x.strip() for x in raw.split(",") if x.strip()))
    known = catalog(None)
    for i in ids:
        if i not in known:
            raise ValidationError("settings.instrument_unknown", REASSESS_KEY, id=i[:64],
                                  names=", ".join(sorted(known)))
    return ids


@dataclass(frozen=True)
class Profile:
    organisation_name: str | None
    case_manager_phone: str | None  # E.164
    case_manager_email: str | None

    @property
    def phone_display(self) -> str | None:
        return display_phone(self.case_manager_phone) if self.case_manager_phone else None


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, str) and value.strip() else None


def profile(ctx: AppContext) -> Profile:
    values = ctx.read(lambda s: {k: _get(s, k) for k in PROFILE_KEYS})
    return Profile(_text(values[ORGANISATION_KEY]), _text(values[CM_PHONE_KEY]),
                   _text(values[CM_EMAIL_KEY]))


def _get(session: Any, key: str) -> Any:
    from desktop.storage.models import Setting

    row = session.get(Setting, key)
    return row.value if row else None


def validate_email(value: str | None, field: str = CM_EMAIL_KEY) -> str | None:
    e = clean_line(value, field, max_len=200)
    if e and (e.count("@") != 1 or " " in e or e.startswith("@") or e.endswith("@")
              or "." not in e.split("@")[1]):
        raise ValidationError("email.invalid", field)
    return e or None


def _clean(key: str, value: object) -> object:
    """The stored form of one setting; an empty text clears it (None)."""
    raw = "" if value is None else str(value)
    if key == ORGANISATION_KEY:
        return clean_line(raw, key, max_len=120) or None
    if key == CM_PHONE_KEY:
        return normalize_phone(raw, key) if raw.strip() else None
    if key == CM_EMAIL_KEY:
        return validate_email(raw)
    if key == AUTOLOCK_KEY:
        try:
            minutes = int(raw.strip())
        except ValueError:
            minutes = 0
        if not AUTOLOCK_MIN <= minutes <= AUTOLOCK_MAX:
            raise ValidationError("autolock.range", key, min=AUTOLOCK_MIN, max=AUTOLOCK_MAX)
        return minutes
    if key == REASSESS_KEY:
        return _instrument_ids(raw)
    if key == FIRST_CONTACT_KEY:
        return _days(raw, key)
    raise ValidationError("settings.unknown", None, name=key,
                          names=", ".join(SETTABLE))


def update(ctx: AppContext, values: Mapping[str, object]) -> dict[str, object]:
    """Validate every value first, then store them in one transaction: one invalid value
    changes nothing. Returns the stored values (phone in E.164, None when cleared)."""
    cleaned: dict[str, object] = {}
    errors: list[ValidationError] = []
    for key, value in values.items():
        try:
            cleaned[key] = _clean(key, value)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors) if len(errors) > 1 else errors[0]

    from desktop.storage.models import Setting

    def run(uow: UnitOfWork) -> None:
        for key, value in cleaned.items():
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value

    if cleaned:
        ctx.write(run)
    return cleaned


def all_settings(ctx: AppContext) -> dict[str, object]:
    """What `relais settings` prints (phone in E.164)."""
    p = profile(ctx)
    return {ORGANISATION_KEY: p.organisation_name, CM_PHONE_KEY: p.case_manager_phone,
            CM_EMAIL_KEY: p.case_manager_email, AUTOLOCK_KEY: autolock_minutes(ctx),
            REASSESS_KEY: ",".join(reassess_instruments(ctx)),
            FIRST_CONTACT_KEY: no_first_contact_days(ctx)}
