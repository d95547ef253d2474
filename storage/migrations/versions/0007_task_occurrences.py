"""recurring duties as occurrences: the current one on the task, finished ones kept

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 12:55:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occurrence_label', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('occurrence_start', sa.Date(), nullable=True))
    op.create_table('task_occurrences',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('task_id', sa.Integer(), nullable=False),
                    sa.Column('label', sa.String(length=60), nullable=False),
                    sa.Column('period_start', sa.Date(), nullable=False),
                    sa.Column('period_end', sa.Date(), nullable=False),
                    sa.Column('due_on', sa.Date(), nullable=False),
                    sa.Column('done_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('on_time', sa.Boolean(), nullable=False),
                    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_occurrences_task_id_tasks')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_occurrences')),
                    sa.UniqueConstraint('task_id', 'period_start', name='uq_task_occurrences_task_period'))
    with op.batch_alter_table('task_occurrences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_occurrences_task_id'), ['task_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('task_occurrences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_occurrences_task_id'))
    op.drop_table('task_occurrences')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('occurrence_start')
        batch_op.drop_column('occurrence_label')
