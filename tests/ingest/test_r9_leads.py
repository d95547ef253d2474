"""Who must act (round 9): how news copies and letters name the doer when a leader speaks — the leader who
directs is no doer, whom he directs is; office holders named with their person's name. Examples written in each
pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, find_leads_ranked, split_units


@pytest.mark.parametrize(("text", "leads"), [
    # the speaker does something else first, then directs: the directed units act
    ("Đ/c Chủ tịch UBND huyện thăm hỏi bà con bị thiệt hại, đồng thời chỉ đạo các xã, thị trấn cần tập trung "
     "khắc phục hậu quả.", ["các xã, thị trấn"]),
    # a time phrase between "chỉ đạo" and whom it directs
    ("Theo đó, Phó Chủ tịch UBND tỉnh Trần Văn Bình chỉ đạo, trong tháng 10/2026, các địa phương phải hoàn thành "
     "việc lập danh sách hộ.", ["các địa phương"]),
    # "chỉ đạo cho X": X acts (an office holder written "Trưởng Phòng …")
    ("Đồng chí Chủ tịch UBND huyện chỉ đạo cho Trưởng Phòng Tài nguyên và Môi trường huyện kiểm tra các bãi rác.",
     ["Trưởng Phòng Tài nguyên và Môi trường huyện"]),
])
def test_a_speaker_who_directs_is_no_doer(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text) == (leads, 2)


def test_an_office_with_its_holders_name_after_it_is_a_speaker() -> None:
    # "Phó Bí thư Tỉnh ủy Lê Văn A yêu cầu, …, Hội X cần …": the title names a person speaking, not the doer
    text = ("Phó Bí thư Thường trực Tỉnh ủy Đỗ Văn Hùng phát biểu tại hội nghị. Phát biểu tại hội nghị, Phó Bí thư "
            "Thường trực Tỉnh ủy Đỗ Văn Hùng yêu cầu, trong thời gian tới, Hội Nông dân cần tập trung vận động "
            "hội viên.")
    assert find_leads(text) == ["Hội Nông dân"]


def test_an_office_holder_charged_with_directing_still_leads() -> None:
    # no person named, or the person charged: the office directs the work and answers for it
    assert find_leads("Giám đốc Sở Y tế chỉ đạo các bệnh viện tăng cường trực cấp cứu.") == ["Giám đốc Sở Y tế"]
    assert find_leads("Giao đồng chí Phó Chủ tịch UBND huyện chỉ đạo các xã rà soát hộ nghèo.") == \
        ["đồng chí Phó Chủ tịch UBND huyện"]


def test_the_steering_board_is_not_the_verb_chi_dao() -> None:
    text = "Đồng chí Nguyễn Văn An kiểm tra Ban chỉ đạo xã, yêu cầu các thôn rà soát hộ nghèo."
    assert find_leads(text) == ["các thôn"]


@pytest.mark.parametrize(("text", "leads"), [
    # "các Sở: A, B, <a unit of its own>": the fields take the kind, the list goes on with whole names
    ("Theo đó, UBND tỉnh yêu cầu các Sở: Y tế, Giáo dục và Đào tạo, Công an tỉnh, UBND các huyện, thị xã tăng cường "
     "kiểm tra.", ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "UBND các huyện, thị xã"]),
    ("Đề nghị các Bộ: Tài chính, Tư pháp, Ngân hàng Nhà nước Việt Nam nghiên cứu sửa đổi.",
     ["Bộ Tài chính", "Bộ Tư pháp", "Ngân hàng Nhà nước Việt Nam"]),
    # "tùy vào/tùy theo chức năng" ends the list: how each acts, not a name
    ("Yêu cầu các Sở: Nội vụ, Tài chính, UBND các huyện tùy theo chức năng, nhiệm vụ triển khai thực hiện.",
     ["Sở Nội vụ", "Sở Tài chính", "UBND các huyện"]),
])
def test_a_kind_with_a_colon_then_fields_and_other_units(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


NOTICE_WITH_TIMED_HEADINGS = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 45/KH-UBND
An Giang, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Lập kế hoạch đầu tư công năm 2027
I. NHIỆM VỤ
1. Trước ngày 15 tháng 5 hằng năm, Sở Tài chính:
a) Hướng dẫn các đơn vị lập kế hoạch đầu tư công năm sau;
b) Tổng hợp nhu cầu vốn của các đơn vị.
2. Định kỳ hằng quý, UBND các huyện:
a) Báo cáo tình hình giải ngân vốn đầu tư công;
b) Rà soát các dự án chậm tiến độ.
"""


