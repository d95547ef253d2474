"""Who must act, round 6: a person the narration names (who inspects, speaks or reminds) is not the doer when the
text says whom that person asked; a speaker's "lưu ý X" asks X; "Giao Giám đốc: Sở A, Sở B" gives the units after
the colon; "chính quyền UBND các xã" is the UBND; "những trường hợp …" are cases, not a unit."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, find_supports, split_units


@pytest.mark.parametrize(("text", "leads"), [
    # the official opens the report with what they did; the unit they asked does the work
    ("Đồng chí Phó Chủ tịch UBND huyện đi thăm các điểm trường. Kết thúc buổi làm việc, đồng chí Phó Chủ tịch "
     "UBND huyện yêu cầu Phòng Giáo dục huyện phối hợp với UBND các xã sửa chữa phòng học.",
     ["Phòng Giáo dục huyện"]),
    ("Đ/c Phó Chủ tịch UBND tỉnh kiểm tra công trình đê và yêu cầu Sở Xây dựng khắc phục ngay sự cố.",
     ["Sở Xây dựng"]),
    # a title with the person's name, then a reminder: whom the reminder names acts
    ("Phó Giám đốc Sở Y tế Trần Văn Bình lưu ý các trường tăng cường kiểm tra bếp ăn.", ["các trường"]),
    ("Giám đốc Sở Tài chính lưu ý các đơn vị, địa phương sớm nộp báo cáo quyết toán.", ["các đơn vị, địa phương"]),
])
def test_the_official_in_the_narration_is_not_the_doer(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # an official charged by name keeps the lead (no one asked after them)
    ("Đồng chí Phó Chủ tịch UBND huyện trực tiếp chỉ đạo việc giải phóng mặt bằng.",
     ["Đồng chí Phó Chủ tịch UBND huyện"]),
    # a unit that reminds others in its own work keeps it
    ("Sở Y tế chủ trì, lưu ý các cơ sở y tế bảo đảm đủ thuốc.", ["Sở Y tế"]),
])
def test_an_office_holder_or_unit_with_own_work_keeps_the_lead(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    ("Giao Giám đốc: Sở Nội vụ, Sở Tài chính, Đài Phát thanh tỉnh phối hợp với các sở tổ chức tuyên truyền.",
     ["Sở Nội vụ", "Sở Tài chính", "Đài Phát thanh tỉnh"]),
    ("Đề nghị Thủ trưởng: Sở Y tế, Công an tỉnh kiểm tra an toàn thực phẩm.", ["Sở Y tế", "Công an tỉnh"]),
])
def test_a_bare_title_before_a_colon_gives_the_units_listed(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_the_administration_of_a_body_is_that_body() -> None:
    text = ("Qua kiểm tra các thôn, đồng chí Chủ tịch UBND huyện đề nghị chính quyền UBND các xã thực hiện tốt "
            "việc vệ sinh môi trường.")
    assert find_leads(text) == ["UBND các xã"]


@pytest.mark.parametrize("text", [
    "những trường hợp đặc biệt cần báo cáo xin ý kiến Thường trực.",
    "Các trường hợp vi phạm phải xử lý nghiêm.",
])
def test_cases_are_not_units(text: str) -> None:
    assert find_leads(text) == []
    assert split_units("những trường hợp đặc biệt") == []


def test_schools_stay_units() -> None:
    assert find_leads("Các trường tổ chức ôn tập cho học sinh.") == ["Các trường"]


def test_a_narrated_reminder_in_a_notice_names_the_doer_with_its_source() -> None:
    text = ("UBND TỈNH A\nSố: 12/TB-UBND\nA, ngày 3 tháng 4 năm 2026\nTHÔNG BÁO\nKết quả kiểm tra\n"
            "Đồng chí Phó Chủ tịch UBND tỉnh đi kiểm tra tiến độ dự án đường tỉnh và yêu cầu Sở Giao thông vận tải "
            "đôn đốc nhà thầu hoàn thành trước ngày 30/6/2026.\n")
    tasks = parse_notice(text).tasks
    hit = [t for t in tasks if "đôn đốc nhà thầu" in t.text]
    assert hit and hit[0].lead == ("Sở Giao thông vận tải",) and hit[0].lead_source == "text"


@pytest.mark.parametrize("text", [
    # "phối hợp" as a noun inside the unit's own work: the unit works with nobody named
    "Lực lượng công an, dân quân xã tăng cường công tác phối hợp tuần tra ban đêm.",
    "Các trường học nâng cao hiệu quả quy chế phối hợp với gia đình học sinh.",
    "Đồng chí Bí thư giao cho người đứng đầu các bộ phận chuyên môn đẩy mạnh sự phối hợp trong tiếp dân.",
])
def test_a_unit_whose_work_mentions_coordination_is_no_supporter(text: str) -> None:
    assert find_supports(text) == []


@pytest.mark.parametrize(("text", "supports"), [
    ("Sở Tài chính chủ trì, Sở Nội vụ phối hợp thực hiện rà soát biên chế.", ["Sở Nội vụ"]),
    ("Giao Sở Y tế chủ trì thực hiện; Công an tỉnh, Sở Công Thương phối hợp.", ["Công an tỉnh", "Sở Công Thương"]),
])
def test_a_unit_named_right_before_phoi_hop_supports(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


@pytest.mark.parametrize(("text", "leads"), [
    # one ask lists several units, a second ask joined by "và" adds more: all do the same work
    ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành, UBND các huyện và đề nghị các cơ quan Trung ương "
     "đóng trên địa bàn thực hiện tốt các nhiệm vụ sau:",
     ["các sở, ngành", "UBND các huyện", "các cơ quan Trung ương đóng trên địa bàn"]),
    # the first ask stands in the lead-in above ("… yêu cầu:"), the paragraph opens with whom it asks
    ("Giám đốc các sở, Chủ tịch UBND các xã và đề nghị các doanh nghiệp trên địa bàn thực hiện các việc sau:",
     ["Giám đốc các sở", "Chủ tịch UBND các xã", "các doanh nghiệp trên địa bàn"]),
])
def test_units_asked_by_two_joined_asks_all_lead(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_unit_name_with_va_before_a_joined_ask_is_kept_whole() -> None:
    assert find_leads("Giao Sở Kế hoạch và Đầu tư và đề nghị Kho bạc Nhà nước tỉnh rà soát.") == \
        ["Sở Kế hoạch và Đầu tư"]


@pytest.mark.parametrize(("text", "leads"), [
    # "Ban quản lý …" (lower case) is a board's name, not "Ban" followed by the verb "quản lý"
    ("Giao Ban quản lý dự án đầu tư xây dựng tỉnh rà soát hồ sơ.", ["Ban quản lý dự án đầu tư xây dựng tỉnh"]),
    ("Ban quản lý các khu công nghiệp tỉnh chủ trì kiểm tra.", ["Ban quản lý các khu công nghiệp tỉnh"]),
    ("Sở Xây dựng quản lý chặt chẽ việc cấp phép.", ["Sở Xây dựng"]),
    # an owner in lower case after a comma is one more unit
    ("Đề nghị Hạt Kiểm lâm, các công ty lâm nghiệp, chủ rừng trên địa bàn tăng cường tuần tra.",
     ["Hạt Kiểm lâm", "các công ty lâm nghiệp", "chủ rừng trên địa bàn"]),
    ("Yêu cầu các Ban quản lý dự án, chủ đầu tư đẩy nhanh giải ngân.", ["các Ban quản lý dự án", "chủ đầu tư"]),
])
def test_boards_and_owners_are_named_whole(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_direction_reported_after_several_opening_clauses_names_the_directed_unit() -> None:
    text = ("Tại buổi kiểm tra, sau khi nghe người dân và Phòng Nông nghiệp báo cáo, đồng chí Bí thư Huyện ủy "
            "đã chỉ đạo Trạm thủy nông phối hợp với UBND xã An Bình huy động lực lượng nạo vét kênh mương.")
    assert find_leads(text) == ["Trạm thủy nông"]
    assert find_supports(text) == ["UBND xã An Bình"]


def test_a_unit_directed_by_the_lead_keeps_its_partners_out() -> None:
    assert find_supports("Tăng cường chỉ đạo UBND các xã phối hợp với Công an xã kiểm tra.") == []


def test_a_second_ask_after_a_comma_adds_its_units() -> None:
    text = "UBND tỉnh đề nghị các hội, đoàn thể, yêu cầu các sở, ngành, địa phương cử cán bộ đầu mối."
    assert find_leads(text) == ["các hội, đoàn thể", "các sở, ngành, địa phương"]


def test_the_lead_and_doer_fields_on_one_line_both_lead() -> None:
    text = "Đơn vị chủ trì: Sở Du lịch. Đơn vị thực hiện: Trung tâm Xúc tiến Du lịch. Đơn vị phối hợp: các hội nghề."
    assert find_leads(text) == ["Sở Du lịch", "Trung tâm Xúc tiến Du lịch"]
    assert find_supports(text) == ["các hội nghề"]


@pytest.mark.parametrize(("names", "units"), [
    # a body of one level named once for several localities: one body per locality
    ("UBND tỉnh Thanh Hóa, Nghệ An", ["UBND tỉnh Thanh Hóa", "UBND tỉnh Nghệ An"]),
    ("Công an huyện Yên Lạc, Tam Dương và Bình Xuyên",
     ["Công an huyện Yên Lạc", "Công an huyện Tam Dương", "Công an huyện Bình Xuyên"]),
    # one locality, or a level after the name, stays one unit
    ("UBND thành phố Hồ Chí Minh", ["UBND thành phố Hồ Chí Minh"]),
    ("UBND huyện Yên Lạc, tỉnh Vĩnh Phúc", ["UBND huyện Yên Lạc, tỉnh Vĩnh Phúc"]),
])
def test_a_body_named_once_for_several_localities(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_a_unit_with_its_duty_after_the_named_guests_leads() -> None:
    text = ("đồng chí Nguyễn Thị Hoa - Phó Chủ tịch UBND phường, các đồng chí lãnh đạo các đoàn thể dự hội nghị. "
            "Về nhiệm vụ năm 2026, Mặt trận phường cần tiếp tục củng cố khối đại đoàn kết.")
    assert find_leads(text) == ["Mặt trận phường"]


@pytest.mark.parametrize(("text", "leads"), [
    # a time phrase opens the sentence, the subject after the comma acts
    ("Năm 2026, các sở, ngành tập trung rà soát thủ tục hành chính.", ["các sở, ngành"]),
    ("Thời gian tới, các địa phương cần tăng cường kiểm tra.", ["các địa phương"]),
    ("Nhân dịp Tết Nguyên đán, UBND các xã tổ chức thăm hỏi gia đình chính sách.", ["UBND các xã"]),
])
def test_the_subject_after_an_opening_time_phrase_leads(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_dated_report_of_an_issued_document_names_no_lead() -> None:
    assert find_leads("Ngày 21 tháng 5 năm 2026, Chính phủ ban hành Nghị định số 18/2026/NĐ-CP quy định về rừng.") == []


def test_a_person_charged_with_the_work_keeps_the_lead() -> None:
    text = "Giao đồng chí Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo, yêu cầu Sở Xây dựng báo cáo tiến độ hằng tuần."
    assert find_leads(text) == ["đồng chí Phó Chủ tịch UBND tỉnh"]
