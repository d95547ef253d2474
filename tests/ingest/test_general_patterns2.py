"""More general phrasing patterns of unseen notices (issue 8, second round).

Every snippet here is a short example of a phrasing pattern, written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline
from bot.ingest.units import find_leads


@pytest.mark.parametrize(("text", "leads"), [
    # a group whose kind is itself a verb-like word ("tổ chức") stays a group
    ("Thường trực Huyện ủy yêu cầu các tổ chức cơ sở đảng, các cơ quan, đơn vị thuộc huyện tập trung tuyên truyền.",
     ["các tổ chức cơ sở đảng", "các cơ quan, đơn vị thuộc huyện"]),
    # "giao nhiệm vụ cho X": X acts
    ("Đồng chí Bí thư cũng giao nhiệm vụ cho Ban Dân vận Huyện ủy tham mưu sơ kết mô hình dân vận khéo.",
     ["Ban Dân vận Huyện ủy"]),
    ("Giao trách nhiệm cho Phòng Nội vụ huyện rà soát hồ sơ.", ["Phòng Nội vụ huyện"]),
    # "giao thông" inside a name is not "giao"
    ("Đề nghị Ban An toàn giao thông huyện, Công an huyện khẩn trương lập kế hoạch kiểm tra.",
     ["Ban An toàn giao thông huyện", "Công an huyện"]),
    # "trên cơ sở …" after the name ends it
    ("Giao Sở Xây dựng trên cơ sở ý kiến các ngành, hướng dẫn chủ đầu tư hoàn thiện hồ sơ.", ["Sở Xây dựng"]),
])
def test_lead_names(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_ask_inside_an_items_own_work_is_not_its_lead() -> None:
    text = ("Phối hợp với Ủy ban nhân dân các tỉnh trong việc rà soát các nguồn thải; "
            "yêu cầu các tổ chức, doanh nghiệp thực hiện việc kiểm kê.")
    assert find_leads(text) == []


@pytest.mark.parametrize(("text", "leads"), [
    # bodies listed without their level share the level of the last name
    ("HĐND, UBND, Ủy ban MTTQ phường rà soát danh sách cử tri.", ["HĐND phường", "UBND phường", "Ủy ban MTTQ phường"]),
    ("Đề nghị Đảng ủy, Công an xã Tân Phú tăng cường tuần tra.", ["Đảng ủy xã Tân Phú", "Công an xã Tân Phú"]),
    ("Đề nghị Hội đồng nhân dân, Ủy ban nhân dân các tỉnh bố trí kinh phí.",
     ["Hội đồng nhân dân các tỉnh", "Ủy ban nhân dân các tỉnh"]),
    # a named unit keeps its own name
    ("Giao Sở Tài chính, UBND huyện kiểm tra số liệu.", ["Sở Tài chính", "UBND huyện"]),
])
def test_shared_level_of_a_list(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_named_members_only_after_a_bare_name() -> None:
    # "hướng dẫn UBND các huyện: A, B" is whom the lead guides, not a list of leads
    assert find_leads("Sở Nông nghiệp lập kế hoạch, hướng dẫn UBND các huyện: Kim Sơn, Yên Khánh thực hiện.") == \
        ["Sở Nông nghiệp"]
    assert find_leads("Giao UBND các xã: Tân Lập, Hòa Bình hoàn thành việc kê khai.") == \
        ["UBND xã Tân Lập", "UBND xã Hòa Bình"]


def test_blank_line_ends_a_paragraph_without_its_full_stop() -> None:
    from bot.ingest import parse_notice
    first = ("Theo đó, Thường trực Huyện ủy yêu cầu các chi bộ, đảng bộ cơ sở tập trung chỉ đạo tốt công tác tuyên "
             "truyền chuẩn bị đại hội, chú trọng tuyên truyền trực quan tại trụ sở, nhà văn hóa thôn và trên loa "
             "truyền thanh cơ sở")
    second = "Thường trực Huyện ủy giao Ban Tổ chức Huyện ủy hướng dẫn quy trình nhân sự cấp ủy cơ sở."
    notice = parse_notice(f"{first}\n\n{second}\n")
    leads = [list(t.lead) for t in notice.tasks]
    assert ["Ban Tổ chức Huyện ủy"] in leads
    assert ["các chi bộ, đảng bộ cơ sở"] in leads or ["các chi bộ", "đảng bộ cơ sở"] in leads
    assert len(notice.tasks) == 2


DECISION = """ỦY BAN NHÂN DÂN
HUYỆN AN LẠC
Số: 12/QĐ-UBND
An Lạc, ngày 5 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát đất công
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác rà soát đất công, gồm các ông, bà:
- Ông Trần Văn Bình, Phó Chủ tịch UBND huyện, Tổ trưởng;
- Bà Lê Thị Hoa, Trưởng phòng Tài nguyên và Môi trường, Tổ phó.
Điều 2. Nhiệm vụ và quyền hạn của Tổ công tác
Tổ công tác thực hiện các nhiệm vụ sau:
1. Xây dựng kế hoạch rà soát đất công trên địa bàn huyện.
2. Báo cáo kết quả rà soát cho Chủ tịch UBND huyện trước ngày 30/6/2026.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_articles_of_a_decision_are_headings() -> None:
    from bot.ingest import parse_notice
    tasks = parse_notice(DECISION).tasks
    assert len(tasks) == 2  # not the members of Điều 1, not the closing article
    assert all(t.lead == ("Tổ công tác",) for t in tasks)
    assert "Xây dựng kế hoạch rà soát" in tasks[0].text and "Tổ công tác thực hiện" not in tasks[0].text
    assert str(tasks[1].due) == "2026-06-30"


