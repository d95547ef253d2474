"""send_workers: the workers sending on each channel and when each was last seen, so they share its overall rate

(before 0029 each worker paced itself at the channel's whole rate: two workers on one bot sent at twice Telegram's
30 messages/s and met 429s; now each says once a tick that it is sending and paces at the rate ÷ the workers seen)

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-02 12:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_workers",
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("worker", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "worker", name=op.f("pk_send_workers")),
        if_not_exists=True,  # (a database stamped back to an older revision by a test keeps its tables)
    )


def downgrade() -> None:
    op.drop_table("send_workers")
