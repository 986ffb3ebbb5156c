"""users' role: case_manager (default), coordinator or administrator

Every existing user becomes a case manager: seeing the team's dashboard or audit is granted
deliberately afterwards (`relais-server user role`), never inherited by an upgrade.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('app_user') as batch:
        batch.add_column(sa.Column('role', sa.String(length=20), nullable=False,
                                   server_default='case_manager'))


def downgrade() -> None:
    with op.batch_alter_table('app_user') as batch:
        batch.drop_column('role')
