"""per-field versions, HLCs and writers of a record kept compact in one column (issue 17)

The three dicts of every field (version, HLC, device id) took more room than the record's own
fields. `meta` holds the most common (version, HLC, device) once and the fields that differ.

Revision ID: 0007
Revises: 0006
"""
import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def _load(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    return json.loads(value) if isinstance(value, str | bytes) else dict(value)


def _compact(versions: dict[str, Any], hlcs: dict[str, Any],
             writers: dict[str, Any]) -> dict[str, Any]:
    # a copy of server.models.compact_meta as it was at this revision
    triples = {k: [int(v), hlcs.get(k), writers.get(k)] for k, v in versions.items()}
    if not triples:
        return {}
    counts: dict[tuple[Any, ...], int] = {}
    for t in triples.values():
        counts[tuple(t)] = counts.get(tuple(t), 0) + 1
    common = list(max(counts, key=lambda t: counts[t]))
    meta: dict[str, Any] = {"d": common}
    others = {k: t for k, t in triples.items() if t != common}
    if others:
        meta["x"] = others
    return meta


def upgrade() -> None:
    op.add_column('record', sa.Column('meta', JSON, nullable=True))
    conn = op.get_bind()
    record = sa.table('record', sa.column('table_name', sa.String), sa.column('record_id', sa.String),
                      sa.column('field_versions', JSON), sa.column('field_hlcs', JSON),
                      sa.column('field_writers', JSON), sa.column('meta', JSON))
    last: tuple[str, str] = ("", "")
    while True:
        rows = conn.execute(
            sa.select(record.c.table_name, record.c.record_id, record.c.field_versions,
                      record.c.field_hlcs, record.c.field_writers)
            .where(sa.tuple_(record.c.table_name, record.c.record_id) > sa.tuple_(*last)
                   if last != ("", "") else sa.true())
            .order_by(record.c.table_name, record.c.record_id).limit(2000)).all()
        if not rows:
            break
        conn.execute(
            record.update().where(record.c.table_name == sa.bindparam('t'),
                                  record.c.record_id == sa.bindparam('r'))
            .values(meta=sa.bindparam('m', type_=JSON)),
            [{"t": t, "r": r, "m": _compact(_load(v), _load(h), _load(w))}
             for t, r, v, h, w in rows])
        last = (rows[-1][0], rows[-1][1])
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.alter_column('meta', existing_type=JSON, nullable=False)
        batch_op.drop_column('field_versions')
        batch_op.drop_column('field_hlcs')
        batch_op.drop_column('field_writers')


def downgrade() -> None:
    with op.batch_alter_table('record', schema=None) as batch_op:
        for name in ('field_versions', 'field_hlcs', 'field_writers'):
            batch_op.add_column(sa.Column(name, JSON, nullable=True))
    conn = op.get_bind()
    record = sa.table('record', sa.column('table_name', sa.String), sa.column('record_id', sa.String),
                      sa.column('fields', JSON), sa.column('field_versions', JSON),
                      sa.column('field_hlcs', JSON), sa.column('field_writers', JSON),
                      sa.column('meta', JSON))
    updates = []
    for t, r, fields, meta in conn.execute(sa.select(
            record.c.table_name, record.c.record_id, record.c.fields, record.c.meta)).all():
        meta, fields = _load(meta), _load(fields)
        others = meta.get("x") or {}
        triples = {k: others.get(k, meta.get("d")) for k in {**fields, **others}}
        triples = {k: v for k, v in triples.items() if v}
        updates.append({"t": t, "r": r, "v": {k: v[0] for k, v in triples.items()},
                        "h": {k: v[1] for k, v in triples.items()},
                        "w": {k: v[2] for k, v in triples.items()}})
    if updates:
        conn.execute(
            record.update().where(record.c.table_name == sa.bindparam('t'),
                                  record.c.record_id == sa.bindparam('r'))
            .values(field_versions=sa.bindparam('v', type_=JSON),
                    field_hlcs=sa.bindparam('h', type_=JSON),
                    field_writers=sa.bindparam('w', type_=JSON)), updates)
    with op.batch_alter_table('record', schema=None) as batch_op:
        for name in ('field_versions', 'field_hlcs', 'field_writers'):
            batch_op.alter_column(name, existing_type=JSON, nullable=False)
        batch_op.drop_column('meta')
