"""gdpr: field change history (art. 16 rectification)

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('field_change',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('patient_id', sa.String(length=36), nullable=True),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=False),
    sa.Column('new_value', sa.JSON(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_field_change'))
    )
    with op.batch_alter_table('field_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_field_change_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_field_change_record_id'), ['record_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('field_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_field_change_record_id'))
        batch_op.drop_index(batch_op.f('ix_field_change_patient_id'))
    op.drop_table('field_change')
