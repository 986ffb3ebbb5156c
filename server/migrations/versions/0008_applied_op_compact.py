"""the idempotency table kept small (issue 17): no index on device_id (no query uses it), no
`at` column (never read); on SQLite a WITHOUT ROWID table keyed by op id (one b-tree instead of
the rows and a second one for the key). Remembered results are not rewritten: both forms replay.
From this revision a record's `meta` names an HLC equal to the record's `hlc` as 0 (written so
by new changes; older rows are read as they are); the downgrade writes those HLCs out again.

Revision ID: 0008
Revises: 0007
"""
import json
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
        op.execute('INSERT INTO applied_op_new (op_id, device_id, result) '
                   'SELECT op_id, device_id, result FROM applied_op')
        op.drop_index(op.f('ix_applied_op_device_id'), table_name='applied_op')
        op.drop_table('applied_op')
        op.rename_table('applied_op_new', 'applied_op')
        return
    op.drop_index(op.f('ix_applied_op_device_id'), table_name='applied_op')
    op.drop_column('applied_op', 'at')


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
    at = sa.Column('at', sa.DateTime(), nullable=False,
                   server_default=sa.func.current_timestamp())
    if conn.dialect.name == 'sqlite':  # back to a rowid table
        with op.batch_alter_table('applied_op', schema=None, recreate='always') as batch_op:
            batch_op.add_column(at)
            batch_op.create_index(batch_op.f('ix_applied_op_device_id'), ['device_id'],
                                  unique=False)
        return
    op.add_column('applied_op', at)
    op.create_index(op.f('ix_applied_op_device_id'), 'applied_op', ['device_id'], unique=False)