def test_a_heading_that_opens_with_its_time_names_the_unit_of_the_items_below() -> None:
    notice = parse_notice(NOTICE_WITH_TIMED_HEADINGS)
    leads = {t.ref: (list(t.lead), t.lead_source) for t in notice.tasks}
    assert leads["I.1.a"] == (["Sở Tài chính"], "heading")
    assert leads["I.1.b"] == (["Sở Tài chính"], "heading")
    assert leads["I.2.a"] == (["UBND các huyện"], "heading")
    assert leads["I.2.b"] == (["UBND các huyện"], "heading")


@pytest.mark.parametrize(("text", "leads"), [
    # a commune's notice asks the folk and the families themselves
    ("UBND xã cũng đề nghị bà con nhân dân nếu phát hiện sai sót kịp thời báo cáo Trưởng thôn.", ["bà con nhân dân"]),
    ("Các hộ kinh doanh ở chợ và bà con nhân dân chủ động kê kích hàng hóa lên cao.",
     ["Các hộ kinh doanh ở chợ", "bà con nhân dân"]),
    ("Đối với các gia đình có trẻ nhỏ cần quản lý chặt chẽ con em mình.", ["các gia đình có trẻ nhỏ"]),
])
def test_the_folk_and_families_a_public_notice_asks_act(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_the_folk_as_the_object_of_the_work_lead_nothing() -> None:
    assert find_leads("Tăng cường tuyên truyền để bà con hiểu rõ tác hại của dịch bệnh.") == []
    assert find_leads("UBND xã yêu cầu các thôn tuyên truyền cho bà con nhân dân.") == ["các thôn"]


@pytest.mark.parametrize(("names", "units"), [
    # "ban ngành", "phòng ban" are two kinds written without their comma: the kinds after them are the same group's
    ("Giám đốc các sở, Thủ trưởng các ban ngành, đơn vị cấp tỉnh",
     ["Giám đốc các sở", "Thủ trưởng các ban ngành, đơn vị cấp tỉnh"]),
    ("Thủ trưởng các phòng ban, đơn vị trực thuộc", ["Thủ trưởng các phòng ban, đơn vị trực thuộc"]),
    ("các Sở, Ban ngành, UBND các huyện", ["các Sở, Ban ngành", "UBND các huyện"]),
    # a named unit before a lower-case group still makes two
    ("Sở Y tế, cơ quan, đơn vị liên quan", ["Sở Y tế", "cơ quan, đơn vị liên quan"]),
])
def test_kinds_written_without_their_comma_stay_one_group(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize(("text", "leads"), [
    # a body whose name opens with no usual kind word, given work with its role: it leads
    ("Phó Chủ tịch UBND tỉnh giao Thống kê tỉnh chủ trì, phối hợp các sở, ngành xây dựng phương án điều tra. "
     "Bên cạnh đó, giao UBND các xã tổ chức rà soát.", ["Thống kê tỉnh"]),
    ("Giao Kiểm lâm huyện chủ trì tuần tra, bảo vệ rừng.", ["Kiểm lâm huyện"]),
    ("Giao cho Thống kê huyện có trách nhiệm tổng hợp số liệu.", ["Thống kê huyện"]),
])
def test_a_body_given_work_with_its_role_leads(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_work_given_without_a_named_body_names_no_lead() -> None:
    assert find_leads("Giao nhiệm vụ chủ trì cho từng thành viên theo địa bàn.") == []
