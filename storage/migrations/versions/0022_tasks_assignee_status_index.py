"""index for the office's weekly list: the open tasks nobody holds, by assignee and status

(unheld_tasks read every task of every notice to find the few without a holder: 34 ms of the Monday planning at 100k
stored; with the index it asks for the open tasks without an assignee, and those of the people who left)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 05:50:00
"""
from __future__ import annotations

from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tasks_assignee_id_status', 'tasks', ['assignee_id', 'status'], if_not_exists=True)


def downgrade() -> None:
    op.drop_index('ix_tasks_assignee_id_status', table_name='tasks')
