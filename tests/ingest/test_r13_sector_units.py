"""Round 13: doers written as a sector or as a commune's administration — "đề nghị ngành y tế theo dõi …",
"đề nghị chính quyền hai xã thời gian tới rà soát …", "yêu cầu chính quyền các xã …" — are leads as written; "thời
gian tới" after a unit is not part of its name."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("text", "lead"), [
    ("Phát biểu tại buổi lễ, Phó Chủ tịch UBND phường đề nghị ngành y tế theo dõi, giám sát chặt chẽ dịch bệnh.",
     "ngành y tế"),
    ("Ban Chỉ đạo huyện yêu cầu ngành giáo dục phối hợp tổ chức dạy bơi cho học sinh trong hè.", "ngành giáo dục"),
    ("Ngành chức năng tăng cường tuần tra, kiểm soát các tuyến đường trọng điểm.", "Ngành chức năng"),
    ("Đoàn kiểm tra đề nghị chính quyền hai xã thời gian tới tiếp tục rà soát các cơ sở kinh doanh.",
     "chính quyền hai xã"),
    ("UBND huyện yêu cầu chính quyền các xã tăng cường kiểm tra việc khai thác cát.", "chính quyền các xã"),
    ("Sở Công Thương thời gian tới tiếp tục kiểm tra thị trường.", "Sở Công Thương"),
])
def test_a_sector_or_a_communes_administration_leads(text: str, lead: str) -> None:
    assert find_leads_ranked(text)[0] == [lead]


def test_a_sector_told_about_is_no_lead() -> None:
    assert find_leads_ranked("Tình hình của ngành y tế trong năm qua có nhiều chuyển biến.")[0] == []


@pytest.mark.parametrize(("text", "leads"), [
    ("UBND xã đề nghị các cơ quan, đơn vị và Ban nhân dân các thôn đồng loạt ra quân dọn vệ sinh môi trường.",
     ["các cơ quan, đơn vị", "Ban nhân dân các thôn"]),
    ("Đoàn Thanh niên xã ra quân thu gom rác thải dọc các tuyến kênh.", ["Đoàn Thanh niên xã"]),
])
def test_a_campaign_verb_ends_the_unit_name(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads
