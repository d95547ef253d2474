"""The subject under a document's kind stops where the body begins, and a Party document's issuing-body line
("CỦA BAN THƯỜNG VỤ TỈNH ỦY") is not part of it (probe 27 #6: every digest opened with "về CỦA … về … Trong những…")."""

from __future__ import annotations

from bot.ingest import parse_notice

RESOLUTION = """TỈNH ỦY BÌNH AN ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 12-NQ/TU Bình An, ngày 05 tháng 3 năm 2026

NGHỊ QUYẾT
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về phát triển du lịch cộng đồng

{opening} ngành du lịch của tỉnh được quan tâm
lãnh đạo, chỉ đạo và đạt nhiều kết quả quan trọng, góp phần tăng trưởng kinh
tế và giải quyết việc làm cho người dân vùng nông thôn.

II. NHIỆM VỤ, GIẢI PHÁP
1. Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng kế hoạch thực hiện trong tháng 4/2026.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""


def test_a_party_resolutions_subject_is_the_ve_line_not_the_issuing_body_nor_the_body() -> None:
    for opening in ("Trong những năm qua,", "Thời gian qua,", "Những năm gần đây,", "Hiện nay,"):
        notice = parse_notice(RESOLUTION.format(opening=opening))
        assert notice.subject == "về phát triển du lịch cộng đồng", opening


def test_a_subject_wrapped_onto_a_second_line_keeps_it() -> None:
    text = RESOLUTION.format(opening="Trong những năm qua,").replace(
        "về phát triển du lịch cộng đồng\n", "về phát triển du lịch cộng đồng gắn với\nxây dựng nông thôn mới\n")
    assert parse_notice(text).subject == "về phát triển du lịch cộng đồng gắn với xây dựng nông thôn mới"


def test_an_ocr_read_party_motto_is_not_part_of_the_issuer() -> None:
    # a scan read "ĐẢNG CỘNG SẢN VIỆT NAM" as "ĐÁNG CỘNG SẢN VIỆT NAM" on the header's row
    text = RESOLUTION.format(opening="Trong những năm qua,").replace("ĐẢNG CỘNG SẢN", "ĐÁNG CỘNG SẢN")
    issuer = parse_notice(text).issuer or ""
    assert "cộng sản" not in issuer.lower() and "bình an" in issuer.lower()
