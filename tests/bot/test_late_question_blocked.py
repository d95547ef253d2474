""""Đơn vị nào chậm?" also names the tasks units say are held up, in their words (probe 48: a head reported "60%,
vướng số liệu phụ lục" before the deadline, and the leader's question that afternoon was answered "no unit is late"
with no word of it — the one place help was needed)."""

from __future__ import annotations

import unicodedata

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.conftest import local


async def _ask(h: Harness, text: str) -> str:
    start = len(h.sent)
    await h.say("leader", text)
    return "\n".join(s.text or "" for s in h.sent[start:] if s.to == "leader")


async def test_which_units_are_late_names_the_units_held_up(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, 12, 9, 0))
        before = await _ask(h, "đơn vị nào chậm?")
        assert "vướng" not in before, before  # nothing reported held up: nothing said
        await h.say("head_stnmt", "4 đạt 60% vướng số liệu đo đạc của huyện")
        answer = await _ask(h, "đơn vị nào chậm?")
        assert answer.startswith("Hiện không có đơn vị nào có nhiệm vụ quá hạn"), answer
        said = ("Đơn vị báo vướng mắc (1 nhiệm vụ): Sở Tài nguyên và Môi trường — mục 4: “vướng số liệu đo đạc của "
                "huyện” (từ 12/03). Đồng chí gõ “việc nào đang vướng?” để xem chi tiết.")
        assert said in answer, answer
        await h.advance_to(local(2018, 3, 22, 10, 0))  # items 1 (15/03) and 4 (20/03) late now
        late = await _ask(h, "đơn vị nào chậm?")
        assert "Sở Tài nguyên và Môi trường" in late.split("Đơn vị báo vướng mắc", 1)[0], late
        assert said in late, late
        # a question about one unit, or a notice, is answered about that alone, as before
        assert "Đơn vị báo vướng mắc" not in await _ask(h, "Ban Dân vận Tỉnh ủy chậm những việc nào?")
        await h.say("head_stnmt", "4 xong")
        assert "Đơn vị báo vướng mắc" not in await _ask(h, "đơn vị nào chậm?")  # finished: no longer held up
        assert unicodedata.is_normalized("NFC", late)
    finally:
        await h.stop()
