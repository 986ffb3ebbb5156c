"""case: responsible case managers (server user names) who see a patient not shared with the team

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent like 0004/0005: a vault re-stamped to an older revision keeps its column
    present = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('case_record')}
    if 'responsible_users' in present:
        return
    with op.batch_alter_table('case_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('responsible_users', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case_record', schema=None) as batch_op:
        batch_op.drop_column('responsible_users')
