"""The server's migrations equal its models; the protocol's table lists match the device's."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import ForeignKey

from desktop.storage.models import SYNCED_MODELS
from desktop.sync.protocol import REFERENCES, SYNCED_TABLES
from server.db import Database, head_revision
from server.models import Base
from tests.server.conftest import BACKENDS, backend_settings


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_equal_models(backend: str, tmp_path: Path) -> None:
    with backend_settings(backend, tmp_path) as settings:
        db = Database(settings)
        try:
            with db.engine.connect() as conn:
                ctx = MigrationContext.configure(conn, opts={"compare_type": True})
                assert ctx.get_current_revision() == head_revision()
                assert compare_metadata(ctx, Base.metadata) == []
        finally:
            db.dispose()


def test_synced_tables_are_the_device_models() -> None:
    assert set(SYNCED_MODELS) == SYNCED_TABLES


def test_every_device_foreign_key_is_a_reference() -> None:
    for table, model in SYNCED_MODELS.items():
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            for fk in column.foreign_keys:
                assert isinstance(fk, ForeignKey)
                target = fk.target_fullname.split(".")[0]
                assert REFERENCES.get(column.key) == target, (table, column.key)
