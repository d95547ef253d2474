"""Group leads (issue 8): a group named by a list of its kinds stays one lead as written, and the noise a scan
reads after "Kính gửi" names nobody (general phrasings)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import names_addressee, split_units


@pytest.mark.parametrize(("names", "units"), [
    # a list of kinds after "các" that ends on "và" and one more bare kind: one group as written
    ("các cơ quan, đơn vị và doanh nghiệp", ["các cơ quan, đơn vị và doanh nghiệp"]),
    ("các phòng, ban, đơn vị và tổ chức", ["các phòng, ban, đơn vị và tổ chức"]),
    ("Các sở, ban, ngành, Ủy ban nhân dân các xã, phường, các cơ quan, đơn vị và doanh nghiệp",
     ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường", "các cơ quan, đơn vị và doanh nghiệp"]),
    # a title before the list is shared by every kind of it, the localities too
    ("Thủ trưởng các cơ quan, đơn vị và địa phương", ["Thủ trưởng các cơ quan, đơn vị và địa phương"]),
    # … without a title the localities after a province's departments are doers of their own
    ("các sở, ban, ngành và địa phương", ["các sở, ban, ngành", "địa phương"]),
    # no list before "và", a named unit before it, a qualified group or another "các …" after it: separate units
    ("các Hiệp hội và doanh nghiệp", ["các Hiệp hội", "doanh nghiệp"]),
    ("Sở Y tế và các đơn vị liên quan", ["Sở Y tế", "các đơn vị liên quan"]),
    ("các cơ quan, đơn vị thuộc xã và cơ quan, đơn vị đứng chân trên địa bàn xã",
     ["các cơ quan, đơn vị thuộc xã", "cơ quan, đơn vị đứng chân trên địa bàn xã"]),
    ("các sở, ngành và UBND các huyện", ["các sở, ngành", "UBND các huyện"]),
    # kinds written with a capital but without a name of their own: one group; a kind with a name is a unit
    ("Các Tập đoàn, Tổng công ty, Công ty có đầu tư xây dựng công trình",
     ["Các Tập đoàn, Tổng công ty, Công ty có đầu tư xây dựng công trình"]),
    ("các Tập đoàn kinh tế, Tổng công ty nhà nước", ["các Tập đoàn kinh tế, Tổng công ty nhà nước"]),
    ("các Đảng bộ, Chi bộ trực thuộc Huyện ủy", ["các Đảng bộ, Chi bộ trực thuộc Huyện ủy"]),
    ("các Tập đoàn, Công ty Điện lực Lào Cai", ["các Tập đoàn", "Công ty Điện lực Lào Cai"]),
    # groups of kinds stay whole; "chính quyền" after the Party bodies is a doer of its own
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ("các cấp ủy, tổ chức đảng, chính quyền", ["các cấp ủy, tổ chức đảng", "chính quyền"]),
])
def test_group_of_kinds_with_a_last_kind_after_and(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_group_with_a_last_kind_after_and_leads_the_task() -> None:
    notice = parse_notice(
        "ỦY BAN NHÂN DÂN TỈNH A\nSố: 12/UBND-TH\nA, ngày 3 tháng 4 năm 2026\nCÔNG VĂN\n"
        "Để triển khai Nghị định, Ủy ban nhân dân tỉnh yêu cầu:\n"
        "1. Các sở, ban, ngành, các cơ quan, đơn vị và doanh nghiệp khẩn trương rà soát các tài sản được giao.\n"
    )
    assert [t.lead for t in notice.tasks] == [("Các sở, ban, ngành", "các cơ quan, đơn vị và doanh nghiệp")]


@pytest.mark.parametrize("line", [
    "Sở Tài chính", "SỞ Y TẾ", "Các Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương", "Quý cơ quan",
    "Ông Nguyễn Văn A", "Đ/c Chủ tịch UBND tỉnh", "Hiệu trưởng các trường", "Uy ban nhân dân các tỉnh",
    "Công ty TNHH Hiệp Phú", "Trung tâm Y tế huyện", "BộGiáo dục và Đào tạo", "chính quyền", "doanh nghiệp",
])
def test_an_addressee_line_that_names_a_unit_or_a_person(line: str) -> None:
    assert names_addressee(line)


@pytest.mark.parametrize("line", ["DA ä", "ee ,", "…………………………..……………………", "ă xx"])
def test_a_scans_noise_after_kinh_gui_names_nobody(line: str) -> None:
    assert not names_addressee(line)


def test_scan_noise_after_kinh_gui_leaves_the_dash_list_as_the_addressees() -> None:
    from bot.ingest import parse_notice

    text = ("ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 15/UBND-KT\nBình An, ngày 02 tháng 3 năm 2026\n"
            "V/v triển khai kế hoạch\nKính gửi: DA ä\n- Sở Tài chính;\n- Sở Xây dựng.\n\n"
            "Đề nghị các đơn vị khẩn trương triển khai kế hoạch, báo cáo trước ngày 20/3/2026.\n")
    assert list(parse_notice(text).addressees) == ["Sở Tài chính", "Sở Xây dựng"]
