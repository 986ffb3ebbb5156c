"""patient NISS: indexed, no longer unique

Two laptops can each register the same person while offline; their records meet at the next
sync. With a unique index, the second laptop's pull failed on that patient at every try and
its sync stopped for good. The NISS stays unique for what is typed on one laptop
(desktop/services/patients.py); two dossiers that came to share one say so in their header.

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

WHERE = sa.text('niss IS NOT NULL AND deleted = 0')


def upgrade() -> None:
    names = {i['name'] for i in sa.inspect(op.get_bind()).get_indexes('patient')}
    if 'uq_patient_niss' in names:
        op.drop_index('uq_patient_niss', table_name='patient')
    if 'ix_patient_niss' not in names:
        op.create_index('ix_patient_niss', 'patient', ['niss'], sqlite_where=WHERE)


def downgrade() -> None:
    # fails while two live dossiers share a NISS: merge or correct them first
    op.drop_index('ix_patient_niss', table_name='patient')
    op.create_index('uq_patient_niss', 'patient', ['niss'], unique=True, sqlite_where=WHERE)
