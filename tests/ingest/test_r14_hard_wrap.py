"""Round 14: a notice pasted hard-wrapped (a line break every ~75 characters, as text copied out of a PDF arrives)
reads as the same notice with whole paragraphs. In a text whose long lines all end near one width, a full line (its
next word would not have fitted) goes on into the next line when that line cannot open an item there:

- a line opening with "- " before a digit or a lower-case word ("… giai đoạn 2021" / "- 2025 …"): a range or a
  hyphenated word cut at its dash, not a dash item;
- a lower-case line after a line ending on ",", ";" or ":" ("…, tổng hợp;" / "báo cáo …"): the clause goes on;
- a line after an unclosed parenthesis ("… (theo Phụ lục" / "II kèm theo) …");
- a line after a short numbered line that did not end ("1. Các Sở: Tài chính, Xây dựng, Nông nghiệp và" /
  "Môi trường: …"): the heading's name goes on.

A text whose paragraphs are whole lines is read as before."""

from __future__ import annotations

from bot.ingest import parse_notice

HEAD = """ỦY BAN NHÂN DÂN TỈNH
Số: 15/UBND-KT
V/v triển khai kế hoạch đầu tư công
Kính gửi: Các sở, ban, ngành tỉnh.
"""

TAIL = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""

WHOLE = """Để triển khai kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 trên địa bàn, Ủy ban nhân dân tỉnh \
đề nghị các đơn vị thực hiện các nội dung sau:
1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành rà soát chỉ tiêu giai đoạn 2021 - 2025 của \
từng lĩnh vực, tổng hợp; báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2024.
2. Sở Tài chính cân đối nguồn vốn cho các dự án trọng điểm của tỉnh (theo Phụ lục II kèm theo) và báo cáo \
kết quả cân đối trước ngày 20/12/2024.
3. Ủy ban nhân dân các huyện, thành phố rà soát danh mục dự án khởi công mới, đề xuất điều chỉnh kế hoạch \
vốn của địa phương mình và gửi Sở Kế hoạch và Đầu tư trước ngày 25/12/2024.
"""

WRAPPED = """Để triển khai kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 trên
địa bàn, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện các nội dung sau:
1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành rà soát chỉ
tiêu giai đoạn 2021 - 2025 của từng lĩnh vực, tổng hợp; báo cáo Ủy ban nhân
dân tỉnh trước ngày 15/12/2024.
2. Sở Tài chính cân đối nguồn vốn cho các dự án trọng điểm của tỉnh (theo
Phụ lục II kèm theo) và báo cáo kết quả cân đối trước ngày 20/12/2024.
3. Ủy ban nhân dân các huyện, thành phố rà soát danh mục dự án khởi công
mới, đề xuất điều chỉnh kế hoạch vốn của địa phương mình và gửi Sở Kế hoạch
và Đầu tư trước ngày 25/12/2024.
"""


