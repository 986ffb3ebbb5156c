"""case journey: the carer's own assessment; who agreed to the closure and the handback

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # idempotent like 0008/0009: a vault created at a later head and re-stamped (tests) has them
    if not sa.inspect(bind).has_table('carer_assessment'):
        op.create_table(
            'carer_assessment',
            sa.Column('patient_id', sa.String(length=36), nullable=False),
            sa.Column('contact_id', sa.String(length=36), nullable=False),
            sa.Column('case_id', sa.String(length=36), nullable=True),
            sa.Column('assessed_on', sa.Date(), nullable=False),
            sa.Column('burden', sa.String(length=20), nullable=False),
            sa.Column('respite', sa.String(length=20), nullable=False),
            sa.Column('health', sa.Text(), nullable=True),
            sa.Column('needs', sa.Text(), nullable=True),
            sa.Column('wishes', sa.Text(), nullable=True),
            sa.Column('note', sa.Text(), nullable=True),
            sa.Column('review_on', sa.Date(), nullable=True),
            sa.Column('assessed_by', sa.String(length=200), nullable=True),
            sa.Column('id', sa.String(length=36), nullable=False),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_hlc', sa.String(length=64), nullable=False),
            sa.Column('server_version', sa.Integer(), nullable=False),
            sa.Column('deleted', sa.Boolean(), nullable=False),
            sa.ForeignKeyConstraint(['contact_id'], ['contact.id'],
                                    name=op.f('fk_carer_assessment_contact_id_contact')),
            sa.ForeignKeyConstraint(['patient_id'], ['patient.id'],
                                    name=op.f('fk_carer_assessment_patient_id_patient')),
            sa.PrimaryKeyConstraint('id', name=op.f('pk_carer_assessment')),
        )
        with op.batch_alter_table('carer_assessment', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_carer_assessment_patient_id'), ['patient_id'],
                                  unique=False)
            batch_op.create_index(batch_op.f('ix_carer_assessment_contact_id'), ['contact_id'],
                                  unique=False)
    present = {c['name'] for c in sa.inspect(bind).get_columns('case_record')}
    missing = [c for c in ('closure_agreed_by', 'closure_handback') if c not in present]
    if missing:
        with op.batch_alter_table('case_record', schema=None) as batch_op:
            if 'closure_agreed_by' in missing:
                batch_op.add_column(sa.Column('closure_agreed_by', sa.JSON(), nullable=True))
            if 'closure_handback' in missing:
                batch_op.add_column(sa.Column('closure_handback', sa.String(length=30),
                                              nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case_record', schema=None) as batch_op:
        batch_op.drop_column('closure_handback')
        batch_op.drop_column('closure_agreed_by')
    with op.batch_alter_table('carer_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_carer_assessment_contact_id'))
        batch_op.drop_index(batch_op.f('ix_carer_assessment_patient_id'))
    op.drop_table('carer_assessment')
