"""Who must act where the doer is named only by the sentence that asks or directs: board members, the Front's
short names, a news copy that reports a direction already given, an item that opens with the act of directing,
a lead-in that names its doer before "với các nội dung:" (a sector name "Giao thông" assigns nothing)."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, find_leads_ranked, split_units, units_referred_back


@pytest.mark.parametrize(("text", "leads"), [
    # the members of a board are asked, each of them acts
    ("Ban Chỉ đạo tỉnh đề nghị thành viên Ban Chỉ đạo tỉnh, UBND các huyện rà soát danh sách hộ nghèo.",
     ["thành viên Ban Chỉ đạo tỉnh", "UBND các huyện"]),
    ("Yêu cầu thành viên Tổ công tác liên ngành kiểm tra hồ sơ.", ["thành viên Tổ công tác liên ngành"]),
    # the Front's committee written short, with its "VN" or a dot
    ("UBND xã đề nghị UB.MTTQVN xã vận động nhân dân dọn vệ sinh.", ["UB.MTTQVN xã"]),
    ("Đề nghị MTTQVN huyện giám sát việc bình xét.", ["MTTQVN huyện"]),
])
def test_units_asked_by_their_short_or_member_names(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # a news copy reports a direction already given: the directed units do the work
    ("Nhân dịp Tết, UBND tỉnh đã chỉ đạo các sở, ngành bố trí trực cơ quan.", ["các sở, ngành"]),
    ("UBND huyện vừa có văn bản chỉ đạo UBND các xã rà soát hộ cận nghèo.", ["UBND các xã"]),
    ("UBND thành phố cũng chỉ đạo Sở Xây dựng kiểm tra chung cư cũ.", ["Sở Xây dựng"]),
])
def test_reported_direction_names_the_directed_as_doers(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize("text", [
    "UBND các huyện chỉ đạo UBND các xã rà soát hộ nghèo.",  # a unit's own duty to direct: it leads
    "Sở Y tế đã chỉ đạo tốt công tác phòng dịch.",  # no one directed
])
def test_a_present_direction_keeps_its_subject(text: str) -> None:
    assert find_leads(text) == [text.split(" chỉ")[0].replace(" đã", "")]


@pytest.mark.parametrize("text", [
    "Chỉ đạo UBND các xã, các cơ quan chức năng phối hợp chặt chẽ với chủ rừng tuần tra rừng.",
    "Tiếp tục chỉ đạo các trường học phối hợp với trạm y tế rà soát cơ sở vật chất.",
    "Chỉ đạo ngay các đơn vị trực thuộc phối hợp chặt chẽ với chính quyền kiểm tra đê điều.",
])
def test_item_that_opens_by_directing_names_no_doer_of_its_own(text: str) -> None:
    assert find_leads_ranked(text) == ([], 0)


def test_directing_item_takes_the_unit_of_the_heading_above() -> None:
    notice = parse_notice(
        "KẾ HOẠCH\nPhòng chống cháy rừng\n\nIII. TỔ CHỨC THỰC HIỆN\n1. UBND các huyện:\n"
        "a) Chỉ đạo UBND các xã, các cơ quan chức năng phối hợp chặt chẽ với kiểm lâm tuần tra rừng.\n"
        "b) Bố trí kinh phí cho lực lượng chữa cháy.\n")
    directing = next(t for t in notice.tasks if "tuần tra rừng" in t.text)
    assert directing.lead == ("UBND các huyện",)
    assert directing.lead_source == "heading"


def test_lead_in_with_its_doer_before_the_list_of_contents() -> None:
    notice = parse_notice(
        "Sở Giao thông vận tải triển khai lực lượng và mở đợt kiểm tra tải trọng xe với các nội dung:\n"
        "- Tăng cường tuyên truyền quy định về tải trọng phương tiện.\n"
        "- Kiểm tra xe quá tải trên các tuyến quốc lộ.\n")
    leads = [(t.lead, t.lead_source) for t in notice.tasks if "tải trọng phương tiện" in t.text]
    assert leads == [(("Sở Giao thông vận tải",), "heading")]


@pytest.mark.parametrize(("text", "leads"), [
    # a period between the ask and whom it asks, without a comma
    ("Chủ tịch UBND xã đề nghị tháng 10/2025 các thôn hoàn thành kê khai.", ["các thôn"]),
    ("Đề nghị trong quý III các trường học sửa chữa phòng học.", ["các trường học"]),
    # the standing body written in lower case before its council
    ("Bí thư Đảng ủy đề nghị thường trực HĐND xã rà soát kiến nghị cử tri.", ["thường trực HĐND xã"]),
])
def test_ask_with_a_period_first_or_a_lower_case_standing_body(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_lead_in_asking_after_a_period_gives_the_items_their_doer() -> None:
    notice = parse_notice(
        "Kết luận buổi giao ban, đồng chí Bí thư Đảng ủy đề nghị tháng 12/2025 Văn phòng HĐND, "
        "các ban HĐND xã tập trung thực hiện:\n"
        "- Duy trì tiếp công dân định kỳ.\n"
        "- Chuẩn bị nội dung kỳ họp cuối năm.\n")
    first = next(t for t in notice.tasks if "tiếp công dân" in t.text)
    assert first.lead == ("Văn phòng HĐND", "các ban HĐND xã")
    assert first.lead_source == "heading"


@pytest.mark.parametrize(("names", "units"), [
    # one office at every level: the levels after "các" are not members of a list of offices
    ("các phòng Tài chính - Kế hoạch các huyện, thị xã, thành phố",
     ["các phòng Tài chính - Kế hoạch các huyện, thị xã, thành phố"]),
    ("các phòng Kinh tế, Tư pháp", ["phòng Kinh tế", "phòng Tư pháp"]),
    # a named body's level shared with the levels after it
    ("Chủ tịch UBND TP Bảo Lộc, các huyện, thị xã", ["Chủ tịch UBND TP Bảo Lộc, các huyện, thị xã"]),
    ("UBND thị xã Sơn Tây, các huyện", ["UBND thị xã Sơn Tây, các huyện"]),
    ("Chủ tịch UBND huyện Gia Lâm, các sở, ngành", ["Chủ tịch UBND huyện Gia Lâm", "các sở, ngành"]),
])
def test_levels_after_a_unit_stay_with_it(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_review_conference_holder_does_what_the_guest_directs() -> None:
    notice = parse_notice(
        "Hội Nông dân xã sơ kết 6 tháng đầu năm\n\n"
        "Sáng ngày 12/6/2025, Hội Nông dân xã Tân Hòa tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm. "
        "Dự hội nghị có đồng chí Bí thư Đảng ủy xã.\n\n"
        "Phát biểu chỉ đạo, đồng chí Bí thư đề nghị thời gian tới tiếp tục vận động hội viên tham gia "
        "mô hình kinh tế tập thể; kịp thời nắm bắt tâm tư của nông dân.\n")
    leads = {(t.lead, t.lead_source) for t in notice.tasks if "vận động hội viên" in t.text}
    assert leads == {(("Hội Nông dân xã Tân Hòa",), "addressee")}


@pytest.mark.parametrize(("text", "units"), [
    ("Ba đơn vị được nêu tên gồm: Sở Xây dựng, Sở Giao thông vận tải, Ban Quản lý dự án tỉnh. "
     "UBND tỉnh đề nghị 3 đơn vị nêu trên khẩn trương nộp báo cáo.",
     ["Sở Xây dựng", "Sở Giao thông vận tải", "Ban Quản lý dự án tỉnh"]),
    ("Kiểm tra tại các doanh nghiệp: Công ty A (kho số 1 (khu B)); Công ty TNHH Bình Minh (kho số 2) cho thấy "
     "còn tồn tại. Sở yêu cầu doanh nghiệp nêu trên khắc phục.", ["Công ty A", "Công ty TNHH Bình Minh"]),
    ("Sở Y tế, Sở Tài chính đã báo cáo đầy đủ.", []),  # nothing points back
])
def test_units_referred_back_are_the_ones_listed_earlier(text: str, units: list[str]) -> None:
    assert units_referred_back(text) == units


def test_back_reference_in_a_news_copy_leads_with_the_listed_units() -> None:
    notice = parse_notice(
        "Bộ Tài chính đôn đốc các bộ nộp báo cáo quyết toán\n\n"
        "Ba cơ quan được nêu tên gồm: Bộ Xây dựng, Bộ Y tế, Ủy ban Dân tộc.\n\n"
        "Bộ Tài chính đề nghị 3 cơ quan nêu trên khẩn trương gửi báo cáo quyết toán trước ngày 15/9/2025.\n")
    task = next(t for t in notice.tasks if "báo cáo quyết toán trước" in t.text)
    assert task.lead == ("Bộ Xây dựng", "Bộ Y tế", "Ủy ban Dân tộc")


@pytest.mark.parametrize(("text", "leads"), [
    # a time clause between the ask and whom it asks
    ("Ban Thường vụ Huyện ủy yêu cầu sau khi kết thúc đại hội các chi bộ nộp biên bản về Văn phòng.", ["các chi bộ"]),
    ("UBND huyện yêu cầu khi có sự cố xảy ra các xã báo cáo ngay.", ["các xã"]),
])
def test_ask_with_a_time_clause_before_whom_it_asks(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_news_opening_that_names_whom_the_letter_asks_gives_the_items_their_doer() -> None:
    notice = parse_notice(
        "UBND huyện đôn đốc phòng chống dịch\n\n"
        "Ngày 12/7/2025, Chủ tịch UBND huyện ban hành Công văn số 1234/UBND-YT đề nghị Trung tâm Y tế huyện; "
        "UBND các xã, thị trấn về việc tăng cường phòng, chống dịch sốt xuất huyết.\n\n"
        "- Tổ chức chiến dịch diệt lăng quăng tại các hộ gia đình.\n\n"
        "- Tăng cường tuyên truyền để người dân chủ động phòng bệnh.\n")
    items = [(t.lead, t.lead_source) for t in notice.tasks if t.text.startswith(("Tổ chức", "Tăng cường"))]
    assert items == [(("Trung tâm Y tế huyện", "UBND các xã, thị trấn"), "addressee")] * 2
