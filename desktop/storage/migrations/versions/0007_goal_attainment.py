"""goal attainment score (−2..+2) recorded at the plan review, and its date (issue 20)

Revision ID: 0007
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None

GOAL_COLUMNS = (
    ('attainment', sa.Integer()),
    ('attainment_on', sa.Date()),
)


def upgrade() -> None:
    # idempotent: a vault created at a later head and re-stamped (tests) already has them
    present = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('goal')}
    missing = [(name, type_) for name, type_ in GOAL_COLUMNS if name not in present]
    if not missing:
        return
    with op.batch_alter_table('goal', schema=None) as batch_op:
        for name, type_ in missing:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('goal', schema=None) as batch_op:
        for name, _ in reversed(GOAL_COLUMNS):
            batch_op.drop_column(name)
