"""second posts (kiêm nhiệm): a person who also heads another unit

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 13:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'person_posts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_posts_person_id_people'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_person_posts_unit_id_units')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_person_posts')),
        sa.UniqueConstraint('unit_id', name=op.f('uq_person_posts_unit_id')),
    )
    op.create_index(op.f('ix_person_posts_person_id'), 'person_posts', ['person_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_person_posts_person_id'), table_name='person_posts')
    op.drop_table('person_posts')
