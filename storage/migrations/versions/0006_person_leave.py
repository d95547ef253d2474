"""people's leave (nghỉ phép) and who covers for them

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 12:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leave_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('leave_to', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('leave_cover_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_people_leave_cover_id_people'), 'people', ['leave_cover_id'],
                                    ['id'])


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_people_leave_cover_id_people'), type_='foreignkey')
        batch_op.drop_column('leave_cover_id')
        batch_op.drop_column('leave_to')
        batch_op.drop_column('leave_from')