def test_inspection_team_keeps_its_name() -> None:
    assert find_leads("Đoàn kiểm tra báo cáo kết quả cho Giám đốc Sở.") == ["Đoàn kiểm tra"]


def test_unit_heading_wrapped_onto_a_second_line() -> None:
    from bot.ingest import parse_notice
    text = ("Chủ tịch UBND huyện yêu cầu các đơn vị thực hiện một số nhiệm vụ sau:\n"
            "1. Phòng Tài chính - Kế hoạch, Phòng Nội vụ và Ủy ban nhân dân\n"
            "các xã, thị trấn\n"
            "Rà soát các khoản chi thường xuyên, báo cáo kết quả trước ngày 20/4/2026.\n"
            "2. Giao Phòng Kinh tế\n"
            "Chủ trì kiểm tra các chợ trên địa bàn.\n")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [
        ["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Ủy ban nhân dân các xã, thị trấn"], ["Phòng Kinh tế"]]
    assert tasks[0].text.startswith("Rà soát")


def test_capitalised_body_word_after_a_name_ends_it() -> None:
    assert find_leads("Sở Y tế Chủ trì, phối hợp với các đơn vị kiểm tra an toàn thực phẩm.") == ["Sở Y tế"]
    assert find_leads("UBND các xã, thị trấn Theo chức năng, nhiệm vụ tổ chức tuyên truyền.") == \
        ["UBND các xã, thị trấn"]


def test_units_listed_with_semicolons() -> None:
    from bot.ingest import parse_notice
    assert find_leads("Giao các phòng, ban huyện; UBND các xã, thị trấn; Trung tâm Y tế huyện báo cáo số liệu.") == \
        ["các phòng, ban huyện", "UBND các xã, thị trấn", "Trung tâm Y tế huyện"]
    text = ("UBND huyện có ý kiến như sau:\n"
            "Giao các phòng, ban huyện; UBND các xã, thị trấn; Trung tâm Y tế huyện báo cáo số liệu tiêm chủng. "
            "Giao Phòng Y tế tổng hợp chung.\n")
    tasks = parse_notice(text).tasks
    assert [len(t.lead) for t in tasks] == [3, 1]
    # a ';' after a clause with its own verb still separates two doers
    assert find_leads("Giao Sở Tài chính chủ trì; Sở Nội vụ phối hợp.") == ["Sở Tài chính"]


@pytest.mark.parametrize(("text", "leads"), [
    # a document that asks names the doer after "yêu cầu"
    ("Chỉ thị yêu cầu UBND các xã, thị trấn tổ chức ra quân làm thủy lợi nội đồng.", ["UBND các xã, thị trấn"]),
    # lower-case "cấp ủy" after an ask
    ("Theo đó, Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ, đảng bộ cơ sở tổ chức quán triệt kết luận.",
     ["cấp ủy các chi bộ, đảng bộ cơ sở"]),
    # background opening, then the unit that acts
    ("Trên cơ sở báo cáo của các đơn vị, địa phương, Phòng Tài chính có nhiệm vụ tổng hợp, tham mưu UBND huyện.",
     ["Phòng Tài chính"]),
    # an ordinal opening, the subject with its role; a "giao" further on is part of its work
    ("Thứ hai, các chi bộ khẩn trương chuẩn bị đại hội; thảo luận chương trình hành động, giao cấp ủy khóa mới "
     "hoàn thiện.", ["các chi bộ"]),
])
def test_doer_after_openings(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_background_opening_with_a_unit_at_work_is_a_task() -> None:
    from bot.ingest import parse_notice
    text = ("Theo đó, UBND huyện yêu cầu các xã báo cáo kết quả về Phòng Nội vụ trước ngày 01/11/2026.\n\n"
            "Trên cơ sở báo cáo của các xã, Phòng Nội vụ có nhiệm vụ tổng hợp, trình UBND huyện trước ngày "
            "15/11/2026.\n")
    tasks = parse_notice(text).tasks
    assert [(list(t.lead), str(t.due)) for t in tasks] == [(["các xã"], "2026-11-01"), (["Phòng Nội vụ"], "2026-11-15")]


def test_day_without_year_takes_the_posting_year_of_a_portal_copy() -> None:
    from bot.ingest import parse_notice
    text = ("Huyện ủy chọn hai đảng bộ đại hội điểm\n\nTHỨ HAI, 10/02/2025 09:15:00\n\n"
            "Ban Thường vụ Huyện ủy giao Ban Tổ chức Huyện ủy hướng dẫn các đảng bộ hoàn thiện văn kiện "
            "trước ngày 15.3.\n")
    notice = parse_notice(text)
    assert notice.date is None  # a posting stamp is not the document's date line
    assert [str(t.due) for t in notice.tasks] == ["2025-03-15"]


@pytest.mark.parametrize(("text", "due"), [
    ("Bộ Xây dựng nghiên cứu, xây dựng Nghị định thay thế, trình Chính phủ Quý III năm 2025.", "2025-09-30"),
    ("Sở Tài chính hoàn thiện đề án, trình UBND tỉnh tháng 8/2026.", "2026-08-31"),
])
def test_submitted_in_a_period(text: str, due: str) -> None:
    deadline = pick_deadline(text, issued_on=dt.date(2025, 1, 10))
    assert deadline is not None and str(deadline.due) == due


def test_submitted_report_about_a_period_is_not_its_deadline() -> None:
    text = "Sở Tài chính trình UBND tỉnh báo cáo kết quả quý I/2026."
    assert pick_deadline(text, issued_on=dt.date(2026, 1, 5)) is None


def test_unit_after_a_long_opening_acts_and_an_ellipsis_ends_a_paragraph() -> None:
    from bot.ingest import parse_notice
    text = ("Theo đó, trong dịp cao điểm cuối năm, Công an huyện bố trí lực lượng tuần tra, kiểm soát các tuyến "
            "đường trọng điểm…\n"
            "Phòng Kinh tế và Hạ tầng chỉ đạo lực lượng thanh tra kiểm tra các bến khách ngang sông.\n")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["Công an huyện"], ["Phòng Kinh tế và Hạ tầng"]]


