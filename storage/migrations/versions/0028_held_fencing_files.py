"""held_messages.claim_token, file_kind, file_name, file_data and people.replies_held: held replies fenced, files kept

(a held message's claim now carries a fencing token, so a worker that overran its lease neither sends nor marks a row
another worker took; a reply refused by flood control keeps its chart or workbook too, not only its text; and the
person's row says when a refused reply of theirs may still wait, so every worker's next reply to them goes after it)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-02 12:00:00
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None



def _held_columns() -> list[sa.Column[Any]]:
    return [sa.Column('claim_token', sa.Integer(), nullable=False, server_default='0'),
            sa.Column('file_kind', sa.String(length=16), nullable=True),
            sa.Column('file_name', sa.String(length=255), nullable=True),
            sa.Column('file_data', sa.LargeBinary(), nullable=True)]


def _people_columns() -> list[sa.Column[Any]]:
    return [sa.Column('replies_held', sa.Boolean(), nullable=False, server_default=sa.false())]


def _add_missing(table: str, columns: list[sa.Column[Any]]) -> None:
    # (only what is missing: a database stamped back to an earlier revision already has the columns)
    have = {c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)}
    missing = [column for column in columns if column.name not in have]
    if missing:
        with op.batch_alter_table(table) as batch_op:
            for column in missing:
                batch_op.add_column(column)


def upgrade() -> None:
    _add_missing('held_messages', _held_columns())
    _add_missing('people', _people_columns())


def downgrade() -> None:
    with op.batch_alter_table('people') as batch_op:
        batch_op.drop_column('replies_held')
    with op.batch_alter_table('held_messages') as batch_op:
        for column in reversed(_held_columns()):
            batch_op.drop_column(column.name)
