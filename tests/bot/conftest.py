"""What the conversation tests share: the real bot in the sandboxes, with the example directory
enrolled, on the morning the seed notice arrived (Monday 26/02/2018, 09:00)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    yield h
    await h.stop()


def last_text(h: Harness, handle: str) -> str:
    """The last thing the bot said to `handle` ("" if nothing)."""
    return next((s.text or "" for s in reversed(h.sent) if s.to == handle), "")
