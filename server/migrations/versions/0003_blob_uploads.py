"""who uploaded each blob: files are readable only through records of those who held them

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob_upload',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'user_id', name=op.f('pk_blob_upload'))
    )
    # the blobs already stored: their uploading device's user held them
    op.execute("INSERT INTO blob_upload (sha256, user_id, at) "
               "SELECT blob.sha256, device.user_id, blob.created_at "
               "FROM blob JOIN device ON device.id = blob.device_id")


def downgrade() -> None:
    op.drop_table('blob_upload')
