"""Leads, unit lists and supports on phrasing patterns of unseen notices (issue 8): example sentences of our own."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, find_leads_ranked, find_supports


@pytest.mark.parametrize(("text", "lead"), [
    # a run-in heading, then a new sentence that asks the project owner
    ("Về giải phóng mặt bằng Đề nghị Chủ đầu tư lập phương án bồi thường cho các hộ dân", ["Chủ đầu tư"]),
    # a reason, then the request
    ("Số liệu trong hồ sơ đã cũ, do vậy đề nghị Công ty Cổ phần Xi măng Hà Tiên cập nhật số liệu mới",
     ["Công ty Cổ phần Xi măng Hà Tiên"]),
    # a topic with a colon, then the request
    ("Về cấp nước: Đề nghị Chủ đầu tư nhà máy hoàn thiện hệ thống cấp nước", ["Chủ đầu tư nhà máy"]),
    # a condition, then the request (lower-case owner)
    ("Trường hợp dự án được chấp thuận, đề nghị chủ đầu tư nộp hồ sơ cấp phép xây dựng", ["chủ đầu tư"]),
    # a later request in the same paragraph, after a noun use of "đề nghị"
    ("Khu đất đề nghị giao có một phần đất rừng. Nếu được phê duyệt, đề nghị Công ty Điện lực Yên Bái:",
     ["Công ty Điện lực Yên Bái"]),
])
def test_request_in_a_condition_or_new_sentence_names_the_doer(text: str, lead: list[str]) -> None:
    assert find_leads_ranked(text) == (lead, 2)


def test_request_after_the_work_stays_the_object() -> None:
    # "tổng hợp …, đề nghị Bộ X …": the item's own work; the doer is above it
    assert find_leads("Tổng hợp vướng mắc của các địa phương, đề nghị Bộ Xây dựng hướng dẫn") == []


def test_note_inside_a_support_list_does_not_end_it() -> None:
    text = ("Phối hợp với Sở Y tế, Công ty TNHH Minh Long (đơn vị vận hành trạm xử lý), chính quyền địa phương "
            "lấy mẫu nước thải định kỳ")
    assert find_supports(text) == ["Sở Y tế", "Công ty TNHH Minh Long", "chính quyền địa phương"]
