"""Task segmentation, non-task text and task tables (issue 8, patterns A, B, F).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai công tác quản lý chợ truyền thống
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def _tasks(body: str, *, head: str = HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


def _find(tasks: list[ParsedTask], words: str) -> ParsedTask:
    hits = [t for t in tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in tasks]
    return hits[0]


# ---------------------------------------------------------------- F: task tables after the signature

PIPE_TABLE = """I. NHIỆM VỤ
1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
""" + SIGNATURE + """
Phụ lục
NHIỆM VỤ CỤ THỂ
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh)
TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Rà soát mạng lưới chợ trên địa bàn | Sở Công Thương | UBND các xã | Quý II/2026 |
2 | Sắp xếp lại các hộ kinh doanh | UBND các xã, phường | Sở Công Thương | Thường xuyên |
3 | Kiểm tra phòng cháy tại các chợ | Công an tỉnh | Sở Công Thương; UBND các xã | Tháng 6/2026 |
"""


def test_pipe_table_rows_with_an_empty_last_cell_stay_rows() -> None:
    tasks = _tasks(PIPE_TABLE, tail="")
    first = _find(tasks, "Rà soát mạng lưới chợ")
    second = _find(tasks, "Sắp xếp lại các hộ")
    third = _find(tasks, "Kiểm tra phòng cháy")
    assert first.lead == ("Sở Công Thương",)
    assert second.lead == ("UBND các xã, phường",) or second.lead == ("UBND các xã", "UBND các phường")
    assert third.lead == ("Công an tỉnh",)
    assert str(third.due) == "2026-06-30"
    assert not any(t.text.strip("() ").isdigit() for t in tasks)


# ---------------------------------------------------------------- A: text that is not a task

LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 210/UBND-TH
V/v triển khai công tác phòng chống dịch bệnh cây trồng
An Bình, ngày 2 tháng 4 năm 2026
Kính gửi: - Sở Nông nghiệp và Môi trường,
- Các cơ quan chuyên môn tham mưu, giúp việc
Ủy ban nhân dân tỉnh,
- Ủy ban nhân dân các xã, phường.
"""


def test_an_addressee_wrapped_onto_two_lines_does_not_open_the_body() -> None:
    body = """Thực hiện chỉ đạo của Bộ Nông nghiệp và Môi trường về phòng chống dịch bệnh, Ủy ban nhân dân tỉnh \
đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:
1. Sở Nông nghiệp và Môi trường theo dõi diễn biến dịch bệnh, hướng dẫn biện pháp phòng trừ.
2. Ủy ban nhân dân các xã, phường tuyên truyền, vận động nông dân ra quân diệt trừ sinh vật gây hại.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert len(tasks) == 2, [t.text for t in tasks]
    assert not any("Thực hiện chỉ đạo" in t.text for t in tasks)


def test_a_closing_call_to_carry_it_out_is_not_a_task() -> None:
    body = """Ủy ban nhân dân tỉnh nhận được kiến nghị của Hội Nông dân tỉnh về giá phân bón.
Chủ tịch Ủy ban nhân dân tỉnh giao Sở Công Thương chủ trì kiểm tra việc niêm yết giá phân bón, báo cáo trước \
ngày 30/4/2026.
Yêu cầu Sở Công Thương, Sở Tài chính, các cơ quan, đơn vị liên quan triển khai thực hiện./.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert [t.lead for t in tasks] == [("Sở Công Thương",)]


def test_a_unit_heading_that_introduces_its_items_is_not_a_task() -> None:
    body = """1. Sở Y tế, chỉ đạo các bệnh viện trực thuộc:
- Rà soát danh mục thuốc thiết yếu, bổ sung kịp thời.
- Bố trí đủ giường bệnh cho người cao tuổi.
2. Sở Tài chính bố trí kinh phí mua sắm trang thiết bị y tế.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert len(tasks) == 3, [t.text for t in tasks]
    assert {t.lead for t in tasks[:2]} == {("Sở Y tế",)}
    assert not any(t.text.endswith(":") for t in tasks)


def test_a_long_topic_line_over_items_is_not_a_task() -> None:
    body = """II. NHIỆM VỤ, GIẢI PHÁP
