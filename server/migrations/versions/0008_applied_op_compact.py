"""the idempotency table kept small (issue 17): no index on device_id (no query uses it), no
`at` column (never read); on SQLite a WITHOUT ROWID table keyed by op id (one b-tree instead of
the rows and a second one for the key) whose op and device ids, when canonical UUIDs, are their
16 bytes (server.models.UuidKey). Remembered results are not rewritten: both forms replay.
From this revision a record's `meta` names an HLC equal to the record's `hlc` as 0 (written so
by new changes; older rows are read as they are); the downgrade writes those HLCs out again.

Revision ID: 0008
Revises: 0007
"""
import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.create_table(
            'applied_op_new',
            sa.Column('op_id', sa.String(length=64), nullable=False),
            sa.Column('device_id', sa.String(length=36), nullable=False),
            sa.Column('result', JSON, nullable=False),
            sa.PrimaryKeyConstraint('op_id', name=op.f('pk_applied_op')),
            sqlite_with_rowid=False)
        conn = op.get_bind()
        last = -1
        while True:  # in rowid order, a page at a time; canonical UUIDs as their 16 bytes
            rows = conn.exec_driver_sql(
                'SELECT rowid, op_id, device_id, result FROM applied_op WHERE rowid > ? '
                'ORDER BY rowid LIMIT 5000', (last,)).all()
            if not rows:
                break
            conn.exec_driver_sql(
                'INSERT INTO applied_op_new (op_id, device_id, result) VALUES (?, ?, ?)',
                [(_key(o), _key(d), r) for _, o, d, r in rows])
            last = rows[-1][0]
        op.drop_index(op.f('ix_applied_op_device_id'), table_name='applied_op')
        op.drop_table('applied_op')
        op.rename_table('applied_op_new', 'applied_op')
        return
    op.drop_index(op.f('ix_applied_op_device_id'), table_name='applied_op')
    op.drop_column('applied_op', 'at')


def _key(value: Any) -> Any:
    # a copy of server.models.UuidKey's rule as it is at this revision
    if not isinstance(value, str) or len(value) != 36:
        return value
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return value
    return parsed.bytes if str(parsed) == value else value


def _text(column: str) -> str:
    """SQL: a 16-byte key back to its canonical UUID text."""
    h = f'hex({column})'
    return (f"lower(substr({h}, 1, 8) || '-' || substr({h}, 9, 4) || '-' || substr({h}, 13, 4)"
            f" || '-' || substr({h}, 17, 4) || '-' || substr({h}, 21, 12))")


def _load(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    return json.loads(value) if isinstance(value, str | bytes) else dict(value)


def _explicit(meta: dict[str, Any], hlc: Any) -> dict[str, Any] | None:
    """`meta` with the record's HLC written out instead of 0; None when it has no 0."""
    triples = [meta.get("d"), *(meta.get("x") or {}).values()]
    if not any(t and t[1] == 0 and not isinstance(t[1], bool) for t in triples):
        return None
    for t in triples:
        if t and t[1] == 0 and not isinstance(t[1], bool):
            t[1] = hlc
    return meta


def downgrade() -> None:
    conn = op.get_bind()
    record = sa.table('record', sa.column('table_name', sa.String),
                      sa.column('record_id', sa.String), sa.column('hlc', sa.String),
                      sa.column('meta', JSON))
    last: tuple[str, str] | None = None
    while True:
        rows = conn.execute(
            sa.select(record.c.table_name, record.c.record_id, record.c.hlc, record.c.meta)
            .where(sa.tuple_(record.c.table_name, record.c.record_id) > sa.tuple_(*last)
                   if last is not None else sa.true())
            .order_by(record.c.table_name, record.c.record_id).limit(2000)).all()
        if not rows:
            break
        updates = [{"t": t, "r": r, "m": m} for t, r, h, meta in rows
                   if (m := _explicit(_load(meta), h)) is not None]
        if updates:
            conn.execute(
                record.update().where(record.c.table_name == sa.bindparam('t'),
                                      record.c.record_id == sa.bindparam('r'))
                .values(meta=sa.bindparam('m', type_=JSON)), updates)
        last = (rows[-1][0], rows[-1][1])
    if conn.dialect.name == 'sqlite':  # back to a rowid table of text keys
        op.create_table(
            'applied_op_old',
            sa.Column('op_id', sa.String(length=64), nullable=False),
            sa.Column('device_id', sa.String(length=36), nullable=False),
            sa.Column('result', JSON, nullable=False),
            sa.Column('at', sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint('op_id', name=op.f('pk_applied_op')))
        op.execute(f"INSERT INTO applied_op_old (op_id, device_id, result, at) "
                   f"SELECT CASE WHEN typeof(op_id) = 'blob' THEN {_text('op_id')} "
                   f"ELSE op_id END, CASE WHEN typeof(device_id) = 'blob' "
                   f"THEN {_text('device_id')} ELSE device_id END, result, "
                   f"CURRENT_TIMESTAMP FROM applied_op")
        op.drop_table('applied_op')
        op.rename_table('applied_op_old', 'applied_op')
    else:
        op.add_column('applied_op', sa.Column('at', sa.DateTime(), nullable=False,
                                              server_default=sa.func.current_timestamp()))
    op.create_index(op.f('ix_applied_op_device_id'), 'applied_op', ['device_id'], unique=False)
