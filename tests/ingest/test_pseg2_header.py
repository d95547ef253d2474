"""Header lines garbled by a scan's OCR (issue 8, batch-e/f patterns): the addressee line "Kính gửi:".

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from tests.ingest.test_segmentation import SIGNATURE

HEAD = """SỞ NÔNG NGHIỆP TỈNH AN BÌNH
Số: 210/SNN-KH
V/v tăng cường quản lý giống cây trồng
An Bình, ngày 12 tháng 5 năm 2026
{line}: Ủy ban nhân dân các huyện, thị xã.
Để bảo đảm vụ mùa, Sở Nông nghiệp đề nghị thực hiện các nội dung sau:
1. Rà soát nhu cầu giống cây trồng của từng xã.
2. Kiểm tra các cơ sở kinh doanh giống trên địa bàn.
"""


def test_an_addressee_line_misread_by_ocr_still_names_the_addressee() -> None:
    notice = parse_notice(HEAD.format(line="Kinh gừi") + SIGNATURE)
    assert notice.addressees == ("Ủy ban nhân dân các huyện, thị xã",)
    assert [t.lead for t in notice.tasks] == [("Ủy ban nhân dân các huyện, thị xã",)] * 2, \
        [(t.ref, t.lead) for t in notice.tasks]


def test_a_sender_line_is_not_an_addressee() -> None:
    notice = parse_notice(HEAD.format(line="Người gửi") + SIGNATURE)
    assert notice.addressees == ()


def test_a_closing_formula_misread_by_ocr_is_not_a_task() -> None:
    body = HEAD.format(line="Kính gửi").replace(
        "2. Kiểm tra các cơ sở kinh doanh giống trên địa bàn.\n",
        "2. Kiểm tra các cơ sở kinh doanh giống trên địa bàn.\n"
        "Sở Nông nghiệp thông báo để các địa phương được biết và triển khai thực hiện/.p\n")
    tasks = parse_notice(body + SIGNATURE).tasks
    assert [t.ref for t in tasks] == ["1", "2"], [(t.ref, t.text[:40]) for t in tasks]
    assert "thông báo để" not in tasks[1].text
