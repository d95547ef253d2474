"""Parser round 36 (issue 8): the day of an urgent letter itself ("trước 20h tối nay", "trong ngày hôm nay") is a
deadline; the day figures are counted to ("tính đến ngày 15/3/2026") is not.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2026, 10, 13)


def _due(text: str) -> dt.date | None:
    found = pick_deadline(text, issued_on=ISSUED)
    return found.due if found else None


def test_tonight_and_today_are_the_day_of_the_letter() -> None:
    assert _due("Các tàu thuyền đang hoạt động trên biển phải về nơi tránh trú an toàn trước 20h tối nay.") == ISSUED
    assert _due("Các xã báo cáo tình hình thiệt hại về Ban Chỉ huy trước 16 giờ ngày hôm nay.") == ISSUED
    assert _due("Hoàn thành việc sơ tán dân ra khỏi vùng nguy hiểm trong ngày hôm nay.") == ISSUED


def test_today_told_is_no_deadline() -> None:
    assert _due("Hôm nay, Sở đã tổ chức họp với các đơn vị.") is None


def test_counted_until_is_no_deadline() -> None:
    assert _due("Công an xã bàn giao cho trưởng thôn danh sách công dân tính đến ngày 15/12/2026 đủ 18 tuổi.") is None
    # a due after the count date is still read
    assert _due("Các xã báo cáo số liệu tính đến ngày 30/11/2026, gửi về Sở trước ngày 10/12/2026.") == \
        dt.date(2026, 12, 10)
