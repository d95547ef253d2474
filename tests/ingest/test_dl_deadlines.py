"""Dated deadlines on unseen notices (issue 8): general phrasing patterns of when work is due.

The sentences are written for these tests from the phrasing patterns; none is copied from a document."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline
from bot.ingest.parser import parse_notice

ISSUED = dt.date(2026, 3, 2)


def _due(text: str, issued_on: dt.date | None = ISSUED) -> dt.date | None:
    found = pick_deadline(text, issued_on=issued_on)
    return found.due if found else None


# --- a later sentence about another party does not move the task's own deadline ---

@pytest.mark.parametrize(("text", "due"), [
    ("Các xã thành lập tổ công tác, hoàn thành trước ngày 15/4/2026. Đối với các hội đoàn thể, tổng hợp kết quả "
     "trước ngày 10/5/2026.", dt.date(2026, 4, 15)),
    ("Đại hội chi bộ trực thuộc tổ chức không quá 1 ngày, hoàn thành trước ngày 20/5/2026. Đại hội Đảng bộ xã "
     "hoàn thành trước ngày 30/6/2026.", dt.date(2026, 5, 20)),
    ("Các phòng rà soát hồ sơ, xong trước ngày 10/4/2026. Sau đó các phòng họp xét. UBND xã tổng hợp, báo cáo "
     "huyện trước ngày 25/4/2026.", dt.date(2026, 4, 10)),
])
def test_a_later_sentence_of_another_party_keeps_the_first_sentence_date(text: str, due: dt.date) -> None:
    assert _due(text) == due


@pytest.mark.parametrize(("text", "due"), [
    # the same work told on: the last date stands
    ("Các xã rà soát hồ sơ trước ngày 10/4/2026. Báo cáo kết quả về UBND huyện trước ngày 20/4/2026.",
     dt.date(2026, 4, 20)),
    # a time field after the task's text is its deadline
    ("Rà soát các quy định trong năm 2026 được trình Chính phủ. Cơ quan chủ trì: Bộ Tư pháp. "
     "Thời gian hoàn thành: Tháng 5/2026.", dt.date(2026, 5, 31)),
    # a later sentence about the work, not about another party
    ("Sở Y tế chủ trì rà soát, hoàn thành trước ngày 10/4/2026. Các nội dung trên hoàn thành trước 30/4/2026.",
     dt.date(2026, 4, 30)),
    # the same doer named again
    ("Các xã rà soát hồ sơ trước ngày 10/4/2026. Các xã báo cáo kết quả trước ngày 20/4/2026.",
     dt.date(2026, 4, 20)),
])
def test_the_last_date_stands_when_the_later_sentence_is_the_same_work(text: str, due: dt.date) -> None:
    assert _due(text) == due


# --- "năm X và các năm tiếp theo": ongoing from that year, no deadline ---

@pytest.mark.parametrize("text", [
    "Xây dựng cơ sở dữ liệu ngành. Thời gian hoàn thành: Năm 2026 và các năm tiếp theo.",
    "Sở Nội vụ tổ chức bồi dưỡng cán bộ trong năm 2026 và những năm tiếp theo.",
    "Hoàn thành năm 2027 và các năm sau.",
    "Các phòng triển khai thực hiện trong tháng 5/2026 và những tháng tiếp theo.",
    "Duy trì kiểm tra trong quý II/2026 và các quý tiếp theo.",
])
def test_a_year_and_the_years_after_is_no_deadline(text: str) -> None:
    assert _due(text) is None


def test_a_year_alone_is_still_a_deadline() -> None:
    assert _due("Xây dựng cơ sở dữ liệu ngành. Thời gian hoàn thành: Năm 2026.") == dt.date(2026, 12, 31)


# --- a day the month does not have: its last day ---

@pytest.mark.parametrize(("text", "due"), [
    ("Các xã báo cáo kết quả trước ngày 31/11.", dt.date(2026, 11, 30)),
    ("Hoàn thành trước ngày 31.6.2026.", dt.date(2026, 6, 30)),
    ("Nộp hồ sơ chậm nhất ngày 30/02/2027.", dt.date(2027, 2, 28)),
])
def test_a_day_past_the_month_end_is_the_month_end(text: str, due: dt.date) -> None:
    assert _due(text) == due


# --- "Kết thúc năm 2026, …": the end of that year ---

def test_the_end_of_a_year_as_the_cue() -> None:
    assert _due("Kết thúc năm 2026, các đơn vị tổng kết công tác kiểm tra trên địa bàn.") == dt.date(2026, 12, 31)


def test_after_the_end_of_a_year_is_not_by_its_end() -> None:
    assert _due("Sau khi kết thúc năm 2026, các đơn vị tổng kết công tác kiểm tra.") is None


# --- a period of work already set or done is not a deadline ---

@pytest.mark.parametrize("text", [
    "Yêu cầu các ban triển khai tốt kế hoạch giám sát và các nhiệm vụ khác đã đề ra trong năm 2026.",
    "Tiếp tục thực hiện kế hoạch công tác đề ra trong quý II/2026.",
    "Các phòng hoàn thiện hồ sơ các dự án đã được phê duyệt trong tháng 3/2026.",
])
def test_a_period_when_work_was_set_is_no_deadline(text: str) -> None:
    assert _due(text) is None


def test_a_period_to_finish_in_is_still_a_deadline() -> None:
    assert _due("Các phòng hoàn thiện hồ sơ các dự án, hoàn thành trong tháng 3/2026.") == dt.date(2026, 3, 31)


# --- a lead-in deadline of one unit is not another unit's ---

NOTICE = """UBND TỈNH AN BÌNH
Số: 12/TB-UBND
An Bình, ngày 02 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh
Chủ tịch UBND tỉnh kết luận như sau:
1. Sở Tài chính hoàn thiện dự thảo Đề án, trình UBND tỉnh trước ngày 20/3/2026. Trong đó lưu ý các nội dung sau:
a) Sở Tài chính rà soát kỹ các quy định hiện hành về giá dịch vụ.
b) Sở Xây dựng khẩn trương có văn bản gửi Sở Tài chính các nội dung liên quan đến quy hoạch.
2. Các sở, ngành báo cáo kết quả thực hiện, gửi về Văn phòng UBND tỉnh trước ngày 25/3/2026, gồm:
a) Sở Y tế báo cáo tình hình dịch bệnh.
b) Sở Giáo dục và Đào tạo báo cáo số trường học.
Nơi nhận:
- Như trên;
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _task_due(key: str) -> dt.date | None:
    tasks = parse_notice(NOTICE).tasks
    hit = [t for t in tasks if key in t.text]
    assert hit, [t.text for t in tasks]
    return hit[0].due


