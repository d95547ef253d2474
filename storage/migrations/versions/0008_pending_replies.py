"""pending replies (which task?), where extension requests were shown; pending requests marked

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 12:45:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'pending_replies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('task_ids', sa.JSON(), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_pending_replies_person_id_people')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_replies')),
    )
    with op.batch_alter_table('pending_replies') as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_replies_person_id'), ['person_id'], unique=False)
    op.create_table(
        'extension_messages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('chat_id', sa.String(length=64), nullable=False),
        sa.Column('message_id', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['report_id'], ['status_reports.id'],
                                name=op.f('fk_extension_messages_report_id_status_reports')),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_extension_messages_person_id_people')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_extension_messages')),
    )
    with op.batch_alter_table('extension_messages') as batch_op:
        batch_op.create_index(batch_op.f('ix_extension_messages_report_id'), ['report_id'], unique=False)
    # an undecided request is now marked "pending" (a later note keeps the task's status without being one):
    # the newest undecided request of each task still waiting for a decision
    op.execute(
        "UPDATE status_reports SET decision = 'pending' WHERE decision IS NULL AND source IN ('button', 'reply', "
        "'text') AND id IN (SELECT max(id) FROM status_reports WHERE status = 'extension_requested' GROUP BY task_id) "
        "AND task_id IN (SELECT id FROM tasks WHERE status = 'extension_requested')")


def downgrade() -> None:
    op.execute("UPDATE status_reports SET decision = NULL WHERE decision IN ('pending', 'replaced')")
    with op.batch_alter_table('extension_messages') as batch_op:
        batch_op.drop_index(batch_op.f('ix_extension_messages_report_id'))
    op.drop_table('extension_messages')
    with op.batch_alter_table('pending_replies') as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_replies_person_id'))
    op.drop_table('pending_replies')