1. Công tác quản lý nhà nước về giá dịch vụ khám bệnh, chữa bệnh và quản lý hoạt động của các cơ sở y tế ngoài \
công lập
- Rà soát, cập nhật giá dịch vụ theo quy định.
- Kiểm tra việc niêm yết giá tại các cơ sở.
2. Về công tác bảo đảm an toàn thực phẩm trong bếp ăn tập thể của các trường học, khu công nghiệp và bệnh viện
- Tăng cường kiểm tra bếp ăn tập thể.
"""
    tasks = _tasks(body)
    assert len(tasks) == 3, [t.text for t in tasks]
    assert not any(t.text.startswith(("Công tác", "Về")) for t in tasks)


def test_background_sections_are_not_tasks_and_the_requests_below_an_ask_are() -> None:
    body = """Ủy ban nhân dân tỉnh báo cáo và đề nghị Bộ Y tế nội dung như sau:
1. Quy định về cấp chứng chỉ hành nghề dược đối với người nước ngoài
và thực tế áp dụng
Theo quy định tại khoản 2 Điều 13 Luật Dược, người nước ngoài được cấp chứng chỉ khi có văn bằng phù hợp. \
Tuy nhiên, việc công nhận văn bằng chưa có hướng dẫn.
2. Khó khăn, vướng mắc
Thứ nhất, nhiều hồ sơ đã nộp từ năm 2025 nhưng chưa được giải quyết.
3. Kiến nghị
Để tháo gỡ khó khăn cho cơ sở kinh doanh dược, Ủy ban nhân dân tỉnh trân trọng đề nghị Bộ Y tế:
(i). Sớm ban hành hướng dẫn công nhận văn bằng chuyên môn về dược cấp ở nước ngoài.
(ii). Chỉ đạo Cục Quản lý Dược trả lời các hồ sơ tồn đọng.
(iii). Tổ chức tập huấn cho cán bộ thẩm định của các địa phương.
"""
    head = LETTER_HEAD.split("Kính gửi")[0] + "Kính gửi: Bộ Y tế\n"
    tasks = _tasks(body, head=head)
    texts = [t.text for t in tasks]
    assert len(tasks) == 3, texts
    assert [t.ref for t in tasks] == ["3.i", "3.ii", "3.iii"]
    assert all(t.lead == ("Bộ Y tế",) for t in tasks)


# ---------------------------------------------------------------- B: task boundaries

def test_a_paragraph_that_hands_out_work_after_a_numbered_item_is_its_own_task() -> None:
    body = """Đảng ủy đề nghị các đơn vị thực hiện một số nhiệm vụ sau:
1. Các chi bộ trực thuộc
Các chi bộ chủ động tổ chức học tập, quán triệt nghị quyết đến toàn thể đảng viên.
Giao Ban Tuyên giáo Đảng ủy chủ trì, hướng dẫn các chi bộ tuyên truyền kết quả học tập nghị quyết.
2. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả, báo cáo Thường trực Đảng ủy.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert len(tasks) == 3, [t.text for t in tasks]
    study = _find(tasks, "học tập, quán triệt")
    guide = _find(tasks, "hướng dẫn các chi bộ tuyên truyền")
    assert "Giao Ban Tuyên giáo" not in study.text
    assert guide.lead == ("Ban Tuyên giáo Đảng ủy",)


