"""Round 22: a news copy with no date line, posting stamp or dated opening that names one year only takes that year
for a day or period written without one ("xong trước ngày 30-8", "trong quý II"); it names several years, a year
only in a document's number or a target year: no year, no date, as before. And a day that comes back every year
("trước ngày 01 tháng 6 hằng năm") is no deadline, whatever the reference."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline

NEWS = """Huyện yêu cầu các xã hoàn thành đề án dồn điền, đổi thửa

Theo Phòng Nông nghiệp và Phát triển nông thôn huyện, {context} huyện tiến hành dồn điền, đổi thửa tại 4 xã có ít \
diện tích lúa bị xen kẹp với cây ăn quả lâu năm.

Huyện yêu cầu các xã tổng hợp số liệu để huyện phê duyệt đề án cấp xã và phương án thực hiện của các thôn {when}.
"""


@pytest.mark.parametrize("context,year", [("từ nay đến hết năm 2015", 2015),
                                          ("trong vụ đông xuân 2019", 2019),
                                          ("theo kế hoạch ban hành ngày 12/3/2021,", 2021)])
@pytest.mark.parametrize("when,month,day", [("xong trước ngày 30-8", 8, 30), ("chậm nhất ngày 15/7", 7, 15),
                                            ("trong quý II", 6, 30)])
def test_the_one_year_named_dates_a_day_without_its_year(context: str, year: int, when: str, month: int,
                                                          day: int) -> None:
    tasks = list(parse_notice(NEWS.format(context=context, when=when)).tasks)
    own = [t for t in tasks if "tổng hợp số liệu" in t.text]
    assert len(own) == 1 and own[0].due == dt.date(year, month, day), [(t.text[:50], t.due) for t in tasks]


# guards: several years, a year only in a number or as a target — no year to take
@pytest.mark.parametrize("context", ["trong năm 2014 và năm 2016", "theo Quyết định số 32/2020/QĐ-UBND,",
                                     "phấn đấu đến năm 2030"])
def test_no_year_to_take(context: str) -> None:
    tasks = list(parse_notice(NEWS.format(context=context, when="xong trước ngày 30-8")).tasks)
    own = [t for t in tasks if "tổng hợp số liệu" in t.text]
    assert len(own) == 1 and own[0].due is None, [(t.text[:50], t.due) for t in tasks]


@pytest.mark.parametrize("text", ["Trước ngày 01 tháng 6 hằng năm, Bộ Tài chính ban hành Thông tư hướng dẫn.",
                                  "Báo cáo quyết toán năm trước gửi Sở Tài chính trước ngày 01/10 hàng năm."])
def test_a_day_every_year_is_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=dt.date(2016, 3, 1)) is None


# guard: a day of one year stays its deadline
def test_a_day_of_this_year_is_a_deadline() -> None:
    found = pick_deadline("Bộ Tài chính ban hành Thông tư hướng dẫn trước ngày 01 tháng 6 năm nay.",
                          issued_on=dt.date(2016, 3, 1))
    assert found is not None and found.due == dt.date(2016, 6, 1)
