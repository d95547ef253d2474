"""Simulated time that passes only while every task waits (VirtualTimeLoop + LoopClock): concurrent
sleeps overlap, wake-ups keep their order, and a thread at work (a database call) takes no simulated time.
FakeClock, by contrast, adds concurrent sleeps up: what made bench_delivery's ten chats cost ten seconds."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from scheduler.clock import FakeClock, LoopClock, VirtualTimeLoop

START = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.UTC)
T = TypeVar("T")


def simulate(make: Callable[[], Awaitable[T]]) -> T:
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(make())  # type: ignore[arg-type]


def seconds_since_start(clock: LoopClock | FakeClock) -> float:
    return (clock.now() - START).total_seconds()


def test_two_concurrent_sleeps_of_one_second_take_one_virtual_second() -> None:
    async def run() -> tuple[float, list[float]]:
        clock = LoopClock(START)
        woke: list[float] = []

        async def sleeper() -> None:
            await clock.sleep(1)
            woke.append(seconds_since_start(clock))

        await asyncio.gather(sleeper(), sleeper())
        return seconds_since_start(clock), woke

    elapsed, woke = simulate(run)
    assert elapsed == pytest.approx(1.0)
    assert woke == [pytest.approx(1.0), pytest.approx(1.0)]


def test_on_fake_clock_the_same_two_sleeps_add_up() -> None:
    async def run() -> float:
        clock = FakeClock(START)
        await asyncio.gather(clock.sleep(1), clock.sleep(1))
        return seconds_since_start(clock)

    assert asyncio.run(run()) == pytest.approx(2.0)  # the artefact the virtual loop removes


def test_sleepers_wake_in_order_of_their_instants_and_equal_ones_first_come_first_served() -> None:
    async def run() -> list[tuple[str, float]]:
        clock = LoopClock(START)
        woke: list[tuple[str, float]] = []

        async def sleeper(name: str, seconds: float) -> None:
            await clock.sleep(seconds)
            woke.append((name, seconds_since_start(clock)))

        await asyncio.gather(sleeper("c", 3600), sleeper("a", 0.5), sleeper("b1", 2), sleeper("b2", 2),
                             sleeper("now", 0))
        return woke

    woke = simulate(run)
    assert [name for name, _ in woke] == ["now", "a", "b1", "b2", "c"]
    assert [at for _, at in woke] == [0, pytest.approx(0.5), pytest.approx(2), pytest.approx(2),
                                      pytest.approx(3600)]


def test_a_chain_of_sleeps_in_each_of_ten_tasks_overlaps() -> None:
    async def run() -> tuple[float, list[int]]:
        clock = LoopClock(START)
        order: list[int] = []

        async def chat(k: int) -> None:  # as a digest's parts: three a second apart
            await clock.sleep(k / 30)
            for _ in range(3):
                await clock.sleep(1)
            order.append(k)

        await asyncio.gather(*(chat(k) for k in reversed(range(10))))
        return seconds_since_start(clock), order

    elapsed, order = simulate(run)
    assert elapsed == pytest.approx(3 + 9 / 30)  # not 10 × 3 s
    assert order == list(range(10))


def test_no_simulated_time_passes_while_a_thread_works() -> None:
    async def run() -> list[tuple[str, float]]:
        clock = LoopClock(START)
        events: list[tuple[str, float]] = []

        def database_call() -> None:
            time.sleep(0.05)  # real work in a thread, longer than the other task's simulated sleep

        async def query() -> None:
            await asyncio.to_thread(database_call)
            events.append(("query done", seconds_since_start(clock)))

        async def sleeper() -> None:
            await clock.sleep(0.001)
            events.append(("sleeper woke", seconds_since_start(clock)))

        await asyncio.gather(query(), sleeper())
        return events

    assert simulate(run) == [("query done", 0.0), ("sleeper woke", pytest.approx(0.001))]


def test_set_jumps_forward_only_and_later_sleeps_count_from_there() -> None:
    async def run() -> float:
        clock = LoopClock(START)
        clock.set(START + dt.timedelta(hours=1))
        with pytest.raises(ValueError, match="only moves forward"):
            clock.set(START)
        await clock.sleep(2)
        return seconds_since_start(clock)

    assert simulate(run) == pytest.approx(3602)


def test_loop_clock_needs_an_aware_start() -> None:
    with pytest.raises(ValueError, match="aware"):
        LoopClock(dt.datetime(2026, 11, 30, 8, 0))
