"""a task whose extension request still waits is "extension requested", whatever was reported after the request

(before 0020 a progress, blocked or not-started report sent while a request waited set the task's status to what it
said, and the request dropped out of /tonghop, /donvi, the Excel, /viec and the escalation; the report keeps its own
status in status_reports, so a refusal still goes back to it)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 12:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text(
        "UPDATE tasks SET status = 'extension_requested' "
        "WHERE status IN ('open', 'in_progress', 'blocked', 'paused') AND EXISTS ("
        "SELECT 1 FROM status_reports r WHERE r.task_id = tasks.id "
        "AND r.status = 'extension_requested' AND r.decision = 'pending')"))


def downgrade() -> None:
    pass  # data only: the statuses it set are those the bot now keeps
