"""people: the Telegram username of the directory file

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 12:30:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people') as batch_op:
        batch_op.add_column(sa.Column('telegram_username', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people') as batch_op:
        batch_op.drop_column('telegram_username')
