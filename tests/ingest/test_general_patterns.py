"""General phrasing patterns of notices the parser was not written against (issue 8).

Every snippet here is a short example of a phrasing pattern, written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline
from bot.ingest.units import find_leads
from storage.parsed import ParsedNotice, ParsedTask
from storage.vntext import fold

HEAD = """ỦY BAN NHÂN DÂN
TỈNH MINH HẢI
Số: 55/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Minh Hải, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ các dự án
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Nam
"""


def _task(n: ParsedNotice, start: str) -> ParsedTask:
    hits = [t for t in n.tasks if start in t.text]
    assert hits, f"no task with {start!r}: {[t.text for t in n.tasks]}"
    return hits[0]


# ---------------------------------------------------------------- units named by a heading

def test_items_inherit_the_unit_heading_across_nesting() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ THỜI GIAN TỚI
1. Sở Kiến trúc:
a) Hoàn thiện hồ sơ quy hoạch chung đô thị.
b) Hướng dẫn các chủ đầu tư tháo gỡ vướng mắc về thủ tục cấp phép.
- Rà soát các công trình chậm tiến độ.
+ Báo cáo kết quả về UBND tỉnh hằng tháng.
2.1. Giao Sở Giao thông:
- Kiểm tra mặt đường sau mưa lũ.
""" + SIGNATURE)
    for start in ("Hoàn thiện hồ sơ", "Hướng dẫn các chủ đầu tư", "Rà soát các công trình", "Báo cáo kết quả"):
        t = _task(n, start)
        assert t.lead == ("Sở Kiến trúc",) and t.lead_source == "heading", start
    assert _task(n, "Kiểm tra mặt đường").lead == ("Sở Giao thông",)


def test_unit_heading_with_the_body_on_the_next_line_is_not_glued() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ
1. Sở Kiến trúc
Tập trung hoàn thiện hồ sơ quy hoạch.
2. Công ty Cấp nước Minh Hải
Khảo sát phương án di chuyển đường ống.
""" + SIGNATURE)
    assert _task(n, "hoàn thiện hồ sơ").lead == ("Sở Kiến trúc",)
    assert _task(n, "Khảo sát phương án").lead == ("Công ty Cấp nước Minh Hải",)


def test_numbering_past_ninety_nine() -> None:
    items = "\n".join(f"{i}. Sở Kiến trúc rà soát hạng mục số {i} của dự án." for i in range(97, 103))
    n = parse_notice(HEAD + "II. NHIỆM VỤ\n" + items + "\n" + SIGNATURE)
    assert len(n.tasks) == 6
    assert all(t.lead == ("Sở Kiến trúc",) for t in n.tasks)
    assert "hạng mục số 101" in n.tasks[4].text and "hạng mục số 102" not in n.tasks[4].text


# ---------------------------------------------------------------- unit names and lists

@pytest.mark.parametrize(("text", "leads"), [
    ("Sở Tài chính hằng tháng báo cáo tình hình giải ngân", ["Sở Tài chính"]),
    ("Sở Nội vụ định kỳ 6 tháng tổng hợp kết quả", ["Sở Nội vụ"]),
    ("Công an tỉnh trước ngày 15/5/2026 hoàn thành điều tra", ["Công an tỉnh"]),
    ("Sở Y tế trong tháng 5/2026 tổ chức kiểm tra", ["Sở Y tế"]),
    ("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh chủ trì diễn tập",
     ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"]),
    ("Sở Công Thương hoặc Công an tỉnh kiểm tra các cửa hàng", ["Sở Công Thương", "Công an tỉnh"]),
    ("Sở Lao động - Thương binh và Xã hội chủ trì tổng hợp", ["Sở Lao động - Thương binh và Xã hội"]),
    ("Giao Sở Văn hóa, Thể thao và Du lịch tổ chức lễ hội", ["Sở Văn hóa, Thể thao và Du lịch"]),
])
def test_unit_names_stop_before_time_words_and_lists_split(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


# ---------------------------------------------------------------- deadlines

@pytest.mark.parametrize(("text", "due"), [
    ("Trình phương án sắp xếp sang tháng 12 năm 2026.", dt.date(2026, 12, 31)),
    ("Hoàn thành việc kiểm kê trong quý III/2026.", dt.date(2026, 9, 30)),
    ("Tổ chức các hoạt động chào mừng, hoàn thành trước Quốc khánh 2/9.", dt.date(2026, 9, 2)),
    ("Bàn giao mặt bằng trước ngày Quốc khánh 02/9/2026.", dt.date(2026, 9, 2)),
])
def test_deadline_phrases(text: str, due: dt.date) -> None:
    d = pick_deadline(text, issued_on=dt.date(2026, 3, 10))
    assert d is not None and d.due == due


def test_an_event_date_is_not_a_deadline() -> None:
    text = "Bộ dự kiến tổ chức hội nghị sơ kết trong tháng 7 năm 2026 tại Hà Nội."
    assert pick_deadline(text, issued_on=dt.date(2026, 3, 10)) is None


def test_shared_deadline_and_lead_in_the_lead_in() -> None:
    n = parse_notice("""BỘ KIẾN TRÚC
