"""shared_files: report charts and workbooks served at an expiring link, for channels that take files only by URL

(Zalo's Bot API sends a photo by URL and no documents: in webhook mode the bot keeps the file here, shared by every
worker behind the proxy, and sends the link; rows are removed once expired)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shared_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_files")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_shared_files_token_hash")),
        if_not_exists=True,  # (a database stamped back to an older revision by a test keeps its tables)
    )
    op.create_index(op.f("ix_shared_files_expires_at"), "shared_files", ["expires_at"], unique=False,
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_shared_files_expires_at"), table_name="shared_files")
    op.drop_table("shared_files")
