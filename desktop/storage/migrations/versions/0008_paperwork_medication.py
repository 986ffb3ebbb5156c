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


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_hlc', sa.String(length=64), nullable=False),
        sa.Column('server_version', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
    ]


def _create(table: str, columns: list[sa.Column]) -> None:
    # idempotent: a vault created at a later head and re-stamped (tests) already has it
    if sa.inspect(op.get_bind()).has_table(table):
        return
    op.create_table(
        table,
        sa.Column('patient_id', sa.String(length=36), nullable=False),
        *columns,
        *_sync_columns(),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'],
                                name=op.f(f'fk_{table}_patient_id_patient')),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    )
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{table}_patient_id'), ['patient_id'], unique=False)


def upgrade() -> None:
    _create('paperwork', [
        sa.Column('case_id', sa.String(length=36), nullable=True),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('status_on', sa.Date(), nullable=True),
        sa.Column('deadline', sa.Date(), nullable=True),
        sa.Column('follower', sa.String(length=200), nullable=True),
        sa.Column('documents', sa.JSON(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
    ])
    _create('medication', [
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('dose', sa.String(length=100), nullable=True),
        sa.Column('schedule', sa.String(length=200), nullable=True),
        sa.Column('prescriber_id', sa.String(length=36), nullable=True),
        sa.Column('source', sa.String(length=20), nullable=True),
        sa.Column('checked_on', sa.Date(), nullable=True),
        sa.Column('review_requested_to', sa.String(length=20), nullable=True),
        sa.Column('review_requested_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
    ])


def downgrade() -> None:
    for table in ('medication', 'paperwork'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_patient_id'))
        op.drop_table(table)
