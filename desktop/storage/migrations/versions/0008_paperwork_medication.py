"""paperwork (applications and procedures) and the medication list (issue 19, items 1-2)

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # skeleton: filled in by the paperwork / medication change
    sa.inspect(op.get_bind())


def downgrade() -> None:
    pass