def test_paragraphs_under_topic_lines_are_tasks_and_the_topic_line_is_not() -> None:
    body = """Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:
1. Sở Tài chính khẩn trương hoàn thiện dự thảo Đề án, trình Ủy ban nhân dân tỉnh trước ngày 15/5/2026, trong đó:
- Về cơ chế huy động vốn:
Sở Tài chính nghiên cứu kinh nghiệm của các địa phương, đề xuất cơ chế phù hợp.
Sở Tài chính làm việc với các ngân hàng thương mại về khả năng cho vay ưu đãi.
- Về quỹ đất:
Sở Nông nghiệp và Môi trường rà soát quỹ đất sạch, gửi Sở Tài chính tổng hợp.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    texts = [t.text for t in tasks]
    assert len(tasks) == 4, texts
    assert not any(t.startswith("Về ") for t in texts)
    banks = _find(tasks, "làm việc với các ngân hàng")
    assert "nghiên cứu kinh nghiệm" not in banks.text
    assert _find(tasks, "rà soát quỹ đất").lead == ("Sở Nông nghiệp và Môi trường",)
    assert str(banks.due) == "2026-05-15"


def test_a_digital_signature_stamp_is_not_text() -> None:
    body = """1. Sở Nội vụ rà soát biên chế các đơn vị sự nghiệp.
Ký bởi: ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Cơ quan: ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Ngày ký: 2026-03-10 15:32:11 +07:00
2. Sở Tài chính thẩm định phương án tự chủ tài chính.
"""
    tasks = _tasks(body)
    assert [t.text for t in tasks] == ["Sở Nội vụ rà soát biên chế các đơn vị sự nghiệp.",
                                      "Sở Tài chính thẩm định phương án tự chủ tài chính."]


@pytest.mark.usefixtures("rules_only")  # a rule on a tiny notice: candidates before the task filter
def test_resources_papers_and_time_windows_are_not_tasks() -> None:
    body = """1. Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh tư nhân.
2. Kinh phí cho hoạt động kiểm tra: thực hiện theo quy định hiện hành.
3. Phương tiện đi lại: xe ô tô do Văn phòng Sở bố trí.
4. Hồ sơ đề nghị bao gồm: tờ trình, báo cáo thẩm định, dự thảo quyết định.
5. Thời gian lấy ý kiến: từ ngày 01/4/2026 đến ngày 15/4/2026.
6. Nguồn kinh phí thực hiện Kế hoạch được bố trí từ ngân sách tỉnh.
7. Kinh phí hoạt động của Tổ do Sở Tài chính cấp hằng năm.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["1", "7"], [t.text for t in tasks]


def test_a_quoted_legal_clause_is_not_a_task_and_the_request_after_it_is() -> None:
    body = """Ngày 10/3/2026, Bộ Y tế ban hành Thông tư số 05/2026/TT-BYT về quản lý trang thiết bị y tế, cụ thể:
- Khoản 3 Điều 5 của Thông tư số 05/2026/TT-BYT quy định: “Sở Y tế tiếp nhận hồ sơ công bố đủ điều kiện mua bán \
trang thiết bị y tế.”
- Khoản 1 Điều 9 Thông tư số 05/2026/TT-BYT về hiệu lực thi hành:
Thông tư có hiệu lực từ ngày 01/5/2026.
Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh chỉ đạo Sở Y tế triển khai tiếp nhận hồ sơ theo quy định mới.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert tasks[0].text.startswith("Bộ Y tế đề nghị")


def test_a_view_of_the_matter_is_not_a_task() -> None:
    body = """Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:
1. Chuyển đổi số được coi là động lực để nâng cao chất lượng phục vụ người dân. Thời gian qua, Sở Khoa học và \
Công nghệ đã chủ trì triển khai nhiều nền tảng số.
2. Sở Khoa học và Công nghệ hoàn thiện Đề án chuyển đổi số, trình Ủy ban nhân dân tỉnh trong tháng 6/2026.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert [t.ref for t in tasks] == ["2"], [t.text for t in tasks]


DECISION_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 77/QĐ-UBND
An Bình, ngày 4 tháng 5 năm 2026
QUYẾT ĐỊNH
Về việc ủy quyền cấp giấy phép hoạt động thú y
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
Căn cứ Luật Thú y ngày 19/6/2015;
Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 12/TTr-SNN ngày 20/4/2026,
QUYẾT ĐỊNH:
"""


def test_a_decisions_legal_bases_and_its_term_are_not_tasks_and_its_duty_article_is() -> None:
    body = """Điều 1. Ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường cấp giấy phép hoạt động thú y.
