"""cases: intake outcome, first contact and home visit dates, crisis triggers (issue 18, 1–2)

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = (
    ('intake_outcome', sa.String(length=20)),
    ('intake_outcome_on', sa.Date()),
    ('redirected_to_contact_id', sa.String(length=36)),
    ('intake_reason', sa.Text()),
    ('waiting_since', sa.Date()),
    ('first_contact_on', sa.Date()),
    ('first_home_visit_on', sa.Date()),
    ('crisis_triggers', sa.JSON()),
    ('crisis_noted_on', sa.Date()),
)


def upgrade() -> None:
    # idempotent: a vault created at a later head and re-stamped (tests) already has them
    present = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('case_record')}
    missing = [(name, type_) for name, type_ in COLUMNS if name not in present]
    if not missing:
        return
    with op.batch_alter_table('case_record', schema=None) as batch_op:
        for name, type_ in missing:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case_record', schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
