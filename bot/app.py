"""The application factory: settings and an optional transport in, a ready
python-telegram-bot Application out, with the channel-neutral conversation behind
it. Tests and `nhacviec chat` pass a transport that reaches the sandbox; `nhacviec
run` uses Telegram itself."""

from __future__ import annotations

import logging
import os
import socket

from telegram import BotCommand, Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.channels.telegram import conversation_of, install
from bot.context import AppContext, policy_from
from bot.conversation.core import Conversation, ConversationSender
from bot.settings import Settings
from scheduler.clock import Clock, SystemClock
from scheduler.dispatcher import Sender, send_due_reminders
from storage.db import Database, upgrade

log = logging.getLogger(__name__)

COMMANDS = [
    BotCommand("viec", "Nhiệm vụ đồng chí đang phụ trách"),
    BotCommand("tonghop", "Tổng hợp tình hình thực hiện theo đơn vị"),
    BotCommand("kenh", "Chọn kênh nhận nhắc việc (Telegram hoặc Zalo)"),
    BotCommand("moi", "Tạo mã mời cán bộ (quản trị viên)"),
    BotCommand("huongdan", "Hướng dẫn sử dụng"),
]


def make_conversation(settings: Settings, *, db: Database, clock: Clock | None = None) -> Conversation:
    return Conversation(AppContext(settings=settings, db=db, clock=clock or SystemClock(),
                                   policy=policy_from(settings), worker=f"{socket.gethostname()}:{os.getpid()}"))


def senders(conversation: Conversation) -> dict[str, Sender]:
    """One reminder sender per running channel."""
    return {name: ConversationSender(conversation, name) for name in conversation.channels}


def build_application(settings: Settings, *, db: Database, clock: Clock | None = None,
                      request: BaseRequest | None = None, get_updates_request: BaseRequest | None = None,
                      with_job_queue: bool = True, conversation: Conversation | None = None) -> Application:  # type: ignore[type-arg]
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    base_url = settings.telegram_base_url
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(base_url)
        .base_file_url(base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url)
        .post_init(_post_init)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    if not with_job_queue:
        builder = builder.job_queue(None)  # type: ignore[arg-type]  # None is documented: no JobQueue
    app = builder.build()
    install(app, conversation or make_conversation(settings, db=db, clock=clock))
    if with_job_queue and app.job_queue is not None:
        app.job_queue.run_repeating(reminder_tick, interval=settings.tick_seconds,
                                    first=min(5.0, settings.tick_seconds), name="reminders")
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot.set_my_commands(COMMANDS)


async def reminder_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    conv = conversation_of(context.application)
    ctx = conv.ctx
    result = await send_due_reminders(ctx.db, senders(conv), clock=ctx.clock, policy=ctx.policy, worker=ctx.worker)
    if result.sent or result.failed:
        log.info("tick: %d sent, %d failed, %d skipped", len(result.sent), len(result.failed), len(result.skipped))


def run_polling(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines carry the token
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    app = build_application(settings, db=db)
    log.info("Nhắc việc is running (database: %s)", db.dialect)
    app.run_polling(allowed_updates=Update.ALL_TYPES)
