"""a round of a recurring duty that was never reported is kept with no done_at

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 14:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('task_occurrences') as batch:
        batch.alter_column('done_at', existing_type=sa.DateTime(timezone=True), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM task_occurrences WHERE done_at IS NULL")
    with op.batch_alter_table('task_occurrences') as batch:
        batch.alter_column('done_at', existing_type=sa.DateTime(timezone=True), nullable=False)
