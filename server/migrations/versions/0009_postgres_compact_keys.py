"""smaller records and idempotency rows on PostgreSQL (issue 17); nothing changes on SQLite

- record.fields, record.meta and applied_op.result: `json`, the compact text as written,
  instead of JSONB (a caseload record's fields about 575 bytes instead of 611, a meta 55
  instead of 86, a plain result 8 instead of 21); existing rows keep JSONB's spacing until
  rewritten;
- record.record_id and team_id, applied_op.op_id and device_id: bytea, a canonical UUID as its
  16 bytes (17 with its length instead of 37), other text as its UTF-8 bytes (with a 0xFF byte
  after them when they are 16 bytes long), as server.models.UuidKey writes them; in the rows
  and in the primary keys and ix_record_team_seq.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

CANONICAL = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"


def _to_key(column: str) -> str:
    """SQL: text to server.models.UuidKey's bytes (a copy of its rule at this revision)."""
    return (f"CASE WHEN {column} ~ {CANONICAL} THEN decode(replace({column}, '-', ''), 'hex') "
            f"WHEN octet_length({column}) = 16 THEN convert_to({column}, 'UTF8') || '\\xff'::bytea "
            f"ELSE convert_to({column}, 'UTF8') END")


def _to_text(column: str) -> str:
    """SQL: UuidKey's bytes back to the text."""
    return (f"CASE WHEN length({column}) = 16 THEN encode({column}, 'hex')::uuid::text "
            f"WHEN length({column}) = 0 THEN '' "
            f"WHEN get_byte({column}, length({column}) - 1) = 255 "
            f"THEN convert_from(substring({column} FROM 1 FOR length({column}) - 1), 'UTF8') "
            f"ELSE convert_from({column}, 'UTF8') END")


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    # one rewrite per table: every change of a table in one statement
    op.execute(f"ALTER TABLE record "
               f"ALTER COLUMN record_id TYPE bytea USING {_to_key('record_id')}, "
               f"ALTER COLUMN team_id TYPE bytea USING {_to_key('team_id')}, "
               f"ALTER COLUMN fields TYPE json USING fields::text::json, "
               f"ALTER COLUMN meta TYPE json USING meta::text::json")
    op.execute(f"ALTER TABLE applied_op ALTER COLUMN op_id TYPE bytea USING {_to_key('op_id')}, "
               f"ALTER COLUMN device_id TYPE bytea USING {_to_key('device_id')}, "
               f"ALTER COLUMN result TYPE json USING result::text::json")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f"ALTER TABLE record "
               f"ALTER COLUMN record_id TYPE varchar(64) USING {_to_text('record_id')}, "
               f"ALTER COLUMN team_id TYPE varchar(36) USING {_to_text('team_id')}, "
               f"ALTER COLUMN fields TYPE jsonb USING fields::jsonb, "
               f"ALTER COLUMN meta TYPE jsonb USING meta::jsonb")
    op.execute(f"ALTER TABLE applied_op "
               f"ALTER COLUMN op_id TYPE varchar(64) USING {_to_text('op_id')}, "
               f"ALTER COLUMN device_id TYPE varchar(36) USING {_to_text('device_id')}, "
               f"ALTER COLUMN result TYPE jsonb USING result::jsonb")
