"""Text that is not a task: the law quoted or catalogued, who sits on a board, a board's powers and working rules
(issue 8, item 7); lists a lead-in announces keep their items (item 8).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

LETTER_HEAD = """SỞ CÔNG THƯƠNG TỈNH AN BÌNH
Số: 210/SCT-QLTM
V/v quản lý kinh doanh xăng dầu
An Bình, ngày 12 tháng 3 năm 2026
Kính gửi: Các thương nhân kinh doanh xăng dầu trên địa bàn tỉnh
"""

DECISION_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 88/QĐ-UBND
An Bình, ngày 2 tháng 4 năm 2026
QUYẾT ĐỊNH
Thành lập Ban Chỉ đạo phát triển du lịch tỉnh
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Bình
"""


def _tasks(body: str, *, head: str = LETTER_HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


def _texts(tasks: list[ParsedTask]) -> list[str]:
    return [t.text for t in tasks]


# ---------------------------------------------------------------- the law quoted after its lead-in

QUOTED_LAW = """Sở Công Thương có ý kiến như sau:
1. Về điều kiện kinh doanh
Khoản 2 Điều 8 Nghị định số 10/2026/NĐ-CP quy định:
“1. Thương nhân phải có cửa hàng bán lẻ đáp ứng quy chuẩn kỹ thuật.
2. Cửa hàng phải có cán bộ được đào tạo về phòng cháy.
3. Thương nhân lưu giữ chứng từ mua bán trong năm năm.”
2. Đề nghị các thương nhân rà soát điều kiện kinh doanh của cửa hàng, báo cáo Sở trước ngày 30/4/2026.
"""


def test_numbered_lines_inside_a_quotation_are_the_law_not_items() -> None:
    tasks = _tasks(QUOTED_LAW)
    assert not any(t.text.startswith(("Thương nhân phải", "Cửa hàng phải")) for t in tasks), _texts(tasks)
    assert any(t.text.startswith("Đề nghị các thương nhân rà soát") for t in tasks), _texts(tasks)


CATALOGUE = """1. Yêu cầu các thương nhân kinh doanh xăng dầu:
1.1. Chấp hành nghiêm quy định về niêm yết giá bán lẻ tại cửa hàng.
1.2. Về sổ sách theo dõi nhập, xuất hàng
- Tại Điều 12 Thông tư số 17/2026/TT-BCT quy định về sổ sách như sau:
a) Sổ theo dõi lượng hàng nhập vào bồn chứa;
b) Sổ theo dõi lượng hàng bán ra hằng ngày;
c) Hóa đơn, chứng từ mua hàng của từng lô.
1.3. Báo cáo Sở Công Thương số lượng hàng tồn kho trước ngày 05 hằng tháng.
"""


def test_items_under_a_lead_in_that_says_what_the_law_provides_are_not_tasks() -> None:
    tasks = _tasks(CATALOGUE)
    texts = _texts(tasks)
    assert not any(t.startswith(("Sổ theo dõi", "Hóa đơn", "Tại Điều 12")) for t in texts), texts
    assert any(t.startswith("Chấp hành nghiêm quy định") for t in texts), texts
    assert any(t.startswith("Báo cáo Sở Công Thương số lượng") for t in texts), texts


LAW_LIST_BY_REFERENCE = """1. Các thương nhân tổ chức bán hàng liên tục, không để gián đoạn nguồn cung.
2. Về chứng từ mua bán quy định tại khoản 3 Điều 12 Thông tư số 17/2026/TT-BCT, bao gồm:
a) Hợp đồng mua bán với thương nhân đầu mối;
b) Hóa đơn giá trị gia tăng của từng lần nhập hàng.
"""


def test_a_catalogue_of_what_a_cited_provision_lists_is_not_work() -> None:
    tasks = _tasks(LAW_LIST_BY_REFERENCE)
    assert _texts(tasks) == ["Các thương nhân tổ chức bán hàng liên tục, không để gián đoạn nguồn cung."]


OWN_WORK_CITING_THE_LAW = """1. Các thương nhân thực hiện việc niêm yết giá theo quy định tại Điều 9
Thông tư số 17/2026/TT-BCT, trong đó:
a) Niêm yết rõ giá bán lẻ từng loại hàng tại cột bơm;
b) Cập nhật giá mới ngay khi có thông báo điều chỉnh.
"""


def test_work_that_cites_the_law_keeps_its_items() -> None:
    texts = _texts(_tasks(OWN_WORK_CITING_THE_LAW))
    assert any(t.startswith("Niêm yết rõ giá") for t in texts), texts
    assert any(t.startswith("Cập nhật giá mới") for t in texts), texts


# ---------------------------------------------------------------- a lead-in keeps the items it announces

LEAD_IN_LIST = """1. Các thương nhân thực hiện các nội dung sau:
(1) Rà soát hệ thống bồn chứa tại cửa hàng.
(2) Hồ sơ gửi về Sở Công Thương gồm:
a) Bản sao giấy chứng nhận đủ điều kiện;
b) Báo cáo tình hình kinh doanh quý I/2026.
(3) Tham gia tập huấn phòng cháy do Sở tổ chức.
"""


def test_letters_after_a_parenthesised_lead_in_are_its_own_items() -> None:
    tasks = _tasks(LEAD_IN_LIST)
    refs = {t.text[:20]: t.ref for t in tasks}
    assert refs["Tham gia tập huấn ph"] == "1.3", refs
    third = next(t for t in tasks if t.text.startswith("Tham gia tập huấn"))
    assert "Bản sao" not in third.text


def test_a_wrapped_document_symbol_is_not_a_heading() -> None:
    body = """1. Các thương nhân thực hiện các nội dung sau:
a) Lập sổ theo dõi theo mẫu tại Phụ lục kèm theo Thông tư số
17/2026/TT-BCT;
b) Lưu giữ chứng từ mua hàng tại cửa hàng.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["1.a", "1.b"], [(t.ref, t.text) for t in tasks]
    assert tasks[0].text.endswith("17/2026/TT-BCT;")


# ---------------------------------------------------------------- a board: members, powers, working rules

BOARD = """Điều 1. Thành lập Ban Chỉ đạo phát triển du lịch tỉnh, gồm các thành viên sau đây:
1. Trưởng ban: Phó Chủ tịch Ủy ban nhân dân tỉnh Lê Văn An.
2. Phó Trưởng ban:
- Giám đốc Sở Văn hóa, Thể thao và Du lịch, Phó Trưởng ban thường trực;
- Giám đốc Sở Tài chính.
3. Các ủy viên:
- 01 Phó Giám đốc Sở Xây dựng;
- 01 Phó Giám đốc Công an tỉnh.
Điều 2. Nhiệm vụ của Ban Chỉ đạo:
1. Chỉ đạo xây dựng chương trình phát triển du lịch giai đoạn 2026 - 2030.
2. Kiểm tra, đôn đốc các sở, ngành thực hiện chương trình.
Điều 3. Quyền hạn của Ban Chỉ đạo
1. Yêu cầu các sở, ngành cung cấp thông tin phục vụ công tác chỉ đạo.
2. Được mời dự các cuộc họp của Ủy ban nhân dân tỉnh về du lịch.
Điều 4. Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ.
Điều 5. Chánh Văn phòng UBND tỉnh, các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này./.
"""


def test_members_powers_and_working_rules_of_a_board_are_not_tasks() -> None:
    tasks = _tasks(BOARD, head=DECISION_HEAD)
    texts = _texts(tasks)
    assert len(texts) == 2, texts
    assert texts[0].startswith("Chỉ đạo xây dựng chương trình") and texts[1].startswith("Kiểm tra, đôn đốc")


def test_a_member_line_with_a_role_is_not_a_task_but_a_duty_line_is() -> None:
    body = """Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:
1. Trưởng đoàn: đồng chí Lê Văn An, Phó Giám đốc Sở Xây dựng.
2. Trưởng đoàn: chủ trì xây dựng kế hoạch kiểm tra, báo cáo kết quả trước ngày 30/5/2026.
"""
    texts = _texts(_tasks(body))
    assert texts == ["Trưởng đoàn: chủ trì xây dựng kế hoạch kiểm tra, báo cáo kết quả trước ngày 30/5/2026."]


# ---------------------------------------------------------------- amendments, lists of documents, Q&A after the items

AMENDING = """Sở Công Thương thông báo điều chỉnh Kế hoạch số 12/KH-SCT ngày 05/01/2026 như sau:
1. Điều chỉnh điểm a, b tại mục 2 Phụ lục I như sau: chợ Đông Hòa chuyển sang giai đoạn 2028 - 2030.
2. Bổ sung khoản 4 mục II như sau: chợ đầu mối nông sản được ưu tiên vốn đầu tư công.
3. Giao Phòng Quản lý thương mại hướng dẫn các xã triển khai kế hoạch đã điều chỉnh, báo cáo trước ngày 30/6/2026.
"""


def test_amendments_of_a_plan_are_not_tasks() -> None:
    texts = _texts(_tasks(AMENDING))
    assert texts == ["Giao Phòng Quản lý thương mại hướng dẫn các xã triển khai kế hoạch đã điều chỉnh, báo cáo "
                     "trước ngày 30/6/2026."], texts


DOCUMENT_LIST = """Sở Công Thương gửi các thương nhân các văn bản sau:
- Nghị định số 10/2026/NĐ-CP ngày 05/02/2026 của Chính phủ về kinh doanh xăng dầu;
- Thông tư số 17/2026/TT-BCT ngày 20/02/2026 của Bộ Công Thương: Điều 5, Điều 9;
- Đề nghị các thương nhân nghiên cứu, thực hiện đúng các văn bản trên.
"""


def test_a_list_of_documents_is_not_a_list_of_tasks() -> None:
    texts = _texts(_tasks(DOCUMENT_LIST))
    assert texts == ["Đề nghị các thương nhân nghiên cứu, thực hiện đúng các văn bản trên."], texts


NEWS_QA = """Theo đó, Thủ tướng yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh:
- Tổ chức kiểm tra các cửa hàng xăng dầu trên địa bàn.
- Báo cáo kết quả về Bộ Công Thương trước ngày 15/5/2026.
Kinh doanh xăng dầu cần điều kiện gì?
Theo Nghị định số 10/2026/NĐ-CP, thương nhân kinh doanh xăng dầu phải đáp ứng các điều kiện sau:
- Có cửa hàng bán lẻ đạt quy chuẩn kỹ thuật;
- Có cán bộ được đào tạo về phòng cháy.
"""


def test_questions_and_answers_after_the_items_of_a_news_copy_are_not_tasks() -> None:
    head = "Thủ tướng yêu cầu tăng cường kiểm tra kinh doanh xăng dầu\n"
    texts = _texts(_tasks(NEWS_QA, head=head, tail=""))
    assert texts == ["Tổ chức kiểm tra các cửa hàng xăng dầu trên địa bàn.",
                     "Báo cáo kết quả về Bộ Công Thương trước ngày 15/5/2026."], texts


# ---------------------------------------------------------------- findings, a law speaking of itself

FINDINGS = """Qua theo dõi, Sở Công Thương nhận thấy việc báo cáo của các thương nhân còn một số tồn tại, cụ thể:
- Nhiều thương nhân gửi báo cáo chậm so với thời hạn quy định.
- Số liệu trong báo cáo của một số cửa hàng không khớp với hóa đơn.
1. Đề nghị các thương nhân chấn chỉnh công tác báo cáo, gửi báo cáo quý II trước ngày 10/7/2026.
2. Giao Phòng Quản lý thương mại kiểm tra việc chấp hành chế độ báo cáo.
"""


def test_the_list_after_a_lead_in_to_shortcomings_is_findings_not_tasks() -> None:
    texts = _texts(_tasks(FINDINGS))
    assert [t[:20] for t in texts] == ["Đề nghị các thương n", "Giao Phòng Quản lý t"], texts


LAW_SPEAKS_OF_ITSELF = """1. Các thương nhân thực hiện đúng chế độ lưu giữ chứng từ mua bán xăng dầu.
2. Việc lưu giữ chứng từ được thực hiện như sau:
a) Chứng từ quy định tại khoản 2 Điều này được lưu giữ tại trụ sở thương nhân;
b) Bản sao chứng từ được lưu tại cửa hàng trong thời hạn quy định của Thông tư này.
"""


def test_in_a_letter_an_item_that_speaks_of_this_article_is_the_law_copied_in() -> None:
    texts = _texts(_tasks(LAW_SPEAKS_OF_ITSELF))
    assert not any(t.startswith(("Chứng từ quy định", "Bản sao chứng từ")) for t in texts), texts
    assert texts[0].startswith("Các thương nhân thực hiện đúng")


def test_paragraphs_under_an_unmarked_capitals_line_that_directs_nothing_are_read_as_prose() -> None:
    news = """Huyện An Phú chuẩn bị đại hội đảng bộ các cấp
