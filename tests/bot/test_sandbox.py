"""The Bot API sandbox enforces Telegram's limits and answers with Telegram's errors,
and the real python-telegram-bot works against it, long polling included."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from bot import texts
from bot.app import make_conversation
from bot.channels.telegram import TelegramChannel, retry_seconds
from bot.conversation.events import Outgoing, Part, TapIn
from bot.sandbox.harness import Harness
from bot.sandbox.server import RateLimits, SandboxState, create_app
from bot.settings import load_settings
from scheduler.clock import FakeClock
from scheduler.dispatcher import OutcomeUnknown, PermanentSendError, TransientSendError, Unreachable
from tests.conftest import DIRECTORY_CSV, local


def make_bot(state: SandboxState, client: tuple[str, int] = ("127.0.0.1", 123)) -> Bot:
    """The real python-telegram-bot Bot on the sandbox; `client`: the connection it comes from."""
    transport = httpx.ASGITransport(app=create_app(state), client=client)
    return Bot(state.token, base_url="http://sandbox/bot", base_file_url="http://sandbox/file/bot",
               request=HTTPXRequest(httpx_kwargs={"transport": transport}),
               get_updates_request=HTTPXRequest(httpx_kwargs={"transport": transport}))


@pytest.fixture
async def sandbox():  # type: ignore[no-untyped-def]
    clock = FakeClock(local(2018, 3, 5, 9, 0))
    state = SandboxState(clock=clock, limits=RateLimits(chat_burst=1, overall_burst=5, overall_per_second=5))
    state.add_user(1, "Một", "mot")
    state.add_user(2, "Hai", "hai")
    bot = make_bot(state)
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
    await bot.edit_message_text("b", chat_id=1, message_id=msg.message_id, reply_markup=markup)
    stored = state.find_message(1, msg.message_id)
    assert stored is not None and stored.text == "b" and stored.buttons == ["B"]
    await bot.edit_message_reply_markup(chat_id=1, message_id=msg.message_id, reply_markup=None)
    assert stored.text == "b" and stored.buttons == []
    tap = state.user_tap(1, stored, "b")["callback_query"]["id"]
    assert await bot.answer_callback_query(tap, text="Đã ghi nhận")
    assert state.callback_answers[-1]["text"] == "Đã ghi nhận"
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


# ---------------------------------------------------------------- as strict as Telegram

QUERY_INVALID = "(?i)query is too old and response timeout expired or query id is invalid"
NOT_MODIFIED = "(?i)message is not modified: specified new message content and reply markup are exactly the same"
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("B", callback_data="b")]])


async def test_a_callback_query_is_answered_once_within_fifteen_minutes(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    msg = await bot.send_message(1, "a", reply_markup=KEYBOARD)
    stored = state.find_message(1, msg.message_id)
    assert stored is not None
    with pytest.raises(BadRequest, match=QUERY_INVALID):
        await bot.answer_callback_query("424242")  # no such query
    first = state.user_tap(1, stored, "b")["callback_query"]["id"]
    clock.advance(dt.timedelta(minutes=15))
    assert await bot.answer_callback_query(first)  # just in time
    with pytest.raises(BadRequest, match=QUERY_INVALID):
        await bot.answer_callback_query(first, text="again")  # already answered
    late = state.user_tap(1, stored, "b")["callback_query"]["id"]
    clock.advance(dt.timedelta(minutes=15, seconds=1))
    with pytest.raises(BadRequest, match=QUERY_INVALID):
        await bot.answer_callback_query(late)
    assert len(state.callback_answers) == 1


async def test_a_late_tap_through_the_channel_is_a_send_error(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    msg = await bot.send_message(1, "a", reply_markup=KEYBOARD)
    stored = state.find_message(1, msg.message_id)
    assert stored is not None
    query = state.user_tap(1, stored, "b")["callback_query"]["id"]
    tap = TapIn(channel="telegram", chat_id="1", user_name="Một", sent_at=clock.now(), data="b",
                on_message=str(msg.message_id), tap_id=query)
    clock.advance(dt.timedelta(hours=1))
    with pytest.raises(PermanentSendError, match=QUERY_INVALID):
        await TelegramChannel(bot).answer_tap(tap, "Đã ghi nhận")


async def test_fail_next_answers_bad_gateway_then_recovers(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    state.fail_next("sendMessage", status=502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway") as caught:
            await bot.send_message(1, "a")
        assert not isinstance(caught.value, TimedOut)
    assert state.bot_messages() == []
    assert await bot.get_me()  # other methods are not affected
    await bot.send_message(1, "a")
    state.fail_next(None, status=500)  # any method
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.get_me()
    state.fail_next("sendMessage", status=504)
    with pytest.raises(TransientSendError, match="Gateway Timeout"):
        await TelegramChannel(bot).send_part("2", Part(text="b"))
    assert [m.text for m in state.bot_messages()] == ["a"]


async def test_an_outage_window_on_the_clock(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    start = clock.now() + dt.timedelta(minutes=10)
    state.outage(start, start + dt.timedelta(minutes=30))
    await bot.send_message(1, "before")
    clock.set(start)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(1, "during")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_me()
    clock.advance(dt.timedelta(minutes=29, seconds=59))
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(2, "still during")
    clock.advance(dt.timedelta(seconds=1))
    await bot.send_message(1, "after")
    assert [m.text for m in state.bot_messages()] == ["before", "after"]


async def test_a_request_that_never_answers_times_out(sandbox) -> None:  # type: ignore[no-untyped-def]
    """Lost before Telegram acted, or after (the message went out, only the answer was lost):
    the client cannot tell which; both cost the client's read timeout on the clock."""
    state, bot, clock = sandbox
    start = clock.now()
    state.time_out_next("sendMessage")
    with pytest.raises(TimedOut):
        await bot.send_message(1, "lost")
    assert state.bot_messages() == [] and clock.now() - start == dt.timedelta(seconds=5)
    state.time_out_next("sendMessage", delivered=True, after=30)
    with pytest.raises(TimedOut):
        await bot.send_message(2, "sent, answer lost")
    assert [m.text for m in state.bot_messages()] == ["sent, answer lost"]
    assert clock.now() - start == dt.timedelta(seconds=35)
    state.time_out_next("sendMessage")
    with pytest.raises(OutcomeUnknown):  # it may have reached Telegram: not resent blindly
        await TelegramChannel(bot).send_part("1", Part(text="c"))
    await bot.send_message(1, "back to normal")


