"""Who must act, in the ways Vietnamese notices name the doer: lists of units with a title or a regular name
at the end, asks with a period before whom they ask, quoted directions, headings that list several units."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, heading_units


@pytest.mark.parametrize(("text", "leads"), [
    # an office holder written in lower case after a comma opens one more unit
    ("Đề nghị Chủ tịch UBND các xã, thị trấn, thủ trưởng các cơ quan liên quan khẩn trương rà soát.",
     ["Chủ tịch UBND các xã, thị trấn", "thủ trưởng các cơ quan liên quan"]),
    ("Đề nghị Giám đốc các sở, thủ trưởng các ban, ngành tỉnh báo cáo kết quả.",
     ["Giám đốc các sở", "thủ trưởng các ban, ngành tỉnh"]),
])
def test_lower_case_title_after_a_comma_opens_a_unit(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # a regular name at the end of a list ends where its verb starts, even a verb no list holds
    ("Giao Sở Nội vụ, Sở Tư pháp soạn quy chế phối hợp.", ["Sở Nội vụ", "Sở Tư pháp"]),
    ("Đề nghị Bộ Y tế và Bộ Tài chính cân nhắc điều chỉnh mức chi.", ["Bộ Y tế", "Bộ Tài chính"]),
    ("Sở Xây dựng, Công an tỉnh điều tra nguyên nhân sự cố.", ["Sở Xây dựng", "Công an tỉnh"]),
])
def test_regular_name_ends_the_last_member_of_a_list(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    ("Chủ tịch UBND huyện yêu cầu trong tháng 10/2025, các phòng, ban chuyên môn rà soát hồ sơ.",
     ["các phòng, ban chuyên môn"]),
    ("Đồng chí Bí thư yêu cầu, năm 2026, UBND xã tập trung hoàn thành chỉ tiêu.", ["UBND xã"]),
    ("UBND tỉnh đề nghị từ quý III, các doanh nghiệp kê khai đầy đủ.", ["các doanh nghiệp"]),
])
def test_period_between_the_ask_and_whom_it_asks(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_requester_written_as_dong_chi_with_capital() -> None:
    assert find_leads("Đồng chí yêu cầu Phòng Kinh tế theo dõi sát tiến độ.") == ["Phòng Kinh tế"]


@pytest.mark.parametrize(("text", "leads"), [
    ("UBND huyện giao trách nhiệm Phòng Tài chính - Kế hoạch phối hợp các xã rà soát nguồn vốn.",
     ["Phòng Tài chính - Kế hoạch"]),
    ("Tỉnh ủy giao nhiệm vụ Ban Tuyên giáo Tỉnh ủy hướng dẫn các chi bộ.", ["Ban Tuyên giáo Tỉnh ủy"]),
])
def test_giao_trach_nhiem_without_cho(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_quoted_direction_opens_with_its_doer() -> None:
    text = "“Sở Y tế phối hợp với UBND các huyện tập trung giám sát dịch bệnh”. Đó là chỉ đạo của UBND tỉnh."
    assert find_leads(text) == ["Sở Y tế"]


def test_party_committees_and_organisations_without_cac() -> None:
    text = ("Ban Thường vụ Huyện ủy yêu cầu cấp ủy, tổ chức đảng, chính quyền các cấp, các tổ chức chính trị - xã "
            "hội huyện, lực lượng vũ trang khẩn trương triển khai.")
    assert find_leads(text) == ["cấp ủy, tổ chức đảng, chính quyền các cấp", "các tổ chức chính trị - xã hội huyện",
                                "lực lượng vũ trang"]


def test_semicolon_list_whose_first_part_lists_units_itself() -> None:
    text = ("Chủ tịch UBND huyện yêu cầu Ban Chỉ huy Phòng thủ dân sự huyện kiêm Ban Chỉ huy Phòng chống thiên tai "
            "huyện, Thủ trưởng các phòng, ban, đơn vị trên địa bàn huyện; Chủ tịch UBND các xã thực hiện nghiêm.")
    assert find_leads(text) == ["Ban Chỉ huy Phòng thủ dân sự huyện kiêm Ban Chỉ huy Phòng chống thiên tai huyện",
                                "Thủ trưởng các phòng, ban, đơn vị trên địa bàn huyện", "Chủ tịch UBND các xã"]


def test_heading_that_lists_several_units_past_one_name_length() -> None:
    head = "Sở Tài chính, Sở Kế hoạch và Đầu tư, Sở Xây dựng, Sở Nông nghiệp và Môi trường, UBND các huyện, thị xã"
    assert heading_units(head) == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng",
                                   "Sở Nông nghiệp và Môi trường", "UBND các huyện, thị xã"]
    # a long sentence is still no heading
    assert heading_units("Tăng cường công tác quản lý nhà nước về đất đai, tài nguyên, khoáng sản và bảo vệ môi "
                         "trường trên địa bàn toàn tỉnh") == []


def test_items_inherit_a_long_heading_that_lists_units() -> None:
    raw = ("KẾ HOẠCH\nThực hiện chương trình chuyển đổi số năm 2026\n"
           "1. Sở Khoa học và Công nghệ\n- Chủ trì hướng dẫn các đơn vị triển khai nền tảng số.\n"
           "2. Sở Tài chính, Sở Nội vụ, Sở Xây dựng, Sở Nông nghiệp và Môi trường, UBND các xã, phường, thị trấn\n"
           "- Bố trí nguồn lực và chủ động triển khai các nhiệm vụ của Kế hoạch.\n"
           "- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.\n")
    tasks = {t.text[:20]: t for t in parse_notice(raw).tasks}
    item = tasks["Định kỳ hằng quý báo"]
    assert list(item.lead) == ["Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
                               "UBND các xã, phường, thị trấn"]
    assert item.lead_source == "heading"


def test_small_and_medium_is_part_of_a_name() -> None:
    text = ("Đề nghị Hiệp hội Du lịch tỉnh, Hội Doanh nghiệp nhỏ và vừa tỉnh, các hội nghề nghiệp có biện pháp hỗ "
            "trợ hội viên.")
    assert find_leads(text) == ["Hiệp hội Du lịch tỉnh", "Hội Doanh nghiệp nhỏ và vừa tỉnh", "các hội nghề nghiệp"]


@pytest.mark.parametrize(("text", "leads"), [
    # localities after the kinds of departments are a group of their own
    ("Yêu cầu các phòng, ban, đơn vị, xã, thị trấn chuẩn bị chu đáo các điều kiện.",
     ["các phòng, ban, đơn vị", "xã, thị trấn"]),
    # levels of one body stay one group
    ("Yêu cầu UBND các huyện, thị xã, thành phố chuẩn bị chu đáo các điều kiện.",
     ["UBND các huyện, thị xã, thành phố"]),
])
def test_localities_after_department_kinds(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_named_locality_asked_to_act() -> None:
    assert find_leads("Đồng chí Bí thư yêu cầu, trong năm 2026, xã Tân Lập cần tập trung phát triển du lịch.") == \
        ["xã Tân Lập"]


@pytest.mark.parametrize(("text", "leads"), [
    # a unit named down to its level ends there: what follows in lower case is its work, whatever the verb
    ("Ban Dân tộc tỉnh phân bổ vốn cho các xã.", ["Ban Dân tộc tỉnh"]),
    ("Liên đoàn Lao động huyện thăm hỏi công nhân.", ["Liên đoàn Lao động huyện"]),
    ("Ban Tuyên giáo Tỉnh ủy định hướng thông tin.", ["Ban Tuyên giáo Tỉnh ủy"]),
    ("Trung tâm Y tế huyện Bát Xát truy vết các ca bệnh.", ["Trung tâm Y tế huyện Bát Xát"]),
    # "xã hội" is no level
    ("Ngân hàng Chính sách xã hội tỉnh giải ngân vốn vay.", ["Ngân hàng Chính sách xã hội tỉnh"]),
])
def test_unit_named_down_to_its_level(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_body_that_agrees_and_assigns_is_not_the_doer() -> None:
    text = "Ban Thường vụ Huyện ủy đồng ý chủ trương và giao Ban Tổ chức Huyện ủy hoàn thiện đề án."
    assert find_leads(text) == ["Ban Tổ chức Huyện ủy"]


def test_a_headline_in_title_case_names_no_doer() -> None:
    assert find_leads("Ban Thường vụ Huyện ủy Chỉ đạo Đại hội các Chi bộ trực thuộc") == []


def test_levels_of_a_group_keep_their_description() -> None:
    assert find_leads("Yêu cầu Ủy ban nhân dân các huyện miền núi khẩn trương sơ tán người dân.") == \
        ["Ủy ban nhân dân các huyện miền núi"]


def test_phan_cong_names_the_doer() -> None:
    assert find_leads("Phân công Phó Chủ tịch UBND tỉnh Trần Văn B sớm tổ chức cuộc họp với các sở.") == \
        ["Phó Chủ tịch UBND tỉnh Trần Văn B"]


def test_subject_after_a_purpose_clause() -> None:
    text = "Để tăng cường phối hợp giữa các sở, ngành, trong năm 2026, các huyện cần tập trung các nhiệm vụ sau đây:"
    assert find_leads(text) == ["các huyện"]


def test_lead_in_whose_subject_does_the_work_below() -> None:
    raw = ("UBND TỈNH\nSố: 12/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n"
           "Trong thời gian tới, UBND các huyện, thị xã tập trung thực hiện tốt các nhiệm vụ sau:\n"
           "a) Rà soát quỹ đất tái định cư trên địa bàn.\n"
           "b) Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm.\n")
    tasks = parse_notice(raw).tasks
    assert [list(t.lead) for t in tasks] == [["UBND các huyện, thị xã"]] * 2
    assert {t.lead_source for t in tasks} == {"heading"}
    # the issuer describing its own paper ("… xây dựng Kế hoạch …, cụ thể như sau:") hands out nothing
    plain = raw.replace("Trong thời gian tới, UBND các huyện, thị xã tập trung thực hiện tốt các nhiệm vụ sau:",
                        "UBND tỉnh xây dựng Kế hoạch thực hiện Đề án, cụ thể như sau:")
    assert all(not t.lead or t.lead_source != "heading" for t in parse_notice(plain).tasks)


@pytest.mark.parametrize(("text", "leads"), [
    # the body of a heading glued onto a regular name, its verb written with a capital
    ("Sở Xây dựng Kiểm tra chất lượng công trình.", ["Sở Xây dựng"]),
    ("UBND huyện Mường Khương Tổ chức thực hiện kế hoạch.", ["UBND huyện Mường Khương"]),
    ("Công an tỉnh Đảm bảo an ninh trật tự.", ["Công an tỉnh"]),
    # a place's name stays, even one whose first word is a verb on its own
    ("Sở Y tế Cần Thơ chủ trì tổ chức hội nghị.", ["Sở Y tế Cần Thơ"]),
])
def test_capitalised_body_glued_after_a_regular_name(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # "các phòng A, B, C": the kind shared by the names listed after it
    ("Giao các phòng Kinh tế, Tài chính - Kế hoạch, Nội vụ rà soát hồ sơ.",
     ["phòng Kinh tế", "phòng Tài chính - Kế hoạch", "phòng Nội vụ"]),
    ("Giao các bộ phận Văn hóa Thông tin, Kinh tế, Tổ Quản lý trật tự đô thị lập danh sách.",
     ["bộ phận Văn hóa Thông tin", "bộ phận Kinh tế", "Tổ Quản lý trật tự đô thị"]),
    # a group without names stays whole
    ("Giao các phòng, ban chuyên môn rà soát hồ sơ.", ["các phòng, ban chuyên môn"]),
])
def test_kind_shared_by_the_names_after_it(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_titles_after_a_named_person_are_that_person() -> None:
    text = "Phân công đồng chí Lê Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh làm Trưởng ban Chỉ đạo."
    assert find_leads(text) == ["đồng chí Lê Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"]
    # a title after a unit (not a person) is another doer
    assert find_leads("Giao Sở Y tế, Chủ tịch UBND các xã kiểm tra.") == ["Sở Y tế", "Chủ tịch UBND các xã"]


@pytest.mark.parametrize(("text", "leads"), [
    # the people asked by a public notice, and a second ask of the same work joined by "và"
    ("Đề nghị Nhân dân chủ động phòng tránh bão.", ["Nhân dân"]),
    ("UBND huyện đề nghị Nhân dân và yêu cầu các cơ quan, đơn vị trên địa bàn thực hiện nghiêm việc đeo khẩu trang.",
     ["Nhân dân", "các cơ quan, đơn vị trên địa bàn"]),
    ("Đề nghị Sở Y tế và yêu cầu các doanh nghiệp tăng cường kiểm tra.", ["Sở Y tế", "các doanh nghiệp"]),
])
def test_two_asks_of_one_work(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
