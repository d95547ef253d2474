"""Time is an argument: everything that needs "now" takes a Clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import selectors
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Protocol, TypeVar, TypeVarTuple

_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")


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


class LoopClock:
    """A clock that follows the running event loop's `time()`; `sleep` is `asyncio.sleep`.

    On an ordinary loop that is real time. On a VirtualTimeLoop it is simulated time that passes only
    while every task waits: concurrent sleeps overlap (ten chats each sleeping 1 s cost 1 s, not 10),
    unlike FakeClock, whose every `sleep` moves the one shared instant by its own span at once."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("LoopClock needs an aware datetime")
        self._start = start.astimezone(dt.UTC)
        self._origin = 0.0  # the loop's time() at `start`: when made in a running loop, else at first use
        self._loop: asyncio.AbstractEventLoop | None = None
        self._offset = dt.timedelta()  # jumps made with `set`
        try:
            self._loop_time()
        except RuntimeError:  # no running loop yet
            pass

    def _loop_time(self) -> float:
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._origin = self._loop.time()
        return self._loop.time() - self._origin

    def now(self) -> dt.datetime:
        return self._start + self._offset + dt.timedelta(seconds=self._loop_time())

    def set(self, when: dt.datetime) -> None:
        """Jump forward to `when` at once (as a wall clock set by hand): for moving to the next due
        instant between ticks; tasks already asleep still wake after their own span of loop time."""
        when = when.astimezone(dt.UTC)
        now = self.now()
        if when < now:
            raise ValueError(f"the clock only moves forward ({when} < {now})")
        self._offset += when - now

    def advance(self, delta: dt.timedelta) -> None:
        self.set(self.now() + delta)

    async def sleep(self, seconds: float) -> None:
        self._loop_time()  # a first sleep counts from here
        await asyncio.sleep(max(seconds, 0.0))


class _VirtualSelector(selectors.DefaultSelector):
    """The loop's I/O selector: polls, and where the loop would block until its next timer with nothing to
    do and no thread working for it, moves the loop's virtual time to that timer instead of waiting."""

    def __init__(self, loop: VirtualTimeLoop) -> None:
        super().__init__()
        self._virtual_loop = loop

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        ready: list[tuple[selectors.SelectorKey, int]] = super().select(0)
        if ready or timeout == 0:
            return ready
        loop = self._virtual_loop
        if loop.threads_busy() or timeout is None:
            # a thread's result (or other outside I/O) is the only thing that can come next: wait for it
            # in real time, virtual time standing still (a database call takes no simulated time)
            return super().select(None if timeout is None else REAL_WAIT_CAP_S)
        loop.jump(timeout)
        return ready


REAL_WAIT_CAP_S = 60.0  # real seconds the virtual loop waits on a thread at a time before looking again


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop whose `time()` is virtual (discrete-event simulation): it starts at 0 and, when no
    callback is ready, no executor job (`asyncio.to_thread`, `run_in_executor`) is running and a timer is
    pending, jumps straight to the earliest timer. So `asyncio.sleep` and timeouts cost no real time, and
    time passes only while every task waits. For simulations whose peers run in the same loop (an
    in-process ASGI transport, no real sockets: a real socket's answer would come in real time)."""

    def __init__(self) -> None:
        self._virtual_now = 0.0
        self._jobs: set[asyncio.Future[Any]] = set()
        super().__init__(_VirtualSelector(self))

    def time(self) -> float:
        return self._virtual_now

    def jump(self, seconds: float) -> None:
        self._virtual_now += seconds

    def threads_busy(self) -> bool:
        return any(not job.done() for job in self._jobs)

    def run_in_executor(self, executor: Executor | None, func: Callable[[*_Ts], _T], *args: *_Ts) -> asyncio.Future[_T]:
        job = super().run_in_executor(executor, func, *args)
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
        return job