Điều 2. Thời hạn ủy quyền
Kể từ ngày Quyết định này có hiệu lực thi hành cho đến hết ngày 31 tháng 12 năm 2026.
Điều 3. Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm trước Ủy ban nhân dân tỉnh về các nội dung được \
ủy quyền, có trách nhiệm công khai thủ tục cấp giấy phép trên Cổng thông tin điện tử của Sở.
Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm thi hành Quyết định \
này./.
"""
    tasks = _tasks(body, head=DECISION_HEAD)
    texts = [t.text for t in tasks]
    assert not any(t.startswith(("Căn cứ", "Theo đề nghị", "Thời hạn", "Kể từ")) for t in texts), texts
    duty = _find(tasks, "công khai thủ tục cấp giấy phép")
    assert duty.lead == ("Giám đốc Sở Nông nghiệp và Môi trường",)


def test_the_issuers_closing_call_never_glues_onto_the_last_item() -> None:
    body = """1. Sở Xây dựng rà soát các công trình xuống cấp.
2. Ủy ban nhân dân các xã kiểm tra nhà văn hóa thôn.
Ủy ban nhân dân tỉnh yêu cầu các sở, ngành và Ủy ban nhân dân các xã nghiêm túc triển khai thực hiện. Trong \
quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Xây dựng để tổng hợp./.
"""
    tasks = _tasks(body)
    assert [t.text for t in tasks] == ["Sở Xây dựng rà soát các công trình xuống cấp.",
                                      "Ủy ban nhân dân các xã kiểm tra nhà văn hóa thôn."]


# ---------------------------------------------------------------- A: news and portal renditions

def test_a_news_rendition_headline_caption_and_chair_are_not_tasks() -> None:
    text = """HUYỆN AN LẠC TỔ CHỨC HỘI NGHỊ TRIỂN KHAI CÔNG TÁC PHÒNG CHỐNG LỤT BÃO NĂM 2026
• 12/05/2026 08:30

Sáng ngày 12/5/2026, Ủy ban nhân dân huyện tổ chức hội nghị triển khai công tác phòng chống lụt bão. Đồng chí \
Lê Văn Hùng - Phó Chủ tịch UBND huyện, chủ trì hội nghị.

2_abcd
Lực lượng xung kích xã Tân Lập tập dượt cứu hộ (Ảnh: Minh Anh)

Kết luận hội nghị, đồng chí Lê Văn Hùng yêu cầu Phòng Nông nghiệp huyện và UBND các xã rà soát phương án \
sơ tán dân, báo cáo UBND huyện trước ngày 30/5/2026.
"""
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert "rà soát phương án sơ tán" in tasks[0].text


def test_a_headline_telling_what_was_directed_is_the_subject() -> None:
    text = """UBND tỉnh chỉ đạo về việc góp ý dự thảo Nghị định về quản lý chợ.
UBND tỉnh nhận được Công văn số 120/BCT-TTTN ngày 2/3/2026 của Bộ Công Thương về việc xin ý kiến dự thảo Nghị định.
Giao Sở Công Thương chủ trì tổng hợp ý kiến, gửi Bộ Công Thương trước ngày 20/3/2026.
"""
    notice = parse_notice(text)
    assert [t.lead for t in notice.tasks] == [("Sở Công Thương",)]


def test_the_opinion_lead_in_and_an_agreement_with_a_report_are_not_tasks() -> None:
    body = """Về đề nghị của Sở Xây dựng tại Tờ trình số 45/TTr-SXD ngày 2 tháng 3 năm 2026 về việc điều chỉnh quy \
