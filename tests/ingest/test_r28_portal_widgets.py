"""Round 28 phrasing pattern: a portal copy keeps the page's widget labels on lines of their own — "(0) Bình luận",
"Nổi bật", "Tin mới nhất", "Tin tức nổi bật", "Xem với cỡ chữ", "Chia sẻ:", "Tìm kiếm", "Phản hồi", "A- A A+ | Tăng
tương phản Giảm tương phản". They are the page's chrome, never a task's words. Texts invented."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import PAGE_CHROME

BODY = ("Ủy ban nhân dân huyện Tân Lạc vừa có văn bản yêu cầu Ủy ban nhân dân các xã, thị trấn khẩn trương rà soát "
        "các hộ nuôi gia cầm, tổ chức tiêm phòng cúm gia cầm đợt 2 trước ngày 30/11/2026.")


HEADLINE = "Tân Lạc: Khẩn trương tiêm phòng cúm gia cầm đợt 2"


@pytest.mark.parametrize("lines", [
    ["(0) Bình luận", "Nổi bật", "Tin mới nhất", HEADLINE, "", BODY],
    [HEADLINE, "Tin tức nổi bật", BODY],
])
def test_widget_labels_are_not_task_words(lines: list[str]) -> None:
    tasks = parse_notice("\n".join(lines)).to_json()["tasks"]
    assert any("tiêm phòng cúm gia cầm đợt 2 trước ngày" in t["text"] for t in tasks)
    for t in tasks:
        for label in ("Bình luận", "Nổi bật", "Tin mới nhất", "nổi bật"):
            assert label not in t["text"]


@pytest.mark.parametrize("label", ["(0) Bình luận", "Nổi bật", "Tin mới nhất", "Tin tức nổi bật", "Xem với cỡ chữ",
                                   "Chia sẻ:", "Tìm kiếm", "Phản hồi", "Thông tin người gửi phản hồi",
                                   "A- A A+ | Tăng tương phản Giảm tương phản"])
def test_widget_label_lines_are_page_chrome(label: str) -> None:
    assert PAGE_CHROME.match(label)


def test_a_sentence_about_comments_is_kept() -> None:
    # guard: only a label alone on its line is chrome
    assert not PAGE_CHROME.match("Tìm kiếm cứu nạn") and not PAGE_CHROME.match("Phản hồi ý kiến cử tri")
    text = ("Sở Thông tin và Truyền thông đề nghị các cơ quan báo chí tìm kiếm, phản hồi kịp thời các ý kiến bình "
            "luận của bạn đọc về dịch vụ công trực tuyến trước ngày 15/12/2026.")
    tasks = parse_notice(text).to_json()["tasks"]
    assert any("phản hồi kịp thời" in t["text"] for t in tasks)