NGỌC LINH - HOÀNG NAM
Sáng 27/8, Huyện ủy An Phú tổ chức hội nghị quán triệt các văn bản về đại hội đảng bộ các cấp.
Các đại biểu thảo luận sôi nổi về phương án nhân sự của các chi bộ.
Huyện ủy yêu cầu các chi bộ hoàn thành đại hội trước ngày 30/11/2026.
"""
    texts = _texts(list(parse_notice(news).tasks))
    assert texts == ["Huyện ủy yêu cầu các chi bộ hoàn thành đại hội trước ngày 30/11/2026."], texts


REPLY_TOPICS = """Sở Công Thương có ý kiến như sau:
1. Về điều kiện của cửa hàng bán lẻ
Khoản 2 Điều 8 Nghị định số 10/2026/NĐ-CP quy định cửa hàng bán lẻ phải có cán bộ được đào tạo về phòng cháy.
Do đó, cửa hàng chưa có cán bộ được đào tạo thì chưa đủ điều kiện kinh doanh.
2. Về trường hợp cửa hàng tạm ngừng kinh doanh
Đối với trường hợp cửa hàng tạm ngừng kinh doanh quá 30 ngày, thương nhân phải thông báo Sở Công Thương.
3. Về hồ sơ đề nghị cấp lại giấy chứng nhận
Đề nghị thương nhân hoàn thiện hồ sơ, gửi Sở Công Thương trước ngày 30/4/2026.
"""


def test_a_replys_topics_that_only_explain_the_law_are_not_tasks() -> None:
    texts = _texts(_tasks(REPLY_TOPICS))
    assert len(texts) == 1 and "hoàn thiện hồ sơ" in texts[0], texts


def test_a_plans_topic_whose_paragraph_is_work_stays_a_task() -> None:
    body = """Sở Công Thương đề nghị các thương nhân thực hiện các nội dung sau:
1. Về công tác phòng cháy
Trang bị đủ phương tiện chữa cháy tại từng cửa hàng, kiểm tra định kỳ hằng tháng.
"""
    texts = _texts(_tasks(body))
    assert len(texts) == 1 and "Trang bị đủ phương tiện" in texts[0], texts


def test_an_opinion_that_states_what_is_on_a_topic_is_not_a_task_but_one_that_asks_is() -> None:
    body = """Sở Công Thương có ý kiến về hồ sơ dự án cửa hàng xăng dầu như sau:
- Về quy hoạch mạng lưới: Theo quy hoạch được duyệt, vị trí cửa hàng nằm trong khu vực được phép xây dựng.
- Về khoảng cách an toàn: Khu đất không chồng lấn với hành lang an toàn đường điện.
- Về phòng cháy: Đề nghị chủ đầu tư bổ sung phương án chữa cháy trước khi khởi công.
"""
    texts = _texts(_tasks(body))
    assert texts == ["Về phòng cháy: Đề nghị chủ đầu tư bổ sung phương án chữa cháy trước khi khởi công."], texts


def test_a_board_set_up_in_a_plan_lists_members_not_tasks() -> None:
    body = """V. TỔ CHỨC THỰC HIỆN
1. Thành lập Tổ công tác kiểm tra cửa hàng xăng dầu, gồm:
- Tổ trưởng: Phó Giám đốc Sở Công Thương.
- Các thành viên: đại diện Công an tỉnh, Sở Tài chính.
2. Các thương nhân báo cáo kết quả tự kiểm tra trước ngày 15/6/2026.
"""
    texts = _texts(_tasks(body))
    assert texts == ["Các thương nhân báo cáo kết quả tự kiểm tra trước ngày 15/6/2026."], texts


CONCLUSION_HEAD = """VĂN PHÒNG UBND TỈNH AN BÌNH
Số: 145/TB-VP
An Bình, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với các doanh nghiệp
"""

COMPANIES_THEN_CONCLUSION = """Tham dự có đại diện các sở, ngành và các doanh nghiệp:
1. Công ty Cổ phần Xây dựng An Bình;
2. Công ty TNHH Thương mại Hòa Phát.
Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:
I. NHIỆM VỤ THỜI GIAN TỚI
1. Đối với các dự án chậm tiến độ:
- Sở Kế hoạch và Đầu tư rà soát, đề xuất thu hồi chủ trương đầu tư trước ngày 30/4/2026.
- Các doanh nghiệp cam kết tiến độ bằng văn bản.
"""


def test_the_lead_in_after_a_list_of_companies_is_not_glued_to_the_last_company() -> None:
    tasks = _tasks(COMPANIES_THEN_CONCLUSION, head=CONCLUSION_HEAD)
    texts = _texts(tasks)
    assert not any("Công ty" in t or "kết luận như sau" in t for t in texts), texts
    assert any(t.startswith("Các doanh nghiệp cam kết tiến độ") for t in texts), texts


def test_the_fields_of_the_information_asked_for_are_not_tasks() -> None:
    body = """Sở Công Thương đề nghị các thương nhân rà soát, lập danh sách cửa hàng, gửi về Sở trước ngày 20/4/2026.
Trong đó, yêu cầu các thông tin cụ thể gồm:
- Tên, địa chỉ của cửa hàng;
- Sức chứa của bồn chứa.
"""
    texts = _texts(_tasks(body))
    assert len(texts) == 1 and texts[0].startswith("Sở Công Thương đề nghị"), texts
