"""The sending slots (scheduler/dispatcher.py `_Slots`, what bounds the messages a crash may resend): never more
held than there are, handed out first come first served, and a waiter cancelled after it was handed a slot passes
it on (a slot lost there would leave a tick waiting for ever)."""

from __future__ import annotations

import asyncio

from scheduler.dispatcher import _Slots


async def test_slots_are_never_held_by_more_than_their_number_and_go_to_the_longest_waiter() -> None:
    slots = _Slots(2)
    held: list[int] = []
    order: list[int] = []

    async def send(n: int) -> None:
        await slots.acquire()
        held.append(n)
        order.append(n)
        assert len(held) <= 2
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        held.remove(n)
        slots.release()

    await asyncio.gather(*(send(n) for n in range(7)))
    assert order == list(range(7)) and held == [] and slots.free == 2 and not slots.waiters


async def test_a_newcomer_does_not_overtake_a_waiter() -> None:
    slots = _Slots(1)
    await slots.acquire()
    got: list[str] = []

    async def take(name: str) -> None:
        await slots.acquire()
        got.append(name)

    first = asyncio.create_task(take("waiting"))
    await asyncio.sleep(0)
    slots.release()  # handed to the waiter, not left free for whoever asks next
    late = asyncio.create_task(take("late"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert got == ["waiting"] and not late.done()
    slots.release()
    await late
    assert got == ["waiting", "late"]
    await first


async def test_a_waiter_cancelled_once_handed_a_slot_passes_it_on_and_one_cancelled_while_waiting_leaves() -> None:
    slots = _Slots(1)
    await slots.acquire()
    got: list[str] = []

    async def take(name: str) -> None:
        await slots.acquire()
        got.append(name)

    handed = asyncio.create_task(take("handed"))
    waiting = asyncio.create_task(take("waiting"))
    gone = asyncio.create_task(take("gone"))
    await asyncio.sleep(0)
    gone.cancel()  # cancelled while it waits: leaves the queue
    slots.release()  # the slot goes to `handed`'s waiter …
    handed.cancel()  # … which is cancelled before it runs: `waiting` must get the slot
    results = await asyncio.gather(handed, gone, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    await asyncio.wait_for(waiting, 1)
    assert got == ["waiting"] and not slots.waiters and slots.free == 0
    slots.release()
    assert slots.free == 1