def test_a_lead_in_deadline_goes_to_items_of_the_same_unit() -> None:
    assert _task_due("rà soát kỹ các quy định") == dt.date(2026, 3, 20)


def test_a_lead_in_deadline_does_not_go_to_another_named_unit() -> None:
    assert _task_due("khẩn trương có văn bản gửi") is None


def test_a_group_lead_in_deadline_goes_to_its_members() -> None:
    assert _task_due("tình hình dịch bệnh") == dt.date(2026, 3, 25)
    assert _task_due("số trường học") == dt.date(2026, 3, 25)


# --- a task told field by field: its lead and its time stay with it ---

DECISION = """CHÍNH PHỦ
Số: 45/NQ-CP
Hà Nội, ngày 02 tháng 3 năm 2026
NGHỊ QUYẾT
Sửa đổi một nhiệm vụ của Chương trình hành động
Điều 1. Sửa đổi nhiệm vụ số 7 của Chương trình hành động như sau:
1. Tên nhiệm vụ: Xây dựng Đề án phát triển mạng lưới hòa giải viên thương mại.
2. Cơ quan chủ trì: Bộ Tư pháp.
3. Cơ quan phối hợp: Các bộ, ngành.
4. Sản phẩm: Quyết định của Thủ tướng Chính phủ phê duyệt Đề án.
5. Thời gian hoàn thành: Quý III/2026.
Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
Nơi nhận:
- Như trên;
TM. CHÍNH PHỦ
THỦ TƯỚNG
Lê Văn Minh
"""


