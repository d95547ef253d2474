"""units' name_key rewritten with the current unit_key (the military and border-guard commands written alike)

(before 0021 "BCH Quân sự tỉnh" was keyed "ban chap hanh quan su tinh" and "Bộ CHQS tỉnh" "bo chqs tinh": neither
matched the notices' "Bộ Chỉ huy Quân sự tỉnh", and a directory file sent again would have made a second unit; a key
another unit already has is left as it was)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 20:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.unitnames import unit_key

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, name, name_key FROM units ORDER BY id")).all()
    taken = {key for _, _, key in rows}
    for unit_id, name, key in rows:
        new = unit_key(name)
        if new != key and new not in taken:
            bind.execute(sa.text("UPDATE units SET name_key = :key WHERE id = :id"), {"key": new, "id": unit_id})
            taken.discard(key)
            taken.add(new)


def downgrade() -> None:
    pass  # data only: the old keys matched less, nothing depends on them
