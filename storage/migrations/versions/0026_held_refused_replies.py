"""held_messages.channel, chat_id: a handler's reply refused by flood control, sent to its chat once the ban ends

(before 0026 a reply refused with a long retry_after — the answer to /viec, the confirmation of "2.1 xong" — was
lost; now its parts not sent wait in held_messages for the chat's ban to end and the next tick sends them)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-02 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # (only what is missing: a database stamped back to an earlier revision already has the columns)
    have = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('held_messages')}
    missing = [c for c in (sa.Column('channel', sa.String(length=16), nullable=True),
                           sa.Column('chat_id', sa.String(length=64), nullable=True)) if c.name not in have]
    if missing:
        with op.batch_alter_table('held_messages') as batch_op:
            for column in missing:
                batch_op.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table('held_messages') as batch_op:
        batch_op.drop_column('chat_id')
        batch_op.drop_column('channel')
