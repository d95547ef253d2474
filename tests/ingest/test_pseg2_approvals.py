"""An approval of what another body proposed is no task (issue 8, batch-f patterns).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from tests.ingest.test_psegs_passdown import HEAD
from tests.ingest.test_segmentation import SIGNATURE


def _texts(body: str) -> list[str]:
    return [t.text[:24] for t in parse_notice(HEAD + body + SIGNATURE).tasks]


def test_an_approval_under_its_topic_is_not_a_task() -> None:
    texts = _texts("""1. Về phương án sắp xếp trụ sở
Cơ bản thống nhất với báo cáo, đề xuất của Sở Tài chính về phương án sắp xếp trụ sở các cơ quan.
2. Về dự án đường tỉnh 12
Nhất trí với đề xuất của Sở Xây dựng về điều chỉnh tổng mức đầu tư.
3. Sở Xây dựng hoàn thiện hồ sơ điều chỉnh dự án, trình UBND tỉnh trước ngày 30/4/2026.
""")
    assert texts == ["Sở Xây dựng hoàn thiện h"], texts


def test_an_approval_followed_by_an_ask_keeps_the_ask() -> None:
    texts = _texts("""1. Thống nhất với đề xuất của Sở Tài chính về sắp xếp trụ sở. Giao Sở Tài chính hoàn thiện \
phương án, trình UBND tỉnh trước ngày 30/4/2026.
""")
    assert len(texts) == 1, texts
