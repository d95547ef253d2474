"""digests replace reminder rows: one message a person a working morning, planned from the tasks' state

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:05:17
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('digest_runs',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('digests', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_digest_runs'))
    )
    op.create_table('digests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claim_token', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('chat_id', sa.String(length=64), nullable=True),
    sa.Column('message_id', sa.String(length=64), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_digests_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digests')),
    sa.UniqueConstraint('person_id', 'day', name='uq_digests_person_day')
    )
    with op.batch_alter_table('digests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digests_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_digests_state_due_at', ['state', 'due_at'], unique=False)

    op.create_table('task_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_messages_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_messages'))
    )
    with op.batch_alter_table('task_messages', schema=None) as batch_op:
        batch_op.create_index('ix_task_messages_chat_message', ['chat_id', 'message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_messages_task_id'), ['task_id'], unique=False)

    with op.batch_alter_table('status_reports', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_status_reports_reminder_id_reminders'), type_='foreignkey')
        batch_op.drop_column('reminder_id')

    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_person_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_state_due_at'))
        batch_op.drop_index(batch_op.f('ix_reminders_task_id'))

    op.drop_table('reminders')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('escalated', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('snoozed_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_report_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('last_report_at')
        batch_op.drop_column('snoozed_until')
        batch_op.drop_column('escalated')

    op.create_table('reminders',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('task_id', sa.INTEGER(), nullable=False),
    sa.Column('person_id', sa.INTEGER(), nullable=False),
    sa.Column('kind', sa.VARCHAR(length=16), nullable=False),
    sa.Column('slot', sa.VARCHAR(length=40), nullable=False),
    sa.Column('due_at', sa.DATETIME(), nullable=False),
    sa.Column('state', sa.VARCHAR(length=16), nullable=False),
    sa.Column('attempts', sa.INTEGER(), nullable=False),
    sa.Column('claimed_by', sa.VARCHAR(length=64), nullable=True),
    sa.Column('claimed_until', sa.DATETIME(), nullable=True),
    sa.Column('sent_at', sa.DATETIME(), nullable=True),
    sa.Column('channel', sa.VARCHAR(length=16), nullable=True),
    sa.Column('chat_id', sa.VARCHAR(length=64), nullable=True),
    sa.Column('message_id', sa.VARCHAR(length=64), nullable=True),
    sa.Column('last_error', sa.TEXT(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_reminders_person_id_people')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_reminders_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders')),
    sa.UniqueConstraint('task_id', 'person_id', 'kind', 'slot', name=op.f('uq_reminders_task_person_kind_slot'))
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminders_task_id'), ['task_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_state_due_at'), ['state', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('status_reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder_id', sa.INTEGER(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_status_reports_reminder_id_reminders'), 'reminders',
                                    ['reminder_id'], ['id'])

    with op.batch_alter_table('task_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_messages_task_id'))
        batch_op.drop_index('ix_task_messages_chat_message')

    op.drop_table('task_messages')
    with op.batch_alter_table('digests', schema=None) as batch_op:
        batch_op.drop_index('ix_digests_state_due_at')
        batch_op.drop_index(batch_op.f('ix_digests_person_id'))

    op.drop_table('digests')
    op.drop_table('digest_runs')
