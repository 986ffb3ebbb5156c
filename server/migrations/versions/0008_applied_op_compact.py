"""the idempotency table kept small (issue 17): no index on device_id (no query uses it), no
`at` column (never read); on SQLite a WITHOUT ROWID table keyed by op id (one b-tree instead of
the rows and a second one for the key). Remembered results are not rewritten: both forms replay.

Revision ID: 0008
Revises: 0007
"""
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


def downgrade() -> None:
    with op.batch_alter_table('applied_op', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column('at', sa.DateTime(), nullable=False,
                                      server_default=sa.func.current_timestamp()))
        batch_op.create_index(batch_op.f('ix_applied_op_device_id'), ['device_id'], unique=False)
