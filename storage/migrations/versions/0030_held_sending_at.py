"""held_messages.sending_at: a held message is marked just before its request may go out, and never claimed again

(before 0030 a worker that stalled past its lease, or died, after a held message's request had gone out but before
its outcome was written let another worker claim that row and send the message a second time; now the row says it
may have gone out, and is left, logged, rather than sent twice)

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


def upgrade() -> None:
    # (only if missing: a database stamped back to an earlier revision by a test already has the column)
    if 'sending_at' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('held_messages')}:
        with op.batch_alter_table('held_messages') as batch_op:
            batch_op.add_column(sa.Column('sending_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('held_messages') as batch_op:
        batch_op.drop_column('sending_at')