Số: 1200/BKT-KH
V/v báo cáo tình hình thực hiện dự toán
Hà Nội, ngày 02 tháng 6 năm 2026
Kính gửi: Các sở, ban, ngành
Bộ dự kiến tổ chức hội nghị sơ kết trong tháng 7 năm 2026. Đề nghị UBND các tỉnh, thành phố báo cáo các nội dung sau, \
gửi về Bộ Kiến trúc trước ngày 20/6/2026:
1. Tình hình thực hiện dự toán thu ngân sách 5 tháng đầu năm.
2. Các khó khăn, vướng mắc trong quá trình thực hiện.
3. Đề xuất, kiến nghị các giải pháp.
""" + SIGNATURE)
    assert len(n.tasks) == 3
    for t in n.tasks:
        assert t.due == dt.date(2026, 6, 20)
        assert t.lead == ("UBND các tỉnh, thành phố",) and t.lead_source == "heading"


# ---------------------------------------------------------------- not tasks, not glued

def test_closing_lines_and_signature_are_not_glued_onto_the_last_task() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ
1. Sở Kiến trúc rà soát quy hoạch.
2. Sở Văn hóa tổ chức các hoạt động chào mừng.
Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.
Yêu cầu các đơn vị nghiêm túc thực hiện./.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Nam
""")
    assert len(n.tasks) == 2
    last = n.tasks[-1]
    assert last.text == "Sở Văn hóa tổ chức các hoạt động chào mừng."
    assert last.lead == ("Sở Văn hóa",)


def test_notes_legal_explanations_cases_and_recipient_lists_are_not_tasks() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ
1. Sở Kiến trúc rà soát các dự án chậm tiến độ.
2. Lưu ý: Các khoản chi phải được bố trí trong dự toán được giao.
3. Theo quy định tại điểm h khoản 2 Điều 59 Luật Đầu tư công, dự án phải được điều chỉnh.
4. Đối với dự án đã quyết toán, không phải báo cáo lại.
5. Các đơn vị được kiểm tra gồm:
- Công ty cổ phần Xây dựng Minh Hải;
- Công ty TNHH Thương mại Hưng Phát.
""" + SIGNATURE)
    texts = [t.text for t in n.tasks]
    assert len(texts) == 1 and texts[0].startswith("Sở Kiến trúc rà soát"), texts


def test_objectives_and_assessments_are_not_tasks() -> None:
    n = parse_notice("""KẾ HOẠCH
