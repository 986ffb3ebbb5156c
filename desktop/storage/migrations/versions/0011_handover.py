"""case journey: the handover note the new case manager sees first

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent: a vault created at a later head and re-stamped (tests) already has it
    if sa.inspect(op.get_bind()).has_table('handover_note'):
        return
    op.create_table(
        'handover_note',
        sa.Column('patient_id', sa.String(length=36), nullable=False),
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('from_user', sa.String(length=200), nullable=True),
        sa.Column('from_name', sa.String(length=200), nullable=True),
        sa.Column('to_users', sa.JSON(), nullable=False),
        sa.Column('handed_over_on', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('acknowledged_by', sa.JSON(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_hlc', sa.String(length=64), nullable=False),
        sa.Column('server_version', sa.Integer(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'],
                                name=op.f('fk_handover_note_patient_id_patient')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_note')),
    )
    with op.batch_alter_table('handover_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_note_patient_id'), ['patient_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('handover_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_note_patient_id'))
    op.drop_table('handover_note')
