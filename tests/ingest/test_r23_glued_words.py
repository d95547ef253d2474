"""Round 23 (issue 8 §4, words glued onto a unit's name): "chú ý" after a doer is its work, not its name ("Các đơn
vị chú ý đảm bảo an toàn …" → "Các đơn vị"), and "đến nay", "chưa" start what is said of the units ("…, các Tập
đoàn kinh tế, Tổng công ty nhà nước đến nay chưa có báo cáo …" → "các Tập đoàn kinh tế, Tổng công ty nhà nước");
"người chưa thành niên" stays one group."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, name_prefix


@pytest.mark.parametrize("doer", ["Các đơn vị", "Các trường mầm non", "UBND các xã", "Hiệu trưởng các trường"])
def test_a_verb_of_care_is_no_part_of_the_name(doer: str) -> None:
    text = f"{doer} chú ý bảo đảm an toàn tuyệt đối cho học sinh trong thời gian tổ chức hội thi."
    assert name_prefix(text) == doer
    assert find_leads(text) == [doer]


@pytest.mark.parametrize("tail", ["đến nay chưa có báo cáo", "chưa gửi báo cáo", "đến nay chưa gửi báo cáo"])
def test_what_is_said_of_the_units_is_no_part_of_their_names(tail: str) -> None:
    text = (f"Các Bộ, cơ quan ngang Bộ, các Tập đoàn kinh tế, Tổng công ty nhà nước {tail} khẩn trương gửi báo cáo về "
            "Bộ Kế hoạch và Đầu tư trước ngày 15/11/2017.")
    # (the capitalised kinds without names of their own are one group as written: docs/PARSER.md "group leads")
    assert find_leads(text)[-1] == "các Tập đoàn kinh tế, Tổng công ty nhà nước"


def test_a_group_named_by_an_age_stays_whole() -> None:
    assert name_prefix("Người chưa thành niên tham gia giao thông phải đội mũ bảo hiểm.") == "Người chưa thành niên"