Phát triển kinh tế tập thể năm 2026
I. MỤC TIÊU
1. Phấn đấu tốc độ tăng trưởng hợp tác xã đạt 10%.
II. NHỮNG KẾT QUẢ NỔI BẬT
1. Sở Nông nghiệp đã hoàn thành tốt việc hỗ trợ hợp tác xã.
III. TỒN TẠI, HẠN CHẾ
1. Công tác tuyên truyền có lúc chưa sâu rộng.
IV. NHIỆM VỤ
1. Sở Nông nghiệp chủ trì tổng kết mô hình hợp tác xã kiểu mới.
""")
    assert [t.text[:30] for t in n.tasks] == ["Sở Nông nghiệp chủ trì tổng kế"]


# ---------------------------------------------------------------- a decision issuing a plan

def test_decision_whose_plan_follows_the_signature_without_a_marker_line() -> None:
    n = parse_notice("""ỦY BAN NHÂN DÂN
TỈNH MINH HẢI
Số: 300/QĐ-UBND
Minh Hải, ngày 15 tháng 4 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển kinh tế tập thể năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển kinh tế tập thể năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Quốc Khánh
KẾ HOẠCH
Phát triển kinh tế tập thể năm 2026
I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Nông nghiệp chủ trì tổng kết mô hình hợp tác xã kiểu mới, hoàn thành trong quý III/2026.
2. Sở Tài chính bố trí kinh phí hỗ trợ hợp tác xã.
""")
    assert n.signer == "Hoàng Quốc Khánh"
    assert n.subject == "Ban hành Kế hoạch phát triển kinh tế tập thể năm 2026"
    assert [t.lead for t in n.tasks] == [("Sở Nông nghiệp",), ("Sở Tài chính",)]
    assert n.tasks[0].due == dt.date(2026, 9, 30)


# ---------------------------------------------------------------- header

def test_issuer_as_written() -> None:
    n = parse_notice(HEAD + "1. Sở Kiến trúc rà soát quy hoạch.\n")
    assert n.issuer == "Ủy ban nhân dân tỉnh Minh Hải"
    n = parse_notice("UBND TỈNH MINH HẢI\nVĂN PHÒNG\nSố: 12/VP-TH\nTHÔNG BÁO\nKết luận\n1. Sở Kiến trúc rà soát.\n")
    assert n.issuer == "UBND tỉnh Minh Hải"
    n = parse_notice("TỈNH ỦY MINH HẢI\nBAN TUYÊN GIÁO\nSố 12-TB/BTG\nTHÔNG BÁO\nKết luận\n1. Sở Kiến trúc rà soát.\n")
    assert n.issuer == "Ban Tuyên giáo"


def test_subject_stops_where_the_body_starts() -> None:
    n = parse_notice(HEAD.replace("các dự án\n", "các dự án\nNgày 05/3/2026, tại trụ sở UBND tỉnh, Chủ tịch UBND "
                                  "tỉnh chủ trì cuộc họp.\n") + "1. Sở Kiến trúc rà soát quy hoạch.\n")
    assert n.subject == "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ các dự án"


# ---------------------------------------------------------------- lead source

def test_lead_source_kinds_and_json_round_trip() -> None:
    n = parse_notice("""CÔNG VĂN
