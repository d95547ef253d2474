"""Round 18: "phấn đấu (các) chỉ tiêu … trong quý II/2026 đạt …" asks the targets to be met by the end of the period: a
deadline; "các chỉ tiêu … trong năm 2026" alone still names which targets (no deadline)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2026, 3, 20)


@pytest.mark.parametrize(("text", "due"), [
    ("phấn đấu các chỉ tiêu phát triển kinh tế - xã hội trong quý II/2026 đạt 60% trở lên", dt.date(2026, 6, 30)),
    ("phấn đấu các chỉ tiêu về thu ngân sách trong năm 2026 đạt 110% dự toán", dt.date(2026, 12, 31)),
    ("phấn đấu đạt các mục tiêu giảm nghèo trong quý III/2026", dt.date(2026, 9, 30)),
])
def test_striving_for_targets_by_a_period_is_a_deadline(text: str, due: dt.date) -> None:
    deadline = pick_deadline(text, issued_on=ISSUED)
    assert deadline is not None and deadline.due == due


def test_targets_of_a_period_alone_are_no_deadline() -> None:
    text = "các chỉ tiêu phát triển KT-XH trong quý II/2026 đạt 60% trở lên"
    assert pick_deadline(text, issued_on=ISSUED) is None
