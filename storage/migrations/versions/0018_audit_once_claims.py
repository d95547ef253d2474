"""claims written once: a unique partial index on audit_log for the actions that are also claims

(the weekly summary of a week, the one reminder an extension request waits), so two workers cannot both send them;
the first line above is what Alembic logs: one line.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 01:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

_ONCE = "action IN ('weekly.sent', 'task.extension_reminded')"


def upgrade() -> None:
    # a week's summary was claimed with no entity id; the unique index (NULLs never clash) needs one: 0
    op.execute("UPDATE audit_log SET entity_id = 0 WHERE action = 'weekly.sent' AND entity_id IS NULL")
    # a race before this index may have written a claim twice: keep the first of each
    op.execute(f"DELETE FROM audit_log WHERE {_ONCE} AND id NOT IN ("
               f"SELECT MIN(id) FROM audit_log WHERE {_ONCE} GROUP BY action, entity, entity_id)")
    op.create_index('uq_audit_log_once', 'audit_log', ['action', 'entity', 'entity_id'], unique=True,
                    sqlite_where=sa.text(_ONCE), postgresql_where=sa.text(_ONCE))


def downgrade() -> None:
    op.drop_index('uq_audit_log_once', table_name='audit_log')
    op.execute("UPDATE audit_log SET entity_id = NULL WHERE action = 'weekly.sent' AND entity_id = 0")
