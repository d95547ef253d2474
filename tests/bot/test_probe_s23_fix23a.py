"""What probe 23 met in "tất cả … đã hoàn thành" and planned dates, through the real conversation core and the
Telegram sandbox: the same words repeated under each task confirmed; a "đúng" days after the question answered
"chưa hiểu"; a planned month after the deadline offered no extension."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.bot.test_probe_s22_conv22b import harness, tasks  # noqa: F401  (the fixture, shared)
from tests.conftest import local

PHUONG = "UBND phường Cam Đường"


async def test_words_said_of_every_task_are_confirmed_once(harness: Harness) -> None:  # noqa: F811
    h = harness
    await h.say("ct_cd", "Phường đã hoàn thành tất cả các nội dung")
    mark = len(h.sent)
    await h.tap("ct_cd", texts.every_button(3))
    said = "\n".join(texts_to(h, "ct_cd", mark))
    assert said.count("Đã cập nhật: mục 4.") == 3 and said.count("Nội dung:") == 1, said


async def test_a_late_yes_is_told_the_question_lapsed(harness: Harness) -> None:  # noqa: F811
    h = harness
    await h.say("ct_cd", "Phường đã hoàn thành tất cả các nội dung")
    await h.advance_to(local(2026, 4, 24, 9, 0))
    await h.say("ct_cd", "đúng")
    told = last_text(h, "ct_cd")
    assert told.startswith("Câu hỏi trước đã hết hiệu lực") and "“4.a xong”" in told, told
    assert all(tasks(h, ref)[PHUONG].status != TaskStatus.DONE for ref in ("4.a", "4.b", "4.c"))