def _reading(body: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    notice = parse_notice(HEAD + body + TAIL)
    return [(t.text, t.lead, t.due.isoformat() if t.due else None) for t in notice.tasks]


def _rewrap(whole: str, old: str, new: str) -> str:
    assert old in whole
    return whole.replace(old, new)


def test_the_wrapped_letter_reads_as_the_whole_one() -> None:
    assert len(_reading(WHOLE)) == 3
    assert _reading(WRAPPED) == _reading(WHOLE)


def test_a_line_opening_with_a_dash_before_a_digit_goes_on_the_range() -> None:
    wrapped = _rewrap(WRAPPED,
                      "rà soát chỉ\ntiêu giai đoạn 2021 - 2025 của từng lĩnh vực, tổng hợp; báo cáo Ủy ban nhân\n",
                      "rà soát chỉ tiêu giai đoạn 2021\n- 2025 của từng lĩnh vực, tổng hợp; báo cáo Ủy ban nhân\n")
    reading = _reading(wrapped)
    assert reading == _reading(WHOLE)
    assert not any(text.startswith("2025") for text, _, _ in reading)


def test_a_line_opening_with_a_dash_before_a_lower_case_word_goes_on_the_word() -> None:
    whole = WHOLE.replace("khởi công mới, đề xuất", "khởi công mới trong các lĩnh vực giao thông, thủy lợi, y tế, "
                          "giáo dục và kinh tế - xã hội, đề xuất")
    wrapped = _rewrap(WRAPPED, "3. Ủy ban nhân dân các huyện, thành phố rà soát danh mục dự án khởi công\nmới, đề xuất",
                      "3. Ủy ban nhân dân các huyện, thành phố rà soát danh mục dự án khởi công\n"
                      "mới trong các lĩnh vực giao thông, thủy lợi, y tế, giáo dục và kinh tế\n- xã hội, đề xuất")
    assert _reading(wrapped) == _reading(whole)


NEWS_WHOLE = """Huyện ra quân giao nhận quân năm 2025
Sáng 12/2, phát biểu tại lễ phát lệnh, đồng chí Chủ tịch UBND huyện yêu cầu Hội đồng nghĩa vụ quân sự các xã, \
thị trấn thực hiện tốt các nhiệm vụ: tổ chức phát lệnh gọi công dân nhập ngũ đúng thời gian quy định; \
kiểm tra, rà soát lại sức khỏe của thanh niên chuẩn bị nhập ngũ; quản lý, nắm chắc số thanh niên nhận lệnh.
Buổi lễ diễn ra trang trọng với sự tham dự của đông đảo người dân trên địa bàn huyện và các xã, thị trấn.
"""

NEWS_WRAPPED = """Huyện ra quân giao nhận quân năm 2025
Sáng 12/2, phát biểu tại lễ phát lệnh, đồng chí Chủ tịch UBND huyện yêu cầu
Hội đồng nghĩa vụ quân sự các xã, thị trấn thực hiện tốt các nhiệm vụ: tổ
chức phát lệnh gọi công dân nhập ngũ đúng thời gian quy định, thông báo;
kiểm tra, rà soát lại sức khỏe của thanh niên chuẩn bị nhập ngũ; quản lý,
nắm chắc số thanh niên nhận lệnh.
Buổi lễ diễn ra trang trọng với sự tham dự của đông đảo người dân trên địa
bàn huyện và các xã, thị trấn.
"""


def test_a_lower_case_line_after_a_semicolon_goes_on_the_clause() -> None:
    whole = NEWS_WHOLE.replace("đúng thời gian quy định;", "đúng thời gian quy định, thông báo;")
    wrapped = [(t.text, t.lead) for t in parse_notice(NEWS_WRAPPED).tasks]
    assert wrapped == [(t.text, t.lead) for t in parse_notice(whole).tasks]
    assert any(text.startswith("kiểm tra, rà soát") and lead for text, lead in wrapped)


def test_a_line_after_an_open_parenthesis_goes_on_inside_it() -> None:
    wrapped = _rewrap(WRAPPED, "các dự án trọng điểm của tỉnh (theo\nPhụ lục II kèm theo)",
                      "các dự án trọng điểm của tỉnh (theo Phụ lục\nII kèm theo)")
    wrapped = wrapped.replace("II kèm theo)", "II) kèm theo", 1)
    whole = WHOLE.replace("(theo Phụ lục II kèm theo)", "(theo Phụ lục II) kèm theo")
    assert _reading(wrapped) == _reading(whole)


def test_a_short_numbered_line_that_did_not_end_goes_on() -> None:
    whole = WHOLE.replace("2. Sở Tài chính cân đối",
                          "2. Các Sở: Tài chính, Xây dựng, Giao thông vận tải, Công Thương và Nông nghiệp và "
                          "Môi trường cân đối")
    wrapped = _rewrap(WRAPPED, "2. Sở Tài chính cân đối nguồn vốn cho các dự án trọng điểm của tỉnh (theo\n",
                      "2. Các Sở: Tài chính, Xây dựng, Giao thông vận tải, Công Thương và\n"
                      "Nông nghiệp và Môi trường cân đối nguồn vốn cho các dự án trọng điểm của tỉnh (theo\n")
    assert _reading(wrapped) == _reading(whole)


def test_a_text_of_whole_paragraphs_keeps_its_dash_items() -> None:
    body = WHOLE + """4. Các đơn vị tổ chức thực hiện tốt các nội dung sau đây trong giai đoạn 2021 - 2025 trên địa bàn
- rà soát, cập nhật danh mục các dự án đầu tư công của đơn vị mình;
- báo cáo tiến độ giải ngân vốn đầu tư công hằng tháng về Sở Tài chính.
"""
    texts = [text for text, _, _ in _reading(body)]
    assert any(text.startswith("báo cáo tiến độ giải ngân") for text in texts)


def test_a_dash_before_an_upper_case_word_opens_an_item_after_a_full_line() -> None:
    body = WRAPPED + """4. Mời Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái, Hà Giang, Tuyên Quang, Cao Bằng
- Đề nghị Ủy ban nhân dân các tỉnh cử đoàn công tác tham gia hội nghị xúc tiến đầu tư.
- Cử đầu mối phối hợp với Sở Kế hoạch và Đầu tư chuẩn bị nội dung hội nghị.
"""
    texts = [text for text, _, _ in _reading(body)]
    assert any(text.startswith("Đề nghị Ủy ban nhân dân các tỉnh cử đoàn") for text in texts)
