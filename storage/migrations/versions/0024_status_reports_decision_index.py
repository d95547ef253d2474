"""index on status_reports.decision: the extension requests still waiting are found without reading every report

(the office's weekly list names the requests waiting three working days or more; `pending_extensions` asked for
decision = 'pending' over every status report a notice ever got)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 07:05:00
"""
from __future__ import annotations

from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_status_reports_decision'), 'status_reports', ['decision'], unique=False,
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_status_reports_decision'), table_name='status_reports')