async def test_a_second_poller_terminates_the_first_with_409(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, first, _ = sandbox
    second = make_bot(state, client=("10.0.0.2", 40000))  # another instance, another connection
    await second.initialize()
    try:
        polling = asyncio.create_task(first.get_updates(timeout=30))
        for _ in range(1000):
            if state.polls_in_flight:
                break
            await asyncio.sleep(0)
        assert state.polls_in_flight == 1
        state.enqueue(state.user_text(1, "xin chào"))  # not before: the first poll would return at once
        assert [u.message.text for u in await second.get_updates(timeout=0) if u.message] == ["xin chào"]
        with pytest.raises(Conflict, match="terminated by other getUpdates request; make sure that only one bot"):
            await asyncio.wait_for(polling, timeout=10)
        assert state.polls_in_flight == 0
        assert len(await first.get_updates(timeout=0)) == 1  # alone again: polling works, nothing confirmed yet
    finally:
        await second.shutdown()


async def test_no_polling_while_a_webhook_is_set(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    state.enqueue(state.user_text(1, "một"))
    assert await bot.set_webhook("https://nhacviec.example.vn/telegram")
    info = await bot.get_webhook_info()
    assert info.url == "https://nhacviec.example.vn/telegram" and info.pending_update_count == 1
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        await bot.get_updates()
    with pytest.raises(BadRequest, match="(?i)an https url must be provided"):
        await bot.set_webhook("http://insecure.example.vn/")
    assert await bot.delete_webhook()  # pending updates are kept by default
    info = await bot.get_webhook_info()
    assert info.url == "" and info.pending_update_count == 1
    assert [u.message.text for u in await bot.get_updates() if u.message] == ["một"]
    await bot.set_webhook("https://nhacviec.example.vn/telegram")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).pending_update_count == 0
    assert await bot.get_updates() == ()


async def test_updates_are_kept_24_hours_and_confirmed_by_offset(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, clock = sandbox
    state.enqueue(state.user_text(1, "cũ"))
    clock.advance(dt.timedelta(hours=1))
    state.enqueue(state.user_text(1, "mới"))
    clock.advance(dt.timedelta(hours=23))
    assert [u.message.text for u in await bot.get_updates() if u.message] == ["cũ", "mới"]  # exactly 24 h: kept
    clock.advance(dt.timedelta(seconds=1))
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == ["mới"]
    assert [u.message.text for u in await bot.get_updates(offset=updates[0].update_id) if u.message] == ["mới"]
    assert await bot.get_updates(offset=updates[0].update_id + 1) == ()  # confirmed: gone for good
    for text in ("a", "b", "c"):
        state.enqueue(state.user_text(2, text))
    assert [u.message.text for u in await bot.get_updates(limit=2) if u.message] == ["a", "b"]
    assert [u.message.text for u in await bot.get_updates(offset=-1) if u.message] == ["c"]  # the rest forgotten
    assert [u.message.text for u in await bot.get_updates() if u.message] == ["c"]
    assert state.pending_updates == 1


async def test_message_is_not_modified_on_both_edit_methods(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("B", callback_data="b")]])
    msg = await bot.send_message(1, "a", reply_markup=markup)
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_text("a", chat_id=1, message_id=msg.message_id, reply_markup=markup)
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_reply_markup(chat_id=1, message_id=msg.message_id, reply_markup=markup)
    await bot.edit_message_reply_markup(chat_id=1, message_id=msg.message_id, reply_markup=None)
    with pytest.raises(BadRequest, match=NOT_MODIFIED):  # removing a keyboard that is already gone
        await bot.edit_message_reply_markup(chat_id=1, message_id=msg.message_id, reply_markup=None)
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_text("a", chat_id=1, message_id=msg.message_id)
    stored = state.find_message(1, msg.message_id)
    assert stored is not None and stored.text == "a" and stored.buttons == []