Kính gửi: Sở Kiến trúc
1. Rà soát quy hoạch chung đô thị.
2. Giao Sở Tài chính bố trí kinh phí.
""")
    assert [(t.lead, t.lead_source) for t in n.tasks] == [
        (("Sở Kiến trúc",), "addressee"), (("Sở Tài chính",), "text")]
    assert ParsedNotice.from_json(n.to_json()).to_json() == n.to_json()
    old = n.to_json()
    for t in old["tasks"]:
        del t["lead_source"]
    assert ParsedNotice.from_json(old).tasks[0].lead_source is None


@pytest.mark.parametrize(("text", "leads"), [
    ("Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát danh sách",
     ["Hiệu trưởng các trường", "Thủ trưởng các đơn vị trực thuộc"]),
    ("Phó Giám đốc Sở chỉ đạo kiểm tra việc cấp phép", ["Phó Giám đốc Sở"]),
    ("Trưởng phòng Kế hoạch chủ trì tổng hợp số liệu", ["Trưởng phòng Kế hoạch"]),
])
def test_people_by_title_are_leads(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_an_item_that_assigns_work_and_lists_it_is_a_task() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ
1. Phòng Quản lý công nghiệp
Chủ trì tham mưu Lãnh đạo Sở thực hiện các nhiệm vụ được ủy quyền, bao gồm:
- Cấp giấy chứng nhận huấn luyện kỹ thuật an toàn;
- Cấp giấy phép sử dụng vật liệu nổ công nghiệp.
""" + SIGNATURE)
    assert _task(n, "Chủ trì tham mưu").lead == ("Phòng Quản lý công nghiệp",)
    assert _task(n, "Cấp giấy phép sử dụng").lead == ("Phòng Quản lý công nghiệp",)


def test_one_task_per_doer_in_a_paragraph_and_the_closing_deadline_dates_them_all() -> None:
    n = parse_notice("""CÔNG VĂN
Kính gửi: Các sở, ban, ngành
Ban Tuyên giáo Huyện ủy chủ trì xây dựng đề cương tuyên truyền; Ban Tổ chức Huyện ủy rà soát nhân sự cấp ủy. \
Báo cáo kết quả gửi về Thường trực Huyện ủy trước ngày 10/01/2026.
""" + SIGNATURE)
    first = _task(n, "đề cương tuyên truyền")
    second = _task(n, "rà soát nhân sự")
    assert first is not second
    assert first.lead == ("Ban Tuyên giáo Huyện ủy",) and second.lead == ("Ban Tổ chức Huyện ủy",)
    assert first.due == second.due == dt.date(2026, 1, 10)


def test_a_month_in_the_lead_in_dates_the_bullets_and_hamlets_are_units() -> None:
    n = parse_notice("""THÔNG BÁO
Kết luận hội nghị, đồng chí Bí thư Đảng ủy xã nhấn mạnh công việc cần thực hiện trong tháng 9 năm 2026, cụ thể như sau:
- Các ấp tập trung chỉ đạo công tác sản xuất vụ mùa.
- Giao Ủy ban nhân dân xã chỉ đạo tăng cường công tác tuần tra.
""")
    hamlets = _task(n, "công tác sản xuất")
    assert hamlets.lead == ("Các ấp",) and hamlets.due == dt.date(2026, 9, 30)
    assert _task(n, "tuần tra").due == dt.date(2026, 9, 30)


def test_a_sentence_pointing_back_at_the_units_stays_with_the_ask() -> None:
    n = parse_notice("""CÔNG VĂN
Kính gửi: Các trường học
Đề nghị Hiệu trưởng các trường rà soát việc thu quỹ. Đơn vị nào chưa thu thì khẩn trương thu. \
Các đơn vị thực hiện trước ngày 24/3/2026.
""" + SIGNATURE)
    assert len(n.tasks) == 1
    assert n.tasks[0].lead == ("Hiệu trưởng các trường",) and n.tasks[0].due == dt.date(2026, 3, 24)


def test_signature_when_the_columns_were_flattened_or_put_in_a_table() -> None:
    body = HEAD + "II. NHIỆM VỤ\n1. Sở Kiến trúc rà soát quy hoạch.\n"
    n = parse_notice(body + "Nơi nhận: GIÁM ĐỐC\n- Như trên;\n- Lưu: VT.\nTrần Văn Bình\nPhụ lục\nHà Nội\n")
    assert n.signer == "Trần Văn Bình"
    n = parse_notice(body + "| *Nơi nhận:* - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG  THỨ TRƯỞNG     Lê Quốc Trị |\n"
                     "| --- | --- |\nPHỤ LỤC\n1. Cục Lâm nghiệp tổ chức hội nghị.\n")
    assert n.signer == "Lê Quốc Trị" and n.signer_authority == "KT"


