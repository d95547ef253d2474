"""Leads, unit lists and supports on phrasing patterns of unseen notices (issue 8): example sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline
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


@pytest.mark.parametrize(("text", "leads"), [
    # kinds of one group after "các": one unit; a named unit after it: a unit of its own
    ("Các Sở, Ban, ngành, đoàn thể tỉnh, UBND các huyện, thị xã bố trí lịch trực Tết",
     ["Các Sở, Ban, ngành, đoàn thể tỉnh", "UBND các huyện, thị xã"]),
    ("Các Sở, UBND các huyện rà soát danh mục dự án", ["Các Sở", "UBND các huyện"]),
    # one body of several levels
    ("Ủy ban nhân dân tỉnh và các huyện xây dựng kế hoạch ứng phó", ["Ủy ban nhân dân tỉnh và các huyện"]),
    # the name of one Party committee holds a comma
    ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể thành phố lãnh đạo tuyên truyền",
     ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể thành phố"]),
    # a body and a lower-case group of the same level
    ("Ủy ban MTTQ Việt Nam phường và đoàn thể phường tổ chức ra quân",
     ["Ủy ban MTTQ Việt Nam phường", "đoàn thể phường"]),
    # districts' bodies and a named city's body
    ("Giao UBND huyện, thành phố Bạc Liêu kiểm tra các công trình", ["UBND huyện", "UBND thành phố Bạc Liêu"]),
    ("Giao UBND huyện, thị xã kiểm tra các công trình", ["UBND huyện, thị xã"]),
    # a steering committee's name is not cut at its own "chỉ đạo"
    ("Giao Ban chỉ đạo phòng chống dịch bệnh gia súc huyện tuyên truyền cho người dân",
     ["Ban chỉ đạo phòng chống dịch bệnh gia súc huyện"]),
])
def test_unit_lists_split_where_units_end(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_time_of_day_is_not_part_of_a_name() -> None:
    assert find_leads("Hội Nông dân xã Chiều 5/3/2025 tổ chức tập huấn") == ["Hội Nông dân xã"]


def test_units_named_below_are_not_a_lead() -> None:
    assert find_leads("Các sở, ngành sau đây có trách nhiệm triển khai Chương trình:") == []


def test_role_in_apposition_ends_the_name() -> None:
    text = ("Sở Nội vụ - cơ quan thường trực Hội đồng Thi đua tỉnh giúp Hội đồng tham mưu UBND tỉnh tổ chức "
            "sơ kết phong trào")
    assert find_leads(text) == ["Sở Nội vụ"]


def test_leadership_directing_units_in_a_report_makes_them_act() -> None:
    assert find_leads("Lãnh đạo UBND xã chỉ đạo các ban ngành đoàn thể vận động nhân dân dọn vệ sinh") == \
        ["các ban ngành đoàn thể"]
    # a named office holder charged to direct remains the lead
    assert find_leads("Chủ tịch UBND tỉnh Yên Bái chỉ đạo các sở, ngành kiểm tra việc khai thác cát") == \
        ["Chủ tịch UBND tỉnh Yên Bái"]


@pytest.mark.parametrize(("text", "due"), [
    # news copies write the month or quarter with a dot
    ("Đại hội chi bộ thôn hoàn thành trong quý IV.2023", dt.date(2023, 12, 31)),
    ("Các chi bộ tổ chức đại hội xong trong tháng 3.2024", dt.date(2024, 3, 31)),
    # "before July": by the end of June; "before the third quarter": by the end of June
    ("Đại hội Đảng bộ thị xã hoàn thành trước tháng 7/2024", dt.date(2024, 6, 30)),
    ("Hoàn thành việc kiểm kê trước quý III/2024", dt.date(2024, 6, 30)),
    ("Nộp hồ sơ trước tháng 1/2025", dt.date(2024, 12, 31)),
    # an hour with an apostrophe for the minutes
    ("Gửi báo cáo về Văn phòng trước 16 giờ 30' ngày 05/5/2024", dt.date(2024, 5, 5)),
])
def test_deadline_phrasings_of_news_copies(text: str, due: dt.date) -> None:
    found = pick_deadline(text, issued_on=dt.date(2023, 9, 1))
    assert found is not None and found.due == due


def test_a_month_at_the_end_of_a_sentence_is_not_glued_to_a_year() -> None:
    assert pick_deadline("Hoàn thành trong tháng 4. 2024 là năm bản lề", issued_on=dt.date(2023, 9, 1)) is None


def test_verb_after_a_group_ends_its_name() -> None:
    assert find_leads("Huyện ủy yêu cầu các cấp ủy làm tốt công tác chuẩn bị đại hội") == ["các cấp ủy"]


@pytest.mark.parametrize(("text", "lead"), [
    ("đại hội chi bộ trực thuộc đảng ủy xã không quá 1 ngày, hoàn thành trong quý I/2025",
     ["chi bộ trực thuộc đảng ủy xã"]),
    ("Ban Thường vụ Thị ủy chỉ đạo, đại hội các chi bộ trực thuộc Đảng bộ phường hoàn thành trước ngày 30/4/2025",
     ["các chi bộ trực thuộc Đảng bộ phường"]),
    ("từ tháng 2 đến tháng 4-2025 sẽ tiến hành đại hội các đảng bộ cơ sở", ["các đảng bộ cơ sở"]),
    ("Đại hội đảng viên hoặc Đại hội đại biểu Đảng bộ xã không quá 2 ngày", ["Đảng bộ xã"]),
])
def test_a_congress_schedule_names_the_bodies_holding_it(text: str, lead: list[str]) -> None:
    assert find_leads_ranked(text) == (lead, 1)


def test_the_district_congress_and_a_congress_mentioned_in_work_name_nobody() -> None:
    assert find_leads("Đại hội Đảng bộ huyện không quá 3 ngày, hoàn thành trước ngày 15/6/2025.") == []
    assert find_leads("Chuẩn bị tốt nội dung văn kiện đại hội chi bộ") == []


def test_month_with_a_hyphen() -> None:
    found = pick_deadline("Các chi bộ hoàn thành đại hội trong tháng 3-2025", issued_on=dt.date(2024, 9, 1))
    assert found is not None and found.due == dt.date(2025, 3, 31)


def test_partners_of_a_unit_the_lead_guides_are_not_its_supports() -> None:
    text = ("Giao UBND các huyện rà soát các điểm nóng; các xã còn lại, hướng dẫn UBND cấp xã phối hợp "
            "các ngành có liên quan tự kiểm tra")
    assert find_supports(text) == []


def test_dated_background_before_the_request_gives_no_support() -> None:
    text = ("Ngày 12/3/2024, Văn phòng UBND tỉnh có văn bản giao Sở Xây dựng phối hợp với Sở Tài chính rà soát "
            "giá vật liệu. Đến nay chưa có kết quả, Văn phòng UBND tỉnh đề nghị Sở Xây dựng khẩn trương báo cáo.")
    assert find_supports(text) == []


def test_a_later_sentence_with_its_own_subject_and_work_is_another_assignment() -> None:
    text = ("Giao Sở Y tế chủ trì kiểm tra các cơ sở. Sở Công Thương, Sở Y tế phối hợp Công ty tư vấn "
            "hoàn thành hồ sơ trình Bộ.")
    assert find_supports(text) == []
    # … but a bare "X phối hợp." after the assignment names its supports
    assert find_supports("Giao Sở Y tế chủ trì kiểm tra các cơ sở. Công an tỉnh, Sở Công Thương phối hợp.") == \
        ["Công an tỉnh", "Sở Công Thương"]


def test_role_glued_onto_a_name_by_copy_paste() -> None:
    text = "Sở Giáo dục và Đào tạochủ trì, phối hợp với Sở Y tế tổ chức khám sức khỏe cho học sinh"
    assert find_leads(text) == ["Sở Giáo dục và Đào tạo"]
    assert find_leads("Giao Sở Nội vụphối hợp với Sở Tài chính rà soát biên chế") == ["Sở Nội vụ"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Kính đề nghị Quý Công ty Cấp nước Bắc Ninh quan tâm phối hợp thực hiện", ["Công ty Cấp nước Bắc Ninh"]),
    ("Đối với hạng mục thoát nước, đề nghị Công ty Cổ phần Môi trường đô thị bổ sung thiết kế",
     ["Công ty Cổ phần Môi trường đô thị"]),
    ("Hiện nay hồ sơ còn thiếu, đề nghị Ban Quản lý dự án huyện bổ sung", ["Ban Quản lý dự án huyện"]),
    ("Trân trọng đề nghị Sở Tư pháp xem xét, cho ý kiến", ["Sở Tư pháp"]),
])
def test_courtesy_and_topic_openings_before_a_request(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


def test_courtesy_request_to_the_addressee_names_nobody_new() -> None:
    assert find_leads("Kính đề nghị Quý cơ quan quan tâm phối hợp") == []


@pytest.mark.parametrize(("text", "due"), [
    ("Báo cáo về Văn phòng trước 17h00 ngày 15/6/2026", dt.date(2026, 6, 15)),
    ("Gửi số liệu trước 16h ngày 02/6", dt.date(2026, 6, 2)),
    ("Hạn nộp: 15/6/2026", dt.date(2026, 6, 15)),
    ("hạn gửi báo cáo 30/6/2026", dt.date(2026, 6, 30)),
])
def test_hours_and_submission_deadlines(text: str, due: dt.date) -> None:
    found = pick_deadline(text, issued_on=dt.date(2026, 5, 20))
    assert found is not None and found.due == due


def test_a_meeting_hour_is_not_a_deadline() -> None:
    assert pick_deadline("Cuộc họp bắt đầu lúc 8h ngày 15/6/2026", issued_on=dt.date(2026, 5, 20)) is None


@pytest.mark.parametrize(("text", "lead"), [
    # the body of a unit heading glued onto the name
    ("Công ty Điện lực Yên Bái Khảo sát, lắp đặt trạm biến áp", ["Công ty Điện lực Yên Bái"]),
    ("Sở Xây dựng Tăng cường kiểm tra chất lượng công trình", ["Sở Xây dựng"]),
    ("Ủy ban Kiểm tra Huyện ủy thường xuyên kiểm tra, giám sát", ["Ủy ban Kiểm tra Huyện ủy"]),
    # capitalised words inside names stay
    ("Phòng Tổng hợp chủ trì rà soát", ["Phòng Tổng hợp"]),
    ("Trung tâm Giải quyết thủ tục hành chính tỉnh chủ trì tiếp nhận hồ sơ",
     ["Trung tâm Giải quyết thủ tục hành chính tỉnh"]),
])
def test_body_words_glued_after_a_name(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead
    assert find_supports("Phối hợp với Cục Kiểm soát ô nhiễm môi trường xây dựng quy chuẩn") == \
        ["Cục Kiểm soát ô nhiễm môi trường"]


def test_a_generic_group_with_a_colon_lists_its_members() -> None:
    assert find_leads("Các đơn vị: Sở Y tế, Sở Tài chính, UBND huyện Mường Khương khẩn trương thực hiện") == \
        ["Sở Y tế", "Sở Tài chính", "UBND huyện Mường Khương"]
