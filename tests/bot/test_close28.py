"""Month probe 28 (a Kon Tum conclusion on Zalo): a bare "xong" from a head whose unit holds items in a cadre's
hands asks which (F7); a standing duty a head says is finished twice is closed (F3); a notice the bot numbered keeps
one numbering for the office and the units after a removal (F4)."""

from __future__ import annotations

import pytest

from storage.models import TaskStatus
from tests.bot.conversation_setup import last_text, started, task


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_a_bare_xong_from_a_head_whose_cadre_holds_another_item_asks_which(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.say("head_bdv", "/giao 3 @cadre_bdv")
        assert task(h, "1").status == TaskStatus.OPEN  # the head's own; 2 and 3 in the cadre's hands
        await h.say("head_bdv", "xong")
        asked = last_text(h, "head_bdv")
        assert "là của nhiệm vụ nào?" in asked and "• Mục 1:" in asked and "• Mục 2:" in asked, asked
        assert task(h, "1").status == TaskStatus.OPEN and task(h, "2").status == TaskStatus.OPEN
        if channel == "zalo":
            assert "“2 xong”" in asked  # the typed form of the choice
            await h.say("head_bdv", "2 xong")
        else:
            await h.tap("head_bdv", "Mục 2")
        assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — Hoàn thành"), last_text(h, "head_bdv")
        assert task(h, "2").status == TaskStatus.DONE and task(h, "1").status == TaskStatus.OPEN
        # the cadre's own only task left is 3: her "xong" still closes it at once
        await h.say("cadre_bdv", "xong")
        assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 3 — Hoàn thành"), last_text(h, "cadre_bdv")
    finally:
        await h.stop()

