"""Round 41 (issue 8, preview honesty): the numbered items the task filter took for no duty, while the text's
numbering runs on, are named on the first preview in one line — not dropped without a word."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import START, texts_to
from tests.conftest import DIRECTORY_CSV
from tests.ingest.test_p41_parser import _PLAN


async def test_the_first_preview_names_the_numbered_items_not_read_as_tasks(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", _PLAN)
        preview = "\n".join(texts_to(h, "admin"))
        assert "Mục 1.2, 1.3 của văn bản không được nhận là nhiệm vụ" in preview, preview
    finally:
        await h.stop()
