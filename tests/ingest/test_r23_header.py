"""Round 23: the header of a copy whose columns were read across (an OCR'd scan, a .docx header table flattened to one
row) — the issuing body ends where the right column starts (the motto "CỘNG HÒA …" / "Độc lập - Tự do - Hạnh phúc",
"ĐẢNG CỘNG SẢN VIỆT NAM", the number "Số: …", a cell border "|"); a department named after its parent body on the
same line issues ("UBND TỈNH X SỞ CÔNG THƯƠNG"); a subject after "V/v" goes on over the short lines of the left
column; department names in ordinary case keep each field's capital ("Sở Giáo dục và Đào tạo"). And a numbered
heading ending in "số" as "digital" ("… chính quyền số") is a heading like its siblings, not a line cut before its
number. Every snippet is written for the test (no document's text)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import WRAP_TAIL
from bot.ingest.units import unit_case
from tests.ingest.test_segmentation import SIGNATURE

BODY = """THÔNG BÁO
Kết quả kiểm tra công tác an toàn thực phẩm

Thực hiện kế hoạch kiểm tra năm 2026, đoàn kiểm tra đã làm việc với các cơ sở trên địa bàn tỉnh. Kết quả như sau:
1. Các cơ sở rà soát, bổ sung hồ sơ theo quy định, báo cáo kết quả trước ngày 30/6/2026.
2. Phòng Quản lý thương mại theo dõi, đôn đốc các cơ sở khắc phục tồn tại.
"""


@pytest.mark.parametrize("head,issuer", [
    # (OCR read across the two columns: the motto glued on the body's name)
    ("UBND TỈNH AN BÌNH CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
     "Số: 125/TB-SCT An Bình, ngày 09 tháng 4 năm 2026", "Sở Công Thương"),
    ("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN BÌNH Độc Lập - Tự Do - Hạnh Phúc\n"
     "Số: 125/TB-UBND An Bình, ngày 09 tháng 4 năm 2026", "Ủy ban nhân dân tỉnh An Bình"),
    # (a .docx header table flattened to one row)
    ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH Số:          /TB-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
     "phúc An Bình, ngày     tháng 01 năm 2026", "Ủy ban nhân dân tỉnh An Bình"),
    ("UBND TỈNH AN BÌNH SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Số:       /TB-SNNMT | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập "
     "- Tự do - Hạnh phúc An Bình, ngày       tháng 4 năm 2026", "Sở Nông nghiệp và Môi trường"),
    # (a scan that broke the motto's first word onto a line of its own)
    ("UỶ\nBAN NHÂN DÂN |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 125/TB-UBND", "Uỷ ban nhân dân"),
])
def test_the_issuer_ends_where_the_right_column_starts(head: str, issuer: str) -> None:
    notice = parse_notice(head + "\n" + BODY + SIGNATURE)
    assert notice.issuer == issuer


@pytest.mark.parametrize("head,issuer", [
    ("ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nVĂN PHÒNG\nSố: 125/VP-TH", "Ủy ban nhân dân tỉnh An Bình"),
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 125/VPCP-KTTH", "Văn phòng Chính phủ"),
    ("UBND HUYỆN TÂN LẬP\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 125/PGDĐT", "Phòng Giáo dục và Đào tạo"),
])
def test_a_header_in_its_own_lines_names_its_body_in_ordinary_case(head: str, issuer: str) -> None:
    assert parse_notice(head + "\n" + BODY + SIGNATURE).issuer == issuer


@pytest.mark.parametrize("name,cased", [
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("VĂN PHÒNG QUỐC HỘI", "Văn phòng Quốc hội"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG", "Ban Chấp hành Trung ương Đảng"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ AN BÌNH", "Ủy ban nhân dân thị xã An Bình"),
])
def test_department_names_in_ordinary_case(name: str, cased: str) -> None:
    assert unit_case(name) == cased


LETTER = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 125/UBND-KT An Bình, ngày 12 tháng 4 năm 2026
V/v triển khai thực hiện thủ tục cấp
Giấy phép vận chuyển hàng hoá nguy
hiểm loại 1, 2, 3
{next}
Ủy ban nhân dân tỉnh nhận được Văn bản số 225/BCT-ATMT ngày 02/4/2026 của Bộ Công Thương; việc này, Chủ tịch UBND \
tỉnh có ý kiến như sau:
Giao Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện theo quy định.
"""


@pytest.mark.parametrize("nxt", ["Kính gửi: Sở Công Thương.", "Kính gửi: - Sở Công Thương;\n- Công an tỉnh."])
def test_the_subject_goes_on_over_the_left_column(nxt: str) -> None:
    notice = parse_notice(LETTER.format(next=nxt) + SIGNATURE)
    assert notice.subject == "triển khai thực hiện thủ tục cấp Giấy phép vận chuyển hàng hoá nguy hiểm loại 1, 2, 3"


def test_the_subject_stops_at_a_body_line() -> None:
    wrapped = "V/v triển khai thực hiện thủ tục cấp\nGiấy phép vận chuyển hàng hoá nguy\nhiểm loại 1, 2, 3\n"
    text = LETTER.replace(wrapped, "V/v triển khai Giấy phép vận chuyển hàng nguy hiểm.\n")
    notice = parse_notice(text.format(next="Kính gửi: Sở Công Thương.") + SIGNATURE)
    assert notice.subject == "triển khai Giấy phép vận chuyển hàng nguy hiểm."


CONCLUSION = """II. NHIỆM VỤ TRỌNG TÂM
Đồng chí Phó Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung thực hiện tốt các nhiệm vụ sau:
1. Về cải cách thể chế
Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị liên quan:
a) Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành.
b) Tham mưu sửa đổi các văn bản không còn phù hợp.
2. Về xây dựng chính quyền điện tử, {topic}
Giao Sở Khoa học và Công nghệ chủ trì, phối hợp các cơ quan, đơn vị liên quan:
a) Theo dõi tình hình sử dụng chữ ký số của các cơ quan, đơn vị.
b) Xây dựng dữ liệu dùng chung của tỉnh.
"""


@pytest.mark.parametrize("topic", ["chính quyền số", "chuyển đổi số", "kinh tế số"])
def test_a_heading_ending_in_digital_is_a_heading(topic: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 12/TB-UBND\nTHÔNG BÁO\nKết luận của đồng chí Phó Chủ tịch UBND tỉnh\n"
            + CONCLUSION.format(topic=topic) + SIGNATURE)
    tasks = parse_notice(text).tasks
    assert not any(t.text.startswith("Về ") for t in tasks), [(t.ref, t.text[:50]) for t in tasks]
    assert [t.lead for t in tasks if t.ref.startswith("II.2.")] == [("Sở Khoa học và Công nghệ",)] * 2


@pytest.mark.parametrize("line,wraps", [
    ("Thực hiện Công văn số", True),
    ("căn cứ Quyết định số", True),
    ("tăng cường chuyển đổi số", False),
    ("Về xây dựng chính quyền điện tử, chính quyền số", False),
])
def test_a_number_word_before_its_number_still_wraps(line: str, wraps: bool) -> None:
    assert bool(WRAP_TAIL.search(line)) == wraps