def test_a_fill_in_report_form_attached_is_not_tasks() -> None:
    n = parse_notice(HEAD + """II. NHIỆM VỤ
1. Các trường báo cáo kết quả theo mẫu kèm theo trước ngày 30/9/2026.
""" + SIGNATURE + """Phụ lục: báo cáo kết quả triển khai
*(Kèm theo Công văn số 12/BKT ngày 10/3/2026)*
1. Tên đơn vị: ..........................
2. Đầu mối liên hệ: ..........................
3. Đã rà soát hệ thống: □ Đã thực hiện □ Chưa thực hiện
4. Đề xuất, kiến nghị: ..........................
""")
    assert len(n.tasks) == 1


def test_a_section_heading_naming_its_unit_leads_the_items() -> None:
    n = parse_notice("""KẾ HOẠCH
Triển khai chỉ thị về tín chỉ các-bon
II. NHIỆM VỤ CHỦ YẾU CỦA BỘ KIẾN TRÚC
1. Xây dựng và ban hành kế hoạch giảm phát thải.
2. Phối hợp với các bộ rà soát danh mục dự án.
""")
    assert all(fold_lead == ("bo kien truc",) for fold_lead in
               (tuple(fold(u) for u in t.lead) for t in n.tasks)) and len(n.tasks) == 2
    assert n.tasks[0].lead_source == "heading"


def test_a_year_range_in_the_time_column_ends_at_its_last_year() -> None:
    d = pick_deadline("Xây dựng hệ thống. Thời gian hoàn thành: 2024 - 2030.", issued_on=dt.date(2024, 5, 1))
    assert d is not None and d.due == dt.date(2030, 12, 31)


def test_journals_are_units_of_their_own() -> None:
    assert find_leads("Giao Báo Kiến trúc, Tạp chí Kiến trúc thực hiện chuyên mục") == [
        "Báo Kiến trúc", "Tạp chí Kiến trúc"]


@pytest.mark.parametrize(("text", "number", "date"), [
    ("Ngày 16/4/2026, UBND tỉnh ban hành công văn số 1232/UBND-VP gửi các sở, ngành về việc trực lễ.",
     "1232/UBND-VP", dt.date(2026, 4, 16)),
    ("Ban Thường vụ Huyện ủy có Công văn số 4182-CV/HU yêu cầu các cấp ủy tổ chức đại hội.", "4182-CV/HU", None),
    ("Công văn số 1238 ngày 8/11/2026 V/v báo cáo số liệu cải cách hành chính.", "1238", dt.date(2026, 11, 8)),
    ("Về việc báo cáo tình hình ô nhiễm môi trường (3585/VP-KTN, ngày 23/10/2026).", "3585/VP-KTN",
     dt.date(2026, 10, 23)),
    ("UBND tỉnh vừa ban hành công văn (số 3018/UBND-KTN) yêu cầu các ngành triển khai.", "3018/UBND-KTN", None),
    ("Ngày 06/4, Đảng ủy ban hành Công văn số 391 - CV/ĐU, hướng dẫn tuyên truyền.", "391-CV/ĐU", None),
])
def test_a_rendition_tells_its_own_number(text: str, number: str, date: dt.date | None) -> None:
    n = parse_notice(text + "\nĐề nghị các đơn vị triển khai thực hiện.\n")
    assert n.number == number and n.date == date


def test_a_cited_document_is_not_the_own_number() -> None:
    n = parse_notice("Thực hiện Công văn số 2964/VPCP-TH ngày 15/4/2026, đề nghị các sở triển khai thực hiện.\n")
    assert n.number is None


