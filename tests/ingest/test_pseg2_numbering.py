"""Item numbering and headings written in less common ways (issue 8, batch-f patterns): the slash numbering
"1/", "2/" of typed letters.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE

HEAD = """SỞ NÔNG NGHIỆP TỈNH AN BÌNH
Số: 210/SNN-KH
V/v tăng cường quản lý giống cây trồng
An Bình, ngày 12 tháng 5 năm 2026
Kính gửi: Ủy ban nhân dân các huyện, thị xã.
"""


def _tasks(body: str) -> list[ParsedTask]:
    return list(parse_notice(HEAD + body + SIGNATURE).tasks)


def test_slash_numbered_items_are_items() -> None:
    tasks = _tasks("""Để bảo đảm vụ mùa, Sở Nông nghiệp đề nghị các địa phương thực hiện các nội dung sau:
1/ Rà soát nhu cầu giống cây trồng của từng xã, tổng hợp gửi Sở trước ngày 30/5/2026.
- Ưu tiên các xã bị ảnh hưởng bởi hạn hán.
2/ Kiểm tra các cơ sở kinh doanh giống trên địa bàn.
3/ Tuyên truyền để người dân không sử dụng giống không rõ nguồn gốc.
""")
    tops = [t for t in tasks if "." not in t.ref]
    assert [t.ref for t in tops] == ["1", "2", "3"], [(t.ref, t.text[:30]) for t in tasks]
    assert tops[1].text.startswith("Kiểm tra các cơ sở")
    assert tops[0].due is not None and tops[0].due.isoformat() == "2026-05-30"


def test_slash_lettered_items_are_items() -> None:
    tasks = _tasks("""Sở Nông nghiệp đề nghị các địa phương thực hiện các nội dung sau:
a/ Rà soát nhu cầu giống cây trồng của từng xã.
b/ Kiểm tra các cơ sở kinh doanh giống trên địa bàn.
""")
    assert [t.text[:7] for t in tasks] == ["Rà soát", "Kiểm tr"], [(t.ref, t.text[:30]) for t in tasks]


def test_a_date_or_a_symbol_at_line_start_is_no_slash_item() -> None:
    tasks = _tasks("""Sở Nông nghiệp đề nghị các địa phương rà soát nhu cầu giống cây trồng theo Công văn số
12/ SNN-KH ngày 02/4/2026, báo cáo trước ngày
15/5/2026.
""")
    assert len(tasks) == 1, [(t.ref, t.text[:30]) for t in tasks]


def test_dash_bullets_garbled_by_ocr_are_items() -> None:
    tasks = _tasks("""Sở Nông nghiệp đề nghị các địa phương thực hiện các nội dung sau:
- Rà soát nhu cầu giống cây trồng của từng xã.
_ Kiểm tra các cơ sở kinh doanh giống trên địa bàn.
¬ Tuyên truyền để người dân không sử dụng giống không rõ nguồn gốc.
~ Báo cáo kết quả về Sở trước ngày 30/6/2026.
_ > Phối hợp với Chi cục Thủy lợi bảo đảm nước tưới.
""")
    assert [t.text[:7] for t in tasks] == ["Rà soát", "Kiểm tr", "Tuyên t", "Báo cáo", "Phối hợ"], \
        [(t.ref, t.text[:30]) for t in tasks]


def test_letter_marks_misread_by_ocr_are_letter_items() -> None:
    tasks = _tasks("""1. Phòng Nông nghiệp các huyện
8) Rà soát nhu cầu giống cây trồng của từng xã;
„b} Kiểm tra các cơ sở kinh doanh giống trên địa bàn;
c) Báo cáo kết quả về Sở trước ngày 30/6/2026.
2. Chi cục Trồng trọt hướng dẫn kỹ thuật gieo trồng.
""")
    assert [t.ref for t in tasks] == ["1.a", "1.b", "1.c", "2"], [(t.ref, t.text[:30]) for t in tasks]
    assert tasks[1].lead == ("Phòng Nông nghiệp các huyện",)


def test_a_number_eight_before_its_siblings_stays_a_number() -> None:
    tasks = _tasks("""7) Rà soát nhu cầu giống cây trồng của từng xã;
8) Kiểm tra các cơ sở kinh doanh giống trên địa bàn;
9) Báo cáo kết quả về Sở trước ngày 30/6/2026.
""")
    assert [t.ref for t in tasks] == ["7", "8", "9"], [(t.ref, t.text[:30]) for t in tasks]


def test_a_speck_before_an_item_mark_does_not_hide_the_item() -> None:
    tasks = _tasks("""1. Phòng Nông nghiệp các huyện
a) Rà soát nhu cầu giống cây trồng của từng xã;
_b) Kiểm tra các cơ sở kinh doanh giống trên địa bàn;
„ c) Báo cáo kết quả về Sở trước ngày 30/6/2026.
_2. Chi cục Trồng trọt
a) Hướng dẫn kỹ thuật gieo trồng.
""")
    assert [t.ref for t in tasks] == ["1.a", "1.b", "1.c", "2.a"], [(t.ref, t.text[:30]) for t in tasks]
    assert tasks[3].lead == ("Chi cục Trồng trọt",)
