"""A late task's holder who asked the office a question, not answered yet: the morning reminders say the office owes
the answer — to the holder (once, under their tasks) and to the head or leader the task is escalated to (under the
task) — until an admin answers (probe 48: head_kh's reminders and the leader's escalation said only "Chưa cập nhật"
for four weeks while his question about the outline waited)."""

from __future__ import annotations

import unicodedata

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.bot.test_leave_withdraw import NOTICE
from tests.conftest import local


def _digests(h: Harness, start: int, who: str) -> list[str]:
    return [s.text or "" for s in h.sent[start:] if s.to == who and (s.text or "").startswith("Kính gửi")]


async def test_the_reminders_say_the_office_owes_the_holder_an_answer_until_it_is_given(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, 12, 9, 0))
        await h.say("head_stnmt", "hỏi văn phòng: mẫu báo cáo hiện trạng đất ven biển lấy ở đâu ạ?")
        start = len(h.sent)
        await h.advance_to(local(2018, 4, 3, 10, 0))  # item 4 (due Tue 20/03) late, escalated on the way
        own = _digests(h, start, "head_stnmt")
        assert own, [s.to for s in h.sent[start:]]
        note = ("(Văn phòng chưa trả lời câu hỏi đồng chí gửi ngày 12/03; khi có trả lời, Nhắc việc sẽ chuyển ngay "
                "cho đồng chí.)")
        assert all(note in d for d in own), own[-1]
        assert all(d.count("Văn phòng chưa trả lời") == 1 for d in own), own[-1]
        told = [d for d in _digests(h, start, "leader") if "Trần Văn Môi" in d]
        assert told, _digests(h, start, "leader")
        said = ("  đ/c Trần Văn Môi đã hỏi Văn phòng ngày 12/03 (“mẫu báo cáo hiện trạng đất ven biển lấy ở đâu ạ?”), "
                "Văn phòng chưa trả lời.")
        assert any(said in d for d in told), told
        assert all(unicodedata.is_normalized("NFC", d) for d in own + told)
        # someone who asked nothing is not said to be waiting
        others = [d for who in ("head_bdv",) for d in _digests(h, start, who)]
        assert others and not any("Văn phòng chưa trả lời" in d or "đã hỏi Văn phòng" in d for d in others)
        await h.say("admin", "trả lời 1: mẫu kèm theo công văn, phụ lục II")
        start = len(h.sent)
        await h.advance_to(local(2018, 4, 20, 10, 0))
        after = _digests(h, start, "head_stnmt") + _digests(h, start, "leader")
        assert after and not any("Văn phòng chưa trả lời" in d or "đã hỏi Văn phòng" in d for d in after), after
    finally:
        await h.stop()


async def test_a_colleague_covering_a_leave_is_not_told_the_question_is_theirs(harness: Harness) -> None:
    """The colleague who gets the digests of a head on leave is not told "Văn phòng chưa trả lời câu hỏi đồng chí
    gửi …": the question is the head's; the head hears of it again when back."""
    h = harness
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "hỏi văn phòng: mẫu tổng hợp ý kiến lấy ở đâu ạ?")
    await h.say("head_bdv", "/nghi 27/2 1/3 @cadre_bdv")
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 5, 9, 0))
    covered = _digests(h, start, "cadre_bdv")
    assert covered and all("thay đ/c Lê Văn Dân nghỉ phép" in d for d in covered), covered
    assert not any("Văn phòng chưa trả lời" in d for d in covered), covered
    back = _digests(h, start, "head_bdv")
    assert back and "(Văn phòng chưa trả lời câu hỏi đồng chí gửi ngày 26/02;" in back[-1], back
