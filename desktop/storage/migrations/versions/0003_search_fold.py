"""search: re-index patients after folding ł, ø, æ, œ... to their base letters

Revision ID: 0003
Revises: 0002
"""
from alembic import op
from sqlalchemy.orm import Session

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop.storage.search import rebuild_index

    session = Session(bind=op.get_bind())
    rebuild_index(session)
    session.flush()


def downgrade() -> None:
    pass  # the old index would only miss a few names; nothing to undo
