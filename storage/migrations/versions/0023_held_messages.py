"""held_messages: messages to a third person triggered outside working hours, sent the next working morning

(before 0023 a cadre's update on a Tết evening reached the head at once, though reminders go out only in working
hours; now such a copy waits in this table for the next working morning's tick)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 06:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("remember_kind", sa.String(length=16), nullable=True),
        sa.Column("remember_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_held_messages_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_messages")),
        if_not_exists=True,  # (a database stamped back to an older revision by a test keeps its tables)
    )
    op.create_index(op.f("ix_held_messages_person_id"), "held_messages", ["person_id"], unique=False,
                    if_not_exists=True)
    op.create_index(op.f("ix_held_messages_due_at"), "held_messages", ["due_at"], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_held_messages_due_at"), table_name="held_messages")
    op.drop_index(op.f("ix_held_messages_person_id"), table_name="held_messages")
    op.drop_table("held_messages")
