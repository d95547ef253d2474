"""a topic heading's only paragraph numbered as printed: "II.3 (đoạn 1)" renamed "II.3" in the notices stored

(probe 36, F9: the parser now numbers a topic heading over a single paragraph "II.3", as the paper prints it and as
people type it; notices stored before kept "II.3 (đoạn 1)" in every digest, card and example. Renamed only where the
notice has no other paragraph of that heading, no item numbered like the heading itself and no item under it — the
parser's own rule —, so running it again changes nothing. "II.3 (đoạn 1)" typed still finds "II.3": `by_ref`)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-02 10:00:00
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None

FIRST_PARAGRAPH = re.compile(r"^(?P<item>.+?) \(đoạn 1\)$")


def upgrade() -> None:
    bind = op.get_bind()
    refs: dict[int, set[str]] = {}
    for notice_id, item_ref in bind.execute(sa.text("SELECT notice_id, item_ref FROM tasks")).all():
        refs.setdefault(notice_id, set()).add(item_ref)
    for notice_id, numbers in refs.items():
        for ref in sorted(numbers):
            m = FIRST_PARAGRAPH.match(ref)
            if m is None:
                continue
            item = m.group("item")
            if any(other != ref and (other == item or other.startswith(item + " (") or other.startswith(item + "."))
                   for other in numbers):
                continue  # several paragraphs, the heading an item itself, or items under it: numbered as it was
            bind.execute(sa.text("UPDATE tasks SET item_ref = :item WHERE notice_id = :notice AND item_ref = :ref"),
                         {"item": item, "notice": notice_id, "ref": ref})


def downgrade() -> None:
    pass  # data only: "II.3 (đoạn 1)" typed still finds "II.3"
