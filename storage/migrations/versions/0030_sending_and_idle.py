"""held_messages.sending_at and send_workers.idle_since: held messages in flight never resent; idle workers not counted

(before 0030 a worker that stalled past its lease, or died, after a held message's request had gone out but before
its outcome was written let another worker claim that row and send the message a second time; now the row says it
may have gone out, and is left, logged, rather than sent twice. And a worker whose tick found nothing more to claim
was still counted for a minute by the others sharing the bot's rate, which sent the morning's last batches at half
of it; now it says so, and a worker sending rows due before then does not count it)

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-02 16:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None


_COLUMNS = (('held_messages', 'sending_at'), ('send_workers', 'idle_since'))


def upgrade() -> None:
    for table, name in _COLUMNS:
        # (only if missing: a database stamped back to an earlier revision by a test already has the column)
        if name not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)}:
            with op.batch_alter_table(table) as batch_op:
                batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table, name in reversed(_COLUMNS):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column(name)
