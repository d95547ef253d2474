"""flood-control pauses per chat: a 429 for one chat holds that chat, '' holds the whole channel

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 14:35:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _table(with_chat: bool) -> sa.TableClause:
    columns = [sa.column('channel', sa.String(length=16))]
    if with_chat:
        columns.append(sa.column('chat_id', sa.String(length=64)))
    return sa.table('send_pauses', *columns, sa.column('until', sa.DateTime(timezone=True)))


def upgrade() -> None:
    # the key changes: pauses are short-lived, so the table is made anew with the ones still held
    bind = op.get_bind()
    held = [dict(r._mapping) for r in bind.execute(sa.select(_table(False)))]
    op.drop_table('send_pauses')
    op.create_table('send_pauses',
                    sa.Column('channel', sa.String(length=16), nullable=False),
                    sa.Column('chat_id', sa.String(length=64), nullable=False),
                    sa.Column('until', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('channel', 'chat_id', name=op.f('pk_send_pauses')))
    if held:
        op.bulk_insert(_table(True), [{**r, 'chat_id': ''} for r in held])


def downgrade() -> None:
    bind = op.get_bind()
    held = [dict(r._mapping) for r in bind.execute(sa.select(_table(True)).where(sa.column('chat_id') == ''))]
    op.drop_table('send_pauses')
    op.create_table('send_pauses',
                    sa.Column('channel', sa.String(length=16), nullable=False),
                    sa.Column('until', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('channel', name=op.f('pk_send_pauses')))
    if held:
        op.bulk_insert(_table(False), [{'channel': r['channel'], 'until': r['until']} for r in held])
