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


def test_a_board_named_by_its_full_title_is_one_lead() -> None:
    text = ("UBND tỉnh đề nghị các đồng chí thành viên Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm "
            "kiếm cứu nạn tỉnh, các cơ quan, đơn vị theo chức năng, nhiệm vụ tiếp tục thực hiện nghiêm chỉ đạo.")
    assert find_leads_ranked(text)[0] == [
        "các đồng chí thành viên Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh",
        "các cơ quan, đơn vị"]


def test_a_long_span_that_is_no_board_is_still_no_name() -> None:
    text = ("Đề nghị Sở Nông nghiệp và Môi trường tỉnh cùng với những người được giao nhiệm vụ tại các khu vực xung "
            "yếu ven biển và ven sông trên toàn địa bàn tỉnh tiếp tục thực hiện.")
    assert all(len(u) <= 90 for u in find_leads_ranked(text)[0])


@pytest.mark.parametrize(("text", "leads"), [
    ("Đoàn công tác đề nghị Ban tổ chức Hội thi chuẩn bị chu đáo các điều kiện.", ["Ban tổ chức Hội thi"]),
    ("Đề nghị Ban Chỉ đạo và Ban tổ chức Đại hội xây dựng kế hoạch bảo vệ.", ["Ban Chỉ đạo", "Ban tổ chức Đại hội"]),
    ("Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận.", ["Ban Dân vận Huyện ủy"]),
])
def test_an_organising_committee_is_named_whole(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


@pytest.mark.parametrize(("text", "leads"), [
    ("Kết luận cuộc họp, đồng chí Chủ tịch UBND huyện đề nghị HTX Tân Tiến cần xây dựng phương án sản xuất cụ thể.",
     ["HTX Tân Tiến"]),
    ("Hợp tác xã nông nghiệp Đông Hòa phối hợp tổ chức tiêu thụ sản phẩm cho nông dân.",
     ["Hợp tác xã nông nghiệp Đông Hòa"]),
    ("Chủ tịch UBND tỉnh yêu cầu chủ tịch các huyện, thị xã tăng cường đi kiểm tra cơ sở.",
     ["chủ tịch các huyện, thị xã"]),
])
def test_a_cooperative_and_the_chairs_of_all_districts_are_units(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads
