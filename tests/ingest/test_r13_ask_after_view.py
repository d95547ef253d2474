"""Round 13: a sentence that first gives a leader's view of past work and then asks ("X đã đánh giá cao …, đồng thời
đồng chí cũng lưu ý các xã cần …") is a directive: the ask after "đồng thời"/"song"/"nhưng" names the doers. A view
alone, or one followed by no unit, stays an assessment."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _directive_paragraph

VIEW = "Sau khi nghe báo cáo, đồng chí Bí thư Huyện ủy đã đánh giá cao sự chủ động của chính quyền các địa phương"


@pytest.mark.parametrize("ask", [", đồng thời đồng chí cũng lưu ý các xã cần tập trung khắc phục hậu quả sau bão.",
                                 ", đồng thời yêu cầu UBND các xã rà soát các hộ bị thiệt hại.",
                                 "; song đề nghị Phòng Nông nghiệp hướng dẫn bà con khôi phục sản xuất."])
def test_an_ask_after_a_view_directs(ask: str) -> None:
    assert _directive_paragraph(VIEW + ask)


@pytest.mark.parametrize("tail", [".", ", đồng thời ghi nhận những cố gắng của cán bộ cơ sở.",
                                  ", đồng thời đề nghị thời gian tới cần phát huy hơn nữa."])
def test_a_view_alone_is_no_directive(tail: str) -> None:
    assert not _directive_paragraph(VIEW + tail)
