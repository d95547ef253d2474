"""The sandbox's random faults: 429s with Telegram's `parameters.retry_after` (and the ban that
follows) and 5xx, for sending methods only, reproducible from a seed, chat by chat."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter
from telegram.request import HTTPXRequest

from bot.channels.telegram import TelegramChannel, retry_seconds
from bot.conversation.events import Part
from bot.sandbox.server import NO_LIMITS, SandboxState, create_app
from scheduler.clock import FakeClock
from scheduler.dispatcher import RateLimited, TransientSendError
from tests.conftest import local


def make_state(chats: int = 3) -> SandboxState:
    state = SandboxState(clock=FakeClock(local(2018, 3, 5, 9, 0)), limits=NO_LIMITS)
    for i in range(1, chats + 1):
        state.add_user(i, f"Người {i}", f"u{i}")
    return state


async def post(client: httpx.AsyncClient, state: SandboxState, method: str, **params: Any) -> httpx.Response:
    return await client.post(f"http://sandbox/bot{state.token}/{method}", json=params)


def client_for(state: SandboxState) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(state)))


async def outcomes(state: SandboxState, calls: list[int], *, step: float = 10.0) -> list[int]:
    """HTTP status of sendMessage to each chat in `calls`, the clock moving `step` seconds after each
    (past any ban, so every call draws)."""
    clock = state.clock
    assert isinstance(clock, FakeClock)
    out = []
    async with client_for(state) as client:
        for chat in calls:
            out.append((await post(client, state, "sendMessage", chat_id=chat, text="x")).status_code)
            clock.advance(dt.timedelta(seconds=step))
    return out


async def test_a_429_has_telegrams_shape_and_bans_the_chat_for_retry_after() -> None:
    state = make_state()
    state.chaos(7, p_429=1.0, p_5xx=0.0, retry_after=(3, 3))
    clock = state.clock
    assert isinstance(clock, FakeClock)
    async with client_for(state) as client:
        first = await post(client, state, "sendMessage", chat_id=1, text="x")
        assert first.status_code == 429
        assert first.json() == {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
                                "parameters": {"retry_after": 3}}
        clock.advance(dt.timedelta(seconds=1))
        again = await post(client, state, "sendMessage", chat_id=1, text="x")
        assert again.json()["parameters"] == {"retry_after": 2}, "the time left of the ban"
        state.chaos(7, p_429=0.0, p_5xx=0.0)  # faults off, the ban goes with them
        clock.advance(dt.timedelta(seconds=2))
        assert (await post(client, state, "sendMessage", chat_id=1, text="x")).status_code == 200
    assert [m.text for m in state.bot_messages()] == ["x"], "refused requests store nothing"


async def test_a_request_into_the_ban_is_refused_and_counted_and_the_ban_ends_on_time() -> None:
    state = make_state()
    state.chaos(1, p_429=0.5, p_5xx=0.0, retry_after=(2, 4))
    clock = state.clock
    assert isinstance(clock, FakeClock)
    async with client_for(state) as client:
        while (resp := await post(client, state, "sendMessage", chat_id=1, text="x")).status_code != 429:
            clock.advance(dt.timedelta(seconds=10))
        wait = resp.json()["parameters"]["retry_after"]
        assert 2 <= wait <= 4
        clock.advance(dt.timedelta(seconds=wait - 0.5))
        assert (await post(client, state, "sendMessage", chat_id=1, text="x")).status_code == 429
        assert state.chaos_stats.into_ban == 1
        other = await post(client, state, "sendMessage", chat_id=2, text="x")
        assert other.status_code in (200, 429), "a ban holds one chat only"
        clock.advance(dt.timedelta(seconds=0.5))
        flood_before = state.chaos_stats.flood
        resp = await post(client, state, "sendMessage", chat_id=1, text="x")
        assert resp.status_code == 200 or state.chaos_stats.flood == flood_before + 1, "a fresh draw, not the ban"
    assert state.chaos_stats.into_ban == 1


async def test_the_same_seed_gives_the_same_faults_and_another_seed_others() -> None:
    calls = [1, 2, 3] * 40
    first = await outcomes(_chaotic(5), calls)
    assert first == await outcomes(_chaotic(5), calls)
    assert first != await outcomes(_chaotic(6), calls)
    assert {200, 429} <= set(first) and set(first) & {500, 502} and set(first) <= {200, 429, 500, 502}


async def test_each_chat_meets_its_faults_whatever_the_other_chats_do() -> None:
    interleaved = await outcomes(_chaotic(11), [1, 2] * 30)
    alone = await outcomes(_chaotic(11), [1] * 30)
    assert interleaved[0::2] == alone


async def test_rates_follow_the_probabilities() -> None:
    state = _chaotic(3, p_429=0.2, p_5xx=0.1)
    statuses = await outcomes(state, [1, 2, 3, 4, 5] * 200)  # 1,000 draws
    floods, errors = statuses.count(429), sum(statuses.count(s) for s in (500, 502))
    assert 150 <= floods <= 250 and 60 <= errors <= 140, (floods, errors)
    assert state.chaos_stats.flood == floods and state.chaos_stats.server_errors == errors
    assert state.chaos_stats.into_ban == 0
    assert len(state.bot_messages()) == statuses.count(200)


async def test_only_the_chosen_methods_and_chats_meet_faults() -> None:
    state = make_state()
    state.chaos(2, p_429=0.0, p_5xx=1.0, chats={1})
    async with client_for(state) as client:
        assert (await post(client, state, "sendMessage", chat_id=1, text="x")).status_code in (500, 502)
        sent = await post(client, state, "sendMessage", chat_id=2, text="x")
        assert sent.status_code == 200
        state.chaos(2, p_429=0.0, p_5xx=1.0)  # every chat, sending methods only
        edit = await post(client, state, "editMessageText", chat_id=2, message_id=sent.json()["result"]["message_id"],
                          text="y")
        assert edit.status_code == 200
        assert (await post(client, state, "getMe")).status_code == 200
        state.chaos_off()
        assert (await post(client, state, "sendMessage", chat_id=1, text="x")).status_code == 200


async def test_trouble_on_demand_comes_before_the_random_faults() -> None:
    state = _chaotic(4, p_429=0.0, p_5xx=0.0)
    state.fail_next("sendMessage", status=503)
    assert await outcomes(state, [1, 1]) == [503, 200]


def test_bad_chaos_settings_are_refused() -> None:
    state = make_state()
    with pytest.raises(ValueError):
        state.chaos(1, p_429=0.8, p_5xx=0.3)
    with pytest.raises(ValueError):
        state.chaos(1, retry_after=(0, 2))


async def test_python_telegram_bot_sees_retry_after_and_the_channel_translates_both_faults() -> None:
    state = make_state()
    transport = httpx.ASGITransport(app=create_app(state))
    bot = Bot(state.token, base_url="http://sandbox/bot", request=HTTPXRequest(httpx_kwargs={"transport": transport}))
    await bot.initialize()
    try:
        state.chaos(9, p_429=1.0, p_5xx=0.0, retry_after=(4, 4))
        with pytest.raises(RetryAfter) as flood:
            await bot.send_message(1, "x")
        assert retry_seconds(flood.value) == 4
        channel = TelegramChannel(bot)
        with pytest.raises(RateLimited) as limited:
            await channel.send_part("1", Part(text="x"))
        assert limited.value.retry_after == 4, "the time left of the ban"
        state.chaos(9, p_429=0.0, p_5xx=1.0)
        with pytest.raises(NetworkError):
            await bot.send_message(2, "x")
        with pytest.raises(TransientSendError):
            await channel.send_part("2", Part(text="x"))
    finally:
        await bot.shutdown()
    assert state.bot_messages() == []


def _chaotic(seed: int, *, p_429: float = 0.15, p_5xx: float = 0.1) -> SandboxState:
    state = make_state(5)
    state.chaos(seed, p_429=p_429, p_5xx=p_5xx)
    return state
