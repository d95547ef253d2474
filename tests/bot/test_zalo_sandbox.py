"""The Zalo Bot API sandbox speaks Zalo's methods with Zalo's limits and error bodies,
long-polls on the injected clock, and keeps getUpdates and the webhook exclusive.
Raw HTTP here, so what is checked is the wire format itself."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.sandbox.zalo import (
    BOT_ID,
    EVENT_IMAGE,
    EVENT_STICKER,
    EVENT_TEXT,
    EVENT_UNSUPPORTED,
    SECRET_HEADER,
    ZaloRateLimits,
    ZaloSandboxState,
    create_app,
)
from scheduler.clock import FakeClock
from tests.conftest import local

ANH, CHI = "e4ea2cd5189df1c3a88c", "a1b2c3d4e5f60718293a"


class Wire:
    """POST JSON to the sandbox, return (HTTP status, body)."""

    def __init__(self, state: ZaloSandboxState, client: httpx.AsyncClient) -> None:
        self.state, self.client = state, client

    async def __call__(self, method: str, token: str | None = None, **params: Any) -> tuple[int, dict[str, Any]]:
        reply = await self.client.post(f"/bot{token or self.state.token}/{method}", json=params)
        return reply.status_code, reply.json()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local(2018, 3, 5, 9, 0))


@pytest.fixture
async def wire(clock: FakeClock) -> AsyncIterator[Wire]:
    state = ZaloSandboxState(clock=clock, limits=ZaloRateLimits(chat_burst=1, overall_burst=5, overall_per_second=5))
    state.add_user(ANH, "Nguyễn Văn Anh")
    state.add_user(CHI, "Trần Thị Chi")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(state)), base_url="http://zalo") as c:
        yield Wire(state, c)


def now_ms(clock: FakeClock) -> int:
    return int(clock.now().timestamp() * 1000)


def assert_error(status: int, body: dict[str, Any], code: int, fragment: str) -> None:
    assert status == code
    assert body["ok"] is False and body["error_code"] == code
    assert fragment.lower() in body["description"].lower(), body
    assert set(body) <= {"ok", "error_code", "description", "parameters"}


# ------------------------------------------------------------------ identity and tokens

async def test_get_me_answers_the_documented_shape(wire: Wire) -> None:
    status, body = await wire("getMe")
    assert status == 200 and body == {"ok": True, "result": {
        "id": BOT_ID, "account_name": "bot.NhacViec", "account_type": "BASIC", "can_join_groups": False}}


async def test_a_wrong_token_is_401_with_an_error_body(wire: Wire) -> None:
    status, body = await wire("getMe", token="1459232241454765289:WRONG")
    assert_error(status, body, 401, "unauthorized")


@pytest.mark.parametrize("method", ["editMessageText", "editMessageReplyMarkup", "sendDocument",
                                    "answerCallbackQuery", "setMyCommands", "getFile", "deleteMessage"])
async def test_methods_zalo_does_not_have_answer_404(wire: Wire, method: str) -> None:
    status, body = await wire(method, chat_id=ANH, text="x")
    assert_error(status, body, 404, "method not found")


@pytest.mark.parametrize("extra", [{"reply_markup": {"inline_keyboard": [[{"text": "Xong"}]]}},
                                   {"reply_to_message_id": "abc"}, {"parse_mode": "HTML"}])
async def test_buttons_and_reply_to_are_refused(wire: Wire, extra: dict[str, Any]) -> None:
    status, body = await wire("sendMessage", chat_id=ANH, text="Nhắc việc", **extra)
    assert_error(status, body, 400, "not supported")
    assert wire.state.bot_messages() == []


async def test_a_body_that_is_not_json_is_refused(wire: Wire) -> None:
    reply = await wire.client.post(f"/bot{wire.state.token}/sendMessage", content=b"{not json",
                                   headers={"Content-Type": "application/json"})
    assert_error(reply.status_code, reply.json(), 400, "not json")


# ------------------------------------------------------------------ sending

async def test_send_message_answers_a_string_id_and_a_millisecond_date(wire: Wire, clock: FakeClock) -> None:
    clock.advance(dt.timedelta(milliseconds=250))
    status, body = await wire("sendMessage", chat_id=ANH, text="Kính gửi đồng chí")
    assert status == 200 and body["ok"] is True
    result = body["result"]
    assert set(result) == {"message_id", "date"}
    assert isinstance(result["message_id"], str) and result["date"] == now_ms(clock)
    assert result["date"] % 1000 == 250, "milliseconds, not seconds"
    [sent] = wire.state.bot_messages(ANH)
    assert sent.text == "Kính gửi đồng chí" and sent.message_id == result["message_id"]
    assert sent.at == clock.now()


async def test_text_is_1_to_2000_characters(wire: Wire, clock: FakeClock) -> None:
    status, body = await wire("sendMessage", chat_id=ANH, text="đ" * 2001)
    assert_error(status, body, 400, "1 to 2000")
    for empty in ("", "   "):
        status, body = await wire("sendMessage", chat_id=ANH, text=empty)
        assert_error(status, body, 400, "1 to 2000")
    status, body = await wire("sendMessage", chat_id=ANH)
    assert_error(status, body, 400, "1 to 2000")
    status, _ = await wire("sendMessage", chat_id=ANH, text="đ" * 2000)
    assert status == 200
    assert [len(m.text or "") for m in wire.state.bot_messages()] == [2000]


async def test_unknown_missing_and_blocked_chats(wire: Wire) -> None:
    assert_error(*await wire("sendMessage", text="x"), 400, "chat_id is required")
    assert_error(*await wire("sendMessage", chat_id="nobody", text="x"), 400, "chat not found")
    wire.state.users[CHI].blocked_bot = True
    assert_error(*await wire("sendMessage", chat_id=CHI, text="x"), 403, "blocked")


async def test_send_photo_and_its_caption_limit(wire: Wire, clock: FakeClock) -> None:
    assert_error(*await wire("sendPhoto", chat_id=ANH, photo="not a url"), 400, "image url")
    assert_error(*await wire("sendPhoto", chat_id=ANH, photo="https://x.vn/a.png", caption="c" * 2001),
                 400, "1 to 2000")
    status, body = await wire("sendPhoto", chat_id=ANH, photo="https://x.vn/a.png", caption="Biểu đồ tiến độ")
    assert status == 200 and isinstance(body["result"]["message_id"], str)
    [sent] = wire.state.bot_messages(ANH)
    assert (sent.photo_url, sent.caption, sent.text) == ("https://x.vn/a.png", "Biểu đồ tiến độ", None)


async def test_send_chat_action_answers_ok_without_a_result(wire: Wire) -> None:
    status, body = await wire("sendChatAction", chat_id=ANH, action="typing")
    assert status == 200 and body == {"ok": True}
    assert wire.state.chat_actions == [(ANH, "typing")]
    assert_error(*await wire("sendChatAction", chat_id=ANH, action="record_voice"), 400, "action")


async def test_send_sticker(wire: Wire) -> None:
    status, _ = await wire("sendSticker", chat_id=ANH, sticker="0e078a2fb66a5f34067b")
    assert status == 200 and wire.state.bot_messages(ANH)[0].sticker == "0e078a2fb66a5f34067b"


# ------------------------------------------------------------------ rate limits

async def test_per_chat_limit_answers_429_with_retry_after(wire: Wire, clock: FakeClock) -> None:
    assert (await wire("sendMessage", chat_id=ANH, text="một"))[0] == 200
    status, body = await wire("sendMessage", chat_id=ANH, text="hai")
    assert_error(status, body, 429, "too many requests")
    assert body["parameters"] == {"retry_after": 1}
    assert (await wire("sendMessage", chat_id=CHI, text="other chats are not affected"))[0] == 200
    clock.advance(dt.timedelta(seconds=1))
    assert (await wire("sendMessage", chat_id=ANH, text="after waiting"))[0] == 200
    assert [m.text for m in wire.state.bot_messages(ANH)] == ["một", "after waiting"]


async def test_the_429_also_carries_a_retry_after_header(wire: Wire) -> None:
    await wire("sendMessage", chat_id=ANH, text="một")
    reply = await wire.client.post(f"/bot{wire.state.token}/sendMessage", json={"chat_id": ANH, "text": "hai"})
    assert reply.status_code == 429 and reply.headers["Retry-After"] == "1"


async def test_overall_limit(wire: Wire) -> None:
    for i in range(5):
        uid = f"user{i:016d}"
        wire.state.add_user(uid, f"Người {i}")
        assert (await wire("sendMessage", chat_id=uid, text="ok"))[0] == 200
    wire.state.add_user("late0000000000000000", "Muộn")
    status, body = await wire("sendMessage", chat_id="late0000000000000000", text="one too many this second")
    assert_error(status, body, 429, "too many")


# ------------------------------------------------------------------ people's messages and getUpdates

async def test_people_send_text_images_stickers_and_unsupported_files(wire: Wire, clock: FakeClock) -> None:
    state = wire.state
    for update in (state.user_text(ANH, "Xin chào"), state.user_image(ANH, caption="ảnh"),
                   state.user_sticker(CHI), state.user_unsupported(CHI)):
        state.enqueue(update)
    status, body = await wire("getUpdates", timeout=0)
    assert status == 200 and body["ok"] is True
    updates = body["result"]
    assert [u["event_name"] for u in updates] == [EVENT_TEXT, EVENT_IMAGE, EVENT_STICKER, EVENT_UNSUPPORTED]
    text = updates[0]["message"]
    assert text["text"] == "Xin chào" and text["date"] == now_ms(clock)
    assert text["chat"] == {"id": ANH, "chat_type": "PRIVATE"}
    assert text["from"] == {"id": ANH, "display_name": "Nguyễn Văn Anh", "is_bot": False}
    assert all(isinstance(u["message"]["message_id"], str) for u in updates)
    assert len({u["message"]["message_id"] for u in updates}) == 4
    assert updates[1]["message"]["photo_url"].startswith("https://") and updates[1]["message"]["caption"] == "ảnh"
    assert updates[2]["message"]["sticker"]
    assert set(updates[3]["message"]) == {"message_id", "date", "chat", "from"}, "no content for unsupported"
    assert state.bot_messages() == [], "people's messages are not the bot's"


async def test_delivered_updates_are_gone(wire: Wire) -> None:
    wire.state.enqueue(wire.state.user_text(ANH, "một"))
    assert len((await wire("getUpdates", timeout=0))[1]["result"]) == 1
    assert (await wire("getUpdates", timeout=0))[1]["result"] == []


async def test_a_user_the_sandbox_does_not_know_cannot_send(wire: Wire) -> None:
    with pytest.raises(KeyError, match="add_user"):
        wire.state.user_text("stranger", "hi")


async def test_the_documented_single_object_shape(wire: Wire) -> None:
    wire.state.result_shape = "single"
    wire.state.enqueue(wire.state.user_text(ANH, "một"))
    wire.state.enqueue(wire.state.user_text(ANH, "hai"))
    first = (await wire("getUpdates", timeout=0))[1]["result"]
    second = (await wire("getUpdates", timeout=0))[1]["result"]
    assert first["event_name"] == EVENT_TEXT and first["message"]["text"] == "một"
    assert second["message"]["text"] == "hai"
    status, body = await wire("getUpdates", timeout=0)
    assert_error(status, body, 408, "timeout")


async def _pending(task: asyncio.Task[Any], rounds: int = 20) -> bool:
    for _ in range(rounds):
        await asyncio.sleep(0)
    return not task.done()


async def test_long_polling_waits_for_an_update(wire: Wire, clock: FakeClock) -> None:
    poll = asyncio.create_task(wire("getUpdates", timeout=30))
    assert await _pending(poll)
    wire.state.enqueue(wire.state.user_text(ANH, "2.1 xong"))
    status, body = await asyncio.wait_for(poll, timeout=10)
    assert status == 200 and [u["message"]["text"] for u in body["result"]] == ["2.1 xong"]
    assert clock.now() == local(2018, 3, 5, 9, 0), "an answered poll does not move the clock"


async def test_long_polling_times_out_on_the_moved_clock(wire: Wire, clock: FakeClock) -> None:
    poll = asyncio.create_task(wire("getUpdates", timeout="30"))  # Zalo documents timeout as a string
    assert await _pending(poll)
    clock.advance(dt.timedelta(seconds=29))
    assert await _pending(poll)
    clock.advance(dt.timedelta(seconds=1))
    status, body = await asyncio.wait_for(poll, timeout=10)
    assert status == 200 and body == {"ok": True, "result": []}


async def test_long_polling_in_single_shape_times_out_with_408(wire: Wire, clock: FakeClock) -> None:
    wire.state.result_shape = "single"
    poll = asyncio.create_task(wire("getUpdates", timeout=5))
    assert await _pending(poll)
    clock.advance(dt.timedelta(seconds=5))
    assert_error(*await asyncio.wait_for(poll, timeout=10), 408, "timeout")


async def test_a_bad_timeout_is_refused(wire: Wire) -> None:
    assert_error(*await wire("getUpdates", timeout="soon"), 400, "timeout")


# ------------------------------------------------------------------ webhook

async def test_set_webhook_checks_https_and_the_secret_length(wire: Wire, clock: FakeClock) -> None:
    assert_error(*await wire("setWebhook", url="http://bot.example.vn/zalo", secret_token="s" * 8), 400, "https")
    assert_error(*await wire("setWebhook", url="https://bot.example.vn/zalo", secret_token="s" * 7),
                 400, "8 to 256")
    assert_error(*await wire("setWebhook", url="https://bot.example.vn/zalo", secret_token="s" * 257),
                 400, "8 to 256")
    assert_error(*await wire("setWebhook", url="https://bot.example.vn/zalo"), 400, "8 to 256")
    for secret in ("s" * 8, "s" * 256):
        status, body = await wire("setWebhook", url="https://bot.example.vn/zalo", secret_token=secret)
        assert status == 200 and body["result"] == {"url": "https://bot.example.vn/zalo", "updated_at": now_ms(clock)}
    assert (await wire("getWebhookInfo"))[1]["result"]["url"] == "https://bot.example.vn/zalo"


async def test_get_updates_is_refused_while_a_webhook_is_set(wire: Wire) -> None:
    await wire("setWebhook", url="https://bot.example.vn/zalo", secret_token="bí-mật-đủ-dài")
    assert_error(*await wire("getUpdates", timeout=0), 409, "webhook")
    update = wire.state.user_text(ANH, "Xin chào")
    wire.state.enqueue(update)
    assert wire.state.pending_updates == 0
    [delivery] = wire.state.take_webhook_deliveries()
    assert delivery.url == "https://bot.example.vn/zalo"
    assert delivery.headers[SECRET_HEADER] == "bí-mật-đủ-dài"
    assert json.loads(delivery.body) == update
    assert wire.state.take_webhook_deliveries() == []

    status, body = await wire("deleteWebhook")
    assert status == 200 and body["result"]["url"] == ""
    assert (await wire("getWebhookInfo"))[1]["result"]["url"] == ""
    wire.state.enqueue(wire.state.user_text(ANH, "lại polling"))
    assert [u["message"]["text"] for u in (await wire("getUpdates", timeout=0))[1]["result"]] == ["lại polling"]
