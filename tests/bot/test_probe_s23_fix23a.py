"""What probe 23 met in "tất cả … đã hoàn thành" and planned dates, through the real conversation core and the
Telegram sandbox: the same words repeated under each task confirmed; a "đúng" days after the question answered
"chưa hiểu"; a planned month after the deadline offered no extension."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("plan", "end"), [("tháng 6", "30/06/2026"), ("trong tháng 6/2026", "30/06/2026"),
                                           ("quý III", "30/09/2026")])
async def test_a_planned_month_after_the_deadline_offers_the_extension_to_its_end(
        harness: Harness, plan: str, end: str) -> None:  # noqa: F811
    h = harness
    mark = len(h.sent)
    await h.say("ct_cd", f"mục 4.a đang triển khai, dự kiến xong {plan}")
    said = texts_to(h, "ct_cd", mark)
    assert tasks(h, "4.a")[PHUONG].status == TaskStatus.IN_PROGRESS
    assert said[-1].startswith(f"Lưu ý: ngày dự kiến hoàn thành {end} muộn hơn thời hạn của mục 4.a"), said
    await h.say("ct_cd", "xin gia hạn")
    assert tasks(h, "4.a")[PHUONG].status == TaskStatus.EXTENSION_REQUESTED
    assert end in last_text(h, "ct_cd"), last_text(h, "ct_cd")


async def test_a_planned_month_within_the_deadline_says_nothing_more(harness: Harness) -> None:  # noqa: F811
    mark = len(harness.sent)
    await harness.say("ct_cd", "mục 4.b đang làm, dự kiến xong tháng 5")
    said = texts_to(harness, "ct_cd", mark)
    assert len(said) == 1 and "Lưu ý" not in said[0], said


@pytest.mark.parametrize("typed", ["mục 4.a thế nào ạ?", "Dạ, mục 4.a thế nào nhé", "mục 4.a đến đâu rồi ạ."])
async def test_an_item_question_with_a_polite_particle_is_answered(harness: Harness, typed: str) -> None:  # noqa: F811
    h = harness
    mark = len(h.sent)
    await h.say("pct", typed)
    said = "\n".join(texts_to(h, "pct", mark))
    assert "4.a" in said and PHUONG in said and not texts_to(h, "vt", mark), said


@pytest.mark.parametrize("typed", ["Dạ, mục 4.a đã hoàn thành ạ.", "4.a xong nhé", "mục 4.a xong rồi ạ"])
async def test_a_status_with_a_polite_particle_is_recorded(harness: Harness, typed: str) -> None:  # noqa: F811
    await harness.say("ct_cd", typed)
    assert tasks(harness, "4.a")[PHUONG].status == TaskStatus.DONE, last_text(harness, "ct_cd")
