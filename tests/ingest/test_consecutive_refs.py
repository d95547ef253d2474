"""Tasks of a text with no numbered items are numbered 1, 2, 3 … even when some of its paragraphs are not tasks (probe
16: a commune's news copy gave "Mục 1, 3, 4, 5" and the clerk's "3: …" went to the wrong task); a document's own
item numbers are kept as written, gaps included."""

from __future__ import annotations

from bot.ingest.parser import parse_notice

PROSE = "\n".join([
    ("Nhằm chủ động ngăn chặn, không để dịch bùng phát trên địa bàn, Ủy ban nhân dân xã Tân Lập đề nghị "
     "các cơ quan, đơn vị và Ban nhân dân các thôn đồng loạt ra quân dọn vệ sinh, diệt lăng quăng, bọ gậy "
     "vào sáng ngày 14/9/2025."),
    "",
    ("Trước đó, sau khi tiếp nhận thông tin tình hình dịch sốt xuất huyết tại thôn Đồng Tâm, Ban nhân dân "
     "thôn đã phối hợp cùng các ban ngành xã tổ chức phát quang, dọn dẹp vệ sinh."),
    ("Trưởng thôn, hiệu trưởng các trường học chịu trách nhiệm huy động lực lượng tham gia. Tổ chức tổng "
     "dọn vệ sinh môi trường, khơi thông cống rãnh, vệ sinh xung quanh nhà ở."),
    "",
    ("Diệt lăng quăng, bọ gậy bằng các biện pháp: lật úp các dụng cụ chứa nước không cần thiết, thả cá vào"
     " lu, bể nước."),
    ("Qua hoạt động nhằm tuyên truyền, vận động người dân duy trì vệ sinh môi trường định kỳ hàng tuần. "
     "Trạm Y tế xã phối hợp hướng dẫn kỹ thuật, giám sát và báo cáo kết quả về Ủy ban nhân dân xã."),
    "",
    ("Bên cạnh đó, Ủy ban nhân dân xã cũng đề nghị Ủy ban MTTQ và các tổ chức chính trị - xã hội xã tăng "
     "cường tuyên truyền, vận động hội viên cùng hưởng ứng."),
    "",
])

NUMBERED = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 45/TB-UBND
THÔNG BÁO
Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban

1. Công chức Văn phòng - Thống kê tổng hợp báo cáo kinh tế - xã hội tháng 8, hoàn thành trước ngày 25/8/2025.
3. Trạm Y tế xã chủ trì tổ chức phun hóa chất diệt muỗi tại thôn 4, hoàn thành trước ngày 28/8/2025.
4. Công an xã tăng cường tuần tra bảo đảm an ninh trật tự dịp Quốc khánh 2/9.
"""


def test_paragraph_tasks_are_numbered_one_two_three() -> None:
    refs = [t.ref for t in parse_notice(PROSE).tasks]
    # (the second paragraph is background, so by paragraph the numbers skip; round 13 keeps "Trưởng thôn … chịu
    # trách nhiệm huy động lực lượng" as the duty it is: five tasks)
    assert refs == ["1", "2", "3", "4", "5"], refs


def test_a_documents_own_numbers_are_kept_with_their_gaps() -> None:
    refs = [t.ref for t in parse_notice(NUMBERED).tasks]
    assert refs == ["1", "3", "4"], refs
