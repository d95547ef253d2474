"""index for the morning's planning: open tasks snoozed until today

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 16:00:00
"""
from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tasks_status_snoozed_until', 'tasks', ['status', 'snoozed_until'])


def downgrade() -> None:
    op.drop_index('ix_tasks_status_snoozed_until', table_name='tasks')