hoạch, Phó Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Đồng ý với nội dung báo cáo của Sở Xây dựng về tình hình thực hiện quy hoạch chung.
2. Giao Sở Xây dựng hoàn chỉnh hồ sơ điều chỉnh quy hoạch, trình Ủy ban nhân dân tỉnh trước ngày 30/4/2026.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert [t.ref for t in tasks] == ["2"], [t.text for t in tasks]
    letter = """Về đề nghị của Sở Xây dựng tại Tờ trình số 45/TTr-SXD ngày 2/3/2026, Phó Chủ tịch Ủy ban nhân dân tỉnh \
có ý kiến như sau:
Sở Xây dựng hoàn chỉnh hồ sơ điều chỉnh quy hoạch, trình Ủy ban nhân dân tỉnh trước ngày 30/4/2026.
"""
    tasks = _tasks(letter, head=LETTER_HEAD)
    assert len(tasks) == 1 and tasks[0].text.startswith("Sở Xây dựng hoàn chỉnh"), [t.text for t in tasks]


@pytest.mark.usefixtures("rules_only")  # a rule on a tiny notice: candidates before the task filter
def test_a_new_ask_in_a_letter_starts_a_new_task_even_without_a_known_unit() -> None:
    text = """Công văn nêu rõ: để chuẩn bị tốt đại hội, Thường trực Đảng ủy xã đề nghị các chi bộ ấp hoàn thành \
dự thảo báo cáo chính trị trước ngày 10/6/2026.

Qua đó, Thường trực Đảng ủy xã yêu cầu sau khi kết thúc đại hội các chi bộ gửi biên bản về Văn phòng Đảng ủy trước \
ngày 30/6/2026. Đồng thời cũng yêu cầu các đồng chí đảng ủy viên phụ trách ấp quan tâm chỉ đạo thực hiện đúng tiến độ./.
"""
    tasks = list(parse_notice(text).tasks)
    texts = [t.text for t in tasks]
    assert len(tasks) == 3, texts
    assert [str(t.due) for t in tasks[:2]] == ["2026-06-10", "2026-06-30"]
    assert texts[2].startswith("Đồng thời cũng yêu cầu")


def test_work_before_a_list_of_events_is_a_task_and_the_events_are_not() -> None:
    text = """Theo đó, Đảng ủy xã yêu cầu Ban Tuyên giáo Đảng ủy chỉ đạo tốt công tác tuyên truyền tháng 9. Ngoài ra \
cần nhấn mạnh một số sự kiện trong tháng như:
- Kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025).
- Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 - 2/9/2025).
"""
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert "chỉ đạo tốt công tác tuyên truyền" in tasks[0].text


def test_an_opening_that_looks_back_does_not_hide_the_assignment_after_it() -> None:
    text = """Sau khi nghe báo cáo, Thường trực Huyện ủy đánh giá cao sự cố gắng của các cấp, các ngành.

Trên cơ sở kết quả đã đạt được, Thường trực Huyện ủy giao Ban Tổ chức Huyện ủy xây dựng phương án sắp xếp \
các chi bộ trực thuộc.
"""
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1, [t.text for t in tasks]
    assert tasks[0].lead == ("Ban Tổ chức Huyện ủy",)


FLAT_TABLE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
PHỤ LỤC
NHIỆM VỤ CỤ THỂ
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh)
TT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian thực hiện
1 Rà soát mạng lưới chợ trên địa bàn tỉnh, đề xuất phương án
sắp xếp lại các chợ xuống cấp
Sở Công Thương
Quý II/2026
2 Kiểm tra phòng cháy, chữa cháy tại các chợ
Công an tỉnh
Sở Công Thương, UBND các xã,
phường
Tháng 6/2026
9
3 Hỗ trợ tiểu thương chuyển đổi số trong thanh toán
Sở Khoa học và Công nghệ
UBND các xã, phường
Năm 2026
"""


def test_flattened_table_rows_keep_their_own_cells() -> None:
    body = "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n"
    tasks = _tasks(body + FLAT_TABLE, tail="")
    first = _find(tasks, "Rà soát mạng lưới chợ")
    second = _find(tasks, "Kiểm tra phòng cháy")
    third = _find(tasks, "chuyển đổi số trong thanh toán")
    assert "sắp xếp lại các chợ xuống cấp" in first.text
    assert (first.lead, first.support, str(first.due)) == (("Sở Công Thương",), (), "2026-06-30")
    assert second.lead == ("Công an tỉnh",) and second.support == ("Sở Công Thương", "UBND các xã, phường")
    assert str(second.due) == "2026-06-30"
    assert third.lead == ("Sở Khoa học và Công nghệ",) and str(third.due) == "2026-12-31"


# ---------------------------------------------------------------- decisions that issue a plan; long plans

PLAN_DECISION = DECISION_HEAD.replace("Về việc ủy quyền cấp giấy phép hoạt động thú y",
                                      "Phê duyệt Chương trình phát triển du lịch cộng đồng năm 2026") + """\