def test_a_task_told_field_by_field_keeps_its_lead_and_time() -> None:
    tasks = [t for t in parse_notice(DECISION).tasks if "hòa giải viên" in t.text]
    assert len(tasks) == 1
    assert tasks[0].due == dt.date(2026, 9, 30)
    assert list(tasks[0].lead) == ["Bộ Tư pháp"]


# --- more ways to write a deadline day ---

@pytest.mark.parametrize(("text", "due"), [
    ("Các xã nộp hồ sơ muộn nhất ngày 15/4/2026.", dt.date(2026, 4, 15)),
    ("Báo cáo UBND huyện muộn nhất là ngày 20/5.", dt.date(2026, 5, 20)),
    ("Hoàn thành trước 30/6 năm 2027.", dt.date(2027, 6, 30)),
    ("Gửi kết quả trước ngày 20/3/27.", dt.date(2027, 3, 20)),
])
def test_more_ways_to_write_a_deadline_day(text: str, due: dt.date) -> None:
    assert _due(text) == due


# --- what the date is for is not the task's deadline ---

@pytest.mark.parametrize(("text", "due"), [
    ("Sở Y tế hoàn thành dự thảo trước ngày 15/6/2026 để kịp trình HĐND tỉnh tại kỳ họp tháng 7/2026.",
     dt.date(2026, 6, 15)),
    ("Các huyện gửi báo cáo về Sở Nội vụ trước ngày 20/3/2026 để tổng hợp, trình UBND tỉnh trong tháng 4/2026.",
     dt.date(2026, 3, 20)),
])
def test_the_date_of_what_the_work_is_for_is_not_its_deadline(text: str, due: dt.date) -> None:
    assert _due(text) == due


def test_a_later_date_of_the_same_work_still_counts() -> None:
    assert _due("Rà soát trước ngày 10/4/2026 để hoàn thành việc cấp giấy trước ngày 30/4/2026.") == \
        dt.date(2026, 4, 30)


# --- a half year that names what a report covers is not a deadline ---

@pytest.mark.parametrize("text", [
    "Các ban chuẩn bị đầy đủ tài liệu, nhất là báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026.",
    "Sở Kế hoạch và Đầu tư chuẩn bị số liệu 9 tháng năm 2026 của các ngành.",
])
def test_a_half_year_a_report_covers_is_no_deadline(text: str) -> None:
    assert _due(text) is None


@pytest.mark.parametrize("text", [
    "Phấn đấu hoàn thành kế hoạch 6 tháng đầu năm 2026.",
    "Sở Tài chính giải ngân vốn 6 tháng đầu năm 2026.",
])
def test_a_half_year_to_finish_in_is_still_a_deadline(text: str) -> None:
    assert _due(text) == dt.date(2026, 6, 30)


def test_a_half_year_review_to_hold_is_still_a_deadline() -> None:
    assert _due("Các đơn vị báo cáo sơ kết 6 tháng đầu năm 2026.") == dt.date(2026, 6, 30)


# --- a news copy without a date line: the day it reports on gives the year ---

NEWS = """UBND huyện họp thường kỳ tháng 4

Chiều 05/4/2026, UBND huyện tổ chức phiên họp thường kỳ tháng 4 để đánh giá kết quả thực hiện nhiệm vụ quý I.

Kết luận phiên họp, đồng chí Chủ tịch UBND huyện yêu cầu Phòng Kinh tế hoàn thành việc rà soát hồ sơ trước ngày 20/4.
"""


def test_a_news_copy_takes_the_year_of_the_day_it_reports() -> None:
    tasks = [t for t in parse_notice(NEWS).tasks if "rà soát hồ sơ" in t.text]
    assert tasks and tasks[0].due == dt.date(2026, 4, 20)
