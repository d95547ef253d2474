"""What the conversation tests share: the real bot in the sandboxes, with the example directory
enrolled, on the morning the seed notice arrived (Monday 26/02/2018, 09:00)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.directory import person_by_handle
from storage.models import Task
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


def texts_to(h: Harness, handle: str, since: int = 0) -> list[str]:
    """What the bot said to `handle` since the `since`-th message it sent (to anyone)."""
    return [s.text or "" for s in h.sent[since:] if s.to == handle]


def held(h: Harness, handle: str | None) -> list[str]:
    """The item numbers of the open tasks `handle` holds (None: held by nobody)."""
    assert h.db is not None

    def query(session) -> list[str]:  # type: ignore[no-untyped-def]
        who = Task.assignee_id.is_(None) if handle is None else \
            Task.assignee_id == person_by_handle(session, handle).id
        return list(session.scalars(select(Task.item_ref).where(who).order_by(Task.id)))
    return h.db.call(query)
