"""A news copy of a meeting: its headline, its account of the meeting, and the asks in it (round 4, tasks)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline
from bot.ingest.parser import _informs

NEWS = """UBND XÃ AN LẠC GIAO BAN CÔNG TÁC THÁNG 5 NĂM 2026

Chiều 3/6/2026, tại hội trường xã, UBND xã An Lạc tổ chức hội nghị giao ban đánh giá kết quả công tác tháng 5.

Các đồng chí lãnh đạo UBND xã chủ trì hội nghị. Trong phần thảo luận, các đại biểu tập trung đánh giá kết quả tại cơ sở.

Phát biểu tại hội nghị, đồng chí Trần Văn Bình, Chủ tịch UBND xã đề nghị các cơ quan, đơn vị và các thôn \
tập trung thực hiện nghiêm túc công tác rà soát hộ nghèo
"""


def test_the_ask_after_a_news_headline_is_a_task_not_a_closing_call() -> None:
    tasks = parse_notice(NEWS).tasks
    assert any("rà soát hộ nghèo" in t.text for t in tasks)


def test_a_briefing_meeting_headline_does_not_make_every_paragraph_work() -> None:
    tasks = parse_notice(NEWS).tasks
    assert not any("tổ chức hội nghị giao ban" in t.text for t in tasks)
    assert not any("chủ trì hội nghị" in t.text for t in tasks)
    assert len(tasks) == 1


@pytest.mark.parametrize("text", [
    "Chiều 12/5/2026, tại hội trường, Huyện ủy tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.",
    "Phát biểu chỉ đạo hội nghị, đồng chí Lê Văn Nam biểu dương những kết quả Đảng bộ xã đạt được trong năm qua.",
    "Đồng chí Lê Văn Nam trao giấy khen cho các tập thể có thành tích xuất sắc",
])
def test_an_account_of_the_meeting_informs(text: str) -> None:
    assert _informs(text)


@pytest.mark.parametrize("text", [
    "Tổ chức hội nghị phổ biến nghị định đến các địa phương.",
    "Phát biểu kết luận, đồng chí Lê Văn Nam yêu cầu các phòng rà soát hồ sơ đất đai.",
    "Huyện ủy vừa tổ chức hội nghị triển khai kế hoạch; các chi bộ sẽ tiến hành đại hội trước ngày 31/12/2026.",
])
def test_work_or_an_ask_in_the_account_is_not_only_information(text: str) -> None:
    assert not _informs(text)


ISSUED = dt.date(2026, 5, 10)


@pytest.mark.parametrize(("text", "due"), [
    ("các phòng tập trung triển khai thực hiện các nhiệm vụ trọng tâm trong tháng 6 và quý III năm 2026",
     dt.date(2026, 9, 30)),
    ("Về nhiệm vụ trọng tâm trong năm 2026, Mặt trận xã cần tiếp tục củng cố khối đại đoàn kết", dt.date(2026, 12, 31)),
    ("đề nghị tháng 12/2026 các ban HĐND tập trung thực hiện tốt một số nội dung sau:", dt.date(2026, 12, 31)),
    ("Tháng 8/2026, các phòng cần rà soát toàn bộ hồ sơ", dt.date(2026, 8, 31)),
])
def test_the_period_of_the_asked_work_is_its_deadline(text: str, due: dt.date) -> None:
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == due


@pytest.mark.parametrize("text", [
    "xác định đây là nhiệm vụ hàng đầu trong năm 2026",
    "ghi nhận những kết quả đạt được trong năm 2026 của Mặt trận xã",
    "Tháng 4/2026, UBND huyện đã tập trung chỉ đạo khắc phục hậu quả mưa lũ",
])
def test_a_view_or_what_was_done_in_a_period_is_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=ISSUED) is None


def test_the_doers_own_event_is_due_when_it_is_held() -> None:
    found = pick_deadline("Bộ Giáo dục và Đào tạo hoàn thiện báo cáo; tổ chức Hội nghị sơ kết với các tỉnh "
                          "vào tháng 11 năm 2026.", issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2026, 11, 30)


@pytest.mark.parametrize("text", [
    "đề nghị lãnh đạo các sở dự Hội nghị vào ngày 12/6/2026",
    "Hội nghị tổng kết dự kiến tổ chức vào tháng 11 năm 2026",
])
def test_attending_or_a_planned_meeting_is_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=ISSUED) is None
