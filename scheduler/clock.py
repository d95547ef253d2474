"""Time is an argument: everything that needs "now" takes a Clock."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware (UTC)."""
        ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class FakeClock:
    """A clock that only moves when told to; `sleep` moves it instead of waiting."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, when: dt.datetime) -> None:
        when = when.astimezone(dt.UTC)
        if when < self._now:
            raise ValueError(f"the clock only moves forward ({when} < {self._now})")
        self._now = when

    def advance(self, delta: dt.timedelta) -> None:
        self.set(self._now + delta)

    async def sleep(self, seconds: float) -> None:
        self.advance(dt.timedelta(seconds=seconds))
