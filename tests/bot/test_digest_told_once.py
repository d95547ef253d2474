"""The day several of a holder's late tasks are escalated, their digest says once, below them, who was told
("(Do nhiệm vụ mục 1, 2 đã quá hạn, hôm nay Nhắc việc đã báo …)"), not the same sentence under every item (probe 20,
P5); one such task keeps it under its own line. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.bot.conversation_setup import started_with
from tests.conftest import DIRECTORY_CSV, local

TWO_DUE_TOGETHER = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 47/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Dân vận Tỉnh ủy",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo"
    " trước ngày 30/3/2018.",
    "2. Giao Ban Dân vận Tỉnh ủy chủ trì rà soát các hộ dân bị ảnh hưởng, hoàn thành trước ngày 30/3/2018.", ""])
TOLD = "hôm nay Nhắc việc đã báo"


@pytest.mark.parametrize("handle", ["head_bdv"])
async def test_two_late_tasks_escalated_the_same_day_say_who_was_told_once(db_url: str, handle: str) -> None:
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), TWO_DUE_TOGETHER)
    try:
        start = len(h.sent)
        await h.advance_to(local(2018, 4, 9, 12, 0))
        digests = [s.text or "" for s in h.sent[start:] if s.to == handle and (s.text or "").startswith("Kính gửi")]
        told = [d for d in digests if TOLD in d]
        assert told, digests
        for digest in told:
            assert digest.count(TOLD) == 1, digest
            assert "(Do nhiệm vụ mục 1, 2 đã quá hạn, hôm nay Nhắc việc đã báo " in digest, digest
            assert "Chưa cập nhật\n\n(Do nhiệm vụ mục 1, 2" in digest, digest  # below the items, not under one
    finally:
        await h.stop()
