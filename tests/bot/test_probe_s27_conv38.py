"""Session 26 probes' leftovers (probe 37, refs36, conv37), through the sandbox on SQLite and PostgreSQL:
1. A cadre reports on the head's point with the paper's number ("2.c đã trình …" where an OCR reading lost the
   section's "2.", the bot numbers it 1.c): asked "Ý đồng chí là mục 1.c …; đ/c <head> phụ trách?", recorded on
   "đúng" — the unit's tasks the cadre may report on by number, never another unit's.
2. A yes ("đúng", "ừ", "đúng rồi", "phải") to "Ý đồng chí là mục 1.a?" once that question is no longer open —
   answered, overtaken by the person's own report on 1.a, too old, or after a restart — is told which question lapsed
   and what to type; nothing recorded (the older words never over a newer report). "ừ" answers an open question.
3. "Hiện không có câu hỏi nào …" on Zalo gives an example number only from the person's own open tasks."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import reports, task, texts_to
from tests.bot.test_probe_s26_points import NOTICE
from tests.conftest import DIRECTORY_CSV, local

STEP = dt.timedelta(minutes=5)  # between two messages of a person, as in a real chat


async def started(db_url: str, channel: str = "telegram") -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel=channel)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    if channel == "zalo":
        await h.say("admin", "xác nhận")  # (Zalo has no buttons)
    else:
        await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


async def said(h: Harness, handle: str, text: str) -> str:
    h.clock.advance(STEP)
    start = len(h.sent)
    await h.say(handle, text)
    return "\n".join(texts_to(h, handle, start))


async def test_a_cadres_report_on_the_heads_point_typed_as_printed_is_asked_and_recorded(db_url: str) -> None:
    h = await started(db_url)
    try:
        answer = await said(h, "cadre_bdv", "2.c đã trình dự thảo kế hoạch tuyên truyền")
        assert "Ý đồng chí là mục 1.c" in answer and "Lê Văn Dân" in answer, answer
        answer = await said(h, "cadre_bdv", "đúng")
        assert "1.c" in answer and task(h, "1.c").status == "in_progress", answer
        assert reports(h)[-1].note and "đã trình dự thảo" in reports(h)[-1].note
        answer = await said(h, "cadre_bdv", "xin gia hạn mục 2.a đến 30/3/2018")  # more time on the head's 1.a
        assert "Ý đồng chí là mục 1.a" in answer, answer
        # 1.b is Sở Tài nguyên và Môi trường's: never guessed for a cadre of Ban Dân vận
        answer = await said(h, "cadre_bdv", "2.b đang làm 50%")
        assert "Ý đồng chí là mục" not in answer and task(h, "1.b").percent is None, answer
    finally:
        await h.stop()


async def test_a_yes_after_the_question_was_answered_or_overtaken_records_nothing(db_url: str) -> None:
    h = await started(db_url)
    try:
        await said(h, "head_bdv", "2.a đang làm 50%")  # "Ý đồng chí là mục 1.a?"
        await said(h, "head_bdv", "1.a đang làm 80%")  # typed again with the bot's number
        before = len(reports(h))
        answer = await said(h, "head_bdv", "đúng")
        assert "không còn chờ trả lời" in answer and "1.a" in answer, answer
        assert len(reports(h)) == before and task(h, "1.a").percent == 80
        await said(h, "head_bdv", "2.c đang làm 30%")
        await said(h, "head_bdv", "ừ")  # a yes
        assert task(h, "1.c").percent == 30
        answer = await said(h, "head_bdv", "đúng rồi")  # the same question, answered already
        assert "không còn chờ trả lời" in answer and "đã trả lời" in answer and "1.c" in answer, answer
        assert len(reports(h)) == before + 1
    finally:
        await h.stop()


async def test_a_yes_long_after_the_question_or_after_a_restart_says_what_to_type(db_url: str) -> None:
    h = await started(db_url)
    try:
        await said(h, "head_bdv", "2.a đang làm 50%")
        await h.stop()
        h2 = Harness(db_url=h.db_url, clock=h.clock, channel=h.channel)
        await h2.start(enroll_all=False)
        h = h2
        answer = await said(h, "head_bdv", "ừ")  # the question holds over a restart
        assert task(h, "1.a").percent == 50, answer
        await said(h, "head_bdv", "2.c đang làm 40%")
        h.clock.set(local(2018, 3, 19, 9, 0))  # three weeks on: too old to ask again
        for yes in ("phải", "ừ", "đúng"):
            answer = await said(h, "head_bdv", yes)
            assert "không còn chờ trả lời" in answer and "“1.c đang làm 40%”" in answer, (yes, answer)
        assert task(h, "1.c").percent is None
    finally:
        await h.stop()


async def test_nothing_asked_on_zalo_gives_an_example_only_from_ones_own_open_tasks(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        answer = await said(h, "cadre_bdv", "đúng")  # holds nothing of their own
        assert "Hiện không có câu hỏi nào" in answer and "ví dụ" not in answer and "2.1" not in answer, answer
        answer = await said(h, "head_bdv", "đúng")
        assert "“1.a xong”" in answer, answer
    finally:
        await h.stop()


async def test_a_polite_yes_just_after_the_question_answers_it_and_later_is_a_thank_you(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        await said(h, "head_bdv", "2.a đang làm 50%")  # "Ý đồng chí là mục 1.a?"
        await said(h, "head_bdv", "dạ vâng")  # was taken for a thank-you: unanswered, nothing recorded
        assert task(h, "1.a").percent == 50
        await said(h, "head_bdv", "2.c đang làm 30%")
        h.clock.advance(dt.timedelta(hours=3))  # a "vâng" hours later is a thank-you, not a yes
        await said(h, "head_bdv", "vâng ạ")
        assert task(h, "1.c").percent is None
        await said(h, "cadre_bdv", "2.c đang làm 40%")
        await said(h, "cadre_bdv", "1.c đang làm 40%")  # typed again with the bot's number
        assert await said(h, "cadre_bdv", "ok") == texts.RECEIPT_NOTED  # thanks for that, not about the question
    finally:
        await h.stop()


async def test_a_corrections_words_are_not_kept_as_the_units_progress(db_url: str) -> None:
    h = await started(db_url)
    try:
        await said(h, "head_bdv", "1.c xong")
        h.clock.set(local(2018, 2, 27, 9, 0))
        await said(h, "head_bdv", "em báo nhầm ạ, 1.c mới đạt 50%, đang hoàn thiện dự thảo")
        assert task(h, "1.c").status == "in_progress" and task(h, "1.c").percent == 50
        assert reports(h)[-1].note == "mới đạt 50%, đang hoàn thiện dự thảo", reports(h)[-1].note
    finally:
        await h.stop()