Điều 1. Phê duyệt Chương trình phát triển du lịch cộng đồng năm 2026 (có Chương trình kèm theo).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNATURE + """CHƯƠNG TRÌNH
Phát triển du lịch cộng đồng năm 2026
I. MỤC TIÊU
Phát triển du lịch cộng đồng gắn với giảm nghèo bền vững.
II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch xây dựng bộ tiêu chí homestay, hoàn thành trong quý III/2026.
2. UBND các xã tổ chức tập huấn cho hộ làm du lịch.
"""


def test_a_decision_that_approves_an_attached_programme_carries_its_tasks() -> None:
    tasks = list(parse_notice(PLAN_DECISION).tasks)
    assert [(t.ref, t.lead) for t in tasks] == [("II.1", ("Sở Văn hóa, Thể thao và Du lịch",)),
                                               ("II.2", ("UBND các xã",))]
    assert str(tasks[0].due) == "2026-09-30"


def test_numbering_past_99_and_mixed_schemes() -> None:
    items = "".join(f"{n}. Sở Nội vụ rà soát hồ sơ cán bộ đợt {n} theo kế hoạch.\n" for n in range(95, 104))
    body = "II. NHIỆM VỤ\n" + items.replace(
        "đợt 101 theo kế hoạch.\n",
        "đợt 101 theo kế hoạch:\na) Tổ chức rà soát các thủ tục hành chính thuộc lĩnh vực nội vụ.\n"
        "- Tổ chức cập nhật cơ sở dữ liệu cán bộ, công chức của tỉnh:\n"
        "+ Báo cáo kết quả cập nhật về Ủy ban nhân dân tỉnh trước ngày 30/6/2026.\n"
        "* Thực hiện lưu trữ hồ sơ điện tử theo quy định.\n")
    tasks = _tasks(body)
    refs = [t.ref for t in tasks]
    assert {"II.99", "II.100", "II.101.a", "II.102", "II.103"} <= set(refs), refs
    report = _find(tasks, "Báo cáo kết quả cập nhật")
    assert report.lead == ("Sở Nội vụ",) and str(report.due) == "2026-06-30"
    assert _find(tasks, "lưu trữ hồ sơ điện tử").lead == ("Sở Nội vụ",)


def test_a_pasted_request_without_a_full_stop_stays_a_task() -> None:
    text = "Đề nghị các đơn vị báo cáo số liệu tiêm chủng trước ngày 20/5/2026\nSố liệu gửi qua thư điện tử.\n"
    tasks = list(parse_notice(text).tasks)
    assert len(tasks) == 1 and str(tasks[0].due) == "2026-05-20"


