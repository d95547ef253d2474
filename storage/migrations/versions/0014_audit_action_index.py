"""index for the tick's look at the news a command-line import queued: audit rows by action and time

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 07:30:00
"""
from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_audit_log_action_at', 'audit_log', ['action', 'at'])


def downgrade() -> None:
    op.drop_index('ix_audit_log_action_at', table_name='audit_log')
