"""Round 46b: a lead that only points at the unit just named — "cơ quan này", "các đơn vị này", "địa phương này" —
is that unit: the one the sentence turned to ("Với tỉnh A, …"), else the lead of the task before it."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


@pytest.mark.parametrize("unit, pointer", [
    ("Sở Công Thương", "cơ quan này"),
    ("UBND các huyện, thị xã, thành phố", "các đơn vị này"),
    ("Công an tỉnh", "đơn vị này"),
])
def test_the_unit_just_named(unit: str, pointer: str) -> None:
    text = ("Bảo đảm nguồn cung xăng dầu\n\nUBND tỉnh vừa có văn bản chỉ đạo các đơn vị bảo đảm nguồn cung xăng "
            "dầu.\n\n"
            f"{unit} có trách nhiệm hướng dẫn hồ sơ, thủ tục cho các thương nhân trên địa bàn. Bên cạnh đó, "
            f"{pointer} phải thường xuyên nắm bắt tình hình nguồn cung, báo cáo UBND tỉnh hằng tuần.")
    tasks = parse_notice(text).tasks
    got = [(t.text, list(t.lead)) for t in tasks]
    assert [lead for text, lead in got if "nắm bắt tình hình" in text] == [[unit]], got
    assert not any("này" in lead for _, leads in got for lead in leads), got


def test_the_place_the_sentence_turned_to() -> None:
    text = ("Thủ tướng yêu cầu tỉnh Bắc Giang kiểm tra thông tin về việc học sinh phải tự chèo thuyền đến trường.\n\n"
            "Với tỉnh Đăk Nông, Thủ tướng yêu cầu địa phương này kiểm tra thông tin về việc nợ lương công nhân.")
    tasks = parse_notice(text).tasks
    got = [(t.text, list(t.lead)) for t in tasks]
    assert [lead for text, lead in got if "nợ lương" in text] == [["tỉnh Đăk Nông"]], got


def test_the_unit_named_before_it_in_the_same_task() -> None:
    text = ("Đồng thời, UBND các huyện, thị xã, thành phố phải có trách nhiệm tăng cường giám sát việc sử dụng điện "
            "tại địa phương. Ngoài ra, các đơn vị này cần phối hợp với điện lực địa phương tăng cường tuyên truyền.")
    tasks = parse_notice(text).tasks
    assert all(list(t.lead) == ["UBND các huyện, thị xã, thành phố"] for t in tasks) and tasks, \
        [(t.text, t.lead) for t in tasks]


def test_a_pointer_with_nothing_before_it_stays_as_written() -> None:
    tasks = parse_notice("Đề nghị các đơn vị này báo cáo kết quả trước ngày 20/5/2026.").tasks
    assert all(list(t.lead) in ([], ["các đơn vị này"]) for t in tasks), [(t.text, t.lead) for t in tasks]
