"""Month probe 28 (a new user's month on Zalo): a head's question about an item he does not hold ("cho hỏi mục 5
giao ai") was offered as a progress note on his own item (F1); the office's "đơn vị nào chưa cập nhật?" was not
understood and "đơn vị nào chậm?" said all was well while units had never written (F2); an extension asked on another
unit's item guessed the asker's item without a deadline (F8). Driven through the sandbox, on Zalo and Telegram."""

from __future__ import annotations

import pytest

from storage.models import StatusReport
from tests.bot.conversation_setup import count, started, texts_to

CHANNELS = ["telegram", "zalo"]


@pytest.mark.parametrize("channel", CHANNELS)
async def test_a_question_about_who_holds_an_item_is_answered_never_recorded(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        mark = len(h.sent)
        await h.say("head_stnmt", "cho hỏi mục 1 giao ai")  # holds only mục 4
        await h.say("head_stnmt", "mục 2 của đơn vị nào ạ?")
        await h.say("head_stnmt", "mục 3 hạn khi nào")
        await h.say("head_bdv", "mục 4 ai làm")
        await h.say("leader", "mục 1 giao ai?")
        first, second, third = texts_to(h, "head_stnmt", mark)
        assert first.startswith("Mục 1 (") and "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), hạn 15/03/2018" \
            in first, first
        assert "ghi cho mục" not in first and "Ý đồng chí" not in first, first
        assert "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), hạn 30/03/2018; phối hợp: Sở Tài nguyên và Môi " \
               "trường" in second, second
        assert "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), không có thời hạn" in third, third
        [to_bdv] = texts_to(h, "head_bdv", mark)
        assert "Sở Tài nguyên và Môi trường chủ trì (đ/c Trần Văn Môi), hạn 20/03/2018" in to_bdv, to_bdv
        [to_leader] = texts_to(h, "leader", mark)
        assert to_leader.startswith("Mục 1 (") and "Lê Văn Dân" in to_leader, to_leader
        assert texts_to(h, "admin", mark) == []  # nothing passed to the office
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()
