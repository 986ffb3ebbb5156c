"""who may see each patient: team or responsible case managers only (issue 15)

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # no row means "team": every patient a server held before this revision was shared
    op.create_table('patient_access',
    sa.Column('patient_id', sa.String(length=64), nullable=False),
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('patient_id', name=op.f('pk_patient_access'))
    )
    with op.batch_alter_table('patient_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_access_team_id'), ['team_id'], unique=False)
    op.create_table('patient_responsible',
    sa.Column('patient_id', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('patient_id', 'username', name=op.f('pk_patient_responsible'))
    )
    op.create_table('purge_keep',
    sa.Column('purge_id', sa.Integer().with_variant(sa.BigInteger(), 'postgresql'),
              nullable=False),
    sa.Column('username', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['purge_id'], ['purge_event.id'],
                            name=op.f('fk_purge_keep_purge_id_purge_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('purge_id', 'username', name=op.f('pk_purge_keep'))
    )


def downgrade() -> None:
    op.drop_table('purge_keep')
    op.drop_table('patient_responsible')
    with op.batch_alter_table('patient_access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patient_access_team_id'))
    op.drop_table('patient_access')