def test_signing_on_behalf_is_not_an_ask() -> None:
    # "thừa ủy quyền Thủ tướng" says on whose behalf the minister signs; the Prime Minister is not asked
    assert "Thủ tướng Chính phủ" not in " ".join(
        find_leads("Giao Bộ trưởng Bộ Nội vụ thừa ủy quyền Thủ tướng Chính phủ ký tờ trình gửi Quốc hội."))


def test_body_and_lower_case_unit_share_a_level_list() -> None:
    text = "Giao Công an huyện và UBND, hội đồng nghĩa vụ quân sự các xã, thị trấn khẩn trương rà soát."
    assert find_leads(text) == ["Công an huyện", "UBND các xã, thị trấn", "hội đồng nghĩa vụ quân sự các xã, thị trấn"]


@pytest.mark.usefixtures("rules_only")  # a rule on a tiny notice: candidates before the task filter
def test_body_item_restated_in_a_task_table_is_one_task() -> None:
    from bot.ingest import parse_notice
    text = ("II. NHIỆM VỤ\n"
            "1. Xây dựng quy chế phối hợp quản lý chợ đầu mối trên địa bàn huyện.\n"
            "2. Kiểm tra định kỳ an toàn phòng cháy tại các chợ đầu mối.\n"
            "PHỤ LỤC\n"
            "| TT | Nhiệm vụ | Chủ trì | Thời hạn |\n"
            "|---|---|---|---|\n"
            "| 1 | Xây dựng quy chế phối hợp quản lý chợ đầu mối trên địa bàn huyện. | Phòng Kinh tế | Quý II/2026 |\n")
    tasks = parse_notice(text).tasks
    restated = [t for t in tasks if "quy chế phối hợp" in t.text]
    assert len(restated) == 1
    assert restated[0].lead == ("Phòng Kinh tế",) and str(restated[0].due) == "2026-06-30"
    assert any("phòng cháy" in t.text for t in tasks)


def test_item_opening_with_phoi_hop_names_its_partners() -> None:
    from bot.ingest.units import find_supports
    assert find_supports("Phối hợp với Sở Tài chính, Sở Nội vụ rà soát định mức chi.") == \
        ["Sở Tài chính", "Sở Nội vụ"]


def test_dong_thoi_sentence_is_the_same_doers_next_task() -> None:
    from bot.ingest import parse_notice
    text = ("UBND huyện có ý kiến như sau:\n"
            "Giao Phòng Nông nghiệp hướng dẫn các xã gieo cấy đúng khung thời vụ. Đồng thời chỉ đạo Trạm Khuyến "
            "nông theo dõi sâu bệnh trên lúa.\n")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["Phòng Nông nghiệp"], ["Phòng Nông nghiệp"]]
    assert tasks[1].text.startswith("Đồng thời chỉ đạo")


def test_tiep_tuc_sentence_is_the_same_doers_next_task() -> None:
    from bot.ingest import parse_notice
    text = ("Thường trực Đảng ủy có ý kiến như sau:\n"
            "Đề nghị Ủy ban MTTQ xã vận động nhân dân đóng góp xây dựng nhà văn hóa thôn. Tiếp tục theo dõi "
            "việc giải quyết kiến nghị của cử tri.\n")
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [["Ủy ban MTTQ xã"], ["Ủy ban MTTQ xã"]]
