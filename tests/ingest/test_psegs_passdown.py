"""What a lead-in hands down to the items below it: its deadline (also a month or a quarter), and the closing call
that is never a task (issue 8, items 5 and 7).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE  # the same signature block under every example

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/TB-UBND
An Bình, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về đầu tư công
"""

def _tasks(body: str) -> list[ParsedTask]:
    return list(parse_notice(HEAD + body + SIGNATURE).tasks)


def test_a_month_deadline_in_a_section_lead_in_dates_every_item_below() -> None:
    tasks = _tasks("""II. NHIỆM VỤ
1. Đề nghị UBND các huyện báo cáo các nội dung sau, hoàn thành trong tháng 5/2026:
- Tình hình giải ngân vốn đầu tư công;
- Danh mục dự án chậm tiến độ.
2. Sở Tài chính tổng hợp, báo cáo UBND tỉnh.
""")
    assert [t.due for t in tasks] == [dt.date(2026, 5, 31), dt.date(2026, 5, 31), None], [(t.ref, t.due) for t in tasks]
    assert tasks[0].lead == ("UBND các huyện",)


def test_the_issuers_closing_call_is_not_glued_to_the_last_task() -> None:
    tasks = _tasks("""1. Sở Công Thương rà soát các chợ xuống cấp.
2. Sở Tài chính bố trí kinh phí sửa chữa chợ.
Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện triển khai thực hiện./.
""")
    assert [t.text for t in tasks] == ["Sở Công Thương rà soát các chợ xuống cấp.",
                                       "Sở Tài chính bố trí kinh phí sửa chữa chợ."]


NEWS_HEAD = "Tỉnh An Bình đẩy nhanh tiến độ dự án khu đô thị mới\n"


