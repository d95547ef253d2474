"""A leader's or the office's "mục 1 Ban Dân vận" (an item and the unit holding it, no question word) is answered as
"tình hình mục 1 Ban Dân vận" is (bot/conversation/itemquery.py): the last words reported, and a finished task as
finished — before, the older path left both out, and a finished item was "Không tìm thấy nhiệm vụ mục 1" (session
22, last session's leftover). A report ("mục 2 Ban Dân vận xong") is still a report."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from storage.models import TaskStatus
from tests.bot.conversation_setup import started, task, texts_to


@pytest.mark.parametrize(("text", "asked"), [
    ("mục 1 Ban Dân vận", ("1", "ban dan van")),
    ("muc 2.1 ban dan van tinh uy", ("2.1", "ban dan van tinh uy")),
    ("mục II.3 của Sở Nội vụ ạ", ("II.3", "so noi vu")),
    ("mục 1", None),  # the item alone: not this
    ("2 Ban Dân vận", None),  # no "mục": not this
])
def test_an_item_and_the_words_after_it(text: str, asked: tuple[str, str] | None) -> None:
    from bot.conversation.itemquery import item_with_unit

    assert item_with_unit(text) == asked


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_an_item_and_its_unit_is_answered_as_the_question_is(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "1 50% đang tổng hợp ý kiến các huyện")
    for who in ("leader", "admin"):
        mark = len(h.sent)
        await h.say(who, "tình hình mục 1 Ban Dân vận")
        await h.say(who, "mục 1 Ban Dân vận")
        question, plain = texts_to(h, who, mark)
        assert plain == question, (who, plain, question)
        assert "Nội dung báo cáo gần nhất: “50% đang tổng hợp ý kiến các huyện”" in plain, plain

    await h.say("head_bdv", "1 xong")
    mark = len(h.sent)
    await h.say("leader", "mục 1 Ban Dân vận")
    [said] = texts_to(h, "leader", mark)
    assert said.startswith("Tình hình thực hiện mục 1:") and "Hoàn thành ngày 26/02/2018, đúng hạn" in said, said

    await h.say("admin", "mục 2 Ban Dân vận xong")  # the office records what the unit said: a report
    assert task(h, "2").status == TaskStatus.DONE