async def test_clearing_actions_already_gone_is_not_an_error(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    channel = TelegramChannel(bot)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("B", callback_data="b")]])
    msg = await bot.send_message(1, "a", reply_markup=markup)
    await channel.clear_actions("1", str(msg.message_id))
    await channel.clear_actions("1", str(msg.message_id))  # Telegram: "message is not modified"
    await channel.clear_actions("1", "999")  # Telegram: "message to edit not found"
    stored = state.find_message(1, msg.message_id)
    assert stored is not None and stored.buttons == [] and stored.text == "a"
    state.users[1].blocked_bot = True
    with pytest.raises(Unreachable):
        await channel.clear_actions("1", str(msg.message_id))


async def test_a_deactivated_user_is_forbidden_and_unreachable(sandbox) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    state.deactivate(2)
    with pytest.raises(Forbidden, match="(?i)user is deactivated"):
        await bot.send_message(2, "hi")
    with pytest.raises(Unreachable, match="(?i)user is deactivated"):
        await TelegramChannel(bot).send_part("2", Part(text="hi"))
    state.users[1].blocked_bot = True
    with pytest.raises(Unreachable, match="(?i)bot was blocked by the user"):
        await TelegramChannel(bot).send_part("1", Part(text="hi"))


@pytest.mark.parametrize("button", [
    InlineKeyboardButton("Nút", callback_data=""),
    InlineKeyboardButton("Nút", callback_data="x" * 65),
])
async def test_empty_or_long_callback_data_is_refused(sandbox, button: InlineKeyboardButton) -> None:  # type: ignore[no-untyped-def]
    state, bot, _ = sandbox
    with pytest.raises(BadRequest, match="(?i)^button_data_invalid$"):
        await bot.send_message(1, "hi", reply_markup=InlineKeyboardMarkup([[button]]))
    with pytest.raises(BadRequest, match="(?i)text buttons are unallowed"):
        await bot.send_message(1, "hi", reply_markup={"inline_keyboard": [[{"text": "no action"}]]})
    assert state.bot_messages() == []


def last_to(h: Harness, handle: str) -> str:
    return next((s.text or "" for s in reversed(h.sent) if s.to == handle), "")


