"""Who must act and by when: general phrasing patterns of leads, supports and deadlines (issue 8).

The sentences are written for these tests from the phrasing patterns; they are not copied from a document."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline
from bot.ingest.units import find_leads, find_supports, heading_units

ISSUED = dt.date(2026, 3, 2)


@pytest.mark.parametrize(("text", "leads"), [
    # a plural kind and a colon, then the members' fields: one unit per member
    ("Giao các Bộ: Quốc phòng, Công an, Khoa học và Công nghệ góp ý dự thảo Nghị định.",
     ["Bộ Quốc phòng", "Bộ Công an", "Bộ Khoa học và Công nghệ"]),
    ("Giao các Sở: Y tế, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch hướng dẫn các trường.",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("Giao các Sở Nội vụ, Tài chính và Xây dựng rà soát biên chế.", ["Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"]),
    # a group name stays whole
    ("Giao các sở, ngành rà soát biên chế.", ["các sở, ngành"]),
])
def test_member_lists_expand_into_units(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_member_list_in_a_support_phrase() -> None:
    assert find_supports("Bộ Ngoại giao chủ trì, phối hợp với các Bộ KH&ĐT, GD&ĐT, Nội vụ xây dựng đề án.") == \
        ["Bộ KH&ĐT", "Bộ GD&ĐT", "Bộ Nội vụ"]


def test_member_list_in_a_heading() -> None:
    assert heading_units("Các Bộ: Nội vụ, Tư pháp, Nông nghiệp và Môi trường") == \
        ["Bộ Nội vụ", "Bộ Tư pháp", "Bộ Nông nghiệp và Môi trường"]


def test_a_sentence_that_mentions_a_list_is_not_a_list_heading() -> None:
    head = ("Bộ Công Thương thực hiện các ý kiến chỉ đạo tại Thông báo số 12/TB-VPCP; phối hợp với các Bộ Tài chính, "
            "Nội vụ hoàn thiện dự thảo")
    assert len(heading_units(head)) <= 1


@pytest.mark.parametrize(("head", "units"), [
    # people by honorific, name and role
    ("Ông. Trần Văn Bình - Trưởng đoàn", ["Ông Trần Văn Bình - Trưởng đoàn"]),
    ("Bà Nguyễn Thị Mai, Thư ký Tổ công tác", ["Bà Nguyễn Thị Mai - Thư ký Tổ công tác"]),
    ("Đồng chí Lê Văn Tâm (Phó Chủ tịch UBND xã)", ["Đồng chí Lê Văn Tâm - Phó Chủ tịch UBND xã"]),
    ("Đồng chí Phó Chủ tịch UBND huyện", ["Đồng chí Phó Chủ tịch UBND huyện"]),
    # a unit the heading describes ("được kiểm tra") is the unit, not a sentence
    ("Đối với đơn vị được kiểm tra", ["đơn vị được kiểm tra"]),
    ("Trách nhiệm của các tổ chức tham gia thí điểm", ["các tổ chức tham gia thí điểm"]),
    # group addressees separated by ';' in a heading: each part, split where each part is a unit
    ("Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch UBND các xã, phường:",
     ["Giám đốc các Sở", "Thủ trưởng các ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"]),
    ("Các cơ quan chuyên trách tham mưu, giúp việc Huyện ủy; các chi bộ trực thuộc",
     ["Các cơ quan chuyên trách tham mưu, giúp việc Huyện ủy", "các chi bộ trực thuộc"]),
    # a heading that goes on with its work is an item
    ("Đối với đơn vị được kiểm tra: Chuẩn bị hồ sơ", []),
])
def test_heading_units(head: str, units: list[str]) -> None:
    assert heading_units(head) == units


@pytest.mark.parametrize(("text", "leads"), [
    ("Ông. Trần Văn Bình - Trưởng đoàn: Phụ trách chung; ký các văn bản của Đoàn.",
     ["Ông Trần Văn Bình - Trưởng đoàn"]),
    # the body after "Đối với X:" names the doer itself
    ("Đối với Tổ công tác: Các thành viên Tổ thực hiện đúng lịch làm việc.", ["Các thành viên Tổ"]),
    ("Đối với các xã: UBND các xã rà soát danh sách hộ nghèo.", ["UBND các xã"]),
])
def test_leads_of_items_that_open_with_who(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("phrase", "due"), [
    # the end of the window the work fills
    # (not flags hung over a window, the activity's own date range: test_p38_parser.py)
    ("Các hộ gia đình rà soát, kê khai từ ngày 1/9/2026 đến hết ngày 3/9/2026.", "2026-09-03"),
    ("Thời gian góp ý: từ ngày 10/3/2026 đến ngày 25/3/2026.", "2026-03-25"),
    ("trong thời gian từ đầu tháng 4/2026 tới ngày 30/4/2026, Công an xã tăng cường tuần tra", "2026-04-30"),
    ("kiểm tra từ ngày 6 tháng 4 đến ngày 17 tháng 4 năm 2026", "2026-04-17"),
    ("ra quân từ ngày 10/5 đến ngày 20/5", "2026-05-20"),  # the year of the document
])
def test_the_end_of_a_window_is_the_deadline(phrase: str, due: str) -> None:
    found = pick_deadline(phrase, issued_on=ISSUED)
    assert found is not None and found.due.isoformat() == due


@pytest.mark.parametrize("phrase", [
    "Thời gian dự kiến: từ ngày 5/10/2026 đến ngày 9/10/2026.",  # the schedule of an event
    "báo cáo số liệu tính từ ngày 01/01/2026 đến ngày 30/6/2026",  # a reporting period
    "triển khai từ ngày 11/9 đến hết năm 2026",  # a period of work that runs to a year's end
    "thực hiện trong giai đoạn từ năm 2026 đến năm 2030",
])
def test_windows_that_are_not_deadlines(phrase: str) -> None:
    assert pick_deadline(phrase, issued_on=ISSUED) is None


@pytest.mark.parametrize(("phrase", "due"), [
    ("duy trì lực lượng tới ngày 30/6/2026", "2026-06-30"),
    ("- Thời gian thực hiện: Quý II/2026.", "2026-06-30"),
    ("đề nghị lùi thời hạn hoàn thành sang tháng 12 năm 2026", "2026-12-31"),
    ("hoàn thành việc chỉnh trang trước Quốc khánh 2/9", "2026-09-02"),
])
def test_more_deadline_cues(phrase: str, due: str) -> None:
    found = pick_deadline(phrase, issued_on=ISSUED)
    assert found is not None and found.due.isoformat() == due


@pytest.mark.parametrize("phrase", [
    "Giấy phép có hiệu lực đến ngày 31/12/2027.",  # how long a paper holds
    "- Thời gian thực hiện: từ quý II/2026.",  # when work starts
    "Hội nghị dự kiến tổ chức trong tháng 6 năm 2026.",  # an event
])
def test_dates_that_do_not_end_work(phrase: str) -> None:
    assert pick_deadline(phrase, issued_on=ISSUED) is None


@pytest.mark.parametrize(("text", "leads"), [
    # the unit that opens the text with its own work, before units asked or named further on
    ("Sở Nội vụ tổng hợp danh sách, báo cáo. Ủy ban nhân dân tỉnh yêu cầu các huyện nghiêm túc thực hiện.",
     ["Sở Nội vụ"]),
    ("Bộ Công Thương căn cứ quy định hiện hành, giao cơ quan chuyên môn có thẩm quyền thực hiện việc cấp phép.",
     ["Bộ Công Thương"]),
    ("Sở Y tế nghiên cứu kỹ ý kiến các chuyên gia. Sở Tài chính khẩn trương có văn bản gửi Sở Y tế.", ["Sở Y tế"]),
    # … but not the one who asks or reports
    ("Ủy ban nhân dân huyện giao Phòng Kinh tế rà soát số liệu.", ["Phòng Kinh tế"]),
    # "và các …" after a name: two units, "tổ chức" is the kind of the second, not its verb
    ("Ủy ban nhân dân huyện và các tổ chức đoàn thể triển khai thực hiện.",
     ["Ủy ban nhân dân huyện", "các tổ chức đoàn thể"]),
    # a time or manner word after the name is not part of it
    ("Sở Tài chính hằng tháng báo cáo UBND tỉnh.", ["Sở Tài chính"]),
    ("Sở Xây dựng định kỳ kiểm tra.", ["Sở Xây dựng"]),
    ("Công an tỉnh khẩn trương điều tra.", ["Công an tỉnh"]),
    ("Sở Công Thương chủ động làm việc với các doanh nghiệp.", ["Sở Công Thương"]),
    # a name that runs past its verb ("… lắp đặt và") is no name
    ("Các đơn vị khai thác đá sửa sang, chỉnh trang và vận hành trạm cân.", []),
    ("Các đơn vị khai thác đá đầu tư, lắp đặt và vận hành trạm cân.", ["Các đơn vị khai thác đá"]),
    ("Ban Quản lý dự án đầu tư xây dựng huyện khẩn trương bàn giao mặt bằng.",
     ["Ban Quản lý dự án đầu tư xây dựng huyện"]),
])
def test_opening_doer(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN LẠC
Số: 15/KH-UBND
An Lạc, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Triển khai công tác bảo đảm an toàn giao thông năm 2026
II. NHIỆM VỤ, GIẢI PHÁP
1. Công an tỉnh:
- Chỉ đạo Phòng Cảnh sát giao thông khẩn trương tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ.
- Hướng dẫn Công an các xã lập danh sách các điểm đen về tai nạn giao thông.
2. Sở Xây dựng:
- Phối hợp với Công an tỉnh và Ủy ban nhân dân các xã rà soát biển báo trên các tuyến đường.
"""


