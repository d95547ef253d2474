"""The application factory: settings and an optional transport in, a ready
python-telegram-bot Application out, with the channel-neutral conversation behind
it. Tests and `nhacviec chat` pass a transport that reaches the sandbox; `nhacviec
run` uses Telegram itself."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import socket
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from telegram import BotCommand, Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.channels.telegram import PerChatUpdateProcessor, conversation_of, install, retry_seconds
from bot.channels.zalo import ZaloChannel, ZaloPoller, webhook_app
from bot.channels.zalo_api import ZaloBotApi, ZaloError, ZaloNetworkError, ZaloUnauthorized
from bot.context import AppContext, policy_from
from bot.conversation.core import Conversation
from bot.file_links import FileLinks, file_routes
from bot.settings import Settings
from bot.ticks import run_tick
from bot.webhook import (
    TELEGRAM_PATH,
    ZALO_PATH,
    CannotListen,
    HealthCheck,
    TelegramFeed,
    WebhookConfig,
    WebhookConfigInvalid,
    WebhookRefused,
    WebhookServer,
    bind,
    create_webhook_app,
    make_server,
    webhook_config,
)
from scheduler.clock import Clock, SystemClock
from scheduler.dispatcher import DispatchResult
from storage.db import Database, upgrade

log = logging.getLogger(__name__)

COMMANDS = [
    BotCommand("viec", "Nhiệm vụ đồng chí đang phụ trách"),
    BotCommand("tonghop", "Tổng hợp tình hình thực hiện theo đơn vị"),
    BotCommand("donvi", "Tổng hợp nhiệm vụ của đơn vị (trưởng đơn vị)"),
    BotCommand("kenh", "Chọn kênh nhận nhắc việc (Telegram hoặc Zalo)"),
    BotCommand("giao", "Giao nhiệm vụ của đơn vị cho cán bộ (trưởng đơn vị)"),
    BotCommand("nghi", "Báo nghỉ phép: tạm dừng nhắc việc, cử người nhận thay"),
    BotCommand("huy", "Hủy văn bản hoặc một nhiệm vụ đã giao (quản trị viên)"),
    BotCommand("loi", "Tin nhắc việc chưa gửi được (quản trị viên)"),
    BotCommand("moi", "Tạo mã mời cán bộ (quản trị viên)"),
    BotCommand("lich", "Lịch ngày nghỉ, ngày làm bù (quản trị viên)"),
    BotCommand("huongdan", "Hướng dẫn sử dụng"),
]


def make_conversation(settings: Settings, *, db: Database, clock: Clock | None = None) -> Conversation:
    return Conversation(AppContext(settings=settings, db=db, clock=clock or SystemClock(),
                                   base_policy=policy_from(settings), worker=f"{socket.gethostname()}:{os.getpid()}"))


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
        .concurrent_updates(PerChatUpdateProcessor())  # one chat in order, chats side by side
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
    """The JobQueue's job: one reminder tick."""
    await tick(conversation_of(context.application))


async def tick(conversation: Conversation) -> DispatchResult | None:
    """Plan and send the due digests once; one INFO line when something happened. None when the
    database did not answer (said in one line; the next tick tries again)."""
    try:
        result = await run_tick(conversation)
    except OperationalError as exc:
        log.error("reminder tick: the database did not answer (%s); reminders wait until it does: check that the "
                  "database server runs and that DATABASE_URL points at it", _first_line(exc))
        return None
    if result.planned or result.sent or result.failed or result.postponed or result.lost:
        log.info("tick: %d digests planned, %d sent, %d failed, %d postponed, %d taken over by another process",
                 result.planned, len(result.sent), len(result.failed), len(result.postponed), len(result.lost))
    if result.failed:
        log.warning("tick: %d digests not delivered (reasons above): a person the bot cannot reach must open the "
                    "bot again; network errors are tried again at the next ticks", len(result.failed))
    return result


def describe_database(db: Database) -> str:
    """The database for a log line: dialect and where, never the password."""
    return f"{db.dialect} ({db.engine.url.render_as_string(hide_password=True)})"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]


