"""The application factory: settings and an optional transport in, a ready
python-telegram-bot Application out, with the channel-neutral conversation behind
it. Tests and `nhacviec chat` pass a transport that reaches the sandbox; `nhacviec
run` uses Telegram itself."""

from __future__ import annotations

import asyncio
import logging
import os
import socket

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.channels.telegram import conversation_of, install
from bot.channels.zalo import ZaloChannel, ZaloPoller
from bot.channels.zalo_api import ZaloBotApi, ZaloNetworkError, ZaloUnauthorized
from bot.context import AppContext, policy_from
from bot.conversation.core import Conversation, ConversationSender
from bot.settings import Settings
from scheduler.clock import Clock, SystemClock
from scheduler.dispatcher import Sender, send_due_digests
from storage.db import Database, upgrade

log = logging.getLogger(__name__)

COMMANDS = [
    BotCommand("viec", "Nhiệm vụ đồng chí đang phụ trách"),
    BotCommand("tonghop", "Tổng hợp tình hình thực hiện theo đơn vị"),
    BotCommand("kenh", "Chọn kênh nhận nhắc việc (Telegram hoặc Zalo)"),
    BotCommand("giao", "Giao nhiệm vụ của đơn vị cho cán bộ (trưởng đơn vị)"),
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
    result = await send_due_digests(ctx.db, senders(conv), clock=ctx.clock, policy=ctx.policy, worker=ctx.worker)
    if result.sent or result.failed or result.planned:
        log.info("tick: %d sent, %d failed; %d digests planned", len(result.sent), len(result.failed), result.planned)


def _zalo(settings: Settings, conversation: Conversation) -> tuple[ZaloBotApi, ZaloPoller] | None:
    """The Zalo channel on this conversation, when a Zalo token is set."""
    if settings.zalo_bot_token is None:
        return None
    api = ZaloBotApi(settings.zalo_bot_token.get_secret_value(), base_url=settings.zalo_base_url)
    conversation.add_channel(ZaloChannel(api))
    return api, ZaloPoller(api, conversation, conversation.ctx.clock)


async def _start_zalo(api: ZaloBotApi) -> None:
    me = await api.get_me()
    await api.delete_webhook()  # long polling does not work while a webhook is set
    log.info("Zalo bot %s connected", me.account_name)


def run_polling(settings: Settings) -> None:
    """Run every channel that has a token, in one process: Telegram (python-telegram-bot polling, its
    JobQueue ticking the reminders) and/or Zalo (long polling beside it)."""
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    conversation = make_conversation(settings, db=db)
    zalo = _zalo(settings, conversation)
    if settings.telegram_bot_token is None:
        assert zalo is not None
        asyncio.run(_run_zalo_only(conversation, *zalo))
        return
    app = build_application(settings, db=db, conversation=conversation)
    if zalo is not None:
        api, poller = zalo

        polling: list[asyncio.Task[None]] = []

        async def start_zalo(app: Application) -> None:  # type: ignore[type-arg]
            await _post_init(app)
            await _start_zalo(api)
            polling.append(asyncio.create_task(poller.run_forever(), name="zalo-polling"))

        async def stop_zalo(app: Application) -> None:  # type: ignore[type-arg]
            for task in polling:
                task.cancel()
            await asyncio.gather(*polling, return_exceptions=True)
            await api.aclose()

        app.post_init = start_zalo
        app.post_stop = stop_zalo
    log.info("Nhắc việc is running (database: %s; channels: %s)", db.dialect, ", ".join(conversation.channels))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


async def _run_zalo_only(conversation: Conversation, api: ZaloBotApi, poller: ZaloPoller) -> None:
    """Zalo without Telegram: APScheduler ticks the reminders, the poller reads Zalo."""
    ctx = conversation.ctx

    async def tick() -> None:
        result = await send_due_digests(ctx.db, senders(conversation), clock=ctx.clock, policy=ctx.policy,
                                          worker=ctx.worker)
        if result.sent or result.failed:
            log.info("tick: %d sent, %d failed", len(result.sent), len(result.failed))

    scheduler = AsyncIOScheduler()
    scheduler.add_job(tick, "interval", seconds=ctx.settings.tick_seconds, max_instances=1, coalesce=True)
    try:
        await _start_zalo(api)
        scheduler.start()
        log.info("Nhắc việc is running (database: %s; channels: zalo)", ctx.db.dialect)
        await poller.run_forever()
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await api.aclose()


def run_channels(settings: Settings) -> str | None:
    """`nhacviec run`: None after a clean stop, else what went wrong, in one Vietnamese line."""
    try:
        run_polling(settings)
    except InvalidToken:
        log.error("Telegram refused the token")
        return ("Telegram từ chối TELEGRAM_BOT_TOKEN: mã không đúng hoặc đã bị thu hồi. Đồng chí kiểm tra lại "
                "mã do @BotFather cấp.")
    except NetworkError as exc:
        log.error("cannot reach the Telegram Bot API: %s", exc)
        return (f"Không kết nối được máy chủ Telegram ({settings.telegram_base_url.split('/bot')[0]}). "
                "Đồng chí kiểm tra kết nối mạng rồi chạy lại.")
    except ZaloUnauthorized:
        log.error("Zalo refused the token")
        return "Zalo từ chối ZALO_BOT_TOKEN: mã không đúng hoặc đã bị thu hồi. Đồng chí kiểm tra lại mã của bot Zalo."
    except ZaloNetworkError as exc:
        log.error("cannot reach the Zalo Bot API: %s", exc)
        return (f"Không kết nối được máy chủ Zalo ({settings.zalo_base_url}). Đồng chí kiểm tra kết nối mạng "
                "rồi chạy lại.")
    return None
