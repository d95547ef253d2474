"""Round 13: the period the work belongs to, told before the work ("Quý III/2027 tập trung thực hiện …", "Trong quý
II, … . Các xã …", "… các nhiệm vụ cần thực hiện trong tháng 9/2027: A … . B …", "… thực hiện tốt các nội dung trong
tháng 9/2027 như sau:" before paragraphs), is the deadline of every task it frames (CORPUS.md: a quarter or a month
ends on its last day; a period without its year is the first one not over at the document's date)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2027, 4, 10)


@pytest.mark.parametrize(("text", "due"), [
    ("Quý III/2027 tập trung thực hiện một số nội dung như sau:", dt.date(2027, 9, 30)),
    ("Quý IV năm 2027, các phòng cần hoàn thiện hồ sơ.", dt.date(2027, 12, 31)),
    ("Hội nghị yêu cầu, quý II/2027 các xã phải triển khai xong việc rà soát.", dt.date(2027, 6, 30)),
])
def test_a_quarter_set_before_the_work_is_its_deadline(text: str, due: dt.date) -> None:
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == due


def test_a_quarter_told_as_done_is_no_deadline() -> None:
    assert pick_deadline("Quý I/2027, UBND huyện đã triển khai thực hiện các nhiệm vụ.", issued_on=ISSUED) is None


@pytest.mark.parametrize("text", ["Trong quý III, các xã cần tập trung rà soát hồ sơ.",
                                  "Trong quý III, Ban Thường vụ đề nghị các chi bộ chuẩn bị nội dung."])
def test_a_quarter_without_its_year_before_a_comma(text: str) -> None:
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2027, 9, 30)


def test_a_quarter_and_its_year_after_a_comma_stay_one_period() -> None:
    found = pick_deadline("hoàn thành trong quý III, năm 2028", issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2028, 9, 30)


NEWS = """Huyện Hòa Bình giao ban công tác quý I
10/04/2027
Hội nghị đánh giá kết quả công tác quý I của các xã. {para}
"""


def _dues(para: str) -> list[tuple[str, dt.date | None]]:
    return [(t.lead[0] if t.lead else "", t.due) for t in parse_notice(NEWS.format(para=para)).tasks]


def test_a_sentence_opening_with_a_quarter_dates_the_sentences_after_it() -> None:
    dues = _dues("Trong quý III, Thường trực Huyện ủy đề nghị Đảng ủy các xã chủ động chuẩn bị nội dung đại hội; "
                 "Các xã tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở.")
    assert dues == [("Đảng ủy các xã", dt.date(2027, 9, 30)), ("Các xã", dt.date(2027, 9, 30))]


def test_a_period_told_as_done_dates_nothing_after_it() -> None:
    dues = _dues("Trong quý I, UBND huyện đã chỉ đạo Phòng Nội vụ rà soát hồ sơ cán bộ. "
                 "Các xã tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở.")
    assert all(due is None for _, due in dues)


def test_a_colon_lead_in_with_a_month_dates_the_sentences_after_it() -> None:
    dues = _dues("Kết luận hội nghị, đồng chí Chủ tịch nêu một số nhiệm vụ cần tập trung thực hiện trong tháng "
                 "5/2027: yêu cầu UBND các xã rà soát, giải quyết dứt điểm các kiến nghị của cử tri. "
                 "Phòng Tư pháp chuẩn bị tổ chức hội nghị tập huấn cho cán bộ tư pháp xã.")
    assert dues == [("UBND các xã", dt.date(2027, 5, 31)), ("Phòng Tư pháp", dt.date(2027, 5, 31))]


LETTER = """Đảng ủy Khối hướng dẫn tuyên truyền tháng 5/2027
Ngày 20/4/2027, Đảng ủy Khối ban hành Công văn hướng dẫn tuyên truyền.
Theo đó, Đảng ủy Khối yêu cầu cấp ủy các chi bộ trực thuộc thực hiện tốt một số nội dung tuyên truyền trong \
tháng 5/2027 như sau:
Tập trung tuyên truyền kết quả hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười.
Tuyên truyền các ngày lễ lớn, sự kiện lịch sử quan trọng của đất nước.
"""


def test_a_lead_in_period_dates_the_paragraphs_below_it() -> None:
    tasks = parse_notice(LETTER).tasks
    assert tasks and all(t.due == dt.date(2027, 5, 31) for t in tasks)


@pytest.mark.parametrize("text", ["Trong thời gian từ ngày 1 - 31/10/2027, các xã phải triển khai điều tra.",
                                  "Các xã triển khai thu thập thông tin từ ngày 1-31/10/2027."])
def test_a_window_of_days_in_one_month_ends_on_its_last_day(text: str) -> None:
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2027, 10, 31)


def test_a_planned_window_of_days_is_no_deadline() -> None:
    assert pick_deadline("Thời gian dự kiến: từ ngày 11 - 20/9/2027", issued_on=ISSUED) is None
