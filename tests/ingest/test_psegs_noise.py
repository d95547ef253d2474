"""Converter and OCR noise that must not become tasks or split them (issue 8, items 1 and 7).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE  # the same signature block under every example

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 71/UBND-KT
V/v tăng cường quản lý chợ
An Bình, ngày 10 tháng 3 năm 2026
Kính gửi: Các sở, ban, ngành tỉnh
Ủy ban nhân dân tỉnh yêu cầu các đơn vị thực hiện các nội dung sau:
"""

def _tasks(body: str, *, head: str = HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


def test_page_break_markers_are_dropped_and_the_sentence_goes_on() -> None:
    body = """1. Sở Công Thương rà soát mạng lưới chợ trên địa bàn, báo cáo
--- PAGE BREAK ---
kết quả về Ủy ban nhân dân tỉnh.
===== Trang 2 =====
2. Sở Tài chính bố trí kinh phí sửa chữa các chợ xuống cấp.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["1", "2"]
    assert tasks[0].text.endswith("kết quả về Ủy ban nhân dân tỉnh.")
    assert not any("PAGE" in t.text or "Trang" in t.text for t in tasks)


def test_a_scan_footer_naming_the_typed_file_is_not_an_item() -> None:
    body = """1. Sở Công Thương rà soát mạng lưới chợ trên địa bàn và
12.KLCHO.DOC 3
báo cáo kết quả về Ủy ban nhân dân tỉnh.
2. Sở Tài chính bố trí kinh phí sửa chữa các chợ xuống cấp.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["1", "2"]
    assert "DOC" not in tasks[0].text and tasks[0].text.endswith("Ủy ban nhân dân tỉnh.")


def test_an_ocr_copyright_sign_is_the_item_mark_c() -> None:
    body = """a) Sở Công Thương rà soát mạng lưới chợ trên địa bàn.
b) Sở Tài chính bố trí kinh phí sửa chữa các chợ xuống cấp.
©) Công an tỉnh kiểm tra phòng cháy tại các chợ.
"""
    tasks = _tasks(body)
    assert [t.ref for t in tasks] == ["a", "b", "c"]
    assert tasks[2].lead == ("Công an tỉnh",)


def test_an_ocr_reading_of_noi_nhan_ends_the_body() -> None:
    body = """1. Sở Công Thương rà soát mạng lưới chợ trên địa bàn.
2. Sở Tài chính bố trí kinh phí sửa chữa các chợ xuống cấp.
Ủy ban nhân dân tỉnh thông báo để các đơn vị biết, thực hiện./. é
"""
    tail = """.Nới nhận: KT. CHỦ TỊCH
- Như trên;
- Phó Chủ tịch Lê Văn An (để báo
cáo);
- Lưu: VT, KT.
PHÓ CHỦ TỊCH
Trần Văn Bình
"""
    tasks = _tasks(body, tail=tail)
    assert [t.ref for t in tasks] == ["1", "2"]


def test_an_ocr_header_line_and_a_capitals_title_item_are_not_tasks() -> None:
    body = """- Độc lập - Tự do - Hạnh phúc
1. TINH THẦN CHỈ ĐẠO ĐIỀU HÀNH
1. Sở Công Thương rà soát mạng lưới chợ trên địa bàn.
2. Sở Tài chính bố trí kinh phí sửa chữa các chợ xuống cấp.
"""
    tasks = _tasks(body)
    assert [t.text[:12] for t in tasks] == ["Sở Công Thươ", "Sở Tài chính"], [t.text for t in tasks]


def test_a_signature_block_without_a_name_like_line_is_not_the_last_tasks_text() -> None:
    # no "Nơi nhận", and the signer's name is not two capitalised words of two letters or more
    text = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/TB-UBND
An Bình, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban

1. Sở Xây dựng rà soát các dự án chậm tiến độ, báo cáo UBND tỉnh trước ngày 15/4/2026.
2. Sở Nội vụ định kỳ hằng quý báo cáo kết quả cải cách hành chính.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""
    tasks = list(parse_notice(text).tasks)
    assert [t.text for t in tasks][-1] == "Sở Nội vụ định kỳ hằng quý báo cáo kết quả cải cách hành chính."
