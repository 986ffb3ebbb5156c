"""The instrument catalog: shipped definitions from `resources/instruments` plus definitions an
organisation imported into the vault (licensed item texts, or whole licensed instruments).

Every definition passes the JSON Schema and then the domain's semantic checks; a bad file is
refused with the place and the reason, and nothing is stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.instruments import (
    Definition,
    first_difference,
    missing_texts,
    parse_definition,
    structure_of,
)
from desktop.resources import resource_path
from desktop.services.user_files import (
    MAX_DEFINITION_BYTES,
    MAX_JSON_DEPTH,
    json_depth_ok,
    read_user_file,
)

if TYPE_CHECKING:
    import jsonschema

    from desktop.services.context import AppContext
    from desktop.services.unit_of_work import UnitOfWork

# The storage layer (SQLAlchemy, the models) is imported only where the vault is read or written:
# `relais instrument list` without a vault needs none of it (issue 16).

SETTING_PREFIX = "instrument.imported."
MAX_FILE_BYTES = MAX_DEFINITION_BYTES


def instruments_dir() -> Path:
    """`resources/instruments` next to the package (or inside a PyInstaller bundle)."""
    env = os.environ.get("RELAIS_INSTRUMENTS_DIR")
    if env:
        return Path(env)
    return resource_path("instruments")


@dataclass(frozen=True)
class InstrumentInfo:
    id: str
    version: str
    kind: str
    title: dict[str, str]
    licence: str  # free | own | licensed
    texts_available: bool
    imported: bool


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema  # 0.2 s to import: only when a file is not known valid

    schema = json.loads((instruments_dir() / "schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _place(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out.lstrip(".") or "(root)"


def _specific(err: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """A oneOf failure says little: descend to the sub-error of the branch that almost matched
    (not a missing key of another branch), deepest first."""
    while err.context:
        near = [e for e in err.context if e.validator not in ("required", "additionalProperties")]
        err = max(near or list(err.context), key=lambda e: len(e.absolute_path))
    return err


def validate_data(data: Any) -> Definition:
    """Schema, then semantic checks. Raises ValidationError(field="definition", place=…)."""
    if not isinstance(data, dict):
        raise ValidationError("instrument.invalid", "definition", place="(root)",
                              detail="expected a JSON object")
    errors = sorted(_validator().iter_errors(data), key=lambda e: (len(e.path), list(e.path)))
    if errors:
        best = _specific(errors[0])
        raise ValidationError("instrument.invalid", "definition", place=_place(best.absolute_path),
                              detail=best.message[:200])
    return parse_definition(data)


def load_file(path: Path) -> Definition:
    """Read and validate one definition file (no vault needed)."""
    raw = read_user_file(path, max_bytes=MAX_FILE_BYTES, unreadable="instrument.file_unreadable",
                         too_large="instrument.file_too_large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValidationError("instrument.not_json", "file", line=1, column=exc.start + 1) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError("instrument.not_json", "file", line=exc.lineno,
                              column=exc.colno) from exc
    except RecursionError as exc:
        raise ValidationError("file.too_deep", "file", max=MAX_JSON_DEPTH) from exc
    if not json_depth_ok(data):
        raise ValidationError("file.too_deep", "file", max=MAX_JSON_DEPTH)
    return validate_data(data)


def validity_cache_path() -> Path:
    """Where the content hashes of shipped definition files that passed the schema are kept:
    hashes only, no patient data (RELAIS_CACHE_DIR overrides the per-user cache folder)."""
    env = os.environ.get("RELAIS_CACHE_DIR")
    if env:
        return Path(env) / "instruments-valid.json"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("relais", "relais")) / "instruments-valid.json"


def _read_validity_cache() -> set[str]:
    try:
        data = json.loads(validity_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {h for h in data.get("valid", []) if isinstance(h, str)} if isinstance(data, dict) else set()


def _write_validity_cache(hashes: set[str]) -> None:
    path = validity_cache_path()
    with contextlib.suppress(OSError):  # best effort: the next run validates again
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"valid": sorted(hashes)}), encoding="utf-8")
        os.replace(tmp, path)


def _load_shipped(path: Path, schema_hash: bytes, known: set[str], seen: set[str]) -> Definition:
    """A shipped file is checked against the schema once per content (and schema): its hash is
    then remembered, and the next runs only parse it (the semantic checks still run)."""
    raw = path.read_bytes()
    digest = hashlib.sha256(schema_hash + raw).hexdigest()
    seen.add(digest)
    if digest not in known:
        return load_file(path)
    try:
        return parse_definition(json.loads(raw.decode("utf-8")))
    except (ValueError, ValidationError):
        return load_file(path)  # the full checks give the message


@lru_cache(maxsize=1)
def shipped() -> dict[str, Definition]:
    """The definitions shipped with the app, by id (validated once per content)."""
    out: dict[str, Definition] = {}
    folder = instruments_dir()
    try:
        schema_hash = hashlib.sha256((folder / "schema.json").read_bytes()).digest()
    except OSError:
        schema_hash = b""
    known = _read_validity_cache()
    seen: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        if path.name == "schema.json":
            continue
        defn = _load_shipped(path, schema_hash, known, seen)
        if defn.id != path.stem:
            raise ValidationError("instrument.id_mismatch", "definition", place="id",
                                  id=defn.id, file=path.name)
        out[defn.id] = defn
    if schema_hash and seen != known:
        _write_validity_cache(seen)
    return out


def _imported_raw(ctx: AppContext) -> dict[str, dict[str, Any]]:
    from sqlalchemy import select

    from desktop.storage.models import Setting

    def run(session: Any) -> dict[str, dict[str, Any]]:
        rows = session.execute(select(Setting).where(Setting.key.like(f"{SETTING_PREFIX}%")))
        return {r.key[len(SETTING_PREFIX):]: r.value for (r,) in rows}
    return ctx.read(run)


def catalog(ctx: AppContext | None) -> dict[str, Definition]:
    """Shipped definitions, with imported texts merged in; imported instruments added."""
    out = dict(shipped())
    if ctx is None:
        return out
    for iid, raw in _imported_raw(ctx).items():
        try:
            out[iid] = parse_definition(raw)
        except ValidationError:
            continue  # validated at import; a newer app version may have stricter checks
    return out


def get_definition(ctx: AppContext | None, instrument_id: str) -> Definition:
    defn = catalog(ctx).get(str(instrument_id))
    if defn is None:
        raise NotFound("instrument.unknown", "instrument", id=str(instrument_id)[:64])
    return defn


def info(defn: Definition, imported: bool) -> InstrumentInfo:
    return InstrumentInfo(
        id=defn.id, version=defn.version, kind=defn.kind, title=dict(defn.title),
        licence=defn.licence.kind, texts_available=defn.texts_included, imported=imported,
    )


def list_instruments(ctx: AppContext | None) -> list[InstrumentInfo]:
    imported = set(_imported_raw(ctx)) if ctx is not None else set()
    return [info(d, d.id in imported) for d in catalog(ctx).values()]


def check_import(data: Any) -> Definition:
    """Everything `import_definition` checks, without storing: returns the definition to store."""
    defn = validate_data(data)
    base = shipped().get(defn.id)
    if base is not None:
        if base.licence.kind != "licensed":
            raise ValidationError("instrument.not_licensed", "definition", place="id", id=defn.id)
        diff = first_difference(structure_of(base), structure_of(defn))
        if diff is not None:
            raise ValidationError("instrument.structure_mismatch", "definition", place=diff,
                                  id=defn.id)
    if not defn.texts_included:
        raise ValidationError("instrument.texts_missing", "definition", place="texts_included")
    missing = missing_texts(defn)
    if missing:
        raise ValidationError("instrument.texts_missing", "definition", place=missing[0])
    return defn


def import_definition(ctx: AppContext, path: Path | str) -> InstrumentInfo:
    """Import a licensed definition file. Refused with the reason; on refusal nothing is stored."""
    from desktop.storage.models import Setting

    defn = check_import(load_file(Path(path)).raw)

    def run(uow: UnitOfWork) -> None:
        key = SETTING_PREFIX + defn.id
        row = uow.session.get(Setting, key)
        if row is None:
            uow.session.add(Setting(key=key, value=defn.raw))
        else:
            row.value = defn.raw
        uow.audit("import", table="instrument", instrument=defn.id, version=defn.version)

    ctx.write(run)
    return info(defn, True)