def test_a_sentence_that_opens_with_other_doers_is_a_task_of_its_own() -> None:
    body = ("Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh giao Sở Xây dựng thẩm định đồ án quy hoạch khu đô thị. "
            "Sở Tài chính, Sở Tư pháp phối hợp chủ đầu tư hoàn thiện hồ sơ trình Trung ương.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert len(tasks) == 2, [t.text for t in tasks]
    assert tasks[1].text.startswith("Sở Tài chính, Sở Tư pháp phối hợp")


def test_clauses_that_each_say_when_they_are_done_are_tasks_of_their_own() -> None:
    body = ("Ban Thường vụ Huyện ủy chỉ đạo, đại hội các chi bộ trực thuộc hoàn thành trong quý IV/2026; đại hội "
            "đảng bộ các xã hoàn thành trong tháng 4/2027; đại hội đảng bộ huyện hoàn thành trước tháng 7/2027.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert [t.due for t in tasks] == [dt.date(2026, 12, 31), dt.date(2027, 4, 30), dt.date(2027, 7, 31)] or \
        len(tasks) == 3, [(t.text, t.due) for t in tasks]
    assert len(tasks) == 3


def test_an_imperative_sentence_after_an_ask_is_the_asked_units_next_task() -> None:
    body = ("Kết luận hội nghị, Chủ tịch UBND huyện yêu cầu các phòng, ban chuyên môn làm tốt công tác phòng chống "
            "dịch bệnh trên đàn gia súc. Đẩy mạnh việc thu hút đầu tư vào lĩnh vực nông nghiệp.\n"
            "Tiếp tục đẩy mạnh cải cách hành chính trong việc phục vụ người dân.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert [t.text[:20] for t in tasks] == ["Kết luận hội nghị, C", "Đẩy mạnh việc thu hú", "Tiếp tục đẩy mạnh cả"], \
        [t.text for t in tasks]


def test_what_was_done_last_month_is_not_a_task() -> None:
    body = ("Trong tháng 4/2026, UBND huyện đã tập trung chỉ đạo công tác phòng trừ sâu bệnh trên lúa.\n"
            "Chủ tịch UBND huyện yêu cầu các xã hoàn thành tiêm phòng cho đàn gia súc trước ngày 30/5/2026.\n")
    tasks = list(parse_notice(NEWS_HEAD + body).tasks)
    assert [t.text[:20] for t in tasks] == ["Chủ tịch UBND huyện "], [t.text for t in tasks]


TITLED_LEAD_IN = """II. NHIỆM VỤ
3. Đẩy mạnh truyền thông về du lịch
Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo Tỉnh ủy và chủ trì cùng các sở, ngành:
- Xây dựng chuyên mục quảng bá du lịch trên báo, đài của tỉnh.
- Tổ chức đoàn khảo sát cho các hãng lữ hành.
4. Phòng Quản lý du lịch
Chủ trì tham mưu lãnh đạo Sở thực hiện các nhiệm vụ được giao, bao gồm:
- Thẩm định hồ sơ công nhận điểm du lịch.
"""


def test_a_title_then_a_doer_lead_in_hands_the_items_to_the_doer_and_is_not_a_task_itself() -> None:
    tasks = _tasks(TITLED_LEAD_IN)
    texts = [t.text for t in tasks]
    assert not any(t.startswith("Đẩy mạnh truyền thông") for t in texts), texts
    column = next(t for t in tasks if t.text.startswith("Xây dựng chuyên mục"))
    assert column.lead == ("Sở Văn hóa, Thể thao và Du lịch",)
    assert any(t.startswith("Chủ trì tham mưu lãnh đạo Sở") for t in texts), texts


RESOLUTION = """CHÍNH PHỦ
Số: 20/NQ-CP
Hà Nội, ngày 10 tháng 4 năm 2026
NGHỊ QUYẾT
Về việc thanh toán chi phí vượt dự toán
CHÍNH PHỦ
QUYẾT NGHỊ:
Điều 1. Các chi phí vượt dự toán giai đoạn 2020 - 2024 được xử lý như sau:
1. Đối với chi phí vượt dự toán năm 2020, giao Bảo hiểm xã hội Việt Nam tổ chức thanh toán cho các cơ sở.
2. Đối với chi phí vượt dự toán năm 2021, Bảo hiểm xã hội Việt Nam khẩn trương thanh toán theo quy định.
Điều 2. Tổ chức thực hiện
1. Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam thanh toán xong trước ngày 01 tháng 6 năm 2026.
Đối với chi phí năm 2024, yêu cầu Bộ Tài chính báo cáo Thủ tướng Chính phủ trước ngày 01 tháng 8 năm 2026.
"""


def test_items_of_a_non_directive_article_that_ask_a_unit_are_tasks_and_a_case_with_its_own_ask_is_split() -> None:
    tasks = list(parse_notice(RESOLUTION + SIGNATURE).tasks)
    texts = [t.text for t in tasks]
    assert any(t.startswith("Đối với chi phí vượt dự toán năm 2020, giao Bảo hiểm") for t in texts), texts
    assert any(t.startswith("Đối với chi phí vượt dự toán năm 2021") for t in texts), texts
    case = next(t for t in tasks if t.text.startswith("Đối với chi phí năm 2024"))
    assert case.due == dt.date(2026, 8, 1)
    first = next(t for t in tasks if t.text.startswith("Bộ Tài chính chỉ đạo"))
    assert first.due == dt.date(2026, 6, 1) and "2024" not in first.text


def test_a_title_naming_whose_items_follow_is_not_a_task_and_hands_its_unit_down() -> None:
    body = """1. Yêu cầu đối với các doanh nghiệp kinh doanh xăng dầu.
1.1. Niêm yết giá bán lẻ tại từng cột bơm.
1.2. Báo cáo lượng hàng tồn kho trước ngày 05 hằng tháng.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["1.1", "1.2"], [(t.ref, t.text) for t in tasks]
    assert all(t.lead == ("các doanh nghiệp kinh doanh xăng dầu",) for t in tasks), [t.lead for t in tasks]


def test_an_item_that_does_its_own_work_before_introducing_sub_items_is_a_task() -> None:
    body = """1. Tổ chức phổ biến, quán triệt và thực hiện nghiêm Luật Thương mại đến toàn thể cán bộ.
Đặc biệt, chú trọng một số nội dung sau:
- Rà soát hồ sơ pháp lý của các cửa hàng.
- Đối chiếu giấy phép với thực tế kinh doanh.
"""
    texts = [t.text for t in _tasks(body)]
    assert any(t.startswith("Tổ chức phổ biến, quán triệt") for t in texts), texts
    assert len(texts) == 3, texts
