"""consent purposes: objection to a provider, the carer's own agreement

The objection to a provider is one more purpose of the append-only consent log (no schema
change). The carer's agreement to their phone and address on the handout lives on the carer's
contact: three columns. Grants recorded in the patient's log before are not moved (a rewrite of
synced rows here would race with the sync): they are still read until the carer's own decision
is recorded on the contact.

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


COLUMNS = (("handout_agreement", sa.String(length=20)), ("handout_agreement_on", sa.Date()),
           ("handout_agreement_method", sa.String(length=20)))


def upgrade() -> None:
    # idempotent like 0009/0010: a vault re-stamped to an older revision keeps its columns
    present = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('contact')}
    missing = [(name, kind) for name, kind in COLUMNS if name not in present]
    if not missing:
        return
    with op.batch_alter_table('contact', schema=None) as batch:
        for name, kind in missing:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('contact', schema=None) as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