def test_assessments_and_targets_are_not_tasks() -> None:
    body = """Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:
I. ĐÁNH GIÁ CHUNG
1. Những kết quả nổi bật
Các sở, ngành đã chủ động triển khai nhiều giải pháp, tốc độ tăng trưởng đạt 8,2%.
2. Tồn tại, hạn chế
- Một số địa phương còn chậm giải ngân vốn đầu tư công.
- Công tác phối hợp giữa các sở, ngành có lúc chưa chặt chẽ.
II. MỤC TIÊU
Phấn đấu tốc độ tăng trưởng kinh tế năm 2026 đạt 9% trở lên.
III. NHIỆM VỤ THỜI GIAN TỚI
1. Sở Tài chính tham mưu điều chuyển vốn của các dự án chậm giải ngân, báo cáo trước ngày 15/7/2026.
2. Ủy ban nhân dân các xã tập trung giải phóng mặt bằng các dự án trọng điểm.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert [t.ref for t in tasks] == ["III.1", "III.2"], [t.text for t in tasks]


def test_a_paragraph_opening_with_its_doer_is_a_task_and_thanks_are_not() -> None:
    body = """1. Sở Tài chính hoàn thiện dự thảo Đề án, trình Ủy ban nhân dân tỉnh trước ngày 30/6/2026, trong đó:
- Về phân công nhiệm vụ:
Sở Tài chính căn cứ quy định hiện hành, đề xuất phân công nhiệm vụ theo hướng giao cơ quan chuyên môn thẩm định.
Sở Tài chính làm việc cụ thể với Sở Nội vụ về nội dung phân công tại Đề án.
Sở Tài chính trân trọng cảm ơn sự phối hợp của các cơ quan./.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    texts = [t.text for t in tasks]
    assert len(tasks) == 3, texts
    work = _find(tasks, "làm việc cụ thể với Sở Nội vụ")
    assert work.lead == ("Sở Tài chính",) and "cảm ơn" not in work.text


def test_a_later_sentence_naming_another_doer_in_a_split_paragraph_is_its_own_task() -> None:
    body = """1. Sở Tài chính hoàn thiện dự thảo Đề án, trình Ủy ban nhân dân tỉnh trước ngày 30/6/2026, trong đó:
- Về quỹ đất:
Sở Tài chính tổng hợp nhu cầu quỹ đất của các dự án.
Sở Nông nghiệp và Môi trường khẩn trương gửi Sở Tài chính danh mục khu đất sạch. Sở Tài chính, Sở Xây dựng \
thống nhất phương án bố trí quỹ đất trước khi trình.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    agree = _find(tasks, "thống nhất phương án bố trí quỹ đất")
    assert "danh mục khu đất sạch" not in agree.text
    assert _find(tasks, "danh mục khu đất sạch").lead == ("Sở Nông nghiệp và Môi trường",)


def test_labels_and_sections_that_still_give_work() -> None:
    body = """I. KẾT QUẢ
Các đơn vị đã hoàn thành 95% kế hoạch.
II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ
1. Đề nghị Sở Tài chính bổ sung kinh phí cho các xã vùng cao.
III. TỔ CHỨC THỰC HIỆN
1. Kinh phí thực hiện: Sở Tài chính tham mưu bố trí kinh phí trong dự toán năm 2027.
2. Khoản 3 Điều 12 Nghị định số 10/2026/NĐ-CP quy định việc kiểm tra định kỳ; đề nghị Ủy ban nhân dân các xã \
tổ chức kiểm tra trước ngày 30/9/2026.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["II.1", "III.1", "III.2"], [t.text for t in tasks]


def test_rights_dissolution_and_a_list_of_names_attached_are_not_tasks() -> None:
    body = """Điều 1. Thành lập Đoàn kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.
Điều 2. Nhiệm vụ của Đoàn kiểm tra
1. Xây dựng kế hoạch kiểm tra chi tiết, trình Giám đốc Sở phê duyệt.
2. Đoàn kiểm tra được sử dụng con dấu của Sở Y tế trong quá trình kiểm tra.
Điều 3. Tổ chức thực hiện
1. Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.
2. Chánh Văn phòng Sở và các thành viên Đoàn chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNATURE + """PHỤ LỤC
DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA
(Kèm theo Quyết định số 77/QĐ-UBND ngày 4/5/2026)
TT Tên đơn vị Địa chỉ
1 Công ty cổ phần Suất ăn An Bình, xã Tân Lập
2 Trường Tiểu học Hòa Bình, phường Bắc Sơn
"""
    tasks = _tasks(body, head=DECISION_HEAD, tail="")
    assert [t.text for t in tasks] == ["Xây dựng kế hoạch kiểm tra chi tiết, trình Giám đốc Sở phê duyệt."]


def test_a_lead_in_to_some_items_and_a_retold_letter_are_not_tasks() -> None:
    body = """1. Kết quả kiểm tra
