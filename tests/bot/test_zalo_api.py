"""The Zalo Bot API client against the sandbox in-process (httpx ASGI transport), its
error tree, the token kept out of every message and log line, and webhook parsing."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from bot.channels.zalo_api import (
    DEFAULT_RETRY_AFTER,
    EVENT_IMAGE,
    EVENT_STICKER,
    EVENT_TEXT,
    EVENT_UNSUPPORTED,
    SECRET_HEADER,
    ZaloBadRequest,
    ZaloBotApi,
    ZaloError,
    ZaloForbidden,
    ZaloNetworkError,
    ZaloRetryAfter,
    ZaloUnauthorized,
    ZaloUpdate,
    check_webhook_secret,
    parse_updates,
    parse_webhook_body,
)
from bot.sandbox.zalo import BOT_ID, ZaloRateLimits, ZaloSandboxState, create_app
from scheduler.clock import FakeClock
from tests.conftest import local

ANH, CHI = "e4ea2cd5189df1c3a88c", "a1b2c3d4e5f60718293a"
TOKEN = f"{BOT_ID}:SECRETkx92JqLmZp0Vw"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local(2018, 3, 5, 9, 0))


@pytest.fixture
def state(clock: FakeClock) -> ZaloSandboxState:
    state = ZaloSandboxState(clock=clock, token=TOKEN, limits=ZaloRateLimits(chat_burst=1))
    state.add_user(ANH, "Nguyễn Văn Anh")
    state.add_user(CHI, "Trần Thị Chi")
    return state


@pytest.fixture
async def api(state: ZaloSandboxState) -> AsyncIterator[ZaloBotApi]:
    async with ZaloBotApi(TOKEN, base_url="http://sandbox/", transport=httpx.ASGITransport(app=create_app(state))) as a:
        yield a


def mocked(handler: Callable[[httpx.Request], httpx.Response], token: str = TOKEN) -> ZaloBotApi:
    return ZaloBotApi(token, base_url="https://bot-api.test", transport=httpx.MockTransport(handler))


def assert_no_token(exc: BaseException, token: str = TOKEN) -> None:
    secret = token.split(":", 1)[1]
    for text in (str(exc), repr(exc), *(str(a) for a in exc.args)):
        assert token not in text and secret not in text, text


# ------------------------------------------------------------------ against the sandbox

async def test_get_me(api: ZaloBotApi) -> None:
    me = await api.get_me()
    assert (me.id, me.account_name, me.account_type, me.can_join_groups) == (BOT_ID, "bot.NhacViec", "BASIC", False)


async def test_get_updates_gives_typed_values_with_utc_dates_from_milliseconds(
        api: ZaloBotApi, state: ZaloSandboxState, clock: FakeClock) -> None:
    clock.advance(dt.timedelta(milliseconds=678))
    for update in (state.user_text(ANH, "2.1 xong"), state.user_image(CHI, caption="ảnh"),
                   state.user_sticker(ANH), state.user_unsupported(CHI)):
        state.enqueue(update)
    updates = await api.get_updates(timeout=0)
    assert [u.event_name for u in updates] == [EVENT_TEXT, EVENT_IMAGE, EVENT_STICKER, EVENT_UNSUPPORTED]
    text = updates[0]
    assert text == ZaloUpdate(event_name=EVENT_TEXT, message_id=text.message_id, chat_id=ANH, chat_type="PRIVATE",
                              sender_id=ANH, sender_name="Nguyễn Văn Anh", sender_is_bot=False,
                              date=clock.now(), text="2.1 xong")
    assert text.is_text and isinstance(text.message_id, str)
    assert text.date.tzinfo is not None and text.date.utcoffset() == dt.timedelta(0)
    assert text.date == local(2018, 3, 5, 9, 0) + dt.timedelta(milliseconds=678)
    assert updates[1].caption == "ảnh" and updates[1].photo_url and not updates[1].is_text
    assert updates[2].sticker and updates[3].text is None and updates[3].chat_id == CHI


async def test_the_single_object_shape_and_the_408_empty_poll(api: ZaloBotApi, state: ZaloSandboxState) -> None:
    state.result_shape = "single"
    state.enqueue(state.user_text(ANH, "một"))
    state.enqueue(state.user_text(ANH, "hai"))
    assert [u.text for u in await api.get_updates(timeout=0)] == ["một"]
    assert [u.text for u in await api.get_updates(timeout=0)] == ["hai"]
    assert await api.get_updates(timeout=0) == [], "Zalo's 408 on an empty poll is no updates, not an error"


async def test_long_polling_through_the_client_on_the_moved_clock(
        api: ZaloBotApi, state: ZaloSandboxState, clock: FakeClock) -> None:
    poll = asyncio.create_task(api.get_updates(timeout=30))
    for _ in range(20):
        await asyncio.sleep(0)
    assert not poll.done()
    state.enqueue(state.user_text(CHI, "2.1 60% vướng kinh phí"))
    assert [u.text for u in await asyncio.wait_for(poll, timeout=10)] == ["2.1 60% vướng kinh phí"]
    poll = asyncio.create_task(api.get_updates(timeout=30))
    for _ in range(20):
        await asyncio.sleep(0)
    clock.advance(dt.timedelta(seconds=30))
    assert await asyncio.wait_for(poll, timeout=10) == []


async def test_send_message_and_photo(api: ZaloBotApi, state: ZaloSandboxState, clock: FakeClock) -> None:
    sent = await api.send_message(ANH, "Kính gửi đồng chí Anh")
    assert sent.date == clock.now() and sent.message_id == state.bot_messages(ANH)[0].message_id
    clock.advance(dt.timedelta(seconds=1))
    photo = await api.send_photo(ANH, "https://x.vn/bieu-do.png", caption="Tiến độ")
    assert photo.message_id != sent.message_id
    assert [(m.text, m.photo_url) for m in state.bot_messages(ANH)] == [
        ("Kính gửi đồng chí Anh", None), (None, "https://x.vn/bieu-do.png")]
    await api.send_chat_action(CHI)
    assert state.chat_actions == [(CHI, "typing")]


async def test_send_message_refuses_more_than_2000_characters_before_calling(
        api: ZaloBotApi, state: ZaloSandboxState) -> None:
    with pytest.raises(ZaloBadRequest, match="1 to 2000") as caught:
        await api.send_message(ANH, "đ" * 2001)
    assert caught.value.error_code is None, "refused locally"
    with pytest.raises(ZaloBadRequest):
        await api.send_message(ANH, "")
    with pytest.raises(ZaloBadRequest):
        await api.send_photo(ANH, "https://x.vn/a.png", caption="c" * 2001)
    assert state.bot_messages() == []
    await api.send_message(ANH, "đ" * 2000)
    assert len(state.bot_messages(ANH)) == 1


async def test_error_mapping_from_the_sandbox(api: ZaloBotApi, state: ZaloSandboxState, clock: FakeClock) -> None:
    with pytest.raises(ZaloBadRequest, match="chat not found") as bad:
        await api.send_message("nobody", "x")
    assert bad.value.error_code == 400
    state.users[CHI].blocked_bot = True
    with pytest.raises(ZaloForbidden) as forbidden:
        await api.send_message(CHI, "x")
    assert forbidden.value.error_code == 403
    await api.send_message(ANH, "một")
    with pytest.raises(ZaloRetryAfter) as limited:
        await api.send_message(ANH, "hai")
    assert limited.value.retry_after == 1 and limited.value.error_code == 429
    clock.advance(dt.timedelta(seconds=limited.value.retry_after))
    await api.send_message(ANH, "hai")


async def test_a_wrong_token_is_unauthorized_and_not_shown(state: ZaloSandboxState) -> None:
    wrong = f"{BOT_ID}:WRONGwrongWRONG"
    async with ZaloBotApi(wrong, base_url="http://sandbox", transport=httpx.ASGITransport(app=create_app(state))) as a:
        with pytest.raises(ZaloUnauthorized) as caught:
            await a.get_me()
    assert caught.value.error_code == 401
    assert_no_token(caught.value, wrong)


async def test_webhook_life_cycle_and_exclusivity(api: ZaloBotApi, state: ZaloSandboxState, clock: FakeClock) -> None:
    with pytest.raises(ZaloBadRequest, match="8 to 256"):
        await api.set_webhook("https://bot.example.vn/zalo", "short")
    info = await api.set_webhook("https://bot.example.vn/zalo", "bí-mật-webhook")
    assert info.url == "https://bot.example.vn/zalo" and info.updated_at == clock.now()
    assert (await api.get_webhook_info()).url == "https://bot.example.vn/zalo"
    with pytest.raises(ZaloError) as conflict:
        await api.get_updates(timeout=0)
    assert conflict.value.error_code == 409 and "deleteWebhook" in conflict.value.description

    state.enqueue(state.user_text(ANH, "Xin chào"))
    [delivery] = state.take_webhook_deliveries()
    assert check_webhook_secret(delivery.headers.get(SECRET_HEADER), "bí-mật-webhook")
    [update] = parse_webhook_body(delivery.body)
    assert (update.text, update.chat_id, update.date) == ("Xin chào", ANH, clock.now())

    await api.delete_webhook()
    assert (await api.get_webhook_info()).url == ""
    state.enqueue(state.user_text(ANH, "lại polling"))
    assert [u.text for u in await api.get_updates(timeout=0)] == ["lại polling"]


# ------------------------------------------------------------------ error mapping on the wire

def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Callable[..., httpx.Response]:
    return lambda request: httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(("status", "body", "headers", "kind", "code"), [
    (200, {"ok": False, "error_code": 401, "description": "Unauthorized"}, None, ZaloUnauthorized, 401),
    (401, {"ok": False, "description": "invalid token"}, None, ZaloUnauthorized, 401),
    (200, {"ok": False, "error_code": 403, "description": "blocked"}, None, ZaloForbidden, 403),
    (400, {"ok": False, "error_code": 400, "description": "text too long"}, None, ZaloBadRequest, 400),
    (404, {"ok": False, "error_code": 404, "description": "Not Found"}, None, ZaloError, 404),
    (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}, None, ZaloNetworkError, 502),
    (200, {"ok": False, "error_code": 429, "description": "quota"}, None, ZaloRetryAfter, 429),
])
async def test_errors_map_on_the_body_code_or_the_http_status(
        status: int, body: dict[str, Any], headers: dict[str, str] | None, kind: type[ZaloError], code: int) -> None:
    async with mocked(_json(status, body, headers)) as api:
        with pytest.raises(kind) as caught:
            await api.send_message(ANH, "x")
    assert type(caught.value) is kind and caught.value.error_code == code
    assert caught.value.description.startswith("sendMessage: ")


@pytest.mark.parametrize(("body", "headers", "expected"), [
    ({"ok": False, "error_code": 429, "description": "slow down", "parameters": {"retry_after": 7}}, None, 7.0),
    ({"ok": False, "error_code": 429, "description": "slow down"}, {"Retry-After": "12"}, 12.0),
    ({"ok": False, "error_code": 429, "description": "slow down"}, None, DEFAULT_RETRY_AFTER),
])
async def test_retry_after_from_the_body_the_header_or_a_default(
        body: dict[str, Any], headers: dict[str, str] | None, expected: float) -> None:
    async with mocked(_json(429, body, headers)) as api:
        with pytest.raises(ZaloRetryAfter) as caught:
            await api.send_message(ANH, "x")
    assert caught.value.retry_after == expected


@pytest.mark.parametrize(("status", "headers", "kind"), [
    (502, {}, ZaloNetworkError), (200, {}, ZaloNetworkError), (401, {}, ZaloUnauthorized),
    (429, {"Retry-After": "3"}, ZaloRetryAfter), (404, {}, ZaloError)])
async def test_an_answer_that_is_not_json_maps_on_the_http_status(
        status: int, headers: dict[str, str], kind: type[ZaloError]) -> None:
    async with mocked(lambda request: httpx.Response(status, text="<html>Oops</html>", headers=headers)) as api:
        with pytest.raises(kind, match=f"HTTP {status} without a JSON answer") as caught:
            await api.get_me()
    assert type(caught.value) is kind and caught.value.error_code == status
    if isinstance(caught.value, ZaloRetryAfter):
        assert caught.value.retry_after == 3.0


async def test_an_answer_without_result_is_fine_for_chat_action() -> None:
    async with mocked(_json(200, {"ok": True})) as api:
        await api.send_chat_action(ANH)


async def test_the_client_posts_json_to_bot_token_method() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True, "result": {"message_id": "82599fa32f56d00e8941",
                                                                "date": 1749632637199}})

    async with mocked(handler) as api:
        sent = await api.send_message(ANH, "Xin chào")
    [request] = seen
    assert request.method == "POST" and str(request.url) == f"https://bot-api.test/bot{TOKEN}/sendMessage"
    assert json.loads(request.content) == {"chat_id": ANH, "text": "Xin chào"}
    assert sent.message_id == "82599fa32f56d00e8941"
    assert sent.date == dt.datetime(2025, 6, 11, 9, 3, 57, 199000, tzinfo=dt.UTC)


async def test_get_updates_sends_timeout_and_allows_the_http_read_to_outlast_it() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True, "result": []})

    async with mocked(handler) as api:
        assert await api.get_updates(timeout=25) == []
    assert json.loads(seen[0].content) == {"timeout": "25"}
    assert seen[0].extensions["timeout"]["read"] > 25


# ------------------------------------------------------------------ the token is never shown

async def test_the_token_never_appears_in_exceptions_reprs_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")

    def echo_token(request: httpx.Request) -> httpx.Response:  # a server that echoes the URL back
        return httpx.Response(400, json={"ok": False, "error_code": 400, "description": f"bad url {request.url}"})

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {request.url}", request=request)

    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout(f"timed out on {request.url}", request=request)

    caught: list[ZaloError] = []
    for handler in (echo_token, refuse, hang):
        api = mocked(handler)
        assert TOKEN not in repr(api) and "SECRET" not in repr(api)
        with pytest.raises(ZaloError) as info:
            await api.send_message(ANH, "x")
        await api.aclose()
        caught.append(info.value)
    assert [type(e) for e in caught] == [ZaloBadRequest, ZaloNetworkError, ZaloNetworkError]
    for error in caught:
        assert_no_token(error)
    for error in caught[1:]:  # httpx's exception (its request holds the URL) is not chained for tracebacks
        assert error.__cause__ is None and error.__suppress_context__
    assert "<token>" in caught[0].description
    assert "ConnectError" in str(caught[1]) and "ReadTimeout" in str(caught[2])

    async with mocked(_json(200, {"ok": True, "result": {"id": BOT_ID}})) as api:
        await api.get_me()
    assert "HTTP Request: POST https://bot-api.test/bot<token>/getMe" in caplog.text, "httpx's line is scrubbed"
    assert TOKEN not in caplog.text and "SECRETkx92" not in caplog.text


async def test_a_bad_base_url_does_not_leak_the_token() -> None:
    async with ZaloBotApi(TOKEN, base_url="ht!tp://[broken") as api:
        with pytest.raises(ZaloNetworkError) as caught:
            await api.get_me()
    assert_no_token(caught.value)


def test_an_empty_token_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        ZaloBotApi("")


# ------------------------------------------------------------------ parsing and the webhook secret

DOC_SAMPLE = {"message": {"chat": {"id": "e4ea2cd5189df1c3a88c", "chat_type": "PRIVATE"}, "text": "Xin chào",
                          "message_id": "16f6366b3f02645a3d15", "date": 1766619597466,
                          "from": {"id": "e4ea2cd5189df1c3a88c", "first_name": "Nguyen Van A"}}}


def test_parse_updates_accepts_one_object_a_list_or_nothing() -> None:
    [one] = parse_updates(DOC_SAMPLE)
    assert one.event_name == EVENT_TEXT, "inferred: the documented sample has no event_name"
    assert one.sender_name == "Nguyen Van A" and one.message_id == "16f6366b3f02645a3d15"
    assert one.date == dt.datetime(2025, 12, 24, 23, 39, 57, 466000, tzinfo=dt.UTC)
    assert parse_updates([DOC_SAMPLE, {**DOC_SAMPLE, "event_name": EVENT_TEXT}]) == [one, one]
    assert parse_updates(None) == [] and parse_updates([]) == []


def test_a_malformed_update_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    no_chat = {"event_name": EVENT_TEXT, "message": {"message_id": "1", "date": 1, "text": "x"}}
    bad_date = {"message": {**DOC_SAMPLE["message"], "date": "soon"}}
    assert parse_updates([no_chat, "junk", bad_date, DOC_SAMPLE]) == parse_updates(DOC_SAMPLE)
    assert caplog.text.count("skipped") == 3


def test_parse_webhook_body_takes_the_bare_update_or_the_envelope() -> None:
    raw = json.dumps({"event_name": EVENT_TEXT, **DOC_SAMPLE}, ensure_ascii=False).encode("utf-8")
    [bare] = parse_webhook_body(raw)
    [wrapped] = parse_webhook_body({"ok": True, "result": {"event_name": EVENT_TEXT, **DOC_SAMPLE}})
    assert bare == wrapped and bare.text == "Xin chào"
    for junk in (b"{not json", b"[1, 2]", "42"):
        with pytest.raises(ValueError):
            parse_webhook_body(junk)


@pytest.mark.parametrize(("header", "expected", "ok"), [
    ("mykey-abcxyz", "mykey-abcxyz", True),
    ("bí-mật-webhook", "bí-mật-webhook", True),
    ("mykey-abcxyZ", "mykey-abcxyz", False),
    ("mykey", "mykey-abcxyz", False),
    (None, "mykey-abcxyz", False),
    ("", "mykey-abcxyz", False),
    ("anything", "", False),
])
def test_check_webhook_secret(header: str | None, expected: str, ok: bool) -> None:
    assert check_webhook_secret(header, expected) is ok
