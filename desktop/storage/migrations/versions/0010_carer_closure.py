"""case journey: the carer's own assessment; who agreed to the closure and the handback

Revision ID: 0010
Revises: 0009
"""
from alembic import op  # noqa: F401  (used once the revision has content)

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