def test_directing_others_under_a_unit_heading_keeps_the_heading_unit() -> None:
    from bot.ingest import parse_notice
    tasks = parse_notice(PLAN).tasks
    by_text = {t.text.split()[0]: t for t in tasks}
    assert by_text["Chỉ"].lead == ("Công an tỉnh",)
    assert by_text["Hướng"].lead == ("Công an tỉnh",)
    assert by_text["Phối"].lead == ("Sở Xây dựng",)
    assert by_text["Phối"].support == ("Công an tỉnh", "Ủy ban nhân dân các xã")


@pytest.mark.parametrize(("text", "supports"), [
    # "… và các cơ quan liên quan", "… và địa phương …" are more supporters, not the end of the list
    ("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan hướng dẫn các huyện.",
     ["Sở Tài chính", "các cơ quan liên quan"]),
    ("Phối hợp với Công an tỉnh, các sở, ngành và chính quyền địa phương tổ chức kiểm tra.",
     ["Công an tỉnh", "các sở, ngành", "chính quyền địa phương"]),
    # a bullet that opens with "Phối hợp với X" under a unit heading
    ("Phối hợp với UBND xã Tân An tổ chức bồi thường, giải phóng mặt bằng.", ["UBND xã Tân An"]),
    # the unit asked to cooperate is the lead, not a supporter
    ("Yêu cầu UBND các xã phối hợp và tổ chức thực hiện.", []),
    # whom the lead directs, and whom they work with, are not the lead's supporters
    ("Tăng cường chỉ đạo các đội nghiệp vụ chủ động nắm tình hình và phối hợp với chính quyền cơ sở xử lý vi phạm.",
     []),
    # … but the lead's own cooperation after a comma is
    ("UBND các tỉnh chỉ đạo các cơ quan trên địa bàn, phối hợp chặt chẽ với Bộ Công an để bảo đảm an toàn.",
     ["Bộ Công an"]),
])
def test_supports(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


def test_semicolon_list_of_groups_up_to_the_verb() -> None:
    text = ("Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị của tỉnh; các phòng, ban, ngành và các hộ gia đình "
            "trên địa bàn huyện treo cờ Tổ quốc.")
    assert find_leads(text) == ["các cơ quan, đơn vị của tỉnh", "các phòng, ban, ngành",
                                "các hộ gia đình trên địa bàn huyện"]


@pytest.mark.parametrize(("text", "leads"), [
    # past an opening phrase, the first group that acts
    ("Trên cơ sở Chỉ thị số 05-CT/TU, Kế hoạch hành động, các sở, ban, ngành, Ủy ban nhân dân các huyện xây dựng "
     "kế hoạch thực hiện.", ["các sở, ban, ngành", "Ủy ban nhân dân các huyện"]),
    # … not the units whose reports ground the work
    ("Trên cơ sở báo cáo của các phòng, ban, đơn vị, Văn phòng Ủy ban nhân dân huyện có nhiệm vụ tổng hợp.",
     ["Văn phòng Ủy ban nhân dân huyện"]),
])
def test_subject_after_an_opening_phrase(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # who asks ("X yêu cầu: …") is not who acts
    ("Chủ tịch UBND huyện yêu cầu: từ ngày 1/9/2026 đến hết ngày 3/9/2026, các cơ quan trực thuộc bố trí trực.",
     ["các cơ quan trực thuộc"]),
    # "Đối với X, Y đề nghị: …": X acts
    ("Đối với các phòng, ban chuyên môn, đồng chí Chủ tịch đề nghị: căn cứ chức năng, nhiệm vụ tổ chức thực hiện.",
     ["các phòng, ban chuyên môn"]),
    # a capitalised kind after "các" is still a group
    ("Ban Quản lý rừng phòng hộ, các Công ty Lâm nghiệp chủ động triển khai.",
     ["Ban Quản lý rừng phòng hộ", "các Công ty Lâm nghiệp"]),
])
def test_who_asks_and_who_acts(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # a topic line before the colon, then the doer
    ("Về việc sắp xếp trụ sở: Sở Tài chính rà soát, giao cơ quan chuyên môn lập phương án.", ["Sở Tài chính"]),
    # who issues or grants in a passive phrase is not the doer
    ("Giấy phép do Sở Công Thương cấp phải được lưu tại cơ sở.", []),
    # "Đề nghị Bộ A chỉ đạo Cục B …": Bộ A
    ("Đề nghị Bộ Xây dựng chỉ đạo Cục Đường bộ rà soát hồ sơ.", ["Bộ Xây dựng"]),
])
def test_topic_passive_and_relayed_asks(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # verbs glued after a name
    ("Giao Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh tuần tra khu vực biên giới.",
     ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"]),
    ("Đề nghị Sở Công Thương hoặc Công an tỉnh kiểm tra cơ sở.", ["Sở Công Thương", "Công an tỉnh"]),
    ("Đề nghị các hộ kinh doanh trên địa bàn xã kê khai thuế đúng hạn.", ["các hộ kinh doanh trên địa bàn xã"]),
])
def test_names_end_at_their_verb(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


PLAN_WITH_PRIVATE = """ỦY BAN NHÂN DÂN
TỈNH AN LẠC
Số: 16/KH-UBND
An Lạc, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Quản lý khai thác cát sỏi
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Nông nghiệp và Môi trường:
- Rà soát các giấy phép khai thác đã cấp.
- Yêu cầu các doanh nghiệp khai thác cát lắp đặt camera giám sát tại bến bãi.
"""


def test_requiring_businesses_under_a_unit_heading_keeps_the_heading_unit() -> None:
    from bot.ingest import parse_notice
    task = next(t for t in parse_notice(PLAN_WITH_PRIVATE).tasks if t.text.startswith("Yêu cầu"))
    assert task.lead == ("Sở Nông nghiệp và Môi trường",)


def test_requiring_businesses_with_no_unit_above_names_them() -> None:
    assert find_leads("Yêu cầu các doanh nghiệp khai thác cát lắp đặt camera giám sát.") == \
        ["các doanh nghiệp khai thác cát"]


def test_a_past_deadline_told_as_background_is_not_the_tasks() -> None:
    text = ("Sở Tư pháp đã có văn bản đề nghị các xã gửi số liệu trước ngày 10/02/2026, nhưng đến nay vẫn chưa nhận "
            "được. Đề nghị UBND các xã khẩn trương gửi số liệu.")
    assert pick_deadline(text, issued_on=ISSUED) is None
    # a past date told as the task's own deadline stays (the document says so)
    found = pick_deadline("hoàn thành trước ngày 20/02/2026.", issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2026, 2, 20)


CONSULTATION = """ỦY BAN NHÂN DÂN
HUYỆN AN LẠC
Số: 30/TB-UBND
An Lạc, ngày 2 tháng 3 năm 2026
THÔNG BÁO
Về việc lấy ý kiến về Kế hoạch sử dụng đất năm 2026
1. Thời gian lấy ý kiến: từ ngày 5/3/2026 đến ngày 25/3/2026.
2. Giao:
- Phòng Kinh tế huyện tiếp nhận các ý kiến góp ý, hoàn thiện hồ sơ.
- UBND các xã nghiên cứu hồ sơ, tổng hợp, cho ý kiến bằng văn bản đối với Kế hoạch.
"""


def test_a_comment_window_dates_the_tasks_that_give_opinions() -> None:
    from bot.ingest import parse_notice
    tasks = {t.text.split()[0]: t for t in parse_notice(CONSULTATION).tasks}
    assert tasks["UBND"].due == dt.date(2026, 3, 25)
    assert tasks["Phòng"].due is None  # receiving the opinions has no date of its own


@pytest.mark.parametrize(("text", "leads"), [
    # group addressees as leads, as written
    ("Giám đốc các Sở và Thủ trưởng các ban, ngành; Chủ tịch UBND các xã, phường: Khẩn trương kiện toàn bộ máy.",
     ["Giám đốc các Sở", "Thủ trưởng các ban, ngành", "Chủ tịch UBND các xã, phường"]),
    ("Thủ trưởng các sở, ban, ngành tỉnh chịu trách nhiệm triển khai.", ["Thủ trưởng các sở, ban, ngành tỉnh"]),
    ("Đề nghị các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố rà soát.",
     ["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố"]),
    # owners
    ("Chủ đầu tư các dự án khẩn trương hoàn thiện hồ sơ.", ["Chủ đầu tư các dự án"]),
])
def test_group_addressees_as_leads(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_heading_with_the_acting_office_in_brackets() -> None:
    assert heading_units("Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh)") == ["Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh)"]


@pytest.mark.parametrize(("text", "leads"), [
    # praise or thanks after a name: the unit asked later acts
    ("Ban Thường vụ Huyện ủy đánh giá cao kết quả đạt được và yêu cầu các chi bộ tiếp tục phát huy.", ["các chi bộ"]),
    # an event the unit held, then what it decided there
    ("UBND huyện tổ chức hội nghị sơ kết công tác. Tại hội nghị, đồng chí Chủ tịch giao Phòng Y tế rà soát.",
     ["Phòng Y tế"]),
    # "làm việc" is work, not "là"
    ("Sở Tư pháp làm việc với các sở để thống nhất dự thảo.", ["Sở Tư pháp"]),
])
def test_opening_unit_that_only_praises(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # scope notes in brackets are not part of the names
    ("Cơ quan chủ trì: Bộ Nội vụ (đối với nội dung về biên chế), Bộ Tài chính (đối với nội dung về kinh phí).",
     ["Bộ Nội vụ", "Bộ Tài chính"]),
    # a capitalised second word of the kind
    ("Tổng Công ty Điện lực miền Bắc chủ trì bảo đảm cấp điện.", ["Tổng Công ty Điện lực miền Bắc"]),
    ("Trung Tâm Y tế huyện khẩn trương triển khai tiêm chủng.", ["Trung Tâm Y tế huyện"]),
])
def test_brackets_and_capitalised_kinds(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_time_cell_of_a_flattened_task_table() -> None:
    row = ("Xây dựng Thông tư hướng dẫn Cơ quan chủ trì: Bộ Nội vụ. Cơ quan phối hợp: các bộ. Sản phẩm: Thông tư "
           "của Bộ trưởng Quý III/2026 bảo đảm thống nhất.")
    found = pick_deadline(row, issued_on=ISSUED)
    assert found is not None and found.due == dt.date(2026, 9, 30)
    # in prose a capitalised quarter that names the plan is not a deadline
    assert pick_deadline("Xây dựng kế hoạch công tác Quý III/2026 của Sở.", issued_on=ISSUED) is None


DELEGATION = """ỦY BAN NHÂN DÂN
TỈNH AN LẠC
Số: 120/QĐ-UBND
An Lạc, ngày 2 tháng 3 năm 2026
QUYẾT ĐỊNH
Về việc ủy quyền cấp giấy phép
ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Ủy quyền cho Giám đốc Sở Xây dựng thành lập Hội đồng thẩm định cấp giấy phép xây dựng.
Điều 2. Trách nhiệm của người được ủy quyền
1. Chuẩn bị các nguồn lực để bảo đảm thực hiện nhiệm vụ được ủy quyền.
2. Báo cáo kết quả thực hiện nhiệm vụ được ủy quyền cho Ủy ban nhân dân tỉnh theo quy định.
"""


def test_duties_of_a_delegate_go_to_the_delegate() -> None:
    from bot.ingest import parse_notice
    tasks = [t for t in parse_notice(DELEGATION).tasks if t.text.startswith(("Chuẩn bị", "Báo cáo"))]
    assert tasks and all(t.lead == ("Giám đốc Sở Xây dựng",) for t in tasks)


@pytest.mark.parametrize(("names", "units"), [
    # a named unit, then lower-case groups: each group whole
    ("Sở Nội vụ, cơ quan, đơn vị liên quan", ["Sở Nội vụ", "cơ quan, đơn vị liên quan"]),
    ("Bộ Công Thương, cơ quan, tổ chức có liên quan, cơ sở kinh doanh xăng dầu",
     ["Bộ Công Thương", "cơ quan, tổ chức có liên quan", "cơ sở kinh doanh xăng dầu"]),
    ("Công an huyện, chính quyền địa phương", ["Công an huyện", "chính quyền địa phương"]),
    # a group of kinds stays whole
    ("các sở, ban, ngành, đơn vị", ["các sở, ban, ngành, đơn vị"]),
    ("các cơ quan, đơn vị, địa phương liên quan", ["các cơ quan, đơn vị, địa phương liên quan"]),
    ("Bộ, cơ quan, tổ chức có liên quan", ["Bộ, cơ quan, tổ chức có liên quan"]),
])
def test_named_unit_then_groups(names: str, units: list[str]) -> None:
    from bot.ingest.units import split_units
    assert split_units(names) == units