def _zalo(settings: Settings, conversation: Conversation,
          webhook: WebhookConfig | None = None) -> tuple[ZaloBotApi, ZaloPoller] | None:
    """The Zalo channel on this conversation, when a Zalo token is set; in webhook mode it sends a report's chart
    and Excel file as links under the public address (Zalo takes no documents, photos only by URL)."""
    if settings.zalo_bot_token is None:
        return None
    api = ZaloBotApi(settings.zalo_bot_token.get_secret_value(), base_url=settings.zalo_base_url)
    ctx = conversation.ctx
    links = FileLinks(ctx.db, ctx.clock, webhook.base_url, dt.timedelta(hours=settings.file_link_hours)) \
        if webhook is not None else None
    if links is None:
        log.info("Zalo gets reports as text only: charts and Excel files go to Zalo as links in webhook mode "
                 "(NHACVIEC_WEBHOOK_URL), which long polling is not")
    conversation.add_channel(ZaloChannel(api, links, ZoneInfo(settings.timezone)))
    return api, ZaloPoller(api, conversation, conversation.ctx.clock)


# ---------------------------------------------------------------- `nhacviec run`

CONFLICTS_TO_STOP = 3  # 409 answers within CONFLICT_WINDOW seconds: another process really polls this token
CONFLICT_WINDOW = 60.0


class PollingConflict(Exception):
    """Telegram answered getUpdates with 409 Conflict, again and again."""


class ConflictWatch:
    """The Updater's polling error callback: a 409 Conflict (another process polls the same token,
    or a webhook is set) stops the run once it repeats; other errors are one line each (the
    Updater itself tries again). One 409 alone can be the previous process's last long poll
    after a restart."""

    def __init__(self, stop: asyncio.Event, *, now: Callable[[], float] = time.monotonic) -> None:
        self.stop, self.now = stop, now
        self.seen: list[float] = []
        self.conflict: Conflict | None = None

    def __call__(self, exc: TelegramError) -> None:
        if not isinstance(exc, Conflict):
            log.warning("polling Telegram failed (%s); trying again", exc)
            return
        t = self.now()
        self.seen = [s for s in self.seen if t - s < CONFLICT_WINDOW] + [t]
        if len(self.seen) == 1:
            log.warning("Telegram answered getUpdates with 409 Conflict (%s)", exc.message)
        if len(self.seen) >= CONFLICTS_TO_STOP and self.conflict is None:
            log.error("Telegram keeps answering 409 Conflict: another process polls this bot's token, or a webhook "
                      "is set; stopping")
            self.conflict = exc
            self.stop.set()


