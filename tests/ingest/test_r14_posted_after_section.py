"""Round 14: a portal copy's posting stamp after the portal's section name ("<Chuyên mục> - Ngày đăng : <giờ>, <ngày>",
"<Chuyên mục> | Cập nhật lúc <giờ>, <ngày>") gives the year of the days written without one ("chậm nhất đến ngày
20-6"); a place and a date alone ("Hà Nội - 11/06/2015") is no posting stamp."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice

NEWS = """Quận ủy đẩy nhanh tiến độ đại hội chi bộ
{stamp}
Tại buổi làm việc, Trưởng Ban Tổ chức Thành ủy đề nghị Quận ủy cần xác định lộ trình cụ thể, chậm nhất đến ngày 20-6 \
báo cáo Ban Tổ chức Thành ủy.
"""


@pytest.mark.parametrize("stamp", ["Chính trị - Ngày đăng : 05:24, 11/06/2015",
                                   "Xây dựng Đảng | Cập nhật lúc 08:00, 11/06/2015"])
def test_the_stamp_after_a_section_name_gives_the_year(stamp: str) -> None:
    tasks = parse_notice(NEWS.format(stamp=stamp)).tasks
    assert [t.due for t in tasks] == [dt.date(2015, 6, 20)]
