"""questions people ask the office in chat, and where each was shown to an admin

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 14:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'questions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('asker_id', sa.Integer(), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('answer', sa.Text(), nullable=True),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['asker_id'], ['people.id'], name=op.f('fk_questions_asker_id_people')),
        sa.ForeignKeyConstraint(['answered_by_id'], ['people.id'], name=op.f('fk_questions_answered_by_id_people')),
        sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_questions_task_id_tasks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_questions')),
    )
    op.create_index(op.f('ix_questions_asker_id'), 'questions', ['asker_id'], unique=False)
    op.create_table(
        'question_messages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.String(length=64), nullable=False),
        sa.Column('message_id', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['questions.id'],
                                name=op.f('fk_question_messages_question_id_questions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_messages')),
    )
    op.create_index('ix_question_messages_chat_message', 'question_messages', ['chat_id', 'message_id'],
                    unique=False)
    op.create_index(op.f('ix_question_messages_question_id'), 'question_messages', ['question_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_question_messages_question_id'), table_name='question_messages')
    op.drop_index('ix_question_messages_chat_message', table_name='question_messages')
    op.drop_table('question_messages')
    op.drop_index(op.f('ix_questions_asker_id'), table_name='questions')
    op.drop_table('questions')