class _DropAll(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


async def _stop_updater(app: Application, conflicts: ConflictWatch) -> None:  # type: ignore[type-arg]
    updater = app.updater
    if updater is None or not updater.running:
        return
    if conflicts.conflict is None:
        await updater.stop()
        return
    # The Updater's last getUpdates (to confirm what it fetched) meets the same 409 and would log a traceback.
    quiet, logger = _DropAll(), logging.getLogger("telegram.ext.Updater")
    logger.addFilter(quiet)
    try:
        await updater.stop()
    finally:
        logger.removeFilter(quiet)


async def _warn_if_webhook_set(app: Application) -> None:  # type: ignore[type-arg]
    """Long polling removes a webhook: say so, in case webhook-mode processes run elsewhere."""
    try:
        url = (await app.bot.get_webhook_info()).url
    except TelegramError as exc:
        log.debug("getWebhookInfo failed: %s", exc)
        return
    if url:
        log.warning("a webhook was set (%s); long polling removes it: if webhook-mode processes serve that URL, "
                    "they receive nothing from now on: stop this process and run every process in webhook mode",
                    url)


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def _stop_server(server: WebhookServer, serving: asyncio.Task[None]) -> None:
    server.should_exit = True  # in-flight requests finish first
    await asyncio.gather(serving, return_exceptions=True)


SET_WEBHOOK_ATTEMPTS = 5


async def _set_telegram_webhook(app: Application, webhook: WebhookConfig, clock: Clock) -> None:  # type: ignore[type-arg]
    """setWebhook; processes starting together behind one URL meet Telegram's flood limit: wait and again."""
    for attempt in range(1, SET_WEBHOOK_ATTEMPTS + 1):
        try:
            await app.bot.set_webhook(url=webhook.telegram_url, secret_token=webhook.secret,
                                      allowed_updates=Update.ALL_TYPES)
            return
        except BadRequest as exc:
            raise WebhookRefused("Telegram", webhook.telegram_url, exc.message) from None
        except RetryAfter as exc:
            if attempt == SET_WEBHOOK_ATTEMPTS:
                raise WebhookRefused("Telegram", webhook.telegram_url, exc.message) from None
            log.info("setWebhook: Telegram asks to wait %gs (another process set it just now)", retry_seconds(exc))
            await clock.sleep(retry_seconds(exc))


def _telegram_feed(app: Application) -> TelegramFeed:  # type: ignore[type-arg]
    async def feed(body: dict[str, Any]) -> bool:
        update = Update.de_json(body, app.bot)
        if update is None or not body.get("update_id"):
            return False
        await app.process_update(update)  # handlers' errors go to the error handler, as in polling
        return True

    return feed


def database_health(db: Database) -> HealthCheck:
    def ping(session: Session) -> None:
        session.execute(text("SELECT 1"))

    async def check() -> None:
        await db.run(ping)

    return check


async def serve(settings: Settings, webhook: WebhookConfig | None) -> None:
    """Run every channel that has a token, in one process, until SIGINT/SIGTERM: Telegram
    (python-telegram-bot; its JobQueue ticks the reminders) and/or Zalo (APScheduler ticks
    when Telegram does not run). Long polling by default; with `webhook`, one ASGI server
    receives both channels' calls and setWebhook points Telegram and Zalo at it."""
    db = Database(settings.database_url)
    conversation = make_conversation(settings, db=db)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    conflicts = ConflictWatch(stop)
    watched: list[asyncio.Task[None]] = []
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(db.dispose)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
            stack.callback(loop.remove_signal_handler, sig)
        names: list[str] = []
        app: Application | None = None  # type: ignore[type-arg]
        if settings.telegram_bot_token is not None:
            app = build_application(settings, db=db, conversation=conversation)
            await app.initialize()
            stack.push_async_callback(app.shutdown)
            await _post_init(app)
            names.append(f"telegram @{app.bot.username}")
        zalo = _zalo(settings, conversation, webhook)
        if zalo is not None:
            api, poller = zalo
            stack.push_async_callback(api.aclose)
            me = await api.get_me()
            names.append(f"zalo “{me.account_name}”")
        if app is not None:
            await app.start()  # the JobQueue: reminder ticks (its stop waits for a tick under way)
            stack.push_async_callback(app.stop)
            assert app.job_queue is not None
            scheduler = app.job_queue.scheduler
        else:
            ticking = asyncio.Lock()  # held by the tick under way: a stop waits for it
            scheduler = AsyncIOScheduler()
            scheduler.add_job(_locked_tick, "interval", args=[conversation, ticking], seconds=settings.tick_seconds,
                              max_instances=1, coalesce=True)
            scheduler.start()
            stack.push_async_callback(_stop_scheduler, scheduler, ticking)
        if webhook is None:
            if app is not None:
                assert app.updater is not None
                await _warn_if_webhook_set(app)
                await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, error_callback=conflicts)
                stack.push_async_callback(_stop_updater, app, conflicts)
            if zalo is not None:
                await api.delete_webhook()  # long polling does not work while a webhook is set
                polling = asyncio.create_task(poller.run_forever(), name="zalo-polling")
                stack.push_async_callback(_cancel, polling)
                watched.append(polling)
            mode = "polling"
        else:
            sock = bind(webhook.listen, webhook.port)  # listening before Telegram is told to call
            stack.callback(sock.close)
            asgi = create_webhook_app(
                secret=webhook.secret, telegram=_telegram_feed(app) if app is not None else None,
                zalo=webhook_app(conversation, webhook.secret, ZALO_PATH) if zalo is not None else None,
                health=database_health(db), channels=tuple(conversation.channels),
                files=file_routes(db, conversation.ctx.clock))
            server = make_server(asgi, debug=logging.getLogger().isEnabledFor(logging.DEBUG))
            serving = asyncio.create_task(server.serve(sockets=[sock]), name="webhook-server")
            stack.push_async_callback(_stop_server, server, serving)
            watched.append(serving)
            if app is not None:
                await _set_telegram_webhook(app, webhook, conversation.ctx.clock)
            if zalo is not None:
                try:
                    await api.set_webhook(webhook.zalo_url, webhook.secret)
                except (ZaloUnauthorized, ZaloNetworkError):
                    raise
                except ZaloError as exc:
                    raise WebhookRefused("Zalo", webhook.zalo_url, str(exc)) from None
            paths = " and ".join(p for p, on in ((TELEGRAM_PATH, app is not None), (ZALO_PATH, zalo is not None)) if on)
            mode = f"webhook at {webhook.base_url} ({paths}), listening on {webhook.listen}:{webhook.port}"
        # from the moment the process is stopping no tick starts: one starting while the scheduler shuts down is
        # cancelled mid-send (and leaves a traceback in the log); one already under way is waited for
        stack.callback(scheduler.pause)
        log.info("Nhắc việc is running: %s; database %s; mode %s; reminders tick every %gs",
                 ", ".join(names), describe_database(db), mode, settings.tick_seconds)
        stopping = asyncio.create_task(stop.wait(), name="stop-signal")
        try:
            done, _ = await asyncio.wait([stopping, *watched], return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        for task in done:
            if task is not stopping and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]
        log.info("Nhắc việc is stopping")
    if conflicts.conflict is not None:
        raise PollingConflict(conflicts.conflict.message)


