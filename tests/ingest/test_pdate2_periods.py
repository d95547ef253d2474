"""Deadline phrasing of the second date round: periods joined under one cue. Examples are written in each
pattern's general form."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2026, 9, 21)


def due_of(phrase: str, issued_on: dt.date | None = ISSUED) -> str | None:
    found = pick_deadline(phrase, issued_on=issued_on)
    return found.due.isoformat() if found else None


@pytest.mark.parametrize(("phrase", "due"), [
    # two periods under one cue: the later one ends the work
    ("Sở Tài chính xây dựng cơ sở dữ liệu (trong năm 2026 và quý I/2027).", "2027-03-31"),
    ("Các phòng hoàn thành trong tháng 10 và quý IV năm 2026.", "2026-12-31"),
    ("Ban Quản lý triển khai trong quý III và quý IV/2026.", "2026-12-31"),
    ("Hoàn thành trong quý IV/2026 và năm 2027.", "2027-12-31"),
    ("Thực hiện trong tháng 11/2026 hoặc tháng 1/2027.", "2027-01-31"),
])
def test_joined_periods(phrase: str, due: str) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize("phrase", [
    "Chưa thực hiện điều chỉnh phí dịch vụ trong quý III và quý IV năm 2026.",
    "Tạm dừng tuyển dụng mới trong năm 2027 đối với các đơn vị sự nghiệp.",
])
def test_a_ban_over_a_period_is_no_deadline(phrase: str) -> None:
    assert due_of(phrase) is None


@pytest.mark.parametrize(("phrase", "due"), [
    # a year set before the work as its frame
    ("Năm 2027, các phòng chuyên môn cần tập trung hoàn thiện hồ sơ đề án.", "2027-12-31"),
    ("Đồng chí Chủ tịch yêu cầu, năm 2026, xã Tân Phú phải hoàn thành các chỉ tiêu được giao.", "2026-12-31"),
    # a year told as the past, or a year the work is about, frames nothing
    ("Năm 2026, toàn tỉnh đã cần đến nhiều nguồn lực.", None),
    ("Năm 2025, xã cần tập trung giải quyết dứt điểm.", None),  # before the document's year
    ("Xây dựng kế hoạch năm 2027, trong đó cần nêu rõ các chỉ tiêu.", None),
])
def test_a_year_that_frames_the_work(phrase: str, due: str | None) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize(("phrase", "due"), [
    # the rest of the year
    ("Các phòng rà soát các chỉ tiêu để hoàn thành trong hai tháng còn lại.", "2026-12-31"),
    ("Phấn đấu hoàn thành kế hoạch trong những tháng còn lại của năm 2027.", "2027-12-31"),
    ("Xây dựng kịch bản thu cho từng tháng còn lại của năm.", None),  # no cue: which months, not by when
])
def test_the_rest_of_the_year(phrase: str, due: str | None) -> None:
    assert due_of(phrase) == due


def test_a_deadline_label_that_ocr_lost_a_mark_of() -> None:
    assert due_of("Phòng Kê khai hoàn thiện phương án ngừng xuất hóa đơn (thời han 20/10/2026).") == "2026-10-20"


@pytest.mark.parametrize(("phrase", "due"), [
    # an aside about another party or an exception does not move the item's own deadline
    ("Các xã tổ chức đại hội trong tháng 11/2026 (riêng xã An Phú làm điểm, hoàn thành trước ngày 15/10/2026).",
     "2026-11-30"),
    ("Các chi bộ hoàn thành trong tháng 12/2026 (Chi bộ Khu phố 3 được chọn làm điểm, xong trước ngày 20/10/2026).",
     "2026-12-31"),
    ("Các phòng gửi báo cáo trước ngày 10/10/2026 (Phòng Tài chính tổng hợp trước ngày 20/10/2026).", "2026-10-10"),
    # an aside that is the item's own deadline still counts
    ("Rà soát danh mục hồ sơ (hoàn thành trước ngày 30/10/2026).", "2026-10-30"),
    ("Xây dựng cơ sở dữ liệu trong năm 2026 (báo cáo kết quả trước ngày 15/12/2026).", "2026-12-15"),
])
def test_an_aside_about_another_party(phrase: str, due: str) -> None:
    assert due_of(phrase) == due


def test_a_time_cell_of_phases_ends_with_the_last() -> None:
    assert due_of("Đề án. Cơ quan chủ trì: Sở Xây dựng. Thời gian hoàn thành: Năm 2026; Năm 2029.") == "2029-12-31"


@pytest.mark.parametrize(("phrase", "due"), [
    ("Chỉ đạo cơ quan thuế xem xét không tổ chức kiểm tra định kỳ trong năm 2026 đối với doanh nghiệp nhỏ.", None),
    ("Rà soát hồ sơ, không để tồn đọng, hoàn thành trong năm 2026.", "2026-12-31"),
    ("Giải quyết dứt điểm, không để chậm trễ trong quý IV/2026.", "2026-12-31"),
])
def test_a_ban_just_before_the_period(phrase: str, due: str | None) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize(("phrase", "due"), [
    # a span of days under a cue, and a window written with a dash: the last day
    ("Các tổ công tác hoàn thành trong các ngày 20-21/10/2026.", "2026-10-21"),
    ("Phòng Nội vụ hoàn thành trong ngày 12 và 13/11/2026.", "2026-11-13"),
    ("Các xã rà soát, cập nhật danh sách từ ngày 05/10 - 25/10/2026.", "2026-10-25"),
    # a reporting period written with a dash is no deadline
    ("Báo cáo theo số liệu tính từ ngày 01/01 - 30/9/2026.", None),
])
def test_spans_of_days(phrase: str, due: str | None) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize(("phrase", "due"), [
    # two days under one cue: the later one
    ("Các phòng báo cáo trước ngày 15/10 và ngày 30/10/2026.", "2026-10-30"),
    ("Gửi hồ sơ chậm nhất ngày 05/11/2026 hoặc ngày 12/11/2026.", "2026-11-12"),
    # a second day without "ngày" is not read as one
    ("Nộp báo cáo trước ngày 15/10, 20 đơn vị còn lại nộp sau.", "2026-10-15"),
])
def test_two_days_under_one_cue(phrase: str, due: str) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize(("phrase", "due"), [
    # preparing a dated meeting or visit: due on its (last) day
    ("Văn phòng chuẩn bị nội dung làm việc với Đoàn giám sát theo lịch 14 giờ ngày 05/10/2026 và khảo sát thực tế "
     "sáng ngày 06/10/2026.", "2026-10-06"),
    ("Sở Y tế chuẩn bị báo cáo phục vụ buổi làm việc ngày 12/10/2026.", "2026-10-12"),
    # a cited document's day, or a day already past, is not one
    ("Chuẩn bị nội dung theo Kế hoạch ban hành ngày 02/9/2026.", None),
    ("Chuẩn bị tổng kết hoạt động diễn ra ngày 02/9/2026.", None),
])
def test_preparing_a_dated_event(phrase: str, due: str | None) -> None:
    assert due_of(phrase) == due
