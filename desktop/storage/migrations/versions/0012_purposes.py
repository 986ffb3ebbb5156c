"""consent purposes: objection to a provider, the carer's own agreement

Revision ID: 0012
Revises: 0011
"""
from alembic import op  # noqa: F401  (used once the revision has content)

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