@pytest.mark.parametrize(("text", "leads"), [
    ("Đồng ý để Công ty Cổ phần Xây dựng Minh Hải thực hiện việc khảo sát", ["Công ty Cổ phần Xây dựng Minh Hải"]),
    ("Thường trực Thị ủy cũng yêu cầu Ủy ban nhân dân thị xã chỉ đạo lập báo cáo", ["Ủy ban nhân dân thị xã"]),
    ("Ban Thường vụ Huyện ủy đề nghị Đảng bộ xã Tân Việt, Chi bộ Trường Tiểu học An Hòa chuẩn bị đại hội",
     ["Đảng bộ xã Tân Việt", "Chi bộ Trường Tiểu học An Hòa"]),
    ("Cấp ủy cấp trên chịu trách nhiệm chỉ đạo, kiểm tra", ["Cấp ủy cấp trên"]),
    ("UBND tỉnh vừa có Chỉ thị yêu cầu UBND các huyện sửa chữa công trình", ["UBND các huyện"]),
])
def test_party_units_consent_and_speakers(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_an_intro_sentence_is_not_split_off_as_a_task() -> None:
    n = parse_notice("""THÔNG TIN PHẢN HỒI
UBND tỉnh nhận được đơn kiến nghị của các hộ dân về việc thi công đường. Sau khi xem xét, UBND tỉnh có ý kiến như sau:
Giao UBND huyện Minh Hải xem xét, trả lời kiến nghị của các hộ dân trong tháng 3/2026.
""")
    assert [t.lead for t in n.tasks] == [("UBND huyện Minh Hải",)]


def test_a_table_header_in_the_attachment_does_not_move_the_body_start() -> None:
    n = parse_notice("""BỘ KIẾN TRÚC
Số: 1153/BKT-QL
V/v triển khai nghị định
Hà Nội, ngày 03 tháng 02 năm 2026
Kính gửi: Ủy ban nhân dân các tỉnh
Bộ Kiến trúc đề nghị Ủy ban nhân dân các tỉnh thực hiện các nhiệm vụ sau:
1. Bố trí nguồn lực để tổ chức thi hành nghị định.
2. Kịp thời báo cáo về Bộ Kiến trúc những khó khăn, vướng mắc.
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG
Trần Đức Thắng
PHỤ LỤC
STT | Mã thủ tục | Tên thủ tục | Số quyết định công bố
1. | 1.0139 | Đăng ký đất đai | 3380/QĐ-BKT
""")
    assert [t.text[:20] for t in n.tasks] == ["Bố trí nguồn lực để ", "Kịp thời báo cáo về "]
    assert all(t.lead == ("Ủy ban nhân dân các tỉnh",) for t in n.tasks)


def test_the_closing_call_dates_the_items_and_is_not_glued_on() -> None:
    n = parse_notice("""CÔNG VĂN
Kính gửi: Các sở, ban, ngành; UBND các huyện
Sở Nội vụ đề nghị các đơn vị báo cáo số liệu như sau:
1. Đối với các sở, ban, ngành báo cáo theo phụ lục 1.
2. UBND các huyện báo cáo theo phụ lục 2.
Sở Nội vụ trân trọng đề nghị các cơ quan, đơn vị phối hợp thực hiện, gửi báo cáo trước ngày 18/11/2026./.
""")
    assert [t.lead for t in n.tasks] == [("các sở, ban, ngành",), ("UBND các huyện",)]
    assert all(t.due == dt.date(2026, 11, 18) for t in n.tasks)
    assert "trân trọng" not in n.tasks[-1].text


def test_rendition_furniture_is_not_tasks() -> None:
    n = parse_notice("""Tiếp tục điều chuyển vốn ở những dự án triển khai chậm
04/11/2026 15:39
Sáng ngày 03/11/2026, UBND tỉnh tổ chức cuộc họp về giải ngân vốn đầu tư công.
Đồng chí Trần Văn An, Phó Chủ tịch UBND tỉnh, chủ trì cuộc họp.
Cử tri thị trấn Sơn Hà đề nghị:
Đề nghị Sở Kế hoạch và Đầu tư rà soát, điều chuyển vốn của các dự án chậm giải ngân.
Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Kế hoạch và Đầu tư triển khai thực hiện.
""")
    assert [t.lead for t in n.tasks] == [("Sở Kế hoạch và Đầu tư",)]
    assert n.subject == "Tiếp tục điều chuyển vốn ở những dự án triển khai chậm"


def test_paragraphs_after_the_opinion_intro_direct() -> None:
    n = parse_notice("""VĂN PHÒNG CHÍNH PHỦ
Số: 2541/VPCP-QHQT
V/v phát triển công nghiệp hỗ trợ
Hà Nội, ngày 20 tháng 04 năm 2026
Kính gửi: Bộ Công Thương
Xét báo cáo của Phòng Thương mại và Công nghiệp Việt Nam, Phó Thủ tướng có ý kiến như sau:
Bộ Công Thương nghiên cứu giải quyết các đề xuất của Phòng Thương mại và Công nghiệp Việt Nam.
Văn phòng Chính phủ xin thông báo để Bộ Công Thương biết và thực hiện.
""" + SIGNATURE)
    assert [(t.lead, t.text[:22]) for t in n.tasks] == [(("Bộ Công Thương",), "Bộ Công Thương nghiên ")]


def test_a_duty_of_the_object_is_not_the_lead() -> None:
    assert find_leads("Kiểm tra việc tuân thủ quy định của các cơ sở phát thải phải thực hiện kiểm kê") == []


def test_a_rendition_names_who_signed_rather_than_its_byline() -> None:
    n = parse_notice("""Ngày 10/6/2026, đồng chí Lê Văn Ngoan, Phó Bí thư Thường trực Huyện ủy đã ký ban hành \
Công văn số 1127-CV/HU về việc lãnh đạo đại hội chi bộ.
Ban Thường vụ Huyện ủy đề nghị các Đảng bộ trực thuộc Huyện ủy tổ chức đại hội xong trước ngày 30/6/2026.
Minh Kha
""")
    assert n.signer == "Lê Văn Ngoan" and n.number == "1127-CV/HU"


def test_a_markdown_header_over_rows_flattened_with_lettered_sub_rows() -> None:
    n = parse_notice("""KẾ HOẠCH
Triển khai nghị định
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian thực hiện
1
Tuyên truyền, phổ biến nghị định
a)
Tổ chức hội nghị phổ biến nghị định đến các địa phương.
Cục Lâm nghiệp
Vụ Pháp chế
Quý III, IV/2026
b)
Biên soạn tài liệu hướng dẫn thực hiện nghị định.
Cục Lâm nghiệp
Vụ Pháp chế
Quý IV/2026, 2027
2
Tổng kết, đánh giá việc thực hiện nghị định.
Cục Kiểm lâm
Vụ Pháp chế
Thường xuyên
""")
    hn = _task(n, "Tổ chức hội nghị phổ biến")
    assert hn.lead == ("Cục Lâm nghiệp",) and hn.due == dt.date(2026, 12, 31)
    doc = _task(n, "Biên soạn tài liệu")
    assert doc.lead == ("Cục Lâm nghiệp",) and doc.due == dt.date(2027, 12, 31)
    assert _task(n, "Tổng kết, đánh giá").lead == ("Cục Kiểm lâm",)
    assert not any(t.text.startswith("Tuyên truyền, phổ biến") for t in n.tasks), "a group row is a heading"


def test_the_parse_table_says_where_each_lead_came_from() -> None:
    from bot.cli import lead_sources_table

    n = parse_notice("""CÔNG VĂN
Kính gửi: Sở Kiến trúc
1. Rà soát quy hoạch chung đô thị.
2. Giao Sở Tài chính bố trí kinh phí.
""")
    table = lead_sources_table(n)
    assert "1          đơn vị nhận văn bản (Kính gửi, câu kết)" in table
    assert "2          nội dung nhiệm vụ" in table and "Sở Tài chính" in table
