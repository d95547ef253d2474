"""Deadline phrasing, written from the conventions in CORPUS.md and DOMAIN.md
(examples beyond the dev corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import find_recurrence, pick_deadline

ISSUED = dt.date(2018, 3, 28)


@pytest.mark.parametrize(("phrase", "due"), [
    ("báo cáo UBND tỉnh trước ngày 15/4/2018", "2018-04-15"),
    ("hoàn thành chậm nhất ngày 15/4/2018", "2018-04-15"),
    ("xong trước 15/4/2018", "2018-04-15"),
    ("gửi về Sở Nội vụ trong ngày 15/4/2018", "2018-04-15"),
    ("trước 14 giờ ngày 05/12/2018", "2018-12-05"),
    ("chậm nhất ngày 15 tháng 4 năm 2018", "2018-04-15"),
    ("trước ngày 20/5", "2018-05-20"),  # no year: the document's year
    ("trước ngày 20/1", "2019-01-20"),  # … or the next, if already past
    ("hoàn thành trong tháng 3/2019", "2019-03-31"),
    ("trong tháng 02 năm 2020", "2020-02-29"),
    ("hoàn thành trong quý II/2018", "2018-06-30"),
    ("trong quý IV năm 2018", "2018-12-31"),
    ("sơ kết 6 tháng đầu năm 2018", "2018-06-30"),
    ("hoàn thành trong năm 2018", "2018-12-31"),
    ("cuối năm 2019", "2019-12-31"),
    ("trong 10 ngày kể từ ngày ký", "2018-04-07"),
    ("báo cáo Sở trước ngày 20/4/2018, báo cáo UBND tỉnh trước ngày 25/4/2018", "2018-04-25"),
])
def test_deadlines(phrase: str, due: str) -> None:
    found = pick_deadline(phrase, issued_on=ISSUED)
    assert found is not None and found.due.isoformat() == due


@pytest.mark.parametrize("phrase", [
    "xây dựng kế hoạch công tác năm 2018",  # a year that names the subject
    "theo Công văn số 1017/BTNMT-TCMT ngày 22/3/2013 của Bộ",  # a cited document's date
    "Ngày 23/02/2018, đồng chí Phó Bí thư đã làm việc",  # an event date
    "thực hiện thường xuyên, kịp thời",
    "triển khai sớm",
])
def test_not_deadlines(phrase: str) -> None:
    assert pick_deadline(phrase, issued_on=ISSUED) is None


@pytest.mark.parametrize(("phrase", "rec"), [
    ("định kỳ hằng tháng báo cáo UBND tỉnh", "monthly"),
    ("trước ngày 20 hàng tháng", "monthly"),
    ("báo cáo hằng quý", "quarterly"),
    ("báo cáo 6 tháng một lần", "semiannual"),
    ("02 tuần/lần tổng hợp", "biweekly"),
    ("trước 16 giờ 00 ngày thứ Sáu hằng tuần", "weekly"),
    ("tổng kết hằng năm", "yearly"),
    ("báo cáo trước ngày 15/4/2018", None),
])
def test_recurrence(phrase: str, rec: str | None) -> None:
    assert find_recurrence(phrase) == rec
