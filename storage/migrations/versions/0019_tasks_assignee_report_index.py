"""index for the morning's planning: the last report on each person's tasks since a day

(the quiet cadence asks when each person last answered: by assignee and time, not every task they ever held)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 09:10:00
"""
from __future__ import annotations

from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tasks_assignee_id_last_report_at', 'tasks', ['assignee_id', 'last_report_at'])


def downgrade() -> None:
    op.drop_index('ix_tasks_assignee_id_last_report_at', table_name='tasks')
