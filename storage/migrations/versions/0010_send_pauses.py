"""flood-control pauses shared by every worker

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 13:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('send_pauses',
                    sa.Column('channel', sa.String(length=16), nullable=False),
                    sa.Column('until', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('channel', name=op.f('pk_send_pauses')))


def downgrade() -> None:
    op.drop_table('send_pauses')