Các đơn vị cơ bản chấp hành tốt quy định về an toàn lao động.
2. Kiến nghị
Để công tác an toàn lao động được tốt hơn, Sở Xây dựng yêu cầu các đơn vị nêu trên thực hiện một số nội dung sau:
- Tăng cường huấn luyện an toàn lao động cho công nhân.
- Rà soát, bổ sung biển báo tại công trường.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    assert [t.text for t in tasks] == ["Tăng cường huấn luyện an toàn lao động cho công nhân.",
                                      "Rà soát, bổ sung biển báo tại công trường."]
    letter = """Văn phòng Ủy ban nhân dân tỉnh có Công văn số 210/VP-TH gửi Sở Y tế đề nghị cho ý kiến về dự thảo.
Để có cơ sở tổng hợp, đề nghị quý Trung tâm nghiên cứu dự thảo và gửi ý kiến về Sở Y tế trước ngày 24/3/2026.
"""
    tasks = _tasks(letter, head=LETTER_HEAD)
    assert len(tasks) == 1 and tasks[0].text.startswith("Để có cơ sở tổng hợp"), [t.text for t in tasks]


def test_inline_roman_markers_are_item_boundaries() -> None:
    body = """1. Kết quả thực hiện
Các dự án cơ bản bảo đảm tiến độ.
2. Kiến nghị
Ủy ban nhân dân tỉnh đề nghị Bộ Xây dựng: (i) sớm ban hành hướng dẫn kiểm định phương tiện; (ii) chỉ đạo Cục Đăng \
kiểm trả lời các hồ sơ tồn đọng; (iii) tổ chức tập huấn cho cán bộ đăng kiểm địa phương.
"""
    head = LETTER_HEAD.split("Kính gửi")[0] + "Kính gửi: Bộ Xây dựng\n"
    tasks = _tasks(body, head=head)
    assert [t.text for t in tasks] == ["sớm ban hành hướng dẫn kiểm định phương tiện;",
                                      "chỉ đạo Cục Đăng kiểm trả lời các hồ sơ tồn đọng;",
                                      "tổ chức tập huấn cho cán bộ đăng kiểm địa phương."]
    assert all(t.lead == ("Bộ Xây dựng",) for t in tasks)
    plain = _tasks("1. Sở Tư pháp rà soát theo khoản (1) và (2) Điều 5 Nghị định.\n", head=head)
    assert [t.text for t in plain] == ["Sở Tư pháp rà soát theo khoản (1) và (2) Điều 5 Nghị định."]


def test_numbered_points_after_trong_do_stay_inside_their_task() -> None:
    notice = parse_notice("\n".join([
        "ỦY BAN NHÂN DÂN TỈNH A", "Số: 5/TB-UBND", "A, ngày 02 tháng 3 năm 2026", "THÔNG BÁO", "Kết luận",
        "1. Sở Nội vụ tiếp tục thực hiện nghiêm túc quy chế làm việc; trong đó lưu ý 02 việc: (1) rà soát quy "
        "trình tiếp nhận hồ sơ; (2) nâng cao ý thức trách nhiệm của công chức.",
        "2. Sở Tài chính bố trí kinh phí cho các xã: (1) mua sắm thiết bị; (2) tập huấn nghiệp vụ.", ""]))
    refs = [t.ref for t in notice.tasks]
    assert "1" in refs and not any(r.startswith("1.") for r in refs)
    assert refs == ["1", "2.1", "2.2"], "without “trong đó” the points are items"
