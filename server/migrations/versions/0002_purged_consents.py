"""purged patients keep their team-sharing consent log

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('purged_patient', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'consents', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'),
            nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('purged_patient', schema=None) as batch_op:
        batch_op.drop_column('consents')