async def _locked_tick(conversation: Conversation, ticking: asyncio.Lock) -> None:
    async with ticking:
        await tick(conversation)


async def _stop_scheduler(scheduler: AsyncIOScheduler, ticking: asyncio.Lock) -> None:
    """Stop Zalo's tick scheduler after the tick under way, if any, has finished (its shutdown would cancel it)."""
    scheduler.pause()
    async with ticking:
        scheduler.shutdown(wait=False)


def run_polling(settings: Settings) -> None:
    """Long polling (or webhook mode when NHACVIEC_WEBHOOK_URL is set), after upgrading the database."""
    webhook = webhook_config(settings)
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logging.getLogger("alembic").setLevel(logging.WARNING)  # a dozen set-up lines; storage.db says the result
    upgrade(settings.database_url)
    asyncio.run(serve(settings, webhook))


CONFLICT_MESSAGE = ("Telegram báo xung đột (409): một tiến trình khác đang nhận tin của bot này bằng cùng "
                    "TELEGRAM_BOT_TOKEN, hoặc bot đang đặt webhook. Đồng chí dừng tiến trình kia (hoặc gỡ webhook), "
                    "hoặc chạy mọi tiến trình ở chế độ webhook (NHACVIEC_WEBHOOK_URL, xem docs/DEPLOY.md).")


def run_channels(settings: Settings) -> str | None:
    """`nhacviec run`: None after a clean stop, else what went wrong, in one Vietnamese line."""
    try:
        run_polling(settings)
    except WebhookConfigInvalid as exc:
        log.error("webhook settings invalid")
        return exc.message
    except PollingConflict:
        return CONFLICT_MESSAGE  # the cause is logged when it is seen
    except CannotListen as exc:
        log.error("%s", exc)
        return (f"Không mở được cổng {exc.host}:{exc.port} để nhận webhook ({exc.reason}): cổng đang bị chương trình "
                "khác dùng hoặc cần quyền quản trị. Đồng chí đổi NHACVIEC_WEBHOOK_PORT/NHACVIEC_WEBHOOK_LISTEN hoặc "
                "dừng chương trình kia.")
    except WebhookRefused as exc:
        log.error("%s", exc)
        return (f"{exc.channel} không nhận địa chỉ webhook {exc.url} ({exc.description}). Đồng chí kiểm tra "
                "NHACVIEC_WEBHOOK_URL: địa chỉ https công khai, chứng chỉ hợp lệ, máy chủ chuyển tiếp tới bot.")
    except InvalidToken as exc:
        log.error("Telegram refused the token: %s", exc)
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
