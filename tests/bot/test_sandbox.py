"""The Bot API sandbox enforces Telegram's limits, and the real python-telegram-bot
works against it, long polling included."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.request import HTTPXRequest

from bot import texts
from bot.app import make_conversation
from bot.channels.telegram import TelegramChannel, retry_seconds
from bot.conversation.events import Outgoing
from bot.sandbox.harness import Harness
from bot.sandbox.server import RateLimits, SandboxState, create_app
from bot.settings import load_settings
from scheduler.clock import FakeClock
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def sandbox():  # type: ignore[no-untyped-def]
    clock = FakeClock(local(2018, 3, 5, 9, 0))
    state = SandboxState(clock=clock, limits=RateLimits(chat_burst=1, overall_burst=5, overall_per_second=5))
    state.add_user(1, "Một", "mot")
    state.add_user(2, "Hai", "hai")
    transport = httpx.ASGITransport(app=create_app(state))
    bot = Bot(state.token, base_url="http://sandbox/bot", base_file_url="http://sandbox/file/bot",
              request=HTTPXRequest(httpx_kwargs={"transport": transport}))
    await bot.initialize()
    yield state, bot, clock
    await bot.shutdown()


async def test_get_me_and_commands(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    assert bot.username == "nhacviec_bot"
    await bot.set_my_commands([("viec", "Nhiệm vụ")])
    assert state.commands == [{"command": "viec", "description": "Nhiệm vụ"}]


async def test_text_limit_and_empty_text(sandbox) -> None:  # type: ignore[no-untyped-def]
    _, bot, _ = sandbox
    with pytest.raises(BadRequest, match="(?i)too long"):
        await bot.send_message(1, "x" * 4097)
    msg = await bot.send_message(1, "x" * 4096)
    assert msg.message_id == 1


async def test_callback_data_over_64_bytes_is_refused(sandbox) -> None:  # type: ignore[no-untyped-def]
    _, bot, _ = sandbox
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Nút", callback_data="đ" * 33)]])  # 66 bytes
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.send_message(1, "hi", reply_markup=markup)


async def test_per_chat_flood_limit_answers_429_with_retry_after(sandbox) -> None:  # type: ignore[no-untyped-def]
    _, bot, clock = sandbox
    await bot.send_message(1, "một")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1, "hai")
    assert retry_seconds(caught.value) == 1
    await bot.send_message(2, "other chats are not affected")
    clock.advance(dt.timedelta(seconds=1))
    await bot.send_message(1, "after waiting")


async def test_overall_flood_limit(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    for uid in range(10, 15):
        state.add_user(uid, "X", f"x{uid}")
        await bot.send_message(uid, "ok")
    state.add_user(99, "Y", "y")
    with pytest.raises(RetryAfter):
        await bot.send_message(99, "one too many this second")


async def test_a_long_reply_waits_out_flood_control_on_the_clock(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    conv = make_conversation(load_settings(environ={}, env_file=None), db=None, clock=clock)  # type: ignore[arg-type]
    conv.add_channel(TelegramChannel(bot))
    start = clock.now()
    await conv.send("telegram", "1", Outgoing(text="\n".join(["dòng"] * 3000)))  # > 4096 chars: split in parts
    parts = state.bot_messages(1)
    assert len(parts) == 4 and all(len(m.text or "") <= 4096 for m in parts)
    assert clock.now() - start == dt.timedelta(seconds=3), "one second per extra part, simulated"


async def test_unknown_chat_blocked_user_bad_token_unknown_method(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(404, "hi")
    state.users[2].blocked_bot = True
    with pytest.raises(Forbidden):
        await bot.send_message(2, "hi")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(state)), base_url="http://s") as c:
        assert (await c.post("/bot999:WRONG/getMe")).status_code == 401
        reply = await c.post(f"/bot{state.token}/sendSticker")
        assert reply.status_code == 404 and reply.json()["ok"] is False


async def test_edit_and_answer_callback_and_files(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("B", callback_data="b")]])
    msg = await bot.send_message(1, "a", reply_markup=markup)
    await bot.edit_message_text("b", chat_id=1, message_id=msg.message_id)
    await bot.edit_message_reply_markup(chat_id=1, message_id=msg.message_id, reply_markup=None)
    stored = state.find_message(1, msg.message_id)
    assert stored is not None and stored.text == "b" and stored.buttons == []
    assert await bot.answer_callback_query("7", text="Đã ghi nhận")
    clock.advance(dt.timedelta(seconds=1))
    sent = await bot.send_document(1, document=b"noi dung", filename="bao-cao.txt", caption="Báo cáo")
    assert sent.document is not None and sent.document.file_name == "bao-cao.txt"
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"noi dung"


async def test_long_polling_drives_the_real_application(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`nhacviec run` polls; the same Application polls the sandbox here."""
    h = Harness(db_url=f"sqlite:///{tmp_path}/p.db", clock=FakeClock(local(2018, 3, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.app is not None and h.app.updater is not None
    replied = asyncio.Event()
    h.subscribe(lambda sent: replied.set())
    await h.app.start()
    await h.app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        h.state.enqueue(h.state.user_text(h.handles["head_bdv"], "/huongdan"))
        await asyncio.wait_for(replied.wait(), timeout=30)
        assert "Các lệnh:" in (h.sent[-1].text or "") and h.sent[-1].to == "head_bdv"
        assert texts.BUTTON_DONE in h.sent[-1].text  # the help mentions the buttons
    finally:
        await h.app.updater.stop()
        await h.app.stop()
        await h.stop()


async def test_the_job_queue_drives_reminder_ticks_as_in_nhacviec_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Polling plus the JobQueue tick, the way `nhacviec run` works, against the sandbox."""
    from bot.settings import load_settings

    settings = load_settings(environ={"NHACVIEC_TICK_SECONDS": "0.05"}, env_file=None)
    clock = FakeClock(local(2018, 2, 26, 9, 0))
    h = Harness(db_url=f"sqlite:///{tmp_path}/j.db", clock=clock, settings=settings)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True, with_job_queue=True)
    assert h.app is not None and h.app.updater is not None and h.app.job_queue is not None
    assert [job.name for job in h.app.job_queue.jobs()] == ["reminders"]
    reminded = asyncio.Event()
    notice = "Kính gửi: Ban Dân vận Tỉnh ủy\nĐề nghị Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc."
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    h.subscribe(lambda sent: reminded.set() if "CẬP NHẬT ĐỊNH KỲ" in (sent.text or "") else None)
    clock.set(local(2018, 3, 12, 8, 0))  # ten working days later: the check-in is due
    await h.app.start()
    await h.app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        await asyncio.wait_for(reminded.wait(), timeout=30)
        assert h.sent[-1].to == "head_bdv" and h.sent[-1].buttons == ["Mục 1"]
    finally:
        await h.app.updater.stop()
        await h.app.stop()
        await h.stop()
