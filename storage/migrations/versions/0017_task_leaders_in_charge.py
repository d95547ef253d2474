"""the leaders a notice puts in charge of each task ("Lãnh đạo phụ trách: …")

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 23:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tasks') as batch_op:
        batch_op.add_column(sa.Column('leaders_in_charge', sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('tasks') as batch_op:
        batch_op.drop_column('leaders_in_charge')
