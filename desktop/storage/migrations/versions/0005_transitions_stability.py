"""hospital transitions (discharge checklist, follow-up call, actions on hold), the stability
log, concertation funder and participation (issue 18, 3–5)

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

STAY_COLUMNS = (
    ('hospital_contact_id', sa.String(length=36)),
    ('letter_received_on', sa.Date()),
    ('medication_reconciled_on', sa.Date()),
    ('services_restarted_on', sa.Date()),
    ('gp_informed_on', sa.Date()),
    ('aids_in_place_on', sa.Date()),
    ('follow_up_due', sa.Date()),
    ('follow_up_done_on', sa.Date()),
)
CONCERTATION_COLUMNS = (
    ('funder', sa.String(length=20)),
    ('patient_took_part', sa.Boolean()),
    ('home_nurse_took_part', sa.Boolean()),
)


def _add_columns(table: str, columns: tuple[tuple[str, object], ...]) -> None:
    present = {c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)}
    missing = [(name, type_) for name, type_ in columns if name not in present]
    if not missing:
        return
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, type_ in missing:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def upgrade() -> None:
    # idempotent: a vault created at a later head and re-stamped (tests) already has them
    if sa.inspect(op.get_bind()).has_table('stability_event'):
        _add_columns('hospital_stay', STAY_COLUMNS)
        _add_columns('plan_action', (('on_hold_stay_id', sa.String(length=36)),))
        _add_columns('concertation', CONCERTATION_COLUMNS)
        return
    op.create_table('stability_event',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('reported_by', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'],
                            name=op.f('fk_stability_event_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stability_event'))
    )
    with op.batch_alter_table('stability_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stability_event_patient_id'), ['patient_id'],
                              unique=False)
    _add_columns('hospital_stay', STAY_COLUMNS)
    _add_columns('plan_action', (('on_hold_stay_id', sa.String(length=36)),))
    _add_columns('concertation', CONCERTATION_COLUMNS)


def downgrade() -> None:
    with op.batch_alter_table('concertation', schema=None) as batch_op:
        for name, _ in reversed(CONCERTATION_COLUMNS):
            batch_op.drop_column(name)
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_column('on_hold_stay_id')
    with op.batch_alter_table('hospital_stay', schema=None) as batch_op:
        for name, _ in reversed(STAY_COLUMNS):
            batch_op.drop_column(name)
    with op.batch_alter_table('stability_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stability_event_patient_id'))
    op.drop_table('stability_event')
