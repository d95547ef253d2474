"""people choose the channel their reminders go to

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 12:15:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people') as batch:
        batch.add_column(sa.Column('preferred_channel', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people') as batch:
        batch.drop_column('preferred_channel')