async def test_late_taps_through_the_real_bot(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Taps the bot gets after Telegram stopped accepting their answer (a backlog after a restart,
    a slow job): the change is made and the person is told by message, not with a system error."""
    from sqlalchemy import func, select

    from storage.models import StatusReport, Task

    clock = FakeClock(local(2018, 2, 26, 9, 0))
    h = Harness(db_url=f"sqlite:///{tmp_path}/late.db", clock=clock)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", "Kính gửi: Ban Dân vận Tỉnh ủy\n"
                             "Đề nghị Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc.")
        preview = h.last_with_button("admin", texts.BUTTON_CONFIRM)
        confirm = h.state.user_tap(h.handles["admin"], preview, preview.button_data(texts.BUTTON_CONFIRM) or "")
        clock.advance(dt.timedelta(minutes=20))
        await h.deliver(confirm)
        assert "Đã xác nhận" in last_to(h, "admin")
        assert preview.buttons == [] and h.state.callback_answers == []

        await h.advance_to(local(2018, 3, 12, 8, 0))  # the morning digest
        item = h.last_with_button("head_bdv", "Mục 1")
        opened = h.state.user_tap(h.handles["head_bdv"], item, item.button_data("Mục 1") or "")
        clock.advance(dt.timedelta(minutes=16))
        await h.deliver(opened)
        card = h.last_with_button("head_bdv", texts.BUTTON_DONE)  # the card came as a message
        done = h.state.user_tap(h.handles["head_bdv"], card, card.button_data(texts.BUTTON_DONE) or "")
        clock.advance(dt.timedelta(hours=2))
        await h.deliver(done)
        assert "Hoàn thành" in last_to(h, "head_bdv")
        assert all(texts.GENERIC_ERROR not in (s.text or "") for s in h.sent)
        assert h.state.callback_answers == [], "Telegram refused every answer: the messages told the person"
        assert h.db is not None
        assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(StatusReport))) == 1
        assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task))) == 1
    finally:
        await h.stop()


async def test_the_real_application_outlives_a_second_poller(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Another instance polling with the same token: Telegram answers the running poll with 409;
    python-telegram-bot logs it, waits a second and polls again, and the bot keeps answering."""
    h = Harness(db_url=f"sqlite:///{tmp_path}/c.db", clock=FakeClock(local(2018, 3, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.app is not None and h.app.updater is not None
    other = make_bot(h.state, client=("10.0.0.9", 50000))
    await other.initialize()
    replied = asyncio.Event()
    h.subscribe(lambda sent: replied.set())
    await h.app.start()
    await h.app.updater.start_polling(poll_interval=0, timeout=5)
    try:
        for _ in range(100):
            if h.state.polls_in_flight:
                break
            await asyncio.sleep(0.01)
        assert h.state.polls_in_flight == 1
        assert await other.get_updates(timeout=0) == ()
        h.state.enqueue(h.state.user_text(h.handles["head_bdv"], "/huongdan"))
        await asyncio.wait_for(replied.wait(), timeout=15)
        assert "Các lệnh:" in (h.sent[-1].text or "")
        assert any("terminated by other getUpdates request" in r.getMessage() + str(r.exc_info) for r in caplog.records)
    finally:
        await other.shutdown()
        await h.app.updater.stop()
        await h.app.stop()
        await h.stop()


async def test_polling_starts_by_deleting_the_webhook_and_may_drop_the_backlog(tmp_path) -> None:  # type: ignore[no-untyped-def]
    h = Harness(db_url=f"sqlite:///{tmp_path}/w.db", clock=FakeClock(local(2018, 3, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.app is not None and h.app.updater is not None
    await h.app.bot.set_webhook("https://nhacviec.example.vn/telegram")
    h.state.enqueue(h.state.user_text(h.handles["head_bdv"], "/viec"))  # sent while another deployment ran
    replied = asyncio.Event()
    h.subscribe(lambda sent: replied.set())
    await h.app.start()
    await h.app.updater.start_polling(poll_interval=0, timeout=1, drop_pending_updates=True)
    try:
        assert h.state.webhook_url == ""
        h.state.enqueue(h.state.user_text(h.handles["head_bdv"], "/huongdan"))
        await asyncio.wait_for(replied.wait(), timeout=10)
        assert len(h.sent) == 1 and "Các lệnh:" in (h.sent[0].text or ""), "the dropped /viec is never answered"
    finally:
        await h.app.updater.stop()
        await h.app.stop()
        await h.stop()
